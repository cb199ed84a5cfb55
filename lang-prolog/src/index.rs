//! First-argument indexing by hash for large predicates.
//!
//! For a predicate of at least [`MIN_CLAUSES`] clauses the machine builds,
//! once per clause list (the list is replaced on every assert or retract,
//! see `builtins::db`), a table from the principal functor of the first
//! head argument (atom, `[]`, integer, or name/arity of a compound) to the
//! ascending indices of the clauses that may match it: those with that
//! functor and those whose first argument is a variable (or a float, big
//! integer or string, which are not indexed). A call whose first argument
//! is bound to an indexed kind looks its bucket up and takes the first two
//! candidates at or after its position with a binary search, instead of
//! testing every clause head.
//!
//! The predicate record remembers the list an index was built for
//! (`machine::P_INDEXED`); the record keeps that list alive, so identity
//! comparison tells a current index from a stale one. `assertz` appends to
//! the list in place, so an index also records how many clauses it covers:
//! it answers for calls whose clause limit it covers, and is extended with
//! the new clauses at the next call.

use rustc_hash::FxHashMap;
use vm_core::heap;
use vm_core::Value;

use crate::machine::C_HEAD;
use crate::terms;

/// Predicates with fewer clauses are scanned.
pub const MIN_CLAUSES: i64 = 8;

/// The principal functor of a first argument, as an index key.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
enum Key {
    Nil,
    Int(i64),
    /// Atom (arity 0) or compound name/arity, by the name's cached hash. Two
    /// names with one hash share a bucket: a bucket is a superset of the
    /// clauses that can match (head unification decides), so a collision
    /// costs a spurious candidate, never a wrong answer.
    Fun(u64, usize),
}

/// A first-argument index of one clause list.
#[derive(Default)]
pub struct ClauseIndex {
    /// How many clauses of the list are indexed (`assertz` appends to the
    /// list in place; see [`ClauseIndex::extend`]).
    len: i64,
    /// Clauses that may match any bound first argument (variable first arg).
    any: Vec<u32>,
    buckets: FxHashMap<Key, Vec<u32>>,
}

fn key_of(v: Value<'_>) -> Option<Key> {
    match v {
        Value::None => Some(Key::Nil),
        Value::Int(i) => Some(Key::Int(i)),
        Value::Str(s) => Some(Key::Fun(s.hash_code(), 0)),
        Value::Tuple(_) => match terms::tuple_parts(v) {
            Some((Value::Str(n), a)) => Some(Key::Fun(n.hash_code(), a.len())),
            _ => None,
        },
        _ => None,
    }
}

impl ClauseIndex {
    /// Builds the index of the clause list `list`.
    pub fn build(list: Value<'_>) -> ClauseIndex {
        let mut ix = ClauseIndex::default();
        ix.extend(list);
        ix
    }

    /// How many clauses are indexed.
    pub fn len(&self) -> i64 {
        self.len
    }

    /// Whether no clause is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Indexes the clauses appended to `list` since the index last saw it.
    pub fn extend(&mut self, list: Value<'_>) {
        let ix = self;
        let n = heap::list_len(list);
        for i in ix.len..n {
            let head = heap::get_field(heap::list_get(list, i), C_HEAD);
            let first = terms::tuple_parts(head).and_then(|(_, a)| a.first().copied());
            let key = first.and_then(|f| match terms::tuple_parts(f) {
                // a template variable
                Some((Value::Int(_), _)) => None,
                _ => key_of(f),
            });
            let i = i as u32;
            match key {
                Some(k) => {
                    let any = &ix.any;
                    ix.buckets.entry(k).or_insert_with(|| any.clone()).push(i);
                }
                None => {
                    ix.any.push(i);
                    for b in ix.buckets.values_mut() {
                        b.push(i);
                    }
                }
            }
        }
        ix.len = n;
    }

    /// The candidate clauses for a bound first argument `a1` (dereferenced),
    /// or `None` when `a1`'s kind is not indexed.
    fn bucket(&self, a1: Value<'_>) -> Option<&[u32]> {
        let k = key_of(a1)?;
        Some(self.buckets.get(&k).map(Vec::as_slice).unwrap_or(&self.any))
    }

    /// The first two candidates in `from..limit` for `a1`, as
    /// `candidates` in the machine returns them (`limit` when none), or
    /// `None` when the index cannot answer.
    pub fn candidates(&self, from: i64, limit: i64, a1: Value<'_>) -> Option<(i64, i64)> {
        let b = self.bucket(a1)?;
        let p = b.partition_point(|&i| (i as i64) < from);
        let at = |k: usize| b.get(k).map(|&i| i as i64).filter(|&i| i < limit);
        let i = at(p).unwrap_or(limit);
        let j = at(p + 1).unwrap_or(limit);
        Some((i, j))
    }
}

/// The indexes of every predicate, by predicate id.
#[derive(Default)]
pub struct Indexes {
    by_pred: FxHashMap<usize, ClauseIndex>,
}

impl Indexes {
    /// The index of predicate `id` (built by the caller when stale).
    pub fn get(&self, id: usize) -> Option<&ClauseIndex> {
        self.by_pred.get(&id)
    }

    /// The index of predicate `id`, to extend.
    pub fn get_mut(&mut self, id: usize) -> Option<&mut ClauseIndex> {
        self.by_pred.get_mut(&id)
    }

    /// Replaces the index of predicate `id`.
    pub fn set(&mut self, id: usize, ix: ClauseIndex) {
        self.by_pred.insert(id, ix);
    }
}
