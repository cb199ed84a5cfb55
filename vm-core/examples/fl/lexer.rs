//! FL's lexer: source text to tokens, with Python's indentation rules.
//!
//! A logical line ends in `Newline`; a deeper indentation than the enclosing
//! block's opens an `Indent`, a shallower one closes `Dedent`s. Inside
//! parentheses newlines and indentation are ignored. Blank and comment-only
//! lines produce nothing. A line starting with `rpn NAME` is one `Rpn` token
//! carrying the rest of the line (the RPN compiler reads it).
//!
//! The lexer consumes at least one character per iteration, so it ends on any
//! input; every malformed input is a [`SyntaxError`], never a panic.

use crate::fl::error::SyntaxError;

/// A 1-based line and column (columns count characters).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Decimal digits of an int literal (may exceed i64).
    Int(String),
    Float(f64),
    Name(String),
    /// A keyword: `if elif else while def return pass not and or True False None`.
    Kw(&'static str),
    /// Punctuation or an operator.
    Op(&'static str),
    /// `rpn ...`: the text after `rpn`, and the position of its first character.
    Rpn(String, Pos),
    Newline,
    Indent,
    Dedent,
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
}

const KEYWORDS: &[&str] = &[
    "if", "elif", "else", "while", "def", "return", "pass", "not", "and", "or", "True", "False",
    "None",
];

const OPS: &[&str] = &[
    "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", ",", ":",
];

/// Splits `src` into tokens.
pub fn lex(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut out: Vec<Token> = Vec::new();
    let mut indents: Vec<u32> = vec![0];
    let mut depth: u32 = 0; // parenthesis depth
    let mut open_parens: Vec<Pos> = Vec::new();
    let mut last_line = 0u32;
    for (li, raw) in src.split('\n').enumerate() {
        let line_no = li as u32 + 1;
        last_line = line_no;
        let line: Vec<char> = raw.strip_suffix('\r').unwrap_or(raw).chars().collect();
        let mut i = 0usize;
        let err = |col: usize, msg: &str| SyntaxError::new(line_no, col as u32 + 1, msg);
        if depth == 0 {
            // Start of a logical line: measure the indentation.
            let mut width = 0u32;
            while i < line.len() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\x0c') {
                width = match line[i] {
                    '\t' => (width / 8 + 1) * 8,
                    '\x0c' => 0,
                    _ => width + 1,
                };
                i += 1;
            }
            if i == line.len() || line[i] == '#' {
                continue; // blank or comment-only line
            }
            let top = *indents.last().unwrap_or(&0);
            let pos = Pos {
                line: line_no,
                col: i as u32 + 1,
            };
            if width > top {
                indents.push(width);
                out.push(Token {
                    tok: Tok::Indent,
                    pos,
                });
            } else if width < top {
                while width < *indents.last().unwrap_or(&0) {
                    indents.pop();
                    out.push(Token {
                        tok: Tok::Dedent,
                        pos,
                    });
                }
                if width != *indents.last().unwrap_or(&0) {
                    return Err(err(
                        i,
                        "unindent does not match any outer indentation level",
                    ));
                }
            }
            // `rpn NAME...` takes the rest of the line.
            if starts_word(&line, i, "rpn") {
                let mut j = i + 3;
                while j < line.len() && (line[j] == ' ' || line[j] == '\t') {
                    j += 1;
                }
                if j > i + 3 && j < line.len() && is_ident_start(line[j]) {
                    let text: String = line[j..].iter().collect();
                    out.push(Token {
                        tok: Tok::Rpn(
                            text,
                            Pos {
                                line: line_no,
                                col: j as u32 + 1,
                            },
                        ),
                        pos,
                    });
                    out.push(Token {
                        tok: Tok::Newline,
                        pos: Pos {
                            line: line_no,
                            col: line.len() as u32 + 1,
                        },
                    });
                    continue;
                }
            }
        }
        while i < line.len() {
            let c = line[i];
            let pos = Pos {
                line: line_no,
                col: i as u32 + 1,
            };
            if c == ' ' || c == '\t' || c == '\x0c' {
                i += 1;
                continue;
            }
            if c == '#' {
                break;
            }
            if c.is_ascii_digit()
                || (c == '.' && i + 1 < line.len() && line[i + 1].is_ascii_digit())
            {
                let (tok, next) = number(&line, i).map_err(|m| err(i, m))?;
                out.push(Token { tok, pos });
                i = next;
                continue;
            }
            if is_ident_start(c) {
                let start = i;
                while i < line.len() && is_ident_char(line[i]) {
                    i += 1;
                }
                let word: String = line[start..i].iter().collect();
                let tok = match KEYWORDS.iter().find(|k| **k == word) {
                    Some(k) => Tok::Kw(k),
                    None => Tok::Name(word),
                };
                out.push(Token { tok, pos });
                continue;
            }
            let op = OPS.iter().find(|op| {
                op.chars()
                    .enumerate()
                    .all(|(k, oc)| line.get(i + k) == Some(&oc))
            });
            match op {
                Some(op) => {
                    match *op {
                        "(" => {
                            depth += 1;
                            open_parens.push(pos);
                        }
                        ")" => {
                            if depth == 0 {
                                return Err(err(i, "unmatched ')'"));
                            }
                            depth -= 1;
                            open_parens.pop();
                        }
                        _ => {}
                    }
                    out.push(Token {
                        tok: Tok::Op(op),
                        pos,
                    });
                    i += op.len();
                }
                None => {
                    return Err(err(
                        i,
                        &format!("invalid character '{}' (U+{:04X})", c, c as u32),
                    ));
                }
            }
        }
        if depth == 0 && continuing(&out) {
            out.push(Token {
                tok: Tok::Newline,
                pos: Pos {
                    line: line_no,
                    col: line.len() as u32 + 1,
                },
            });
        }
    }
    if let Some(p) = open_parens.first() {
        return Err(SyntaxError::new(p.line, p.col, "'(' was never closed"));
    }
    let end = Pos {
        line: last_line.max(1),
        col: 1,
    };
    if continuing(&out) {
        out.push(Token {
            tok: Tok::Newline,
            pos: end,
        });
    }
    while indents.len() > 1 {
        indents.pop();
        out.push(Token {
            tok: Tok::Dedent,
            pos: end,
        });
    }
    out.push(Token {
        tok: Tok::Eof,
        pos: end,
    });
    Ok(out)
}

/// Whether the last token leaves a logical line open (needs a `Newline`).
fn continuing(out: &[Token]) -> bool {
    !matches!(
        out.last().map(|t| &t.tok),
        None | Some(Tok::Newline) | Some(Tok::Indent) | Some(Tok::Dedent)
    )
}

fn starts_word(line: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    line.len() >= i + n
        && line[i..i + n].iter().copied().eq(w.chars())
        && line.get(i + n).is_none_or(|c| !is_ident_char(*c))
}

pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Reads a number at `i`: `digits [. digits] [e [+-] digits]` or `. digits ...`.
pub fn number(line: &[char], mut i: usize) -> Result<(Tok, usize), &'static str> {
    let start = i;
    let mut is_float = false;
    while i < line.len() && line[i].is_ascii_digit() {
        i += 1;
    }
    if i < line.len() && line[i] == '.' {
        is_float = true;
        i += 1;
        while i < line.len() && line[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < line.len() && (line[i] == 'e' || line[i] == 'E') {
        let mut j = i + 1;
        if j < line.len() && (line[j] == '+' || line[j] == '-') {
            j += 1;
        }
        if j < line.len() && line[j].is_ascii_digit() {
            while j < line.len() && line[j].is_ascii_digit() {
                j += 1;
            }
            is_float = true;
            i = j;
        } else {
            return Err("invalid float literal");
        }
    }
    if i < line.len() && (is_ident_char(line[i]) || line[i] == '.') {
        return Err("invalid decimal literal");
    }
    let text: String = line[start..i].iter().collect();
    if is_float {
        match text.parse::<f64>() {
            Ok(x) => Ok((Tok::Float(x), i)),
            Err(_) => Err("invalid float literal"),
        }
    } else {
        if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
            return Err("leading zeros in decimal integer literals are not permitted");
        }
        Ok((Tok::Int(text), i))
    }
}
