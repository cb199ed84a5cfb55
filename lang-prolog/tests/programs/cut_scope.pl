% Cut scope: local to the condition of ->, to \+, to call/N; cuts the
% clause from the then/else branches and from inside ; alternatives.
:- initialization(main).

p(1). p(2). p(3).

t1(X) :- ( p(X), ! ; X = none ).
t2(X) :- p(X), ( X >= 2 -> ! ; true ).
t2(last).
t3(X) :- ( p(X), X > 1 -> true ; X = none ).
t4(X) :- \+ ( p(X), ! , fail ), X = free.
t5(X) :- call((p(X), !)).
t5(after).
t6(X) :- G = (p(X), !), call(G).
t6(after).
t7(X) :- p(X), call(!), X > 1.
t8(X) :- ( true ; X = second ), !, ( var(X) -> X = first ; true ).
t9(X) :- once(p(X)).
t10(X) :- ( p(X) *-> true ; X = none ).
t11(X) :- ( fail *-> X = yes ; X = no ).
t12(L) :- findall(X, (p(X), !), L).
t13(X) :- forall(p(Y), Y > 0), X = all_positive.
t14(X) :- catch((p(X), !), _, true).
t14(after).
t15(X) :- ( \+ p(4) -> X = not4 ; X = has4 ).
t16(X-Y) :- p(X), !, p(Y).
t17(R) :- ( not(not(p(X))), var(X) -> R = still_var ; R = bound ).
t18(X) :- call((p(X) ; X = alt)), X \== 1.

all(N) :- findall(X, call(N, X), L), writeq(N = L), nl.

main :- forall(member(T, [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18]), all(T)).
