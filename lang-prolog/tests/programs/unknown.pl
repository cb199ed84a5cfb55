:- catch(nope, error(existence_error(procedure, F/A), _), (write(F/A), nl)).
:- set_prolog_flag(unknown, fail).
:- ( nope2 -> write(yes) ; write(failed) ), nl.
