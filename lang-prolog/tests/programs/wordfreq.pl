text('the quick brown fox jumps over the lazy dog the fox').
count_words(Pairs) :- text(T), atomic_list_concat(Ws, ' ', T), msort(Ws, S), group(S, Pairs).
group([], []).
group([W|Ws], [W-N|Rest]) :- take(W, Ws, 1, N, Ws1), group(Ws1, Rest).
take(W, [W|Ws], N0, N, R) :- !, N1 is N0 + 1, take(W, Ws, N1, N, R).
take(_, Ws, N, N, Ws).
:- count_words(P), forall(member(W-N, P), format("~w~t~10|~d~n", [W, N])).
most_frequent(P, T) :- findall(N-W, member(W-N, P), L), keysort(L, T), last(T, N-W), format("most: ~w (~d)~n", [W, N]).
:- count_words(P), most_frequent(P, _).
