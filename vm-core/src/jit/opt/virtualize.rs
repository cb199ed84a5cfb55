//! Allocation removal (PyPy's `virtualize.py`): objects the trace allocates
//! are not allocated until they escape.
//!
//! `new_list`, `new_dict`, `new_record` and `call new_tuple` make a *virtual* object: the pass
//! tracks its contents (a list's items, a dict's constant keys and values in
//! insertion order, a record's class and fields) and forwards the ops on it:
//! `list_len`, `list_get`/`list_set` at a constant index, `list_append`,
//! `list_pop`, `list_truncate` to a constant, `dict_get`/`dict_set` with a
//! constant key, `get_field`/`set_field` become constants, known values or
//! nothing; so do the `record_class` and `record_len` helper calls on a
//! virtual record, and `tuple_head`, `tuple_len` and `tuple_get` (constant
//! index) on a virtual tuple. A virtual may hold other virtuals. `same` with a virtual operand
//! is decided (a virtual is only ever itself), and `guard_tag` of a virtual
//! is dropped when its tag is the virtual's kind. Integer arithmetic on two
//! constants is folded here, so `list_get l, (int_sub (list_len l), 1)`
//! resolves within this one pass.
//!
//! A virtual *escapes* when it is used in any other way: stored into a
//! non-virtual object, passed to a call, to `jump` or `label`, a dict op with
//! a non-constant key, a guard other than the ones above, any other operand.
//! It is then *materialised* right there: the allocation and the stores that
//! rebuild its current contents are emitted (all objects reachable from it
//! that are still virtual come along; cycles are closed with stores after the
//! allocations), and from then on it is an ordinary object.
//!
//! Snapshots that refer to a virtual get a [`Virtual`] entry describing its
//! contents at that guard, recursively (`SnapValue::Virtual`); a failing
//! guard builds it. Entries a snapshot already had keep their indices; new
//! ones are appended. Pending writes (from the heap cache) naming a virtual
//! are replayed on the built object after it is built.
//!
//! At a `label` after the start of the trace (a peeled loop), every virtual
//! that the loop refers to is materialised before the label: the pass does
//! not track contents across a back-edge.
//!
//! **Guarantees at the end:** the trace means the same; every allocation left
//! in it is of an object that escaped, emitted at its first escape; no op
//! reads or writes an object that is still virtual.

use gc_arena::Mutation;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::heap::Key;
use crate::jit::ir::{
    Inst, IntOp, Op, PendingWrite, Ref, SnapId, SnapValue, Snapshot, TraceIr, Virtual,
};
use crate::meta::{NEW_TUPLE, RECORD_CLASS, RECORD_LEN, TUPLE_GET, TUPLE_HEAD, TUPLE_LEN};
use crate::value::{Tag, Value};

/// Runs allocation removal over `t`.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let old = std::mem::take(t);
    let mut v = Virtualize::new(&old);
    for i in 0..old.ops.len() {
        v.step(i);
    }
    *t = v.out;
}

/// A value during the pass: a ref of the output, or a virtual object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Val {
    Ref(Ref),
    Virt(usize),
}

#[derive(Clone, Debug)]
enum VObj {
    List(Vec<Val>),
    Dict(Vec<(Ref, Val)>),
    Record(Ref, Vec<Val>),
    /// A `new_tuple`: the head, then the arguments (never changed).
    Tuple(Vec<Val>),
}

impl VObj {
    fn tag(&self) -> Tag {
        match self {
            VObj::List(_) => Tag::List,
            VObj::Dict(_) => Tag::Dict,
            VObj::Record(..) => Tag::Record,
            VObj::Tuple(_) => Tag::Tuple,
        }
    }
    fn children(&self) -> Vec<Val> {
        match self {
            VObj::List(xs) | VObj::Tuple(xs) => xs.clone(),
            VObj::Dict(es) => es.iter().map(|(_, v)| *v).collect(),
            VObj::Record(_, fs) => fs.clone(),
        }
    }
}

struct Virt {
    obj: VObj,
    /// The allocation, once materialised.
    done: Option<Ref>,
}

struct Virtualize<'a, 'gc> {
    old: &'a TraceIr<'gc>,
    out: TraceIr<'gc>,
    /// Old op index → its value.
    map: Vec<Val>,
    virts: Vec<Virt>,
    /// Constant → the first constant with an equal [`Key`].
    keys: FxHashMap<Ref, Ref>,
    /// Old snapshot → copies made of it.
    snaps: FxHashMap<SnapId, Vec<SnapId>>,
}

impl<'a, 'gc> Virtualize<'a, 'gc> {
    fn new(old: &'a TraceIr<'gc>) -> Self {
        Virtualize {
            old,
            out: TraceIr {
                ops: Vec::new(),
                consts: old.consts.clone(),
                snapshots: Vec::new(),
                fuel_cost: old.fuel_cost,
            },
            map: Vec::with_capacity(old.ops.len()),
            virts: Vec::new(),
            keys: FxHashMap::default(),
            snaps: FxHashMap::default(),
        }
    }

    fn resolve(&self, v: Val) -> Val {
        match v {
            Val::Virt(id) => match self.virts[id].done {
                Some(r) => Val::Ref(r),
                None => v,
            },
            v => v,
        }
    }

    /// The value of old ref `r`.
    fn val(&self, r: Ref) -> Val {
        if r.is_const() {
            Val::Ref(r)
        } else {
            self.resolve(self.map[r.index()])
        }
    }

    /// The id of the live virtual old ref `r` names, if it names one.
    fn virt(&self, r: Ref) -> Option<usize> {
        match self.val(r) {
            Val::Virt(id) => Some(id),
            Val::Ref(_) => None,
        }
    }

    /// A ref for `v`, materialising it if it is virtual (it escapes).
    fn need_val(&mut self, v: Val) -> Ref {
        match self.resolve(v) {
            Val::Ref(r) => r,
            Val::Virt(id) => self.materialise(id),
        }
    }

    fn need(&mut self, r: Ref) -> Ref {
        let v = self.val(r);
        self.need_val(v)
    }

    /// The int constant old ref `r` is, if it is one.
    fn int(&self, r: Ref) -> Option<i64> {
        match self.val(r) {
            Val::Ref(x) => self.out.as_int(x),
            Val::Virt(_) => None,
        }
    }

    /// The canonical constant for a dict key, if `k` is a constant.
    fn key(&mut self, k: Ref) -> Option<Ref> {
        let Val::Ref(k) = self.val(k) else {
            return None;
        };
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

    fn emit(&mut self, op: Op) -> Ref {
        self.out.push(op, None)
    }

    fn new_virt(&mut self, obj: VObj) -> Val {
        self.virts.push(Virt { obj, done: None });
        Val::Virt(self.virts.len() - 1)
    }

    /// Emits the allocation of virtual `id` and of every virtual reachable
    /// from it, then the stores that give them their contents.
    fn materialise(&mut self, id: usize) -> Ref {
        if let Some(r) = self.virts[id].done {
            return r;
        }
        let mut order = Vec::new();
        let mut seen = FxHashSet::default();
        let mut stack = vec![id];
        while let Some(v) = stack.pop() {
            if self.virts[v].done.is_some() || !seen.insert(v) {
                continue;
            }
            order.push(v);
            for c in self.virts[v].obj.children() {
                if let Val::Virt(j) = c {
                    stack.push(j);
                }
            }
        }
        let none = self.out.konst(Value::None);
        let mut fixups = Vec::new();
        for &v in &order {
            let op = match &self.virts[v].obj {
                // Built below, once the objects they hold exist.
                VObj::Tuple(_) => continue,
                VObj::List(_) => Op::NewList,
                VObj::Dict(_) => Op::NewDict,
                VObj::Record(c, fs) => {
                    let fields = fs
                        .iter()
                        .enumerate()
                        .map(|(i, f)| match self.resolve(*f) {
                            Val::Ref(r) => r,
                            Val::Virt(j) => {
                                fixups.push((v, i as u32, j));
                                none
                            }
                        })
                        .collect();
                    Op::NewRecord(*c, fields)
                }
            };
            let r = self.emit(op);
            self.virts[v].done = Some(r);
        }
        self.build_tuples(&order);
        for &v in &order {
            let r = self.virts[v].done.expect("allocated");
            match self.virts[v].obj.clone() {
                VObj::List(items) => {
                    for it in items {
                        let x = self.need_val(it);
                        self.emit(Op::ListAppend(r, x));
                    }
                }
                VObj::Dict(entries) => {
                    for (k, it) in entries {
                        let x = self.need_val(it);
                        self.emit(Op::DictSet(r, k, x));
                    }
                }
                VObj::Record(..) | VObj::Tuple(_) => {}
            }
        }
        for (v, i, j) in fixups {
            let r = self.virts[v].done.expect("allocated");
            let x = self.need_val(Val::Virt(j));
            self.emit(Op::SetField(r, i, x));
        }
        self.virts[id].done.expect("allocated")
    }

    /// Emits the `new_tuple` of each virtual tuple of `order` (in which
    /// every other virtual is allocated already), the tuples among its
    /// parts first. Tuples are acyclic among themselves: a tuple's parts
    /// existed before it.
    fn build_tuples(&mut self, order: &[usize]) {
        for &v in order {
            let mut stack = vec![v];
            while let Some(&top) = stack.last() {
                let VObj::Tuple(parts) = &self.virts[top].obj else {
                    stack.pop();
                    continue;
                };
                if self.virts[top].done.is_some() {
                    stack.pop();
                    continue;
                }
                let parts: Vec<Val> = parts.iter().map(|p| self.resolve(*p)).collect();
                let waiting: Vec<usize> = parts
                    .iter()
                    .filter_map(|p| match p {
                        Val::Virt(j) => Some(*j),
                        Val::Ref(_) => None,
                    })
                    .collect();
                if waiting.is_empty() {
                    let args = parts
                        .iter()
                        .map(|p| match p {
                            Val::Ref(r) => *r,
                            Val::Virt(_) => unreachable!("parts are built"),
                        })
                        .collect();
                    let r = self.emit(Op::Call(&NEW_TUPLE, args));
                    self.virts[top].done = Some(r);
                    stack.pop();
                } else {
                    stack.extend(waiting);
                }
            }
        }
    }

    // ---- snapshots ----

    /// `v` as a snapshot value, describing virtuals in `table`.
    fn snap_val(
        &self,
        v: Val,
        out: &mut Vec<Virtual>,
        table: &mut FxHashMap<usize, u32>,
    ) -> SnapValue {
        match self.resolve(v) {
            Val::Ref(r) => SnapValue::Ref(r),
            Val::Virt(id) => {
                if let Some(i) = table.get(&id) {
                    return SnapValue::Virtual(*i);
                }
                let i = out.len() as u32;
                table.insert(id, i);
                out.push(Virtual::List(Vec::new()));
                let entry = match &self.virts[id].obj {
                    VObj::List(items) => Virtual::List(
                        items
                            .iter()
                            .map(|x| self.snap_val(*x, out, table))
                            .collect(),
                    ),
                    VObj::Dict(entries) => Virtual::Dict(
                        entries
                            .iter()
                            .map(|(k, x)| (*k, self.snap_val(*x, out, table)))
                            .collect(),
                    ),
                    VObj::Record(c, fs) => Virtual::Record(
                        SnapValue::Ref(*c),
                        fs.iter().map(|x| self.snap_val(*x, out, table)).collect(),
                    ),
                    VObj::Tuple(parts) => Virtual::Tuple(
                        parts
                            .iter()
                            .map(|x| self.snap_val(*x, out, table))
                            .collect(),
                    ),
                };
                out[i as usize] = entry;
                SnapValue::Virtual(i)
            }
        }
    }

    fn snapshot(&mut self, old_snap: SnapId) -> SnapId {
        let old = &self.old.snapshots[old_snap as usize];
        let mut virtuals = old.virtuals.clone();
        let mut table = FxHashMap::default();
        let mut conv = |s: SnapValue, virtuals: &mut Vec<Virtual>| match s {
            SnapValue::Ref(r) => self.snap_val(self.val(r), virtuals, &mut table),
            v => v,
        };
        let mut frames = old.frames.clone();
        for f in &mut frames {
            for reg in &mut f.regs {
                *reg = conv(*reg, &mut virtuals);
            }
        }
        for i in 0..old.virtuals.len() {
            let entry = match &old.virtuals[i] {
                Virtual::List(xs) => {
                    Virtual::List(xs.iter().map(|x| conv(*x, &mut virtuals)).collect())
                }
                Virtual::Dict(es) => Virtual::Dict(
                    es.iter()
                        .map(|(k, x)| (*k, conv(*x, &mut virtuals)))
                        .collect(),
                ),
                Virtual::Record(c, fs) => Virtual::Record(
                    conv(*c, &mut virtuals),
                    fs.iter().map(|x| conv(*x, &mut virtuals)).collect(),
                ),
                Virtual::Tuple(xs) => {
                    Virtual::Tuple(xs.iter().map(|x| conv(*x, &mut virtuals)).collect())
                }
            };
            virtuals[i] = entry;
        }
        let pending = old
            .pending
            .iter()
            .map(|p| match *p {
                PendingWrite::DictSet(a, b, c) => PendingWrite::DictSet(
                    conv(a, &mut virtuals),
                    conv(b, &mut virtuals),
                    conv(c, &mut virtuals),
                ),
                PendingWrite::ListSet(a, b, c) => PendingWrite::ListSet(
                    conv(a, &mut virtuals),
                    conv(b, &mut virtuals),
                    conv(c, &mut virtuals),
                ),
                PendingWrite::ListAppend(a, b) => {
                    PendingWrite::ListAppend(conv(a, &mut virtuals), conv(b, &mut virtuals))
                }
                PendingWrite::ListTruncate(a, b) => {
                    PendingWrite::ListTruncate(conv(a, &mut virtuals), conv(b, &mut virtuals))
                }
                PendingWrite::SetField(a, k, b) => {
                    PendingWrite::SetField(conv(a, &mut virtuals), k, conv(b, &mut virtuals))
                }
            })
            .collect();
        let mut s = Snapshot {
            frames,
            virtuals,
            pending,
        };
        prune(&mut s);
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

    /// Emits `op` with every operand made real.
    fn escape(&mut self, op: &Op, snap: Option<SnapId>) -> Val {
        let mut op = op.clone();
        let mut args = Vec::new();
        op.for_each_arg(|r| args.push(r));
        let refs: Vec<Ref> = args.into_iter().map(|r| self.need(r)).collect();
        let mut it = refs.into_iter();
        op.map_args(|_| it.next().expect("operand"));
        let s = snap.map(|s| self.snapshot(s));
        Val::Ref(self.out.push(op, s))
    }

    fn step(&mut self, i: usize) {
        let old = self.old;
        let Inst { op, snap } = &old.ops[i];
        let res = self.visit(i, op, *snap);
        self.map.push(res);
    }

    fn visit(&mut self, i: usize, op: &Op, snap: Option<SnapId>) -> Val {
        let nothing = Val::Ref(Ref::op(0));
        match *op {
            Op::NewList => self.new_virt(VObj::List(Vec::new())),
            Op::NewDict => self.new_virt(VObj::Dict(Vec::new())),
            Op::NewRecord(c, ref fs) => {
                let c = self.need(c);
                let fs = fs.iter().map(|f| self.val(*f)).collect();
                self.new_virt(VObj::Record(c, fs))
            }
            Op::ListLen(l) => match self.virt(l) {
                Some(id) => match &self.virts[id].obj {
                    VObj::List(xs) => {
                        let n = xs.len() as i64;
                        Val::Ref(self.out.konst(Value::Int(n)))
                    }
                    _ => self.escape(op, snap),
                },
                None => self.escape(op, snap),
            },
            Op::ListGet(l, idx) => {
                if let (Some(id), Some(k)) = (self.virt(l), self.int(idx)) {
                    if let VObj::List(xs) = &self.virts[id].obj {
                        if let Some(x) = usize::try_from(k).ok().and_then(|k| xs.get(k)) {
                            return *x;
                        }
                    }
                }
                self.escape(op, snap)
            }
            Op::ListSet(l, idx, v) => {
                let x = self.val(v);
                if let (Some(id), Some(k)) = (self.virt(l), self.int(idx)) {
                    if let VObj::List(xs) = &mut self.virts[id].obj {
                        if let Some(slot) = usize::try_from(k).ok().and_then(|k| xs.get_mut(k)) {
                            *slot = x;
                            return nothing;
                        }
                    }
                }
                self.escape(op, snap)
            }
            Op::ListAppend(l, v) => {
                let x = self.val(v);
                if let Some(id) = self.virt(l) {
                    if let VObj::List(xs) = &mut self.virts[id].obj {
                        xs.push(x);
                        return nothing;
                    }
                }
                self.escape(op, snap)
            }
            Op::ListPop(l) => {
                if let Some(id) = self.virt(l) {
                    if let VObj::List(xs) = &mut self.virts[id].obj {
                        if let Some(x) = xs.pop() {
                            return x;
                        }
                    }
                }
                self.escape(op, snap)
            }
            Op::ListTruncate(l, n) => {
                if let (Some(id), Some(n)) = (self.virt(l), self.int(n)) {
                    if let VObj::List(xs) = &mut self.virts[id].obj {
                        xs.truncate(n.max(0) as usize);
                        return nothing;
                    }
                }
                self.escape(op, snap)
            }
            Op::DictGet(d, k) => {
                if let (Some(id), Some(k)) = (self.virt(d), self.key(k)) {
                    if let VObj::Dict(es) = &self.virts[id].obj {
                        return match es.iter().find(|(key, _)| *key == k) {
                            Some((_, x)) => *x,
                            None => Val::Ref(self.out.konst(Value::Absent)),
                        };
                    }
                }
                self.escape(op, snap)
            }
            Op::DictSet(d, k, v) => {
                let x = self.val(v);
                if let (Some(id), Some(k)) = (self.virt(d), self.key(k)) {
                    if let VObj::Dict(es) = &mut self.virts[id].obj {
                        match es.iter_mut().find(|(key, _)| *key == k) {
                            Some(e) => e.1 = x,
                            None => es.push((k, x)),
                        }
                        return nothing;
                    }
                }
                self.escape(op, snap)
            }
            Op::GetField(r, f) => {
                if let Some(id) = self.virt(r) {
                    if let VObj::Record(_, fs) = &self.virts[id].obj {
                        if let Some(x) = fs.get(f as usize) {
                            return *x;
                        }
                    }
                }
                self.escape(op, snap)
            }
            Op::SetField(r, f, v) => {
                let x = self.val(v);
                if let Some(id) = self.virt(r) {
                    if let VObj::Record(_, fs) = &mut self.virts[id].obj {
                        if let Some(slot) = fs.get_mut(f as usize) {
                            *slot = x;
                            return nothing;
                        }
                    }
                }
                self.escape(op, snap)
            }
            Op::Same(a, b) => {
                let (x, y) = (self.val(a), self.val(b));
                if matches!(x, Val::Virt(_)) || matches!(y, Val::Virt(_)) {
                    return Val::Ref(self.out.konst(Value::Bool(x == y)));
                }
                self.escape(op, snap)
            }
            Op::GuardTag(a, tag) => match self.virt(a) {
                Some(id) if self.virts[id].obj.tag() == tag => nothing,
                _ => self.escape(op, snap),
            },
            Op::Int(o, a, b) => match (self.int(a), self.int(b)) {
                (Some(x), Some(y))
                    if matches!(
                        o,
                        IntOp::Add | IntOp::Sub | IntOp::Mul | IntOp::And | IntOp::Or | IntOp::Xor
                    ) =>
                {
                    Val::Ref(self.out.konst(Value::Int(o.eval(x, y))))
                }
                _ => self.escape(op, snap),
            },
            Op::IntOvf(o, a, b) => match (self.int(a), self.int(b)) {
                (Some(x), Some(y)) if o.eval(x, y).is_some() => {
                    let z = o.eval(x, y).expect("no overflow");
                    Val::Ref(self.out.konst(Value::Int(z)))
                }
                _ => self.escape(op, snap),
            },
            Op::Call(h, ref args) if *h == NEW_TUPLE && !args.is_empty() => {
                let parts = args.iter().map(|a| self.val(*a)).collect();
                self.new_virt(VObj::Tuple(parts))
            }
            // A tuple never changes: its parts answer these.
            Op::Call(h, ref args) if *h == TUPLE_HEAD || *h == TUPLE_LEN || *h == TUPLE_GET => {
                if let Some(id) = args.first().and_then(|a| self.virt(*a)) {
                    if let VObj::Tuple(parts) = &self.virts[id].obj {
                        if *h == TUPLE_HEAD {
                            return parts[0];
                        }
                        if *h == TUPLE_LEN {
                            let n = parts.len() as i64 - 1;
                            return Val::Ref(self.out.konst(Value::Int(n)));
                        }
                        let k = args.get(1).and_then(|i| self.int(*i));
                        if let Some(x) = k
                            .and_then(|k| usize::try_from(k).ok())
                            .and_then(|k| parts.get(k + 1))
                        {
                            return *x;
                        }
                    }
                }
                self.escape(op, snap)
            }
            // A record's class and length never change: known for a virtual
            // one without building it.
            Op::Call(h, ref args) if *h == RECORD_CLASS || *h == RECORD_LEN => {
                if let Some(id) = args.first().and_then(|a| self.virt(*a)) {
                    if let VObj::Record(c, fs) = &self.virts[id].obj {
                        return Val::Ref(if *h == RECORD_CLASS {
                            *c
                        } else {
                            let n = fs.len() as i64;
                            self.out.konst(Value::Int(n))
                        });
                    }
                }
                self.escape(op, snap)
            }
            Op::Label(_) => {
                // Whatever the loop uses must exist before the back-edge target.
                let old = self.old;
                let mut used = Vec::new();
                for inst in &old.ops[i + 1..] {
                    inst.op.for_each_arg(|r| used.push(r));
                    if let Some(s) = inst.snap {
                        old.snapshots[s as usize].for_each_ref(|r| used.push(r));
                    }
                }
                for r in used {
                    if !r.is_const() && r.index() < i {
                        self.need(r);
                    }
                }
                self.escape(op, snap)
            }
            _ => self.escape(op, snap),
        }
    }
}

/// Drops from a snapshot the virtuals nothing reachable refers to, and the
/// pending writes to them: an exit would build objects no one can see.
fn prune(s: &mut Snapshot) {
    fn virt(v: &SnapValue) -> Option<usize> {
        match v {
            SnapValue::Virtual(i) => Some(*i as usize),
            SnapValue::Ref(_) => None,
        }
    }
    fn parts(p: &PendingWrite) -> (SnapValue, Vec<SnapValue>) {
        match *p {
            PendingWrite::DictSet(a, b, c) | PendingWrite::ListSet(a, b, c) => (a, vec![b, c]),
            PendingWrite::ListAppend(a, b) | PendingWrite::ListTruncate(a, b) => (a, vec![b]),
            PendingWrite::SetField(a, _, b) => (a, vec![b]),
        }
    }
    let n = s.virtuals.len();
    let mut live = vec![false; n];
    let mut work: Vec<usize> = s
        .frames
        .iter()
        .flat_map(|f| f.regs.iter().filter_map(virt))
        .collect();
    let mut done_pending = vec![false; s.pending.len()];
    loop {
        while let Some(i) = work.pop() {
            if i >= n || live[i] {
                continue;
            }
            live[i] = true;
            let inner: Vec<SnapValue> = match &s.virtuals[i] {
                Virtual::List(xs) | Virtual::Tuple(xs) => xs.clone(),
                Virtual::Dict(es) => es.iter().map(|(_, v)| *v).collect(),
                Virtual::Record(c, fs) => std::iter::once(*c).chain(fs.iter().copied()).collect(),
            };
            work.extend(inner.iter().filter_map(virt));
        }
        // A pending write to a live or real object makes what it stores live.
        let mut more = false;
        for (j, p) in s.pending.iter().enumerate() {
            let (target, vals) = parts(p);
            if !done_pending[j] && virt(&target).is_none_or(|i| i >= n || live[i]) {
                done_pending[j] = true;
                work.extend(vals.iter().filter_map(virt));
                more = true;
            }
        }
        if !more && work.is_empty() {
            break;
        }
    }
    if live.iter().all(|l| *l) {
        return;
    }
    let mut new_index = vec![0u32; n];
    let mut next = 0;
    for i in 0..n {
        new_index[i] = next;
        next += live[i] as u32;
    }
    let renum = |v: &mut SnapValue| {
        if let SnapValue::Virtual(i) = v {
            *i = new_index[*i as usize];
        }
    };
    let mut pending = std::mem::take(&mut s.pending);
    let mut j = 0;
    pending.retain(|_| {
        j += 1;
        done_pending[j - 1]
    });
    let old = std::mem::take(&mut s.virtuals);
    s.virtuals = old
        .into_iter()
        .zip(&live)
        .filter(|(_, l)| **l)
        .map(|(v, _)| v)
        .collect();
    for f in &mut s.frames {
        f.regs.iter_mut().for_each(renum);
    }
    for v in &mut s.virtuals {
        match v {
            Virtual::List(xs) | Virtual::Tuple(xs) => xs.iter_mut().for_each(renum),
            Virtual::Dict(es) => es.iter_mut().for_each(|(_, x)| renum(x)),
            Virtual::Record(c, fs) => {
                renum(c);
                fs.iter_mut().for_each(renum)
            }
        }
    }
    for p in &mut pending {
        match p {
            PendingWrite::DictSet(a, b, c) | PendingWrite::ListSet(a, b, c) => {
                renum(a);
                renum(b);
                renum(c)
            }
            PendingWrite::ListAppend(a, b)
            | PendingWrite::ListTruncate(a, b)
            | PendingWrite::SetField(a, _, b) => {
                renum(a);
                renum(b)
            }
        }
    }
    s.pending = pending;
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    #[test]
    fn a_frame_dict_and_stack_that_do_not_escape_vanish() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_dict
            v4 = new_list
            dict_set v3, "a", v2
            list_append v4, 1
            v7 = dict_get v3, "a"
            list_append v4, v7
            v9 = list_len v4
            v10 = int_sub v9, 1
            v11 = list_get v4, v10
            v12 = int_sub v9, 2
            v13 = list_get v4, v12
            v14 = int_add_ovf v13, v11 @0
            list_truncate v4, v12
            v16 = dict_get v3, "b"
            guard_tag v16, absent @1
            v18 = same v3, v4
            guard_false v18 @1
            guard_tag v4, list @1
            jump v14
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = int_add_ovf 1, v2 @0
            guard_tag absent, absent @1
            guard_false false @1
            jump v3
            snapshot @0
            snapshot @1
            "#,
        );
    }

    /// lang-py request 13: asking a record allocated in the trace for its
    /// class or length does not make it escape.
    #[test]
    fn the_class_and_length_of_a_virtual_record_are_known() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = new_record v3, v4, 2
            v6 = call record_class, v5
            v7 = call record_len, v5
            v8 = get_field v5, #0
            v9 = call record_class, v8
            jump v6, v7, v9
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = call record_class, v4
            jump v3, 2, v5
            "#,
        );
    }

    #[test]
    fn a_virtual_escaping_into_jump_is_materialised_there() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_list
            list_append v3, v2
            v5 = new_record c9, v3, 1
            set_field v5, #1, 2
            guard_true v2 @0
            jump v5
            snapshot @0
              frame code=c9 pc=1 regs=[v5, v3]
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            guard_true v2 @0
            v4 = new_record c9, none, 2
            v5 = new_list
            list_append v5, v2
            set_field v4, #0, v5
            jump v4
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[virt0, virt1]
              virtual 0 = record c9 [virt1, 2]
              virtual 1 = list [v2]
            "#,
        );
    }

    #[test]
    fn a_virtual_stored_into_a_real_object_escapes() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_dict
            dict_set v3, "k", 5
            dict_set v2, "frame", v3
            dict_set v3, "k", 6
            v7 = dict_get v3, "k"
            jump v7
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_dict
            dict_set v3, "k", 5
            dict_set v2, "frame", v3
            dict_set v3, "k", 6
            v7 = dict_get v3, "k"
            jump v7
            "#,
        );
    }

    #[test]
    fn a_virtual_passed_to_a_call_escapes() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_record c9, v2
            v4 = get_field v3, #0
            v5 = call read_fn, v3
            jump v4
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_record c9, v2
            v4 = call read_fn, v3
            jump v2
            "#,
        );
    }

    /// pl6 request 2: a tuple built in the trace and taken apart in it
    /// (`'[|]'(X, L)` built by one clause, unified by the next) is never
    /// allocated; a guard's snapshot describes it (and the tuple inside it).
    #[test]
    fn a_tuple_taken_apart_in_the_trace_is_not_allocated() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = call new_tuple, "f", v3
            v6 = call new_tuple, ".", v5, v4
            guard_tag v6, tuple @0
            v8 = call tuple_get, v6, 0
            v9 = call tuple_get, v8, 0
            v10 = call tuple_len, v6
            v11 = call tuple_head, v8
            v12 = same v6, v4
            guard_false v12 @1
            jump v9, v4
            snapshot @0
              frame code=c9 pc=1 regs=[v6]
            snapshot @1
              frame code=c9 pc=2 regs=[v6, v10, v11]
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            guard_false false @0
            jump v3, v4
            snapshot @0
              frame lang=0 code=c9 pc=2 ret=0 regs=[virt0, 2, "f"]
              virtual 0 = tuple [".", virt1, v4]
              virtual 1 = tuple ["f", v3]
            "#,
        );
    }

    /// An escaping tuple is built where it escapes, after the tuples and
    /// records it holds; a record holding it gets it by a store (the
    /// record was allocated first), and a tuple read with an index not
    /// known makes it escape.
    #[test]
    fn an_escaping_tuple_is_built_after_its_parts() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_record c9, 0
            v4 = call new_tuple, "g", v3
            set_field v3, #0, v4
            v6 = call new_tuple, "f", v4, v4
            v7 = call tuple_get, v6, v2
            jump v7
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_record c9, none
            v4 = call new_tuple, "g", v3
            v5 = call new_tuple, "f", v4, v4
            set_field v3, #0, v4
            v7 = call tuple_get, v5, v2
            jump v7
            "#,
        );
    }

    #[test]
    fn cycles_and_pending_writes_in_snapshots() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_list
            v4 = new_record c9, v3
            list_append v3, v4
            guard_true v2 @0
            jump v2
            snapshot @0
              frame code=c9 pc=1 regs=[v2]
              virtual 0 = list [v2]
              pending list_append v3, virt0
              pending dict_set v2, "r", v4
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            guard_true v2 @0
            jump v2
            snapshot @0
              frame lang=0 code=c9 pc=1 ret=0 regs=[v2]
              virtual 0 = list [v2]
              virtual 1 = list [virt2]
              virtual 2 = record c9 [virt1]
              pending list_append virt1, virt0
              pending dict_set v2, "r", virt2
            "#,
        );
    }

    #[test]
    fn a_dict_op_with_an_unknown_key_materialises_in_insertion_order() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_dict
            dict_set v3, "b", 1
            dict_set v3, "a", 2
            dict_set v3, "b", 3
            v7 = dict_get v3, v2
            jump v7
            "#,
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = new_dict
            dict_set v3, "b", 3
            dict_set v3, "a", 2
            v6 = dict_get v3, v2
            jump v6
            "#,
        );
    }

    #[test]
    fn virtuals_used_after_a_mid_trace_label_are_built_before_it() {
        check(
            "virtualize",
            r#"
            v0 = input 0
            v1 = new_list
            list_append v1, v0
            v3 = new_list
            label v0
            v5 = param 0
            v6 = list_get v1, 0
            jump v6
            "#,
            r#"
            v0 = input 0
            v1 = new_list
            list_append v1, v0
            label v0
            v4 = param 0
            v5 = list_get v1, 0
            jump v5
            "#,
        );
    }
}
