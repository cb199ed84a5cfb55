insert(X, nil, t(nil, X, nil)).
insert(X, t(L, V, R), t(L1, V, R)) :- X < V, !, insert(X, L, L1).
insert(X, t(L, V, R), t(L, V, R1)) :- X > V, !, insert(X, R, R1).
insert(_, T, T).
inorder(nil) --> [].
inorder(t(L, V, R)) --> inorder(L), [V], inorder(R).
height(nil, 0).
height(t(L, _, R), H) :- height(L, HL), height(R, HR), H is max(HL, HR) + 1.
build(L, T) :- foldl(insert, L, nil, T).
:- build([50, 30, 70, 20, 40, 60, 80, 30, 65], T), phrase(inorder(T), L), write(L), nl, height(T, H), write(H), nl.
