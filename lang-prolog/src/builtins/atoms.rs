//! Atoms, strings, characters and their conversions.

use vm_core::Value;

use super::{det, need_atom, nondet, text_of};
use crate::errors as err;
use crate::globals::Globals;
use crate::machine::{Eng, PResult};
use crate::parser;
use crate::terms::{self, view, T};
use crate::writer;

type R<'gc> = PResult<'gc, bool>;
type ND<'gc> = PResult<'gc, (Value<'gc>, Vec<Value<'gc>>)>;

/// A text as a code list.
pub(crate) fn codes<'gc>(e: &Eng<'_, 'gc>, s: &str) -> Value<'gc> {
    e.list(
        s.chars().map(|c| Value::Int(c as i64)).collect(),
        Value::None,
    )
}
/// A text as a char list.
pub(crate) fn chars<'gc>(e: &Eng<'_, 'gc>, s: &str) -> Value<'gc> {
    e.list(
        s.chars()
            .map(|c| e.atom(c.encode_utf8(&mut [0; 4])))
            .collect(),
        Value::None,
    )
}

/// Text of an atomic first argument, or None when it is a variable.
fn atomic_text<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, Option<String>> {
    atomic_text_as(e, v, "atomic")
}

/// Like [`atomic_text`], naming `ty` in the type error (SWI varies it per builtin).
fn atomic_text_as<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>, ty: &str) -> PResult<'gc, Option<String>> {
    match view(v) {
        T::Var => Ok(None),
        T::Nil if ty == "atom" => Err(err::type_error(e.mc, ty, v)),
        T::Compound("[|]", _) if ty == "atomic" => match text_of(v) {
            Some(s) => Ok(Some(s)),
            None => Err(err::type_error(e.mc, ty, v)),
        },
        T::Compound(..) => Err(err::type_error(e.mc, ty, v)),
        _ => Ok(text_of(v)),
    }
}

/// The text of a code or char list. As SWI, in every mode either kind is
/// taken, decided by the first element: after a code every element must
/// be a code, after a char a char (`what` is `"any"` only for callers
/// that take a mix and raise a representation error on a bad code).
fn list_text<'gc>(e: &Eng<'_, 'gc>, l: Value<'gc>, what: &str) -> PResult<'gc, String> {
    let l = terms::deref(l);
    let mut t = l;
    let mut s = String::new();
    // None: no element yet; Some(true): codes; Some(false): chars
    let mut codes: Option<bool> = None;
    let mut cycle = terms::CycleCheck::default();
    loop {
        match view(t) {
            T::Nil => return Ok(s),
            T::Var => return Err(err::instantiation_error(e.mc)),
            T::Compound("[|]", a) if a.len() == 2 && cycle.seen(a) => {
                return Err(err::type_error(e.mc, "list", l))
            }
            T::Compound("[|]", a) if a.len() == 2 => {
                let x = a[0];
                match view(x) {
                    T::Var => return Err(err::instantiation_error(e.mc)),
                    T::Int(c) if what == "any" => match char::from_u32(c as u32) {
                        Some(ch) => s.push(ch),
                        None => return Err(err::representation_error(e.mc, "character_code")),
                    },
                    T::Atom(c) if what == "any" && c.chars().count() == 1 => s.push_str(c),
                    _ if what == "any" => return Err(err::type_error(e.mc, "integer", x)),
                    T::Int(c) if codes != Some(false) => match char::from_u32(c as u32) {
                        Some(ch) if c >= 0 => {
                            s.push(ch);
                            codes = Some(true);
                        }
                        _ => return Err(err::type_error(e.mc, "character_code", x)),
                    },
                    T::Atom(c) if codes != Some(true) && c.chars().count() == 1 => {
                        s.push_str(c);
                        codes = Some(false);
                    }
                    _ if codes == Some(false) => return Err(err::type_error(e.mc, "character", x)),
                    _ => return Err(err::type_error(e.mc, "character_code", x)),
                }
                t = a[1];
            }
            _ => return Err(err::type_error(e.mc, "list", l)),
        }
    }
}

/// SWI takes a string where these builtins take a code or char list
/// (`atom_codes(A, "xy")`): the arguments with a string second argument
/// replaced by the equivalent list (`chars` for the `_chars` builtins).
fn string_as_list<'gc>(
    e: &Eng<'_, 'gc>,
    a: &[Value<'gc>],
    as_chars: bool,
) -> Option<[Value<'gc>; 2]> {
    match view(a[1]) {
        T::Str(s) => {
            let l = if as_chars { chars(e, s) } else { codes(e, s) };
            Some([a[0], l])
        }
        _ => None,
    }
}

fn atom_codes<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    if let Some(b) = string_as_list(e, a, false) {
        return atom_codes(e, &b);
    }
    match atomic_text_as(e, a[0], "atom")? {
        Some(s) => Ok(e.unify(a[1], codes(e, &s))),
        None => {
            let s = list_text(e, a[1], "code")?;
            Ok(e.unify(a[0], e.atom(&s)))
        }
    }
}
fn atom_chars<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    if let Some(b) = string_as_list(e, a, true) {
        return atom_chars(e, &b);
    }
    match atomic_text_as(e, a[0], "atom")? {
        Some(s) => Ok(e.unify(a[1], chars(e, &s))),
        None => {
            let s = list_text(e, a[1], "char")?;
            Ok(e.unify(a[0], e.atom(&s)))
        }
    }
}
fn char_code<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match view(a[0]) {
        T::Atom(c) if c.chars().count() == 1 => {
            let ch = c.chars().next().unwrap_or('\0');
            Ok(e.unify(a[1], Value::Int(ch as i64)))
        }
        T::Var => match view(a[1]) {
            T::Int(c) => match char::from_u32(c as u32) {
                Some(ch) if c >= 0 => Ok(e.unify(a[0], e.atom(ch.encode_utf8(&mut [0; 4])))),
                _ => Err(err::type_error(e.mc, "character_code", a[1])),
            },
            T::Var => Err(err::instantiation_error(e.mc)),
            _ => Err(err::type_error(e.mc, "integer", a[1])),
        },
        _ => Err(err::type_error(e.mc, "character", a[0])),
    }
}
fn atom_length<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // SWI reads `[]` as the empty code list here
    let s = match view(a[0]) {
        T::Nil => Some(String::new()),
        _ => atomic_text_as(e, a[0], "text")?,
    };
    let Some(s) = s else {
        return Err(err::instantiation_error(e.mc));
    };
    match view(a[1]) {
        T::Var | T::Int(_) => {}
        _ => return Err(err::type_error(e.mc, "integer", a[1])),
    }
    Ok(e.unify(a[1], Value::Int(s.chars().count() as i64)))
}
fn string_length<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    atom_length(e, a)
}

fn atom_concat<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> ND<'gc> {
    let x = atomic_text(e, a[0])?;
    let y = atomic_text(e, a[1])?;
    match (x, y) {
        (Some(x), Some(y)) => Ok((a[2], vec![e.atom(&(x + &y))])),
        _ => {
            let Some(z) = atomic_text(e, a[2])? else {
                return Err(err::instantiation_error(e.mc));
            };
            let target = e.compound("-", vec![a[0], a[1]]);
            let cs: Vec<char> = z.chars().collect();
            let alts = (0..=cs.len())
                .map(|i| {
                    let l: String = cs[..i].iter().collect();
                    let r: String = cs[i..].iter().collect();
                    e.compound("-", vec![e.atom(&l), e.atom(&r)])
                })
                .collect();
            Ok((target, alts))
        }
    }
}

fn string_concat<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> ND<'gc> {
    let x = atomic_text(e, a[0])?;
    let y = atomic_text(e, a[1])?;
    match (x, y) {
        (Some(x), Some(y)) => Ok((a[2], vec![terms::string(e.mc, &(x + &y))])),
        _ => {
            let Some(z) = atomic_text(e, a[2])? else {
                return Err(err::instantiation_error(e.mc));
            };
            let target = e.compound("-", vec![a[0], a[1]]);
            let cs: Vec<char> = z.chars().collect();
            let alts = (0..=cs.len())
                .map(|i| {
                    let l: String = cs[..i].iter().collect();
                    let r: String = cs[i..].iter().collect();
                    e.compound("-", vec![terms::string(e.mc, &l), terms::string(e.mc, &r)])
                })
                .collect();
            Ok((target, alts))
        }
    }
}

fn sub_text<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>], string: bool) -> ND<'gc> {
    let Some(s) = atomic_text_as(e, a[0], if string { "atomic" } else { "atom" })? else {
        return Err(err::instantiation_error(e.mc));
    };
    let cs: Vec<char> = s.chars().collect();
    let n = cs.len();
    let mk = |t: &str| {
        if string {
            terms::string(e.mc, t)
        } else {
            e.atom(t)
        }
    };
    for &x in &a[1..4] {
        match view(x) {
            T::Var => {}
            T::Int(i) if i >= 0 => {}
            T::Int(_) => return Err(err::domain_error(e.mc, "not_less_than_zero", x)),
            _ => return Err(err::type_error(e.mc, "integer", x)),
        }
    }
    let target = e.compound("s", vec![a[1], a[2], a[3], a[4]]);
    let mut alts = Vec::new();
    let int_of = |v: Value<'gc>| match view(v) {
        T::Int(i) => Some(i as usize),
        _ => None,
    };
    let (fb, fl, fa) = (int_of(a[1]), int_of(a[2]), int_of(a[3]));
    if let Some(sub) = match view(a[4]) {
        T::Var => None,
        _ => text_of(a[4]),
    } {
        // known substring: find occurrences
        let sc: Vec<char> = sub.chars().collect();
        let l = sc.len();
        if l <= n {
            for b in 0..=(n - l) {
                if cs[b..b + l] == sc[..] {
                    alts.push(e.compound(
                        "s",
                        vec![
                            Value::Int(b as i64),
                            Value::Int(l as i64),
                            Value::Int((n - b - l) as i64),
                            a[4],
                        ],
                    ));
                }
            }
        }
        return Ok((target, alts));
    }
    for b in 0..=n {
        if fb.is_some_and(|x| x != b) {
            continue;
        }
        for l in 0..=(n - b) {
            if fl.is_some_and(|x| x != l) {
                continue;
            }
            if fa.is_some_and(|x| x != n - b - l) {
                continue;
            }
            let sub: String = cs[b..b + l].iter().collect();
            alts.push(e.compound(
                "s",
                vec![
                    Value::Int(b as i64),
                    Value::Int(l as i64),
                    Value::Int((n - b - l) as i64),
                    mk(&sub),
                ],
            ));
        }
    }
    Ok((target, alts))
}
fn sub_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> ND<'gc> {
    sub_text(e, a, false)
}
fn sub_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> ND<'gc> {
    sub_text(e, a, true)
}

fn number_value<'gc>(e: &Eng<'_, 'gc>, s: &str) -> PResult<'gc, Value<'gc>> {
    match parser::parse_number(s) {
        Some(Ok(i)) => Ok(terms::int(e.mc, i)),
        Some(Err(f)) => Ok(Value::Float(f)),
        None => Err(err::syntax_error(e.mc, "illegal_number")),
    }
}

fn number_codes<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    if let Some(b) = string_as_list(e, a, false) {
        return number_codes(e, &b);
    }
    match view(a[0]) {
        T::Int(_) | T::Big(_) | T::Float(_) if terms::is_var(terms::deref(a[1])) => {
            Ok(e.unify(a[1], codes(e, &text_of(a[0]).unwrap_or_default())))
        }
        T::Var | T::Int(_) | T::Big(_) | T::Float(_) => {
            let s = list_text(e, a[1], "code")?;
            let n = number_value(e, &s)?;
            Ok(e.unify(a[0], n))
        }
        _ => Err(err::type_error(e.mc, "number", a[0])),
    }
}
fn number_chars<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    if let Some(b) = string_as_list(e, a, true) {
        return number_chars(e, &b);
    }
    match view(a[0]) {
        T::Int(_) | T::Big(_) | T::Float(_) if terms::is_var(terms::deref(a[1])) => {
            Ok(e.unify(a[1], chars(e, &text_of(a[0]).unwrap_or_default())))
        }
        T::Var | T::Int(_) | T::Big(_) | T::Float(_) => {
            let s = list_text(e, a[1], "char")?;
            let n = number_value(e, &s)?;
            Ok(e.unify(a[0], n))
        }
        _ => Err(err::type_error(e.mc, "number", a[0])),
    }
}
fn atom_number<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match view(a[0]) {
        T::Var => match view(a[1]) {
            T::Var => Err(err::instantiation_error(e.mc)),
            T::Int(_) | T::Big(_) | T::Float(_) => {
                Ok(e.unify(a[0], e.atom(&text_of(a[1]).unwrap_or_default())))
            }
            _ => Err(err::type_error(e.mc, "number", a[1])),
        },
        _ => {
            let s = need_atom(e, a[0])?;
            if s.starts_with(char::is_whitespace) {
                return Ok(false);
            }
            match parser::parse_number(s) {
                Some(Ok(i)) => Ok(e.unify(a[1], terms::int(e.mc, i))),
                Some(Err(f)) => Ok(e.unify(a[1], Value::Float(f))),
                None => Ok(false),
            }
        }
    }
}
fn number_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    // SWI takes a string or a code list, not an atom
    if matches!(view(a[1]), T::Atom(_)) {
        return Err(err::type_error(e.mc, "list", a[1]));
    }
    match atomic_text(e, a[1])? {
        Some(s) if s.starts_with(char::is_whitespace) => Ok(false),
        Some(s) => match number_value(e, &s) {
            Ok(n) => Ok(e.unify(a[0], n)),
            // unlike number_codes/2, SWI's number_string/2 just fails
            Err(_) => Ok(false),
        },
        None => Ok(e.unify(
            a[1],
            terms::string(e.mc, &text_of(a[0]).unwrap_or_default()),
        )),
    }
}
fn atom_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match atomic_text(e, a[0])? {
        Some(s) => Ok(e.unify(a[1], terms::string(e.mc, &s))),
        None => match text_of(terms::deref(a[1])) {
            Some(s) => Ok(e.unify(a[0], e.atom(&s))),
            None => Err(err::instantiation_error(e.mc)),
        },
    }
}
fn string_chars<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match atomic_text(e, a[0])? {
        Some(s) => Ok(e.unify(a[1], chars(e, &s))),
        None => {
            let s = list_text(e, a[1], "char")?;
            Ok(e.unify(a[0], terms::string(e.mc, &s)))
        }
    }
}
fn string_codes<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match atomic_text(e, a[0])? {
        Some(s) => Ok(e.unify(a[1], codes(e, &s))),
        None => {
            let s = list_text(e, a[1], "code")?;
            Ok(e.unify(a[0], terms::string(e.mc, &s)))
        }
    }
}
fn string_to_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    match atomic_text(e, a[0])? {
        Some(s) => Ok(e.unify(a[1], e.atom(&s))),
        None => match atomic_text(e, a[1])? {
            Some(s) => Ok(e.unify(a[0], terms::string(e.mc, &s))),
            None => Err(err::instantiation_error(e.mc)),
        },
    }
}
fn string_code<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let i = super::need_int(e, a[0])?;
    let s = text_of(a[1]).unwrap_or_default();
    match s.chars().nth((i - 1).max(0) as usize) {
        Some(c) if i >= 1 => Ok(e.unify(a[2], Value::Int(c as i64))),
        _ => Ok(false),
    }
}
fn any_text<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>) -> PResult<'gc, String> {
    match view(v) {
        T::Var => Err(err::instantiation_error(e.mc)),
        _ => text_of(v).ok_or_else(|| err::type_error(e.mc, "string", v)),
    }
}
fn string_lower<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = case_text(e, a[0], false)?;
    Ok(e.unify(a[1], terms::string(e.mc, &s.to_lowercase())))
}
fn string_upper<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = case_text(e, a[0], false)?;
    Ok(e.unify(a[1], terms::string(e.mc, &s.to_uppercase())))
}
/// The text `upcase_atom/2` and friends take: atomic (not `[]` for the
/// atom ones).
fn case_text<'gc>(e: &Eng<'_, 'gc>, v: Value<'gc>, atom: bool) -> PResult<'gc, String> {
    match view(v) {
        T::Nil if atom => Err(err::type_error(e.mc, "atom", v)),
        T::Compound(..) => Err(err::type_error(e.mc, "atomic", v)),
        _ => any_text(e, v),
    }
}
fn upcase_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = case_text(e, a[0], true)?;
    Ok(e.unify(a[1], e.atom(&s.to_uppercase())))
}
fn downcase_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = case_text(e, a[0], true)?;
    Ok(e.unify(a[1], e.atom(&s.to_lowercase())))
}
#[allow(dead_code)]
fn string_builtin<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = any_text(e, a[0])?;
    Ok(e.unify(a[1], terms::string(e.mc, &s)))
}
fn split_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = any_text(e, a[0])?;
    let seps: Vec<char> = any_text(e, a[1])?.chars().collect();
    let pad: Vec<char> = any_text(e, a[2])?.chars().collect();
    let items = split_fields(&s, &seps, &pad)
        .into_iter()
        .map(|p| terms::string(e.mc, &p))
        .collect();
    Ok(e.unify(a[3], e.list(items, Value::None)))
}
/// SWI's split_string/4 fields: the whole text is stripped of `pad` first,
/// each field between separators is stripped too, and a separator that is
/// itself a pad character swallows the pad run after it, so with the same
/// characters in both, adjacent separators act as one (`"a  b"` gives two
/// fields) while a non-pad separator still makes an empty field.
pub fn split_fields(s: &str, seps: &[char], pad: &[char]) -> Vec<String> {
    let cs: Vec<char> = s.chars().collect();
    let is_pad = |c: char| pad.contains(&c);
    let (mut lo, mut hi) = (0, cs.len());
    while lo < hi && is_pad(cs[lo]) {
        lo += 1;
    }
    while hi > lo && is_pad(cs[hi - 1]) {
        hi -= 1;
    }
    let mut fields = Vec::new();
    let mut start = lo;
    loop {
        let mut end = start;
        while end < hi && !seps.contains(&cs[end]) {
            end += 1;
        }
        let (mut a, mut b) = (start, end);
        while a < b && is_pad(cs[a]) {
            a += 1;
        }
        while b > a && is_pad(cs[b - 1]) {
            b -= 1;
        }
        fields.push(cs[a..b].iter().collect());
        if end >= hi {
            return fields;
        }
        start = end + 1;
        if is_pad(cs[end]) {
            while start < hi && is_pad(cs[start]) {
                start += 1;
            }
        }
    }
}
fn atomic_list_concat2<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let Some(items) = terms::list_to_vec(terms::deref(a[0])) else {
        return Err(err::instantiation_error(e.mc));
    };
    let mut s = String::new();
    for it in items {
        match view(it) {
            T::Var => return Err(err::instantiation_error(e.mc)),
            T::Compound(..) => return Err(err::type_error(e.mc, "text", it)),
            _ => s.push_str(&text_of(it).unwrap_or_default()),
        }
    }
    Ok(e.unify(a[1], e.atom(&s)))
}
fn atomic_list_concat3<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let sep = any_text(e, a[1])?;
    let l = terms::deref(a[0]);
    if let Some(items) = terms::list_to_vec(l) {
        if items.iter().all(|i| !terms::is_var(terms::deref(*i))) {
            let mut parts = Vec::new();
            for it in items {
                if let T::Compound(..) = view(it) {
                    return Err(err::type_error(e.mc, "text", it));
                }
                parts.push(text_of(it).unwrap_or_default());
            }
            return Ok(e.unify(a[2], e.atom(&parts.join(&sep))));
        }
    }
    // split mode
    let Some(full) = atomic_text(e, a[2])? else {
        return Err(err::instantiation_error(e.mc));
    };
    if sep.is_empty() {
        return Err(err::domain_error(e.mc, "non_empty_atom", a[1]));
    }
    let items = full.split(sep.as_str()).map(|p| e.atom(p)).collect();
    Ok(e.unify(a[0], e.list(items, Value::None)))
}

fn term_to_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let t = terms::deref(a[0]);
    if terms::is_var(t) {
        let s = any_text(e, a[1])?;
        let (term, _) = super::io::parse_text(e, &s)?;
        return Ok(e.unify(t, term));
    }
    let ops = e.g.borrow().ops.clone();
    let mut o = writer::Opts::print();
    o.ops = Some(&ops);
    // quoted, but '$VAR'(N) is not written as a variable name
    o.numbervars = false;
    let s = writer::try_to_string(t, o).map_err(|_| err::resource_error(e.mc, "c_stack"))?;
    Ok(e.unify(a[1], e.atom(&s)))
}
fn term_string<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let t = terms::deref(a[0]);
    if terms::is_var(t) {
        let s = any_text(e, a[1])?;
        let (term, _) = super::io::parse_text(e, &s)?;
        return Ok(e.unify(t, term));
    }
    let ops = e.g.borrow().ops.clone();
    let mut o = writer::Opts::print();
    o.ops = Some(&ops);
    // as term_to_atom/2: '$VAR'(N) is not written as a variable name
    o.numbervars = false;
    let s = writer::try_to_string(t, o).map_err(|_| err::resource_error(e.mc, "c_stack"))?;
    Ok(e.unify(a[1], terms::string(e.mc, &s)))
}
fn atom_to_term<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let b = terms::deref(a[2]);
    if !matches!(view(b), T::Var | T::Nil | T::Compound("[|]", _)) {
        return Err(err::type_error(e.mc, "list", b));
    }
    let s = any_text(e, a[0])?;
    let (term, vars) = super::io::parse_text(e, &s)?;
    let bs = vars
        .into_iter()
        .map(|(n, v)| e.compound("=", vec![e.atom(&n), v]))
        .collect();
    Ok(e.unify(a[1], term) && e.unify(a[2], e.list(bs, Value::None)))
}

/// read_term_from_atom/3: the term the text reads as (the options are
/// not used).
fn read_term_from_atom<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let s = any_text(e, a[0])?;
    let (term, _) = super::io::parse_text(e, &s)?;
    Ok(e.unify(a[1], term))
}

fn char_type<'gc>(e: &Eng<'_, 'gc>, a: &[Value<'gc>]) -> R<'gc> {
    let c = match view(a[0]) {
        T::Atom(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
        T::Int(i) => char::from_u32(i as u32).unwrap_or(' '),
        T::Var => return Err(err::instantiation_error(e.mc)),
        _ => return Ok(false),
    };
    let t = terms::deref(a[1]);
    Ok(match view(t) {
        T::Atom("alpha") => c.is_alphanumeric() || c == '_',
        T::Atom("alnum") => c.is_alphanumeric(),
        T::Atom("digit") => c.is_ascii_digit(),
        T::Atom("space") | T::Atom("white") => c.is_whitespace(),
        T::Atom("upper") => c.is_uppercase(),
        T::Atom("lower") => c.is_lowercase(),
        T::Atom("punct") => c.is_ascii_punctuation(),
        T::Atom("csym") => c.is_alphanumeric() || c == '_',
        T::Atom("csymf") => c.is_alphabetic() || c == '_',
        T::Atom("graph") => !c.is_whitespace() && !c.is_control(),
        T::Atom("end_of_line") => c == '\n' || c == '\r',
        T::Compound("digit", w) if w.len() == 1 => {
            c.is_ascii_digit() && e.unify(w[0], Value::Int(c as i64 - '0' as i64))
        }
        T::Compound("to_lower", w) if w.len() == 1 => {
            let l = c.to_lowercase().next().unwrap_or(c);
            let v = if matches!(view(a[0]), T::Int(_)) {
                Value::Int(l as i64)
            } else {
                e.atom(l.encode_utf8(&mut [0; 4]))
            };
            e.unify(w[0], v)
        }
        T::Compound("to_upper", w) if w.len() == 1 => {
            let l = c.to_uppercase().next().unwrap_or(c);
            let v = if matches!(view(a[0]), T::Int(_)) {
                Value::Int(l as i64)
            } else {
                e.atom(l.encode_utf8(&mut [0; 4]))
            };
            e.unify(w[0], v)
        }
        T::Compound("upper", w) if w.len() == 1 => {
            c.is_uppercase() && {
                let l = c.to_lowercase().next().unwrap_or(c);
                let v = if matches!(view(a[0]), T::Int(_)) {
                    Value::Int(l as i64)
                } else {
                    e.atom(l.encode_utf8(&mut [0; 4]))
                };
                e.unify(w[0], v)
            }
        }
        T::Compound("lower", w) if w.len() == 1 => {
            c.is_lowercase() && {
                let l = c.to_uppercase().next().unwrap_or(c);
                let v = if matches!(view(a[0]), T::Int(_)) {
                    Value::Int(l as i64)
                } else {
                    e.atom(l.encode_utf8(&mut [0; 4]))
                };
                e.unify(w[0], v)
            }
        }
        _ => false,
    })
}

/// Registers the text builtins.
pub fn install(g: &mut Globals) {
    det(g, "atom_codes", 2, atom_codes);
    det(g, "atom_chars", 2, atom_chars);
    det(g, "char_code", 2, char_code);
    det(g, "atom_length", 2, atom_length);
    det(g, "string_length", 2, string_length);
    nondet(g, "atom_concat", 3, atom_concat);
    nondet(g, "string_concat", 3, string_concat);
    nondet(g, "sub_atom", 5, sub_atom);
    nondet(g, "sub_string", 5, sub_string);
    det(g, "number_codes", 2, number_codes);
    det(g, "number_chars", 2, number_chars);
    det(g, "atom_number", 2, atom_number);
    det(g, "number_string", 2, number_string);
    det(g, "atom_string", 2, atom_string);
    det(g, "string_chars", 2, string_chars);
    det(g, "string_codes", 2, string_codes);
    det(g, "string_to_atom", 2, string_to_atom);
    det(g, "string_code", 3, string_code);
    det(g, "string_lower", 2, string_lower);
    det(g, "string_upper", 2, string_upper);
    det(g, "upcase_atom", 2, upcase_atom);
    det(g, "downcase_atom", 2, downcase_atom);
    det(g, "split_string", 4, split_string);
    det(g, "atomic_list_concat", 2, atomic_list_concat2);
    det(g, "atomic_list_concat", 3, atomic_list_concat3);
    det(g, "term_to_atom", 2, term_to_atom);
    det(g, "term_string", 2, term_string);
    det(g, "atom_to_term", 3, atom_to_term);
    det(g, "read_term_from_atom", 3, read_term_from_atom);
    det(g, "char_type", 2, char_type);
    det(g, "code_type", 2, char_type);
}
