//! Variable annotations in module and class bodies (PEP 526): what CPython
//! does with `name: ann [= value]` there, as a rewrite of the syntax tree
//! before scopes are analysed.
//!
//! - the body starts by binding `__annotations__ = {}` when it has a simple
//!   annotated name anywhere in its statements (not in nested functions or
//!   classes, which have their own);
//! - `name: ann = value` becomes `name = value` then
//!   `__annotations__['name'] = ann`;
//! - other targets (`obj.attr: ann`, `seq[i]: ann`) store nothing (CPython
//!   evaluates the annotation and drops it; here it is not evaluated);
//! - an annotation whose evaluation raises is stored as its source text:
//!   programs CPython runs may use typing forms this runtime lacks;
//! - after `from __future__ import annotations` the annotation is not
//!   evaluated: its source text is stored instead (PEP 563).
//!
//! Function bodies keep their `AnnAssign` statements: there an annotation is
//! never evaluated, and the compiler only assigns the value.

use crate::ast::{Const, Expr, ExprKind, Handler, Stmt, StmtKind};

/// Rewrites the annotated assignments of a module's body and of every class
/// body in it. `src` is the module's source, for postponed annotations.
pub fn record(body: &mut Vec<Stmt>, src: &str) {
    let lines: Vec<&str> = src.lines().collect();
    let postponed = future_annotations(body);
    let rw = Rewriter {
        lines: &lines,
        postponed,
    };
    rw.scope_body(body);
}

/// Whether the module starts with `from __future__ import annotations`
/// (future imports may only follow the docstring).
fn future_annotations(body: &[Stmt]) -> bool {
    body[..leading_docstring_and_futures(body)].iter().any(|s| {
        matches!(&s.kind, StmtKind::ImportFrom(_, names, 0)
            if names.iter().any(|(n, _)| n == "annotations"))
    })
}

struct Rewriter<'a> {
    lines: &'a [&'a str],
    postponed: bool,
}

impl Rewriter<'_> {
    /// A module or class body: rewrites its statements and, if it stores
    /// any annotation, binds `__annotations__` first.
    fn scope_body(&self, body: &mut Vec<Stmt>) {
        let mut stores = false;
        self.stmts(body, &mut stores);
        if stores {
            let at = leading_docstring_and_futures(body);
            let line = body.get(at).map_or(1, |s| s.line);
            let empty = expr(ExprKind::Dict(Vec::new()), line);
            body.insert(
                at,
                Stmt {
                    kind: StmtKind::Assign(vec![name("__annotations__", line)], empty),
                    line,
                },
            );
        }
    }

    /// Rewrites `stmts` (one scope's statements, at any nesting of compound
    /// statements); sets `stores` when one stores into `__annotations__`.
    fn stmts(&self, stmts: &mut Vec<Stmt>, stores: &mut bool) {
        let old = std::mem::take(stmts);
        for mut s in old {
            match s.kind {
                StmtKind::AnnAssign(target, ann, value) => {
                    self.ann_assign(stmts, s.line, target, ann, value, stores)
                }
                _ => {
                    self.nested(&mut s.kind, stores);
                    stmts.push(s);
                }
            }
        }
    }

    /// The bodies inside one statement: compound statements continue this
    /// scope; a class starts its own; a function keeps its annotations.
    fn nested(&self, kind: &mut StmtKind, stores: &mut bool) {
        match kind {
            StmtKind::ClassDef { body, .. } => self.scope_body(body),
            StmtKind::FunctionDef { body, .. } => self.functions_classes(body),
            _ => each_body(kind, &mut |b| self.stmts(b, stores)),
        }
    }

    /// Inside a function: only the classes it defines have annotation
    /// dictionaries.
    fn functions_classes(&self, stmts: &mut [Stmt]) {
        for s in stmts {
            match &mut s.kind {
                StmtKind::ClassDef { body, .. } => self.scope_body(body),
                StmtKind::FunctionDef { body, .. } => self.functions_classes(body),
                kind => each_body(kind, &mut |b| self.functions_classes(b)),
            }
        }
    }

    /// `target: ann [= value]` in a module or class body, in CPython's
    /// order: the value, the store, then the annotation.
    fn ann_assign(
        &self,
        out: &mut Vec<Stmt>,
        line: u32,
        target: Expr,
        ann: Expr,
        value: Option<Expr>,
        stores: &mut bool,
    ) {
        let simple = match &target.kind {
            ExprKind::Name(n) => Some(n.clone()),
            _ => None,
        };
        if let Some(v) = value {
            out.push(Stmt {
                kind: StmtKind::Assign(vec![target], v),
                line,
            });
        }
        let ann = if self.postponed {
            let text = match &ann.kind {
                // CPython unparses a string annotation as its repr.
                ExprKind::Const(Const::Str(s)) => crate::objects::str_repr(s),
                _ => self.source_of(&ann),
            };
            expr(ExprKind::Const(Const::Str(text)), ann.line)
        } else {
            ann
        };
        match simple {
            Some(n) => {
                *stores = true;
                let slot = || {
                    let key = expr(ExprKind::Const(Const::Str(n.clone())), line);
                    expr(
                        ExprKind::Subscript(Box::new(name("__annotations__", line)), Box::new(key)),
                        line,
                    )
                };
                let store = Stmt {
                    kind: StmtKind::Assign(vec![slot()], ann.clone()),
                    line,
                };
                if self.postponed {
                    out.push(store);
                } else {
                    // Typing forms this runtime lacks must not stop a
                    // program CPython runs: such an annotation is kept as
                    // its source text.
                    let text = expr(ExprKind::Const(Const::Str(self.source_of(&ann))), line);
                    out.push(Stmt {
                        kind: StmtKind::Try {
                            body: vec![store],
                            handlers: vec![Handler {
                                typ: Some(name("Exception", line)),
                                name: None,
                                body: vec![Stmt {
                                    kind: StmtKind::Assign(vec![slot()], text),
                                    line,
                                }],
                                line,
                            }],
                            orelse: Vec::new(),
                            finalbody: Vec::new(),
                        },
                        line,
                    });
                }
            }
            // Other targets: CPython evaluates the annotation and keeps
            // nothing; unsupported typing forms are skipped as above.
            None => {}
        }
    }

    /// The source text of `e` (its span on the lines), for a postponed
    /// annotation.
    fn source_of(&self, e: &Expr) -> String {
        let (l0, c0) = (e.line as usize, e.col as usize);
        let (l1, c1) = (e.end.0 as usize, e.end.1 as usize);
        let line = |n: usize| self.lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
        let text = if l0 == l1 {
            line(l0).get(c0..c1).unwrap_or("").to_string()
        } else {
            let mut t = line(l0).get(c0..).unwrap_or("").to_string();
            for n in l0 + 1..l1 {
                t.push(' ');
                t.push_str(line(n).trim());
            }
            t.push(' ');
            t.push_str(line(l1).get(..c1).unwrap_or("").trim());
            t
        };
        text.trim().to_string()
    }
}

/// Where a body's first ordinary statement is: after its docstring and its
/// `from __future__` imports.
fn leading_docstring_and_futures(body: &[Stmt]) -> usize {
    let mut at = 0;
    if let Some(Stmt {
        kind:
            StmtKind::Expr(Expr {
                kind: ExprKind::Const(Const::Str(_)),
                ..
            }),
        ..
    }) = body.first()
    {
        at = 1;
    }
    while let Some(Stmt {
        kind: StmtKind::ImportFrom(m, _, 0),
        ..
    }) = body.get(at)
    {
        if m != "__future__" {
            break;
        }
        at += 1;
    }
    at
}

/// Calls `f` on each statement list of a compound statement (`if`, `while`,
/// `for`, `with`, `try`), which belong to the enclosing scope.
fn each_body(kind: &mut StmtKind, f: &mut dyn FnMut(&mut Vec<Stmt>)) {
    match kind {
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) | StmtKind::For(_, _, a, b) => {
            f(a);
            f(b);
        }
        StmtKind::With(_, body) => f(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            f(body);
            for h in handlers {
                f(&mut h.body);
            }
            f(orelse);
            f(finalbody);
        }
        _ => {}
    }
}

fn expr(kind: ExprKind, line: u32) -> Expr {
    Expr {
        kind,
        line,
        col: 0,
        end: (line, 0),
    }
}

fn name(n: &str, line: u32) -> Expr {
    expr(ExprKind::Name(n.to_string()), line)
}
