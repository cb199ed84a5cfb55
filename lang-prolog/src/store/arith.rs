//! Arithmetic on store words: small integers are evaluated in place; any
//! other expression (floats, bigints, functions beyond the basic ones,
//! errors) goes to the older engine's evaluator (`crate::arith`) through a
//! heap copy of the expression, so results and errors are the same.

use crate::arith::N;
use crate::store::compile::{AOp, Clause, Nat};
use crate::store::machine::{Flow, Mach};
use crate::store::terms::Boxed;
use crate::store::words::*;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// `Ins::Arith`: two small integers are computed here, anything else
    /// (floats, bigints, unbound or non-numeric operands, overflow) runs
    /// the general builtin, so the results and errors are the same.
    /// Inlined into the run loop (no call, no `Flow` through memory); the
    /// general case is [`Mach::arith_slow`].
    #[inline(always)]
    pub fn arith_ins(&mut self, cl: &Clause, op: AOp, args: usize) -> Flow<'gc> {
        let r = &cl.roots[args..];
        let is = matches!(
            op,
            AOp::Add | AOp::Sub | AOp::Mul | AOp::IDiv | AOp::Mod | AOp::Rem
        );
        let (ia, ib) = if is { (2, 3) } else { (0, 1) };
        if let (Some(x), Some(y)) = (self.small_arg(cl, r[ia]), self.small_arg(cl, r[ib])) {
            let ok = match op {
                AOp::Add => x.checked_add(y),
                AOp::Sub => x.checked_sub(y),
                AOp::Mul => x.checked_mul(y),
                // division by zero (and MIN // -1) is the builtin's: None
                AOp::IDiv => x.checked_div(y),
                AOp::Rem => x.checked_rem(y),
                AOp::Mod => x.checked_rem(y).map(|m| {
                    if m != 0 && (m < 0) != (y < 0) {
                        m + y
                    } else {
                        m
                    }
                }),
                AOp::Lt => return test(x < y),
                AOp::Gt => return test(x > y),
                AOp::Le => return test(x <= y),
                AOp::Ge => return test(x >= y),
                AOp::Eq => return test(x == y),
                AOp::Ne => return test(x != y),
            };
            if let Some(w) = ok.and_then(int) {
                return test(self.get(cl, r[0], w));
            }
        }
        self.arith_slow(cl, op, args)
    }

    /// [`Mach::arith_ins`] on anything but two small integers: the builtin.
    #[inline(never)]
    fn arith_slow(&mut self, cl: &Clause, op: AOp, args: usize) -> Flow<'gc> {
        match self.nat(cl, op.nat(), args) {
            Ok(b) => test(b),
            Err(b) => Flow::raise(b),
        }
    }

    /// `Ins::TestElse`: a test of a condition; failing goes to `to`.
    /// Arithmetic comparisons of two small integers are decided here
    /// (inlined into the run loop); anything else in
    /// [`Mach::test_else_slow`].
    #[inline(always)]
    pub fn test_else(&mut self, cl: &Clause, op: Nat, args: usize, to: usize) -> Flow<'gc> {
        let Some(cmp) = AOp::of_cmp(op) else {
            return self.test_else_slow(cl, op, args, to);
        };
        let (Some(x), Some(y)) = (
            self.small_arg(cl, cl.roots[args]),
            self.small_arg(cl, cl.roots[args + 1]),
        ) else {
            return self.test_else_slow(cl, op, args, to);
        };
        let ok = match cmp {
            AOp::Lt => x < y,
            AOp::Gt => x > y,
            AOp::Le => x <= y,
            AOp::Ge => x >= y,
            AOp::Eq => x == y,
            _ => x != y,
        };
        if ok {
            Flow::Next
        } else {
            Flow::Goto(to)
        }
    }

    /// [`Mach::test_else`] through the builtin.
    #[inline(never)]
    fn test_else_slow(&mut self, cl: &Clause, op: Nat, args: usize, to: usize) -> Flow<'gc> {
        match self.nat(cl, op, args) {
            Ok(true) => Flow::Next,
            Ok(false) => Flow::Goto(to),
            Err(b) => Flow::raise(b),
        }
    }

    /// The value of a variable or integer template operand, if a small
    /// integer.
    #[inline(always)]
    fn small_arg(&self, cl: &Clause, t: Word) -> Option<i64> {
        match tag(t) {
            INT => Some(int_val(t)),
            TPL => {
                let v = self.tpl_word(cl, t);
                if v == 0 {
                    return None;
                }
                let d = self.s.deref(v);
                (tag(d) == INT).then(|| int_val(d))
            }
            _ => None,
        }
    }

    /// Evaluates a small-integer expression (`None`: not one, or overflow,
    /// or an error the general evaluator reports). An explicit work stack,
    /// so deep expressions (eval.pl's 1000 nested additions) stay here.
    fn eval_small(&self, w: Word, _depth: u32) -> Option<i64> {
        self.eval_small_in(None, w)
    }

    /// [`Mach::eval_small`] on a store word (`cl` `None`) or on a clause
    /// template (`cl` given), so `N1 is N - 1` builds nothing in the store.
    pub fn eval_small_in(&self, cl: Option<&Clause>, w: Word) -> Option<i64> {
        // shallow expressions (nearly all) without allocating a work stack
        if let Some(v) = self.eval_fast(cl, w, cl.is_some(), 0) {
            return Some(v);
        }
        self.eval_stack(cl, w)
    }

    /// Recursive small-integer evaluation to depth 8 (`None`: deeper, or
    /// not a small-integer expression).
    fn eval_fast(&self, cl: Option<&Clause>, w: Word, in_tpl: bool, depth: u32) -> Option<i64> {
        let (f, a, b) = if in_tpl {
            let cl = cl?;
            match tag(w) {
                INT => return Some(int_val(w)),
                TPL => {
                    let v = self.tpl_word(cl, w);
                    if v == 0 {
                        return None;
                    }
                    return self.eval_fast(None, v, false, depth);
                }
                STR if depth < 8 => {
                    let i = idx(w);
                    let f = cl.tpl[i];
                    match fun_arity(f) {
                        1 => (f, cl.tpl[i + 1], 0),
                        2 => (f, cl.tpl[i + 1], cl.tpl[i + 2]),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        } else {
            let d = self.s.deref(w);
            match tag(d) {
                INT => return Some(int_val(d)),
                STR if depth < 8 => {
                    let i = idx(d);
                    let f = self.s.get(i);
                    match fun_arity(f) {
                        1 => (f, self.s.get(i + 1), 0),
                        2 => (f, self.s.get(i + 1), self.s.get(i + 2)),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        };
        let x = self.eval_fast(cl, a, in_tpl, depth + 1)?;
        let name = self.atoms.name(fun_name(f));
        if fun_arity(f) == 1 {
            return match name {
                "-" => x.checked_neg(),
                "+" => Some(x),
                "abs" => x.checked_abs(),
                _ => None,
            };
        }
        let y = self.eval_fast(cl, b, in_tpl, depth + 1)?;
        int_op(name, x, y)
    }

    /// Small-integer evaluation with an explicit work stack (any depth).
    fn eval_stack(&self, cl: Option<&Clause>, w: Word) -> Option<i64> {
        enum Job {
            Eval(Word, bool),
            Apply(Word),
        }
        let mut jobs = vec![Job::Eval(w, cl.is_some())];
        let mut vals: Vec<i64> = Vec::new();
        let mut steps = 0usize;
        while let Some(j) = jobs.pop() {
            steps += 1;
            // a cyclic expression would never end: a big expression is
            // left to the general evaluator, which raises SWI's error on a
            // cyclic one and computes the others
            if steps == crate::arith::CYCLE_CHECK_STEPS {
                return None;
            }
            match j {
                Job::Eval(w, true) => {
                    let cl = cl?;
                    match tag(w) {
                        TPL => {
                            let v = self.tpl_word(cl, w);
                            if v == 0 {
                                return None;
                            }
                            jobs.push(Job::Eval(v, false));
                        }
                        INT => vals.push(int_val(w)),
                        STR => {
                            let i = idx(w);
                            let f = cl.tpl[i];
                            let n = fun_arity(f);
                            if n == 0 || n > 2 {
                                return None;
                            }
                            jobs.push(Job::Apply(f));
                            for k in (0..n).rev() {
                                jobs.push(Job::Eval(cl.tpl[i + 1 + k], true));
                            }
                        }
                        _ => return None,
                    }
                }
                Job::Eval(w, false) => {
                    let d = self.s.deref(w);
                    match tag(d) {
                        INT => vals.push(int_val(d)),
                        STR => {
                            let i = idx(d);
                            let f = self.s.get(i);
                            let n = fun_arity(f);
                            if n == 0 || n > 2 {
                                return None;
                            }
                            jobs.push(Job::Apply(f));
                            for k in (0..n).rev() {
                                jobs.push(Job::Eval(self.s.get(i + 1 + k), false));
                            }
                        }
                        _ => return None,
                    }
                }
                Job::Apply(f) => {
                    let name = self.atoms.name(fun_name(f));
                    let r =
                        if fun_arity(f) == 2 {
                            let y = vals.pop()?;
                            let x = vals.pop()?;
                            match name {
                                "+" => x.checked_add(y),
                                "-" => x.checked_sub(y),
                                "*" => x.checked_mul(y),
                                "//" if y != 0 => x.checked_div(y),
                                "mod" if y != 0 => x.checked_rem_euclid(y).map(|r| {
                                    if r != 0 && y < 0 {
                                        r + y
                                    } else {
                                        r
                                    }
                                }),
                                "rem" if y != 0 => x.checked_rem(y),
                                "min" => Some(x.min(y)),
                                "max" => Some(x.max(y)),
                                ">>" if (0..64).contains(&y) => Some(x >> y),
                                "/\\" => Some(x & y),
                                "\\/" => Some(x | y),
                                _ => None,
                            }
                        } else {
                            let x = vals.pop()?;
                            match name {
                                "-" => x.checked_neg(),
                                "+" => Some(x),
                                "abs" => x.checked_abs(),
                                _ => None,
                            }
                        }?;
                    vals.push(r);
                }
            }
        }
        vals.pop()
    }

    /// Evaluates an expression; errors as heap balls (with `name/2`'s context).
    pub fn eval(&mut self, w: Word, name: &str) -> Result<N, vm_core::Value<'gc>> {
        self.eval_n(w)
            .map_err(|b| crate::builtins::add_context(self.e, b, name, 2))
    }

    /// Evaluates an expression; errors as heap balls without context (a
    /// cyclic expression raises the general evaluator's error).
    pub fn eval_n(&self, w: Word) -> Result<N, vm_core::Value<'gc>> {
        if let Some(i) = self.eval_small(w, 0) {
            return Ok(N::I(i));
        }
        let d = self.s.deref(w);
        if tag(d) == BOX {
            match self.unbox(d) {
                Boxed::F(f) => return Ok(N::F(*f)),
                Boxed::B(b) => return Ok(N::B(b.clone())),
                Boxed::S(_) => {}
            }
        }
        let v = self.to_heap(d, &mut Vec::new());
        crate::arith::eval(self.e.mc, v)
    }

    /// The word of a number.
    pub fn num_word(&mut self, n: N) -> Word {
        match n {
            N::I(i) => self.int_word(i),
            N::B(b) => self.big_word(b),
            N::F(f) => self.boxed(Boxed::F(f)),
        }
    }

    /// Arithmetic comparison.
    pub fn arith_cmp(&mut self, op: &str, a: Word, b: Word) -> Result<bool, vm_core::Value<'gc>> {
        if let (Some(x), Some(y)) = (self.eval_small(a, 0), self.eval_small(b, 0)) {
            return Ok(match op {
                "<" => x < y,
                ">" => x > y,
                "=<" => x <= y,
                ">=" => x >= y,
                "=:=" => x == y,
                _ => x != y,
            });
        }
        let va = self.to_heap(a, &mut Vec::new());
        let vb = self.to_heap(b, &mut Vec::new());
        crate::arith::compare(self.e.mc, op, va, vb)
            .map_err(|x| crate::builtins::add_context(self.e, x, op, 2))
    }
}

/// A binary operation on small integers (`None`: overflow, division by
/// zero, or not one of these: the general evaluator decides).
/// Success or failure as the run loop's next step.
#[inline(always)]
fn test<'gc>(ok: bool) -> Flow<'gc> {
    if ok {
        Flow::Next
    } else {
        Flow::Fail
    }
}

fn int_op(name: &str, x: i64, y: i64) -> Option<i64> {
    match name {
        "+" => x.checked_add(y),
        "-" => x.checked_sub(y),
        "*" => x.checked_mul(y),
        "//" if y != 0 => x.checked_div(y),
        "mod" if y != 0 => x
            .checked_rem_euclid(y)
            .map(|r| if r != 0 && y < 0 { r + y } else { r }),
        "rem" if y != 0 => x.checked_rem(y),
        "min" => Some(x.min(y)),
        "max" => Some(x.max(y)),
        ">>" if (0..64).contains(&y) => Some(x >> y),
        "/\\" => Some(x & y),
        "\\/" => Some(x | y),
        _ => None,
    }
}
