% Which list predicates leave a choicepoint: `$Goal` raises
% determinism_error(..., nondet, ...) when Goal does, so each line shows
% whether the library predicate is deterministic in that call (as in SWI),
% and the findall lines check that solutions and their order are unchanged.
:- initialization(main).
t(Name, G) :-
    catch((G -> R = ok ; R = failed), error(determinism_error(_, det, K, _), _), R = K),
    writeq(Name-R), nl.
w(T) :- \+ \+ (numbervars(T, 0, _), print(T)), nl.
m1 :- $member(X, [1]), X == 1.
m2 :- $member(_, [1,2]).
m3 :- $member(2, [1,2]).
m4 :- $member(x, [1,2]).
l1 :- $last([1,2,3], X), X == 3.
l2 :- $last([a], X), X == a.
s1 :- $select(X, [1], R), X-R == 1-[].
s2 :- $select(2, [1,2], R), R == [1].
s3 :- $select(1, [1,2], _).
n1 :- $nth0(I, [a], E), I-E == 0-a.
n2 :- $nth1(I, [a], E), I-E == 1-a.
n3 :- $nth0(I, [a,b], b), I == 1.
n4 :- $nth1(2, [a,b], E), E == b.
n5 :- $nth0(_, [a,b], a).
a1 :- $append([1], [2], L), L == [1,2].
a2 :- $append(_, _, []).
c1 :- $memberchk(b, [a,b,c]).
main :-
    forall(member(G, [m1,m2,m3,m4,l1,l2,s1,s2,s3,n1,n2,n3,n4,n5,a1,a2,c1]), t(G, G)),
    findall(X, member(X, [a,b,c]), L1), writeq(L1), nl,
    findall(X-T, (L = [A,B|T], member(X, L), (X == A ; X == B), !), L2), length(L2, N2), writeq(N2), nl,
    findall(L3, (length(L3, 2), member(z, L3)), L3s), w(L3s),
    findall(X-R, select(X, [a,b,c], R), L4), writeq(L4), nl,
    findall(R, select(b, [a,b,c,b], R), L5), writeq(L5), nl,
    findall(I-E, nth0(I, [a,b,c], E), L6), writeq(L6), nl,
    findall(I-E, nth1(I, [a,b,c], E), L7), writeq(L7), nl,
    findall(L8, (between(1, 3, K), length(L8, K), last(L8, z)), L8s), w(L8s),
    findall(P, (last(P, q), length(P, N), (N >= 3, ! ; fail)), P1), w(P1),
    ( member(_, foo) -> writeq(yes) ; writeq(no) ), nl,
    ( last([], _) -> writeq(yes) ; writeq(no) ), nl,
    ( nth0(_, [], _) -> writeq(yes) ; writeq(no) ), nl,
    ( select(_, [], _) -> writeq(yes) ; writeq(no) ), nl,
    findall(I-E, (nth0(I, _Q, E), (I >= 2, ! ; true)), L9), length(L9, N9), writeq(N9), nl.
