% Last-call optimisation: deep tail recursion in constant space, with
% accumulators, mutual recursion, if-then-else and a failure-driven loop.
:- initialization(main).

count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).

sum_to(0, Acc, Acc) :- !.
sum_to(N, Acc0, Acc) :- Acc1 is Acc0 + N, N1 is N - 1, sum_to(N1, Acc1, Acc).

even(0) :- !.
even(N) :- N1 is N - 1, odd(N1).
odd(N) :- N > 0, N1 is N - 1, even(N1).

loop_ite(N, Max, R) :-
    (   N >= Max
    ->  R = done(N)
    ;   N1 is N + 1,
        loop_ite(N1, Max, R)
    ).

collatz(1, S, S) :- !.
collatz(N, S0, S) :-
    S1 is S0 + 1,
    ( N mod 2 =:= 0 -> N1 is N // 2 ; N1 is 3 * N + 1 ),
    collatz(N1, S1, S).

len([], N, N).
len([_|T], N0, N) :- N1 is N0 + 1, len(T, N1, N).

main :-
    count(0, 100000), write(counted), nl,
    sum_to(100000, 0, S), write(S), nl,
    ( even(100000) -> write(even) ; write(odd) ), nl,
    loop_ite(0, 100000, R), write(R), nl,
    collatz(837799, 0, C), write(C), nl,
    numlist(1, 100000, L), len(L, 0, Len), write(Len), nl,
    length(L2, 50000), len(L2, 0, Len2), write(Len2), nl,
    between(1, 100000, X), X >= 100000, write(X), nl.
