main :- X is foo + 1, write(X).
