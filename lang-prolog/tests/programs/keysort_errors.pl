% keysort/2 names keysort/2 without a module for a bad element (SWI), and
% system:keysort/2 for a bad list.
t(G) :- catch((G -> print(yes(G)) ; print(no)), error(F, context(C, _)), print(F-C)), nl.
main :- t(keysort([a-1, x], _)), t(keysort([a-1, _], _)), t(keysort([a-1, f(x)], _)),
    t(keysort([b-1, a-2, b-0], _)), t(keysort([a-1|b], _)), t(keysort(_, _)), t(keysort([a-1], [x])).
