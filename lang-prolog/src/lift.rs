//! Lifting control constructs out of consulted clause bodies into
//! auxiliary predicates, so that compiled code runs them as ordinary
//! predicate calls (clause selection, a clause choicepoint, `!`) instead of
//! goal terms the `prolog_run` helper interprets: both engines then run
//! `( C -> T ; E )`, `( A ; B )`, `( C -> T )` and `\+ G` from compiled
//! clauses, and the `Meta`-level interpreter (`metarun.rs`) traces them.
//!
//! A body goal `( C1 -> T1 ; C2 -> T2 ; ... ; E )` becomes `'$aux…'(V..)`
//! with one clause per branch: `'$aux…'(V..) :- C1, !, T1.`, …,
//! `'$aux…'(V..) :- E.`; a branch without `->` has no cut; `\+ G` becomes
//! `'$aux…'(V..) :- G, !, fail.` and `'$aux…'(V..).` The arguments `V..`
//! are the construct's variables that also occur elsewhere in the clause
//! (the others are local to one branch, which is what they were). The cut
//! of an aux clause only removes the aux call's own choicepoint, which is
//! exactly the if-then-else's commitment; so a construct is lifted only
//! when no `!` occurs in it at goal level (a cut there would have to cut
//! the enclosing clause, or be local to a condition), and `*->` is never
//! lifted. The stored clause keeps its original body (`clause/2`,
//! `listing/1`, `retract/1` see the source); only its compiled code calls
//! the aux predicates, which are marked as library predicates so that
//! `current_predicate/1` does not list them. Only consulted clauses are
//! lifted (an `assert` in a loop would make predicates without end).

use vm_core::Value;

use crate::builtins::termb::term_vars;
use crate::machine::{Eng, PEND_MAX};
use crate::terms::{self, view, T};

/// Whether `!` occurs in goal `g` at goal level (through the control
/// constructs; `call/N`, `findall/3` and other meta-calls are opaque).
fn has_cut(g: Value<'_>) -> bool {
    let mut work = vec![g];
    while let Some(g) = work.pop() {
        match view(g) {
            T::Atom("!") => return true,
            T::Compound("," | ";" | "->" | "*->" | "|", a) if a.len() == 2 => {
                work.extend_from_slice(a);
            }
            T::Compound("\\+", a) if a.len() == 1 => work.push(a[0]),
            _ => {}
        }
    }
    false
}

/// The aux clause bodies of construct `g` (a body goal), or `None` when it
/// is not one that is lifted.
fn branches<'gc>(e: &Eng<'_, 'gc>, g: Value<'gc>) -> Option<Vec<Value<'gc>>> {
    let cut = || e.atom("!");
    match view(g) {
        T::Compound("\\+", a) if a.len() == 1 => Some(vec![
            e.compound(
                ",",
                vec![a[0], e.compound(",", vec![cut(), e.atom("fail")])],
            ),
            e.atom("true"),
        ]),
        T::Compound("->", a) if a.len() == 2 => {
            Some(vec![e.compound(
                ",",
                vec![a[0], e.compound(",", vec![cut(), a[1]])],
            )])
        }
        T::Compound(";", _) => {
            // the disjuncts of a right-nested chain, each an if-then or a goal
            let mut out = Vec::new();
            let mut d = g;
            loop {
                let (l, r) = match view(d) {
                    T::Compound(";", a) if a.len() == 2 => (a[0], Some(a[1])),
                    _ => (d, None),
                };
                match view(l) {
                    T::Compound("*->", _) => return None,
                    T::Compound("->", a) if a.len() == 2 => {
                        out.push(e.compound(",", vec![a[0], e.compound(",", vec![cut(), a[1]])]))
                    }
                    _ => out.push(l),
                }
                match r {
                    Some(r) => d = r,
                    None => break,
                }
            }
            Some(out)
        }
        _ => None,
    }
}

/// The conjuncts of a body.
fn conjuncts<'gc>(b: Value<'gc>) -> Vec<Value<'gc>> {
    let mut out = Vec::new();
    let mut work = vec![b];
    while let Some(g) = work.pop() {
        match view(g) {
            T::Compound(",", a) if a.len() == 2 => {
                work.push(a[1]);
                work.push(a[0]);
            }
            _ => out.push(terms::deref(g)),
        }
    }
    out
}

/// Lifts the control constructs of clause `head :- body` (`body` already
/// checked and with variable goals wrapped in `call/1`): the body to
/// compile and the aux clauses (`Head :- Body` terms) to add, or `None`
/// when nothing is lifted.
pub fn lift<'gc>(
    e: &Eng<'_, 'gc>,
    head: Value<'gc>,
    body: Value<'gc>,
) -> Option<(Value<'gc>, Vec<Value<'gc>>)> {
    let goals = conjuncts(body);
    let liftable: Vec<Option<Vec<Value<'gc>>>> = goals
        .iter()
        .map(|&g| if has_cut(g) { None } else { branches(e, g) })
        .collect();
    if liftable.iter().all(|b| b.is_none()) {
        return None;
    }
    let vars_of: Vec<Vec<Value<'gc>>> = goals.iter().map(|&g| term_vars(g)).collect();
    let head_vars = term_vars(head);
    let mut out_goals = Vec::with_capacity(goals.len());
    let mut aux = Vec::new();
    for (i, (g, br)) in goals.iter().zip(liftable).enumerate() {
        let Some(br) = br else {
            out_goals.push(*g);
            continue;
        };
        // the construct's variables that occur elsewhere in the clause
        let shared: Vec<Value<'gc>> = vars_of[i]
            .iter()
            .copied()
            .filter(|v| {
                head_vars.iter().any(|w| w.same(v))
                    || vars_of
                        .iter()
                        .enumerate()
                        .any(|(j, vs)| j != i && vs.iter().any(|w| w.same(v)))
            })
            .collect();
        if shared.len() > PEND_MAX {
            // a call of more arguments than the registers hold is a goal
            // term again: no gain
            out_goals.push(*g);
            continue;
        }
        let name = {
            let mut gl = e.g.borrow_mut();
            gl.aux_count += 1;
            format!("$aux{}", gl.aux_count)
        };
        let call = e.compound(&name, shared);
        for b in br {
            aux.push(e.compound(":-", vec![call, b]));
        }
        out_goals.push(call);
    }
    let mut b = *out_goals.last()?;
    for g in out_goals.iter().rev().skip(1) {
        b = e.compound(",", vec![*g, b]);
    }
    Some((b, aux))
}
