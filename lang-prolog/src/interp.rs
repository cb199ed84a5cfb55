//! The interpreter loop, written once against [`Meta`], and the
//! [`Language`] implementation.
//!
//! A Prolog query runs in one frame whose register 0 holds the machine-state
//! record (see [`crate::machine`]). The frame has two instructions:
//!
//! - `PC_CALL`, the **merge point**: one call of the [`RUN`] helper, which
//!   runs goals (control constructs and builtins inline) until the next
//!   user predicate call, from the machine's next-step value `MS_NEXT`
//!   (`PRED_BASE + k`: enter user predicate `k`; `PC_RUN` / `PC_REDO`:
//!   keep solving / backtrack into the last solution), and stores the next
//!   one there;
//! - `PC_DISPATCH` (the entry): ends the frame when `MS_NEXT` says the query
//!   has an outcome, else goes to `PC_CALL`.
//!
//! The next-step value is data, not a green pc: a trace is one loop of
//! helper calls that exits only when the query ends (before, each
//! predicate was a merge point and the trace promoted the next one, so it
//! exited whenever the order of calls changed, and the JIT was slower than
//! the interpreter). Until head unification and body building are `Meta`
//! operations (see the README's tracing sketch) the trace has nothing to
//! specialise on the predicate. The decision on `MS_NEXT` happens in the
//! instruction after the helper's writes (the `Meta` contract).

use vm_core::exec::{Action, CoreError, Frame, FrameInfo, Language};
use vm_core::heap;
use vm_core::jit::helpers::{Effects, Helper};
use vm_core::{Meta, Mutation, Value};

use crate::machine::{
    Eng, MS_ARGS, MS_NEXT, MS_PGEN, PC_CALL, PC_DISPATCH, PC_DONE, PC_YIELD, PRED_BASE,
};
use crate::metarun::{self, R_ARGS};
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
    let gen = prog.g.borrow().proc_gen as i64;
    if !heap::get_field(args[1], MS_PGEN).same(&Value::Int(gen)) {
        heap::set_field(mc, args[1], MS_PGEN, Value::Int(gen));
    }
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
        writes_arg0_only: false,
    },
};

/// Whether the program runs compiled clauses through [`metarun`].
fn meta_path(code: Value<'_>) -> bool {
    heap::as_code(code)
        .and_then(|c| c.data::<Program>())
        .is_some_and(|p| p.g.borrow().meta_path)
}

fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    let meta = meta_path(fr.code) && fr.regs.len() >= metarun::NREGS;
    loop {
        let pc = fr.pc;
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        if meta && pc != PC_CALL && pc != PC_DISPATCH {
            if let Some(a) = metarun::step_one(m, fr, pc) {
                return a;
            }
            continue;
        }
        if pc != PC_CALL {
            // PC_DISPATCH
            let st = m.reg(fr, 0);
            let nv = m.get_field(st, MS_NEXT);
            let done = m.konst(Value::Int(PC_DONE as i64));
            if m.same(nv, done) {
                let none = m.konst(Value::None);
                return Action::Return(none);
            }
            fr.pc = PC_CALL;
            let yld = m.konst(Value::Int(PC_YIELD as i64));
            if m.same(nv, yld) {
                return Action::Yield;
            }
            if meta {
                // the helper hands a predicate call over (`PRED_BASE + k`)
                let base = m.konst(Value::Int(PRED_BASE as i64));
                let c = m.int_cmp(vm_core::jit::ir::Cmp::Ge, nv, base);
                if m.truth(c) {
                    let Value::Int(next) = m.promote(nv) else {
                        continue;
                    };
                    let args = m.get_field(st, MS_ARGS);
                    let n = m.list_len(args);
                    let n = match m.promote(n) {
                        Value::Int(n) => (n as usize).min(crate::machine::PEND_MAX),
                        _ => 0,
                    };
                    for i in 0..n {
                        let ix = m.konst(Value::Int(i as i64));
                        let a = m.list_get(args, ix);
                        m.set_reg(fr, R_ARGS + i, a);
                    }
                    fr.pc = next as u32;
                }
            }
            continue;
        }
        // On the clause-level path the merge points are predicate entries
        // (`PRED_BASE + k`): a helper call is a handover there, not a loop
        // header (a trace from it would record the clause-level work up to
        // the next handover, with no loop to close).
        if !meta && m.merge_point(fr, pc) {
            return Action::Jit;
        }
        let code = m.konst(fr.code);
        let st = m.reg(fr, 0);
        let nv = m.get_field(st, MS_NEXT);
        if let Err(exc) = m.call(&RUN, &[code, st, nv]) {
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
