//! The interpreter loop, written once against [`Meta`], and the
//! [`Language`] implementation.
//!
//! A Prolog query runs in one frame whose register 0 holds the machine-state
//! record (see [`crate::machine`]). The frame's pc says what to do next:
//!
//! - `PRED_BASE + k`: enter user predicate `k` (the goal is in the machine
//!   state). This is the **merge point**: the green key is the predicate, so
//!   the JIT traces the loop of predicate calls a recursion makes;
//! - `PC_RUN` / `PC_REDO`: keep solving / backtrack into the last solution;
//! - `PC_DISPATCH`: read the next pc the helper chose and promote it.
//!
//! Each non-dispatch instruction makes one call of the [`RUN`] helper, which
//! runs goals (control constructs and builtins inline) until the next user
//! predicate call, and stores the next pc in the machine state. The decision
//! on that pc happens in the following instruction, so no instruction
//! decides after its heap writes (the `Meta` contract).

use vm_core::exec::{Action, CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::jit::helpers::{Effects, Helper};
use vm_core::{Meta, Mutation, Value};

use crate::machine::{Eng, MS_NEXT, PC_DISPATCH, PC_DONE, PRED_BASE};
use crate::program::Program;

fn run_helper<'gc>(mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let Some(prog) = heap::as_code(args[0]).and_then(|c| c.data::<Program>()) else {
        return Ok(Value::None);
    };
    let pc = match args[2] {
        Value::Int(i) => i as u32,
        _ => PC_DISPATCH,
    };
    let e = Eng::new(mc, args[1], &prog.g);
    let next = e.run(pc);
    heap::set_field(mc, args[1], MS_NEXT, Value::Int(next as i64));
    Ok(Value::None)
}

/// The machine's one helper: runs goals until the next predicate call.
pub static RUN: Helper = Helper {
    name: "prolog_run",
    func: run_helper,
    effects: Effects {
        reads_heap: true,
        writes_heap: true,
        may_raise: false,
        calls_guest: false,
        elidable: false,
        io: true,
    },
};

fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    loop {
        let pc = fr.pc;
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        if pc == PC_DISPATCH {
            let st = m.reg(fr, 0);
            let nv = m.get_field(st, MS_NEXT);
            let next = match m.promote(nv) {
                Value::Int(i) => i as u32,
                _ => PC_DONE,
            };
            if next == PC_DONE {
                let none = m.konst(Value::None);
                return Action::Return(none);
            }
            fr.pc = next;
            continue;
        }
        if pc >= PRED_BASE && m.merge_point(fr, pc) {
            return Action::Jit;
        }
        let code = m.konst(fr.code);
        let st = m.reg(fr, 0);
        let pcv = m.konst(Value::Int(pc as i64));
        if let Err(exc) = m.call(&RUN, &[code, st, pcv]) {
            return Action::Raise(exc);
        }
        fr.pc = PC_DISPATCH;
    }
}

fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let lang = heap::as_code(callee).map(|c| c.lang).unwrap_or(0);
    Ok(m.new_frame(lang, callee, args))
}

/// The Prolog language for the VM.
pub struct PrologLang;

impl Language for PrologLang {
    fn name(&self) -> &'static str {
        "prolog"
    }
    vm_core::language_steps!(step, enter);
    fn catch<'gc>(&self, _mc: &Mutation<'gc>, _fr: &mut Frame<'gc>, _exc: Value<'gc>) -> bool {
        false
    }
    fn core_error<'gc>(&self, mc: &Mutation<'gc>, kind: CoreError, _msg: &str) -> Value<'gc> {
        match kind {
            CoreError::Recursion => crate::errors::resource_error(mc, "stack"),
            CoreError::NotCallable => {
                crate::errors::type_error(mc, "callable", heap::new_str(mc, "foreign"))
            }
        }
    }
    fn describe_exception<'gc>(&self, exc: Value<'gc>) -> String {
        crate::writer::to_string(exc, crate::writer::Opts::print())
    }
    fn frame_info<'gc>(&self, fr: &Frame<'gc>) -> FrameInfo {
        FrameInfo {
            lang: "prolog",
            name: format!("pc {}", fr.pc),
            file: String::new(),
            line: 0,
            col: 0,
        }
    }
}
