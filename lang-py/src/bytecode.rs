//! The register bytecode: instructions, code objects' static data, and the
//! fixed register layout of every frame.
//!
//! A frame's registers are, in order: the [special registers](SPECIALS), the
//! parameters, the cells and free variables, the locals, then temporaries.
//! Everything a frame needs lives there (the JIT rebuilds frames from
//! registers alone). Operands are register numbers (`R`) or indices into the
//! code object's constant pool (`K`); both are green.

use std::rc::Rc;

/// A register number.
pub type R = u32;
/// An index into the code object's constants (`Code::consts`).
pub type K = u32;
/// "No register" / "no constant".
pub const NONE: u32 = u32::MAX;

/// The generator record when this frame runs a generator, else None.
pub const REG_GEN: R = 0;
/// The value sent into a resumed generator.
pub const REG_SENT: R = 1;
/// Receives results that are discarded (`__init__`'s return value).
pub const REG_SCRATCH: R = 2;
/// The pc of an instruction being re-entered after a dunder call, else None.
pub const REG_RESUME: R = 3;
/// A class body's namespace dict, else None.
pub const REG_NS: R = 4;
/// This frame's depth in the Python call stack (Int), for RecursionError.
pub const REG_DEPTH: R = 5;
/// The pc of the call instruction this frame is waiting on (Int).
pub const REG_CALLPC: R = 6;
/// Receives results nobody reads (`__init__`'s None, `__exit__`'s value).
pub const REG_DISCARD: R = 7;
/// The exception being handled (in an `except` or `finally` body), else None:
/// an exception raised meanwhile gets it as `__context__`.
pub const REG_EXC: R = 8;
/// Number of special registers; parameters start here.
pub const SPECIALS: u32 = 9;

/// Constant 0 of every code object: the runtime record.
pub const K_RT: K = 0;
/// Constant 1 of every code object: the module's globals dict.
pub const K_GLOBALS: K = 1;
/// Constant 2 of every code object: the interpreter's inline caches, a
/// list with [`IC_WIDTH`] entries per instruction: a class lookup (type,
/// class epoch, result; see `interp::lookup_ic`) or a global (see
/// `interp::global_ic`) in entries 0-2, an instance attribute's last slot
/// in entry 3 (see `interp::map_slot_ic`), the plain interpreter's
/// instance map and field in entries 4-5 (see `fastpath::IC_MAP`), three
/// more class lookups in entries 6-14 (`fastpath::IC_CLASS_WAYS`).
pub const K_IC: K = 2;
/// Entries per instruction in the [`K_IC`] list.
pub const IC_WIDTH: i64 = 15;

use crate::ast::{BinOp, CmpOp, UnOp};

/// One instruction.
#[derive(Clone, Debug)]
pub enum Op {
    Nop,
    /// A loop header: the JIT's merge point.
    Loop,
    Const(R, K),
    Move(R, R),
    LoadGlobal(R, K),
    StoreGlobal(K, R),
    DelGlobal(K),
    /// Class bodies: namespace, then globals, then builtins.
    LoadName(R, K),
    StoreName(K, R),
    DelName(K),
    /// A local that may be unbound: raise UnboundLocalError if it is.
    CheckLocal(R, K),
    /// `del x` of a local: UnboundLocalError if unbound, else unbinds it.
    DelLocal(R, K),
    NewCell(R, R),
    LoadCell(R, R, K),
    StoreCell(R, R),
    Bin(BinOp, R, R, R),
    /// Augmented assignment (`+=` on a list extends it in place).
    Inplace(BinOp, R, R, R),
    Unary(UnOp, R, R),
    Compare(CmpOp, R, R, R),
    Jump(u32),
    JumpIfFalse(R, u32),
    JumpIfTrue(R, u32),
    GetIter(R, R),
    /// `ForIter(it, dst, exit)`: next item into dst, or jump to exit.
    ForIter(R, R, u32),
    /// Continuation of a ForIter that resumed a generator: Absent means exhausted.
    ForGen(R, u32),
    /// `SendIter(it, sent, dst, exit)`: `yield from`'s step: like ForIter, but a
    /// generator is resumed with the value sent in.
    SendIter(R, R, R, u32),
    BuildList(R, R, u32),
    BuildTuple(R, R, u32),
    BuildSet(R, R, u32),
    /// `BuildDict(dst, start, n)`: n key/value register pairs.
    BuildDict(R, R, u32),
    ListAppend(R, R),
    ListExtend(R, R),
    SetAdd(R, R),
    DictInsert(R, R, R),
    DictUpdate(R, R),
    /// Turns a list into a tuple in place (`*args` at call sites).
    ListToTuple(R, R),
    /// `BuildSlice(dst, start)`: start, stop, step in three registers.
    BuildSlice(R, R),
    GetAttr(R, R, K),
    SetAttr(R, K, R),
    DelAttr(R, K),
    GetItem(R, R, R),
    SetItem(R, R, R),
    /// `SliceCopy(base, dlo, dhi, done)`: `x[lo:hi] = src[a:b:c]` without
    /// the intermediate list, from registers `base..base+7` = src, a, b, c,
    /// x, lo, hi (`lo + dlo`, `hi + dhi` when they are ints). When x and src
    /// are lists and every bound an int or None (and the step not 0) it
    /// copies and jumps to `done`; otherwise it does nothing and the
    /// ordinary subscript and slice store after it run.
    SliceCopy(R, i32, i32, u32),
    DelItem(R, R),
    /// `Call(dst, func, args, npos, kwnames)`: positional then keyword values from `args`.
    Call(R, R, R, u32, K),
    /// `CallEx(dst, func, args_tuple, kwargs_dict_or_NONE)`.
    CallEx(R, R, R, R),
    /// `CallMethod(dst, obj, name, args, npos, kwnames)`.
    CallMethod(R, R, K, R, u32, K),
    Return(R),
    /// `Yield(dst, value)`: suspends; on resume the sent value is in dst.
    Yield(R, R),
    /// `Raise(exc, cause)` (NONE: bare; cause NONE: none given).
    Raise(R, R),
    Reraise(R),
    /// `MakeFunction(dst, code, defaults, kwdefaults, closure_start, nclosure)`.
    MakeFunction(R, K, R, R, R, u32),
    /// `MakeClass(dst, name, bases_tuple, ns_dict, kwargs)`.
    MakeClass(R, K, R, R),
    /// `Import(dst, name, level)`: the top package for `import a.b`, the module for `from`.
    Import(R, K, u32),
    /// `ImportFrom(dst, module, name)`.
    ImportFrom(R, R, K),
    ImportStar(R),
    /// `Unpack(src, dst, before, after)`: `after == NONE` means no star.
    Unpack(R, R, u32, u32),
    /// `Format(dst, value, conv, spec)`.
    Format(R, R, u32, R),
    BuildString(R, R, u32),
    ExcMatch(R, R, R),
    /// `TypeOf(dst, v)`.
    TypeOf(R, R),
    /// `SuperLoad(dst, class_cell, first_arg)`: zero-argument super().
    Super(R, R, R),
    /// Raises AssertionError with an optional message register.
    AssertFail(R),
}

/// The parameters of a function.
#[derive(Clone, Debug, Default)]
pub struct ParamSpec {
    /// Positional parameters, then keyword-only, then *args, then **kwargs.
    pub names: Vec<String>,
    pub nargs: u32,
    pub posonly: u32,
    pub nkwonly: u32,
    pub vararg: bool,
    pub kwarg: bool,
}

impl ParamSpec {
    pub fn count(&self) -> u32 {
        self.nargs + self.nkwonly + self.vararg as u32 + self.kwarg as u32
    }
}

/// A source file, for tracebacks.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub lines: Vec<String>,
}

/// An exception table entry: `[start, end)` is protected by `handler`,
/// which receives the exception in register `reg`.
#[derive(Copy, Clone, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub reg: R,
}

/// The source span of an instruction, for tracebacks (CPython 3.11's
/// `co_positions`): byte columns; `col == NONE` means the whole line.
/// `anchor` splits a binary operation or subscript into `~~^^~~` parts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub anchor: Option<(u32, u32)>,
}

impl Pos {
    pub fn line(line: u32) -> Pos {
        Pos {
            line,
            col: NONE,
            end_line: line,
            end_col: NONE,
            anchor: None,
        }
    }
}

/// The static part of a code object (`Code::data`).
#[derive(Debug)]
pub struct CodeData {
    pub name: String,
    pub qualname: String,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub pos: Vec<Pos>,
    pub nregs: u32,
    pub params: ParamSpec,
    /// Free variables arrive from the closure into these registers.
    pub free_start: R,
    pub nfree: u32,
    pub is_generator: bool,
    pub handlers: Vec<Handler>,
    pub source: Rc<Source>,
    /// Hidden from tracebacks (the prelude).
    pub hidden: bool,
    /// A module's top-level code.
    /// Per instruction: at a statement's first instruction, the first
    /// temporary register (the temporaries from there up hold nothing live;
    /// a recording sets them to None so that snapshots and loop-carried
    /// values leave them out); 0 elsewhere.
    pub dead_from: Vec<u32>,
    /// Module code: the globals it may bind more than once (see
    /// `objects::RT_REBOUND`); empty for other code.
    pub rebound: Vec<String>,
    pub is_module: bool,
    /// A class body (runs with a fresh namespace dict in REG_NS).
    pub is_class: bool,
    /// Parameter and local variable names (CPython's `co_varnames`).
    pub varnames: Vec<String>,
    /// For `CallMethod` instructions: the span of `obj.name` (an AttributeError points there).
    pub method_pos: Vec<(u32, Pos)>,
    /// The number of arguments when a call may lay out this code's
    /// registers directly (`fastpath::call_plain`: a function taking
    /// positional parameters only, not a generator), else [`NONE`].
    pub plain_nargs: u32,
    /// A function's docstring (`__doc__`).
    pub doc: Option<String>,
    /// Per constant: a string that starts with `__` (a dunder or private
    /// name), which `fastpath`'s class attribute read leaves to the generic
    /// code; known here so that the shortcut reads no string.
    pub dunder: Vec<bool>,
}

impl CodeData {
    pub fn line_of(&self, pc: u32) -> u32 {
        self.lines.get(pc as usize).copied().unwrap_or(0)
    }
}
