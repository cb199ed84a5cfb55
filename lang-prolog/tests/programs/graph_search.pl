% Graph search: depth-first with a visited list, breadth-first shortest
% paths, cycle detection and a topological sort.
:- initialization(main).

edge(a, b). edge(a, c). edge(b, d). edge(c, d). edge(d, e). edge(e, f).
edge(c, f). edge(f, g). edge(b, g).

path(X, Y, P) :- path(X, Y, [X], P0), reverse(P0, P).
path(X, X, V, V).
path(X, Y, V, P) :- edge(X, Z), \+ memberchk(Z, V), path(Z, Y, [Z|V], P).

bfs(Start, Goal, Path) :- bfs_([[Start]], Goal, [Start], RPath), reverse(RPath, Path).
bfs_([[Goal|Rest]|_], Goal, _, [Goal|Rest]) :- !.
bfs_([[N|Rest]|Queue], Goal, Seen, Path) :-
    findall([M, N|Rest], ( edge(N, M), \+ memberchk(M, Seen) ), Next),
    findall(M, member([M|_], Next), Ms), append(Seen, Ms, Seen1),
    append(Queue, Next, Queue1),
    bfs_(Queue1, Goal, Seen1, Path).

nodes(Ns) :- setof(N, M^(edge(N, M) ; edge(M, N)), Ns).

topo(Order) :- nodes(Ns), topo_(Ns, [], Order).
topo_([], Acc, Acc).
topo_(Ns, Acc, Order) :-
    select(N, Ns, Rest), \+ ( member(M, Rest), edge(M, N) ), !,
    topo_(Rest, [N|Acc], Order0), Order = Order0.

reachable(X, Set) :- findall(Y, path(X, Y, _), Ys), sort(Ys, Set).

main :-
    findall(P, path(a, g, P), Ps), length(Ps, N), format("~d paths a->g~n", [N]),
    forall(member(P, Ps), (atomic_list_concat(P, ' -> ', A), format("  ~w~n", [A]))),
    bfs(a, g, Short), format("shortest: ~w~n", [Short]),
    nodes(Ns), format("nodes: ~w~n", [Ns]),
    topo(T), reverse(T, TR), format("topological: ~w~n", [TR]),
    reachable(c, R), format("from c: ~w~n", [R]),
    ( path(g, a, _) -> writeln(cycle) ; writeln(acyclic) ).
