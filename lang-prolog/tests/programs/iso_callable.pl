:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((callable(a))).
:- t((callable(3))).
:- t((callable(X))).
:- t((callable((fail, 1)))).
:- t((callable(f(X)))).
:- t((is_list([a|X]))).
:- t((ground(f(a, g(b))))).
:- t((atomic("s"))).
:- t((compound([a]))).
:- t((compound([]))).
:- t((var(X), X = 1, nonvar(X))).
:- t((number(1.0e10))).
:- t((integer(100000000000000000000))).
:- t((float(1))).
