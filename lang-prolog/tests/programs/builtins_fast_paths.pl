% The store engine's own functions for =/2, ==/2, \==/2, the type tests,
% arg/3, functor/3 and compare/3: results and errors on every kind of
% term, as SWI-Prolog gives them.

:- set_prolog_flag(double_quotes, codes).

t(G) :-
    (   catch(G, E, true)
    ->  (   nonvar(E)
        ->  show(caught(E))
        ;   show(G)
        )
    ;   show(no(G))
    ).

show(T) :-
    \+ \+ ( numbervars(T, 0, _), print(T), nl ).

kinds([_, a, [], '[]', 1, -7, 1.0, 12345678901234567890, "str", f(x),
       [a], [a|b], g(_, _)]).

types :-
    kinds(Ks),
    forall(member(K, Ks),
           ( findall(T,
                     ( member(T, [var, nonvar, atom, number, integer, float,
                                  atomic, compound, callable, is_list]),
                       G =.. [T, K], call(G) ),
                     Ts),
             show(K-Ts) )).

% the same tests compiled in a clause body (not through call/1)
body_types(X, L) :-
    ( var(X) -> L = [var|L1] ; L = L1 ),
    ( atom(X) -> L1 = [atom|L2] ; L1 = L2 ),
    ( atomic(X) -> L2 = [atomic|L3] ; L2 = L3 ),
    ( number(X) -> L3 = [number|L4] ; L3 = L4 ),
    ( float(X) -> L4 = [float|L5] ; L4 = L5 ),
    ( integer(X) -> L5 = [integer|L6] ; L5 = L6 ),
    ( compound(X) -> L6 = [compound|L7] ; L6 = L7 ),
    ( callable(X) -> L7 = [callable] ; L7 = [] ).

test_atomic(X) :- atomic(X).
test_var(X) :- var(X).
test_compound(X) :- compound(X).

identical :-
    kinds(Ks),
    forall(( member(A, Ks), member(B, Ks) ),
           ( A == B -> show(A == B) ; true )).

eqs(A, B) :- A == B.
neqs(A, B) :- A \== B.

run :-
    types,
    kinds(Ks),
    forall(member(K, Ks), ( body_types(K, L), show(K-L) )),
    t(test_atomic(a)), t(test_atomic(f(a))), t(test_atomic(_)),
    t(test_var(_)), t(test_var(a)),
    t(test_compound([a])), t(test_compound("s")),
    identical,
    t(eqs(1, 1.0)), t(eqs(1.0, 1.0)), t(eqs("ab", "ab")), t(eqs("ab", ab)),
    t(eqs(12345678901234567890, 12345678901234567890)),
    t(eqs(f(X), f(X))), t(eqs(f(_), f(_))), t(eqs([], '[]')),
    t(neqs(a, b)), t(neqs(X, X)), t(neqs(1, 1)), t(neqs(f(1.0), f(1.0))),
    t(arg(1, f(a, b), _)), t(arg(2, f(a, b), _)), t(arg(3, f(a, b), _)),
    t(arg(0, f(a, b), _)), t(arg(-1, f(a, b), _)),
    t(arg(1, [h|t], _)), t(arg(2, [h|t], _)), t(arg(3, [h|t], _)),
    t(arg(1, f(a, b), b)), t(arg(1, f(A1, _), z)), show(A1),
    t(arg(x, f(a), _)), t(arg(1, atom, _)), t(arg(1, 3, _)),
    t(arg(1, "str", _)), t(arg(1, _, _)), t(arg(_, f(a, b), _)),
    t(arg(1.0, f(a), _)), t(arg(12345678901234567890, f(a), _)),
    t(arg(-1, _, _)), t(arg(0, _, _)), t(arg(a, _, _)), t(arg(_, _, _)),
    findall(N-V, arg(N, g(p, q, r), V), NVs), show(NVs),
    t(functor(f(a, b), _, _)), t(functor([a], _, _)), t(functor(a, _, _)),
    t(functor(1.5, _, _)), t(functor("s", _, _)),
    t(functor(_, f, 2)), t(functor(_, '[|]', 2)), t(functor(_, a, 0)),
    t(functor(_, 1, 0)), t(functor(_, f, -1)), t(functor(_, _, 2)),
    t(functor(_, f(a), 1)), t(functor(_, f, a)),
    t(functor(f(a), f, 1)), t(functor(f(a), g, 1)),
    t(compare(_, 1, 1.0)), t(compare(_, 1.0, 1)), t(compare(_, a, b)),
    t(compare(<, a, b)), t(compare(>, a, b)), t(compare(=, X, X)),
    t(compare(_, f(a), g)), t(compare(_, "s", a)),
    t(compare(foo, a, b)), t(compare(1, a, b)), t(compare(f(x), a, b)),
    t(_ = f(_)), t(a = b), t(f(X2, b) = f(a, X2)).

:- initialization(run).
