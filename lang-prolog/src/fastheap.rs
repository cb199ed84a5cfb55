//! Inlined record and list accessors for the engine's hot paths.
//!
//! vm-core's `heap::get_field`, `list_get` and friends are ordinary
//! functions of another crate, so without LTO every field read of the
//! machine state, a choicepoint or a clause is an out-of-line call (they
//! were a fifth of nreverse's profile). These do the same reads through the
//! public `RefLock`s, generic code that is compiled (and inlined) here. On a
//! value of the wrong kind they fall back to vm-core's accessor, which
//! panics as before: a machine bug, never a guest error.

use vm_core::heap;
use vm_core::{Mutation, Value};

/// Field `i` of a record.
#[inline(always)]
pub fn get_field<'gc>(r: Value<'gc>, i: u32) -> Value<'gc> {
    match r {
        Value::Record(p) => p.fields_lock().borrow()[i as usize],
        _ => heap::get_field(r, i),
    }
}

/// Number of items in a list.
#[inline(always)]
pub fn list_len(l: Value<'_>) -> i64 {
    match l {
        Value::List(p) => p.borrow().len() as i64,
        _ => heap::list_len(l),
    }
}

/// Item `i` of a list (`0 <= i < len`).
#[inline(always)]
pub fn list_get<'gc>(l: Value<'gc>, i: i64) -> Value<'gc> {
    match l {
        Value::List(p) => p.borrow()[i as usize],
        _ => heap::list_get(l, i),
    }
}

/// The last item of a list, if any.
#[inline(always)]
pub fn list_last<'gc>(l: Value<'gc>) -> Option<Value<'gc>> {
    match l {
        Value::List(p) => p.borrow().last().copied(),
        _ => None,
    }
}

/// Replaces item `i` of a list.
#[inline(always)]
pub fn list_set<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, i: i64, v: Value<'gc>) {
    match l {
        Value::List(p) => heap::List::modify(p, mc, |items| items[i as usize] = v),
        _ => heap::list_set(mc, l, i, v),
    }
}

/// Appends to a list.
#[inline(always)]
pub fn list_append<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, v: Value<'gc>) {
    match l {
        Value::List(p) => heap::List::modify(p, mc, |items| items.push(v)),
        _ => heap::list_append(mc, l, v),
    }
}

/// Shortens a list to `n` items (no-op when it is not longer).
#[inline(always)]
pub fn list_truncate<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, n: i64) {
    match l {
        Value::List(p) => {
            let n = n.max(0) as usize;
            if p.borrow().len() > n {
                heap::List::modify(p, mc, |items| items.truncate(n));
            }
        }
        _ => heap::list_truncate(mc, l, n),
    }
}
