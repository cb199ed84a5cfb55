% User-defined operators in data, printing with writeq/print, and
% current_op/3 queries.
:- op(700, xfx, is_parent_of).
:- op(200, xfy, &).
:- op(150, fx, #).
:- op(100, xf, !).
:- initialization(main).

tom is_parent_of bob.
bob is_parent_of ann.
rule(# a & # b & c).

main :-
    forall(X is_parent_of Y, ( writeq(X is_parent_of Y), nl )),
    rule(R), writeq(R), nl, R = (A & B), writeq(A), nl, writeq(B), nl,
    writeq(5 !), nl, writeq(# (1 + 2)), nl, writeq(#(#(x))), nl,
    writeq((a & b) & c), nl, writeq(a & (b & c)), nl,
    writeq(is_parent_of(a, b)), nl, writeq(f(is_parent_of)), nl, writeq(- (#)), nl,
    findall(P-T, current_op(P, T, &), L), writeq(L), nl,
    ( current_op(_, xfx, is_parent_of) -> writeq(defined) ; writeq(undefined) ), nl,
    op(0, xfx, is_parent_of),
    writeq(is_parent_of(a, b)), nl,
    findall(P2-T2, current_op(P2, T2, is_parent_of), L2), writeq(L2), nl,
    op(700, xfx, [===>, <===]), writeq(===>(a, <===(b, c))), nl,
    writeq(1 - (2 - 3)), nl, writeq((1 - 2) - 3), nl, writeq(2 * (3 + 4)), nl,
    writeq(-(3)), nl, writeq(-(3.5)), nl, writeq(- x), nl, writeq(-(-(x))), nl,
    writeq(1 + -2), nl, writeq(1 - (-2)), nl, writeq(a = b), nl, writeq([a = b, c \= d]), nl.
