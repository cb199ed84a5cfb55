% SEND + MORE = MONEY
sel(X, [X|T], T).
sel(X, [H|T], [H|R]) :- sel(X, T, R).
solve([S,E,N,D,M,O,R,Y]) :-
    Digits = [0,1,2,3,4,5,6,7,8,9],
    sel(S, Digits, D1), S > 0, sel(E, D1, D2), sel(N, D2, D3), sel(D, D3, D4),
    M = 1, sel(M, D4, D5), sel(O, D5, D6), sel(R, D6, D7), sel(Y, D7, _),
    1000*S + 100*E + 10*N + D + 1000*M + 100*O + 10*R + E =:=
    10000*M + 1000*O + 100*N + 10*E + Y.
:- solve(L), write(L), nl.
