% Unbounded integers: factorials, powers, gcd, comparisons, conversions.
:- initialization(main).

fact(0, 1) :- !.
fact(N, F) :- N1 is N - 1, fact(N1, F1), F is N * F1.

fib(N, F) :- fib(N, 0, 1, F).
fib(0, A, _, A) :- !.
fib(N, A, B, F) :- N1 is N - 1, C is A + B, fib(N1, B, C, F).

main :-
    fact(30, F30), writeq(F30), nl,
    fact(60, F60), writeq(F60), nl,
    fib(200, Fib), writeq(Fib), nl,
    X is 2 ** 200, writeq(X), nl,
    Y is 3 ^ 150 mod 1000007, writeq(Y), nl,
    Z is F60 // F30, writeq(Z), nl,
    R is F60 rem 1000000007, writeq(R), nl,
    M is -(2 ** 100) mod 7, writeq(M), nl,
    G is gcd(F60, 2 ** 100), writeq(G), nl,
    B is msb(F60), writeq(B), nl,
    S is (2 ** 100) >> 90, writeq(S), nl,
    T is (2 ** 100) /\ (2 ** 100 - 1), writeq(T), nl,
    U is -(2 ** 70) >> 3, writeq(U), nl,
    V is float(2 ** 100), writeq(V), nl,
    W is 2 ** 100 + 0.5, writeq(W), nl,
    A is abs(-(10 ** 30)), writeq(A), nl,
    C is sign(-(10 ** 30)), writeq(C), nl,
    D is min(10 ** 30, 10 ** 29), writeq(D), nl,
    ( 10 ** 30 > 10 ** 29 -> writeq(bigger) ; writeq(smaller) ), nl,
    ( 2 ** 64 =:= 18446744073709551616 -> writeq(equal) ; writeq(differ) ), nl,
    compare(O, 2 ** 64, 2.0 ** 64), writeq(O), nl,
    I is 9223372036854775807 + 1, writeq(I), nl,
    J is -9223372036854775808 - 1, writeq(J), nl,
    K is 9223372036854775807 * 2, writeq(K), nl,
    L is -(-9223372036854775808), writeq(L), nl,
    N is 3037000500 * 3037000500, writeq(N), nl,
    P is truncate(1.0e20), writeq(P), nl,
    Q is 10 ** 30 / 10 ** 10, writeq(Q), nl,
    Q2 is 10 ** 30 / 7, writeq(Q2), nl,
    atom_number(A2, 123456789012345678901234567890), writeq(A2), nl,
    number_codes(NC, "99999999999999999999"), NC1 is NC + 1, writeq(NC1), nl,
    format("~d~n", [2 ** 80]), format("~D~n", [2 ** 80]), format("~2d~n", [10 ** 22]),
    sort([10 ** 20, 5, 2 ** 70, -(10 ** 20)], Sorted), writeq(Sorted), nl.
:- set_prolog_flag(double_quotes, codes).
