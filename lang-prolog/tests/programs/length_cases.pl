% length/2 with an open list whose tail is the length itself, partial lists,
% negative and non-integer lengths (SWI-Prolog 9's answers).
t(G) :-
    catch((G -> R = yes(G) ; R = no), E, R = E),
    \+ \+ ( numbervars(R, 0, _), print(R) ), nl.
main :-
    t(length(L, L)),
    t(length([a|L2], L2)),
    t((L3 = [a|T3], length(L3, T3))),
    t(length([a,b|T4], T4)),
    t((length(_, N5), N5 >= 2, !)),
    t(length([a,b|_], 3)),
    t(length([a,b|_], 1)),
    t(length(_, -1)),
    t(length(_, a)),
    t(length([a|b], _)),
    t((length([x|T6], N6), N6 >= 3, !, T6 = [_, _])).
