% Writing and handling cyclic terms (rational trees) as SWI-Prolog does:
% the @(Skeleton, Substitutions) form, and builtins that end on them.
:- initialization(main).

t(G) :- catch(G, E, (print_message(error, E), E = error(F, _), functor(F, N, A), writeq(caught(N/A)), nl)), !.
t(G) :- writeq(failed(G)), nl.

main :-
    A = f(A), write(A), nl, print(A), nl, writeq(A), nl,
    format("~w ~q ~p ~a~n", [A, A, A, x]),
    B = f(C, x), C = g(C, B), writeq(B), nl,
    L = [a,b|L], writeq(L), nl, writeq(h(L, L)), nl,
    D = f(E), E = g(E), writeq(D), nl, writeq([D, E, 1]), nl,
    G = - G, writeq(G), nl, writeq(1 + G), nl,
    H = [H], writeq(H), nl,
    K = f(K), writeq('$VAR'(1)-K), nl,
    write_term(A, [max_depth(3)]), nl,
    with_output_to(string(S), write(A)), string_length(S, SL), writeq(SL), nl,
    P = p(Q), Q = q(P), print(P), nl, print(r(P, Q)), nl,
    L2 = [1|M], M = [2|L2], print(L2), nl, print(M-L2), nl,
    Z = z(Z, W), W = w(W), print(Z), nl,
    A1 = a(A2, A1), A2 = b(A1), print(A1), nl,
    B2 = f(x, C2), C2 = g(B2, C2), print(B2), nl,
    t((L3 = [a|L3], length(L3, _))),
    t((L4 = [a|L4], length(L4, 3))),
    t((X5 = f(X5, Y5), term_variables(X5, Vs5), length(Vs5, 1), Vs5 == [Y5])),
    t((Z6 = g(Z6), nb_setval(k, Z6), nb_getval(k, Z7), Z7 = g(g(_)))),
    t((X8 = f(X8, _), copy_term(X8, C8), C8 = f(f(_, _), _))),
    t((L9 = [a|L9], atom_length(L9, _))),
    t((T10 = f(T10, 1), term_variables(T10, V10), V10 == [])),
    t((T11 = f(T11), T12 = f(T12), T11 == T12)),
    t((A13 = f(A13, _), numbervars(A13, 0, E13), E13 == 1)),
    t((A14 = [a|A14], atom_codes(_, A14))),
    t((A15 = f(A15), subsumes_term(A15, A15))),
    t((A16 = f(A16), unify_with_occurs_check(A16, A16))),
    t((A17 = f(A17), B17 = f(B17), unify_with_occurs_check(A17, B17))),
    t((A18 = f(A18), setof(X18, member(X18, [A18, A18]), L18), length(L18, 1))),
    t((A21 = [x|A21], string_codes(_, A21))),
    t((A22 = f(A22), findall(A22, true, [B22]), B22 = f(f(_)))),
    t((A23 = f(A23), catch(throw(A23), B23, true), B23 = f(f(_)))),
    t((A24 = f(A24), assertz(q(A24)))),
    halt.
