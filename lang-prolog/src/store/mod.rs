//! The term-store engine (opt-in: `POLYVM_PL_ENGINE=store`).
//!
//! A query's terms live in one vector of tagged words ([`words`]), not as
//! heap objects: a variable is a word, a compound a functor word followed
//! by its arguments, and backtracking frees everything a failed branch
//! built by truncating the vector. Clauses are compiled to templates and a
//! short instruction array ([`compile`]) run by a loop ([`run`],
//! [`machine`]) with frames and choicepoints on their own stacks.
//!
//! How it is used: the older engine consults the program (directives,
//! load warnings, `initialization/1` run there as before). Then the goal
//! (`-g GOAL`) runs here: every user and library predicate is compiled
//! from the stored clause sources, and builtins run natively
//! ([`builtins`]) or through a bridge to the older engine's builtins on
//! heap copies of their arguments. When a predicate reachable from the
//! goal calls something this engine cannot run (see the README), the goal
//! runs on the default engine instead (a note on stderr when `POLYVM_LOG`
//! includes `store`, which also notes each goal this engine runs).

pub mod arith;
pub mod atoms;
pub mod builtins;
pub mod compile;
pub mod machine;
pub mod output;
pub mod run;
pub mod terms;
pub mod text;
pub mod words;

use std::rc::Rc;

use vm_core::{heap, Value};

use crate::machine::{
    Eng, C_BODY, C_ERASED, C_HEAD, C_NVARS, MS_PREDS, P_ARITY, P_CLAUSES, P_DEFINED, P_DYNAMIC,
    P_NAME,
};
use crate::store::atoms::ids;
use crate::store::compile::{tvar, Clause, Compiler, Ins, Tm};
use crate::store::machine::{Alt, Mach, Outcome};
use crate::store::terms::Boxed;
use crate::store::words::*;
use crate::terms::{view, T};

/// Whether `POLYVM_PL_ENGINE=store` asks for this engine.
pub fn enabled_by_env() -> bool {
    std::env::var("POLYVM_PL_ENGINE").is_ok_and(|v| v == "store")
}

fn log(msg: &str) {
    if std::env::var("POLYVM_LOG").is_ok_and(|v| v.split(',').any(|x| x == "store")) {
        eprintln!("[store] {msg}");
    }
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// A heap clause template as a clause source.
    fn heap_tm(&mut self, v: Value<'gc>) -> Tm {
        match view(v) {
            T::TVar(n) => Tm::Var(n),
            T::Atom(a) => Tm::Atomic(atom(self.atoms.intern(a))),
            T::Nil => Tm::Atomic(NIL),
            T::Int(i) => match int(i) {
                Some(w) => Tm::Atomic(w),
                None => Tm::Atomic(self.pboxed(Boxed::B(i.into()))),
            },
            T::Big(b) => Tm::Atomic(self.pboxed(Boxed::B(b.clone()))),
            T::Float(f) => Tm::Atomic(self.pboxed(Boxed::F(f))),
            T::Str(s) => Tm::Atomic(self.pboxed(Boxed::S(s.into()))),
            T::Compound(n, a) => {
                let id = self.atoms.intern(n);
                Tm::Cmp(id, a.iter().map(|x| self.heap_tm(*x)).collect())
            }
            T::Var => Tm::Embed(self.s.new_var()),
            T::Other => Tm::Atomic(NIL),
        }
    }

    /// Compiles the older engine's user and library predicates; the ids of
    /// the predicates with a goal this engine cannot run.
    fn load(&mut self) -> Vec<bool> {
        let preds = self.e.get(MS_PREDS);
        let n = heap::list_len(preds);
        let mut recs = Vec::new();
        for k in 0..n {
            let p = heap::list_get(preds, k as i64);
            let name = crate::terms::atom_text(heap::get_field(p, P_NAME)).unwrap_or("");
            let arity = match heap::get_field(p, P_ARITY) {
                Value::Int(i) => i as usize,
                _ => 0,
            };
            let id = self.atoms.intern(name);
            let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
            let defined = matches!(heap::get_field(p, P_DEFINED), Value::Bool(true));
            if self.pred_ix.contains_key(&(id, arity)) {
                continue;
            }
            let pid = self.new_pred(id, arity, dynamic, defined);
            recs.push((pid, p));
        }
        self.special_clauses();
        let mut bad = vec![false; self.preds.len()];
        for (pid, p) in recs {
            let list = heap::get_field(p, P_CLAUSES);
            let mut ids_ = Vec::new();
            for c in heap::list_items(list) {
                if matches!(heap::get_field(c, C_ERASED), Value::Bool(true)) {
                    continue;
                }
                let head = heap::get_field(c, C_HEAD);
                let body = heap::get_field(c, C_BODY);
                let nv = match heap::get_field(c, C_NVARS) {
                    Value::Int(i) => i as usize,
                    _ => 0,
                };
                let h: Vec<Tm> = crate::terms::args(head)
                    .iter()
                    .map(|x| self.heap_tm(*x))
                    .collect();
                let b = if matches!(body, Value::None) {
                    Tm::Atomic(atom(ids::TRUE))
                } else {
                    self.heap_tm(body)
                };
                let (mut cl, uns) = Compiler::clause(self, &h, &b, nv);
                if uns {
                    if bad.len() <= pid as usize {
                        bad.resize(pid as usize + 1, false);
                    }
                    bad[pid as usize] = true;
                }
                cl.id = self.clauses.len() as u32;
                ids_.push(cl.id);
                self.clauses.push(Rc::new(cl));
            }
            self.preds[pid as usize].clauses = Rc::new(ids_);
        }
        bad.resize(self.preds.len(), false);
        bad
    }

    /// catch/3 and findall/3 as hand-written clauses.
    fn special_clauses(&mut self) {
        let catch = self.atoms.intern("catch");
        let p = self.new_pred(catch, 3, false, true);
        let c = Clause {
            nslots: 4,
            head: vec![tvar(0), tvar(1), tvar(2)],
            body: atom(ids::TRUE),
            roots: vec![tvar(0)],
            code: vec![
                Ins::CatchEnter,
                Ins::CallN {
                    args: 0,
                    n: 1,
                    tail: false,
                },
                Ins::CatchExit,
                Ins::Proceed,
            ],
            id: self.clauses.len() as u32,
            ..Default::default()
        };
        self.catch_cid = c.id;
        self.clauses.push(Rc::new(c));
        self.preds[p as usize].clauses = Rc::new(vec![self.catch_cid]);
        let findall = self.atoms.intern("findall");
        let p = self.new_pred(findall, 3, false, true);
        let c = Clause {
            nslots: 4,
            head: vec![tvar(0), tvar(1), tvar(2)],
            body: atom(ids::TRUE),
            roots: vec![tvar(1), tvar(0), tvar(2)],
            code: vec![
                Ins::FaStart(3),
                Ins::TryElse(5),
                Ins::CallN {
                    args: 0,
                    n: 1,
                    tail: false,
                },
                Ins::FaAdd { s: 3, args: 1 },
                Ins::Fail,
                Ins::FaEnd { s: 3, args: 2 },
                Ins::Proceed,
            ],
            id: self.clauses.len() as u32,
            ..Default::default()
        };
        let id = c.id;
        self.clauses.push(Rc::new(c));
        self.preds[p as usize].clauses = Rc::new(vec![id]);
    }

    /// Predicates reachable from clause `c` (through calls the compiler
    /// resolved; call/N targets are known only at run time).
    fn reaches_bad(&self, c: &Clause, bad: &[bool]) -> Option<String> {
        let mut seen = vec![false; self.preds.len()];
        let mut work: Vec<u32> = Vec::new();
        let scan = |c: &Clause, work: &mut Vec<u32>| -> Option<String> {
            for i in &c.code {
                match *i {
                    Ins::Call { pred, .. } | Ins::Exec { pred, .. } => work.push(pred),
                    Ins::Unsupported { name, arity } => {
                        return Some(format!("{}/{}", self.atoms.name(name), arity))
                    }
                    _ => {}
                }
            }
            None
        };
        if let Some(m) = scan(c, &mut work) {
            return Some(m);
        }
        while let Some(p) = work.pop() {
            if seen[p as usize] {
                continue;
            }
            seen[p as usize] = true;
            if bad.get(p as usize).copied().unwrap_or(false) {
                for &c in self.preds[p as usize].clauses.iter() {
                    if let Some(m) = scan(&self.clauses[c as usize], &mut Vec::new()) {
                        return Some(m);
                    }
                }
            }
            for &c in self.preds[p as usize].clauses.iter() {
                let _ = scan(&self.clauses[c as usize], &mut work);
            }
        }
        None
    }
}

/// `'$store_run'(Goal, Result)`: runs `Goal` once on this engine. Result:
/// `true`, `false`, `error(Ball)`, `halt(Code)`, or `unsupported` (the
/// caller runs the goal on the default engine).
pub fn store_run<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> crate::machine::PResult<'gc, bool> {
    let mut m = Mach::new(e);
    let bad = m.load();
    // the goal as the body of a clause with no head
    let goal = m.from_heap(a[0], &mut Vec::new());
    let tm = goal_tm_of(&m, goal);
    let (mut c, uns) = Compiler::clause(&mut m, &[], &tm, 0);
    let culprit = if uns {
        Some("the goal".to_string())
    } else {
        m.reaches_bad(&c, &bad)
    };
    let result = if let Some(what) = culprit {
        log(&format!("falls back to the default engine: {what}"));
        e.atom("unsupported")
    } else {
        log("runs the goal");
        c.id = m.clauses.len() as u32;
        let c = Rc::new(c);
        m.clauses.push(c.clone());
        m.push_cp(Alt::Stop, 0, 0);
        m.fe = 0;
        m.cpr = machine::STOP;
        if !m.alloc_frame_pub(c.nslots as usize, 1) {
            return Ok(false);
        }
        match m.run(c, 0) {
            Outcome::True => e.atom("true"),
            Outcome::False => e.atom("false"),
            Outcome::Error(v) => e.compound("error", vec![v]),
            Outcome::Halt(n) => e.compound("halt", vec![Value::Int(n as i64)]),
        }
    };
    Ok(e.unify(a[1], result))
}

fn goal_tm_of(m: &Mach<'_, '_, '_>, w: Word) -> Tm {
    // the query's variables are store variables: embed them
    let d = m.s.deref(w);
    match tag(d) {
        ATOM | INT => Tm::Atomic(d),
        STR | LIS => {
            let (f, n) = m.functor_of(d).unwrap();
            let control = matches!(
                (f, n),
                (ids::COMMA, 2)
                    | (ids::SEMI, 2)
                    | (ids::ARROW, 2)
                    | (ids::SOFT, 2)
                    | (ids::NOT, 1)
                    | (ids::BAR, 2)
            );
            Tm::Cmp(
                f,
                (0..n)
                    .map(|k| {
                        let x = m.arg_of(d, k);
                        if control {
                            goal_tm_of(m, x)
                        } else {
                            Tm::Embed(x)
                        }
                    })
                    .collect(),
            )
        }
        _ => Tm::Embed(d),
    }
}
