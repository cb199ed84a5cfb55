:- set_prolog_flag(double_quotes, codes).
:- X = "a", atom_codes(A, X), write(A), nl.
:- atom_chars(X, [h, e, l, l, o]), atom_length(X, L), write(X/L), nl.
:- X = f(_A, _B), X = f(1, 2), write(X), nl.
:- catch(succ(a, _), error(type_error(T, _), _), (write(T), nl)).
:- tab(0), write(x), nl.
:- X is 5, ( X > 3, X < 10 -> write(in_range) ; write(out) ), nl.
:- length([_, _|T], 4), length(T, N), write(N), nl.
:- last([a], X), write(X), nl.
:- nth1(2, L, x, [a, b]), write(L), nl.
:- nth0(0, L, x, [a, b]), write(L), nl.
:- sumlist([], S), write(S), nl.
:- reverse([], R), write(R), nl.
:- select(x, L, [a, b]), write(L), nl, fail ; true.
:- permutation([1,2,3], P), write(P), write(' '), fail ; nl.
:- findall(X-Y, nth1(X, [a,b], Y), L), write(L), nl.
:- exclude([X]>>(X == a), [a, b, a, c], L), write(L), nl.
:- msort([f(B), f(A)], _), write(ok), nl.
:- atom_concat(abc, X, abcdef), write(X), nl.
:- upcase_atom(éa, U), write(U), nl.
:- atom_length('héllo', L), write(L), nl.
:- sub_atom('héllo', 1, 1, _, C), write(C), nl.
:- X = 'don''t', writeq(X), nl.
:- writeq(['\\', '''', 'a b', aB, 'Ab', [], '[]', {}, '{}', '', ' ']), nl.
:- writeq(f(a + b, -(1), - a, 1 - 2, a = b, [x], "")), nl.
