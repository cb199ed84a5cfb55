:- set_prolog_flag(double_quotes, string).
:- X = "hello", string(X), string_length(X, L), write(L), nl.
:- string_concat("ab", "cd", S), writeq(S), nl.
:- split_string("a b  c", " ", "", P), writeq(P), nl.
:- split_string("  hi  ", "", " ", P), writeq(P), nl.
:- string_chars("abc", C), writeq(C), nl.
:- string_codes(S, [104, 105]), writeq(S), nl.
:- string_to_atom("xyz", A), writeq(A), nl.
:- number_string(N, "42"), writeq(N), nl.
:- atom_string(abc, S), writeq(S), nl.
:- string_lower("HeLLo", L), string_upper("HeLLo", U), writeq(L-U), nl.
:- sub_string("hello world", 6, 5, _, S), writeq(S), nl.
:- term_string(T, "f(X, y)"), T = f(_, Y), writeq(Y), nl.
:- format("~s and ~w~n", ["codes", "string"]).
:- atomic_list_concat([a, "b", 1], R), writeq(R), nl.
:- string_code(1, "abc", C), writeq(C), nl.
:- X = "a\nb", writeq(X), nl.
:- writeq("quote\"d"), nl.
:- string_concat(X, Y, "ab"), writeq(X+Y), write(' '), fail ; nl.
