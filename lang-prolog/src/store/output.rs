//! Output builtins on store words: `write/1,2` and friends, `write_term`,
//! `nl`, `tab`, `put_char`, `format/1,2,3` (to a stream or to
//! `atom(A)`/`string(S)`/`codes(C)`/`chars(C)`). Terms are written by the
//! one writer (`crate::writer`) and format engine
//! (`crate::builtins::format`) both engines use, reading store words
//! through their [`crate::writer::Terms`] implementation, so nothing is
//! copied to the heap; the text goes straight to the older engine's
//! output buffer (or the innermost `with_output_to/2` capture).

use vm_core::Value;

use crate::arith::N;
use crate::builtins::format::{format_into, FmtArgs};
use crate::builtins::io::{emit, stream_alias, Stream};
use crate::errors as err;
use crate::machine::{Eng, PResult};
use crate::store::machine::{Ball, Mach};
use crate::store::text::Op;
use crate::store::words::*;
use crate::writer::{self, Opts, Terms, V};

type R<'gc> = Result<bool, Ball<'gc>>;

impl<'gc> FmtArgs<'gc> for Mach<'_, '_, 'gc> {
    fn heap(&self, _e: &Eng<'_, 'gc>, t: Word) -> Value<'gc> {
        self.to_heap(t, &mut Vec::new())
    }
    fn eval(&self, _e: &Eng<'_, 'gc>, t: Word) -> PResult<'gc, N> {
        self.eval_n(t)
    }
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// The text of a term written with `o` and the current operators; a
    /// term nested too deeply raises SWI's `resource_error(c_stack)`.
    pub(crate) fn term_text_w(&self, t: Word, o: Opts<'_>) -> Result<String, Value<'gc>> {
        let g = self.e.g.borrow();
        let o = Opts {
            ops: Some(&g.ops),
            ..o
        };
        let mut out = String::new();
        if writer::write_to(self, t, o, &mut out) {
            Ok(out)
        } else {
            Err(err::resource_error(self.e.mc, "c_stack"))
        }
    }

    /// The stream a stream argument names.
    fn stream_w(&self, w: Word) -> Result<Stream, Value<'gc>> {
        match self.view(w) {
            V::Atom(a) => stream_alias(a).ok_or_else(|| {
                let v = self.to_heap(w, &mut Vec::new());
                err::existence_error(self.e.mc, "stream", v)
            }),
            V::Var(_) => Err(err::instantiation_error(self.e.mc)),
            _ => {
                let v = self.to_heap(w, &mut Vec::new());
                Err(err::domain_error(self.e.mc, "stream_or_alias", v))
            }
        }
    }

    /// `write_term/2,3`'s options (`None`: options this engine leaves to
    /// the older engine's checks).
    fn write_opts_w(&self, l: Word) -> Option<Opts<'static>> {
        let mut o = Opts::write();
        o.numbervars = false;
        for it in crate::builtins::format::list_items(self, l)? {
            let on = |m: &Self, k: Word| match m.view(m.arg(k, 0)) {
                V::Atom("true") => Some(true),
                V::Atom("false") => Some(false),
                _ => None,
            };
            match self.view(it) {
                V::Cmp("quoted", 1) => o.quoted = on(self, it)?,
                V::Cmp("ignore_ops", 1) => o.ignore_ops = on(self, it)?,
                V::Cmp("numbervars", 1) => o.numbervars = on(self, it)?,
                V::Cmp("max_depth", 1) => match self.view(self.arg(it, 0)) {
                    V::Int(n) => o.max_depth = n.max(0) as usize,
                    _ => return None,
                },
                V::Cmp("spacing", 1) => {
                    o.space_args = matches!(self.view(self.arg(it, 0)), V::Atom("next_argument"))
                }
                V::Cmp(..) => {}
                _ => return None,
            }
        }
        Some(o)
    }

    /// Formats into `out`; errors without context.
    fn format_w(&self, fmt: Word, args: Word, col: usize, out: &mut String) -> PResult<'gc, ()> {
        format_into(self.e, self, fmt, args, col, out)
    }

    /// The output builtins of [`Op`].
    pub(crate) fn output(&mut self, op: Op, a: &[Word]) -> R<'gc> {
        self.output_(op, a).map_err(|b| self.text_err(b, op))
    }

    fn output_(&mut self, op: Op, a: &[Word]) -> PResult<'gc, bool> {
        use Op::*;
        let e = self.e;
        let (st, t, o) = match op {
            Write1 => (Stream::Out, a[0], Opts::write()),
            Print1 | Writeq1 => (Stream::Out, a[0], Opts::print()),
            Writeln1 => (Stream::Out, a[0], Opts::write()),
            WriteCanonical1 => (Stream::Out, a[0], Opts::canonical()),
            Write2 | Writeln2 => (self.stream_w(a[0])?, a[1], Opts::write()),
            Writeq2 | Print2 => (self.stream_w(a[0])?, a[1], Opts::print()),
            WriteTerm2 | WriteTerm3 => {
                let (st, t, l) = if op == WriteTerm2 {
                    (Stream::Out, a[0], a[1])
                } else {
                    (self.stream_w(a[0])?, a[1], a[2])
                };
                let Some(o) = self.write_opts_w(l) else {
                    return Err(self.bridge_ball(op, a));
                };
                (st, t, o)
            }
            Nl0 | Nl1 => {
                let st = if op == Nl1 {
                    self.stream_w(a[0])?
                } else {
                    Stream::Out
                };
                emit(e, st, "\n");
                return Ok(true);
            }
            Tab1 | Tab2 => {
                let (st, x) = if op == Tab1 {
                    (Stream::Out, a[0])
                } else {
                    (self.stream_w(a[0])?, a[1])
                };
                let n = match FmtArgs::eval(&*self, e, x)? {
                    N::I(i) => i,
                    _ => {
                        let v = self.to_heap(x, &mut Vec::new());
                        return Err(err::type_error(e.mc, "integer", v));
                    }
                };
                emit(e, st, &" ".repeat(n.max(0) as usize));
                return Ok(true);
            }
            PutChar1 | PutChar2 => {
                let (st, c) = if op == PutChar1 {
                    (Stream::Out, a[0])
                } else {
                    (self.stream_w(a[0])?, a[1])
                };
                let text = match self.view(c) {
                    V::Atom(x) if x.chars().count() == 1 => x.to_string(),
                    _ => return Err(self.bridge_ball(op, a)),
                };
                emit(e, st, &text);
                return Ok(true);
            }
            Format1 | Format2 => {
                let col = e.g.borrow().column;
                let args = if op == Format2 { a[1] } else { NIL };
                let mut out = String::new();
                let r = self.format_w(a[0], args, col, &mut out);
                emit(e, Stream::Out, &out);
                // SWI's format/1 is format/2 with no arguments
                return r
                    .map(|_| true)
                    .map_err(|b| crate::builtins::add_context(e, b, "format", 2));
            }
            Format3 => return self.format3_w(a),
            CapturePop => {
                let s = e.g.borrow_mut().capture.pop().unwrap_or_default();
                let w = self.string_word(&s);
                return Ok(self.unify(a[0], w));
            }
            _ => return Ok(false),
        };
        let mut s = self.term_text_w(t, o)?;
        if matches!(op, Writeln1 | Writeln2) {
            s.push('\n');
        }
        emit(e, st, &s);
        Ok(true)
    }

    /// format/3.
    fn format3_w(&mut self, a: &[Word]) -> PResult<'gc, bool> {
        let e = self.e;
        let sink = self.s.deref(a[0]);
        if let V::Cmp(kind, 1) = self.view(sink) {
            let kind = match kind {
                "atom" => 0,
                "string" => 1,
                "codes" => 2,
                "chars" => 3,
                _ => {
                    let v = self.to_heap(sink, &mut Vec::new());
                    return Err(err::type_error(e.mc, "output", v));
                }
            };
            let mut s = String::new();
            self.format_w(a[1], a[2], 0, &mut s)?;
            let w = match kind {
                0 => self.atom_word(&s),
                1 => self.string_word(&s),
                _ => {
                    let ws: Vec<Word> = s
                        .chars()
                        .map(|c| {
                            if kind == 2 {
                                int(c as i64).unwrap()
                            } else {
                                self.atom_word(c.encode_utf8(&mut [0; 4]))
                            }
                        })
                        .collect();
                    self.list(&ws, NIL)
                }
            };
            let x = self.arg(sink, 0);
            return Ok(self.unify(x, w));
        }
        if !matches!(self.view(sink), V::Atom(_) | V::Var(_)) {
            let v = self.to_heap(sink, &mut Vec::new());
            return Err(err::type_error(e.mc, "output", v));
        }
        let st = self.stream_w(sink)?;
        let col = if st == Stream::Out {
            e.g.borrow().column
        } else {
            0
        };
        let mut out = String::new();
        let r = self.format_w(a[1], a[2], col, &mut out);
        emit(e, st, &out);
        r.map(|_| true)
    }

    /// The error the older engine's builtin raises for these arguments
    /// (it is only asked when the arguments are wrong). Its context is
    /// replaced by [`Mach::output`], which adds the same one.
    fn bridge_ball(&mut self, op: Op, a: &[Word]) -> Value<'gc> {
        let (name, n) = op.pi();
        let proc = self.e.g.borrow().lookup(name, n);
        let Some(crate::builtins::Proc::Det(f)) = proc else {
            return err::instantiation_error(self.e.mc);
        };
        let mut vars = Vec::new();
        let h: Vec<Value<'gc>> = a.iter().map(|w| self.to_heap(*w, &mut vars)).collect();
        match f(self.e, &h) {
            Err(b) => b,
            // not an error after all: cannot happen for the arguments
            // this is asked about
            Ok(_) => err::instantiation_error(self.e.mc),
        }
    }
}
