:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((atom_codes('', L), L == [])).
:- t((atom_codes([], L), L == "[]")).
:- t((atom_codes('\'', L), L == [39])).
:- t((atom_codes(iso, L), L == "iso")).
:- t((atom_codes(A, "prolog"), A == prolog)).
:- t((atom_codes(X, Y))).
:- t((atom_codes(f(a), L))).
:- t((atom_codes(X, [0'a|_]))).
:- t((atom_codes(X, [-1]))).
