//! The recorder: what one iteration of a loop records.

mod common;

use common::{Prog, TestLang};
use vm_core::exec::{Action, Frame, Language};
use vm_core::heap;
use vm_core::jit::recorder::{Recorder, Recording};
use vm_core::jit::GreenKey;
use vm_core::Value;

#[test]
fn one_loop_iteration_records_inputs_guards_and_a_jump() {
    gc_arena::arena::rootless_mutate(|mc| {
        let code = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let mut fr = Frame::new(0, code, vec![Value::Int(0), Value::Int(10), Value::None]);
        let key = GreenKey::of(&fr, 0);
        let mut rec = Recorder::start_loop(&mut fr, key, 0, 1000);
        let action = {
            let mut m = Recording::new(mc, &mut rec);
            TestLang.step_recording(&mut m, &mut fr)
        };
        assert!(matches!(action, Action::Jit));
        assert!(rec.closed, "the loop closed at its header");
        assert_eq!(rec.abort, None);
        let text = rec.trace.to_text();
        let ops: Vec<&str> = text
            .lines()
            .take_while(|l| !l.starts_with("snapshot"))
            .collect();
        assert_eq!(
            ops,
            [
                "v0 = input 0",
                "v1 = input 1",
                "v2 = input 2",
                "label v0, v1, v2",
                "v4 = param 0",
                "v5 = param 1",
                "v6 = param 2",
                "v7 = int_lt v4, v5",
                "guard_true v7 @0",
                "v9 = new_list",
                "list_append v9, v4",
                // The write to the fresh list does not stop the overflow guard
                // from sharing the instruction's snapshot.
                "v11 = int_add_ovf v4, 1 @0",
                "fuel @1",
                "jump v11, v5, v9",
            ]
        );
        // The concrete state advanced by one iteration.
        assert_eq!(format!("{:?}", fr.regs[0]), "1");
        assert_eq!(format!("{:?}", fr.regs[2]), "[0]");
        // Each guard resumes at the start of its instruction with the registers it had then.
        assert!(
            text.contains("snapshot @1\n  frame lang=0 code=c0 pc=0 ret=0 regs=[v11, v5, v9]"),
            "{text}"
        );
    });
}

#[test]
fn record_class_is_a_pure_call_that_cse_merges() {
    use vm_core::jit::opt;
    use vm_core::Meta;
    gc_arena::arena::rootless_mutate(|mc| {
        let code = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let class = heap::new_str(mc, "Point");
        let rec = heap::new_record(mc, class, vec![Value::Int(1), Value::Int(2)]);
        let mut fr = Frame::new(0, code, vec![rec]);
        let key = GreenKey::of(&fr, 0);
        let mut r = Recorder::start_loop(&mut fr, key, 0, 1000);
        let mut m = Recording::new(mc, &mut r);
        assert!(m.begin(&mut fr, 0));
        let obj = m.reg(&fr, 0);
        let c1 = m.record_class(obj);
        let c2 = m.record_class(obj);
        let n = m.record_len(obj);
        assert_eq!(m.get(c1).as_str(), Some("Point"));
        assert_eq!(format!("{:?}", m.get(n)), "2");
        m.set_reg(&mut fr, 0, c2);
        r.close_loop(&fr);
        let mut ir = std::mem::take(&mut r.trace);
        opt::optimize(mc, &mut ir);
        let text = ir.to_text();
        // Two calls were recorded per iteration; the loop (after peeling) keeps one.
        let loop_part = &text[text.find("label").expect("peeled")..];
        assert_eq!(loop_part.matches("call record_class").count(), 1, "{text}");
        assert!(!text.contains("record_len"), "unused pure calls go: {text}");
    });
}

/// A loop header reached inside an inlined call is unrolled a few times;
/// then a compiled loop ends the trace there with an `exit`, and for an
/// uncompiled one the recording is aborted so it gets compiled on its own.
#[test]
fn loop_headers_inside_inlined_calls_end_or_abort_the_trace() {
    use vm_core::jit::recorder::MAX_INNER_UNROLL;
    use vm_core::Meta;
    gc_arena::arena::rootless_mutate(|mc| {
        let outer = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let inner = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        for compiled in [true, false] {
            let mut caller = Frame::new(0, outer, vec![Value::Int(0)]);
            let key = GreenKey::of(&caller, 0);
            let mut rec = Recorder::start_loop(&mut caller, key, 0, 1000);
            let inner_key = GreenKey::of(&Frame::new(0, inner, vec![]), 3);
            if compiled {
                rec.compiled_loops.insert(inner_key);
            }
            let mut m = Recording::new(mc, &mut rec);
            assert!(m.begin(&mut caller, 0));
            assert!(
                !m.merge_point(&caller, 0),
                "the trace's own header starts it"
            );
            m.rec.frame_pushed(&caller, None);
            let args = [m.konst(Value::Int(1))];
            let mut callee = m.new_frame(0, inner, &args);
            let mut handed_back = 0;
            for _ in 0..=MAX_INNER_UNROLL {
                assert!(m.begin(&mut callee, 3) || handed_back > 0);
                if m.merge_point(&callee, 3) {
                    handed_back += 1;
                    break;
                }
            }
            assert_eq!(handed_back, 1);
            if compiled {
                assert!(m.rec.closed && m.rec.abort.is_none());
                let text = m.rec.trace.to_text();
                assert!(text.contains("exit @"), "{text}");
                // The exit rebuilds both frames: the caller and the inlined callee.
                assert_eq!(m.rec.trace.snapshots.last().unwrap().frames.len(), 2);
            } else {
                assert!(!m.rec.closed);
                assert!(m.rec.abort.as_deref().unwrap().contains("inner loop"));
            }
        }
    });
}

/// `const_value` answers for trace constants (and a promoted value made a
/// constant), not for values the trace computes or reads from registers.
#[test]
fn const_value_knows_trace_constants_only() {
    use vm_core::Meta;
    gc_arena::arena::rootless_mutate(|mc| {
        let code = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let f = heap::new_str(mc, "f");
        let mut fr = Frame::new(0, code, vec![f, Value::Int(3)]);
        let key = GreenKey::of(&fr, 0);
        let mut r = Recorder::start_loop(&mut fr, key, 0, 1000);
        let mut m = Recording::new(mc, &mut r);
        assert!(m.begin(&mut fr, 0));
        let reg = m.reg(&fr, 0);
        assert!(m.const_value(reg).is_none(), "a register is not a constant");
        let k = m.konst(f);
        assert!(matches!(m.const_value(k), Some(v) if v.same(&f)));
        let promoted = m.promote(reg);
        let k = m.konst(promoted);
        assert!(matches!(m.const_value(k), Some(v) if v.same(&f)));
        let three = m.reg(&fr, 1);
        let sum = m.int(vm_core::jit::ir::IntOp::Add, three, three);
        assert!(m.const_value(sum).is_none(), "a computed value is not");
    });
    gc_arena::arena::rootless_mutate(|mc| {
        let mut jit = vm_core::jit::JitState::default();
        let mut fuel = 10;
        let m = vm_core::meta::Plain::new(mc, &mut jit, &mut fuel);
        assert!(matches!(m.const_value(Value::Int(7)), Some(Value::Int(7))));
    });
}

/// `cell_get` and `cell_set` compute like the plain interpreter and record
/// one read and one write of the cell.
#[test]
fn cell_reads_and_writes_are_recorded() {
    use vm_core::Meta;
    gc_arena::arena::rootless_mutate(|mc| {
        let code = heap::new_code(mc, 0, Box::new(Prog::AllocLoop), vec![]);
        let c = vm_core::cell::new_cell(mc, Value::Int(1), 0);
        let mut fr = Frame::new(0, code, vec![c]);
        let key = GreenKey::of(&fr, 0);
        let mut r = Recorder::start_loop(&mut fr, key, 0, 1000);
        let mut m = Recording::new(mc, &mut r);
        assert!(m.begin(&mut fr, 0));
        let cell = m.reg(&fr, 0);
        let one = m.cell_get(cell);
        assert!(matches!(m.get(one), Value::Int(1)));
        let two = m.int(vm_core::jit::ir::IntOp::Add, one, one);
        m.cell_set(cell, two);
        let again = m.cell_get(cell);
        assert!(matches!(m.get(again), Value::Int(2)), "the write is seen");
        let text = m.rec.trace.to_text();
        assert!(text.contains("v3 = call cell_get, v2"), "{text}");
        assert!(text.contains("call cell_set, v2, v4"), "{text}");
        assert!(text.contains("v6 = call cell_get, v2"), "{text}");
        assert!(matches!(
            vm_core::cell::as_cell(c).unwrap().get(),
            Value::Int(2)
        ));
        let mark = m.cell_mark(cell);
        assert!(matches!(m.get(mark), Value::Int(0)));
        let seven = m.konst(Value::Int(7));
        let fresh = m.new_cell(two, seven);
        let fresh_mark = m.cell_mark(fresh);
        assert!(matches!(m.get(fresh_mark), Value::Int(7)));
        let text = m.rec.trace.to_text();
        assert!(text.contains("call cell_mark, v2"), "{text}");
        assert!(text.contains("call new_cell, v4, 7"), "{text}");
    });
    gc_arena::arena::rootless_mutate(|mc| {
        let mut jit = vm_core::jit::JitState::default();
        let mut fuel = 10;
        let mut m = vm_core::meta::Plain::new(mc, &mut jit, &mut fuel);
        let c = vm_core::cell::new_cell(mc, Value::Int(5), 0);
        m.cell_set(c, Value::Int(6));
        assert!(matches!(m.cell_get(c), Value::Int(6)));
        let d = m.new_cell(Value::None, Value::Int(3));
        assert!(matches!(m.cell_mark(d), Value::Int(3)));
        assert!(matches!(m.cell_get(d), Value::None));
    });
}
