:- atom_length(1, 2, 3).
:- atom_length(abc, foo).
:- fail.
p :- undefined_pred_here.
:- p.
:- arg(x, f(a), y).
:- throw(error(my_error, foo)).
:- catch(throw(x), x, (write(caught), nl)).
:- 1 > a.
:- functor(foo, foo, bar).
:- write(end), nl.
