//! Methods of the built-in types other than str (see `strings.rs`):
//! list, dict, set, tuple, int, float, bytes, range, files, properties.

use gc_arena::Gc;
use vm_core::heap;
use vm_core::{Mutation, Value};

use super::{io, split_args, strings};
use crate::objects::*;

const LIST: &[&str] = &[
    "append", "extend", "pop", "insert", "remove", "index", "count", "sort", "reverse", "copy",
    "clear",
];
const DICT: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "copy",
    "clear",
    "fromkeys",
];
const SET: &[&str] = &[
    "add",
    "remove",
    "discard",
    "pop",
    "update",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "copy",
    "clear",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];
const TUPLE: &[&str] = &["index", "count"];
const INT: &[&str] = &[
    "bit_length",
    "to_bytes",
    "from_bytes",
    "conjugate",
    "bit_count",
    "is_integer",
];
const FLOAT: &[&str] = &["is_integer", "as_integer_ratio", "conjugate", "hex"];
const FILE: &[&str] = &[
    "detach",
    "write",
    "read",
    "readline",
    "readlines",
    "close",
    "__enter__",
    "__exit__",
    "flush",
    "writelines",
    "__iter__",
    "__next__",
    "fileno",
    "isatty",
    "readable",
    "writable",
];

const DUNDERS: &[&str] = &[
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__iter__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__add__",
    "__sub__",
    "__mul__",
    "__mod__",
    "__truediv__",
    "__floordiv__",
    "__pow__",
    "__and__",
    "__or__",
    "__xor__",
    "__hash__",
    "__repr__",
    "__str__",
    "__bool__",
    "__neg__",
    "__abs__",
    "__format__",
];

/// Whether built-in kind `k` has a method `name`.
pub fn has_method(k: Ty, name: &str) -> bool {
    if name.starts_with("__")
        && DUNDERS.contains(&name)
        && !crate::objects::is_instance_kind(k)
        && !matches!(
            k,
            Ty::Type | Ty::Module | Ty::Function | Ty::Generator | Ty::Super
        )
    {
        return true;
    }
    match k {
        Ty::List => LIST.contains(&name),
        Ty::Dict => DICT.contains(&name),
        Ty::Set => SET.contains(&name),
        Ty::FrozenSet => {
            SET.contains(&name)
                && !matches!(
                    name,
                    "add" | "remove" | "discard" | "pop" | "update" | "clear"
                )
        }
        Ty::Tuple | Ty::Range => TUPLE.contains(&name),
        Ty::Int | Ty::Bool => INT.contains(&name),
        Ty::Float => FLOAT.contains(&name),
        Ty::Str => strings::METHODS.contains(&name),
        Ty::File => FILE.contains(&name),
        Ty::Bytes => super::bytes::has_method(name),
        Ty::ByteArray => super::bytes::has_method(name) || super::bytes::MUTATORS.contains(&name),
        Ty::DictKeys | Ty::DictItems => ["isdisjoint"].contains(&name),
        Ty::Property => ["setter", "getter", "deleter"].contains(&name),
        _ => false,
    }
}

/// `H_METHOD`: a[0] name, a[1] kwnames, a[2] self, a[3..] values.
pub fn call_method<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let name = a[0].as_str().unwrap_or("").to_string();
    let (args, kw) = split_args(a[1], &a[3..]);
    method(rt, &name, a[2], &args, &kw)
}

fn want<'gc>(
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
        return rt.err(
            Ty::TypeError,
            format!(
                "{}() takes at most {} arguments ({} given)",
                name,
                max,
                args.len()
            ),
        );
    }
    Ok(())
}

fn kwv<'gc>(kw: &[(String, Value<'gc>)], n: &str) -> Option<Value<'gc>> {
    kw.iter().find(|(k, _)| k == n).map(|(_, v)| *v)
}

fn set_list<'gc>(rt: &Rt<'_, 'gc>, l: Value<'gc>, items: Vec<Value<'gc>>) {
    heap::list_truncate(rt.mc, l, 0);
    for x in items {
        heap::list_append(rt.mc, l, x);
    }
}

/// Removes and returns item `j` (in range) of a list, in place.
pub fn list_pop_at<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, j: i64) -> Value<'gc> {
    if j == heap::list_len(l) - 1 {
        return heap::list_pop(mc, l);
    }
    heap::list_modify(mc, l, |items| items.remove(j as usize))
}

/// `list.insert(i, x)` in place (CPython clamps `i` to the list).
pub fn list_insert<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, i: i64, x: Value<'gc>) {
    let n = heap::list_len(l);
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    if i == n {
        heap::list_append(mc, l, x);
    } else {
        heap::list_modify(mc, l, |items| items.insert(i as usize, x));
    }
}

/// `l[start:stop:step]` of a list whose slice bounds are ints or None.
pub fn list_slice<'gc>(
    rt: &Rt<'_, 'gc>,
    l: Value<'gc>,
    start: Value<'gc>,
    stop: Value<'gc>,
    step: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let Value::List(lst) = l else {
        return Err(Fail::Guest);
    };
    let out: Vec<Value<'gc>> = {
        let items = lst.borrow();
        let (s, e, st) = crate::ops::slice_bounds(rt, start, stop, step, items.len() as i64)?;
        if st == 1 {
            items[s as usize..e.max(s) as usize].to_vec()
        } else if st > 0 {
            (s..e)
                .step_by(st as usize)
                .map(|i| items[i as usize])
                .collect()
        } else {
            let mut out = Vec::with_capacity(((s - e).max(0) / -st + 1) as usize);
            let mut i = s;
            while i > e {
                out.push(items[i as usize]);
                i += st;
            }
            out
        }
    };
    Ok(rt.list(out))
}

/// `l[start:stop] = src[a:b:c]` for lists, with the items of the source
/// slice gathered on the stack (up to 32) instead of in a new list.
pub fn list_slice_copy<'gc>(
    rt: &Rt<'_, 'gc>,
    l: Value<'gc>,
    start: Value<'gc>,
    stop: Value<'gc>,
    src: Value<'gc>,
    abc: [Value<'gc>; 3],
) -> PyResult<'gc, ()> {
    let Value::List(sl) = src else {
        return Err(Fail::Guest);
    };
    let mut small = [Value::None; 32];
    let mut big = Vec::new();
    let new: &[Value<'gc>] = {
        let items = sl.borrow();
        let (s, e, st) = crate::ops::slice_bounds(rt, abc[0], abc[1], abc[2], items.len() as i64)?;
        let n = if st > 0 {
            ((e - s).max(0) + st - 1) / st
        } else {
            ((s - e).max(0) + (-st) - 1) / (-st)
        } as usize;
        let pick = (0..n).map(|j| items[(s + j as i64 * st) as usize]);
        if n <= small.len() {
            for (d, v) in small.iter_mut().zip(pick) {
                *d = v;
            }
            &small[..n]
        } else {
            big.extend(pick);
            &big
        }
    };
    let len = heap::list_len(l);
    let (s, e, _) = crate::ops::slice_bounds(rt, start, stop, Value::None, len)?;
    let (s, e) = (s as usize, e.max(s) as usize);
    heap::list_modify(rt.mc, l, |items| {
        if e - s == new.len() {
            items[s..e].copy_from_slice(new);
        } else {
            items.splice(s..e, new.iter().copied());
        }
    });
    Ok(())
}

/// `l[start:stop] = src` for a list `src` (a slice without step): in place
/// when the lengths match, a splice otherwise.
pub fn list_set_slice<'gc>(
    rt: &Rt<'_, 'gc>,
    l: Value<'gc>,
    start: Value<'gc>,
    stop: Value<'gc>,
    src: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let (Value::List(dst), Value::List(sl)) = (l, src) else {
        return Err(Fail::Guest);
    };
    let n = heap::list_len(l);
    let (s, e, _) = crate::ops::slice_bounds(rt, start, stop, Value::None, n)?;
    let (s, e) = (s as usize, e.max(s) as usize);
    if Gc::ptr_eq(dst, sl) {
        let new = heap::list_items(src);
        heap::list_modify(rt.mc, l, |items| {
            items.splice(s..e, new);
        });
        return Ok(Value::None);
    }
    let new = sl.borrow();
    heap::list_modify(rt.mc, l, |items| {
        if e - s == new.len() {
            items[s..e].copy_from_slice(&new);
        } else {
            items.splice(s..e, new.iter().copied());
        }
    });
    Ok(Value::None)
}

fn find_eq<'gc>(
    rt: &Rt<'_, 'gc>,
    items: &[Value<'gc>],
    x: Value<'gc>,
) -> PyResult<'gc, Option<usize>> {
    for (i, y) in items.iter().enumerate() {
        if x.same(y) || eq(rt, x, *y)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// Calls method `name` of built-in value `s`.
pub fn method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    s: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    if let Some(n) = native_slot(s) {
        return method(rt, name, n, args, kw);
    }
    if matches!(
        kind_of(rt, s),
        Ty::Str | Ty::Bytes | Ty::ByteArray | Ty::Int | Ty::Float
    ) && args.iter().any(|a| immutable_native(*a).is_some())
    {
        // `"x".startswith(MyStr("x"))`: a subclass argument as its value.
        let a: Vec<Value<'gc>> = args
            .iter()
            .map(|a| immutable_native(*a).unwrap_or(*a))
            .collect();
        return method(rt, name, s, &a, kw);
    }
    if name.starts_with("__") && DUNDERS.contains(&name) {
        return dunder(rt, name, s, args);
    }
    let k = kind_of(rt, s);
    match k {
        Ty::Str => return strings::str_method(rt, name, s, args, kw),
        Ty::List => return list_method(rt, name, s, args, kw),
        Ty::Dict => return dict_method(rt, name, s, args, kw),
        Ty::Set | Ty::FrozenSet => return set_method(rt, name, s, args),
        Ty::Bytes | Ty::ByteArray if !matches!(name, "decode" | "hex") => {
            return super::bytes::method(rt, name, s, args, kw)
        }
        _ => {}
    }
    match (k, name) {
        (Ty::Tuple | Ty::Range, "index" | "count") => {
            let items = iterate(rt, s)?;
            if name == "count" {
                let mut n = 0;
                for y in &items {
                    if args[0].same(y) || eq(rt, args[0], *y)? {
                        n += 1;
                    }
                }
                return Ok(Value::Int(n));
            }
            match find_eq(rt, &items, args[0])? {
                Some(i) => Ok(Value::Int(i as i64)),
                None => rt.err(
                    Ty::ValueError,
                    format!("{}.index(x): x not in {}", k.name(), k.name()),
                ),
            }
        }
        (Ty::Int | Ty::Bool, "bit_length") => {
            let b = to_bigint(s).unwrap_or_default();
            Ok(Value::Int(b.bits() as i64))
        }
        (Ty::Int | Ty::Bool, "bit_count") => {
            let b = to_bigint(s).unwrap_or_default();
            let (_, digits) = b.to_u32_digits();
            Ok(Value::Int(
                digits.iter().map(|d| d.count_ones() as i64).sum(),
            ))
        }
        (Ty::Int | Ty::Bool, "to_bytes") => {
            let length = match args.first().copied().or(super::kwarg(kw, "length")) {
                Some(v) => match v {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::Int(_) => {
                        return rt.err(Ty::ValueError, "length argument must be non-negative")
                    }
                    _ => return rt.err(Ty::TypeError, "'length' must be an integer"),
                },
                None => 1,
            };
            let order = args.get(1).copied().or(super::kwarg(kw, "byteorder"));
            let little = match order.and_then(|v| v.as_str().map(|s| s.to_string())) {
                None if order.is_none() => false,
                Some(o) if o == "big" => false,
                Some(o) if o == "little" => true,
                _ => return rt.err(Ty::ValueError, "byteorder must be either 'little' or 'big'"),
            };
            use num_traits::{Signed, Zero};
            let signed = super::kwarg(kw, "signed").is_some_and(|v| truth(rt, v).unwrap_or(false));
            let b = to_bigint(s).unwrap_or_default();
            if b.is_negative() && !signed {
                return rt.err(Ty::OverflowError, "can't convert negative int to unsigned");
            }
            let mut bytes = b.to_signed_bytes_le();
            if !signed || !b.is_negative() {
                // Unsigned form: drop the sign byte to_signed_bytes_le may add.
                while bytes.len() > 1 && bytes.last() == Some(&0) {
                    bytes.pop();
                }
                if b.is_zero() {
                    bytes.clear();
                }
            }
            let fits = bytes.len() <= length
                && !(signed
                    && !b.is_negative()
                    && bytes.len() == length
                    && length > 0
                    && bytes[length - 1] & 0x80 != 0)
                && !(signed && !b.is_negative() && length == 0 && !b.is_zero());
            if !fits {
                return rt.err(Ty::OverflowError, "int too big to convert");
            }
            let pad = if b.is_negative() { 0xff } else { 0 };
            bytes.resize(length, pad);
            if !little {
                bytes.reverse();
            }
            Ok(super::bytes::from_data(rt, &bytes))
        }
        (Ty::Int | Ty::Bool, "conjugate") => Ok(s),
        (Ty::Int | Ty::Bool, "is_integer") => Ok(Value::Bool(true)),
        (Ty::Float, "is_integer") => Ok(Value::Bool(
            matches!(s, Value::Float(f) if f.fract() == 0.0 && f.is_finite()),
        )),
        (Ty::Float, "conjugate") => Ok(s),
        (Ty::Float, "as_integer_ratio") => {
            let Value::Float(f) = s else {
                return Ok(Value::None);
            };
            if !f.is_finite() {
                return rt.err(
                    Ty::OverflowError,
                    "cannot convert Infinity to integer ratio",
                );
            }
            let bits = f.to_bits();
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let mant = if exp == 0 {
                (bits & ((1 << 52) - 1)) << 1
            } else {
                (bits & ((1 << 52) - 1)) | (1 << 52)
            };
            let mut num = num_bigint::BigInt::from(mant);
            let mut den = num_bigint::BigInt::from(1);
            let e = exp - 1075;
            if e > 0 {
                num <<= e as usize;
            } else {
                den <<= (-e) as usize;
            }
            let g = num_integer::Integer::gcd(&num, &den);
            if f < 0.0 {
                num = -num;
            }
            Ok(rt.tuple(&[rt.int(num / &g), rt.int(den / &g)]))
        }
        (Ty::Bytes | Ty::ByteArray, "decode") if super::bytes::single_byte_codec(rt, args, kw)? => {
            super::bytes::decode_single(rt, s, args, kw)
        }
        (Ty::Bytes | Ty::ByteArray, "decode") => {
            match String::from_utf8(super::bytes::data_of(s)) {
                Ok(t) => Ok(rt.s(&t)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let b = e.as_bytes()[at];
                    // CPython's reasons: a truncated character, a byte no
                    // character starts with, or a bad byte after a start; it
                    // names every byte of the bad sequence.
                    let len = e.utf8_error().error_len();
                    let why = if len.is_none() {
                        "unexpected end of data"
                    } else if (0x80..0xC2).contains(&b) || b >= 0xF5 {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    let n = len.unwrap_or(e.as_bytes().len() - at);
                    let which = if n > 1 {
                        format!("bytes in position {at}-{}", at + n - 1)
                    } else {
                        format!("byte 0x{b:02x} in position {at}")
                    };
                    let msg = format!("'utf-8' codec can't decode {which}: {why}");
                    rt.err(Ty::UnicodeDecodeError, msg)
                }
            }
        }
        (Ty::Bytes | Ty::ByteArray, "hex") => {
            let t: String = field(s, 1)
                .as_str()
                .unwrap_or("")
                .chars()
                .map(|c| format!("{:02x}", c as u32))
                .collect();
            Ok(rt.s(&t))
        }
        (Ty::File, _) => file_method(rt, name, s, args),
        (Ty::Property, "setter" | "getter" | "deleter") => {
            let (mut g, mut st, mut d) = (field(s, 1), field(s, 2), field(s, 3));
            match name {
                "setter" => st = args[0],
                "getter" => g = args[0],
                _ => d = args[0],
            }
            // The copy keeps the name, as CPython's does.
            Ok(rt.record(Ty::Property, &[g, st, d, field(s, 4), field(s, 5)]))
        }
        (Ty::DictKeys | Ty::DictItems, "isdisjoint") => {
            let a = super::make_set(rt, s, false)?;
            set_method(rt, "isdisjoint", a, args)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                type_name_of(rt, s),
                name
            ),
        ),
    }
}

/// Whether file object `f` was opened in binary mode.
pub fn file_is_binary(f: Value<'_>) -> bool {
    field(f, 3).as_str().is_some_and(|m| m.contains('b'))
}

/// The text or bytes object a read of file `f` returns for `data`.
pub fn file_data<'gc>(rt: &Rt<'_, 'gc>, f: Value<'gc>, data: &[u8]) -> Value<'gc> {
    if file_is_binary(f) {
        super::bytes::from_data(rt, data)
    } else {
        rt.s(&String::from_utf8_lossy(data))
    }
}

/// The next line of file `f` for iteration; None at the end.
pub fn file_next_line<'gc>(rt: &Rt<'_, 'gc>, f: Value<'gc>) -> PyResult<'gc, Option<Value<'gc>>> {
    let l = file_method(rt, "readline", f, &[])?;
    let empty = match l {
        Value::Str(s) => s.as_str().is_empty(),
        _ => field(l, 1).as_str().is_some_and(|s| s.is_empty()),
    };
    Ok((!empty).then_some(l))
}

fn file_method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    f: Value<'gc>,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let id = int_of(field(f, 1));
    let binary = file_is_binary(f);
    if matches!(field(f, 4), Value::Bool(true)) && name != "close" && name != "__exit__" {
        return rt.err(Ty::ValueError, "I/O operation on closed file.");
    }
    match name {
        // The binary stream under a text file (`sys.stdin.detach()`).
        "detach" if !binary => {
            let mode = format!("{}b", field(f, 3).as_str().unwrap_or("r"));
            Ok(rt.record(
                Ty::File,
                &[field(f, 1), field(f, 2), rt.s(&mode), field(f, 4)],
            ))
        }
        "read" | "readline" | "readlines" => {
            let size = match args.first() {
                None | Some(Value::None) => None,
                Some(Value::Int(n)) if *n < 0 => None,
                Some(Value::Int(n)) => Some(*n as usize),
                Some(v) => {
                    return rt.err(
                        Ty::TypeError,
                        format!(
                            "argument should be integer or None, not '{}'",
                            type_name_of(rt, *v)
                        ),
                    )
                }
            };
            let what = io::ReadWhat {
                limit: if name == "readlines" { None } else { size },
                chars: !binary,
                line: name == "readline",
            };
            let data = io::read_from(id, what);
            let Some(data) = data else {
                return rt.err(Ty::OSError, "not readable");
            };
            if name != "readlines" {
                return Ok(file_data(rt, f, &data));
            }
            let lines: Vec<Value<'gc>> = data
                .split_inclusive(|b| *b == b'\n')
                .map(|l| file_data(rt, f, l))
                .collect();
            Ok(rt.list(lines))
        }
        "write" | "writelines" => {
            let items = if name == "write" {
                if args.len() != 1 {
                    return rt.err(
                        Ty::TypeError,
                        format!("write() takes exactly one argument ({} given)", args.len()),
                    );
                }
                vec![args[0]]
            } else {
                iterate(rt, args[0])?
            };
            let mut count = 0;
            for x in items {
                let data: Vec<u8> = match (binary, x) {
                    (false, Value::Str(s)) => {
                        count += s.as_str().chars().count();
                        s.as_str().as_bytes().to_vec()
                    }
                    (true, v) if is_bytes_kind(kind_of(rt, v)) => {
                        let b = super::bytes::data_of(v);
                        count += b.len();
                        b
                    }
                    (false, v) => {
                        return rt.err(
                            Ty::TypeError,
                            format!("write() argument must be str, not {}", type_name_of(rt, v)),
                        )
                    }
                    (true, v) => {
                        return rt.err(
                            Ty::TypeError,
                            format!(
                                "a bytes-like object is required, not '{}'",
                                type_name_of(rt, v)
                            ),
                        )
                    }
                };
                if !io::write_to_id(id, &data) {
                    return rt.err(Ty::OSError, "not writable");
                }
            }
            Ok(if name == "write" {
                Value::Int(count as i64)
            } else {
                Value::None
            })
        }
        "close" | "__exit__" => {
            if id >= 0 {
                if let Err(m) = io::close_file(id as usize) {
                    return rt.err(Ty::OSError, m);
                }
            } else if id == -1 {
                io::flush_out();
            }
            heap::set_field(rt.mc, f, 4, Value::Bool(true));
            Ok(if name == "close" {
                Value::None
            } else {
                Value::Bool(false)
            })
        }
        "__enter__" | "__iter__" => Ok(f),
        "__next__" => match file_next_line(rt, f)? {
            Some(l) => Ok(l),
            None => rt.err(Ty::StopIteration, ""),
        },
        "flush" => {
            if id == -1 {
                io::flush_out();
            }
            Ok(Value::None)
        }
        "fileno" => match id {
            io::STDIN_ID => Ok(Value::Int(0)),
            -1 => Ok(Value::Int(1)),
            -2 => Ok(Value::Int(2)),
            _ => Ok(Value::Int(id + 3)),
        },
        "isatty" => Ok(Value::Bool(false)),
        "readable" => Ok(Value::Bool(id == io::STDIN_ID || io::is_readable(id))),
        "writable" => Ok(Value::Bool(
            id == -1 || id == -2 || (id >= 0 && !io::is_readable(id)),
        )),
        _ => rt.err(
            Ty::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                if binary {
                    "BufferedWriter"
                } else {
                    "TextIOWrapper"
                },
                name
            ),
        ),
    }
}

fn list_method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    l: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    match name {
        "append" => {
            want(rt, "list.append", args, 1, 1)?;
            heap::list_append(rt.mc, l, args[0]);
            Ok(Value::None)
        }
        "extend" => {
            want(rt, "list.extend", args, 1, 1)?;
            let items = iterate(rt, args[0])?;
            for x in items {
                heap::list_append(rt.mc, l, x);
            }
            Ok(Value::None)
        }
        "pop" => {
            want(rt, "pop", args, 0, 1)?;
            if let Some(v) = args.first() {
                if !matches!(v, Value::Int(_) | Value::Bool(_)) {
                    return rt.err(
                        Ty::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name_of(rt, *v)
                        ),
                    );
                }
            }
            let n = heap::list_len(l);
            if n == 0 {
                return rt.err(Ty::IndexError, "pop from empty list");
            }
            let i = match args.first() {
                Some(v) => int_of(*v),
                None => -1,
            };
            match crate::ops::norm_index(i, n) {
                Some(j) => Ok(list_pop_at(rt.mc, l, j)),
                None => rt.err(Ty::IndexError, "pop index out of range"),
            }
        }
        "insert" => {
            want(rt, "insert", args, 2, 2)?;
            if !matches!(args[0], Value::Int(_) | Value::Bool(_)) {
                return rt.err(
                    Ty::TypeError,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name_of(rt, args[0])
                    ),
                );
            }
            list_insert(rt.mc, l, int_of(args[0]), args[1]);
            Ok(Value::None)
        }
        "remove" => {
            let items = heap::list_items(l);
            match find_eq(rt, &items, args[0])? {
                Some(i) => {
                    heap::list_modify(rt.mc, l, |items| {
                        items.remove(i);
                    });
                    Ok(Value::None)
                }
                None => rt.err(Ty::ValueError, "list.remove(x): x not in list"),
            }
        }
        "index" => {
            let items = heap::list_items(l);
            let start = args.get(1).map(|v| int_of(*v)).unwrap_or(0).max(0) as usize;
            let stop = args
                .get(2)
                .map(|v| int_of(*v) as usize)
                .unwrap_or(items.len())
                .min(items.len());
            if start < stop {
                if let Some(i) = find_eq(rt, &items[start..stop], args[0])? {
                    return Ok(Value::Int((i + start) as i64));
                }
            }
            let r = repr(rt, args[0])?;
            rt.err(Ty::ValueError, format!("{} is not in list", r))
        }
        "count" => {
            let mut n = 0;
            for y in heap::list_items(l) {
                if args[0].same(&y) || eq(rt, args[0], y)? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
        "sort" => {
            if kwv(kw, "key")
                .map(|k| !matches!(k, Value::None))
                .unwrap_or(false)
            {
                return Err(Fail::Guest);
            }
            let reverse = truth(rt, kwv(kw, "reverse").unwrap_or(Value::Bool(false)))?;
            let mut items = heap::list_items(l);
            super::sort_values(rt, &mut items, None, reverse)?;
            set_list(rt, l, items);
            Ok(Value::None)
        }
        "reverse" => {
            let mut items = heap::list_items(l);
            items.reverse();
            set_list(rt, l, items);
            Ok(Value::None)
        }
        "copy" => Ok(rt.list(heap::list_items(l))),
        "clear" => {
            heap::list_truncate(rt.mc, l, 0);
            Ok(Value::None)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!("'list' object has no attribute '{}'", name),
        ),
    }
}

fn dict_method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    d: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    match name {
        "get" => {
            want(rt, "get", args, 1, 2)?;
            match dict_get(rt, d, args[0])? {
                Value::Absent => Ok(args.get(1).copied().unwrap_or(Value::None)),
                v => Ok(v),
            }
        }
        "keys" => Ok(rt.record(Ty::DictKeys, &[d])),
        "values" => Ok(rt.record(Ty::DictValues, &[d])),
        "items" => Ok(rt.record(Ty::DictItems, &[d])),
        "pop" => {
            want(rt, "pop", args, 1, 2)?;
            let k = lookup_key_value(rt, args[0])?;
            let v = match k {
                Some(k) => get_key(rt, d, k),
                None => Value::Absent,
            };
            match v {
                Value::Absent => match args.get(1) {
                    Some(x) => Ok(*x),
                    None => Err(Fail::Raise(
                        rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[args[0]])),
                    )),
                },
                v => {
                    if let Some(k) = k {
                        del_key(rt, d, k);
                    }
                    Ok(v)
                }
            }
        }
        "popitem" => {
            let entries = heap::dict_entries(d);
            match entries.last() {
                Some((k, v)) => {
                    del_key(rt, d, *k);
                    Ok(rt.tuple(&[*k, *v]))
                }
                None => rt.err(Ty::KeyError, "popitem(): dictionary is empty"),
            }
        }
        "setdefault" => match dict_get(rt, d, args[0])? {
            Value::Absent => {
                let v = args.get(1).copied().unwrap_or(Value::None);
                dict_set(rt, d, args[0], v)?;
                Ok(v)
            }
            v => Ok(v),
        },
        "update" => {
            if let Some(src) = args.first() {
                super::dict_update_from(rt, d, *src)?;
            }
            for (n, v) in kw {
                heap::dict_set(rt.mc, d, rt.s(n), *v);
            }
            Ok(Value::None)
        }
        "copy" => {
            let c = heap::new_dict(rt.mc);
            for (k, v) in heap::dict_entries(d) {
                heap::dict_set(rt.mc, c, k, v);
            }
            Ok(c)
        }
        "clear" => {
            for (k, _) in heap::dict_entries(d) {
                heap::dict_del(rt.mc, d, k);
            }
            Ok(Value::None)
        }
        "fromkeys" => {
            // Called as dict.fromkeys(keys, value): `d` is the first argument.
            let c = heap::new_dict(rt.mc);
            let v = args.get(1).copied().unwrap_or(Value::None);
            let src = if args.is_empty() { d } else { args[0] };
            for x in iterate(rt, src)? {
                dict_set(rt, c, x, v)?;
            }
            Ok(c)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!("'dict' object has no attribute '{}'", name),
        ),
    }
}

fn set_method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    s: Value<'gc>,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let d = set_dict(s);
    let frozen = kind_of(rt, s) == Ty::FrozenSet;
    let other = |i: usize| -> PyResult<'gc, Value<'gc>> {
        let v = args[i];
        if matches!(kind_of(rt, v), Ty::Set | Ty::FrozenSet) {
            Ok(set_dict(v))
        } else {
            Ok(set_dict(super::make_set(rt, v, false)?))
        }
    };
    let has = |dd: Value<'gc>, k: Value<'gc>| !matches!(get_key(rt, dd, k), Value::Absent);
    match name {
        "add" => {
            dict_set(rt, d, args[0], Value::None)?;
            Ok(Value::None)
        }
        "remove" | "discard" => {
            let k = lookup_key_value(rt, args[0])?;
            let removed = match k {
                Some(k) => del_key(rt, d, k),
                None => false,
            };
            if !removed && name == "remove" {
                return Err(Fail::Raise(
                    rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[args[0]])),
                ));
            }
            Ok(Value::None)
        }
        "pop" => {
            let members = set_members(s);
            match members.first() {
                Some(k) => {
                    del_key(rt, d, *k);
                    Ok(*k)
                }
                None => rt.err(Ty::KeyError, "pop from an empty set"),
            }
        }
        "update" => {
            for i in 0..args.len() {
                for x in iterate(rt, args[i])? {
                    dict_set(rt, d, x, Value::None)?;
                }
            }
            Ok(Value::None)
        }
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            let out = rt.new_set(frozen);
            let od = set_dict(out);
            for (k, _) in heap::dict_entries(d) {
                put_key(rt, od, k, Value::None);
            }
            for i in 0..args.len() {
                let o = other(i)?;
                match name {
                    "union" => {
                        for (k, _) in heap::dict_entries(o) {
                            put_key(rt, od, k, Value::None);
                        }
                    }
                    "intersection" => {
                        for (k, _) in heap::dict_entries(od) {
                            if !has(o, k) {
                                del_key(rt, od, k);
                            }
                        }
                    }
                    "difference" => {
                        for (k, _) in heap::dict_entries(o) {
                            del_key(rt, od, k);
                        }
                    }
                    _ => {
                        for (k, _) in heap::dict_entries(o) {
                            if has(od, k) {
                                del_key(rt, od, k);
                            } else {
                                put_key(rt, od, k, Value::None);
                            }
                        }
                    }
                }
            }
            Ok(out)
        }
        "intersection_update" | "difference_update" | "symmetric_difference_update" => {
            let base = name.trim_end_matches("_update");
            let r = set_method(rt, base, s, args)?;
            for (k, _) in heap::dict_entries(d) {
                del_key(rt, d, k);
            }
            for (k, _) in heap::dict_entries(set_dict(r)) {
                put_key(rt, d, k, Value::None);
            }
            Ok(Value::None)
        }
        "issubset" => {
            let o = other(0)?;
            Ok(Value::Bool(
                heap::dict_entries(d).iter().all(|(k, _)| has(o, *k)),
            ))
        }
        "issuperset" => {
            let o = other(0)?;
            Ok(Value::Bool(
                heap::dict_entries(o).iter().all(|(k, _)| has(d, *k)),
            ))
        }
        "isdisjoint" => {
            let o = other(0)?;
            Ok(Value::Bool(
                !heap::dict_entries(d).iter().any(|(k, _)| has(o, *k)),
            ))
        }
        "copy" => {
            let out = rt.new_set(frozen);
            for (k, _) in heap::dict_entries(d) {
                put_key(rt, set_dict(out), k, Value::None);
            }
            Ok(out)
        }
        "clear" => {
            for (k, _) in heap::dict_entries(d) {
                del_key(rt, d, k);
            }
            Ok(Value::None)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                type_name_of(rt, s),
                name
            ),
        ),
    }
}

/// Explicit dunder calls on built-in values (`[1].__len__()`, `int.__add__(1, 2)`).
fn dunder<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    s: Value<'gc>,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    use crate::ast::{BinOp, CmpOp};
    let arg = |i: usize| -> PyResult<'gc, Value<'gc>> {
        args.get(i).copied().ok_or_else(|| {
            Fail::Raise(rt.exc(Ty::TypeError, &format!("{}() missing argument", name)))
        })
    };
    let bin = |op: BinOp| -> PyResult<'gc, Value<'gc>> {
        match crate::ops::binary(rt, op, s, arg(0)?) {
            Err(Fail::Raise(_)) => Ok(rt.builtins_get("NotImplemented")),
            r => r,
        }
    };
    let cmp = |op: CmpOp| -> PyResult<'gc, Value<'gc>> {
        match crate::ops::compare(rt, op, s, arg(0)?) {
            Err(Fail::Raise(_)) => Ok(rt.builtins_get("NotImplemented")),
            r => r,
        }
    };
    match name {
        "__len__" => Ok(Value::Int(super::len_of(rt, s)?)),
        "__getitem__" => super::getitem(rt, &[s, arg(0)?]),
        "__setitem__" => super::setitem(rt, &[s, arg(0)?, arg(1)?]),
        "__delitem__" => super::delitem(rt, &[s, arg(0)?]),
        "__contains__" => Ok(Value::Bool(crate::ops::contains(rt, s, arg(0)?)?)),
        "__iter__" => super::getiter(rt, &[s]),
        "__eq__" => cmp(CmpOp::Eq),
        "__ne__" => cmp(CmpOp::Ne),
        "__lt__" => cmp(CmpOp::Lt),
        "__le__" => cmp(CmpOp::Le),
        "__gt__" => cmp(CmpOp::Gt),
        "__ge__" => cmp(CmpOp::Ge),
        "__add__" => bin(BinOp::Add),
        "__sub__" => bin(BinOp::Sub),
        "__mul__" => bin(BinOp::Mul),
        "__mod__" => bin(BinOp::Mod),
        "__truediv__" => bin(BinOp::Div),
        "__floordiv__" => bin(BinOp::FloorDiv),
        "__pow__" => bin(BinOp::Pow),
        "__and__" => bin(BinOp::BitAnd),
        "__or__" => bin(BinOp::BitOr),
        "__xor__" => bin(BinOp::BitXor),
        "__hash__" => super::function(rt, "hash", &[s], &[]),
        "__repr__" => Ok(rt.s(&repr(rt, s)?)),
        "__str__" => Ok(rt.s(&str_of(rt, s)?)),
        "__bool__" => Ok(Value::Bool(truth(rt, s)?)),
        "__neg__" => crate::ops::binary(rt, BinOp::Sub, Value::Int(0), s),
        "__abs__" => super::function(rt, "abs", &[s], &[]),
        "__format__" => super::format_value(rt, &[s, Value::Int(0), arg(0)?]),
        _ => rt.err(
            Ty::AttributeError,
            format!(
                "'{}' object has no attribute '{}'",
                type_name_of(rt, s),
                name
            ),
        ),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub fn int_from_bytes<'gc>(
    rt: &Rt<'_, 'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let Some(src) = args.first().copied().or(super::kwarg(kw, "bytes")) else {
        return rt.err(
            Ty::TypeError,
            "from_bytes() missing required argument 'bytes' (pos 1)",
        );
    };
    let data: Vec<u8> = if is_bytes_kind(kind_of(rt, src)) {
        super::bytes::data_of(src)
    } else {
        let mut v = Vec::new();
        for x in iterate(rt, src)? {
            match x {
                Value::Int(n) if (0..256).contains(&n) => v.push(n as u8),
                _ => return rt.err(Ty::ValueError, "bytes must be in range(0, 256)"),
            }
        }
        v
    };
    let order = args.get(1).copied().or(super::kwarg(kw, "byteorder"));
    let little = match order.map(|v| v.as_str().map(|s| s.to_string())) {
        None => false,
        Some(Some(o)) if o == "big" => false,
        Some(Some(o)) if o == "little" => true,
        _ => return rt.err(Ty::ValueError, "byteorder must be either 'little' or 'big'"),
    };
    let signed = super::kwarg(kw, "signed").is_some_and(|v| truth(rt, v).unwrap_or(false));
    let n = match (little, signed) {
        (true, true) => num_bigint::BigInt::from_signed_bytes_le(&data),
        (true, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (false, true) => num_bigint::BigInt::from_signed_bytes_be(&data),
        (false, false) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
    };
    Ok(rt.int(n))
}
