//! Immutable tuples: a head value and a fixed slice of arguments.
//!
//! A tuple never changes after it is built, so its head and arguments can be
//! borrowed for the arena's whole `'gc` lifetime ([`Tuple::args`] through
//! `Gc::as_ref`), with no lock and no copy. That is what a language needs to
//! walk terms in Rust (Prolog compounds: head = functor name, arguments =
//! the term's arguments) without holding a `RefLock` borrow across code that
//! may write other objects.
//!
//! Small tuples keep their arguments inline, so a tuple of 1 to
//! [`INLINE_MAX`] arguments is one allocation; longer ones keep them in a
//! boxed slice (a second allocation; none for the empty slice).

use gc_arena::{Collect, Gc, Mutation};

use crate::value::Value;

/// The most arguments a tuple stores inline (without a second allocation).
pub const INLINE_MAX: usize = 4;

/// The arguments of a tuple, inline for small arities.
///
/// `repr(C, u8)` fixes the layout compiled traces read: the discriminant
/// byte first, then (at offset 8, the alignment of [`Value`]) the inline
/// values. The discriminant of an inline variant is its arity and that of
/// [`Args::Boxed`] (which also holds the empty tuple) is 0, so an index is
/// inline exactly when it is below the discriminant: one compare. A boxed
/// tuple keeps the address of its first argument and its length in two
/// words of its own (a fat pointer's layout is not specified), where the
/// inline values would start.
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C, u8)]
enum Args<'gc> {
    Boxed {
        /// The address of `items[0]` (read only by machine code).
        #[collect(require_static)]
        addr: usize,
        /// `items.len()`.
        #[collect(require_static)]
        len: usize,
        items: Box<[Value<'gc>]>,
    } = 0,
    A1([Value<'gc>; 1]) = 1,
    A2([Value<'gc>; 2]) = 2,
    A3([Value<'gc>; 3]) = 3,
    A4([Value<'gc>; 4]) = 4,
}

/// An immutable heap tuple: a head and arguments (the target of `Value::Tuple`).
///
/// The layout is fixed (`repr(C)`) for compiled traces: the head at
/// [`TUPLE_HEAD_OFFSET`], the inline arity (0 when boxed) at
/// [`TUPLE_ARITY_OFFSET`] and the inline arguments from
/// [`TUPLE_INLINE_OFFSET`] (see the backend's `lower.rs`).
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C)]
pub struct Tuple<'gc> {
    head: Value<'gc>,
    args: Args<'gc>,
}

/// Byte offset of a tuple's head (a 16-byte value).
pub const TUPLE_HEAD_OFFSET: i32 = 0;
/// Byte offset of a tuple's inline arity (a `u8`; 0 for a boxed tuple,
/// whose arguments only Rust reads).
pub const TUPLE_ARITY_OFFSET: i32 = 16;
/// Byte offset of a tuple's first inline argument.
pub const TUPLE_INLINE_OFFSET: i32 = 24;
/// Byte offset, in a boxed tuple (inline arity 0), of the address of its
/// first argument (a `usize`).
pub const TUPLE_BOXED_ADDR_OFFSET: i32 = 24;
/// Byte offset, in a boxed tuple, of its number of arguments (a `usize`).
pub const TUPLE_BOXED_LEN_OFFSET: i32 = 32;

impl<'gc> Tuple<'gc> {
    /// A tuple of `head` and a copy of `args`.
    pub fn new(head: Value<'gc>, args: &[Value<'gc>]) -> Tuple<'gc> {
        let args = match *args {
            [a] => Args::A1([a]),
            [a, b] => Args::A2([a, b]),
            [a, b, c] => Args::A3([a, b, c]),
            [a, b, c, d] => Args::A4([a, b, c, d]),
            _ => {
                let items: Box<[Value<'gc>]> = args.into();
                Args::Boxed {
                    addr: items.as_ptr() as usize,
                    len: items.len(),
                    items,
                }
            }
        };
        Tuple { head, args }
    }

    /// The head (for Prolog, the functor name).
    #[inline]
    pub fn head(&self) -> Value<'gc> {
        self.head
    }

    /// The arguments.
    #[inline]
    pub fn args(&self) -> &[Value<'gc>] {
        match &self.args {
            Args::A1(a) => a,
            Args::A2(a) => a,
            Args::A3(a) => a,
            Args::A4(a) => a,
            Args::Boxed { addr, items, .. } => {
                debug_assert_eq!(*addr, items.as_ptr() as usize);
                items
            }
        }
    }

    /// The number of arguments.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.args {
            Args::Boxed { len, .. } => *len,
            _ => self.args().len(),
        }
    }

    /// Whether the tuple has no arguments.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Allocates a tuple of `head` and `args`.
pub fn new_tuple<'gc>(mc: &Mutation<'gc>, head: Value<'gc>, args: &[Value<'gc>]) -> Value<'gc> {
    Value::Tuple(Gc::new(mc, Tuple::new(head, args)))
}

/// The tuple behind `v`, borrowed for the arena's lifetime, if `v` is one.
#[inline]
pub fn as_tuple<'gc>(v: Value<'gc>) -> Option<&'gc Tuple<'gc>> {
    match v {
        Value::Tuple(t) => Some(Gc::as_ref(t)),
        _ => None,
    }
}

fn tuple_of<'gc>(v: Value<'gc>) -> &'gc Tuple<'gc> {
    match as_tuple(v) {
        Some(t) => t,
        None => panic!("tuple operation on {:?}", v.tag()),
    }
}

/// The head of a tuple.
#[inline]
pub fn tuple_head<'gc>(v: Value<'gc>) -> Value<'gc> {
    tuple_of(v).head
}

/// The number of arguments of a tuple.
#[inline]
pub fn tuple_len(v: Value<'_>) -> i64 {
    tuple_of(v).len() as i64
}

/// Argument `i` of a tuple (`0 <= i < len`, checked by the caller).
#[inline]
pub fn tuple_get<'gc>(v: Value<'gc>, i: i64) -> Value<'gc> {
    tuple_of(v).args()[i as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc_arena::arena::rootless_mutate;

    #[test]
    fn every_arity_round_trips() {
        rootless_mutate(|mc| {
            for n in 0..9 {
                let args: Vec<Value> = (0..n).map(Value::Int).collect();
                let head = crate::heap::new_str(mc, "f");
                let t = new_tuple(mc, head, &args);
                assert_eq!(tuple_len(t), n);
                assert_eq!(tuple_head(t).as_str(), Some("f"));
                for i in 0..n {
                    assert!(tuple_get(t, i).same(&Value::Int(i)));
                }
                let view = as_tuple(t).unwrap();
                assert_eq!(view.args().len(), n as usize);
                assert_eq!(view.is_empty(), n == 0);
            }
        });
    }

    #[test]
    fn inline_arguments_are_where_compiled_code_reads_them() {
        // The discriminant (the inline arity) is checked by the backend's tests.
        rootless_mutate(|mc| {
            for n in 1..=INLINE_MAX as i64 {
                let args: Vec<Value> = (0..n).map(Value::Int).collect();
                let t = as_tuple(new_tuple(mc, Value::None, &args)).unwrap();
                let base = t as *const Tuple as usize;
                let first = t.args().as_ptr() as usize;
                assert_eq!(first - base, TUPLE_INLINE_OFFSET as usize);
                assert_eq!(
                    std::mem::offset_of!(Tuple, head),
                    TUPLE_HEAD_OFFSET as usize
                );
                assert_eq!(
                    std::mem::offset_of!(Tuple, args),
                    TUPLE_ARITY_OFFSET as usize
                );
            }
        });
    }

    #[test]
    fn boxed_arguments_are_where_compiled_code_finds_them() {
        rootless_mutate(|mc| {
            for n in [0usize, 5, 9] {
                let args: Vec<Value> = (0..n as i64).map(Value::Int).collect();
                let t = as_tuple(new_tuple(mc, Value::None, &args)).unwrap();
                let Args::Boxed { addr, len, items } = &t.args else {
                    panic!("arity {n} is not boxed");
                };
                assert_eq!((*addr, *len), (items.as_ptr() as usize, n));
                let base = t as *const Tuple as usize;
                assert_eq!(
                    addr as *const usize as usize - base,
                    TUPLE_BOXED_ADDR_OFFSET as usize
                );
                assert_eq!(
                    len as *const usize as usize - base,
                    TUPLE_BOXED_LEN_OFFSET as usize
                );
            }
        });
    }

    #[test]
    fn small_tuples_are_one_allocation() {
        // Inline storage: the struct itself holds up to INLINE_MAX values.
        assert!(std::mem::size_of::<Tuple>() <= 16 + 8 + 16 * INLINE_MAX);
    }

    #[test]
    fn borrowed_args_outlive_other_writes() {
        // The point of the kind: a view taken for 'gc stays valid while other
        // objects (here a record holding the tuple) are written.
        rootless_mutate(|mc| {
            let t = new_tuple(mc, Value::None, &[Value::Int(1), Value::Int(2)]);
            let rec = crate::heap::new_record(mc, Value::None, vec![t]);
            let args = as_tuple(t).unwrap().args();
            crate::heap::set_field(mc, rec, 0, Value::Int(9));
            assert!(args[1].same(&Value::Int(2)));
            assert!(as_tuple(Value::Int(3)).is_none());
        });
    }
}
