% Global variables: nb_setval survives backtracking, b_setval does not.
:- initialization(main).

main :-
    nb_setval(counter, 0),
    forall(between(1, 5, _), ( nb_getval(counter, C), C1 is C + 1, nb_setval(counter, C1) )),
    nb_getval(counter, V1), writeq(V1), nl,
    b_setval(v, 1), b_getval(v, X1), writeq(X1), nl,
    ( b_setval(v, 2), b_getval(v, X2), writeq(X2), nl, fail ; true ),
    b_getval(v, X3), writeq(X3), nl,
    ( nb_setval(w, first), fail ; true ), nb_getval(w, W), writeq(W), nl,
    nb_setval(term, f(A, b, [1, 2])), nb_getval(term, T), ( T = f(Q, b, _), var(Q) -> writeq(fresh) ; writeq(T) ), nl,
    ( var(A) -> true ; true ),
    nb_setval(list, []), forall(member(E, [x, y, z]), ( nb_getval(list, L0), nb_setval(list, [E|L0]) )),
    nb_getval(list, L), writeq(L), nl,
    catch(nb_getval(missing_key, _), error(Err, _), (writeq(Err), nl)),
    catch(b_getval(missing_key2, _), error(Err2, _), (writeq(Err2), nl)).
