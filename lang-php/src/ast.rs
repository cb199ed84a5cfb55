//! The PHP abstract syntax tree.

use std::rc::Rc;

/// An expression with the line it starts on.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: E,
    pub line: u32,
}

/// How a class is named in `new X`, `X::f()`, `instanceof X`.
#[derive(Clone, Debug)]
pub enum ClassRef {
    Named(String),
    SelfRef,
    Parent,
    Static,
    Dyn(Box<Expr>),
}

/// A call argument.
#[derive(Clone, Debug)]
pub struct Arg {
    pub value: Expr,
    pub spread: bool,
    pub name: Option<String>,
}

/// An array literal item.
#[derive(Clone, Debug)]
pub struct Item {
    pub key: Option<Expr>,
    pub value: Expr,
    pub by_ref: bool,
    pub spread: bool,
}

/// A `match` arm: `None` conditions is `default`.
#[derive(Clone, Debug)]
pub struct MatchArm {
    pub conds: Option<Vec<Expr>>,
    pub body: Expr,
}

#[derive(Clone, Debug)]
pub enum E {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Interp(Vec<Expr>),
    Var(String),
    VarVar(Box<Expr>),
    Array(Vec<Item>),
    /// `list(...)` / `[...]` on the left of `=`: `None` entries are skipped.
    List(Vec<Option<Item>>),
    Index(Box<Expr>, Option<Box<Expr>>),
    Prop(Box<Expr>, Box<Expr>, bool),
    StaticProp(ClassRef, String),
    ClassConst(ClassRef, String),
    Const(String),
    Call(Box<Expr>, Vec<Arg>),
    NameCall(String, Vec<Arg>),
    MethodCall(Box<Expr>, Box<Expr>, Vec<Arg>, bool),
    StaticCall(ClassRef, Box<Expr>, Vec<Arg>),
    /// `f(...)`, `$o->m(...)`, `C::m(...)`: first-class callable syntax.
    CallableRef(Box<Expr>),
    New(ClassRef, Vec<Arg>),
    AnonClass(Rc<ClassDecl>, Vec<Arg>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    Unary(&'static str, Box<Expr>),
    Assign(Box<Expr>, Box<Expr>),
    AssignRef(Box<Expr>, Box<Expr>),
    AssignOp(&'static str, Box<Expr>, Box<Expr>),
    IncDec {
        pre: bool,
        inc: bool,
        e: Box<Expr>,
    },
    Ternary(Box<Expr>, Option<Box<Expr>>, Box<Expr>),
    Isset(Vec<Expr>),
    Empty(Box<Expr>),
    Closure(Rc<FuncDecl>, Vec<(String, bool)>, bool),
    ArrowFn(Rc<FuncDecl>),
    Match(Box<Expr>, Vec<MatchArm>),
    Throw(Box<Expr>),
    Print(Box<Expr>),
    Exit(Option<Box<Expr>>),
    Cast(&'static str, Box<Expr>),
    InstanceOf(Box<Expr>, ClassRef),
    Clone(Box<Expr>),
    Silence(Box<Expr>),
    Include(Box<Expr>, bool, bool),
    /// `yield`, `yield v`, `yield k => v`: key, value.
    Yield(Option<Box<Expr>>, Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// Compiler-internal: a value already computed into this register
    /// (an assignment's keys, evaluated before its value as php does).
    Reg(u32),
    MagicClass,
    MagicFunction,
    MagicMethod,
}

impl Expr {
    pub fn new(kind: E, line: u32) -> Expr {
        Expr { kind, line }
    }
}

/// A declared type (`?int`, `A|B`, ...), kept for checks.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeHint {
    Named(String),
    Nullable(Box<TypeHint>),
    Union(Vec<TypeHint>),
}

/// A function parameter.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub by_ref: bool,
    pub variadic: bool,
    pub ty: Option<TypeHint>,
    /// Constructor promotion: the visibility.
    pub promote: Option<Visibility>,
    pub promote_readonly: bool,
}

/// A function, method, closure or arrow function.
#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub name: String,
    pub params: Vec<Param>,
    pub body: Vec<Stmt>,
    pub by_ref: bool,
    pub ret: Option<TypeHint>,
    pub line: u32,
    pub end_line: u32,
    pub is_static: bool,
    pub is_abstract: bool,
    pub visibility: Visibility,
    /// Arrow function: the body is one expression (a `Return` statement).
    pub arrow: bool,
    pub is_generator: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Protected,
    Private,
}

/// A property declaration.
#[derive(Clone, Debug)]
pub struct PropDecl {
    pub name: String,
    pub default: Option<Expr>,
    pub is_static: bool,
    pub visibility: Visibility,
    pub typed: bool,
    pub readonly: bool,
}

/// A conflict-resolution rule of a trait `use` block.
#[derive(Clone, Debug)]
pub enum TraitRule {
    /// `T::m insteadof U, V`: `m` comes from `T`, not from `U` or `V`.
    Insteadof(String, String, Vec<String>),
    /// `[T::]m as [visibility] [alias]`.
    Alias(Option<String>, String, Option<Visibility>, Option<String>),
}

/// A class, interface, trait or enum.
#[derive(Clone, Debug)]
pub struct ClassDecl {
    pub name: String,
    pub kind: ClassKind,
    pub parent: Option<String>,
    pub interfaces: Vec<String>,
    pub traits: Vec<String>,
    /// `use A, B { A::m insteadof B; B::m as protected n; }`
    pub trait_rules: Vec<TraitRule>,
    pub consts: Vec<(String, Expr)>,
    pub props: Vec<PropDecl>,
    pub methods: Vec<Rc<FuncDecl>>,
    pub is_abstract: bool,
    pub is_final: bool,
    pub line: u32,
    /// An enum's cases in order, with their backing values.
    pub cases: Vec<(String, Option<Expr>)>,
    /// A backed enum's type (`int` or `string`).
    pub enum_backing: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    Class,
    Interface,
    Trait,
    Enum,
}

/// A `catch` clause.
#[derive(Clone, Debug)]
pub struct Catch {
    pub types: Vec<String>,
    pub var: Option<String>,
    pub body: Vec<Stmt>,
}

/// A statement with its line.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: S,
    pub line: u32,
}

#[derive(Clone, Debug)]
pub enum S {
    Echo(Vec<Expr>),
    InlineHtml(String),
    Expr(Expr),
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    While(Expr, Vec<Stmt>),
    DoWhile(Vec<Stmt>, Expr),
    For(Vec<Expr>, Vec<Expr>, Vec<Expr>, Vec<Stmt>),
    Foreach {
        subject: Expr,
        key: Option<Expr>,
        value: Expr,
        by_ref: bool,
        body: Vec<Stmt>,
    },
    Switch(Expr, Vec<(Option<Expr>, Vec<Stmt>)>),
    Break(u32),
    Continue(u32),
    Return(Option<Expr>),
    Global(Vec<String>),
    Static(Vec<(String, Option<Expr>)>),
    Unset(Vec<Expr>),
    Func(Rc<FuncDecl>),
    Class(Rc<ClassDecl>),
    Try(Vec<Stmt>, Vec<Catch>, Option<Vec<Stmt>>),
    Const(Vec<(String, Expr)>),
    Block(Vec<Stmt>),
    /// `declare(strict_types=1)`.
    StrictTypes,
    Nop,
}
