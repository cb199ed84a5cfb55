//! lang-php: a PHP 8 subset on polyvm's meta-tracing core.
//!
//! Pipeline: [`lexer`] → [`parser`] (AST in [`ast`]) → [`compiler`] (register
//! bytecode in [`bytecode`]) → [`interp`] (one `step` generic over `Meta`).
//! Values and type juggling live in [`value`] and [`ops`], runtime state
//! (functions, classes, constants, globals) in [`runtime`], the standard
//! library in [`builtins`] and [`output`] plus a PHP prelude.
//!
//! Public API: [`run_file`], [`run_source`], [`PhpLang`] (the `Language`).

pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod bytes;
pub mod compiler;
pub mod consteval;
pub mod embed;
pub mod interp;
pub mod lexer;
pub mod ops;
pub mod output;
pub mod parser;
pub mod preg;
pub mod runtime;
pub mod value;

use std::path::Path;

use vm_core::exec::{CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::{Config, Mutation, Value, Vm};

use crate::bytecode::{SCRATCH, THIS};
use crate::interp::IncludeResult;
use crate::runtime::*;
use crate::value::*;

pub(crate) const PRELUDE: &str = include_str!("prelude/prelude.php");
/// Prelude parts compiled only for programs whose text holds one of their
/// words (compiling the prelude is part of every run's start-up): the SPL
/// data structures, `preg_replace_callback`, the shutdown destructors.
pub(crate) const PRELUDE_PARTS: &[(&[&str], &str)] = &[
    (&["spl", "arrayobject"], include_str!("prelude/spl.php")),
    (&["preg_replace_callback"], include_str!("prelude/preg.php")),
    (&["__destruct"], include_str!("prelude/shutdown.php")),
];

/// Whether `src` holds `word` (ASCII, case-insensitive).
pub(crate) fn mentions(src: &str, word: &str) -> bool {
    let w = word.as_bytes();
    src.as_bytes()
        .windows(w.len())
        .any(|x| x.eq_ignore_ascii_case(w))
}

/// The prelude's text for a program: with the parts it names appended.
pub(crate) fn prelude_for(src: &str) -> std::borrow::Cow<'static, str> {
    let mut out = std::borrow::Cow::Borrowed(PRELUDE);
    for (words, part) in PRELUDE_PARTS {
        if words.iter().any(|w| mentions(src, w)) {
            let o = out.to_mut();
            o.push('\n');
            o.push_str(part.trim_start_matches("<?php"));
        }
    }
    out
}

/// The PHP language for the executor.
pub struct PhpLang;

impl Language for PhpLang {
    fn name(&self) -> &'static str {
        "php"
    }
    vm_core::language_steps!(interp::step, interp::enter);
    fn catch<'gc>(&self, mc: &Mutation<'gc>, fr: &mut Frame<'gc>, exc: Value<'gc>) -> bool {
        interp::catch(mc, fr, exc)
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc> {
        match kind {
            CoreError::Recursion => heap::new_str(
                mc,
                "PHP Fatal error:  Maximum call stack size reached. Infinite recursion?",
            ),
            CoreError::NotCallable => heap::new_str(mc, &format!("PHP Fatal error:  {msg}")),
        }
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        match exc {
            Value::Int(code) => format!("\u{0}exit\u{0}{code}"),
            Value::Str(s) => format!("\u{0}fatal\u{0}{}", s.as_str()),
            v if is_object(v) => {
                let msg = to_str_scalar(obj_prop(v, "message"));
                let file = to_str_scalar(obj_prop(v, "file"));
                let line = to_str_scalar(obj_prop(v, "line"));
                let mut trace = String::new();
                if heap::record_len(v) > X_TRACE {
                    for e in arr_values(heap::get_field(v, X_TRACE)) {
                        trace.push_str(&to_str_scalar(e));
                        trace.push('\u{1}');
                    }
                }
                format!(
                    "{}\u{0}{}\u{0}{}\u{0}{}\u{0}{}",
                    class_name_of(v),
                    msg,
                    file,
                    line,
                    trace
                )
            }
            v => format!("\u{0}fatal\u{0}PHP Fatal error:  {v:?}"),
        }
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        php_frame_info(fr)
    }
}

/// Where a PHP frame is: the function's display name and the line it is at
/// (for a suspended caller, the line of the call).
pub(crate) fn php_frame_info(fr: &Frame<'_>) -> FrameInfo {
    let Some(fd) = func_data(fr.code) else {
        return FrameInfo {
            lang: "php",
            name: "?".into(),
            file: String::new(),
            line: 0,
            col: 0,
        };
    };
    let p = &fd.proto;
    let pc = (fr.pc as usize)
        .saturating_sub(1)
        .min(p.lines.len().saturating_sub(1));
    let line = p.lines.get(pc).copied().unwrap_or(0);
    let name = if p.is_main {
        "{main}".to_string()
    } else if let Some(c) = &p.class_name {
        let this = fr.regs.get(THIS as usize).copied().unwrap_or(Value::None);
        let sep = if is_object(this) && !p.is_closure {
            "->"
        } else {
            "::"
        };
        if p.is_closure {
            format!("{c}{sep}{{closure}}")
        } else {
            format!("{c}{sep}{}", p.fname)
        }
    } else {
        p.fname.clone()
    };
    FrameInfo {
        lang: "php",
        name,
        file: p.file.to_string(),
        line,
        col: 0,
    }
}

pub(crate) fn parse_and_compile(
    name: &str,
    src: &str,
    code_mode: bool,
) -> Result<std::rc::Rc<bytecode::FuncProto>, String> {
    let toks = if code_mode {
        lexer::lex_code(src, 1)
    } else {
        lexer::lex(src)
    };
    let toks =
        toks.map_err(|e| format!("PHP Parse error:  {} in {} on line {}", e.msg, name, e.line))?;
    let ast = parser::parse(toks)
        .map_err(|e| format!("PHP Parse error:  {} in {} on line {}", e.msg, name, e.line))?;
    let r = compiler::compile_file(&ast, name)
        .map_err(|e| format!("PHP Fatal error:  {} in {} on line {}", e.msg, name, e.line));
    if std::env::var("POLYVM_PHP_DUMP").is_ok() {
        if let Ok(p) = &r {
            fn dump(p: &bytecode::FuncProto) {
                eprintln!("== {} nregs={}", p.name, p.nregs);
                for (i, o) in p.ops.iter().enumerate() {
                    eprintln!("{i:4} {o:?}");
                }
                for k in &p.consts {
                    if let bytecode::KConst::Func(f) = k {
                        dump(f);
                    }
                }
            }
            dump(p);
        }
    }
    r
}

/// Checks that a source parses (for tests and tools): the php-style message on failure.
pub fn check_syntax(name: &str, src: &str) -> Result<(), String> {
    parse_and_compile(name, src, false).map(|_| ())
}

/// Loads a file for `include`/`require`.
pub(crate) fn load_include<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    current: &str,
    target: &str,
    once: bool,
    require: bool,
    line: u32,
) -> Result<IncludeResult<'gc>, Value<'gc>> {
    let base = Path::new(current).parent().unwrap_or(Path::new("."));
    let candidates = [base.join(target), Path::new(target).to_path_buf()];
    let path = candidates.iter().find(|p| p.is_file()).cloned();
    let kind = match (once, require) {
        (false, false) => "include",
        (true, false) => "include_once",
        (false, true) => "require",
        (true, true) => "require_once",
    };
    let Some(path) = path else {
        warn(&format!(
            "{kind}({target}): Failed to open stream: No such file or directory in {current} on line {line}"
        ));
        if require {
            let exc = make_exception(
                mc,
                rt,
                "Error",
                &format!("Failed opening required '{target}' (include_path='.:/usr/share/php')"),
                current,
                line,
            );
            return Err(exc);
        }
        warn(&format!(
            "{kind}(): Failed opening '{target}' for inclusion (include_path='.:/usr/share/php') in {current} on line {line}"
        ));
        return Ok(IncludeResult::Value(Value::Bool(false)));
    };
    let canon = std::fs::canonicalize(&path).unwrap_or(path.clone());
    let key = canon.to_string_lossy().into_owned();
    let included = rt_field(rt, RT_INCLUDED);
    if once && !matches!(dict_get_str(included, &key), Value::Absent) {
        return Ok(IncludeResult::Value(Value::Bool(true)));
    }
    heap::dict_set(mc, included, heap::new_str(mc, &key), Value::Bool(true));
    let src = std::fs::read(&canon)
        .map(|b| bytes::decode(&b))
        .unwrap_or_default();
    match parse_and_compile(&key, &src, false) {
        Ok(p) => Ok(IncludeResult::Code(materialize(mc, rt, &p, Value::None))),
        Err(msg) => Err(heap::new_str(mc, &msg)),
    }
}

pub(crate) fn new_vm(config: Config) -> Vm {
    let mut vm = Vm::new(config);
    let id = vm.register(Box::new(PhpLang));
    runtime::set_lang_id(id);
    for h in [
        &ops::BINOP,
        &ops::TO_BOOL,
        &ops::ECHO,
        &ops::WARN,
        &ops::STR_APPEND,
        &ops::STR_APPEND_OWNED,
        &ops::CONCAT,
        &ops::STR_AT,
        &ops::STR_FREEZE,
        &ops::STRLEN,
        &ops::INTERP,
        &ops::NORM_KEY,
        &ops::STR_KEY,
        &ops::STR_GET,
        &ops::ARR_DEGRADE,
        &ops::NUMERIC_STR,
        &ops::MATH,
        &ops::ARR_COPY,
        &ops::DIM_GET,
        &ops::DIM_SET,
        &builtins::BUILTIN,
        &interp::NO_TRACE,
        &interp::KEY_AT,
        &interp::NEW_OBJECT,
        &interp::MAKE_ARRAY,
        &interp::MAKE_VARIADIC,
        &interp::ARR_ENTRIES,
        &interp::CLONE,
        &interp::VERIFY,
        &interp::VERIFY_RET,
    ] {
        vm_core::jit::helpers::register(h);
    }
    vm
}

/// Runs PHP source as `php` would run a file named `name`; returns the exit code.
pub fn run_source(name: &str, src: &str, args: &[String], config: Config) -> i32 {
    run_impl(name, src, args, config, false)
}

/// Runs code given without an opening tag (`php -r`).
pub fn run_code(src: &str, args: &[String], config: Config) -> i32 {
    run_impl("Command line code", src, args, config, true)
}

/// Fuel per slice for PHP programs (vm-core's default is 100,000).
///
/// A slice that ends inside compiled recursion (function traces calling
/// each other through `call_trace`) unwinds every nested trace frame into
/// an interpreter frame, and those frames' continuations then run plainly:
/// bench.php's `Ack(3, 7)` took 90 such fuel exits, ~1M instructions each
/// (280M instructions in all; 197M with this fuel, php 181M). Ten times
/// the default keeps the collection points frequent enough: a loop that
/// makes a garbage string per iteration peaks at 14 MB instead of 12 MB
/// (47 MB at 10M fuel), and `SliceLength` still shortens slices that
/// overrun a due collection.
const SLICE_FUEL: i64 = 1_000_000;

fn run_impl(name: &str, src: &str, args: &[String], mut config: Config, code_mode: bool) -> i32 {
    if config.max_depth > 200_000 {
        config.max_depth = 200_000;
    }
    config.fuel = config.fuel.max(SLICE_FUEL);
    let prelude = match parse_and_compile("prelude.php", &prelude_for(src), false) {
        Ok(p) => p,
        Err(e) => {
            runtime::echo_err(&format!("{e}\n"));
            return 255;
        }
    };
    let main = match parse_and_compile(name, src, code_mode) {
        Ok(p) => p,
        Err(e) => {
            runtime::echo_err(&format!("{e}\n"));
            runtime::flush();
            return 255;
        }
    };
    let shutdown = if mentions(src, "__destruct") {
        parse_and_compile("prelude.php", "<?php __shutdown();", false).ok()
    } else {
        None
    };
    let log_jit = config.log_jit;
    let mut vm = new_vm(config);
    let argv: Vec<String> = std::iter::once(name.to_string())
        .chain(args.iter().cloned())
        .collect();
    let lang = runtime::lang_id();
    vm.mutate(|mc, root| {
        let rt = new_runtime(mc);
        root.lang_state[lang as usize] = rt;
        // $argv / $argc as globals.
        let av = arr_from_list(mc, argv.iter().map(|a| heap::new_str(mc, a)).collect());
        let globals = rt_field(rt, RT_GLOBALS);
        if !code_mode {
            // get_included_files() lists the main script first.
            let canon = std::fs::canonicalize(name)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| name.to_string());
            let included = rt_field(rt, RT_INCLUDED);
            heap::dict_set(mc, included, heap::new_str(mc, &canon), Value::Bool(true));
        }
        heap::dict_set(mc, globals, heap::new_str(mc, "argv"), new_ref(mc, av));
        heap::dict_set(
            mc,
            globals,
            heap::new_str(mc, "argc"),
            new_ref(mc, Value::Int(argv.len() as i64)),
        );
        for sg in ["_GET", "_POST", "_COOKIE", "_FILES", "_REQUEST", "_ENV"] {
            heap::dict_set(
                mc,
                globals,
                heap::new_str(mc, sg),
                new_ref(mc, new_array(mc)),
            );
        }
        let server = new_array(mc);
        let av2 = arr_from_list(mc, argv.iter().map(|a| heap::new_str(mc, a)).collect());
        arr_set(mc, server, heap::new_str(mc, "argv"), av2);
        arr_set(
            mc,
            server,
            heap::new_str(mc, "argc"),
            Value::Int(argv.len() as i64),
        );
        arr_set(
            mc,
            server,
            heap::new_str(mc, "SCRIPT_NAME"),
            heap::new_str(mc, name),
        );
        arr_set(
            mc,
            server,
            heap::new_str(mc, "SCRIPT_FILENAME"),
            heap::new_str(mc, name),
        );
        arr_set(
            mc,
            server,
            heap::new_str(mc, "PHP_SELF"),
            heap::new_str(mc, name),
        );
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        arr_set(
            mc,
            server,
            heap::new_str(mc, "REQUEST_TIME"),
            Value::Int(now),
        );
        heap::dict_set(
            mc,
            globals,
            heap::new_str(mc, "_SERVER"),
            new_ref(mc, server),
        );
        let main_code = materialize(mc, rt, &main, Value::None);
        let pre_code = materialize(mc, rt, &prelude, Value::None);
        // Frames run innermost first: the prelude, then the main script,
        // then (for a program with destructors) the prelude's `__shutdown`.
        if let Some(sd) = &shutdown {
            root.frames
                .push(frame_for(materialize(mc, rt, sd, Value::None)));
        }
        root.frames.push(frame_for(main_code));
        root.frames.push(frame_for(pre_code));
    });
    let result = vm.run();
    let code = match result {
        Ok(()) => 0,
        Err(u) => report_uncaught(&u),
    };
    runtime::flush();
    if log_jit {
        vm.mutate(|_, root| {
            for line in root.jit.stats_report() {
                eprintln!("{line}");
            }
        });
    }
    if LEAVE_VM.with(|l| l.get()) {
        std::mem::forget(vm);
    }
    code
}

thread_local! {
    /// Set by [`leave_vm_to_exit`].
    static LEAVE_VM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes the runs that follow on this thread leave their VM (heap objects,
/// compiled code) to the process's exit instead of freeing it object by
/// object, for a command-line process that exits when the run returns:
/// freeing bench.php hash1's 100,000 strings was 5.6% of its instructions,
/// and php's allocator also frees whole chunks at exit. Nothing is lost:
/// output is flushed before, files are unbuffered and stay in the thread's
/// tables. Not for embedders or tests that run many programs.
pub fn leave_vm_to_exit(on: bool) {
    LEAVE_VM.with(|l| l.set(on));
}

pub(crate) fn frame_for(code: Value<'_>) -> Frame<'_> {
    let p = &func_data(code).expect("php code").proto;
    let mut regs = vec![Value::Absent; p.nregs as usize];
    regs[THIS as usize] = Value::None;
    regs[1] = Value::None;
    regs[2] = code;
    regs[3] = Value::None;
    regs[SCRATCH as usize] = Value::Int(0);
    regs[5] = Value::None;
    let mut f = Frame::new(runtime::lang_id(), code, regs);
    f.ret_reg = SCRATCH;
    f
}

fn report_uncaught(u: &vm_core::Uncaught) -> i32 {
    let msg = &u.message;
    if let Some(rest) = msg.strip_prefix("\u{0}exit\u{0}") {
        return rest.parse().unwrap_or(0);
    }
    if let Some(rest) = msg.strip_prefix("\u{0}fatal\u{0}") {
        runtime::echo_err(&format!("{rest}\n"));
        return 255;
    }
    let parts: Vec<&str> = msg.split('\u{0}').collect();
    if parts.len() == 5 {
        let (cls, m, file, line) = (parts[0], parts[1], parts[2], parts[3]);
        let mut m = m.to_string();
        if (cls == "TypeError" || cls == "ArgumentCountError") && m.contains(", called in ") {
            m.push_str(" and defined");
        }
        let mut out =
            format!("PHP Fatal error:  Uncaught {cls}: {m} in {file}:{line}\nStack trace:\n");
        // Trace entries, innermost first: "file\0line\0function" joined by \u{1}.
        let frames: Vec<(&str, &str, &str)> = parts[4]
            .split('\u{1}')
            .filter(|e| !e.is_empty())
            .map(|e| {
                let mut it = e.split('\u{2}');
                (
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                    it.next().unwrap_or(""),
                )
            })
            .collect();
        let mut n = 0;
        for j in 0..frames.len().saturating_sub(1) {
            let callee = frames[j];
            let caller = frames[j + 1];
            if caller.0 == "[internal function]" {
                out.push_str(&format!("#{n} [internal function]: {}()\n", callee.2));
            } else {
                out.push_str(&format!(
                    "#{n} {}({}): {}()\n",
                    caller.0, caller.1, callee.2
                ));
            }
            n += 1;
        }
        out.push_str(&format!(
            "#{n} {{main}}\n  thrown in {file} on line {line}\n"
        ));
        runtime::echo_err(&out);
        let _ = &u.traceback;
        return 255;
    }
    runtime::echo_err(&format!("PHP Fatal error:  {msg}\n"));
    255
}

/// Runs a PHP file like the `php` command line does; returns the exit code.
pub fn run_file(path: &Path, args: &[String], config: Config) -> i32 {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let name = full.to_string_lossy().into_owned();
    match std::fs::read(&full) {
        Ok(b) => {
            let src = bytes::decode(&b);
            run_source(&name, &src, args, config)
        }
        Err(_) => {
            runtime::echo_err(&format!("Could not open input file: {}\n", path.display()));
            1
        }
    }
}
