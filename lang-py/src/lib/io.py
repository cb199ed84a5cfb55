# io: in-memory text and byte streams (StringIO, BytesIO) with the file
# protocol print(file=...), iteration and `with` use. Writes at the end,
# the common case, are collected in a list and joined when read.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _Memory:
    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if len(self._parts) != 1:
            self._parts = [self._join(self._parts)]
        return self._parts[0]

    def getvalue(self):
        self._check()
        return self._value()

    def write(self, s):
        self._check()
        if not isinstance(s, self._kind):
            raise TypeError(self._write_error(s))
        if type(s) is bytearray:
            s = bytes(s)
        n = len(s)
        if n == 0:
            return 0
        if self._pos == self._len:
            self._parts.append(s)
            self._len += n
            self._pos += n
            return n
        v = self._value()
        if self._pos > self._len:
            v = v + self._pad * (self._pos - self._len)
        v = v[:self._pos] + s + v[self._pos + n:]
        self._parts = [v]
        self._len = len(v)
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        v = self._value()
        if size is None or size < 0:
            end = self._len
        else:
            end = min(self._pos + size, self._len)
        if self._pos >= end:
            return self._empty
        out = v[self._pos:end]
        self._pos = end
        return out

    def readline(self, size=-1):
        self._check()
        v = self._value()
        if self._pos >= self._len:
            return self._empty
        end = v.find(self._newline, self._pos)
        end = self._len if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = v[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < self._len:
            self._parts = [self._value()[:size]]
            self._len = size
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_Memory):
    _kind = str
    _empty = ""
    _pad = "\0"
    _newline = "\n"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._parts = [initial_value]
        self._len = len(initial_value)
        self._pos = 0
        self._closed = False

    def _write_error(self, s):
        return "string argument expected, got '%s'" % type(s).__name__

    def _join(self, parts):
        return "".join(parts)


class BytesIO(_Memory):
    _kind = (bytes, bytearray)
    _empty = b""
    _pad = b"\0"
    _newline = b"\n"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        self._parts = [bytes(initial_bytes)]
        self._len = len(initial_bytes)
        self._pos = 0
        self._closed = False

    def _write_error(self, s):
        return "a bytes-like object is required, not '%s'" % type(s).__name__

    def _join(self, parts):
        return b"".join(parts)


# io.open is the built-in open.
open = open
