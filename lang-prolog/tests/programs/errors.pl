t(G) :- catch(G, E, true), ( var(E) -> write(ok) ; E = error(F, C) -> print(F), ( nonvar(C), C = context(P, _) -> write(' '), print(P) ; true ) ; print(E) ), nl.
:- t(atom_length(X, _)).
:- t(atom_length(123, L)).
:- t(atom_length(abc, foo)).
:- t(foo(1,2)).
:- t(call(1)).
:- t(arg(x, f(a), _)).
:- t(functor(_, foo, -1)).
:- t(atom_codes(_, _)).
:- t(X is 1 + a).
:- t(X is 1 / 0).
:- t(succ(X, 0)).
:- t(msort(a, _)).
:- t(assertz(foo :- 1)).
:- t(assertz((atom(_) :- true))).
:- t(number_codes(X, [0'a])).
:- t(atom_to_term('foo(', T, B)).
:- t(throw(my_ball)).
:- t(sub_atom(abc, B, 2, A, S)).
:- t(char_code(C, -1)).
:- t(X =.. Y).
:- t(X =.. [foo|bar]).
:- t(copy_term(a, b)).
:- t(nb_getval(nokey, V)).
:- t(catch(throw(inner), outer, true)).
:- t(number_codes(N, "12")).
:- t(atom_number('0x1A', N)).
