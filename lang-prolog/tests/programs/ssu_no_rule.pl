% SSU rules: when no rule is left for a call, existence_error(matching_rule,
% Goal) is raised: a first argument that selects no rule, a head that does
% not match the last candidate, a guard that fails in the last candidate;
% but never after a rule committed (its body failing, or backtracking into
% it).

% the last rule's guard fails
g(X), integer(X) => true.

% a guard with choicepoints of its own
b(X) :- member(X, [1,2,3]).
t(X, Y), b(X), X > Y => true.

% a head pattern the first-argument key selects but does not match
h([a|_]) => true.
h(f(1)) => true.

% bodies that fail or leave choicepoints after the commit
nd(X) => member(X, [1,2,3]).
lastfail(X) => X > 5.
twofail(1) => fail.
twofail(_) => fail.

% arity 0 with a guard
z0, fail => true.

% an error in a guard is not turned into a matching_rule error
ev(X), X > 1 => true.

% enough rules for the first-argument index
ix(a) => true.
ix(b) => true.
ix(c) => true.
ix(d) => true.
ix(e) => true.
ix(f) => true.
ix(g) => true.
ix(h(_)) => true.
ix(i), fail => true.

% a guard on the last rule, after a rule keyed by a constant
count(0, N) => N = zero.
count(N, R), N > 0 => R = pos.

% recursion through SSU rules (no choicepoint per step)
len([], N) => N = 0.
len([_|T], N) => len(T, N0), N is N0+1.

t(G) :-
    (   catch(G, error(E, C), (show(caught(E, C)), fail))
    ->  show(yes(G))
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

run :-
    t(g(1)), t(g(a)), t(g(_)),
    t(t(_, 2)), t(t(_, 5)),
    t(h([a])), t(h([b])), t(h([])), t(h(f(1))), t(h(f(2))), t(h(_)),
    findall(X, nd(X), L1), show(L1),
    t(lastfail(1)), t(lastfail(7)),
    t(twofail(1)), t(twofail(2)),
    t(z0),
    t(ev(a)), t(ev(0)), t(ev(3)),
    t(ix(a)), t(ix(g)), t(ix(h(1))), t(ix(i)), t(ix(j)), t(ix(_)), t(ix(1)),
    t(count(0, _)), t(count(3, _)), t(count(-1, _)),
    findall(X-R, (member(X, [0, 2, -2]), catch(count(X, R), _, R = none)), L2),
    show(L2),
    % backtracking into the caller of an SSU call: each call raises or
    % answers on its own
    findall(X, (member(X, [a, 1, b, 2]), catch(g(X), _, fail)), L3), show(L3),
    numlist(1, 100000, NL), len(NL, Len), show(Len),
    catch(forall(member(X, [1, x]), g(X)), error(E, _), (show(E))),
    t((nd(X4), X4 >= 2)),
    t((nd(X5), X5 > 3)).

:- initialization(run).
