:- set_prolog_flag(double_quotes, string).
% sub_atom/5 in every mode, atom_concat/3 enumeration, sub_string/5.
:- initialization(main).

main :-
    findall(B-L-A-S, sub_atom(abc, B, L, A, S), All), writeq(All), nl,
    findall(B, sub_atom(abcabc, B, _, _, bc), Bs), writeq(Bs), nl,
    findall(S, sub_atom(hello, 1, 3, _, S), S1), writeq(S1), nl,
    findall(S, sub_atom(hello, _, 2, 0, S), S2), writeq(S2), nl,
    findall(S, sub_atom(hello, _, 2, _, S), S3), writeq(S3), nl,
    ( sub_atom(hello, _, _, _, xyz) -> writeq(found) ; writeq(not_found) ), nl,
    findall(X+Y, atom_concat(X, Y, abc), Cs), writeq(Cs), nl,
    atom_concat(abc, X1, abcdef), writeq(X1), nl,
    atom_concat(X2, def, abcdef), writeq(X2), nl,
    atom_concat(12, 34, N), writeq(N), nl,
    findall(B-S, sub_atom(aaa, B, 2, _, S), S4), writeq(S4), nl,
    findall(S, sub_string("hello world", _, 5, _, S), S5), length(S5, N5), writeq(N5), nl,
    sub_string("hello world", 6, 5, _, W), writeq(W), nl,
    findall(S, sub_atom('', _, _, _, S), S6), writeq(S6), nl,
    atomic_list_concat(Parts, ',', 'a,b,,c'), writeq(Parts), nl,
    atomic_list_concat([a, 1, "s", 2.5], R), writeq(R), nl,
    atomic_list_concat([x, y, z], '-', R2), writeq(R2), nl,
    split_string("/home//user/", "/", "", P), writeq(P), nl,
    split_string("  padded  ", "", " ", P2), writeq(P2), nl.
