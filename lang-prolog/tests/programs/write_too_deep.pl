% Writing a term nested too deeply raises resource_error(c_stack) (SWI's C
% stack limit) instead of overflowing; the engine keeps running after it.
nest(0, a) :- !.
nest(N, f(T)) :- N1 is N-1, nest(N1, T).
try(G) :- catch((G, write(done)), error(E, _), print(caught(E))), nl.
:- nest(300000, T), try(with_output_to(string(_), write(T))).
:- nest(300000, T), try(with_output_to(string(_), print(T))).
:- nest(300000, T), try(term_to_atom(T, _)).
:- nest(300000, T), try(format(atom(_), "~w", [T])).
:- nest(300000, T), try(with_output_to(string(_), write_canonical(T))).
:- nest(1000, T), with_output_to(string(S), write(T)), string_length(S, L), write(L), nl.
:- numlist(1, 300000, L), with_output_to(string(S), write(L)), string_length(S, N), write(N), nl.
