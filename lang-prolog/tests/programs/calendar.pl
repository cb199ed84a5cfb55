% Date arithmetic: leap years, day of the week (Zeller), days between
% dates, and a month calendar printed with format column stops.
:- initialization(main).

leap(Y) :- ( Y mod 400 =:= 0 -> true ; Y mod 100 =\= 0, Y mod 4 =:= 0 ).

days_in(2, Y, D) :- !, ( leap(Y) -> D = 29 ; D = 28 ).
days_in(M, _, 30) :- memberchk(M, [4, 6, 9, 11]), !.
days_in(_, _, 31).

% 0 = Saturday ... 6 = Friday
zeller(Y0, M0, D, W) :-
    ( M0 < 3 -> M is M0 + 12, Y is Y0 - 1 ; M = M0, Y = Y0 ),
    K is Y mod 100, J is Y // 100,
    W is (D + (13 * (M + 1)) // 5 + K + K // 4 + J // 4 + 5 * J) mod 7.

day_name(W, N) :- nth0(W, [sat, sun, mon, tue, wed, thu, fri], N).

day_number(Y, M, D, N) :-
    Y1 is Y - 1, findall(DM, ( between(1, M, M1), M1 < M, days_in(M1, Y, DM) ), DMs),
    sum_list(DMs, Before), N is Y1 * 365 + Y1 // 4 - Y1 // 100 + Y1 // 400 + Before + D.

month(Y, M) :-
    format("~t~w ~d~t~20|~n", [M, Y]),
    zeller(Y, M, 1, W0), Start is (W0 + 5) mod 7,   % Monday-based column
    forall(between(1, Start, _), format("   ")),
    days_in(M, Y, N),
    forall(between(1, N, D),
           ( format("~t~d~3|", [D]), Col is (Start + D) mod 7, ( Col =:= 0 -> nl ; true ) )),
    nl.

main :-
    include(leap, [1900, 2000, 2023, 2024, 2100], Leaps), writeq(Leaps), nl,
    forall(member(Y-M-D, [2000-1-1, 2024-2-29, 1969-7-20, 2026-11-21]),
           ( zeller(Y, M, D, W), day_name(W, Name), format("~w-~w-~w is a ~w~n", [Y, M, D, Name]) )),
    day_number(2026, 11, 21, A), day_number(2000, 1, 1, B), Diff is A - B,
    format("~D days since 2000-01-01~n", [Diff]),
    month(2024, 2).
