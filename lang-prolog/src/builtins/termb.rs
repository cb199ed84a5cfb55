//! Unification, type checks, term construction and inspection, arithmetic
//! predicates, global variables and flags.

use vm_core::{heap, Value};

use super::{det, need_atom, need_int, nondet};
use crate::arith;
use crate::errors as err;
use crate::globals::Globals;
use crate::machine::{Eng, PResult, MS_GVARS};
use crate::parser::DoubleQuotes;
use crate::terms::{self, view, T};

type R<'gc> = PResult<'gc, bool>;

fn unify<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(e.unify(a[0], a[1]))
}
fn not_unify<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // try, then undo: unify against a private choicepoint
    let cont = Value::None;
    let h = e.cp_height();
    e.push_cp(crate::machine::K_DEAD, cont, &[])?;
    let trail = heap::list_len(e.get(crate::machine::MS_TRAIL));
    let r = e.unify(a[0], a[1]);
    e.undo_to(trail);
    e.cut_to(h);
    Ok(!r)
}
fn unify_oc<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(e.unify_oc(a[0], a[1]))
}
fn var<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Var))
}
fn nonvar<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(!matches!(view(a[0]), T::Var))
}
fn atom<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // SWI-Prolog 7+: `[]` is a reserved symbol, not an atom
    Ok(matches!(view(a[0]), T::Atom(_)))
}
fn number<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Int(_) | T::Big(_) | T::Float(_)))
}
fn integer<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Int(_) | T::Big(_)))
}
fn float<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Float(_)))
}
fn atomic<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(terms::is_atomic(a[0]))
}
fn compound<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Compound(..)))
}
fn callable<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(terms::is_callable(a[0]))
}
fn is_list<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(terms::list_to_vec(a[0]).is_some())
}
fn string<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(matches!(view(a[0]), T::Str(_)))
}
fn ground<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // The plain walk revisits shared subterms and never ends on a cyclic
    // term; after a budget of steps it switches to a walk that visits each
    // compound once.
    let mut st = vec![a[0]];
    let mut budget = 1usize << 20;
    while let Some(x) = st.pop() {
        match view(x) {
            T::Var => return Ok(false),
            T::Compound(_, args) => st.extend_from_slice(args),
            _ => {}
        }
        budget -= 1;
        if budget == 0 {
            return Ok(ground_once(a[0]));
        }
    }
    Ok(true)
}

/// `ground/1` visiting each compound once (safe on cyclic terms).
fn ground_once(t: Value<'_>) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut st = vec![t];
    while let Some(x) = st.pop() {
        match view(x) {
            T::Var => return false,
            T::Compound(_, args) => {
                if seen.insert(args.as_ptr() as usize) {
                    st.extend_from_slice(args);
                }
            }
            _ => {}
        }
    }
    true
}

/// Whether `t` is a rational tree (a variable bound, through other terms,
/// to a term containing itself). Depth-first with an explicit stack: a
/// compound met again while it is still on the path closes a cycle;
/// compounds already finished are acyclic and not walked twice, so the
/// walk is linear in the term's size even with heavy sharing.
pub fn is_cyclic(t: Value<'_>) -> bool {
    use std::collections::HashSet;
    // (compound identity, its arguments, the next argument to visit)
    let mut path: Vec<(usize, &[Value<'_>], usize)> = Vec::new();
    let mut on_path: HashSet<usize> = HashSet::new();
    let mut done: HashSet<usize> = HashSet::new();
    let mut next = Some(t);
    loop {
        if let Some(x) = next.take() {
            if let T::Compound(_, args) = view(x) {
                let id = args.as_ptr() as usize;
                if on_path.contains(&id) {
                    return true;
                }
                if !args.is_empty() && !done.contains(&id) {
                    on_path.insert(id);
                    path.push((id, args, 0));
                }
            }
        }
        let Some(top) = path.last_mut() else {
            return false;
        };
        if top.2 < top.1.len() {
            next = Some(top.1[top.2]);
            top.2 += 1;
        } else {
            on_path.remove(&top.0);
            done.insert(top.0);
            path.pop();
        }
    }
}

fn acyclic_term<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(!is_cyclic(a[0]))
}

fn cyclic_term<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    Ok(is_cyclic(a[0]))
}

fn functor<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let t = terms::deref(a[0]);
    match view(t) {
        T::Var => {
            let n = terms::deref(a[2]);
            let name = terms::deref(a[1]);
            let arity = match view(n) {
                T::Int(i) => i,
                T::Var => return Err(err::instantiation_error(e.mc)),
                _ => return Err(err::type_error(e.mc, "integer", n)),
            };
            if terms::is_var(name) {
                return Err(err::instantiation_error(e.mc));
            }
            if arity < 0 {
                return Err(err::domain_error(e.mc, "not_less_than_zero", n));
            }
            if arity == 0 {
                if !terms::is_atomic(name) {
                    return Err(err::type_error(e.mc, "atomic", name));
                }
                return Ok(e.unify(t, name));
            }
            let nm = match view(name) {
                T::Atom(s) => s,
                T::Nil => "[]",
                T::Compound(..) => return Err(err::type_error(e.mc, "atomic", name)),
                _ => return Err(err::type_error(e.mc, "atom", name)),
            };
            let args: Vec<Value<'gc>> = (0..arity).map(|_| e.new_var()).collect();
            // the name's own atom value: no new string
            let f = match name {
                Value::Str(_) => terms::compound_s(e.mc, name, &args),
                _ => e.compound(nm, args),
            };
            Ok(e.unify(t, f))
        }
        T::Compound(_, args) => {
            let name = terms::tuple_parts(t).map(|(h, _)| h).unwrap_or(Value::None);
            Ok(e.unify(a[1], name) && e.unify(a[2], Value::Int(args.len() as i64)))
        }
        _ => Ok(e.unify(a[1], t) && e.unify(a[2], Value::Int(0))),
    }
}

fn arg<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let n = terms::deref(a[0]);
    let t = terms::deref(a[1]);
    let T::Compound(_, args) = view(t) else {
        if terms::is_var(t) {
            return Err(err::instantiation_error(e.mc));
        }
        return Err(err::type_error(e.mc, "compound", t));
    };
    match view(n) {
        T::Int(i) => {
            if i < 0 {
                return Err(err::domain_error(e.mc, "not_less_than_zero", n));
            }
            if i < 1 || i as usize > args.len() {
                return Ok((a[2], vec![]));
            }
            Ok((a[2], vec![args[i as usize - 1]]))
        }
        T::Var => {
            let target = e.compound("-", vec![n, a[2]]);
            let alts = args
                .iter()
                .enumerate()
                .map(|(i, x)| e.compound("-", vec![Value::Int(i as i64 + 1), *x]))
                .collect();
            Ok((target, alts))
        }
        T::Big(_) => Ok((a[2], vec![])),
        _ => Err(err::type_error(e.mc, "integer", n)),
    }
}

fn univ<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let t = terms::deref(a[0]);
    match view(t) {
        T::Var => {
            let l = terms::deref(a[1]);
            if terms::is_var(l) {
                return Err(err::instantiation_error(e.mc));
            }
            let Some(items) = terms::list_to_vec(l) else {
                // a partial list is an instantiation error, anything else a type error
                let mut t = l;
                loop {
                    match view(t) {
                        T::Var => return Err(err::instantiation_error(e.mc)),
                        T::Compound("[|]", x) if x.len() == 2 => t = x[1],
                        _ => return Err(err::type_error(e.mc, "list", l)),
                    }
                }
            };
            if items.is_empty() {
                return Err(err::domain_error(e.mc, "non_empty_list", l));
            }
            let h = terms::deref(items[0]);
            if items.len() == 1 {
                if terms::is_var(h) {
                    return Err(err::instantiation_error(e.mc));
                }
                if !terms::is_atomic(h) {
                    return Err(err::type_error(e.mc, "atomic", h));
                }
                return Ok(e.unify(t, h));
            }
            let name = match view(h) {
                T::Atom(s) => s,
                T::Nil => "[]",
                T::Var => return Err(err::instantiation_error(e.mc)),
                _ => return Err(err::type_error(e.mc, "atom", h)),
            };
            let f = match h {
                Value::Str(_) => terms::compound_s(e.mc, h, &items[1..]),
                _ => e.compound(name, items[1..].to_vec()),
            };
            Ok(e.unify(t, f))
        }
        T::Compound(_, args) => {
            let name = terms::tuple_parts(t).map(|(h, _)| h).unwrap_or(Value::None);
            let mut items = vec![name];
            items.extend_from_slice(args);
            Ok(e.unify(a[1], e.list(items, Value::None)))
        }
        _ => Ok(e.unify(a[1], e.list(vec![t], Value::None))),
    }
}

fn copy_term<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut map = Vec::new();
    let c = e.copy(a[0], &mut map);
    Ok(e.unify(a[1], c))
}

/// The variables of a term in depth-first left-to-right order (each once;
/// ends on cyclic terms).
pub fn term_vars<'gc>(t: Value<'gc>) -> Vec<Value<'gc>> {
    let mut out: Vec<Value<'gc>> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut revisit = terms::Revisit::default();
    let mut st = vec![t];
    while let Some(x) = st.pop() {
        let x = terms::deref(x);
        match view(x) {
            T::Var => {
                if seen.insert(x.payload_bits()) {
                    out.push(x);
                }
            }
            T::Compound(_, args) => {
                if !revisit.again(x) {
                    st.extend(args.iter().rev());
                }
            }
            _ => {}
        }
    }
    out
}

fn term_variables<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let vs = term_vars(a[0]);
    Ok(e.unify(a[1], e.list(vs, Value::None)))
}

/// term_hash/2: an integer for a ground term (equal terms, equal hashes;
/// SWI's own values differ and are not portable either), nothing for a
/// term with variables.
fn term_hash<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    if !term_vars(a[0]).is_empty() {
        return Ok(true);
    }
    let text = match crate::writer::try_to_string(a[0], crate::writer::Opts::canonical()) {
        Ok(t) => t,
        Err(_) => return Err(err::type_error(e.mc, "acyclic_term", a[0])),
    };
    // FNV-1a, kept to 24 bits as SWI's values are
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    Ok(e.unify(a[1], Value::Int((h & 0x00ff_ffff) as i64)))
}

thread_local! {
    /// When the engine started, and the last `statistics/2` reading of
    /// each clock (for the "since last" element).
    static CLOCK: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
    static LAST: std::cell::Cell<[u64; 2]> = const { std::cell::Cell::new([0, 0]) };
}

/// Milliseconds since the engine started.
fn ms_since_start() -> u64 {
    CLOCK.with(|c| {
        let t0 = c.get().unwrap_or_else(|| {
            let now = std::time::Instant::now();
            c.set(Some(now));
            now
        });
        t0.elapsed().as_millis() as u64
    })
}

/// CPU milliseconds of this process (user + system), from
/// `/proc/self/stat` (in USER_HZ ticks, 100 per second on Linux); the
/// elapsed time where that file does not exist.
fn cpu_ms() -> u64 {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // fields after the command name (which may hold spaces): state is
            // field 3, utime 14, stime 15
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split(' ').collect();
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        });
    match ticks {
        Some(t) => t * 10,
        None => ms_since_start(),
    }
}

/// statistics/2 for the keys programs time themselves with: `runtime`,
/// `process_cputime` (CPU time), `walltime`, `real_time` (elapsed time
/// since the engine started), each `[Total, SinceLast]` in ms, and
/// `cputime` (CPU seconds). Inferences are not counted, so `inferences` is
/// an unknown key (a domain error) rather than a made-up number.
fn statistics<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let key = match view(a[0]) {
        T::Var => return Err(err::instantiation_error(e.mc)),
        T::Atom(k) => k.to_string(),
        _ => return Err(err::domain_error(e.mc, "statistics_key", a[0])),
    };
    let pair = |slot: usize| {
        let now = if slot == 0 {
            cpu_ms()
        } else {
            ms_since_start()
        };
        LAST.with(|l| {
            let mut v = l.get();
            let d = now - v[slot].min(now);
            v[slot] = now;
            l.set(v);
            e.list(
                vec![Value::Int(now as i64), Value::Int(d as i64)],
                Value::None,
            )
        })
    };
    let v = match key.as_str() {
        "runtime" | "process_cputime" | "system_time" => pair(0),
        "walltime" | "real_time" => pair(1),
        "cputime" => Value::Float(cpu_ms() as f64 / 1000.0),
        _ => return Err(err::domain_error(e.mc, "statistics_key", a[0])),
    };
    Ok(e.unify(a[1], v))
}

/// get_time/1: seconds since the epoch, a float.
fn get_time<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(e.unify(a[0], Value::Float(t)))
}

/// must_be/2 (library(error)) for the common types: an instantiation
/// error for a variable, else a type error (a domain error for a
/// negative `nonneg` / non-positive `positive_integer`).
fn must_be<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let ty = match view(a[0]) {
        T::Atom(t) => t.to_string(),
        _ => return Err(err::instantiation_error(e.mc)),
    };
    let x = terms::deref(a[1]);
    let v = view(x);
    if matches!(v, T::Var) && ty != "var" {
        return Err(err::instantiation_error(e.mc));
    }
    let int = matches!(v, T::Int(_) | T::Big(_));
    let ok = match ty.as_str() {
        "integer" => int,
        "positive_integer" | "nonneg" => {
            if !int {
                return Err(err::type_error(e.mc, &ty, x));
            }
            let sign = match v {
                T::Int(i) => i.signum(),
                T::Big(b) => b.sign() as i64 - 1,
                _ => 0,
            };
            if (ty == "nonneg" && sign < 0) || (ty == "positive_integer" && sign <= 0) {
                return Err(err::type_error(e.mc, &ty, x));
            }
            true
        }
        "atom" => matches!(v, T::Atom(_) | T::Nil),
        "atomic" => !matches!(v, T::Compound(..)),
        "callable" => matches!(v, T::Atom(_) | T::Compound(..)),
        "compound" => matches!(v, T::Compound(..)),
        "number" => matches!(v, T::Int(_) | T::Big(_) | T::Float(_)),
        "float" => matches!(v, T::Float(_)),
        "string" => matches!(v, T::Str(_)),
        "var" => {
            if !matches!(v, T::Var) {
                return Err(err::error(
                    e.mc,
                    e.compound("uninstantiation_error", vec![x]),
                ));
            }
            true
        }
        "boolean" => matches!(v, T::Atom("true" | "false")),
        "list" | "proper_list" => {
            if terms::list_to_vec(x).is_none() && !is_cyclic(x) {
                // a partial list is not sufficiently instantiated
                let mut t = x;
                while let T::Compound("[|]", c) = view(t) {
                    t = terms::deref(c[1]);
                }
                if matches!(view(t), T::Var) {
                    return Err(err::instantiation_error(e.mc));
                }
                false
            } else {
                !is_cyclic(x)
            }
        }
        _ => return Err(err::existence_error(e.mc, "type", a[0])),
    };
    if ok {
        Ok(true)
    } else {
        Err(err::type_error(e.mc, &ty, x))
    }
}

fn is<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let v = arith::eval(e.mc, a[1])?.value(e.mc);
    Ok(e.unify(a[0], v))
}
macro_rules! cmp_fn {
    ($name:ident, $op:literal) => {
        fn $name<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
            arith::compare(e.mc, $op, a[0], a[1])
        }
    };
}
cmp_fn!(lt, "<");
cmp_fn!(gt, ">");
cmp_fn!(le, "=<");
cmp_fn!(ge, ">=");
cmp_fn!(eq, "=:=");
cmp_fn!(ne, "=\\=");

fn succ<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let x = terms::deref(a[0]);
    let y = terms::deref(a[1]);
    match (view(x), view(y)) {
        (T::Int(i), _) => {
            if i < 0 {
                return Err(err::domain_error(e.mc, "not_less_than_zero", x));
            }
            if !terms::is_var(y) && !matches!(view(y), T::Int(_) | T::Big(_)) {
                return Err(err::type_error(e.mc, "integer", y));
            }
            Ok(e.unify(y, arith::int_add1(e.mc, x)))
        }
        (T::Var, T::Int(j)) => {
            if j < 0 {
                return Err(err::domain_error(e.mc, "not_less_than_zero", y));
            }
            if j == 0 {
                return Ok(false);
            }
            Ok(e.unify(x, Value::Int(j - 1)))
        }
        (T::Var, T::Var) => Err(err::instantiation_error(e.mc)),
        (T::Var, _) => Err(err::type_error(e.mc, "integer", y)),
        _ => Err(err::type_error(e.mc, "integer", x)),
    }
}

fn plus<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let (x, y, z) = (terms::deref(a[0]), terms::deref(a[1]), terms::deref(a[2]));
    let mc = e.mc;
    for v in [x, y, z] {
        if !terms::is_var(v) && !matches!(view(v), T::Int(_) | T::Big(_)) {
            return Err(err::type_error(mc, "integer", v));
        }
    }
    if !terms::is_var(x) && !terms::is_var(y) {
        let r = arith::eval(mc, e.compound("+", vec![x, y]))?.value(mc);
        return Ok(e.unify(z, r));
    }
    if !terms::is_var(x) && !terms::is_var(z) {
        let r = arith::eval(mc, e.compound("-", vec![z, x]))?.value(mc);
        return Ok(e.unify(y, r));
    }
    if !terms::is_var(y) && !terms::is_var(z) {
        let r = arith::eval(mc, e.compound("-", vec![z, y]))?.value(mc);
        return Ok(e.unify(x, r));
    }
    Err(err::instantiation_error(mc))
}

fn gvar_key<'gc>(e: &Eng<'_, 'gc>, k: Value<'gc>) -> PResult<'gc, Value<'gc>> {
    let s = need_atom(e, k)?;
    Ok(heap::new_str(e.mc, s))
}
fn nb_setval<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let k = gvar_key(e, a[0])?;
    let mut map = Vec::new();
    let v = e.copy(a[1], &mut map);
    heap::dict_set(e.mc, e.get(MS_GVARS), k, v);
    Ok(true)
}
fn b_setval<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let k = gvar_key(e, a[0])?;
    let d = e.get(MS_GVARS);
    let old = heap::dict_get(d, k);
    let old = if matches!(old, Value::Absent) {
        e.atom("[]")
    } else {
        old
    };
    let entry = heap::new_record(e.mc, Value::Bool(true), vec![k, old]);
    heap::list_append(e.mc, e.get(crate::machine::MS_TRAIL), entry);
    heap::dict_set(e.mc, d, k, terms::deref(a[1]));
    Ok(true)
}
fn nb_getval<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let k = gvar_key(e, a[0])?;
    let v = heap::dict_get(e.get(MS_GVARS), k);
    if matches!(v, Value::Absent) {
        let key = e.atom(k.as_str().unwrap_or(""));
        return Err(err::existence_error(e.mc, "variable", key));
    }
    Ok(e.unify(a[1], v))
}

fn nb_current<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let target = e.compound("-", vec![a[0], a[1]]);
    let alts = heap::dict_entries(e.get(MS_GVARS))
        .into_iter()
        .map(|(k, v)| e.compound("-", vec![e.atom(k.as_str().unwrap_or("")), v]))
        .collect();
    Ok((target, alts))
}

fn set_flag<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let f = need_atom(e, a[0])?;
    let v = terms::deref(a[1]);
    let vs = super::text_of(v).unwrap_or_default();
    let mut g = e.g.borrow_mut();
    match f {
        "double_quotes" => {
            g.double_quotes = match vs.as_str() {
                "codes" => DoubleQuotes::Codes,
                "chars" => DoubleQuotes::Chars,
                "atom" => DoubleQuotes::Atom,
                "string" => DoubleQuotes::String,
                _ => {
                    drop(g);
                    return Err(err::domain_error(e.mc, "double_quotes", v));
                }
            }
        }
        "unknown" => {
            g.flag_unknown_fail = vs == "fail";
            if vs != "error" {
                if let Some(l) = g.loads.last() {
                    let msg = format!(
                        "Warning: {}:{}:\nWarning:    Using a non-error value for unknown in the global module\nWarning:    causes most of the development environment to stop working.\nWarning:    Please use :- dynamic or limit usage of unknown to a module.\nWarning:    See https://www.swi-prolog.org/howto/database.html\n",
                        l.path, l.line
                    );
                    g.write_err(&msg);
                }
            }
        }
        "stack_limit" => {
            if let T::Int(n) = view(v) {
                g.cont_limit = (n / 200).max(1000);
            }
            g.other_flags.insert(f.to_string(), vs);
        }
        _ => {
            g.other_flags.insert(f.to_string(), vs);
        }
    }
    Ok(true)
}

fn current_flag<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
) -> PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)> {
    let g = e.g.borrow();
    let dq = match g.double_quotes {
        DoubleQuotes::Codes => "codes",
        DoubleQuotes::Chars => "chars",
        DoubleQuotes::Atom => "atom",
        DoubleQuotes::String => "string",
    };
    let mut pairs: Vec<(String, Value<'gc>)> = vec![
        ("bounded".into(), e.atom("false")),
        ("double_quotes".into(), e.atom(dq)),
        (
            "unknown".into(),
            e.atom(if g.flag_unknown_fail { "fail" } else { "error" }),
        ),
        ("max_integer".into(), Value::Int(i64::MAX)),
        ("min_integer".into(), Value::Int(i64::MIN)),
        ("occurs_check".into(), e.atom("false")),
    ];
    for (k, v) in &g.other_flags {
        pairs.push((k.clone(), e.atom(v)));
    }
    let target = e.compound("-", vec![a[0], a[1]]);
    let alts = pairs
        .into_iter()
        .map(|(k, v)| e.compound("-", vec![e.atom(&k), v]))
        .collect();
    Ok((target, alts))
}

fn numbervars<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut n = need_int(e, a[1])?;
    for v in term_vars(a[0]) {
        let t = e.compound("$VAR", vec![Value::Int(n)]);
        e.bind(v, t);
        n += 1;
    }
    Ok(e.unify(a[2], Value::Int(n)))
}

fn setarg<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // Terms are immutable tuples on the shared heap (see `terms`), so an
    // argument cannot be replaced in place: after the ISO type checks,
    // setarg/3 and nb_setarg/3 raise a permission error rather than
    // pretend (SWI's destructive assignment is not supported).
    let i = need_int(e, a[0])?;
    let t = terms::deref(a[1]);
    let T::Compound(_, args) = view(t) else {
        return Err(err::type_error(e.mc, "compound", t));
    };
    if i < 1 || i as usize > args.len() {
        return Ok(false);
    }
    Err(err::permission_error(e.mc, "modify", "compound", t))
}

fn tab_stop<'gc>(_e: &Eng<'_, 'gc>, _a: &[Value<'gc>]) -> R<'gc> {
    Ok(true)
}

/// Registers the term builtins.
pub fn install(g: &mut Globals) {
    det(g, "=", 2, unify);
    det(g, "\\=", 2, not_unify);
    det(g, "unify_with_occurs_check", 2, unify_oc);
    det(g, "var", 1, var);
    det(g, "nonvar", 1, nonvar);
    det(g, "atom", 1, atom);
    det(g, "number", 1, number);
    det(g, "integer", 1, integer);
    det(g, "float", 1, float);
    det(g, "atomic", 1, atomic);
    det(g, "compound", 1, compound);
    det(g, "callable", 1, callable);
    det(g, "is_list", 1, is_list);
    det(g, "string", 1, string);
    det(g, "ground", 1, ground);
    det(g, "acyclic_term", 1, acyclic_term);
    det(g, "cyclic_term", 1, cyclic_term);
    det(g, "functor", 3, functor);
    nondet(g, "arg", 3, arg);
    det(g, "=..", 2, univ);
    det(g, "copy_term", 2, copy_term);
    det(g, "term_variables", 2, term_variables);
    det(g, "term_hash", 2, term_hash);
    det(g, "statistics", 2, statistics);
    det(g, "get_time", 1, get_time);
    det(g, "must_be", 2, must_be);
    det(g, "is", 2, is);
    det(g, "<", 2, lt);
    det(g, ">", 2, gt);
    det(g, "=<", 2, le);
    det(g, ">=", 2, ge);
    det(g, "=:=", 2, eq);
    det(g, "=\\=", 2, ne);
    det(g, "succ", 2, succ);
    det(g, "plus", 3, plus);
    det(g, "nb_setval", 2, nb_setval);
    det(g, "b_setval", 2, b_setval);
    det(g, "nb_getval", 2, nb_getval);
    det(g, "b_getval", 2, nb_getval);
    nondet(g, "nb_current", 2, nb_current);
    det(g, "set_prolog_flag", 2, set_flag);
    nondet(g, "current_prolog_flag", 2, current_flag);
    det(g, "numbervars", 3, numbervars);
    det(g, "setarg", 3, setarg);
    det(g, "nb_setarg", 3, setarg);
    det(g, "garbage_collect", 0, tab_stop);
    det(g, "use_module", 1, tab_stop);
    det(g, "use_module", 2, tab_stop);
    det(g, "module", 2, tab_stop);
    det(g, "set_stream", 2, tab_stop);
    det(g, "style_check", 1, tab_stop);
}
