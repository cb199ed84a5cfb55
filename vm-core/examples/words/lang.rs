//! WL, a test language for word stores: one program, written against
//! [`Meta`], that does what a WAM-style engine does with its term store.
//!
//! A word is tagged in its low two bits: `REF(i) = i << 2` (a reference to
//! word `i`), `INT(v) = v << 2 | 1`, `NIL = 3`. A list cell at index `k` is
//! two words: `INT(value)` at `k` and the reference to the next cell (or
//! `NIL`) at `k + 1`. Registers: `[store, i, n, head, acc, reps, corrupt,
//! mark]`. The program's instructions, each a loop header but the first:
//! - pc 0 makes the store (8 words: the build loop grows it many times);
//! - pc 1 builds the list `n-1, ..., 1, 0` by pushing cells (one per
//!   iteration); with `corrupt != 0` it then points the last cell's link at
//!   a word past the end;
//! - pc 2 sums the list `reps` times, following references (one cell per
//!   iteration); a reference out of range is an error;
//! - pc 3 runs `n` choicepoints: each saves the top, pushes three words,
//!   rewrites the first, reads all three back, and truncates to the saved
//!   top (backtracking).
//!
//! The result is `acc`.

use vm_core::exec::{Action, CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::jit::ir::{Cmp, IntOp, OvfOp};
use vm_core::{Meta, Mutation, Value};

/// The `NIL` word.
pub const NIL: i64 = 3;

/// The language.
pub struct WordLang;

/// The program's code object payload (there is one program).
pub struct Program;

/// Registers.
const STORE: usize = 0;
const I: usize = 1;
const N: usize = 2;
const HEAD: usize = 3;
const ACC: usize = 4;
const REPS: usize = 5;
const CORRUPT: usize = 6;
const MARK: usize = 7;
/// Number of registers.
pub const NREGS: usize = 8;

fn k<'gc, M: Meta<'gc>>(m: &mut M, x: i64) -> M::V {
    m.konst(Value::Int(x))
}

/// `INT(v)`.
fn tag_int<'gc, M: Meta<'gc>>(m: &mut M, v: M::V) -> M::V {
    let two = k(m, 2);
    let s = m.int(IntOp::Shl, v, two);
    let one = k(m, 1);
    m.int(IntOp::Or, s, one)
}

/// The payload of a word (its bits above the tag).
fn untag<'gc, M: Meta<'gc>>(m: &mut M, w: M::V) -> M::V {
    let two = k(m, 2);
    m.int(IntOp::Shr, w, two)
}

fn out_of_range<'gc, M: Meta<'gc>>(m: &mut M, what: &str) -> Action<'gc, M::V> {
    Action::Raise(heap::new_str(
        m.mc(),
        &format!("word index out of range ({what})"),
    ))
}

fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    loop {
        let pc = fr.pc;
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        if pc > 0 && m.merge_point(fr, pc) {
            return Action::Jit;
        }
        match pc {
            0 => {
                let w = m.new_words(8);
                m.set_reg(fr, STORE, w);
                let nil = k(m, NIL);
                m.set_reg(fr, HEAD, nil);
                fr.pc = 1;
            }
            1 => {
                let w = m.reg(fr, STORE);
                let i = m.reg(fr, I);
                let n = m.reg(fr, N);
                let more = m.int_cmp(Cmp::Lt, i, n);
                if m.truth(more) {
                    // Decisions first, then the writes.
                    let one = k(m, 1);
                    let Some(i1) = m.int_ovf(OvfOp::Add, i, one) else {
                        return out_of_range(m, "count");
                    };
                    let top = m.words_len(w);
                    let head = m.reg(fr, HEAD);
                    let cell = tag_int(m, i);
                    m.words_push(w, cell);
                    m.words_push(w, head);
                    let two = k(m, 2);
                    let r = m.int(IntOp::Shl, top, two);
                    m.set_reg(fr, HEAD, r);
                    m.set_reg(fr, I, i1);
                } else {
                    let corrupt = m.reg(fr, CORRUPT);
                    let zero = k(m, 0);
                    let bad = m.int_cmp(Cmp::Ne, corrupt, zero);
                    if m.truth(bad) {
                        // The last cell (index 0) links to word 1_000_000.
                        let one = k(m, 1);
                        let far = k(m, 1_000_000 << 2);
                        if !m.words_set(w, one, far) {
                            return out_of_range(m, "corrupt");
                        }
                    }
                    let zero = k(m, 0);
                    m.set_reg(fr, ACC, zero);
                    let head = m.reg(fr, HEAD);
                    m.set_reg(fr, I, head);
                    fr.pc = 2;
                }
            }
            2 => {
                let w = m.reg(fr, STORE);
                let cur = m.reg(fr, I);
                let nil = k(m, NIL);
                let at_end = m.int_cmp(Cmp::Eq, cur, nil);
                if m.truth(at_end) {
                    let reps = m.reg(fr, REPS);
                    let one = k(m, 1);
                    let left = m.int(IntOp::Sub, reps, one);
                    m.set_reg(fr, REPS, left);
                    let zero = k(m, 0);
                    let again = m.int_cmp(Cmp::Gt, left, zero);
                    if m.truth(again) {
                        let head = m.reg(fr, HEAD);
                        m.set_reg(fr, I, head);
                    } else {
                        let zero = k(m, 0);
                        m.set_reg(fr, I, zero);
                        fr.pc = 3;
                    }
                    continue;
                }
                // A reference: its cell's value and link.
                let three = k(m, 3);
                let t = m.int(IntOp::And, cur, three);
                let zero = k(m, 0);
                let is_ref = m.int_cmp(Cmp::Eq, t, zero);
                if !m.truth(is_ref) {
                    return Action::Raise(heap::new_str(m.mc(), "not a reference"));
                }
                let idx = untag(m, cur);
                let Some(v) = m.words_get(w, idx) else {
                    return out_of_range(m, "cell");
                };
                let one = k(m, 1);
                let idx1 = m.int(IntOp::Add, idx, one);
                let Some(next) = m.words_get(w, idx1) else {
                    return out_of_range(m, "link");
                };
                let x = untag(m, v);
                let acc = m.reg(fr, ACC);
                let Some(acc) = m.int_ovf(OvfOp::Add, acc, x) else {
                    return out_of_range(m, "sum");
                };
                m.set_reg(fr, ACC, acc);
                m.set_reg(fr, I, next);
            }
            _ => {
                let w = m.reg(fr, STORE);
                let i = m.reg(fr, I);
                let n = m.reg(fr, N);
                let more = m.int_cmp(Cmp::Lt, i, n);
                if !m.truth(more) {
                    let acc = m.reg(fr, ACC);
                    return Action::Return(acc);
                }
                // The choicepoint's top, then the trail of writes: a word
                // rewritten after it was pushed, and read back after that
                // (a bounds guard after a write of the same instruction).
                let mark = m.words_len(w);
                m.set_reg(fr, MARK, mark);
                let one = k(m, 1);
                let two = k(m, 2);
                let i1 = m.int(IntOp::Add, i, one);
                let i2 = m.int(IntOp::Add, i, two);
                let a = tag_int(m, i);
                let b = tag_int(m, i1);
                let c = tag_int(m, i2);
                m.words_push(w, a);
                m.words_push(w, b);
                m.words_push(w, c);
                let doubled = m.int(IntOp::Add, i, i);
                let d = tag_int(m, doubled);
                if !m.words_set(w, mark, d) {
                    return out_of_range(m, "choicepoint");
                }
                let mut sum = k(m, 0);
                for off in 0..3 {
                    let o = k(m, off);
                    let at = m.int(IntOp::Add, mark, o);
                    let Some(x) = m.words_get(w, at) else {
                        return out_of_range(m, "choicepoint");
                    };
                    let x = untag(m, x);
                    sum = m.int(IntOp::Add, sum, x);
                }
                m.words_truncate(w, mark);
                let acc = m.reg(fr, ACC);
                let acc = m.int(IntOp::Add, acc, sum);
                m.set_reg(fr, ACC, acc);
                m.set_reg(fr, I, i1);
            }
        }
    }
}

fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let none = m.konst(Value::None);
    let mut regs = args.to_vec();
    regs.resize(NREGS, none);
    Ok(m.new_frame(0, callee, &regs))
}

impl Language for WordLang {
    fn name(&self) -> &'static str {
        "wl"
    }
    vm_core::language_steps!(step, enter);
    fn catch<'gc>(&self, _mc: &Mutation<'gc>, _fr: &mut Frame<'gc>, _exc: Value<'gc>) -> bool {
        false
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, msg: &str) -> Value<'gc> {
        heap::new_str(mc, &format!("{kind:?}: {msg}"))
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        exc.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| format!("{exc:?}"))
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        FrameInfo {
            lang: "wl",
            name: "main".into(),
            file: "wl".into(),
            line: fr.pc + 1,
            col: 1,
        }
    }
}

/// Runs the program with `n` cells, `reps` sums and a corrupt last link
/// if `corrupt`: the result (or the error message) and what the JIT did.
pub fn run(
    config: vm_core::Config,
    n: i64,
    reps: i64,
    corrupt: bool,
) -> (Result<i64, String>, vm_core::jit::JitStats) {
    let mut vm = vm_core::Vm::new(config);
    vm.register(Box::new(WordLang));
    vm.mutate(move |mc, root| {
        let code = heap::new_code(mc, 0, Box::new(Program), vec![]);
        let mut regs = vec![Value::None; NREGS];
        regs[I] = Value::Int(0);
        regs[N] = Value::Int(n);
        regs[REPS] = Value::Int(reps);
        regs[CORRUPT] = Value::Int(corrupt as i64);
        root.frames.push(Frame::new(0, code, regs));
    });
    let ran = vm.run().map_err(|e| e.message);
    let (result, stats) = vm.mutate(|_, root| {
        let result = match root.result {
            Value::Int(x) => Ok(x),
            other => Err(format!("result {other:?}")),
        };
        (result, root.jit.stats.clone())
    });
    (ran.and(result), stats)
}

/// The same work on a plain Rust `Vec<u64>` (no VM): the baseline.
pub fn run_vec(n: i64, reps: i64) -> i64 {
    let mut w: Vec<u64> = Vec::with_capacity(8);
    let mut head = NIL as u64;
    for i in 0..n {
        let top = w.len() as u64;
        w.push(((i << 2) | 1) as u64);
        w.push(head);
        head = top << 2;
    }
    let mut acc: i64 = 0;
    for _ in 0..reps {
        let mut cur = head;
        while cur != NIL as u64 {
            let idx = (cur >> 2) as usize;
            acc += (w[idx] as i64) >> 2;
            cur = w[idx + 1];
        }
    }
    for i in 0..n {
        let mark = w.len();
        w.push(((i << 2) | 1) as u64);
        w.push((((i + 1) << 2) | 1) as u64);
        w.push((((i + 2) << 2) | 1) as u64);
        w[mark] = (((i + i) << 2) | 1) as u64;
        let mut sum = 0;
        for off in 0..3 {
            sum += (w[mark + off] as i64) >> 2;
        }
        w.truncate(mark);
        acc = acc.wrapping_add(sum);
    }
    acc
}
