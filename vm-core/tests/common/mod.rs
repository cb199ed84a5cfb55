//! A minimal test language for executor tests: two tiny programs written
#![allow(dead_code)] // each test binary uses a subset
//! against `Meta`, enough to exercise calls, returns, raises, fuel and GC.

use vm_core::exec::{Action, CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::jit::ir::{Cmp, OvfOp};
use vm_core::{Meta, Mutation, Value};

/// The test programs.
#[derive(Debug)]
pub enum Prog {
    /// regs [n, result]: returns n by recursing n deep (`f(n) = n == 0 ? 0 : f(n-1) + 1`).
    Recurse,
    /// regs [i, limit, last]: allocates a list `limit` times, keeping only the last.
    AllocLoop,
    /// regs [i, limit, acc]: each iteration builds the tuple `i(acc, 1)` and
    /// sets `acc = head + arg 0 + arg 1` (so acc = the sum of `i + 1`).
    TupleLoop,
    /// regs [i, limit, last]: like `AllocLoop`, but each instruction
    /// allocates `BURST` lists (an instruction that does much work, as a
    /// Prolog step running several goals does).
    BurstLoop,
}

/// The lists one `BurstLoop` instruction allocates.
pub const BURST: i64 = 100;

pub struct TestLang;

fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    let prog = heap::as_code(fr.code)
        .and_then(|c| c.data::<Prog>())
        .expect("test code");
    match prog {
        Prog::Recurse => loop {
            let pc = fr.pc;
            if !m.begin(fr, pc) {
                return Action::Yield;
            }
            match pc {
                0 => {
                    let n = m.reg(fr, 0);
                    let zero = m.konst(Value::Int(0));
                    let is_zero = m.int_cmp(Cmp::Eq, n, zero);
                    if m.truth(is_zero) {
                        return Action::Return(zero);
                    }
                    let one = m.konst(Value::Int(1));
                    let n1 = m.int_ovf(OvfOp::Sub, n, one).expect("no overflow");
                    fr.pc = 1;
                    fr.ret_reg = 1;
                    return Action::Call {
                        callee: fr.code,
                        args: vec![n1],
                    };
                }
                _ => {
                    let r = m.reg(fr, 1);
                    let one = m.konst(Value::Int(1));
                    let r1 = m.int_ovf(OvfOp::Add, r, one).expect("no overflow");
                    return Action::Return(r1);
                }
            }
        },
        Prog::AllocLoop => loop {
            let pc = fr.pc;
            if !m.begin(fr, pc) {
                return Action::Yield;
            }
            if m.merge_point(fr, pc) {
                return Action::Jit;
            }
            let i = m.reg(fr, 0);
            let limit = m.reg(fr, 1);
            let more = m.int_cmp(Cmp::Lt, i, limit);
            if !m.truth(more) {
                let last = m.reg(fr, 2);
                return Action::Return(last);
            }
            let l = m.new_list();
            m.list_append(l, i);
            m.set_reg(fr, 2, l);
            let one = m.konst(Value::Int(1));
            let i1 = m.int_ovf(OvfOp::Add, i, one).expect("no overflow");
            m.set_reg(fr, 0, i1);
        },
        Prog::BurstLoop => loop {
            let pc = fr.pc;
            if !m.begin(fr, pc) {
                return Action::Yield;
            }
            let i = m.reg(fr, 0);
            let limit = m.reg(fr, 1);
            let more = m.int_cmp(Cmp::Lt, i, limit);
            if !m.truth(more) {
                let last = m.reg(fr, 2);
                return Action::Return(last);
            }
            for _ in 0..BURST {
                let l = m.new_list();
                m.list_append(l, i);
                m.set_reg(fr, 2, l);
            }
            let one = m.konst(Value::Int(1));
            let i1 = m.int_ovf(OvfOp::Add, i, one).expect("no overflow");
            m.set_reg(fr, 0, i1);
        },
        Prog::TupleLoop => loop {
            let pc = fr.pc;
            if !m.begin(fr, pc) {
                return Action::Yield;
            }
            if m.merge_point(fr, pc) {
                return Action::Jit;
            }
            let i = m.reg(fr, 0);
            let limit = m.reg(fr, 1);
            let more = m.int_cmp(Cmp::Lt, i, limit);
            if !m.truth(more) {
                let acc = m.reg(fr, 2);
                return Action::Return(acc);
            }
            let acc = m.reg(fr, 2);
            let one = m.konst(Value::Int(1));
            let t = m.new_tuple(i, &[acc, one]);
            assert_eq!(m.tag(t), vm_core::Tag::Tuple);
            let n = m.tuple_len(t);
            let two = m.konst(Value::Int(2));
            let ok = m.int_cmp(Cmp::Eq, n, two);
            assert!(m.truth(ok));
            let zero = m.konst(Value::Int(0));
            let h = m.tuple_head(t);
            let a0 = m.tuple_get(t, zero);
            let a1 = m.tuple_get(t, one);
            let s = m.int_ovf(OvfOp::Add, h, a0).expect("no overflow");
            let s = m.int_ovf(OvfOp::Add, s, a1).expect("no overflow");
            m.set_reg(fr, 2, s);
            let i1 = m.int_ovf(OvfOp::Add, i, one).expect("no overflow");
            m.set_reg(fr, 0, i1);
        },
    }
}

fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let none = m.konst(Value::None);
    let mut regs = args.to_vec();
    regs.resize(3, none);
    Ok(m.new_frame(0, callee, &regs))
}

impl Language for TestLang {
    fn name(&self) -> &'static str {
        "test"
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
            lang: "test",
            name: "f".into(),
            file: "test".into(),
            line: fr.pc + 1,
            col: 1,
        }
    }
}

/// Pushes a frame running `prog` with `regs` onto a fresh VM's stack.
pub fn start(vm: &mut vm_core::Vm, prog: Prog, regs: Vec<i64>) {
    vm.mutate(move |mc, root| {
        let code = heap::new_code(mc, 0, Box::new(prog), vec![]);
        let mut regs: Vec<Value> = regs.into_iter().map(Value::Int).collect();
        regs.resize(3, Value::None);
        root.frames.push(Frame::new(0, code, regs));
    });
}

/// The process's peak resident set in KiB (`VmHWM`), 0 where unknown.
pub fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}
