msort2([], []) :- !.
msort2([X], [X]) :- !.
msort2(L, S) :- halve(L, A, B), msort2(A, SA), msort2(B, SB), merge(SA, SB, S).
halve([], [], []).
halve([X], [X], []).
halve([X, Y|T], [X|A], [Y|B]) :- halve(T, A, B).
merge([], L, L) :- !.
merge(L, [], L) :- !.
merge([X|Xs], [Y|Ys], [X|Zs]) :- X =< Y, !, merge(Xs, [Y|Ys], Zs).
merge(Xs, [Y|Ys], [Y|Zs]) :- merge(Xs, Ys, Zs).
lcg(0, _, []) :- !.
lcg(N, S, [X|T]) :- X is S mod 1000, S1 is (S * 1103515245 + 12345) mod 2147483648, N1 is N - 1, lcg(N1, S1, T).
:- lcg(2000, 42, L), msort2(L, S), msort(L, S2), ( S == S2 -> write(same) ; write(differ) ), nl, S = [A, B, C|_], write([A, B, C]), nl.
