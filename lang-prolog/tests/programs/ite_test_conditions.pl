% if-then-else, *-> and \+ whose condition is made of tests (type tests,
% comparisons, ==): the term-store engine runs them without a
% choicepoint. Results, bindings and errors must be those of call/1.

c1(X, R) :- ( X < 3 -> R = small ; R = big ).
c2(X, R) :- ( integer(X), X > 0 -> R = pos_int ; R = other ).
c3(X, Y, R) :- ( X == Y -> R = same ; X @< Y -> R = less ; R = greater ).
c4(X, R) :- ( var(X) -> R = var ; atom(X) -> R = atom ; R = other ).
c5(X) :- \+ X =:= 0.
c6(X) :- \+ ( number(X), X > 10 ).
c7(X, R) :- ( X >= 1 *-> R = yes ; R = no ).
c8(X) :- ( X > 1 -> true ).
c9(X, R) :- ( true -> R = X ; R = none ).
c10(X) :- \+ true, write(X).
c11(L, R) :- ( is_list(L), L \== [] -> R = nonempty ; R = no ).
% a cut in the branches still cuts the clause
c12(X, R) :- ( X > 0 -> !, R = a ; R = b ).
c12(_, c).

t(G) :-
    (   catch(G, error(E, _), (show(caught(E)), fail))
    ->  show(yes(G))
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

main :-
    t(c1(1, _)), t(c1(5, _)), t(c1(2.5, _)), t(c1(_, _)), t(c1(a, _)),
    t(c2(3, _)), t(c2(-3, _)), t(c2(x, _)), t(c2(_, _)),
    t(c3(a, a, _)), t(c3(a, b, _)), t(c3(b, a, _)), t(c3(_, _, _)),
    t(c4(_, _)), t(c4(a, _)), t(c4(f(x), _)),
    t(c5(1)), t(c5(0)), t(c5(0.0)), t(c5(_)),
    t(c6(5)), t(c6(50)), t(c6(a)),
    t(c7(1, _)), t(c7(0, _)), t(c8(2)), t(c8(0)), t(c8(_)),
    t(c9(q, _)), t(c10(x)),
    t(c11([a], _)), t(c11([], _)), t(c11([a|_], _)),
    findall(R, c12(1, R), L1), show(L1),
    findall(R, c12(0, R), L2), show(L2),
    halt.

:- initialization(main).
