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

use std::fmt::Write;
use std::sync::OnceLock;

use vm_core::Value;

use crate::ops::{OpType, Ops};
use crate::terms::{self, view, T};

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

/// Writes a term to a string.
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
    let mut w = W {
        out: String::new(),
        o,
        ops: match o.ops {
            Some(x) => x,
            None => default_ops(),
        },
        depth: 0,
        too_deep: false,
        var_names: if o.canonical {
            canonical_var_names(v)
        } else {
            Default::default()
        },
    };
    w.term(v, 1200);
    if w.too_deep {
        Err(w.out)
    } else {
        Ok(w.out)
    }
}

/// `write_canonical`'s variable names: `_` for variables occurring once,
/// `A`, `B`, … `Z`, `A1`, … for the others in order of first occurrence.
fn canonical_var_names(v: Value<'_>) -> std::collections::HashMap<i64, String> {
    let mut order: Vec<i64> = Vec::new();
    let mut count: std::collections::HashMap<i64, usize> = Default::default();
    let mut stack = vec![v];
    while let Some(t) = stack.pop() {
        let t = terms::deref(t);
        match view(t) {
            T::Var => {
                let k = terms::var_serial(t);
                let c = count.entry(k).or_insert(0);
                if *c == 0 {
                    order.push(k);
                }
                *c += 1;
            }
            T::Compound(_, args) => stack.extend(args.iter().rev().copied()),
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

struct W<'o> {
    out: String,
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

impl W<'_> {
    fn emit(&mut self, s: &str) {
        // keep tokens apart where they would glue together
        if let (Some(last), Some(first)) = (self.out.chars().last(), s.chars().next()) {
            let glue = (is_symbol_char(last) && is_symbol_char(first))
                || ((last.is_alphanumeric() || last == '_')
                    && (first.is_alphanumeric() || first == '_'))
                || (last == ',' && false);
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
        // an operator atom as an operand is bracketed
        if self.ops.is_op(s) && !is_solo(s) {
            self.out.push('(');
            self.atom(s);
            self.out.push(')');
        } else {
            self.atom(s);
        }
    }

    fn term(&mut self, v: Value<'_>, max: u32) {
        let v = terms::deref(v);
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

    fn term_inner(&mut self, v: Value<'_>, max: u32) {
        match view(v) {
            T::Var => {
                let s = match self.var_names.get(&terms::var_serial(v)) {
                    Some(n) => n.clone(),
                    None => format!("_{}", terms::var_serial(v)),
                };
                self.emit(&s);
            }
            T::Int(i) => {
                let s = i.to_string();
                self.emit(&s);
            }
            T::Big(b) => {
                let s = b.to_string();
                self.emit(&s);
            }
            T::Float(f) => {
                let s = format_float(f);
                self.emit(&s);
            }
            T::Nil => self.emit("[]"),
            T::Atom(a) => {
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
            T::Str(s) => {
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
            T::Compound(name, args) => self.compound(name, args, max),
            T::TVar(n) => {
                let s = format!("_T{n}");
                self.emit(&s);
            }
            T::Other => self.emit("<internal>"),
        }
    }

    fn compound(&mut self, name: &str, args: &[Value<'_>], max: u32) {
        if name == "[|]" && args.len() == 2 {
            self.list(args);
            return;
        }
        if self.o.numbervars && name == "$VAR" && args.len() == 1 {
            if let T::Int(n) = view(args[0]) {
                let letter = (b'A' + (n % 26) as u8) as char;
                let s = if n >= 26 {
                    format!("{}{}", letter, n / 26)
                } else {
                    letter.to_string()
                };
                self.emit(&s);
                return;
            }
            if let T::Atom(a) = view(args[0]) {
                // '$VAR'('Name') writes Name
                self.emit(a);
                return;
            }
        }
        // braces are kept even with ignore_ops, but not by write_canonical
        if name == "{}" && args.len() == 1 && !self.o.canonical {
            self.emit("{");
            self.term(args[0], 1200);
            self.out.push('}');
            return;
        }
        if !self.o.ignore_ops {
            if args.len() == 2 {
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
                    self.operand_right(args[0], lp);
                    if name == "," {
                        self.out.push(',');
                    } else {
                        let alpha = name.chars().next().is_some_and(|c| c.is_alphanumeric());
                        if alpha || name == "->" && false {
                            self.out.push(' ');
                            self.atom(name);
                            self.out.push(' ');
                        } else if name == "|" {
                            self.out.push('|');
                        } else {
                            self.atom(name);
                        }
                    }
                    self.operand_right(args[1], rp);
                    if br {
                        self.out.push(')');
                    }
                    return;
                }
            }
            if args.len() == 1 {
                if let Some((p, t)) = self.ops.prefix(name) {
                    if name != "-" && name != "+" || true {
                        let ap = if t == OpType::Fy { p } else { p - 1 };
                        let br = p > max;
                        if br {
                            self.emit("(");
                        }
                        self.atom(name);
                        let a = terms::deref(args[0]);
                        let a_is_op_atom = matches!(view(a), T::Atom(x) if self.ops.is_op(x));
                        let mut sub = W {
                            out: String::new(),
                            o: self.o,
                            ops: self.ops,
                            depth: self.depth,
                            too_deep: false,
                            var_names: std::mem::take(&mut self.var_names),
                        };
                        if a_is_op_atom {
                            if let T::Atom(x) = view(a) {
                                sub.atom_operand(x);
                            }
                        } else {
                            sub.term(a, ap);
                        }
                        self.var_names = std::mem::take(&mut sub.var_names);
                        self.too_deep |= sub.too_deep;
                        let text = sub.out;
                        let first = text.chars().next().unwrap_or(' ');
                        let last = self.out.chars().last().unwrap_or(' ');
                        let a_prefix_op = matches!(view(a), T::Compound(n, aa) if aa.len() == 1 && self.ops.prefix(n).is_some());
                        if ((name == "-" || name == "+") && first.is_ascii_digit())
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
                }
                if let Some((p, t)) = self.ops.postfix(name) {
                    let ap = if t == OpType::Yf { p } else { p - 1 };
                    let br = p > max;
                    if br {
                        self.emit("(");
                    }
                    self.term(args[0], ap);
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
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.comma();
            }
            self.arg(*a);
        }
        self.out.push(')');
    }

    fn operand_right(&mut self, a: Value<'_>, rp: u32) {
        let a = terms::deref(a);
        match view(a) {
            T::Atom(x) if self.ops.is_op(x) && !is_solo(x) => self.atom_operand(x),
            _ => self.term(a, rp),
        }
    }

    fn arg(&mut self, a: Value<'_>) {
        let a = terms::deref(a);
        match view(a) {
            T::Atom(x) => self.atom(x),
            _ => self.term(a, 999),
        }
    }

    fn comma(&mut self) {
        self.out.push(',');
        if self.o.space_args {
            self.out.push(' ');
        }
    }

    fn list(&mut self, args: &[Value<'_>]) {
        self.emit("[");
        self.arg(args[0]);
        let mut t = terms::deref(args[1]);
        let mut n = 1;
        // A cyclic list would be written forever; it ends the write like a
        // term nested too deeply (SWI writes cycles as `@(Template, Substs)`,
        // which this writer does not do).
        let mut cycle = terms::CycleCheck::default();
        loop {
            match view(t) {
                T::Nil => break,
                T::Compound("[|]", a) if a.len() == 2 && cycle.seen(a) => {
                    self.too_deep = true;
                    self.out.push_str("|...");
                    break;
                }
                // with max_depth, SWI writes the first depth-1 elements
                T::Compound("[|]", _) if self.o.max_depth > 0 && n + 1 >= self.o.max_depth => {
                    self.out.push_str("|...");
                    break;
                }
                T::Compound("[|]", a) if a.len() == 2 => {
                    self.comma();
                    self.arg(a[0]);
                    t = terms::deref(a[1]);
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
