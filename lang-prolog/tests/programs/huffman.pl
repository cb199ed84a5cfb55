% Huffman coding: frequency count, tree building with a sorted queue,
% code table, encoding and decoding back.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

freqs(Codes, Fs) :-
    msort(Codes, Sorted), count_runs(Sorted, Fs).
count_runs([], []).
count_runs([C|Cs], [N-leaf(C)|Fs]) :- run(C, Cs, 1, N, Rest), count_runs(Rest, Fs).
run(C, [C|T], N0, N, R) :- !, N1 is N0 + 1, run(C, T, N1, N, R).
run(_, R, N, N, R).

build([_-T], T) :- !.
build(Q0, T) :-
    keysort(Q0, [W1-T1, W2-T2|Rest]),
    W is W1 + W2,
    build([W-node(T1, T2)|Rest], T).

codes(leaf(C), Prefix, [C-Code]) :- !, reverse(Prefix, Code).
codes(node(L, R), Prefix, Table) :-
    codes(L, [0'0|Prefix], T1), codes(R, [0'1|Prefix], T2), append(T1, T2, Table).

encode([], _, []).
encode([C|Cs], Table, Bits) :- memberchk(C-Code, Table), append(Code, Rest, Bits), encode(Cs, Table, Rest).

decode([], _, []) :- !.
decode(Bits, Tree, [C|Cs]) :- walk(Bits, Tree, C, Rest), decode(Rest, Tree, Cs).
walk(Bits, leaf(C), C, Bits) :- !.
walk([0'0|Bs], node(L, _), C, R) :- walk(Bs, L, C, R).
walk([0'1|Bs], node(_, Rt), C, R) :- walk(Bs, Rt, C, R).

main :-
    Text = "abracadabra alakazam",
    freqs(Text, Fs), format("frequencies: ~w~n", [Fs]),
    build(Fs, Tree),
    codes(Tree, [], Table), msort(Table, STable),
    forall(member(C-Code, STable), format("~c: ~s~n", [C, Code])),
    encode(Text, Table, Bits), length(Bits, NB), length(Text, NT),
    format("~d bits for ~d chars~n", [NB, NT]),
    decode(Bits, Tree, Back), format("decoded: ~s~n", [Back]),
    ( Back == Text -> writeln(roundtrip_ok) ; writeln(roundtrip_bad) ).
