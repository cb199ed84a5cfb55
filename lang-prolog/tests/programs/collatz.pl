collatz(1, 0) :- !.
collatz(N, S) :- ( N mod 2 =:= 0 -> M is N // 2 ; M is 3 * N + 1 ), collatz(M, S0), S is S0 + 1.
best(Max, BestN, BestS) :- findall(S-N, (between(1, Max, N), collatz(N, S)), L), max_member(BestS-BestN, L).
:- collatz(27, S), write(S), nl.
:- best(1000, N, S), write(N-S), nl.
