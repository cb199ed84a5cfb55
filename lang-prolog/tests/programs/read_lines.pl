:- set_prolog_flag(double_quotes, string).
% Line input from standard input: read_line_to_string/2 (end_of_file at
% the end), read_line_to_codes/2 (likewise), read_string/5 up to a
% separator and read_string/3 for the rest.
main :-
    read_line_to_string(user_input, L1), writeq(L1), nl,
    read_line_to_codes(user_input, C2), atom_codes(A2, C2), writeq(A2), nl,
    read_line_to_string(user_input, Empty), writeq(Empty), nl,
    read_string(user_input, ",", " ", Sep, Field), writeq(Sep-Field), nl,
    read_string(user_input, "\n", "\r ", Sep2, Rest), writeq(Sep2-Rest), nl,
    lines(Ls), length(Ls, N), format("~d more lines~n", [N]),
    forall(member(L, Ls), (split_string(L, " ", " ", Ws), length(Ws, K), format("~w: ~d words~n", [L, K]))),
    read_line_to_string(user_input, E1), writeq(E1), nl,
    read_line_to_codes(user_input, E2), writeq(E2), nl,
    read_string(user_input, _, E3), writeq(E3), nl.
lines(Ls) :-
    read_line_to_string(user_input, L),
    (   L == "END" -> Ls = []
    ;   Ls = [L|T], lines(T)
    ).
