% Counting coin changes with memoisation in the database, and a greedy
% change maker; big counts use unbounded integers.
:- initialization(main).
:- dynamic memo/3.

ways(0, _, 1) :- !.
ways(N, _, 0) :- N < 0, !.
ways(_, [], 0) :- !.
ways(N, Coins, W) :- memo(N, Coins, W), !.
ways(N, [C|Cs], W) :-
    N1 is N - C, ways(N1, [C|Cs], W1), ways(N, Cs, W2),
    W is W1 + W2, assertz(memo(N, [C|Cs], W)).

greedy(0, _, []) :- !.
greedy(N, [C|Cs], Out) :-
    (   C =< N
    ->  Q is N // C, R is N mod C, Out = [Q*C|Rest], greedy(R, Cs, Rest)
    ;   greedy(N, Cs, Out)
    ).

main :-
    ways(100, [50, 25, 10, 5, 1], W1), format("100 cents: ~d ways~n", [W1]),
    ways(1000, [200, 100, 50, 20, 10, 5, 2, 1], W2), format("10 pounds: ~D ways~n", [W2]),
    ways(2000, [100, 50, 25, 10, 5, 1], W3), format("20 dollars: ~D ways~n", [W3]),
    aggregate_all(count, memo(_, _, _), M), format("~d memo entries~n", [M]),
    greedy(289, [100, 50, 20, 10, 5, 2, 1], G), writeq(G), nl,
    retractall(memo(_, _, _)), aggregate_all(count, memo(_, _, _), M2), writeq(M2), nl.
