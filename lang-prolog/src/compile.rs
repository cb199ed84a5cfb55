//! The clause compiler: a clause template (see [`crate::terms`]) to a
//! WAM-style instruction vector, kept Rust-side in a per-clause vm-core
//! `Code` object (`Code::data` is a [`ClauseCode`], `Code::consts` the
//! atoms, numbers and functor names the instructions name by index).
//!
//! Registers: `0..arity` are the goal's arguments (the WAM's A registers),
//! the rest temporaries that `GetStruct` fills with a matched compound's
//! arguments. Variables are numbered as in the template (the environment,
//! a flat array per activation). Terms are built by postfix code on a
//! value stack (`Push*` then `Build`), so neither building nor head
//! matching recurses in Rust, whatever the term's depth.
//!
//! Head code (read/write mode as in the WAM): `GetStruct` on an unbound
//! argument runs the write block that follows it (postfix building ending
//! in `BindBuilt`), which skips the read block; on a compound with the
//! same functor it loads the arguments into temporaries and skips the write
//! block. Each block is compiled from the same set of variables seen so
//! far, and both end with the subterm's variables defined.
//!
//! Body code: per goal, postfix building of its arguments then `Call`
//! (name and arity) or `CallTerm` (the goal built as a term: atoms, goals
//! of more than `PEND_MAX` arguments). A clause's first goal is built at
//! entry and run from argument registers; goals 2..n run from a body
//! frame in the continuation that holds the clause's code, the goal index
//! and the environment (an immutable tuple), so they are built only when
//! reached. Variables first seen in goals 2..n that several goals share
//! are made at entry (`fresh`) so the environment never changes after it.

use vm_core::heap::{self, LangId};
use vm_core::{Mutation, Value};

use crate::builtins::Proc;
use crate::terms;

/// One instruction (`k`: a constant index, `r`: a register, `v`: a
/// variable, `n`: an arity).
#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// First occurrence of `v` in the head: `env[v] = reg[r]`.
    GetVar { v: u32, r: u32 },
    /// Later occurrence of `v` in the head: unify `env[v]` and `reg[r]`.
    GetVal { v: u32, r: u32 },
    /// An atomic constant in the head.
    GetConst { k: u32, r: u32 },
    /// A compound `consts[k]/n` in the head; temporaries from `t`; the
    /// write block is `wlen` instructions (ending with `BindBuilt`).
    GetStruct {
        k: u32,
        n: u32,
        r: u32,
        t: u32,
        wlen: u32,
    },
    /// End of a write block: binds `reg[r]` (unbound) to the built term,
    /// then skips the `rlen` instructions of the read block.
    BindBuilt { r: u32, rlen: u32 },
    /// Pushes a new variable and keeps it as `env[v]`.
    PushFirst { v: u32 },
    /// Pushes `env[v]`.
    PushVal { v: u32 },
    /// Pushes a new variable that occurs nowhere else (`_`).
    PushVoid,
    /// Pushes `consts[k]`.
    PushConst { k: u32 },
    /// Pops `n` values and pushes the compound `consts[k](...)`.
    Build { k: u32, n: u32 },
    /// The next `len` instructions build an arithmetic argument: when its
    /// variables are bound to integers, push the integer value instead.
    Fold { len: u32 },
    /// Calls `consts[k]/n` with the `n` values on the stack.
    Call { k: u32, n: u32 },
    /// Calls the goal term on the stack.
    CallTerm,
}

/// A compiled clause (the data of its `Code` object).
pub struct ClauseCode {
    /// Head instructions, then each goal's.
    pub ops: Vec<Op>,
    /// End of the head code in `ops`.
    pub head_end: usize,
    /// Each body goal's instructions: `ops[start..end]`, the last a call.
    pub goals: Vec<(u32, u32)>,
    /// Per goal, whether its code makes variables of its own (`PushFirst`),
    /// so running it from a frame needs a writable copy of the environment.
    pub local: Vec<bool>,
    /// Per goal (from the second), where the frame keeps its arguments
    /// built at entry, when it builds terms or makes variables (`None`:
    /// built when the goal runs). Built once, such a goal re-runs after
    /// backtracking without allocating (zebra, sendmore); goals of
    /// variables, constants and foldable arithmetic build nothing worth
    /// keeping and wait until they run (a failure before them saves the work).
    pub eager: Vec<Option<u32>>,
    /// Variables made at entry, after the first goal is built.
    pub fresh: Vec<u32>,
    /// Environment size (the template's variable count).
    pub nvars: usize,
    /// Registers: the arity plus the head's temporaries.
    pub nregs: usize,
    /// The head's arity (registers `0..arity` are the arguments).
    pub arity: usize,
    /// Per goal, the procedure its call looked up and the procedure
    /// table's generation then (`Globals::proc_gen`; 0: not yet).
    pub procs: Vec<std::cell::Cell<(u32, Option<Proc>)>>,
}

/// Deepest template the compiler accepts (the compiler recurses over the
/// template; deeper clauses run on the template-walking path).
const MAX_DEPTH: u32 = 200;

/// Largest template (in nodes) the compiler accepts.
const MAX_NODES: usize = 1 << 20;

enum K<'gc> {
    Var(usize),
    Compound(Value<'gc>, &'gc [Value<'gc>]),
    Atomic,
}

fn classify<'gc>(t: Value<'gc>) -> K<'gc> {
    match terms::tuple_parts(t) {
        Some((Value::Int(n), _)) => K::Var(n as usize),
        Some((name @ Value::Str(_), args)) => K::Compound(name, args),
        _ => K::Atomic,
    }
}

struct Cx<'gc> {
    ops: Vec<Op>,
    consts: Vec<Value<'gc>>,
    count: Vec<u32>,
    seen: Vec<bool>,
    nregs: u32,
}

impl<'gc> Cx<'gc> {
    fn konst(&mut self, v: Value<'gc>) -> u32 {
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    fn var_op(&mut self, v: usize, first: Op, later: Op) {
        if self.count[v] == 1 {
            self.ops.push(Op::PushVoid);
        } else if !self.seen[v] {
            self.seen[v] = true;
            self.ops.push(first);
        } else {
            self.ops.push(later);
        }
    }

    /// Postfix code building `t`.
    fn build(&mut self, t: Value<'gc>) {
        match classify(t) {
            K::Var(v) => {
                let v32 = v as u32;
                self.var_op(v, Op::PushFirst { v: v32 }, Op::PushVal { v: v32 })
            }
            K::Compound(name, args) => {
                for a in args {
                    self.build(*a);
                }
                let k = self.konst(name);
                self.ops.push(Op::Build {
                    k,
                    n: args.len() as u32,
                });
            }
            K::Atomic => {
                let k = self.konst(t);
                self.ops.push(Op::PushConst { k });
            }
        }
    }

    /// Code matching head argument template `t` against register `r`.
    fn head_arg(&mut self, t: Value<'gc>, r: u32) {
        match classify(t) {
            K::Var(v) => {
                if self.count[v] == 1 {
                    return;
                }
                let v32 = v as u32;
                if !self.seen[v] {
                    self.seen[v] = true;
                    self.ops.push(Op::GetVar { v: v32, r });
                } else {
                    self.ops.push(Op::GetVal { v: v32, r });
                }
            }
            K::Compound(name, args) => {
                let n = args.len() as u32;
                let t0 = self.nregs;
                self.nregs += n;
                let k = self.konst(name);
                let at = self.ops.len();
                self.ops.push(Op::GetStruct {
                    k,
                    n,
                    r,
                    t: t0,
                    wlen: 0,
                });
                let saved = self.seen.clone();
                self.build(t);
                let bind_at = self.ops.len();
                self.ops.push(Op::BindBuilt { r, rlen: 0 });
                let wlen = (self.ops.len() - at - 1) as u32;
                self.seen = saved;
                let rstart = self.ops.len();
                for (j, a) in args.iter().enumerate() {
                    self.head_arg(*a, t0 + j as u32);
                }
                let rlen = (self.ops.len() - rstart) as u32;
                self.ops[at] = Op::GetStruct {
                    k,
                    n,
                    r,
                    t: t0,
                    wlen,
                };
                self.ops[bind_at] = Op::BindBuilt { r, rlen };
            }
            K::Atomic => {
                let k = self.konst(t);
                self.ops.push(Op::GetConst { k, r });
            }
        }
    }

    /// Code building and calling body goal `g`.
    fn goal(&mut self, g: Value<'gc>) {
        if let K::Compound(name, args) = classify(g) {
            if args.len() <= crate::machine::PEND_MAX {
                let folds = match name {
                    Value::Str(s) => crate::machine::arith_args(s.as_str(), args.len()),
                    _ => 0,
                };
                for (i, a) in args.iter().enumerate() {
                    let foldable = folds & (1 << i) != 0 && matches!(a, Value::Tuple(_));
                    if foldable {
                        let at = self.ops.len();
                        self.ops.push(Op::Fold { len: 0 });
                        self.build(*a);
                        let len = (self.ops.len() - at - 1) as u32;
                        self.ops[at] = Op::Fold { len };
                    } else {
                        self.build(*a);
                    }
                }
                let k = self.konst(name);
                self.ops.push(Op::Call {
                    k,
                    n: args.len() as u32,
                });
                return;
            }
        }
        self.build(g);
        self.ops.push(Op::CallTerm);
    }
}

/// Visits every variable occurrence of template `t` (with `f(var)`);
/// `None` when the template is deeper than [`MAX_DEPTH`] or too large.
fn scan<'gc>(t: Value<'gc>, f: &mut dyn FnMut(usize), nodes: &mut usize) -> Option<()> {
    let mut stack = vec![(t, 0u32)];
    while let Some((x, d)) = stack.pop() {
        *nodes += 1;
        if d > MAX_DEPTH || *nodes > MAX_NODES {
            return None;
        }
        match classify(x) {
            K::Var(v) => f(v),
            K::Compound(_, args) => stack.extend(args.iter().map(|a| (*a, d + 1))),
            K::Atomic => {}
        }
    }
    Some(())
}

/// Compiles a clause (head template, flat body goal templates, variable
/// count) into a `Code` object of language `lang`; `None` when the clause
/// is too deep for the compiler (it then runs from its templates).
pub fn compile<'gc>(
    mc: &Mutation<'gc>,
    lang: LangId,
    head: Value<'gc>,
    goals: &[Value<'gc>],
    nvars: usize,
) -> Option<Value<'gc>> {
    let hargs: &[Value<'gc>] = terms::tuple_parts(head).map(|(_, a)| a).unwrap_or(&[]);
    let mut count = vec![0u32; nvars];
    // the first and last goal (0-based) each variable occurs in; usize::MAX: head
    let mut first = vec![usize::MAX - 1; nvars];
    let mut last = vec![0usize; nvars];
    let mut nodes = 0;
    for a in hargs {
        scan(
            *a,
            &mut |v| {
                count[v] += 1;
                first[v] = usize::MAX;
            },
            &mut nodes,
        )?;
    }
    for (gi, g) in goals.iter().enumerate() {
        scan(
            *g,
            &mut |v| {
                count[v] += 1;
                if first[v] == usize::MAX - 1 {
                    first[v] = gi;
                }
                last[v] = gi;
            },
            &mut nodes,
        )?;
    }
    let mut cx = Cx {
        ops: Vec::new(),
        consts: Vec::new(),
        count,
        seen: vec![false; nvars],
        nregs: hargs.len() as u32,
    };
    for (i, a) in hargs.iter().enumerate() {
        cx.head_arg(*a, i as u32);
    }
    let head_end = cx.ops.len();
    let mut ranges = Vec::with_capacity(goals.len());
    let mut fresh = Vec::new();
    for (gi, g) in goals.iter().enumerate() {
        if gi == 1 {
            // variables first seen in a later goal and shared by several
            // goals live in the environment from the start
            for v in 0..nvars {
                if first[v] != usize::MAX && first[v] >= 1 && first[v] < goals.len() {
                    if last[v] > first[v] && !cx.seen[v] {
                        cx.seen[v] = true;
                        fresh.push(v as u32);
                    }
                }
            }
        }
        let start = cx.ops.len() as u32;
        cx.goal(*g);
        ranges.push((start, cx.ops.len() as u32));
    }
    let local = ranges
        .iter()
        .map(|&(a, b)| {
            cx.ops[a as usize..b as usize]
                .iter()
                .any(|op| matches!(op, Op::PushFirst { .. }))
        })
        .collect();
    let mut eager = Vec::with_capacity(ranges.len());
    let mut slot = (4 + nvars) as u32;
    for (gi, &(a, b)) in ranges.iter().enumerate() {
        let ops = &cx.ops[a as usize..b as usize];
        let mut builds = false;
        let mut pc = 0;
        while pc + 1 < ops.len() {
            match ops[pc] {
                Op::Fold { len } => pc += len as usize,
                Op::Build { .. } | Op::PushVoid | Op::PushFirst { .. } => builds = true,
                _ => {}
            }
            pc += 1;
        }
        if gi >= 1 && builds {
            eager.push(Some(slot));
            slot += match ops.last() {
                Some(Op::Call { n, .. }) => *n,
                _ => 1,
            };
        } else {
            eager.push(None);
        }
    }
    let code = ClauseCode {
        eager,
        local,
        procs: (0..ranges.len())
            .map(|_| std::cell::Cell::new((0, None)))
            .collect(),
        ops: cx.ops,
        head_end,
        goals: ranges,
        fresh,
        nvars,
        nregs: cx.nregs as usize,
        arity: hargs.len(),
    };
    Some(heap::new_code(mc, lang, Box::new(code), cx.consts))
}
