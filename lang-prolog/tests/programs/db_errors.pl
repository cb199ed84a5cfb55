% Errors of the database builtins (ISO / SWI error terms).
:- initialization(main).
:- dynamic d/1.

st(1).
st(2).

try(G) :-
    catch(( G -> R = yes ; R = no ), error(E, _), R = error(E)),
    writeq(R), nl.

main :-
    try(assertz(st(3))),
    try(asserta(st(0))),
    try(retract(st(1))),
    try(retractall(st(_))),
    try(assertz(_)),
    try(assertz(3)),
    try(assertz((foo :- 1))),
    try(assertz((3 :- true))),
    try(assertz(atom_length(_, _))),
    try(retract(_)),
    try(retract(atom_length(_, _))),
    try(clause(_, _)),
    try(clause(3, _)),
    try(clause(d(_), 3)),
    try(clause(atom_length(_, _), _)),
    try(clause(st(X), true)), writeq(X), nl,
    try(clause(nosuch(_), _)),
    try(retract(nosuch(_))),
    try(retractall(nosuch2(_))),
    try(nosuch2(_)),
    try(d(_)),
    try(retract((d(_) :- true))),
    try(assertz(d(1))), try(d(1)),
    try(retract((d(X1) :- true))), writeq(X1), nl,
    try(assertz((d(2) :- write(hi), nl))),
    try(retract((d(2) :- write(_), nl))),
    try(d(_)).
