:- write(first), nl.
:- throw(oops).
:- write(never), nl.
