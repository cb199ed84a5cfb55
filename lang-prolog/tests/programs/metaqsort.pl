% van Roy benchmark: meta_qsort (an interpreter running qsort)
interpret(true) :- !.
interpret((G1, G2)) :- !, interpret(G1), interpret(G2).
interpret((G1 ; G2)) :- !, ( interpret(G1) ; interpret(G2) ).
interpret(G) :- builtin(G), !, call(G).
interpret(G) :- my_clause(G, B), interpret(B).
builtin(_ =< _). builtin(_ > _). builtin(_ = _).
my_clause(qsort([X|L], R, R0), (partition(L, X, L1, L2), qsort(L2, R1, R0), qsort(L1, R, [X|R1]))).
my_clause(qsort([], R, R), true).
my_clause(partition([X|L], Y, [X|L1], L2), (X =< Y, partition(L, Y, L1, L2))).
my_clause(partition([X|L], Y, L1, [X|L2]), (X > Y, partition(L, Y, L1, L2))).
my_clause(partition([], _, [], []), true).
:- interpret(qsort([27,74,17,33,94,18,46,83,65,2,32,53,28,85,99,47,28,82,6,11], R, [])), write(R), nl.
