primes(N, Ps) :- numlist(2, N, L), sieve(L, Ps).
sieve([], []).
sieve([P|Xs], [P|Ps]) :- exclude([X]>>(0 is X mod P), Xs, Ys), sieve(Ys, Ps).
:- primes(100, Ps), write(Ps), nl.
:- primes(2000, Ps), length(Ps, N), last(Ps, L), write(N-L), nl.
