//! Word stores: growable vectors of raw 64-bit words (the `Words` kind of
//! [`Value`], tag 14).
//!
//! A word store holds no GC pointers, so the collector never scans its
//! words: an interpreter keeps a whole data structure in one (Prolog's
//! WAM-style term store: tagged words, a variable a reference to its own
//! index, a compound a functor word followed by its arguments) and
//! allocates nothing per term. It grows by pushing at the end and shrinks by
//! truncating (backtracking to a saved top).
//!
//! **Layout** (`repr(C)`, read by compiled traces, see the backend's
//! `lower.rs`): the address of word 0 at [`WORDS_BASE_OFFSET`], the length
//! at [`WORDS_LEN_OFFSET`] and the capacity at [`WORDS_CAP_OFFSET`], each an
//! 8-byte integer in the object itself. So a trace reaches word `i` with
//! two loads (base, then `base + 8 * i`) after one compare against the
//! length, and pushes with a compare against the capacity, a store and a
//! length update, calling back into Rust only to grow. The words themselves
//! live in a separate buffer object ([`Buffer`], owned by the GC) because
//! growing must move them: growth allocates a bigger buffer, copies, and
//! points the store at it, so a base pointer loaded before anything that can
//! push is stale and compiled code reloads it (the old buffer stays valid
//! until the next collection, which never runs inside a trace, so a stale
//! read is wrong but never unsafe). Keeping the buffer a `Gc` rather than a
//! `Box` owned by the store is what lets Rust code read words through a
//! shared reference without a borrow flag (`RefCell`) or `unsafe`: the
//! handle is `Copy`, and the words are `Cell`s.
//!
//! Every access is checked: [`Words::get`] and [`Words::set`] return `None`
//! / `false` outside `0..len` (traces guard the same range and leave when it
//! fails), so a wrong index is a guest-visible error, never a read of
//! another object.

use std::cell::Cell;

use gc_arena::barrier::unlock;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation};

use crate::value::Value;

/// The words of a store: a fixed-size buffer (its length is the capacity).
#[derive(Collect)]
#[collect(require_static)]
pub struct Buffer(Box<[Cell<u64>]>);

/// A growable vector of raw words (the target of `Value::Words`).
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C)]
pub struct Words<'gc> {
    /// The address of word 0 of `buf` (an integer, read by machine code).
    #[collect(require_static)]
    base: Cell<usize>,
    /// The number of words in use.
    #[collect(require_static)]
    len: Cell<usize>,
    /// The buffer's size in words (mirrors `buf.0.len()`).
    #[collect(require_static)]
    cap: Cell<usize>,
    /// The words; `buf[..len]` are the store's.
    buf: Lock<Gc<'gc, Buffer>>,
}

/// Byte offset of a store's buffer address (a `usize`).
pub const WORDS_BASE_OFFSET: i32 = 0;
/// Byte offset of a store's length in words (a `usize`).
pub const WORDS_LEN_OFFSET: i32 = 8;
/// Byte offset of a store's capacity in words (a `usize`).
pub const WORDS_CAP_OFFSET: i32 = 16;

/// Capacity of a store made with a smaller requested one: room to push a
/// few words before the first growth.
const MIN_CAP: usize = 8;

fn new_buffer<'gc>(mc: &Mutation<'gc>, cap: usize) -> Gc<'gc, Buffer> {
    Gc::new(mc, Buffer((0..cap).map(|_| Cell::new(0)).collect()))
}

impl<'gc> Words<'gc> {
    /// The number of words.
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the store holds no words.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// The buffer's size in words.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.cap.get()
    }

    /// Word `i`, or `None` outside `0..len`.
    #[inline]
    pub fn get(&self, i: i64) -> Option<u64> {
        let i = usize::try_from(i).ok()?;
        if i >= self.len.get() {
            return None;
        }
        self.buf.get().0.get(i).map(Cell::get)
    }

    /// Sets word `i`; `false` (and nothing written) outside `0..len`.
    #[inline]
    pub fn set(&self, i: i64, w: u64) -> bool {
        let Ok(i) = usize::try_from(i) else {
            return false;
        };
        if i >= self.len.get() {
            return false;
        }
        match self.buf.get().0.get(i) {
            Some(c) => {
                c.set(w);
                true
            }
            None => false,
        }
    }

    /// Shortens the store to `n` words when `0 <= n < len`; any other `n`
    /// changes nothing (as `Vec::truncate`, and a negative `n` too).
    #[inline]
    pub fn truncate(&self, n: i64) {
        if let Ok(n) = usize::try_from(n) {
            if n < self.len.get() {
                self.len.set(n);
            }
        }
    }

    /// The words in use, copied out (for tests and printing).
    pub fn to_vec(&self) -> Vec<u64> {
        self.buf.get().0[..self.len.get()]
            .iter()
            .map(Cell::get)
            .collect()
    }
}

/// A new empty store with room for `cap` words before it grows.
pub fn new_words<'gc>(mc: &Mutation<'gc>, cap: usize) -> Value<'gc> {
    let cap = cap.max(MIN_CAP);
    let buf = new_buffer(mc, cap);
    Value::Words(Gc::new(
        mc,
        Words {
            base: Cell::new(buf.0.as_ptr() as usize),
            len: Cell::new(0),
            cap: Cell::new(cap),
            buf: Lock::new(buf),
        },
    ))
}

/// The store behind `v`, borrowed for the arena's lifetime, if `v` is one.
#[inline]
pub fn as_words<'gc>(v: Value<'gc>) -> Option<&'gc Words<'gc>> {
    match v {
        Value::Words(w) => Some(Gc::as_ref(w)),
        _ => None,
    }
}

/// Appends `word` to the store `w`, growing its buffer when full.
#[inline]
pub fn push<'gc>(mc: &Mutation<'gc>, w: Gc<'gc, Words<'gc>>, word: u64) {
    let len = w.len.get();
    if len == w.cap.get() {
        grow(mc, w);
    }
    if let Some(c) = w.buf.get().0.get(len) {
        c.set(word);
        w.len.set(len + 1);
    }
}

/// Replaces the buffer of `w` by one twice as large holding the same words.
#[cold]
pub fn grow<'gc>(mc: &Mutation<'gc>, w: Gc<'gc, Words<'gc>>) {
    let old = &w.buf.get().0[..w.len.get()];
    let cap = (w.cap.get() * 2).max(MIN_CAP);
    // The words in use, then zeros: each word of the new buffer written once.
    let mut words = Vec::with_capacity(cap);
    words.extend(old.iter().map(|c| Cell::new(c.get())));
    words.resize(cap, Cell::new(0));
    let new = Gc::new(mc, Buffer(words.into_boxed_slice()));
    w.base.set(new.0.as_ptr() as usize);
    w.cap.set(cap);
    unlock!(Gc::write(mc, w), Words, buf).set(new);
}

/// Appends `word` when `v` is a store (anything else is left alone).
#[inline]
pub fn push_value<'gc>(mc: &Mutation<'gc>, v: Value<'gc>, word: u64) {
    if let Value::Words(w) = v {
        push(mc, w, word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc_arena::{Arena, Rootable};

    #[test]
    fn layout_is_as_documented() {
        // Compiled traces load these three words in place (`lower.rs`).
        assert_eq!(std::mem::offset_of!(Words, base) as i32, WORDS_BASE_OFFSET);
        assert_eq!(std::mem::offset_of!(Words, len) as i32, WORDS_LEN_OFFSET);
        assert_eq!(std::mem::offset_of!(Words, cap) as i32, WORDS_CAP_OFFSET);
    }

    /// The mirrored header agrees with the buffer it describes.
    fn assert_mirrored(w: &Words<'_>) {
        assert_eq!(w.base.get(), w.buf.get().0.as_ptr() as usize);
        assert_eq!(w.cap.get(), w.buf.get().0.len());
        assert!(w.len.get() <= w.cap.get());
    }

    #[test]
    fn push_get_set_truncate_and_grow() {
        gc_arena::arena::rootless_mutate(|mc| {
            let v = new_words(mc, 0);
            let Value::Words(g) = v else { panic!() };
            let w = as_words(v).unwrap();
            assert!(w.is_empty());
            assert_eq!(w.capacity(), MIN_CAP);
            let first_base = w.base.get();
            for i in 0..1000u64 {
                push(mc, g, i * 3);
                assert_mirrored(w);
            }
            assert_eq!(w.len(), 1000);
            assert!(w.capacity() >= 1000);
            assert_ne!(w.base.get(), first_base, "growth moved the words");
            assert_eq!(w.get(0), Some(0));
            assert_eq!(w.get(999), Some(2997));
            assert!(w.set(5, u64::MAX));
            assert_eq!(w.get(5), Some(u64::MAX));
            // Out of range: checked, nothing written.
            assert_eq!(w.get(1000), None);
            assert_eq!(w.get(-1), None);
            assert_eq!(w.get(i64::MIN), None);
            assert!(!w.set(1000, 1));
            assert!(!w.set(-1, 1));
            // Truncate, then the old words past the top are gone.
            w.truncate(10);
            assert_eq!(w.len(), 10);
            assert_eq!(w.get(10), None);
            w.truncate(20);
            w.truncate(-3);
            assert_eq!(w.len(), 10);
            push(mc, g, 7);
            assert_eq!(w.get(10), Some(7));
            assert_eq!(w.to_vec().len(), 11);
            assert_eq!(v.tag(), crate::value::Tag::Words);
            push_value(mc, Value::Int(1), 1);
        });
    }

    #[test]
    fn a_reachable_store_survives_collection_and_keeps_its_words() {
        // The store is the root; its words (which look like pointers, to
        // a scanning collector) survive full collections, including a
        // buffer swapped in by growth after the store was traced.
        let mut arena = Arena::<Rootable![Value<'_>]>::new(|mc| new_words(mc, 2));
        arena.mutate(|mc, root| {
            let Value::Words(w) = *root else { panic!() };
            push(mc, w, 0xdead_beef_0000_0010);
        });
        arena.finish_cycle();
        arena.mutate(|mc, root| {
            let Value::Words(w) = *root else { panic!() };
            for i in 0..100 {
                push(mc, w, i);
            }
        });
        arena.finish_cycle();
        arena.finish_cycle();
        arena.mutate(|_, root| {
            let w = as_words(*root).unwrap();
            assert_eq!(w.len(), 101);
            assert_eq!(w.get(0), Some(0xdead_beef_0000_0010));
            assert_eq!(w.get(100), Some(99));
            assert_mirrored(w);
        });
    }

    #[test]
    fn words_are_not_scanned_and_old_buffers_are_freed() {
        // Collecting with a large store live costs no tracing per word:
        // the store and its buffer are two objects however many words
        // they hold. Growth leaves old buffers behind; a cycle frees them.
        let mut arena = Arena::<Rootable![Value<'_>]>::new(|mc| new_words(mc, 0));
        arena.mutate(|mc, root| {
            let Value::Words(w) = *root else { panic!() };
            for i in 0..100_000u64 {
                push(mc, w, i);
            }
        });
        assert!(
            arena.metrics().total_gc_count() > 10,
            "growth left old buffers"
        );
        arena.finish_cycle();
        // The store and its one current buffer: nothing per word.
        assert_eq!(arena.metrics().total_gc_count(), 2);
        // The collector never looks inside a buffer.
        assert!(!<Buffer as Collect>::NEEDS_TRACE);
        arena.mutate(|_, root| {
            assert_eq!(as_words(*root).unwrap().get(99_999), Some(99_999));
        });
    }
}
