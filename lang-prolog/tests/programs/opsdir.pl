:- op(700, xfx, <=>).
:- op(9, fx, qq).
:- op(200, xfy, ^^).
equiv(a <=> b).
:- equiv(X), X = (L <=> R), write(L/R), nl.
:- X = qq a, writeq(X), nl.
:- X = (a ^^ b ^^ c), X = (A ^^ B), writeq(A+B), nl.
:- writeq(1 <=> 2), nl.
:- op(0, xfx, <=>), writeq('<=>'(1, 2)), nl.
:- op(1100, xfy, or), X = (a or b), writeq(X), nl.
:- findall(T, current_op(700, T, <), L), write(L), nl.
:- catch(op(1300, xfx, bad), error(E, _), (print(E), nl)).
:- catch(op(100, yyy, bad), error(E, _), (print(E), nl)).
