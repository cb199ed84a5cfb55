//! The Rust helpers FL and RPN call through `Meta::call`, and the output sink
//! `print` writes to.
//!
//! - [`PRINT`] (effects: io) writes its arguments, space-separated, and a newline.
//! - [`NUM_SLOW`] (reads the heap, may raise) does any arithmetic or comparison
//!   the fast paths in `ops` leave out: bigints, exact int/float comparison,
//!   true division of large ints, int to float overflow.
//! - [`FLOAT_MOD`] (pure) is Python's float `%`.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::io::Write;

use gc_arena::Mutation;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use vm_core::heap;
use vm_core::jit::helpers::{register, Effects, Helper};
use vm_core::Value;

use crate::fl::error::new_error;
use crate::fl::ops::{BinOp, NEG_CODE};

pub static PRINT: Helper = Helper {
    name: "fl_print",
    func: print,
    effects: Effects {
        reads_heap: true,
        writes_heap: false,
        may_raise: false,
        calls_guest: false,
        elidable: false,
        io: true,
        writes_arg0_only: false,
    },
};

pub static NUM_SLOW: Helper = Helper {
    name: "fl_num_slow",
    func: num_slow,
    effects: Effects {
        reads_heap: true,
        writes_heap: false,
        may_raise: true,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    },
};

pub static FLOAT_MOD: Helper = Helper {
    name: "fl_float_mod",
    func: float_mod,
    effects: Effects::PURE,
};

/// Makes the helpers known to the IR parser.
pub fn register_all() {
    register(&PRINT);
    register(&NUM_SLOW);
    register(&FLOAT_MOD);
}

// ---- output ----

/// Where `print` writes: captured for tests, or buffered to stdout.
struct Sink {
    buf: Vec<u8>,
    capture: bool,
}

thread_local! {
    static OUT: RefCell<Sink> = const { RefCell::new(Sink { buf: Vec::new(), capture: false }) };
}

/// Starts a run's output: `capture` keeps it for [`finish_output`], else it goes to stdout.
pub fn begin_output(capture: bool) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.buf.clear();
        o.capture = capture;
    });
}

/// Flushes buffered output to stdout (when not capturing).
pub fn flush_output() {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if !o.capture && !o.buf.is_empty() {
            let mut out = std::io::stdout().lock();
            // A closed pipe is not an error of the program being run.
            let _ = out.write_all(&o.buf);
            let _ = out.flush();
            o.buf.clear();
        }
    });
}

/// Ends a run's output: the captured text (empty when it went to stdout).
pub fn finish_output() -> String {
    flush_output();
    OUT.with(|o| String::from_utf8_lossy(&std::mem::take(&mut o.borrow_mut().buf)).into_owned())
}

fn print<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push(' ');
        }
        line.push_str(&format_value(*a));
    }
    line.push('\n');
    let full = OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.buf.extend_from_slice(line.as_bytes());
        !o.capture && o.buf.len() >= 1 << 16
    });
    if full {
        flush_output();
    }
    Ok(Value::None)
}

/// A value as `print` shows it (Python's `str`).
pub fn format_value(v: Value<'_>) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.0.to_string(),
        Value::Float(x) => float_repr(x),
        Value::Str(s) => s.as_str().to_string(),
        Value::Code(c) => {
            let name = c
                .data::<crate::fl::bytecode::FlCode>()
                .map(|f| f.name.clone())
                .or_else(|| c.data::<crate::fl::rpn::RpnCode>().map(|r| r.name.clone()))
                .unwrap_or_default();
            format!("<function {name}>")
        }
        other => format!("{other:?}"),
    }
}

/// Python's `repr` of a float: shortest round-trip digits, fixed notation for
/// exponents in -4..16, else `d.ddde+XX`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = format!("{:e}", x.abs()); // shortest digits: "1.2345e-7"
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let decpt = exp + 1;
        let n = digits.len() as i32;
        let body = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let rest = if digits.len() > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{}{rest}e{esign}{:02}", &digits[..1], exp.abs())
    }
}

// ---- numbers ----

fn float_mod<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    match (args[0], args[1]) {
        (Value::Float(a), Value::Float(b)) => Ok(Value::Float(py_fmod(a, b))),
        _ => Ok(Value::None),
    }
}

/// Python's float `%` (`b` non-zero): the result has the sign of `b`.
pub fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

enum Num {
    I(BigInt),
    F(f64),
}

fn num(v: Value<'_>) -> Option<Num> {
    Some(match v {
        Value::Int(i) => Num::I(BigInt::from(i)),
        Value::BigInt(b) => Num::I(b.0.clone()),
        Value::Bool(b) => Num::I(BigInt::from(b as i64)),
        Value::Float(x) => Num::F(x),
        _ => return None,
    })
}

fn big_to_f64<'gc>(mc: &Mutation<'gc>, i: &BigInt) -> Result<f64, Value<'gc>> {
    match i.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(new_error(mc, "int too large to convert to float")),
    }
}

fn num_slow<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let Value::Int(code) = args[0] else {
        return Err(new_error(mc, "fl_num_slow: bad operation code"));
    };
    let bad = |mc: &Mutation<'gc>| Err(new_error(mc, "fl_num_slow: operand is not a number"));
    let Some(a) = num(args[1]) else {
        return bad(mc);
    };
    if code == NEG_CODE {
        return Ok(match a {
            Num::I(i) => heap::new_int(mc, -i),
            Num::F(x) => Value::Float(-x),
        });
    }
    let Some(b) = num(args[2]) else {
        return bad(mc);
    };
    let Some(op) = BinOp::from_code(code) else {
        return Err(new_error(mc, "fl_num_slow: bad operation code"));
    };
    if let Some(c) = op.cmp() {
        let ord = match (&a, &b) {
            (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
            (Num::F(x), Num::F(y)) => x.partial_cmp(y),
            (Num::I(x), Num::F(y)) => cmp_int_float(x, *y),
            (Num::F(x), Num::I(y)) => cmp_int_float(y, *x).map(Ordering::reverse),
        };
        let r = match ord {
            None => c == vm_core::jit::ir::Cmp::Ne,
            Some(o) => match c {
                vm_core::jit::ir::Cmp::Lt => o == Ordering::Less,
                vm_core::jit::ir::Cmp::Le => o != Ordering::Greater,
                vm_core::jit::ir::Cmp::Gt => o == Ordering::Greater,
                vm_core::jit::ir::Cmp::Ge => o != Ordering::Less,
                vm_core::jit::ir::Cmp::Eq => o == Ordering::Equal,
                vm_core::jit::ir::Cmp::Ne => o != Ordering::Equal,
            },
        };
        return Ok(Value::Bool(r));
    }
    if let (Num::I(x), Num::I(y)) = (&a, &b) {
        return Ok(match op {
            BinOp::Add => heap::new_int(mc, x + y),
            BinOp::Sub => heap::new_int(mc, x - y),
            BinOp::Mul => heap::new_int(mc, x * y),
            BinOp::Div => {
                if y.is_zero() {
                    return Err(new_error(mc, "division by zero"));
                }
                match int_true_div(x, y) {
                    Some(q) => Value::Float(q),
                    None => {
                        return Err(new_error(
                            mc,
                            "integer division result too large for a float",
                        ))
                    }
                }
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(new_error(mc, "integer modulo by zero"));
                }
                let mut r = x % y;
                if !r.is_zero() && (r.is_negative() != y.is_negative()) {
                    r += y;
                }
                heap::new_int(mc, r)
            }
            _ => unreachable!("comparisons handled above"),
        });
    }
    let x = match a {
        Num::I(i) => big_to_f64(mc, &i)?,
        Num::F(x) => x,
    };
    let y = match b {
        Num::I(i) => big_to_f64(mc, &i)?,
        Num::F(y) => y,
    };
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(new_error(mc, "float division by zero"));
            }
            x / y
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(new_error(mc, "float modulo"));
            }
            py_fmod(x, y)
        }
        _ => unreachable!("comparisons handled above"),
    }))
}

/// Exact comparison of an int with a float (`None` when the float is NaN).
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = BigInt::from_f64(fl)?;
    Some(match i.cmp(&fi) {
        Ordering::Equal if f != fl => Ordering::Less,
        o => o,
    })
}

/// `x / y` correctly rounded, as Python's int true division (`y` non-zero);
/// `None` when the result overflows a float.
pub fn int_true_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let q = if a.bits() <= 53 && b.bits() <= 53 {
        a.to_f64()? / b.to_f64()?
    } else {
        // Scale so the integer quotient has 55 or 56 bits, fold the remainder
        // into a sticky bit, and let the u64 -> f64 conversion round once.
        let shift = b.bits() as i64 - a.bits() as i64 + 55;
        let (num, den) = if shift >= 0 {
            (a << shift as usize, b)
        } else {
            (a, b << (-shift) as usize)
        };
        let mut q = &num / &den;
        if !(&num % &den).is_zero() {
            q |= BigInt::from(1);
        }
        ldexp(q.to_u64()? as f64, -shift)
    };
    if q.is_infinite() {
        return None;
    }
    Some(if negative { -q } else { q })
}

fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}
