//! Compile-time errors (SyntaxError, IndentationError) and their CPython-style rendering.

/// A syntax error at a position (1-based line, 0-based column).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    /// `IndentationError` rather than `SyntaxError`.
    pub indent: bool,
    /// End column of the offending range (carets span it), when known.
    pub end_col: Option<u32>,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError {
            msg: msg.into(),
            line,
            col,
            indent: false,
            end_col: None,
        }
    }
    pub fn indent(msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError {
            indent: true,
            ..SyntaxError::new(msg, line, col)
        }
    }
    /// The class name CPython reports.
    pub fn class_name(&self) -> &'static str {
        if self.indent {
            "IndentationError"
        } else {
            "SyntaxError"
        }
    }

    /// Renders the error as CPython prints it for a file that fails to compile.
    pub fn render(&self, file: &str, src: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", file, self.line);
        if let Some(text) = src.lines().nth(self.line.saturating_sub(1) as usize) {
            let trimmed = text.trim_start();
            let indent = text.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                out.push_str("    ");
                out.push_str(trimmed);
                out.push('\n');
                let col = (self.col as usize).saturating_sub(indent);
                let col = text
                    .get(indent..indent + col)
                    .map(|s| s.chars().count())
                    .unwrap_or(col)
                    .min(trimmed.chars().count() + 1);
                out.push_str("    ");
                out.push_str(&" ".repeat(col));
                let width = match self.end_col {
                    Some(e) if e > self.col => text
                        .get(self.col as usize..(e as usize).min(text.len()))
                        .map(|s| s.chars().count())
                        .unwrap_or(1),
                    _ => 1,
                };
                out.push_str(&"^".repeat(width.max(1)));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.class_name(), self.msg));
        out
    }
}
