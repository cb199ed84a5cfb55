:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((assertz(foo(1)))).
:- t((foo(X), X == 1)).
:- t((asserta((bar(X) :- X = 2)))).
:- t((bar(Y), Y == 2)).
:- t((assertz(_))).
:- t((assertz(4))).
:- t((assertz((foo :- 4)))).
:- t((assertz((atom(_) :- true)))).
:- t((asserta(foo(2)), findall(X, foo(X), L), L == [2,1])).
:- t((retract(foo(1)), findall(X, foo(X), L), L == [2])).
:- t((retract(nonexistent(_)))).
:- t((retract((atom(_) :- true)))).
:- t((abolish(foo/1), \+ catch(foo(_), _, fail))).
:- t((abolish(foo/a))).
:- t((abolish(atom/1))).
