% Integer arithmetic in clause bodies (folded by the engines when the
% operands are bound integers), including the cases that must not fold.
ops(X, Y) :-
    A is X // Y, B is X mod Y, C is X rem Y, D is min(X, Y), E is max(X, Y),
    F is X /\ Y, G is X \/ Y, H is xor(X, Y), I is X >> 2,
    write([A, B, C, D, E, F, G, H, I]), nl.
cmp(X, Y) :- ( X // 2 < Y mod 3 -> write(lt) ; write(ge) ), nl.
safe(G) :- catch(G, error(E, _), (print(E), nl)).
loop(0, Acc, Acc) :- !.
loop(N, Acc0, Acc) :- Acc1 is (Acc0 * 31 + N) mod 1000003, N1 is N - 1, loop(N1, Acc1, Acc).
shift(X, S) :- R is X >> S, write(R), nl.
main :-
    ops(7, 2), ops(-7, 2), ops(7, -2), ops(-7, -2), ops(0, 5),
    cmp(9, 5), cmp(1, 5),
    safe(ops(7, 0)),
    safe((X = 3, Y is X mod 0, write(Y), nl)),
    safe((Z is -9223372036854775808 // -1, write(Z), nl)),
    loop(2000, 0, R), write(R), nl,
    shift(-17, 1), shift(1024, 70), safe(shift(5, -1)),
    M is 9223372036854775807 + 1, write(M), nl.
:- initialization(main).
