//! Builtin predicates, one file per group, and the procedure table.
//!
//! A deterministic builtin is a [`DetFn`]: it succeeds (`Ok(true)`), fails
//! (`Ok(false)`) or raises (`Err(ball)`), binding variables through the
//! machine (so bindings are trailed). A nondeterministic one is a
//! [`NonDetFn`]: it returns a target term and the list of its solutions; the
//! machine unifies the target with each in turn on backtracking. Control
//! constructs that manipulate continuations and choicepoints are
//! [`crate::machine::Ctl`]s. Library predicates that are naturally written in
//! Prolog live in `lib.pl`.

pub mod atoms;
pub mod compare;
pub mod db;
pub mod format;
pub mod io;
pub mod lists;
pub mod termb;

use vm_core::Value;

use crate::globals::Globals;
use crate::machine::{Ctl, Eng, PResult};
use crate::terms::{self, view, T};

/// A deterministic builtin.
pub type DetFn = for<'a, 'gc> fn(&Eng<'a, 'gc>, &[Value<'gc>]) -> PResult<'gc, bool>;
/// A nondeterministic builtin: `(target, solutions)`.
pub type NonDetFn =
    for<'a, 'gc> fn(&Eng<'a, 'gc>, &[Value<'gc>]) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)>;

/// What a name/arity refers to.
#[derive(Copy, Clone)]
pub enum Proc {
    /// A control construct (or machine-level builtin).
    Control(Ctl),
    /// A deterministic builtin.
    Det(DetFn),
    /// A user predicate: its index in the predicate list.
    User(usize),
}

/// Installs every builtin into the procedure table.
pub fn install(g: &mut Globals) {
    use Ctl::*;
    let ctl: &[(&str, usize, Ctl)] = &[
        ("true", 0, True),
        ("otherwise", 0, True),
        ("fail", 0, Fail),
        ("false", 0, Fail),
        ("!", 0, Cut),
        (",", 2, Conj),
        (";", 2, Disj),
        ("|", 2, Disj),
        ("->", 2, IfThen),
        ("*->", 2, SoftIfThen),
        ("$cut", 1, CutTo),
        ("$softcut", 1, SoftCut),
        ("\\+", 1, Not),
        ("not", 1, Not),
        ("findall", 3, Findall),
        ("findall", 4, Findall),
        ("$fa_add", 2, FaAdd),
        ("catch", 3, Catch),
        ("$catch_exit", 1, CatchExit),
        ("throw", 1, Throw),
        ("between", 3, Between),
        ("repeat", 0, Repeat),
        ("$solution", 0, Solution),
        ("halt", 0, Halt),
        ("halt", 1, Halt),
        ("retract", 1, Retract),
        ("consult", 1, Consult),
        ("ensure_loaded", 1, Consult),
        ("$load_next", 0, LoadNext),
    ];
    for (n, a, c) in ctl {
        g.define(n, *a, Proc::Control(*c));
    }
    for a in 1..=8 {
        g.define("call", a, Proc::Control(Call));
    }
    termb::install(g);
    atoms::install(g);
    db::install(g);
    io::install(g);
    format::install(g);
    lists::install(g);
    compare::install(g);
    det(g, "$ssu_match", 2, crate::ssu::ssu_match);
    det(g, "$cp_height", 1, crate::ssu::cp_height);
}

/// Registers a deterministic builtin.
pub fn det(g: &mut Globals, name: &str, arity: usize, f: DetFn) {
    g.define(name, arity, Proc::Det(f));
}

/// Registers a nondeterministic builtin.
pub fn nondet(g: &mut Globals, name: &str, arity: usize, f: NonDetFn) {
    g.define(name, arity, Proc::Control(Ctl::NonDet(f)));
}

/// The text of an atom, string, number, or code/char list.
pub fn text_of(v: Value<'_>) -> Option<String> {
    match view(v) {
        T::Atom(a) => Some(a.to_string()),
        T::Nil => Some("[]".to_string()),
        T::Str(s) => Some(s.to_string()),
        T::Int(i) => Some(i.to_string()),
        T::Big(b) => Some(b.to_string()),
        T::Float(f) => Some(crate::writer::format_float(f)),
        T::Compound("[|]", _) => text_of_list(v),
        _ => None,
    }
}

/// The text of a code or char list.
pub fn text_of_list(v: Value<'_>) -> Option<String> {
    let items = terms::list_to_vec(v)?;
    let mut s = String::new();
    for it in items {
        match view(it) {
            T::Int(c) => s.push(char::from_u32(c as u32)?),
            T::Atom(a) if a.chars().count() == 1 => s.push_str(a),
            _ => return None,
        }
    }
    Some(s)
}

/// Requires an atom argument.
pub fn need_atom<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, &'gc str> {
    match view(v) {
        T::Atom(a) => Ok(a),
        T::Nil => Ok("[]"),
        T::Var => Err(crate::errors::instantiation_error(e.mc)),
        _ => Err(crate::errors::type_error(e.mc, "atom", v)),
    }
}

/// Requires an integer argument.
pub fn need_int<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, i64> {
    match view(v) {
        T::Int(i) => Ok(i),
        T::Var => Err(crate::errors::instantiation_error(e.mc)),
        _ => Err(crate::errors::type_error(e.mc, "integer", v)),
    }
}

/// Requires a callable argument.
pub fn need_callable<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, ()> {
    match view(v) {
        T::Atom(_) | T::Nil | T::Compound(..) => Ok(()),
        T::Var => Err(crate::errors::instantiation_error(e.mc)),
        _ => Err(crate::errors::type_error(e.mc, "callable", v)),
    }
}

/// Adds `context(system:Name/Arity, _)` to an error ball whose context is unbound.
pub fn add_context<'gc>(
    e: &Eng<'_, 'gc>,
    ball: Value<'gc>,
    name: &str,
    arity: usize,
) -> Value<'gc> {
    if let T::Compound("error", a) = view(ball) {
        if a.len() == 2 && terms::is_var(terms::deref(a[1])) {
            let pi = crate::errors::pi(e.mc, name, arity);
            if matches!(view(a[0]), T::Compound("syntax_error", _)) {
                let ctx = e.compound("context", vec![pi, e.new_var()]);
                return e.compound("error", vec![a[0], ctx]);
            }
            let ctx = e.compound(
                "context",
                vec![e.compound(":", vec![e.atom("system"), pi]), e.new_var()],
            );
            return e.compound("error", vec![a[0], ctx]);
        }
        // `context(_, Message)` from `arith::cyclic_error`: the builtin's
        // name goes in the first argument
        if let T::Compound("context", c) = view(a[1]) {
            if c.len() == 2 && matches!(terms::deref(c[0]), Value::None) {
                let pi = crate::errors::pi(e.mc, name, arity);
                let pi = e.compound(":", vec![e.atom("system"), pi]);
                let ctx = e.compound("context", vec![pi, c[1]]);
                return e.compound("error", vec![a[0], ctx]);
            }
        }
    }
    ball
}
