:- get_char(C), write(C), nl.
:- peek_code(C), write(C), nl.
:- nb_setval(k, 1), ( nb_current(k, V) -> write(V) ; write(none) ), nl.
