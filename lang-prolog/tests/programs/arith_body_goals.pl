% Arithmetic goals in clause bodies whose operands are bound (or not) when
% the clause is entered: integers, floats, overflow into bigints, unbound
% operands, type errors, and comparisons, as first and as later body goals.
inc(X, Y) :- Y is X + 1.
later(X, Y) :- true, Y is X * 2 - 1.
bound_later(Y) :- member(X, [1, 2]), Y is X + 10.
cmp(X, Y, R) :- ( X + 1 < Y * 2 -> R = lt ; R = ge ).
cmp_later(X, Y, R) :- true, ( X - 1 =:= Y -> R = eq ; R = ne ).
neg(X, Y) :- Y is -(X) + 0.
big(X, Y) :- Y is X * X * X.
first_is_bound(X) :- 3 is X + 1.
show(G) :- catch((G -> writeln(yes(G)) ; writeln(no)), error(E, _), (print(E), nl)).

main :-
    show(inc(1, _)),
    show(inc(1.5, _)),
    show(inc(_, _)),
    show(inc(a, _)),
    show(inc(9223372036854775807, _)),
    show(later(4, _)),
    show(later(4.0, _)),
    findall(Y, bound_later(Y), Ys), writeln(Ys),
    show(cmp(1, 2, _)),
    show(cmp(5, 2, _)),
    show(cmp(_, 2, _)),
    show(cmp_later(3, 2, _)),
    show(cmp_later(3, 5, _)),
    show(neg(5, _)),
    show(big(3037000500, _)),
    show(big(-4, _)),
    show(first_is_bound(2)),
    show(first_is_bound(3)),
    show(first_is_bound(2.0)).

:- initialization(main).
