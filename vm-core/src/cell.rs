//! Mutable one-value cells: the smallest mutable heap object.
//!
//! A cell holds one value that can be replaced, plus an immutable integer
//! mark chosen when it is made. It is one allocation (a list is two: the
//! object and its item buffer), so a language whose most frequent mutable
//! object holds a single value uses it: Prolog's logic variables (the value
//! is the binding, the mark the variable's age for conditional trailing).
//!
//! The value sits at [`CELL_VALUE_OFFSET`] and the mark at
//! [`CELL_MARK_OFFSET`] (`repr(C)`), so compiled code could read either with
//! one load; writes go through [`cell_set`] (the write barrier).

use gc_arena::barrier::unlock;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation};

use crate::value::Value;

/// A mutable heap cell (the target of `Value::Cell`).
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C)]
pub struct Cell<'gc> {
    value: Lock<Value<'gc>>,
    #[collect(require_static)]
    mark: i64,
}

/// Byte offset of a cell's value (a 16-byte value).
pub const CELL_VALUE_OFFSET: i32 = 0;
/// Byte offset of a cell's mark (an `i64`).
pub const CELL_MARK_OFFSET: i32 = 16;

impl<'gc> Cell<'gc> {
    /// The current value.
    #[inline]
    pub fn get(&self) -> Value<'gc> {
        self.value.get()
    }

    /// The mark given at creation.
    #[inline]
    pub fn mark(&self) -> i64 {
        self.mark
    }
}

/// A new cell holding `v`, with mark `mark`.
#[inline]
pub fn new_cell<'gc>(mc: &Mutation<'gc>, v: Value<'gc>, mark: i64) -> Value<'gc> {
    Value::Cell(Gc::new(
        mc,
        Cell {
            value: Lock::new(v),
            mark,
        },
    ))
}

/// The cell behind `v`, borrowed for the arena's lifetime, if `v` is one.
#[inline]
pub fn as_cell<'gc>(v: Value<'gc>) -> Option<&'gc Cell<'gc>> {
    match v {
        Value::Cell(c) => Some(Gc::as_ref(c)),
        _ => None,
    }
}

/// Replaces the value of cell `c` (with the write barrier).
#[inline]
pub fn cell_set<'gc>(mc: &Mutation<'gc>, c: Gc<'gc, Cell<'gc>>, v: Value<'gc>) {
    unlock!(Gc::write(mc, c), Cell, value).set(v);
}

/// Replaces the value of `v` when it is a cell; anything else is left alone.
#[inline]
pub fn set_cell_value<'gc>(mc: &Mutation<'gc>, v: Value<'gc>, new: Value<'gc>) {
    if let Value::Cell(c) = v {
        cell_set(mc, c, new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc_arena::{Arena, Rootable};

    #[test]
    fn layout_is_as_documented() {
        // Compiled traces read and write the value in place (`lower.rs`);
        // `Lock<Value>` is `repr(transparent)` over the value.
        assert_eq!(std::mem::offset_of!(Cell, value) as i32, CELL_VALUE_OFFSET);
        assert_eq!(std::mem::offset_of!(Cell, mark) as i32, CELL_MARK_OFFSET);
    }

    #[test]
    fn get_set_and_mark() {
        gc_arena::arena::rootless_mutate(|mc| {
            let c = new_cell(mc, Value::Bool(false), 7);
            let cell = as_cell(c).unwrap();
            assert!(matches!(cell.get(), Value::Bool(false)));
            assert_eq!(cell.mark(), 7);
            set_cell_value(mc, c, Value::Int(3));
            assert!(matches!(as_cell(c).unwrap().get(), Value::Int(3)));
            assert_eq!(c.tag(), crate::value::Tag::Cell);
            assert!(c.same(&c));
            assert!(as_cell(Value::Int(1)).is_none());
        });
    }

    #[test]
    fn collection_keeps_what_a_cell_holds() {
        // A cell is the root; a string reachable only through it survives
        // full collections, and so does a value stored after the cell was
        // traced (the write barrier).
        let mut arena = Arena::<Rootable![Value<'_>]>::new(|mc| {
            new_cell(mc, crate::heap::new_str(mc, "kept"), 1)
        });
        arena.finish_cycle();
        arena.mutate(|mc, root| {
            assert_eq!(as_cell(*root).unwrap().get().as_str(), Some("kept"));
            set_cell_value(mc, *root, crate::heap::new_str(mc, "later"));
        });
        arena.finish_cycle();
        arena.finish_cycle();
        arena.mutate(|_, root| {
            assert_eq!(as_cell(*root).unwrap().get().as_str(), Some("later"));
        });
    }
}
