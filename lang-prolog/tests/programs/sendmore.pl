% SEND+MORE=MONEY with carries
digit(D) :- member(D, [0,1,2,3,4,5,6,7,8,9]).
sendmore([S,E,N,D,M,O,R,Y]) :-
    M = 1, digit(S), S > 0, S \== M,
    digit(E), E \== S, E \== M,
    digit(N), \+ member(N, [S,E,M]),
    digit(D), \+ member(D, [S,E,N,M]),
    digit(O), \+ member(O, [S,E,N,D,M]),
    digit(R), \+ member(R, [S,E,N,D,M,O]),
    digit(Y), \+ member(Y, [S,E,N,D,M,O,R]),
    1000*S+100*E+10*N+D + 1000*M+100*O+10*R+E =:= 10000*M+1000*O+100*N+10*E+Y.
:- sendmore(L), write(L), nl.
