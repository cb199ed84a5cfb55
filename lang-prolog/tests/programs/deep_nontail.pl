% Deep non-tail recursion (runs in the heap, not the Rust stack).
:- initialization(main).

mklist(0, []) :- !.
mklist(N, [N|T]) :- N1 is N - 1, mklist(N1, T).

sum([], 0).
sum([X|Xs], S) :- sum(Xs, S0), S is S0 + X.

app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).

nest(0, z) :- !.
nest(N, s(T)) :- N1 is N - 1, nest(N1, T).

depth(z, 0).
depth(s(T), D) :- depth(T, D0), D is D0 + 1.

main :-
    mklist(50000, L), sum(L, S), write(S), nl,
    app(L, [end], L2), last(L2, E), write(E), nl,
    nest(50000, T), depth(T, D), write(D), nl,
    copy_term(T, T2), ( T2 == T -> write(equal) ; write(differ) ), nl,
    msort([T, z, s(z)], Sorted), length(Sorted, SL), write(SL), nl,
    atom_length(abc, _), length(L, Len), write(Len), nl.
