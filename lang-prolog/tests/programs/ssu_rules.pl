% SWI-Prolog's single sided unification rules (Head, Guard => Body) and
% the determinism marker $Goal: head subsumption, guards, commit, the
% no-matching-rule error, first-argument selection.

len([], N) => N = 0.
len([_|T], N) => len(T, N0), N is N0+1.

sum([], S0, S) => S = S0.
sum([H|T], S0, S) => S1 is S0+H, sum(T, S1, S).

% a repeated pattern variable needs identical (==) subterms
same(X, X) => true.
same(_, _) => fail.

% guards
sign(X, S), X > 0 => S = pos.
sign(X, S), X < 0 => S = neg.
sign(_, S) => S = zero.

% nested patterns, constants of every kind
kind(f(a, [X|_]), K) => K = f_a(X).
kind(f(_, _), K) => K = f_other.
kind(1.5, K) => K = float.
kind(12345678901234567890123, K) => K = big.
kind(7, K) => K = seven.
kind([], K) => K = nil.
kind(x, K) => K = atom_x.

% arity 0
zero => write(zero), nl.

% the head never binds a call variable: p(a) does not match p(X)
% with X unbound; the output argument is bound in the body
out(a, R) => R = 1.
out(_, R) => R = 2.

% the rule commits after the guard: no other rule is tried on
% backtracking, and a failing body fails the call
first(X), X > 1 => X > 5.
first(_) => true.

% an ordinary clause body with $Goal
p(1).
p(2).
q(1).
dcall(X) :- $q(X).
dcall2(X) :- $p(X).

t(G) :-
    (   catch(G, error(E, _), (show(caught(E)), fail))
    ->  show(yes(G))
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

run :-
    t(len([a,b,c], _)),
    t(sum([1,2,3,4], 0, _)),
    t(same(f(A), f(A))),
    t(same(f(_), f(_))),
    t(same(a, a)),
    t(sign(3, _)), t(sign(-3, _)), t(sign(0, _)),
    t(sign(_, _)),
    t(kind(f(a, [1,2]), _)),
    t(kind(f(a, _), _)),
    t(kind(f(b, c), _)),
    t(kind(1.5, _)), t(kind(1.5e0, _)),
    t(kind(12345678901234567890123, _)),
    t(kind(7, _)), t(kind(7.0, _)), t(kind([], _)), t(kind(x, _)),
    t(kind(y, _)),
    t(kind(_, _)),
    t(zero),
    t(out(a, _)), t(out(b, _)), t(out(_, _)),
    t(out(a, 1)), t(out(a, 2)),
    t(first(3)), t(first(7)), t(first(0)),
    t(len(_, _)),
    t(len(foo, _)),
    t(dcall(_)),
    t(dcall(2)),
    t(dcall2(2)),
    t(dcall2(_)),
    findall(X, (member(X, [1,2,3]), sign(X, pos)), L), print(L), nl.

:- initialization(run).
