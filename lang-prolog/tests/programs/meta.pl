twice(G) :- call(G), call(G).
add(X, Y, Z) :- Z is X + Y.
:- twice(write(hi)), nl.
:- call(add(1), 2, R), write(R), nl.
:- maplist(add(10), [1,2,3], L), write(L), nl.
:- maplist([X]>>(X > 0), [1,2,3]), write(all_pos), nl.
:- foldl(add, [1,2,3], 0, S), write(S), nl.
:- G = format("~w~n"), call(G, [x]).
:- include([X]>>(0 is X mod 2), [1,2,3,4,5,6], E), write(E), nl.
:- partition([X]>>(X < 3), [1,2,3,4], I, O), write(I-O), nl.
:- maplist([X,Y,Z]>>(Z is X*Y), [1,2,3], [4,5,6], P), write(P), nl.
:- findall(X, (member(X, [1,2,3]), \+ X = 2), L), write(L), nl.
:- forall(member(X, [1,2,3]), X > 0) -> write(yes) ; write(no).
:- nl.
:- once(member(X, [a,b])), write(X), nl.
:- ignore(member(x, [])), write(ign), nl.
:- \+ \+ (X = 1, write(X)), nl.
