:- set_prolog_flag(double_quotes, string).
% statistics/2 and get_time/1 (shapes only: the values are times),
% must_be/2's errors, read_term_from_atom/3.
t(G) :- catch((G -> R = yes ; R = no), error(E, _), R = E), print(R), nl.
main :-
    statistics(runtime, [T0, _]), ( integer(T0), T0 >= 0 -> writeln(runtime_ok) ; true ),
    statistics(walltime, [W0, D0]), ( integer(W0), integer(D0) -> writeln(walltime_ok) ; true ),
    statistics(cputime, C), ( number(C) -> writeln(cputime_ok) ; true ),
    numlist(1, 20000, L), msort(L, _), statistics(runtime, [T1, _]), ( T1 >= T0 -> writeln(runtime_monotonic) ; true ),
    t(statistics(nokey, _)), t(statistics(_, _)),
    get_time(Now), ( float(Now), Now > 1.0e9 -> writeln(time_ok) ; true ),
    t(must_be(integer, 3)), t(must_be(integer, a)), t(must_be(integer, _)),
    t(must_be(positive_integer, 0)), t(must_be(positive_integer, a)), t(must_be(nonneg, -1)), t(must_be(nonneg, 0)),
    t(must_be(atom, f(x))), t(must_be(callable, 3)), t(must_be(boolean, true)), t(must_be(boolean, yes)),
    t(must_be(list, [a|b])), t(must_be(list, [a|_])), t(must_be(list, [a])), t(must_be(var, a)), t(must_be(nosuchtype, a)),
    t(must_be(atomic, "s")), t(must_be(number, 1.5)), t(must_be(compound, a)),
    read_term_from_atom('foo(X, bar, "s")', T, []), T = foo(V, B, S), ( var(V) -> print(B-S) ; true ), nl,
    t(read_term_from_atom('foo(', _, [])).
