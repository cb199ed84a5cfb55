% The double_quotes flag changes how later clauses read "text".
:- set_prolog_flag(double_quotes, codes).
c1("abc").
:- set_prolog_flag(double_quotes, chars).
c2("abc").
:- set_prolog_flag(double_quotes, atom).
c3("abc").
c4("").
:- set_prolog_flag(double_quotes, codes).
c5("").
c6("a\nb").
c7(`back`).

:- initialization(main).
main :-
    forall(member(P, [c1, c2, c3, c4, c5, c6, c7]),
           ( G =.. [P, X], call(G), writeq(P = X), nl )),
    current_prolog_flag(double_quotes, F), writeq(F), nl,
    atom_codes(A, "xyz"), writeq(A), nl,
    ( "abc" = [0'a|_] -> writeln(codes_list) ; writeln(other) ).
