count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).
loop(0) :- !.
loop(N) :- N1 is N - 1, loop(N1).
len([], N, N).
len([_|T], N0, N) :- N1 is N0 + 1, len(T, N1, N).
:- count(0, 300000), write(counted), nl.
:- loop(300000), write(looped), nl.
:- numlist(1, 100000, L), len(L, 0, N), write(N), nl.
:- numlist(1, 100000, L), length(L, N), write(N), nl.
:- between(1, 100000, X), X >= 100000, write(X), nl.
