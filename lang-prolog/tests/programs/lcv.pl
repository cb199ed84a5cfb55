% logical update view
:- dynamic p/1.
p(1). p(2).
:- forall(p(X), (Y is X + 2, assertz(p(Y)))), findall(X, p(X), L), write(L), nl.
:- dynamic q/1.
q(1). q(2). q(3).
:- forall(q(X), (retract(q(X)) -> true ; true)), findall(X, q(X), L), write(L), nl.
:- dynamic r/1.
r(1).
:- r(X), assertz(r(2)), write(X), nl, fail ; findall(Y, r(Y), L), write(L), nl.
