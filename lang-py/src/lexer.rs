//! The tokenizer: Python 3 source text to a token stream with NEWLINE,
//! INDENT and DEDENT already resolved (the "pre-lexer" of the issue).
//!
//! Implicit line joining inside brackets, backslash continuations, every
//! numeric literal form (with `_`), every string prefix (raw, bytes,
//! f-strings; single, double, triple quoted). F-strings are split here into
//! literal parts and the source text of their replacement fields, which the
//! parser parses as expressions. The lexer never panics: any malformed input
//! becomes a [`SyntaxError`]. It runs in one pass, linear in the input.

use num_bigint::BigInt;
use num_traits::Num;

use crate::errors::SyntaxError;

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    FStr(Vec<FPart>),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    Lit(String),
    Expr {
        /// The expression's source text.
        src: String,
        /// Line and column where `src` starts.
        line: u32,
        col: u32,
        /// `!r`, `!s`, `!a`.
        conv: Option<char>,
        /// The format spec, itself possibly with fields.
        spec: Option<Vec<FPart>>,
        /// `{x=}`: the text to print before the value.
        debug: Option<String>,
    },
}

/// A token with its position (1-based line, 0-based column).
#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    pub col: u32,
    /// Line and column just past the token.
    pub end: (u32, u32),
}

const OPS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    line: u32,
    line_start: usize,
    toks: Vec<Token>,
    indents: Vec<usize>,
    depth: Vec<(u8, u32, u32)>,
}

/// Tokenizes a whole module.
pub fn tokenize(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut lx = Lexer {
        src: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        toks: Vec::new(),
        indents: vec![0],
        depth: Vec::new(),
    };
    lx.run()?;
    Ok(lx.toks)
}

/// Tokenizes one expression (an f-string field): no indentation processing.
pub fn tokenize_expr(text: &str, line: u32, col: u32) -> Result<Vec<Token>, SyntaxError> {
    let mut lx = Lexer {
        src: text.as_bytes(),
        text,
        pos: 0,
        line,
        line_start: 0,
        toks: Vec::new(),
        indents: vec![0],
        depth: vec![(b'(', line, col)],
    };
    // Inside an f-string field newlines are joined as within brackets.
    while lx.pos < lx.src.len() {
        lx.token()?;
    }
    for t in &mut lx.toks {
        if t.line == line {
            t.col += col;
        }
        if t.end.0 == line {
            t.end.1 += col;
        }
    }
    let l = lx.line;
    lx.toks.push(Token {
        tok: Tok::End,
        line: l,
        col: 0,
        end: (l, 0),
    });
    Ok(lx.toks)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}
fn is_id_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Lexer<'a> {
    fn err(&self, msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError::new(msg, line, col)
    }
    fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32
    }
    fn peek(&self, k: usize) -> u8 {
        *self.src.get(self.pos + k).unwrap_or(&0)
    }
    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        let end = (self.line, self.col());
        self.toks.push(Token {
            tok,
            line,
            col,
            end,
        });
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut at_line_start = true;
        while self.pos < self.src.len() {
            if at_line_start && self.depth.is_empty() {
                at_line_start = false;
                // Measure indentation.
                let mut width = 0usize;
                let start = self.pos;
                while self.pos < self.src.len() {
                    match self.src[self.pos] {
                        b' ' => width += 1,
                        b'\t' => width = (width / 8 + 1) * 8,
                        b'\x0c' => width = 0,
                        _ => break,
                    }
                    self.pos += 1;
                }
                let c = self.peek(0);
                if c == b'#' || c == b'\n' || c == b'\r' || self.pos >= self.src.len() {
                    // Blank or comment-only line: no indentation change.
                    if c == b'#' {
                        while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                            self.pos += 1;
                        }
                    }
                    if self.pos < self.src.len() {
                        self.newline_char();
                        at_line_start = true;
                    }
                    continue;
                }
                if c == b'\\' && (self.peek(1) == b'\n' || self.peek(1) == b'\r') {
                    // A continuation at the start of a line keeps the indentation of what follows.
                }
                let _ = start;
                let cur = *self.indents.last().unwrap_or(&0);
                let col = self.col();
                if width > cur {
                    if self.toks.is_empty() {
                        return Err(SyntaxError::indent("unexpected indent", self.line, col));
                    }
                    self.indents.push(width);
                    let l = self.line;
                    self.push(Tok::Indent, l, col);
                } else if width < cur {
                    while *self.indents.last().unwrap_or(&0) > width {
                        self.indents.pop();
                        let l = self.line;
                        self.push(Tok::Dedent, l, col);
                    }
                    if *self.indents.last().unwrap_or(&0) != width {
                        let end = self.text[self.pos..]
                            .find('\n')
                            .map(|i| self.pos + i)
                            .unwrap_or(self.text.len());
                        let line_len = self.text[self.line_start..end].trim_end().len() as u32;
                        return Err(SyntaxError::indent(
                            "unindent does not match any outer indentation level",
                            self.line,
                            line_len,
                        ));
                    }
                }
                continue;
            }
            let c = self.peek(0);
            if c == b'\n' || c == b'\r' {
                if self.depth.is_empty() {
                    if !matches!(self.toks.last().map(|t| &t.tok), Some(Tok::Newline) | None) {
                        let (l, col) = (self.line, self.col());
                        self.push(Tok::Newline, l, col);
                    }
                    at_line_start = true;
                }
                self.newline_char();
                continue;
            }
            self.token()?;
        }
        if let Some(&(b, l, c)) = self.depth.last() {
            return Err(self.err(format!("'{}' was never closed", b as char), l, c));
        }
        let (l, col) = (self.line, self.col());
        if !matches!(self.toks.last().map(|t| &t.tok), Some(Tok::Newline) | None) {
            self.push(Tok::Newline, l, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, l, 0);
        }
        self.push(Tok::End, l, 0);
        Ok(())
    }

    fn newline_char(&mut self) {
        if self.peek(0) == b'\r' && self.peek(1) == b'\n' {
            self.pos += 1;
        }
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    /// Lexes one token (or skips whitespace, a comment or a continuation).
    fn token(&mut self) -> Result<(), SyntaxError> {
        let c = self.peek(0);
        let (line, col) = (self.line, self.col());
        match c {
            b' ' | b'\t' | b'\x0c' => {
                self.pos += 1;
            }
            b'\n' | b'\r' => {
                // Only reached inside brackets or f-string fields.
                self.newline_char();
            }
            b'#' => {
                while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                    self.pos += 1;
                }
            }
            b'\\' => {
                if self.peek(1) == b'\n' || self.peek(1) == b'\r' {
                    self.pos += 1;
                    self.newline_char();
                    if self.pos >= self.src.len() {
                        return Err(self.err("unexpected EOF while parsing", line, col));
                    }
                } else {
                    return Err(self.err(
                        "unexpected character after line continuation character",
                        line,
                        col,
                    ));
                }
            }
            b'0'..=b'9' => self.number()?,
            b'.' if self.peek(1).is_ascii_digit() => self.number()?,
            b'"' | b'\'' => self.string(String::new(), line, col)?,
            _ => {
                let ch = self.text[self.pos..].chars().next().unwrap_or('\0');
                if is_id_start(ch) {
                    let start = self.pos;
                    while self.pos < self.src.len() {
                        let ch = self.text[self.pos..].chars().next().unwrap_or('\0');
                        if !is_id_char(ch) {
                            break;
                        }
                        self.pos += ch.len_utf8();
                    }
                    let word = &self.text[start..self.pos];
                    let q = self.peek(0);
                    if (q == b'"' || q == b'\'') && word.len() <= 2 {
                        let lw = word.to_ascii_lowercase();
                        if matches!(
                            lw.as_str(),
                            "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf"
                        ) {
                            return self.string(lw, line, col);
                        }
                    }
                    self.push(Tok::Name(word.to_string()), line, col);
                    return Ok(());
                }
                for op in OPS {
                    if self.src[self.pos..].starts_with(op.as_bytes()) {
                        self.pos += op.len();
                        match *op {
                            "(" | "[" | "{" => self.depth.push((op.as_bytes()[0], line, col)),
                            ")" | "]" | "}" => {
                                let open = match *op {
                                    ")" => b'(',
                                    "]" => b'[',
                                    _ => b'{',
                                };
                                match self.depth.pop() {
                                    Some((o, _, _)) if o == open => {}
                                    Some((o, l, c2)) => {
                                        let msg = if l == line {
                                            format!(
                                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                                op, o as char
                                            )
                                        } else {
                                            format!(
                                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                                op, o as char, l
                                            )
                                        };
                                        let _ = c2;
                                        return Err(self.err(msg, line, col));
                                    }
                                    None => {
                                        return Err(self.err(
                                            format!("unmatched '{}'", op),
                                            line,
                                            col,
                                        ))
                                    }
                                }
                            }
                            _ => {}
                        }
                        self.push(Tok::Op(op), line, col);
                        return Ok(());
                    }
                }
                if ch == '!' {
                    return Err(self.err("invalid syntax", line, col));
                }
                let msg = if ch.is_ascii() && !ch.is_ascii_control() {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                } else if ch.is_ascii_control() {
                    "invalid non-printable character U+".to_string() + &format!("{:04X}", ch as u32)
                } else {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                };
                return Err(self.err(msg, line, col));
            }
        }
        Ok(())
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let (line, col) = (self.line, self.col());
        let start = self.pos;
        let c1 = self.peek(1) | 0x20;
        if self.peek(0) == b'0' && (c1 == b'x' || c1 == b'o' || c1 == b'b') {
            self.pos += 2;
            let radix = match c1 {
                b'x' => 16,
                b'o' => 8,
                _ => 2,
            };
            let ds = self.pos;
            while self.pos < self.src.len()
                && (self.src[self.pos].is_ascii_alphanumeric() || self.src[self.pos] == b'_')
            {
                self.pos += 1;
            }
            let digits = &self.text[ds..self.pos];
            let clean = clean_digits(digits, true)
                .ok_or_else(|| self.err("invalid decimal literal", line, col))?;
            let v = BigInt::from_str_radix(&clean, radix).map_err(|_| {
                let kind = match radix {
                    16 => "hexadecimal",
                    8 => "octal",
                    _ => "binary",
                };
                self.err(format!("invalid {kind} literal"), line, col)
            })?;
            self.push(Tok::Int(v), line, col);
            return Ok(());
        }
        let mut is_float = false;
        while self.peek(0).is_ascii_digit() || self.peek(0) == b'_' {
            self.pos += 1;
        }
        if self.peek(0) == b'.' {
            is_float = true;
            self.pos += 1;
            while self.peek(0).is_ascii_digit() || self.peek(0) == b'_' {
                self.pos += 1;
            }
        }
        if self.peek(0) | 0x20 == b'e' {
            let save = self.pos;
            self.pos += 1;
            if self.peek(0) == b'+' || self.peek(0) == b'-' {
                self.pos += 1;
            }
            if self.peek(0).is_ascii_digit() {
                is_float = true;
                while self.peek(0).is_ascii_digit() || self.peek(0) == b'_' {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text = &self.text[start..self.pos];
        let clean = clean_digits(text, false)
            .ok_or_else(|| self.err("invalid decimal literal", line, col))?;
        if self.peek(0) | 0x20 == b'j' {
            self.pos += 1;
            let v: f64 = clean
                .parse()
                .map_err(|_| self.err("invalid imaginary literal", line, col))?;
            self.push(Tok::Imag(v), line, col);
            return Ok(());
        }
        if self.peek(0).is_ascii_alphabetic() || self.peek(0) == b'_' {
            return Err(self.err("invalid decimal literal", line, col));
        }
        if is_float {
            let v: f64 = clean
                .parse()
                .map_err(|_| self.err("invalid decimal literal", line, col))?;
            self.push(Tok::Float(v), line, col);
        } else {
            if clean.len() > 1 && clean.starts_with('0') && clean.bytes().any(|b| b != b'0') {
                return Err(self.err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            let v = BigInt::from_str_radix(&clean, 10)
                .map_err(|_| self.err("invalid decimal literal", line, col))?;
            self.push(Tok::Int(v), line, col);
        }
        Ok(())
    }

    /// Lexes a string literal whose (lowercased) prefix has been consumed.
    fn string(&mut self, prefix: String, line: u32, col: u32) -> Result<(), SyntaxError> {
        let raw = prefix.contains('r');
        let bytes = prefix.contains('b');
        let fstr = prefix.contains('f');
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.pos += if triple { 3 } else { 1 };
        let body_start = self.pos;
        let body_line = self.line;
        let body_col = self.col();
        // Find the end, honouring backslash escapes.
        loop {
            if self.pos >= self.src.len() {
                return Err(if triple {
                    self.err(
                        "unterminated triple-quoted string literal (detected at line ".to_string()
                            + &format!("{})", self.line),
                        line,
                        col,
                    )
                } else {
                    self.err(
                        format!("unterminated string literal (detected at line {})", line),
                        line,
                        col,
                    )
                });
            }
            let c = self.src[self.pos];
            if c == b'\\' {
                self.pos += 1;
                if self.pos < self.src.len() {
                    if self.src[self.pos] == b'\n' || self.src[self.pos] == b'\r' {
                        self.newline_char();
                    } else {
                        self.pos += 1;
                    }
                }
                continue;
            }
            if c == b'\n' || c == b'\r' {
                if !triple {
                    return Err(self.err(
                        format!("unterminated string literal (detected at line {})", line),
                        line,
                        col,
                    ));
                }
                self.newline_char();
                continue;
            }
            if c == q {
                if !triple {
                    break;
                }
                if self.peek(1) == q && self.peek(2) == q {
                    break;
                }
            }
            self.pos += 1;
        }
        let body = &self.text[body_start..self.pos];
        self.pos += if triple { 3 } else { 1 };
        if fstr {
            let parts = parse_fstring(body, raw, body_line, body_col)?;
            self.push(Tok::FStr(parts), line, col);
        } else if bytes {
            if body.bytes().any(|b| b >= 0x80) {
                return Err(self.err("bytes can only contain ASCII literal characters", line, col));
            }
            let s = if raw {
                body.to_string()
            } else {
                unescape(body, true).map_err(|m| self.err(m, line, col))?
            };
            let b: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            self.push(Tok::Bytes(b), line, col);
        } else {
            let s = if raw {
                body.to_string()
            } else {
                unescape(body, false).map_err(|m| self.err(m, line, col))?
            };
            self.push(Tok::Str(s), line, col);
        }
        Ok(())
    }
}

fn clean_digits(s: &str, allow_leading_underscore: bool) -> Option<String> {
    if s.is_empty() || s.ends_with('_') || s.contains("__") {
        return None;
    }
    if s.starts_with('_') && !allow_leading_underscore {
        return None;
    }
    let b = s.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'_' {
            // An underscore must sit between digits.
            let prev = if i > 0 { b[i - 1] } else { b'0' };
            let next = *b.get(i + 1).unwrap_or(&b'.');
            if !prev.is_ascii_alphanumeric() || !next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    Some(s.replace('_', ""))
}

/// Decodes the escapes of a non-raw string body. In bytes mode `\u` and `\N` are literal.
pub fn unescape(s: &str, bytes: bool) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = it.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match it.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for _ in 0..n {
                    match it.next().and_then(|c| c.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => {
                            return Err(format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\{}{} escape",
                                e,
                                "X".repeat(n)
                            ))
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(c) => out.push(c),
                    None => return Err("(unicode error) illegal Unicode character".into()),
                }
            }
            'N' if !bytes => {
                // \N{NAME}: a few common names only.
                if it.next() != Some('{') {
                    return Err("(unicode error) malformed \\N character escape".into());
                }
                let mut name = String::new();
                for c in it.by_ref() {
                    if c == '}' {
                        break;
                    }
                    name.push(c);
                }
                let c = match name.to_ascii_uppercase().as_str() {
                    "BULLET" => '\u{2022}',
                    "EM DASH" => '\u{2014}',
                    "EN DASH" => '\u{2013}',
                    "GREEK SMALL LETTER ALPHA" => '\u{3b1}',
                    "DEGREE SIGN" => '\u{b0}',
                    "SPACE" => ' ',
                    _ => return Err("(unicode error) unknown Unicode character name".into()),
                };
                out.push(c);
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Splits an f-string body into literal parts and replacement fields.
fn parse_fstring(body: &str, raw: bool, line: u32, col: u32) -> Result<Vec<FPart>, SyntaxError> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    let mut cur_line = line;
    let mut line_start_col: i64 = -(col as i64);
    let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> Result<(), SyntaxError> {
        if !lit.is_empty() {
            let s = if raw {
                std::mem::take(lit)
            } else {
                unescape(&std::mem::take(lit), false).map_err(|m| SyntaxError::new(m, line, col))?
            };
            parts.push(FPart::Lit(s));
        }
        Ok(())
    };
    while i < chars.len() {
        let (off, c) = chars[i];
        if c == '\n' {
            cur_line += 1;
            line_start_col = off as i64 + 1;
        }
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1].1 == '{' {
                lit.push('{');
                i += 2;
                continue;
            }
            flush(&mut lit, &mut parts)?;
            let (part, next) = parse_field(body, &chars, i + 1, raw, cur_line, {
                let c = off as i64 + 1 - line_start_col;
                c.max(0) as u32
            })?;
            parts.push(part);
            i = next;
            continue;
        }
        if c == '}' {
            if i + 1 < chars.len() && chars[i + 1].1 == '}' {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(SyntaxError::new(
                "f-string: single '}' is not allowed",
                line,
                col,
            ));
        }
        if c == '\\' && !raw && i + 1 < chars.len() {
            lit.push(c);
            lit.push(chars[i + 1].1);
            i += 2;
            continue;
        }
        lit.push(c);
        i += 1;
    }
    flush(&mut lit, &mut parts)?;
    Ok(parts)
}

/// Parses a replacement field starting after its `{`; returns the part and the index after `}`.
fn parse_field(
    body: &str,
    chars: &[(usize, char)],
    start: usize,
    raw: bool,
    line: u32,
    col: u32,
) -> Result<(FPart, usize), SyntaxError> {
    let err = |m: &str| SyntaxError::new(format!("f-string: {m}"), line, col);
    let mut i = start;
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    // Find the end of the expression: a top-level `!`, `:`, `=` (debug) or `}`.
    while i < chars.len() {
        let c = chars[i].1;
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            '}' | ':' if depth == 0 => break,
            '!' if depth == 0 && chars.get(i + 1).map(|x| x.1) != Some('=') => break,
            '=' if depth == 0 => {
                let prev = if i > start { chars[i - 1].1 } else { ' ' };
                let next = chars.get(i + 1).map(|x| x.1).unwrap_or(' ');
                if !matches!(prev, '=' | '!' | '<' | '>') && next != '=' {
                    break;
                }
            }
            '#' => return Err(err("expression part cannot include '#'")),
            _ => {}
        }
        i += 1;
    }
    if i >= chars.len() {
        return Err(err("expecting '}'"));
    }
    let off = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(body.len());
    let expr_src = &body[off(start)..off(i)];
    if expr_src.trim().is_empty() {
        return Err(err("valid expression required before '}'"));
    }
    let mut debug = None;
    if chars[i].1 == '=' {
        debug = Some(body[off(start)..off(i + 1)].to_string());
        i += 1;
        // Whitespace after '=' belongs to the debug text.
        while i < chars.len() && chars[i].1 == ' ' {
            debug.as_mut().unwrap().push(' ');
            i += 1;
        }
    }
    let mut conv = None;
    if i < chars.len() && chars[i].1 == '!' {
        let c = chars.get(i + 1).map(|x| x.1).unwrap_or(' ');
        if !matches!(c, 's' | 'r' | 'a') {
            return Err(err(
                "invalid conversion character: expected 's', 'r', or 'a'",
            ));
        }
        conv = Some(c);
        i += 2;
    }
    let mut spec = None;
    if i < chars.len() && chars[i].1 == ':' {
        i += 1;
        let mut sparts = Vec::new();
        let mut lit = String::new();
        while i < chars.len() && chars[i].1 != '}' {
            if chars[i].1 == '{' {
                if !lit.is_empty() {
                    sparts.push(FPart::Lit(std::mem::take(&mut lit)));
                }
                let (p, n) = parse_field(body, chars, i + 1, raw, line, col)?;
                sparts.push(p);
                i = n;
                continue;
            }
            lit.push(chars[i].1);
            i += 1;
        }
        if !lit.is_empty() {
            sparts.push(FPart::Lit(lit));
        }
        spec = Some(sparts);
    }
    if i >= chars.len() || chars[i].1 != '}' {
        return Err(err("expecting '}'"));
    }
    if debug.is_some() && conv.is_none() && spec.is_none() {
        conv = Some('r');
    }
    Ok((
        FPart::Expr {
            src: expr_src.to_string(),
            line,
            col,
            conv,
            spec,
            debug,
        },
        i + 1,
    ))
}
