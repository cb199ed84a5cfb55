:- set_prolog_flag(double_quotes, codes).
% Exact ISO error terms from builtins (formal part, context numbered).
:- initialization(main).

t(G) :-
    catch(( G -> R = yes(G) ; R = no ), error(E, _), R = E),
    \+ \+ ( numbervars(R, 0, _), print(R), nl ).

main :-
    t(atom_length(_, _)), t(atom_length(f(x), _)), t(atom_length(abc, foo)),
    t(atom_length(abc, -1)), t(atom_codes(_, _)), t(atom_chars(_, [a|_])),
    t(atom_chars(_, [a, f(b)])), t(char_code(_, _)), t(char_code(ab, _)),
    t(char_code(_, -1)), t(atom_concat(_, _, _)), t(atom_concat(a, f(x), _)),
    t(sub_atom(_, _, _, _, _)), t(number_codes(_, _)), t(number_codes(_, "1a")),
    t(number_codes(_, [0'1|_])), t(atom_number(_, _)), t(atom_number(abc, N1)), t(N1 == N1),
    t(functor(_, _, _)), t(functor(_, foo, -1)), t(functor(_, f(x), 1)), t(functor(_, foo, a)),
    t(arg(x, f(a), _)), t(arg(_, 3, _)), t(arg(0, f(a), _)), t(_ =.. _), t(_ =.. [foo|bar]),
    t(_ =.. [f(x), a]), t(_ =.. []), t(copy_term(_, _)), t(length(_, -1)), t(length(a, _)),
    t(length([a|b], _)), t(msort(a, _)), t(sort([a|_], _)), t(keysort([a], _)),
    t(keysort([a-1|b], _)), t(succ(_, _)), t(succ(_, 0)), t(succ(a, _)), t(succ(-1, _)),
    t(plus(_, _, 3)), t(between(1, a, _)), t(between(_, 2, _)), t(nth0(a, [x], _)),
    t(assertz(_)), t(assertz(3)), t(assertz((foo :- 3))), t(asserta((atom(_) :- true))),
    t(retract(_)), t(abolish(foo/(-1))), t(abolish(_)), t(abolish(atom/1)),
    t(number_vars_missing(x)),
    t(atom_to_term(_, _, _)), t(upcase_atom(_, _)),
    t(nb_getval(no_such_key_here, _)), t(op(1201, xfx, foo)), t(op(200, xfx, ',')),
    t(set_prolog_flag(no_such_flag, x)), t(set_prolog_flag(double_quotes, wrong)),
    t(atom_string(_, _)), t(number_string(_, "x")), t(sort(0, @<, [], _)),
    t(sort(1, foo, [], _)), t(sort(2, @<, [f(1)], _)), t(tab(a)), t(tab(-1)).
