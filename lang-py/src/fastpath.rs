//! The plain interpreter's shortcuts: the commonest instructions on the
//! commonest operands (int and float arithmetic and comparisons, a compare
//! followed by its conditional jump, `for` over a range or list, a cached
//! instance attribute), done on the frame's registers without the `Meta`
//! layer. Only the plain interpreter takes them (`interp::exec` asks first);
//! the recorder always runs the generic code, and every shortcut computes
//! exactly what the generic code would, or declines (`None`) before
//! changing anything.

use gc_arena::Gc;
use vm_core::exec::{Action, Frame};
use vm_core::{heap, Meta, Mutation, Value};

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
        Op::GetAttr(d, o, k) => {
            let ov = fr.regs[o as usize];
            if cached_attr(cx, ov, pc, k, &mut fr.regs, d).is_none() {
                class_attr(cx, ov, pc, k, &mut fr.regs, d)?;
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
            BinOp::Div if b != 0 => return Some(Value::Float(a as f64 / b as f64)),
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
    let (Value::List(l), i) = ic_base(cx, pc)? else {
        return None;
    };
    let items = l.borrow();
    match (items[i], field(cx.rt, RT_GEPOCH)) {
        (Value::Bool(true), gep @ Value::Int(_)) if same(items[i + 1], gep) => {
            copy_value(regs, d, &items[i + 2..i + 3]);
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

/// The inline cache list of `cx`'s code and the index of `pc`'s entries.
#[inline(always)]
fn ic_base<'gc>(cx: &Cx<'_, 'gc>, pc: u32) -> Option<(Value<'gc>, usize)> {
    match cx.k(K_IC) {
        ic @ Value::List(_) => Some((ic, (IC_WIDTH * pc as i64) as usize)),
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
    ov: Value<'gc>,
    pc: u32,
    k: K,
    regs: &mut [Value<'gc>],
    d: R,
) -> Option<()> {
    let Value::Record(rec) = ov else {
        return None;
    };
    let (Value::List(l), i) = ic_base(cx, pc)? else {
        return None;
    };
    let (guess, map, idx) = {
        let items = l.borrow();
        (
            items[i + 3],
            items[i + IC_MAP as usize],
            items[i + IC_FIELD as usize],
        )
    };
    if matches!(field(cx.rt, RT_PROPS), Value::Bool(true)) {
        return None;
    }
    if let (Value::Record(_), Value::Int(idx)) = (map, idx) {
        // Only instances in map mode hold a map at `I_MAP` (maps are internal).
        let idx = idx as usize;
        let n = rec.len();
        if n > I_MAP as usize && same(rec.get(I_MAP as usize), map) && idx < n {
            regs[d as usize] = rec.get(idx);
            return Some(());
        }
    }
    let Value::Int(g) = guess else {
        return None;
    };
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
    if let Some((ic, i)) = ic_base(cx, pc) {
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
    let (Value::List(l), i) = ic_base(cx, pc)? else {
        return None;
    };
    let epoch = field(cx.rt, RT_EPOCH);
    let Value::Int(_) = epoch else {
        return None;
    };
    let idx = {
        let items = l.borrow();
        // The store is allowed for this class (either way of the class IC).

        let allowed = |w: usize| {
            same(items[w], rec.class)
                && same(items[w + 1], epoch)
                && matches!(items[w + 2], Value::Bool(true))
        };
        if !allowed(i) && !IC_CLASS_WAYS.iter().any(|w| allowed(i + *w as usize)) {
            return None;
        }
        if rec.len() <= I_MAP as usize {
            return None;
        }
        let own = rec.get(I_MAP as usize);
        let idx = match (
            items[i + IC_MAP as usize],
            items[i + IC_FIELD as usize],
            items[i + 3],
        ) {
            (map @ Value::Record(_), Value::Int(idx), _) if same(own, map) => idx as usize,
            // Another map with the name at the slot the site found last.
            (_, _, Value::Int(g))
                if matches!(own, Value::Record(_))
                    && shapes::map_has_at(own, cx.k(k), g as usize)
                    && (g as usize) < shapes::map_inline(own) =>
            {
                I_COUNT + g as usize
            }
            _ => return None,
        };
        if idx >= rec.len() {
            return None;
        }
        idx
    };
    heap::set_field(mc, ov, idx as u32, vv);
    Some(())
}

/// Whether instances with `ov`'s map are known (IC at `pc`) to lack the
/// attribute looked up there, so a method call goes straight to the class.
#[inline(always)]
pub fn known_miss<'gc>(cx: &Cx<'_, 'gc>, ov: Value<'gc>, pc: u32) -> bool {
    let (Value::Record(rec), Some((Value::List(l), i))) = (ov, ic_base(cx, pc)) else {
        return false;
    };
    let items = l.borrow();
    let (map, idx) = (items[i + IC_MAP as usize], items[i + IC_FIELD as usize]);
    if !matches!((map, idx), (Value::Record(_), Value::Bool(false))) {
        return false;
    }
    rec.len() > I_MAP as usize && same(rec.get(I_MAP as usize), map)
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
/// vector as the frame's registers). Generic over `M` only so that it can
/// hand back the executor's `Action`; the plain interpreter alone calls it
/// (its handles are the values). None: nothing was changed.
#[inline(always)]
pub fn call_plain<'gc, M: Meta<'gc>>(
    cx: &Cx<'_, 'gc>,
    m: &mut M,
    fr: &mut Frame<'gc>,
    pc: u32,
    op: &Op,
) -> Option<Flow<'gc, M::V>> {
    let (d, func, recv, a, npos) = match *op {
        Op::Call(d, f, a, npos @ 1..=2, NONE) if is_builtin_function(fr.regs[f as usize]) => {
            // `len(x)`, `isinstance(x, C)`: `interp::fast_builtin`'s cases.
            let args = [
                m.konst(fr.regs[a as usize]),
                m.konst(fr.regs[(a + npos - 1) as usize]),
            ];
            let v =
                crate::interp::fast_builtin(cx, m, fr.regs[f as usize], &args[..npos as usize])?;
            fr.regs[d as usize] = m.get(v);
            return Some(Flow::Jump(pc + 1));
        }
        Op::Call(d, f, a, npos, NONE) => match fr.regs[f as usize] {
            // A class whose instances are made by `__init__` alone (the
            // cache of `interp::instantiate` at this instruction says so).
            cls @ Value::Record(r) if builtin_of(r.class) == Some(Ty::Type) => {
                let init @ Value::Record(_) = class_ic_hit(cx, pc, cls)? else {
                    return None;
                };
                (d, init, Recv::New(cls), a, npos)
            }
            f => (d, f, Recv::None, a, npos),
        },
        Op::CallMethod(d, o, k, a, npos, NONE) => {
            let (f, recv) = class_method(cx, fr.regs[o as usize], pc, k)?;
            (d, f, recv.map_or(Recv::None, Recv::Bound), a, npos)
        }
        _ => return None,
    };
    let Value::Record(frec) = func else {
        return None;
    };
    let code = frec.class;
    if !matches!(code, Value::Code(_)) {
        return None;
    }
    let (kind, closure) = (frec.get(F_TYPE as usize), frec.get(FN_CLOSURE as usize));
    if !same(kind, Value::Int(KIND_FUNC)) {
        return None;
    }
    let data = crate::interp::code_data(code)?;
    let p = &data.params;
    let n = npos as usize + !matches!(recv, Recv::None) as usize;
    let nregs = data.nregs as usize;
    let specials = SPECIALS as usize;
    if p.vararg
        || p.kwarg
        || p.nkwonly != 0
        || p.nargs as usize != n
        || data.is_generator
        || data.is_module
        || data.is_class
        || nregs < specials + n
    {
        return None;
    }
    // The recursion limit, as `call_value` checks it (the generic code raises).
    let (Value::Int(depth), Value::Int(lim)) =
        (fr.regs[REG_DEPTH as usize], field(cx.rt, RT_RECLIMIT))
    else {
        return None;
    };
    if depth + 1 > lim {
        return None;
    }
    let (recv, ret) = match recv {
        Recv::None => (None, d),
        Recv::Bound(ov) => (Some(ov), d),
        Recv::New(cls) => {
            // The new instance, in map mode (as `interp::instantiate`
            // makes it); `__init__`'s result is discarded.
            let rt = Rt::new(m.mc(), cx.rt);
            let inst = shapes::new_map_instance(&rt, cls, Value::None, Value::None);
            fr.regs[d as usize] = inst;
            (Some(inst), REG_DISCARD)
        }
    };
    // A power-of-two size: the global allocator (mimalloc's aligned entry
    // point) takes a much longer way for other sizes once a page's free
    // list is used up (it over-allocates from the next size class).
    // Laid out here rather than by `interp::regs_from_args` (the same
    // layout from the depth and the arguments), whose extra copy was 2.7%
    // of deltablue's `--no-jit` instructions.
    let none = m.konst(Value::None);
    let mut regs: Vec<M::V> = Vec::with_capacity(nregs.next_power_of_two());
    for _ in 0..specials {
        regs.push(none);
    }
    regs[REG_DEPTH as usize] = m.konst(Value::Int(depth + 1));
    if let Some(ov) = recv {
        regs.push(m.konst(ov));
    }
    for i in 0..npos {
        regs.push(m.konst(fr.regs[(a + i) as usize]));
    }
    // Cells and free variables start as None, locals unbound (`regs_from_args`).
    let start = ((data.free_start + data.nfree) as usize).clamp(specials + n, nregs);
    for _ in specials + n..start {
        regs.push(none);
    }
    let absent = m.konst(Value::Absent);
    for _ in start..nregs {
        regs.push(absent);
    }
    for i in 0..data.nfree {
        regs[(data.free_start + i) as usize] = m.konst(field(closure, TUP_ITEMS + i));
    }
    fr.ret_reg = ret;
    fr.regs[REG_CALLPC as usize] = Value::Int(pc as i64);
    fr.pc = pc + 1;
    Some(Flow::Act(Action::Call {
        callee: func,
        args: regs,
    }))
}

/// The receiver a [`call_plain`] call passes first.
enum Recv<'gc> {
    None,
    /// A bound `self` (or class, for a class method).
    Bound(Value<'gc>),
    /// A new instance of this class (`__init__` is called).
    New(Value<'gc>),
}

/// Whether `v` is a builtin function (not a bound builtin method).
#[inline(always)]
fn is_builtin_function(v: Value<'_>) -> bool {
    matches!(v, Value::Record(r) if builtin_of(r.class) == Some(Ty::BuiltinFunction))
}

/// What `obj.name(...)` calls (the function and the receiver it gets
/// first, if any), as `interp::call_method` decides it, when the lookup is
/// in the class cache of instruction `pc` while no property exists: for an
/// instance (`ov`) that does not have the name itself (the site's cached
/// map says so, or its map has no such name), its class's
/// function (bound to `ov`), static method or class method (bound to the
/// class); for a class, its function, static method or class method.
#[inline(always)]
fn class_method<'gc>(
    cx: &Cx<'_, 'gc>,
    ov: Value<'gc>,
    pc: u32,
    k: K,
) -> Option<(Value<'gc>, Option<Value<'gc>>)> {
    let Value::Record(rec) = ov else {
        return None;
    };
    let ty = rec.class;
    if !matches!(ty, Value::Record(_)) || matches!(field(cx.rt, RT_PROPS), Value::Bool(true)) {
        return None;
    }
    let kind = builtin_of(ty)?;
    if kind == Ty::Type {
        let v = class_ic_hit(cx, pc, ov)?;
        return match unwrap_method(v)? {
            (f, true) => Some((f, Some(ov))),
            (f, false) => Some((f, None)),
        };
    }
    if !is_instance_kind(kind) {
        return None;
    }
    {
        let (Value::List(l), i) = ic_base(cx, pc)? else {
            return None;
        };
        let items = l.borrow();
        if rec.len() <= I_MAP as usize {
            return None;
        }
        let own = rec.get(I_MAP as usize);
        let cached_miss = matches!(items[i + IC_FIELD as usize], Value::Bool(false))
            && same(items[i + IC_MAP as usize], own);
        // The map's keys, unless the site's cache or the map's Bloom filter
        // already answer (`map_slot` asks the filter first).
        if !cached_miss
            && !(matches!(own, Value::Record(_)) && shapes::map_slot(own, cx.k(k)).is_none())
        {
            return None;
        }
    }
    let v = class_ic_hit(cx, pc, ty)?;
    if is_py_function(v) {
        return Some((v, Some(ov)));
    }
    match unwrap_method(v)? {
        (f, true) => Some((f, Some(ty))),
        (f, false) => Some((f, None)),
    }
}

/// The function inside a static method (false: no receiver) or class
/// method (true: the class is the receiver); a plain function as itself
/// (false). None for anything else.
#[inline(always)]
fn unwrap_method(v: Value<'_>) -> Option<(Value<'_>, bool)> {
    if is_py_function(v) {
        return Some((v, false));
    }
    let Value::Record(_) = v else {
        return None;
    };
    match builtin_of(type_field(v))? {
        Ty::StaticMethod => Some((field(v, 1), false)),
        Ty::ClassMethod => Some((field(v, 1), true)),
        _ => None,
    }
}

/// The class cache entry (see `interp::class_ic`) of type `ty` at
/// instruction `pc` for the current class epoch, if there is one.
#[inline(always)]
fn class_ic_hit<'gc>(cx: &Cx<'_, 'gc>, pc: u32, ty: Value<'gc>) -> Option<Value<'gc>> {
    let epoch = field(cx.rt, RT_EPOCH);
    if !matches!(epoch, Value::Int(_)) {
        return None;
    }
    let (Value::List(l), i) = ic_base(cx, pc)? else {
        return None;
    };
    let items = l.borrow();
    for w in std::iter::once(0).chain(IC_CLASS_WAYS) {
        let e = &items[i + w as usize..i + w as usize + 3];
        if same(e[0], ty) && same(e[1], epoch) {
            return Some(e[2]);
        }
    }
    None
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
    ov: Value<'gc>,
    pc: u32,
    k: K,
    regs: &mut [Value<'gc>],
    d: R,
) -> Option<()> {
    let Value::Record(rec) = ov else {
        return None;
    };
    if builtin_of(rec.class) != Some(Ty::Type) || cx.k(k).as_str()?.starts_with("__") {
        return None;
    }
    let v = class_ic_hit(cx, pc, ov)?;
    match v {
        Value::Absent => return None,
        Value::Record(_) => match type_field(v) {
            Value::Int(_) => {}
            t => {
                if matches!(builtin_of(t), Some(Ty::StaticMethod | Ty::ClassMethod)) {
                    return None;
                }
            }
        },
        _ => {}
    }
    regs[d as usize] = v;
    Some(())
}
