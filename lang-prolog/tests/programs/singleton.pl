p(X, Y) :- q(X).
q(_).
r(A) :- A = _B.
:- write(done), nl.
