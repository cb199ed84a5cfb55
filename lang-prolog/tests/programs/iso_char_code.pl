:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((char_code(a, X), X == 0'a)).
:- t((char_code(X, 0'b), X == b)).
:- t((char_code(X, Y))).
:- t((char_code(ab, X))).
:- t((char_code(X, a))).
:- t((atom_chars(X, ['1', '2']), atom(X))).
:- t((number_chars(X, ['1', '2']), X == 12)).
:- t((number_chars(X, [a]))).
:- t((number_chars(3.0, L), L == ['3', '.', '0'])).
