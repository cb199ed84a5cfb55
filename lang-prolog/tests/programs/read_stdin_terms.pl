:- set_prolog_flag(double_quotes, codes).
% read_term/2 from standard input until end_of_file, with variable names.
:- initialization(main).

main :-
    read_term(T, [variable_names(Vs)]),
    (   T == end_of_file
    ->  write(done), nl
    ;   \+ \+ ( maplist([N=V]>>(V = '$VAR'(N)), Vs), print(T) ), nl,
        length(Vs, NV), write(vars(NV)), nl,
        main
    ).
