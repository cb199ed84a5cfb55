sum([], S, S).
sum([X|Xs], S0, S) :- S1 is S0 + X, sum(Xs, S1, S).
mklist(N, L) :- numlist(1, N, L).
loop(I, N) :- I >= N, !.
loop(I, N) :- I1 is I + 1, loop(I1, N).
nd(0) :- !.
nd(N) :- ( N mod 2 =:= 0 -> true ; true ), N1 is N - 1, nd(N1).
:- mklist(50000, L), sum(L, 0, S), write(S), nl.
:- loop(0, 200000), write(loop_done), nl.
:- nd(100000), write(nd_done), nl.
:- findall(X, between(1, 50000, X), L), length(L, N), write(N), nl.
