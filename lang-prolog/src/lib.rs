//! lang-prolog: an ISO-core Prolog engine on polyvm's meta-tracing core,
//! following SWI-Prolog where ISO leaves a choice.
//!
//! - [`lexer`], [`parser`], [`ops`]: the reader (clause by clause, with a
//!   dynamic operator table);
//! - [`terms`]: how terms live on the shared heap;
//! - [`machine`]: continuations, choicepoints, trail, cut, exceptions;
//! - [`interp`]: the interpreter loop against `Meta` and the `Language` impl;
//! - [`builtins`]: builtin predicates, one file per group, plus `lib.pl`;
//! - [`writer`], [`arith`], [`errors`], [`consult`], [`dcg`].
//!
//! Running programs: [`run_file`], [`run_file_with_goal`], [`run_source`].
//! Embedding: [`Engine`] (consult text, run queries, iterate solutions).
//!
//! Where this engine departs from SWI-Prolog's defaults: the `double_quotes`
//! flag defaults to `codes` (ISO, as the issue asks), not SWI's `string`.

pub mod arith;
pub mod builtins;
pub mod compile;
pub mod consult;
pub mod dcg;
pub mod errors;
pub mod factor;
pub mod globals;
pub mod index;
pub mod interp;
pub mod lexer;
pub mod lift;
pub mod machine;
pub mod metarun;
pub mod ops;
pub mod parser;
pub mod program;
pub mod ssu;
pub mod store;
pub mod terms;
pub mod wam;
pub mod writer;

use std::cell::RefCell;
use std::path::Path;

use vm_core::heap;
use vm_core::{Config, LangId, Value, Vm};

use crate::globals::{Globals, Load};
use crate::lexer::Lexer;
use crate::machine::{
    Eng, MS_NEXT, MS_NFIELDS, MS_QVARS, MS_RESULT, PC_REDO, R_ERROR, R_HALT, R_SOLUTION,
};
use crate::program::Program;
use crate::terms::{view, T};

pub use interp::PrologLang;

/// The library written in Prolog, loaded at start-up.
pub const LIBRARY: &str = include_str!("lib.pl");

/// Stack size of the thread programs run on (the reader and writer recurse
/// over term nesting; guest recursion never uses the Rust stack).
const RUN_STACK: usize = 1 << 30;

/// A Rust view of a Prolog term (for embedding).
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// An atom (`[]` is `Atom("[]")`).
    Atom(String),
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A larger integer, in decimal.
    BigInt(String),
    /// A float.
    Float(f64),
    /// A SWI string.
    Str(String),
    /// A proper list.
    List(Vec<Term>),
    /// A compound term.
    Compound(String, Vec<Term>),
    /// An unbound variable (its printed name).
    Var(String),
}

fn to_term(v: Value<'_>) -> Term {
    // iterative over lists, recursive over arguments
    match view(v) {
        T::Var => Term::Var(writer::to_string(v, writer::Opts::write())),
        T::Atom(a) => Term::Atom(a.to_string()),
        T::Nil => Term::List(vec![]),
        T::Int(i) => Term::Int(i),
        T::Big(b) => Term::BigInt(b.to_string()),
        T::Float(f) => Term::Float(f),
        T::Str(s) => Term::Str(s.to_string()),
        T::Compound("[|]", a) if a.len() == 2 => match terms::list_to_vec(v) {
            Some(items) => Term::List(items.into_iter().map(to_term).collect()),
            None => Term::Compound("[|]".into(), a.iter().map(|x| to_term(*x)).collect()),
        },
        T::Compound(n, a) => Term::Compound(n.to_string(), a.iter().map(|x| to_term(*x)).collect()),
        _ => Term::Atom("<internal>".into()),
    }
}

/// One Prolog instance on its own VM.
pub struct Engine {
    vm: Vm,
    id: LangId,
}

/// How a query run ended.
enum Outcome {
    Solution,
    Fail,
    Error(String),
    Halt(i32),
}

impl Engine {
    /// A new engine with the library loaded.
    pub fn new(config: Config) -> Engine {
        vm_core::jit::helpers::register(&interp::RUN);
        for h in metarun::HELPERS {
            vm_core::jit::helpers::register(h);
        }
        let mut vm = Vm::new(config);
        let id = vm.register(Box::new(PrologLang));
        vm.mutate(|mc, root| {
            let mut g = Globals::default();
            g.meta_path = metarun::enabled_by_env();
            builtins::install(&mut g);
            builtins::det(&mut g, "$store_run", 2, store::store_run);
            builtins::det(&mut g, "$store_mode", 0, |_, _| Ok(store::enabled_by_env()));
            consult::install(&mut g);
            let prog = Program { g: RefCell::new(g) };
            let code = heap::new_code(mc, id, Box::new(prog), vec![]);
            // one more field: the store engine's bookkeeping (`store::MS_STORE`)
            let mut fields = vec![Value::None; MS_NFIELDS + 1];
            fields[machine::MS_CPS as usize] = heap::new_list(mc);
            fields[machine::MS_TRAIL as usize] = heap::new_list(mc);
            fields[machine::MS_PREDS as usize] = heap::new_list(mc);
            fields[machine::MS_GVARS as usize] = heap::new_dict(mc);
            fields[machine::MS_INITS as usize] = heap::new_list(mc);
            fields[machine::MS_CODE as usize] = code;
            fields[machine::MS_ATOMS as usize] = heap::new_list(mc);
            fields[machine::MS_ARGS as usize] = heap::new_list(mc);
            let st = heap::new_record(mc, Value::Bool(true), fields);
            root.lang_state[id as usize] = st;
            if let Some(prog) = heap::as_code(code).and_then(|c| c.data::<Program>()) {
                let e = Eng::new(mc, st, &prog.g);
                for a in machine::MACHINE_ATOMS {
                    e.intern(a);
                }
            }
        });
        let mut e = Engine { vm, id };
        e.with_globals(|g| g.loading_lib = true);
        let _ = e.load_text("library", LIBRARY);
        e.with_globals(|g| g.loading_lib = false);
        e
    }

    fn with_globals<R>(&mut self, f: impl FnOnce(&mut Globals) -> R) -> R {
        let id = self.id;
        self.vm.mutate(|_, root| {
            let st = root.lang_state[id as usize];
            let code = heap::get_field(st, machine::MS_CODE);
            let prog = heap::as_code(code)
                .and_then(|c| c.data::<Program>())
                .expect("program");
            let r = f(&mut prog.g.borrow_mut());
            r
        })
    }

    /// Starts a query built by `build` (in the machine) and runs it to its first outcome.
    fn start(
        &mut self,
        build: impl for<'gc> FnOnce(&Eng<'_, 'gc>) -> Option<Value<'gc>>,
    ) -> Outcome {
        let id = self.id;
        let ok = self.vm.mutate(|mc, root| {
            let st = root.lang_state[id as usize];
            let code = heap::get_field(st, machine::MS_CODE);
            let prog = heap::as_code(code)
                .and_then(|c| c.data::<Program>())
                .expect("program");
            let e = Eng::new(mc, st, &prog.g);
            let Some(goal) = build(&e) else { return false };
            e.start_query(goal);
            root.frames.push(metarun::query_frame(id, code, st));
            true
        });
        if !ok {
            return Outcome::Error("syntax error in query".into());
        }
        self.finish()
    }

    fn finish(&mut self) -> Outcome {
        let r = self.vm.run();
        let id = self.id;
        let out = self.vm.mutate(|_, root| {
            let st = root.lang_state[id as usize];
            let code = heap::get_field(st, machine::MS_CODE);
            let prog = heap::as_code(code)
                .and_then(|c| c.data::<Program>())
                .expect("program");
            let g = prog.g.borrow();
            match heap::get_field(st, MS_RESULT) {
                Value::Int(R_SOLUTION) => Outcome::Solution,
                Value::Int(R_HALT) => Outcome::Halt(g.halted.unwrap_or(0)),
                Value::Int(R_ERROR) => {
                    let ball = heap::get_field(st, machine::MS_GOAL);
                    let lines = errors::message_lines(terms::deref(ball), &|n| g.arities(n));
                    Outcome::Error(lines.join("\n"))
                }
                _ => Outcome::Fail,
            }
        });
        if let Err(u) = r {
            return Outcome::Error(u.message);
        }
        out
    }

    /// Asks for the next solution of the current query.
    fn redo(&mut self) -> Outcome {
        let id = self.id;
        self.vm.mutate(|_mc, root| {
            let st = root.lang_state[id as usize];
            let code = heap::get_field(st, machine::MS_CODE);
            heap::set_field(_mc, st, MS_RESULT, Value::None);
            heap::set_field(_mc, st, MS_NEXT, Value::Int(PC_REDO as i64));
            root.frames.push(metarun::query_frame(id, code, st));
        });
        self.finish()
    }

    fn load_text(&mut self, name: &str, text: &str) -> Result<(), String> {
        let (name, text) = (name.to_string(), text.to_string());
        match self.start(move |e| {
            e.g.borrow_mut().loads.push(Load {
                path: name,
                lex: Lexer::new(&text),
                line: 0,
                order: Default::default(),
            });
            Some(e.atom("$load_next"))
        }) {
            Outcome::Solution | Outcome::Fail => Ok(()),
            Outcome::Halt(c) => Err(format!("halt({c})")),
            Outcome::Error(m) => Err(m),
        }
    }

    /// Consults program text (clauses and directives).
    pub fn consult_text(&mut self, text: &str) -> Result<(), String> {
        let r = self.load_text("user", text);
        self.flush();
        r
    }

    /// Runs a query; iterate the result for its solutions (lazily). Each
    /// solution is the list of `(variable name, value)` bindings.
    pub fn query(&mut self, q: &str) -> Solutions<'_> {
        Solutions {
            engine: self,
            text: q.to_string(),
            started: false,
            done: false,
        }
    }

    /// Flushes buffered standard output.
    pub fn flush(&mut self) {
        self.with_globals(|g| g.flush());
    }

    fn bindings(&mut self) -> Vec<(String, Term)> {
        let id = self.id;
        self.vm.mutate(|_, root| {
            let st = root.lang_state[id as usize];
            let qv = heap::get_field(st, MS_QVARS);
            let mut out = Vec::new();
            if let Some(items) = terms::list_to_vec(qv) {
                for it in items {
                    if let T::Compound("=", a) = view(it) {
                        let name = terms::atom_text(a[0]).unwrap_or("").to_string();
                        out.push((name, to_term(a[1])));
                    }
                }
            }
            out
        })
    }
}

/// The solutions of a query, computed lazily.
pub struct Solutions<'a> {
    engine: &'a mut Engine,
    text: String,
    started: bool,
    done: bool,
}

impl Iterator for Solutions<'_> {
    type Item = Result<Vec<(String, Term)>, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let outcome = if !self.started {
            self.started = true;
            let text = self.text.clone();
            self.engine.start(move |e| {
                let (t, vars) = builtins::io::parse_text(e, &text).ok()?;
                let bs = vars
                    .into_iter()
                    .map(|(n, v)| e.compound("=", vec![e.atom(&n), v]))
                    .collect();
                e.set(MS_QVARS, e.list(bs, Value::None));
                Some(t)
            })
        } else {
            self.engine.redo()
        };
        self.engine.flush();
        match outcome {
            Outcome::Solution => Some(Ok(self.engine.bindings())),
            Outcome::Fail => {
                self.done = true;
                None
            }
            Outcome::Halt(c) => {
                self.done = true;
                Some(Err(format!("halt({c})")))
            }
            Outcome::Error(m) => {
                self.done = true;
                Some(Err(m))
            }
        }
    }
}

/// Runs a whole program. With `leak_heap`, the heap is not freed at the end:
/// the caller is a process about to exit, and freeing every object one by
/// one costs up to a sixth of a short run (the OS reclaims it at once).
fn run_program(
    path: String,
    text: Option<String>,
    goal: Option<String>,
    config: Config,
    leak_heap: bool,
) -> i32 {
    let mut e = Engine::new(config);
    let (path, text) = match text {
        Some(t) => (path, t),
        None => {
            let abs = match consult::resolve_path(&path) {
                Some(p) => p,
                None => {
                    e.with_globals(|g| {
                        g.write_err(&format!(
                            "ERROR: Prolog initialisation failed:\nERROR: source_sink `{path}' does not exist\n"
                        ))
                    });
                    return 1;
                }
            };
            match std::fs::read(&abs) {
                Ok(b) => (abs, String::from_utf8_lossy(&b).into_owned()),
                Err(_) => return 1,
            }
        }
    };
    let outcome = e.start(move |eng| {
        eng.g.borrow_mut().loads.push(Load {
            path: path.clone(),
            lex: Lexer::new(&text),
            line: 0,
            order: Default::default(),
        });
        eng.g.borrow_mut().loaded.push(path);
        let (g, t) = match &goal {
            Some(gt) => match builtins::io::parse_text(eng, gt) {
                Ok((g, _)) => (g, eng.atom(gt)),
                Err(_) => (
                    eng.compound(
                        "throw",
                        vec![eng.compound(
                            "error",
                            vec![
                                eng.compound("syntax_error", vec![eng.atom("goal")]),
                                eng.new_var(),
                            ],
                        )],
                    ),
                    eng.atom(gt),
                ),
            },
            None => (eng.atom("$none"), eng.atom("")),
        };
        let boot = if store::enabled_by_env() {
            "$store_boot"
        } else {
            "$boot_rest"
        };
        let rest = eng.compound(boot, vec![g, t]);
        Some(eng.compound(",", vec![eng.atom("$load_next"), rest]))
    });
    e.flush();
    if e.vm.config.log_jit {
        // entries, exits and the busiest traces, as the other languages print
        e.vm.mutate(|_, root| {
            for line in root.jit.stats_report() {
                eprintln!("{line}");
            }
        });
    }
    let code = match outcome {
        Outcome::Halt(c) => c,
        Outcome::Error(m) => {
            e.with_globals(|g| g.write_err(&format!("ERROR: {m}\n")));
            1
        }
        _ => 0,
    };
    if leak_heap {
        std::mem::forget(e);
    }
    code
}

fn on_big_stack(f: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    std::thread::Builder::new()
        .stack_size(RUN_STACK)
        .spawn(f)
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(70)
}

/// Runs a program file like `swipl -q -t halt FILE`: consults it (running its
/// directives and initialization goals) and returns the exit code.
pub fn run_file(path: &Path, _args: &[String], config: Config) -> i32 {
    run_file_with_goal(path, None, config)
}

/// Like `swipl -g GOAL -t halt FILE`: consults the file, then runs `goal`.
/// Meant for a process that exits afterwards: the heap is not freed.
pub fn run_file_with_goal(path: &Path, goal: Option<&str>, config: Config) -> i32 {
    let p = path.to_string_lossy().into_owned();
    let g = goal.map(str::to_string);
    on_big_stack(move || run_program(p, None, g, config, true))
}

/// Runs program text named `name` like [`run_file`].
pub fn run_source(name: &str, src: &str, _args: &[String], config: Config) -> i32 {
    let (n, s) = (name.to_string(), src.to_string());
    on_big_stack(move || run_program(n, Some(s), None, config, false))
}
