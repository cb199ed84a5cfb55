//! The parser: tokens to an AST. Statements by recursive descent,
//! binary operators by precedence climbing (a Pratt parser). Every decision
//! consumes at least one token or fails, so parsing is linear and never hangs;
//! nesting depth is bounded so it never overflows the Rust stack.

use crate::ast::*;
use crate::errors::SyntaxError;
use crate::lexer::{tokenize, tokenize_expr, FPart, Tok, Token};

/// Deepest nesting of expressions and blocks accepted (CPython's parser has a similar limit).
const MAX_DEPTH: u32 = 200;

pub struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: u32,
}

/// Parses a module.
pub fn parse_module(src: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let mut body = Vec::new();
    while !p.at_end() {
        if p.eat_tok(&Tok::Newline) {
            continue;
        }
        if matches!(p.peek(), Tok::Indent) {
            return Err(SyntaxError::indent("unexpected indent", p.line(), p.col()));
        }
        p.statement(&mut body)?;
    }
    Ok(body)
}

type PResult<T> = Result<T, SyntaxError>;

fn is_op(t: &Tok, s: &str) -> bool {
    matches!(t, Tok::Op(o) if *o == s)
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].tok
    }
    fn peek_at(&self, k: usize) -> &Tok {
        &self.toks[(self.pos + k).min(self.toks.len() - 1)].tok
    }
    fn line(&self) -> u32 {
        self.toks[self.pos.min(self.toks.len() - 1)].line
    }
    fn col(&self) -> u32 {
        self.toks[self.pos.min(self.toks.len() - 1)].col
    }
    /// Where the last consumed token ends.
    fn prev_end(&self) -> (u32, u32) {
        if self.pos == 0 {
            return (1, 0);
        }
        self.toks[self.pos - 1].end
    }
    /// Sets an expression's end to the last consumed token if not set yet.
    fn fin(&self, mut e: Expr) -> Expr {
        if e.end == (0, 0) {
            e.end = self.prev_end();
        }
        e
    }
    fn at_end(&self) -> bool {
        matches!(self.peek(), Tok::End)
    }
    fn advance(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn eat_tok(&mut self, t: &Tok) -> bool {
        if self.peek() == t {
            self.advance();
            true
        } else {
            false
        }
    }
    fn is(&self, op: &str) -> bool {
        is_op(self.peek(), op)
    }
    fn eat(&mut self, op: &str) -> bool {
        if self.is(op) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == kw)
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn err_here(&self, msg: &str) -> SyntaxError {
        let msg = if matches!(self.peek(), Tok::End) && msg == "invalid syntax" {
            "unexpected EOF while parsing"
        } else {
            msg
        };
        if matches!(self.peek(), Tok::Indent) {
            return SyntaxError::indent("unexpected indent", self.line(), self.col());
        }
        SyntaxError::new(msg, self.line(), self.col())
    }
    fn expect(&mut self, op: &str) -> PResult<()> {
        if self.eat(op) {
            Ok(())
        } else if op == ":" {
            Err(self.err_here("expected ':'"))
        } else {
            Err(self.err_here("invalid syntax"))
        }
    }
    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.err_here("invalid syntax"))
        }
    }
    fn name(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                self.advance();
                Ok(n)
            }
            _ => Err(self.err_here("invalid syntax")),
        }
    }
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::new(
                "too many nested parentheses",
                self.line(),
                self.col(),
            ));
        }
        Ok(())
    }
    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---------------------------------------------------------------- statements

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        self.enter()?;
        let r = self.statement_inner(out);
        self.leave();
        r
    }

    fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let line = self.line();
        let kw = match self.peek() {
            Tok::Name(n) => n.clone(),
            Tok::Op("@") => "@".to_string(),
            _ => String::new(),
        };
        let kind = match kw.as_str() {
            "if" => {
                self.advance();
                self.if_rest()?
            }
            "while" => {
                self.advance();
                let cond = self.named_expr()?;
                self.expect(":")?;
                let body = self.block()?;
                let orelse = if self.eat_kw("else") {
                    self.expect(":")?;
                    self.block()?
                } else {
                    Vec::new()
                };
                StmtKind::While(cond, body, orelse)
            }
            "for" => {
                self.advance();
                let target = self.target_list()?;
                self.expect_kw("in")?;
                let iter = self.expr_list()?;
                self.expect(":")?;
                let body = self.block()?;
                let orelse = if self.eat_kw("else") {
                    self.expect(":")?;
                    self.block()?
                } else {
                    Vec::new()
                };
                StmtKind::For(target, iter, body, orelse)
            }
            "try" => {
                self.advance();
                self.expect(":")?;
                let body = self.block()?;
                let mut handlers = Vec::new();
                while self.is_kw("except") {
                    let hline = self.line();
                    self.advance();
                    let (typ, name) = if self.is(":") {
                        (None, None)
                    } else {
                        let t = self.test()?;
                        let t = if self.is(",") {
                            let mut items = vec![t];
                            while self.eat(",") {
                                if self.is(":") || self.is_kw("as") {
                                    break;
                                }
                                items.push(self.test()?);
                            }
                            Expr {
                                end: (0, 0),
                                line: hline,
                                col: 0,
                                kind: ExprKind::Tuple(items),
                            }
                        } else {
                            t
                        };
                        let n = if self.eat_kw("as") {
                            Some(self.name()?)
                        } else {
                            None
                        };
                        (Some(t), n)
                    };
                    self.expect(":")?;
                    let hb = self.block()?;
                    handlers.push(Handler {
                        typ,
                        name,
                        body: hb,
                        line: hline,
                    });
                }
                let orelse = if !handlers.is_empty() && self.eat_kw("else") {
                    self.expect(":")?;
                    self.block()?
                } else {
                    Vec::new()
                };
                let finalbody = if self.eat_kw("finally") {
                    self.expect(":")?;
                    self.block()?
                } else {
                    Vec::new()
                };
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(self.err_here("expected 'except' or 'finally' block"));
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            }
            "with" => {
                self.advance();
                let mut items = Vec::new();
                let paren = self.is("(") && self.with_is_parenthesized();
                if paren {
                    self.advance();
                }
                loop {
                    if paren && self.is(")") {
                        break;
                    }
                    let e = self.test()?;
                    let t = if self.eat_kw("as") {
                        let t = self.target()?;
                        Some(t)
                    } else {
                        None
                    };
                    items.push((e, t));
                    if !self.eat(",") {
                        break;
                    }
                }
                if paren {
                    self.expect(")")?;
                }
                self.expect(":")?;
                let body = self.block()?;
                StmtKind::With(items, body)
            }
            "def" => {
                self.advance();
                self.funcdef(Vec::new())?
            }
            "class" => {
                self.advance();
                self.classdef(Vec::new())?
            }
            "@" => {
                let mut decorators = Vec::new();
                while self.eat("@") {
                    decorators.push(self.named_expr()?);
                    if !self.eat_tok(&Tok::Newline) {
                        return Err(self.err_here("invalid syntax"));
                    }
                }
                if self.eat_kw("def") {
                    self.funcdef(decorators)?
                } else if self.eat_kw("class") {
                    self.classdef(decorators)?
                } else {
                    return Err(self.err_here("invalid syntax"));
                }
            }
            "async" | "match" if kw == "async" => {
                return Err(self.err_here("async is not supported"));
            }
            _ => {
                self.simple_stmts(out)?;
                return Ok(());
            }
        };
        out.push(Stmt { kind, line });
        Ok(())
    }

    /// Whether `with (` starts a parenthesized list of items rather than an expression.
    fn with_is_parenthesized(&self) -> bool {
        // Look for `as` or a top-level comma inside the parentheses followed by `)` `:`.
        let mut depth = 0;
        let mut i = self.pos;
        let mut saw_as = false;
        while i < self.toks.len() {
            match &self.toks[i].tok {
                Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
                Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => {
                    depth -= 1;
                    if depth == 0 {
                        return saw_as
                            && matches!(self.toks.get(i + 1).map(|t| &t.tok), Some(Tok::Op(":")));
                    }
                }
                Tok::Name(n) if n == "as" && depth == 1 => saw_as = true,
                Tok::Newline | Tok::End => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn if_rest(&mut self) -> PResult<StmtKind> {
        let cond = self.named_expr()?;
        self.expect(":")?;
        let body = self.block()?;
        let orelse = if self.is_kw("elif") {
            let line = self.line();
            self.advance();
            let k = self.if_rest()?;
            vec![Stmt { kind: k, line }]
        } else if self.eat_kw("else") {
            self.expect(":")?;
            self.block()?
        } else {
            Vec::new()
        };
        Ok(StmtKind::If(cond, body, orelse))
    }

    fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let name = self.name()?;
        self.expect("(")?;
        let params = self.params(")")?;
        self.expect(")")?;
        if self.eat("->") {
            self.test()?;
        }
        self.expect(":")?;
        let body = self.block()?;
        Ok(StmtKind::FunctionDef {
            name,
            params: Box::new(params),
            body,
            decorators,
        })
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let name = self.name()?;
        let bases = if self.eat("(") {
            let a = self.call_args()?;
            self.expect(")")?;
            a
        } else {
            Vec::new()
        };
        self.expect(":")?;
        let body = self.block()?;
        Ok(StmtKind::ClassDef {
            name,
            bases,
            body,
            decorators,
        })
    }

    /// Parameters up to `end` (`)` for def, `:` for lambda).
    fn params(&mut self, end: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        let allow_annot = end == ")";
        while !self.is(end) {
            if self.eat("**") {
                p.kwarg = Some(self.name()?);
                if allow_annot && self.eat(":") {
                    self.test()?;
                }
                self.eat(",");
                break;
            }
            if self.eat("*") {
                if seen_star {
                    return Err(self.err_here("* argument may appear only once"));
                }
                seen_star = true;
                if !self.is(",") && !self.is(end) {
                    p.vararg = Some(self.name()?);
                    if allow_annot && self.eat(":") {
                        self.test()?;
                    }
                } else if self.is(end)
                    || matches!(self.peek_at(1), Tok::Op(")")) && end == ")" && false
                {
                    return Err(self.err_here("named arguments must follow bare *"));
                }
                if !self.eat(",") {
                    break;
                }
                continue;
            }
            if self.eat("/") {
                if seen_star || p.args.is_empty() {
                    return Err(self.err_here("invalid syntax"));
                }
                p.posonly = p.args.len();
                if !self.eat(",") {
                    break;
                }
                continue;
            }
            let name = self.name()?;
            if allow_annot && self.eat(":") {
                self.test()?;
            }
            let default = if self.eat("=") {
                Some(self.test()?)
            } else {
                None
            };
            let all: Vec<&str> = p
                .args
                .iter()
                .chain(p.kwonly.iter())
                .map(|a| a.name.as_str())
                .collect();
            if all.contains(&name.as_str()) {
                return Err(SyntaxError::new(
                    format!("duplicate argument '{}' in function definition", name),
                    self.line(),
                    self.col(),
                ));
            }
            if seen_star {
                p.kwonly.push(Param { name, default });
            } else {
                if default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    return Err(self.err_here("non-default argument follows default argument"));
                }
                p.args.push(Param { name, default });
            }
            if !self.eat(",") {
                break;
            }
        }
        Ok(p)
    }

    fn block(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.eat_tok(&Tok::Newline) {
            // Simple statements on the same line.
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        if !self.eat_tok(&Tok::Indent) {
            return Err(SyntaxError::indent(
                format!("expected an indented block after {}", "statement"),
                self.line(),
                self.col(),
            ));
        }
        while !self.eat_tok(&Tok::Dedent) {
            if self.at_end() {
                break;
            }
            if self.eat_tok(&Tok::Newline) {
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let line = self.line();
            let kind = self.simple_stmt()?;
            out.push(Stmt { kind, line });
            if self.eat(";") {
                if matches!(self.peek(), Tok::Newline | Tok::End) {
                    break;
                }
                continue;
            }
            break;
        }
        if !self.eat_tok(&Tok::Newline) && !self.at_end() {
            return Err(self.err_here("invalid syntax"));
        }
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<StmtKind> {
        let kw = match self.peek() {
            Tok::Name(n) => n.clone(),
            _ => String::new(),
        };
        match kw.as_str() {
            "pass" => {
                self.advance();
                Ok(StmtKind::Pass)
            }
            "break" => {
                self.advance();
                Ok(StmtKind::Break)
            }
            "continue" => {
                self.advance();
                Ok(StmtKind::Continue)
            }
            "return" => {
                self.advance();
                if matches!(self.peek(), Tok::Newline | Tok::End) || self.is(";") {
                    Ok(StmtKind::Return(None))
                } else {
                    Ok(StmtKind::Return(Some(self.star_expr_list()?)))
                }
            }
            "raise" => {
                self.advance();
                if matches!(self.peek(), Tok::Newline | Tok::End) || self.is(";") {
                    return Ok(StmtKind::Raise(None, None));
                }
                let e = self.test()?;
                let cause = if self.eat_kw("from") {
                    Some(self.test()?)
                } else {
                    None
                };
                Ok(StmtKind::Raise(Some(e), cause))
            }
            "global" | "nonlocal" => {
                self.advance();
                let mut names = vec![self.name()?];
                while self.eat(",") {
                    names.push(self.name()?);
                }
                Ok(if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                })
            }
            "del" => {
                self.advance();
                let mut targets = vec![self.target()?];
                while self.eat(",") {
                    if matches!(self.peek(), Tok::Newline | Tok::End) {
                        break;
                    }
                    targets.push(self.target()?);
                }
                Ok(StmtKind::Del(targets))
            }
            "assert" => {
                self.advance();
                let t = self.test()?;
                let msg = if self.eat(",") {
                    Some(self.test()?)
                } else {
                    None
                };
                Ok(StmtKind::Assert(t, msg))
            }
            "import" => {
                self.advance();
                let mut names = Vec::new();
                loop {
                    let m = self.dotted_name()?;
                    let a = if self.eat_kw("as") {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push((m, a));
                    if !self.eat(",") {
                        break;
                    }
                }
                Ok(StmtKind::Import(names))
            }
            "from" => {
                self.advance();
                let mut level = 0;
                loop {
                    if self.eat(".") {
                        level += 1;
                    } else if self.eat("...") {
                        level += 3;
                    } else {
                        break;
                    }
                }
                let module = if self.is_kw("import") {
                    String::new()
                } else {
                    self.dotted_name()?
                };
                self.expect_kw("import")?;
                let mut names = Vec::new();
                if self.eat("*") {
                    names.push(("*".to_string(), None));
                } else {
                    let paren = self.eat("(");
                    loop {
                        if paren && self.is(")") {
                            break;
                        }
                        let n = self.name()?;
                        let a = if self.eat_kw("as") {
                            Some(self.name()?)
                        } else {
                            None
                        };
                        names.push((n, a));
                        if !self.eat(",") {
                            break;
                        }
                    }
                    if paren {
                        self.expect(")")?;
                    }
                }
                Ok(StmtKind::ImportFrom(module, names, level))
            }
            _ => self.expr_stmt(),
        }
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut s = self.name()?;
        while self.eat(".") {
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        let first = self.star_expr_list_or_yield()?;
        if self.eat(":") {
            // Annotated assignment.
            check_target(&first, false)?;
            let ann = self.test()?;
            let value = if self.eat("=") {
                Some(self.star_expr_list_or_yield()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign(first, ann, value));
        }
        let aug = match self.peek() {
            Tok::Op(o) => match *o {
                "+=" => Some(BinOp::Add),
                "-=" => Some(BinOp::Sub),
                "*=" => Some(BinOp::Mul),
                "@=" => Some(BinOp::MatMul),
                "/=" => Some(BinOp::Div),
                "//=" => Some(BinOp::FloorDiv),
                "%=" => Some(BinOp::Mod),
                "**=" => Some(BinOp::Pow),
                "<<=" => Some(BinOp::LShift),
                ">>=" => Some(BinOp::RShift),
                "&=" => Some(BinOp::BitAnd),
                "|=" => Some(BinOp::BitOr),
                "^=" => Some(BinOp::BitXor),
                _ => None,
            },
            _ => None,
        };
        if let Some(op) = aug {
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
            ) {
                return Err(SyntaxError::new(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_desc(&first)
                    ),
                    first.line,
                    first.col,
                ));
            }
            self.advance();
            let value = self.star_expr_list_or_yield()?;
            return Ok(StmtKind::AugAssign(first, op, value));
        }
        if self.is("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.advance();
                value = self.star_expr_list_or_yield()?;
                if !self.is("=") {
                    break;
                }
                targets.push(value);
            }
            for t in &targets {
                check_target(t, false)?;
            }
            return Ok(StmtKind::Assign(targets, value));
        }
        Ok(StmtKind::Expr(first))
    }

    fn star_expr_list_or_yield(&mut self) -> PResult<Expr> {
        if self.is_kw("yield") {
            return self.yield_expr();
        }
        self.star_expr_list()
    }

    // ---------------------------------------------------------------- expressions

    fn target(&mut self) -> PResult<Expr> {
        let e = if self.is("*") {
            let (line, col) = (self.line(), self.col());
            self.advance();
            let inner = self.or_expr()?;
            Expr {
                end: (0, 0),
                kind: ExprKind::Starred(Box::new(inner)),
                line,
                col,
            }
        } else {
            self.or_expr()?
        };
        check_target(&e, true)?;
        Ok(e)
    }

    /// A `for` target list: `a`, `a, b`, `(a, b), *c`.
    fn target_list(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.target()?;
        if !self.is(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(",") {
            if self.is_kw("in") || self.is("=") {
                break;
            }
            items.push(self.target()?);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Tuple(items),
            line,
            col,
        })
    }

    /// `test, test, ...` (a tuple when there is a comma).
    fn expr_list(&mut self) -> PResult<Expr> {
        self.star_expr_list()
    }

    fn star_or_test(&mut self) -> PResult<Expr> {
        if self.is("*") {
            let (line, col) = (self.line(), self.col());
            self.advance();
            let inner = self.or_expr()?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::Starred(Box::new(inner)),
                line,
                col,
            });
        }
        self.named_expr()
    }

    fn star_expr_list(&mut self) -> PResult<Expr> {
        let e = self.star_expr_list_inner()?;
        Ok(self.fin(e))
    }

    fn star_expr_list_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.star_or_test()?;
        if !self.is(",") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(SyntaxError::new(
                    "can't use starred expression here",
                    line,
                    col,
                ));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(",") {
            if self.expr_ends() {
                break;
            }
            items.push(self.star_or_test()?);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Tuple(items),
            line,
            col,
        })
    }

    fn expr_ends(&self) -> bool {
        match self.peek() {
            Tok::Newline | Tok::End | Tok::Dedent | Tok::Indent => true,
            Tok::Op(o) => matches!(
                *o,
                "=" | ")"
                    | "]"
                    | "}"
                    | ":"
                    | ";"
                    | "+="
                    | "-="
                    | "*="
                    | "/="
                    | "//="
                    | "%="
                    | "**="
                    | ">>="
                    | "<<="
                    | "&="
                    | "|="
                    | "^="
                    | "@="
            ),
            Tok::Name(n) => n == "in",
            _ => false,
        }
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        let e = self.named_expr_inner()?;
        Ok(self.fin(e))
    }

    fn named_expr_inner(&mut self) -> PResult<Expr> {
        if let (Tok::Name(n), Tok::Op(":=")) = (self.peek().clone(), self.peek_at(1).clone()) {
            let (line, col) = (self.line(), self.col());
            self.advance();
            self.advance();
            let v = self.test()?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::NamedExpr(n, Box::new(v)),
                line,
                col,
            });
        }
        self.test()
    }

    /// `test`: conditional expression or lambda.
    fn test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.test_inner();
        self.leave();
        r.map(|e| self.fin(e))
    }

    fn test_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        if self.eat_kw("lambda") {
            let params = self.params(":")?;
            self.expect(":")?;
            let body = self.test()?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::Lambda(Box::new(params), Box::new(body)),
                line,
                col,
            });
        }
        let e = self.or_test()?;
        if self.is_kw("if") {
            // Only a conditional expression if followed by `else` eventually.
            self.advance();
            let cond = self.or_test()?;
            self.expect_kw("else").map_err(|_| {
                SyntaxError::new("expected 'else' after 'if' expression", line, col)
            })?;
            let other = self.test()?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::IfExp(Box::new(cond), Box::new(e), Box::new(other)),
                line,
                col,
            });
        }
        Ok(e)
    }

    fn test_nocond(&mut self) -> PResult<Expr> {
        // Used in comprehension conditions: no unparenthesized conditional expression.
        if self.is_kw("lambda") {
            return self.test();
        }
        self.or_test()
    }

    fn or_test(&mut self) -> PResult<Expr> {
        let e = self.or_test_inner()?;
        Ok(self.fin(e))
    }

    fn or_test_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.and_test()?;
        if !self.is_kw("or") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("or") {
            items.push(self.and_test()?);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::BoolOp(false, items),
            line,
            col,
        })
    }

    fn and_test(&mut self) -> PResult<Expr> {
        let e = self.and_test_inner()?;
        Ok(self.fin(e))
    }

    fn and_test_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.not_test()?;
        if !self.is_kw("and") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("and") {
            items.push(self.not_test()?);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::BoolOp(true, items),
            line,
            col,
        })
    }

    fn not_test(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        if self.eat_kw("not") {
            self.enter()?;
            let e = self.not_test();
            self.leave();
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::UnaryOp(UnOp::Not, Box::new(e?)),
                line,
                col,
            });
        }
        self.comparison()
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op(">") => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Name(n) if n == "in" => CmpOp::In,
            Tok::Name(n) if n == "is" => {
                self.advance();
                if self.eat_kw("not") {
                    return Some(CmpOp::IsNot);
                }
                return Some(CmpOp::Is);
            }
            Tok::Name(n) if n == "not" => {
                if matches!(self.peek_at(1), Tok::Name(m) if m == "in") {
                    self.advance();
                    self.advance();
                    return Some(CmpOp::NotIn);
                }
                return None;
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let e = self.comparison_inner()?;
        Ok(self.fin(e))
    }

    fn comparison_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.or_expr()?;
        let mut rest = Vec::new();
        while let Some(op) = self.comp_op() {
            rest.push((op, self.or_expr()?));
        }
        if rest.is_empty() {
            return Ok(first);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Compare(Box::new(first), rest),
            line,
            col,
        })
    }

    fn binop_info(&self) -> Option<(BinOp, u8)> {
        let Tok::Op(o) = self.peek() else {
            return None;
        };
        Some(match *o {
            "|" => (BinOp::BitOr, 1),
            "^" => (BinOp::BitXor, 2),
            "&" => (BinOp::BitAnd, 3),
            "<<" => (BinOp::LShift, 4),
            ">>" => (BinOp::RShift, 4),
            "+" => (BinOp::Add, 5),
            "-" => (BinOp::Sub, 5),
            "*" => (BinOp::Mul, 6),
            "/" => (BinOp::Div, 6),
            "//" => (BinOp::FloorDiv, 6),
            "%" => (BinOp::Mod, 6),
            "@" => (BinOp::MatMul, 6),
            _ => return None,
        })
    }

    /// Binary operators `|` .. `*` by precedence climbing.
    fn or_expr(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min: u8) -> PResult<Expr> {
        self.enter()?;
        let mut lhs = self.unary()?;
        while let Some((op, prec)) = self.binop_info() {
            if prec < min {
                break;
            }
            let (line, col) = (lhs.line, lhs.col);
            self.advance();
            let rhs = self.binary(prec + 1)?;
            lhs = self.fin(Expr {
                end: (0, 0),
                kind: ExprKind::BinOp(Box::new(lhs), op, Box::new(rhs)),
                line,
                col,
            });
        }
        self.leave();
        Ok(lhs)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let e = self.unary_inner()?;
        Ok(self.fin(e))
    }

    fn unary_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let op = match self.peek() {
            Tok::Op("-") => Some(UnOp::Neg),
            Tok::Op("+") => Some(UnOp::Pos),
            Tok::Op("~") => Some(UnOp::Invert),
            _ => None,
        };
        if let Some(op) = op {
            self.advance();
            self.enter()?;
            let e = self.unary();
            self.leave();
            let e = e?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::UnaryOp(op, Box::new(e)),
                line,
                col,
            });
        }
        self.power()
    }

    fn power(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        if self.is_kw("await") {
            return Err(self.err_here("'await' outside async function"));
        }
        let base = self.primary()?;
        if self.eat("**") {
            self.enter()?;
            let exp = self.unary();
            self.leave();
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp?)),
                line,
                col,
            });
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        e = self.fin(e);
        loop {
            e = self.fin(e);
            let (line, col) = (e.line, e.col);
            if self.eat("(") {
                let args = self.call_args()?;
                self.expect(")")?;
                e = Expr {
                    end: (0, 0),
                    kind: ExprKind::Call(Box::new(e), args),
                    line,
                    col,
                };
            } else if self.eat("[") {
                let idx = self.subscript_list()?;
                let idx = self.fin(idx);
                self.expect("]")?;
                e = Expr {
                    end: (0, 0),
                    kind: ExprKind::Subscript(Box::new(e), Box::new(idx)),
                    line,
                    col,
                };
            } else if self.eat(".") {
                let n = self.name()?;
                e = Expr {
                    end: (0, 0),
                    kind: ExprKind::Attribute(Box::new(e), n),
                    line,
                    col,
                };
            } else {
                return Ok(e);
            }
        }
    }

    fn subscript_list(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let first = self.subscript()?;
        if !self.is(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(",") {
            if self.is("]") {
                break;
            }
            items.push(self.subscript()?);
        }
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Tuple(items),
            line,
            col,
        })
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let e = self.subscript_inner()?;
        Ok(self.fin(e))
    }

    fn subscript_inner(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let lower = if self.is(":") {
            None
        } else {
            let e = self.star_or_test()?;
            if !self.is(":") {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect(":")?;
        let upper = if self.is(":") || self.is("]") || self.is(",") {
            None
        } else {
            Some(Box::new(self.test()?))
        };
        let step = if self.eat(":") {
            if self.is("]") || self.is(",") {
                None
            } else {
                Some(Box::new(self.test()?))
            }
        } else {
            None
        };
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Slice(lower, upper, step),
            line,
            col,
        })
    }

    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = Vec::new();
        let mut seen_kw = false;
        while !self.is(")") {
            if self.eat("**") {
                args.push(Arg::StarStar(self.test()?));
                seen_kw = true;
            } else if self.eat("*") {
                args.push(Arg::Star(self.test()?));
            } else if let (Tok::Name(n), Tok::Op("=")) =
                (self.peek().clone(), self.peek_at(1).clone())
            {
                self.advance();
                self.advance();
                args.push(Arg::Kw(n, self.test()?));
                seen_kw = true;
            } else {
                let (line, col) = (self.line(), self.col());
                let e = self.named_expr()?;
                if self.is_kw("for") {
                    let comps = self.comp_clauses()?;
                    args.push(Arg::Pos(Expr {
                        end: (0, 0),
                        kind: ExprKind::GenExp(Box::new(e), comps),
                        line,
                        col,
                    }));
                } else {
                    if seen_kw {
                        return Err(SyntaxError::new(
                            if args.iter().any(|a| matches!(a, Arg::StarStar(_))) {
                                "positional argument follows keyword argument unpacking"
                            } else {
                                "positional argument follows keyword argument"
                            },
                            line,
                            col,
                        ));
                    }
                    args.push(Arg::Pos(e));
                }
            }
            if !self.eat(",") {
                break;
            }
        }
        Ok(args)
    }

    fn comp_clauses(&mut self) -> PResult<Vec<Comp>> {
        let mut comps = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            self.expect_kw("in")?;
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.is_kw("if") {
                self.advance();
                ifs.push(self.test_nocond()?);
            }
            comps.push(Comp { target, iter, ifs });
        }
        Ok(comps)
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        self.expect_kw("yield")?;
        if self.eat_kw("from") {
            let e = self.test()?;
            return Ok(Expr {
                end: (0, 0),
                kind: ExprKind::YieldFrom(Box::new(e)),
                line,
                col,
            });
        }
        let v = if self.expr_ends() || self.is(")") {
            None
        } else {
            Some(Box::new(self.star_expr_list()?))
        };
        Ok(Expr {
            end: (0, 0),
            kind: ExprKind::Yield(v),
            line,
            col,
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let mk = |kind| Expr {
            end: (0, 0),
            kind,
            line,
            col,
        };
        let t = self.peek().clone();
        match t {
            Tok::Name(n) => {
                let c = match n.as_str() {
                    "None" => Some(Const::None),
                    "True" => Some(Const::True),
                    "False" => Some(Const::False),
                    _ => None,
                };
                if let Some(c) = c {
                    self.advance();
                    return Ok(mk(ExprKind::Const(c)));
                }
                if n == "yield" {
                    return Err(self.err_here("invalid syntax"));
                }
                let n = self.name()?;
                Ok(mk(ExprKind::Name(n)))
            }
            Tok::Int(i) => {
                self.advance();
                Ok(mk(ExprKind::Const(Const::Int(i))))
            }
            Tok::Float(f) => {
                self.advance();
                Ok(mk(ExprKind::Const(Const::Float(f))))
            }
            Tok::Imag(f) => {
                self.advance();
                Ok(mk(ExprKind::Const(Const::Imag(f))))
            }
            Tok::Str(_) | Tok::FStr(_) | Tok::Bytes(_) => self.strings(),
            Tok::Op("...") => {
                self.advance();
                Ok(mk(ExprKind::Const(Const::Ellipsis)))
            }
            Tok::Op("(") => {
                self.advance();
                if self.eat(")") {
                    return Ok(mk(ExprKind::Tuple(Vec::new())));
                }
                if self.is_kw("yield") {
                    let y = self.yield_expr()?;
                    self.expect(")")?;
                    return Ok(y);
                }
                let first = self.star_or_test()?;
                if self.is_kw("for") {
                    let comps = self.comp_clauses()?;
                    self.expect(")")?;
                    return Ok(mk(ExprKind::GenExp(Box::new(first), comps)));
                }
                if self.eat(")") {
                    if matches!(first.kind, ExprKind::Starred(_)) {
                        return Err(SyntaxError::new(
                            "cannot use starred expression here",
                            line,
                            col,
                        ));
                    }
                    // A parenthesized expression keeps its own position.
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat(",") {
                    if self.is(")") {
                        break;
                    }
                    items.push(self.star_or_test()?);
                }
                self.expect(")")?;
                Ok(mk(ExprKind::Tuple(items)))
            }
            Tok::Op("[") => {
                self.advance();
                if self.eat("]") {
                    return Ok(mk(ExprKind::List(Vec::new())));
                }
                let first = self.star_or_test()?;
                if self.is_kw("for") {
                    let comps = self.comp_clauses()?;
                    self.expect("]")?;
                    return Ok(mk(ExprKind::ListComp(Box::new(first), comps)));
                }
                let mut items = vec![first];
                while self.eat(",") {
                    if self.is("]") {
                        break;
                    }
                    items.push(self.star_or_test()?);
                }
                self.expect("]")?;
                Ok(mk(ExprKind::List(items)))
            }
            Tok::Op("{") => {
                self.advance();
                if self.eat("}") {
                    return Ok(mk(ExprKind::Dict(Vec::new())));
                }
                if self.eat("**") {
                    let v = self.or_expr()?;
                    let mut items = vec![(None, v)];
                    self.dict_rest(&mut items)?;
                    return Ok(mk(ExprKind::Dict(items)));
                }
                let first = self.star_or_test()?;
                if self.eat(":") {
                    let v = self.test()?;
                    if self.is_kw("for") {
                        let comps = self.comp_clauses()?;
                        self.expect("}")?;
                        return Ok(mk(ExprKind::DictComp(Box::new(first), Box::new(v), comps)));
                    }
                    let mut items = vec![(Some(first), v)];
                    self.dict_rest(&mut items)?;
                    return Ok(mk(ExprKind::Dict(items)));
                }
                if self.is_kw("for") {
                    let comps = self.comp_clauses()?;
                    self.expect("}")?;
                    return Ok(mk(ExprKind::SetComp(Box::new(first), comps)));
                }
                let mut items = vec![first];
                while self.eat(",") {
                    if self.is("}") {
                        break;
                    }
                    items.push(self.star_or_test()?);
                }
                self.expect("}")?;
                Ok(mk(ExprKind::Set(items)))
            }
            Tok::Indent => Err(SyntaxError::indent("unexpected indent", line, col)),
            Tok::Newline | Tok::End | Tok::Dedent => {
                if matches!(t, Tok::End) {
                    Err(self.err_here("invalid syntax"))
                } else {
                    Err(SyntaxError::new("invalid syntax", line, col))
                }
            }
            _ => Err(self.err_here("invalid syntax")),
        }
    }

    fn dict_rest(&mut self, items: &mut Vec<(Option<Expr>, Expr)>) -> PResult<()> {
        while self.eat(",") {
            if self.is("}") {
                break;
            }
            if self.eat("**") {
                let v = self.or_expr()?;
                items.push((None, v));
                continue;
            }
            let k = self.test()?;
            self.expect(":")?;
            let v = self.test()?;
            items.push((Some(k), v));
        }
        self.expect("}")
    }

    /// Adjacent string literals, concatenated; f-strings parsed into fields.
    fn strings(&mut self) -> PResult<Expr> {
        let (line, col) = (self.line(), self.col());
        let mut parts: Vec<FExpr> = Vec::new();
        let mut is_f = false;
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        loop {
            match self.peek().clone() {
                Tok::Str(s) => {
                    self.advance();
                    if bytes.is_some() {
                        return Err(SyntaxError::new(
                            "cannot mix bytes and nonbytes literals",
                            line,
                            col,
                        ));
                    }
                    saw_str = true;
                    push_lit(&mut parts, &s);
                }
                Tok::FStr(fp) => {
                    self.advance();
                    if bytes.is_some() {
                        return Err(SyntaxError::new(
                            "cannot mix bytes and nonbytes literals",
                            line,
                            col,
                        ));
                    }
                    saw_str = true;
                    is_f = true;
                    for p in fp {
                        let fe = self.fpart(p)?;
                        match fe {
                            FExpr::Lit(s) => push_lit(&mut parts, &s),
                            other => parts.push(other),
                        }
                    }
                }
                Tok::Bytes(b) => {
                    self.advance();
                    if saw_str {
                        return Err(SyntaxError::new(
                            "cannot mix bytes and nonbytes literals",
                            line,
                            col,
                        ));
                    }
                    bytes.get_or_insert_with(Vec::new).extend(b);
                }
                _ => break,
            }
        }
        let kind = if let Some(b) = bytes {
            ExprKind::Const(Const::Bytes(b))
        } else if is_f {
            ExprKind::JoinedStr(parts)
        } else {
            let s = match parts.pop() {
                Some(FExpr::Lit(s)) => s,
                _ => String::new(),
            };
            ExprKind::Const(Const::Str(s))
        };
        Ok(Expr {
            end: (0, 0),
            kind,
            line,
            col,
        })
    }

    fn fpart(&mut self, p: FPart) -> PResult<FExpr> {
        match p {
            FPart::Lit(s) => Ok(FExpr::Lit(s)),
            FPart::Expr {
                src,
                line,
                col,
                conv,
                spec,
                debug,
            } => {
                self.enter()?;
                let toks = tokenize_expr(&src, line, col)?;
                let mut sub = Parser {
                    toks,
                    pos: 0,
                    depth: self.depth,
                };
                let e = sub.star_expr_list_or_yield()?;
                if !sub.at_end() {
                    return Err(SyntaxError::new("f-string: invalid syntax", line, col));
                }
                let spec = match spec {
                    Some(ps) => {
                        let mut v = Vec::new();
                        for p in ps {
                            v.push(self.fpart(p)?);
                        }
                        Some(v)
                    }
                    None => None,
                };
                self.leave();
                let field = FExpr::Field {
                    value: Box::new(e),
                    conv,
                    spec,
                };
                if let Some(d) = debug {
                    // `{x=}` is the text, then the field.
                    return Ok(FExpr::Field {
                        value: Box::new(Expr {
                            end: (0, 0),
                            kind: ExprKind::JoinedStr(vec![FExpr::Lit(d), field]),
                            line,
                            col,
                        }),
                        conv: None,
                        spec: None,
                    });
                }
                Ok(field)
            }
        }
    }
}

fn push_lit(parts: &mut Vec<FExpr>, s: &str) {
    if let Some(FExpr::Lit(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(FExpr::Lit(s.to_string()));
    }
}

fn expr_desc(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call(..) => "function call",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(_) => "literal",
        ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::BoolOp(..) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(..) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::JoinedStr(_) => "f-string expression",
        _ => "expression",
    }
}

/// Checks that `e` may be assigned to.
fn check_target(e: &Expr, _in_for: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let mut stars = 0;
            for i in items {
                if matches!(i.kind, ExprKind::Starred(_)) {
                    stars += 1;
                }
                check_target(i, _in_for)?;
            }
            if stars > 1 {
                return Err(SyntaxError::new(
                    "multiple starred expressions in assignment",
                    e.line,
                    e.col,
                ));
            }
            Ok(())
        }
        ExprKind::Starred(inner) => check_target(inner, _in_for),
        _ => {
            let d = expr_desc(e);
            let msg = if matches!(
                e.kind,
                ExprKind::Const(Const::None | Const::True | Const::False)
            ) {
                format!("cannot assign to {d}")
            } else if matches!(
                e.kind,
                ExprKind::Compare(..)
                    | ExprKind::BinOp(..)
                    | ExprKind::Call(..)
                    | ExprKind::Const(_)
            ) {
                format!("cannot assign to {d} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {d}")
            };
            let mut err = SyntaxError::new(msg, e.line, e.col);
            if e.end.0 == e.line {
                err.end_col = Some(e.end.1);
            }
            Err(err)
        }
    }
}
