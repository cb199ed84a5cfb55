p(1). p(2). p(boom). p(3).
check(X) :- ( integer(X) -> true ; throw(bad(X)) ).
:- catch(findall(X, (p(X), check(X)), L), bad(B), (write(caught(B)), nl)), ( var(L) -> true ; write(L), nl ).
:- catch(forall(p(X), check(X)), E, (write(E), nl)).
:- findall(X, catch((p(X), check(X)), _, fail), L), write(L), nl.
:- catch(bagof(X, (p(X), check(X)), L), E, (write(E), nl)).
:- catch(setof(X, p(X), L), E, true), write(L), nl.
