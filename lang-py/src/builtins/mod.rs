//! Built-in functions, constructors of the built-in types, and the native
//! half of attribute access, subscripting and iteration.
//!
//! Every function here runs without guest code; where Python code is needed
//! it answers `Fail::Guest`, and the interpreter runs the prelude's Python
//! version (`__b_NAME` for builtins, `__m_TYPE_NAME` for methods).

pub mod bytes;
pub mod io;
pub mod methods;
pub mod regex;
pub mod strings;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use vm_core::heap;
use vm_core::Value;

use crate::objects::format::{self as fmt};
use crate::objects::*;
use crate::ops;

/// Names of the builtin functions (their records carry the name).
pub const FUNCTIONS: &[&str] = &[
    "print",
    "len",
    "enumerate",
    "zip",
    "map",
    "filter",
    "sorted",
    "reversed",
    "min",
    "max",
    "sum",
    "abs",
    "all",
    "any",
    "isinstance",
    "issubclass",
    "hasattr",
    "getattr",
    "setattr",
    "delattr",
    "hash",
    "id",
    "ord",
    "chr",
    "iter",
    "next",
    "divmod",
    "pow",
    "round",
    "hex",
    "oct",
    "bin",
    "callable",
    "format",
    "input",
    "open",
    "vars",
    "dir",
    "repr",
    "globals",
    "exit",
    "quit",
    "_lookup",
    "_sort_by_keys",
    "_native_sort",
    "_exc_tb",
    "_set_args",
    "_is_gen",
    "_native_of",
    "_raw_get",
    "_raw_set",
    "_raw_has",
    "_raw_del",
    "_prop_name",
    "_set_dict",
    "_py_eq",
    "_type_new",
    "_winning_meta",
    "__build_class__",
];

pub fn builtin_fn<'gc>(rt: &Rt<'_, 'gc>, name: &str, bound: Value<'gc>) -> Value<'gc> {
    rt.record(Ty::BuiltinFunction, &[Value::Int(-1), rt.s(name), bound])
}

fn argc<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    args: &[Value<'gc>],
    min: usize,
    max: usize,
) -> PyResult<'gc, ()> {
    if args.len() < min || args.len() > max {
        if min == max {
            return rt.err(
                Ty::TypeError,
                format!(
                    "{}() takes exactly {} argument{} ({} given)",
                    name,
                    min,
                    if min == 1 { "" } else { "s" },
                    args.len()
                ),
            );
        }
        if args.len() < min {
            return rt.err(
                Ty::TypeError,
                format!(
                    "{} expected at least {} argument{}, got {}",
                    name,
                    min,
                    if min == 1 { "" } else { "s" },
                    args.len()
                ),
            );
        }
        return rt.err(
            Ty::TypeError,
            format!(
                "{} expected at most {} arguments, got {}",
                name,
                max,
                args.len()
            ),
        );
    }
    Ok(())
}

/// Splits `(kwnames, values...)` into positional and keyword arguments.
pub fn split_args<'gc>(
    kwnames: Value<'gc>,
    vals: &[Value<'gc>],
) -> (Vec<Value<'gc>>, Vec<(String, Value<'gc>)>) {
    let names: Vec<String> = match kwnames {
        Value::Record(_) => tuple_items(kwnames)
            .iter()
            .map(|n| n.as_str().unwrap_or("").to_string())
            .collect(),
        _ => Vec::new(),
    };
    let npos = vals.len() - names.len();
    let pos = vals[..npos].to_vec();
    let kw = names
        .into_iter()
        .zip(vals[npos..].iter().copied())
        .collect();
    (pos, kw)
}

pub(crate) fn kwarg<'gc>(kw: &[(String, Value<'gc>)], name: &str) -> Option<Value<'gc>> {
    kw.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

fn no_kw<'gc>(rt: &Rt<'_, 'gc>, name: &str, kw: &[(String, Value<'gc>)]) -> PyResult<'gc, ()> {
    if let Some((k, _)) = kw.first() {
        return rt.err(
            Ty::TypeError,
            format!("{}() got an unexpected keyword argument '{}'", name, k),
        );
    }
    Ok(())
}

/// `H_BUILTIN`: a[0] callee (builtin function or type), a[1] kwnames, a[2..] values.
pub fn call_builtin<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let callee = a[0];
    // Most calls have no keywords: use the argument slice as it is.
    let split;
    let (args, kw): (&[Value<'gc>], &[(String, Value<'gc>)]) = match a[1] {
        Value::Record(_) => {
            split = split_args(a[1], &a[2..]);
            (&split.0, &split.1)
        }
        _ => (&a[2..], &[]),
    };
    let name_v = field(callee, 2);
    let name = name_v.as_str().unwrap_or("");
    // Instances of int/float/str/tuple/bytes subclasses reach the built-in
    // functions that only read their value as that value.
    let unwrapped: Vec<Value<'gc>>;
    let args = if args.iter().any(|v| immutable_native(*v).is_some())
        && (if kind_of(rt, callee) == Ty::Type {
            !matches!(
                builtin_of(callee),
                Some(Ty::Str | Ty::Type | Ty::Object) | None
            ) && callee.same(&rt.ty(builtin_of(callee).unwrap_or(Ty::Object)))
        } else {
            name.starts_with("math:")
                || matches!(
                    name,
                    "format"
                        | "abs"
                        | "round"
                        | "divmod"
                        | "pow"
                        | "hex"
                        | "oct"
                        | "bin"
                        | "chr"
                        | "range"
                        | "sum"
                        | "max"
                        | "min"
                        | "sorted"
                        | "ord"
                )
        }) {
        unwrapped = args
            .iter()
            .map(|v| immutable_native(*v).unwrap_or(*v))
            .collect();
        &unwrapped[..]
    } else {
        args
    };
    if kind_of(rt, callee) == Ty::Type {
        return construct(rt, callee, args, kw);
    }
    let bself = field(callee, 3);
    if !matches!(bself, Value::None) {
        return methods::method(rt, name, bself, args, kw);
    }
    if let Some(f) = name.strip_prefix("embed:") {
        return crate::embed::call_rust(rt, f, args);
    }
    if name.contains(':') {
        if name.starts_with("math:") {
            let raw: Vec<Value<'gc>> = a[2..]
                .iter()
                .map(|v| immutable_native(*v).unwrap_or(*v))
                .collect();
            return crate::modules::call_qualified(rt, name, &raw, a[1]);
        }
        return crate::modules::call_qualified(rt, name, &a[2..], a[1]);
    }
    if let Some((tname, mname)) = name.split_once('.') {
        // An unbound method of a built-in type: `str.join(sep, items)`.
        if args.is_empty() {
            return rt.err(
                Ty::TypeError,
                format!("unbound method {}() needs an argument", name),
            );
        }
        if tname == "int" && mname == "from_bytes" {
            return methods::int_from_bytes(rt, args, kw);
        }
        if tname == "dict" && mname == "fromkeys" {
            return methods::method(rt, mname, heap::new_dict(rt.mc), args, kw);
        }
        if (tname == "bytes" || tname == "bytearray") && mname == "fromhex" {
            return bytes::fromhex(rt, tname, args);
        }
        if tname == "bytes" && mname == "maketrans" {
            return bytes::method(rt, mname, bytes::new_bytes(rt, ""), args, kw);
        }
        if tname == "str" && mname == "maketrans" {
            return methods::method(rt, mname, rt.s(""), args, kw);
        }
        return methods::method(rt, mname, args[0], &args[1..], kw);
    }
    function(rt, &name, args, kw)
}

pub fn len_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, i64> {
    if let Some(n) = native_slot(v) {
        if !has_py_method(rt, v, "__len__") {
            return len_of(rt, n);
        }
    }
    Ok(match v {
        Value::Str(s) => {
            let t = s.as_str();
            if t.is_ascii() {
                t.len() as i64
            } else {
                t.chars().count() as i64
            }
        }
        Value::List(_) => heap::list_len(v),
        Value::Dict(_) => heap::dict_len(v),
        Value::Record(_) => match kind_of(rt, v) {
            Ty::Tuple => int_of(field(v, TUP_LEN)),
            Ty::Set | Ty::FrozenSet => heap::dict_len(set_dict(v)),
            Ty::DictKeys | Ty::DictValues | Ty::DictItems => heap::dict_len(field(v, 1)),
            Ty::Range => {
                let (a, b, s) = (
                    int_of(field(v, 1)),
                    int_of(field(v, 2)),
                    int_of(field(v, 3)),
                );
                if s > 0 && b > a {
                    (b - a + s - 1) / s
                } else if s < 0 && a > b {
                    (a - b - s - 1) / (-s)
                } else {
                    0
                }
            }
            Ty::Bytes | Ty::ByteArray => field(v, 1).as_str().unwrap_or("").chars().count() as i64,
            k if is_instance_kind(k) && has_py_method(rt, v, "__len__") => return Err(Fail::Guest),
            // Classes with a class-level length (enum, see lib/enum.py).
            Ty::Type if has_class_hook(rt, v, "__class_len__") => return Err(Fail::Guest),
            _ => {
                return rt.err(
                    Ty::TypeError,
                    format!("object of type '{}' has no len()", type_name_of(rt, v)),
                )
            }
        },
        _ => {
            return rt.err(
                Ty::TypeError,
                format!("object of type '{}' has no len()", type_name_of(rt, v)),
            )
        }
    })
}

pub fn make_set<'gc>(rt: &Rt<'_, 'gc>, it: Value<'gc>, frozen: bool) -> PyResult<'gc, Value<'gc>> {
    let s = rt.new_set(frozen);
    let d = set_dict(s);
    for x in iterate(rt, it)? {
        dict_set(rt, d, x, Value::None)?;
    }
    Ok(s)
}

fn to_int<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, base: Option<u32>) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::Int(_) | Value::BigInt(_) if base.is_none() => Ok(v),
        Value::Bool(b) if base.is_none() => Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return rt.err(Ty::ValueError, "cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return rt.err(
                    Ty::OverflowError,
                    "cannot convert float infinity to integer",
                );
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(rt.int(num_bigint::BigInt::from(t as i128)))
            }
        }
        Value::Str(s) => {
            let text = s.as_str().trim();
            let base = base.unwrap_or(10);
            let (neg, body) = match text.strip_prefix('-') {
                Some(r) => (true, r),
                None => (false, text.strip_prefix('+').unwrap_or(text)),
            };
            let (radix, digits) = {
                let lower = body.to_ascii_lowercase();
                if (base == 16 || base == 0) && lower.starts_with("0x") {
                    (16, &body[2..])
                } else if (base == 8 || base == 0) && lower.starts_with("0o") {
                    (8, &body[2..])
                } else if (base == 2 || base == 0) && lower.starts_with("0b") {
                    (2, &body[2..])
                } else {
                    (if base == 0 { 10 } else { base }, body)
                }
            };
            let clean = digits.replace('_', "");
            let ok = !clean.is_empty()
                && !digits.starts_with('_')
                && !digits.ends_with('_')
                && !digits.contains("__");
            match (ok, num_bigint::BigInt::parse_bytes(clean.as_bytes(), radix)) {
                (true, Some(b)) => Ok(rt.int(if neg { -b } else { b })),
                _ => rt.err(
                    Ty::ValueError,
                    format!(
                        "invalid literal for int() with base {}: {}",
                        base,
                        str_repr(s.as_str())
                    ),
                ),
            }
        }
        Value::Record(_) if is_instance_kind(kind_of(rt, v)) => Err(Fail::Guest),
        _ => rt.err(
            Ty::TypeError,
            format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name_of(rt, v)
            ),
        ),
    }
}

pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().replace('_', "");
    let l = t.to_ascii_lowercase();
    match l.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => {
            return Some(if l.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if t.is_empty() || t.contains(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c))) {
        return None;
    }
    t.parse().ok()
}

fn to_float<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::Float(_) => Ok(v),
        Value::Int(i) => Ok(Value::Float(i as f64)),
        Value::Bool(b) => Ok(Value::Float(b as i64 as f64)),
        Value::BigInt(b) => match b.0.to_f64() {
            Some(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => rt.err(Ty::OverflowError, "int too large to convert to float"),
        },
        Value::Str(s) => match parse_float(s.as_str()) {
            Some(f) => Ok(Value::Float(f)),
            None => rt.err(
                Ty::ValueError,
                format!(
                    "could not convert string to float: {}",
                    str_repr(s.as_str())
                ),
            ),
        },
        Value::Record(_) if is_instance_kind(kind_of(rt, v)) => Err(Fail::Guest),
        _ => rt.err(
            Ty::TypeError,
            format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name_of(rt, v)
            ),
        ),
    }
}

/// Calling a built-in type.
pub fn construct<'gc>(
    rt: &Rt<'_, 'gc>,
    t: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let k = builtin_of(t).unwrap_or(Ty::Object);
    let name = k.name();
    match k {
        Ty::Int => {
            let base = match kwarg(kw, "base").or(args.get(1).copied()) {
                Some(b) => Some(int_of(b) as u32),
                None => None,
            };
            match args.first() {
                None => Ok(Value::Int(0)),
                Some(v) => to_int(rt, *v, base),
            }
        }
        Ty::Float => match args.first() {
            None => Ok(Value::Float(0.0)),
            Some(v) => to_float(rt, *v),
        },
        Ty::Str => match args.first() {
            None => Ok(rt.s("")),
            Some(v) => {
                if is_bytes_kind(kind_of(rt, *v)) && (args.len() > 1 || !kw.is_empty()) {
                    return methods::method(rt, "decode", *v, &args[1..], kw);
                }
                Ok(rt.s(&str_of(rt, *v)?))
            }
        },
        Ty::Bool => match args.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(truth(rt, *v)?)),
        },
        Ty::List => {
            no_kw(rt, name, kw)?;
            argc(rt, name, args, 0, 1)?;
            Ok(rt.list(match args.first() {
                None => Vec::new(),
                Some(v) => iterate(rt, *v)?,
            }))
        }
        Ty::Tuple => {
            argc(rt, name, args, 0, 1)?;
            match args.first() {
                None => Ok(rt.tuple(&[])),
                Some(v) if kind_of(rt, *v) == Ty::Tuple => Ok(*v),
                Some(v) => Ok(rt.tuple(&iterate(rt, *v)?)),
            }
        }
        Ty::Set | Ty::FrozenSet => {
            argc(rt, name, args, 0, 1)?;
            match args.first() {
                None => Ok(rt.new_set(k == Ty::FrozenSet)),
                Some(v) => make_set(rt, *v, k == Ty::FrozenSet),
            }
        }
        Ty::Dict => {
            let d = heap::new_dict(rt.mc);
            if let Some(src) = args.first() {
                dict_update_from(rt, d, *src)?;
            }
            for (n, v) in kw {
                heap::dict_set(rt.mc, d, rt.s(n), *v);
            }
            Ok(d)
        }
        Ty::Range => {
            let ints: Vec<i64> = args
                .iter()
                .map(|v| match v {
                    Value::Int(i) => Ok(*i),
                    Value::Bool(b) => Ok(*b as i64),
                    _ => Err(()),
                })
                .collect::<Result<_, _>>()
                .or_else(|_| {
                    rt.err(
                        Ty::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name_of(
                                rt,
                                *args
                                    .iter()
                                    .find(|v| !matches!(v, Value::Int(_) | Value::Bool(_)))
                                    .unwrap_or(&Value::None)
                            )
                        ),
                    )
                })?;
            let (a, b, s) = match ints.len() {
                1 => (0, ints[0], 1),
                2 => (ints[0], ints[1], 1),
                3 => (ints[0], ints[1], ints[2]),
                0 => return rt.err(Ty::TypeError, "range expected at least 1 argument, got 0"),
                n => {
                    return rt.err(
                        Ty::TypeError,
                        format!("range expected at most 3 arguments, got {n}"),
                    )
                }
            };
            if s == 0 {
                return rt.err(Ty::ValueError, "range() arg 3 must not be zero");
            }
            Ok(rt.record(Ty::Range, &[Value::Int(a), Value::Int(b), Value::Int(s)]))
        }
        Ty::Slice => {
            let (a, b, c) = match args.len() {
                1 => (Value::None, args[0], Value::None),
                2 => (args[0], args[1], Value::None),
                3 => (args[0], args[1], args[2]),
                _ => return rt.err(Ty::TypeError, "slice expected at least 1 argument, got 0"),
            };
            Ok(rt.record(Ty::Slice, &[a, b, c]))
        }
        Ty::Object => Ok(shapes::new_dict_instance(
            rt.mc,
            t,
            Value::None,
            Value::None,
        )),
        // A user metaclass runs its own __new__ / __init__ (the prelude's `__construct`).
        Ty::Type if is_metaclass(rt, t) => Err(Fail::Guest),
        Ty::Type => match args.len() {
            1 => Ok(type_of(rt, args[0])),
            // A base's user metaclass makes the class (the prelude's `__b_type`).
            3 => make_class_from(rt, t, args, false),
            _ => rt.err(Ty::TypeError, "type() takes 1 or 3 arguments"),
        },
        Ty::Super => {
            if args.len() != 2 {
                return rt.err(Ty::RuntimeError, "super(): no arguments");
            }
            if !is_type(args[0]) {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "super() argument 1 must be a type, not {}",
                        type_name_of(rt, args[0])
                    ),
                );
            }
            if !super_ok(rt, args[0], args[1]) {
                return rt.err(
                    Ty::TypeError,
                    "super(type, obj): obj must be an instance or subtype of type",
                );
            }
            Ok(rt.record(Ty::Super, &[args[0], args[1]]))
        }
        Ty::Property => {
            let g =
                |i: usize, n: &str| kwarg(kw, n).or(args.get(i).copied()).unwrap_or(Value::None);
            Ok(rt.record(
                Ty::Property,
                // The name is set when a class body defines the property
                // (`make_class`, CPython's `__set_name__`).
                &[
                    g(0, "fget"),
                    g(1, "fset"),
                    g(2, "fdel"),
                    g(3, "doc"),
                    Value::None,
                ],
            ))
        }
        Ty::StaticMethod | Ty::ClassMethod => {
            argc(rt, name, args, 1, 1)?;
            Ok(rt.record(k, &[args[0]]))
        }
        Ty::Bytes | Ty::ByteArray => bytes::construct(rt, k, args, kw),
        Ty::Enumerate => function(rt, "enumerate", args, kw),
        Ty::Zip => function(rt, "zip", args, kw),
        _ => rt.err(Ty::TypeError, format!("cannot create '{}' instances", name)),
    }
}

pub fn dict_update_from<'gc>(
    rt: &Rt<'_, 'gc>,
    d: Value<'gc>,
    src: Value<'gc>,
) -> PyResult<'gc, ()> {
    match src {
        Value::Dict(_) => {
            for (k, v) in heap::dict_entries(src) {
                put_key(rt, d, k, v);
            }
        }
        _ => {
            if is_instance_kind(kind_of(rt, src)) {
                return Err(Fail::Guest);
            }
            for item in iterate(rt, src)? {
                let pair = match seq_items(rt, item) {
                    Some(p) => p,
                    None => iterate(rt, item)?,
                };
                if pair.len() != 2 {
                    return rt.err(
                        Ty::ValueError,
                        format!(
                            "dictionary update sequence element #0 has length {}; 2 is required",
                            pair.len()
                        ),
                    );
                }
                dict_set(rt, d, pair[0], pair[1])?;
            }
        }
    }
    Ok(())
}

fn minmax<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    if kw
        .iter()
        .any(|(n, v)| n == "key" && !matches!(v, Value::None))
    {
        return Err(Fail::Guest);
    }
    let items = if args.len() == 1 {
        iterate(rt, args[0])?
    } else {
        args.to_vec()
    };
    if items.is_empty() {
        if let Some(d) = kwarg(kw, "default") {
            return Ok(d);
        }
        return rt.err(
            Ty::ValueError,
            format!("{}() arg is an empty sequence", name),
        );
    }
    let mut best = items[0];
    for x in &items[1..] {
        let o = cmp(rt, *x, best, if name == "min" { "<" } else { ">" })?;
        let better = if name == "min" {
            o == std::cmp::Ordering::Less
        } else {
            o == std::cmp::Ordering::Greater
        };
        if better && !has_nan(*x, best) {
            best = *x;
        }
    }
    Ok(best)
}

/// Sorts natively when every comparison is native.
pub fn sort_values<'gc>(
    rt: &Rt<'_, 'gc>,
    items: &mut Vec<Value<'gc>>,
    keys: Option<Vec<Value<'gc>>>,
    reverse: bool,
) -> PyResult<'gc, ()> {
    let keys = keys.unwrap_or_else(|| items.clone());
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<Fail<'gc>> = None;
    // A stable merge sort using `<` only, as CPython does.
    idx.sort_by(|&i, &j| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (a, b) = if reverse {
            (keys[j], keys[i])
        } else {
            (keys[i], keys[j])
        };
        match cmp(rt, a, b, "<") {
            Ok(o) => o,
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value<'gc>> = idx.iter().map(|&i| items[i]).collect();
    *items = sorted;
    Ok(())
}

fn round_half_even(x: f64, nd: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // Use the decimal string of the correctly rounded value, as CPython does.
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi(-nd);
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            r
        };
        r * p
    }
}

fn hash_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, i64> {
    if let Some(n) = immutable_native(v) {
        if !has_py_method(rt, v, "__hash__") && !has_py_method(rt, v, "__eq__") {
            return hash_of(rt, n);
        }
    }
    if matches!(v, Value::Record(_)) && kind_of(rt, v) == Ty::Tuple {
        return tuple_hash(rt, v);
    }
    let k = int_form(key(rt, v)?);
    Ok(match k {
        Value::Int(i) => int_hash(i),
        Value::BigInt(b) => {
            let p = num_bigint::BigInt::from((1i64 << 61) - 1);
            let m = b.0.abs() % &p;
            let h = m.to_i64().unwrap_or(0);
            let h = if b.0.is_negative() { -h } else { h };
            if h == -1 {
                -2
            } else {
                h
            }
        }
        Value::None => 0x10000000,
        Value::Bool(b) => b as i64,
        Value::Str(s) => (s.hash_code() >> 1) as i64,
        Value::Float(f) if f.is_nan() => (f.to_bits() >> 4) as i64,
        Value::Float(f) => float_hash(f),
        other => (other.payload_bits() >> 4) as i64,
    })
}

/// CPython's tuple hash (xxHash's mixing over the items' hashes), so that
/// `hash()` of a tuple prints what CPython prints. The prelude's `__b_hash`
/// does the same in Python for tuples holding objects with a user
/// `__hash__` (this one answers Guest for those: it cannot call them).
fn tuple_hash<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>) -> PyResult<'gc, i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let items = tuple_items(t);
    let mut acc = P5;
    for item in &items {
        let lane = hash_of(rt, *item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
    Ok(if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    })
}

/// CPython's hash of a finite or infinite float: the value modulo the
/// Mersenne prime 2**61 - 1, so that equal ints and floats hash alike and
/// `hash()` prints what CPython prints.
fn float_hash(f: f64) -> i64 {
    const BITS: u32 = 61;
    const P: u64 = (1 << BITS) - 1;
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    // f = m * 2**e with 0.5 <= |m| < 1, taken 28 bits at a time.
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    x = ((x << e) & P) | (x >> (BITS - e));
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `f` as `m * 2**e` with `0.5 <= m < 1` (C's frexp), for finite `f > 0`.
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The builtin functions.
pub(crate) fn function<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    match name {
        "print" => {
            let sep = match kwarg(kw, "sep") {
                Some(Value::None) | None => " ".to_string(),
                Some(Value::Str(s)) => s.as_str().to_string(),
                Some(_) => return rt.err(Ty::TypeError, "sep must be None or a string"),
            };
            let end = match kwarg(kw, "end") {
                Some(Value::None) | None => "\n".to_string(),
                Some(Value::Str(s)) => s.as_str().to_string(),
                Some(_) => return rt.err(Ty::TypeError, "end must be None or a string"),
            };
            let file = kwarg(kw, "file").unwrap_or(Value::None);
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&str_of(rt, *a)?);
            }
            out.push_str(&end);
            write_to(rt, file, &out)?;
            Ok(Value::None)
        }
        "len" => {
            argc(rt, name, args, 1, 1)?;
            Ok(Value::Int(len_of(rt, args[0])?))
        }
        "enumerate" => {
            let start = kwarg(kw, "start")
                .or(args.get(1).copied())
                .unwrap_or(Value::Int(0));
            let it = getiter(rt, &args[..1])?;
            if is_generator(it) || is_instance_kind(kind_of(rt, it)) {
                return Err(Fail::Guest);
            }
            Ok(rt.record(Ty::Enumerate, &[it, start]))
        }
        "zip" => {
            if kwarg(kw, "strict").is_some() {
                return Err(Fail::Guest);
            }
            let mut its = Vec::new();
            for a in args {
                let it = getiter(rt, &[*a])?;
                if is_generator(it) || is_instance_kind(kind_of(rt, it)) {
                    return Err(Fail::Guest);
                }
                its.push(it);
            }
            Ok(rt.record(Ty::Zip, &[rt.list(its)]))
        }
        "map" | "filter" => Err(Fail::Guest),
        "sorted" => {
            argc(rt, name, args, 1, 1)?;
            let key = kwarg(kw, "key").unwrap_or(Value::None);
            if !matches!(key, Value::None) {
                return Err(Fail::Guest);
            }
            let reverse = truth(rt, kwarg(kw, "reverse").unwrap_or(Value::Bool(false)))?;
            let mut items = iterate(rt, args[0])?;
            sort_values(rt, &mut items, None, reverse)?;
            Ok(rt.list(items))
        }
        "_sort_by_keys" => {
            // _sort_by_keys(items, keys, reverse) -> list
            let mut items = heap::list_items(args[0]);
            let keys = heap::list_items(args[1]);
            let reverse = truth(rt, args[2])?;
            sort_values(rt, &mut items, Some(keys), reverse)?;
            Ok(rt.list(items))
        }
        "_native_sort" => {
            // Sorts list args[0] in place by keys args[1]; Absent when guest comparison is needed.
            let mut items = heap::list_items(args[0]);
            let keys = if matches!(args[1], Value::None) {
                None
            } else {
                Some(heap::list_items(args[1]))
            };
            let reverse = truth(rt, args[2])?;
            sort_values(rt, &mut items, keys, reverse)?;
            heap::list_truncate(rt.mc, args[0], 0);
            for x in items {
                heap::list_append(rt.mc, args[0], x);
            }
            Ok(Value::None)
        }
        "reversed" => {
            argc(rt, name, args, 1, 1)?;
            let v = args[0];
            match v {
                Value::List(_) => {
                    let mut items = heap::list_items(v);
                    items.reverse();
                    Ok(rt.record(Ty::SeqIter, &[rt.list(items), Value::Int(0)]))
                }
                _ => match kind_of(rt, v) {
                    k if is_instance_kind(k) => Err(Fail::Guest),
                    Ty::Type if has_class_hook(rt, v, "__class_reversed__") => Err(Fail::Guest),
                    Ty::Tuple | Ty::Range | Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
                        let mut items = iterate(rt, v)?;
                        items.reverse();
                        Ok(rt.record(Ty::SeqIter, &[rt.list(items), Value::Int(0)]))
                    }
                    _ if matches!(v, Value::Str(_) | Value::Dict(_)) => {
                        let mut items = iterate(rt, v)?;
                        items.reverse();
                        Ok(rt.record(Ty::SeqIter, &[rt.list(items), Value::Int(0)]))
                    }
                    _ => rt.err(
                        Ty::TypeError,
                        format!("'{}' object is not reversible", type_name_of(rt, v)),
                    ),
                },
            }
        }
        "min" | "max" => minmax(rt, name, args, kw),
        "sum" => {
            let items = iterate(rt, args[0])?;
            let mut acc = kwarg(kw, "start")
                .or(args.get(1).copied())
                .unwrap_or(Value::Int(0));
            // Floats are summed like CPython: a running double.
            for x in items {
                acc = ops::binary(rt, crate::ast::BinOp::Add, acc, x)?;
            }
            Ok(acc)
        }
        "abs" => {
            argc(rt, name, args, 1, 1)?;
            match args[0] {
                Value::Int(i) => Ok(match i.checked_abs() {
                    Some(a) => Value::Int(a),
                    None => rt.int(num_bigint::BigInt::from(i).abs()),
                }),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                Value::BigInt(b) => Ok(rt.int(b.0.abs())),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                v if has_py_method(rt, v, "__abs__") => Err(Fail::Guest),
                v => rt.err(
                    Ty::TypeError,
                    format!("bad operand type for abs(): '{}'", type_name_of(rt, v)),
                ),
            }
        }
        "all" | "any" => {
            let items = iterate(rt, args[0])?;
            for x in items {
                let t = truth(rt, x)?;
                if name == "all" && !t {
                    return Ok(Value::Bool(false));
                }
                if name == "any" && t {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(name == "all"))
        }
        "isinstance" | "issubclass" => {
            argc(rt, name, args, 2, 2)?;
            let (v, c) = (args[0], args[1]);
            let classes = if kind_of(rt, c) == Ty::Tuple {
                tuple_items(c)
            } else if !is_type(c)
                && matches!(c, Value::Record(_))
                && type_field(c).same(&rt.prelude("_UnionType"))
            {
                // `int | None`: its __args__.
                match getattr_native(rt, &[c, rt.s("__args__")]) {
                    Ok(t) if kind_of(rt, t) == Ty::Tuple => tuple_items(t),
                    _ => vec![c],
                }
            } else {
                vec![c]
            };
            // A metaclass's __instancecheck__/__subclasscheck__: the
            // prelude's `__b_isinstance`/`__b_issubclass` call it.
            let hook = if name == "isinstance" {
                "__instancecheck__"
            } else {
                "__subclasscheck__"
            };
            if classes.iter().any(|c| {
                is_type(*c)
                    && user_metaclass(rt, *c).is_some_and(|m| is_py_function(lookup(rt, m, hook)))
            }) {
                return Err(Fail::Guest);
            }
            for cls in classes {
                if !is_type(cls) {
                    return rt.err(
                        Ty::TypeError,
                        format!(
                            "{}() arg 2 must be a type, a tuple of types, or a union",
                            name
                        ),
                    );
                }
                let hit = if name == "isinstance" {
                    isinstance(rt, v, cls)
                        || (matches!(v, Value::Bool(_)) && cls.same(&rt.ty(Ty::Int)))
                } else {
                    if !is_type(v) {
                        return rt.err(Ty::TypeError, "issubclass() arg 1 must be a class");
                    }
                    is_subtype(v, cls)
                        || (v.same(&rt.ty(Ty::Bool)) && cls.same(&rt.ty(Ty::Int)))
                        || abc_subtype(rt, v, cls)
                };
                if hit {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        "hasattr" => match getattr_native(rt, &[args[0], args[1]]) {
            Ok(Value::Absent) => Err(Fail::Guest),
            Ok(_) => Ok(Value::Bool(true)),
            Err(Fail::Raise(e)) if is_subtype(type_field(e), rt.ty(Ty::AttributeError)) => {
                Ok(Value::Bool(false))
            }
            Err(e) => Err(e),
        },
        "getattr" => {
            argc(rt, name, args, 2, 3)?;
            if !matches!(args[1], Value::Str(_)) {
                return rt.err(Ty::TypeError, "attribute name must be string");
            }
            match getattr_full(rt, args[0], args[1]) {
                Ok(Value::Absent) => Err(Fail::Guest),
                Ok(v) => Ok(v),
                Err(Fail::Raise(e))
                    if args.len() == 3 && is_subtype(type_field(e), rt.ty(Ty::AttributeError)) =>
                {
                    Ok(args[2])
                }
                Err(e) => Err(e),
            }
        }
        "setattr" => {
            argc(rt, name, args, 3, 3)?;
            match setattr_native(rt, args)? {
                Value::Absent => Err(Fail::Guest),
                _ => Ok(Value::None),
            }
        }
        "delattr" => {
            argc(rt, name, args, 2, 2)?;
            delattr_native(rt, args)
        }
        "hash" => Ok(Value::Int(hash_of(rt, args[0])?)),
        "id" => Ok(Value::Int(match args[0] {
            Value::Int(i) => i,
            v => (v.payload_bits() >> 3) as i64,
        })),
        "ord" => match args[0] {
            Value::Str(s) if s.as_str().chars().count() == 1 => {
                Ok(Value::Int(s.as_str().chars().next().unwrap_or('\0') as i64))
            }
            Value::Str(s) => rt.err(
                Ty::TypeError,
                format!(
                    "ord() expected a character, but string of length {} found",
                    s.as_str().chars().count()
                ),
            ),
            v => rt.err(
                Ty::TypeError,
                format!(
                    "ord() expected string of length 1, but {} found",
                    type_name_of(rt, v)
                ),
            ),
        },
        "chr" => {
            let i = int_of(args[0]);
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(c) => Ok(rt.s(&c.to_string())),
                None => rt.err(Ty::ValueError, "chr() arg not in range(0x110000)"),
            }
        }
        "iter" => {
            argc(rt, name, args, 1, 2)?;
            if args.len() == 2 {
                return Err(Fail::Guest);
            }
            getiter(rt, args)
        }
        "next" => {
            argc(rt, name, args, 1, 2)?;
            let it = args[0];
            if is_generator(it) || is_instance_kind(kind_of(rt, it)) {
                return Err(Fail::Guest);
            }
            match iternext(rt, &[it])? {
                Value::Absent => match args.get(1) {
                    Some(d) => Ok(*d),
                    None => Err(Fail::Raise(rt.exc(Ty::StopIteration, ""))),
                },
                v => Ok(v),
            }
        }
        "divmod" => {
            let q = ops::binary(rt, crate::ast::BinOp::FloorDiv, args[0], args[1])?;
            let r = ops::binary(rt, crate::ast::BinOp::Mod, args[0], args[1])?;
            Ok(rt.tuple(&[q, r]))
        }
        "pow" => {
            if args.len() == 3 {
                let (b, e, m) = (to_bigint(args[0]), to_bigint(args[1]), to_bigint(args[2]));
                if let (Some(b), Some(e), Some(m)) = (b, e, m) {
                    if m.is_zero() {
                        return rt.err(Ty::ValueError, "pow() 3rd argument cannot be 0");
                    }
                    // A negative exponent raises the base's inverse
                    // modulo m (Python 3.8+).
                    let (b, e) = if e.is_negative() {
                        let bm = num_integer::Integer::mod_floor(&b, &m);
                        let ext = num_integer::Integer::extended_gcd(&bm, &m);
                        if !num_traits::One::is_one(&ext.gcd.abs()) {
                            return rt.err(
                                Ty::ValueError,
                                "base is not invertible for the given modulus",
                            );
                        }
                        (ext.x, -e)
                    } else {
                        (b, e)
                    };
                    let b = num_integer::Integer::mod_floor(&b, &m);
                    let r = b.modpow(&e, &m);
                    let r = if r.is_negative() != m.is_negative() && !r.is_zero() {
                        r + &m
                    } else {
                        r
                    };
                    return Ok(rt.int(r));
                }
            }
            ops::binary(rt, crate::ast::BinOp::Pow, args[0], args[1])
        }
        "round" => {
            let nd = match args.get(1).or(kwarg(kw, "ndigits").as_ref()) {
                None | Some(Value::None) => None,
                Some(v) => Some(int_of(*v)),
            };
            match (args[0], nd) {
                (Value::Float(f), None) => {
                    if !f.is_finite() {
                        return rt.err(
                            if f.is_nan() {
                                Ty::ValueError
                            } else {
                                Ty::OverflowError
                            },
                            if f.is_nan() {
                                "cannot convert float NaN to integer"
                            } else {
                                "cannot convert float infinity to integer"
                            },
                        );
                    }
                    let r = f.round();
                    let r = if (f - f.trunc()).abs() == 0.5 {
                        2.0 * (f / 2.0).round()
                    } else {
                        r
                    };
                    to_int(rt, Value::Float(r), None)
                }
                (Value::Float(f), Some(n)) => Ok(Value::Float(round_half_even(f, n as i32))),
                (Value::Int(i), Some(n)) if n < 0 => {
                    let p = 10i64.pow((-n) as u32);
                    let q = i.div_euclid(p);
                    let r = i.rem_euclid(p);
                    let q = if 2 * r > p || (2 * r == p && q % 2 != 0) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(Value::Int(q * p))
                }
                (v @ (Value::Int(_) | Value::BigInt(_)), _) => Ok(v),
                (Value::Bool(b), _) => Ok(Value::Int(b as i64)),
                (v, _) if has_py_method(rt, v, "__round__") => Err(Fail::Guest),
                (v, _) => rt.err(
                    Ty::TypeError,
                    format!(
                        "type {} doesn't define __round__ method",
                        type_name_of(rt, v)
                    ),
                ),
            }
        }
        "hex" | "oct" | "bin" => {
            let Some(b) = to_bigint(args[0]) else {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name_of(rt, args[0])
                    ),
                );
            };
            let (radix, p) = match name {
                "hex" => (16, "0x"),
                "oct" => (8, "0o"),
                _ => (2, "0b"),
            };
            let s = if b.is_negative() {
                format!("-{}{}", p, (-b).to_str_radix(radix))
            } else {
                format!("{}{}", p, b.to_str_radix(radix))
            };
            Ok(rt.s(&s))
        }
        "callable" => {
            let v = args[0];
            Ok(Value::Bool(match kind_of(rt, v) {
                Ty::Function | Ty::BuiltinFunction | Ty::Method | Ty::Type => true,
                k if is_instance_kind(k) => {
                    !matches!(lookup(rt, type_field(v), "__call__"), Value::Absent)
                }
                _ => is_type(v),
            }))
        }
        "format" => {
            let spec = args.get(1).copied().unwrap_or(rt.s(""));
            format_value(rt, &[args[0], Value::Int(0), spec])
        }
        "input" => {
            if let Some(p) = args.first() {
                io::write_out(&str_of(rt, *p)?);
            }
            io::flush_out();
            let mut line = String::new();
            match std::io::stdin().read_line(&mut line) {
                Ok(0) => rt.err(Ty::EOFError, "EOF when reading a line"),
                Ok(_) => Ok(rt.s(line.trim_end_matches(['\n', '\r']))),
                Err(e) => rt.err(Ty::OSError, e.to_string()),
            }
        }
        "open" => {
            let path = str_of(rt, args[0])?;
            let mode = match kwarg(kw, "mode").or(args.get(1).copied()) {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => "r".into(),
            };
            match io::open_file(&path, &mode) {
                Ok(id) => Ok(rt.record(
                    Ty::File,
                    &[
                        Value::Int(id as i64),
                        rt.s(&path),
                        rt.s(&mode),
                        Value::Bool(false),
                    ],
                )),
                Err(m) => rt.err(
                    if m.contains("No such file") {
                        Ty::FileNotFoundError
                    } else {
                        Ty::OSError
                    },
                    m,
                ),
            }
        }
        "vars" => {
            let v = args[0];
            match kind_of(rt, v) {
                k if is_instance_kind(k) => Ok(inst_dict(rt, v)),
                Ty::Module => {
                    globals_exposed(rt);
                    Ok(field(v, 1))
                }
                Ty::Type => {
                    class_dict_exposed(rt);
                    Ok(field(v, T_DICT))
                }
                _ => rt.err(
                    Ty::TypeError,
                    "vars() argument must have __dict__ attribute",
                ),
            }
        }
        "dir" => {
            let v = args[0];
            let mut names: Vec<String> = Vec::new();
            match kind_of(rt, v) {
                k if is_instance_kind(k) => {
                    for k in inst_keys(v) {
                        names.push(k.as_str().unwrap_or("").to_string());
                    }
                    for c in mro(type_field(v)) {
                        for (k, _) in heap::dict_entries(field(c, T_DICT)) {
                            names.push(k.as_str().unwrap_or("").to_string());
                        }
                    }
                }
                Ty::Module => {
                    for (k, _) in heap::dict_entries(field(v, 1)) {
                        names.push(k.as_str().unwrap_or("").to_string());
                    }
                }
                Ty::Type => {
                    for c in mro(v) {
                        for (k, _) in heap::dict_entries(field(c, T_DICT)) {
                            names.push(k.as_str().unwrap_or("").to_string());
                        }
                    }
                }
                _ => {}
            }
            names.sort();
            names.dedup();
            Ok(rt.list(names.iter().map(|n| rt.s(n)).collect()))
        }
        "repr" => {
            argc(rt, name, args, 1, 1)?;
            Ok(rt.s(&repr(rt, args[0])?))
        }
        "exit" | "quit" => {
            let code = args.first().copied().unwrap_or(Value::None);
            let a = if matches!(code, Value::None) {
                rt.tuple(&[])
            } else {
                rt.tuple(&[code])
            };
            Err(Fail::Raise(rt.exc_args(rt.ty(Ty::SystemExit), a)))
        }
        "_lookup" => {
            // _lookup(type, name): the raw class attribute along the MRO, or None.
            match lookup_key(args[0], args[1]) {
                Value::Absent => Ok(Value::None),
                v => Ok(v),
            }
        }
        "_exc_tb" => Ok(Value::None),
        "_set_args" => {
            heap::set_field(rt.mc, args[0], I_SLOT2, args[1]);
            Ok(Value::None)
        }
        "_is_gen" => Ok(Value::Bool(is_generator(args[0]))),
        "_native_of" => Ok(native_slot(args[0]).unwrap_or(Value::None)),
        "_raw_get" => Ok(match get_key(rt, args[0], raw_key(rt, args[1])?) {
            Value::Absent => args.get(2).copied().unwrap_or(Value::None),
            v => v,
        }),
        "_raw_has" => Ok(Value::Bool(!matches!(
            get_key(rt, args[0], raw_key(rt, args[1])?),
            Value::Absent
        ))),
        "_raw_set" => {
            let k = raw_key(rt, args[1])?;
            put_key(rt, args[0], k, args[2]);
            Ok(Value::None)
        }
        "_raw_del" => {
            let k = raw_key(rt, args[1])?;
            Ok(Value::Bool(del_key(rt, args[0], k)))
        }
        "_set_dict" => Ok(set_dict(args[0])),
        // _prop_name(p): the name a class body gave property p, or None.
        "_prop_name" => Ok(match kind_of(rt, args[0]) {
            Ty::Property => field(args[0], PROP_NAME),
            _ => Value::None,
        }),
        "_py_eq" => Ok(match eq(rt, args[0], args[1]) {
            Ok(b) => Value::Bool(b),
            Err(_) => Value::None,
        }),
        "__init__" => {
            // object.__init__ / BaseException.__init__ called explicitly.
            if let Some(s) = args.first() {
                let t = type_of(rt, *s);
                if is_type(*s) {
                    // type.__init__(cls, name, bases, ns) does nothing.
                } else if is_exception_type(rt, t) {
                    heap::set_field(rt.mc, *s, I_SLOT2, rt.tuple(&args[1..]));
                } else if args.len() > 1
                    && (is_py_function(lookup(rt, t, "__init__"))
                        || !is_py_function(lookup(rt, t, "__new__")))
                {
                    return rt.err(
                        Ty::TypeError,
                        "object.__init__() takes exactly one argument (the instance to initialize)",
                    );
                }
            }
            Ok(Value::None)
        }
        "__setattr__" => {
            argc(rt, name, args, 3, 3)?;
            match kind_of(rt, args[0]) {
                k if is_instance_kind(k) => {
                    if let Some(msg) = slots_refuse(rt, type_field(args[0]), args[1]) {
                        let name = args[1].as_str().unwrap_or("").to_string();
                        return slot_error(rt, args[0], &name, msg);
                    }
                    inst_set(rt, args[0], args[1], args[2]);
                    Ok(Value::None)
                }
                _ => setattr_native(rt, args).map(|_| Value::None),
            }
        }
        "__getattribute__" => match getattr_full(rt, args[0], args[1])? {
            Value::Absent => Err(Fail::Guest),
            v => Ok(v),
        },
        "__new__" => {
            let cls = args[0];
            if builtin_of(cls) == Some(Ty::Type) && args.len() == 4 {
                // type.__new__(meta, name, bases, ns): the prelude's
                // `__b___new__` makes the class, then runs __init_subclass__.
                return Err(Fail::Guest);
            }
            if let Some(k) = builtin_of(cls) {
                if !is_instance_kind(k) {
                    return construct(rt, cls, &args[1..], kw);
                }
            }
            if let Some(nk) = native_base(cls) {
                // int.__new__(Sub, 5), tuple.__new__(Sub, it), list.__new__(Sub).
                let v = match nk {
                    Ty::List => heap::new_list(rt.mc),
                    Ty::Dict => heap::new_dict(rt.mc),
                    _ => construct(rt, rt.ty(nk), &args[1..], kw)?,
                };
                return Ok(shapes::new_map_instance(rt, cls, v, Value::None));
            }
            Ok(if is_exception_type(rt, cls) {
                shapes::new_dict_instance(rt.mc, cls, heap::new_list(rt.mc), rt.tuple(&args[1..]))
            } else {
                shapes::new_map_instance(rt, cls, Value::None, Value::None)
            })
        }
        "__repr__" => Ok(
            rt.s(&repr(rt, args[0]).or_else(|_| Ok::<String, Fail>(default_repr(rt, args[0])))?)
        ),
        "__str__" => {
            Ok(rt
                .s(&str_of(rt, args[0])
                    .or_else(|_| Ok::<String, Fail>(default_repr(rt, args[0])))?))
        }
        "__eq__" => Ok(if args[0].same(&args[1]) {
            Value::Bool(true)
        } else {
            rt.builtins_get("NotImplemented")
        }),
        "__ne__" => Ok(if args[0].same(&args[1]) {
            Value::Bool(false)
        } else {
            rt.builtins_get("NotImplemented")
        }),
        "__hash__" => Ok(Value::Int((args[0].payload_bits() >> 4) as i64)),
        "__lt__" | "__le__" | "__gt__" | "__ge__" => Ok(rt.builtins_get("NotImplemented")),
        "__init_subclass__" => Ok(Value::None),
        // `_type_new(meta, name, bases, ns)`: type.__new__'s class making.
        "_type_new" => {
            argc(rt, name, args, 4, 4)?;
            if !is_type(args[0]) || !is_subtype(args[0], rt.ty(Ty::Type)) {
                return rt.err(Ty::TypeError, "type.__new__(X): X is not a type object");
            }
            if kind_of(rt, args[2]) != Ty::Tuple || !matches!(args[3], Value::Dict(_)) {
                return rt.err(
                    Ty::TypeError,
                    "type.__new__() argument 2 must be tuple, argument 3 dict",
                );
            }
            make_class_from(rt, args[0], &args[1..], true)
        }
        // `_winning_meta(meta, bases)`: the metaclass a class statement uses.
        "_winning_meta" => {
            argc(rt, name, args, 2, 2)?;
            winning_metaclass(rt, args[0], &tuple_items(args[1]))
        }
        "__build_class__" => Err(Fail::Guest),
        _ => rt.err(
            Ty::NameError,
            format!("builtin {} is not implemented", name),
        ),
    }
}

/// A dict key for an object whose equality the prelude already resolved:
/// instances by identity, everything else as usual.
fn raw_key<'gc>(rt: &Rt<'_, 'gc>, k: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    if is_instance_kind(kind_of(rt, k)) && matches!(k, Value::Record(_)) {
        return Ok(k);
    }
    match key(rt, k) {
        Err(Fail::Guest) => Ok(k),
        r => r,
    }
}

pub fn default_repr<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> String {
    let t = type_of(rt, v);
    if is_exception_type(rt, t) {
        let args: Vec<String> = exc_args(v)
            .iter()
            .map(|a| repr(rt, *a).unwrap_or_default())
            .collect();
        return format!("{}({})", type_name(t), args.join(", "));
    }
    format!(
        "<{}.{} object at 0x{:x}>",
        field(t, T_MODULE).as_str().unwrap_or("__main__"),
        field(t, T_QUALNAME).as_str().unwrap_or("?"),
        v.payload_bits()
    )
}

impl<'a, 'gc> Rt<'a, 'gc> {
    pub fn builtins_get(&self, name: &str) -> Value<'gc> {
        heap::dict_get(self.builtins(), self.s(name))
    }
}

/// Writes text to a file object (None: stdout).
pub fn write_to<'gc>(rt: &Rt<'_, 'gc>, file: Value<'gc>, text: &str) -> PyResult<'gc, ()> {
    match file {
        Value::None => match redirected_stdout(rt) {
            Some(f) => return write_to(rt, f, text),
            None => io::write_out(text),
        },
        f if kind_of(rt, f) == Ty::File => {
            methods::method(rt, "write", f, &[rt.s(text)], &[])?;
        }
        f if is_instance_kind(kind_of(rt, f)) => return Err(Fail::Guest),
        _ => return rt.err(Ty::AttributeError, "object has no attribute 'write'"),
    }
    Ok(())
}

/// What a program assigned to `sys.stdout` when it is not the process's
/// own standard output (`print()` writes there, as in CPython).
fn redirected_stdout<'gc>(rt: &Rt<'_, 'gc>) -> Option<Value<'gc>> {
    let sys = heap::dict_get(field(rt.rt, RT_MODULES), rt.name_str("sys"));
    if matches!(sys, Value::Absent) {
        return None;
    }
    let out = heap::dict_get(field(sys, 1), rt.name_str("stdout"));
    match out {
        Value::Absent | Value::None => None,
        f if kind_of(rt, f) == Ty::File && int_of(field(f, 1)) == -1 => None,
        f => Some(f),
    }
}

// ---------------------------------------------------------------- subscripting

fn index_of<'gc>(rt: &Rt<'_, 'gc>, k: Value<'gc>, what: &str) -> PyResult<'gc, i64> {
    match k {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(b) => Ok(if b.0.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        _ if matches!(immutable_native(k), Some(Value::Int(_) | Value::BigInt(_))) => {
            index_of(rt, immutable_native(k).unwrap_or(k), what)
        }
        _ => rt.err(
            Ty::TypeError,
            format!(
                "{} indices must be integers or slices, not {}",
                what,
                type_name_of(rt, k)
            ),
        ),
    }
}

/// `H_GETITEM`: `o[k]`.
pub fn getitem<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    if let Some(n) = native_slot(a[0]) {
        if !has_py_method(rt, a[0], "__getitem__") {
            let mut b = a.to_vec();
            b[0] = n;
            return match getitem(rt, &b) {
                // A dict subclass's __missing__ answers a missing key (the
                // prelude's `__getitem` calls it).
                Err(Fail::Raise(e))
                    if matches!(n, Value::Dict(_))
                        && type_field(e).same(&rt.ty(Ty::KeyError))
                        && has_py_method(rt, a[0], "__missing__") =>
                {
                    Err(Fail::Guest)
                }
                r => r,
            };
        }
    }
    let (o, k) = (a[0], a[1]);
    let is_slice = kind_of(rt, k) == Ty::Slice;
    match o {
        Value::List(lst) => {
            if is_slice {
                let out: Vec<Value<'gc>> = {
                    let items = lst.borrow();
                    let (s, e, st) = ops::slice_indices(rt, k, items.len() as i64)?;
                    if st == 1 {
                        items[s as usize..e.max(s) as usize].to_vec()
                    } else {
                        ops::slice_positions(s, e, st)
                            .iter()
                            .map(|&i| items[i])
                            .collect()
                    }
                };
                return Ok(rt.list(out));
            }
            let i = index_of(rt, k, "list")?;
            let n = heap::list_len(o);
            match ops::norm_index(i, n) {
                Some(j) => Ok(heap::list_get(o, j)),
                None => rt.err(Ty::IndexError, "list index out of range"),
            }
        }
        Value::Str(s) => {
            let text = s.as_str();
            if text.is_ascii() {
                let b = text.as_bytes();
                if is_slice {
                    let (st, e, step) = ops::slice_indices(rt, k, b.len() as i64)?;
                    if step == 1 {
                        return Ok(rt.s(if st < e {
                            &text[st as usize..e as usize]
                        } else {
                            ""
                        }));
                    }
                    let out: String = ops::slice_positions(st, e, step)
                        .iter()
                        .map(|&i| b[i] as char)
                        .collect();
                    return Ok(rt.s(&out));
                }
                let i = index_of(rt, k, "string")?;
                return match ops::norm_index(i, b.len() as i64) {
                    Some(j) => Ok(rt.s(&text[j as usize..j as usize + 1])),
                    None => rt.err(Ty::IndexError, "string index out of range"),
                };
            }
            let chars: Vec<char> = text.chars().collect();
            if is_slice {
                let (st, e, step) = ops::slice_indices(rt, k, chars.len() as i64)?;
                let out: String = ops::slice_positions(st, e, step)
                    .iter()
                    .map(|&i| chars[i])
                    .collect();
                return Ok(rt.s(&out));
            }
            let i = index_of(rt, k, "string")?;
            match ops::norm_index(i, chars.len() as i64) {
                Some(j) => Ok(rt.s(&chars[j as usize].to_string())),
                None => rt.err(Ty::IndexError, "string index out of range"),
            }
        }
        Value::Dict(_) => match dict_get(rt, o, k)? {
            Value::Absent => Err(Fail::Raise(
                rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[k])),
            )),
            v => Ok(v),
        },
        Value::Record(_) => match kind_of(rt, o) {
            Ty::Tuple => {
                let items = tuple_items(o);
                if is_slice {
                    let (s, e, st) = ops::slice_indices(rt, k, items.len() as i64)?;
                    let v: Vec<Value<'gc>> = ops::slice_positions(s, e, st)
                        .iter()
                        .map(|&i| items[i])
                        .collect();
                    return Ok(rt.tuple(&v));
                }
                let i = index_of(rt, k, "tuple")?;
                match ops::norm_index(i, items.len() as i64) {
                    Some(j) => Ok(items[j as usize]),
                    None => rt.err(Ty::IndexError, "tuple index out of range"),
                }
            }
            Ty::Range => {
                let items = iterate(rt, o)?;
                if is_slice {
                    let (s, e, st) = ops::slice_indices(rt, k, items.len() as i64)?;
                    let (a0, s0) = (int_of(field(o, 1)), int_of(field(o, 3)));
                    return Ok(rt.record(
                        Ty::Range,
                        &[
                            Value::Int(a0 + s * s0),
                            Value::Int(a0 + e * s0),
                            Value::Int(st * s0),
                        ],
                    ));
                }
                let i = index_of(rt, k, "range")?;
                match ops::norm_index(i, items.len() as i64) {
                    Some(j) => Ok(items[j as usize]),
                    None => rt.err(Ty::IndexError, "range object index out of range"),
                }
            }
            bk @ (Ty::Bytes | Ty::ByteArray) => {
                let text = field(o, 1);
                let t = text.as_str().unwrap_or("");
                if !is_slice && t.is_ascii() {
                    // ASCII text: the byte is at its own offset (no copy).
                    let i = index_of(rt, k, "byte")?;
                    return match ops::norm_index(i, t.len() as i64) {
                        Some(j) => Ok(Value::Int(t.as_bytes()[j as usize] as i64)),
                        None => rt.err(Ty::IndexError, "index out of range"),
                    };
                }
                let chars: Vec<char> = t.chars().collect();
                if is_slice {
                    let (s, e, st) = ops::slice_indices(rt, k, chars.len() as i64)?;
                    let out: String = ops::slice_positions(s, e, st)
                        .iter()
                        .map(|&i| chars[i])
                        .collect();
                    return Ok(rt.record(bk, &[rt.s(&out)]));
                }
                let i = index_of(rt, k, "byte")?;
                match ops::norm_index(i, chars.len() as i64) {
                    Some(j) => Ok(Value::Int(chars[j as usize] as i64)),
                    None => rt.err(Ty::IndexError, "index out of range"),
                }
            }
            k2 if is_instance_kind(k2) && has_py_method(rt, o, "__getitem__") => Err(Fail::Guest),
            // A class's own __class_getitem__ answers (the prelude calls it);
            // `list[int]` style annotations evaluate to the class.
            Ty::Type if !matches!(lookup(rt, o, "__class_getitem__"), Value::Absent) => {
                Err(Fail::Guest)
            }
            // `list[int]`: a generic alias (the prelude's `_GenericAlias`);
            // a metaclass's __getitem__ (the prelude calls it).
            Ty::Type
                if matches!(
                    builtin_of(o),
                    Some(Ty::List | Ty::Dict | Ty::Tuple | Ty::Set | Ty::FrozenSet | Ty::Type)
                ) || has_class_hook(rt, o, "__class_getitem__") =>
            {
                Err(Fail::Guest)
            }
            Ty::Type => Ok(o),
            _ => rt.err(
                Ty::TypeError,
                format!("'{}' object is not subscriptable", type_name_of(rt, o)),
            ),
        },
        _ => rt.err(
            Ty::TypeError,
            format!("'{}' object is not subscriptable", type_name_of(rt, o)),
        ),
    }
}

/// `H_SETITEM`: `o[k] = v`.
pub fn setitem<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    if let Some(n) = native_slot(a[0]) {
        if !has_py_method(rt, a[0], "__setitem__") {
            let mut b = a.to_vec();
            b[0] = n;
            return setitem(rt, &b);
        }
    }
    let (o, k, v) = (a[0], a[1], a[2]);
    match o {
        Value::List(_) => {
            let n = heap::list_len(o);
            if kind_of(rt, k) == Ty::Slice {
                let (s, e, st) = ops::slice_indices(rt, k, n)?;
                let new = match iterate(rt, v) {
                    Err(Fail::Raise(_)) if st == 1 => {
                        return rt.err(Ty::TypeError, "can only assign an iterable")
                    }
                    Err(Fail::Raise(_)) => {
                        return rt.err(Ty::TypeError, "must assign iterable to extended slice")
                    }
                    r => r?,
                };
                if st == 1 {
                    let e = e.max(s);
                    heap::list_modify(rt.mc, o, |items| {
                        items.splice(s as usize..e as usize, new);
                    });
                } else {
                    let pos = ops::slice_positions(s, e, st);
                    if pos.len() != new.len() {
                        return rt.err(
                            Ty::ValueError,
                            format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                pos.len()
                            ),
                        );
                    }
                    heap::list_modify(rt.mc, o, |items| {
                        for (p, x) in pos.iter().zip(new) {
                            items[*p] = x;
                        }
                    });
                }
                return Ok(Value::None);
            }
            let i = index_of(rt, k, "list")?;
            match ops::norm_index(i, n) {
                Some(j) => {
                    heap::list_set(rt.mc, o, j, v);
                    Ok(Value::None)
                }
                None => rt.err(Ty::IndexError, "list assignment index out of range"),
            }
        }
        Value::Dict(_) => {
            dict_set(rt, o, k, v)?;
            Ok(Value::None)
        }
        Value::Record(_)
            if is_instance_kind(kind_of(rt, o)) && has_py_method(rt, o, "__setitem__") =>
        {
            Err(Fail::Guest)
        }
        Value::Record(_) if kind_of(rt, o) == Ty::ByteArray => bytes::set_item(rt, o, k, Some(v)),
        _ => rt.err(
            Ty::TypeError,
            format!(
                "'{}' object does not support item assignment",
                type_name_of(rt, o)
            ),
        ),
    }
}

/// `H_DELITEM`: `del o[k]`.
pub fn delitem<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    if let Some(n) = native_slot(a[0]) {
        if !has_py_method(rt, a[0], "__delitem__") {
            let mut b = a.to_vec();
            b[0] = n;
            return delitem(rt, &b);
        }
    }
    let (o, k) = (a[0], a[1]);
    match o {
        Value::List(_) => {
            let mut items = heap::list_items(o);
            if kind_of(rt, k) == Ty::Slice {
                let (s, e, st) = ops::slice_indices(rt, k, items.len() as i64)?;
                let mut pos = ops::slice_positions(s, e, st);
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    items.remove(p);
                }
            } else {
                let i = index_of(rt, k, "list")?;
                match ops::norm_index(i, items.len() as i64) {
                    Some(j) => {
                        items.remove(j as usize);
                    }
                    None => return rt.err(Ty::IndexError, "list assignment index out of range"),
                }
            }
            heap::list_truncate(rt.mc, o, 0);
            for x in items {
                heap::list_append(rt.mc, o, x);
            }
            Ok(Value::None)
        }
        Value::Dict(_) => {
            let kk = lookup_key_value(rt, k)?;
            match kk {
                Some(kk) if del_key(rt, o, kk) => Ok(Value::None),
                _ => Err(Fail::Raise(
                    rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[k])),
                )),
            }
        }
        Value::Record(_)
            if is_instance_kind(kind_of(rt, o)) && has_py_method(rt, o, "__delitem__") =>
        {
            Err(Fail::Guest)
        }
        Value::Record(_) if kind_of(rt, o) == Ty::ByteArray => bytes::set_item(rt, o, k, None),
        _ => rt.err(
            Ty::TypeError,
            format!(
                "'{}' object doesn't support item deletion",
                type_name_of(rt, o)
            ),
        ),
    }
}

// ---------------------------------------------------------------- attributes

/// The AttributeError of a store `__slots__` refuses (CPython leaves its
/// `name` and `obj` None here).
fn slot_error<'gc, T>(
    rt: &Rt<'_, 'gc>,
    _o: Value<'gc>,
    _name: &str,
    msg: String,
) -> PyResult<'gc, T> {
    let e = rt.exc(Ty::AttributeError, &msg);
    heap::dict_set(rt.mc, field(e, I_DICT), rt.s("name"), Value::None);
    heap::dict_set(rt.mc, field(e, I_DICT), rt.s("obj"), Value::None);
    Err(Fail::Raise(e))
}

fn attr_error<'gc, T>(rt: &Rt<'_, 'gc>, o: Value<'gc>, name: &str) -> PyResult<'gc, T> {
    let msg = if kind_of(rt, o) == Ty::Module {
        format!(
            "module '{}' has no attribute '{}'",
            field(o, 2).as_str().unwrap_or("?"),
            name
        )
    } else if is_type(o) {
        format!("type object '{}' has no attribute '{}'", type_name(o), name)
    } else {
        format!(
            "'{}' object has no attribute '{}'",
            type_name_of(rt, o),
            name
        )
    };
    let e = rt.exc(Ty::AttributeError, &msg);
    heap::dict_set(rt.mc, field(e, I_DICT), rt.s("name"), rt.s(name));
    heap::dict_set(rt.mc, field(e, I_DICT), rt.s("obj"), o);
    Err(Fail::Raise(e))
}

/// Full attribute lookup without guest code (`getattr`).
pub fn getattr_full<'gc>(
    rt: &Rt<'_, 'gc>,
    o: Value<'gc>,
    key: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let name = key.as_str().unwrap_or("");
    if is_instance_kind(kind_of(rt, o)) {
        let t = type_field(o);
        let cattr = lookup_cached(rt, t, key);
        if kind_of(rt, cattr) == Ty::Property {
            return Err(Fail::Guest);
        }
        let v = inst_get(o, key);
        if !matches!(v, Value::Absent) {
            return Ok(v);
        }
        match kind_of(rt, cattr) {
            Ty::Function => return Ok(rt.record(Ty::Method, &[cattr, o])),
            Ty::ClassMethod => return Ok(rt.record(Ty::Method, &[field(cattr, 1), t])),
            Ty::StaticMethod => return Ok(field(cattr, 1)),
            Ty::BuiltinFunction if name.starts_with("__") => {
                return Ok(builtin_fn(rt, &format!("object.{}", name), Value::None))
                    .map(|f| rt.record(Ty::Method, &[f, o]))
            }
            _ => {}
        }
        if !matches!(cattr, Value::Absent) {
            return Ok(cattr);
        }
        if is_py_function(lookup(rt, t, "__getattr__")) {
            return Err(Fail::Guest);
        }
        return match name {
            "__dict__" | "args" | "__cause__" | "__context__" | "__traceback__" | "__class__"
            | "value" | "code" => getattr_native(rt, &[o, key]),
            _ => attr_error(rt, o, name),
        };
    }
    if kind_of(rt, o) == Ty::Module {
        let v = heap::dict_get(field(o, 1), key);
        if !matches!(v, Value::Absent) {
            return Ok(v);
        }
    }
    getattr_native(rt, &[o, key])
}

/// `H_GETATTR`: attributes of everything but plain instance attributes.
pub fn getattr_native<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let (o, key) = (a[0], a[1]);
    let name = key.as_str().unwrap_or("");
    let k = kind_of(rt, o);
    match name {
        "__class__" => return Ok(type_of(rt, o)),
        // A class's own docstring (not inherited), else None; functions
        // answer below.
        "__doc__" if k == Ty::Type => {
            return Ok(match dget(field(o, T_DICT), key) {
                Value::Absent => Value::None,
                v => v,
            })
        }
        // An instance's: its class's own docstring (every class has one).
        "__doc__"
            if is_instance_kind(k)
                && matches!(inst_get(o, key), Value::Absent)
                && kind_of(rt, lookup(rt, type_field(o), "__doc__")) != Ty::Property =>
        {
            return Ok(match dget(field(type_field(o), T_DICT), key) {
                Value::Absent => Value::None,
                v => v,
            })
        }
        "__doc__" if !is_instance_kind(k) && !matches!(k, Ty::Function | Ty::Method) => {
            return Ok(Value::None)
        }
        _ => {}
    }
    match k {
        k if is_instance_kind(k) => {
            let t = type_field(o);
            match name {
                "__dict__" => return Ok(inst_dict(rt, o)),
                "args" if is_exception_type(rt, t) => {
                    return Ok(match field(o, I_SLOT2) {
                        Value::None => rt.tuple(&[]),
                        v => v,
                    })
                }
                "__cause__" | "__context__" if is_exception_type(rt, t) => return Ok(Value::None),
                "__traceback__" if is_exception_type(rt, t) => return Ok(Value::None),
                "__suppress_context__" => return Ok(Value::Bool(false)),
                "value" if is_subtype(t, rt.ty(Ty::StopIteration)) => {
                    return Ok(exc_args(o).first().copied().unwrap_or(Value::None))
                }
                "code" if is_subtype(t, rt.ty(Ty::SystemExit)) => {
                    return Ok(exc_args(o).first().copied().unwrap_or(Value::None))
                }
                _ => {}
            }
            let cattr = lookup_cached(rt, t, key);
            if kind_of(rt, cattr) == Ty::Property {
                // A data descriptor wins over the instance attribute.
                return Err(Fail::Guest);
            }
            let v = inst_get(o, key);
            if !matches!(v, Value::Absent) {
                return Ok(v);
            }
            match kind_of(rt, cattr) {
                _ if matches!(cattr, Value::Absent) => {}
                Ty::Function | Ty::BuiltinFunction => return Ok(rt.record(Ty::Method, &[cattr, o])),
                Ty::ClassMethod => return Ok(rt.record(Ty::Method, &[field(cattr, 1), t])),
                Ty::StaticMethod => return Ok(field(cattr, 1)),
                Ty::Property => return Err(Fail::Guest),
                _ => return Ok(cattr),
            }
            if is_py_function(lookup(rt, t, "__getattr__")) {
                return Err(Fail::Guest);
            }
            if let (Some(n), Some(nk)) = (native_slot(o), native_base(t)) {
                if methods::has_method(nk, name) {
                    return Ok(builtin_fn(rt, name, n));
                }
            }
            attr_error(rt, o, name)
        }
        Ty::Type => {
            match name {
                "__name__" => return Ok(field(o, T_NAME)),
                "__qualname__" => return Ok(field(o, T_QUALNAME)),
                "__module__" => return Ok(field(o, T_MODULE)),
                "__bases__" => return Ok(field(o, T_BASES)),
                "__mro__" => return Ok(rt.tuple(&mro(o))),
                "__dict__" => {
                    class_dict_exposed(rt);
                    return Ok(field(o, T_DICT));
                }
                _ => {}
            }
            let v = lookup_key(o, key);
            match kind_of(rt, v) {
                _ if matches!(v, Value::Absent) => {
                    // Then the metaclass's attributes, bound to the class.
                    if let Some(meta) = user_metaclass(rt, o) {
                        let mv = lookup_key(meta, key);
                        match kind_of(rt, mv) {
                            _ if matches!(mv, Value::Absent) => {}
                            Ty::Function => return Ok(rt.record(Ty::Method, &[mv, o])),
                            Ty::ClassMethod => {
                                return Ok(rt.record(Ty::Method, &[field(mv, 1), meta]))
                            }
                            Ty::StaticMethod => return Ok(field(mv, 1)),
                            Ty::Property => return Err(Fail::Guest),
                            _ => return Ok(mv),
                        }
                        if is_py_function(lookup(rt, meta, "__getattr__")) {
                            return Err(Fail::Guest);
                        }
                    }
                    if let Some(b) = builtin_of(o) {
                        if !is_instance_kind(b) && methods::has_method(b, name) {
                            return Ok(builtin_fn(
                                rt,
                                &format!("{}.{}", b.name(), name),
                                Value::None,
                            ));
                        }
                    }
                    attr_error(rt, o, name)
                }
                Ty::ClassMethod => Ok(rt.record(Ty::Method, &[field(v, 1), o])),
                Ty::StaticMethod => Ok(field(v, 1)),
                _ => Ok(v),
            }
        }
        Ty::Module => match heap::dict_get(field(o, 1), key) {
            Value::Absent if name == "__dict__" => {
                // As `vars(module)`: the dict may now change behind our back.
                globals_exposed(rt);
                Ok(field(o, 1))
            }
            Value::Absent => attr_error(rt, o, name),
            v => Ok(v),
        },
        Ty::Function => match name {
            "__name__" => Ok(field(o, FN_NAME)),
            "__qualname__" => Ok(field(o, FN_QUALNAME)),
            "__module__" => Ok(field(o, FN_MODULE)),
            "__defaults__" => Ok(field(o, FN_DEFAULTS)),
            "__kwdefaults__" => Ok(match field(o, FN_KWDEFAULTS) {
                d @ Value::Dict(_) if heap::dict_len(d) > 0 => d,
                _ => Value::None,
            }),
            // Parameter annotations are not kept: an empty dict of the
            // function's own, as for an unannotated function.
            "__annotations__" | "__doc__"
                if !matches!(dget(fn_dict(rt, o), key), Value::Absent) =>
            {
                Ok(dget(fn_dict(rt, o), key))
            }
            "__annotations__" => {
                let d = heap::new_dict(rt.mc);
                heap::dict_set(rt.mc, fn_dict(rt, o), key, d);
                Ok(d)
            }
            "__doc__" => Ok(
                match crate::interp::code_data(heap::record_class(o)).and_then(|d| d.doc.clone()) {
                    Some(d) => rt.s(&d),
                    None => Value::None,
                },
            ),
            "__dict__" => Ok(fn_dict(rt, o)),
            "__code__" => Ok(heap::record_class(o)),
            _ => match field(o, FN_DICT) {
                d @ Value::Dict(_) => match heap::dict_get(d, key) {
                    Value::Absent => attr_error(rt, o, name),
                    v => Ok(v),
                },
                _ => attr_error(rt, o, name),
            },
        },
        Ty::Method => match name {
            "__self__" => Ok(field(o, 2)),
            "__func__" => Ok(field(o, 1)),
            "__name__" | "__qualname__" | "__module__" | "__doc__" => {
                getattr_native(rt, &[field(o, 1), key])
            }
            _ => getattr_native(rt, &[field(o, 1), key]),
        },
        Ty::BuiltinFunction => match name {
            "__name__" | "__qualname__" => {
                let n = field(o, 2).as_str().unwrap_or("");
                Ok(rt.s(n.rsplit('.').next().unwrap_or(n)))
            }
            "__self__" => Ok(field(o, 3)),
            _ => attr_error(rt, o, name),
        },
        Ty::Generator => match name {
            "__name__" => Ok(field(o, G_NAME)),
            "__next__" | "send" | "close" | "throw" => {
                Ok(rt.record(Ty::Method, &[rt.prelude(&format!("__gen_{name}")), o]))
            }
            _ => attr_error(rt, o, name),
        },
        Ty::Property => match name {
            "fget" => Ok(field(o, 1)),
            "fset" => Ok(field(o, 2)),
            "fdel" => Ok(field(o, 3)),
            "__doc__" => Ok(field(o, 4)),
            "setter" | "getter" | "deleter" => Ok(builtin_fn(rt, name, o)),
            _ => attr_error(rt, o, name),
        },
        Ty::StaticMethod | Ty::ClassMethod if name == "__func__" => Ok(field(o, 1)),
        Ty::Range | Ty::Slice => match name {
            "start" => Ok(field(o, 1)),
            "stop" => Ok(field(o, 2)),
            "step" => Ok(field(o, 3)),
            _ if methods::has_method(k, name) => Ok(builtin_fn(rt, name, o)),
            _ => attr_error(rt, o, name),
        },
        Ty::Int | Ty::Bool => match name {
            "real" | "numerator" => Ok(match o {
                Value::Bool(b) => Value::Int(b as i64),
                _ => o,
            }),
            "imag" => Ok(Value::Int(0)),
            "denominator" => Ok(Value::Int(1)),
            _ if methods::has_method(Ty::Int, name) => Ok(builtin_fn(rt, name, o)),
            _ => attr_error(rt, o, name),
        },
        Ty::Float => match name {
            "real" => Ok(o),
            "imag" => Ok(Value::Float(0.0)),
            _ if methods::has_method(k, name) => Ok(builtin_fn(rt, name, o)),
            _ => attr_error(rt, o, name),
        },
        Ty::File => match name {
            "name" => Ok(field(o, 2)),
            "mode" => Ok(field(o, 3)),
            "closed" => Ok(field(o, 4)),
            "encoding" if !methods::file_is_binary(o) => Ok(rt.s("utf-8")),
            // The binary stream under a text file (`sys.stdout.buffer`).
            "buffer" if !methods::file_is_binary(o) => {
                let mode = format!("{}b", field(o, 3).as_str().unwrap_or("r"));
                Ok(rt.record(
                    Ty::File,
                    &[field(o, 1), field(o, 2), rt.s(&mode), field(o, 4)],
                ))
            }
            _ if methods::has_method(k, name) => Ok(builtin_fn(rt, name, o)),
            _ => attr_error(rt, o, name),
        },
        Ty::Super => {
            let start = field(o, 1);
            let obj = field(o, 2);
            // super(C, D) with D a subclass of C looks D's MRO up unbound;
            // otherwise obj is an instance (a class, under a metaclass).
            let obj_is_sub = is_type(obj) && is_subtype(obj, start);
            let objty = if obj_is_sub { obj } else { type_of(rt, obj) };
            let chain = mro(objty);
            let idx = chain
                .iter()
                .position(|c| c.same(&start))
                .map(|i| i + 1)
                .unwrap_or(chain.len());
            if name == "__init__" && native_slot(obj).is_some() {
                return Ok(rt.record(Ty::Method, &[rt.prelude("__native_init"), obj]));
            }
            for c in &chain[idx..] {
                let v = heap::dict_get(field(*c, T_DICT), key);
                if !matches!(v, Value::Absent) {
                    return Ok(match kind_of(rt, v) {
                        Ty::Function | Ty::BuiltinFunction if !obj_is_sub => {
                            rt.record(Ty::Method, &[v, obj])
                        }
                        Ty::ClassMethod => rt.record(Ty::Method, &[field(v, 1), objty]),
                        Ty::StaticMethod => field(v, 1),
                        Ty::Property => return Err(Fail::Guest),
                        _ => v,
                    });
                }
            }
            if name == "__call__" && !obj_is_sub && is_subtype(objty, rt.ty(Ty::Type)) {
                // type.__call__ in a metaclass's __call__: the usual making.
                return Ok(rt.record(Ty::Method, &[rt.prelude("__construct"), obj]));
            }
            attr_error(rt, o, name)
        }
        _ => {
            if methods::has_method(k, name) {
                return Ok(builtin_fn(rt, name, o));
            }
            attr_error(rt, o, name)
        }
    }
}

fn fn_dict<'gc>(rt: &Rt<'_, 'gc>, f: Value<'gc>) -> Value<'gc> {
    match field(f, FN_DICT) {
        d @ Value::Dict(_) => d,
        _ => {
            let d = heap::new_dict(rt.mc);
            heap::set_field(rt.mc, f, FN_DICT, d);
            d
        }
    }
}

/// `H_SETATTR`: setting attributes on everything but plain instances.
pub fn setattr_native<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let (o, key, v) = (a[0], a[1], a[2]);
    let name = key.as_str().unwrap_or("");
    match kind_of(rt, o) {
        k if is_instance_kind(k) => {
            let t = type_field(o);
            if t.same(&rt.ty(Ty::Object)) {
                // Instances of `object` itself have no `__dict__`.
                return rt.err(
                    Ty::AttributeError,
                    format!("'object' object has no attribute '{name}'"),
                );
            }
            if is_py_function(lookup(rt, t, "__setattr__"))
                || kind_of(rt, lookup_cached(rt, t, key)) == Ty::Property
            {
                return Err(Fail::Guest);
            }
            if let Some(msg) = slots_refuse(rt, t, key) {
                return slot_error(rt, o, name, msg);
            }
            inst_set(rt, o, key, v);
            Ok(Value::None)
        }
        Ty::Type => {
            if builtin_of(o)
                .map(|b| !is_instance_kind(b) || o.same(&rt.ty(b)))
                .unwrap_or(false)
                && !matches!(field(o, T_MODULE).as_str(), Some(m) if m != "builtins")
            {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name,
                        type_name(o)
                    ),
                );
            }
            heap::dict_set(rt.mc, field(o, T_DICT), key, v);
            class_changed(rt);
            Ok(Value::None)
        }
        Ty::Module => {
            if !matches!(heap::dict_get(field(o, 1), key), Value::Absent) {
                crate::objects::global_rebound(rt, key);
            }
            heap::dict_set(rt.mc, field(o, 1), key, v);
            globals_changed(rt);
            Ok(Value::None)
        }
        Ty::Function => {
            match name {
                "__name__" => heap::set_field(rt.mc, o, FN_NAME, v),
                "__qualname__" => heap::set_field(rt.mc, o, FN_QUALNAME, v),
                "__module__" => heap::set_field(rt.mc, o, FN_MODULE, v),
                "__defaults__" => heap::set_field(rt.mc, o, FN_DEFAULTS, v),
                "__kwdefaults__" => heap::set_field(rt.mc, o, FN_KWDEFAULTS, v),
                _ => {
                    let d = fn_dict(rt, o);
                    heap::dict_set(rt.mc, d, key, v);
                }
            }
            Ok(Value::None)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                type_name_of(rt, o),
                name
            ),
        ),
    }
}

/// `H_DELATTR`.
pub fn delattr_native<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let (o, key) = (a[0], a[1]);
    let name = key.as_str().unwrap_or("");
    let d = match kind_of(rt, o) {
        k if is_instance_kind(k) => {
            if is_py_function(lookup(rt, type_field(o), "__delattr__"))
                || kind_of(rt, lookup_key(type_field(o), key)) == Ty::Property
            {
                return Err(Fail::Guest);
            }
            if !inst_del(rt, o, key) {
                return attr_error(rt, o, name);
            }
            return Ok(Value::None);
        }
        Ty::Type => field(o, T_DICT),
        Ty::Module => field(o, 1),
        _ => return attr_error(rt, o, name),
    };
    if !heap::dict_del(rt.mc, d, key) {
        return attr_error(rt, o, name);
    }
    match kind_of(rt, o) {
        Ty::Type => class_changed(rt),
        Ty::Module => globals_changed(rt),
        _ => {}
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- iteration

/// `H_GETITER`: an iterator over a built-in iterable; Absent for user types.
pub fn getiter<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let v = match native_slot(a[0]) {
        Some(n) if !has_py_method(rt, a[0], "__iter__") => n,
        _ => a[0],
    };
    Ok(match v {
        Value::List(_) => rt.record(Ty::ListIter, &[v, Value::Int(0)]),
        Value::Str(_) | Value::Dict(_) => {
            rt.record(Ty::SeqIter, &[rt.list(iterate(rt, v)?), Value::Int(0)])
        }
        Value::Record(_) => match kind_of(rt, v) {
            Ty::Tuple => rt.record(Ty::TupleIter, &[v, Value::Int(0)]),
            Ty::Range => rt.record(Ty::RangeIter, &[field(v, 1), field(v, 2), field(v, 3)]),
            Ty::Generator
            | Ty::ListIter
            | Ty::TupleIter
            | Ty::RangeIter
            | Ty::SeqIter
            | Ty::Enumerate
            | Ty::Zip => v,
            // A file is its own iterator: each step reads one line.
            Ty::File => {
                if matches!(field(v, 4), Value::Bool(true)) {
                    return rt.err(Ty::ValueError, "I/O operation on closed file.");
                }
                v
            }
            k if is_instance_kind(k) => return Err(Fail::Guest),
            _ => rt.record(Ty::SeqIter, &[rt.list(iterate(rt, v)?), Value::Int(0)]),
        },
        _ => {
            return rt.err(
                Ty::TypeError,
                format!("'{}' object is not iterable", type_name_of(rt, v)),
            )
        }
    })
}

/// `H_ITERNEXT`: the next item of a native iterator, or Absent when exhausted.
pub fn iternext<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let it = a[0];
    match kind_of(rt, it) {
        Ty::ListIter | Ty::SeqIter => {
            let l = field(it, 1);
            let i = int_of(field(it, 2));
            if i < heap::list_len(l) {
                heap::set_field(rt.mc, it, 2, Value::Int(i + 1));
                Ok(heap::list_get(l, i))
            } else {
                Ok(Value::Absent)
            }
        }
        Ty::TupleIter => {
            let t = field(it, 1);
            let i = int_of(field(it, 2));
            if i < int_of(field(t, TUP_LEN)) {
                heap::set_field(rt.mc, it, 2, Value::Int(i + 1));
                Ok(field(t, TUP_ITEMS + i as u32))
            } else {
                Ok(Value::Absent)
            }
        }
        Ty::RangeIter => {
            let (c, e, s) = (
                int_of(field(it, 1)),
                int_of(field(it, 2)),
                int_of(field(it, 3)),
            );
            if (s > 0 && c < e) || (s < 0 && c > e) {
                heap::set_field(rt.mc, it, 1, Value::Int(c + s));
                Ok(Value::Int(c))
            } else {
                Ok(Value::Absent)
            }
        }
        Ty::Enumerate => {
            let inner = field(it, 1);
            match iternext(rt, &[inner])? {
                Value::Absent => Ok(Value::Absent),
                v => {
                    let n = field(it, 2);
                    let n1 = ops::binary(rt, crate::ast::BinOp::Add, n, Value::Int(1))?;
                    heap::set_field(rt.mc, it, 2, n1);
                    Ok(rt.tuple(&[n, v]))
                }
            }
        }
        Ty::Zip => {
            let its = heap::list_items(field(it, 1));
            if its.is_empty() {
                return Ok(Value::Absent);
            }
            let mut out = Vec::with_capacity(its.len());
            for x in its {
                match iternext(rt, &[x])? {
                    Value::Absent => return Ok(Value::Absent),
                    v => out.push(v),
                }
            }
            Ok(rt.tuple(&out))
        }
        Ty::File => Ok(methods::file_next_line(rt, it)?.unwrap_or(Value::Absent)),
        Ty::Generator => Err(Fail::Guest),
        k if is_instance_kind(k) => Err(Fail::Guest),
        _ => rt.err(
            Ty::TypeError,
            format!("'{}' object is not an iterator", type_name_of(rt, it)),
        ),
    }
}

/// `H_UNPACK`: a[0] value, a[1] before, a[2] after (-1: no star) → a tuple of the targets.
pub fn unpack<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let items = iterate(rt, a[0])?;
    let before = int_of(a[1]) as usize;
    let after = int_of(a[2]);
    if after < 0 {
        if items.len() != before {
            if items.len() > before {
                return rt.err(
                    Ty::ValueError,
                    format!("too many values to unpack (expected {})", before),
                );
            }
            return rt.err(
                Ty::ValueError,
                format!(
                    "not enough values to unpack (expected {}, got {})",
                    before,
                    items.len()
                ),
            );
        }
        return Ok(rt.tuple(&items));
    }
    let after = after as usize;
    if items.len() < before + after {
        return rt.err(
            Ty::ValueError,
            format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            ),
        );
    }
    let mut out = items[..before].to_vec();
    out.push(rt.list(items[before..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(rt.tuple(&out))
}

/// `H_FORMAT`: a[0] value, a[1] conversion (0 none, 1 r, 2 s, 3 a), a[2] spec or None.
pub fn format_value<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let mut v = a[0];
    match int_of(a[1]) {
        1 | 3 => v = rt.s(&repr(rt, v)?),
        2 => v = rt.s(&str_of(rt, v)?),
        _ => {}
    }
    let spec = a[2].as_str().unwrap_or("");
    if spec.is_empty() {
        return Ok(match v {
            Value::Str(_) => v,
            _ => rt.s(&str_of(rt, v)?),
        });
    }
    if has_py_method(rt, v, "__format__") {
        return Err(Fail::Guest);
    }
    let v = immutable_native(v).unwrap_or(v);
    let sp = match fmt::parse_spec(spec) {
        Ok(s) => s,
        Err(m) => return rt.err(Ty::ValueError, m),
    };
    let r = match v {
        Value::Str(s) => fmt::format_str(s.as_str(), &sp),
        Value::Int(_) | Value::BigInt(_) => fmt::format_int(&to_bigint(v).unwrap_or_default(), &sp),
        Value::Bool(b) => {
            if sp.ty.is_none() {
                fmt::format_str(if b { "True" } else { "False" }, &sp)
            } else {
                fmt::format_int(&BigInt::from(b as i64), &sp)
            }
        }
        Value::Float(f) => fmt::format_float(f, &sp),
        _ => {
            if sp.ty.is_some() || sp.precision.is_some() {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "unsupported format string passed to {}.__format__",
                        type_name_of(rt, v)
                    ),
                );
            }
            fmt::format_str(&str_of(rt, v)?, &sp)
        }
    };
    match r {
        Ok(s) => Ok(rt.s(&s)),
        Err(m) => rt.err(Ty::ValueError, m),
    }
}

/// `H_EXCMATCH`: whether exception a[0] matches class (or tuple) a[1].
pub fn exc_match<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let t = type_of(rt, a[0]);
    let classes = if kind_of(rt, a[1]) == Ty::Tuple {
        tuple_items(a[1])
    } else {
        vec![a[1]]
    };
    for c in classes {
        if !is_type(c) || !is_exception_type(rt, c) {
            return rt.err(
                Ty::TypeError,
                "catching classes that do not inherit from BaseException is not allowed",
            );
        }
        if is_subtype(t, c) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `H_MAKECLASS`: a[0] name, a[1] bases tuple, a[2] namespace dict, a[3] globals.
/// Field of a property record holding the name its class body gave it
/// (None when it was made otherwise).
const PROP_NAME: u32 = 5;

/// CPython's message for property `p` of an instance of `ty` lacking its
/// `what` ("getter", "setter", "deleter"): the property is named only when
/// a class body defined it, the class by its qualified name.
pub fn property_error(p: Value<'_>, ty: Value<'_>, what: &str) -> String {
    let qual = match field(ty, T_QUALNAME) {
        Value::Str(s) => s.as_str().to_string(),
        _ => type_name(ty).to_string(),
    };
    match field(p, PROP_NAME) {
        Value::Str(n) => format!(
            "property {} of {} object has no {what}",
            str_repr(n.as_str()),
            str_repr(&qual)
        ),
        _ => format!("property of {} object has no {what}", str_repr(&qual)),
    }
}

pub fn make_class<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    make_class_of(rt, rt.ty(Ty::Type), a, false)
}

/// The most derived of metaclass `meta` and the metaclasses of `bases`
/// (CPython's rule: every other one must be its base).
fn winning_metaclass<'gc>(
    rt: &Rt<'_, 'gc>,
    meta: Value<'gc>,
    bases: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let mut winner = meta;
    for b in bases {
        let m = type_of(rt, *b);
        if is_subtype(winner, m) {
            continue;
        }
        if is_subtype(m, winner) {
            winner = m;
            continue;
        }
        return rt.err(
            Ty::TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
    }
    Ok(winner)
}

/// `type(name, bases, ns)` and `type.__new__`: class `a[0]` with bases
/// `a[1]` and a copy of the mapping `a[2]` as its namespace.
fn make_class_from<'gc>(
    rt: &Rt<'_, 'gc>,
    meta: Value<'gc>,
    a: &[Value<'gc>],
    explicit: bool,
) -> PyResult<'gc, Value<'gc>> {
    let ns = heap::new_dict(rt.mc);
    if let Value::Dict(_) = a[2] {
        for (k, v) in heap::dict_entries(a[2]) {
            heap::dict_set(rt.mc, ns, k, v);
        }
    }
    make_class_of(rt, meta, &[a[0], a[1], ns, Value::None], explicit)
}

/// Makes class a[0] (bases a[1], namespace a[2], defining globals a[3])
/// with metaclass `meta`. Unless `explicit`, a user metaclass among the
/// bases' must be called instead (Fail::Guest: the prelude's
/// `__b___build_class__` does that).
pub fn make_class_of<'gc>(
    rt: &Rt<'_, 'gc>,
    meta: Value<'gc>,
    a: &[Value<'gc>],
    explicit: bool,
) -> PyResult<'gc, Value<'gc>> {
    let name = a[0].as_str().unwrap_or("?").to_string();
    let mut bases = tuple_items(a[1]);
    if bases.is_empty() {
        bases.push(rt.ty(Ty::Object));
    }
    if bases.iter().any(|b| !is_type(*b)) {
        return rt.err(Ty::TypeError, "bases must be types");
    }
    let meta = winning_metaclass(rt, meta, &bases)?;
    if !explicit && is_metaclass(rt, meta) {
        return Err(Fail::Guest);
    }
    let mut builtin = Ty::Object;
    let mut native: Option<Ty> = None;
    for b in &bases {
        let k = builtin_of(*b).unwrap_or(Ty::Object);
        if let Some(n) = native_base(*b) {
            native = Some(n);
        } else if matches!(k, Ty::List | Ty::Dict) || is_immutable_native(k) {
            native = Some(k);
        } else if k == Ty::Bool {
            return rt.err(Ty::TypeError, "type 'bool' is not an acceptable base type");
        } else if k == Ty::Type {
            // A metaclass: its instances are classes.
            builtin = k;
        } else if !is_instance_kind(k) {
            return rt.err(
                Ty::TypeError,
                format!(
                    "subclassing the built-in type '{}' is not supported yet",
                    k.name()
                ),
            );
        } else if k != Ty::Object {
            builtin = k;
        }
    }
    let ns = a[2];
    let module = match (heap::dict_get(ns, rt.s("__module__")), a[3]) {
        (m @ Value::Str(_), _) => m,
        (_, g @ Value::Dict(_)) => heap::dict_get(g, rt.s("__name__")),
        _ => Value::Absent,
    };
    let module = module.as_str().unwrap_or("__main__").to_string();
    let dict = heap::new_dict(rt.mc);
    let mut cell = Value::None;
    let mut qual = name.clone();
    for (k, v) in heap::dict_entries(ns) {
        match k.as_str() {
            Some("__classcell__") => cell = v,
            Some("__qualname__") => qual = v.as_str().unwrap_or(&name).to_string(),
            _ => {
                // `property.__set_name__`: the name its errors give.
                if kind_of(rt, v) == Ty::Property {
                    heap::set_field(rt.mc, v, PROP_NAME, k);
                }
                heap::dict_set(rt.mc, dict, k, v)
            }
        }
    }
    let t = match new_type(
        rt,
        meta,
        &name,
        &bases,
        dict,
        Value::Int(builtin as i64),
        &module,
    ) {
        Ok(t) => t,
        Err(m) => return rt.err(Ty::TypeError, m),
    };
    heap::set_field(rt.mc, t, T_QUALNAME, rt.s(&qual));
    if let Some(n) = native {
        heap::set_field(rt.mc, t, T_NATIVE, Value::Int(n as i64));
    }
    if let Value::Record(_) = cell {
        heap::set_field(rt.mc, cell, 1, t);
    }
    Ok(t)
}

/// `H_NEW_INSTANCE`: a bare instance of class a[0].
pub fn new_instance<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let cls = a[0];
    Ok(if is_exception_type(rt, cls) {
        shapes::new_dict_instance(rt.mc, cls, Value::None, Value::None)
    } else {
        shapes::new_map_instance(rt, cls, Value::None, Value::None)
    })
}

/// `H_RAISE_PREP`: checks the raised value and attaches the cause.
pub fn raise_prep<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let e = a[0];
    if !matches!(e, Value::Record(_)) || !is_exception_type(rt, type_of(rt, e)) {
        return rt.err(Ty::TypeError, "exceptions must derive from BaseException");
    }
    if !matches!(a[1], Value::Absent) {
        heap::dict_set(
            rt.mc,
            field(e, I_DICT),
            rt.s("__suppress_context__"),
            Value::Bool(true),
        );
        let cause = a[1];
        let cause = if is_type(cause) {
            rt.exc_args(cause, rt.tuple(&[]))
        } else {
            cause
        };
        heap::dict_set(rt.mc, field(e, I_DICT), rt.s("__cause__"), cause);
    }
    // A fresh traceback for a new raise of an exception object that was raised before.
    if let Value::List(_) = field(e, I_SLOT1) {
    } else {
        heap::set_field(rt.mc, e, I_SLOT1, heap::new_list(rt.mc));
    }
    Ok(e)
}

/// Whether `super(cls, obj)` is allowed: `obj` an instance of `cls` or a
/// subclass of it.
pub fn super_ok<'gc>(rt: &Rt<'_, 'gc>, cls: Value<'gc>, obj: Value<'gc>) -> bool {
    if is_type(obj) {
        is_subtype(obj, cls)
    } else {
        is_subtype(type_of(rt, obj), cls)
    }
}
