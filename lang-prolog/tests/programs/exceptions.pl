p(X) :- X > 0, throw(positive(X)).
p(_).
t1 :- catch(p(5), positive(N), (write(caught(N)), nl)).
t2 :- catch(p(-1), _, true), write(no_throw), nl.
t3 :- catch(catch(throw(a), b, write(wrong)), a, (write(outer), nl)).
t4 :- catch((member(X, [1,2,3]), X >= 2, throw(got(X))), got(Y), (write(Y), nl)).
t5 :- catch(throw(f(_)), f(Z), (var(Z) -> write(var_ok) ; write(bound))), nl.
t6 :- catch((X = 1, throw(t(X))), t(V), (write(V), nl)).
t7 :- catch(undefined_thing, error(existence_error(procedure, PI), _), (write(PI), nl)).
t8 :- catch(atom_length(X, Y), error(Err, _), (write(Err), nl)).
t9 :- catch(( catch(throw(inner), inner, throw(outer)) ), outer, (write(rethrown), nl)).
t10 :- findall(X, catch((member(X, [1,2,3]), (X == 2 -> throw(skip) ; true)), skip, X = two), L), write(L), nl.
t11 :- catch(call_bad, E, true), E = error(existence_error(_, F), _), write(F), nl.
deep(0) :- throw(bottom).
deep(N) :- N1 is N - 1, deep(N1).
t12 :- catch(deep(10000), B, (write(B), nl)).
:- t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12.
:- catch(throw(error(type_error(integer, abc), context(foo/1, _))), error(type_error(T, V), _), (write(T-V), nl)).
