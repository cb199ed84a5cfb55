//! The heap cache (PyPy's `heap.py`): load forwarding and lazy stores, in one
//! forward pass.
//!
//! **Loads.** `dict_get d, k` after a `dict_get` or `dict_set` of the same
//! `(d, k)`, and `get_field r, #i` after a load or store of the same field,
//! become the known value. A constant key is the same key as any constant
//! with an equal [`Key`]; a non-constant one only as its own ref (PHP's
//! `$h[$k] += $v` reads `$h[$k]` twice, then writes it). A store forgets
//! what it may overwrite: the same key of every object that may alias, and
//! if either key is not a constant, every key of those objects (two refs,
//! or a ref and a constant, may hold equal keys). `dict_set` with a
//! non-constant key is emitted where it stands, never pending, so pending
//! dict stores all have constant keys and different ones never collide. Lists get a symbolic
//! state: a length `base + n`, where `base` is the first `list_len` seen on
//! the list (or absolute, after `new_list`), and the items known at indices
//! `base + c`. An index operand is recognised as `base + c` by following
//! `int_add`/`int_sub` (and their `_ovf` forms) with a constant operand.
//! `list_len` becomes `base` (or an `int_add base, n` this pass emits) and
//! `list_get` of a known index becomes the item. Other items are cached by
//! index operand, whether the length is known or not: `list_get l, i` after
//! `list_set l, i, v` or `list_get l, i` (the same `i`) is the known value
//! (an index the interpreter checked stays valid until the list shrinks).
//!
//! **Stores are lazy.** `dict_set` and `set_field` (constant key), and
//! `list_append`, `list_set`, `list_truncate` and `list_pop` on a list with
//! known state, are not emitted where they stand. They are remembered as
//! pending and emitted ("flushed") only where something may observe them:
//! - a load this pass cannot forward from an object that may alias the
//!   stored one (a dict load with an unknown key, an uncached key, ...);
//! - a `call` whose helper reads or writes the heap or runs guest code;
//! - a `jump`, or a `label` in the middle of a trace (a back-edge target).
//!
//! A later store to the same `(object, key)` replaces the pending one in
//! place (the first store fixes a dict key's insertion position, as in the
//! interpreter). A list's pending writes are kept in a normal form: stores to
//! the kept prefix, one truncation, then appends; a `list_truncate` that only
//! drops pending appends cancels them, so a push/pop pair costs nothing.
//!
//! **Guards.** Every guard's snapshot gets the pending writes at that point
//! appended to its `pending` list, in program order (dict and record stores,
//! then each list's writes), before whatever the snapshot already had (writes
//! an earlier run of this pass delayed past it). Since interpreters make all
//! of an instruction's decisions before its first write, the pending state at
//! a guard is the heap state at the start of the guard's instruction, which
//! the snapshot's frames describe. Guards that shared a snapshot get their own
//! copy when their pending lists differ. The snapshot of a failing
//! `guard_true c` also records `c` as `false` (and so on for `guard_false`
//! and int comparisons: a `int_lt a, b` value in the snapshot of `guard_lt
//! a, b` is `false` when it fails), so comparison results that only exits
//! need can die.
//!
//! **Aliasing rules.** Dicts, lists and records never alias one another (the
//! op says which kind an object is). Two different refs of the same kind may
//! be the same object, except: two different constants are different
//! objects; an object allocated in the trace (`new_*`) is not any object
//! named by a constant or by an op before its allocation (an older object);
//! and two objects are different when the cache once knew the same
//! location of each to hold different constants at the same time (a
//! `guard_value` on a loaded field: records of different types, whatever
//! field holds the type) or their classes to be different constants
//! (`new_record`, a guarded `record_class`).
//! A store to `(d, k)` forgets the cached `(d', k)` of every `d'` that may
//! alias `d`. Flushing for an object emits, in program order, the pending
//! stores of every object that may alias it, transitively, so writes to one
//! dict are never reordered (that would change key insertion order). A write
//! to a list flushes and forgets the state of every other list that may alias
//! it; a read flushes their pending writes but keeps their states (so a loop
//! reading several lists knows all their lengths). Of the states of lists
//! that may alias, at most one is ever dirty.
//!
//! **Cells.** `call cell_get, c` after a `cell_get` or `cell_set` of the
//! same `c` is the known value. `cell_set` is emitted where it stands (not
//! pending) and forgets the cached value of every cell that may alias `c`;
//! cells are no dicts, lists or records, so their stores and loads neither
//! flush nor forget anything else, nor the reverse. A helper that writes the
//! heap forgets the cells too.
//!
//! **Calls.** A helper that writes the heap or runs guest code flushes every
//! pending write before the call and forgets everything after it, except
//! that one that writes the fields of no record but argument 0 (and any
//! list, dict or cell: `Effects::writes_arg0_only`) keeps the fields of
//! records that cannot be argument 0; one that
//! only reads the heap flushes but keeps the cache; a pure one changes
//! nothing.
//!
//! **Guarantees at the end:** the trace means the same; no load is forwarded
//! across anything that may have changed it; every write the trace performs
//! is either emitted, or pending in the snapshot of every guard after it until
//! it is emitted; an `exit` carries the pending writes in its snapshot instead
//! of emitting them; before a `jump` nothing is pending.
//!
//! Loop peeling (`peel.rs`) runs this pass over a preamble and a loop body in
//! one go ([`run_peeled`]): at the loop's label the cache is not dropped but
//! carried across, each cached value and list length becoming an extra loop
//! parameter, and pending writes stay pending across the back-edge. Items
//! cached by index operand are carried too when the loop shrinks no list and
//! calls no helper that writes the heap (an index valid before the label is
//! then valid at the back-edge, where the loop may have to read it again).
//! Facts the loop passes back unchanged are then pinned: a second run lets
//! the loop start from the preamble's values themselves, so reads through
//! them (the row `m[i]` of a matrix, then `m[i][k]` and the row's length)
//! are forwarded too (bench.php's `mmult`: PHP request 12).

use std::collections::BTreeMap;

use gc_arena::Mutation;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::heap::Key;
use crate::jit::ir::{
    Cmp, Inst, IntOp, Op, OvfOp, PendingWrite, Ref, SnapId, SnapValue, Snapshot, TraceIr,
};
use crate::meta::{CELL_GET, CELL_SET, RECORD_CLASS};
use crate::value::Value;

/// Runs the heap cache over `t`.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let old = std::mem::take(t);
    let mut h = HeapOpt::new(&old, false);
    for i in 0..old.ops.len() {
        h.step(i);
    }
    *t = h.out;
}

/// What [`run_peeled`] added to the loop label: one extra label argument,
/// param and jump argument per carried fact, after the original ones.
#[derive(Clone, Debug, Default)]
pub struct Carried {
    /// Number of label arguments the input trace's label had.
    pub original: usize,
    /// Number of extra ones (cached values and list lengths).
    pub extra: usize,
}

/// Runs the heap cache over a peeled trace (`inputs; preamble; label; params;
/// loop; jump`), carrying the cache across the label instead of dropping it.
/// Returns `None` (leaving `t` alone) unless the trace has that shape.
///
/// A carried value the loop passes back unchanged (a field of an invariant
/// record, the row `m[i]` of an invariant `i`) is the same value in every
/// iteration, but as a param the cache cannot know that the loop's reads
/// through it (`m[i][k]`, the row's length) are reads through the
/// preamble's value. So the pass runs again with such facts *pinned*: the
/// loop starts knowing the preamble's value itself, and no param carries
/// it. A pinned fact the loop does not keep until its jump makes that run
/// invalid, and the previous one stands.
pub fn run_peeled<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) -> Option<Carried> {
    t.label_pos()?;
    if !matches!(t.ops.last().map(|i| &i.op), Some(Op::Jump(_))) {
        return None;
    }
    let old = std::mem::take(t);
    let mut pins: Vec<Slot> = Vec::new();
    let mut best: Option<(TraceIr<'gc>, Option<Carried>)> = None;
    for _ in 0..3 {
        let mut h = HeapOpt::new(&old, true);
        h.pins = pins.clone();
        for i in 0..old.ops.len() {
            h.step(i);
        }
        if h.pin_failed {
            break;
        }
        let more = std::mem::take(&mut h.unchanged);
        best = Some((h.out, h.carried.take()));
        if more.is_empty() {
            break;
        }
        pins.extend(more);
    }
    let (out, carried) = best.expect("the first run pins nothing");
    *t = out;
    carried
}

/// The key of a cached location: a dict key (a constant, canonical for
/// [`Key`] equality) or a record field.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FKey {
    Dict(Ref),
    Field(u32),
}

impl FKey {
    fn same_kind(self, other: FKey) -> bool {
        matches!(
            (self, other),
            (FKey::Dict(_), FKey::Dict(_)) | (FKey::Field(_), FKey::Field(_))
        )
    }
}

/// A pending `dict_set` or `set_field`.
#[derive(Copy, Clone, Debug, PartialEq)]
struct Store {
    obj: Ref,
    key: FKey,
    val: Ref,
}

/// What is known about one list: its length is `base + logical` (`base`
/// `None` means 0), items at `base + c`, and its pending writes in normal
/// form: `sets` (below `keep`), then `trunc`, then appends (the items from
/// `keep` to `logical`).
#[derive(Clone, Debug)]
struct ListState {
    base: Option<Ref>,
    /// The length the emitted ops leave the list with, relative to `base`.
    committed: i64,
    /// The length including pending writes, relative to `base`.
    logical: i64,
    /// Known items (including pending ones), by offset from `base`.
    items: BTreeMap<i64, Ref>,
    /// A pending truncation: offset and the ref of the length operand.
    trunc: Option<(i64, Ref)>,
    /// Pending `list_set`s: offset → (index operand, value).
    sets: BTreeMap<i64, (Ref, Ref)>,
    /// `base + floor >= 0` is known (from lengths and in-range indices).
    floor: i64,
}

impl ListState {
    fn new(base: Option<Ref>) -> ListState {
        ListState {
            base,
            committed: 0,
            logical: 0,
            items: BTreeMap::new(),
            trunc: None,
            sets: BTreeMap::new(),
            floor: 0,
        }
    }
    /// Offsets below this are the list's own (emitted) items.
    fn keep(&self) -> i64 {
        self.trunc.map_or(self.committed, |t| t.0)
    }
    fn dirty(&self) -> bool {
        self.trunc.is_some() || !self.sets.is_empty() || self.logical != self.committed
    }
}

/// A fact carried across the loop label by [`run_peeled`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Slot {
    Field(Ref, FKey),
    List(Ref),
    /// An item read by index operand (`elems`).
    Item(Ref, Ref),
}

/// Bookkeeping for carrying the cache across the loop label.
struct Carry {
    original: usize,
    slots: Vec<Slot>,
    /// The extra params, once emitted.
    params: Vec<Ref>,
    /// Position of the label in the output.
    label: usize,
    /// Pending stores at the label, in order.
    pending: Vec<(Ref, FKey)>,
    /// Pinned facts and their values at the label (not params).
    pinned: Vec<(Slot, Ref)>,
    /// Whether the loop's cache has been set up ([`HeapOpt::import`]).
    imported: bool,
}

struct HeapOpt<'a, 'gc> {
    old: &'a TraceIr<'gc>,
    out: TraceIr<'gc>,
    /// Old op index → its value in `out`.
    map: Vec<Ref>,
    fields: BTreeMap<(Ref, FKey), Ref>,
    stores: Vec<Store>,
    lists: BTreeMap<Ref, ListState>,
    /// Items of lists without a state (length unknown): `(list, index)` →
    /// the value last read or written there. An index stays valid however
    /// the length changes by appending, so this needs no length.
    elems: BTreeMap<(Ref, Ref), Ref>,
    /// Cells whose value is known: cell → the value last read or written
    /// (`cell_get`/`cell_set`; cell writes are emitted where they stand).
    cells: BTreeMap<Ref, Ref>,
    /// Objects allocated in the trace.
    fresh: FxHashSet<Ref>,
    /// Pairs of refs (lower first) known to name different objects: at
    /// some point the cache knew the same location of both to hold
    /// different constants (see [`Self::learn_value`]). Object identity
    /// never changes, so this is never forgotten.
    distinct: FxHashSet<(Ref, Ref)>,
    /// Records whose class (immutable) is a known constant: from
    /// `new_record` with a constant class, or a passed `guard_value` on
    /// their `record_class`.
    classes: FxHashMap<Ref, Ref>,
    /// `call record_class, r` results → `r`.
    class_reads: FxHashMap<Ref, Ref>,
    /// Constant → the first constant with an equal [`Key`].
    keys: FxHashMap<Ref, Ref>,
    /// `(base, c)` → a ref computing `base + c`.
    sums: FxHashMap<(Ref, i64), Ref>,
    /// Old snapshot → the copies made of it.
    snaps: FxHashMap<SnapId, Vec<SnapId>>,
    /// Carry the cache across a label (loop peeling).
    peeled: bool,
    /// The loop (after the label) neither shrinks a list nor calls a helper
    /// that writes the heap, so an index read before the label is still in
    /// range at the back-edge: items read by index are carried too.
    carry_items: bool,
    /// Facts the loop starts with as the preamble's values (see [`run_peeled`]).
    pins: Vec<Slot>,
    /// A pinned fact did not hold at the jump: this run's output is invalid.
    pin_failed: bool,
    /// The carried fields and items the jump passed back unchanged.
    unchanged: Vec<Slot>,
    carry: Option<Carry>,
    carried: Option<Carried>,
}

impl<'a, 'gc> HeapOpt<'a, 'gc> {
    fn new(old: &'a TraceIr<'gc>, peeled: bool) -> Self {
        let mut keys = FxHashMap::default();
        let mut seen: Vec<(Value<'gc>, Ref)> = Vec::new();
        for (i, v) in old.consts.iter().enumerate() {
            let r = Ref::konst(i);
            let canon = seen
                .iter()
                .find(|(w, _)| Key(*w) == Key(*v))
                .map_or(r, |(_, c)| *c);
            if canon == r {
                seen.push((*v, r));
            }
            keys.insert(r, canon);
        }
        HeapOpt {
            old,
            out: TraceIr {
                ops: Vec::new(),
                consts: old.consts.clone(),
                snapshots: Vec::new(),
                fuel_cost: old.fuel_cost,
            },
            map: Vec::with_capacity(old.ops.len()),
            fields: BTreeMap::new(),
            stores: Vec::new(),
            lists: BTreeMap::new(),
            elems: BTreeMap::new(),
            cells: BTreeMap::new(),
            fresh: FxHashSet::default(),
            distinct: FxHashSet::default(),
            classes: FxHashMap::default(),
            class_reads: FxHashMap::default(),
            keys,
            sums: FxHashMap::default(),
            snaps: FxHashMap::default(),
            peeled,
            carry_items: peeled && loop_keeps_indices(old),
            pins: Vec::new(),
            pin_failed: false,
            unchanged: Vec::new(),
            carry: None,
            carried: None,
        }
    }

    // ---- plumbing ----

    fn get(&self, r: Ref) -> Ref {
        if r.is_const() {
            r
        } else {
            self.map[r.index()]
        }
    }

    fn emit(&mut self, op: Op) -> Ref {
        self.out.push(op, None)
    }

    fn int(&mut self, i: i64) -> Ref {
        self.out.konst(Value::Int(i))
    }

    /// The canonical constant for a dict key, if `k` is a constant.
    fn key(&mut self, k: Ref) -> Option<Ref> {
        if !k.is_const() {
            return None;
        }
        if let Some(c) = self.keys.get(&k) {
            return Some(*c);
        }
        let v = self.out.const_value(k);
        let canon = (0..self.out.consts.len())
            .map(Ref::konst)
            .find(|c| Key(self.out.const_value(*c)) == Key(v))
            .unwrap_or(k);
        self.keys.insert(k, canon);
        Some(canon)
    }

    /// Whether `a` and `b` (objects of the same kind) may be the same object.
    fn may_alias(&self, a: Ref, b: Ref) -> bool {
        if a == b {
            return true;
        }
        if a.is_const() && b.is_const() {
            return self.out.const_value(a).same(&self.out.const_value(b));
        }
        let older = |x: Ref, y: Ref| y.is_const() || y.index() < x.index();
        if (self.fresh.contains(&a) && older(a, b)) || (self.fresh.contains(&b) && older(b, a)) {
            return false;
        }
        !self.distinct.contains(&(a.min(b), a.max(b)))
    }

    /// Whether two constants are different values (so objects known to
    /// hold them at the same place at the same time are different objects).
    fn differ(&self, x: Ref, y: Ref) -> bool {
        x.is_const() && y.is_const() && !self.out.const_value(x).same(&self.out.const_value(y))
    }

    /// A passed `guard_value a, c` (`c` a constant): cached locations that
    /// hold `a` hold `c`, and an object whose location holds `c` while the
    /// same location of another holds a different constant is not that
    /// other object (py6 request 5: records whose type fields differ never
    /// alias). The same for a guarded `record_class`.
    fn learn_value(&mut self, a: Ref, c: Ref) {
        // Pending stores of `a` store `c`: kept equal to the cached values
        // (`stores_consistent`), so they stay pending across the label.
        for st in &mut self.stores {
            if st.val == a {
                st.val = c;
            }
        }
        let holders: Vec<(Ref, FKey)> = self
            .fields
            .iter()
            .filter(|(_, v)| **v == a)
            .map(|(k, _)| *k)
            .collect();
        for (o, key) in holders {
            self.fields.insert((o, key), c);
            let others: Vec<Ref> = self
                .fields
                .iter()
                .filter(|((p, k), v)| *p != o && *k == key && self.differ(**v, c))
                .map(|((p, _), _)| *p)
                .collect();
            for p in others {
                self.distinct.insert((o.min(p), o.max(p)));
            }
        }
        if let Some(&r) = self.class_reads.get(&a) {
            self.learn_class(r, c);
        }
    }

    /// Record `r`'s class is the constant `c`.
    fn learn_class(&mut self, r: Ref, c: Ref) {
        if !c.is_const() {
            return;
        }
        let others: Vec<Ref> = self
            .classes
            .iter()
            .filter(|(p, k)| **p != r && self.differ(**k, c))
            .map(|(p, _)| *p)
            .collect();
        for p in others {
            self.distinct.insert((r.min(p), r.max(p)));
        }
        self.classes.insert(r, c);
    }

    /// `r` as `base + c` (`base` `None` for an absolute int constant).
    fn linear(&self, r: Ref) -> (Option<Ref>, i64) {
        let mut r = r;
        let mut off: i64 = 0;
        for _ in 0..32 {
            if let Some(c) = self.out.as_int(r) {
                if let Some(s) = off.checked_add(c) {
                    return (None, s);
                }
                break;
            }
            if r.is_const() {
                break;
            }
            let (a, b, neg) = match self.out.ops[r.index()].op {
                Op::Int(IntOp::Add, a, b) | Op::IntOvf(OvfOp::Add, a, b) => {
                    if self.out.as_int(b).is_some() {
                        (a, b, false)
                    } else {
                        (b, a, false)
                    }
                }
                Op::Int(IntOp::Sub, a, b) | Op::IntOvf(OvfOp::Sub, a, b) => (a, b, true),
                _ => break,
            };
            let Some(c) = self.out.as_int(b) else { break };
            let next = if neg {
                c.checked_neg().and_then(|c| off.checked_add(c))
            } else {
                off.checked_add(c)
            };
            match next {
                Some(o) => {
                    off = o;
                    r = a;
                }
                None => break,
            }
        }
        (Some(r), off)
    }

    /// A ref for `base + c`, emitting an `int_add` if needed.
    fn sum(&mut self, base: Option<Ref>, c: i64) -> Ref {
        match base {
            None => self.int(c),
            Some(b) if c == 0 => b,
            Some(b) => {
                if let Some(r) = self.sums.get(&(b, c)) {
                    return *r;
                }
                let r = if c > 0 {
                    let k = self.int(c);
                    self.emit(Op::Int(IntOp::Add, b, k))
                } else {
                    let k = self.int(c.wrapping_neg());
                    self.emit(Op::Int(IntOp::Sub, b, k))
                };
                self.sums.insert((b, c), r);
                r
            }
        }
    }

    // ---- flushing ----

    fn flush_store(&mut self, s: Store) {
        match s.key {
            FKey::Dict(k) => self.emit(Op::DictSet(s.obj, k, s.val)),
            FKey::Field(i) => self.emit(Op::SetField(s.obj, i, s.val)),
        };
    }

    /// Emits the pending stores of every object that may alias `obj`
    /// (transitively), in program order.
    fn flush_stores_for(&mut self, obj: Ref, kind: FKey) {
        let mut class = vec![obj];
        loop {
            let more: Vec<Ref> = self
                .stores
                .iter()
                .filter(|s| s.key.same_kind(kind) && !class.contains(&s.obj))
                .filter(|s| class.iter().any(|c| self.may_alias(*c, s.obj)))
                .map(|s| s.obj)
                .collect();
            if more.is_empty() {
                break;
            }
            class.extend(more);
        }
        let (now, later): (Vec<Store>, Vec<Store>) = std::mem::take(&mut self.stores)
            .into_iter()
            .partition(|s| s.key.same_kind(kind) && class.contains(&s.obj));
        self.stores = later;
        for s in now {
            self.flush_store(s);
        }
    }

    fn flush_all_stores(&mut self) {
        for s in std::mem::take(&mut self.stores) {
            self.flush_store(s);
        }
    }

    /// Emits the pending writes of list `l` (which has a state).
    fn flush_list(&mut self, l: Ref) {
        let Some(st) = self.lists.get(&l) else { return };
        if !st.dirty() {
            return;
        }
        let st = st.clone();
        for (idx, v) in st.sets.values() {
            self.emit(Op::ListSet(l, *idx, *v));
        }
        if let Some((_, n)) = st.trunc {
            self.emit(Op::ListTruncate(l, n));
        }
        for c in st.keep()..st.logical {
            self.emit(Op::ListAppend(l, st.items[&c]));
        }
        let st = self.lists.get_mut(&l).expect("list state");
        st.committed = st.logical;
        st.trunc = None;
        st.sets.clear();
    }

    fn flush_all(&mut self) {
        self.flush_all_stores();
        let ls: Vec<Ref> = self.lists.keys().copied().collect();
        for l in ls {
            self.flush_list(l);
        }
    }

    /// Before a read of list `l`: flush the pending writes of every other
    /// list that may alias it. Their states stay: reads change nothing, and
    /// the first write to any of them forgets the others ([`Self::touch_list`]),
    /// so at most one state of a set of aliases is ever dirty.
    fn touch_list_read(&mut self, l: Ref) {
        let others: Vec<Ref> = self
            .lists
            .iter()
            .filter(|(o, st)| **o != l && st.dirty() && self.may_alias(**o, l))
            .map(|(o, _)| *o)
            .collect();
        for o in others {
            self.flush_list(o);
        }
    }

    /// Before a write to list `l`: flush and forget every other list that may alias it.
    fn touch_list(&mut self, l: Ref) {
        let others: Vec<Ref> = self
            .lists
            .keys()
            .copied()
            .filter(|o| *o != l && self.may_alias(*o, l))
            .collect();
        for o in others {
            self.flush_list(o);
            self.lists.remove(&o);
        }
    }

    /// Forgets the cached items of the lists that may alias `l` (and of `l`
    /// itself if `itself`).
    fn forget_elems(&mut self, l: Ref, itself: bool) {
        if self.elems.is_empty() {
            return;
        }
        let stale: Vec<(Ref, Ref)> = self
            .elems
            .keys()
            .copied()
            .filter(|(o, _)| {
                if *o == l {
                    itself
                } else {
                    self.may_alias(*o, l)
                }
            })
            .collect();
        for k in stale {
            self.elems.remove(&k);
        }
    }

    /// Whether two index operands may be the same index.
    fn may_be_same_index(&self, a: Ref, b: Ref) -> bool {
        match (self.out.as_int(a), self.out.as_int(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    /// Forgets what is known about `l` after flushing it.
    fn drop_list(&mut self, l: Ref) {
        self.flush_list(l);
        self.lists.remove(&l);
    }

    // ---- snapshots ----

    /// The pending writes, as a snapshot lists them.
    fn pending(&self) -> Vec<PendingWrite> {
        let r = SnapValue::Ref;
        let mut out: Vec<PendingWrite> = self
            .stores
            .iter()
            .map(|s| match s.key {
                FKey::Dict(k) => PendingWrite::DictSet(r(s.obj), r(k), r(s.val)),
                FKey::Field(i) => PendingWrite::SetField(r(s.obj), i, r(s.val)),
            })
            .collect();
        for (l, st) in &self.lists {
            for (idx, v) in st.sets.values() {
                out.push(PendingWrite::ListSet(r(*l), r(*idx), r(*v)));
            }
            if let Some((_, n)) = st.trunc {
                out.push(PendingWrite::ListTruncate(r(*l), r(n)));
            }
            for c in st.keep()..st.logical {
                out.push(PendingWrite::ListAppend(r(*l), r(st.items[&c])));
            }
        }
        out
    }

    /// What the value `r` is known to be when the guard `op` fails.
    fn on_failure(&self, op: &Op, r: Ref) -> Option<bool> {
        if r.is_const() {
            return None;
        }
        match *op {
            Op::GuardTrue(c) if c == r => Some(false),
            Op::GuardFalse(c) if c == r => Some(true),
            Op::GuardIntCmp(cmp, a, b) => match self.out.ops[r.index()].op {
                // The guard failing means `a cmp.negate() b` holds.
                Op::IntCmp(c2, x, y) if (x, y) == (a, b) => cmp_implies(cmp.negate(), c2),
                Op::IntCmp(c2, x, y) if (x, y) == (b, a) => cmp_implies(cmp.negate(), c2.swap()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The snapshot for a guard `op` (already mapped) that had `old_snap`.
    fn snapshot(&mut self, old_snap: SnapId, op: &Op) -> SnapId {
        let mut s: Snapshot = self.old.snapshots[old_snap as usize].clone();
        s.map_refs(|r| self.get(r));
        let mut pending = self.pending();
        pending.append(&mut s.pending);
        s.pending = compact(pending);
        let mut known: Vec<(Ref, bool)> = Vec::new();
        s.for_each_ref(|r| {
            if let Some(b) = self.on_failure(op, r) {
                if !known.iter().any(|(x, _)| *x == r) {
                    known.push((r, b));
                }
            }
        });
        for (r, b) in known {
            let k = self.out.konst(Value::Bool(b));
            s.map_refs(|x| if x == r { k } else { x });
        }
        let copies = self.snaps.entry(old_snap).or_default();
        if let Some(&id) = copies
            .iter()
            .find(|&&id| self.out.snapshots[id as usize] == s)
        {
            return id;
        }
        self.out.snapshots.push(s);
        let id = (self.out.snapshots.len() - 1) as SnapId;
        copies.push(id);
        id
    }

    // ---- the pass ----

    fn step(&mut self, i: usize) {
        let old = self.old;
        let Inst { op, snap } = &old.ops[i];
        let mut op = op.clone();
        op.map_args(|r| self.get(r));
        if self.carry.as_ref().is_some_and(|c| !c.imported) && !matches!(op, Op::Param(_)) {
            self.import();
        }
        let res = match op {
            Op::Label(_) if self.peeled && self.carry.is_none() => self.export(op),
            Op::Label(_) => {
                self.flush_all();
                self.forget();
                self.emit(op)
            }
            Op::Jump(_) if self.carry.is_some() => self.back_edge(op),
            Op::Jump(_) | Op::Finish(_) => {
                // The caller (machine code or the executor) sees the heap.
                self.flush_all();
                self.emit(op)
            }
            Op::DictGet(d, k) => match self.key(k) {
                Some(k) => self.load(d, FKey::Dict(k)),
                // A non-constant key is its own ref: forwarded from a get
                // or set with the same ref (`$h[$k] += $v`).
                None => self.load(d, FKey::Dict(k)),
            },
            Op::DictSet(d, k, v) => match self.key(k) {
                Some(k) => {
                    self.store(d, FKey::Dict(k), v);
                    Ref::op(0)
                }
                None => {
                    // Not delayed: a pending store to a key that may equal
                    // another pending one could not be merged or moved.
                    self.flush_stores_for(d, FKey::Dict(k));
                    self.forget_overlapping(d, FKey::Dict(k));
                    self.fields.insert((d, FKey::Dict(k)), v);
                    self.emit(op)
                }
            },
            Op::GetField(r, f) => self.load(r, FKey::Field(f)),
            Op::SetField(r, f, v) => {
                self.store(r, FKey::Field(f), v);
                Ref::op(0)
            }
            Op::NewDict => {
                let r = self.emit(op);
                self.fresh.insert(r);
                r
            }
            Op::NewRecord(c, ref fs) => {
                let fs = fs.clone();
                let r = self.emit(op);
                self.fresh.insert(r);
                self.learn_class(r, c);
                for (k, v) in fs.into_iter().enumerate() {
                    self.fields.insert((r, FKey::Field(k as u32)), v);
                }
                r
            }
            Op::NewList => {
                let r = self.emit(op);
                self.fresh.insert(r);
                self.lists.insert(r, ListState::new(None));
                r
            }
            Op::ListLen(l) => self.list_len(l),
            Op::ListGet(l, idx) => self.list_get(l, idx, op),
            Op::ListSet(l, idx, v) => self.list_set(l, idx, v, op),
            Op::ListAppend(l, v) => self.list_append(l, v, op),
            Op::ListPop(l) => self.list_pop(l, op),
            Op::ListTruncate(l, n) => self.list_truncate(l, n, op),
            Op::Call(h, ref args) if *h == RECORD_CLASS && args.len() == 1 => {
                let r = args[0];
                let v = self.out.push(op, None);
                self.class_reads.insert(v, r);
                v
            }
            Op::GuardValue(a, c) if c.is_const() => {
                let s = snap.map(|s| self.snapshot(s, &op));
                let r = self.out.push(op, s);
                self.learn_value(a, c);
                r
            }
            Op::Call(h, ref args) if *h == CELL_GET => self.cell_get(args[0], op),
            Op::Call(h, ref args) if *h == CELL_SET => self.cell_set(args[0], args[1], op),
            Op::Call(h, ref args) => {
                let e = h.effects;
                let arg0 = args.first().copied();
                if e.writes_heap || e.calls_guest || e.reads_heap {
                    self.flush_all();
                }
                let s = snap.map(|s| self.snapshot(s, &op));
                let r = self.out.push(op, s);
                match arg0 {
                    Some(a) if e.writes_arg0_only && !e.calls_guest => self.forget_for_arg0(a),
                    _ if e.writes_heap || e.calls_guest => self.forget(),
                    _ => {}
                }
                r
            }
            op => {
                let s = snap.map(|s| self.snapshot(s, &op));
                self.out.push(op, s)
            }
        };
        self.map.push(res);
    }

    /// Forgets every cached value and list state (nothing may be pending).
    fn forget(&mut self) {
        debug_assert!(self.stores.is_empty());
        self.fields.clear();
        self.lists.clear();
        self.elems.clear();
        self.cells.clear();
    }

    /// After a helper that writes the fields of no record but `a`, and
    /// lists, dicts and cells ([`crate::jit::helpers::Effects::writes_arg0_only`];
    /// nothing is pending): forgets the fields of the records that may be
    /// `a`, every dict entry, list and cell; keeps other records' fields.
    fn forget_for_arg0(&mut self, a: Ref) {
        debug_assert!(self.stores.is_empty());
        let stale: Vec<(Ref, FKey)> = self
            .fields
            .keys()
            .copied()
            .filter(|&(o, k)| match k {
                FKey::Dict(_) => true,
                FKey::Field(_) => self.may_alias(o, a),
            })
            .collect();
        for k in stale {
            self.fields.remove(&k);
        }
        self.lists.clear();
        self.elems.clear();
        self.cells.clear();
    }

    // ---- cells ----

    /// `cell_get c`: the value last read or written, else a read.
    fn cell_get(&mut self, c: Ref, op: Op) -> Ref {
        if let Some(v) = self.cells.get(&c) {
            return *v;
        }
        let r = self.emit(op);
        self.cells.insert(c, r);
        r
    }

    /// `cell_set c, v`, emitted where it stands: it forgets the cells that
    /// may be `c`; other objects are no cells, so what is known of them
    /// (and their pending writes, which replay the same after it) stays.
    fn cell_set(&mut self, c: Ref, v: Ref, op: Op) -> Ref {
        let stale: Vec<Ref> = self
            .cells
            .keys()
            .copied()
            .filter(|o| *o != c && self.may_alias(*o, c))
            .collect();
        for o in stale {
            self.cells.remove(&o);
        }
        self.cells.insert(c, v);
        self.emit(op)
    }

    fn load(&mut self, obj: Ref, key: FKey) -> Ref {
        if let Some(v) = self.fields.get(&(obj, key)) {
            return *v;
        }
        self.flush_stores_for(obj, key);
        let r = match key {
            FKey::Dict(k) => self.emit(Op::DictGet(obj, k)),
            FKey::Field(f) => self.emit(Op::GetField(obj, f)),
        };
        self.fields.insert((obj, key), r);
        r
    }

    /// Whether two canonical keys may name the same location: the same
    /// key, or dict keys of which one is not a constant (two refs may hold
    /// equal values; different canonical constants never do).
    fn may_be_same_key(&self, a: FKey, b: FKey) -> bool {
        match (a, b) {
            (FKey::Dict(x), FKey::Dict(y)) => x == y || !x.is_const() || !y.is_const(),
            _ => a == b,
        }
    }

    /// Forgets the cached values a store to `(obj, key)` may overwrite,
    /// other than `(obj, key)` itself.
    fn forget_overlapping(&mut self, obj: Ref, key: FKey) {
        let stale: Vec<(Ref, FKey)> = self
            .fields
            .keys()
            .copied()
            .filter(|&(o, k)| {
                (o, k) != (obj, key) && self.may_be_same_key(k, key) && self.may_alias(o, obj)
            })
            .collect();
        for s in stale {
            self.fields.remove(&s);
        }
    }

    fn store(&mut self, obj: Ref, key: FKey, val: Ref) {
        self.forget_overlapping(obj, key);
        self.fields.insert((obj, key), val);
        let same: Vec<usize> = (0..self.stores.len())
            .filter(|&i| {
                self.may_be_same_key(self.stores[i].key, key)
                    && self.may_alias(self.stores[i].obj, obj)
            })
            .collect();
        match same.as_slice() {
            [i] if self.stores[*i].obj == obj && self.stores[*i].key == key => {
                self.stores[*i].val = val
            }
            _ => self.stores.push(Store { obj, key, val }),
        }
    }

    // ---- lists ----

    /// The offset of index `idx` in `l`'s state, if it is `base + c`.
    fn offset(&self, l: Ref, idx: Ref) -> Option<i64> {
        let st = self.lists.get(&l)?;
        let (b, c) = self.linear(idx);
        (b == st.base).then_some(c)
    }

    /// The offset of an index the op requires to be in range (`0 <= idx`).
    fn index(&mut self, l: Ref, idx: Ref) -> Option<i64> {
        let c = self.offset(l, idx)?;
        let st = self.lists.get_mut(&l)?;
        st.floor = st.floor.min(c);
        Some(c)
    }

    fn list_len(&mut self, l: Ref) -> Ref {
        self.touch_list_read(l);
        if let Some(st) = self.lists.get(&l) {
            let (b, n) = (st.base, st.logical);
            return self.sum(b, n);
        }
        let r = self.emit(Op::ListLen(l));
        self.lists.insert(l, ListState::new(Some(r)));
        r
    }

    /// `list_get l, idx` by index operand (`elems`): the known item, or a read.
    fn list_get_by_ref(&mut self, l: Ref, idx: Ref, op: Op) -> Ref {
        if let Some(v) = self.elems.get(&(l, idx)) {
            return *v;
        }
        // Pending appends may be at that index.
        self.flush_list(l);
        let r = self.emit(op);
        self.elems.insert((l, idx), r);
        r
    }

    fn list_get(&mut self, l: Ref, idx: Ref, op: Op) -> Ref {
        self.touch_list_read(l);
        if !self.lists.contains_key(&l) {
            return self.list_get_by_ref(l, idx, op);
        }
        let Some(c) = self.index(l, idx) else {
            // Not relative to the known length (an index computed elsewhere).
            return self.list_get_by_ref(l, idx, op);
        };
        let st = &self.lists[&l];
        if let Some(v) = st.items.get(&c) {
            return *v;
        }
        if c >= st.keep() {
            // Out of the known range: the interpreter checked the index, so
            // this is not reached; stay correct anyway.
            self.flush_list(l);
            return self.emit(op);
        }
        // Below `keep` and not stored to: the list's own item.
        let r = self.emit(op);
        self.lists.get_mut(&l).expect("list").items.insert(c, r);
        r
    }

    fn list_set(&mut self, l: Ref, idx: Ref, v: Ref, op: Op) -> Ref {
        self.touch_list(l);
        // With a state the item goes there; `elems` items of `l` may be it.
        let itself = self.lists.contains_key(&l);
        self.forget_elems(l, itself);
        let c = self.index(l, idx);
        let Some(st) = self.lists.get_mut(&l) else {
            let r = self.emit(op);
            let stale: Vec<(Ref, Ref)> = self
                .elems
                .keys()
                .copied()
                .filter(|&(o, i)| o == l && self.may_be_same_index(i, idx))
                .collect();
            for k in stale {
                self.elems.remove(&k);
            }
            self.elems.insert((l, idx), v);
            return r;
        };
        if let Some(c) = c.filter(|c| *c < st.logical) {
            if c < st.keep() {
                st.sets.insert(c, (idx, v));
            }
            st.items.insert(c, v);
            return Ref::op(0);
        }
        self.flush_list(l);
        let r = self.emit(op);
        self.lists.get_mut(&l).expect("list").items.clear();
        r
    }

    fn list_append(&mut self, l: Ref, v: Ref, op: Op) -> Ref {
        self.touch_list(l);
        match self.lists.get_mut(&l) {
            Some(st) => {
                st.items.insert(st.logical, v);
                st.logical += 1;
                Ref::op(0)
            }
            None => self.emit(op),
        }
    }

    fn list_pop(&mut self, l: Ref, op: Op) -> Ref {
        self.touch_list(l);
        // The last item goes; which index operand names it is not known.
        self.forget_elems(l, true);
        let Some(st) = self.lists.get_mut(&l) else {
            return self.emit(op);
        };
        if st.logical > st.keep() {
            st.logical -= 1;
            return st.items.remove(&st.logical).expect("pending item");
        }
        self.flush_list(l);
        let r = self.emit(op);
        let st = self.lists.get_mut(&l).expect("list");
        st.logical -= 1;
        st.committed -= 1;
        st.items.remove(&st.logical);
        r
    }

    fn list_truncate(&mut self, l: Ref, n: Ref, op: Op) -> Ref {
        self.touch_list(l);
        self.forget_elems(l, true);
        let c = self.offset(l, n);
        let Some((base, floor)) = self.lists.get(&l).map(|st| (st.base, st.floor)) else {
            return self.emit(op);
        };
        let t = match c {
            // A negative absolute length truncates to 0.
            Some(t) if base.is_none() => t.max(0),
            // `base + t >= 0`, so the list gets exactly that length.
            Some(t) if t >= floor => t,
            _ => {
                self.drop_list(l);
                return self.emit(op);
            }
        };
        let st = self.lists.get_mut(&l).expect("list");
        if t >= st.logical {
            return Ref::op(0);
        }
        st.items.retain(|k, _| *k < t);
        st.logical = t;
        if t < st.keep() {
            st.trunc = Some((t, n));
            st.sets.retain(|k, _| *k < t);
        }
        Ref::op(0)
    }

    // ---- carrying the cache across the loop label (peeling) ----

    /// Whether every pending store is the cached value of its location, once.
    fn stores_consistent(&self) -> bool {
        let mut seen = FxHashSet::default();
        self.stores.iter().all(|s| {
            seen.insert((s.obj, s.key)) && self.fields.get(&(s.obj, s.key)) == Some(&s.val)
        })
    }

    /// Emits the pending stores to objects the trace allocated (and to
    /// whatever may alias them): they are not carried across the label.
    fn flush_fresh_stores(&mut self) {
        while let Some(s) = self
            .stores
            .iter()
            .find(|s| self.fresh.contains(&s.obj))
            .copied()
        {
            self.flush_stores_for(s.obj, s.key);
        }
    }

    /// At the loop label: the cache becomes extra label arguments.
    fn export(&mut self, op: Op) -> Ref {
        let Op::Label(mut args) = op else {
            unreachable!()
        };
        let ls: Vec<Ref> = self.lists.keys().copied().collect();
        for l in &ls {
            self.flush_list(*l);
        }
        self.flush_fresh_stores();
        if !self.stores_consistent() {
            self.flush_all_stores();
        }
        // Objects the trace allocated are not carried: each iteration makes its own.
        let ls: Vec<Ref> = ls.into_iter().filter(|l| !self.fresh.contains(l)).collect();
        let original = args.len();
        let mut slots = Vec::new();
        let mut pinned = Vec::new();
        for (&(o, k), &v) in &self.fields {
            // A fact under a non-constant key names a ref the loop's own
            // copy of the instruction does not use: not worth a param.
            let const_key = !matches!(k, FKey::Dict(r) if !r.is_const());
            if !self.fresh.contains(&o) && const_key {
                let slot = Slot::Field(o, k);
                if self.pins.contains(&slot) {
                    pinned.push((slot, v));
                    continue;
                }
                slots.push(slot);
                args.push(v);
            }
        }
        for l in ls {
            let st = &self.lists[&l];
            let (b, n) = (st.base, st.logical);
            let len = self.sum(b, n);
            slots.push(Slot::List(l));
            args.push(len);
        }
        if self.carry_items {
            for (&(l, idx), &v) in &self.elems {
                if !self.fresh.contains(&l) {
                    let slot = Slot::Item(l, idx);
                    if self.pins.contains(&slot) {
                        pinned.push((slot, v));
                        continue;
                    }
                    slots.push(slot);
                    args.push(v);
                }
            }
        }
        let label = self.emit(Op::Label(args));
        self.carried = Some(Carried {
            original,
            extra: slots.len(),
        });
        self.carry = Some(Carry {
            original,
            slots,
            params: Vec::new(),
            label: label.index(),
            pending: self.stores.iter().map(|s| (s.obj, s.key)).collect(),
            pinned,
            imported: false,
        });
        self.fields.clear();
        self.lists.clear();
        self.elems.clear();
        self.cells.clear();
        self.sums.clear();
        label
    }

    /// After the loop's own params: the extra params, and the cache in their terms.
    fn import(&mut self) {
        let carry = self.carry.as_ref().expect("carry");
        let slots = carry.slots.clone();
        let pinned = carry.pinned.clone();
        let base = carry.original;
        let params: Vec<Ref> = (0..slots.len())
            .map(|j| self.out.push(Op::Param((base + j) as u32), None))
            .collect();
        let facts = slots
            .iter()
            .zip(&params)
            .chain(pinned.iter().map(|(s, v)| (s, v)));
        for (slot, p) in facts {
            match *slot {
                Slot::Field(o, k) => {
                    self.fields.insert((o, k), *p);
                }
                Slot::List(l) => {
                    self.lists.insert(l, ListState::new(Some(*p)));
                }
                Slot::Item(l, idx) => {
                    self.elems.insert((l, idx), *p);
                }
            }
        }
        for s in &mut self.stores {
            s.val = self.fields[&(s.obj, s.key)];
        }
        let carry = self.carry.as_mut().expect("carry");
        carry.params = params;
        carry.imported = true;
    }

    /// At the jump: pass the cache's current values for the carried facts.
    fn back_edge(&mut self, op: Op) -> Ref {
        let Op::Jump(mut args) = op else {
            unreachable!()
        };
        let ls: Vec<Ref> = self.lists.keys().copied().collect();
        for l in ls {
            self.flush_list(l);
        }
        let carry = self.carry.take().expect("carry");
        for (slot, v) in &carry.pinned {
            let now = match *slot {
                Slot::Field(o, k) => self.fields.get(&(o, k)),
                Slot::Item(l, idx) => self.elems.get(&(l, idx)),
                Slot::List(_) => None,
            };
            if now != Some(v) {
                self.pin_failed = true;
            }
        }
        self.flush_fresh_stores();
        // The pending stores must be ones the loop started with, in the same
        // order, each the cached value; otherwise emit them.
        let mut at = 0;
        let in_order = self.stores.iter().all(|s| {
            match carry.pending[at..]
                .iter()
                .position(|p| *p == (s.obj, s.key))
            {
                Some(k) => {
                    at += k + 1;
                    true
                }
                None => false,
            }
        });
        if !in_order || !self.stores_consistent() {
            self.flush_all_stores();
        }
        let known: Vec<Option<Ref>> = carry
            .slots
            .iter()
            .map(|slot| match *slot {
                Slot::Field(o, k) => self.fields.get(&(o, k)).copied(),
                Slot::List(l) => self.lists.contains_key(&l).then_some(l),
                Slot::Item(l, idx) => self.elems.get(&(l, idx)).copied(),
            })
            .collect();
        let mut used = self.used_after(carry.label);
        used.extend(args.iter().copied());
        for (slot, v) in carry.slots.iter().zip(&known) {
            if let (Slot::Field(..) | Slot::Item(..), Some(v)) = (slot, v) {
                used.insert(*v);
            }
        }
        for ((slot, &p), v) in carry.slots.iter().zip(&carry.params).zip(known) {
            if v == Some(p) && matches!(slot, Slot::Field(..) | Slot::Item(..)) {
                self.unchanged.push(*slot);
            }
            let v = match (*slot, v) {
                (Slot::Field(_, _) | Slot::Item(..), Some(v)) => v,
                (Slot::List(l), Some(_)) => {
                    let st = &self.lists[&l];
                    let (b, n) = (st.base, st.logical);
                    self.sum(b, n)
                }
                (_, None) if !used.contains(&p) => p,
                (Slot::Field(o, k), None) => self.load(o, k),
                (Slot::List(l), None) => self.list_len(l),
                // In range: the loop shrinks no list (`carry_items`).
                (Slot::Item(l, idx), None) => self.list_get(l, idx, Op::ListGet(l, idx)),
            };
            args.push(v);
        }
        self.emit(Op::Jump(args))
    }

    /// Refs used by ops (and their snapshots) after position `from`.
    fn used_after(&self, from: usize) -> FxHashSet<Ref> {
        let mut used = FxHashSet::default();
        for inst in &self.out.ops[from + 1..] {
            inst.op.for_each_arg(|r| {
                used.insert(r);
            });
            if let Some(s) = inst.snap {
                self.out.snapshots[s as usize].for_each_ref(|r| {
                    used.insert(r);
                });
            }
        }
        used
    }
}

/// Whether the loop of a peeled trace (the ops after its label) leaves every
/// list at least as long as it was: no `list_pop`, no `list_truncate`, no
/// helper that writes the heap or runs guest code.
fn loop_keeps_indices(t: &TraceIr<'_>) -> bool {
    let Some(lp) = t.label_pos() else {
        return false;
    };
    t.ops[lp..].iter().all(|i| match &i.op {
        Op::ListPop(_) | Op::ListTruncate(..) => false,
        Op::Call(h, _) => !(h.effects.writes_heap || h.effects.calls_guest),
        _ => true,
    })
}

/// Merges a dict or record store into an earlier one to the same object
/// and key (keeping the earlier position, which fixes a new key's insertion
/// order) when no store to that key of another object comes between.
fn compact(mut ws: Vec<PendingWrite>) -> Vec<PendingWrite> {
    fn loc(w: &PendingWrite) -> Option<(SnapValue, Result<SnapValue, u32>, SnapValue)> {
        match *w {
            PendingWrite::DictSet(o, k, v) => Some((o, Ok(k), v)),
            PendingWrite::SetField(o, f, v) => Some((o, Err(f), v)),
            _ => None,
        }
    }
    let mut j = 1;
    while j < ws.len() {
        let Some((o, k, v)) = loc(&ws[j]) else {
            j += 1;
            continue;
        };
        let mut merged = false;
        for i in (0..j).rev() {
            match loc(&ws[i]) {
                Some((o2, k2, _)) if k2 == k && o2 == o => {
                    ws[i] = match k {
                        Ok(k) => PendingWrite::DictSet(o, k, v),
                        Err(f) => PendingWrite::SetField(o, f, v),
                    };
                    merged = true;
                    break;
                }
                Some((_, k2, _)) if k2 == k => break,
                _ => {}
            }
        }
        if merged {
            ws.remove(j);
        } else {
            j += 1;
        }
    }
    ws
}

/// Whether `a held_cmp b` decides `a c2 b`: `Some(true)` if it implies it,
/// `Some(false)` if it implies its negation.
fn cmp_implies(held: Cmp, c2: Cmp) -> Option<bool> {
    if held == c2 {
        return Some(true);
    }
    if held.negate() == c2 {
        return Some(false);
    }
    use Cmp::*;
    match (held, c2) {
        (Lt, Le) | (Lt, Ne) | (Gt, Ge) | (Gt, Ne) | (Eq, Le) | (Eq, Ge) => Some(true),
        (Lt, Gt) | (Lt, Ge) | (Lt, Eq) | (Gt, Lt) | (Gt, Le) | (Gt, Eq) => Some(false),
        (Eq, Lt) | (Eq, Gt) | (Eq, Ne) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    /// A cell read after a read or write of the same cell is the known
    /// value; a write to another cell that may be the same forgets it,
    /// record and dict stores do not (they stay pending across the cell
    /// write), a helper that writes the heap does.
    #[test]
    fn cell_reads_are_forwarded_until_a_write_may_change_them() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = call cell_get, v4
            v8 = call cell_get, v4
            set_field v6, #0, v8
            dict_set v6, "k", v7
            v11 = call cell_set, v4, 3
            v12 = call cell_get, v4
            v13 = call cell_set, v5, v12
            v14 = call cell_get, v4
            v15 = call cell_get, v5
            v16 = get_field v6, #0
            v17 = call write_fn, v16
            v18 = call cell_get, v5
            jump v14, v15, v18
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = call cell_get, v4
            v8 = call cell_set, v4, 3
            v9 = call cell_set, v5, 3
            v10 = call cell_get, v4
            set_field v6, #0, v7
            dict_set v6, "k", v7
            v13 = call write_fn, v7
            v14 = call cell_get, v5
            jump v10, 3, v14
            "#,
        );
    }

    /// py6 request 5: records whose type fields (or classes) were guarded
    /// to different constants are different objects, so a store into one
    /// keeps what is known of the other; records guarded to the same type
    /// may be one object.
    #[test]
    fn records_known_to_hold_different_types_never_alias() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = get_field v4, #0
            guard_value v7, "A" @0
            v9 = get_field v5, #0
            guard_value v9, "B" @0
            v11 = call record_class, v6
            guard_value v11, "C" @0
            v13 = get_field v4, #2
            v14 = get_field v6, #2
            set_field v5, #2, 5
            v16 = get_field v4, #2
            v17 = get_field v6, #2
            v18 = get_field v5, #0
            jump v16, v17, v18
            "#,
            r#"
            ...
            v13 = get_field v4, #2
            v14 = get_field v6, #2
            set_field v5, #2, 5
            v16 = get_field v6, #2
            jump v13, v16, "B"
            ...
            "#,
        );
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = call record_class, v3
            guard_value v5, "A" @0
            v7 = call record_class, v4
            guard_value v7, "B" @0
            v9 = call record_class, v4
            v10 = get_field v3, #1
            set_field v4, #1, 5
            v12 = get_field v3, #1
            v13 = get_field v4, #0
            guard_value v13, "A" @0
            v15 = get_field v3, #0
            guard_value v15, "A" @0
            set_field v3, #1, 6
            v18 = get_field v4, #1
            jump v12, v18
            "#,
            r#"
            ...
            v10 = get_field v3, #1
            set_field v4, #1, 5
            v12 = get_field v4, #0
            guard_value v12, "A" @0
            v14 = get_field v3, #0
            guard_value v14, "A" @0
            set_field v3, #1, 6
            jump v10, 5
            ...
            "#,
        );
    }

    /// After `guard_value v, c` the cache and the pending stores hold `c`
    /// where they held `v`.
    #[test]
    fn a_guarded_value_is_the_constant_in_the_cache_and_pending_stores() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = get_field v2, #1
            set_field v2, #0, v3
            guard_value v3, 5 @0
            v6 = get_field v2, #0
            v7 = get_field v2, #1
            jump v6, v7
            snapshot @0
              frame code=c9 pc=1 regs=[v2]
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = get_field v2, #1
            guard_value v3, 5 @0
            set_field v2, #0, 5
            jump 5, 5
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[v2]
              pending set_field v2, #0, v3
            "#,
        );
    }

    /// php6 request 1: a helper that writes the fields of no record but
    /// argument 0 keeps the fields of a record known not to be argument 0;
    /// it forgets argument 0's fields, the dict entries and the cells.
    #[test]
    fn a_helper_writing_argument_0_keeps_other_records() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = get_field v4, #0
            guard_value v7, "A" @0
            v9 = get_field v5, #0
            guard_value v9, "B" @0
            v11 = get_field v5, #1
            v12 = get_field v4, #1
            v13 = call cell_get, v6
            v14 = dict_get v11, "k"
            v15 = call arg0_fn, v4, 1
            v16 = get_field v5, #1
            v17 = get_field v4, #1
            v18 = call cell_get, v6
            v19 = dict_get v11, "k"
            v20 = get_field v5, #0
            v21 = call write_fn, v4
            v22 = get_field v5, #1
            jump v16, v17, v18, v19, v20, v22
            "#,
            r#"
            ...
            v15 = call arg0_fn, v4, 1
            v16 = get_field v4, #1
            v17 = call cell_get, v6
            v18 = dict_get v11, "k"
            v19 = call write_fn, v4
            v20 = get_field v5, #1
            jump v11, v16, v17, v18, "B", v20
            ...
            "#,
        );
    }

    #[test]
    fn dict_get_after_set_and_get_is_forwarded() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, "x"
            v4 = dict_get v2, "x"
            v5 = int_add v3, v4
            dict_set v2, "y", v5
            v7 = dict_get v2, "y"
            jump v7
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, "x"
            v4 = int_add v3, v3
            dict_set v2, "y", v4
            jump v4
            "#,
        );
    }

    #[test]
    fn stores_are_pending_in_later_guards_and_replaced() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            dict_set v2, "x", 1
            guard_tag v2, dict @0
            dict_set v2, "x", 2
            dict_set v2, "y", 3
            guard_tag v2, dict @1
            jump v2
            snapshot @0
              frame code=c9 pc=1 regs=[v2]
            snapshot @1
              frame code=c9 pc=2 regs=[v2]
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            guard_tag v2, dict @0
            guard_tag v2, dict @1
            dict_set v2, "x", 2
            dict_set v2, "y", 3
            jump v2
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[v2]
              pending dict_set v2, "x", 1
            snapshot @1
              frame lang=0 code=c9 pc=2 ret=0 regs=[v2]
              pending dict_set v2, "x", 2
              pending dict_set v2, "y", 3
            "#,
        );
    }

    #[test]
    fn guards_sharing_a_snapshot_get_their_own_pending() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            guard_tag v2, record @0
            set_field v2, #1, 5
            guard_tag v2, record @0
            v5 = call read_fn, v2
            guard_tag v2, record @0
            jump v2
            snapshot @0
              frame code=c9 pc=1 regs=[v2]
            "#,
            r#"
            ...
            guard_tag v2, record @0
            guard_tag v2, record @1
            set_field v2, #1, 5
            v6 = call read_fn, v2
            guard_tag v2, record @0
            jump v2
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[v2]
            snapshot @1
              frame lang=0 code=c9 pc=1 ret=0 regs=[v2]
              pending set_field v2, #1, 5
            "#,
        );
    }

    #[test]
    fn a_call_that_writes_the_heap_keeps_the_load() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            dict_set v2, "x", 1
            v4 = dict_get v2, "x"
            v5 = call write_fn, v4
            v6 = dict_get v2, "x"
            v7 = call read_fn, v6
            v8 = dict_get v2, "x"
            jump v8
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            dict_set v2, "x", 1
            v4 = call write_fn, 1
            v5 = dict_get v2, "x"
            v6 = call read_fn, v5
            jump v5
            "#,
        );
    }

    #[test]
    fn aliasing_dicts_forget_the_same_key_only() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, "x"
            v6 = dict_get v3, "y"
            dict_set v4, "x", 7
            v8 = dict_get v3, "x"
            v9 = dict_get v3, "y"
            v10 = new_dict
            dict_set v10, "y", 1
            v12 = dict_get v3, "y"
            v13 = dict_get v10, "y"
            jump v8, v13
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, "x"
            v6 = dict_get v3, "y"
            dict_set v4, "x", 7
            v8 = dict_get v3, "x"
            v9 = new_dict
            dict_set v9, "y", 1
            jump v8, 1
            "#,
        );
    }

    #[test]
    fn a_dict_get_with_an_unknown_key_flushes_that_dict() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = new_record c9
            set_field v5, #0, 1
            dict_set v3, "a", 1
            dict_set v3, "b", 2
            v9 = dict_get v3, v4
            jump v9, v5
            "#,
            r#"
            ...
            v5 = new_record c9
            dict_set v3, "a", 1
            dict_set v3, "b", 2
            v8 = dict_get v3, v4
            set_field v5, #0, 1
            jump v8, v5
            "#,
        );
    }

    /// PHP's `$h[$k] += $v`: two reads and a write of the same non-constant
    /// key. The second read is the first; a read after the write is the
    /// value written.
    #[test]
    fn reads_with_the_same_non_constant_key_are_forwarded() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, v4
            v6 = dict_get v3, v4
            v7 = int_add v6, 1
            dict_set v3, v4, v7
            v9 = dict_get v3, v4
            jump v3, v9
            "#,
            r#"
            ...
            v5 = dict_get v3, v4
            v6 = int_add v5, 1
            dict_set v3, v4, v6
            jump v3, v6
            "#,
        );
    }

    /// A write under another key that may be equal (another ref, or a
    /// constant) forgets the value; a write to a dict allocated later does not.
    #[test]
    fn a_write_under_a_key_that_may_be_equal_forgets_the_value() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = dict_get v4, v5
            dict_set v4, v6, 1
            v9 = dict_get v4, v5
            dict_set v4, "5", 2
            v11 = dict_get v4, v5
            v12 = new_dict
            dict_set v12, v6, 3
            v14 = dict_get v4, v5
            v15 = int_add v14, v11
            v16 = int_add v15, v9
            v17 = int_add v16, v7
            jump v4, v17, v6
            "#,
            r#"
            ...
            v7 = dict_get v4, v5
            dict_set v4, v6, 1
            v9 = dict_get v4, v5
            dict_set v4, "5", 2
            v11 = dict_get v4, v5
            v12 = new_dict
            dict_set v12, v6, 3
            v14 = int_add v11, v11
            ...
            "#,
        );
    }

    /// A write to a dict that may alias forgets the value under a key
    /// that may be equal; a constant-key store stays ordered after the
    /// read it must follow.
    #[test]
    fn a_write_to_an_aliasing_dict_forgets_a_non_constant_key() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            dict_set v4, "a", 1
            v8 = dict_get v4, v6
            dict_set v5, v6, 2
            v10 = dict_get v4, v6
            v11 = dict_get v4, "a"
            jump v10, v11, v8
            "#,
            r#"
            ...
            dict_set v4, "a", 1
            v8 = dict_get v4, v6
            dict_set v5, v6, 2
            v10 = dict_get v4, v6
            v11 = dict_get v4, "a"
            jump v10, v11, v8
            "#,
        );
    }

    #[test]
    fn stack_pushes_and_pops_cancel() {
        // push x; push 2; add; store into y: the list is untouched.
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, "x"
            guard_tag v5, int @0
            v7 = list_len v4
            list_append v4, v5
            v9 = list_len v4
            list_append v4, 2
            v11 = list_len v4
            v12 = int_sub v11, 1
            v13 = list_get v4, v12
            v14 = int_sub v11, 2
            v15 = list_get v4, v14
            guard_tag v15, int @1
            v17 = int_add_ovf v15, v13 @1
            list_truncate v4, v14
            list_append v4, v17
            v20 = list_len v4
            v21 = int_sub v20, 1
            v22 = list_get v4, v21
            list_truncate v4, v21
            dict_set v3, "y", v22
            fuel @2
            jump v3, v4
            snapshot @0
              frame code=c9 pc=0 regs=[v3, v4]
            snapshot @1
              frame code=c9 pc=2 regs=[v3, v4]
            snapshot @2
              frame code=c9 pc=4 regs=[v3, v4]
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, "x"
            guard_tag v5, int @0
            v7 = list_len v4
            v8 = int_add v7, 1
            v9 = int_add v7, 2
            v10 = int_sub v9, 1
            v11 = int_sub v9, 2
            guard_tag v5, int @1
            v13 = int_add_ovf v5, 2 @1
            v14 = int_sub v8, 1
            fuel @2
            dict_set v3, "y", v13
            jump v3, v4
            snapshot @0
              frame lang=0 code=c9 pc=0 ret=0 regs=[v3, v4]
            snapshot @1
              frame lang=0 code=c9 pc=2 ret=0 regs=[v3, v4]
              pending list_append v4, v5
              pending list_append v4, 2
            snapshot @2
              frame lang=0 code=c9 pc=4 ret=0 regs=[v3, v4]
              pending dict_set v3, "y", v13
            "#,
        );
    }

    #[test]
    fn a_truncate_below_the_pushes_stays_pending_then_is_flushed() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = list_len v2
            v4 = int_sub v3, 1
            v5 = list_get v2, v4
            list_truncate v2, v4
            list_append v2, 7
            v9 = int_sub v3, 2
            list_set v2, v9, v5
            v11 = list_get v2, v4
            guard_true v11 @0
            jump v2
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = list_len v2
            v4 = int_sub v3, 1
            v5 = list_get v2, v4
            v6 = int_sub v3, 2
            guard_true 7 @0
            list_set v2, v6, v5
            list_truncate v2, v4
            list_append v2, 7
            jump v2
            snapshot @0
              pending list_set v2, v6, v5
              pending list_truncate v2, v4
              pending list_append v2, 7
            "#,
        );
    }

    #[test]
    fn items_of_a_list_of_unknown_length_are_forwarded_by_index() {
        // A one-item reference cell: written, then read twice; another list
        // that may alias it is read in between (reads forget nothing).
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = list_get v3, 0
            v6 = list_get v4, 0
            v7 = int_add v5, v6
            list_set v3, 0, v7
            v9 = list_get v3, 0
            v10 = list_get v3, 0
            v11 = int_add v9, v10
            v12 = list_get v4, 0
            list_append v3, v12
            v14 = list_get v3, 0
            jump v14, v11
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = list_get v3, 0
            v6 = list_get v4, 0
            v7 = int_add v5, v6
            list_set v3, 0, v7
            v9 = int_add v7, v7
            v10 = list_get v4, 0
            list_append v3, v10
            jump v7, v9
            "#,
        );
    }

    #[test]
    fn writes_to_a_list_that_may_alias_forget_the_cached_items() {
        // `v4` may be `v3`, an unknown index may be 0, and a pop or a call
        // that writes the heap may change any item: each read after them is
        // kept. A different constant index keeps the item.
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = list_get v4, 0
            list_set v5, 0, 1
            v9 = list_get v4, 0
            list_set v4, 1, 2
            v11 = list_get v4, 0
            list_set v4, v6, 3
            v13 = list_get v4, 0
            v14 = list_pop v5
            v15 = list_get v4, 0
            v16 = int_add v7, v9
            v17 = int_add v11, v13
            v18 = int_add v16, v17
            v19 = int_add v18, v15
            jump v4, v5, v19
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            v7 = list_get v4, 0
            list_set v5, 0, 1
            v9 = list_get v4, 0
            list_set v4, 1, 2
            list_set v4, v6, 3
            v12 = list_get v4, 0
            v13 = list_pop v5
            v14 = list_get v4, 0
            v15 = int_add v7, v9
            v16 = int_add v9, v12
            v17 = int_add v15, v16
            v18 = int_add v17, v14
            jump v4, v5, v18
            "#,
        );
    }

    #[test]
    fn a_failing_guard_knows_its_condition() {
        check(
            "heap",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = int_lt v2, 10
            guard_lt v2, 10 @0
            v5 = int_gt v2, 3
            guard_true v5 @1
            jump v2
            snapshot @0
              frame code=c9 pc=1 regs=[v3]
            snapshot @1
              frame code=c9 pc=2 regs=[v5, v3]
            "#,
            r#"
            ...
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[false]
            snapshot @1
              frame lang=0 code=c9 pc=2 ret=0 regs=[false, v3]
            "#,
        );
    }
    #[test]
    fn an_exit_replays_the_pending_stores_instead_of_emitting_them() {
        check(
            "heap",
            r#"
            v0 = input 0
            v1 = input 1
            v2 = dict_get v0, "x"
            v3 = int_add v2, 1
            dict_set v0, "x", v3
            v5 = list_len v1
            list_append v1, v3
            exit @0
            snapshot @0
              frame code=c9 pc=7 regs=[v0, v1]
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            v2 = dict_get v0, "x"
            v3 = int_add v2, 1
            v4 = list_len v1
            exit @0
            snapshot @0
              frame lang=0 code=c9 pc=7 ret=0 regs=[v0, v1]
              pending dict_set v0, "x", v3
              pending list_append v1, v3
            "#,
        );
    }
}
