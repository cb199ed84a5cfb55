:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((findall(X, (X = 1 ; X = 2), S), S == [1,2])).
:- t((findall(X+Y, (X = 1), S), S = [1+_])).
:- t((findall(X, fail, L), L == [])).
:- t((findall(X, (X = 1 ; X = 1), S), S == [1,1])).
:- t((findall(X, (X = 2 ; X = 1), [1, 2]))).
:- t((findall(X, G, S))).
:- t((findall(X, 4, S))).
:- t((findall(X, true, [A|1]))).
:- t((bagof(X, (X = 1 ; X = 2), S), S == [1,2])).
:- t((bagof(X, fail, S))).
:- t((setof(X, member(X, [c,b,a,b]), S), S == [a,b,c])).
:- t((findall(K-S, setof(X, member(K-X, [b-2, a-1, b-1]), S), L), L == [a-[1], b-[1,2]])).
:- t((bagof(X, Y^(member(X-Y, [a-1, b-2])), L), L == [a,b])).
:- t((bagof(X, G, L))).
:- t((findall(X, member(X, [1,2,3]), L, [4]), L == [1,2,3,4])).
