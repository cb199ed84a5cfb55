:- consult(helper_lib).
:- helper(X), write(X), nl.
:- ensure_loaded(helper_lib).
:- write(done), nl.
