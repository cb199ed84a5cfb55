% between/3, succ/2, plus/3 in all their modes.
:- initialization(main).

t(G) :- catch(( findall(G, G, L), \+ \+ ( numbervars(L, 0, _), print(L) ) ), error(E, _), print(E)), nl.

main :-
    t(between(1, 5, _)), t(between(3, 3, _)), t(between(5, 1, _)), t(between(1, 3, 2)),
    t(between(1, 3, 7)), t(between(-2, 1, _)), t(between(1, inf, 1)), t(between(1, infinite, 3)),
    t(between(a, 3, _)), t(between(1, 3, a)),
    t(succ(3, _)), t(succ(_, 4)), t(succ(_, 0)), t(succ(0, 1)), t(succ(a, _)), t(succ(_, _)),
    t(succ(_, -1)),
    t(plus(1, 2, _)), t(plus(1, _, 5)), t(plus(_, 2, 5)), t(plus(_, _, 5)), t(plus(1.5, 2, _)),
    findall(X, ( between(1, inf, X), X * X > 50, ! ), F), print(F), nl,
    aggregate_all(sum(X), between(1, 100, X), S), print(S), nl,
    aggregate_all(count, ( between(1, 30, X), X mod 3 =:= 0 ), C), print(C), nl.
