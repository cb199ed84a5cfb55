//! Operators on concrete values, for every type combination the fast paths
//! in the interpreter do not take (bigints, strings, sequences, sets...).
//! `Fail::Guest` means a user-defined dunder must run.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use vm_core::heap;
use vm_core::Value;

use crate::ast::{BinOp, CmpOp};
use crate::objects::*;

fn big(v: Value<'_>) -> Option<BigInt> {
    to_bigint(v)
}

fn is_int(v: Value<'_>) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn as_f64(v: Value<'_>) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f),
        Value::Int(i) => Some(i as f64),
        Value::Bool(b) => Some(b as i64 as f64),
        Value::BigInt(b) => b.0.to_f64(),
        _ => None,
    }
}

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
    }
}

pub fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
    }
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = float_mod(a, b);
    let d = (a - m) / b;
    if d == 0.0 {
        0.0f64.copysign(a / b)
    } else {
        let r = d.round();
        if (d - r).abs() > 0.5 {
            r + 1.0
        } else {
            r
        }
    }
}

pub fn int_pow<'gc>(rt: &Rt<'_, 'gc>, a: &BigInt, b: &BigInt) -> PyResult<'gc, Value<'gc>> {
    if b.is_negative() {
        let (x, y) = (
            a.to_f64().unwrap_or(f64::INFINITY),
            b.to_f64().unwrap_or(0.0),
        );
        if x == 0.0 {
            return rt.err(
                Ty::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            );
        }
        return Ok(Value::Float(x.powf(y)));
    }
    let e = match b.to_u32() {
        Some(e) => e,
        None => {
            if a.is_zero() || a.is_one() {
                return Ok(rt.int(a.clone()));
            }
            return rt.err(Ty::OverflowError, "exponent too large");
        }
    };
    Ok(rt.int(num_traits::pow::pow(a.clone(), e as usize)))
}

fn seq_repeat<'gc>(
    rt: &Rt<'_, 'gc>,
    items: Vec<Value<'gc>>,
    n: &BigInt,
) -> PyResult<'gc, Vec<Value<'gc>>> {
    let n = n.to_i64().unwrap_or(0).max(0) as usize;
    if items.len().saturating_mul(n) > 1 << 31 {
        return rt.err(Ty::MemoryError, "");
    }
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend_from_slice(&items);
    }
    Ok(out)
}

/// `a op b` for every built-in combination.
pub fn binary<'gc>(
    rt: &Rt<'_, 'gc>,
    op: BinOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    if native_slot(a).is_some() || native_slot(b).is_some() {
        let (da, rb) = dunder(op);
        if has_py_method(rt, a, da) || has_py_method(rt, b, rb) {
            return Err(Fail::Guest);
        }
        return binary(
            rt,
            op,
            native_slot(a).unwrap_or(a),
            native_slot(b).unwrap_or(b),
        );
    }
    // Integers (small and big).
    if is_int(a) && is_int(b) {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::BitAnd => Some(x & y),
                BinOp::BitOr => Some(x | y),
                BinOp::BitXor => Some(x ^ y),
                BinOp::FloorDiv if y != 0 => x
                    .checked_div_euclid(y)
                    .map(|_| num_integer::Integer::div_floor(&x, &y)),
                BinOp::Mod if y != 0 => x
                    .checked_rem_euclid(y)
                    .map(|_| num_integer::Integer::mod_floor(&x, &y)),
                BinOp::RShift if (0..64).contains(&y) => Some(x >> y),
                BinOp::RShift if y >= 64 => Some(if x < 0 { -1 } else { 0 }),
                BinOp::LShift if (0..63).contains(&y) => {
                    let r = x.checked_shl(y as u32);
                    r.filter(|r| (r >> y) == x)
                }
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (x, y) = (big(a).unwrap_or_default(), big(b).unwrap_or_default());
        return Ok(match op {
            BinOp::Add => rt.int(x + y),
            BinOp::Sub => rt.int(x - y),
            BinOp::Mul => rt.int(x * y),
            BinOp::BitAnd => rt.int(x & y),
            BinOp::BitOr => rt.int(x | y),
            BinOp::BitXor => rt.int(x ^ y),
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return rt.err(Ty::ZeroDivisionError, "integer division or modulo by zero");
                }
                rt.int(x.div_floor(&y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return rt.err(Ty::ZeroDivisionError, "integer modulo by zero");
                }
                rt.int(x.mod_floor(&y))
            }
            BinOp::Div => {
                if y.is_zero() {
                    return rt.err(Ty::ZeroDivisionError, "division by zero");
                }
                match (x.to_f64(), y.to_f64()) {
                    (Some(p), Some(q)) if p.abs() < 9e15 && q.abs() < 9e15 => Value::Float(p / q),
                    _ => {
                        // Big operands: correctly rounded, as CPython's.
                        let f = big_true_div(&x, &y);
                        if f.is_infinite() {
                            return rt.err(
                                Ty::OverflowError,
                                "integer division result too large for a float",
                            );
                        }
                        Value::Float(f)
                    }
                }
            }
            BinOp::Pow => return int_pow(rt, &x, &y),
            BinOp::LShift => {
                if y.is_negative() {
                    return rt.err(Ty::ValueError, "negative shift count");
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > 1 << 24 {
                    return rt.err(Ty::OverflowError, "too many digits in integer");
                }
                rt.int(x << s)
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return rt.err(Ty::ValueError, "negative shift count");
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > 1 << 24 {
                    rt.int(if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    })
                } else {
                    // Floor shift for negatives.
                    rt.int(x.div_floor(&(BigInt::one() << s)))
                }
            }
            BinOp::MatMul => return unsupported(rt, op, a, b),
        });
    }
    // Floats.
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if is_int(a) && as_f64(a).map(|f| f.is_infinite()).unwrap_or(false)
                || is_int(b) && as_f64(b).map(|f| f.is_infinite()).unwrap_or(false)
            {
                return rt.err(Ty::OverflowError, "int too large to convert to float");
            }
            return Ok(Value::Float(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div => {
                    if y == 0.0 {
                        return rt.err(Ty::ZeroDivisionError, "float division by zero");
                    }
                    x / y
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return rt.err(Ty::ZeroDivisionError, "float floor division by zero");
                    }
                    float_floordiv(x, y)
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return rt.err(Ty::ZeroDivisionError, "float modulo");
                    }
                    float_mod(x, y)
                }
                BinOp::Pow => {
                    if x == 0.0 && y < 0.0 {
                        return rt.err(
                            Ty::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        );
                    }
                    if x < 0.0 && y.fract() != 0.0 {
                        return rt.err(Ty::ValueError, "complex results are not supported");
                    }
                    let r = x.powf(y);
                    if r.is_infinite() && x.is_finite() && y.is_finite() {
                        return rt.err(Ty::OverflowError, "(34, 'Numerical result out of range')");
                    }
                    r
                }
                _ => return unsupported(rt, op, a, b),
            }));
        }
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) if op == BinOp::Add => {
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            return Ok(rt.s(&s));
        }
        (Value::Str(x), n) | (n, Value::Str(x)) if op == BinOp::Mul && is_int(n) => {
            let k = big(n).and_then(|k| k.to_i64()).unwrap_or(0).max(0) as usize;
            if x.as_str().len().saturating_mul(k) > 1 << 31 {
                return rt.err(Ty::MemoryError, "");
            }
            return Ok(rt.s(&x.as_str().repeat(k)));
        }
        (Value::Str(x), _) if op == BinOp::Mod => {
            return crate::builtins::strings::percent_format(rt, x.as_str(), b);
        }
        (Value::List(_), Value::List(_)) if op == BinOp::Add => {
            let mut items = heap::list_items(a);
            items.extend(heap::list_items(b));
            return Ok(rt.list(items));
        }
        (Value::List(_), n) | (n, Value::List(_)) if op == BinOp::Mul && is_int(n) => {
            let l = if matches!(a, Value::List(_)) { a } else { b };
            let items = seq_repeat(rt, heap::list_items(l), &big(n).unwrap_or_default())?;
            return Ok(rt.list(items));
        }
        (Value::Dict(_), Value::Dict(_)) if op == BinOp::BitOr => {
            let d = heap::new_dict(rt.mc);
            for (k, v) in heap::dict_entries(a)
                .into_iter()
                .chain(heap::dict_entries(b))
            {
                put_key(rt, d, k, v);
            }
            return Ok(d);
        }
        _ => {}
    }
    let (ka, kb) = (kind_of(rt, a), kind_of(rt, b));
    if ka == Ty::Tuple && kb == Ty::Tuple && op == BinOp::Add {
        let mut items = tuple_items(a);
        items.extend(tuple_items(b));
        return Ok(rt.tuple(&items));
    }
    if op == BinOp::Mul && (ka == Ty::Tuple && is_int(b) || kb == Ty::Tuple && is_int(a)) {
        let (t, n) = if ka == Ty::Tuple { (a, b) } else { (b, a) };
        let items = seq_repeat(rt, tuple_items(t), &big(n).unwrap_or_default())?;
        return Ok(rt.tuple(&items));
    }
    if matches!(ka, Ty::Set | Ty::FrozenSet) && matches!(kb, Ty::Set | Ty::FrozenSet) {
        let (da, db) = (set_dict(a), set_dict(b));
        let out = rt.new_set(ka == Ty::FrozenSet);
        let od = set_dict(out);
        let ea = heap::dict_entries(da);
        let eb = heap::dict_entries(db);
        match op {
            BinOp::BitOr => {
                for (k, _) in ea.iter().chain(eb.iter()) {
                    put_key(rt, od, *k, Value::None);
                }
            }
            BinOp::BitAnd => {
                // As CPython: the keys kept are the smaller set's (the
                // right one's when the sizes are equal).
                let (small, big) = if eb.len() > ea.len() {
                    (&ea, db)
                } else {
                    (&eb, da)
                };
                for (k, _) in small {
                    if !matches!(get_key(rt, big, *k), Value::Absent) {
                        put_key(rt, od, *k, Value::None);
                    }
                }
            }
            BinOp::Sub => {
                for (k, _) in &ea {
                    if matches!(get_key(rt, db, *k), Value::Absent) {
                        put_key(rt, od, *k, Value::None);
                    }
                }
            }
            BinOp::BitXor => {
                for (k, _) in &ea {
                    if matches!(get_key(rt, db, *k), Value::Absent) {
                        put_key(rt, od, *k, Value::None);
                    }
                }
                for (k, _) in &eb {
                    if matches!(get_key(rt, da, *k), Value::Absent) {
                        put_key(rt, od, *k, Value::None);
                    }
                }
            }
            _ => return unsupported(rt, op, a, b),
        }
        return Ok(out);
    }
    if matches!(ka, Ty::DictKeys | Ty::DictItems) || matches!(kb, Ty::DictKeys | Ty::DictItems) {
        // Set operations on views: go through sets.
        let sa = crate::builtins::make_set(rt, a, false)?;
        let sb = crate::builtins::make_set(rt, b, false)?;
        return binary(rt, op, sa, sb);
    }
    if op == BinOp::Mul && (is_bytes_kind(ka) || is_bytes_kind(kb)) {
        // bytes * n: as str * n on the text.
        let (bv, n, k) = if is_bytes_kind(ka) {
            (a, b, ka)
        } else {
            (b, a, kb)
        };
        if matches!(n, Value::Int(_) | Value::Bool(_)) {
            let r = binary(rt, op, field(bv, 1), n)?;
            return Ok(rt.record(k, &[r]));
        }
    }
    if is_bytes_kind(ka) && is_bytes_kind(kb) && op == BinOp::Add {
        let s = format!(
            "{}{}",
            field(a, 1).as_str().unwrap_or(""),
            field(b, 1).as_str().unwrap_or("")
        );
        return Ok(rt.record(ka, &[rt.s(&s)]));
    }
    let (da, ra) = dunder(op);
    if has_py_method(rt, a, da) || has_py_method(rt, b, ra) {
        return Err(Fail::Guest);
    }
    unsupported(rt, op, a, b)
}

fn unsupported<'gc, T>(
    rt: &Rt<'_, 'gc>,
    op: BinOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, T> {
    if op == BinOp::Add && matches!(a, Value::Str(_)) {
        return rt.err(
            Ty::TypeError,
            format!(
                "can only concatenate str (not \"{}\") to str",
                type_name_of(rt, b)
            ),
        );
    }
    if op == BinOp::Mul
        && (matches!(a, Value::Str(_) | Value::List(_)) || kind_of(rt, a) == Ty::Tuple)
        && !is_int(b)
    {
        return rt.err(
            Ty::TypeError,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name_of(rt, b)
            ),
        );
    }
    if op == BinOp::Mul
        && (matches!(b, Value::Str(_) | Value::List(_)) || kind_of(rt, b) == Ty::Tuple)
        && !is_int(a)
    {
        return rt.err(
            Ty::TypeError,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name_of(rt, a)
            ),
        );
    }
    if op == BinOp::Add && matches!(a, Value::List(_)) {
        return rt.err(
            Ty::TypeError,
            format!(
                "can only concatenate list (not \"{}\") to list",
                type_name_of(rt, b)
            ),
        );
    }
    // `int | None` builds a union (the prelude's `_UnionType`).
    let union_arg = |v: Value<'gc>| matches!(v, Value::None) || is_type(v);
    if op == BinOp::BitOr && union_arg(a) && union_arg(b) {
        return Err(Fail::Guest);
    }
    rt.err(
        Ty::TypeError,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op_symbol(op),
            type_name_of(rt, a),
            type_name_of(rt, b)
        ),
    )
}

/// In-place variants: lists extend, sets update, dicts merge; others as binary.
pub fn inplace<'gc>(
    rt: &Rt<'_, 'gc>,
    op: BinOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    match (a, op) {
        (Value::List(_), BinOp::Add) => {
            let items = match iterate(rt, b) {
                Ok(i) => i,
                Err(e) => return Err(e),
            };
            for x in items {
                heap::list_append(rt.mc, a, x);
            }
            return Ok(a);
        }
        (Value::List(_), BinOp::Mul) if is_int(b) => {
            let items = seq_repeat(rt, heap::list_items(a), &big(b).unwrap_or_default())?;
            heap::list_truncate(rt.mc, a, 0);
            for x in items {
                heap::list_append(rt.mc, a, x);
            }
            return Ok(a);
        }
        (Value::Dict(_), BinOp::BitOr) if matches!(b, Value::Dict(_)) => {
            for (k, v) in heap::dict_entries(b) {
                put_key(rt, a, k, v);
            }
            return Ok(a);
        }
        _ => {}
    }
    if kind_of(rt, a) == Ty::ByteArray && op == BinOp::Add {
        return crate::builtins::bytes::iadd(rt, a, b);
    }
    if kind_of(rt, a) == Ty::Set && matches!(kind_of(rt, b), Ty::Set | Ty::FrozenSet) {
        let r = binary(rt, op, a, b)?;
        let d = set_dict(a);
        let items = heap::dict_entries(set_dict(r));
        let n = heap::dict_len(d);
        for _ in 0..n {
            // Clear by removing every key.
        }
        for (k, _) in heap::dict_entries(d) {
            del_key(rt, d, k);
        }
        for (k, _) in items {
            put_key(rt, d, k, Value::None);
        }
        return Ok(a);
    }
    let name = format!("__i{}", &dunder(op).0[2..]);
    if has_py_method(rt, a, &name) {
        return Err(Fail::Guest);
    }
    binary(rt, op, a, b)
}

/// `a op b` for comparisons other than identity.
pub fn compare<'gc>(
    rt: &Rt<'_, 'gc>,
    op: CmpOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    use std::cmp::Ordering::*;
    let r = match op {
        CmpOp::Eq => eq(rt, a, b)?,
        CmpOp::Ne => {
            // A user `__ne__` runs in the prelude's `__compare_op`.
            if has_py_method(rt, a, "__ne__") || has_py_method(rt, b, "__ne__") {
                return Err(NeedGuest.into());
            }
            !eq(rt, a, b)?
        }
        CmpOp::Is => a.same(&b),
        CmpOp::IsNot => !a.same(&b),
        CmpOp::In => contains(rt, b, a)?,
        CmpOp::NotIn => !contains(rt, b, a)?,
        CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
            if has_nan(a, b) {
                false
            } else {
                let sym = match op {
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                };
                // Sets order by inclusion.
                let (ka, kb) = (kind_of(rt, a), kind_of(rt, b));
                if matches!(ka, Ty::Set | Ty::FrozenSet) && matches!(kb, Ty::Set | Ty::FrozenSet) {
                    let (da, db) = (set_dict(a), set_dict(b));
                    let sub = |x: Value<'gc>, y: Value<'gc>| {
                        heap::dict_entries(x)
                            .iter()
                            .all(|(k, _)| !matches!(heap::dict_get(y, *k), Value::Absent))
                    };
                    let (la, lb) = (heap::dict_len(da), heap::dict_len(db));
                    return Ok(Value::Bool(match op {
                        CmpOp::Lt => la < lb && sub(da, db),
                        CmpOp::Le => sub(da, db),
                        CmpOp::Gt => la > lb && sub(db, da),
                        _ => sub(db, da),
                    }));
                }
                let o = cmp(rt, a, b, sym)?;
                match op {
                    CmpOp::Lt => o == Less,
                    CmpOp::Le => o != Greater,
                    CmpOp::Gt => o == Greater,
                    _ => o != Less,
                }
            }
        }
    };
    Ok(Value::Bool(r))
}

/// `x in container`.
pub fn contains<'gc>(
    rt: &Rt<'_, 'gc>,
    container: Value<'gc>,
    x: Value<'gc>,
) -> PyResult<'gc, bool> {
    if let Some(n) = native_slot(container) {
        if !has_py_method(rt, container, "__contains__") {
            return contains(rt, n, x);
        }
    }
    match container {
        Value::Str(s) => match x {
            Value::Str(n) => Ok(s.as_str().contains(n.as_str())),
            _ => rt.err(
                Ty::TypeError,
                format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name_of(rt, x)
                ),
            ),
        },
        Value::Dict(_) => Ok(!matches!(dict_get(rt, container, x)?, Value::Absent)),
        Value::List(_) => {
            for y in heap::list_items(container) {
                if x.same(&y) || eq(rt, x, y)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Record(_) => match kind_of(rt, container) {
            Ty::Set | Ty::FrozenSet => Ok(!matches!(
                dict_get(rt, set_dict(container), x)?,
                Value::Absent
            )),
            Ty::DictKeys => Ok(!matches!(
                dict_get(rt, field(container, 1), x)?,
                Value::Absent
            )),
            Ty::Range => {
                let (a, b, s) = (
                    int_of(field(container, 1)),
                    int_of(field(container, 2)),
                    int_of(field(container, 3)),
                );
                match x {
                    Value::Int(i) => Ok(if s > 0 {
                        i >= a && i < b && (i - a) % s == 0
                    } else {
                        i <= a && i > b && (a - i) % (-s) == 0
                    }),
                    _ => Ok(iterate(rt, container)?
                        .iter()
                        .any(|y| eq(rt, x, *y).unwrap_or(false))),
                }
            }
            Ty::Bytes | Ty::ByteArray => {
                let s = field(container, 1).as_str().unwrap_or("");
                match x {
                    Value::Int(i) => Ok(s.chars().any(|c| c as i64 == i)),
                    _ if is_bytes_kind(kind_of(rt, x)) => {
                        Ok(s.contains(field(x, 1).as_str().unwrap_or("")))
                    }
                    _ => rt.err(Ty::TypeError, "a bytes-like object is required"),
                }
            }
            k if is_instance_kind(k) => {
                if has_py_method(rt, container, "__contains__")
                    || has_py_method(rt, container, "__iter__")
                    || has_py_method(rt, container, "__getitem__")
                {
                    return Err(Fail::Guest);
                }
                rt.err(
                    Ty::TypeError,
                    format!(
                        "argument of type '{}' is not iterable",
                        type_name_of(rt, container)
                    ),
                )
            }
            _ => {
                let items = iterate(rt, container)?;
                for y in items {
                    if x.same(&y) || eq(rt, x, y)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        },
        _ => rt.err(
            Ty::TypeError,
            format!(
                "argument of type '{}' is not iterable",
                type_name_of(rt, container)
            ),
        ),
    }
}

/// Normalises an index into `0..len` (Python semantics), or None when out of range.
pub fn norm_index(i: i64, len: i64) -> Option<i64> {
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j)
    }
}

/// Resolves a slice's start, stop, step against a length (CPython's PySlice_AdjustIndices).
pub fn slice_indices<'gc>(
    rt: &Rt<'_, 'gc>,
    sl: Value<'gc>,
    len: i64,
) -> PyResult<'gc, (i64, i64, i64)> {
    slice_bounds(rt, field(sl, 1), field(sl, 2), field(sl, 3), len)
}

/// [`slice_indices`] of the slice with these start, stop and step.
pub fn slice_bounds<'gc>(
    rt: &Rt<'_, 'gc>,
    start: Value<'gc>,
    stop: Value<'gc>,
    step: Value<'gc>,
    len: i64,
) -> PyResult<'gc, (i64, i64, i64)> {
    let get = |v: Value<'gc>| -> PyResult<'gc, Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::BigInt(b) => Ok(Some(if b.0.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => rt.err(
                Ty::TypeError,
                "slice indices must be integers or None or have an __index__ method",
            ),
        }
    };
    let step = get(step)?.unwrap_or(1);
    if step == 0 {
        return rt.err(Ty::ValueError, "slice step cannot be zero");
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adj = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lo {
                        x = lo;
                    }
                } else if x > hi {
                    x = hi;
                }
                x
            }
        }
    };
    let start = adj(get(start)?, if step < 0 { hi } else { lo });
    let stop = adj(get(stop)?, if step < 0 { lo } else { hi });
    Ok((start, stop, step))
}

pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

/// `x / y` for big ints, rounded once to the nearest float (ties to even):
/// a quotient of at least 55 bits with a sticky bit for the remainder
/// converts exactly-once, then scales by a power of two.
fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return if neg { -0.0 } else { 0.0 };
    }
    let shift = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (mut q, r) = num.div_rem(&den);
    if !r.is_zero() {
        q |= BigInt::from(1);
    }
    // q has 55 or 56 bits: to_f64 rounds it once to 53.
    let mut f = q.to_f64().unwrap_or(f64::INFINITY);
    let mut e = -shift;
    while e > 0 {
        let step = e.min(1000);
        f *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        f /= 2f64.powi(step as i32);
        e += step;
    }
    if neg {
        -f
    } else {
        f
    }
}
