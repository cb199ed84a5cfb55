def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").split()
def parse(tokens):
    t = tokens.pop(0)
    if t == "(":
        out = []
        while tokens[0] != ")":
            out.append(parse(tokens))
        tokens.pop(0)
        return out
    try:
        return int(t)
    except ValueError:
        return t
def evaluate(x, env):
    if isinstance(x, str):
        return env[x]
    if isinstance(x, int):
        return x
    op, *args = x
    if op == "if":
        c, a, b = args
        return evaluate(a if evaluate(c, env) else b, env)
    if op == "define":
        env[args[0]] = evaluate(args[1], env)
        return None
    if op == "lambda":
        params, body = args
        return lambda *vals: evaluate(body, {**env, **dict(zip(params, vals))})
    f = evaluate(op, env)
    return f(*[evaluate(a, env) for a in args])
env = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "<": lambda a, b: a < b}
prog = ["(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))", "(fact 10)", "(define sq (lambda (x) (* x x)))", "(sq (+ 3 4))"]
for line in prog:
    r = evaluate(parse(tokenize(line)), env)
    if r is not None:
        print(r)
