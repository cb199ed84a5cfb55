:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((foo(a,b) =.. [foo,a,b])).
:- t((X =.. [foo,a,b], X == foo(a,b))).
:- t((foo(a,b) =.. L, L == [foo,a,b])).
:- t((foo(X,b) =.. [foo,a,Y], X == a, Y == b)).
:- t((1 =.. [1])).
:- t((foo(a,b) =.. [foo,b,a])).
:- t((X =.. Y)).
:- t((X =.. [foo,a|Y])).
:- t((X =.. [foo|bar])).
:- t((X =.. [Foo,bar])).
:- t((X =.. [3,1])).
:- t((X =.. [1.1,foo])).
:- t((X =.. [a(b),1])).
:- t((X =.. 4)).
:- t((X =.. [f(a)])).
:- t((X =.. [])).
