//! Arithmetic on store words: small integers are evaluated in place; any
//! other expression (floats, bigints, functions beyond the basic ones,
//! errors) goes to the older engine's evaluator (`crate::arith`) through a
//! heap copy of the expression, so results and errors are the same.

use crate::arith::N;
use crate::store::machine::Mach;
use crate::store::terms::Boxed;
use crate::store::words::*;

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// Evaluates a small-integer expression (`None`: not one, or overflow,
    /// or an error the general evaluator reports).
    fn eval_small(&self, w: Word, depth: u32) -> Option<i64> {
        let d = self.s.deref(w);
        match tag(d) {
            INT => Some(int_val(d)),
            STR if depth < 64 => {
                let i = idx(d);
                let f = self.s.get(i);
                let name = self.atoms.name(fun_name(f));
                match fun_arity(f) {
                    2 => {
                        let x = self.eval_small(self.s.get(i + 1), depth + 1)?;
                        let y = self.eval_small(self.s.get(i + 2), depth + 1)?;
                        match name {
                            "+" => x.checked_add(y),
                            "-" => x.checked_sub(y),
                            "*" => x.checked_mul(y),
                            "//" if y != 0 => x.checked_div(y),
                            "mod" if y != 0 => {
                                x.checked_rem_euclid(y).map(
                                    |r| {
                                        if r != 0 && y < 0 {
                                            r + y
                                        } else {
                                            r
                                        }
                                    },
                                )
                            }
                            "rem" if y != 0 => x.checked_rem(y),
                            "min" => Some(x.min(y)),
                            "max" => Some(x.max(y)),
                            ">>" if (0..64).contains(&y) => Some(x >> y),
                            "/\\" => Some(x & y),
                            "\\/" => Some(x | y),
                            _ => None,
                        }
                    }
                    1 => {
                        let x = self.eval_small(self.s.get(i + 1), depth + 1)?;
                        match name {
                            "-" => x.checked_neg(),
                            "+" => Some(x),
                            "abs" => x.checked_abs(),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Evaluates an expression; errors as heap balls (with `name/2`'s context).
    pub fn eval(&mut self, w: Word, name: &str) -> Result<N, vm_core::Value<'gc>> {
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
            .map_err(|b| crate::builtins::add_context(self.e, b, name, 2))
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
