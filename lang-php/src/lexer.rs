//! The PHP lexer: inline HTML outside `<?php ... ?>`, `<?=`, the brace form
//! `<?php{ ... }?>`, literals, comments, and double-quoted / heredoc strings
//! split into interpolation parts.
//!
//! The lexer never panics: malformed input becomes a [`LexError`] with the
//! line php would report.

/// One part of an interpolated string.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Literal text.
    Lit(String),
    /// `$name`.
    Var(String),
    /// `$name[key]` (simple syntax): the key as a literal token (int, bare word or variable).
    VarIndex(String, IndexKey),
    /// `$name->prop`.
    VarProp(String, String),
    /// `{$ ... }` or `${ ... }`: the tokens of the expression.
    Expr(Vec<Token>),
}

/// The key of a simple `"$a[key]"` interpolation.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexKey {
    Int(i64),
    Str(String),
    Var(String),
}

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    InlineHtml(String),
    /// `<?=`: an implicit `echo`.
    OpenEcho,
    /// `?>`: acts as `;`.
    CloseTag,
    Var(String),
    Ident(String),
    Int(i64),
    Float(f64),
    Str(String),
    Interp(Vec<Part>),
    /// `(int)`, `(string)` ...: the normalised type name.
    Cast(&'static str),
    Op(&'static str),
    Eof,
}

/// A token with its line.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
}

/// A lexing error: message and line, as in `PHP Parse error: MSG in FILE on line N`.
#[derive(Clone, Debug)]
pub struct LexError {
    pub msg: String,
    pub line: u32,
}

const OPS: &[&str] = &[
    "<<=", ">>=", "**=", "...", "<=>", "===", "!==", "??=", "?->", "++", "--", "->", "=>", "::",
    "==", "!=", "<>", "<=", ">=", "&&", "||", "??", "+=", "-=", "*=", "/=", ".=", "%=", "&=", "|=",
    "^=", "<<", ">>", "**", "+", "-", "*", "/", "%", "=", "<", ">", "!", ".", "(", ")", "[", "]",
    "{", "}", ",", ";", "?", ":", "&", "|", "^", "~", "@", "$", "\\", "#",
];

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
    out: Vec<Token>,
}

/// Tokenises a whole PHP file (starting in inline-HTML mode).
pub fn lex(src: &str) -> Result<Vec<Token>, LexError> {
    // The lexer reads the PHP bytes the text stands for (see `bytes`).
    let raw = crate::bytes::encode(src);
    let mut lx = Lexer {
        src: &raw,
        pos: 0,
        line: 1,
        out: Vec::new(),
    };
    lx.run(false)?;
    let line = lx.line;
    lx.out.push(Token {
        tok: Tok::Eof,
        line,
    });
    Ok(lx.out)
}

/// Tokenises PHP code without an opening tag (for `php -r` and interpolations).
pub fn lex_code(src: &str, line: u32) -> Result<Vec<Token>, LexError> {
    // The lexer reads the PHP bytes the text stands for (see `bytes`).
    let raw = crate::bytes::encode(src);
    let mut lx = Lexer {
        src: &raw,
        pos: 0,
        line,
        out: Vec::new(),
    };
    lx.run(true)?;
    let line = lx.line;
    lx.out.push(Token {
        tok: Tok::Eof,
        line,
    });
    Ok(lx.out)
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}
fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'a> Lexer<'a> {
    fn peek(&self, off: usize) -> u8 {
        *self.src.get(self.pos + off).unwrap_or(&0)
    }
    fn starts(&self, s: &str) -> bool {
        // A byte loop: the strings are short and most tests fail at the
        // first byte (a `memcmp` call each was a tenth of lexing).
        let rest = &self.src[self.pos..];
        rest.len() >= s.len() && s.bytes().zip(rest).all(|(a, &b)| a == b)
    }
    #[allow(dead_code)]
    fn starts_ci(&self, s: &str) -> bool {
        let n = s.len();
        self.pos + n <= self.src.len()
            && self.src[self.pos..self.pos + n].eq_ignore_ascii_case(s.as_bytes())
    }
    fn push(&mut self, tok: Tok, line: u32) {
        self.out.push(Token { tok, line });
    }
    fn text(&self, a: usize, b: usize) -> String {
        crate::bytes::decode(&self.src[a..b])
    }
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, LexError> {
        Err(LexError {
            msg: msg.into(),
            line: self.line,
        })
    }

    fn run(&mut self, mut in_code: bool) -> Result<(), LexError> {
        loop {
            if !in_code {
                // Inline HTML up to the next open tag.
                let start = self.pos;
                let line = self.line;
                let mut found = None;
                while self.pos < self.src.len() {
                    if self.starts("<?php") {
                        let c = self.peek(5);
                        if c == 0 || c.is_ascii_whitespace() || c == b'{' {
                            found = Some(if c == b'{' {
                                5
                            } else if c == 0 {
                                5
                            } else {
                                6
                            });
                            break;
                        }
                    }
                    if self.starts("<?=") {
                        found = Some(3);
                        break;
                    }
                    if self.src[self.pos] == b'\n' {
                        self.line += 1;
                    }
                    self.pos += 1;
                }
                if self.pos > start {
                    let t = self.text(start, self.pos);
                    self.push(Tok::InlineHtml(t), line);
                }
                let Some(n) = found else { return Ok(()) };
                let echo = self.starts("<?=");
                if n == 6 && self.src[self.pos + 5] == b'\n' {
                    self.line += 1;
                }
                self.pos += n;
                if echo {
                    let l = self.line;
                    self.push(Tok::OpenEcho, l);
                }
                in_code = true;
            }
            // PHP code.
            self.skip_ws_comments()?;
            if self.pos >= self.src.len() {
                return Ok(());
            }
            if self.starts("?>") {
                let l = self.line;
                self.pos += 2;
                // A single newline directly after ?> is swallowed.
                if self.peek(0) == b'\n' {
                    self.pos += 1;
                    self.line += 1;
                } else if self.peek(0) == b'\r' && self.peek(1) == b'\n' {
                    self.pos += 2;
                    self.line += 1;
                }
                self.push(Tok::CloseTag, l);
                in_code = false;
                continue;
            }
            self.token()?;
        }
    }

    fn skip_ws_comments(&mut self) -> Result<(), LexError> {
        loop {
            let c = self.peek(0);
            if c == b'\n' {
                self.line += 1;
                self.pos += 1;
            } else if c.is_ascii_whitespace() {
                self.pos += 1;
            } else if c == b'#' && self.peek(1) != b'[' || (c == b'/' && self.peek(1) == b'/') {
                while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                    if self.starts("?>") {
                        return Ok(());
                    }
                    self.pos += 1;
                }
            } else if c == b'#' && self.peek(1) == b'[' {
                // Attribute: skip to the matching ']'.
                let mut depth = 0;
                while self.pos < self.src.len() {
                    match self.src[self.pos] {
                        b'[' => depth += 1,
                        b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                break;
                            }
                        }
                        b'\n' => self.line += 1,
                        _ => {}
                    }
                    self.pos += 1;
                }
            } else if c == b'/' && self.peek(1) == b'*' {
                let start_line = self.line;
                self.pos += 2;
                loop {
                    if self.pos >= self.src.len() {
                        return Err(LexError {
                            msg: "Unterminated comment starting line ".to_string()
                                + &start_line.to_string(),
                            line: start_line,
                        });
                    }
                    if self.starts("*/") {
                        self.pos += 2;
                        break;
                    }
                    if self.src[self.pos] == b'\n' {
                        self.line += 1;
                    }
                    self.pos += 1;
                }
            } else {
                return Ok(());
            }
        }
    }

    fn token(&mut self) -> Result<(), LexError> {
        let c = self.peek(0);
        let line = self.line;
        if c == b'$' && is_ident_start(self.peek(1)) {
            self.pos += 1;
            let s = self.pos;
            while is_ident(self.peek(0)) {
                self.pos += 1;
            }
            let t = self.text(s, self.pos);
            self.push(Tok::Var(t), line);
            return Ok(());
        }
        if is_ident_start(c) || (c == b'\\' && is_ident_start(self.peek(1))) {
            let s = self.pos;
            if c == b'\\' {
                self.pos += 1;
            }
            loop {
                while is_ident(self.peek(0)) {
                    self.pos += 1;
                }
                if self.peek(0) == b'\\' && is_ident_start(self.peek(1)) {
                    self.pos += 1;
                    continue;
                }
                break;
            }
            let mut t = self.text(s, self.pos);
            // Namespaces are flattened: \Foo\Bar is Bar.
            if let Some(i) = t.rfind('\\') {
                t = t[i + 1..].to_string();
            }
            if t.eq_ignore_ascii_case("b") && matches!(self.peek(0), b'\'' | b'"') {
                return self.token();
            }
            self.push(Tok::Ident(t), line);
            return Ok(());
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
            return self.number();
        }
        if c == b'\'' {
            return self.single_quoted();
        }
        if c == b'"' {
            self.pos += 1;
            let parts = self.interp_body(Some(b'"'))?;
            self.push_parts(parts, line);
            return Ok(());
        }
        if c == b'`' {
            return self.err("syntax error, unexpected character 0x60");
        }
        if self.starts("<<<") {
            return self.heredoc();
        }
        if c == b'(' {
            if let Some(t) = self.cast() {
                self.push(Tok::Cast(t), line);
                return Ok(());
            }
        }
        for op in OPS {
            // Most operators are told apart by their first byte: the
            // longest-first scan only compares those that start with `c`.
            if op.as_bytes()[0] == c && self.starts(op) {
                self.pos += op.len();
                self.push(Tok::Op(op), line);
                return Ok(());
            }
        }
        let shown = if c.is_ascii_graphic() {
            format!("\"{}\"", c as char)
        } else {
            format!("character 0x{:02X}", c)
        };
        self.err(format!("syntax error, unexpected {shown}"))
    }

    fn cast(&mut self) -> Option<&'static str> {
        let mut i = self.pos + 1;
        while i < self.src.len() && (self.src[i] == b' ' || self.src[i] == b'\t') {
            i += 1;
        }
        let s = i;
        while i < self.src.len() && self.src[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = String::from_utf8_lossy(&self.src[s..i]).to_ascii_lowercase();
        while i < self.src.len() && (self.src[i] == b' ' || self.src[i] == b'\t') {
            i += 1;
        }
        if i >= self.src.len() || self.src[i] != b')' {
            return None;
        }
        let t = match word.as_str() {
            "int" | "integer" => "int",
            "bool" | "boolean" => "bool",
            "float" | "double" | "real" => "float",
            "string" | "binary" => "string",
            "array" => "array",
            "object" => "object",
            "unset" => "unset",
            _ => return None,
        };
        self.pos = i + 1;
        Some(t)
    }

    fn number(&mut self) -> Result<(), LexError> {
        let line = self.line;
        let s = self.pos;
        let c1 = self.peek(1);
        if self.peek(0) == b'0' && matches!(c1, b'x' | b'X' | b'b' | b'B' | b'o' | b'O') {
            self.pos += 2;
            let radix = match c1 {
                b'x' | b'X' => 16,
                b'b' | b'B' => 2,
                _ => 8,
            };
            let ds = self.pos;
            while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == b'_' {
                self.pos += 1;
            }
            let digits: String = self.text(ds, self.pos).replace('_', "");
            return match i64::from_str_radix(&digits, radix) {
                Ok(v) => {
                    self.push(Tok::Int(v), line);
                    Ok(())
                }
                Err(_) => {
                    // Overflow becomes a float, like php.
                    let mut f = 0.0f64;
                    for ch in digits.chars() {
                        match ch.to_digit(radix) {
                            Some(d) => f = f * radix as f64 + d as f64,
                            None => return self.err("Invalid numeric literal"),
                        }
                    }
                    self.push(Tok::Float(f), line);
                    Ok(())
                }
            };
        }
        let mut is_float = false;
        while self.peek(0).is_ascii_digit()
            || (self.peek(0) == b'_' && self.peek(1).is_ascii_digit())
        {
            self.pos += 1;
        }
        if self.peek(0) == b'.' && self.peek(1).is_ascii_digit()
            || (self.peek(0) == b'.' && !matches!(self.peek(1), b'.' | b'=') && self.pos > s)
        {
            is_float = true;
            self.pos += 1;
            while self.peek(0).is_ascii_digit()
                || (self.peek(0) == b'_' && self.peek(1).is_ascii_digit())
            {
                self.pos += 1;
            }
        }
        if matches!(self.peek(0), b'e' | b'E')
            && (self.peek(1).is_ascii_digit()
                || (matches!(self.peek(1), b'+' | b'-') && self.peek(2).is_ascii_digit()))
        {
            is_float = true;
            self.pos += 2;
            while self.peek(0).is_ascii_digit() {
                self.pos += 1;
            }
        }
        let t = self.text(s, self.pos).replace('_', "");
        if !is_float {
            // Leading 0: octal.
            if t.len() > 1 && t.starts_with('0') {
                if let Ok(v) = i64::from_str_radix(&t[1..], 8) {
                    self.push(Tok::Int(v), line);
                    return Ok(());
                }
                return self.err("Invalid numeric literal");
            }
            if let Ok(v) = t.parse::<i64>() {
                self.push(Tok::Int(v), line);
                return Ok(());
            }
        }
        let f: f64 = t.parse().unwrap_or(0.0);
        self.push(Tok::Float(f), line);
        Ok(())
    }

    fn single_quoted(&mut self) -> Result<(), LexError> {
        let line = self.line;
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            if self.pos >= self.src.len() {
                return Err(LexError {
                    msg: "syntax error, unexpected end of file".into(),
                    line: self.line,
                });
            }
            let c = self.src[self.pos];
            if c == b'\'' {
                self.pos += 1;
                break;
            }
            if c == b'\\' && matches!(self.peek(1), b'\'' | b'\\') {
                out.push(self.peek(1));
                self.pos += 2;
                continue;
            }
            if c == b'\n' {
                self.line += 1;
            }
            out.push(c);
            self.pos += 1;
        }
        self.push(Tok::Str(crate::bytes::decode(&out)), line);
        Ok(())
    }

    fn push_parts(&mut self, parts: Vec<Part>, line: u32) {
        if parts.iter().all(|p| matches!(p, Part::Lit(_))) {
            let s: String = parts
                .into_iter()
                .map(|p| match p {
                    Part::Lit(s) => s,
                    _ => String::new(),
                })
                .collect();
            self.push(Tok::Str(s), line);
        } else {
            self.push(Tok::Interp(parts), line);
        }
    }

    /// Reads an interpolated body up to `end` (a quote), or, for heredocs
    /// (`end == None`), the whole of `self.src` from `pos`.
    fn interp_body(&mut self, end: Option<u8>) -> Result<Vec<Part>, LexError> {
        let mut parts = Vec::new();
        let mut lit: Vec<u8> = Vec::new();
        let start_line = self.line;
        loop {
            if self.pos >= self.src.len() {
                if end.is_none() {
                    break;
                }
                return Err(LexError {
                    msg: "syntax error, unexpected end of file, expecting variable or \"${\" or \"{$\""
                        .into(),
                    line: start_line.max(self.line),
                });
            }
            let c = self.src[self.pos];
            if Some(c) == end {
                self.pos += 1;
                break;
            }
            if c == b'\\' {
                let n = self.peek(1);
                self.pos += 2;
                match n {
                    b'n' => lit.push(b'\n'),
                    b't' => lit.push(b'\t'),
                    b'r' => lit.push(b'\r'),
                    b'v' => lit.push(0x0b),
                    b'e' => lit.push(0x1b),
                    b'f' => lit.push(0x0c),
                    b'0'..=b'7' => {
                        let mut v: u32 = (n - b'0') as u32;
                        let mut k = 0;
                        while k < 2 && (b'0'..=b'7').contains(&self.peek(0)) {
                            v = v * 8 + (self.peek(0) - b'0') as u32;
                            self.pos += 1;
                            k += 1;
                        }
                        lit.push((v & 0xff) as u8);
                    }
                    b'x' if self.peek(0).is_ascii_hexdigit() => {
                        let mut v: u32 = 0;
                        let mut k = 0;
                        while k < 2 && self.peek(0).is_ascii_hexdigit() {
                            v = v * 16 + (self.peek(0) as char).to_digit(16).unwrap_or(0);
                            self.pos += 1;
                            k += 1;
                        }
                        lit.push(v as u8);
                    }
                    b'u' if self.peek(0) == b'{' => {
                        let s = self.pos + 1;
                        let mut i = s;
                        while i < self.src.len() && self.src[i].is_ascii_hexdigit() {
                            i += 1;
                        }
                        if i < self.src.len() && self.src[i] == b'}' {
                            let hex = self.text(s, i);
                            let cp = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
                            let mut b = [0u8; 4];
                            lit.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                            self.pos = i + 1;
                        } else {
                            lit.extend_from_slice(b"\\u");
                        }
                    }
                    b'\\' => lit.push(b'\\'),
                    b'$' => lit.push(b'$'),
                    b'"' if end == Some(b'"') => lit.push(b'"'),
                    0 => lit.push(b'\\'),
                    other => {
                        if other == b'\n' {
                            self.line += 1;
                        }
                        lit.push(b'\\');
                        lit.push(other);
                    }
                }
                continue;
            }
            if c == b'$' && is_ident_start(self.peek(1)) {
                flush(&mut parts, &mut lit);
                self.pos += 1;
                let s = self.pos;
                while is_ident(self.peek(0)) {
                    self.pos += 1;
                }
                let name = self.text(s, self.pos);
                if self.peek(0) == b'[' {
                    // Simple array index.
                    let save = self.pos;
                    self.pos += 1;
                    let key = if self.peek(0) == b'$' && is_ident_start(self.peek(1)) {
                        self.pos += 1;
                        let s = self.pos;
                        while is_ident(self.peek(0)) {
                            self.pos += 1;
                        }
                        Some(IndexKey::Var(self.text(s, self.pos)))
                    } else if self.peek(0).is_ascii_digit()
                        || (self.peek(0) == b'-' && self.peek(1).is_ascii_digit())
                    {
                        let s = self.pos;
                        self.pos += 1;
                        while self.peek(0).is_ascii_digit() {
                            self.pos += 1;
                        }
                        let t = self.text(s, self.pos);
                        match t.parse::<i64>() {
                            Ok(v)
                                if !(t.starts_with('0') && t.len() > 1) && !t.starts_with("-0") =>
                            {
                                Some(IndexKey::Int(v))
                            }
                            _ => Some(IndexKey::Str(t)),
                        }
                    } else if is_ident_start(self.peek(0)) {
                        let s = self.pos;
                        while is_ident(self.peek(0)) {
                            self.pos += 1;
                        }
                        Some(IndexKey::Str(self.text(s, self.pos)))
                    } else {
                        None
                    };
                    if let (Some(k), b']') = (key.clone(), self.peek(0)) {
                        self.pos += 1;
                        parts.push(Part::VarIndex(name, k));
                    } else {
                        self.pos = save;
                        parts.push(Part::Var(name));
                    }
                } else if self.peek(0) == b'-'
                    && self.peek(1) == b'>'
                    && is_ident_start(self.peek(2))
                {
                    self.pos += 2;
                    let s = self.pos;
                    while is_ident(self.peek(0)) {
                        self.pos += 1;
                    }
                    let p = self.text(s, self.pos);
                    parts.push(Part::VarProp(name, p));
                } else {
                    parts.push(Part::Var(name));
                }
                continue;
            }
            if (c == b'{' && self.peek(1) == b'$') || (c == b'$' && self.peek(1) == b'{') {
                flush(&mut parts, &mut lit);
                let dollar_brace = c == b'$';
                self.pos += if dollar_brace { 2 } else { 1 };
                // Find the matching '}' (strings inside are rare; track quotes roughly).
                let s = self.pos;
                let mut depth = 1;
                let mut i = self.pos;
                let mut quote: u8 = 0;
                while i < self.src.len() {
                    let ch = self.src[i];
                    if quote != 0 {
                        if ch == b'\\' {
                            i += 2;
                            continue;
                        }
                        if ch == quote {
                            quote = 0;
                        }
                    } else if ch == b'\'' || ch == b'"' {
                        quote = ch;
                    } else if ch == b'{' {
                        depth += 1;
                    } else if ch == b'}' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    i += 1;
                }
                if i >= self.src.len() {
                    return self.err("syntax error, unexpected end of file");
                }
                let inner = self.text(s, i);
                let code = if dollar_brace {
                    // "${name}" is the variable $name; "${expr}" a variable variable.
                    if inner.bytes().all(is_ident) {
                        format!("${inner}")
                    } else {
                        format!("${{{inner}}}")
                    }
                } else {
                    inner.clone()
                };
                let mut toks = lex_code(&code, self.line)?;
                toks.pop();
                self.line += inner.matches('\n').count() as u32;
                self.pos = i + 1;
                parts.push(Part::Expr(toks));
                continue;
            }
            if c == b'\n' {
                self.line += 1;
            }
            lit.push(c);
            self.pos += 1;
        }
        flush(&mut parts, &mut lit);
        Ok(parts)
    }

    fn heredoc(&mut self) -> Result<(), LexError> {
        let line = self.line;
        self.pos += 3;
        while self.peek(0) == b' ' || self.peek(0) == b'\t' {
            self.pos += 1;
        }
        let quote = self.peek(0);
        let nowdoc = quote == b'\'';
        if quote == b'\'' || quote == b'"' {
            self.pos += 1;
        }
        let s = self.pos;
        while is_ident(self.peek(0)) {
            self.pos += 1;
        }
        let label = self.text(s, self.pos);
        if label.is_empty() {
            return self.err("syntax error, unexpected token \"<<\"");
        }
        if quote == b'\'' || quote == b'"' {
            self.pos += 1;
        }
        if self.peek(0) == b'\r' {
            self.pos += 1;
        }
        if self.peek(0) != b'\n' {
            return self.err("syntax error, unexpected token \"<<\"");
        }
        self.pos += 1;
        self.line += 1;
        // Find the closing label: a line consisting of optional indentation then the label.
        let body_start = self.pos;
        let mut i = self.pos;
        let (body_end, indent, close_end) = loop {
            if i >= self.src.len() {
                return Err(LexError {
                    msg: "syntax error, unexpected end of file".into(),
                    line: self.line,
                });
            }
            // i is at a line start.
            let mut j = i;
            while j < self.src.len() && (self.src[j] == b' ' || self.src[j] == b'\t') {
                j += 1;
            }
            if self.src[j..].starts_with(label.as_bytes())
                && !is_ident(*self.src.get(j + label.len()).unwrap_or(&0))
            {
                break (i, j - i, j + label.len());
            }
            while i < self.src.len() && self.src[i] != b'\n' {
                i += 1;
            }
            i += 1;
        };
        // Body excludes the final newline before the closing line.
        let mut raw_end = body_end;
        if raw_end > body_start {
            raw_end -= 1;
            if raw_end > body_start && self.src[raw_end - 1] == b'\r' {
                raw_end -= 1;
            }
        }
        let raw = if body_end > body_start {
            &self.src[body_start..raw_end]
        } else {
            &self.src[body_start..body_start]
        };
        // Remove the closing indentation from each line.
        let mut body: Vec<u8> = Vec::new();
        for (k, l) in raw.split(|&b| b == b'\n').enumerate() {
            if k > 0 {
                body.push(b'\n');
            }
            let mut n = 0;
            while n < indent && n < l.len() && (l[n] == b' ' || l[n] == b'\t') {
                n += 1;
            }
            body.extend_from_slice(&l[n..]);
        }
        let nlines = self.src[body_start..close_end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        if nowdoc {
            self.push(Tok::Str(crate::bytes::decode(&body)), line);
        } else {
            let mut sub = Lexer {
                src: &body,
                pos: 0,
                line: line + 1,
                out: Vec::new(),
            };
            let parts = sub.interp_body(None)?;
            self.push_parts(parts, line);
        }
        self.line += nlines;
        self.pos = close_end;
        Ok(())
    }
}

fn flush(parts: &mut Vec<Part>, lit: &mut Vec<u8>) {
    if !lit.is_empty() {
        parts.push(Part::Lit(crate::bytes::decode(lit)));
        lit.clear();
    }
}
