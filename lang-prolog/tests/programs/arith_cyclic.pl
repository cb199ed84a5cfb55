% Arithmetic on a cyclic expression ends with SWI's error:
% type_error(expression, Culprit) in context(system:Op/N, 'cyclic term'),
% the culprit being the whole expression. The culprit is cyclic, so each
% line shows the error's shape, its context and whether the culprit is the
% expression (not the term itself).
:- initialization(main).
r(Name, G, X) :-
    catch((G, R = no_error), error(E, C), R = caught(E, C)),
    (   R = caught(type_error(T, Cu), Ctx)
    ->  ( Cu == X -> S = whole ; S = other ),
        ( Ctx = context(P, M), var(M) -> Ctx1 = context(P, '_') ; Ctx1 = Ctx ),
        writeq(Name-type_error(T, S)-Ctx1)
    ;   R = caught(E1, _)
    ->  ( cyclic_term(E1) -> writeq(Name-cyclic) ; writeq(Name-E1) )
    ;   writeq(Name-R)
    ),
    nl.
main :-
    A = f(A),
    r(is1, _ is A, A),
    E2 = A + 1, r(is2, _ is E2, E2),
    E3 = foo + A, r(is3, _ is E3, E3),
    B = 1 + B, r(is4, _ is B, B),
    E5 = 2 * B, r(is5, _ is E5, E5),
    D = -(D), E6 = 2 * D + 1.0, r(is6, _ is E6, E6),
    G = g(1, G), r(is7, _ is G, G),
    E8 = A + _, r(is8, _ is E8, E8),
    r(lt, A < 1, A),
    r(gt, B > 2, B),
    E9 = 2 * B, r(le, 1 =< E9, E9),
    r(eq, 1 =:= A, A),
    r(ne, 0 =\= D, D),
    r(ge, D >= 0, D),
    F = max(F, 1), r(is9, _ is F, F),
    H = [H], r(is10, _ is H, H).
