% A directive that consults runs on the older engine; the database stays
% one: what the store engine asserted before is there for the consulted
% file's directives, what they and the consulting directive change is
% there for the directives and the goal after it.
:- dynamic f/1.
:- assertz(f(1)).
:- consult(store_fallback_helper), assertz(f(3)).
:- findall(X, f(X), L), write(f(L)), nl.
:- g(Y), write(g(Y)), nl.
:- retract(f(2)), findall(X, f(X), L), write(f(L)), nl.
main :- findall(X, f(X), L), write(main(L)), nl, helper_seen(S), write(S), nl.
