//! The compiler: AST to register bytecode ([`crate::bytecode`]).

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::ast::*;
use crate::builtins;
use crate::bytecode::*;

/// A compile error (reported like a php fatal error at compile time).
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub line: u32,
}

type CResult<T> = Result<T, CompileError>;

/// Variables that are global in every scope.
pub const SUPERGLOBALS: &[&str] = &[
    "_GET", "_POST", "_COOKIE", "_FILES", "_REQUEST", "_SESSION", "_ENV", "_SERVER",
];

/// An lvalue whose container and key are already evaluated.
enum Place {
    Dim(R, R),
    Prop(R, R),
    /// `$GLOBALS['k']`: the hidden local and the name's constant.
    Cv(R, u32),
    Other(Expr),
}

struct LoopCtx {
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// Number of enclosing `finally` blocks when the loop started.
    finally_depth: usize,
    /// `switch` (continue acts like break).
    is_switch: bool,
}

struct FnComp {
    p: FuncProto,
    cvs: HashMap<String, R>,
    next: R,
    max: R,
    loops: Vec<LoopCtx>,
    finallys: Vec<Vec<Stmt>>,
    line: u32,
    depth: u32,
    /// The declared return type's index in `types` (checked at `return`).
    ret_type: Option<u32>,
    kstr: HashMap<String, u32>,
    /// The next `E::AssignOp` compiled is a statement whose value is dropped.
    discard_append: bool,
    class_name: Option<String>,
    /// Known by-ref parameter positions of user functions in this file (lower-case name).
    byref_funcs: Rc<HashMap<String, Vec<usize>>>,
    byref_methods: Rc<HashMap<String, Vec<usize>>>,
    /// A generator's register holding its `Generator` object, else `NONE`.
    gen_reg: R,
}

/// Compiles a file body.
pub fn compile_file(stmts: &[Stmt], file: &str) -> CResult<Rc<FuncProto>> {
    let mut bf = HashMap::default();
    for n in ["usort", "uasort", "uksort", "array_walk"] {
        bf.insert(n.to_string(), vec![0]);
    }
    let mut bm = HashMap::default();
    collect_byref(stmts, &mut bf, &mut bm);
    let file: Rc<str> = file.into();
    let mut c = FnComp::new("{main}".into(), file, None, Rc::new(bf), Rc::new(bm));
    c.p.is_main = true;
    c.p.line = 1;
    c.p.strict = stmts.iter().any(|s| matches!(s.kind, S::StrictTypes));
    c.scan(stmts, &[]);
    c.next = CV0 + c.p.cv_names.len() as R;
    c.max = c.next;
    // Bind every CV to its global.
    for (i, n) in c.p.cv_names.clone().iter().enumerate() {
        let k = c.kstr(n);
        c.emit(Op::BindGlobal(CV0 + i as R, k));
    }
    // Hoist functions and classes.
    c.hoist(stmts)?;
    for s in stmts {
        c.stmt(s)?;
    }
    let n = c.tmp();
    let k = c.konst(KConst::Int(1));
    c.emit(Op::Const(n, k));
    c.emit(Op::Ret(n));
    Ok(Rc::new(c.finish()))
}

fn collect_byref(
    stmts: &[Stmt],
    bf: &mut HashMap<String, Vec<usize>>,
    bm: &mut HashMap<String, Vec<usize>>,
) {
    for s in stmts {
        match &s.kind {
            S::Func(f) => {
                let v: Vec<usize> = f
                    .params
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.by_ref)
                    .map(|(i, _)| i)
                    .collect();
                if !v.is_empty() {
                    bf.insert(f.name.to_ascii_lowercase(), v);
                }
                collect_byref(&f.body, bf, bm);
            }
            S::Class(c) => {
                for m in &c.methods {
                    let v: Vec<usize> = m
                        .params
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.by_ref)
                        .map(|(i, _)| i)
                        .collect();
                    if !v.is_empty() {
                        bm.entry(m.name.to_ascii_lowercase()).or_default().extend(v);
                    }
                    collect_byref(&m.body, bf, bm);
                }
            }
            S::Block(b) => collect_byref(b, bf, bm),
            S::If(arms, els) => {
                for (_, b) in arms {
                    collect_byref(b, bf, bm);
                }
                if let Some(b) = els {
                    collect_byref(b, bf, bm);
                }
            }
            _ => {}
        }
    }
}

impl FnComp {
    fn new(
        name: String,
        file: Rc<str>,
        class_name: Option<String>,
        bf: Rc<HashMap<String, Vec<usize>>>,
        bm: Rc<HashMap<String, Vec<usize>>>,
    ) -> FnComp {
        FnComp {
            p: FuncProto {
                name: name.clone(),
                fname: name,
                class_name: class_name.clone(),
                file,
                ..Default::default()
            },
            cvs: HashMap::default(),
            next: CV0,
            max: CV0,
            loops: Vec::new(),
            finallys: Vec::new(),
            line: 0,
            depth: 0,
            ret_type: None,
            kstr: HashMap::default(),
            discard_append: false,
            class_name,
            byref_funcs: bf,
            byref_methods: bm,
            gen_reg: NONE,
        }
    }

    /// `return r`: a generator finishes (`GenRet`), a function returns.
    fn emit_ret(&mut self, r: R) {
        if self.gen_reg != NONE {
            self.emit(Op::GenRet(self.gen_reg, r));
        } else {
            self.emit(Op::Ret(r));
        }
    }

    fn finish(mut self) -> FuncProto {
        self.p.nregs = self.max;
        // `dead_from` holds each instruction's temp watermark until here.
        let cvs: std::collections::HashSet<R> = self.p.cv_regs.iter().copied().collect();
        self.p.temps = (CV0..self.max).filter(|r| !cvs.contains(r)).collect();
        for w in self.p.dead_from.iter_mut() {
            *w = self.p.temps.partition_point(|&r| r < *w) as u32;
        }
        let lines = self.p.lines.clone();
        let file = self.p.file.clone();
        let mut locs = Vec::with_capacity(lines.len());
        // One location string per line, not per instruction.
        let mut last: Option<(u32, u32)> = None;
        for l in lines {
            let k = match last {
                Some((line, k)) if line == l => k,
                _ => self.kstr(&format!(" in {file} on line {l}")),
            };
            last = Some((l, k));
            locs.push(k);
        }
        self.p.loc_k = locs;
        self.p
    }

    fn err<T>(&self, msg: impl Into<String>) -> CResult<T> {
        Err(CompileError {
            msg: msg.into(),
            line: self.line,
        })
    }

    fn emit(&mut self, op: Op) -> usize {
        self.p.ops.push(op);
        self.p.lines.push(self.line);
        self.p.dead_from.push(self.next);
        self.p.ops.len() - 1
    }
    fn pc(&self) -> u32 {
        self.p.ops.len() as u32
    }
    fn patch(&mut self, at: usize, target: u32) {
        match &mut self.p.ops[at] {
            Op::Jmp(t)
            | Op::JmpIf(_, t)
            | Op::JmpIfNot(_, t)
            | Op::JmpNotNull(_, t)
            | Op::JmpIfPassed(_, t) => *t = target,
            Op::IterNext(_, _, _, t) | Op::IterNextRef(_, _, _, t) => *t = target,
            Op::BindStatic(_, _, t) => *t = target,
            _ => {}
        }
    }
    fn tmp(&mut self) -> R {
        let r = self.next;
        self.next += 1;
        if self.next > self.max {
            self.max = self.next;
        }
        r
    }
    fn konst(&mut self, k: KConst) -> u32 {
        self.p.consts.push(k);
        K0 + self.p.consts.len() as u32 - 1
    }
    fn kstr(&mut self, s: &str) -> u32 {
        if let Some(&k) = self.kstr.get(s) {
            return k;
        }
        let k = self.konst(KConst::Str(s.to_string()));
        self.kstr.insert(s.to_string(), k);
        k
    }
    /// `$GLOBALS['name']` with a literal key: a hidden local bound to the
    /// global's cell, so reads, writes and references reach the global.
    fn globals_cv(&mut self, base: &Expr, key: Option<&Expr>) -> Option<R> {
        let (
            E::Var(n),
            Some(Expr {
                kind: E::Str(k), ..
            }),
        ) = (&base.kind, key)
        else {
            return None;
        };
        if n != "GLOBALS" {
            return None;
        }
        let cv = self.cv(&format!("\0GLOBALS:{k}"));
        let kk = self.kstr(k);
        self.emit(Op::BindGlobal(cv, kk));
        Some(cv)
    }

    fn cv(&mut self, name: &str) -> R {
        if let Some(&r) = self.cvs.get(name) {
            return r;
        }
        // Late-discovered variable: allocate a fresh register (never a temp in use).
        let r = self.tmp_permanent();
        self.cvs.insert(name.to_string(), r);
        self.p.cv_names.push(name.to_string());
        self.p.cv_regs.push(r);
        r
    }
    fn tmp_permanent(&mut self) -> R {
        // Registers above the current max are never reused by earlier temps.
        let r = self.max + 64;
        self.max = r + 1;
        r
    }

    /// Assigns CVs for every variable named in `stmts` (params first).
    fn scan(&mut self, stmts: &[Stmt], params: &[String]) {
        for p in params {
            self.add_cv(p);
        }
        let mut names = Vec::new();
        for s in stmts {
            scan_stmt(s, &mut names);
        }
        for n in names {
            self.add_cv(&n);
        }
    }
    fn add_cv(&mut self, n: &str) {
        if n == "this" || self.cvs.contains_key(n) {
            return;
        }
        let r = CV0 + self.p.cv_names.len() as R;
        self.cvs.insert(n.to_string(), r);
        self.p.cv_names.push(n.to_string());
        self.p.cv_regs.push(r);
    }

    fn hoist(&mut self, stmts: &[Stmt]) -> CResult<()> {
        for s in stmts {
            if let S::Func(f) = &s.kind {
                self.line = s.line;
                let proto = self.compile_func(f, None)?;
                let k = self.konst(KConst::Func(proto));
                self.emit(Op::DeclareFunc(k));
            }
        }
        // Classes: parents declared in this file first.
        let classes: Vec<&Rc<ClassDecl>> = stmts
            .iter()
            .filter_map(|s| match &s.kind {
                S::Class(c) => Some(c),
                _ => None,
            })
            .collect();
        let mut done: Vec<String> = Vec::new();
        let mut remaining: Vec<&Rc<ClassDecl>> = classes.clone();
        while !remaining.is_empty() {
            let before = remaining.len();
            let mut next = Vec::new();
            for c in remaining {
                let deps: Vec<String> = c
                    .parent
                    .iter()
                    .chain(c.interfaces.iter())
                    .chain(c.traits.iter())
                    .map(|n| n.to_ascii_lowercase())
                    .collect();
                let ready = deps.iter().all(|d| {
                    done.contains(d) || !classes.iter().any(|c2| c2.name.to_ascii_lowercase() == *d)
                });
                if ready {
                    self.line = c.line;
                    let k = self.class_const(c)?;
                    self.emit(Op::DeclareClass(k));
                    done.push(c.name.to_ascii_lowercase());
                } else {
                    next.push(c);
                }
            }
            if next.len() == before {
                break;
            }
            remaining = next;
        }
        Ok(())
    }

    fn class_const(&mut self, c: &Rc<ClassDecl>) -> CResult<u32> {
        let mut methods = Vec::new();
        for m in &c.methods {
            methods.push(self.compile_func(m, Some(&c.name))?);
        }
        Ok(self.konst(KConst::Class(Rc::new(ClassProto {
            decl: c.clone(),
            methods,
            file: self.p.file.clone(),
        }))))
    }

    fn compile_func(&mut self, f: &FuncDecl, class: Option<&str>) -> CResult<Rc<FuncProto>> {
        let name = match class {
            Some(c) => format!("{}::{}", c, f.name),
            None => f.name.clone(),
        };
        let mut c = FnComp::new(
            name,
            self.p.file.clone(),
            class.map(str::to_string).or_else(|| {
                if f.name == "{closure}" {
                    self.class_name.clone()
                } else {
                    None
                }
            }),
            self.byref_funcs.clone(),
            self.byref_methods.clone(),
        );
        c.p.fname = f.name.clone();
        c.p.strict = self.p.strict;
        c.p.line = f.line;
        c.line = f.line;
        c.p.is_static = f.is_static;
        c.p.visibility = f.visibility;
        c.p.by_ref_return = f.by_ref;
        let pnames: Vec<String> = f.params.iter().map(|p| p.name.clone()).collect();
        c.scan(&f.body, &pnames);
        c.next = CV0 + c.p.cv_names.len() as R;
        c.max = c.next;
        for (i, p) in f.params.iter().enumerate() {
            let cv = c.cvs[&p.name];
            c.p.params.push(ParamInfo {
                name: p.name.clone(),
                cv,
                by_ref: p.by_ref,
                variadic: p.variadic,
                has_default: p.default.is_some(),
            });
            let _ = i;
        }
        Ok(Rc::new(c.finish_body(f)?))
    }

    fn finish_body(mut self, f: &FuncDecl) -> CResult<FuncProto> {
        // A generator's return type is not checked against what it returns.
        if let Some(t) = f.ret.as_ref().filter(|_| !f.is_generator) {
            let skip = matches!(t, TypeHint::Named(n) if matches!(n.to_ascii_lowercase().as_str(), "void" | "never" | "mixed" | "static" | "self"));
            if !skip {
                self.p.types.push(t.clone());
                self.ret_type = Some(self.p.types.len() as u32 - 1);
            }
        }
        // Superglobals are bound to the globals in every function.
        for (i, n) in self.p.cv_names.clone().iter().enumerate() {
            if SUPERGLOBALS.contains(&n.as_str()) {
                let k = self.kstr(n);
                let cv = self.p.cv_regs[i];
                self.emit(Op::BindGlobal(cv, k | GLOBAL_STMT));
            }
        }
        // Prologue: defaults, required checks, types, promotion.
        for (i, p) in f.params.iter().enumerate() {
            let cv = self.cvs[&p.name];
            if p.variadic {
                continue;
            }
            match &p.default {
                Some(d) => {
                    let j = self.emit(Op::JmpIfPassed(cv, 0));
                    let save = self.next;
                    let v = self.expr(d)?;
                    self.emit(Op::StoreCv(cv, v));
                    self.next = save;
                    let pc = self.pc();
                    self.patch(j, pc);
                }
                None => {
                    self.emit(Op::RecvCheck(cv, i as u32));
                }
            }
            if let Some(t) = &p.ty {
                self.p.types.push(t.clone());
                let ti = self.p.types.len() as u32 - 1;
                self.emit(Op::VerifyParam(cv, ti, i as u32));
            }
        }
        for p in &f.params {
            if p.promote.is_some() {
                let cv = self.cvs[&p.name];
                let k = self.kstr(&p.name);
                self.emit(Op::PromoteProp(k, cv));
            }
        }
        if f.is_generator {
            // The arguments are bound: the call returns the Generator, whose
            // first resumption starts after `GenStart`. Its register stays
            // allocated below every other temp.
            let g = self.tmp();
            self.gen_reg = g;
            self.p.gen_reg = g;
            self.emit(Op::GenStart(g));
        }
        for s in &f.body {
            self.stmt(s)?;
        }
        self.line = f.end_line;
        let n = self.tmp();
        let k = self.konst(KConst::Null);
        self.emit(Op::Const(n, k));
        self.emit_ret(n);
        Ok(self.finish())
    }

    // ------------------------------------------------------------ statements

    fn block(&mut self, b: &[Stmt]) -> CResult<()> {
        self.depth += 1;
        let mut r = Ok(());
        for s in b {
            r = self.stmt(s);
            if r.is_err() {
                break;
            }
        }
        self.depth -= 1;
        r
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.line = s.line;
        let save = self.next;
        let r = self.stmt_inner(s);
        self.next = save;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        match &s.kind {
            S::Nop | S::StrictTypes => {}
            S::InlineHtml(t) => {
                let r = self.tmp();
                let k = self.kstr(t);
                self.emit(Op::Const(r, k));
                self.emit(Op::Echo(r));
            }
            S::Echo(es) => {
                for e in es {
                    let r = self.expr(e)?;
                    self.emit(Op::Echo(r));
                }
            }
            S::Expr(e) => {
                self.expr_discard(e)?;
            }
            S::Block(b) => self.block(b)?,
            S::If(arms, els) => {
                let mut ends = Vec::new();
                for (c, body) in arms {
                    self.line = c.line;
                    let save = self.next;
                    let r = self.cond(c)?;
                    let j = self.emit(Op::JmpIfNot(r, 0));
                    // The condition's temps are dead in the body.
                    self.next = save;
                    self.block(body)?;
                    ends.push(self.emit(Op::Jmp(0)));
                    let pc = self.pc();
                    self.patch(j, pc);
                }
                if let Some(b) = els {
                    self.block(b)?;
                }
                let pc = self.pc();
                for j in ends {
                    self.patch(j, pc);
                }
            }
            S::While(c, body) => {
                let top = self.pc();
                self.emit(Op::Loop);
                let save = self.next;
                let r = self.cond(c)?;
                let exit = self.emit(Op::JmpIfNot(r, 0));
                self.next = save;
                self.push_loop(false);
                self.block(body)?;
                let lp = self.loops.pop().expect("loop");
                let cont = self.pc();
                self.emit(Op::Jmp(top));
                let end = self.pc();
                self.patch(exit, end);
                self.end_loop(lp, cont, end);
            }
            S::DoWhile(body, c) => {
                let top = self.pc();
                self.emit(Op::Loop);
                self.push_loop(false);
                self.block(body)?;
                let lp = self.loops.pop().expect("loop");
                let cont = self.pc();
                self.line = c.line;
                let r = self.cond(c)?;
                self.emit(Op::JmpIf(r, top));
                let end = self.pc();
                self.end_loop(lp, cont, end);
            }
            S::For(init, cond, step, body) => {
                for e in init {
                    let save = self.next;
                    self.expr_discard(e)?;
                    self.next = save;
                }
                let top = self.pc();
                self.emit(Op::Loop);
                let mut exit = None;
                for (i, c) in cond.iter().enumerate() {
                    let save = self.next;
                    if i + 1 == cond.len() {
                        let r = self.cond(c)?;
                        exit = Some(self.emit(Op::JmpIfNot(r, 0)));
                    } else {
                        self.expr_discard(c)?;
                    }
                    self.next = save;
                }
                self.push_loop(false);
                self.block(body)?;
                let lp = self.loops.pop().expect("loop");
                let cont = self.pc();
                for e in step {
                    let save = self.next;
                    self.expr_discard(e)?;
                    self.next = save;
                }
                self.emit(Op::Jmp(top));
                let end = self.pc();
                if let Some(x) = exit {
                    self.patch(x, end);
                }
                self.end_loop(lp, cont, end);
            }
            S::Foreach {
                subject,
                key,
                value,
                by_ref,
                body,
            } => {
                let it = self.tmp();
                let _pos = self.tmp();
                let save = self.next;
                if *by_ref {
                    let arr = self.fetch_w(subject)?;
                    self.emit(Op::IterInit(it, arr, true));
                } else {
                    let v = self.expr(subject)?;
                    self.emit(Op::IterInit(it, v, false));
                }
                // Only the iterator and its position live on into the loop.
                self.next = save;
                let top = self.pc();
                self.emit(Op::Loop);
                let kreg = if key.is_some() { self.tmp() } else { NONE };
                let next_pc;
                if *by_ref {
                    let E::Var(name) = &value.kind else {
                        return self.err("foreach by reference needs a variable");
                    };
                    let cv = self.cv(name);
                    next_pc = self.emit(Op::IterNextRef(it, kreg, cv, 0));
                } else {
                    let vreg = self.tmp();
                    next_pc = self.emit(Op::IterNext(it, kreg, vreg, 0));
                    self.emit(Op::Share(vreg));
                    self.assign_to(value, vreg)?;
                }
                if let Some(k) = key {
                    self.assign_to(k, kreg)?;
                }
                // The key and value temps are dead once assigned.
                self.next = save;
                self.push_loop(false);
                self.block(body)?;
                let lp = self.loops.pop().expect("loop");
                self.emit(Op::Jmp(top));
                let end = self.pc();
                self.patch(next_pc, end);
                self.end_loop(lp, top, end);
            }
            S::Switch(subj, cases) => {
                let v = self.expr(subj)?;
                let sv = self.tmp();
                self.emit(Op::Move(sv, v));
                let mut jumps = Vec::new();
                let mut default = None;
                for (i, (c, _)) in cases.iter().enumerate() {
                    match c {
                        Some(c) => {
                            let save = self.next;
                            let cr = self.expr(c)?;
                            let t = self.tmp();
                            self.emit(Op::Bin(BinOp::Eq, t, sv, cr));
                            jumps.push((i, self.emit(Op::JmpIf(t, 0))));
                            self.next = save;
                        }
                        None => default = Some(i),
                    }
                }
                let to_default = self.emit(Op::Jmp(0));
                self.push_loop(true);
                let mut starts = Vec::new();
                for (_, body) in cases {
                    starts.push(self.pc());
                    self.block(body)?;
                }
                let lp = self.loops.pop().expect("loop");
                let end = self.pc();
                for (i, j) in jumps {
                    self.patch(j, starts[i]);
                }
                self.patch(to_default, default.map(|d| starts[d]).unwrap_or(end));
                self.end_loop(lp, end, end);
            }
            S::Break(n) | S::Continue(n) => {
                let is_break = matches!(s.kind, S::Break(_));
                let n = *n as usize;
                if n > self.loops.len() || self.loops.is_empty() {
                    return self.err(if self.loops.is_empty() {
                        format!(
                            "'{}' not in the 'loop' or 'switch' context",
                            if is_break { "break" } else { "continue" }
                        )
                    } else {
                        format!(
                            "Cannot '{}' {} levels",
                            if is_break { "break" } else { "continue" },
                            n
                        )
                    });
                }
                let idx = self.loops.len() - n;
                let fd = self.loops[idx].finally_depth;
                self.run_finallys(fd)?;
                let j = self.emit(Op::Jmp(0));
                let lp = &mut self.loops[idx];
                if is_break || (lp.is_switch && n == 1 && false) {
                    lp.breaks.push(j);
                } else {
                    lp.continues.push(j);
                }
            }
            S::Return(e) => {
                let r = match e {
                    Some(e) => {
                        let r = self.expr_copy(e)?;
                        if let Some(ti) = self.ret_type {
                            let keep = self.tmp();
                            self.emit(Op::Move(keep, r));
                            self.emit(Op::VerifyReturn(keep, ti));
                            keep
                        } else {
                            r
                        }
                    }
                    None => {
                        let r = self.tmp();
                        let k = self.konst(KConst::Null);
                        self.emit(Op::Const(r, k));
                        r
                    }
                };
                if !self.finallys.is_empty() {
                    let keep = self.tmp();
                    self.emit(Op::Move(keep, r));
                    self.run_finallys(0)?;
                    self.emit_ret(keep);
                } else {
                    self.emit_ret(r);
                }
            }
            S::Global(names) => {
                for n in names {
                    let cv = self.cv(n);
                    let k = self.kstr(n);
                    self.emit(Op::BindGlobal(cv, k | GLOBAL_STMT));
                }
            }
            S::Static(vars) => {
                for (n, init) in vars {
                    let cv = self.cv(n);
                    let k = self.kstr(n);
                    let j = self.emit(Op::BindStatic(cv, k, 0));
                    if let Some(e) = init {
                        let v = self.expr(e)?;
                        self.emit(Op::StoreCv(cv, v));
                    }
                    let pc = self.pc();
                    self.patch(j, pc);
                }
            }
            S::Unset(es) => {
                for e in es {
                    self.unset(e)?;
                }
            }
            S::Func(f) => {
                // Top-level functions are hoisted; nested ones declared here.
                if !self.p.is_main || !self.is_top_level(s) {
                    let proto = self.compile_func(f, None)?;
                    let k = self.konst(KConst::Func(proto));
                    self.emit(Op::DeclareFunc(k));
                }
            }
            S::Class(c) => {
                if !self.p.is_main || !self.is_top_level(s) {
                    let k = self.class_const(c)?;
                    self.emit(Op::DeclareClass(k));
                }
            }
            S::Try(body, catches, finally) => self.try_stmt(body, catches, finally.as_ref())?,
            S::Const(cs) => {
                for (n, e) in cs {
                    let v = self.expr(e)?;
                    let id = builtins::lookup("define").map(|b| b.0).unwrap_or(0);
                    let nk = self.kstr(n);
                    let nr = self.tmp();
                    self.emit(Op::Const(nr, nk));
                    let d = self.tmp();
                    self.emit(Op::Builtin {
                        dst: d,
                        id,
                        args: vec![nr, v].into(),
                    });
                }
            }
        }
        Ok(())
    }

    fn is_top_level(&self, _s: &Stmt) -> bool {
        // Statements compiled directly by compile_file's loop are top level; nested
        // blocks go through `block`, which we cannot distinguish cheaply, so hoisted
        // declarations are marked by depth instead.
        self.depth == 0
    }

    fn push_loop(&mut self, is_switch: bool) {
        self.loops.push(LoopCtx {
            breaks: Vec::new(),
            continues: Vec::new(),
            finally_depth: self.finallys.len(),
            is_switch,
        });
    }

    fn end_loop(&mut self, lp: LoopCtx, cont: u32, end: u32) {
        for j in lp.breaks {
            self.patch(j, end);
        }
        for j in lp.continues {
            self.patch(j, cont);
        }
    }

    /// Inlines the bodies of the finally blocks deeper than `depth` (innermost first).
    fn run_finallys(&mut self, depth: usize) -> CResult<()> {
        let fs: Vec<Vec<Stmt>> = self.finallys[depth..].iter().rev().cloned().collect();
        let saved = std::mem::take(&mut self.finallys);
        self.finallys = saved[..depth].to_vec();
        let mut r = Ok(());
        for f in fs {
            r = self.block(&f);
            if r.is_err() {
                break;
            }
        }
        self.finallys = saved;
        r
    }

    fn try_stmt(
        &mut self,
        body: &[Stmt],
        catches: &[Catch],
        finally: Option<&Vec<Stmt>>,
    ) -> CResult<()> {
        let exc = self.tmp();
        self.emit(Op::Nop);
        if let Some(f) = finally {
            self.finallys.push(f.clone());
        }
        let start = self.pc();
        self.block(body)?;
        self.emit(Op::Nop);
        let end = self.pc();
        if finally.is_some() {
            self.finallys.pop();
        }
        if let Some(f) = finally {
            self.block(f)?;
        }
        let mut to_end = vec![self.emit(Op::Jmp(0))];
        // Handler for the try body.
        let handler = self.pc();
        self.p.handlers.push(Handler {
            start,
            end,
            target: handler,
            reg: exc,
        });
        let cstart = self.pc();
        if finally.is_some() {
            self.finallys.push(finally.cloned().unwrap_or_default());
        }
        // The catch clauses are guarded by a second handler when there is a finally.
        self.emit(Op::Nop);
        for c in catches {
            let mut matched = Vec::new();
            for t in &c.types {
                let lt = t.to_ascii_lowercase();
                let r = self.tmp();
                if lt == "throwable" || lt == "exception" && false {
                    let k = self.konst(KConst::Bool(true));
                    self.emit(Op::Const(r, k));
                } else {
                    let k = self.kstr(t);
                    self.emit(Op::InstanceOf(r, exc, ClassSpec::Named(k)));
                }
                matched.push(self.emit(Op::JmpIf(r, 0)));
            }
            let skip = self.emit(Op::Jmp(0));
            let body_pc = self.pc();
            for m in matched {
                self.patch(m, body_pc);
            }
            if let Some(v) = &c.var {
                let cv = self.cv(v);
                self.emit(Op::StoreCv(cv, exc));
            }
            self.block(&c.body)?;
            if finally.is_some() {
                self.finallys.pop();
                if let Some(f) = finally {
                    self.block(f)?;
                }
                self.finallys.push(finally.cloned().unwrap_or_default());
            }
            to_end.push(self.emit(Op::Jmp(0)));
            let pc = self.pc();
            self.patch(skip, pc);
        }
        self.emit(Op::Nop);
        let cend = self.pc();
        if finally.is_some() {
            self.finallys.pop();
        }
        // No catch matched: run finally, rethrow.
        if let Some(f) = finally {
            self.block(f)?;
        }
        self.emit(Op::Throw(exc));
        if let Some(f) = finally {
            // An exception inside a catch body: run finally, rethrow it.
            let exc2 = self.tmp();
            let h2 = self.pc();
            self.p.handlers.push(Handler {
                start: cstart,
                end: cend,
                target: h2,
                reg: exc2,
            });
            self.block(f)?;
            self.emit(Op::Throw(exc2));
        }
        let end_pc = self.pc();
        for j in to_end {
            self.patch(j, end_pc);
        }
        Ok(())
    }

    fn unset(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            E::Var(n) => {
                let cv = self.cv(n);
                self.emit(Op::UnsetCv(cv));
            }
            E::Index(base, Some(k)) => {
                if let Some(cv) = self.globals_cv(base, Some(k)) {
                    self.emit(Op::UnsetCv(cv));
                    return Ok(());
                }
                let b = self.fetch_w(base)?;
                let k = self.expr(k)?;
                self.emit(Op::DimUnset(b, k));
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                self.emit(Op::PropUnset(o, n));
            }
            _ => return self.err("Cannot unset this expression"),
        }
        Ok(())
    }

    // ------------------------------------------------------------ expressions

    fn cond(&mut self, e: &Expr) -> CResult<R> {
        self.expr(e)
    }

    fn expr_discard(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            E::IncDec { e: inner, inc, .. } => {
                self.incdec(inner, *inc, true)?;
            }
            E::AssignOp(".", ..) => {
                // `$s .= x;`: its value is not kept (see `Op::AppendCv`).
                self.discard_append = true;
                self.expr(e)?;
            }
            _ => {
                self.expr(e)?;
            }
        }
        Ok(())
    }

    /// An expression whose value will be stored: arrays read from places become shared.
    fn expr_copy(&mut self, e: &Expr) -> CResult<R> {
        let r = self.expr(e)?;
        if matches!(
            e.kind,
            E::Var(_)
                | E::VarVar(_)
                | E::Index(..)
                | E::Prop(..)
                | E::StaticProp(..)
                | E::Assign(..)
                | E::AssignRef(..)
                | E::Ternary(..)
                | E::Bin("??", ..)
                | E::AssignOp(..)
        ) {
            self.emit(Op::Share(r));
        }
        Ok(r)
    }

    fn const_reg(&mut self, k: KConst) -> R {
        let r = self.tmp();
        let k = self.konst(k);
        self.emit(Op::Const(r, k));
        r
    }

    fn str_reg(&mut self, s: &str) -> R {
        let r = self.tmp();
        let k = self.kstr(s);
        self.emit(Op::Const(r, k));
        r
    }

    fn class_spec(&mut self, c: &ClassRef) -> CResult<ClassSpec> {
        Ok(match c {
            ClassRef::Named(n) => ClassSpec::Named(self.kstr(n)),
            ClassRef::SelfRef => ClassSpec::SelfC,
            ClassRef::Parent => ClassSpec::Parent,
            ClassRef::Static => ClassSpec::Static,
            ClassRef::Dyn(e) => ClassSpec::Dyn(self.expr(e)?),
        })
    }

    fn expr(&mut self, e: &Expr) -> CResult<R> {
        let saved_line = self.line;
        self.line = e.line;
        let r = self.expr_inner(e);
        self.line = saved_line;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<R> {
        Ok(match &e.kind {
            E::Reg(r) => *r,
            E::Null => self.const_reg(KConst::Null),
            E::Bool(b) => self.const_reg(KConst::Bool(*b)),
            E::Int(i) => self.const_reg(KConst::Int(*i)),
            E::Float(f) => self.const_reg(KConst::Float(*f)),
            E::Str(s) => self.str_reg(s),
            E::Interp(parts) => {
                let mut regs = Vec::new();
                for p in parts {
                    regs.push(self.expr(p)?);
                }
                let r = self.tmp();
                self.emit(Op::Interp(r, regs.into()));
                r
            }
            E::Var(n) => {
                let r = self.tmp();
                if n == "this" {
                    self.emit(Op::Move(r, THIS));
                } else if n == "GLOBALS" {
                    let id = builtins::lookup("__globals").map(|b| b.0).unwrap_or(0);
                    self.emit(Op::Builtin {
                        dst: r,
                        id,
                        args: vec![].into(),
                    });
                } else {
                    let cv = self.cv(n);
                    let k = self.kstr(n);
                    self.emit(Op::LoadCv(r, cv, k));
                }
                r
            }
            E::VarVar(ne) => {
                let n = self.expr(ne)?;
                let r = self.tmp();
                self.emit(Op::VarVarGet(r, n));
                r
            }
            E::Array(items) => {
                let r = self.tmp();
                self.emit(Op::NewArray(r));
                for it in items {
                    let save = self.next;
                    if it.spread {
                        if it.key.is_none() && matches!(it.value.kind, E::Null) {
                            return self.err("Cannot use empty array elements in arrays");
                        }
                        let v = self.expr(&it.value)?;
                        self.emit(Op::ArrSpread(r, v));
                    } else if it.by_ref {
                        let cell = self.make_ref(&it.value)?;
                        match &it.key {
                            Some(k) => {
                                let k = self.expr(k)?;
                                self.emit(Op::ArrSet(r, k, cell));
                            }
                            None => {
                                self.emit(Op::ArrPush(r, cell));
                            }
                        }
                    } else {
                        match &it.key {
                            Some(k) => {
                                let k = self.expr(k)?;
                                let v = self.expr_copy(&it.value)?;
                                self.emit(Op::ArrSet(r, k, v));
                            }
                            None => {
                                let v = self.expr_copy(&it.value)?;
                                self.emit(Op::ArrPush(r, v));
                            }
                        }
                    }
                    self.next = save;
                }
                r
            }
            E::List(_) => return self.err("Cannot use list() outside assignment context"),
            E::Index(base, key) => {
                let Some(key) = key else {
                    return self.err("Cannot use [] for reading");
                };
                if let Some(cv) = self.globals_cv(base, Some(key)) {
                    let E::Str(name) = &key.kind else {
                        unreachable!()
                    };
                    let k = self.kstr(name);
                    let r = self.tmp();
                    self.emit(Op::LoadGlobalCv(r, cv, k));
                    return Ok(r);
                }
                let b = self.expr(base)?;
                let k = self.expr(key)?;
                let r = self.tmp();
                self.emit(Op::DimGet(r, b, k, false));
                r
            }
            E::Prop(obj, name, nullsafe) => {
                let o = self.expr(obj)?;
                let r = self.tmp();
                let mut skip = None;
                if *nullsafe {
                    self.emit(Op::Move(r, o));
                    skip = Some(self.emit(Op::JmpIfNot(o, 0)));
                }
                let n = self.expr(name)?;
                self.emit(Op::PropGet(r, o, n, false));
                if let Some(j) = skip {
                    let pc = self.pc();
                    self.patch(j, pc);
                }
                r
            }
            E::StaticProp(c, n) => {
                let cs = self.class_spec(c)?;
                let k = self.kstr(n);
                let r = self.tmp();
                self.emit(Op::StaticPropGet(r, cs, k));
                r
            }
            E::ClassConst(c, n) => {
                let cs = self.class_spec(c)?;
                let r = self.tmp();
                if n == "class" {
                    self.emit(Op::ClassName(r, cs));
                } else {
                    let k = self.kstr(n);
                    self.emit(Op::ClassConst(r, cs, k));
                }
                r
            }
            E::Const(n) => {
                let r = self.tmp();
                match n.as_str() {
                    "__FILE__" => {
                        let f = self.p.file.to_string();
                        let k = self.kstr(&f);
                        self.emit(Op::Const(r, k));
                    }
                    "__DIR__" => {
                        let f = self.p.file.to_string();
                        let d = std::path::Path::new(&f)
                            .parent()
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or_else(|| ".".into());
                        let k = self.kstr(&d);
                        self.emit(Op::Const(r, k));
                    }
                    "__NAMESPACE__" => {
                        let k = self.kstr("");
                        self.emit(Op::Const(r, k));
                    }
                    _ => {
                        let k = self.kstr(n);
                        self.emit(Op::GetConst(r, k));
                    }
                }
                r
            }
            E::MagicClass => {
                let n = self.class_name.clone().unwrap_or_default();
                self.str_reg(&n)
            }
            E::MagicFunction => {
                let n = if self.p.is_main {
                    String::new()
                } else {
                    self.p.fname.clone()
                };
                self.str_reg(&n)
            }
            E::MagicMethod => {
                let n = if self.p.is_main {
                    String::new()
                } else {
                    self.p.name.clone()
                };
                self.str_reg(&n)
            }
            E::NameCall(name, args) => return self.name_call(name, args),
            E::Call(callee, args) => {
                let c = self.expr(callee)?;
                let specs = self.args(args, None)?;
                let r = self.tmp();
                self.emit(Op::Call {
                    dst: r,
                    target: Target::Value(c),
                    args: specs.into(),
                });
                r
            }
            E::MethodCall(obj, name, args, nullsafe) => {
                let o = self.expr(obj)?;
                let r = self.tmp();
                let mut skip = None;
                if *nullsafe {
                    self.emit(Op::Move(r, o));
                    skip = Some(self.emit(Op::JmpIfNot(o, 0)));
                }
                let n = self.expr(name)?;
                let byref = match &name.kind {
                    E::Str(s) => self.byref_methods.get(&s.to_ascii_lowercase()).cloned(),
                    _ => None,
                };
                let specs = self.args(args, byref.as_deref())?;
                self.emit(Op::Call {
                    dst: r,
                    target: Target::Method(o, n),
                    args: specs.into(),
                });
                if let Some(j) = skip {
                    let pc = self.pc();
                    self.patch(j, pc);
                }
                r
            }
            E::StaticCall(c, name, args) => {
                let cs = self.class_spec(c)?;
                let n = self.expr(name)?;
                let byref = match &name.kind {
                    E::Str(s) => self.byref_methods.get(&s.to_ascii_lowercase()).cloned(),
                    _ => None,
                };
                let specs = self.args(args, byref.as_deref())?;
                let r = self.tmp();
                self.emit(Op::Call {
                    dst: r,
                    target: Target::Static(cs, n),
                    args: specs.into(),
                });
                r
            }
            E::CallableRef(inner) => {
                let r = self.tmp();
                match &inner.kind {
                    E::Str(_) => {
                        let v = self.expr(inner)?;
                        self.emit_fcc(r, v);
                    }
                    E::MethodCall(obj, name, _, _) => {
                        let o = self.expr(obj)?;
                        let n = self.expr(name)?;
                        let a = self.tmp();
                        self.emit(Op::NewArray(a));
                        self.emit(Op::ArrPush(a, o));
                        self.emit(Op::ArrPush(a, n));
                        self.emit_fcc(r, a);
                    }
                    E::StaticCall(c, name, _) => {
                        let cs = self.class_spec(c)?;
                        let cn = self.tmp();
                        self.emit(Op::ClassName(cn, cs));
                        let n = self.expr(name)?;
                        let a = self.tmp();
                        self.emit(Op::NewArray(a));
                        self.emit(Op::ArrPush(a, cn));
                        self.emit(Op::ArrPush(a, n));
                        self.emit_fcc(r, a);
                    }
                    _ => {
                        let v = self.expr(inner)?;
                        self.emit_fcc(r, v);
                    }
                }
                r
            }
            E::New(c, args) => {
                let cs = self.class_spec(c)?;
                let specs = self.args(
                    args,
                    self.byref_methods.get("__construct").cloned().as_deref(),
                )?;
                let r = self.tmp();
                self.emit(Op::Call {
                    dst: r,
                    target: Target::New(cs),
                    args: specs.into(),
                });
                r
            }
            E::AnonClass(decl, args) => {
                let k = self.class_const(decl)?;
                self.emit(Op::DeclareClass(k));
                let nk = self.kstr(&decl.name);
                let specs = self.args(args, None)?;
                let r = self.tmp();
                self.emit(Op::Call {
                    dst: r,
                    target: Target::New(ClassSpec::Named(nk)),
                    args: specs.into(),
                });
                r
            }
            E::Bin(op, a, b) => match *op {
                "&&" | "||" => {
                    let r = self.tmp();
                    let av = self.expr(a)?;
                    self.emit(Op::Cast("bool", r, av));
                    let j = if *op == "&&" {
                        self.emit(Op::JmpIfNot(r, 0))
                    } else {
                        self.emit(Op::JmpIf(r, 0))
                    };
                    let bv = self.expr(b)?;
                    self.emit(Op::Cast("bool", r, bv));
                    let pc = self.pc();
                    self.patch(j, pc);
                    r
                }
                "??" => {
                    let r = self.tmp();
                    let av = self.expr_quiet(a)?;
                    self.emit(Op::Move(r, av));
                    let j = self.emit(Op::JmpNotNull(r, 0));
                    let bv = self.expr(b)?;
                    self.emit(Op::Move(r, bv));
                    let pc = self.pc();
                    self.patch(j, pc);
                    r
                }
                _ => {
                    let save = self.next;
                    // A variable operand is read by the operator itself
                    // (`BinCv`), as php reads CV operands: one instruction
                    // instead of a `LoadCv` each. Not for the operators that
                    // may call `__toString`, which writes the converted
                    // operand back into its register.
                    let direct = !matches!(*op, "." | "==" | "!=" | "<>");
                    let (av, na) = match self.cv_operand(a).filter(|_| direct) {
                        Some(x) => x,
                        None => (self.expr(a)?, NONE),
                    };
                    let (bv, nb) = match self.cv_operand(b).filter(|_| direct) {
                        Some(x) => x,
                        None => (self.expr(b)?, NONE),
                    };
                    // The operands' temps die in the instruction that reads
                    // them (it reads both before it writes): the result may
                    // reuse one, and fewer temps make smaller frames.
                    let hi = self.next;
                    self.next = save;
                    let r = self.tmp();
                    let Some(bop) = BinOp::from_str(op) else {
                        return self.err(format!("unknown operator {op}"));
                    };
                    let pc = if na == NONE && nb == NONE {
                        self.emit(Op::Bin(bop, r, av, bv))
                    } else {
                        self.emit(Op::BinCv(bop, r, av, bv, na, nb))
                    };
                    // Its operands are live when it starts.
                    self.p.dead_from[pc] = hi.max(self.next);
                    r
                }
            },
            E::Unary(op, a) => {
                let av = self.expr(a)?;
                let r = self.tmp();
                self.emit(match *op {
                    "!" => Op::Not(r, av),
                    "-" => Op::Neg(r, av),
                    "+" => Op::Plus(r, av),
                    _ => Op::BitNot(r, av),
                });
                r
            }
            E::Assign(target, value) => {
                let items: Option<Vec<Option<Item>>> = match &target.kind {
                    E::List(items) => Some(items.clone()),
                    E::Array(items) => Some(items.iter().cloned().map(Some).collect()),
                    _ => None,
                };
                if let Some(items) = items {
                    if items.iter().flatten().any(|it| it.by_ref) {
                        // `[$a, &$b] = $arr`: the source is fetched for writing
                        // and the by-reference items bind to its elements.
                        let c = self.fetch_w(value)?;
                        self.destructure_ref(&items, c)?;
                        return Ok(c);
                    }
                    let v = self.expr_copy(value)?;
                    let keep = self.tmp();
                    self.emit(Op::Move(keep, v));
                    self.destructure(&items, keep)?;
                    return Ok(keep);
                }
                // php evaluates the target's keys (other than plain
                // variables and constants) before the value.
                let pre;
                let target = if has_eager_key(target) {
                    pre = self.eval_keys(target)?;
                    &pre
                } else {
                    target
                };
                let v = self.expr_copy(value)?;
                self.assign_to(target, v)?;
                v
            }
            E::AssignRef(target, value) => {
                let cell = match &value.kind {
                    E::New(..)
                    | E::NameCall(..)
                    | E::Call(..)
                    | E::MethodCall(..)
                    | E::StaticCall(..) => {
                        let v = self.expr(value)?;
                        let c = self.tmp();
                        let id = builtins::lookup("__newref").map(|b| b.0).unwrap_or(0);
                        self.emit(Op::Builtin {
                            dst: c,
                            id,
                            args: vec![v].into(),
                        });
                        c
                    }
                    _ => self.make_ref(value)?,
                };
                self.bind_ref(target, cell)?;
                let r = self.tmp();
                let id = builtins::lookup("__deref").map(|b| b.0).unwrap_or(0);
                self.emit(Op::Builtin {
                    dst: r,
                    id,
                    args: vec![cell].into(),
                });
                r
            }
            E::AssignOp(op, target, value) => {
                // Set by `expr_discard` for this very expression only.
                let discarded = std::mem::take(&mut self.discard_append);
                let place = self.place(target)?;
                if *op == "??" {
                    let r = self.tmp();
                    let cur = self.place_read(&place, true)?;
                    self.emit(Op::Move(r, cur));
                    let j = self.emit(Op::JmpNotNull(r, 0));
                    let v = self.expr_copy(value)?;
                    self.emit(Op::Move(r, v));
                    self.place_write(&place, r)?;
                    let pc = self.pc();
                    self.patch(j, pc);
                    return Ok(r);
                }
                if let (
                    ".",
                    Place::Other(Expr {
                        kind: E::Var(n), ..
                    }),
                ) = (*op, &place)
                {
                    if n != "this" && n != "GLOBALS" {
                        // `$s .= x`: in place when `$s` holds a string (AppendCv),
                        // else the generic read-concat-write below.
                        let cv = self.cv(n);
                        let v = self.expr(value)?;
                        let r = self.tmp();
                        let d = if discarded { NONE } else { r };
                        let j = self.emit(Op::AppendCv(d, cv, v, 0));
                        let cur = self.place_read(&place, false)?;
                        self.emit(Op::Bin(BinOp::Concat, r, cur, v));
                        self.place_write(&place, r)?;
                        let end = self.pc();
                        if let Op::AppendCv(_, _, _, t) = &mut self.p.ops[j] {
                            *t = end;
                        }
                        return Ok(r);
                    }
                }
                let Some(bop) = BinOp::from_str(op) else {
                    return self.err("bad operator");
                };
                if let Place::Dim(b, k) = place {
                    if matches!(bop, BinOp::Add | BinOp::Sub | BinOp::Mul) && simple_operand(value)
                    {
                        // `$a[k] op= v` with a side-effect-free `v`, evaluated
                        // first as php does: in place when the element is a
                        // number of a hashed array (DimOp), else the generic
                        // read-op-write.
                        let v = self.expr(value)?;
                        let r = self.tmp();
                        self.emit(Op::DimOp(bop, r, b, k, v));
                        let j = self.emit(Op::JmpNotNull(r, 0));
                        self.emit(Op::NoStrOffsetOp(b, false));
                        let cur = self.place_read(&place, false)?;
                        self.emit(Op::Bin(bop, r, cur, v));
                        self.place_write(&place, r)?;
                        let end = self.pc();
                        self.patch(j, end);
                        return Ok(r);
                    }
                }
                if let Place::Dim(b, _) = place {
                    self.emit(Op::NoStrOffsetOp(b, false));
                }
                let cur = self.place_read(&place, false)?;
                let v = self.expr(value)?;
                let r = self.tmp();
                self.emit(Op::Bin(bop, r, cur, v));
                self.place_write(&place, r)?;
                r
            }
            E::IncDec { pre, inc, e: inner } => {
                let r = self.incdec(inner, *inc, *pre)?;
                r
            }
            E::Ternary(c, then, els) => {
                let r = self.tmp();
                let cv = self.expr(c)?;
                match then {
                    Some(t) => {
                        let j = self.emit(Op::JmpIfNot(cv, 0));
                        let tv = self.expr(t)?;
                        self.emit(Op::Move(r, tv));
                        let j2 = self.emit(Op::Jmp(0));
                        let pc = self.pc();
                        self.patch(j, pc);
                        let ev = self.expr(els)?;
                        self.emit(Op::Move(r, ev));
                        let pc = self.pc();
                        self.patch(j2, pc);
                    }
                    None => {
                        self.emit(Op::Move(r, cv));
                        let j = self.emit(Op::JmpIf(cv, 0));
                        let ev = self.expr(els)?;
                        self.emit(Op::Move(r, ev));
                        let pc = self.pc();
                        self.patch(j, pc);
                    }
                }
                r
            }
            E::Isset(es) => {
                let r = self.tmp();
                let mut fails = Vec::new();
                for x in es {
                    let v = self.isset_one(x)?;
                    self.emit(Op::Move(r, v));
                    fails.push(self.emit(Op::JmpIfNot(r, 0)));
                }
                let pc = self.pc();
                for j in fails {
                    self.patch(j, pc);
                }
                r
            }
            E::Empty(x) => {
                let v = self.expr_quiet(x)?;
                let r = self.tmp();
                self.emit(Op::Not(r, v));
                r
            }
            E::Closure(f, uses, _) => {
                let proto =
                    self.compile_closure(f, uses.iter().map(|(n, r)| (n.clone(), *r)).collect())?;
                let mut regs = Vec::new();
                for (n, by_ref) in uses {
                    let cv = self.cv(n);
                    if *by_ref {
                        let c = self.tmp();
                        self.emit(Op::MakeRefCv(c, cv));
                        regs.push(c);
                    } else {
                        let t = self.tmp();
                        let k = self.kstr(n);
                        self.emit(Op::LoadCv(t, cv, k));
                        self.emit(Op::Share(t));
                        regs.push(t);
                    }
                }
                let k = self.konst(KConst::Func(proto));
                let r = self.tmp();
                self.emit(Op::Closure(r, k, regs.into()));
                r
            }
            E::ArrowFn(f) => {
                // Capture (by value) every parent variable the body mentions.
                let mut names = Vec::new();
                for s in &f.body {
                    scan_stmt_deep(s, &mut names);
                }
                let params: Vec<&String> = f.params.iter().map(|p| &p.name).collect();
                let mut uses = Vec::new();
                for n in names {
                    if n != "this" && !params.contains(&&n) && !uses.iter().any(|(u, _)| *u == n) {
                        uses.push((n, false));
                    }
                }
                let proto = self.compile_closure(f, uses.clone())?;
                let mut regs = Vec::new();
                for (n, _) in &uses {
                    let cv = self.cv(n);
                    let t = self.tmp();
                    self.emit(Op::LoadCvQ(t, cv));
                    self.emit(Op::Share(t));
                    regs.push(t);
                }
                let k = self.konst(KConst::Func(proto));
                let r = self.tmp();
                self.emit(Op::Closure(r, k, regs.into()));
                r
            }
            E::Match(subj, arms) => {
                let sv = self.expr(subj)?;
                let s2 = self.tmp();
                self.emit(Op::Move(s2, sv));
                let r = self.tmp();
                let mut ends = Vec::new();
                let mut default = None;
                for arm in arms {
                    match &arm.conds {
                        None => default = Some(&arm.body),
                        Some(cs) => {
                            let mut hits = Vec::new();
                            for c in cs {
                                let save = self.next;
                                let cv = self.expr(c)?;
                                let t = self.tmp();
                                self.emit(Op::Bin(BinOp::Identical, t, s2, cv));
                                hits.push(self.emit(Op::JmpIf(t, 0)));
                                self.next = save;
                            }
                            let skip = self.emit(Op::Jmp(0));
                            let pc = self.pc();
                            for h in hits {
                                self.patch(h, pc);
                            }
                            let v = self.expr(&arm.body)?;
                            self.emit(Op::Move(r, v));
                            ends.push(self.emit(Op::Jmp(0)));
                            let pc = self.pc();
                            self.patch(skip, pc);
                        }
                    }
                }
                match default {
                    Some(d) => {
                        let v = self.expr(d)?;
                        self.emit(Op::Move(r, v));
                    }
                    None => {
                        self.emit(Op::MatchError(s2));
                    }
                }
                let pc = self.pc();
                for j in ends {
                    self.patch(j, pc);
                }
                r
            }
            E::Throw(x) => {
                let v = self.expr(x)?;
                self.emit(Op::Throw(v));
                v
            }
            E::Yield(k, v) => {
                if self.gen_reg == NONE {
                    return self.err("The \"yield\" expression can only be used inside a function");
                }
                let kr = match k {
                    Some(k) => self.expr_copy(k)?,
                    None => NONE,
                };
                let vr = match v {
                    Some(v) => self.expr_copy(v)?,
                    None => NONE,
                };
                let d = self.tmp();
                self.emit(Op::Yield(d, self.gen_reg, kr, vr));
                d
            }
            E::YieldFrom(x) => {
                if self.gen_reg == NONE {
                    return self.err("The \"yield\" expression can only be used inside a function");
                }
                let src = self.expr_copy(x)?;
                let st = self.tmp();
                let _sent = self.tmp();
                let z = self.konst(KConst::Int(0));
                self.emit(Op::Const(st, z));
                let d = self.tmp();
                self.emit(Op::YieldFrom(d, self.gen_reg, src, st));
                d
            }
            E::Print(x) => {
                let v = self.expr(x)?;
                self.emit(Op::Echo(v));
                self.const_reg(KConst::Int(1))
            }
            E::Exit(x) => {
                let v = match x {
                    Some(x) => self.expr(x)?,
                    None => self.const_reg(KConst::Int(0)),
                };
                self.emit(Op::Exit(v));
                v
            }
            E::Cast(t, x) => {
                let v = self.expr(x)?;
                let r = self.tmp();
                self.emit(Op::Cast(t, r, v));
                r
            }
            E::InstanceOf(x, c) => {
                let v = self.expr(x)?;
                let cs = self.class_spec(c)?;
                let r = self.tmp();
                self.emit(Op::InstanceOf(r, v, cs));
                r
            }
            E::Clone(x) => {
                let v = self.expr(x)?;
                let r = self.tmp();
                self.emit(Op::Clone(r, v));
                r
            }
            E::Silence(x) => {
                let save = self.tmp();
                self.emit(Op::Silence(save, true));
                let v = self.expr(x)?;
                self.emit(Op::Silence(save, false));
                v
            }
            E::Include(x, once, require) => {
                let v = self.expr(x)?;
                let r = self.tmp();
                self.emit(Op::Include(r, v, *once, *require));
                r
            }
        })
    }

    fn compile_closure(
        &mut self,
        f: &FuncDecl,
        uses: Vec<(String, bool)>,
    ) -> CResult<Rc<FuncProto>> {
        let mut c = FnComp::new(
            "{closure}".into(),
            self.p.file.clone(),
            self.class_name.clone(),
            self.byref_funcs.clone(),
            self.byref_methods.clone(),
        );
        c.p.fname = "{closure}".into();
        c.p.strict = self.p.strict;
        c.p.name = match &self.class_name {
            Some(cn) => format!("{cn}::{{closure}}"),
            None => "{closure}".into(),
        };
        c.p.line = f.line;
        c.line = f.line;
        c.p.is_static = f.is_static;
        c.p.is_closure = true;
        let pnames: Vec<String> = f.params.iter().map(|p| p.name.clone()).collect();
        c.scan(&f.body, &pnames);
        for (n, _) in &uses {
            c.add_cv(n);
        }
        c.next = CV0 + c.p.cv_names.len() as R;
        c.max = c.next;
        for p in &f.params {
            let cv = c.cvs[&p.name];
            c.p.params.push(ParamInfo {
                name: p.name.clone(),
                cv,
                by_ref: p.by_ref,
                variadic: p.variadic,
                has_default: p.default.is_some(),
            });
        }
        for (n, by_ref) in &uses {
            let cv = c.cvs[n];
            c.p.uses.push((cv, *by_ref));
        }
        Ok(Rc::new(c.finish_body(f)?))
    }

    fn name_call(&mut self, name: &str, args: &[Arg]) -> CResult<R> {
        let lname = name.to_ascii_lowercase();
        let r = self.tmp();
        // Frame-level builtins.
        match lname.as_str() {
            "func_get_args" => {
                self.emit(Op::FuncGetArgs(r));
                return Ok(r);
            }
            "func_num_args" => {
                self.emit(Op::FuncNumArgs(r));
                return Ok(r);
            }
            "get_defined_vars" => {
                self.emit(Op::GetDefinedVars(r));
                return Ok(r);
            }
            "compact" => {
                let mut regs = Vec::new();
                for a in args {
                    regs.push(self.expr(&a.value)?);
                }
                self.emit(Op::Compact(r, regs.into()));
                return Ok(r);
            }
            // The prelude's `Generator` methods (see `Op::GenOp`).
            "__gen_op" if args.len() == 3 => {
                let this = self.expr(&args[0].value)?;
                let E::Int(kind) = args[1].value.kind else {
                    return self.err("__gen_op needs a literal kind");
                };
                let a = self.expr(&args[2].value)?;
                self.emit(Op::GenOp(r, this, kind as u32, a));
                return Ok(r);
            }
            "extract" if !args.is_empty() => {
                let v = self.expr(&args[0].value)?;
                self.emit(Op::Extract(r, v));
                return Ok(r);
            }
            _ => {}
        }
        if let Some((id, byref)) = builtins::lookup(&lname) {
            if !args.iter().any(|a| a.spread || a.name.is_some()) {
                let mut regs = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    if byref.contains(&i) {
                        let v = self.expr_quiet(&a.value)?;
                        regs.push(v);
                    } else {
                        regs.push(self.expr(&a.value)?);
                    }
                }
                let outs: Vec<usize> = byref.iter().copied().filter(|&i| i < args.len()).collect();
                if outs.is_empty() {
                    self.emit(Op::Builtin {
                        dst: r,
                        id,
                        args: regs.into(),
                    });
                } else {
                    let lst = self.tmp();
                    self.emit(Op::Builtin {
                        dst: lst,
                        id,
                        args: regs.into(),
                    });
                    // [ret, out...]
                    let idx = builtins::lookup("__list_get").map(|b| b.0).unwrap_or(0);
                    let zero = self.const_reg(KConst::Int(0));
                    self.emit(Op::Builtin {
                        dst: r,
                        id: idx,
                        args: vec![lst, zero].into(),
                    });
                    for (j, &i) in outs.iter().enumerate() {
                        let save = self.next;
                        let n = self.const_reg(KConst::Int(j as i64 + 1));
                        let v = self.tmp();
                        self.emit(Op::Builtin {
                            dst: v,
                            id: idx,
                            args: vec![lst, n].into(),
                        });
                        self.assign_to(&args[i].value, v)?;
                        self.next = save;
                    }
                }
                return Ok(r);
            }
        }
        let byref = self.byref_funcs.get(&lname).cloned();
        let specs = self.args(args, byref.as_deref())?;
        let k1 = self.kstr(&lname);
        let k2 = self.kstr(name);
        self.emit(Op::Call {
            dst: r,
            target: Target::Name(k1, k2),
            args: specs.into(),
        });
        // The argument temps (allocated after `r`) die in the call.
        self.next = r + 1;
        Ok(r)
    }

    /// `f(...)`: the prelude's `__fcc` wraps the callable in a `Closure`.
    fn emit_fcc(&mut self, dst: R, callable: R) {
        let k = self.kstr("__fcc");
        self.emit(Op::Call {
            dst,
            target: Target::Name(k, k),
            args: vec![ArgSpec {
                reg: callable,
                mode: ArgMode::Val,
            }]
            .into(),
        });
    }

    fn args(&mut self, args: &[Arg], byref: Option<&[usize]>) -> CResult<Vec<ArgSpec>> {
        let mut out = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if a.spread {
                let v = self.expr(&a.value)?;
                out.push(ArgSpec {
                    reg: v,
                    mode: ArgMode::Spread,
                });
                continue;
            }
            if let Some(n) = &a.name {
                let v = self.expr_copy(&a.value)?;
                let k = self.kstr(n);
                out.push(ArgSpec {
                    reg: v,
                    mode: ArgMode::Named(k),
                });
                continue;
            }
            match &a.value.kind {
                E::Var(n) if n != "this" && n != "GLOBALS" => {
                    let cv = self.cv(n);
                    out.push(ArgSpec {
                        reg: cv,
                        mode: ArgMode::Cv,
                    });
                }
                E::Index(..) | E::Prop(..) | E::StaticProp(..)
                    if byref.map_or(false, |b| b.contains(&i)) =>
                {
                    let c = self.make_ref(&a.value)?;
                    out.push(ArgSpec {
                        reg: c,
                        mode: ArgMode::Cell,
                    });
                }
                _ => {
                    let v = self.expr_copy(&a.value)?;
                    out.push(ArgSpec {
                        reg: v,
                        mode: ArgMode::Val,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Reads without "undefined" warnings (isset, ??, empty).
    fn expr_quiet(&mut self, e: &Expr) -> CResult<R> {
        match &e.kind {
            E::Var(n) if n != "this" && n != "GLOBALS" => {
                let cv = self.cv(n);
                let r = self.tmp();
                self.emit(Op::LoadCvQ(r, cv));
                Ok(r)
            }
            E::Index(base, Some(k)) => {
                if let Some(cv) = self.globals_cv(base, Some(k)) {
                    let r = self.tmp();
                    self.emit(Op::LoadCvQ(r, cv));
                    return Ok(r);
                }
                let b = self.expr_quiet(base)?;
                let k = self.expr(k)?;
                let r = self.tmp();
                self.emit(Op::DimGet(r, b, k, true));
                Ok(r)
            }
            E::Prop(obj, name, _) => {
                let o = self.expr_quiet(obj)?;
                let n = self.expr(name)?;
                let r = self.tmp();
                self.emit(Op::PropGet(r, o, n, true));
                Ok(r)
            }
            E::StaticProp(..) => self.expr(e),
            _ => self.expr(e),
        }
    }

    fn isset_one(&mut self, e: &Expr) -> CResult<R> {
        match &e.kind {
            E::Prop(obj, name, _) => {
                let o = self.expr_quiet(obj)?;
                let n = self.expr(name)?;
                let r = self.tmp();
                self.emit(Op::PropIsset(r, o, n));
                Ok(r)
            }
            _ => {
                let v = self.expr_quiet(e)?;
                let r = self.tmp();
                let id = builtins::lookup("__isset").map(|b| b.0).unwrap_or(0);
                self.emit(Op::Builtin {
                    dst: r,
                    id,
                    args: vec![v].into(),
                });
                Ok(r)
            }
        }
    }

    /// Evaluates an lvalue's container and key once (for `+=`, `++`, `??=`).
    fn place(&mut self, target: &Expr) -> CResult<Place> {
        Ok(match &target.kind {
            E::Index(base, Some(k)) if !matches!(base.kind, E::Var(ref n) if n == "this") => {
                if let Some(cv) = self.globals_cv(base, Some(k)) {
                    let E::Str(name) = &k.kind else {
                        unreachable!()
                    };
                    return Ok(Place::Cv(cv, self.kstr(name)));
                }
                let b = self.fetch_w(base)?;
                let mark = self.next;
                let kr = self.expr(k)?;
                if kr >= mark && kr < self.next {
                    // A temporary the key expression just made and still
                    // holds: nothing else writes it before the store.
                    return Ok(Place::Dim(b, kr));
                }
                let keep = self.tmp();
                self.emit(Op::Move(keep, kr));
                Place::Dim(b, keep)
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                Place::Prop(o, n)
            }
            _ => Place::Other(target.clone()),
        })
    }

    fn place_read(&mut self, p: &Place, quiet: bool) -> CResult<R> {
        let r = self.tmp();
        match p {
            Place::Dim(b, k) => {
                self.emit(Op::DimGet(r, *b, *k, quiet));
            }
            Place::Cv(cv, _) if quiet => {
                self.emit(Op::LoadCvQ(r, *cv));
            }
            Place::Cv(cv, k) => {
                self.emit(Op::LoadGlobalCv(r, *cv, *k));
            }
            Place::Prop(o, n) => {
                self.emit(Op::PropGet(r, *o, *n, quiet));
            }
            Place::Other(e) => {
                let v = if quiet {
                    self.expr_quiet(e)?
                } else {
                    self.expr(e)?
                };
                if v > r && v < self.next {
                    // A temporary the expression just made and still holds
                    // (CVs and older temporaries are below `r`): nothing
                    // else writes it.
                    return Ok(v);
                }
                self.emit(Op::Move(r, v));
            }
        }
        Ok(r)
    }

    fn place_write(&mut self, p: &Place, v: R) -> CResult<()> {
        match p {
            Place::Dim(b, k) => {
                self.emit(Op::DimSet(*b, *k, v));
            }
            Place::Cv(cv, _) => {
                self.emit(Op::StoreCv(*cv, v));
            }
            Place::Prop(o, n) => {
                self.emit(Op::PropSet(*o, *n, v));
            }
            Place::Other(e) => self.assign_to(e, v)?,
        }
        Ok(())
    }

    /// A plain local variable operand: its CV and the const of its name.
    fn cv_operand(&mut self, e: &Expr) -> Option<(R, u32)> {
        match &e.kind {
            E::Var(n) if n != "this" && n != "GLOBALS" => {
                let cv = self.cv(n);
                Some((cv, self.kstr(n)))
            }
            _ => None,
        }
    }

    fn incdec(&mut self, target: &Expr, inc: bool, pre: bool) -> CResult<R> {
        if let E::Var(n) = &target.kind {
            if n != "this" && n != "GLOBALS" {
                // One instruction for an int or float variable (IncDecCv),
                // else the generic read-incdec-write into the same result.
                let cv = self.cv(n);
                let r = self.tmp();
                let j = self.emit(Op::IncDecCv(r, cv, inc, pre, 0));
                let place = Place::Other(target.clone());
                let old = self.place_read(&place, false)?;
                let nv = self.tmp();
                self.emit(Op::IncDec(nv, old, inc));
                self.place_write(&place, nv)?;
                self.emit(Op::Move(r, if pre { nv } else { old }));
                let end = self.pc();
                if let Op::IncDecCv(.., t) = &mut self.p.ops[j] {
                    *t = end;
                }
                return Ok(r);
            }
        }
        let place = self.place(target)?;
        if let Place::Dim(b, _) = place {
            self.emit(Op::NoStrOffsetOp(b, true));
        }
        // `place_read` returns a fresh temporary that the write below does
        // not touch, so it is the old value as it is.
        let old = self.place_read(&place, false)?;
        let r = self.tmp();
        self.emit(Op::IncDec(r, old, inc));
        self.place_write(&place, r)?;
        Ok(if pre { r } else { old })
    }

    /// Stores `v` into an lvalue.
    fn assign_to(&mut self, target: &Expr, v: R) -> CResult<()> {
        match &target.kind {
            E::Var(n) => {
                if n == "this" {
                    return self.err("Cannot re-assign $this");
                }
                let cv = self.cv(n);
                self.emit(Op::StoreCv(cv, v));
            }
            E::VarVar(ne) => {
                let n = self.expr(ne)?;
                self.emit(Op::VarVarSet(n, v));
            }
            E::Index(base, key) => {
                if let Some(cv) = self.globals_cv(base, key.as_deref()) {
                    self.emit(Op::StoreCv(cv, v));
                    return Ok(());
                }
                if let (E::Var(n), Some(k)) = (&base.kind, key) {
                    if n != "this" {
                        // May be a string offset write.
                        let cv = self.cv(n);
                        let k = self.expr(k)?;
                        self.emit(Op::StrOffsetSet(cv, k, v));
                        return Ok(());
                    }
                }
                let (b, k) = self.fetch_w_last(base, key.as_deref())?;
                self.emit(Op::DimSet(b, k, v));
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                self.emit(Op::PropSet(o, n, v));
            }
            E::StaticProp(c, n) => {
                let cs = self.class_spec(c)?;
                let k = self.kstr(n);
                self.emit(Op::StaticPropSet(cs, k, v));
            }
            E::List(items) => {
                self.destructure(items, v)?;
            }
            E::Array(items) => {
                let items: Vec<Option<Item>> = items.iter().cloned().map(Some).collect();
                self.destructure(&items, v)?;
            }
            _ => return self.err("Cannot assign to this expression"),
        }
        Ok(())
    }

    fn destructure_ref(&mut self, items: &[Option<Item>], src: R) -> CResult<()> {
        let mut idx = 0i64;
        for it in items {
            let Some(it) = it else {
                idx += 1;
                continue;
            };
            let save = self.next;
            let k = match &it.key {
                Some(k) => self.expr(k)?,
                None => {
                    let r = self.const_reg(KConst::Int(idx));
                    idx += 1;
                    r
                }
            };
            if it.by_ref {
                let cell = self.tmp();
                self.emit(Op::DimRef(cell, src, k));
                self.bind_ref(&it.value, cell)?;
            } else {
                let v = self.tmp();
                self.emit(Op::DimGet(v, src, k, false));
                self.emit(Op::Share(v));
                self.assign_to(&it.value, v)?;
            }
            self.next = save;
        }
        Ok(())
    }

    fn destructure(&mut self, items: &[Option<Item>], src: R) -> CResult<()> {
        let mut idx = 0i64;
        for it in items {
            let Some(it) = it else {
                idx += 1;
                continue;
            };
            let save = self.next;
            let k = match &it.key {
                Some(k) => self.expr(k)?,
                None => {
                    let r = self.const_reg(KConst::Int(idx));
                    idx += 1;
                    r
                }
            };
            if it.by_ref {
                // [&$a] = $arr: not supported beyond plain values.
            }
            let v = self.tmp();
            self.emit(Op::DimGet(v, src, k, false));
            self.emit(Op::Share(v));
            match &it.value.kind {
                E::List(sub) => self.destructure(sub, v)?,
                E::Array(sub) => {
                    let sub: Vec<Option<Item>> = sub.iter().cloned().map(Some).collect();
                    self.destructure(&sub, v)?
                }
                _ => self.assign_to(&it.value, v)?,
            }
            self.next = save;
        }
        Ok(())
    }

    /// A container prepared for writing (arrays separated and created as needed).
    /// `base` fetched for write and `key` evaluated, for `base[key] = v`.
    /// When `base` is an element or a property, `key` is evaluated before
    /// its last fetch (as php delays the fetches), so that the fetch, when
    /// it finds a string, can do the string offset write of the `DimSet`
    /// that follows it (`interp::str_offset_next`).
    fn fetch_w_last(&mut self, base: &Expr, key: Option<&Expr>) -> CResult<(R, R)> {
        let key_reg = |c: &mut Self| match key {
            Some(k) => c.expr(k),
            None => Ok(NONE),
        };
        match &base.kind {
            E::Index(bb, bk) => {
                if let Some(cv) = self.globals_cv(bb, bk.as_deref()) {
                    let k = key_reg(self)?;
                    let r = self.tmp();
                    self.emit(Op::CvFetchW(r, cv));
                    return Ok((r, k));
                }
                let c = self.fetch_w(bb)?;
                let kk = match bk {
                    Some(k) => self.expr(k)?,
                    None => NONE,
                };
                let k = key_reg(self)?;
                let r = self.tmp();
                self.emit(Op::DimFetchW(r, c, kk));
                Ok((r, k))
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                let k = key_reg(self)?;
                let r = self.tmp();
                self.emit(Op::PropFetchW(r, o, n));
                Ok((r, k))
            }
            _ => {
                let b = self.fetch_w(base)?;
                let k = key_reg(self)?;
                Ok((b, k))
            }
        }
    }

    /// `target` with every key that is not a plain variable or constant
    /// computed now, into registers (outermost container first).
    fn eval_keys(&mut self, e: &Expr) -> CResult<Expr> {
        Ok(match &e.kind {
            E::Index(base, Some(key)) => {
                let b = self.eval_keys(base)?;
                let k = if simple_key(key) {
                    (**key).clone()
                } else {
                    let r = self.expr_copy(key)?;
                    Expr::new(E::Reg(r), key.line)
                };
                Expr::new(E::Index(Box::new(b), Some(Box::new(k))), e.line)
            }
            E::Index(base, None) => {
                let b = self.eval_keys(base)?;
                Expr::new(E::Index(Box::new(b), None), e.line)
            }
            E::Prop(obj, name, nullsafe) => {
                let o = if matches!(obj.kind, E::Var(_)) {
                    self.eval_keys(obj)?
                } else {
                    let r = self.expr(obj)?;
                    Expr::new(E::Reg(r), obj.line)
                };
                let n = if simple_key(name) {
                    (**name).clone()
                } else {
                    let r = self.expr_copy(name)?;
                    Expr::new(E::Reg(r), name.line)
                };
                Expr::new(E::Prop(Box::new(o), Box::new(n), *nullsafe), e.line)
            }
            _ => e.clone(),
        })
    }

    fn fetch_w(&mut self, e: &Expr) -> CResult<R> {
        match &e.kind {
            E::Var(n) if n == "this" => {
                let r = self.tmp();
                self.emit(Op::Move(r, THIS));
                Ok(r)
            }
            E::Var(n) => {
                let cv = self.cv(n);
                let r = self.tmp();
                self.emit(Op::CvFetchW(r, cv));
                Ok(r)
            }
            E::Index(base, key) => {
                if let Some(cv) = self.globals_cv(base, key.as_deref()) {
                    let r = self.tmp();
                    self.emit(Op::CvFetchW(r, cv));
                    return Ok(r);
                }
                let b = self.fetch_w(base)?;
                let k = match key {
                    Some(k) => self.expr(k)?,
                    None => NONE,
                };
                let r = self.tmp();
                self.emit(Op::DimFetchW(r, b, k));
                Ok(r)
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                let r = self.tmp();
                self.emit(Op::PropFetchW(r, o, n));
                Ok(r)
            }
            E::StaticProp(c, n) => {
                let cs = self.class_spec(c)?;
                let k = self.kstr(n);
                let r = self.tmp();
                self.emit(Op::StaticPropFetchW(r, cs, k));
                Ok(r)
            }
            _ => self.expr(e),
        }
    }

    /// A reference cell for an lvalue.
    fn make_ref(&mut self, e: &Expr) -> CResult<R> {
        let r = self.tmp();
        match &e.kind {
            E::Var(n) => {
                let cv = self.cv(n);
                self.emit(Op::MakeRefCv(r, cv));
            }
            E::Index(base, key) => {
                if let Some(cv) = self.globals_cv(base, key.as_deref()) {
                    self.emit(Op::MakeRefCv(r, cv));
                    return Ok(r);
                }
                let b = self.fetch_w(base)?;
                let k = match key {
                    Some(k) => self.expr(k)?,
                    None => NONE,
                };
                self.emit(Op::DimRef(r, b, k));
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                self.emit(Op::PropRef(r, o, n));
            }
            E::StaticProp(c, n) => {
                let cs = self.class_spec(c)?;
                let k = self.kstr(n);
                self.emit(Op::StaticPropRef(r, cs, k));
            }
            _ => {
                let v = self.expr(e)?;
                let id = builtins::lookup("__newref").map(|b| b.0).unwrap_or(0);
                self.emit(Op::Builtin {
                    dst: r,
                    id,
                    args: vec![v].into(),
                });
            }
        }
        Ok(r)
    }

    fn bind_ref(&mut self, target: &Expr, cell: R) -> CResult<()> {
        match &target.kind {
            E::Var(n) => {
                let cv = self.cv(n);
                self.emit(Op::BindCv(cv, cell));
            }
            E::Index(base, key) => {
                let b = self.fetch_w(base)?;
                let k = match key {
                    Some(k) => self.expr(k)?,
                    None => NONE,
                };
                let id = builtins::lookup("__bindref_dim").map(|b| b.0).unwrap_or(0);
                let d = self.tmp();
                let kk = if k == NONE {
                    self.const_reg(KConst::Null)
                } else {
                    k
                };
                let flag = self.const_reg(KConst::Bool(k == NONE));
                self.emit(Op::Builtin {
                    dst: d,
                    id,
                    args: vec![b, kk, cell, flag].into(),
                });
            }
            E::Prop(obj, name, _) => {
                let o = self.expr(obj)?;
                let n = self.expr(name)?;
                let id = builtins::lookup("__bindref_prop").map(|b| b.0).unwrap_or(0);
                let d = self.tmp();
                self.emit(Op::Builtin {
                    dst: d,
                    id,
                    args: vec![o, n, cell].into(),
                });
            }
            _ => return self.err("Cannot assign reference to this expression"),
        }
        Ok(())
    }
}

/// Collects variable names in a statement, not descending into nested functions/classes.
fn scan_stmt(s: &Stmt, out: &mut Vec<String>) {
    walk_stmt(s, out, false)
}

/// Like `scan_stmt` but also descends into arrow functions (for arrow captures).
fn scan_stmt_deep(s: &Stmt, out: &mut Vec<String>) {
    walk_stmt(s, out, true)
}

fn walk_stmt(s: &Stmt, out: &mut Vec<String>, deep: bool) {
    let we = |e: &Expr, out: &mut Vec<String>| walk_expr(e, out, deep);
    match &s.kind {
        S::Echo(es) => es.iter().for_each(|e| we(e, out)),
        S::Expr(e) => we(e, out),
        S::If(arms, els) => {
            for (c, b) in arms {
                we(c, out);
                b.iter().for_each(|s| walk_stmt(s, out, deep));
            }
            if let Some(b) = els {
                b.iter().for_each(|s| walk_stmt(s, out, deep));
            }
        }
        S::While(c, b) | S::DoWhile(b, c) => {
            we(c, out);
            b.iter().for_each(|s| walk_stmt(s, out, deep));
        }
        S::For(a, b, c, body) => {
            a.iter()
                .chain(b.iter())
                .chain(c.iter())
                .for_each(|e| we(e, out));
            body.iter().for_each(|s| walk_stmt(s, out, deep));
        }
        S::Foreach {
            subject,
            key,
            value,
            body,
            ..
        } => {
            we(subject, out);
            if let Some(k) = key {
                we(k, out);
            }
            we(value, out);
            body.iter().for_each(|s| walk_stmt(s, out, deep));
        }
        S::Switch(e, cases) => {
            we(e, out);
            for (c, b) in cases {
                if let Some(c) = c {
                    we(c, out);
                }
                b.iter().for_each(|s| walk_stmt(s, out, deep));
            }
        }
        S::Return(Some(e)) => we(e, out),
        S::Global(ns) => out.extend(ns.iter().cloned()),
        S::Static(vs) => {
            for (n, e) in vs {
                out.push(n.clone());
                if let Some(e) = e {
                    we(e, out);
                }
            }
        }
        S::Unset(es) => es.iter().for_each(|e| we(e, out)),
        S::Try(b, cs, f) => {
            b.iter().for_each(|s| walk_stmt(s, out, deep));
            for c in cs {
                if let Some(v) = &c.var {
                    out.push(v.clone());
                }
                c.body.iter().for_each(|s| walk_stmt(s, out, deep));
            }
            if let Some(f) = f {
                f.iter().for_each(|s| walk_stmt(s, out, deep));
            }
        }
        S::Block(b) => b.iter().for_each(|s| walk_stmt(s, out, deep)),
        S::Const(cs) => cs.iter().for_each(|(_, e)| we(e, out)),
        _ => {}
    }
}

fn walk_expr(e: &Expr, out: &mut Vec<String>, deep: bool) {
    let mut w = |x: &Expr| walk_expr(x, out, deep);
    match &e.kind {
        E::Var(n) => {
            if n != "this" && n != "GLOBALS" && !out.contains(n) {
                out.push(n.clone());
            }
        }
        E::Interp(ps) => ps.iter().for_each(w),
        E::VarVar(x)
        | E::Unary(_, x)
        | E::Empty(x)
        | E::Throw(x)
        | E::YieldFrom(x)
        | E::Print(x)
        | E::Cast(_, x)
        | E::Clone(x)
        | E::Silence(x)
        | E::Include(x, ..)
        | E::CallableRef(x) => w(x),
        E::Array(items) => {
            for it in items {
                if let Some(k) = &it.key {
                    w(k);
                }
                w(&it.value);
            }
        }
        E::List(items) => {
            for it in items.iter().flatten() {
                if let Some(k) = &it.key {
                    w(k);
                }
                w(&it.value);
            }
        }
        E::Index(b, k) => {
            w(b);
            if let Some(k) = k {
                w(k);
            }
        }
        E::Yield(k, v) => {
            if let Some(k) = k {
                w(k);
            }
            if let Some(v) = v {
                w(v);
            }
        }
        E::Prop(o, n, _) => {
            w(o);
            w(n);
        }
        E::StaticProp(c, _) | E::ClassConst(c, _) => {
            if let ClassRef::Dyn(x) = c {
                w(x);
            }
        }
        E::Call(c, args) => {
            w(c);
            args.iter().for_each(|a| w(&a.value));
        }
        E::NameCall(_, args) | E::New(_, args) | E::AnonClass(_, args) => {
            if let E::New(ClassRef::Dyn(x), _) = &e.kind {
                w(x);
            }
            args.iter().for_each(|a| w(&a.value));
        }
        E::MethodCall(o, n, args, _) => {
            w(o);
            w(n);
            args.iter().for_each(|a| w(&a.value));
        }
        E::StaticCall(c, n, args) => {
            if let ClassRef::Dyn(x) = c {
                w(x);
            }
            w(n);
            args.iter().for_each(|a| w(&a.value));
        }
        E::Bin(_, a, b) | E::Assign(a, b) | E::AssignRef(a, b) | E::AssignOp(_, a, b) => {
            w(a);
            w(b);
        }
        E::IncDec { e, .. } => w(e),
        E::Ternary(c, t, f) => {
            w(c);
            if let Some(t) = t {
                w(t);
            }
            w(f);
        }
        E::Isset(es) => es.iter().for_each(w),
        E::Closure(_, uses, _) => {
            for (n, _) in uses {
                if !out.contains(n) {
                    out.push(n.clone());
                }
            }
        }
        E::ArrowFn(f) => {
            if deep {
                for s in &f.body {
                    walk_stmt(s, out, deep);
                }
            } else {
                // The arrow fn captures parent variables: they must exist as CVs.
                let mut inner = Vec::new();
                for s in &f.body {
                    walk_stmt(s, &mut inner, true);
                }
                for n in inner {
                    if !f.params.iter().any(|p| p.name == n) && !out.contains(&n) {
                        out.push(n);
                    }
                }
            }
        }
        E::Match(s, arms) => {
            w(s);
            for a in arms {
                if let Some(cs) = &a.conds {
                    cs.iter().for_each(&mut w);
                }
                w(&a.body);
            }
        }
        E::Exit(Some(x)) => w(x),
        E::InstanceOf(x, c) => {
            w(x);
            if let ClassRef::Dyn(y) = c {
                w(y);
            }
        }
        _ => {}
    }
}

/// An operand whose evaluation has no side effect other than an
/// undefined-variable warning (a variable other than `$this`/`$GLOBALS`,
/// or a literal number or string), so it may be evaluated before the
/// element it combines with.
fn simple_operand(e: &Expr) -> bool {
    match &e.kind {
        E::Var(n) => n != "this" && n != "GLOBALS",
        E::Int(_) | E::Float(_) | E::Str(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(src: &str, name: &str) -> Rc<FuncProto> {
        let main = crate::parse_and_compile("t.php", src, false).expect("compiles");
        main.consts
            .iter()
            .find_map(|k| match k {
                KConst::Func(f) if f.name == name => Some(f.clone()),
                _ => None,
            })
            .expect("function")
    }

    #[test]
    fn temps_are_dead_at_statement_starts_and_live_inside_expressions() {
        let p = func(
            "<?php function f($n) { $s = 0; while ($n > 0) { $s += $n * 2 + 1; $n--; } return $s; }",
            "f",
        );
        assert_eq!(p.dead_from.len(), p.ops.len());
        assert!(!p.temps.is_empty());
        assert!(p.temps.iter().all(|r| !p.cv_regs.contains(r)));
        // The loop header starts a statement: every temp is dead there.
        let lp = p.ops.iter().position(|o| matches!(o, Op::Loop)).unwrap();
        assert_eq!(p.dead_from[lp], 0);
        // An instruction reading a temp another one wrote has it live.
        for (pc, op) in p.ops.iter().enumerate() {
            if let Op::Bin(_, _, a, b) | Op::BinCv(_, _, a, b, ..) = op {
                for r in [*a, *b] {
                    if let Some(i) = p.temps.iter().position(|&t| t == r) {
                        assert!(i < p.dead_from[pc] as usize, "{pc}: {op:?}");
                    }
                }
            }
        }
    }
}

/// A key read when the assignment writes (php reads CV and constant operands late).
fn simple_key(k: &Expr) -> bool {
    matches!(
        k.kind,
        E::Var(_)
            | E::Int(_)
            | E::Str(_)
            | E::Float(_)
            | E::Bool(_)
            | E::Null
            | E::Const(_)
            | E::ClassConst(..)
    )
}

/// Whether an assignment target has a key php computes before the value.
fn has_eager_key(e: &Expr) -> bool {
    match &e.kind {
        E::Index(base, Some(k)) => !simple_key(k) || has_eager_key(base),
        E::Index(base, None) => has_eager_key(base),
        E::Prop(obj, name, _) => {
            !simple_key(name) || !matches!(obj.kind, E::Var(_)) || has_eager_key(obj)
        }
        _ => false,
    }
}
