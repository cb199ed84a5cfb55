% Consulted by store_fallback_db.pl (also run on its own by the tests).
:- dynamic f/1.
g(1).
:- ( retract(f(1)) -> true ; true ), assertz(f(2)).
:- findall(X, f(X), L), assertz(helper_seen(L)).
:- helper_seen(L), write(helper(L)), nl.
