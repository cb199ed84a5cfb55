:- dynamic edge/2, reach/2.
edge(a, b). edge(b, c). edge(c, d). edge(d, b).
step :- edge(X, Y), \+ reach(X, Y), assertz(reach(X, Y)), fail.
step :- reach(X, Y), edge(Y, Z), \+ reach(X, Z), assertz(reach(X, Z)), fail.
step.
closure :- aggregate_all(count, reach(_, _), N0), step, aggregate_all(count, reach(_, _), N1), ( N1 =:= N0 -> true ; closure ).
:- closure, findall(X-Y, reach(X, Y), L), msort(L, S), write(S), nl.
