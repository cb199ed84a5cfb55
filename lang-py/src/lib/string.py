# string constants.
whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([x.capitalize() for x in s.split(sep)])


def _ident_end(s, i):
    # End of the ASCII identifier starting at s[i] (i when there is none).
    n = len(s)
    if i < n and (s[i] == '_' or 'a' <= s[i].lower() <= 'z'):
        j = i + 1
        while j < n and (s[j] == '_' or s[j].isascii() and s[j].isalnum()):
            j += 1
        return j
    return i


class Template:
    """$-substitutions: $$, $name and ${name}."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _subst(self, mapping, safe):
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(s)
        while i < n:
            j = s.find(d, i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            k = j + len(d)
            if s.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            if k < n and s[k] == '{':
                e = _ident_end(s, k + 1)
                if e > k + 1 and e < n and s[e] == '}':
                    name = s[k + 1:e]
                    end = e + 1
                else:
                    name = None
            else:
                e = _ident_end(s, k)
                name = s[k:e] if e > k else None
                end = e
            if name is None:
                if safe:
                    out.append(d)
                    i = k
                    continue
                self._invalid(k)
            if safe:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(s[j:end])
            else:
                out.append('%s' % (mapping[name],))
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._subst(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            m = dict(mapping)
            m.update(kws)
            mapping = m
        return self._subst(mapping, True)

    def get_identifiers(self):
        ids = []
        s = self.template
        i = 0
        while True:
            j = s.find(self.delimiter, i)
            if j < 0:
                return ids
            k = j + len(self.delimiter)
            if s.startswith(self.delimiter, k):
                i = k + 1
                continue
            if k < len(s) and s[k] == '{':
                e = _ident_end(s, k + 1)
                if e > k + 1 and e < len(s) and s[e] == '}':
                    if s[k + 1:e] not in ids:
                        ids.append(s[k + 1:e])
                i = e
                continue
            e = _ident_end(s, k)
            if e > k and s[k:e] not in ids:
                ids.append(s[k:e])
            i = max(e, k)

    def is_valid(self):
        try:
            self._subst({}, False)
        except KeyError:
            pass
        except ValueError:
            return False
        return True
