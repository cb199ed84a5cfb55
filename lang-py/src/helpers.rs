//! The Rust helpers the interpreter calls through `Meta::call`, each with its
//! declared effects. Argument 0 of every helper is the runtime record.
//! A helper answers `Absent` when the operation needs Python code (a user
//! dunder): the interpreter then calls the prelude's Python fallback.

use vm_core::jit::helpers::{Effects, Helper};
use vm_core::{heap, Mutation, Value};

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::objects::*;

pub const READ_RAISE: Effects = Effects {
    reads_heap: true,
    writes_heap: false,
    may_raise: true,
    calls_guest: false,
    elidable: false,
    io: false,
    writes_arg0_only: false,
};
pub const WRITE_RAISE: Effects = Effects {
    reads_heap: true,
    writes_heap: true,
    may_raise: true,
    calls_guest: false,
    elidable: false,
    io: false,
    writes_arg0_only: false,
};
pub const IO: Effects = Effects {
    reads_heap: true,
    writes_heap: true,
    may_raise: true,
    calls_guest: false,
    elidable: false,
    io: true,
    writes_arg0_only: false,
};
/// Loads modules, runs anything: recording stops here.
pub const GUEST: Effects = Effects::ANY;

/// A helper's answer: `Err(Absent)` means "needs Python code" (the
/// interpreter then runs a prelude fallback). Signalling it as an error
/// keeps helpers that write the heap free of a tag test on their result,
/// which the recorder would reject as a guard after a write.
pub fn conv<'gc>(r: PyResult<'gc, Value<'gc>>) -> Result<Value<'gc>, Value<'gc>> {
    match r {
        Ok(v) => Ok(v),
        Err(Fail::Guest) => Err(Value::Absent),
        Err(Fail::Raise(e)) => Err(e),
    }
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Panics inside helpers (a bug, or arguments a builtin did not check) become
/// a Python `RuntimeError` instead of aborting; the hook keeps them quiet.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(|g| g.get()) {
                prev(info)
            }
        }));
    });
}

pub fn guarded<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    f: impl FnOnce() -> PyResult<'gc, Value<'gc>>,
) -> Result<Value<'gc>, Value<'gc>> {
    let was = GUARDED.with(|g| g.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    match r {
        Ok(x) => conv(x),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(rt.exc(
                Ty::RuntimeError,
                &format!("internal error in {name}: {msg}"),
            ))
        }
    }
}

macro_rules! helper {
    ($static:ident, $name:literal, $eff:expr, $func:path) => {
        pub static $static: Helper = Helper {
            name: $name,
            func: {
                fn f<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
                    let rt = Rt::new(mc, a[0]);
                    guarded(&rt, $name, || $func(&rt, &a[1..]))
                }
                f
            },
            effects: $eff,
        };
    };
}

pub const BINOPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
];
pub const CMPOPS: &[CmpOp] = &[
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::In,
    CmpOp::NotIn,
    CmpOp::Is,
    CmpOp::IsNot,
];

pub fn binop_index(op: BinOp) -> i64 {
    BINOPS.iter().position(|o| *o == op).unwrap_or(0) as i64
}
pub fn cmpop_index(op: CmpOp) -> i64 {
    CMPOPS.iter().position(|o| *o == op).unwrap_or(0) as i64
}

fn binop<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::ops::binary(rt, BINOPS[int_of(a[0]) as usize], a[1], a[2])
}
fn inplace<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::ops::inplace(rt, BINOPS[int_of(a[0]) as usize], a[1], a[2])
}
fn compare<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::ops::compare(rt, CMPOPS[int_of(a[0]) as usize], a[1], a[2])
}
fn truth<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    Ok(Value::Bool(crate::objects::truth(rt, a[0])?))
}
fn unary<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let op = match int_of(a[0]) {
        0 => UnOp::Neg,
        1 => UnOp::Pos,
        2 => UnOp::Invert,
        _ => UnOp::Not,
    };
    let v = a[1];
    match (op, v) {
        (UnOp::Not, _) => Ok(Value::Bool(!crate::objects::truth(rt, v)?)),
        (UnOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => rt.int(-num_bigint::BigInt::from(i)),
        }),
        (UnOp::Neg, Value::BigInt(b)) => Ok(rt.int(-b.0.clone())),
        (UnOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(b as i64))),
        (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(v),
        (UnOp::Pos, Value::Bool(b)) => Ok(Value::Int(b as i64)),
        (UnOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(b as i64))),
        (UnOp::Invert, Value::BigInt(b)) => Ok(rt.int(-b.0.clone() - 1)),
        _ => {
            let name = match op {
                UnOp::Neg => "__neg__",
                UnOp::Pos => "__pos__",
                _ => "__invert__",
            };
            if has_py_method(rt, v, name) {
                return Err(Fail::Guest);
            }
            if let Some(n) = crate::objects::immutable_native(v) {
                let mut b = a.to_vec();
                b[1] = n;
                return unary(rt, &b);
            }
            let sym = match op {
                UnOp::Neg => "-",
                UnOp::Pos => "+",
                _ => "~",
            };
            rt.err(
                Ty::TypeError,
                format!(
                    "bad operand type for unary {}: '{}'",
                    sym,
                    type_name_of(rt, v)
                ),
            )
        }
    }
}

helper!(H_BINOP, "py.binop", READ_RAISE, binop);

/// `x ** y` for floats with `x > 0` (the interpreter checks): libm's pow,
/// or `Absent` (an "exception" the interpreter answers with the generic
/// path) when the result is not finite. Touches no heap; no runtime argument.
pub static H_FPOW: Helper = Helper {
    name: "py.fpow",
    func: {
        fn f<'gc>(_mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
            match (a[0], a[1]) {
                (Value::Float(x), Value::Float(y)) => {
                    let r = x.powf(y);
                    if r.is_finite() {
                        Ok(Value::Float(r))
                    } else {
                        Err(Value::Absent)
                    }
                }
                _ => Err(Value::Absent),
            }
        }
        f
    },
    effects: Effects {
        reads_heap: false,
        writes_heap: false,
        may_raise: true,
        calls_guest: false,
        elidable: true,
        io: false,
        writes_arg0_only: false,
    },
};
helper!(H_INPLACE, "py.inplace", WRITE_RAISE, inplace);
helper!(H_COMPARE, "py.compare", READ_RAISE, compare);
helper!(H_TRUTH, "py.truth", READ_RAISE, truth);
helper!(H_UNARY, "py.unary", READ_RAISE, unary);
helper!(
    H_GETITEM,
    "py.getitem",
    READ_RAISE,
    crate::builtins::getitem
);
helper!(
    H_SETITEM,
    "py.setitem",
    WRITE_RAISE,
    crate::builtins::setitem
);
helper!(
    H_DELITEM,
    "py.delitem",
    WRITE_RAISE,
    crate::builtins::delitem
);
helper!(
    H_GETATTR,
    "py.getattr",
    READ_RAISE,
    crate::builtins::getattr_native
);
helper!(
    H_SETATTR,
    "py.setattr",
    WRITE_RAISE,
    crate::builtins::setattr_native
);
helper!(
    H_DELATTR,
    "py.delattr",
    WRITE_RAISE,
    crate::builtins::delattr_native
);
helper!(
    H_GETITER,
    "py.getiter",
    READ_RAISE,
    crate::builtins::getiter
);
helper!(
    H_ITERNEXT,
    "py.iternext",
    WRITE_RAISE,
    crate::builtins::iternext
);
helper!(H_TUPLE_GET, "py.tuple_get", Effects::PURE, tuple_get);
helper!(H_BUILTIN, "py.builtin", IO, crate::builtins::call_builtin);
helper!(
    H_METHOD,
    "py.method",
    IO,
    crate::builtins::methods::call_method
);
helper!(
    H_FORMAT,
    "py.format",
    READ_RAISE,
    crate::builtins::format_value
);
helper!(H_CONCAT, "py.concat", READ_RAISE, concat);
helper!(H_UNPACK, "py.unpack", WRITE_RAISE, crate::builtins::unpack);
helper!(
    H_EXCMATCH,
    "py.excmatch",
    READ_RAISE,
    crate::builtins::exc_match
);
helper!(
    H_MAKECLASS,
    "py.makeclass",
    WRITE_RAISE,
    crate::builtins::make_class
);
helper!(H_IMPORT, "py.import", GUEST, crate::modules::import);
helper!(
    H_IMPORTFROM,
    "py.importfrom",
    READ_RAISE,
    crate::modules::import_from
);
helper!(
    H_IMPORTSTAR,
    "py.importstar",
    WRITE_RAISE,
    crate::modules::import_star
);
helper!(H_DICT_SET, "py.dict_set", WRITE_RAISE, dict_set);
helper!(
    H_STORE_GLOBAL,
    "py.store_global",
    WRITE_RAISE,
    store_global_h
);
helper!(H_DICT_GET, "py.dict_get", READ_RAISE, dict_get);
helper!(H_SET_ADD, "py.set_add", WRITE_RAISE, set_add);
helper!(H_TO_TUPLE, "py.to_tuple", READ_RAISE, to_tuple);
helper!(H_EXTEND, "py.extend", WRITE_RAISE, extend);
helper!(H_DICT_UPDATE, "py.dict_update", WRITE_RAISE, dict_update);
helper!(H_SLICE, "py.slice", READ_RAISE, make_slice);
/// `l[a:b:c]` of a list, the bounds ints or None (may raise for step 0).
fn list_slice<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::builtins::methods::list_slice(rt, a[0], a[1], a[2], a[3])
}
/// `l[a:b] = src` for lists (no step: never raises).
fn list_set_slice<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::builtins::methods::list_set_slice(rt, a[0], a[1], a[2], a[3])
}
/// `x[lo:hi] = src[a:b:c]` for lists, the bounds ints or None and the
/// step not 0 (checked by the caller: it cannot raise).
fn list_slice_copy<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::builtins::methods::list_slice_copy(rt, a[0], a[1], a[2], a[3], [a[4], a[5], a[6]])?;
    Ok(Value::None)
}
/// `l.pop(i)`, `i` already checked to be in range.
fn list_pop_at<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    Ok(crate::builtins::methods::list_pop_at(
        rt.mc,
        a[0],
        int_of(a[1]),
    ))
}
/// `l.insert(i, x)` for an int `i`.
fn list_insert<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::builtins::methods::list_insert(rt.mc, a[0], int_of(a[1]), a[2]);
    Ok(Value::None)
}
helper!(H_LIST_SLICE, "py.list_slice", READ_RAISE, list_slice);
helper!(
    H_LIST_SLICE_COPY,
    "py.list_slice_copy",
    Effects::WRITES,
    list_slice_copy
);
helper!(
    H_LIST_SET_SLICE,
    "py.list_set_slice",
    Effects::WRITES,
    list_set_slice
);
helper!(
    H_LIST_POP_AT,
    "py.list_pop_at",
    Effects::WRITES,
    list_pop_at
);
helper!(
    H_LIST_INSERT,
    "py.list_insert",
    Effects::WRITES,
    list_insert
);
helper!(H_TYPEOF, "py.typeof", Effects::READS, typeof_);
helper!(
    H_NEW_INSTANCE,
    "py.new_instance",
    READ_RAISE,
    crate::builtins::new_instance
);
helper!(
    H_RAISE_PREP,
    "py.raise_prep",
    WRITE_RAISE,
    crate::builtins::raise_prep
);
helper!(H_DICT_ITEMS, "py.dict_items", READ_RAISE, dict_items_flat);

fn tuple_get<'gc>(_rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    Ok(field(a[0], TUP_ITEMS + int_of(a[1]) as u32))
}

fn concat<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let mut s = String::new();
    for v in a {
        s.push_str(v.as_str().unwrap_or(""));
    }
    Ok(rt.s(&s))
}

/// `H_STORE_GLOBAL`: a[0] the globals dict, a[1] the name, a[2] the value.
fn store_global_h<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    store_global(rt, a[0], a[1], a[2]);
    Ok(Value::None)
}

fn dict_set<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::objects::dict_set(rt, a[0], a[1], a[2])?;
    Ok(Value::None)
}

fn dict_get<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    match crate::objects::dict_get(rt, a[0], a[1]) {
        Ok(Value::Absent) => Ok(Value::Absent),
        other => other,
    }
}

fn set_add<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    crate::objects::dict_set(rt, set_dict(a[0]), a[1], Value::None)?;
    Ok(Value::None)
}

fn to_tuple<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let items = iterate(rt, a[0])?;
    Ok(rt.tuple(&items))
}

fn extend<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let items = iterate(rt, a[1])?;
    for x in items {
        heap::list_append(rt.mc, a[0], x);
    }
    Ok(Value::None)
}

fn dict_update<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    match a[1] {
        Value::Dict(_) => {
            for (k, v) in heap::dict_entries(a[1]) {
                put_key(rt, a[0], k, v);
            }
            Ok(Value::None)
        }
        _ => Err(Fail::Guest),
    }
}

fn make_slice<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    Ok(rt.record(Ty::Slice, &[a[0], a[1], a[2]]))
}

fn typeof_<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    Ok(type_of(rt, a[0]))
}

/// A dict's entries as a tuple `(k0, v0, k1, v1, ...)` (for `**kwargs` at call sites).
fn dict_items_flat<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    match a[0] {
        Value::Dict(_) => {
            let mut out = Vec::new();
            for (k, v) in heap::dict_entries(a[0]) {
                if !matches!(k, Value::Str(_)) {
                    return rt.err(Ty::TypeError, "keywords must be strings");
                }
                out.push(k);
                out.push(v);
            }
            Ok(rt.tuple(&out))
        }
        _ => Err(Fail::Guest),
    }
}

/// Registers every helper by name (for the IR text parser).
pub fn register_all() {
    for h in [
        &H_BINOP,
        &H_INPLACE,
        &H_COMPARE,
        &H_TRUTH,
        &H_UNARY,
        &H_GETITEM,
        &H_SETITEM,
        &H_DELITEM,
        &H_GETATTR,
        &H_SETATTR,
        &H_DELATTR,
        &H_GETITER,
        &H_ITERNEXT,
        &H_TUPLE_GET,
        &H_BUILTIN,
        &H_FPOW,
        &H_METHOD,
        &H_FORMAT,
        &H_CONCAT,
        &H_UNPACK,
        &H_EXCMATCH,
        &H_MAKECLASS,
        &H_IMPORT,
        &H_IMPORTFROM,
        &H_IMPORTSTAR,
        &H_DICT_SET,
        &H_DICT_GET,
        &H_SET_ADD,
        &H_TO_TUPLE,
        &H_EXTEND,
        &H_DICT_UPDATE,
        &H_SLICE,
        &H_LIST_SLICE,
        &H_LIST_SET_SLICE,
        &H_LIST_SLICE_COPY,
        &H_LIST_POP_AT,
        &H_LIST_INSERT,
        &H_TYPEOF,
        &H_NEW_INSTANCE,
        &H_RAISE_PREP,
        &H_DICT_ITEMS,
    ] {
        vm_core::jit::helpers::register(h);
    }
}
