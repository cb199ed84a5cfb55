:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G -> write(yes) ; write(no)), error(E, _), print(E)), nl.
:- t((atom_length('enchanted evening', N), N == 17)).
:- t((atom_length('', N), N == 0)).
:- t((atom_length(scarlet, 5))).
:- t((atom_length(Atom, 4))).
:- t((atom_length(123, N), N == 3)).
:- t((atom_length(atom, '4'))).
:- t((atom_length(f(a), N))).
