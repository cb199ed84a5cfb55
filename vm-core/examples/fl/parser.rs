//! FL's parser: tokens to a syntax tree, by recursive descent.
//!
//! Precedence, loosest first (as Python): `or`, `and`, `not`, comparisons
//! (not chained), `+ -`, `* / %`, unary `-`, calls, atoms. Every loop consumes
//! a token or stops, and nesting is capped at [`MAX_NESTING`], so parsing
//! ends on any input without exhausting the Rust stack.

use crate::fl::ast::{Expr, ExprKind, FuncDef, Stmt, StmtKind};
use crate::fl::error::SyntaxError;
use crate::fl::lexer::{Pos, Tok, Token};
use crate::fl::ops::BinOp;

/// Deepest nesting of expressions and blocks the parser accepts.
pub const MAX_NESTING: u32 = 100;

struct Parser {
    toks: Vec<Token>,
    i: usize,
    depth: u32,
    in_function: bool,
}

/// Parses a whole file.
pub fn parse(toks: Vec<Token>) -> Result<Vec<Stmt>, SyntaxError> {
    let mut p = Parser {
        toks,
        i: 0,
        depth: 0,
        in_function: false,
    };
    let mut out = Vec::new();
    while !p.at(&Tok::Eof) {
        if p.at(&Tok::Indent) {
            return Err(p.error("unexpected indent"));
        }
        out.push(p.statement()?);
    }
    Ok(out)
}

impl Parser {
    fn peek(&self) -> &Tok {
        // The lexer always ends the stream with Eof.
        &self.toks[self.i.min(self.toks.len() - 1)].tok
    }
    fn pos(&self) -> Pos {
        self.toks[self.i.min(self.toks.len() - 1)].pos
    }
    fn at(&self, t: &Tok) -> bool {
        self.peek() == t
    }
    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }
    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Kw(k) if *k == kw)
    }
    fn advance(&mut self) -> Token {
        let t = self.toks[self.i.min(self.toks.len() - 1)].clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }
    fn error(&self, msg: &str) -> SyntaxError {
        let p = self.pos();
        let msg = match (self.peek(), msg) {
            (Tok::Eof, "invalid syntax") => "unexpected end of file",
            _ => msg,
        };
        SyntaxError::new(p.line, p.col, msg)
    }
    fn expect_op(&mut self, op: &str) -> Result<(), SyntaxError> {
        if self.at_op(op) {
            self.advance();
            Ok(())
        } else {
            Err(self.error(&format!("expected '{op}'")))
        }
    }
    fn expect_newline(&mut self) -> Result<(), SyntaxError> {
        if self.at(&Tok::Newline) {
            self.advance();
            Ok(())
        } else {
            Err(self.error("invalid syntax"))
        }
    }
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error("too deeply nested"));
        }
        Ok(())
    }
    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn statement(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Kw("if") => return self.if_stmt(),
            Tok::Kw("while") => {
                self.advance();
                let cond = self.expr()?;
                let body = self.block()?;
                StmtKind::While(cond, body)
            }
            Tok::Kw("def") => {
                self.advance();
                let name = match self.advance().tok {
                    Tok::Name(n) => n,
                    _ => {
                        return Err(SyntaxError::new(
                            pos.line,
                            pos.col + 4,
                            "expected a function name",
                        ))
                    }
                };
                self.expect_op("(")?;
                let mut params: Vec<String> = Vec::new();
                while !self.at_op(")") {
                    let p = self.pos();
                    match self.advance().tok {
                        Tok::Name(n) => {
                            if params.contains(&n) {
                                return Err(SyntaxError::new(
                                    p.line,
                                    p.col,
                                    &format!("duplicate argument '{n}' in function definition"),
                                ));
                            }
                            params.push(n)
                        }
                        _ => {
                            return Err(SyntaxError::new(
                                p.line,
                                p.col,
                                "expected a parameter name",
                            ))
                        }
                    }
                    if !self.at_op(")") {
                        self.expect_op(",")?;
                    }
                }
                self.advance();
                let outer = self.in_function;
                self.in_function = true;
                let body = self.block();
                self.in_function = outer;
                StmtKind::Def(FuncDef {
                    name,
                    params,
                    body: body?,
                })
            }
            Tok::Rpn(text, at) => {
                self.advance();
                self.expect_newline()?;
                StmtKind::Rpn(text, at)
            }
            _ => {
                let kind = self.simple()?;
                self.expect_newline()?;
                kind
            }
        };
        Ok(Stmt { kind, pos })
    }

    /// A simple statement (without its newline): assignment, expression, return, pass.
    fn simple(&mut self) -> Result<StmtKind, SyntaxError> {
        let pos = self.pos();
        if self.at_kw("pass") {
            self.advance();
            return Ok(StmtKind::Pass);
        }
        if self.at_kw("return") {
            if !self.in_function {
                return Err(SyntaxError::new(
                    pos.line,
                    pos.col,
                    "'return' outside function",
                ));
            }
            self.advance();
            if self.at(&Tok::Newline) {
                return Ok(StmtKind::Return(None));
            }
            return Ok(StmtKind::Return(Some(self.expr()?)));
        }
        let e = self.expr()?;
        if self.at_op("=") {
            let name = match e.kind {
                ExprKind::Name(n) => n,
                _ => {
                    return Err(SyntaxError::new(
                        pos.line,
                        pos.col,
                        "cannot assign to expression",
                    ))
                }
            };
            self.advance();
            let value = self.expr()?;
            return Ok(StmtKind::Assign(name, value));
        }
        Ok(StmtKind::Expr(e))
    }

    fn if_stmt(&mut self) -> Result<Stmt, SyntaxError> {
        let pos = self.pos();
        self.advance(); // if
        let mut arms = Vec::new();
        let cond = self.expr()?;
        arms.push((cond, self.block()?));
        let mut other = None;
        loop {
            if self.at_kw("elif") {
                self.advance();
                let cond = self.expr()?;
                arms.push((cond, self.block()?));
            } else if self.at_kw("else") {
                self.advance();
                other = Some(self.block()?);
                break;
            } else {
                break;
            }
        }
        Ok(Stmt {
            kind: StmtKind::If(arms, other),
            pos,
        })
    }

    /// `: NEWLINE INDENT stmts DEDENT` or `: simple NEWLINE`.
    fn block(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        self.expect_op(":")?;
        self.enter()?;
        let out = self.block_body();
        self.leave();
        out
    }

    fn block_body(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        if !self.at(&Tok::Newline) {
            let pos = self.pos();
            let kind = self.simple()?;
            self.expect_newline()?;
            return Ok(vec![Stmt { kind, pos }]);
        }
        self.advance();
        if !self.at(&Tok::Indent) {
            return Err(self.error("expected an indented block"));
        }
        self.advance();
        let mut out = Vec::new();
        while !self.at(&Tok::Dedent) {
            if self.at(&Tok::Eof) {
                return Err(self.error("unexpected end of file"));
            }
            if self.at(&Tok::Indent) {
                return Err(self.error("unexpected indent"));
            }
            out.push(self.statement()?);
        }
        self.advance();
        Ok(out)
    }

    fn expr(&mut self) -> Result<Expr, SyntaxError> {
        self.enter()?;
        let e = self.or_expr();
        self.leave();
        e
    }

    fn or_expr(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.and_expr()?;
        while self.at_kw("or") {
            let pos = self.advance().pos;
            let r = self.and_expr()?;
            e = Expr {
                kind: ExprKind::Or(Box::new(e), Box::new(r)),
                pos,
            };
        }
        Ok(e)
    }

    fn and_expr(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.not_expr()?;
        while self.at_kw("and") {
            let pos = self.advance().pos;
            let r = self.not_expr()?;
            e = Expr {
                kind: ExprKind::And(Box::new(e), Box::new(r)),
                pos,
            };
        }
        Ok(e)
    }

    fn not_expr(&mut self) -> Result<Expr, SyntaxError> {
        if self.at_kw("not") {
            let pos = self.advance().pos;
            self.enter()?;
            let e = self.not_expr();
            self.leave();
            return Ok(Expr {
                kind: ExprKind::Not(Box::new(e?)),
                pos,
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, SyntaxError> {
        let e = self.sum()?;
        let Some(op) = self.cmp_op() else {
            return Ok(e);
        };
        let pos = self.advance().pos;
        let r = self.sum()?;
        if self.cmp_op().is_some() {
            return Err(self.error("chained comparisons are not supported"));
        }
        Ok(Expr {
            kind: ExprKind::Bin(op, Box::new(e), Box::new(r)),
            pos,
        })
    }

    fn cmp_op(&self) -> Option<BinOp> {
        match self.peek() {
            Tok::Op("<") => Some(BinOp::Lt),
            Tok::Op("<=") => Some(BinOp::Le),
            Tok::Op(">") => Some(BinOp::Gt),
            Tok::Op(">=") => Some(BinOp::Ge),
            Tok::Op("==") => Some(BinOp::Eq),
            Tok::Op("!=") => Some(BinOp::Ne),
            _ => None,
        }
    }

    fn sum(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.term()?;
        loop {
            let op = match self.peek() {
                Tok::Op("+") => BinOp::Add,
                Tok::Op("-") => BinOp::Sub,
                _ => return Ok(e),
            };
            let pos = self.advance().pos;
            let r = self.term()?;
            e = Expr {
                kind: ExprKind::Bin(op, Box::new(e), Box::new(r)),
                pos,
            };
        }
    }

    fn term(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op("*") => BinOp::Mul,
                Tok::Op("/") => BinOp::Div,
                Tok::Op("%") => BinOp::Mod,
                _ => return Ok(e),
            };
            let pos = self.advance().pos;
            let r = self.unary()?;
            e = Expr {
                kind: ExprKind::Bin(op, Box::new(e), Box::new(r)),
                pos,
            };
        }
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.at_op("-") {
            let pos = self.advance().pos;
            self.enter()?;
            let e = self.unary();
            self.leave();
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(e?)),
                pos,
            });
        }
        self.call()
    }

    fn call(&mut self) -> Result<Expr, SyntaxError> {
        let mut e = self.atom()?;
        while self.at_op("(") {
            self.advance();
            let mut args = Vec::new();
            while !self.at_op(")") {
                args.push(self.expr()?);
                if !self.at_op(")") {
                    self.expect_op(",")?;
                }
            }
            self.advance();
            let pos = e.pos;
            e = match e.kind {
                ExprKind::Name(ref n) if n == "print" => Expr {
                    kind: ExprKind::Print(args),
                    pos,
                },
                _ => Expr {
                    kind: ExprKind::Call(Box::new(e), args),
                    pos,
                },
            };
        }
        Ok(e)
    }

    fn atom(&mut self) -> Result<Expr, SyntaxError> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Int(d) => ExprKind::Int(d),
            Tok::Float(x) => ExprKind::Float(x),
            Tok::Name(n) => ExprKind::Name(n),
            Tok::Kw("True") => ExprKind::Bool(true),
            Tok::Kw("False") => ExprKind::Bool(false),
            Tok::Kw("None") => ExprKind::None,
            Tok::Op("(") => {
                self.advance();
                let e = self.expr()?;
                self.expect_op(")")?;
                return Ok(e);
            }
            _ => return Err(self.error("invalid syntax")),
        };
        self.advance();
        Ok(Expr { kind, pos })
    }
}
