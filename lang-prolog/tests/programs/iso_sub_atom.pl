:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((sub_atom(abracadabra, 0, 5, _, S), S == abrac)).
:- t((sub_atom(abracadabra, _, 5, 0, S), S == dabra)).
:- t((sub_atom(abracadabra, 3, L, 3, S), L == 5, S == acada)).
:- t((findall(B-A, sub_atom(abracadabra, B, 2, A, ab), L), L == [0-9, 7-2])).
:- t((sub_atom(Banana, 3, 2, _, S), S == an)).
:- t((findall(S, sub_atom(charity, _, 3, _, S), L), L == [cha, har, ari, rit, ity])).
:- t((findall(B-L-A, sub_atom(ab, B, L, A, _), R), length(R, 6))).
:- t((sub_atom(X, B, L, A, S))).
:- t((sub_atom(f(a), B, L, A, S))).
