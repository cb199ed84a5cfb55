% Exceptions escaping findall/3, forall/2, \+ and call/N leave no choice
% points behind; the collected solutions so far are discarded.
:- initialization(main).

gen(1). gen(2). gen(boom). gen(4).
check(X) :- ( X == boom -> throw(bad_item(X)) ; true ).

main :-
    catch(findall(X, ( gen(X), check(X) ), L), E1, true), ( var(L) -> true ; true ), writeq(e1(E1)), nl,
    catch(forall(gen(X2), check(X2)), E2, true), writeq(e2(E2)), nl,
    catch(\+ ( gen(X3), check(X3), fail ), E3, true), writeq(e3(E3)), nl,
    catch(aggregate_all(count, ( gen(X4), check(X4) ), C), E4, true), ( var(C) -> true ; true ), writeq(e4(E4)), nl,
    catch(maplist(check, [1, boom]), E5, true), writeq(e5(E5)), nl,
    catch(setof(X6, ( gen(X6), check(X6) ), S), E6, true), ( var(S) -> true ; true ), writeq(e6(E6)), nl,
    findall(R, ( member(Y, [1, boom, 3]), catch(( check(Y), R = ok(Y) ), bad_item(Z), R = bad(Z)) ), Rs),
    writeq(Rs), nl,
    G = ( member(Q, [a, b]), Q == b ), ( call(G) -> writeq(found(Q)) ; writeq(none) ), nl.
