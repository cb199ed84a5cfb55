//! List builtins that are faster in Rust: sorting, `'$skip_list'/3`,
//! `length/2`'s helpers.

use std::cmp::Ordering;

use vm_core::Value;

use super::compare::compare;
use super::{det, need_atom, need_int};
use crate::errors as err;
use crate::globals::Globals;
use crate::machine::{Eng, PResult};
use crate::terms::{self, view, T};

type R<'gc> = PResult<'gc, bool>;

fn proper<'gc>(e: &Eng<'_, 'gc>, l: Value<'gc>) -> PResult<'gc, Vec<Value<'gc>>> {
    let l = terms::deref(l);
    let mut out = Vec::new();
    let mut t = l;
    let mut cycle = terms::CycleCheck::default();
    loop {
        match view(t) {
            T::Nil => return Ok(out),
            T::Var => return Err(err::instantiation_error(e.mc)),
            T::Compound("[|]", a) if a.len() == 2 && !cycle.seen(a) => {
                out.push(a[0]);
                t = terms::deref(a[1]);
            }
            _ => return Err(err::type_error(e.mc, "list", l)),
        }
    }
}

fn check_out_list<'gc>(e: &Eng<'_, 'gc>, l: Value<'gc>) -> PResult<'gc, ()> {
    let mut t = terms::deref(l);
    let mut cycle = terms::CycleCheck::default();
    loop {
        match view(t) {
            T::Nil | T::Var => return Ok(()),
            T::Compound("[|]", a) if a.len() == 2 && !cycle.seen(a) => t = terms::deref(a[1]),
            _ => return Err(err::type_error(e.mc, "list", l)),
        }
    }
}

fn msort<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut v = proper(e, a[0])?;
    check_out_list(e, a[1])?;
    v.sort_by(|x, y| compare(*x, *y));
    Ok(e.unify(a[1], e.list(v, Value::None)))
}
fn sort2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut v = proper(e, a[0])?;
    check_out_list(e, a[1])?;
    v.sort_by(|x, y| compare(*x, *y));
    v.dedup_by(|x, y| compare(*x, *y) == Ordering::Equal);
    Ok(e.unify(a[1], e.list(v, Value::None)))
}
fn keysort<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let v = proper(e, a[0])?;
    check_out_list(e, a[1])?;
    let mut keyed = Vec::new();
    // SWI names keysort/2 without a module for a bad element
    let elem_error = |f: Value<'gc>| {
        let pi = err::pi(e.mc, "keysort", 2);
        let ctx = e.compound("context", vec![pi, e.new_var()]);
        e.compound("error", vec![f, ctx])
    };
    for x in v {
        match view(x) {
            T::Compound("-", kv) if kv.len() == 2 => keyed.push((kv[0], x)),
            T::Var => return Err(elem_error(e.atom("instantiation_error"))),
            _ => {
                let pair = e.compound("-", vec![e.new_var(), e.new_var()]);
                let f = e.compound(
                    "type_error",
                    vec![e.atom("pair"), if terms::is_var(x) { pair } else { x }],
                );
                return Err(elem_error(f));
            }
        }
    }
    keyed.sort_by(|x, y| compare(x.0, y.0));
    let out = keyed.into_iter().map(|(_, x)| x).collect();
    Ok(e.unify(a[1], e.list(out, Value::None)))
}
fn sort4<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let key = need_int(e, a[0])?;
    let ord = need_atom(e, a[1])?;
    let v = proper(e, a[2])?;
    check_out_list(e, a[3])?;
    let keyof = |x: Value<'gc>| -> PResult<'gc, Value<'gc>> {
        if key == 0 {
            return Ok(x);
        }
        match view(x) {
            T::Compound(_, args) if args.len() >= key as usize => Ok(args[key as usize - 1]),
            T::Compound(..) => {
                let f = e.compound(
                    "existence_error",
                    vec![e.atom("argument"), Value::Int(key), x],
                );
                Err(err::error(e.mc, f))
            }
            _ => Err(err::type_error(e.mc, "compound", x)),
        }
    };
    let mut keyed = Vec::new();
    for x in v {
        keyed.push((keyof(x)?, x));
    }
    let desc = ord.starts_with("@>");
    keyed.sort_by(|x, y| {
        let o = compare(x.0, y.0);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    if ord == "@<" || ord == "@>" {
        keyed.dedup_by(|x, y| compare(x.0, y.0) == Ordering::Equal);
    } else if !matches!(ord, "@=<" | "@>=") {
        return Err(err::domain_error(e.mc, "order", a[1]));
    }
    let out = keyed.into_iter().map(|(_, x)| x).collect();
    Ok(e.unify(a[3], e.list(out, Value::None)))
}

/// `'$skip_list'(List, Len, Tail)`: length of the proper prefix and what ends it.
fn skip_list<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let mut t = terms::deref(a[0]);
    let mut n = 0i64;
    // A cyclic list ends in a list cell, which length/2 reports as a type
    // error like SWI.
    let mut cycle = terms::CycleCheck::default();
    loop {
        match view(t) {
            T::Compound("[|]", x) if x.len() == 2 && !cycle.seen(x) => {
                n += 1;
                t = terms::deref(x[1]);
            }
            _ => break,
        }
    }
    Ok(e.unify(a[1], Value::Int(n)) && e.unify(a[2], t))
}

/// `'$mklist'(N, L)`: L is a list of N fresh variables.
fn mklist<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let n = need_int(e, a[0])?;
    let items = (0..n.max(0)).map(|_| e.new_var()).collect();
    Ok(e.unify(a[1], e.list(items, Value::None)))
}

/// Registers the list builtins.
pub fn install(g: &mut Globals) {
    det(g, "msort", 2, msort);
    det(g, "sort", 2, sort2);
    det(g, "sort", 4, sort4);
    det(g, "keysort", 2, keysort);
    det(g, "$skip_list", 3, skip_list);
    det(g, "$mklist", 2, mklist);
}
