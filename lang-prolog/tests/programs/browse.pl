% pattern matching over generated structures (after van Roy's browse, reduced)
init(N, M, Npats, Ipats, Result) :- init(N, M, M, Npats, Ipats, Result).
init(0, _, _, _, _, _) :- !.
init(N, I, M, [_|T], Ipats, [Symb|Rest]) :- fill(I, [], L), get_pats(Npats0, Ipats, Ps), Npats0 = 3, J is M - I,
    fill(J, [pattern(Ps)|L], Symb), N1 is N - 1, ( I =:= 0 -> I1 is M ; I1 is I - 1 ), init(N1, I1, M, T, Ipats, Rest).
fill(0, L, L) :- !.
fill(N, L, [dummy([])|Rest]) :- N1 is N - 1, fill(N1, L, Rest).
get_pats(N, Ipats, Result) :- get_pats(N, Ipats, Result, Ipats).
get_pats(0, _, [], _) :- !.
get_pats(N, [X|Xs], [X|Ys], Ipats) :- N1 is N - 1, get_pats(N1, Xs, Ys, Ipats).
get_pats(N, [], Ys, Ipats) :- get_pats(N, Ipats, Ys, Ipats).
:- init(5, 2, _, [a, [b, c], d], R), length(R, Len), write(Len), nl, R = [First|_], length(First, L1), write(L1), nl.
