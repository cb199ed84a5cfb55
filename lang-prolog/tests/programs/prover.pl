% a small propositional theorem prover (after van Roy's prover)
prove(P) :- \+ refute([not(P)], []).
refute(Fs, _) :- member(not(X), Fs), member(X, Fs), !, fail.
refute(Fs, Acc) :- select(and(A, B), Fs, Rest), !, refute([A, B|Rest], Acc).
refute(Fs, Acc) :- select(not(or(A, B)), Fs, Rest), !, refute([not(A), not(B)|Rest], Acc).
refute(Fs, Acc) :- select(not(not(A)), Fs, Rest), !, refute([A|Rest], Acc).
refute(Fs, Acc) :- select(imp(A, B), Fs, Rest), !, refute([or(not(A), B)|Rest], Acc).
refute(Fs, Acc) :- select(not(imp(A, B)), Fs, Rest), !, refute([A, not(B)|Rest], Acc).
refute(Fs, Acc) :- select(or(A, B), Fs, Rest), !, refute([A|Rest], Acc), refute([B|Rest], Acc).
refute(Fs, Acc) :- select(not(and(A, B)), Fs, Rest), !, refute([not(A)|Rest], Acc), refute([not(B)|Rest], Acc).
refute(_, _) :- true.
t(F) :- ( prove(F) -> write(valid) ; write(invalid) ), nl.
:- t(imp(p, p)).
:- t(or(p, not(p))).
:- t(imp(and(p, q), p)).
:- t(imp(p, q)).
:- t(imp(imp(imp(p, q), p), p)).
:- t(and(p, not(p))).
