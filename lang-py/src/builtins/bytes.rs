//! `bytes` methods. A bytes object is a record holding a string with one
//! character (U+0000..U+00FF) per byte, so most methods are `str`'s run on
//! that string: arguments that are bytes become their strings, and results
//! that are strings become bytes again. Case and character-class methods
//! look at ASCII letters only, as bytes' do.

use vm_core::heap;
use vm_core::Value;

use super::{iterate, strings, PyResult};
use crate::objects::*;

/// `str` methods bytes objects do not have.
const NOT_BYTES: &[&str] = &[
    "format",
    "format_map",
    "encode",
    "casefold",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "isprintable",
];

/// Whether bytes objects have method `name`: `decode`, `hex`, and `str`'s
/// methods but those of [`NOT_BYTES`].
pub fn has_method(name: &str) -> bool {
    matches!(name, "decode" | "hex")
        || (strings::METHODS.contains(&name) && !NOT_BYTES.contains(&name))
}

/// A bytes object of `text` (one character per byte).
pub fn new_bytes<'gc>(rt: &Rt<'_, 'gc>, text: &str) -> Value<'gc> {
    rt.record(Ty::Bytes, &[rt.s(text)])
}

/// The bytes object of raw `data`.
pub fn from_data<'gc>(rt: &Rt<'_, 'gc>, data: &[u8]) -> Value<'gc> {
    let s: String = data.iter().map(|b| char::from(*b)).collect();
    new_bytes(rt, &s)
}

/// The raw bytes of bytes object `b`.
pub fn data_of(b: Value<'_>) -> Vec<u8> {
    field(b, 1)
        .as_str()
        .unwrap_or("")
        .chars()
        .map(|c| c as u8)
        .collect()
}

/// The text of bytes object `b`.
pub fn text_of<'gc>(b: Value<'gc>) -> Value<'gc> {
    field(b, 1)
}

/// An argument of a bytes method: bytes as their text, an int (for `in`,
/// `count`, `find`...) as the one-byte text; anything else is a TypeError.
fn arg<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, allow_int: bool) -> PyResult<'gc, Value<'gc>> {
    match v {
        Value::None => Ok(v),
        Value::Int(n) if allow_int && (0..256).contains(&n) => {
            Ok(rt.s(&char::from(n as u8).to_string()))
        }
        Value::Int(_) if allow_int => rt.err(Ty::ValueError, "byte must be in range(0, 256)"),
        v if kind_of(rt, v) == Ty::Bytes => Ok(text_of(v)),
        v => rt.err(
            Ty::TypeError,
            format!(
                "a bytes-like object is required, not '{}'",
                type_name_of(rt, v)
            ),
        ),
    }
}

/// Bytes results from a `str` method's result.
fn rewrap<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Value<'gc> {
    match v {
        Value::Str(_) => rt.record(Ty::Bytes, &[v]),
        Value::List(_) => rt.list(
            heap::list_items(v)
                .into_iter()
                .map(|x| rewrap(rt, x))
                .collect(),
        ),
        v if kind_of(rt, v) == Ty::Tuple => {
            let items: Vec<Value<'gc>> =
                tuple_items(v).into_iter().map(|x| rewrap(rt, x)).collect();
            rt.tuple(&items)
        }
        v => v,
    }
}

/// Maps the ASCII letters of `s` with `f`, leaving every other byte.
fn ascii_map(s: &str, f: impl Fn(char) -> char) -> String {
    s.chars()
        .map(|c| if c.is_ascii() { f(c) } else { c })
        .collect()
}

/// `b.name(*args)` for bytes `b`.
pub fn method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    b: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let text = text_of(b);
    let s = text.as_str().unwrap_or("");
    let non_ascii = !s.is_ascii();
    match name {
        "upper" => return Ok(new_bytes(rt, &ascii_map(s, |c| c.to_ascii_uppercase()))),
        "lower" => return Ok(new_bytes(rt, &ascii_map(s, |c| c.to_ascii_lowercase()))),
        "swapcase" => {
            return Ok(new_bytes(
                rt,
                &ascii_map(s, |c| {
                    if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                }),
            ))
        }
        "isalpha" | "isdigit" | "isalnum" | "isspace" | "isupper" | "islower" | "istitle"
            if non_ascii =>
        {
            // Non-ASCII bytes are no letters, digits or spaces.
            let t: String = s
                .chars()
                .map(|c| if c.is_ascii() { c } else { '\0' })
                .collect();
            let r = strings::str_method(rt, name, rt.s(&t), &[], kw)?;
            return Ok(
                if name == "isupper" || name == "islower" || name == "istitle" {
                    r
                } else {
                    Value::Bool(false)
                },
            );
        }
        "maketrans" => {
            let (from, to) = match (args.first(), args.get(1)) {
                (Some(f), Some(t)) => (arg(rt, *f, false)?, arg(rt, *t, false)?),
                _ => return rt.err(Ty::TypeError, "maketrans expected 2 arguments"),
            };
            let (from, to) = (from.as_str().unwrap_or(""), to.as_str().unwrap_or(""));
            if from.chars().count() != to.chars().count() {
                return rt.err(Ty::ValueError, "maketrans arguments must have same length");
            }
            let mut table: Vec<char> = (0..=255u8).map(char::from).collect();
            for (f, t) in from.chars().zip(to.chars()) {
                table[f as usize] = t;
            }
            return Ok(new_bytes(rt, &table.into_iter().collect::<String>()));
        }
        "translate" => {
            let table = match args.first() {
                None | Some(Value::None) => None,
                Some(t) => {
                    let t: Vec<char> = arg(rt, *t, false)?.as_str().unwrap_or("").chars().collect();
                    if t.len() != 256 {
                        return rt.err(
                            Ty::ValueError,
                            "translation table must be 256 characters long",
                        );
                    }
                    Some(t)
                }
            };
            let delete: Vec<char> = match args.get(1).copied().or(super::kwarg(kw, "delete")) {
                Some(d) => arg(rt, d, false)?.as_str().unwrap_or("").chars().collect(),
                None => Vec::new(),
            };
            let out: String = s
                .chars()
                .filter(|c| !delete.contains(c))
                .map(|c| table.as_ref().map_or(c, |t| t[c as usize]))
                .collect();
            return Ok(new_bytes(rt, &out));
        }
        "join" => {
            let Some(it) = args.first() else {
                return rt.err(Ty::TypeError, "join() takes exactly one argument (0 given)");
            };
            let mut parts = Vec::new();
            for (i, x) in iterate(rt, *it)?.into_iter().enumerate() {
                if kind_of(rt, x) != Ty::Bytes {
                    return rt.err(
                        Ty::TypeError,
                        format!(
                            "sequence item {i}: expected a bytes-like object, {} found",
                            type_name_of(rt, x)
                        ),
                    );
                }
                parts.push(text_of(x).as_str().unwrap_or("").to_string());
            }
            return Ok(new_bytes(rt, &parts.join(s)));
        }
        _ => {}
    }
    // The rest: str's method on the text.
    let allow_int = matches!(name, "find" | "rfind" | "index" | "rindex" | "count");
    let mut a = Vec::with_capacity(args.len());
    for (i, x) in args.iter().enumerate() {
        let int_arg = matches!(x, Value::Int(_) | Value::Bool(_))
            && (i > 0
                || matches!(
                    name,
                    "center" | "ljust" | "rjust" | "zfill" | "expandtabs" | "splitlines"
                ));
        if int_arg {
            a.push(*x);
        } else if kind_of(rt, *x) == Ty::Tuple && matches!(name, "startswith" | "endswith") {
            let items: PyResult<'gc, Vec<Value<'gc>>> = tuple_items(*x)
                .into_iter()
                .map(|y| arg(rt, y, false))
                .collect();
            a.push(rt.tuple(&items?));
        } else {
            a.push(arg(rt, *x, allow_int && i == 0)?);
        }
    }
    let mut k = Vec::with_capacity(kw.len());
    for (n, v) in kw {
        k.push((
            n.clone(),
            if matches!(v, Value::Int(_) | Value::Bool(_)) {
                *v
            } else {
                arg(rt, *v, false)?
            },
        ));
    }
    let r = strings::str_method(rt, name, text, &a, &k)?;
    Ok(rewrap(rt, r))
}
