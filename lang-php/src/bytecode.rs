//! The register bytecode the compiler emits and the interpreter runs.
//!
//! A frame's registers are laid out as: [`THIS`], [`CLASS`] (the called
//! class, `static::`), [`CALLEE`] (the function or closure value), [`SITE`]
//! (the caller's location text), [`SCRATCH`] (argument count at entry, then
//! a scratch result register), [`EXTRA`] (arguments beyond the declared
//! parameters), then the compiled variables (CVs) from [`CV0`], then
//! temporaries. A CV holds a value, `Absent` (undefined) or a reference cell.

use std::rc::Rc;

use crate::ast::{ClassDecl, TypeHint};

pub type R = u32;

pub const THIS: R = 0;
pub const CLASS: R = 1;
pub const CALLEE: R = 2;
pub const SITE: R = 3;
pub const SCRATCH: R = 4;
pub const EXTRA: R = 5;
pub const CV0: R = 6;

/// "No register" (e.g. `$a[] = ...` has no key).
pub const NONE: R = u32::MAX;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Concat,
    Eq,
    Ne,
    Identical,
    NotIdentical,
    Lt,
    Le,
    Gt,
    Ge,
    Spaceship,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Xor,
}

impl BinOp {
    pub fn from_str(s: &str) -> Option<BinOp> {
        Some(match s {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "/" => BinOp::Div,
            "%" => BinOp::Mod,
            "**" => BinOp::Pow,
            "." => BinOp::Concat,
            "==" => BinOp::Eq,
            "!=" => BinOp::Ne,
            "===" => BinOp::Identical,
            "!==" => BinOp::NotIdentical,
            "<" => BinOp::Lt,
            "<=" => BinOp::Le,
            ">" => BinOp::Gt,
            ">=" => BinOp::Ge,
            "<=>" => BinOp::Spaceship,
            "&" => BinOp::BitAnd,
            "|" => BinOp::BitOr,
            "^" => BinOp::BitXor,
            "<<" => BinOp::Shl,
            ">>" => BinOp::Shr,
            "xor" => BinOp::Xor,
            _ => return None,
        })
    }
}

/// How a class is found at run time.
#[derive(Copy, Clone, Debug)]
pub enum ClassSpec {
    /// By lower-case name (const index of the name as written).
    Named(u32),
    SelfC,
    Parent,
    Static,
    /// A value: an object (its class) or a class-name string.
    Dyn(R),
}

/// How an argument is passed.
#[derive(Copy, Clone, Debug)]
pub enum ArgMode {
    /// The register holds the value.
    Val,
    /// The register is a CV: passed by reference if the callee wants it.
    Cv,
    /// The register holds a reference cell made for a known by-ref parameter.
    Cell,
    /// `...$xs`.
    Spread,
    /// `name: value` (const index of the name).
    Named(u32),
}

#[derive(Copy, Clone, Debug)]
pub struct ArgSpec {
    pub reg: R,
    pub mode: ArgMode,
}

/// What a call calls.
#[derive(Clone, Debug)]
pub enum Target {
    /// A function by name: const index of the lower-case name, and of the name as written.
    Name(u32, u32),
    /// A callable value.
    Value(R),
    /// `$obj->name(...)`: object register and name register.
    Method(R, R),
    /// `C::name(...)`.
    Static(ClassSpec, R),
    /// `new C(...)`.
    New(ClassSpec),
}

#[derive(Clone, Debug)]
pub enum Op {
    Nop,
    /// A loop header: merge point for the JIT.
    Loop,
    Const(R, u32),
    Move(R, R),
    /// Reads a CV (dereferenced); warns on undefined (const: variable name).
    /// `$cv .= v` on a string held directly in the register: appends in
    /// place (`STR_APPEND`), stores the result in `dst` and jumps; otherwise
    /// falls through to the generic code that follows. `dst` is `NONE` for a
    /// statement (the value is not kept): the register's `StrBuf` then grows
    /// in place (`STR_APPEND_OWNED`).
    AppendCv(R, R, R, u32),
    /// `base[key] op= val` (op: `+`, `-`, `*`) on a hashed array whose
    /// element at `key` is a number: in place with one hash probe
    /// (`ARR_OP`), the result in dst; otherwise dst is `Absent` and nothing
    /// is written. A `JmpNotNull` on dst follows (a guard on what a write
    /// returned must be in a later instruction than the write), skipping
    /// the generic read-op-write. Operands: op, dst, base, key, val.
    DimOp(BinOp, R, R, R, R),
    /// Before the read of `base[key] op= v` (false) or `base[key]++`
    /// (true): php's error when base (a fetched-for-write value) is a
    /// string, whose offsets take neither.
    NoStrOffsetOp(R, bool),
    /// `++`/`--` on a CV holding an int (no overflow) or a float, maybe
    /// through a reference cell: writes it, puts the new (pre) or old
    /// (post) value in dst and jumps to the target; otherwise falls through
    /// to the generic read-incdec-write that follows. Operands: dst, CV,
    /// increment?, pre?, target.
    IncDecCv(R, R, bool, bool, u32),
    /// `func_num_args()`.
    FuncNumArgs(R),
    /// `$GLOBALS['k']` read: like `LoadCv`, warning "Undefined global variable".
    LoadGlobalCv(R, R, u32),
    LoadCv(R, R, u32),
    /// Reads a CV without warning (undefined reads as `Absent`).
    LoadCvQ(R, R),
    StoreCv(R, R),
    /// Marks an array value shared (copy-on-assign).
    Share(R),
    /// Makes CV a reference cell (if it is not) and puts the cell in dst.
    MakeRefCv(R, R),
    /// Binds a CV to a reference cell.
    BindCv(R, R),
    UnsetCv(R),
    /// Binds CV to the global variable named by the const.
    BindGlobal(R, u32),
    /// Binds CV to a static variable (const: name); jumps to target if already initialised.
    BindStatic(R, u32, u32),
    Bin(BinOp, R, R, R),
    /// `Bin` whose operands may be CVs read in place (dereferenced, warning
    /// when undefined, as `LoadCv` does): dst, a, b, then for each operand
    /// the const index of its variable name, or `NONE` for a plain register.
    BinCv(BinOp, R, R, R, u32, u32),
    /// `++`/`--` on a value: dst, src, is increment.
    IncDec(R, R, bool),
    Not(R, R),
    /// `@`: start (saves the level in the register) or end (restores it).
    Silence(R, bool),
    Neg(R, R),
    Plus(R, R),
    BitNot(R, R),
    Cast(&'static str, R, R),
    Jmp(u32),
    JmpIf(R, u32),
    JmpIfNot(R, u32),
    /// Jumps if the register is neither null nor Absent.
    JmpNotNull(R, u32),
    Echo(R),
    Ret(R),
    NewArray(R),
    ArrPush(R, R),
    ArrSet(R, R, R),
    ArrSpread(R, R),
    /// dst, base, key, quiet.
    DimGet(R, R, R, bool),
    /// Array in a CV, prepared for writing.
    CvFetchW(R, R),
    /// Child of a container, prepared for writing (key NONE: append).
    DimFetchW(R, R, R),
    PropFetchW(R, R, R),
    StaticPropFetchW(R, ClassSpec, u32),
    /// base, key (NONE: append), value.
    DimSet(R, R, R),
    /// String offset write on a CV: cv, key, value.
    StrOffsetSet(R, R, R),
    DimUnset(R, R),
    /// Reference cell for an element (creating it): dst, base, key.
    DimRef(R, R, R),
    PropRef(R, R, R),
    StaticPropRef(R, ClassSpec, u32),
    /// dst, obj, name, quiet.
    PropGet(R, R, R, bool),
    PropSet(R, R, R),
    PropUnset(R, R),
    PropIsset(R, R, R),
    StaticPropGet(R, ClassSpec, u32),
    StaticPropSet(ClassSpec, u32, R),
    ClassConst(R, ClassSpec, u32),
    /// `X::class`.
    ClassName(R, ClassSpec),
    /// A global constant by name.
    GetConst(R, u32),
    Interp(R, Box<[R]>),
    Call {
        dst: R,
        target: Target,
        args: Box<[ArgSpec]>,
    },
    /// A builtin: id, args; by-reference outputs come back as a list `[ret, out...]`.
    Builtin {
        dst: R,
        id: u16,
        args: Box<[R]>,
    },
    /// Makes a closure from a function const; captured values in registers.
    Closure(R, u32, Box<[R]>),
    DeclareFunc(u32),
    DeclareClass(u32),
    InstanceOf(R, R, ClassSpec),
    Clone(R, R),
    Throw(R),
    /// Throws `UnhandledMatchError` for the value.
    MatchError(R),
    /// foreach: dst iterator state from subject; by_ref.
    IterInit(R, R, bool),
    /// iterator, key dst (or NONE), value dst, jump when done.
    IterNext(R, R, R, u32),
    /// Value by reference: iterator, key dst, CV to bind, jump when done.
    IterNextRef(R, R, R, u32),
    /// Checks a required parameter was passed (param index).
    RecvCheck(R, u32),
    /// Jumps if the parameter CV was passed.
    JmpIfPassed(R, u32),
    /// Checks/coerces a parameter's type (type index, param index).
    VerifyParam(R, u32, u32),
    /// Checks/coerces a return value in place (type index).
    VerifyReturn(R, u32),
    /// Stores a promoted constructor parameter into `$this`.
    PromoteProp(u32, R),
    Exit(R),
    Include(R, R, bool, bool),
    /// Frame-level builtins.
    FuncGetArgs(R),
    Compact(R, Box<[R]>),
    Extract(R, R),
    GetDefinedVars(R),
    /// Reads a variable by name (variable variables): dst, name.
    VarVarGet(R, R),
    VarVarSet(R, R),
    /// A generator function's arguments are bound: saves the frame in a new
    /// `Generator` (kept in the register) and returns it.
    GenStart(R),
    /// `yield`: dst (the value sent in on resumption), generator register,
    /// key (or `NONE`: the next integer key), value (or `NONE`: null).
    Yield(R, R, R, R),
    /// `yield from src`: dst (its value), generator register, src, and the
    /// register `st` (position or phase) with `st + 1` (the value sent in).
    /// Runs again after every resumption until the source is exhausted.
    YieldFrom(R, R, R, R),
    /// `return` in a generator: generator register, value.
    GenRet(R, R),
    /// A `Generator` method (the prelude's `__gen_op($this, KIND, $arg)`):
    /// dst, generator, kind (`GEN_*`), argument.
    GenOp(R, R, u32, R),
}

/// `Op::GenOp` kinds.
pub const GEN_CURRENT: u32 = 0;
pub const GEN_KEY: u32 = 1;
pub const GEN_NEXT: u32 = 2;
pub const GEN_VALID: u32 = 3;
pub const GEN_REWIND: u32 = 4;
pub const GEN_SEND: u32 = 5;
pub const GEN_THROW: u32 = 6;
pub const GEN_RETURN: u32 = 7;

/// An exception handler: pcs in `[start, end)` jump to `target` with the exception in `reg`.
#[derive(Clone, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub reg: R,
}

/// A constant as the compiler produces it (materialised when code is loaded).
#[derive(Clone, Debug)]
pub enum KConst {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Func(Rc<FuncProto>),
    Class(Rc<ClassProto>),
}

#[derive(Clone, Debug)]
pub struct ParamInfo {
    pub name: String,
    pub cv: R,
    pub by_ref: bool,
    pub variadic: bool,
    pub has_default: bool,
}

/// A compiled function, method, closure or file body.
#[derive(Clone, Debug)]
pub struct FuncProto {
    /// For traces and error messages (`foo`, `A::m`, `{closure}`).
    pub name: String,
    /// The function name (`__FUNCTION__`).
    pub fname: String,
    pub class_name: Option<String>,
    pub file: Rc<str>,
    pub line: u32,
    pub params: Vec<ParamInfo>,
    pub types: Vec<TypeHint>,
    pub nregs: u32,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub handlers: Vec<Handler>,
    pub consts: Vec<KConst>,
    /// Closure captures: (CV, by reference), in the order the closure stores them.
    pub uses: Vec<(R, bool)>,
    pub cv_names: Vec<String>,
    pub cv_regs: Vec<R>,
    /// The temporary registers (not CVs), in increasing order.
    pub temps: Vec<R>,
    /// Per instruction: the index in `temps` of the first temp that is dead
    /// when it starts (every temp from there up is unallocated at that point
    /// of the compiler's stack discipline). While recording, `step` sets
    /// them to null, so traces neither carry dead values round loops nor
    /// store them at exits nor pass them to calls.
    pub dead_from: Vec<u32>,
    /// Per instruction: const index of its location text (" in FILE on line N").
    pub loc_k: Vec<u32>,
    pub is_static: bool,
    pub is_main: bool,
    pub by_ref_return: bool,
    pub is_closure: bool,
    pub visibility: crate::ast::Visibility,
    /// Compiled under `declare(strict_types=1)`.
    pub strict: bool,
    /// A generator's register holding its `Generator`, else `NONE`.
    pub gen_reg: R,
}

impl Default for FuncProto {
    fn default() -> Self {
        FuncProto {
            name: String::new(),
            fname: String::new(),
            class_name: None,
            file: "".into(),
            line: 0,
            params: Vec::new(),
            types: Vec::new(),
            nregs: 0,
            ops: Vec::new(),
            lines: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            uses: Vec::new(),
            cv_names: Vec::new(),
            cv_regs: Vec::new(),
            temps: Vec::new(),
            dead_from: Vec::new(),
            loc_k: Vec::new(),
            is_static: false,
            is_main: false,
            by_ref_return: false,
            is_closure: false,
            visibility: crate::ast::Visibility::Public,
            strict: false,
            gen_reg: NONE,
        }
    }
}

/// A class as compiled: its declaration plus method protos.
#[derive(Debug)]
pub struct ClassProto {
    pub decl: Rc<ClassDecl>,
    pub methods: Vec<Rc<FuncProto>>,
    pub file: Rc<str>,
}

/// Offset of the first compiler constant in a code object's consts.
/// consts[0] = runtime, [1] = statics dict, [2] = scope class.
pub const K0: u32 = 3;

/// Flag on `BindGlobal`'s const operand: a `global` statement (creates the global as null).
pub const GLOBAL_STMT: u32 = 0x8000_0000;
