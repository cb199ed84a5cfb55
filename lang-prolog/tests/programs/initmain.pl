:- initialization(main, main).
main :- write(hi), nl, X = 2, Y is X * 21, write(Y), nl.
