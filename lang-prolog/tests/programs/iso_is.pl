:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((X is 7 // 2, X == 3)).
:- t((X is -7 // 2, X == -3)).
:- t((X is 7 mod 3, X == 1)).
:- t((X is -7 mod 3, X == 2)).
:- t((X is 7 rem -3, X == 1)).
:- t((X is 1 + 2.0, X == 3.0)).
:- t((X is 3 - 5, X == -2)).
:- t((X is 5 / 2.0, X == 2.5)).
:- t((X is abs(-5), X == 5)).
:- t((X is max(3, 7.0), X == 7.0)).
:- t((X is truncate(-3.7), X == -3)).
:- t((X is round(3.5), X == 4)).
:- t((X is sign(-3), X == -1)).
:- t((X is 2 ** 3, X == 8)).
:- t((X is 2 ** 3.0, X == 8.0)).
:- t((X is 2 ^ 3, X == 8)).
:- t((X is 1 << 3, X == 8)).
:- t((X is 77 /\ 3, X == 1)).
:- t((X is float_integer_part(-2.5), X == -2.0)).
:- t((X is 0 ^ 0, X == 1)).
:- t((X is 0.0 / 0)).
:- t((X is 1 // 0)).
:- t((X is foo)).
:- t((X is 3 + Y)).
