% Text and output builtins on terms nested too deeply to write and on
% cyclic terms: errors, never a hang or a crash (run as the goal, so the
% store engine runs it with POLYVM_PL_ENGINE=store).
e(G) :-
    catch(( G -> R = yes ; R = no ), error(E, _), ( functor(E, N, A), R = caught(N/A) )),
    functor(G, GN, GA),
    print(GN/GA => R), nl.

mk(0, a) :- !.
mk(N, f(T)) :- N1 is N-1, mk(N1, T).

main :-
    mk(300000, T),
    e(format(atom(_), "~w", [T])), e(term_to_atom(T, _)),
    L = [a|L],
    e(atom_length(L, _)), e(format("~s", [L])), e(format(L, [])),
    e(sub_atom(L, _, _, _, _)), e(atom_concat(L, a, _)), e(upcase_atom(L, _)),
    e(split_string(L, "", "", _)),
    X = f(X),
    e(format("~d", [X])), e(format("~a", [X])), e(atom_length(X, _)),
    write(done), nl.
