nest(0, a) :- !.
nest(N, f(T)) :- N1 is N - 1, nest(N1, T).
depth(a, 0).
depth(f(T), D) :- depth(T, D0), D is D0 + 1.
:- nest(100000, T), copy_term(T, C), ( T == C -> write(equal) ; write(differ) ), nl.
:- nest(100000, T), depth(T, D), write(D), nl.
:- nest(50000, T), nest(50000, U), ( T = U -> write(unified) ; write(no) ), nl.
:- nest(3, T), write(T), nl.
:- numlist(1, 200000, L), msort(L, S), length(S, N), write(N), nl.
:- numlist(1, 100000, L), atomic_list_concat(L, ',', A), atom_length(A, Len), write(Len), nl.
:- length(L, 100000), maplist(=(x), L), sort(L, S), write(S), nl.
