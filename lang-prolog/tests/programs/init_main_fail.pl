% initialization(main, main) whose goal fails.
:- initialization(main, main).
main :- write(trying), nl, member(x, [a, b]).
