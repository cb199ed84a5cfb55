% Quoted atoms, escapes and how writeq quotes atoms back.
:- initialization(main).

atoms(['hello world', 'It''s', 'a\nb', 'tab\there', 'back\\slash', '\x41\\x42\',
       '\101\', 'quote\'s', 'bell\a', 'nul-free', '[]', '{}', '!', ';', ',', '|',
       'Abc', aBC, 'a b', ' ', 'élan', 'del\177\', 'line\
continued', +, '+a', -, '/*', '%', 'hello.', '.', a1, '1a', '_x', 'X']).

main :-
    atoms(L),
    forall(member(A, L),
           ( atom_length(A, N), atom_codes(A, Cs),
             writeq(A), write(' '), write(N), write(' '), write(Cs), nl )),
    X = "a\"b", atom_codes(Y, X), writeq(Y), nl,
    writeq(f('A', b, 'c d', [])), nl,
    print('needs quotes'), nl,
    write_canonical('x\ny'), nl,
    write_term('x y', [quoted(true)]), nl,
    writeq(['\\', '''', '\t']), nl.
:- set_prolog_flag(double_quotes, codes).
