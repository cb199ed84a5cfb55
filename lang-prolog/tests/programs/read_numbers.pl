% Number syntax: character codes, bases, floats, digit groups.
:- initialization(main).

nums([0'a, 0'A, 0' , 0''', 0'\n, 0'\t, 0'\\, 0'", 0x1F, 0xff, 0o17, 0b1011,
      2'1010, 16'FF, 36'ZZ, 1.5, 1.5e3, 1.0e-3, 12.0E+2, 1.0Inf, -1.0Inf,
      123456789012345678901234567890, -42, - 42, 1_000_000, 0.1, 100.0, 1e10, 1.0e22,
      1.0e21, 123.456, 0.000123, 3.0e-5, 5.0e15, 1.0e15, 1.0e16, 2.5e-320]).

kind(N) :- ( integer(N) -> write(int) ; float(N) -> write(float) ; write(other) ).

main :-
    nums(L),
    forall(member(N, L), (writeq(N), write(' '), kind(N), nl)),
    X is 0'a + 1, writeq(X), nl,
    Y = - 1, writeq(Y), (integer(Y) -> write(' int') ; write(' compound')), nl,
    Z = -(1), writeq(Z), (integer(Z) -> write(' int') ; write(' compound')), nl,
    W = -a, writeq(W), nl,
    A is -(-(3)), writeq(A), nl,
    B is 10 ** 20, writeq(B), nl,
    C is 2.0 ** 0.5, writeq(C), nl,
    D is 1/3.0, writeq(D), nl,
    E is 2 ** 64 - 1, writeq(E), nl,
    F is -(2 ** 63), writeq(F), nl, G is F - 1, writeq(G), nl.
