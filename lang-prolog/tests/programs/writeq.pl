:- set_prolog_flag(double_quotes, codes).
:- writeq(f(:-, (a:-b), [a|b], 'A', [], '[]', {x,y}, 'it''s', a+'B')), nl.
:- writeq(-(1)), nl.
:- writeq(- 1), nl.
:- writeq(-(-(1))), nl.
:- writeq(1 - -1), nl.
:- writeq(-(a)), nl.
:- writeq(-(-(a))), nl.
:- writeq(f(a;b, (a->b;c), \+a, 1+2*3, (1+2)*3, 2-(3-4), a=b)), nl.
:- writeq(1 rdiv 2), nl.
:- writeq(a:b:c), nl.
:- writeq((a,b)), nl.
:- writeq(f((a,b))), nl.
:- writeq('\n'), nl.
:- writeq(''), nl.
:- writeq(a*(b+c)), nl.
:- writeq(-(2)^2), nl.
:- writeq(-(2^2)), nl.
:- writeq(f(-)), nl.
:- writeq(- - a), nl.
:- writeq([a, 'B c', "d", 1.0, -2]), nl.
:- writeq('hello world'), nl.
:- writeq([]), nl.
:- writeq('/*'), nl.
:- writeq(f(',', '|', ';', '!')), nl.
:- writeq({}), nl.
:- writeq('{}'(x)), nl.
:- writeq(1 = -1), nl.
:- writeq(a- (-1)), nl.
:- writeq(2 ** -1), nl.
:- writeq(f(a- -1)), nl.
:- writeq(\+ (a,b)), nl.
:- writeq((a:-b,c;d->e)), nl.
:- writeq([a|[b|[c]]]), nl.
:- writeq('$VAR'(1)), nl.
:- print('$VAR'(27)), nl.
:- write_canonical([a,'B'|c]), nl.
:- write_canonical(f('$VAR'(1), "x")), nl.
:- write(f('A', 'b c', "str")), nl.
:- writeq(f(x) = g), nl.
:- writeq(- (- 1)), nl.
:- writeq(1+2+3), nl.
:- writeq(1+(2+3)), nl.
:- writeq(a is b), nl.
:- writeq(is(a)), nl.
:- writeq((:- a)), nl.
:- writeq(dynamic(a)), nl.
:- writeq(f(dynamic)), nl.
:- writeq(- (1.5)), nl.
:- writeq(3-(-3)), nl.
:- writeq(3*(-3)), nl.
:- writeq(2^(-1)), nl.
:- writeq(@(a)), nl.
:- writeq('\t'), nl.
:- writeq('a\\b'), nl.
:- writeq(f(;)), nl.
:- writeq((a;b)), nl.
:- writeq(1.0e10), nl.
:- writeq(1.0e22), nl.
:- writeq(0.000001), nl.
:- writeq(-0.0), nl.
:- writeq(100000000000000.0), nl.
:- writeq(1000000000000000.0), nl.
