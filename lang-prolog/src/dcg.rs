//! DCG translation (`-->` rules and `phrase/2,3`), as SWI-Prolog does it.

use vm_core::Value;

use crate::errors as err;
use crate::machine::{Eng, PResult};
use crate::terms::{self, view, T};

/// Translates `Head --> Body` into a clause.
pub fn translate_rule<'gc>(
    e: &Eng<'_, 'gc>,
    head: Value<'gc>,
    body: Value<'gc>,
) -> PResult<'gc, Value<'gc>> {
    let s0 = e.new_var();
    let s = e.new_var();
    let head = terms::deref(head);
    let (h, pushback) = match view(head) {
        T::Compound(",", a) if a.len() == 2 => (terms::deref(a[0]), Some(a[1])),
        _ => (head, None),
    };
    let nh = match view(h) {
        T::Atom(_) | T::Compound(..) => crate::machine::add_args(e, h, &[s0, s])?,
        T::Var => return Err(err::instantiation_error(e.mc)),
        _ => return Err(err::type_error(e.mc, "callable", h)),
    };
    let b = match pushback {
        None => translate_body(e, body, s0, s)?,
        Some(pb) => {
            let mid = e.new_var();
            let b1 = translate_body(e, body, s0, mid)?;
            let b2 = terminals(e, pb, s, mid)?;
            e.compound(",", vec![b1, b2])
        }
    };
    Ok(e.compound(":-", vec![nh, b]))
}

fn terminals<'gc>(
    e: &Eng<'_, 'gc>,
    list: Value<'gc>,
    s0: Value<'gc>,
    s: Value<'gc>,
) -> PResult<'gc, Value<'gc>> {
    let Some(items) = terms::list_to_vec(list) else {
        return Err(err::type_error(e.mc, "list", list));
    };
    let l = e.list(items, s);
    Ok(e.compound("=", vec![s0, l]))
}

/// Translates a DCG body between `s0` and `s`.
pub fn translate_body<'gc>(
    e: &Eng<'_, 'gc>,
    b: Value<'gc>,
    s0: Value<'gc>,
    s: Value<'gc>,
) -> PResult<'gc, Value<'gc>> {
    let b = terms::deref(b);
    match view(b) {
        T::Var => Ok(e.compound("phrase", vec![b, s0, s])),
        T::Compound(",", a) if a.len() == 2 => {
            let mid = e.new_var();
            let l = translate_body(e, a[0], s0, mid)?;
            let r = translate_body(e, a[1], mid, s)?;
            Ok(e.compound(",", vec![l, r]))
        }
        T::Compound(op, a) if a.len() == 2 && (op == ";" || op == "|") => {
            let l = translate_body(e, a[0], s0, s)?;
            let r = translate_body(e, a[1], s0, s)?;
            Ok(e.compound(";", vec![l, r]))
        }
        T::Compound("->", a) if a.len() == 2 => {
            let mid = e.new_var();
            let l = translate_body(e, a[0], s0, mid)?;
            let r = translate_body(e, a[1], mid, s)?;
            Ok(e.compound("->", vec![l, r]))
        }
        T::Compound("\\+", a) if a.len() == 1 => {
            let l = translate_body(e, a[0], s0, e.new_var())?;
            Ok(e.compound(
                ",",
                vec![e.compound("\\+", vec![l]), e.compound("=", vec![s0, s])],
            ))
        }
        T::Atom("!") => Ok(e.compound(",", vec![e.atom("!"), e.compound("=", vec![s0, s])])),
        T::Atom("[]") | T::Nil => Ok(e.compound("=", vec![s0, s])),
        T::Compound("{}", a) if a.len() == 1 => {
            Ok(e.compound(",", vec![a[0], e.compound("=", vec![s0, s])]))
        }
        T::Compound("[|]", _) => terminals(e, b, s0, s),
        T::Str(txt) => {
            let items = txt.chars().map(|c| Value::Int(c as i64)).collect();
            let l = e.list(items, s);
            Ok(e.compound("=", vec![s0, l]))
        }
        T::Compound("call", a) => {
            let mut v = a.to_vec();
            v.push(s0);
            v.push(s);
            Ok(e.compound("call", v))
        }
        T::Atom(_) | T::Compound(..) => crate::machine::add_args(e, b, &[s0, s]),
        _ => Err(err::type_error(e.mc, "callable", b)),
    }
}
