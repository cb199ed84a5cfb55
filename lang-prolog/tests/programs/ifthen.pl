max(X, Y, Z) :- ( X >= Y -> Z = X ; Z = Y ).
sign(X, S) :- ( X > 0 -> S = pos ; X < 0 -> S = neg ; S = zero ).
:- max(3, 5, M), write(M), nl.
:- sign(-2, S1), sign(0, S2), sign(7, S3), write([S1, S2, S3]), nl.
:- ( fail -> write(a) ; true -> write(b) ; write(c) ), nl.
:- ( member(X, [1,2,3]), X > 1 -> write(X) ; write(none) ), nl.
:- findall(X, (member(X, [1,2,3]) *-> true ; X = none), L), write(L), nl.
:- findall(X, (fail *-> X = a ; X = b), L), write(L), nl.
:- ( true ; write(never) ), write(once), nl.
:- ( \+ fail -> write(negation) ; true ), nl.
t(X) :- ( X = 1 ; X = 2 ; X = 3 ).
:- findall(X, t(X), L), write(L), nl.
:- ( t(X), X > 5 -> true ; X = default ), write(X), nl.
