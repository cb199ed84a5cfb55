//! PHP values on the shared [`Value`]: arrays, references, type juggling,
//! comparison and number formatting exactly as php prints them.
//!
//! Representation:
//! - `null`, `bool`, `int`, `float` are the immediates; strings are `Str`.
//! - A reference cell (what `&` creates) is a one-item `List`: a register or
//!   array slot holding a `List` is an alias of the cell's item.
//! - An array is a `Record` whose field 0 is its storage, field 1 the next
//!   free integer key, field 2 the copy-on-write flag, field 3 the number of
//!   holes. The storage is a `List` of the values while the keys are a
//!   subset of 0..n-1 in order (*packed*: a read is an index, an append a
//!   push; a missing key is a hole, an `Absent` slot, as in php's packed
//!   arrays, so arrays filled from 1 or with a middle element unset stay
//!   packed), and the ordered map (`Dict`) once any other key is stored
//!   (`degrade`; never back).
//! - An object is a `Record` whose field 0 is its class (a `Code`), field 1
//!   its property `Dict`. So `tag(field 0)` tells arrays from objects.
//!
//! Copy-on-assign is lazy with a refcount-free flag: storing an array that
//! was read from a variable, element or property marks it *shared*; a write
//! into a shared array first copies it (the copy is unshared, the arrays it
//! contains become shared) and stores the copy back where it was found.

use vm_core::heap::{self, Key};
use vm_core::{Gc, Mutation, Value};

pub const A_DICT: u32 = 0;
pub const A_NEXT: u32 = 1;
pub const A_SHARED: u32 = 2;
/// The number of `Absent` slots (holes) in a packed array's `List`.
pub const A_HOLES: u32 = 3;
/// How far past the end of a packed array a new int key may land and the
/// array stay packed (the gap becomes holes): at least this many, or a
/// quarter of the length.
const MAX_GAP: i64 = 8;
pub const O_CLASS: u32 = 0;
pub const O_PROPS: u32 = 1;
pub const O_ID: u32 = 2;

/// A new empty array (packed).
pub fn new_array<'gc>(mc: &Mutation<'gc>) -> Value<'gc> {
    heap::new_record(
        mc,
        Value::None,
        vec![
            heap::new_list(mc),
            Value::None,
            Value::Bool(false),
            Value::Int(0),
        ],
    )
}

pub fn is_array(v: Value<'_>) -> bool {
    matches!(v, Value::Record(_))
        && matches!(heap::get_field(v, 0), Value::Dict(_) | Value::List(_))
}

pub fn is_object(v: Value<'_>) -> bool {
    matches!(v, Value::Record(_)) && matches!(heap::get_field(v, 0), Value::Code(_))
}

pub fn is_ref(v: Value<'_>) -> bool {
    matches!(v, Value::List(_))
}

pub fn deref(v: Value<'_>) -> Value<'_> {
    match v {
        Value::List(_) => heap::list_get(v, 0),
        v => v,
    }
}

pub fn new_ref<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> Value<'gc> {
    heap::new_list_from(mc, vec![v])
}

/// The array's storage: a `List` while packed, else a `Dict`.
fn arr_store(a: Value<'_>) -> Value<'_> {
    heap::get_field(a, A_DICT)
}

/// Whether the array is packed (its keys are a subset of 0..n-1, in order).
pub fn arr_is_packed(a: Value<'_>) -> bool {
    matches!(arr_store(a), Value::List(_))
}

/// The number of holes in a packed array.
fn arr_holes(a: Value<'_>) -> i64 {
    if heap::record_len(a) <= A_HOLES {
        return 0;
    }
    match heap::get_field(a, A_HOLES) {
        Value::Int(h) => h,
        _ => 0,
    }
}

fn set_holes<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, h: i64) {
    if heap::record_len(a) > A_HOLES {
        heap::set_field(mc, a, A_HOLES, Value::Int(h));
    }
}

/// Turns a packed array into the ordered hash (before a key it cannot hold).
fn degrade<'gc>(mc: &Mutation<'gc>, a: Value<'gc>) -> Value<'gc> {
    let store = arr_store(a);
    if !matches!(store, Value::List(_)) {
        return store;
    }
    let items = heap::list_items(store);
    let mut map = heap::Dict::default();
    map.reserve(items.len());
    for (i, v) in items.into_iter().enumerate() {
        if !matches!(v, Value::Absent) {
            map.insert(Key(Value::Int(i as i64)), v);
        }
    }
    let d = Value::Dict(Gc::new(mc, gc_arena::lock::RefLock::new(map)));
    heap::set_field(mc, a, A_DICT, d);
    set_holes(mc, a, 0);
    d
}

/// Turns a packed array into the ordered hash (no-op for a hash).
pub fn arr_degrade<'gc>(mc: &Mutation<'gc>, a: Value<'gc>) {
    degrade(mc, a);
}

/// The index `k` has in a packed store of length `n`, if it is one.
fn packed_index(k: Value<'_>, n: i64) -> Option<i64> {
    match k {
        Value::Int(i) if (0..n).contains(&i) => Some(i),
        _ => None,
    }
}

pub fn arr_len(a: Value<'_>) -> i64 {
    let store = arr_store(a);
    match store {
        Value::List(_) => heap::list_len(store) - arr_holes(a),
        _ => heap::dict_len(store),
    }
}

pub fn arr_shared(a: Value<'_>) -> bool {
    matches!(heap::get_field(a, A_SHARED), Value::Bool(true))
}

/// Marks an array shared (it now has two owners).
pub fn share<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) {
    if is_array(v) && !arr_shared(v) {
        heap::set_field(mc, v, A_SHARED, Value::Bool(true));
    }
}

/// The element at a normalised key (dereferenced), or `Absent`.
pub fn arr_get<'gc>(a: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    deref(arr_slot(a, k))
}

/// The raw slot (maybe a reference cell), or `Absent`.
pub fn arr_slot<'gc>(a: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    let store = arr_store(a);
    match store {
        Value::List(_) => match packed_index(k, heap::list_len(store)) {
            Some(i) => heap::list_get(store, i),
            None => Value::Absent,
        },
        _ => heap::dict_get(store, k),
    }
}

/// Sets an element at a normalised key, writing through a reference cell in the slot.
pub fn arr_set<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, k: Value<'gc>, v: Value<'gc>) {
    if let Value::Dict(d) = arr_store(a) {
        // One hash probe, whether the key exists or not.
        let cell = match d.borrow_mut(mc).entry(Key(k)) {
            vm_core::heap::Entry::Occupied(mut e) => match *e.get() {
                c @ Value::List(_) => c,
                _ => {
                    e.insert(v);
                    return;
                }
            },
            vm_core::heap::Entry::Vacant(e) => {
                e.insert(v);
                Value::Absent
            }
        };
        if let Value::List(_) = cell {
            heap::list_set(mc, cell, 0, v);
        } else {
            bump_next(mc, a, k);
        }
        return;
    }
    let old = arr_slot(a, k);
    if let Value::List(_) = old {
        heap::list_set(mc, old, 0, v);
        return;
    }
    arr_set_slot(mc, a, k, v);
}

thread_local! {
    /// The dict (by address) and entry position at which the next
    /// [`arr_op`] is expected to find its key: one past the last one's.
    /// Loops that walk one array and update another built with the same
    /// keys in the same order (`foreach ($a as $k => $v) $b[$k] += $v;`,
    /// counters, merges) then skip the hashing and probing. Only a guess:
    /// the entry there is used only if its key is the very key looked up,
    /// so a stale address or a reordered dict just costs the normal probe.
    static NEXT_OP_AT: std::cell::Cell<(usize, usize)> =
        const { std::cell::Cell::new((0, 0)) };
}

/// Whether `a` and `b` are the same key without hashing or comparing text:
/// equal ints, or one string object. `false` means "unknown".
fn same_key<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Gc::ptr_eq(x, y),
        _ => false,
    }
}

/// `a[k] = a[k] op v` for a normalised key of a hashed array whose element
/// there (maybe through a reference cell) is an int or a float, and a
/// number `v`, with one hash probe; `op` is `+`, `-` or `*` (0, 1, 2).
/// `None` (nothing written) when the array is packed, the key missing, a
/// value not a number or an int result would overflow: the caller then
/// takes the generic path (warnings, conversions, float promotion).
///
/// `k` may be a key not yet normalised: the guessed entry (see
/// `NEXT_OP_AT`) is taken only when its stored key, which is normalised,
/// is `k` itself; otherwise `norm` normalises `k` (`None`: not a key) before
/// the probe.
#[inline]
pub fn arr_op<'gc>(
    mc: &Mutation<'gc>,
    a: Value<'gc>,
    k: Value<'gc>,
    op: i64,
    v: Value<'gc>,
    norm: impl FnOnce(Value<'gc>) -> Option<Value<'gc>>,
) -> Option<Value<'gc>> {
    let Value::Dict(d) = arr_store(a) else {
        return None;
    };
    let calc = |old: Value<'gc>| -> Option<Value<'gc>> {
        let f = |x: f64, y: f64| match op {
            0 => x + y,
            1 => x - y,
            _ => x * y,
        };
        Some(match (old, v) {
            (Value::Int(x), Value::Int(y)) => Value::Int(match op {
                0 => x.checked_add(y)?,
                1 => x.checked_sub(y)?,
                _ => x.checked_mul(y)?,
            }),
            (Value::Float(x), Value::Float(y)) => Value::Float(f(x, y)),
            (Value::Int(x), Value::Float(y)) => Value::Float(f(x as f64, y)),
            (Value::Float(x), Value::Int(y)) => Value::Float(f(x, y as f64)),
            _ => return None,
        })
    };
    // One probe, or none when the key is where the last `arr_op` predicted
    // (see `NEXT_OP_AT`); the write barrier it implies is harmless when
    // nothing is written.
    let mut map = d.borrow_mut(mc);
    let here = Gc::as_ptr(d) as usize;
    let (at, guess) = NEXT_OP_AT.get();
    let hit = at == here
        && map
            .get_index(guess)
            .is_some_and(|(key, _)| same_key(key.0, k));
    let i = if hit {
        guess
    } else {
        map.get_index_of(&Key(norm(k)?))?
    };
    NEXT_OP_AT.set((here, i + 1));
    let slot = map.get_index_mut(i)?.1;
    let cell = match *slot {
        c @ Value::List(_) => c,
        old => {
            let r = calc(old)?;
            *slot = r;
            return Some(r);
        }
    };
    drop(map);
    let r = calc(heap::list_get(cell, 0))?;
    heap::list_set(mc, cell, 0, r);
    Some(r)
}

/// php's nNextFreeElement: one past the largest int key ever inserted
/// (`None` until the first int key, so a first key of -5 makes it -4, as
/// for php 8.2's array literals; php's `[]` then `$a[-5] = ..` gives 0).
fn bump_next<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, k: Value<'gc>) {
    if let Value::Int(i) = k {
        match heap::get_field(a, A_NEXT) {
            Value::Int(n) if i < n => {}
            _ => {
                if i != i64::MAX {
                    heap::set_field(mc, a, A_NEXT, Value::Int(i + 1));
                } else {
                    heap::set_field(mc, a, A_NEXT, Value::Int(i64::MAX));
                }
            }
        }
    }
}

/// Sets the raw slot (used to store reference cells).
pub fn arr_set_slot<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, k: Value<'gc>, v: Value<'gc>) {
    let store = arr_store(a);
    if let Value::List(_) = store {
        let n = heap::list_len(store);
        match k {
            // Filling a hole puts the key last in php's order: that needs the hash.
            Value::Int(i)
                if (0..n).contains(&i) && !matches!(heap::list_get(store, i), Value::Absent) =>
            {
                heap::list_set(mc, store, i, v);
                return;
            }
            Value::Int(i) if i == n => {
                heap::list_append(mc, store, v);
                bump_next(mc, a, k);
                return;
            }
            // A little past the end: the gap becomes holes.
            Value::Int(i) if i > n && i - n <= MAX_GAP.max(n / 4) => {
                for _ in n..i {
                    heap::list_append(mc, store, Value::Absent);
                }
                heap::list_append(mc, store, v);
                set_holes(mc, a, arr_holes(a) + (i - n));
                bump_next(mc, a, k);
                return;
            }
            _ => {}
        }
    }
    let d = degrade(mc, a);
    heap::dict_set(mc, d, k, v);
    bump_next(mc, a, k);
}

/// The key `[]` appends at.
pub fn arr_next_key(a: Value<'_>) -> i64 {
    match heap::get_field(a, A_NEXT) {
        Value::Int(n) => n,
        _ => 0,
    }
}

pub fn arr_push<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, v: Value<'gc>) -> Result<(), Value<'gc>> {
    let n = arr_next_key(a);
    if n == i64::MAX && arr_slot(a, Value::Int(n)).tag() != vm_core::Tag::Absent {
        return Err(err_str(
            mc,
            "Error",
            "Cannot add element to the array as the next element is already occupied",
        ));
    }
    arr_set(mc, a, Value::Int(n), v);
    Ok(())
}

/// Removes the element at a normalised key (order of the others kept).
pub fn arr_remove<'gc>(mc: &Mutation<'gc>, a: Value<'gc>, k: Value<'gc>) {
    let store = arr_store(a);
    if let Value::List(_) = store {
        let n = heap::list_len(store);
        match packed_index(k, n) {
            Some(i) if matches!(heap::list_get(store, i), Value::Absent) => return,
            // The last element: the rest stays packed.
            Some(i) if i == n - 1 => {
                heap::list_pop(mc, store);
                // Trailing holes go with it.
                let mut h = arr_holes(a);
                while h > 0
                    && heap::list_len(store) > 0
                    && matches!(
                        heap::list_get(store, heap::list_len(store) - 1),
                        Value::Absent
                    )
                {
                    heap::list_pop(mc, store);
                    h -= 1;
                }
                set_holes(mc, a, h);
                return;
            }
            // A middle element becomes a hole.
            Some(i) => {
                heap::list_set(mc, store, i, Value::Absent);
                set_holes(mc, a, arr_holes(a) + 1);
                return;
            }
            None => return,
        }
    }
    let d = degrade(mc, a);
    heap::dict_del(mc, d, k);
}

/// Entries in order, raw slots (reference cells not dereferenced).
pub fn arr_raw_entries<'gc>(a: Value<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
    let store = arr_store(a);
    match store {
        Value::List(_) => heap::list_items(store)
            .into_iter()
            .enumerate()
            .filter(|(_, v)| !matches!(v, Value::Absent))
            .map(|(i, v)| (Value::Int(i as i64), v))
            .collect(),
        _ => heap::dict_entries(store),
    }
}

/// Entries in order, slots dereferenced.
pub fn arr_entries<'gc>(a: Value<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
    let mut entries = arr_raw_entries(a);
    for (_, v) in &mut entries {
        *v = deref(*v);
    }
    entries
}

pub fn arr_values<'gc>(a: Value<'gc>) -> Vec<Value<'gc>> {
    let store = arr_store(a);
    match store {
        Value::List(_) => heap::list_items(store)
            .into_iter()
            .filter(|v| !matches!(v, Value::Absent))
            .map(deref)
            .collect(),
        _ => arr_entries(a).into_iter().map(|(_, v)| v).collect(),
    }
}

/// Entry number `i` (position), raw slot.
pub fn arr_entry_at<'gc>(a: Value<'gc>, i: usize) -> Option<(Value<'gc>, Value<'gc>)> {
    let store = arr_store(a);
    match store {
        Value::List(_) if arr_holes(a) == 0 => {
            if (i as i64) < heap::list_len(store) {
                Some((Value::Int(i as i64), heap::list_get(store, i as i64)))
            } else {
                None
            }
        }
        Value::List(_) => heap::list_items(store)
            .into_iter()
            .enumerate()
            .filter(|(_, v)| !matches!(v, Value::Absent))
            .nth(i)
            .map(|(j, v)| (Value::Int(j as i64), v)),
        Value::Dict(d) => d.borrow().get_index(i).map(|(k, v)| (k.0, *v)),
        _ => None,
    }
}

/// A fresh unshared copy (nested arrays become shared, reference cells stay shared).
pub fn arr_copy<'gc>(mc: &Mutation<'gc>, a: Value<'gc>) -> Value<'gc> {
    let store = match arr_store(a) {
        l @ Value::List(_) => {
            let items = heap::list_items(l);
            for v in &items {
                share(mc, *v);
            }
            heap::new_list_from(mc, items)
        }
        Value::Dict(src) => {
            let map = src.borrow().clone();
            for v in map.values() {
                share(mc, *v);
            }
            Value::Dict(Gc::new(mc, gc_arena::lock::RefLock::new(map)))
        }
        _ => return new_array(mc),
    };
    heap::new_record(
        mc,
        Value::None,
        vec![
            store,
            heap::get_field(a, A_NEXT),
            Value::Bool(false),
            Value::Int(arr_holes(a)),
        ],
    )
}

/// An array from values with keys 0..n (packed).
pub fn arr_from_list<'gc>(mc: &Mutation<'gc>, items: Vec<Value<'gc>>) -> Value<'gc> {
    let n = items.len() as i64;
    let next = if n > 0 { Value::Int(n) } else { Value::None };
    heap::new_record(
        mc,
        Value::None,
        vec![
            heap::new_list_from(mc, items),
            next,
            Value::Bool(false),
            Value::Int(0),
        ],
    )
}

/// An array from key/value pairs (keys already normalised).
pub fn arr_from_pairs<'gc>(mc: &Mutation<'gc>, items: Vec<(Value<'gc>, Value<'gc>)>) -> Value<'gc> {
    let a = new_array(mc);
    for (k, v) in items {
        arr_set(mc, a, k, v);
    }
    a
}

/// Builds the `Err` value helpers return for a PHP error: class and message.
pub fn err_str<'gc>(mc: &Mutation<'gc>, class: &str, msg: &str) -> Value<'gc> {
    heap::new_str(mc, &format!("{class}\u{0}{msg}"))
}

/// A PHP string value of text `t` (made canonical: see `bytes`).
pub fn s<'gc>(mc: &Mutation<'gc>, t: &str) -> Value<'gc> {
    match crate::bytes::canonical(t) {
        None => heap::new_str(mc, t),
        Some(c) => heap::new_str(mc, &c),
    }
}

// ------------------------------------------------------------------ keys

/// Whether `s` is a canonical decimal integer (php's array-key rule).
pub fn canonical_int(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 20 {
        return None;
    }
    let neg = b[0] == b'-';
    let digits = if neg { &b[1..] } else { b };
    if digits.is_empty() || (digits[0] == b'0' && (digits.len() > 1 || neg)) {
        return None;
    }
    // One pass, accumulating downwards so that i64::MIN fits.
    let mut v: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_sub((c - b'0') as i64)?;
    }
    if neg {
        Some(v)
    } else {
        v.checked_neg()
    }
}

/// Normalises an array key; `Err` for illegal offset types.
pub fn norm_key<'gc>(mc: &Mutation<'gc>, k: Value<'gc>) -> Result<Value<'gc>, Value<'gc>> {
    Ok(match k {
        Value::Int(_) => k,
        Value::StrBuf(_) => return norm_key(mc, vm_core::strbuf::freeze(mc, k)),
        Value::Str(st) => match canonical_int(st.as_str()) {
            Some(i) => Value::Int(i),
            None => k,
        },
        Value::Float(f) => Value::Int(float_to_int(f)),
        Value::Bool(b) => Value::Int(b as i64),
        Value::None => s(mc, ""),
        Value::List(_) => return norm_key(mc, deref(k)),
        _ => return Err(err_str(mc, "TypeError", &format!("Illegal offset type"))),
    })
}

// ------------------------------------------------------------------ conversions

pub fn float_to_int(f: f64) -> i64 {
    if f.is_nan() || f.is_infinite() {
        return 0;
    }
    if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 {
        f as i64
    } else {
        // php wraps modulo 2^64 for out-of-range floats (on 64-bit).
        let m = f.rem_euclid(18446744073709551616.0);
        (m as u64) as i64
    }
}

/// Parses a numeric prefix: (value, whole string numeric, is float).
pub fn parse_numeric(s: &str) -> Option<(NumVal, bool)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    let start = i;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut is_float = false;
    let mut nd = i - ds;
    if i < b.len() && b[i] == b'.' {
        let j = i + 1;
        let mut k = j;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        if nd > 0 || k > j {
            is_float = true;
            nd += k - j;
            i = k;
        }
    }
    if nd == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut k = i + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        if k < b.len() && b[k].is_ascii_digit() {
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            is_float = true;
            i = k;
        }
    }
    let text = &s[start..i];
    let mut end = i;
    while end < b.len() && matches!(b[end], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        end += 1;
    }
    let whole = end == b.len();
    let v = if is_float {
        NumVal::F(text.parse::<f64>().unwrap_or(0.0))
    } else {
        match text.parse::<i64>() {
            Ok(n) => NumVal::I(n),
            Err(_) => NumVal::F(text.parse::<f64>().unwrap_or(0.0)),
        }
    };
    Some((v, whole))
}

#[derive(Copy, Clone, Debug)]
pub enum NumVal {
    I(i64),
    F(f64),
}

pub fn to_bool(v: Value<'_>) -> bool {
    match v {
        Value::None | Value::Absent => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(f) => f != 0.0,
        Value::Str(s) => {
            let t = s.as_str();
            !(t.is_empty() || t == "0")
        }
        Value::StrBuf(s) => {
            let t = s.as_str();
            !(t.is_empty() || t == "0")
        }
        Value::List(_) => to_bool(deref(v)),
        Value::Record(_) => {
            if is_array(v) {
                arr_len(v) > 0
            } else {
                true
            }
        }
        _ => true,
    }
}

#[inline]
pub fn to_int(v: Value<'_>) -> i64 {
    match v {
        Value::None | Value::Absent => 0,
        Value::Bool(b) => b as i64,
        Value::Int(i) => i,
        Value::Float(f) => float_to_int(f),
        Value::Str(s) => match parse_numeric(s.as_str()) {
            Some((NumVal::I(i), _)) => i,
            Some((NumVal::F(f), _)) => {
                // Numeric strings saturate (zend_dval_to_lval_cap).
                if !f.is_finite() {
                    0
                } else if f >= 9.223372036854775807e18 {
                    i64::MAX
                } else if f <= -9.223372036854775808e18 {
                    i64::MIN
                } else {
                    f as i64
                }
            }
            None => 0,
        },
        Value::StrBuf(s) => match parse_numeric(s.as_str()) {
            Some((NumVal::I(i), _)) => i,
            Some((NumVal::F(f), _)) => {
                // Numeric strings saturate (zend_dval_to_lval_cap).
                if !f.is_finite() {
                    0
                } else if f >= 9.223372036854775807e18 {
                    i64::MAX
                } else if f <= -9.223372036854775808e18 {
                    i64::MIN
                } else {
                    f as i64
                }
            }
            None => 0,
        },
        Value::List(_) => to_int(deref(v)),
        Value::Record(_) => {
            if is_array(v) {
                (arr_len(v) > 0) as i64
            } else {
                1
            }
        }
        _ => 0,
    }
}

pub fn to_float(v: Value<'_>) -> f64 {
    match v {
        Value::Float(f) => f,
        Value::Str(s) => match parse_numeric(s.as_str()) {
            Some((NumVal::I(0), _)) if s.as_str().trim_start().starts_with('-') => -0.0,
            Some((NumVal::I(i), _)) => i as f64,
            Some((NumVal::F(f), _)) => f,
            None => 0.0,
        },
        Value::StrBuf(s) => match parse_numeric(s.as_str()) {
            Some((NumVal::I(0), _)) if s.as_str().trim_start().starts_with('-') => -0.0,
            Some((NumVal::I(i), _)) => i as f64,
            Some((NumVal::F(f), _)) => f,
            None => 0.0,
        },
        Value::List(_) => to_float(deref(v)),
        other => to_int(other) as f64,
    }
}

/// A number for arithmetic: `Err(type name)` for arrays; non-numeric strings give a warning text.
pub fn to_number(v: Value<'_>) -> (NumVal, Option<&'static str>) {
    match v {
        Value::Int(i) => (NumVal::I(i), None),
        Value::Float(f) => (NumVal::F(f), None),
        Value::None | Value::Absent => (NumVal::I(0), None),
        Value::Bool(b) => (NumVal::I(b as i64), None),
        Value::Str(s) => match parse_numeric(s.as_str()) {
            Some((n, true)) => (n, None),
            Some((n, false)) => (n, Some("A non-numeric value")),
            None => (NumVal::I(0), Some("A non-numeric value")),
        },
        Value::StrBuf(s) => match parse_numeric(s.as_str()) {
            Some((n, true)) => (n, None),
            Some((n, false)) => (n, Some("A non-numeric value")),
            None => (NumVal::I(0), Some("A non-numeric value")),
        },
        Value::List(_) => to_number(deref(v)),
        _ => (NumVal::I(1), None),
    }
}

/// php's `echo` of a float (precision 14).
pub fn fmt_float(f: f64) -> String {
    fmt_float_prec(f, 14)
}

/// php's `var_dump`/`var_export`/`json_encode` float (serialize_precision -1).
pub fn fmt_float_repr(f: f64) -> String {
    fmt_float_prec(f, 0)
}

/// `precision` 0 means shortest round-trip digits (mode 0) with threshold 17.
pub fn fmt_float_prec(f: f64, precision: usize) -> String {
    if f.is_nan() {
        return "NAN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "INF".into() } else { "-INF".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let (digits, exp10) = float_digits(f.abs(), precision);
    let ndigit = if precision == 0 { 17 } else { precision as i32 };
    let decpt = exp10 + 1; // position of the decimal point
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if decpt < -3 || decpt > ndigit {
        // Exponential: d.dddE+X
        out.push_str(&digits[..1]);
        out.push('.');
        if digits.len() > 1 {
            out.push_str(&digits[1..]);
        } else {
            out.push('0');
        }
        out.push('E');
        let e = decpt - 1;
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.abs().to_string());
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let d = decpt as usize;
        if digits.len() <= d {
            out.push_str(&digits);
            for _ in digits.len()..d {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..d]);
            out.push('.');
            out.push_str(&digits[d..]);
        }
    }
    out
}

/// Significant digits (no trailing zeros) and the decimal exponent of the first digit.
pub fn float_digits(f: f64, precision: usize) -> (String, i32) {
    let s = if precision == 0 {
        format!("{:e}", f)
    } else {
        format!("{:.*e}", precision - 1, f)
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    (digits, exp)
}

/// The string conversion of a scalar (objects/arrays handled by the interpreter).
pub fn to_str_scalar(v: Value<'_>) -> String {
    match v {
        Value::None | Value::Absent => String::new(),
        Value::Bool(true) => "1".into(),
        Value::Bool(false) => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => fmt_float(f),
        Value::Str(s) => s.as_str().to_string(),
        Value::StrBuf(s) => s.as_str().to_string(),
        Value::List(_) => to_str_scalar(deref(v)),
        Value::Record(_) if is_array(v) => "Array".into(),
        _ => String::new(),
    }
}

pub fn type_name(v: Value<'_>) -> &'static str {
    match v {
        Value::None | Value::Absent => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "string",
        Value::StrBuf(_) => "string",
        Value::List(_) => type_name(deref(v)),
        Value::Record(_) if is_array(v) => "array",
        _ => "object",
    }
}

/// `gettype()` names.
pub fn gettype(v: Value<'_>) -> &'static str {
    match v {
        Value::None | Value::Absent => "NULL",
        Value::Bool(_) => "boolean",
        Value::Int(_) => "integer",
        Value::Float(_) => "double",
        Value::Str(_) => "string",
        Value::StrBuf(_) => "string",
        Value::List(_) => gettype(deref(v)),
        Value::Record(_) if is_array(v) => "array",
        _ => "object",
    }
}

// ------------------------------------------------------------------ comparison

/// php 8 loose equality of non-object values; objects compared by the caller.
pub fn loose_eq<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    compare(a, b) == Some(std::cmp::Ordering::Equal)
}

fn str_num_cmp(s: &str, n: NumVal) -> Option<std::cmp::Ordering> {
    match parse_numeric(s) {
        Some((sv, true)) => num_cmp(sv, n),
        _ => {
            // Non-numeric string: compare as strings.
            let ns = match n {
                NumVal::I(i) => i.to_string(),
                NumVal::F(f) => fmt_float(f),
            };
            Some(s.as_bytes().cmp(ns.as_bytes()))
        }
    }
}

fn num_cmp(a: NumVal, b: NumVal) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (NumVal::I(x), NumVal::I(y)) => Some(x.cmp(&y)),
        (NumVal::I(x), NumVal::F(y)) => (x as f64).partial_cmp(&y),
        (NumVal::F(x), NumVal::I(y)) => x.partial_cmp(&(y as f64)),
        (NumVal::F(x), NumVal::F(y)) => x.partial_cmp(&y),
    }
}

/// php 8's `<=>` on values (None when incomparable, e.g. NAN).
pub fn compare<'gc>(a: Value<'gc>, b: Value<'gc>) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let a = deref(a);
    let b = deref(b);
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            let (xs, ys) = (x.as_str(), y.as_str());
            if let (Some((nx, true)), Some((ny, true))) = (parse_numeric(xs), parse_numeric(ys)) {
                return num_cmp(nx, ny);
            }
            Some(crate::bytes::encode(xs).cmp(&crate::bytes::encode(ys)))
        }
        (Value::Bool(_), _) | (_, Value::Bool(_)) => Some(to_bool(a).cmp(&to_bool(b))),
        (Value::None | Value::Absent, Value::None | Value::Absent) => Some(Ordering::Equal),
        (Value::None | Value::Absent, Value::Str(y)) => Some("".cmp(y.as_str())),
        (Value::Str(x), Value::None | Value::Absent) => Some(x.as_str().cmp("")),
        (Value::None | Value::Absent, _) => Some(false.cmp(&to_bool(b))),
        (_, Value::None | Value::Absent) => Some(to_bool(a).cmp(&false)),
        (Value::Str(x), Value::Int(i)) => str_num_cmp(x.as_str(), NumVal::I(i)),
        (Value::Str(x), Value::Float(f)) => str_num_cmp(x.as_str(), NumVal::F(f)),
        (Value::Int(i), Value::Str(y)) => {
            str_num_cmp(y.as_str(), NumVal::I(i)).map(|o| o.reverse())
        }
        (Value::Float(f), Value::Str(y)) => {
            str_num_cmp(y.as_str(), NumVal::F(f)).map(|o| o.reverse())
        }
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            num_cmp(to_number(a).0, to_number(b).0)
        }
        (Value::Record(_), Value::Record(_)) => {
            if is_array(a) && is_array(b) {
                let (la, lb) = (arr_len(a), arr_len(b));
                if la != lb {
                    return Some(la.cmp(&lb));
                }
                for (k, v) in arr_entries(a) {
                    let w = arr_get(b, k);
                    if let Value::Absent = w {
                        return None;
                    }
                    match compare(v, w) {
                        Some(Ordering::Equal) => {}
                        other => return other,
                    }
                }
                Some(Ordering::Equal)
            } else if is_array(a) {
                Some(Ordering::Greater)
            } else if is_array(b) {
                Some(Ordering::Less)
            } else {
                // Objects: same instance, or same class with equal properties.
                if a.same(&b) {
                    return Some(Ordering::Equal);
                }
                if !heap::get_field(a, O_CLASS).same(&heap::get_field(b, O_CLASS)) {
                    return None;
                }
                let pa = heap::dict_entries(heap::get_field(a, O_PROPS));
                let pb = heap::get_field(b, O_PROPS);
                if pa.len() as i64 != heap::dict_len(pb) {
                    return None;
                }
                for (k, v) in pa {
                    let w = heap::dict_get(pb, k);
                    match compare(v, w) {
                        Some(Ordering::Equal) => {}
                        other => return other,
                    }
                }
                Some(Ordering::Equal)
            }
        }
        (Value::Record(_), _) => {
            if is_array(a) {
                Some(Ordering::Greater)
            } else {
                // object vs scalar: object is greater (compared as 1 for numbers)
                num_cmp(NumVal::I(1), to_number(b).0)
            }
        }
        (_, Value::Record(_)) => compare(b, a).map(|o| o.reverse()),
        _ => None,
    }
}

/// `===`.
pub fn identical<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    let a = deref(a);
    let b = deref(b);
    match (a, b) {
        (Value::None | Value::Absent, Value::None | Value::Absent) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Record(_), Value::Record(_)) => {
            if is_array(a) && is_array(b) {
                if a.same(&b) {
                    return true;
                }
                let ea = arr_entries(a);
                let eb = arr_entries(b);
                ea.len() == eb.len()
                    && ea
                        .iter()
                        .zip(eb.iter())
                        .all(|((ka, va), (kb, vb))| Key(*ka) == Key(*kb) && identical(*va, *vb))
            } else {
                a.same(&b)
            }
        }
        (Value::Code(_), Value::Code(_)) => a.same(&b),
        _ => false,
    }
}
