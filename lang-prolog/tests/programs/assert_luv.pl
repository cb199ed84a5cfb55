% The logical update view: a running call sees the clauses as they were
% when it started; assert/retract/abolish/retractall/clause.
:- initialization(main).
:- dynamic q/1, counter/1, fact/2.

q(1). q(2). q(3).
counter(0).

main :-
    forall(q(X), ( Y is X + 10, assertz(q(Y)) )),
    findall(X, q(X), L1), writeq(L1), nl,
    forall(q(X), ( X > 10 -> retract(q(X)) ; true )),
    findall(X, q(X), L2), writeq(L2), nl,
    findall(X, ( q(X), retract(q(3)) ), L3), writeq(L3), nl,
    findall(X, q(X), L4), writeq(L4), nl,
    asserta(q(0)), assertz(q(9)), findall(X, q(X), L5), writeq(L5), nl,
    ( retract(q(X1)), X1 > 1 -> writeq(retracted(X1)) ; true ), nl,
    findall(X, q(X), L6), writeq(L6), nl,
    retract(counter(C0)), C1 is C0 + 1, assertz(counter(C1)), counter(C), writeq(C), nl,
    assertz((fact(X, Y) :- Y is X * 2)), assertz(fact(a, b)),
    findall(B, clause(fact(_, _), B), Bodies), length(Bodies, NB), writeq(NB), nl,
    clause(fact(a, W), true), writeq(W), nl,
    retract((fact(_, _) :- _ is _ * 2)), findall(X-Y, fact(X, Y), L7), writeq(L7), nl,
    retractall(fact(_, _)), findall(X-Y, fact(X, Y), L8), writeq(L8), nl,
    retractall(newpred(_)), ( catch(newpred(_), _, fail) -> true ; writeq(newpred_empty) ), nl,
    assertz(tmp(1)), assertz(tmp(2)), abolish(tmp/1),
    catch(tmp(_), error(E, _), (writeq(E), nl)),
    ( retract(q(100)) -> true ; writeq(no_such_clause) ), nl,
    findall(X, retract(q(X)), All), writeq(All), nl,
    findall(X, q(X), L9), writeq(L9), nl,
    assertz(r(1)), assertz(r(2)), assertz(r(3)),
    ( r(X2), assertz(r(4)), X2 >= 3 -> writeq(saw(X2)) ; true ), nl,
    aggregate_all(count, r(_), NR), writeq(NR), nl.
