def tokenize(expr):
    tokens = []
    num = ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            if num:
                tokens.append(float(num) if "." in num else int(num))
                num = ""
            if ch in "+-*/()":
                tokens.append(ch)
    if num:
        tokens.append(float(num) if "." in num else int(num))
    return tokens
PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out
def evaluate(rpn):
    st = []
    for t in rpn:
        if isinstance(t, str):
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[t])
        else:
            st.append(t)
    return st[0]
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "2 * (3 + 4) * 5", "1.5 + 2.25", "100 - 5 * (2 + 3) / 5"]:
    rpn = to_rpn(tokenize(e))
    print(e, "=>", rpn, "=", evaluate(rpn))
