% Details of is/2 where SWI-Prolog makes a choice ISO leaves open:
% the order in which errors of an expression are found (arguments right
% to left), integers through
% float_integer_part/float_fractional_part, zero to a negative float
% power, powers of 0, 1 and -1 with huge exponents, a bigint quotient
% beyond the float range, and a few more functions.
t(E) :-
    catch((X is E, write(X)), error(Err, _), write(err(Err))),
    nl.

:- initialization(main).

main :-
    t(foo + bar),
    t(a + 1.5 // 2),
    t(1.5 // 2 + a),
    t(max(a, b)),
    t(_ + a),
    t(a + _),
    t((1 + a) + nofun(2)),
    t(nofun(2) + (1 + a)),
    t(max(3)),
    t(float_integer_part(5)),
    t(float_integer_part(-(2 ** 70))),
    t(float_fractional_part(-5)),
    t(float_integer_part(2.5)),
    t(float_fractional_part(-2.5)),
    t(0.0 ** -7),
    t(0.0 ^ -7),
    t(0.0 ** -7.0),
    t(0 ** -7),
    t(0 ^ (2 ** 70)),
    t(1 ^ (2 ** 70)),
    t((-1) ^ (2 ** 70 + 1)),
    t((-1) ** (2 ** 70)),
    t(1 ^ -5),
    t(2 ** -1),
    t(2 ** 2000 / 3),
    t(2 ** 200 / 2 ** 100),
    t(nexttoward(1.0, 2)),
    t(nexttoward(1.0, 0)),
    t(nexttoward(0.0, -1)),
    t(powm(2, 10, 1000)),
    t(powm(3, 200, 1000007)),
    t(powm(2, -1, 7)),
    t(lgamma(3.0)),
    t(lgamma(10)),
    t(erf(0.5)),
    t(erfc(0.5)).
