:- set_prolog_flag(double_quotes, string).
% sort/2, msort/2, sort/4 with keys and orders, predsort/3, keysort/2.
:- initialization(main).

cmp_len(O, A, B) :- atom_length(A, LA), atom_length(B, LB), compare(O, LA-A, LB-B).
cmp_num_only(O, A, B) :- compare(O, A, B), O \== (=).
by_second(O, _-A, _-B) :- compare(O0, A, B), ( O0 == (=) -> O = (<) ; O = O0 ).

main :-
    L = [c, 3, b, f(x), 1.0, "s", a, 1, g(a, b), f(y), [], 2, b],
    sort(L, S1), print(S1), nl,
    msort(L, S2), print(S2), nl,
    sort(0, @>=, L, S3), print(S3), nl,
    P = [k(2, b), k(1, a), k(3, c), k(1, z), k(2, a)],
    sort(1, @<, P, S4), print(S4), nl,
    sort(1, @=<, P, S5), print(S5), nl,
    sort(1, @>, P, S6), print(S6), nl,
    sort(1, @>=, P, S7), print(S7), nl,
    sort(2, @<, P, S8), print(S8), nl,
    predsort(cmp_len, [banana, fig, apple, kiwi, fig, cherry], S9), print(S9), nl,
    ( predsort(cmp_num_only, [3, 1, 2, 3, 1], S10) -> print(S10) ; print(predsort_failed) ), nl,
    predsort(by_second, [x-3, y-1, z-3, w-2], S11), print(S11), nl,
    keysort([b-1, a-2, c-0, a-1, b-0], S12), print(S12), nl,
    pairs_keys_values(Pairs, [k1, k2], [v1, v2]), print(Pairs), nl,
    pairs_values([a-1, b-2], Vs), print(Vs), nl,
    pairs_keys([a-1, b-2], Ks), print(Ks), nl,
    sort([], E), print(E), nl,
    length(Big, 2000), foldl([X, I0, I]>>(X is (I0 * 7919) mod 1009, I is I0 + 1), Big, 0, _),
    sort(Big, SB), length(SB, NB), print(NB), nl,
    msort(Big, MB), length(MB, NM), MB = [First|_], last(MB, Last), print(NM/First/Last), nl.
