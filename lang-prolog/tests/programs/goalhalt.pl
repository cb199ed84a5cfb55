run :- write(running), nl, halt(4).
