:- initialization(foo).
foo :- fail.
:- initialization(bar).
bar :- atom_length(1, 2, 3).
:- initialization((write(third), nl)).
