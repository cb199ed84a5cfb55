//! lang-py: a Python 3 guest for polyvm's meta-tracing core.
//!
//! Pipeline: [`lexer`] (tokens with INDENT/DEDENT) → [`parser`] (AST) →
//! [`symtable`] (scopes) → [`compiler`] (register bytecode, [`bytecode`]) →
//! [`interp`] (the interpreter loop, generic over `vm_core::Meta`, so the
//! JIT records the same code). Objects live in the shared heap
//! ([`objects`]); built-in functions and methods are in [`builtins`],
//! modules in [`modules`]; the Rust helpers traces call are in [`helpers`].
//! Parts of the built-ins that must call Python code are written in Python
//! (`prelude.py`).

pub mod annotations;
pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod embed;
pub mod errors;
pub mod fastpath;
pub mod helpers;
pub mod interp;
pub mod lexer;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod parser;
pub mod symtable;

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

use vm_core::exec::{CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::{Config, Mutation, Value, Vm};

use bytecode::*;
use compiler::{CConst, CodeUnit};
use objects::*;

const PRELUDE: &str = include_str!("prelude.py");

/// The Python language as the core sees it.
pub struct PyLang {
    /// This language's id in the VM.
    pub id: Cell<u16>,
    /// The exception being unwound was raised by the top frame itself (not by a callee).
    pub fresh: Cell<bool>,
    /// The exception being unwound is a re-raise (its traceback already has this frame).
    pub reraise: Cell<bool>,
}

impl PyLang {
    pub fn new() -> PyLang {
        PyLang {
            id: Cell::new(0),
            fresh: Cell::new(false),
            reraise: Cell::new(false),
        }
    }
}

impl Default for PyLang {
    fn default() -> Self {
        PyLang::new()
    }
}

impl Language for PyLang {
    fn name(&self) -> &'static str {
        "python"
    }
    vm_core::language_steps!(self => interp::step, owned interp::enter);
    fn run_plain<'gc>(
        &self,
        m: &mut vm_core::Plain<'gc, '_>,
        frames: &mut Vec<Frame<'gc>>,
        inline: vm_core::exec::Inline,
    ) -> vm_core::Action<'gc, Value<'gc>> {
        interp::run_plain(self, m, frames, inline)
    }
    fn catch<'gc>(&self, mc: &Mutation<'gc>, fr: &mut Frame<'gc>, exc: Value<'gc>) -> bool {
        interp::catch(self, mc, fr, exc)
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc> {
        heap::new_str(mc, &format!("{:?}Error: {}", kind, msg))
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        render_uncaught(exc)
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        let data = interp::code_data(fr.code);
        match data {
            Some(d) => FrameInfo {
                lang: "python",
                name: d.name.clone(),
                file: d.source.name.clone(),
                line: d.line_of(fr.pc),
                col: 0,
            },
            None => FrameInfo {
                lang: "python",
                name: "?".into(),
                file: "?".into(),
                line: 0,
                col: 0,
            },
        }
    }
}

// ---------------------------------------------------------------- runtime set-up

fn bootstrap_types<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>) {
    let types = field(rt, RT_TYPES);
    for t in Ty::ALL {
        let rec = heap::new_record(
            mc,
            Value::None,
            vec![
                Value::None,
                heap::new_dict(mc),
                heap::new_str(mc, t.name()),
                Value::None,
                heap::new_list(mc),
                Value::Int(*t as i64),
                heap::new_str(mc, t.name()),
                heap::new_str(mc, "builtins"),
                Value::None,
                Value::None,
                Value::None,
                Value::None,
            ],
        );
        heap::list_append(mc, types, rec);
    }
    let r = Rt::new(mc, rt);
    let type_t = r.ty(Ty::Type);
    let parent = |t: Ty| -> Option<Ty> {
        match t {
            Ty::Object => None,
            Ty::Bool => Some(Ty::Int),
            t => exc_parent(t).or(Some(Ty::Object)),
        }
    };
    fn chain(t: Ty, parent: &dyn Fn(Ty) -> Option<Ty>) -> Vec<Ty> {
        let mut v = vec![t];
        let mut c = t;
        while let Some(p) = parent(c) {
            v.push(p);
            c = p;
        }
        v
    }
    for t in Ty::ALL {
        let rec = r.ty(*t);
        heap::set_field(mc, rec, F_TYPE, type_t);
        let bases = match parent(*t) {
            Some(p) => r.tuple(&[r.ty(p)]),
            None => r.tuple(&[]),
        };
        heap::set_field(mc, rec, T_BASES, bases);
        let mro = field(rec, T_MRO);
        for c in chain(*t, &parent) {
            heap::list_append(mc, mro, r.ty(c));
        }
    }
    // Builtin dunders on object and BaseException.
    let od = field(r.ty(Ty::Object), T_DICT);
    for n in [
        "__init__",
        "__setattr__",
        "__getattribute__",
        "__new__",
        "__repr__",
        "__str__",
        "__eq__",
        "__ne__",
        "__hash__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__init_subclass__",
    ] {
        heap::dict_set(mc, od, r.s(n), builtins::builtin_fn(&r, n, Value::None));
    }
    let ed = field(r.ty(Ty::BaseException), T_DICT);
    heap::dict_set(
        mc,
        ed,
        r.s("__init__"),
        builtins::builtin_fn(&r, "__init__", Value::None),
    );
}

fn make_runtime<'gc>(mc: &Mutation<'gc>, lang: u16, path: Vec<String>) -> Value<'gc> {
    // Unused indices stay None (see `objects::RT_RECLIMIT` for the layout).
    let mut fields = vec![Value::None; RT_COUNT as usize];
    for (i, v) in [
        (RT_BUILTINS, heap::new_dict(mc)),
        (RT_TYPES, heap::new_list(mc)),
        (RT_MODULES, heap::new_dict(mc)),
        (RT_INTERN, heap::new_dict(mc)),
        (RT_RECLIMIT, Value::Int(1000)),
        (RT_LANG, Value::Int(lang as i64)),
        (RT_PATH, heap::new_list(mc)),
        (
            RT_NAMES,
            heap::new_list_from(mc, NAMES.iter().map(|n| heap::new_str(mc, n)).collect()),
        ),
        (RT_STRS, heap::new_dict(mc)),
        (RT_EPOCH, Value::Int(0)),
        (RT_GEPOCH, Value::Int(0)),
        (RT_PROPS, Value::Bool(false)),
        (RT_FKEYS, Value::Bool(false)),
        (RT_REBOUND, heap::new_dict(mc)),
    ] {
        fields[i as usize] = v;
    }
    let rt = heap::new_record(mc, Value::None, fields);
    // The pre-allocated dunder names are the interned ones.
    let (names, strs) = (field(rt, RT_NAMES), field(rt, RT_STRS));
    for n in heap::list_items(names) {
        heap::dict_set(mc, strs, n, n);
    }
    bootstrap_types(mc, rt);
    let r = Rt::new(mc, rt);
    for p in path {
        heap::list_append(mc, field(rt, RT_PATH), r.s(&p));
    }
    let b = r.builtins();
    for n in builtins::FUNCTIONS {
        heap::dict_set(mc, b, r.s(n), builtins::builtin_fn(&r, n, Value::None));
    }
    for t in Ty::ALL {
        if matches!(
            t,
            Ty::NoneType
                | Ty::Function
                | Ty::BuiltinFunction
                | Ty::Method
                | Ty::Generator
                | Ty::Cell
                | Ty::Module
                | Ty::NotImplementedType
                | Ty::EllipsisType
                | Ty::ListIter
                | Ty::TupleIter
                | Ty::RangeIter
                | Ty::SeqIter
                | Ty::ListRevIter
                | Ty::DictKeys
                | Ty::DictValues
                | Ty::DictItems
                | Ty::File
                | Ty::Code
        ) {
            continue;
        }
        let name = if *t == Ty::SyntaxErrorT {
            "SyntaxError"
        } else {
            t.name()
        };
        heap::dict_set(mc, b, r.s(name), r.ty(*t));
    }
    heap::dict_set(
        mc,
        b,
        r.s("NotImplemented"),
        r.record(Ty::NotImplementedType, &[]),
    );
    heap::dict_set(mc, b, r.s("Ellipsis"), r.record(Ty::EllipsisType, &[]));
    heap::dict_set(mc, b, r.s("EnvironmentError"), r.ty(Ty::OSError));
    heap::dict_set(mc, b, r.s("IOError"), r.ty(Ty::OSError));
    heap::dict_set(mc, b, r.s("__debug__"), Value::Bool(true));
    rt
}

/// Turns a compiled unit into a code object whose globals are `globals`.
pub fn load_code<'gc>(rt: &Rt<'_, 'gc>, unit: &CodeUnit, globals: Value<'gc>) -> Value<'gc> {
    // Globals the module may rebind are data to traces from the start.
    for n in &unit.data.rebound {
        objects::global_rebound(rt, rt.name_str(n));
    }
    let mut consts = Vec::with_capacity(unit.consts.len());
    for (i, c) in unit.consts.iter().enumerate() {
        consts.push(match i {
            0 => rt.rt,
            1 => globals,
            2 => heap::new_list_from(
                rt.mc,
                vec![Value::None; IC_WIDTH as usize * unit.data.ops.len()],
            ),
            _ => cconst(rt, c, globals),
        });
    }
    heap::new_code(rt.mc, rt.lang(), Box::new(unit.data.clone()), consts)
}

fn cconst<'gc>(rt: &Rt<'_, 'gc>, c: &CConst, globals: Value<'gc>) -> Value<'gc> {
    match c {
        CConst::None => Value::None,
        CConst::Bool(b) => Value::Bool(*b),
        CConst::Int(i) => rt.int(i.clone()),
        CConst::Float(f) => Value::Float(*f),
        CConst::Str(s) => rt.name_str(s),
        CConst::Bytes(b) => builtins::bytes::from_data(rt, b),
        CConst::Ellipsis => rt.builtins_get("Ellipsis"),
        CConst::Tuple(items) => {
            let v: Vec<Value<'gc>> = items.iter().map(|x| cconst(rt, x, globals)).collect();
            rt.tuple(&v)
        }
        CConst::Code(u) => load_code(rt, u, globals),
    }
}

/// A function record running a module's top-level code.
pub fn module_function<'gc>(rt: &Rt<'_, 'gc>, code: Value<'gc>, name: &str) -> Value<'gc> {
    heap::new_record(
        rt.mc,
        code,
        vec![
            Value::Int(KIND_FUNC),
            rt.s("<module>"),
            rt.s("<module>"),
            Value::None,
            Value::None,
            Value::None,
            Value::None,
            rt.s(name),
        ],
    )
}

/// Compiles module source into a body function with `globals` (for imports).
pub fn load_module_code<'gc>(
    rt: &Rt<'_, 'gc>,
    src: &str,
    file: &str,
    globals: Value<'gc>,
    hidden: bool,
) -> Result<Value<'gc>, Value<'gc>> {
    let unit = compile_source(src, file, hidden).map_err(|e| {
        let t = if e.indent {
            Ty::IndentationError
        } else {
            Ty::SyntaxErrorT
        };
        rt.exc(t, &format!("{} ({}, line {})", e.msg, file, e.line))
    })?;
    let code = load_code(rt, &unit, globals);
    Ok(module_function(rt, code, file))
}

/// Parses and compiles a module.
pub fn compile_source(
    src: &str,
    file: &str,
    hidden: bool,
) -> Result<Rc<CodeUnit>, errors::SyntaxError> {
    let mut ast = parser::parse_module(src)?;
    annotations::record(&mut ast, src);
    let source = Rc::new(Source {
        name: file.to_string(),
        lines: src.lines().map(String::from).collect(),
    });
    compiler::compile_module(&ast, source, hidden)
}

pub fn module_frame<'gc>(rt: &Rt<'_, 'gc>, code: Value<'gc>) -> Frame<'gc> {
    let data = interp::code_data(code).expect("module code");
    let mut regs = vec![Value::None; data.nregs as usize];
    regs[REG_DEPTH as usize] = Value::Int(1);
    Frame::new(rt.lang(), code, regs)
}

// ---------------------------------------------------------------- tracebacks

/// One traceback line: file, line, function, and the source text with its caret line.
#[derive(PartialEq)]
struct TbEntry {
    file: String,
    line: u32,
    name: String,
    text: String,
}

fn tb_entries(exc: Value<'_>) -> Vec<TbEntry> {
    let mut out = Vec::new();
    let is_attr_error = mro(type_field(exc))
        .iter()
        .any(|c| type_name(*c) == "AttributeError");
    if let Value::List(_) = field(exc, I_SLOT1) {
        let items = heap::list_items(field(exc, I_SLOT1));
        for (idx, pair) in items.chunks(2).enumerate().rev() {
            if let (Some(data), Value::Int(pc)) = (interp::code_data(pair[0]), pair[1]) {
                let mut pos = data
                    .pos
                    .get(pc as usize)
                    .copied()
                    .unwrap_or(Pos::line(data.line_of(pc as u32)));
                if idx == 0 && is_attr_error {
                    if let Some((_, p)) = data.method_pos.iter().find(|(at, _)| *at == pc as u32) {
                        pos = *p;
                    }
                }
                let raw = data
                    .source
                    .lines
                    .get(pos.line.saturating_sub(1) as usize)
                    .cloned()
                    .unwrap_or_default();
                out.push(TbEntry {
                    file: data.source.name.clone(),
                    line: pos.line,
                    name: data.name.clone(),
                    text: source_with_carets(&raw, &pos),
                });
            }
        }
    }
    out
}

fn char_off(line: &str, byte: u32) -> usize {
    let b = (byte as usize).min(line.len());
    let mut b = b;
    while b > 0 && !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

/// The `    source` line and, as CPython 3.11 prints them, the `^^^` / `~~^^~~` markers.
fn source_with_carets(raw: &str, pos: &Pos) -> String {
    let stripped = raw.trim();
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = format!("    {}\n", stripped);
    if pos.col == NONE || pos.end_col == NONE {
        return out;
    }
    let start = char_off(raw, pos.col);
    let mut end = char_off(raw, pos.end_col);
    let same_line = pos.end_line == pos.line;
    if !same_line {
        end = raw.trim_end().chars().count();
    }
    if end < start {
        return out;
    }
    let anchors = if same_line {
        pos.anchor.map(|(l, r)| {
            let seg: String = raw.chars().skip(start).take(end - start).collect();
            let seg_start_byte = pos.col as usize;
            let rel = |b: u32| -> usize {
                let rb = (b as usize).saturating_sub(seg_start_byte);
                char_off(&seg, rb as u32)
            };
            (rel(l), rel(r))
        })
    } else {
        None
    };
    let stripped_chars = raw.chars().count() + 1 - stripped.chars().count();
    let show =
        end - start < stripped.chars().count() || anchors.map(|(l, r)| r > l).unwrap_or(false);
    if show {
        out.push_str("    ");
        out.push_str(&" ".repeat((start + 1).saturating_sub(stripped_chars)));
        match anchors {
            Some((l, r)) => {
                out.push_str(&"~".repeat(l));
                out.push_str(&"^".repeat(r.saturating_sub(l)));
                out.push_str(&"~".repeat((end - start).saturating_sub(r)));
            }
            None => out.push_str(&"^".repeat(end - start)),
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------- "Did you mean"

const MOVE_COST: usize = 2;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        1
    } else {
        MOVE_COST
    }
}

/// CPython 3.11's `levenshtein_distance` (Python/suggestions.c).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn suggest(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.map(|(_, bd)| d < bd).unwrap_or(true) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

fn dict_keys(d: Value<'_>) -> Vec<String> {
    match d {
        Value::Dict(_) => heap::dict_entries(d)
            .into_iter()
            .filter_map(|(k, _)| k.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

const OBJECT_DIR: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// `dir(obj)` for the suggestion, read from the heap without allocating.
fn dir_of(o: Value<'_>) -> Vec<String> {
    let mut names: Vec<String> = OBJECT_DIR.iter().map(|s| s.to_string()).collect();
    let native = |k: Ty| -> Vec<String> {
        let list: &[&str] = match k {
            Ty::Str => builtins::strings::METHODS,
            _ => &[],
        };
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        for m in [
            "append",
            "extend",
            "pop",
            "insert",
            "remove",
            "index",
            "count",
            "sort",
            "reverse",
            "copy",
            "clear",
            "get",
            "keys",
            "values",
            "items",
            "popitem",
            "setdefault",
            "update",
            "add",
            "discard",
            "union",
            "intersection",
            "difference",
        ] {
            if builtins::methods::has_method(k, m) {
                v.push(m.to_string());
            }
        }
        v
    };
    match o {
        Value::Str(_) => names.extend(native(Ty::Str)),
        Value::List(_) => names.extend(native(Ty::List)),
        Value::Dict(_) => names.extend(native(Ty::Dict)),
        Value::Record(_) => match type_field(o) {
            t @ Value::Record(_) => {
                if is_type(o) {
                    for c in mro(o) {
                        names.extend(dict_keys(field(c, T_DICT)));
                    }
                } else if builtin_of(t) == Some(Ty::Module) {
                    names = dict_keys(field(o, 1));
                } else {
                    if let Some(k) = builtin_of(t) {
                        if is_instance_kind(k) {
                            names.extend(
                                inst_keys(o)
                                    .iter()
                                    .map(|k| k.as_str().unwrap_or("").to_string()),
                            );
                            names.push("__dict__".into());
                            names.push("__module__".into());
                        } else {
                            names.extend(native(k));
                        }
                    }
                    for c in mro(t) {
                        names.extend(dict_keys(field(c, T_DICT)));
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
    names.sort();
    names.dedup();
    names
}

/// The ". Did you mean: 'x'?" CPython 3.11 appends to NameError and AttributeError.
fn suggestion(exc: Value<'_>) -> Option<String> {
    let t = type_field(exc);
    let d = field(exc, I_DICT);
    let name = match d {
        Value::Dict(_) => heap::dict_get(d, heap_str_key(d, "name")?),
        _ => return None,
    };
    let name = name.as_str()?.to_string();
    let tname = type_name(t);
    if mro(t).iter().any(|c| type_name(*c) == "AttributeError") {
        let obj = heap::dict_get(d, heap_str_key(d, "obj")?);
        return suggest(&dir_of(obj), &name);
    }
    if tname != "NameError" {
        return None;
    }
    // The innermost frame: its locals, then its globals, then the builtins.
    let tb = field(exc, I_SLOT1);
    let items = if let Value::List(_) = tb {
        heap::list_items(tb)
    } else {
        Vec::new()
    };
    let code = *items.first()?;
    let data = interp::code_data(code)?;
    if let Some(s) = suggest(&data.varnames, &name) {
        return Some(s);
    }
    let c = heap::as_code(code)?;
    if let Some(s) = suggest(&dict_keys(c.consts[K_GLOBALS as usize]), &name) {
        return Some(s);
    }
    let b: Vec<String> = dict_keys(field(c.consts[K_RT as usize], RT_BUILTINS))
        .into_iter()
        .filter(|n| !n.starts_with('_'))
        .collect();
    suggest(&b, &name)
}

/// The key `name` as it is stored in dict `d` (keys are compared by content).
fn heap_str_key<'gc>(d: Value<'gc>, name: &str) -> Option<Value<'gc>> {
    heap::dict_entries(d)
        .into_iter()
        .map(|(k, _)| k)
        .find(|k| k.as_str() == Some(name))
}

fn exc_line(exc: Value<'_>) -> String {
    let t = type_field(exc);
    let name = type_name(t);
    let module = field(t, T_MODULE)
        .as_str()
        .unwrap_or("builtins")
        .to_string();
    let qual = field(t, T_QUALNAME).as_str().unwrap_or(&name).to_string();
    let tname = if module == "builtins" || module == "__main__" {
        qual
    } else {
        format!("{module}.{qual}")
    };
    let args = exc_args(exc);
    let mut msg = message_of(exc, &args);
    if let Some(s) = suggestion(exc) {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if msg.is_empty() {
        tname
    } else {
        format!("{tname}: {msg}")
    }
}

fn message_of(exc: Value<'_>, args: &[Value<'_>]) -> String {
    let t = type_field(exc);
    let is_key_error = mro(t)
        .iter()
        .any(|c| type_name(*c) == "KeyError" && field(*c, T_MODULE).as_str() == Some("builtins"));
    let simple = |v: Value<'_>, repr_it: bool| -> String {
        match v {
            Value::Str(s) if !repr_it => s.as_str().to_string(),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format::float_repr(f),
            Value::None => "None".into(),
            Value::Bool(b) => if b { "True" } else { "False" }.into(),
            Value::BigInt(b) => b.0.to_string(),
            other => format!("{other:?}"),
        }
    };
    match args.len() {
        0 => String::new(),
        1 => simple(args[0], is_key_error),
        _ => {
            let parts: Vec<String> = args.iter().map(|a| simple(*a, true)).collect();
            format!("({})", parts.join(", "))
        }
    }
}

fn render_one(exc: Value<'_>, out: &mut String, depth: u32) {
    if depth > 20 {
        return;
    }
    if let Value::Dict(_) = field(exc, I_DICT) {
        let d = field(exc, I_DICT);
        let get = |name: &str| -> Value<'_> {
            heap::dict_entries(d)
                .into_iter()
                .find(|(k, _)| k.as_str() == Some(name))
                .map(|(_, v)| v)
                .unwrap_or(Value::Absent)
        };
        let cause = get("__cause__");
        let suppress = matches!(get("__suppress_context__"), Value::Bool(true));
        let context = get("__context__");
        if let Value::Record(_) = cause {
            render_one(cause, out, depth + 1);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (Value::Record(_), false) = (context, suppress) {
            render_one(context, out, depth + 1);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    let entries = tb_entries(exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    let mut i = 0;
    while i < entries.len() {
        let e = &entries[i];
        let mut j = i + 1;
        while j < entries.len()
            && entries[j].file == e.file
            && entries[j].line == e.line
            && entries[j].name == e.name
        {
            j += 1;
        }
        let reps = j - i;
        for k in 0..reps.min(3) {
            let x = &entries[i + k];
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                x.file, x.line, x.name
            ));
            out.push_str(&x.text);
        }
        if reps > 3 {
            let n = reps - 3;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n == 1 { "" } else { "s" }
            ));
        }
        i = j;
    }
    out.push_str(&exc_line(exc));
    out.push('\n');
}

/// The text CPython prints for an uncaught exception; SystemExit is `"\0EXIT:code\nmessage"`.
pub fn render_uncaught(exc: Value<'_>) -> String {
    if let Value::Absent = exc {
        return "RuntimeError: internal error: an operation needed Python code where no fallback exists\n".into();
    }
    if let Some(s) = exc.as_str() {
        return format!("{s}\n");
    }
    if !matches!(exc, Value::Record(_)) || !matches!(type_field(exc), Value::Record(_)) {
        return format!("{exc:?}\n");
    }
    let t = type_field(exc);
    if mro(t).iter().any(|c| type_name(*c) == "SystemExit") {
        let args = exc_args(exc);
        return match args.first() {
            None | Some(Value::None) => "\0EXIT:0\n".into(),
            Some(Value::Int(i)) => format!("\0EXIT:{}\n", i),
            Some(v) => format!("\0EXIT:1\n{}\n", message_of(exc, &[*v])),
        };
    }
    let mut out = String::new();
    render_one(exc, &mut out, 0);
    out
}

// ---------------------------------------------------------------- running programs

/// Runs a Python file like the `polyvm` command line: stdout/stderr, exit code.
pub fn run_file(path: &Path, args: &[String], config: Config) -> i32 {
    match std::fs::read_to_string(path) {
        Ok(src) => run_source(&path.to_string_lossy(), &src, args, config),
        Err(e) => {
            eprintln!("polyvm: can't open file '{}': {}", path.display(), e);
            2
        }
    }
}

/// Runs Python source named `name` (its file name in tracebacks).
pub fn run_source(name: &str, src: &str, args: &[String], config: Config) -> i32 {
    let code = run_inner(name, src, args, config);
    builtins::io::close_all();
    builtins::io::flush_out();
    code
}

/// A VM with the Python runtime set up and the prelude ready to run first;
/// `__main__` exists (empty). Returns the VM and Python's language id.
pub fn new_vm(config: Config, main_name: &str, args: &[String]) -> (Vm, u16) {
    helpers::register_all();
    helpers::install_panic_hook();
    let prelude = compile_source(PRELUDE, "<prelude>", true).expect("the prelude compiles");
    // `polyvm -c CODE` runs "<string>", and CPython's argv[0] is then "-c".
    let argv0 = if main_name == "<string>" {
        "-c"
    } else {
        main_name
    };
    let mut argv = vec![argv0.to_string()];
    argv.extend(args.iter().cloned());
    modules::set_argv(argv);
    let mut path = vec![Path::new(main_name)
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                ".".into()
            } else {
                p.to_string_lossy().into_owned()
            }
        })
        .unwrap_or_else(|| ".".into())];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    let mut vm = Vm::new(config);
    let lang = PyLang::new();
    let id = vm.languages().len() as u16;
    lang.id.set(id);
    vm.register(Box::new(lang));
    let main_name = main_name.to_string();
    vm.mutate(|mc, root| {
        let rt = make_runtime(mc, id, path);
        let r = Rt::new(mc, rt);
        let modules_d = field(rt, RT_MODULES);
        // The prelude: its globals are the fallbacks' namespace.
        let pm = modules::new_module(&r, "__prelude__", None);
        heap::set_field(mc, rt, RT_PRELUDE, field(pm, 1));
        let pcode = load_code(&r, &prelude, field(pm, 1));
        let main = modules::new_module(&r, "__main__", Some(&main_name));
        heap::dict_set(mc, modules_d, r.s("__main__"), main);
        root.lang_state[id as usize] = rt;
        root.frames.push(module_frame(&r, pcode));
    });
    (vm, id)
}

fn run_inner(name: &str, src: &str, args: &[String], config: Config) -> i32 {
    let unit = match compile_source(src, name, false) {
        Ok(u) => u,
        Err(e) => {
            builtins::io::write_err(&e.render(name, src));
            return 1;
        }
    };
    let (mut vm, id) = new_vm(config, name, args);
    vm.mutate(|mc, root| {
        let r = Rt::new(mc, root.lang_state[id as usize]);
        let main = heap::dict_get(field(r.rt, RT_MODULES), r.s("__main__"));
        let mcode = load_code(&r, &unit, field(main, 1));
        // Below the prelude's frame: the prelude runs first.
        root.frames.insert(0, module_frame(&r, mcode));
    });
    let result = vm.run();
    if vm.config.log_jit {
        vm.mutate(|_, root| {
            for line in root.jit.stats_report() {
                eprintln!("{line}");
            }
        });
    }
    match result {
        Ok(()) => 0,
        Err(u) => {
            let msg = u.message;
            if let Some(rest) = msg.strip_prefix("\0EXIT:") {
                let (code, text) = rest.split_once('\n').unwrap_or((rest, ""));
                if !text.is_empty() {
                    builtins::io::write_err(text);
                }
                return code.trim().parse().unwrap_or(1);
            }
            builtins::io::write_err(&msg);
            1
        }
    }
}
