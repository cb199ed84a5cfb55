//! The native half of `re` (`_re`): compiles Python patterns to the regex
//! crate and reports match spans in character indices. `lib/re.py` builds
//! Pattern and Match objects on top.
//!
//! Patterns with backreferences or look-around assertions, which the regex
//! crate's linear-time engine cannot express, go to fancy-regex (a
//! backtracking engine over the same syntax); all others stay on regex.

use std::cell::RefCell;

use vm_core::heap;
use vm_core::Value;

use crate::objects::*;

thread_local! {
    static PATTERNS: RefCell<Vec<(String, i64, Engine)>> = const { RefCell::new(Vec::new()) };
}

/// A compiled pattern: the linear-time engine when it can express it.
enum Engine {
    Fast(regex::Regex),
    Backtracking(fancy_regex::Regex),
}

/// Group spans (byte offsets) of one match, group 0 first.
type Spans = Vec<Option<(usize, usize)>>;

impl Engine {
    fn new(full: &str, backtracking: bool) -> Result<Engine, String> {
        let last_line = |e: String| e.lines().last().unwrap_or("bad pattern").trim().to_string();
        if backtracking {
            fancy_regex::Regex::new(full)
                .map(Engine::Backtracking)
                .map_err(|e| last_line(e.to_string()))
        } else {
            regex::Regex::new(full)
                .map(Engine::Fast)
                .map_err(|e| last_line(e.to_string()))
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Engine::Fast(r) => r.as_str(),
            Engine::Backtracking(r) => r.as_str(),
        }
    }

    fn with_prefix(&self, pre: &str, post: &str) -> Result<Engine, String> {
        Engine::new(
            &format!("{pre}(?:{}){post}", self.as_str()),
            matches!(self, Engine::Backtracking(_)),
        )
    }

    fn captures_len(&self) -> usize {
        match self {
            Engine::Fast(r) => r.captures_len(),
            Engine::Backtracking(r) => r.captures_len(),
        }
    }

    fn capture_names(&self) -> Vec<Option<String>> {
        match self {
            Engine::Fast(r) => r.capture_names().map(|n| n.map(String::from)).collect(),
            Engine::Backtracking(r) => r.capture_names().map(|n| n.map(String::from)).collect(),
        }
    }

    /// The first match starting at or after `pos`; a backtracking engine's
    /// runtime failure (its backtrack limit) is an error.
    fn captures_at(&self, hay: &str, pos: usize) -> Result<Option<Spans>, String> {
        match self {
            Engine::Fast(r) => Ok(r
                .captures_at(hay, pos)
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())),
            Engine::Backtracking(r) => match r.captures_from_pos(hay, pos) {
                Ok(c) => Ok(c.map(|c| {
                    (0..c.len())
                        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                        .collect()
                })),
                Err(e) => Err(e.to_string()),
            },
        }
    }

    /// Every non-overlapping match.
    fn captures_all(&self, s: &str) -> Result<Vec<Spans>, String> {
        match self {
            Engine::Fast(r) => Ok(r
                .captures_iter(s)
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                .collect()),
            Engine::Backtracking(r) => {
                let mut out = Vec::new();
                for c in r.captures_iter(s) {
                    let c = c.map_err(|e| e.to_string())?;
                    out.push(
                        (0..c.len())
                            .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                            .collect(),
                    );
                }
                Ok(out)
            }
        }
    }
}

const IGNORECASE: i64 = 2;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// Rewrites Python regex syntax the regex crate spells differently; the
/// flag says whether the pattern needs the backtracking engine.
fn translate(p: &str) -> Result<(String, bool), String> {
    let mut backtracking = false;
    let mut out = String::with_capacity(p.len() + 8);
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let d = chars[i + 1];
            match d {
                'Z' if !in_class => out.push_str("\\z"),
                '1'..='9' if !in_class => {
                    backtracking = true;
                    out.push('\\');
                    out.push(d);
                }
                _ => {
                    out.push('\\');
                    out.push(d);
                }
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            } else if c == '[' {
                out.push('\\');
                out.push('[');
                i += 1;
                continue;
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                out.push('[');
                i += 1;
                // A leading ']' (or '^]') is literal in Python.
                if i < chars.len() && chars[i] == '^' {
                    out.push('^');
                    i += 1;
                }
                if i < chars.len() && chars[i] == ']' {
                    out.push_str("\\]");
                    i += 1;
                }
                continue;
            }
            '(' if i + 2 < chars.len() && chars[i + 1] == '?' => {
                let n = chars[i + 2];
                if n == '='
                    || n == '!'
                    || (n == '<'
                        && i + 3 < chars.len()
                        && (chars[i + 3] == '=' || chars[i + 3] == '!'))
                {
                    backtracking = true;
                }
                if n == 'P' && i + 3 < chars.len() && chars[i + 3] == '=' {
                    backtracking = true;
                }
                out.push(c);
            }
            '{' => {
                // `{,n}` means `{0,n}` in Python.
                if i + 1 < chars.len() && chars[i + 1] == ',' {
                    out.push_str("{0");
                    i += 1;
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Ok((out, backtracking))
}

fn compile(pattern: &str, flags: i64) -> Result<usize, String> {
    if let Some(i) = PATTERNS.with(|p| {
        p.borrow()
            .iter()
            .position(|(s, f, _)| s == pattern && *f == flags)
    }) {
        return Ok(i);
    }
    let mut prefix = String::new();
    if flags & IGNORECASE != 0 {
        prefix.push('i');
    }
    if flags & MULTILINE != 0 {
        prefix.push('m');
    }
    if flags & DOTALL != 0 {
        prefix.push('s');
    }
    if flags & VERBOSE != 0 {
        prefix.push('x');
    }
    let (mut body, backtracking) = translate(pattern)?;
    if flags & ASCII != 0 {
        body = format!("(?-u:{body})");
    }
    let full = if prefix.is_empty() {
        body
    } else {
        format!("(?{prefix}){body}")
    };
    let re = Engine::new(&full, backtracking)?;
    PATTERNS.with(|p| {
        let mut p = p.borrow_mut();
        p.push((pattern.to_string(), flags, re));
        Ok(p.len() - 1)
    })
}

/// Byte offset → character index in `s`.
fn char_index(s: &str, b: usize) -> i64 {
    if s.is_ascii() {
        b as i64
    } else {
        s[..b].chars().count() as i64
    }
}

/// Character index → byte offset in `s`.
fn byte_index(s: &str, c: i64) -> usize {
    if c <= 0 {
        return 0;
    }
    if s.is_ascii() {
        return (c as usize).min(s.len());
    }
    s.char_indices()
        .nth(c as usize)
        .map(|(b, _)| b)
        .unwrap_or(s.len())
}

fn spans<'gc>(rt: &Rt<'_, 'gc>, s: &str, caps: &Spans) -> Value<'gc> {
    let mut v = Vec::with_capacity(caps.len() * 2);
    for g in caps {
        match g {
            Some((start, end)) => {
                v.push(Value::Int(char_index(s, *start)));
                v.push(Value::Int(char_index(s, *end)));
            }
            None => {
                v.push(Value::Int(-1));
                v.push(Value::Int(-1));
            }
        }
    }
    rt.tuple(&v)
}

/// `_re.NAME(args)`.
pub fn call<'gc>(rt: &Rt<'_, 'gc>, f: &str, args: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let err = |m: String| -> Fail<'gc> { Fail::Raise(rt.exc(Ty::ValueError, &m)) };
    match f {
        "compile" => {
            let p = args[0].as_str().unwrap_or("");
            let flags = int_of(args[1]);
            let id = compile(p, flags).map_err(|m| {
                let e = rt.exc(Ty::ValueError, &m);
                heap::dict_set(
                    rt.mc,
                    field(e, I_DICT),
                    rt.s("_re_error"),
                    Value::Bool(true),
                );
                Fail::Raise(e)
            })?;
            Ok(Value::Int(id as i64))
        }
        "groups" => PATTERNS.with(|p| {
            let p = p.borrow();
            let re = &p[int_of(args[0]) as usize].2;
            let d = heap::new_dict(rt.mc);
            for (i, n) in re.capture_names().into_iter().enumerate() {
                if let Some(n) = n {
                    heap::dict_set(rt.mc, d, rt.s(&n), Value::Int(i as i64));
                }
            }
            Ok(rt.tuple(&[Value::Int(re.captures_len() as i64 - 1), d]))
        }),
        "match" => {
            // match(id, string, pos, endpos, mode): mode 0 search, 1 match, 2 fullmatch.
            let s = args[1].as_str().unwrap_or("");
            let pos = byte_index(s, int_of(args[2]));
            let end = byte_index(s, int_of(args[3]));
            let mode = int_of(args[4]);
            PATTERNS.with(|p| {
                let p = p.borrow();
                let re = &p[int_of(args[0]) as usize].2;
                let hay = &s[..end.max(pos)];
                let caps = match re.captures_at(hay, pos).map_err(err)? {
                    Some(c) => c,
                    None => return Ok(Value::None),
                };
                let (start, end) = caps[0].unwrap_or((pos, pos));
                if mode >= 1 && start != pos {
                    // Anchored: retry requiring a match at pos.
                    let anchored = re.with_prefix("^", "").map_err(err)?;
                    let sub = &hay[pos..];
                    return Ok(match anchored.captures_at(sub, 0).map_err(err)? {
                        Some(c) if mode == 1 || c[0].is_some_and(|m| m.1 == sub.len()) => {
                            let shifted = spans(rt, sub, &c);
                            shift(rt, shifted, char_index(s, pos))
                        }
                        _ => Value::None,
                    });
                }
                if mode == 2 && end != hay.len() {
                    let anchored = re.with_prefix("^", "$").map_err(err)?;
                    let sub = &hay[pos..];
                    return Ok(match anchored.captures_at(sub, 0).map_err(err)? {
                        Some(c) => shift(rt, spans(rt, sub, &c), char_index(s, pos)),
                        None => Value::None,
                    });
                }
                Ok(spans(rt, s, &caps))
            })
        }
        "all" => {
            // all(id, string): spans of every non-overlapping match.
            let s = args[1].as_str().unwrap_or("");
            PATTERNS.with(|p| {
                let p = p.borrow();
                let re = &p[int_of(args[0]) as usize].2;
                let all = re.captures_all(s).map_err(err)?;
                let out: Vec<Value<'gc>> = all.iter().map(|c| spans(rt, s, c)).collect();
                Ok(rt.list(out))
            })
        }
        "escape" => {
            let s = args[0].as_str().unwrap_or("");
            let mut out = String::new();
            for c in s.chars() {
                if !(c.is_alphanumeric() || c == '_') && (c as u32) < 128 {
                    out.push('\\');
                }
                out.push(c);
            }
            Ok(rt.s(&out))
        }
        _ => rt.err(
            Ty::AttributeError,
            format!("module '_re' has no attribute '{f}'"),
        ),
    }
}

fn shift<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>, by: i64) -> Value<'gc> {
    let items: Vec<Value<'gc>> = tuple_items(t)
        .into_iter()
        .map(|v| match v {
            Value::Int(-1) => Value::Int(-1),
            Value::Int(i) => Value::Int(i + by),
            o => o,
        })
        .collect();
    rt.tuple(&items)
}
