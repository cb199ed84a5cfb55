//! `print_r`, `var_dump`, `var_export` and `json_encode`, byte for byte as php prints them.

use vm_core::heap;
use vm_core::Value;

use crate::ast::Visibility;
use crate::runtime::{class_data, class_name_of};
use crate::value::*;

/// Object properties with their declared visibility (dynamic ones are public).
pub fn object_props<'gc>(o: Value<'gc>) -> Vec<(String, Visibility, String, Value<'gc>)> {
    let cls = heap::get_field(o, O_CLASS);
    let cd = class_data(cls);
    let mut out = Vec::new();
    for (k, v) in heap::dict_entries(heap::get_field(o, O_PROPS)) {
        let name = to_str_scalar(k);
        let (vis, decl) = cd
            .and_then(|c| c.props.iter().find(|p| p.name == name && !p.is_static))
            .map(|p| (p.vis, p.class.clone()))
            .unwrap_or((Visibility::Public, String::new()));
        out.push((name, vis, decl, deref(v)));
    }
    out
}

thread_local! {
    /// The arrays and objects `print_r`/`var_dump` are inside of, by
    /// identity: meeting one of them again is php's `*RECURSION*`.
    static PRINT_PATH: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How deeply `print_r`/`var_dump`/`var_export` nest before they stop as
/// at a cycle. Their indentation makes the output quadratic in the depth
/// (print_r: about 4·depth² spaces, 100 MB at this cap); php has no limit
/// and overflows its C stack a few tens of thousands of levels down.
const PRINT_NESTING_CAP: usize = 5_000;

/// Runs `f` with `v` on the print path, or returns `None` when `v` is
/// already on it (a cycle) or the path is too deep.
fn on_print_path<R>(v: Value<'_>, f: impl FnOnce() -> R) -> Option<R> {
    let id = v.payload_bits();
    let enter = PRINT_PATH.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() >= PRINT_NESTING_CAP || p.contains(&id) {
            false
        } else {
            p.push(id);
            true
        }
    });
    if !enter {
        return None;
    }
    let r = f();
    PRINT_PATH.with(|p| p.borrow_mut().pop());
    Some(r)
}

/// Whether `v` is an array or object the printer is already inside of.
fn on_path_now(v: Value<'_>) -> bool {
    let id = v.payload_bits();
    (is_array(v) || is_object(v)) && PRINT_PATH.with(|p| p.borrow().contains(&id))
}

fn key_str(k: Value<'_>) -> String {
    to_str_scalar(k)
}

pub fn print_r(v: Value<'_>, indent: usize, out: &mut String, depth: usize) {
    let v = deref(v);
    if is_array(v) {
        out.push_str("Array\n");
        let items = arr_entries(v)
            .into_iter()
            .map(|(k, v)| (key_str(k), v))
            .collect();
        if on_print_path(v, || print_hash(items, indent, out, depth)).is_none() {
            out.push_str(" *RECURSION*");
        }
    } else if is_object(v) {
        out.push_str(&class_name_of(v));
        match enum_backing(v) {
            Some(Some(b)) => out.push_str(&format!(" Enum:{b}\n")),
            Some(None) => out.push_str(" Enum\n"),
            None => out.push_str(" Object\n"),
        }
        let items: Vec<(String, Value<'_>)> = object_props(v)
            .into_iter()
            .map(|(n, vis, decl, x)| {
                let k = match vis {
                    Visibility::Public => n,
                    Visibility::Protected => format!("{n}:protected"),
                    Visibility::Private => format!("{n}:{decl}:private"),
                };
                (k, x)
            })
            .collect();
        if on_print_path(v, || print_hash(items, indent, out, depth)).is_none() {
            out.push_str(" *RECURSION*");
        }
    } else {
        out.push_str(&to_str_scalar(v));
    }
}

fn print_hash(items: Vec<(String, Value<'_>)>, indent: usize, out: &mut String, depth: usize) {
    for _ in 0..indent {
        out.push(' ');
    }
    out.push_str("(\n");
    for (k, v) in items {
        for _ in 0..indent + 4 {
            out.push(' ');
        }
        out.push('[');
        out.push_str(&k);
        out.push_str("] => ");
        print_r(v, indent + 8, out, depth + 1);
        out.push('\n');
    }
    for _ in 0..indent {
        out.push(' ');
    }
    out.push_str(")\n");
}

pub fn var_dump(v: Value<'_>, indent: usize, out: &mut String, depth: usize) {
    let pad = " ".repeat(indent);
    let v = deref(v);
    match v {
        Value::None | Value::Absent => out.push_str(&format!("{pad}NULL\n")),
        Value::Bool(b) => out.push_str(&format!("{pad}bool({b})\n")),
        Value::Int(i) => out.push_str(&format!("{pad}int({i})\n")),
        Value::Float(f) => out.push_str(&format!("{pad}float({})\n", fmt_float_repr(f))),
        Value::Str(s) => out.push_str(&format!(
            "{pad}string({}) \"{}\"\n",
            crate::bytes::byte_len(s.as_str()),
            s.as_str()
        )),
        Value::StrBuf(s) => out.push_str(&format!(
            "{pad}string({}) \"{}\"\n",
            crate::bytes::byte_len(s.as_str()),
            s.as_str()
        )),
        _ if is_array(v) => {
            let e = arr_entries(v);
            let body = |out: &mut String| {
                out.push_str(&format!("{pad}array({}) {{\n", e.len()));
                for (k, x) in e {
                    match k {
                        Value::Int(i) => out.push_str(&format!("{pad}  [{i}]=>\n")),
                        k => out.push_str(&format!("{pad}  [\"{}\"]=>\n", key_str(k))),
                    }
                    var_dump(x, indent + 2, out, depth + 1);
                }
                out.push_str(&format!("{pad}}}\n"));
            };
            if on_print_path(v, || body(out)).is_none() {
                out.push_str(&format!("{pad}*RECURSION*\n"));
            }
        }
        _ if is_object(v) && enum_backing(v).is_some() => {
            let name = to_str_scalar(crate::runtime::obj_prop(v, "name"));
            out.push_str(&format!("{pad}enum({}::{name})\n", class_name_of(v)));
        }
        _ if is_object(v) => {
            let props = object_props(v);
            let id = match heap::get_field(v, O_ID) {
                Value::Int(i) => i,
                _ => 0,
            };
            let is_closure =
                class_data(heap::get_field(v, O_CLASS)).map_or(false, |c| c.lname == "closure");
            let n = if is_closure { 0 } else { props.len() };
            let body = |out: &mut String| {
                out.push_str(&format!(
                    "{pad}object({})#{} ({}) {{\n",
                    class_name_of(v),
                    id,
                    n
                ));
                for (name, vis, decl, x) in props {
                    match vis {
                        Visibility::Public => out.push_str(&format!("{pad}  [\"{name}\"]=>\n")),
                        Visibility::Protected => {
                            out.push_str(&format!("{pad}  [\"{name}\":protected]=>\n"))
                        }
                        Visibility::Private => {
                            out.push_str(&format!("{pad}  [\"{name}\":\"{decl}\":private]=>\n"))
                        }
                    }
                    var_dump(x, indent + 2, out, depth + 1);
                }
                out.push_str(&format!("{pad}}}\n"));
            };
            if on_print_path(v, || body(out)).is_none() {
                out.push_str(&format!("{pad}*RECURSION*\n"));
            }
        }
        _ => out.push_str(&format!("{pad}NULL\n")),
    }
}

pub fn export_str(s: &str) -> String {
    let mut o = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '\0' => o.push_str("' . \"\\0\" . '"),
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

pub fn var_export(v: Value<'_>, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let v = deref(v);
    match v {
        Value::None | Value::Absent => out.push_str("NULL"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Int(i) if i == i64::MIN => out.push_str("-9223372036854775807-1"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => {
            let r = fmt_float_repr(f);
            out.push_str(&r);
            if f.is_finite()
                && !r.contains('.')
                && !r.contains('E')
                && !r.contains('N')
                && !r.contains('I')
            {
                out.push_str(".0");
            }
        }
        Value::Str(s) => out.push_str(&export_str(s.as_str())),
        Value::StrBuf(s) => out.push_str(&export_str(s.as_str())),
        _ if (is_array(v) || is_object(v)) && enum_backing(v).is_none() => {
            // php: a cycle is written as NULL after a warning.
            if on_print_path(v, || var_export_compound(v, indent, &pad, out)).is_none() {
                let too_deep = PRINT_PATH.with(|p| p.borrow().len() >= PRINT_NESTING_CAP);
                crate::builtins::warn(if too_deep {
                    // Not a php message: php has no limit (and no stack for it).
                    "var_export does not handle nesting deeper than 5000 levels"
                } else {
                    "var_export does not handle circular references"
                });
                out.push_str("NULL");
            }
        }
        _ if is_object(v) => {
            let name = to_str_scalar(crate::runtime::obj_prop(v, "name"));
            out.push_str(&format!("\\{}::{name}", class_name_of(v)));
        }
        _ => out.push_str("NULL"),
    }
}

/// `var_export` of an array or a (non-enum) object.
fn var_export_compound(v: Value<'_>, indent: usize, pad: &str, out: &mut String) {
    match v {
        _ if is_array(v) => {
            out.push_str("array (\n");
            for (k, x) in arr_entries(v) {
                out.push_str(pad);
                out.push_str("  ");
                match k {
                    Value::Int(i) => out.push_str(&i.to_string()),
                    k => out.push_str(&export_str(&key_str(k))),
                }
                out.push_str(" => ");
                if (is_array(deref(x)) || is_object(deref(x))) && !on_path_now(deref(x)) {
                    out.push('\n');
                    out.push_str(&pad);
                    out.push_str("  ");
                }
                var_export(x, indent + 2, out);
                out.push_str(",\n");
            }
            out.push_str(pad);
            out.push(')');
        }
        _ => {
            let cn = class_name_of(v);
            if cn == "stdClass" {
                out.push_str("(object) array(\n");
            } else {
                out.push_str(&format!("\\{cn}::__set_state(array(\n"));
            }
            for (name, _, _, x) in object_props(v) {
                out.push_str(&pad);
                out.push_str("   ");
                out.push_str(&export_str(&name));
                out.push_str(" => ");
                if (is_array(deref(x)) || is_object(deref(x))) && !on_path_now(deref(x)) {
                    out.push('\n');
                    out.push_str(&pad);
                    out.push_str("  ");
                }
                var_export(x, indent + 2, out);
                out.push_str(",\n");
            }
            out.push_str(pad);
            out.push_str(if cn == "stdClass" { ")" } else { "))" });
        }
    }
}

pub const JSON_HEX_TAG: i64 = 1;
pub const JSON_PRETTY_PRINT: i64 = 128;
pub const JSON_UNESCAPED_SLASHES: i64 = 64;
pub const JSON_UNESCAPED_UNICODE: i64 = 256;
pub const JSON_PRESERVE_ZERO_FRACTION: i64 = 1024;

fn json_str(s: &str, flags: i64, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if flags & JSON_UNESCAPED_SLASHES == 0 => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) > 0x7f && flags & JSON_UNESCAPED_UNICODE == 0 => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

thread_local! {
    /// php's `json_last_error()`: the error of the last `json_encode` or
    /// `json_decode` (0: none).
    static JSON_ERROR: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
    /// The nesting `json_encode` may reach (its `depth` argument).
    static JSON_MAX_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(512) };
}

/// `JSON_ERROR_DEPTH`.
pub const JSON_ERROR_DEPTH: i64 = 1;
/// `JSON_ERROR_SYNTAX`.
pub const JSON_ERROR_SYNTAX: i64 = 4;
/// `JSON_ERROR_UTF8`.
pub const JSON_ERROR_UTF8: i64 = 5;

/// How deep `json_encode` nests whatever its `depth` argument says: php
/// itself overflows its C stack on a few million levels; we report
/// `JSON_ERROR_DEPTH` instead.
const JSON_NESTING_CAP: usize = 100_000;

/// Whether the last [`json_encode`] failed (invalid UTF-8 or too deep):
/// php's `json_encode` then returns false.
pub fn json_failed() -> bool {
    JSON_ERROR.with(|c| c.get()) != 0
}

/// Clears the error [`json_last_error`] reports and sets the nesting limit
/// of the next [`json_encode`].
pub fn json_reset_depth(depth: usize) {
    JSON_ERROR.with(|c| c.set(0));
    JSON_MAX_DEPTH.with(|c| c.set(depth.min(JSON_NESTING_CAP)));
}

/// php's `json_last_error()`.
pub fn json_last_error() -> i64 {
    JSON_ERROR.with(|c| c.get())
}

/// Records a `json_decode` outcome for `json_last_error()`.
pub fn json_set_error(code: i64) {
    JSON_ERROR.with(|c| c.set(code));
}

/// php's `json_last_error_msg()` for an error code.
pub fn json_error_msg(code: i64) -> &'static str {
    match code {
        0 => "No error",
        JSON_ERROR_DEPTH => "Maximum stack depth exceeded",
        2 => "State mismatch (invalid or malformed JSON)",
        3 => "Control character error, possibly incorrectly encoded",
        JSON_ERROR_SYNTAX => "Syntax error",
        JSON_ERROR_UTF8 => "Malformed UTF-8 characters, possibly incorrectly encoded",
        _ => "Unknown error",
    }
}

/// A PHP string as JSON: its bytes must be UTF-8 (see `bytes`).
fn json_php_str(text: &str, flags: i64, out: &mut String) {
    let b = crate::bytes::encode(text);
    match std::str::from_utf8(&b) {
        Ok(t) => json_str(t, flags, out),
        Err(_) => {
            JSON_ERROR.with(|c| c.set(JSON_ERROR_UTF8));
            out.push_str("null");
        }
    }
}

pub fn json_encode(v: Value<'_>, flags: i64, indent: usize, out: &mut String) {
    let v = deref(v);
    let pretty = flags & JSON_PRETTY_PRINT != 0;
    match v {
        Value::None | Value::Absent => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => {
            let r = fmt_float_repr(f).replace('E', "e");
            out.push_str(&r);
            if flags & JSON_PRESERVE_ZERO_FRACTION != 0
                && f.fract() == 0.0
                && !r.contains('e')
                && !r.contains('.')
            {
                out.push_str(".0");
            }
        }
        Value::Str(s) => json_php_str(s.as_str(), flags, out),
        Value::StrBuf(s) => json_php_str(s.as_str(), flags, out),
        _ if is_object(v) && enum_backing(v).is_some() => {
            json_encode(crate::runtime::obj_prop(v, "value"), flags, indent, out)
        }
        _ if is_array(v) || is_object(v) => {
            // `indent` grows by 4 per level whether or not it is printed.
            if indent / 4 + 1 > JSON_MAX_DEPTH.with(|c| c.get()) {
                JSON_ERROR.with(|c| c.set(JSON_ERROR_DEPTH));
                return;
            }
            let (items, is_list): (Vec<(String, Value)>, bool) = if is_array(v) {
                let e = arr_entries(v);
                let list = e
                    .iter()
                    .enumerate()
                    .all(|(i, (k, _))| matches!(k, Value::Int(j) if *j == i as i64));
                (e.into_iter().map(|(k, x)| (key_str(k), x)).collect(), list)
            } else {
                (
                    object_props(v)
                        .into_iter()
                        .filter(|(_, vis, _, _)| *vis == Visibility::Public)
                        .map(|(n, _, _, x)| (n, x))
                        .collect(),
                    false,
                )
            };
            let (open, close) = if is_list { ('[', ']') } else { ('{', '}') };
            out.push(open);
            if items.is_empty() {
                out.push(close);
                return;
            }
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    out.push('\n');
                    out.push_str(&" ".repeat(indent + 4));
                }
                if !is_list {
                    json_str(k, flags, out);
                    out.push(':');
                    if pretty {
                        out.push(' ');
                    }
                }
                json_encode(*x, flags, indent + 4, out);
            }
            if pretty {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
            }
            out.push(close);
        }
        _ => out.push_str("null"),
    }
}

/// For an enum case: `Some(backing type)` (`None` for a pure enum); else `None`.
fn enum_backing(v: Value<'_>) -> Option<Option<&'static str>> {
    let cd = class_data(heap::get_field(v, O_CLASS))?;
    if cd.kind != crate::ast::ClassKind::Enum {
        return None;
    }
    Some(match crate::runtime::obj_prop(v, "value") {
        Value::Int(_) => Some("int"),
        Value::Str(_) => Some("string"),
        _ => None,
    })
}
