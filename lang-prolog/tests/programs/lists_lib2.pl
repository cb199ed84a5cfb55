% library(lists) predicates in their various modes.
:- initialization(main).

t(G) :- ( catch(G, E, (print(E), nl, fail)) -> R = G ; R = no(G) ), \+ \+ ( numbervars(R, 0, _), print(R) ), nl.

main :-
    t(append(X1, [c], [a, b, c])), findall(A-B, append(A, B, [1, 2]), L1), print(L1), nl,
    t(append([[1], [2, 3], []], L2)), t(member(b, [a, b, c])), t(memberchk(x, [a, b])),
    t(reverse([1, 2, 3], R)), t(nth0(1, [a, b, c], E0)), t(nth1(1, [a, b, c], E1)),
    findall(I-E, nth1(I, [x, y], E), L3), print(L3), nl,
    t(nth0(1, [a, b, c], E2, Rest2)), t(nth1(I4, [a, b, c], c)),
    t(last([1, 2, 3], La)), t(last([], _)), t(msort([b, a, c, a], M)),
    t(sum_list([1, 2.5, 3], S)), t(sumlist([1, 2], S2)), t(max_list([3, 1, 4], Mx)), t(min_list([3, 1, 4], Mn)),
    t(max_list([], _)), t(numlist(3, 7, NL)), t(numlist(5, 1, _)),
    t(select(b, [a, b, c, b], Sel)), findall(X-Rs, select(X, [1, 2, 3], Rs), L5), print(L5), nl,
    t(selectchk(b, [a, b, c, b], Sel2)), t(select(b, [a, b, c], x, Sel3)),
    t(subtract([1, 2, 3, 4], [2, 4], Sub)), t(intersection([1, 2, 3], [3, 1, 5], Int)),
    t(union([1, 2], [2, 3], Un)), t(delete([a, b, a, c], a, Del)), t(exclude([X]>>(X > 2), [1, 2, 3, 4], Ex)),
    t(list_to_set([a, b, a, c, b], Set)), t(sort(0, @>=, [1, 3, 2, 3], SD)),
    findall(P, permutation([1, 2, 3], P), Ps), print(Ps), nl,
    t(flatten([1, [2, [3, 4]], [], [[5]]], Fl)), t(max_member(MM, [3, 1, 4, 1])), t(min_member(Mi, [3, 1, 4])),
    t(length(Len, 2)), t(sumlist([], Z)), t(last([a], La2)), t(proper_length([a, b], PL)),
    t(proper_length([a|_], _)), t(is_list([a|_])), t(is_list([a])),
    t(pairs_keys_values(PKV, [a, b], [1, 2])), t(exclude([X]>>memberchk(X, [a]), [a, b, a], Ex2)),
    t(partition([X]>>(X < 3), [1, 5, 2, 4], In, Out)), t(foldl([X, A0, A1]>>(A1 is A0 * X), [1, 2, 3, 4], 1, Prod)),
    t(aggregate_all(count, member(_, [a, b]), Cnt)), t(nextto(Xn, Yn, [1, 2, 3])),
    t(sum_list([], S0)), t(subtract([], [a], Sb)), t(msort([], Ms)), t(list_to_set([], LS)),
    true.
