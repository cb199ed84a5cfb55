//! Load forwarding for word stores (`words_*` ops, see `crate::words`), in
//! one forward pass.
//!
//! **Loads.** `words_get w, i` after a `words_get` or `words_set` of the
//! same `(w, i)` (the same store ref, an index that is the same ref or the
//! same constant offset of the same ref) becomes the known word, its bounds guard
//! with it: the earlier access passed the same check and nothing since has
//! shortened the store. `words_len w` after a `words_len` of `w` is the
//! known length. A `words_push w, v` on a store whose length `L` is known
//! makes the length `L + 1` (an `int_add` this pass emits) and word `L`
//! known to be `v`, so a term pushed and then read costs no load.
//!
//! **What forgets.** A `words_set w, i, v` forgets the known words of every
//! store that may be `w` at every index that may equal `i`; a push forgets
//! the lengths of stores that may be `w` (other than the one it updates); a
//! `words_truncate` forgets everything known of stores that may be `w`; a
//! helper that writes the heap or runs guest code forgets everything (it
//! may write a store); so does a `label` (what was known before the loop
//! need not hold at the back-edge). Word stores are no lists, dicts,
//! records or cells, so those objects' ops change nothing here (and the
//! heap cache, `heap.rs`, emits `words_*` ops where they stand, neither
//! flushing nor forgetting for them).
//!
//! **Aliasing.** Two refs may be the same store unless they are different
//! constants. Two indices are different when both are `b + c` forms of the
//! same base `b` (an op, or none for constants, following `int_add` /
//! `int_sub` with a constant operand) with different `c`; else they may be
//! equal.
//!
//! **Guarantees at the end:** the trace means the same; no word or length
//! is forwarded across anything that may have changed it.

use gc_arena::Mutation;
use rustc_hash::FxHashMap;

use crate::jit::ir::{Inst, IntOp, Op, OvfOp, Ref, TraceIr};
use crate::jit::opt::rewrite::Rebuild;
use crate::value::Value;

/// Runs the pass.
pub fn run<'gc>(_mc: &Mutation<'gc>, t: &mut TraceIr<'gc>) {
    let (mut rb, old) = Rebuild::start(t);
    let mut known = Known::default();
    for (i, mut inst) in old.into_iter().enumerate() {
        inst.op.map_args(|r| rb.get(r));
        match inst.op {
            Op::WordsLen(w) => {
                if let Some(&n) = known.lens.get(&w) {
                    rb.replace(i, n);
                    continue;
                }
                let r = rb.emit(t, i, inst);
                known.lens.insert(w, r);
            }
            Op::WordsGet(w, x) => {
                let at = linear(t, x);
                if let Some(&v) = known.words.get(&(w, at)) {
                    rb.replace(i, v);
                    continue;
                }
                let r = rb.emit(t, i, inst);
                known.words.insert((w, at), r);
            }
            Op::WordsSet(w, x, v) => {
                let at = linear(t, x);
                rb.emit(t, i, inst);
                known
                    .words
                    .retain(|&(w2, at2), _| !(may_alias(w, w2) && may_equal(at, at2)));
                known.words.insert((w, at), v);
            }
            Op::WordsPush(w, v) => {
                rb.emit(t, i, inst);
                let len = known.lens.get(&w).copied();
                known.lens.retain(|&w2, _| !may_alias(w, w2));
                if let Some(len) = len {
                    let one = t.konst(Value::Int(1));
                    t.ops.push(Inst {
                        op: Op::Int(IntOp::Add, len, one),
                        snap: None,
                    });
                    let next = Ref::op(t.ops.len() - 1);
                    known.lens.insert(w, next);
                    known.words.insert((w, linear(t, len)), v);
                }
            }
            Op::WordsTruncate(w, _) => {
                rb.emit(t, i, inst);
                known.forget_store(w);
            }
            Op::Call(h, _) if h.effects.writes_heap || h.effects.calls_guest => {
                rb.emit(t, i, inst);
                known = Known::default();
            }
            Op::Label(_) => {
                rb.emit(t, i, inst);
                known = Known::default();
            }
            _ => {
                rb.emit(t, i, inst);
            }
        }
    }
    rb.finish(t);
}

/// What is known of the stores at a point of the trace.
#[derive(Default)]
struct Known {
    /// A store's length.
    lens: FxHashMap<Ref, Ref>,
    /// Word `(store, index)`, in range; the index in its [`linear`] form,
    /// so `i + 1` computed twice (or by a push on a known length) is one key.
    words: FxHashMap<(Ref, Linear), Ref>,
}

impl Known {
    /// Forgets what is known of every store that may be `w`.
    fn forget_store(&mut self, w: Ref) {
        self.lens.retain(|&w2, _| !may_alias(w, w2));
        self.words.retain(|&(w2, _), _| !may_alias(w, w2));
    }
}

/// Whether refs `a` and `b` may name the same store.
fn may_alias(a: Ref, b: Ref) -> bool {
    a == b || !(a.is_const() && b.is_const())
}

/// An int as `base + c`: `base` an op (or `None` for a constant).
type Linear = (Option<Ref>, i64);

/// Whether two ints may be equal: unless they are different offsets of
/// the same base.
fn may_equal(a: Linear, b: Linear) -> bool {
    a.0 != b.0 || a.1 == b.1
}

/// `r` as `base + c`, following adds and subtracts of constants.
fn linear(t: &TraceIr<'_>, r: Ref) -> Linear {
    let mut r = r;
    let mut off: i64 = 0;
    for _ in 0..32 {
        if let Some(c) = t.as_int(r) {
            return match off.checked_add(c) {
                Some(s) => (None, s),
                None => (Some(r), off),
            };
        }
        if r.is_const() {
            break;
        }
        let (a, b, neg) = match t.ops[r.index()].op {
            Op::Int(IntOp::Add, a, b) | Op::IntOvf(OvfOp::Add, a, b) => {
                if t.as_int(b).is_some() {
                    (a, b, false)
                } else {
                    (b, a, false)
                }
            }
            Op::Int(IntOp::Sub, a, b) | Op::IntOvf(OvfOp::Sub, a, b) => (a, b, true),
            _ => break,
        };
        let Some(c) = t.as_int(b) else { break };
        let next = if neg {
            c.checked_neg().and_then(|c| off.checked_add(c))
        } else {
            off.checked_add(c)
        };
        match next {
            Some(n) => {
                off = n;
                r = a;
            }
            None => break,
        }
    }
    (Some(r), off)
}

#[cfg(test)]
mod tests {
    use crate::jit::opt::testing::check;

    #[test]
    fn a_load_after_a_load_or_store_of_the_same_word_is_forwarded() {
        check(
            "words",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_get v0, v1 @0
            v3 = words_get v0, v1 @0
            v4 = int_add v2, v3
            words_set v0, v1, v4 @0
            v6 = words_get v0, v1 @0
            v7 = words_len v0
            v8 = words_len v0
            finish v6
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0, v1]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_get v0, v1 @0
            v3 = int_add v2, v2
            words_set v0, v1, v3 @0
            v5 = words_len v0
            finish v3
            ...
            ",
        );
    }

    #[test]
    fn a_store_forgets_words_at_indices_that_may_be_equal() {
        // `v1 + 1` and `v1 + 2` differ; `v1` and `v2` may be equal.
        check(
            "words",
            "
            v0 = input 0
            v1 = input 1
            v2 = input 2
            v3 = int_add v1, 1
            v4 = int_add v1, 2
            v5 = words_get v0, v3 @0
            words_set v0, v4, 7 @0
            v7 = words_get v0, v3 @0
            words_set v0, v2, 8 @0
            v9 = words_get v0, v3 @0
            finish v9
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = input 2
            v3 = int_add v1, 1
            v4 = int_add v1, 2
            v5 = words_get v0, v3 @0
            words_set v0, v4, 7 @0
            words_set v0, v2, 8 @0
            v8 = words_get v0, v3 @0
            finish v8
            ...
            ",
        );
    }

    #[test]
    fn a_push_on_a_known_length_makes_the_pushed_word_known() {
        check(
            "words",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_len v0
            words_push v0, v1
            v4 = words_get v0, v2 @0
            v5 = words_len v0
            v6 = int_add v4, v5
            finish v6
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0, v1]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_len v0
            words_push v0, v1
            v4 = int_add v2, 1
            v5 = int_add v1, v4
            finish v5
            ...
            ",
        );
    }

    #[test]
    fn truncation_helpers_and_labels_forget() {
        check(
            "words",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_get v0, v1 @0
            words_truncate v0, 3
            v4 = words_get v0, v1 @0
            v5 = words_len v0
            v6 = call write_fn, v0
            v7 = words_len v0
            v8 = words_get v0, v1 @0
            v9 = call pure_fn
            v10 = words_get v0, v1 @0
            label v0, v1
            v12 = param 0
            v13 = words_get v0, v1 @0
            jump v0, v1
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0]
            ",
            "
            v0 = input 0
            v1 = input 1
            v2 = words_get v0, v1 @0
            words_truncate v0, 3
            v4 = words_get v0, v1 @0
            v5 = words_len v0
            v6 = call write_fn, v0
            v7 = words_len v0
            v8 = words_get v0, v1 @0
            v9 = call pure_fn
            label v0, v1
            v11 = param 0
            v12 = words_get v0, v1 @0
            jump v0, v1
            ...
            ",
        );
    }

    #[test]
    fn different_constant_stores_do_not_alias() {
        check(
            "words",
            "
            v0 = input 0
            v1 = words_get c1, v0 @0
            words_set c2, v0, 5 @0
            v3 = words_get c1, v0 @0
            finish v3
            snapshot @0
              frame lang=0 code=c0 pc=0 regs=[v0]
            ",
            "
            v0 = input 0
            v1 = words_get c1, v0 @0
            words_set c2, v0, 5 @0
            finish v1
            ...
            ",
        );
    }
}
