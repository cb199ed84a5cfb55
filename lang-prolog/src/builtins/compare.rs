//! Standard order of terms: `compare/3`, `==`, `@<` and friends.
//!
//! Var < Number < Atom < String < Compound; numbers by value (a float before
//! an equal integer); atoms alphabetically; compounds by arity, name, then
//! arguments left to right. Iterative, so any depth is fine; ends on cyclic
//! terms.

use std::cmp::Ordering;

use vm_core::Value;

use super::det;
use crate::arith;
use crate::globals::Globals;
use crate::machine::{Eng, PResult};
use crate::terms::{self, view, T};

fn rank(t: &T<'_>) -> u8 {
    match t {
        T::Var => 0,
        T::Int(_) | T::Big(_) | T::Float(_) => 1,
        T::Atom(_) | T::Nil => 3,
        T::Str(_) => 2,
        T::Compound(..) => 5,
        _ => 6,
    }
}

/// Compares two terms in the standard order.
///
/// Past [`terms::CYCLE_BUDGET`] pairs of compounds it skips a pair met
/// again (it is being compared further up), so cyclic terms compare as
/// rational trees and the walk ends.
pub fn compare<'gc>(a: Value<'gc>, b: Value<'gc>) -> Ordering {
    let mut stack = vec![(a, b)];
    let mut pairs = crate::machine::Pairs::default();
    while let Some((x, y)) = stack.pop() {
        let x = terms::deref(x);
        let y = terms::deref(y);
        if x.same(&y) {
            continue;
        }
        let (tx, ty) = (view(x), view(y));
        let (rx, ry) = (rank(&tx), rank(&ty));
        if rx != ry {
            return rx.cmp(&ry);
        }
        let o = match (&tx, &ty) {
            (T::Var, T::Var) => terms::var_serial(x).cmp(&terms::var_serial(y)),
            (T::Float(_), T::Int(_) | T::Big(_)) => match arith::num_cmp(x, y) {
                Ordering::Equal => Ordering::Less,
                o => o,
            },
            (T::Int(_) | T::Big(_), T::Float(_)) => match arith::num_cmp(x, y) {
                Ordering::Equal => Ordering::Greater,
                o => o,
            },
            (T::Float(f), T::Float(g)) => f.partial_cmp(g).unwrap_or(Ordering::Equal),
            (T::Int(_) | T::Big(_), T::Int(_) | T::Big(_)) => arith::num_cmp(x, y),
            (T::Atom(_) | T::Nil, T::Atom(_) | T::Nil) => {
                let sa = terms::atom_text(x).unwrap_or("");
                let sb = terms::atom_text(y).unwrap_or("");
                // SWI 7's reserved `[]` sorts before every atom
                match (&tx, &ty) {
                    (T::Nil, T::Atom(_)) => Ordering::Less,
                    (T::Atom(_), T::Nil) => Ordering::Greater,
                    _ => sa.cmp(sb),
                }
            }
            (T::Str(s), T::Str(t)) => s.cmp(t),
            (T::Compound(n1, a1), T::Compound(n2, a2)) => {
                match a1.len().cmp(&a2.len()).then_with(|| n1.cmp(n2)) {
                    Ordering::Equal if pairs.again(x, y) => Ordering::Equal,
                    Ordering::Equal => {
                        for i in (0..a1.len()).rev() {
                            stack.push((a1[i], a2[i]));
                        }
                        Ordering::Equal
                    }
                    o => o,
                }
            }
            _ => Ordering::Equal,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

fn eq<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) == Ordering::Equal)
}
fn neq<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) != Ordering::Equal)
}
fn lt<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) == Ordering::Less)
}
fn gt<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) == Ordering::Greater)
}
fn le<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) != Ordering::Greater)
}
fn ge<'gc>(_e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    Ok(compare(a[0], a[1]) != Ordering::Less)
}
fn compare3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> PResult<'gc, bool> {
    let o = terms::deref(a[0]);
    match view(o) {
        T::Var => {}
        T::Atom("<") | T::Atom(">") | T::Atom("=") => {}
        T::Atom(_) => return Err(crate::errors::domain_error(e.mc, "order", o)),
        _ => return Err(crate::errors::type_error(e.mc, "atom", o)),
    }
    let s = match compare(a[1], a[2]) {
        Ordering::Less => "<",
        Ordering::Equal => "=",
        Ordering::Greater => ">",
    };
    Ok(e.unify(a[0], e.atom(s)))
}

/// Registers the comparison builtins.
pub fn install(g: &mut Globals) {
    det(g, "==", 2, eq);
    det(g, "\\==", 2, neq);
    det(g, "@<", 2, lt);
    det(g, "@>", 2, gt);
    det(g, "@=<", 2, le);
    det(g, "@>=", 2, ge);
    det(g, "compare", 3, compare3);
}
