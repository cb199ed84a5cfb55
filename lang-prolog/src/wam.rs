//! Running compiled clauses (see [`crate::compile`]): head unification
//! against argument registers, body goals built from postfix code, and
//! body frames in the continuation.
//!
//! A **body frame** is a continuation entry like a goal cell (an immutable
//! tuple `[_, _, next, link]`) whose head is the clause's `Code` instead
//! of `true`: `[0, cut barrier, next, link, variables...]`, the clause's
//! environment inline (one allocation, two when the tuple is boxed). The
//! continuation is the pair (`MS_CONT`, `MS_CIDX`): an entry and, for a
//! frame, the index of its goal that runs next (the WAM's E and CP), and
//! every entry's `link` keeps its own continuation's index. Running goal
//! `i` of a frame builds its arguments and calls it with the continuation
//! (frame, `i + 1`), or after the last goal the frame's own continuation
//! (last-call optimisation: tail recursion runs in constant space); so a
//! clause activation allocates one frame whatever its number of goals.

use vm_core::heap::{self, Code};
use vm_core::Value;

use crate::builtins::Proc;
use crate::compile::{ClauseCode, Op};
use crate::errors as err;
use crate::machine::{
    atomic_eq, depth_of, link, next_idx_of, Eng, PResult, Pending, MS_CONT, PEND_MAX,
};
use crate::terms;

/// The value stack of postfix building (a scratch vector the machine
/// reuses, see [`Eng::take_scratch`]).
type Stack<'gc> = Vec<Value<'gc>>;

/// The environment goal code builds from (see `Eng::build_goal_code`).
trait GoalEnv<'gc> {
    /// The variables, for reading.
    fn slots(&self) -> &[Value<'gc>];
    /// Runs one building op.
    fn build(&mut self, e: &Eng<'_, 'gc>, op: Op, consts: &[Value<'gc>], st: &mut Stack<'gc>);
}

impl<'gc> GoalEnv<'gc> for &mut [Value<'gc>] {
    fn slots(&self) -> &[Value<'gc>] {
        self
    }
    #[inline]
    fn build(&mut self, e: &Eng<'_, 'gc>, op: Op, consts: &[Value<'gc>], st: &mut Stack<'gc>) {
        e.build_op(op, consts, self, st)
    }
}

impl<'gc> GoalEnv<'gc> for &[Value<'gc>] {
    fn slots(&self) -> &[Value<'gc>] {
        self
    }
    #[inline]
    fn build(&mut self, e: &Eng<'_, 'gc>, op: Op, consts: &[Value<'gc>], st: &mut Stack<'gc>) {
        e.build_op_ro(op, consts, self, st)
    }
}

/// The integer value of the arithmetic argument built by `ops` under
/// `env`, when every leaf is an integer (bound variables included) and
/// every operation `+`, `-` or `*` without overflow (the same value the
/// builtin would compute).
fn fold<'gc>(ops: &[Op], consts: &[Value<'gc>], env: &[Value<'gc>]) -> Option<i64> {
    let mut s = [0i64; 16];
    let mut n = 0;
    for op in ops {
        match *op {
            Op::PushVal { v } => {
                if n == s.len() {
                    return None;
                }
                s[n] = crate::arith::eval_small(env[v as usize], 0)?;
                n += 1;
            }
            Op::PushConst { k } => match consts[k as usize] {
                Value::Int(i) if n < s.len() => {
                    s[n] = i;
                    n += 1;
                }
                _ => return None,
            },
            Op::Build { k, n: 2 } if n >= 2 => {
                let (x, y) = (s[n - 2], s[n - 1]);
                n -= 2;
                s[n] = match consts[k as usize] {
                    Value::Str(o) => match o.as_str() {
                        "+" => x.checked_add(y)?,
                        "-" => x.checked_sub(y)?,
                        "*" => x.checked_mul(y)?,
                        _ => return None,
                    },
                    _ => return None,
                };
                n += 1;
            }
            Op::Build { k, n: 1 } if n >= 1 => match consts[k as usize] {
                Value::Str(o) if o.as_str() == "-" => s[n - 1] = s[n - 1].checked_neg()?,
                _ => return None,
            },
            _ => return None,
        }
    }
    if n == 1 {
        Some(s[0])
    } else {
        None
    }
}

impl<'a, 'gc> Eng<'a, 'gc> {
    /// The procedure that goal `gi` of `cc` (`name_v/n`) calls: kept at the
    /// call site while the procedure table is unchanged.
    #[inline]
    pub(crate) fn site_proc(
        &self,
        cc: &ClauseCode,
        gi: usize,
        name_v: Value<'gc>,
        n: usize,
    ) -> Option<Proc> {
        let g = self.g.borrow();
        let site = &cc.procs[gi];
        let (gen, p) = site.get();
        if gen == g.proc_gen {
            return p;
        }
        let Value::Str(s) = name_v else {
            return None;
        };
        let p = g.lookup_hashed(s.as_str(), s.hash_code(), n);
        site.set((g.proc_gen, p));
        p
    }

    /// Runs one building instruction.
    #[inline]
    fn build_op(&self, op: Op, consts: &[Value<'gc>], env: &mut [Value<'gc>], st: &mut Stack<'gc>) {
        match op {
            Op::PushFirst { v } => {
                let x = self.new_var();
                env[v as usize] = x;
                st.push(x);
            }
            op => self.build_op_ro(op, consts, env, st),
        }
    }

    /// [`Eng::build_op`] for an op that makes no variable of the clause's
    /// own (anything but `PushFirst`), reading the environment in place.
    fn build_op_ro(&self, op: Op, consts: &[Value<'gc>], env: &[Value<'gc>], st: &mut Stack<'gc>) {
        match op {
            Op::PushVal { v } => st.push(env[v as usize]),
            Op::PushVoid => st.push(self.new_var()),
            Op::PushConst { k } => st.push(consts[k as usize]),
            Op::Build { k, n } => {
                let at = st.len() - n as usize;
                let t = heap::new_tuple(self.mc, consts[k as usize], &st[at..]);
                st.truncate(at);
                st.push(t);
            }
            _ => {}
        }
    }

    /// Runs the head code: unifies the clause head with the registers
    /// (arguments first), filling `env`. `false` on failure (the caller
    /// backtracks, which undoes partial bindings).
    fn run_head(
        &self,
        cc: &ClauseCode,
        consts: &[Value<'gc>],
        regs: &mut [Value<'gc>],
        env: &mut [Value<'gc>],
        st: &mut Stack<'gc>,
    ) -> bool {
        let ops = &cc.ops[..cc.head_end];
        let mut pc = 0;
        while pc < ops.len() {
            match ops[pc] {
                Op::GetVar { v, r } => env[v as usize] = regs[r as usize],
                Op::GetVal { v, r } => {
                    if !self.unify(env[v as usize], regs[r as usize]) {
                        return false;
                    }
                }
                Op::GetConst { k, r } => {
                    let x = terms::deref(regs[r as usize]);
                    let c = consts[k as usize];
                    if terms::is_var(x) {
                        self.bind(x, c);
                    } else if !atomic_eq(c, x) {
                        return false;
                    }
                }
                Op::GetStruct { k, n, r, t, wlen } => {
                    let x = terms::deref(regs[r as usize]);
                    match x {
                        Value::Cell(_) => {
                            // write mode: the block after this builds the term
                            pc += 1;
                            continue;
                        }
                        Value::Tuple(tp) => {
                            let tp: &'gc heap::Tuple<'gc> = vm_core::Gc::as_ref(tp);
                            let a = tp.args();
                            if a.len() != n as usize
                                || !terms::same_name(consts[k as usize], tp.head())
                                || !matches!(tp.head(), Value::Str(_))
                            {
                                return false;
                            }
                            let t = t as usize;
                            regs[t..t + a.len()].copy_from_slice(a);
                            pc += 1 + wlen as usize;
                            continue;
                        }
                        _ => return false,
                    }
                }
                Op::BindBuilt { r, rlen } => {
                    let b = st.pop().unwrap_or(Value::None);
                    let x = terms::deref(regs[r as usize]);
                    self.bind(x, b);
                    pc += 1 + rlen as usize;
                    continue;
                }
                op => self.build_op(op, consts, env, st),
            }
            pc += 1;
        }
        true
    }

    /// Builds the arguments of the goal in `ops[start..end]` onto `st`,
    /// from a writable environment (`&mut [Value]`: the goal's own new
    /// variables are kept) or a read-only one (`&[Value]`: a frame's
    /// variables read in place, for goals that make none); returns its
    /// call instruction.
    fn build_goal_code<E: GoalEnv<'gc>>(
        &self,
        cc: &ClauseCode,
        consts: &[Value<'gc>],
        (start, end): (u32, u32),
        mut env: E,
        st: &mut Stack<'gc>,
    ) -> Op {
        let ops = &cc.ops[start as usize..end as usize];
        let mut pc = 0;
        while pc + 1 < ops.len() {
            match ops[pc] {
                Op::Fold { len } => {
                    let block = &ops[pc + 1..pc + 1 + len as usize];
                    if let Some(i) = fold(block, consts, env.slots()) {
                        st.push(Value::Int(i));
                        pc += 1 + len as usize;
                        continue;
                    }
                }
                op => env.build(self, op, consts, st),
            }
            pc += 1;
        }
        ops.last().copied().unwrap_or(Op::CallTerm)
    }

    /// The pending goal for call instruction `call` with the goal's
    /// arguments (or term) on `st`.
    fn pending_of(
        &self,
        cc: &ClauseCode,
        gi: usize,
        call: Op,
        consts: &[Value<'gc>],
        st: &mut Stack<'gc>,
        cutb: i64,
    ) -> Pending<'gc> {
        let mut p = Pending::empty(cutb);
        match call {
            Op::Call { k, n } => {
                let n = n as usize;
                p.name = consts[k as usize];
                p.n = n;
                p.proc = self.site_proc(cc, gi, p.name, n);
                p.args[..n].copy_from_slice(&st[..n]);
            }
            _ => p.goal = st.pop(),
        }
        p
    }

    /// Resolves the goal whose arguments are `args` with the compiled clause
    /// `code` (the value `code_v`); the body's cut barrier is `cutb`. On
    /// success the first body goal is left pending and a body frame for the
    /// rest is pushed.
    pub(crate) fn resolve_compiled(
        &self,
        code_v: Value<'gc>,
        code: &'gc Code<'gc>,
        cc: &'gc ClauseCode,
        args: &[Value<'gc>],
        cutb: i64,
    ) -> PResult<'gc, ()> {
        let consts: &'gc [Value<'gc>] = &code.consts;
        let (mut buf, mut st) = self.take_scratch();
        buf.resize(cc.nregs + cc.nvars, Value::None);
        let (regs, env) = buf.split_at_mut(cc.nregs);
        let na = args.len().min(regs.len());
        regs[..na].copy_from_slice(&args[..na]);
        if !self.run_head(cc, consts, regs, env, &mut st) {
            self.put_scratch(buf, st);
            return self.backtrack();
        }
        let Some(&g0) = cc.goals.first() else {
            self.put_scratch(buf, st);
            return Ok(());
        };
        st.clear();
        let call = self.build_goal_code(cc, consts, g0, &mut *env, &mut st);
        for v in &cc.fresh {
            env[*v as usize] = self.new_var();
        }
        let p = self.pending_of(cc, 0, call, consts, &mut st, cutb);
        let mut r = Ok(());
        if cc.goals.len() > 1 {
            // the frame: [0, cut barrier, next, link, variables...]
            let next = self.get(MS_CONT);
            st.clear();
            st.extend_from_slice(&[
                Value::Int(0),
                Value::Int(cutb),
                next,
                link(next, self.cidx()),
            ]);
            st.extend_from_slice(env);
            // then the arguments of the goals built now (see `ClauseCode::eager`)
            for (gi, e) in cc.eager.iter().enumerate() {
                if e.is_some() {
                    self.build_goal_code(cc, consts, cc.goals[gi], &mut *env, &mut st);
                }
            }
            let k = heap::new_tuple(self.mc, code_v, &st);
            if depth_of(st[3]) > self.g.borrow().cont_limit {
                r = Err(err::resource_error(self.mc, "stack"));
            } else {
                self.set_cont(k, 1);
            }
        }
        if r.is_ok() {
            self.set_pending(p);
        }
        self.put_scratch(buf, st);
        r
    }

    /// Runs the next goal of body frame `k` (already the continuation's
    /// top, whose head is `code_v` and fields `f`).
    pub(crate) fn resume_frame(
        &self,
        code_v: Value<'gc>,
        k: Value<'gc>,
        f: &'gc [Value<'gc>],
        idx: i64,
    ) -> PResult<'gc, Option<u32>> {
        let Some(code) = heap::as_code(code_v) else {
            return Ok(None);
        };
        let Some(cc) = code.data::<ClauseCode>() else {
            return Ok(None);
        };
        let consts: &'gc [Value<'gc>] = &code.consts;
        let idx = (idx.max(0) as usize).min(cc.goals.len().saturating_sub(1));
        let cutb = int_of(f[1]);
        // the continuation moves to the frame's next goal (no allocation),
        // or after the last to the frame's own continuation
        if idx + 1 < cc.goals.len() {
            self.set_cont(k, idx as i64 + 1);
        } else {
            self.set_cont(f[2], next_idx_of(f[3]));
        }
        if let Some(slot) = cc.eager[idx] {
            // built at entry
            let at = (slot as usize).min(f.len());
            let (s, e) = cc.goals[idx];
            return match cc.ops.get((e as usize).wrapping_sub(1).max(s as usize)) {
                Some(&Op::Call { k, n }) => {
                    let name_v = consts[k as usize];
                    let name = match name_v {
                        Value::Str(s) => vm_core::Gc::as_ref(s).as_str(),
                        _ => "",
                    };
                    let n = (n as usize).min(f.len() - at);
                    let proc = self.site_proc(cc, idx, name_v, n);
                    self.call_proc(proc, None, name_v, name, &f[at..at + n], cutb)
                }
                _ => self.call_goal(f.get(at).copied().unwrap_or(Value::None), cutb),
            };
        }
        let (mut env, mut st) = self.take_scratch();
        let vars = f.get(FRAME_VARS..).unwrap_or(&[]);
        let call = if cc.local[idx] {
            env.extend_from_slice(vars);
            env.resize(cc.nvars.max(env.len()), Value::None);
            self.build_goal_code(cc, consts, cc.goals[idx], &mut env[..], &mut st)
        } else {
            self.build_goal_code(cc, consts, cc.goals[idx], vars, &mut st)
        };
        let r = match call {
            Op::Call { k, n } => {
                let name_v = consts[k as usize];
                let name = match name_v {
                    Value::Str(s) => vm_core::Gc::as_ref(s).as_str(),
                    _ => "",
                };
                let mut args = [Value::None; PEND_MAX];
                let n = (n as usize).min(PEND_MAX);
                args[..n].copy_from_slice(&st[..n]);
                self.put_scratch(env, st);
                let proc = self.site_proc(cc, idx, name_v, n);
                return self.call_proc(proc, None, name_v, name, &args[..n], cutb);
            }
            _ => st.pop().unwrap_or(Value::None),
        };
        self.put_scratch(env, st);
        self.call_goal(r, cutb)
    }
}

/// Where a body frame's variables start (after `[0, cut barrier, next, link]`).
const FRAME_VARS: usize = 4;

fn int_of(v: Value<'_>) -> i64 {
    match v {
        Value::Int(i) => i,
        _ => 0,
    }
}
