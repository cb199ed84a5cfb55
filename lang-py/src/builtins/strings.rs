//! `str` methods, `%` formatting and `str.format`.

use vm_core::heap;
use vm_core::Value;

use crate::objects::format::{self as fmt, Num};
use crate::objects::*;

pub const METHODS: &[&str] = &[
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "join",
    "replace",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "startswith",
    "endswith",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "istitle",
    "format",
    "title",
    "capitalize",
    "swapcase",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "splitlines",
    "partition",
    "rpartition",
    "encode",
    "casefold",
    "expandtabs",
    "format_map",
    "removeprefix",
    "removesuffix",
    "translate",
    "maketrans",
    "isprintable",
    "isascii",
];

fn s_arg<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, what: &str) -> PyResult<'gc, String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => rt.err(
            Ty::TypeError,
            format!("{} arg must be str, not {}", what, type_name_of(rt, v)),
        ),
    }
}

fn char_index_to_byte(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

fn byte_to_char_index(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// Resolves optional start/end (char indices) into a byte range.
fn range_of<'gc>(s: &str, args: &[Value<'gc>]) -> (usize, usize) {
    let n = s.chars().count() as i64;
    let norm = |v: Option<&Value<'gc>>, d: i64| -> i64 {
        match v {
            Some(Value::Int(i)) => {
                let i = if *i < 0 { (*i + n).max(0) } else { *i };
                i.min(n)
            }
            _ => d,
        }
    };
    let st = norm(args.first(), 0);
    let en = norm(args.get(1), n);
    (
        char_index_to_byte(s, st as usize),
        char_index_to_byte(s, en.max(st) as usize),
    )
}

fn split_ws(s: &str, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(rest.to_string());
            return out;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start();
    }
    out
}

fn rsplit_ws(s: &str, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end();
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(rest.to_string());
            break;
        }
        let start = rest
            .rfind(char::is_whitespace)
            .map(|i| i + rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1))
            .unwrap_or(0);
        out.push(rest[start..].to_string());
        rest = rest[..start].trim_end();
    }
    out.reverse();
    out
}

pub fn str_method<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    sv: Value<'gc>,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let s = sv.as_str().unwrap_or("");
    let sl = |v: Vec<String>| rt.list(v.iter().map(|x| rt.s(x)).collect());
    let kwv = |n: &str| kw.iter().find(|(k, _)| k == n).map(|(_, v)| *v);
    let strip_chars = |i: usize| -> PyResult<'gc, Option<Vec<char>>> {
        match args.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(s_arg(rt, *v, "strip")?.chars().collect())),
        }
    };
    Ok(match name {
        "upper" => rt.s(&s.to_uppercase()),
        "lower" => rt.s(&s.to_lowercase()),
        "casefold" => rt.s(&s.to_lowercase().replace('ß', "ss")),
        "strip" => match strip_chars(0)? {
            None => rt.s(s.trim()),
            Some(cs) => rt.s(s.trim_matches(|c| cs.contains(&c))),
        },
        "lstrip" => match strip_chars(0)? {
            None => rt.s(s.trim_start()),
            Some(cs) => rt.s(s.trim_start_matches(|c| cs.contains(&c))),
        },
        "rstrip" => match strip_chars(0)? {
            None => rt.s(s.trim_end()),
            Some(cs) => rt.s(s.trim_end_matches(|c| cs.contains(&c))),
        },
        "split" | "rsplit" => {
            let sep = kwv("sep").or(args.first().copied()).unwrap_or(Value::None);
            let max = match kwv("maxsplit").or(args.get(1).copied()) {
                Some(Value::Int(i)) => i,
                _ => -1,
            };
            match sep {
                Value::None => sl(if name == "split" {
                    split_ws(s, max)
                } else {
                    rsplit_ws(s, max)
                }),
                v => {
                    let sep = s_arg(rt, v, "sep")?;
                    if sep.is_empty() {
                        return rt.err(Ty::ValueError, "empty separator");
                    }
                    let parts: Vec<String> = if name == "split" {
                        if max < 0 {
                            s.split(sep.as_str()).map(String::from).collect()
                        } else {
                            s.splitn(max as usize + 1, sep.as_str())
                                .map(String::from)
                                .collect()
                        }
                    } else if max < 0 {
                        s.split(sep.as_str()).map(String::from).collect()
                    } else {
                        let mut v: Vec<String> = s
                            .rsplitn(max as usize + 1, sep.as_str())
                            .map(String::from)
                            .collect();
                        v.reverse();
                        v
                    };
                    sl(parts)
                }
            }
        }
        "splitlines" => {
            let keep = truth(
                rt,
                kwv("keepends")
                    .or(args.first().copied())
                    .unwrap_or(Value::Bool(false)),
            )?;
            let mut out = Vec::new();
            let mut cur = String::new();
            let mut it = s.chars().peekable();
            while let Some(c) = it.next() {
                if c == '\n' || c == '\r' {
                    let mut end = c.to_string();
                    if c == '\r' && it.peek() == Some(&'\n') {
                        it.next();
                        end.push('\n');
                    }
                    if keep {
                        cur.push_str(&end);
                    }
                    out.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            sl(out)
        }
        "join" => {
            let items = iterate(rt, args[0])?;
            let mut out = String::new();
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                match immutable_native(*x).unwrap_or(*x) {
                    Value::Str(t) => out.push_str(t.as_str()),
                    _ => {
                        let v = x;
                        return rt.err(
                            Ty::TypeError,
                            format!(
                                "sequence item {}: expected str instance, {} found",
                                i,
                                type_name_of(rt, *v)
                            ),
                        );
                    }
                }
            }
            rt.s(&out)
        }
        "replace" => {
            let old = s_arg(rt, args[0], "replace")?;
            let new = s_arg(rt, args[1], "replace")?;
            match args.get(2) {
                Some(Value::Int(n)) if *n >= 0 => {
                    rt.s(&s.replacen(old.as_str(), &new, *n as usize))
                }
                _ => rt.s(&s.replace(old.as_str(), &new)),
            }
        }
        "find" | "index" | "rfind" | "rindex" | "count" => {
            let sub = s_arg(rt, args[0], name)?;
            let (b0, b1) = range_of(s, &args[1..]);
            let hay = &s[b0..b1];
            if name == "count" {
                let n = if sub.is_empty() {
                    hay.chars().count() + 1
                } else {
                    hay.matches(sub.as_str()).count()
                };
                return Ok(Value::Int(n as i64));
            }
            let pos = if name.starts_with('r') {
                hay.rfind(sub.as_str())
            } else {
                hay.find(sub.as_str())
            };
            match pos {
                Some(p) => Value::Int(byte_to_char_index(s, b0 + p) as i64),
                None if name.ends_with("index") => {
                    return rt.err(Ty::ValueError, "substring not found")
                }
                None => Value::Int(-1),
            }
        }
        "startswith" | "endswith" => {
            let (b0, b1) = range_of(s, &args[1..]);
            let hay = &s[b0..b1];
            let cands = if kind_of(rt, args[0]) == Ty::Tuple {
                tuple_items(args[0])
            } else {
                vec![args[0]]
            };
            let mut hit = false;
            for c in cands {
                let p = s_arg(rt, c, name)?;
                if (name == "startswith" && hay.starts_with(p.as_str()))
                    || (name == "endswith" && hay.ends_with(p.as_str()))
                {
                    hit = true;
                }
            }
            Value::Bool(hit)
        }
        "isdigit" | "isnumeric" | "isdecimal" => {
            Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_numeric()))
        }
        "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
        "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "isupper" => {
            Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
        }
        "islower" => {
            Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
        }
        "isascii" => Value::Bool(s.is_ascii()),
        "isprintable" => Value::Bool(s.chars().all(|c| !c.is_control())),
        "isidentifier" => Value::Bool(
            s.chars()
                .next()
                .map(|c| c == '_' || c.is_alphabetic())
                .unwrap_or(false)
                && s.chars().all(|c| c == '_' || c.is_alphanumeric()),
        ),
        "istitle" => {
            let t = title(s);
            Value::Bool(t == s && s.chars().any(char::is_alphabetic))
        }
        "title" => rt.s(&title(s)),
        "capitalize" => {
            let mut c = s.chars();
            let t = match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            };
            rt.s(&t)
        }
        "swapcase" => rt.s(&s
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect::<String>()),
        "center" | "ljust" | "rjust" => {
            let w = int_of(args[0]).max(0) as usize;
            let fill = match args.get(1) {
                Some(Value::Str(f)) => f.as_str().chars().next().unwrap_or(' '),
                _ => ' ',
            };
            let n = s.chars().count();
            if n >= w {
                return Ok(sv);
            }
            let pad = w - n;
            let (l, r) = match name {
                "ljust" => (0, pad),
                "rjust" => (pad, 0),
                _ => {
                    let l = pad / 2 + (pad & w & 1);
                    (l, pad - l)
                }
            };
            rt.s(&format!(
                "{}{}{}",
                fill.to_string().repeat(l),
                s,
                fill.to_string().repeat(r)
            ))
        }
        "zfill" => {
            let w = int_of(args[0]).max(0) as usize;
            let n = s.chars().count();
            if n >= w {
                return Ok(sv);
            }
            let (sign, body) = if s.starts_with(['+', '-']) {
                s.split_at(1)
            } else {
                ("", s)
            };
            rt.s(&format!("{}{}{}", sign, "0".repeat(w - n), body))
        }
        "partition" | "rpartition" => {
            let sep = s_arg(rt, args[0], name)?;
            let pos = if name == "partition" {
                s.find(sep.as_str())
            } else {
                s.rfind(sep.as_str())
            };
            match pos {
                Some(p) => rt.tuple(&[rt.s(&s[..p]), rt.s(&sep), rt.s(&s[p + sep.len()..])]),
                None if name == "partition" => rt.tuple(&[sv, rt.s(""), rt.s("")]),
                None => rt.tuple(&[rt.s(""), rt.s(""), sv]),
            }
        }
        "removeprefix" => {
            let p = s_arg(rt, args[0], name)?;
            rt.s(s.strip_prefix(p.as_str()).unwrap_or(s))
        }
        "removesuffix" => {
            let p = s_arg(rt, args[0], name)?;
            rt.s(s.strip_suffix(p.as_str()).unwrap_or(s))
        }
        "expandtabs" => {
            let ts = args.first().map(|v| int_of(*v)).unwrap_or(8).max(0) as usize;
            let mut out = String::new();
            let mut col = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        let n = if ts == 0 { 0 } else { ts - col % ts };
                        out.push_str(&" ".repeat(n));
                        col += n;
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            rt.s(&out)
        }
        "encode" => super::bytes::from_data(rt, s.as_bytes()),
        "format" => return str_format(rt, s, args, kw),
        "format_map" => return str_format(rt, s, &[], &dict_kw(args[0])),
        "maketrans" => {
            let d = heap::new_dict(rt.mc);
            if args.len() >= 2 {
                let (a, b) = (s_arg(rt, args[0], name)?, s_arg(rt, args[1], name)?);
                for (x, y) in a.chars().zip(b.chars()) {
                    heap::dict_set(rt.mc, d, Value::Int(x as i64), Value::Int(y as i64));
                }
                if let Some(z) = args.get(2) {
                    for x in s_arg(rt, *z, name)?.chars() {
                        heap::dict_set(rt.mc, d, Value::Int(x as i64), Value::None);
                    }
                }
            } else if let Some(Value::Dict(_)) = args.first() {
                for (k, v) in heap::dict_entries(args[0]) {
                    let kk = match k {
                        Value::Str(c) => {
                            Value::Int(c.as_str().chars().next().unwrap_or('\0') as i64)
                        }
                        o => o,
                    };
                    heap::dict_set(rt.mc, d, kk, v);
                }
            }
            d
        }
        "translate" => {
            let table = args[0];
            let mut out = String::new();
            for c in s.chars() {
                match dict_get(rt, table, Value::Int(c as i64))? {
                    Value::Absent => out.push(c),
                    Value::None => {}
                    Value::Int(i) => out.push(char::from_u32(i as u32).unwrap_or(c)),
                    Value::Str(t) => out.push_str(t.as_str()),
                    _ => out.push(c),
                }
            }
            rt.s(&out)
        }
        _ => {
            return rt.err(
                Ty::AttributeError,
                format!("'str' object has no attribute '{}'", name),
            )
        }
    })
}

fn dict_kw<'gc>(d: Value<'gc>) -> Vec<(String, Value<'gc>)> {
    match d {
        Value::Dict(_) => heap::dict_entries(d)
            .into_iter()
            .map(|(k, v)| (k.as_str().unwrap_or("").to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    out
}

/// `str.format`.
pub fn str_format<'gc>(
    rt: &Rt<'_, 'gc>,
    s: &str,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching '}' allowing nested fields in the spec.
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                if depth > 0 {
                    j += 1;
                }
            }
            if j >= chars.len() {
                return rt.err(Ty::ValueError, "Single '{' encountered in format string");
            }
            let field_text: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            let (head, spec) = match field_text.find(':') {
                Some(p) => (field_text[..p].to_string(), field_text[p + 1..].to_string()),
                None => (field_text.clone(), String::new()),
            };
            let (head, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                None => (head, None),
            };
            // The first name, then .attr / [key] parts.
            let end = head.find(['.', '[']).unwrap_or(head.len());
            let first = &head[..end];
            let mut v = if first.is_empty() {
                let v = args.get(auto).copied();
                auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return rt.err(
                            Ty::IndexError,
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                auto - 1
                            ),
                        )
                    }
                }
            } else if let Ok(n) = first.parse::<usize>() {
                match args.get(n) {
                    Some(v) => *v,
                    None => {
                        return rt.err(
                            Ty::IndexError,
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                n
                            ),
                        )
                    }
                }
            } else {
                match kw.iter().find(|(k, _)| k == first) {
                    Some((_, v)) => *v,
                    None => {
                        return Err(Fail::Raise(
                            rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[rt.s(first)])),
                        ))
                    }
                }
            };
            let mut rest = &head[end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let e = r.find(['.', '[']).unwrap_or(r.len());
                    v = match super::getattr_full(rt, v, rt.s(&r[..e]))? {
                        Value::Absent => return Err(Fail::Guest),
                        x => x,
                    };
                    rest = &r[e..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let e = r.find(']').unwrap_or(r.len());
                    let key = &r[..e];
                    let kv = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => rt.s(key),
                    };
                    v = super::getitem(rt, &[v, kv])?;
                    rest = &r[(e + 1).min(r.len())..];
                } else {
                    break;
                }
            }
            let spec = if spec.contains('{') {
                match str_format(rt, &spec, args, kw)? {
                    Value::Str(t) => t.as_str().to_string(),
                    _ => spec,
                }
            } else {
                spec
            };
            let cv = match conv {
                Some('r') | Some('a') => 1,
                Some('s') => 2,
                _ => 0,
            };
            let r = super::format_value(rt, &[v, Value::Int(cv), rt.s(&spec)])?;
            out.push_str(r.as_str().unwrap_or(""));
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return rt.err(Ty::ValueError, "Single '}' encountered in format string");
        }
        out.push(c);
        i += 1;
    }
    Ok(rt.s(&out))
}

/// `fmt % values`.
pub fn percent_format<'gc>(
    rt: &Rt<'_, 'gc>,
    f: &str,
    values: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let is_tuple = kind_of(rt, values) == Ty::Tuple;
    let items = if is_tuple {
        tuple_items(values)
    } else {
        vec![values]
    };
    let mapping = if matches!(values, Value::Dict(_)) {
        Some(values)
    } else {
        None
    };
    let mut idx = 0;
    let mut out = String::new();
    let chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    let next = |idx: &mut usize| -> PyResult<'gc, Value<'gc>> {
        let v = items.get(*idx).copied();
        *idx += 1;
        match v {
            Some(v) => Ok(v),
            None => rt.err(Ty::TypeError, "not enough arguments for format string"),
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return rt.err(Ty::ValueError, "incomplete format");
        }
        let mut key_val = None;
        if chars[i] == '(' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .unwrap_or(chars.len());
            let key: String = chars[i + 1..end].iter().collect();
            i = end + 1;
            let m = mapping
                .ok_or_else(|| Fail::Raise(rt.exc(Ty::TypeError, "format requires a mapping")))?;
            key_val = Some(match dict_get(rt, m, rt.s(&key))? {
                Value::Absent => {
                    return Err(Fail::Raise(
                        rt.exc_args(rt.ty(Ty::KeyError), rt.tuple(&[rt.s(&key)])),
                    ))
                }
                v => v,
            });
        }
        let mut flags = String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = None;
        if i < chars.len() && chars[i] == '*' {
            width = Some(int_of(next(&mut idx)?).max(0) as usize);
            i += 1;
        } else {
            let st = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                width = chars[st..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut prec = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                prec = Some(int_of(next(&mut idx)?).max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        if i >= chars.len() {
            return rt.err(Ty::ValueError, "incomplete format");
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match key_val {
            Some(v) => v,
            None => next(&mut idx)?,
        };
        // An int/float/str subclass formats as its value for the numeric
        // conversions (%s and %r use its own str/repr).
        let v = match immutable_native(v) {
            Some(n) if !matches!(conv, 's' | 'r' | 'a') => n,
            _ => v,
        };
        let text = match conv {
            's' | 'r' | 'a' => {
                let mut t = if conv == 's' {
                    str_of(rt, v)?
                } else {
                    repr(rt, v)?
                };
                if let Some(p) = prec {
                    t = t.chars().take(p).collect();
                }
                let sp = fmt::Spec {
                    width,
                    align: Some(if flags.contains('-') { '<' } else { '>' }),
                    ..fmt::Spec::default()
                };
                fmt::format_str(&t, &sp).unwrap_or(t)
            }
            'c' => match v {
                Value::Int(n) => char::from_u32(n as u32)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                Value::Str(s) => s.as_str().to_string(),
                _ => return rt.err(Ty::TypeError, "%c requires int or char"),
            },
            _ => {
                let num = match v {
                    Value::Float(f) => Num::Float(f),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        Num::Int(to_bigint(v).unwrap_or_default())
                    }
                    _ => {
                        return rt.err(
                            Ty::TypeError,
                            format!(
                                "%{} format: a real number is required, not {}",
                                conv,
                                type_name_of(rt, v)
                            ),
                        )
                    }
                };
                match fmt::percent_number(conv, &flags, width, prec, num) {
                    Ok(t) => t,
                    Err(m) => return rt.err(Ty::ValueError, m),
                }
            }
        };
        out.push_str(&text);
    }
    if mapping.is_none() && idx < items.len() && (is_tuple || idx == 0) {
        return rt.err(
            Ty::TypeError,
            "not all arguments converted during string formatting",
        );
    }
    Ok(rt.s(&out))
}
