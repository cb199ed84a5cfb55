//! Scope analysis: which names of each function are locals, cells, free
//! variables or globals. Scopes are numbered in the order the compiler
//! meets them (pre-order over the AST), so the compiler walks them in step.

use std::collections::{HashMap, HashSet};

use crate::ast::*;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

/// How a name is reached inside one scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Local,
    Cell,
    Free,
    Global,
    /// Class bodies and module level: namespace dict then globals.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    pub params: Vec<String>,
    /// Assigned names in first-assignment order.
    pub assigned: Vec<String>,
    assigned_set: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub used: HashSet<String>,
    pub is_generator: bool,
    /// Names of this scope that nested scopes capture.
    pub cells: Vec<String>,
    /// Names this scope takes from enclosing scopes.
    pub frees: Vec<String>,
    pub uses_super: bool,
    /// Names deleted with `del` (their reads must check for unbound).
    pub deleted: HashSet<String>,
    /// Names this scope may bind more than once: assigned at two places,
    /// in a loop, deleted, or (for the module) declared `global` in a
    /// function. Module globals not in it are bound once.
    pub rebound: HashSet<String>,
    /// Loops around the statement being analysed.
    loops: u32,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            params: Vec::new(),
            assigned: Vec::new(),
            assigned_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: HashSet::new(),
            is_generator: false,
            cells: Vec::new(),
            frees: Vec::new(),
            uses_super: false,
            deleted: HashSet::new(),
            rebound: HashSet::new(),
            loops: 0,
        }
    }
    fn assign(&mut self, n: &str) {
        if self.assigned_set.insert(n.to_string()) {
            self.assigned.push(n.to_string());
            if self.loops == 0 {
                return;
            }
        }
        self.rebound.insert(n.to_string());
    }
    fn is_local(&self, n: &str) -> bool {
        !self.globals.contains(n)
            && !self.nonlocals.contains(n)
            && (self.assigned_set.contains(n) || self.params.iter().any(|p| p == n))
    }

    /// How `n` is reached in this scope.
    pub fn access(&self, n: &str) -> Access {
        if self.globals.contains(n) {
            return Access::Global;
        }
        if self.cells.iter().any(|c| c == n) {
            return Access::Cell;
        }
        if self.frees.iter().any(|c| c == n) {
            return Access::Free;
        }
        match self.kind {
            ScopeKind::Function => {
                if self.is_local(n) {
                    Access::Local
                } else {
                    Access::Global
                }
            }
            _ => Access::Name,
        }
    }
}

/// All scopes of a module, index 0 being the module.
pub struct SymTable {
    pub scopes: Vec<Scope>,
    cur: usize,
}

pub fn analyze(body: &[Stmt]) -> Result<SymTable, (String, u32)> {
    let mut st = SymTable {
        scopes: vec![Scope::new(ScopeKind::Module, None)],
        cur: 0,
    };
    st.stmts(body)?;
    st.resolve();
    Ok(st)
}

type SResult = Result<(), (String, u32)>;

impl SymTable {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn push(&mut self, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, Some(self.cur)));
        self.cur = id;
        id
    }

    fn pop(&mut self) {
        self.cur = self.scopes[self.cur].parent.unwrap_or(0);
    }

    fn stmts(&mut self, body: &[Stmt]) -> SResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params_defaults(&mut self, p: &Params) -> SResult {
        for a in p.args.iter().chain(p.kwonly.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn add_params(&mut self, p: &Params) {
        let s = self.scope();
        for a in &p.args {
            s.params.push(a.name.clone());
        }
        for a in &p.kwonly {
            s.params.push(a.name.clone());
        }
        if let Some(v) = &p.vararg {
            s.params.push(v.clone());
        }
        if let Some(v) = &p.kwarg {
            s.params.push(v.clone());
        }
    }

    fn stmt(&mut self, s: &Stmt) -> SResult {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(ts, v) => {
                self.expr(v)?;
                for t in ts {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v)?;
                if let ExprKind::Name(n) = &t.kind {
                    self.scope().used.insert(n.clone());
                }
                self.target(t)
            }
            StmtKind::AnnAssign(t, _, v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                    self.target(t)?;
                } else if let ExprKind::Name(n) = &t.kind {
                    if self.scopes[self.cur].kind == ScopeKind::Function {
                        self.scope().assign(n);
                    }
                }
                Ok(())
            }
            StmtKind::If(c, a, b) => {
                self.expr(c)?;
                self.stmts(a)?;
                self.stmts(b)
            }
            StmtKind::While(c, a, b) => {
                self.scope().loops += 1;
                let r = self.expr(c).and_then(|_| self.stmts(a));
                self.scope().loops -= 1;
                r?;
                self.stmts(b)
            }
            StmtKind::For(t, it, a, b) => {
                self.expr(it)?;
                self.scope().loops += 1;
                let r = self.target(t).and_then(|_| self.stmts(a));
                self.scope().loops -= 1;
                r?;
                self.stmts(b)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::FunctionDef {
                name,
                params,
                body,
                decorators,
            } => {
                for d in decorators {
                    self.expr(d)?;
                }
                self.params_defaults(params)?;
                self.scope().assign(name);
                self.function(params, |st| st.stmts(body))
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::ClassDef {
                name,
                bases,
                body,
                decorators,
            } => {
                for d in decorators {
                    self.expr(d)?;
                }
                for b in bases {
                    self.arg(b)?;
                }
                self.scope().assign(name);
                self.push(ScopeKind::Class);
                self.stmts(body)?;
                self.pop();
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::Raise(a, b) => {
                if let Some(a) = a {
                    self.expr(a)?;
                }
                if let Some(b) = b {
                    self.expr(b)?;
                }
                Ok(())
            }
            StmtKind::With(items, body) => {
                for (e, t) in items {
                    self.expr(e)?;
                    if let Some(t) = t {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Global(names) => {
                for n in names {
                    if self.scope().params.contains(n) {
                        return Err((format!("name '{}' is parameter and global", n), s.line));
                    }
                    self.scope().globals.insert(n.clone());
                    self.scopes[0].rebound.insert(n.clone());
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                if self.scopes[self.cur].kind != ScopeKind::Function {
                    return Err((
                        "nonlocal declaration not allowed at module level".into(),
                        s.line,
                    ));
                }
                for n in names {
                    self.scope().nonlocals.insert(n.clone());
                }
                Ok(())
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    if let ExprKind::Name(n) = &t.kind {
                        self.scope().deleted.insert(n.clone());
                    }
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::Assert(a, b) => {
                self.expr(a)?;
                if let Some(b) = b {
                    self.expr(b)?;
                }
                Ok(())
            }
            StmtKind::Import(names) => {
                for (m, a) in names {
                    let n = a
                        .clone()
                        .unwrap_or_else(|| m.split('.').next().unwrap_or("").into());
                    self.bind(&n);
                }
                Ok(())
            }
            StmtKind::ImportFrom(_, names, _) => {
                for (m, a) in names {
                    if m != "*" {
                        self.bind(a.as_ref().unwrap_or(m));
                    }
                }
                Ok(())
            }
        }
    }

    fn bind(&mut self, n: &str) {
        self.scope().assign(n);
    }

    fn function(&mut self, params: &Params, body: impl FnOnce(&mut Self) -> SResult) -> SResult {
        self.push(ScopeKind::Function);
        self.add_params(params);
        body(self)?;
        self.pop();
        Ok(())
    }

    fn arg(&mut self, a: &Arg) -> SResult {
        match a {
            Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => self.expr(e),
        }
    }

    fn target(&mut self, t: &Expr) -> SResult {
        match &t.kind {
            ExprKind::Name(n) => {
                self.bind(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(i) => self.target(i),
            _ => self.expr(t),
        }
    }

    fn comprehension(&mut self, comps: &[Comp], elts: &[&Expr]) -> SResult {
        // The first iterable is evaluated outside; the rest is a function scope.
        self.expr(&comps[0].iter)?;
        self.push(ScopeKind::Function);
        self.scope().params.push(".0".into());
        for (i, c) in comps.iter().enumerate() {
            if i > 0 {
                self.expr(&c.iter)?;
            }
            self.target(&c.target)?;
            for cond in &c.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> SResult {
        match &e.kind {
            ExprKind::Name(n) => {
                if n == "super" {
                    self.scope().uses_super = true;
                }
                self.scope().used.insert(n.clone());
                Ok(())
            }
            ExprKind::Const(_) => Ok(()),
            ExprKind::JoinedStr(parts) => self.fparts(parts),
            ExprKind::BinOp(a, _, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            ExprKind::UnaryOp(_, a) | ExprKind::Starred(a) => self.expr(a),
            ExprKind::BoolOp(_, items)
            | ExprKind::List(items)
            | ExprKind::Tuple(items)
            | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
                Ok(())
            }
            ExprKind::Compare(a, rest) => {
                self.expr(a)?;
                for (_, b) in rest {
                    self.expr(b)?;
                }
                Ok(())
            }
            ExprKind::Call(f, args) => {
                self.expr(f)?;
                for a in args {
                    self.arg(a)?;
                }
                Ok(())
            }
            ExprKind::Attribute(a, _) => self.expr(a),
            ExprKind::Subscript(a, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x)?;
                }
                Ok(())
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a)?;
                self.expr(b)?;
                self.expr(c)
            }
            ExprKind::Lambda(p, body) => {
                self.params_defaults(p)?;
                self.function(p, |st| st.expr(body))
            }
            ExprKind::ListComp(elt, comps)
            | ExprKind::SetComp(elt, comps)
            | ExprKind::GenExp(elt, comps) => {
                let gen = matches!(e.kind, ExprKind::GenExp(..));
                self.comprehension(comps, &[elt])?;
                if gen {
                    let id = self.last_child_of(self.cur);
                    self.scopes[id].is_generator = true;
                }
                Ok(())
            }
            ExprKind::DictComp(k, v, comps) => self.comprehension(comps, &[k, v]),
            ExprKind::Yield(v) => {
                self.scope().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::YieldFrom(v) => {
                self.scope().is_generator = true;
                self.expr(v)
            }
            ExprKind::NamedExpr(n, v) => {
                self.expr(v)?;
                // Inside a comprehension the target binds in the enclosing function.
                let mut s = self.cur;
                while self.scopes[s]
                    .params
                    .first()
                    .map(|p| p == ".0")
                    .unwrap_or(false)
                {
                    match self.scopes[s].parent {
                        Some(p) => s = p,
                        None => break,
                    }
                }
                if s != self.cur {
                    self.scopes[s].assign(n);
                    // Make it reachable from the comprehension as a free variable.
                    self.scope().used.insert(n.clone());
                } else {
                    self.bind(n);
                }
                Ok(())
            }
        }
    }

    fn last_child_of(&self, parent: usize) -> usize {
        (0..self.scopes.len())
            .rev()
            .find(|&i| self.scopes[i].parent == Some(parent))
            .unwrap_or(0)
    }

    fn fparts(&mut self, parts: &[FExpr]) -> SResult {
        for p in parts {
            if let FExpr::Field { value, spec, .. } = p {
                self.expr(value)?;
                if let Some(s) = spec {
                    self.fparts(s)?;
                }
            }
        }
        Ok(())
    }

    /// Decides cells and free variables.
    fn resolve(&mut self) {
        // `super` inside a method needs the class cell.
        for i in 0..self.scopes.len() {
            if self.scopes[i].kind == ScopeKind::Function && self.scopes[i].uses_super {
                let mut s = i;
                while let Some(p) = self.scopes[s].parent {
                    if self.scopes[p].kind == ScopeKind::Class {
                        self.scopes[i].used.insert("__class__".into());
                        if !self.scopes[p].cells.iter().any(|c| c == "__class__") {
                            self.scopes[p].cells.push("__class__".into());
                        }
                        break;
                    }
                    if self.scopes[p].kind == ScopeKind::Module {
                        break;
                    }
                    s = p;
                }
            }
        }
        for i in 0..self.scopes.len() {
            if self.scopes[i].kind == ScopeKind::Module {
                continue;
            }
            let mut names: Vec<String> = self.scopes[i].used.iter().cloned().collect();
            names.extend(self.scopes[i].nonlocals.iter().cloned());
            names.sort();
            names.dedup();
            for n in names {
                let s = &self.scopes[i];
                if s.globals.contains(&n) {
                    continue;
                }
                if s.kind == ScopeKind::Function && s.is_local(&n) {
                    continue;
                }
                if s.kind == ScopeKind::Class && !s.nonlocals.contains(&n) && n != "__class__" {
                    // Class bodies see enclosing functions' names too.
                    if s.assigned_set.contains(&n) {
                        continue;
                    }
                }
                // Find the binding function scope.
                let mut p = s.parent;
                let mut owner = None;
                while let Some(pi) = p {
                    let ps = &self.scopes[pi];
                    match ps.kind {
                        ScopeKind::Module => break,
                        ScopeKind::Class => {
                            if n == "__class__" && ps.cells.iter().any(|c| c == "__class__") {
                                owner = Some(pi);
                                break;
                            }
                        }
                        ScopeKind::Function => {
                            if ps.globals.contains(&n) {
                                break;
                            }
                            if ps.is_local(&n) {
                                owner = Some(pi);
                                break;
                            }
                        }
                    }
                    p = ps.parent;
                }
                let Some(o) = owner else { continue };
                if !self.scopes[o].cells.contains(&n) {
                    self.scopes[o].cells.push(n.clone());
                }
                // Every scope between i and o passes it through.
                let mut q = i;
                while q != o {
                    if !self.scopes[q].frees.contains(&n) {
                        self.scopes[q].frees.push(n.clone());
                    }
                    q = self.scopes[q].parent.unwrap_or(o);
                }
            }
        }
        // Sort frees in a stable order for deterministic closures.
        let _unused: HashMap<(), ()> = HashMap::new();
    }
}
