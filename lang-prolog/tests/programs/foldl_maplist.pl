% foldl/4..6, maplist/2..5, include/exclude/partition, yall lambdas.
:- initialization(main).

add(X, A0, A) :- A is A0 + X.
add2(X, Y, A0, A) :- A is A0 + X * Y.
add3(X, Y, Z, A0, A) :- A is A0 + X + Y + Z.
double(X, Y) :- Y is 2 * X.
sum3(A, B, C, D) :- D is A + B + C.
even(X) :- X mod 2 =:= 0.

main :-
    foldl(add, [1, 2, 3, 4], 0, S1), writeq(S1), nl,
    foldl(add2, [1, 2, 3], [4, 5, 6], 0, S2), writeq(S2), nl,
    foldl(add3, [1, 2], [3, 4], [5, 6], 100, S3), writeq(S3), nl,
    foldl([X, A0, A]>>(A = [X|A0]), [a, b, c], [], R), writeq(R), nl,
    maplist(double, [1, 2, 3], D), writeq(D), nl,
    maplist(sum3, [1, 2], [10, 20], [100, 200], T), writeq(T), nl,
    ( maplist(double, [1, 2], [2, 5]) -> writeq(yes) ; writeq(no) ), nl,
    ( maplist(double, [1, 2], [_]) -> writeq(yes) ; writeq(no) ), nl,
    maplist([X, Y]>>(Y = X-X), [p, q], PQ), writeq(PQ), nl,
    maplist([X]>>(X > 0), [1, 2, 3]), writeq(all_positive), nl,
    include(even, [1, 2, 3, 4, 5, 6], Ev), writeq(Ev), nl,
    exclude(even, [1, 2, 3, 4, 5, 6], Od), writeq(Od), nl,
    partition(even, [1, 2, 3, 4, 5, 6], In, Out), writeq(In/Out), nl,
    partition([X, C]>>compare(C, X, 3), [1, 5, 3, 2, 4, 3], Ls, Es, Gs), writeq(Ls/Es/Gs), nl,
    N = 10, maplist([X, Y]>>(Y is X + N), [1, 2], Added), writeq(Added), nl,
    F = 3, maplist({F}/[X, Y]>>(Y is X * F), [1, 2], Scaled), writeq(Scaled), nl,
    foldl([X, Y, A0, A]>>(A is max(A0, X * Y)), [1, 5, 2], [3, 1, 4], 0, M), writeq(M), nl.
