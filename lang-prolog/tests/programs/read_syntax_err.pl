% Syntax errors while reading from text: the exact syntax_error term.
:- initialization(main).

try(Text) :-
    catch(( term_to_atom(T, Text), writeq(ok(T)) ),
          error(syntax_error(E), _),
          writeq(syntax_error(E))),
    nl.

main :-
    try('foo('),
    try('f(a,)'),
    try('[a,b'),
    try('a b'),
    try(')'),
    try('f(a))'),
    try('1 + * 2'),
    try('"unterminated'),
    try('\'abc'),
    try('[a|b|c]'),
    try('{a'),
    try('0\'a'),
    try('p :- q'),
    try('f(a) g').
