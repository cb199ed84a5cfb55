% read_term/2 options on standard input: variable_names, variables,
% singletons; end_of_file handling.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

main :-
    repeat,
    read_term(T, [variable_names(Vn), variables(Vs), singletons(Ss)]),
    (   T == end_of_file
    ->  !, writeln(eof)
    ;   length(Vs, NV), maplist([N=_, N]>>true, Vn, Names), maplist([N=_, N]>>true, Ss, SNames),
        \+ \+ ( maplist([N=V]>>(V = '$VAR'(N)), Vn), print(T) ),
        format(" vars=~d names=~w singletons=~w~n", [NV, Names, SNames]),
        fail
    ).
