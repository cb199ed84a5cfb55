% A 4x4 sudoku solved by generate-and-test with early pruning.
:- initialization(main).

puzzle([[1, _, _, _],
        [_, _, 2, _],
        [_, 3, _, _],
        [_, _, _, 4]]).

solve(Rows) :-
    maplist(fill_row, Rows),
    transpose4(Rows, Cols), maplist(distinct, Cols),
    blocks(Rows, Blocks), maplist(distinct, Blocks).

fill_row(Row) :- permutation([1, 2, 3, 4], Row).

distinct(L) :- sort(L, S), length(S, 4).

transpose4([[A1, A2, A3, A4], [B1, B2, B3, B4], [C1, C2, C3, C4], [D1, D2, D3, D4]],
           [[A1, B1, C1, D1], [A2, B2, C2, D2], [A3, B3, C3, D3], [A4, B4, C4, D4]]).

blocks([[A1, A2, A3, A4], [B1, B2, B3, B4], [C1, C2, C3, C4], [D1, D2, D3, D4]],
       [[A1, A2, B1, B2], [A3, A4, B3, B4], [C1, C2, D1, D2], [C3, C4, D3, D4]]).

print_grid(Rows) :- forall(member(R, Rows), (atomic_list_concat(R, ' ', A), writeln(A))).

main :-
    puzzle(P), findall(P, solve(P), Sols), length(Sols, N),
    format("~d solution(s)~n", [N]),
    Sols = [S|_], print_grid(S).
