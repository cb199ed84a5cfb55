:- set_prolog_flag(double_quotes, string).
% With double_quotes at string (SWI 7's default), "text" is a string, and the text
% builtins take a string where they take a code or char list.
greet(Name) :- format("Hello, ~w!~n", [Name]).

t(1) :- X = "abc", write(X), nl, print(X), nl, writeq(X), nl, write_canonical(X), nl.
t(2) :- X = "abc", ( string(X) -> writeln(string) ; writeln(other) ).
t(3) :- current_prolog_flag(double_quotes, F), writeln(F).
t(4) :- atom_length("hello", L), writeln(L).
t(5) :- atom_codes(A, "xyz"), writeq(A), nl, atom_chars(B, "pq"), writeq(B), nl.
t(6) :- ( atom_codes(xy, "xy") -> writeln(yes) ; writeln(no) ),
        ( atom_chars(xy, "xz") -> writeln(yes) ; writeln(no) ).
t(7) :- number_codes(N, "42"), writeq(N), nl, number_chars(M, "4.5"), writeq(M), nl,
        number_codes(K, " 7"), writeq(K), nl.
t(8) :- catch(number_codes(_, "4a"), error(E, _), (writeq(E), nl)).
t(9) :- X = "it's", writeq(X), nl, Y = "say \"hi\"", writeq(Y), nl, write(Y), nl.
t(10) :- msort(["b", a, 1, "a", f(x), 2.0], L), writeq(L), nl.
t(11) :- format("~a ~q ~w~n", [abc, "q", "w"]), format(atom(A), "~w", ["x"]), writeq(A), nl.
t(12) :- sort(["b", "a", "b"], L), writeq(L), nl, length(L, N), writeln(N).
t(13) :- assertz(fact("stored")), fact(X), writeq(X), nl.
t(14) :- string_concat("ab", "cd", S), writeq(S), nl, split_string("a,b", ",", "", P), writeq(P), nl.
t(15) :- atom_string(A, "foo"), writeq(A), nl, string_to_atom("zz", Z), writeq(Z), nl.
t(16) :- X = "", writeq(X), nl, ( X == "" -> writeln(empty) ; true ).
t(17) :- atom_codes(A, ""), writeq(A), nl.
t(18) :- greet("World"), greet(bob).

main :- forall(between(1, 18, I), ( catch(t(I), E, (print(caught(I, E)), nl)) -> true ; writeln(failed(I)) )).
