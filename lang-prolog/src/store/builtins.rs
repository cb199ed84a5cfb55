//! Builtins on the store: the native ones (unification, comparison, type
//! tests, arithmetic, term construction, the database), and the bridge that
//! runs any other deterministic or nondeterministic builtin of the older
//! engine on heap copies of its arguments, mapping the bindings back.

use std::cmp::Ordering;
use std::rc::Rc;

use vm_core::Value;

use crate::errors as err;
use crate::store::atoms::ids;
use crate::store::compile::{Clause, Compiler, Nat, Tm};
use crate::store::machine::*;
use crate::store::preds::{ClauseIt, ALIVE, BUCKET};
use crate::store::terms::Boxed;
use crate::store::words::*;

type R<'gc> = Result<bool, Ball<'gc>>;

/// A clause body with `'|'(A, B)` in control positions made `;(A, B)`:
/// SWI 7 reads `a | b` as `'|'(a, b)` and a clause stores it as a
/// disjunction (what `clause/2` then shows), as the older engines'
/// `builtins::db::bar_body` does for their database.
fn bar_to_semi(t: Tm) -> Tm {
    match t {
        Tm::Cmp(f, args)
            if args.len() == 2
                && matches!(
                    f,
                    ids::BAR | ids::COMMA | ids::SEMI | ids::ARROW | ids::SOFT
                ) =>
        {
            let f = if f == ids::BAR { ids::SEMI } else { f };
            Tm::Cmp(f, args.into_iter().map(bar_to_semi).collect())
        }
        Tm::Cmp(ids::NOT, args) if args.len() == 1 => {
            Tm::Cmp(ids::NOT, args.into_iter().map(bar_to_semi).collect())
        }
        t => t,
    }
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    fn heap_err(&self, v: Value<'gc>, name: &str, n: usize) -> Ball<'gc> {
        Ball::Heap(crate::builtins::add_context(self.e, v, name, n))
    }

    fn inst(&self, name: &str, n: usize) -> Ball<'gc> {
        self.heap_err(err::instantiation_error(self.e.mc), name, n)
    }

    fn type_err(&self, ty: &str, w: Word, name: &str, n: usize) -> Ball<'gc> {
        let v = self.to_heap(w, &mut Vec::new());
        self.heap_err(err::type_error(self.e.mc, ty, v), name, n)
    }

    /// Runs a native builtin. The commonest ones (`=`, `==`, `\\==`, the
    /// type tests, `arg/3`, `functor/3`) have small functions of their
    /// own, called from this inlined switch, so a call to one of them
    /// pays neither the prologue of the big [`Mach::nat_rest`] nor a
    /// result passed through memory.
    #[inline(always)]
    pub fn nat(&mut self, cl: &Clause, op: Nat, args: usize) -> R<'gc> {
        use Nat::*;
        match op {
            Unify => Ok(self.unify_bi(cl, args)),
            Eq | NotEq => Ok(self.eq_bi(cl, args) == (op == Eq)),
            Var | NonVar | Atom | Number | Integer | Float | Atomic | Compound | Callable
            | IsList => Ok(self.type_test(cl, op, args)),
            Arg => self.arg3(cl, args),
            Functor => self.functor3(cl, args),
            _ => self.nat_rest(cl, op, args),
        }
    }

    /// `=/2`.
    #[inline(never)]
    fn unify_bi(&mut self, cl: &Clause, args: usize) -> bool {
        let w = self.build(cl, cl.roots[args]);
        self.get(cl, cl.roots[args + 1], w)
    }

    /// `==/2`: whether the two arguments are identical.
    #[inline(never)]
    fn eq_bi(&mut self, cl: &Clause, args: usize) -> bool {
        let x = self.build(cl, cl.roots[args]);
        let y = self.build(cl, cl.roots[args + 1]);
        if x == y {
            return true;
        }
        let (dx, dy) = (self.s.deref(x), self.s.deref(y));
        if dx == dy {
            return true;
        }
        // two different variables, atoms or small integers differ; a
        // compound or boxed word (float, bigint, string) needs compare
        let deep = |t| matches!(t, STR | LIS | BOX);
        if !deep(tag(dx)) && !deep(tag(dy)) {
            return false;
        }
        self.compare(dx, dy) == Ordering::Equal
    }

    /// The type tests (`var/1` .. `is_list/1`).
    #[inline(never)]
    fn type_test(&mut self, cl: &Clause, op: Nat, args: usize) -> bool {
        use Nat::*;
        let w = self.build(cl, cl.roots[args]);
        let d = self.s.deref(w);
        let t = tag(d);
        match op {
            Var => t == REF,
            NonVar => t != REF,
            // SWI 7: `[]` is atomic but not an atom
            Atom => t == ATOM && d != NIL,
            Atomic => t == ATOM || t == INT || t == BOX,
            Compound => t == STR || t == LIS,
            // and `[]` is not callable
            Callable => (t == ATOM && d != NIL) || t == STR || t == LIS,
            Number | Integer | Float => {
                let boxed = if t == BOX { Some(self.unbox(d)) } else { None };
                match op {
                    Number => t == INT || matches!(boxed, Some(Boxed::F(_) | Boxed::B(_))),
                    Integer => t == INT || matches!(boxed, Some(Boxed::B(_))),
                    _ => matches!(boxed, Some(Boxed::F(_))),
                }
            }
            _ => self.is_proper_list(d),
        }
    }

    /// `arg/3`: an integer N and a compound are done here; enumeration
    /// and errors go to [`Mach::arg3_slow`].
    #[inline(never)]
    fn arg3(&mut self, cl: &Clause, args: usize) -> R<'gc> {
        let n = self.build(cl, cl.roots[args]);
        let t = self.build(cl, cl.roots[args + 1]);
        let nd = self.s.deref(n);
        let td = self.s.deref(t);
        if tag(nd) == INT {
            let k = int_val(nd);
            let (first, ar) = match tag(td) {
                STR => (idx(td) + 1, fun_arity(self.s.get(idx(td)))),
                LIS => (idx(td), 2),
                _ => return self.arg3_slow(cl, args, n, t),
            };
            if k < 1 || k as usize > ar {
                return if k < 0 {
                    self.arg3_slow(cl, args, n, t)
                } else {
                    Ok(false)
                };
            }
            let x = self.s.get(first + k as usize - 1);
            return Ok(self.get(cl, cl.roots[args + 2], x));
        }
        self.arg3_slow(cl, args, n, t)
    }

    /// `arg/3` beyond an integer and a compound.
    fn arg3_slow(&mut self, cl: &Clause, args: usize, n: Word, t: Word) -> R<'gc> {
        let nd = self.s.deref(n);
        let td = self.s.deref(t);
        // SWI names arg/3 without its module in these two errors
        let plain = |this: &Self, formal: Value<'gc>| {
            let e = this.e;
            let ctx = e.compound("context", vec![err::pi(e.mc, "arg", 3), e.new_var()]);
            Ball::Heap(e.compound("error", vec![formal, ctx]))
        };
        if tag(td) == REF {
            return Err(plain(self, self.e.atom("instantiation_error")));
        }
        if tag(nd) != INT || tag(td) == REF || int_val(nd) < 0 {
            // enumeration and errors: the older engine's arg/3
            return Err(Ball::Redo);
        }
        let Some((_, ar)) = self.functor_of(td).filter(|_| tag(td) != ATOM) else {
            let v = self.to_heap(td, &mut Vec::new());
            let formal = self
                .e
                .compound("type_error", vec![self.e.atom("compound"), v]);
            return Err(plain(self, formal));
        };
        let k = int_val(nd);
        if k < 1 || k as usize > ar {
            return Ok(false);
        }
        let x = self.arg_of(td, k as usize - 1);
        Ok(self.get(cl, cl.roots[args + 2], x))
    }

    /// The native builtins without a function of their own.
    #[inline(never)]
    fn nat_rest(&mut self, cl: &Clause, op: Nat, args: usize) -> R<'gc> {
        let root = |k: usize| cl.roots[args + k];
        use Nat::*;
        match op {
            // dispatched by `nat` itself, never passed here
            Unify | Eq | NotEq | Var | NonVar | Atom | Number | Integer | Float | Atomic
            | Compound | Callable | IsList | Arg | Functor => {
                unreachable!("nat() runs {op:?} itself")
            }
            NotUnify => {
                let x = self.build(cl, root(0));
                let y = self.build(cl, root(1));
                // unify under a temporary choicepoint, then undo
                let h = self.cps.len();
                self.push_cp(Alt::Dead, 0, h);
                let r = self.unify(x, y);
                self.cut_restore(h);
                Ok(!r)
            }
            Is => {
                if let Some(i) = self.eval_small_in(Some(cl), root(1)) {
                    let w = self.int_word(i);
                    return Ok(self.get(cl, root(0), w));
                }
                let e = self.build(cl, root(1));
                let n = self.eval(e, "is").map_err(Ball::Heap)?;
                let w = self.num_word(n);
                Ok(self.get(cl, root(0), w))
            }
            Lt | Gt | Le | Ge | AEq | ANe => {
                if let (Some(x), Some(y)) = (
                    self.eval_small_in(Some(cl), root(0)),
                    self.eval_small_in(Some(cl), root(1)),
                ) {
                    return Ok(match op {
                        Lt => x < y,
                        Gt => x > y,
                        Le => x <= y,
                        Ge => x >= y,
                        AEq => x == y,
                        _ => x != y,
                    });
                }
                let x = self.build(cl, root(0));
                let y = self.build(cl, root(1));
                let name = match op {
                    Lt => "<",
                    Gt => ">",
                    Le => "=<",
                    Ge => ">=",
                    AEq => "=:=",
                    _ => "=\\=",
                };
                self.arith_cmp(name, x, y).map_err(Ball::Heap)
            }
            TLt | TGt | TLe | TGe => {
                let x = self.build(cl, root(0));
                let y = self.build(cl, root(1));
                let o = self.compare(x, y);
                Ok(match op {
                    TLt => o == Ordering::Less,
                    TGt => o == Ordering::Greater,
                    TLe => o != Ordering::Greater,
                    _ => o != Ordering::Less,
                })
            }
            Compare => {
                let o = self.build(cl, root(0));
                let x = self.build(cl, root(1));
                let y = self.build(cl, root(2));
                let od = self.s.deref(o);
                if tag(od) != REF && tag(od) != ATOM {
                    return Err(self.type_err("atom", od, "compare", 3));
                }
                let c = match self.compare(x, y) {
                    Ordering::Less => ids::LT,
                    Ordering::Equal => ids::EQ,
                    Ordering::Greater => ids::GT,
                };
                if tag(od) == ATOM && !matches!(atom_id(od), ids::LT | ids::EQ | ids::GT) {
                    let v = self.to_heap(od, &mut Vec::new());
                    return Err(self.heap_err(
                        err::domain_error(self.e.mc, "order", v),
                        "compare",
                        3,
                    ));
                }
                Ok(self.unify(od, atom(c)))
            }
            Univ => {
                let t = self.build(cl, root(0));
                let td = self.s.deref(t);
                match tag(td) {
                    STR | LIS => {
                        let (f, n) = self.functor_of(td).unwrap();
                        let mut items = vec![atom(f)];
                        items.extend((0..n).map(|k| self.arg_of(td, k)));
                        let l = self.list(&items, NIL);
                        Ok(self.get(cl, root(1), l))
                    }
                    REF => {
                        let l = self.build(cl, root(1));
                        self.det_bridge_named("=..", &[t, l])
                    }
                    _ => {
                        let l = self.list(&[td], NIL);
                        Ok(self.get(cl, root(1), l))
                    }
                }
            }
            CopyTerm => {
                let t = self.build(cl, root(0));
                let c = self.copy(t);
                Ok(self.get(cl, root(1), c))
            }
            Throw => {
                let b = self.build(cl, root(0));
                if tag(self.s.deref(b)) == REF {
                    return Err(self.inst("throw", 1));
                }
                let c = self.copy(b);
                Err(Ball::Word(c))
            }
            Halt0 | Halt1 => {
                let code = if op == Halt1 {
                    let w = self.build(cl, root(0));
                    let d = self.s.deref(w);
                    if tag(d) != INT {
                        return self.det_bridge_named("halt", &[w]);
                    }
                    int_val(d) as i32
                } else {
                    0
                };
                Err(Ball::Halt(code))
            }
            Assertz | Asserta => {
                let t = self.build(cl, root(0));
                self.assert(t, op == Asserta)?;
                Ok(true)
            }
            Retractall => {
                let t = self.build(cl, root(0));
                self.retractall(t)?;
                Ok(true)
            }
            Text(t) => self.text(cl, t, args),
            SsuMatch => {
                let p = self.build(cl, root(0));
                let c = self.build(cl, root(1));
                Ok(self.ssu_match(p, c))
            }
            Sort | MSort | KeySort => {
                let l = self.build(cl, root(0));
                let name = match op {
                    Sort => "sort",
                    MSort => "msort",
                    _ => "keysort",
                };
                let Some(mut items) = self.list_items(l) else {
                    if self.list_loops(l) {
                        return Err(self.cyclic_list_error(l, name));
                    }
                    // partial lists and non-lists: the older engine's errors
                    let x = self.build(cl, root(1));
                    return self.det_bridge_named(name, &[l, x]);
                };
                if op == KeySort {
                    let mut keyed = Vec::with_capacity(items.len());
                    for &w in &items {
                        let d = self.s.deref(w);
                        if tag(d) != STR || self.s.get(idx(d)) != fun(ids::MINUS, 2) {
                            let x = self.build(cl, root(1));
                            return self.det_bridge_named(name, &[l, x]);
                        }
                        keyed.push((self.s.get(idx(d) + 1), d));
                    }
                    keyed.sort_by(|a, b| self.compare(a.0, b.0));
                    items = keyed.into_iter().map(|(_, w)| w).collect();
                } else {
                    items.sort_by(|a, b| self.compare(*a, *b));
                    if op == Sort {
                        items.dedup_by(|a, b| self.compare(*a, *b) == Ordering::Equal);
                    }
                }
                let out = self.list(&items, NIL);
                Ok(self.get(cl, root(1), out))
            }
        }
    }

    /// Whether `name/n` is a builtin or control construct (not a user
    /// predicate).
    pub fn is_builtin(&self, name: u32, n: usize) -> bool {
        let text = self.atoms.name(name);
        !self.pred_ix.contains_key(&(name, n))
            && matches!(
                self.e.g.borrow().lookup(text, n),
                Some(crate::builtins::Proc::Det(_) | crate::builtins::Proc::Control(_))
            )
    }

    /// The elements of a proper list (`None`: partial or not a list).
    /// `None` also for a cyclic list (Brent's cycle detection).
    pub fn list_items(&self, l: Word) -> Option<Vec<Word>> {
        let mut out = Vec::new();
        let mut x = self.s.deref(l);
        let (mut mark, mut power) = (x, 1usize);
        while tag(x) == LIS {
            out.push(self.s.get(idx(x)));
            x = self.s.deref(self.s.get(idx(x) + 1));
            if x == mark {
                return None;
            }
            if out.len() == power {
                mark = x;
                power *= 2;
            }
        }
        (x == NIL).then_some(out)
    }

    /// Where the list cells from `l` end (`None`: they form a cycle, found
    /// by Brent's method without marking cells).
    fn list_end(&self, l: Word) -> Option<Word> {
        let mut x = self.s.deref(l);
        let (mut mark, mut power, mut n) = (x, 1usize, 0usize);
        while tag(x) == LIS {
            x = self.s.deref(self.s.get(idx(x) + 1));
            n += 1;
            if x == mark {
                return None;
            }
            if n == power {
                mark = x;
                power *= 2;
            }
        }
        Some(x)
    }

    /// Whether `l` is a proper list (not partial, not cyclic).
    pub fn is_proper_list(&self, l: Word) -> bool {
        self.list_end(l) == Some(NIL)
    }

    /// Whether the list cells from `l` form a cycle.
    pub fn list_loops(&self, l: Word) -> bool {
        self.list_end(l).is_none()
    }

    /// Walks the term graph from `w` (each shared cell once): whether it
    /// has a cycle, and whether it has an unbound variable.
    pub fn term_shape(&self, w: Word) -> (bool, bool) {
        // state per compound cell: 1 on the path, 2 done
        let mut state: rustc_hash::FxHashMap<usize, u8> = Default::default();
        let mut stack: Vec<(usize, usize, usize)> = Vec::new(); // (cell, first arg, next arg)
        let (mut cyclic, mut var) = (false, false);
        let mut todo = Some(w);
        loop {
            if let Some(t) = todo.take() {
                let d = self.s.deref(t);
                let (cell, first, n) = match tag(d) {
                    REF => {
                        var = true;
                        (0, 0, 0)
                    }
                    LIS => (idx(d), idx(d), 2),
                    STR => (idx(d), idx(d) + 1, fun_arity(self.s.get(idx(d)))),
                    _ => (0, 0, 0),
                };
                if n > 0 {
                    match state.get(&cell) {
                        Some(1) => cyclic = true,
                        Some(_) => {}
                        None => {
                            state.insert(cell, 1);
                            stack.push((cell, first, 0));
                            let _ = n;
                        }
                    }
                }
            }
            let Some(top) = stack.last_mut() else { break };
            let (cell, first, k) = *top;
            let n = if first == cell {
                2
            } else {
                fun_arity(self.s.get(cell))
            };
            if k < n {
                top.2 += 1;
                todo = Some(self.s.get(first + k));
            } else {
                state.insert(cell, 2);
                stack.pop();
            }
        }
        (cyclic, var)
    }

    /// Removes the temporary choicepoint at height `h` after undoing what
    /// was done since it.
    fn cut_restore(&mut self, h: usize) {
        let tr = self.cps[h].tr;
        self.untrail(tr);
        self.cut_to(h);
    }

    #[inline(never)]
    fn functor3(&mut self, cl: &Clause, args: usize) -> R<'gc> {
        let t = self.build(cl, cl.roots[args]);
        let td = self.s.deref(t);
        match tag(td) {
            REF => {
                let nw = self.build(cl, cl.roots[args + 1]);
                let aw = self.build(cl, cl.roots[args + 2]);
                let (nd, ad) = (self.s.deref(nw), self.s.deref(aw));
                if tag(ad) == INT && tag(nd) == ATOM && int_val(ad) > 0 && int_val(ad) < 256 {
                    let n = int_val(ad) as usize;
                    let c = if nd == atom(ids::DOT) && n == 2 {
                        let at = self.s.alloc(2);
                        self.s.new_var_at(at);
                        self.s.new_var_at(at + 1);
                        mk(LIS, at)
                    } else {
                        let at = self.s.alloc(n + 1);
                        self.s.set(at, fun(atom_id(nd), n));
                        for k in 0..n {
                            self.s.new_var_at(at + 1 + k);
                        }
                        mk(STR, at)
                    };
                    self.bind(td, c);
                    return Ok(true);
                }
                if tag(ad) == INT
                    && int_val(ad) == 0
                    && tag(nd) != REF
                    && tag(nd) != STR
                    && tag(nd) != LIS
                {
                    self.bind(td, nd);
                    return Ok(true);
                }
                self.det_bridge_named("functor", &[t, nw, aw])
            }
            STR | LIS => {
                let (f, n) = self.functor_of(td).unwrap();
                let nw = int(n as i64).unwrap();
                Ok(self.get(cl, cl.roots[args + 1], atom(f))
                    && self.get(cl, cl.roots[args + 2], nw))
            }
            _ => Ok(self.get(cl, cl.roots[args + 1], td) && self.get(cl, cl.roots[args + 2], INT)),
        }
    }

    /// Runs the older engine's builtin `name/len(args)` through the bridge.
    pub(crate) fn det_bridge_named(&mut self, name: &str, args: &[Word]) -> R<'gc> {
        let proc = self.e.g.borrow().lookup(name, args.len());
        match proc {
            Some(crate::builtins::Proc::Det(f)) => self.bridge(f, name, args),
            _ => Ok(false),
        }
    }

    /// Calls a deterministic builtin on heap copies of `args`; bindings of
    /// the copies' variables are mapped back to the store variables.
    fn bridge(&mut self, f: crate::builtins::DetFn, name: &str, args: &[Word]) -> R<'gc> {
        let mut vars = Vec::new();
        let hargs: Vec<Value<'gc>> = args.iter().map(|w| self.to_heap(*w, &mut vars)).collect();
        match f(self.e, &hargs) {
            Ok(true) => {
                let n = vars.len();
                for k in 0..n {
                    let (i, v) = vars[k];
                    let d = crate::terms::deref(v);
                    if !crate::terms::is_var(d) || !d.same(&v) {
                        let w = self.from_heap(d, &mut vars);
                        if !self.unify(mk(REF, i), w) {
                            return Ok(false);
                        }
                    }
                }
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(b) => Err(self.heap_err(b, name, args.len())),
        }
    }

    /// A bridged deterministic builtin instruction.
    pub fn det(&mut self, cl: &Clause, f: u32, args: usize, n: usize) -> Flow<'gc> {
        let (func, name, _) = self.dets[f as usize];
        let ws: Vec<Word> = (0..n).map(|k| self.build(cl, cl.roots[args + k])).collect();
        let name = self.atoms.name(name).to_string();
        if matches!(name.as_str(), "abolish" | "dynamic") {
            self.flush_db();
        }
        let r = match name.as_str() {
            "b_setval" | "b_getval" | "nb_setval" => self.gvar(&name, func, &ws),
            // the bridge's heap copy would not end on a cyclic term
            "acyclic_term" => Ok(!self.term_shape(ws[0]).0),
            "cyclic_term" => Ok(self.term_shape(ws[0]).0),
            "ground" => Ok(!self.term_shape(ws[0]).1),
            _ => self.bridge(func, &name, &ws),
        };
        if matches!(name.as_str(), "abolish" | "dynamic") {
            // it changed the database's predicate table: compile the change
            self.resync();
        }
        match r {
            Ok(true) => Flow::Next,
            Ok(false) => Flow::Fail,
            Err(b) => Flow::raise(b),
        }
    }

    /// A bridged nondeterministic builtin: its solutions become a choicepoint.
    pub fn nondet(&mut self, cl: &Clause, f: u32, args: usize, n: usize) -> Flow<'gc> {
        let (func, name, _) = self.nondets[f as usize];
        if matches!(
            self.atoms.name(name),
            "current_predicate" | "predicate_property"
        ) {
            // they read the database
            self.flush_db();
        }
        let ws: Vec<Word> = (0..n).map(|k| self.build(cl, cl.roots[args + k])).collect();
        let mut vars = Vec::new();
        let hargs: Vec<Value<'gc>> = ws.iter().map(|w| self.to_heap(*w, &mut vars)).collect();
        match func(self.e, &hargs) {
            Ok((target, sols)) => {
                if sols.is_empty() {
                    return Flow::Fail;
                }
                let h = self.cps.len();
                let sols = Rc::new(sols);
                if sols.len() > 1 {
                    self.push_cp(
                        Alt::Sols(Box::new(SolsAlt {
                            target,
                            sols: sols.clone(),
                            next: 1,
                            vars: vars.clone(),
                        })),
                        0,
                        h,
                    );
                }
                let t = self.from_heap(target, &mut vars);
                let s = self.from_heap(sols[0], &mut vars);
                if self.unify(t, s) {
                    Flow::Next
                } else {
                    Flow::Fail
                }
            }
            Err(b) => {
                let name = self.atoms.name(name).to_string();
                Flow::raise(self.heap_err(b, &name, n))
            }
        }
    }

    /// between/3.
    pub fn between(&mut self, cl: &Clause, args: usize) -> Flow<'gc> {
        let ws: Vec<Word> = (0..3).map(|k| self.build(cl, cl.roots[args + k])).collect();
        let d: Vec<Word> = ws.iter().map(|w| self.s.deref(*w)).collect();
        let inf = tag(d[1]) == ATOM && matches!(self.atoms.name(atom_id(d[1])), "inf" | "infinite");
        if tag(d[0]) != INT || !(tag(d[1]) == INT || inf) || !(tag(d[2]) == INT || tag(d[2]) == REF)
        {
            // errors and bigints: the older engine's between/3 checks
            return self.nondet_named("between", &ws);
        }
        let lo = int_val(d[0]);
        let hi = if inf { None } else { Some(int_val(d[1])) };
        if tag(d[2]) == INT {
            let x = int_val(d[2]);
            return if x >= lo && hi.is_none_or(|h| x <= h) {
                Flow::Next
            } else {
                Flow::Fail
            };
        }
        if hi.is_some_and(|h| lo > h) {
            return Flow::Fail;
        }
        if hi != Some(lo) {
            let h = self.cps.len();
            self.push_cp(
                Alt::Between {
                    next: lo + 1,
                    hi,
                    var: d[2],
                },
                0,
                h,
            );
        }
        let w = self.int_word(lo);
        self.bind(d[2], w);
        Flow::Next
    }

    fn nondet_named(&mut self, name: &str, ws: &[Word]) -> Flow<'gc> {
        let g = self.e.g.borrow().lookup(name, ws.len());
        let Some(crate::builtins::Proc::Control(crate::machine::Ctl::Between)) = g else {
            return Flow::Fail;
        };
        // between/3 with unusual arguments: reproduce the older engine's
        // checks through its type errors
        let mut vars = Vec::new();
        let h: Vec<Value<'gc>> = ws.iter().map(|w| self.to_heap(*w, &mut vars)).collect();
        for (k, v) in h.iter().enumerate().take(2) {
            match crate::terms::view(*v) {
                crate::terms::T::Var => return Flow::raise(self.inst(name, 3)),
                crate::terms::T::Int(_) | crate::terms::T::Big(_) => {}
                crate::terms::T::Atom("inf" | "infinite") if k == 1 => {}
                _ => return Flow::raise(self.type_err("integer", self.s.deref(ws[k]), name, 3)),
            }
        }
        match crate::terms::view(h[2]) {
            crate::terms::T::Var | crate::terms::T::Int(_) | crate::terms::T::Big(_) => Flow::Fail,
            _ => Flow::raise(self.type_err("integer", self.s.deref(ws[2]), name, 3)),
        }
    }

    // ---- database ----

    /// Splits a clause term into head and body words.
    fn split(&self, t: Word) -> (Word, Word) {
        let d = self.s.deref(t);
        if tag(d) == STR && self.s.get(idx(d)) == fun(ids::NECK, 2) {
            (self.s.deref(self.s.get(idx(d) + 1)), self.s.get(idx(d) + 2))
        } else {
            (d, atom(ids::TRUE))
        }
    }

    /// A store term as a clause source (variables numbered from 0).
    fn to_tm(&mut self, w: Word, vars: &mut Vec<usize>) -> Tm {
        let d = self.s.deref(w);
        match tag(d) {
            REF => {
                let i = idx(d);
                let n = match vars.iter().position(|&v| v == i) {
                    Some(n) => n,
                    None => {
                        vars.push(i);
                        vars.len() - 1
                    }
                };
                Tm::Var(n)
            }
            STR | LIS => {
                let (f, n) = self.functor_of(d).unwrap();
                Tm::Cmp(
                    f,
                    (0..n)
                        .map(|k| self.to_tm(self.arg_of(d, k), vars))
                        .collect(),
                )
            }
            BOX => {
                let b = self.unbox(d).clone();
                Tm::Atomic(self.pboxed(b))
            }
            _ => Tm::Atomic(d),
        }
    }

    /// assertz/asserta.
    fn assert(&mut self, t: Word, front: bool) -> Result<(), Ball<'gc>> {
        let (h, b) = self.split(t);
        let Some((name, n)) = (match tag(h) {
            ATOM | STR | LIS => self.functor_of(h),
            _ => None,
        }) else {
            return Err(if tag(h) == REF {
                self.inst("assertz", 1)
            } else {
                self.type_err("callable", h, "assertz", 1)
            });
        };
        let bd = self.s.deref(b);
        if tag(bd) == INT || tag(bd) == BOX {
            return Err(self.type_err("callable", bd, "assertz", 1));
        }
        if self.maybe_cyclic(t) {
            let f = err::representation_error(self.e.mc, "cyclic_term");
            return Err(self.heap_err(f, "assertz", 1));
        }
        if self.is_builtin(name, n) {
            let mc = self.e.mc;
            let pi = err::pi(mc, self.atoms.name(name), n);
            let f = err::permission_error(mc, "modify", "static_procedure", pi);
            return Err(self.heap_err(f, "assertz", 1));
        }
        let p = match self.pred_ix.get(&(name, n)) {
            Some(&p) => p,
            None => self.new_pred(name, n, true, true),
        };
        if !self.preds[p as usize].dynamic && self.preds[p as usize].live > 0 {
            let mc = self.e.mc;
            let pi = err::pi(mc, self.atoms.name(name), n);
            let f = err::permission_error(mc, "modify", "static_procedure", pi);
            return Err(self.heap_err(f, "assertz", 1));
        }
        self.preds[p as usize].dynamic = true;
        self.preds[p as usize].defined = true;
        let mut vars = Vec::new();
        let head: Vec<Tm> = (0..n)
            .map(|k| self.to_tm(self.arg_of(h, k), &mut vars))
            .collect();
        let body = bar_to_semi(self.to_tm(bd, &mut vars));
        let nv = vars.len();
        let (c, _) = Compiler::clause(self, &head, &body, nv);
        let key = c.key;
        let id = self.push_clause(c, Value::None);
        // the database gets it when the goal ends (or a builtin reads it)
        self.journal(p, Some((id, head, body, nv)), front);
        self.db.gen += 1;
        let gen = self.db.gen;
        self.preds[p as usize].add(id, key, gen, front);
        Ok(())
    }

    fn retractall(&mut self, h: Word) -> Result<(), Ball<'gc>> {
        let hd = self.s.deref(h);
        let Some((name, n)) = (match tag(hd) {
            ATOM | STR | LIS => self.functor_of(hd),
            _ => None,
        }) else {
            return Err(if tag(hd) == REF {
                self.inst("retractall", 1)
            } else {
                self.type_err("callable", hd, "retractall", 1)
            });
        };
        let p = match self.pred_ix.get(&(name, n)) {
            Some(&p) => p,
            None => {
                let p = self.new_pred(name, n, true, true);
                self.journal(p, None, false);
                return Ok(());
            }
        };
        if !self.preds[p as usize].dynamic {
            if self.preds[p as usize].live == 0 {
                self.preds[p as usize].dynamic = true;
                self.preds[p as usize].defined = true;
                self.journal(p, None, false);
                return Ok(());
            }
            let mc = self.e.mc;
            let pi = err::pi(mc, self.atoms.name(name), n);
            let f = err::permission_error(mc, "modify", "static_procedure", pi);
            return Err(self.heap_err(f, "retractall", 1));
        }
        // the candidates first (erasing changes no position)
        let key = if n > 0 {
            self.key_of(self.arg_of(hd, 0))
        } else {
            0
        };
        let gen = self.db.gen;
        let mut found = Vec::new();
        {
            let pr = &self.preds[p as usize];
            let (bucket, sel, mut pos) = pr.select(key);
            while let Some(i) = pr.next(bucket, sel, gen, pos) {
                found.push(pr.at(bucket, sel, i));
                pos = i + 1;
            }
        }
        for at in found {
            let c = self.preds[p as usize].cls.get(at).id;
            let hh = self.cps.len();
            self.push_cp(Alt::Dead, 0, hh);
            let m = self.clause_matches(c, hd, None);
            self.cut_restore(hh);
            if m {
                self.erase_at(p, at);
            }
        }
        self.maybe_compact(p);
        Ok(())
    }

    /// Erases the clause at clause-list position `at` of predicate `p`
    /// (a retract): a new generation; its database record (if any) is
    /// marked erased now, the clause list written when the goal ends.
    fn erase_at(&mut self, p: u32, at: i32) {
        if self.preds[p as usize].cls.get(at).died != ALIVE {
            return;
        }
        self.db.gen += 1;
        let gen = self.db.gen;
        let c = self.preds[p as usize].erase(at, gen);
        let rec = self.clause_record(c);
        if !matches!(rec, Value::None) {
            vm_core::heap::set_field(self.e.mc, rec, crate::machine::C_ERASED, Value::Bool(true));
        }
        self.journal(p, None, true);
    }

    /// Whether clause `c`'s head (and body) unify with `h` (and `b`),
    /// in a fresh frame (bindings stay).
    fn clause_matches(&mut self, c: u32, h: Word, b: Option<Word>) -> bool {
        let cl = self.clauses[c as usize].clone();
        let (fe, cpr) = (self.fe, self.cpr);
        let b0 = self.cps.len();
        let ok = self.alloc_frame_pub(cl.nslots as usize, b0) && {
            let mut ok = true;
            for k in 0..cl.head.len() {
                let x = self.arg_of(h, k);
                if !self.get(&cl, cl.head[k], x) {
                    ok = false;
                    break;
                }
            }
            ok && match b {
                Some(b) => {
                    let bw = self.build(&cl, cl.body);
                    self.unify(bw, b)
                }
                None => true,
            }
        };
        self.fe = fe;
        self.cpr = cpr;
        ok
    }

    /// clause/2 and retract/1: start.
    pub fn clause_start(&mut self, cl: &Clause, args: usize, retract: bool) -> Flow<'gc> {
        let (h, b) = if retract {
            let t = self.build(cl, cl.roots[args]);
            self.split(t)
        } else {
            let h = self.build(cl, cl.roots[args]);
            (self.s.deref(h), self.build(cl, cl.roots[args + 1]))
        };
        let pname = if retract { "retract" } else { "clause" };
        let pn = if retract { 1 } else { 2 };
        let Some((name, n)) = (match tag(h) {
            ATOM | STR | LIS => self.functor_of(h),
            _ => None,
        }) else {
            return Flow::raise(if tag(h) == REF {
                self.inst(pname, pn)
            } else {
                self.type_err("callable", h, pname, pn)
            });
        };
        // a number as clause/2's body fails (as in SWI-Prolog, no type
        // error)
        if self.is_builtin(name, n) {
            let mc = self.e.mc;
            let pi = err::pi(mc, self.atoms.name(name), n);
            let f = if retract {
                err::permission_error(mc, "modify", "static_procedure", pi)
            } else {
                err::permission_error(mc, "access", "private_procedure", pi)
            };
            return Flow::raise(self.heap_err(f, pname, pn));
        }
        let Some(&p) = self.pred_ix.get(&(name, n)) else {
            return Flow::Fail;
        };
        if retract && !self.preds[p as usize].dynamic && self.preds[p as usize].live > 0 {
            let mc = self.e.mc;
            let pi = err::pi(mc, self.atoms.name(name), n);
            let f = err::permission_error(mc, "modify", "static_procedure", pi);
            return Flow::raise(self.heap_err(f, "retract", 1));
        }
        let key = if n > 0 {
            self.key_of(self.arg_of(h, 0))
        } else {
            0
        };
        let pr = &self.preds[p as usize];
        let (bucket, sel, pos) = pr.select(key);
        let it = ClauseIt {
            _pin: pr.pin.clone(),
            sel,
            gen: self.db.gen,
            pred: p | bucket,
            pos,
            head: h,
            body: b,
            retract,
        };
        match self.clause_iter(Box::new(it)) {
            Some(f) => f,
            None => Flow::Fail,
        }
    }

    /// clause/2 and retract/1 from the candidate at `it.pos` on: the
    /// first clause that unifies (leaving a choicepoint when another
    /// candidate follows); `None` when none does (the caller backtracks).
    /// retract/1 yields clauses erased since the iteration started too
    /// (they are in its view; SWI-Prolog does the same).
    pub fn clause_iter(&mut self, mut it: Box<ClauseIt>) -> Option<Flow<'gc>> {
        let p = it.pred & !BUCKET;
        let bucket = it.pred & BUCKET;
        loop {
            let pr = &self.preds[p as usize];
            let i = pr.next(bucket, it.sel, it.gen, it.pos)?;
            let at = pr.at(bucket, it.sel, i);
            let e = pr.cls.get(at);
            it.pos = i + 1;
            let h = self.cps.len();
            self.push_cp(Alt::Dead, 0, h);
            if self.clause_matches(e.id, it.head, Some(it.body)) {
                let more = {
                    let pr = &self.preds[p as usize];
                    pr.next(bucket, it.sel, it.gen, it.pos)
                };
                let retract = it.retract;
                if let Some(j) = more {
                    // the choicepoint stays (bindings are trailed against it)
                    it.pos = j;
                    self.cps[h].alt = Alt::ClauseIter(it);
                }
                if retract {
                    self.erase_at(p, at);
                    self.maybe_compact(p);
                }
                return Some(self.continue_det());
            }
            let tr = self.cps[h].tr;
            self.untrail(tr);
            let st = self.cps[h].st;
            self.s.truncate(st);
            self.pop_cp_pub();
        }
    }

    // ---- write-through to the older engine's database ----

    /// Notes a change of predicate `p` for [`Mach::flush_db`]: a clause
    /// asserted (its id and source); `rewrite` when the change is not an
    /// append (a retract, an asserta).
    fn journal(&mut self, p: u32, added: Option<(u32, Vec<Tm>, Tm, usize)>, rewrite: bool) {
        let mut g = self.e.g.borrow_mut();
        let Some(side) = g.store.as_mut() else { return };
        *side.touched.entry(p).or_insert(false) |= rewrite;
        if let Some((id, h, b, nv)) = added {
            side.pending.insert(id, (h, b, nv));
        }
    }

    /// Writes the database changes made since the last flush to the older
    /// engine's database: per changed predicate, the records of its new
    /// clauses (made from their sources; a clause asserted and retracted
    /// in between never gets one) appended to its clause list, or, after
    /// a retract or an asserta, its clause list rebuilt from the live
    /// clauses (retracted records were marked erased when retracted); and
    /// assert's dynamic flag. O(changes) for appends, O(clauses) for a
    /// rebuild, once per flush (goal end, or a bridged builtin that reads
    /// the database).
    pub fn flush_db(&mut self) {
        let (touched, mut pending) = {
            let mut g = self.e.g.borrow_mut();
            let Some(side) = g.store.as_mut() else { return };
            if side.touched.is_empty() {
                return;
            }
            (
                std::mem::take(&mut side.touched),
                std::mem::take(&mut side.pending),
            )
        };
        let e = self.e;
        let mc = e.mc;
        let mut touched: Vec<(u32, bool)> = touched.into_iter().collect();
        touched.sort_unstable();
        for (p, rewrite) in touched {
            let (name, n, dynamic) = {
                let pr = &self.preds[p as usize];
                (self.atoms.name(pr.name).to_string(), pr.arity, pr.dynamic)
            };
            let Ok(rec) = crate::builtins::db::get_or_create_pred(e, &name, n) else {
                continue;
            };
            // the clauses to write: all live ones, or the unwritten tail
            let ids: Vec<u32> = {
                let pr = &self.preds[p as usize];
                if rewrite {
                    pr.live_ids().collect()
                } else {
                    let mut tail: Vec<u32> = pr
                        .cls
                        .iter()
                        .rev()
                        .take_while(|x| pending.contains_key(&x.id))
                        .filter(|x| x.died == ALIVE)
                        .map(|x| x.id)
                        .collect();
                    tail.reverse();
                    tail
                }
            };
            let mut items = Vec::with_capacity(ids.len());
            for c in ids {
                let mut r = self.clause_record(c);
                if matches!(r, Value::None) {
                    let Some((h, b, nv)) = pending.remove(&c) else {
                        continue;
                    };
                    let mut vars = vec![None; nv];
                    let pname = self.preds[p as usize].name;
                    let head = self.tm_heap(&Tm::Cmp(pname, h), &mut vars);
                    let body = self.tm_heap(&b, &mut vars);
                    let t = crate::terms::compound(mc, ":-", vec![head, body]);
                    match crate::builtins::db::compile_clause(e, t, false, &mut Vec::new()) {
                        Ok(x) => r = x,
                        Err(_) => continue,
                    }
                    self.set_clause_record(c, r);
                }
                items.push(r);
            }
            if rewrite {
                if self.preds[p as usize].ssu {
                    // the SSU translation's last clause is not compiled
                    // here (`Pred::ssu`): keep the database's
                    let old = vm_core::heap::get_field(rec, crate::machine::P_CLAUSES);
                    for k in 0..vm_core::heap::list_len(old) {
                        let c = vm_core::heap::list_get(old, k);
                        if crate::store::is_ssu_no_match(c) {
                            items.push(c);
                        }
                    }
                }
                vm_core::heap::set_field(
                    mc,
                    rec,
                    crate::machine::P_CLAUSES,
                    vm_core::heap::new_list_from(mc, items),
                );
            } else {
                let list = vm_core::heap::get_field(rec, crate::machine::P_CLAUSES);
                for r in items {
                    vm_core::heap::list_append(mc, list, r);
                }
            }
            if dynamic {
                vm_core::heap::set_field(mc, rec, crate::machine::P_DYNAMIC, Value::Bool(true));
            }
            self.mark_synced(&name, n);
        }
    }

    /// A heap term for a clause source.
    fn tm_heap(&self, t: &Tm, vars: &mut Vec<Option<Value<'gc>>>) -> Value<'gc> {
        let mc = self.e.mc;
        match t {
            Tm::Var(n) => {
                if vars.len() <= *n {
                    vars.resize(*n + 1, None);
                }
                *vars[*n].get_or_insert_with(|| self.e.new_var())
            }
            Tm::Atomic(w) | Tm::Embed(w) => self.to_heap(*w, &mut Vec::new()),
            Tm::Cmp(f, a) if *f == ids::DOT && a.len() == 2 => {
                let h = self.tm_heap(&a[0], vars);
                let t = self.tm_heap(&a[1], vars);
                crate::terms::list_from(mc, vec![h], t)
            }
            Tm::Cmp(f, a) => {
                let args: Vec<Value<'gc>> = a.iter().map(|x| self.tm_heap(x, vars)).collect();
                crate::terms::compound_v(mc, self.e.atom(self.atoms.name(*f)), args)
            }
        }
    }

    // ---- backtrackable global variables ----

    /// b_setval/2, b_getval/2 (and nb_setval/2, which ends a b_setval
    /// binding). A b_setval value lives in a store cell
    /// `'$b_gvar'(Key, Value)` whose value word is updated with trailing,
    /// so backtracking restores the old value, and backtracking past the
    /// cell's creation removes it: then the key has its nb_setval value
    /// (the older engine's global variable table), as in SWI-Prolog.
    fn gvar(&mut self, name: &str, f: crate::builtins::DetFn, ws: &[Word]) -> R<'gc> {
        let k = self.s.deref(ws[0]);
        if tag(k) != ATOM || k == NIL {
            return self.bridge(f, name, ws);
        }
        let key = atom_id(k);
        let marker = fun(self.atoms.intern("$b_gvar"), 2);
        let cell = self
            .e
            .g
            .borrow()
            .store
            .as_ref()
            .and_then(|s| s.bvars.get(&key).copied());
        let cell = cell
            .filter(|&i| i + 2 < self.s.len() && self.s.get(i) == marker && self.s.get(i + 1) == k);
        match name {
            "b_setval" => {
                let v = ws[1];
                match cell {
                    Some(i) => {
                        if i + 2 < self.hb {
                            let old = self.s.get(i + 2);
                            self.trail.push((i + 2, old));
                        }
                        self.s.set(i + 2, v);
                    }
                    None => {
                        let i = self.s.alloc(3);
                        self.s.set(i, marker);
                        self.s.set(i + 1, k);
                        self.s.set(i + 2, v);
                        if let Some(s) = self.e.g.borrow_mut().store.as_mut() {
                            s.bvars.insert(key, i);
                        }
                    }
                }
                Ok(true)
            }
            "b_getval" => match cell {
                Some(i) => {
                    let v = self.s.get(i + 2);
                    Ok(self.unify(ws[1], v))
                }
                None => self.bridge(f, name, ws),
            },
            _ => {
                if let Some(s) = self.e.g.borrow_mut().store.as_mut() {
                    s.bvars.remove(&key);
                }
                self.bridge(f, name, ws)
            }
        }
    }

    /// `type_error(list, L)` for a cyclic list `L` (shown up to where it
    /// starts repeating, ending in `...`).
    fn cyclic_list_error(&self, l: Word, name: &str) -> Ball<'gc> {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut items = Vec::new();
        let mut x = self.s.deref(l);
        let mut vars = Vec::new();
        while tag(x) == LIS && seen.insert(idx(x)) {
            let h = self.s.get(idx(x));
            let d = self.s.deref(h);
            items.push(if matches!(tag(d), STR | LIS) {
                self.e.atom("...")
            } else {
                self.to_heap(d, &mut vars)
            });
            x = self.s.deref(self.s.get(idx(x) + 1));
        }
        let mc = self.e.mc;
        let culprit = crate::terms::list_from(mc, items, self.e.atom("..."));
        self.heap_err(err::type_error(mc, "list", culprit), name, 2)
    }
}
