prime(2).
prime(N) :- N > 2, N mod 2 =\= 0, \+ has_factor(N, 3).
has_factor(N, F) :- F * F =< N, ( N mod F =:= 0 -> true ; F2 is F + 2, has_factor(N, F2) ).
:- findall(P, (between(1, 100, P), prime(P)), L), write(L), nl.
:- aggregate_all(count, (between(1, 2000, P), prime(P)), C), write(C), nl.
