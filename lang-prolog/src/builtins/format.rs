//! `format/1,2,3` with SWI-Prolog's directives: `~w ~p ~q ~a ~d ~D ~s ~e
//! ~f ~g ~n ~c ~r ~R ~t ~| ~+ ~i ~* ~~`, and column stops with fill.
//!
//! The engine ([`format_into`]) reads its format and arguments through
//! [`FmtArgs`] (the writer's `Terms` plus a heap copy for error terms and
//! arithmetic), so the term-store engine formats its own words with it
//! (`store::output`).

use vm_core::Value;

use super::det;
use super::io::{emit, stream_of, Stream};
use crate::arith::{self, N};
use crate::errors as err;
use crate::globals::Globals;
use crate::machine::{Eng, PResult};
use crate::terms::{self, view, T};
use crate::writer::{self, Heap, Opts, Terms, V};

type R<'gc> = PResult<'gc, bool>;

fn format_error<'gc>(e: &Eng<'_, 'gc>, msg: &str) -> Value<'gc> {
    let f = e.compound("format", vec![e.atom(msg)]);
    e.compound("error", vec![f, e.new_var()])
}

/// `error(format_argument_type(Directive, Arg), _)`.
fn arg_type_error<'gc>(e: &Eng<'_, 'gc>, d: char, a: Value<'gc>) -> Value<'gc> {
    let f = e.compound(
        "format_argument_type",
        vec![e.atom(d.encode_utf8(&mut [0; 4])), a],
    );
    e.compound("error", vec![f, e.new_var()])
}

/// What `format` needs of a term representation beyond reading it.
pub trait FmtArgs<'gc>: Terms {
    /// A heap copy of a term (for error terms).
    fn heap(&self, e: &Eng<'_, 'gc>, t: Self::R) -> Value<'gc>;
    /// Evaluates an arithmetic expression (errors without context).
    fn eval(&self, e: &Eng<'_, 'gc>, t: Self::R) -> PResult<'gc, N>;
}

impl<'gc> FmtArgs<'gc> for Heap<'gc> {
    fn heap(&self, _e: &Eng<'_, 'gc>, t: Value<'gc>) -> Value<'gc> {
        terms::deref(t)
    }
    fn eval(&self, e: &Eng<'_, 'gc>, t: Value<'gc>) -> PResult<'gc, N> {
        arith::eval(e.mc, t)
    }
}

/// The text of an atom, string, number, or code/char list (as
/// [`super::text_of`], on any representation).
pub fn text_of_t<S: Terms>(src: &S, t: S::R) -> Option<String> {
    match src.view(t) {
        V::Atom(a) => Some(a.to_string()),
        V::Nil => Some("[]".to_string()),
        V::Str(s) => Some(s.to_string()),
        V::Int(i) => Some(i.to_string()),
        V::Big(b) => Some(b.to_string()),
        V::Float(f) => Some(writer::format_float(f)),
        V::Cmp("[|]", 2) => {
            let mut s = String::new();
            for it in list_items(src, t)? {
                match src.view(it) {
                    V::Int(c) => s.push(char::from_u32(u32::try_from(c).ok()?)?),
                    V::Atom(a) if a.chars().count() == 1 => s.push_str(a),
                    _ => return None,
                }
            }
            Some(s)
        }
        _ => None,
    }
}

/// The elements of a proper list (`None`: partial, cyclic or not a list).
pub fn list_items<S: Terms>(src: &S, l: S::R) -> Option<Vec<S::R>> {
    let mut out = Vec::new();
    let mut t = l;
    let mut cycle = terms::CycleCheck::default();
    loop {
        match src.view(t) {
            V::Nil => return Some(out),
            V::Cmp("[|]", 2) => {
                if cycle.seen_id(src.cell_id(t)) {
                    return None;
                }
                out.push(src.arg(t, 0));
                t = src.arg(t, 1);
            }
            _ => return None,
        }
    }
}

/// Formats `fmt` with `args`; `col0` is the column output starts at.
pub fn format_to_string<'gc>(
    e: &Eng<'_, 'gc>,
    fmt: Value<'gc>,
    args: Value<'gc>,
    col0: usize,
) -> PResult<'gc, String> {
    let mut out = String::new();
    format_into(e, &writer::heap(), fmt, args, col0, &mut out)?;
    Ok(out)
}

/// Formats to `st`; on an error, what was formatted before it is still
/// written (as SWI does).
fn format_stream<'gc>(
    e: &Eng<'_, 'gc>,
    st: Stream,
    fmt: Value<'gc>,
    args: Value<'gc>,
    col0: usize,
) -> R<'gc> {
    let mut out = String::new();
    let r = format_into(e, &writer::heap(), fmt, args, col0, &mut out);
    emit(e, st, &out);
    r.map(|_| true)
}

/// Formats `fmt` with `args` (terms read through `src`) into `out`; `col0`
/// is the column output starts at. Both engines format through this.
pub fn format_into<'gc, S: FmtArgs<'gc>>(
    e: &Eng<'_, 'gc>,
    src: &S,
    fmt: S::R,
    args: S::R,
    col0: usize,
    out: &mut String,
) -> PResult<'gc, ()> {
    let base = out.len();
    let fv = src.view(fmt);
    // SWI names format/3 (no module) for a bad format text
    let text_error = |ball: Value<'gc>| match view(ball) {
        T::Compound("error", a) if a.len() == 2 => {
            let pi = err::pi(e.mc, "format", 3);
            let ctx = e.compound("context", vec![pi, e.new_var()]);
            e.compound("error", vec![a[0], ctx])
        }
        _ => ball,
    };
    if matches!(fv, V::Int(_) | V::Big(_) | V::Float(_)) {
        return Err(text_error(err::type_error(e.mc, "text", src.heap(e, fmt))));
    }
    let is_var = matches!(fv, V::Var(_));
    let Some(f) = text_of_t(src, fmt) else {
        if is_var {
            return Err(text_error(err::instantiation_error(e.mc)));
        }
        return Err(text_error(err::type_error(e.mc, "text", src.heap(e, fmt))));
    };
    let mut args: Vec<S::R> = match list_items(src, args) {
        Some(l) => l,
        None => vec![args],
    };
    args.reverse();
    let mut next_arg = |e: &Eng<'_, 'gc>| -> PResult<'gc, S::R> {
        args.pop()
            .ok_or_else(|| format_error(e, "not enough arguments"))
    };
    let write = |out: &mut String, t: S::R, o: Opts<'_>| -> PResult<'gc, ()> {
        // the operator table is borrowed only while writing: error terms
        // need the globals mutably
        let g = e.g.borrow();
        let o = Opts {
            ops: Some(&g.ops),
            ..o
        };
        if writer::write_to(src, t, o, out) {
            Ok(())
        } else {
            Err(err::resource_error(e.mc, "c_stack"))
        }
    };
    // column bookkeeping
    let mut line_start: usize = base; // byte index in out where the current line starts
                                      // column of the previous column stop: SWI counts from the line start
                                      // even when this call starts mid-line
    let mut last_stop_col: usize = 0;
    let mut fills: Vec<(usize, char)> = Vec::new();
    let col_of = |out: &str, line_start: usize| -> usize {
        let c = out[line_start..].chars().count();
        if line_start == base {
            c + col0
        } else {
            c
        }
    };
    let cs: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        i += 1;
        if c != '~' {
            out.push(c);
            if c == '\n' {
                line_start = out.len();
                last_stop_col = 0;
                fills.clear();
            }
            continue;
        }
        // numeric argument
        let mut num: Option<i64> = None;
        let mut fill_char = ' ';
        if i >= cs.len() {
            // a lone `~` at the end
        } else if cs[i] == '*' {
            let a = next_arg(e)?;
            match src.view(a) {
                V::Int(n) if n >= 0 => num = Some(n),
                _ => return Err(format_error(e, "no or negative integer for `*' argument")),
            }
            i += 1;
        } else if cs[i] == '`' {
            if i + 1 < cs.len() {
                fill_char = cs[i + 1];
                num = Some(cs[i + 1] as i64);
                i += 2;
            }
        } else {
            let st = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                num = cs[st..i].iter().collect::<String>().parse().ok();
            }
        }
        // at the end, SWI takes the last character read as the directive
        // (NUL after a lone `~`)
        let d = match cs.get(i) {
            Some(&d) => d,
            None if cs[i - 1] == '~' => '\0',
            None => cs[i - 1],
        };
        i += 1;
        match d {
            'w' => {
                let a = next_arg(e)?;
                write(out, a, Opts::write())?;
            }
            'p' | 'q' => {
                let a = next_arg(e)?;
                write(out, a, Opts::print())?;
            }
            'a' => {
                let a = next_arg(e)?;
                let av = src.view(a);
                let atomic = !matches!(av, V::Var(_) | V::Cmp(..) | V::TVar(_) | V::Other);
                match text_of_t(src, a) {
                    Some(s) if atomic => out.push_str(&s),
                    _ => return Err(arg_type_error(e, 'a', src.heap(e, a))),
                }
            }
            'd' | 'D' => {
                let a = next_arg(e)?;
                let v = match src.view(a) {
                    V::Int(i) => Some(num_bigint::BigInt::from(i)),
                    V::Big(b) => Some(b.clone()),
                    // SWI evaluates an expression argument
                    V::Atom(_) | V::Nil | V::Cmp(..) => match src.eval(e, a)? {
                        N::I(i) => Some(num_bigint::BigInt::from(i)),
                        N::B(b) => Some(b),
                        N::F(f) => {
                            return Err(arg_type_error(e, d, Value::Float(f)));
                        }
                    },
                    V::Var(_) => return Err(err::instantiation_error(e.mc)),
                    _ => None,
                };
                let Some(v) = v else {
                    return Err(arg_type_error(e, d, src.heap(e, a)));
                };
                let neg = v.sign() == num_bigint::Sign::Minus;
                let mut digits = v.magnitude().to_string();
                let k = num.unwrap_or(0) as usize;
                let mut frac = String::new();
                if k > 0 {
                    while digits.len() <= k {
                        digits.insert(0, '0');
                    }
                    frac = digits.split_off(digits.len() - k);
                }
                if d == 'D' {
                    let mut g = String::new();
                    let n = digits.len();
                    for (j, ch) in digits.chars().enumerate() {
                        if j > 0 && (n - j) % 3 == 0 {
                            g.push(',');
                        }
                        g.push(ch);
                    }
                    digits = g;
                }
                if neg {
                    out.push('-');
                }
                out.push_str(&digits);
                if k > 0 {
                    out.push('.');
                    out.push_str(&frac);
                }
            }
            'f' | 'e' | 'g' => {
                let a = next_arg(e)?;
                let n = src.eval(e, a)?;
                let prec = num.unwrap_or(6) as usize;
                let x = match &n {
                    N::I(i) => *i as f64,
                    N::B(b) => num_traits::ToPrimitive::to_f64(b).unwrap_or(0.0),
                    N::F(f) => *f,
                };
                match d {
                    'f' => {
                        if let N::B(b) = &n {
                            out.push_str(&b.to_string());
                            if prec > 0 {
                                out.push('.');
                                out.push_str(&"0".repeat(prec));
                            }
                        } else {
                            out.push_str(&format!("{:.*}", prec, x));
                        }
                    }
                    'e' => {
                        let s = format!("{:.*e}", prec, x);
                        let (m, ex) = s.split_once('e').unwrap_or((&s, "0"));
                        let exn: i32 = ex.parse().unwrap_or(0);
                        out.push_str(&format!(
                            "{}e{}{:02}",
                            m,
                            if exn < 0 { '-' } else { '+' },
                            exn.abs()
                        ));
                    }
                    _ => out.push_str(&writer::format_g(x, prec.max(1))),
                }
            }
            'n' => {
                for _ in 0..num.unwrap_or(1) {
                    out.push('\n');
                }
                line_start = out.len();
                last_stop_col = 0;
                fills.clear();
            }
            'c' => {
                let a = next_arg(e)?;
                let V::Int(code) = src.view(a) else {
                    return Err(arg_type_error(e, 'c', src.heap(e, a)));
                };
                let ch = char::from_u32(code as u32).unwrap_or('?');
                for _ in 0..num.unwrap_or(1) {
                    out.push(ch);
                }
            }
            'r' | 'R' => {
                let a = next_arg(e)?;
                let v = match src.view(a) {
                    V::Int(i) => num_bigint::BigInt::from(i),
                    V::Big(b) => b.clone(),
                    _ => return Err(arg_type_error(e, d, src.heap(e, a))),
                };
                let radix = num.unwrap_or(8) as u32;
                if !(2..=36).contains(&radix) {
                    return Err(format_error(e, "radix must be 2..36"));
                }
                let s = v.to_str_radix(radix);
                out.push_str(&if d == 'R' { s.to_uppercase() } else { s });
            }
            's' => {
                let a = next_arg(e)?;
                match text_of_t(src, a) {
                    Some(s) => out.push_str(&s),
                    None => return Err(arg_type_error(e, 's', src.heap(e, a))),
                }
            }
            'i' => {
                next_arg(e)?;
            }
            '~' => out.push('~'),
            't' => {
                let fc = if num.is_some() && fill_char == ' ' {
                    char::from_u32(num.unwrap_or(32) as u32).unwrap_or(' ')
                } else {
                    fill_char
                };
                fills.push((out.len(), fc));
            }
            '|' | '+' => {
                let cur = col_of(out, line_start);
                let target = if d == '+' {
                    last_stop_col + num.unwrap_or(8) as usize
                } else {
                    num.map(|n| n as usize).unwrap_or(cur)
                };
                if cur < target {
                    let pad = target - cur;
                    if fills.is_empty() {
                        // no fill point: pad after the text (left-aligned)
                        out.push_str(&" ".repeat(pad));
                    } else {
                        let nf = fills.len();
                        let base = pad / nf;
                        let extra = pad % nf;
                        for (k, (pos, fc)) in fills.iter().enumerate().rev() {
                            let cnt = base + if k == nf - 1 { extra } else { 0 };
                            out.insert_str(*pos, &fc.to_string().repeat(cnt));
                        }
                    }
                }
                last_stop_col = target.max(cur.min(target));
                if cur > target && d == '|' {
                    last_stop_col = cur;
                }
                fills.clear();
            }
            _ => {
                let f = e.compound(
                    "existence_error",
                    vec![
                        e.atom("format_character"),
                        e.atom(d.encode_utf8(&mut [0; 4])),
                    ],
                );
                return Err(err::error(e.mc, f));
            }
        }
    }
    if !args.is_empty() {
        return Err(format_error(e, "too many arguments"));
    }
    Ok(())
}

fn format1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let col = e.g.borrow().column;
    // SWI's format/1 is format/2 with no arguments, and its errors say so
    format_stream(e, Stream::Out, a[0], Value::None, col)
        .map_err(|b| super::add_context(e, b, "format", 2))
}
fn format2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let col = e.g.borrow().column;
    format_stream(e, Stream::Out, a[0], a[1], col)
}
fn format3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let sink = terms::deref(a[0]);
    if let T::Compound(kind, x) = view(sink) {
        if x.len() == 1 {
            let s = format_to_string(e, a[1], a[2], 0)?;
            let v = match kind {
                "atom" => e.atom(&s),
                "string" => terms::string(e.mc, &s),
                "codes" => super::atoms::codes(e, &s),
                "chars" => super::atoms::chars(e, &s),
                _ => return Err(err::type_error(e.mc, "output", sink)),
            };
            return Ok(e.unify(x[0], v));
        }
    }
    if !matches!(view(sink), T::Atom(_) | T::Var) {
        return Err(err::type_error(e.mc, "output", sink));
    }
    let st = stream_of(e, sink)?;
    let col = if st == Stream::Out {
        e.g.borrow().column
    } else {
        0
    };
    format_stream(e, st, a[1], a[2], col)
}
/// `'$capture_push'`: standard output goes to a new buffer (`with_output_to/2`).
fn capture_push<'gc>(e: &Eng<'_, 'gc>, _a: &[Value<'gc>]) -> R<'gc> {
    e.g.borrow_mut().capture.push(String::new());
    Ok(true)
}
/// `'$capture_pop'(String)`: ends the innermost capture.
fn capture_pop<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = e.g.borrow_mut().capture.pop().unwrap_or_default();
    Ok(e.unify(a[0], terms::string(e.mc, &s)))
}

/// Registers format/1,2,3.
pub fn install(g: &mut Globals) {
    det(g, "format", 1, format1);
    det(g, "format", 2, format2);
    det(g, "format", 3, format3);
    det(g, "$capture_push", 0, capture_push);
    det(g, "$capture_pop", 1, capture_pop);
}
