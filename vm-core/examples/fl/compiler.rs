//! FL's compiler: syntax tree to bytecode protos (see [`crate::fl::bytecode`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::fl::ast::{Expr, ExprKind, FuncDef, Stmt, StmtKind};
use crate::fl::bytecode::{ConstProto, FlCode, FlProto, Instr, GLOBALS};
use crate::fl::error::SyntaxError;
use crate::fl::lexer::{self, Pos};
use crate::fl::{parser, rpn};

/// Lexes, parses and compiles a whole file.
pub fn compile_source(file: &str, src: &str) -> Result<FlProto, SyntaxError> {
    let toks = lexer::lex(src)?;
    let stmts = parser::parse(toks)?;
    let file: Arc<str> = Arc::from(file);
    let mut c = Compiler::new("<module>", &[], file, Pos { line: 1, col: 1 });
    c.block(&stmts)?;
    let end = stmts
        .last()
        .map(|s| s.pos)
        .unwrap_or(Pos { line: 1, col: 1 });
    c.emit(Instr::ReturnNone, end);
    Ok(c.finish())
}

struct Compiler {
    code: FlCode,
    consts: Vec<ConstProto>,
    names: HashMap<String, u32>,
}

impl Compiler {
    fn new(name: &str, params: &[String], file: Arc<str>, _pos: Pos) -> Compiler {
        let mut c = Compiler {
            code: FlCode {
                name: name.to_string(),
                file,
                params: params.to_vec(),
                param_consts: Vec::new(),
                instrs: Vec::new(),
                pos: Vec::new(),
            },
            consts: vec![ConstProto::Globals],
            names: HashMap::new(),
        };
        debug_assert_eq!(GLOBALS, 0);
        c.code.param_consts = params.iter().map(|p| c.name(p)).collect();
        c
    }

    fn finish(self) -> FlProto {
        FlProto {
            code: self.code,
            consts: self.consts,
        }
    }

    fn emit(&mut self, i: Instr, pos: Pos) -> usize {
        self.code.instrs.push(i);
        self.code.pos.push(pos);
        self.code.instrs.len() - 1
    }

    fn here(&self) -> u32 {
        self.code.instrs.len() as u32
    }

    /// Points the jump at `at` to the current pc.
    fn patch(&mut self, at: usize) {
        let t = self.here();
        self.code.instrs[at] = match self.code.instrs[at] {
            Instr::Jump(_) => Instr::Jump(t),
            Instr::JumpIfFalse(_) => Instr::JumpIfFalse(t),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(t),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(t),
            other => other,
        };
    }

    fn name(&mut self, n: &str) -> u32 {
        if let Some(k) = self.names.get(n) {
            return *k;
        }
        let k = self.konst(ConstProto::Str(n.to_string()));
        self.names.insert(n.to_string(), k);
        k
    }

    fn konst(&mut self, c: ConstProto) -> u32 {
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }

    fn block(&mut self, stmts: &[Stmt]) -> Result<(), SyntaxError> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Assign(name, e) => {
                self.expr(e)?;
                let k = self.name(name);
                self.emit(Instr::Store(k), s.pos);
            }
            StmtKind::If(arms, other) => {
                let mut ends = Vec::new();
                for (i, (cond, body)) in arms.iter().enumerate() {
                    self.expr(cond)?;
                    let jf = self.emit(Instr::JumpIfFalse(0), cond.pos);
                    self.block(body)?;
                    if i + 1 < arms.len() || other.is_some() {
                        ends.push(self.emit(Instr::Jump(0), s.pos));
                    }
                    self.patch(jf);
                }
                if let Some(body) = other {
                    self.block(body)?;
                }
                for e in ends {
                    self.patch(e);
                }
            }
            StmtKind::While(cond, body) => {
                let head = self.emit(Instr::Loop, s.pos) as u32;
                self.expr(cond)?;
                let jf = self.emit(Instr::JumpIfFalse(0), cond.pos);
                self.block(body)?;
                self.emit(Instr::Jump(head), s.pos);
                self.patch(jf);
            }
            StmtKind::Def(f) => {
                let proto = self.function(f, s.pos)?;
                let k = self.konst(ConstProto::Fl(Box::new(proto)));
                self.emit(Instr::Const(k), s.pos);
                let n = self.name(&f.name);
                self.emit(Instr::Store(n), s.pos);
            }
            StmtKind::Rpn(text, at) => {
                let proto = rpn::compile(text, *at, self.code.file.clone())?;
                let name = proto.code.name.clone();
                let k = self.konst(ConstProto::Rpn(Box::new(proto)));
                self.emit(Instr::Const(k), s.pos);
                let n = self.name(&name);
                self.emit(Instr::Store(n), s.pos);
            }
            StmtKind::Return(Some(e)) => {
                self.expr(e)?;
                self.emit(Instr::Return, s.pos);
            }
            StmtKind::Return(None) => {
                self.emit(Instr::ReturnNone, s.pos);
            }
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop, s.pos);
            }
            StmtKind::Pass => {}
        }
        Ok(())
    }

    fn function(&mut self, f: &FuncDef, pos: Pos) -> Result<FlProto, SyntaxError> {
        let mut c = Compiler::new(&f.name, &f.params, self.code.file.clone(), pos);
        c.block(&f.body)?;
        let end = f.body.last().map(|s| s.pos).unwrap_or(pos);
        c.emit(Instr::ReturnNone, end);
        Ok(c.finish())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Int(digits) => {
                let c = match digits.parse::<i64>() {
                    Ok(i) => ConstProto::Int(i),
                    Err(_) => ConstProto::Big(digits.clone()),
                };
                let k = self.konst(c);
                self.emit(Instr::Const(k), e.pos);
            }
            ExprKind::Float(x) => {
                let k = self.konst(ConstProto::Float(*x));
                self.emit(Instr::Const(k), e.pos);
            }
            ExprKind::Bool(b) => {
                let k = self.konst(ConstProto::Bool(*b));
                self.emit(Instr::Const(k), e.pos);
            }
            ExprKind::None => {
                let k = self.konst(ConstProto::None);
                self.emit(Instr::Const(k), e.pos);
            }
            ExprKind::Name(n) => {
                let k = self.name(n);
                self.emit(Instr::Load(k), e.pos);
            }
            ExprKind::Bin(op, a, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.emit(Instr::Bin(*op), e.pos);
            }
            ExprKind::Neg(a) => {
                self.expr(a)?;
                self.emit(Instr::Neg, e.pos);
            }
            ExprKind::Not(a) => {
                self.expr(a)?;
                self.emit(Instr::Not, e.pos);
            }
            ExprKind::And(a, b) => {
                self.expr(a)?;
                let j = self.emit(Instr::JumpIfFalseOrPop(0), e.pos);
                self.expr(b)?;
                self.patch(j);
            }
            ExprKind::Or(a, b) => {
                self.expr(a)?;
                let j = self.emit(Instr::JumpIfTrueOrPop(0), e.pos);
                self.expr(b)?;
                self.patch(j);
            }
            ExprKind::Call(f, args) => {
                self.expr(f)?;
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Instr::Call(args.len() as u32), e.pos);
                self.emit(Instr::Result, e.pos);
            }
            ExprKind::Print(args) => {
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Instr::Print(args.len() as u32), e.pos);
            }
        }
        Ok(())
    }
}
