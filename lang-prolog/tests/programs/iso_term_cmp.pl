:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((1.0 @< 1)).
:- t((a @< b)).
:- t((f(a) @< f(b))).
:- t((f(b) @< g(a))).
:- t((f(a, b) @< g(a))).
:- t((X @< 1)).
:- t((1 @< a)).
:- t((a @< f(a))).
:- t(([] @< a)).
:- t(("abc" @< abc)).
:- t((compare(=, 1, 1))).
:- t((compare(<, 1, 1.0))).
:- t((compare(X, foo, bar), X == (>))).
:- t((compare(foo, 1, 2))).
:- t((compare(1, 1, 2))).
:- t((f(X) == f(X))).
:- t((f(X) \== f(Y))).
:- t((a \== b)).
