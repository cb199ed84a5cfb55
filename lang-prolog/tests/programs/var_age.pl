% Variables made in a hot loop (by traces on the clause-level engine,
% several under the same choicepoint) stay distinct for ==, the standard
% order (sort/2 keeps them all, and orders them the same way twice) and
% the writer, and are untrailed correctly on backtracking.

mk(0, []) :- !.
mk(N, [_|T]) :- N1 is N - 1, mk(N1, T).

pairs([], []).
pairs([X|Xs], [X-Y|Ps]) :- pairs(Xs, Ps), Y = _.

bind_all([]).
bind_all([a|T]) :- bind_all(T).

all_unbound([]).
all_unbound([X|T]) :- var(X), all_unbound(T).

distinct([]).
distinct([X|T]) :- \+ (member(Y, T), Y == X), distinct(T).

run(I) :-
    mk(200, L),
    sort(L, S), length(S, N1),
    msort(L, M1), msort(S, M2), ( M1 == M2 -> O = same ; O = differs ),
    ( distinct(L) -> D = distinct ; D = shared ),
    ( bind_all(L), fail ; true ),
    ( all_unbound(L) -> U = unbound ; U = bound ),
    L = [A, B|_], format(atom(WA), "~w", [A]), format(atom(WB), "~w", [B]),
    format(atom(WA2), "~w", [A]), ( WA \== WB, WA == WA2 -> Nm = named ; Nm = clash ),
    copy_term(f(A, B, A), f(P, Q, R)), ( P == R, P \== Q -> C = ok ; C = bad ),
    ( I =:= 1 -> write([N1, O, D, U, C, Nm]), nl ; true ).

loop(0) :- !.
loop(I) :- run(I), I1 is I - 1, loop(I1).

:- initialization((loop(300), pairs([1,2,3], Ps), length(Ps, K), write(K), nl)).
