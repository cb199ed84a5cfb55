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
    matches!(name, "decode" | "hex" | "fromhex")
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
        v if is_bytes_kind(kind_of(rt, v)) => Ok(text_of(v)),
        v => rt.err(
            Ty::TypeError,
            format!(
                "a bytes-like object is required, not '{}'",
                type_name_of(rt, v)
            ),
        ),
    }
}

/// Bytes (or bytearray, `k`) results from a `str` method's result.
fn rewrap<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, k: Ty) -> Value<'gc> {
    match v {
        Value::Str(_) => rt.record(k, &[v]),
        Value::List(_) => rt.list(
            heap::list_items(v)
                .into_iter()
                .map(|x| rewrap(rt, x, k))
                .collect(),
        ),
        v if kind_of(rt, v) == Ty::Tuple => {
            let items: Vec<Value<'gc>> = tuple_items(v)
                .into_iter()
                .map(|x| rewrap(rt, x, k))
                .collect();
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
    let bk = kind_of(rt, b);
    if name == "fromhex" {
        return fromhex(rt, bk.name(), args);
    }
    if bk == Ty::ByteArray && MUTATORS.contains(&name) {
        return mutate(rt, name, b, args);
    }
    let text = text_of(b);
    let s = text.as_str().unwrap_or("");
    let non_ascii = !s.is_ascii();
    let new_bytes = |rt: &Rt<'_, 'gc>, t: &str| rt.record(bk, &[rt.s(t)]);
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
                if !is_bytes_kind(kind_of(rt, x)) {
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
    Ok(rewrap(rt, r, bk))
}

/// The methods only `bytearray` has (it changes in place).
pub const MUTATORS: &[&str] = &[
    "append", "extend", "pop", "insert", "remove", "clear", "reverse", "copy",
];

/// One byte from an int argument (CPython's texts for a non-int or an int
/// out of range).
fn byte_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, u8> {
    match v {
        Value::Int(n) if (0..256).contains(&n) => Ok(n as u8),
        Value::Bool(b) => Ok(b as u8),
        Value::Int(_) | Value::BigInt(_) => rt.err(Ty::ValueError, "byte must be in range(0, 256)"),
        v => rt.err(
            Ty::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                type_name_of(rt, v)
            ),
        ),
    }
}

/// The bytes of a bytes-like value or an iterable of ints.
fn data_from<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, Vec<u8>> {
    if is_bytes_kind(kind_of(rt, v)) {
        return Ok(data_of(v));
    }
    if matches!(v, Value::Str(_)) {
        return rt.err(Ty::TypeError, "string argument without an encoding");
    }
    let mut out = Vec::new();
    for x in iterate(rt, v)? {
        match x {
            Value::Int(n) if !(0..256).contains(&n) => {
                return rt.err(Ty::ValueError, "bytes must be in range(0, 256)")
            }
            _ => out.push(byte_of(rt, x)?),
        }
    }
    Ok(out)
}

/// Stores `data` as bytearray `b`'s contents.
fn store<'gc>(rt: &Rt<'_, 'gc>, b: Value<'gc>, data: &[u8]) {
    let s: String = data.iter().map(|c| char::from(*c)).collect();
    heap::set_field(rt.mc, b, 1, rt.s(&s));
}

/// `bytes(...)` and `bytearray(...)` (kind `k`).
pub fn construct<'gc>(
    rt: &Rt<'_, 'gc>,
    k: Ty,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let enc = args.get(1).copied().or(super::kwarg(kw, "encoding"));
    let data = match args.first().copied().or(super::kwarg(kw, "source")) {
        None => Vec::new(),
        Some(s @ Value::Str(_)) => {
            let Some(enc) = enc else {
                return rt.err(Ty::TypeError, "string argument without an encoding");
            };
            let mut a = vec![enc];
            a.extend(args.get(2).copied());
            let e = super::methods::method(rt, "encode", s, &a, &[])?;
            data_of(e)
        }
        Some(_) if enc.is_some() => {
            return rt.err(Ty::TypeError, "encoding without a string argument")
        }
        Some(Value::Int(n)) if n < 0 => return rt.err(Ty::ValueError, "negative count"),
        // More than the heap could hold: CPython's MemoryError, not an abort.
        Some(Value::Int(n)) if n > 1 << 32 => return rt.err(Ty::MemoryError, ""),
        Some(Value::Int(n)) => vec![0u8; n as usize],
        Some(Value::BigInt(_)) => {
            return rt.err(
                Ty::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )
        }
        Some(v) => data_from(rt, v)?,
    };
    let s: String = data.iter().map(|c| char::from(*c)).collect();
    Ok(rt.record(k, &[rt.s(&s)]))
}

/// `b[k] = v` (`Some(v)`) or `del b[k]` (`None`) for bytearray `b`.
pub fn set_item<'gc>(
    rt: &Rt<'_, 'gc>,
    b: Value<'gc>,
    k: Value<'gc>,
    v: Option<Value<'gc>>,
) -> PyResult<'gc, Value<'gc>> {
    let mut data = data_of(b);
    let n = data.len() as i64;
    if kind_of(rt, k) == Ty::Slice {
        let (s, e, st) = crate::ops::slice_indices(rt, k, n)?;
        let new = match v {
            Some(Value::Int(_)) => {
                return rt.err(
                    Ty::TypeError,
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                )
            }
            Some(v) => Some(data_from(rt, v)?),
            None => None,
        };
        if st == 1 {
            let e = e.max(s) as usize;
            data.splice(s as usize..e, new.unwrap_or_default());
        } else {
            let mut pos = crate::ops::slice_positions(s, e, st);
            match new {
                Some(new) => {
                    if pos.len() != new.len() {
                        return rt.err(
                            Ty::ValueError,
                            format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                new.len(),
                                pos.len()
                            ),
                        );
                    }
                    for (p, x) in pos.iter().zip(new) {
                        data[*p] = x;
                    }
                }
                None => {
                    pos.sort_unstable();
                    for p in pos.into_iter().rev() {
                        data.remove(p);
                    }
                }
            }
        }
    } else {
        let i = match k {
            Value::Int(i) => i,
            Value::Bool(x) => x as i64,
            _ => {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "bytearray indices must be integers or slices, not {}",
                        type_name_of(rt, k)
                    ),
                )
            }
        };
        let Some(j) = crate::ops::norm_index(i, n) else {
            return rt.err(Ty::IndexError, "bytearray index out of range");
        };
        match v {
            Some(v) => data[j as usize] = byte_of(rt, v)?,
            None => {
                data.remove(j as usize);
            }
        }
    }
    store(rt, b, &data);
    Ok(Value::None)
}

/// `ba += other`: extends in place and returns `ba`.
pub fn iadd<'gc>(rt: &Rt<'_, 'gc>, b: Value<'gc>, other: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    if !is_bytes_kind(kind_of(rt, other)) {
        return rt.err(
            Ty::TypeError,
            format!("can't concat {} to bytearray", type_name_of(rt, other)),
        );
    }
    let t = text_of(b);
    let joined = vm_core::strbuf::append(rt.mc, t, text_of(other).as_str().unwrap_or(""))
        .unwrap_or_else(|| {
            rt.s(&format!(
                "{}{}",
                t.as_str().unwrap_or(""),
                text_of(other).as_str().unwrap_or("")
            ))
        });
    heap::set_field(rt.mc, b, 1, joined);
    Ok(b)
}

/// A bytearray's own methods (`append`, `extend`, `pop` ...).
fn mutate<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    b: Value<'gc>,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let want = |lo: usize, hi: usize| -> PyResult<'gc, ()> {
        if args.len() < lo || args.len() > hi {
            let msg = if lo == hi {
                format!(
                    "bytearray.{name}() takes exactly one argument ({} given)",
                    args.len()
                )
            } else {
                format!(
                    "{name} expected at most {hi} argument{}, got {}",
                    if hi == 1 { "" } else { "s" },
                    args.len()
                )
            };
            return rt.err(Ty::TypeError, msg);
        }
        Ok(())
    };
    match name {
        "append" => {
            want(1, 1)?;
            let c = byte_of(rt, args[0])?;
            return iadd(
                rt,
                b,
                rt.record(Ty::Bytes, &[rt.s(&char::from(c).to_string())]),
            )
            .map(|_| Value::None);
        }
        "extend" => {
            want(1, 1)?;
            let d = data_from(rt, args[0]).or_else(|e| match args[0] {
                Value::Str(_) => rt.err(Ty::TypeError, "expected iterable of integers; got: 'str'"),
                _ => Err(e),
            })?;
            return iadd(rt, b, from_data(rt, &d)).map(|_| Value::None);
        }
        "copy" => {
            want(0, 0)?;
            return Ok(rt.record(Ty::ByteArray, &[text_of(b)]));
        }
        _ => {}
    }
    let mut data = data_of(b);
    let r = match name {
        "pop" => {
            want(0, 1)?;
            if data.is_empty() {
                return rt.err(Ty::IndexError, "pop from empty bytearray");
            }
            let i = match args.first() {
                Some(Value::Int(i)) => *i,
                Some(Value::BigInt(_)) => {
                    return rt.err(
                        Ty::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    )
                }
                Some(v) => return Err(byte_of(rt, *v).err().unwrap_or(Fail::Guest)),
                None => -1,
            };
            let Some(j) = crate::ops::norm_index(i, data.len() as i64) else {
                return rt.err(Ty::IndexError, "pop index out of range");
            };
            Value::Int(data.remove(j as usize) as i64)
        }
        "insert" => {
            want(2, 2)?;
            let Value::Int(i) = args[0] else {
                return Err(byte_of(rt, args[0]).err().unwrap_or(Fail::Guest));
            };
            let c = byte_of(rt, args[1])?;
            let n = data.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            data.insert(j as usize, c);
            Value::None
        }
        "remove" => {
            want(1, 1)?;
            let c = byte_of(rt, args[0])?;
            match data.iter().position(|x| *x == c) {
                Some(p) => {
                    data.remove(p);
                }
                None => return rt.err(Ty::ValueError, "value not found in bytearray"),
            }
            Value::None
        }
        "clear" => {
            want(0, 0)?;
            data.clear();
            Value::None
        }
        _ => {
            want(0, 0)?;
            data.reverse();
            Value::None
        }
    };
    store(rt, b, &data);
    Ok(r)
}

/// Whether a `decode` call names a one-byte codec (latin-1, ascii).
pub fn single_byte_codec<'gc>(
    rt: &Rt<'_, 'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, bool> {
    let _ = rt;
    let enc = args.first().copied().or(super::kwarg(kw, "encoding"));
    Ok(enc
        .and_then(|e| e.as_str().map(codec_name))
        .is_some_and(|n| {
            matches!(
                n.as_str(),
                "latin_1" | "latin1" | "iso_8859_1" | "l1" | "ascii" | "us_ascii"
            )
        }))
}

/// A codec name normalised as CPython's lookup does (lower case, `-` as `_`).
fn codec_name(s: &str) -> String {
    s.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// `b.decode('latin-1')` / `b.decode('ascii')`.
pub fn decode_single<'gc>(
    rt: &Rt<'_, 'gc>,
    b: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let enc = args.first().copied().or(super::kwarg(kw, "encoding"));
    let name = enc
        .and_then(|e| e.as_str().map(codec_name))
        .unwrap_or_default();
    let errors = args.get(1).copied().or(super::kwarg(kw, "errors"));
    let errors = errors.and_then(|e| e.as_str().map(str::to_string));
    let data = data_of(b);
    if name.contains("ascii") {
        let mut out = String::new();
        for (i, c) in data.iter().enumerate() {
            if *c < 128 {
                out.push(char::from(*c));
            } else {
                match errors.as_deref() {
                    Some("ignore") => {}
                    Some("replace") => out.push('\u{fffd}'),
                    _ => {
                        return rt.err(
                            Ty::UnicodeDecodeError,
                            format!(
                                "'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"
                            ),
                        )
                    }
                }
            }
        }
        return Ok(rt.s(&out));
    }
    Ok(rt.s(&text_of(b).as_str().unwrap_or("").to_string()))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits,
/// whitespace between pairs.
pub fn fromhex<'gc>(
    rt: &Rt<'_, 'gc>,
    tname: &str,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let Some(s) = args.first().and_then(|a| a.as_str().map(str::to_string)) else {
        return rt.err(
            Ty::TypeError,
            format!(
                "fromhex() argument must be str, not {}",
                args.first()
                    .map_or("NoneType".to_string(), |a| type_name_of(rt, *a))
            ),
        );
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |i: usize| {
        rt.err(
            Ty::ValueError,
            format!("non-hexadecimal number found in fromhex() arg at position {i}"),
        )
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16) else {
            return bad(i);
        };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else {
            return bad(i + 1);
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let k = if tname == "bytearray" {
        Ty::ByteArray
    } else {
        Ty::Bytes
    };
    let text: String = out.iter().map(|c| char::from(*c)).collect();
    Ok(rt.record(k, &[rt.s(&text)]))
}
