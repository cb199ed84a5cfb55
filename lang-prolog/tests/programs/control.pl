a(1). a(2). a(3).
t1 :- a(X), X > 1, !, write(X), nl.
t2 :- ( a(X), X > 5 -> write(X) ; write(none) ), nl.
t3 :- \+ a(4), write(not4), nl.
t4 :- forall(a(X), (write(X), write(' '))), nl.
t5 :- ( a(X) *-> write(X) ; write(none) ), nl, fail.
t5.
t6 :- call((a(X), !)), write(X), nl, fail.
t6 :- write(t6_second), nl.
t7 :- once(a(X)), write(X), nl.
t8 :- ignore(fail), write(ignored), nl.
t9 :- ( true ; write(no) ), write(yes), nl.
t10 :- G = (a(X), X >= 2), findall(X, G, L), write(L), nl.
t11 :- not(a(7)), write(not7), nl.
t12 :- ( a(X), X > 1 -> true ; X = 0 ), write(X), nl.
t13 :- catch(( a(X), X > 1, throw(found(X)) ), found(Y), (write(caught(Y)), nl)).
t14 :- findall(X-Y, (a(X), (X > 1 -> Y = big ; Y = small)), L), write(L), nl.
t15 :- call(a, X), X > 2, write(X), nl.
t16 :- G =.. [a, X], call(G), !, write(X), nl.
c(X) :- ( X = 1 ; X = 2 ), !.
t17 :- findall(X, c(X), L), write(L), nl.
d(X) :- \+ \+ X = 1, var(X), write(still_var), nl.
t18 :- d(_).
t19 :- between(1, 5, X), X mod 2 =:= 0, write(X), nl, fail.
t19.
t20 :- repeat, nb_getval(cnt, C), C1 is C + 1, nb_setval(cnt, C1), C1 >= 3, !, write(C1), nl.
:- nb_setval(cnt, 0).
:- t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20.
