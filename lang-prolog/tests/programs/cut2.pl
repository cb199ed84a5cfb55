t1 :- ( member(X, [1,2,3]), X > 1, ! ; X = 0 ), write(X), nl.
t2 :- findall(X, (member(X, [1,2,3]), !), L), write(L), nl.
t3 :- \+ ( member(X, [1,2]), !, X > 1 ), write(t3_ok), nl.
a(X) :- b(X), !.
a(0).
b(1). b(2).
t4 :- findall(X, a(X), L), write(L), nl.
c(X) :- ( X = 1 ; X = 2 ), ( true ; true ), !.
t5 :- findall(X, c(X), L), write(L), nl.
d(X) :- once(member(X, [a,b])).
t6 :- findall(X, d(X), L), write(L), nl.
e(X) :- catch(member(X, [1,2,3]), _, true).
t7 :- findall(X, e(X), L), write(L), nl.
f(X) :- G = (member(X, [1,2,3]), !), call(G).
t8 :- findall(X, f(X), L), write(L), nl.
g(X) :- ( member(X, [1,2,3]) -> true ; fail ).
t9 :- findall(X, g(X), L), write(L), nl.
:- t1, t2, t3, t4, t5, t6, t7, t8, t9.
