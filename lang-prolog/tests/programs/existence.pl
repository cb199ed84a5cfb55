% Unknown procedures: existence_error, the unknown flag, dynamic predicates.
:- initialization(main).
:- dynamic known_dyn/1.

t(G) :- catch(( G -> R = yes ; R = no ), error(E, _), R = E), writeq(R), nl.

main :-
    t(undefined_pred),
    t(undefined_pred(1, 2)),
    t(known_dyn(_)),
    t(call(undefined_closure, x)),
    t(findall(X, nope(X), _)),
    t(\+ nope2),
    t(nope4),
    assertz(made_later(1)), t(made_later(_)),
    retract(made_later(1)), t(made_later(_)),
    abolish(made_later/1), t(made_later(_)),
    t(current_predicate(main/0)), t(current_predicate(nope/0)),
    t(current_predicate(known_dyn/1)),
    findall(N/A, (member(N, [main, t, known_dyn]), current_predicate(N/A)), L), writeq(L), nl.
