//! PHP byte strings on vm-core's UTF-8 `Str`.
//!
//! A PHP string is a sequence of bytes; vm-core's `Str` holds UTF-8 text.
//! lang-php keeps each PHP string in a `Str` under a reversible mapping:
//! bytes that form valid UTF-8 are kept as they are, and each byte of an
//! invalid sequence (necessarily >= 0x80) becomes one *escape* character,
//! U+10FF80 + (byte - 0x80), from the end of the last private-use plane.
//! A valid UTF-8 sequence that itself encodes an escape character is
//! escaped byte by byte, so the mapping is a bijection between byte strings
//! and *canonical* texts, and equal byte strings are equal texts (dict keys,
//! `===`, hashing need no change). Text without the byte 0xF4 (the first
//! byte of every escape) is canonical and maps to itself, so ASCII and
//! ordinary UTF-8 strings take a fast path (one `memchr`).
//!
//! Everything that makes a string from bytes goes through [`decode`];
//! everything that reads a string's bytes (length, offsets, output) goes
//! through [`encode`]. Joining two canonical texts can make a non-canonical
//! one (an escaped 0xC3 followed by an escaped 0xA9 is "é"), so
//! `value::s`, which every string passes through, re-canonicalises any text
//! that contains an escape ([`canonical`]).

use std::borrow::Cow;

/// The first escape character (byte 0x80).
const ESC_BASE: u32 = 0x10FF80;

/// The first byte of every escape character's UTF-8 form.
const ESC_LEAD: u8 = 0xF4;

/// Whether `c` is an escape character.
fn is_escape(c: char) -> bool {
    (c as u32) >= ESC_BASE
}

/// The escape character for byte `b` (>= 0x80).
fn escape(b: u8) -> char {
    char::from_u32(ESC_BASE + (b as u32 - 0x80)).unwrap_or('\u{FFFD}')
}

/// Whether `s` may hold an escape (else it is its own byte string).
#[inline]
fn may_escape(s: &str) -> bool {
    s.as_bytes().contains(&ESC_LEAD)
}

/// The canonical text of the byte string `b`.
pub fn decode(b: &[u8]) -> String {
    if !b.contains(&ESC_LEAD) {
        if let Ok(s) = std::str::from_utf8(b) {
            return s.to_owned();
        }
    }
    let mut out = String::with_capacity(b.len() + 8);
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            if is_escape(c) {
                let mut buf = [0u8; 4];
                for &x in c.encode_utf8(&mut buf).as_bytes() {
                    out.push(escape(x));
                }
            } else {
                out.push(c);
            }
        }
        for &x in chunk.invalid() {
            out.push(escape(x));
        }
    }
    out
}

/// The bytes of the PHP string whose text is `s`.
#[inline]
pub fn encode(s: &str) -> Cow<'_, [u8]> {
    if !may_escape(s) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_escape(c) {
            out.push((c as u32 - ESC_BASE + 0x80) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Cow::Owned(out)
}

/// The number of bytes of the PHP string whose text is `s` (`strlen`).
#[inline]
pub fn byte_len(s: &str) -> usize {
    if !may_escape(s) {
        return s.len();
    }
    // An escape is 4 bytes of text for 1 byte of string.
    s.len() - 3 * s.chars().filter(|&c| is_escape(c)).count()
}

/// `s` made canonical: `None` when it already is (the usual case).
#[inline]
pub fn canonical(s: &str) -> Option<String> {
    if !may_escape(s) {
        return None;
    }
    let d = decode(&encode(s));
    (d != s).then_some(d)
}

/// Whether the text whose UTF-8 bytes are `b` starts with an escape.
fn starts_escaped(b: &[u8]) -> bool {
    b.len() >= 4 && b[0] == ESC_LEAD && b[1] == 0x8F && (b[2] == 0xBE || b[2] == 0xBF)
}

/// Whether appending `tail` to the canonical text whose UTF-8 bytes are
/// `head` keeps it canonical (neither side has an escape at the join).
#[inline]
pub fn joins_plainly(head: &[u8], tail: &str) -> bool {
    let n = head.len();
    !(n >= 4 && starts_escaped(&head[n - 4..])) && !starts_escaped(tail.as_bytes())
}

/// `s` with each byte that is not part of valid UTF-8 replaced by U+FFFD
/// (php's `ENT_SUBSTITUTE`).
pub fn substitute_invalid(s: &str) -> Cow<'_, str> {
    if !may_escape(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(String::from_utf8_lossy(&encode(s)).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_byte() {
        let all: Vec<u8> = (0..=255u8).collect();
        let t = decode(&all);
        assert_eq!(&*encode(&t), &all[..]);
        assert_eq!(byte_len(&t), 256);
        for b in 0x80..=0xFFu8 {
            let t = decode(&[b]);
            assert_eq!(&*encode(&t), &[b]);
            assert_eq!(byte_len(&t), 1);
        }
    }

    #[test]
    fn utf8_is_kept() {
        assert_eq!(decode("héllo €".as_bytes()), "héllo €");
        assert!(matches!(encode("héllo €"), Cow::Borrowed(_)));
        assert_eq!(byte_len("é"), 2);
    }

    #[test]
    fn escape_like_utf8_is_escaped() {
        let b = "\u{10FFC8}".as_bytes().to_vec();
        let t = decode(&b);
        assert_eq!(t.chars().count(), 4);
        assert_eq!(&*encode(&t), &b[..]);
    }

    #[test]
    fn joining_split_sequences_canonicalises() {
        let a = decode(&[0xC3]);
        let b = decode(&[0xA9]);
        assert!(!joins_plainly(a.as_bytes(), &b));
        assert!(joins_plainly(b"ab", "c"));
        let j = a + &b;
        assert_eq!(canonical(&j).as_deref(), Some("é"));
        assert_eq!(canonical("plain"), None);
    }
}
