:- set_prolog_flag(double_quotes, string).
:- msort([z, a, 1, 2.0, f(a), "x", b, 0.5, g(a,b), f(b)], L), writeq(L), nl.
:- sort([3,1,2,3,1], L), write(L), nl.
:- sort(0, @>=, [3,1,2,3,1], L), write(L), nl.
:- sort(0, @=<, [3,1,2,3,1], L), write(L), nl.
:- sort(2, @<, [f(a,3), f(b,1), f(c,2)], L), write(L), nl.
:- keysort([3-c, 1-a, 2-b, 1-z], L), write(L), nl.
:- predsort([O, A, B]>>(compare(O, A, B)), [c, a, b, a], L), write(L), nl.
:- length(L, 5), msort([1,1], M), write(M), nl.
:- compare(O, [1,2], [1,3]), write(O), nl.
:- compare(O, f(a), a), write(O), nl.
:- compare(O, "abc", abc), write(O), nl.
:- sort([f(2), f(1), g(0), a, 3], L), writeq(L), nl.
