% initialization/1 goals run after loading, in order; initialization/2 now.
write_line(X) :- write(X), nl.
:- initialization(write_line(first)).
:- initialization(write_line(second)).
:- initialization(write_line(now), now).
:- write_line(directive).
:- initialization(( write_line(third), fail )).
:- initialization(throw(oops)).
:- initialization(write_line(fourth)).
:- write_line(loaded).
