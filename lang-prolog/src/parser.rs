//! The reader: an operator-precedence parser over the token stream of
//! [`crate::lexer`], reading one clause (term followed by an end token) at a
//! time against the *current* operator table, so `op/3` takes effect for the
//! next clause.
//!
//! Terms are built directly on the heap (see [`crate::terms`]). Nesting
//! depth is bounded ([`MAX_DEPTH`]); deeper input is a syntax error, never a
//! stack overflow.

use num_bigint::BigInt;
use vm_core::{Mutation, Value};

use crate::lexer::{Lexer, SyntaxError, Tok, Token};
use crate::ops::{OpType, Ops};
use crate::terms;

/// Deepest nesting of terms the reader accepts.
pub const MAX_DEPTH: usize = 20_000;

/// How double-quoted text reads (the `double_quotes` flag).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DoubleQuotes {
    Codes,
    Chars,
    Atom,
    String,
}

/// What a read produced.
pub struct ReadTerm<'gc> {
    /// The term.
    pub term: Value<'gc>,
    /// Named variables in order of first occurrence.
    pub vars: Vec<(String, Value<'gc>)>,
    /// Names of variables occurring once that SWI warns about (see
    /// [`warns_singleton`]).
    pub singletons: Vec<String>,
    /// Names marked as singletons (`_Upper`) that occur more than once.
    pub multi_marked: Vec<String>,
    /// Every named variable occurring once (`read_term/2`'s `singletons`).
    pub named_singletons: Vec<String>,
    /// Line where the term starts.
    pub line: usize,
}

/// The parser state for one read.
pub struct Parser<'a, 'gc> {
    lex: &'a mut Lexer,
    ops: &'a Ops,
    mc: &'a Mutation<'gc>,
    dq: DoubleQuotes,
    serial: &'a mut i64,
    tok: Token,
    vars: Vec<(String, Value<'gc>, usize)>,
    depth: usize,
    /// Parsing an argument or list element: `,` and `|` end the term, but
    /// operators above 999 are accepted (as SWI-Prolog does).
    arg_mode: bool,
    /// The name token being handled by `after_name` (for error positions).
    op_tok: Option<Token>,
}

fn err_at(t: &Token, msg: &str) -> SyntaxError {
    SyntaxError {
        msg: msg.to_string(),
        line: t.line,
        col: t.col,
        pos: t.pos,
    }
}

/// Reads the next clause; `Ok(None)` at end of input. On a syntax error the
/// lexer is left after the next end token so reading can resume.
pub fn read_term<'gc>(
    lex: &mut Lexer,
    ops: &Ops,
    mc: &Mutation<'gc>,
    dq: DoubleQuotes,
    serial: &mut i64,
) -> Result<Option<ReadTerm<'gc>>, SyntaxError> {
    let first = match lex.next() {
        Ok(t) => t,
        Err(e) => {
            lex.skip_to_end();
            return Err(e);
        }
    };
    if first.tok == Tok::Eof {
        return Ok(None);
    }
    let line = first.line;
    let first_col = first.col;
    let mut p = Parser {
        lex,
        ops,
        mc,
        dq,
        serial,
        tok: first,
        vars: Vec::new(),
        depth: 0,
        arg_mode: false,
        op_tok: None,
    };
    let r = p.parse(1200).and_then(|(t, _)| {
        if p.tok.tok == Tok::End {
            Ok(t)
        } else if p.tok.tok == Tok::Eof {
            Err(err_at(&p.tok, "Unexpected end of file"))
        } else if matches!(p.tok.tok, Tok::Close | Tok::CloseList | Tok::CloseCurly) {
            Err(err_at(&p.tok, "Illegal start of term"))
        } else if p.infix_name().is_some_and(|n| p.ops.infix(&n).is_some()) {
            // an infix operator that does not fit the priorities
            Err(err_at(&p.tok, "Operator priority clash"))
        } else {
            Err(err_at(&p.tok, "Operator expected"))
        }
    });
    match r {
        Ok(term) => {
            let singletons = p
                .vars
                .iter()
                .filter(|(n, _, c)| *c == 1 && warns_singleton(n))
                .map(|(n, _, _)| n.clone())
                .collect();
            let named_singletons = p
                .vars
                .iter()
                .filter(|(_, _, c)| *c == 1)
                .map(|(n, _, _)| n.clone())
                .collect();
            let multi_marked = p
                .vars
                .iter()
                .filter(|(n, _, c)| *c > 1 && marked_singleton(n))
                .map(|(n, _, _)| n.clone())
                .collect();
            let vars = p.vars.iter().map(|(n, v, _)| (n.clone(), *v)).collect();
            Ok(Some(ReadTerm {
                term,
                vars,
                singletons,
                multi_marked,
                named_singletons,
                line,
            }))
        }
        Err(mut e) => {
            if !matches!(p.tok.tok, Tok::End | Tok::Eof) {
                p.lex.skip_to_end();
            }
            // SWI's character position is the one before the token
            e.pos = e.pos.saturating_sub(1);
            if e.msg.starts_with("End of file in quoted") {
                // SWI reports where the clause starts
                e.line = line;
                e.col = first_col + 1;
            }
            Err(e)
        }
    }
}

fn is_term_start(t: &Tok) -> bool {
    !matches!(
        t,
        Tok::Close | Tok::CloseList | Tok::CloseCurly | Tok::Comma | Tok::Bar | Tok::End | Tok::Eof
    )
}

impl<'a, 'gc> Parser<'a, 'gc> {
    fn advance(&mut self) -> Result<(), SyntaxError> {
        self.tok = self.lex.next()?;
        Ok(())
    }

    fn expect(&mut self, t: Tok, msg: &str) -> Result<(), SyntaxError> {
        if self.tok.tok == t {
            self.advance()
        } else if self.tok.tok == Tok::Eof {
            Err(err_at(&self.tok, "Unexpected end of file"))
        } else {
            Err(err_at(&self.tok, msg))
        }
    }

    fn var(&mut self, name: &str) -> Value<'gc> {
        if name == "_" {
            *self.serial += 1;
            return terms::new_var(self.mc, *self.serial);
        }
        if let Some(e) = self.vars.iter_mut().find(|(n, _, _)| n == name) {
            e.2 += 1;
            return e.1;
        }
        *self.serial += 1;
        let v = terms::new_var(self.mc, *self.serial);
        self.vars.push((name.to_string(), v, 1));
        v
    }

    fn text_term(&self, s: &str, dq: DoubleQuotes) -> Value<'gc> {
        let mc = self.mc;
        match dq {
            DoubleQuotes::Codes => terms::list_from(
                mc,
                s.chars().map(|c| Value::Int(c as i64)).collect(),
                Value::None,
            ),
            DoubleQuotes::Chars => terms::list_from(
                mc,
                s.chars()
                    .map(|c| terms::atom(mc, c.encode_utf8(&mut [0; 4])))
                    .collect(),
                Value::None,
            ),
            DoubleQuotes::Atom => terms::atom(mc, s),
            DoubleQuotes::String => terms::string(mc, s),
        }
    }

    /// Parses a term of priority at most `max`; returns it and its priority.
    fn parse(&mut self, max: u32) -> Result<(Value<'gc>, u32), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err_at(&self.tok, "Term too deeply nested"));
        }
        let r = self.parse_inner(max);
        self.depth -= 1;
        r
    }

    fn parse_inner(&mut self, max: u32) -> Result<(Value<'gc>, u32), SyntaxError> {
        let (left, lp) = self.primary(max)?;
        self.infix(left, lp, max)
    }

    fn infix_name(&self) -> Option<String> {
        match &self.tok.tok {
            Tok::Name(n) | Tok::QName(n) => Some(n.clone()),
            Tok::Comma => Some(",".into()),
            Tok::Bar => Some("|".into()),
            _ => None,
        }
    }

    fn infix(
        &mut self,
        mut left: Value<'gc>,
        mut lp: u32,
        max: u32,
    ) -> Result<(Value<'gc>, u32), SyntaxError> {
        loop {
            if self.arg_mode && matches!(self.tok.tok, Tok::Comma | Tok::Bar) {
                break;
            }
            let Some(name) = self.infix_name() else {
                break;
            };
            if let Some((p, t)) = self.ops.infix(&name) {
                let (la, ra) = match t {
                    OpType::Xfx => (p - 1, p - 1),
                    OpType::Xfy => (p - 1, p),
                    _ => (p, p - 1),
                };
                if p <= max && lp <= la {
                    self.advance()?;
                    if self.tok.tok == Tok::End {
                        return Err(err_at(&self.tok, "Unbalanced operator"));
                    }
                    let (right, _) = self.parse(ra)?;
                    left = terms::compound(self.mc, &name, vec![left, right]);
                    lp = p;
                    continue;
                }
            }
            if let Some((p, t)) = self.ops.postfix(&name) {
                let la = if t == OpType::Xf { p - 1 } else { p };
                if p <= max && lp <= la {
                    self.advance()?;
                    left = terms::compound(self.mc, &name, vec![left]);
                    lp = p;
                    continue;
                }
            }
            break;
        }
        Ok((left, lp))
    }

    /// Parses an argument or list element.
    fn arg(&mut self) -> Result<(Value<'gc>, u32), SyntaxError> {
        let save = self.arg_mode;
        self.arg_mode = true;
        let r = self.parse(1200);
        self.arg_mode = save;
        r
    }

    /// Parses a parenthesised or braced term (commas are operators again).
    fn inner(&mut self) -> Result<(Value<'gc>, u32), SyntaxError> {
        let save = self.arg_mode;
        self.arg_mode = false;
        let r = self.parse(1200);
        self.arg_mode = save;
        r
    }

    fn arglist(&mut self) -> Result<Vec<Value<'gc>>, SyntaxError> {
        // current token is just after '('
        let mut args = Vec::new();
        loop {
            let (a, _) = self.arg()?;
            args.push(a);
            match self.tok.tok {
                Tok::Comma => self.advance()?,
                Tok::Close => {
                    self.advance()?;
                    return Ok(args);
                }
                _ => return self.expect(Tok::Close, "Operator expected").map(|_| args),
            }
        }
    }

    fn primary(&mut self, max: u32) -> Result<(Value<'gc>, u32), SyntaxError> {
        let tok = self.tok.clone();
        let tok_copy = tok.clone();
        let mc = self.mc;
        match tok.tok {
            Tok::Int(i) => {
                self.advance()?;
                Ok((terms::int(mc, i), 0))
            }
            Tok::Float(f) => {
                self.advance()?;
                Ok((Value::Float(f), 0))
            }
            Tok::Var(n) => {
                self.advance()?;
                Ok((self.var(&n), 0))
            }
            Tok::Str(s) => {
                self.advance()?;
                Ok((self.text_term(&s, self.dq), 0))
            }
            Tok::BackQ(s) => {
                self.advance()?;
                Ok((self.text_term(&s, DoubleQuotes::Codes), 0))
            }
            Tok::Open | Tok::OpenCT => {
                self.advance()?;
                let (t, _) = self.inner()?;
                self.expect(Tok::Close, "Operator expected")?;
                Ok((t, 0))
            }
            Tok::OpenList => {
                self.advance()?;
                if self.tok.tok == Tok::CloseList {
                    self.advance()?;
                    return self.after_name("[]".into(), false, Value::None, max);
                }
                let mut items = Vec::new();
                loop {
                    let (a, _) = self.arg()?;
                    items.push(a);
                    match self.tok.tok {
                        Tok::Comma => self.advance()?,
                        Tok::Bar => {
                            self.advance()?;
                            let (tail, _) = self.arg()?;
                            if matches!(self.tok.tok, Tok::Comma | Tok::Bar) {
                                return Err(err_at(
                                    &self.tok,
                                    "Unexpected comma or bar in rest of list",
                                ));
                            }
                            self.expect(Tok::CloseList, "Operator expected")?;
                            return Ok((terms::list_from(mc, items, tail), 0));
                        }
                        _ => {
                            self.expect(Tok::CloseList, "Operator expected")?;
                            return Ok((terms::list_from(mc, items, Value::None), 0));
                        }
                    }
                }
            }
            Tok::OpenCurly => {
                self.advance()?;
                if self.tok.tok == Tok::CloseCurly {
                    self.advance()?;
                    let a = terms::atom(mc, "{}");
                    return self.after_name("{}".into(), false, a, max);
                }
                let (t, _) = self.inner()?;
                self.expect(Tok::CloseCurly, "Operator expected")?;
                Ok((terms::compound(mc, "{}", vec![t]), 0))
            }
            Tok::Name(n) => {
                self.advance()?;
                // negative numeric literal
                if n == "-" && !self.tok.layout_before {
                    match &self.tok.tok {
                        Tok::Int(i) => {
                            let v = terms::int(mc, -i.clone());
                            self.advance()?;
                            return Ok((v, 0));
                        }
                        Tok::Float(f) => {
                            let v = Value::Float(-f);
                            self.advance()?;
                            return Ok((v, 0));
                        }
                        _ => {}
                    }
                }
                let a = terms::atom(mc, &n);
                self.op_tok = Some(tok_copy);
                self.after_name(n, true, a, max)
            }
            Tok::QName(n) => {
                self.advance()?;
                let a = terms::atom(mc, &n);
                self.after_name(n, false, a, max)
            }
            Tok::Bar if false => unreachable!(),
            Tok::End => Err(err_at(&tok, "Unexpected end of clause")),
            Tok::Comma | Tok::Bar => Err(err_at(
                &tok,
                "Operand expected, unquoted comma or bar found",
            )),
            Tok::Eof => Err(err_at(&tok, "Unexpected end of file")),
            _ => Err(err_at(&tok, "Illegal start of term")),
        }
    }

    /// After a name token (already consumed): functional notation, prefix
    /// operator, or a plain atom.
    fn after_name(
        &mut self,
        name: String,
        may_be_op: bool,
        atom: Value<'gc>,
        max: u32,
    ) -> Result<(Value<'gc>, u32), SyntaxError> {
        if self.tok.tok == Tok::OpenCT {
            self.advance()?;
            let args = self.arglist()?;
            return Ok((
                terms::compound_v(self.mc, atom_name(self.mc, atom), args),
                0,
            ));
        }
        if may_be_op {
            if let Some((p, t)) = self.ops.prefix(&name) {
                let next_is_infix = match &self.tok.tok {
                    Tok::Name(n) => {
                        self.ops.infix(n).is_some() && self.ops.prefix(n).is_none()
                            || self.ops.postfix(n).is_some()
                    }
                    _ => false,
                };
                if !is_term_start(&self.tok.tok) || next_is_infix {
                    let pr = if p <= max { p } else { 0 };
                    return Ok((atom, pr));
                }
                if p > max {
                    let at = self.op_tok.clone().unwrap_or_else(|| self.tok.clone());
                    return Err(err_at(&at, "Operator priority clash"));
                }
                let argmax = if t == OpType::Fy {
                    p
                } else {
                    p.saturating_sub(1)
                };
                let (arg, _) = self.parse(argmax)?;
                return Ok((terms::compound(self.mc, &name, vec![arg]), p));
            }
        }
        // an operator atom before an infix operator is an operand of
        // priority 0 (SWI reads `; = a` as `=(;, a)`)
        let before_infix = matches!(&self.tok.tok, Tok::Name(n) if self.ops.infix(n).is_some());
        let pr = if may_be_op && self.ops.is_op(&name) && !before_infix {
            let p = [
                self.ops.prefix(&name),
                self.ops.infix(&name),
                self.ops.postfix(&name),
            ]
            .iter()
            .flatten()
            .map(|x| x.0)
            .max()
            .unwrap_or(0);
            if p <= max {
                p
            } else {
                0
            }
        } else {
            0
        };
        Ok((atom, pr))
    }
}

fn atom_name<'gc>(mc: &Mutation<'gc>, a: Value<'gc>) -> Value<'gc> {
    match a {
        Value::None => terms::atom(mc, "[]"),
        other => other,
    }
}

/// Parses a number from text the way `atom_number/2` and `number_codes/2` do
/// (optional sign, then a number token, nothing else). `None` if it is not one.
pub fn parse_number(s: &str) -> Option<Result<BigInt, f64>> {
    // leading layout is allowed (as number_codes/2 does), trailing is not
    if s.ends_with(char::is_whitespace) {
        return None;
    }
    let t = s.trim_start();
    let (neg, body) = if let Some(r) = t.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (false, r)
    } else {
        (false, t)
    };
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut lx = Lexer::new(body);
    let tok = lx.next().ok()?;
    let end = lx.next().ok()?;
    if end.tok != Tok::Eof {
        return None;
    }
    match tok.tok {
        Tok::Int(i) => Some(Ok(if neg { -i } else { i })),
        Tok::Float(f) => Some(Err(if neg { -f } else { f })),
        _ => None,
    }
}

/// Whether SWI warns when the variable `name` occurs once: names not starting
/// with `_`, and `_` followed by a lower-case letter (`_x`, not `_X`, `__x`, `_1`).
pub fn warns_singleton(name: &str) -> bool {
    let mut cs = name.chars();
    match cs.next() {
        Some('_') => cs.next().is_some_and(|c| c.is_lowercase()),
        _ => true,
    }
}

/// Whether `name` is marked as a singleton (`_` then an upper-case letter),
/// so that SWI warns when it occurs more than once.
pub fn marked_singleton(name: &str) -> bool {
    let mut cs = name.chars();
    cs.next() == Some('_') && cs.next().is_some_and(|c| c.is_uppercase())
}
