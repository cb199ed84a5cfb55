//! Term output and input: `write/1` and friends, `nl`, `tab`, `read_term/2`
//! from standard input, operators (`op/3`, `current_op/3`).

use vm_core::Value;

use super::{det, need_atom, need_int, nondet, text_of};
use crate::errors as err;
use crate::globals::Globals;
use crate::lexer::Lexer;
use crate::machine::{Eng, PResult};
use crate::ops::OpType;
use crate::parser;
use crate::terms::{self, view, T};
use crate::writer::{self, Opts};

type R<'gc> = PResult<'gc, bool>;

/// Which stream a stream argument names.
#[derive(Copy, Clone, PartialEq)]
pub enum Stream {
    Out,
    Err,
}

/// Resolves a stream argument (only the standard output aliases exist).
pub fn stream_of<'gc>(e: &Eng<'_, 'gc>, s: Value<'gc>) -> PResult<'gc, Stream> {
    match view(s) {
        T::Atom(a) => stream_alias(a).ok_or_else(|| err::existence_error(e.mc, "stream", s)),
        T::Var => Err(err::instantiation_error(e.mc)),
        _ => Err(err::domain_error(e.mc, "stream_or_alias", s)),
    }
}

/// The output stream an alias names.
pub fn stream_alias(a: &str) -> Option<Stream> {
    match a {
        "user_error" => Some(Stream::Err),
        "user_output" | "user" => Some(Stream::Out),
        _ => None,
    }
}

/// Writes text to a stream.
pub fn emit(e: &Eng<'_, '_>, s: Stream, text: &str) {
    let mut g = e.g.borrow_mut();
    match s {
        Stream::Out => match g.capture.last_mut() {
            Some(buf) => buf.push_str(text),
            None => g.write_out(text),
        },
        Stream::Err => g.write_err(text),
    }
}

/// Writes a term with options, using the current operator table; a term
/// nested too deeply to write raises SWI's `resource_error(c_stack)`.
pub fn term_text<'gc>(e: &Eng<'_, 'gc>, t: Value<'gc>, o: Opts<'_>) -> Result<String, Value<'gc>> {
    let g = e.g.borrow();
    let o2 = Opts {
        ops: Some(&g.ops),
        ..o
    };
    writer::try_to_string(t, o2).map_err(|_| err::resource_error(e.mc, "c_stack"))
}

fn write1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = term_text(e, a[0], Opts::write())?;
    emit(e, Stream::Out, &s);
    Ok(true)
}
fn print1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = term_text(e, a[0], Opts::print())?;
    emit(e, Stream::Out, &s);
    Ok(true)
}
fn writeln1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = term_text(e, a[0], Opts::write())?;
    emit(e, Stream::Out, &(s + "\n"));
    Ok(true)
}
fn write_canonical1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = term_text(e, a[0], Opts::canonical())?;
    emit(e, Stream::Out, &s);
    Ok(true)
}
fn write2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let s = term_text(e, a[1], Opts::write())?;
    emit(e, st, &s);
    Ok(true)
}
fn writeln2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let s = term_text(e, a[1], Opts::write())?;
    emit(e, st, &(s + "\n"));
    Ok(true)
}
fn writeq2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let s = term_text(e, a[1], Opts::print())?;
    emit(e, st, &s);
    Ok(true)
}
fn nl0<'gc>(e: &Eng<'_, 'gc>, _a: &[Value<'gc>]) -> R<'gc> {
    emit(e, Stream::Out, "\n");
    Ok(true)
}
fn nl1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    emit(e, st, "\n");
    Ok(true)
}
/// `tab/1,2`'s count: an evaluated integer expression (as SWI).
fn tab_count<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, i64> {
    match crate::arith::eval(e.mc, v)? {
        crate::arith::N::I(i) => Ok(i),
        _ => Err(err::type_error(e.mc, "integer", v)),
    }
}
fn tab1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let n = tab_count(e, a[0])?;
    emit(e, Stream::Out, &" ".repeat(n.max(0) as usize));
    Ok(true)
}
fn tab2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let n = tab_count(e, a[1])?;
    emit(e, st, &" ".repeat(n.max(0) as usize));
    Ok(true)
}
/// `put_char`'s character: a one-character atom.
fn need_char<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, &'gc str> {
    match view(v) {
        T::Atom(c) if c.chars().count() == 1 => Ok(c),
        T::Var => Err(err::instantiation_error(e.mc)),
        _ => Err(err::type_error(e.mc, "character", v)),
    }
}
fn put_char1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = need_char(e, a[0])?;
    emit(e, Stream::Out, c);
    Ok(true)
}
fn put_char2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let c = need_char(e, a[1])?;
    emit(e, st, c);
    Ok(true)
}
fn flush<'gc>(e: &Eng<'_, 'gc>, _a: &[Value<'gc>]) -> R<'gc> {
    e.g.borrow_mut().flush();
    Ok(true)
}

fn write_opts<'gc>(e: &Eng<'_, 'gc>, l: Value<'gc>) -> PResult<'gc, Opts<'static>> {
    let mut o = Opts::write();
    o.numbervars = false;
    let l = terms::deref(l);
    let Some(items) = terms::list_to_vec(l) else {
        // a partial list is not known yet; anything else is not a list
        let mut t = l;
        while let T::Compound("[|]", a) = view(t) {
            t = terms::deref(a[1]);
            if terms::is_var(t) {
                return Err(err::instantiation_error(e.mc));
            }
        }
        if terms::is_var(t) {
            return Err(err::instantiation_error(e.mc));
        }
        return Err(err::type_error(e.mc, "list", l));
    };
    for it in items {
        let on = |v: Value<'gc>| match view(v) {
            T::Atom("true") => Ok(true),
            T::Atom("false") => Ok(false),
            T::Var => Err(err::instantiation_error(e.mc)),
            _ => Err(err::type_error(e.mc, "bool", v)),
        };
        match view(it) {
            T::Compound("quoted", a) if a.len() == 1 => o.quoted = on(a[0])?,
            T::Compound("ignore_ops", a) if a.len() == 1 => o.ignore_ops = on(a[0])?,
            T::Compound("numbervars", a) if a.len() == 1 => o.numbervars = on(a[0])?,
            T::Compound("max_depth", a) if a.len() == 1 => match view(a[0]) {
                T::Int(n) => o.max_depth = n.max(0) as usize,
                T::Var => return Err(err::instantiation_error(e.mc)),
                _ => return Err(err::type_error(e.mc, "integer", a[0])),
            },
            T::Compound("spacing", a) if a.len() == 1 => {
                o.space_args = matches!(view(a[0]), T::Atom("next_argument"))
            }
            // other options (portray, attributes, ...) have no effect here
            T::Compound(..) => {}
            T::Var => return Err(err::instantiation_error(e.mc)),
            _ => return Err(err::type_error(e.mc, "option", it)),
        }
    }
    Ok(o)
}
fn write_term2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let o = write_opts(e, a[1])?;
    let s = term_text(e, a[0], o)?;
    emit(e, Stream::Out, &s);
    Ok(true)
}
fn write_term3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let st = stream_of(e, a[0])?;
    let o = write_opts(e, a[2])?;
    let s = term_text(e, a[1], o)?;
    emit(e, st, &s);
    Ok(true)
}

/// Parses a term from text (no final `.` needed).
pub fn parse_text<'gc>(
    e: &Eng<'_, 'gc>,
    s: &str,
) -> PResult<'gc, (Value<'gc>, Vec<(String, Value<'gc>)>)> {
    // SWI's error terms show the text as `Text . ` (one space before
    // the end when the text ends in layout)
    let sep = if s.ends_with(char::is_whitespace) {
        ""
    } else {
        " "
    };
    let text = format!("{s}{sep}. ");
    let mut lex = Lexer::new(&text);
    let g = e.g.borrow();
    let dq = g.double_quotes;
    let ops = g.ops.clone();
    let mut serial = g.serial;
    drop(g);
    let r = parser::read_term(&mut lex, &ops, e.mc, dq, &mut serial);
    e.g.borrow_mut().serial = serial + 1;
    match r {
        Ok(Some(rt)) => Ok((rt.term, rt.vars)),
        Ok(None) => Ok((e.atom("end_of_file"), vec![])),
        Err(se) => {
            let f = e.compound("syntax_error", vec![err::syntax_term(e.mc, &se.msg)]);
            let ctx = e.compound(
                "string",
                vec![crate::terms::string(e.mc, &text), Value::Int(se.pos as i64)],
            );
            Err(e.compound("error", vec![f, ctx]))
        }
    }
}

fn read_term_stdin<'gc>(e: &Eng<'_, 'gc>, t: Value<'gc>, opts: Value<'gc>) -> R<'gc> {
    {
        let mut g = e.g.borrow_mut();
        if g.stdin.is_none() {
            g.flush();
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            g.stdin = Some(Lexer::new(&s));
        }
    }
    let mut g = e.g.borrow_mut();
    let dq = g.double_quotes;
    let ops = g.ops.clone();
    let mut serial = g.serial;
    let mut lex = g.stdin.take().unwrap_or_else(|| Lexer::new(""));
    drop(g);
    let r = parser::read_term(&mut lex, &ops, e.mc, dq, &mut serial);
    let mut g = e.g.borrow_mut();
    g.stdin = Some(lex);
    g.serial = serial + 1;
    drop(g);
    match r {
        Ok(Some(rt)) => {
            if let Some(items) = terms::list_to_vec(terms::deref(opts)) {
                for it in items {
                    match view(it) {
                        T::Compound("variable_names", a) if a.len() == 1 => {
                            let l = rt
                                .vars
                                .iter()
                                .map(|(n, v)| e.compound("=", vec![e.atom(n), *v]))
                                .collect();
                            if !e.unify(a[0], e.list(l, Value::None)) {
                                return Ok(false);
                            }
                        }
                        T::Compound("singletons", a) if a.len() == 1 => {
                            let l = rt
                                .vars
                                .iter()
                                .filter(|(n, _)| rt.named_singletons.contains(n))
                                .map(|(n, v)| e.compound("=", vec![e.atom(n), *v]))
                                .collect();
                            if !e.unify(a[0], e.list(l, Value::None)) {
                                return Ok(false);
                            }
                        }
                        T::Compound("variables", a) if a.len() == 1 => {
                            let l = super::termb::term_vars(rt.term);
                            if !e.unify(a[0], e.list(l, Value::None)) {
                                return Ok(false);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Ok(e.unify(t, rt.term))
        }
        Ok(None) => Ok(e.unify(t, e.atom("end_of_file"))),
        Err(se) => Err(err::syntax_error(e.mc, &se.msg)),
    }
}
fn read_term2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    read_term_stdin(e, a[0], a[1])
}
fn read_term3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    read_term_stdin(e, a[1], a[2])
}
fn read1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    read_term_stdin(e, a[0], Value::None)
}

fn op3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let p = need_int(e, a[0])?;
    if !(0..=1200).contains(&p) {
        return Err(err::domain_error(e.mc, "operator_priority", a[0]));
    }
    let ts = need_atom(e, a[1])?;
    let Some(t) = OpType::from_name(ts) else {
        return Err(err::domain_error(e.mc, "operator_specifier", a[1]));
    };
    let names = terms::deref(a[2]);
    let list = match view(names) {
        T::Atom(_) => vec![names],
        T::Nil => vec![],
        _ => match terms::list_to_vec(names) {
            Some(l) => l,
            None => return Err(err::type_error(e.mc, "list", names)),
        },
    };
    for n in list {
        let s = need_atom(e, n)?;
        if s == "," {
            return Err(err::permission_error(e.mc, "modify", "operator", n));
        }
        if s == "|" && (t.class() != 1 || (p > 0 && p < 1001)) {
            return Err(err::permission_error(e.mc, "create", "operator", n));
        }
        e.g.borrow_mut().ops.add(s, p as u32, t);
    }
    Ok(true)
}

fn current_op<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let all = e.g.borrow().ops.all();
    let target = e.compound("op", vec![a[0], a[1], a[2]]);
    let alts = all
        .into_iter()
        .map(|(n, p, t)| {
            e.compound(
                "op",
                vec![Value::Int(p as i64), e.atom(t.name()), e.atom(&n)],
            )
        })
        .collect();
    Ok((target, alts))
}

fn print_message<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let kind = text_of(a[0]).unwrap_or_default();
    if kind == "silent" || kind == "informational" {
        return Ok(true);
    }
    let prefix = if kind == "warning" {
        "Warning: "
    } else {
        "ERROR: "
    };
    let msg = terms::deref(a[1]);
    let lines = match view(msg) {
        T::Compound("format", f) if f.len() == 2 => {
            // one piece: SWI puts no prefix after a `~n` in it
            vec![super::format::format_to_string(e, f[0], f[1], 0)?]
        }
        _ => {
            let g = e.g.borrow();
            err::message_lines(msg, &|n| g.arities(n))
        }
    };
    let mut s = String::new();
    // while a file loads (a directive), SWI names the place first and
    // indents the message
    let place =
        e.g.borrow()
            .loads
            .last()
            .map(|l| format!("{}:{}:", l.path, l.line));
    let indent = if let Some(p) = place {
        s.push_str(prefix);
        s.push_str(&p);
        s.push('\n');
        "   "
    } else {
        ""
    };
    for l in lines {
        s.push_str(prefix);
        s.push_str(indent);
        s.push_str(&l);
        s.push('\n');
    }
    emit(e, Stream::Err, &s);
    Ok(true)
}

fn with_stdin<R>(e: &Eng<'_, '_>, f: impl FnOnce(&mut Lexer) -> R) -> R {
    let mut g = e.g.borrow_mut();
    if g.stdin.is_none() {
        g.flush();
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
        g.stdin = Some(Lexer::new(&s));
    }
    let lex = g.stdin.as_mut().expect("stdin");
    f(lex)
}

fn char_result<'gc>(e: &Eng<'_, 'gc>, c: Option<char>, code: bool) -> Value<'gc> {
    match (c, code) {
        (Some(c), false) => e.atom(c.encode_utf8(&mut [0; 4])),
        (Some(c), true) => Value::Int(c as i64),
        (None, false) => e.atom("end_of_file"),
        (None, true) => Value::Int(-1),
    }
}
fn get_char1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = with_stdin(e, |l| l.next_char());
    Ok(e.unify(a[a.len() - 1], char_result(e, c, false)))
}
fn get_code1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = with_stdin(e, |l| l.next_char());
    Ok(e.unify(a[a.len() - 1], char_result(e, c, true)))
}
fn peek_char1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = with_stdin(e, |l| l.peek_char());
    Ok(e.unify(a[a.len() - 1], char_result(e, c, false)))
}
fn peek_code1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = with_stdin(e, |l| l.peek_char());
    Ok(e.unify(a[a.len() - 1], char_result(e, c, true)))
}
/// The rest of the current line of standard input, without its line end
/// (`\n` or `\r\n`); `None` at the end of the input.
fn stdin_line(e: &Eng<'_, '_>) -> Option<String> {
    with_stdin(e, |l| {
        let mut s = String::new();
        match l.next_char() {
            None => return None,
            Some('\n') => return Some(s),
            Some(c) => s.push(c),
        }
        while let Some(c) = l.next_char() {
            if c == '\n' {
                break;
            }
            s.push(c);
        }
        if s.ends_with('\r') {
            s.pop();
        }
        Some(s)
    })
}
/// read_line_to_string/2: a line as a string, `end_of_file` at the end.
fn read_line_to_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let v = match stdin_line(e) {
        Some(s) => terms::string(e.mc, &s),
        None => e.atom("end_of_file"),
    };
    Ok(e.unify(a[1], v))
}
/// read_line_to_codes/2: a line as codes, `end_of_file` at the end.
fn read_line_to_codes<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let v = match stdin_line(e) {
        Some(s) => super::atoms::codes(e, &s),
        None => e.atom("end_of_file"),
    };
    Ok(e.unify(a[1], v))
}
/// read_string/3: the rest of the input (an unbound length), or at most
/// `Length` characters.
fn read_string3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let max = match view(a[1]) {
        T::Var => usize::MAX,
        T::Int(n) if n >= 0 => n as usize,
        T::Int(_) => return Err(err::domain_error(e.mc, "not_less_than_zero", a[1])),
        _ => return Err(err::type_error(e.mc, "integer", a[1])),
    };
    let s = with_stdin(e, |l| {
        let mut s = String::new();
        let mut n = 0;
        while n < max {
            let Some(c) = l.next_char() else { break };
            s.push(c);
            n += 1;
        }
        s
    });
    let n = Value::Int(s.chars().count() as i64);
    Ok(e.unify(a[1], n) && e.unify(a[2], terms::string(e.mc, &s)))
}
/// read_string/5: text up to one of the separator characters (`Sep` is its
/// code, `-1` at the end of the input), the pad characters stripped from
/// both ends.
fn read_string5<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let seps = text_of(a[1]).ok_or_else(|| err::type_error(e.mc, "text", a[1]))?;
    let pads = text_of(a[2]).ok_or_else(|| err::type_error(e.mc, "text", a[2]))?;
    let (s, sep) = with_stdin(e, |l| {
        let mut s = String::new();
        loop {
            match l.next_char() {
                None => return (s, -1),
                Some(c) if seps.contains(c) => return (s, c as i64),
                Some(c) => s.push(c),
            }
        }
    });
    let t = s.trim_matches(|c| pads.contains(c));
    Ok(e.unify(a[3], Value::Int(sep)) && e.unify(a[4], terms::string(e.mc, t)))
}
fn current_output<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(e.unify(a[0], e.atom("user_output")))
}
fn current_input<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(e.unify(a[0], e.atom("user_input")))
}

/// Registers the I/O builtins.
pub fn install(g: &mut Globals) {
    det(g, "write", 1, write1);
    det(g, "print", 1, print1);
    det(g, "writeln", 1, writeln1);
    det(g, "writeq", 1, print1);
    det(g, "write_canonical", 1, write_canonical1);
    det(g, "write", 2, write2);
    det(g, "writeln", 2, writeln2);
    det(g, "writeq", 2, writeq2);
    det(g, "print", 2, writeq2);
    det(g, "write_term", 2, write_term2);
    det(g, "write_term", 3, write_term3);
    det(g, "nl", 0, nl0);
    det(g, "nl", 1, nl1);
    det(g, "tab", 1, tab1);
    det(g, "tab", 2, tab2);
    det(g, "put_char", 1, put_char1);
    det(g, "put_char", 2, put_char2);
    det(g, "flush_output", 0, flush);
    det(g, "flush_output", 1, flush);
    det(g, "read_term", 2, read_term2);
    det(g, "read_term", 3, read_term3);
    det(g, "read", 1, read1);
    det(g, "op", 3, op3);
    nondet(g, "current_op", 3, current_op);
    det(g, "print_message", 2, print_message);
    det(g, "get_char", 1, get_char1);
    det(g, "get_char", 2, get_char1);
    det(g, "get_code", 1, get_code1);
    det(g, "get_code", 2, get_code1);
    det(g, "peek_char", 1, peek_char1);
    det(g, "peek_char", 2, peek_char1);
    det(g, "peek_code", 1, peek_code1);
    det(g, "peek_code", 2, peek_code1);
    det(g, "read_line_to_string", 2, read_line_to_string);
    det(g, "read_line_to_codes", 2, read_line_to_codes);
    det(g, "read_string", 3, read_string3);
    det(g, "read_string", 5, read_string5);
    det(g, "current_output", 1, current_output);
    det(g, "current_input", 1, current_input);
}
