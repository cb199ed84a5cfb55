:- set_prolog_flag(double_quotes, string).
% term_hash/2: integers for ground terms, equal for equal terms; variables
% left unbound for terms with variables.
main :-
    term_hash(foo(bar, [1,2], "s", 1.5), H1), term_hash(foo(bar, [1,2], "s", 1.5), H2),
    ( integer(H1), H1 == H2 -> writeln(same_int) ; writeln(bad) ),
    term_hash(f(_), H3), ( var(H3) -> writeln(unbound) ; writeln(bad) ),
    term_hash(abc, H4), ( integer(H4), H4 >= 0 -> writeln(nonneg) ; writeln(bad) ),
    findall(H, (member(T, [a, b, c, f(a), f(b), g(a,b), "a", 1, 2]), term_hash(T, H)), Hs),
    sort(Hs, S), length(S, N), writeln(distinct(N)).
