% unify_with_occurs_check/2, subsumes_term/2, ?=/2, \=/2, unifiable.
:- initialization(main).

t(G) :- ( G -> R = yes ; R = no ), writeq(R), nl.

main :-
    t(unify_with_occurs_check(X, f(X))),
    t(unify_with_occurs_check(X1, f(Y1))), ( X1 = f(Z1), Z1 == Y1 -> writeq(bound_ok) ; true ), nl,
    t(unify_with_occurs_check(f(A, B), f(B, g(A)))),
    t(unify_with_occurs_check([_P|_Q], [1, 2, 3])),
    t(unify_with_occurs_check(g(C, C), g(D, h(D)))),
    t(subsumes_term(f(_), f(a))),
    t(subsumes_term(f(a), f(_))),
    t(subsumes_term(f(E, E), f(a, b))),
    t(subsumes_term(f(F, G), f(G, F))),
    t(?=(a, a)), t(?=(a, b)), t(?=(_, _)), t(?=(H, H)),
    t(a \= b), t(f(_) \= f(a)),
    t(f(I, 1) = f(2, I)),
    t(\+ f(J, J) = f(1, 2)),
    t(term_variables(f(K, g(_L, K), _), Vs)), length(Vs, NV), writeq(NV), nl,
    t(ground(f(a, [b]))), t(ground(f(a, [_]))).
