% Text processing on codes: Caesar cipher, palindromes, word splitting,
% upcase, and character classification.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main).

shift(N, C0, C) :-
    (   C0 >= 0'a, C0 =< 0'z -> C is (C0 - 0'a + N) mod 26 + 0'a
    ;   C0 >= 0'A, C0 =< 0'Z -> C is (C0 - 0'A + N) mod 26 + 0'A
    ;   C = C0
    ).

caesar(N, Text, Out) :- maplist(shift(N), Text, Out).

palindrome(Text) :-
    include([C]>>code_type(C, alpha), Text, Letters),
    atom_codes(A, Letters), downcase_atom(A, LA), atom_codes(LA, Lower),
    reverse(Lower, Lower).

words(Text, Words) :-
    split_string(Text, " ", ".,!?", Parts0),
    exclude(==(""), Parts0, Parts),
    maplist([S, A]>>atom_string(A, S), Parts, Words).

main :-
    caesar(3, "Hello, World!", E), format("~s~n", [E]),
    caesar(23, E, D), format("~s~n", [D]),
    forall(member(T, ["A man, a plan, a canal: Panama", "Not a palindrome", "Was it a car or a cat I saw"]),
           ( palindrome(T) -> format("yes: ~s~n", [T]) ; format("no:  ~s~n", [T]) )),
    words("The quick brown fox, jumps over the lazy dog.", Ws), writeq(Ws), nl,
    length(Ws, NW), format("~d words~n", [NW]),
    maplist([W, L]>>atom_length(W, L), Ws, Ls), max_list(Ls, Max), format("longest: ~d~n", [Max]),
    upcase_atom('mixed Case 42', U), writeq(U), nl,
    atom_codes(A, "codes"), atom_chars(A, Cs), writeq(Cs), nl,
    findall(C, ( member(C, "a1 B_"), code_type(C, csym) ), Sym), atom_codes(SA, Sym), writeq(SA), nl.
