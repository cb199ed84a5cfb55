:- set_prolog_flag(double_quotes, string).
% print_message/2 while a file loads names the file and line first (SWI);
% format(Fmt, Args) messages are formatted; in initialization goals (after
% the load) no place is named.
:- catch(atom_length(_, _), E, print_message(error, E)).
:- print_message(error, format("custom ~w", [x])).
:- print_message(warning, format("two~nlines ~a", [y])).
:- print_message(informational, format("info ~w", [z])).
:- initialization(main).
main :-
    catch(atom_length(_, _), E, print_message(error, E)),
    print_message(error, format("in main ~w", [x])),
    print_message(warning, format("~q", ['W'])).
