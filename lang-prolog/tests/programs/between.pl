:- findall(X, between(1, 5, X), L), write(L), nl.
:- ( between(1, 3, 5) -> write(yes) ; write(no) ), nl.
:- between(3, 3, X), write(X), nl.
:- findall(X, between(5, 1, X), L), write(L), nl.
:- between(1, inf, X), X * X > 30, !, write(X), nl.
:- catch(between(a, 3, _), error(E, _), (print(E), nl)).
:- numlist(3, 7, L), sum_list(L, S), write(S), nl.
:- findall(X-Y, (between(1, 3, X), between(X, 3, Y)), L), write(L), nl.
:- length(L, 3), write(len3), nl.
:- findall(N, (between(1, 20, N), 0 =:= N mod 3), L), write(L), nl.
