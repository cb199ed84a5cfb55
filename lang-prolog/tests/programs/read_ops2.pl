% op/3 changes how the clauses after it are read.
:- initialization(main).

:- op(700, xfx, ::=).
:- op(650, xfy, or).
:- op(640, xfy, and).
:- op(300, fy, not).
:- op(200, xf, is_true).

rule(expr ::= term or expr and not atom).
rule(x ::= y).
fact(a is_true).
fact(not not b).

show(T) :- writeq(T), write('  '), write_canonical(T), nl.

main :-
    forall(rule(R), show(R)),
    forall(fact(F), show(F)),
    X = (a or b and c or d), show(X),
    X = or(L, R0), show(L), show(R0),
    Y = (not a and b), show(Y),
    % redefine priority: later reads change, earlier clauses do not
    op(800, xfy, and),
    term_to_atom(Z, 'p and q or r'), show(Z),
    forall(rule(R2), show(R2)),
    % remove an operator
    op(0, xf, is_true),
    catch(term_to_atom(_, 'a is_true'), error(E, _), (print(E), nl)),
    writeq(is_true(a)), nl,
    % an operator that is also an atom argument
    writeq(f(or, and, not)), nl,
    writeq([or, and]), nl,
    writeq(- (1)), nl, writeq(-(-(1))), nl, writeq(- a), nl, writeq(-(-(a))), nl,
    writeq(1 - -1), nl, writeq(a = (\+ b)), nl, writeq(\+ (a, b)), nl,
    writeq(- (1 + 2)), nl, writeq((a :- b, c ; d -> e)), nl,
    writeq(f((a :- b))), nl, writeq([(a , b)]), nl, writeq(f(',', '|', '[]', [], '{}', {})), nl,
    writeq(2 ** -1), nl, writeq(1 * (2 + 3) * 4), nl, writeq((1 * 2) + (3 * 4)), nl,
    writeq(2 ^ 3 ^ 4), nl, writeq((2 ^ 3) ^ 4), nl, writeq(a- (b-c)), nl, writeq((a-b)-c), nl.
