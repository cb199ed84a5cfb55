:- dynamic counter/1, fact/2.
counter(0).
inc :- retract(counter(N)), N1 is N + 1, assertz(counter(N1)).
:- inc, inc, inc, counter(X), write(X), nl.
:- assertz(fact(a, 1)), assertz(fact(b, 2)), asserta(fact(c, 0)).
:- findall(K-V, fact(K, V), L), write(L), nl.
:- retract(fact(b, _)), findall(K, fact(K, _), L), write(L), nl.
:- retractall(fact(_, _)), findall(K, fact(K, _), L), write(L), nl.
:- assertz((double(X, Y) :- Y is X * 2)), double(4, Z), write(Z), nl.
:- clause(double(A, B), Body), \+ \+ (numbervars(Body, 0, _), print(Body)), nl.
q(1). q(2). q(3).
:- dynamic q2/1.
q2(1). q2(2). q2(3).
:- forall(q2(X), (Y is X + 10, assertz(q2(Y)))), findall(X, q2(X), L), write(L), nl.
:- forall(retract(q2(X)), (write(X), write(' '))), nl.
:- abolish(q2/1), catch(q2(_), error(E, _), (print(E), nl)).
:- catch(assertz(foo), error(E, _), (print(E), nl)), foo, write(foo_ok), nl.
:- aggregate_all(count, q(_), C), write(C), nl.
:- aggregate_all(sum(X), q(X), S), write(S), nl.
:- aggregate_all(max(X), q(X), M), write(M), nl.
:- aggregate_all(bag(X), q(X), B), write(B), nl.
