# json: dumps and loads for the built-in types.

def _esc(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif ord(c) < 0x20 or ord(c) > 0x7e:
            n = ord(c)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def dumps(obj, indent=None, sort_keys=False, separators=None, default=None):
    if separators is None:
        item_sep, key_sep = (', ', ': ') if indent is None else (',', ': ')
    else:
        item_sep, key_sep = separators
    return _dump(obj, indent, sort_keys, item_sep, key_sep, 0, default)


def _dump(o, indent, sort_keys, isep, ksep, level, default):
    if o is None:
        return 'null'
    if o is True:
        return 'true'
    if o is False:
        return 'false'
    t = type(o)
    if t is int:
        return str(o)
    if t is float:
        if o != o:
            return 'NaN'
        if o == float('inf'):
            return 'Infinity'
        if o == -float('inf'):
            return '-Infinity'
        return repr(o)
    if t is str:
        return _esc(o)
    if t is list or t is tuple:
        if not o:
            return '[]'
        parts = [_dump(x, indent, sort_keys, isep, ksep, level + 1, default) for x in o]
        if indent is None:
            return '[' + isep.join(parts) + ']'
        pad = '\n' + ' ' * (indent * (level + 1))
        return '[' + pad + (isep + pad).join(parts) + '\n' + ' ' * (indent * level) + ']'
    if t is dict:
        if not o:
            return '{}'
        keys = list(o.keys())
        if sort_keys:
            keys = sorted(keys)
        parts = []
        for k in keys:
            if type(k) is str:
                ks = k
            elif k is True:
                ks = 'true'
            elif k is False:
                ks = 'false'
            elif k is None:
                ks = 'null'
            else:
                ks = str(k)
            parts.append(_esc(ks) + ksep + _dump(o[k], indent, sort_keys, isep, ksep, level + 1, default))
        if indent is None:
            return '{' + isep.join(parts) + '}'
        pad = '\n' + ' ' * (indent * (level + 1))
        return '{' + pad + (isep + pad).join(parts) + '\n' + ' ' * (indent * level) + '}'
    # Subclasses of the built-in types dump as their values.
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _dump(float(o), indent, sort_keys, isep, ksep, level, default)
    if isinstance(o, str):
        return _esc(''.join((o,)))
    if isinstance(o, (list, tuple)):
        return _dump(list(o), indent, sort_keys, isep, ksep, level, default)
    if isinstance(o, dict):
        return _dump(dict(o), indent, sort_keys, isep, ksep, level, default)
    if default is not None:
        return _dump(default(o), indent, sort_keys, isep, ksep, level, default)
    raise TypeError('Object of type ' + t.__name__ + ' is not JSON serializable')


class JSONDecodeError(ValueError):
    pass


def loads(s):
    p = _Parser(s)
    p.ws()
    v = p.value()
    p.ws()
    if p.i != len(s):
        raise JSONDecodeError('Extra data')
    return v


class _Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0

    def ws(self):
        s = self.s
        n = len(s)
        while self.i < n and s[self.i] in ' \t\n\r':
            self.i += 1

    def value(self):
        s = self.s
        if self.i >= len(s):
            raise JSONDecodeError('Expecting value')
        c = s[self.i]
        if c == '{':
            self.i += 1
            d = {}
            self.ws()
            if s[self.i] == '}':
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.string()
                self.ws()
                if s[self.i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter")
                self.i += 1
                self.ws()
                d[k] = self.value()
                self.ws()
                if s[self.i] == ',':
                    self.i += 1
                    continue
                if s[self.i] == '}':
                    self.i += 1
                    return d
                raise JSONDecodeError("Expecting ',' delimiter")
        if c == '[':
            self.i += 1
            a = []
            self.ws()
            if s[self.i] == ']':
                self.i += 1
                return a
            while True:
                self.ws()
                a.append(self.value())
                self.ws()
                if s[self.i] == ',':
                    self.i += 1
                    continue
                if s[self.i] == ']':
                    self.i += 1
                    return a
                raise JSONDecodeError("Expecting ',' delimiter")
        if c == '"':
            return self.string()
        if s.startswith('true', self.i):
            self.i += 4
            return True
        if s.startswith('false', self.i):
            self.i += 5
            return False
        if s.startswith('null', self.i):
            self.i += 4
            return None
        j = self.i
        while j < len(s) and s[j] in '+-0123456789.eE':
            j += 1
        num = s[self.i:j]
        if not num:
            raise JSONDecodeError('Expecting value')
        self.i = j
        if '.' in num or 'e' in num or 'E' in num:
            return float(num)
        return int(num)

    def string(self):
        s = self.s
        if s[self.i] != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes')
        self.i += 1
        out = []
        while True:
            c = s[self.i]
            if c == '"':
                self.i += 1
                return ''.join(out)
            if c == '\\':
                e = s[self.i + 1]
                self.i += 2
                if e == 'n':
                    out.append('\n')
                elif e == 't':
                    out.append('\t')
                elif e == 'r':
                    out.append('\r')
                elif e == 'b':
                    out.append('\b')
                elif e == 'f':
                    out.append('\f')
                elif e == 'u':
                    out.append(chr(int(s[self.i:self.i + 4], 16)))
                    self.i += 4
                else:
                    out.append(e)
            else:
                out.append(c)
                self.i += 1


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


def load(fp):
    return loads(fp.read())
