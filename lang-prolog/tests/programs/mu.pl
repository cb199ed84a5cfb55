% van Roy benchmark: mu (Hofstadter's MU puzzle)
theorem([m,i], _, [[a|[m,i]]]).
theorem(R, Depth, [[N|R]|P]) :- Depth > 0, D is Depth-1, theorem(S, D, P), rule(N, S, R).
rule(1, S, R) :- rule1(S, R).
rule(2, S, R) :- rule2(S, R).
rule(3, S, R) :- rule3(S, R).
rule(4, S, R) :- rule4(S, R).
rule1([i], [i,u]).
rule1([H|X], [H|Y]) :- rule1(X, Y).
rule2([m|T], [m|R]) :- append(T, T, R).
rule3([], -) :- fail.
rule3(R, T) :- append([i,i,i], S, R), append([u], S, T).
rule3([H|T], [H|R]) :- rule3(T, R).
rule4([], -) :- fail.
rule4(R, T) :- append([u,u], T, R).
rule4([H|T], [H|R]) :- rule4(T, R).
:- theorem([m,u,i,i,u], 5, P), write(P), nl.
