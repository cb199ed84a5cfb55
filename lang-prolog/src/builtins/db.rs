//! The clause database: adding clauses (consult and assert), `retract/1`,
//! `retractall/1`, `abolish/1`, `clause/2`, `dynamic/1`.
//!
//! A clause is stored as a template (variables replaced by numbered slots,
//! see [`crate::terms`]). A predicate's clause list is replaced, not
//! mutated, by `asserta` and `retract` (copy on write), and only appended to
//! by `assertz`; a running call keeps the list and length it started with,
//! which gives the logical update view.

use vm_core::{heap, Value};

use super::{det, need_callable, nondet, Proc};
use crate::errors as err;
use crate::globals::Globals;
use crate::machine::{
    Eng, PResult, CP_A, CP_B, CP_C, CP_D, C_BODY, C_ERASED, C_HEAD, C_NVARS, K_RETRACT, MS_CONT,
    MS_PREDS, P_CLAUSES, P_DYNAMIC, P_LIB,
};
use crate::terms::{self, view, T};

type R<'gc> = PResult<'gc, bool>;

/// Splits a clause term into head and body.
pub fn split_clause<'gc>(t: Value<'gc>) -> (Value<'gc>, Value<'gc>) {
    let t = terms::deref(t);
    if let T::Compound(":-", a) = view(t) {
        if a.len() == 2 {
            return (terms::deref(a[0]), terms::deref(a[1]));
        }
    }
    (t, Value::None)
}

/// Compiles a clause into a clause record (template with numbered
/// variables); with `lift`, its control constructs are lifted into aux
/// predicates (`lift.rs`), which are added to `aux`.
pub fn compile_clause<'gc>(
    e: &Eng<'_, 'gc>,
    t: Value<'gc>,
    lift: bool,
    aux: &mut Vec<Value<'gc>>,
) -> PResult<'gc, Value<'gc>> {
    let (head, body) = split_clause(t);
    let body = if matches!(body, Value::None) {
        e.atom("true")
    } else {
        body
    };
    match view(head) {
        T::Var => return Err(err::instantiation_error(e.mc)),
        T::Atom(_) | T::Nil | T::Compound(..) => {}
        _ => return Err(err::type_error(e.mc, "callable", head)),
    }
    // body: variables as goals become call/1; non-callables are errors
    let body = wrap_body(e, body)?;
    let mut vars: Vec<Value<'gc>> = Vec::new();
    let h = template(e, head, &mut vars);
    let b = template(e, body, &mut vars);
    let goals = crate::machine::body_goals(e.mc, b);
    let lang = heap::as_code(e.get(crate::machine::MS_CODE))
        .map(|c| c.lang)
        .unwrap_or(0);
    // the compiled body: the lifted one (its variables are the clause's,
    // so the numbering is the same), else the stored one
    let lifted = match lift.then(|| crate::lift::lift(e, head, body)).flatten() {
        Some((lb, more)) => {
            aux.extend(more);
            let lt = template(e, lb, &mut vars);
            crate::machine::body_goals(e.mc, lt)
        }
        None => goals,
    };
    let gs = heap::as_tuple(lifted).map(|t| t.args()).unwrap_or(&[]);
    let code = crate::compile::compile(e.mc, lang, h, gs, vars.len()).unwrap_or(Value::None);
    Ok(heap::new_record(
        e.mc,
        Value::Bool(true),
        vec![
            h,
            b,
            Value::Int(vars.len() as i64),
            Value::Bool(false),
            goals,
            code,
        ],
    ))
}

fn wrap_body<'gc>(e: &Eng<'_, 'gc>, b: Value<'gc>) -> PResult<'gc, Value<'gc>> {
    let b = terms::deref(b);
    match view(b) {
        T::Var => Ok(e.compound("call", vec![b])),
        T::Compound(n, a) if a.len() == 2 && matches!(n, "," | ";" | "->" | "*->" | "|") => {
            let l = wrap_body(e, a[0])?;
            let r = wrap_body(e, a[1])?;
            Ok(e.compound(n, vec![l, r]))
        }
        T::Compound("\\+", a) if a.len() == 1 => {
            let l = wrap_body(e, a[0])?;
            Ok(e.compound("\\+", vec![l]))
        }
        T::Atom(_) | T::Nil | T::Compound(..) => Ok(b),
        _ => Err(err::type_error(e.mc, "callable", b)),
    }
}

fn template<'gc>(e: &Eng<'_, 'gc>, t: Value<'gc>, vars: &mut Vec<Value<'gc>>) -> Value<'gc> {
    enum W<'gc> {
        Visit(Value<'gc>),
        Build(Value<'gc>, usize),
    }
    let mut work = vec![W::Visit(t)];
    let mut out: Vec<Value<'gc>> = Vec::new();
    while let Some(w) = work.pop() {
        match w {
            W::Visit(v) => {
                let v = terms::deref(v);
                match v {
                    Value::Cell(_) => {
                        let n = match vars.iter().position(|x| x.same(&v)) {
                            Some(n) => n,
                            None => {
                                vars.push(v);
                                vars.len() - 1
                            }
                        };
                        out.push(terms::tvar(e.mc, n));
                    }
                    Value::Tuple(_) => match terms::record_parts(v) {
                        Some((class @ Value::Str(_), fields)) => {
                            work.push(W::Build(e.intern_value(class), fields.len()));
                            for f in fields.iter().rev() {
                                work.push(W::Visit(*f));
                            }
                        }
                        _ => out.push(v),
                    },
                    Value::Str(_) => out.push(e.intern_value(v)),
                    _ => out.push(v),
                }
            }
            W::Build(class, n) => {
                let args = out.split_off(out.len() - n);
                out.push(heap::new_tuple(e.mc, class, &args));
            }
        }
    }
    out.pop().unwrap_or(Value::None)
}

/// The predicate record for `name/arity`, created if missing. Errors for
/// builtins and control constructs.
pub fn get_or_create_pred<'gc>(
    e: &Eng<'_, 'gc>,
    name: &str,
    arity: usize,
) -> PResult<'gc, Value<'gc>> {
    let p = e.g.borrow().lookup(name, arity);
    match p {
        Some(Proc::User(id)) => Ok(heap::list_get(e.get(MS_PREDS), id as i64)),
        Some(_) => Err(err::permission_error(
            e.mc,
            "modify",
            "static_procedure",
            err::pi(e.mc, name, arity),
        )),
        None => {
            let lib = e.g.borrow().loading_lib;
            let rec = heap::new_record(
                e.mc,
                Value::Bool(true),
                vec![
                    heap::new_list(e.mc),
                    Value::Bool(false),
                    Value::Bool(true),
                    Value::Bool(lib),
                    e.atom(name),
                    Value::Int(arity as i64),
                    Value::None,
                    Value::None,
                ],
            );
            let preds = e.get(MS_PREDS);
            let id = heap::list_len(preds) as usize;
            heap::list_append(e.mc, preds, rec);
            let mut g = e.g.borrow_mut();
            g.npreds = id + 1;
            g.define(name, arity, Proc::User(id));
            Ok(rec)
        }
    }
}

/// The user predicate record for `name/arity`, if one exists.
pub fn find_pred<'gc>(e: &Eng<'_, 'gc>, name: &str, arity: usize) -> Option<Value<'gc>> {
    match e.g.borrow().lookup(name, arity) {
        Some(Proc::User(id)) => Some(heap::list_get(e.get(MS_PREDS), id as i64)),
        _ => None,
    }
}

/// assert/retract on a static user predicate with clauses (SWI: a
/// permission error; the library's predicates excepted).
fn need_modifiable<'gc>(
    e: &Eng<'_, 'gc>,
    pred: Value<'gc>,
    name: &str,
    arity: usize,
) -> PResult<'gc, ()> {
    let fixed = !matches!(heap::get_field(pred, P_DYNAMIC), Value::Bool(true))
        && !matches!(heap::get_field(pred, P_LIB), Value::Bool(true))
        && heap::list_len(heap::get_field(pred, P_CLAUSES)) > 0;
    if fixed {
        return Err(err::permission_error(
            e.mc,
            "modify",
            "static_procedure",
            err::pi(e.mc, name, arity),
        ));
    }
    Ok(())
}

/// Adds a clause term at the end (`front`: at the start) of its predicate.
/// Whether a body has `'|'/2` in a control position (see [`bar_body`]).
fn has_bar(b: Value<'_>) -> bool {
    let mut stack = vec![b];
    while let Some(g) = stack.pop() {
        match view(terms::deref(g)) {
            T::Compound("|", a) if a.len() == 2 => return true,
            T::Compound("," | ";" | "->" | "*->", a) if a.len() == 2 => {
                stack.extend_from_slice(&a[..2])
            }
            T::Compound("\\+", a) if a.len() == 1 => stack.push(a[0]),
            _ => {}
        }
    }
    false
}

/// A body with `'|'(A, B)` in control positions made `;(A, B)`: SWI 7
/// reads `a | b` as `'|'(a, b)` and compiles it in a body as a
/// disjunction.
pub(crate) fn bar_body<'gc>(e: &Eng<'_, 'gc>, b: Value<'gc>) -> Value<'gc> {
    if !has_bar(b) {
        return b;
    }
    let b = terms::deref(b);
    match view(b) {
        T::Compound(n @ ("|" | "," | ";" | "->" | "*->"), a) if a.len() == 2 => {
            let n = if n == "|" { ";" } else { n };
            let (l, r) = (a[0], a[1]);
            let l = bar_body(e, l);
            let r = bar_body(e, r);
            e.compound(n, vec![l, r])
        }
        T::Compound("\\+", a) if a.len() == 1 => {
            let g = a[0];
            let g = bar_body(e, g);
            e.compound("\\+", vec![g])
        }
        _ => b,
    }
}

/// Whether a clause term is cyclic: a small term is walked in full (it
/// ends, so it is acyclic); only a big one pays for the cycle test.
fn cyclic_clause(t: Value<'_>) -> bool {
    let mut stack = vec![t];
    let mut budget = 10_000usize;
    while let Some(x) = stack.pop() {
        if let T::Compound(_, a) = view(terms::deref(x)) {
            if budget == 0 {
                return super::termb::is_cyclic(t);
            }
            budget -= 1;
            stack.extend_from_slice(a);
        }
    }
    false
}

pub fn add_clause<'gc>(
    e: &Eng<'_, 'gc>,
    t: Value<'gc>,
    front: bool,
    from_consult: bool,
) -> PResult<'gc, ()> {
    if cyclic_clause(t) {
        // SWI: a clause cannot hold a rational tree
        return Err(err::representation_error(e.mc, "cyclic_term"));
    }
    let t = match view(terms::deref(t)) {
        T::Compound(":-", a) if a.len() == 2 && has_bar(a[1]) => {
            let (h, b) = (a[0], a[1]);
            let b = bar_body(e, b);
            e.compound(":-", vec![h, b])
        }
        _ => t,
    };
    let (head, _) = split_clause(t);
    let Some((name, arity)) = terms::name_arity(head) else {
        if terms::is_var(head) {
            return Err(err::instantiation_error(e.mc));
        }
        return Err(err::type_error(e.mc, "callable", head));
    };
    let mut aux = Vec::new();
    let c = compile_clause(e, t, from_consult, &mut aux)?;
    let pred = get_or_create_pred(e, name, arity)?;
    if !from_consult {
        need_modifiable(e, pred, name, arity)?;
        if !matches!(heap::get_field(pred, P_LIB), Value::Bool(true)) {
            // assert makes a predicate dynamic (as in SWI-Prolog)
            heap::set_field(e.mc, pred, P_DYNAMIC, Value::Bool(true));
        }
    }
    if from_consult && !e.g.borrow().loading_lib {
        if let Value::Bool(true) = heap::get_field(pred, P_LIB) {
            // a user definition replaces the library's
            heap::set_field(e.mc, pred, P_CLAUSES, heap::new_list(e.mc));
            heap::set_field(e.mc, pred, P_LIB, Value::Bool(false));
        }
    }
    let list = heap::get_field(pred, P_CLAUSES);
    if front {
        let mut items = vec![c];
        items.extend(heap::list_items(list));
        heap::set_field(e.mc, pred, P_CLAUSES, heap::new_list_from(e.mc, items));
    } else {
        heap::list_append(e.mc, list, c);
    }
    add_aux(e, aux)
}

/// Adds the aux clauses of lifted control constructs (and theirs, without
/// recursion): library predicates, so `current_predicate/1` skips them.
fn add_aux<'gc>(e: &Eng<'_, 'gc>, mut work: Vec<Value<'gc>>) -> PResult<'gc, ()> {
    work.reverse();
    while let Some(t) = work.pop() {
        let (head, _) = split_clause(t);
        let Some((name, arity)) = terms::name_arity(head) else {
            continue;
        };
        let mut more = Vec::new();
        let c = compile_clause(e, t, true, &mut more)?;
        let pred = get_or_create_pred(e, name, arity)?;
        heap::set_field(e.mc, pred, P_LIB, Value::Bool(true));
        heap::list_append(e.mc, heap::get_field(pred, P_CLAUSES), c);
        work.extend(more.into_iter().rev());
    }
    Ok(())
}

fn assertz<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    add_clause(e, a[0], false, false)?;
    Ok(true)
}
fn asserta<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    add_clause(e, a[0], true, false)?;
    Ok(true)
}

/// A renamed copy `Head :- Body` of a stored clause.
fn renamed<'gc>(e: &Eng<'_, 'gc>, c: Value<'gc>) -> (Value<'gc>, Value<'gc>) {
    let n = match heap::get_field(c, C_NVARS) {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let mut env = vec![None; n];
    let h = e.build(heap::get_field(c, C_HEAD), &mut env);
    let b = e.build(heap::get_field(c, C_BODY), &mut env);
    (h, b)
}

fn erase<'gc>(e: &Eng<'_, 'gc>, pred: Value<'gc>, c: Value<'gc>) {
    heap::set_field(e.mc, c, C_ERASED, Value::Bool(true));
    let list = heap::get_field(pred, P_CLAUSES);
    let items: Vec<Value<'gc>> = heap::list_items(list)
        .into_iter()
        .filter(|x| !x.same(&c))
        .collect();
    heap::set_field(e.mc, pred, P_CLAUSES, heap::new_list_from(e.mc, items));
}

/// Starts `retract/1`.
pub fn retract_start<'gc>(e: &Eng<'_, 'gc>, t: Value<'gc>) -> PResult<'gc, ()> {
    let (head, _) = split_clause(t);
    let Some((name, arity)) = terms::name_arity(head) else {
        if terms::is_var(head) {
            return Err(err::instantiation_error(e.mc));
        }
        return Err(err::type_error(e.mc, "callable", head));
    };
    let p = e.g.borrow().lookup(name, arity);
    let pred = match p {
        Some(Proc::User(id)) => {
            let pred = heap::list_get(e.get(MS_PREDS), id as i64);
            need_modifiable(e, pred, name, arity)?;
            pred
        }
        Some(_) => {
            return Err(err::permission_error(
                e.mc,
                "modify",
                "static_procedure",
                err::pi(e.mc, name, arity),
            ))
        }
        None => return e.backtrack(),
    };
    let target = if terms::is_functor(terms::deref(t), ":-", 2) {
        terms::deref(t)
    } else {
        e.compound(":-", vec![t, e.atom("true")])
    };
    let list = heap::get_field(pred, P_CLAUSES);
    let h = e.cp_height();
    let cont = e.get(MS_CONT);
    let cp = e.push_cp(K_RETRACT, cont, &[target, list, Value::Int(0), pred])?;
    if retract_next(e, cp, h)? {
        Ok(())
    } else {
        e.backtrack()
    }
}

/// Tries the next clause of the retract choicepoint `cp` (handle; at stack index `idx`).
pub fn retract_next<'gc>(e: &Eng<'_, 'gc>, cp: Value<'gc>, idx: i64) -> PResult<'gc, bool> {
    let target = e.cpf(cp, CP_A);
    let list = e.cpf(cp, CP_B);
    let pred = e.cpf(cp, CP_D);
    let mut i = match e.cpf(cp, CP_C) {
        Value::Int(i) => i,
        _ => 0,
    };
    let n = heap::list_len(list);
    let mark = match e.cpf(cp, crate::machine::CP_TRAIL) {
        Value::Int(m) => m,
        _ => 0,
    };
    // the target's first head argument, to skip clauses without renaming them
    let a1 = terms::args(terms::args(target)[0])
        .first()
        .map(|a| terms::deref(*a))
        .filter(|a| !terms::is_var(*a));
    while i < n {
        let c = heap::list_get(list, i);
        i += 1;
        // a clause retracted since the iteration started is still in its
        // view (SWI-Prolog yields it; erasing it again changes nothing)
        if !Eng::first_arg_may_match(heap::get_field(c, C_HEAD), a1) {
            continue;
        }
        let (h, b) = renamed(e, c);
        let ct = e.compound(":-", vec![h, b]);
        if e.unify(target, ct) {
            if i >= n {
                e.cut_to(idx);
            } else {
                e.cp_set(cp, CP_C, Value::Int(i));
            }
            erase(e, pred, c);
            return Ok(true);
        }
        e.undo_to(mark);
    }
    e.cut_to(idx);
    Ok(false)
}

fn retractall<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let head = terms::deref(a[0]);
    need_callable(e, head)?;
    let (name, arity) = terms::name_arity(head).unwrap_or(("", 0));
    let pred = get_or_create_pred(e, name, arity)?;
    need_modifiable(e, pred, name, arity)?;
    if find_pred(e, name, arity).is_some() && heap::list_len(heap::get_field(pred, P_CLAUSES)) == 0
    {
        heap::set_field(e.mc, pred, P_DYNAMIC, Value::Bool(true));
    }
    let list = heap::get_field(pred, P_CLAUSES);
    let h = e.cp_height();
    e.push_cp(crate::machine::K_DEAD, Value::None, &[])?;
    let mark = heap::list_len(e.get(crate::machine::MS_TRAIL));
    for c in heap::list_items(list) {
        let (ch, _) = renamed(e, c);
        if e.unify(head, ch) {
            erase(e, pred, c);
        }
        e.undo_to(mark);
    }
    e.cut_to(h);
    Ok(true)
}

fn pi_list<'gc>(
    e: &Eng<'_, 'gc>,
    spec: Value<'gc>,
    out: &mut Vec<(String, usize)>,
) -> PResult<'gc, ()> {
    let mut st = vec![spec];
    while let Some(s) = st.pop() {
        let s = terms::deref(s);
        match view(s) {
            T::Compound(",", a) if a.len() == 2 => {
                st.push(a[1]);
                st.push(a[0]);
            }
            T::Compound("[|]", _) => {
                if let Some(items) = terms::list_to_vec(s) {
                    st.extend(items.into_iter().rev());
                }
            }
            T::Nil => {}
            T::Compound("/", a) if a.len() == 2 => match (view(a[0]), view(a[1])) {
                (T::Atom(_), T::Int(k)) if k < 0 => {
                    return Err(err::domain_error(e.mc, "not_less_than_zero", a[1]))
                }
                (T::Atom(n), T::Int(k)) => out.push((n.to_string(), k as usize)),
                (T::Var, _) | (_, T::Var) => return Err(err::instantiation_error(e.mc)),
                (T::Atom(_), _) => return Err(err::type_error(e.mc, "integer", a[1])),
                _ => return Err(err::type_error(e.mc, "atom", a[0])),
            },
            T::Compound("//", a) if a.len() == 2 => match (view(a[0]), view(a[1])) {
                (T::Atom(n), T::Int(k)) => out.push((n.to_string(), k as usize + 2)),
                _ => return Err(err::type_error(e.mc, "predicate_indicator", s)),
            },
            T::Var => return Err(err::instantiation_error(e.mc)),
            _ => return Err(err::type_error(e.mc, "predicate_indicator", s)),
        }
    }
    Ok(())
}

fn dynamic<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut v = Vec::new();
    pi_list(e, a[0], &mut v)?;
    for (n, k) in v {
        let p = get_or_create_pred(e, &n, k)?;
        heap::set_field(e.mc, p, P_DYNAMIC, Value::Bool(true));
        if e.g.borrow().loading_lib {
            continue;
        }
        if let Value::Bool(true) = heap::get_field(p, P_LIB) {
            heap::set_field(e.mc, p, P_CLAUSES, heap::new_list(e.mc));
            heap::set_field(e.mc, p, P_LIB, Value::Bool(false));
        }
    }
    Ok(true)
}
fn discontiguous<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut v = Vec::new();
    pi_list(e, a[0], &mut v)?;
    e.g.borrow_mut().discontiguous.extend(v);
    Ok(true)
}
fn abolish<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut v = Vec::new();
    pi_list(e, a[0], &mut v)?;
    for (n, k) in v {
        match e.g.borrow().lookup(&n, k) {
            Some(Proc::User(_)) | None => {}
            Some(_) => {
                return Err(err::permission_error(
                    e.mc,
                    "modify",
                    "static_procedure",
                    err::pi(e.mc, &n, k),
                ))
            }
        }
        if let Some(p) = find_pred(e, &n, k) {
            heap::set_field(e.mc, p, P_CLAUSES, heap::new_list(e.mc));
            // the procedure disappears: calls raise existence errors again
            e.g.borrow_mut().undefine(&n, k);
        }
    }
    Ok(true)
}

fn clause<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let head = terms::deref(a[0]);
    need_callable(e, head)?;
    // a number as the body fails (as in SWI-Prolog, no type error)
    let (name, arity) = terms::name_arity(head).unwrap_or(("", 0));
    let p = e.g.borrow().lookup(name, arity);
    let pred = match p {
        Some(Proc::User(id)) => heap::list_get(e.get(MS_PREDS), id as i64),
        Some(_) => {
            return Err(err::permission_error(
                e.mc,
                "access",
                "private_procedure",
                err::pi(e.mc, name, arity),
            ))
        }
        None => return Ok((head, vec![])),
    };
    let target = e.compound("-", vec![head, a[1]]);
    let alts = heap::list_items(heap::get_field(pred, P_CLAUSES))
        .into_iter()
        .map(|c| {
            let (h, b) = renamed(e, c);
            e.compound("-", vec![h, b])
        })
        .collect();
    Ok((target, alts))
}

fn current_predicate<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let spec = terms::deref(a[0]);
    let preds = heap::list_items(e.get(MS_PREDS));
    let mut alts = Vec::new();
    for p in preds {
        if let Value::Bool(true) = heap::get_field(p, P_LIB) {
            continue;
        }
        let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
        if heap::list_len(heap::get_field(p, P_CLAUSES)) == 0 && !dynamic {
            continue;
        }
        let n = heap::get_field(p, crate::machine::P_NAME);
        let k = heap::get_field(p, crate::machine::P_ARITY);
        alts.push(e.compound("/", vec![n, k]));
    }
    Ok((spec, alts))
}

/// `predicate_property(Head, Prop)` for a given head: the common
/// properties (`defined`, `visible`, `built_in`/`static`/`dynamic`,
/// `number_of_clauses(N)`); an unbound head has none here.
fn predicate_property<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let mut head = terms::deref(a[0]);
    if let T::Compound(":", m) = view(head) {
        if m.len() == 2 {
            head = terms::deref(m[1]);
        }
    }
    let mut alts = Vec::new();
    let Some((name, arity)) = terms::name_arity(head) else {
        return Ok((a[1], alts));
    };
    let proc = e.g.borrow().lookup(name, arity);
    match proc {
        Some(Proc::User(id)) => {
            let p = heap::list_get(e.get(MS_PREDS), id as i64);
            let lib = matches!(heap::get_field(p, P_LIB), Value::Bool(true));
            let dynamic = matches!(heap::get_field(p, P_DYNAMIC), Value::Bool(true));
            let n = heap::list_len(heap::get_field(p, P_CLAUSES));
            if !dynamic && n == 0 {
                return Ok((a[1], alts));
            }
            alts.push(e.atom("interpreted"));
            alts.push(e.atom("visible"));
            alts.push(e.atom(if dynamic { "dynamic" } else { "static" }));
            if lib {
                alts.push(e.atom("system"));
            }
            alts.push(e.compound("number_of_clauses", vec![Value::Int(n)]));
            alts.push(e.atom("defined"));
        }
        Some(_) => {
            for p in ["visible", "built_in", "static", "system", "defined"] {
                alts.push(e.atom(p));
            }
        }
        None => {}
    }
    Ok((a[1], alts))
}

/// Registers the database builtins.
pub fn install(g: &mut Globals) {
    det(g, "assert", 1, assertz);
    det(g, "assertz", 1, assertz);
    det(g, "asserta", 1, asserta);
    det(g, "retractall", 1, retractall);
    det(g, "dynamic", 1, dynamic);
    det(g, "discontiguous", 1, discontiguous);
    det(g, "abolish", 1, abolish);
    nondet(g, "clause", 2, clause);
    nondet(g, "current_predicate", 1, current_predicate);
    nondet(g, "predicate_property", 2, predicate_property);
}
