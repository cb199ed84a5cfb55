//! Prolog terms on the shared heap.
//!
//! Every term is a [`Value`] of the one heap every language shares, so a term
//! can cross into another language without a copy:
//!
//! | term                | value                                                    |
//! |---------------------|----------------------------------------------------------|
//! | atom                | `Str` (the atom's name; atoms compare by content)        |
//! | `[]` (SWI 7+)       | `None` (a reserved atom-like constant, `[] \== '[]'`)    |
//! | integer             | `Int`, or `BigInt` outside the i64 range                 |
//! | float               | `Float`                                                  |
//! | compound `f(A1..An)`| `Tuple` whose head is the name `Str("f")`, args the arguments |
//! | SWI string          | `Tuple` whose head is `None`, argument 0 the text `Str`  |
//! | variable            | `Cell` (value: the binding, mark: the serial); unbound: `Bool(false)` |
//! | clause-template var | `Tuple` whose head is `Int(n)`, no arguments             |
//!
//! Terms are immutable tuples, so Rust code borrows a compound's arguments
//! for `'gc` ([`T::Compound`]) with no lock: nothing can write them while the
//! view is held. Mutable objects (variables are cells; choicepoints and
//! the machine state are lists and records) are never tuples, so they are
//! never seen through a term view. `setarg/3` therefore cannot
//! change a term in place; see `builtins::termb`.
//!
//! The functor of a compound is its head (name) plus its argument count
//! (arity). Variables are bound by writing their binding slot; the serial
//! number orders variables by age, so a binding younger than the newest
//! choicepoint need not be trailed (conditional trailing, as the WAM does with
//! addresses). Dereferencing follows binding chains iteratively.

use num_bigint::BigInt;
use vm_core::cell;
use vm_core::heap::{self, Tuple};
use vm_core::{Gc, Mutation, Value};

/// The binding slot of an unbound variable.
pub const UNBOUND: Value<'static> = Value::Bool(false);

/// A new unbound variable with serial number `serial`: a vm-core cell
/// (one allocation) whose value is the binding and whose mark the serial.
#[inline]
pub fn new_var<'gc>(mc: &Mutation<'gc>, serial: i64) -> Value<'gc> {
    cell::new_cell(mc, Value::Bool(false), serial)
}

/// Follows variable bindings until an unbound variable or a non-variable.
#[inline]
pub fn deref<'gc>(mut v: Value<'gc>) -> Value<'gc> {
    while let Value::Cell(c) = v {
        match c.get() {
            Value::Bool(false) => return v,
            other => v = other,
        }
    }
    v
}

/// The serial number of a variable.
#[inline]
pub fn var_serial(v: Value<'_>) -> i64 {
    match v {
        Value::Cell(c) => c.mark(),
        _ => 0,
    }
}

/// Whether `v` (dereferenced) is an unbound variable.
#[inline]
pub fn is_var(v: Value<'_>) -> bool {
    matches!(v, Value::Cell(_))
}

/// Binds an unbound variable (no trailing: the machine trails).
#[inline]
pub fn bind_raw<'gc>(mc: &Mutation<'gc>, var: Value<'gc>, val: Value<'gc>) {
    cell::set_cell_value(mc, var, val);
}

/// Resets a variable to unbound.
#[inline]
pub fn unbind<'gc>(mc: &Mutation<'gc>, var: Value<'gc>) {
    cell::set_cell_value(mc, var, Value::Bool(false));
}

/// An atom.
pub fn atom<'gc>(mc: &Mutation<'gc>, name: &str) -> Value<'gc> {
    heap::new_str(mc, name)
}

/// A compound term (`args` non-empty) or an atom (`args` empty).
pub fn compound<'gc>(mc: &Mutation<'gc>, name: &str, args: Vec<Value<'gc>>) -> Value<'gc> {
    if args.is_empty() {
        return atom(mc, name);
    }
    heap::new_tuple(mc, heap::new_str(mc, name), &args)
}

/// A compound term whose name is an existing atom value.
pub fn compound_v<'gc>(mc: &Mutation<'gc>, name: Value<'gc>, args: Vec<Value<'gc>>) -> Value<'gc> {
    if args.is_empty() {
        return name;
    }
    heap::new_tuple(mc, name, &args)
}

/// A compound term from a name value and an argument slice (`args`
/// non-empty, `name` a `Str`).
#[inline]
pub fn compound_s<'gc>(mc: &Mutation<'gc>, name: Value<'gc>, args: &[Value<'gc>]) -> Value<'gc> {
    heap::new_tuple(mc, name, args)
}

/// A SWI string.
pub fn string<'gc>(mc: &Mutation<'gc>, text: &str) -> Value<'gc> {
    heap::new_tuple(mc, Value::None, &[heap::new_str(mc, text)])
}

/// An integer.
pub fn int<'gc>(mc: &Mutation<'gc>, i: BigInt) -> Value<'gc> {
    heap::new_int(mc, i)
}

/// A clause-template variable slot.
pub fn tvar<'gc>(mc: &Mutation<'gc>, n: usize) -> Value<'gc> {
    heap::new_tuple(mc, Value::Int(n as i64), &[])
}

/// The list `[a, b, ... | tail]`.
pub fn list_from<'gc>(mc: &Mutation<'gc>, items: Vec<Value<'gc>>, tail: Value<'gc>) -> Value<'gc> {
    let mut t = tail;
    let dot = heap::new_str(mc, "[|]");
    for it in items.into_iter().rev() {
        t = heap::new_tuple(mc, dot, &[it, t]);
    }
    t
}

/// A cons cell.
pub fn cons<'gc>(mc: &Mutation<'gc>, h: Value<'gc>, t: Value<'gc>) -> Value<'gc> {
    heap::new_tuple(mc, heap::new_str(mc, "[|]"), &[h, t])
}

/// A view of a dereferenced term for matching in Rust.
pub enum T<'gc> {
    Var,
    Atom(&'gc str),
    Nil,
    Int(i64),
    Big(&'gc BigInt),
    Float(f64),
    Str(&'gc str),
    Compound(&'gc str, &'gc [Value<'gc>]),
    /// A clause-template variable (only inside stored clauses).
    TVar(usize),
    /// Not a term (internal machine objects).
    Other,
}

/// Classifies `v` (dereferenced first).
pub fn view<'gc>(v: Value<'gc>) -> T<'gc> {
    match deref(v) {
        Value::Cell(_) => T::Var,
        Value::Str(s) => T::Atom(Gc::as_ref(s).as_str()),
        Value::None => T::Nil,
        Value::Int(i) => T::Int(i),
        Value::BigInt(b) => T::Big(&Gc::as_ref(b).0),
        Value::Float(f) => T::Float(f),
        Value::Tuple(t) => tuple_view(Gc::as_ref(t)),
        _ => T::Other,
    }
}

fn tuple_view<'gc>(t: &'gc Tuple<'gc>) -> T<'gc> {
    let fields: &'gc [Value<'gc>] = t.args();
    match t.head() {
        Value::Str(s) => T::Compound(Gc::as_ref(s).as_str(), fields),
        Value::None => match fields.first() {
            Some(Value::Str(s)) => T::Str(Gc::as_ref(*s).as_str()),
            _ => T::Other,
        },
        Value::Int(n) => T::TVar(n as usize),
        _ => T::Other,
    }
}

/// The arguments of a compound term (empty for anything else).
pub fn args<'gc>(v: Value<'gc>) -> &'gc [Value<'gc>] {
    match view(v) {
        T::Compound(_, a) => a,
        _ => &[],
    }
}

/// Name and arity of a callable term, if it is one.
pub fn name_arity<'gc>(v: Value<'gc>) -> Option<(&'gc str, usize)> {
    match view(v) {
        T::Atom(a) => Some((a, 0)),
        T::Nil => Some(("[]", 0)),
        T::Compound(n, a) => Some((n, a.len())),
        _ => None,
    }
}

/// Whether `v` is the compound `name/arity`.
pub fn is_functor(v: Value<'_>, name: &str, arity: usize) -> bool {
    matches!(view(v), T::Compound(n, a) if n == name && a.len() == arity)
}

/// Whether `v` is an atom (including `[]`).
pub fn is_atom(v: Value<'_>) -> bool {
    matches!(view(v), T::Atom(_) | T::Nil)
}

/// The text of an atom (`[]` included).
pub fn atom_text<'gc>(v: Value<'gc>) -> Option<&'gc str> {
    match view(v) {
        T::Atom(a) => Some(a),
        T::Nil => Some("[]"),
        _ => None,
    }
}

/// Whether `v` is callable (atom or compound).
pub fn is_callable(v: Value<'_>) -> bool {
    matches!(view(v), T::Atom(_) | T::Nil | T::Compound(..))
}

/// Whether `v` is atomic.
pub fn is_atomic(v: Value<'_>) -> bool {
    matches!(
        view(v),
        T::Atom(_) | T::Nil | T::Int(_) | T::Big(_) | T::Float(_) | T::Str(_)
    )
}

/// The elements of a proper list, or `None` (partial or not a list).
/// A cyclic list (`L = [a|L]`) is not a list.
pub fn list_to_vec<'gc>(v: Value<'gc>) -> Option<Vec<Value<'gc>>> {
    let mut out = Vec::new();
    let mut t = v;
    let mut cycle = CycleCheck::default();
    loop {
        match view(t) {
            T::Nil => return Some(out),
            T::Compound("[|]", a) if a.len() == 2 => {
                if cycle.seen(a) {
                    return None;
                }
                out.push(a[0]);
                t = a[1];
            }
            _ => return None,
        }
    }
}

/// Brent's cycle check for walks along list tails: a cell is remembered at
/// each power of two steps and later cells are compared with it by
/// identity, so a walk around a cyclic list (`L = [a|L]`) stops within a
/// few laps, for one pointer compare per cell.
#[derive(Default)]
pub struct CycleCheck {
    mark: usize,
    steps: usize,
    next_mark: usize,
}

impl CycleCheck {
    /// Whether the walk has come back to a remembered cell; `cell` is the
    /// list cell's arguments (their address is the cell's identity).
    #[inline]
    pub fn seen(&mut self, cell: &[Value<'_>]) -> bool {
        self.seen_id(cell.as_ptr() as usize)
    }

    /// [`CycleCheck::seen`] for a cell known by its identity (any term
    /// representation, e.g. [`crate::writer::Terms::cell_id`]).
    #[inline]
    pub fn seen_id(&mut self, id: usize) -> bool {
        if id == self.mark {
            return true;
        }
        self.steps += 1;
        if self.steps >= self.next_mark {
            self.mark = id;
            self.next_mark = self.steps * 2;
        }
        false
    }
}

/// Compounds a term walk enters before it starts remembering them: past
/// this many, [`Revisit`] makes the walk end on a cyclic term (a rational
/// tree, `X = f(X)`) at the cost of a hash set only big terms pay.
pub const CYCLE_BUDGET: usize = 1 << 20;

/// A term walk's guard against cycles: counts the compounds entered and,
/// past [`CYCLE_BUDGET`], remembers them by identity, so the walk can skip
/// a compound it has already been through (every walk that uses it only
/// collects, so skipping a repeat loses nothing).
#[derive(Default)]
pub struct Revisit {
    steps: usize,
    seen: rustc_hash::FxHashSet<u64>,
}

impl Revisit {
    /// Whether the walk has already entered compound `c` (only known past
    /// the budget; before it, every compound is new).
    #[inline]
    pub fn again(&mut self, c: Value<'_>) -> bool {
        self.steps += 1;
        self.steps > CYCLE_BUDGET && !self.seen.insert(c.payload_bits())
    }
}

/// Integer value as a bigint, if `v` is an integer.
pub fn to_bigint(v: Value<'_>) -> Option<BigInt> {
    match view(v) {
        T::Int(i) => Some(BigInt::from(i)),
        T::Big(b) => Some(b.clone()),
        _ => None,
    }
}

/// Whether two atoms/compound names are the same value by content.
pub fn same_name<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            Gc::ptr_eq(x, y) || (x.hash_code() == y.hash_code() && x.as_str() == y.as_str())
        }
        (Value::None, Value::None) => true,
        _ => false,
    }
}

/// The head and arguments of a term tuple (compound, string or template
/// variable), not dereferenced; `None` for anything else.
#[inline]
pub fn tuple_parts<'gc>(v: Value<'gc>) -> Option<(Value<'gc>, &'gc [Value<'gc>])> {
    match v {
        Value::Tuple(t) => {
            let t: &'gc Tuple<'gc> = Gc::as_ref(t);
            Some((t.head(), t.args()))
        }
        _ => None,
    }
}

/// The old name of [`tuple_parts`] (terms were records before tuples existed).
#[inline]
pub fn record_parts<'gc>(v: Value<'gc>) -> Option<(Value<'gc>, &'gc [Value<'gc>])> {
    tuple_parts(v)
}
