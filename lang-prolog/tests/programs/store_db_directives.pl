% Directives, initialization goals and the -g goal share one database:
% what a directive asserts or retracts is seen by the clauses loaded after
% it, by later directives and by the goal; the logical update view holds
% inside each goal; abolish/1, dynamic/1, findall/4, b_setval/2 and the
% database queries behave as in SWI-Prolog.
:- dynamic fact/1.
fact(1).
:- assertz(fact(2)), asserta(fact(0)).
fact(3).
:- findall(X, fact(X), L), write(loaded(L)), nl.
:- retract(fact(0)), findall(X, fact(X), L), write(after_retract(L)), nl.
% the logical update view: the loop sees the clauses of its start
:- ( fact(X), Y is X + 10, assertz(fact(Y)), fail ; true ),
   findall(X, fact(X), L), write(luv(L)), nl.
:- retract(fact(X)), X > 10, !, write(retracted(X)), nl.
:- aggregate_all(count, fact(_), N), write(count(N)), nl.
:- predicate_property(fact(_), dynamic) -> write(dynamic) ; write(static).
:- nl.
:- predicate_property(fact(_), number_of_clauses(N)), write(clauses(N)), nl.
:- current_predicate(fact/1) -> write(current) ; write(not_current).
:- nl.
counter(0).
:- dynamic counter/1.
bump :- retract(counter(N)), N1 is N + 1, assertz(counter(N1)).
:- bump, bump, bump, counter(N), write(counter(N)), nl.
:- retractall(fact(_)), findall(X, fact(X), L), write(none(L)), nl.
:- assertz(tmp(a)), assertz(tmp(b)).
:- abolish(tmp/1), catch(tmp(_), error(E, _), (write(E), nl)).
:- assertz(tmp(c)), tmp(X), write(again(X)), nl.
:- findall(X, member(X, [1,2]), L, [3]), write(L), nl.
:- b_setval(v, 1), ( b_setval(v, 2), fail ; b_getval(v, X) ), write(bvar(X)), nl.
:- nb_setval(w, 5), ( b_setval(w, 6), b_getval(w, 6), write(six), nl, fail ; true ),
   b_getval(w, B), write(B), nl.
:- initialization((counter(N), write(init(N)), nl)).
main :- counter(N), write(goal(N)), nl, fact(X) -> write(X) ; write(no_facts), nl.
