//! Rust-side global state of one Prolog instance: the operator table,
//! flags, the procedure table (name/arity → control construct, builtin, or
//! user predicate id), files being loaded, and buffered output.
//!
//! It lives in the data of the program's code object (`RefCell<Globals>`),
//! reached from every frame through its code; heap-resident state (clauses,
//! global variables, the machine state) lives in the machine-state record.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::io::Write;

use crate::builtins::Proc;
use crate::lexer::Lexer;
use crate::ops::Ops;
use crate::parser::DoubleQuotes;

/// A file being consulted.
pub struct Load {
    /// Absolute path (for messages).
    pub path: String,
    /// The lexer positioned after the last clause read.
    pub lex: Lexer,
    /// Line of the directive being run.
    pub line: usize,
    /// Clause order in this file, for SWI's discontiguous warning.
    pub order: ClauseOrder,
}

/// Which predicates a file defined where, for the discontiguous warning.
#[derive(Default)]
pub struct ClauseOrder {
    /// The line of each predicate's first clause in the file.
    pub first_line: HashMap<(String, usize), usize>,
    /// The predicate of the previous clause.
    pub last: Option<(String, usize)>,
    /// Predicates defined by SSU (`=>`) rules in this file.
    pub ssu: Vec<(String, usize)>,
}

/// The global state.
pub struct Globals {
    /// Operators.
    pub ops: Ops,
    /// Procedures by name, then arity.
    pub procs: FxHashMap<String, Vec<(usize, Proc)>>,
    /// Variable serial counter (also the age stamp for conditional trailing).
    pub serial: i64,
    /// Set by `halt/0,1`.
    pub halted: Option<i32>,
    /// `unknown` flag is `fail`.
    pub flag_unknown_fail: bool,
    /// The `double_quotes` flag.
    pub double_quotes: DoubleQuotes,
    /// Buffered standard output.
    pub out: Vec<u8>,
    /// Files being loaded, innermost last.
    pub loads: Vec<Load>,
    /// Output captured by `with_output_to/2` (innermost last).
    pub capture: Vec<String>,
    /// Predicates declared `discontiguous`.
    pub discontiguous: std::collections::HashSet<(String, usize)>,
    /// Number of user predicates.
    pub npreds: usize,
    /// Loading the system library (its predicates are marked as library).
    pub loading_lib: bool,
    /// Standard input, read lazily.
    pub stdin: Option<Lexer>,
    /// Whether the output column is 0 (for `format`'s column tracking).
    pub column: usize,
    /// Flags set with set_prolog_flag that we only remember.
    pub other_flags: HashMap<String, String>,
    /// Loaded files (absolute paths).
    pub loaded: Vec<String>,
    /// Deepest continuation / most choicepoints before a resource error
    /// (the `stack_limit` flag divided by an approximate cell size).
    pub cont_limit: i64,
    /// First-argument indexes of large predicates (see `index`).
    pub index: crate::index::Indexes,
    /// The atom table: name → position in the machine state's `MS_ATOMS`
    /// list (see `Eng::intern`).
    pub atoms: FxHashMap<Box<str>, u32>,
    /// The last choicepoint id handed out (`machine::CP_ID`).
    pub cp_ids: i64,
    /// The procedures again, by the name's `Str` hash and arity, so a call
    /// looks its procedure up without hashing the name's text
    /// ([`Globals::lookup_hashed`]).
    by_hash: FxHashMap<(u64, usize), Vec<(Box<str>, Proc)>>,
    /// Changes with every change of the procedure table, so call sites of
    /// compiled clauses can keep the procedure they looked up
    /// (`compile::ClauseCode::procs`).
    pub proc_gen: u32,
    /// Clause code runs through the `Meta`-level interpreter
    /// (`metarun`) instead of inside the helper.
    pub meta_path: bool,
    /// Per predicate id: entered inside the helper even on the `Meta`
    /// path (a clause it cannot run; set once, never cleared).
    pub meta_skip: Vec<bool>,
    /// The procedure table's generation (`proc_gen`) for which `metarun`
    /// last extended `meta_skip` to whole call-graph components (0: never).
    pub skip_gen: u32,
    /// The undirected call graph between user predicates (by id) that
    /// extension used, to extend it again when one more predicate is skipped.
    pub skip_adj: Vec<Vec<u32>>,
    /// Aux predicates made so far (`lift.rs`: their names' numbers).
    pub aux_count: u64,
    /// Per predicate id: the first-argument values (hashes) traces have
    /// specialised its entry on (`metarun`: capped, then the helper runs it).
    pub promoted: FxHashMap<usize, Vec<u64>>,
    /// The term-store engine's compiled program between goals.
    pub store: Option<Box<crate::store::Saved>>,
}

impl Default for Globals {
    fn default() -> Self {
        Globals {
            ops: Ops::default(),
            procs: FxHashMap::default(),
            serial: 1,
            halted: None,
            flag_unknown_fail: false,
            double_quotes: DoubleQuotes::Codes,
            out: Vec::new(),
            loads: Vec::new(),
            discontiguous: Default::default(),
            capture: Vec::new(),
            npreds: 0,
            loading_lib: false,
            stdin: None,
            column: 0,
            other_flags: HashMap::new(),
            loaded: Vec::new(),
            cont_limit: crate::machine::MAX_CONT_DEPTH,
            index: Default::default(),
            atoms: FxHashMap::default(),
            cp_ids: 0,
            by_hash: FxHashMap::default(),
            proc_gen: 1,
            meta_path: false,
            meta_skip: Vec::new(),
            skip_gen: 0,
            skip_adj: Vec::new(),
            aux_count: 0,
            promoted: FxHashMap::default(),
            store: None,
        }
    }
}

impl Globals {
    /// The procedure `name/arity`, if any.
    #[inline]
    pub fn lookup(&self, name: &str, arity: usize) -> Option<Proc> {
        self.procs
            .get(name)?
            .iter()
            .find(|(a, _)| *a == arity)
            .map(|(_, p)| *p)
    }

    /// The procedure `name/arity`, where `hash` is the name's
    /// `Str::hash_code` (equal to [`name_hash`] of the text).
    #[inline]
    pub fn lookup_hashed(&self, name: &str, hash: u64, arity: usize) -> Option<Proc> {
        self.by_hash
            .get(&(hash, arity))?
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, p)| *p)
    }

    /// Defines `name/arity`.
    pub fn define(&mut self, name: &str, arity: usize, p: Proc) {
        self.proc_gen = self.proc_gen.wrapping_add(1).max(1);
        let v = self.procs.entry(name.to_string()).or_default();
        if let Some(e) = v.iter_mut().find(|(a, _)| *a == arity) {
            e.1 = p;
        } else {
            v.push((arity, p));
        }
        let h = self.by_hash.entry((name_hash(name), arity)).or_default();
        if let Some(e) = h.iter_mut().find(|(n, _)| &**n == name) {
            e.1 = p;
        } else {
            h.push((name.into(), p));
        }
    }

    /// Removes `name/arity` (calls raise existence errors again).
    pub fn undefine(&mut self, name: &str, arity: usize) {
        self.proc_gen = self.proc_gen.wrapping_add(1).max(1);
        if let Some(v) = self.procs.get_mut(name) {
            v.retain(|(a, _)| *a != arity);
        }
        if let Some(v) = self.by_hash.get_mut(&(name_hash(name), arity)) {
            v.retain(|(n, _)| &**n != name);
        }
    }

    /// Arities defined for `name`.
    pub fn arities(&self, name: &str) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .procs
            .get(name)
            .map(|v| v.iter().map(|(a, _)| *a).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Appends text to standard output.
    pub fn write_out(&mut self, s: &str) {
        if let Some(p) = s.rfind('\n') {
            self.column = s[p + 1..].chars().count();
        } else {
            self.column += s.chars().count();
        }
        self.out.extend_from_slice(s.as_bytes());
        if self.out.len() > 1 << 16 {
            self.flush();
        }
    }

    /// Flushes standard output.
    pub fn flush(&mut self) {
        let mut so = std::io::stdout().lock();
        let _ = so.write_all(&self.out);
        let _ = so.flush();
        self.out.clear();
    }

    /// Writes text to standard error (flushing standard output first).
    pub fn write_err(&mut self, s: &str) {
        self.flush();
        let mut se = std::io::stderr().lock();
        let _ = se.write_all(s.as_bytes());
        let _ = se.flush();
    }
}

/// The hash vm-core caches in a `Str` of text `name`.
pub fn name_hash(name: &str) -> u64 {
    vm_core::heap::Str::new(name).hash_code()
}
