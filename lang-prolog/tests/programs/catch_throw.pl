:- set_prolog_flag(double_quotes, codes).
% catch/3 and throw/1: nesting, rethrow, unification with the catcher,
% bindings undone, ball copying, errors from deep inside.
:- initialization(main).

r(0) :- throw(bottom).
r(N) :- N1 is N - 1, r(N1).

inner :- catch(throw(a), b, writeln(wrong)).
res(X) :- catch(( X = bound, throw(oops) ), oops, true).

main :-
    catch(r(10000), B, (writeq(caught(B)), nl)),
    catch(inner, E1, (writeq(outer(E1)), nl)),
    res(X), ( var(X) -> writeq(undone) ; writeq(X) ), nl,
    catch(throw(f(Y)), f(Z), true), ( var(Z), var(Y), Z \== Y -> writeq(copied) ; writeq(shared) ), nl,
    catch(catch(throw(first), first, throw(second)), S, (writeq(S), nl)),
    catch(( member(M, [1, 2, 3]), M >= 2, throw(found(M)) ), found(F), true), writeq(F), nl,
    catch(( catch(throw(x), x, fail) ; writeq(alt) ), _, true), nl,
    catch(throw(_), error(E2, _), (var(E2) -> writeq(var_ball) ; writeq(E2))), nl,
    findall(R, catch(( member(R, [a, b, c]), (R == b -> throw(skip) ; true) ), skip, fail), Rs), writeq(Rs), nl,
    catch(( between(1, inf, I), I > 5, throw(stop(I)) ), stop(K), true), writeq(K), nl,
    catch(number_codes(N, "12a"), error(syntax_error(SE), _), true), writeq(syntax(SE)), ( var(N) -> true ; writeq(N) ), nl,
    catch(atom_length(L, L), error(Err, _), true), writeq(Err), nl,
    catch(throw(error(type_error(integer, abc), context(foo/2, _))), error(type_error(T, V), _), true),
    writeq(T/V), nl.
