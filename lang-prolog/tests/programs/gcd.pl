gcd(A, 0, A) :- !.
gcd(A, B, G) :- C is A mod B, gcd(B, C, G).
lcm(A, B, L) :- gcd(A, B, G), L is A * B // G.
:- gcd(48, 18, G), write(G), nl.
:- lcm(4, 6, L), write(L), nl.
:- foldl([X, A0, A]>>lcm(X, A0, A), [2,3,4,5,6,7,8,9,10], 1, L), write(L), nl.
:- X is gcd(2**64, 6**20), write(X), nl.
:- foldl([X, A0, A]>>lcm(X, A0, A), [11,13,17,19,23,29,31,37,41,43,47,53,59,61,67], 1, L), write(L), nl.
