//! FL's syntax tree.

use crate::fl::lexer::Pos;
use crate::fl::ops::BinOp;

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    /// Where the expression is reported: the operator of a binary or unary
    /// expression, the callee of a call, else its first token.
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Decimal digits (may exceed i64).
    Int(String),
    Float(f64),
    Bool(bool),
    None,
    Name(String),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    /// `print(args)`: a builtin form, evaluates to None.
    Print(Vec<Expr>),
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Assign(String, Expr),
    /// `if`/`elif` arms, then the `else` block.
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    While(Expr, Vec<Stmt>),
    Def(FuncDef),
    Return(Option<Expr>),
    Expr(Expr),
    Pass,
    /// `rpn NAME(params): tokens`: the text after `rpn` and where it starts.
    Rpn(String, Pos),
}

#[derive(Clone, Debug)]
pub struct FuncDef {
    pub name: String,
    pub params: Vec<String>,
    pub body: Vec<Stmt>,
}
