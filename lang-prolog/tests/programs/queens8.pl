queens(N, Qs) :- numlist(1, N, Ns), sel_q(Ns, [], Qs).
sel_q([], Qs, Qs).
sel_q(Ns, Acc, Qs) :- select(Q, Ns, Rest), safe(Q, Acc, 1), sel_q(Rest, [Q|Acc], Qs).
safe(_, [], _).
safe(Q, [Q1|Qs], D) :- Q =\= Q1 + D, Q =\= Q1 - D, D1 is D + 1, safe(Q, Qs, D1).
:- queens(8, Qs), write(Qs), nl.
:- aggregate_all(count, queens(6, _), N), write(N), nl.
