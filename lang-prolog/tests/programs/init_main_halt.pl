% initialization(main, main): runs after loading, halts with 0 on success.
:- initialization(main, main).
main :- write(in_main), nl, X is 6 * 7, format("answer ~d~n", [X]).
:- write(loading), nl.
