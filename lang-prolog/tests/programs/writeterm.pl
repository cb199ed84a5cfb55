:- set_prolog_flag(double_quotes, string).
:- write_term(f('A', [1,2], "s"), [quoted(true)]), nl.
:- write_term(1+2, [ignore_ops(true)]), nl.
:- write_term('$VAR'(3), [numbervars(true)]), nl.
:- write_term('$VAR'(3), [numbervars(false), quoted(true)]), nl.
:- write_term([a,b], [quoted(true), ignore_ops(true)]), nl.
:- write_canonical(f(x, 'Y', [1])), nl.
:- print(f('A')), nl.
:- writeln(hello), writeln('W o').
:- write(user_error, to_stderr), nl(user_error).
:- write(user_output, to_stdout), nl(user_output).
:- format(user_error, "err ~w~n", [1]).
:- T = f(X, Y, X), copy_term(T, C), numbervars(C, 0, End), print(C), write(' '), write(End), nl.
:- X = 'hello world', write(X), nl, print(X), nl.
:- put_char(a), put_char(b), nl.
:- tab(2), write(x), tab(1+1), write(y), nl.
