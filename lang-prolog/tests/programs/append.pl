app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).
:- app(X, Y, [1,2,3]), write(X-Y), nl, fail ; true.
:- app([a,b], [c], L), writeq(L), nl.
:- append(X, [c], [a,b,c]), writeq(X), nl.
:- findall(X+Y, append(X, Y, [1,2]), L), writeq(L), nl.
