//! The trace IR: a linear SSA list of operations over [`Value`]s.
//!
//! Every SSA value is a whole [`Value`] (tag + payload). Operations state the
//! tags they expect of their operands; a trace establishes those tags with
//! guards before using them (the recorder records a `guard_tag` wherever the
//! interpreter inspected a tag), so the backend can keep known-tag values as a
//! bare payload word.
//!
//! Shape of a trace (text form, see [`TraceIr::to_text`] and `jit::ir_parse`):
//!
//! ```text
//! v0 = input 0            ; values handed in by the executor (the root frame's registers)
//! v1 = input 1
//! label v0, v1            ; the loop header; its arguments flow into the params on entry
//! v2 = param 0            ; the loop-carried values, one per label argument
//! v3 = param 1
//! v4 = dict_get v2, "x"
//! guard_tag v4, int @0    ; a guard names the snapshot to resume from when it fails
//! v5 = int_add_ovf v4, 5 @1
//! dict_set v2, "x", v5
//! fuel @2
//! jump v2, v3             ; back to the label, with the next values of the params
//! ```
//!
//! A peeled trace has a preamble between the inputs and the label: the
//! preamble runs once, the part after the label is the loop. Values defined
//! before the label may be used after it (loop invariants).
//!
//! Constants are operands, not operations: a [`Ref`] either names an
//! operation's result or an entry of [`TraceIr::consts`].

use gc_arena::Collect;

use crate::heap::LangId;
use crate::jit::helpers::Helper;
use crate::value::{Tag, Value};

/// An SSA value: the result of operation `n`, or constant `n` of the trace.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Collect)]
#[collect(require_static)]
pub struct Ref(u32);

const CONST_BIT: u32 = 1 << 31;

impl Ref {
    /// The result of operation `i`.
    pub fn op(i: usize) -> Ref {
        debug_assert!((i as u32) < CONST_BIT);
        Ref(i as u32)
    }
    /// Constant `i` of the trace's pool.
    pub fn konst(i: usize) -> Ref {
        Ref(i as u32 | CONST_BIT)
    }
    /// Whether this names a constant.
    pub fn is_const(self) -> bool {
        self.0 & CONST_BIT != 0
    }
    /// The operation or constant index.
    pub fn index(self) -> usize {
        (self.0 & !CONST_BIT) as usize
    }
}

impl std::fmt::Debug for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_const() {
            write!(f, "c{}", self.index())
        } else {
            write!(f, "v{}", self.index())
        }
    }
}

/// Index of a snapshot in [`TraceIr::snapshots`].
pub type SnapId = u32;

/// A comparison.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    /// The comparison that holds exactly when this one does not.
    pub fn negate(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Ge,
            Cmp::Le => Cmp::Gt,
            Cmp::Gt => Cmp::Le,
            Cmp::Ge => Cmp::Lt,
            Cmp::Eq => Cmp::Ne,
            Cmp::Ne => Cmp::Eq,
        }
    }
    /// The comparison with its operands swapped.
    pub fn swap(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Gt => Cmp::Lt,
            Cmp::Ge => Cmp::Le,
            c => c,
        }
    }
    /// Suffix used in op names: `lt`, `le`, ...
    pub fn name(self) -> &'static str {
        match self {
            Cmp::Lt => "lt",
            Cmp::Le => "le",
            Cmp::Gt => "gt",
            Cmp::Ge => "ge",
            Cmp::Eq => "eq",
            Cmp::Ne => "ne",
        }
    }
    /// Parses [`Cmp::name`].
    pub fn from_name(s: &str) -> Option<Cmp> {
        Some(match s {
            "lt" => Cmp::Lt,
            "le" => Cmp::Le,
            "gt" => Cmp::Gt,
            "ge" => Cmp::Ge,
            "eq" => Cmp::Eq,
            "ne" => Cmp::Ne,
            _ => return None,
        })
    }
    /// Applies the comparison.
    pub fn eval<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
        }
    }
}

/// Integer operations that cannot fail once their preconditions hold.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum IntOp {
    /// Wrapping add: only emitted where overflow is impossible.
    Add,
    /// Wrapping subtract: only emitted where overflow is impossible.
    Sub,
    /// Wrapping multiply: only emitted where overflow is impossible.
    Mul,
    And,
    Or,
    Xor,
    /// Shift left; the amount is in 0..64.
    Shl,
    /// Arithmetic shift right; the amount is in 0..64.
    Shr,
    /// Floor division (Python `//`); divisor non-zero and not (MIN, -1).
    FloorDiv,
    /// Floor modulo (Python `%`); divisor non-zero.
    FloorMod,
    /// Truncating division (PHP `intdiv`); divisor non-zero and not (MIN, -1).
    TruncDiv,
    /// Truncating remainder (PHP `%`); divisor non-zero.
    TruncRem,
}

impl IntOp {
    /// The op's name in the text form (prefixed with `int_`).
    pub fn name(self) -> &'static str {
        match self {
            IntOp::Add => "add",
            IntOp::Sub => "sub",
            IntOp::Mul => "mul",
            IntOp::And => "and",
            IntOp::Or => "or",
            IntOp::Xor => "xor",
            IntOp::Shl => "shl",
            IntOp::Shr => "shr",
            IntOp::FloorDiv => "floordiv",
            IntOp::FloorMod => "floormod",
            IntOp::TruncDiv => "truncdiv",
            IntOp::TruncRem => "truncrem",
        }
    }
    /// Every int op.
    pub const ALL: &'static [IntOp] = &[
        IntOp::Add,
        IntOp::Sub,
        IntOp::Mul,
        IntOp::And,
        IntOp::Or,
        IntOp::Xor,
        IntOp::Shl,
        IntOp::Shr,
        IntOp::FloorDiv,
        IntOp::FloorMod,
        IntOp::TruncDiv,
        IntOp::TruncRem,
    ];
    /// Whether `a op b` equals `b op a`.
    pub fn commutes(self) -> bool {
        matches!(
            self,
            IntOp::Add | IntOp::Mul | IntOp::And | IntOp::Or | IntOp::Xor
        )
    }
    /// Computes the op (with wrapping semantics; preconditions assumed).
    pub fn eval(self, a: i64, b: i64) -> i64 {
        match self {
            IntOp::Add => a.wrapping_add(b),
            IntOp::Sub => a.wrapping_sub(b),
            IntOp::Mul => a.wrapping_mul(b),
            IntOp::And => a & b,
            IntOp::Or => a | b,
            IntOp::Xor => a ^ b,
            IntOp::Shl => a.wrapping_shl(b as u32),
            IntOp::Shr => a.wrapping_shr(b as u32),
            IntOp::FloorDiv => {
                let q = a.wrapping_div(b);
                if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
                    q - 1
                } else {
                    q
                }
            }
            IntOp::FloorMod => {
                let r = a.wrapping_rem(b);
                if r != 0 && ((r < 0) != (b < 0)) {
                    r + b
                } else {
                    r
                }
            }
            IntOp::TruncDiv => a.wrapping_div(b),
            IntOp::TruncRem => a.wrapping_rem(b),
        }
    }
}

/// Float operations.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl FloatOp {
    /// The op's name in the text form (prefixed with `float_`).
    pub fn name(self) -> &'static str {
        match self {
            FloatOp::Add => "add",
            FloatOp::Sub => "sub",
            FloatOp::Mul => "mul",
            FloatOp::Div => "div",
        }
    }
    /// Every float op.
    pub const ALL: &'static [FloatOp] = &[FloatOp::Add, FloatOp::Sub, FloatOp::Mul, FloatOp::Div];
    /// Whether `a op b` equals `b op a`.
    pub fn commutes(self) -> bool {
        matches!(self, FloatOp::Add | FloatOp::Mul)
    }
    /// Computes the op.
    pub fn eval(self, a: f64, b: f64) -> f64 {
        match self {
            FloatOp::Add => a + b,
            FloatOp::Sub => a - b,
            FloatOp::Mul => a * b,
            FloatOp::Div => a / b,
        }
    }
}

/// Integer operations that guard against overflow.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum OvfOp {
    Add,
    Sub,
    Mul,
}

impl OvfOp {
    /// The op's name in the text form (`int_add_ovf` ...).
    pub fn name(self) -> &'static str {
        match self {
            OvfOp::Add => "add",
            OvfOp::Sub => "sub",
            OvfOp::Mul => "mul",
        }
    }
    /// Whether `a op b` equals `b op a`.
    pub fn commutes(self) -> bool {
        matches!(self, OvfOp::Add | OvfOp::Mul)
    }
    /// Computes the op, `None` on overflow.
    pub fn eval(self, a: i64, b: i64) -> Option<i64> {
        match self {
            OvfOp::Add => a.checked_add(b),
            OvfOp::Sub => a.checked_sub(b),
            OvfOp::Mul => a.checked_mul(b),
        }
    }
    /// The non-guarding op with the same result when no overflow happens.
    pub fn plain(self) -> IntOp {
        match self {
            OvfOp::Add => IntOp::Add,
            OvfOp::Sub => IntOp::Sub,
            OvfOp::Mul => IntOp::Mul,
        }
    }
}

/// One operation of a trace. Comments give the result and the tags the
/// operands must have (`int` means a value tagged Int).
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    // ---- structure ----
    /// Result: slot `k` of the entry buffer.
    Input(u32),
    /// The loop header. Its arguments are the values of the params on entry.
    Label(Vec<Ref>),
    /// Result: the loop-carried value `k` (label argument `k` on entry, jump argument `k` after).
    Param(u32),
    /// Back to the label with the next values of the params. Ends the trace.
    Jump(Vec<Ref>),
    /// Leaves the trace through its snapshot, unconditionally (ends a bridge
    /// that returns to the interpreter, or a trace that cannot loop).
    Exit,
    /// The trace's root frame returns this value. Ends the trace: its caller
    /// gets the value (the machine code of a `call_trace`, or the executor,
    /// which pops the root frame).
    Finish(Ref),

    // ---- guards: each carries a snapshot; failing resumes the interpreter there ----
    /// Exits unless the operand's tag is `Tag`.
    GuardTag(Ref, Tag),
    /// Exits unless the operand is the constant (identity for objects, bits for immediates).
    GuardValue(Ref, Ref),
    /// Exits unless the Bool operand is true.
    GuardTrue(Ref),
    /// Exits unless the Bool operand is false.
    GuardFalse(Ref),
    /// Exits unless `a cmp b` holds for the two int operands.
    GuardIntCmp(Cmp, Ref, Ref),
    /// Exits unless `a cmp b` holds for the two float operands.
    GuardFloatCmp(Cmp, Ref, Ref),
    /// Result: int `a op b`; exits when it overflows.
    IntOvf(OvfOp, Ref, Ref),
    /// Burns one unit of the executor's fuel; exits when it is spent. Placed before `jump`.
    Fuel,

    // ---- pure arithmetic ----
    /// Result: int `a op b` (preconditions of [`IntOp`] hold).
    Int(IntOp, Ref, Ref),
    /// Result: Bool `a cmp b` of two ints.
    IntCmp(Cmp, Ref, Ref),
    /// Result: float `a op b` of two floats.
    Float(FloatOp, Ref, Ref),
    /// Result: Bool `a cmp b` of two floats (false when either is NaN, except `ne`).
    FloatCmp(Cmp, Ref, Ref),
    /// Result: float of an int.
    IntToFloat(Ref),
    /// Result: Bool negation of a Bool.
    BoolNot(Ref),
    /// Result: Bool, whether the two operands are the same value (see [`Value::same`]).
    Same(Ref, Ref),

    // ---- heap (operands: the object first) ----
    /// Result: a new empty list.
    NewList,
    /// Result: a new empty dict.
    NewDict,
    /// Result: a new record with class `a` and the given fields.
    NewRecord(Ref, Vec<Ref>),
    /// Result: int, the list's length.
    ListLen(Ref),
    /// Result: item `i` (int, `0 <= i < len`) of the list.
    ListGet(Ref, Ref),
    /// Sets item `i` (int, `0 <= i < len`) of the list.
    ListSet(Ref, Ref, Ref),
    /// Appends to the list.
    ListAppend(Ref, Ref),
    /// Result: the last item of the (non-empty) list, removed.
    ListPop(Ref),
    /// Shortens the list to `n` (int) items.
    ListTruncate(Ref, Ref),
    /// Result: the value bound to the key in the dict, or `Absent`.
    DictGet(Ref, Ref),
    /// Binds the key to the value in the dict.
    DictSet(Ref, Ref, Ref),
    /// Result: field `k` of the record.
    GetField(Ref, u32),
    /// Sets field `k` of the record.
    SetField(Ref, u32, Ref),

    // ---- word stores (see `crate::words`; words are ints) ----
    /// Result: int, the store's length in words.
    WordsLen(Ref),
    /// Result: int, word `i` of the store; exits unless `0 <= i < len`.
    WordsGet(Ref, Ref),
    /// Sets word `i` of the store to the int; exits (writing nothing)
    /// unless `0 <= i < len`.
    WordsSet(Ref, Ref, Ref),
    /// Appends the int to the store (growing its buffer when full).
    WordsPush(Ref, Ref),
    /// Shortens the store to `n` (int) words if `0 <= n < len`.
    WordsTruncate(Ref, Ref),

    // ---- calls ----
    /// Result: what the Rust helper returns. Effects are the helper's; one that
    /// may raise carries a snapshot and exits when it raises.
    Call(&'static Helper, Vec<Ref>),
}

impl Op {
    /// Whether this op carries a snapshot (may leave the trace).
    pub fn is_guard(&self) -> bool {
        match self {
            Op::GuardTag(..)
            | Op::GuardValue(..)
            | Op::GuardTrue(_)
            | Op::GuardFalse(_)
            | Op::GuardIntCmp(..)
            | Op::GuardFloatCmp(..)
            | Op::IntOvf(..)
            | Op::Fuel
            | Op::Exit
            | Op::WordsGet(..)
            | Op::WordsSet(..) => true,
            Op::Call(h, _) => h.effects.may_raise,
            _ => false,
        }
    }

    /// Whether this op produces a value.
    pub fn has_result(&self) -> bool {
        !matches!(
            self,
            Op::Label(_)
                | Op::Jump(_)
                | Op::Exit
                | Op::Finish(_)
                | Op::GuardTag(..)
                | Op::GuardValue(..)
                | Op::GuardTrue(_)
                | Op::GuardFalse(_)
                | Op::GuardIntCmp(..)
                | Op::GuardFloatCmp(..)
                | Op::Fuel
                | Op::ListSet(..)
                | Op::ListAppend(..)
                | Op::ListTruncate(..)
                | Op::DictSet(..)
                | Op::SetField(..)
                | Op::WordsSet(..)
                | Op::WordsPush(..)
                | Op::WordsTruncate(..)
        )
    }

    /// Whether this op is structural (input, label, param): not counted as work.
    pub fn is_structural(&self) -> bool {
        matches!(self, Op::Input(_) | Op::Label(_) | Op::Param(_))
    }

    /// Whether removing this op when its result is unused changes nothing.
    pub fn is_removable_if_unused(&self) -> bool {
        match self {
            Op::Int(..)
            | Op::IntCmp(..)
            | Op::Float(..)
            | Op::FloatCmp(..)
            | Op::IntToFloat(_)
            | Op::BoolNot(_)
            | Op::Same(..)
            | Op::NewList
            | Op::NewDict
            | Op::NewRecord(..)
            | Op::ListLen(_)
            | Op::ListGet(..)
            | Op::DictGet(..)
            | Op::GetField(..)
            | Op::WordsLen(_) => true,
            Op::Call(h, _) => h.effects.is_removable(),
            _ => false,
        }
    }

    /// Whether this op may write to the heap (objects that existed before it).
    pub fn writes_heap(&self) -> bool {
        match self {
            Op::ListSet(..)
            | Op::ListAppend(..)
            | Op::ListPop(_)
            | Op::ListTruncate(..)
            | Op::DictSet(..)
            | Op::SetField(..)
            | Op::WordsSet(..)
            | Op::WordsPush(..)
            | Op::WordsTruncate(..) => true,
            Op::Call(h, _) => h.effects.writes_heap || h.effects.calls_guest,
            _ => false,
        }
    }

    /// The operands, in order.
    pub fn args(&self) -> Vec<Ref> {
        let mut v = Vec::new();
        self.for_each_arg(|r| v.push(r));
        v
    }

    /// Calls `f` on each operand.
    pub fn for_each_arg(&self, mut f: impl FnMut(Ref)) {
        match self {
            Op::Input(_) | Op::Param(_) | Op::Exit | Op::Fuel | Op::NewList | Op::NewDict => {}
            Op::Label(xs) | Op::Jump(xs) => xs.iter().copied().for_each(f),
            Op::Call(_, xs) => xs.iter().copied().for_each(f),
            Op::NewRecord(c, xs) => {
                f(*c);
                xs.iter().copied().for_each(f)
            }
            Op::GuardTag(a, _)
            | Op::GuardTrue(a)
            | Op::GuardFalse(a)
            | Op::IntToFloat(a)
            | Op::BoolNot(a)
            | Op::ListLen(a)
            | Op::ListPop(a)
            | Op::Finish(a)
            | Op::GetField(a, _)
            | Op::WordsLen(a) => f(*a),
            Op::GuardValue(a, b)
            | Op::GuardIntCmp(_, a, b)
            | Op::GuardFloatCmp(_, a, b)
            | Op::IntOvf(_, a, b)
            | Op::Int(_, a, b)
            | Op::IntCmp(_, a, b)
            | Op::Float(_, a, b)
            | Op::FloatCmp(_, a, b)
            | Op::Same(a, b)
            | Op::ListGet(a, b)
            | Op::ListAppend(a, b)
            | Op::ListTruncate(a, b)
            | Op::DictGet(a, b)
            | Op::SetField(a, _, b)
            | Op::WordsGet(a, b)
            | Op::WordsPush(a, b)
            | Op::WordsTruncate(a, b) => {
                f(*a);
                f(*b)
            }
            Op::ListSet(a, b, c) | Op::DictSet(a, b, c) | Op::WordsSet(a, b, c) => {
                f(*a);
                f(*b);
                f(*c)
            }
        }
    }

    /// Rewrites each operand through `f`.
    pub fn map_args(&mut self, mut f: impl FnMut(Ref) -> Ref) {
        match self {
            Op::Input(_) | Op::Param(_) | Op::Exit | Op::Fuel | Op::NewList | Op::NewDict => {}
            Op::Label(xs) | Op::Jump(xs) | Op::Call(_, xs) => {
                xs.iter_mut().for_each(|x| *x = f(*x))
            }
            Op::NewRecord(c, xs) => {
                *c = f(*c);
                xs.iter_mut().for_each(|x| *x = f(*x))
            }
            Op::GuardTag(a, _)
            | Op::GuardTrue(a)
            | Op::GuardFalse(a)
            | Op::IntToFloat(a)
            | Op::BoolNot(a)
            | Op::ListLen(a)
            | Op::ListPop(a)
            | Op::Finish(a)
            | Op::GetField(a, _)
            | Op::WordsLen(a) => *a = f(*a),
            Op::GuardValue(a, b)
            | Op::GuardIntCmp(_, a, b)
            | Op::GuardFloatCmp(_, a, b)
            | Op::IntOvf(_, a, b)
            | Op::Int(_, a, b)
            | Op::IntCmp(_, a, b)
            | Op::Float(_, a, b)
            | Op::FloatCmp(_, a, b)
            | Op::Same(a, b)
            | Op::ListGet(a, b)
            | Op::ListAppend(a, b)
            | Op::ListTruncate(a, b)
            | Op::DictGet(a, b)
            | Op::SetField(a, _, b)
            | Op::WordsGet(a, b)
            | Op::WordsPush(a, b)
            | Op::WordsTruncate(a, b) => {
                *a = f(*a);
                *b = f(*b)
            }
            Op::ListSet(a, b, c) | Op::DictSet(a, b, c) | Op::WordsSet(a, b, c) => {
                *a = f(*a);
                *b = f(*b);
                *c = f(*c)
            }
        }
    }

    /// The tag every result of this op has, when the op alone decides it.
    pub fn result_tag(&self) -> Option<Tag> {
        Some(match self {
            Op::IntOvf(..) | Op::Int(..) | Op::ListLen(_) | Op::WordsLen(_) | Op::WordsGet(..) => {
                Tag::Int
            }
            Op::IntCmp(..) | Op::FloatCmp(..) | Op::BoolNot(_) | Op::Same(..) => Tag::Bool,
            Op::Float(..) | Op::IntToFloat(_) => Tag::Float,
            Op::NewList => Tag::List,
            Op::NewDict => Tag::Dict,
            Op::NewRecord(..) => Tag::Record,
            _ => return None,
        })
    }
}

/// One instruction: an op and, for guards, the snapshot to resume from.
#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    /// What it does.
    pub op: Op,
    /// Where the interpreter resumes when it leaves the trace (guards only).
    pub snap: Option<SnapId>,
}

/// A value in a snapshot: a live SSA value (or constant), or a virtual object
/// that allocation removal kept out of the trace and the exit must build.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum SnapValue {
    /// The value of an op or constant.
    Ref(Ref),
    /// Entry `i` of [`Snapshot::virtuals`].
    Virtual(u32),
}

/// An object the trace never allocated; built on exit from its recorded contents.
#[derive(Clone, Debug, PartialEq)]
pub enum Virtual {
    /// A list with these items.
    List(Vec<SnapValue>),
    /// A dict with these entries in insertion order; keys are constants.
    Dict(Vec<(Ref, SnapValue)>),
    /// A record with this class and fields.
    Record(SnapValue, Vec<SnapValue>),
    /// An immutable tuple (`new_tuple`): the head, then the arguments. It
    /// is built once its parts are, after the mutable virtuals are
    /// allocated and before they are filled (a tuple never refers to
    /// itself, so tuples are acyclic among themselves).
    Tuple(Vec<SnapValue>),
}

/// The indices of the [`Virtual::Tuple`]s of `virtuals` in an order that
/// builds each after the virtual tuples among its parts (depth first,
/// without recursion: a chain of tuples built in one trace may be long).
pub fn tuple_order(virtuals: &[Virtual]) -> Vec<usize> {
    let mut done = vec![false; virtuals.len()];
    let mut order = Vec::new();
    for i in 0..virtuals.len() {
        let mut stack = vec![i];
        while let Some(&top) = stack.last() {
            let Some(Virtual::Tuple(parts)) = virtuals.get(top).filter(|_| !done[top]) else {
                stack.pop();
                continue;
            };
            let waiting: Vec<usize> = parts
                .iter()
                .filter_map(|p| match p {
                    SnapValue::Virtual(j)
                        if matches!(virtuals.get(*j as usize), Some(Virtual::Tuple(_)))
                            && !done[*j as usize] =>
                    {
                        Some(*j as usize)
                    }
                    _ => None,
                })
                .collect();
            if waiting.is_empty() || stack.len() > virtuals.len() {
                // (A cycle of tuples cannot be built; it does not occur.)
                done[top] = true;
                order.push(top);
                stack.pop();
            } else {
                stack.extend(waiting);
            }
        }
    }
    order
}

/// A heap write the optimiser delayed past a guard; replayed, in order, on exit.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingWrite {
    /// `dict[key] = value`.
    DictSet(SnapValue, SnapValue, SnapValue),
    /// `list.append(value)`.
    ListAppend(SnapValue, SnapValue),
    /// `list[index] = value`.
    ListSet(SnapValue, SnapValue, SnapValue),
    /// `list.truncate(n)`.
    ListTruncate(SnapValue, SnapValue),
    /// `record.field[k] = value`.
    SetField(SnapValue, u32, SnapValue),
}

/// One interpreter frame as it must be rebuilt when a guard fails.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapFrame {
    /// The frame's language.
    pub lang: LangId,
    /// The frame's code object (a constant).
    pub code: Ref,
    /// Where the interpreter resumes in that code.
    pub pc: u32,
    /// The register that receives the result of the call this frame is making
    /// (meaningful for every frame but the innermost).
    pub ret_reg: u32,
    /// The frame's registers.
    pub regs: Vec<SnapValue>,
}

/// The interpreter state to rebuild when leaving the trace at a guard.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    /// The frames, outermost (the trace's root frame) first.
    pub frames: Vec<SnapFrame>,
    /// Objects to build on exit, referred to by [`SnapValue::Virtual`]. A
    /// virtual may refer to virtuals of lower or higher index (cycles allowed).
    pub virtuals: Vec<Virtual>,
    /// Heap writes to replay on exit after the virtuals are built, in order.
    pub pending: Vec<PendingWrite>,
}

impl Snapshot {
    /// Calls `f` on every SSA value the snapshot keeps alive.
    pub fn for_each_ref(&self, mut f: impl FnMut(Ref)) {
        let mut g = |s: &SnapValue| {
            if let SnapValue::Ref(r) = s {
                f(*r)
            }
        };
        for fr in &self.frames {
            g(&SnapValue::Ref(fr.code));
            fr.regs.iter().for_each(&mut g);
        }
        for v in &self.virtuals {
            match v {
                Virtual::List(items) | Virtual::Tuple(items) => items.iter().for_each(&mut g),
                Virtual::Dict(entries) => entries.iter().for_each(|(k, v)| {
                    g(&SnapValue::Ref(*k));
                    g(v)
                }),
                Virtual::Record(c, fields) => {
                    g(c);
                    fields.iter().for_each(&mut g)
                }
            }
        }
        for p in &self.pending {
            match p {
                PendingWrite::DictSet(a, b, c) | PendingWrite::ListSet(a, b, c) => {
                    g(a);
                    g(b);
                    g(c)
                }
                PendingWrite::ListAppend(a, b)
                | PendingWrite::ListTruncate(a, b)
                | PendingWrite::SetField(a, _, b) => {
                    g(a);
                    g(b)
                }
            }
        }
    }

    /// Rewrites every SSA value through `f`.
    pub fn map_refs(&mut self, mut f: impl FnMut(Ref) -> Ref) {
        let mut g = |s: &mut SnapValue| {
            if let SnapValue::Ref(r) = s {
                *r = f(*r)
            }
        };
        for fr in &mut self.frames {
            let mut c = SnapValue::Ref(fr.code);
            g(&mut c);
            if let SnapValue::Ref(r) = c {
                fr.code = r;
            }
            fr.regs.iter_mut().for_each(&mut g);
        }
        for v in &mut self.virtuals {
            match v {
                Virtual::List(items) | Virtual::Tuple(items) => items.iter_mut().for_each(&mut g),
                Virtual::Dict(entries) => entries.iter_mut().for_each(|(k, v)| {
                    let mut kk = SnapValue::Ref(*k);
                    g(&mut kk);
                    if let SnapValue::Ref(r) = kk {
                        *k = r;
                    }
                    g(v)
                }),
                Virtual::Record(c, fields) => {
                    g(c);
                    fields.iter_mut().for_each(&mut g)
                }
            }
        }
        for p in &mut self.pending {
            match p {
                PendingWrite::DictSet(a, b, c) | PendingWrite::ListSet(a, b, c) => {
                    g(a);
                    g(b);
                    g(c)
                }
                PendingWrite::ListAppend(a, b)
                | PendingWrite::ListTruncate(a, b)
                | PendingWrite::SetField(a, _, b) => {
                    g(a);
                    g(b)
                }
            }
        }
    }
}

/// A recorded or optimised trace.
#[derive(Collect)]
#[collect(no_drop)]
pub struct TraceIr<'gc> {
    /// The operations, in execution order.
    #[collect(require_static)]
    pub ops: Vec<Inst>,
    /// The constant pool; heap constants are rooted for the trace's life.
    pub consts: Vec<Value<'gc>>,
    /// Resume states of the guards.
    #[collect(require_static)]
    pub snapshots: Vec<Snapshot>,
    /// The fuel a `fuel` op spends: the interpreter instructions one
    /// iteration stands for, so that a slice of compiled code does about as
    /// much work, and allocates about as much, between two chances to
    /// collect as a slice of interpretation.
    #[collect(require_static)]
    pub fuel_cost: u32,
}

impl<'gc> Default for TraceIr<'gc> {
    fn default() -> Self {
        TraceIr {
            ops: Vec::new(),
            consts: Vec::new(),
            snapshots: Vec::new(),
            fuel_cost: 1,
        }
    }
}

impl<'gc> TraceIr<'gc> {
    /// Adds a constant (reusing an identical one) and returns its ref.
    pub fn konst(&mut self, v: Value<'gc>) -> Ref {
        if let Some(i) = self.consts.iter().position(|c| c.same(&v)) {
            return Ref::konst(i);
        }
        self.consts.push(v);
        Ref::konst(self.consts.len() - 1)
    }

    /// Appends an op (with its snapshot, for guards) and returns its ref.
    pub fn push(&mut self, op: Op, snap: Option<SnapId>) -> Ref {
        debug_assert!(
            !op.is_guard() || snap.is_some(),
            "guard without snapshot: {op:?}"
        );
        self.ops.push(Inst { op, snap });
        Ref::op(self.ops.len() - 1)
    }

    /// The constant `r` names.
    pub fn const_value(&self, r: Ref) -> Value<'gc> {
        debug_assert!(r.is_const());
        self.consts[r.index()]
    }

    /// The value of `r` if it is a constant.
    pub fn as_const(&self, r: Ref) -> Option<Value<'gc>> {
        r.is_const().then(|| self.consts[r.index()])
    }

    /// The integer constant `r` names, if it is one.
    pub fn as_int(&self, r: Ref) -> Option<i64> {
        match self.as_const(r)? {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// Number of ops that do work (all but input, label and param).
    pub fn work_len(&self) -> usize {
        self.ops.iter().filter(|i| !i.op.is_structural()).count()
    }

    /// Position of the label, if the trace has one.
    pub fn label_pos(&self) -> Option<usize> {
        self.ops.iter().position(|i| matches!(i.op, Op::Label(_)))
    }

    /// Prints the trace in its text form (see the module docs).
    pub fn to_text(&self) -> String {
        crate::jit::ir_print::print(self)
    }
}
