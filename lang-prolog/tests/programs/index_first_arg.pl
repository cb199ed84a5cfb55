% First-argument indexing on a large predicate must keep clause order,
% var-first-arg clauses, [] vs '[]', ints vs floats, and the logical update view.
:- dynamic d/2.
p(a, 1).
p(X, any1) :- X \== zz.
p(b, 2).
p(f(1), 3).
p(f(1, 2), 4).
p([], nil).
p('[]', quoted_nil).
p(1, int1).
p(1.0, float1).
p(a, 5).
p(g(_), g).
p([_|_], cons).
p(_, any2).
p(f(2), 6).
p(s, str).
q(K) :- findall(V, p(K, V), Vs), writeq(K-Vs), nl.
:- q(a), q(b), q(f(1)), q(f(2)), q(f(1,2)), q([]), q('[]'), q(1), q(1.0), q(g(z)), q([x]), q(zz), q(nothing), q(s).
:- findall(K-V, p(K, V), L), length(L, N), writeq(N), nl.
:- forall(between(1, 12, I), assertz(d(I, I))), fail ; true.
:- ( d(3, X), assertz(d(3, new)), writeq(X), nl, fail ; true ).
:- findall(V, d(3, V), Vs), writeq(Vs), nl.
:- ( p(a, V), V == 5 -> writeq(found(V)) ; writeq(none) ), nl.
:- p(b, V), !, writeq(first(V)), nl.
