% halt/1 in the middle of a run: output so far is flushed, exit code kept.
:- initialization(main).
main :- write(before), nl, format("partial"), halt(3), write(after), nl.
