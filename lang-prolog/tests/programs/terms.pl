:- set_prolog_flag(double_quotes, codes).
:- functor(f(a,b), N, A), write(N/A), nl.
:- functor(T, g, 2), T = g(x, y), write(T), nl.
:- functor(a, N, A), write(N/A), nl.
:- functor(T, 3, 0), write(T), nl.
:- arg(2, f(a,b,c), X), write(X), nl.
:- findall(N-X, arg(N, f(a,b), X), L), write(L), nl.
:- f(a,b) =.. L, write(L), nl.
:- T =.. [h, 1, 2], write(T), nl.
:- a =.. L, write(L), nl.
:- copy_term(f(X, Y, X), C), C = f(1, 2, Z), write(Z), nl.
:- T = f(X, g(Y, X), _Z), term_variables(T, Vs), length(Vs, N), write(N), nl.
:- compare(O, 1, a), write(O), nl.
:- compare(O, f(a), g(a)), write(O), nl.
:- compare(O, f(a,b), g(a)), write(O), nl.
:- compare(O, 1.0, 1), write(O), nl.
:- compare(O, 2, 1.5), write(O), nl.
:- ( a @< b -> write(yes) ; write(no) ), nl.
:- ( f(b) @> f(a) -> write(yes) ; write(no) ), nl.
:- ( X == X -> write(same) ; write(diff) ), nl.
:- ( _ == _ -> write(same) ; write(diff) ), nl.
:- ( f(a) \== f(b) -> write(ne) ; write(eq) ), nl.
:- X = f(Y), Y = 1, write(X), nl.
:- ( f(X, b) = f(a, Y) -> write(X-Y) ; write(fail) ), nl.
:- ( f(a) \= f(b) -> write(nu) ; write(u) ), nl.
:- ( unify_with_occurs_check(X, f(X)) -> write(yes) ; write(no) ), nl.
:- atom(a), atom([]), \+ atom(1), \+ atom("s"), write(atoms_ok), nl.
:- number(1), number(1.0), integer(3), float(3.0), \+ integer(3.0), write(nums_ok), nl.
:- atomic(a), atomic(1), \+ atomic(f(x)), compound(f(x)), \+ compound(a), write(ok3), nl.
:- callable(a), callable(f(x)), \+ callable(1), is_list([1,2]), \+ is_list([1|_]), write(ok4), nl.
:- var(_), nonvar(a), ground(f(a)), \+ ground(f(_)), write(ok5), nl.
:- T = "abc", ( is_list(T) -> write(codes) ; write(other) ), nl.
:- setof(X, member(X, [c,a,b,a]), L), write(L), nl.
:- ( setof(X, member(X, []), L) -> write(L) ; write(empty) ), nl.
:- findall(K-L, bagof(X, member(K-X, [a-1, b-2, a-3]), L), R), write(R), nl.
:- setof(X, Y^member(X-Y, [b-1, a-2, b-3]), L), write(L), nl.
:- succ(X, 4), succ(4, Y), write(X-Y), nl.
:- plus(2, X, 5), write(X), nl.
:- tab(3), write(x), nl.
