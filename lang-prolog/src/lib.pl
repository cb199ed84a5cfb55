% The system library: predicates naturally written in Prolog.
% Loaded at start-up; a user file that defines one of these replaces it.

once(G) :- call(G), !.
ignore(G) :- (call(G) -> true ; true).
forall(C, A) :- \+ (call(C), \+ call(A)).

append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).
append(ListOfLists, List) :- '$append_lists'(ListOfLists, List).
'$append_lists'([], []).
'$append_lists'([L|Ls], As) :- append(L, Ws, As), '$append_lists'(Ls, Ws).
proper_length(List, Length) :- is_list(List), length(List, Length).
nextto(X, Y, [X,Y|_]).
nextto(X, Y, [_|Zs]) :- nextto(X, Y, Zs).

% member/2, select/3, last/2 and nth0/nth1 with an unbound index walk a
% helper whose first argument is the list's tail: first-argument indexing
% tells [] from [_|_], so the last element leaves no choicepoint (as in SWI).
member(X, [H|T]) :- '$member_'(T, X, H).
'$member_'(_, X, X).
'$member_'([H|T], X, _) :- '$member_'(T, X, H).
memberchk(X, L) :- member(X, L), !.

reverse(L, R) :- '$reverse'(L, [], R).
'$reverse'([], A, A).
'$reverse'([H|T], A, R) :- '$reverse'(T, [H|A], R).

length(_, N) :-
    integer(N), N < 0, !,
    throw(error(domain_error(not_less_than_zero, N), context(length/2, _))).
length(L, N) :-
    '$skip_list'(L, N0, T),
    (   T == []
    ->  N = N0
    ;   var(T)
    ->  (   integer(N)
        ->  N >= N0, K is N - N0, '$mklist'(K, T)
        ;   T == N
        ->  fail                      % SWI: length(L, L) has no solution
        ;   var(N)
        ->  '$length_gen'(T, N0, N)
        ;   throw(error(type_error(integer, N), context(length/2, _)))
        )
    ;   throw(error(type_error(list, L), context(length/2, _)))
    ).
'$length_gen'([], N, N).
'$length_gen'([_|T], N0, N) :- N1 is N0 + 1, '$length_gen'(T, N1, N).

nth0(I, L, E) :- integer(I), !, I >= 0, '$nth_det'(I, L, E).
nth0(I, L, E) :- var(I), !, L = [H|T], '$nth_gen'(T, E, H, 0, I).
nth0(I, _, _) :- throw(error(type_error(integer, I), context(nth0/3, _))).
nth1(I, L, E) :- integer(I), !, I >= 1, I0 is I - 1, '$nth_det'(I0, L, E).
nth1(I, L, E) :- var(I), !, L = [H|T], '$nth_gen'(T, E, H, 1, I).
nth1(I, _, _) :- throw(error(type_error(integer, I), context(nth1/3, _))).
'$nth_det'(0, [E|_], E) :- !.
'$nth_det'(I, [_|T], E) :- I1 is I - 1, '$nth_det'(I1, T, E).
'$nth_gen'(_, E, E, B, B).
'$nth_gen'([H|T], E, _, B0, B) :- B1 is B0 + 1, '$nth_gen'(T, E, H, B1, B).
nth0(I, L, E, R) :- integer(I), !, I >= 0, '$nth_del'(I, L, E, R).
nth0(I, L, E, R) :- var(I), '$nth_gen_del'(L, E, R, 0, I).
nth1(I, L, E, R) :- integer(I), !, I >= 1, I0 is I - 1, '$nth_del'(I0, L, E, R).
nth1(I, L, E, R) :- var(I), '$nth_gen_del'(L, E, R, 1, I).
'$nth_del'(0, [E|T], E, T) :- !.
'$nth_del'(I, [H|T], E, [H|R]) :- I1 is I - 1, '$nth_del'(I1, T, E, R).
'$nth_gen_del'([E|T], E, T, B, B).
'$nth_gen_del'([H|T], E, [H|R], B0, B) :- B1 is B0 + 1, '$nth_gen_del'(T, E, R, B1, B).

last([X|Xs], L) :- '$last_'(Xs, X, L).
'$last_'([], L, L).
'$last_'([X|Xs], _, L) :- '$last_'(Xs, X, L).

sum_list(L, S) :- '$sum_list'(L, 0, S).
'$sum_list'([], S, S).
'$sum_list'([X|Xs], S0, S) :- S1 is S0 + X, '$sum_list'(Xs, S1, S).
sumlist(L, S) :- sum_list(L, S).
max_list([H|T], M) :- '$max_list'(T, H, M).
'$max_list'([], M, M).
'$max_list'([H|T], M0, M) :- M1 is max(M0, H), '$max_list'(T, M1, M).
min_list([H|T], M) :- '$min_list'(T, H, M).
'$min_list'([], M, M).
'$min_list'([H|T], M0, M) :- M1 is min(M0, H), '$min_list'(T, M1, M).
max_member(M, L) :- '$max_member'(L, M).
'$max_member'([H|T], M) :- '$max_member_'(T, H, M).
'$max_member_'([], M, M).
'$max_member_'([H|T], M0, M) :- ( H @> M0 -> '$max_member_'(T, H, M) ; '$max_member_'(T, M0, M) ).
min_member(M, L) :- '$min_member'(L, M).
'$min_member'([H|T], M) :- '$min_member_'(T, H, M).
'$min_member_'([], M, M).
'$min_member_'([H|T], M0, M) :- ( H @< M0 -> '$min_member_'(T, H, M) ; '$min_member_'(T, M0, M) ).

numlist(L, H, R) :- L =< H, !, '$numlist'(L, H, R).
numlist(_, _, []) :- fail.
'$numlist'(H, H, [H]) :- !.
'$numlist'(L, H, [L|T]) :- L1 is L + 1, '$numlist'(L1, H, T).

select(X, [H|T], R) :- '$select3_'(T, H, X, R).
'$select3_'(T, H, H, T).
'$select3_'([H2|T], H, X, [H|R]) :- '$select3_'(T, H2, X, R).
selectchk(X, L, R) :- select(X, L, R), !.
select(X, Xs, Y, Ys) :- '$select4'(Xs, X, Y, Ys).
'$select4'([X|T], X, Y, [Y|T]).
'$select4'([H|T], X, Y, [H|T2]) :- '$select4'(T, X, Y, T2).
exclude(_, [], []).
exclude(P, [H|T], R) :- ( call(P, H) -> R = R1 ; R = [H|R1] ), exclude(P, T, R1).
partition(Pred, List, Less, Equal, Greater) :-
    '$partition5'(List, Pred, Less, Equal, Greater).
'$partition5'([], _, [], [], []).
'$partition5'([H|T], Pred, L, E, G) :-
    call(Pred, H, Diff),
    '$partition5_'(Diff, H, Pred, T, L, E, G).
'$partition5_'(<, H, Pred, T, [H|L], E, G) :- !, '$partition5'(T, Pred, L, E, G).
'$partition5_'(=, H, Pred, T, L, [H|E], G) :- !, '$partition5'(T, Pred, L, E, G).
'$partition5_'(>, H, Pred, T, L, E, [H|G]) :- !, '$partition5'(T, Pred, L, E, G).
'$partition5_'(Diff, _, _, _, _, _, _) :-
    throw(error(domain_error(order, Diff), context(partition/5, _))).
include(_, [], []).
include(P, [H|T], R) :- ( call(P, H) -> R = [H|R1] ; R = R1 ), include(P, T, R1).
partition(_, [], [], []).
partition(P, [H|T], I, E) :-
    (   call(P, H) -> I = [H|I1], E = E1 ; I = I1, E = [H|E1] ),
    partition(P, T, I1, E1).
subtract([], _, []).
subtract([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), subtract(T, L, R1).
intersection([], _, []).
intersection([H|T], L, R) :- ( memberchk(H, L) -> R = [H|R1] ; R = R1 ), intersection(T, L, R1).
union([], L, L).
union([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), union(T, L, R1).
delete([], _, []).
delete([H|T], X, R) :- ( H \= X -> R = [H|R1] ; R = R1 ), delete(T, X, R1).
exclude_one_(_, _, _) :- fail.
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
list_to_set(L, S) :- '$lts'(L, [], S).
'$lts'([], _, []).
'$lts'([H|T], Seen, R) :- ( memberchk(H, Seen) -> R = R1 ; R = [H|R1] ), '$lts'(T, [H|Seen], R1).
flatten(L, F) :- '$flatten'(L, [], F0), !, F = F0.
'$flatten'(V, T, [V|T]) :- var(V), !.
'$flatten'([], T, T) :- !.
'$flatten'([H|Rest], T, F) :- !, '$flatten'(H, F1, F), '$flatten'(Rest, T, F1).
'$flatten'(A, T, [A|T]).
exclude_dups_(_, _) :- fail.
sumlist(L, S, _) :- sum_list(L, S).
pairs_keys_values([], [], []).
pairs_keys_values([K-V|T], [K|Ks], [V|Vs]) :- pairs_keys_values(T, Ks, Vs).
pairs_keys([], []).
pairs_keys([K-_|T], [K|Ks]) :- pairs_keys(T, Ks).
pairs_values([], []).
pairs_values([_-V|T], [V|Vs]) :- pairs_values(T, Vs).
max_assoc_(_, _) :- fail.
last_([X], X).

maplist(_, []).
maplist(G, [A|As]) :- call(G, A), maplist(G, As).
maplist(_, [], []).
maplist(G, [A|As], [B|Bs]) :- call(G, A, B), maplist(G, As, Bs).
maplist(_, [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs]) :- call(G, A, B, C), maplist(G, As, Bs, Cs).
maplist(_, [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds]) :- call(G, A, B, C, D), maplist(G, As, Bs, Cs, Ds).
maplist(_, [], [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds], [E|Es]) :- call(G, A, B, C, D, E), maplist(G, As, Bs, Cs, Ds, Es).

foldl(G, L, A0, A) :- '$foldl1'(L, G, A0, A).
'$foldl1'([], _, A, A).
'$foldl1'([X|Xs], G, A0, A) :- call(G, X, A0, A1), '$foldl1'(Xs, G, A1, A).
foldl(G, L1, L2, A0, A) :- '$foldl2'(L1, L2, G, A0, A).
'$foldl2'([], [], _, A, A).
'$foldl2'([X|Xs], [Y|Ys], G, A0, A) :- call(G, X, Y, A0, A1), '$foldl2'(Xs, Ys, G, A1, A).
foldl(G, L1, L2, L3, A0, A) :- '$foldl3'(L1, L2, L3, G, A0, A).
'$foldl3'([], [], [], _, A, A).
'$foldl3'([X|Xs], [Y|Ys], [Z|Zs], G, A0, A) :- call(G, X, Y, Z, A0, A1), '$foldl3'(Xs, Ys, Zs, G, A1, A).

predsort(P, L, Sorted) :-
    length(L, N),
    (   N < 2 -> '$predsort_small'(P, L, Sorted)
    ;   '$predsort'(P, N, L, _, Sorted1), Sorted = Sorted1
    ).
'$predsort_small'(_, [], []).
'$predsort_small'(_, [X], [X]).
'$predsort'(P, 2, [X1,X2|L], L, R) :- !,
    call(P, Delta, X1, X2),
    '$sort2'(Delta, X1, X2, R).
'$predsort'(_, 1, [X|L], L, [X]) :- !.
'$predsort'(_, 0, L, L, []) :- !.
'$predsort'(P, N, L1, L3, R) :-
    N1 is N // 2, plus(N1, N2, N),
    '$predsort'(P, N1, L1, L2, R1),
    '$predsort'(P, N2, L2, L3, R2),
    '$predmerge'(P, R1, R2, R).
'$sort2'(<, X1, X2, [X1,X2]).
'$sort2'(=, X1, _, [X1]).
'$sort2'(>, X1, X2, [X2,X1]).
'$predmerge'(_, [], R, R) :- !.
'$predmerge'(_, R, [], R) :- !.
'$predmerge'(P, [H1|T1], [H2|T2], Result) :-
    call(P, Delta, H1, H2), !,
    '$predmerge_'(Delta, P, H1, H2, T1, T2, Result).
'$predmerge_'(<, P, H1, H2, T1, T2, [H1|R]) :- '$predmerge'(P, T1, [H2|T2], R).
'$predmerge_'(=, P, H1, _, T1, T2, [H1|R]) :- '$predmerge'(P, T1, T2, R).
'$predmerge_'(>, P, H1, H2, T1, T2, [H2|R]) :- '$predmerge'(P, [H1|T1], T2, R).

% bagof/setof, after the classic free-variable formulation
bagof(T, G, L) :-
    '$free_vars'(T^G, G1, W),
    (   W == []
    ->  findall(T, G1, L), L \== []
    ;   findall(W-T, G1, Pairs), Pairs \== [],
        '$bagof_groups'(Pairs, W, L)
    ).
'$bagof_groups'(Pairs, W, L) :-
    keysort(Pairs, Sorted),
    '$pick'(Sorted, Groups),
    member(W-L, Groups).
'$pick'([], []).
'$pick'([K-V|T], [K-[V|Vs]|Gs]) :- '$same_key'(K, T, Vs, Rest), '$pick'(Rest, Gs).
'$same_key'(K, [K1-V|T], [V|Vs], Rest) :- K1 =@= K, !, K1 = K, '$same_key'(K, T, Vs, Rest).
'$same_key'(_, L, [], L).
setof(T, G, S) :- bagof(T, G, L), sort(L, S).
'$free_vars'(T^G, Goal, W) :-
    '$strip_carets'(G, Goal, Bound0),
    term_variables(T+Bound0, Bound),
    term_variables(Goal, GV),
    '$vars_subtract'(GV, Bound, WL),
    W0 =.. [v|WL],
    ( WL == [] -> W = [] ; W = W0 ).
'$strip_carets'(G, G, []) :- var(G), !.
'$strip_carets'(V^G, Goal, [V|B]) :- !, '$strip_carets'(G, Goal, B).
'$strip_carets'(G, G, []).
'$vars_subtract'([], _, []).
'$vars_subtract'([V|Vs], B, R) :- ( '$var_memberchk'(V, B) -> R = R1 ; R = [V|R1] ), '$vars_subtract'(Vs, B, R1).
'$var_memberchk'(V, [H|T]) :- ( V == H -> true ; '$var_memberchk'(V, T) ).
_ ^ G :- call(G).

A =@= B :- '$variant'(A, B).
A \=@= B :- \+ '$variant'(A, B).
'$variant'(A, B) :- \+ \+ (copy_term(A, AC), copy_term(B, BC), numbervars(AC, 0, N), numbervars(BC, 0, N), AC == BC).

aggregate_all(count, G, C) :- !, findall(x, G, L), length(L, C).
aggregate_all(count(T), G, C) :- !, findall(T, G, L), length(L, C).
aggregate_all(sum(E), G, S) :- !, findall(E, G, L), sum_list(L, S).
aggregate_all(max(E), G, M) :- !, findall(E, G, L), L \== [], max_list(L, M).
aggregate_all(min(E), G, M) :- !, findall(E, G, L), L \== [], min_list(L, M).
aggregate_all(bag(E), G, L) :- !, findall(E, G, L).
aggregate_all(set(E), G, S) :- !, findall(E, G, L), sort(L, S).

phrase(G, L) :- phrase(G, L, []).
phrase(G, L, R) :-
    (   var(G) -> throw(error(instantiation_error, _))
    ;   callable(G) -> true
    ;   throw(error(type_error(callable, G), _))
    ),
    '$phrase_list'(L), '$phrase_list'(R),
    '$dcg_body'(G, S0, S, Goal), S0 = L, S = R, call(Goal).
'$phrase_list'(L) :-
    (   var(L) -> true
    ;   L = [] -> true
    ;   L = [_|_] -> true
    ;   throw(error(type_error(list, L), _))
    ).

atomic_concat_(_, _) :- fail.
concat_atom(L, R) :- atomic_list_concat(L, R).
concat_atom(L, S, R) :- atomic_list_concat(L, S, R).

exclude_pairs_(_) :- fail.

with_output_to(Sink, Goal) :-
    '$capture_push',
    (   catch(Goal, E, ('$capture_pop'(_), throw(E)))
    ->  '$capture_pop'(S), '$output_sink'(Sink, S)
    ;   '$capture_pop'(_), fail
    ).
'$output_sink'(Sink, _) :- var(Sink), !, throw(error(instantiation_error, _)).
'$output_sink'(atom(A), S) :- !, atom_string(A, S).
'$output_sink'(string(S0), S) :- !, S0 = S.
'$output_sink'(codes(C), S) :- !, string_codes(S, C).
'$output_sink'(chars(C), S) :- !, string_chars(S, C).
'$output_sink'(Sink, _) :- throw(error(domain_error(output_sink, Sink), _)).

subsumes_term(General, Specific) :-
    \+ \+ ( term_variables(Specific, V1),
            unify_with_occurs_check(General, Specific),
            term_variables(V1, V2),
            V1 == V2 ).

?=(A, B) :- ( A == B -> true ; \+ A = B ).

% SSU rules (see ssu.rs)
'$ssu_no_match'(Goal) :-
    functor(Goal, N, A),
    throw(error(existence_error(matching_rule, Goal), context(N/A, _))).
'$det_call'(G) :-
    (   '$cp_height'(H0), call(G), '$cp_height'(H1)
    ->  (   H1 =< H0
        ->  true
        ;   throw(error(determinism_error(G, det, nondet, goal), _))
        )
    ;   throw(error(determinism_error(G, det, fail, goal), _))
    ).

% Quintus mode declarations (library(quintus) in SWI): accepted and ignored.
mode(_).
string_char_list_(_, _) :- fail.

% loading and the command line
% findall/4 on the term-store engine (a user append/3 may differ)
'$fa_append'([], L, L).
'$fa_append'([H|T], L, [H|R]) :- '$fa_append'(T, L, R).
'$directive'(G, F, L) :-
    '$store_mode', !,
    '$store_run'(G, R),
    (   R == unsupported -> '$directive_here'(G, F, L)
    ;   R == true -> true
    ;   R = error(E)
    ->  (   '$directive_error'(E, G, F, L) -> true
        ;   halt(1)
        )
    ;   R = halt(C) -> halt(C)
    ;   '$directive_failed'(G, F, L)
    ).
'$directive'(G, F, L) :- '$directive_here'(G, F, L).
'$directive_here'(G, F, L) :-
    (   catch(G, E, true)
    ->  (   var(E) -> true
        ;   '$directive_error'(E, G, F, L) -> true
        ;   halt(1)
        )
    ;   '$directive_failed'(G, F, L)
    ).
'$run_init'(G, F, L) :-
    '$store_mode', !,
    '$store_run'(G, R),
    (   R == unsupported -> '$run_init_here'(G, F, L)
    ;   R == true -> true
    ;   R = error(E) -> '$init_error'(E, F, L)
    ;   R = halt(C) -> halt(C)
    ;   '$init_failed'(F, L)
    ).
'$run_init'(G, F, L) :- '$run_init_here'(G, F, L).
'$run_init_here'(G, F, L) :-
    (   catch(G, E, true)
    ->  ( var(E) -> true ; '$init_error'(E, F, L) )
    ;   '$init_failed'(F, L)
    ).
'$run_main_init' :-
    (   '$main_init'(G, F)
    ->  (   '$store_mode', '$store_run'(G, R), R \== unsupported
        ->  (   R == true -> halt(0)
            ;   R = error(E) -> '$main_error'(E, F, G), halt(2)
            ;   R = halt(C) -> halt(C)
            ;   halt(1)
            )
        ;   catch(G, E, true)
        ->  ( var(E) -> halt(0) ; '$main_error'(E, F, G), halt(2) )
        ;   halt(1)
        )
    ;   true
    ).
'$run_goal'(G, T) :-
    (   catch(G, E, true)
    ->  ( var(E) -> true ; '$goal_error'(E, T), halt(2) )
    ;   halt(1)
    ).
'$boot'(File, Goal, Text) :-
    consult(File),
    '$run_main_init',
    ( Goal == '$none' -> true ; '$run_goal'(Goal, Text) ),
    halt(0).
'$boot_rest'(Goal, Text) :-
    '$run_main_init',
    ( Goal == '$none' -> true ; '$run_goal'(Goal, Text) ),
    halt(0).
% the goal on the term-store engine (POLYVM_PL_ENGINE=store), or on this
% one when the store engine cannot run it
'$store_boot'(Goal, Text) :-
    '$run_main_init',
    ( Goal == '$none' -> true
    ; '$store_run'(Goal, R),
      (   R == unsupported -> '$run_goal'(Goal, Text)
      ;   R == true -> true
      ;   R = error(E) -> '$goal_error'(E, Text), halt(2)
      ;   R = halt(C) -> halt(C)
      ;   halt(1)
      )
    ),
    halt(0).
'>>'(Ps, B) :- '$lambda'(Ps, B, []).
'>>'(Ps, B, A1) :- '$lambda'(Ps, B, [A1]).
'>>'(Ps, B, A1, A2) :- '$lambda'(Ps, B, [A1,A2]).
'>>'(Ps, B, A1, A2, A3) :- '$lambda'(Ps, B, [A1,A2,A3]).
'>>'(Ps, B, A1, A2, A3, A4) :- '$lambda'(Ps, B, [A1,A2,A3,A4]).
'>>'(Ps, B, A1, A2, A3, A4, A5) :- '$lambda'(Ps, B, [A1,A2,A3,A4,A5]).
'>>'(Ps, B, A1, A2, A3, A4, A5, A6) :- '$lambda'(Ps, B, [A1,A2,A3,A4,A5,A6]).
'$lambda'(Free/Ps0, B0, Args) :- !,
    copy_term(Free/Ps0>>B0, Free1/Ps>>B), Free1 = Free,
    '$lambda_call'(Ps, B, Args).
'$lambda'(Ps0, B0, Args) :-
    copy_term(Ps0>>B0, Ps>>B),
    '$lambda_call'(Ps, B, Args).
'$lambda_call'([], B, Args) :- !, G =.. [call, B|Args], call(G).
'$lambda_call'([P|Ps], B, [A|As]) :- !, P = A, '$lambda_call'(Ps, B, As).
'$lambda_call'(_, B, []) :- call(B).
_:G :- call(G).
