//! The Prolog machine: continuations, choicepoints, the trail, unification,
//! cut, exceptions, and the solve loop.
//!
//! All machine state lives in one heap record (the *machine state*, see the
//! `MS_*` field indices) reachable from the frame's register 0, so the frame
//! can be rebuilt from `(code, pc, regs)` and nothing of a guest computation
//! lives on the Rust stack:
//!
//! - the **continuation** is a linked list of goal cells `[goal, cut barrier,
//!   next, depth]` (a success continuation, as in Pyrolog); a body is pushed
//!   in front of the caller's continuation, and a last call pushes nothing
//!   behind itself, so tail recursion runs in constant space;
//! - the **choicepoint stack** is one flat heap list, `CPW` slots (`CP_*`
//!   fields) per choicepoint; the
//!   cut barrier of a clause body is the stack height when its predicate was
//!   called, so `!` truncates the list to it;
//! - the **trail** lists variables bound while a choicepoint older than them
//!   existed (conditional trailing by serial number);
//! - exceptions walk the continuation for `'$catch_exit'` markers, each
//!   naming the catch/3 choicepoint that is active while its goal runs.
//!
//! [`Eng::run`] is the body of the interpreter's one helper: it runs goals
//! until it is about to enter a user predicate (the JIT's merge point, whose
//! green key is the predicate), spends its budget, or finishes.

use std::cell::{Cell, RefCell};

use vm_core::heap;
use vm_core::{Gc, Mutation, Value};

use crate::builtins::{self, Proc};
use crate::errors as err;
use crate::globals::Globals;
use crate::terms::{self, view, T};

// ---- machine-state record fields ----
pub const MS_CONT: u32 = 0;
pub const MS_CPS: u32 = 1;
pub const MS_TRAIL: u32 = 2;
pub const MS_PREDS: u32 = 3;
pub const MS_GVARS: u32 = 4;
pub const MS_GOAL: u32 = 5;
pub const MS_CUTB: u32 = 6;
pub const MS_NEXT: u32 = 7;
pub const MS_INITS: u32 = 8;
pub const MS_RESULT: u32 = 9;
pub const MS_FLAGS: u32 = 10;
pub const MS_CODE: u32 = 11;
pub const MS_QVARS: u32 = 12;
/// The atom table's values (a list of `Str`; see [`Eng::intern`]).
pub const MS_ATOMS: u32 = 13;
/// The argument registers: a list holding the arguments of a user
/// predicate call whose goal term was never built (see [`Pending`]), read
/// by [`Eng::enter_pred`] when `MS_GOAL` is `None`.
pub const MS_ARGS: u32 = 14;
/// With `MS_CONT`, the continuation: when `MS_CONT` is a body frame, the
/// index of the frame's goal that runs next (the WAM's CP beside E).
pub const MS_CIDX: u32 = 15;
/// The procedure table's generation (`Globals::proc_gen`) as a heap value,
/// copied at the end of every helper run, so a trace can guard on it.
pub const MS_PGEN: u32 = 16;
pub const MS_NFIELDS: usize = 17;

// ---- choicepoint record fields ----
pub const CP_KIND: u32 = 0;
pub const CP_TRAIL: u32 = 1;
pub const CP_CONT: u32 = 2;
pub const CP_SERIAL: u32 = 3;
pub const CP_A: u32 = 4;
pub const CP_B: u32 = 5;
pub const CP_C: u32 = 6;
pub const CP_D: u32 = 7;
/// K_CLAUSES only: the predicate id (for its index).
pub const CP_E: u32 = 8;
/// A number no other choicepoint of the query has: `'$catch_exit'` and
/// `'$softcut'` goals name their choicepoint by it.
pub const CP_ID: u32 = 9;
/// The continuation's goal index (`MS_CIDX`) when the choicepoint was pushed.
pub const CP_CIDX: u32 = 10;
/// Slots per choicepoint in the flat choicepoint stack.
pub(crate) const CPW: i64 = 11;

/// Choicepoint kinds.
pub const K_ALT: i64 = 0; // A: goal, B: cut barrier
pub const K_CLAUSES: i64 = 1; // A: goal, B: clause list, C: next index, D: limit
pub const K_CATCH: i64 = 2; // A: catcher, B: recovery, C: cut barrier
pub const K_FINDALL: i64 = 3; // A: collector, B: result, C: tail
pub const K_DEAD: i64 = 4;
pub const K_ALTS: i64 = 5; // A: target, B: alternatives list, C: next index
pub const K_BETWEEN: i64 = 6; // A: var, B: next, C: high (or inf)
pub const K_REPEAT: i64 = 7;
pub const K_BASE: i64 = 8; // bottom of a query
pub const K_RETRACT: i64 = 9; // A: target, B: clause list, C: next index, D: pred

// ---- clause record fields ----
pub const C_HEAD: u32 = 0;
pub const C_BODY: u32 = 1;
pub const C_NVARS: u32 = 2;
pub const C_ERASED: u32 = 3;
/// The body as a flat goal vector (see [`body_goals`]).
pub const C_GOALS: u32 = 4;
/// The compiled clause (a `Code` whose data is a
/// [`crate::compile::ClauseCode`]), or `None` when it runs from templates.
pub const C_CODE: u32 = 5;

// ---- predicate record fields ----
pub const P_CLAUSES: u32 = 0;
pub const P_DYNAMIC: u32 = 1;
pub const P_DEFINED: u32 = 2;
pub const P_LIB: u32 = 3;
pub const P_NAME: u32 = 4;
pub const P_ARITY: u32 = 5;
/// The clause list the predicate's first-argument index was built for.
pub const P_INDEXED: u32 = 6;
/// What the `Meta`-level interpreter knows of the clause list (see
/// `metarun::pred_info`): a tuple `[list, length, flags]`, or `None`.
pub const P_META: u32 = 7;

/// Next-pc values the helper hands back to the interpreter loop.
pub const PC_DISPATCH: u32 = 0;
pub const PC_RUN: u32 = 1;
pub const PC_REDO: u32 = 2;
pub const PC_DONE: u32 = 3;
/// The frame pc of the helper call (the merge point; see `interp`).
pub const PC_CALL: u32 = 4;
/// The helper ran [`SLICE_GOALS`] goals: the interpreter yields to the
/// executor (so the heap can be collected), then keeps solving.
pub const PC_YIELD: u32 = 5;
/// Helper entry: raise `resource_error(stack)` (a body frame pushed by the
/// `Meta`-level interpreter would pass the continuation limit).
pub const PC_STACKERR: u32 = 7;
/// User predicate entries one helper call runs before it yields: what one
/// fuel slice (100,000 instructions, two per entry) ran when every
/// predicate call was an interpreter round trip, so the heap is collected
/// as often as before (more often made collection dominate: tak 2x slower
/// with a yield every 50,000 goals).
const SLICE_CALLS: u32 = 50_000;
/// Goals of any kind one helper call runs at most before it yields.
const SLICE_GOALS: u32 = 1_000_000;
/// `MS_NEXT` is `PRED_BASE + k` when the next step enters user predicate `k`.
pub const PRED_BASE: u32 = 16;

/// Query outcomes stored in `MS_RESULT`.
pub const R_SOLUTION: i64 = 1;
pub const R_FAIL: i64 = 2;
pub const R_ERROR: i64 = 3;
pub const R_HALT: i64 = 4;

/// Atoms the machine itself builds goals and terms with, interned at start
/// so building them allocates no string.
pub const MACHINE_ATOMS: &[&str] = &[
    "[|]",
    "true",
    "fail",
    "$cut",
    "$softcut",
    "$catch_exit",
    "$fa_add",
    "$solution",
    "call",
    ",",
    ";",
    "->",
    "*->",
    "inf",
    "error",
    "-",
    "+",
    "*",
    "/",
];

/// Template depth up to which `build` and head unification recurse in Rust.
const BUILD_REC_DEPTH: u32 = 32;

/// Deepest continuation (non-tail recursion depth) before a resource error.
pub const MAX_CONT_DEPTH: i64 = 4_000_000;
/// Most choicepoints before a resource error.
pub const MAX_CPS: i64 = 6_000_000;

/// The class of machine-internal records (never a term: `view` says `Other`).

/// A Prolog exception in flight (the ball).
pub type PResult<'gc, T> = Result<T, Value<'gc>>;

/// Most arguments a pending goal keeps unbuilt (larger goals are built).
pub(crate) const PEND_MAX: usize = 4;

/// The first goal of a clause body just entered, which the solve loop runs
/// next. Its arguments are built, but not the goal term itself (the WAM's
/// argument registers): a builtin reads them in place, and a user predicate
/// gets them through `MS_ARGS`; the term is built only when something keeps
/// it (a choicepoint, a continuation cell, a control construct).
#[derive(Copy, Clone)]
pub(crate) struct Pending<'gc> {
    /// The goal when already a term (an atom, or a goal too big to keep unbuilt).
    pub(crate) goal: Option<Value<'gc>>,
    /// The functor name (a `Str`) when `goal` is `None`.
    pub(crate) name: Value<'gc>,
    pub(crate) n: usize,
    pub(crate) args: [Value<'gc>; PEND_MAX],
    pub(crate) cutb: i64,
    /// The procedure, when the call site already looked it up.
    pub(crate) proc: Option<Proc>,
}

impl<'gc> Pending<'gc> {
    /// A goal with no name or term yet, to run under cut barrier `cutb`.
    pub(crate) fn empty(cutb: i64) -> Pending<'gc> {
        Pending {
            goal: None,
            name: Value::None,
            n: 0,
            args: [Value::None; PEND_MAX],
            cutb,
            proc: None,
        }
    }

    fn term(&self, mc: &Mutation<'gc>) -> Value<'gc> {
        match self.goal {
            Some(g) => g,
            None => terms::compound_s(mc, self.name, &self.args[..self.n]),
        }
    }
}

/// The machine, as Rust code sees it during one helper call.
pub struct Eng<'a, 'gc> {
    /// Allocation context.
    pub mc: &'a Mutation<'gc>,
    /// The machine-state record.
    pub st: Value<'gc>,
    /// Rust-side global state (operators, flags, procedures, output).
    pub g: &'a RefCell<Globals>,
    /// The first goal of the clause body just entered, with its cut
    /// barrier: the solve loop calls it next instead of pushing a
    /// continuation cell for it and popping it again. [`Eng::run`] pushes
    /// it back as a cell before it returns (see [`Eng::flush_pending`]).
    pending: Cell<Option<Pending<'gc>>>,
    /// Scratch vectors for compiled clauses (registers and environment,
    /// the building stack), reused across the calls of one helper run.
    scratch: Cell<(Vec<Value<'gc>>, Vec<Value<'gc>>)>,
    /// User predicate entries in this helper call (see [`SLICE_CALLS`]).
    calls: Cell<u32>,
}

/// A continuation cell: an immutable tuple `[goal, cut barrier, next,
/// link]` (head `true`, so a term view never mistakes it for a term), where
/// `link` packs the depth and the goal index of `next` (see [`link`]). One
/// allocation; nothing ever changes a cell after it is pushed.
pub fn cell<'gc>(
    mc: &Mutation<'gc>,
    goal: Value<'gc>,
    cutb: i64,
    next: Value<'gc>,
    next_idx: i64,
) -> Value<'gc> {
    heap::new_tuple(
        mc,
        Value::Bool(true),
        &[goal, Value::Int(cutb), next, link(next, next_idx)],
    )
}

/// Bits of a continuation entry's `link` field that hold the depth.
const DEPTH_BITS: u32 = 40;

/// The `link` field of a continuation entry (cell or body frame) whose
/// continuation is `next` at goal index `next_idx`: its depth (one more
/// than `next`'s) and `next_idx`, packed in one integer.
pub fn link<'gc>(next: Value<'gc>, next_idx: i64) -> Value<'gc> {
    let depth = match heap::as_tuple(next) {
        Some(t) => depth_of(t.args()[3]) + 1,
        None => 1,
    };
    Value::Int(depth | (next_idx << DEPTH_BITS))
}

/// The depth (continuation length) in a `link` field.
#[inline]
pub fn depth_of(l: Value<'_>) -> i64 {
    int_of(l) & ((1 << DEPTH_BITS) - 1)
}

/// The goal index of the next entry in a `link` field.
#[inline]
pub fn next_idx_of(l: Value<'_>) -> i64 {
    int_of(l) >> DEPTH_BITS
}

/// The fields of a continuation cell: goal, cut barrier, next, depth.
#[inline]
pub fn cell_parts<'gc>(k: Value<'gc>) -> Option<&'gc [Value<'gc>]> {
    heap::as_tuple(k).map(|t| t.args())
}

/// A clause body template as a flat goal vector: the conjunction's goals in
/// order, `true` dropped, in one tuple (head `false`, so a term view never
/// takes it for a term). Pushing the goals of a flat vector does what
/// pushing the `','/2` tree does (all share the clause's cut barrier),
/// without building or dispatching the conjunctions.
pub fn body_goals<'gc>(mc: &Mutation<'gc>, body: Value<'gc>) -> Value<'gc> {
    let mut goals = Vec::new();
    let mut stack = vec![body];
    while let Some(g) = stack.pop() {
        match terms::tuple_parts(g) {
            Some((Value::Str(n), a)) if a.len() == 2 && n.as_str() == "," => {
                stack.push(a[1]);
                stack.push(a[0]);
            }
            _ => {
                if !matches!(g, Value::Str(s) if s.as_str() == "true") {
                    goals.push(g);
                }
            }
        }
    }
    heap::new_tuple(mc, Value::Bool(false), &goals)
}

fn int_of(v: Value<'_>) -> i64 {
    match v {
        Value::Int(i) => i,
        _ => 0,
    }
}

/// Binds the unbound variable `var` of the machine whose state record is
/// `st`, trailing it when a choicepoint older than it exists.
pub fn bind_in<'gc>(mc: &Mutation<'gc>, st: Value<'gc>, var: Value<'gc>, val: Value<'gc>) {
    let cps = heap::get_field(st, MS_CPS);
    let n = heap::list_len(cps);
    if n > 0 {
        let mark = int_of(heap::list_get(cps, n - CPW + CP_SERIAL as i64));
        if terms::var_serial(var) <= mark {
            heap::list_append(mc, heap::get_field(st, MS_TRAIL), var);
        }
    }
    terms::bind_raw(mc, var, val);
}

/// Wraps an internal object so it can sit inside a goal term.
pub fn internal<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> Value<'gc> {
    heap::new_record(mc, Value::Bool(true), vec![v])
}

impl<'a, 'gc> Eng<'a, 'gc> {
    /// The machine of state record `st`.
    pub fn new(mc: &'a Mutation<'gc>, st: Value<'gc>, g: &'a RefCell<Globals>) -> Self {
        Eng {
            mc,
            st,
            g,
            pending: Cell::new(None),
            scratch: Cell::new((Vec::new(), Vec::new())),
            calls: Cell::new(0),
        }
    }

    /// Takes the scratch vectors (emptied; fresh ones if they are in use).
    #[inline]
    pub(crate) fn take_scratch(&self) -> (Vec<Value<'gc>>, Vec<Value<'gc>>) {
        let (mut a, mut b) = self.scratch.take();
        a.clear();
        b.clear();
        (a, b)
    }

    /// Gives the scratch vectors back.
    #[inline]
    pub(crate) fn put_scratch(&self, a: Vec<Value<'gc>>, b: Vec<Value<'gc>>) {
        self.scratch.set((a, b));
    }

    /// The continuation's goal index (see `MS_CIDX`).
    #[inline]
    pub fn cidx(&self) -> i64 {
        int_of(self.get(MS_CIDX))
    }

    /// Sets the continuation: entry `k`, at goal index `idx` when `k` is a
    /// body frame.
    #[inline]
    pub fn set_cont(&self, k: Value<'gc>, idx: i64) {
        self.set(MS_CONT, k);
        // most continuations are cells, whose index stays 0: skip the write
        if !self.get(MS_CIDX).same(&Value::Int(idx)) {
            self.set(MS_CIDX, Value::Int(idx));
        }
    }

    /// Whether user predicate `id` is entered by the `Meta`-level
    /// interpreter (when that is on) rather than in this helper run.
    #[inline]
    fn meta_enter(&self, id: usize) -> bool {
        let g = self.g.borrow();
        g.meta_path && !g.meta_skip.get(id).copied().unwrap_or(false)
    }

    /// Makes `p` the goal the solve loop runs next.
    #[inline]
    pub(crate) fn set_pending(&self, p: Pending<'gc>) {
        self.pending.set(Some(p));
    }

    /// Pushes the pending first body goal (if any) as a continuation cell,
    /// so the machine state alone says what runs next.
    fn flush_pending(&self) {
        if let Some(p) = self.pending.take() {
            let k = cell(
                self.mc,
                p.term(self.mc),
                p.cutb,
                self.get(MS_CONT),
                self.cidx(),
            );
            self.set(MS_CONT, k);
        }
    }

    #[inline]
    pub fn get(&self, f: u32) -> Value<'gc> {
        heap::get_field(self.st, f)
    }
    pub fn set(&self, f: u32, v: Value<'gc>) {
        heap::set_field(self.mc, self.st, f, v)
    }

    /// A fresh variable.
    pub fn new_var(&self) -> Value<'gc> {
        let mut g = self.g.borrow_mut();
        g.serial += 1;
        terms::new_var(self.mc, g.serial)
    }

    /// The atom `s`: the interned value when the atom table has it (so
    /// the machine's own atoms, `'$cut'`, `true`, `'[|]'`, cost no
    /// allocation), else a new one. Never adds to the table, so atoms made
    /// at run time (`atom_concat/3` in a loop) do not accumulate.
    pub fn atom(&self, s: &str) -> Value<'gc> {
        let ix = self.g.borrow().atoms.get(s).copied();
        match ix {
            Some(i) => heap::list_get(self.get(MS_ATOMS), i as i64),
            None => terms::atom(self.mc, s),
        }
    }

    /// The atom `s` from the atom table, adding it when missing. Clause
    /// templates intern their names, so the names of a program's terms are
    /// one `Str` each and compare by pointer (`terms::same_name`'s fast
    /// path) instead of by text.
    pub fn intern(&self, s: &str) -> Value<'gc> {
        let mut g = self.g.borrow_mut();
        if let Some(&i) = g.atoms.get(s) {
            return heap::list_get(self.get(MS_ATOMS), i as i64);
        }
        let table = self.get(MS_ATOMS);
        let v = terms::atom(self.mc, s);
        g.atoms.insert(s.into(), heap::list_len(table) as u32);
        heap::list_append(self.mc, table, v);
        v
    }

    /// The interned form of atom value `v` (`v` itself when it is not a `Str`).
    pub fn intern_value(&self, v: Value<'gc>) -> Value<'gc> {
        match v {
            Value::Str(s) => self.intern(s.as_str()),
            _ => v,
        }
    }

    /// The list of `items` ending in `tail`, its cells named by the
    /// interned `'[|]'` (so clause selection and traces see one object).
    pub fn list(&self, items: Vec<Value<'gc>>, tail: Value<'gc>) -> Value<'gc> {
        let dot = self.atom("[|]");
        let mut t = tail;
        for it in items.into_iter().rev() {
            t = heap::new_tuple(self.mc, dot, &[it, t]);
        }
        t
    }

    pub fn compound(&self, name: &str, args: Vec<Value<'gc>>) -> Value<'gc> {
        if args.is_empty() {
            return self.atom(name);
        }
        terms::compound_s(self.mc, self.atom(name), &args)
    }

    // ---------------- choicepoints and trail ----------------

    pub fn cps(&self) -> Value<'gc> {
        self.get(MS_CPS)
    }
    /// The number of choicepoints.
    #[inline]
    pub fn cp_height(&self) -> i64 {
        heap::list_len(self.cps()) / CPW
    }
    fn trail_len(&self) -> i64 {
        heap::list_len(self.get(MS_TRAIL))
    }

    /// Field `f` of the choicepoint `cp` (a handle from [`Eng::push_cp`]:
    /// its stack index as an `Int`).
    #[inline]
    pub fn cpf(&self, cp: Value<'gc>, f: u32) -> Value<'gc> {
        heap::list_get(self.cps(), int_of(cp) * CPW + f as i64)
    }

    /// Sets field `f` of the choicepoint `cp`.
    pub fn cp_set(&self, cp: Value<'gc>, f: u32, v: Value<'gc>) {
        heap::list_set(self.mc, self.cps(), int_of(cp) * CPW + f as i64, v)
    }

    /// The slots of the choicepoint at stack index `i`.
    #[inline]
    fn cp_slots(&self, i: i64) -> [Value<'gc>; CPW as usize] {
        let mut f = [Value::None; CPW as usize];
        if let Value::List(l) = self.cps() {
            let at = (i * CPW) as usize;
            f.copy_from_slice(&l.borrow()[at..at + CPW as usize]);
        }
        f
    }

    /// The stack index of the choicepoint whose `CP_ID` is `id`, if it is
    /// still on the stack.
    fn find_cp(&self, id: Value<'gc>) -> Option<i64> {
        (0..self.cp_height())
            .rev()
            .find(|&i| self.cpf(Value::Int(i), CP_ID).same(&id))
    }

    /// Pushes a choicepoint of `kind` with continuation `cont` and extra
    /// fields. The choicepoint stack is one flat list, `CPW` slots per
    /// choicepoint, so pushing allocates nothing (beyond the list's
    /// amortised growth) and cutting is a truncation. Returns the
    /// choicepoint's handle (its index).
    pub fn push_cp(
        &self,
        kind: i64,
        cont: Value<'gc>,
        extra: &[Value<'gc>],
    ) -> PResult<'gc, Value<'gc>> {
        let h = self.cp_height();
        let (serial, id) = {
            let mut g = self.g.borrow_mut();
            if h >= g.cont_limit.min(MAX_CPS) {
                return Err(err::resource_error(self.mc, "memory"));
            }
            g.cp_ids += 1;
            (g.serial, g.cp_ids)
        };
        let mut f = [Value::None; CPW as usize];
        f[..4].copy_from_slice(&[
            Value::Int(kind),
            Value::Int(self.trail_len()),
            cont,
            Value::Int(serial),
        ]);
        f[4..4 + extra.len()].copy_from_slice(extra);
        f[CP_ID as usize] = Value::Int(id);
        f[CP_CIDX as usize] = self.get(MS_CIDX);
        if let Value::List(l) = self.cps() {
            heap::List::modify(l, self.mc, |items| items.extend_from_slice(&f));
        }
        Ok(Value::Int(h))
    }

    /// Binds an unbound variable, trailing it when a choicepoint older than it exists.
    pub fn bind(&self, var: Value<'gc>, val: Value<'gc>) {
        bind_in(self.mc, self.st, var, val)
    }

    /// Undoes bindings back to trail length `mark`.
    pub fn undo_to(&self, mark: i64) {
        let Value::List(trail) = self.get(MS_TRAIL) else {
            return;
        };
        let mark = mark.max(0) as usize;
        if trail.borrow().len() <= mark {
            return;
        }
        // One borrow of the trail for the whole undo: the entries are
        // variables and global-variable records, never the trail itself.
        heap::List::modify(trail, self.mc, |t| {
            while t.len() > mark {
                let Some(e) = t.pop() else { break };
                match e {
                    Value::Cell(_) => terms::unbind(self.mc, e),
                    // a global-variable undo entry: [key, old value]
                    Value::Record(_) => {
                        let k = heap::get_field(e, 0);
                        let old = heap::get_field(e, 1);
                        heap::dict_set(self.mc, self.get(MS_GVARS), k, old);
                    }
                    _ => {}
                }
            }
        });
    }

    /// Cuts the choicepoint stack back to height `h`.
    pub fn cut_to(&self, h: i64) {
        heap::list_truncate(self.mc, self.cps(), h * CPW);
    }

    // ---------------- unification ----------------

    /// Unifies two terms (no occurs check). Bindings are trailed; on failure
    /// the caller backtracks, which undoes partial bindings.
    pub fn unify(&self, a: Value<'gc>, b: Value<'gc>) -> bool {
        // Variables and atomic terms need no work stack: most unifications
        // (repeated head variables, `=/2` on a fresh variable) end here
        // without allocating one.
        let x = terms::deref(a);
        let y = terms::deref(b);
        match (x, y) {
            (Value::Tuple(_), Value::Tuple(_)) => self.unify_terms(x, y),
            (Value::Cell(p), Value::Cell(q)) => {
                if !Gc::ptr_eq(p, q) {
                    // bind the younger to the older
                    if p.mark() < q.mark() {
                        self.bind(y, x);
                    } else {
                        self.bind(x, y);
                    }
                }
                true
            }
            (Value::Cell(_), _) => {
                self.bind(x, y);
                true
            }
            (_, Value::Cell(_)) => {
                self.bind(y, x);
                true
            }
            _ => atomic_eq(x, y),
        }
    }

    /// [`Eng::unify`] of two terms that may be compound, with a work stack.
    ///
    /// Past [`terms::CYCLE_BUDGET`] pairs of compounds it remembers the
    /// pairs it has entered and skips one met again (it is being unified
    /// further up): unification of rational trees, which ends on cyclic
    /// terms as SWI's does.
    fn unify_terms(&self, a: Value<'gc>, b: Value<'gc>) -> bool {
        let mut stack = vec![(a, b)];
        let mut pairs = Pairs::default();
        while let Some((x, y)) = stack.pop() {
            let x = terms::deref(x);
            let y = terms::deref(y);
            if let (Value::Cell(p), Value::Cell(q)) = (x, y) {
                if Gc::ptr_eq(p, q) {
                    continue;
                }
                // bind the younger to the older
                if terms::var_serial(x) < terms::var_serial(y) {
                    self.bind(y, x);
                } else {
                    self.bind(x, y);
                }
                continue;
            }
            if terms::is_var(x) {
                self.bind(x, y);
                continue;
            }
            if terms::is_var(y) {
                self.bind(y, x);
                continue;
            }
            match (view(x), view(y)) {
                (T::Compound(n1, a1), T::Compound(n2, a2)) => {
                    if a1.len() != a2.len() || n1 != n2 {
                        return false;
                    }
                    if pairs.again(x, y) {
                        continue;
                    }
                    for i in (0..a1.len()).rev() {
                        stack.push((a1[i], a2[i]));
                    }
                }
                _ => {
                    if !atomic_eq(x, y) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Unification with occurs check.
    pub fn unify_oc(&self, a: Value<'gc>, b: Value<'gc>) -> bool {
        let mut stack = vec![(a, b)];
        let mut pairs = Pairs::default();
        while let Some((x, y)) = stack.pop() {
            let x = terms::deref(x);
            let y = terms::deref(y);
            if let (Value::Cell(p), Value::Cell(q)) = (x, y) {
                if Gc::ptr_eq(p, q) {
                    continue;
                }
                self.bind(x, y);
                continue;
            }
            if terms::is_var(x) {
                if occurs(x, y) {
                    return false;
                }
                self.bind(x, y);
                continue;
            }
            if terms::is_var(y) {
                if occurs(y, x) {
                    return false;
                }
                self.bind(y, x);
                continue;
            }
            match (view(x), view(y)) {
                (T::Compound(n1, a1), T::Compound(n2, a2)) => {
                    if a1.len() != a2.len() || n1 != n2 {
                        return false;
                    }
                    if pairs.again(x, y) {
                        continue;
                    }
                    for i in (0..a1.len()).rev() {
                        stack.push((a1[i], a2[i]));
                    }
                }
                _ => {
                    if !atomic_eq(x, y) {
                        return false;
                    }
                }
            }
        }
        true
    }

    // ---------------- copying ----------------

    /// Copies a term with fresh variables (`copy_term/2`); `map` pairs old
    /// variables with their copies and may be pre-filled.
    pub fn copy(&self, t: Value<'gc>, map: &mut Vec<(Value<'gc>, Value<'gc>)>) -> Value<'gc> {
        // an index beside `map`: a term with many variables is not
        // quadratic to copy
        let mut index: rustc_hash::FxHashMap<u64, Value<'gc>> =
            map.iter().map(|(o, c)| (o.payload_bits(), *c)).collect();
        self.copy_with(t, &mut |e, v| {
            *index.entry(v.payload_bits()).or_insert_with(|| {
                let c = e.new_var();
                map.push((v, c));
                c
            })
        })
    }

    /// Copies a term, resolving bindings; unbound variables are shared (not renamed).
    pub fn resolve(&self, t: Value<'gc>) -> Value<'gc> {
        self.copy_with(t, &mut |_, v| v)
    }

    /// Copies a term with a work stack (deep terms cannot overflow the
    /// Rust stack); `on_var` gives each unbound variable's copy. A term of
    /// more than [`terms::CYCLE_BUDGET`] compounds is copied again with
    /// each compound copied once, a compound met again while its own
    /// arguments are being copied (a cycle) becoming a variable bound to
    /// its copy when that is built, so a rational tree copies to a
    /// rational tree.
    fn copy_with(
        &self,
        t: Value<'gc>,
        on_var: &mut dyn FnMut(&Self, Value<'gc>) -> Value<'gc>,
    ) -> Value<'gc> {
        self.copy_walk(t, on_var, false)
            .unwrap_or_else(|| self.copy_walk(t, on_var, true).unwrap_or(Value::None))
    }

    /// [`Eng::copy_with`]'s walk: `None` past [`terms::CYCLE_BUDGET`]
    /// compounds unless `shared` (each compound copied once, from the
    /// start, so the copy of a rational tree is as small as the original).
    fn copy_walk(
        &self,
        t: Value<'gc>,
        on_var: &mut dyn FnMut(&Self, Value<'gc>) -> Value<'gc>,
        shared: bool,
    ) -> Option<Value<'gc>> {
        enum W<'gc> {
            Visit(Value<'gc>),
            Build(Value<'gc>, usize, u64),
        }
        /// A compound in the copy memo: being built (with the variable
        /// standing for it, once a cycle needed one), or built.
        enum Memo<'gc> {
            Open(Option<Value<'gc>>),
            Done(Value<'gc>),
        }
        let mut memo: rustc_hash::FxHashMap<u64, Memo<'gc>> = Default::default();
        let mut steps = 0usize;
        let mut work = vec![W::Visit(t)];
        let mut out: Vec<Value<'gc>> = Vec::new();
        while let Some(w) = work.pop() {
            match w {
                W::Visit(v) => {
                    let v = terms::deref(v);
                    match v {
                        Value::Cell(_) => out.push(on_var(self, v)),
                        Value::Tuple(_) => match terms::tuple_parts(v) {
                            Some((class @ Value::Str(_), fields)) => {
                                let id = v.payload_bits();
                                match memo.get_mut(&id) {
                                    Some(Memo::Done(c)) => {
                                        out.push(*c);
                                        continue;
                                    }
                                    Some(Memo::Open(slot)) => {
                                        let c = *slot.get_or_insert_with(|| self.new_var());
                                        out.push(c);
                                        continue;
                                    }
                                    None => {}
                                }
                                steps += 1;
                                if steps > terms::CYCLE_BUDGET && !shared {
                                    return None;
                                }
                                let id = if shared {
                                    memo.insert(id, Memo::Open(None));
                                    id
                                } else {
                                    0
                                };
                                work.push(W::Build(class, fields.len(), id));
                                for f in fields.iter().rev() {
                                    work.push(W::Visit(*f));
                                }
                            }
                            _ => out.push(v),
                        },
                        _ => out.push(v),
                    }
                }
                W::Build(class, n, id) => {
                    let args = out.split_off(out.len() - n);
                    let c = heap::new_tuple(self.mc, class, &args);
                    if id != 0 {
                        if let Some(Memo::Open(Some(var))) = memo.get(&id) {
                            terms::bind_raw(self.mc, *var, c);
                        }
                        memo.insert(id, Memo::Done(c));
                    }
                    out.push(c);
                }
            }
        }
        Some(out.pop().unwrap_or(Value::None))
    }

    /// Builds a clause template into a term with variables from `env`.
    #[inline]
    pub fn build(&self, t: Value<'gc>, env: &mut [Option<Value<'gc>>]) -> Value<'gc> {
        self.build_rec(t, env, 0)
    }

    /// Builds a body goal template. The arithmetic arguments of `is/2`
    /// and the comparisons that are already integers here are folded to
    /// their value (see [`Eng::build_arg`]).
    fn build_goal(&self, g: Value<'gc>, env: &mut [Option<Value<'gc>>]) -> Value<'gc> {
        if let Some((name @ Value::Str(nm), targs)) = terms::tuple_parts(g) {
            let folds = arith_args(nm.as_str(), targs.len());
            if folds != 0 {
                let a0 = self.build_arg(targs[0], env, folds & 1 != 0);
                let a1 = self.build_arg(targs[1], env, folds & 2 != 0);
                return terms::compound_s(self.mc, name, &[a0, a1]);
            }
        }
        self.build(g, env)
    }

    /// Builds argument template `t`; when `fold`, an integer expression
    /// whose variables are bound to integers becomes its value instead of a
    /// term (the builtin would compute the same value from either, and the
    /// bindings cannot change before it runs: only backtracking undoes
    /// them, and that drops this goal too). Anything else (floats,
    /// overflow, unbound variables, errors) is built and left to the builtin.
    fn build_arg(&self, t: Value<'gc>, env: &mut [Option<Value<'gc>>], fold: bool) -> Value<'gc> {
        if fold && matches!(t, Value::Tuple(_)) {
            if let Some(v) = eval_template(t, env, 0) {
                return Value::Int(v);
            }
        }
        self.build(t, env)
    }

    /// [`Eng::build`] by recursion over shallow templates (no scratch
    /// allocation); deeper ones go to [`Eng::build_iter`], so the Rust stack
    /// stays bounded whatever the term.
    fn build_rec(&self, t: Value<'gc>, env: &mut [Option<Value<'gc>>], depth: u32) -> Value<'gc> {
        let Some(tp) = heap::as_tuple(t) else {
            return t;
        };
        match tp.head() {
            Value::Int(n) => {
                let n = n as usize;
                match env[n] {
                    Some(x) => x,
                    None => {
                        let x = self.new_var();
                        env[n] = Some(x);
                        x
                    }
                }
            }
            h @ Value::Str(_) => {
                let a = tp.args();
                if depth > BUILD_REC_DEPTH || a.len() > 8 {
                    return self.build_iter(t, env);
                }
                let mut buf = [Value::None; 8];
                for (i, x) in a.iter().enumerate() {
                    buf[i] = self.build_rec(*x, env, depth + 1);
                }
                heap::new_tuple(self.mc, h, &buf[..a.len()])
            }
            _ => t,
        }
    }

    /// [`Eng::build`] for any depth, with explicit stacks.
    fn build_iter(&self, t: Value<'gc>, env: &mut [Option<Value<'gc>>]) -> Value<'gc> {
        enum W<'gc> {
            Visit(Value<'gc>),
            Build(Value<'gc>, usize),
        }
        let mut work = vec![W::Visit(t)];
        let mut out: Vec<Value<'gc>> = Vec::new();
        while let Some(w) = work.pop() {
            match w {
                W::Visit(v) => match terms::tuple_parts(v) {
                    Some((Value::Int(n), _)) => {
                        let n = n as usize;
                        let x = match env[n] {
                            Some(x) => x,
                            None => {
                                let x = self.new_var();
                                env[n] = Some(x);
                                x
                            }
                        };
                        out.push(x);
                    }
                    Some((class @ Value::Str(_), fields)) => {
                        work.push(W::Build(class, fields.len()));
                        for f in fields.iter().rev() {
                            work.push(W::Visit(*f));
                        }
                    }
                    _ => out.push(v),
                },
                W::Build(class, n) => {
                    let at = out.len() - n;
                    let t = heap::new_tuple(self.mc, class, &out[at..]);
                    out.truncate(at);
                    out.push(t);
                }
            }
        }
        out.pop().unwrap_or(Value::None)
    }

    /// Unifies one head-argument template `t` with the goal argument `v`,
    /// filling `env`: by recursion over shallow templates, handing deeper
    /// ones to [`Eng::unify_head`].
    fn unify_head_rec(
        &self,
        t: Value<'gc>,
        v: Value<'gc>,
        env: &mut [Option<Value<'gc>>],
        depth: u32,
    ) -> bool {
        if let Some(tp) = heap::as_tuple(t) {
            match tp.head() {
                Value::Int(n) => {
                    let n = n as usize;
                    return match env[n] {
                        None => {
                            env[n] = Some(v);
                            true
                        }
                        Some(x) => self.unify(x, v),
                    };
                }
                tc @ Value::Str(_) => {
                    let v = terms::deref(v);
                    if terms::is_var(v) {
                        let b = self.build(t, env);
                        self.bind(v, b);
                        return true;
                    }
                    let tf = tp.args();
                    return match terms::tuple_parts(v) {
                        Some((vc @ Value::Str(_), vf)) => {
                            if vf.len() != tf.len() || !terms::same_name(tc, vc) {
                                return false;
                            }
                            if depth > BUILD_REC_DEPTH {
                                return self.unify_head(tf, vf, env);
                            }
                            tf.iter()
                                .zip(vf)
                                .all(|(a, b)| self.unify_head_rec(*a, *b, env, depth + 1))
                        }
                        _ => false,
                    };
                }
                _ => {}
            }
        }
        // atomic template
        let v = terms::deref(v);
        if terms::is_var(v) {
            self.bind(v, t);
            true
        } else {
            atomic_eq(t, v)
        }
    }

    /// Unifies a clause-head template with a goal's arguments, filling `env`.
    pub fn unify_head(
        &self,
        tpl_args: &[Value<'gc>],
        args: &[Value<'gc>],
        env: &mut [Option<Value<'gc>>],
    ) -> bool {
        let mut stack: Vec<(Value<'gc>, Value<'gc>)> = tpl_args
            .iter()
            .rev()
            .zip(args.iter().rev())
            .map(|(a, b)| (*a, *b))
            .collect();
        while let Some((t, v)) = stack.pop() {
            match terms::tuple_parts(t) {
                Some((Value::Int(n), _)) => {
                    let n = n as usize;
                    match env[n] {
                        None => env[n] = Some(v),
                        Some(x) => {
                            if !self.unify(x, v) {
                                return false;
                            }
                        }
                    }
                }
                Some((tc @ Value::Str(_), tf)) => {
                    let v = terms::deref(v);
                    if terms::is_var(v) {
                        let b = self.build(t, env);
                        self.bind(v, b);
                        continue;
                    }
                    match terms::tuple_parts(v) {
                        Some((vc @ Value::Str(_), vf)) => {
                            if vf.len() != tf.len() || !terms::same_name(tc, vc) {
                                return false;
                            }
                            for i in (0..tf.len()).rev() {
                                stack.push((tf[i], vf[i]));
                            }
                        }
                        _ => return false,
                    }
                }
                _ => {
                    // atomic template
                    let v = terms::deref(v);
                    if terms::is_var(v) {
                        self.bind(v, t);
                    } else if !atomic_eq(t, v) {
                        return false;
                    }
                }
            }
        }
        true
    }

    // ---------------- the solve loop ----------------

    fn push_goal(&self, goal: Value<'gc>, cutb: i64) -> PResult<'gc, ()> {
        let k = cell(self.mc, goal, cutb, self.get(MS_CONT), self.cidx());
        if cell_parts(k).is_some_and(|f| depth_of(f[3]) > self.g.borrow().cont_limit) {
            return Err(err::resource_error(self.mc, "stack"));
        }
        self.set(MS_CONT, k);
        Ok(())
    }

    /// Starts a query: `goal` under a base choicepoint, ending with a
    /// solution marker.
    pub fn start_query(&self, goal: Value<'gc>) {
        self.set(MS_CPS, heap::new_list(self.mc));
        self.set(MS_TRAIL, heap::new_list(self.mc));
        let done = self.atom("$solution");
        let k0 = cell(self.mc, done, 0, Value::None, 0);
        self.set_cont(k0, 0);
        let _ = self.push_cp(K_BASE, Value::None, &[]);
        // the whole query runs inside a root catch
        let cp = self
            .push_cp(
                K_CATCH,
                k0,
                &[self.new_var(), self.atom("true"), Value::Int(1)],
            )
            .unwrap_or(Value::None);
        let marker = self.compound("$catch_exit", vec![self.cpf(cp, CP_ID)]);
        let k1 = cell(self.mc, marker, 2, k0, 0);
        let k2 = cell(self.mc, goal, 2, k1, 0);
        self.set(MS_CONT, k2);
        self.set(MS_RESULT, Value::None);
        self.set(MS_NEXT, Value::Int(PC_RUN as i64));
    }

    /// Runs the machine from `pc` for a bounded number of steps. Returns the
    /// next pc: `PRED_BASE + k` when entering user predicate `k`, `PC_RUN`
    /// when the budget is spent, `PC_DONE` when the query has an outcome.
    pub fn run(&self, pc: u32) -> u32 {
        let mut budget = SLICE_GOALS;
        let mut pc = if pc == PC_YIELD { PC_RUN } else { pc };
        loop {
            let r = if pc == PC_STACKERR {
                pc = PC_RUN;
                Err(err::resource_error(self.mc, "stack"))
            } else if pc >= PRED_BASE {
                let r = self.enter_pred((pc - PRED_BASE) as usize);
                pc = PC_RUN;
                r.map(|_| None)
            } else if pc == PC_REDO {
                pc = PC_RUN;
                self.backtrack().map(|_| None)
            } else if let Some(p) = self.pending.take() {
                match p.goal {
                    Some(g) => self.call_goal(g, p.cutb),
                    None => match p.name {
                        Value::Str(n) => match p.proc {
                            Some(pr) => self.call_proc(
                                Some(pr),
                                None,
                                p.name,
                                n.as_str(),
                                &p.args[..p.n],
                                p.cutb,
                            ),
                            None => {
                                self.call_parts(None, p.name, n.as_str(), &p.args[..p.n], p.cutb)
                            }
                        },
                        _ => self.call_goal(p.term(self.mc), p.cutb),
                    },
                }
            } else {
                self.solve_one()
            };
            match r {
                Ok(Some(next)) => {
                    self.flush_pending();
                    return next;
                }
                Ok(None) => {}
                Err(ball) => {
                    // a goal set up by a step that then raised belongs to
                    // the abandoned continuation
                    self.pending.set(None);
                    if let Err(b2) = self.throw(ball) {
                        // uncaught even by the root catch: give up the query
                        self.set(MS_RESULT, Value::Int(R_ERROR));
                        self.set(MS_GOAL, b2);
                        return PC_DONE;
                    }
                }
            }
            if !matches!(self.get(MS_RESULT), Value::None) {
                self.flush_pending();
                return PC_DONE;
            }
            budget -= 1;
            if budget == 0 || self.calls.get() >= SLICE_CALLS {
                self.flush_pending();
                return PC_YIELD;
            }
        }
    }

    /// Backtracks to the newest choicepoint.
    pub fn backtrack(&self) -> PResult<'gc, ()> {
        loop {
            let n = self.cp_height();
            if n == 0 {
                self.set(MS_RESULT, Value::Int(R_FAIL));
                return Ok(());
            }
            let cp = Value::Int(n - 1);
            // all slots at once, and before a cut removes them
            let f = self.cp_slots(n - 1);
            let kind = int_of(f[CP_KIND as usize]);
            self.undo_to(int_of(f[CP_TRAIL as usize]));
            let cont = f[CP_CONT as usize];
            let cidx = int_of(f[CP_CIDX as usize]);
            let (fa, fb, fc) = (f[CP_A as usize], f[CP_B as usize], f[CP_C as usize]);
            match kind {
                K_ALT => {
                    self.cut_to(n - 1);
                    self.set_cont(cont, cidx);
                    return self.push_goal(fa, int_of(fb));
                }
                K_CLAUSES => {
                    self.set_cont(cont, cidx);
                    return self.try_clauses(&f, n - 1);
                }
                K_FINDALL => {
                    self.cut_to(n - 1);
                    self.set_cont(cont, cidx);
                    let items = heap::list_items(fa);
                    let l = self.list(items, fc);
                    if self.unify(fb, l) {
                        return Ok(());
                    }
                    continue;
                }
                K_ALTS => {
                    let alts = self.cpf(cp, CP_B);
                    let i = int_of(self.cpf(cp, CP_C));
                    let len = heap::list_len(alts);
                    if i + 1 >= len {
                        self.cut_to(n - 1);
                    } else {
                        self.cp_set(cp, CP_C, Value::Int(i + 1));
                    }
                    if i >= len {
                        continue;
                    }
                    self.set_cont(cont, cidx);
                    if self.unify(fa, heap::list_get(alts, i)) {
                        return Ok(());
                    }
                    continue;
                }
                K_RETRACT => {
                    self.set_cont(cont, cidx);
                    if builtins::db::retract_next(self, cp, n - 1)? {
                        return Ok(());
                    }
                    continue;
                }
                K_BETWEEN => {
                    let var = self.cpf(cp, CP_A);
                    let next = self.cpf(cp, CP_B);
                    let high = self.cpf(cp, CP_C);
                    let nv = crate::arith::int_add1(self.mc, next);
                    let last = match high {
                        Value::Str(_) => false,
                        h => crate::arith::num_cmp(next, h) != std::cmp::Ordering::Less,
                    };
                    if last {
                        self.cut_to(n - 1);
                    } else {
                        self.cp_set(cp, CP_B, nv);
                    }
                    self.set_cont(cont, cidx);
                    if self.unify(var, next) {
                        return Ok(());
                    }
                    continue;
                }
                K_REPEAT => {
                    self.set_cont(cont, cidx);
                    return Ok(());
                }
                K_BASE => {
                    self.set(MS_RESULT, Value::Int(R_FAIL));
                    return Ok(());
                }
                _ => {
                    // K_DEAD, K_CATCH: just drop
                    self.cut_to(n - 1);
                    continue;
                }
            }
        }
    }

    /// Whether the first argument of a clause head can match `a1`.
    pub(crate) fn first_arg_may_match(head: Value<'gc>, a1: Option<Value<'gc>>) -> bool {
        let Some(a1) = a1 else { return true };
        let Some((_, hargs)) = terms::tuple_parts(head) else {
            return true;
        };
        let h = hargs[0];
        match terms::tuple_parts(h) {
            Some((Value::Int(_), _)) => true,
            Some((Value::Str(hn), hf)) => match terms::tuple_parts(a1) {
                Some((Value::Str(an), af)) => {
                    af.len() == hf.len() && terms::same_name(Value::Str(hn), Value::Str(an))
                }
                _ => false,
            },
            Some(_) => atomic_eq(h, a1),
            None => !matches!(a1, Value::Tuple(_)) && atomic_eq(h, a1),
        }
    }

    /// [`Eng::candidates`] through predicate `id`'s first-argument index when
    /// `list` is large and indexed (building the index when `build` and it
    /// is stale).
    pub(crate) fn candidates_ix(
        &self,
        id: usize,
        list: Value<'gc>,
        from: i64,
        limit: i64,
        a1: Option<Value<'gc>>,
        build: bool,
    ) -> (i64, i64) {
        if limit >= crate::index::MIN_CLAUSES {
            if let Some(a) = a1 {
                let pred = heap::list_get(self.get(MS_PREDS), id as i64);
                let same_list = heap::get_field(pred, P_INDEXED).same(&list);
                if build {
                    let mut g = self.g.borrow_mut();
                    match g.index.get_mut(id) {
                        Some(ix) if same_list => {
                            if ix.len() < limit {
                                ix.extend(list);
                            }
                        }
                        _ => {
                            g.index.set(id, crate::index::ClauseIndex::build(list));
                            drop(g);
                            heap::set_field(self.mc, pred, P_INDEXED, list);
                        }
                    }
                } else if !same_list {
                    return Self::candidates(list, from, limit, a1);
                }
                let g = self.g.borrow();
                if let Some(ix) = g.index.get(id).filter(|ix| ix.len() >= limit) {
                    if let Some(r) = ix.candidates(from, limit, a) {
                        return r;
                    }
                }
            }
        }
        Self::candidates(list, from, limit, a1)
    }

    /// The indices of the first two clauses in `list[from..limit]` whose first
    /// argument may match `a1`.
    fn candidates(list: Value<'gc>, from: i64, limit: i64, a1: Option<Value<'gc>>) -> (i64, i64) {
        let mut i = from;
        while i < limit
            && !Self::first_arg_may_match(heap::get_field(heap::list_get(list, i), C_HEAD), a1)
        {
            i += 1;
        }
        let mut j = i + 1;
        while j < limit
            && !Self::first_arg_may_match(heap::get_field(heap::list_get(list, j), C_HEAD), a1)
        {
            j += 1;
        }
        (i, j)
    }

    /// Resolves `goal` with clause `i` of `list`; the body's cut barrier is `cutb`.
    fn resolve_clause(
        &self,
        args: &[Value<'gc>],
        list: Value<'gc>,
        i: i64,
        cutb: i64,
    ) -> PResult<'gc, ()> {
        let clause = heap::list_get(list, i);
        let code_v = heap::get_field(clause, C_CODE);
        if let Some(code) = heap::as_code(code_v) {
            if let Some(cc) = code.data::<crate::compile::ClauseCode>() {
                return self.resolve_compiled(code_v, code, cc, args, cutb);
            }
        }
        let nvars = int_of(heap::get_field(clause, C_NVARS)) as usize;
        let mut small: [Option<Value<'gc>>; 16] = [None; 16];
        let mut big: Vec<Option<Value<'gc>>> = Vec::new();
        let env: &mut [Option<Value<'gc>>] = if nvars <= small.len() {
            &mut small[..nvars]
        } else {
            big.resize(nvars, None);
            &mut big
        };
        let head = heap::get_field(clause, C_HEAD);
        let hargs = terms::tuple_parts(head).map(|(_, f)| f).unwrap_or(&[]);
        for (t, v) in hargs.iter().zip(args) {
            if !self.unify_head_rec(*t, *v, env, 0) {
                return self.backtrack();
            }
        }
        let goals = heap::get_field(clause, C_GOALS);
        let gs = heap::as_tuple(goals).map(|t| t.args()).unwrap_or(&[]);
        if gs.is_empty() {
            return Ok(());
        }
        // Build in source order (variables are numbered by age), push in
        // reverse. The first goal runs next without a cell of its own, and
        // without its term (see `Pending`).
        let mut p = Pending::empty(cutb);
        match terms::tuple_parts(gs[0]) {
            Some((name @ Value::Str(nm), targs)) if targs.len() <= PEND_MAX => {
                p.name = name;
                p.n = targs.len();
                let folds = arith_args(nm.as_str(), targs.len());
                for (i, (slot, t)) in p.args.iter_mut().zip(targs).enumerate() {
                    *slot = self.build_arg(*t, env, folds & (1 << i) != 0);
                }
            }
            _ => p.goal = Some(self.build(gs[0], env)),
        }
        let rest = &gs[1..];
        if !rest.is_empty() {
            let mut sbuf = [Value::None; 16];
            let mut vbuf: Vec<Value<'gc>> = Vec::new();
            let built: &mut [Value<'gc>] = if rest.len() <= sbuf.len() {
                &mut sbuf[..rest.len()]
            } else {
                vbuf.resize(rest.len(), Value::None);
                &mut vbuf
            };
            for (slot, g) in built.iter_mut().zip(rest) {
                *slot = self.build_goal(*g, env);
            }
            let mut k = self.get(MS_CONT);
            let mut kidx = self.cidx();
            for b in built.iter().rev() {
                k = cell(self.mc, *b, cutb, k, kidx);
                kidx = 0;
            }
            if cell_parts(k).is_some_and(|f| depth_of(f[3]) > self.g.borrow().cont_limit) {
                return Err(err::resource_error(self.mc, "stack"));
            }
            self.set(MS_CONT, k);
        }
        self.pending.set(Some(p));
        Ok(())
    }

    /// Tries the next clauses of the choicepoint at stack index `idx`, whose
    /// slots are `f`;
    /// keeps, updates or pops the choicepoint.
    fn try_clauses(&self, f: &[Value<'gc>; CPW as usize], idx: i64) -> PResult<'gc, ()> {
        let cp = Value::Int(idx);
        let goal = f[CP_A as usize];
        let list = f[CP_B as usize];
        let from = int_of(f[CP_C as usize]);
        let limit = int_of(f[CP_D as usize]);
        let a1 = terms::args(goal)
            .first()
            .map(|a| terms::deref(*a))
            .filter(|a| !terms::is_var(*a));
        let (i, j) = match f[CP_E as usize] {
            Value::Int(id) => self.candidates_ix(id as usize, list, from, limit, a1, false),
            _ => Self::candidates(list, from, limit, a1),
        };
        if i >= limit {
            self.cut_to(idx);
            return self.backtrack();
        }
        if j >= limit {
            self.cut_to(idx);
        } else {
            self.cp_set(cp, CP_C, Value::Int(j));
        }
        self.resolve_clause(terms::args(goal), list, i, idx)
    }

    /// Enters user predicate `k` with the goal in `MS_GOAL`, or when that
    /// is `None`, its arguments in `MS_ARGS`.
    fn enter_pred(&self, k: usize) -> PResult<'gc, ()> {
        let goal = self.get(MS_GOAL);
        let mut regs = [Value::None; PEND_MAX];
        let args: &[Value<'gc>] = if matches!(goal, Value::None) {
            let n = match self.get(MS_ARGS) {
                Value::List(l) => {
                    let l = l.borrow();
                    regs[..l.len()].copy_from_slice(&l);
                    l.len()
                }
                _ => 0,
            };
            &regs[..n]
        } else {
            terms::args(goal)
        };
        let goal = if matches!(goal, Value::None) {
            None
        } else {
            Some(goal)
        };
        self.enter_pred_with(k, goal, args)
    }

    /// Enters user predicate `k` with arguments `args`; `goal` is the goal
    /// term when it was built (a choicepoint keeps it, else it is built
    /// only when a second clause may match).
    fn enter_pred_with(
        &self,
        k: usize,
        goal: Option<Value<'gc>>,
        args: &[Value<'gc>],
    ) -> PResult<'gc, ()> {
        self.calls.set(self.calls.get() + 1);
        let pred = heap::list_get(self.get(MS_PREDS), k as i64);
        let list = heap::get_field(pred, P_CLAUSES);
        let limit = heap::list_len(list);
        let a1 = args
            .first()
            .map(|a| terms::deref(*a))
            .filter(|a| !terms::is_var(*a));
        let (i, j) = self.candidates_ix(k, list, 0, limit, a1, true);
        if i >= limit {
            return self.backtrack();
        }
        let h = self.cp_height();
        // A choicepoint only when another clause may match: a deterministic
        // call allocates none.
        if j < limit {
            let goal = goal
                .unwrap_or_else(|| terms::compound_s(self.mc, heap::get_field(pred, P_NAME), args));
            let cont = self.get(MS_CONT);
            self.push_cp(
                K_CLAUSES,
                cont,
                &[
                    goal,
                    list,
                    Value::Int(j),
                    Value::Int(limit),
                    Value::Int(k as i64),
                ],
            )?;
        }
        self.resolve_clause(args, list, i, h)
    }

    /// Pops and runs one goal. `Ok(Some(pc))` hands a predicate call back to
    /// the interpreter loop.
    fn solve_one(&self) -> PResult<'gc, Option<u32>> {
        let k = self.get(MS_CONT);
        let Some(t) = heap::as_tuple(k) else {
            self.set(MS_RESULT, Value::Int(R_SOLUTION));
            return Ok(None);
        };
        let f = t.args();
        if let h @ Value::Code(_) = t.head() {
            return self.resume_frame(h, k, f, self.cidx());
        }
        self.set_cont(f[2], next_idx_of(f[3]));
        self.call_goal(f[0], int_of(f[1]))
    }

    /// Runs `goal` with cut barrier `cutb` (continuation already popped).
    pub fn call_goal(&self, goal: Value<'gc>, cutb: i64) -> PResult<'gc, Option<u32>> {
        let goal = terms::deref(goal);
        let (name_v, args): (Value<'gc>, &[Value<'gc>]) = match goal {
            Value::Str(_) => (goal, &[]),
            Value::Tuple(t) => {
                let t: &'gc heap::Tuple<'gc> = Gc::as_ref(t);
                match t.head() {
                    h @ Value::Str(_) => (h, t.args()),
                    _ => return Err(err::type_error(self.mc, "callable", goal)),
                }
            }
            Value::Cell(_) => return Err(err::instantiation_error(self.mc)),
            Value::None => return self.call_parts(Some(goal), Value::None, "[]", &[], cutb),
            _ => return Err(err::type_error(self.mc, "callable", goal)),
        };
        let name = match name_v {
            Value::Str(s) => Gc::as_ref(s).as_str(),
            _ => "",
        };
        self.call_parts(Some(goal), name_v, name, args, cutb)
    }

    /// Runs the goal `name(args)` with cut barrier `cutb`: `goal` is its
    /// term, or `None` when it was not built (then `name_v` is the name's
    /// `Str`, and the term is built only if a control construct needs it).
    pub(crate) fn call_parts(
        &self,
        goal: Option<Value<'gc>>,
        name_v: Value<'gc>,
        name: &str,
        args: &[Value<'gc>],
        cutb: i64,
    ) -> PResult<'gc, Option<u32>> {
        let proc = match name_v {
            Value::Str(s) => self
                .g
                .borrow()
                .lookup_hashed(name, s.hash_code(), args.len()),
            _ => self.g.borrow().lookup(name, args.len()),
        };
        self.call_proc(proc, goal, name_v, name, args, cutb)
    }

    /// [`Eng::call_parts`] with the procedure already looked up.
    pub(crate) fn call_proc(
        &self,
        proc: Option<Proc>,
        goal: Option<Value<'gc>>,
        name_v: Value<'gc>,
        name: &str,
        args: &[Value<'gc>],
        cutb: i64,
    ) -> PResult<'gc, Option<u32>> {
        match proc {
            Some(Proc::Control(c)) => {
                let goal = goal.unwrap_or_else(|| terms::compound_s(self.mc, name_v, args));
                self.control(c, goal, args, cutb)
                    .map(|_| None)
                    .map_err(|ball| {
                        if name == "throw" {
                            ball
                        } else {
                            builtins::add_context(self, ball, name, args.len())
                        }
                    })
            }
            Some(Proc::Det(f)) => match f(self, args) {
                Ok(true) => Ok(None),
                Ok(false) => self.backtrack().map(|_| None),
                Err(ball) => Err(builtins::add_context(self, ball, name, args.len())),
            },
            // entered here, not handed back to the interpreter loop: one
            // helper call runs many predicate calls (see `run`)
            Some(Proc::User(id)) => {
                if args.len() <= PEND_MAX && self.meta_enter(id) {
                    // the `Meta`-level interpreter enters it (see `metarun`)
                    self.set(MS_GOAL, Value::None);
                    if let Value::List(l) = self.get(MS_ARGS) {
                        heap::List::modify(l, self.mc, |items| {
                            items.clear();
                            items.extend_from_slice(args);
                        });
                    }
                    return Ok(Some(PRED_BASE + id as u32));
                }
                self.enter_pred_with(id, goal, args).map(|_| None)
            }
            None => {
                let unknown_fail = self.g.borrow().flag_unknown_fail;
                if unknown_fail {
                    return self.backtrack().map(|_| None);
                }
                Err(err::existence_error_proc(self.mc, name, args.len()))
            }
        }
    }

    fn control(
        &self,
        c: Ctl,
        goal: Value<'gc>,
        args: &[Value<'gc>],
        cutb: i64,
    ) -> PResult<'gc, ()> {
        let mc = self.mc;
        match c {
            Ctl::True => Ok(()),
            Ctl::Fail => self.backtrack(),
            Ctl::Cut => {
                self.cut_to(cutb);
                Ok(())
            }
            Ctl::Conj => {
                self.push_goal(args[1], cutb)?;
                self.push_goal(args[0], cutb)
            }
            Ctl::Disj => {
                let l = terms::deref(args[0]);
                let h = self.cp_height();
                let cont = self.get(MS_CONT);
                if terms::is_functor(l, "->", 2) {
                    let la = terms::args(l);
                    self.push_cp(K_ALT, cont, &[args[1], Value::Int(cutb)])?;
                    self.push_goal(la[1], cutb)?;
                    self.push_goal(self.compound("$cut", vec![Value::Int(h)]), 0)?;
                    self.push_goal(la[0], h + 1)
                } else if terms::is_functor(l, "*->", 2) {
                    let la = terms::args(l);
                    let cp = self.push_cp(K_ALT, cont, &[args[1], Value::Int(cutb)])?;
                    self.push_goal(la[1], cutb)?;
                    self.push_goal(self.compound("$softcut", vec![self.cpf(cp, CP_ID)]), 0)?;
                    self.push_goal(la[0], h + 1)
                } else {
                    self.push_cp(K_ALT, cont, &[args[1], Value::Int(cutb)])?;
                    self.push_goal(args[0], cutb)
                }
            }
            Ctl::IfThen => {
                let h = self.cp_height();
                self.push_goal(args[1], cutb)?;
                self.push_goal(self.compound("$cut", vec![Value::Int(h)]), 0)?;
                self.push_goal(args[0], h)
            }
            Ctl::SoftIfThen => {
                self.push_goal(args[1], cutb)?;
                self.push_goal(args[0], self.cp_height())
            }
            Ctl::CutTo => {
                self.cut_to(int_of(args[0]));
                Ok(())
            }
            Ctl::SoftCut => {
                if let Some(i) = self.find_cp(args[0]) {
                    self.cp_set(Value::Int(i), CP_KIND, Value::Int(K_DEAD));
                }
                Ok(())
            }
            Ctl::Not => {
                let h = self.cp_height();
                let cont = self.get(MS_CONT);
                self.push_cp(K_ALT, cont, &[self.atom("true"), Value::Int(cutb)])?;
                self.push_goal(self.atom("fail"), 0)?;
                self.push_goal(self.compound("$cut", vec![Value::Int(h)]), 0)?;
                self.push_goal(args[0], h + 1)
            }
            Ctl::Call => {
                let mut g = terms::deref(args[0]);
                if args.len() > 1 {
                    g = add_args(self, g, &args[1..])?;
                }
                check_callable_body(self, g)?;
                self.push_goal(g, self.cp_height())
            }
            Ctl::Findall => {
                let h = self.cp_height();
                let coll = heap::new_list(mc);
                let cont = self.get(MS_CONT);
                let tail = if args.len() == 4 {
                    args[3]
                } else {
                    Value::None
                };
                let r = terms::deref(args[2]);
                if terms::is_atomic(r) && !matches!(r, Value::None) {
                    return Err(err::type_error(mc, "list", r));
                }
                self.push_cp(K_FINDALL, cont, &[coll, args[2], tail])?;
                self.push_goal(self.atom("fail"), 0)?;
                self.push_goal(
                    self.compound("$fa_add", vec![args[0], internal(mc, coll)]),
                    0,
                )?;
                let g = terms::deref(args[1]);
                check_callable_body(self, g)?;
                self.push_goal(g, h + 1)
            }
            Ctl::FaAdd => {
                let coll = heap::get_field(args[1], 0);
                let mut map = Vec::new();
                let c = self.copy(args[0], &mut map);
                heap::list_append(mc, coll, c);
                Ok(())
            }
            Ctl::Catch => {
                let h = self.cp_height();
                let cont = self.get(MS_CONT);
                let cp = self.push_cp(K_CATCH, cont, &[args[1], args[2], Value::Int(cutb)])?;
                self.push_goal(self.compound("$catch_exit", vec![self.cpf(cp, CP_ID)]), 0)?;
                let g = terms::deref(args[0]);
                self.push_goal(g, h + 1)
            }
            Ctl::CatchExit => {
                let n = self.cp_height();
                if n > 0 && self.cpf(Value::Int(n - 1), CP_ID).same(&args[0]) {
                    self.cut_to(n - 1);
                }
                Ok(())
            }
            Ctl::Throw => {
                let b = terms::deref(args[0]);
                if terms::is_var(b) {
                    return Err(err::instantiation_error(mc));
                }
                // the ball is copied (ISO): the catcher gets fresh variables
                Err(self.copy(b, &mut Vec::new()))
            }
            Ctl::Between => {
                let (lo, hi, x) = (
                    terms::deref(args[0]),
                    terms::deref(args[1]),
                    terms::deref(args[2]),
                );
                crate::arith::check_int(mc, lo)?;
                let hi_inf = matches!(view(hi), T::Atom("inf") | T::Atom("infinite"));
                if !hi_inf {
                    crate::arith::check_int(mc, hi)?;
                }
                if !terms::is_var(x) {
                    crate::arith::check_int(mc, x)?;
                    let ok = crate::arith::num_cmp(lo, x) != std::cmp::Ordering::Greater
                        && (hi_inf || crate::arith::num_cmp(x, hi) != std::cmp::Ordering::Greater);
                    return if ok { Ok(()) } else { self.backtrack() };
                }
                if !hi_inf && crate::arith::num_cmp(lo, hi) == std::cmp::Ordering::Greater {
                    return self.backtrack();
                }
                if hi_inf || crate::arith::num_cmp(lo, hi) == std::cmp::Ordering::Less {
                    let cont = self.get(MS_CONT);
                    let next = crate::arith::int_add1(mc, lo);
                    let hv = if hi_inf { self.atom("inf") } else { hi };
                    self.push_cp(K_BETWEEN, cont, &[x, next, hv])?;
                }
                self.bind(x, lo);
                Ok(())
            }
            Ctl::Repeat => {
                let cont = self.get(MS_CONT);
                self.push_cp(K_REPEAT, cont, &[])?;
                Ok(())
            }
            Ctl::NonDet(f) => {
                let (target, alts) = f(self, args)?;
                self.alternatives(target, alts)
            }
            Ctl::Solution => {
                self.set(MS_RESULT, Value::Int(R_SOLUTION));
                // keep the marker so a redo after this solution backtracks
                Ok(())
            }
            Ctl::Halt => {
                let code = match args.first().map(|a| view(*a)) {
                    Some(T::Int(i)) => i,
                    Some(T::Var) => return Err(err::instantiation_error(mc)),
                    Some(_) => return Err(err::type_error(mc, "integer", args[0])),
                    None => 0,
                };
                self.g.borrow_mut().halted = Some(code as i32);
                self.set(MS_RESULT, Value::Int(R_HALT));
                Ok(())
            }
            Ctl::Retract => builtins::db::retract_start(self, args[0]),
            Ctl::Consult => crate::consult::consult_goal(self, goal, args),
            Ctl::LoadNext => crate::consult::load_next(self),
        }
    }

    /// Tries `target = alts[0]`, leaving a choicepoint for the rest.
    pub fn alternatives(&self, target: Value<'gc>, alts: Vec<Value<'gc>>) -> PResult<'gc, ()> {
        if alts.is_empty() {
            return self.backtrack();
        }
        if alts.len() > 1 {
            let cont = self.get(MS_CONT);
            let l = heap::new_list_from(self.mc, alts.clone());
            self.push_cp(K_ALTS, cont, &[target, l, Value::Int(1)])?;
        }
        if self.unify(target, alts[0]) {
            Ok(())
        } else {
            self.backtrack()
        }
    }

    /// Delivers an exception: finds the innermost active catch/3 whose
    /// catcher unifies with the ball. `Err` when nothing catches it.
    pub fn throw(&self, ball: Value<'gc>) -> PResult<'gc, ()> {
        let mut k = self.get(MS_CONT);
        loop {
            let Some(f) = cell_parts(k) else {
                return Err(ball);
            };
            let goal = f[0];
            k = f[2];
            if !terms::is_functor(goal, "$catch_exit", 1) {
                continue;
            }
            let Some(i) = self.find_cp(terms::args(goal)[0]) else {
                continue;
            };
            let cp = Value::Int(i);
            let mark = int_of(self.cpf(cp, CP_TRAIL));
            let catcher = self.cpf(cp, CP_A);
            let recovery = self.cpf(cp, CP_B);
            let cont = self.cpf(cp, CP_CONT);
            let cidx = int_of(self.cpf(cp, CP_CIDX));
            let root = int_of(self.cpf(cp, CP_C)) == 1;
            self.undo_to(mark);
            self.cut_to(i);
            if self.unify(catcher, ball) {
                self.set_cont(cont, cidx);
                if i == 1 && root {
                    // the root catch of a query: report the error as the outcome
                    self.set(MS_RESULT, Value::Int(R_ERROR));
                    self.set(MS_GOAL, ball);
                    return Ok(());
                }
                return self.push_goal(recovery, i);
            }
            self.undo_to(mark);
        }
    }
}

/// Control constructs and machine-level builtins (those that touch the
/// continuation or choicepoints).
#[derive(Copy, Clone)]
pub enum Ctl {
    True,
    Fail,
    Cut,
    Conj,
    Disj,
    IfThen,
    SoftIfThen,
    CutTo,
    SoftCut,
    Not,
    Call,
    Findall,
    FaAdd,
    Catch,
    CatchExit,
    Throw,
    Between,
    Repeat,
    NonDet(builtins::NonDetFn),
    Solution,
    Halt,
    Retract,
    Consult,
    LoadNext,
}

/// Which arguments of a body goal `name/arity` are evaluated arithmetic
/// expressions (bit `i` for argument `i`): `is/2`'s second, both of the
/// comparisons'. These are builtins no program can redefine.
pub(crate) fn arith_args(name: &str, arity: usize) -> u8 {
    if arity != 2 {
        return 0;
    }
    match name {
        "is" => 0b10,
        "<" | ">" | "=<" | ">=" | "=:=" | "=\\=" => 0b11,
        _ => 0,
    }
}

/// The integer value of an expression template under `env` (see
/// `arith::eval_small`), or `None`.
fn eval_template<'gc>(t: Value<'gc>, env: &[Option<Value<'gc>>], depth: u32) -> Option<i64> {
    let tp = heap::as_tuple(t)?;
    match tp.head() {
        Value::Int(n) => crate::arith::eval_small(env[n as usize]?, 0),
        Value::Str(op) if depth < 8 => match (op.as_str(), tp.args()) {
            (o @ ("+" | "-" | "*"), [a, b]) => {
                let x = eval_arg(*a, env, depth)?;
                let y = eval_arg(*b, env, depth)?;
                match o {
                    "+" => x.checked_add(y),
                    "-" => x.checked_sub(y),
                    _ => x.checked_mul(y),
                }
            }
            ("-", [a]) => eval_arg(*a, env, depth)?.checked_neg(),
            _ => None,
        },
        _ => None,
    }
}

fn eval_arg<'gc>(a: Value<'gc>, env: &[Option<Value<'gc>>], depth: u32) -> Option<i64> {
    match a {
        Value::Int(i) => Some(i),
        _ => eval_template(a, env, depth + 1),
    }
}

/// Whether two atomic terms are identical (same type and value).
pub fn atomic_eq<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Value::Str(_), Value::Str(_)) | (Value::None, Value::None) => terms::same_name(a, b),
        (Value::BigInt(x), Value::BigInt(y)) => x.0 == y.0,
        (Value::Tuple(_), Value::Tuple(_)) => match (view(a), view(b)) {
            (T::Str(x), T::Str(y)) => x == y,
            _ => a.same(&b),
        },
        _ => false,
    }
}

fn occurs<'gc>(var: Value<'gc>, t: Value<'gc>) -> bool {
    let mut stack = vec![t];
    let mut revisit = terms::Revisit::default();
    while let Some(x) = stack.pop() {
        let x = terms::deref(x);
        if x.same(&var) {
            return true;
        }
        if let T::Compound(_, a) = view(x) {
            if !revisit.again(x) {
                stack.extend_from_slice(a);
            }
        }
    }
    false
}

/// The pairs of compounds a unification has entered, remembered past
/// [`terms::CYCLE_BUDGET`] pairs (see [`Eng::unify_terms`]).
#[derive(Default)]
pub(crate) struct Pairs {
    steps: usize,
    seen: rustc_hash::FxHashSet<(u64, u64)>,
}

impl Pairs {
    /// Whether the pair was entered before (only known past the budget).
    #[inline]
    pub(crate) fn again(&mut self, x: Value<'_>, y: Value<'_>) -> bool {
        self.steps += 1;
        self.steps > terms::CYCLE_BUDGET && !self.seen.insert((x.payload_bits(), y.payload_bits()))
    }
}

/// `call/N`: adds extra arguments to a goal.
pub fn add_args<'gc>(
    e: &Eng<'_, 'gc>,
    g: Value<'gc>,
    extra: &[Value<'gc>],
) -> PResult<'gc, Value<'gc>> {
    match view(g) {
        T::Atom(a) => Ok(e.compound(a, extra.to_vec())),
        T::Nil => Ok(e.compound("[]", extra.to_vec())),
        T::Compound(n, a) => {
            let mut v = a.to_vec();
            v.extend_from_slice(extra);
            Ok(e.compound(n, v))
        }
        T::Var => Err(err::instantiation_error(e.mc)),
        _ => Err(err::type_error(e.mc, "callable", g)),
    }
}

/// ISO: a goal body must be callable throughout its control structure.
pub fn check_callable_body<'gc>(e: &Eng<'_, 'gc>, g: Value<'gc>) -> PResult<'gc, ()> {
    let mut stack = vec![g];
    while let Some(x) = stack.pop() {
        let x = terms::deref(x);
        match view(x) {
            T::Var => {}
            T::Atom(_) | T::Nil => {}
            T::Compound(n, a) if a.len() == 2 && matches!(n, "," | ";" | "->" | "*->") => {
                stack.push(a[0]);
                stack.push(a[1]);
            }
            T::Compound(..) => {}
            _ => return Err(err::type_error(e.mc, "callable", g)),
        }
    }
    if terms::is_var(terms::deref(g)) {
        return Err(err::instantiation_error(e.mc));
    }
    Ok(())
}
