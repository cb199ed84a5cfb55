p :- throw(custom(42)).
:- catch(p, custom(X), (write(X), nl)).
:- catch(atom_length(1, x), error(type_error(T, C), _), (write(T-C), nl)).
:- catch(number_codes(X, "abc"), error(syntax_error(S), _), (write(S), nl)).
:- catch(atom_codes(_, _), error(instantiation_error, _), (write(inst), nl)).
:- catch(functor(_, _, _), error(instantiation_error, _), (write(inst2), nl)).
:- catch(arg(0, atom, _), error(type_error(T, _), _), (write(T), nl)).
:- catch(X is 2 + 3.0 * a, error(type_error(T, V), _), (write(T-V), nl)).
:- catch(assertz((foo :- 1)), error(type_error(T, V), _), (write(T-V), nl)).
:- catch(call((fail, 1)), error(type_error(T, V), _), (write(T-V), nl)).
:- catch(call((write(x), 1)), error(type_error(T, V), _), (write(T-V), nl)).
:- catch(retract(atom_length(_, _)), error(permission_error(A, B, C), _), (write(A-B-C), nl)).
:- catch(atom_length(abc, L), _, true), write(L), nl.
:- catch(msort([a|_], _), error(E, _), (write(E), nl)).
:- catch(sort(0, bad, [], _), error(E, _), (print(E), nl)).
:- catch(succ(X, Y), error(E, _), (write(E), nl)).
:- catch(char_code(X, Y), error(E, _), (write(E), nl)).
:- catch(atom_chars(X, [a|_]), error(E, _), (write(E), nl)).
:- catch(number_codes(X, [0'1, a]), error(E, _), (write(caught), nl)).
