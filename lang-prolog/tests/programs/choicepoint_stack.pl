% Choicepoints, cut, catch/throw, soft-cut and retract interleaved: the
% machine's choicepoint stack, its catch markers and the first body goal
% that runs without a continuation cell.
:- dynamic(fact/1).

p(1). p(2). p(3).
q(X, Y) :- p(X), p(Y), X < Y.

deep(0) :- !, throw(bottom).
deep(N) :- p(_), N1 is N - 1, deep(N1).

first_then_throw(X) :- p(X), X >= 2, throw(found(X)).

soft(X) :- ( p(X) *-> true ; X = none ).
soft_none(X) :- ( fail *-> X = yes ; X = none ).

catch_in_findall(L) :-
    findall(X-R, (p(X), catch((X =:= 2 -> throw(two) ; R = ok), E, R = caught(E))), L).

nested(R) :-
    catch(( p(X), catch(( X >= 2, throw(inner(X)) ), outer(_), fail) ), inner(Y), R = got(Y)).

retract_all_backtracking(L) :-
    retractall(fact(_)),
    assertz(fact(a)), assertz(fact(b)), assertz(fact(c)),
    findall(X, retract(fact(X)), L).

cut_in_disj(X) :- ( p(X), X > 1, ! ; X = never ).

not_not(X) :- \+ \+ X = 1, var(X).

many(L) :- findall(X-Y, q(X, Y), L).

long_args(a, b, c, d, e, f) :- true.
call_long(R) :- long_args(A, B, C, D, E, F), R = [A, B, C, D, E, F].

count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).

main :-
    many(L1), writeln(L1),
    catch(deep(5), B, (write(caught(B)), nl)),
    catch(first_then_throw(X0), found(F), true), ( var(X0) -> writeln(x0_unbound(F)) ; writeln(x0_bound) ),
    findall(S, soft(S), Ss), writeln(Ss),
    soft_none(N0), writeln(N0),
    catch_in_findall(CF), writeln(CF),
    nested(R), writeln(R),
    retract_all_backtracking(RL), writeln(RL),
    findall(fact(Z), fact(Z), Left), writeln(Left),
    findall(C, cut_in_disj(C), Cs), writeln(Cs),
    ( not_not(_) -> writeln(not_not_ok) ; writeln(not_not_failed) ),
    call_long(LA), writeln(LA),
    count(0, 100000), writeln(counted),
    X1 = f(V1), ( X1 = f(1), fail ; true ), ( var(V1) -> writeln(undone) ; writeln(not_undone) ),
    catch(atom_length(_, _), error(E, _), (print(E), nl)),
    catch(call(1), error(E2, _), (print(E2), nl)),
    catch(undefined_pred_xyz, error(E3, _), (print(E3), nl)).

:- initialization(main).
