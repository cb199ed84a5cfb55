% call/1..8 with closures and partial application.
:- initialization(main).

add(X, Y, Z) :- Z is X + Y.
add3(A, B, C, D) :- D is A + B + C.
args(A, B, C, D, E, F, G) :- writeq(args(A, B, C, D, E, F, G)), nl.
twice(G, X, Z) :- call(G, X, Y), call(G, Y, Z).

main :-
    call(add(1), 2, X1), writeq(X1), nl,
    call(add, 1, 2, X2), writeq(X2), nl,
    G = add3(1, 2), call(G, 3, X3), writeq(X3), nl,
    call(args(a), b, c, d, e, f, g),
    call(args(a, b, c), d, e, f, g),
    call(args(a, b, c, d, e, f), g),
    call(args(a, b), c, d, e, f, g),
    twice(add(10), 1, X4), writeq(X4), nl,
    call(format, "~w-~w~n", [x, y]),
    Goal = (member(Y, [1, 2, 3]), Y > 1), call(Goal), writeq(Y), nl,
    call(;, fail, true), writeq(disj_ok), nl,
    call(',', true, true), writeq(conj_ok), nl,
    call(\+, fail), writeq(neg_ok), nl,
    call(=, Z, 5), writeq(Z), nl,
    maplist(call, [true, true]), writeq(maplist_call), nl,
    catch(call(1), error(E1, _), (writeq(E1), nl)),
    catch(call(_), error(E2, _), (writeq(E2), nl)),
    catch(call(add(1), 2), error(E3, _), (writeq(E3), nl)),
    catch(call((fail, 1)), error(E4, _), (writeq(E4), nl)),
    catch(call((write(x), 1)), error(E5, _), (writeq(E5), nl)).
