//! Tools the passes share for rewriting a trace: a forward rebuild that maps
//! old refs to new ones, use counts, and removal of dead ops with renumbering.

use crate::jit::ir::{Inst, Ref, SnapId, TraceIr};

/// A ref that names nothing: what a removed op's uses are mapped to
/// (`opt::verify` rejects it).
pub fn invalid_ref() -> Ref {
    Ref::op((1 << 31) - 1)
}

/// Rebuilds the op list in one forward walk: the pass takes the old ops,
/// emits new ones into `t.ops`, and says for each old op with a result which
/// new ref now holds it. Refs in later ops are mapped with [`Rebuild::get`];
/// [`Rebuild::finish`] maps the snapshots.
pub struct Rebuild {
    map: Vec<Option<Ref>>,
}

impl Rebuild {
    /// Takes the ops out of `t` (which then starts empty) for a forward walk.
    pub fn start(t: &mut TraceIr<'_>) -> (Rebuild, Vec<Inst>) {
        let old = std::mem::take(&mut t.ops);
        let map = vec![None; old.len()];
        (Rebuild { map }, old)
    }

    /// The new ref for old ref `r` (constants are unchanged).
    pub fn get(&self, r: Ref) -> Ref {
        if r.is_const() {
            return r;
        }
        self.map
            .get(r.index())
            .copied()
            .flatten()
            .unwrap_or_else(invalid_ref)
    }

    /// Appends `inst` as the new form of old op `old`; returns its ref.
    pub fn emit(&mut self, t: &mut TraceIr<'_>, old: usize, inst: Inst) -> Ref {
        t.ops.push(inst);
        let r = Ref::op(t.ops.len() - 1);
        self.map[old] = Some(r);
        r
    }

    /// Old op `old` is gone; its result is `r` (an earlier new op or a constant).
    pub fn replace(&mut self, old: usize, r: Ref) {
        self.map[old] = Some(r);
    }

    /// Maps the refs of every snapshot.
    pub fn finish(self, t: &mut TraceIr<'_>) {
        for s in &mut t.snapshots {
            s.map_refs(|r| self.get(r));
        }
    }
}

/// Which snapshots some op uses.
pub fn used_snapshots(t: &TraceIr<'_>) -> Vec<bool> {
    let mut used = vec![false; t.snapshots.len()];
    for i in &t.ops {
        if let Some(s) = i.snap.and_then(|s| used.get_mut(s as usize)) {
            *s = true;
        }
    }
    used
}

/// How many times each op's result is used: by each operand of an op (label
/// and jump arguments included), and by each mention in a snapshot some op uses.
pub fn use_counts(t: &TraceIr<'_>) -> Vec<u32> {
    let mut n = vec![0u32; t.ops.len()];
    let mut count = |r: Ref| {
        if !r.is_const() {
            if let Some(c) = n.get_mut(r.index()) {
                *c += 1;
            }
        }
    };
    for i in &t.ops {
        i.op.for_each_arg(&mut count);
    }
    for (s, used) in t.snapshots.iter().zip(used_snapshots(t)) {
        if used {
            s.for_each_ref(&mut count);
        }
    }
    n
}

/// How many times snapshot `s` mentions `r`.
pub fn mentions(t: &TraceIr<'_>, s: SnapId, r: Ref) -> u32 {
    let mut n = 0;
    if let Some(s) = t.snapshots.get(s as usize) {
        s.for_each_ref(|x| n += (x == r) as u32);
    }
    n
}

/// Removes the ops marked `dead` and renumbers the rest. No remaining op and
/// no snapshot that an op uses may refer to a dead op; a snapshot no op uses
/// that still refers to one is emptied.
pub fn remove_ops(t: &mut TraceIr<'_>, dead: &[bool]) {
    if !dead.iter().any(|d| *d) {
        return;
    }
    let used = used_snapshots(t);
    for (s, used) in t.snapshots.iter_mut().zip(used) {
        let mut refers = false;
        s.for_each_ref(|r| refers |= !r.is_const() && dead.get(r.index()) == Some(&true));
        if refers {
            debug_assert!(!used, "a used snapshot refers to a removed op");
            *s = Default::default();
        }
    }
    let (mut rb, old) = Rebuild::start(t);
    for (i, mut inst) in old.into_iter().enumerate() {
        if dead.get(i) == Some(&true) {
            continue;
        }
        inst.op.map_args(|r| rb.get(r));
        rb.emit(t, i, inst);
    }
    rb.finish(t);
}

/// Removes the snapshots no op uses and renumbers the rest, keeping their order.
pub fn remove_unused_snapshots(t: &mut TraceIr<'_>) {
    let used = used_snapshots(t);
    let mut new_id = vec![0 as SnapId; used.len()];
    let mut next = 0;
    for (i, u) in used.iter().enumerate() {
        new_id[i] = next;
        next += *u as SnapId;
    }
    let old = std::mem::take(&mut t.snapshots);
    t.snapshots = old
        .into_iter()
        .zip(&used)
        .filter_map(|(s, u)| u.then_some(s))
        .collect();
    for i in &mut t.ops {
        if let Some(s) = &mut i.snap {
            if let Some(n) = new_id.get(*s as usize) {
                *s = *n;
            }
        }
    }
}
