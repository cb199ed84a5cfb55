% Comments in all places.
:- set_prolog_flag(double_quotes, codes).
:- initialization(main). % trailing comment

/* a block comment
   spanning lines, with 'quotes' and "strings" and % percent */
fact(1). /* after */ fact(2).
fact(/* inside */ 3).
fact(4) % line comment before the end
    .
fact('/* not a comment */').
fact("% not a comment either").
fact(a /*x*/ + /*y*/ b).
/**/fact(end). /**/

main :- forall(fact(X), (writeq(X), nl)).
:- set_prolog_flag(double_quotes, atom).
fact("after flag").
