def winner(b):
    lines = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]
    for a, c, d in lines:
        if b[a] != " " and b[a] == b[c] == b[d]:
            return b[a]
    return None
def minimax(b, player):
    w = winner(b)
    if w == "X":
        return 1
    if w == "O":
        return -1
    if " " not in b:
        return 0
    scores = []
    for i in range(9):
        if b[i] == " ":
            b[i] = player
            scores.append(minimax(b, "O" if player == "X" else "X"))
            b[i] = " "
    return max(scores) if player == "X" else min(scores)
board = list("XO X  O  ")
print(minimax(board, "X"))
def show(b):
    for r in range(3):
        print("|".join(b[r * 3:r * 3 + 3]))
show(board)
print(winner(list("XXXOO    ")), winner(list("OX OX O  ")), winner(list("         ")))
