% arg/3 inside compiled clauses, run often enough to be traced: integer
% positions in and out of range, bound and unbound third arguments, general
% unification, lists, enumeration, and the errors.

pick(N, T, A) :- arg(N, T, A).

walk(0, _, Acc, Acc) :- !.
walk(N, T, Acc0, Acc) :-
    arg(N, T, X),
    Acc1 is Acc0 + X,
    N1 is N - 1,
    walk(N1, T, Acc1, Acc).

same_arg(N, T, X) :- arg(N, T, X), !.
same_arg(_, _, none).

loop(0) :- !.
loop(I) :-
    walk(4, f(1, 2, 3, I), 0, S),
    ( S =:= 6 + I -> true ; write(bad_sum(I, S)), nl ),
    I1 is I - 1,
    loop(I1).

check(G) :-
    (   catch(G, error(F, _), (write(caught(F)), nl, fail))
    ->  \+ \+ (numbervars(G, 0, _), print(yes(G))), nl
    ;   write(no), nl
    ).

main :-
    loop(300),
    forall(between(1, 200, _), (pick(2, g(a, b, c), B), B == b)),
    check(pick(1, f(a, b), _)),
    check(pick(2, f(a, b), b)),
    check(pick(2, f(a, b), a)),
    check(pick(0, f(a, b), _)),
    check(pick(3, f(a, b), _)),
    check(pick(-1, f(a, b), _)),
    check(pick(1, [x|y], _)),
    check(pick(2, [x|y], y)),
    check(pick(1, f(g(X, Y), Y), g(1, Z))),
    \+ \+ (numbervars(X-Y-Z, 0, _), print(X-Y-Z)), nl,
    check(pick(1, f(g(P, Q)), g(Q, 2))),
    write(P-Q), nl,
    check(pick(N, h(a, b, c), c)),
    write(N), nl,
    findall(K-V, pick(K, h(a, b, c), V), KVs),
    write(KVs), nl,
    check(same_arg(2, f(1, 2), 2)),
    check(same_arg(3, f(1, 2), W)),
    write(W), nl,
    check(pick(1, atom, _)),
    check(pick(1, 7, _)),
    check(pick(_, _, _)),
    check(pick(a, f(a), _)),
    check(pick(99999999999999999999, f(a), _)),
    forall(between(1, 100, I), (same_arg(I, f(1, 2, 3), R), R \== x)),
    write(done), nl.

:- initialization(main).
