:- read(X), write(got(X)), nl.
:- read_term(T, []), write(T), nl.
