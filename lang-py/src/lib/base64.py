# base64: Base64 (standard and URL-safe), Base32 and Base16 encodings.

import binascii as _binascii

_STD = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


def _bytes(s, what='argument'):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def _encode64(s, alphabet):
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    out = []
    n = len(s)
    i = 0
    while i + 3 <= n:
        v = (s[i] << 16) | (s[i + 1] << 8) | s[i + 2]
        out.append(alphabet[v >> 18])
        out.append(alphabet[(v >> 12) & 63])
        out.append(alphabet[(v >> 6) & 63])
        out.append(alphabet[v & 63])
        i += 3
    rest = n - i
    if rest == 1:
        v = s[i] << 16
        out += [alphabet[v >> 18], alphabet[(v >> 12) & 63], 61, 61]
    elif rest == 2:
        v = (s[i] << 16) | (s[i + 1] << 8)
        out += [alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], 61]
    return bytes(out)


def _decode64(s, alphabet, validate):
    s = _bytes(s)
    table = {}
    for i, c in enumerate(alphabet):
        table[c] = i
    vals = []
    pad = 0
    for c in s:
        if c == 61:
            pad += 1
            continue
        if c in table:
            if pad:
                if validate:
                    raise _binascii.Error('Discontinuous padding not allowed')
                pad = 0
            vals.append(table[c])
        elif validate:
            raise _binascii.Error('Only base64 data is allowed')
    if len(vals) % 4 == 1:
        raise _binascii.Error('Invalid base64-encoded string: number of data characters (%d) '
                              'cannot be 1 more than a multiple of 4' % len(vals))
    if (len(vals) + pad) % 4 and len(vals) % 4:
        if len(vals) % 4 + pad < 4:
            raise _binascii.Error('Incorrect padding')
    out = []
    i = 0
    n = len(vals)
    while i + 4 <= n:
        v = (vals[i] << 18) | (vals[i + 1] << 12) | (vals[i + 2] << 6) | vals[i + 3]
        out += [v >> 16, (v >> 8) & 255, v & 255]
        i += 4
    rest = n - i
    if rest == 2:
        v = (vals[i] << 18) | (vals[i + 1] << 12)
        out.append(v >> 16)
    elif rest == 3:
        v = (vals[i] << 18) | (vals[i + 1] << 12) | (vals[i + 2] << 6)
        out += [v >> 16, (v >> 8) & 255]
    return bytes(out)


def b64encode(s, altchars=None):
    alphabet = _STD
    if altchars is not None:
        alphabet = _STD[:62] + bytes(altchars)
    return _encode64(s, alphabet)


def b64decode(s, altchars=None, validate=False):
    alphabet = _STD
    if altchars is not None:
        alphabet = _STD[:62] + _bytes(altchars)
    return _decode64(s, alphabet, validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    return b64decode(s, b'-_')


def encodebytes(s):
    out = []
    for i in range(0, len(s), 57):
        out.append(b64encode(s[i:i + 57]) + b'\n')
    return b''.join(out)


def decodebytes(s):
    return b64decode(s)


def b16encode(s):
    return bytes(s).hex().upper().encode('ascii')


def b16decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise _binascii.Error('Non-base16 digit found')
    if len(s) % 2:
        raise _binascii.Error('Odd-length string')
    return bytes(int(s[i:i + 2].decode('ascii'), 16) for i in range(0, len(s), 2))


def b32encode(s):
    s = bytes(s)
    out = []
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = len(chunk)
        v = int.from_bytes(chunk + bytes(5 - n), 'big')
        enc = [_B32[(v >> (35 - 5 * j)) & 31] for j in range(8)]
        keep = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[n]
        out += enc[:keep] + [61] * (8 - keep)
    return bytes(out)


def b32decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    if len(s) % 8:
        raise _binascii.Error('Incorrect padding')
    table = {}
    for i, c in enumerate(_B32):
        table[c] = i
    out = []
    for i in range(0, len(s), 8):
        chunk = s[i:i + 8]
        stripped = chunk.rstrip(b'=')
        v = 0
        for c in stripped:
            if c not in table:
                raise _binascii.Error('Non-base32 digit found')
            v = (v << 5) | table[c]
        v <<= 5 * (8 - len(stripped))
        nbytes = {8: 5, 7: 4, 5: 3, 4: 2, 2: 1, 0: 0}.get(len(stripped))
        if nbytes is None:
            raise _binascii.Error('Incorrect padding')
        out += list(v.to_bytes(5, 'big')[:nbytes])
    return bytes(out)
