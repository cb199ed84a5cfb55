% Knight's tour on a 5x5 board with Warnsdorff's heuristic.
:- initialization(main).

size(5).
move(X/Y, X1/Y1) :-
    member(DX/DY, [1/2, 2/1, 2/(-1), 1/(-2), (-1)/(-2), (-2)/(-1), (-2)/1, (-1)/2]),
    X1 is X + DX, Y1 is Y + DY, size(N), X1 >= 1, X1 =< N, Y1 >= 1, Y1 =< N.

tour(Start, Path) :- size(N), Total is N * N, tour_([Start], 1, Total, RPath), reverse(RPath, Path).
tour_(Path, Total, Total, Path) :- !.
tour_([Cur|Visited], K, Total, Path) :-
    findall(D-Next, ( move(Cur, Next), \+ memberchk(Next, [Cur|Visited]),
                      degree(Next, [Cur|Visited], D) ), Cands),
    keysort(Cands, Sorted), member(_-Next, Sorted),
    K1 is K + 1, tour_([Next, Cur|Visited], K1, Total, Path).

degree(P, Visited, D) :- findall(Q, ( move(P, Q), \+ memberchk(Q, [P|Visited]) ), Qs), length(Qs, D).

board(Path) :-
    size(N),
    forall(between(1, N, Y),
           ( forall(between(1, N, X), ( nth1(I, Path, X/Y) -> format("~t~d~3+", [I]) ; write(' . ') )), nl )).

main :- tour(1/1, P), length(P, L), format("tour of ~d squares~n", [L]), board(P).
