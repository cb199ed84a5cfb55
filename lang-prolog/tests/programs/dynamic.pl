:- dynamic stack/1.
push(X) :- asserta(stack(X)).
pop(X) :- retract(stack(X)), !.
:- push(1), push(2), push(3), pop(A), pop(B), write(A-B), nl.
:- findall(X, stack(X), L), write(L), nl.
:- dynamic memo/2.
fib(N, F) :- memo(N, F), !.
fib(N, F) :- N < 2, !, F = N.
fib(N, F) :- N1 is N - 1, N2 is N - 2, fib(N1, F1), fib(N2, F2), F is F1 + F2, assertz(memo(N, F)).
:- fib(50, F), write(F), nl.
:- aggregate_all(count, memo(_, _), C), write(C), nl.
:- dynamic empty/1.
:- ( empty(_) -> write(yes) ; write(no) ), nl.
:- assertz(tmp(1)), assertz(tmp(2)), retract(tmp(1)), findall(X, tmp(X), L), write(L), nl.
:- retract((double(X, Y) :- Y is X * 2)) -> write(retracted) ; write(none).
:- nl.
