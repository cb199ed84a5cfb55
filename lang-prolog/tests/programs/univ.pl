:- T =.. [point, 1, 2], arg(1, T, A), write(T-A), nl.
:- foo(a, b, c) =.. [F|Args], length(Args, N), write(F/N), nl.
:- X = f(Y), Y = g(Z), Z = h, write(X), nl.
:- copy_term([X-1, Y-2, X-3], C), C = [A-_, B-_, D-_], ( A == D -> write(shared) ; write(not) ), nl.
:- functor(F, pair, 2), arg(1, F, a), arg(2, F, b), write(F), nl.
:- T = f(a, B, c), term_variables(T, [V]), V = b, write(T), nl.
:- length(L, 2), L = [a|T], T = [b], write(L), nl.
:- X = [1,2,3], [H|T] = X, write(H-T), nl.
:- atom(foo), \+ atom(F), write(ok2), nl.
