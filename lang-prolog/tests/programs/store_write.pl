% write/print/writeq/write_canonical/write_term on the goal's terms (run
% by the store engine with POLYVM_PL_ENGINE=store): quoting, operators,
% special atoms, numbers, lists, curly terms, max_depth.
t(a+'B').
t('\\').
t([]).
t('[]').
t('{}').
t({a,b}).
t('hello world').
t([a,'B'|c]).
t(- 1).
t(-(1)).
t(-(-(1))).
t(-(a)).
t(1-(-1)).
t(1-(-(1))).
t(a-(-)).
t(- (1+2)).
t(\+a).
t(\+ (a,b)).
t(f(',', '|', ';', '!')).
t((a:-b,c;d->e)).
t(f((a,b))).
t(f(a:-b)).
t(1.0e10).
t(1.5e-7).
t(-0.0).
t(123456789012345678901234567890).
t(-12).
t(2**3).
t(2^3^4).
t((2^3)^4).
t(a=b).
t([a|b]).
t('don''t').
t('\n').
t(- - a).
t(\ \ a).
t(1 rdiv 2).
t(a* (b+c)).
t((a*b)+c).
t(-(2)^2).
t((-2)^2).
t(-(2^2)).
t(f(a;b)).
t([(a:-b)]).
t('$VAR'(1)).
t('$VAR'(27)).
t('$VAR'('Foo')).
t(p :- q).
t(f(:-)).
t(:-(a)).
t(dynamic(a)).
t((a,b)).
t(1 = :- ).
t([-]).
t(- [1]).
t(-(a)+b).
t(f(-1)).
t(1 - 1).
t(a- -1).
t(a-(-1)).
t(2 - (-(1))).
t('/*').
t(//).
t(f(a, 'B c', 0'x)).

show(X) :-
    write(X), nl,
    print(X), nl,
    writeq(X), nl,
    ( ground(X) -> write_canonical(X), nl ; true ),
    write_term(X, [quoted(true), ignore_ops(true)]), nl,
    format("~w|~q|~a~n", [X, X, w]).

main :-
    forall(t(X), show(X)),
    write_term([1,2,3,4,5,6,7,8,9], [max_depth(4)]), nl,
    write_term(f(g(h(i(j)))), [max_depth(3)]), nl,
    write_term('a b'+c, [quoted(true)]), nl,
    write_term(f(a,b), [spacing(next_argument)]), nl,
    write_term('$VAR'(3), [numbervars(true)]), nl,
    write_term('$VAR'(3), [numbervars(false), quoted(true)]), nl,
    write_canonical(f(A, _B, A, _C)), nl,
    atom_string('a "string"', S), show(S), show(f(S, [S])),
    write(user_error, err_text), nl(user_error),
    print(user_output, p('X')), nl(user_output),
    writeq(user_output, 'Q'), nl,
    writeln(hello), writeln(user_output, 'w l'),
    tab(3), write(x), tab(user_output, 2+1), write(y), nl,
    put_char(a), put_char(user_output, b), nl,
    catch(tab(foo), error(E1, _), (print(E1), nl)),
    catch(put_char(_), error(E2, _), (print(E2), nl)),
    catch(put_char(f(x)), error(E3, _), (print(E3), nl)),
    catch(write_term(a, [bad]), error(E4, _), (print(E4), nl)),
    catch(write_term(a, [quoted(maybe)]), error(E7, _), (print(E7), nl)),
    catch(write_term(a, [max_depth(a)]), error(E8, _), (print(E8), nl)),
    catch(write_term(a, foo), error(E9, _), (print(E9), nl)),
    catch(write_term(a, [quoted(true)|_]), error(E10, _), (print(E10), nl)),
    catch(write(foo, a), error(E11, _), (print(E11), nl)),
    catch(write(f(x), a), error(E12, _), (print(E12), nl)),
    catch(nl(foo), error(E13, _), (print(E13), nl)),
    catch(write_term(a, _), error(E5, _), (print(E5), nl)),
    catch(write(_, a), error(E6, _), (print(E6), nl)),
    X = f(X1), X1 = g(1), print(X), nl,
    B = 1, write(B), nl.
