% A small bank ledger kept in the database: accounts, transfers with
% checks, a transaction log, and a report with format/2 columns.
:- initialization(main).
:- dynamic account/2, log_entry/3.

open_account(Name, Amount) :-
    (   account(Name, _)
    ->  throw(error(permission_error(create, account, Name), _))
    ;   assertz(account(Name, Amount)),
        assertz(log_entry(open, Name, Amount))
    ).

deposit(Name, Amount) :-
    must_be_positive(Amount),
    retract(account(Name, B0)), B is B0 + Amount, assertz(account(Name, B)),
    assertz(log_entry(deposit, Name, Amount)).

withdraw(Name, Amount) :-
    must_be_positive(Amount),
    account(Name, B0),
    (   B0 >= Amount
    ->  retract(account(Name, B0)), B is B0 - Amount, assertz(account(Name, B)),
        assertz(log_entry(withdraw, Name, Amount))
    ;   throw(insufficient_funds(Name, B0, Amount))
    ).

transfer(From, To, Amount) :-
    withdraw(From, Amount),
    catch(deposit(To, Amount), E, ( deposit(From, Amount), throw(E) )).

must_be_positive(X) :-
    (   number(X), X > 0 -> true
    ;   throw(error(domain_error(positive_amount, X), _))
    ).

try(G) :-
    catch(( G -> true ; format("failed: ~q~n", [G]) ), E, report_error(E)).

report_error(error(Formal, _)) :- !, format("error: ~q~n", [Formal]).
report_error(E) :- format("exception: ~q~n", [E]).

report :-
    format("~w~t~12|~t~w~10+~n", [account, balance]),
    forall(account(N, B), format("~w~t~12|~t~2f~10+~n", [N, B])),
    aggregate_all(sum(B), account(_, B), Total),
    format("~`-t~22|~n~w~t~12|~t~2f~10+~n", [total, Total]).

main :-
    try(open_account(alice, 100)), try(open_account(bob, 50)), try(open_account(alice, 1)),
    try(deposit(alice, 25.5)), try(withdraw(bob, 80)), try(transfer(alice, bob, 60)),
    try(deposit(bob, -5)), try(transfer(bob, carol, 10)), try(withdraw(nobody, 1)),
    report,
    findall(K, log_entry(K, _, _), Ks), msort(Ks, SKs), clumped_pairs(SKs, Counts),
    format("log: ~w~n", [Counts]).

clumped_pairs([], []).
clumped_pairs([H|T], [H-N|R]) :- take_same(H, T, 1, N, Rest), clumped_pairs(Rest, R).
take_same(H, [H|T], N0, N, Rest) :- !, N1 is N0 + 1, take_same(H, T, N1, N, Rest).
take_same(_, Rest, N, N, Rest).
