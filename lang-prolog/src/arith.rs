//! Arithmetic: `is/2` and the comparisons, over unbounded integers (i64 fast
//! path, bigints on overflow) and floats, with SWI-Prolog's results where
//! ISO leaves a choice (`/` on integers gives an integer when exact, `**` on
//! integers is an integer power, `2 ^ -1` is `0.5`).
//!
//! Evaluation uses an explicit stack, so deep expressions cannot overflow
//! the Rust stack.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use vm_core::{heap, Mutation, Value};

use crate::errors as err;
use crate::machine::PResult;
use crate::terms::{self, view, T};

/// A number during evaluation.
#[derive(Clone, Debug)]
pub enum N {
    I(i64),
    B(BigInt),
    F(f64),
}

impl N {
    fn big(b: BigInt) -> N {
        match b.to_i64() {
            Some(i) => N::I(i),
            None => N::B(b),
        }
    }
    fn to_big(&self) -> BigInt {
        match self {
            N::I(i) => BigInt::from(*i),
            N::B(b) => b.clone(),
            N::F(f) => BigInt::from(*f as i64),
        }
    }
    fn to_f(&self) -> f64 {
        match self {
            N::I(i) => *i as f64,
            N::B(b) => b.to_f64().unwrap_or(f64::INFINITY),
            N::F(f) => *f,
        }
    }
    fn is_int(&self) -> bool {
        !matches!(self, N::F(_))
    }
    /// As a term value.
    pub fn value<'gc>(self, mc: &Mutation<'gc>) -> Value<'gc> {
        match self {
            N::I(i) => Value::Int(i),
            N::B(b) => heap::new_int(mc, b),
            N::F(f) => Value::Float(f),
        }
    }
}

/// The number in a value, if it is one.
pub fn num_of(v: Value<'_>) -> Option<N> {
    match view(v) {
        T::Int(i) => Some(N::I(i)),
        T::Big(b) => Some(N::B(b.clone())),
        T::Float(f) => Some(N::F(f)),
        _ => None,
    }
}

/// Compares two numbers (standard arithmetic comparison).
pub fn cmp_n(a: &N, b: &N) -> Ordering {
    match (a, b) {
        (N::I(x), N::I(y)) => x.cmp(y),
        (N::F(_), _) | (_, N::F(_)) => {
            let (x, y) = (a.to_f(), b.to_f());
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// Compares two number values.
pub fn num_cmp(a: Value<'_>, b: Value<'_>) -> Ordering {
    match (num_of(a), num_of(b)) {
        (Some(x), Some(y)) => cmp_n(&x, &y),
        _ => Ordering::Equal,
    }
}

/// `a + 1` for an integer value.
pub fn int_add1<'gc>(mc: &Mutation<'gc>, a: Value<'gc>) -> Value<'gc> {
    match a {
        Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
        _ => heap::new_int(mc, terms::to_bigint(a).unwrap_or_default() + 1),
    }
}

/// Checks that `v` is an integer (instantiation / type errors otherwise).
pub fn check_int<'gc>(mc: &Mutation<'gc>, v: Value<'gc>) -> PResult<'gc, ()> {
    match view(v) {
        T::Int(_) | T::Big(_) => Ok(()),
        T::Var => Err(err::instantiation_error(mc)),
        _ => Err(err::type_error(mc, "integer", v)),
    }
}

fn need_int<'gc>(mc: &Mutation<'gc>, n: &N) -> PResult<'gc, ()> {
    match n {
        N::F(f) => Err(err::type_error(mc, "integer", Value::Float(*f))),
        _ => Ok(()),
    }
}

/// A float result that must be a number (NaN: `evaluation_error(undefined)`).
fn defined<'gc>(mc: &Mutation<'gc>, f: f64) -> PResult<'gc, N> {
    if f.is_nan() {
        Err(err::evaluation_error(mc, "undefined"))
    } else {
        Ok(N::F(f))
    }
}

fn check_float<'gc>(mc: &Mutation<'gc>, f: f64) -> PResult<'gc, N> {
    if f.is_nan() {
        Err(err::evaluation_error(mc, "undefined"))
    } else if f.is_infinite() {
        Err(err::evaluation_error(mc, "float_overflow"))
    } else {
        Ok(N::F(f))
    }
}

enum Work<'gc> {
    Eval(Value<'gc>),
    Apply(&'gc str, usize),
}

/// Subterms an evaluation visits before it checks whether the expression
/// is cyclic (once): ordinary arithmetic never pays for the check.
pub const CYCLE_CHECK_STEPS: usize = 1 << 16;

/// SWI's error for a cyclic expression: `type_error(expression, T)` with
/// the message `'cyclic term'` (the builtin's name is added by
/// `builtins::add_context`).
pub fn cyclic_error<'gc>(mc: &Mutation<'gc>, t: Value<'gc>) -> Value<'gc> {
    let f = terms::compound(mc, "type_error", vec![terms::atom(mc, "expression"), t]);
    let ctx = terms::compound(
        mc,
        "context",
        vec![Value::None, terms::atom(mc, "cyclic term")],
    );
    terms::compound(mc, "error", vec![f, ctx])
}

/// Evaluates an arithmetic expression.
pub fn eval<'gc>(mc: &Mutation<'gc>, t: Value<'gc>) -> PResult<'gc, N> {
    if let Some(i) = eval_small(t, 0) {
        return Ok(N::I(i));
    }
    let mut work = vec![Work::Eval(t)];
    let mut vals: Vec<N> = Vec::new();
    let mut steps = 0usize;
    while let Some(w) = work.pop() {
        match w {
            Work::Eval(v) => {
                steps += 1;
                // a cyclic expression would never end
                if steps == CYCLE_CHECK_STEPS && crate::builtins::termb::is_cyclic(t) {
                    return Err(cyclic_error(mc, t));
                }
                let v = terms::deref(v);
                match view(v) {
                    T::Int(i) => vals.push(N::I(i)),
                    T::Big(b) => vals.push(N::B(b.clone())),
                    T::Float(f) => vals.push(N::F(f)),
                    T::Var => return Err(err::instantiation_error(mc)),
                    T::Atom(a) => vals.push(constant(mc, a, v)?),
                    T::Nil => return Err(err::type_error(mc, "evaluable", err::pi(mc, "[]", 0))),
                    T::Str(s) if s.chars().count() == 1 => {
                        vals.push(N::I(s.chars().next().unwrap_or('\0') as i64))
                    }
                    T::Compound("[|]", a) if a.len() == 2 && matches!(view(a[1]), T::Nil) => {
                        match view(a[0]) {
                            // "x": a one-character atom evaluates to its code
                            T::Atom(s) if s.chars().count() == 1 => {
                                vals.push(N::I(s.chars().next().unwrap_or('\0') as i64))
                            }
                            T::Int(_) | T::Big(_) | T::Float(_) | T::Var => {
                                work.push(Work::Eval(a[0]))
                            }
                            _ => return Err(err::type_error(mc, "character", a[0])),
                        }
                    }
                    T::Compound("[|]", a) if a.len() == 2 => {
                        // SWI's error for a longer "text"
                        let f = terms::compound(mc, "type_error", vec![Value::None, v]);
                        let ctx = terms::compound(
                            mc,
                            "context",
                            vec![
                                terms::compound(
                                    mc,
                                    ":",
                                    vec![terms::atom(mc, "system"), err::pi(mc, "is", 2)],
                                ),
                                terms::atom(mc, "\"x\" must hold one character"),
                            ],
                        );
                        return Err(terms::compound(mc, "error", vec![f, ctx]));
                    }
                    T::Compound(name, args) => {
                        // SWI evaluates the arguments right to left (which
                        // decides the error an expression with several
                        // raises); it checks the function after them,
                        // here it is checked first
                        if !is_function(name, args.len()) {
                            // SWI evaluates `X = f(X)`'s arguments first
                            // and finds the cycle
                            if crate::builtins::termb::is_cyclic(v) {
                                return Err(cyclic_error(mc, t));
                            }
                            return Err(err::type_error(
                                mc,
                                "evaluable",
                                err::pi(mc, name, args.len()),
                            ));
                        }
                        work.push(Work::Apply(name, args.len()));
                        for a in args.iter() {
                            work.push(Work::Eval(*a));
                        }
                    }
                    _ => return Err(err::type_error(mc, "evaluable", v)),
                }
            }
            Work::Apply(name, n) => {
                let mut args = vals.split_off(vals.len() - n);
                args.reverse();
                vals.push(apply(mc, name, args)?);
            }
        }
    }
    Ok(vals.pop().unwrap_or(N::I(0)))
}

/// The common case of `eval` without its work stacks: integers combined
/// by `+`, `-`, `*` (and unary `-`) without overflow, a few levels deep.
/// `None` sends the expression to the general evaluator, which gives the
/// same value or the error.
pub(crate) fn eval_small(t: Value<'_>, depth: u32) -> Option<i64> {
    let v = terms::deref(t);
    match v {
        Value::Int(i) => Some(i),
        Value::Tuple(_) if depth < 8 => match terms::tuple_parts(v)? {
            (Value::Str(n), [a, b]) => {
                let op = n.as_str();
                if !matches!(op, "+" | "-" | "*") {
                    return None;
                }
                let x = eval_small(*a, depth + 1)?;
                let y = eval_small(*b, depth + 1)?;
                match op {
                    "+" => x.checked_add(y),
                    "-" => x.checked_sub(y),
                    _ => x.checked_mul(y),
                }
            }
            (Value::Str(n), [a]) if n.as_str() == "-" => eval_small(*a, depth + 1)?.checked_neg(),
            _ => None,
        },
        _ => None,
    }
}

fn constant<'gc>(mc: &Mutation<'gc>, a: &str, v: Value<'gc>) -> PResult<'gc, N> {
    Ok(match a {
        "pi" => N::F(std::f64::consts::PI),
        "e" => N::F(std::f64::consts::E),
        "inf" | "infinite" => N::F(f64::INFINITY),
        "nan" => N::F(f64::NAN),
        "epsilon" => N::F(f64::EPSILON),
        "min_tagged_integer" => N::I(-(1i64 << 60)),
        "random" => N::I(pseudo_random() as i64),
        "random_float" => N::F((pseudo_random() % 1_000_000_007) as f64 / 1_000_000_007.0),
        "cputime" => N::F(0.0),
        "realtime" => N::I(0),
        "max_integer" => N::I(i64::MAX),
        "min_integer" => N::I(i64::MIN),
        _ => {
            let _ = v;
            return Err(err::type_error(mc, "evaluable", err::pi(mc, a, 0)));
        }
    })
}

fn pseudo_random() -> u64 {
    use std::cell::Cell;
    thread_local!(static S: Cell<u64> = const { Cell::new(0x2545F4914F6CDD1D) });
    S.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        x
    })
}

fn is_function(name: &str, n: usize) -> bool {
    match n {
        1 => matches!(
            name,
            "-" | "+"
                | "abs"
                | "sign"
                | "sqrt"
                | "sin"
                | "cos"
                | "tan"
                | "asin"
                | "acos"
                | "atan"
                | "exp"
                | "log"
                | "\\"
                | "msb"
                | "truncate"
                | "round"
                | "ceiling"
                | "floor"
                | "integer"
                | "float"
                | "float_integer_part"
                | "float_fractional_part"
                | "sinh"
                | "cosh"
                | "tanh"
                | "asinh"
                | "acosh"
                | "atanh"
                | "succ"
                | "random"
                | "random_float"
                | "lsb"
                | "popcount"
                | "lgamma"
                | "erf"
                | "erfc"
        ),
        2 => matches!(
            name,
            "+" | "-"
                | "*"
                | "/"
                | "//"
                | "mod"
                | "rem"
                | "div"
                | "min"
                | "max"
                | "**"
                | "^"
                | ">>"
                | "<<"
                | "/\\"
                | "\\/"
                | "xor"
                | "atan"
                | "atan2"
                | "gcd"
                | "copysign"
                | "truncate"
                | "cmpflags"
                | "nexttoward"
        ),
        3 => name == "powm",
        _ => false,
    }
}

fn apply<'gc>(mc: &Mutation<'gc>, name: &str, mut a: Vec<N>) -> PResult<'gc, N> {
    match a.len() {
        1 => {
            let x = a.pop().unwrap_or(N::I(0));
            apply1(mc, name, x)
        }
        3 => powm(mc, a),
        _ => {
            let y = a.pop().unwrap_or(N::I(0));
            let x = a.pop().unwrap_or(N::I(0));
            apply2(mc, name, x, y)
        }
    }
}

/// `powm(B, E, M)`: `B^E mod M` for integers, `E >= 0`, `M > 0`.
fn powm<'gc>(mc: &Mutation<'gc>, a: Vec<N>) -> PResult<'gc, N> {
    for x in &a {
        need_int(mc, x)?;
    }
    let (b, e, m) = (a[0].to_big(), a[1].to_big(), a[2].to_big());
    if e.is_negative() {
        return Err(err::domain_error(
            mc,
            "not_less_than_zero",
            a[1].clone().value(mc),
        ));
    }
    if m.is_zero() {
        return Err(err::evaluation_error(mc, "zero_divisor"));
    }
    Ok(N::big(b.modpow(&e, &m)))
}

fn apply1<'gc>(mc: &Mutation<'gc>, name: &str, x: N) -> PResult<'gc, N> {
    apply1_(mc, name, x).map_err(|ball| name_function(mc, ball, name, 1))
}

fn apply1_<'gc>(mc: &Mutation<'gc>, name: &str, x: N) -> PResult<'gc, N> {
    Ok(match name {
        "-" => match x {
            N::I(i) => match i.checked_neg() {
                Some(r) => N::I(r),
                None => N::big(-BigInt::from(i)),
            },
            N::B(b) => N::big(-b),
            N::F(f) => N::F(-f),
        },
        "+" => x,
        "abs" => match x {
            N::I(i) => match i.checked_abs() {
                Some(r) => N::I(r),
                None => N::big(BigInt::from(i).abs()),
            },
            N::B(b) => N::big(b.abs()),
            N::F(f) => N::F(f.abs()),
        },
        "sign" => match x {
            N::I(i) => N::I(i.signum()),
            N::B(b) => N::I(if b.is_negative() { -1 } else { 1 }),
            N::F(f) => N::F(if f > 0.0 {
                1.0
            } else if f < 0.0 {
                -1.0
            } else {
                0.0
            }),
        },
        "sqrt" => {
            let f = x.to_f();
            if f < 0.0 {
                return Err(err::evaluation_error(mc, "undefined"));
            }
            N::F(f.sqrt())
        }
        "sin" => N::F(x.to_f().sin()),
        "cos" => N::F(x.to_f().cos()),
        "tan" => N::F(x.to_f().tan()),
        "asin" => defined(mc, x.to_f().asin())?,
        "acos" => defined(mc, x.to_f().acos())?,
        "atan" => N::F(x.to_f().atan()),
        "sinh" => N::F(x.to_f().sinh()),
        "cosh" => N::F(x.to_f().cosh()),
        "tanh" => N::F(x.to_f().tanh()),
        "asinh" => N::F(x.to_f().asinh()),
        "acosh" => defined(mc, x.to_f().acosh())?,
        "atanh" => defined(mc, x.to_f().atanh())?,
        "exp" => check_float(mc, x.to_f().exp())?,
        "log" => {
            if x.is_int() && x.to_big().is_zero() || x.to_f() == 0.0 {
                return Err(err::evaluation_error(mc, "float_overflow"));
            }
            if x.to_f() < 0.0 {
                return Err(err::evaluation_error(mc, "undefined"));
            }
            N::F(match &x {
                N::B(b) => {
                    b.bits() as f64 * std::f64::consts::LN_2
                        + (b.to_f64().unwrap_or(0.0) / 2f64.powi(b.bits() as i32)).ln()
                }
                _ => x.to_f().ln(),
            })
        }
        "log2" => {
            if x.to_f() <= 0.0 {
                return Err(err::evaluation_error(mc, "undefined"));
            }
            N::F(x.to_f().log2())
        }
        "\\" => match x {
            N::I(i) => N::I(!i),
            N::B(b) => N::big(-b - 1),
            N::F(f) => return Err(err::type_error(mc, "integer", Value::Float(f))),
        },
        "msb" => {
            need_int(mc, &x)?;
            let b = x.to_big();
            if b < BigInt::from(1) {
                return Err(err::domain_error(mc, "not_less_than_one", x.value(mc)));
            }
            N::I(b.bits() as i64 - 1)
        }
        "lsb" => {
            need_int(mc, &x)?;
            let b = x.to_big();
            N::I(b.trailing_zeros().unwrap_or(0) as i64)
        }
        "popcount" => {
            need_int(mc, &x)?;
            N::I(
                x.to_big()
                    .to_u64_digits()
                    .1
                    .iter()
                    .map(|d| d.count_ones() as i64)
                    .sum(),
            )
        }
        "succ" => apply2(mc, "+", x, N::I(1))?,
        "truncate" | "integer" | "round" | "ceiling" | "floor" => match x {
            N::F(f) => {
                if f.is_nan() || f.is_infinite() {
                    // SWI returns the special float itself
                    return Ok(N::F(f));
                }
                let r = match name {
                    "truncate" => f.trunc(),
                    "integer" | "round" => f.round(),
                    "ceiling" => f.ceil(),
                    _ => f.floor(),
                };
                if r.abs() < 9.0e18 {
                    N::I(r as i64)
                } else {
                    N::big(float_to_big(r))
                }
            }
            other => other,
        },
        "float" => match x {
            N::B(_) => check_float(mc, x.to_f())?,
            other => N::F(other.to_f()),
        },
        // SWI: an integer is its own integer part, with no fraction
        "float_integer_part" => match x {
            N::F(f) => N::F(f.trunc()),
            int => int,
        },
        "float_fractional_part" => match x {
            N::F(f) => N::F(f - f.trunc()),
            _ => N::I(0),
        },
        "lgamma" => N::F(lgamma(x.to_f())),
        "erf" => N::F(erf(x.to_f())),
        "erfc" => N::F(libm::erfc(x.to_f())),
        "random" => {
            need_int(mc, &x)?;
            let n = x.to_big().to_i64().unwrap_or(1).max(1);
            N::I((pseudo_random() % n as u64) as i64)
        }
        "random_float" => N::F((pseudo_random() % 1_000_000_007) as f64 / 1_000_000_007.0),
        _ => return Err(err::type_error(mc, "evaluable", err::pi(mc, name, 1))),
    })
}

/// `X ** Y` with a float operand; zero to a negative power divides by zero.
fn float_pow<'gc>(mc: &Mutation<'gc>, x: &N, y: &N) -> PResult<'gc, N> {
    let (a, b) = (x.to_f(), y.to_f());
    if a == 0.0 && b < 0.0 {
        return Err(err::evaluation_error(mc, "zero_divisor"));
    }
    check_float(mc, a.powf(b))
}

/// The float next to `x` in the direction of `y` (C's `nexttoward`).
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        let tiny = f64::from_bits(1);
        return if y > 0.0 { tiny } else { -tiny };
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// The log of the gamma function (C's `lgamma`).
fn lgamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// The error function (C's `erf`).
fn erf(x: f64) -> f64 {
    libm::erf(x)
}

fn float_to_big(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

fn int_pow<'gc>(mc: &Mutation<'gc>, x: &N, y: &N, caret: bool) -> PResult<'gc, N> {
    let b = x.to_big();
    let e = y.to_big();
    if b.is_one() {
        return Ok(N::I(1));
    }
    if b == BigInt::from(-1) {
        return Ok(N::I(if e.is_even() { 1 } else { -1 }));
    }
    if e.is_negative() {
        if b.is_zero() {
            return Err(err::evaluation_error(mc, "zero_divisor"));
        }
        let _ = caret;
        return Ok(N::F(x.to_f().powf(y.to_f())));
    }
    if b.is_zero() {
        return Ok(N::I(0));
    }
    let Some(e) = e.to_u32() else {
        return Err(err::resource_error(mc, "memory"));
    };
    Ok(N::big(Pow::pow(b, e)))
}

fn apply2<'gc>(mc: &Mutation<'gc>, name: &str, x: N, y: N) -> PResult<'gc, N> {
    apply2_(mc, name, x, y).map_err(|ball| name_function(mc, ball, name, 2))
}

/// SWI names the function in the context of a division by zero and of a
/// float where it needs an integer (`7.0 mod 2`, `msb(2.0)`).
fn name_function<'gc>(mc: &Mutation<'gc>, ball: Value<'gc>, name: &str, n: usize) -> Value<'gc> {
    if let T::Compound("error", a) = view(ball) {
        let named = match view(a[0]) {
            T::Compound("evaluation_error", z) => matches!(view(z[0]), T::Atom("zero_divisor")),
            T::Compound("type_error", t) => matches!(view(t[0]), T::Atom("integer")),
            _ => false,
        };
        if named {
            let ctx = terms::compound(
                mc,
                "context",
                vec![err::pi(mc, name, n), terms::new_var(mc, 0)],
            );
            return terms::compound(mc, "error", vec![a[0], ctx]);
        }
    }
    ball
}

fn apply2_<'gc>(mc: &Mutation<'gc>, name: &str, x: N, y: N) -> PResult<'gc, N> {
    use N::*;
    Ok(match name {
        "+" => match (&x, &y) {
            (I(a), I(b)) => match a.checked_add(*b) {
                Some(r) => I(r),
                None => N::big(BigInt::from(*a) + b),
            },
            (F(_), _) | (_, F(_)) => check_float(mc, x.to_f() + y.to_f())?,
            _ => N::big(x.to_big() + y.to_big()),
        },
        "-" => match (&x, &y) {
            (I(a), I(b)) => match a.checked_sub(*b) {
                Some(r) => I(r),
                None => N::big(BigInt::from(*a) - b),
            },
            (F(_), _) | (_, F(_)) => check_float(mc, x.to_f() - y.to_f())?,
            _ => N::big(x.to_big() - y.to_big()),
        },
        "*" => match (&x, &y) {
            (I(a), I(b)) => match a.checked_mul(*b) {
                Some(r) => I(r),
                None => N::big(BigInt::from(*a) * b),
            },
            (F(_), _) | (_, F(_)) => check_float(mc, x.to_f() * y.to_f())?,
            _ => N::big(x.to_big() * y.to_big()),
        },
        "/" => {
            if x.is_int() && y.is_int() {
                let (a, b) = (x.to_big(), y.to_big());
                if b.is_zero() {
                    return Err(err::evaluation_error(mc, "zero_divisor"));
                }
                if (&a % &b).is_zero() {
                    N::big(a / b)
                } else {
                    // a bigint beyond the float range overflows, as in SWI
                    check_float(mc, x.to_f() / y.to_f())?
                }
            } else {
                if y.to_f() == 0.0 {
                    if x.to_f() == 0.0 || x.to_f().is_nan() {
                        return Err(err::evaluation_error(mc, "undefined"));
                    }
                    return Err(err::evaluation_error(mc, "zero_divisor"));
                }
                check_float(mc, x.to_f() / y.to_f())?
            }
        }
        "//" | "mod" | "rem" | "div" => {
            need_int(mc, &x)?;
            need_int(mc, &y)?;
            if let (I(a), I(b)) = (&x, &y) {
                if *b == 0 {
                    return Err(err::evaluation_error(mc, "zero_divisor"));
                }
                if let Some(r) = match name {
                    "//" => a.checked_div(*b),
                    "rem" => a.checked_rem(*b),
                    "mod" => a
                        .checked_rem_euclid(*b)
                        .map(|r| if r != 0 && *b < 0 { r + b } else { r }),
                    _ => a.checked_div_euclid(*b).map(|_| a.div_floor(b)),
                } {
                    return Ok(I(r));
                }
            }
            let (a, b) = (x.to_big(), y.to_big());
            if b.is_zero() {
                return Err(err::evaluation_error(mc, "zero_divisor"));
            }
            N::big(match name {
                "//" => &a / &b,
                "rem" => &a % &b,
                "mod" => a.mod_floor(&b),
                _ => a.div_floor(&b),
            })
        }
        "min" | "max" => {
            use std::cmp::Ordering::*;
            match (cmp_n(&x, &y), name) {
                (Less, "min") | (Greater, "max") => x,
                // equal values: SWI answers with the float one
                (Equal, _) if !x.is_int() => x,
                _ => y,
            }
        }
        // SWI: a zero exponent gives the integer 1, whatever the types
        "**" | "^" if y.to_f() == 0.0 => N::I(1),
        "**" => {
            if x.is_int() && y.is_int() {
                int_pow(mc, &x, &y, false)?
            } else {
                float_pow(mc, &x, &y)?
            }
        }
        "^" => {
            if x.is_int() && y.is_int() {
                int_pow(mc, &x, &y, true)?
            } else {
                float_pow(mc, &x, &y)?
            }
        }
        ">>" | "<<" | "/\\" | "\\/" | "xor" | "gcd" => {
            need_int(mc, &x)?;
            need_int(mc, &y)?;
            let (a, mut b) = (x.to_big(), y.to_big());
            // a negative amount shifts the other way (as SWI does)
            let mut name = name;
            if (name == ">>" || name == "<<") && b.sign() == num_bigint::Sign::Minus {
                name = if name == ">>" { "<<" } else { ">>" };
                b = -b;
            }
            match name {
                ">>" => N::big(a >> b.to_usize().unwrap_or(usize::MAX >> 1).min(1 << 20)),
                "<<" => {
                    let s = b.to_usize().unwrap_or(0);
                    if s > 1 << 26 {
                        return Err(err::resource_error(mc, "memory"));
                    }
                    N::big(a << s)
                }
                "/\\" => N::big(a & b),
                "\\/" => N::big(a | b),
                "xor" => N::big(a ^ b),
                _ => N::big(a.gcd(&b)),
            }
        }
        "atan" | "atan2" => N::F(x.to_f().atan2(y.to_f())),
        "nexttoward" => N::F(next_toward(x.to_f(), y.to_f())),
        "copysign" => match x {
            // SWI keeps an integer first argument an integer
            N::I(i) if y.to_f().is_sign_negative() => N::I(-i.abs()),
            N::I(i) => N::I(i.abs()),
            _ => N::F(x.to_f().copysign(y.to_f())),
        },
        "log" => N::F(y.to_f().ln() / x.to_f().ln()),
        "truncate" => x,
        _ => return Err(err::type_error(mc, "evaluable", err::pi(mc, name, 2))),
    })
}

/// Arithmetic comparison `a op b` (`op` one of `<`, `>`, `=<`, `>=`, `=:=`, `=\=`).
pub fn compare<'gc>(
    mc: &Mutation<'gc>,
    op: &str,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PResult<'gc, bool> {
    let x = eval(mc, a)?;
    let y = eval(mc, b)?;
    let o = cmp_n(&x, &y);
    let nan = x.to_f().is_nan() || y.to_f().is_nan();
    Ok(match op {
        "<" => o == Ordering::Less && !nan,
        ">" => o == Ordering::Greater && !nan,
        "=<" => o != Ordering::Greater && !nan,
        ">=" => o != Ordering::Less && !nan,
        "=:=" => o == Ordering::Equal && !nan,
        _ => o != Ordering::Equal || nan,
    })
}
