:- set_prolog_flag(double_quotes, codes).
ws --> [C], { code_type(C, space) }, !, ws.
ws --> [].
ident([C|Cs]) --> [C], { code_type(C, alpha) }, ident_rest(Cs).
ident_rest([C|Cs]) --> [C], { code_type(C, alnum) }, !, ident_rest(Cs).
ident_rest([]) --> [].
list([I|Is]) --> ws, ident(Cs), { atom_codes(I, Cs) }, ws, ( "," -> list(Is) ; { Is = [] } ).
:- phrase(list(L), "foo, bar1 ,baz"), write(L), nl.
greet(Name) --> "hello ", rest(Name).
rest(N, S, []) :- atom_codes(N, S).
:- phrase(greet(N), "hello world"), write(N), nl.
count(0) --> [].
count(N) --> [_], count(N0), { N is N0 + 1 }.
:- phrase(count(N), [a,b,c]), write(N), nl.
pal --> [].
pal --> [_].
pal --> [X], pal, [X].
:- ( phrase(pal, [r,a,c,e,c,a,r]) -> write(palindrome) ; write(no) ), nl.
abc --> "a", call(bs), "c".
bs([0'b|T], T).
:- ( phrase(abc, "abc") -> write(call_ok) ; write(no) ), nl.
