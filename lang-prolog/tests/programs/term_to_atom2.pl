:- set_prolog_flag(double_quotes, string).
% term_to_atom/2, atom_to_term/3, term_string/2, with_output_to/2 and
% format(atom(_)) round trips, including operators and quoting.
:- initialization(main).

rt(T) :- term_to_atom(T, A), term_to_atom(T2, A), ( T2 =@= T -> R = same ; R = differ ), writeq(A - R), nl.

main :-
    rt(f(x, 'Y', "s", [1, 2|t])), rt((a :- b, c)), rt(- (1)), rt(-1), rt(1 - -1), rt('hello world'),
    rt({a, b}), rt([]), rt('[]'), rt(f(;)), rt((a ; b) -> c ; d), rt(\+ a), rt(f(- 1)),
    rt(- (- a)), rt(1.0e10), rt(- (1.5)), rt(2 ** 3), rt(p :- (a, b ; c)), rt('$VAR'(1)),
    atom_to_term('foo(X, bar(Y), X)', T, Bs), length(Bs, NB), writeq(NB), nl,
    T = foo(P, _, Q), ( P == Q -> writeq(shared) ; writeq(distinct) ), nl,
    term_string(S, "h(1, \"two\")"), writeq(S), nl,
    with_output_to(string(WS), print([1, 'A'])), string_length(WS, WL), writeq(WS/WL), nl,
    format(atom(FA), "~q", [f('A b')]), writeq(FA), nl,
    sformat_like(R), writeq(R), nl.

sformat_like(R) :- format(atom(R), "~a|~t~w~10||", [ab, right]).
