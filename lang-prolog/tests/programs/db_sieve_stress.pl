% assert/retract stress in the style of SWI's sieve benchmark: many facts
% asserted, retracted by a bound first argument and by the first clause,
% repeatedly; a counter and a stack of facts.
:- initialization(main).
:- dynamic candidate/1, prime/1, counter/1, stack/1.

primes(N) :-
    retractall(prime(_)), retractall(candidate(_)),
    forall(between(2, N, I), assertz(candidate(I))),
    sieve(N).

sieve(Max) :-
    retract(candidate(First)), !,
    assertz(prime(First)),
    strike(First, 2, Max),
    sieve(Max).
sieve(_).

strike(N, Mul, Max) :-
    I is N * Mul, I =< Max, !,
    ( retract(candidate(I)) -> true ; true ),
    Mul2 is Mul + 1,
    strike(N, Mul2, Max).
strike(_, _, _).

count(N) :-
    retract(counter(C)), C1 is C + 1, assertz(counter(C1)),
    N > 1, !, N1 is N - 1, count(N1).
count(_).

main :-
    forall(between(1, 5, _), primes(3000)),
    aggregate_all(count, prime(_), NP), writeq(NP), nl,
    findall(P, prime(P), Ps), last(Ps, Last), writeq(Last), nl,
    Ps = [P1, P2, P3|_], writeq([P1, P2, P3]), nl,
    ( candidate(_) -> writeq(left) ; writeq(none_left) ), nl,
    assertz(counter(0)), count(20000), counter(C), writeq(C), nl,
    forall(between(1, 2000, I), asserta(stack(I))),
    forall(between(1, 1990, _), retract(stack(_))),
    findall(I, stack(I), S), writeq(S), nl,
    ( prime(2999) -> writeq(yes) ; writeq(no) ), nl,
    ( prime(2998) -> writeq(yes) ; writeq(no) ), nl.
