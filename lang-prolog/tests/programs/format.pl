:- set_prolog_flag(double_quotes, codes).
:- format("hello~n").
:- format("~w ~a ~q~n", [f(x), 'b c', 'b c']).
:- format("~d~n", [42]).
:- format("~2d~n", [314]).
:- format("~D~n", [1234567]).
:- format("~s~n", [[104,105]]).
:- format("~e~n", [1.5]).
:- format("~3f~n", [3.14159]).
:- format("~0f~n", [2.5]).
:- format("~g~n", [0.1]).
:- format("~c~c~n", [104, 105]).
:- format("~8r ~16r ~16R~n", [64, 255, 255]).
:- format("~t~w~10|~w~n", [right, x]).
:- format("~w~t~10|~w~n", [left, x]).
:- format("~t~d~6|~t~d~12|~n", [1, 22]).
:- format("~a~t~15+~a~n", [name, value]).
:- format("~`-t~30|~n").
:- format("~p~n", ['A b']).
:- format("~i~w~n", [skip, shown]).
:- format("~*c~n", [3, 0'x]).
:- format("~~ tilde~n").
:- format("no args~n", []).
:- format("~w", hello), nl.
:- format(atom(A), "~w-~w", [a, b]), writeq(A), nl.
:- format("~a~n", [abc]).
:- format("~t~2f~10|~n", [3.14159]).
:- format("~q~n", [[a,'B']]).
:- format("~e~n", [12345.678]).
:- format("~4e~n", [0.000123]).
:- catch(format("~d~n", [abc]), E, (write(caught), nl)).
