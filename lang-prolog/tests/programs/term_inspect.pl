% functor/3, arg/3, =../2, copy_term/2, term_variables/2.
:- initialization(main).

main :-
    functor(foo(a, b, c), N, A), writeq(N/A), nl,
    functor(T, point, 3), T = point(X, Y, Z), ( var(X), var(Y), var(Z) -> writeq(fresh3) ; true ), nl,
    functor(T2, abc, 0), writeq(T2), nl,
    functor(T3, 42, 0), writeq(T3), nl,
    functor([a], LN, LA), writeq(LN/LA), nl,
    findall(I-V, arg(I, f(x, y, z), V), Args), writeq(Args), nl,
    arg(2, g(a, h(b)), H), writeq(H), nl,
    ( arg(4, f(a), _) -> writeq(yes) ; writeq(no) ), nl,
    f(a, b) =.. U, writeq(U), nl,
    T4 =.. [baz, 1, [2]], writeq(T4), nl,
    T5 =.. [single], writeq(T5), nl,
    7 =.. U7, writeq(U7), nl,
    copy_term(f(P, Q, P, [Q]), C), C = f(P1, Q1, P2, _), ( P1 == P2, P1 \== P, Q1 \== Q -> writeq(copied) ; true ), nl,
    copy_term([_A1-B1, B1], CT), length(CT, CL), writeq(CL), nl,
    term_variables(t(M, n(O, M), [_R|O]), TV), length(TV, NTV), writeq(NTV), nl,
    ( atom(abc) -> writeq(atom_ok), nl ; true ).
