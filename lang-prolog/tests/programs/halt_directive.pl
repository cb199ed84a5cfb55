% halt/0 inside a directive stops loading at once.
:- write(loading), nl.
p(1).
:- p(X), write(X), nl, halt.
:- write(never), nl.
