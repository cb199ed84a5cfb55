:- set_prolog_flag(double_quotes, codes).
:- atom_codes(abc, L), write(L), nl.
:- atom_chars(abc, L), write(L), nl.
:- atom_chars(A, [x, y]), write(A), nl.
:- char_code(C, 0'z), write(C), nl.
:- atom_length('hello', N), write(N), nl.
:- atom_concat(ab, cd, A), write(A), nl.
:- findall(X+Y, atom_concat(X, Y, abc), L), writeq(L), nl.
:- sub_atom(hello, 1, 3, A, S), write(A-S), nl.
:- findall(S, sub_atom(abc, _, 2, _, S), L), write(L), nl.
:- sub_atom(hello_world, B, _, 0, world), write(B), nl.
:- number_codes(N, "42"), Y is N + 1, write(Y), nl.
:- atom_number('3.14', N), write(N), nl.
:- atom_number('12', N), integer(N), write(N), nl.
:- ( atom_number(abc, N) -> write(N) ; write(notnum) ), nl.
:- upcase_atom('Hello World', U), write(U), nl.
:- downcase_atom('Hello World', U), write(U), nl.
:- term_to_atom(f(x, 'b c', [1]), A), writeq(A), nl.
:- term_to_atom(T, 'g(1, Y, "s")'), T = g(A, _, _), write(A), nl.
:- atomic_list_concat([a, b, 1, 2.5], R), writeq(R), nl.
:- atomic_list_concat([a, b, c], '-', R), writeq(R), nl.
:- atomic_list_concat(L, ',', 'x,y,,z'), writeq(L), nl.
:- atom_string(A, "xyz"), writeq(A), nl.
:- number_codes(X, " 12"), write(X), nl.
:- atom_chars(X, ['1', '2']), writeq(X), nl.
:- number_chars(X, ['1', '2']), writeq(X), nl.
:- atom_length('', N), write(N), nl.
:- char_code(a, X), write(X), nl.
:- atom_codes(X, []), writeq(X), nl.
:- sub_atom(abcde, 1, 2, _, S), writeq(S), nl.
:- atom_concat(X, def, abcdef), writeq(X), nl.
:- atom_to_term('foo(X, Y, X)', T, B), length(B, N), write(N), nl.
:- upcase_atom(abc, X), atom_length(X, L), write(X/L), nl.
:- char_type(a, alpha), char_type('1', digit(W)), write(W), nl.
:- atom_codes(hello, Cs), msort(Cs, S), atom_codes(A, S), write(A), nl.
