% Rational trees made by unification without occurs check: the checks that
% see them (acyclic_term/1, cyclic_term/1, ground/1, is_list/1) answer as
% SWI does, and list builtins reject a cyclic list instead of looping.
t(G) :- ( catch(G, error(E, _), (functor(E, F, A), write(error(F/A)), nl, fail)) -> write(yes) ; write(no) ), nl.
:- X = f(X), t(acyclic_term(X)).
:- X = f(X), t(cyclic_term(X)).
:- X = f(a, g(b, [c])), t(acyclic_term(X)).
:- X = f(Y, Y), Y = g(Z, Z), Z = h(W, W), t(acyclic_term(X)).
:- t(acyclic_term(_)).
:- t(cyclic_term(foo)).
:- X = f(X), t(ground(X)).
:- X = f(_, X), t(ground(X)).
:- X = [a|X], t(is_list(X)).
:- X = [a, b, c|X], t(is_list(X)).
:- X = [a|X], t(msort(X, _)).
:- numlist(1, 100000, L), t(is_list(L)), t(acyclic_term(L)), t(ground(L)).
:- L = [a, b|T], t(is_list(L)), T = [], t(is_list(L)).
:- X = f(X, Y), Y = g(X), t(cyclic_term(Y)).
