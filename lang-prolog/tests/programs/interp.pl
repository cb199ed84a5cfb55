% An interpreter for a tiny imperative language: statements as terms,
% environments as association lists, while loops, and a meta-interpreter
% for pure Prolog with a depth counter.
:- initialization(main).

run(Prog, Env) :- exec(Prog, [], Env).

exec([], E, E).
exec([S|Ss], E0, E) :- stmt(S, E0, E1), exec(Ss, E1, E).

stmt(X := Expr, E0, E) :- eval(Expr, E0, V), put(X, V, E0, E).
stmt(while(C, Body), E0, E) :-
    (   eval(C, E0, 1)
    ->  exec(Body, E0, E1), stmt(while(C, Body), E1, E)
    ;   E = E0
    ).
stmt(if(C, T, F), E0, E) :- ( eval(C, E0, 1) -> exec(T, E0, E) ; exec(F, E0, E) ).
stmt(print(Expr), E, E) :- eval(Expr, E, V), format("out: ~w~n", [V]).

eval(N, _, N) :- number(N), !.
eval(X, E, V) :- atom(X), !, ( memberchk(X-V, E) -> true ; throw(unbound(X)) ).
eval(A + B, E, V) :- !, eval(A, E, VA), eval(B, E, VB), V is VA + VB.
eval(A - B, E, V) :- !, eval(A, E, VA), eval(B, E, VB), V is VA - VB.
eval(A * B, E, V) :- !, eval(A, E, VA), eval(B, E, VB), V is VA * VB.
eval(A < B, E, V) :- !, eval(A, E, VA), eval(B, E, VB), ( VA < VB -> V = 1 ; V = 0 ).
eval(A == B, E, V) :- !, eval(A, E, VA), eval(B, E, VB), ( VA =:= VB -> V = 1 ; V = 0 ).

put(X, V, [], [X-V]).
put(X, V, [X-_|T], [X-V|T]) :- !.
put(X, V, [P|T], [P|T1]) :- put(X, V, T, T1).

% a meta-interpreter counting resolution steps
solve(true, N, N) :- !.
solve((A, B), N0, N) :- !, solve(A, N0, N1), solve(B, N1, N).
solve(H, N0, N) :- predicate_property(H, built_in), !, call(H), N = N0.
solve(H, N0, N) :- clause(H, Body), N1 is N0 + 1, solve(Body, N1, N).

:- dynamic app/3, nrev/2.
app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).
nrev([], []).
nrev([H|T], R) :- nrev(T, RT), app(RT, [H], R).

main :-
    run([n := 10, f := 1, i := 1,
         while(i < n + 1, [f := f * i, i := i + 1]),
         print(f),
         if(f == 3628800, [print(1)], [print(0)]),
         s := 0, k := 0,
         while(k < 5, [s := s + k * k, k := k + 1]),
         print(s)], Env),
    msort(Env, SEnv), format("env: ~w~n", [SEnv]),
    catch(run([print(zz)], _), unbound(V), format("unbound variable ~w~n", [V])),
    solve(nrev([1, 2, 3, 4, 5, 6], R), 0, Steps), format("~w in ~d steps~n", [R, Steps]).
