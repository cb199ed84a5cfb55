:- set_prolog_flag(double_quotes, codes).
expr(V) --> term(T), expr_r(T, V).
expr_r(Acc, V) --> "+", !, term(T), { A1 is Acc + T }, expr_r(A1, V).
expr_r(Acc, V) --> "-", !, term(T), { A1 is Acc - T }, expr_r(A1, V).
expr_r(V, V) --> [].
term(V) --> factor(F), term_r(F, V).
term_r(Acc, V) --> "*", !, factor(F), { A1 is Acc * F }, term_r(A1, V).
term_r(Acc, V) --> "/", !, factor(F), { A1 is Acc / F }, term_r(A1, V).
term_r(V, V) --> [].
factor(V) --> "(", !, expr(V), ")".
factor(V) --> digits(Ds), { Ds \== [], number_codes(V, Ds) }.
digits([D|T]) --> [D], { D >= 0'0, D =< 0'9 }, !, digits(T).
digits([]) --> [].
calc(S) :- atom_codes(S, Cs), ( phrase(expr(V), Cs) -> format("~a = ~w~n", [S, V]) ; format("~a: syntax error~n", [S]) ).
:- calc('1+2*3'), calc('(1+2)*3'), calc('100/4-5'), calc('2*(3+4)*5'), calc('7/2'), calc('1+'), calc('12345678901234567890*98765432109876543210').
