% initialization(main, main) with an uncaught error: message and status.
:- initialization(main, main).
main :- write(start), nl, atom_length(X, X).
