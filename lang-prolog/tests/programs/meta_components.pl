% Predicates of more than 4 arguments, the predicates that call them,
% meta-calls of them (call/N, findall/3, a construct with a cut) and
% predicates asserted at run time that join them: the clause-level engine
% runs the call-graph components of such predicates in its helper
% (metarun's skip_components), which must not change any answer.

wide(A, B, C, D, E) :- E is A + B + C + D.

sum4(L, S) :- sum4(L, 0, S).
sum4([], S, S).
sum4([X|Xs], Acc, S) :- wide(X, X, X, X, Y), Acc1 is Acc + Y, sum4(Xs, Acc1, S).

narrow([], []).
narrow([X|Xs], [Y|Ys]) :- Y is X * 2, narrow(Xs, Ys).

pick(X, Y) :- ( X > 2, ! , call(wide, X, 0, 0, 0, Y) ; Y = small ).

loop(0, Acc, Acc) :- !.
loop(N, Acc0, Acc) :- N1 is N - 1, narrow([N, N1], [A, _]), Acc1 is Acc0 + A, loop(N1, Acc1, Acc).

main :-
    sum4([1, 2, 3], S), write(S), nl,
    loop(200, 0, L), write(L), nl,
    findall(Y, (member(X, [1, 2, 3, 4]), pick(X, Y)), Ys), write(Ys), nl,
    assertz((late(X, Y) :- wide(X, 1, 1, 1, Z), narrow([Z], [Y]))),
    findall(Y, (between(1, 300, X), late(X, Y)), Ls), sum_list(Ls, T), write(T), nl,
    assertz((later(X, Y) :- narrow([X, X], [Y, _]))),
    findall(Y, (between(1, 300, X), later(X, Y)), Ms), sum_list(Ms, U), write(U), nl,
    forall(between(1, 3, I), (wide(I, I, I, I, W), write(W), nl)).

:- initialization(main).
