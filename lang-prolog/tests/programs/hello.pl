main :- write('Hello, World!'), nl.
:- initialization(main).
