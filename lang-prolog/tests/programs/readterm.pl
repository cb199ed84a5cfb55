:- set_prolog_flag(double_quotes, codes).
:- op(700, xfx, is_a).
t(S) :- term_to_atom(T, S), \+ \+ (numbervars(T, 0, _), writeq(T)), nl.
:- t('foo(X, Y, "abc")').
:- t('[1, 2 | T]').
:- t('0x1F + 0o17 + 0b101').
:- t('0''a').
:- t('a is_a b').
:- t('{a, b}').
:- t('- 1').
:- t('-1').
:- t('- (1)').
:- t('f(a , b)').
:- t('\'hello\\nworld\'').
:- t('"x"').
:- t('1.5e3').
:- t('[a|[]]').
:- t('f(;, (a :- b))').
:- t('p :- \\+ q, !').
:- t('X = f(_, _Y)').
:- t('16''FF').
:- t('0''\\n').
:- t('a- - -b').
