:- set_prolog_flag(double_quotes, string).
% Syntax errors of term_to_atom/2: the error term's string("Text . ", Pos)
% context (SWI's position: the character before the offending token), and
% the message print_message/2 makes of it.
t(A) :- catch(term_to_atom(_, A), E, (print(E), nl, print_message(error, E))).
main :- maplist(t, ['a b', 'foo(', 'foo(a b)', 'f(a,)', '[a|b|c]', 'a +',
                    'X = = Y', 'f(,)', 'x(y)(z)', '- - -', '[1,2', '{a', 'f(a))',
                    'a    b', 'f(a,   )', 'foo(  ', 'a +   ', 'f(a)   (b)']).
