//! The interpreter: one generic `step` over [`Meta`], the frame builder
//! `enter`, and exception-table lookup `catch`.
//!
//! Hot paths (int arithmetic and comparison, variable traffic, int-keyed
//! array reads and writes, property reads) use `Meta` operations directly so
//! traces see them; everything else goes through helpers (`ops`, `builtins`).
//! Guest calls (user functions, methods, constructors, magic methods,
//! `__toString`) are returned to the executor as `Action::Call`; an
//! instruction that needs `__toString` of an operand calls it with the
//! operand's register as the return register and runs again.

use std::rc::Rc;

use vm_core::exec::{Action, Frame};
use vm_core::heap::{self, Code};
use vm_core::jit::helpers::{Effects, Helper};
use vm_core::jit::ir::{Cmp, FloatOp, OvfOp};
use vm_core::{Meta, Mutation, Tag, Value};

use crate::builtins;
use crate::bytecode::*;
use crate::ops::{self, EFF_ANY};
use crate::runtime::{self, *};
use crate::value::*;

fn h_abort<'gc>(_mc: &Mutation<'gc>, _a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(Value::None)
}

/// Marks an instruction the recorder must not trace (it reads state outside `Meta`).
pub static NO_TRACE: Helper = Helper {
    name: "php_no_trace",
    func: h_abort,
    effects: Effects {
        reads_heap: true,
        writes_heap: true,
        may_raise: false,
        calls_guest: true,
        elidable: false,
        io: true,
        writes_arg0_only: false,
    },
};

fn h_key_at<'gc>(_mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let i = match a[1] {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    Ok(match a[0] {
        // A hashed array's storage, as `foreach` passes it.
        Value::Dict(d) => d.borrow().get_index(i).map_or(Value::Absent, |(k, _)| k.0),
        arr => arr_entry_at(arr, i).map_or(Value::Absent, |(k, _)| k),
    })
}

/// The key at a position of an array (or of a hashed array's `Dict`), or
/// `Absent` past the end.
pub static KEY_AT: Helper = Helper {
    name: "php_key_at",
    func: h_key_at,
    effects: Effects::READS,
};

fn h_val_at<'gc>(_mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let i = match a[1] {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    Ok(match a[0] {
        Value::Dict(d) => d.borrow().get_index(i).map_or(Value::Absent, |(_, v)| *v),
        _ => Value::Absent,
    })
}

/// The value at a position of a hashed array's storage (a `Dict`), or
/// `Absent` past the end: `foreach` reads it by position, not by hashing
/// the key `KEY_AT` gave.
pub static VAL_AT: Helper = Helper {
    name: "php_val_at",
    func: h_val_at,
    effects: Effects::READS,
};

fn h_new_object<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (rt, cls) = (a[0], a[1]);
    if let Some(cd) = class_data(cls) {
        let what = match cd.kind {
            crate::ast::ClassKind::Interface => Some("interface"),
            crate::ast::ClassKind::Trait => Some("trait"),
            crate::ast::ClassKind::Enum => Some("enum"),
            _ if cd.is_abstract => Some("abstract class"),
            _ => None,
        };
        if let Some(w) = what {
            return Err(err_str(
                mc,
                "Error",
                &format!("Cannot instantiate {w} {}", cd.name),
            ));
        }
        let o = instantiate(mc, rt, cls);
        if cd.is_throwable {
            let line = match a[3] {
                Value::Int(l) => l as u32,
                _ => 0,
            };
            set_location(mc, o, a[2].as_str().unwrap_or(""), line);
        }
        return Ok(o);
    }
    Err(err_str(mc, "Error", "Class not found"))
}

/// `new`: (runtime, class, file, line) to a fresh object.
pub static NEW_OBJECT: Helper = Helper {
    name: "php_new_object",
    func: h_new_object,
    effects: EFF_ANY,
};

// A `Generator` object: `[GeneratorClass, props, id, G_REGS…]`, whose record
// class is the generator function's code, so that the executor calls it to
// resume it (`enter` restores the saved registers).

/// The saved registers (a `List`).
pub const G_REGS: u32 = 3;
/// Where the frame resumes.
pub const G_PC: u32 = 4;
/// `GS_*`.
pub const G_STATE: u32 = 5;
pub const G_KEY: u32 = 6;
pub const G_VAL: u32 = 7;
/// The largest integer key yielded so far (-1 at first).
pub const G_AUTO: u32 = 8;
/// The value returned; `Absent` until it returns (or when it threw).
pub const G_RET: u32 = 9;
/// An exception `throw()` passes in, raised at the suspended yield.
pub const G_THROW: u32 = 10;
/// Still at the first yield (`rewind()` is allowed).
pub const G_FIRST: u32 = 11;
pub const GS_CREATED: i64 = 0;
pub const GS_SUSPENDED: i64 = 1;
pub const GS_RUNNING: i64 = 2;
pub const GS_DONE: i64 = 3;

fn h_gen_new<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (rt, code) = (a[0], a[1]);
    let cls = lookup_class(rt, "generator");
    let id = next_object_id(mc, rt);
    let fields = vec![
        cls,
        heap::new_dict(mc),
        Value::Int(id),
        heap::new_list(mc),
        Value::Int(0),
        Value::Int(GS_CREATED),
        Value::None,
        Value::None,
        Value::Int(-1),
        Value::Absent,
        Value::None,
        Value::Bool(false),
    ];
    Ok(heap::new_record(mc, code, fields))
}

/// A new `Generator` for (runtime, the generator function's code); `GenStart` fills its registers.
pub static GEN_NEW: Helper = Helper {
    name: "php_gen_new",
    func: h_gen_new,
    effects: EFF_ANY,
};

fn h_gen_arr_at<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let i = match a[1] {
        Value::Int(i) if i >= 0 => i as usize,
        _ => return Ok(Value::Absent),
    };
    Ok(match arr_entry_at(a[0], i) {
        Some((k, v)) => {
            let v = deref(v);
            share(mc, v);
            heap::new_list_from(mc, vec![k, v])
        }
        None => Value::Absent,
    })
}

/// `yield from ARRAY`: the entry at a position as `[key, value]`, or `Absent` past the end.
pub static GEN_ARR_AT: Helper = Helper {
    name: "php_gen_arr_at",
    func: h_gen_arr_at,
    effects: EFF_ANY,
};

/// Raises the exception `throw()` left for the generator, if any.
fn gen_pending_throw<'gc, M: Meta<'gc>>(m: &mut M, gen: M::V) -> Option<Action<'gc, M::V>> {
    let th = m.get_field(gen, G_THROW);
    if m.tag(th) == Tag::None {
        return None;
    }
    let e = m.get(th);
    let nv = m.konst(Value::None);
    m.set_field(gen, G_THROW, nv);
    Some(Action::Raise(e))
}

/// Suspends the generator frame: saves its registers, the key and value,
/// where it resumes; returns the value to whoever resumed it.
fn gen_suspend<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    p: &FuncProto,
    gen: M::V,
    key: M::V,
    val: M::V,
    resume_pc: u32,
) -> Action<'gc, M::V> {
    m.set_field(gen, G_KEY, key);
    m.set_field(gen, G_VAL, val);
    let l = m.get_field(gen, G_REGS);
    for i in 0..p.nregs {
        let x = m.reg(fr, i as usize);
        let iv = m.konst(Value::Int(i as i64));
        m.list_set(l, iv, x);
    }
    let pcv = m.konst(Value::Int(resume_pc as i64));
    m.set_field(gen, G_PC, pcv);
    let s = m.konst(Value::Int(GS_SUSPENDED));
    m.set_field(gen, G_STATE, s);
    Action::Return(val)
}

/// Resumes `gen` with `sent`; what it yields (or null when it finishes)
/// goes to `ret`, and this frame continues at `resume_pc`. `first`: this
/// run starts it (it then stops at its first yield).
fn gen_resume<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    gen: M::V,
    sent: M::V,
    ret: R,
    resume_pc: u32,
    first: bool,
) -> Action<'gc, M::V> {
    let f = m.konst(Value::Bool(first));
    m.set_field(gen, G_FIRST, f);
    let running = m.konst(Value::Int(GS_RUNNING));
    m.set_field(gen, G_STATE, running);
    let gpc = m.get_field(gen, G_PC);
    let gpc = m.promote(gpc);
    let pcv = m.konst(gpc);
    let gv = m.promote(gen);
    fr.ret_reg = ret;
    fr.pc = resume_pc;
    Action::Call {
        callee: gv,
        args: vec![sent, pcv],
    }
}

fn h_make_array<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(arr_from_list(mc, a.to_vec()))
}

/// An array of the arguments.
pub static MAKE_ARRAY: Helper = Helper {
    name: "php_make_array",
    func: h_make_array,
    effects: Effects::ALLOCATES,
};

fn h_make_variadic<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (items, bag) = match a.last() {
        Some(l @ Value::List(_)) if heap::list_len(*l) != 1 => (&a[..a.len() - 1], Some(*l)),
        _ => (a, None),
    };
    let arr = arr_from_list(mc, items.to_vec());
    if let Some(b) = bag {
        let kv = heap::list_items(b);
        for pair in kv.chunks(2) {
            if let [k, v] = pair {
                arr_set(mc, arr, *k, *v);
            }
        }
    }
    Ok(arr)
}

/// The array a variadic parameter receives (with a trailing named bag, if any).
pub static MAKE_VARIADIC: Helper = Helper {
    name: "php_make_variadic",
    func: h_make_variadic,
    effects: Effects::READS,
};

fn h_arr_values_list<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let v = deref(a[0]);
    if !is_array(v) {
        return Err(err_str(
            mc,
            "Error",
            "Only arrays and Traversables can be unpacked",
        ));
    }
    let mut items = Vec::new();
    for (k, x) in arr_entries(v) {
        items.push(k);
        items.push(x);
    }
    Ok(heap::new_list_from(mc, items))
}

/// The entries of an array as a flat list `[k0, v0, k1, v1, ...]`. It
/// changes nothing (the caller marks the arrays among the values shared,
/// with its other writes, after its decisions), so a spread call records
/// guards after it.
pub static ARR_ENTRIES: Helper = Helper {
    name: "php_arr_entries",
    func: h_arr_values_list,
    effects: Effects {
        may_raise: true,
        ..Effects::READS
    },
};

fn h_clone<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let (rt, o) = (a[0], deref(a[1]));
    if !is_object(o) {
        return Err(err_str(mc, "Error", "__clone method called on non-object"));
    }
    let cls = heap::get_field(o, O_CLASS);
    let props = heap::new_dict(mc);
    for (k, v) in heap::dict_entries(heap::get_field(o, O_PROPS)) {
        let v = deref(v);
        share(mc, v);
        heap::dict_set(mc, props, k, v);
    }
    let id = next_object_id(mc, rt);
    let n = heap::record_len(o);
    let mut fields = vec![cls, props, Value::Int(id)];
    for i in 3..n {
        fields.push(heap::get_field(o, i));
    }
    Ok(heap::new_record(mc, heap::record_class(o), fields))
}

pub static CLONE: Helper = Helper {
    name: "php_clone",
    func: h_clone,
    effects: EFF_ANY,
};

fn h_verify<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    // (rt, type, value, fname, index, pname, site, nullable_default)
    let ty = a[1].as_str().unwrap_or("mixed");
    let v = deref(a[2]);
    let nullable = matches!(a[7], Value::Bool(true));
    let strict = matches!(a.get(8), Some(Value::Bool(true)));
    let r = if strict {
        coerce_strict(a[0], ty, v, nullable)
    } else {
        coerce(mc, a[0], ty, v, nullable)
    };
    match r {
        Some(x) => Ok(x),
        None => {
            let given = if is_object(v) {
                class_name_of(v)
            } else {
                type_name(v).to_string()
            };
            let site = a[6]
                .as_str()
                .unwrap_or("")
                .trim_start_matches(" in ")
                .to_string();
            Err(err_str(
                mc,
                "TypeError",
                &format!(
                    "{}(): Argument #{} (${}) must be of type {}, {} given, called in {}",
                    a[3].as_str().unwrap_or(""),
                    to_int(a[4]),
                    a[5].as_str().unwrap_or(""),
                    ty,
                    given,
                    site
                ),
            ))
        }
    }
}

/// Checks and coerces a value against a declared type.
pub fn coerce<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    ty: &str,
    v: Value<'gc>,
    nullable: bool,
) -> Option<Value<'gc>> {
    if let Some(inner) = ty.strip_prefix('?') {
        if matches!(v, Value::None) {
            return Some(v);
        }
        return coerce(mc, rt, inner, v, nullable);
    }
    if matches!(v, Value::None) && nullable {
        return Some(v);
    }
    if ty.contains('|') {
        // Exact matches first, then coercions.
        for t in ty.split('|') {
            if let Some(x) = coerce_exact(rt, t, v) {
                return Some(x);
            }
        }
        // Weak mode tries int, float, string, bool, in that order.
        let mut parts: Vec<&str> = ty.split('|').collect();
        parts.sort_by_key(|t| {
            ["int", "float", "string", "bool"]
                .iter()
                .position(|o| t.eq_ignore_ascii_case(o))
                .unwrap_or(4)
        });
        for t in parts {
            if let Some(x) = coerce(mc, rt, t, v, nullable) {
                return Some(x);
            }
        }
        return None;
    }
    if let Some(x) = coerce_exact(rt, ty, v) {
        return Some(x);
    }
    match ty.to_ascii_lowercase().as_str() {
        "int" => match v {
            Value::Float(f) if f.is_finite() => Some(Value::Int(f as i64)),
            Value::Bool(b) => Some(Value::Int(b as i64)),
            Value::Str(s) => match parse_numeric(s.as_str()) {
                Some((NumVal::I(i), true)) => Some(Value::Int(i)),
                Some((NumVal::F(f), true)) if f.fract() == 0.0 => Some(Value::Int(f as i64)),
                _ => None,
            },
            _ => None,
        },
        "float" => match v {
            Value::Int(i) => Some(Value::Float(i as f64)),
            Value::Bool(b) => Some(Value::Float(b as i64 as f64)),
            Value::Str(s) => match parse_numeric(s.as_str()) {
                Some((n, true)) => Some(Value::Float(match n {
                    NumVal::I(i) => i as f64,
                    NumVal::F(f) => f,
                })),
                _ => None,
            },
            _ => None,
        },
        "string" => match v {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => Some(s(mc, &to_str_scalar(v))),
            _ => None,
        },
        "bool" => match v {
            Value::Int(_) | Value::Float(_) | Value::Str(_) => Some(Value::Bool(to_bool(v))),
            _ => None,
        },
        _ => None,
    }
}

/// `declare(strict_types=1)`: exact types only, except int to float.
pub fn coerce_strict<'gc>(
    rt: Value<'gc>,
    ty: &str,
    v: Value<'gc>,
    nullable: bool,
) -> Option<Value<'gc>> {
    if let Some(inner) = ty.strip_prefix('?') {
        if matches!(v, Value::None) {
            return Some(v);
        }
        return coerce_strict(rt, inner, v, nullable);
    }
    if matches!(v, Value::None) && nullable {
        return Some(v);
    }
    for t in ty.split('|') {
        if let Some(x) = coerce_exact(rt, t, v) {
            return Some(x);
        }
    }
    if let Value::Int(i) = v {
        if ty.split('|').any(|t| t.eq_ignore_ascii_case("float")) {
            return Some(Value::Float(i as f64));
        }
    }
    None
}

fn coerce_exact<'gc>(rt: Value<'gc>, ty: &str, v: Value<'gc>) -> Option<Value<'gc>> {
    let lt = ty.to_ascii_lowercase();
    let ok = match lt.as_str() {
        "mixed" => true,
        "int" => matches!(v, Value::Int(_)),
        "float" => matches!(v, Value::Float(_)),
        "string" => matches!(v, Value::Str(_)),
        "bool" => matches!(v, Value::Bool(_)),
        "false" => matches!(v, Value::Bool(false)),
        "true" => matches!(v, Value::Bool(true)),
        "null" | "void" => matches!(v, Value::None),
        "array" => is_array(v),
        "iterable" => is_array(v) || is_object(v),
        "object" => is_object(v),
        "callable" => matches!(v, Value::Str(_)) || is_array(v) || is_object(v),
        "self" | "static" => is_object(v),
        _ => {
            if is_object(v) {
                let cls = heap::get_field(v, O_CLASS);
                instance_of(cls, &lt)
                    || (lt == "closure" && class_data(cls).map_or(false, |c| c.lname == "closure"))
            } else {
                let _ = rt;
                false
            }
        }
    };
    if ok {
        Some(v)
    } else {
        None
    }
}

fn h_verify_ret<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    // (rt, type, value, fname)
    let ty = a[1].as_str().unwrap_or("mixed");
    let v = deref(a[2]);
    let strict = matches!(a.get(4), Some(Value::Bool(true)));
    let r = if strict {
        coerce_strict(a[0], ty, v, false)
    } else {
        coerce(mc, a[0], ty, v, false)
    };
    match r {
        Some(x) => Ok(x),
        None => {
            let given = if is_object(v) {
                class_name_of(v)
            } else {
                type_name(v).to_string()
            };
            Err(err_str(
                mc,
                "TypeError",
                &format!(
                    "{}(): Return value must be of type {}, {} returned",
                    a[3].as_str().unwrap_or(""),
                    ty,
                    given
                ),
            ))
        }
    }
}

pub static VERIFY_RET: Helper = Helper {
    name: "php_verify_ret",
    func: h_verify_ret,
    effects: EFF_ANY,
};

pub static VERIFY: Helper = Helper {
    name: "php_verify",
    func: h_verify,
    effects: EFF_ANY,
};

fn proto_of<'gc>(code: Value<'gc>) -> &'gc Rc<FuncProto> {
    &func_data(code).expect("php code").proto
}

/// The exception for a helper's `Err`: `"Class\0message"` strings become objects.
fn to_exception<'gc>(
    mc: &Mutation<'gc>,
    code: &Code<'gc>,
    p: &FuncProto,
    pc: u32,
    e: Value<'gc>,
) -> Value<'gc> {
    if let Value::Str(st) = e {
        if let Some((cls, msg)) = st.as_str().split_once('\u{0}') {
            let line = p.lines.get(pc as usize).copied().unwrap_or(0);
            return make_exception(mc, code.consts[0], cls, msg, &p.file, line);
        }
    }
    e
}

macro_rules! tryh {
    ($m:expr, $code:expr, $p:expr, $pc:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                let exc = to_exception($m.mc(), $code, $p, $pc, e);
                return Action::Raise(exc);
            }
        }
    };
}

fn raise<'gc, V>(
    mc: &Mutation<'gc>,
    code: &Code<'gc>,
    p: &FuncProto,
    pc: u32,
    class: &str,
    msg: &str,
) -> Action<'gc, V> {
    let line = p.lines.get(pc as usize).copied().unwrap_or(0);
    Action::Raise(make_exception(
        mc,
        code.consts[0],
        class,
        msg,
        &p.file,
        line,
    ))
}

/// Reads a register as a value: a reference cell is dereferenced.
fn deref_v<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> M::V {
    let t = m.tag(v);
    if t == Tag::List {
        let z = m.konst(Value::Int(0));
        m.list_get(v, z)
    } else if t == Tag::StrBuf {
        // Only `AppendCv` works on append-built strings; every read freezes them.
        m.call(&ops::STR_FREEZE, &[v]).unwrap_or(v)
    } else {
        v
    }
}

fn read_cv<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>, cv: R) -> M::V {
    let v = m.reg(fr, cv as usize);
    deref_v(m, v)
}

/// A `BinCv` operand: register `r` as it is when `name` is `NONE`, else
/// the CV `r` read as `LoadCv` reads it (undefined: a warning, then null).
#[inline(always)]
fn operand_cv<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &Frame<'gc>,
    code: &Code<'gc>,
    p: &FuncProto,
    pc: u32,
    r: R,
    name: u32,
) -> M::V {
    if name == NONE {
        return m.reg(fr, r as usize);
    }
    let v = read_cv(m, fr, r);
    if m.tag(v) != Tag::Absent {
        return v;
    }
    let msg = m.konst(s(m.mc(), "Undefined variable $"));
    let n = m.konst(code.consts[name as usize]);
    let l = m.konst(code.consts[p.loc_k[pc as usize] as usize]);
    let _ = m.call(&ops::WARN, &[msg, n, l]);
    m.konst(Value::None)
}

fn write_cv<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>, cv: R, v: M::V) {
    let cur = m.reg(fr, cv as usize);
    if m.tag(cur) == Tag::List {
        let z = m.konst(Value::Int(0));
        m.list_set(cur, z, v);
    } else {
        m.set_reg(fr, cv as usize, v);
    }
}

/// Whether `v` (not a reference) is a PHP array; records the tests.
fn is_arr<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> bool {
    if m.tag(v) != Tag::Record {
        return false;
    }
    let f0 = m.get_field(v, 0);
    matches!(m.tag(f0), Tag::Dict | Tag::List)
}

/// Whether int `key` indexes an element of the packed storage `store`
/// (`0 <= key < len`); records the bounds tests.
fn packed_has<'gc, M: Meta<'gc>>(m: &mut M, store: M::V, key: M::V) -> bool {
    let z = m.konst(Value::Int(0));
    let ge = m.int_cmp(Cmp::Ge, key, z);
    if !m.truth(ge) {
        return false;
    }
    let n = m.list_len(store);
    let lt = m.int_cmp(Cmp::Lt, key, n);
    m.truth(lt)
}

/// The raw slot (maybe a reference cell) at `key` of an array's storage
/// (packed `List` or `Dict`), `Absent` when there is none. A non-int key
/// is never in packed storage.
fn slot_of<'gc, M: Meta<'gc>>(m: &mut M, store: M::V, key: M::V) -> M::V {
    if m.tag(store) == Tag::List {
        if m.tag(key) == Tag::Int && packed_has(m, store, key) {
            m.list_get(store, key)
        } else {
            m.konst(Value::Absent)
        }
    } else {
        m.dict_get(store, key)
    }
}

/// Replaces the raw slot at `key`, which [`slot_of`] found in `store`.
fn replace_slot<'gc, M: Meta<'gc>>(m: &mut M, store: M::V, key: M::V, v: M::V) {
    if m.tag(store) == Tag::List {
        m.list_set(store, key, v);
    } else {
        m.dict_set(store, key, v);
    }
}

/// `arr[key] = val` for an int `key` on an unshared array, when it needs no
/// helper (an existing element, a packed append, a new key of a hashed
/// array below php's next free key or a key that moves it); `false` leaves
/// the store to `DIM_SET`. All decisions come before the writes.
fn set_int_fast<'gc, M: Meta<'gc>>(m: &mut M, arr: M::V, key: M::V, val: M::V) -> bool {
    let store = m.get_field(arr, A_DICT);
    let z = m.konst(Value::Int(0));
    let one = m.konst(Value::Int(1));
    if m.tag(store) == Tag::List {
        if packed_has(m, store, key) {
            let old = m.list_get(store, key);
            match m.tag(old) {
                Tag::List => m.list_set(old, z, val),
                // A hole: filling it changes the key order (`arr_set_slot`).
                Tag::Absent => return false,
                _ => m.list_set(store, key, val),
            }
            return true;
        }
        let n = m.list_len(store);
        let at_end = m.int_cmp(Cmp::Eq, key, n);
        if !m.truth(at_end) {
            return false;
        }
        // Append: the next free key becomes n + 1 unless it is beyond that.
        let n1 = m.int(vm_core::jit::ir::IntOp::Add, n, one);
        let nk = m.get_field(arr, A_NEXT);
        let bump = if m.tag(nk) == Tag::Int {
            let c = m.int_cmp(Cmp::Lt, nk, n1);
            m.truth(c)
        } else {
            true
        };
        m.list_append(store, val);
        if bump {
            m.set_field(arr, A_NEXT, n1);
        }
        return true;
    }
    if ops::STORE_VIA_HELPER && m.tag(store) == Tag::Dict {
        // One probe: new key (and next free key), existing one, or cell.
        let _ = m.call(&ops::ARR_SET, &[arr, key, val]);
        return true;
    }
    let old = m.dict_get(store, key);
    if m.tag(old) == Tag::List {
        m.list_set(old, z, val);
        return true;
    }
    let nk = m.get_field(arr, A_NEXT);
    let ge = if m.tag(nk) == Tag::Int {
        let c = m.int_cmp(Cmp::Ge, key, nk);
        m.truth(c)
    } else {
        true
    };
    if ge {
        match m.int_ovf(OvfOp::Add, key, one) {
            Some(n1) => {
                m.dict_set(store, key, val);
                m.set_field(arr, A_NEXT, n1);
                true
            }
            None => false,
        }
    } else {
        m.dict_set(store, key, val);
        true
    }
}

/// `arr[key] = val` on an unshared array without a helper when it can:
/// int keys through [`set_int_fast`], string keys through [`set_str_fast`].
fn set_fast<'gc, M: Meta<'gc>>(m: &mut M, arr: M::V, key: M::V, val: M::V) -> bool {
    match m.tag(key) {
        Tag::Int => set_int_fast(m, arr, key, val),
        Tag::Str => set_str_fast(m, arr, key, val),
        _ => false,
    }
}

/// `arr[key] = val` for a string `key` on an unshared hashed array. The key
/// is normalised by the pure `STR_KEY` and not guarded on ("5" and "a" take
/// the same path); a new key goes through `ARR_SET`, a packed array is left
/// to `DIM_SET`.
fn set_str_fast<'gc, M: Meta<'gc>>(m: &mut M, arr: M::V, key: M::V, val: M::V) -> bool {
    let store = m.get_field(arr, A_DICT);
    if m.tag(store) != Tag::Dict {
        return false;
    }
    if ops::STORE_VIA_HELPER || is_new_key(m, store, key) {
        // One call and one probe (correct whether or not the key exists, so
        // nothing is guarded on which it was here).
        let _ = m.call(&ops::ARR_STORE, &[arr, key, val]);
        return true;
    }
    let Ok(nk) = m.call(&ops::STR_KEY, &[key]) else {
        return false;
    };
    let old = m.dict_get(store, nk);
    match m.tag(old) {
        // A new key, string or int (an int may move the next free key): no
        // guard on which, as a loop may meet both ("a", "10").
        Tag::Absent => {
            let _ = m.call(&ops::ARR_SET, &[arr, nk, val]);
        }
        Tag::List => {
            let z = m.konst(Value::Int(0));
            m.list_set(old, z, val);
        }
        _ => m.dict_set(store, nk, val),
    }
    true
}

/// Whether the string `key` is missing from the dict `store` now (looked
/// at, not recorded: the caller's paths are each right either way).
fn is_new_key<'gc, M: Meta<'gc>>(m: &mut M, store: M::V, key: M::V) -> bool {
    let (Value::Dict(d), k) = (m.get(store), m.get(key)) else {
        return false;
    };
    let k = match k {
        Value::Str(s) if matches!(s.as_str().as_bytes().first(), Some(b'0'..=b'9' | b'-')) => {
            norm_key(m.mc(), k).unwrap_or(k)
        }
        k => k,
    };
    !d.borrow().contains_key(&heap::Key(k))
}

fn is_obj<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> bool {
    if m.tag(v) != Tag::Record {
        return false;
    }
    let f0 = m.get_field(v, 0);
    m.tag(f0) == Tag::Code
}

fn truthy<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> bool {
    match m.tag(v) {
        Tag::Bool => m.truth(v),
        Tag::Int => {
            let z = m.konst(Value::Int(0));
            let c = m.int_cmp(Cmp::Ne, v, z);
            m.truth(c)
        }
        Tag::None | Tag::Absent => false,
        _ => match m.call(&ops::TO_BOOL, &[v]) {
            Ok(b) => m.truth(b),
            Err(_) => false,
        },
    }
}

fn new_array_v<'gc, M: Meta<'gc>>(m: &mut M) -> M::V {
    // Arrays start packed (see `value.rs`).
    let d = m.new_list();
    let cls = m.konst(Value::None);
    let z = m.konst(Value::None);
    let f = m.konst(Value::Bool(false));
    let h = m.konst(Value::Int(0));
    m.new_record(cls, &[d, z, f, h])
}

/// Prepares the array held in `holder` (a value) for writing: separates a
/// shared array. Returns (array, replaced?) — when replaced, the caller stores it back.
fn separate<'gc, M: Meta<'gc>>(m: &mut M, arr: M::V) -> (M::V, bool) {
    let sh = m.get_field(arr, A_SHARED);
    if m.truth(sh) {
        match m.call(&ops::ARR_COPY, &[arr]) {
            Ok(c) => (c, true),
            Err(_) => (arr, false),
        }
    } else {
        (arr, false)
    }
}

fn class_by_name<'gc>(rt: Value<'gc>, name: &str) -> Value<'gc> {
    lookup_class(rt, name)
}

fn resolve_class<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &Frame<'gc>,
    code: &Code<'gc>,
    spec: ClassSpec,
) -> Result<Value<'gc>, String> {
    let rt = code.consts[0];
    match spec {
        ClassSpec::Named(k) => {
            let name = code.consts[k as usize].as_str().unwrap_or("");
            let c = class_by_name(rt, name);
            if let Value::None = c {
                return Err(format!("Class \"{name}\" not found"));
            }
            Ok(c)
        }
        ClassSpec::SelfC => {
            let c = code.consts[2];
            if let Value::None = c {
                return Err("Cannot use \"self\" when no class scope is active".into());
            }
            Ok(c)
        }
        ClassSpec::Parent => {
            let c = code.consts[2];
            let p = class_const(c, C_PARENT);
            if let Value::None = p {
                return Err("Cannot use \"parent\" when current class scope has no parent".into());
            }
            Ok(p)
        }
        ClassSpec::Static => {
            let v = m.reg(fr, CLASS as usize);
            let c = m.promote(v);
            if let Value::Code(_) = c {
                Ok(c)
            } else {
                let c = code.consts[2];
                if let Value::None = c {
                    return Err("Cannot use \"static\" when no class scope is active".into());
                }
                Ok(c)
            }
        }
        ClassSpec::Dyn(r) => {
            let v = m.reg(fr, r as usize);
            let v = deref_v(m, v);
            match m.tag(v) {
                Tag::Str => {
                    let s = m.promote(v);
                    let name = s.as_str().unwrap_or("");
                    let c = class_by_name(rt, name);
                    if let Value::None = c {
                        return Err(format!("Class \"{name}\" not found"));
                    }
                    Ok(c)
                }
                Tag::Record => {
                    let f0 = m.get_field(v, 0);
                    if m.tag(f0) == Tag::Code {
                        Ok(m.promote(f0))
                    } else {
                        Err("Cannot use value as class name".into())
                    }
                }
                _ => Err("Cannot use value as class name".into()),
            }
        }
    }
}

/// Visibility/readonly check of a property access (None: nothing to check).
fn check_prop<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &Frame<'gc>,
    code: &Code<'gc>,
    obj: M::V,
    name: M::V,
    write: bool,
    initialized: bool,
) -> Option<PropAccess> {
    let f0 = m.get_field(obj, O_CLASS);
    let cls = m.promote(f0);
    let cd = class_data(cls)?;
    if cd
        .props
        .iter()
        .all(|p| p.vis == crate::ast::Visibility::Public && !p.readonly)
    {
        return None;
    }
    if m.tag(name) != Tag::Str {
        return None;
    }
    let nm = m.promote(name);
    let scope = scope_of(m, fr, code);
    let acc = prop_access(cls, scope, nm.as_str().unwrap_or(""), write, initialized);
    Some(acc)
}

/// The class scope for visibility: the method's class, or a closure's bound scope.
fn scope_of<'gc, M: Meta<'gc>>(m: &mut M, fr: &Frame<'gc>, code: &Code<'gc>) -> Value<'gc> {
    let p = proto_of(fr.code);
    if p.is_closure {
        let c = m.reg(fr, CLASS as usize);
        let c = m.promote(c);
        if let Value::Code(_) = c {
            return c;
        }
    }
    code.consts[2]
}

/// Calls an `ArrayAccess` method on `obj` (result discarded), if its class has it.
#[allow(clippy::too_many_arguments)]
fn offset_call<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    code: &Code<'gc>,
    p: &FuncProto,
    pc: u32,
    obj: M::V,
    name: &str,
    args: &[M::V],
) -> Option<Action<'gc, M::V>> {
    let f0 = m.get_field(obj, O_CLASS);
    let cls = m.promote(f0);
    let meth = find_method(cls, name);
    if let Value::Code(_) = meth {
        let k = m.konst(cls);
        let site = m.konst(code.consts[p.loc_k[pc as usize] as usize]);
        let mut full = vec![obj, k, site];
        full.extend_from_slice(args);
        fr.ret_reg = SCRATCH;
        fr.pc = pc + 1;
        return Some(Action::Call {
            callee: meth,
            args: full,
        });
    }
    None
}

/// What a call resolved to.
enum Callee<'gc, V> {
    /// A PHP function or method code object (or closure record) with this/class.
    Php(Value<'gc>, V, V),
    /// A builtin by id.
    Builtin(u16),
}

fn proto_for_callee<'gc>(c: Value<'gc>) -> Option<&'gc Rc<FuncProto>> {
    match c {
        Value::Code(_) => func_data(c).map(|f| &f.proto),
        Value::Record(_) => func_data(heap::record_class(c)).map(|f| &f.proto),
        _ => None,
    }
}

fn method_display(cls: Value<'_>, name: &str) -> String {
    format!(
        "{}::{}",
        class_data(cls).map(|c| c.name.as_str()).unwrap_or("?"),
        name
    )
}

/// Resolves a callable value (string, array, closure, invokable object).
fn resolve_callable<'gc, M: Meta<'gc>>(
    m: &mut M,
    code: &Code<'gc>,
    fr: &Frame<'gc>,
    v: M::V,
) -> Result<(Callee<'gc, M::V>, Option<String>), String> {
    let rt = code.consts[0];
    let none = m.konst(Value::None);
    match m.tag(v) {
        Tag::Str => {
            let sv = m.promote(v);
            let name = sv.as_str().unwrap_or("").trim_start_matches('\\');
            if let Some((cn, mn)) = name.split_once("::") {
                let cls = class_by_name(rt, cn);
                if let Value::None = cls {
                    return Err(format!("Class \"{cn}\" not found"));
                }
                let meth = find_method(cls, &mn.to_ascii_lowercase());
                if let Value::None = meth {
                    return Err(format!(
                        "Call to undefined method {}()",
                        method_display(cls, mn)
                    ));
                }
                let k = m.konst(cls);
                return Ok((Callee::Php(meth, none, k), None));
            }
            let lname = name.to_ascii_lowercase();
            let f = dict_get_str(rt_field(rt, RT_FUNCS), &lname);
            if let Value::Code(_) = f {
                return Ok((Callee::Php(f, none, none), None));
            }
            if let Some((id, _)) = builtins::lookup(&lname) {
                return Ok((Callee::Builtin(id), None));
            }
            Err(format!("Call to undefined function {name}()"))
        }
        Tag::Record => {
            let f0 = m.get_field(v, 0);
            match m.tag(f0) {
                Tag::Dict | Tag::List => {
                    // [obj-or-class, 'method']
                    let z = m.konst(Value::Int(0));
                    let one = m.konst(Value::Int(1));
                    let d = f0;
                    let target = slot_of(m, d, z);
                    let target = deref_v(m, target);
                    let mname = slot_of(m, d, one);
                    let mname = deref_v(m, mname);
                    let mn = m.promote(mname);
                    let mn = mn.as_str().unwrap_or("").to_string();
                    match m.tag(target) {
                        Tag::Str => {
                            let cn = m.promote(target);
                            let cn = cn.as_str().unwrap_or("");
                            let cls = class_by_name(rt, cn);
                            if let Value::None = cls {
                                return Err(format!("Class \"{cn}\" not found"));
                            }
                            let mn2 = mn.rsplit("::").next().unwrap_or(&mn).to_string();
                            let meth = find_method(cls, &mn2.to_ascii_lowercase());
                            if let Value::None = meth {
                                return Err(format!(
                                    "Call to undefined method {}()",
                                    method_display(cls, &mn2)
                                ));
                            }
                            let k = m.konst(cls);
                            // Non-static method called statically with a compatible $this.
                            let this = m.reg(fr, THIS as usize);
                            let this_v = m.get(this);
                            let t = if is_object(this_v)
                                && instance_of(
                                    heap::get_field(this_v, O_CLASS),
                                    &class_data(cls).map(|c| c.lname.clone()).unwrap_or_default(),
                                ) {
                                this
                            } else {
                                none
                            };
                            Ok((Callee::Php(meth, t, k), None))
                        }
                        Tag::Record => {
                            let cls = m.get_field(target, 0);
                            let cls = m.promote(cls);
                            let meth = find_method(cls, &mn.to_ascii_lowercase());
                            if let Value::None = meth {
                                let call = find_method(cls, "__call");
                                if let Value::Code(_) = call {
                                    let k = m.konst(cls);
                                    return Ok((Callee::Php(call, target, k), Some(mn)));
                                }
                                return Err(format!(
                                    "Call to undefined method {}()",
                                    method_display(cls, &mn)
                                ));
                            }
                            let k = m.konst(cls);
                            Ok((Callee::Php(meth, target, k), None))
                        }
                        _ => Err("Array callback must have exactly two elements".into()),
                    }
                }
                Tag::Code => {
                    let cls = m.promote(f0);
                    if class_data(cls).map_or(false, |c| c.lname == "closure") {
                        let c = m.promote(v);
                        let this = m.get_field(v, 4);
                        let scope = m.get_field(v, 5);
                        return Ok((Callee::Php(c, this, scope), None));
                    }
                    let inv = find_method(cls, "__invoke");
                    if let Value::Code(_) = inv {
                        let k = m.konst(cls);
                        return Ok((Callee::Php(inv, v, k), None));
                    }
                    Err("Object of type ".to_string()
                        + &class_data(cls).map(|c| c.name.clone()).unwrap_or_default()
                        + " is not callable")
                }
                _ => Err("Value not callable".into()),
            }
        }
        _ => Err("Value not callable".into()),
    }
}

/// The key and value registers of the `DimSet` right after the fetch at
/// `pc` when it writes into the fetch's result `d` (`$a[k][i] = v` and
/// `$o->p[i] = v` compile to a fetch for write, then that `DimSet`, with
/// `i` and `v` evaluated before the fetch): a fetch that finds a string
/// does the string offset write itself and skips the `DimSet`.
fn str_offset_next(p: &FuncProto, pc: u32, d: R) -> Option<(R, R)> {
    match p.ops.get(pc as usize + 1) {
        Some(Op::DimSet(b, k, v)) if *b == d => Some((*k, *v)),
        _ => None,
    }
}

/// The interpreter loop for one frame.
pub fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    let code: &'gc Code<'gc> = heap::as_code(fr.code).expect("php frame code");
    let p: &'gc FuncProto = &func_data(fr.code).expect("php code").proto;
    let rt = code.consts[0];
    loop {
        let pc = fr.pc;
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        if !fr.shadow.is_empty() {
            // Recording (the JIT shadows this frame's registers): dead temps
            // become null, so the trace does not keep their values alive.
            let null = m.konst(Value::None);
            for &r in &p.temps[p.dead_from[pc as usize] as usize..] {
                m.set_reg(fr, r as usize, null);
            }
        }
        let op = &p.ops[pc as usize];
        let mut next = pc + 1;
        macro_rules! reg {
            ($r:expr) => {
                m.reg(fr, $r as usize)
            };
        }
        macro_rules! set {
            ($r:expr, $v:expr) => {{
                let v = $v;
                m.set_reg(fr, $r as usize, v)
            }};
        }
        macro_rules! k {
            ($i:expr) => {
                m.konst(code.consts[$i as usize])
            };
        }
        macro_rules! loc {
            () => {
                m.konst(code.consts[p.loc_k[pc as usize] as usize])
            };
        }
        macro_rules! helper {
            ($h:expr, $args:expr) => {{
                let args_v: &[M::V] = $args;
                tryh!(m, code, p, pc, m.call($h, args_v))
            }};
        }
        macro_rules! throw {
            ($cls:expr, $msg:expr) => {
                return raise(m.mc(), code, p, pc, $cls, &$msg)
            };
        }
        match op {
            Op::Nop => {}
            Op::Loop => {
                if m.merge_point(fr, pc) {
                    return Action::Jit;
                }
            }
            Op::Const(d, i) => {
                let v = k!(*i);
                set!(*d, v);
            }
            Op::Move(d, s_) => {
                let v = reg!(*s_);
                set!(*d, v);
            }
            Op::LoadCv(d, cv, name) | Op::LoadGlobalCv(d, cv, name) => {
                let v = read_cv(m, fr, *cv);
                if m.tag(v) == Tag::Absent {
                    let text = if matches!(op, Op::LoadGlobalCv(..)) {
                        "Undefined global variable $"
                    } else {
                        "Undefined variable $"
                    };
                    let msg = m.konst(s(m.mc(), text));
                    let n = k!(*name);
                    let l = loc!();
                    let _ = m.call(&ops::WARN, &[msg, n, l]);
                    let nv = m.konst(Value::None);
                    set!(*d, nv);
                } else {
                    set!(*d, v);
                }
            }
            Op::LoadCvQ(d, cv) => {
                let v = read_cv(m, fr, *cv);
                set!(*d, v);
            }
            Op::StoreCv(cv, src) => {
                let v = reg!(*src);
                write_cv(m, fr, *cv, v);
            }
            Op::Share(r) => {
                let v = reg!(*r);
                if is_arr(m, v) {
                    let sh = m.get_field(v, A_SHARED);
                    if !m.truth(sh) {
                        let t = m.konst(Value::Bool(true));
                        m.set_field(v, A_SHARED, t);
                    }
                }
            }
            Op::AppendCv(d, cv, rhs, target) => {
                let cur = reg!(*cv);
                let tc = m.tag(cur);
                if tc == Tag::Str || tc == Tag::StrBuf {
                    let rv = reg!(*rhs);
                    let tr = m.tag(rv);
                    if tr == Tag::Str || tr == Tag::Int {
                        if *d == NONE {
                            // A statement: the register is the only holder.
                            let r = helper!(&ops::STR_APPEND_OWNED, &[cur, rv]);
                            set!(*cv, r);
                        } else {
                            let r = helper!(&ops::STR_APPEND, &[cur, rv]);
                            set!(*cv, r);
                            set!(*d, r);
                        }
                        next = *target;
                    }
                }
                if tc == Tag::StrBuf && next != *target {
                    // The generic path reads the variable: give it a plain string.
                    let f = helper!(&ops::STR_FREEZE, &[cur]);
                    set!(*cv, f);
                }
            }
            Op::DimOp(bop, d, b, k, v) => {
                let base = reg!(*b);
                let key = reg!(*k);
                let mut r = None;
                if matches!(m.tag(key), Tag::Int | Tag::Str) && m.tag(base) == Tag::Record {
                    let store = m.get_field(base, A_DICT);
                    if m.tag(store) == Tag::Dict {
                        let val = reg!(*v);
                        let opk = m.konst(Value::Int(match bop {
                            BinOp::Add => 0,
                            BinOp::Sub => 1,
                            _ => 2,
                        }));
                        r = Some(helper!(&ops::ARR_OP, &[base, key, val, opk]));
                    }
                }
                let r = match r {
                    Some(r) => r,
                    None => m.konst(Value::Absent),
                };
                set!(*d, r);
                // Not recording: take the `JmpNotNull` that follows here
                // (a trace must test the result in that next instruction).
                if fr.shadow.is_empty() && !matches!(m.get(r), Value::Absent) {
                    if let Some(Op::JmpNotNull(_, t)) = p.ops.get(next as usize) {
                        next = *t;
                    }
                }
            }
            Op::NoStrOffsetOp(b, incdec) => {
                let base = reg!(*b);
                if matches!(m.tag(base), Tag::Str | Tag::StrBuf) {
                    throw!(
                        "Error",
                        if *incdec {
                            "Cannot increment/decrement string offsets"
                        } else {
                            "Cannot use assign-op operators with string offsets"
                        }
                        .to_string()
                    );
                }
            }
            Op::MakeRefCv(d, cv) => {
                let v = reg!(*cv);
                let v = if m.tag(v) == Tag::StrBuf {
                    let f = helper!(&ops::STR_FREEZE, &[v]);
                    set!(*cv, f);
                    f
                } else {
                    v
                };
                if m.tag(v) == Tag::List {
                    set!(*d, v);
                } else {
                    let init = if m.tag(v) == Tag::Absent {
                        m.konst(Value::None)
                    } else {
                        v
                    };
                    let cell = m.new_list();
                    m.list_append(cell, init);
                    set!(*cv, cell);
                    set!(*d, cell);
                }
            }
            Op::BindCv(cv, cell) => {
                let c = reg!(*cell);
                set!(*cv, c);
            }
            Op::UnsetCv(cv) => {
                let a = m.konst(Value::Absent);
                set!(*cv, a);
            }
            Op::BindGlobal(cv, kk) => {
                let stmt = kk & GLOBAL_STMT != 0;
                let name = code.consts[(kk & !GLOBAL_STMT) as usize];
                let globals = rt_field(rt, RT_GLOBALS);
                let mut cell = heap::dict_get(globals, name);
                if !matches!(cell, Value::List(_)) {
                    cell = new_ref(m.mc(), Value::Absent);
                    heap::dict_set(m.mc(), globals, name, cell);
                }
                if stmt && matches!(heap::list_get(cell, 0), Value::Absent) {
                    heap::list_set(m.mc(), cell, 0, Value::None);
                }
                let c = m.konst(cell);
                set!(*cv, c);
            }
            Op::BindStatic(cv, name, target) => {
                let statics = code.consts[1];
                let nm = code.consts[*name as usize];
                let cell = heap::dict_get(statics, nm);
                if let Value::List(_) = cell {
                    let c = m.konst(cell);
                    set!(*cv, c);
                    next = *target;
                } else {
                    let cell = new_ref(m.mc(), Value::None);
                    heap::dict_set(m.mc(), statics, nm, cell);
                    let c = m.konst(cell);
                    set!(*cv, c);
                }
            }
            Op::Bin(bop, d, a, b) | Op::BinCv(bop, d, a, b, ..) => {
                let (x, y) = match op {
                    Op::BinCv(.., na, nb) => (
                        operand_cv(m, fr, code, p, pc, *a, *na),
                        operand_cv(m, fr, code, p, pc, *b, *nb),
                    ),
                    _ => (reg!(*a), reg!(*b)),
                };
                let (tx, ty) = (m.tag(x), m.tag(y));
                let fast = match (bop, tx, ty) {
                    (BinOp::Add | BinOp::Sub | BinOp::Mul, Tag::Int, Tag::Int) => {
                        let o = match bop {
                            BinOp::Add => OvfOp::Add,
                            BinOp::Sub => OvfOp::Sub,
                            _ => OvfOp::Mul,
                        };
                        match m.int_ovf(o, x, y) {
                            Some(r) => Some(r),
                            None => {
                                let fx = m.int_to_float(x);
                                let fy = m.int_to_float(y);
                                let fo = match bop {
                                    BinOp::Add => FloatOp::Add,
                                    BinOp::Sub => FloatOp::Sub,
                                    _ => FloatOp::Mul,
                                };
                                Some(m.float(fo, fx, fy))
                            }
                        }
                    }
                    (BinOp::Concat, Tag::Str | Tag::Int, Tag::Str | Tag::Int) => {
                        m.call(&ops::CONCAT, &[x, y]).ok()
                    }
                    (BinOp::Div, Tag::Int, Tag::Int) => {
                        // php: an int when exact, else the doubles' quotient.
                        // Division by 0 or -1 (MIN / -1) takes the slow path.
                        let z = m.konst(Value::Int(0));
                        let m1 = m.konst(Value::Int(-1));
                        let isz = m.int_cmp(Cmp::Eq, y, z);
                        let ism1 = m.int_cmp(Cmp::Eq, y, m1);
                        if m.truth(isz) || m.truth(ism1) {
                            None
                        } else {
                            let r = m.int(vm_core::jit::ir::IntOp::TruncRem, x, y);
                            let exact = m.int_cmp(Cmp::Eq, r, z);
                            if m.truth(exact) {
                                Some(m.int(vm_core::jit::ir::IntOp::TruncDiv, x, y))
                            } else {
                                let fx = m.int_to_float(x);
                                let fy = m.int_to_float(y);
                                Some(m.float(FloatOp::Div, fx, fy))
                            }
                        }
                    }
                    (
                        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div,
                        Tag::Float | Tag::Int,
                        Tag::Float | Tag::Int,
                    ) if (tx == Tag::Float || ty == Tag::Float) => {
                        let fx = if tx == Tag::Int { m.int_to_float(x) } else { x };
                        let fy = if ty == Tag::Int { m.int_to_float(y) } else { y };
                        if *bop == BinOp::Div {
                            let z = m.konst(Value::Float(0.0));
                            let isz = m.float_cmp(Cmp::Eq, fy, z);
                            if m.truth(isz) {
                                None
                            } else {
                                Some(m.float(FloatOp::Div, fx, fy))
                            }
                        } else {
                            let fo = match bop {
                                BinOp::Add => FloatOp::Add,
                                BinOp::Sub => FloatOp::Sub,
                                _ => FloatOp::Mul,
                            };
                            Some(m.float(fo, fx, fy))
                        }
                    }
                    (
                        BinOp::Lt
                        | BinOp::Le
                        | BinOp::Gt
                        | BinOp::Ge
                        | BinOp::Eq
                        | BinOp::Ne
                        | BinOp::Identical
                        | BinOp::NotIdentical,
                        Tag::Int,
                        Tag::Int,
                    ) => {
                        let c = cmp_of(bop);
                        Some(m.int_cmp(c, x, y))
                    }
                    (
                        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne,
                        Tag::Int | Tag::Str,
                        Tag::Int | Tag::Str,
                    ) if (tx == Tag::Str) != (ty == Tag::Str) => {
                        // An int and a string (`$i < $argv[1]`): numerically when
                        // the string is numeric, else the generic path.
                        let absent = m.konst(Value::Absent);
                        let (nx, ny) = if tx == Tag::Str {
                            (m.call(&ops::NUMERIC_STR, &[x]).unwrap_or(absent), y)
                        } else {
                            (x, m.call(&ops::NUMERIC_STR, &[y]).unwrap_or(absent))
                        };
                        let c = cmp_of(bop);
                        match (m.tag(nx), m.tag(ny)) {
                            (Tag::Int, Tag::Int) => Some(m.int_cmp(c, nx, ny)),
                            (Tag::Int | Tag::Float, Tag::Int | Tag::Float) => {
                                let fx = if m.tag(nx) == Tag::Int {
                                    m.int_to_float(nx)
                                } else {
                                    nx
                                };
                                let fy = if m.tag(ny) == Tag::Int {
                                    m.int_to_float(ny)
                                } else {
                                    ny
                                };
                                Some(m.float_cmp(c, fx, fy))
                            }
                            _ => None,
                        }
                    }
                    (
                        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne,
                        Tag::Float | Tag::Int,
                        Tag::Float | Tag::Int,
                    ) if (tx == Tag::Float || ty == Tag::Float) => {
                        // php 8 compares an int with a float as doubles.
                        let c = cmp_of(bop);
                        let fx = if tx == Tag::Int { m.int_to_float(x) } else { x };
                        let fy = if ty == Tag::Int { m.int_to_float(y) } else { y };
                        Some(m.float_cmp(c, fx, fy))
                    }
                    (BinOp::Identical | BinOp::NotIdentical, Tag::Float, Tag::Float) => {
                        let c = if *bop == BinOp::Identical {
                            Cmp::Eq
                        } else {
                            Cmp::Ne
                        };
                        Some(m.float_cmp(c, x, y))
                    }
                    (BinOp::Mod, Tag::Int, Tag::Int) => {
                        let z = m.konst(Value::Int(0));
                        let m1 = m.konst(Value::Int(-1));
                        let isz = m.int_cmp(Cmp::Eq, y, z);
                        if m.truth(isz) {
                            None
                        } else {
                            let ism1 = m.int_cmp(Cmp::Eq, y, m1);
                            if m.truth(ism1) {
                                Some(z)
                            } else {
                                Some(m.int(vm_core::jit::ir::IntOp::TruncRem, x, y))
                            }
                        }
                    }
                    (BinOp::Shl | BinOp::Shr, Tag::Int, Tag::Int) => {
                        // Amounts outside 0..64 (0, -1 or ArithmeticError) take the slow path.
                        let z = m.konst(Value::Int(0));
                        let w = m.konst(Value::Int(64));
                        let lo = m.int_cmp(Cmp::Ge, y, z);
                        if m.truth(lo) {
                            let hi = m.int_cmp(Cmp::Lt, y, w);
                            if m.truth(hi) {
                                let io = if *bop == BinOp::Shl {
                                    vm_core::jit::ir::IntOp::Shl
                                } else {
                                    vm_core::jit::ir::IntOp::Shr
                                };
                                Some(m.int(io, x, y))
                            } else {
                                None
                            }
                        } else {
                            None
                        }
                    }
                    (BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor, Tag::Int, Tag::Int) => {
                        let io = match bop {
                            BinOp::BitAnd => vm_core::jit::ir::IntOp::And,
                            BinOp::BitOr => vm_core::jit::ir::IntOp::Or,
                            _ => vm_core::jit::ir::IntOp::Xor,
                        };
                        Some(m.int(io, x, y))
                    }
                    _ => None,
                };
                match fast {
                    Some(r) => {
                        set!(*d, r);
                        // A comparison feeding the branch that follows (a loop or
                        // `if` condition): take the branch here, saving a dispatch.
                        // Jumps to the branch still run it on its own; a guard
                        // in it resumes at this (pure) comparison, which is redone.
                        let is_cmp = matches!(
                            bop,
                            BinOp::Lt
                                | BinOp::Le
                                | BinOp::Gt
                                | BinOp::Ge
                                | BinOp::Eq
                                | BinOp::Ne
                                | BinOp::Identical
                                | BinOp::NotIdentical
                        );
                        match p.ops.get(next as usize) {
                            Some(Op::JmpIfNot(c, t)) if is_cmp && *c == *d => {
                                next = if m.truth(r) { next + 1 } else { *t };
                            }
                            Some(Op::JmpIf(c, t)) if is_cmp && *c == *d => {
                                next = if m.truth(r) { *t } else { next + 1 };
                            }
                            _ => {}
                        }
                    }
                    None => {
                        if *bop == BinOp::Concat || *bop == BinOp::Eq || *bop == BinOp::Ne {
                            // __toString on object operands (not for ==).
                            let other_str = |t: Tag| t == Tag::Str;
                            if *bop == BinOp::Concat || (other_str(tx) || other_str(ty)) {
                                for r in [*a, *b] {
                                    let v = reg!(r);
                                    if let Some(act) = to_string_call(m, fr, code, r, v, pc) {
                                        return act;
                                    }
                                }
                            }
                        }
                        let opk = m.konst(Value::Int(ops::op_index(*bop)));
                        let l = loc!();
                        let r = helper!(&ops::BINOP, &[opk, x, y, l]);
                        set!(*d, r);
                    }
                }
            }
            Op::IncDec(d, a, inc) => {
                let v = reg!(*a);
                let done = if m.tag(v) == Tag::Int {
                    let one = m.konst(Value::Int(1));
                    let o = if *inc { OvfOp::Add } else { OvfOp::Sub };
                    match m.int_ovf(o, v, one) {
                        Some(r) => {
                            set!(*d, r);
                            true
                        }
                        None => false,
                    }
                } else {
                    false
                };
                if !done {
                    let id = m.konst(Value::Int(builtins::id_of("__incdec") as i64));
                    let flag = m.konst(Value::Bool(*inc));
                    let rtv = m.konst(rt);
                    let r = helper!(&builtins::BUILTIN, &[id, rtv, v, flag]);
                    set!(*d, r);
                }
            }
            Op::IncDecCv(d, cv, inc, pre, target) => {
                let holder = reg!(*cv);
                let is_cell = m.tag(holder) == Tag::List;
                let z = m.konst(Value::Int(0));
                let cur = if is_cell {
                    m.list_get(holder, z)
                } else {
                    holder
                };
                // Every test comes before the write.
                let new = match m.tag(cur) {
                    Tag::Int => {
                        let one = m.konst(Value::Int(1));
                        let o = if *inc { OvfOp::Add } else { OvfOp::Sub };
                        m.int_ovf(o, cur, one)
                    }
                    Tag::Float => {
                        let one = m.konst(Value::Float(1.0));
                        let o = if *inc { FloatOp::Add } else { FloatOp::Sub };
                        Some(m.float(o, cur, one))
                    }
                    _ => None,
                };
                if let Some(n) = new {
                    if is_cell {
                        m.list_set(holder, z, n);
                    } else {
                        set!(*cv, n);
                    }
                    set!(*d, if *pre { n } else { cur });
                    next = *target;
                }
            }
            Op::Silence(r, start) => {
                // The level lives outside the heap; not traced.
                let _ = m.call(&NO_TRACE, &[]);
                if *start {
                    let l = runtime::silence_level();
                    let k = m.konst(Value::Int(l));
                    set!(*r, k);
                    runtime::set_silence(l + 1);
                } else {
                    let v = reg!(*r);
                    let l = to_int(m.get(v));
                    runtime::set_silence(l);
                }
            }
            Op::Not(d, a) => {
                let v = reg!(*a);
                let b = truthy(m, v);
                let r = m.konst(Value::Bool(!b));
                set!(*d, r);
            }
            Op::Neg(d, a) => {
                let v = reg!(*a);
                if m.tag(v) == Tag::Int {
                    let z = m.konst(Value::Int(0));
                    match m.int_ovf(OvfOp::Sub, z, v) {
                        Some(r) => set!(*d, r),
                        None => {
                            let r = m.konst(Value::Float(9.223372036854775808e18));
                            set!(*d, r)
                        }
                    }
                } else {
                    let opk = m.konst(Value::Int(ops::op_index(BinOp::Mul)));
                    let m1 = m.konst(Value::Int(-1));
                    let l = loc!();
                    let r = helper!(&ops::BINOP, &[opk, v, m1, l]);
                    set!(*d, r);
                }
            }
            Op::Plus(d, a) => {
                let v = reg!(*a);
                let opk = m.konst(Value::Int(ops::op_index(BinOp::Mul)));
                let one = m.konst(Value::Int(1));
                let l = loc!();
                let r = helper!(&ops::BINOP, &[opk, v, one, l]);
                set!(*d, r);
            }
            Op::BitNot(d, a) => {
                let v = reg!(*a);
                let r = helper!(
                    &builtins::BUILTIN,
                    &[
                        m.konst(Value::Int(builtins::id_of("__bitnot") as i64)),
                        m.konst(rt),
                        v
                    ]
                );
                set!(*d, r);
            }
            Op::Cast(t, d, a) => {
                let v = reg!(*a);
                if *t == "bool" {
                    let b = truthy(m, v);
                    let r = m.konst(Value::Bool(b));
                    set!(*d, r);
                } else if *t == "int" && m.tag(v) == Tag::Int {
                    set!(*d, v);
                } else {
                    if *t == "string" {
                        if let Some(act) = to_string_call(m, fr, code, *a, v, pc) {
                            return act;
                        }
                    }
                    let id = m.konst(Value::Int(builtins::id_of("__cast") as i64));
                    let tk = m.konst(s(m.mc(), t));
                    let r = helper!(&builtins::BUILTIN, &[id, m.konst(rt), v, tk]);
                    set!(*d, r);
                }
            }
            Op::Jmp(t) => next = *t,
            Op::JmpIf(c, t) => {
                let v = reg!(*c);
                if truthy(m, v) {
                    next = *t;
                }
            }
            Op::JmpIfNot(c, t) => {
                let v = reg!(*c);
                if !truthy(m, v) {
                    next = *t;
                }
            }
            Op::JmpNotNull(c, t) => {
                let v = reg!(*c);
                if !matches!(m.tag(v), Tag::None | Tag::Absent) {
                    next = *t;
                }
            }
            Op::Echo(r) => {
                let v = reg!(*r);
                if let Some(act) = to_string_call(m, fr, code, *r, v, pc) {
                    return act;
                }
                let l = loc!();
                helper!(&ops::ECHO, &[v, l]);
            }
            Op::Ret(r) => {
                let v = reg!(*r);
                let v = deref_v(m, v);
                return Action::Return(v);
            }
            Op::NewArray(d) => {
                let a = new_array_v(m);
                set!(*d, a);
            }
            // Array literals: through `set_int_fast` (Meta ops) where it can,
            // so that a trace can keep a literal it builds off the heap.
            Op::ArrPush(a, v) => {
                let arr = reg!(*a);
                let val = reg!(*v);
                let nk = m.get_field(arr, A_NEXT);
                let key = if m.tag(nk) == Tag::Int {
                    nk
                } else {
                    m.konst(Value::Int(0))
                };
                if !set_int_fast(m, arr, key, val) {
                    let k = m.konst(Value::Absent);
                    helper!(&ops::DIM_SET, &[arr, k, val]);
                }
            }
            Op::ArrSet(a, k, v) => {
                let arr = reg!(*a);
                let key = reg!(*k);
                let val = reg!(*v);
                if !set_fast(m, arr, key, val) {
                    helper!(&ops::DIM_SET, &[arr, key, val]);
                }
            }
            Op::ArrSpread(a, v) => {
                let arr = reg!(*a);
                let src = reg!(*v);
                let id = m.konst(Value::Int(builtins::id_of("__spread") as i64));
                helper!(&builtins::BUILTIN, &[id, m.konst(rt), arr, src]);
            }
            Op::DimGet(d, b, k, quiet) => {
                let base = reg!(*b);
                let base = deref_v(m, base);
                let key = reg!(*k);
                let mut done = false;
                let kt = m.tag(key);
                if matches!(kt, Tag::Int | Tag::Str) && m.tag(base) == Tag::Record {
                    let dict = m.get_field(base, A_DICT);
                    let st = m.tag(dict);
                    // A string key is normalised for a hashed array only, and
                    // not guarded on (see `set_str_fast`).
                    if st == Tag::Dict || (st == Tag::List && kt == Tag::Int) {
                        let v = if kt == Tag::Str && m.const_value(key).is_none() {
                            helper!(&ops::STR_GET, &[dict, key])
                        } else {
                            let nk = if kt == Tag::Str {
                                helper!(&ops::STR_KEY, &[key])
                            } else {
                                key
                            };
                            slot_of(m, dict, nk)
                        };
                        match m.tag(v) {
                            Tag::Absent => {}
                            Tag::List => {
                                let v = deref_v(m, v);
                                set!(*d, v);
                                done = true;
                            }
                            _ => {
                                set!(*d, v);
                                done = true;
                            }
                        }
                    }
                }
                if !done && kt == Tag::Int && m.tag(base) == Tag::Str {
                    let c = helper!(&ops::STR_AT, &[base, key]);
                    if m.tag(c) == Tag::Str {
                        set!(*d, c);
                        done = true;
                    }
                }
                if !done && is_obj(m, base) {
                    let f0 = m.get_field(base, O_CLASS);
                    let cls = m.promote(f0);
                    let og = find_method(cls, "offsetget");
                    if let Value::Code(_) = og {
                        let site = loc!();
                        fr.ret_reg = *d;
                        fr.pc = next;
                        if *quiet {
                            // isset() / `??`: offsetExists() first (the prelude's __dim_quiet).
                            let f = dict_get_str(rt_field(rt, RT_FUNCS), "__dim_quiet");
                            let none = m.konst(Value::None);
                            return Action::Call {
                                callee: f,
                                args: vec![none, none, site, base, key],
                            };
                        }
                        let k = m.konst(cls);
                        return Action::Call {
                            callee: og,
                            args: vec![base, k, site, key],
                        };
                    }
                }
                if !done {
                    let q = m.konst(Value::Bool(*quiet));
                    let l = loc!();
                    let v = helper!(&ops::DIM_GET, &[base, key, q, l]);
                    set!(*d, v);
                }
            }
            Op::CvFetchW(d, cv) => {
                let holder = reg!(*cv);
                let is_cell = m.tag(holder) == Tag::List;
                let z = m.konst(Value::Int(0));
                let cur = if is_cell {
                    m.list_get(holder, z)
                } else {
                    holder
                };
                match m.tag(cur) {
                    Tag::None | Tag::Absent => {
                        let a = new_array_v(m);
                        if is_cell {
                            m.list_set(holder, z, a);
                        } else {
                            set!(*cv, a);
                        }
                        set!(*d, a);
                    }
                    Tag::Record => {
                        let f0 = m.get_field(cur, 0);
                        if matches!(m.tag(f0), Tag::Dict | Tag::List) {
                            let (arr, replaced) = separate(m, cur);
                            if replaced {
                                if is_cell {
                                    m.list_set(holder, z, arr);
                                } else {
                                    set!(*cv, arr);
                                }
                            }
                            set!(*d, arr);
                        } else {
                            // An object (ArrayAccess is not supported): pass it on.
                            set!(*d, cur);
                        }
                    }
                    Tag::Str => {
                        set!(*d, cur);
                    }
                    Tag::StrBuf => {
                        let f = helper!(&ops::STR_FREEZE, &[cur]);
                        if is_cell {
                            m.list_set(holder, z, f);
                        } else {
                            set!(*cv, f);
                        }
                        set!(*d, f);
                    }
                    Tag::Bool if !m.truth(cur) => {
                        let a = new_array_v(m);
                        if is_cell {
                            m.list_set(holder, z, a);
                        } else {
                            set!(*cv, a);
                        }
                        set!(*d, a);
                    }
                    _ => throw!("Error", "Cannot use a scalar value as an array".to_string()),
                }
            }
            Op::DimFetchW(d, b, k) => {
                let base = reg!(*b);
                if !is_arr(m, base) {
                    if is_obj(m, base) {
                        let cls = m.get(base);
                        throw!(
                            "Error",
                            format!("Cannot use object of type {} as array", class_name_of(cls))
                        );
                    }
                    if matches!(m.tag(base), Tag::Str | Tag::StrBuf) {
                        throw!("Error", "Cannot use string offset as an array".to_string());
                    }
                    throw!("Error", "Cannot use a scalar value as an array".to_string());
                }
                let dict = m.get_field(base, A_DICT);
                let key = if *k == NONE {
                    let nk = m.get_field(base, A_NEXT);
                    if m.tag(nk) == Tag::Int {
                        nk
                    } else {
                        m.konst(Value::Int(0))
                    }
                } else {
                    let kv = reg!(*k);
                    match m.tag(kv) {
                        Tag::Int => kv,
                        Tag::Str => helper!(&ops::STR_KEY, &[kv]),
                        _ => helper!(&ops::NORM_KEY, &[kv]),
                    }
                };
                let slot = slot_of(m, dict, key);
                let is_cell = m.tag(slot) == Tag::List;
                let z = m.konst(Value::Int(0));
                let cur = if is_cell { m.list_get(slot, z) } else { slot };
                let ct = m.tag(cur);
                if ct == Tag::Absent || ct == Tag::None {
                    let a = new_array_v(m);
                    if is_cell {
                        m.list_set(slot, z, a);
                    } else {
                        helper!(&ops::DIM_SET, &[base, key, a]);
                    }
                    set!(*d, a);
                } else if is_arr(m, cur) {
                    let (arr, replaced) = separate(m, cur);
                    if replaced {
                        if is_cell {
                            m.list_set(slot, z, arr);
                        } else {
                            replace_slot(m, dict, key, arr);
                        }
                    }
                    set!(*d, arr);
                } else if is_obj(m, cur) {
                    set!(*d, cur);
                } else if let (Tag::Str, Some((k2, v2))) = (ct, str_offset_next(p, pc, *d)) {
                    // `$a[k][i] = v` on a string element: the offset write
                    // of the `DimSet` that follows, stored back in place.
                    if k2 == NONE {
                        throw!("Error", "[] operator not supported for strings".to_string());
                    }
                    let (i, val) = (reg!(k2), reg!(v2));
                    let id = m.konst(Value::Int(builtins::id_of("__str_offset_set") as i64));
                    let l = loc!();
                    let r = helper!(&builtins::BUILTIN, &[id, m.konst(rt), cur, i, val, l]);
                    if is_cell {
                        m.list_set(slot, z, r);
                    } else {
                        helper!(&ops::DIM_SET, &[base, key, r]);
                    }
                    next = pc + 2;
                } else {
                    throw!("Error", "Cannot use a scalar value as an array".to_string());
                }
            }
            Op::PropFetchW(d, o, n) => {
                let obj = reg!(*o);
                let obj = deref_v(m, obj);
                if !is_obj(m, obj) {
                    throw!(
                        "Error",
                        "Attempt to modify property on non-object".to_string()
                    );
                }
                let props = m.get_field(obj, O_PROPS);
                let name = reg!(*n);
                let slot = m.dict_get(props, name);
                let is_cell = m.tag(slot) == Tag::List;
                let z = m.konst(Value::Int(0));
                let cur = if is_cell { m.list_get(slot, z) } else { slot };
                let ct = m.tag(cur);
                if ct == Tag::Absent || ct == Tag::None {
                    let a = new_array_v(m);
                    if is_cell {
                        m.list_set(slot, z, a);
                    } else {
                        m.dict_set(props, name, a);
                    }
                    set!(*d, a);
                } else if is_arr(m, cur) {
                    let (arr, replaced) = separate(m, cur);
                    if replaced {
                        if is_cell {
                            m.list_set(slot, z, arr);
                        } else {
                            m.dict_set(props, name, arr);
                        }
                    }
                    set!(*d, arr);
                } else if let (Tag::Str, Some((k2, v2))) = (ct, str_offset_next(p, pc, *d)) {
                    // `$o->p[i] = v` on a string property (see `DimFetchW`).
                    if k2 == NONE {
                        throw!("Error", "[] operator not supported for strings".to_string());
                    }
                    let (i, val) = (reg!(k2), reg!(v2));
                    let id = m.konst(Value::Int(builtins::id_of("__str_offset_set") as i64));
                    let l = loc!();
                    let r = helper!(&builtins::BUILTIN, &[id, m.konst(rt), cur, i, val, l]);
                    if is_cell {
                        m.list_set(slot, z, r);
                    } else {
                        m.dict_set(props, name, r);
                    }
                    next = pc + 2;
                } else {
                    set!(*d, cur);
                }
            }
            Op::StaticPropFetchW(d, spec, name) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => throw!("Error", e),
                };
                let nm = code.consts[*name as usize];
                let cell = heap::dict_get(class_const(cls, C_STATICS), nm);
                if !matches!(cell, Value::List(_)) {
                    throw!(
                        "Error",
                        format!(
                            "Access to undeclared static property {}::${}",
                            class_data(cls).map(|c| c.name.clone()).unwrap_or_default(),
                            nm.as_str().unwrap_or("")
                        )
                    );
                }
                let c = m.konst(cell);
                let z = m.konst(Value::Int(0));
                let cur = m.list_get(c, z);
                let ct = m.tag(cur);
                if ct == Tag::None || ct == Tag::Absent {
                    let a = new_array_v(m);
                    m.list_set(c, z, a);
                    set!(*d, a);
                } else if is_arr(m, cur) {
                    let (arr, replaced) = separate(m, cur);
                    if replaced {
                        m.list_set(c, z, arr);
                    }
                    set!(*d, arr);
                } else {
                    set!(*d, cur);
                }
            }
            Op::DimSet(b, k, v) => {
                let base = reg!(*b);
                let val = reg!(*v);
                if is_obj(m, base) {
                    let key = if *k == NONE {
                        m.konst(Value::None)
                    } else {
                        reg!(*k)
                    };
                    if let Some(a) = offset_call(m, fr, code, p, pc, base, "offsetset", &[key, val])
                    {
                        return a;
                    }
                }
                if !is_arr(m, base) {
                    if m.tag(base) == Tag::Str {
                        throw!(
                            "Error",
                            if *k == NONE {
                                "[] operator not supported for strings"
                            } else {
                                "Cannot use assign-op operators with string offsets"
                            }
                            .to_string()
                        );
                    }
                    throw!("Error", "Cannot use a scalar value as an array".to_string());
                }
                let key = if *k == NONE {
                    // `[]`: php's next free key (0 before the first int key).
                    let nk = m.get_field(base, A_NEXT);
                    if m.tag(nk) == Tag::Int {
                        nk
                    } else {
                        m.konst(Value::Int(0))
                    }
                } else {
                    reg!(*k)
                };
                if !set_fast(m, base, key, val) {
                    let kk = if *k == NONE {
                        m.konst(Value::Absent)
                    } else {
                        key
                    };
                    helper!(&ops::DIM_SET, &[base, kk, val]);
                }
            }
            Op::StrOffsetSet(cv, k, v) => {
                let cur = read_cv(m, fr, *cv);
                if m.tag(cur) == Tag::Str {
                    let key = reg!(*k);
                    let val = reg!(*v);
                    let id = m.konst(Value::Int(builtins::id_of("__str_offset_set") as i64));
                    let l = loc!();
                    let r = helper!(&builtins::BUILTIN, &[id, m.konst(rt), cur, key, val, l]);
                    write_cv(m, fr, *cv, r);
                } else {
                    // Array element write on a CV: fetch for write, then set.
                    let holder = reg!(*cv);
                    let is_cell = m.tag(holder) == Tag::List;
                    let z = m.konst(Value::Int(0));
                    let ct = m.tag(cur);
                    let arr = if ct == Tag::None
                        || ct == Tag::Absent
                        || (ct == Tag::Bool && !m.truth(cur))
                    {
                        let a = new_array_v(m);
                        if is_cell {
                            m.list_set(holder, z, a);
                        } else {
                            set!(*cv, a);
                        }
                        a
                    } else if is_arr(m, cur) {
                        let (arr, replaced) = separate(m, cur);
                        if replaced {
                            if is_cell {
                                m.list_set(holder, z, arr);
                            } else {
                                set!(*cv, arr);
                            }
                            // The copy wrote to the heap: run the instruction again
                            // (it now finds an unshared array) so its guards come first.
                            fr.pc = pc;
                            continue;
                        }
                        arr
                    } else if is_obj(m, cur) {
                        let key = reg!(*k);
                        let val = reg!(*v);
                        if let Some(a) =
                            offset_call(m, fr, code, p, pc, cur, "offsetset", &[key, val])
                        {
                            return a;
                        }
                        let c = m.get(cur);
                        throw!(
                            "Error",
                            format!("Cannot use object of type {} as array", class_name_of(c))
                        );
                    } else {
                        throw!("Error", "Cannot use a scalar value as an array".to_string());
                    };
                    let key = reg!(*k);
                    let val = reg!(*v);
                    if !set_fast(m, arr, key, val) {
                        helper!(&ops::DIM_SET, &[arr, key, val]);
                    }
                }
            }
            Op::DimUnset(b, k) => {
                let base = reg!(*b);
                if is_obj(m, base) {
                    let key = reg!(*k);
                    if let Some(a) = offset_call(m, fr, code, p, pc, base, "offsetunset", &[key]) {
                        return a;
                    }
                }
                if is_arr(m, base) {
                    let key = reg!(*k);
                    let id = m.konst(Value::Int(builtins::id_of("__dim_unset") as i64));
                    helper!(&builtins::BUILTIN, &[id, m.konst(rt), base, key]);
                }
            }
            Op::DimRef(d, b, k) => {
                let base = reg!(*b);
                // An element that already is a reference cell: take it as it is.
                if *k != NONE && is_arr(m, base) {
                    let key = reg!(*k);
                    if m.tag(key) == Tag::Int {
                        let store = m.get_field(base, A_DICT);
                        let slot = slot_of(m, store, key);
                        if m.tag(slot) == Tag::List {
                            set!(*d, slot);
                            fr.pc = next;
                            continue;
                        }
                    }
                }
                let key = if *k == NONE {
                    m.konst(Value::Absent)
                } else {
                    reg!(*k)
                };
                let id = m.konst(Value::Int(builtins::id_of("__dim_ref") as i64));
                let c = helper!(&builtins::BUILTIN, &[id, m.konst(rt), base, key]);
                set!(*d, c);
            }
            Op::PropRef(d, o, n) => {
                let obj = reg!(*o);
                let name = reg!(*n);
                let id = m.konst(Value::Int(builtins::id_of("__prop_ref") as i64));
                let c = helper!(&builtins::BUILTIN, &[id, m.konst(rt), obj, name]);
                set!(*d, c);
            }
            Op::StaticPropRef(d, spec, name) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => throw!("Error", e),
                };
                let nm = code.consts[*name as usize];
                let cell = heap::dict_get(class_const(cls, C_STATICS), nm);
                if !matches!(cell, Value::List(_)) {
                    throw!(
                        "Error",
                        format!(
                            "Access to undeclared static property {}::${}",
                            class_data(cls).map(|c| c.name.clone()).unwrap_or_default(),
                            nm.as_str().unwrap_or("")
                        )
                    );
                }
                let c = m.konst(cell);
                set!(*d, c);
            }
            Op::PropGet(d, o, n, quiet) => {
                let obj = reg!(*o);
                let obj = deref_v(m, obj);
                let name = reg!(*n);
                if is_obj(m, obj) {
                    let props = m.get_field(obj, O_PROPS);
                    let mut v = m.dict_get(props, name);
                    if let Some(acc) = check_prop(m, fr, code, obj, name, false, false) {
                        match acc {
                            // An inaccessible property goes to `__get` when there is one.
                            PropAccess::Denied(_)
                                if {
                                    let f0 = m.get_field(obj, O_CLASS);
                                    let cls = m.promote(f0);
                                    matches!(find_method(cls, "__get"), Value::Code(_))
                                } =>
                            {
                                v = m.konst(Value::Absent)
                            }
                            PropAccess::Denied(msg) | PropAccess::Readonly(msg) => {
                                throw!("Error", msg)
                            }
                            PropAccess::Invisible => v = m.konst(Value::Absent),
                            PropAccess::Ok => {}
                        }
                    }
                    match m.tag(v) {
                        Tag::Absent => {
                            let f0 = m.get_field(obj, O_CLASS);
                            let cls = m.promote(f0);
                            let getter = find_method(cls, "__get");
                            if let Value::Code(_) = getter {
                                if !*quiet || true {
                                    let this_cls = m.konst(cls);
                                    let site = loc!();
                                    fr.ret_reg = *d;
                                    fr.pc = next;
                                    return Action::Call {
                                        callee: getter,
                                        args: vec![obj, this_cls, site, name],
                                    };
                                }
                            }
                            if *quiet {
                                let a = m.konst(Value::Absent);
                                set!(*d, a);
                            } else {
                                let cn =
                                    class_data(cls).map(|c| c.name.clone()).unwrap_or_default();
                                let msg =
                                    m.konst(s(m.mc(), &format!("Undefined property: {cn}::$")));
                                let l = loc!();
                                let _ = m.call(&ops::WARN, &[msg, name, l]);
                                let nv = m.konst(Value::None);
                                set!(*d, nv);
                            }
                        }
                        Tag::List => {
                            let v = deref_v(m, v);
                            set!(*d, v);
                        }
                        _ => set!(*d, v),
                    }
                } else if *quiet {
                    let a = m.konst(Value::Absent);
                    set!(*d, a);
                } else {
                    let ov = m.get(obj);
                    let nv = m.get(name);
                    let msg = m.konst(s(
                        m.mc(),
                        &format!(
                            "Attempt to read property \"{}\" on {}",
                            to_str_scalar(nv),
                            type_name(ov)
                        ),
                    ));
                    let l = loc!();
                    let _ = m.call(&ops::WARN, &[msg, l]);
                    let nv = m.konst(Value::None);
                    set!(*d, nv);
                }
            }
            Op::PropSet(o, n, v) => {
                let obj = reg!(*o);
                let obj = deref_v(m, obj);
                let name = reg!(*n);
                let val = reg!(*v);
                if !is_obj(m, obj) {
                    let ov = m.get(obj);
                    let nv = m.get(name);
                    throw!(
                        "Error",
                        format!(
                            "Attempt to assign property \"{}\" on {}",
                            to_str_scalar(nv),
                            type_name(ov)
                        )
                    );
                }
                let props = m.get_field(obj, O_PROPS);
                let old = m.dict_get(props, name);
                let initialized = m.tag(old) != Tag::Absent;
                if let Some(acc) = check_prop(m, fr, code, obj, name, true, initialized) {
                    match acc {
                        PropAccess::Denied(msg) | PropAccess::Readonly(msg) => throw!("Error", msg),
                        PropAccess::Invisible | PropAccess::Ok => {}
                    }
                }
                match m.tag(old) {
                    Tag::List => {
                        let z = m.konst(Value::Int(0));
                        m.list_set(old, z, val);
                    }
                    Tag::Absent => {
                        let f0 = m.get_field(obj, O_CLASS);
                        let cls = m.promote(f0);
                        let setter = find_method(cls, "__set");
                        if let Value::Code(_) = setter {
                            let this_cls = m.konst(cls);
                            let site = loc!();
                            fr.ret_reg = SCRATCH;
                            fr.pc = next;
                            return Action::Call {
                                callee: setter,
                                args: vec![obj, this_cls, site, name, val],
                            };
                        }
                        m.dict_set(props, name, val);
                    }
                    _ => m.dict_set(props, name, val),
                }
            }
            Op::PropUnset(o, n) => {
                let obj = reg!(*o);
                let name = reg!(*n);
                let objv = deref_v(m, obj);
                if is_obj(m, objv) {
                    let props = m.get_field(objv, O_PROPS);
                    let v = m.dict_get(props, name);
                    if m.tag(v) == Tag::Absent {
                        let f0 = m.get_field(objv, O_CLASS);
                        let cls = m.promote(f0);
                        let unset = find_method(cls, "__unset");
                        if let Value::Code(_) = unset {
                            let this_cls = m.konst(cls);
                            let site = loc!();
                            fr.ret_reg = SCRATCH;
                            fr.pc = next;
                            return Action::Call {
                                callee: unset,
                                args: vec![objv, this_cls, site, name],
                            };
                        }
                    }
                }
                let id = m.konst(Value::Int(builtins::id_of("__prop_unset") as i64));
                helper!(&builtins::BUILTIN, &[id, m.konst(rt), obj, name]);
            }
            Op::PropIsset(d, o, n) => {
                let obj = reg!(*o);
                let obj = deref_v(m, obj);
                let name = reg!(*n);
                if is_obj(m, obj) {
                    let props = m.get_field(obj, O_PROPS);
                    let v = m.dict_get(props, name);
                    let v = deref_v(m, v);
                    let t = m.tag(v);
                    if t == Tag::Absent {
                        let f0 = m.get_field(obj, O_CLASS);
                        let cls = m.promote(f0);
                        let isset = find_method(cls, "__isset");
                        if let Value::Code(_) = isset {
                            let this_cls = m.konst(cls);
                            let site = loc!();
                            fr.ret_reg = *d;
                            fr.pc = next;
                            return Action::Call {
                                callee: isset,
                                args: vec![obj, this_cls, site, name],
                            };
                        }
                    }
                    let r = m.konst(Value::Bool(t != Tag::Absent && t != Tag::None));
                    set!(*d, r);
                } else {
                    let r = m.konst(Value::Bool(false));
                    set!(*d, r);
                }
            }
            Op::StaticPropGet(d, spec, name) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => throw!("Error", e),
                };
                let nm = code.consts[*name as usize];
                let cell = heap::dict_get(class_const(cls, C_STATICS), nm);
                if !matches!(cell, Value::List(_)) {
                    throw!(
                        "Error",
                        format!(
                            "Access to undeclared static property {}::${}",
                            class_data(cls).map(|c| c.name.clone()).unwrap_or_default(),
                            nm.as_str().unwrap_or("")
                        )
                    );
                }
                let c = m.konst(cell);
                let z = m.konst(Value::Int(0));
                let v = m.list_get(c, z);
                set!(*d, v);
            }
            Op::StaticPropSet(spec, name, v) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => throw!("Error", e),
                };
                let nm = code.consts[*name as usize];
                let cell = heap::dict_get(class_const(cls, C_STATICS), nm);
                if !matches!(cell, Value::List(_)) {
                    throw!(
                        "Error",
                        format!(
                            "Access to undeclared static property {}::${}",
                            class_data(cls).map(|c| c.name.clone()).unwrap_or_default(),
                            nm.as_str().unwrap_or("")
                        )
                    );
                }
                let c = m.konst(cell);
                let z = m.konst(Value::Int(0));
                let val = reg!(*v);
                m.list_set(c, z, val);
            }
            Op::ClassConst(d, spec, name) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => throw!("Error", e),
                };
                let nm = code.consts[*name as usize];
                let v = heap::dict_get(class_const(cls, C_CONSTS), nm);
                if let Value::Absent = v {
                    throw!(
                        "Error",
                        format!(
                            "Undefined constant {}::{}",
                            class_data(cls).map(|c| c.name.clone()).unwrap_or_default(),
                            nm.as_str().unwrap_or("")
                        )
                    );
                }
                let k = m.konst(v);
                set!(*d, k);
            }
            Op::ClassName(d, spec) => {
                let cls = match resolve_class(m, fr, code, *spec) {
                    Ok(c) => c,
                    Err(e) => {
                        if let ClassSpec::Named(k) = spec {
                            let v = m.konst(code.consts[*k as usize]);
                            set!(*d, v);
                            fr.pc = next;
                            continue;
                        }
                        throw!("Error", e)
                    }
                };
                let n = class_data(cls).map(|c| c.name.clone()).unwrap_or_default();
                let v = m.konst(s(m.mc(), &n));
                set!(*d, v);
            }
            Op::GetConst(d, name) => {
                let nm = code.consts[*name as usize];
                let n = nm.as_str().unwrap_or("");
                match builtins::constant(m.mc(), rt, n) {
                    Some(v) => {
                        let k = m.konst(v);
                        set!(*d, k);
                    }
                    None => throw!("Error", format!("Undefined constant \"{n}\"")),
                }
            }
            Op::Interp(d, parts) => {
                let mut vals = Vec::with_capacity(parts.len() + 1);
                let mut plain = true;
                for r in parts.iter() {
                    let v = reg!(*r);
                    if let Some(act) = to_string_call(m, fr, code, *r, v, pc) {
                        return act;
                    }
                    plain = plain && matches!(m.tag(v), Tag::Str | Tag::Int);
                    vals.push(v);
                }
                // Strings and ints only: nothing to warn about.
                let pure = if plain {
                    m.call(&ops::CONCAT, &vals).ok()
                } else {
                    None
                };
                let r = match pure {
                    Some(r) => r,
                    None => {
                        vals.push(loc!());
                        helper!(&ops::INTERP, &vals)
                    }
                };
                set!(*d, r);
            }
            Op::Call { dst, target, args } => {
                let a = call(m, fr, code, p, pc, *dst, target, args);
                if !CONTINUE.with(|c| c.replace(false)) {
                    return a;
                }
            }
            Op::Builtin { dst, id, args }
                if args.len() == 1 && *id == builtins::strlen_id() && {
                    let v = reg!(args[0]);
                    m.tag(v) == Tag::Str
                } =>
            {
                // strlen of a string: a pure helper the optimiser can fold or drop.
                let v = reg!(args[0]);
                let r = helper!(&ops::STRLEN, &[v]);
                set!(*dst, r);
            }
            Op::Builtin { dst, id, args } if args.len() == 1 && *id == builtins::deref_id() => {
                // The value of `$a = &...`: the cell's item (a read the optimiser may drop).
                let v = reg!(args[0]);
                let v = if m.tag(v) == Tag::List {
                    let z = m.konst(Value::Int(0));
                    m.list_get(v, z)
                } else {
                    v
                };
                set!(*dst, v);
            }
            Op::Builtin { dst, id, args }
                if args.len() == 1 && ops::math1_of(*id).is_some() && {
                    let v = reg!(args[0]);
                    matches!(m.tag(v), Tag::Float | Tag::Int)
                } =>
            {
                let v = reg!(args[0]);
                let i = ops::math1_of(*id).unwrap_or(0);
                let ik = m.konst(Value::Int(i as i64));
                let r = helper!(&ops::MATH, &[ik, v]);
                set!(*dst, r);
            }
            Op::Builtin { dst, id, args }
                if builtins::pure_sig(*id, args.len()).is_some_and(|sig| {
                    args.iter().zip(sig).all(|(r, k)| {
                        let v = reg!(*r);
                        match (m.tag(v), k) {
                            (Tag::Int, builtins::PureArg::Int | builtins::PureArg::Num) => true,
                            (Tag::Float, builtins::PureArg::Num) => true,
                            (Tag::Str, builtins::PureArg::Str) => true,
                            _ => false,
                        }
                    })
                }) =>
            {
                // Scalars of the kinds that make it pure: a call the optimiser
                // may merge or drop, and that keeps the heap cache.
                let mut vals = Vec::with_capacity(args.len() + 2);
                vals.push(m.konst(Value::Int(*id as i64)));
                vals.push(m.konst(rt));
                for r in args.iter() {
                    let v = reg!(*r);
                    vals.push(v);
                }
                let r = helper!(&builtins::PURE_BUILTIN, &vals);
                set!(*dst, r);
            }
            Op::Builtin { dst, id, args } => {
                let mut vals = Vec::with_capacity(args.len() + 2);
                vals.push(m.konst(Value::Int(*id as i64)));
                vals.push(m.konst(rt));
                for r in args.iter() {
                    let v = reg!(*r);
                    vals.push(v);
                }
                let l = loc!();
                builtins::set_loc(m.get(l));
                match m.call(&builtins::BUILTIN, &vals) {
                    Ok(r) => set!(*dst, r),
                    Err(e) if builtins::is_fallback(e) => {
                        // Objects among string arguments: convert them in PHP first.
                        let f = dict_get_str(rt_field(rt, RT_FUNCS), "__stringify_call");
                        let none = m.konst(Value::None);
                        let name = m.konst(s(m.mc(), builtins::name_of(*id)));
                        let mut full = vec![none, none, l, name];
                        full.extend(vals[2..].iter().copied());
                        fr.ret_reg = *dst;
                        fr.pc = next;
                        return Action::Call {
                            callee: f,
                            args: full,
                        };
                    }
                    Err(e) => return Action::Raise(to_exception(m.mc(), code, p, pc, e)),
                }
            }
            Op::Closure(d, k, caps) => {
                let fcode = code.consts[*k as usize];
                let closure_cls = lookup_class(rt, "Closure");
                let props = m.new_dict();
                let ccls = m.konst(closure_cls);
                let fc = m.konst(fcode);
                let fp = proto_of(fcode);
                let this = if fp.is_static {
                    m.konst(Value::None)
                } else {
                    reg!(THIS)
                };
                let scope = m.konst(code.consts[2]);
                let id = m.konst(Value::Int(0));
                let mut fields = vec![ccls, props, id, fc, this, scope];
                let _ = &mut fields;
                // Layout: [Closure class, props, id, code, this, scope, captured...]
                for r in caps.iter() {
                    let v = reg!(*r);
                    fields.push(v);
                }
                let c = m.new_record(fc, &fields);
                set!(*d, c);
            }
            Op::DeclareFunc(k) => {
                let _ = m.call(&NO_TRACE, &[]);
                let f = code.consts[*k as usize];
                let fp = proto_of(f);
                let lname = fp.fname.to_ascii_lowercase();
                let funcs = rt_field(rt, RT_FUNCS);
                if let Value::Code(_) = dict_get_str(funcs, &lname) {
                    let line = p.lines[pc as usize];
                    return Action::Raise(s(
                        m.mc(),
                        &format!(
                            "PHP Fatal error:  Cannot redeclare {}() in {} on line {}",
                            fp.fname, p.file, line
                        ),
                    ));
                }
                heap::dict_set(m.mc(), funcs, s(m.mc(), &lname), f);
            }
            Op::DeclareClass(k) => {
                let _ = m.call(&NO_TRACE, &[]);
                let t = code.consts[*k as usize];
                let tmpl = heap::as_code(t)
                    .and_then(|c| c.data::<ClassTemplate>())
                    .expect("class template");
                if let Err((cls, msg)) = declare_class(m.mc(), rt, tmpl) {
                    if msg.starts_with("Cannot declare") {
                        let line = p.lines[pc as usize];
                        return Action::Raise(s(
                            m.mc(),
                            &format!("PHP Fatal error:  {msg} in {} on line {}", p.file, line),
                        ));
                    }
                    throw!(&cls, msg);
                }
            }
            Op::InstanceOf(d, v, spec) => {
                let x = reg!(*v);
                let x = deref_v(m, x);
                let res = if is_obj(m, x) {
                    let f0 = m.get_field(x, O_CLASS);
                    let cls = m.promote(f0);
                    let target = match spec {
                        ClassSpec::Named(k) => code.consts[*k as usize]
                            .as_str()
                            .unwrap_or("")
                            .trim_start_matches('\\')
                            .to_ascii_lowercase(),
                        _ => match resolve_class(m, fr, code, *spec) {
                            Ok(c) => class_data(c).map(|c| c.lname.clone()).unwrap_or_default(),
                            Err(_) => String::new(),
                        },
                    };
                    instance_of(cls, &target)
                        || (target == "closure"
                            && class_data(cls).map_or(false, |c| c.lname == "closure"))
                } else {
                    false
                };
                let r = m.konst(Value::Bool(res));
                set!(*d, r);
            }
            Op::Clone(d, v) => {
                let x = reg!(*v);
                let x = deref_v(m, x);
                let rtv = m.konst(rt);
                let c = helper!(&CLONE, &[rtv, x]);
                set!(*d, c);
                let f0 = m.get_field(c, O_CLASS);
                let cls = m.promote(f0);
                let cl = find_method(cls, "__clone");
                if let Value::Code(_) = cl {
                    let k = m.konst(cls);
                    let site = loc!();
                    fr.ret_reg = SCRATCH;
                    fr.pc = next;
                    return Action::Call {
                        callee: cl,
                        args: vec![c, k, site],
                    };
                }
            }
            Op::GenStart(g) => {
                let fc = m.konst(fr.code);
                let rtv = m.konst(rt);
                let gen = helper!(&GEN_NEW, &[rtv, fc]);
                set!(*g, gen);
                let l = m.get_field(gen, G_REGS);
                for i in 0..p.nregs {
                    let x = reg!(i);
                    m.list_append(l, x);
                }
                let pcv = m.konst(Value::Int(pc as i64 + 1));
                m.set_field(gen, G_PC, pcv);
                return Action::Return(gen);
            }
            Op::Yield(_d, g, k, v) => {
                let gen = reg!(*g);
                if let Some(a) = gen_pending_throw(m, gen) {
                    return a;
                }
                let key = if *k == NONE {
                    let a = m.get_field(gen, G_AUTO);
                    let one = m.konst(Value::Int(1));
                    let a1 = m.int(vm_core::jit::ir::IntOp::Add, a, one);
                    m.set_field(gen, G_AUTO, a1);
                    a1
                } else {
                    let kv = reg!(*k);
                    let kv = deref_v(m, kv);
                    if m.tag(kv) == Tag::Int {
                        let a = m.get_field(gen, G_AUTO);
                        let gt = m.int_cmp(Cmp::Gt, kv, a);
                        if m.truth(gt) {
                            m.set_field(gen, G_AUTO, kv);
                        }
                    }
                    kv
                };
                let val = if *v == NONE {
                    m.konst(Value::None)
                } else {
                    let x = reg!(*v);
                    deref_v(m, x)
                };
                return gen_suspend(m, fr, p, gen, key, val, pc + 1);
            }
            Op::YieldFrom(d, g, src, st) => {
                let gen = reg!(*g);
                if let Some(a) = gen_pending_throw(m, gen) {
                    return a;
                }
                let sv = reg!(*src);
                let sv = deref_v(m, sv);
                if is_arr(m, sv) {
                    let pos = reg!(*st);
                    let e = helper!(&GEN_ARR_AT, &[sv, pos]);
                    if m.tag(e) == Tag::List {
                        let one = m.konst(Value::Int(1));
                        let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                        set!(*st, p1);
                        let z = m.konst(Value::Int(0));
                        let key = m.list_get(e, z);
                        let val = m.list_get(e, one);
                        return gen_suspend(m, fr, p, gen, key, val, pc);
                    }
                    let nv = m.konst(Value::None);
                    set!(*d, nv);
                } else if is_obj(m, sv) && {
                    let f0 = m.get_field(sv, O_CLASS);
                    let cls = m.promote(f0);
                    instance_of(cls, "generator")
                } {
                    let phase = reg!(*st);
                    let phase = to_int(m.promote(phase));
                    let ist = m.get_field(sv, G_STATE);
                    let ist = to_int(m.promote(ist));
                    if ist == GS_RUNNING {
                        throw!(
                            "Error",
                            "Impossible to yield from the Generator being currently run"
                        );
                    }
                    if ist == GS_DONE {
                        let r = m.get_field(sv, G_RET);
                        let r = if m.tag(r) == Tag::Absent {
                            m.konst(Value::None)
                        } else {
                            r
                        };
                        set!(*d, r);
                    } else if ist == GS_CREATED || phase == 2 {
                        let sent = if ist == GS_CREATED {
                            m.konst(Value::None)
                        } else {
                            reg!(*st + 1)
                        };
                        let one = m.konst(Value::Int(1));
                        set!(*st, one);
                        return gen_resume(m, fr, sv, sent, *st + 1, pc, ist == GS_CREATED);
                    } else {
                        let two = m.konst(Value::Int(2));
                        set!(*st, two);
                        let key = m.get_field(sv, G_KEY);
                        let val = m.get_field(sv, G_VAL);
                        return gen_suspend(m, fr, p, gen, key, val, pc);
                    }
                } else if is_obj(m, sv) && {
                    let f0 = m.get_field(sv, O_CLASS);
                    let cls = m.promote(f0);
                    instance_of(cls, "traversable")
                } {
                    // Another Traversable: delegate to the prelude's generator
                    // over it (`__iter_gen`), which replaces the source.
                    let f = dict_get_str(rt_field(rt, RT_FUNCS), "__iter_gen");
                    let none = m.konst(Value::None);
                    let site = loc!();
                    fr.ret_reg = *src;
                    fr.pc = pc;
                    return Action::Call {
                        callee: f,
                        args: vec![none, none, site, sv],
                    };
                } else {
                    throw!(
                        "Error",
                        "Can use \"yield from\" only with arrays and Traversables".to_string()
                    );
                }
            }
            Op::GenRet(g, r) => {
                let gen = reg!(*g);
                let v = reg!(*r);
                let v = deref_v(m, v);
                let done = m.konst(Value::Int(GS_DONE));
                m.set_field(gen, G_STATE, done);
                m.set_field(gen, G_RET, v);
                let nv = m.konst(Value::None);
                m.set_field(gen, G_KEY, nv);
                m.set_field(gen, G_VAL, nv);
                return Action::Return(nv);
            }
            Op::GenOp(d, g, kind, a) => {
                let gen = reg!(*g);
                let st = m.get_field(gen, G_STATE);
                let st = to_int(m.promote(st));
                if *kind == GEN_RETURN {
                    let r = m.get_field(gen, G_RET);
                    if st != GS_DONE || m.tag(r) == Tag::Absent {
                        throw!(
                            "Exception",
                            "Cannot get return value of a generator that hasn't returned"
                                .to_string()
                        );
                    }
                    set!(*d, r);
                } else if st == GS_RUNNING {
                    throw!(
                        "Error",
                        "Cannot resume an already running generator".to_string()
                    );
                } else if st == GS_CREATED {
                    // Every method first runs the generator to its first yield.
                    let nv = m.konst(Value::None);
                    return gen_resume(m, fr, gen, nv, *d, pc, true);
                } else {
                    let done = st == GS_DONE;
                    match *kind {
                        GEN_CURRENT | GEN_KEY => {
                            let v = if done {
                                m.konst(Value::None)
                            } else {
                                m.get_field(gen, if *kind == GEN_KEY { G_KEY } else { G_VAL })
                            };
                            set!(*d, v);
                        }
                        GEN_VALID => {
                            let b = m.konst(Value::Bool(!done));
                            set!(*d, b);
                        }
                        GEN_REWIND => {
                            let f = m.get_field(gen, G_FIRST);
                            if !m.truth(f) {
                                throw!(
                                    "Exception",
                                    "Cannot rewind a generator that was already run".to_string()
                                );
                            }
                        }
                        GEN_THROW if done => {
                            let e = reg!(*a);
                            return Action::Raise(m.get(e));
                        }
                        _ if done => {
                            let nv = m.konst(Value::None);
                            set!(*d, nv);
                        }
                        GEN_THROW => {
                            let _ = m.call(&NO_TRACE, &[]);
                            let e = reg!(*a);
                            m.set_field(gen, G_THROW, e);
                            let nv = m.konst(Value::None);
                            return gen_resume(m, fr, gen, nv, *d, pc + 1, false);
                        }
                        _ => {
                            let sent = if *kind == GEN_SEND {
                                let x = reg!(*a);
                                deref_v(m, x)
                            } else {
                                m.konst(Value::None)
                            };
                            return gen_resume(m, fr, gen, sent, *d, pc + 1, false);
                        }
                    }
                }
            }
            Op::Throw(v) => {
                let x = reg!(*v);
                let x = deref_v(m, x);
                let xv = m.get(x);
                if !is_object(xv)
                    || !class_data(heap::get_field(xv, O_CLASS)).map_or(false, |c| c.is_throwable)
                {
                    throw!("Error", "Can only throw objects".to_string());
                }
                return Action::Raise(xv);
            }
            Op::MatchError(v) => {
                let x = reg!(*v);
                let xv = m.get(x);
                let desc = match xv {
                    // php.ini-production's zend.exception_string_param_max_len = 0
                    Value::Str(st) if st.as_str().is_empty() => "''".into(),
                    Value::Str(_) => "'...'".into(),
                    Value::Float(f) => fmt_float_repr(f),
                    v if is_object(v) || is_array(v) => format!(
                        "of type {}",
                        if is_array(v) {
                            "array".into()
                        } else {
                            class_name_of(v)
                        }
                    ),
                    Value::Bool(b) => {
                        if b {
                            "true".into()
                        } else {
                            "false".into()
                        }
                    }
                    Value::None => "NULL".into(),
                    v => to_str_scalar(v),
                };
                throw!(
                    "UnhandledMatchError",
                    format!("Unhandled match case {desc}")
                );
            }
            Op::IterInit(it, subj, by_ref) => {
                let v = reg!(*subj);
                let v = deref_v(m, v);
                let z = m.konst(Value::Int(0));
                if is_arr(m, v) {
                    if !*by_ref {
                        let sh = m.get_field(v, A_SHARED);
                        if !m.truth(sh) {
                            let t = m.konst(Value::Bool(true));
                            m.set_field(v, A_SHARED, t);
                        }
                    } else {
                        // By reference the body may turn a packed array into a
                        // hash, whose positions then no longer count the holes
                        // the packed positions skipped: iterate a hash from the start.
                        let store = m.get_field(v, A_DICT);
                        if m.tag(store) == Tag::List {
                            let h = m.get_field(v, A_HOLES);
                            if m.tag(h) == Tag::Int {
                                let c = m.int_cmp(Cmp::Ne, h, z);
                                if m.truth(c) {
                                    helper!(&ops::ARR_DEGRADE, &[v]);
                                }
                            }
                        }
                    }
                    set!(*it, v);
                } else if is_obj(m, v) {
                    let f0 = m.get_field(v, O_CLASS);
                    let cls = m.promote(f0);
                    if instance_of(cls, "iteratoraggregate") {
                        // getIterator() replaces the subject; then this instruction runs again.
                        let gi = find_method(cls, "getiterator");
                        let k = m.konst(cls);
                        let site = loc!();
                        fr.ret_reg = *subj;
                        fr.pc = pc;
                        return Action::Call {
                            callee: gi,
                            args: vec![v, k, site],
                        };
                    }
                    if instance_of(cls, "generator") {
                        let st = m.get_field(v, G_STATE);
                        if to_int(m.promote(st)) == GS_DONE {
                            throw!(
                                "Exception",
                                "Cannot traverse an already closed generator".to_string()
                            );
                        }
                    }
                    if instance_of(cls, "iterator") {
                        set!(*it, v);
                        let ph = m.konst(Value::Int(-1));
                        set!(*it + 1, ph);
                        let rw = find_method(cls, "rewind");
                        let k = m.konst(cls);
                        let site = loc!();
                        fr.ret_reg = SCRATCH;
                        fr.pc = next;
                        return Action::Call {
                            callee: rw,
                            args: vec![v, k, site],
                        };
                    }
                    let id = m.konst(Value::Int(builtins::id_of("get_object_vars") as i64));
                    let a = helper!(&builtins::BUILTIN, &[id, m.konst(rt), v]);
                    set!(*it, a);
                } else {
                    let vv = m.get(v);
                    let msg = m.konst(s(
                        m.mc(),
                        &format!(
                            "foreach() argument must be of type array|object, {} given",
                            type_name(vv)
                        ),
                    ));
                    let l = loc!();
                    let _ = m.call(&ops::WARN, &[msg, l]);
                    let a = new_array_v(m);
                    set!(*it, a);
                }
                set!(*it + 1, z);
            }
            Op::IterNext(it, kd, vd, exit)
                if {
                    let a = reg!(*it);
                    is_obj(m, a)
                } =>
            {
                // The Iterator protocol, one guest call per run of this instruction;
                // the phase lives in the position register (negative values).
                let obj = reg!(*it);
                let f0 = m.get_field(obj, O_CLASS);
                let cls = m.promote(f0);
                let phase = reg!(*it + 1);
                let phase = to_int(m.promote(phase));
                let k = m.konst(cls);
                let site = loc!();
                let call =
                    |m: &mut M, fr: &mut Frame<'gc>, name: &str, ret: R, ph: i64, again: bool| {
                        let p2 = m.konst(Value::Int(ph));
                        m.set_reg(fr, (*it + 1) as usize, p2);
                        fr.ret_reg = ret;
                        fr.pc = if again { pc } else { pc + 1 };
                        Action::Call {
                            callee: find_method(cls, name),
                            args: vec![obj, k, site],
                        }
                    };
                match phase {
                    -1 => return call(m, fr, "valid", SCRATCH, -2, true),
                    -2 => {
                        let ok = reg!(SCRATCH);
                        if !truthy(m, ok) {
                            next = *exit;
                        } else {
                            return call(m, fr, "current", *vd, -3, true);
                        }
                    }
                    -3 => {
                        if *kd != NONE {
                            return call(m, fr, "key", *kd, -5, false);
                        }
                        let p2 = m.konst(Value::Int(-5));
                        set!(*it + 1, p2);
                    }
                    _ => return call(m, fr, "next", SCRATCH, -1, true),
                }
            }
            Op::IterNext(it, kd, vd, exit) => {
                let arr = reg!(*it);
                let pos = reg!(*it + 1);
                let store = m.get_field(arr, A_DICT);
                if m.tag(store) == Tag::List {
                    // Packed: the position is the key.
                    let n = m.list_len(store);
                    let lt = m.int_cmp(Cmp::Lt, pos, n);
                    if m.truth(lt) {
                        let v = m.list_get(store, pos);
                        let one = m.konst(Value::Int(1));
                        if m.tag(v) == Tag::Absent {
                            // A hole: try the next position.
                            let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                            set!(*it + 1, p1);
                            fr.pc = pc;
                            continue;
                        }
                        let v = deref_v(m, v);
                        set!(*vd, v);
                        if *kd != NONE {
                            set!(*kd, pos);
                        }
                        let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                        set!(*it + 1, p1);
                    } else {
                        next = *exit;
                    }
                    fr.pc = next;
                    continue;
                }
                let key = helper!(&KEY_AT, &[store, pos]);
                if m.tag(key) == Tag::Absent {
                    next = *exit;
                } else {
                    let v = helper!(&VAL_AT, &[store, pos]);
                    let v = deref_v(m, v);
                    set!(*vd, v);
                    if *kd != NONE {
                        set!(*kd, key);
                    }
                    let one = m.konst(Value::Int(1));
                    let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                    set!(*it + 1, p1);
                }
            }
            Op::IterNextRef(it, kd, cv, exit) => {
                let arr = reg!(*it);
                let pos = reg!(*it + 1);
                let store = m.get_field(arr, A_DICT);
                if m.tag(store) == Tag::List {
                    // Packed: the position is the key.
                    let n = m.list_len(store);
                    let lt = m.int_cmp(Cmp::Lt, pos, n);
                    if m.truth(lt) {
                        let v = m.list_get(store, pos);
                        if m.tag(v) == Tag::Absent {
                            // A hole: try the next position.
                            let one = m.konst(Value::Int(1));
                            let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                            set!(*it + 1, p1);
                            fr.pc = pc;
                            continue;
                        }
                        let cell = if m.tag(v) == Tag::List {
                            v
                        } else {
                            let c = m.new_list();
                            m.list_append(c, v);
                            m.list_set(store, pos, c);
                            c
                        };
                        set!(*cv, cell);
                        if *kd != NONE {
                            set!(*kd, pos);
                        }
                        let one = m.konst(Value::Int(1));
                        let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                        set!(*it + 1, p1);
                    } else {
                        next = *exit;
                    }
                    fr.pc = next;
                    continue;
                }
                let key = helper!(&KEY_AT, &[store, pos]);
                if m.tag(key) == Tag::Absent {
                    next = *exit;
                } else {
                    let dict = m.get_field(arr, A_DICT);
                    let v = slot_of(m, dict, key);
                    let cell = if m.tag(v) == Tag::List {
                        v
                    } else {
                        let c = m.new_list();
                        m.list_append(c, v);
                        replace_slot(m, dict, key, c);
                        c
                    };
                    set!(*cv, cell);
                    if *kd != NONE {
                        set!(*kd, key);
                    }
                    let one = m.konst(Value::Int(1));
                    let p1 = m.int(vm_core::jit::ir::IntOp::Add, pos, one);
                    set!(*it + 1, p1);
                }
            }
            Op::RecvCheck(cv, i) => {
                let v = reg!(*cv);
                if m.tag(v) == Tag::Absent {
                    let argc = m.reg(fr, SCRATCH as usize);
                    let argc = to_int(m.get(argc));
                    let required = p
                        .params
                        .iter()
                        .filter(|x| !x.has_default && !x.variadic)
                        .count();
                    let exactly = required == p.params.len();
                    let site = m.reg(fr, SITE as usize);
                    let site = m.get(site);
                    let site = site
                        .as_str()
                        .unwrap_or("")
                        .trim_start_matches(" in ")
                        .to_string();
                    if argc > *i as i64 {
                        // A gap left by named arguments.
                        throw!(
                            "ArgumentCountError",
                            format!(
                                "{}(): Argument #{} (${}) not passed",
                                p.name,
                                *i + 1,
                                p.params[*i as usize].name
                            )
                        );
                    }
                    throw!(
                        "ArgumentCountError",
                        format!(
                            "Too few arguments to function {}(), {} passed in {} and {} {} expected",
                            p.name,
                            argc,
                            site,
                            if exactly { "exactly" } else { "at least" },
                            required
                        )
                    );
                }
            }
            Op::JmpIfPassed(cv, t) => {
                let v = reg!(*cv);
                if m.tag(v) != Tag::Absent {
                    next = *t;
                }
            }
            Op::VerifyParam(cv, ti, i) => {
                let v = read_cv(m, fr, *cv);
                let ty = &p.types[*ti as usize];
                let tys = type_str(ty);
                let tag = m.tag(v);
                let ok = match tys.as_str() {
                    "int" => tag == Tag::Int,
                    "float" => tag == Tag::Float,
                    "string" => tag == Tag::Str,
                    "bool" => tag == Tag::Bool,
                    "mixed" => true,
                    "array" => is_arr(m, v),
                    _ => false,
                };
                if !ok {
                    let prm = &p.params[*i as usize];
                    let nullable_default = prm.has_default;
                    let rtv = m.konst(rt);
                    let tk = m.konst(s(m.mc(), &tys));
                    let fname = m.konst(s(m.mc(), &p.name));
                    let idx = m.konst(Value::Int(*i as i64 + 1));
                    let pn = m.konst(s(m.mc(), &prm.name));
                    let site = m.reg(fr, SITE as usize);
                    let is_null = m.tag(v) == Tag::None;
                    let nd = m.konst(Value::Bool(nullable_default && is_null));
                    let st = m.konst(Value::Bool(p.strict));
                    let r = helper!(&VERIFY, &[rtv, tk, v, fname, idx, pn, site, nd, st]);
                    write_cv(m, fr, *cv, r);
                }
            }
            Op::VerifyReturn(r, ti) => {
                let v = reg!(*r);
                let v = deref_v(m, v);
                let tys = type_str(&p.types[*ti as usize]);
                let tag = m.tag(v);
                let ok = match tys.as_str() {
                    "int" => tag == Tag::Int,
                    "float" => tag == Tag::Float,
                    "string" => tag == Tag::Str,
                    "bool" => tag == Tag::Bool,
                    "array" => is_arr(m, v),
                    _ => false,
                };
                if !ok {
                    let rtv = m.konst(rt);
                    let tk = m.konst(s(m.mc(), &tys));
                    let fname = m.konst(s(m.mc(), &p.name));
                    let st = m.konst(Value::Bool(p.strict));
                    let r2 = helper!(&VERIFY_RET, &[rtv, tk, v, fname, st]);
                    set!(*r, r2);
                }
            }
            Op::PromoteProp(k, cv) => {
                let this = reg!(THIS);
                let v = read_cv(m, fr, *cv);
                if is_obj(m, this) {
                    let props = m.get_field(this, O_PROPS);
                    let n = k!(*k);
                    m.dict_set(props, n, v);
                }
            }
            Op::Exit(v) => {
                let x = reg!(*v);
                let xv = m.get(x);
                let code_v = match xv {
                    Value::Str(st) => {
                        runtime::echo(st.as_str());
                        0
                    }
                    Value::Int(i) => i,
                    _ => 0,
                };
                return Action::Raise(Value::Int(code_v));
            }
            Op::Include(d, path, once, require) => {
                let _ = m.call(&NO_TRACE, &[]);
                let pv = reg!(*path);
                let pv = m.get(pv);
                let target = to_str_scalar(pv);
                let line = p.lines[pc as usize];
                match crate::load_include(m.mc(), rt, &p.file, &target, *once, *require, line) {
                    Ok(IncludeResult::Value(v)) => {
                        let k = m.konst(v);
                        set!(*d, k);
                    }
                    Ok(IncludeResult::Code(c)) => {
                        let none = m.konst(Value::None);
                        let site = loc!();
                        fr.ret_reg = *d;
                        fr.pc = next;
                        return Action::Call {
                            callee: c,
                            args: vec![none, none, site],
                        };
                    }
                    Err(e) => return Action::Raise(e),
                }
            }
            Op::FuncNumArgs(d) => {
                // The arguments bound to parameters plus the extra ones.
                let argc = to_int({
                    let rv_ = m.reg(fr, SCRATCH as usize);
                    m.get(rv_)
                }) as usize;
                let declared = p.params.iter().filter(|x| !x.variadic).count();
                let extra = {
                    let rv_ = m.reg(fr, EXTRA as usize);
                    deref(m.get(rv_))
                };
                let mut extra = if is_array(extra) {
                    arr_len(extra) as usize
                } else {
                    0
                };
                if let Some(v) = p.params.iter().find(|x| x.variadic) {
                    let rest = read_cv(m, fr, v.cv);
                    let rest = m.get(rest);
                    if is_array(rest) {
                        extra += arr_len(rest) as usize;
                    }
                }
                let n = m.konst(Value::Int((argc.min(declared) + extra) as i64));
                set!(*d, n);
            }
            Op::FuncGetArgs(d) => {
                let mut vals = Vec::new();
                let argc = to_int({
                    let rv_ = m.reg(fr, SCRATCH as usize);
                    m.get(rv_)
                }) as usize;
                for (i, prm) in p.params.iter().enumerate() {
                    if prm.variadic || i >= argc {
                        break;
                    }
                    let v = read_cv(m, fr, prm.cv);
                    vals.push(v);
                }
                let base = helper!(&MAKE_ARRAY, &vals);
                let extra = reg!(EXTRA);
                let id = m.konst(Value::Int(builtins::id_of("__append_values") as i64));
                let r = helper!(&builtins::BUILTIN, &[id, m.konst(rt), base, extra]);
                set!(*d, r);
            }
            Op::Compact(d, names) => {
                let _ = m.call(&NO_TRACE, &[]);
                let mut pairs = Vec::new();
                let mut todo: Vec<Value<'gc>> = Vec::new();
                for r in names.iter() {
                    let v = m.reg(fr, *r as usize);
                    todo.push(m.get(v));
                }
                while let Some(n) = todo.pop() {
                    if is_array(n) {
                        for v in arr_values(n).into_iter().rev() {
                            todo.push(v);
                        }
                        continue;
                    }
                    let name = to_str_scalar(n);
                    if let Some(i) = p.cv_names.iter().position(|x| *x == name) {
                        let v =
                            vm_core::strbuf::freeze(m.mc(), deref(fr.regs[p.cv_regs[i] as usize]));
                        if !matches!(v, Value::Absent) {
                            share(m.mc(), v);
                            pairs.push((s(m.mc(), &name), v));
                            continue;
                        }
                    }
                    runtime::warn(&format!(
                        "compact(): Undefined variable ${name}{}",
                        code.consts[p.loc_k[pc as usize] as usize]
                            .as_str()
                            .unwrap_or("")
                    ));
                }
                pairs.reverse();
                let mut pairs2 = Vec::new();
                for (k, v) in pairs {
                    pairs2.push((norm_key(m.mc(), k).unwrap_or(k), v));
                }
                let a = arr_from_pairs(m.mc(), pairs2);
                let k = m.konst(a);
                set!(*d, k);
            }
            Op::Extract(d, a) => {
                let _ = m.call(&NO_TRACE, &[]);
                let av = deref({
                    let rv_ = m.reg(fr, *a as usize);
                    m.get(rv_)
                });
                let mut n = 0;
                if is_array(av) {
                    for (k, v) in arr_entries(av) {
                        let name = to_str_scalar(k);
                        if let Some(i) = p.cv_names.iter().position(|x| *x == name) {
                            let r = p.cv_regs[i];
                            share(m.mc(), v);
                            let vv = m.konst(v);
                            write_cv(m, fr, r, vv);
                            n += 1;
                        } else if p.is_main {
                            let globals = rt_field(rt, RT_GLOBALS);
                            let cell = new_ref(m.mc(), v);
                            heap::dict_set(m.mc(), globals, s(m.mc(), &name), cell);
                            n += 1;
                        }
                    }
                }
                let k = m.konst(Value::Int(n));
                set!(*d, k);
            }
            Op::GetDefinedVars(d) => {
                let _ = m.call(&NO_TRACE, &[]);
                let mut pairs = Vec::new();
                for (i, name) in p.cv_names.iter().enumerate() {
                    let v = vm_core::strbuf::freeze(m.mc(), deref(fr.regs[p.cv_regs[i] as usize]));
                    // `\0GLOBALS:k` are the compiler's hidden `$GLOBALS['k']` locals.
                    if !matches!(v, Value::Absent) && !name.starts_with('\0') {
                        share(m.mc(), v);
                        pairs.push((s(m.mc(), name), v));
                    }
                }
                let a = arr_from_pairs(m.mc(), pairs);
                let k = m.konst(a);
                set!(*d, k);
            }
            Op::VarVarGet(d, n) => {
                let _ = m.call(&NO_TRACE, &[]);
                let name = to_str_scalar({
                    let rv_ = m.reg(fr, *n as usize);
                    m.get(rv_)
                });
                let v = if let Some(i) = p.cv_names.iter().position(|x| *x == name) {
                    vm_core::strbuf::freeze(m.mc(), deref(fr.regs[p.cv_regs[i] as usize]))
                } else if p.is_main {
                    deref(heap::dict_get(rt_field(rt, RT_GLOBALS), s(m.mc(), &name)))
                } else {
                    Value::Absent
                };
                let v = if let Value::Absent = v {
                    runtime::warn(&format!(
                        "Undefined variable ${name}{}",
                        code.consts[p.loc_k[pc as usize] as usize]
                            .as_str()
                            .unwrap_or("")
                    ));
                    Value::None
                } else {
                    v
                };
                let k = m.konst(v);
                set!(*d, k);
            }
            Op::VarVarSet(n, v) => {
                let _ = m.call(&NO_TRACE, &[]);
                let name = to_str_scalar({
                    let rv_ = m.reg(fr, *n as usize);
                    m.get(rv_)
                });
                let val = reg!(*v);
                if let Some(i) = p.cv_names.iter().position(|x| *x == name) {
                    write_cv(m, fr, p.cv_regs[i], val);
                } else if p.is_main {
                    let globals = rt_field(rt, RT_GLOBALS);
                    let key = s(m.mc(), &name);
                    let cell = heap::dict_get(globals, key);
                    let vv = m.get(val);
                    if let Value::List(_) = cell {
                        heap::list_set(m.mc(), cell, 0, vv);
                    } else {
                        let c = new_ref(m.mc(), vv);
                        heap::dict_set(m.mc(), globals, key, c);
                    }
                }
            }
        }
        fr.pc = next;
    }
}

pub enum IncludeResult<'gc> {
    Value(Value<'gc>),
    Code(Value<'gc>),
}

pub fn type_str(t: &crate::ast::TypeHint) -> String {
    use crate::ast::TypeHint;
    match t {
        TypeHint::Named(n) => {
            let l = n.to_ascii_lowercase();
            match l.as_str() {
                "int" | "float" | "string" | "bool" | "array" | "mixed" | "callable"
                | "iterable" | "object" | "void" | "null" | "false" | "true" | "self"
                | "static" | "never" => l,
                _ => n.clone(),
            }
        }
        TypeHint::Nullable(i) => format!("?{}", type_str(i)),
        TypeHint::Union(v) => {
            // php prints classes first, then builtin types in a fixed order.
            const ORDER: &[&str] = &[
                "static", "callable", "iterable", "object", "array", "string", "int", "float",
                "bool", "false", "true", "void", "never", "mixed", "null",
            ];
            let mut parts: Vec<String> = v.iter().map(type_str).collect();
            parts.sort_by_key(|p| ORDER.iter().position(|o| o == p).map_or(0, |i| i + 1));
            parts.join("|")
        }
    }
}

/// If `v` is an object, calls its `__toString` with `r` as the return register and
/// the current instruction as the resume point.
fn to_string_call<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    code: &Code<'gc>,
    r: R,
    v: M::V,
    pc: u32,
) -> Option<Action<'gc, M::V>> {
    if m.tag(v) != Tag::Record {
        return None;
    }
    let f0 = m.get_field(v, 0);
    if m.tag(f0) != Tag::Code {
        return None;
    }
    let cls = m.promote(f0);
    let ts = find_method(cls, "__tostring");
    let p = proto_of(fr.code);
    if let Value::Code(_) = ts {
        let k = m.konst(cls);
        let site = m.konst(code.consts[p.loc_k[pc as usize] as usize]);
        fr.ret_reg = r;
        fr.pc = pc;
        return Some(Action::Call {
            callee: ts,
            args: vec![v, k, site],
        });
    }
    let name = class_data(cls)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| "Closure".into());
    Some(raise(
        m.mc(),
        code,
        p,
        pc,
        "Error",
        &format!("Object of class {name} could not be converted to string"),
    ))
}

#[allow(clippy::too_many_arguments)]
fn call<'gc, M: Meta<'gc>>(
    m: &mut M,
    fr: &mut Frame<'gc>,
    code: &'gc Code<'gc>,
    p: &FuncProto,
    pc: u32,
    dst: R,
    target: &Target,
    args: &[ArgSpec],
) -> Action<'gc, M::V> {
    let rt = code.consts[0];
    let none = m.konst(Value::None);
    let site = m.konst(code.consts[p.loc_k[pc as usize] as usize]);
    macro_rules! throw {
        ($cls:expr, $msg:expr) => {
            return raise(m.mc(), code, p, pc, $cls, &$msg)
        };
    }
    let mut magic_name: Option<String> = None;
    let mut new_obj: Option<M::V> = None;
    let mut drop_first = false;
    let mut host_index: Option<usize> = None;
    let callee: Callee<'gc, M::V> = match target {
        Target::Name(lk, nk) => {
            let lname_v = code.consts[*lk as usize];
            // The constant is a `Str` with its hash cached: no re-hashing per call.
            let f = heap::dict_get(rt_field(rt, RT_FUNCS), lname_v);
            let lname = || lname_v.as_str().unwrap_or("");
            match f {
                Value::Code(_) => Callee::Php(f, none, none),
                _ => match builtins::lookup(lname()) {
                    Some((id, _)) => Callee::Builtin(id),
                    None if crate::embed::host_fn_index(lname()).is_some() => {
                        host_index = crate::embed::host_fn_index(lname());
                        Callee::Builtin(builtins::id_of("__host"))
                    }
                    None => throw!(
                        "Error",
                        format!(
                            "Call to undefined function {}()",
                            code.consts[*nk as usize].as_str().unwrap_or("")
                        )
                    ),
                },
            }
        }
        Target::Value(r) => {
            let v = m.reg(fr, *r as usize);
            let v = deref_v(m, v);
            match resolve_callable(m, code, fr, v) {
                Ok((c, mn)) => {
                    magic_name = mn;
                    c
                }
                Err(e) => throw!("Error", e),
            }
        }
        Target::Method(o, n) => {
            let obj = m.reg(fr, *o as usize);
            let obj = deref_v(m, obj);
            let name = m.reg(fr, *n as usize);
            let name = m.promote(name);
            let mname = to_str_scalar(name);
            if !is_obj(m, obj) {
                let ov = m.get(obj);
                throw!(
                    "Error",
                    format!("Call to a member function {}() on {}", mname, type_name(ov))
                );
            }
            let f0 = m.get_field(obj, O_CLASS);
            let cls = m.promote(f0);
            let lm = mname.to_ascii_lowercase();
            if class_data(cls).map_or(false, |c| c.lname == "closure") {
                if lm == "__invoke" {
                    let c = m.promote(obj);
                    let this = m.get_field(obj, 4);
                    let scope = m.get_field(obj, 5);
                    Callee::Php(c, this, scope)
                } else if lm == "call" {
                    // $closure->call($newThis, ...$args)
                    let c = m.promote(obj);
                    drop_first = true;
                    Callee::Php(c, none, none)
                } else {
                    let id = builtins::id_of(&format!("__closure_{lm}"));
                    if id == 0 {
                        throw!(
                            "Error",
                            format!("Call to undefined method Closure::{mname}()")
                        );
                    }
                    Callee::Builtin(id)
                }
            } else {
                let meth = find_method(cls, &lm);
                let k = m.konst(cls);
                if let Value::Code(_) = meth {
                    let scope = scope_of(m, fr, code);
                    if let Err(msg) = method_access(meth, scope, cls, &mname) {
                        throw!("Error", msg);
                    }
                    let mp = proto_of(meth);
                    if mp.is_static {
                        Callee::Php(meth, none, k)
                    } else {
                        Callee::Php(meth, obj, k)
                    }
                } else {
                    let call_m = find_method(cls, "__call");
                    if let Value::Code(_) = call_m {
                        magic_name = Some(mname.clone());
                        Callee::Php(call_m, obj, k)
                    } else {
                        throw!(
                            "Error",
                            format!("Call to undefined method {}()", method_display(cls, &mname))
                        );
                    }
                }
            }
        }
        Target::Static(spec, n) => {
            let cls = match resolve_class(m, fr, code, *spec) {
                Ok(c) => c,
                Err(e) => throw!("Error", e),
            };
            let name = m.reg(fr, *n as usize);
            let name = m.promote(name);
            let mname = to_str_scalar(name);
            let lm = mname.to_ascii_lowercase();
            let meth = find_method(cls, &lm);
            // Called class: forwarded for parent::/self::/static::.
            let called = match spec {
                ClassSpec::Parent | ClassSpec::SelfC | ClassSpec::Static => {
                    let c = m.reg(fr, CLASS as usize);
                    if let Value::Code(_) = m.get(c) {
                        c
                    } else {
                        m.konst(cls)
                    }
                }
                _ => m.konst(cls),
            };
            if let Value::Code(_) = meth {
                let mp = proto_of(meth);
                let this = if mp.is_static {
                    none
                } else {
                    let t = m.reg(fr, THIS as usize);
                    let tv = m.get(t);
                    let lname = class_data(cls).map(|c| c.lname.clone()).unwrap_or_default();
                    if is_object(tv) && instance_of(heap::get_field(tv, O_CLASS), &lname) {
                        t
                    } else {
                        throw!(
                            "Error",
                            format!(
                                "Non-static method {}() cannot be called statically",
                                method_display(cls, &mname)
                            )
                        );
                    }
                };
                Callee::Php(meth, this, called)
            } else {
                let cs = find_method(cls, "__callstatic");
                let call_m = find_method(cls, "__call");
                let t = m.reg(fr, THIS as usize);
                let tv = m.get(t);
                if let (Value::Code(_), true) = (call_m, is_object(tv)) {
                    magic_name = Some(mname.clone());
                    Callee::Php(call_m, t, called)
                } else if let Value::Code(_) = cs {
                    magic_name = Some(mname.clone());
                    Callee::Php(cs, none, called)
                } else {
                    throw!(
                        "Error",
                        format!("Call to undefined method {}()", method_display(cls, &mname))
                    );
                }
            }
        }
        Target::New(spec) => {
            let cls = match resolve_class(m, fr, code, *spec) {
                Ok(c) => c,
                Err(e) => throw!("Error", e),
            };
            let rtv = m.konst(rt);
            let k = m.konst(cls);
            let file = m.konst(s(m.mc(), &p.file));
            let line = m.konst(Value::Int(p.lines[pc as usize] as i64));
            let obj = match m.call(&NEW_OBJECT, &[rtv, k, file, line]) {
                Ok(o) => o,
                Err(e) => return Action::Raise(to_exception(m.mc(), code, p, pc, e)),
            };
            m.set_reg(fr, dst as usize, obj);
            let ctor = find_method(cls, "__construct");
            if let Value::Code(_) = ctor {
                new_obj = Some(obj);
                Callee::Php(ctor, obj, k)
            } else {
                fr.pc = pc + 1;
                return Action::Yield.then_continue();
            }
        }
    };
    // Arrange the arguments.
    let params: &[ParamInfo] = match &callee {
        Callee::Php(c, _, _) => match proto_for_callee(*c) {
            Some(pp) => &pp.params,
            None => &[],
        },
        Callee::Builtin(_) => &[],
    };
    let byref_builtin: &[usize] = match &callee {
        Callee::Builtin(id) => builtins::byref_of(*id),
        _ => &[],
    };
    // Room for the [this, class, site] header a guest call puts in front.
    let mut positional: Vec<M::V> = Vec::with_capacity(args.len() + 3);
    let mut named: Vec<(String, M::V)> = Vec::new();
    let mut variadic_named: Vec<M::V> = Vec::new();
    let mut to_share: Vec<M::V> = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let idx = positional.len();
        let wants_ref = params
            .get(idx.min(params.len().saturating_sub(1)))
            .map_or(false, |q| q.by_ref && (idx < params.len() || q.variadic))
            || byref_builtin.contains(&idx);
        let _ = i;
        match a.mode {
            ArgMode::Val => {
                let v = m.reg(fr, a.reg as usize);
                positional.push(v);
            }
            ArgMode::Cell => {
                let v = m.reg(fr, a.reg as usize);
                if wants_ref {
                    positional.push(v);
                } else {
                    let d = deref_v(m, v);
                    if is_arr(m, d) {
                        to_share.push(d);
                    }
                    positional.push(d);
                }
            }
            ArgMode::Cv => {
                let v = m.reg(fr, a.reg as usize);
                let v = if m.tag(v) == Tag::StrBuf {
                    let f = m.call(&ops::STR_FREEZE, &[v]).unwrap_or(v);
                    m.set_reg(fr, a.reg as usize, f);
                    f
                } else {
                    v
                };
                if wants_ref {
                    if m.tag(v) == Tag::List {
                        positional.push(v);
                    } else {
                        let init = if m.tag(v) == Tag::Absent {
                            m.konst(Value::None)
                        } else {
                            v
                        };
                        let cell = m.new_list();
                        m.list_append(cell, init);
                        m.set_reg(fr, a.reg as usize, cell);
                        positional.push(cell);
                    }
                } else {
                    let d = deref_v(m, v);
                    if m.tag(d) == Tag::Absent {
                        let name = p
                            .cv_regs
                            .iter()
                            .position(|r| *r == a.reg)
                            .map(|i| p.cv_names[i].clone())
                            .unwrap_or_default();
                        let msg = m.konst(s(m.mc(), &format!("Undefined variable ${name}")));
                        let _ = m.call(&ops::WARN, &[msg, site]);
                        positional.push(none);
                    } else {
                        if is_arr(m, d) {
                            to_share.push(d);
                        }
                        positional.push(d);
                    }
                }
            }
            ArgMode::Spread => {
                let v = m.reg(fr, a.reg as usize);
                let list = match m.call(&ARR_ENTRIES, &[v]) {
                    Ok(l) => l,
                    Err(e) => return Action::Raise(to_exception(m.mc(), code, p, pc, e)),
                };
                let n = m.list_len(list);
                let n = m.promote(n);
                let n = to_int(n) as usize;
                for j in 0..n / 2 {
                    let ki = m.konst(Value::Int(2 * j as i64));
                    let vi = m.konst(Value::Int(2 * j as i64 + 1));
                    let key = m.list_get(list, ki);
                    let val = m.list_get(list, vi);
                    if is_arr(m, val) {
                        to_share.push(val);
                    }
                    if m.tag(key) == Tag::Str {
                        let kn = m.promote(key);
                        named.push((to_str_scalar(kn), val));
                    } else {
                        positional.push(val);
                    }
                }
            }
            ArgMode::Named(k) => {
                let v = m.reg(fr, a.reg as usize);
                named.push((
                    code.consts[k as usize].as_str().unwrap_or("").to_string(),
                    v,
                ));
            }
        }
    }
    if !named.is_empty() {
        if let Callee::Builtin(id) = callee {
            let bname = builtins::name_of(id);
            match builtins::param_names(bname) {
                Some(names) => {
                    let absent = m.konst(Value::Absent);
                    for (n, v) in named.drain(..) {
                        let Some(ix) = names.iter().position(|q| *q == n) else {
                            throw!("Error", format!("Unknown named parameter ${n}"));
                        };
                        while positional.len() <= ix {
                            positional.push(absent);
                        }
                        positional[ix] = v;
                    }
                }
                // Others take named arguments in the order given.
                None => {
                    for (_, v) in named.drain(..) {
                        positional.push(v);
                    }
                }
            }
        } else {
            let absent = m.konst(Value::Absent);
            for (n, v) in named.drain(..) {
                match params.iter().position(|q| q.name == n && !q.variadic) {
                    Some(ix) => {
                        while positional.len() <= ix {
                            positional.push(absent);
                        }
                        positional[ix] = v;
                    }
                    None => {
                        if params.last().map_or(false, |q| q.variadic) {
                            let k = m.konst(s(m.mc(), &n));
                            variadic_named.push(k);
                            variadic_named.push(v);
                        } else {
                            throw!("Error", format!("Unknown named parameter ${n}"));
                        }
                    }
                }
            }
        }
    }
    // Writes last: mark shared arrays.
    for v in to_share {
        let t = m.konst(Value::Bool(true));
        m.set_field(v, A_SHARED, t);
    }
    match callee {
        Callee::Builtin(id) => {
            let mut vals = Vec::with_capacity(positional.len() + 2);
            vals.push(m.konst(Value::Int(id as i64)));
            vals.push(m.konst(rt));
            let refs: Vec<usize> = byref_builtin.to_vec();
            for (i, v) in positional.iter().enumerate() {
                if refs.contains(&i) {
                    let d = deref_v(m, *v);
                    vals.push(d);
                } else {
                    vals.push(*v);
                }
            }
            if let Some(hi) = host_index {
                let k = m.konst(Value::Int(hi as i64));
                vals.insert(2, k);
            }
            if let Target::Method(o, _) = target {
                // Closure methods get the closure first.
                let c = m.reg(fr, *o as usize);
                vals.insert(2, c);
            }
            builtins::set_loc(code.consts[p.loc_k[pc as usize] as usize]);
            let r = match m.call(&builtins::BUILTIN, &vals) {
                Ok(r) => r,
                Err(e) => return Action::Raise(to_exception(m.mc(), code, p, pc, e)),
            };
            let r = if refs.is_empty() {
                r
            } else {
                // [ret, outs...]: write outputs through the cells.
                let rv = m.get(r);
                if let Value::List(_) = rv {
                    let items = heap::list_items(rv);
                    for (j, &ri) in refs.iter().enumerate() {
                        if let (Some(cell), Some(out)) = (positional.get(ri), items.get(j + 1)) {
                            if let Value::List(_) = m.get(*cell) {
                                let z = m.konst(Value::Int(0));
                                let o = m.konst(*out);
                                m.list_set(*cell, z, o);
                            }
                        }
                    }
                    m.konst(items.first().copied().unwrap_or(Value::None))
                } else {
                    r
                }
            };
            m.set_reg(fr, dst as usize, r);
            fr.pc = pc + 1;
            Action::Yield.then_continue()
        }
        Callee::Php(c, mut this, mut cls) => {
            if drop_first && !positional.is_empty() {
                let nt = positional.remove(0);
                this = nt;
                cls = m.get_field(nt, 0);
                // Rebind: a copy of the closure with the new $this and scope.
                let cv = c;
                let n = heap::record_len(cv);
                let mut f: Vec<M::V> = Vec::new();
                for i in 0..n {
                    let k = m.konst(c);
                    f.push(m.get_field(k, i));
                }
                f[4] = nt;
                f[5] = cls;
                let fc = m.konst(heap::record_class(cv));
                let nc = m.new_record(fc, &f);
                let ncv = m.get(nc);
                let mut full = vec![this, cls, site];
                full.extend(positional);
                fr.ret_reg = dst;
                fr.pc = pc + 1;
                return Action::Call {
                    callee: ncv,
                    args: full,
                };
            }
            let mut full = if magic_name.is_none() {
                // The arguments stay where they are: one vector per call.
                positional.extend([this, cls, site]);
                positional.rotate_right(3);
                std::mem::take(&mut positional)
            } else {
                vec![this, cls, site]
            };
            if let Some(mn) = magic_name {
                let n = m.konst(s(m.mc(), &mn));
                let arr = match m.call(&MAKE_ARRAY, &positional) {
                    Ok(a) => a,
                    Err(e) => return Action::Raise(e),
                };
                full.push(n);
                full.push(arr);
            }
            if !variadic_named.is_empty() {
                // Named arguments collected by a variadic parameter travel as a
                // "named bag": a list [name, value, ...] (never one item long).
                let bag = m.new_list();
                for v in variadic_named {
                    m.list_append(bag, v);
                }
                full.push(bag);
            }
            fr.ret_reg = if new_obj.is_some() { SCRATCH } else { dst };
            fr.pc = pc + 1;
            Action::Call {
                callee: c,
                args: full,
            }
        }
    }
}

trait ThenContinue<'gc, V> {
    fn then_continue(self) -> Action<'gc, V>;
}

impl<'gc, V> ThenContinue<'gc, V> for Action<'gc, V> {
    /// Continue the frame: the executor just steps it again (a Yield costs one
    /// return to the executor loop, which runs the same frame next).
    fn then_continue(self) -> Action<'gc, V> {
        CONTINUE.with(|c| c.set(true));
        self
    }
}

thread_local! {
    /// Set when a step returned only to continue (see `step_loop`).
    pub static CONTINUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Builds the frame for a call: `args` = [this, class, site, arguments...].
pub fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let (code_v, closure) = match callee {
        Value::Code(_) => (callee, None),
        Value::Record(_) => (heap::record_class(callee), Some(callee)),
        _ => return Err(Value::None),
    };
    let Some(fd) = func_data(code_v) else {
        return Err(Value::None);
    };
    let p = &fd.proto;
    if let Some(g) = closure.filter(|g| matches!(heap::get_field(*g, G_REGS), Value::List(_))) {
        // A generator resumed by `gen_resume`: (sent value, resume pc).
        let gv = m.konst(g);
        let l = m.get_field(gv, G_REGS);
        let mut regs: Vec<M::V> = (0..p.nregs)
            .map(|i| {
                let iv = m.konst(Value::Int(i as i64));
                m.list_get(l, iv)
            })
            .collect();
        let mut pc = match args.get(1).map(|a| m.get(*a)) {
            Some(Value::Int(pc)) => pc as u32,
            _ => return Err(Value::None),
        };
        let th = m.get_field(gv, G_THROW);
        let throwing = m.tag(th) != Tag::None;
        if pc > 0 {
            if let Some(Op::Yield(d, ..)) = p.ops.get(pc as usize - 1) {
                if throwing {
                    // throw(): the yield runs again and raises it.
                    pc -= 1;
                } else {
                    regs[*d as usize] = args[0];
                }
            }
        }
        if let Some(Op::YieldFrom(_, _, _, st)) = p.ops.get(pc as usize) {
            regs[*st as usize + 1] = args[0];
        }
        let mut fr = m.new_frame_owned(runtime::lang_id(), code_v, regs);
        fr.pc = pc;
        return Ok(fr);
    }
    let absent = m.konst(Value::Absent);
    let none = m.konst(Value::None);
    let mut regs = vec![absent; p.nregs as usize];
    // Calls from other languages pass plain arguments: then there is no header.
    let (this, cls, site, actual) = if args.len() >= 3 {
        (args[0], args[1], args[2], &args[3..])
    } else {
        (none, none, none, args)
    };
    regs[THIS as usize] = this;
    regs[CLASS as usize] = cls;
    regs[SITE as usize] = site;
    regs[CALLEE as usize] = m.konst(callee);
    regs[SCRATCH as usize] = m.konst(Value::Int(actual.len() as i64));
    regs[EXTRA as usize] = none;
    let mut ai = 0;
    for prm in p.params.iter() {
        if prm.variadic {
            let rest: Vec<M::V> = if ai < actual.len() {
                actual[ai..].to_vec()
            } else {
                Vec::new()
            };
            ai = actual.len();
            let arr = m.call(&MAKE_VARIADIC, &rest)?;
            regs[prm.cv as usize] = arr;
            break;
        }
        if ai < actual.len() {
            regs[prm.cv as usize] = actual[ai];
        }
        ai += 1;
    }
    if ai < actual.len() {
        let extra = m.call(&MAKE_ARRAY, &actual[ai..])?;
        regs[EXTRA as usize] = extra;
    }
    if let Some(c) = closure {
        let cv = m.konst(c);
        let this = m.get_field(cv, 4);
        if !matches!(m.get(this), Value::None) {
            regs[THIS as usize] = this;
            let f0 = m.get_field(this, 0);
            regs[CLASS as usize] = f0;
        } else {
            let scope = m.get_field(cv, 5);
            regs[CLASS as usize] = scope;
        }
        for (i, (reg, _)) in p.uses.iter().enumerate() {
            let v = m.get_field(cv, 6 + i as u32);
            regs[*reg as usize] = v;
        }
    }
    Ok(m.new_frame_owned(runtime::lang_id(), code_v, regs))
}

/// Points `fr` at the handler for `exc`, if one covers its pc.
pub fn catch<'gc>(mc: &Mutation<'gc>, fr: &mut Frame<'gc>, exc: Value<'gc>) -> bool {
    if !is_object(exc) {
        return false;
    }
    // Gather the stack trace as the exception passes through each frame.
    if heap::record_len(exc) > X_SKIP {
        if matches!(heap::get_field(exc, X_SKIP), Value::Bool(true)) {
            heap::set_field(mc, exc, X_SKIP, Value::Bool(false));
        } else {
            let fi = crate::php_frame_info(fr);
            let trace = heap::get_field(exc, X_TRACE);
            let proto = func_data(fr.code).map(|fd| &fd.proto);
            // A `Generator` method (the prelude's) runs its generator as
            // php's engine does: "[internal function]" calls it, and a
            // `foreach` driving it is not a call at all.
            let at_foreach = proto.is_some_and(|p| {
                [fr.pc, fr.pc.wrapping_sub(1)].iter().any(|&i| {
                    matches!(
                        p.ops.get(i as usize),
                        Some(Op::IterInit(..) | Op::IterNext(..))
                    )
                })
            });
            if at_foreach {
                let n = arr_len(trace);
                let last = arr_get(trace, Value::Int(n - 1));
                if last.as_str().is_some_and(|t| {
                    t.ends_with("\u{2}Generator->next")
                        || t.ends_with("\u{2}Generator->valid")
                        || t.ends_with("\u{2}Generator->current")
                        || t.ends_with("\u{2}Generator->key")
                        || t.ends_with("\u{2}Generator->rewind")
                }) {
                    arr_remove(mc, trace, Value::Int(n - 1));
                }
            }
            let internal = proto.is_some_and(|p| {
                p.class_name.as_deref() == Some("Generator") && &*p.file == "prelude.php"
            });
            let file = if internal {
                "[internal function]"
            } else {
                &fi.file
            };
            let entry = s(mc, &format!("{}\u{2}{}\u{2}{}", file, fi.line, fi.name));
            let _ = arr_push(mc, trace, entry);
        }
    }
    let Some(fd) = func_data(fr.code) else {
        return false;
    };
    for h in &fd.proto.handlers {
        if h.start <= fr.pc && fr.pc < h.end {
            runtime::set_silence(0);
            if heap::record_len(exc) > X_SKIP {
                heap::set_field(mc, exc, X_SKIP, Value::Bool(true));
            }
            fr.regs[h.reg as usize] = exc;
            fr.pc = h.target;
            return true;
        }
    }
    let g = fd.proto.gen_reg;
    if g != NONE {
        // An exception leaves a generator: it is finished, with no return value.
        if let Some(gen) = fr.regs.get(g as usize).copied().filter(|v| is_object(*v)) {
            heap::set_field(mc, gen, G_STATE, Value::Int(GS_DONE));
            heap::set_field(mc, gen, G_KEY, Value::None);
            heap::set_field(mc, gen, G_VAL, Value::None);
            heap::set_field(mc, gen, G_RET, Value::Absent);
        }
    }
    false
}

/// The comparison a comparison operator makes once both operands are
/// numbers of one kind (`===` as `==`, `!==` and `!=` as not-equal).
fn cmp_of(bop: &BinOp) -> Cmp {
    match bop {
        BinOp::Lt => Cmp::Lt,
        BinOp::Le => Cmp::Le,
        BinOp::Gt => Cmp::Gt,
        BinOp::Ge => Cmp::Ge,
        BinOp::Eq | BinOp::Identical => Cmp::Eq,
        _ => Cmp::Ne,
    }
}
