% Arithmetic functions: integer and float, ** versus ^, bit operations,
% rounding, min/max, gcd, msb, trigonometry, constants.
:- initialization(main).

e(Expr) :- X is Expr, writeq(Expr = X), nl.

main :-
    maplist(e, [7 // 2, -7 // 2, 7 mod 3, -7 mod 3, 7 mod -3, 7 rem -3, -7 rem 3, -7 div 2,
                7 / 2, 8 / 2, 7.0 / 2, 2 ** 3, 2 ** -1, 2 ** 3.0, 2.0 ** 3, 2 ^ 3, 2 ^ 100,
                (-2) ^ 3, 0 ^ 0, 0.0 ** 0, 9 ** 0.5, 1 << 70, -1 >> 1, -16 >> 2, 5 /\ 3,
                5 \/ 3, 5 xor 3, \ 5, msb(1), msb(1024), msb(1 << 100), gcd(12, 18), gcd(-12, 18),
                gcd(0, 5), min(1, 1.0), max(1, 1.0), min(2, 3.0), abs(-3), abs(-3.5),
                sign(-2), sign(2.5), sign(0), truncate(3.7), truncate(-3.7), round(2.5), round(-2.5),
                ceiling(2.1), floor(-2.1), integer(2.5), integer(-2.5), float_integer_part(-3.7),
                float_fractional_part(3.75), float(7), sqrt(16), exp(0), log(1), log(2.0), exp(1.5),
                sin(0), cos(0), atan2(1, 1), atan(1, 1), pi, e, inf, -inf, nan, epsilon,
                acos(1), asin(0), sinh(0), copysign(2, -0.0),
                10 ** 20, 10 ** 20.0, 7 ** 2, -7 ** 2, (-7) ** 2, 3 * 1.5, 1 + 2 * 3 - 4,
                10 - 3 - 2, 2 ** (3 ** 2), 100 / 7 / 2, truncate(1.0e20), random(1) * 0,
                max(3, 3.0), min(3.0, 3), 1.0 * 3, 0.1 + 0.2, 1.0e10, 1.0e15, 1.0e16, 123456789.0 * 10,
                -0.0, 5 / 0.5, 22 / 7.0]).
:- set_prolog_flag(double_quotes, codes).
