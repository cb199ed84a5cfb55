//! The tokenizer of standard Prolog text (ISO 6.4, with SWI-Prolog's extensions
//! where ISO leaves a choice: `0'c`, `0x`/`0o`/`0b`, `R'digits`, `1.0Inf`,
//! digit groups with `_`, back-quoted strings).
//!
//! The lexer works on demand, one token at a time, so the reader can stop at
//! the end of a clause and let `op/3` directives change how the next clause
//! reads. It never panics: every malformed input becomes a [`SyntaxError`]
//! with the line and column where it was found.

use num_bigint::BigInt;
use num_traits::Num;

/// A token kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A name (atom text): letters, symbol chars, solo chars, or quoted.
    Name(String),
    /// A quoted name (never an operator when followed by `(`; kept apart for `-`-handling).
    QName(String),
    /// A variable name.
    Var(String),
    /// An integer.
    Int(BigInt),
    /// A float.
    Float(f64),
    /// A double-quoted string.
    Str(String),
    /// A back-quoted string.
    BackQ(String),
    /// `(` preceded by layout or at the start.
    Open,
    /// `(` immediately after the previous token (functional notation).
    OpenCT,
    /// `)`
    Close,
    /// `[`
    OpenList,
    /// `]`
    CloseList,
    /// `{`
    OpenCurly,
    /// `}`
    CloseCurly,
    /// `,`
    Comma,
    /// `|`
    Bar,
    /// The end token `.`
    End,
    /// End of input.
    Eof,
}

/// A syntax error with its position (1-based line and column).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// The message (SWI's wording where we know it).
    pub msg: String,
    /// Line.
    pub line: usize,
    /// Column.
    pub col: usize,
    /// Character offset in the text.
    pub pos: usize,
}

/// A token with where it starts and whether layout preceded it.
#[derive(Clone, Debug)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Char offset.
    pub pos: usize,
    /// Line (1-based).
    pub line: usize,
    /// Column (1-based).
    pub col: usize,
    /// Whether layout (or a comment) came before it.
    pub layout_before: bool,
}

/// The lexer over a text.
pub struct Lexer {
    chars: Vec<char>,
    /// Current char offset.
    pub pos: usize,
    line: usize,
    col: usize,
}

fn is_symbol(c: char) -> bool {
    "+-*/\\^<>=~:.?@#&$".contains(c)
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Lexer {
    /// A lexer over `text`.
    pub fn new(text: &str) -> Lexer {
        Lexer {
            chars: text.chars().collect(),
            pos: 0,
            line: 1,
            col: 1,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Reads one character (for `get_char/1`).
    pub fn next_char(&mut self) -> Option<char> {
        self.bump()
    }

    /// The next character without consuming it (for `peek_char/1`).
    pub fn peek_char(&self) -> Option<char> {
        self.peek()
    }

    /// The current position (line, col).
    pub fn position(&self) -> (usize, usize) {
        (self.line, self.col)
    }

    /// Whether only layout and comments remain.
    pub fn at_eof(&mut self) -> bool {
        let save = (self.pos, self.line, self.col);
        let r = self.skip_layout().is_ok() && self.peek().is_none();
        (self.pos, self.line, self.col) = save;
        r
    }

    fn err(&self, msg: &str) -> SyntaxError {
        SyntaxError {
            msg: msg.to_string(),
            line: self.line,
            col: self.col,
            pos: self.pos,
        }
    }

    /// Skips layout and comments; true if any was skipped.
    fn skip_layout(&mut self) -> Result<bool, SyntaxError> {
        let mut any = false;
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                    any = true;
                }
                Some('%') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                    any = true;
                }
                Some('/') if self.peek_at(1) == Some('*') => {
                    self.bump();
                    self.bump();
                    loop {
                        match self.bump() {
                            None => return Err(self.err("Unterminated block comment")),
                            Some('*') if self.peek() == Some('/') => {
                                self.bump();
                                break;
                            }
                            _ => {}
                        }
                    }
                    any = true;
                }
                _ => return Ok(any),
            }
        }
    }

    /// Skips to just after the next end token (error recovery).
    pub fn skip_to_end(&mut self) {
        loop {
            match self.next() {
                Ok(Token { tok: Tok::End, .. }) | Ok(Token { tok: Tok::Eof, .. }) => return,
                Ok(_) => {}
                Err(_) => {
                    // skip one char and continue
                    if self.bump().is_none() {
                        return;
                    }
                }
            }
        }
    }

    /// The next token.
    pub fn next(&mut self) -> Result<Token, SyntaxError> {
        let layout = self.skip_layout()?;
        let (pos, line, col) = (self.pos, self.line, self.col);
        let mk = |tok| Token {
            tok,
            pos,
            line,
            col,
            layout_before: layout,
        };
        let Some(c) = self.peek() else {
            return Ok(mk(Tok::Eof));
        };
        let tok = match c {
            '(' => {
                self.bump();
                if layout || pos == 0 {
                    Tok::Open
                } else {
                    Tok::OpenCT
                }
            }
            ')' => {
                self.bump();
                Tok::Close
            }
            '[' => {
                self.bump();
                Tok::OpenList
            }
            ']' => {
                self.bump();
                Tok::CloseList
            }
            '{' => {
                self.bump();
                Tok::OpenCurly
            }
            '}' => {
                self.bump();
                Tok::CloseCurly
            }
            ',' => {
                self.bump();
                Tok::Comma
            }
            '|' => {
                self.bump();
                if self.peek() == Some('|') {
                    self.bump();
                    Tok::Name("||".into())
                } else {
                    Tok::Bar
                }
            }
            '!' => {
                self.bump();
                Tok::Name("!".into())
            }
            ';' => {
                self.bump();
                Tok::Name(";".into())
            }
            '\'' => {
                self.bump();
                Tok::QName(self.quoted('\'')?)
            }
            '"' => {
                self.bump();
                Tok::Str(self.quoted('"')?)
            }
            '`' => {
                self.bump();
                Tok::BackQ(self.quoted('`')?)
            }
            '0'..='9' => self.number()?,
            '_' => Tok::Var(self.word()),
            c if c.is_uppercase() => Tok::Var(self.word()),
            c if c.is_alphabetic() => Tok::Name(self.word()),
            '.' => {
                // end token: '.' followed by layout, '%' or EOF
                match self.peek_at(1) {
                    None => {
                        self.bump();
                        Tok::End
                    }
                    Some(n) if n.is_whitespace() || n == '%' => {
                        self.bump();
                        Tok::End
                    }
                    _ => Tok::Name(self.symbols()),
                }
            }
            c if is_symbol(c) => Tok::Name(self.symbols()),
            _ => {
                self.bump();
                return Err(SyntaxError {
                    msg: "Illegal character".into(),
                    line,
                    col,
                    pos,
                });
            }
        };
        Ok(mk(tok))
    }

    fn word(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if is_alnum(c) {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn symbols(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if is_symbol(c) {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    /// Reads one escape sequence after a backslash; `None` for a line continuation.
    fn escape(&mut self) -> Result<Option<char>, SyntaxError> {
        let Some(c) = self.bump() else {
            return Err(self.err("End of file in quoted"));
        };
        Ok(Some(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'v' => '\x0b',
            'e' => '\x1b',
            's' => ' ',
            '0'..='7' => {
                let mut n: u32 = c.to_digit(8).unwrap_or(0);
                while let Some(d) = self.peek().and_then(|d| d.to_digit(8)) {
                    self.bump();
                    n = n.saturating_mul(8).saturating_add(d);
                }
                if self.peek() == Some('\\') {
                    self.bump();
                }
                char::from_u32(n).ok_or_else(|| self.err("Illegal character code"))?
            }
            'x' => {
                let mut n: u32 = 0;
                while let Some(d) = self.peek().and_then(|d| d.to_digit(16)) {
                    self.bump();
                    n = n.saturating_mul(16).saturating_add(d);
                }
                if self.peek() == Some('\\') {
                    self.bump();
                }
                char::from_u32(n).ok_or_else(|| self.err("Illegal character code"))?
            }
            'u' | 'U' => {
                let k = if c == 'u' { 4 } else { 8 };
                let mut n: u32 = 0;
                for _ in 0..k {
                    match self.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            self.bump();
                            n = n.saturating_mul(16).saturating_add(d);
                        }
                        None => return Err(self.err("Illegal \\u or \\U sequence")),
                    }
                }
                char::from_u32(n).ok_or_else(|| self.err("Illegal character code"))?
            }
            '\n' => return Ok(None),
            '\\' | '\'' | '"' | '`' => c,
            _ => return Err(self.err("Undefined escape sequence")),
        }))
    }

    fn quoted(&mut self, q: char) -> Result<String, SyntaxError> {
        let mut s = String::new();
        loop {
            let Some(c) = self.bump() else {
                let what = match q {
                    '\'' => "atom",
                    '"' => "string",
                    _ => "codes",
                };
                return Err(self.err(&format!("End of file in quoted {what}")));
            };
            if c == q {
                if self.peek() == Some(q) {
                    self.bump();
                    s.push(q);
                    continue;
                }
                return Ok(s);
            }
            if c == '\\' {
                if let Some(e) = self.escape()? {
                    s.push(e);
                }
                continue;
            }
            s.push(c);
        }
    }

    fn digits(&mut self, radix: u32) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_digit(radix) {
                s.push(c);
                self.bump();
            } else if c == '_'
                && self.peek_at(1).is_some_and(|d| d.is_digit(radix))
                && !s.is_empty()
            {
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn number(&mut self) -> Result<Tok, SyntaxError> {
        let start = (self.line, self.col, self.pos);
        if self.peek() == Some('0') {
            match self.peek_at(1) {
                Some('\'') => {
                    // 0'c
                    self.bump();
                    self.bump();
                    let Some(c) = self.bump() else {
                        return Err(self.err("End of file in quoted"));
                    };
                    let code = if c == '\\' {
                        match self.escape()? {
                            Some(e) => e,
                            None => return Err(self.err("Undefined escape sequence")),
                        }
                    } else if c == '\'' {
                        if self.peek() == Some('\'') {
                            self.bump();
                        }
                        '\''
                    } else {
                        c
                    };
                    return Ok(Tok::Int(BigInt::from(code as u32)));
                }
                Some(r @ ('x' | 'o' | 'b')) => {
                    let radix = match r {
                        'x' => 16,
                        'o' => 8,
                        _ => 2,
                    };
                    if self.peek_at(2).is_some_and(|d| d.is_digit(radix)) {
                        self.bump();
                        self.bump();
                        let ds = self.digits(radix);
                        return Ok(Tok::Int(
                            BigInt::from_str_radix(&ds, radix).unwrap_or_default(),
                        ));
                    }
                    // `0x` without digits: SWI reports an illegal number
                    if !self
                        .peek_at(2)
                        .is_some_and(|d| d.is_alphanumeric() || d == '_')
                    {
                        return Err(self.err("Illegal number"));
                    }
                }
                _ => {}
            }
        }
        let ds = self.digits(10);
        // R'digits
        if self.peek() == Some('\'') {
            if let Ok(radix) = ds.parse::<u32>() {
                if (2..=36).contains(&radix) && self.peek_at(1).is_some_and(|d| d.is_digit(radix)) {
                    self.bump();
                    let rd = self.digits(radix);
                    return Ok(Tok::Int(
                        BigInt::from_str_radix(&rd, radix).unwrap_or_default(),
                    ));
                }
            }
        }
        let mut is_float = false;
        let mut text = ds.clone();
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            self.bump();
            text.push('.');
            text.push_str(&self.digits(10));
            is_float = true;
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let sign = self.peek_at(1);
            let (ok, skip) = match sign {
                Some('+' | '-') => (self.peek_at(2).is_some_and(|d| d.is_ascii_digit()), 2),
                Some(d) if d.is_ascii_digit() => (true, 1),
                _ => (false, 0),
            };
            if ok {
                text.push('e');
                self.bump();
                if skip == 2 {
                    let s = self.bump().unwrap_or('+');
                    text.push(s);
                }
                text.push_str(&self.digits(10));
                is_float = true;
            }
        }
        if is_float {
            if self.peek() == Some('I')
                && self.peek_at(1) == Some('n')
                && self.peek_at(2) == Some('f')
            {
                self.bump();
                self.bump();
                self.bump();
                return Ok(Tok::Float(f64::INFINITY));
            }
            if self.peek() == Some('N')
                && self.peek_at(1) == Some('a')
                && self.peek_at(2) == Some('N')
            {
                self.bump();
                self.bump();
                self.bump();
                return Ok(Tok::Float(f64::NAN));
            }
            return match text.parse::<f64>() {
                // SWI refuses a literal beyond the float range
                Ok(f) if f.is_infinite() => Err(SyntaxError {
                    msg: "float_overflow".to_string(),
                    line: start.0,
                    col: start.1,
                    pos: start.2,
                }),
                Ok(f) => Ok(Tok::Float(f)),
                Err(_) => Err(self.err("Illegal number")),
            };
        }
        Ok(Tok::Int(text.parse::<BigInt>().unwrap_or_default()))
    }
}
