t(E) :- catch((X is E, writeq(E = X)), error(Err, _), (print(Err))), nl.
:- t(1+2*3).
:- t(7/2).
:- t(8/2).
:- t(-7//2).
:- t(7 mod -2).
:- t(-7 mod 2).
:- t(7 rem -2).
:- t(2**10).
:- t(2**100).
:- t(2** -1).
:- t(2^3).
:- t(2.0^3).
:- t(9 ** 0.5).
:- t(abs(-3)).
:- t(sign(-2.5)).
:- t(min(2, 3.0)).
:- t(max(2, 2.0)).
:- t(sqrt(16)).
:- t(truncate(3.7)).
:- t(round(2.5)).
:- t(ceiling(2.1)).
:- t(floor(-2.1)).
:- t(integer(2.5)).
:- t(float(3)).
:- t(1 << 70).
:- t(255 >> 3).
:- t(5 /\ 3).
:- t(5 \/ 3).
:- t(5 xor 3).
:- t(\ 5).
:- t(msb(1000)).
:- t(gcd(12, 18)).
:- t(100000000000 * 100000000000).
:- t(-(-(3))).
:- t(pi).
:- t(e).
:- t(1.0e10).
:- t(1.5e-7).
:- t(123456789.0*10).
:- t(0.1+0.2).
:- t(1/3.0).
:- t(10 div 3).
:- t(-10 div 3).
:- t(cos(0)).
:- t(atan2(1, 1)).
:- t(exp(1)).
:- t(log(100)).
:- t(float_integer_part(3.7)).
:- t(float_fractional_part(-3.5)).
:- t(truncate(1.0e20)).
:- t(12345678901234567890 + 1).
:- t(-(9223372036854775808)).
:- t(9223372036854775807 + 1).
:- t(1/0).
:- t(1.0/0).
:- t(foo+1).
:- t(_ + 1).
:- t(a).
:- t(1 mod 0).
:- t(2.5 mod 2).
:- t(sqrt(-1)).
:- t(log(0)).
:- X = 3, Y is X * 2 + 1, write(Y), nl.
:- (1 < 2 -> write(lt) ; write(ge)), nl.
:- (2.0 =:= 2 -> write(eq) ; write(ne)), nl.
:- (1 =\= 1.0 -> write(ne) ; write(eq)), nl.
:- catch(1 < a, error(E, _), (print(E), nl)).
