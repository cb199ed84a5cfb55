# textwrap, pprint, string.Template, base64 and contextlib as real scripts use them.
import textwrap, pprint, base64, string, contextlib, io, sys

doc = """
    Usage: tool [options] FILE
      -v   be verbose
    \t
    Reads FILE and writes a well-known, self-contained summary of it.
"""
print(textwrap.dedent(doc))
para = ("The quick brown fox jumps over the lazy dog; a well-known pangram, "
        "used by typesetters since the nineteenth-century. Supercalifragilisticexpialidocious!")
for w in (20, 33, 50):
    print(textwrap.fill(para, w))
    print('--')
print(textwrap.wrap(para, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten(para, 40), textwrap.shorten("short text", 40))
print(textwrap.indent("a\n\nb\n", "> "), textwrap.indent("a\nb", "+", lambda l: True))
print(textwrap.wrap("x" * 30, 12), textwrap.wrap("well-known-long-hyphenated-words here", 10))

data = {'name': 'polyvm', 'langs': ['python', 'php', 'prolog'] * 4,
        'nested': {'deep': {'deeper': list(range(25)), 'text': 'word ' * 30}},
        'tuple': (1, 2, 3), 'single': (1,), 'set': {3, 1, 2}, "empty": {}}
try:
    pprint.pprint(data)
except TypeError as e:
    print("TypeError", e)

pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, compact=True, width=60)
print(pprint.pformat([[1, 2], [3, 4]]), pprint.pformat(data, depth=1))
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pprint(list(range(40)), stream=sys.stdout)

t = string.Template("$who likes ${what}s; $$5 each")
print(t.substitute(who="Tim", what="apple"), t.safe_substitute(who="Ann"))
print(t.substitute({'who': 'Bo'}, what='pear'), t.get_identifiers())
for bad in ("$who is $", "${x"):
    try:
        string.Template(bad).substitute(who=1)
    except ValueError as e:
        print("ValueError", e)
try:
    t.substitute(who=1)
except KeyError as e:
    print("KeyError", e)

for raw in (b"", b"f", b"fo", b"foo", b"foob", b"\x00\xff\xfe binary", bytes(range(256))):
    e = base64.b64encode(raw)
    assert base64.b64decode(e) == raw
    print(e[:40], base64.urlsafe_b64encode(raw)[:12], base64.b16encode(raw[:6]), base64.b32encode(raw[:7]))
    assert base64.b32decode(base64.b32encode(raw)) == raw
print(base64.b64decode("aGVsbG8gd29ybGQ="), base64.b64decode(b"aGk"+b"="), base64.b16decode(b"4869"))
try:
    base64.b64decode(b"abc")
except Exception as e:
    print(type(e).__name__, e)


@contextlib.contextmanager
def tag(name, log):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        log.append("</%s>" % name)


log = []
with tag("a", log) as v:
    log.append(v)
    with tag("b", log):
        pass
print(log)
try:
    with tag("c", log):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e, log[-1])
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with contextlib.nullcontext(5) as n:
    print("null", n)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("to buffer")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "exit", i)
    print(stack.enter_context(tag("s", log)))


@tag("deco", log)
def f():
    return "called"
