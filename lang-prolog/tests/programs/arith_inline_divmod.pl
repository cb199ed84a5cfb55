% is/2 of //, mod and rem with variable or integer operands (compiled
% inline by the term-store engine): every sign combination, zero
% divisors, the smallest small integer, big integers, floats and unbound
% operands give the general evaluator's answers and errors.

idiv(X, Y, Z) :- Z is X // Y.
mod(X, Y, Z) :- Z is X mod Y.
rem(X, Y, Z) :- Z is X rem Y.
mod10(X, Z) :- Z is X mod 10.
div10(X, Z) :- Z is X // 10.
const(Z) :- Z is -7 mod 3.
check(X) :- 1 is X mod 3.

t(G) :-
    (   catch(G, error(E, C), (show(caught(E, C)), fail))
    ->  show(yes(G))
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

run :-
    forall(( member(X, [7, -7, 0, 6, -6]), member(Y, [3, -3, 1, -1]) ),
           ( t(idiv(X, Y, _)), t(mod(X, Y, _)), t(rem(X, Y, _)) )),
    t(idiv(1, 0, _)), t(mod(1, 0, _)), t(rem(1, 0, _)),
    t(idiv(0, 0, _)),
    t(idiv(-1152921504606846976, -1, _)),
    t(mod(-1152921504606846976, -1, _)),
    t(rem(-1152921504606846976, -1, _)),
    t(idiv(-9223372036854775808, -1, _)),
    t(mod(-9223372036854775808, -1, _)),
    t(idiv(123456789012345678901234567890, 7, _)),
    t(mod(123456789012345678901234567890, 7, _)),
    t(rem(-123456789012345678901234567890, 7, _)),
    t(mod(7, 123456789012345678901234567890, _)),
    t(idiv(7.0, 2, _)), t(mod(7, 2.0, _)), t(rem(7.5, 2, _)),
    t(idiv(_, 2, _)), t(mod(7, _, _)), t(rem(a, 2, _)),
    t(mod10(1234, _)), t(mod10(-1234, _)), t(div10(-1234, _)),
    t(const(_)),
    t(check(4)), t(check(-2)), t(check(5)),
    t(idiv(7, 2, 3)), t(idiv(7, 2, 4)), t(mod(7, 2, 1.0)).

:- initialization(run).
