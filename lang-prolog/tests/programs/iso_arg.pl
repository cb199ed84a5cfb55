:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((arg(1, foo(a,b), a))).
:- t((arg(1, foo(a,b), X), X == a)).
:- t((arg(1, foo(X,b), a), X == a)).
:- t((arg(2, foo(a, f(X,b), c), f(a, Y)), X == a, Y == b)).
:- t((arg(1, foo(X,b), Y), X = a, Y == a)).
:- t((arg(1, foo(a,b), b))).
:- t((arg(0, foo(a,b), foo))).
:- t((arg(3, foo(3,4), N))).
:- t((arg(X, foo(a,b), a), X == 1)).
:- t((arg(1, X, a))).
:- t((arg(0, atom, A))).
:- t((arg(0, 3, A))).
:- t((arg(a, foo(a,b), X))).
:- t((arg(-1, foo(a,b), X))).
