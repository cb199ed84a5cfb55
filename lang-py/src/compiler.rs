//! The compiler: AST to register bytecode, one [`CodeUnit`] per function,
//! class body, comprehension and module.
//!
//! Locals live in fixed registers; temporaries are allocated above them,
//! stack-like, and released at the end of each statement. `try` blocks
//! become exception-table ranges (CPython 3.11's zero-cost scheme); `finally`
//! bodies are emitted once per way out (fall-through, exception, `return`,
//! `break`, `continue`).

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::ast::*;
use crate::bytecode::Handler;
use crate::bytecode::*;
use crate::errors::SyntaxError;
use crate::symtable::{analyze, Access, ScopeKind, SymTable};

/// A compile-time constant, turned into a heap value when the module loads.
#[derive(Clone, Debug)]
pub enum CConst {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<CConst>),
    Code(Rc<CodeUnit>),
}

/// A compiled code object before loading: static data plus constants.
/// Constants 0 and 1 are reserved for the runtime and the globals.
#[derive(Debug)]
pub struct CodeUnit {
    pub data: Rc<CodeData>,
    pub consts: Vec<CConst>,
}

/// Compiles a module.
pub fn compile_module(
    body: &[Stmt],
    source: Rc<Source>,
    hidden: bool,
) -> Result<Rc<CodeUnit>, SyntaxError> {
    let st = analyze(body).map_err(|(m, l)| SyntaxError::new(m, l, 0))?;
    let mut c = Compiler {
        st,
        next_scope: 1,
        source,
        hidden,
    };
    let mut f = FnState::new(0, "<module>".into(), "<module>".into(), &c.st);
    f.is_module = true;
    c.body(&mut f, body)?;
    let none = f.konst(CConst::None);
    let r = f.temp();
    f.emit(Op::Const(r, none));
    f.emit(Op::Return(r));
    Ok(c.finish(f))
}

struct Compiler {
    st: SymTable,
    next_scope: usize,
    source: Rc<Source>,
    hidden: bool,
}

enum Block {
    Loop {
        continue_to: u32,
        breaks: Vec<usize>,
    },
    /// A protected range; `cleanup` is emitted on every way out but an exception.
    Try {
        handler_index: usize,
        seg_start: u32,
        cleanup: Option<Cleanup>,
    },
    /// Inside an `except` body: bare `raise` re-raises the first register;
    /// the second holds the previously handled exception (restored on exit).
    Except(R, R),
}

#[derive(Clone)]
enum Cleanup {
    Finally(Vec<Stmt>),
    /// A `with` manager register: call `__exit__(None, None, None)`.
    With(R),
}

struct FnState {
    /// (pc, first temporary) at each statement start: the temporaries from
    /// there up are dead (see `CodeData::dead_from`).
    stmt_floors: Vec<(u32, u32)>,
    scope: usize,
    name: String,
    qualname: String,
    ops: Vec<Op>,
    lines: Vec<u32>,
    pos: Vec<Pos>,
    /// The span of the expression being compiled, if any.
    epos: Option<Pos>,
    method_pos: Vec<(u32, Pos)>,
    consts: Vec<CConst>,
    str_consts: HashMap<String, K>,
    regs: HashMap<String, R>,
    kind: ScopeKind,
    next_temp: u32,
    floor: u32,
    max_reg: u32,
    line: u32,
    blocks: Vec<Block>,
    handlers: Vec<Handler>,
    /// Pending handler ranges: (handler index, ranges).
    ranges: Vec<Vec<(u32, u32)>>,
    params: ParamSpec,
    free_start: R,
    nfree: u32,
    is_generator: bool,
    is_module: bool,
    /// The class cell register in a class body.
    class_cell: Option<R>,
    /// The docstring (a function body's first statement, a string literal).
    doc: Option<String>,
    /// Locals certainly bound at this point (assigned earlier in straight-line code).
    definite: std::collections::HashSet<String>,
    /// Depth of compound statements being compiled (0: the function's own body).
    nest: u32,
}

impl FnState {
    fn new(scope: usize, name: String, qualname: String, st: &SymTable) -> FnState {
        let s = &st.scopes[scope];
        let mut f = FnState {
            stmt_floors: Vec::new(),
            scope,
            name,
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            pos: Vec::new(),
            epos: None,
            method_pos: Vec::new(),
            consts: vec![CConst::None, CConst::None, CConst::None],
            str_consts: HashMap::new(),
            regs: HashMap::new(),
            kind: s.kind,
            next_temp: SPECIALS,
            floor: SPECIALS,
            max_reg: SPECIALS,
            line: 1,
            blocks: Vec::new(),
            handlers: Vec::new(),
            ranges: Vec::new(),
            params: ParamSpec::default(),
            free_start: SPECIALS,
            nfree: 0,
            is_generator: s.is_generator,
            is_module: false,
            class_cell: None,
            doc: None,
            definite: s.params.iter().cloned().collect(),
            nest: 0,
        };
        let mut next = SPECIALS;
        for p in &s.params {
            f.regs.insert(p.clone(), next);
            next += 1;
        }
        // Cells for captured names: a separate register holding the cell.
        let mut cell_regs = Vec::new();
        for c in &s.cells {
            cell_regs.push((c.clone(), next));
            next += 1;
        }
        f.free_start = next;
        for fv in &s.frees {
            f.regs.insert(fv.clone(), next);
            next += 1;
        }
        f.nfree = s.frees.len() as u32;
        if s.kind == ScopeKind::Function {
            for a in &s.assigned {
                if !f.regs.contains_key(a) && !s.cells.contains(a) && s.access(a) == Access::Local {
                    f.regs.insert(a.clone(), next);
                    next += 1;
                }
            }
        }
        f.next_temp = next;
        f.floor = next;
        f.max_reg = next;
        // Make the cells at entry (a parameter's cell starts with its value).
        for (c, r) in cell_regs {
            let init = match f.regs.get(&c) {
                Some(&p) => p,
                None => {
                    let t = f.temp();
                    let k = f.konst(CConst::None);
                    f.emit(Op::Const(t, k));
                    t
                }
            };
            f.emit(Op::NewCell(r, init));
            if c == "__class__" {
                f.class_cell = Some(r);
            }
            f.regs.insert(c, r);
            f.next_temp = f.floor;
        }
        f
    }

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.lines.push(self.line);
        self.pos
            .push(self.epos.unwrap_or_else(|| Pos::line(self.line)));
        self.ops.len() - 1
    }
    fn pc(&self) -> u32 {
        self.ops.len() as u32
    }
    /// Registers `from` and up hold nothing live at the next instruction
    /// (see `CodeData::dead_from`).
    fn dead_from_here(&mut self, from: R) {
        let here = self.ops.len() as u32;
        match self.stmt_floors.last_mut() {
            Some((pc, f)) if *pc == here => *f = (*f).min(from),
            _ => self.stmt_floors.push((here, from)),
        }
    }
    fn temp(&mut self) -> R {
        let r = self.next_temp;
        self.next_temp += 1;
        if self.next_temp > self.max_reg {
            self.max_reg = self.next_temp;
        }
        r
    }
    /// `n` consecutive temporaries.
    fn temps(&mut self, n: u32) -> R {
        let r = self.next_temp;
        self.next_temp += n;
        if self.next_temp > self.max_reg {
            self.max_reg = self.next_temp;
        }
        r
    }
    fn konst(&mut self, c: CConst) -> K {
        if let CConst::Str(s) = &c {
            if let Some(&k) = self.str_consts.get(s) {
                return k;
            }
            self.consts.push(c.clone());
            let k = (self.consts.len() - 1) as K;
            self.str_consts.insert(s.clone(), k);
            return k;
        }
        self.consts.push(c);
        (self.consts.len() - 1) as K
    }
    fn name_k(&mut self, n: &str) -> K {
        self.konst(CConst::Str(n.to_string()))
    }
    fn patch(&mut self, at: usize, target: u32) {
        match &mut self.ops[at] {
            Op::Jump(t) | Op::JumpIfFalse(_, t) | Op::JumpIfTrue(_, t) | Op::ForIter(_, _, t) => {
                *t = target
            }
            Op::ForGen(_, t) => *t = target,
            Op::SendIter(_, _, _, t) => *t = target,
            Op::SliceCopy(_, _, _, t) => *t = target,
            _ => {}
        }
    }
    /// Closes the open segment of every try block at index >= `from`.
    fn close_segments(&mut self, from: usize) {
        let pc = self.pc();
        for i in from..self.blocks.len() {
            if let Block::Try {
                handler_index,
                seg_start,
                ..
            } = &mut self.blocks[i]
            {
                if *seg_start < pc {
                    self.ranges[*handler_index].push((*seg_start, pc));
                }
                *seg_start = u32::MAX;
            }
        }
    }
    fn reopen_segments(&mut self, from: usize) {
        let pc = self.pc();
        for i in from..self.blocks.len() {
            if let Block::Try { seg_start, .. } = &mut self.blocks[i] {
                *seg_start = pc;
            }
        }
    }
}

type CResult<T> = Result<T, SyntaxError>;

/// The docstring of a body: its first statement when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Const(Const::Str(s)),
            ..
        })) => Some(s.clone()),
        _ => None,
    }
}

fn serr(msg: &str, line: u32) -> SyntaxError {
    SyntaxError::new(msg, line, 0)
}

impl Compiler {
    fn finish(&mut self, f: FnState) -> Rc<CodeUnit> {
        let FnState {
            name,
            qualname,
            ops,
            lines,
            pos,
            mut consts,
            max_reg,
            mut handlers,
            ranges,
            params,
            free_start,
            nfree,
            is_generator,
            is_module,
            kind,
            scope,
            method_pos,
            stmt_floors,
            doc,
            ..
        } = f;
        let varnames: Vec<String> = if kind == ScopeKind::Function {
            let s = &self.st.scopes[scope];
            let mut v = s.params.clone();
            for a in &s.assigned {
                if !v.contains(a) && !s.globals.contains(a) && !s.nonlocals.contains(a) {
                    v.push(a.clone());
                }
            }
            v
        } else {
            Vec::new()
        };
        // Expand handler ranges into entries, inner (shorter) ranges first.
        let mut entries: Vec<(usize, Handler)> = Vec::new();
        for (i, h) in handlers.drain(..).enumerate() {
            for &(s, e) in &ranges[i] {
                if s < e {
                    entries.push((
                        i,
                        Handler {
                            start: s,
                            end: e,
                            ..h
                        },
                    ));
                }
            }
        }
        // Innermost first: shorter ranges, and on equal ranges the handler
        // registered later (an inner `try` registers after its outer one).
        entries.sort_by_key(|(i, h)| (h.end - h.start, std::cmp::Reverse(*i)));
        let entries: Vec<Handler> = entries.into_iter().map(|(_, h)| h).collect();
        consts[0] = CConst::None;
        let mut dead_from = vec![0; ops.len()];
        for (pc, floor) in stmt_floors {
            if let Some(d) = dead_from.get_mut(pc as usize) {
                *d = floor;
            }
        }
        let is_class = kind == ScopeKind::Class;
        let p = &params;
        let plain_nargs = if p.vararg
            || p.kwarg
            || p.nkwonly != 0
            || is_generator
            || is_module
            || is_class
            || max_reg + 1 < SPECIALS + p.nargs
        {
            NONE
        } else {
            p.nargs
        };
        Rc::new(CodeUnit {
            data: Rc::new(CodeData {
                name,
                qualname,
                ops,
                lines,
                pos,
                nregs: max_reg + 1,
                params,
                free_start,
                nfree,
                is_generator,
                handlers: entries,
                source: self.source.clone(),
                hidden: self.hidden,
                dead_from,
                rebound: if is_module {
                    let mut r: Vec<String> = self.st.scopes[0].rebound.iter().cloned().collect();
                    r.sort();
                    r
                } else {
                    Vec::new()
                },
                is_module,
                is_class,
                varnames,
                method_pos,
                plain_nargs,
                doc,
                dunder: consts
                    .iter()
                    .map(|c| matches!(c, CConst::Str(s) if s.starts_with("__")))
                    .collect(),
            }),
            consts,
        })
    }

    fn body(&mut self, f: &mut FnState, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(f, s)?;
        }
        Ok(())
    }

    /// A nested block: assignments in it do not make names certainly bound after it.
    fn block(&mut self, f: &mut FnState, body: &[Stmt]) -> CResult<()> {
        f.nest += 1;
        let saved = f.definite.clone();
        let r = self.body(f, body);
        f.definite = saved;
        f.nest -= 1;
        r
    }

    // ------------------------------------------------------------ names

    fn access(&self, f: &FnState, n: &str) -> Access {
        let a = self.st.scopes[f.scope].access(n);
        if f.is_module && a == Access::Name {
            return Access::Global;
        }
        a
    }

    fn load_name(&mut self, f: &mut FnState, n: &str, dst: Option<R>) -> R {
        match self.access(f, n) {
            Access::Local => {
                let r = f.regs[n];
                if !f.definite.contains(n) || self.st.scopes[f.scope].deleted.contains(n) {
                    let k = f.name_k(n);
                    f.emit(Op::CheckLocal(r, k));
                }
                match dst {
                    Some(d) if d != r => {
                        f.emit(Op::Move(d, r));
                        d
                    }
                    _ => r,
                }
            }
            Access::Cell | Access::Free => {
                let cell = f.regs[n];
                let d = dst.unwrap_or_else(|| f.temp());
                let k = f.name_k(n);
                f.emit(Op::LoadCell(d, cell, k));
                d
            }
            Access::Global => {
                let d = dst.unwrap_or_else(|| f.temp());
                let k = f.name_k(n);
                f.emit(Op::LoadGlobal(d, k));
                d
            }
            Access::Name => {
                let d = dst.unwrap_or_else(|| f.temp());
                let k = f.name_k(n);
                f.emit(Op::LoadName(d, k));
                d
            }
        }
    }

    fn store_name(&mut self, f: &mut FnState, n: &str, src: R) {
        f.definite.insert(n.to_string());
        match self.access(f, n) {
            Access::Local => {
                let r = f.regs[n];
                if r != src {
                    f.emit(Op::Move(r, src));
                }
            }
            Access::Cell | Access::Free => {
                let cell = f.regs[n];
                f.emit(Op::StoreCell(cell, src));
            }
            Access::Global => {
                let k = f.name_k(n);
                f.emit(Op::StoreGlobal(k, src));
            }
            Access::Name => {
                let k = f.name_k(n);
                f.emit(Op::StoreName(k, src));
            }
        }
    }

    // ------------------------------------------------------------ statements

    fn stmt(&mut self, f: &mut FnState, s: &Stmt) -> CResult<()> {
        f.line = s.line;
        f.next_temp = f.floor;
        let here = f.ops.len() as u32;
        match f.stmt_floors.last_mut() {
            // Statements that emit nothing share a pc: the outermost floor holds.
            Some((pc, _)) if *pc == here => {}
            _ => f.stmt_floors.push((here, f.floor)),
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(f, e, None)?;
            }
            StmtKind::Pass => {}
            StmtKind::Assign(targets, value) => {
                // Fast path: `name = expr` computes straight into the local's register.
                if targets.len() == 1 {
                    if let ExprKind::Name(n) = &targets[0].kind {
                        if self.access(f, n) == Access::Local {
                            let r = f.regs[n];
                            self.expr(f, value, Some(r))?;
                            f.definite.insert(n.clone());
                            return Ok(());
                        }
                    }
                    if self.slice_copy(f, &targets[0], value)? {
                        return Ok(());
                    }
                    if let (ExprKind::Tuple(ts), ExprKind::Tuple(vs)) =
                        (&targets[0].kind, &value.kind)
                    {
                        if ts.len() == vs.len()
                            && !ts
                                .iter()
                                .chain(vs.iter())
                                .any(|e| matches!(e.kind, ExprKind::Starred(_)))
                        {
                            let base = f.temps(vs.len() as u32);
                            for (i, v) in vs.iter().enumerate() {
                                self.expr(f, v, Some(base + i as u32))?;
                            }
                            for (i, t) in ts.iter().enumerate() {
                                self.assign(f, t, base + i as u32)?;
                            }
                            return Ok(());
                        }
                    }
                }
                let v = self.expr(f, value, None)?;
                let v = if targets.len() > 1 {
                    let t = f.temp();
                    f.emit(Op::Move(t, v));
                    t
                } else {
                    v
                };
                for t in targets {
                    self.assign(f, t, v)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(f, target, *op, value)?,
            StmtKind::AnnAssign(target, _, value) => {
                if let Some(v) = value {
                    let r = self.expr(f, v, None)?;
                    self.assign(f, target, r)?;
                }
            }
            StmtKind::If(cond, body, orelse) => {
                let jf = self.cond_jump(f, cond, false)?;
                self.block(f, body)?;
                if orelse.is_empty() {
                    let end = f.pc();
                    f.patch(jf, end);
                } else {
                    let j = f.emit(Op::Jump(0));
                    let else_pc = f.pc();
                    f.patch(jf, else_pc);
                    self.block(f, orelse)?;
                    let end = f.pc();
                    f.patch(j, end);
                }
            }
            StmtKind::While(cond, body, orelse) => {
                let top = f.pc();
                f.emit(Op::Loop);
                let jf = self.cond_jump(f, cond, false)?;
                f.blocks.push(Block::Loop {
                    continue_to: top,
                    breaks: Vec::new(),
                });
                self.block(f, body)?;
                f.line = s.line;
                // The body's temporaries are dead at the back edge.
                f.dead_from_here(f.floor);
                f.emit(Op::Jump(top));
                let Some(Block::Loop { breaks, .. }) = f.blocks.pop() else {
                    unreachable!()
                };
                let else_pc = f.pc();
                f.patch(jf, else_pc);
                self.block(f, orelse)?;
                let end = f.pc();
                for b in breaks {
                    f.patch(b, end);
                }
            }
            StmtKind::For(target, iter, body, orelse) => {
                let src = self.expr(f, iter, None)?;
                let it = f.temp();
                f.emit(Op::GetIter(it, src));
                let saved_floor = f.floor;
                f.floor = f.next_temp;
                let item = f.temp();
                f.floor = f.next_temp;
                let top = f.pc();
                f.emit(Op::Loop);
                let fi = f.emit(Op::ForIter(it, item, 0));
                let fg = f.emit(Op::ForGen(item, 0));
                f.blocks.push(Block::Loop {
                    continue_to: top,
                    breaks: Vec::new(),
                });
                f.next_temp = f.floor;
                let saved_definite = f.definite.clone();
                self.assign(f, target, item)?;
                // The item is dead once assigned (a tuple from `enumerate`
                // or `zip` need not exist in a trace), and at the back edge.
                f.dead_from_here(item);
                self.block(f, body)?;
                f.definite = saved_definite;
                f.line = s.line;
                f.dead_from_here(item);
                f.emit(Op::Jump(top));
                let Some(Block::Loop { breaks, .. }) = f.blocks.pop() else {
                    unreachable!()
                };
                let exit = f.pc();
                f.patch(fi, exit);
                f.patch(fg, exit);
                f.floor = saved_floor;
                self.block(f, orelse)?;
                let end = f.pc();
                for b in breaks {
                    f.patch(b, end);
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(li) = f
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Loop { .. }))
                else {
                    return Err(serr(
                        if is_break {
                            "'break' outside loop"
                        } else {
                            "'continue' not properly in loop"
                        },
                        s.line,
                    ));
                };
                self.unwind_blocks(f, li + 1)?;
                let j = f.emit(Op::Jump(0));
                f.reopen_segments(li + 1);
                match &mut f.blocks[li] {
                    Block::Loop {
                        continue_to,
                        breaks,
                        ..
                    } => {
                        if is_break {
                            breaks.push(j);
                        } else {
                            let t = *continue_to;
                            f.patch(j, t);
                        }
                    }
                    _ => unreachable!(),
                }
            }
            StmtKind::FunctionDef {
                name,
                params,
                body,
                decorators,
            } => {
                let mut decs = Vec::new();
                for d in decorators {
                    let r = self.expr(f, d, None)?;
                    let t = f.temp();
                    f.emit(Op::Move(t, r));
                    decs.push(t);
                }
                let r = self.function(f, name, params, FnBody::Stmts(body), s.line)?;
                let r = self.apply_decorators(f, decs, r);
                self.store_name(f, name, r);
            }
            StmtKind::Return(v) => {
                if f.kind != ScopeKind::Function || f.is_module {
                    return Err(serr("'return' outside function", s.line));
                }
                let r = match v {
                    Some(v) => {
                        let r = self.expr(f, v, None)?;
                        let t = f.temp();
                        f.emit(Op::Move(t, r));
                        t
                    }
                    None => {
                        let t = f.temp();
                        let k = f.konst(CConst::None);
                        f.emit(Op::Const(t, k));
                        t
                    }
                };
                self.unwind_blocks(f, 0)?;
                f.emit(Op::Return(r));
                f.reopen_segments(0);
            }
            StmtKind::ClassDef {
                name,
                bases,
                body,
                decorators,
            } => self.class_def(f, name, bases, body, decorators, s.line)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(f, body, handlers, orelse, finalbody)?,
            StmtKind::Raise(exc, cause) => match exc {
                None => {
                    let r = f.blocks.iter().rev().find_map(|b| match b {
                        Block::Except(r, _) => Some(*r),
                        _ => None,
                    });
                    match r {
                        Some(r) => {
                            f.emit(Op::Reraise(r));
                        }
                        None => {
                            f.emit(Op::Raise(NONE, NONE));
                        }
                    }
                }
                Some(e) => {
                    let r = self.expr(f, e, None)?;
                    let c = match cause {
                        Some(c) => self.expr(f, c, None)?,
                        None => NONE,
                    };
                    f.emit(Op::Raise(r, c));
                }
            },
            StmtKind::With(items, body) => self.with_stmt(f, items, body)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Del(targets) => {
                for t in targets {
                    self.del(f, t)?;
                }
            }
            StmtKind::Assert(test, msg) => {
                let jt = self.cond_jump(f, test, true)?;
                let m = match msg {
                    Some(m) => self.expr(f, m, None)?,
                    None => NONE,
                };
                let saved = f.epos;
                f.epos = Some(self.span(test));
                f.emit(Op::AssertFail(m));
                f.epos = saved;
                let end = f.pc();
                f.patch(jt, end);
            }
            StmtKind::Import(names) => {
                for (m, a) in names {
                    let k = f.name_k(m);
                    let r = f.temp();
                    match a {
                        Some(a) => {
                            // `import a.b as c` binds the submodule.
                            f.emit(Op::Import(r, k, 1 << 16));
                            self.store_name(f, a, r);
                        }
                        None => {
                            f.emit(Op::Import(r, k, 0));
                            let top = m.split('.').next().unwrap_or("");
                            self.store_name(f, top, r);
                        }
                    }
                }
            }
            StmtKind::ImportFrom(module, names, level) => {
                let k = f.name_k(module);
                let m = f.temp();
                f.emit(Op::Import(m, k, (1 << 16) | *level as u32));
                for (n, a) in names {
                    if n == "*" {
                        f.emit(Op::ImportStar(m));
                        continue;
                    }
                    let nk = f.name_k(n);
                    let r = f.temp();
                    f.emit(Op::ImportFrom(r, m, nk));
                    self.store_name(f, a.as_ref().unwrap_or(n), r);
                }
            }
        }
        Ok(())
    }

    /// Emits the cleanups of blocks `from..` (innermost first) for a jump out of them.
    fn unwind_blocks(&mut self, f: &mut FnState, from: usize) -> CResult<()> {
        let mut i = f.blocks.len();
        while i > from {
            i -= 1;
            f.close_segments(i);
            if let Block::Except(_, saved) = f.blocks[i] {
                f.emit(Op::Move(REG_EXC, saved));
            }
            let cleanup = match &f.blocks[i] {
                Block::Try { cleanup, .. } => cleanup.clone(),
                _ => None,
            };
            match cleanup {
                Some(Cleanup::Finally(stmts)) => {
                    // The finally body runs outside its own block.
                    let saved: Vec<Block> = f.blocks.drain(i..).collect();
                    let saved_line = f.line;
                    let saved_temp = f.next_temp;
                    let saved_floor = f.floor;
                    f.floor = f.next_temp;
                    self.block(f, &stmts)?;
                    f.floor = saved_floor;
                    f.next_temp = saved_temp;
                    f.line = saved_line;
                    f.blocks.extend(saved);
                }
                Some(Cleanup::With(mgr)) => {
                    self.call_exit_none(f, mgr);
                }
                None => {}
            }
        }
        Ok(())
    }

    fn call_exit_none(&mut self, f: &mut FnState, mgr: R) {
        let args = f.temps(3);
        let k = f.konst(CConst::None);
        for i in 0..3 {
            f.emit(Op::Const(args + i, k));
        }
        let nk = f.name_k("__exit__");
        f.emit(Op::CallMethod(REG_DISCARD, mgr, nk, args, 3, NONE));
    }

    fn apply_decorators(&mut self, f: &mut FnState, decs: Vec<R>, mut r: R) -> R {
        for d in decs.into_iter().rev() {
            let a = f.temp();
            f.emit(Op::Move(a, r));
            let out = f.temp();
            f.emit(Op::Call(out, d, a, 1, NONE));
            r = out;
        }
        r
    }

    fn try_stmt(
        &mut self,
        f: &mut FnState,
        body: &[Stmt],
        handlers: &[crate::ast::Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CResult<()> {
        let line = f.line;
        let saved_floor = f.floor;
        // The exception being handled when the statement starts: handlers
        // and the exceptional `finally` path restore it on the way out. It is
        // saved here, not when a handler is entered, because a nested
        // handler left by an exception does not restore its own (CPython:
        // `raise X from e` in an inner `except`, caught by an outer one,
        // leaves nothing being handled afterwards).
        let entry_exc = f.temp();
        f.floor = f.next_temp;
        f.emit(Op::Move(entry_exc, REG_EXC));
        // Outer block: finally.
        let fin = if !finalbody.is_empty() {
            let exc = f.temp();
            f.floor = f.next_temp;
            let hi = f.handlers.len();
            f.handlers.push(Handler {
                start: 0,
                end: 0,
                target: 0,
                reg: exc,
            });
            f.ranges.push(Vec::new());
            f.blocks.push(Block::Try {
                handler_index: hi,
                seg_start: f.pc(),
                cleanup: Some(Cleanup::Finally(finalbody.to_vec())),
            });
            Some((hi, exc))
        } else {
            None
        };
        if handlers.is_empty() {
            self.block(f, body)?;
        } else {
            let exc = f.temp();
            f.floor = f.next_temp;
            let hi = f.handlers.len();
            f.handlers.push(Handler {
                start: 0,
                end: 0,
                target: 0,
                reg: exc,
            });
            f.ranges.push(Vec::new());
            f.blocks.push(Block::Try {
                handler_index: hi,
                seg_start: f.pc(),
                cleanup: None,
            });
            self.block(f, body)?;
            let depth = f.blocks.len() - 1;
            f.close_segments(depth);
            f.blocks.pop();
            // else clause (still inside the finally block, outside the handlers).
            self.block(f, orelse)?;
            let mut to_end = vec![f.emit(Op::Jump(0))];
            let target = f.pc();
            f.handlers[hi].target = target;
            let saved_exc = entry_exc;
            f.emit(Op::Move(REG_EXC, exc));
            f.blocks.push(Block::Except(exc, saved_exc));
            for h in handlers {
                f.line = h.line;
                f.next_temp = f.floor;
                let next = match &h.typ {
                    Some(t) => {
                        let cls = self.expr(f, t, None)?;
                        let m = f.temp();
                        f.emit(Op::ExcMatch(m, exc, cls));
                        Some(f.emit(Op::JumpIfFalse(m, 0)))
                    }
                    None => None,
                };
                if let Some(n) = &h.name {
                    self.store_name(f, n, exc);
                }
                self.block(f, &h.body)?;
                if let Some(n) = &h.name {
                    // `except E as e` unbinds e at the end.
                    if self.access(f, n) == Access::Local {
                        let k = f.konst(CConst::None);
                        let r = f.regs[n];
                        f.emit(Op::Const(r, k));
                    }
                }
                f.emit(Op::Move(REG_EXC, saved_exc));
                to_end.push(f.emit(Op::Jump(0)));
                if let Some(j) = next {
                    let pc = f.pc();
                    f.patch(j, pc);
                }
            }
            f.blocks.pop();
            f.emit(Op::Move(REG_EXC, saved_exc));
            f.emit(Op::Reraise(exc));
            let end = f.pc();
            for j in to_end {
                f.patch(j, end);
            }
        }
        if let Some((hi, exc)) = fin {
            let depth = f.blocks.len() - 1;
            f.close_segments(depth);
            f.blocks.pop();
            // Normal path.
            f.floor = f.next_temp;
            self.block(f, finalbody)?;
            let j = f.emit(Op::Jump(0));
            // Exceptional path.
            let target = f.pc();
            f.handlers[hi].target = target;
            f.line = line;
            f.emit(Op::Move(REG_EXC, exc));
            self.block(f, finalbody)?;
            f.emit(Op::Move(REG_EXC, entry_exc));
            f.emit(Op::Reraise(exc));
            let end = f.pc();
            f.patch(j, end);
        }
        f.floor = saved_floor;
        Ok(())
    }

    fn with_stmt(
        &mut self,
        f: &mut FnState,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
    ) -> CResult<()> {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.block(f, body);
        };
        let line = f.line;
        let saved_floor = f.floor;
        let mgr = f.temp();
        self.expr(f, ctx, Some(mgr))?;
        let exc = f.temp();
        f.floor = f.next_temp;
        let enter_k = f.name_k("__enter__");
        let val = f.temp();
        f.emit(Op::CallMethod(val, mgr, enter_k, val, 0, NONE));
        let hi = f.handlers.len();
        f.handlers.push(Handler {
            start: 0,
            end: 0,
            target: 0,
            reg: exc,
        });
        f.ranges.push(Vec::new());
        f.blocks.push(Block::Try {
            handler_index: hi,
            seg_start: f.pc(),
            cleanup: Some(Cleanup::With(mgr)),
        });
        if let Some(t) = target {
            self.assign(f, t, val)?;
        }
        if rest.is_empty() {
            self.block(f, body)?;
        } else {
            self.with_stmt(f, rest, body)?;
        }
        let depth = f.blocks.len() - 1;
        f.close_segments(depth);
        f.blocks.pop();
        f.line = line;
        f.next_temp = f.floor;
        self.call_exit_none(f, mgr);
        let j = f.emit(Op::Jump(0));
        let target = f.pc();
        f.handlers[hi].target = target;
        let args = f.temps(3);
        f.emit(Op::TypeOf(args, exc));
        f.emit(Op::Move(args + 1, exc));
        let k = f.konst(CConst::None);
        f.emit(Op::Const(args + 2, k));
        let exit_k = f.name_k("__exit__");
        let res = f.temp();
        f.emit(Op::CallMethod(res, mgr, exit_k, args, 3, NONE));
        let jt = f.emit(Op::JumpIfTrue(res, 0));
        f.emit(Op::Reraise(exc));
        let end = f.pc();
        f.patch(j, end);
        f.patch(jt, end);
        f.floor = saved_floor;
        Ok(())
    }

    fn class_def(
        &mut self,
        f: &mut FnState,
        name: &str,
        bases: &[Arg],
        body: &[Stmt],
        decorators: &[Expr],
        line: u32,
    ) -> CResult<()> {
        let mut decs = Vec::new();
        for d in decorators {
            let r = self.expr(f, d, None)?;
            let t = f.temp();
            f.emit(Op::Move(t, r));
            decs.push(t);
        }
        // Bases as a tuple; keywords (metaclass=, __init_subclass__'s) go to
        // `__build_class__`.
        let mut pos = Vec::new();
        let mut kws = Vec::new();
        for b in bases {
            match b {
                Arg::Pos(e) => pos.push(e.clone()),
                Arg::Star(e) => pos.push(Expr {
                    end: (0, 0),
                    kind: ExprKind::Starred(Box::new(e.clone())),
                    line: e.line,
                    col: e.col,
                }),
                Arg::Kw(n, e) => kws.push((n.clone(), e.clone())),
                Arg::StarStar(e) => {
                    return Err(serr(
                        "'**' arguments in a class statement are not supported",
                        e.line,
                    ))
                }
            }
        }
        let bases_r = self.build_seq(f, &pos, SeqKind::Tuple, None)?;
        // The body is a function run with a fresh namespace.
        let scope = self.next_scope;
        self.next_scope += 1;
        let qual = if f.is_module {
            name.to_string()
        } else if f.kind == ScopeKind::Function {
            format!("{}.<locals>.{}", f.qualname, name)
        } else {
            format!("{}.{}", f.qualname, name)
        };
        let mut g = FnState::new(scope, name.to_string(), qual.clone(), &self.st);
        g.line = line;
        {
            // As CPython's class bodies begin: `__module__ = __name__`.
            let t = g.temp();
            let mk = g.name_k("__name__");
            g.emit(Op::LoadGlobal(t, mk));
            let nk = g.name_k("__module__");
            g.emit(Op::StoreName(nk, t));
            let k = g.konst(CConst::Str(qual.clone()));
            g.emit(Op::Const(t, k));
            let nk = g.name_k("__qualname__");
            g.emit(Op::StoreName(nk, t));
            if let Some(d) = docstring(body) {
                // A class body's docstring is its `__doc__`.
                let k = g.konst(CConst::Str(d));
                g.emit(Op::Const(t, k));
                let nk = g.name_k("__doc__");
                g.emit(Op::StoreName(nk, t));
            }
            g.next_temp = g.floor;
        }
        self.body(&mut g, body)?;
        if let Some(c) = g.class_cell {
            let k = g.name_k("__classcell__");
            g.emit(Op::StoreName(k, c));
        }
        g.emit(Op::Return(REG_NS));
        let frees = self.st.scopes[scope].frees.clone();
        let unit = self.finish(g);
        let code_k = f.konst(CConst::Code(unit));
        let closure = self.closure_from_names(f, &frees);
        let func = f.temp();
        f.emit(Op::MakeFunction(
            func, code_k, NONE, NONE, closure.0, closure.1,
        ));
        let ns = f.temp();
        f.emit(Op::Call(ns, func, ns, 0, NONE));
        let cls = f.temp();
        let nk = f.name_k(name);
        if kws.is_empty() {
            f.emit(Op::MakeClass(cls, nk, bases_r, ns));
        } else {
            // __build_class__(ns, name, bases, **keywords)
            let bk = f.name_k("__build_class__");
            let callee = f.temp();
            f.emit(Op::LoadGlobal(callee, bk));
            let base = f.temps(3 + kws.len() as u32);
            f.emit(Op::Move(base, ns));
            let k = f.konst(CConst::Str(name.to_string()));
            f.emit(Op::Const(base + 1, k));
            f.emit(Op::Move(base + 2, bases_r));
            for (i, (_, e)) in kws.iter().enumerate() {
                self.expr(f, e, Some(base + 3 + i as u32))?;
            }
            let names = kws.iter().map(|(n, _)| CConst::Str(n.clone())).collect();
            let kn = f.konst(CConst::Tuple(names));
            f.emit(Op::Call(cls, callee, base, 3, kn));
        }
        let r = self.apply_decorators(f, decs, cls);
        self.store_name(f, name, r);
        Ok(())
    }

    fn function(
        &mut self,
        f: &mut FnState,
        name: &str,
        params: &Params,
        body: FnBody,
        line: u32,
    ) -> CResult<R> {
        // Defaults are evaluated in the enclosing scope.
        let defaults = if params.args.iter().any(|a| a.default.is_some()) {
            let ds: Vec<Expr> = params
                .args
                .iter()
                .filter_map(|a| a.default.clone())
                .collect();
            self.build_seq(f, &ds, SeqKind::Tuple, None)?
        } else {
            NONE
        };
        let kwdefaults = if params.kwonly.iter().any(|a| a.default.is_some()) {
            let d = f.temp();
            let items: Vec<(Option<Expr>, Expr)> = params
                .kwonly
                .iter()
                .filter_map(|a| {
                    a.default.clone().map(|v| {
                        (
                            Some(Expr {
                                end: (0, 0),
                                kind: ExprKind::Const(Const::Str(a.name.clone())),
                                line,
                                col: 0,
                            }),
                            v,
                        )
                    })
                })
                .collect();
            self.dict_display(f, &items, d)?;
            d
        } else {
            NONE
        };
        let scope = self.next_scope;
        self.next_scope += 1;
        let qual = if f.is_module {
            name.to_string()
        } else if f.kind == ScopeKind::Function {
            format!("{}.<locals>.{}", f.qualname, name)
        } else {
            format!("{}.{}", f.qualname, name)
        };
        let mut g = FnState::new(scope, name.to_string(), qual, &self.st);
        g.line = line;
        g.params = ParamSpec {
            names: self.st.scopes[scope].params.clone(),
            nargs: params.args.len() as u32,
            posonly: params.posonly as u32,
            nkwonly: params.kwonly.len() as u32,
            vararg: params.vararg.is_some(),
            kwarg: params.kwarg.is_some(),
        };
        match body {
            FnBody::Stmts(stmts) => {
                g.doc = docstring(stmts);
                self.body(&mut g, stmts)?;
                g.next_temp = g.floor;
                let t = g.temp();
                let k = g.konst(CConst::None);
                g.emit(Op::Const(t, k));
                g.emit(Op::Return(t));
            }
            FnBody::Expr(e) => {
                g.line = e.line;
                let r = self.expr(&mut g, e, None)?;
                if g.is_generator {
                    // A generator lambda's value is discarded.
                    let k = g.konst(CConst::None);
                    let t = g.temp();
                    g.emit(Op::Const(t, k));
                    g.emit(Op::Return(t));
                } else {
                    g.emit(Op::Return(r));
                }
            }
        }
        let frees = self.st.scopes[scope].frees.clone();
        let unit = self.finish(g);
        let code_k = f.konst(CConst::Code(unit));
        let (cbase, n) = self.closure_from_names(f, &frees);
        let dst = f.temp();
        f.emit(Op::MakeFunction(
            dst, code_k, defaults, kwdefaults, cbase, n,
        ));
        Ok(dst)
    }

    fn closure_from_names(&mut self, f: &mut FnState, names: &[String]) -> (R, u32) {
        if names.is_empty() {
            return (NONE, 0);
        }
        let base = f.temps(names.len() as u32);
        for (i, name) in names.iter().enumerate() {
            let src = f.regs.get(name).copied().unwrap_or(REG_DISCARD);
            f.emit(Op::Move(base + i as u32, src));
        }
        (base, names.len() as u32)
    }

    // ------------------------------------------------------------ assignment

    fn assign(&mut self, f: &mut FnState, t: &Expr, v: R) -> CResult<()> {
        let saved = f.epos;
        if matches!(t.kind, ExprKind::Attribute(..) | ExprKind::Subscript(..)) {
            f.epos = Some(self.span(t));
        }
        let r = self.assign_inner(f, t, v);
        f.epos = saved;
        r
    }

    fn assign_inner(&mut self, f: &mut FnState, t: &Expr, v: R) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.store_name(f, n, v);
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.expr(f, obj, None)?;
                let k = f.name_k(name);
                f.emit(Op::SetAttr(o, k, v));
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.expr(f, obj, None)?;
                let i = self.expr(f, idx, None)?;
                f.emit(Op::SetItem(o, i, v));
                Self::drop_slice(f, idx, i);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                let n = items.len() as u32;
                let base = f.temps(n);
                match star {
                    Some(si) => {
                        f.emit(Op::Unpack(v, base, si as u32, n - si as u32 - 1));
                    }
                    None => {
                        f.emit(Op::Unpack(v, base, n, NONE));
                    }
                }
                for (i, item) in items.iter().enumerate() {
                    let target = match &item.kind {
                        ExprKind::Starred(inner) => inner,
                        _ => item,
                    };
                    self.assign(f, target, base + i as u32)?;
                }
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    t.line,
                    t.col,
                ))
            }
            _ => {
                return Err(SyntaxError::new(
                    "cannot assign to expression",
                    t.line,
                    t.col,
                ))
            }
        }
        Ok(())
    }

    fn del(&mut self, f: &mut FnState, t: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => match self.access(f, n) {
                Access::Local => {
                    let r = f.regs[n];
                    let k = f.name_k(n);
                    f.emit(Op::DelLocal(r, k));
                }
                Access::Global => {
                    let k = f.name_k(n);
                    f.emit(Op::DelGlobal(k));
                }
                Access::Name => {
                    let k = f.name_k(n);
                    f.emit(Op::DelName(k));
                }
                Access::Cell | Access::Free => {
                    let k = f.konst(CConst::None);
                    let t = f.temp();
                    f.emit(Op::Const(t, k));
                    let cell = f.regs[n];
                    f.emit(Op::StoreCell(cell, t));
                }
            },
            ExprKind::Attribute(obj, name) => {
                let o = self.expr(f, obj, None)?;
                let k = f.name_k(name);
                f.emit(Op::DelAttr(o, k));
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.expr(f, obj, None)?;
                let i = self.expr(f, idx, None)?;
                f.emit(Op::DelItem(o, i));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.del(f, i)?;
                }
            }
            _ => return Err(SyntaxError::new("cannot delete expression", t.line, t.col)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, f: &mut FnState, t: &Expr, op: BinOp, v: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                let cur = self.load_name(f, n, None);
                let rhs = self.expr(f, v, None)?;
                let dst = if self.access(f, n) == Access::Local {
                    f.regs[n]
                } else {
                    f.temp()
                };
                f.emit(Op::Inplace(op, dst, cur, rhs));
                self.store_name(f, n, dst);
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.expr(f, obj, None)?;
                let k = f.name_k(name);
                let cur = f.temp();
                f.emit(Op::GetAttr(cur, o, k));
                let rhs = self.expr(f, v, None)?;
                let out = f.temp();
                f.emit(Op::Inplace(op, out, cur, rhs));
                f.emit(Op::SetAttr(o, k, out));
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.expr(f, obj, None)?;
                let i = self.expr(f, idx, None)?;
                let cur = f.temp();
                f.emit(Op::GetItem(cur, o, i));
                let rhs = self.expr(f, v, None)?;
                let out = f.temp();
                f.emit(Op::Inplace(op, out, cur, rhs));
                f.emit(Op::SetItem(o, i, out));
                Self::drop_slice(f, idx, i);
            }
            _ => {
                return Err(SyntaxError::new(
                    "illegal expression for augmented assignment",
                    t.line,
                    t.col,
                ))
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ expressions

    /// Emits a jump taken when `cond` is `when`; returns the jump to patch.
    fn cond_jump(&mut self, f: &mut FnState, cond: &Expr, when: bool) -> CResult<usize> {
        if let ExprKind::UnaryOp(UnOp::Not, inner) = &cond.kind {
            return self.cond_jump(f, inner, !when);
        }
        let r = self.expr(f, cond, None)?;
        Ok(if when {
            f.emit(Op::JumpIfTrue(r, 0))
        } else {
            f.emit(Op::JumpIfFalse(r, 0))
        })
    }

    /// `x[lo:hi] = src[a:b:c]` with `x` a local and `lo`, `hi` absent,
    /// int constants, locals or `local ± int`: emits [`Op::SliceCopy`],
    /// which copies between lists without building the slice in between,
    /// followed by the ordinary code, which runs when the operands are
    /// anything else. `src` and its bounds are evaluated once, first, as
    /// CPython does; the target's bounds are only read (registers and
    /// constants) before the ordinary code evaluates them. False when the
    /// statement has another form.
    fn slice_copy(&mut self, f: &mut FnState, target: &Expr, value: &Expr) -> CResult<bool> {
        let (ExprKind::Subscript(xo, xi), ExprKind::Subscript(so, si)) =
            (&target.kind, &value.kind)
        else {
            return Ok(false);
        };
        let (ExprKind::Name(xn), ExprKind::Slice(lo, hi, None), ExprKind::Slice(a, b, c)) =
            (&xo.kind, &xi.kind, &si.kind)
        else {
            return Ok(false);
        };
        if self.access(f, xn) != Access::Local || contains_walrus(value) {
            return Ok(false);
        }
        // A bound the fast path can read without running code: a register
        // or a constant, plus a small delta.
        enum Bound {
            Reg(R, i32),
            Konst(CConst),
        }
        let bound = |e: &Option<Box<Expr>>| -> Option<Bound> {
            let small =
                |i: &num_bigint::BigInt| i32::try_from(i).ok().filter(|i| i.abs() < 1 << 20);
            let local = |n: &String| (self.access(f, n) == Access::Local).then(|| f.regs[n]);
            Some(match e.as_deref().map(|e| &e.kind) {
                None => Bound::Konst(CConst::None),
                Some(ExprKind::Const(Const::Int(i))) => {
                    small(i)?;
                    Bound::Konst(CConst::Int(i.clone()))
                }
                Some(ExprKind::Name(n)) => Bound::Reg(local(n)?, 0),
                Some(ExprKind::BinOp(l, op @ (BinOp::Add | BinOp::Sub), r)) => {
                    let (ExprKind::Name(n), ExprKind::Const(Const::Int(i))) = (&l.kind, &r.kind)
                    else {
                        return None;
                    };
                    let d = small(i)?;
                    Bound::Reg(local(n)?, if *op == BinOp::Add { d } else { -d })
                }
                _ => return None,
            })
        };
        let (Some(blo), Some(bhi)) = (bound(lo), bound(hi)) else {
            return Ok(false);
        };
        let xr = f.regs[xn];
        let base = f.temps(7);
        self.expr(f, so, Some(base))?;
        let none = f.konst(CConst::None);
        for (i, x) in [a, b, c].iter().enumerate() {
            match x {
                Some(x) => {
                    self.expr(f, x, Some(base + 1 + i as u32))?;
                }
                None => {
                    f.emit(Op::Const(base + 1 + i as u32, none));
                }
            }
        }
        f.emit(Op::Move(base + 4, xr));
        let mut deltas = [0; 2];
        for (i, bd) in [blo, bhi].into_iter().enumerate() {
            let r = base + 5 + i as u32;
            match bd {
                Bound::Reg(s, d) => {
                    f.emit(Op::Move(r, s));
                    deltas[i] = d;
                }
                Bound::Konst(k) => {
                    let k = f.konst(k);
                    f.emit(Op::Const(r, k));
                }
            }
        }
        let at = f.emit(Op::SliceCopy(base, deltas[0], deltas[1], 0));
        // The ordinary code, on the values already computed.
        let sl = f.temp();
        f.emit(Op::BuildSlice(sl, base + 1));
        let v = f.temp();
        f.emit(Op::GetItem(v, base, sl));
        f.emit(Op::Const(sl, none));
        self.assign(f, target, v)?;
        let done = f.pc();
        f.patch(at, done);
        Ok(true)
    }

    /// Clears the temporary holding a slice built for one subscript
    /// (`a[i:j]`) once the subscript is done: a dead slice left in a
    /// register would be live at a loop's back edge, so a trace would
    /// allocate it on every iteration instead of never.
    fn drop_slice(f: &mut FnState, idx: &Expr, reg: R) {
        if matches!(idx.kind, ExprKind::Slice(..)) {
            let k = f.konst(CConst::None);
            f.emit(Op::Const(reg, k));
        }
    }
    fn dst(f: &mut FnState, dst: Option<R>) -> R {
        dst.unwrap_or_else(|| f.temp())
    }

    fn expr(&mut self, f: &mut FnState, e: &Expr, dst: Option<R>) -> CResult<R> {
        let saved_line = f.line;
        let saved_pos = f.epos;
        if e.line > 0 {
            f.line = e.line;
            f.epos = Some(self.span(e));
        }
        let r = self.expr_inner(f, e, dst);
        f.line = saved_line;
        f.epos = saved_pos;
        r
    }

    /// The traceback span of `e`, with CPython's caret anchors for binary operations and subscripts.
    fn span(&self, e: &Expr) -> Pos {
        let mut p = Pos {
            line: e.line,
            col: e.col,
            end_line: e.end.0,
            end_col: e.end.1,
            anchor: None,
        };
        if e.end.0 != e.line || e.end == (0, 0) {
            if e.end == (0, 0) {
                p.end_line = e.line;
                p.end_col = NONE;
            }
            return p;
        }
        let text = self
            .source
            .lines
            .get(e.line as usize - 1)
            .map(|s| s.as_bytes())
            .unwrap_or(&[]);
        let seg_end = (e.end.1 as usize).min(text.len());
        let at = |i: usize| -> u8 {
            if i < seg_end {
                text[i]
            } else {
                0
            }
        };
        match &e.kind {
            ExprKind::BinOp(l, _, r) if l.end.0 == e.line && r.line == e.line => {
                let (ls, re) = (l.end.1 as usize, r.col as usize);
                let op = &text[ls.min(seg_end)..re.min(seg_end).max(ls.min(seg_end))];
                let off = op.iter().take_while(|c| c.is_ascii_whitespace()).count();
                let mut left = ls + off;
                let mut right = left + 1;
                if off + 1 < op.len() && !op[off + 1].is_ascii_whitespace() {
                    right += 1;
                }
                while left < seg_end
                    && (at(left).is_ascii_whitespace() || at(left) == b')' || at(left) == b'#')
                {
                    left += 1;
                    right += 1;
                }
                p.anchor = Some((left as u32, right as u32));
            }
            ExprKind::Subscript(v, s) if v.end.0 == e.line && s.end.0 == e.line => {
                let mut left = v.end.1 as usize;
                let mut right = s.end.1 as usize + 1;
                while left < seg_end && at(left) != b'[' {
                    left += 1;
                }
                while right < seg_end && at(right) != b']' {
                    right += 1;
                }
                if right < seg_end {
                    right += 1;
                }
                p.anchor = Some((left as u32, right as u32));
            }
            _ => {}
        }
        p
    }

    fn expr_inner(&mut self, f: &mut FnState, e: &Expr, dst: Option<R>) -> CResult<R> {
        Ok(match &e.kind {
            ExprKind::Name(n) => self.load_name(f, n, dst),
            ExprKind::Const(c) => {
                let cc = match c {
                    Const::None => CConst::None,
                    Const::True => CConst::Bool(true),
                    Const::False => CConst::Bool(false),
                    Const::Int(i) => CConst::Int(i.clone()),
                    Const::Float(x) => CConst::Float(*x),
                    Const::Imag(_) => {
                        return Err(SyntaxError::new(
                            "complex numbers are not supported",
                            e.line,
                            e.col,
                        ))
                    }
                    Const::Str(s) => CConst::Str(s.clone()),
                    Const::Bytes(b) => CConst::Bytes(b.clone()),
                    Const::Ellipsis => CConst::Ellipsis,
                };
                let k = f.konst(cc);
                let d = Self::dst(f, dst);
                f.emit(Op::Const(d, k));
                d
            }
            ExprKind::JoinedStr(parts) => {
                let d = Self::dst(f, dst);
                self.joined(f, parts, d)?;
                d
            }
            ExprKind::BinOp(a, op, b) => {
                let ra = self.expr(f, a, None)?;
                let ra = self.protect(f, ra, b);
                let rb = self.expr(f, b, None)?;
                let d = Self::dst(f, dst);
                f.emit(Op::Bin(*op, d, ra, rb));
                d
            }
            ExprKind::UnaryOp(op, a) => {
                if let (UnOp::Neg, ExprKind::Const(Const::Int(i))) = (op, &a.kind) {
                    let k = f.konst(CConst::Int(-i.clone()));
                    let d = Self::dst(f, dst);
                    f.emit(Op::Const(d, k));
                    return Ok(d);
                }
                if let (UnOp::Neg, ExprKind::Const(Const::Float(x))) = (op, &a.kind) {
                    let k = f.konst(CConst::Float(-x));
                    let d = Self::dst(f, dst);
                    f.emit(Op::Const(d, k));
                    return Ok(d);
                }
                let ra = self.expr(f, a, None)?;
                let d = Self::dst(f, dst);
                f.emit(Op::Unary(*op, d, ra));
                d
            }
            ExprKind::BoolOp(is_and, items) => {
                let d = f.temp();
                let mut jumps = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    self.expr(f, item, Some(d))?;
                    if i + 1 < items.len() {
                        jumps.push(if *is_and {
                            f.emit(Op::JumpIfFalse(d, 0))
                        } else {
                            f.emit(Op::JumpIfTrue(d, 0))
                        });
                    }
                }
                let end = f.pc();
                for j in jumps {
                    f.patch(j, end);
                }
                match dst {
                    Some(x) => {
                        f.emit(Op::Move(x, d));
                        x
                    }
                    None => d,
                }
            }
            ExprKind::Compare(first, rest) => {
                if rest.len() == 1 {
                    let ra = self.expr(f, first, None)?;
                    let ra = self.protect(f, ra, &rest[0].1);
                    let rb = self.expr(f, &rest[0].1, None)?;
                    let d = Self::dst(f, dst);
                    f.emit(Op::Compare(rest[0].0, d, ra, rb));
                    return Ok(d);
                }
                // a < b < c: evaluate each operand once, stop at the first false.
                let d = f.temp();
                let mut left = {
                    let r = self.expr(f, first, None)?;
                    let t = f.temp();
                    f.emit(Op::Move(t, r));
                    t
                };
                let mut jumps = Vec::new();
                for (i, (op, e2)) in rest.iter().enumerate() {
                    let r = self.expr(f, e2, None)?;
                    let right = f.temp();
                    f.emit(Op::Move(right, r));
                    f.emit(Op::Compare(*op, d, left, right));
                    if i + 1 < rest.len() {
                        jumps.push(f.emit(Op::JumpIfFalse(d, 0)));
                    }
                    left = right;
                }
                let end = f.pc();
                for j in jumps {
                    f.patch(j, end);
                }
                match dst {
                    Some(x) => {
                        f.emit(Op::Move(x, d));
                        x
                    }
                    None => d,
                }
            }
            ExprKind::Call(func, args) => self.call(f, func, args, dst)?,
            ExprKind::Attribute(obj, name) => {
                let o = self.expr(f, obj, None)?;
                let k = f.name_k(name);
                let d = Self::dst(f, dst);
                f.emit(Op::GetAttr(d, o, k));
                d
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.expr(f, obj, None)?;
                let o = self.protect(f, o, idx);
                let i = self.expr(f, idx, None)?;
                let d = Self::dst(f, dst);
                f.emit(Op::GetItem(d, o, i));
                Self::drop_slice(f, idx, i);
                d
            }
            ExprKind::Slice(a, b, c) => {
                let base = f.temps(3);
                let k = f.konst(CConst::None);
                for (i, x) in [a, b, c].iter().enumerate() {
                    match x {
                        Some(x) => {
                            self.expr(f, x, Some(base + i as u32))?;
                        }
                        None => {
                            f.emit(Op::Const(base + i as u32, k));
                        }
                    }
                }
                let d = Self::dst(f, dst);
                f.emit(Op::BuildSlice(d, base));
                d
            }
            ExprKind::List(items) => self.build_seq(f, items, SeqKind::List, dst)?,
            ExprKind::Tuple(items) => self.build_seq(f, items, SeqKind::Tuple, dst)?,
            ExprKind::Set(items) => self.build_seq(f, items, SeqKind::Set, dst)?,
            ExprKind::Dict(items) => {
                let d = Self::dst(f, dst);
                self.dict_display(f, items, d)?;
                d
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::new(
                    "can't use starred expression here",
                    e.line,
                    e.col,
                ))
            }
            ExprKind::IfExp(c, a, b) => {
                let d = Self::dst(f, dst);
                let jf = self.cond_jump(f, c, false)?;
                self.expr(f, a, Some(d))?;
                let j = f.emit(Op::Jump(0));
                let pc = f.pc();
                f.patch(jf, pc);
                self.expr(f, b, Some(d))?;
                let end = f.pc();
                f.patch(j, end);
                d
            }
            ExprKind::Lambda(params, body) => {
                let r = self.function(f, "<lambda>", params, FnBody::Expr(body), e.line)?;
                match dst {
                    Some(d) => {
                        f.emit(Op::Move(d, r));
                        d
                    }
                    None => r,
                }
            }
            ExprKind::ListComp(elt, comps) => {
                self.comprehension(f, CompKind::List, elt, None, comps, dst, e.line)?
            }
            ExprKind::SetComp(elt, comps) => {
                self.comprehension(f, CompKind::Set, elt, None, comps, dst, e.line)?
            }
            ExprKind::GenExp(elt, comps) => {
                self.comprehension(f, CompKind::Gen, elt, None, comps, dst, e.line)?
            }
            ExprKind::DictComp(k, v, comps) => {
                self.comprehension(f, CompKind::Dict, k, Some(v), comps, dst, e.line)?
            }
            ExprKind::Yield(v) => {
                if f.kind != ScopeKind::Function || f.is_module {
                    return Err(SyntaxError::new("'yield' outside function", e.line, e.col));
                }
                let r = match v {
                    Some(v) => self.expr(f, v, None)?,
                    None => {
                        let t = f.temp();
                        let k = f.konst(CConst::None);
                        f.emit(Op::Const(t, k));
                        t
                    }
                };
                let d = Self::dst(f, dst);
                f.emit(Op::Yield(d, r));
                d
            }
            ExprKind::YieldFrom(v) => {
                if f.kind != ScopeKind::Function || f.is_module {
                    return Err(SyntaxError::new("'yield' outside function", e.line, e.col));
                }
                let src = self.expr(f, v, None)?;
                let it = f.temp();
                f.emit(Op::GetIter(it, src));
                let sent = f.temp();
                let k = f.konst(CConst::None);
                f.emit(Op::Const(sent, k));
                let item = f.temp();
                let top = f.pc();
                let fi = f.emit(Op::SendIter(it, sent, item, 0));
                let fg = f.emit(Op::ForGen(item, 0));
                f.emit(Op::Yield(sent, item));
                f.emit(Op::Jump(top));
                let exit = f.pc();
                f.patch(fi, exit);
                f.patch(fg, exit);
                // The value of `yield from` is the generator's return value, left in item by ForGen.
                let d = Self::dst(f, dst);
                f.emit(Op::Move(d, item));
                d
            }
            ExprKind::NamedExpr(n, v) => {
                let r = self.expr(f, v, None)?;
                let t = Self::dst(f, dst);
                if t != r {
                    f.emit(Op::Move(t, r));
                }
                self.store_name(f, n, t);
                t
            }
        })
    }

    /// When `r` is a local's register and `later` may rebind it (walrus), copy it first.
    fn protect(&mut self, f: &mut FnState, r: R, later: &Expr) -> R {
        if r < f.floor && contains_walrus(later) {
            let t = f.temp();
            f.emit(Op::Move(t, r));
            return t;
        }
        r
    }

    fn joined(&mut self, f: &mut FnState, parts: &[FExpr], d: R) -> CResult<()> {
        let n = parts.len() as u32;
        let base = f.temps(n.max(1));
        for (i, p) in parts.iter().enumerate() {
            let slot = base + i as u32;
            match p {
                FExpr::Lit(s) => {
                    let k = f.konst(CConst::Str(s.clone()));
                    f.emit(Op::Const(slot, k));
                }
                FExpr::Field { value, conv, spec } => {
                    let v = self.expr(f, value, None)?;
                    let spec_r = match spec {
                        Some(sp) => {
                            let t = f.temp();
                            self.joined(f, sp, t)?;
                            t
                        }
                        None => NONE,
                    };
                    let c = match conv {
                        Some('r') => 1,
                        Some('s') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    f.emit(Op::Format(slot, v, c, spec_r));
                }
            }
        }
        if parts.len() == 1 && matches!(parts[0], FExpr::Field { .. }) {
            f.emit(Op::Move(d, base));
        } else {
            f.emit(Op::BuildString(d, base, n));
        }
        Ok(())
    }

    fn build_seq(
        &mut self,
        f: &mut FnState,
        items: &[Expr],
        kind: SeqKind,
        dst: Option<R>,
    ) -> CResult<R> {
        let has_star = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            let n = items.len() as u32;
            let base = f.temps(n);
            for (i, it) in items.iter().enumerate() {
                self.expr(f, it, Some(base + i as u32))?;
            }
            let d = Self::dst(f, dst);
            f.emit(match kind {
                SeqKind::List => Op::BuildList(d, base, n),
                SeqKind::Tuple => Op::BuildTuple(d, base, n),
                SeqKind::Set => Op::BuildSet(d, base, n),
            });
            return Ok(d);
        }
        // With stars: build a list, extend, convert.
        let acc = f.temp();
        if kind == SeqKind::Set {
            f.emit(Op::BuildSet(acc, acc, 0));
        } else {
            f.emit(Op::BuildList(acc, acc, 0));
        }
        for it in items {
            match &it.kind {
                ExprKind::Starred(inner) => {
                    let r = self.expr(f, inner, None)?;
                    if kind == SeqKind::Set {
                        let nk = f.name_k("update");
                        let a = f.temp();
                        f.emit(Op::Move(a, r));
                        f.emit(Op::CallMethod(REG_DISCARD, acc, nk, a, 1, NONE));
                    } else {
                        f.emit(Op::ListExtend(acc, r));
                    }
                }
                _ => {
                    let r = self.expr(f, it, None)?;
                    if kind == SeqKind::Set {
                        f.emit(Op::SetAdd(acc, r));
                    } else {
                        f.emit(Op::ListAppend(acc, r));
                    }
                }
            }
        }
        let d = Self::dst(f, dst);
        match kind {
            SeqKind::Tuple => {
                f.emit(Op::ListToTuple(d, acc));
            }
            _ => {
                f.emit(Op::Move(d, acc));
            }
        }
        Ok(d)
    }

    fn dict_display(
        &mut self,
        f: &mut FnState,
        items: &[(Option<Expr>, Expr)],
        d: R,
    ) -> CResult<()> {
        if items.iter().all(|(k, _)| k.is_some()) {
            let n = items.len() as u32;
            let base = f.temps(n * 2);
            for (i, (k, v)) in items.iter().enumerate() {
                if let Some(k) = k {
                    self.expr(f, k, Some(base + 2 * i as u32))?;
                }
                self.expr(f, v, Some(base + 2 * i as u32 + 1))?;
            }
            f.emit(Op::BuildDict(d, base, n));
            return Ok(());
        }
        let acc = f.temp();
        f.emit(Op::BuildDict(acc, acc, 0));
        for (k, v) in items {
            match k {
                Some(k) => {
                    let rk = self.expr(f, k, None)?;
                    let rk = {
                        let t = f.temp();
                        f.emit(Op::Move(t, rk));
                        t
                    };
                    let rv = self.expr(f, v, None)?;
                    f.emit(Op::DictInsert(acc, rk, rv));
                }
                None => {
                    let rv = self.expr(f, v, None)?;
                    f.emit(Op::DictUpdate(acc, rv));
                }
            }
        }
        f.emit(Op::Move(d, acc));
        Ok(())
    }

    fn call(&mut self, f: &mut FnState, func: &Expr, args: &[Arg], dst: Option<R>) -> CResult<R> {
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_) | Arg::Kw(..)));
        // Zero-argument super().
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && self.access(f, n) == Access::Global {
                if let (Some(&cell), Some(first)) = (
                    f.regs.get("__class__"),
                    self.st.scopes[f.scope].params.first().cloned(),
                ) {
                    let d = Self::dst(f, dst);
                    let fr = self.load_name(f, &first, None);
                    f.emit(Op::Super(d, cell, fr));
                    return Ok(d);
                }
            }
        }
        if simple {
            let npos = args.iter().filter(|a| matches!(a, Arg::Pos(_))).count() as u32;
            let kwnames: Vec<CConst> = args
                .iter()
                .filter_map(|a| match a {
                    Arg::Kw(n, _) => Some(CConst::Str(n.clone())),
                    _ => None,
                })
                .collect();
            let kw = if kwnames.is_empty() {
                NONE
            } else {
                f.konst(CConst::Tuple(kwnames))
            };
            // Method calls avoid the bound method.
            if let ExprKind::Attribute(obj, name) = &func.kind {
                let o = self.expr(f, obj, None)?;
                let o = {
                    // Keep the receiver if it is a local an argument may rebind.
                    if args.iter().any(|a| match a {
                        Arg::Pos(e) | Arg::Kw(_, e) => contains_walrus(e),
                        _ => false,
                    }) {
                        let t = f.temp();
                        f.emit(Op::Move(t, o));
                        t
                    } else {
                        o
                    }
                };
                let base = self.args_into(f, args)?;
                let nk = f.name_k(name);
                let d = Self::dst(f, dst);
                let at = f.emit(Op::CallMethod(d, o, nk, base, npos, kw));
                let span = self.span(func);
                f.method_pos.push((at as u32, span));
                return Ok(d);
            }
            let fr = self.expr(f, func, None)?;
            let fr = if fr < f.floor {
                let t = f.temp();
                f.emit(Op::Move(t, fr));
                t
            } else {
                fr
            };
            let base = self.args_into(f, args)?;
            let d = Self::dst(f, dst);
            f.emit(Op::Call(d, fr, base, npos, kw));
            return Ok(d);
        }
        // General case: a positional tuple and a keyword dict.
        let fr = self.expr(f, func, None)?;
        let fr = {
            let t = f.temp();
            f.emit(Op::Move(t, fr));
            t
        };
        let pos: Vec<Expr> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Pos(e) => Some(e.clone()),
                Arg::Star(e) => Some(Expr {
                    end: (0, 0),
                    kind: ExprKind::Starred(Box::new(e.clone())),
                    line: e.line,
                    col: e.col,
                }),
                _ => None,
            })
            .collect();
        let tup = self.build_seq(f, &pos, SeqKind::Tuple, None)?;
        let kws: Vec<(Option<Expr>, Expr)> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Kw(n, e) => Some((
                    Some(Expr {
                        end: (0, 0),
                        kind: ExprKind::Const(Const::Str(n.clone())),
                        line: e.line,
                        col: e.col,
                    }),
                    e.clone(),
                )),
                Arg::StarStar(e) => Some((None, e.clone())),
                _ => None,
            })
            .collect();
        let kd = if kws.is_empty() {
            NONE
        } else {
            let d = f.temp();
            self.dict_display(f, &kws, d)?;
            d
        };
        let d = Self::dst(f, dst);
        f.emit(Op::CallEx(d, fr, tup, kd));
        Ok(d)
    }

    fn args_into(&mut self, f: &mut FnState, args: &[Arg]) -> CResult<R> {
        let n = args.len() as u32;
        let base = f.temps(n);
        let mut i = 0;
        for a in args {
            if let Arg::Pos(e) = a {
                self.expr(f, e, Some(base + i))?;
                i += 1;
            }
        }
        for a in args {
            if let Arg::Kw(_, e) = a {
                self.expr(f, e, Some(base + i))?;
                i += 1;
            }
        }
        Ok(base)
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        f: &mut FnState,
        kind: CompKind,
        elt: &Expr,
        val: Option<&Expr>,
        comps: &[Comp],
        dst: Option<R>,
        line: u32,
    ) -> CResult<R> {
        let first_iter = self.expr(f, &comps[0].iter, None)?;
        let arg = f.temp();
        f.emit(Op::GetIter(arg, first_iter));
        let scope = self.next_scope;
        self.next_scope += 1;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qual = if f.is_module {
            name.to_string()
        } else {
            format!("{}.<locals>.{}", f.qualname, name)
        };
        let mut g = FnState::new(scope, name.into(), qual, &self.st);
        g.line = line;
        g.params = ParamSpec {
            names: vec![".0".into()],
            nargs: 1,
            ..ParamSpec::default()
        };
        let acc = g.temp();
        match kind {
            CompKind::List => {
                g.emit(Op::BuildList(acc, acc, 0));
            }
            CompKind::Set => {
                g.emit(Op::BuildSet(acc, acc, 0));
            }
            CompKind::Dict => {
                g.emit(Op::BuildDict(acc, acc, 0));
            }
            CompKind::Gen => {}
        }
        g.floor = g.next_temp;
        self.comp_loop(&mut g, kind, elt, val, comps, 0, acc)?;
        if kind == CompKind::Gen {
            let k = g.konst(CConst::None);
            g.emit(Op::Const(acc, k));
        }
        g.emit(Op::Return(acc));
        let frees = self.st.scopes[scope].frees.clone();
        let unit = self.finish(g);
        let code_k = f.konst(CConst::Code(unit));
        let (cbase, n) = self.closure_from_names(f, &frees);
        let func = f.temp();
        f.emit(Op::MakeFunction(func, code_k, NONE, NONE, cbase, n));
        let d = Self::dst(f, dst);
        f.emit(Op::Call(d, func, arg, 1, NONE));
        Ok(d)
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_loop(
        &mut self,
        g: &mut FnState,
        kind: CompKind,
        elt: &Expr,
        val: Option<&Expr>,
        comps: &[Comp],
        i: usize,
        acc: R,
    ) -> CResult<()> {
        let c = &comps[i];
        let it = if i == 0 {
            SPECIALS
        } else {
            let src = self.expr(g, &c.iter, None)?;
            let it = g.temp();
            g.emit(Op::GetIter(it, src));
            it
        };
        let saved_floor = g.floor;
        let item = g.temp();
        g.floor = g.next_temp;
        let top = g.pc();
        g.emit(Op::Loop);
        let fi = g.emit(Op::ForIter(it, item, 0));
        let fg = g.emit(Op::ForGen(item, 0));
        g.next_temp = g.floor;
        self.assign(g, &c.target, item)?;
        g.dead_from_here(item);
        let mut skips = Vec::new();
        for cond in &c.ifs {
            g.next_temp = g.floor;
            skips.push(self.cond_jump(g, cond, false)?);
        }
        g.next_temp = g.floor;
        if i + 1 < comps.len() {
            self.comp_loop(g, kind, elt, val, comps, i + 1, acc)?;
        } else {
            match kind {
                CompKind::List => {
                    let r = self.expr(g, elt, None)?;
                    g.emit(Op::ListAppend(acc, r));
                }
                CompKind::Set => {
                    let r = self.expr(g, elt, None)?;
                    g.emit(Op::SetAdd(acc, r));
                }
                CompKind::Dict => {
                    let k = self.expr(g, elt, None)?;
                    let kt = g.temp();
                    g.emit(Op::Move(kt, k));
                    let v = self.expr(g, val.expect("dict value"), None)?;
                    g.emit(Op::DictInsert(acc, kt, v));
                }
                CompKind::Gen => {
                    let r = self.expr(g, elt, None)?;
                    let sink = g.temp();
                    g.emit(Op::Yield(sink, r));
                }
            }
        }
        for s in skips {
            g.patch(s, top);
        }
        g.dead_from_here(item);
        g.emit(Op::Jump(top));
        let exit = g.pc();
        g.patch(fi, exit);
        g.patch(fg, exit);
        g.floor = saved_floor;
        Ok(())
    }
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

fn contains_walrus(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::NamedExpr(..) => true,
        ExprKind::BinOp(a, _, b) => contains_walrus(a) || contains_walrus(b),
        ExprKind::UnaryOp(_, a) => contains_walrus(a),
        ExprKind::Call(f, args) => {
            contains_walrus(f)
                || args.iter().any(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => {
                        contains_walrus(e)
                    }
                })
        }
        ExprKind::Compare(a, rest) => {
            contains_walrus(a) || rest.iter().any(|(_, e)| contains_walrus(e))
        }
        ExprKind::BoolOp(_, items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
            items.iter().any(contains_walrus)
        }
        ExprKind::IfExp(a, b, c) => contains_walrus(a) || contains_walrus(b) || contains_walrus(c),
        ExprKind::Subscript(a, b) => contains_walrus(a) || contains_walrus(b),
        ExprKind::Attribute(a, _) => contains_walrus(a),
        _ => false,
    }
}
