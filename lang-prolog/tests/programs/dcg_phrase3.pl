% DCGs: phrase/2,3, pushback, call//N, {}//, !, \+ and strings as terminals.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

digits([D|T]) --> digit(D), digits(T).
digits([D]) --> digit(D).
digit(D) --> [D], { code_type(D, digit) }.

ws --> [C], { code_type(C, space) }, !, ws.
ws --> [].

number(N) --> digits(Ds), { number_codes(N, Ds) }.

expr(V) --> term(T), expr_rest(T, V).
expr_rest(Acc, V) --> ws, "+", !, ws, term(T), { A1 is Acc + T }, expr_rest(A1, V).
expr_rest(Acc, V) --> ws, "-", !, ws, term(T), { A1 is Acc - T }, expr_rest(A1, V).
expr_rest(V, V) --> [].
term(V) --> factor(F), term_rest(F, V).
term_rest(Acc, V) --> ws, "*", !, ws, factor(F), { A1 is Acc * F }, term_rest(A1, V).
term_rest(V, V) --> [].
factor(V) --> "(", !, ws, expr(V), ws, ")".
factor(V) --> number(V).

greeting --> [hello], name.
name --> [world].
name --> [prolog].

look_ahead(X), [X] --> [X].

anything([]) --> [].
anything([H|T]) --> [H], anything(T).

not_a --> \+ [a], [_].

twice(G) --> call(G), call(G).
ab --> [a], [b].

count(N) --> [x], !, count(N0), { N is N0 + 1 }.
count(0) --> [].

main :-
    forall(member(S, ["1 + 2 * 3", "(1 + 2) * 3", "10 - 4 - 3", "2*(3+4)*5"]),
           ( phrase(expr(V), S) -> format("~s = ~w~n", [S, V]) ; format("~s: no parse~n", [S]) )),
    ( phrase(greeting, [hello, prolog]) -> writeq(yes) ; writeq(no) ), nl,
    ( phrase(greeting, [hello, there]) -> writeq(yes) ; writeq(no) ), nl,
    phrase(look_ahead(X), [q, r], Rest), writeq(X/Rest), nl,
    findall(P-R, phrase(anything(P), [a, b], R), Splits), writeq(Splits), nl,
    ( phrase(not_a, [b]) -> writeq(not_a_ok) ; writeq(not_a_fail) ), nl,
    ( phrase(not_a, [a]) -> writeq(not_a_ok) ; writeq(not_a_fail) ), nl,
    ( phrase(twice(ab), [a, b, a, b]) -> writeq(twice_ok) ; writeq(twice_fail) ), nl,
    phrase(count(N), [x, x, x], R2), writeq(N/R2), nl,
    phrase(digits(Ds), "123abc", R3), atom_codes(A3, Ds), atom_codes(B3, R3), writeq(A3/B3), nl,
    catch(phrase(_, [a]), error(E, _), (writeq(E), nl)),
    catch(phrase(foo, bar), error(E2, _), (writeq(E2), nl)).
