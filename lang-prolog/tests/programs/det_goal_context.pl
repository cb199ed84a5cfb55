% $Goal errors as SWI-Prolog reports them: the goal with the bindings at
% the time of the error (a variable that occurs once in the clause shows
% as a fresh one), and context(Name/Arity, _) of the clause's predicate.

q2(a, 1).
q2(a, 2).
q3(a, 1) :- fail.
one(x).

v1 :- X = a, $q2(X, Y), write(Y), nl.
v2 :- X = a, $q3(X, Y), write(Y), nl.
v3(Z) :- $q2(Z, _).
v4(Z) :- $q2(Z, Y), Y == 3.
v5 :- $q2(_, _), fail.
v6 :- $fail.
v7(X) :- $one(X).
v8(X) :- $((one(X), q2(a, _))).
v9(X, Y) :- $q2(X, Y), write(X-Y), nl.
v10(L) :- $member(_, L).
v11(A, B) :- $(A == B).
v12 :- $one(y).

% a cut inside $Goal is local to it; the clause's choicepoints stay
w1(X) :- $((q2(a, X), !)).
w2(X) :- q2(a, X), $one(x).

t(G) :-
    catch(G, E, true),
    (   var(E)
    ->  show(yes(G))
    ;   show(caught(E))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

run :-
    t(v1), t(v2), t(v3(_)), t(v3(b)), t(v4(_)), t(v5), t(v6),
    t(v7(_)), t(v7(y)), t(v8(_)), t(v9(_, _)), t(v9(a, 2)),
    t(v10([1])), t(v10([1, 2])), t(v10([])),
    t(v11(a, a)), t(v11(a, b)), t(v12),
    t(w1(_)),
    forall(w2(X), show(w2(X))),
    findall(X, catch(w2(X), _, fail), L), show(L).

:- initialization(run).
