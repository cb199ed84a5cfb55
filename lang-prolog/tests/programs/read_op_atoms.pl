% Operator atoms as operands: before an infix operator (; = a), as arguments
% and list elements, with prefix operators and signs (read from stdin).
main :- repeat, catch(read_term(T, []), E, (print_message(error, E), T = err)), ( T == end_of_file -> ! ; T == err -> fail ; write_canonical(T), nl, fail ).
:- initialization(main, main).
