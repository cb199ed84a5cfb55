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

pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod errors;
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

use vm_core::exec::{Action, CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::jit::recorder::{Recording, RV};
use vm_core::{Config, Mutation, Plain, Value, Vm};

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
    fn step_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, Value<'gc>> {
        interp::step(self, m, fr)
    }
    fn step_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        fr: &mut Frame<'gc>,
    ) -> Action<'gc, RV<'gc>> {
        interp::step(self, m, fr)
    }
    fn enter_plain<'gc>(
        &self,
        m: &mut Plain<'gc, '_>,
        callee: Value<'gc>,
        args: &[Value<'gc>],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        interp::enter(self, m, callee, args)
    }
    fn enter_recording<'gc>(
        &self,
        m: &mut Recording<'gc, '_>,
        callee: Value<'gc>,
        args: &[RV<'gc>],
    ) -> Result<Frame<'gc>, Value<'gc>> {
        interp::enter(self, m, callee, args)
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
    let fields = vec![
        heap::new_dict(mc),
        heap::new_list(mc),
        heap::new_dict(mc),
        Value::None,
        heap::new_dict(mc),
        Value::Int(1000),
        Value::Int(lang as i64),
        heap::new_list(mc),
    ];
    let rt = heap::new_record(mc, Value::None, fields);
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
    let mut consts = Vec::with_capacity(unit.consts.len());
    for (i, c) in unit.consts.iter().enumerate() {
        consts.push(match i {
            0 => rt.rt,
            1 => globals,
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
        CConst::Str(s) => rt.s(s),
        CConst::Bytes(b) => {
            let s: String = b.iter().map(|x| *x as char).collect();
            rt.record(Ty::Bytes, &[rt.s(&s)])
        }
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
    let ast = parser::parse_module(src)?;
    let source = Rc::new(Source {
        name: file.to_string(),
        lines: src.lines().map(String::from).collect(),
    });
    compiler::compile_module(&ast, source, hidden)
}

fn module_frame<'gc>(rt: &Rt<'_, 'gc>, code: Value<'gc>) -> Frame<'gc> {
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
    if let Value::List(_) = field(exc, I_SLOT1) {
        let items = heap::list_items(field(exc, I_SLOT1));
        for pair in items.chunks(2).rev() {
            if let (Some(data), Value::Int(pc)) = (interp::code_data(pair[0]), pair[1]) {
                let pos = data
                    .pos
                    .get(pc as usize)
                    .copied()
                    .unwrap_or(Pos::line(data.line_of(pc as u32)));
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

fn exc_line(exc: Value<'_>) -> String {
    let t = field(exc, F_TYPE);
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
    let msg = message_of(exc, &args);
    if msg.is_empty() {
        tname
    } else {
        format!("{tname}: {msg}")
    }
}

fn message_of(exc: Value<'_>, args: &[Value<'_>]) -> String {
    let t = field(exc, F_TYPE);
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
        for (k, v) in heap::dict_entries(field(exc, I_DICT)) {
            if k.as_str() == Some("__cause__") && matches!(v, Value::Record(_)) {
                render_one(v, out, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
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
    if let Some(s) = exc.as_str() {
        return format!("{s}\n");
    }
    if !matches!(exc, Value::Record(_)) || !matches!(field(exc, F_TYPE), Value::Record(_)) {
        return format!("{exc:?}\n");
    }
    let t = field(exc, F_TYPE);
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

fn run_inner(name: &str, src: &str, args: &[String], config: Config) -> i32 {
    helpers::register_all();
    helpers::install_panic_hook();
    let unit = match compile_source(src, name, false) {
        Ok(u) => u,
        Err(e) => {
            builtins::io::write_err(&e.render(name, src));
            return 1;
        }
    };
    let prelude = compile_source(PRELUDE, "<prelude>", true).expect("the prelude compiles");
    let mut argv = vec![name.to_string()];
    argv.extend(args.iter().cloned());
    modules::set_argv(argv);
    let mut path = vec![Path::new(name)
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
    vm.mutate(|mc, root| {
        let rt = make_runtime(mc, id, path);
        let r = Rt::new(mc, rt);
        let modules_d = field(rt, RT_MODULES);
        // The prelude: its globals are the fallbacks' namespace.
        let pm = modules::new_module(&r, "__prelude__", None);
        heap::set_field(mc, rt, RT_PRELUDE, field(pm, 1));
        let pcode = load_code(&r, &prelude, field(pm, 1));
        let main = modules::new_module(&r, "__main__", Some(name));
        heap::dict_set(mc, modules_d, r.s("__main__"), main);
        let mcode = load_code(&r, &unit, field(main, 1));
        root.lang_state[id as usize] = rt;
        root.frames.push(module_frame(&r, mcode));
        root.frames.push(module_frame(&r, pcode));
    });
    match vm.run() {
        Ok(()) => 0,
        Err(u) => {
            let msg = u.message;
            if let Some(rest) = msg.strip_prefix("\0EXIT:") {
                let (code, text) = rest.split_once('\n').unwrap_or((rest, ""));
                if !text.is_empty() {
                    builtins::io::write_err(&format!("{text}\n"));
                }
                return code.trim().parse().unwrap_or(1);
            }
            builtins::io::write_err(&msg);
            1
        }
    }
}
