% The logical update view on predicates large enough to be indexed (8+
% clauses) and on small ones: a call, clause/2 and retract/1 see the
% clauses as they were when they started, whatever is asserted or
% retracted meanwhile; retract/1 on backtracking; asserta/assertz order
% with variable first arguments mixed in.
:- initialization(main).
:- dynamic p/2, s/1, v/2, w/1.

fill :-
    retractall(p(_, _)),
    forall(between(1, 12, I), ( K is I mod 3, assertz(p(K, I)) )).

main :-
    fill,
    % a call on a key sees only the clauses present when it started
    findall(I, ( p(1, I), J is I + 100, assertz(p(1, J)) ), L1),
    writeq(L1), nl,
    findall(I, p(1, I), L2), writeq(L2), nl,
    % retract during an iteration over the same key
    findall(I, ( p(2, I), retract(p(2, _)) ), L3), writeq(L3), nl,
    findall(K-I, p(K, I), L4), length(L4, N4), writeq(N4), nl,
    % unbound first argument: scan order
    fill,
    findall(K-I, ( p(K, I), I =< 4, retract(p(_, 12)) ), L5), writeq(L5), nl,
    % clause/2 while asserting
    fill,
    findall(K-I, ( clause(p(K, I), true), I < 3, asserta(p(K, 0)) ), L6),
    writeq(L6), nl,
    findall(I, p(0, I), L7), writeq(L7), nl,
    % retract on backtracking: every clause with key 1, in order
    findall(I, retract(p(1, I)), L8), writeq(L8), nl,
    findall(I, p(1, I), L9), writeq(L9), nl,
    % retract of a clause another retract already took (same iteration)
    fill,
    findall(I, ( retract(p(0, I)), ( I =:= 3 -> retract(p(0, 6)) ; true ) ), L10),
    writeq(L10), nl,
    % variable first arguments mixed with keys, asserta and assertz
    forall(between(1, 10, I), assertz(v(I, a))),
    assertz(v(_, z)), asserta(v(_, first)), asserta(v(5, front)),
    assertz(v(5, back)),
    findall(X, v(5, X), L11), writeq(L11), nl,
    findall(X, v(77, X), L12), writeq(L12), nl,
    findall(X, v(3, X), L13), writeq(L13), nl,
    % many variable-key clauses (no index) keep the order too
    forall(between(1, 6, _), assertz(v(_, var))),
    findall(X, v(5, X), L14), writeq(L14), nl,
    retract(v(5, front)), retract(v(_, first)),
    findall(X, v(5, X), L15), writeq(L15), nl,
    % a deterministic call on an indexed key
    forall(between(1, 20, I), assertz(s(I))),
    ( s(7) -> writeq(found7) ; writeq(no7) ), nl,
    findall(I, ( s(I), I > 15 ), L16), writeq(L16), nl,
    % assert and retract on the same key during an iteration
    findall(I, ( s(I), I =< 3, retract(s(I)), J is I + 100, assertz(s(J)) ), L17),
    writeq(L17), nl,
    findall(I, s(I), L18), writeq(L18), nl,
    % retract everything, then the next call sees nothing, old calls all
    findall(I-N, ( s(I), I =< 5, ( I =:= 4 -> retractall(s(_)) ; true ),
                   aggregate_all(count, s(_), N) ), L19),
    writeq(L19), nl,
    % small predicates (no index)
    assertz(w(1)), assertz(w(2)), assertz(w(3)),
    findall(X, ( w(X), retract(w(2)), assertz(w(4)) ), L20), writeq(L20), nl,
    findall(X, w(X), L21), writeq(L21), nl,
    % clause bodies and keys of several types
    assertz((p(f(x), B) :- B = rule)), assertz(p([a], list)),
    assertz(p(2.5, float)), assertz(p(100000000000000000000, big)),
    findall(B, p(f(_), B), L22), writeq(L22), nl,
    findall(B, p([_|_], B), L23), writeq(L23), nl,
    findall(B, p(2.5, B), L24), writeq(L24), nl,
    findall(B, p(100000000000000000000, B), L25), writeq(L25), nl,
    findall(B, clause(p(f(_), _), B), [_ = W26]), writeq(W26), nl.
