//! The term-store engine: the default engine (`POLYVM_PL_ENGINE=clause`
//! selects the older engines, for comparisons).
//!
//! A query's terms live in one vector of tagged words ([`words`]), not as
//! heap objects: a variable is a word, a compound a functor word followed
//! by its arguments, and backtracking frees everything a failed branch
//! built by truncating the vector. Clauses are compiled to templates and a
//! short instruction array ([`compile`]) run by a loop ([`run`],
//! [`machine`]) with frames and choicepoints on their own stacks.
//!
//! How it is used: the older engine reads the program (consult, load
//! warnings) into its heap database; every directive, initialization goal
//! and the `-g` goal then runs here (`'$store_run'`). The compiled program
//! is kept between goals ([`Saved`]); the older engine's database is the
//! source of truth: this engine's assert and retract reach it when the
//! goal ends (from a journal, [`Mach::flush_db`]; earlier for the bridged
//! builtins that read it), and predicates the older engine changed since
//! the last goal (consult,
//! a fallback goal, `abolish/1`, `dynamic/1`) are recompiled when the next
//! goal starts. Builtins run natively ([`builtins`]) or through a bridge
//! to the older engine's builtins on heap copies of their arguments. A goal
//! that can reach `consult/1` or `ensure_loaded/1` runs on the older engine
//! (a note on stderr when `POLYVM_LOG` includes `store`, which also notes
//! each goal this engine runs).

pub mod arith;
pub mod atoms;
pub mod builtins;
pub mod compile;
pub mod cyclic;
pub mod machine;
pub mod output;
pub mod preds;
pub mod run;
pub mod ssu;
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

/// Whether this engine runs goals: the default; `POLYVM_PL_ENGINE=clause`
/// selects the older engines (for comparisons).
pub fn enabled_by_env() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| !std::env::var("POLYVM_PL_ENGINE").is_ok_and(|v| v == "clause"))
}

fn log(msg: &str) {
    if std::env::var("POLYVM_LOG").is_ok_and(|v| v.split(',').any(|x| x == "store")) {
        eprintln!("[store] {msg}");
    }
}

/// The state record field holding this engine's heap-side bookkeeping (a
/// record of [`H_LISTS`] and [`H_CMAP`]); one field past the older
/// engine's own.
pub const MS_STORE: u32 = crate::machine::MS_NFIELDS as u32;
/// Per older predicate (index in `MS_PREDS`): its clause list as last
/// imported (identity tells whether it was replaced since).
const H_LISTS: u32 = 0;
/// Per store clause id: the older engine's clause record it mirrors
/// (`None` for clauses that are not in the database).
const H_CMAP: u32 = 1;

/// What was imported of one older predicate.
#[derive(Clone, Copy)]
struct Seen {
    /// Clauses in its list.
    len: usize,
    dynamic: bool,
    defined: bool,
    /// Whether it was the procedure its name/arity referred to.
    visible: bool,
}

/// The compiled program, kept between goals in [`crate::globals::Globals`]
/// (no GC values in it). The older engine's heap database stays the source
/// of truth: a store-engine assert or retract reaches it when the goal
/// ends or a bridged builtin reads it (so fallback goals,
/// `current_predicate/1` and the next consult see the change), and a
/// predicate the older engine changed
/// (consult, a fallback goal, `abolish/1`, `dynamic/1`) is recompiled when
/// the next goal starts ([`Mach::sync`]): a clause appended by the loader
/// is compiled alone, a replaced clause list in full.
pub struct Saved {
    atoms: crate::store::atoms::Atoms,
    pboxes: Vec<Boxed>,
    clauses: Vec<Rc<Clause>>,
    preds: Vec<machine::Pred>,
    pred_ix: rustc_hash::FxHashMap<(u32, usize), u32>,
    dets: Vec<(crate::builtins::DetFn, u32, usize)>,
    nondets: Vec<(crate::builtins::NonDetFn, u32, usize)>,
    catch_cid: u32,
    db: preds::DbState,
    /// Per older predicate index.
    seen: Vec<Option<Seen>>,
    /// Per store predicate: a clause calls a builtin this engine cannot run.
    bad: Vec<bool>,
    /// Whether the hand-written clauses exist.
    special: bool,
    /// A goal is running (a nested `'$store_run'` falls back).
    running: bool,
    /// Store cells of the b_setval/2 variables of the running goal.
    pub bvars: rustc_hash::FxHashMap<u32, usize>,
    /// The procedure table's generation at the last sync.
    proc_gen: u32,
    /// Predicates changed by this engine since the database was last
    /// written ([`Mach::flush_db`]); `true` when a clause was retracted
    /// or added in front (its clause list is rewritten, else the new
    /// clauses are appended).
    pub touched: rustc_hash::FxHashMap<u32, bool>,
    /// Sources of the clauses asserted since then (head arguments, body,
    /// variable count).
    pub pending: rustc_hash::FxHashMap<u32, (Vec<Tm>, Tm, usize)>,
}

impl Default for Saved {
    fn default() -> Self {
        Saved {
            atoms: Default::default(),
            pboxes: Vec::new(),
            clauses: Vec::new(),
            preds: Vec::new(),
            pred_ix: Default::default(),
            dets: Vec::new(),
            nondets: Vec::new(),
            catch_cid: u32::MAX,
            db: Default::default(),
            seen: Vec::new(),
            bad: Vec::new(),
            special: false,
            running: false,
            bvars: Default::default(),
            proc_gen: 0,
            touched: Default::default(),
            pending: Default::default(),
        }
    }
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Moves the saved program in.
    fn restore(&mut self, s: &mut Saved) {
        use std::mem::take;
        self.atoms = take(&mut s.atoms);
        self.pboxes = take(&mut s.pboxes);
        self.clauses = take(&mut s.clauses);
        self.preds = take(&mut s.preds);
        self.pred_ix = take(&mut s.pred_ix);
        self.dets = take(&mut s.dets);
        self.nondets = take(&mut s.nondets);
        self.catch_cid = s.catch_cid;
        self.db = take(&mut s.db);
    }

    /// Moves the program out again (after a goal).
    fn save(&mut self, s: &mut Saved) {
        use std::mem::take;
        s.atoms = take(&mut self.atoms);
        s.pboxes = take(&mut self.pboxes);
        s.clauses = take(&mut self.clauses);
        s.preds = take(&mut self.preds);
        s.pred_ix = take(&mut self.pred_ix);
        s.dets = take(&mut self.dets);
        s.nondets = take(&mut self.nondets);
        s.catch_cid = self.catch_cid;
        s.db = take(&mut self.db);
    }

    /// The heap-side bookkeeping record (made on first use).
    fn hside(&self) -> Value<'gc> {
        let e = self.e;
        let v = e.get(MS_STORE);
        if !matches!(v, Value::None) {
            return v;
        }
        let r = heap::new_record(
            e.mc,
            Value::Bool(true),
            vec![heap::new_list(e.mc), heap::new_list(e.mc)],
        );
        e.set(MS_STORE, r);
        r
    }

    /// Adds a program clause (a freed id if there is one); `rec` is the
    /// database record it mirrors.
    pub(crate) fn push_clause(&mut self, mut cl: Clause, rec: Value<'gc>) -> u32 {
        let cmap = heap::get_field(self.hside(), H_CMAP);
        if let Some(id) = self.db.free.pop() {
            cl.id = id;
            self.clauses[id as usize] = Rc::new(cl);
            heap::list_set(self.e.mc, cmap, id as i64, rec);
            return id;
        }
        let id = self.clauses.len() as u32;
        cl.id = id;
        self.clauses.push(Rc::new(cl));
        heap::list_append(self.e.mc, cmap, rec);
        id
    }

    /// Frees the id of clause `c` (nothing refers to it any more): its
    /// record mapping and an unwritten source go too.
    pub(crate) fn free_clause(&mut self, c: u32) {
        self.clauses[c as usize] = self.db.empty.clone();
        let cmap = heap::get_field(self.hside(), H_CMAP);
        if (c as i64) < heap::list_len(cmap) {
            heap::list_set(self.e.mc, cmap, c as i64, Value::None);
        }
        if let Some(side) = self.e.g.borrow_mut().store.as_mut() {
            side.pending.remove(&c);
        }
        self.db.free.push(c);
    }

    /// Drops the erased entries of `p` when they outnumber the live ones
    /// and no choicepoint iterates it: facts are freed now, rules when
    /// the goal ends.
    pub(crate) fn maybe_compact(&mut self, p: u32) {
        if !self.preds[p as usize].wants_compact() {
            return;
        }
        for c in self.preds[p as usize].compact() {
            if self.clauses[c as usize].code.len() <= 1 {
                // a fact: no frame or choicepoint can name it
                self.free_clause(c);
            } else {
                self.db.dead_rules.push(c);
            }
        }
    }

    /// Sets the database record store clause `c` mirrors.
    pub fn set_clause_record(&self, c: u32, rec: Value<'gc>) {
        let cmap = heap::get_field(self.hside(), H_CMAP);
        if (c as i64) < heap::list_len(cmap) {
            heap::list_set(self.e.mc, cmap, c as i64, rec);
        }
    }

    /// The database record store clause `c` mirrors.
    pub fn clause_record(&self, c: u32) -> Value<'gc> {
        let cmap = heap::get_field(self.hside(), H_CMAP);
        if (c as i64) < heap::list_len(cmap) {
            heap::list_get(cmap, c as i64)
        } else {
            Value::None
        }
    }

    /// Compiles one database clause record of predicate `pid`.
    fn import_clause(&mut self, pid: u32, c: Value<'gc>, bad: &mut bool) -> u32 {
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
        let pi = crate::terms::name_arity(head).map(|(n, a)| (self.atoms.intern(n), a));
        let (cl, uns) = Compiler::clause_of(self, pi, &h, &b, nv);
        *bad |= uns;
        let _ = pid;
        self.push_clause(cl, c)
    }

    /// Brings the compiled program up to date with the older engine's
    /// database: new predicates, clauses the loader appended, and
    /// predicates whose clause list was replaced or whose flags changed.
    fn sync(&mut self, side: &mut Saved) {
        let e = self.e;
        if !side.running {
            // erased clauses: no goal runs that could still use them
            for p in 0..self.preds.len() {
                if self.preds[p].dead > 0 {
                    let dead = self.preds[p].compact();
                    self.db.dead_rules.extend(dead);
                }
            }
            for c in std::mem::take(&mut self.db.dead_rules) {
                self.free_clause(c);
            }
        }
        let preds = e.get(MS_PREDS);
        let n = heap::list_len(preds) as usize;
        let lists = heap::get_field(self.hside(), H_LISTS);
        if side.seen.len() < n {
            side.seen.resize(n, None);
        }
        // visibility changes only with the procedure table
        let gen = e.g.borrow().proc_gen;
        let procs_changed = gen != side.proc_gen;
        side.proc_gen = gen;
        let mut changed = Vec::new();
        for k in 0..n {
            let p = heap::list_get(preds, k as i64);
            let list = heap::get_field(p, P_CLAUSES);
            let len = heap::list_len(list) as usize;
            let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
            let defined = matches!(heap::get_field(p, P_DEFINED), Value::Bool(true));
            if let Some(s) = side.seen[k] {
                if s.len == len
                    && s.dynamic == dynamic
                    && s.defined == defined
                    && heap::list_get(lists, k as i64).same(&list)
                    && (!procs_changed || self.visible_now(p, k) == s.visible)
                {
                    continue;
                }
            }
            changed.push(k);
        }
        // first the records of abolished predicates, then the live ones
        changed.sort_by_key(|&k| {
            let p = heap::list_get(preds, k as i64);
            self.visible_now(p, k)
        });
        // every predicate exists before any clause is compiled (calls
        // resolve to it)
        for &k in &changed {
            let p = heap::list_get(preds, k as i64);
            if !self.visible_now(p, k) {
                continue;
            }
            let name = crate::terms::atom_text(heap::get_field(p, P_NAME)).unwrap_or("");
            let arity = match heap::get_field(p, P_ARITY) {
                Value::Int(i) => i as usize,
                _ => 0,
            };
            let id = self.atoms.intern(name);
            if !self.pred_ix.contains_key(&(id, arity)) {
                let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
                let defined = matches!(heap::get_field(p, P_DEFINED), Value::Bool(true));
                self.new_pred(id, arity, dynamic, defined);
            }
        }
        if !side.special {
            side.special = true;
            self.special_clauses();
        }
        for k in changed {
            self.import(side, k);
        }
    }

    /// Whether older predicate record `p` (index `k`) is what its
    /// name/arity refers to (not abolished).
    fn visible_now(&self, p: Value<'gc>, k: usize) -> bool {
        let name = crate::terms::atom_text(heap::get_field(p, P_NAME)).unwrap_or("");
        let arity = match heap::get_field(p, P_ARITY) {
            Value::Int(i) => i as usize,
            _ => 0,
        };
        matches!(
            self.e.g.borrow().lookup(name, arity),
            Some(crate::builtins::Proc::User(i)) if i == k
        )
    }

    /// (Re)compiles older predicate `k`.
    fn import(&mut self, side: &mut Saved, k: usize) {
        let e = self.e;
        let p = heap::list_get(e.get(MS_PREDS), k as i64);
        let list = heap::get_field(p, P_CLAUSES);
        let len = heap::list_len(list) as usize;
        let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
        let defined = matches!(heap::get_field(p, P_DEFINED), Value::Bool(true));
        let visible = self.visible_now(p, k);
        let name = crate::terms::atom_text(heap::get_field(p, P_NAME)).unwrap_or("");
        let arity = match heap::get_field(p, P_ARITY) {
            Value::Int(i) => i as usize,
            _ => 0,
        };
        let id = self.atoms.intern(name);
        let lists = heap::get_field(self.hside(), H_LISTS);
        while (heap::list_len(lists) as usize) <= k {
            heap::list_append(e.mc, lists, Value::None);
        }
        let prev = side.seen[k];
        side.seen[k] = Some(Seen {
            len,
            dynamic,
            defined,
            visible,
        });
        let same_list = heap::list_get(lists, k as i64).same(&list);
        heap::list_set(e.mc, lists, k as i64, list);
        let pid = match self.pred_ix.get(&(id, arity)) {
            Some(&p) => p,
            None => {
                if !visible {
                    return;
                }
                self.new_pred(id, arity, dynamic, defined)
            }
        };
        if side.bad.len() < self.preds.len() {
            side.bad.resize(self.preds.len(), false);
        }
        if !visible {
            if self.e.g.borrow().lookup(name, arity).is_none() {
                // abolished: calls raise existence errors again
                self.drop_clauses(pid);
                let unknown_fail = self.e.g.borrow().flag_unknown_fail;
                let pr = &mut self.preds[pid as usize];
                pr.dynamic = false;
                pr.defined = unknown_fail;
                side.bad[pid as usize] = false;
            }
            return;
        }
        if same_list && prev.is_some_and(|s| s.visible && s.len == len) {
            // only its flags changed
            let pr = &mut self.preds[pid as usize];
            pr.dynamic = dynamic;
            pr.defined = defined;
            return;
        }
        let mut bad = false;
        let appended = match prev {
            Some(s) if same_list && s.visible && s.len <= len => Some(s.len),
            _ => None,
        };
        let start = match appended {
            Some(from) => {
                bad = side.bad[pid as usize];
                from
            }
            None => {
                self.drop_clauses(pid);
                0
            }
        };
        for i in start..len {
            let c = heap::list_get(list, i as i64);
            if matches!(heap::get_field(c, C_ERASED), Value::Bool(true)) {
                continue;
            }
            if is_ssu_no_match(c) {
                // the SSU translation's last clause: the predicate raises
                // when no rule is left ([`Mach::enter`]) instead of
                // keeping this clause as a candidate of every call
                self.preds[pid as usize].ssu = true;
                continue;
            }
            let id = self.import_clause(pid, c, &mut bad);
            let key = self.clauses[id as usize].key;
            self.db.gen += 1;
            let gen = self.db.gen;
            self.preds[pid as usize].add(id, key, gen, false);
        }
        if side.bad.len() < self.preds.len() {
            side.bad.resize(self.preds.len(), false);
        }
        side.bad[pid as usize] = bad;
        let pr = &mut self.preds[pid as usize];
        pr.dynamic = dynamic;
        pr.defined = defined;
        pr.build_switch();
    }

    /// Erases the compiled clauses of `pid` (the predicate was replaced
    /// or abolished in the database); calls running keep seeing them.
    fn drop_clauses(&mut self, pid: u32) {
        self.preds[pid as usize].ssu = false;
        self.db.gen += 1;
        let gen = self.db.gen;
        let gone = self.preds[pid as usize].erase_all(gen);
        let cmap = heap::get_field(self.hside(), H_CMAP);
        for c in gone {
            // the database no longer has them (nothing to write back)
            heap::list_set(self.e.mc, cmap, c as i64, Value::None);
        }
        self.maybe_compact(pid);
    }

    /// After a write-through to older predicate `name/arity`: records its
    /// new state as imported, so the next sync does not compile it again.
    pub fn mark_synced(&mut self, name: &str, arity: usize) {
        let Some(crate::builtins::Proc::User(k)) = self.e.g.borrow().lookup(name, arity) else {
            return;
        };
        let e = self.e;
        let p = heap::list_get(e.get(MS_PREDS), k as i64);
        let list = heap::get_field(p, P_CLAUSES);
        let lists = heap::get_field(self.hside(), H_LISTS);
        while (heap::list_len(lists) as usize) <= k {
            heap::list_append(e.mc, lists, Value::None);
        }
        heap::list_set(e.mc, lists, k as i64, list);
        let seen = Seen {
            len: heap::list_len(list) as usize,
            dynamic: matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true)),
            defined: matches!(heap::get_field(p, P_DEFINED), Value::Bool(true)),
            visible: true,
        };
        let mut g = e.g.borrow_mut();
        if let Some(s) = g.store.as_mut() {
            if s.seen.len() <= k {
                s.seen.resize(k + 1, None);
            }
            s.seen[k] = Some(seen);
        }
    }

    /// Brings the program up to date after a bridged builtin that changes
    /// the older engine's predicate table (`dynamic/1`, `abolish/1`).
    pub fn resync(&mut self) {
        let side = self.e.g.borrow_mut().store.take();
        if let Some(mut side) = side {
            self.sync(&mut side);
            self.e.g.borrow_mut().store = Some(side);
        }
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

    /// catch/3, findall/3 and findall/4 as hand-written clauses.
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
            ..Default::default()
        };
        self.catch_cid = self.push_clause(c, Value::None);
        self.preds[p as usize].add(self.catch_cid, 0, 0, false);
        self.preds[p as usize].build_switch();
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
            ..Default::default()
        };
        let id = self.push_clause(c, Value::None);
        self.preds[p as usize].add(id, 0, 0, false);
        self.preds[p as usize].build_switch();
        // findall(T, G, L, Tail) :- findall(T, G, L0), '$fa_append'(L0, Tail, L).
        let p = self.new_pred(findall, 4, false, true);
        let app = self.atoms.intern("$fa_append");
        let body = Tm::Cmp(
            ids::COMMA,
            vec![
                Tm::Cmp(findall, vec![Tm::Var(0), Tm::Var(1), Tm::Var(4)]),
                Tm::Cmp(app, vec![Tm::Var(4), Tm::Var(3), Tm::Var(2)]),
            ],
        );
        let head: Vec<Tm> = (0..4).map(Tm::Var).collect();
        let (c, _) = Compiler::clause(self, &head, &body, 5);
        let id = self.push_clause(c, Value::None);
        self.preds[p as usize].add(id, 0, 0, false);
        self.preds[p as usize].build_switch();
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
                for c in self.preds[p as usize].live_ids() {
                    if let Some(m) = scan(&self.clauses[c as usize], &mut Vec::new()) {
                        return Some(m);
                    }
                }
            }
            for c in self.preds[p as usize].live_ids() {
                let _ = scan(&self.clauses[c as usize], &mut work);
            }
        }
        None
    }
}

/// Whether database clause record `c` is the last clause of an SSU
/// predicate (`crate::ssu::no_match_clause`: body `'$ssu_no_match'(_)`).
pub(crate) fn is_ssu_no_match(c: Value<'_>) -> bool {
    matches!(
        view(heap::get_field(c, C_BODY)),
        T::Compound("$ssu_no_match", a) if a.len() == 1
    )
}

/// `'$store_run'(Goal, Result)`: runs `Goal` once on this engine. Result:
/// `true`, `false`, `error(Ball)`, `halt(Code)`, or `unsupported` (the
/// caller runs the goal on the default engine).
pub fn store_run<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> crate::machine::PResult<'gc, bool> {
    let mut side = e.g.borrow_mut().store.take().unwrap_or_default();
    if side.running {
        // a goal started from inside a goal (not expected): the default
        // engine runs it
        e.g.borrow_mut().store = Some(side);
        return Ok(e.unify(a[1], e.atom("unsupported")));
    }
    let mut m = Mach::new(e);
    m.restore(&mut side);
    m.sync(&mut side);
    side.running = true;
    // the bookkeeping stays reachable during the goal (write-through)
    e.g.borrow_mut().store = Some(side);
    let r = run_goal(&mut m, a[0]);
    m.flush_db();
    let mut side = e.g.borrow_mut().store.take().unwrap_or_default();
    side.running = false;
    side.bvars.clear();
    m.save(&mut side);
    e.g.borrow_mut().store = Some(side);
    Ok(e.unify(a[1], r))
}

/// Compiles and runs one goal; its outcome as a result term.
fn run_goal<'gc>(m: &mut Mach<'_, '_, 'gc>, g: Value<'gc>) -> Value<'gc> {
    let e = m.e;
    // the goal as the body of a clause with no head
    let goal = m.from_heap(g, &mut Vec::new());
    let tm = goal_tm_of(m, goal);
    let (mut c, uns) = Compiler::clause(m, &[], &tm, 0);
    let bad = match e.g.borrow().store.as_ref() {
        Some(s) if s.bad.iter().any(|&b| b) => s.bad.clone(),
        _ => Vec::new(),
    };
    let culprit = if uns {
        Some(unsupported_in(m, &tm).unwrap_or_else(|| "the goal".to_string()))
    } else if !bad.is_empty() {
        m.reaches_bad(&c, &bad)
    } else {
        None
    };
    if let Some(what) = culprit {
        log(&format!("falls back to the default engine: {what}"));
        return e.atom("unsupported");
    }
    log("runs the goal");
    // a temporary clause: freed when the goal ends
    c.id = m.tclauses.len() as u32 | machine::TEMP;
    let c = Rc::new(c);
    m.tclauses.push(c.clone());
    m.push_cp(Alt::Stop, 0, 0);
    m.fe = 0;
    m.cpr = machine::STOP;
    if !m.alloc_frame_pub(c.nslots as usize, 1) {
        return e.atom("false");
    }
    match m.run(c, 0) {
        Outcome::True => e.atom("true"),
        Outcome::False => e.atom("false"),
        Outcome::Error(v) => e.compound("error", vec![v]),
        Outcome::Halt(n) => e.compound("halt", vec![Value::Int(n as i64)]),
    }
}

/// The first builtin of goal `t` this engine cannot run, as `Name/Arity`.
fn unsupported_in(m: &mut Mach<'_, '_, '_>, t: &Tm) -> Option<String> {
    use crate::store::compile::Resolve;
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        let (name, n) = match t {
            Tm::Atomic(w) if tag(*w) == ATOM => (atom_id(*w), 0),
            Tm::Cmp(f, a) => {
                work.extend(a.iter().rev());
                (*f, a.len())
            }
            Tm::Embed(w) => {
                let d = m.s.deref(*w);
                if !matches!(tag(d), ATOM | STR | LIS) {
                    continue;
                }
                let Some((f, n)) = m.functor_of(d) else {
                    continue;
                };
                let args: Vec<Word> = (0..n).map(|k| m.arg_of(d, k)).collect();
                if m.unsupported(f, n) {
                    return Some(format!("{}/{}", m.atoms.name(f), n));
                }
                // meta-arguments of a store term: look one level into them
                for a in args {
                    let d = m.s.deref(a);
                    if matches!(tag(d), ATOM | STR | LIS) {
                        if let Some((f, n)) = m.functor_of(d) {
                            if m.unsupported(f, n) {
                                return Some(format!("{}/{}", m.atoms.name(f), n));
                            }
                        }
                    }
                }
                continue;
            }
            _ => continue,
        };
        if m.unsupported(name, n) {
            return Some(format!("{}/{}", m.atoms.name(name), n));
        }
    }
    None
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
