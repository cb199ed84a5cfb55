:- set_prolog_flag(double_quotes, codes).
:- length([a,b,c], N), write(N), nl.
:- length(L, 2), L = [x|_], write(ok), nl.
:- reverse([1,2,3], R), write(R), nl.
:- nth0(1, [a,b,c], X), write(X), nl.
:- nth1(1, [a,b,c], X), write(X), nl.
:- last([1,2,3], X), write(X), nl.
:- msort([c,a,b,a], L), write(L), nl.
:- sort([c,a,b,a], L), write(L), nl.
:- sort(0, @>=, [1,3,2,3], L), write(L), nl.
:- sort(1, @<, [f(2,a), f(1,b), f(2,c)], L), write(L), nl.
:- predsort([O,A,B]>>compare(O,A,B), [3,1,2], L), write(L), nl.
:- keysort([b-1, a-2, b-0, a-1], L), write(L), nl.
:- sum_list([1,2,3], S), write(S), nl.
:- max_list([1,5,3], M), write(M), nl.
:- min_list([4,2,8], M), write(M), nl.
:- numlist(1, 5, L), write(L), nl.
:- exclude([X]>>(X > 2), [1,2,3,4], L), write(L), nl.
:- include([X]>>(X > 2), [1,2,3,4], L), write(L), nl.
:- maplist([X,Y]>>(Y is X*2), [1,2,3], L), write(L), nl.
:- foldl([X,A0,A]>>(A is A0+X), [1,2,3], 0, S), write(S), nl.
:- memberchk(b, [a,b,c]), write(yes), nl.
:- findall(X, member(X, [1,2,3]), L), write(L), nl.
:- select(b, [a,b,c], R), write(R), nl.
:- subtract([1,2,3,4], [2,4], R), write(R), nl.
:- list_to_set([a,b,a,c,b], S), write(S), nl.
:- nth0(I, [a,b,c], c), write(I), nl.
:- length(L, N), N >= 2, !, write(N), nl.
:- msort([b, 1, a, 2.0, f(x), "s", Z], L), length(L, Len), write(Len), nl.
:- sort([3-a, 1-b, 2-c], L), write(L), nl.
:- exclude([X]>>memberchk(X, [a]), [a,b,a,c], L), write(L), nl.
:- sumlist([1,2], S), write(S), nl.
:- pairs_keys_values(P, [a,b], [1,2]), write(P), nl.
:- flatten([1,[2,[3,4]],[],5], F), write(F), nl.
:- max_member(M, [3,1,4]), write(M), nl.
:- delete([a,b,a,c], a, L), write(L), nl.
