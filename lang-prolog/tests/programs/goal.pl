main :- write(from_goal), nl.
:- write(loaded), nl.
