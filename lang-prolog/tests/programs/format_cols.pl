% format/2 column stops: ~t fill, ~| and ~+ column boundaries, alignment.
:- initialization(main).

row(Name, Qty, Price) :-
    format("~w~t~15|~t~d~6+~t~2f~10+~n", [Name, Qty, Price]).

main :-
    format("~w~t~15|~w~n", [name, value]),
    format("~`-t~30|~n"),
    row(apples, 3, 1.5), row('dragon fruit', 12, 24.75), row(kiwi, 100, 0.333),
    format("~t~w~10|~n", [right]),
    format("~t~w~t~11|~n", [mid]),
    format("[~t~w~t~20+]~n", [centered]),
    format("~`*t~t~20|~n"),
    format("~a~t~a~20|~a~n", [left, right, end]),
    format("~t~d~8|~t~d~8+~n", [1, 22]),
    format("~e ~f ~g ~3e ~0f ~1f~n", [1.5, 1.5, 1.5, 12345.678, 2.5, 0.05]),
    format("~t~2f~10|~n", [3.14159]),
    format("~w and ~i~w~n", [a, b, c]),
    format("~*c~n", [5, 0'x]),
    format("~8|abc~n"),
    format("~+~w~+~w~n", [x, y]),
    format("~p~n", ['q u']),
    format("no args~n"),
    format("~~ tilde~n", []),
    format("~r~n", [10]) -> true ; format("radix needs argument~n").
