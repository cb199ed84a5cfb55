% Sorting algorithms checked against msort/2: insertion, quick, merge,
% bubble (with a swap counter in a global variable) on pseudo-random data.
:- initialization(main).

lcg(0, _, []) :- !.
lcg(N, S0, [X|Xs]) :- S is (S0 * 1103515245 + 12345) mod 2147483648, X is S mod 1000,
    N1 is N - 1, lcg(N1, S, Xs).

isort(L, S) :- foldl(insert, L, [], S).
insert(X, [], [X]).
insert(X, [Y|Ys], [X, Y|Ys]) :- X =< Y, !.
insert(X, [Y|Ys], [Y|Zs]) :- insert(X, Ys, Zs).

qsort([], []).
qsort([P|Xs], S) :-
    partition([X]>>(X < P), Xs, Small, Big),
    qsort(Small, S1), qsort(Big, S2), append(S1, [P|S2], S).

msort2([], []) :- !.
msort2([X], [X]) :- !.
msort2(L, S) :-
    length(L, N), H is N // 2, length(A, H), append(A, B, L),
    msort2(A, SA), msort2(B, SB), merge(SA, SB, S).
merge([], L, L) :- !.
merge(L, [], L) :- !.
merge([X|Xs], [Y|Ys], [X|Zs]) :- X =< Y, !, merge(Xs, [Y|Ys], Zs).
merge(Xs, [Y|Ys], [Y|Zs]) :- merge(Xs, Ys, Zs).

bsort(L, S) :- nb_setval(swaps, 0), bsort_(L, S).
bsort_(L, S) :- swap(L, L1), !, nb_getval(swaps, K), K1 is K + 1, nb_setval(swaps, K1), bsort_(L1, S).
bsort_(S, S).
swap([X, Y|T], [Y, X|T]) :- X > Y.
swap([Z|T], [Z|T1]) :- swap(T, T1).

main :-
    lcg(60, 42, L), msort(L, Ref),
    forall(member(P, [isort, qsort, msort2, bsort]),
           ( call(P, L, S), ( S == Ref -> R = ok ; R = wrong ), format("~w: ~w~n", [P, R]) )),
    nb_getval(swaps, Sw), format("bubble swaps: ~d~n", [Sw]),
    Ref = [Min|_], last(Ref, Max), sum_list(Ref, Sum), format("min ~d max ~d sum ~d~n", [Min, Max, Sum]),
    sort(L, Dedup), length(Dedup, ND), format("~d distinct~n", [ND]).
