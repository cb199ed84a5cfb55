% Type tests and arg/3 called from compiled clauses (run inline by the
% clause-level interpreter) and through call/1, on every kind of term.
:- set_prolog_flag(double_quotes, codes).
t(X) :- ( var(X) -> write(var) ; write(nonvar) ), write(' '),
  ( atomic(X) -> write(atomic) ; write(notatomic) ), write(' '),
  ( atom(X) -> write(atom) ; write(notatom) ), write(' '),
  ( integer(X) -> write(int) ; write(notint) ), write(' '),
  ( number(X) -> write(num) ; write(notnum) ), write(' '),
  ( compound(X) -> write(comp) ; write(notcomp) ), nl.
v(X) :- var(X).
nv(X) :- nonvar(X).
am(X) :- atomic(X).
at(X) :- atom(X).
it(X) :- integer(X).
nm(X) :- number(X).
cp(X) :- compound(X).
u(X) :- findall(P, (member(P, [v,nv,am,at,it,nm,cp]), G =.. [P, X], call(G)), L), write(L), nl.
a(N, T) :- ( catch((arg(N, T, A), print(A)), error(E, _), print(E)) -> true ; write(fails) ), nl.
b(N, T, A) :- arg(N, T, A).
count(T, N) :- functor(T, _, Ar), count(Ar, T, 0, N).
count(0, _, N, N) :- !.
count(I, T, N0, N) :- arg(I, T, A), ( atomic(A) -> N1 is N0 + 1 ; N1 = N0 ), I1 is I - 1, count(I1, T, N1, N).
main :-
    forall(member(X, [_, a, [], 1, 2.5, 100000000000000000000, f(x), [a]]), (t(X), u(X))),
    a(1, f(a,b)), a(2, f(a,b)), a(3, f(a,b)), a(0, f(a)), a(x, f(a)), a(1, a), a(-1, f(a)),
    ( b(1, f(X1, y), z) -> print(X1) ; write(no) ), nl,
    ( b(2, f(x, y), z) -> write(yes) ; write(no) ), nl,
    ( b(1, g(h(Q)), h(k)) -> print(Q) ; write(no) ), nl,
    findall(N-A, b(N, f(p, q, r), A), L), print(L), nl,
    count(f(a, g(b), 3, [x], "s", 2.0), C), write(C), nl.
:- initialization(main).
