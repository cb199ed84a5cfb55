//! Reads the text form printed by `ir_print` back into a trace, so optimiser
//! tests can be written as IR text in, IR text out.
//!
//! It reads exactly what [`crate::jit::ir_print::print`] writes, and
//! `print(parse(text)) == text` for any printed trace. For hand-written tests
//! it also accepts:
//!
//! - `vN` names numbered freely: names are mapped to ops in order of
//!   definition (the printer renumbers them by position). An op with a result
//!   may omit `vN =`.
//! - blank lines, and comments from `;` or from a `#` not followed by a digit
//!   (`#3` is a field index) to the end of the line.
//! - a guard without `@N`: it gets a fresh empty snapshot, numbered after all
//!   the `@N` the text names.
//! - `@N` is snapshot `N` itself (not renamed): the trace gets snapshots
//!   `0..=max N`, and those without a `snapshot @N` block are empty.
//! - literals `5`, `-3`, `2.5`, `1e100`, `inf`, `-inf`, `nan`, `true`,
//!   `false`, `none`, `absent` and `"str"` (Rust escapes; equal strings share
//!   one constant). `cN` is an opaque heap constant, a fresh empty record: it
//!   is placed at index `N` of the pool, so it prints back as `cN`.
//! - `call NAME, args`: `NAME` is looked up with [`helpers::by_name`].
//! - snapshot lines may be indented any way; `frame` takes its `key=value`
//!   fields in any order, and all but `code` default to 0 or `[]`.
//!
//! Errors are `Err("line L: message")`; no input makes the parser panic.

use gc_arena::Mutation;
use rustc_hash::FxHashMap;

use crate::heap;
use crate::jit::helpers;
use crate::jit::ir::{
    Cmp, FloatOp, Inst, IntOp, Op, OvfOp, PendingWrite, Ref, SnapFrame, SnapId, SnapValue,
    Snapshot, TraceIr, Virtual,
};
use crate::value::{Tag, Value};

/// Snapshot, virtual and heap-constant numbers above this are rejected (they
/// would size tables).
const MAX_INDEX: u64 = 1 << 16;

/// Parses a trace from its text form.
pub fn parse<'gc>(mc: &Mutation<'gc>, text: &str) -> Result<TraceIr<'gc>, String> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let toks = tokenize(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        if !toks.is_empty() {
            lines.push((i + 1, toks));
        }
    }
    let mut p = Parser::new(mc, &lines)?;
    for (n, toks) in &lines {
        let mut cur = Cursor { toks, pos: 0 };
        p.line(&mut cur).map_err(|e| format!("line {n}: {e}"))?;
    }
    p.finish()
}

// ---- tokens ----

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A name or number: letters, digits, `_ . - +`.
    Word(String),
    /// A string literal, unescaped.
    Str(String),
    /// One of `= , [ ] : @ #`.
    Punct(char),
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '+')
}

fn tokenize(line: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut it = line.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        match c {
            ';' => break,
            '#' => {
                if line[i + 1..].starts_with(|d: char| d.is_ascii_digit()) {
                    it.next();
                    toks.push(Tok::Punct('#'));
                } else {
                    break;
                }
            }
            c if c.is_whitespace() => {
                it.next();
            }
            '=' | ',' | '[' | ']' | ':' | '@' => {
                it.next();
                toks.push(Tok::Punct(c));
            }
            '"' => {
                it.next();
                toks.push(Tok::Str(string_literal(&mut it)?));
            }
            c if is_word_char(c) => {
                let mut w = String::new();
                while let Some(&(_, c)) = it.peek() {
                    if !is_word_char(c) {
                        break;
                    }
                    w.push(c);
                    it.next();
                }
                toks.push(Tok::Word(w));
            }
            c => return Err(format!("unexpected character {c:?}")),
        }
    }
    Ok(toks)
}

/// Reads the rest of a string literal after its opening quote, undoing the
/// escapes Rust's `{:?}` writes.
fn string_literal(
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Result<String, String> {
    let mut s = String::new();
    loop {
        let Some((_, c)) = it.next() else {
            return Err("unterminated string".into());
        };
        match c {
            '"' => return Ok(s),
            '\\' => {
                let Some((_, e)) = it.next() else {
                    return Err("unterminated string".into());
                };
                s.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    '\\' | '"' | '\'' => e,
                    'u' => {
                        if it.next().map(|x| x.1) != Some('{') {
                            return Err("bad \\u escape".into());
                        }
                        let mut hex = String::new();
                        loop {
                            match it.next() {
                                Some((_, '}')) => break,
                                Some((_, h)) if h.is_ascii_hexdigit() && hex.len() < 6 => {
                                    hex.push(h)
                                }
                                _ => return Err("bad \\u escape".into()),
                            }
                        }
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or("bad \\u escape")?
                    }
                    _ => return Err(format!("unknown escape \\{e}")),
                });
            }
            c => s.push(c),
        }
    }
}

struct Cursor<'t> {
    toks: &'t [Tok],
    pos: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<&'t Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<&'t Tok> {
        let t = self.toks.get(self.pos);
        self.pos += t.is_some() as usize;
        t
    }
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }
    fn at_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }
    fn eat_punct(&mut self, c: char) -> bool {
        let yes = self.at_punct(c);
        self.pos += yes as usize;
        yes
    }
    fn punct(&mut self, c: char) -> Result<(), String> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            Err(format!("expected `{c}`, found {}", self.describe()))
        }
    }
    fn word(&mut self) -> Result<&'t str, String> {
        match self.peek() {
            Some(Tok::Word(w)) => {
                self.pos += 1;
                Ok(w)
            }
            _ => Err(format!(
                "expected a name or number, found {}",
                self.describe()
            )),
        }
    }
    fn end(&self) -> Result<(), String> {
        if self.at_end() {
            Ok(())
        } else {
            Err(format!("unexpected {} at end of line", self.describe()))
        }
    }
    fn describe(&self) -> String {
        match self.peek() {
            None => "end of line".into(),
            Some(Tok::Word(w)) => format!("`{w}`"),
            Some(Tok::Str(s)) => format!("{s:?}"),
            Some(Tok::Punct(c)) => format!("`{c}`"),
        }
    }
}

/// A number that must fit `T`.
fn number<T: std::str::FromStr>(w: &str, what: &str) -> Result<T, String> {
    w.parse::<T>().map_err(|_| format!("bad {what} `{w}`"))
}

/// `prefix` followed by a decimal number, e.g. `v12`.
fn numbered(w: &str, prefix: &str) -> Option<u64> {
    let digits = w.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An operand as written, before it is resolved to a ref.
#[derive(Debug)]
enum Item<'t> {
    Word(&'t str),
    Str(&'t str),
    /// `#k`.
    Field(&'t str),
}

/// Reads `item, item, ...` up to the end of the line, an `@` or a `]`.
fn items<'t>(cur: &mut Cursor<'t>) -> Result<Vec<Item<'t>>, String> {
    let mut out = Vec::new();
    if cur.at_end() || cur.at_punct('@') || cur.at_punct(']') {
        return Ok(out);
    }
    loop {
        out.push(match cur.peek() {
            Some(Tok::Word(w)) => Item::Word(w),
            Some(Tok::Str(s)) => Item::Str(s),
            Some(Tok::Punct('#')) => {
                cur.pos += 1;
                Item::Field(cur.word()?)
            }
            _ => return Err(format!("expected an operand, found {}", cur.describe())),
        });
        if !matches!(out.last(), Some(Item::Field(_))) {
            cur.pos += 1;
        }
        if !cur.eat_punct(',') {
            return Ok(out);
        }
    }
}

// ---- the parser ----

struct Parser<'a, 'gc> {
    mc: &'a Mutation<'gc>,
    t: TraceIr<'gc>,
    /// `vN` as written → op.
    names: FxHashMap<u64, Ref>,
    /// String contents → constant.
    strings: FxHashMap<String, Ref>,
    /// Ops written without `@N` that need a snapshot.
    fresh_snaps: Vec<usize>,
    /// Snapshot blocks read so far.
    blocks: FxHashMap<SnapId, Snapshot>,
    /// Number of snapshots the ops and blocks name (max `N` + 1).
    named_snaps: u32,
    /// The block being read, if any.
    block: Option<SnapId>,
}

impl<'a, 'gc> Parser<'a, 'gc> {
    /// Makes the parser, placing each `cN` the text uses at index `N` of the pool.
    fn new(mc: &'a Mutation<'gc>, lines: &[(usize, Vec<Tok>)]) -> Result<Self, String> {
        let mut heap_consts = Vec::new();
        for (n, toks) in lines {
            for tok in toks {
                if let Tok::Word(w) = tok {
                    if let Some(k) = numbered(w, "c") {
                        if k >= MAX_INDEX {
                            return Err(format!("line {n}: constant number {k} is too large"));
                        }
                        heap_consts.push(k as usize);
                    }
                }
            }
        }
        let mut t = TraceIr::default();
        if let Some(&max) = heap_consts.iter().max() {
            t.consts = vec![Value::None; max + 1];
            heap_consts.sort_unstable();
            heap_consts.dedup();
            for k in heap_consts {
                t.consts[k] = heap::new_record(mc, Value::None, vec![]);
            }
        }
        Ok(Parser {
            mc,
            t,
            names: FxHashMap::default(),
            strings: FxHashMap::default(),
            fresh_snaps: Vec::new(),
            blocks: FxHashMap::default(),
            named_snaps: 0,
            block: None,
        })
    }

    fn line(&mut self, cur: &mut Cursor<'_>) -> Result<(), String> {
        match cur.peek() {
            Some(Tok::Word(w)) if w == "snapshot" => {
                cur.pos += 1;
                cur.punct('@')?;
                let id = self.snap_id(cur.word()?)?;
                cur.end()?;
                if self.blocks.insert(id, Snapshot::default()).is_some() {
                    return Err(format!("snapshot @{id} is described twice"));
                }
                self.block = Some(id);
                Ok(())
            }
            Some(Tok::Word(w)) if matches!(w.as_str(), "frame" | "virtual" | "pending") => {
                let Some(id) = self.block else {
                    return Err(format!("`{w}` outside a snapshot block"));
                };
                cur.pos += 1;
                let mut snap = self.blocks.remove(&id).unwrap_or_default();
                let r = match w.as_str() {
                    "frame" => self.frame(cur, &mut snap),
                    "virtual" => self.virtual_(cur, &mut snap),
                    _ => self.pending(cur, &mut snap),
                };
                self.blocks.insert(id, snap);
                r?;
                cur.end()
            }
            _ if self.block.is_some() => Err("ops must come before the snapshot blocks".into()),
            _ => self.op_line(cur),
        }
    }

    fn snap_id(&mut self, w: &str) -> Result<SnapId, String> {
        let id: u64 = number(w, "snapshot number")?;
        if id >= MAX_INDEX {
            return Err(format!("snapshot number {id} is too large"));
        }
        self.named_snaps = self.named_snaps.max(id as u32 + 1);
        Ok(id as SnapId)
    }

    /// `[vN =] name operands [@N]`.
    fn op_line(&mut self, cur: &mut Cursor<'_>) -> Result<(), String> {
        let mut name = None;
        let first = cur.word()?;
        if cur.eat_punct('=') {
            let n = numbered(first, "v").ok_or_else(|| format!("bad value name `{first}`"))?;
            if self.names.contains_key(&n) {
                return Err(format!("{first} is defined twice"));
            }
            name = Some((first, n));
        } else {
            cur.pos -= 1;
        }
        let opname = cur.word()?;
        let args = items(cur)?;
        let op = self.op(opname, &args)?;
        let snap = if cur.eat_punct('@') {
            Some(self.snap_id(cur.word()?)?)
        } else {
            None
        };
        cur.end()?;
        if let Some((text, n)) = name {
            if !op.has_result() {
                return Err(format!("`{opname}` has no result to name {text}"));
            }
            self.names.insert(n, Ref::op(self.t.ops.len()));
        }
        if snap.is_some() && !op.is_guard() {
            return Err(format!("`{opname}` takes no snapshot"));
        }
        if snap.is_none() && op.is_guard() {
            self.fresh_snaps.push(self.t.ops.len());
        }
        self.t.ops.push(Inst { op, snap });
        Ok(())
    }

    fn finish(mut self) -> Result<TraceIr<'gc>, String> {
        let mut snaps = vec![Snapshot::default(); self.named_snaps as usize];
        for (id, s) in self.blocks.drain() {
            snaps[id as usize] = s;
        }
        for i in std::mem::take(&mut self.fresh_snaps) {
            self.t.ops[i].snap = Some(snaps.len() as SnapId);
            snaps.push(Snapshot::default());
        }
        self.t.snapshots = snaps;
        Ok(self.t)
    }

    // ---- operands ----

    fn const_ref(&mut self, v: Value<'gc>) -> Ref {
        self.t.konst(v)
    }

    /// An operand: `vN`, `cN` or a literal.
    fn operand(&mut self, item: &Item<'_>) -> Result<Ref, String> {
        let w = match item {
            Item::Str(s) => {
                if let Some(r) = self.strings.get(*s) {
                    return Ok(*r);
                }
                let v = heap::new_str(self.mc, s);
                self.t.consts.push(v);
                let r = Ref::konst(self.t.consts.len() - 1);
                self.strings.insert(s.to_string(), r);
                return Ok(r);
            }
            Item::Field(k) => return Err(format!("expected a value, found `#{k}`")),
            Item::Word(w) => *w,
        };
        if let Some(n) = numbered(w, "v") {
            return self
                .names
                .get(&n)
                .copied()
                .ok_or_else(|| format!("{w} is not defined"));
        }
        if let Some(k) = numbered(w, "c") {
            return Ok(Ref::konst(k as usize));
        }
        let v = match w {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "none" => Value::None,
            "absent" => Value::Absent,
            "inf" => Value::Float(f64::INFINITY),
            "-inf" => Value::Float(f64::NEG_INFINITY),
            "nan" => Value::Float(f64::NAN),
            _ if w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')) => {
                if let Ok(i) = w.parse::<i64>() {
                    Value::Int(i)
                } else if w.contains(['.', 'e', 'E']) {
                    Value::Float(number(w, "number")?)
                } else {
                    return Err(format!("bad number `{w}`"));
                }
            }
            _ => return Err(format!("expected a value, found `{w}`")),
        };
        Ok(self.const_ref(v))
    }

    fn operands(&mut self, items: &[Item<'_>]) -> Result<Vec<Ref>, String> {
        items.iter().map(|i| self.operand(i)).collect()
    }

    /// A snapshot value: `virtN` or an operand.
    fn snap_value(&mut self, item: &Item<'_>) -> Result<SnapValue, String> {
        if let Item::Word(w) = item {
            if let Some(n) = numbered(w, "virt") {
                if n >= MAX_INDEX {
                    return Err(format!("virtual number {n} is too large"));
                }
                return Ok(SnapValue::Virtual(n as u32));
            }
        }
        Ok(SnapValue::Ref(self.operand(item)?))
    }

    fn snap_values(&mut self, items: &[Item<'_>]) -> Result<Vec<SnapValue>, String> {
        items.iter().map(|i| self.snap_value(i)).collect()
    }

    // ---- ops ----

    /// The op `name` with operands `a`.
    fn op(&mut self, name: &str, a: &[Item<'_>]) -> Result<Op, String> {
        let arity = |n: usize| {
            if a.len() == n {
                Ok(())
            } else {
                Err(format!("`{name}` takes {n} operands, found {}", a.len()))
            }
        };
        Ok(match name {
            "input" | "param" => {
                arity(1)?;
                let k = index(&a[0], "slot")?;
                if name == "input" {
                    Op::Input(k)
                } else {
                    Op::Param(k)
                }
            }
            "label" => Op::Label(self.operands(a)?),
            "jump" => Op::Jump(self.operands(a)?),
            "exit" | "fuel" | "new_list" | "new_dict" => {
                arity(0)?;
                match name {
                    "exit" => Op::Exit,
                    "fuel" => Op::Fuel,
                    "new_list" => Op::NewList,
                    _ => Op::NewDict,
                }
            }
            "guard_tag" => {
                arity(2)?;
                let tag = match &a[1] {
                    Item::Word(w) => Tag::from_name(w),
                    _ => None,
                }
                .ok_or_else(|| format!("`guard_tag` wants a tag name, found {:?}", a[1]))?;
                Op::GuardTag(self.operand(&a[0])?, tag)
            }
            "guard_true" | "guard_false" | "int_to_float" | "bool_not" | "list_len"
            | "list_pop" | "finish" | "words_len" => {
                arity(1)?;
                let x = self.operand(&a[0])?;
                match name {
                    "guard_true" => Op::GuardTrue(x),
                    "guard_false" => Op::GuardFalse(x),
                    "int_to_float" => Op::IntToFloat(x),
                    "bool_not" => Op::BoolNot(x),
                    "list_len" => Op::ListLen(x),
                    "finish" => Op::Finish(x),
                    "words_len" => Op::WordsLen(x),
                    _ => Op::ListPop(x),
                }
            }
            "guard_value" | "same" | "list_get" | "list_append" | "list_truncate" | "dict_get"
            | "words_get" | "words_push" | "words_truncate" => {
                arity(2)?;
                let (x, y) = (self.operand(&a[0])?, self.operand(&a[1])?);
                match name {
                    "guard_value" => Op::GuardValue(x, y),
                    "same" => Op::Same(x, y),
                    "list_get" => Op::ListGet(x, y),
                    "list_append" => Op::ListAppend(x, y),
                    "list_truncate" => Op::ListTruncate(x, y),
                    "words_get" => Op::WordsGet(x, y),
                    "words_push" => Op::WordsPush(x, y),
                    "words_truncate" => Op::WordsTruncate(x, y),
                    _ => Op::DictGet(x, y),
                }
            }
            "list_set" | "dict_set" | "words_set" => {
                arity(3)?;
                let xs = self.operands(a)?;
                match name {
                    "list_set" => Op::ListSet(xs[0], xs[1], xs[2]),
                    "words_set" => Op::WordsSet(xs[0], xs[1], xs[2]),
                    _ => Op::DictSet(xs[0], xs[1], xs[2]),
                }
            }
            "new_record" => {
                if a.is_empty() {
                    return Err("`new_record` needs a class".into());
                }
                let xs = self.operands(a)?;
                Op::NewRecord(xs[0], xs[1..].to_vec())
            }
            "get_field" => {
                arity(2)?;
                Op::GetField(self.operand(&a[0])?, field(&a[1])?)
            }
            "set_field" => {
                arity(3)?;
                let k = field(&a[1])?;
                Op::SetField(self.operand(&a[0])?, k, self.operand(&a[2])?)
            }
            "call" => {
                let Some(Item::Word(h)) = a.first() else {
                    return Err("`call` needs a helper name".into());
                };
                let helper = helpers::by_name(h).ok_or_else(|| format!("unknown helper `{h}`"))?;
                Op::Call(helper, self.operands(&a[1..])?)
            }
            _ => return self.family_op(name, a),
        })
    }

    /// Ops named by family and variant: `int_add`, `int_lt`, `int_add_ovf`,
    /// `float_mul`, `float_lt`, `guard_lt`, `guard_float_lt`.
    fn family_op(&mut self, name: &str, a: &[Item<'_>]) -> Result<Op, String> {
        let unknown = || format!("unknown op `{name}`");
        let op: Box<dyn Fn(Ref, Ref) -> Op> = if let Some(c) = name.strip_prefix("guard_float_") {
            let c = Cmp::from_name(c).ok_or_else(unknown)?;
            Box::new(move |x, y| Op::GuardFloatCmp(c, x, y))
        } else if let Some(c) = name.strip_prefix("guard_") {
            let c = Cmp::from_name(c).ok_or_else(unknown)?;
            Box::new(move |x, y| Op::GuardIntCmp(c, x, y))
        } else if let Some(o) = name
            .strip_prefix("int_")
            .and_then(|s| s.strip_suffix("_ovf"))
        {
            let o = [OvfOp::Add, OvfOp::Sub, OvfOp::Mul]
                .into_iter()
                .find(|x| x.name() == o)
                .ok_or_else(unknown)?;
            Box::new(move |x, y| Op::IntOvf(o, x, y))
        } else if let Some(s) = name.strip_prefix("int_") {
            if let Some(c) = Cmp::from_name(s) {
                Box::new(move |x, y| Op::IntCmp(c, x, y))
            } else {
                let o = *IntOp::ALL
                    .iter()
                    .find(|x| x.name() == s)
                    .ok_or_else(unknown)?;
                Box::new(move |x, y| Op::Int(o, x, y))
            }
        } else if let Some(s) = name.strip_prefix("float_") {
            if let Some(c) = Cmp::from_name(s) {
                Box::new(move |x, y| Op::FloatCmp(c, x, y))
            } else {
                let o = *FloatOp::ALL
                    .iter()
                    .find(|x| x.name() == s)
                    .ok_or_else(unknown)?;
                Box::new(move |x, y| Op::Float(o, x, y))
            }
        } else {
            return Err(unknown());
        };
        if a.len() != 2 {
            return Err(format!("`{name}` takes 2 operands, found {}", a.len()));
        }
        Ok(op(self.operand(&a[0])?, self.operand(&a[1])?))
    }

    // ---- snapshot lines ----

    /// `frame lang=L code=C pc=P ret=R regs=[...]` (after `frame`).
    fn frame(&mut self, cur: &mut Cursor<'_>, snap: &mut Snapshot) -> Result<(), String> {
        let (mut lang, mut code, mut pc, mut ret_reg, mut regs) = (0, None, 0, 0, Vec::new());
        while !cur.at_end() {
            let key = cur.word()?;
            cur.punct('=')?;
            match key {
                "lang" => lang = number(cur.word()?, "language")?,
                "pc" => pc = number(cur.word()?, "pc")?,
                "ret" => ret_reg = number(cur.word()?, "register")?,
                "code" => {
                    let item = match cur.next() {
                        Some(Tok::Word(w)) => Item::Word(w),
                        Some(Tok::Str(s)) => Item::Str(s),
                        _ => return Err("`code=` wants a value".into()),
                    };
                    code = Some(self.operand(&item)?);
                }
                "regs" => {
                    cur.punct('[')?;
                    let it = items(cur)?;
                    cur.punct(']')?;
                    regs = self.snap_values(&it)?;
                }
                _ => return Err(format!("unknown frame field `{key}`")),
            }
        }
        let code = code.ok_or("a frame needs `code=`")?;
        snap.frames.push(SnapFrame {
            lang,
            code,
            pc,
            ret_reg,
            regs,
        });
        Ok(())
    }

    /// `virtual I = list [...] | dict [k: v, ...] | record c [...] | tuple [head, ...]`
    /// (after `virtual`).
    fn virtual_(&mut self, cur: &mut Cursor<'_>, snap: &mut Snapshot) -> Result<(), String> {
        let i: u64 = number(cur.word()?, "virtual number")?;
        if i != snap.virtuals.len() as u64 {
            return Err(format!(
                "virtuals must be numbered in order: expected {}, found {i}",
                snap.virtuals.len()
            ));
        }
        cur.punct('=')?;
        let v = match cur.word()? {
            "list" => {
                cur.punct('[')?;
                let it = items(cur)?;
                cur.punct(']')?;
                Virtual::List(self.snap_values(&it)?)
            }
            "tuple" => {
                cur.punct('[')?;
                let it = items(cur)?;
                cur.punct(']')?;
                if it.is_empty() {
                    return Err("`tuple` wants a head".into());
                }
                Virtual::Tuple(self.snap_values(&it)?)
            }
            "record" => {
                let class = items(cur)?;
                if class.len() != 1 {
                    return Err("`record` wants one class before its fields".into());
                }
                let class = self.snap_value(&class[0])?;
                cur.punct('[')?;
                let it = items(cur)?;
                cur.punct(']')?;
                Virtual::Record(class, self.snap_values(&it)?)
            }
            "dict" => {
                cur.punct('[')?;
                let mut entries = Vec::new();
                while !cur.at_punct(']') {
                    let k = match cur.next() {
                        Some(Tok::Word(w)) => self.operand(&Item::Word(w))?,
                        Some(Tok::Str(s)) => self.operand(&Item::Str(s))?,
                        _ => return Err("expected a dict key".into()),
                    };
                    cur.punct(':')?;
                    let v = match cur.next() {
                        Some(Tok::Word(w)) => self.snap_value(&Item::Word(w))?,
                        Some(Tok::Str(s)) => self.snap_value(&Item::Str(s))?,
                        _ => return Err("expected a dict value".into()),
                    };
                    entries.push((k, v));
                    if !cur.eat_punct(',') {
                        break;
                    }
                }
                cur.punct(']')?;
                Virtual::Dict(entries)
            }
            k => return Err(format!("unknown virtual kind `{k}`")),
        };
        snap.virtuals.push(v);
        Ok(())
    }

    /// `pending dict_set a, b, c` and the other writes (after `pending`).
    fn pending(&mut self, cur: &mut Cursor<'_>, snap: &mut Snapshot) -> Result<(), String> {
        let name = cur.word()?;
        let a = items(cur)?;
        let want = |n: usize| {
            if a.len() == n {
                Ok(())
            } else {
                Err(format!(
                    "pending `{name}` takes {n} operands, found {}",
                    a.len()
                ))
            }
        };
        let w = match name {
            "dict_set" | "list_set" => {
                want(3)?;
                let xs = self.snap_values(&a)?;
                if name == "dict_set" {
                    PendingWrite::DictSet(xs[0], xs[1], xs[2])
                } else {
                    PendingWrite::ListSet(xs[0], xs[1], xs[2])
                }
            }
            "list_append" | "list_truncate" => {
                want(2)?;
                let xs = self.snap_values(&a)?;
                if name == "list_append" {
                    PendingWrite::ListAppend(xs[0], xs[1])
                } else {
                    PendingWrite::ListTruncate(xs[0], xs[1])
                }
            }
            "set_field" => {
                want(3)?;
                let k = field(&a[1])?;
                PendingWrite::SetField(self.snap_value(&a[0])?, k, self.snap_value(&a[2])?)
            }
            _ => return Err(format!("unknown pending write `{name}`")),
        };
        snap.pending.push(w);
        Ok(())
    }
}

/// A `u32` operand (input and param slots).
fn index(item: &Item<'_>, what: &str) -> Result<u32, String> {
    match item {
        Item::Word(w) => number(w, what),
        _ => Err(format!("expected a {what} number, found {item:?}")),
    }
}

/// A `#k` operand.
fn field(item: &Item<'_>) -> Result<u32, String> {
    match item {
        Item::Field(k) => number(k, "field index"),
        _ => Err(format!("expected a field `#k`, found {item:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::jit::ir::{Op, Ref};
    use crate::jit::ir_print::print;
    use crate::jit::opt::testing::register_test_helpers;
    use crate::value::Value;

    /// A trace using every op, every kind of constant and every snapshot line.
    const EVERY_OP: &str = r##"v0 = input 0
v1 = input 1
label v0, v1
v3 = param 0
v4 = param 1
guard_tag v3, int @0
guard_value v4, c1 @0
v7 = int_add_ovf v3, 5 @1
v8 = int_sub_ovf v7, -3 @1
v9 = int_mul_ovf v8, 2 @1
v10 = int_add v9, 1
v11 = int_sub v10, 1
v12 = int_mul v11, 3
v13 = int_and v12, 255
v14 = int_or v13, 1
v15 = int_xor v14, v3
v16 = int_shl v15, 2
v17 = int_shr v16, 1
v18 = int_floordiv v17, 7
v19 = int_floormod v18, 7
v20 = int_truncdiv v19, -7
v21 = int_truncrem v20, 3
v22 = int_lt v21, v3
guard_true v22 @2
v24 = int_ge v21, 0
guard_false v24 @2
guard_le v21, 100 @2
guard_ne v21, v3 @2
v28 = int_to_float v21
v29 = float_add v28, 2.5
v30 = float_sub v29, -0.0
v31 = float_mul v30, 1e100
v32 = float_div v31, inf
v33 = float_eq v32, nan
guard_float_gt v32, -inf @3
v35 = bool_not v33
v36 = same v35, true
guard_false v36 @3
v38 = new_list
v39 = new_dict
v40 = new_record c2
v41 = new_record c2, v3, none
v42 = list_len v38
list_append v38, v3
v44 = list_get v38, 0
list_set v38, 0, false
v46 = list_pop v38
list_truncate v38, 0
v48 = dict_get v39, "x"
dict_set v39, "a \"quoted\"\n\tkey é", absent
v50 = get_field v41, #1
set_field v41, #0, v50
v52 = call pure_fn
v53 = call read_fn, v3, "x"
v54 = call raise_fn, v53 @4
v55 = call write_fn, v54
v56 = words_len v3
v57 = words_get v3, v56 @5
words_set v3, 0, v57 @5
words_push v3, 1
words_truncate v3, 0
fuel @5
exit @5
finish v55
jump v3, v41
snapshot @0
  frame lang=0 code=c0 pc=3 ret=0 regs=[v3, v4]
snapshot @1
  frame lang=0 code=c0 pc=4 ret=2 regs=[v3, v4, none]
  frame lang=1 code=c3 pc=0 ret=0 regs=[virt0, 5, "x"]
  virtual 0 = list [v3, virt1]
  virtual 1 = dict ["k": virt2, 7: v3]
  virtual 2 = record c2 [virt0, 2.5, absent]
  pending dict_set v4, "x", virt1
  pending list_append virt0, v3
  pending list_set virt0, 0, v7
  pending list_truncate virt0, 1
  pending set_field virt2, #0, true
snapshot @2
snapshot @3
  frame lang=0 code=c0 pc=9 ret=0 regs=[]
snapshot @4
  frame lang=2 code=c0 pc=1 ret=0 regs=[v53]
snapshot @5
"##;

    fn roundtrip(text: &str) -> Result<String, String> {
        register_test_helpers();
        gc_arena::arena::rootless_mutate(|mc| parse(mc, text).map(|t| print(&t)))
    }

    #[test]
    fn printed_text_reads_back_exactly() {
        assert_eq!(roundtrip(EVERY_OP).unwrap(), EVERY_OP);
    }

    /// The variant number of an op; exhaustive, so a new op must be added here
    /// (and to [`EVERY_OP`]).
    fn kind(op: &Op) -> usize {
        match op {
            Op::Input(_) => 0,
            Op::Label(_) => 1,
            Op::Param(_) => 2,
            Op::Jump(_) => 3,
            Op::Exit => 4,
            Op::GuardTag(..) => 5,
            Op::GuardValue(..) => 6,
            Op::GuardTrue(_) => 7,
            Op::GuardFalse(_) => 8,
            Op::GuardIntCmp(..) => 9,
            Op::GuardFloatCmp(..) => 10,
            Op::IntOvf(..) => 11,
            Op::Fuel => 12,
            Op::Int(..) => 13,
            Op::IntCmp(..) => 14,
            Op::Float(..) => 15,
            Op::FloatCmp(..) => 16,
            Op::IntToFloat(_) => 17,
            Op::BoolNot(_) => 18,
            Op::Same(..) => 19,
            Op::NewList => 20,
            Op::NewDict => 21,
            Op::NewRecord(..) => 22,
            Op::ListLen(_) => 23,
            Op::ListGet(..) => 24,
            Op::ListSet(..) => 25,
            Op::ListAppend(..) => 26,
            Op::ListPop(_) => 27,
            Op::ListTruncate(..) => 28,
            Op::DictGet(..) => 29,
            Op::DictSet(..) => 30,
            Op::GetField(..) => 31,
            Op::SetField(..) => 32,
            Op::Call(..) => 33,
            Op::Finish(_) => 34,
            Op::WordsLen(_) => 35,
            Op::WordsGet(..) => 36,
            Op::WordsSet(..) => 37,
            Op::WordsPush(..) => 38,
            Op::WordsTruncate(..) => 39,
        }
    }

    #[test]
    fn every_op_kind_is_in_the_round_trip() {
        register_test_helpers();
        gc_arena::arena::rootless_mutate(|mc| {
            let t = parse(mc, EVERY_OP).unwrap();
            let mut seen = [false; 40];
            for i in &t.ops {
                seen[kind(&i.op)] = true;
            }
            let missing: Vec<usize> = (0..40).filter(|k| !seen[*k]).collect();
            assert!(missing.is_empty(), "op kinds missing: {missing:?}");
        });
    }

    #[test]
    fn names_are_mapped_in_order_of_definition() {
        let text = "
            v10 = input 0      ; the entry value
            # a full-line comment
            label v10
            v20 = param 0
            guard_tag v20, int
            v7 = int_add_ovf v20, 1 @1

            int_lt v7, 10
            jump v7
        ";
        let want = "v0 = input 0\nlabel v0\nv2 = param 0\nguard_tag v2, int @2\n\
                    v4 = int_add_ovf v2, 1 @1\nv5 = int_lt v4, 10\njump v4\n\
                    snapshot @0\nsnapshot @1\nsnapshot @2\n";
        assert_eq!(roundtrip(text).unwrap(), want);
    }

    #[test]
    fn literals_make_constants() {
        register_test_helpers();
        gc_arena::arena::rootless_mutate(|mc| {
            let t = parse(mc, "v0 = input 0\nv1 = same v0, \"s\"\nv2 = same v1, \"s\"\nv3 = same v0, c4\nv4 = int_add v0, -9\nv5 = float_add v0, 2.0\n").unwrap();
            let args: Vec<Vec<Ref>> = t.ops.iter().map(|i| i.op.args()).collect();
            // equal strings share a constant
            assert_eq!(args[1][1], args[2][1]);
            assert_eq!(t.const_value(args[1][1]).as_str(), Some("s"));
            // c4 is index 4, an opaque record
            assert_eq!(args[3][1], Ref::konst(4));
            assert!(matches!(t.const_value(args[3][1]), Value::Record(_)));
            assert_eq!(t.as_int(args[4][1]), Some(-9));
            assert!(matches!(t.const_value(args[5][1]), Value::Float(f) if f == 2.0));
        });
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("v0 = input 0\nv1 = frob v0", "line 2: unknown op `frob`"),
            (
                "v0 = input 0\nv1 = int_add v0, v9",
                "line 2: v9 is not defined",
            ),
            (
                "v0 = input 0\nv1 = int_add v0",
                "line 2: `int_add` takes 2 operands, found 1",
            ),
            ("v0 = input 0\nv0 = input 1", "line 2: v0 is defined twice"),
            (
                "v0 = input 0\nv1 = same v0, \"abc",
                "line 2: unterminated string",
            ),
            (
                "v0 = input 0\nv1 = int_add v0, 1 @0",
                "line 2: `int_add` takes no snapshot",
            ),
            (
                "v0 = input 0\nguard_tag v0, integer",
                "line 2: `guard_tag` wants a tag name",
            ),
            (
                "v0 = input 0\nv1 = guard_true v0",
                "line 2: `guard_true` has no result",
            ),
            (
                "v0 = input 0\nv1 = call nope, v0",
                "line 2: unknown helper `nope`",
            ),
            (
                "v0 = input 0\nv1 = int_add v0, 99999999999999999999",
                "line 2: bad number",
            ),
            (
                "\n\nsnapshot @0\nsnapshot @0",
                "line 4: snapshot @0 is described twice",
            ),
            ("snapshot @0\nv0 = input 0", "line 2: ops must come before"),
            ("frame code=c0", "line 1: `frame` outside a snapshot block"),
            ("snapshot @0\n  frame pc=1", "line 2: a frame needs `code=`"),
            (
                "snapshot @0\n  virtual 1 = list []",
                "line 2: virtuals must be numbered in order",
            ),
            (
                "v0 = input 0\nv1 = get_field v0, 1",
                "line 2: expected a field `#k`",
            ),
            ("v0 = input 0 $", "line 1: unexpected character '$'"),
        ];
        for (text, want) in cases {
            let got = roundtrip(text).unwrap_err();
            assert!(
                got.starts_with(want),
                "{text:?}: got {got:?}, want {want:?}"
            );
        }
    }

    /// Every one-character deletion, and insertion of each of a few
    /// characters at every position, of a long trace parses or fails, never panics.
    #[test]
    fn mangled_text_never_panics() {
        register_test_helpers();
        let chars: Vec<(usize, char)> = EVERY_OP.char_indices().collect();
        gc_arena::arena::rootless_mutate(|mc| {
            for &(i, c) in &chars {
                let mut s = EVERY_OP.to_string();
                s.replace_range(i..i + c.len_utf8(), "");
                let _ = parse(mc, &s);
                for ins in ["#", "\"", "@", "[", "]", ",", "=", "\\", "9", "v"] {
                    let mut s = EVERY_OP.to_string();
                    s.insert_str(i, ins);
                    let _ = parse(mc, &s);
                }
            }
            for n in 0..EVERY_OP.len() {
                if EVERY_OP.is_char_boundary(n) {
                    let _ = parse(mc, &EVERY_OP[..n]);
                }
            }
        });
    }
}
