:- initialization(main).
main :- write(main_ran), nl.
:- write(loading), nl.
