//! The clause compiler: a clause becomes templates plus a short instruction
//! array.
//!
//! **Templates instead of WAM get/unify instructions.** A head argument or a
//! body goal argument is one template: words laid out like the store's
//! (compounds in place, `STR`/`LIS` indices relative to the clause's
//! template array) plus `TPL` words for clause variables and embedded
//! store words. Head unification walks a template against a store word;
//! building an argument copies a template into the store. A clause variable
//! lives in a slot of the clause's environment frame; the slot holds 0
//! until the variable's first occurrence runs, which is how "first
//! occurrence" (the WAM's get_variable / put_variable) is decided at run
//! time instead of by a compile-time analysis. That decision is right on
//! every path through `;`, `->` and `\+` (a slot first written after a
//! choicepoint is trailed, so backtracking resets it), at the price of one
//! compare per occurrence. It keeps the instruction set small (one
//! instruction per goal) while keeping the WAM's memory behaviour: a
//! variable first bound by head matching or `is/2` never gets a store cell,
//! and a first occurrence inside a built compound is the cell itself.
//!
//! **Goals compiled by shape.** A few goals get their own instructions
//! instead of a builtin call: the head match of an SSU rule as
//! `crate::ssu` translates it (`SsuHead`, with the pattern's first
//! argument as the clause key), `$Goal` (`'$det_call'/1`: `DetEnter` and
//! `DetExit`), `is/2` of `+`, `-`, `*`, `//`, `mod`, `rem` and the
//! arithmetic comparisons on variables and small integers (`Arith`), and
//! conditions of `->`, `*->` and `\+` made
//! of tests only (`TestElse`: a failed test jumps, no choicepoint; a test
//! binds nothing, so nothing needs undoing). Each falls back to the
//! general path for anything unusual, so results and errors are those of
//! the builtins.

use crate::store::atoms::ids;
use crate::store::words::*;

/// A clause variable's template word (slot `s`).
#[inline(always)]
pub fn tvar(s: usize) -> Word {
    mk(TPL, s << 1)
}

/// An embedded store word's template word (entry `k` of `consts`).
#[inline(always)]
pub fn tconst(k: usize) -> Word {
    mk(TPL, (k << 1) | 1)
}

/// A clause source term, before it becomes templates.
#[derive(Clone, Debug)]
pub enum Tm {
    /// Clause variable `n`.
    Var(usize),
    /// An atomic word (`ATOM`, `INT`, permanent `BOX`).
    Atomic(Word),
    /// A store word embedded as is (a term of the running query, in goals
    /// compiled for `call/N`).
    Embed(Word),
    /// A compound: name and arguments (`'[|]'/2` becomes a list cell).
    Cmp(u32, Vec<Tm>),
}

/// Native builtins (run on store words, no conversion).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Nat {
    Unify,
    NotUnify,
    Eq,
    NotEq,
    Var,
    NonVar,
    Atom,
    Number,
    Integer,
    Float,
    Atomic,
    Compound,
    Callable,
    IsList,
    Is,
    Lt,
    Gt,
    Le,
    Ge,
    AEq,
    ANe,
    Compare,
    TLt,
    TGt,
    TLe,
    TGe,
    Functor,
    Arg,
    Univ,
    CopyTerm,
    Throw,
    Halt0,
    Halt1,
    Assertz,
    Asserta,
    Retractall,
    Sort,
    MSort,
    KeySort,
    /// A text or output builtin (`store::text`, `store::output`).
    Text(crate::store::text::Op),
    /// The head match of an SSU rule (`store::ssu`).
    SsuMatch,
}

/// Small-integer arithmetic compiled inline (`Ins::Arith`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AOp {
    /// `X is A + B`.
    Add,
    /// `X is A - B`.
    Sub,
    /// `X is A * B`.
    Mul,
    /// `X is A // B` (truncating, SWI's default `integer_rounding_function`).
    IDiv,
    /// `X is A mod B` (the sign of B).
    Mod,
    /// `X is A rem B` (the sign of A).
    Rem,
    Lt,
    Gt,
    Le,
    Ge,
    /// `=:=`.
    Eq,
    /// `=\=`.
    Ne,
}

impl AOp {
    /// The builtin that runs the goal when an operand is not a small
    /// integer (or the result overflows).
    pub fn nat(self) -> Nat {
        match self {
            AOp::Add | AOp::Sub | AOp::Mul | AOp::IDiv | AOp::Mod | AOp::Rem => Nat::Is,
            AOp::Lt => Nat::Lt,
            AOp::Gt => Nat::Gt,
            AOp::Le => Nat::Le,
            AOp::Ge => Nat::Ge,
            AOp::Eq => Nat::AEq,
            AOp::Ne => Nat::ANe,
        }
    }

    /// The inline form of an arithmetic comparison builtin.
    #[inline(always)]
    pub fn of_cmp(op: Nat) -> Option<AOp> {
        Some(match op {
            Nat::Lt => AOp::Lt,
            Nat::Gt => AOp::Gt,
            Nat::Le => AOp::Le,
            Nat::Ge => AOp::Ge,
            Nat::AEq => AOp::Eq,
            Nat::ANe => AOp::Ne,
            _ => return None,
        })
    }
}

/// One instruction. `args` index the clause's `roots` (one template root
/// word per argument).
#[derive(Copy, Clone, Debug)]
pub enum Ins {
    /// Call predicate `pred`; continue with the next instruction.
    Call { pred: u32, args: u32 },
    /// Last call: pop the frame, then call `pred`.
    Exec { pred: u32, args: u32 },
    /// `call/N` (`n` roots: goal then extra arguments).
    CallN { args: u32, n: u32, tail: bool },
    /// Return to the continuation (pops the frame).
    Proceed,
    /// A native builtin.
    Bi { op: Nat, args: u32 },
    /// A deterministic builtin of the older engine, through the bridge.
    Det { f: u32, args: u32, n: u32 },
    /// A nondeterministic builtin of the older engine, through the bridge.
    NonDet { f: u32, args: u32, n: u32 },
    /// `between/3`.
    Between { args: u32 },
    /// `repeat/0`.
    Repeat,
    /// `!` to the predicate's cut barrier.
    Cut,
    /// Cut to the choicepoint height saved in slot `s`.
    CutTo(u32),
    /// Save the choicepoint height in slot `s`.
    SaveB(u32),
    /// `*->`: disable the choicepoint at the height saved in slot `s`.
    SoftCut(u32),
    /// Push a choicepoint that resumes at `pc`.
    TryElse(u32),
    /// Jump.
    Jump(u32),
    /// Fail.
    Fail,
    /// catch/3 support: push the catch choicepoint, its index in slot 3.
    CatchEnter,
    /// catch/3 support: G exited; drop the catch choicepoint if on top.
    CatchExit,
    /// findall/3 support: open a bag (its index in slot `s`).
    FaStart(u32),
    /// findall/3 support: add a copy of root `args` to bag in slot `s`.
    FaAdd { s: u32, args: u32 },
    /// findall/3 support: close the bag, unify the list with root `args`.
    FaEnd { s: u32, args: u32 },
    /// clause/2, retract/1 (`retract`: remove the clause found).
    ClauseIter { args: u32, retract: bool },
    /// A goal this engine cannot run (name and arity of the culprit).
    Unsupported { name: u32, arity: u32 },
    /// The head match of an SSU rule (`Head => Body`): the templates at
    /// roots `args..args + n` must subsume argument registers `0..n`
    /// (`store::ssu`); binds only the pattern's variables.
    SsuHead { args: u32, n: u32 },
    /// Arithmetic whose operands are variables or small integers: for
    /// `X is A op B` roots `args..` are `X`, `A op B`, `A`, `B`; for a
    /// comparison `A`, `B`. Anything but two small integers (and an
    /// overflow) runs the builtin `op.nat()` on the first two roots.
    Arith { op: AOp, args: u32 },
    /// A test of an if-then-else condition or of `\+` (a builtin that
    /// never binds): continue if it succeeds, go to `to` if it fails. No
    /// choicepoint.
    TestElse { op: Nat, args: u32, to: u32 },
    /// `$Goal` starts: save the choicepoint height `h` in slot `s` and
    /// `h + 1` (Goal's cut barrier) in slot `s + 1`, then push a
    /// choicepoint that resumes at `to` (Goal failed: the handler throws).
    DetEnter { s: u32, to: u32 },
    /// `$Goal` exited: if choicepoints newer than the height saved in slot
    /// `s + 1` remain, throw the term built from root `args` (the
    /// determinism error); otherwise cut back to the height in slot `s`.
    DetExit { s: u32, args: u32 },
}

/// A compiled clause.
#[derive(Clone, Default)]
pub struct Clause {
    /// Frame slots (clause variables plus saved choicepoint heights).
    pub nslots: u32,
    /// Template root of each head argument.
    pub head: Vec<Word>,
    /// Template root of the body (for `clause/2`, `retract/1`).
    pub body: Word,
    /// Template words.
    pub tpl: Vec<Word>,
    /// Embedded store words (`TPL` constants).
    pub consts: Vec<Word>,
    /// Template roots of goal arguments.
    pub roots: Vec<Word>,
    /// The code.
    pub code: Vec<Ins>,
    /// First-argument key (0: matches anything).
    pub key: Word,
    /// Its id (`machine::TEMP` set for call/N clauses).
    pub id: u32,
}

/// The key of a list cell for first-argument selection.
pub const LIS_KEY: Word = LIS | (1 << 3);

/// The first-argument key of a head argument (0: matches anything).
fn key_of(t: Option<&Tm>) -> Word {
    match t {
        Some(Tm::Atomic(w)) if tag(*w) != BOX => *w,
        Some(Tm::Cmp(f, a)) if *f == ids::DOT && a.len() == 2 => LIS_KEY,
        Some(Tm::Cmp(f, a)) => fun(*f, a.len()),
        _ => 0,
    }
}

/// Builtins that only test their arguments: they never bind a variable
/// and leave no choicepoint.
fn is_test(op: Nat) -> bool {
    use Nat::*;
    matches!(
        op,
        Eq | NotEq
            | Var
            | NonVar
            | Atom
            | Number
            | Integer
            | Float
            | Atomic
            | Compound
            | Callable
            | IsList
            | Lt
            | Gt
            | Le
            | Ge
            | AEq
            | ANe
            | TLt
            | TGt
            | TLe
            | TGe
    )
}

/// An SSU rule as `crate::ssu` translates it, `p(V1..Vn) :-
/// '$ssu_match'(p(A1..An), p(V1..Vn)), Rest` with distinct `Vi`: the
/// pattern's arguments `A1..An` and `Rest`.
fn ssu_rule<'t>(head: &[Tm], body: &'t Tm, ssu: u32) -> Option<(&'t [Tm], &'t Tm)> {
    let Tm::Cmp(ids::COMMA, conj) = body else {
        return None;
    };
    let [Tm::Cmp(m, ma), rest] = conj.as_slice() else {
        return None;
    };
    let [Tm::Cmp(pf, pat), Tm::Cmp(cf, call)] = ma.as_slice() else {
        return None;
    };
    if *m != ssu || pf != cf || pat.len() != head.len() || call.len() != head.len() {
        return None;
    }
    for (k, (h, c)) in head.iter().zip(call).enumerate() {
        let (Tm::Var(x), Tm::Var(y)) = (h, c) else {
            return None;
        };
        if x != y || head[..k].iter().any(|p| matches!(p, Tm::Var(z) if z == x)) {
            return None;
        }
    }
    Some((pat.as_slice(), rest))
}

/// Where a goal's `!` cuts to.
#[derive(Copy, Clone)]
enum CutTo {
    Clause,
    Slot(u32),
}

/// What the compiler needs to know of the program.
pub trait Resolve {
    /// How to call `name/arity`.
    fn resolve(&mut self, name: u32, arity: usize) -> Target;
    /// The atom id of a name.
    fn intern(&mut self, name: &str) -> u32;
    /// Whether `name/arity` is a builtin this engine cannot run.
    fn unsupported(&mut self, name: u32, arity: usize) -> bool;
}

/// How a goal is called.
pub enum Target {
    /// A user (or library) predicate.
    Pred(u32),
    /// A native builtin.
    Nat(Nat),
    /// Bridged deterministic builtin.
    Det(u32),
    /// Bridged nondeterministic builtin.
    NonDet(u32),
    /// between/3.
    Between,
    /// repeat/0.
    Repeat,
    /// clause/2 or retract/1.
    ClauseIter(bool),
    /// Not supported by this engine.
    Unsupported,
}

/// Compiles clauses.
pub struct Compiler<'r, R: Resolve> {
    r: &'r mut R,
    c: Clause,
    /// The clause's predicate (name, arity), for error contexts.
    pred: Option<(u32, usize)>,
    /// How often each clause variable occurs (SWI shows a variable that
    /// occurs once as a fresh one in a `$Goal` error).
    occurs: Vec<u32>,
    /// Code that runs only on an error path, laid out after the clause's
    /// `Proceed`: the instructions to patch with its address, and the
    /// instruction itself.
    cold: Vec<(Vec<usize>, Ins)>,
    /// Whether some goal could not be compiled.
    pub unsupported: bool,
}

impl<'r, R: Resolve> Compiler<'r, R> {
    /// Compiles `head :- body` (head arguments given), with `nvars` variables.
    pub fn clause(r: &'r mut R, head: &[Tm], body: &Tm, nvars: usize) -> (Clause, bool) {
        Self::clause_of(r, None, head, body, nvars)
    }

    /// [`Compiler::clause`] for a clause of predicate `pred` (name,
    /// arity), which errors raised by its `$Goal`s name as SWI does.
    pub fn clause_of(
        r: &'r mut R,
        pred: Option<(u32, usize)>,
        head: &[Tm],
        body: &Tm,
        nvars: usize,
    ) -> (Clause, bool) {
        let mut occurs = vec![0u32; nvars];
        let mut work: Vec<&Tm> = head.iter().chain([body]).collect();
        while let Some(t) = work.pop() {
            match t {
                Tm::Var(n) if *n < nvars => occurs[*n] += 1,
                Tm::Cmp(_, a) => work.extend(a.iter()),
                _ => {}
            }
        }
        let mut k = Compiler {
            r,
            c: Clause {
                nslots: nvars as u32,
                ..Default::default()
            },
            pred,
            occurs,
            cold: Vec::new(),
            unsupported: false,
        };
        for h in head {
            let w = k.tpl(h);
            k.c.head.push(w);
        }
        k.c.body = k.tpl(body);
        let ssu = k.r.intern("$ssu_match");
        match ssu_rule(head, body, ssu) {
            Some((pat, rest)) => {
                // an SSU rule never binds a call argument to its pattern,
                // so the pattern's first argument is a safe clause key
                k.c.key = key_of(pat.first());
                let a = k.roots(pat);
                k.emit(Ins::SsuHead {
                    args: a,
                    n: pat.len() as u32,
                });
                k.body(rest, true, CutTo::Clause);
            }
            None => {
                k.c.key = key_of(head.first());
                k.body(body, true, CutTo::Clause);
            }
        }
        k.c.code.push(Ins::Proceed);
        for (fix, ins) in std::mem::take(&mut k.cold) {
            let h = k.here();
            for at in fix {
                k.patch(at, h);
            }
            k.c.code.push(ins);
        }
        // a goal this engine cannot run may also hide in a meta-argument
        // (catch/3, findall/3, call/N): any term of the body naming one
        // marks the clause (after Proceed, never executed)
        k.scan(body);
        let u = k.unsupported;
        (k.c, u)
    }

    fn scan(&mut self, t: &Tm) {
        let mut work = vec![t];
        while let Some(t) = work.pop() {
            let (name, n) = match t {
                Tm::Atomic(w) if tag(*w) == ATOM => (atom_id(*w), 0),
                Tm::Cmp(f, a) => {
                    work.extend(a.iter());
                    (*f, a.len())
                }
                _ => continue,
            };
            if self.r.unsupported(name, n) {
                self.unsupported = true;
                self.c.code.push(Ins::Unsupported {
                    name,
                    arity: n as u32,
                });
                return;
            }
        }
    }

    fn slot(&mut self) -> u32 {
        self.c.nslots += 1;
        self.c.nslots - 1
    }

    /// Lays out a term as template words; its root word.
    fn tpl(&mut self, t: &Tm) -> Word {
        match t {
            Tm::Var(n) => tvar(*n),
            Tm::Atomic(w) => *w,
            Tm::Embed(w) => {
                self.c.consts.push(*w);
                tconst(self.c.consts.len() - 1)
            }
            Tm::Cmp(f, a) if *f == ids::DOT && a.len() == 2 => {
                let base = self.c.tpl.len();
                self.c.tpl.extend([NIL, NIL]);
                for (k, x) in a.iter().enumerate() {
                    let w = self.tpl(x);
                    self.c.tpl[base + k] = w;
                }
                mk(LIS, base)
            }
            Tm::Cmp(f, a) => {
                let base = self.c.tpl.len();
                self.c.tpl.push(fun(*f, a.len()));
                self.c.tpl.resize(base + 1 + a.len(), NIL);
                for (k, x) in a.iter().enumerate() {
                    let w = self.tpl(x);
                    self.c.tpl[base + 1 + k] = w;
                }
                mk(STR, base)
            }
        }
    }

    fn roots(&mut self, args: &[Tm]) -> u32 {
        let ws: Vec<Word> = args.iter().map(|a| self.tpl(a)).collect();
        let at = self.c.roots.len() as u32;
        self.c.roots.extend(ws);
        at
    }

    fn emit(&mut self, i: Ins) -> usize {
        self.c.code.push(i);
        self.c.code.len() - 1
    }

    fn here(&self) -> u32 {
        self.c.code.len() as u32
    }

    fn patch(&mut self, at: usize, to: u32) {
        match &mut self.c.code[at] {
            Ins::TryElse(l)
            | Ins::Jump(l)
            | Ins::TestElse { to: l, .. }
            | Ins::DetEnter { to: l, .. } => *l = to,
            _ => {}
        }
    }

    fn body(&mut self, g: &Tm, tail: bool, cut: CutTo) {
        let (name, args): (u32, &[Tm]) = match g {
            Tm::Var(_) | Tm::Embed(_) => {
                let a = self.roots(std::slice::from_ref(g));
                self.emit(Ins::CallN {
                    args: a,
                    n: 1,
                    tail,
                });
                return;
            }
            Tm::Atomic(w) if tag(*w) == ATOM => (atom_id(*w), &[]),
            Tm::Atomic(w) => {
                // a number as a goal: type_error(callable, N) at run time
                let a = self.roots(&[Tm::Atomic(*w)]);
                self.emit(Ins::CallN {
                    args: a,
                    n: 1,
                    tail,
                });
                return;
            }
            Tm::Cmp(f, a) => (*f, a.as_slice()),
        };
        match (name, args) {
            (ids::TRUE, []) | (ids::OTHERWISE, []) => {}
            (ids::FAIL, []) | (ids::FALSE, []) => {
                self.emit(Ins::Fail);
            }
            (ids::CUT, []) => {
                self.emit(match cut {
                    CutTo::Clause => Ins::Cut,
                    CutTo::Slot(s) => Ins::CutTo(s),
                });
            }
            (ids::COLON, [_, g]) => self.body(g, tail, cut),
            (ids::COMMA, [a, b]) => {
                self.body(a, false, cut);
                self.body(b, tail, cut);
            }
            (ids::SEMI, [c, e]) | (ids::BAR, [c, e]) => match c {
                Tm::Cmp(ids::ARROW, ct) if ct.len() == 2 => {
                    self.ite(&ct[0], &ct[1], Some(e), tail, cut, false)
                }
                Tm::Cmp(ids::SOFT, ct) if ct.len() == 2 => {
                    self.ite(&ct[0], &ct[1], Some(e), tail, cut, true)
                }
                _ => {
                    let t = self.emit(Ins::TryElse(0));
                    self.body(c, tail, cut);
                    let j = self.emit(Ins::Jump(0));
                    let h = self.here();
                    self.patch(t, h);
                    self.body(e, tail, cut);
                    let h = self.here();
                    self.patch(j, h);
                }
            },
            (ids::ARROW, [c, t]) => self.ite(c, t, None, tail, cut, false),
            (ids::SOFT, [c, t]) => self.ite(c, t, None, tail, cut, true),
            (ids::NOT, [x]) | (ids::NOT2, [x]) => {
                if let Some(tests) = self.tests(x) {
                    // fails when every test succeeds
                    let fix = self.emit_tests(&tests);
                    self.emit(Ins::Fail);
                    let h = self.here();
                    for f in fix {
                        self.patch(f, h);
                    }
                    return;
                }
                let s = self.slot();
                self.emit(Ins::SaveB(s));
                let t = self.emit(Ins::TryElse(0));
                let s2 = self.slot();
                self.emit(Ins::SaveB(s2));
                self.body(x, false, CutTo::Slot(s2));
                self.emit(Ins::CutTo(s));
                self.emit(Ins::Fail);
                let h = self.here();
                self.patch(t, h);
            }
            (ids::CALL, [_, ..]) => {
                let a = self.roots(args);
                self.emit(Ins::CallN {
                    args: a,
                    n: args.len() as u32,
                    tail,
                });
            }
            _ => {
                let fa = self.r.intern("forall");
                let once = self.r.intern("once");
                let ignore = self.r.intern("ignore");
                if name == fa && args.len() == 2 {
                    let inner = Tm::Cmp(ids::NOT, vec![args[1].clone()]);
                    let g = Tm::Cmp(
                        ids::NOT,
                        vec![Tm::Cmp(ids::COMMA, vec![args[0].clone(), inner])],
                    );
                    return self.body(&g, tail, cut);
                }
                if name == once && args.len() == 1 {
                    return self.ite(
                        &args[0],
                        &Tm::Atomic(atom(ids::TRUE)),
                        None,
                        tail,
                        cut,
                        false,
                    );
                }
                if name == ignore && args.len() == 1 {
                    let t = Tm::Atomic(atom(ids::TRUE));
                    return self.ite(&args[0], &t, Some(&t), tail, cut, false);
                }
                if args.len() == 1 && name == self.r.intern("$det_call") {
                    return self.det_call(&args[0]);
                }
                self.goal(name, args, tail)
            }
        }
    }

    /// The goals of a condition made only of tests (builtins that never
    /// bind and leave no choicepoint), if it is one.
    fn tests<'t>(&mut self, c: &'t Tm) -> Option<Vec<(Nat, &'t [Tm])>> {
        let mut out = Vec::new();
        let mut work = vec![c];
        while let Some(g) = work.pop() {
            let Tm::Cmp(f, a) = g else {
                match g {
                    Tm::Atomic(w) if *w == atom(ids::TRUE) => continue,
                    _ => return None,
                }
            };
            if *f == ids::COMMA && a.len() == 2 {
                work.push(&a[1]);
                work.push(&a[0]);
                continue;
            }
            if !(1..=2).contains(&a.len()) || *f == ids::CALL || *f == ids::COLON {
                return None;
            }
            match self.r.resolve(*f, a.len()) {
                Target::Nat(op) if is_test(op) => out.push((op, a.as_slice())),
                _ => return None,
            }
        }
        Some(out)
    }

    /// Emits `TestElse` for each test; the instructions to patch with the
    /// failure label.
    fn emit_tests(&mut self, tests: &[(Nat, &[Tm])]) -> Vec<usize> {
        let mut fix = Vec::new();
        for (op, args) in tests {
            let a = self.roots(args);
            fix.push(self.emit(Ins::TestElse {
                op: *op,
                args: a,
                to: 0,
            }));
        }
        fix
    }

    fn ite(&mut self, c: &Tm, t: &Tm, e: Option<&Tm>, tail: bool, cut: CutTo, soft: bool) {
        if let Some(tests) = self.tests(c) {
            // a condition of tests: no choicepoint, a failed test jumps
            // to the else branch
            let fix = self.emit_tests(&tests);
            self.then_else(t, e, &fix, tail, cut);
            return;
        }
        let s = self.slot();
        self.emit(Ins::SaveB(s));
        let te = self.emit(Ins::TryElse(0));
        let s2 = self.slot();
        self.emit(Ins::SaveB(s2));
        self.body(c, false, CutTo::Slot(s2));
        self.emit(if soft { Ins::SoftCut(s) } else { Ins::CutTo(s) });
        self.then_else(t, e, &[te], tail, cut);
    }

    /// The then branch, a jump over the else branch (`Fail` when there is
    /// none), which the jumps at `to_else` are patched to reach.
    fn then_else(&mut self, t: &Tm, e: Option<&Tm>, to_else: &[usize], tail: bool, cut: CutTo) {
        self.body(t, tail, cut);
        let j = self.emit(Ins::Jump(0));
        let h = self.here();
        for &f in to_else {
            self.patch(f, h);
        }
        match e {
            Some(e) => self.body(e, tail, cut),
            None => {
                self.emit(Ins::Fail);
            }
        }
        let h = self.here();
        self.patch(j, h);
    }

    /// `$Goal` (`'$det_call'(Goal)` after `crate::ssu::det_markers`):
    /// Goal runs opaque to cut; SWI's `determinism_error(Goal, det, fail,
    /// goal)` if it fails, `determinism_error(Goal, det, nondet, goal)` if
    /// it exits leaving a choicepoint, with `context(Name/Arity, _)` of the
    /// clause's predicate. As in SWI, a variable that occurs once in the
    /// clause shows as a fresh one in Goal. Two instructions: `DetEnter`
    /// (the failure catcher, its handler laid out after `Proceed`) and
    /// `DetExit`; a Goal of tests only is just the tests, a failed one
    /// jumping to the handler.
    fn det_call(&mut self, g: &Tm) {
        let shown = self.fresh_singletons(g);
        let err = |this: &mut Self, how: &str| {
            let (e, de, det, goal) = (
                this.r.intern("error"),
                this.r.intern("determinism_error"),
                this.r.intern("det"),
                this.r.intern("goal"),
            );
            let how = this.r.intern(how);
            let ctx_var = Tm::Var(this.slot() as usize);
            let ctx = match this.pred {
                Some((name, arity)) => {
                    let c = this.r.intern("context");
                    let pi = Tm::Cmp(
                        this.r.intern("/"),
                        vec![
                            Tm::Atomic(atom(name)),
                            Tm::Atomic(int(arity as i64).unwrap()),
                        ],
                    );
                    Tm::Cmp(c, vec![pi, ctx_var])
                }
                None => ctx_var,
            };
            let t = Tm::Cmp(
                e,
                vec![
                    Tm::Cmp(
                        de,
                        vec![
                            shown.clone(),
                            Tm::Atomic(atom(det)),
                            Tm::Atomic(atom(how)),
                            Tm::Atomic(atom(goal)),
                        ],
                    ),
                    ctx,
                ],
            );
            this.roots(&[t])
        };
        if let Some(tests) = self.tests(g) {
            // tests leave no choicepoint: a failed one jumps to the throw
            let fix = self.emit_tests(&tests);
            let fail = err(self, "fail");
            self.cold.push((
                fix,
                Ins::Bi {
                    op: Nat::Throw,
                    args: fail,
                },
            ));
            return;
        }
        let s = self.slot();
        let s2 = self.slot();
        debug_assert_eq!(s2, s + 1);
        let enter = self.emit(Ins::DetEnter { s, to: 0 });
        self.body(g, false, CutTo::Slot(s2));
        let nondet = err(self, "nondet");
        self.emit(Ins::DetExit { s, args: nondet });
        let fail = err(self, "fail");
        self.cold.push((
            vec![enter],
            Ins::Bi {
                op: Nat::Throw,
                args: fail,
            },
        ));
    }

    /// `g` with each variable that occurs once in the clause replaced by
    /// a fresh one (a new slot).
    fn fresh_singletons(&mut self, g: &Tm) -> Tm {
        match g {
            Tm::Var(n) if self.occurs.get(*n) == Some(&1) => Tm::Var(self.slot() as usize),
            Tm::Cmp(f, a) => {
                let a = a.iter().map(|x| self.fresh_singletons(x)).collect();
                Tm::Cmp(*f, a)
            }
            _ => g.clone(),
        }
    }

    /// `Ins::Arith` for `is/2` of `+`, `-`, `*`, `//`, `mod`, `rem` and the
    /// comparisons, when
    /// the operands are variables or small integers.
    fn arith(&mut self, op: Nat, args: &[Tm]) -> Option<Ins> {
        let simple = |t: &Tm| match t {
            Tm::Var(_) => true,
            Tm::Atomic(w) => tag(*w) == INT,
            _ => false,
        };
        let cmp = match op {
            Nat::Is => {
                let Tm::Cmp(f, ab) = &args[1] else {
                    return None;
                };
                if ab.len() != 2 || !simple(&ab[0]) || !simple(&ab[1]) {
                    return None;
                }
                let o = if *f == ids::MINUS {
                    AOp::Sub
                } else if *f == self.r.intern("+") {
                    AOp::Add
                } else if *f == self.r.intern("*") {
                    AOp::Mul
                } else if *f == self.r.intern("//") {
                    AOp::IDiv
                } else if *f == self.r.intern("mod") {
                    AOp::Mod
                } else if *f == self.r.intern("rem") {
                    AOp::Rem
                } else {
                    return None;
                };
                let a = self.roots(&[
                    args[0].clone(),
                    args[1].clone(),
                    ab[0].clone(),
                    ab[1].clone(),
                ]);
                return Some(Ins::Arith { op: o, args: a });
            }
            _ => AOp::of_cmp(op)?,
        };
        if !simple(&args[0]) || !simple(&args[1]) {
            return None;
        }
        let a = self.roots(args);
        Some(Ins::Arith { op: cmp, args: a })
    }

    fn goal(&mut self, name: u32, args: &[Tm], tail: bool) {
        let n = args.len() as u32;
        match self.r.resolve(name, args.len()) {
            Target::Pred(p) => {
                let a = self.roots(args);
                self.emit(if tail {
                    Ins::Exec { pred: p, args: a }
                } else {
                    Ins::Call { pred: p, args: a }
                });
            }
            Target::Nat(op) => {
                if let Some(i) = self.arith(op, args) {
                    self.emit(i);
                    return;
                }
                let a = self.roots(args);
                self.emit(Ins::Bi { op, args: a });
            }
            Target::Det(f) => {
                let a = self.roots(args);
                self.emit(Ins::Det { f, args: a, n });
            }
            Target::NonDet(f) => {
                let a = self.roots(args);
                self.emit(Ins::NonDet { f, args: a, n });
            }
            Target::Between => {
                let a = self.roots(args);
                self.emit(Ins::Between { args: a });
            }
            Target::Repeat => {
                self.emit(Ins::Repeat);
            }
            Target::ClauseIter(retract) => {
                let a = self.roots(args);
                self.emit(Ins::ClauseIter { args: a, retract });
            }
            Target::Unsupported => {
                self.unsupported = true;
                self.emit(Ins::Unsupported { name, arity: n });
            }
        }
    }
}
