% If-then-else, disjunction and negation in clause bodies (lifted into
% auxiliary predicates by the compiler): results, backtracking, shared
% variables, the stored clause's source body, and constructs with a cut
% (which keep the enclosing clause's cut semantics).
:- dynamic stored/1.

sign(X, S) :- ( X < 0 -> S = neg ; X =:= 0 -> S = zero ; S = pos ).
classify(X, C) :- ( atom(X) -> C = atom ; integer(X) -> C = int ; C = other ).
color(C) :- ( C = red ; C = green ; C = blue ).
notmember(X, L) :- \+ member(X, L).
pick(X, Y) :- ( X > 1 -> member(Y, [a, b]) ; Y = none ).
both(X, Y, Z) :- Z0 = X, ( Z0 == Y -> Z = same(Z0) ; Z = diff(Z0, Y) ).
nested(X, R) :- ( X > 10 -> ( X > 100 -> R = huge ; R = big ) ; ( X > 0 -> R = small ; R = nonpos ) ).
count(N, N) :- !.
count(I, N) :- ( I mod 2 =:= 0 -> true ; true ), I1 is I + 1, count(I1, N).
ifthen(X) :- ( X > 0 -> write(positive) ), nl.
cut_in_branch(X, R) :- ( X > 0, ! , R = pos ; R = other ).
cut_in_branch(_, fallback).
cut_in_then(X, R) :- ( X > 0 -> !, R = pos ; R = nonpos ).
cut_in_then(_, fallback).
soft(X, R) :- ( member(X, [1, 2]) *-> R = found(X) ; R = none ).
stored(X) :- ( X > 0 -> true ; fail ).

t(G) :- ( catch(G, error(E, _), (print(caught(E)), nl, fail)) -> print(yes) ; print(no) ), nl.

main :-
    forall(member(X, [-3, 0, 7]), (sign(X, S), print(X-S), nl)),
    forall(member(X, [foo, 3, 2.5, f(x)]), (classify(X, C), print(X-C), nl)),
    findall(C, color(C), Cs), print(Cs), nl,
    t(notmember(4, [1, 2, 3])), t(notmember(2, [1, 2, 3])),
    findall(X-Y, (member(X, [1, 2, 3]), pick(X, Y)), Ps), print(Ps), nl,
    both(a, a, B1), both(a, b, B2), print(B1/B2), nl,
    findall(R, (member(X, [500, 50, 5, -5]), nested(X, R)), Rs), print(Rs), nl,
    count(0, 100000), print(counted), nl,
    ifthen(3), t(ifthen(-3)),
    findall(R, cut_in_branch(1, R), L1), findall(R, cut_in_branch(-1, R), L2), print(L1/L2), nl,
    findall(R, cut_in_then(1, R), L3), findall(R, cut_in_then(-1, R), L4), print(L3/L4), nl,
    findall(R, soft(2, R), L5), findall(R, soft(3, R), L6), print(L5/L6), nl,
    clause(stored(A), Body), copy_term(A-Body, T), numbervars(T, 0, _), print(T), nl,
    t(\+ (current_predicate(N/_), sub_atom(N, 0, _, _, '$aux'))),
    t(sign(a, _)).

:- initialization(main).
