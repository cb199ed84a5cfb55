:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((atom_concat(hello,  world, S), S == hello world)).
:- t((atom_concat(T,  world, small world), T == small)).
:- t((atom_concat(hello,  world, small world))).
:- t((findall(T1-T2, atom_concat(T1, T2, hello), L), length(L, 6))).
:- t((atom_concat(A, iso, B))).
:- t((atom_concat(f(a), b, X))).
:- t((atom_concat(12, 3, X), X == 123)).
