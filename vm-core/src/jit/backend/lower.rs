//! Trace IR to Cranelift IR.
//!
//! The trace is linear, so lowering is one walk over its ops, keeping for
//! each SSA value a [`Val`]: a payload whose tag is known at compile time, or
//! a (tag, payload) pair known only at run time. A passed guard refines the
//! operand it tested for every later op (they are all dominated by it):
//! `guard_tag` makes the tag known, `guard_value` and `guard_true`/`false`
//! replace the operand by the constant. The loop block's parameters are
//! payload-only when [`param_tags`] proves the tag on both edges.
//!
//! Invariant: every payload that compares or flows into a loop param is
//! normalised as [`Value::payload_bits`] (0 for None and Absent, 0 or 1 for
//! Bool), so `same` and `guard_value` are two word compares. Trampolines
//! write normalised results and known-tag payloads are made normalised;
//! inputs, whose unused payload bytes may be garbage, carry the raw word
//! ([`Val::Dyn`]) and are normalised where a compare or a loop param needs
//! it, so an input that is only passed on or whose tag a guard fixes first
//! costs no normalising code.
//!
//! [`Value::payload_bits`]: crate::value::Value::payload_bits

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, types, AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

use super::runtime::{
    save_nested, Tramp, CTX_FUEL_OFFSET, CTX_STACK_LIMIT_OFFSET, CTX_TRACE_OFFSET, STATUS_BUG,
    STATUS_FINISH, STATUS_OK,
};
use super::{ExitInfo, ExitLink, InputSource, Linkage};
use crate::cell::{CELL_MARK_OFFSET, CELL_VALUE_OFFSET};
use crate::heap;
use crate::jit::helpers::{Helper, CALL_TRACE};
use crate::jit::ir::{
    tuple_order, Cmp, FloatOp, IntOp, Op, OvfOp, PendingWrite, Ref, SnapId, SnapValue, TraceIr,
    Virtual,
};
use crate::jit::ir_print::op_text;
use crate::meta::{
    CELL_GET, CELL_MARK, CELL_SET, NEW_TUPLE, RECORD_CLASS, RECORD_LEN, TUPLE_GET, TUPLE_HEAD,
    TUPLE_LEN,
};
use crate::tuple;
use crate::value::{Tag, Value, PAYLOAD_OFFSET, TAG_OFFSET, VALUE_SIZE};
use crate::words::{WORDS_BASE_OFFSET, WORDS_CAP_OFFSET, WORDS_LEN_OFFSET};

/// A word store's header words as loaded (or computed) by trace code.
#[derive(Copy, Clone, Debug)]
struct WordsHdr {
    store: Ref,
    len: ir::Value,
    base: ir::Value,
    /// The capacity, once a push has needed it.
    cap: Option<ir::Value>,
}

/// What [`lower`] reports besides the function it built.
pub(super) struct Lowered {
    /// One per guard or exit op, in trace order.
    pub exits: Vec<ExitInfo>,
    /// One more than the highest input slot read.
    pub n_inputs: usize,
    /// The loop header, if the trace has a label.
    pub loop_block: Option<Block>,
}

/// An SSA value of the trace in Cranelift terms.
#[derive(Copy, Clone, Debug)]
enum Val {
    /// The tag is known; the payload's type is [`payload_type`] of it.
    Known(Tag, ir::Value),
    /// Tag (`i8`) and payload (`i64`) known only at run time. `norm` is the
    /// payload normalised as [`Value::payload_bits`] (compares use it), or
    /// `None` when it is made from `raw` where a compare needs it; `raw`
    /// is the word as loaded, equal but for the unused bits of Bool, None
    /// and Absent payloads. Stores and refinement by a guard take `raw`, so
    /// a value that is only passed on or guarded costs no normalising code:
    /// most inputs of a trace are registers it hands to its exits, and
    /// normalising each on entry was 13 Cranelift instructions per input
    /// for Cranelift to build, optimise and delete.
    Dyn {
        tag: ir::Value,
        norm: Option<ir::Value>,
        raw: ir::Value,
    },
}

/// The Cranelift type of a known-tag payload.
fn payload_type(tag: Tag) -> ir::Type {
    match tag {
        Tag::Bool => types::I8,
        Tag::Float => types::F64,
        _ => types::I64,
    }
}

/// Whether [`Lower::store_value_wide`] may make one 16-byte store: on
/// x86-64 its lane insert needs SSE4.1 (which `cranelift_native`, detecting
/// the same host, then enables); aarch64 always has it.
pub(super) fn wide_stores() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("sse4.1")
    }
    #[cfg(target_arch = "aarch64")]
    {
        true
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        false
    }
}

/// Loads and stores of value buffers, the context and the call slot: all
/// aligned and in bounds (see `runtime` for why).
fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

fn int_cc(c: Cmp) -> IntCC {
    match c {
        Cmp::Lt => IntCC::SignedLessThan,
        Cmp::Le => IntCC::SignedLessThanOrEqual,
        Cmp::Gt => IntCC::SignedGreaterThan,
        Cmp::Ge => IntCC::SignedGreaterThanOrEqual,
        Cmp::Eq => IntCC::Equal,
        Cmp::Ne => IntCC::NotEqual,
    }
}

/// Ordered compares (false on NaN) except `ne`, which is unordered-or-not-equal.
fn float_cc(c: Cmp) -> FloatCC {
    match c {
        Cmp::Lt => FloatCC::LessThan,
        Cmp::Le => FloatCC::LessThanOrEqual,
        Cmp::Gt => FloatCC::GreaterThan,
        Cmp::Ge => FloatCC::GreaterThanOrEqual,
        Cmp::Eq => FloatCC::Equal,
        Cmp::Ne => FloatCC::NotEqual,
    }
}

/// The tag a passed guard gives its operand, when the operand's tag was not
/// known before. Shared by [`param_tags`] and the lowering, which must agree.
fn refinement(t: &TraceIr<'_>, op: &Op, tag_of: impl Fn(Ref) -> Option<Tag>) -> Option<(Ref, Tag)> {
    let (a, tag) = match *op {
        Op::GuardTag(a, tag) => (a, tag),
        Op::GuardValue(a, c) if c.is_const() => (a, t.consts.get(c.index())?.tag()),
        Op::GuardTrue(a) | Op::GuardFalse(a) => (a, Tag::Bool),
        _ => return None,
    };
    (!a.is_const() && tag_of(a).is_none()).then_some((a, tag))
}

/// The tag of each loop param that is known on entry and on every jump, so
/// that the param can be a bare payload. Starts from the label arguments'
/// tags and drops those the jump does not preserve, until nothing changes.
fn param_tags(t: &TraceIr<'_>, label: usize) -> Vec<Option<Tag>> {
    let Op::Label(entry_args) = &t.ops[label].op else {
        return Vec::new();
    };
    // Tags of op results (refined by guards) at the current point of a walk.
    fn walk(
        t: &TraceIr<'_>,
        tags: &mut [Option<Tag>],
        range: std::ops::Range<usize>,
        params: &[Option<Tag>],
    ) -> Option<Vec<Option<Tag>>> {
        let tag_of = |tags: &[Option<Tag>], r: Ref| -> Option<Tag> {
            if r.is_const() {
                t.consts.get(r.index()).map(|v| v.tag())
            } else {
                tags.get(r.index()).copied().flatten()
            }
        };
        for i in range {
            let op = &t.ops[i].op;
            if let Op::Jump(args) = op {
                return Some(args.iter().map(|a| tag_of(tags, *a)).collect());
            }
            if op.has_result() {
                tags[i] = match op {
                    Op::Param(k) => params.get(*k as usize).copied().flatten(),
                    _ => op.result_tag(),
                };
            }
            if let Some((a, tag)) = refinement(t, op, |r| tag_of(tags, r)) {
                tags[a.index()] = Some(tag);
            }
        }
        None
    }
    let mut at_label = vec![None; t.ops.len()];
    walk(t, &mut at_label, 0..label, &[]);
    let mut spec: Vec<Option<Tag>> = entry_args
        .iter()
        .map(|a| {
            if a.is_const() {
                t.consts.get(a.index()).map(|v| v.tag())
            } else {
                at_label.get(a.index()).copied().flatten()
            }
        })
        .collect();
    loop {
        let mut tags = at_label.clone();
        let Some(jump) = walk(t, &mut tags, label + 1..t.ops.len(), &spec) else {
            return spec;
        };
        let mut changed = false;
        for (k, s) in spec.iter_mut().enumerate() {
            if s.is_some() && *s != jump.get(k).copied().flatten() {
                *s = None;
                changed = true;
            }
        }
        if !changed {
            return spec;
        }
    }
}

/// The exits of a trace: one per guard op, with the live values of its snapshot.
fn is_call_trace(op: &Op) -> bool {
    matches!(op, Op::Call(h, _) if std::ptr::eq(*h, &CALL_TRACE))
}

/// The buffer slot each input op was loaded from (`None` for a constant
/// source), or nothing when the trace may overwrite the buffer before an
/// exit (a `call_trace` passes its arguments there).
fn input_homes(t: &TraceIr<'_>, link: &Linkage<'_>) -> Option<Vec<Option<usize>>> {
    if t.ops.iter().any(|i| is_call_trace(&i.op)) {
        return None;
    }
    let homes = t
        .ops
        .iter()
        .map(|inst| match inst.op {
            Op::Input(k) => match &link.inputs {
                None => Some(k as usize),
                Some(sources) => match sources.get(k as usize) {
                    Some(InputSource::Buf(j)) => Some(*j as usize),
                    _ => None,
                },
            },
            _ => None,
        })
        .collect();
    Some(homes)
}

/// The placeholder in [`ExitInfo::live`] for a buffer slot the exit leaves
/// alone (a constant ref, which no snapshot lookup searches for).
pub(super) fn hole() -> Ref {
    Ref::konst((1 << 31) - 1)
}

/// The exits of `t`, with the buffer slot each live value goes to.
///
/// Slots are assigned for the whole trace, not per exit: a value has the
/// same slot at every exit that keeps it, so an exit whose values include
/// an earlier exit's can store only the difference and jump to that
/// exit's stores ([`Lower::shared_exit`]). An input stays at the slot it
/// was loaded from (`homes`), where no exit need store it; other values
/// share slots when no exit keeps both (a linear scan over exit order).
fn exits(t: &TraceIr<'_>, homes: Option<&[Option<usize>]>) -> Result<Vec<ExitInfo>, String> {
    let mut lives: Vec<(SnapId, Vec<Ref>)> = Vec::new();
    for (i, inst) in t.ops.iter().enumerate() {
        if !inst.op.is_guard() {
            continue;
        }
        let snap = inst
            .snap
            .ok_or_else(|| format!("op {i} `{}`: guard without snapshot", op_text(t, &inst.op)))?;
        let s = t
            .snapshots
            .get(snap as usize)
            .ok_or_else(|| format!("op {i}: no snapshot @{snap}"))?;
        let mut live: Vec<Ref> = Vec::new();
        s.for_each_ref(|r| {
            if !r.is_const() && !live.contains(&r) {
                live.push(r)
            }
        });
        lives.push((snap, live));
    }
    // The last exit that keeps each value.
    let mut last: std::collections::HashMap<Ref, usize> = Default::default();
    for (k, (_, live)) in lives.iter().enumerate() {
        for r in live {
            last.insert(*r, k);
        }
    }
    // Inputs keep their home slot (the first input of a slot gets it).
    let mut slot_of: std::collections::HashMap<Ref, usize> = Default::default();
    let mut reserved: std::collections::HashSet<usize> = Default::default();
    if let Some(homes) = homes {
        for (i, h) in homes.iter().enumerate() {
            let r = Ref::op(i);
            if let Some(m) = h {
                if last.contains_key(&r) && reserved.insert(*m) {
                    slot_of.insert(r, *m);
                }
            }
        }
    }
    let mut free: std::collections::BTreeSet<usize> = Default::default();
    let mut next = 0usize;
    let mut ending: Vec<Vec<usize>> = vec![Vec::new(); lives.len()];
    // A home slot is free for other values after its input's last exit.
    for (r, m) in &slot_of {
        ending[last[r]].push(*m);
    }
    let mut out = Vec::with_capacity(lives.len());
    for (k, (snap, live)) in lives.into_iter().enumerate() {
        for r in &live {
            if slot_of.contains_key(r) {
                continue;
            }
            let slot = match free.pop_first() {
                Some(s) => s,
                None => loop {
                    let s = next;
                    next += 1;
                    if !reserved.remove(&s) {
                        break s;
                    }
                },
            };
            slot_of.insert(*r, slot);
            ending[last[r]].push(slot);
        }
        let len = live.iter().map(|r| slot_of[r] + 1).max().unwrap_or(0);
        let mut table = vec![hole(); len];
        for r in &live {
            table[slot_of[r]] = *r;
        }
        out.push(ExitInfo { snap, live: table });
        // Slots of values no later exit keeps are free from the next exit on.
        free.extend(std::mem::take(&mut ending[k]));
    }
    Ok(out)
}

/// Builds `func` (whose signature is already `(ctx, buf) -> i32`) from the trace.
pub(super) fn lower<'gc>(
    t: &TraceIr<'gc>,
    link: &Linkage<'gc>,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
    ptr: ir::Type,
    call_conv: CallConv,
    config: TargetFrontendConfig,
) -> Result<Lowered, String> {
    let homes = input_homes(t, link);
    let exits = exits(t, homes.as_deref())?;
    let mut slots = vec![u32::MAX; t.ops.len()];
    for e in &exits {
        for (j, r) in e.live.iter().enumerate() {
            if !r.is_const() {
                slots[r.index()] = j as u32;
            }
        }
    }
    let func_sig = func.signature.clone();
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let ctx = b.block_params(entry)[0];
    let buf = b.block_params(entry)[1];

    // One stack slot for the arguments and result of every trampoline call.
    // Linked exits replay their snapshot's delayed writes (3 arguments at most)
    // and build their virtual objects (a record: its class; a tuple: its parts).
    let linked = link.exits.iter().any(|l| l.is_some());
    let pending = linked
        && t.snapshots
            .iter()
            .any(|s| !s.pending.is_empty() || !s.virtuals.is_empty());
    let virtual_record = t
        .snapshots
        .iter()
        .flat_map(|s| &s.virtuals)
        .filter_map(|v| match v {
            Virtual::Record(..) => Some(2),
            Virtual::Tuple(parts) => Some(1 + parts.len()),
            _ => None,
        })
        .max()
        .filter(|_| linked);
    let slot_values = t
        .ops
        .iter()
        .filter_map(|inst| Tramp::of(&inst.op).map(|_| 1 + inst.op.args().len()))
        .chain(pending.then_some(4))
        .chain(virtual_record)
        .max();
    let slot = slot_values.map(|n| {
        b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (n * VALUE_SIZE) as u32,
            4,
        ))
    });
    let tramp_sig = slot.map(|_| {
        let mut sig = ir::Signature::new(call_conv);
        sig.params.push(AbiParam::new(ptr)); // ctx
        sig.params.push(AbiParam::new(ptr)); // slot
        sig.params.push(AbiParam::new(types::I64)); // argument count
        sig.params.push(AbiParam::new(types::I64)); // immediate
        sig.returns.push(AbiParam::new(types::I32)); // status
        b.import_signature(sig)
    });
    // Fuel lives in a register between the entry and the exits.
    let fuel = t
        .ops
        .iter()
        .any(|i| matches!(i.op, Op::Fuel))
        .then(|| b.ins().load(types::I64, mem(), ctx, CTX_FUEL_OFFSET));
    // `call_trace` hands a callee's exit to `save_nested`, a host-convention function.
    let nested_sig = t.ops.iter().any(|i| is_call_trace(&i.op)).then(|| {
        let mut sig = ir::Signature::new(call_conv);
        sig.params.push(AbiParam::new(ptr)); // ctx
        sig.params.push(AbiParam::new(ptr)); // buf
        sig.params.push(AbiParam::new(types::I32)); // exit
        b.import_signature(sig)
    });

    // Exits that link tail-call other trace code with the trace's own signature.
    let tail_sig = b.import_signature(func_sig.clone());

    let label = t.label_pos();
    let mut lw = Lower {
        t,
        link,
        tail_sig,
        b,
        ptr,
        ctx,
        buf,
        vals: vec![None; t.ops.len()],
        fuel,
        exits,
        next_exit: 0,
        slot,
        tramp_sig,
        nested_sig,
        spec: label.map(|l| param_tags(t, l)).unwrap_or_default(),
        loop_block: None,
        params: Vec::new(),
        n_inputs: 0,
        cur: 0,
        shared: Vec::new(),
        shared_index: Default::default(),
        store_sets: Vec::new(),
        tails: Vec::new(),
        slots,
        homes: homes.unwrap_or_default(),
        consts_here: Default::default(),
        slot_addr_here: None,
        bug_block: None,
        entry,
        lazy: vec![None; t.ops.len()],
        words_hdr: Vec::new(),
    };
    if label.is_none() {
        lw.count_tier();
    }
    let mut ended = false;
    for (i, inst) in t.ops.iter().enumerate() {
        lw.cur = i;
        if ended {
            return Err(lw.err("op after the end of the trace"));
        }
        ended = lw.op(i, &inst.op)?;
    }
    if !ended {
        return Err("trace does not end in jump, exit or finish".into());
    }
    lw.fill_shared_exits()?;
    lw.fill_tails();
    lw.fill_bug_block();
    let Lower {
        mut b,
        exits,
        n_inputs,
        loop_block,
        ..
    } = lw;
    b.seal_all_blocks();
    b.finalize(config);
    Ok(Lowered {
        exits,
        n_inputs,
        loop_block,
    })
}

struct Lower<'a, 'f, 'gc> {
    t: &'a TraceIr<'gc>,
    link: &'a Linkage<'gc>,
    /// The trace function's own signature, for tail calls through link cells.
    tail_sig: ir::SigRef,
    b: FunctionBuilder<'f>,
    ptr: ir::Type,
    ctx: ir::Value,
    buf: ir::Value,
    /// The value of each op's result as later ops see it (guards refine it).
    vals: Vec<Option<Val>>,
    /// The fuel counter as of the current point, if the trace burns fuel.
    fuel: Option<ir::Value>,
    exits: Vec<ExitInfo>,
    next_exit: usize,
    slot: Option<ir::StackSlot>,
    tramp_sig: Option<ir::SigRef>,
    /// The signature of `save_nested`, if the trace has a `call_trace`.
    nested_sig: Option<ir::SigRef>,
    /// Known tags of the loop params ([`param_tags`]).
    spec: Vec<Option<Tag>>,
    loop_block: Option<Block>,
    params: Vec<Val>,
    n_inputs: usize,
    /// The op being lowered, for error messages.
    cur: usize,
    /// Exit blocks shared by guards, filled at the end ([`Lower::fill_shared_exits`]).
    shared: Vec<SharedExit>,
    shared_index: std::collections::HashMap<(ExitShape, Option<usize>), Block>,
    /// The store blocks made so far: link-cell array, the values the block
    /// and those it jumps to store (sorted), the block.
    store_sets: Vec<(Option<usize>, Vec<Ref>, Block)>,
    /// Per link-cell array, the block every store block ends in: it stores
    /// the fuel, continues through the exit's link cell if it holds code,
    /// else returns the exit index (see [`Lower::fill_tails`]).
    tails: Vec<(Option<usize>, Block)>,
    /// Per op, the buffer slot its value goes to at every exit that keeps it
    /// (`u32::MAX`: none), from [`exits`].
    slots: Vec<u32>,
    /// Per op, the buffer slot an input was loaded from, if the buffer
    /// still holds it at every exit ([`input_homes`]).
    homes: Vec<Option<usize>>,
    /// Integer constants made so far, per block: a constant used again in
    /// the same block (tags and payloads of the values an exit stores, the
    /// trace's constants) is made once, which leaves Cranelift fewer
    /// instructions to build and merge.
    consts_here: std::collections::HashMap<(Block, ir::Type, i64), ir::Value>,
    /// The call slot's address as made in a block (see [`Lower::slot_addr`]).
    slot_addr_here: Option<(Block, ir::Value)>,
    /// The block that returns [`STATUS_BUG`], made at its first use.
    bug_block: Option<Block>,
    /// The entry block (where inputs are loaded).
    entry: Block,
    /// Per op, the buffer offset of an input not loaded yet ([`Lower::input`]).
    lazy: Vec<Option<i32>>,
    /// Word stores whose length and buffer address are loaded, with those
    /// two values: reused by later accesses until something may change
    /// them (see [`Lower::word_addr`]).
    words_hdr: Vec<WordsHdr>,
}

/// What makes two guards' exits the same code (with their link-cell array).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ExitShape {
    /// One snapshot, which builds objects or writes the heap on exit.
    Snap(SnapId),
    /// Snapshots that do neither: just store these values (sorted).
    Live(Vec<Ref>),
}

/// An exit block guards share (see [`Lower::shared_exit`]).
struct SharedExit {
    /// The snapshot of the first guard (its virtuals and delayed writes, if any, are every sharer's).
    snap: SnapId,
    cell_base: Option<usize>,
    block: Block,
    /// The values the block itself stores, and how they lower where the
    /// block was made (for a block that builds: every value of the snapshot).
    live: Vec<Ref>,
    vals: Vec<(Ref, Val)>,
    /// Where the block goes on: the stores of an earlier exit whose values
    /// are a subset, or the tail; for a block that builds, its exit's stores.
    next: Block,
    /// Where a block that builds leaves its virtual objects: after the exit's slots.
    virt_base: usize,
    /// Whether this is a linked exit's block that builds its snapshot's
    /// objects and does its delayed writes.
    builds: bool,
}

impl<'a, 'f, 'gc> Lower<'a, 'f, 'gc> {
    fn err(&self, msg: &str) -> String {
        let text = self
            .t
            .ops
            .get(self.cur)
            .map(|i| op_text(self.t, &i.op))
            .unwrap_or_default();
        format!("op {} `{text}`: {msg}", self.cur)
    }

    /// Lowers op `i`; true when it ended the trace.
    fn op(&mut self, i: usize, op: &Op) -> Result<bool, String> {
        if matches!(op, Op::Label(_) | Op::Call(..)) {
            // What may change a word store's length or move its words
            // unseen: any helper; and a loop's back-edge. (A push or a
            // truncation knows what it changes: see `words_push`.)
            self.words_hdr.clear();
        }
        let result = match op {
            Op::Input(k) => self.input(i, *k)?,
            Op::Label(args) => {
                self.label(args)?;
                None
            }
            Op::Param(k) => Some(
                *self
                    .params
                    .get(*k as usize)
                    .ok_or_else(|| self.err("param without a label argument"))?,
            ),
            Op::Jump(args) => {
                self.jump(args)?;
                return Ok(true);
            }
            Op::Exit => {
                self.next_exit += 1;
                self.exit_code(self.next_exit - 1)?;
                return Ok(true);
            }
            Op::Finish(a) => {
                self.finish(*a)?;
                return Ok(true);
            }
            Op::GuardTag(a, tag) => {
                match self.val(*a)? {
                    Val::Known(known, _) if known == *tag => self.next_exit += 1,
                    Val::Known(..) => {
                        // Always fails; the code after it is dead but still well-formed.
                        let fails = self.b.ins().iconst(types::I8, 1);
                        self.guard(fails, false)?;
                    }
                    Val::Dyn { tag: tg, raw, .. } => {
                        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, tg, tag.byte() as i64);
                        self.guard(ok, true)?;
                        let p = self.narrow(raw, *tag);
                        self.vals[a.index()] = Some(Val::Known(*tag, p));
                    }
                }
                None
            }
            Op::GuardValue(a, c) => {
                let (va, vc) = (self.val(*a)?, self.val(*c)?);
                let ok = self.same(va, vc);
                self.guard(ok, true)?;
                let compatible = match (va, vc) {
                    (Val::Known(x, _), Val::Known(y, _)) => x == y,
                    _ => true,
                };
                if c.is_const() && !a.is_const() && compatible {
                    self.vals[a.index()] = Some(vc);
                }
                None
            }
            Op::GuardTrue(a) | Op::GuardFalse(a) => {
                let expect = matches!(op, Op::GuardTrue(_));
                let v = self.val(*a)?;
                let cond = self.bool(v);
                self.guard(cond, expect)?;
                if !a.is_const() && matches!(v, Val::Dyn { .. } | Val::Known(Tag::Bool, _)) {
                    let k = self.b.ins().iconst(types::I8, expect as i64);
                    self.vals[a.index()] = Some(Val::Known(Tag::Bool, k));
                }
                None
            }
            Op::GuardIntCmp(c, a, b) => {
                let (x, y) = (self.int(*a)?, self.int(*b)?);
                let ok = self.b.ins().icmp(int_cc(*c), x, y);
                self.guard(ok, true)?;
                None
            }
            Op::GuardFloatCmp(c, a, b) => {
                let (x, y) = (self.float(*a)?, self.float(*b)?);
                let ok = self.b.ins().fcmp(float_cc(*c), x, y);
                self.guard(ok, true)?;
                None
            }
            Op::IntOvf(o, a, b) => {
                let (x, y) = (self.int(*a)?, self.int(*b)?);
                let (r, overflow) = match o {
                    OvfOp::Add => self.b.ins().sadd_overflow(x, y),
                    OvfOp::Sub => self.b.ins().ssub_overflow(x, y),
                    OvfOp::Mul => self.b.ins().smul_overflow(x, y),
                };
                self.guard(overflow, false)?;
                Some(Val::Known(Tag::Int, r))
            }
            Op::Fuel => {
                let old = self.fuel.ok_or_else(|| self.err("no fuel counter"))?;
                let cost = self.t.fuel_cost.max(1) as i64;
                self.fuel = Some(self.b.ins().iadd_imm_s(old, -cost));
                // `old - cost < 0`, tested on `old` so the decrement is not needed first.
                let spent = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, old, cost);
                self.guard(spent, false)?;
                None
            }
            Op::Int(o, a, b) => {
                let (x, y) = (self.int(*a)?, self.int(*b)?);
                Some(Val::Known(Tag::Int, self.int_op(*o, x, y)))
            }
            Op::IntCmp(c, a, b) => {
                let (x, y) = (self.int(*a)?, self.int(*b)?);
                Some(Val::Known(Tag::Bool, self.b.ins().icmp(int_cc(*c), x, y)))
            }
            Op::Float(o, a, b) => {
                let (x, y) = (self.float(*a)?, self.float(*b)?);
                let ins = self.b.ins();
                let r = match o {
                    FloatOp::Add => ins.fadd(x, y),
                    FloatOp::Sub => ins.fsub(x, y),
                    FloatOp::Mul => ins.fmul(x, y),
                    FloatOp::Div => ins.fdiv(x, y),
                };
                Some(Val::Known(Tag::Float, r))
            }
            Op::FloatCmp(c, a, b) => {
                let (x, y) = (self.float(*a)?, self.float(*b)?);
                Some(Val::Known(Tag::Bool, self.b.ins().fcmp(float_cc(*c), x, y)))
            }
            Op::IntToFloat(a) => {
                let x = self.int(*a)?;
                let r = self.b.ins().fcvt_from_sint(types::F64, x);
                Some(Val::Known(Tag::Float, r))
            }
            Op::BoolNot(a) => {
                let v = self.val(*a)?;
                let x = self.bool(v);
                Some(Val::Known(Tag::Bool, self.b.ins().bxor_imm_s(x, 1)))
            }
            Op::Same(a, b) => {
                let (x, y) = (self.val(*a)?, self.val(*b)?);
                Some(Val::Known(Tag::Bool, self.same(x, y)))
            }
            Op::GetField(r, k) => Some(self.get_field(*r, *k)?),
            Op::SetField(r, k, v) => {
                self.set_field(*r, *k, *v)?;
                None
            }
            Op::Call(h, args) if std::ptr::eq(*h, &RECORD_CLASS) => {
                let rec = self.record_ptr(args[0])?;
                Some(self.load_value(rec, heap::RECORD_CLASS_OFFSET))
            }
            Op::Call(h, args) if std::ptr::eq(*h, &RECORD_LEN) => {
                let rec = self.record_ptr(args[0])?;
                let len = self
                    .b
                    .ins()
                    .load(types::I64, mem(), rec, heap::RECORD_LEN_OFFSET);
                Some(Val::Known(Tag::Int, len))
            }
            Op::Call(h, args) if std::ptr::eq(*h, &CALL_TRACE) => Some(self.call_trace(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &TUPLE_HEAD) => Some(self.tuple_head(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &TUPLE_LEN) => Some(self.tuple_len(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &TUPLE_GET) => Some(self.tuple_get(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &CELL_GET) => Some(self.cell_get(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &CELL_SET) => Some(self.cell_set(args)?),
            Op::Call(h, args) if std::ptr::eq(*h, &CELL_MARK) => Some(self.cell_mark(args)?),
            Op::ListLen(l) => Some(self.list_len(op, *l)?),
            Op::ListGet(l, i) => Some(self.list_get(op, *l, *i)?),
            Op::ListSet(l, i, v) => {
                self.list_set(op, *l, *i, *v)?;
                None
            }
            Op::WordsLen(w) => Some(self.words_len(*w)?),
            Op::WordsGet(w, i) => Some(self.words_get(*w, *i)?),
            Op::WordsSet(w, i, v) => {
                self.words_set(*w, *i, *v)?;
                None
            }
            Op::WordsPush(w, v) => {
                self.words_push(*w, *v)?;
                None
            }
            Op::WordsTruncate(w, n) => {
                self.words_truncate(*w, *n)?;
                None
            }
            Op::Call(h, args) => {
                let imm = *h as *const crate::jit::helpers::Helper as u64;
                let status = self.call(Tramp::Call, args, imm)?;
                if h.effects.may_raise {
                    let ok = self
                        .b
                        .ins()
                        .icmp_imm_s(IntCC::Equal, status, STATUS_OK as i64);
                    self.guard(ok, true)?;
                }
                Some(self.result(None))
            }
            _ => {
                // The heap ops: through their trampoline.
                let tramp = Tramp::of(op).ok_or_else(|| self.err("no lowering"))?;
                self.call(tramp, &op.args(), 0)?;
                op.has_result().then(|| self.result(op.result_tag()))
            }
        };
        if let Some(v) = result {
            self.vals[i] = Some(v);
        }
        Ok(false)
    }

    // ---- values ----

    /// The current value of `r`; constants are materialised where used.
    fn val(&mut self, r: Ref) -> Result<Val, String> {
        if !r.is_const() {
            if let Some(Some(off)) = self.lazy.get(r.index()) {
                return Ok(self.load_input(r.index(), *off));
            }
            return self
                .vals
                .get(r.index())
                .copied()
                .flatten()
                .ok_or_else(|| self.err(&format!("v{} is not defined here", r.index())));
        }
        let v = *self
            .t
            .consts
            .get(r.index())
            .ok_or_else(|| self.err(&format!("no constant c{}", r.index())))?;
        Ok(self.konst(v))
    }

    /// A constant, materialised here.
    fn konst(&mut self, v: Value<'_>) -> Val {
        let p = match v {
            Value::Bool(x) => self.iconst(types::I8, x as i64),
            Value::Float(x) => self.b.ins().f64const(x),
            _ => self.iconst(types::I64, v.payload_bits() as i64),
        };
        Val::Known(v.tag(), p)
    }

    /// The integer constant `x` of type `ty`, made once per block.
    fn iconst(&mut self, ty: ir::Type, x: i64) -> ir::Value {
        let Some(block) = self.b.current_block() else {
            return self.b.ins().iconst(ty, x);
        };
        if let Some(v) = self.consts_here.get(&(block, ty, x)) {
            return *v;
        }
        let v = self.b.ins().iconst(ty, x);
        self.consts_here.insert((block, ty, x), v);
        v
    }

    /// An int operand. The trace has fixed its tag, so a run-time-tagged
    /// operand's raw payload is its value.
    fn int(&mut self, r: Ref) -> Result<ir::Value, String> {
        Ok(match self.val(r)? {
            Val::Dyn { raw, .. } => raw,
            v => self.payload_i64(v),
        })
    }

    fn float(&mut self, r: Ref) -> Result<ir::Value, String> {
        let v = self.val(r)?;
        Ok(match v {
            Val::Known(Tag::Float, p) => p,
            Val::Dyn { raw, .. } => self.narrow(raw, Tag::Float),
            _ => {
                let p = self.payload_i64(v);
                self.b.ins().bitcast(types::F64, MemFlagsData::new(), p)
            }
        })
    }

    /// The value as an `i8` truth value.
    fn bool(&mut self, v: Val) -> ir::Value {
        match v {
            Val::Known(Tag::Bool, p) => p,
            _ => {
                let p = self.payload_i64(v);
                self.b.ins().icmp_imm_s(IntCC::NotEqual, p, 0)
            }
        }
    }

    /// The payload as the `i64` word stored at offset 8.
    fn payload_i64(&mut self, v: Val) -> ir::Value {
        match v {
            Val::Known(Tag::Bool, p) => self.b.ins().uextend(types::I64, p),
            Val::Known(Tag::Float, p) => self.b.ins().bitcast(types::I64, MemFlagsData::new(), p),
            Val::Known(_, p) | Val::Dyn { norm: Some(p), .. } => p,
            Val::Dyn { tag, raw, .. } => self.normalise(tag, raw),
        }
    }

    /// A raw `i64` payload as the payload of a known `tag`.
    fn narrow(&mut self, raw: ir::Value, tag: Tag) -> ir::Value {
        match tag {
            // Byte 8 is the low byte (little-endian hosts only, see `build`).
            Tag::Bool => self.b.ins().ireduce(types::I8, raw),
            Tag::Float => self.b.ins().bitcast(types::F64, MemFlagsData::new(), raw),
            Tag::None | Tag::Absent => self.b.ins().iconst(types::I64, 0),
            _ => raw,
        }
    }

    /// The tag as an `i8`.
    fn tag(&mut self, v: Val) -> ir::Value {
        match v {
            Val::Known(tag, _) => self.iconst(types::I8, tag.byte() as i64),
            Val::Dyn { tag, .. } => tag,
        }
    }

    /// `i8` truth of [`Value::same`]: equal tags and equal (normalised) payloads.
    fn same(&mut self, x: Val, y: Val) -> ir::Value {
        match (x, y) {
            (Val::Known(tx, _), Val::Known(ty, _)) if tx != ty => self.b.ins().iconst(types::I8, 0),
            (Val::Known(Tag::Bool, p), Val::Known(_, q)) => self.b.ins().icmp(IntCC::Equal, p, q),
            (Val::Known(_, _), Val::Known(_, _)) => {
                let (p, q) = (self.payload_i64(x), self.payload_i64(y));
                self.b.ins().icmp(IntCC::Equal, p, q)
            }
            // Against a known tag whose payload is the whole word (or
            // empty), the other side's raw word needs no normalising: when
            // its tag differs the answer is false whatever the payloads.
            // This is every `guard_value` on a constant object.
            (Val::Dyn { tag, raw, .. }, Val::Known(t, _))
            | (Val::Known(t, _), Val::Dyn { tag, raw, .. })
                if t != Tag::Bool =>
            {
                let tags = self.b.ins().icmp_imm_s(IntCC::Equal, tag, t.byte() as i64);
                if matches!(t, Tag::None | Tag::Absent) {
                    return tags;
                }
                let known = if matches!(x, Val::Known(..)) { x } else { y };
                let p = self.payload_i64(known);
                let payloads = self.b.ins().icmp(IntCC::Equal, raw, p);
                self.b.ins().band(tags, payloads)
            }
            _ => {
                let (tx, ty) = (self.tag(x), self.tag(y));
                let tags = self.b.ins().icmp(IntCC::Equal, tx, ty);
                let (p, q) = (self.payload_i64(x), self.payload_i64(y));
                let payloads = self.b.ins().icmp(IntCC::Equal, p, q);
                self.b.ins().band(tags, payloads)
            }
        }
    }

    fn int_op(&mut self, o: IntOp, x: ir::Value, y: ir::Value) -> ir::Value {
        let ins = self.b.ins();
        match o {
            IntOp::Add => ins.iadd(x, y),
            IntOp::Sub => ins.isub(x, y),
            IntOp::Mul => ins.imul(x, y),
            IntOp::And => ins.band(x, y),
            IntOp::Or => ins.bor(x, y),
            IntOp::Xor => ins.bxor(x, y),
            // Cranelift takes the amount modulo 64, as `wrapping_shl` does.
            IntOp::Shl => ins.ishl(x, y),
            IntOp::Shr => ins.sshr(x, y),
            IntOp::TruncDiv => ins.sdiv(x, y),
            IntOp::TruncRem => ins.srem(x, y),
            IntOp::FloorDiv => {
                // q - 1 when the remainder is non-zero and its sign differs from y's.
                let q = self.b.ins().sdiv(x, y);
                let qy = self.b.ins().imul(q, y);
                let r = self.b.ins().isub(x, qy);
                let adjust = self.floor_adjust(r, y);
                let adjust = self.b.ins().uextend(types::I64, adjust);
                self.b.ins().isub(q, adjust)
            }
            IntOp::FloorMod => {
                // r + y when r is non-zero and its sign differs from y's.
                let r = self.b.ins().srem(x, y);
                let adjust = self.floor_adjust(r, y);
                let ry = self.b.ins().iadd(r, y);
                self.b.ins().select(adjust, ry, r)
            }
        }
    }

    /// `i8`: `r != 0 && (r < 0) != (y < 0)`.
    fn floor_adjust(&mut self, r: ir::Value, y: ir::Value) -> ir::Value {
        let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
        let signs = self.b.ins().bxor(r, y);
        let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
        self.b.ins().band(nonzero, differ)
    }

    /// Stores `v` as a 16-byte value at `base + off`.
    fn store_value(&mut self, v: Val, base: ir::Value, off: i32) {
        let tag = self.tag(v);
        self.b.ins().store(mem(), tag, base, off + TAG_OFFSET);
        let p = match v {
            // The whole word, so the stored payload is normalised.
            Val::Known(Tag::Bool, p) => self.b.ins().uextend(types::I64, p),
            Val::Known(_, p) | Val::Dyn { raw: p, .. } => p,
        };
        self.b.ins().store(mem(), p, base, off + PAYLOAD_OFFSET);
    }

    /// Stores `v` at `base + off` as one 16-byte store (tag word, then
    /// payload word), for values Rust reads soon after: a trampoline that
    /// copies an argument out of the call slot loads its 16 bytes at once,
    /// and a load that spans two earlier stores (tag byte, payload word)
    /// cannot be forwarded from the store buffer, so it waits for both to
    /// reach the cache (a store-forwarding stall per argument). Trace
    /// code's own reads of the value (a tag byte, a payload word) are each
    /// inside the one store, which forwards. Falls back to
    /// [`Lower::store_value`] where the target lacks 128-bit lane inserts.
    fn store_value_wide(&mut self, v: Val, base: ir::Value, off: i32) {
        // Lane 0 is the tag's word, lane 1 the payload's (little-endian).
        const _: () =
            assert!(TAG_OFFSET == 0 && PAYLOAD_OFFSET == 8 && cfg!(target_endian = "little"));
        if !wide_stores() {
            return self.store_value(v, base, off);
        }
        let (tag, p) = match v {
            Val::Known(tag, p) => {
                let p = match tag {
                    // The whole word, so the stored payload is normalised.
                    Tag::Bool => self.b.ins().uextend(types::I64, p),
                    Tag::Float => self.b.ins().bitcast(types::I64, MemFlagsData::new(), p),
                    _ => p,
                };
                (self.iconst(types::I64, tag.byte() as i64), p)
            }
            Val::Dyn { tag, raw, .. } => (self.b.ins().uextend(types::I64, tag), raw),
        };
        let vec = self.b.ins().scalar_to_vector(types::I64X2, tag);
        let vec = self.b.ins().insertlane(vec, p, 1);
        self.b.ins().store(mem(), vec, base, off);
    }

    // ---- structure ----

    /// `input k` (op `i`): a constant, or a buffer value loaded in the
    /// entry block at its first use ([`Lower::val`]). Most inputs of a
    /// bridge are registers it only hands to its exits, which leave them
    /// in their slot: they are never loaded.
    fn input(&mut self, i: usize, k: u32) -> Result<Option<Val>, String> {
        let slot = match &self.link.inputs {
            None => k,
            Some(sources) => match sources.get(k as usize) {
                Some(InputSource::Buf(j)) => *j,
                Some(InputSource::Const(v)) => return Ok(Some(self.konst(*v))),
                None => return Err(self.err("no source for this input")),
            },
        };
        self.n_inputs = self.n_inputs.max(slot as usize + 1);
        self.lazy[i] = Some((slot as usize * VALUE_SIZE) as i32);
        Ok(None)
    }

    /// Loads the input of op `i` from buffer offset `off`, at the end of
    /// the entry block (before its branch, if it has one), which
    /// dominates every use.
    fn load_input(&mut self, i: usize, off: i32) -> Val {
        use cranelift_codegen::cursor::{Cursor, FuncCursor};
        let entry = self.entry;
        let buf = self.buf;
        if self.b.current_block() == Some(entry) {
            let v = self.load_value(buf, off);
            self.lazy[i] = None;
            self.vals[i] = Some(v);
            return v;
        }
        let func = &mut *self.b.func;
        let mut pos = FuncCursor::new(func);
        match pos.func.layout.last_inst(entry) {
            Some(last) if pos.func.dfg.insts[last].opcode().is_terminator() => pos.goto_inst(last),
            _ => pos.goto_bottom(entry),
        }
        let tag = pos.ins().load(types::I8, mem(), buf, off + TAG_OFFSET);
        let raw = pos.ins().load(types::I64, mem(), buf, off + PAYLOAD_OFFSET);
        let v = Val::Dyn {
            tag,
            norm: None,
            raw,
        };
        self.lazy[i] = None;
        self.vals[i] = Some(v);
        v
    }

    /// The value stored at `base + off` (its payload normalised where used).
    fn load_value(&mut self, base: ir::Value, off: i32) -> Val {
        let tag = self.b.ins().load(types::I8, mem(), base, off + TAG_OFFSET);
        let raw = self
            .b
            .ins()
            .load(types::I64, mem(), base, off + PAYLOAD_OFFSET);
        Val::Dyn {
            tag,
            norm: None,
            raw,
        }
    }

    /// The payload word `raw` of a value tagged `tag`, normalised as
    /// [`Value::payload_bits`]: only byte 8 of a Bool is meaningful, None and
    /// Absent have none.
    fn normalise(&mut self, tag: ir::Value, raw: ir::Value) -> ir::Value {
        let ins = self.b.ins();
        let is_bool = ins.icmp_imm_s(IntCC::Equal, tag, Tag::Bool.byte() as i64);
        let low = self.b.ins().band_imm_s(raw, 0xff);
        let p = self.b.ins().select(is_bool, low, raw);
        let is_none = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, tag, Tag::None.byte() as i64);
        let is_absent = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, tag, Tag::Absent.byte() as i64);
        let empty = self.b.ins().bor(is_none, is_absent);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.b.ins().select(empty, zero, p)
    }

    // ---- records, read and written in place ----
    //
    // A record's layout is fixed (`heap::Record`, `repr(C)`): class value at
    // offset 0, field count at 16, the first `RECORD_INLINE` fields inline
    // from `RECORD_INLINE_OFFSET`, the address of the spilled rest at
    // `RECORD_SPILL_OFFSET`. No write
    // barrier is needed because collections run only between slices, so no
    // object is black while a trace runs (`Vm::collect_if_due`).

    /// The address of a record operand's `Record`.
    fn record_ptr(&mut self, r: Ref) -> Result<ir::Value, String> {
        Ok(match self.val(r)? {
            // A record's raw payload word is its address: normalising it
            // (ten instructions, made again at each use) changes nothing.
            Val::Dyn { raw, .. } => raw,
            v => self.payload_i64(v),
        })
    }

    /// The address of field `k` of record `r` when `r` is a constant record
    /// that has that field: a record's field count and field addresses never
    /// change, so the trace needs neither the bounds check nor the loads.
    fn const_field_addr(&mut self, r: Ref, k: u32) -> Option<ir::Value> {
        if !r.is_const() {
            return None;
        }
        let rec = *self.t.consts.get(r.index())?;
        if rec.tag() != Tag::Record || k >= heap::record_len(rec) {
            return None;
        }
        let addr = heap::record_field_addr(rec, k);
        Some(self.iconst(types::I64, addr as i64))
    }

    /// Where field `k` of the record at `rec` is (a base and a byte offset),
    /// on the path where the record has that field; the other path returns
    /// [`STATUS_BUG`].
    fn field_loc(&mut self, rec: ir::Value, k: u32) -> (ir::Value, i32) {
        let len = self
            .b
            .ins()
            .load(types::I64, mem(), rec, heap::RECORD_LEN_OFFSET);
        let inside = self
            .b
            .ins()
            .icmp_imm_u(IntCC::UnsignedGreaterThan, len, k as i64);
        let fast = self.b.create_block();
        let bug = self.bug_block();
        self.b.ins().brif(inside, fast, &[], bug, &[]);
        self.b.switch_to_block(fast);
        self.known_field_loc(rec, k)
    }

    /// Where field `k` of the record at `rec` is, known to exist: inline
    /// fields are at a fixed offset of the record, the others in its spill.
    fn known_field_loc(&mut self, rec: ir::Value, k: u32) -> (ir::Value, i32) {
        let k = k as usize;
        if k < heap::RECORD_INLINE {
            (rec, heap::RECORD_INLINE_OFFSET + (k * VALUE_SIZE) as i32)
        } else {
            let spill = self
                .b
                .ins()
                .load(types::I64, mem(), rec, heap::RECORD_SPILL_OFFSET);
            (spill, ((k - heap::RECORD_INLINE) * VALUE_SIZE) as i32)
        }
    }

    /// The trace's one block that returns [`STATUS_BUG`]: where a record
    /// access finds no such field. The interpreter guards a record's kind
    /// before using its fields, so only an interpreter bug gets there (its
    /// plain run would panic at the same access); the driver panics with
    /// that message. One shared block instead of a trampoline call per
    /// access: those were an eighth of Python deltablue's Cranelift code.
    fn bug_block(&mut self) -> Block {
        if let Some(b) = self.bug_block {
            return b;
        }
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.bug_block = Some(block);
        block
    }

    /// Fills the block of [`Self::bug_block`], if it was used (at the end,
    /// as the shared exits: a block is filled once the one jumping there is).
    fn fill_bug_block(&mut self) {
        let Some(block) = self.bug_block else {
            return;
        };
        self.b.switch_to_block(block);
        let id = self.b.ins().iconst(types::I32, self.link.trace_id as i64);
        self.b.ins().store(mem(), id, self.ctx, CTX_TRACE_OFFSET);
        let code = self.b.ins().iconst(types::I32, STATUS_BUG as i64);
        self.b.ins().return_(&[code]);
    }

    /// `get_field r, #k` without a call (a missing field: see [`Self::bug_block`]).
    fn get_field(&mut self, r: Ref, k: u32) -> Result<Val, String> {
        if let Some(addr) = self.const_field_addr(r, k) {
            return Ok(self.load_value(addr, 0));
        }
        let rec = self.record_ptr(r)?;
        let (base, off) = self.field_loc(rec, k);
        Ok(self.load_value(base, off))
    }

    /// `set_field r, #k, v` without a call (see [`Self::get_field`]).
    fn set_field(&mut self, r: Ref, k: u32, v: Ref) -> Result<(), String> {
        let (base, off) = match self.const_field_addr(r, k) {
            Some(addr) => (addr, 0),
            None => {
                let rec = self.record_ptr(r)?;
                self.field_loc(rec, k)
            }
        };
        let value = self.val(v)?;
        self.store_value(value, base, off);
        Ok(())
    }

    fn jump_with(&mut self, block: Block, args: &[ir::Value]) {
        let args: Vec<BlockArg> = args.iter().map(|a| BlockArg::Value(*a)).collect();
        self.b.ins().jump(block, &args);
    }

    /// The block arguments passing `args` to the loop params, then the fuel.
    fn loop_args(&mut self, args: &[Ref]) -> Result<Vec<BlockArg>, String> {
        if args.len() != self.spec.len() {
            return Err(self.err("argument count differs from the label's"));
        }
        let mut out = Vec::new();
        for (k, a) in args.iter().enumerate() {
            let v = self.val(*a)?;
            match (self.spec[k], v) {
                (Some(tag), Val::Known(t, p)) if t == tag => out.push(p.into()),
                (Some(_), _) => return Err(self.err(&format!("argument {k}: tag not as analysed"))),
                (None, _) => {
                    let tg = self.tag(v);
                    let p = self.payload_i64(v);
                    out.push(tg.into());
                    out.push(p.into());
                }
            }
        }
        if let Some(f) = self.fuel {
            out.push(f.into());
        }
        Ok(out)
    }

    fn label(&mut self, args: &[Ref]) -> Result<(), String> {
        let args = self.loop_args(args)?;
        let lp = self.b.create_block();
        for k in 0..self.spec.len() {
            let v = match self.spec[k] {
                Some(tag) => Val::Known(tag, self.b.append_block_param(lp, payload_type(tag))),
                None => {
                    let tag = self.b.append_block_param(lp, types::I8);
                    let norm = self.b.append_block_param(lp, types::I64);
                    Val::Dyn {
                        tag,
                        norm: Some(norm),
                        raw: norm,
                    }
                }
            };
            self.params.push(v);
        }
        if self.fuel.is_some() {
            self.fuel = Some(self.b.append_block_param(lp, types::I64));
        }
        self.b.ins().jump(lp, &args);
        self.b.switch_to_block(lp);
        self.loop_block = Some(lp);
        self.count_tier();
        Ok(())
    }

    /// Adds one to the first tier's work counter ([`Linkage::tier_counter`]), if any.
    fn count_tier(&mut self) {
        if let Some(counter) = self.link.tier_counter {
            self.bump_counter(counter);
        }
    }

    /// Adds one to the `i64` at address `counter`; the new count.
    fn bump_counter(&mut self, counter: usize) -> ir::Value {
        let addr = self.b.ins().iconst(self.ptr, counter as i64);
        let n = self.b.ins().load(types::I64, mem(), addr, 0);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(mem(), n, addr, 0);
        n
    }

    fn jump(&mut self, args: &[Ref]) -> Result<(), String> {
        let lp = self
            .loop_block
            .ok_or_else(|| self.err("jump without a label"))?;
        let args = self.loop_args(args)?;
        self.b.ins().jump(lp, &args);
        Ok(())
    }

    // ---- guards and exits ----

    /// Continues when the `i8` `cond` equals `expect`; else leaves through
    /// this guard's exit.
    fn guard(&mut self, cond: ir::Value, expect: bool) -> Result<(), String> {
        let index = self.next_exit;
        self.next_exit += 1;
        let cont = self.b.create_block();
        let (exit, args) = match self.shared_exit(index)? {
            Some(shared) => shared,
            None => {
                let exit = self.slow_block();
                (exit, Vec::new())
            }
        };
        if expect {
            self.b.ins().brif(cond, cont, &[], exit, &args);
        } else {
            self.b.ins().brif(cond, exit, &args, cont, &[]);
        }
        if args.is_empty() {
            self.b.switch_to_block(exit);
            self.exit_code(index)?;
        }
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// The exit block guard exit `index` shares with the other guards of
    /// its snapshot (or, when the exit only stores values, of any snapshot
    /// with the same live values) and link-cell array, and the arguments to
    /// jump there with: the exit's index and the fuel. Many guards share a
    /// snapshot (those of one instruction), and an exit's code depends only
    /// on the snapshot, so sharing the blocks divides the code Cranelift
    /// compiles several times. `None`: the exit gets a block of its own (an exit into
    /// a loop's code).
    fn shared_exit(&mut self, index: usize) -> Result<Option<(Block, Vec<BlockArg>)>, String> {
        let link = self.link.exits.get(index).cloned().flatten();
        if link.as_ref().is_some_and(|l| l.frame_regs.is_some()) {
            return Ok(None);
        }
        let info = self
            .exits
            .get(index)
            .ok_or_else(|| self.err("exit count differs from the guard count"))?;
        let snap = info.snap;
        let table = info.live.clone();
        // Guard exits' link cells are one array: cell `i` is `base + i` words.
        let cell_base = link.map(|l| l.cell.wrapping_sub(index * std::mem::size_of::<usize>()));
        // An exit that builds nothing and writes nothing stores its live
        // values and no more: exits of other snapshots with the same live
        // values (neighbouring instructions that wrote no register) share
        // its block, and one whose values include another's stores the
        // difference and jumps to that one's block.
        let s = &self.t.snapshots[snap as usize];
        let live: Vec<Ref> = table
            .iter()
            .enumerate()
            .filter(|(j, r)| !r.is_const() && self.homes.get(r.index()) != Some(&Some(*j)))
            .map(|(_, r)| *r)
            .collect();
        let mut set = live;
        set.sort_unstable();
        let key = (ExitShape::Live(set.clone()), cell_base);
        let stores = match self.shared_index.get(&key) {
            Some(b) => *b,
            None => {
                let block = self.store_block(set, cell_base)?;
                self.shared_index.insert(key, block);
                block
            }
        };
        // A linked exit whose snapshot has objects to build or delayed
        // writes does them first (when its cell holds code: else the
        // driver does), then goes on to its stores.
        let builds = !(s.virtuals.is_empty() && s.pending.is_empty());
        let block = match cell_base {
            Some(_) if builds => {
                let key = (ExitShape::Snap(snap), cell_base);
                match self.shared_index.get(&key) {
                    Some(b) => *b,
                    None => {
                        let block = self.exit_block();
                        // The values as the first guard sees them: they are
                        // defined before it, so before every later guard too.
                        let refs: Vec<Ref> =
                            table.iter().filter(|r| !r.is_const()).copied().collect();
                        let vals = refs
                            .iter()
                            .map(|r| self.val(*r).map(|v| (*r, v)))
                            .collect::<Result<Vec<_>, _>>()?;
                        self.shared_index.insert(key, block);
                        self.shared.push(SharedExit {
                            snap,
                            cell_base,
                            block,
                            live: Vec::new(),
                            vals,
                            next: stores,
                            virt_base: table.len(),
                            builds: true,
                        });
                        block
                    }
                }
            }
            _ => stores,
        };
        let mut args = vec![BlockArg::Value(
            self.b.ins().iconst(types::I32, index as i64),
        )];
        if let Some(f) = self.fuel {
            args.push(f.into());
        }
        Ok(Some((block, args)))
    }

    /// A new cold block taking an exit index (and the fuel, if the trace burns some).
    fn exit_block(&mut self) -> Block {
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.b.append_block_param(block, types::I32);
        if self.fuel.is_some() {
            self.b.append_block_param(block, types::I64);
        }
        block
    }

    /// The block that stores the values `set` (sorted) for an exit with
    /// link-cell array `cell_base`: it stores those not stored by the
    /// largest earlier store block whose values are a subset, and jumps
    /// there (or to the tail). Values have one slot for the whole trace
    /// ([`exits`]), so the earlier block's stores land where this exit's
    /// values go; and they are values this exit keeps, so no value lives
    /// longer for it. Snapshots of neighbouring instructions differ by a
    /// register or two, so most blocks store one or two values.
    fn store_block(&mut self, set: Vec<Ref>, cell_base: Option<usize>) -> Result<Block, String> {
        let subset = |small: &[Ref]| small.iter().all(|r| set.binary_search(r).is_ok());
        let best = self
            .store_sets
            .iter()
            .filter(|(base, s, _)| *base == cell_base && s.len() <= set.len() && subset(s))
            .max_by_key(|(_, s, _)| s.len())
            .map(|(_, s, b)| (s.clone(), *b));
        let (delta, next) = match best {
            Some((s, b)) => (
                set.iter()
                    .filter(|r| s.binary_search(r).is_err())
                    .copied()
                    .collect::<Vec<_>>(),
                b,
            ),
            None => (set.clone(), self.tail(cell_base)),
        };
        if delta.is_empty() {
            return Ok(next);
        }
        let block = self.exit_block();
        let vals = delta
            .iter()
            .map(|r| self.val(*r).map(|v| (*r, v)))
            .collect::<Result<Vec<_>, _>>()?;
        self.store_sets.push((cell_base, set, block));
        self.shared.push(SharedExit {
            snap: 0,
            cell_base,
            block,
            live: delta,
            vals,
            next,
            virt_base: 0,
            builds: false,
        });
        Ok(block)
    }

    /// The tail of the store blocks of link-cell array `cell_base`, made at its first use.
    fn tail(&mut self, cell_base: Option<usize>) -> Block {
        if let Some((_, b)) = self.tails.iter().find(|(c, _)| *c == cell_base) {
            return *b;
        }
        let block = self.exit_block();
        self.tails.push((cell_base, block));
        block
    }

    /// Fills the tails: store the fuel, tail-call the code in the exit's
    /// link cell if there is some (it reads the values where they are),
    /// else return the exit index.
    fn fill_tails(&mut self) {
        for (cell_base, block) in std::mem::take(&mut self.tails) {
            self.b.switch_to_block(block);
            let params = self.b.block_params(block).to_vec();
            let index = params[0];
            if let Some(f) = params.get(1) {
                self.b.ins().store(mem(), *f, self.ctx, CTX_FUEL_OFFSET);
            }
            if let Some(base) = cell_base {
                let target = self.indexed_cell(base, index);
                let ret = self.cold_branch(target);
                self.b
                    .ins()
                    .return_call_indirect(self.tail_sig, target, &[self.ctx, self.buf]);
                self.b.switch_to_block(ret);
            }
            let id = self.b.ins().iconst(types::I32, self.link.trace_id as i64);
            self.b.ins().store(mem(), id, self.ctx, CTX_TRACE_OFFSET);
            self.b.ins().return_(&[index]);
        }
    }

    /// The word in cell `index` of the link-cell array at `base`.
    fn indexed_cell(&mut self, base: usize, index: ir::Value) -> ir::Value {
        let wide = self.b.ins().uextend(types::I64, index);
        let word = std::mem::size_of::<usize>() as i64;
        let offset = self.b.ins().imul_imm_s(wide, word);
        let base = self.b.ins().iconst(self.ptr, base as i64);
        let cell = self.b.ins().iadd(offset, base);
        self.b.ins().load(self.ptr, mem(), cell, 0)
    }

    /// Fills the shared exit blocks (once the trace's code is done: a
    /// block cannot be filled while the one that jumps to it is open).
    fn fill_shared_exits(&mut self) -> Result<(), String> {
        for e in std::mem::take(&mut self.shared) {
            self.b.switch_to_block(e.block);
            let params = self.b.block_params(e.block).to_vec();
            let index = params[0];
            // The exit's values as they were where the block was made.
            let saved: Vec<(Ref, Option<Val>)> = e
                .vals
                .iter()
                .map(|(r, v)| {
                    let old = self.vals[r.index()];
                    self.vals[r.index()] = Some(*v);
                    (*r, old)
                })
                .collect();
            let args: Vec<BlockArg> = params.iter().map(|p| (*p).into()).collect();
            match e.cell_base {
                Some(base) if e.builds => {
                    let target = self.indexed_cell(base, index);
                    let go = self.slow_block();
                    self.b.ins().brif(target, go, &[], e.next, &args);
                    self.b.switch_to_block(go);
                    // The target reads the live values where the stores
                    // leave them, and the virtual objects after them
                    // (`Linkage::inputs`).
                    let objs = self.materialise(e.snap)?;
                    for (k, obj) in objs.iter().enumerate() {
                        let off = ((e.virt_base + k) * VALUE_SIZE) as i32;
                        self.store_value(*obj, self.buf, off);
                    }
                    self.replay_pending(e.snap, &objs)?;
                }
                _ => self.store_live(&e.live)?,
            }
            self.b.ins().jump(e.next, &args);
            for (r, old) in saved {
                self.vals[r.index()] = old;
            }
        }
        Ok(())
    }

    /// Leaves through exit `index` (an `exit` op, or a guard whose exit is
    /// not shared): an `exit` into a compiled loop continues there (see
    /// [`super::ExitLink`]) when it can; else stores the exit's live values,
    /// the fuel and the trace id, and returns `index`.
    fn exit_code(&mut self, index: usize) -> Result<(), String> {
        let live = self
            .exits
            .get(index)
            .ok_or_else(|| self.err("exit count differs from the guard count"))?
            .live
            .clone();
        let link = self.link.exits.get(index).cloned().flatten();
        let snap = self.exits[index].snap;
        match link {
            Some(ExitLink {
                cell,
                frame_regs: Some(regs),
                loopbacks,
            }) => {
                self.frame_link(cell, &regs, snap, loopbacks)?;
            }
            Some(_) => return Err(self.err("a guard-style link on an unshared exit")),
            None => {}
        }
        self.store_live(&live)?;
        if let Some(f) = self.fuel {
            self.b.ins().store(mem(), f, self.ctx, CTX_FUEL_OFFSET);
        }
        let id = self.b.ins().iconst(types::I32, self.link.trace_id as i64);
        self.b.ins().store(mem(), id, self.ctx, CTX_TRACE_OFFSET);
        let code = self.b.ins().iconst(types::I32, index as i64);
        self.b.ins().return_(&[code]);
        Ok(())
    }

    /// Stores the values `live` at their buffer slots ([`exits`]), but for
    /// inputs already in their slot and holes.
    fn store_live(&mut self, live: &[Ref]) -> Result<(), String> {
        for r in live {
            if r.is_const() {
                continue;
            }
            let j = self.slots[r.index()] as usize;
            if self.homes.get(r.index()) == Some(&Some(j)) {
                continue;
            }
            let v = self.val(*r)?;
            self.store_value(v, self.buf, (j * VALUE_SIZE) as i32);
        }
        Ok(())
    }

    /// Builds the virtual objects of snapshot `snap` (for a linked exit,
    /// which goes on in other code instead of the driver's `deoptimize`):
    /// allocates them all, then fills them, as `deoptimize` does.
    fn materialise(&mut self, snap: SnapId) -> Result<Vec<Val>, String> {
        let virtuals = self.t.snapshots[snap as usize].virtuals.clone();
        let mut objs = Vec::with_capacity(virtuals.len());
        for v in &virtuals {
            let obj = match v {
                Virtual::List(_) => {
                    self.call_vals(Tramp::NewList, &[], 0)?;
                    self.result(Some(Tag::List))
                }
                Virtual::Dict(_) => {
                    self.call_vals(Tramp::NewDict, &[], 0)?;
                    self.result(Some(Tag::Dict))
                }
                Virtual::Record(class, fields) => {
                    let SnapValue::Ref(class) = class else {
                        return Err(self.err("a virtual record whose class is virtual"));
                    };
                    // Made with `None` fields; the others are stored in
                    // place below (most fields of a new object are `None`:
                    // passing each through the call slot cost two stores).
                    let class = self.val(*class)?;
                    self.call_vals(Tramp::NewRecordOfNones, &[class], fields.len() as u64)?;
                    self.result(Some(Tag::Record))
                }
                // Built below, once its parts are.
                Virtual::Tuple(_) => self.konst(Value::None),
            };
            objs.push(obj);
        }
        for i in tuple_order(&virtuals) {
            let Virtual::Tuple(parts) = &virtuals[i] else {
                continue;
            };
            let vals = parts
                .iter()
                .map(|p| self.snap_val(p, &objs))
                .collect::<Result<Vec<_>, _>>()?;
            self.call_vals(Tramp::Call, &vals, &NEW_TUPLE as *const Helper as u64)?;
            objs[i] = self.result(Some(Tag::Tuple));
        }
        for (v, obj) in virtuals.iter().zip(objs.clone()) {
            match v {
                Virtual::List(items) => {
                    for x in items {
                        let x = self.snap_val(x, &objs)?;
                        self.call_vals(Tramp::ListAppend, &[obj, x], 0)?;
                    }
                }
                Virtual::Dict(entries) => {
                    for (k, x) in entries {
                        let k = self.val(*k)?;
                        let x = self.snap_val(x, &objs)?;
                        self.call_vals(Tramp::DictSet, &[obj, k, x], 0)?;
                    }
                }
                Virtual::Record(_, fields) => {
                    // In place: the record was just made, all `None`.
                    let mut rec = None;
                    let mut spill = None;
                    for (i, x) in fields.iter().enumerate() {
                        let x = self.snap_val(x, &objs)?;
                        if let Val::Known(Tag::None, _) = x {
                            continue;
                        }
                        let rec = *rec.get_or_insert_with(|| self.payload_i64(obj));
                        // The spill's address is loaded once per record.
                        let (base, off) = if i < heap::RECORD_INLINE {
                            self.known_field_loc(rec, i as u32)
                        } else {
                            let base =
                                *spill.get_or_insert_with(|| self.known_field_loc(rec, i as u32).0);
                            (base, ((i - heap::RECORD_INLINE) * VALUE_SIZE) as i32)
                        };
                        self.store_value(x, base, off);
                    }
                }
                Virtual::Tuple(_) => {}
            }
        }
        Ok(objs)
    }

    /// A snapshot value: a value of the trace, or one of the built `objs`.
    fn snap_val(&mut self, v: &SnapValue, objs: &[Val]) -> Result<Val, String> {
        match v {
            SnapValue::Ref(r) => self.val(*r),
            SnapValue::Virtual(i) => objs
                .get(*i as usize)
                .copied()
                .ok_or_else(|| self.err("a snapshot refers to a missing virtual")),
        }
    }

    /// Does the delayed writes of snapshot `snap`, in order, as the driver's
    /// exit would (a linked exit does not go through it); `objs` are the
    /// snapshot's virtual objects, built.
    fn replay_pending(&mut self, snap: SnapId, objs: &[Val]) -> Result<(), String> {
        let pending = self.t.snapshots[snap as usize].pending.clone();
        for p in &pending {
            let mut v = |x: &SnapValue| self.snap_val(x, objs);
            let (tramp, args, imm) = match p {
                PendingWrite::DictSet(d, k, x) => (Tramp::DictSet, vec![v(d)?, v(k)?, v(x)?], 0),
                PendingWrite::ListAppend(l, x) => (Tramp::ListAppend, vec![v(l)?, v(x)?], 0),
                PendingWrite::ListSet(l, i, x) => (Tramp::ListSet, vec![v(l)?, v(i)?, v(x)?], 0),
                PendingWrite::ListTruncate(l, n) => (Tramp::ListTruncate, vec![v(l)?, v(n)?], 0),
                PendingWrite::SetField(o, k, x) => (Tramp::SetField, vec![v(o)?, v(x)?], *k as u64),
            };
            // These trampolines never raise: the status is OK.
            self.call_vals(tramp, &args, imm)?;
        }
        Ok(())
    }

    /// Branches on `cond` into two new cold blocks and goes on in the one
    /// taken when `cond` is non-zero; returns the other, for the caller to
    /// switch to when that path is done.
    fn cold_branch(&mut self, cond: ir::Value) -> Block {
        let go = self.slow_block();
        let ret = self.slow_block();
        self.b.ins().brif(cond, go, &[], ret, &[]);
        self.b.switch_to_block(go);
        ret
    }

    /// The word at the link cell `cell` (the address of code, or 0).
    fn load_cell(&mut self, cell: usize) -> ir::Value {
        let addr = self.b.ins().iconst(self.ptr, cell as i64);
        self.b.ins().load(self.ptr, mem(), addr, 0)
    }

    /// An exit at a loop header that enters the loop's compiled code when
    /// there is some and fuel is left: stores `regs` as the loop's inputs,
    /// spends one unit of fuel and tail-calls it. Otherwise falls through
    /// (in a fresh block) to the plain exit.
    fn frame_link(
        &mut self,
        cell: usize,
        regs: &[SnapValue],
        snap: SnapId,
        loopbacks: Option<(usize, i64)>,
    ) -> Result<(), String> {
        let target = self.load_cell(cell);
        let fuel = match self.fuel {
            Some(f) => f,
            None => self
                .b
                .ins()
                .load(types::I64, mem(), self.ctx, CTX_FUEL_OFFSET),
        };
        let left = self.b.ins().iadd_imm_s(fuel, -1);
        let has_code = self.b.ins().icmp_imm_s(IntCC::NotEqual, target, 0);
        let has_fuel = self
            .b
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, left, 0);
        let mut go_ok = self.b.ins().band(has_code, has_fuel);
        if let Some((counter, limit)) = loopbacks {
            let n = self.bump_counter(counter);
            let below = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, n, limit);
            go_ok = self.b.ins().band(go_ok, below);
        }
        let ret = self.cold_branch(go_ok);
        let objs = self.materialise(snap)?;
        self.replay_pending(snap, &objs)?;
        for (j, r) in regs.iter().enumerate() {
            let v = self.snap_val(r, &objs)?;
            self.store_value(v, self.buf, (j * VALUE_SIZE) as i32);
        }
        self.b.ins().store(mem(), left, self.ctx, CTX_FUEL_OFFSET);
        self.b
            .ins()
            .return_call_indirect(self.tail_sig, target, &[self.ctx, self.buf]);
        self.b.switch_to_block(ret);
        Ok(())
    }

    /// `finish v`: the root frame returns `v`. Leaves it in buffer slot 0
    /// and returns [`STATUS_FINISH`] to whoever called this code.
    fn finish(&mut self, a: Ref) -> Result<(), String> {
        let v = self.val(a)?;
        self.store_value(v, self.buf, 0);
        if let Some(f) = self.fuel {
            self.b.ins().store(mem(), f, self.ctx, CTX_FUEL_OFFSET);
        }
        let id = self.b.ins().iconst(types::I32, self.link.trace_id as i64);
        self.b.ins().store(mem(), id, self.ctx, CTX_TRACE_OFFSET);
        let code = self.b.ins().iconst(types::I32, STATUS_FINISH as i64);
        self.b.ins().return_(&[code]);
        Ok(())
    }

    /// `call_trace cell, args...`: exits (before doing anything) unless the
    /// cell holds code and the stack pointer is above the context's limit
    /// (see `runtime::STACK_BUDGET`); else
    /// stores `args` as the callee's inputs and calls it. Its result is the
    /// value it finished with, or `Absent` when it left machine code, after
    /// handing its exit to `save_nested` (the guard on the result that the
    /// recorder puts after every `call_trace` then takes this trace's exit).
    fn call_trace(&mut self, args: &[Ref]) -> Result<Val, String> {
        let cell = args
            .first()
            .and_then(|c| self.t.as_int(*c))
            .ok_or_else(|| self.err("call_trace without a constant cell"))?;
        let nested_sig = self
            .nested_sig
            .ok_or_else(|| self.err("no save_nested signature"))?;
        let target = self.load_cell(cell as usize);
        let limit = self
            .b
            .ins()
            .load(self.ptr, mem(), self.ctx, CTX_STACK_LIMIT_OFFSET);
        let sp = self.b.ins().get_stack_pointer(self.ptr);
        let has_code = self.b.ins().icmp_imm_s(IntCC::NotEqual, target, 0);
        let room = self.b.ins().icmp(IntCC::UnsignedGreaterThan, sp, limit);
        let ok = self.b.ins().band(has_code, room);
        self.guard(ok, true)?;
        for (j, a) in args[1..].iter().enumerate() {
            let v = self.val(*a)?;
            self.store_value(v, self.buf, (j * VALUE_SIZE) as i32);
        }
        if let Some(f) = self.fuel {
            self.b.ins().store(mem(), f, self.ctx, CTX_FUEL_OFFSET);
        }
        let call = self
            .b
            .ins()
            .call_indirect(self.tail_sig, target, &[self.ctx, self.buf]);
        let status = self.b.inst_results(call)[0];
        if self.fuel.is_some() {
            self.fuel = Some(
                self.b
                    .ins()
                    .load(types::I64, mem(), self.ctx, CTX_FUEL_OFFSET),
            );
        }
        let done = self.b.create_block();
        let left = self.slow_block();
        let join = self.b.create_block();
        let tag = self.b.append_block_param(join, types::I8);
        let norm = self.b.append_block_param(join, types::I64);
        let finished = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, status, STATUS_FINISH as i64);
        self.b.ins().brif(finished, done, &[], left, &[]);
        self.b.switch_to_block(done);
        let t = self.b.ins().load(types::I8, mem(), self.buf, TAG_OFFSET);
        let raw = self
            .b
            .ins()
            .load(types::I64, mem(), self.buf, PAYLOAD_OFFSET);
        let n = self.normalise(t, raw);
        self.jump_with(join, &[t, n]);
        self.b.switch_to_block(left);
        let f = self
            .b
            .ins()
            .iconst(self.ptr, save_nested as *const () as usize as i64);
        self.b
            .ins()
            .call_indirect(nested_sig, f, &[self.ctx, self.buf, status]);
        let absent = self.b.ins().iconst(types::I8, Tag::Absent.byte() as i64);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.jump_with(join, &[absent, zero]);
        self.b.switch_to_block(join);
        Ok(Val::Dyn {
            tag,
            norm: Some(norm),
            raw: norm,
        })
    }

    // ---- calls ----

    /// Calls a trampoline with `args` in slot values 1.., returns its status.
    fn call(&mut self, tramp: Tramp, args: &[Ref], imm: u64) -> Result<ir::Value, String> {
        let vals = args
            .iter()
            .map(|a| self.val(*a))
            .collect::<Result<Vec<_>, _>>()?;
        self.call_vals(tramp, &vals, imm)
    }

    /// Calls a trampoline with the values `vals` in slot values 1.., returns its status.
    fn call_vals(&mut self, tramp: Tramp, vals: &[Val], imm: u64) -> Result<ir::Value, String> {
        let (Some(slot), Some(sig)) = (self.slot, self.tramp_sig) else {
            return Err(self.err("no call slot"));
        };
        let n_args = vals.len();
        let base = self.slot_addr(slot);
        for (j, v) in vals.iter().enumerate() {
            self.store_value_wide(*v, base, ((j + 1) * VALUE_SIZE) as i32);
        }
        let target = self.iconst(self.ptr, tramp.addr() as i64);
        let n = self.iconst(types::I64, n_args as i64);
        let imm = self.iconst(types::I64, imm as i64);
        let call = self
            .b
            .ins()
            .call_indirect(sig, target, &[self.ctx, base, n, imm]);
        Ok(self.b.inst_results(call)[0])
    }

    /// The address of the call slot, made once per block.
    fn slot_addr(&mut self, slot: ir::StackSlot) -> ir::Value {
        let block = self.b.current_block();
        match self.slot_addr_here {
            Some((b, v)) if Some(b) == block => v,
            _ => {
                let v = self.b.ins().stack_addr(self.ptr, slot, 0);
                self.slot_addr_here = block.map(|b| (b, v));
                v
            }
        }
    }

    /// The value the last trampoline left in slot value 0.
    fn result(&mut self, tag: Option<Tag>) -> Val {
        let slot = self.slot.expect("result after a call");
        let base = self.slot_addr(slot);
        match tag {
            Some(tag) => {
                let p = self
                    .b
                    .ins()
                    .load(payload_type(tag), mem(), base, PAYLOAD_OFFSET);
                Val::Known(tag, p)
            }
            None => {
                // Trampolines store normalised payloads.
                let tag = self.b.ins().load(types::I8, mem(), base, TAG_OFFSET);
                let norm = self.b.ins().load(types::I64, mem(), base, PAYLOAD_OFFSET);
                Val::Dyn {
                    tag,
                    norm: Some(norm),
                    raw: norm,
                }
            }
        }
    }
}

// ---- cells, read and written in place ----
//
// A cell's value sits at `cell::CELL_VALUE_OFFSET` and its mark at
// `cell::CELL_MARK_OFFSET` (`cell::Cell`, `repr(C)`). A cell is mutable,
// so every `cell_get` loads (the heap cache has already forwarded the
// reads it could); `cell_mark` loads the mark, which never changes. No write barrier, as for
// records: no object is black while a trace runs. An operand whose tag no
// guard has fixed and turns out not to be a cell is what the helpers do
// with it: `cell_get` leaves through the bug block (its helper panics),
// `cell_set` does nothing.
impl Lower<'_, '_, '_> {
    /// `call cell_get, c` as a load. On a non-cell the helper panics (an
    /// interpreter bug): the shared bug block stands for it.
    fn cell_get(&mut self, args: &[Ref]) -> Result<Val, String> {
        let bug = self.bug_block();
        let cell = self.expect_tag(args[0], Tag::Cell, bug)?;
        Ok(self.load_value(cell, CELL_VALUE_OFFSET))
    }

    /// `call cell_mark, c` as a load of the cell's mark (fixed when the cell
    /// was made). On a non-cell the helper panics: the bug block.
    fn cell_mark(&mut self, args: &[Ref]) -> Result<Val, String> {
        let bug = self.bug_block();
        let cell = self.expect_tag(args[0], Tag::Cell, bug)?;
        let mark = self.b.ins().load(types::I64, mem(), cell, CELL_MARK_OFFSET);
        Ok(Val::Known(Tag::Int, mark))
    }

    /// `call cell_set, c, v` as a store; its result is `None`. The helper
    /// does nothing to a non-cell, so neither does this.
    fn cell_set(&mut self, args: &[Ref]) -> Result<Val, String> {
        let value = self.val(args[1])?;
        let join = self.b.create_block();
        let cell = self.expect_tag(args[0], Tag::Cell, join)?;
        self.store_value(value, cell, CELL_VALUE_OFFSET);
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
        let none = self.iconst(types::I64, 0);
        Ok(Val::Known(Tag::None, none))
    }
}

// ---- lists and tuples, read (and lists written) in place ----
//
// A list's layout is fixed (`heap::List`, `repr(C)`): the address of item 0
// and the length, both refreshed by every heap function that changes the
// list. Trace code loads both at each access, because any trampoline or
// helper call in between (an append, a pop, a guest builtin) may have
// resized or reallocated the buffer; between two calls nothing else runs,
// so the loaded words are current. A tuple never changes (`tuple::Tuple`,
// `repr(C)`): its head at offset 0, then its argument storage, whose
// discriminant byte is the arity of an inline tuple and 0 for a boxed one
// (see `tuple.rs`); a boxed one keeps its arguments' address and count in
// the next two words. Whatever is outside the fast path (a negative or too
// large index, an operand whose tag no guard has fixed and turns out
// wrong) takes a list op's trampoline, so the semantics stay those of the
// interpreter's heap functions, or, for a tuple (whose helpers panic
// there), the bug block; machine code never reads an object as a type it
// is not. No write barrier, as for records.
impl Lower<'_, '_, '_> {
    /// A new cold block (an op's slow path, an exit).
    fn slow_block(&mut self) -> Block {
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        slow
    }

    /// Continues on a new block if operand `r` has tag `tag`, else jumps to
    /// `slow`, where the trampoline or helper reports the mismatch as the
    /// interpreter's heap function would (the trace normally guarantees the
    /// tag; this keeps machine code from reading a non-list as a list when
    /// it does not). Returns the operand's payload: for a heap tag, the
    /// object's address.
    fn expect_tag(&mut self, r: Ref, tag: Tag, slow: Block) -> Result<ir::Value, String> {
        let v = self.val(r)?;
        let ok = match v {
            Val::Known(t, _) if t == tag => return Ok(self.payload_i64(v)),
            Val::Known(..) => self.b.ins().iconst(types::I8, 0),
            Val::Dyn { tag: t, .. } => self.b.ins().icmp_imm_s(IntCC::Equal, t, tag.byte() as i64),
        };
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], slow, &[]);
        self.b.switch_to_block(cont);
        Ok(match v {
            Val::Dyn { raw, .. } => raw,
            _ => self.payload_i64(v),
        })
    }

    /// Continues on a new block if `index <u limit` (so a negative index is
    /// outside too), else jumps to `slow`; returns the address of value
    /// `index` of the buffer whose address `base_of` computes (only on the
    /// fast path, as it may not be valid otherwise).
    fn indexed_addr(
        &mut self,
        index: ir::Value,
        limit: ir::Value,
        slow: Block,
        base_of: impl FnOnce(&mut Self) -> ir::Value,
    ) -> ir::Value {
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, index, limit);
        let fast = self.b.create_block();
        self.b.ins().brif(inside, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let base = base_of(self);
        let offset = self
            .b
            .ins()
            .ishl_imm_u(index, VALUE_SIZE.trailing_zeros() as i64);
        self.b.ins().iadd(base, offset)
    }

    /// Loads the value at `addr` (on the current, fast block), lowers the
    /// slow path with `slow_path` in block `slow`, and joins the two. Only
    /// the tag and the raw word cross the join; the normalised word is
    /// computed where it is used (Cranelift keeps unused block params).
    fn load_or(
        &mut self,
        addr: ir::Value,
        slow: Block,
        slow_path: impl FnOnce(&mut Self) -> Result<Val, String>,
    ) -> Result<Val, String> {
        let join = self.b.create_block();
        self.b.append_block_param(join, types::I8);
        self.b.append_block_param(join, types::I64);
        let tag = self.b.ins().load(types::I8, mem(), addr, TAG_OFFSET);
        let raw = self.b.ins().load(types::I64, mem(), addr, PAYLOAD_OFFSET);
        self.jump_with(join, &[tag, raw]);
        self.b.switch_to_block(slow);
        let Val::Dyn { tag, raw, .. } = slow_path(self)? else {
            return Err(self.err("the slow path's result has a known tag"));
        };
        self.jump_with(join, &[tag, raw]);
        self.b.switch_to_block(join);
        let (tag, raw) = (self.b.block_params(join)[0], self.b.block_params(join)[1]);
        Ok(Val::Dyn {
            tag,
            norm: None,
            raw,
        })
    }

    /// Joins an int computed on the fast path (the current block) with the
    /// int result of `slow_path` lowered in block `slow`.
    fn int_or(
        &mut self,
        fast: ir::Value,
        slow: Block,
        slow_path: impl FnOnce(&mut Self) -> Result<Val, String>,
    ) -> Result<Val, String> {
        let join = self.b.create_block();
        self.b.append_block_param(join, types::I64);
        self.jump_with(join, &[fast]);
        self.b.switch_to_block(slow);
        let Val::Known(Tag::Int, n) = slow_path(self)? else {
            return Err(self.err("the slow path's result is not a known int"));
        };
        self.jump_with(join, &[n]);
        self.b.switch_to_block(join);
        Ok(Val::Known(Tag::Int, self.b.block_params(join)[0]))
    }

    /// `list_len l` as one load (and no slow path once a guard fixed the tag).
    fn list_len(&mut self, op: &Op, l: Ref) -> Result<Val, String> {
        if let Val::Known(Tag::List, list) = self.val(l)? {
            let len = self
                .b
                .ins()
                .load(types::I64, mem(), list, heap::LIST_LEN_OFFSET);
            return Ok(Val::Known(Tag::Int, len));
        }
        let slow = self.slow_block();
        let list = self.expect_tag(l, Tag::List, slow)?;
        let len = self
            .b
            .ins()
            .load(types::I64, mem(), list, heap::LIST_LEN_OFFSET);
        self.int_or(len, slow, |lw| {
            lw.call(Tramp::ListLen, &op.args(), 0)?;
            Ok(lw.result(Some(Tag::Int)))
        })
    }

    /// The address of item `i` of list `l` on the fast path, which needs a
    /// list, an int and `0 <= i < len`; else jumps to `slow`.
    fn item_addr(&mut self, l: Ref, i: Ref, slow: Block) -> Result<ir::Value, String> {
        let list = self.expect_tag(l, Tag::List, slow)?;
        let index = self.expect_tag(i, Tag::Int, slow)?;
        let len = self
            .b
            .ins()
            .load(types::I64, mem(), list, heap::LIST_LEN_OFFSET);
        Ok(self.indexed_addr(index, len, slow, |lw| {
            lw.b.ins()
                .load(types::I64, mem(), list, heap::LIST_ITEMS_OFFSET)
        }))
    }

    /// `list_get l, i`: a load when `i` is in range, else the trampoline.
    fn list_get(&mut self, op: &Op, l: Ref, i: Ref) -> Result<Val, String> {
        let slow = self.slow_block();
        let addr = self.item_addr(l, i, slow)?;
        self.load_or(addr, slow, |lw| {
            lw.call(Tramp::ListGet, &op.args(), 0)?;
            Ok(lw.result(None))
        })
    }

    /// `list_set l, i, v`: a store when `i` is in range, else the trampoline.
    fn list_set(&mut self, op: &Op, l: Ref, i: Ref, v: Ref) -> Result<(), String> {
        let value = self.val(v)?;
        let slow = self.slow_block();
        let addr = self.item_addr(l, i, slow)?;
        let join = self.b.create_block();
        self.store_value(value, addr, 0);
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(slow);
        self.call(Tramp::ListSet, &op.args(), 0)?;
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
        Ok(())
    }

    /// The address of a tuple's first argument and its number of
    /// arguments (`i64`), without a branch: an inline tuple (non-zero arity
    /// byte) has them in place, a boxed one has their address and count in
    /// the two words where inline values would start. Both words are read
    /// either way (every tuple object is that large: an inline one has at
    /// least one argument, a boxed one those two words).
    fn tuple_items(&mut self, tuple: ir::Value) -> (ir::Value, ir::Value) {
        let d = self
            .b
            .ins()
            .load(types::I8, mem(), tuple, tuple::TUPLE_ARITY_OFFSET);
        let d = self.b.ins().uextend(types::I64, d);
        let inline = self.b.ins().icmp_imm_s(IntCC::NotEqual, d, 0);
        let here = self
            .b
            .ins()
            .iadd_imm_s(tuple, tuple::TUPLE_INLINE_OFFSET as i64);
        let addr = self
            .b
            .ins()
            .load(types::I64, mem(), tuple, tuple::TUPLE_BOXED_ADDR_OFFSET);
        let len = self
            .b
            .ins()
            .load(types::I64, mem(), tuple, tuple::TUPLE_BOXED_LEN_OFFSET);
        let base = self.b.ins().select(inline, here, addr);
        let len = self.b.ins().select(inline, d, len);
        (base, len)
    }

    // The tuple helpers panic on a non-tuple or an index out of range (the
    // interpreter checks both first: an interpreter bug), so their inline
    // code leaves through the shared bug block there instead of calling
    // them: a slow path per read was a fifth of the Cranelift instructions
    // of Prolog's clause-level traces.

    /// `call tuple_head, t` as a load.
    fn tuple_head(&mut self, args: &[Ref]) -> Result<Val, String> {
        let bug = self.bug_block();
        let tuple = self.expect_tag(args[0], Tag::Tuple, bug)?;
        Ok(self.load_value(tuple, tuple::TUPLE_HEAD_OFFSET))
    }

    /// `call tuple_len, t` as loads.
    fn tuple_len(&mut self, args: &[Ref]) -> Result<Val, String> {
        let bug = self.bug_block();
        let tuple = self.expect_tag(args[0], Tag::Tuple, bug)?;
        let (_, len) = self.tuple_items(tuple);
        Ok(Val::Known(Tag::Int, len))
    }

    /// `call tuple_get, t, i`: a load (`i` in range).
    fn tuple_get(&mut self, args: &[Ref]) -> Result<Val, String> {
        let bug = self.bug_block();
        let tuple = self.expect_tag(args[0], Tag::Tuple, bug)?;
        let index = self.expect_tag(args[1], Tag::Int, bug)?;
        let (base, len) = self.tuple_items(tuple);
        let addr = self.indexed_addr(index, len, bug, |_| base);
        Ok(self.load_value(addr, 0))
    }
}

// ---- word stores, read and written in place ----
//
// A store's header (`words::Words`, `repr(C)`) holds the address of word 0,
// the length and the capacity, refreshed by every Rust function that
// changes them. Trace code loads the header at each access: a push (inline
// or through its trampoline, which may move the words to a bigger buffer),
// a truncation or a helper may have changed it since, and Cranelift merges
// the loads it can prove redundant within a block. An index outside
// `0..len` (compared unsigned, so negative ones too) leaves through the
// op's guard exit before any word is touched; the interpreter then finds
// the same index out of range. An operand whose tag no guard has fixed
// and turns out not to be a store is an interpreter bug (the plain `Meta`
// panics there): the bug block. Words hold no GC pointers: no barrier.
impl Lower<'_, '_, '_> {
    /// The store's address (a non-store: the bug block). The check
    /// dominates every later op (the bug block does not come back), so the
    /// operand's tag is known from here on: a loop's store, checked once
    /// per iteration, not once per access.
    fn words_ptr(&mut self, w: Ref) -> Result<ir::Value, String> {
        let bug = self.bug_block();
        let known = matches!(self.val(w)?, Val::Known(Tag::Words, _));
        let ptr = self.expect_tag(w, Tag::Words, bug)?;
        if !known && !w.is_const() {
            self.vals[w.index()] = Some(Val::Known(Tag::Words, ptr));
        }
        Ok(ptr)
    }

    /// The loaded length and buffer address of store `w`, if still current.
    fn words_hdr(&self, w: Ref) -> Option<WordsHdr> {
        self.words_hdr.iter().find(|h| h.store == w).copied()
    }

    /// After a write to store `w` that left its header as `hdr`: other
    /// refs may name the same store, so what is known of them goes.
    fn set_words_hdr(&mut self, hdr: WordsHdr) {
        self.words_hdr.clear();
        self.words_hdr.push(hdr);
    }

    /// `words_len w`: one load (none when an access since the last change
    /// loaded it).
    fn words_len(&mut self, w: Ref) -> Result<Val, String> {
        if let Some(h) = self.words_hdr(w) {
            return Ok(Val::Known(Tag::Int, h.len));
        }
        let store = self.words_ptr(w)?;
        let len = self
            .b
            .ins()
            .load(types::I64, mem(), store, WORDS_LEN_OFFSET);
        Ok(Val::Known(Tag::Int, len))
    }

    /// The address of word `i` of store `w`, after the guard (this op's
    /// exit) that `0 <= i < len`. The length and buffer address are loaded
    /// at the first access and reused by later ones until an op that may
    /// change them (`op` clears them): each later op is dominated by the
    /// blocks of earlier ones, where they were loaded.
    fn word_addr(&mut self, w: Ref, i: Ref) -> Result<ir::Value, String> {
        let index = self.int(i)?;
        let cached = self.words_hdr(w);
        let (len, store) = match cached {
            Some(h) => (h.len, None),
            None => {
                let store = self.words_ptr(w)?;
                let len = self
                    .b
                    .ins()
                    .load(types::I64, mem(), store, WORDS_LEN_OFFSET);
                (len, Some(store))
            }
        };
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, index, len);
        self.guard(inside, true)?;
        let base = match (cached, store) {
            (Some(h), _) => h.base,
            (None, store) => {
                let store = store.ok_or_else(|| self.err("no store address"))?;
                let base = self
                    .b
                    .ins()
                    .load(types::I64, mem(), store, WORDS_BASE_OFFSET);
                self.words_hdr.push(WordsHdr {
                    store: w,
                    len,
                    base,
                    cap: None,
                });
                base
            }
        };
        let offset = self.b.ins().ishl_imm_u(index, 3);
        Ok(self.b.ins().iadd(base, offset))
    }

    /// `words_get w, i`: a guarded load.
    fn words_get(&mut self, w: Ref, i: Ref) -> Result<Val, String> {
        let addr = self.word_addr(w, i)?;
        let x = self.b.ins().load(types::I64, mem(), addr, 0);
        Ok(Val::Known(Tag::Int, x))
    }

    /// `words_set w, i, v`: a guarded store.
    fn words_set(&mut self, w: Ref, i: Ref, v: Ref) -> Result<(), String> {
        let x = self.int(v)?;
        let addr = self.word_addr(w, i)?;
        self.b.ins().store(mem(), x, addr, 0);
        Ok(())
    }

    /// `words_push w, v`: a store and a length update when the buffer has
    /// room, else the trampoline (which grows the buffer). The header
    /// after it (the new length, and the base and capacity, reloaded on
    /// the slow path) is known to later ops, so a run of pushes loads it once.
    fn words_push(&mut self, w: Ref, v: Ref) -> Result<(), String> {
        let x = self.int(v)?;
        let store = self.words_ptr(w)?;
        let cached = self.words_hdr(w);
        let load = |lw: &mut Self, off| lw.b.ins().load(types::I64, mem(), store, off);
        let len = match cached {
            Some(h) => h.len,
            None => load(self, WORDS_LEN_OFFSET),
        };
        let cap = match cached.and_then(|h| h.cap) {
            Some(cap) => cap,
            None => load(self, WORDS_CAP_OFFSET),
        };
        let room = self.b.ins().icmp(IntCC::UnsignedLessThan, len, cap);
        let fast = self.b.create_block();
        let slow = self.slow_block();
        let join = self.b.create_block();
        for _ in 0..3 {
            self.b.append_block_param(join, types::I64);
        }
        self.b.ins().brif(room, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let base = match cached {
            Some(h) => h.base,
            None => load(self, WORDS_BASE_OFFSET),
        };
        let offset = self.b.ins().ishl_imm_u(len, 3);
        let addr = self.b.ins().iadd(base, offset);
        self.b.ins().store(mem(), x, addr, 0);
        let next = self.b.ins().iadd_imm_s(len, 1);
        self.b.ins().store(mem(), next, store, WORDS_LEN_OFFSET);
        self.jump_with(join, &[next, base, cap]);
        self.b.switch_to_block(slow);
        self.call(Tramp::WordsPush, &[w, v], 0)?;
        let (len2, base2, cap2) = (
            load(self, WORDS_LEN_OFFSET),
            load(self, WORDS_BASE_OFFSET),
            load(self, WORDS_CAP_OFFSET),
        );
        self.jump_with(join, &[len2, base2, cap2]);
        self.b.switch_to_block(join);
        let p = self.b.block_params(join).to_vec();
        self.set_words_hdr(WordsHdr {
            store: w,
            len: p[0],
            base: p[1],
            cap: Some(p[2]),
        });
        Ok(())
    }

    /// `words_truncate w, n`: the length becomes `n` when `n <u len`
    /// (a negative `n` is a huge unsigned one: no change).
    fn words_truncate(&mut self, w: Ref, n: Ref) -> Result<(), String> {
        let n = self.int(n)?;
        let store = self.words_ptr(w)?;
        let cached = self.words_hdr(w);
        let len = match cached {
            Some(h) => h.len,
            None => self
                .b
                .ins()
                .load(types::I64, mem(), store, WORDS_LEN_OFFSET),
        };
        let shorter = self.b.ins().icmp(IntCC::UnsignedLessThan, n, len);
        let new = self.b.ins().select(shorter, n, len);
        self.b.ins().store(mem(), new, store, WORDS_LEN_OFFSET);
        match cached {
            Some(h) => self.set_words_hdr(WordsHdr { len: new, ..h }),
            None => self.words_hdr.clear(),
        }
        Ok(())
    }
}
