parent(tom, bob). parent(tom, liz). parent(bob, ann). parent(bob, pat). parent(pat, jim).
male(tom). male(bob). male(jim). female(liz). female(ann). female(pat).
grandparent(X, Z) :- parent(X, Y), parent(Y, Z).
ancestor(X, Y) :- parent(X, Y).
ancestor(X, Y) :- parent(X, Z), ancestor(Z, Y).
sister(X, Y) :- parent(P, X), parent(P, Y), female(X), X \== Y.
:- findall(X-Y, grandparent(X, Y), L), write(L), nl.
:- findall(Y, ancestor(tom, Y), L), write(L), nl.
:- ( sister(ann, pat) -> write(yes) ; write(no) ), nl.
:- setof(X, Y^parent(X, Y), L), write(L), nl.
:- bagof(C, parent(P, C), L), write(P-L), nl, fail ; true.
:- aggregate_all(count, ancestor(_, _), N), write(N), nl.
