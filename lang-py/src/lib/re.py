# re: Pattern and Match objects over the native _re (the regex crate).
import _re

IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
ASCII = A = 256
NOFLAG = 0


class error(Exception):
    pass


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def span(self, g=0):
        g = self._index(g)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    def start(self, g=0):
        return self.span(g)[0]

    def end(self, g=0):
        return self.span(g)[1]

    def _index(self, g):
        if isinstance(g, str):
            if g not in self.re.groupindex:
                raise IndexError("no such group")
            return self.re.groupindex[g]
        if g < 0 or g > self.re.groups:
            raise IndexError("no such group")
        return g

    def group(self, *gs):
        if not gs:
            return self._group(0)
        if len(gs) == 1:
            return self._group(gs[0])
        return tuple(self._group(g) for g in gs)

    def _group(self, g, default=None):
        s, e = self.span(g)
        if s < 0:
            return default
        return self.string[s:e]

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(i, default) for name, i in self.re.groupindex.items()}

    @property
    def lastindex(self):
        last = None
        for i in range(1, self.re.groups + 1):
            if self._spans[2 * i] >= 0:
                last = i
        return last

    def expand(self, template):
        return _expand(self, template)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.flags = flags
        # A bytes pattern runs on text with one character per byte (its
        # classes are Unicode's on that text: \w matches b'\xe9', which
        # CPython's ASCII-only bytes classes do not).
        self._bytes = isinstance(pattern, (bytes, bytearray))
        if self._bytes:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            pattern = pattern.decode('latin-1')
        elif not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        try:
            self._id = _re.compile(pattern, flags)
        except ValueError as e:
            raise error(str(e))
        n, names = _re.groups(self._id)
        self.groups = n
        self.groupindex = names

    def _text(self, string):
        # The subject as text: bytes one character per byte.
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            return bytes(string).decode('latin-1')
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        return string

    def _m(self, string, pos, endpos, mode):
        if endpos is None or endpos > len(string):
            endpos = len(string)
        spans = _re.match(self._id, self._text(string), pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._m(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._m(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._m(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        for spans in _re.all(self._id, self._text(string)):
            yield Match(self, string, spans, 0, len(string))

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m._group(1, ''))
            else:
                out.append(m.groups(''))
        return out

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            if callable(repl):
                out.append(repl(m))
            else:
                out.append(_expand(m, repl))
            last = e
            n += 1
        out.append(string[last:])
        if self._bytes:
            return b''.join(out), n
        return ''.join(out), n

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            if s == e and s == last and s == 0:
                continue
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def __repr__(self):
        if self.flags:
            return "re.compile(%r, %d)" % (self.pattern, self.flags)
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


def _expand(m, template):
    if isinstance(template, (bytes, bytearray)):
        return _expand(_TextMatch(m), template.decode('latin-1')).encode('latin-1')
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c == '\\' and i + 1 < n:
            d = template[i + 1]
            if d.isdigit():
                j = i + 1
                while j < n and template[j].isdigit() and j < i + 3:
                    j += 1
                out.append(m._group(int(template[i + 1:j]), ''))
                i = j
                continue
            if d == 'g' and i + 2 < n and template[i + 2] == '<':
                j = template.index('>', i)
                name = template[i + 3:j]
                out.append(m._group(int(name) if name.isdigit() else name, ''))
                i = j + 1
                continue
            esc = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', 'f': '\f', 'v': '\v', 'a': '\a'}
            if d in esc:
                out.append(esc[d])
                i += 2
                continue
            out.append(c)
            out.append(d)
            i += 2
            continue
        out.append(c)
        i += 1
    return ''.join(out)


class _TextMatch:
    # A bytes match seen as text, for expanding a bytes template.
    def __init__(self, m):
        self.m = m

    def _group(self, g, default=None):
        v = self.m._group(g, default)
        return v.decode('latin-1') if isinstance(v, (bytes, bytearray)) else v


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return pattern
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def escape(pattern):
    if isinstance(pattern, (bytes, bytearray)):
        return _re.escape(pattern.decode('latin-1')).encode('latin-1')
    return _re.escape(pattern)


def purge():
    _cache.clear()
