:- nb_setval(counter, 0).
inc :- nb_getval(counter, C), C1 is C + 1, nb_setval(counter, C1).
:- inc, inc, inc, nb_getval(counter, V), write(V), nl.
:- nb_setval(lst, [a, b]), nb_getval(lst, L), write(L), nl.
:- b_setval(v, 1), b_getval(v, X), write(X), nl.
:- (b_setval(w, 5), fail ; true), nb_setval(w2, done), nb_getval(w2, D), write(D), nl.
:- catch(nb_getval(missing, _), error(E, _), (print(E), nl)).
