flat(X, [X]) :- atomic(X), X \== [], !.
flat([], []) :- !.
flat([H|T], F) :- flat(H, FH), flat(T, FT), append(FH, FT, F).
:- flat([a, [b, [c, d], []], [[e]]], F), write(F), nl.
:- flatten([1, [2, [3, [4]]], [], [[5]]], F), write(F), nl.
tree_sum(leaf(X), X).
tree_sum(node(L, R), S) :- tree_sum(L, SL), tree_sum(R, SR), S is SL + SR.
:- tree_sum(node(node(leaf(1), leaf(2)), node(leaf(3), node(leaf(4), leaf(5)))), S), write(S), nl.
