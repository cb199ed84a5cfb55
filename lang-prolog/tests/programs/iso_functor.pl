:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((functor(foo(a,b,c), foo, 3))).
:- t((functor(foo(a,b,c), X, Y), X == foo, Y == 3)).
:- t((functor(X, foo, 3), X = foo(_,_,_))).
:- t((functor(X, foo, 0), X == foo)).
:- t((functor(mats(A,B), A, B))).
:- t((functor(foo(a), foo, 2))).
:- t((functor(foo(a), fo, 1))).
:- t((functor(1, X, Y), X == 1, Y == 0)).
:- t((functor(X, 1.1, 0), X == 1.1)).
:- t((functor([_|_], '[|]', 2))).
:- t((functor([], [], 0))).
:- t((functor(X, Y, 3))).
:- t((functor(X, foo, N))).
:- t((functor(X, foo, a))).
:- t((functor(F, 1.5, 1))).
:- t((functor(F, foo(a), 1))).
:- t((functor(F, foo, -1))).
