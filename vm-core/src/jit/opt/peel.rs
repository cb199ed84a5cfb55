//! Loop peeling with invariant hoisting (PyPy's `unroll.py`, simplified).
//!
//! Takes a loop `inputs; label(args); params; body; jump(next)` and makes
//! `inputs; PREAMBLE; label(args'); params'; LOOP; jump(next')`:
//!
//! 1. **Unroll.** PREAMBLE is the body with the params replaced by the label
//!    arguments; LOOP is a second copy of the body whose params are the
//!    values the preamble passes to its jump. A param the loop passes back
//!    unchanged (`next[k]` is param `k`) is invariant: both copies use the
//!    label argument itself, and it is no longer a param.
//! 2. **Optimise both with one state.** The heap cache runs over the whole
//!    unrolled trace ([`heap::run_peeled`]): at the label it does not forget
//!    what it knows but turns each cached value and each known list length
//!    into an extra label argument / param, so LOOP starts from the state at
//!    the end of PREAMBLE, and pending stores stay pending across the label
//!    and the back-edge (exits replay them). At the jump it passes the values
//!    the cache holds then; where the cache lost one, it emits the load
//!    before the jump (or flushes the pending stores, when the ones at the end
//!    do not match the ones the label assumed). Allocation removal then runs
//!    over the whole trace, building before the label whatever the loop
//!    uses.
//! 3. **Tidy the label.** A param whose jump argument is the param itself is
//!    invariant and becomes its label argument (a value computed once, in the
//!    preamble); two params with the same label argument and the same jump
//!    argument become one. Then tags: a param whose label argument has a
//!    known tag (from the preamble's guards and ops) is assumed to have it
//!    if, under that assumption, every jump passes a value with that tag
//!    (the assumptions that fail are dropped until the rest hold: an
//!    induction over iterations); `guard_tag`s the assumptions and the ops'
//!    result tags make redundant are removed, in the loop and the preamble.
//!
//! Ops after the label are the loop (`label..jump`); those before it, after
//! the inputs, are the preamble and run once. The other passes treat the
//! label as an ordinary op: facts about values defined before it hold after
//! it (SSA), so CSE and guard removal hoist invariant work for free.
//!
//! **Guarantees at the end:** the trace means the same as the input: the
//! preamble is one iteration, the loop every later one, every exit in either
//! replays the writes still pending there; every param varies (its jump
//! argument is not itself). Traces without the shape above (a bridge, an
//! already peeled loop) are left alone.

use gc_arena::Mutation;
use rustc_hash::FxHashMap;

use crate::jit::ir::{Inst, Op, Ref, TraceIr};
use crate::jit::opt::rewrite::remove_ops;
use crate::jit::opt::{heap, virtualize};
use crate::value::Tag;

/// Peels the loop `t`, if it is one.
pub fn run<'gc>(mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let Some(mut p) = unroll(t) else { return };
    if heap::run_peeled(mc, &mut p).is_none() {
        return;
    }
    virtualize::run(mc, &mut p);
    while drop_params(&mut p) {}
    drop_tag_guards(&mut p);
    *t = p;
}

/// The loop's parts: label position, number of params, jump position.
fn shape(t: &TraceIr<'_>) -> Option<(usize, usize, usize)> {
    let lp = t.label_pos()?;
    let Op::Label(args) = &t.ops[lp].op else {
        return None;
    };
    let n = args.len();
    let last = t.ops.len().checked_sub(1)?;
    let Op::Jump(next) = &t.ops[last].op else {
        return None;
    };
    if next.len() != n || lp + n >= last {
        return None;
    }
    let inputs_only = t.ops[..lp].iter().all(|i| matches!(i.op, Op::Input(_)));
    let params_ok = (0..n).all(|k| t.ops[lp + 1 + k].op == Op::Param(k as u32));
    let body_ok = t.ops[lp + 1 + n..last]
        .iter()
        .all(|i| !matches!(i.op, Op::Label(_) | Op::Param(_) | Op::Jump(_) | Op::Exit));
    (inputs_only && params_ok && body_ok).then_some((lp, n, last))
}

/// The unrolled trace: inputs, the body once as preamble, a new label, the
/// body again as the loop, and the jump.
fn unroll<'gc>(t: &TraceIr<'gc>) -> Option<TraceIr<'gc>> {
    let (lp, n, last) = shape(t)?;
    let Op::Label(args) = &t.ops[lp].op else {
        return None;
    };
    let Op::Jump(next) = &t.ops[last].op else {
        return None;
    };
    let invariant: Vec<bool> = (0..n).map(|k| next[k] == Ref::op(lp + 1 + k)).collect();
    let mut u = TraceIr {
        ops: Vec::new(),
        consts: t.consts.clone(),
        snapshots: Vec::new(),
        fuel_cost: t.fuel_cost,
    };
    let mut m: Vec<Ref> = vec![Ref::op(0); t.ops.len()];
    let get = |m: &Vec<Ref>, r: Ref| if r.is_const() { r } else { m[r.index()] };
    for (slot, inst) in m.iter_mut().zip(&t.ops[..lp]) {
        *slot = u.push(inst.op.clone(), None);
    }
    for k in 0..n {
        m[lp + 1 + k] = get(&m, args[k]);
    }
    let copy_body = |u: &mut TraceIr<'gc>, m: &mut Vec<Ref>| {
        // Guards that shared a snapshot share its copy.
        let mut copies: FxHashMap<u32, u32> = FxHashMap::default();
        for i in lp + 1 + n..last {
            let Inst { op, snap } = &t.ops[i];
            let mut op = op.clone();
            op.map_args(|r| get(m, r));
            let snap = snap.map(|s| {
                *copies.entry(s).or_insert_with(|| {
                    let mut s = t.snapshots[s as usize].clone();
                    s.map_refs(|r| get(m, r));
                    u.snapshots.push(s);
                    (u.snapshots.len() - 1) as u32
                })
            });
            m[i] = u.push(op, snap);
        }
    };
    copy_body(&mut u, &mut m);
    let carried: Vec<usize> = (0..n).filter(|k| !invariant[*k]).collect();
    let label_args = carried.iter().map(|&k| get(&m, next[k])).collect();
    u.push(Op::Label(label_args), None);
    let mut params = Vec::new();
    for (j, &k) in carried.iter().enumerate() {
        params.push((k, u.push(Op::Param(j as u32), None)));
    }
    for (k, p) in params {
        m[lp + 1 + k] = p;
    }
    copy_body(&mut u, &mut m);
    let jump_args = carried.iter().map(|&k| get(&m, next[k])).collect();
    u.push(Op::Jump(jump_args), None);
    Some(u)
}

/// Removes invariant params (jump argument = the param) and merges
/// duplicates (same label and jump arguments). Returns whether it changed
/// anything.
fn drop_params(t: &mut TraceIr<'_>) -> bool {
    let Some(lp) = t.label_pos() else {
        return false;
    };
    let last = t.ops.len() - 1;
    let (Op::Label(args), Op::Jump(next)) = (&t.ops[lp].op, &t.ops[last].op) else {
        return false;
    };
    let n = args.len();
    if next.len() != n
        || (0..n).any(|k| t.ops.get(lp + 1 + k).map(|i| &i.op) != Some(&Op::Param(k as u32)))
    {
        return false;
    }
    let param = |k: usize| Ref::op(lp + 1 + k);
    // Param k is replaced by subst[k].
    let mut subst: FxHashMap<usize, Ref> = FxHashMap::default();
    for k in 0..n {
        if next[k] == param(k) {
            subst.insert(k, args[k]);
        }
    }
    if subst.is_empty() {
        'dup: for k in 0..n {
            for j in 0..k {
                if args[j] == args[k] && next[j] == next[k] {
                    subst.insert(k, param(j));
                    break 'dup;
                }
            }
        }
    }
    if subst.is_empty() {
        return false;
    }
    let old = std::mem::take(&mut t.ops);
    let mut m: Vec<Ref> = Vec::with_capacity(old.len());
    let get = |m: &Vec<Ref>, r: Ref| if r.is_const() { r } else { m[r.index()] };
    let keep: Vec<usize> = (0..n).filter(|k| !subst.contains_key(k)).collect();
    for (i, mut inst) in old.into_iter().enumerate() {
        if i > lp && i <= lp + n {
            let k = i - lp - 1;
            if let Some(r) = subst.get(&k) {
                let r = get(&m, *r);
                m.push(r);
                continue;
            }
            let j = keep.iter().position(|x| *x == k).expect("kept param");
            inst.op = Op::Param(j as u32);
        }
        inst.op.map_args(|r| get(&m, r));
        if i == lp || i == last {
            if let Op::Label(xs) | Op::Jump(xs) = &mut inst.op {
                *xs = keep.iter().map(|&k| xs[k]).collect();
            }
        }
        t.ops.push(inst);
        m.push(Ref::op(t.ops.len() - 1));
    }
    for s in &mut t.snapshots {
        s.map_refs(|r| get(&m, r));
    }
    true
}

/// What a guard or an op says about tags, recorded into `facts`.
fn learn(t: &TraceIr<'_>, i: usize, facts: &mut FxHashMap<Ref, Tag>) {
    let op = &t.ops[i].op;
    if let Some(tag) = op.result_tag() {
        facts.insert(Ref::op(i), tag);
    }
    match *op {
        Op::GuardTag(r, tag) => {
            facts.insert(r, tag);
        }
        Op::GuardValue(r, c) => {
            if let Some(v) = t.as_const(c) {
                facts.insert(r, v.tag());
            }
        }
        Op::GuardIntCmp(_, a, b) => {
            facts.insert(a, Tag::Int);
            facts.insert(b, Tag::Int);
        }
        Op::GuardFloatCmp(_, a, b) => {
            facts.insert(a, Tag::Float);
            facts.insert(b, Tag::Float);
        }
        Op::GuardTrue(r) | Op::GuardFalse(r) => {
            facts.insert(r, Tag::Bool);
        }
        _ => {}
    }
}

fn tag_of(t: &TraceIr<'_>, facts: &FxHashMap<Ref, Tag>, r: Ref) -> Option<Tag> {
    match t.as_const(r) {
        Some(v) => Some(v.tag()),
        None => facts.get(&r).copied(),
    }
}

/// Removes the `guard_tag`s whose outcome is known: from the ops' result
/// tags and earlier guards, and in the loop from the tags the params are
/// proven (by induction over iterations) to have.
fn drop_tag_guards(t: &mut TraceIr<'_>) {
    let Some(lp) = t.label_pos() else { return };
    let last = t.ops.len() - 1;
    let (Op::Label(args), Op::Jump(next)) = (t.ops[lp].op.clone(), t.ops[last].op.clone()) else {
        return;
    };
    let n = args.len();
    let mut pre = FxHashMap::default();
    for i in 0..lp {
        learn(t, i, &mut pre);
    }
    let mut assume: Vec<Option<Tag>> = args.iter().map(|a| tag_of(t, &pre, *a)).collect();
    let loop_facts = |assume: &[Option<Tag>]| {
        let mut facts = pre.clone();
        for (k, tag) in assume.iter().enumerate() {
            if let Some(tag) = tag {
                facts.insert(Ref::op(lp + 1 + k), *tag);
            }
        }
        facts
    };
    loop {
        let mut facts = loop_facts(&assume);
        for i in lp + 1 + n..last {
            learn(t, i, &mut facts);
        }
        let mut changed = false;
        for k in 0..n {
            if assume[k].is_some() && tag_of(t, &facts, next[k]) != assume[k] {
                assume[k] = None;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut dead = vec![false; t.ops.len()];
    let mut facts = FxHashMap::default();
    for (i, dead) in dead.iter_mut().enumerate().take(last) {
        if i == lp {
            facts = loop_facts(&assume);
        }
        if let Op::GuardTag(r, tag) = t.ops[i].op {
            if tag_of(t, &facts, r) == Some(tag) {
                *dead = true;
                continue;
            }
        }
        learn(t, i, &mut facts);
    }
    remove_ops(t, &dead);
}

#[cfg(test)]
mod tests {
    use gc_arena::Mutation;

    use crate::jit::ir::TraceIr;
    use crate::jit::ir_parse::parse;
    use crate::jit::ir_print::print;
    use crate::jit::opt;
    use crate::jit::opt::testing::{check, matches, register_test_helpers};

    /// The whole optimiser.
    fn pipeline<'gc>(mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
        opt::optimize(mc, t);
    }

    /// Runs [`pipeline`] over `input`; returns (ops before, loop ops after, text after).
    fn optimise(input: &str) -> (usize, usize, usize, String) {
        register_test_helpers();
        gc_arena::arena::rootless_mutate(|mc| {
            let mut t = parse(mc, input).unwrap();
            opt::verify(&t).unwrap();
            let before = t.work_len();
            pipeline(mc, &mut t);
            opt::verify(&t).unwrap_or_else(|e| panic!("{e}\n{}", print(&t)));
            let lp = t.label_pos().unwrap();
            let in_loop = t.ops[lp..].iter().filter(|i| !i.op.is_structural()).count();
            let preamble = t.ops[..lp].iter().filter(|i| !i.op.is_structural()).count();
            (before, preamble, in_loop, print(&t))
        })
    }

    #[track_caller]
    fn check_pipeline(input: &str, expected: &str) {
        let (_, _, _, out) = optimise(input);
        assert!(
            matches(expected, &out),
            "--- expected\n{expected}\n--- got\n{out}"
        );
    }

    /// The seed interpreter's loop, as recorded: variables in a dict (`v3`),
    /// operands on a list used as a stack (`v4`), instructions
    /// `LOAD_NAME`, `LOAD_CONST`, `COMPARE_LT`, `POP_JUMP_IF_FALSE`,
    /// `BINARY_ADD`, `STORE_NAME`; operands are peeked with `list_len` and
    /// `list_get(len-1)`, `list_get(len-2)`, then dropped with `list_truncate`.
    ///
    /// ```text
    /// while i < n:
    ///     if x < 0: x = x + 1
    ///     else:     x = x + 2
    ///     x = x + 3
    ///     i = i + 1
    /// ```
    const TOY_LOOP: &str = r#"
        v0 = input 0
        v1 = input 1
        label v0, v1
        v3 = param 0
        v4 = param 1
        v5 = dict_get v3, "i"
        guard_tag v5, int @0
        v7 = list_len v4
        list_append v4, v5
        v9 = dict_get v3, "n"
        guard_tag v9, int @1
        v11 = list_len v4
        list_append v4, v9
        v13 = list_len v4
        v14 = int_sub v13, 1
        v15 = list_get v4, v14
        v16 = int_sub v13, 2
        v17 = list_get v4, v16
        guard_tag v17, int @2
        guard_tag v15, int @2
        v20 = int_lt v17, v15
        list_truncate v4, v16
        list_append v4, v20
        v23 = list_len v4
        v24 = int_sub v23, 1
        v25 = list_get v4, v24
        guard_tag v25, bool @3
        guard_true v25 @3
        list_truncate v4, v24
        v29 = dict_get v3, "x"
        guard_tag v29, int @4
        v31 = list_len v4
        list_append v4, v29
        v33 = list_len v4
        list_append v4, 0
        v35 = list_len v4
        v36 = int_sub v35, 1
        v37 = list_get v4, v36
        v38 = int_sub v35, 2
        v39 = list_get v4, v38
        guard_tag v39, int @6
        guard_tag v37, int @6
        v42 = int_lt v39, v37
        list_truncate v4, v38
        list_append v4, v42
        v45 = list_len v4
        v46 = int_sub v45, 1
        v47 = list_get v4, v46
        guard_tag v47, bool @7
        guard_false v47 @7
        list_truncate v4, v46
        v51 = dict_get v3, "x"
        guard_tag v51, int @12
        v53 = list_len v4
        list_append v4, v51
        v55 = list_len v4
        list_append v4, 2
        v57 = list_len v4
        v58 = int_sub v57, 1
        v59 = list_get v4, v58
        v60 = int_sub v57, 2
        v61 = list_get v4, v60
        guard_tag v61, int @14
        guard_tag v59, int @14
        v64 = int_add_ovf v61, v59 @14
        list_truncate v4, v60
        list_append v4, v64
        v67 = list_len v4
        v68 = int_sub v67, 1
        v69 = list_get v4, v68
        list_truncate v4, v68
        dict_set v3, "x", v69
        v72 = dict_get v3, "x"
        guard_tag v72, int @16
        v74 = list_len v4
        list_append v4, v72
        v76 = list_len v4
        list_append v4, 3
        v78 = list_len v4
        v79 = int_sub v78, 1
        v80 = list_get v4, v79
        v81 = int_sub v78, 2
        v82 = list_get v4, v81
        guard_tag v82, int @18
        guard_tag v80, int @18
        v85 = int_add_ovf v82, v80 @18
        list_truncate v4, v81
        list_append v4, v85
        v88 = list_len v4
        v89 = int_sub v88, 1
        v90 = list_get v4, v89
        list_truncate v4, v89
        dict_set v3, "x", v90
        v93 = dict_get v3, "i"
        guard_tag v93, int @20
        v95 = list_len v4
        list_append v4, v93
        v97 = list_len v4
        list_append v4, 1
        v99 = list_len v4
        v100 = int_sub v99, 1
        v101 = list_get v4, v100
        v102 = int_sub v99, 2
        v103 = list_get v4, v102
        guard_tag v103, int @22
        guard_tag v101, int @22
        v106 = int_add_ovf v103, v101 @22
        list_truncate v4, v102
        list_append v4, v106
        v109 = list_len v4
        v110 = int_sub v109, 1
        v111 = list_get v4, v110
        list_truncate v4, v110
        dict_set v3, "i", v111
        fuel @24
        jump v3, v4
        "#;

    /// The snapshots of [`TOY_LOOP`]: instruction `pc` resumes at `pc`.
    fn toy_loop() -> String {
        let mut s = TOY_LOOP.to_string();
        for pc in [
            0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        ] {
            s += &format!("snapshot @{pc}\n  frame code=c9 pc={pc} regs=[v3, v4]\n");
        }
        s
    }

    #[test]
    fn the_toy_interpreter_loop_keeps_no_dict_or_list_op() {
        let (before, preamble, in_loop, out) = optimise(&toy_loop());
        eprintln!("{out}");
        assert_eq!(before, 111, "{out}");
        let lp = out.lines().position(|l| l.starts_with("label")).unwrap();
        let body: Vec<&str> = out
            .lines()
            .skip(lp)
            .take_while(|l| !l.starts_with("snapshot"))
            .collect();
        for op in ["dict_", "list_"] {
            assert!(
                !body.iter().any(|l| l.contains(op)),
                "{op} in the loop:\n{out}"
            );
        }
        assert!(
            matches(
                r#"
                label v11, v10
                v14 = param 0
                v15 = param 1
                guard_lt v14, v4 @7
                guard_ge v15, 0 @8
                v18 = int_add_ovf v15, 5 @9
                v19 = int_add v14, 1
                fuel @10
                jump v19, v18
                "#,
                &body.join("\n")
            ),
            "{out}"
        );
        assert_eq!((preamble, in_loop), (11, 6), "{out}");
        // The exits replay the stores the loop keeps in registers.
        assert!(
            matches(
                r#"
                ...
                snapshot @10
                  frame lang=0 code=c9 pc=24 ret=0 regs=[v0, v1]
                  pending dict_set v0, "x", v18
                  pending dict_set v0, "i", v19
                "#,
                &out
            ),
            "{out}"
        );
    }
    #[test]
    fn a_store_stays_pending_across_the_back_edge() {
        // Peeling alone: the loop gets the cached `x` as a param, the store
        // is never emitted, and the guard on the param's tag is proven away.
        check(
            "peel",
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, "x"
            guard_tag v3, int @0
            v5 = int_add_ovf v3, 1 @0
            dict_set v2, "x", v5
            fuel @1
            jump v2
            "#,
            r#"
            v0 = input 0
            v1 = dict_get v0, "x"
            guard_tag v1, int @0
            v3 = int_add_ovf v1, 1 @0
            fuel @1
            label v3
            v6 = param 0
            v7 = int_add_ovf v6, 1 @2
            fuel @3
            jump v7
            snapshot @0
            snapshot @1
              pending dict_set v0, "x", v3
            snapshot @2
              pending dict_set v0, "x", v6
            snapshot @3
              pending dict_set v0, "x", v7
            "#,
        );
    }

    #[test]
    fn a_loop_invariant_load_is_hoisted_and_the_loop_counter_carried() {
        check_pipeline(
            r#"
            v0 = input 0
            v1 = input 1
            label v0, v1
            v3 = param 0
            v4 = param 1
            v5 = dict_get v3, "n"
            guard_tag v5, int @0
            guard_tag v4, int @0
            guard_lt v4, v5 @0
            v9 = int_add_ovf v4, 1 @0
            fuel @1
            jump v3, v9
            "#,
            r#"
            v0 = input 0
            v1 = input 1
            v2 = dict_get v0, "n"
            guard_tag v2, int @0
            guard_tag v1, int @0
            guard_lt v1, v2 @0
            v6 = int_add v1, 1
            fuel @1
            label v6
            v9 = param 0
            guard_lt v9, v2 @2
            v11 = int_add v9, 1
            fuel @3
            jump v11
            ...
            "#,
        );
    }

    /// bench.php's `mmult` inner loop: `$x += $m[$i][$k]` for `$k` in a
    /// range. The row `$m[$i]` (a read of the outer list at an invariant
    /// index) and both lists' lengths are read once, in the preamble; the
    /// loop reads only the row's item `$k`.
    #[test]
    fn loop_invariant_list_reads_are_done_once_in_the_preamble() {
        let input = r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            v3 = input 3
            label v0, v1, v2, v3
            v5 = param 0
            v6 = param 1
            v7 = param 2
            v8 = param 3
            guard_tag v6, int @0
            guard_tag v7, int @0
            guard_tag v8, int @0
            v12 = list_len v5
            guard_lt v6, v12 @0
            v14 = list_get v5, v6
            guard_tag v14, list @0
            v16 = list_len v14
            guard_lt v7, v16 @1
            v18 = list_get v14, v7
            guard_tag v18, int @1
            v20 = int_add_ovf v8, v18 @2
            v21 = int_add v7, 1
            fuel @3
            jump v5, v6, v21, v20
            "#;
        let (_, _, in_loop, out) = optimise(input);
        let body = loop_body(&out);
        assert!(
            matches(
                r#"
                label v16, v15
                v19 = param 0
                v20 = param 1
                guard_lt v19, v11 @4
                v22 = list_get v9, v19
                guard_tag v22, int @4
                v24 = int_add_ovf v20, v22 @5
                v25 = int_add v19, 1
                fuel @6
                jump v25, v24
                "#,
                &body
            ),
            "{out}"
        );
        assert_eq!(in_loop, 7, "{out}");
    }

    /// The optimised loop of `out`: from its label to the first snapshot.
    fn loop_body(out: &str) -> String {
        out.lines()
            .skip_while(|l| !l.starts_with("label"))
            .take_while(|l| !l.starts_with("snapshot"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A pop of a list that may be the one read forgets the item read by
    /// index: each iteration reads it again, before its pop (a re-read at the
    /// back-edge, after the pop and before the next iteration's checks,
    /// could be out of range).
    #[test]
    fn a_loop_that_pops_rereads_the_item() {
        let input = r#"
            v0 = input 0
            v1 = input 1
            v2 = input 2
            label v0, v1, v2
            v4 = param 0
            v5 = param 1
            v6 = param 2
            guard_tag v5, int @0
            v8 = list_get v4, v5
            guard_tag v8, int @0
            v10 = list_pop v6
            v11 = int_add_ovf v8, 1 @1
            fuel @2
            jump v4, v5, v6
            "#;
        let (_, _, _, out) = optimise(input);
        let body = loop_body(&out);
        // Read where the loop reads it, not re-read at the jump after the pop.
        let get = body.find("list_get").expect("a list_get in the loop");
        let pop = body.find("list_pop").expect("a list_pop in the loop");
        assert!(get < pop, "{out}");
    }

    #[test]
    fn a_call_that_writes_the_heap_in_the_loop_keeps_the_load_after_it() {
        check_pipeline(
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = call write_fn, 1
            v4 = dict_get v2, "x"
            guard_tag v4, int @0
            v6 = int_add_ovf v4, 1 @0
            dict_set v2, "x", v6
            fuel @1
            jump v2
            "#,
            r#"
            v0 = input 0
            v1 = call write_fn, 1
            v2 = dict_get v0, "x"
            guard_tag v2, int @0
            v4 = int_add_ovf v2, 1 @0
            fuel @1
            label v4
            v7 = param 0
            dict_set v0, "x", v7
            v9 = call write_fn, 1
            v10 = dict_get v0, "x"
            guard_tag v10, int @2
            v12 = int_add_ovf v10, 1 @2
            fuel @3
            jump v12
            ...
            "#,
        );
    }

    #[test]
    fn a_virtual_carried_around_the_loop_is_built_at_the_jump() {
        check_pipeline(
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = get_field v2, #0
            guard_tag v3, int @0
            v5 = int_add_ovf v3, 1 @0
            v6 = new_record c9, v5
            fuel @1
            jump v6
            snapshot @1
              frame code=c9 pc=1 regs=[v6]
            "#,
            r#"
            v0 = input 0
            v1 = get_field v0, #0
            guard_tag v1, int @0
            v3 = int_add_ovf v1, 1 @0
            fuel @1
            v5 = new_record c9, v3
            label v5
            v7 = param 0
            v8 = get_field v7, #0
            guard_tag v8, int @2
            v10 = int_add_ovf v8, 1 @2
            fuel @3
            v12 = new_record c9, v10
            jump v12
            snapshot @0
            snapshot @1
              frame lang=0 code=c9 pc=1 ret=0 regs=[virt0]
              virtual 0 = record c9 [v3]
            snapshot @2
            snapshot @3
              frame lang=0 code=c9 pc=1 ret=0 regs=[virt0]
              virtual 0 = record c9 [v10]
            "#,
        );
    }

    #[test]
    fn a_param_whose_tag_is_not_proven_keeps_its_guard() {
        // `read_fn` returns a value of unknown tag, stored into `x`: the loop
        // must keep checking what it loads.
        check_pipeline(
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, "x"
            guard_tag v3, int @0
            v5 = call read_fn, v3
            dict_set v2, "x", v5
            fuel @1
            jump v2
            "#,
            r#"
            v0 = input 0
            v1 = dict_get v0, "x"
            guard_tag v1, int @0
            v3 = call read_fn, v1
            fuel @1
            label v3
            v6 = param 0
            guard_tag v6, int @2
            dict_set v0, "x", v6
            v9 = call read_fn, v6
            fuel @3
            jump v9
            ...
            "#,
        );
    }

    #[test]
    fn a_trace_that_is_not_a_loop_is_left_alone() {
        check(
            "peel",
            r#"
            v0 = input 0
            v1 = dict_get v0, "x"
            dict_set v0, "x", 1
            exit @0
            "#,
            r#"
            v0 = input 0
            v1 = dict_get v0, "x"
            dict_set v0, "x", 1
            exit @0
            snapshot @0
            "#,
        );
    }
    #[test]
    fn an_inlined_frame_dict_and_stack_vanish_from_the_loop() {
        // The loop calls a function whose frame (a fresh vars dict and a
        // fresh stack list) the recorder inlined.
        check_pipeline(
            r#"
            v0 = input 0
            label v0
            v2 = param 0
            v3 = dict_get v2, "x"
            guard_tag v3, int @0
            v5 = new_dict
            dict_set v5, "a", v3
            v7 = new_list
            v8 = dict_get v5, "a"
            list_append v7, v8
            list_append v7, 1
            v11 = list_len v7
            v12 = int_sub v11, 1
            v13 = list_get v7, v12
            v14 = int_sub v11, 2
            v15 = list_get v7, v14
            v16 = int_add_ovf v15, v13 @1
            list_truncate v7, v14
            dict_set v2, "x", v16
            fuel @2
            jump v2
            snapshot @1
              frame code=c9 pc=5 regs=[v2]
              frame code=c8 pc=2 regs=[v5, v7]
            "#,
            r#"
            v0 = input 0
            v1 = dict_get v0, "x"
            guard_tag v1, int @0
            v3 = int_add_ovf v1, 1 @1
            fuel @2
            label v3
            v6 = param 0
            v7 = int_add_ovf v6, 1 @3
            fuel @4
            jump v7
            ...
            snapshot @3
              frame lang=0 code=c9 pc=5 ret=0 regs=[v0]
              frame lang=0 code=c8 pc=2 ret=0 regs=[virt0, virt1]
              virtual 0 = dict []
              virtual 1 = list []
              pending dict_set v0, "x", v6
              pending dict_set virt0, "a", v6
              pending list_append virt1, v6
              pending list_append virt1, 1
            snapshot @4
              pending dict_set v0, "x", v7
            "#,
        );
    }
}
