//! `preg_*`: PCRE patterns (`/…/flags`) translated to the regex crate, or
//! to fancy-regex (a backtracking engine over the same syntax) when they
//! use backreferences, look-around or atomic groups.
//!
//! Subjects are matched as the text a PHP string is kept as (see
//! `bytes.rs`): offsets are byte offsets of that text, which are php's for
//! every string that is valid UTF-8. Without the `u` flag PCRE matches
//! bytes where this matches characters (`.` on "é"); noted in the README.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use vm_core::{Mutation, Value};

use crate::value::*;

/// A compiled pattern: the linear-time engine when it can express it.
pub enum Engine {
    Fast(regex::Regex),
    Backtracking(fancy_regex::Regex),
}

/// Group spans (byte offsets) of one match, group 0 first.
pub type Spans = Vec<Option<(usize, usize)>>;

/// A pattern ready to run.
pub struct Pattern {
    pub engine: Engine,
    /// Group names (None for unnamed groups), group 0 first.
    pub names: Vec<Option<String>>,
    /// `A`: matches must start where the search starts.
    pub anchored: bool,
}

impl Pattern {
    /// The first match starting at or after `pos`.
    pub fn find_at(&self, hay: &str, pos: usize) -> Option<Spans> {
        let r: Option<Spans> = match &self.engine {
            Engine::Fast(r) => r.captures_at(hay, pos).map(|c| {
                c.iter()
                    .map(|g| g.map(|m| (m.start(), m.end())))
                    .collect::<Spans>()
            }),
            Engine::Backtracking(r) => match r.captures_from_pos(hay, pos) {
                Ok(c) => c.map(|c| {
                    (0..c.len())
                        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                        .collect()
                }),
                Err(_) => None,
            },
        };
        match r {
            Some(sp) if self.anchored && sp[0].map(|x| x.0) != Some(pos) => None,
            r => r,
        }
    }

    /// The next match from `at`; `notempty`: the last match was empty and
    /// ended at `at`, so an empty match there does not count (PCRE's
    /// `NOTEMPTY_ATSTART` retry, then one character on).
    fn next_match(&self, hay: &str, at: usize, notempty: bool) -> Option<Spans> {
        let sp = self.find_at(hay, at)?;
        if notempty && sp[0] == Some((at, at)) {
            let c = hay[at..].chars().next()?;
            return self.find_at(hay, at + c.len_utf8());
        }
        Some(sp)
    }

    /// Every non-overlapping match, at most `limit` (negative: all).
    pub fn find_all(&self, hay: &str, limit: i64) -> Vec<Spans> {
        let mut out: Vec<Spans> = Vec::new();
        let mut at = 0;
        let mut notempty = false;
        while limit < 0 || (out.len() as i64) < limit {
            let Some(sp) = self.next_match(hay, at, notempty) else {
                break;
            };
            let (s0, e) = sp[0].unwrap_or((at, at));
            out.push(sp);
            at = e;
            notempty = s0 == e;
        }
        out
    }
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<Pattern>>> = RefCell::new(HashMap::new());
}

/// Compiles a PHP pattern (delimiters and flags), caching it; `Err` is
/// php's warning text without the function name.
pub fn compile(pat: &str) -> Result<Rc<Pattern>, String> {
    if let Some(p) = CACHE.with(|c| c.borrow().get(pat).cloned()) {
        return Ok(p);
    }
    let p = Rc::new(build(pat)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 4096 {
            c.clear();
        }
        c.insert(pat.to_string(), p.clone());
    });
    Ok(p)
}

fn build(pat: &str) -> Result<Pattern, String> {
    let t = pat.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let Some(d) = t.chars().next() else {
        return Err("Empty regular expression".into());
    };
    if d.is_ascii_alphanumeric() || d == '\\' || d == '\0' {
        return Err("Delimiter must not be alphanumeric, backslash, or NUL".into());
    }
    let close = match d {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        c => c,
    };
    let body_start = d.len_utf8();
    let rest = &t[body_start..];
    // The closing delimiter: the first unescaped one (nesting for brackets).
    let mut end = None;
    let mut depth = 0;
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
            continue;
        }
        if c == close && depth == 0 {
            end = Some(i);
            break;
        }
        if close != d {
            if c == d {
                depth += 1;
            } else if c == close {
                depth -= 1;
            }
        }
    }
    let Some(end) = end else {
        return Err(if close == d {
            format!("No ending delimiter '{d}' found")
        } else {
            format!("No ending matching delimiter '{close}' found")
        });
    };
    let body = &rest[..end];
    let mut flags = String::new();
    let mut anchored = false;
    for f in rest[end + close.len_utf8()..].chars() {
        match f {
            'i' | 'm' | 's' | 'x' | 'U' => {
                if !flags.contains(f) {
                    flags.push(f)
                }
            }
            'u' | 'D' | 'S' | 'X' | 'J' | '\n' | ' ' | '\r' => {}
            'A' => anchored = true,
            'e' => {
                return Err(
                    "The /e modifier is no longer supported, use preg_replace_callback instead"
                        .into(),
                )
            }
            c => return Err(format!("Unknown modifier '{c}'")),
        }
    }
    let (src, backtracking) = translate(body, d)?;
    let full = if flags.is_empty() {
        src
    } else {
        format!("(?{flags}){src}")
    };
    let engine = if backtracking {
        fancy_regex::Regex::new(&full)
            .map(Engine::Backtracking)
            .map_err(|e| compile_error(&e.to_string(), body))?
    } else {
        regex::Regex::new(&full)
            .map(Engine::Fast)
            .map_err(|e| compile_error(&e.to_string(), body))?
    };
    let names = match &engine {
        Engine::Fast(r) => r.capture_names().map(|n| n.map(String::from)).collect(),
        Engine::Backtracking(r) => r.capture_names().map(|n| n.map(String::from)).collect(),
    };
    Ok(Pattern {
        engine,
        names,
        anchored,
    })
}

fn compile_error(e: &str, body: &str) -> String {
    let what = e
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| e.lines().last().unwrap_or("").trim().to_string());
    // PCRE's words for the errors programs meet most.
    let what = match what.as_str() {
        "unclosed group" => format!("missing closing parenthesis at offset {}", body.len()),
        "unopened group" => "unmatched closing parenthesis".to_string(),
        "unclosed character class" => {
            format!(
                "missing terminating ] for character class at offset {}",
                body.len()
            )
        }
        _ => what,
    };
    format!("Compilation failed: {what}")
}

/// Characters the regex crate treats as syntax when escaped or not.
const META: &str = "\\.+*?()|[]{}^$#&-~ ";

/// Rewrites PCRE syntax the regex crate spells differently; the flag says
/// whether the pattern needs the backtracking engine.
fn translate(p: &str, delim: char) -> Result<(String, bool), String> {
    let mut bt = false;
    let mut out = String::with_capacity(p.len() + 8);
    let cs: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    while i < cs.len() {
        let c = cs[i];
        if c == '\\' && i + 1 < cs.len() {
            let d = cs[i + 1];
            i += 2;
            match d {
                'Z' if !in_class => out.push_str("\\z"),
                'h' => out.push_str(if in_class { " \\t" } else { "[ \\t]" }),
                'e' => out.push_str("\\x1B"),
                'R' if !in_class => out.push_str("(?:\\r\\n|\\n|\\r)"),
                '/' => out.push('/'),
                'Q' => {
                    let mut lit = String::new();
                    while i < cs.len() && !(cs[i] == '\\' && cs.get(i + 1) == Some(&'E')) {
                        lit.push(cs[i]);
                        i += 1;
                    }
                    i = (i + 2).min(cs.len());
                    out.push_str(&regex::escape(&lit));
                }
                'E' => {}
                '0' => out.push_str("\\x00"),
                '1'..='9' if !in_class => {
                    bt = true;
                    out.push('\\');
                    out.push(d);
                }
                'g' if !in_class => {
                    // \g{N}, \gN: a backreference.
                    bt = true;
                    out.push('\\');
                    let mut j = i;
                    if cs.get(j) == Some(&'{') {
                        j += 1;
                    }
                    while j < cs.len() && cs[j].is_ascii_digit() {
                        out.push(cs[j]);
                        j += 1;
                    }
                    if cs.get(j) == Some(&'}') {
                        j += 1;
                    }
                    i = j;
                }
                d if d.is_ascii_alphanumeric() => {
                    out.push('\\');
                    out.push(d);
                }
                d if META.contains(d) => {
                    out.push('\\');
                    out.push(d);
                }
                d if d == delim => out.push(d),
                d => out.push(d),
            }
            continue;
        }
        if in_class {
            if c == '[' && cs.get(i + 1) == Some(&':') {
                // A POSIX class: copied whole.
                let mut j = i;
                while j < cs.len() && !(cs[j] == ']' && j > i + 1 && cs[j - 1] == ':') {
                    j += 1;
                }
                for &x in &cs[i..(j + 1).min(cs.len())] {
                    out.push(x);
                }
                i = j + 1;
                continue;
            }
            if c == '[' {
                // A literal '[' in a class (the regex crate would nest).
                out.push_str("\\[");
                i += 1;
                continue;
            }
            if c == ']' {
                in_class = false;
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
                if cs.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if cs.get(i) == Some(&']') {
                    // A leading ']' is literal.
                    out.push_str("\\]");
                    i += 1;
                }
            }
            '(' if cs.get(i + 1) == Some(&'?') => {
                let rest: String = cs[i + 2..cs.len().min(i + 5)].iter().collect();
                if rest.starts_with('#') {
                    // A comment.
                    while i < cs.len() && cs[i] != ')' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                if rest.starts_with('\'') {
                    out.push_str("(?P<");
                    i += 3;
                    while i < cs.len() && cs[i] != '\'' {
                        out.push(cs[i]);
                        i += 1;
                    }
                    out.push('>');
                    i += 1;
                    continue;
                }
                if rest.starts_with("<=")
                    || rest.starts_with("<!")
                    || rest.starts_with('=')
                    || rest.starts_with('!')
                    || rest.starts_with('>')
                    || rest.starts_with("P=")
                {
                    bt = true;
                }
                if rest.starts_with('<') && !rest.starts_with("<=") && !rest.starts_with("<!") {
                    out.push_str("(?P<");
                    i += 3;
                    continue;
                }
                out.push_str("(?");
                i += 2;
            }
            '+' if i > 0 && matches!(cs[i - 1], '*' | '+' | '?' | '}') && !escaped(&cs, i - 1) => {
                // A possessive quantifier: matched as a greedy one.
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok((out, bt))
}

/// Whether the character at `i` is escaped by a backslash.
fn escaped(cs: &[char], i: usize) -> bool {
    let mut n = 0;
    let mut j = i;
    while j > 0 && cs[j - 1] == '\\' {
        n += 1;
        j -= 1;
    }
    n % 2 == 1
}

/// `preg_quote`.
pub fn quote(t: &str, delim: Option<char>) -> String {
    let mut o = String::with_capacity(t.len() + 4);
    for c in t.chars() {
        match c {
            '.' | '\\' | '+' | '*' | '?' | '[' | '^' | ']' | '$' | '(' | ')' | '{' | '}' | '='
            | '!' | '<' | '>' | '|' | ':' | '-' | '#' => {
                o.push('\\');
                o.push(c);
            }
            '\0' => o.push_str("\\000"),
            c if Some(c) == delim => {
                o.push('\\');
                o.push(c);
            }
            c => o.push(c),
        }
    }
    o
}

/// One group as `preg_match` reports it: its text, or `[text, offset]`.
fn group<'gc>(
    mc: &Mutation<'gc>,
    hay: &str,
    g: Option<(usize, usize)>,
    offsets: bool,
    null_unmatched: bool,
) -> Value<'gc> {
    let text = match g {
        Some((s0, e)) => s(mc, &hay[s0..e]),
        None if null_unmatched => Value::None,
        None => s(mc, ""),
    };
    if offsets {
        let off = g.map_or(-1, |(s0, _)| s0 as i64);
        arr_from_list(mc, vec![text, Value::Int(off)])
    } else {
        text
    }
}

pub const PREG_PATTERN_ORDER: i64 = 1;
pub const PREG_SET_ORDER: i64 = 2;
pub const PREG_OFFSET_CAPTURE: i64 = 256;
pub const PREG_UNMATCHED_AS_NULL: i64 = 512;
pub const PREG_SPLIT_NO_EMPTY: i64 = 1;
pub const PREG_SPLIT_DELIM_CAPTURE: i64 = 2;
pub const PREG_SPLIT_OFFSET_CAPTURE: i64 = 4;

/// The groups of one match as an array (named groups under their name too);
/// `trim`: trailing unmatched groups are left out (as php does for
/// `preg_match` and `PREG_SET_ORDER`).
pub fn match_array<'gc>(
    mc: &Mutation<'gc>,
    p: &Pattern,
    hay: &str,
    sp: &Spans,
    flags: i64,
    trim: bool,
) -> Value<'gc> {
    let offsets = flags & PREG_OFFSET_CAPTURE != 0;
    let null_un = flags & PREG_UNMATCHED_AS_NULL != 0;
    let mut n = sp.len();
    if trim && !null_un {
        while n > 1 && sp[n - 1].is_none() {
            n -= 1;
        }
    }
    let a = new_array(mc);
    for (i, g) in sp.iter().enumerate().take(n) {
        let v = group(mc, hay, *g, offsets, null_un);
        if let Some(Some(name)) = p.names.get(i) {
            arr_set(mc, a, s(mc, name), v);
            let v2 = group(mc, hay, *g, offsets, null_un);
            arr_set(mc, a, Value::Int(i as i64), v2);
        } else {
            arr_set(mc, a, Value::Int(i as i64), v);
        }
    }
    a
}

/// `preg_match_all`'s array for its flags.
pub fn match_all_array<'gc>(
    mc: &Mutation<'gc>,
    p: &Pattern,
    hay: &str,
    all: &[Spans],
    flags: i64,
) -> Value<'gc> {
    if flags & PREG_SET_ORDER != 0 {
        let items = all
            .iter()
            .map(|sp| match_array(mc, p, hay, sp, flags, true))
            .collect();
        return arr_from_list(mc, items);
    }
    let offsets = flags & PREG_OFFSET_CAPTURE != 0;
    let null_un = flags & PREG_UNMATCHED_AS_NULL != 0;
    let out = new_array(mc);
    for i in 0..p.names.len() {
        let items: Vec<Value> = all
            .iter()
            .map(|sp| group(mc, hay, sp.get(i).copied().flatten(), offsets, null_un))
            .collect();
        if let Some(Some(name)) = p.names.get(i) {
            arr_set(mc, out, s(mc, name), arr_from_list(mc, items.clone()));
        }
        arr_set(mc, out, Value::Int(i as i64), arr_from_list(mc, items));
    }
    out
}

/// Expands `$n`, `${n}` and `\n` in a replacement.
pub fn expand(rep: &str, hay: &str, sp: &Spans, out: &mut String) {
    let b = rep.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if (c == b'$' || c == b'\\') && i + 1 < b.len() {
            let mut j = i + 1;
            let braced = c == b'$' && b[j] == b'{';
            if braced {
                j += 1;
            }
            let st = j;
            while j < b.len() && j - st < 2 && b[j].is_ascii_digit() {
                j += 1;
            }
            if j > st && (!braced || b.get(j) == Some(&b'}')) {
                let n: usize = rep[st..j].parse().unwrap_or(0);
                if let Some(Some((s0, e))) = sp.get(n) {
                    out.push_str(&hay[*s0..*e]);
                }
                i = if braced { j + 1 } else { j };
                continue;
            }
            if c == b'\\' && b[i + 1] == b'\\' {
                out.push('\\');
                i += 2;
                continue;
            }
        }
        let ch = rep[i..].chars().next().unwrap_or('\0');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
}

/// `preg_split`.
pub fn split<'gc>(
    mc: &Mutation<'gc>,
    p: &Pattern,
    hay: &str,
    limit: i64,
    flags: i64,
) -> Value<'gc> {
    let no_empty = flags & PREG_SPLIT_NO_EMPTY != 0;
    let delim = flags & PREG_SPLIT_DELIM_CAPTURE != 0;
    let offsets = flags & PREG_SPLIT_OFFSET_CAPTURE != 0;
    let mut left = if limit == 0 { -1 } else { limit };
    let mut out: Vec<Value> = Vec::new();
    let push = |out: &mut Vec<Value<'gc>>, s0: usize, e: usize| {
        let t = s(mc, &hay[s0..e]);
        out.push(if offsets {
            arr_from_list(mc, vec![t, Value::Int(s0 as i64)])
        } else {
            t
        });
    };
    let mut last = 0;
    let mut at = 0;
    let mut notempty = false;
    while left == -1 || left > 1 {
        let Some(sp) = p.next_match(hay, at, notempty) else {
            break;
        };
        let (s0, e) = sp[0].unwrap_or((at, at));
        if !no_empty || s0 != last {
            push(&mut out, last, s0);
            if left != -1 {
                left -= 1;
            }
        }
        if delim {
            for g in sp.iter().skip(1).flatten() {
                if !no_empty || g.0 != g.1 {
                    push(&mut out, g.0, g.1);
                }
            }
        }
        last = e;
        at = e;
        notempty = s0 == e;
        if s0 == e && e >= hay.len() {
            break;
        }
    }
    if !no_empty || last < hay.len() {
        push(&mut out, last, hay.len());
    }
    arr_from_list(mc, out)
}

/// The subject of a `preg_*` call as text.
pub fn subject(v: Value<'_>) -> String {
    to_str_scalar(v)
}

/// A list of `[offset, length, groups]` per match (for the prelude's
/// `preg_replace_callback`), or null when the pattern does not compile.
pub fn matches_for_callback<'gc>(
    mc: &Mutation<'gc>,
    p: &Pattern,
    hay: &str,
    limit: i64,
    flags: i64,
) -> Value<'gc> {
    let all = p.find_all(hay, limit);
    let items = all
        .iter()
        .map(|sp| {
            let (s0, e) = sp[0].unwrap_or((0, 0));
            let g = match_array(mc, p, hay, sp, flags, true);
            arr_from_list(
                mc,
                vec![Value::Int(s0 as i64), Value::Int((e - s0) as i64), g],
            )
        })
        .collect();
    arr_from_list(mc, items)
}

/// Replaces the matches of one pattern in one subject.
pub fn replace_one(p: &Pattern, hay: &str, rep: &str, limit: i64, count: &mut i64) -> String {
    let all = p.find_all(hay, limit);
    let mut out = String::with_capacity(hay.len());
    let mut last = 0;
    for sp in &all {
        let (s0, e) = sp[0].unwrap_or((0, 0));
        out.push_str(&hay[last..s0]);
        expand(rep, hay, sp, &mut out);
        last = e;
        *count += 1;
    }
    out.push_str(&hay[last..]);
    out
}

/// Whether `v` is a PHP array (for the builtins' pattern/subject arrays).
pub fn is_arr(v: Value<'_>) -> bool {
    is_array(v)
}
