% bagof/setof with ^, free-variable grouping, failure on no solutions.
:- initialization(main).

age(peter, 7). age(ann, 11). age(pat, 8). age(tom, 5). age(mike, 11).
class(peter, a). class(ann, b). class(pat, a). class(tom, b). class(mike, a).
edge(1, 2). edge(1, 3). edge(2, 3). edge(3, 1).

main :-
    ( bagof(N, age(N, 11), L1) -> writeq(L1) ; writeq(none) ), nl,
    forall(bagof(N, age(N, A), L2), (writeq(A-L2), nl)),
    bagof(N, A^age(N, A), L3), writeq(L3), nl,
    setof(A, N^age(N, A), L4), writeq(L4), nl,
    forall(setof(N, A^(class(N, C), age(N, A)), L5), (writeq(C-L5), nl)),
    forall(setof(A-N, (class(N, C), age(N, A)), L6), (writeq(C-L6), nl)),
    ( bagof(X, age(X, 99), L7) -> writeq(L7) ; writeq(no_bag) ), nl,
    ( setof(X, fail, L8) -> writeq(L8) ; writeq(no_set) ), nl,
    setof(X-Y, edge(X, Y), L9), writeq(L9), nl,
    forall(setof(Y, edge(X, Y), L10), (writeq(X-L10), nl)),
    setof(X, Y^edge(X, Y), L11), writeq(L11), nl,
    findall(X-L, bagof(Y, edge(X, Y), L), L12), writeq(L12), nl,
    aggregate_all(count, age(_, _), Cnt), writeq(Cnt), nl,
    aggregate_all(sum(A2), age(_, A2), Sum), writeq(Sum), nl,
    aggregate_all(max(A3), age(_, A3), Max), writeq(Max), nl,
    aggregate_all(bag(N3), class(N3, a), Bag), writeq(Bag), nl,
    aggregate_all(set(C3), class(_, C3), Set), writeq(Set), nl,
    findall(X, member(X, [c, a, b, a]), F), writeq(F), nl,
    findall(X, member(X, [1, 2, 3]), F2, [tail]), writeq(F2), nl,
    setof(K, member(K, [f(B), f(A5), f(B)]), L13), length(L13, Len13), writeq(Len13), nl,
    ( var(A5), var(B) -> writeq(vars_free) ; true ), nl,
    catch(bagof(_, _, _), error(E, _), (writeq(E), nl)).
