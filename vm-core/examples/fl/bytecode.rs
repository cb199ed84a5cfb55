//! FL's bytecode: the instruction set, the static part of a code object, and
//! the protos the compiler produces before they are allocated on the heap.
//!
//! A code object is a `heap::Code` whose `data` is an [`FlCode`] and whose
//! `consts` hold, at [`GLOBALS`], the module's globals dict, then the names,
//! literals and nested function code objects the instructions refer to.
//!
//! Stack effects: an instruction pops its operands from the frame's operand
//! list and pushes its result. Jump targets are pcs.

use std::sync::Arc;

use gc_arena::Mutation;
use vm_core::heap::{self, LangId};
use vm_core::Value;

use crate::fl::lexer::Pos;
use crate::fl::ops::BinOp;
use crate::fl::rpn::{self, RpnProto};

/// Index of the globals dict in every code object's constants.
pub const GLOBALS: usize = 0;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Instr {
    /// Push `consts[k]`.
    Const(u32),
    /// Push the value of name `consts[k]`: the vars dict, then the globals dict.
    Load(u32),
    /// Pop a value and bind name `consts[k]` to it in the vars dict.
    Store(u32),
    /// Pop `b`, pop `a`, push `a op b`.
    Bin(BinOp),
    /// Pop `a`, push `-a`.
    Neg,
    /// Pop `a`, push `not a`.
    Not,
    /// Pop and discard.
    Pop,
    /// Go to the pc.
    Jump(u32),
    /// Pop; go to the pc when the value is false.
    JumpIfFalse(u32),
    /// When the top is false go to the pc (keeping it), else pop it (`and`).
    JumpIfFalseOrPop(u32),
    /// When the top is true go to the pc (keeping it), else pop it (`or`).
    JumpIfTrueOrPop(u32),
    /// A loop header (target of a backward jump): the JIT's merge point.
    Loop,
    /// Pop `n` arguments and the callee; call it. The result arrives in register 2.
    Call(u32),
    /// Push register 2 (the result of the call just made).
    Result,
    /// Pop `n` values, print them; push None.
    Print(u32),
    /// Return the top of the stack.
    Return,
    /// Return None.
    ReturnNone,
}

/// The static part of an FL code object.
#[derive(Clone, Debug)]
pub struct FlCode {
    /// Function name (`<module>` for the file).
    pub name: String,
    /// The source file, for error messages.
    pub file: Arc<str>,
    /// Parameter names, in order.
    pub params: Vec<String>,
    /// Constant index of each parameter's name.
    pub param_consts: Vec<u32>,
    pub instrs: Vec<Instr>,
    /// Source position of each instruction.
    pub pos: Vec<Pos>,
}

/// A constant before allocation.
#[derive(Clone, Debug)]
pub enum ConstProto {
    /// The globals dict (always at [`GLOBALS`]).
    Globals,
    Str(String),
    Int(i64),
    /// Decimal digits of an int outside i64.
    Big(String),
    Float(f64),
    Bool(bool),
    None,
    Fl(Box<FlProto>),
    Rpn(Box<RpnProto>),
}

/// A compiled FL function (or module) before allocation.
#[derive(Clone, Debug)]
pub struct FlProto {
    pub code: FlCode,
    pub consts: Vec<ConstProto>,
}

/// The language ids FL and RPN were registered under.
#[derive(Copy, Clone, Debug)]
pub struct LangIds {
    pub fl: LangId,
    pub rpn: LangId,
}

/// Allocates the code object of `proto` (and of every function nested in it).
pub fn materialize<'gc>(
    mc: &Mutation<'gc>,
    proto: FlProto,
    globals: Value<'gc>,
    ids: LangIds,
) -> Value<'gc> {
    let consts = proto
        .consts
        .into_iter()
        .map(|c| const_value(mc, c, globals, ids))
        .collect();
    heap::new_code(mc, ids.fl, Box::new(proto.code), consts)
}

/// Allocates one constant.
pub fn const_value<'gc>(
    mc: &Mutation<'gc>,
    c: ConstProto,
    globals: Value<'gc>,
    ids: LangIds,
) -> Value<'gc> {
    match c {
        ConstProto::Globals => globals,
        ConstProto::Str(s) => heap::new_str(mc, &s),
        ConstProto::Int(i) => Value::Int(i),
        ConstProto::Big(d) => match d.parse::<num_bigint::BigInt>() {
            Ok(b) => heap::new_int(mc, b),
            Err(_) => Value::None,
        },
        ConstProto::Float(x) => Value::Float(x),
        ConstProto::Bool(b) => Value::Bool(b),
        ConstProto::None => Value::None,
        ConstProto::Fl(p) => materialize(mc, *p, globals, ids),
        ConstProto::Rpn(p) => rpn::materialize(mc, *p, globals, ids),
    }
}
