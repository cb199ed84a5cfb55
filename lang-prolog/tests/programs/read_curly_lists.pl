% Curly terms and list syntax.
:- initialization(main).

show(T) :- writeq(T), write(' = '), write_canonical(T), nl.

main :-
    show({}), show({a}), show({a, b}), show({a, b, c}),
    X = {p, q}, X = {Y}, show(Y),
    functor({a}, N, A), show(N/A),
    show('{}'(x)), show('{}'((x :- y))),
    show([a|b]), show([a, b|[c]]), show([a|[b|[c|[]]]]),
    show('[|]'(1, 2)), show('[|]'(a, [])),
    L = [1, 2, 3], L = [H|T], show(H-T),
    show([[]]), show([[a]|[]]), show([a, [b, [c]]]),
    show('[]'), show([]), ( [] == '[]' -> show(same) ; show(different) ),
    show(f([a|b] = [b])),
    show(- [1]), show(-(1)), show([-]), show([- 1]),
    show({- 1}), show('{}'), show(f({})).
