% A small rule-based diagnosis system: facts asserted per case, rules with
% negation as failure, explanations collected with findall, scores sorted.
:- initialization(main).
:- dynamic symptom/1.

disease(flu,        [fever, cough, aches],  [rash]).
disease(cold,       [cough, sneezing],      [fever]).
disease(measles,    [fever, rash, cough],   []).
disease(allergy,    [sneezing, itchy_eyes], [fever]).

matches(D, Score, Why) :-
    disease(D, Needed, Excluded),
    \+ ( member(X, Excluded), symptom(X) ),
    findall(S, ( member(S, Needed), symptom(S) ), Have),
    Have \== [],
    length(Needed, N), length(Have, H),
    Score is H * 100 // N,
    Why = Have.

diagnose(Case, Symptoms) :-
    retractall(symptom(_)),
    forall(member(S, Symptoms), assertz(symptom(S))),
    findall(Score-D-Why, matches(D, Score, Why), L0),
    sort(0, @>=, L0, L),
    format("case ~w: ~w~n", [Case, Symptoms]),
    (   L == []
    ->  format("  no match~n")
    ;   forall(member(Sc-D-W, L), format("  ~w~t~12|~d%~t~18|because ~w~n", [D, Sc, W]))
    ).

main :-
    diagnose(1, [fever, cough]),
    diagnose(2, [sneezing, itchy_eyes]),
    diagnose(3, [rash, fever, cough, aches]),
    diagnose(4, [headache]).
