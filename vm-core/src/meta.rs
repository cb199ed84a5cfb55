//! The tracing interface interpreters are written against, and its plain instance.
//!
//! An interpreter's `step` is generic over [`Meta`]. Everything whose result
//! the JIT must know goes through it: register reads and writes, type tests,
//! arithmetic, heap access, helper calls, decisions on values, merge points.
//! Green values (the code object, the pc, instruction operands) stay ordinary
//! Rust values and become constants of the trace.
//!
//! Two instances exist: [`Plain`] (a handle is a [`Value`]; operations just
//! compute) and [`crate::jit::recorder::Recording`] (a handle is a value plus
//! the IR ref that produced it; each operation computes and appends IR, each
//! decision appends a guard).
//!
//! The contract an interpreter keeps so its traces can resume anywhere:
//! - call [`Meta::begin`] at the start of every instruction, with the frame's
//!   state as it must be if the instruction is redone from scratch;
//! - within one instruction, make every decision (type test, branch, promote,
//!   overflow check, helper that may raise) *before* the first write to an
//!   object that existed before the instruction; the recorder aborts a trace
//!   that breaks this rule rather than compiling a wrong one;
//! - keep all frame state in the frame's registers (plus code and pc).

use gc_arena::Mutation;

use crate::cell;
use crate::exec::Frame;
use crate::heap;
use crate::jit::helpers::{Effects, Helper};
use crate::jit::ir::{Cmp, FloatOp, IntOp, OvfOp};
use crate::jit::JitState;
use crate::tuple;
use crate::value::{Tag, Value};
use crate::words;

/// The tracing interface. See the module docs for the contract.
pub trait Meta<'gc> {
    /// A value handle: a [`Value`] in the plain interpreter, a value plus its IR ref when recording.
    type V: Copy + std::fmt::Debug;

    /// The arena's mutation context, for allocation. It lives as long as the
    /// arena's `'gc`, not as the borrow of `self`, so an interpreter may hold
    /// it while it goes on using `self`.
    fn mc(&self) -> &'gc Mutation<'gc>;
    /// The concrete value behind a handle. Reading it records nothing: use it
    /// only for what does not steer execution (printing, error messages) or
    /// for what an earlier `tag`/`promote`/`truth` already fixed.
    fn get(&self, v: Self::V) -> Value<'gc>;
    /// A constant (green) value.
    fn konst(&mut self, v: Value<'gc>) -> Self::V;

    /// Starts instruction `pc` of `fr`: sets `fr.pc`, spends one unit of fuel,
    /// and marks the state to resume from if a guard fails in this
    /// instruction. Returns `false` when fuel is spent: the interpreter then
    /// returns [`crate::exec::Action::Yield`] without running the instruction.
    fn begin(&mut self, fr: &mut Frame<'gc>, pc: u32) -> bool;
    /// Register `i` of the frame.
    fn reg(&mut self, fr: &Frame<'gc>, i: usize) -> Self::V;
    /// Sets register `i` of the frame.
    fn set_reg(&mut self, fr: &mut Frame<'gc>, i: usize, v: Self::V);
    /// A new frame of `lang` running `code` from pc 0 (used by `Language::enter_*`).
    fn new_frame(
        &mut self,
        lang: crate::heap::LangId,
        code: Value<'gc>,
        regs: &[Self::V],
    ) -> Frame<'gc>;
    /// Like [`Meta::new_frame`], taking the registers by value (the plain
    /// interpreter then keeps the vector instead of copying it).
    fn new_frame_owned(
        &mut self,
        lang: crate::heap::LangId,
        code: Value<'gc>,
        regs: Vec<Self::V>,
    ) -> Frame<'gc> {
        self.new_frame(lang, code, &regs)
    }
    /// An empty vector with room for `cap` values, for the arguments of a
    /// call that [`Meta::new_frame_owned`] will keep as registers (the plain
    /// interpreter reuses the vectors of returned frames).
    fn new_regs(&mut self, cap: usize) -> Vec<Self::V> {
        Vec::with_capacity(cap)
    }

    /// The tag of `v`; the trace guards that it stays so.
    fn tag(&mut self, v: Self::V) -> Tag;
    /// The exact value of `v`; the trace guards on it and treats it as a constant from here on.
    fn promote(&mut self, v: Self::V) -> Value<'gc>;
    /// The Bool `v` as a Rust bool; the trace guards on the outcome.
    fn truth(&mut self, v: Self::V) -> bool;
    /// Whether `a` and `b` are the same value (identity for objects); the trace guards on the outcome.
    fn same(&mut self, a: Self::V, b: Self::V) -> bool;

    /// `a op b` on ints, or `None` when it overflows (the trace guards either way).
    fn int_ovf(&mut self, op: OvfOp, a: Self::V, b: Self::V) -> Option<Self::V>;
    /// `a op b` on ints; the caller has checked the op's preconditions (see [`IntOp`]).
    fn int(&mut self, op: IntOp, a: Self::V, b: Self::V) -> Self::V;
    /// Bool `a cmp b` on ints.
    fn int_cmp(&mut self, c: Cmp, a: Self::V, b: Self::V) -> Self::V;
    /// `a op b` on floats.
    fn float(&mut self, op: FloatOp, a: Self::V, b: Self::V) -> Self::V;
    /// Bool `a cmp b` on floats.
    fn float_cmp(&mut self, c: Cmp, a: Self::V, b: Self::V) -> Self::V;
    /// The float of an int.
    fn int_to_float(&mut self, a: Self::V) -> Self::V;
    /// Bool negation.
    fn not(&mut self, a: Self::V) -> Self::V;

    /// A new empty list.
    fn new_list(&mut self) -> Self::V;
    /// A new empty dict.
    fn new_dict(&mut self) -> Self::V;
    /// A new record.
    fn new_record(&mut self, class: Self::V, fields: &[Self::V]) -> Self::V;
    /// Length of a list (int).
    fn list_len(&mut self, l: Self::V) -> Self::V;
    /// Item `i` (an int the caller checked is in range) of a list.
    fn list_get(&mut self, l: Self::V, i: Self::V) -> Self::V;
    /// Sets item `i` (in range) of a list.
    fn list_set(&mut self, l: Self::V, i: Self::V, v: Self::V);
    /// Appends to a list.
    fn list_append(&mut self, l: Self::V, v: Self::V);
    /// Removes and returns the last item of a non-empty list.
    fn list_pop(&mut self, l: Self::V) -> Self::V;
    /// Shortens a list to `n` (int) items.
    fn list_truncate(&mut self, l: Self::V, n: Self::V);
    /// The value bound to `k` in a dict, or `Absent`.
    fn dict_get(&mut self, d: Self::V, k: Self::V) -> Self::V;
    /// Binds `k` to `v` in a dict.
    fn dict_set(&mut self, d: Self::V, k: Self::V, v: Self::V);
    /// Field `i` of a record.
    fn get_field(&mut self, r: Self::V, i: u32) -> Self::V;
    /// Sets field `i` of a record.
    fn set_field(&mut self, r: Self::V, i: u32, v: Self::V);

    /// Calls a Rust helper. `Err` carries a raised guest exception.
    fn call(&mut self, h: &'static Helper, args: &[Self::V]) -> Result<Self::V, Value<'gc>>;

    /// The value `v` always has where this runs: `Some` in the plain
    /// interpreter, and while recording when `v` is a trace constant (made
    /// by [`Meta::konst`], e.g. of a promoted value). A language reads
    /// *immutable* fields of such an object in Rust (a function's kind, a
    /// bound method's function) instead of recording loads and guards.
    fn const_value(&self, v: Self::V) -> Option<Value<'gc>>;

    /// The class of a record. A record's class never changes, so the trace
    /// treats this as a pure function (CSE merges repeats; promote it to
    /// specialise on it).
    fn record_class(&mut self, r: Self::V) -> Self::V {
        self.call(&RECORD_CLASS, &[r])
            .expect("record_class cannot raise")
    }
    /// The number of fields of a record (fixed at allocation).
    fn record_len(&mut self, r: Self::V) -> Self::V {
        self.call(&RECORD_LEN, &[r])
            .expect("record_len cannot raise")
    }

    /// A new immutable tuple of `head` and `args` (see [`crate::tuple`]).
    fn new_tuple(&mut self, head: Self::V, args: &[Self::V]) -> Self::V {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(head);
        all.extend_from_slice(args);
        self.call(&NEW_TUPLE, &all).expect("new_tuple cannot raise")
    }
    /// The head of a tuple. Tuples never change, so this is pure.
    fn tuple_head(&mut self, t: Self::V) -> Self::V {
        self.call(&TUPLE_HEAD, &[t])
            .expect("tuple_head cannot raise")
    }
    /// The number of arguments of a tuple (int).
    fn tuple_len(&mut self, t: Self::V) -> Self::V {
        self.call(&TUPLE_LEN, &[t]).expect("tuple_len cannot raise")
    }
    /// Argument `i` (an int the caller checked is in range) of a tuple.
    fn tuple_get(&mut self, t: Self::V, i: Self::V) -> Self::V {
        self.call(&TUPLE_GET, &[t, i])
            .expect("tuple_get cannot raise")
    }

    /// The value of cell `c` (the caller has checked `c` is a cell, see
    /// [`crate::cell`]). It reads the heap, so a write between two reads
    /// makes the trace read again.
    fn cell_get(&mut self, c: Self::V) -> Self::V {
        self.call(&CELL_GET, &[c]).expect("cell_get cannot raise")
    }
    /// Replaces the value of cell `c` (the caller has checked `c` is a cell).
    /// It is a write to an existing object: no decision may follow it in
    /// the same instruction.
    fn cell_set(&mut self, c: Self::V, v: Self::V) {
        self.call(&CELL_SET, &[c, v])
            .expect("cell_set cannot raise");
    }
    /// The mark of cell `c` (an int; the caller has checked `c` is a cell).
    /// A mark never changes, so the trace treats this as pure.
    fn cell_mark(&mut self, c: Self::V) -> Self::V {
        self.call(&CELL_MARK, &[c]).expect("cell_mark cannot raise")
    }
    /// A new cell holding `v`, with mark `mark` (an int).
    fn new_cell(&mut self, v: Self::V, mark: Self::V) -> Self::V {
        self.call(&NEW_CELL, &[v, mark])
            .expect("new_cell cannot raise")
    }

    /// A new empty word store with room for `cap` words before it grows
    /// (see [`crate::words`]).
    fn new_words(&mut self, cap: usize) -> Self::V {
        let cap = self.konst(Value::Int(cap.min(i64::MAX as usize) as i64));
        self.call(&NEW_WORDS, &[cap])
            .expect("new_words cannot raise")
    }
    /// The number of words (int) of the word store `w`.
    fn words_len(&mut self, w: Self::V) -> Self::V;
    /// Word `i` of the word store `w` as an int, or `None` when `i` is not
    /// in `0..len` (the caller reports that as an error: the store's own
    /// indices are always in range unless the interpreter has a bug). The
    /// trace guards the range; its exit resumes the instruction, which the
    /// interpreter then runs and finds out of range itself. That guard may
    /// follow a write of the same instruction (it is no decision the trace
    /// takes, only the check that keeps machine code inside the store).
    fn words_get(&mut self, w: Self::V, i: Self::V) -> Option<Self::V>;
    /// Sets word `i` of the word store `w` to the int `v`; `false` (nothing
    /// written) when `i` is not in `0..len`, guarded as in
    /// [`Meta::words_get`]. It is a write to an existing object.
    fn words_set(&mut self, w: Self::V, i: Self::V, v: Self::V) -> bool;
    /// Appends the int `v` to the word store `w` (it grows when full).
    fn words_push(&mut self, w: Self::V, v: Self::V);
    /// Shortens the word store `w` to `n` (int) words when `0 <= n < len`
    /// (backtracking to a saved top); any other `n` changes nothing.
    fn words_truncate(&mut self, w: Self::V, n: Self::V);

    /// A merge point: `fr` is at a loop header `pc` (a backward-jump target).
    /// Returns `true` when the interpreter must hand control to the executor
    /// now, by returning [`crate::exec::Action::Jit`] with `fr.pc == pc`.
    fn merge_point(&mut self, fr: &Frame<'gc>, pc: u32) -> bool;
}

/// Objects a slice of the plain interpreter may allocate past the point
/// where a collection became due before it ends early (collections run only
/// between slices): an instruction that allocates much (a Prolog step
/// running several goals) would otherwise pile up a whole slice of garbage.
/// Large enough that ordinary programs never reach it.
pub const SLICE_DEBT_LIMIT: f64 = 65_536.0;

/// The plain interpreter: handles are values, operations compute.
pub struct Plain<'gc, 'a> {
    pub(crate) mc: &'gc Mutation<'gc>,
    pub(crate) jit: &'a mut JitState<'gc>,
    pub(crate) fuel: &'a mut i64,
}

impl<'gc, 'a> Plain<'gc, 'a> {
    /// A plain instance over `jit`'s counters, spending `fuel`.
    pub fn new(mc: &'gc Mutation<'gc>, jit: &'a mut JitState<'gc>, fuel: &'a mut i64) -> Self {
        Plain { mc, jit, fuel }
    }

    /// The fuel left in this slice. A language loop may count instructions
    /// in a local instead of through [`Meta::begin`] (one decrement in a
    /// register rather than a load and store through this pointer per
    /// instruction); it spends as `begin` does, asks [`Plain::debt_due`]
    /// every 64 instructions, and hands the count back with
    /// [`Plain::set_fuel`] before it returns.
    #[inline]
    pub fn fuel(&self) -> i64 {
        *self.fuel
    }

    /// Sets the fuel left (see [`Plain::fuel`]).
    #[inline]
    pub fn set_fuel(&mut self, fuel: i64) {
        *self.fuel = fuel;
    }

    /// Whether the slice has allocated so far past a due collection that
    /// it should end now ([`SLICE_DEBT_LIMIT`]; `begin` asks every 64
    /// instructions).
    #[inline]
    pub fn debt_due(&self) -> bool {
        self.mc.metrics().allocation_debt() > SLICE_DEBT_LIMIT
    }

    /// Gives a vector of values that is no longer needed (a call's
    /// arguments, copied into the callee's registers) back for reuse.
    #[inline]
    pub fn recycle_regs(&mut self, v: Vec<Value<'gc>>) {
        self.jit.recycle_regs(v);
    }
}

impl<'gc, 'a> Meta<'gc> for Plain<'gc, 'a> {
    type V = Value<'gc>;

    #[inline]
    fn mc(&self) -> &'gc Mutation<'gc> {
        self.mc
    }
    #[inline]
    fn get(&self, v: Value<'gc>) -> Value<'gc> {
        v
    }
    #[inline]
    fn konst(&mut self, v: Value<'gc>) -> Value<'gc> {
        v
    }
    #[inline]
    fn begin(&mut self, fr: &mut Frame<'gc>, pc: u32) -> bool {
        fr.pc = pc;
        *self.fuel -= 1;
        // Every 64 instructions: end the slice early if it has allocated
        // far past a due collection (instructions that allocate much each).
        if *self.fuel & 63 == 0 && self.debt_due() {
            *self.fuel = -1;
        }
        *self.fuel >= 0
    }
    #[inline]
    fn reg(&mut self, fr: &Frame<'gc>, i: usize) -> Value<'gc> {
        fr.regs[i]
    }
    #[inline]
    fn set_reg(&mut self, fr: &mut Frame<'gc>, i: usize, v: Value<'gc>) {
        fr.regs[i] = v;
    }
    fn new_frame(
        &mut self,
        lang: crate::heap::LangId,
        code: Value<'gc>,
        regs: &[Value<'gc>],
    ) -> Frame<'gc> {
        let mut v = self.jit.take_regs(regs.len());
        v.extend_from_slice(regs);
        Frame::new(lang, code, v)
    }
    // `JitState::take_regs`, spelled out and always inlined: a language's
    // call shortcut asks on every call, and out of line it cost a call
    // and return there.
    #[inline(always)]
    fn new_regs(&mut self, cap: usize) -> Vec<Value<'gc>> {
        match self.jit.regs_pool.pop() {
            Some(mut v) => {
                v.reserve(cap);
                v
            }
            None => Vec::with_capacity(cap),
        }
    }
    #[inline]
    fn new_frame_owned(
        &mut self,
        lang: crate::heap::LangId,
        code: Value<'gc>,
        regs: Vec<Value<'gc>>,
    ) -> Frame<'gc> {
        Frame::new(lang, code, regs)
    }
    #[inline]
    fn tag(&mut self, v: Value<'gc>) -> Tag {
        v.tag()
    }
    #[inline]
    fn const_value(&self, v: Value<'gc>) -> Option<Value<'gc>> {
        Some(v)
    }
    fn promote(&mut self, v: Value<'gc>) -> Value<'gc> {
        v
    }
    #[inline]
    fn truth(&mut self, v: Value<'gc>) -> bool {
        matches!(v, Value::Bool(true))
    }
    #[inline]
    fn same(&mut self, a: Value<'gc>, b: Value<'gc>) -> bool {
        a.same(&b)
    }
    #[inline]
    fn int_ovf(&mut self, op: OvfOp, a: Value<'gc>, b: Value<'gc>) -> Option<Value<'gc>> {
        op.eval(int_of(a), int_of(b)).map(Value::Int)
    }
    #[inline]
    fn int(&mut self, op: IntOp, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
        Value::Int(op.eval(int_of(a), int_of(b)))
    }
    #[inline]
    fn int_cmp(&mut self, c: Cmp, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
        Value::Bool(c.eval(int_of(a), int_of(b)))
    }
    #[inline]
    fn float(&mut self, op: FloatOp, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
        Value::Float(op.eval(float_of(a), float_of(b)))
    }
    #[inline]
    fn float_cmp(&mut self, c: Cmp, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
        Value::Bool(c.eval(float_of(a), float_of(b)))
    }
    #[inline]
    fn int_to_float(&mut self, a: Value<'gc>) -> Value<'gc> {
        Value::Float(int_of(a) as f64)
    }
    #[inline]
    fn not(&mut self, a: Value<'gc>) -> Value<'gc> {
        Value::Bool(!matches!(a, Value::Bool(true)))
    }
    fn new_list(&mut self) -> Value<'gc> {
        heap::new_list(self.mc)
    }
    fn new_dict(&mut self) -> Value<'gc> {
        heap::new_dict(self.mc)
    }
    fn new_record(&mut self, class: Value<'gc>, fields: &[Value<'gc>]) -> Value<'gc> {
        heap::new_record(self.mc, class, fields.to_vec())
    }
    #[inline]
    fn list_len(&mut self, l: Value<'gc>) -> Value<'gc> {
        Value::Int(heap::list_len(l))
    }
    #[inline]
    fn list_get(&mut self, l: Value<'gc>, i: Value<'gc>) -> Value<'gc> {
        heap::list_get(l, int_of(i))
    }
    #[inline]
    fn list_set(&mut self, l: Value<'gc>, i: Value<'gc>, v: Value<'gc>) {
        heap::list_set(self.mc, l, int_of(i), v)
    }
    #[inline]
    fn list_append(&mut self, l: Value<'gc>, v: Value<'gc>) {
        heap::list_append(self.mc, l, v)
    }
    #[inline]
    fn list_pop(&mut self, l: Value<'gc>) -> Value<'gc> {
        heap::list_pop(self.mc, l)
    }
    #[inline]
    fn list_truncate(&mut self, l: Value<'gc>, n: Value<'gc>) {
        heap::list_truncate(self.mc, l, int_of(n))
    }
    #[inline]
    fn dict_get(&mut self, d: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
        heap::dict_get(d, k)
    }
    #[inline]
    fn dict_set(&mut self, d: Value<'gc>, k: Value<'gc>, v: Value<'gc>) {
        heap::dict_set(self.mc, d, k, v)
    }
    #[inline]
    fn get_field(&mut self, r: Value<'gc>, i: u32) -> Value<'gc> {
        heap::get_field(r, i)
    }
    #[inline]
    fn set_field(&mut self, r: Value<'gc>, i: u32, v: Value<'gc>) {
        heap::set_field(self.mc, r, i, v)
    }
    fn call(&mut self, h: &'static Helper, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
        (h.func)(self.mc, args)
    }
    #[inline]
    fn merge_point(&mut self, fr: &Frame<'gc>, pc: u32) -> bool {
        self.jit.hot_or_compiled(fr, pc)
    }
    fn new_tuple(&mut self, head: Value<'gc>, args: &[Value<'gc>]) -> Value<'gc> {
        tuple::new_tuple(self.mc, head, args)
    }
    #[inline]
    fn tuple_head(&mut self, t: Value<'gc>) -> Value<'gc> {
        tuple::tuple_head(t)
    }
    #[inline]
    fn tuple_len(&mut self, t: Value<'gc>) -> Value<'gc> {
        Value::Int(tuple::tuple_len(t))
    }
    #[inline]
    fn tuple_get(&mut self, t: Value<'gc>, i: Value<'gc>) -> Value<'gc> {
        tuple::tuple_get(t, int_of(i))
    }
    #[inline]
    fn cell_get(&mut self, c: Value<'gc>) -> Value<'gc> {
        cell_value(c)
    }
    #[inline]
    fn cell_set(&mut self, c: Value<'gc>, v: Value<'gc>) {
        cell::set_cell_value(self.mc, c, v)
    }
    #[inline]
    fn cell_mark(&mut self, c: Value<'gc>) -> Value<'gc> {
        Value::Int(cell_mark_of(c))
    }
    #[inline]
    fn new_cell(&mut self, v: Value<'gc>, mark: Value<'gc>) -> Value<'gc> {
        cell::new_cell(self.mc, v, int_of(mark))
    }
    fn new_words(&mut self, cap: usize) -> Value<'gc> {
        words::new_words(self.mc, cap)
    }
    #[inline]
    fn words_len(&mut self, w: Value<'gc>) -> Value<'gc> {
        Value::Int(words_of(w).len() as i64)
    }
    #[inline]
    fn words_get(&mut self, w: Value<'gc>, i: Value<'gc>) -> Option<Value<'gc>> {
        words_of(w).get(int_of(i)).map(|x| Value::Int(x as i64))
    }
    #[inline]
    fn words_set(&mut self, w: Value<'gc>, i: Value<'gc>, v: Value<'gc>) -> bool {
        words_of(w).set(int_of(i), int_of(v) as u64)
    }
    #[inline]
    fn words_push(&mut self, w: Value<'gc>, v: Value<'gc>) {
        match w {
            Value::Words(g) => words::push(self.mc, g, int_of(v) as u64),
            other => panic!("word-store operation on {:?}", other.tag()),
        }
    }
    #[inline]
    fn words_truncate(&mut self, w: Value<'gc>, n: Value<'gc>) {
        words_of(w).truncate(int_of(n))
    }
}

/// The helper behind [`Meta::new_words`]: the argument is the capacity (an int).
pub static NEW_WORDS: Helper = Helper {
    name: "new_words",
    func: |mc, args| {
        Ok(words::new_words(
            mc,
            usize::try_from(int_of(args[0])).unwrap_or(0),
        ))
    },
    effects: Effects::ALLOCATES,
};

/// The word store `w` (the trace has guarded the tag).
#[inline]
pub fn words_of<'gc>(w: Value<'gc>) -> &'gc words::Words<'gc> {
    match words::as_words(w) {
        Some(w) => w,
        None => panic!("word-store operation on {:?}", w.tag()),
    }
}

/// The helper behind [`Meta::record_class`].
pub static RECORD_CLASS: Helper = Helper {
    name: "record_class",
    func: |_, args| Ok(heap::record_class(args[0])),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::record_len`].
pub static RECORD_LEN: Helper = Helper {
    name: "record_len",
    func: |_, args| Ok(Value::Int(heap::record_len(args[0]) as i64)),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::new_tuple`]: arguments are the head, then the
/// tuple's arguments. It allocates, so it is never merged, but an unused one
/// may be dropped.
pub static NEW_TUPLE: Helper = Helper {
    name: "new_tuple",
    func: |mc, args| Ok(tuple::new_tuple(mc, args[0], &args[1..])),
    effects: Effects::ALLOCATES,
};

/// The helper behind [`Meta::tuple_head`].
pub static TUPLE_HEAD: Helper = Helper {
    name: "tuple_head",
    func: |_, args| Ok(tuple::tuple_head(args[0])),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::tuple_len`].
pub static TUPLE_LEN: Helper = Helper {
    name: "tuple_len",
    func: |_, args| Ok(Value::Int(tuple::tuple_len(args[0]))),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::tuple_get`] (a tuple's arguments never change).
pub static TUPLE_GET: Helper = Helper {
    name: "tuple_get",
    func: |_, args| Ok(tuple::tuple_get(args[0], int_of(args[1]))),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::cell_get`] (a read: writes in between are seen).
pub static CELL_GET: Helper = Helper {
    name: "cell_get",
    func: |_, args| Ok(cell_value(args[0])),
    effects: Effects::READS,
};

/// The helper behind [`Meta::cell_set`]; it returns `None`.
pub static CELL_SET: Helper = Helper {
    name: "cell_set",
    func: |mc, args| {
        cell::set_cell_value(mc, args[0], args[1]);
        Ok(Value::None)
    },
    effects: Effects::WRITES,
};

/// The helper behind [`Meta::cell_mark`] (a mark never changes).
pub static CELL_MARK: Helper = Helper {
    name: "cell_mark",
    func: |_, args| Ok(Value::Int(cell_mark_of(args[0]))),
    effects: Effects::PURE,
};

/// The helper behind [`Meta::new_cell`]: arguments are the value and the mark.
pub static NEW_CELL: Helper = Helper {
    name: "new_cell",
    func: |mc, args| Ok(cell::new_cell(mc, args[0], int_of(args[1]))),
    effects: Effects::ALLOCATES,
};

/// The mark of the cell `c` (the trace has guarded the tag).
#[inline]
fn cell_mark_of(c: Value<'_>) -> i64 {
    match cell::as_cell(c) {
        Some(cell) => cell.mark(),
        None => panic!("cell operation on {:?}", c.tag()),
    }
}

/// The value of the cell `c` (the trace has guarded the tag).
#[inline]
fn cell_value(c: Value<'_>) -> Value<'_> {
    match cell::as_cell(c) {
        Some(cell) => cell.get(),
        None => panic!("cell operation on {:?}", c.tag()),
    }
}

/// The int inside `v` (the trace has guarded the tag).
#[inline]
pub fn int_of(v: Value<'_>) -> i64 {
    match v {
        Value::Int(i) => i,
        other => panic!("int operation on {:?}", other.tag()),
    }
}

/// The float inside `v` (the trace has guarded the tag).
#[inline]
pub fn float_of(v: Value<'_>) -> f64 {
    match v {
        Value::Float(f) => f,
        other => panic!("float operation on {:?}", other.tag()),
    }
}
