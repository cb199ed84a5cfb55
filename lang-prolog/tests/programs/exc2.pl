safe_div(X, Y, Z) :- catch(Z is X / Y, error(evaluation_error(zero_divisor), _), Z = inf).
:- safe_div(6, 3, A), safe_div(1, 0, B), write(A-B), nl.
r(0) :- !.
r(N) :- N1 is N - 1, catch(r(N1), _, true).
:- r(1000), write(nested_ok), nl.
:- catch((between(1, 10, X), X > 3, throw(stop(X))), stop(Y), true), write(Y), nl.
:- catch(throw(error(type_error(a, b), c)), error(type_error(T, V), _), (write(T/V), nl)).
cleanup :- catch(fail, _, true) -> write(no) ; write(failed_ok).
:- cleanup, nl.
:- catch((X = 1, throw(bound(X))), bound(V), (write(V), nl)).
:- catch(call(undefined_xyz, 1), error(existence_error(procedure, P), _), (write(P), nl)).
