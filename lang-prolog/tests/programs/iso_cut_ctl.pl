:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t(((!, fail ; true))).
:- t(((call(!), fail ; true))).
:- t((\+ fail)).
:- t((\+ !)).
:- t((call((fail, 1)))).
:- t((call((write(3), 1)))).
:- t((call((1 ; true)))).
:- t((call(_))).
:- t(((true -> fail ; true))).
:- t(((fail -> true ; true))).
:- t((((!, X = 1 ; X = 2), X == 1))).
:- t((findall(X, (X = 1 ; X = 2), L), L == [1,2])).
:- t((catch(throw(x), Y, true), Y == x)).
