//! The plain interpreter's shortcuts: the commonest instructions on the
//! commonest operands (int and float arithmetic and comparisons, a compare
//! followed by its conditional jump, `for` over a range or list, a cached
//! instance attribute), done on the frame's registers without the `Meta`
//! layer. Only the plain interpreter takes them (`interp::exec` asks first);
//! the recorder always runs the generic code, and every shortcut computes
//! exactly what the generic code would, or declines (`None`) before
//! changing anything.

use std::cell::Ref;

use gc_arena::Gc;
use vm_core::exec::{Action, Frame};
use vm_core::heap::Record;
use vm_core::jit::recorder::Recording;
use vm_core::{heap, Meta, Mutation, Plain, Value};

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::bytecode::*;
use crate::interp::{Cx, Flow};
use crate::objects::*;

/// IC entry (see [`K_IC`]) of the instance map an attribute read or write
/// at this instruction found last.
pub const IC_MAP: i64 = 4;
/// IC entry: the record field index the attribute had in that map (or
/// `Bool(false)`: instances with that map do not have the attribute).
pub const IC_FIELD: i64 = 5;
/// IC entries 6-14: three more class lookups (type, class epoch, result)
/// for sites that see several classes (see `interp::class_ic`).
pub const IC_CLASS_WAYS: [i64; 3] = [6, 9, 12];

/// Runs instruction `op` at `pc` if it has a shortcut for its operands;
/// the pc to go on at, or None (nothing was changed: run the generic code).
#[inline(always)]
pub fn exec_plain<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    fr: &mut Frame<'gc>,
    pc: u32,
    op: &Op,
) -> Option<u32> {
    match *op {
        Op::Jump(t) => Some(t),
        Op::Nop => Some(pc + 1),
        Op::Move(d, s) => {
            let s = s as usize;
            fr.regs.copy_within(s..s + 1, d as usize);
            Some(pc + 1)
        }
        Op::Bin(op, d, a, b) | Op::Inplace(op, d, a, b) => {
            let v = arith(op, fr.regs[a as usize], fr.regs[b as usize])?;
            fr.regs[d as usize] = v;
            Some(pc + 1)
        }
        Op::Compare(op, d, a, b) => {
            let (x, y) = (fr.regs[a as usize], fr.regs[b as usize]);
            let res = match compare(op, x, y) {
                Some(res) => res,
                None => plain_identity(cx, pc, op, x, y)?,
            };
            fr.regs[d as usize] = Value::Bool(res);
            // A compare is mostly a condition: take the jump now.
            match cx.data.ops.get(pc as usize + 1) {
                Some(Op::JumpIfFalse(c, t)) if *c == d => Some(if res { pc + 2 } else { *t }),
                Some(Op::JumpIfTrue(c, t)) if *c == d => Some(if res { *t } else { pc + 2 }),
                _ => Some(pc + 1),
            }
        }
        Op::JumpIfFalse(c, t) | Op::JumpIfTrue(c, t) => {
            let b = match fr.regs[c as usize] {
                Value::Bool(b) => b,
                Value::None => false,
                Value::Int(i) => i != 0,
                _ => return None,
            };
            Some(if b == matches!(op, Op::JumpIfTrue(..)) {
                t
            } else {
                pc + 1
            })
        }
        Op::Const(d, k) => {
            let k = k as usize;
            copy_value(&mut fr.regs, d, &cx.code.consts[k..k + 1]);
            Some(pc + 1)
        }
        Op::LoadGlobal(d, _) => {
            green_global(cx, pc, &mut fr.regs, d)?;
            Some(pc + 1)
        }
        Op::Unary(UnOp::Not, d, a) => {
            let b = match fr.regs[a as usize] {
                Value::Bool(b) => b,
                Value::None => false,
                Value::Int(i) => i != 0,
                _ => return None,
            };
            fr.regs[d as usize] = Value::Bool(!b);
            Some(pc + 1)
        }
        Op::GetItem(d, o, k) => {
            let (l, i) = list_index(fr.regs[o as usize], fr.regs[k as usize])?;
            if let Value::List(items) = l {
                let i = i as usize;
                copy_value(&mut fr.regs, d, &items.borrow()[i..i + 1]);
            }
            Some(pc + 1)
        }
        Op::SetItem(o, k, v) => {
            let (l, i) = list_index(fr.regs[o as usize], fr.regs[k as usize])?;
            heap::list_set(mc, l, i, fr.regs[v as usize]);
            Some(pc + 1)
        }
        Op::ForIter(it, d, exit) => for_iter(cx, mc, fr, pc, it, d, exit),
        Op::GetIter(d, s) => {
            // A list, or an instance of a list subclass without `__iter__`
            // or `__getitem__` (`interp::get_iter`'s cache at `pc`): an
            // iterator over the list, as `get_iter` makes it.
            let l = match fr.regs[s as usize] {
                l @ Value::List(_) => l,
                v @ Value::Record(rec) => {
                    if !matches!(
                        class_ic_hit(cx, pc, rec.class),
                        Some(Value::Int(IC_ITER_LIST))
                    ) {
                        return None;
                    }
                    match field_inline(v, I_SLOT1) {
                        l @ Value::List(_) => l,
                        _ => return None,
                    }
                }
                _ => return None,
            };
            let t = heap::list_get(field_inline(cx.rt, RT_TYPES), Ty::ListIter as i64);
            fr.regs[d as usize] = heap::new_record(mc, t, vec![t, l, Value::Int(0)]);
            Some(pc + 1)
        }
        Op::GetAttr(d, o, k) => {
            // The record pointer, not the whole value: a `Value` copied out
            // of the registers was spilled byte-wise to the stack.
            let Value::Record(rec) = fr.regs[o as usize] else {
                return None;
            };
            if cached_attr(cx, rec, pc, k, &mut fr.regs, d).is_none() {
                class_attr(cx, rec, pc, k, &mut fr.regs, d)?;
            }
            Some(pc + 1)
        }
        Op::SetAttr(o, k, v) => {
            let (ov, vv) = (fr.regs[o as usize], fr.regs[v as usize]);
            cached_set_attr(cx, mc, ov, pc, k, vv)?;
            Some(pc + 1)
        }
        _ => None,
    }
}

/// `x op y` for ints and floats, as `interp::binop`'s inline cases compute
/// it; None for everything else (overflow, division by zero, other types).
#[inline(always)]
fn arith<'gc>(op: BinOp, x: Value<'gc>, y: Value<'gc>) -> Option<Value<'gc>> {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => Some(Value::Int(match op {
            BinOp::Add => a.checked_add(b)?,
            BinOp::Sub => a.checked_sub(b)?,
            BinOp::Mul => a.checked_mul(b)?,
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            BinOp::BitXor => a ^ b,
            // Python floors; with a positive divisor that is Euclid's division.
            BinOp::FloorDiv if b > 0 => a.div_euclid(b),
            BinOp::Mod if b > 0 => a.rem_euclid(b),
            // Exact as floats, so rounded once (bigger: the generic code).
            BinOp::Div if b != 0 && a.unsigned_abs() <= 1 << 53 && b.unsigned_abs() <= 1 << 53 => {
                return Some(Value::Float(a as f64 / b as f64))
            }
            _ => return None,
        })),
        (Value::Float(a), Value::Float(b)) => float_arith(op, a, b),
        (Value::Float(a), Value::Int(b)) => float_arith(op, a, b as f64),
        (Value::Int(a), Value::Float(b)) => float_arith(op, a as f64, b),
        _ => None,
    }
}

#[inline(always)]
fn float_arith<'gc>(op: BinOp, a: f64, b: f64) -> Option<Value<'gc>> {
    Some(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div if b != 0.0 => a / b,
        _ => return None,
    }))
}

/// `x op y` for two ints or two floats; None otherwise.
#[inline(always)]
fn compare<'gc>(op: CmpOp, x: Value<'gc>, y: Value<'gc>) -> Option<bool> {
    // Identity, as `interp::compare`: the same value.
    match op {
        CmpOp::Is => return Some(x.same(&y)),
        CmpOp::IsNot => return Some(!x.same(&y)),
        _ => {}
    }
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => Some(match op {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            _ => return None,
        }),
        (Value::Float(a), Value::Float(b)) => Some(match op {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            _ => return None,
        }),
        (Value::None, Value::None) => match op {
            CmpOp::Eq => Some(true),
            CmpOp::Ne => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The next item of a range or list iterator (`interp::for_iter`'s first
/// cases), then the loop body (`pc + 2`, past `ForGen`) or the exit.
#[inline(always)]
fn for_iter<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    fr: &mut Frame<'gc>,
    pc: u32,
    itr: R,
    d: R,
    exit: u32,
) -> Option<u32> {
    let it = fr.regs[itr as usize];
    let Value::Record(rec) = it else {
        return None;
    };
    match builtin_of(rec.class)? {
        Ty::RangeIter => {
            let (cur, stop, stp) = { (rec.get(1), rec.get(2), rec.get(3)) };
            let (Value::Int(c), Value::Int(s), Value::Int(st)) = (cur, stop, stp) else {
                return None;
            };
            let more = if st > 0 { c < s } else { c > s };
            if !more {
                return Some(exit);
            }
            heap::set_field(mc, it, 1, Value::Int(c.checked_add(st).unwrap_or(s)));
            fr.regs[d as usize] = cur;
            Some(pc + 2)
        }
        Ty::ListIter | Ty::SeqIter => {
            let (l, i) = (rec.get(1), rec.get(2));
            let (Value::List(_), Value::Int(i)) = (l, i) else {
                return None;
            };
            if i >= heap::list_len(l) || i < 0 {
                return Some(exit);
            }
            if let Value::List(items) = l {
                let i = i as usize;
                copy_value(&mut fr.regs, d, &items.borrow()[i..i + 1]);
            }
            heap::set_field(mc, it, 2, Value::Int(i + 1));
            Some(pc + 2)
        }
        Ty::Enumerate => {
            // `for i, x in enumerate(a_list)`: the count and the item go
            // straight into the targets of the `Unpack` that follows, as
            // `interp::for_iter` does it.
            let Some(Op::Unpack(s, ud, 2, NONE)) = cx.data.ops.get(pc as usize + 2) else {
                return None;
            };
            let (inner, count) = (rec.get(1), rec.get(2));
            let (Value::Record(irec), Value::Int(c)) = (inner, count) else {
                return None;
            };
            if *s != d || !matches!(builtin_of(irec.class)?, Ty::ListIter | Ty::SeqIter) {
                return None;
            }
            let (l, i) = (irec.get(1), irec.get(2));
            let (Value::List(items), Value::Int(i)) = (l, i) else {
                return None;
            };
            if i >= heap::list_len(l) || i < 0 {
                return Some(exit);
            }
            let next = c.checked_add(1)?;
            let ud = *ud as usize;
            fr.regs[ud] = count;
            let i = i as usize;
            copy_value(&mut fr.regs, (ud + 1) as R, &items.borrow()[i..i + 1]);
            heap::set_field(mc, it, 2, Value::Int(next));
            heap::set_field(mc, inner, 2, Value::Int(i as i64 + 1));
            Some(pc + 3)
        }
        _ => None,
    }
}

/// A global bound to a function, class or module (or data bound once),
/// from `interp::global_ic`'s cache while the globals epoch holds.
#[inline(always)]
fn green_global<'gc>(cx: &Cx<'_, 'gc>, pc: u32, regs: &mut [Value<'gc>], d: R) -> Option<()> {
    let e = ic_entry(cx, pc)?;
    match (&e[0], cx.snap.gepoch) {
        (Value::Bool(true), gep @ Value::Int(_)) if same_ref(&e[1], &gep) => {
            copy_value(regs, d, &e[2..3]);
            Some(())
        }
        _ => None,
    }
}

/// `regs[d] = src[0]` as one 16-byte copy. A value moved through an
/// `Option` or a match is copied as its tag byte plus two overlapping words,
/// and reading such a value back soon after stalls store forwarding: the
/// hottest spots of the shortcuts were exactly those copies.
#[inline(always)]
fn copy_value<'gc>(regs: &mut [Value<'gc>], d: R, src: &[Value<'gc>]) {
    let d = d as usize;
    regs[d..d + 1].copy_from_slice(src);
}

/// `a.same(&b)` for the values caches compare (records, ints), inlined.
#[inline(always)]
pub fn same<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Record(x), Value::Record(y)) => Gc::ptr_eq(x, y),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Record(_) | Value::Int(_), _) => false,
        _ => a.same(&b),
    }
}

/// The inline cache entries of one instruction (see [`K_IC`]).
pub type IcEntry<'gc> = [Value<'gc>; IC_WIDTH as usize];

/// The inline cache entries of `pc` in `cx`'s code, borrowed as a
/// fixed-size array (one bounds check for the whole entry instead of one
/// per item read; the list is found once per frame switch, `Cx::ic`), or
/// None when there are none. A borrow, not a closure: closures of the
/// shortcuts were left out of line in the big interpreter loop.
#[inline(always)]
fn ic_entry<'gc>(cx: &Cx<'_, 'gc>, pc: u32) -> Option<Ref<'gc, IcEntry<'gc>>> {
    let l = Gc::as_ref(cx.ic?);
    let i = IC_WIDTH as usize * pc as usize;
    Ref::filter_map(l.borrow(), |items| {
        items.get(i..i + IC_WIDTH as usize)?.try_into().ok()
    })
    .ok()
}

/// The inline cache list of `cx`'s code and the index of `pc`'s entries.
#[inline(always)]
fn ic_list<'gc>(cx: &Cx<'_, 'gc>, pc: u32) -> Option<(Gc<'gc, heap::List<'gc>>, usize)> {
    Some((cx.ic?, IC_WIDTH as usize * pc as usize))
}

/// The map of an instance in map mode: only such instances hold a record
/// at `I_MAP` (maps are internal).
#[inline(always)]
fn own_map<'gc>(rec: &Record<'gc>) -> Option<Gc<'gc, Record<'gc>>> {
    if rec.len() <= I_MAP as usize {
        return None;
    }
    match rec.get(I_MAP as usize) {
        Value::Record(m) => Some(m),
        _ => None,
    }
}

/// The instance attribute `k` read at `pc`, when no property exists
/// anywhere (`RT_PROPS`: then the instance's own attribute is the answer, as
/// in `interp::get_attr`) and `ov` has it in an inline slot: either `ov`
/// has the map cached at `pc` (one compare), or the name is at the slot the
/// site found last (IC entry 3, as `interp::map_slot_ic`; this serves the
/// sibling classes of a polymorphic site without rewriting the cache).
#[inline(always)]
fn cached_attr<'gc>(
    cx: &Cx<'_, 'gc>,
    rec: Gc<'gc, Record<'gc>>,
    pc: u32,
    k: K,
    regs: &mut [Value<'gc>],
    d: R,
) -> Option<()> {
    if cx.snap.props {
        return None;
    }
    let e = ic_entry(cx, pc)?;
    // Compared in place (by reference): a `Value` taken out by value is
    // rebuilt on the stack byte-wise, and reading it back stalls.
    if let (Value::Record(map), Value::Int(idx)) = (&e[IC_MAP as usize], &e[IC_FIELD as usize]) {
        let idx = *idx as usize;
        if own_map(&rec).is_some_and(|own| Gc::ptr_eq(own, *map)) && idx < rec.len() {
            regs[d as usize] = rec.get(idx);
            return Some(());
        }
    }
    let Value::Int(g) = e[3] else {
        return None;
    };
    drop(e);
    if !builtin_of(rec.class).is_some_and(is_instance_kind) {
        return None;
    }
    let own = rec.get(I_MAP as usize);
    if !matches!(own, Value::Record(_)) || !shapes::map_has_at(own, cx.k(k), g as usize) {
        return None;
    }
    let idx = I_COUNT + g as usize;
    if (g as usize) < shapes::map_inline(own) && idx < rec.len() {
        regs[d as usize] = rec.get(idx);
        return Some(());
    }
    None
}

/// Remembers that instances with `map` keep the attribute read or written at
/// `pc` in field `idx` (an inline slot), for [`cached_attr`] and
/// [`cached_set_attr`].
pub fn remember_attr<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    pc: u32,
    map: Value<'gc>,
    idx: Value<'gc>,
) {
    if let Some((l, i)) = ic_list(cx, pc) {
        let ic = Value::List(l);
        // The first map seen stays: a polymorphic site would otherwise
        // rewrite the cache at every change of class (the slot guess
        // serves the others).
        if !matches!(heap::list_get(ic, i as i64 + IC_MAP), Value::None) {
            return;
        }
        heap::list_set(mc, ic, (i as i64) + IC_MAP, map);
        heap::list_set(mc, ic, (i as i64) + IC_FIELD, idx);
    }
}

/// Stores an existing inline attribute of an instance whose map and class
/// decision (`interp::set_attr`'s "plain store allowed", in IC entries 0-2
/// for the current class epoch) are those cached at `pc`.
#[inline(always)]
fn cached_set_attr<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    ov: Value<'gc>,
    pc: u32,
    k: K,
    vv: Value<'gc>,
) -> Option<()> {
    let Value::Record(rec) = ov else {
        return None;
    };
    let Value::Int(epoch) = cx.snap.epoch else {
        return None;
    };
    let mut grown = None;
    let idx = {
        let items = ic_entry(cx, pc)?;
        // The store is allowed for this class (some way of the class IC).
        // (Spelled out: as a closure the check was not inlined.)
        let cls = &rec.class;
        if !store_allowed(&items[0..3], cls, epoch)
            && !IC_CLASS_WAYS
                .iter()
                .any(|w| store_allowed(&items[*w as usize..*w as usize + 3], cls, epoch))
        {
            return None;
        }
        let own = own_map(&rec)?;
        let idx = match (&items[IC_MAP as usize], &items[IC_FIELD as usize]) {
            (Value::Record(map), Value::Int(idx)) if Gc::ptr_eq(*map, own) => *idx as usize,
            // A new attribute, whose map (the cached one) is the child of
            // the instance's: `interp::set_inst_attr`'s `map_add` finds that
            // child, and the name's index there is the cached inline field.
            (Value::Record(map), Value::Int(idx))
                if matches!(shapes::map_parent(Value::Record(*map)),
                    Value::Record(p) if Gc::ptr_eq(p, own)) =>
            {
                grown = Some(*map);
                *idx as usize
            }
            // Another map with the name at the slot the site found last.
            _ => match items[3] {
                Value::Int(g)
                    if shapes::map_has_at(Value::Record(own), cx.k(k), g as usize)
                        && (g as usize) < shapes::map_inline(Value::Record(own)) =>
                {
                    I_COUNT + g as usize
                }
                _ => return None,
            },
        };
        if idx >= rec.len() {
            return None;
        }
        idx
    };
    heap::set_field(mc, ov, idx as u32, vv);
    if let Some(map) = grown {
        heap::set_field(mc, ov, I_MAP, Value::Record(map));
    }
    Some(())
}

/// Whether a way of the class IC (type, epoch, decision) says that a plain
/// store into instances of `class` is allowed at the current epoch.
#[inline(always)]
fn store_allowed<'gc>(way: &[Value<'gc>], class: &Value<'gc>, epoch: i64) -> bool {
    same_ref(&way[0], class)
        && matches!(way[1], Value::Int(e) if e == epoch)
        && matches!(way[2], Value::Bool(true))
}

/// Whether instances with `ov`'s map are known (IC at `pc`) to lack the
/// attribute looked up there, so a method call goes straight to the class.
#[inline(always)]
pub fn known_miss<'gc>(cx: &Cx<'_, 'gc>, ov: Value<'gc>, pc: u32) -> bool {
    let Value::Record(rec) = ov else {
        return false;
    };
    let Some(e) = ic_entry(cx, pc) else {
        return false;
    };
    match (&e[IC_MAP as usize], &e[IC_FIELD as usize]) {
        (Value::Record(map), Value::Bool(false)) => {
            own_map(&rec).is_some_and(|own| Gc::ptr_eq(own, *map))
        }
        _ => false,
    }
}

/// The list `l` and the in-range index `k` (negative counts from the end)
/// when `l` is a list and `k` an int inside it; `None` sends the generic
/// path (which raises the `IndexError`).
fn list_index<'gc>(l: Value<'gc>, k: Value<'gc>) -> Option<(Value<'gc>, i64)> {
    let (Value::List(_), Value::Int(i)) = (l, k) else {
        return None;
    };
    let n = heap::list_len(l);
    let i = if i < 0 { i + n } else { i };
    (0..n).contains(&i).then_some((l, i))
}

/// A call of a Python function with exactly its positional parameters and
/// no keywords: `f(x, y)` of a function, or `obj.m(x)` of a method found on
/// an instance's class through the instruction's class cache (as
/// `interp::call_method` decides it: no property anywhere, the instance
/// itself lacks the name). The callee's registers are laid out here at once,
/// as `interp::call_value` + `interp::enter` would lay them out, in a vector
/// of exactly the callee's register count (`interp::enter` takes such a
/// vector as the frame's registers). The plain interpreter alone calls it
/// (through [`Shortcuts`]). None: nothing was changed.
#[inline(always)]
pub(crate) fn call_plain<'gc>(
    cx: &Cx<'_, 'gc>,
    m: &mut Plain<'gc, '_>,
    fr: &mut Frame<'gc>,
    pc: u32,
    op: &Op,
    callee_data: &mut Option<&'gc CodeData>,
) -> Option<Flow<'gc, Value<'gc>>> {
    let (d, frec, recv, a, npos) = match *op {
        Op::Call(d, f, a, npos @ 1..=2, NONE) if is_builtin_function(fr.regs[f as usize]) => {
            // `len(x)`, `isinstance(x, C)`: `interp::fast_builtin`'s cases.
            let args = [fr.regs[a as usize], fr.regs[(a + npos - 1) as usize]];
            let v = crate::interp::fast_builtin(
                cx,
                m,
                pc,
                fr.regs[f as usize],
                &args[..npos as usize],
            )?;
            fr.regs[d as usize] = v;
            return Some(Flow::Jump(pc + 1));
        }
        Op::Call(d, f, a, npos, NONE) => match &fr.regs[f as usize] {
            // A class whose instances are made by `__init__` alone (the
            // cache of `interp::instantiate` at this instruction says so).
            cls @ Value::Record(r) if builtin_of(r.class) == Some(Ty::Type) => {
                let clsg = *r;
                match class_ic_get(cx, pc, cls, |v| match v {
                    Value::Record(init) => Some(Some(*init)),
                    Value::Int(IC_NEW_LIST) => Some(None),
                    _ => None,
                })? {
                    Some(init) => (d, init, Recv::New(clsg), a, npos),
                    // A list subclass without `__new__` or `__init__`
                    // called without arguments: an empty one.
                    None if npos == 0 => {
                        let rt = Rt::new(m.mc(), cx.rt);
                        let l = heap::new_list(m.mc());
                        let inst =
                            shapes::new_map_instance(&rt, Value::Record(clsg), l, Value::None);
                        fr.regs[d as usize] = inst;
                        return Some(Flow::Jump(pc + 1));
                    }
                    None => return None,
                }
            }
            Value::Record(g) => (d, *g, Recv::None, a, npos),
            _ => return None,
        },
        Op::CallMethod(d, o, k, a, npos, NONE) => match class_method(cx, &fr.regs, o, pc, k) {
            Some((f, recv)) => (d, f, recv, a, npos),
            None => {
                let ov = fr.regs[o as usize];
                list_method(cx, m.mc(), fr, pc, ov, d, k, a, npos)?;
                return Some(Flow::Jump(pc + 1));
            }
        },
        _ => return None,
    };
    let code = frec.class;
    if !matches!(code, Value::Code(_)) {
        return None;
    }
    if !matches!(frec.get(F_TYPE as usize), Value::Int(KIND_FUNC)) {
        return None;
    }
    let data = crate::interp::code_data(code)?;
    let n = npos as usize + !matches!(recv, Recv::None) as usize;
    // Positional parameters only, exactly as many as passed (the compiler
    // worked out the rest: `CodeData::plain_nargs`).
    if data.plain_nargs as usize != n {
        return None;
    }
    // The recursion limit, as `call_value` checks it (the generic code raises).
    let (Value::Int(depth), Value::Int(lim)) = (fr.regs[REG_DEPTH as usize], cx.snap.reclimit)
    else {
        return None;
    };
    if depth >= lim {
        return None;
    }
    let ret = match recv {
        Recv::New(cls) => {
            // The new instance, in map mode (as `interp::instantiate`
            // makes it); `__init__`'s result is discarded.
            let rt = Rt::new(m.mc(), cx.rt);
            let inst = shapes::new_map_instance(&rt, Value::Record(cls), Value::None, Value::None);
            fr.regs[d as usize] = inst;
            REG_DISCARD
        }
        _ => d,
    };
    // Laid out here rather than by `interp::regs_from_args` (the same
    // layout from the depth and the arguments), whose extra copy was 2.7%
    // of deltablue's `--no-jit` instructions: the specials, the receiver
    // and the arguments, cells and free variables start as None, locals
    // unbound (Absent); filled by two copies from constant arrays (a
    // `push` per register, or `resize`, cost ~100 instructions a call). A
    // power-of-two capacity: the global allocator (mimalloc's aligned
    // entry point) takes a much longer way for other sizes once a page's
    // free list is used up (it over-allocates from the next size class).
    let nregs = data.nregs as usize;
    let specials = SPECIALS as usize;
    // `plain_nargs` makes `specials + n <= nregs`.
    let start = ((data.free_start + data.nfree) as usize)
        .max(specials + n)
        .min(nregs);
    let mut regs: Vec<Value<'gc>> = m.new_regs(nregs.next_power_of_two());
    if nregs <= FILL {
        // One copy: `start` Nones then Absents, a window of the pattern.
        regs.extend_from_slice(&nones_absents()[FILL - start..FILL - start + nregs]);
    } else {
        regs.resize(start, Value::None);
        regs.resize(nregs, Value::Absent);
    }
    regs[REG_DEPTH as usize] = Value::Int(depth + 1);
    let mut at = specials;
    let from = match recv {
        Recv::None => None,
        Recv::Reg(o) => Some(o as usize),
        Recv::New(_) => Some(d as usize),
        Recv::Class(c) => {
            regs[at] = Value::Record(c);
            at += 1;
            None
        }
    };
    if let Some(r) = from {
        regs[at..at + 1].copy_from_slice(&fr.regs[r..r + 1]);
        at += 1;
    }
    let (a, npos) = (a as usize, npos as usize);
    regs[at..at + npos].copy_from_slice(&fr.regs[a..a + npos]);
    if data.nfree > 0 {
        let closure = frec.get(FN_CLOSURE as usize);
        for i in 0..data.nfree {
            regs[(data.free_start + i) as usize] = field(closure, TUP_ITEMS + i);
        }
    }
    fr.ret_reg = ret;
    fr.regs[REG_CALLPC as usize] = Value::Int(pc as i64);
    fr.pc = pc + 1;
    *callee_data = Some(data);
    Some(Flow::Act(Action::Call {
        callee: Value::Record(frec),
        args: regs,
    }))
}

/// The answer `interp::get_iter` caches (in the class IC of a `GetIter`)
/// for a class whose instances iterate their native list.
pub const IC_ITER_LIST: i64 = 2;

/// The answer `interp::plain_list_slot` caches (in the class IC of a
/// `GetItem`, or of the `Call` of `len`) for a list subclass that does not
/// override the dunder concerned.
pub const IC_LIST_SLOT: i64 = 3;

/// The answer `interp::instantiate` caches (in the class IC of a `Call`)
/// for a list subclass without a `__new__` or `__init__` of its own: called
/// without arguments it makes an instance holding a new empty list.
pub const IC_NEW_LIST: i64 = 1;

/// `l.append(x)`, `l.pop()` and `l.pop(i)` (`i` an int in range) on a list,
/// or on an instance of a list subclass that has no such attribute itself
/// nor on its class (the class IC at `pc` holds the class lookup's miss,
/// as `interp::call_method` left it), while no property exists: what
/// `interp::fast_list_method` does, the result into `d`. None: nothing was
/// changed (the generic code raises an empty list's IndexError).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn list_method<'gc>(
    cx: &Cx<'_, 'gc>,
    mc: &'gc Mutation<'gc>,
    fr: &mut Frame<'gc>,
    pc: u32,
    ov: Value<'gc>,
    d: R,
    k: K,
    a: R,
    npos: u32,
) -> Option<()> {
    let l = match ov {
        Value::List(_) => ov,
        Value::Record(rec) => {
            let ty = rec.class;
            if !matches!(ty, Value::Record(_))
                || heap::record_len(ty) != T_COUNT
                || !matches!(field_inline(ty, T_NATIVE), Value::Int(n) if n == Ty::List as i64)
                || cx.snap.props
                || !matches!(class_ic_hit(cx, pc, ty)?, Value::Absent)
            {
                return None;
            }
            if rec.len() <= I_MAP.max(I_SLOT1) as usize {
                return None;
            }
            let (own, slot) = (rec.get(I_MAP as usize), rec.get(I_SLOT1 as usize));
            if !matches!(own, Value::Record(_)) || shapes::map_slot(own, cx.k(k)).is_some() {
                return None;
            }
            let Value::List(_) = slot else {
                return None;
            };
            slot
        }
        _ => return None,
    };
    let name = cx.k(k);
    let name = name.as_str()?;
    let n = heap::list_len(l);
    let v = match (name, npos) {
        ("append", 1) => {
            heap::list_append(mc, l, fr.regs[a as usize]);
            Value::None
        }
        ("pop", 0) if n > 0 => heap::list_pop(mc, l),
        ("pop", 1) => {
            let Value::Int(i) = fr.regs[a as usize] else {
                return None;
            };
            let i = if i < 0 { i + n } else { i };
            if !(0..n).contains(&i) {
                return None;
            }
            crate::builtins::methods::list_pop_at(mc, l, i)
        }
        _ => return None,
    };
    fr.regs[d as usize] = v;
    Some(())
}

/// Registers a [`call_plain`] fills from the constant arrays below (larger
/// frames are filled value by value).
const FILL: usize = 64;

/// `FILL` Nones then `FILL` Absents (unbound locals), contiguous: any
/// layout of at most `FILL` registers is a window of it, copied with one
/// `memcpy` (a promoted constant).
#[inline(always)]
fn nones_absents<'gc>() -> &'gc [Value<'gc>] {
    const { &[[Value::None; FILL], [Value::Absent; FILL]] }.as_flattened()
}

/// The plain interpreter's shortcuts that hand back an action (a call):
/// the plain interpreter's handles are values, so they lay out the
/// callee's registers as values; the recorder has none (it always runs the
/// generic code).
pub trait Shortcuts<'gc>: Meta<'gc> {
    /// [`call_plain`], or None (the generic code runs).
    fn call_shortcut(
        &mut self,
        cx: &Cx<'_, 'gc>,
        fr: &mut Frame<'gc>,
        pc: u32,
        op: &Op,
    ) -> Option<Flow<'gc, Self::V>>;
}

impl<'gc> Shortcuts<'gc> for Plain<'gc, '_> {
    #[inline(always)]
    fn call_shortcut(
        &mut self,
        cx: &Cx<'_, 'gc>,
        fr: &mut Frame<'gc>,
        pc: u32,
        op: &Op,
    ) -> Option<Flow<'gc, Value<'gc>>> {
        call_plain(cx, self, fr, pc, op, &mut None)
    }
}

impl<'gc> Shortcuts<'gc> for Recording<'gc, '_> {
    #[inline(always)]
    fn call_shortcut(
        &mut self,
        _cx: &Cx<'_, 'gc>,
        _fr: &mut Frame<'gc>,
        _pc: u32,
        _op: &Op,
    ) -> Option<Flow<'gc, Self::V>> {
        None
    }
}

/// The receiver a [`call_plain`] call passes first.
#[derive(Clone, Copy)]
enum Recv<'gc> {
    None,
    /// The value in this register of the caller (a bound `self`, or the
    /// class a class method is called on).
    Reg(R),
    /// This class (a class method called on an instance).
    Class(Gc<'gc, Record<'gc>>),
    /// A new instance of this class (`__init__` is called).
    New(Gc<'gc, Record<'gc>>),
}

/// Whether `v` is a builtin function (not a bound builtin method).
#[inline(always)]
fn is_builtin_function(v: Value<'_>) -> bool {
    matches!(v, Value::Record(r) if builtin_of(r.class) == Some(Ty::BuiltinFunction))
}

/// What `obj.name(...)` calls (the function and the receiver it gets
/// first), as `interp::call_method` decides it, when the lookup is in the
/// class cache of instruction `pc` while no property exists: for an
/// instance (register `o`) that does not have the name itself (the site's
/// cached map says so, or its map has no such name), its class's function
/// (bound to the instance), static method or class method (bound to the
/// class); for a class, its function, static method or class method.
/// Functions and classes come back as record pointers and the instance as
/// its register: a `Value` moved through tuples and options is rebuilt on
/// the stack byte-wise, and reading it back stalls.
#[inline(always)]
fn class_method<'gc>(
    cx: &Cx<'_, 'gc>,
    regs: &[Value<'gc>],
    o: R,
    pc: u32,
    k: K,
) -> Option<(Gc<'gc, Record<'gc>>, Recv<'gc>)> {
    let ov = &regs[o as usize];
    let Value::Record(rec) = ov else {
        return None;
    };
    let Value::Record(tyg) = rec.class else {
        return None;
    };
    if cx.snap.props {
        return None;
    }
    let kind = builtin_of(rec.class)?;
    if kind == Ty::Type {
        return class_ic_get(cx, pc, ov, |v| match method_of(v)? {
            Meth::Func(f) | Meth::Static(f) => Some((f, Recv::None)),
            Meth::Class(f) => Some((f, Recv::Reg(o))),
        });
    }
    if !is_instance_kind(kind) {
        return None;
    }
    let Value::Int(epoch) = cx.snap.epoch else {
        return None;
    };
    // One borrow of the entry for the site's map check and the class IC.
    {
        let items = ic_entry(cx, pc)?;
        let own = own_map(&rec)?;
        let cached_miss = matches!(items[IC_FIELD as usize], Value::Bool(false))
            && matches!(&items[IC_MAP as usize], Value::Record(a) if Gc::ptr_eq(*a, own));
        // The map's keys, unless the site's cache or the map's Bloom filter
        // already answer (`map_slot` asks the filter first).
        let own = Value::Record(own);
        if !cached_miss
            && !(shapes::map_surely_lacks(own, cx.k(k)) || shapes::map_slot(own, cx.k(k)).is_none())
        {
            return None;
        }
        match method_of(class_way(&items, &rec.class, epoch)?)? {
            Meth::Func(f) => Some((f, Recv::Reg(o))),
            Meth::Static(f) => Some((f, Recv::None)),
            Meth::Class(f) => Some((f, Recv::Class(tyg))),
        }
    }
}

/// A class attribute as [`class_method`] calls it.
enum Meth<'gc> {
    /// A Python function.
    Func(Gc<'gc, Record<'gc>>),
    /// The function inside a static method (no receiver).
    Static(Gc<'gc, Record<'gc>>),
    /// The function inside a class method (the class is the receiver).
    Class(Gc<'gc, Record<'gc>>),
}

/// `v` as [`Meth`]; None for anything else.
#[inline(always)]
fn method_of<'gc>(v: &Value<'gc>) -> Option<Meth<'gc>> {
    let Value::Record(r) = v else {
        return None;
    };
    if is_py_function_inline(*v) {
        return Some(Meth::Func(*r));
    }
    let wrapped = |v: Value<'gc>| match field(v, 1) {
        Value::Record(f) => Some(f),
        _ => None,
    };
    match builtin_of(type_field(*v))? {
        Ty::StaticMethod => Some(Meth::Static(wrapped(*v)?)),
        Ty::ClassMethod => Some(Meth::Class(wrapped(*v)?)),
        _ => None,
    }
}

/// `a.same(b)` for the values caches compare (records, ints), by reference.
#[inline(always)]
fn same_ref<'gc>(a: &Value<'gc>, b: &Value<'gc>) -> bool {
    match (a, b) {
        (Value::Record(x), Value::Record(y)) => Gc::ptr_eq(*x, *y),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Record(_) | Value::Int(_), _) => false,
        _ => a.same(b),
    }
}

/// `f` of the class cache entry (see `interp::class_ic`) of type `ty` at
/// instruction `pc` for the current class epoch, if there is one.
#[inline(always)]
fn class_ic_get<'gc, T>(
    cx: &Cx<'_, 'gc>,
    pc: u32,
    ty: &Value<'gc>,
    f: impl FnOnce(&Value<'gc>) -> Option<T>,
) -> Option<T> {
    let Value::Int(epoch) = cx.snap.epoch else {
        return None;
    };
    let items = ic_entry(cx, pc)?;
    f(class_way(&items, ty, epoch)?)
}

/// The result of the way of a class IC entry (see `interp::class_ic`)
/// that holds type `ty` at `epoch`, if one does.
#[inline(always)]
fn class_way<'a, 'gc>(
    items: &'a IcEntry<'gc>,
    ty: &Value<'gc>,
    epoch: i64,
) -> Option<&'a Value<'gc>> {
    // Way 0 first, spelled out: most sites see one class.
    if way_hit(&items[0..2], ty, epoch) {
        return Some(&items[2]);
    }
    for w in IC_CLASS_WAYS {
        let w = w as usize;
        if way_hit(&items[w..w + 2], ty, epoch) {
            return Some(&items[w + 2]);
        }
    }
    None
}

/// Whether a way of the class IC (type, epoch) is for `ty` at `epoch`.
#[inline(always)]
fn way_hit<'gc>(way: &[Value<'gc>], ty: &Value<'gc>, epoch: i64) -> bool {
    same_ref(&way[0], ty) && matches!(way[1], Value::Int(e) if e == epoch)
}

/// The class cache entry (see `interp::class_ic`) of type `ty` at
/// instruction `pc` for the current class epoch, if there is one.
#[inline(always)]
fn class_ic_hit<'gc>(cx: &Cx<'_, 'gc>, pc: u32, ty: Value<'gc>) -> Option<Value<'gc>> {
    class_ic_get(cx, pc, &ty, |v| Some(*v))
}

/// `x == y` / `x != y` by identity when both are instances of classes
/// without `__eq__`/`__ne__` (or `y` is None), as `interp::identity_eq`
/// decides it and caches per class at `pc`.
#[inline(always)]
fn plain_identity<'gc>(
    cx: &Cx<'_, 'gc>,
    pc: u32,
    op: CmpOp,
    x: Value<'gc>,
    y: Value<'gc>,
) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return None;
    }
    let plain = |v: Value<'gc>| match v {
        Value::Record(r) if matches!(r.class, Value::Record(_)) => {
            matches!(class_ic_hit(cx, pc, r.class), Some(Value::Bool(true)))
        }
        _ => false,
    };
    if !plain(x) || !(matches!(y, Value::None) || plain(y)) {
        return None;
    }
    Some(x.same(&y) == (op == CmpOp::Eq))
}

/// `Cls.name` (not a dunder) through the class cache at `pc` (as
/// `interp::get_attr` reads a class attribute), unless it is a static or
/// class method (which the generic code unwraps or binds).
#[inline(always)]
fn class_attr<'gc>(
    cx: &Cx<'_, 'gc>,
    rec: Gc<'gc, Record<'gc>>,
    pc: u32,
    k: K,
    regs: &mut [Value<'gc>],
    d: R,
) -> Option<()> {
    let ov = Value::Record(rec);
    if builtin_of(rec.class) != Some(Ty::Type) || cx.data.dunder.get(k as usize) != Some(&false) {
        return None;
    }
    // Checked and copied in place (a `Value` taken out of the cache by
    // value is rebuilt on the stack byte-wise).
    class_ic_get(cx, pc, &ov, |v| {
        match v {
            Value::Absent => return None,
            Value::Record(_) => match type_field(*v) {
                Value::Int(_) => {}
                t => {
                    if matches!(builtin_of(t), Some(Ty::StaticMethod | Ty::ClassMethod)) {
                        return None;
                    }
                }
            },
            _ => {}
        }
        copy_value(regs, d, std::slice::from_ref(v));
        Some(())
    })
}
