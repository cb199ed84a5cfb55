% Atoms compared by text in compiled clauses, often enough to be traced:
% clause-table atoms against each other, and atoms made at run time
% (atom_codes/2, atom_concat/3) against clause constants, in heads, in
% =/2 and ==, in first-argument selection and in compound functors.

kind(i, vowel).
kind(u, vowel).
kind(m, consonant).
kind(abc, word).

tail_is([X], X) :- !.
tail_is([_|T], X) :- tail_is(T, X).

same(X, X).

shape(f(A), one(A)).
shape(g(A, B), two(A, B)).

fresh(Codes, A) :- atom_codes(A, Codes).

count([], _, N, N).
count([X|Xs], Y, N0, N) :-
    ( same(X, Y) -> N1 is N0 + 1 ; N1 = N0 ),
    count(Xs, Y, N1, N).

loop(0, Acc, Acc) :- !.
loop(I, Acc0, Acc) :-
    fresh("u", U), fresh("abc", W), fresh("abd", V),
    kind(U, K1), kind(W, K2),
    ( kind(V, _) -> Acc1 = [bad|Acc0] ; Acc1 = Acc0 ),
    ( K1 == vowel, K2 == word -> true ; write(bad(I, K1, K2)), nl ),
    ( same(W, abc) -> true ; write(bad_same(I)), nl ),
    ( same(V, abc) -> write(bad_same2(I)), nl ; true ),
    ( W == abc -> true ; write(bad_eq(I)), nl ),
    atom_concat(f, '', F), T =.. [F, I],
    shape(T, S),
    ( S = one(I) -> true ; write(bad_shape(I)), nl ),
    count([m, u, i, i, u, U, W], u, 0, C),
    ( C =:= 3 -> true ; write(bad_count(I, C)), nl ),
    tail_is([m, u, i, V], Z),
    ( Z == abd -> true ; write(bad_tail(I)), nl ),
    I1 is I - 1,
    loop(I1, Acc1, Acc).

main :-
    loop(300, [], Acc),
    write(Acc), nl,
    fresh("m", M), kind(M, KM), write(KM), nl,
    ( fresh("x", X), kind(X, _) -> write(yes) ; write(no) ), nl,
    findall(A-K, (member(Cs, ["i", "u", "m", "abc", "ab"]), fresh(Cs, A), kind(A, K)), L),
    write(L), nl,
    write(done), nl.

:- initialization(main).
