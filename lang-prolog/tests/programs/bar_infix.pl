% SWI 7 reads `a | b` as '|'(a, b) (priority 1100); in a body, called, and in DCG
% bodies it is a disjunction.
t :- (fail | writeln(alt)).
t2 :- G = (fail | writeln(alt2)), call(G).
t3 :- findall(X, (X = 1 | X = 2), L), writeln(L).
t4 :- \+ (fail | fail), writeln(t4).
t5 :- X = (a | b), X =.. L, writeq(L), nl.
t6 :- assertz((dyn :- (fail | writeln(dyn_alt)))), dyn, clause(dyn, B), writeq(B), nl,
    assertz((dyn2 :- \+ (a | b), (c -> d | e))), clause(dyn2, B2), writeq(B2), nl.
t7 :- (member(X, [1,2,3]), X > 1, ! | X = 0), writeln(X).
t8 :- atom_to_term('(p | q)', T, _), writeq(T), nl, T = '|'(A, B), writeq(A/B), nl.
g --> [a] | [b].
main :- t, t2, t3, t4, t5, t6, t7, t8, phrase(g, [b]), writeln(ok).
