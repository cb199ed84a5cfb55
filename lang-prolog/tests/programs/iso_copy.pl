:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((copy_term(X, Y))).
:- t((copy_term(X, 3))).
:- t((copy_term(_, a))).
:- t((copy_term(a+X, X+b), X == a)).
:- t((copy_term(_, _))).
:- t((copy_term(X+X+Y, A+B+B), A == B)).
:- t((copy_term(a, b))).
:- t((copy_term(a+X, X+b), copy_term(a+X, X+b))).
:- t((copy_term(f(X, Y, X), f(A, B, C)), A == C, A \== B)).
