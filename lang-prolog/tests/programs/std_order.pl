% The standard order of terms and compare/3.
:- set_prolog_flag(double_quotes, string).
:- initialization(main).

main :-
    L = [f(b), "abc", 2.0, g(a), 1, a, [], f(a, b), 'B', "ab", 1.0, _Z, -3, [a], f(a), 0.5, {x}, 'a b', 10, 3],
    msort(L, S), length(S, N), writeq(N), nl,
    forall(member(X, S), ((var(X) -> writeq(var) ; print(X)), nl)),
    forall(member(A-B, [1-1.0, 1.0-1, a-b, f(a)-g(a), f(b)-f(a, a), [1]-f(a), "s"-a, 2-1.5, [a, b]-[a|c]]),
           ( compare(O, A, B), writeq(compare(O, A, B)), nl )),
    ( 1 @< a -> writeq(num_before_atom) ; true ), nl,
    ( f(a) @> a -> writeq(compound_after_atom) ; true ), nl,
    ( 1.0 @< 1 -> writeq(float_first_when_equal) ; writeq(int_first) ), nl,
    ( 1 == 1.0 -> writeq(same) ; writeq(different) ), nl,
    ( 1 =:= 1.0 -> writeq(equal_value) ; true ), nl,
    sort(0, @>=, [c, a, b, a], D), writeq(D), nl.
