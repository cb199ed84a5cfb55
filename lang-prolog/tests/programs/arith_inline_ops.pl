% is/2 of +, -, * and the comparisons with variable or integer operands
% (compiled inline by the term-store engine): small integers, overflow
% into big integers, floats, and the errors of the general evaluator.

add(X, Y, Z) :- Z is X + Y.
sub(X, Y, Z) :- Z is X - Y.
mul(X, Y, Z) :- Z is X * Y.
lt(X, Y) :- X < Y.
gt(X, Y) :- X > Y.
le(X, Y) :- X =< Y.
ge(X, Y) :- X >= Y.
eq(X, Y) :- X =:= Y.
ne(X, Y) :- X =\= Y.
inc(X, Y) :- Y is X + 1.
bound(X) :- 3 is X - 1.

t(G) :-
    (   catch(G, error(E, _), (show(caught(E)), fail))
    ->  show(yes(G))
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

main :-
    t(add(1, 2, _)), t(sub(1, 2, _)), t(mul(-3, 7, _)),
    t(add(4611686018427387903, 1, _)),
    t(add(1152921504606846975, 1, _)),
    t(sub(-1152921504606846976, 1, _)),
    t(mul(1152921504606846975, 1152921504606846975, _)),
    t(mul(4294967296, 4294967296, _)),
    t(add(1.5, 2, _)), t(sub(1, 0.5, _)), t(mul(2, 2.5, _)),
    t(add(123456789012345678901234567890, 1, _)),
    t(add(_, 1, _)), t(add(a, 1, _)), t(add(1, foo(1), _)),
    t(add(1, 2, 3)), t(add(1, 2, 4)), t(add(1, 2, 3.0)),
    t(inc(9, _)), t(bound(4)), t(bound(5)),
    t(lt(1, 2)), t(lt(2, 1)), t(gt(2, 1)), t(le(2, 2)), t(ge(1, 2)),
    t(eq(1, 1.0)), t(ne(1, 1.0)), t(ne(1, 2)), t(eq(2, 2)),
    t(lt(1, 1.5)), t(lt(_, 1)), t(lt(a, 1)), t(gt(12345678901234567890, 1)),
    t(lt(1+1, 3)), t(eq(2*3, 6)),
    halt.

:- initialization(main).
