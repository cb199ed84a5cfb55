:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((number_codes(X, "33"), X == 33)).
:- t((number_codes(X, " 33"), X == 33)).
:- t((number_codes(X, "0x1f"), X == 31)).
:- t((number_codes(X, "-25"), X == -25)).
:- t((number_codes(X, "3.3e2"), X == 330.0)).
:- t((number_codes(33, L), L == "33")).
:- t((number_codes(X, "0'a"), X == 97)).
:- t((number_codes(X, "4.2"), X == 4.2)).
:- t((number_codes(a, L))).
:- t((number_codes(X, "a"))).
:- t((number_codes(X, Y))).
