% number_codes, number_chars, atom_number, atom_to_term, char conversions.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

t(G) :- catch(( G -> R = G ; R = failed ), error(E, _), R = error(E)), \+ \+ ( numbervars(R, 0, _), print(R) ), nl.

main :-
    t(number_codes(X1, "42")), t(number_codes(X2, " 42")), t(number_codes(X3, "0x1A")),
    t(number_codes(X4, "-17")), t(number_codes(X5, "- 17")), t(number_codes(X6, "1.5e10")),
    t(number_codes(X7, "0'a")), t(number_codes(X8, "12 ")), t(number_codes(X9, "1e")),
    t(number_codes(42, C1)), t(number_codes(-3.25, C2)), t(number_codes(X10, "/**/7")),
    t(number_chars(Y1, ['1', '2'])), t(number_chars(Y2, [a])), t(number_chars(12.5, Y3)),
    t(atom_number('3.14', Z1)), t(atom_number(abc, Z2)), t(atom_number('0b101', Z3)),
    t(atom_number(A1, 77)), t(atom_number('12abc', Z4)), t(atom_number(' 5', Z5)),
    t(atom_to_term('foo(X, Y, X)', T1, B1)), t(term_to_atom(f(x, 'A', "s"), A2)),
    t(number_codes(N11, "123456789012345678901234567890")),
    t(atom_codes(hello, HC)), t(atom_chars(X12, [h, i])), t(char_code(Ch, 0'z)),
    t(atom_length('', L0)), t(atom_length(hello, 5)), t(atom_length(12345, L1)),
    t(upcase_atom('mIxEd 1', U)), t(downcase_atom('MiXeD', D)),
    t(string_code(1, "abc", SC)), t(number_string(NS, "  42")), t(term_string(TS, "g(1)")),
    t(string_to_atom("xyz", SA)), t(string_chars(S1, [a, b])), t(string_codes(S2, [0'a])),
    t(string_length(hello, SL)), t(string_lower('HeLLo', SLo)), t(string_upper(hi, SUp)),
    t(char_type(a, alpha)), t(char_type('1', digit(W))), t(code_type(0' , space)).
