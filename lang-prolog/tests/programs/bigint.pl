fact(0, 1) :- !.
fact(N, F) :- N1 is N - 1, fact(N1, F1), F is N * F1.
fib(0, 0). fib(1, 1).
fib(N, F) :- N > 1, A is N-1, B is N-2, fib(A, FA), fib(B, FB), F is FA+FB.
:- fact(30, F), write(F), nl.
:- fact(100, F), write(F), nl.
:- X is 2**200 // 3**50, write(X), nl.
:- X is -(2**70) mod 7, write(X), nl.
:- X is (2**64) - (2**64 - 1), write(X), nl, integer(X), write(int), nl.
:- fib(20, F), write(F), nl.
:- X is 12345678901234567890123 * 98765432109876543210, write(X), nl.
:- X is gcd(2**100, 6**40), write(X), nl.
:- X = 123456789012345678901234567890, Y is X + 1, (Y > X -> write(gt) ; write(le)), nl.
:- X is msb(2**100), write(X), nl.
