//! Term output exactly as SWI-Prolog writes it: `write/1`, `print/1`,
//! `writeq/1`, `write_canonical/1` and `write_term/2`'s common options.
//!
//! Operators are written with SWI's spacing (alphanumeric operators get
//! spaces, symbolic ones none unless two symbol characters would glue, a
//! prefix minus before a number gets a space), operands are bracketed by
//! priority, atoms are quoted when they would not read back.
//!
//! Lists are written iteratively; nested arguments recurse (the run thread
//! has a large stack; see `lib.rs`).
//!
//! The writer reads terms through the [`Terms`] trait, implemented for
//! heap terms here ([`Heap`]) and for the term-store engine's words in
//! `store::output`, so both engines print through this one code path.

use std::fmt::Write;
use std::marker::PhantomData;
use std::sync::OnceLock;

use num_bigint::BigInt;
use vm_core::Value;

use crate::factor;
use crate::ops::{OpType, Ops};
use crate::terms::{self, view, T};

/// One dereferenced term as the writer sees it.
pub enum V<'t> {
    /// An unbound variable, by its identity (written `_N`).
    Var(i64),
    Atom(&'t str),
    /// `[]` (SWI 7's reserved atom-like constant).
    Nil,
    Int(i64),
    Big(&'t BigInt),
    Float(f64),
    /// A SWI string.
    Str(&'t str),
    /// A compound: name and arity (arguments through [`Terms::arg`]).
    Cmp(&'t str, usize),
    /// A clause-template variable (heap clause templates only).
    TVar(usize),
    /// Not a term.
    Other,
}

/// How the writer (and `format`) read terms of one representation.
pub trait Terms {
    /// A term reference.
    type R: Copy;
    /// The dereferenced term.
    fn view(&self, t: Self::R) -> V<'_>;
    /// Argument `k` (0-based) of a compound.
    fn arg(&self, t: Self::R, k: usize) -> Self::R;
    /// The identity of a dereferenced compound (list cells included; for
    /// cycle detection).
    fn cell_id(&self, t: Self::R) -> usize;
}

/// Heap terms ([`Value`]) as [`Terms`].
pub struct Heap<'gc>(PhantomData<&'gc ()>);

/// The [`Terms`] reader of heap terms.
pub fn heap<'gc>() -> Heap<'gc> {
    Heap(PhantomData)
}

impl<'gc> Terms for Heap<'gc> {
    type R = Value<'gc>;
    #[inline]
    fn view(&self, t: Value<'gc>) -> V<'_> {
        let t = terms::deref(t);
        match view(t) {
            T::Var => V::Var(terms::var_serial(t)),
            T::Atom(a) => V::Atom(a),
            T::Nil => V::Nil,
            T::Int(i) => V::Int(i),
            T::Big(b) => V::Big(b),
            T::Float(f) => V::Float(f),
            T::Str(s) => V::Str(s),
            T::Compound(n, a) => V::Cmp(n, a.len()),
            T::TVar(n) => V::TVar(n),
            T::Other => V::Other,
        }
    }
    #[inline]
    fn arg(&self, t: Value<'gc>, k: usize) -> Value<'gc> {
        terms::args(t)[k]
    }
    #[inline]
    fn cell_id(&self, t: Value<'gc>) -> usize {
        terms::args(t).as_ptr() as usize
    }
}

/// Write options.
#[derive(Clone, Copy)]
pub struct Opts<'o> {
    pub quoted: bool,
    pub ignore_ops: bool,
    pub numbervars: bool,
    pub ops: Option<&'o Ops>,
    /// `write_canonical`: variables as `_` names, no `{}`/list sugar changes.
    pub canonical: bool,
    /// `max_depth(N)`: deeper subterms and list tails print as `...` (0: no limit).
    pub max_depth: usize,
    /// `spacing(next_argument)`: a space after each argument comma.
    pub space_args: bool,
}

impl<'o> Opts<'o> {
    /// `write/1`.
    pub fn write() -> Opts<'o> {
        Opts {
            quoted: false,
            ignore_ops: false,
            numbervars: true,
            ops: None,
            canonical: false,
            max_depth: 0,
            space_args: false,
        }
    }
    /// `print/1` and `writeq/1`.
    pub fn print() -> Opts<'o> {
        Opts {
            quoted: true,
            ..Opts::write()
        }
    }
    /// `write_canonical/1`.
    pub fn canonical() -> Opts<'o> {
        Opts {
            quoted: true,
            ignore_ops: true,
            numbervars: false,
            ops: None,
            canonical: true,
            max_depth: 0,
            space_args: false,
        }
    }
}

fn default_ops() -> &'static Ops {
    static OPS: OnceLock<Ops> = OnceLock::new();
    OPS.get_or_init(Ops::default)
}

/// Writes a heap term to a string.
pub fn to_string(v: Value<'_>, o: Opts<'_>) -> String {
    match try_to_string(v, o) {
        Ok(s) | Err(s) => s,
    }
}

/// How deeply nested a term the writer follows. It recurses on arguments,
/// and a few hundred thousand levels would overflow even the run thread's
/// stack; SWI stops well before this (`resource_error(c_stack)` at about
/// 40,000 levels with its 8 MB C stack).
pub const MAX_NESTING: usize = 200_000;

/// Like [`to_string`], but a term nested deeper than [`MAX_NESTING`] gives
/// `Err` (with the text written up to there), so `write/1` and friends can
/// raise SWI's `resource_error(c_stack)`.
pub fn try_to_string(v: Value<'_>, o: Opts<'_>) -> Result<String, String> {
    let mut out = String::new();
    if write_to(&heap(), v, o, &mut out) {
        Ok(out)
    } else {
        Err(out)
    }
}

/// Appends the text of term `t` (read through `src`) to `out`; false when
/// the term nests deeper than [`MAX_NESTING`] (or is a cyclic list), with
/// the text written up to there appended.
///
/// A cyclic term is written in SWI's `@(Skeleton, [S_1=Def, ...])` form
/// ([`crate::factor`]), except under `max_depth` (SWI writes the unfolding
/// there too, cut off at the depth).
pub fn write_to<S: Terms>(src: &S, t: S::R, o: Opts<'_>, out: &mut String) -> bool {
    if o.max_depth == 0 {
        if let Some(cycles) = factor::cycles(src, t) {
            let f = factor::Factored {
                src,
                root: t,
                cycles,
                named: o.numbervars,
            };
            return write_plain(&f, factor::Node::At, o, out);
        }
    }
    write_plain(src, t, o, out)
}

/// [`write_to`] of a term known to be finite.
fn write_plain<S: Terms>(src: &S, t: S::R, o: Opts<'_>, out: &mut String) -> bool {
    let mut w = W {
        src,
        start: out.len(),
        out: std::mem::take(out),
        o,
        ops: match o.ops {
            Some(x) => x,
            None => default_ops(),
        },
        depth: 0,
        too_deep: false,
        var_names: if o.canonical {
            canonical_var_names(src, t)
        } else {
            Default::default()
        },
    };
    w.term(t, 1200);
    *out = w.out;
    !w.too_deep
}

/// `write_canonical`'s variable names: `_` for variables occurring once,
/// `A`, `B`, … `Z`, `A1`, … for the others in order of first occurrence.
fn canonical_var_names<S: Terms>(src: &S, v: S::R) -> std::collections::HashMap<i64, String> {
    let mut order: Vec<i64> = Vec::new();
    let mut count: std::collections::HashMap<i64, usize> = Default::default();
    let mut stack = vec![v];
    // bounded like the writer: a cyclic term is not walked forever
    let mut budget = MAX_NESTING * 100;
    while let Some(t) = stack.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        match src.view(t) {
            // the names of a factored cyclic term are not the term's
            // variables (SWI writes them as `_N`)
            V::Var(k) if k >= factor::NAME_VAR_BASE => {}
            V::Var(k) => {
                let c = count.entry(k).or_insert(0);
                if *c == 0 {
                    order.push(k);
                }
                *c += 1;
            }
            V::Cmp(_, n) => stack.extend((0..n).rev().map(|k| src.arg(t, k))),
            _ => {}
        }
    }
    let mut names = std::collections::HashMap::new();
    let mut n = 0;
    for k in order {
        if count[&k] == 1 {
            names.insert(k, "_".to_string());
        } else {
            let letter = (b'A' + (n % 26) as u8) as char;
            let name = if n >= 26 {
                format!("{letter}{}", n / 26)
            } else {
                letter.to_string()
            };
            names.insert(k, name);
            n += 1;
        }
    }
    names
}

struct W<'o, 's, S: Terms> {
    src: &'s S,
    out: String,
    /// Where this term's text starts in `out` (tokens before it are not
    /// this term's: no glue spaces against them).
    start: usize,
    o: Opts<'o>,
    ops: &'o Ops,
    /// Nesting depth of the term being written (for `max_depth`).
    depth: usize,
    /// Set when the term nests deeper than [`MAX_NESTING`].
    too_deep: bool,
    /// Variable names for `write_canonical`, by variable serial.
    var_names: std::collections::HashMap<i64, String>,
}

fn is_symbol_char(c: char) -> bool {
    "+-*/\\^<>=~:.?@#&$".contains(c)
}

fn is_solo(s: &str) -> bool {
    matches!(s, "!" | ";" | "[]" | "{}" | ",")
}

/// Whether an atom must be quoted to read back.
pub fn needs_quote(s: &str) -> bool {
    let mut cs = s.chars();
    let Some(c0) = cs.next() else { return true };
    if c0.is_lowercase() {
        return !s.chars().all(|c| c.is_alphanumeric() || c == '_');
    }
    if s.chars().all(is_symbol_char) {
        return s.starts_with("/*") || s == ".";
    }
    if s == "!" || s == ";" || s == "{}" {
        return false;
    }
    true
}

/// The atom as `writeq` writes it.
pub fn quote_atom(s: &str) -> String {
    if s == "[]" || s == "," || s == "|" || needs_quote(s) {
        let mut o = String::from("'");
        for c in s.chars() {
            match c {
                '\'' => o.push_str("\\'"),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                '\t' => o.push_str("\\t"),
                '\r' => o.push_str("\\r"),
                '\x07' => o.push_str("\\a"),
                '\x08' => o.push_str("\\b"),
                '\x0c' => o.push_str("\\f"),
                '\x0b' => o.push_str("\\v"),
                c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                    let _ = write!(o, "\\x{:X}\\", c as u32);
                }
                c => o.push(c),
            }
        }
        o.push('\'');
        o
    } else {
        s.to_string()
    }
}

/// A float as SWI writes it: the shortest of 15, 16, 17 significant digits
/// that reads back, always with a dot, exponents as `e+22` / `e-5`.
pub fn format_float(x: f64) -> String {
    if x.is_nan() {
        return "1.5NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "1.0Inf".into()
        } else {
            "-1.0Inf".into()
        };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // the shortest digits that read back (as SWI's dtoa), laid out like
    // C's `%.15g`: fixed notation for exponents -4..14, else scientific
    let e = format!("{:e}", x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let s = if !(-4..15).contains(&exp) {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!(
            "{sign}{m}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else if exp < 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else {
        let point = exp as usize + 1;
        if digits.len() > point {
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        } else {
            format!("{sign}{digits}{}", "0".repeat(point - digits.len()))
        }
    };
    fix_float(&s)
}

/// C's `%.{p}g`.
pub fn format_g(x: f64, p: usize) -> String {
    let e = format!("{:.*e}", p.saturating_sub(1), x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let m = strip_zeros(mant);
        format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{:.*}", decimals, x))
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0');
        t.trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn fix_float(s: &str) -> String {
    let (mant, exp) = match s.split_once('e') {
        Some((m, e)) => (m.to_string(), Some(e.to_string())),
        None => (s.to_string(), None),
    };
    let mant = if mant.contains('.') {
        mant
    } else {
        format!("{mant}.0")
    };
    match exp {
        Some(e) => {
            let (sign, digits) = e.split_at(1);
            let digits = digits.trim_start_matches('0');
            let sign = if sign == "-" { "-" } else { "+" };
            format!(
                "{mant}e{sign}{}",
                if digits.is_empty() { "0" } else { digits }
            )
        }
        None => mant,
    }
}

impl<S: Terms> W<'_, '_, S> {
    fn last_char(&self) -> Option<char> {
        self.out[self.start..].chars().next_back()
    }

    fn emit(&mut self, s: &str) {
        // keep tokens apart where they would glue together
        if let (Some(last), Some(first)) = (self.last_char(), s.chars().next()) {
            let glue = (is_symbol_char(last) && is_symbol_char(first))
                || ((last.is_alphanumeric() || last == '_')
                    && (first.is_alphanumeric() || first == '_'));
            if glue {
                self.out.push(' ');
            }
        }
        self.out.push_str(s);
    }

    fn atom(&mut self, s: &str) {
        if self.o.quoted {
            let q = quote_atom(s);
            self.emit(&q);
        } else {
            self.emit(s);
        }
    }

    fn atom_operand(&mut self, s: &str) {
        // an operator atom as an operand is bracketed (`(;)/2`, `(',')/2`,
        // as SWI writes them; as an argument `f(;)` it stays bare)
        if self.ops.is_op(s) {
            self.out.push('(');
            self.atom(s);
            self.out.push(')');
        } else {
            self.atom(s);
        }
    }

    fn term(&mut self, v: S::R, max: u32) {
        if self.o.max_depth > 0 && self.depth >= self.o.max_depth {
            self.emit("...");
            return;
        }
        if self.depth >= MAX_NESTING || self.too_deep {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        self.term_inner(v, max);
        self.depth -= 1;
    }

    fn term_inner(&mut self, v: S::R, max: u32) {
        let src = self.src;
        match src.view(v) {
            V::Var(k) => {
                let s = match self.var_names.get(&k) {
                    Some(n) => n.clone(),
                    // a cycle's name written as a variable (SWI: a fresh `_N`)
                    None if k >= factor::NAME_VAR_BASE => {
                        format!("_S{}", k - factor::NAME_VAR_BASE + 1)
                    }
                    None => format!("_{k}"),
                };
                self.emit(&s);
            }
            V::Int(i) => {
                let s = i.to_string();
                self.emit(&s);
            }
            V::Big(b) => {
                let s = b.to_string();
                self.emit(&s);
            }
            V::Float(f) => {
                let s = format_float(f);
                self.emit(&s);
            }
            V::Nil => self.emit("[]"),
            V::Atom(a) => {
                if max < 1200 && self.ops.is_op(a) && !is_solo(a) {
                    let p = [self.ops.prefix(a), self.ops.infix(a), self.ops.postfix(a)]
                        .iter()
                        .flatten()
                        .map(|x| x.0)
                        .max()
                        .unwrap_or(0);
                    if p > max {
                        self.out.push('(');
                        self.atom(a);
                        self.out.push(')');
                        return;
                    }
                }
                self.atom(a)
            }
            V::Str(s) => {
                if self.o.quoted {
                    let mut o = String::from("\"");
                    for c in s.chars() {
                        match c {
                            '"' => o.push_str("\\\""),
                            '\\' => o.push_str("\\\\"),
                            '\n' => o.push_str("\\n"),
                            '\t' => o.push_str("\\t"),
                            c => o.push(c),
                        }
                    }
                    o.push('"');
                    self.emit(&o);
                } else {
                    self.emit(s);
                }
            }
            V::Cmp(name, n) => self.compound(v, name, n, max),
            V::TVar(n) => {
                let s = format!("_T{n}");
                self.emit(&s);
            }
            V::Other => self.emit("<internal>"),
        }
    }

    fn compound(&mut self, v: S::R, name: &str, n: usize, max: u32) {
        let src = self.src;
        if name == "[|]" && n == 2 {
            self.list(v);
            return;
        }
        if self.o.numbervars && name == "$VAR" && n == 1 {
            match src.view(src.arg(v, 0)) {
                V::Int(k) => {
                    let letter = (b'A' + (k % 26) as u8) as char;
                    let s = if k >= 26 {
                        format!("{}{}", letter, k / 26)
                    } else {
                        letter.to_string()
                    };
                    self.emit(&s);
                    return;
                }
                V::Atom(a) => {
                    // '$VAR'('Name') writes Name
                    self.emit(a);
                    return;
                }
                _ => {}
            }
        }
        // braces are kept even with ignore_ops, but not by write_canonical
        if name == "{}" && n == 1 && !self.o.canonical {
            self.emit("{");
            self.term(src.arg(v, 0), 1200);
            self.out.push('}');
            return;
        }
        if !self.o.ignore_ops {
            if n == 2 {
                if let Some((p, t)) = self.ops.infix(name) {
                    let (lp, rp) = match t {
                        OpType::Xfx => (p - 1, p - 1),
                        OpType::Xfy => (p - 1, p),
                        _ => (p, p - 1),
                    };
                    let br = p > max;
                    if br {
                        self.emit("(");
                    }
                    self.operand_right(src.arg(v, 0), lp);
                    if name == "," {
                        self.out.push(',');
                    } else {
                        let alpha = name.chars().next().is_some_and(|c| c.is_alphanumeric());
                        if alpha {
                            self.out.push(' ');
                            self.atom(name);
                            self.out.push(' ');
                        } else if name == "|" {
                            self.out.push('|');
                        } else {
                            self.atom(name);
                        }
                    }
                    self.operand_right(src.arg(v, 1), rp);
                    if br {
                        self.out.push(')');
                    }
                    return;
                }
            }
            if n == 1 {
                if let Some((p, t)) = self.ops.prefix(name) {
                    let ap = if t == OpType::Fy { p } else { p - 1 };
                    let br = p > max;
                    if br {
                        self.emit("(");
                    }
                    self.atom(name);
                    let a = src.arg(v, 0);
                    let av = src.view(a);
                    let a_is_op_atom = matches!(av, V::Atom(x) if self.ops.is_op(x));
                    // `- -1`, `- +a`: a symbolic prefix operator after this one
                    // (`:-dynamic foo` needs no space, as in SWI)
                    let a_prefix_op = matches!(av, V::Cmp(x, 1)
                        if self.ops.prefix(x).is_some() && !x.starts_with(|c: char| c.is_alphanumeric()));
                    let mut sub = W {
                        src,
                        out: String::new(),
                        start: 0,
                        o: self.o,
                        ops: self.ops,
                        depth: self.depth,
                        too_deep: false,
                        var_names: std::mem::take(&mut self.var_names),
                    };
                    match av {
                        V::Atom(x) if a_is_op_atom => sub.atom_operand(x),
                        _ => sub.term(a, ap),
                    }
                    self.var_names = std::mem::take(&mut sub.var_names);
                    self.too_deep |= sub.too_deep;
                    let text = sub.out;
                    let first = text.chars().next().unwrap_or(' ');
                    let last = self.last_char().unwrap_or(' ');
                    // `- 1` would read as the number -1; SWI 7 reads `+1`
                    // as +(1), and writes a space before a brace term
                    if (name == "-" && first.is_ascii_digit())
                        || first == '{'
                        || a_is_op_atom
                        || a_prefix_op
                        || (is_symbol_char(last) && is_symbol_char(first))
                        || ((last.is_alphanumeric() || last == '_')
                            && (first.is_alphanumeric() || first == '_'))
                        || first == '('
                    {
                        self.out.push(' ');
                    }
                    self.out.push_str(&text);
                    if br {
                        self.out.push(')');
                    }
                    return;
                }
                if let Some((p, t)) = self.ops.postfix(name) {
                    let ap = if t == OpType::Yf { p } else { p - 1 };
                    let br = p > max;
                    if br {
                        self.emit("(");
                    }
                    self.term(src.arg(v, 0), ap);
                    self.atom(name);
                    if br {
                        self.out.push(')');
                    }
                    return;
                }
            }
        }
        self.atom(name);
        self.out.push('(');
        for i in 0..n {
            if i > 0 {
                self.comma();
            }
            self.arg(src.arg(v, i));
        }
        self.out.push(')');
    }

    fn operand_right(&mut self, a: S::R, rp: u32) {
        match self.src.view(a) {
            V::Atom(x) if self.ops.is_op(x) => self.atom_operand(x),
            _ => self.term(a, rp),
        }
    }

    fn arg(&mut self, a: S::R) {
        match self.src.view(a) {
            V::Atom(x) => self.atom(x),
            _ => self.term(a, 999),
        }
    }

    fn comma(&mut self) {
        self.out.push(',');
        if self.o.space_args {
            self.out.push(' ');
        }
    }

    fn list(&mut self, l: S::R) {
        let src = self.src;
        self.emit("[");
        self.arg(src.arg(l, 0));
        let mut t = src.arg(l, 1);
        let mut n = 1;
        // A cyclic term reaches here factored (`write_to`), so this only
        // guards the walk: a cyclic list would be written forever.
        let mut cycle = terms::CycleCheck::default();
        loop {
            match src.view(t) {
                V::Nil => break,
                V::Cmp("[|]", 2) if cycle.seen_id(src.cell_id(t)) => {
                    self.too_deep = true;
                    self.out.push_str("|...");
                    break;
                }
                // with max_depth, SWI writes the first depth-1 elements
                V::Cmp("[|]", 2) if self.o.max_depth > 0 && n + 1 >= self.o.max_depth => {
                    self.out.push_str("|...");
                    break;
                }
                V::Cmp("[|]", 2) => {
                    self.comma();
                    self.arg(src.arg(t, 0));
                    t = src.arg(t, 1);
                    n += 1;
                }
                _ => {
                    self.out.push('|');
                    self.arg(t);
                    break;
                }
            }
        }
        self.out.push(']');
    }
}
