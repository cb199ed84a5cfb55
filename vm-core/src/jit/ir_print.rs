//! Prints traces in the text form that `ir_parse` reads back.
//!
//! ```text
//! v0 = input 0
//! label v0
//! v1 = param 0
//! v2 = dict_get v1, "x"
//! guard_tag v2, int @0
//! v3 = int_add_ovf v2, 5 @1
//! dict_set v1, "x", v3
//! fuel @2
//! jump v1
//! snapshot @0
//!   frame lang=0 code=c1 pc=3 ret=0 regs=[v1]
//!   virtual 0 = list [v3]
//!   pending dict_set v1, "x", v3
//! ```
//!
//! Constants print as literals (`5`, `2.5`, `true`, `none`, `absent`, `"x"`);
//! other heap constants print as their pool index, `c7`.

use std::fmt::Write;

use crate::heap::float_literal;
use crate::jit::ir::{Op, PendingWrite, Ref, SnapValue, Snapshot, TraceIr, Virtual};
use crate::value::Value;

/// The text form of a trace.
pub fn print(t: &TraceIr<'_>) -> String {
    let mut out = String::new();
    for (i, inst) in t.ops.iter().enumerate() {
        if inst.op.has_result() {
            let _ = write!(out, "v{i} = ");
        }
        out.push_str(&op_text(t, &inst.op));
        if let Some(s) = inst.snap {
            let _ = write!(out, " @{s}");
        }
        out.push('\n');
    }
    for (i, s) in t.snapshots.iter().enumerate() {
        out.push_str(&snapshot_text(t, i, s));
    }
    out
}

/// The text of one operand.
pub fn ref_text(t: &TraceIr<'_>, r: Ref) -> String {
    if !r.is_const() {
        return format!("v{}", r.index());
    }
    match t.consts.get(r.index()) {
        Some(v) => const_text(*v).unwrap_or_else(|| format!("c{}", r.index())),
        None => format!("c{}", r.index()),
    }
}

/// The literal for a constant, when it has one.
pub fn const_text(v: Value<'_>) -> Option<String> {
    Some(match v {
        Value::None => "none".into(),
        Value::Absent => "absent".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_literal(f),
        Value::Str(_) => format!("{:?}", v.as_str().unwrap_or("")),
        _ => return None,
    })
}

fn list(t: &TraceIr<'_>, rs: &[Ref]) -> String {
    rs.iter()
        .map(|r| ref_text(t, *r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text of one op (without `vN = ` and snapshot).
pub fn op_text(t: &TraceIr<'_>, op: &Op) -> String {
    let r = |x: &Ref| ref_text(t, *x);
    match op {
        Op::Input(k) => format!("input {k}"),
        Op::Label(xs) => format!("label {}", list(t, xs)).trim_end().to_string(),
        Op::Param(k) => format!("param {k}"),
        Op::Jump(xs) => format!("jump {}", list(t, xs)).trim_end().to_string(),
        Op::Exit => "exit".into(),
        Op::Finish(a) => format!("finish {}", r(a)),
        Op::GuardTag(a, tag) => format!("guard_tag {}, {}", r(a), tag.name()),
        Op::GuardValue(a, b) => format!("guard_value {}, {}", r(a), r(b)),
        Op::GuardTrue(a) => format!("guard_true {}", r(a)),
        Op::GuardFalse(a) => format!("guard_false {}", r(a)),
        Op::GuardIntCmp(c, a, b) => format!("guard_{} {}, {}", c.name(), r(a), r(b)),
        Op::GuardFloatCmp(c, a, b) => format!("guard_float_{} {}, {}", c.name(), r(a), r(b)),
        Op::IntOvf(o, a, b) => format!("int_{}_ovf {}, {}", o.name(), r(a), r(b)),
        Op::Fuel => "fuel".into(),
        Op::Int(o, a, b) => format!("int_{} {}, {}", o.name(), r(a), r(b)),
        Op::IntCmp(c, a, b) => format!("int_{} {}, {}", c.name(), r(a), r(b)),
        Op::Float(o, a, b) => format!("float_{} {}, {}", o.name(), r(a), r(b)),
        Op::FloatCmp(c, a, b) => format!("float_{} {}, {}", c.name(), r(a), r(b)),
        Op::IntToFloat(a) => format!("int_to_float {}", r(a)),
        Op::BoolNot(a) => format!("bool_not {}", r(a)),
        Op::Same(a, b) => format!("same {}, {}", r(a), r(b)),
        Op::NewList => "new_list".into(),
        Op::NewDict => "new_dict".into(),
        Op::NewRecord(c, fs) => {
            if fs.is_empty() {
                format!("new_record {}", r(c))
            } else {
                format!("new_record {}, {}", r(c), list(t, fs))
            }
        }
        Op::ListLen(a) => format!("list_len {}", r(a)),
        Op::ListGet(a, b) => format!("list_get {}, {}", r(a), r(b)),
        Op::ListSet(a, b, c) => format!("list_set {}, {}, {}", r(a), r(b), r(c)),
        Op::ListAppend(a, b) => format!("list_append {}, {}", r(a), r(b)),
        Op::ListPop(a) => format!("list_pop {}", r(a)),
        Op::ListTruncate(a, b) => format!("list_truncate {}, {}", r(a), r(b)),
        Op::DictGet(a, b) => format!("dict_get {}, {}", r(a), r(b)),
        Op::DictSet(a, b, c) => format!("dict_set {}, {}, {}", r(a), r(b), r(c)),
        Op::GetField(a, k) => format!("get_field {}, #{k}", r(a)),
        Op::SetField(a, k, b) => format!("set_field {}, #{k}, {}", r(a), r(b)),
        Op::WordsLen(a) => format!("words_len {}", r(a)),
        Op::WordsGet(a, b) => format!("words_get {}, {}", r(a), r(b)),
        Op::WordsSet(a, b, c) => format!("words_set {}, {}, {}", r(a), r(b), r(c)),
        Op::WordsPush(a, b) => format!("words_push {}, {}", r(a), r(b)),
        Op::WordsTruncate(a, b) => format!("words_truncate {}, {}", r(a), r(b)),
        Op::Call(h, xs) => {
            if xs.is_empty() {
                format!("call {}", h.name)
            } else {
                format!("call {}, {}", h.name, list(t, xs))
            }
        }
    }
}

fn sv(t: &TraceIr<'_>, s: &SnapValue) -> String {
    match s {
        SnapValue::Ref(r) => ref_text(t, *r),
        SnapValue::Virtual(i) => format!("virt{i}"),
    }
}

fn svs(t: &TraceIr<'_>, xs: &[SnapValue]) -> String {
    xs.iter().map(|x| sv(t, x)).collect::<Vec<_>>().join(", ")
}

/// The text of one snapshot.
pub fn snapshot_text(t: &TraceIr<'_>, id: usize, s: &Snapshot) -> String {
    let mut out = format!("snapshot @{id}\n");
    for f in &s.frames {
        let _ = writeln!(
            out,
            "  frame lang={} code={} pc={} ret={} regs=[{}]",
            f.lang,
            ref_text(t, f.code),
            f.pc,
            f.ret_reg,
            svs(t, &f.regs)
        );
    }
    for (i, v) in s.virtuals.iter().enumerate() {
        let body = match v {
            Virtual::List(items) => format!("list [{}]", svs(t, items)),
            Virtual::Dict(entries) => format!(
                "dict [{}]",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", ref_text(t, *k), sv(t, v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Virtual::Record(c, fs) => format!("record {} [{}]", sv(t, c), svs(t, fs)),
            Virtual::Tuple(parts) => format!("tuple [{}]", svs(t, parts)),
        };
        let _ = writeln!(out, "  virtual {i} = {body}");
    }
    for p in &s.pending {
        let body = match p {
            PendingWrite::DictSet(a, b, c) => {
                format!("dict_set {}, {}, {}", sv(t, a), sv(t, b), sv(t, c))
            }
            PendingWrite::ListAppend(a, b) => format!("list_append {}, {}", sv(t, a), sv(t, b)),
            PendingWrite::ListSet(a, b, c) => {
                format!("list_set {}, {}, {}", sv(t, a), sv(t, b), sv(t, c))
            }
            PendingWrite::ListTruncate(a, b) => format!("list_truncate {}, {}", sv(t, a), sv(t, b)),
            PendingWrite::SetField(a, k, b) => {
                format!("set_field {}, #{k}, {}", sv(t, a), sv(t, b))
            }
        };
        let _ = writeln!(out, "  pending {body}");
    }
    out
}
