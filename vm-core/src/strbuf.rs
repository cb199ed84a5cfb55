//! Append-friendly strings: the `StrBuf` kind of [`Value`] (tag 12).
//!
//! A string built by repeated appends (`$s .= "x"` in a loop) would copy its
//! whole text on every append if strings were only immutable [`Str`]s. A
//! `StrBuf` value is instead a small object naming a shared, growable byte
//! buffer and a length: the value's text is the buffer's first `len` bytes.
//!
//! Value semantics hold because bytes below any value's length never change:
//! appending to a value whose length equals the buffer's current length pushes
//! the new bytes in place and returns a *new* value with the longer length (the
//! old value still sees its own, shorter prefix); appending to any other value
//! (a shorter prefix of a buffer that has grown since) copies its prefix into a
//! fresh buffer first. So `n` appends to the newest value cost O(n) in total.
//!
//! The buffer only ever holds valid UTF-8 (a `Str` plus appended `&str`s), as
//! every core string does. Reading the text as one `&str` ([`StrBuf::as_str`])
//! copies the prefix once and caches it in the value, so reads of an unchanged
//! value are O(1) after the first.

use std::cell::{Cell, OnceCell};
use std::hash::{Hash, Hasher};

use gc_arena::lock::RefLock;
use gc_arena::{Collect, Gc, Mutation};

use crate::heap::Str;
use crate::value::Value;

/// A string value that is a prefix of a shared, growable buffer.
#[derive(Collect)]
#[collect(no_drop)]
pub struct StrBuf<'gc> {
    /// The shared buffer; this value's text is `buf[..len]`.
    buf: Gc<'gc, RefLock<Vec<u8>>>,
    /// The length of this value's text in bytes (grows only through
    /// [`append_in_place`]).
    #[collect(require_static)]
    len: Cell<usize>,
    /// The text copied out on first read as a whole `&str`.
    #[collect(require_static)]
    frozen: OnceCell<Box<str>>,
}

impl<'gc> StrBuf<'gc> {
    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// The text (copied out of the buffer once, then cached).
    pub fn as_str(&self) -> &str {
        self.frozen.get_or_init(|| {
            let b = self.buf.borrow();
            // The buffer holds a UTF-8 string followed by whole appended `&str`s,
            // and `len` is always at one of those boundaries.
            String::from_utf8_lossy(&b[..self.len.get()]).into()
        })
    }

    /// Calls `f` with the text's bytes without copying them.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        f(&self.buf.borrow()[..self.len.get()])
    }

    /// The hash of the text, equal to [`Str::hash_code`] of the same text.
    pub fn hash_code(&self) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        self.as_str().hash(&mut h);
        h.finish()
    }
}

/// Whether `v` is a string of either kind.
pub fn is_string(v: Value<'_>) -> bool {
    matches!(v, Value::Str(_) | Value::StrBuf(_))
}

/// The byte length of a string of either kind (`None` for other values).
pub fn str_len(v: Value<'_>) -> Option<usize> {
    match v {
        Value::Str(s) => Some(s.as_str().len()),
        Value::StrBuf(b) => Some(b.len()),
        _ => None,
    }
}

/// `base` (a string of either kind) followed by `tail`, as a `StrBuf`: in
/// place when `base` is the newest value of its buffer, else by copying.
/// Returns `None` when `base` is not a string.
pub fn append<'gc>(mc: &Mutation<'gc>, base: Value<'gc>, tail: &str) -> Option<Value<'gc>> {
    let buf = match base {
        Value::StrBuf(b) if b.buf.borrow().len() == b.len.get() => {
            b.buf.borrow_mut(mc).extend_from_slice(tail.as_bytes());
            b.buf
        }
        Value::StrBuf(b) => {
            let mut v = Vec::with_capacity((b.len.get() + tail.len()) * 2);
            b.with_bytes(|bytes| v.extend_from_slice(bytes));
            v.extend_from_slice(tail.as_bytes());
            Gc::new(mc, RefLock::new(v))
        }
        Value::Str(s) => {
            let text = s.as_str().as_bytes();
            let mut v = Vec::with_capacity((text.len() + tail.len()) * 2);
            v.extend_from_slice(text);
            v.extend_from_slice(tail.as_bytes());
            Gc::new(mc, RefLock::new(v))
        }
        _ => return None,
    };
    let len = str_len(base)? + tail.len();
    Some(Value::StrBuf(Gc::new(
        mc,
        StrBuf {
            buf,
            len: Cell::new(len),
            frozen: OnceCell::new(),
        },
    )))
}

/// Like [`append`], but when `base` is the newest value of its buffer and its
/// text was never read as a whole, `base` itself grows and is returned: no
/// new value is allocated. Only for a caller that owns `base` alone (a
/// variable's register that nothing else holds, whose old value is never
/// read again): every other holder of `base` would see the longer text.
pub fn append_in_place<'gc>(
    mc: &Mutation<'gc>,
    base: Value<'gc>,
    tail: &str,
) -> Option<Value<'gc>> {
    if let Value::StrBuf(b) = base {
        if b.frozen.get().is_none() && b.buf.borrow().len() == b.len.get() {
            b.buf.borrow_mut(mc).extend_from_slice(tail.as_bytes());
            b.len.set(b.len.get() + tail.len());
            return Some(base);
        }
    }
    append(mc, base, tail)
}

/// An immutable [`Str`] with the same text (a `Str` is returned as it is).
pub fn freeze<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> Value<'gc> {
    match v {
        Value::StrBuf(b) => Value::Str(Gc::new(mc, Str::new(b.as_str()))),
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc_arena::{Arena, Rootable};

    #[test]
    fn appends_share_the_buffer_and_keep_value_semantics() {
        let arena = Arena::<Rootable![()]>::new(|_| ());
        arena.mutate(|mc, _| {
            let a = crate::heap::new_str(mc, "ab");
            let b = append(mc, a, "cd").unwrap();
            let c = append(mc, b, "ef").unwrap();
            // `b` is an older prefix of `c`'s buffer: it still reads "abcd".
            assert_eq!(b.as_str(), Some("abcd"));
            assert_eq!(c.as_str(), Some("abcdef"));
            let (Value::StrBuf(bb), Value::StrBuf(cb)) = (b, c) else {
                panic!("not a strbuf")
            };
            assert!(
                Gc::ptr_eq(bb.buf, cb.buf),
                "append to the newest value is in place"
            );
            // Appending to the older value copies: `c` is unaffected.
            let d = append(mc, b, "XY").unwrap();
            assert_eq!(d.as_str(), Some("abcdXY"));
            assert_eq!(c.as_str(), Some("abcdef"));
            let Value::StrBuf(db) = d else { panic!() };
            assert!(!Gc::ptr_eq(db.buf, cb.buf));
            assert_eq!(a.as_str(), Some("ab"));
            assert_eq!(str_len(c), Some(6));
            assert!(is_string(c) && is_string(a) && !is_string(Value::Int(1)));
            assert!(append(mc, Value::Int(1), "x").is_none());
        });
    }

    #[test]
    fn many_appends_are_linear_and_read_back() {
        let arena = Arena::<Rootable![()]>::new(|_| ());
        arena.mutate(|mc, _| {
            let mut s = crate::heap::new_str(mc, "");
            for _ in 0..100_000 {
                s = append(mc, s, "hello\n").unwrap();
            }
            assert_eq!(str_len(s), Some(600_000));
            let Value::StrBuf(b) = s else { panic!() };
            b.with_bytes(|bytes| assert_eq!(&bytes[..6], b"hello\n"));
            assert_eq!(b.as_str().len(), 600_000);
        });
    }

    #[test]
    fn append_in_place_grows_the_newest_unread_value() {
        let arena = Arena::<Rootable![()]>::new(|_| ());
        arena.mutate(|mc, _| {
            let a = crate::heap::new_str(mc, "ab");
            // A `Str` base starts a buffer (a new value).
            let b = append_in_place(mc, a, "cd").unwrap();
            assert_eq!(a.as_str(), Some("ab"));
            let c = append_in_place(mc, b, "ef").unwrap();
            let (Value::StrBuf(bb), Value::StrBuf(cb)) = (b, c) else {
                panic!("not a strbuf")
            };
            assert!(Gc::ptr_eq(bb, cb), "the owned value grew in place");
            assert_eq!(str_len(c), Some(6));
            // Once read as a whole, the value keeps its text: a new value.
            assert_eq!(c.as_str(), Some("abcdef"));
            let d = append_in_place(mc, c, "gh").unwrap();
            let Value::StrBuf(db) = d else { panic!() };
            assert!(!Gc::ptr_eq(db, cb));
            assert_eq!(c.as_str(), Some("abcdef"));
            assert_eq!(d.as_str(), Some("abcdefgh"));
            // An older prefix of a grown buffer is copied, not grown.
            let e = append(mc, d, "ij").unwrap();
            let f = append_in_place(mc, d, "XY").unwrap();
            assert_eq!(e.as_str(), Some("abcdefghij"));
            assert_eq!(f.as_str(), Some("abcdefghXY"));
            assert!(append_in_place(mc, Value::Int(1), "x").is_none());
        });
    }

    #[test]
    fn freeze_and_keys_match_str() {
        let arena = Arena::<Rootable![()]>::new(|_| ());
        arena.mutate(|mc, _| {
            let s = crate::heap::new_str(mc, "key");
            let b = append(mc, crate::heap::new_str(mc, "k"), "ey").unwrap();
            let f = freeze(mc, b);
            assert!(matches!(f, Value::Str(_)));
            assert_eq!(f.as_str(), Some("key"));
            let Value::StrBuf(bb) = b else { panic!() };
            let Value::Str(ss) = s else { panic!() };
            assert_eq!(bb.hash_code(), ss.hash_code());
            assert!(crate::heap::Key(b) == crate::heap::Key(s));
            let d = crate::heap::new_dict(mc);
            crate::heap::dict_set(mc, d, s, Value::Int(1));
            assert!(matches!(crate::heap::dict_get(d, b), Value::Int(1)));
        });
    }
}
