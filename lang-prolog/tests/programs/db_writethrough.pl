% Database changes of one goal seen by the next goals and by the
% builtins that read the database (predicate_property/2,
% current_predicate/1, listing/1, abolish/1), across directives.
:- dynamic f/1.

:- forall(between(1, 12, I), assertz(f(I))).
:- findall(X, f(X), L), writeq(L), nl.
:- predicate_property(f(_), number_of_clauses(N)), writeq(N), nl.
:- assertz(f(13)), assertz(f(14)),
   predicate_property(f(_), number_of_clauses(N)), writeq(N), nl,
   retract(f(3)), asserta(f(0)),
   predicate_property(f(_), number_of_clauses(N2)), writeq(N2), nl.
:- findall(X, f(X), L), writeq(L), nl.
:- assertz(g(a)), assertz(g(b)), ( current_predicate(g/1) -> writeq(yes) ; writeq(no) ), nl.
:- retract(g(a)).
:- catch(consult(no_such_file_here), _, true), findall(X, g(X), L), writeq(L), nl,
   findall(X, f(X), L2), writeq(L2), nl.
:- forall(between(1, 3, _), ( retract(f(X)), Y is X + 100, assertz(f(Y)) )),
   findall(X, f(X), L), writeq(L), nl.
:- findall(X, f(X), L), writeq(L), nl,
   predicate_property(f(_), number_of_clauses(N)), writeq(N), nl.
:- retractall(f(_)), predicate_property(f(_), number_of_clauses(N)), writeq(N), nl.
:- catch(consult(no_such_file_here), _, true), assertz(f(200)), assertz(f(201)), retract(f(200)).
:- findall(X, f(X), L), writeq(L), nl.
:- assertz(f(x)), abolish(f/1), catch(f(_), error(E, _), (writeq(E), nl)).
:- assertz(h(1)), assertz(h(2)).
:- assertz(h(3)), findall(X, h(X), L), writeq(L), nl.
