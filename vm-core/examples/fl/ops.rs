//! Arithmetic, comparison and truth, written once against [`Meta`] and shared
//! by FL and RPN.
//!
//! Python's semantics: ints are unbounded (i64 in the fast path, a bigint
//! helper on overflow), `/` is true division, `%` floors, ints and floats
//! mix (int op float is float), bools count as 0 and 1, and comparing an int
//! with a float is exact. The fast paths use only `Meta` ops the optimiser
//! understands; everything rare (bigints, huge ints against floats, float
//! `%`) goes through helpers in [`crate::fl::helpers`]. Every decision comes
//! before any write, so callers may write after these return.

use vm_core::jit::ir::{Cmp, FloatOp, IntOp, OvfOp};
use vm_core::{Meta, Tag, Value};

use crate::fl::error::{new_error, type_name};
use crate::fl::helpers::{FLOAT_MOD, NUM_SLOW};

/// A binary operator of FL (and RPN).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// Operation code of unary minus for [`NUM_SLOW`].
pub const NEG_CODE: i64 = 100;

impl BinOp {
    pub const ALL: [BinOp; 11] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::Mod,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::Eq,
        BinOp::Ne,
    ];
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
        }
    }
    /// The comparison, if this is one.
    pub fn cmp(self) -> Option<Cmp> {
        Some(match self {
            BinOp::Lt => Cmp::Lt,
            BinOp::Le => Cmp::Le,
            BinOp::Gt => Cmp::Gt,
            BinOp::Ge => Cmp::Ge,
            BinOp::Eq => Cmp::Eq,
            BinOp::Ne => Cmp::Ne,
            _ => return None,
        })
    }
    /// The code passed to [`NUM_SLOW`].
    pub fn code(self) -> i64 {
        self as i64
    }
    pub fn from_code(c: i64) -> Option<BinOp> {
        BinOp::ALL.get(usize::try_from(c).ok()?).copied()
    }
}

/// |i| <= 2^53: the int converts to float exactly.
const EXACT: i64 = 1 << 53;

fn is_num(t: Tag) -> bool {
    matches!(t, Tag::Int | Tag::Float | Tag::Bool | Tag::BigInt)
}

/// `a op b`, or the raised error.
pub fn binary<'gc, M: Meta<'gc>>(
    m: &mut M,
    op: BinOp,
    a: M::V,
    b: M::V,
) -> Result<M::V, Value<'gc>> {
    let ta = m.tag(a);
    let tb = m.tag(b);
    match (ta, tb) {
        (Tag::Int, Tag::Int) => return int_int(m, op, a, b),
        (Tag::Float, Tag::Float) => return float_float(m, op, a, b),
        (Tag::Int, Tag::Float) => return mixed(m, op, a, b, a),
        (Tag::Float, Tag::Int) => return mixed(m, op, a, b, b),
        _ => {}
    }
    if is_num(ta) && is_num(tb) {
        if ta == Tag::Bool || tb == Tag::Bool {
            let a = bool_to_int(m, a, ta);
            let b = bool_to_int(m, b, tb);
            return binary(m, op, a, b);
        }
        return slow(m, op.code(), a, b);
    }
    let name = |m: &M, v: M::V| type_name(m.get(v));
    match op {
        BinOp::Eq | BinOp::Ne => {
            let same = ta == tb && m.same(a, b);
            Ok(m.konst(Value::Bool(same == (op == BinOp::Eq))))
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => Err(new_error(
            m.mc(),
            &format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                name(m, a),
                name(m, b)
            ),
        )),
        _ => Err(new_error(
            m.mc(),
            &format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                name(m, a),
                name(m, b)
            ),
        )),
    }
}

fn bool_to_int<'gc, M: Meta<'gc>>(m: &mut M, v: M::V, t: Tag) -> M::V {
    if t == Tag::Bool {
        let b = m.truth(v);
        m.konst(Value::Int(b as i64))
    } else {
        v
    }
}

fn slow<'gc, M: Meta<'gc>>(m: &mut M, code: i64, a: M::V, b: M::V) -> Result<M::V, Value<'gc>> {
    let c = m.konst(Value::Int(code));
    m.call(&NUM_SLOW, &[c, a, b])
}

fn ovf_op(op: BinOp) -> Option<OvfOp> {
    Some(match op {
        BinOp::Add => OvfOp::Add,
        BinOp::Sub => OvfOp::Sub,
        BinOp::Mul => OvfOp::Mul,
        _ => return None,
    })
}

/// Raises `msg` when the int `b` is zero.
fn int_nonzero<'gc, M: Meta<'gc>>(m: &mut M, b: M::V, msg: &str) -> Result<(), Value<'gc>> {
    let zero = m.konst(Value::Int(0));
    let z = m.int_cmp(Cmp::Eq, b, zero);
    if m.truth(z) {
        return Err(new_error(m.mc(), msg));
    }
    Ok(())
}

/// Raises `msg` when the float `b` is zero.
fn float_nonzero<'gc, M: Meta<'gc>>(m: &mut M, b: M::V, msg: &str) -> Result<(), Value<'gc>> {
    let zero = m.konst(Value::Float(0.0));
    let z = m.float_cmp(Cmp::Eq, b, zero);
    if m.truth(z) {
        return Err(new_error(m.mc(), msg));
    }
    Ok(())
}

/// Whether the int `x` converts to a float exactly (|x| <= 2^53).
fn exact<'gc, M: Meta<'gc>>(m: &mut M, x: M::V) -> bool {
    let lo = m.konst(Value::Int(-EXACT));
    let hi = m.konst(Value::Int(EXACT));
    let ge = m.int_cmp(Cmp::Ge, x, lo);
    if !m.truth(ge) {
        return false;
    }
    let le = m.int_cmp(Cmp::Le, x, hi);
    m.truth(le)
}

fn int_int<'gc, M: Meta<'gc>>(m: &mut M, op: BinOp, a: M::V, b: M::V) -> Result<M::V, Value<'gc>> {
    if let Some(o) = ovf_op(op) {
        return match m.int_ovf(o, a, b) {
            Some(r) => Ok(r),
            None => slow(m, op.code(), a, b),
        };
    }
    if let Some(c) = op.cmp() {
        return Ok(m.int_cmp(c, a, b));
    }
    match op {
        BinOp::Div => {
            int_nonzero(m, b, "division by zero")?;
            if exact(m, a) && exact(m, b) {
                let fa = m.int_to_float(a);
                let fb = m.int_to_float(b);
                Ok(m.float(FloatOp::Div, fa, fb))
            } else {
                slow(m, op.code(), a, b)
            }
        }
        BinOp::Mod => {
            int_nonzero(m, b, "integer modulo by zero")?;
            Ok(m.int(IntOp::FloorMod, a, b))
        }
        _ => unreachable!("arithmetic op {op:?} handled above"),
    }
}

fn float_float<'gc, M: Meta<'gc>>(
    m: &mut M,
    op: BinOp,
    a: M::V,
    b: M::V,
) -> Result<M::V, Value<'gc>> {
    if let Some(c) = op.cmp() {
        return Ok(m.float_cmp(c, a, b));
    }
    Ok(match op {
        BinOp::Add => m.float(FloatOp::Add, a, b),
        BinOp::Sub => m.float(FloatOp::Sub, a, b),
        BinOp::Mul => m.float(FloatOp::Mul, a, b),
        BinOp::Div => {
            float_nonzero(m, b, "float division by zero")?;
            m.float(FloatOp::Div, a, b)
        }
        BinOp::Mod => {
            float_nonzero(m, b, "float modulo")?;
            m.call(&FLOAT_MOD, &[a, b])?
        }
        _ => unreachable!("comparison {op:?} handled above"),
    })
}

/// One int and one float: the int becomes a float, except that a comparison
/// with an int too large to convert exactly is done exactly by the helper.
fn mixed<'gc, M: Meta<'gc>>(
    m: &mut M,
    op: BinOp,
    a: M::V,
    b: M::V,
    the_int: M::V,
) -> Result<M::V, Value<'gc>> {
    if op.cmp().is_some() && !exact(m, the_int) {
        return slow(m, op.code(), a, b);
    }
    let a_int = m.get(a).tag() == Tag::Int;
    let (fa, fb) = if a_int {
        (m.int_to_float(a), b)
    } else {
        (a, m.int_to_float(b))
    };
    float_float(m, op, fa, fb)
}

/// `-a`, or the raised error.
pub fn neg<'gc, M: Meta<'gc>>(m: &mut M, a: M::V) -> Result<M::V, Value<'gc>> {
    match m.tag(a) {
        Tag::Int => {
            let zero = m.konst(Value::Int(0));
            match m.int_ovf(OvfOp::Sub, zero, a) {
                Some(r) => Ok(r),
                None => {
                    let none = m.konst(Value::None);
                    slow(m, NEG_CODE, a, none)
                }
            }
        }
        // Multiplying by -1 flips the sign exactly, zeros and NaNs included.
        Tag::Float => {
            let minus_one = m.konst(Value::Float(-1.0));
            Ok(m.float(FloatOp::Mul, a, minus_one))
        }
        Tag::Bool => {
            let i = bool_to_int(m, a, Tag::Bool);
            neg(m, i)
        }
        Tag::BigInt => {
            let none = m.konst(Value::None);
            slow(m, NEG_CODE, a, none)
        }
        _ => Err(new_error(
            m.mc(),
            &format!("bad operand type for unary -: '{}'", type_name(m.get(a))),
        )),
    }
}

/// Python's truth of any value.
pub fn truthy<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> bool {
    match m.tag(v) {
        Tag::Bool => m.truth(v),
        Tag::Int => {
            let zero = m.konst(Value::Int(0));
            let c = m.int_cmp(Cmp::Ne, v, zero);
            m.truth(c)
        }
        Tag::Float => {
            let zero = m.konst(Value::Float(0.0));
            let c = m.float_cmp(Cmp::Ne, v, zero);
            m.truth(c)
        }
        Tag::None | Tag::Absent => false,
        _ => true,
    }
}

/// `not v`.
pub fn not<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> M::V {
    if m.tag(v) == Tag::Bool {
        return m.not(v);
    }
    let t = truthy(m, v);
    m.konst(Value::Bool(!t))
}
