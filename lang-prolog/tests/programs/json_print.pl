% Pretty-printing a JSON-like term with indentation, escaping and
% sorted keys.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

doc(obj([name-str("polyvm"), version-num(2), tags-arr([str("jit"), str("prolog")]),
         nested-obj([ok-true, ratio-num(0.75), none-null, quote-str("say \"hi\"")]),
         empty-arr([])])).

pp(T) :- pp(T, 0), nl.

pp(obj([]), _) :- !, write('{}').
pp(obj(Pairs0), I) :- !,
    keysort(Pairs0, Pairs), write('{'), nl, I1 is I + 2,
    pp_pairs(Pairs, I1), nl, tab(I), write('}').
pp(arr([]), _) :- !, write('[]').
pp(arr(Xs), I) :- !, write('['), nl, I1 is I + 2, pp_items(Xs, I1), nl, tab(I), write(']').
pp(str(S), _) :- !, write('"'), forall(member(C, S), esc(C)), write('"').
pp(num(N), _) :- !, write(N).
pp(A, _) :- atom(A), write(A).

pp_pairs([K-V], I) :- !, tab(I), format("\"~w\": ", [K]), pp(V, I).
pp_pairs([K-V|T], I) :- tab(I), format("\"~w\": ", [K]), pp(V, I), write(','), nl, pp_pairs(T, I).
pp_items([X], I) :- !, tab(I), pp(X, I).
pp_items([X|T], I) :- tab(I), pp(X, I), write(','), nl, pp_items(T, I).

esc(0'") :- !, write('\\"').
esc(0'\\) :- !, write('\\\\').
esc(C) :- put_char_code(C).
put_char_code(C) :- char_code(Ch, C), write(Ch).

count(obj(Ps), N) :- !, foldl([_-V, A0, A]>>(count(V, NV), A is A0 + NV), Ps, 1, N).
count(arr(Xs), N) :- !, foldl([V, A0, A]>>(count(V, NV), A is A0 + NV), Xs, 1, N).
count(_, 1).

main :- doc(D), pp(D), count(D, N), format("~d values~n", [N]).
