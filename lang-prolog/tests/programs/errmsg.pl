:- X is foo + 1.
:- atom_length(1, 2, 3).
:- atom_length(_, _).
:- atom_length(abc, foo).
:- fail.
p :- undefined_pred_here.
:- p.
:- arg(x, f(a), _).
:- throw(error(my_error, _)).
:- catch(throw(x), x, (write(caught), nl)).
:- write(end), nl.
