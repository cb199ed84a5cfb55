:- set_prolog_flag(double_quotes, codes).
% Exact ISO error terms from arithmetic.
:- initialization(main).

t(Expr) :-
    catch(( X is Expr, R = (Expr = X) ), error(E, _), R = E),
    \+ \+ ( numbervars(R, 0, _), print(R), nl ).

main :-
    t(foo + 1), t(_ + 1), t(1 / 0), t(1 // 0), t(1 mod 0), t(1 rem 0), t(1.0 / 0),
    t(0 / 0.0), t(1 / 0.0), t(sqrt(-1)), t(log(0)), t(log(-1.0)), t(asin(2)),
    t(a), t("ab"), t([x]), t([1]), t([1, 2]), t(2 ** -1), t(2 ^ -1), t(1 ^ -1), t(-1 ^ -1), t(-1 ^ -2),
    t(0 ^ -1), t(2.0 ^ -1), t(0 ** -1), t(1 << a), t(1.5 << 1), t(1 >> 1.0), t(5 mod 2.0), t(msb(0)),
    t(msb(-4)), t(gcd(1.0, 2)), t(truncate(a)), t(integer(1.0e300 * 1.0e300)), t(1.0e300 * 1.0e300), t(exp(1000)), t(2.0 ** 10000), t(float(1 << 2000)),
    t(max(1, a)), t(abs(foo(1))), t(cot(0)), t(atan2(0, 0)), t(atan(0, 0)), t(0.0 / 0),
    t(inf - inf), t(float_integer_part(a)), t(1 + f(2)), t(sin(x)), t(xor(1, 2.0)),
    t(\ 2.0), t(divmod(1, 2)), t(1 div 0), t(round(nan)), t(ceiling(inf)), t(7 / 2.0 * _).
