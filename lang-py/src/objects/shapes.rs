//! Instance attributes by map (hidden class, DESIGN.md §3).
//!
//! An instance starts in *map mode*: its attribute values are a list
//! ([`I_VALS`]) and its map ([`I_MAP`]) says which name is at which index.
//! Maps form a tree per class (root = no attributes; adding a name moves to
//! the child for that name), so instances built the same way share a map,
//! and a trace that promotes the map reads an attribute as a list item at a
//! constant index instead of a dict lookup.
//!
//! The first values live in the instance record itself, after its fixed
//! fields ([`I_COUNT`]): a map tree is made for a number K of such inline
//! slots (the map's [`map_inline`]): 8 for a class's first tree, then the
//! most attributes its instances had (at most 16); index `i < K` is
//! field `I_COUNT + i`, the others are item `i - K` of the value list. A
//! class whose instances outgrow K gets a new root (older instances keep
//! their maps), so the promoted map alone tells a trace where a value is.
//!
//! An instance moves to *dict mode* for good ([`I_DICT`] a dict, [`I_MAP`]
//! None) when its `__dict__` is handed out (the dict is then live, so it
//! must be the only storage), when an attribute is deleted, or when a class
//! has too many maps or an instance too many attributes. Exceptions are
//! always in dict mode (the runtime keeps `name`, `__cause__`... there).

use gc_arena::{Gc, Mutation};
use vm_core::heap::{self, Key};
use vm_core::Value;

use super::{field, Rt, I_DICT, T_MAP};

/// Field of an instance: its map, or None in dict mode.
pub const I_MAP: u32 = 4;
/// Field of an instance: its attribute values beyond the inline slots (a
/// list) in map mode once it has any (None before: most instances never
/// need one, and the map says whether it exists), else None.
pub const I_VALS: u32 = 5;
/// The number of fixed fields of an instance record (inline attribute
/// values follow them).
pub const I_COUNT: usize = 6;

/// Field 0 of a map record (maps are never visible to Python code).
pub const KIND_MAP: i64 = 3;
/// The names of the attributes, in index order (a list).
const M_KEYS: u32 = 1;
/// The maps reached by adding one name (a dict name → map).
const M_NEXT: u32 = 2;
/// The root map of the class (the root itself for the root).
const M_ROOT: u32 = 3;
/// On a root map: how many maps the class has made (an Int).
const M_MADE: u32 = 4;
/// A 64-bit Bloom filter of the names' hashes (an Int): most lookups of a
/// name the instance does not have (a method called on it) stop here.
const M_BLOOM: u32 = 5;
/// The number of inline value slots of the instances of this map's tree.
const M_INLINE: u32 = 6;
/// On a root map: the most attributes an instance of its tree has had.
const M_MOST: u32 = 7;
/// The map this one was reached from by adding its last name (None on a
/// root): the plain interpreter's shortcut for adding an attribute checks
/// that an instance's map is the cached child's parent.
const M_PARENT: u32 = 8;

/// Inline value slots per instance at most.
const MAX_INLINE: i64 = 16;
/// Inline value slots of a class's first map tree. Enough for most classes,
/// so their root is never remade: a remade root gives the class's newer
/// instances other maps than its older ones, and traces recorded on the
/// older ones then need bridges for the newer (richards, which rebuilds its
/// objects on every run, compiled 274 traces instead of 154 when the first
/// tree had no inline slots).
const FIRST_INLINE: i64 = 8;

/// The filter bit of a string hash.
#[inline]
fn bloom_bit(h: u64) -> i64 {
    1i64 << ((h ^ (h >> 32)) & 63)
}

/// Maps per class before further instances that need a new map go to dict
/// mode (a program adding attributes in ever new orders or names).
const MAX_MAPS: i64 = 256;
/// Attributes per instance kept in map mode.
const MAX_ATTRS: usize = 64;

fn new_map<'gc>(
    mc: &Mutation<'gc>,
    keys: Vec<Value<'gc>>,
    root: Value<'gc>,
    parent: Value<'gc>,
    inline: i64,
) -> Value<'gc> {
    let bloom = keys.iter().fold(0i64, |b, k| match k {
        Value::Str(s) => b | bloom_bit(s.hash_code()),
        _ => -1,
    });
    heap::new_record(
        mc,
        Value::None,
        vec![
            Value::Int(KIND_MAP),
            heap::new_list_from(mc, keys),
            heap::new_dict(mc),
            root,
            Value::Int(1),
            Value::Int(bloom),
            Value::Int(inline),
            Value::Int(0),
            parent,
        ],
    )
}

/// The map `map` was reached from by adding its last name (None for a root).
#[inline(always)]
pub fn map_parent<'gc>(map: Value<'gc>) -> Value<'gc> {
    super::field_inline(map, M_PARENT)
}

/// The number of inline value slots of instances with this map.
#[inline]
pub fn map_inline(map: Value<'_>) -> usize {
    match super::field_inline(map, M_INLINE) {
        Value::Int(k) => k as usize,
        _ => 0,
    }
}

/// The map of a class's fresh instances (made on first use).
pub fn root_map<'gc>(rt: &Rt<'_, 'gc>, cls: Value<'gc>) -> Value<'gc> {
    let inline = match field(cls, T_MAP) {
        m @ Value::Record(_) => {
            let most = super::int_of(field(m, M_MOST)).min(MAX_INLINE);
            if most <= map_inline(m) as i64 {
                return m;
            }
            // Instances grew past the inline slots: a new tree with more.
            most
        }
        _ => FIRST_INLINE,
    };
    let m = new_map(rt.mc, Vec::new(), Value::None, Value::None, inline);
    heap::set_field(rt.mc, m, M_ROOT, m);
    heap::set_field(rt.mc, cls, T_MAP, m);
    m
}

/// Whether the map's Bloom filter rules `key` out: a sure miss, answered
/// inline (most method names looked up on an instance stop here).
#[inline(always)]
pub fn map_surely_lacks<'gc>(map: Value<'gc>, key: Value<'gc>) -> bool {
    match (key, super::field_inline(map, M_BLOOM)) {
        (Value::Str(ks), Value::Int(b)) => b & bloom_bit(ks.hash_code()) == 0,
        _ => false,
    }
}

/// The index of `key` in a map.
pub fn map_slot<'gc>(map: Value<'gc>, key: Value<'gc>) -> Option<usize> {
    let Value::List(keys) = field(map, M_KEYS) else {
        return None;
    };
    match key {
        // The usual case, spelled out so that it inlines: map keys are
        // strings, mostly the interned constant itself.
        Value::Str(ks) => {
            // The filter first: it rules out most misses (a method looked
            // up on an instance) without touching the keys.
            let h = ks.hash_code();
            if let Value::Int(b) = field(map, M_BLOOM) {
                if b & bloom_bit(h) == 0 {
                    return None;
                }
            }
            let keys = keys.borrow();
            // Names are mostly interned: compare pointers first, without
            // touching the strings.
            let hit = keys
                .iter()
                .position(|k| matches!(k, Value::Str(a) if Gc::ptr_eq(*a, ks)));
            if hit.is_some() {
                return hit;
            }
            keys.iter().position(|k| match k {
                Value::Str(a) => a.hash_code() == h && a.as_str() == ks.as_str(),
                _ => false,
            })
        }
        _ => keys.borrow().iter().position(|k| Key(*k) == Key(key)),
    }
}

/// Whether the map's name at index `i` is the string object `key` itself
/// (a guess from an inline cache, checked with one load and compare).
#[inline(always)]
pub fn map_has_at<'gc>(map: Value<'gc>, key: Value<'gc>, i: usize) -> bool {
    let (Value::List(keys), Value::Str(ks)) = (super::field_inline(map, M_KEYS), key) else {
        return false;
    };
    let hit = matches!(keys.borrow().get(i), Some(Value::Str(a)) if Gc::ptr_eq(*a, ks));
    hit
}

/// The number of attributes a map holds.
pub fn map_len(map: Value<'_>) -> usize {
    heap::list_len(field(map, M_KEYS)) as usize
}

/// The map after adding `key` to `map`; None when the limits are reached
/// (the instance then goes to dict mode).
pub fn map_add<'gc>(rt: &Rt<'_, 'gc>, map: Value<'gc>, key: Value<'gc>) -> Option<Value<'gc>> {
    let next = field(map, M_NEXT);
    if let m @ Value::Record(_) = heap::dict_get(next, key) {
        return Some(m);
    }
    let root = field(map, M_ROOT);
    let made = match field(root, M_MADE) {
        Value::Int(n) => n,
        _ => MAX_MAPS,
    };
    let mut keys = heap::list_items(field(map, M_KEYS));
    if made >= MAX_MAPS || keys.len() >= MAX_ATTRS || !matches!(key, Value::Str(_)) {
        return None;
    }
    keys.push(key);
    let n = keys.len() as i64;
    let child = new_map(rt.mc, keys, root, map, map_inline(map) as i64);
    heap::set_field(rt.mc, root, M_MADE, Value::Int(made + 1));
    if n > super::int_of(field(root, M_MOST)) {
        heap::set_field(rt.mc, root, M_MOST, Value::Int(n));
    }
    heap::dict_set(rt.mc, next, key, child);
    Some(child)
}

/// A new instance of `cls` in map mode, with the native slots `s1`, `s2`.
pub fn new_map_instance<'gc>(
    rt: &Rt<'_, 'gc>,
    cls: Value<'gc>,
    s1: Value<'gc>,
    s2: Value<'gc>,
) -> Value<'gc> {
    let map = root_map(rt, cls);
    let mut fields = vec![cls, Value::None, s1, s2, map, Value::None];
    fields.resize(I_COUNT + map_inline(map), Value::None);
    heap::new_record(rt.mc, cls, fields)
}

/// A new instance of `cls` in dict mode (exceptions, `object()`).
pub fn new_dict_instance<'gc>(
    mc: &Mutation<'gc>,
    cls: Value<'gc>,
    s1: Value<'gc>,
    s2: Value<'gc>,
) -> Value<'gc> {
    let d = heap::new_dict(mc);
    heap::new_record(mc, cls, vec![cls, d, s1, s2, Value::None, Value::None])
}

fn map_of<'gc>(o: Value<'gc>) -> Option<Value<'gc>> {
    if (heap::record_len(o) as usize) < I_COUNT {
        return None;
    }
    match field(o, I_MAP) {
        m @ Value::Record(_) => Some(m),
        _ => None,
    }
}

/// Value `i` (below the map's length) of an instance in map mode.
fn value_at<'gc>(o: Value<'gc>, map: Value<'gc>, i: usize) -> Value<'gc> {
    let k = map_inline(map);
    if i < k {
        field(o, (I_COUNT + i) as u32)
    } else {
        super::lget(field(o, I_VALS), i - k)
    }
}

/// The instance attribute `key` of `o`, or Absent (either mode).
pub fn inst_get<'gc>(o: Value<'gc>, key: Value<'gc>) -> Value<'gc> {
    match map_of(o) {
        Some(map) => match map_slot(map, key) {
            Some(i) => value_at(o, map, i),
            None => Value::Absent,
        },
        None => heap::dict_get(field(o, I_DICT), key),
    }
}

/// Sets the instance attribute `key` of `o` (either mode).
pub fn inst_set<'gc>(rt: &Rt<'_, 'gc>, o: Value<'gc>, key: Value<'gc>, v: Value<'gc>) {
    if let Some(map) = map_of(o) {
        let k = map_inline(map);
        if let Some(i) = map_slot(map, key) {
            if i < k {
                heap::set_field(rt.mc, o, (I_COUNT + i) as u32, v);
            } else {
                heap::list_set(rt.mc, field(o, I_VALS), (i - k) as i64, v);
            }
            return;
        }
        if let Some(child) = map_add(rt, map, key) {
            let i = map_len(map);
            if i < k {
                heap::set_field(rt.mc, o, (I_COUNT + i) as u32, v);
            } else if i == k {
                let vals = heap::new_list_from(rt.mc, vec![v]);
                heap::set_field(rt.mc, o, I_VALS, vals);
            } else {
                heap::list_append(rt.mc, field(o, I_VALS), v);
            }
            heap::set_field(rt.mc, o, I_MAP, child);
            return;
        }
    }
    heap::dict_set(rt.mc, inst_dict(rt, o), key, v);
}

/// The instance's `__dict__`: moves it to dict mode for good, since guest
/// code may now change the dict behind our back.
pub fn inst_dict<'gc>(rt: &Rt<'_, 'gc>, o: Value<'gc>) -> Value<'gc> {
    if let Some(map) = map_of(o) {
        let d = heap::new_dict(rt.mc);
        let keys = heap::list_items(field(map, M_KEYS));
        for (i, k) in keys.into_iter().enumerate() {
            heap::dict_set(rt.mc, d, k, value_at(o, map, i));
        }
        heap::set_field(rt.mc, o, I_DICT, d);
        heap::set_field(rt.mc, o, I_MAP, Value::None);
        heap::set_field(rt.mc, o, I_VALS, Value::None);
        return d;
    }
    field(o, I_DICT)
}

/// Deletes the instance attribute `key`; false when it was not there.
pub fn inst_del<'gc>(rt: &Rt<'_, 'gc>, o: Value<'gc>, key: Value<'gc>) -> bool {
    if let Some(map) = map_of(o) {
        if map_slot(map, key).is_none() {
            return false;
        }
    }
    heap::dict_del(rt.mc, inst_dict(rt, o), key)
}

/// The names of the instance attributes, in insertion order.
pub fn inst_keys<'gc>(o: Value<'gc>) -> Vec<Value<'gc>> {
    match map_of(o) {
        Some(map) => heap::list_items(field(map, M_KEYS)),
        None => heap::dict_entries(field(o, I_DICT))
            .into_iter()
            .map(|(k, _)| k)
            .collect(),
    }
}
