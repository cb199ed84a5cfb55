//! SWI-Prolog's single sided unification rules (`Head, Guard => Body`) and
//! the determinism markers `$` (a cut) and `$Goal`, translated to plain
//! clauses when a file is loaded.
//!
//! `p(A1..An), G => B` becomes `p(V1..Vn) :- '$ssu_match'(p(A1..An),
//! p(V1..Vn)), G, !, B`: the head only matches a call it subsumes (the
//! call's variables are never bound by the head), the guard runs, then the
//! rule commits. After the file is loaded each SSU predicate gets a last
//! clause raising `existence_error(matching_rule, Goal)`. The term-store
//! engine's compiler recognises the translated clause and matches the
//! head natively (`store::ssu`), and compiles `'$det_call'/1` inline.

use vm_core::Value;

use crate::machine::Eng;
use crate::terms::{self, view, T};

/// Translates `t` if it is an SSU rule; returns the clause and the
/// predicate's name and arity.
pub fn translate<'gc>(e: &Eng<'_, 'gc>, t: Value<'gc>) -> Option<(Value<'gc>, (String, usize))> {
    let T::Compound("=>", a) = view(t) else {
        return None;
    };
    if a.len() != 2 {
        return None;
    }
    let (head, guard) = match view(a[0]) {
        T::Compound(",", hg) if hg.len() == 2 => (terms::deref(hg[0]), Some(hg[1])),
        _ => (terms::deref(a[0]), None),
    };
    let (name, arity) = terms::name_arity(head)?;
    let body = det_markers(e, a[1]);
    let mut goals = Vec::new();
    let new_head = if arity == 0 {
        head
    } else {
        let vars: Vec<Value<'gc>> = (0..arity).map(|_| e.new_var()).collect();
        let nh = e.compound(name, vars);
        goals.push(e.compound("$ssu_match", vec![head, nh]));
        nh
    };
    if let Some(g) = guard {
        goals.push(g);
    }
    goals.push(e.atom("!"));
    goals.push(body);
    let mut b = goals.pop().unwrap_or_else(|| e.atom("true"));
    while let Some(g) = goals.pop() {
        b = e.compound(",", vec![g, b]);
    }
    Some((
        e.compound(":-", vec![new_head, b]),
        (name.to_string(), arity),
    ))
}

/// Replaces `$` by `!` and `$G` by `'$det_call'(G)` in the conjunctions,
/// disjunctions and if-then-elses of a body.
pub fn det_markers<'gc>(e: &Eng<'_, 'gc>, b: Value<'gc>) -> Value<'gc> {
    let b = terms::deref(b);
    match view(b) {
        T::Atom("$") => e.atom("!"),
        T::Compound("$", g) if g.len() == 1 => e.compound("$det_call", vec![g[0]]),
        T::Compound(op @ ("," | ";" | "->" | "*->"), ab) if ab.len() == 2 => {
            let l = det_markers(e, ab[0]);
            let r = det_markers(e, ab[1]);
            e.compound(op, vec![l, r])
        }
        _ => b,
    }
}

/// The last clause of an SSU predicate: no rule matched the call.
pub fn no_match_clause<'gc>(e: &Eng<'_, 'gc>, name: &str, arity: usize) -> Value<'gc> {
    let vars: Vec<Value<'gc>> = (0..arity).map(|_| e.new_var()).collect();
    let h = if arity == 0 {
        e.atom(name)
    } else {
        e.compound(name, vars)
    };
    let g = e.compound("$ssu_no_match", vec![h]);
    e.compound(":-", vec![h, g])
}

/// `'$ssu_match'(Pattern, Call)`: the head match of an SSU rule. `Pattern`
/// (the rule's head, fresh variables) matches `Call` when it subsumes it:
/// a pattern variable takes the call's subterm (a repeated one must meet
/// an identical subterm, `==`), anything else must meet the same constant
/// or functor, and a call variable is never bound. The walk visits the
/// pattern only, so matching `p([H|T])` against a long list is one step,
/// not a walk of the whole call as `subsumes_term/2` does.
pub fn ssu_match<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> crate::machine::PResult<'gc, bool> {
    use std::cmp::Ordering::Equal;
    let same = crate::builtins::compare::compare;
    let mut bound: Vec<(Value<'gc>, Value<'gc>)> = Vec::new();
    let mut work = vec![(a[0], a[1])];
    while let Some((p, c)) = work.pop() {
        let p = terms::deref(p);
        let c = terms::deref(c);
        if terms::is_var(p) {
            // nothing is bound during the walk, so an unbound variable on
            // the pattern side is one of the pattern's own
            match bound.iter().find(|(v, _)| same(*v, p) == Equal) {
                Some(&(_, first)) => {
                    if same(first, c) != Equal {
                        return Ok(false);
                    }
                }
                None => bound.push((p, c)),
            }
            continue;
        }
        if terms::is_var(c) {
            return Ok(false);
        }
        match (view(p), view(c)) {
            (T::Compound(n, pa), T::Compound(m, ca)) => {
                if n != m || pa.len() != ca.len() {
                    return Ok(false);
                }
                work.extend(pa.iter().copied().zip(ca.iter().copied()).rev());
            }
            _ => {
                if same(p, c) != Equal {
                    return Ok(false);
                }
            }
        }
    }
    Ok(bound.into_iter().all(|(v, c)| e.unify(v, c)))
}

/// `'$cp_height'(H)`: the choicepoint stack's height, for `$Goal`'s
/// check that Goal left no choicepoint (`'$det_call'/1` in lib.pl).
pub fn cp_height<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> crate::machine::PResult<'gc, bool> {
    Ok(e.unify(a[0], Value::Int(e.cp_height())))
}
