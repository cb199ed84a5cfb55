//! The run loop, call/N, and how goals resolve to predicates and builtins.
//!
//! An instruction that goes on to the next one `continue`s the loop
//! directly; only calls, failure, throws and exits go through a [`Flow`]
//! value (two words: returned in registers). `Proceed` back into the
//! clause that is running (a recursive caller) is a jump: no clause
//! lookup, no refcount change; so is `Flow::Resume` into it (a failed
//! if-then-else condition), except for temporary clauses, whose ids are
//! reused.

use std::rc::Rc;

use crate::builtins::Proc;
use crate::machine::Ctl;
use crate::store::atoms::ids;
use crate::store::compile::{Clause, Compiler, Ins, Nat, Resolve, Target, Tm};
use crate::store::machine::*;
use crate::store::words::*;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Runs from `pc` in `cl` until the query's first solution, failure,
    /// an uncaught error or halt.
    pub fn run(&mut self, mut cl: Rc<Clause>, mut pc: usize) -> Outcome<'gc> {
        loop {
            // `entry`: a throw happens with the continuation in fe/cpr
            // (calls), not inside the current frame's body
            let mut entry = false;
            // arms that go on to the next instruction `continue` directly
            // (no `Flow` value to build and match)
            let flow = match cl.code[pc] {
                Ins::Call { pred, args } => {
                    let n = self.preds[pred as usize].arity;
                    self.load_args(&cl, args as usize, n);
                    self.cpr = code_ptr(cl.id, pc + 1);
                    entry = true;
                    self.enter(pred)
                }
                Ins::Exec { pred, args } => {
                    let n = self.preds[pred as usize].arity;
                    self.load_args(&cl, args as usize, n);
                    let f = self.fe;
                    self.cpr = self.env[f + 1];
                    self.fe = self.env[f] as usize;
                    entry = true;
                    self.enter(pred)
                }
                Ins::CallN { args, n, tail } => {
                    let g = self.build(&cl, cl.roots[args as usize]);
                    let mut extra = Vec::with_capacity(n as usize - 1);
                    for k in 1..n as usize {
                        extra.push(self.build(&cl, cl.roots[args as usize + k]));
                    }
                    if tail {
                        let f = self.fe;
                        self.cpr = self.env[f + 1];
                        self.fe = self.env[f] as usize;
                    } else {
                        self.cpr = code_ptr(cl.id, pc + 1);
                    }
                    entry = true;
                    self.call_goal(g, &extra)
                }
                Ins::Proceed => {
                    let f = self.fe;
                    let p = self.env[f + 1];
                    self.fe = self.env[f] as usize;
                    if p != STOP && cid(p) == cl.id {
                        // back into the running clause (a recursive
                        // caller): no clause lookup, no refcount change
                        pc = p as u32 as usize;
                        continue;
                    } else {
                        self.resume_at(p)
                    }
                }
                Ins::Bi { op, args } => match self.nat(&cl, op, args as usize) {
                    Ok(true) => {
                        pc += 1;
                        continue;
                    }
                    Ok(false) => Flow::Fail,
                    Err(Ball::Redo) => {
                        self.cpr = code_ptr(cl.id, pc + 1);
                        self.nondet_by_name(&cl, op, args as usize)
                    }
                    Err(b) => Flow::raise(b),
                },
                Ins::Det { f, args, n } => self.det(&cl, f, args as usize, n as usize),
                Ins::NonDet { f, args, n } => {
                    self.cpr = code_ptr(cl.id, pc + 1);
                    self.nondet(&cl, f, args as usize, n as usize)
                }
                Ins::Between { args } => {
                    self.cpr = code_ptr(cl.id, pc + 1);
                    self.between(&cl, args as usize)
                }
                Ins::Repeat => {
                    self.cpr = code_ptr(cl.id, pc + 1);
                    let h = self.cps.len();
                    self.push_cp(Alt::Repeat, 0, h);
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::Cut => {
                    let b0 = self.env[self.fe + 2] as usize;
                    self.cut_to(b0);
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::CutTo(s) => {
                    let h = int_val(self.env[self.fe + HDR + s as usize]) as usize;
                    self.cut_to(h);
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::SaveB(s) => {
                    // always written before it is read on any path: no trail
                    self.env[self.fe + HDR + s as usize] = int(self.cps.len() as i64).unwrap();
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::SoftCut(s) => {
                    let h = int_val(self.env[self.fe + HDR + s as usize]) as usize;
                    if h < self.cps.len() {
                        self.cps[h].alt = Alt::Dead;
                    }
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::TryElse(l) => {
                    let h = self.cps.len();
                    self.push_cp(Alt::Resume(code_ptr(cl.id, l as usize)), 0, h);
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::Jump(l) => {
                    pc = l as usize;
                    continue;
                }
                Ins::Fail => Flow::Fail,
                Ins::CatchEnter => {
                    let h = self.cps.len();
                    self.push_cp(Alt::Catch, 0, h);
                    let a = self.fe + HDR + 3;
                    self.set_slot(a, int(h as i64).unwrap());
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::CatchExit => {
                    let k = int_val(self.env[self.fe + HDR + 3]) as usize;
                    if k + 1 == self.cps.len() && matches!(self.cps[k].alt, Alt::Catch) {
                        self.pop_cp_pub();
                    }
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::FaStart(s) => {
                    self.bags.push(Some(Vec::new()));
                    let a = self.fe + HDR + s as usize;
                    self.set_slot(a, int(self.bags.len() as i64 - 1).unwrap());
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::FaAdd { s, args } => {
                    let w = self.build(&cl, cl.roots[args as usize]);
                    let f = self.freeze(w);
                    let k = int_val(self.env[self.fe + HDR + s as usize]) as usize;
                    if let Some(Some(b)) = self.bags.get_mut(k) {
                        b.push(f);
                    }
                    {
                        pc += 1;
                        continue;
                    }
                }
                Ins::FaEnd { s, args } => {
                    let k = int_val(self.env[self.fe + HDR + s as usize]) as usize;
                    let items = self
                        .bags
                        .get_mut(k)
                        .and_then(|b| b.take())
                        .unwrap_or_default();
                    while matches!(self.bags.last(), Some(None)) {
                        self.bags.pop();
                    }
                    let ws: Vec<Word> = items.iter().map(|f| self.thaw(f)).collect();
                    let l = self.list(&ws, NIL);
                    if self.get(&cl, cl.roots[args as usize], l) {
                        {
                            pc += 1;
                            continue;
                        }
                    } else {
                        Flow::Fail
                    }
                }
                Ins::ClauseIter { args, retract } => {
                    self.cpr = code_ptr(cl.id, pc + 1);
                    self.clause_start(&cl, args as usize, retract)
                }
                Ins::SsuHead { args, n } => {
                    if self.ssu_head(&cl, args as usize, n as usize) {
                        Flow::Next
                    } else {
                        Flow::Fail
                    }
                }
                Ins::Arith { op, args } => self.arith_ins(&cl, op, args as usize),
                Ins::TestElse { op, args, to } => {
                    self.test_else(&cl, op, args as usize, to as usize)
                }
                Ins::DetEnter { s, to } => {
                    // slots always written before they are read: no trail
                    let h = self.cps.len();
                    let a = self.fe + HDR + s as usize;
                    self.env[a] = int(h as i64).unwrap();
                    self.env[a + 1] = int(h as i64 + 1).unwrap();
                    self.push_cp(Alt::Resume(code_ptr(cl.id, to as usize)), 0, h);
                    pc += 1;
                    continue;
                }
                Ins::DetExit { s, args } => {
                    let h = int_val(self.env[self.fe + HDR + s as usize]) as usize;
                    if self.cps.len() > h + 1 {
                        let b = self.build(&cl, cl.roots[args as usize]);
                        let c = self.copy(b);
                        Flow::raise(Ball::Word(c))
                    } else {
                        self.cut_to(h);
                        pc += 1;
                        continue;
                    }
                }
                Ins::Unsupported { name, arity } => {
                    let msg = format!(
                        "the store engine cannot run {}/{}",
                        self.atoms.name(name),
                        arity
                    );
                    let mc = self.e.mc;
                    let f = crate::terms::compound(
                        mc,
                        "system_error",
                        vec![crate::terms::atom(mc, &msg)],
                    );
                    Flow::raise(Ball::Heap(crate::errors::error(mc, f)))
                }
            };
            let mut flow = flow;
            loop {
                match flow {
                    Flow::Next => pc += 1,
                    Flow::Goto(l) => pc = l,
                    Flow::Enter(c) => {
                        cl = c;
                        pc = 0;
                    }
                    Flow::Resume(p) => {
                        // `cl` may be a temporary clause backtracking
                        // freed, whose id a new one now has: those are
                        // always looked up
                        if cid(p) != cl.id || cl.id & TEMP != 0 {
                            cl = self.clause(cid(p));
                        }
                        pc = p as u32 as usize;
                    }
                    Flow::Fail => {
                        entry = true;
                        flow = self.backtrack();
                        continue;
                    }
                    Flow::Raise(b) => {
                        let (ke, kcp) = if entry {
                            (self.fe, self.cpr)
                        } else {
                            (self.env[self.fe] as usize, self.env[self.fe + 1])
                        };
                        entry = true;
                        flow = self.throw(*b, ke, kcp);
                        continue;
                    }
                    Flow::Exit(o) => return *o,
                }
                break;
            }
        }
    }

    /// Pops the newest choicepoint.
    pub fn pop_cp_pub(&mut self) {
        let c = self.cps.pop().unwrap();
        self.saved.truncate(c.args);
        drop_alt(c.alt);
        self.sync_b();
    }

    /// A list of `items` ending in `tail`.
    pub fn list(&mut self, items: &[Word], tail: Word) -> Word {
        let mut t = tail;
        for &w in items.iter().rev() {
            let at = self.s.alloc(2);
            self.s.set(at, w);
            self.s.set(at + 1, t);
            t = mk(LIS, at);
        }
        t
    }

    /// Calls goal `g` with `extra` arguments (call/N); the continuation is
    /// in `fe`/`cpr`. The goal is opaque to cut.
    pub fn call_goal(&mut self, g: Word, extra: &[Word]) -> Flow<'gc> {
        let d = self.s.deref(g);
        let Some((name, n0)) = (match tag(d) {
            ATOM | STR | LIS => self.functor_of(d),
            _ => None,
        }) else {
            let mc = self.e.mc;
            let v = self.to_heap(d, &mut Vec::new());
            let ball = if tag(d) == REF {
                crate::errors::instantiation_error(mc)
            } else {
                let b = crate::errors::type_error(mc, "callable", v);
                crate::builtins::add_context(self.e, b, "call", extra.len() + 1)
            };
            return Flow::raise(Ball::Heap(ball));
        };
        let n = n0 + extra.len();
        if !is_control(name, n) {
            if let Some(&p) = self.pred_ix.get(&(name, n)) {
                for k in 0..n0 {
                    self.a[k] = self.arg_of(d, k);
                }
                self.a[n0..n].copy_from_slice(extra);
                return self.enter(p);
            }
        }
        // a control construct or builtin: compile it as a clause body
        // (ISO: a body with a non-callable part raises before it runs)
        if extra.is_empty() && !self.body_callable(d) {
            let v = self.to_heap(d, &mut Vec::new());
            return Flow::raise(Ball::Heap(crate::errors::type_error(
                self.e.mc, "callable", v,
            )));
        }
        let tm = if extra.is_empty() {
            self.goal_tm(d)
        } else {
            let mut args: Vec<Tm> = (0..n0).map(|k| Tm::Embed(self.arg_of(d, k))).collect();
            args.extend(extra.iter().map(|w| Tm::Embed(*w)));
            Tm::Cmp(name, args)
        };
        let (c, _) = Compiler::clause(self, &[], &tm, 0);
        self.enter_temp(c)
    }

    /// Whether every goal of a control construct's body is callable (or a
    /// variable).
    fn body_callable(&self, w: Word) -> bool {
        let d = self.s.deref(w);
        match tag(d) {
            REF | ATOM => true,
            STR | LIS => {
                let (name, n) = self.functor_of(d).unwrap();
                if is_control(name, n) && name != ids::CALL && n > 0 {
                    (0..n).all(|k| self.body_callable(self.arg_of(d, k)))
                } else {
                    true
                }
            }
            _ => false,
        }
    }

    /// Runs the older engine's nondeterministic version of a native
    /// builtin (arg/3 with an unbound or negative N).
    fn nondet_by_name(&mut self, cl: &Clause, op: Nat, args: usize) -> Flow<'gc> {
        let (name, n) = match op {
            Nat::Arg => ("arg", 3),
            Nat::Text(t) => return self.text_nondet(cl, t, args),
            _ => return Flow::Fail,
        };
        self.bridge_nondet(cl, name, n, args)
    }

    /// Runs the older engine's nondeterministic builtin `name/n` on the
    /// goal's arguments (roots from `args`), through the bridge.
    pub(crate) fn bridge_nondet(
        &mut self,
        cl: &Clause,
        name: &str,
        n: usize,
        args: usize,
    ) -> Flow<'gc> {
        let proc = self.e.g.borrow().lookup(name, n);
        let Some(Proc::Control(Ctl::NonDet(f))) = proc else {
            return Flow::Fail;
        };
        let id = self.atoms.intern(name);
        self.nondets.push((f, id, n));
        let k = self.nondets.len() as u32 - 1;
        let flow = self.nondet(cl, k, args, n);
        self.nondets.pop();
        flow
    }

    /// A goal term of the store as a clause body (control constructs
    /// opened, everything else embedded).
    fn goal_tm(&self, w: Word) -> Tm {
        let d = self.s.deref(w);
        match tag(d) {
            ATOM => Tm::Atomic(d),
            STR | LIS => {
                let (name, n) = self.functor_of(d).unwrap();
                if is_control(name, n) && name != ids::CALL {
                    Tm::Cmp(
                        name,
                        (0..n).map(|k| self.goal_tm(self.arg_of(d, k))).collect(),
                    )
                } else {
                    Tm::Cmp(name, (0..n).map(|k| Tm::Embed(self.arg_of(d, k))).collect())
                }
            }
            INT => Tm::Atomic(d),
            _ => Tm::Embed(d),
        }
    }
}

/// The control constructs the compiler opens.
fn is_control(name: u32, n: usize) -> bool {
    matches!(
        (name, n),
        (ids::COMMA, 2)
            | (ids::SEMI, 2)
            | (ids::BAR, 2)
            | (ids::ARROW, 2)
            | (ids::SOFT, 2)
            | (ids::NOT, 1)
            | (ids::NOT2, 1)
            | (ids::CUT, 0)
            | (ids::TRUE, 0)
            | (ids::FAIL, 0)
            | (ids::FALSE, 0)
            | (ids::COLON, 2)
    ) || name == ids::CALL
}

/// Builtins that run natively, by name and arity.
fn native(name: &str, n: usize) -> Option<Nat> {
    use Nat::*;
    Some(match (name, n) {
        ("=", 2) => Unify,
        ("\\=", 2) => NotUnify,
        ("==", 2) => Eq,
        ("\\==", 2) => NotEq,
        ("var", 1) => Var,
        ("nonvar", 1) => NonVar,
        ("atom", 1) => Atom,
        ("number", 1) => Number,
        ("integer", 1) => Integer,
        ("float", 1) => Float,
        ("atomic", 1) => Atomic,
        ("compound", 1) => Compound,
        ("callable", 1) => Callable,
        ("is_list", 1) => IsList,
        ("is", 2) => Is,
        ("<", 2) => Lt,
        (">", 2) => Gt,
        ("=<", 2) => Le,
        (">=", 2) => Ge,
        ("=:=", 2) => AEq,
        ("=\\=", 2) => ANe,
        ("compare", 3) => Compare,
        ("@<", 2) => TLt,
        ("@>", 2) => TGt,
        ("@=<", 2) => TLe,
        ("@>=", 2) => TGe,
        ("functor", 3) => Functor,
        ("arg", 3) => Arg,
        ("=..", 2) => Univ,
        ("copy_term", 2) => CopyTerm,
        ("throw", 1) => Throw,
        ("halt", 0) => Halt0,
        ("halt", 1) => Halt1,
        ("assert", 1) | ("assertz", 1) => Assertz,
        ("asserta", 1) => Asserta,
        ("retractall", 1) => Retractall,
        ("sort", 2) => Sort,
        ("msort", 2) => MSort,
        ("keysort", 2) => KeySort,
        ("$ssu_match", 2) => SsuMatch,
        _ => return crate::store::text::op(name, n).map(Text),
    })
}

/// Builtins of the older engine the bridge must not run: loading runs
/// clauses and directives on the older engine. (The database builtins are
/// bridged: the older engine's database is kept in step, see
/// `store::Saved`; b_setval/b_getval have their own path in the bridge.)
const NOT_BRIDGED: &[&str] = &["consult", "ensure_loaded", "$load_next"];

impl Resolve for Mach<'_, '_, '_> {
    fn intern(&mut self, name: &str) -> u32 {
        self.atoms.intern(name)
    }

    fn unsupported(&mut self, name: u32, arity: usize) -> bool {
        if self.pred_ix.contains_key(&(name, arity)) || is_control(name, arity) {
            return false;
        }
        let text = self.atoms.name(name);
        if native(text, arity).is_some() || (text == "clause" && arity == 2) {
            return false;
        }
        match self.e.g.borrow().lookup(text, arity) {
            Some(_) if NOT_BRIDGED.contains(&text) => true,
            Some(Proc::Control(c)) => !matches!(
                c,
                Ctl::NonDet(_)
                    | Ctl::Between
                    | Ctl::Repeat
                    | Ctl::Retract
                    | Ctl::Halt
                    | Ctl::Throw
                    | Ctl::True
                    | Ctl::Fail
                    | Ctl::Cut
                    | Ctl::Conj
                    | Ctl::Disj
                    | Ctl::IfThen
                    | Ctl::SoftIfThen
                    | Ctl::Not
                    | Ctl::Call
            ),
            _ => false,
        }
    }

    fn resolve(&mut self, name: u32, arity: usize) -> Target {
        if let Some(&p) = self.pred_ix.get(&(name, arity)) {
            return Target::Pred(p);
        }
        let text = self.atoms.name(name).to_string();
        if let Some(op) = native(&text, arity) {
            return Target::Nat(op);
        }
        if text == "clause" && arity == 2 {
            return Target::ClauseIter(false);
        }
        let proc = self.e.g.borrow().lookup(&text, arity);
        match proc {
            Some(_) if NOT_BRIDGED.contains(&text.as_str()) => Target::Unsupported,
            Some(Proc::Det(f)) => {
                self.dets.push((f, name, arity));
                Target::Det(self.dets.len() as u32 - 1)
            }
            Some(Proc::Control(Ctl::NonDet(f))) => {
                self.nondets.push((f, name, arity));
                Target::NonDet(self.nondets.len() as u32 - 1)
            }
            Some(Proc::Control(Ctl::Between)) => Target::Between,
            Some(Proc::Control(Ctl::Repeat)) => Target::Repeat,
            Some(Proc::Control(Ctl::Retract)) => Target::ClauseIter(true),
            // a predicate the next sync compiles
            Some(Proc::User(_)) => Target::Pred(self.new_pred(name, arity, false, true)),
            Some(_) => Target::Unsupported,
            None => {
                // an undefined procedure: raises when called (or fails
                // under unknown=fail)
                let defined = self.e.g.borrow().flag_unknown_fail;
                Target::Pred(self.new_pred(name, arity, false, defined))
            }
        }
    }
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Adds a predicate with no clauses.
    pub fn new_pred(&mut self, name: u32, arity: usize, dynamic: bool, defined: bool) -> u32 {
        let p = self.preds.len() as u32;
        self.preds.push(Pred::new(name, arity, dynamic, defined));
        self.pred_ix.insert((name, arity), p);
        p
    }
}
