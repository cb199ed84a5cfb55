:- op(700, xfx, ===>).
:- op(200, xfy, likes).
:- op(900, fy, not_).
rule(a ===> b).
john likes mary.
:- rule(X ===> Y), write(X-Y), nl.
:- X likes Y, write(X/Y), nl.
:- X = (a likes b likes c), X = (_ likes R), writeq(R), nl.
:- writeq(not_ not_ a), nl.
:- writeq(a ===> b), nl.
:- op(0, xfx, ===>), catch(atom_to_term('a ===> b', T, _), E, (write(syntax_error_ok), nl)).
:- current_op(P, T, mod), write(P-T), nl.
:- op(100, xf, !!), X = (3 !!), writeq(X), nl.
:- X = (- a), writeq(X), nl.
