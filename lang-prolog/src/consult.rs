//! Loading program text clause by clause: each clause is read with the
//! operator table as the preceding directives left it, added to the
//! database, or (for `:- Goal`) run as a directive through the machine
//! before the next clause is read. Messages follow SWI-Prolog's format.

use vm_core::{heap, Value};

use crate::builtins::{self, det, text_of};
use crate::errors as err;
use crate::globals::{Globals, Load};
use crate::lexer::Lexer;
use crate::machine::{Eng, PResult, MS_CONT, MS_INITS};
use crate::parser;
use crate::terms::{self, view, T};
use crate::writer;

/// Clauses read per step before yielding back to the machine.
const CLAUSES_PER_STEP: usize = 64;

/// Resolves a file specification to an absolute path.
pub fn resolve_path(spec: &str) -> Option<String> {
    let cands = [spec.to_string(), format!("{spec}.pl")];
    for c in cands {
        let p = std::path::Path::new(&c);
        if p.is_file() {
            let abs = std::fs::canonicalize(p).ok()?;
            return Some(abs.to_string_lossy().into_owned());
        }
    }
    None
}

/// Starts loading `text` (named `path`): pushes the load and the reader goal.
pub fn start_load<'gc>(e: &Eng<'_, 'gc>, path: &str, text: &str) -> PResult<'gc, ()> {
    {
        let mut g = e.g.borrow_mut();
        g.loads.push(Load {
            path: path.to_string(),
            lex: Lexer::new(text),
            line: 0,
            order: Default::default(),
        });
        g.loaded.push(path.to_string());
    }
    let k = crate::machine::cell(e.mc, e.atom("$load_next"), 0, e.get(MS_CONT), e.cidx());
    e.set(MS_CONT, k);
    Ok(())
}

/// `consult/1` and `ensure_loaded/1`.
pub fn consult_goal<'gc>(
    e: &Eng<'_, 'gc>,
    goal: Value<'gc>,
    args: &[Value<'gc>],
) -> PResult<'gc, ()> {
    let spec = terms::deref(args[0]);
    let ensure = terms::is_functor(goal, "ensure_loaded", 1);
    let specs = match terms::list_to_vec(spec) {
        Some(l) if !matches!(view(spec), T::Nil) => l,
        _ => vec![spec],
    };
    for s in specs.into_iter().rev() {
        let s = terms::deref(s);
        if let T::Compound("library", _) = view(s) {
            continue;
        }
        let Some(name) = text_of(s) else {
            if terms::is_var(s) {
                return Err(err::instantiation_error(e.mc));
            }
            return Err(err::type_error(e.mc, "atom", s));
        };
        let Some(path) = resolve_path(&name) else {
            let f = e.compound("source_sink", vec![s]);
            let _ = f;
            return Err(err::existence_error(e.mc, "source_sink", s));
        };
        if ensure && e.g.borrow().loaded.contains(&path) {
            continue;
        }
        let text = match std::fs::read(&path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(_) => return Err(err::existence_error(e.mc, "source_sink", s)),
        };
        start_load(e, &path, &text)?;
    }
    Ok(())
}

fn warn(e: &Eng<'_, '_>, path: &str, line: usize, lines: &[String], error: bool) {
    let p = if error { "ERROR:" } else { "Warning:" };
    let mut s = format!("{p} {path}:{line}:\n");
    for l in lines {
        s.push_str(&format!("{p}    {l}\n"));
    }
    e.g.borrow_mut().write_err(&s);
}

/// `'$load_next'`: reads and handles clauses of the innermost load.
pub fn load_next<'gc>(e: &Eng<'_, 'gc>) -> PResult<'gc, ()> {
    for _ in 0..CLAUSES_PER_STEP {
        let (r, path) = {
            let mut g = e.g.borrow_mut();
            let dq = g.double_quotes;
            let ops = g.ops.clone();
            let mut serial = g.serial;
            let Some(load) = g.loads.last_mut() else {
                return Ok(());
            };
            let path = load.path.clone();
            let r = parser::read_term(&mut load.lex, &ops, e.mc, dq, &mut serial);
            g.serial = serial + 1;
            (r, path)
        };
        match r {
            Ok(None) => {
                let (depth, ssu) = {
                    let mut g = e.g.borrow_mut();
                    let d = g.loads.len();
                    let ssu = g.loads.pop().map(|l| l.order.ssu).unwrap_or_default();
                    (d, ssu)
                };
                for (name, arity) in ssu {
                    let c = crate::ssu::no_match_clause(e, &name, arity);
                    builtins::db::add_clause(e, c, false, true)?;
                }
                run_inits(e, depth as i64);
                return Ok(());
            }
            Err(se) => {
                let s = format!(
                    "ERROR: {}:{}:{}: Syntax error: {}\n",
                    path,
                    se.line,
                    se.col.saturating_sub(1),
                    se.msg
                );
                e.g.borrow_mut().write_err(&s);
            }
            Ok(Some(rt)) => {
                if !rt.singletons.is_empty() {
                    let names = rt.singletons.join(",");
                    warn(
                        e,
                        &path,
                        rt.line,
                        &[format!("Singleton variables: [{names}]")],
                        false,
                    );
                }
                if !rt.multi_marked.is_empty() {
                    let lines: Vec<String> = rt
                        .multi_marked
                        .iter()
                        .map(|n| format!("Singleton-marked variable appears more than once: {n}"))
                        .collect();
                    warn(e, &path, rt.line, &lines, false);
                }
                let t = terms::deref(rt.term);
                if let Some(l) = e.g.borrow_mut().loads.last_mut() {
                    l.line = rt.line;
                }
                if let T::Compound(":-", a) = view(t) {
                    if a.len() == 1 {
                        // initialization(G, now) runs G as a directive
                        let mut a0 = terms::deref(a[0]);
                        if let T::Compound("initialization", ia) = view(a0) {
                            if ia.len() == 2 && matches!(view(ia[1]), T::Atom("now")) {
                                a0 = ia[0];
                            }
                        }
                        let a = [builtins::db::bar_body(e, a0)];
                        let next = crate::machine::cell(
                            e.mc,
                            e.atom("$load_next"),
                            0,
                            e.get(MS_CONT),
                            e.cidx(),
                        );
                        let d = e.compound(
                            "$directive",
                            vec![a[0], e.atom(&path), Value::Int(rt.line as i64)],
                        );
                        let k = crate::machine::cell(e.mc, d, e.cp_height(), next, 0);
                        e.set(MS_CONT, k);
                        return Ok(());
                    }
                }
                if let T::Compound("?-", a) = view(t) {
                    if a.len() == 1 {
                        let next = crate::machine::cell(
                            e.mc,
                            e.atom("$load_next"),
                            0,
                            e.get(MS_CONT),
                            e.cidx(),
                        );
                        let d = e.compound(
                            "$directive",
                            vec![a[0], e.atom(&path), Value::Int(rt.line as i64)],
                        );
                        let k = crate::machine::cell(e.mc, d, e.cp_height(), next, 0);
                        e.set(MS_CONT, k);
                        return Ok(());
                    }
                }
                let clause = if let T::Compound("-->", a) = view(t) {
                    if a.len() == 2 {
                        crate::dcg::translate_rule(e, a[0], a[1])
                    } else {
                        Ok(t)
                    }
                } else if let Some((c, key)) = crate::ssu::translate(e, t) {
                    let mut g = e.g.borrow_mut();
                    if let Some(load) = g.loads.last_mut() {
                        if !load.order.ssu.contains(&key) {
                            load.order.ssu.push(key);
                        }
                    }
                    Ok(c)
                } else if let T::Compound(":-", a) = view(t) {
                    // `$` and `$Goal` in ordinary clause bodies
                    if a.len() == 2 {
                        Ok(e.compound(":-", vec![a[0], crate::ssu::det_markers(e, a[1])]))
                    } else {
                        Ok(t)
                    }
                } else {
                    Ok(t)
                };
                if let Ok(c) = clause {
                    check_order(e, c, &path, rt.line);
                }
                let r = clause.and_then(|c| builtins::db::add_clause(e, c, false, true));
                if let Err(ball) = r {
                    let lines = {
                        let g = e.g.borrow();
                        err::message_lines(ball, &|n| g.arities(n))
                    };
                    warn(e, &path, rt.line, &lines, true);
                }
            }
        }
    }
    let next = crate::machine::cell(e.mc, e.atom("$load_next"), 0, e.get(MS_CONT), e.cidx());
    e.set(MS_CONT, next);
    Ok(())
}

/// SWI's warning for a clause of a predicate whose earlier clauses in this
/// file are separated from it by other predicates' clauses.
fn check_order<'gc>(e: &Eng<'_, 'gc>, clause: Value<'gc>, path: &str, line: usize) {
    let (head, _) = builtins::db::split_clause(clause);
    let Some((name, arity)) = terms::name_arity(head) else {
        return;
    };
    let key = (name.to_string(), arity);
    let msg = {
        let mut g = e.g.borrow_mut();
        if g.loading_lib {
            return;
        }
        let declared = g.discontiguous.contains(&key);
        let Some(load) = g.loads.last_mut() else {
            return;
        };
        let order = &mut load.order;
        let msg = match (order.first_line.get(&key), &order.last) {
            (Some(first), Some(last)) if *last != key && !declared => Some(vec![
                format!(
                    "Clauses of {} are not together in the source-file",
                    pi_text(&key)
                ),
                format!("Earlier definition at {path}:{first}"),
                format!("Current predicate: {}", pi_text(last)),
                format!(
                    "Use :- discontiguous {}. to suppress this message",
                    pi_text(&key)
                ),
            ]),
            _ => None,
        };
        order.first_line.entry(key.clone()).or_insert(line);
        order.last = Some(key);
        msg
    };
    if let Some(lines) = msg {
        warn(e, path, line, &lines, false);
    }
}

fn pi_text((name, arity): &(String, usize)) -> String {
    format!("{}/{arity}", crate::writer::quote_atom(name))
}

/// Pushes the initialization goals registered while loading at `depth`.
fn run_inits(e: &Eng<'_, '_>, depth: i64) {
    let inits = e.get(MS_INITS);
    let items = heap::list_items(inits);
    let (mine, rest): (Vec<_>, Vec<_>) = items
        .into_iter()
        .partition(|r| matches!(heap::get_field(*r, 0), Value::Int(d) if d == depth));
    heap::list_truncate(e.mc, inits, 0);
    for r in rest {
        heap::list_append(e.mc, inits, r);
    }
    for r in mine.into_iter().rev() {
        let g = heap::get_field(r, 1);
        let f = heap::get_field(r, 2);
        let l = heap::get_field(r, 3);
        let goal = e.compound("$run_init", vec![g, f, l]);
        let k = crate::machine::cell(e.mc, goal, e.cp_height(), e.get(MS_CONT), e.cidx());
        e.set(MS_CONT, k);
    }
}

fn current_load(e: &Eng<'_, '_>) -> (i64, String) {
    let g = e.g.borrow();
    (
        g.loads.len() as i64,
        g.loads
            .last()
            .map(|l| format!("{}:{}", l.path, l.line))
            .unwrap_or_default(),
    )
}

fn initialization1<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let (depth, path) = current_load(e);
    let line = Value::Int(0);
    let r = heap::new_record(
        e.mc,
        Value::Bool(true),
        vec![Value::Int(depth), a[0], e.atom(&path), line],
    );
    heap::list_append(e.mc, e.get(MS_INITS), r);
    Ok(true)
}

fn initialization2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let when = text_of(terms::deref(a[1])).unwrap_or_default();
    if when == "main" {
        let (_, path) = current_load(e);
        let r = heap::new_record(
            e.mc,
            Value::Bool(true),
            vec![Value::Int(-1), a[0], e.atom(&path), Value::Int(0)],
        );
        heap::list_append(e.mc, e.get(MS_INITS), r);
        return Ok(true);
    }
    initialization1(e, a)
}

/// `'$main_init'(G, File)`: the `initialization(G, main)` goal, if any.
fn main_init<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    for r in heap::list_items(e.get(MS_INITS)) {
        if matches!(heap::get_field(r, 0), Value::Int(-1)) {
            return Ok(e.unify(a[0], heap::get_field(r, 1)) && e.unify(a[1], heap::get_field(r, 2)));
        }
    }
    Ok(false)
}

fn goal_text(e: &Eng<'_, '_>, g: Value<'_>) -> String {
    let ops = e.g.borrow().ops.clone();
    let mut o = writer::Opts::print();
    o.ops = Some(&ops);
    // SWI writes the goal as an operand of user:Goal
    let s = writer::to_string(g, o);
    let needs_paren = match view(terms::deref(g)) {
        T::Compound(n, a) => {
            (a.len() == 2 && ops.infix(n).is_some_and(|(p, _)| p > 199))
                || (a.len() == 1 && ops.prefix(n).is_some_and(|(p, _)| p > 199))
        }
        _ => false,
    };
    if needs_paren {
        format!("({s})")
    } else {
        s
    }
}

fn lines_of(e: &Eng<'_, '_>, ball: Value<'_>) -> Vec<String> {
    let g = e.g.borrow();
    err::message_lines(terms::deref(ball), &|n| g.arities(n))
}

/// `'$directive_error'(E, G, File, Line)`.
fn directive_error<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let ball = terms::deref(a[0]);
    let path = text_of(a[2]).unwrap_or_default();
    let line = match view(a[3]) {
        T::Int(i) => i as usize,
        _ => 0,
    };
    if !terms::is_functor(ball, "error", 2) {
        let s = format!(
            "ERROR: Prolog initialisation failed:\nERROR: {}\n",
            lines_of(e, ball).join("\n")
        );
        e.g.borrow_mut().write_err(&s);
        return Ok(false);
    }
    let formal = terms::args(ball)[0];
    if let T::Compound("syntax_error", _) = view(terms::deref(formal)) {
        // SWI prints syntax errors from builtins without the location header
        let mut s = String::new();
        for l in lines_of(e, ball) {
            s.push_str(&format!("ERROR: {l}\n"));
        }
        e.g.borrow_mut().write_err(&s);
    } else {
        warn(e, &path, line, &lines_of(e, ball), true);
    }
    let gt = goal_text(e, a[1]);
    warn(
        e,
        &path,
        line,
        &[format!("Goal (directive) failed: user:{gt}")],
        false,
    );
    Ok(true)
}

/// `'$directive_failed'(G, File, Line)`.
fn directive_failed<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let path = text_of(a[1]).unwrap_or_default();
    let line = match view(a[2]) {
        T::Int(i) => i as usize,
        _ => 0,
    };
    let gt = goal_text(e, a[0]);
    warn(
        e,
        &path,
        line,
        &[format!("Goal (directive) failed: user:{gt}")],
        false,
    );
    Ok(true)
}

/// `'$init_error'(E, File, Line)` and `'$init_failed'(File, Line)`.
fn init_error<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let path = text_of(a[1]).unwrap_or_default();
    let mut s = format!("ERROR: {path}: Initialization goal raised exception:\n");
    for l in lines_of(e, a[0]) {
        let l = match l.strip_prefix("catch/3: ") {
            Some(rest) => format!("'$run_init_goal'/1: {rest}"),
            None => l,
        };
        s.push_str(&format!("ERROR: {l}\n"));
    }
    e.g.borrow_mut().write_err(&s);
    Ok(true)
}
fn init_failed<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let path = text_of(a[0]).unwrap_or_default();
    let s = format!("Warning: {path}: Initialization goal failed\n");
    e.g.borrow_mut().write_err(&s);
    Ok(true)
}
/// `'$goal_error'(E, Text)`: an uncaught error in a `-g` goal.
fn goal_error<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let t = text_of(a[1]).unwrap_or_default();
    let lines = lines_of(e, a[0]);
    let mut s = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("ERROR: -g {t}: {l}\n"));
        } else {
            s.push_str(&format!("ERROR: {l}\n"));
        }
    }
    e.g.borrow_mut().write_err(&s);
    Ok(true)
}
/// `'$main_error'(E, File)`.
fn main_error<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let path = text_of(a[1]).unwrap_or_default();
    let lines = lines_of(e, a[0]);
    let gt = goal_text(e, a[2]);
    let mut s = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("ERROR: {path}: user:{gt} {l}\n"));
        } else {
            s.push_str(&format!("ERROR: {l}\n"));
        }
    }
    e.g.borrow_mut().write_err(&s);
    Ok(true)
}

fn dcg_body<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let g = crate::dcg::translate_body(e, a[0], a[1], a[2])?;
    Ok(e.unify(a[3], g))
}
fn dcg_translate_rule<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let r = terms::deref(a[0]);
    let T::Compound("-->", x) = view(r) else {
        return Err(err::type_error(e.mc, "dcg_rule", r));
    };
    let c = crate::dcg::translate_rule(e, x[0], x[1])?;
    Ok(e.unify(a[1], c))
}

/// Registers the loading builtins.
pub fn install(g: &mut Globals) {
    det(g, "initialization", 1, initialization1);
    det(g, "initialization", 2, initialization2);
    det(g, "$main_init", 2, main_init);
    det(g, "$directive_error", 4, directive_error);
    det(g, "$directive_failed", 3, directive_failed);
    det(g, "$init_error", 3, init_error);
    det(g, "$init_failed", 2, init_failed);
    det(g, "$goal_error", 2, goal_error);
    det(g, "$main_error", 3, main_error);
    det(g, "$dcg_body", 4, dcg_body);
    det(g, "dcg_translate_rule", 2, dcg_translate_rule);
}
