greeting --> [hello], name.
name --> [world].
name --> [prolog].
digits([D|T]) --> digit(D), digits(T).
digits([D]) --> digit(D).
digit(D) --> [D], { code_type(D, digit) }.
expr(X) --> term(X0), expr_rest(X0, X).
expr_rest(X0, X) --> "+", !, term(Y), { X1 is X0 + Y }, expr_rest(X1, X).
expr_rest(X0, X) --> "-", !, term(Y), { X1 is X0 - Y }, expr_rest(X1, X).
expr_rest(X, X) --> [].
term(X) --> digits(Ds), { number_codes(X, Ds) }.
anbn --> [].
anbn --> [a], anbn, [b].
:- set_prolog_flag(double_quotes, codes).
:- phrase(greeting, [hello, world]), write(yes), nl.
:- ( phrase(greeting, [hello, x]) -> write(yes) ; write(no) ), nl.
:- phrase(expr(X), "12+30-2"), write(X), nl.
:- phrase(anbn, [a,a,b,b]), write(anbn_ok), nl.
:- ( phrase(anbn, [a,b,b]) -> write(yes) ; write(no) ), nl.
:- phrase(digits(Ds), "123", Rest), atom_codes(A, Ds), write(A-Rest), nl.
s --> "a", ( "b" ; "c" ), \+ "d".
:- ( phrase(s, "ab") -> write(s_ok) ; write(s_no) ), nl.
:- ( phrase(s, "ad") -> write(s_ok) ; write(s_no) ), nl.
