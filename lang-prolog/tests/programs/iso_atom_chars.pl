:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((atom_chars('', L), L == [])).
:- t((atom_chars([], L), L == ['[',']'])).
:- t((atom_chars('''', L), L == [''''])).
:- t((atom_chars(iso, L), L == [i,s,o])).
:- t((atom_chars(A, [p,r,o,l,o,g]), A == prolog)).
:- t((atom_chars(North, [N,o,r]), North == Nor)).
:- t((atom_chars(X, [a|_]))).
:- t((atom_chars(X, [a,f(b)]))).
:- t((atom_chars(X, Y))).
:- t((atom_chars(f(a), L))).
:- t((atom_chars(X, [a,b|c]))).
