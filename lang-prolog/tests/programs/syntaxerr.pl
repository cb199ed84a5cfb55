ok1.
x :- .
:- write(a), nl.
foo( .
:- write(b), nl.
bar :- baz(.
:- write(c), nl.
