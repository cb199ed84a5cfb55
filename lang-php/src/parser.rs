//! The PHP parser: tokens to [`crate::ast`], with PHP 8's operator precedence.
//!
//! Errors carry php's message texts for the common cases
//! (`syntax error, unexpected token ";", expecting "]"`, `Unclosed '('` ...).
//! Recursion depth is bounded, so no input overflows the Rust stack.

use std::rc::Rc;

use crate::ast::*;
use crate::lexer::{IndexKey, LexError, Part, Tok, Token};

/// A parse error: message and line.
#[derive(Clone, Debug)]
pub struct ParseError {
    pub msg: String,
    pub line: u32,
}

impl From<LexError> for ParseError {
    fn from(e: LexError) -> Self {
        ParseError {
            msg: e.msg,
            line: e.line,
        }
    }
}

type PResult<T> = Result<T, ParseError>;

const KEYWORDS: &[&str] = &[
    "abstract",
    "and",
    "array",
    "as",
    "break",
    "callable",
    "case",
    "catch",
    "class",
    "clone",
    "const",
    "continue",
    "declare",
    "default",
    "do",
    "echo",
    "else",
    "elseif",
    "empty",
    "enddeclare",
    "endfor",
    "endforeach",
    "endif",
    "endswitch",
    "endwhile",
    "eval",
    "exit",
    "die",
    "extends",
    "final",
    "finally",
    "fn",
    "for",
    "foreach",
    "function",
    "global",
    "goto",
    "if",
    "implements",
    "include",
    "include_once",
    "instanceof",
    "insteadof",
    "interface",
    "isset",
    "list",
    "match",
    "namespace",
    "new",
    "or",
    "print",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "require_once",
    "return",
    "static",
    "switch",
    "throw",
    "trait",
    "try",
    "unset",
    "use",
    "var",
    "while",
    "xor",
    "yield",
];

const MAX_DEPTH: u32 = 256;

/// Parses a token list into statements.
pub fn parse(tokens: Vec<Token>) -> PResult<Vec<Stmt>> {
    let mut p = Parser {
        toks: tokens,
        pos: 0,
        depth: 0,
        in_func: false,
        saw_yield: false,
    };
    let mut out = Vec::new();
    while !p.at_eof() {
        match p.statement() {
            Ok(s) => out.push(s),
            Err(e) => {
                // php's lexer reports bracket mismatches it meets before the parser's error.
                let upto = (p.pos + 1).min(p.toks.len());
                let at_eof = p.at_eof();
                let eof_line = p.toks.last().map(|t| t.line).unwrap_or(1);
                if let Err(be) = check_brackets(&p.toks[..upto], at_eof, eof_line) {
                    return Err(be);
                }
                return Err(e);
            }
        }
    }
    Ok(out)
}

fn check_brackets(toks: &[Token], at_eof: bool, eof_line: u32) -> PResult<()> {
    let mut stack: Vec<(&str, u32)> = Vec::new();
    for t in toks {
        match &t.tok {
            Tok::Op(o @ ("(" | "[" | "{")) => stack.push((o, t.line)),
            Tok::Op(c @ (")" | "]" | "}")) => {
                let want = match *c {
                    ")" => "(",
                    "]" => "[",
                    _ => "{",
                };
                match stack.pop() {
                    None => {
                        return Err(ParseError {
                            msg: format!("Unmatched '{c}'"),
                            line: t.line,
                        })
                    }
                    Some((o, l)) if o != want => {
                        return Err(ParseError {
                            msg: if l == t.line {
                                format!("Unclosed '{o}' does not match '{c}'")
                            } else {
                                format!("Unclosed '{o}' on line {l} does not match '{c}'")
                            },
                            line: t.line,
                        })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if at_eof {
        if let Some((o, l)) = stack.pop() {
            return Err(ParseError {
                msg: if l == eof_line {
                    format!("Unclosed '{o}'")
                } else {
                    format!("Unclosed '{o}' on line {l}")
                },
                line: eof_line,
            });
        }
    }
    Ok(())
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: u32,
    in_func: bool,
    /// A `yield` was parsed in the function body being parsed.
    saw_yield: bool,
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Op(o) => format!("token \"{o}\""),
        Tok::Ident(s) => {
            if KEYWORDS.contains(&s.to_ascii_lowercase().as_str()) {
                format!("token \"{}\"", s.to_ascii_lowercase())
            } else {
                format!("identifier \"{s}\"")
            }
        }
        Tok::Var(v) => format!("variable \"${v}\""),
        Tok::Int(i) => format!("integer \"{i}\""),
        Tok::Float(f) => format!("floating-point number \"{f}\""),
        Tok::Str(s) => format!("double-quoted string \"{s}\""),
        Tok::Interp(_) => "token \"\"\"".into(),
        Tok::Cast(c) => format!("token \"({c})\""),
        Tok::InlineHtml(_) => "inline html".into(),
        Tok::OpenEcho => "token \"<?=\"".into(),
        Tok::CloseTag => "token \"?>\"".into(),
        Tok::Eof => "end of file".into(),
    }
}

fn is_lvalue(e: &Expr) -> bool {
    matches!(
        e.kind,
        E::Var(_) | E::VarVar(_) | E::Index(..) | E::Prop(..) | E::StaticProp(..) | E::List(_)
    )
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].tok
    }
    fn peek_at(&self, n: usize) -> &Tok {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)].tok
    }
    fn line(&self) -> u32 {
        self.toks[self.pos.min(self.toks.len() - 1)].line
    }
    fn at_eof(&self) -> bool {
        matches!(self.peek(), Tok::Eof)
    }
    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn is_op(&self, o: &str) -> bool {
        // Operators are short: a byte loop, not a `memcmp` call per test.
        matches!(self.peek(), Tok::Op(x) if x.len() == o.len() && x.bytes().zip(o.bytes()).all(|(a, b)| a == b))
    }
    fn is_kw(&self, k: &str) -> bool {
        matches!(self.peek(), Tok::Ident(x) if x.eq_ignore_ascii_case(k))
    }
    fn eat_op(&mut self, o: &str) -> bool {
        if self.is_op(o) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn eat_kw(&mut self, k: &str) -> bool {
        if self.is_kw(k) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn unexpected<T>(&self) -> PResult<T> {
        Err(ParseError {
            msg: format!("syntax error, unexpected {}", describe(self.peek())),
            line: self.line(),
        })
    }
    fn unexpected_expecting<T>(&self, what: &str) -> PResult<T> {
        Err(ParseError {
            msg: format!(
                "syntax error, unexpected {}, expecting {what}",
                describe(self.peek())
            ),
            line: self.line(),
        })
    }
    fn expect_op(&mut self, o: &str) -> PResult<()> {
        if self.eat_op(o) {
            Ok(())
        } else {
            self.unexpected_expecting(&format!("\"{o}\""))
        }
    }
    fn ident(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Ident(s) => {
                self.pos += 1;
                Ok(s)
            }
            _ => self.unexpected_expecting("identifier"),
        }
    }
    fn semi(&mut self) -> PResult<()> {
        if self.eat_op(";") {
            return Ok(());
        }
        if matches!(self.peek(), Tok::CloseTag) {
            self.pos += 1;
            return Ok(());
        }
        if self.at_eof() {
            return self.unexpected_expecting("\";\"");
        }
        self.unexpected()
    }
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError {
                msg: "syntax error, nesting too deep".into(),
                line: self.line(),
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------------- statements

    fn block_or_statement(&mut self) -> PResult<Vec<Stmt>> {
        if self.is_op("{") {
            self.pos += 1;
            let mut v = Vec::new();
            while !self.is_op("}") {
                if self.at_eof() {
                    return self.unexpected();
                }
                v.push(self.statement()?);
            }
            self.pos += 1;
            Ok(v)
        } else {
            Ok(vec![self.statement()?])
        }
    }

    /// Statements up to one of the `end` keywords (alternative syntax).
    fn stmts_until(&mut self, ends: &[&str]) -> PResult<Vec<Stmt>> {
        let mut v = Vec::new();
        while !ends.iter().any(|e| self.is_kw(e)) {
            if self.at_eof() {
                return self.unexpected();
            }
            v.push(self.statement()?);
        }
        Ok(v)
    }

    fn statement(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.statement_inner();
        self.depth -= 1;
        r
    }

    fn statement_inner(&mut self) -> PResult<Stmt> {
        let line = self.line();
        let mk = |kind| Ok(Stmt { kind, line });
        match self.peek().clone() {
            Tok::InlineHtml(s) => {
                self.pos += 1;
                return mk(S::InlineHtml(s));
            }
            Tok::CloseTag => {
                self.pos += 1;
                return mk(S::Nop);
            }
            Tok::OpenEcho => {
                self.pos += 1;
                let mut es = vec![self.expr()?];
                while self.eat_op(",") {
                    es.push(self.expr()?);
                }
                self.semi_echo()?;
                return mk(S::Echo(es));
            }
            Tok::Op("{") => {
                return mk(S::Block(self.block_or_statement()?));
            }
            Tok::Op(";") => {
                self.pos += 1;
                return mk(S::Nop);
            }
            Tok::Ident(w) => {
                let lw = w.to_ascii_lowercase();
                // A label `name:` is not supported; treat identifiers below.
                match lw.as_str() {
                    "echo" => {
                        self.pos += 1;
                        let mut es = vec![self.expr()?];
                        while self.eat_op(",") {
                            es.push(self.expr()?);
                        }
                        self.semi_echo()?;
                        return mk(S::Echo(es));
                    }
                    "if" => return self.if_stmt(),
                    "while" => {
                        self.pos += 1;
                        self.expect_op("(")?;
                        let c = self.expr()?;
                        self.expect_op(")")?;
                        let body = if self.eat_op(":") {
                            let b = self.stmts_until(&["endwhile"])?;
                            self.pos += 1;
                            self.semi()?;
                            b
                        } else {
                            self.block_or_statement()?
                        };
                        return mk(S::While(c, body));
                    }
                    "do" => {
                        self.pos += 1;
                        let body = self.block_or_statement()?;
                        if !self.eat_kw("while") {
                            return self.unexpected_expecting("\"while\"");
                        }
                        self.expect_op("(")?;
                        let c = self.expr()?;
                        self.expect_op(")")?;
                        self.semi()?;
                        return mk(S::DoWhile(body, c));
                    }
                    "for" => {
                        self.pos += 1;
                        self.expect_op("(")?;
                        let mut parts = Vec::new();
                        for (i, end) in [";", ";", ")"].iter().enumerate() {
                            let mut es = Vec::new();
                            if !self.is_op(end) {
                                es.push(self.expr()?);
                                while self.eat_op(",") {
                                    es.push(self.expr()?);
                                }
                            }
                            let _ = i;
                            self.expect_op(end)?;
                            parts.push(es);
                        }
                        let body = if self.eat_op(":") {
                            let b = self.stmts_until(&["endfor"])?;
                            self.pos += 1;
                            self.semi()?;
                            b
                        } else {
                            self.block_or_statement()?
                        };
                        let step = parts.pop().unwrap_or_default();
                        let cond = parts.pop().unwrap_or_default();
                        let init = parts.pop().unwrap_or_default();
                        return mk(S::For(init, cond, step, body));
                    }
                    "foreach" => return self.foreach_stmt(),
                    "switch" => return self.switch_stmt(),
                    "break" | "continue" => {
                        self.pos += 1;
                        let mut n = 1;
                        if let Tok::Int(i) = self.peek() {
                            n = (*i).max(1) as u32;
                            self.pos += 1;
                        }
                        self.semi()?;
                        return mk(if lw == "break" {
                            S::Break(n)
                        } else {
                            S::Continue(n)
                        });
                    }
                    "return" => {
                        self.pos += 1;
                        let e =
                            if self.is_op(";") || matches!(self.peek(), Tok::CloseTag | Tok::Eof) {
                                None
                            } else {
                                Some(self.expr()?)
                            };
                        self.semi()?;
                        return mk(S::Return(e));
                    }
                    "global" => {
                        self.pos += 1;
                        let mut names = Vec::new();
                        loop {
                            match self.next() {
                                Tok::Var(v) => names.push(v),
                                _ => {
                                    self.pos -= 1;
                                    return self.unexpected_expecting("variable");
                                }
                            }
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.semi()?;
                        return mk(S::Global(names));
                    }
                    "static" if matches!(self.peek_at(1), Tok::Var(_)) => {
                        self.pos += 1;
                        let mut vars = Vec::new();
                        loop {
                            let Tok::Var(v) = self.next() else {
                                self.pos -= 1;
                                return self.unexpected_expecting("variable");
                            };
                            let init = if self.eat_op("=") {
                                Some(self.expr()?)
                            } else {
                                None
                            };
                            vars.push((v, init));
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.semi()?;
                        return mk(S::Static(vars));
                    }
                    "unset" if matches!(self.peek_at(1), Tok::Op("(")) => {
                        self.pos += 2;
                        let mut es = Vec::new();
                        while !self.is_op(")") {
                            es.push(self.expr()?);
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.expect_op(")")?;
                        self.semi()?;
                        return mk(S::Unset(es));
                    }
                    "function"
                        if matches!(self.peek_at(1), Tok::Ident(_))
                            || (matches!(self.peek_at(1), Tok::Op("&"))
                                && matches!(self.peek_at(2), Tok::Ident(_))) =>
                    {
                        self.pos += 1;
                        let by_ref = self.eat_op("&");
                        let name = self.ident()?;
                        let mut f = self.func_rest(name, line, false)?;
                        f.by_ref = by_ref;
                        return mk(S::Func(Rc::new(f)));
                    }
                    "abstract" | "final" | "class" | "interface" | "trait" | "readonly"
                        if lw != "readonly" || self.is_class_ahead() =>
                    {
                        let c = self.class_decl()?;
                        return mk(S::Class(Rc::new(c)));
                    }
                    "enum" if matches!(self.peek_at(1), Tok::Ident(_)) => {
                        self.pos += 1;
                        let c = self.enum_decl(line)?;
                        return mk(S::Class(Rc::new(c)));
                    }
                    "try" => return self.try_stmt(),
                    "throw" => {
                        self.pos += 1;
                        let e = self.expr()?;
                        self.semi()?;
                        return mk(S::Expr(Expr::new(E::Throw(Box::new(e)), line)));
                    }
                    "const" => {
                        self.pos += 1;
                        let mut cs = Vec::new();
                        loop {
                            let n = self.ident()?;
                            self.expect_op("=")?;
                            cs.push((n, self.expr()?));
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.semi()?;
                        return mk(S::Const(cs));
                    }
                    "namespace" => {
                        self.pos += 1;
                        if matches!(self.peek(), Tok::Ident(_)) {
                            self.pos += 1;
                        }
                        if self.is_op("{") {
                            return mk(S::Block(self.block_or_statement()?));
                        }
                        self.semi()?;
                        return mk(S::Nop);
                    }
                    "use" => {
                        self.pos += 1;
                        while !self.is_op(";") && !self.at_eof() {
                            self.pos += 1;
                        }
                        self.semi()?;
                        return mk(S::Nop);
                    }
                    "declare" => {
                        self.pos += 1;
                        self.expect_op("(")?;
                        let mut strict = false;
                        while !self.is_op(")") && !self.at_eof() {
                            if self.is_kw("strict_types")
                                && matches!(self.peek_at(1), Tok::Op("="))
                                && matches!(self.peek_at(2), Tok::Int(1))
                            {
                                strict = true;
                            }
                            self.pos += 1;
                        }
                        if strict {
                            self.expect_op(")")?;
                            self.semi()?;
                            return mk(S::StrictTypes);
                        }
                        self.expect_op(")")?;
                        if !self.eat_op(";") && !matches!(self.peek(), Tok::CloseTag | Tok::Eof) {
                            return mk(S::Block(self.block_or_statement()?));
                        }
                        return mk(S::Nop);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        let e = self.expr()?;
        self.semi()?;
        mk(S::Expr(e))
    }

    fn is_class_ahead(&self) -> bool {
        let mut i = 0;
        while let Tok::Ident(w) = self.peek_at(i) {
            let lw = w.to_ascii_lowercase();
            if lw == "class" {
                return true;
            }
            if !matches!(lw.as_str(), "abstract" | "final" | "readonly") {
                return false;
            }
            i += 1;
        }
        false
    }

    fn semi_echo(&mut self) -> PResult<()> {
        if self.eat_op(";") || matches!(self.peek(), Tok::CloseTag) {
            if matches!(self.peek(), Tok::CloseTag) {
                self.pos += 1;
            }
            return Ok(());
        }
        if self.at_eof() {
            return self.unexpected_expecting("\",\" or \";\"");
        }
        self.unexpected_expecting("\",\" or \";\"")
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let line = self.line();
        self.pos += 1;
        self.expect_op("(")?;
        let c = self.expr()?;
        self.expect_op(")")?;
        if self.eat_op(":") {
            // Alternative syntax.
            let mut arms = vec![(c, self.stmts_until(&["elseif", "else", "endif"])?)];
            let mut els = None;
            loop {
                if self.eat_kw("elseif") {
                    self.expect_op("(")?;
                    let c = self.expr()?;
                    self.expect_op(")")?;
                    self.expect_op(":")?;
                    arms.push((c, self.stmts_until(&["elseif", "else", "endif"])?));
                } else if self.eat_kw("else") {
                    if self.is_kw("if") {
                        return self.unexpected();
                    }
                    self.expect_op(":")?;
                    els = Some(self.stmts_until(&["endif"])?);
                } else {
                    self.eat_kw("endif");
                    self.semi()?;
                    break;
                }
            }
            return Ok(Stmt {
                kind: S::If(arms, els),
                line,
            });
        }
        let body = self.block_or_statement()?;
        let mut arms = vec![(c, body)];
        let mut els = None;
        loop {
            if self.is_kw("elseif")
                || (self.is_kw("else")
                    && matches!(self.peek_at(1), Tok::Ident(w) if w.eq_ignore_ascii_case("if")))
            {
                if self.is_kw("else") {
                    self.pos += 1;
                }
                self.pos += 1;
                self.expect_op("(")?;
                let c = self.expr()?;
                self.expect_op(")")?;
                arms.push((c, self.block_or_statement()?));
            } else if self.eat_kw("else") {
                els = Some(self.block_or_statement()?);
                break;
            } else {
                break;
            }
        }
        Ok(Stmt {
            kind: S::If(arms, els),
            line,
        })
    }

    fn foreach_stmt(&mut self) -> PResult<Stmt> {
        let line = self.line();
        self.pos += 1;
        self.expect_op("(")?;
        let subject = self.expr()?;
        if !self.eat_kw("as") {
            return self.unexpected_expecting("\"as\"");
        }
        let mut by_ref = self.eat_op("&");
        let mut value = self.foreach_target()?;
        let mut key = None;
        if self.eat_op("=>") {
            key = Some(value);
            by_ref = self.eat_op("&");
            value = self.foreach_target()?;
        }
        self.expect_op(")")?;
        let body = if self.eat_op(":") {
            let b = self.stmts_until(&["endforeach"])?;
            self.pos += 1;
            self.semi()?;
            b
        } else {
            self.block_or_statement()?
        };
        Ok(Stmt {
            kind: S::Foreach {
                subject,
                key,
                value,
                by_ref,
                body,
            },
            line,
        })
    }

    fn foreach_target(&mut self) -> PResult<Expr> {
        let line = self.line();
        if self.is_op("[") || self.is_kw("list") {
            let list = self.list_literal()?;
            return Ok(Expr::new(list, line));
        }
        self.postfix()
    }

    fn switch_stmt(&mut self) -> PResult<Stmt> {
        let line = self.line();
        self.pos += 1;
        self.expect_op("(")?;
        let subj = self.expr()?;
        self.expect_op(")")?;
        let alt = if self.eat_op(":") {
            true
        } else {
            self.expect_op("{")?;
            false
        };
        let mut cases = Vec::new();
        loop {
            if alt && self.eat_kw("endswitch") {
                self.semi()?;
                break;
            }
            if !alt && self.eat_op("}") {
                break;
            }
            let cond = if self.eat_kw("case") {
                Some(self.expr()?)
            } else if self.eat_kw("default") {
                None
            } else {
                return self.unexpected();
            };
            if !self.eat_op(":") && !self.eat_op(";") {
                return self.unexpected_expecting("\":\"");
            }
            let mut body = Vec::new();
            while !self.is_kw("case")
                && !self.is_kw("default")
                && !self.is_op("}")
                && !self.is_kw("endswitch")
            {
                if self.at_eof() {
                    return self.unexpected();
                }
                body.push(self.statement()?);
            }
            cases.push((cond, body));
        }
        Ok(Stmt {
            kind: S::Switch(subj, cases),
            line,
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let line = self.line();
        self.pos += 1;
        if !self.is_op("{") {
            return self.unexpected_expecting("\"{\"");
        }
        let body = self.block_or_statement()?;
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            if self.eat_kw("catch") {
                self.expect_op("(")?;
                let mut types = vec![self.ident()?];
                while self.eat_op("|") {
                    types.push(self.ident()?);
                }
                let var = match self.peek().clone() {
                    Tok::Var(v) => {
                        self.pos += 1;
                        Some(v)
                    }
                    _ => None,
                };
                self.expect_op(")")?;
                if !self.is_op("{") {
                    return self.unexpected_expecting("\"{\"");
                }
                let b = self.block_or_statement()?;
                catches.push(Catch {
                    types,
                    var,
                    body: b,
                });
            } else if self.eat_kw("finally") {
                if !self.is_op("{") {
                    return self.unexpected_expecting("\"{\"");
                }
                finally = Some(self.block_or_statement()?);
                break;
            } else {
                break;
            }
        }
        if catches.is_empty() && finally.is_none() {
            return Err(ParseError {
                msg: "Cannot use try without catch or finally".into(),
                line,
            });
        }
        Ok(Stmt {
            kind: S::Try(body, catches, finally),
            line,
        })
    }

    fn type_hint(&mut self) -> PResult<Option<TypeHint>> {
        let nullable = self.eat_op("?");
        let mut parts = Vec::new();
        loop {
            if self.eat_op("(") {
                // DNF types: (A&B)|null
                while !self.is_op(")") && !self.at_eof() {
                    self.pos += 1;
                }
                self.expect_op(")")?;
                parts.push(TypeHint::Named("mixed".into()));
            } else {
                match self.peek().clone() {
                    Tok::Ident(n) => {
                        self.pos += 1;
                        parts.push(TypeHint::Named(n));
                    }
                    _ => {
                        if nullable || !parts.is_empty() {
                            return self.unexpected();
                        }
                        return Ok(None);
                    }
                }
            }
            if self.is_op("|") {
                self.pos += 1;
                continue;
            }
            if self.is_op("&")
                && !matches!(self.peek_at(1), Tok::Var(_) | Tok::Op("...") | Tok::Op("&"))
            {
                self.pos += 1;
                continue;
            }
            break;
        }
        let t = if parts.len() == 1 {
            parts.pop().unwrap_or(TypeHint::Named("mixed".into()))
        } else {
            TypeHint::Union(parts)
        };
        Ok(Some(if nullable {
            TypeHint::Nullable(Box::new(t))
        } else {
            t
        }))
    }

    fn params(&mut self) -> PResult<Vec<Param>> {
        if !self.is_op("(") {
            return self.unexpected_expecting("\"(\"");
        }
        self.pos += 1;
        let mut ps = Vec::new();
        while !self.is_op(")") {
            let mut promote = None;
            let mut promote_readonly = false;
            loop {
                if self.eat_kw("public") {
                    promote = Some(Visibility::Public);
                } else if self.eat_kw("protected") {
                    promote = Some(Visibility::Protected);
                } else if self.eat_kw("private") {
                    promote = Some(Visibility::Private);
                } else if self.eat_kw("readonly") {
                    promote_readonly = true;
                    promote.get_or_insert(Visibility::Public);
                } else {
                    break;
                }
            }
            let ty = self.type_hint()?;
            let by_ref = self.eat_op("&");
            let variadic = self.eat_op("...");
            let name = match self.next() {
                Tok::Var(v) => v,
                _ => {
                    self.pos -= 1;
                    return self.unexpected_expecting("variable");
                }
            };
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            ps.push(Param {
                name,
                default,
                by_ref,
                variadic,
                ty,
                promote,
                promote_readonly,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(ps)
    }

    fn func_rest(&mut self, name: String, line: u32, is_method: bool) -> PResult<FuncDecl> {
        let params = self.params()?;
        let ret = if self.eat_op(":") {
            self.type_hint()?
        } else {
            None
        };
        let saved = self.in_func;
        self.in_func = true;
        let saved_yield = std::mem::replace(&mut self.saw_yield, false);
        let (body, is_abstract) = if is_method && self.is_op(";") {
            self.pos += 1;
            (Vec::new(), true)
        } else {
            if !self.is_op("{") {
                self.in_func = saved;
                return self.unexpected_expecting("\"{\"");
            }
            (self.block_or_statement()?, false)
        };
        self.in_func = saved;
        let end_line = self.toks[self.pos.saturating_sub(1)].line;
        let is_generator = std::mem::replace(&mut self.saw_yield, saved_yield);
        Ok(FuncDecl {
            name,
            params,
            body,
            by_ref: false,
            ret,
            line,
            end_line,
            is_static: false,
            is_abstract,
            visibility: Visibility::Public,
            arrow: false,
            is_generator,
        })
    }

    fn class_decl(&mut self) -> PResult<ClassDecl> {
        let line = self.line();
        let mut is_abstract = false;
        let mut is_final = false;
        loop {
            if self.eat_kw("abstract") {
                is_abstract = true;
            } else if self.eat_kw("final") {
                is_final = true;
            } else if self.eat_kw("readonly") {
            } else {
                break;
            }
        }
        let kind = if self.eat_kw("class") {
            ClassKind::Class
        } else if self.eat_kw("interface") {
            ClassKind::Interface
        } else if self.eat_kw("trait") {
            ClassKind::Trait
        } else {
            return self.unexpected();
        };
        let name = self.ident()?;
        self.class_body(name, kind, is_abstract, is_final, line)
    }

    /// `enum Name[: int|string] [implements …] { case A [= v]; … }`: a
    /// final class whose cases are its instances (see `runtime::declare_class`),
    /// with `cases()` (and `from`/`tryFrom` when backed) written in PHP.
    fn enum_decl(&mut self, line: u32) -> PResult<ClassDecl> {
        let name = self.ident()?;
        let backing = if self.eat_op(":") {
            Some(self.ident()?.to_ascii_lowercase())
        } else {
            None
        };
        let mut c = self.class_body(name, ClassKind::Enum, false, true, line)?;
        c.interfaces.push(if backing.is_some() {
            "BackedEnum".into()
        } else {
            "UnitEnum".into()
        });
        let mut src = String::from(
            "public static function cases(): array { return __enum_cases(static::class); }",
        );
        if let Some(b) = &backing {
            src.push_str(&format!(
                "public static function from({b} $value): static {{ return __enum_from(static::class, $value, false); }}\n\
                 public static function tryFrom({b} $value): ?static {{ return __enum_from(static::class, $value, true); }}"
            ));
        }
        let toks = crate::lexer::lex_code(&format!("{{{src}}}"), line).map_err(|e| ParseError {
            msg: e.msg,
            line: e.line,
        })?;
        let mut sub = Parser {
            toks,
            pos: 0,
            depth: self.depth,
            in_func: false,
            saw_yield: false,
        };
        let extra = sub.class_body(c.name.clone(), ClassKind::Class, false, false, line)?;
        for m in extra.methods {
            if !c
                .methods
                .iter()
                .any(|x| x.name.eq_ignore_ascii_case(&m.name))
            {
                c.methods.push(m);
            }
        }
        c.props.push(PropDecl {
            name: "name".into(),
            default: None,
            visibility: Visibility::Public,
            is_static: false,
            readonly: true,
            typed: true,
        });
        if backing.is_some() {
            c.props.push(PropDecl {
                name: "value".into(),
                default: None,
                visibility: Visibility::Public,
                is_static: false,
                readonly: true,
                typed: true,
            });
        }
        c.enum_backing = backing;
        Ok(c)
    }

    fn class_body(
        &mut self,
        name: String,
        kind: ClassKind,
        is_abstract: bool,
        is_final: bool,
        line: u32,
    ) -> PResult<ClassDecl> {
        let mut parent = None;
        let mut interfaces = Vec::new();
        if self.eat_kw("extends") {
            if kind == ClassKind::Interface {
                interfaces.push(self.ident()?);
                while self.eat_op(",") {
                    interfaces.push(self.ident()?);
                }
            } else {
                parent = Some(self.ident()?);
            }
        }
        if self.eat_kw("implements") {
            interfaces.push(self.ident()?);
            while self.eat_op(",") {
                interfaces.push(self.ident()?);
            }
        }
        self.expect_op("{")?;
        let mut c = ClassDecl {
            name,
            kind,
            parent,
            interfaces,
            traits: Vec::new(),
            trait_rules: Vec::new(),
            consts: Vec::new(),
            props: Vec::new(),
            methods: Vec::new(),
            is_abstract,
            is_final,
            line,
            cases: Vec::new(),
            enum_backing: None,
        };
        while !self.eat_op("}") {
            if self.at_eof() {
                return self.unexpected();
            }
            if kind == ClassKind::Enum && self.eat_kw("case") {
                let n = self.ident()?;
                let v = if self.eat_op("=") {
                    Some(self.expr()?)
                } else {
                    None
                };
                c.cases.push((n, v));
                self.semi()?;
                continue;
            }
            if self.eat_kw("use") {
                c.traits.push(self.ident()?);
                while self.eat_op(",") {
                    c.traits.push(self.ident()?);
                }
                if self.eat_op("{") {
                    while !self.eat_op("}") {
                        let first = self.ident()?;
                        let (tr, meth) = if self.eat_op("::") {
                            (Some(first), self.ident()?)
                        } else {
                            (None, first)
                        };
                        if self.eat_kw("insteadof") {
                            let Some(tr) = tr else {
                                return self.unexpected();
                            };
                            let mut ex = vec![self.ident()?];
                            while self.eat_op(",") {
                                ex.push(self.ident()?);
                            }
                            c.trait_rules.push(TraitRule::Insteadof(tr, meth, ex));
                        } else if self.eat_kw("as") {
                            let vis = if self.eat_kw("public") {
                                Some(Visibility::Public)
                            } else if self.eat_kw("protected") {
                                Some(Visibility::Protected)
                            } else if self.eat_kw("private") {
                                Some(Visibility::Private)
                            } else {
                                None
                            };
                            let alias = if matches!(self.peek(), Tok::Ident(_)) {
                                Some(self.ident()?)
                            } else {
                                None
                            };
                            c.trait_rules.push(TraitRule::Alias(tr, meth, vis, alias));
                        } else {
                            return self.unexpected();
                        }
                        self.semi()?;
                    }
                } else {
                    self.semi()?;
                }
                continue;
            }
            let mut vis = None;
            let mut is_static = false;
            let mut m_abstract = false;
            let mut readonly = false;
            loop {
                if self.eat_kw("public") {
                    vis = Some(Visibility::Public);
                } else if self.eat_kw("protected") {
                    vis = Some(Visibility::Protected);
                } else if self.eat_kw("private") {
                    vis = Some(Visibility::Private);
                } else if self.eat_kw("static") {
                    is_static = true;
                } else if self.eat_kw("abstract") {
                    m_abstract = true;
                } else if self.eat_kw("final") {
                } else if self.eat_kw("readonly") {
                    readonly = true;
                } else if self.eat_kw("var") {
                    vis = Some(Visibility::Public);
                } else {
                    break;
                }
            }
            let visibility = vis.unwrap_or(Visibility::Public);
            if self.eat_kw("const") {
                // Optional type.
                if matches!(self.peek_at(1), Tok::Ident(_)) {
                    self.pos += 1;
                }
                loop {
                    let n = self.ident()?;
                    self.expect_op("=")?;
                    c.consts.push((n, self.expr()?));
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.semi()?;
                continue;
            }
            if self.eat_kw("function") {
                let line = self.line();
                let by_ref = self.eat_op("&");
                let name = self.ident()?;
                let mut f = self.func_rest(name, line, true)?;
                f.by_ref = by_ref;
                f.is_static = is_static;
                f.visibility = visibility;
                f.is_abstract = f.is_abstract || m_abstract || kind == ClassKind::Interface;
                c.methods.push(Rc::new(f));
                continue;
            }
            // Property (optionally typed).
            let typed = !matches!(self.peek(), Tok::Var(_));
            if typed {
                self.type_hint()?;
            }
            loop {
                let name = match self.next() {
                    Tok::Var(v) => v,
                    _ => {
                        self.pos -= 1;
                        return self.unexpected_expecting("variable");
                    }
                };
                let default = if self.eat_op("=") {
                    Some(self.expr()?)
                } else {
                    None
                };
                c.props.push(PropDecl {
                    name,
                    default,
                    is_static,
                    visibility,
                    typed,
                    readonly,
                });
                if !self.eat_op(",") {
                    break;
                }
            }
            self.semi()?;
        }
        Ok(c)
    }

    // ---------------------------------------------------------------- expressions

    fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.binary(0);
        self.depth -= 1;
        r
    }

    /// An expression at assignment level (no `and`/`or`/`xor`).
    fn assign_expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.binary(4);
        self.depth -= 1;
        r
    }

    fn binop_prec(&self) -> Option<(&'static str, u8, bool)> {
        // (op, precedence, right-assoc)
        Some(match self.peek() {
            Tok::Ident(w) => match w.to_ascii_lowercase().as_str() {
                "or" => ("||", 1, false),
                "xor" => ("xor", 2, false),
                "and" => ("&&", 3, false),
                _ => return None,
            },
            Tok::Op(o) => match *o {
                "?" => ("?", 5, false),
                "??" => ("??", 6, true),
                "||" => ("||", 7, false),
                "&&" => ("&&", 8, false),
                "|" => ("|", 9, false),
                "^" => ("^", 10, false),
                "&" => ("&", 11, false),
                "==" => ("==", 12, false),
                "!=" => ("!=", 12, false),
                "<>" => ("!=", 12, false),
                "===" => ("===", 12, false),
                "!==" => ("!==", 12, false),
                "<=>" => ("<=>", 12, false),
                "<" => ("<", 13, false),
                "<=" => ("<=", 13, false),
                ">" => (">", 13, false),
                ">=" => (">=", 13, false),
                "." => (".", 14, false),
                "<<" => ("<<", 15, false),
                ">>" => (">>", 15, false),
                "+" => ("+", 16, false),
                "-" => ("-", 16, false),
                "*" => ("*", 17, false),
                "/" => ("/", 17, false),
                "%" => ("%", 17, false),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let depth0 = self.depth;
        let r = self.binary_chain(min);
        self.depth = depth0;
        r
    }

    fn binary_chain(&mut self, min: u8) -> PResult<Expr> {
        let mut lhs = self.unary()?;
        while let Some((op, prec, right)) = self.binop_prec() {
            if prec < min {
                break;
            }
            // A left-deep chain nests as deeply as a parenthesised one.
            self.enter()?;
            let line = self.line();
            self.pos += 1;
            if op == "?" {
                // Ternary.
                let then = if self.eat_op(":") {
                    None
                } else {
                    let t = self.assign_expr()?;
                    self.expect_op(":")?;
                    Some(Box::new(t))
                };
                let els = self.binary(6)?;
                lhs = Expr::new(E::Ternary(Box::new(lhs), then, Box::new(els)), line);
                continue;
            }
            let rhs = if right {
                self.binary(prec)?
            } else {
                self.binary(prec + 1)?
            };
            lhs = Expr::new(E::Bin(op, Box::new(lhs), Box::new(rhs)), line);
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary_inner();
        self.depth -= 1;
        r
    }

    fn unary_inner(&mut self) -> PResult<Expr> {
        let line = self.line();
        match self.peek().clone() {
            Tok::Op("!") => {
                self.pos += 1;
                let e = self.unary()?;
                return Ok(Expr::new(E::Unary("!", Box::new(e)), line));
            }
            Tok::Op(o @ ("-" | "+" | "~")) => {
                self.pos += 1;
                let e = self.unary()?;
                // Fold negative literals.
                if o == "-" {
                    match e.kind {
                        E::Int(i) if !matches!(self.peek(), Tok::Op("**")) => {
                            return Ok(Expr::new(E::Int(i.wrapping_neg()), line))
                        }
                        E::Float(f) => return Ok(Expr::new(E::Float(-f), line)),
                        _ => {}
                    }
                }
                return Ok(Expr::new(E::Unary(o, Box::new(e)), line));
            }
            Tok::Op("@") => {
                self.pos += 1;
                let e = self.unary()?;
                return Ok(Expr::new(E::Silence(Box::new(e)), line));
            }
            Tok::Op("&") => {
                return self.unexpected();
            }
            Tok::Cast(t) => {
                self.pos += 1;
                let e = self.unary()?;
                return Ok(Expr::new(E::Cast(t, Box::new(e)), line));
            }
            Tok::Op(o @ ("++" | "--")) => {
                self.pos += 1;
                let e = self.unary()?;
                return Ok(Expr::new(
                    E::IncDec {
                        pre: true,
                        inc: o == "++",
                        e: Box::new(e),
                    },
                    line,
                ));
            }
            Tok::Ident(w) => {
                let lw = w.to_ascii_lowercase();
                match lw.as_str() {
                    "new" => {
                        let e = self.new_expr()?;
                        let e = self.postfix_ops(e)?;
                        return self.unary_tail(e);
                    }
                    "clone" => {
                        self.pos += 1;
                        let e = self.unary()?;
                        return Ok(Expr::new(E::Clone(Box::new(e)), line));
                    }
                    "print" => {
                        self.pos += 1;
                        let e = self.assign_expr()?;
                        return Ok(Expr::new(E::Print(Box::new(e)), line));
                    }
                    "throw" => {
                        self.pos += 1;
                        let e = self.assign_expr()?;
                        return Ok(Expr::new(E::Throw(Box::new(e)), line));
                    }
                    "yield" => {
                        self.pos += 1;
                        self.saw_yield = true;
                        if matches!(self.peek(), Tok::Ident(w) if w.eq_ignore_ascii_case("from")) {
                            self.pos += 1;
                            let e = self.assign_expr()?;
                            return Ok(Expr::new(E::YieldFrom(Box::new(e)), line));
                        }
                        if matches!(self.peek(), Tok::Op(";" | ")" | "," | "]")) {
                            return Ok(Expr::new(E::Yield(None, None), line));
                        }
                        let v = self.assign_expr()?;
                        if self.eat_op("=>") {
                            let w = self.assign_expr()?;
                            return Ok(Expr::new(
                                E::Yield(Some(Box::new(v)), Some(Box::new(w))),
                                line,
                            ));
                        }
                        return Ok(Expr::new(E::Yield(None, Some(Box::new(v))), line));
                    }
                    "include" | "include_once" | "require" | "require_once" => {
                        self.pos += 1;
                        let e = self.assign_expr()?;
                        return Ok(Expr::new(
                            E::Include(
                                Box::new(e),
                                lw.ends_with("_once"),
                                lw.starts_with("require"),
                            ),
                            line,
                        ));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        let base = self.postfix()?;
        // Assignment.
        if let Tok::Op(o) = self.peek().clone() {
            let aop = match o {
                "=" => Some(""),
                "+=" => Some("+"),
                "-=" => Some("-"),
                "*=" => Some("*"),
                "/=" => Some("/"),
                ".=" => Some("."),
                "%=" => Some("%"),
                "**=" => Some("**"),
                "??=" => Some("??"),
                "&=" => Some("&"),
                "|=" => Some("|"),
                "^=" => Some("^"),
                "<<=" => Some("<<"),
                ">>=" => Some(">>"),
                _ => None,
            };
            if let Some(aop) = aop {
                let base = match base.kind {
                    E::Array(items) if aop.is_empty() => {
                        Expr::new(E::List(to_list(items)), base.line)
                    }
                    _ => base,
                };
                if !is_lvalue(&base) {
                    return self.unexpected();
                }
                let line = self.line();
                self.pos += 1;
                if aop.is_empty() {
                    if self.is_op("&") && !matches!(base.kind, E::List(_)) {
                        self.pos += 1;
                        let rhs = self.assign_expr()?;
                        return Ok(Expr::new(E::AssignRef(Box::new(base), Box::new(rhs)), line));
                    }
                    let rhs = self.assign_expr()?;
                    let base = match base.kind {
                        E::Array(items) => {
                            Expr::new(E::List(items.into_iter().map(Some).collect()), base.line)
                        }
                        _ => base,
                    };
                    return Ok(Expr::new(E::Assign(Box::new(base), Box::new(rhs)), line));
                }
                let rhs = self.assign_expr()?;
                return Ok(Expr::new(
                    E::AssignOp(aop, Box::new(base), Box::new(rhs)),
                    line,
                ));
            }
        }
        // Array literal used as destructuring target: [$a, $b] = ...
        if self.is_op("=") {
            if let E::Array(items) = &base.kind {
                let items: Vec<Option<Item>> = items.iter().cloned().map(Some).collect();
                let line = self.line();
                self.pos += 1;
                let rhs = self.assign_expr()?;
                return Ok(Expr::new(
                    E::Assign(
                        Box::new(Expr::new(E::List(items), base.line)),
                        Box::new(rhs),
                    ),
                    line,
                ));
            }
        }
        self.unary_tail(base)
    }

    /// `**` and `instanceof` after an operand.
    fn unary_tail(&mut self, base: Expr) -> PResult<Expr> {
        // Power (right-assoc, binds tighter than unary minus on its left).
        let base = if self.eat_op("**") {
            let line = self.line();
            let rhs = self.unary()?;
            Expr::new(E::Bin("**", Box::new(base), Box::new(rhs)), line)
        } else {
            base
        };
        if self.eat_kw("instanceof") {
            let line = self.line();
            let cr = self.class_ref_dyn()?;
            return Ok(Expr::new(E::InstanceOf(Box::new(base), cr), line));
        }
        Ok(base)
    }

    fn class_ref_dyn(&mut self) -> PResult<ClassRef> {
        match self.peek().clone() {
            Tok::Ident(n) => {
                self.pos += 1;
                Ok(class_ref(n))
            }
            Tok::Var(_) => {
                let e = self.postfix_no_call()?;
                Ok(ClassRef::Dyn(Box::new(e)))
            }
            Tok::Op("(") => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect_op(")")?;
                Ok(ClassRef::Dyn(Box::new(e)))
            }
            _ => self.unexpected(),
        }
    }

    fn new_expr(&mut self) -> PResult<Expr> {
        let line = self.line();
        self.pos += 1;
        if self.is_kw("class") {
            self.pos += 1;
            let args = if self.is_op("(") {
                self.args()?
            } else {
                Vec::new()
            };
            let c = self.class_body(
                "class@anonymous".into(),
                ClassKind::Class,
                false,
                false,
                line,
            )?;
            return Ok(Expr::new(E::AnonClass(Rc::new(c), args), line));
        }
        let cr = match self.peek().clone() {
            Tok::Ident(n) => {
                self.pos += 1;
                class_ref(n)
            }
            Tok::Var(_) => ClassRef::Dyn(Box::new(self.postfix_no_call()?)),
            Tok::Op("(") => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect_op(")")?;
                ClassRef::Dyn(Box::new(e))
            }
            _ => return self.unexpected(),
        };
        let args = if self.is_op("(") {
            self.args()?
        } else {
            Vec::new()
        };
        Ok(Expr::new(E::New(cr, args), line))
    }

    /// A variable with property/index accesses but no calls (for `new $x->cls`).
    fn postfix_no_call(&mut self) -> PResult<Expr> {
        let line = self.line();
        let mut e = match self.next() {
            Tok::Var(v) => Expr::new(E::Var(v), line),
            _ => {
                self.pos -= 1;
                return self.unexpected();
            }
        };
        loop {
            if self.is_op("[") {
                self.pos += 1;
                let i = self.expr()?;
                self.expect_op("]")?;
                e = Expr::new(E::Index(Box::new(e), Some(Box::new(i))), line);
            } else if self.is_op("->") {
                self.pos += 1;
                let n = self.ident()?;
                e = Expr::new(
                    E::Prop(Box::new(e), Box::new(Expr::new(E::Str(n), line)), false),
                    line,
                );
            } else if self.is_op("::") && matches!(self.peek_at(1), Tok::Var(_)) {
                self.pos += 1;
                let Tok::Var(v) = self.next() else {
                    return self.unexpected();
                };
                e = Expr::new(E::StaticProp(ClassRef::Dyn(Box::new(e)), v), line);
            } else {
                return Ok(e);
            }
        }
    }

    fn args(&mut self) -> PResult<Vec<Arg>> {
        self.expect_op("(")?;
        let mut args = Vec::new();
        while !self.is_op(")") {
            if self.is_op("...") && matches!(self.peek_at(1), Tok::Op(")")) {
                // First-class callable syntax marker.
                self.pos += 1;
                args.push(Arg {
                    value: Expr::new(E::Null, self.line()),
                    spread: true,
                    name: Some("...".into()),
                });
                break;
            }
            let spread = self.eat_op("...");
            let name = match (self.peek().clone(), self.peek_at(1)) {
                (Tok::Ident(n), Tok::Op(":")) if !matches!(self.peek_at(2), Tok::Op(":")) => {
                    self.pos += 2;
                    Some(n)
                }
                _ => None,
            };
            let value = self.expr()?;
            args.push(Arg {
                value,
                spread,
                name,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(args)
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let e = self.primary()?;
        self.postfix_ops(e)
    }

    fn make_call(&self, callee: Expr, args: Vec<Arg>, line: u32) -> Expr {
        let fcc = args.len() == 1 && args[0].name.as_deref() == Some("...");
        let call = match callee.kind {
            E::Const(n) => {
                if fcc {
                    return Expr::new(E::CallableRef(Box::new(Expr::new(E::Str(n), line))), line);
                }
                E::NameCall(n, args)
            }
            _ => {
                if fcc {
                    return Expr::new(E::CallableRef(Box::new(callee)), line);
                }
                E::Call(Box::new(callee), args)
            }
        };
        Expr::new(call, line)
    }

    fn postfix_ops(&mut self, mut e: Expr) -> PResult<Expr> {
        loop {
            let line = self.line();
            match self.peek().clone() {
                Tok::Op("[") => {
                    self.pos += 1;
                    if self.eat_op("]") {
                        e = Expr::new(E::Index(Box::new(e), None), line);
                    } else {
                        let i = self.expr()?;
                        self.expect_op("]")?;
                        e = Expr::new(E::Index(Box::new(e), Some(Box::new(i))), line);
                    }
                }
                Tok::Op("{") if matches!(e.kind, E::Var(_) | E::Index(..)) && false => {}
                Tok::Op(o @ ("->" | "?->")) => {
                    self.pos += 1;
                    let nullsafe = o == "?->";
                    let name = match self.peek().clone() {
                        Tok::Ident(n) => {
                            self.pos += 1;
                            Expr::new(E::Str(n), line)
                        }
                        Tok::Var(v) => {
                            self.pos += 1;
                            Expr::new(E::Var(v), line)
                        }
                        Tok::Op("{") => {
                            self.pos += 1;
                            let x = self.expr()?;
                            self.expect_op("}")?;
                            x
                        }
                        _ => return self.unexpected(),
                    };
                    if self.is_op("(") {
                        let args = self.args()?;
                        if args.len() == 1 && args[0].name.as_deref() == Some("...") {
                            let m = Expr::new(
                                E::MethodCall(Box::new(e), Box::new(name), vec![], nullsafe),
                                line,
                            );
                            e = Expr::new(E::CallableRef(Box::new(m)), line);
                        } else {
                            e = Expr::new(
                                E::MethodCall(Box::new(e), Box::new(name), args, nullsafe),
                                line,
                            );
                        }
                    } else {
                        e = Expr::new(E::Prop(Box::new(e), Box::new(name), nullsafe), line);
                    }
                }
                Tok::Op("::") => {
                    self.pos += 1;
                    let cr = match e.kind {
                        E::Const(n) => class_ref(n),
                        _ => ClassRef::Dyn(Box::new(e)),
                    };
                    match self.peek().clone() {
                        Tok::Var(v) => {
                            self.pos += 1;
                            if self.is_op("(") {
                                let args = self.args()?;
                                e = Expr::new(
                                    E::StaticCall(cr, Box::new(Expr::new(E::Var(v), line)), args),
                                    line,
                                );
                            } else {
                                e = Expr::new(E::StaticProp(cr, v), line);
                            }
                        }
                        Tok::Ident(n) => {
                            self.pos += 1;
                            if self.is_op("(") {
                                let args = self.args()?;
                                if args.len() == 1 && args[0].name.as_deref() == Some("...") {
                                    let m = Expr::new(
                                        E::StaticCall(
                                            cr,
                                            Box::new(Expr::new(E::Str(n), line)),
                                            vec![],
                                        ),
                                        line,
                                    );
                                    e = Expr::new(E::CallableRef(Box::new(m)), line);
                                } else {
                                    e = Expr::new(
                                        E::StaticCall(
                                            cr,
                                            Box::new(Expr::new(E::Str(n), line)),
                                            args,
                                        ),
                                        line,
                                    );
                                }
                            } else if n.eq_ignore_ascii_case("class") {
                                e = Expr::new(E::ClassConst(cr, "class".into()), line);
                            } else {
                                e = Expr::new(E::ClassConst(cr, n), line);
                            }
                        }
                        Tok::Op("{") => {
                            self.pos += 1;
                            let x = self.expr()?;
                            self.expect_op("}")?;
                            let args = self.args()?;
                            e = Expr::new(E::StaticCall(cr, Box::new(x), args), line);
                        }
                        _ => return self.unexpected(),
                    }
                }
                Tok::Op("(") => {
                    let args = self.args()?;
                    e = self.make_call(e, args, line);
                }
                Tok::Op(o @ ("++" | "--")) => {
                    if !is_lvalue(&e) {
                        return Ok(e);
                    }
                    self.pos += 1;
                    e = Expr::new(
                        E::IncDec {
                            pre: false,
                            inc: o == "++",
                            e: Box::new(e),
                        },
                        line,
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    fn list_literal(&mut self) -> PResult<E> {
        let close = if self.eat_kw("list") {
            self.expect_op("(")?;
            ")"
        } else {
            self.expect_op("[")?;
            "]"
        };
        let mut items = Vec::new();
        loop {
            if self.is_op(close) {
                break;
            }
            if self.is_op(",") {
                self.pos += 1;
                items.push(None);
                continue;
            }
            let item = self.array_item()?;
            items.push(Some(item));
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(close)?;
        Ok(E::List(items))
    }

    fn array_item(&mut self) -> PResult<Item> {
        if self.eat_op("...") {
            let v = self.expr()?;
            return Ok(Item {
                key: None,
                value: v,
                by_ref: false,
                spread: true,
            });
        }
        if self.eat_op("&") {
            let v = self.unary()?;
            return Ok(Item {
                key: None,
                value: v,
                by_ref: true,
                spread: false,
            });
        }
        let line = self.line();
        let first = if self.is_kw("list") || (self.is_op("[") && false) {
            Expr::new(self.list_literal()?, line)
        } else {
            self.expr()?
        };
        if self.eat_op("=>") {
            let by_ref = self.eat_op("&");
            let line = self.line();
            let v = if self.is_kw("list") {
                Expr::new(self.list_literal()?, line)
            } else if by_ref {
                self.unary()?
            } else {
                self.expr()?
            };
            return Ok(Item {
                key: Some(first),
                value: v,
                by_ref,
                spread: false,
            });
        }
        Ok(Item {
            key: None,
            value: first,
            by_ref: false,
            spread: false,
        })
    }

    fn array_literal(&mut self, close: &str) -> PResult<Vec<Item>> {
        let mut items = Vec::new();
        while !self.is_op(close) {
            if self.is_op(",") {
                // Empty slot only allowed in list context; php reports an error otherwise.
                self.pos += 1;
                items.push(Item {
                    key: None,
                    value: Expr::new(E::Null, self.line()),
                    by_ref: false,
                    spread: true,
                });
                continue;
            }
            items.push(self.array_item()?);
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.is_op(close) {
            return self.unexpected_expecting(&format!("\"{close}\""));
        }
        self.pos += 1;
        Ok(items)
    }

    fn closure(&mut self, is_static: bool) -> PResult<Expr> {
        let line = self.line();
        if self.eat_kw("fn") {
            let by_ref = self.eat_op("&");
            let params = self.params()?;
            let ret = if self.eat_op(":") {
                self.type_hint()?
            } else {
                None
            };
            self.expect_op("=>")?;
            let body_line = self.line();
            let saved_yield = std::mem::replace(&mut self.saw_yield, false);
            let e = self.assign_expr()?;
            let is_generator = std::mem::replace(&mut self.saw_yield, saved_yield);
            let f = FuncDecl {
                name: "{closure}".into(),
                params,
                body: vec![Stmt {
                    kind: S::Return(Some(e)),
                    line: body_line,
                }],
                by_ref,
                ret,
                line,
                end_line: self.line(),
                is_static,
                is_abstract: false,
                visibility: Visibility::Public,
                arrow: true,
                is_generator,
            };
            return Ok(Expr::new(E::ArrowFn(Rc::new(f)), line));
        }
        self.pos += 1; // function
        let by_ref = self.eat_op("&");
        let params = self.params()?;
        let mut uses = Vec::new();
        if self.eat_kw("use") {
            self.expect_op("(")?;
            while !self.is_op(")") {
                let r = self.eat_op("&");
                match self.next() {
                    Tok::Var(v) => uses.push((v, r)),
                    _ => {
                        self.pos -= 1;
                        return self.unexpected_expecting("variable");
                    }
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
        }
        let ret = if self.eat_op(":") {
            self.type_hint()?
        } else {
            None
        };
        let saved = self.in_func;
        self.in_func = true;
        if !self.is_op("{") {
            return self.unexpected_expecting("\"{\"");
        }
        let saved_yield = std::mem::replace(&mut self.saw_yield, false);
        let body = self.block_or_statement()?;
        self.in_func = saved;
        let is_generator = std::mem::replace(&mut self.saw_yield, saved_yield);
        let f = FuncDecl {
            name: "{closure}".into(),
            params,
            body,
            by_ref,
            ret,
            line,
            end_line: self.line(),
            is_static,
            is_abstract: false,
            visibility: Visibility::Public,
            arrow: false,
            is_generator,
        };
        Ok(Expr::new(E::Closure(Rc::new(f), uses, is_static), line))
    }

    fn primary(&mut self) -> PResult<Expr> {
        let line = self.line();
        let t = self.peek().clone();
        let e = match t {
            Tok::Var(v) => {
                self.pos += 1;
                E::Var(v)
            }
            Tok::Op("$") => {
                self.pos += 1;
                if self.eat_op("{") {
                    let e = self.expr()?;
                    self.expect_op("}")?;
                    E::VarVar(Box::new(e))
                } else {
                    let e = self.primary()?;
                    E::VarVar(Box::new(e))
                }
            }
            Tok::Int(i) => {
                self.pos += 1;
                E::Int(i)
            }
            Tok::Float(f) => {
                self.pos += 1;
                E::Float(f)
            }
            Tok::Str(s) => {
                self.pos += 1;
                E::Str(s)
            }
            Tok::Interp(parts) => {
                self.pos += 1;
                E::Interp(self.interp(parts, line)?)
            }
            Tok::Op("(") => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect_op(")")?;
                return Ok(e);
            }
            Tok::Op("[") => {
                self.pos += 1;
                E::Array(self.array_literal("]")?)
            }
            Tok::Op("&") => return self.unexpected(),
            Tok::Ident(w) => {
                let lw = w.to_ascii_lowercase();
                match lw.as_str() {
                    "true" => {
                        self.pos += 1;
                        E::Bool(true)
                    }
                    "false" => {
                        self.pos += 1;
                        E::Bool(false)
                    }
                    "null" => {
                        self.pos += 1;
                        E::Null
                    }
                    "array" if matches!(self.peek_at(1), Tok::Op("(")) => {
                        self.pos += 2;
                        E::Array(self.array_literal(")")?)
                    }
                    "list" if matches!(self.peek_at(1), Tok::Op("(")) => self.list_literal()?,
                    "isset" => {
                        self.pos += 1;
                        self.expect_op("(")?;
                        let mut es = Vec::new();
                        while !self.is_op(")") {
                            es.push(self.expr()?);
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.expect_op(")")?;
                        E::Isset(es)
                    }
                    "empty" => {
                        self.pos += 1;
                        self.expect_op("(")?;
                        let e = self.expr()?;
                        self.expect_op(")")?;
                        E::Empty(Box::new(e))
                    }
                    "exit" | "die" => {
                        self.pos += 1;
                        let mut arg = None;
                        if self.eat_op("(") {
                            if !self.is_op(")") {
                                arg = Some(Box::new(self.expr()?));
                            }
                            self.expect_op(")")?;
                        }
                        E::Exit(arg)
                    }
                    "function" | "fn" => return self.closure(false),
                    "static" if matches!(self.peek_at(1), Tok::Ident(w) if w.eq_ignore_ascii_case("function") || w.eq_ignore_ascii_case("fn")) =>
                    {
                        self.pos += 1;
                        return self.closure(true);
                    }
                    "match" if matches!(self.peek_at(1), Tok::Op("(")) => {
                        self.pos += 2;
                        let subj = self.expr()?;
                        self.expect_op(")")?;
                        self.expect_op("{")?;
                        let mut arms = Vec::new();
                        while !self.is_op("}") {
                            let conds = if self.eat_kw("default") {
                                None
                            } else {
                                let mut cs = vec![self.expr()?];
                                while self.eat_op(",") {
                                    if self.is_op("=>") {
                                        break;
                                    }
                                    cs.push(self.expr()?);
                                }
                                Some(cs)
                            };
                            self.expect_op("=>")?;
                            let body = self.expr()?;
                            arms.push(MatchArm { conds, body });
                            if !self.eat_op(",") {
                                break;
                            }
                        }
                        self.expect_op("}")?;
                        E::Match(Box::new(subj), arms)
                    }
                    "__line__" => {
                        self.pos += 1;
                        E::Int(line as i64)
                    }
                    "__class__" => {
                        self.pos += 1;
                        E::MagicClass
                    }
                    "__function__" => {
                        self.pos += 1;
                        E::MagicFunction
                    }
                    "__method__" => {
                        self.pos += 1;
                        E::MagicMethod
                    }
                    "__file__" | "__dir__" | "__namespace__" => {
                        self.pos += 1;
                        E::Const(w.to_ascii_uppercase())
                    }
                    _ => {
                        if KEYWORDS.contains(&lw.as_str())
                            && !matches!(
                                lw.as_str(),
                                "static" | "array" | "list" | "match" | "readonly"
                            )
                            && !matches!(self.peek_at(1), Tok::Op("::"))
                        {
                            return self.unexpected();
                        }
                        self.pos += 1;
                        E::Const(w)
                    }
                }
            }
            _ => return self.unexpected(),
        };
        Ok(Expr::new(e, line))
    }

    fn interp(&mut self, parts: Vec<Part>, line: u32) -> PResult<Vec<Expr>> {
        let mut out = Vec::new();
        for p in parts {
            let e = match p {
                Part::Lit(s) => E::Str(s),
                Part::Var(v) => E::Var(v),
                Part::VarIndex(v, k) => {
                    let key = match k {
                        IndexKey::Int(i) => E::Int(i),
                        IndexKey::Str(s) => E::Str(s),
                        IndexKey::Var(v) => E::Var(v),
                    };
                    E::Index(
                        Box::new(Expr::new(E::Var(v), line)),
                        Some(Box::new(Expr::new(key, line))),
                    )
                }
                Part::VarProp(v, p) => E::Prop(
                    Box::new(Expr::new(E::Var(v), line)),
                    Box::new(Expr::new(E::Str(p), line)),
                    false,
                ),
                Part::Expr(mut toks) => {
                    let l = toks.first().map(|t| t.line).unwrap_or(line);
                    toks.push(Token {
                        tok: Tok::Eof,
                        line: l,
                    });
                    let mut sub = Parser {
                        toks,
                        pos: 0,
                        depth: self.depth,
                        in_func: self.in_func,
                        saw_yield: false,
                    };
                    let e = sub.expr()?;
                    if !sub.at_eof() {
                        return sub.unexpected();
                    }
                    out.push(e);
                    continue;
                }
            };
            out.push(Expr::new(e, line));
        }
        Ok(out)
    }
}

fn to_list(items: Vec<Item>) -> Vec<Option<Item>> {
    items
        .into_iter()
        .map(|mut it| {
            if it.spread && it.key.is_none() && matches!(it.value.kind, E::Null) {
                return None;
            }
            if let E::Array(inner) = it.value.kind {
                it.value = Expr::new(E::List(to_list(inner)), it.value.line);
            }
            Some(it)
        })
        .collect()
}

fn class_ref(n: String) -> ClassRef {
    match n.to_ascii_lowercase().as_str() {
        "self" => ClassRef::SelfRef,
        "parent" => ClassRef::Parent,
        "static" => ClassRef::Static,
        _ => ClassRef::Named(n),
    }
}
