:- set_prolog_flag(double_quotes, codes).
% Uncaught errors and failures in directives: SWI's warnings, loading goes on.
:- write(start), nl.
divide_by_zero :- X is 1 / 0, write(X).
bad_number :- number_codes(N, "3x"), write(N).
:- atom_length(123456, L), write(L), nl.
:- fail.
:- undefined_in_directive.
:- atom_length(abc, foo).
:- arg(a, f(x), y).
:- throw(error(type_error(integer, abc), context(foo/2, bar))).
:- atom_to_term('foo(', bar, baz).
:- catch(succ(_, 0), E, (print(E), nl)) -> true ; write(succ_failed), nl.
:- atom_length(abc, 3) -> write(yes), nl ; write(no), nl.
:- divide_by_zero.
:- bad_number.
:- write(done), nl.
:- throw(my_ball).
:- write(not_reached), nl.
