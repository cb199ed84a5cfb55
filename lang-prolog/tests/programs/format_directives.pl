% format/2 directives one by one, and errors.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

f(F, A) :- catch(( format(F, A), nl ), error(E, _), ( print(error(E)), nl )).

main :-
    f("~w", [hello]), f("~a", [abc]), f("~q", ['A b']), f("~p", ['A b']),
    f("~d", [42]), f("~d", [-42]), f("~2d", [314]), f("~2d", [-5]), f("~D", [1234567]),
    f("~2D", [1234567]), f("~s", [[104, 105]]), f("~e", [3.0]), f("~4e", [31415.9]),
    f("~f", [2]), f("~3f", [2.0005]), f("~0f", [0.5]), f("~0f", [1.5]), f("~g", [0.1]),
    f("~n", []), f("a~2nb", []), f("~c", [65]), f("~3c", [66]), f("~8r", [64]), f("~16r", [255]),
    f("~16R", [255]), f("~2r", [5]), f("~36r", [12345]), f("~i~w", [skip, shown]),
    f("~*c", [3, 0'z]), f("~a", ["codes"]), f("~w ~w", [only_one]), f("~d", [1.5]),
    f("~d", [abc]), f("~a", [f(x)]), f("~z", [x]), f("~c", [a]), f("~e", [abc]),
    f("~s", [abc]), f("~w", notalist), f(123, []), f(abc, []),
    format("~w~30|~w~n", [a, b]), format("~ta~t~6|~n"), format(atom(A), "~w-~w", [x, y]),
    writeq(A), nl, format(string(S), "~a", [str]), string_concat(S, '!', S2), print(S2), nl,
    format(codes(C), "~w", [12]), writeq(C), nl, with_output_to(atom(W), (write(a), write(1))),
    writeq(W), nl, format(atom(B), '~p', ['x y']), writeq(B), nl.
