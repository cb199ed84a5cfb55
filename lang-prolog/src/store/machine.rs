//! The machine: environment frames, choicepoints, the run loop, calls,
//! backtracking, cut and exceptions.
//!
//! - **Frames** live in `env` (a `Vec<u64>`): `[CE, CP, B0, SIZE, slots..]`:
//!   the caller's frame, the continuation code pointer, the choicepoint
//!   height at predicate entry (the cut barrier) and the slot count. A new
//!   frame goes above both the current continuation frame and the newest
//!   choicepoint's frames (the WAM's rule), so a last call reuses its
//!   caller's space: a tail-recursive loop runs in constant memory.
//! - **Choicepoints** ([`Cp`]) save the store, side-table, trail, frame and
//!   temporary-clause tops; backtracking truncates all of them.
//! - **Code pointers** are `clause id << 32 | pc`; clause ids with
//!   [`TEMP`] set are clauses compiled for `call/N` (freed on backtracking).
//! - **Exceptions** walk the continuation chain for a frame of the
//!   `catch/3` clause whose choicepoint is still there.
//! - **Templates at run time**: a variable or constant template word is
//!   matched or built inline where it is met; only a compound costs a
//!   call ([`Mach::get_cmp`], [`Mach::build_cmp`], recursive on inner
//!   compounds, looping on the last argument). A list cell of variables or
//!   constants (`[H|T]`, `[X]`), the commonest compound in heads and call
//!   arguments, is matched or built inline too (session 13: nreverse
//!   440K -> 333K instructions per iteration, mostly function-call
//!   overhead per template word).
//! - **Session 14** (measured with cachegrind, see the README): head
//!   matching writes the new frame's slots without the trail test (the
//!   frame is above every choicepoint's frame top); a call's argument
//!   registers are loaded in one pass over bound variables and constants
//!   ([`Mach::load_args`]); a small frame is cleared with fixed stores
//!   (`env` keeps spare words above the top); [`Cp`] is 96 bytes (rare
//!   `Alt::Sols` boxed, tops that stay below 2^32 as `u32`), so pushing
//!   one needs no memcpy call.
//! - **Session 15** (calls): an unchanged small predicate is entered
//!   through its precomputed switch ([`crate::store::preds::Hit`]); an
//!   SSU predicate's call raises `existence_error(matching_rule, Goal)`
//!   itself when no rule is left ([`Mach::enter`], `try_ssu`; a guarded
//!   last rule keeps an [`Alt::NoRule`] choicepoint until its commit),
//!   and matches the rule's pattern against the registers without writing
//!   the head's slots; a fact continues at its caller's continuation
//!   without running its `Proceed` (a frame only while its head has
//!   variables to match).
//! - **Session 15** (run loop): [`Flow`] is two words (a clause to enter, a code
//!   pointer, or a boxed ball or outcome), so it comes back from `enter`
//!   and the builtins in registers; a choicepoint saves 1 to 4 argument
//!   registers as a fixed 4-word copy; a head list cell reads its two
//!   store words with one bounds check; backtracking restores inline.

use std::rc::Rc;

use rustc_hash::FxHashMap;
use vm_core::Value;

use crate::builtins::{DetFn, NonDetFn};
use crate::machine::Eng;
use crate::store::atoms::Atoms;
use crate::store::compile::{Clause, Ins, LIS_KEY};
use crate::store::preds::{BUCKET, NO_CLAUSE, NO_NEXT};
use crate::store::terms::{Boxed, Frozen, TRAIL_ENV};
use crate::store::words::*;

/// Frame header words.
pub const HDR: usize = 4;
/// Clause-id bit of temporary (call/N) clauses.
pub const TEMP: u32 = 1 << 31;
/// The continuation of the query: reaching it is a solution.
pub const STOP: u64 = u64::MAX;

/// Most store words before a resource error (1 GB, SWI's default stack limit).
pub const STORE_LIMIT: usize = 1 << 27;
/// Most frame words before a resource error.
pub const ENV_LIMIT: usize = 1 << 26;

pub use crate::store::preds::Pred;

/// What a choicepoint does when backtracked into.
pub enum Alt<'gc> {
    /// The query's bottom: the query fails.
    Stop,
    /// Try the candidate clause at iteration position `pos` of predicate
    /// `pred` (with [`crate::store::preds::BUCKET`]: `sel` is an index
    /// bucket, else the first-argument key), as seen at generation `gen`.
    Clauses {
        /// Keeps the positions valid while the choicepoint exists.
        _pin: Rc<()>,
        sel: Word,
        gen: u64,
        pred: u32,
        pos: i32,
    },
    /// Resume at a code pointer (`cid << 32 | pc`).
    Resume(u64),
    /// catch/3's marker: backtracking passes through.
    Catch,
    /// Disabled (soft cut).
    Dead,
    /// between/3's next value.
    Between {
        next: i64,
        hi: Option<i64>,
        var: Word,
    },
    /// repeat/0.
    Repeat,
    /// A bridged nondeterministic builtin's remaining solutions (boxed:
    /// rare, and the largest variant, so it would size every [`Cp`]).
    Sols(Box<SolsAlt<'gc>>),
    /// A nondeterministic text builtin's next solutions.
    Text(Box<crate::store::text::TextAlt>),
    /// clause/2 or retract/1 from its next candidate.
    ClauseIter(Box<crate::store::preds::ClauseIt>),
    /// SSU predicate `pred`'s last candidate runs its guard: if the guard
    /// fails, no rule matched the call (the rule's commit cuts this).
    NoRule(u32),
}

/// A bridged nondeterministic builtin's remaining solutions.
pub struct SolsAlt<'gc> {
    /// The goal as a heap term.
    pub target: Value<'gc>,
    /// The solutions (instances of `target`).
    pub sols: Rc<Vec<Value<'gc>>>,
    /// The next solution to try.
    pub next: usize,
    /// Store variables of `target` and their heap variables.
    pub vars: Vec<(usize, Value<'gc>)>,
}

/// A choicepoint. Tops that stay far below 2^32 (frame words, box and
/// temporary-clause counts, choicepoint heights, register counts) are
/// `u32`: a smaller choicepoint is cheaper to push and restore.
pub struct Cp<'gc> {
    pub alt: Alt<'gc>,
    /// Store top.
    pub st: usize,
    /// Side-table top.
    pub bx: u32,
    /// Trail top.
    pub tr: usize,
    /// Frame stack top.
    pub et: u32,
    /// Temporary clauses top.
    pub tc: u32,
    /// Frame and continuation to resume with.
    pub e: u32,
    pub cp: u64,
    /// Cut barrier of the call.
    pub b0: u32,
    /// Saved argument registers (`saved[args..args + n]`; `n` is 0, 4 or
    /// more: an arity of 1 to 3 saves 4).
    pub args: usize,
    pub n: u32,
}

/// How a run ended.
pub enum Outcome<'gc> {
    True,
    False,
    Error(Value<'gc>),
    Halt(i32),
}

/// A thrown ball.
pub enum Ball<'gc> {
    Heap(Value<'gc>),
    Word(Word),
    /// halt/0,1 (not catchable).
    Halt(i32),
    /// Not an error: a native builtin hands the goal to the bridged
    /// version of the same builtin (unusual arguments).
    Redo,
}

/// The next step of the run loop. Two words (the rare payloads are
/// boxed), so it comes back from a call in registers, not through memory.
pub enum Flow<'gc> {
    /// Continue at the next instruction.
    Next,
    /// Jump within the clause.
    Goto(usize),
    /// Start a clause at its first instruction (its frame is set up).
    Enter(Rc<Clause>),
    /// Continue at a code pointer (`cid << 32 | pc`, not [`STOP`]).
    Resume(u64),
    /// Backtrack.
    Fail,
    /// Raise.
    Raise(Box<Ball<'gc>>),
    /// Stop running.
    Exit(Box<Outcome<'gc>>),
}

impl<'gc> Flow<'gc> {
    /// Raise `b`.
    #[inline]
    pub fn raise(b: Ball<'gc>) -> Self {
        Flow::Raise(Box::new(b))
    }

    /// Continue in clause `cl` at `pc`.
    #[inline(always)]
    pub fn jump(cl: Rc<Clause>, pc: usize) -> Self {
        if pc == 0 {
            Flow::Enter(cl)
        } else {
            Flow::Resume(code_ptr(cl.id, pc))
        }
    }

    /// Stop running with outcome `o`.
    #[inline]
    pub fn exit(o: Outcome<'gc>) -> Self {
        Flow::Exit(Box::new(o))
    }
}

/// The machine of one query.
pub struct Mach<'e, 'a, 'gc> {
    /// The older engine's machine (bridge, allocation of heap terms).
    pub e: &'e Eng<'a, 'gc>,
    /// The term store.
    pub s: Store,
    /// Boxed values made by the query (truncated on backtracking).
    pub boxes: Vec<Boxed>,
    /// Boxed clause constants.
    pub pboxes: Vec<Boxed>,
    /// Atom table.
    pub atoms: Atoms,
    /// Trail: (store index, or frame index | TRAIL_ENV; old word).
    pub trail: Vec<(usize, Word)>,
    /// Frames.
    pub env: Vec<Word>,
    /// Choicepoints.
    pub cps: Vec<Cp<'gc>>,
    /// Saved argument registers of choicepoints.
    pub saved: Vec<Word>,
    /// Argument registers.
    pub a: Vec<Word>,
    /// Clauses of the program.
    pub clauses: Vec<Rc<Clause>>,
    /// Clauses compiled for call/N.
    pub tclauses: Vec<Rc<Clause>>,
    /// Predicates.
    pub preds: Vec<Pred>,
    /// Predicates by (name, arity).
    pub pred_ix: FxHashMap<(u32, usize), u32>,
    /// Bridged builtins.
    pub dets: Vec<(DetFn, u32, usize)>,
    pub nondets: Vec<(NonDetFn, u32, usize)>,
    /// findall/3 bags.
    pub bags: Vec<Option<Vec<Frozen>>>,
    /// Current frame.
    pub fe: usize,
    /// Continuation pointer (between a call and the callee's frame).
    pub cpr: u64,
    /// Clause id of catch/3's clause.
    pub catch_cid: u32,
    /// Database generation and free clause ids.
    pub db: crate::store::preds::DbState,
    /// Store top saved by the newest choicepoint (the WAM's HB): a
    /// binding of an older variable is trailed.
    pub hb: usize,
    /// Frame top protected by the newest choicepoint.
    pub eb: usize,
}

/// Whether a template word is a variable or a constant (no compound).
#[inline(always)]
fn simple(e: Word) -> bool {
    !matches!(tag(e), STR | LIS)
}

/// Drops a choicepoint's alternative: the commonest, a clause
/// alternative, inline (its pin's count), the rest by the drop glue call.
#[inline(always)]
pub fn drop_alt(a: Alt<'_>) {
    match a {
        Alt::Clauses { _pin, .. } => drop(_pin),
        a => drop(a),
    }
}

/// The clause id of a code pointer.
#[inline(always)]
pub fn cid(p: u64) -> u32 {
    (p >> 32) as u32
}

/// A code pointer.
#[inline(always)]
pub fn code_ptr(c: u32, pc: usize) -> u64 {
    ((c as u64) << 32) | pc as u64
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// A machine with no program.
    pub fn new(e: &'e Eng<'a, 'gc>) -> Self {
        Mach {
            e,
            s: Store::new(),
            boxes: Vec::new(),
            pboxes: Vec::new(),
            atoms: Atoms::new(),
            trail: Vec::new(),
            env: vec![0, STOP, 0, 0],
            cps: Vec::new(),
            saved: Vec::new(),
            a: vec![0; 256],
            clauses: Vec::new(),
            tclauses: Vec::new(),
            preds: Vec::new(),
            pred_ix: FxHashMap::default(),
            dets: Vec::new(),
            nondets: Vec::new(),
            bags: Vec::new(),
            fe: 0,
            cpr: STOP,
            catch_cid: u32::MAX,
            db: Default::default(),
            hb: 0,
            eb: 0,
        }
    }

    /// The clause of a code pointer.
    #[inline(always)]
    pub fn clause(&self, c: u32) -> Rc<Clause> {
        if c & TEMP != 0 {
            self.tclauses[(c & !TEMP) as usize].clone()
        } else {
            self.clauses[c as usize].clone()
        }
    }

    // ---- frames ----

    #[inline(always)]
    fn frame_end(&self, f: usize) -> usize {
        f + HDR + self.env[f + 3] as usize
    }

    /// Recomputes the cached tops after the choicepoint stack changed.
    #[inline(always)]
    pub fn sync_b(&mut self) {
        match self.cps.last() {
            Some(c) => {
                self.hb = c.st;
                self.eb = c.et as usize;
            }
            None => {
                self.hb = 0;
                self.eb = 0;
            }
        }
    }

    /// Allocates the frame of a clause being entered (continuation in
    /// `fe`/`cpr`, cut barrier `b0`).
    #[inline(always)]
    pub fn alloc_frame_pub(&mut self, nslots: usize, b0: usize) -> bool {
        let base = self.frame_end(self.fe).max(self.eb);
        let end = base + HDR + nslots;
        if end > ENV_LIMIT {
            return false;
        }
        // `env` only grows: its length is a high-water mark, the live top
        // is computed from the frame chain and the choicepoints. It keeps
        // `SMALL` words of room above the frame: everything above the new
        // frame is dead, so a small frame clears a fixed `SMALL` slots
        // (plain stores, no memset call).
        const SMALL: usize = 8;
        if self.env.len() < end + SMALL {
            self.env.resize((end + SMALL).max(self.env.len() * 2), 0);
        }
        let (fe, cpr) = (self.fe as u64, self.cpr);
        let f = &mut self.env[base..base + HDR + SMALL];
        f[0] = fe;
        f[1] = cpr;
        f[2] = b0 as u64;
        f[3] = nslots as u64;
        if nslots <= SMALL {
            f[HDR..].fill(0);
        } else {
            self.env[base + HDR..end].fill(0);
        }
        self.fe = base;
        true
    }

    /// Writes a frame slot (absolute index), trailing when the frame is
    /// older than the newest choicepoint.
    #[inline(always)]
    pub fn set_slot(&mut self, a: usize, v: Word) {
        if a < self.eb {
            self.trail.push((a | TRAIL_ENV, self.env[a]));
        }
        self.env[a] = v;
    }

    /// The value of a template variable or constant in the current frame
    /// (0: variable not yet seen).
    #[inline(always)]
    pub(crate) fn tpl_val(&self, cl: &Clause, t: Word) -> (usize, Word) {
        let p = idx(t);
        if p & 1 == 1 {
            (usize::MAX, cl.consts[p >> 1])
        } else {
            let a = self.fe + HDR + (p >> 1);
            (a, self.env[a])
        }
    }

    /// The value of a template variable or constant (0: not yet seen).
    #[inline(always)]
    pub fn tpl_word(&self, cl: &Clause, t: Word) -> Word {
        self.tpl_val(cl, t).1
    }

    // ---- templates ----

    /// Builds a template in the store; its word. A variable or constant
    /// root (the common argument) is handled inline; compounds go to
    /// [`Mach::build_cmp`].
    #[inline(always)]
    pub fn build(&mut self, cl: &Clause, t: Word) -> Word {
        match tag(t) {
            TPL => {
                let (a, v) = self.tpl_val(cl, t);
                if v != 0 {
                    return v;
                }
                let r = self.s.new_var();
                self.set_slot(a, r);
                r
            }
            STR | LIS => self.build_cmp(cl, t),
            _ => t,
        }
    }

    /// The store word of a variable or constant template element that
    /// goes into store cell `dst` (a first-occurrence variable becomes
    /// that cell); `None` for a compound.
    #[inline(always)]
    fn arg_word(&mut self, cl: &Clause, e: Word, dst: usize) -> Option<Word> {
        match tag(e) {
            TPL => {
                let (a, v) = self.tpl_val(cl, e);
                Some(if v != 0 {
                    v
                } else {
                    let r = mk(REF, dst);
                    self.set_slot(a, r);
                    r
                })
            }
            STR | LIS => None,
            _ => Some(e),
        }
    }

    /// Builds a compound template; its word. Variable and constant
    /// arguments are pushed in place; compound arguments recurse (as
    /// deep as the clause's text), the last one loops, so a long list in
    /// a template needs no Rust stack.
    fn build_cmp(&mut self, cl: &Clause, mut t: Word) -> Word {
        let mut first = 0;
        let mut dst = usize::MAX;
        loop {
            let b = idx(t);
            let at = self.s.len();
            let (base, n, w) = if tag(t) == STR {
                let f = cl.tpl[b];
                self.s.push(f);
                (b + 1, fun_arity(f), mk(STR, at))
            } else {
                (b, 2, mk(LIS, at))
            };
            if dst == usize::MAX {
                first = w;
            } else {
                self.s.set(dst, w);
            }
            if n == 0 {
                return first;
            }
            let a0 = self.s.len();
            let args = &cl.tpl[base..base + n];
            // the common case: no compound argument but the last, pushed
            // in order
            let mut k = 0;
            while k < n - 1 {
                match self.arg_word(cl, args[k], a0 + k) {
                    Some(w) => {
                        self.s.push(w);
                    }
                    None => break,
                }
                k += 1;
            }
            if k < n - 1 {
                // a compound argument: reserve the rest, fill in place
                self.s.alloc(n - k);
                while k < n - 1 {
                    let e = args[k];
                    let w = match self.arg_word(cl, e, a0 + k) {
                        Some(w) => w,
                        None => self.build_cmp(cl, e),
                    };
                    self.s.set(a0 + k, w);
                    k += 1;
                }
                let e = args[n - 1];
                match self.arg_word(cl, e, a0 + n - 1) {
                    Some(w) => {
                        self.s.set(a0 + n - 1, w);
                        return first;
                    }
                    None => {
                        t = e;
                        dst = a0 + n - 1;
                        continue;
                    }
                }
            }
            let e = args[n - 1];
            match self.arg_word(cl, e, a0 + n - 1) {
                Some(w) => {
                    self.s.push(w);
                    return first;
                }
                None => {
                    self.s.push(NIL);
                    t = e;
                    dst = a0 + n - 1;
                }
            }
        }
    }

    /// Matches a template against a store word (head unification).
    #[inline(always)]
    pub fn get(&mut self, cl: &Clause, t: Word, w: Word) -> bool {
        match tag(t) {
            TPL => {
                let (a, v) = self.tpl_val(cl, t);
                if v != 0 {
                    return v == w || self.unify(v, w);
                }
                self.set_slot(a, w);
                true
            }
            STR | LIS => self.get_cmp(cl, t, w),
            _ => self.get_atomic(t, w),
        }
    }

    /// [`Mach::get`] in the frame just allocated for head matching (slots
    /// from `base`): a first occurrence is written without the trail test,
    /// that frame is above every choicepoint's frame top.
    /// `base` is `None` when not computed yet: the frame base is then read
    /// only on the variable path (not for constants and compounds).
    #[inline(always)]
    fn get_new(&mut self, base: Option<usize>, cl: &Clause, t: Word, w: Word) -> bool {
        match tag(t) {
            TPL => {
                let p = idx(t);
                let v = if p & 1 == 1 {
                    // an embedded store word (any term)
                    cl.consts[p >> 1]
                } else {
                    let base = base.unwrap_or(self.fe + HDR);
                    debug_assert!(base >= self.eb);
                    let slot = &mut self.env[base + (p >> 1)];
                    let v = *slot;
                    if v == 0 {
                        *slot = w;
                        return true;
                    }
                    v
                };
                v == w || self.unify(v, w)
            }
            STR | LIS => self.get_cmp(cl, t, w),
            _ => self.get_atomic(t, w),
        }
    }

    /// Head matching of one argument: [`Mach::get`] with the list cell
    /// whose elements are variables or constants (`[H|T]`, `[X]`) matched
    /// or built inline, the commonest compound of a clause head (the frame
    /// base computed once for both elements).
    #[inline(always)]
    fn get_head(&mut self, cl: &Clause, t: Word, w: Word) -> bool {
        if tag(t) != LIS {
            return self.get_new(None, cl, t, w);
        }
        let base = self.fe + HDR;
        let b = idx(t);
        let [e0, e1]: [Word; 2] = cl.tpl[b..b + 2].try_into().unwrap();
        if simple(e0) && simple(e1) {
            let d = self.s.deref(w);
            match tag(d) {
                LIS => {
                    let (x0, x1) = self.s.get2(idx(d));
                    return self.get_new(Some(base), cl, e0, x0)
                        && self.get_new(Some(base), cl, e1, x1);
                }
                REF => {
                    let at = self.s.len();
                    let w0 = self.head_word(base, cl, e0, at);
                    let w1 = self.head_word(base, cl, e1, at + 1);
                    self.s.push2(w0, w1);
                    self.bind(d, mk(LIS, at));
                    return true;
                }
                _ => return false,
            }
        }
        self.get_cmp(cl, t, w)
    }

    /// The store word of a variable or constant template element of a
    /// head list cell built into store cell `dst` (a first occurrence
    /// becomes that cell; no trail test, see [`Mach::get_new`]).
    #[inline(always)]
    fn head_word(&mut self, base: usize, cl: &Clause, e: Word, dst: usize) -> Word {
        if tag(e) != TPL {
            return e;
        }
        let p = idx(e);
        if p & 1 == 1 {
            return cl.consts[p >> 1];
        }
        let slot = &mut self.env[base + (p >> 1)];
        if *slot == 0 {
            *slot = mk(REF, dst);
        }
        *slot
    }

    /// A new list cell of two variable or constant template elements.
    #[inline(always)]
    fn list_cell(&mut self, cl: &Clause, e0: Word, e1: Word) -> Word {
        let at = self.s.len();
        let w0 = self.arg_word(cl, e0, at).unwrap_or(NIL);
        let w1 = self.arg_word(cl, e1, at + 1).unwrap_or(NIL);
        self.s.push2(w0, w1);
        mk(LIS, at)
    }

    /// Loads a call's `n` argument registers from the template roots at
    /// `args`. A first pass reads the variables already bound and the
    /// constants (no store or frame writes, so the order does not matter);
    /// the rest (first occurrences, compounds) are built after it in
    /// argument order, so a variable's first occurrence is still the
    /// leftmost one.
    #[inline(always)]
    pub fn load_args(&mut self, cl: &Clause, args: usize, n: usize) {
        let roots = &cl.roots[args..args + n];
        if n > 64 {
            for (k, &t) in roots.iter().enumerate() {
                let w = self.build_reg(cl, t);
                self.a[k] = w;
            }
            return;
        }
        let consts = &cl.consts[..];
        let frame = &self.env[self.fe + HDR..];
        let regs = &mut self.a[..n];
        let mut rest = 0u64;
        for (k, (r, &t)) in regs.iter_mut().zip(roots).enumerate() {
            // 0: not known in this pass (the word 0 is never a value)
            let w = match tag(t) {
                TPL => {
                    let p = idx(t);
                    if p & 1 == 1 {
                        consts[p >> 1]
                    } else {
                        frame[p >> 1]
                    }
                }
                STR | LIS => 0,
                _ => t,
            };
            *r = w;
            rest |= ((w == 0) as u64) << k;
        }
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let w = self.build_reg(cl, roots[k]);
            self.a[k] = w;
        }
    }

    /// [`Mach::build`] for a call's argument registers: a list cell of
    /// variables or constants is built inline.
    #[inline(always)]
    pub fn build_reg(&mut self, cl: &Clause, t: Word) -> Word {
        if tag(t) == LIS {
            let b = idx(t);
            let (e0, e1) = (cl.tpl[b], cl.tpl[b + 1]);
            if simple(e0) && simple(e1) {
                return self.list_cell(cl, e0, e1);
            }
        }
        self.build(cl, t)
    }

    /// Matches an atomic template word.
    #[inline(always)]
    fn get_atomic(&mut self, t: Word, w: Word) -> bool {
        let d = self.s.deref(w);
        if d == t {
            return true;
        }
        if tag(d) == REF {
            self.bind(d, t);
            return true;
        }
        tag(t) == BOX && self.atomic_eq(d, t)
    }

    /// Matches a compound template: against an unbound variable it is
    /// built, against a compound of the same functor its arguments are
    /// matched (variables and constants inline, compounds recursively but
    /// the last argument by looping).
    fn get_cmp(&mut self, cl: &Clause, mut t: Word, mut w: Word) -> bool {
        loop {
            let d = self.s.deref(w);
            let (base, i, n) = match (tag(t), tag(d)) {
                (_, REF) => {
                    let b = self.build_cmp(cl, t);
                    self.bind(d, b);
                    return true;
                }
                (STR, STR) => {
                    let b = idx(t);
                    let i = idx(d);
                    let f = cl.tpl[b];
                    if self.s.get(i) != f {
                        return false;
                    }
                    (b + 1, i + 1, fun_arity(f))
                }
                (LIS, LIS) => (idx(t), idx(d), 2),
                _ => return false,
            };
            if n == 0 {
                return true;
            }
            for k in 0..n - 1 {
                let e = cl.tpl[base + k];
                let x = self.s.get(i + k);
                let ok = match tag(e) {
                    STR | LIS => self.get_cmp(cl, e, x),
                    _ => self.get(cl, e, x),
                };
                if !ok {
                    return false;
                }
            }
            let e = cl.tpl[base + n - 1];
            let x = self.s.get(i + n - 1);
            match tag(e) {
                STR | LIS => {
                    t = e;
                    w = x;
                }
                _ => return self.get(cl, e, x),
            }
        }
    }

    /// Unifies a template with a store word, or (first occurrence) assigns it.
    pub fn get_root(&mut self, cl: &Clause, t: Word, w: Word) -> bool {
        self.get(cl, t, w)
    }

    // ---- choicepoints ----

    /// Pushes a choicepoint saving the first `n` argument registers.
    pub fn push_cp(&mut self, alt: Alt<'gc>, n: usize, b0: usize) {
        let args = self.saved.len();
        // 1 to 4 registers are saved as a fixed 4 (the registers past the
        // arity are dead): a fixed-size copy, no memcpy call
        let n = if n == 0 {
            0
        } else if n <= 4 {
            let w: [Word; 4] = self.a[..4].try_into().unwrap();
            self.saved.extend_from_slice(&w);
            4
        } else {
            self.saved.extend_from_slice(&self.a[..n]);
            n
        };
        let et = self.frame_end(self.fe).max(self.eb);
        self.hb = self.s.len();
        self.eb = et;
        self.cps.push(Cp {
            alt,
            st: self.s.len(),
            bx: self.boxes.len() as u32,
            tr: self.trail.len(),
            et: et as u32,
            tc: self.tclauses.len() as u32,
            e: self.fe as u32,
            cp: self.cpr,
            b0: b0 as u32,
            args,
            n: n as u32,
        });
    }

    /// Removes choicepoints above height `h`.
    pub fn cut_to(&mut self, h: usize) {
        if h < self.cps.len() {
            self.cps.truncate(h);
            let top = self.cps.last().map_or(0, |c| c.args + c.n as usize);
            self.saved.truncate(top);
            self.sync_b();
        }
    }

    /// Restores the machine to the top choicepoint's state (inline: one
    /// call in `backtrack`, one in `throw`).
    #[inline(always)]
    fn restore_top(&mut self) {
        let c = self.cps.last().unwrap();
        let (tr, st, cp, args) = (c.tr, c.st, c.cp, c.args);
        let (bx, tc, e, n) = (c.bx as usize, c.tc as usize, c.e as usize, c.n as usize);
        self.untrail(tr);
        self.s.truncate(st);
        self.boxes.truncate(bx);
        self.tclauses.truncate(tc);
        self.fe = e;
        self.cpr = cp;
        if n == 4 {
            let w: [Word; 4] = self.saved[args..args + 4].try_into().unwrap();
            self.a[..4].copy_from_slice(&w);
        } else if n != 0 {
            self.a[..n].copy_from_slice(&self.saved[args..args + n]);
        }
    }

    fn pop_cp(&mut self) {
        let c = self.cps.pop().unwrap();
        self.saved.truncate(c.args);
        drop_alt(c.alt);
        self.sync_b();
    }

    // ---- calls ----

    /// The first-argument key of a word.
    #[inline(always)]
    pub(crate) fn key_of(&self, w: Word) -> Word {
        let d = self.s.deref(w);
        match tag(d) {
            ATOM | INT => d,
            STR => self.s.get(idx(d)),
            LIS => LIS_KEY,
            _ => 0,
        }
    }

    /// Enters predicate `p` (arguments in the registers, continuation in
    /// `fe`/`cpr`): its first candidate clause, with a choicepoint when
    /// another one follows.
    pub fn enter(&mut self, p: u32) -> Flow<'gc> {
        let pr = &self.preds[p as usize];
        let n = pr.arity;
        if let Some(sw) = &pr.sw {
            // an unchanged small predicate: its precomputed switch
            let key = if n > 0 { self.key_of(self.a[0]) } else { 0 };
            let h = Pred::hit(sw, key);
            let ssu = pr.ssu;
            if h.id == NO_CLAUSE {
                return if ssu { self.no_rule(p) } else { Flow::Fail };
            }
            let b0 = self.cps.len();
            let last = h.next == NO_NEXT;
            if !last {
                let gen = self.db.gen;
                self.push_clauses_cp(p, key, gen, h.next, b0);
            }
            return self.try_cand(h.id, b0, p, last, ssu);
        }
        if pr.live == 0 {
            if pr.ssu {
                return self.no_rule(p);
            }
            if pr.dynamic || pr.defined {
                return Flow::Fail;
            }
            let name = self.atoms.name(pr.name).to_string();
            return Flow::raise(Ball::Heap(crate::errors::existence_error_proc(
                self.e.mc, &name, n,
            )));
        }
        let key = if n > 0 { self.key_of(self.a[0]) } else { 0 };
        let gen = self.db.gen;
        let (bucket, sel, start) = pr.select(key);
        let Some(i) = pr.next(bucket, sel, gen, start) else {
            return if pr.ssu { self.no_rule(p) } else { Flow::Fail };
        };
        let c = pr.ent(bucket, sel, i).id;
        let b0 = self.cps.len();
        let ssu = pr.ssu;
        let more = pr.next(bucket, sel, gen, i + 1);
        if let Some(j) = more {
            self.push_clauses_cp(p | bucket, sel, gen, j, b0);
        }
        self.try_cand(c, b0, p, more.is_none(), ssu)
    }

    /// Pushes the choicepoint of a call whose next candidate is at
    /// position `pos` (`pred`: the predicate, with [`BUCKET`] when `sel`
    /// is an index bucket), as seen at generation `gen`.
    #[inline(always)]
    fn push_clauses_cp(&mut self, pred: u32, sel: Word, gen: u64, pos: i32, b0: usize) {
        let pr = &self.preds[(pred & !BUCKET) as usize];
        let (pin, n) = (pr.pin.clone(), pr.arity);
        self.push_cp(
            Alt::Clauses {
                _pin: pin,
                sel,
                gen,
                pred,
                pos,
            },
            n,
            b0,
        );
    }

    /// Tries candidate clause `c` of predicate `p` (`last`: no other
    /// candidate follows; `ssu`: the predicate is made of SSU rules).
    #[inline(always)]
    fn try_cand(&mut self, c: u32, b0: usize, p: u32, last: bool, ssu: bool) -> Flow<'gc> {
        if ssu {
            self.try_ssu(c, b0, p, last)
        } else {
            self.try_clause(c, b0)
        }
    }

    /// Matches the clause head against the argument registers, in the
    /// frame just allocated for it.
    #[inline(always)]
    fn match_head(&mut self, cl: &Clause) -> bool {
        for (k, &t) in cl.head.iter().enumerate() {
            let w = self.a[k];
            if !self.get_head(cl, t, w) {
                return false;
            }
        }
        true
    }

    #[inline(always)]
    fn try_clause(&mut self, c: u32, b0: usize) -> Flow<'gc> {
        let cl = self.clauses[c as usize].clone();
        if cl.code.len() == 1 {
            return self.try_fact(&cl, b0);
        }
        if !self.alloc_frame_pub(cl.nslots as usize, b0) {
            return self.resource_error();
        }
        if !self.match_head(&cl) {
            return Flow::Fail;
        }
        if self.s.len() > STORE_LIMIT {
            return self.resource_error();
        }
        Flow::Enter(cl)
    }

    /// [`Mach::try_clause`] for a fact (its code is `Proceed` alone): the
    /// head is matched (in a frame only when it has variables, dropped
    /// right after: nothing refers to a frame slot's address) and the
    /// call continues at its continuation (`fe`/`cpr`) at once, without
    /// running the fact's `Proceed`.
    fn try_fact(&mut self, cl: &Clause, b0: usize) -> Flow<'gc> {
        let fe = self.fe;
        if cl.nslots > 0 && !self.alloc_frame_pub(cl.nslots as usize, b0) {
            return self.resource_error();
        }
        if !self.match_head(cl) {
            return Flow::Fail;
        }
        self.fe = fe;
        if self.s.len() > STORE_LIMIT {
            return self.resource_error();
        }
        let p = self.cpr;
        self.resume_at(p)
    }

    /// [`Mach::try_clause`] for a clause of SSU predicate `p`; `last`:
    /// no other candidate follows. The rule's head match (`Ins::SsuHead`)
    /// runs here. A last rule that commits at once (no guard) raises when
    /// its head does not match; a last rule with a guard (or a plain
    /// clause) gets an [`Alt::NoRule`] choicepoint that raises if it
    /// fails before its commit.
    fn try_ssu(&mut self, c: u32, b0: usize, p: u32, last: bool) -> Flow<'gc> {
        let cl = self.clauses[c as usize].clone();
        let (pat, commits) = match cl.code.as_slice() {
            [Ins::SsuHead { args, n }, Ins::Cut, ..] => (Some((*args, *n)), true),
            [Ins::SsuHead { args, n }, ..] => (Some((*args, *n)), false),
            [Ins::Cut, ..] => (None, true),
            _ => (None, false),
        };
        if last && !commits {
            let n = self.preds[p as usize].arity;
            self.push_cp(Alt::NoRule(p), n, b0);
        }
        if !self.alloc_frame_pub(cl.nslots as usize, b0) {
            return self.resource_error();
        }
        let ok = match pat {
            // the head's arguments are the translation's fresh variables,
            // used only by the `'$ssu_match'` goal that `SsuHead` stands
            // for: no slot to write; the pattern is matched against the
            // registers and builds nothing
            Some((args, n)) => self.ssu_head(&cl, args as usize, n as usize),
            None => {
                let ok = self.match_head(&cl);
                if ok && self.s.len() > STORE_LIMIT {
                    return self.resource_error();
                }
                ok
            }
        };
        if !ok {
            if last && commits {
                // the continuation is the caller's again
                self.fe = self.env[self.fe] as usize;
                return self.no_rule(p);
            }
            return Flow::Fail;
        }
        Flow::jump(cl, pat.is_some() as usize)
    }

    /// SWI-Prolog's error when no rule of SSU predicate `p` matches the
    /// call in the argument registers: `error(existence_error(
    /// matching_rule, Goal), context(Name/Arity, _))`.
    #[cold]
    fn no_rule(&mut self, p: u32) -> Flow<'gc> {
        let pr = &self.preds[p as usize];
        let (name, n) = (self.atoms.name(pr.name).to_string(), pr.arity);
        let mut vars = Vec::new();
        let args: Vec<Value<'gc>> = (0..n).map(|k| self.to_heap(self.a[k], &mut vars)).collect();
        let mc = self.e.mc;
        use crate::terms::{compound, new_var};
        let goal = compound(mc, &name, args);
        let f = compound(
            mc,
            "existence_error",
            vec![crate::terms::atom(mc, "matching_rule"), goal],
        );
        let ctx = compound(
            mc,
            "context",
            vec![crate::errors::pi(mc, &name, n), new_var(mc, 0)],
        );
        Flow::raise(Ball::Heap(compound(mc, "error", vec![f, ctx])))
    }

    fn resource_error(&mut self) -> Flow<'gc> {
        // free the space first, so the handler can run
        Flow::raise(Ball::Heap(crate::errors::resource_error(
            self.e.mc, "stack",
        )))
    }

    /// Enters a temporary clause (call/N of a control construct or builtin).
    pub fn enter_temp(&mut self, cl: Clause) -> Flow<'gc> {
        let mut cl = cl;
        cl.id = self.tclauses.len() as u32 | TEMP;
        let cl = Rc::new(cl);
        self.tclauses.push(cl.clone());
        let b0 = self.cps.len();
        if !self.alloc_frame_pub(cl.nslots as usize, b0) {
            return self.resource_error();
        }
        Flow::Enter(cl)
    }

    // ---- backtracking ----

    /// Backtracks to the newest choicepoint.
    pub fn backtrack(&mut self) -> Flow<'gc> {
        loop {
            let Some(top) = self.cps.last() else {
                return Flow::exit(Outcome::False);
            };
            let stop = matches!(top.alt, Alt::Stop);
            self.restore_top();
            if stop {
                return Flow::exit(Outcome::False);
            }
            let h = self.cps.len() - 1;
            let b0 = self.cps[h].b0 as usize;
            // the next clause, updated in place (no move of the Alt)
            if let Alt::Clauses {
                sel,
                gen,
                pred,
                pos,
                ..
            } = &mut self.cps[h].alt
            {
                let bucket = *pred & BUCKET;
                let p = *pred & !BUCKET;
                let pr = &self.preds[p as usize];
                let c = pr.ent(bucket, *sel, *pos).id;
                let ssu = pr.ssu;
                let last = match pr.next(bucket, *sel, *gen, *pos + 1) {
                    Some(j) => {
                        *pos = j;
                        false
                    }
                    None => {
                        self.pop_cp();
                        true
                    }
                };
                match self.try_cand(c, b0, p, last, ssu) {
                    Flow::Fail => continue,
                    f => return f,
                }
            }
            let alt = std::mem::replace(&mut self.cps[h].alt, Alt::Dead);
            match alt {
                Alt::Stop | Alt::Catch | Alt::Dead => {
                    self.pop_cp();
                }
                Alt::Clauses { .. } => unreachable!(),
                Alt::NoRule(p) => {
                    // restore_top gave back the call's registers
                    self.pop_cp();
                    return self.no_rule(p);
                }
                Alt::Resume(p) => {
                    self.pop_cp();
                    return Flow::Resume(p);
                }
                Alt::Between { next, hi, var } => {
                    let more = hi.is_none_or(|h| next < h);
                    if more {
                        self.cps[h].alt = Alt::Between {
                            next: next + 1,
                            hi,
                            var,
                        };
                    } else {
                        self.pop_cp();
                    }
                    let w = self.int_word(next);
                    self.bind(var, w);
                    return self.continue_det();
                }
                Alt::Repeat => {
                    self.cps[h].alt = Alt::Repeat;
                    return self.continue_det();
                }
                Alt::Sols(mut b) => {
                    let (target, sol) = (b.target, b.sols[b.next]);
                    let mut vars = b.vars.clone();
                    if b.next + 1 < b.sols.len() {
                        b.next += 1;
                        self.cps[h].alt = Alt::Sols(b);
                    } else {
                        self.pop_cp();
                    }
                    let t = self.from_heap(target, &mut vars);
                    let s = self.from_heap(sol, &mut vars);
                    if self.unify(t, s) {
                        return self.continue_det();
                    }
                }
                Alt::Text(t) => {
                    if let Some(f) = self.text_redo(h, t) {
                        return f;
                    }
                }
                Alt::ClauseIter(it) => {
                    self.pop_cp();
                    if let Some(f) = self.clause_iter(it) {
                        return f;
                    }
                }
            }
        }
    }

    /// Continues after a nondeterministic builtin resumed by backtracking:
    /// its choicepoint saved the continuation as `fe`/`cpr`.
    pub fn continue_det(&mut self) -> Flow<'gc> {
        let p = self.cpr;
        self.resume_at(p)
    }

    /// Continues at code pointer `p` (in frame `fe`).
    #[inline(always)]
    pub fn resume_at(&mut self, p: u64) -> Flow<'gc> {
        if p == STOP {
            return Flow::exit(Outcome::True);
        }
        Flow::Resume(p)
    }

    // ---- exceptions ----

    /// Raises `ball`: finds the innermost active catch/3 whose catcher
    /// unifies, restores its state and calls the recovery goal.
    /// `(k_e, k_cp)` is the current continuation.
    pub fn throw(&mut self, ball: Ball<'gc>, mut ke: usize, mut kcp: u64) -> Flow<'gc> {
        let w = match ball {
            Ball::Heap(v) => self.from_heap(v, &mut Vec::new()),
            Ball::Word(w) => w,
            Ball::Halt(n) => return Flow::exit(Outcome::Halt(n)),
            Ball::Redo => return Flow::Fail,
        };
        let frozen = self.freeze(w);
        loop {
            if kcp == STOP {
                let w = self.thaw(&frozen);
                let v = self.to_heap(w, &mut Vec::new());
                return Flow::exit(Outcome::Error(v));
            }
            if cid(kcp) == self.catch_cid {
                let f = ke;
                let k = self.env[f + HDR + 3];
                if tag(k) == INT {
                    let k = int_val(k) as usize;
                    if k < self.cps.len()
                        && matches!(self.cps[k].alt, Alt::Catch)
                        && self.cps[k].e as usize == f
                    {
                        self.cut_to(k + 1);
                        self.restore_top();
                        self.pop_cp();
                        self.fe = f;
                        let b = self.thaw(&frozen);
                        let catcher = self.env[f + HDR + 1];
                        if self.unify(catcher, b) {
                            let r = self.env[f + HDR + 2];
                            self.cpr = self.env[f + 1];
                            self.fe = self.env[f] as usize;
                            return self.call_goal(r, &[]);
                        }
                    }
                }
            }
            let f = ke;
            ke = self.env[f] as usize;
            kcp = self.env[f + 1];
        }
    }
}
