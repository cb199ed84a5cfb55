//! Text and output builtins on store words, with no heap copies: the
//! atom/string/code-list conversions, `atom_concat/3` and `sub_atom/5`
//! (nondeterministic, as an [`TextAlt`] choicepoint), and the output
//! builtins of [`crate::store::output`].
//!
//! The common modes run here; unusual arguments (errors, the parsing
//! modes of `term_to_atom/2`) go to the older engine's builtin of the same
//! name through the bridge, so error terms are the same by construction.
//! Text made here goes into the store (codes and chars lists), the
//! query's box table (strings) or the engine's atom table (atoms): all
//! but the atoms are freed on backtracking.

use std::rc::Rc;

use vm_core::Value;

use crate::builtins::add_context;
use crate::store::compile::Clause;
use crate::store::machine::{Alt, Ball, Flow, Mach};
use crate::store::terms::Boxed;
use crate::store::words::*;
use crate::writer::{Terms, V};

type R<'gc> = Result<bool, Ball<'gc>>;

/// The builtins this module and [`crate::store::output`] run natively.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Write1,
    Print1,
    Writeln1,
    Writeq1,
    WriteCanonical1,
    Write2,
    Writeln2,
    Writeq2,
    Print2,
    WriteTerm2,
    WriteTerm3,
    Nl0,
    Nl1,
    Tab1,
    Tab2,
    PutChar1,
    PutChar2,
    Format1,
    Format2,
    Format3,
    CapturePop,
    AtomCodes,
    AtomChars,
    CharCode,
    AtomLength,
    StringLength,
    NumberCodes,
    NumberChars,
    AtomNumber,
    NumberString,
    AtomString,
    StringChars,
    StringCodes,
    StringToAtom,
    StringCode,
    StringLower,
    StringUpper,
    UpcaseAtom,
    DowncaseAtom,
    SplitString,
    AtomicListConcat2,
    AtomicListConcat3,
    TermToAtom,
    TermString,
    AtomConcat,
    StringConcat,
    SubAtom,
    SubString,
}

/// Name and arity of each [`Op`] (the older engine's builtin of the same
/// name handles unusual arguments).
const OPS: &[(&str, usize, Op)] = &[
    ("write", 1, Op::Write1),
    ("print", 1, Op::Print1),
    ("writeln", 1, Op::Writeln1),
    ("writeq", 1, Op::Writeq1),
    ("write_canonical", 1, Op::WriteCanonical1),
    ("write", 2, Op::Write2),
    ("writeln", 2, Op::Writeln2),
    ("writeq", 2, Op::Writeq2),
    ("print", 2, Op::Print2),
    ("write_term", 2, Op::WriteTerm2),
    ("write_term", 3, Op::WriteTerm3),
    ("nl", 0, Op::Nl0),
    ("nl", 1, Op::Nl1),
    ("tab", 1, Op::Tab1),
    ("tab", 2, Op::Tab2),
    ("put_char", 1, Op::PutChar1),
    ("put_char", 2, Op::PutChar2),
    ("format", 1, Op::Format1),
    ("format", 2, Op::Format2),
    ("format", 3, Op::Format3),
    ("$capture_pop", 1, Op::CapturePop),
    ("atom_codes", 2, Op::AtomCodes),
    ("atom_chars", 2, Op::AtomChars),
    ("char_code", 2, Op::CharCode),
    ("atom_length", 2, Op::AtomLength),
    ("string_length", 2, Op::StringLength),
    ("number_codes", 2, Op::NumberCodes),
    ("number_chars", 2, Op::NumberChars),
    ("atom_number", 2, Op::AtomNumber),
    ("number_string", 2, Op::NumberString),
    ("atom_string", 2, Op::AtomString),
    ("string_chars", 2, Op::StringChars),
    ("string_codes", 2, Op::StringCodes),
    ("string_to_atom", 2, Op::StringToAtom),
    ("string_code", 3, Op::StringCode),
    ("string_lower", 2, Op::StringLower),
    ("string_upper", 2, Op::StringUpper),
    ("upcase_atom", 2, Op::UpcaseAtom),
    ("downcase_atom", 2, Op::DowncaseAtom),
    ("split_string", 4, Op::SplitString),
    ("atomic_list_concat", 2, Op::AtomicListConcat2),
    ("atomic_list_concat", 3, Op::AtomicListConcat3),
    ("term_to_atom", 2, Op::TermToAtom),
    ("term_string", 2, Op::TermString),
    ("atom_concat", 3, Op::AtomConcat),
    ("string_concat", 3, Op::StringConcat),
    ("sub_atom", 5, Op::SubAtom),
    ("sub_string", 5, Op::SubString),
];

/// The native text or output builtin `name/n`, if there is one.
pub fn op(name: &str, n: usize) -> Option<Op> {
    OPS.iter()
        .find(|(m, k, _)| *m == name && *k == n)
        .map(|x| x.2)
}

impl Op {
    /// Name and arity.
    pub fn pi(self) -> (&'static str, usize) {
        let (n, a, _) = OPS.iter().find(|x| x.2 == self).expect("op table");
        (n, *a)
    }
}

/// A nondeterministic text builtin's remaining solutions: each is a
/// (start, length) slice of `cs`, unified with the goal's arguments.
pub struct TextAlt {
    cs: Rc<[char]>,
    sols: Vec<(u32, u32)>,
    next: usize,
    /// `atom_concat`/`string_concat` (A, B, _) or `sub_atom`/`sub_string`
    /// (_, B, L, A, Sub).
    concat: bool,
    string: bool,
    args: [Word; 5],
}

/// Whether a text is made of the digits etc. `parse_number` would accept
/// with no leading layout (number_codes allows leading layout; the fast
/// path leaves that to the older engine).
fn number_of(s: &str) -> Option<Result<num_bigint::BigInt, f64>> {
    crate::parser::parse_number(s)
}

impl<'e, 'a, 'gc> Mach<'e, 'a, 'gc> {
    /// A heap error ball with `op`'s context.
    pub(crate) fn text_err(&self, ball: Value<'gc>, op: Op) -> Ball<'gc> {
        let (n, a) = op.pi();
        Ball::Heap(add_context(self.e, ball, n, a))
    }

    /// The text of an atomic word or code/char list (as `text_of`).
    pub(crate) fn word_text(&self, w: Word) -> Option<String> {
        crate::builtins::format::text_of_t(self, w)
    }

    /// An atom word for `s`.
    pub(crate) fn atom_word(&mut self, s: &str) -> Word {
        atom(self.atoms.intern(s))
    }

    /// A string word for `s`.
    pub(crate) fn string_word(&mut self, s: &str) -> Word {
        self.boxed(Boxed::S(s.into()))
    }

    fn codes_word(&mut self, s: &str) -> Word {
        let ws: Vec<Word> = s.chars().map(|c| int(c as i64).unwrap()).collect();
        self.list(&ws, NIL)
    }

    fn chars_word(&mut self, s: &str) -> Word {
        let ws: Vec<Word> = s
            .chars()
            .map(|c| self.atom_word(c.encode_utf8(&mut [0; 4])))
            .collect();
        self.list(&ws, NIL)
    }

    fn number_word(&mut self, n: Result<num_bigint::BigInt, f64>) -> Word {
        match n {
            Ok(b) => self.big_word(b),
            Err(f) => self.boxed(Boxed::F(f)),
        }
    }

    /// The text of a proper list of codes or chars; `None`
    /// for anything else (the older engine reports it).
    fn list_text_w(&self, l: Word) -> Option<String> {
        let mut s = String::new();
        let mut x = self.s.deref(l);
        let mut n = 0usize;
        let mut codes = false;
        let (mut mark, mut next_mark) = (usize::MAX, 1usize);
        while tag(x) == LIS {
            // SWI takes codes or chars in every mode, the first element
            // deciding which
            let h = self.s.deref(self.s.get(idx(x)));
            let is_code = tag(h) == INT;
            if n > 0 && is_code != codes {
                return None;
            }
            codes = is_code;
            if tag(h) == ATOM && h != NIL {
                let a = self.atoms.name(atom_id(h));
                let mut it = a.chars();
                let c = it.next()?;
                if it.next().is_some() {
                    return None;
                }
                s.push(c);
            } else {
                if tag(h) != INT {
                    return None;
                }
                let c = int_val(h);
                s.push(char::from_u32(u32::try_from(c).ok()?)?);
            }
            x = self.s.deref(self.s.get(idx(x) + 1));
            n += 1;
            // Brent's cycle check: a cyclic list is not text
            if tag(x) == LIS && idx(x) == mark {
                return None;
            }
            if n >= next_mark {
                mark = idx(x);
                next_mark = n * 2;
            }
        }
        (x == NIL).then_some(s)
    }

    /// Whether `w` is unbound.
    fn unbound(&self, w: Word) -> bool {
        tag(self.s.deref(w)) == REF
    }

    /// The text of an atom, string or number word (`None`: anything else).
    fn atomic_text_w(&self, w: Word) -> Option<String> {
        let d = self.s.deref(w);
        match tag(d) {
            ATOM | INT | BOX => self.word_text(d),
            _ => None,
        }
    }

    /// Runs the older engine's deterministic builtin of `op` on `ws` (the
    /// bridge's copies keep cycles, so a cyclic argument gets the
    /// builtin's own error, as in SWI).
    fn text_bridge(&mut self, op: Op, ws: &[Word]) -> R<'gc> {
        self.det_bridge_named(op.pi().0, ws)
    }

    /// Runs a native text or output builtin (deterministic ones; the
    /// nondeterministic ones answer [`Ball::Redo`] and run in
    /// [`Mach::text_nondet`]).
    pub fn text(&mut self, cl: &Clause, op: Op, args: usize) -> R<'gc> {
        let (_, n) = op.pi();
        let mut a = [NIL; 5];
        for (k, x) in a.iter_mut().enumerate().take(n) {
            *x = self.build(cl, cl.roots[args + k]);
        }
        use Op::*;
        if matches!(op, AtomCodes | AtomChars | NumberCodes | NumberChars) {
            // SWI takes a string for the list (`atom_codes(A, "xy")`)
            let l = self.s.deref(a[1]);
            if tag(l) == BOX && self.is_string_w(l) {
                let s = self.word_text(l).unwrap_or_default();
                a[1] = if matches!(op, AtomChars | NumberChars) {
                    self.chars_word(&s)
                } else {
                    self.codes_word(&s)
                };
            }
        }
        match op {
            AtomConcat | StringConcat | SubAtom | SubString => Err(Ball::Redo),
            Write1 | Print1 | Writeln1 | Writeq1 | WriteCanonical1 | Write2 | Writeln2
            | Writeq2 | Print2 | WriteTerm2 | WriteTerm3 | Nl0 | Nl1 | Tab1 | Tab2 | PutChar1
            | PutChar2 | Format1 | Format2 | Format3 | CapturePop => self.output(op, &a[..n]),
            AtomCodes | AtomChars => {
                let d = self.s.deref(a[0]);
                let chars = op == AtomChars;
                if tag(d) == ATOM && d != NIL || tag(d) == INT || tag(d) == BOX {
                    if let Some(s) = self.word_text(d) {
                        let l = if chars {
                            self.chars_word(&s)
                        } else {
                            self.codes_word(&s)
                        };
                        return Ok(self.unify(a[1], l));
                    }
                }
                if tag(d) == REF {
                    if let Some(s) = self.list_text_w(a[1]) {
                        let w = self.atom_word(&s);
                        return Ok(self.unify(d, w));
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            CharCode => {
                let d = self.s.deref(a[0]);
                if tag(d) == ATOM && d != NIL {
                    let name = self.atoms.name(atom_id(d));
                    let mut it = name.chars();
                    if let (Some(c), None) = (it.next(), it.next()) {
                        return Ok(self.unify(a[1], int(c as i64).unwrap()));
                    }
                }
                let c = self.s.deref(a[1]);
                if tag(d) == REF && tag(c) == INT {
                    if let Some(ch) = u32::try_from(int_val(c)).ok().and_then(char::from_u32) {
                        let w = self.atom_word(ch.encode_utf8(&mut [0; 4]));
                        return Ok(self.unify(d, w));
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            AtomLength | StringLength => {
                let l = self.s.deref(a[1]);
                if tag(l) == REF || tag(l) == INT {
                    // SWI reads `[]` as the empty code list here
                    let d = self.s.deref(a[0]);
                    let s = if d == NIL {
                        Some(String::new())
                    } else {
                        self.atomic_text_w(d)
                    };
                    if let Some(s) = s {
                        let k = int(s.chars().count() as i64).unwrap();
                        return Ok(self.unify(l, k));
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            NumberCodes | NumberChars => {
                let d = self.s.deref(a[0]);
                let chars = op == NumberChars;
                let num = tag(d) == INT || (tag(d) == BOX && !self.is_string_w(d));
                if num && self.unbound(a[1]) {
                    let s = self.word_text(d).unwrap_or_default();
                    let l = if chars {
                        self.chars_word(&s)
                    } else {
                        self.codes_word(&s)
                    };
                    return Ok(self.unify(a[1], l));
                }
                if tag(d) == REF || num {
                    if let Some(s) = self.list_text_w(a[1]) {
                        if let Some(n) = number_of(&s) {
                            let w = self.number_word(n);
                            return Ok(self.unify(d, w));
                        }
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            AtomNumber => {
                let d = self.s.deref(a[0]);
                if tag(d) == ATOM && d != NIL {
                    let s = self.atoms.name(atom_id(d));
                    if s.starts_with(char::is_whitespace) {
                        return Ok(false);
                    }
                    return match number_of(s) {
                        Some(n) => {
                            let w = self.number_word(n);
                            Ok(self.unify(a[1], w))
                        }
                        None => Ok(false),
                    };
                }
                let x = self.s.deref(a[1]);
                if tag(d) == REF && (tag(x) == INT || tag(x) == BOX && !self.is_string_w(x)) {
                    let s = self.word_text(x).unwrap_or_default();
                    let w = self.atom_word(&s);
                    return Ok(self.unify(d, w));
                }
                self.text_bridge(op, &a[..2])
            }
            NumberString => {
                let s = self.s.deref(a[1]);
                // strings here; atoms, lists and errors in the older engine
                if tag(s) == BOX && self.is_string_w(s) {
                    let t = self.word_text(s).unwrap_or_default();
                    if t.starts_with(char::is_whitespace) {
                        return Ok(false);
                    }
                    return match number_of(&t) {
                        Some(n) => {
                            let w = self.number_word(n);
                            Ok(self.unify(a[0], w))
                        }
                        None => Ok(false),
                    };
                }
                self.text_bridge(op, &a[..2])
            }
            AtomString | StringToAtom => {
                if let Some(s) = self.atomic_text_w(a[0]) {
                    let w = if op == AtomString {
                        self.string_word(&s)
                    } else {
                        self.atom_word(&s)
                    };
                    return Ok(self.unify(a[1], w));
                }
                if self.unbound(a[0]) {
                    if let Some(s) = self.atomic_text_w(a[1]) {
                        let w = if op == AtomString {
                            self.atom_word(&s)
                        } else {
                            self.string_word(&s)
                        };
                        return Ok(self.unify(a[0], w));
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            StringChars | StringCodes => {
                let chars = op == StringChars;
                if let Some(s) = self.atomic_text_w(a[0]) {
                    let l = if chars {
                        self.chars_word(&s)
                    } else {
                        self.codes_word(&s)
                    };
                    return Ok(self.unify(a[1], l));
                }
                if self.unbound(a[0]) {
                    if let Some(s) = self.list_text_w(a[1]) {
                        let w = self.string_word(&s);
                        return Ok(self.unify(a[0], w));
                    }
                }
                self.text_bridge(op, &a[..2])
            }
            StringCode => {
                let i = self.s.deref(a[0]);
                if tag(i) == INT {
                    if let Some(s) = self.word_text(a[1]) {
                        let k = int_val(i);
                        return Ok(match s.chars().nth((k - 1).max(0) as usize) {
                            Some(c) if k >= 1 => self.unify(a[2], int(c as i64).unwrap()),
                            _ => false,
                        });
                    }
                }
                self.text_bridge(op, &a[..3])
            }
            StringLower | StringUpper | UpcaseAtom | DowncaseAtom => {
                let d = self.s.deref(a[0]);
                if self.unbound(d) || d == NIL || tag(d) == STR {
                    return self.text_bridge(op, &a[..2]);
                }
                let Some(s) = self.word_text(a[0]) else {
                    return self.text_bridge(op, &a[..2]);
                };
                let w = match op {
                    StringLower => self.string_word(&s.to_lowercase()),
                    StringUpper => self.string_word(&s.to_uppercase()),
                    UpcaseAtom => self.atom_word(&s.to_uppercase()),
                    _ => self.atom_word(&s.to_lowercase()),
                };
                Ok(self.unify(a[1], w))
            }
            SplitString => {
                let (Some(s), Some(sep), Some(pad)) = (
                    self.word_text(a[0]),
                    self.word_text(a[1]),
                    self.word_text(a[2]),
                ) else {
                    return self.text_bridge(op, &a[..4]);
                };
                let seps: Vec<char> = sep.chars().collect();
                let pad: Vec<char> = pad.chars().collect();
                let ws: Vec<Word> = crate::builtins::atoms::split_fields(&s, &seps, &pad)
                    .into_iter()
                    .map(|p| self.string_word(&p))
                    .collect();
                let l = self.list(&ws, NIL);
                Ok(self.unify(a[3], l))
            }
            AtomicListConcat2 | AtomicListConcat3 => {
                let sep = if op == AtomicListConcat3 {
                    match self.word_text(a[1]) {
                        Some(s) if !self.unbound(a[1]) => Some(s),
                        _ => return self.text_bridge(op, &a[..3]),
                    }
                } else {
                    None
                };
                let parts = crate::builtins::format::list_items(self, a[0]).and_then(|items| {
                    items
                        .iter()
                        .map(|w| self.atomic_text_w(*w))
                        .collect::<Option<Vec<String>>>()
                });
                match parts {
                    Some(p) => {
                        let s = p.join(sep.as_deref().unwrap_or(""));
                        let w = self.atom_word(&s);
                        let out = if op == AtomicListConcat3 { a[2] } else { a[1] };
                        Ok(self.unify(out, w))
                    }
                    None => self.text_bridge(op, &a[..n]),
                }
            }
            TermToAtom | TermString => {
                if self.unbound(a[0]) {
                    return self.text_bridge(op, &a[..2]);
                }
                let mut o = crate::writer::Opts::print();
                // quoted, but '$VAR'(N) is not written as a variable name
                o.numbervars = false;
                let s = self
                    .term_text_w(a[0], o)
                    .map_err(|b| self.text_err(b, op))?;
                let w = if op == TermToAtom {
                    self.atom_word(&s)
                } else {
                    self.string_word(&s)
                };
                Ok(self.unify(a[1], w))
            }
        }
    }

    /// Whether a BOX word is a string.
    fn is_string_w(&self, d: Word) -> bool {
        matches!(self.unbox(d), Boxed::S(_))
    }

    /// The nondeterministic text builtins; the continuation is in `cpr`.
    pub fn text_nondet(&mut self, cl: &Clause, op: Op, args: usize) -> Flow<'gc> {
        let (name, n) = op.pi();
        let mut a = [NIL; 5];
        for (k, x) in a.iter_mut().enumerate().take(n) {
            *x = self.build(cl, cl.roots[args + k]);
        }
        let string = matches!(op, Op::StringConcat | Op::SubString);
        let concat = matches!(op, Op::AtomConcat | Op::StringConcat);
        if concat {
            let (x, y) = (self.atomic_text_w(a[0]), self.atomic_text_w(a[1]));
            if let (Some(x), Some(y)) = (&x, &y) {
                let s = format!("{x}{y}");
                let w = if string {
                    self.string_word(&s)
                } else {
                    self.atom_word(&s)
                };
                return if self.unify(a[2], w) {
                    Flow::Next
                } else {
                    Flow::Fail
                };
            }
            let ok = (x.is_some() || self.unbound(a[0])) && (y.is_some() || self.unbound(a[1]));
            if let (true, Some(z)) = (ok, self.atomic_text_w(a[2])) {
                let cs: Rc<[char]> = z.chars().collect::<Vec<char>>().into();
                let sols = (0..=cs.len() as u32).map(|i| (0, i)).collect();
                return self.text_sols(cs, sols, true, string, a);
            }
        } else {
            let d = self.s.deref(a[0]);
            let ok_sub = |m: &Self, w: Word| {
                let t = tag(m.s.deref(w));
                t == REF || t == ATOM || t == BOX
            };
            let int_or_var = |m: &Self, w: Word| {
                let t = tag(m.s.deref(w));
                t == REF || t == INT && int_val(m.s.deref(w)) >= 0
            };
            let good = (tag(d) == ATOM && d != NIL || string && tag(d) != REF && tag(d) != STR)
                && int_or_var(self, a[1])
                && int_or_var(self, a[2])
                && int_or_var(self, a[3])
                && ok_sub(self, a[4]);
            if let (true, Some(s)) = (good, self.atomic_text_w(d)) {
                let cs: Rc<[char]> = s.chars().collect::<Vec<char>>().into();
                let nn = cs.len();
                let fix = |m: &Self, w: Word| {
                    let x = m.s.deref(w);
                    (tag(x) == INT).then(|| int_val(x) as usize)
                };
                let (fb, fl, fa) = (fix(self, a[1]), fix(self, a[2]), fix(self, a[3]));
                let mut sols = Vec::new();
                if !self.unbound(a[4]) {
                    // known substring: its occurrences
                    let sub: Vec<char> = self
                        .atomic_text_w(a[4])
                        .unwrap_or_default()
                        .chars()
                        .collect();
                    let l = sub.len();
                    if l <= nn {
                        for b in 0..=(nn - l) {
                            if cs[b..b + l] == sub[..] {
                                sols.push((b as u32, l as u32));
                            }
                        }
                    }
                } else {
                    let brange = match fb {
                        Some(b) => b..=b,
                        None => 0..=nn,
                    };
                    for b in brange {
                        if b > nn {
                            break;
                        }
                        for l in 0..=(nn - b) {
                            if fl.is_some_and(|x| x != l) || fa.is_some_and(|x| x != nn - b - l) {
                                continue;
                            }
                            sols.push((b as u32, l as u32));
                        }
                    }
                }
                return self.text_sols(cs, sols, false, string, a);
            }
        }
        // errors and unusual arguments: the older engine's builtin
        self.bridge_nondet(cl, name, n, args)
    }

    /// Tries the first of `sols`, leaving a choicepoint for the rest.
    fn text_sols(
        &mut self,
        cs: Rc<[char]>,
        sols: Vec<(u32, u32)>,
        concat: bool,
        string: bool,
        args: [Word; 5],
    ) -> Flow<'gc> {
        if sols.is_empty() {
            return Flow::Fail;
        }
        let first = sols[0];
        if sols.len() > 1 {
            let h = self.cps.len();
            self.push_cp(
                Alt::Text(Box::new(TextAlt {
                    cs: cs.clone(),
                    sols,
                    next: 1,
                    concat,
                    string,
                    args,
                })),
                0,
                h,
            );
        }
        if self.text_sol(&cs, first, concat, string, &args) {
            Flow::Next
        } else {
            Flow::Fail
        }
    }

    /// Unifies the arguments with one solution.
    fn text_sol(
        &mut self,
        cs: &[char],
        (b, l): (u32, u32),
        concat: bool,
        string: bool,
        a: &[Word; 5],
    ) -> bool {
        let (b, l) = (b as usize, l as usize);
        let mk = |m: &mut Self, s: &[char]| {
            let t: String = s.iter().collect();
            if string {
                m.string_word(&t)
            } else {
                m.atom_word(&t)
            }
        };
        if concat {
            let x = mk(self, &cs[..l]);
            let y = mk(self, &cs[l..]);
            self.unify(a[0], x) && self.unify(a[1], y)
        } else {
            let n = cs.len();
            let (bw, lw, aw) = (
                int(b as i64).unwrap(),
                int(l as i64).unwrap(),
                int((n - b - l) as i64).unwrap(),
            );
            if !(self.unify(a[1], bw) && self.unify(a[2], lw) && self.unify(a[3], aw)) {
                return false;
            }
            if self.unbound(a[4]) {
                let s = mk(self, &cs[b..b + l]);
                self.unify(a[4], s)
            } else {
                true
            }
        }
    }

    /// Backtracking into a [`TextAlt`] at choicepoint `h`: the next
    /// solution (`None`: it does not unify; backtrack on).
    pub fn text_redo(&mut self, h: usize, mut t: Box<TextAlt>) -> Option<Flow<'gc>> {
        let sol = t.sols[t.next];
        let cs = t.cs.clone();
        let (concat, string, args) = (t.concat, t.string, t.args);
        t.next += 1;
        if t.next < t.sols.len() {
            self.cps[h].alt = Alt::Text(t);
        } else {
            self.pop_cp_pub();
        }
        if self.text_sol(&cs, sol, concat, string, &args) {
            Some(self.continue_det())
        } else {
            None
        }
    }
}

impl Terms for Mach<'_, '_, '_> {
    type R = Word;
    #[inline]
    fn view(&self, w: Word) -> V<'_> {
        let d = self.s.deref(w);
        match tag(d) {
            REF => V::Var(idx(d) as i64),
            ATOM => {
                if d == NIL {
                    V::Nil
                } else {
                    V::Atom(self.atoms.name(atom_id(d)))
                }
            }
            INT => V::Int(int_val(d)),
            BOX => match self.unbox(d) {
                Boxed::F(f) => V::Float(*f),
                Boxed::B(b) => V::Big(b),
                Boxed::S(s) => V::Str(s),
            },
            STR => {
                let f = self.s.get(idx(d));
                V::Cmp(self.atoms.name(fun_name(f)), fun_arity(f))
            }
            LIS => V::Cmp("[|]", 2),
            _ => V::Other,
        }
    }
    #[inline]
    fn arg(&self, w: Word, k: usize) -> Word {
        self.arg_of(self.s.deref(w), k)
    }
    #[inline]
    fn cell_id(&self, w: Word) -> usize {
        idx(self.s.deref(w))
    }
}
