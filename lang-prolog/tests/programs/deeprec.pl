len([], 0).
len([_|T], N) :- len(T, N0), N is N0 + 1.
mk(0, []) :- !.
mk(N, [N|T]) :- N1 is N - 1, mk(N1, T).
:- mk(200000, L), len(L, N), write(N), nl.
inf(X) :- inf(Y), X is Y + 1.
:- set_prolog_flag(stack_limit, 20000000).
:- catch(inf(_), error(resource_error(_), _), (write(resource_error_caught), nl)).
:- write(after), nl.
