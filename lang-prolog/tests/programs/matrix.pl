transpose([[]|_], []) :- !.
transpose(M, [Col|Cols]) :- maplist([[H|T], H, T]>>true, M, Col, Rest), transpose(Rest, Cols).
dot(V1, V2, D) :- foldl([A, B, S0, S]>>(S is S0 + A*B), V1, V2, 0, D).
mmul(A, B, C) :- transpose(B, BT), maplist([Row, CRow]>>maplist([Col, X]>>dot(Row, Col, X), BT, CRow), A, C).
:- transpose([[1,2,3],[4,5,6]], T), write(T), nl.
:- mmul([[1,2],[3,4]], [[5,6],[7,8]], C), write(C), nl.
