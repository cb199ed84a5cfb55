//! PHP operators on values (the slow paths behind the interpreter's fast
//! int/float paths), and the helpers traces call for them.

use vm_core::jit::helpers::{Effects, Helper};
use vm_core::{Mutation, Value};

use crate::bytecode::BinOp;
use crate::bytes;
use crate::runtime;
use crate::value::*;

pub const EFF_ANY: Effects = Effects {
    reads_heap: true,
    writes_heap: true,
    may_raise: true,
    calls_guest: false,
    elidable: false,
    io: true,
    writes_arg0_only: false,
};

pub const EFF_RAISE: Effects = Effects {
    reads_heap: true,
    writes_heap: false,
    may_raise: true,
    calls_guest: false,
    elidable: false,
    io: false,
    writes_arg0_only: false,
};

fn type_for_op(v: Value<'_>) -> &'static str {
    type_name(v)
}

fn numeric_warn(v: Value<'_>, loc: &str) -> Result<NumVal, String> {
    match deref(v) {
        Value::Record(_) => {
            if is_array(deref(v)) {
                Err("array".into())
            } else {
                Err(class_label(deref(v)))
            }
        }
        v => {
            let (n, w) = to_number(v);
            if let Some(w) = w {
                if let Value::Str(s) = v {
                    if parse_numeric(s.as_str()).is_none() {
                        return Err(format!("\u{1}{}", s.as_str()));
                    }
                }
                runtime::warn(&format!("{w} encountered{loc}"));
            }
            Ok(n)
        }
    }
}

fn class_label(v: Value<'_>) -> String {
    runtime::class_name_of(v)
}

fn unsupported<'gc>(mc: &Mutation<'gc>, op: &str, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
    let ta = if is_object(deref(a)) {
        class_label(deref(a))
    } else {
        type_for_op(a).to_string()
    };
    let tb = if is_object(deref(b)) {
        class_label(deref(b))
    } else {
        type_for_op(b).to_string()
    };
    err_str(
        mc,
        "TypeError",
        &format!("Unsupported operand types: {ta} {op} {tb}"),
    )
}

fn op_sym(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
        _ => "?",
    }
}

/// Arithmetic and bitwise operators on any values.
pub fn arith<'gc>(
    mc: &Mutation<'gc>,
    op: BinOp,
    a: Value<'gc>,
    b: Value<'gc>,
    loc: &str,
) -> Result<Value<'gc>, Value<'gc>> {
    let a = deref(a);
    let b = deref(b);
    if op == BinOp::Add && is_array(a) && is_array(b) {
        let r = arr_copy(mc, a);
        for (k, v) in arr_entries(b) {
            if let Value::Absent = arr_slot(r, k) {
                share(mc, v);
                arr_set(mc, r, k, v);
            }
        }
        return Ok(r);
    }
    // Bitwise on two strings works bytewise.
    if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            let (x, y) = (bytes::encode(x.as_str()), bytes::encode(y.as_str()));
            let (x, y) = (&*x, &*y);
            let out: Vec<u8> = match op {
                BinOp::BitAnd => x.iter().zip(y).map(|(p, q)| p & q).collect(),
                BinOp::BitOr | BinOp::BitXor => {
                    let n = x.len().max(y.len());
                    (0..n)
                        .map(|i| {
                            let p = *x.get(i).unwrap_or(&0);
                            let q = *y.get(i).unwrap_or(&0);
                            if op == BinOp::BitOr {
                                p | q
                            } else {
                                p ^ q
                            }
                        })
                        .collect()
                }
                _ => vec![],
            };
            return Ok(s(mc, &bytes::decode(&out)));
        }
    }
    let Ok(na) = numeric_warn(a, loc) else {
        return Err(unsupported(mc, op_sym(op), a, b));
    };
    let Ok(nb) = numeric_warn(b, loc) else {
        return Err(unsupported(mc, op_sym(op), a, b));
    };
    num_arith(mc, op, na, nb)
}

pub fn num_arith<'gc>(
    mc: &Mutation<'gc>,
    op: BinOp,
    na: NumVal,
    nb: NumVal,
) -> Result<Value<'gc>, Value<'gc>> {
    use NumVal::*;
    let f = |n: NumVal| match n {
        I(i) => i as f64,
        F(x) => x,
    };
    let int_of = |n: NumVal| match n {
        I(i) => i,
        F(x) => float_to_int(x),
    };
    Ok(match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => match (na, nb) {
            (I(x), I(y)) => {
                let r = match op {
                    BinOp::Add => x.checked_add(y),
                    BinOp::Sub => x.checked_sub(y),
                    _ => x.checked_mul(y),
                };
                match r {
                    Some(v) => Value::Int(v),
                    None => Value::Float(match op {
                        BinOp::Add => x as f64 + y as f64,
                        BinOp::Sub => x as f64 - y as f64,
                        _ => x as f64 * y as f64,
                    }),
                }
            }
            _ => Value::Float(match op {
                BinOp::Add => f(na) + f(nb),
                BinOp::Sub => f(na) - f(nb),
                _ => f(na) * f(nb),
            }),
        },
        BinOp::Div => {
            if f(nb) == 0.0 {
                return Err(err_str(mc, "DivisionByZeroError", "Division by zero"));
            }
            match (na, nb) {
                (I(x), I(y))
                    if y != 0 && x.checked_rem(y) == Some(0) && x.checked_div(y).is_some() =>
                {
                    Value::Int(x / y)
                }
                _ => Value::Float(f(na) / f(nb)),
            }
        }
        BinOp::Mod => {
            let (x, y) = (int_of(na), int_of(nb));
            if y == 0 {
                return Err(err_str(mc, "DivisionByZeroError", "Modulo by zero"));
            }
            if y == -1 {
                Value::Int(0)
            } else {
                Value::Int(x % y)
            }
        }
        BinOp::Pow => match (na, nb) {
            (I(x), I(y)) if y >= 0 => {
                let mut acc: i64 = 1;
                let mut ok = true;
                for _ in 0..y.min(64) {
                    match acc.checked_mul(x) {
                        Some(v) => acc = v,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok && (y <= 64 || x == 0 || x == 1) {
                    if y > 64 && x == -1 {
                        Value::Int(if y % 2 == 0 { 1 } else { -1 })
                    } else {
                        Value::Int(acc)
                    }
                } else {
                    Value::Float((x as f64).powf(y as f64))
                }
            }
            _ => Value::Float(f(na).powf(f(nb))),
        },
        BinOp::BitAnd => Value::Int(int_of(na) & int_of(nb)),
        BinOp::BitOr => Value::Int(int_of(na) | int_of(nb)),
        BinOp::BitXor => Value::Int(int_of(na) ^ int_of(nb)),
        BinOp::Shl | BinOp::Shr => {
            let (x, y) = (int_of(na), int_of(nb));
            if y < 0 {
                return Err(err_str(
                    mc,
                    "ArithmeticError",
                    "Bit shift by negative number",
                ));
            }
            if op == BinOp::Shl {
                Value::Int(if y >= 64 { 0 } else { x.wrapping_shl(y as u32) })
            } else {
                Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
        }
        _ => Value::None,
    })
}

/// Comparison operators (`==`, `<`, `<=>` ...), returning Bool or Int.
pub fn compare_op<'gc>(op: BinOp, a: Value<'gc>, b: Value<'gc>) -> Value<'gc> {
    use std::cmp::Ordering::*;
    match op {
        BinOp::Identical => Value::Bool(identical(a, b)),
        BinOp::NotIdentical => Value::Bool(!identical(a, b)),
        BinOp::Eq => Value::Bool(loose_eq(a, b)),
        BinOp::Ne => Value::Bool(!loose_eq(a, b)),
        BinOp::Xor => Value::Bool(to_bool(a) ^ to_bool(b)),
        _ => {
            let c = compare(a, b);
            match op {
                BinOp::Lt => Value::Bool(c == Some(Less)),
                BinOp::Le => Value::Bool(matches!(c, Some(Less | Equal))),
                BinOp::Gt => Value::Bool(c == Some(Greater)),
                BinOp::Ge => Value::Bool(matches!(c, Some(Greater | Equal))),
                BinOp::Spaceship => Value::Int(match c {
                    Some(Less) => -1,
                    Some(Equal) => 0,
                    _ => 1,
                }),
                _ => Value::None,
            }
        }
    }
}

/// String conversion for echo/concat (arrays warn; objects must be handled by the caller).
pub fn to_php_string<'gc>(
    mc: &Mutation<'gc>,
    v: Value<'gc>,
    loc: &str,
) -> Result<String, Value<'gc>> {
    let v = deref(v);
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::StrBuf(s) => Ok(s.as_str().to_string()),
        Value::Record(_) if is_array(v) => {
            runtime::warn(&format!("Array to string conversion{loc}"));
            Ok("Array".into())
        }
        Value::Record(_) => Err(err_str(
            mc,
            "Error",
            &format!(
                "Object of class {} could not be converted to string",
                class_label(v)
            ),
        )),
        other => Ok(to_str_scalar(other)),
    }
}

fn loc_of<'a>(v: Value<'a>) -> &'a str {
    v.as_str().unwrap_or("")
}

fn op_of(v: Value<'_>) -> BinOp {
    const ALL: [BinOp; 22] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::Concat,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Identical,
        BinOp::NotIdentical,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::Spaceship,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::Shl,
        BinOp::Shr,
        BinOp::Xor,
    ];
    match v {
        Value::Int(i) => ALL[i as usize % ALL.len()],
        _ => BinOp::Add,
    }
}

pub fn op_index(op: BinOp) -> i64 {
    op as i64
}

fn h_binop<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let op = op_of(args[0]);
    let (a, b) = (args[1], args[2]);
    match op {
        BinOp::Concat => {
            let loc = loc_of(args[3]);
            let mut x = to_php_string(mc, a, loc)?;
            x.push_str(&to_php_string(mc, b, loc)?);
            Ok(s(mc, &x))
        }
        BinOp::Eq
        | BinOp::Ne
        | BinOp::Identical
        | BinOp::NotIdentical
        | BinOp::Lt
        | BinOp::Le
        | BinOp::Gt
        | BinOp::Ge
        | BinOp::Spaceship
        | BinOp::Xor => Ok(compare_op(op, a, b)),
        _ => arith(mc, op, a, b, loc_of(args[3])),
    }
}

fn h_concat<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let mut x = String::new();
    for a in args {
        match a {
            Value::Str(t) => x.push_str(t.as_str()),
            other => x.push_str(&to_str_scalar(*other)),
        }
    }
    Ok(s(mc, &x))
}

/// `a . b` (or an interpolated string's parts) for strings and ints (no
/// conversion that can warn, throw or run guest code): pure, so it neither
/// ends the optimiser's heap cache as [`BINOP`] and [`INTERP`] do nor stays
/// when its result is unused.
pub static CONCAT: Helper = Helper {
    name: "php_concat",
    func: h_concat,
    effects: Effects::PURE,
};

fn h_str_at<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (Value::Str(t), Value::Int(i)) = (args[0], args[1]) else {
        return Ok(Value::Absent);
    };
    let b = bytes::encode(t.as_str());
    let n = b.len() as i64;
    let j = if i < 0 { n + i } else { i };
    if j < 0 || j >= n {
        return Ok(Value::Absent);
    }
    let c = b[j as usize];
    Ok(if c.is_ascii() {
        vm_core::heap::new_str(mc, std::str::from_utf8(&[c]).unwrap_or(""))
    } else {
        s(mc, &bytes::decode(&[c]))
    })
}

/// `$s[i]` for a string and an int offset inside it (negative: from the
/// end): the one-byte string, or `Absent` (the caller then takes the path
/// that warns). Strings are immutable: pure.
pub static STR_AT: Helper = Helper {
    name: "php_str_at",
    func: h_str_at,
    effects: Effects::PURE,
};

/// `op(a, b, loc)`: any binary operator on any values.
pub static BINOP: Helper = Helper {
    name: "php_binop",
    func: h_binop,
    effects: EFF_ANY,
};

fn h_to_bool<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(Value::Bool(to_bool(args[0])))
}

/// Truthiness of any value.
pub static TO_BOOL: Helper = Helper {
    name: "php_to_bool",
    func: h_to_bool,
    effects: Effects::READS,
};

fn h_echo<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let t = to_php_string(mc, args[0], loc_of(args[1]))?;
    runtime::echo(&t);
    Ok(Value::None)
}

/// Prints a value (string conversion included).
pub static ECHO: Helper = Helper {
    name: "php_echo",
    func: h_echo,
    effects: EFF_ANY,
};

fn h_warn<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let mut m = String::new();
    for a in args {
        m.push_str(&to_str_scalar(*a));
    }
    runtime::warn(&m);
    Ok(Value::None)
}

fn h_str_append<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    str_append(mc, args, vm_core::strbuf::append)
}

fn h_str_append_owned<'gc>(
    mc: &Mutation<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Value<'gc>> {
    str_append(mc, args, vm_core::strbuf::append_in_place)
}

/// `$s .= x` through `join` ([`vm_core::strbuf::append`] or `append_in_place`).
fn str_append<'gc>(
    mc: &Mutation<'gc>,
    args: &[Value<'gc>],
    join: fn(&Mutation<'gc>, Value<'gc>, &str) -> Option<Value<'gc>>,
) -> Result<Value<'gc>, Value<'gc>> {
    let owned;
    let tail: &str = match args[1] {
        // The common case appends a string: no copy of it.
        v @ Value::Str(_) => v.as_str().unwrap_or(""),
        other => {
            owned = to_str_scalar(other);
            &owned
        }
    };
    let plain = match args[0] {
        Value::StrBuf(b) => b.with_bytes(|h| bytes::joins_plainly(h, tail)),
        Value::Str(h) => bytes::joins_plainly(h.as_str().as_bytes(), tail),
        _ => true,
    };
    if !plain {
        // The join may form a UTF-8 sequence: make the text canonical.
        let head = args[0].as_str().unwrap_or("");
        return Ok(s(mc, &format!("{head}{tail}")));
    }
    Ok(join(mc, args[0], tail).unwrap_or(args[0]))
}

/// `$s .= x` on a string in a plain variable: appends into the string's
/// buffer in place when it is the newest value of that buffer (`vm_core::strbuf`).
pub static STR_APPEND: Helper = Helper {
    name: "php_str_append",
    func: h_str_append,
    effects: Effects::WRITES,
};

/// [`STR_APPEND`] for `$s .= x` as a statement: the variable's register is
/// the only holder of its `StrBuf` (every read of a variable freezes it, and
/// the statement's value is not kept), so the value grows in place
/// (`vm_core::strbuf::append_in_place`) and no new value is allocated.
pub static STR_APPEND_OWNED: Helper = Helper {
    name: "php_str_append_owned",
    func: h_str_append_owned,
    effects: Effects::WRITES,
};

fn h_str_freeze<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(vm_core::strbuf::freeze(mc, args[0]))
}

/// An append-built string as an immutable `Str`: what every read of a
/// variable sees, so that only `.=` ever meets a `StrBuf`.
pub static STR_FREEZE: Helper = Helper {
    name: "php_str_freeze",
    func: h_str_freeze,
    effects: Effects {
        reads_heap: true,
        writes_heap: false,
        may_raise: false,
        calls_guest: false,
        elidable: true,
        io: false,
        writes_arg0_only: false,
    },
};

fn h_strlen<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(Value::Int(
        args[0].as_str().map_or(0, bytes::byte_len) as i64
    ))
}

/// `strlen` of a string (pure: the optimiser may fold or drop it).
pub static STRLEN: Helper = Helper {
    name: "php_strlen",
    func: h_strlen,
    effects: Effects::PURE,
};

/// The one-argument float math builtins that run as a pure helper when
/// their argument is a number (php returns a float for each, ints included).
const MATH1: &[(&str, fn(f64) -> f64)] = &[
    ("sqrt", f64::sqrt),
    ("floor", f64::floor),
    ("ceil", f64::ceil),
    ("sin", f64::sin),
    ("cos", f64::cos),
    ("exp", f64::exp),
    ("log", f64::ln),
];

/// The [`MATH`] operation index of builtin `id`, if it is one of [`MATH1`].
pub fn math1_of(id: u16) -> Option<usize> {
    thread_local! {
        static IDS: Vec<u16> = MATH1.iter().map(|(n, _)| crate::builtins::id_of(n)).collect();
    }
    IDS.with(|ids| ids.iter().position(|&i| i == id && i != 0))
}

fn h_math<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let i = match args[0] {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    let x = match args[1] {
        Value::Int(n) => n as f64,
        Value::Float(f) => f,
        _ => f64::NAN,
    };
    Ok(Value::Float(MATH1.get(i).map_or(f64::NAN, |(_, f)| f(x))))
}

/// `[op index, number]`: a [`MATH1`] function of a number (pure, so the
/// optimiser may merge or drop it and it does not end the heap cache).
pub static MATH: Helper = Helper {
    name: "php_math",
    func: h_math,
    effects: Effects::PURE,
};

fn h_numeric_str<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(match args[0].as_str().and_then(parse_numeric) {
        Some((NumVal::I(i), true)) => Value::Int(i),
        Some((NumVal::F(f), true)) => Value::Float(f),
        _ => Value::Absent,
    })
}

/// The number a numeric string stands for (int or float), `Absent` for any
/// other string: how php 8 compares an int with a string. Strings never
/// change, so this is pure (a trace computes it once for a loop-invariant string).
pub static NUMERIC_STR: Helper = Helper {
    name: "php_numeric_str",
    func: h_numeric_str,
    effects: Effects::PURE,
};

/// Prints `PHP Warning:  <concatenated args>`.
pub static WARN: Helper = Helper {
    name: "php_warn",
    func: h_warn,
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

fn h_interp<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (loc, parts) = args.split_last().expect("loc");
    let loc = loc_of(*loc);
    let mut out = String::new();
    for p in parts {
        out.push_str(&to_php_string(mc, *p, loc)?);
    }
    Ok(s(mc, &out))
}

/// Interpolated string: concatenation of parts, then the location.
pub static INTERP: Helper = Helper {
    name: "php_interp",
    func: h_interp,
    effects: EFF_ANY,
};

fn h_norm_key<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    norm_key(mc, args[0])
}

/// Array key normalisation ("5" is 5, 1.5 is 1, true is 1, null is "").
pub static NORM_KEY: Helper = Helper {
    name: "php_norm_key",
    func: h_norm_key,
    effects: Effects {
        reads_heap: false,
        writes_heap: false,
        may_raise: true,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    },
};

fn h_str_key<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(match args[0] {
        // Only a string that starts with a digit or '-' can be an int key.
        k @ Value::Str(s) if matches!(s.as_str().as_bytes().first(), Some(b'0'..=b'9' | b'-')) => {
            norm_key(mc, k).unwrap_or(k)
        }
        k => k,
    })
}

/// A string array key normalised ("5" is 5, "x" stays): pure, so a trace
/// computes it once per key and looks the element up inline.
pub static STR_KEY: Helper = Helper {
    name: "php_str_key",
    func: h_str_key,
    effects: Effects::PURE,
};

fn h_str_get<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let k = h_str_key(mc, &args[1..2])?;
    Ok(match args[0] {
        Value::Dict(_) => vm_core::heap::dict_get(args[0], k),
        _ => Value::Absent,
    })
}

/// The raw slot of a string key not yet normalised in a hashed array's
/// storage (args: the `Dict`, the key), `Absent` when missing: `STR_KEY`
/// and `dict_get` in one call and one probe, for keys that are not
/// constants (a constant key keeps the two, which the optimiser folds and
/// caches).
pub static STR_GET: Helper = Helper {
    name: "php_str_get",
    func: h_str_get,
    effects: Effects::READS,
};

fn h_arr_degrade<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    crate::value::arr_degrade(mc, args[0]);
    Ok(Value::None)
}

/// Turns a packed array into a hash (before a by-reference `foreach` over
/// an array with holes).
pub static ARR_DEGRADE: Helper = Helper {
    name: "php_arr_degrade",
    func: h_arr_degrade,
    effects: EFF_ANY,
};

fn h_arr_copy<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(arr_copy(mc, args[0]))
}

/// Copies a shared array (its nested arrays become shared).
pub static ARR_COPY: Helper = Helper {
    name: "php_arr_copy",
    func: h_arr_copy,
    effects: Effects::WRITES,
};

/// Reads `base[key]` for any base: (base, key, quiet, loc).
pub fn dim_get<'gc>(
    mc: &Mutation<'gc>,
    base: Value<'gc>,
    key: Value<'gc>,
    quiet: bool,
    loc: &str,
) -> Result<Value<'gc>, Value<'gc>> {
    let base = deref(base);
    match base {
        Value::Record(_) if is_array(base) => {
            let k = norm_key(mc, key)?;
            let v = arr_get(base, k);
            if let Value::Absent = v {
                if !quiet {
                    let ks = match k {
                        Value::Int(i) => i.to_string(),
                        other => format!("\"{}\"", to_str_scalar(other)),
                    };
                    runtime::warn(&format!("Undefined array key {ks}{loc}"));
                }
                return Ok(if quiet { Value::Absent } else { Value::None });
            }
            Ok(v)
        }
        Value::Str(st) => {
            let t = bytes::encode(st.as_str());
            let k = deref(key);
            let i = match k {
                Value::Int(i) => i,
                Value::Str(ks) => match canonical_int(ks.as_str()) {
                    Some(i) => i,
                    None => {
                        if quiet {
                            return Ok(Value::Absent);
                        }
                        match parse_numeric(ks.as_str()) {
                            Some((NumVal::I(i), _)) => i,
                            _ => {
                                return Err(err_str(
                                    mc,
                                    "TypeError",
                                    &format!("Cannot access offset of type {} on string", "string"),
                                ))
                            }
                        }
                    }
                },
                other => to_int(other),
            };
            let idx = if i < 0 { t.len() as i64 + i } else { i };
            if idx < 0 || idx >= t.len() as i64 {
                if quiet {
                    return Ok(Value::Absent);
                }
                runtime::warn(&format!("Uninitialized string offset {i}{loc}"));
                return Ok(s(mc, ""));
            }
            let b = t[idx as usize];
            Ok(s(mc, &bytes::decode(&[b])))
        }
        Value::None | Value::Absent => {
            if !quiet {
                runtime::warn(&format!(
                    "Trying to access array offset on value of type null{loc}"
                ));
            }
            Ok(if quiet { Value::Absent } else { Value::None })
        }
        Value::Record(_) => {
            if quiet {
                return Ok(Value::Absent);
            }
            Err(err_str(
                mc,
                "Error",
                &format!("Cannot use object of type {} as array", class_label(base)),
            ))
        }
        other => {
            if !quiet {
                runtime::warn(&format!(
                    "Trying to access array offset on value of type {}{loc}",
                    type_name(other)
                ));
            }
            Ok(if quiet { Value::Absent } else { Value::None })
        }
    }
}

fn h_dim_get<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    dim_get(
        mc,
        args[0],
        args[1],
        matches!(args[2], Value::Bool(true)),
        loc_of(args[3]),
    )
}

pub static DIM_GET: Helper = Helper {
    name: "php_dim_get",
    func: h_dim_get,
    effects: EFF_ANY,
};

fn h_dim_set<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (a, k, v) = (args[0], args[1], args[2]);
    if !is_array(a) {
        return Err(err_str(
            mc,
            "Error",
            "Cannot use a scalar value as an array",
        ));
    }
    match k {
        Value::Absent => arr_push(mc, a, v)?,
        k => {
            let k = norm_key(mc, k)?;
            arr_set(mc, a, k, v);
        }
    }
    Ok(Value::None)
}

fn h_arr_set<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    arr_set(mc, args[0], args[1], args[2]);
    Ok(Value::None)
}

/// `arr[key] = v` for a normalised key on an unshared array: cannot raise or
/// run guest code (unlike [`DIM_SET`]), so it keeps what the optimiser knows
/// about other objects.
pub static ARR_SET: Helper = Helper {
    name: "php_arr_set",
    func: h_arr_set,
    effects: ARR_WRITE_EFFECTS,
};

/// The effects of the helpers that write one array's storage only
/// ([`ARR_SET`], [`ARR_STORE`], [`ARR_OP`]): the array record (argument 0),
/// its dict or list, and reference cells (lists), so the optimiser keeps
/// what it knows about other records' fields after each call.
pub const ARR_WRITE_EFFECTS: Effects = Effects::WRITES_ARG0;

/// Whether `$a[$k] = v` on a hashed array always goes through [`ARR_SET`]
/// / [`ARR_STORE`] (one hash probe). No: only a string key that is new
/// when the store is recorded does; other stores keep the inline
/// `dict_get` + `dict_set`. Measured with [`ARR_WRITE_EFFECTS`] =
/// `WRITES_ARG0` (session 8): after each call the heap cache still forgets
/// every list length and the fields of every record that may be argument
/// 0, so ary2's `$Y[$i] = $X[$i]` re-reads and re-guards `$X` per element
/// (trace 196 -> 267 ops, 90.1M -> 94.9M instructions), and hash1/hash2
/// are unchanged (125.7M, 162.7M).
pub const STORE_VIA_HELPER: bool = false;

fn h_arr_store<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let k = h_str_key(mc, &args[1..2])?;
    arr_set(mc, args[0], k, args[2]);
    Ok(Value::None)
}

/// `arr[key] = v` for a string key not yet normalised ("5" is 5) on an
/// unshared array, with one hash probe: a new key is added (moving the
/// next free key), a reference cell is written through. Cannot raise or
/// run guest code.
pub static ARR_STORE: Helper = Helper {
    name: "php_arr_store",
    func: h_arr_store,
    effects: ARR_WRITE_EFFECTS,
};

fn h_arr_op<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let op = match args[3] {
        Value::Int(op) => op,
        _ => return Ok(Value::Absent),
    };
    // The key is normalised only when `arr_op` has to probe: a key that is
    // the stored key object of the entry it guessed needs no look at its text.
    let norm = |k: Value<'gc>| match k {
        Value::Int(_) => Some(k),
        Value::Str(s) if !matches!(s.as_str().as_bytes().first(), Some(b'0'..=b'9' | b'-')) => {
            Some(k)
        }
        Value::Str(_) => norm_key(mc, k).ok(),
        _ => None,
    };
    Ok(arr_op(mc, args[0], args[1], op, args[2], norm).unwrap_or(Value::Absent))
}

/// `arr[key] op= v` in place on an unshared hashed array (`value::arr_op`;
/// args: array, int or string key, value, op 0/1/2 for `+ - *`): the
/// result, or `Absent` when it wrote nothing and the generic path must run.
/// Cannot raise or run guest code.
pub static ARR_OP: Helper = Helper {
    name: "php_arr_op",
    func: h_arr_op,
    effects: ARR_WRITE_EFFECTS,
};

/// `arr[key] = v` (key Absent: append) on an array prepared for writing.
pub static DIM_SET: Helper = Helper {
    name: "php_dim_set",
    func: h_dim_set,
    effects: EFF_ANY,
};
