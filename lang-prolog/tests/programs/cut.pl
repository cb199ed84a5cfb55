p(1). p(2). p(3).
q(X) :- p(X), X >= 2, !.
q(9).
r(X) :- ( p(X), ! ; X = 0 ).
s(X) :- call((p(X), !)) ; X = 5.
t(X) :- \+ (p(X), !), X = 7.
u(L) :- findall(X, (p(X), !), L).
v(X) :- catch((p(X), !), _, true).
w(X, Y) :- p(X), ( p(Y), Y > X -> true ; Y = none ).
:- findall(X, q(X), L), write(q=L), nl.
:- findall(X, r(X), L), write(r=L), nl.
:- findall(X, s(X), L), write(s=L), nl.
:- findall(X, t(X), L), write(t=L), nl.
:- u(L), write(u=L), nl.
:- findall(X, v(X), L), write(v=L), nl.
:- findall(X-Y, w(X, Y), L), write(w=L), nl.
n(X) :- ( X > 0 -> ! , write(pos) ; write(nonpos) ), nl.
n(_) :- write(second), nl.
:- n(1), n(0).
m(X) :- member(X, [a,b,c]), X \= a, !.
:- m(X), write(X), nl.
