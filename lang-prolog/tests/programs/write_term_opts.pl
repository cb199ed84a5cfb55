:- set_prolog_flag(double_quotes, string).
% write_term/2 options, print/1, write_canonical/1, numbervars.
:- initialization(main).

main :-
    T = f('A', "str", [1, 2], 'b c', -(1), - a, 1 + 2, {x}, '$VAR'(1), '$VAR'(27), '$VAR'('Foo')),
    write_term(T, []), nl,
    write_term(T, [quoted(true)]), nl,
    write_term(T, [quoted(true), numbervars(true)]), nl,
    write_term(T, [quoted(true), ignore_ops(true)]), nl,
    write_term([1, 2, 3], [ignore_ops(true)]), nl,
    write_term(T, [numbervars(false), quoted(true)]), nl,
    write_term(deep(a(b(c(d(e))))), [max_depth(3)]), nl,
    write_term([1, 2, 3, 4, 5, 6, 7], [max_depth(3)]), nl,
    write_term(f(x, y), [spacing(next_argument)]), nl,
    write_term('hello world', [quoted(false)]), nl,
    print(['$VAR'(0), 'q t']), nl,
    write_canonical(f(X, Y, X, "s", 'q t', [a|Y])), nl,
    write(f('$VAR'(3), 'it''s')), nl,
    writeq(- (- 1)), nl, writeq(1 - (-1)), nl, writeq(- (1)), nl, writeq(-(a)), nl,
    writeq('\\'), nl, writeq(f(;, '|', '||')), nl,
    writeq([a, 'B'|c]), nl, writeq('/*'), nl, writeq(//), nl,
    writeq(f(a;b)), nl, writeq((a:-b;c)), nl, writeq([(a:-b)]), nl,
    writeq(- - a), nl, writeq(\+ \+ a), nl, writeq(1 = :- ), nl,
    writeq(f(:-, -)), nl, writeq([:-]), nl, writeq(- (:-)), nl,
    T2 = "a string", write(T2), nl, print(T2), nl, writeq('\t'), nl.
