# binascii: the error type base64 raises, and hex conversions.


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def hexlify(data, sep=None):
    return bytes(data).hex().encode('ascii')


def unhexlify(hexstr):
    if isinstance(hexstr, str):
        hexstr = hexstr.encode('ascii')
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(hexstr.decode('ascii'))
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None


b2a_hex = hexlify
a2b_hex = unhexlify
