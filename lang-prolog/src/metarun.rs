//! The `Meta`-level interpreter of compiled clauses: predicate entry,
//! clause selection, head unification, body building and the common
//! builtins as `Meta` operations, so that the JIT traces Prolog's work
//! (the README's "Towards clause-level tracing"). Everything else (control
//! constructs, other builtins, backtracking, exceptions) runs in the
//! `prolog_run` helper as before; the two hand over through the machine
//! state (`MS_ARGS` + `MS_NEXT = PRED_BASE + k` from the helper, a pushed
//! continuation cell or `MS_NEXT` from here).
//!
//! **Frame layout** (the query's frame): `R_MS` the machine state,
//! `R_CUTB` the running clause's cut barrier, `R_CLAUSE` the running
//! clause's `Code` (promoted at every instruction, so in a trace it is a
//! constant), `R_TMP` a unification's outcome, `R_ARGS..` the call's
//! arguments, then the clause's temporaries and its environment
//! ([`creg`], [`env_reg`]). So a frame is rebuilt from (code, pc, regs).
//!
//! **Instructions** (pcs):
//! - `PRED_BASE + k` (a merge point): enter user predicate `k` with the
//!   arguments in `R_ARGS`: promote its clause list and length (the
//!   logical update view: `assert` appends in place), select the clauses
//!   the first argument may match (its tag, functor or value guarded, only
//!   when some clause's first argument is not a variable), push a clause
//!   choicepoint through a helper when two may match;
//! - `PC_OPS + i`: op `i` of the clause in `R_CLAUSE`: head ops, the body
//!   entry (`i == head_end`: build goal 0, push the body frame), or a goal's
//!   call (its arguments in `R_ARGS`);
//! - `PC_CHECK + i`: decides on `R_TMP` (the result of a general
//!   unification by helper, which writes: decisions after writes start a
//!   new instruction, see the `Meta` contract) and goes on after op `i`;
//! - `PC_CPCHECK + k`: whether the choicepoint of predicate `k`'s call was
//!   pushed (else the helper re-enters `k` and raises the resource error);
//! - `PC_PROCEED`: a goal succeeded: pop the continuation when it is a
//!   body frame of a compiled clause (its `Code` and goal index promoted),
//!   else hand over to the helper.
//!
//! Head unification interleaves bindings and tests. A bound variable is a
//! write, so an op that tests after an earlier op bound something starts
//! a new instruction (`m.begin` at its pc): a guard failing there resumes
//! at that op, with the earlier bindings done and their trail entries
//! pushed. Failure is always the helper's backtrack (`MS_NEXT = PC_REDO`),
//! which undoes the trail to the newest choicepoint: a clause choicepoint
//! pushed for this call makes that "try the next clause".

use vm_core::exec::{Action, Frame};
use vm_core::heap::{self, Code};
use vm_core::jit::helpers::{Effects, Helper};
use vm_core::jit::ir::{Cmp, IntOp};
use vm_core::{Meta, Mutation, Tag, Value};

use crate::builtins::Proc;
use crate::compile::{ClauseCode, Op};
use crate::globals::Globals;
use crate::machine::{
    self, Ctl, Eng, CPW, C_CODE, C_HEAD, MS_ARGS, MS_CIDX, MS_CONT, MS_CPS, MS_GOAL, MS_NEXT,
    MS_PGEN, MS_PREDS, PC_CALL, PC_REDO, PC_RUN, PC_STACKERR, PEND_MAX, PRED_BASE, P_CLAUSES,
    P_META,
};
use crate::program::Program;
use crate::terms;

/// The machine-state record.
pub const R_MS: usize = 0;
/// The running clause's cut barrier (an `Int`).
pub const R_CUTB: usize = 1;
/// The running clause's `Code`.
pub const R_CLAUSE: usize = 2;
/// A general unification's outcome (a `Bool`).
pub const R_TMP: usize = 3;
/// The call's arguments (`PEND_MAX` registers).
pub const R_ARGS: usize = 4;
/// The clause's temporaries, then its environment.
pub const R_C: usize = R_ARGS + PEND_MAX;
/// Registers of a query frame.
pub const NREGS: usize = 40;

/// Pop the continuation (a goal succeeded).
pub const PC_PROCEED: u32 = 6;
/// `+ i`: op `i` of the clause in `R_CLAUSE`.
pub const PC_OPS: u32 = 1 << 24;
/// `+ i`: decide on `R_TMP`, then go on after op `i`.
pub const PC_CHECK: u32 = 1 << 25;
/// `+ k`: decide on `R_CUTB` after pushing predicate `k`'s choicepoint.
pub const PC_CPCHECK: u32 = 1 << 26;
/// Backtrack: undo to the newest choicepoint when it is a clause
/// choicepoint, else let the helper backtrack.
pub const PC_BACKTRACK: u32 = 8;
/// `+ k`: try the next clauses of predicate `k`'s choicepoint (newest,
/// already undone to).
pub const PC_RETRY: u32 = 1 << 27;

/// `P_META` flag: some clause's first argument is atomic.
const F_ATOMIC: i64 = 1;
/// `P_META` flag: some clause's first argument is compound.
const F_STRUCT: i64 = 2;
/// `P_META` flag: every clause is compiled and fits the frame.
const F_OK: i64 = 4;

/// Register of clause register `r` of a clause of arity `arity`.
#[inline]
fn creg(cc: &ClauseCode, r: u32) -> usize {
    let r = r as usize;
    if r < cc.arity {
        R_ARGS + r
    } else {
        R_C + r
    }
}

/// Register of environment variable `v`.
#[inline]
fn env_reg(cc: &ClauseCode, v: u32) -> usize {
    R_C + cc.nregs + v as usize
}

/// Whether compiled clause `cc` fits the frame.
fn fits(cc: &ClauseCode) -> bool {
    cc.arity <= PEND_MAX && R_C + cc.nregs + cc.nvars <= NREGS
}

/// Whether this interpreter runs queries: the default since session 10
/// (it wins the van Roy set's geometric mean with the JIT);
/// `POLYVM_PL_META=0` selects the older engine (`machine.rs`).
pub fn enabled_by_env() -> bool {
    std::env::var("POLYVM_PL_META").map_or(true, |v| v != "0")
}

/// A query frame for state record `st`.
pub fn query_frame<'gc>(lang: vm_core::LangId, code: Value<'gc>, st: Value<'gc>) -> Frame<'gc> {
    let mut regs = vec![Value::None; NREGS];
    regs[R_MS] = st;
    Frame::new(lang, code, regs)
}

// ---------------- helpers ----------------

fn prog_of<'gc>(v: Value<'gc>) -> Option<&'gc Program> {
    heap::as_code(v).and_then(|c| c.data::<Program>())
}

/// A fresh variable (args: the program's code).
pub static NEW_VAR: Helper = Helper {
    name: "prolog_new_var",
    func: |mc, a| {
        let Some(prog) = prog_of(a[0]) else {
            return Ok(Value::None);
        };
        let mut g = prog.g.borrow_mut();
        g.serial += 1;
        Ok(terms::new_var(mc, g.serial))
    },
    effects: Effects::ALLOCATES,
};

/// Binds an unbound variable, trailing it (args: state, var, value): the
/// plain interpreter's and the tests' path; traces bind with [`bind`].
pub static BIND: Helper = Helper {
    name: "prolog_bind",
    func: |mc, a| {
        machine::bind_in(mc, a[0], a[1], a[2]);
        Ok(Value::None)
    },
    effects: Effects::WRITES,
};

/// General unification (args: code, state, a, b): a `Bool`.
pub static UNIFY: Helper = Helper {
    name: "prolog_unify",
    func: |mc, a| {
        let Some(prog) = prog_of(a[0]) else {
            return Ok(Value::Bool(false));
        };
        let e = Eng::new(mc, a[1], &prog.g);
        Ok(Value::Bool(e.unify(a[2], a[3])))
    },
    effects: Effects::WRITES,
};

/// The `link` of a continuation entry on top of `next` at index `idx`
/// (args: code, next, idx), or `-1` past the continuation limit.
pub static LINK: Helper = Helper {
    name: "prolog_link",
    func: |_, a| {
        let Some(prog) = prog_of(a[0]) else {
            return Ok(Value::Int(-1));
        };
        let idx = match a[2] {
            Value::Int(i) => i,
            _ => 0,
        };
        let l = machine::link(a[1], idx);
        if machine::depth_of(l) > prog.g.borrow().cont_limit {
            return Ok(Value::Int(-1));
        }
        Ok(l)
    },
    effects: Effects::READS,
};

/// Pushes a clause choicepoint (args: code, state, pred id, clause list,
/// next candidate, limit, the call's arguments): the choicepoint height
/// before the push (the body's cut barrier), or `-1` when the stack is
/// full (nothing pushed).
pub static PUSH_CLAUSES: Helper = Helper {
    name: "prolog_push_clauses",
    func: |mc, a| {
        let Some(prog) = prog_of(a[0]) else {
            return Ok(Value::Int(-1));
        };
        let e = Eng::new(mc, a[1], &prog.g);
        let k = a[2];
        let pred = heap::list_get(
            e.get(MS_PREDS),
            match k {
                Value::Int(i) => i,
                _ => 0,
            },
        );
        let goal = terms::compound_s(mc, heap::get_field(pred, machine::P_NAME), &a[6..]);
        let h = e.cp_height();
        let cont = e.get(MS_CONT);
        match e.push_cp(machine::K_CLAUSES, cont, &[goal, a[3], a[4], a[5], k]) {
            Ok(_) => Ok(Value::Int(h)),
            Err(_) => Ok(Value::Int(-1)),
        }
    },
    effects: Effects::WRITES,
};

/// Undoes the trail to a mark (args: code, state, mark).
pub static UNDO: Helper = Helper {
    name: "prolog_undo",
    func: |mc, a| {
        let Some(prog) = prog_of(a[0]) else {
            return Ok(Value::None);
        };
        let e = Eng::new(mc, a[1], &prog.g);
        if let Value::Int(mark) = a[2] {
            e.undo_to(mark);
        }
        Ok(Value::None)
    },
    effects: Effects::WRITES,
};

/// The interned atom with the text of atom `x` (args: code, state, x), or
/// `Int(0)` when the atom table has no such atom: then no clause names it
/// (clause templates intern their atoms), so clause selection treats every
/// such atom alike and a trace need not specialise on it (atoms made at run
/// time by `atom_codes/2` are new objects every time).
pub static ATOM_CANON: Helper = Helper {
    name: "prolog_atom_canon",
    func: |_, a| Ok(interned_twin(a[0], a[1], a[2]).unwrap_or(Value::Int(0))),
    effects: Effects::READS,
};

/// Whether atoms `a` and `b` have the same text (args: a, b): a `Bool`.
/// Two atoms that are not the same object are compared by their text, not
/// by their interned twins: no hash lookup, and unequal atoms (the usual
/// outcome, `i` against `u`) usually differ in length or first byte.
pub static ATOM_EQ: Helper = Helper {
    name: "prolog_atom_eq",
    func: |_, a| {
        Ok(Value::Bool(match (a[0], a[1]) {
            (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
            (x, y) => x.same(&y),
        }))
    },
    effects: Effects::READS,
};

/// The standard order of two terms (args: a, b): `-1`, `0` or `1`. It
/// only reads, so the goal decides on it in the same instruction.
pub static TERM_CMP: Helper = Helper {
    name: "prolog_term_cmp",
    func: |_, a| {
        Ok(Value::Int(
            match crate::builtins::compare::compare(a[0], a[1]) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            },
        ))
    },
    effects: Effects::READS,
};

/// Every helper of this interpreter (registered for the IR parser).
pub static HELPERS: [&Helper; 9] = [
    &TERM_CMP,
    &ATOM_CANON,
    &ATOM_EQ,
    &NEW_VAR,
    &BIND,
    &UNIFY,
    &LINK,
    &PUSH_CLAUSES,
    &UNDO,
];

fn hcall<'gc, M: Meta<'gc>>(m: &mut M, h: &'static Helper, args: &[M::V]) -> M::V {
    match m.call(h, args) {
        Ok(v) => v,
        Err(_) => m.konst(Value::None),
    }
}

// ---------------- terms as Meta operations ----------------

/// Dereferences `v`: the term and its tag (`Tag::Cell`: unbound).
fn deref<'gc, M: Meta<'gc>>(m: &mut M, mut v: M::V) -> (M::V, Tag) {
    loop {
        let t = m.tag(v);
        if t != Tag::Cell {
            return (v, t);
        }
        let b = m.cell_get(v);
        if m.tag(b) == Tag::Bool {
            return (v, Tag::Cell);
        }
        v = b;
    }
}

/// A fresh unbound variable. Its age (the cell's mark) comes from the
/// engine's counter, so variables are ordered by creation as in SWI (the
/// standard order of variables; `flatten` prints clauses whose variables
/// are named in that order). A mark computed in the trace from the newest
/// choicepoint's serial instead would need no helper, but variables made
/// under one choicepoint would then share an age (tried in session 8).
fn new_var<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>) -> M::V {
    let p = m.konst(fr.code);
    hcall(m, &NEW_VAR, &[p])
}

/// Binds the unbound variable `x` (a cell, its tag guarded) to `y`,
/// trailing it when it is older than the newest choicepoint (as
/// `machine::bind_in`): the tests first, then the writes (a trail push and
/// the cell store), so nothing may be decided after it in the instruction.
fn bind<'gc, M: Meta<'gc>>(m: &mut M, st: M::V, x: M::V, y: M::V) {
    let tr = bind_test(m, st, x);
    bind_write(m, st, x, y, tr);
}

/// The decisions of binding `x`: whether it must be trailed.
fn bind_test<'gc, M: Meta<'gc>>(m: &mut M, st: M::V, x: M::V) -> bool {
    let cps = m.get_field(st, MS_CPS);
    let n = m.list_len(cps);
    let zero = m.konst(Value::Int(0));
    let some = m.int_cmp(Cmp::Gt, n, zero);
    if !m.truth(some) {
        return false;
    }
    let back = m.konst(Value::Int(CPW - machine::CP_SERIAL as i64));
    let ix = m.int(IntOp::Sub, n, back);
    let mark = m.list_get(cps, ix);
    let s = m.cell_mark(x);
    let old = m.int_cmp(Cmp::Le, s, mark);
    m.truth(old)
}

/// The writes of binding `x` to `y` ([`bind_test`] decided `trail`).
fn bind_write<'gc, M: Meta<'gc>>(m: &mut M, st: M::V, x: M::V, y: M::V, trail: bool) {
    if trail {
        let tr = m.get_field(st, machine::MS_TRAIL);
        m.list_append(tr, x);
    }
    m.cell_set(x, y);
}

/// What an instruction does next: `fr.pc` is set, begin it.
enum Flow {
    Next,
}

/// The per-run context: the program's code and globals.
struct Cx<'gc> {
    prog_v: Value<'gc>,
    prog: &'gc Program,
}

/// One instruction of the `Meta`-level interpreter at `pc` (begun).
pub fn step_one<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
) -> Option<Action<'gc, M::V>> {
    let prog_v = fr.code;
    let prog: &'gc Program = prog_of(prog_v)?;
    let cx = Cx { prog_v, prog };
    let r = if pc >= PC_RETRY {
        retry(m, fr, &cx, (pc - PC_RETRY) as usize)
    } else if pc >= PC_CPCHECK {
        cp_check(m, fr, &cx, pc - PC_CPCHECK)
    } else if pc >= PC_CHECK {
        check(m, fr, &cx, (pc - PC_CHECK) as usize)
    } else if pc >= PC_OPS {
        clause_op(m, fr, &cx, (pc - PC_OPS) as usize)
    } else if pc >= PRED_BASE {
        if m.merge_point(fr, pc) {
            return Some(Action::Jit);
        }
        enter(m, fr, &cx, (pc - PRED_BASE) as usize)
    } else if pc == PC_BACKTRACK {
        backtrack(m, fr)
    } else {
        proceed(m, fr, &cx)
    };
    let Flow::Next = r;
    None
}

/// Hands over to the helper with `MS_NEXT = next`.
fn to_helper<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, next: u32) -> Flow {
    let st = m.reg(fr, R_MS);
    let nv = m.konst(Value::Int(next as i64));
    m.set_field(st, MS_NEXT, nv);
    fr.pc = PC_CALL;
    Flow::Next
}

/// Fails: backtracks (next instruction).
fn fail<'gc, M: Meta<'gc>>(_m: &mut M, fr: &mut Frame<'gc>) -> Flow {
    fr.pc = PC_BACKTRACK;
    Flow::Next
}

/// Choicepoint slot `f` of the newest choicepoint (`top`: its first slot).
fn cp_slot<'gc, M: Meta<'gc>>(m: &mut M, cps: M::V, top: M::V, f: u32) -> M::V {
    let fv = m.konst(Value::Int(f as i64));
    let ix = m.int(IntOp::Add, top, fv);
    m.list_get(cps, ix)
}

/// `PC_BACKTRACK`: a clause choicepoint is undone to here and retried by
/// `PC_RETRY + k`; any other kind is the helper's.
fn backtrack<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Flow {
    let st = m.reg(fr, R_MS);
    let cps = m.get_field(st, MS_CPS);
    let n = m.list_len(cps);
    let w = m.konst(Value::Int(CPW));
    let some = m.int_cmp(Cmp::Ge, n, w);
    if !m.truth(some) {
        return to_helper(m, fr, PC_REDO);
    }
    let top = m.int(IntOp::Sub, n, w);
    let kind = cp_slot(m, cps, top, machine::CP_KIND);
    let kc = m.konst(Value::Int(machine::K_CLAUSES));
    if !m.same(kind, kc) {
        return to_helper(m, fr, PC_REDO);
    }
    let pid = cp_slot(m, cps, top, machine::CP_E);
    let k = match m.promote(pid) {
        Value::Int(k) => k as usize,
        _ => return to_helper(m, fr, PC_REDO),
    };
    let Some(prog) = prog_of(fr.code) else {
        return to_helper(m, fr, PC_REDO);
    };
    let arity = pred_arity(fr, k);
    if arity > PEND_MAX {
        return to_helper(m, fr, PC_REDO);
    }
    // decisions done: undo, restore the continuation, load the goal's arguments
    let mark = cp_slot(m, cps, top, machine::CP_TRAIL);
    let p = m.konst(fr.code);
    let _ = hcall(m, &UNDO, &[p, st, mark]);
    let _ = prog;
    let cont = cp_slot(m, cps, top, machine::CP_CONT);
    let cidx = cp_slot(m, cps, top, machine::CP_CIDX);
    m.set_field(st, MS_CONT, cont);
    m.set_field(st, MS_CIDX, cidx);
    let goal = cp_slot(m, cps, top, machine::CP_A);
    for a in 0..arity {
        let ix = m.konst(Value::Int(a as i64));
        let x = m.tuple_get(goal, ix);
        m.set_reg(fr, R_ARGS + a, x);
    }
    fr.pc = PC_RETRY + k as u32;
    Flow::Next
}

/// The arity of predicate `k`.
fn pred_arity(fr: &Frame<'_>, k: usize) -> usize {
    let preds = heap::get_field(fr.regs[R_MS], MS_PREDS);
    match heap::get_field(heap::list_get(preds, k as i64), machine::P_ARITY) {
        Value::Int(n) => n as usize,
        _ => 0,
    }
}

/// `PC_RETRY + k`: the next clause of predicate `k`'s choicepoint (the
/// newest; the trail is undone and the continuation restored, and the
/// call's arguments are in `R_ARGS`).
fn retry<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cx: &Cx<'gc>, k: usize) -> Flow {
    let mc = m.mc();
    let st = m.reg(fr, R_MS);
    let cps = m.get_field(st, MS_CPS);
    let n = m.list_len(cps);
    let w = m.konst(Value::Int(CPW));
    let top = m.int(IntOp::Sub, n, w);
    let list = cp_slot(m, cps, top, machine::CP_B);
    let list_c = m.promote(list);
    let limit = cp_slot(m, cps, top, machine::CP_D);
    let limit = match m.promote(limit) {
        Value::Int(i) => i,
        _ => 0,
    };
    if limit > MAX_RETRIED {
        // (the helper's backtrack undoes to the same choicepoint again:
        // nothing was bound since)
        return to_helper(m, fr, PC_REDO);
    }
    let from = cp_slot(m, cps, top, machine::CP_C);
    let from = match m.promote(from) {
        Value::Int(i) => i,
        _ => 0,
    };
    let pred_c = heap::list_get(heap::get_field(fr.regs[R_MS], MS_PREDS), k as i64);
    let arity = pred_arity(fr, k);
    let (flags, keys) = pred_info(mc, pred_c, list_c, limit);
    if flags & F_OK == 0 {
        return to_helper(m, fr, PC_REDO);
    }
    let Some(a1) = first_arg(m, fr, k, arity, flags, keys) else {
        return to_helper(m, fr, PC_REDO);
    };
    let (i, j) = {
        let e = Eng::new(mc, m.get(st), &cx.prog.g);
        e.candidates_ix(k, list_c, from, limit, a1, false)
    };
    if i >= limit {
        // none left: drop the choicepoint, backtrack further
        m.list_truncate(cps, top);
        fr.pc = PC_BACKTRACK;
        return Flow::Next;
    }
    if j >= limit {
        m.list_truncate(cps, top);
    } else {
        let ix = m.konst(Value::Int(machine::CP_C as i64));
        let at = m.int(IntOp::Add, top, ix);
        let jv = m.konst(Value::Int(j));
        m.list_set(cps, at, jv);
    }
    let cutb = m.int(IntOp::FloorDiv, top, w);
    m.set_reg(fr, R_CUTB, cutb);
    start_clause(m, fr, list_c, i);
    Flow::Next
}

/// Makes clause `i` of `list` the running clause, from its first op.
fn start_clause<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, list: Value<'gc>, i: i64) {
    let clause = heap::list_get(list, i);
    let code_v = heap::get_field(clause, C_CODE);
    let ck = m.konst(code_v);
    m.set_reg(fr, R_CLAUSE, ck);
    if let Some(cc) = heap::as_code(code_v).and_then(|c| c.data::<ClauseCode>()) {
        // no value of an earlier clause stays in the environment
        let none = m.konst(Value::None);
        for v in 0..cc.nvars {
            m.set_reg(fr, env_reg(cc, v as u32), none);
        }
    }
    fr.pc = PC_OPS;
}

/// Lets the helper enter predicate `k` with the `n` arguments in `R_ARGS`.
fn helper_enter<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, k: usize, n: usize) -> Flow {
    let st = m.reg(fr, R_MS);
    let args = m.get_field(st, MS_ARGS);
    let zero = m.konst(Value::Int(0));
    m.list_truncate(args, zero);
    for i in 0..n {
        let a = m.reg(fr, R_ARGS + i);
        m.list_append(args, a);
    }
    let none = m.konst(Value::None);
    m.set_field(st, MS_GOAL, none);
    to_helper(m, fr, PRED_BASE + k as u32)
}

/// The procedure table's generation, guarded.
fn guard_gen<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>, cx: &Cx<'gc>) -> bool {
    let st = m.reg(fr, R_MS);
    let g = m.get_field(st, MS_PGEN);
    let g = m.promote(g);
    matches!(g, Value::Int(i) if i == cx.prog.g.borrow().proc_gen as i64)
}

// ---------------- predicate entry ----------------

/// Most distinct atomic first arguments tested one by one at entry (more:
/// the first argument's value is promoted).
const MAX_KEYS: usize = 4;

/// Most distinct first-argument values traces specialise a predicate's
/// entry on (see `first_arg`).
const MAX_PROMOTED: usize = 8;

/// Most clauses of a predicate whose choicepoint a trace retries. A retry
/// promotes the next candidate, so every (candidate, call site) pair is a
/// path of its own: a fact table enumerated from several call sites (a
/// digit generator) made hundreds of bridges, each compiled for one
/// solution. Larger predicates are retried by the helper.
const MAX_RETRIED: i64 = 8;

/// What entry needs to know of a clause list: flags (see `F_*`) and the
/// distinct atomic first arguments of its clauses (integers and atoms; `None`
/// when there are more than [`MAX_KEYS`] or others), cached in the
/// predicate's `P_META` field while the list and its length stay.
fn pred_info<'gc>(
    mc: &Mutation<'gc>,
    pred: Value<'gc>,
    list: Value<'gc>,
    len: i64,
) -> (i64, Option<&'gc [Value<'gc>]>) {
    if let Some(t) = heap::as_tuple(pred_meta(pred)) {
        let f = t.args();
        if f.len() == 4 && f[0].same(&list) && f[1].same(&Value::Int(len)) {
            if let Value::Int(x) = f[2] {
                return (x, heap::as_tuple(f[3]).map(|k| k.args()));
            }
        }
    }
    let mut flags = F_OK;
    let mut keys: Option<Vec<Value<'gc>>> = Some(Vec::new());
    for i in 0..len {
        let c = heap::list_get(list, i);
        match heap::as_code(heap::get_field(c, C_CODE)).and_then(|c| c.data::<ClauseCode>()) {
            Some(cc) if fits(cc) => {}
            _ => flags &= !F_OK,
        }
        let h = heap::get_field(c, C_HEAD);
        if let Some((_, a)) = terms::tuple_parts(h) {
            if let Some(a0) = a.first() {
                match terms::tuple_parts(*a0) {
                    Some((Value::Int(_), _)) => {}
                    Some((Value::Str(_), _)) => flags |= F_STRUCT,
                    _ => {
                        flags |= F_ATOMIC;
                        match (a0, keys.as_mut()) {
                            (Value::Int(_) | Value::Str(_), Some(ks)) => {
                                if !ks.iter().any(|k| k.same(a0)) {
                                    ks.push(*a0);
                                }
                                if ks.len() > MAX_KEYS {
                                    keys = None;
                                }
                            }
                            (Value::None, _) => {}
                            _ => keys = None,
                        }
                    }
                }
            }
        }
    }
    let kt = match keys {
        Some(ks) => heap::new_tuple(mc, Value::None, &ks),
        None => Value::None,
    };
    let t = heap::new_tuple(
        mc,
        Value::None,
        &[list, Value::Int(len), Value::Int(flags), kt],
    );
    heap::set_field(mc, pred, P_META, t);
    (flags, heap::as_tuple(kt).map(|k| k.args()))
}

fn pred_meta<'gc>(pred: Value<'gc>) -> Value<'gc> {
    if heap::record_len(pred) > P_META {
        heap::get_field(pred, P_META)
    } else {
        Value::None
    }
}

/// The first argument in `R_ARGS` as clause selection sees it, with the
/// guards that fix what selection looks at: `Some(None)` when the clauses'
/// first arguments do not tell them apart or it is unbound; `None` when it
/// is of a kind this interpreter leaves to the helper.
fn first_arg<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &Frame<'gc>,
    k: usize,
    arity: usize,
    flags: i64,
    keys: Option<&'gc [Value<'gc>]>,
) -> Option<Option<Value<'gc>>> {
    // a value a trace is about to specialise predicate `k`'s entry on:
    // past MAX_PROMOTED distinct ones (a dictionary of words, a counter)
    // the helper selects the clause instead, so traces do not multiply
    let may_promote = |m: &mut M, x: M::V| -> bool {
        if m.const_value(x).is_some() {
            return true;
        }
        let h = match m.get(x) {
            Value::Str(s) => s.hash_code(),
            Value::Int(i) => i as u64,
            _ => return true,
        };
        let Some(prog) = prog_of(fr.code) else {
            return true;
        };
        let mut g = prog.g.borrow_mut();
        let seen = g.promoted.entry(k).or_default();
        if seen.contains(&h) {
            return true;
        }
        if seen.len() >= MAX_PROMOTED {
            return false;
        }
        seen.push(h);
        true
    };
    let mut a1 = None;
    if arity > 0 && flags & (F_ATOMIC | F_STRUCT) != 0 {
        let r = m.reg(fr, R_ARGS);
        let (x, t) = deref(m, r);
        match t {
            Tag::Cell => {}
            Tag::Tuple => {
                let h = m.tuple_head(x);
                if m.tag(h) != Tag::Str {
                    return None;
                }
                // (`const_value`: the plain interpreter, where promoting
                // costs nothing, or a constant)
                if m.const_value(h).is_some() || interned(fr, m.get(h)) {
                    m.promote(h);
                } else {
                    // a functor made at run time: its interned twin (or
                    // none: then no clause names it), not the object, so
                    // new atoms make no new traces
                    let p = m.konst(fr.code);
                    let st = m.reg(fr, R_MS);
                    let c = hcall(m, &ATOM_CANON, &[p, st, h]);
                    m.promote(c);
                }
                let n = m.tuple_len(x);
                m.promote(n);
                a1 = Some(m.get(x));
            }
            Tag::None => a1 = Some(Value::None),
            Tag::Int | Tag::Str => {
                if flags & F_ATOMIC != 0 {
                    // which of the few constants it is (not its value: a
                    // counter must not make a trace per value), else the value
                    let mut hit = false;
                    if let Some(ks) = keys {
                        for c in ks.iter().filter(|c| c.tag() == t) {
                            let kc = m.konst(*c);
                            if m.same(x, kc) {
                                hit = true;
                                break;
                            }
                        }
                    }
                    a1 = Some(if hit {
                        m.get(x)
                    } else if t == Tag::Str {
                        // an atom equal to a constant by text, not identity:
                        // its interned twin decides; one the atom table does
                        // not have matches no clause's constant
                        let p = m.konst(fr.code);
                        let st = m.reg(fr, R_MS);
                        let canon = |m: &mut M| hcall(m, &ATOM_CANON, &[p, st, x]);
                        match keys {
                            Some(ks) => {
                                let c = canon(m);
                                let mut k = None;
                                for key in ks.iter().filter(|c| c.tag() == t) {
                                    let kc = m.konst(*key);
                                    if m.same(c, kc) {
                                        k = Some(*key);
                                        break;
                                    }
                                }
                                k.unwrap_or_else(|| m.get(x))
                            }
                            None if m.const_value(x).is_some() || interned(fr, m.get(x)) => {
                                if !may_promote(m, x) {
                                    return None;
                                }
                                m.promote(x)
                            }
                            None => {
                                let c = canon(m);
                                if !may_promote(m, x) {
                                    return None;
                                }
                                match m.promote(c) {
                                    v @ Value::Str(_) => v,
                                    _ => m.get(x),
                                }
                            }
                        }
                    } else if keys.is_none() {
                        if !may_promote(m, x) {
                            return None;
                        }
                        m.promote(x)
                    } else {
                        m.get(x)
                    });
                } else {
                    // only compound first arguments: any atomic one matches
                    // none of them (the tag decides)
                    a1 = Some(m.get(x));
                }
            }
            _ => return None,
        }
    }
    Some(a1)
}

/// Whether atom `v` is the atom table's own (interned) object.
fn interned<'gc>(fr: &Frame<'gc>, v: Value<'gc>) -> bool {
    interned_twin(fr.code, fr.regs[R_MS], v).is_some_and(|t| t.same(&v))
}

/// The atom table's object with the text of atom `x` (program `code`,
/// machine state `st`), if the table has that text.
fn interned_twin<'gc>(code: Value<'gc>, st: Value<'gc>, x: Value<'gc>) -> Option<Value<'gc>> {
    let Value::Str(s) = x else {
        return None;
    };
    let ix = prog_of(code)?.g.borrow().atoms.get(s.as_str()).copied()?;
    Some(heap::list_get(
        heap::get_field(st, machine::MS_ATOMS),
        ix as i64,
    ))
}

/// Whether the tuple head `h` is the atom `want` (interned): the same
/// object, or an atom of the same text made at run time. Guards only on
/// identity and on the text comparison's outcome.
fn name_is<'gc, M: Meta<'gc>>(m: &mut M, _fr: &Frame<'gc>, h: M::V, want: Value<'gc>) -> bool {
    let kc = m.konst(want);
    if m.same(h, kc) {
        return true;
    }
    if m.tag(h) != Tag::Str {
        return false;
    }
    let eq = hcall(m, &ATOM_EQ, &[h, kc]);
    m.truth(eq)
}

/// Marks predicate `k` as entered by the helper (`Globals::meta_skip`),
/// and with it every predicate connected to it in the call graph
/// (`Globals::skip_adj`).
///
/// Every call between a predicate the helper runs and one this
/// interpreter runs is a handover (the helper's run ends, or a trace
/// exits at a promoted `MS_NEXT`): chat_parser, whose predicates of more
/// than `PEND_MAX` arguments are called from and call the others, spent
/// most of its time in handovers and in the traces they made. A component
/// of the call graph with one skipped predicate therefore runs in the
/// helper as a whole, so calls stay on one side.
fn mark_skip(g: &mut Globals, k: usize) {
    if g.meta_skip.len() <= k {
        g.meta_skip.resize(k + 1, false);
    }
    if g.meta_skip[k] {
        return;
    }
    g.meta_skip[k] = true;
    let mut stack = vec![k];
    while let Some(i) = stack.pop() {
        for j in 0..g.skip_adj.get(i).map_or(0, |a| a.len()) {
            let t = g.skip_adj[i][j] as usize;
            if g.meta_skip.len() <= t {
                g.meta_skip.resize(t + 1, false);
            }
            if !g.meta_skip[t] {
                g.meta_skip[t] = true;
                stack.push(t);
            }
        }
    }
}

/// Builds the call graph between the user predicates of machine state `st`
/// (calls from their compiled clauses: `Call`, and `CallTerm` of a goal
/// built from a constant name) and extends `meta_skip` to the components
/// of predicates the interpreter does not run: those of more than
/// `PEND_MAX` arguments or with a clause it cannot run (see [`mark_skip`]).
/// Run again when the procedure table changes (`Globals::proc_gen`).
fn skip_components(g: &mut Globals, st: Value<'_>) {
    g.skip_gen = g.proc_gen;
    let preds = heap::get_field(st, MS_PREDS);
    let n = heap::list_len(preds).max(0) as usize;
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut seeds = Vec::new();
    for i in 0..n {
        let pred = heap::list_get(preds, i as i64);
        if !matches!(pred, Value::Record(_)) {
            continue;
        }
        if matches!(heap::get_field(pred, machine::P_ARITY), Value::Int(a) if a as usize > PEND_MAX)
        {
            seeds.push(i);
        }
        let list = heap::get_field(pred, P_CLAUSES);
        if !matches!(list, Value::List(_)) {
            continue;
        }
        for c in 0..heap::list_len(list) {
            let clause = heap::list_get(list, c);
            let Some(code) = heap::as_code(heap::get_field(clause, C_CODE)) else {
                seeds.push(i);
                continue;
            };
            let Some(cc) = code.data::<ClauseCode>() else {
                seeds.push(i);
                continue;
            };
            if !fits(cc) {
                seeds.push(i);
            }
            for &(s, e) in &cc.goals {
                let (s, e) = (s as usize, e as usize);
                if e == 0 || e > cc.ops.len() || s >= e {
                    continue;
                }
                let (k, na) = match cc.ops[e - 1] {
                    Op::Call { k, n } => (k, n as usize),
                    Op::CallTerm if e >= 2 && e - 2 >= s => match cc.ops[e - 2] {
                        Op::Build { k, n } => (k, n as usize),
                        Op::PushConst { k } => (k, 0),
                        _ => continue,
                    },
                    _ => continue,
                };
                let Some(Value::Str(name)) = code.consts.get(k as usize).copied() else {
                    continue;
                };
                let user = g.lookup(name.as_str(), na);
                let mut link = |id: usize| {
                    if id < n && id != i {
                        adj[i].push(id as u32);
                        adj[id].push(i as u32);
                    }
                };
                match user {
                    Some(Proc::User(id)) => link(id),
                    _ => {
                        // a control construct or builtin: the goals it
                        // calls are among the terms it builds (call/N,
                        // findall/3, a construct with a cut); data named
                        // like a predicate only adds an edge too many
                        for op in &cc.ops[s..e] {
                            let (k, na) = match *op {
                                Op::Build { k, n } => (k, n as usize),
                                Op::PushConst { k } => (k, 0),
                                _ => continue,
                            };
                            if let Some(Value::Str(nm)) = code.consts.get(k as usize).copied() {
                                if let Some(Proc::User(id)) = g.lookup(nm.as_str(), na) {
                                    link(id);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    g.skip_adj = adj;
    let already: Vec<usize> = (0..g.meta_skip.len()).filter(|&i| g.meta_skip[i]).collect();
    for i in already {
        g.meta_skip[i] = false;
        mark_skip(g, i);
    }
    for i in seeds {
        mark_skip(g, i);
    }
}

/// `PRED_BASE + k`: enters user predicate `k`.
fn enter<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cx: &Cx<'gc>, k: usize) -> Flow {
    let mc = m.mc();
    let st = m.reg(fr, R_MS);
    // Predicate records are only ever appended to `MS_PREDS`, and the
    // state record is the one of this frame: predicate `k`'s record is a
    // constant of `k`.
    let pred_c = heap::list_get(heap::get_field(fr.regs[R_MS], MS_PREDS), k as i64);
    let pred = m.konst(pred_c);
    let list = m.get_field(pred, P_CLAUSES);
    let list_c = m.promote(list);
    let len = m.list_len(list);
    let limit = match m.promote(len) {
        Value::Int(n) => n,
        _ => 0,
    };
    let arity = match heap::get_field(pred_c, machine::P_ARITY) {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let (flags, keys) = pred_info(mc, pred_c, list_c, limit);
    let skip = {
        let mut g = cx.prog.g.borrow_mut();
        if g.skip_gen != g.proc_gen {
            skip_components(&mut g, fr.regs[R_MS]);
        }
        if flags & F_OK == 0 || arity > PEND_MAX {
            mark_skip(&mut g, k);
        }
        g.meta_skip.get(k).copied().unwrap_or(false)
    };
    if skip {
        return helper_enter(m, fr, k, arity);
    }
    let Some(a1) = first_arg(m, fr, k, arity, flags, keys) else {
        return helper_enter(m, fr, k, arity);
    };
    let (i, j) = {
        let e = Eng::new(mc, m.get(st), &cx.prog.g);
        e.candidates_ix(k, list_c, 0, limit, a1, true)
    };
    if i >= limit {
        return fail(m, fr);
    }
    start_clause(m, fr, list_c, i);
    if j < limit {
        let mut args = vec![
            m.konst(cx.prog_v),
            st,
            m.konst(Value::Int(k as i64)),
            m.konst(list_c),
            m.konst(Value::Int(j)),
            m.konst(Value::Int(limit)),
        ];
        for a in 0..arity {
            args.push(m.reg(fr, R_ARGS + a));
        }
        let h = hcall(m, &PUSH_CLAUSES, &args);
        m.set_reg(fr, R_CUTB, h);
        fr.pc = PC_CPCHECK + k as u32;
        return Flow::Next;
    }
    let cps = m.get_field(st, MS_CPS);
    let n = m.list_len(cps);
    let w = m.konst(Value::Int(CPW));
    let h = m.int(IntOp::FloorDiv, n, w);
    m.set_reg(fr, R_CUTB, h);
    Flow::Next
}

/// `PC_CPCHECK + k`: the choicepoint was pushed, or the helper re-enters
/// `k` (which raises the resource error).
fn cp_check<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cx: &Cx<'gc>, k: u32) -> Flow {
    let h = m.reg(fr, R_CUTB);
    let zero = m.konst(Value::Int(0));
    let ok = m.int_cmp(Cmp::Ge, h, zero);
    if m.truth(ok) {
        fr.pc = PC_OPS;
        return Flow::Next;
    }
    let _ = cx;
    let preds = heap::get_field(fr.regs[R_MS], MS_PREDS);
    let pred = heap::list_get(preds, k as i64);
    let arity = match heap::get_field(pred, machine::P_ARITY) {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    helper_enter(m, fr, k as usize, arity)
}

// ---------------- clause code ----------------

/// The clause in `R_CLAUSE` (promoted).
fn clause_of<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &Frame<'gc>,
) -> Option<(Value<'gc>, &'gc Code<'gc>, &'gc ClauseCode)> {
    let r = m.reg(fr, R_CLAUSE);
    let v = m.promote(r);
    let code = heap::as_code(v)?;
    let cc = code.data::<ClauseCode>()?;
    Some((v, code, cc))
}

/// `PC_CHECK + i`.
fn check<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, _cx: &Cx<'gc>, i: usize) -> Flow {
    let Some((_, _, cc)) = clause_of(m, fr) else {
        return fail(m, fr);
    };
    let r = m.reg(fr, R_TMP);
    if !m.truth(r) {
        return fail(m, fr);
    }
    fr.pc = if i < cc.head_end {
        PC_OPS + i as u32 + 1
    } else {
        PC_PROCEED
    };
    Flow::Next
}

/// `PC_OPS + i`.
fn clause_op<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cx: &Cx<'gc>, i: usize) -> Flow {
    let Some((code_v, code, cc)) = clause_of(m, fr) else {
        return fail(m, fr);
    };
    if i < cc.head_end {
        head(m, fr, cx, code, cc, i)
    } else if i == cc.head_end {
        body_entry(m, fr, cx, code_v, code, cc)
    } else {
        call(m, fr, cx, code, cc, i)
    }
}

/// Builds terms with postfix code: the value stack and the environment
/// (registers, or a body frame's fields plus variables made here).
struct Builder<'gc, V> {
    st: Vec<V>,
    /// Variables made by `PushFirst` while building from a frame.
    local: Vec<(u32, V)>,
    frame: Option<V>,
    _p: std::marker::PhantomData<Value<'gc>>,
}

impl<'gc, V: Copy> Builder<'gc, V> {
    fn new(frame: Option<V>) -> Self {
        Builder {
            st: Vec::new(),
            local: Vec::new(),
            frame,
            _p: std::marker::PhantomData,
        }
    }

    fn env<M: Meta<'gc, V = V>>(
        &mut self,
        m: &mut M,
        fr: &Frame<'gc>,
        cc: &ClauseCode,
        v: u32,
    ) -> V {
        match self.frame {
            None => m.reg(fr, env_reg(cc, v)),
            Some(f) => {
                if let Some(&(_, x)) = self.local.iter().find(|(w, _)| *w == v) {
                    return x;
                }
                let ix = m.konst(Value::Int(FRAME_VARS as i64 + v as i64));
                m.tuple_get(f, ix)
            }
        }
    }

    fn set_env<M: Meta<'gc, V = V>>(
        &mut self,
        m: &mut M,
        fr: &mut Frame<'gc>,
        cc: &ClauseCode,
        v: u32,
        x: V,
    ) {
        match self.frame {
            None => m.set_reg(fr, env_reg(cc, v), x),
            Some(_) => self.local.push((v, x)),
        }
    }

    /// Runs one building op.
    fn op<M: Meta<'gc, V = V>>(
        &mut self,
        m: &mut M,
        fr: &mut Frame<'gc>,
        _cx: &Cx<'gc>,
        code: &'gc Code<'gc>,
        cc: &ClauseCode,
        op: Op,
    ) {
        match op {
            Op::PushFirst { v } => {
                let x = new_var(m, fr);
                self.set_env(m, fr, cc, v, x);
                self.st.push(x);
            }
            Op::PushVal { v } => {
                let x = self.env(m, fr, cc, v);
                self.st.push(x);
            }
            Op::PushVoid => {
                let x = new_var(m, fr);
                self.st.push(x);
            }
            Op::PushConst { k } => {
                let x = m.konst(code.consts[k as usize]);
                self.st.push(x);
            }
            Op::Build { k, n } => {
                let at = self.st.len().saturating_sub(n as usize);
                let name = m.konst(code.consts[k as usize]);
                let t = m.new_tuple(name, &self.st[at..]);
                self.st.truncate(at);
                self.st.push(t);
            }
            _ => {}
        }
    }

    /// The integer value of a foldable arithmetic block (see `wam::fold`),
    /// as `Meta` integer ops with overflow checks; `None` (decided by
    /// guards) when it is not all integers.
    fn fold<M: Meta<'gc, V = V>>(
        &mut self,
        m: &mut M,
        fr: &Frame<'gc>,
        code: &'gc Code<'gc>,
        cc: &ClauseCode,
        ops: &[Op],
    ) -> Option<V> {
        let mut s: Vec<V> = Vec::new();
        for op in ops {
            match *op {
                Op::PushVal { v } => {
                    let x = self.env(m, fr, cc, v);
                    let (x, t) = deref(m, x);
                    if t != Tag::Int {
                        return None;
                    }
                    s.push(x);
                }
                Op::PushConst { k } => match code.consts[k as usize] {
                    c @ Value::Int(_) => s.push(m.konst(c)),
                    _ => return None,
                },
                Op::Build { k, n: 2 } if s.len() >= 2 => {
                    let y = s.pop()?;
                    let x = s.pop()?;
                    let name = match code.consts[k as usize] {
                        Value::Str(o) => vm_core::Gc::as_ref(o).as_str(),
                        _ => return None,
                    };
                    s.push(int_binop(m, name, x, y)?);
                }
                Op::Build { k, n: 1 } if !s.is_empty() => match code.consts[k as usize] {
                    Value::Str(o) if o.as_str() == "-" => {
                        let x = s.pop()?;
                        let z = m.konst(Value::Int(0));
                        s.push(m.int_ovf(vm_core::jit::ir::OvfOp::Sub, z, x)?);
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
        if s.len() == 1 {
            s.pop()
        } else {
            None
        }
    }

    /// Builds the arguments of goal `gi` onto the stack; its call op.
    fn goal<M: Meta<'gc, V = V>>(
        &mut self,
        m: &mut M,
        fr: &mut Frame<'gc>,
        cx: &Cx<'gc>,
        code: &'gc Code<'gc>,
        cc: &ClauseCode,
        gi: usize,
    ) -> Op {
        let (start, end) = cc.goals[gi];
        let ops = &cc.ops[start as usize..end as usize];
        let mut pc = 0;
        while pc + 1 < ops.len() {
            match ops[pc] {
                Op::Fold { len } => {
                    let block = &ops[pc + 1..pc + 1 + len as usize];
                    if let Some(x) = self.fold(m, fr, code, cc, block) {
                        self.st.push(x);
                        pc += 1 + len as usize;
                        continue;
                    }
                }
                op => self.op(m, fr, cx, code, cc, op),
            }
            pc += 1;
        }
        ops.last().copied().unwrap_or(Op::CallTerm)
    }
}

/// `x name y` on integers as `Meta` ops, when it is an integer without
/// overflow and raises nothing (else `None`, decided by guards: the goal
/// then evaluates the built expression, which raises what it must).
fn int_binop<'gc, M: Meta<'gc>>(m: &mut M, name: &str, x: M::V, y: M::V) -> Option<M::V> {
    use vm_core::jit::ir::OvfOp;
    let zero = m.konst(Value::Int(0));
    // a divisor of 0 raises; -1 may overflow (MIN // -1)
    let divisor_ok = |m: &mut M| {
        let nz = m.int_cmp(Cmp::Ne, y, zero);
        if !m.truth(nz) {
            return false;
        }
        let m1 = m.konst(Value::Int(-1));
        let ok = m.int_cmp(Cmp::Ne, y, m1);
        m.truth(ok)
    };
    Some(match name {
        "+" => m.int_ovf(OvfOp::Add, x, y)?,
        "-" => m.int_ovf(OvfOp::Sub, x, y)?,
        "*" => m.int_ovf(OvfOp::Mul, x, y)?,
        "//" if divisor_ok(m) => m.int(IntOp::TruncDiv, x, y),
        "mod" if divisor_ok(m) => m.int(IntOp::FloorMod, x, y),
        "rem" if divisor_ok(m) => m.int(IntOp::TruncRem, x, y),
        "/\\" => m.int(IntOp::And, x, y),
        "\\/" => m.int(IntOp::Or, x, y),
        "xor" => m.int(IntOp::Xor, x, y),
        ">>" => {
            let lo = m.int_cmp(Cmp::Ge, y, zero);
            if !m.truth(lo) {
                return None;
            }
            let c = m.konst(Value::Int(64));
            let hi = m.int_cmp(Cmp::Lt, y, c);
            if !m.truth(hi) {
                return None;
            }
            m.int(IntOp::Shr, x, y)
        }
        "min" | "max" => {
            let lt = m.int_cmp(Cmp::Lt, x, y);
            let x_first = m.truth(lt) == (name == "min");
            if x_first {
                x
            } else {
                y
            }
        }
        _ => return None,
    })
}

/// Unifies `a` and `b` for head op `i`: `None` when that succeeded inline;
/// otherwise the flow to return, backtracking on a failure or, when the
/// values need the general algorithm, after calling it with its answer in
/// `R_TMP` for the next instruction (`PC_CHECK + i`) to test.
fn head_unify<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    st: M::V,
    a: M::V,
    b: M::V,
    i: usize,
) -> Option<Flow> {
    match unify_fast(m, st, a, b) {
        Some(true) => None,
        Some(false) => Some(fail(m, fr)),
        None => {
            let p = m.konst(cx.prog_v);
            let ok = hcall(m, &UNIFY, &[p, st, a, b]);
            m.set_reg(fr, R_TMP, ok);
            fr.pc = PC_CHECK + i as u32;
            Some(Flow::Next)
        }
    }
}

/// Where a body frame's variables start (after `[0, cut barrier, next, link]`).
const FRAME_VARS: usize = 4;

/// Head op `i` onwards, to the end of the head or the first test after a
/// binding (which begins its own instruction).
fn head<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    code: &'gc Code<'gc>,
    cc: &ClauseCode,
    mut i: usize,
) -> Flow {
    let st = m.reg(fr, R_MS);
    let mut wrote = false;
    while i < cc.head_end {
        let op = cc.ops[i];
        if wrote && !matches!(op, Op::GetVar { .. }) {
            fr.pc = PC_OPS + i as u32;
            return Flow::Next;
        }
        match op {
            Op::GetVar { v, r } => {
                let x = m.reg(fr, creg(cc, r));
                m.set_reg(fr, env_reg(cc, v), x);
            }
            Op::GetVal { v, r } => {
                let a = m.reg(fr, env_reg(cc, v));
                let b = m.reg(fr, creg(cc, r));
                if let Some(flow) = head_unify(m, fr, cx, st, a, b, i) {
                    return flow;
                }
                wrote = true;
            }
            Op::GetConst { k, r } => {
                let x = m.reg(fr, creg(cc, r));
                let c = m.konst(code.consts[k as usize]);
                if let Some(flow) = head_unify(m, fr, cx, st, x, c, i) {
                    return flow;
                }
                wrote = true;
            }
            Op::GetStruct { k, n, r, t, wlen } => {
                let x = m.reg(fr, creg(cc, r));
                let (x, tag) = deref(m, x);
                match tag {
                    Tag::Cell => {
                        // write mode: build, then bind
                        let mut b = Builder::new(None);
                        let mut j = i + 1;
                        loop {
                            match cc.ops.get(j).copied() {
                                Some(Op::BindBuilt { rlen, .. }) => {
                                    let t = b.st.pop().unwrap_or_else(|| m.konst(Value::None));
                                    bind(m, st, x, t);
                                    i = j + 1 + rlen as usize;
                                    break;
                                }
                                Some(op) => b.op(m, fr, cx, code, cc, op),
                                None => return fail(m, fr),
                            }
                            j += 1;
                        }
                        wrote = true;
                        continue;
                    }
                    Tag::Tuple => {
                        let h = m.tuple_head(x);
                        if !name_is(m, fr, h, code.consts[k as usize]) {
                            return fail(m, fr);
                        }
                        let len = m.tuple_len(x);
                        let nk = m.konst(Value::Int(n as i64));
                        if !m.same(len, nk) {
                            return fail(m, fr);
                        }
                        for a in 0..n {
                            let ix = m.konst(Value::Int(a as i64));
                            let y = m.tuple_get(x, ix);
                            m.set_reg(fr, creg(cc, t + a), y);
                        }
                        i += 1 + wlen as usize;
                        continue;
                    }
                    _ => return fail(m, fr),
                }
            }
            _ => return fail(m, fr),
        }
        i += 1;
    }
    fr.pc = PC_OPS + cc.head_end as u32;
    Flow::Next
}

/// Unification of `a` and `b` where one side decides it without a helper:
/// `Some(true)` (bound or equal: the binding, if any, is the last thing
/// done), `Some(false)` (decided unequal, nothing written), `None` (the
/// general helper must do it; nothing written).
fn unify_fast<'gc, M: Meta<'gc>>(m: &mut M, st: M::V, a: M::V, b: M::V) -> Option<bool> {
    let (x, tx) = deref(m, a);
    let (y, ty) = deref(m, b);
    match (tx, ty) {
        (Tag::Cell, Tag::Cell) => {
            if m.same(x, y) {
                return Some(true);
            }
            // the younger variable points to the older (as `Eng::unify`)
            let sx = m.cell_mark(x);
            let sy = m.cell_mark(y);
            let c = m.int_cmp(Cmp::Lt, sx, sy);
            if m.truth(c) {
                bind(m, st, y, x);
            } else {
                bind(m, st, x, y);
            }
            Some(true)
        }
        (Tag::Cell, _) => {
            bind(m, st, x, y);
            Some(true)
        }
        (_, Tag::Cell) => {
            bind(m, st, y, x);
            Some(true)
        }
        (Tag::Int, Tag::Int) => Some(m.same(x, y)),
        (Tag::None, Tag::None) => Some(true),
        (Tag::Str, Tag::Str) => {
            if m.same(x, y) {
                return Some(true);
            }
            // two objects: equal when their texts are (see `ATOM_EQ`)
            let eq = hcall(m, &ATOM_EQ, &[x, y]);
            Some(m.truth(eq))
        }
        (Tag::Tuple, Tag::Tuple) => None,
        (
            Tag::Int | Tag::None | Tag::Str | Tag::Tuple,
            Tag::Int | Tag::None | Tag::Str | Tag::Tuple,
        ) => Some(false),
        _ => None,
    }
}

/// `PC_OPS + head_end`: builds goal 0 and pushes the body frame.
fn body_entry<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    code_v: Value<'gc>,
    code: &'gc Code<'gc>,
    cc: &ClauseCode,
) -> Flow {
    if cc.goals.is_empty() {
        fr.pc = PC_PROCEED;
        return Flow::Next;
    }
    let st = m.reg(fr, R_MS);
    // A first goal that only tests (an integer comparison, a type test) is
    // decided here, before anything is written: when it fails no body
    // frame was made (tak's `X =< Y`, partition's `X =< Y`), when it holds
    // the body starts at goal 1.
    let mut g0 = 0;
    if cc.goals.len() > 1 {
        match leading_test(m, fr, cx, code, cc) {
            Some(true) => g0 = 1,
            Some(false) => return fail(m, fr),
            None => {}
        }
    }
    let mut b = Builder::new(None);
    let mut call = Op::CallTerm;
    if g0 == 0 {
        call = b.goal(m, fr, cx, code, cc, 0);
    }
    for v in &cc.fresh {
        let x = new_var(m, fr);
        m.set_reg(fr, env_reg(cc, *v), x);
    }
    if g0 == 1 {
        // goal 1 may use the variables just made
        call = b.goal(m, fr, cx, code, cc, 1);
    }
    let args = std::mem::take(&mut b.st);
    if cc.goals.len() > g0 + 1 {
        let next = m.get_field(st, MS_CONT);
        let cidx = m.get_field(st, MS_CIDX);
        let p = m.konst(cx.prog_v);
        let link = hcall(m, &LINK, &[p, next, cidx]);
        let bad = m.konst(Value::Int(-1));
        if m.same(link, bad) {
            return to_helper(m, fr, PC_STACKERR);
        }
        let cutb = m.reg(fr, R_CUTB);
        let mut fields = vec![m.konst(Value::Int(0)), cutb, next, link];
        for v in 0..cc.nvars {
            fields.push(m.reg(fr, env_reg(cc, v as u32)));
        }
        for (gi, e) in cc.eager.iter().enumerate() {
            if e.is_some() {
                if gi == g0 {
                    // running now: its slot is never read
                    let n = match call {
                        Op::Call { n, .. } => n as usize,
                        _ => 1,
                    };
                    fields.extend_from_slice(&args[..n.min(args.len())]);
                    continue;
                }
                let mut eb = Builder::new(None);
                eb.goal(m, fr, cx, code, cc, gi);
                fields.extend_from_slice(&eb.st);
            }
        }
        let head = m.konst(code_v);
        let k = m.new_tuple(head, &fields);
        m.set_field(st, MS_CONT, k);
        let next_goal = m.konst(Value::Int(g0 as i64 + 1));
        m.set_field(st, MS_CIDX, next_goal);
    }
    load_call(m, fr, cc, g0, call, &args)
}

/// Decides goal 0 of `cc` when it is a test run inline: an integer
/// comparison of folded integers or a type test (builtins no program can
/// redefine). `None`: not such a goal, or operands of another kind (the
/// goal then runs as usual; nothing was written).
fn leading_test<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    code: &'gc Code<'gc>,
    cc: &ClauseCode,
) -> Option<bool> {
    let (_, end) = cc.goals[0];
    let Op::Call { k, n } = cc.ops[end as usize - 1] else {
        return None;
    };
    let name = match code.consts[k as usize] {
        Value::Str(s) => vm_core::Gc::as_ref(s).as_str(),
        _ => return None,
    };
    let cmp = match (name, n) {
        ("<", 2) => Some(Cmp::Lt),
        (">", 2) => Some(Cmp::Gt),
        ("=<", 2) => Some(Cmp::Le),
        (">=", 2) => Some(Cmp::Ge),
        ("=:=", 2) => Some(Cmp::Eq),
        ("=\\=", 2) => Some(Cmp::Ne),
        ("var" | "nonvar" | "atomic" | "atom" | "integer" | "number" | "compound", 1) => None,
        _ => return None,
    };
    let mut b = Builder::new(None);
    b.goal(m, fr, cx, code, cc, 0);
    match cmp {
        Some(c) => {
            let (x, tx) = deref(m, *b.st.first()?);
            if tx != Tag::Int {
                return None;
            }
            let (y, ty) = deref(m, *b.st.get(1)?);
            if ty != Tag::Int {
                return None;
            }
            let r = m.int_cmp(c, x, y);
            Some(m.truth(r))
        }
        None => type_test(m, name, *b.st.first()?),
    }
}

/// Puts goal `gi`'s arguments into `R_ARGS` and goes to its call op.
fn load_call<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cc: &ClauseCode,
    gi: usize,
    call: Op,
    args: &[M::V],
) -> Flow {
    let n = match call {
        Op::Call { n, .. } => n as usize,
        _ => 1,
    };
    for (a, v) in args.iter().take(n.min(PEND_MAX)).enumerate() {
        m.set_reg(fr, R_ARGS + a, *v);
    }
    fr.pc = PC_OPS + cc.goals[gi].1 - 1;
    Flow::Next
}

/// `PC_PROCEED`: runs the next goal of the continuation's body frame, or
/// hands over to the helper.
fn proceed<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cx: &Cx<'gc>) -> Flow {
    let st = m.reg(fr, R_MS);
    let k = m.get_field(st, MS_CONT);
    if m.tag(k) != Tag::Tuple {
        return to_helper(m, fr, PC_RUN);
    }
    let h = m.tuple_head(k);
    if m.tag(h) != Tag::Code {
        return to_helper(m, fr, PC_RUN);
    }
    let code_v = m.promote(h);
    let Some(code) = heap::as_code(code_v) else {
        return to_helper(m, fr, PC_RUN);
    };
    let Some(cc) = code.data::<ClauseCode>() else {
        return to_helper(m, fr, PC_RUN);
    };
    let ci = m.get_field(st, MS_CIDX);
    let idx = match m.promote(ci) {
        Value::Int(i) => i.max(0) as usize,
        _ => 0,
    };
    let idx = idx.min(cc.goals.len().saturating_sub(1));
    let ix1 = m.konst(Value::Int(1));
    let cutb = m.tuple_get(k, ix1);
    let mut b = Builder::new(Some(k));
    let call;
    if let Some(slot) = cc.eager[idx] {
        call = cc.ops[cc.goals[idx].1 as usize - 1];
        let n = match call {
            Op::Call { n, .. } => n as usize,
            _ => 1,
        };
        for a in 0..n {
            let ix = m.konst(Value::Int(slot as i64 + a as i64));
            let x = m.tuple_get(k, ix);
            b.st.push(x);
        }
    } else {
        call = b.goal(m, fr, cx, code, cc, idx);
    }
    if idx + 1 < cc.goals.len() {
        let ni = m.konst(Value::Int(idx as i64 + 1));
        m.set_field(st, MS_CIDX, ni);
    } else {
        let ix2 = m.konst(Value::Int(2));
        let next = m.tuple_get(k, ix2);
        let ix3 = m.konst(Value::Int(3));
        let link = m.tuple_get(k, ix3);
        let sh = m.konst(Value::Int(40));
        let nidx = m.int(IntOp::Shr, link, sh);
        m.set_field(st, MS_CONT, next);
        m.set_field(st, MS_CIDX, nidx);
    }
    m.set_reg(fr, R_CUTB, cutb);
    let ck = m.konst(code_v);
    m.set_reg(fr, R_CLAUSE, ck);
    let args = std::mem::take(&mut b.st);
    load_call(m, fr, cc, idx, call, &args)
}

/// The goal whose call op is `i`.
fn goal_of(cc: &ClauseCode, i: usize) -> Option<usize> {
    cc.goals.iter().position(|&(_, e)| e as usize == i + 1)
}

/// `PC_OPS + i` for a call op: calls the goal whose arguments are in `R_ARGS`.
fn call<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    code: &'gc Code<'gc>,
    cc: &ClauseCode,
    i: usize,
) -> Flow {
    let st = m.reg(fr, R_MS);
    let Some(gi) = goal_of(cc, i) else {
        return fail(m, fr);
    };
    let (name_v, n) = match cc.ops[i] {
        Op::Call { k, n } => (code.consts[k as usize], n as usize),
        // an atom goal: `!`, `true`, a predicate of arity 0
        Op::CallTerm if i > cc.goals[gi].0 as usize => match cc.ops[i - 1] {
            Op::PushConst { k } if matches!(code.consts[k as usize], Value::Str(_)) => {
                (code.consts[k as usize], 0)
            }
            _ => return goal_to_helper(m, fr, cx, None, 1),
        },
        _ => return goal_to_helper(m, fr, cx, None, 1),
    };
    if !guard_gen(m, fr, cx) {
        return goal_to_helper(m, fr, cx, Some(name_v), n);
    }
    let proc = {
        let e = Eng::new(m.mc(), m.get(st), &cx.prog.g);
        e.site_proc(cc, gi, name_v, n)
    };
    match proc {
        Some(Proc::User(id)) => {
            let skip = cx
                .prog
                .g
                .borrow()
                .meta_skip
                .get(id)
                .copied()
                .unwrap_or(false);
            if skip {
                return helper_enter(m, fr, id, n);
            }
            fr.pc = PRED_BASE + id as u32;
            Flow::Next
        }
        Some(Proc::Control(Ctl::True)) => {
            fr.pc = PC_PROCEED;
            Flow::Next
        }
        Some(Proc::Control(Ctl::Fail)) => fail(m, fr),
        Some(Proc::Control(Ctl::Cut)) => {
            let cps = m.get_field(st, MS_CPS);
            let cutb = m.reg(fr, R_CUTB);
            let w = m.konst(Value::Int(CPW));
            let len = m.int(IntOp::Mul, cutb, w);
            m.list_truncate(cps, len);
            fr.pc = PC_PROCEED;
            Flow::Next
        }
        // arg/3 enumerates with an unbound first argument (so it is not a
        // `Det` builtin); with an integer one it is run here
        Some(Proc::Control(Ctl::NonDet(_))) if n == 3 && name_is_arg(name_v) => {
            let st = m.reg(fr, R_MS);
            match arg3(m, fr, cx, st, i) {
                Some(f) => f,
                None => goal_to_helper(m, fr, cx, Some(name_v), n),
            }
        }
        Some(Proc::Det(_)) => {
            let name = match name_v {
                Value::Str(s) => vm_core::Gc::as_ref(s).as_str(),
                _ => "",
            };
            builtin(m, fr, cx, name_v, name, n, i)
        }
        _ => goal_to_helper(m, fr, cx, Some(name_v), n),
    }
}

/// Whether `v` is the atom `arg`.
fn name_is_arg(v: Value<'_>) -> bool {
    matches!(v, Value::Str(s) if vm_core::Gc::as_ref(s).as_str() == "arg")
}

/// The builtins run here: `is/2` on a folded integer, integer
/// comparisons, `=/2`; anything else goes to the helper.
fn builtin<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    name_v: Value<'gc>,
    name: &str,
    n: usize,
    i: usize,
) -> Flow {
    let st = m.reg(fr, R_MS);
    if n == 1 {
        let x = m.reg(fr, R_ARGS);
        if let Some(ok) = type_test(m, name, x) {
            return if ok {
                fr.pc = PC_PROCEED;
                Flow::Next
            } else {
                fail(m, fr)
            };
        }
    } else if n == 3 && name == "functor" {
        if let Some(f) = functor3(m, fr, cx, st) {
            return f;
        }
    } else if n == 2 && matches!(name, "==" | "\\==" | "@<" | "@>" | "@=<" | "@>=") {
        // the standard order, read by a helper (no bindings)
        let a = m.reg(fr, R_ARGS);
        let b = m.reg(fr, R_ARGS + 1);
        let (x, tx) = deref(m, a);
        let (y, ty) = deref(m, b);
        let r = if tx == Tag::Int && ty == Tag::Int {
            let lt = m.int_cmp(Cmp::Lt, x, y);
            if m.truth(lt) {
                -1
            } else {
                let eq = m.int_cmp(Cmp::Eq, x, y);
                if m.truth(eq) {
                    0
                } else {
                    1
                }
            }
        } else if m.same(x, y) {
            0
        } else {
            let c = hcall(m, &TERM_CMP, &[x, y]);
            match m.promote(c) {
                Value::Int(r) => r,
                _ => 0,
            }
        };
        let ok = match name {
            "==" => r == 0,
            "\\==" => r != 0,
            "@<" => r < 0,
            "@>" => r > 0,
            "@=<" => r <= 0,
            _ => r >= 0,
        };
        return if ok {
            fr.pc = PC_PROCEED;
            Flow::Next
        } else {
            fail(m, fr)
        };
    } else if n == 2 {
        let a = m.reg(fr, R_ARGS);
        let b = m.reg(fr, R_ARGS + 1);
        let cmp = match name {
            "<" => Some(Cmp::Lt),
            ">" => Some(Cmp::Gt),
            "=<" => Some(Cmp::Le),
            ">=" => Some(Cmp::Ge),
            "=:=" => Some(Cmp::Eq),
            "=\\=" => Some(Cmp::Ne),
            _ => None,
        };
        if let Some(c) = cmp {
            let (x, tx) = deref(m, a);
            if tx == Tag::Int {
                let (y, ty) = deref(m, b);
                if ty == Tag::Int {
                    let r = m.int_cmp(c, x, y);
                    if m.truth(r) {
                        fr.pc = PC_PROCEED;
                        return Flow::Next;
                    }
                    return fail(m, fr);
                }
            }
        } else if name == "is" {
            let (y, ty) = deref(m, b);
            if ty == Tag::Int {
                let (x, tx) = deref(m, a);
                match tx {
                    Tag::Cell => {
                        bind(m, st, x, y);
                        fr.pc = PC_PROCEED;
                        return Flow::Next;
                    }
                    Tag::Int => {
                        if m.same(x, y) {
                            fr.pc = PC_PROCEED;
                            return Flow::Next;
                        }
                        return fail(m, fr);
                    }
                    _ => {}
                }
            }
        } else if name == "=" {
            return match unify_fast(m, st, a, b) {
                Some(true) => {
                    fr.pc = PC_PROCEED;
                    Flow::Next
                }
                Some(false) => fail(m, fr),
                None => {
                    let p = m.konst(cx.prog_v);
                    let ok = hcall(m, &UNIFY, &[p, st, a, b]);
                    m.set_reg(fr, R_TMP, ok);
                    fr.pc = PC_CHECK + i as u32;
                    Flow::Next
                }
            };
        }
    }
    goal_to_helper(m, fr, cx, Some(name_v), n)
}

/// The type tests (`var/1`, `atomic/1`, ...) on `x`: the outcome, or
/// `None` when `name` is not one (or `x` is of a kind left to the helper).
fn type_test<'gc, M: Meta<'gc>>(m: &mut M, name: &str, x: M::V) -> Option<bool> {
    if !matches!(
        name,
        "var" | "nonvar" | "atomic" | "atom" | "integer" | "number" | "compound"
    ) {
        return None;
    }
    let (x, t) = deref(m, x);
    // a tuple is a compound term (head: a name) or a string (head `[]`)
    let compound = |m: &mut M| {
        let h = m.tuple_head(x);
        m.tag(h) == Tag::Str
    };
    Some(match (name, t) {
        ("var", t) => t == Tag::Cell,
        ("nonvar", t) => t != Tag::Cell,
        (_, Tag::Cell) => false,
        ("atomic", Tag::Str | Tag::Int | Tag::Float | Tag::BigInt | Tag::None) => true,
        ("atomic", Tag::Tuple) => !compound(m),
        // SWI 7: `[]` is not an atom
        ("atom", Tag::Str) => true,
        ("atom", Tag::Int | Tag::Float | Tag::BigInt | Tag::Tuple | Tag::None) => false,
        ("integer", Tag::Int | Tag::BigInt) => true,
        ("integer", Tag::Str | Tag::Float | Tag::None | Tag::Tuple) => false,
        ("number", Tag::Int | Tag::BigInt | Tag::Float) => true,
        ("number", Tag::Str | Tag::None | Tag::Tuple) => false,
        ("compound", Tag::Tuple) => compound(m),
        ("compound", Tag::Str | Tag::Int | Tag::Float | Tag::BigInt | Tag::None) => false,
        _ => return None,
    })
}

/// `functor(T, F, N)`: with `T` bound, `F` and `N` unbound or equal to
/// its name and arity; with `T` unbound, `F` an atom and `N` an integer
/// from 0 to 4 (promoted: a trace per arity). `None` (nothing decided or
/// written) for anything else, which the helper runs (and raises what it
/// must). Every test is made before the first binding.
fn functor3<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    _cx: &Cx<'gc>,
    st: M::V,
) -> Option<Flow> {
    let t = m.reg(fr, R_ARGS);
    let (t, tt) = deref(m, t);
    let f = m.reg(fr, R_ARGS + 1);
    let (f, tf) = deref(m, f);
    let nv = m.reg(fr, R_ARGS + 2);
    let (nv, tn) = deref(m, nv);
    match tt {
        Tag::Cell => {
            if tn != Tag::Int {
                return None;
            }
            let n = match m.promote(nv) {
                Value::Int(n) if (0..=PEND_MAX as i64).contains(&n) => n as usize,
                _ => return None,
            };
            let term = if n == 0 {
                if !matches!(tf, Tag::Str | Tag::Int | Tag::None) {
                    return None;
                }
                f
            } else {
                if tf != Tag::Str {
                    return None;
                }
                let args: Vec<M::V> = (0..n).map(|_| new_var(m, fr)).collect();
                m.new_tuple(f, &args)
            };
            bind(m, st, t, term);
        }
        Tag::Tuple | Tag::Str | Tag::Int | Tag::None => {
            let (name, len) = if tt == Tag::Tuple {
                let h = m.tuple_head(t);
                if m.tag(h) != Tag::Str {
                    return None;
                }
                (h, m.tuple_len(t))
            } else {
                (t, m.konst(Value::Int(0)))
            };
            if tf == Tag::Cell && tn == Tag::Cell && m.same(f, nv) {
                return None;
            }
            // decisions: which side binds, equal where bound
            let bind_f = match tf {
                Tag::Cell => Some(bind_test(m, st, f)),
                _ => {
                    if !m.same(f, name) {
                        return None;
                    }
                    None
                }
            };
            let bind_n = match tn {
                Tag::Cell => Some(bind_test(m, st, nv)),
                Tag::Int => {
                    let eq = m.int_cmp(Cmp::Eq, nv, len);
                    if !m.truth(eq) {
                        return Some(fail(m, fr));
                    }
                    None
                }
                _ => return None,
            };
            if let Some(tr) = bind_f {
                bind_write(m, st, f, name, tr);
            }
            if let Some(tr) = bind_n {
                bind_write(m, st, nv, len, tr);
            }
        }
        _ => return None,
    }
    fr.pc = PC_PROCEED;
    Some(Flow::Next)
}

/// `arg(N, T, A)` with `N` an integer and `T` a compound term: `None`
/// (nothing decided or written) for anything else, which the helper runs.
fn arg3<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    st: M::V,
    i: usize,
) -> Option<Flow> {
    let nv = m.reg(fr, R_ARGS);
    let (nv, tn) = deref(m, nv);
    if tn != Tag::Int {
        return None;
    }
    let t = m.reg(fr, R_ARGS + 1);
    let (t, tt) = deref(m, t);
    if tt != Tag::Tuple {
        return None;
    }
    let h = m.tuple_head(t);
    if m.tag(h) != Tag::Str {
        return None;
    }
    let len = m.tuple_len(t);
    // a negative position is the helper's domain error
    let zero = m.konst(Value::Int(0));
    let neg = m.int_cmp(Cmp::Lt, nv, zero);
    if m.truth(neg) {
        return None;
    }
    let one = m.konst(Value::Int(1));
    let lo = m.int_cmp(Cmp::Ge, nv, one);
    let hi = m.int_cmp(Cmp::Le, nv, len);
    if !m.truth(lo) || !m.truth(hi) {
        return Some(fail(m, fr));
    }
    let ix = m.int(IntOp::Sub, nv, one);
    let x = m.tuple_get(t, ix);
    let a = m.reg(fr, R_ARGS + 2);
    Some(match unify_fast(m, st, a, x) {
        Some(true) => {
            fr.pc = PC_PROCEED;
            Flow::Next
        }
        Some(false) => fail(m, fr),
        None => {
            let p = m.konst(cx.prog_v);
            let ok = hcall(m, &UNIFY, &[p, st, a, x]);
            m.set_reg(fr, R_TMP, ok);
            fr.pc = PC_CHECK + i as u32;
            Flow::Next
        }
    })
}

/// Pushes the goal in `R_ARGS` (`name_v(args)`, or with `None` the goal
/// term in `R_ARGS`) as a continuation cell under the clause's cut barrier
/// and lets the helper run it.
fn goal_to_helper<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    cx: &Cx<'gc>,
    name_v: Option<Value<'gc>>,
    n: usize,
) -> Flow {
    let st = m.reg(fr, R_MS);
    let goal = match name_v {
        Some(nv) if n > 0 => {
            let name = m.konst(nv);
            let args: Vec<M::V> = (0..n).map(|a| m.reg(fr, R_ARGS + a)).collect();
            m.new_tuple(name, &args)
        }
        Some(nv) => m.konst(nv),
        None => m.reg(fr, R_ARGS),
    };
    let next = m.get_field(st, MS_CONT);
    let cidx = m.get_field(st, MS_CIDX);
    let p = m.konst(cx.prog_v);
    let link = hcall(m, &LINK, &[p, next, cidx]);
    let bad = m.konst(Value::Int(-1));
    if m.same(link, bad) {
        return to_helper(m, fr, PC_STACKERR);
    }
    let cutb = m.reg(fr, R_CUTB);
    let t = m.konst(Value::Bool(true));
    let cell = m.new_tuple(t, &[goal, cutb, next, link]);
    m.set_field(st, MS_CONT, cell);
    let zero = m.konst(Value::Int(0));
    m.set_field(st, MS_CIDX, zero);
    to_helper(m, fr, PC_RUN)
}
