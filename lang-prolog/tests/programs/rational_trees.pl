% Cyclic terms (rational trees) on the builtins that SWI-Prolog supports
% them in: unification, ==, compare, copy_term, findall, throw, =.., the
% sorts, ground, and assertz's representation error. None may hang or
% overflow the Rust stack.
t(Name, G) :-
    catch((G -> R = yes ; R = no), E, R = caught(E)),
    (   R = caught(error(Err, _)) -> write(Name-error(Err))
    ;   write(Name-R)
    ),
    nl.

:- initialization(main).

main :-
    t(unify, (X1 = f(X1), Y1 = f(Y1), X1 = Y1)),
    t(unify_fail, (X2 = f(X2, a), Y2 = f(Y2, b), X2 = Y2)),
    t(unify_list, (L1 = [a|L1], L2 = [a, a|L2], L1 = L2)),
    t(eq, (X3 = f(X3), Y3 = f(Y3), X3 == Y3)),
    t(neq, (X4 = f(X4, a), Y4 = f(Y4, b), X4 \== Y4)),
    t(compare, (X5 = f(X5, a), Y5 = f(Y5, b), compare(O5, X5, Y5), O5 == (<))),
    t(copy, (X6 = f(X6, _), copy_term(X6, C6), C6 = f(C6b, _), C6b == C6)),
    t(findall, (X7 = g(X7), findall(X7, true, [F7]), F7 = g(F7b), F7b == F7)),
    t(throw, (X8 = h(X8), catch(throw(X8), B8, true), B8 = h(B8b), B8b == B8)),
    t(univ, (X9 = f(X9), X9 =.. [N9, A9], N9 == f, A9 == X9)),
    t(msort, (X10 = f(X10), msort([X10, a], S10), S10 = [a, _])),
    t(sort, (X11 = f(X11), sort([X11, X11], S11), length(S11, 1))),
    t(ground, (X12 = f(X12), ground(X12))),
    t(not_ground, (X13 = f(X13, _), ground(X13))),
    t(acyclic, (X14 = f(X14), acyclic_term(X14))),
    t(cyclic, (X15 = f(X15), cyclic_term(X15))),
    t(assertz, (X16 = f(X16), assertz(cy(X16)))).
