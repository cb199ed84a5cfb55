% read/1 from standard input: a syntax error raises syntax_error, reading
% continues after it.
:- initialization(main).

main :-
    catch(read(T), error(E, _), (print(caught(E)), nl, T = error)),
    (   T == end_of_file
    ->  write(done), nl
    ;   print(T), nl, main
    ).
