hanoi(0, _, _, _) :- !.
hanoi(N, A, B, C) :- N1 is N - 1, hanoi(N1, A, C, B), format("~w -> ~w~n", [A, B]), hanoi(N1, C, B, A).
:- hanoi(3, left, right, mid).
