roman(0, []) :- !.
roman(N, [R|Rs]) :- member(V-R, [1000-'M', 900-'CM', 500-'D', 400-'CD', 100-'C', 90-'XC', 50-'L', 40-'XL', 10-'X', 9-'IX', 5-'V', 4-'IV', 1-'I']), N >= V, !, N1 is N - V, roman(N1, Rs).
show(N) :- roman(N, L), atomic_list_concat(L, A), format("~d = ~a~n", [N, A]).
:- forall(member(N, [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]), show(N)).
