% Unifying cyclic terms whose cycles go through the first argument
% (mutually recursive rational trees): the recursion on first arguments
% must not multiply the cycle budget per level (it hung before session 14).
t(Name, G) :-
    catch((G -> R = yes ; R = no), E, R = caught(E)),
    write(Name-R),
    nl.

:- initialization(main).

main :-
    t(mutual, (X1 = f(X1, Y1), Y1 = f(Y1, X1), X1 = Y1)),
    t(mutual_fail, (X2 = f(X2, Y2, a), Y2 = f(Y2, X2, b), X2 = Y2)),
    t(first_arg, (X3 = g(X3, a), Y3 = g(Y3, a), X3 = Y3)),
    t(nested, (X4 = h(h(X4, Y4), a), Y4 = h(h(Y4, X4), a), X4 = Y4, X4 == Y4)).
