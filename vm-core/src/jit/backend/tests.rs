//! Tests of the backend: traces built by hand, compiled, run on a buffer.

use gc_arena::arena::rootless_mutate;
use gc_arena::Mutation;

use super::{build, compile, compile_linked, CompiledCode, ExitLink, InputSource, Linkage};
use crate::heap;
use crate::jit::helpers::{Effects, Helper};
use crate::jit::ir::{
    Cmp, FloatOp, IntOp, Op, OvfOp, Ref, SnapFrame, SnapId, SnapValue, Snapshot, TraceIr,
};
use crate::value::{Tag, Value, PAYLOAD_OFFSET, TAG_OFFSET, VALUE_SIZE};

/// A snapshot of one frame whose registers are `regs`.
fn snap(t: &mut TraceIr<'_>, regs: &[Ref]) -> SnapId {
    let code = t.konst(Value::None);
    t.snapshots.push(Snapshot {
        frames: vec![SnapFrame {
            lang: 0,
            code,
            pc: 0,
            ret_reg: 0,
            regs: regs.iter().map(|r| SnapValue::Ref(*r)).collect(),
        }],
        ..Default::default()
    });
    (t.snapshots.len() - 1) as SnapId
}

/// Pushes a guard op with a fresh snapshot of `live`.
fn guard(t: &mut TraceIr<'_>, op: Op, live: &[Ref]) -> Ref {
    let s = snap(t, live);
    t.push(op, Some(s))
}

/// Inputs `0..n`.
fn inputs(t: &mut TraceIr<'_>, n: u32) -> Vec<Ref> {
    (0..n).map(|k| t.push(Op::Input(k), None)).collect()
}

/// Runs `code` on `ins`; returns the exit and its live values.
fn run<'gc>(
    code: &CompiledCode,
    mc: &Mutation<'gc>,
    fuel: &mut i64,
    ins: &[Value<'gc>],
) -> (u32, Vec<Value<'gc>>) {
    let mut buf = vec![Value::None; code.buf_len().max(ins.len())];
    buf[..ins.len()].copy_from_slice(ins);
    let exit = code.run(mc, fuel, &mut buf);
    // The exit's values, in slot order (holes are constant refs).
    let live = &code.exits()[exit as usize].live;
    let vals = live
        .iter()
        .zip(&buf)
        .filter(|(r, _)| !r.is_const())
        .map(|(_, v)| *v)
        .collect();
    (exit, vals)
}

fn run1<'gc>(
    code: &CompiledCode,
    mc: &Mutation<'gc>,
    ins: &[Value<'gc>],
) -> (u32, Vec<Value<'gc>>) {
    run(code, mc, &mut 1000, ins)
}

/// Asserts `same` (floats: equal or both NaN).
fn assert_values<'gc>(got: &[Value<'gc>], want: &[Value<'gc>]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        let ok = match (g, w) {
            (Value::Float(a), Value::Float(b)) => a == b || (a.is_nan() && b.is_nan()),
            _ => g.same(w),
        };
        assert!(ok, "got {got:?}, want {want:?}");
    }
}

#[test]
fn value_layout_is_as_documented() {
    assert_eq!(std::mem::size_of::<Value<'_>>(), VALUE_SIZE);
    assert_eq!(std::mem::align_of::<Value<'_>>(), 8);
    assert_eq!((TAG_OFFSET, PAYLOAD_OFFSET), (0, 8));
    rootless_mutate(|mc| {
        let samples = [
            Value::None,
            Value::Bool(true),
            Value::Bool(false),
            Value::Int(-0x1234_5678_9abc),
            Value::Float(-2.5),
            Value::Absent,
            heap::new_str(mc, "s"),
            heap::new_int(mc, num_bigint::BigInt::from(u64::MAX) * 7),
            heap::new_list(mc),
            heap::new_dict(mc),
            heap::new_record(mc, Value::None, vec![]),
            heap::new_code(mc, 0, Box::new(()), vec![]),
            heap::new_tuple(mc, Value::None, &[Value::Int(1)]),
            crate::strbuf::append(mc, heap::new_str(mc, "a"), "b").unwrap(),
            crate::cell::new_cell(mc, Value::Int(1), 0),
            crate::words::new_words(mc, 0),
        ];
        let tags: Vec<Tag> = samples.iter().map(|v| v.tag()).collect();
        assert_eq!(tags.len(), Tag::ALL.len() + 1, "every tag sampled");
        // Machine code checks each input's tag byte and payload word against
        // the constant, and computes on the immediates.
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, samples.len() as u32);
        let mut out = Vec::new();
        for (x, v) in xs.iter().zip(samples) {
            guard(&mut t, Op::GuardTag(*x, v.tag()), &[]);
            let c = t.konst(v);
            let same = t.push(Op::Same(*x, c), None);
            guard(&mut t, Op::GuardTrue(same), &[]);
            out.push(*x);
        }
        let one = t.konst(Value::Int(1));
        let half = t.konst(Value::Float(0.5));
        out.push(t.push(Op::BoolNot(xs[1]), None));
        out.push(t.push(Op::Int(IntOp::Add, xs[3], one), None));
        out.push(t.push(Op::Float(FloatOp::Add, xs[4], half), None));
        guard(&mut t, Op::Exit, &out);
        let code = compile(&t).unwrap();
        let (exit, live) = run1(&code, mc, &samples);
        assert_eq!(exit as usize, 2 * samples.len());
        let mut want = samples.to_vec();
        want.extend([
            Value::Bool(false),
            Value::Int(-0x1234_5678_9abc + 1),
            Value::Float(-2.0),
        ]);
        assert_values(&live, &want);
        // A wrong tag is caught by the first guard of that input.
        let mut wrong = samples.to_vec();
        wrong[3] = Value::Float(1.0);
        assert_eq!(run1(&code, mc, &wrong).0, 6);
        // A wrong payload by the `same` guard.
        wrong[3] = Value::Int(5);
        assert_eq!(run1(&code, mc, &wrong).0, 7);
    });
}

#[test]
fn inputs_are_normalised_whatever_the_padding() {
    rootless_mutate(|mc| {
        // A Bool and a None whose unused payload bytes are garbage.
        let mut buf = [Value::Int(-1); 5];
        let base = buf.as_mut_ptr() as *mut u8;
        // SAFETY: both written bytes are inside `buf`; tag 1 with byte 8 = 1
        // is `Value::Bool(true)` and tag 0 is `Value::None`, whatever the
        // other (padding) bytes hold, so the buffer still holds valid values.
        unsafe {
            base.add(TAG_OFFSET as usize).write(Tag::Bool.byte());
            base.add(PAYLOAD_OFFSET as usize).write(1);
            base.add(VALUE_SIZE + TAG_OFFSET as usize)
                .write(Tag::None.byte());
        }
        assert!(matches!(buf[..2], [Value::Bool(true), Value::None]));
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2);
        let (tru, none) = (t.konst(Value::Bool(true)), t.konst(Value::None));
        let s1 = t.push(Op::Same(xs[0], tru), None);
        let s2 = t.push(Op::Same(xs[1], none), None);
        let not = t.push(Op::BoolNot(xs[0]), None);
        guard(&mut t, Op::GuardValue(xs[0], tru), &[]);
        guard(&mut t, Op::Exit, &[xs[0], xs[1], s1, s2, not]);
        let code = compile(&t).unwrap();
        let want = [
            Value::Bool(true),
            Value::None,
            Value::Bool(true),
            Value::Bool(true),
            Value::Bool(false),
        ];
        assert_eq!(code.run(mc, &mut 0, &mut buf), 1);
        assert_values(&buf, &want);
        let (exit, live) = run1(&code, mc, &[Value::Bool(true), Value::None]);
        assert_eq!(exit, 1);
        assert_values(&live, &want);
    });
}

/// `i, s, n` with int guards in the preamble; the loop sums `i` into `s`
/// while `i < n`. Exits: 0-2 the tag guards, 3 `guard_lt`, 4 overflow, 5 fuel.
fn summing_loop<'gc>() -> TraceIr<'gc> {
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 3);
    for x in &xs {
        guard(&mut t, Op::GuardTag(*x, Tag::Int), &xs);
    }
    t.push(Op::Label(xs.clone()), None);
    let p: Vec<Ref> = (0..3).map(|k| t.push(Op::Param(k), None)).collect();
    let (i, s, n) = (p[0], p[1], p[2]);
    guard(&mut t, Op::GuardIntCmp(Cmp::Lt, i, n), &[i, s]);
    let s2 = guard(&mut t, Op::IntOvf(OvfOp::Add, s, i), &[i, s, n]);
    let one = t.konst(Value::Int(1));
    let i2 = t.push(Op::Int(IntOp::Add, i, one), None);
    guard(&mut t, Op::Fuel, &[i2, s2, n]);
    t.push(Op::Jump(vec![i2, s2, n]), None);
    t
}

#[test]
fn summing_loop_exits_through_its_guard() {
    rootless_mutate(|mc| {
        let code = compile(&summing_loop()).unwrap();
        assert_eq!(code.exits().len(), 6);
        assert_eq!(code.buf_len(), 3);
        let mut fuel = 1000;
        let (exit, live) = run(
            &code,
            mc,
            &mut fuel,
            &[Value::Int(0), Value::Int(0), Value::Int(100)],
        );
        assert_eq!(exit, 3);
        assert_values(&live, &[Value::Int(100), Value::Int(4950)]);
        assert_eq!(fuel, 900);
        // A non-int input leaves through its tag guard with the inputs.
        let (exit, live) = run1(
            &code,
            mc,
            &[Value::Int(0), Value::Float(0.0), Value::Int(3)],
        );
        assert_eq!(exit, 1);
        assert_values(&live, &[Value::Int(0), Value::Float(0.0), Value::Int(3)]);
    });
}

#[test]
fn summing_loop_is_a_tight_machine_loop() {
    let (_, built) = build(&summing_loop(), true).unwrap();
    if std::env::var_os("SHOW_LISTING").is_some() {
        eprintln!("{}", built.listing);
    }
    let func = built.func.unwrap();
    let lp = built.loop_block.unwrap();
    // Specialised params: int payloads and the fuel, no tags (Cranelift
    // drops the invariant `n`).
    let params = func.dfg.block_params(lp);
    assert!(params.len() <= 4, "{}", built.listing);
    for p in params {
        assert_eq!(func.dfg.value_type(*p), cranelift_codegen::ir::types::I64);
    }
    let entry = func.layout.entry_block().unwrap();
    for block in func.layout.blocks() {
        if block == entry || func.layout.is_cold(block) {
            continue;
        }
        for inst in func.layout.block_insts(block) {
            let op = func.dfg.insts[inst].opcode();
            assert!(
                !op.can_load() && !op.can_store() && !op.is_call(),
                "{op} in the loop:\n{}",
                built.listing
            );
        }
    }
}

#[test]
fn overflow_exits() {
    rootless_mutate(|mc| {
        for (o, a, b) in [
            (OvfOp::Add, i64::MAX, 1),
            (OvfOp::Sub, i64::MIN, 1),
            (OvfOp::Mul, i64::MAX / 2, 3),
            (OvfOp::Mul, i64::MIN, -1),
        ] {
            let mut t = TraceIr::default();
            let xs = inputs(&mut t, 2);
            let r = guard(&mut t, Op::IntOvf(o, xs[0], xs[1]), &[xs[1], xs[0]]);
            guard(&mut t, Op::Exit, &[r]);
            let code = compile(&t).unwrap();
            let (exit, live) = run1(&code, mc, &[Value::Int(a), Value::Int(b)]);
            assert_eq!(exit, 0, "{o:?} {a} {b}");
            // The inputs stay in the slots they came from (not stored again).
            assert_values(&live, &[Value::Int(a), Value::Int(b)]);
            let (exit, live) = run1(&code, mc, &[Value::Int(7), Value::Int(-3)]);
            assert_eq!(exit, 1);
            assert_values(&live, &[Value::Int(o.eval(7, -3).unwrap())]);
        }
    });
}

#[test]
fn every_int_op_and_compare() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3); // a, b, shift amount
        let mut out = Vec::new();
        for o in IntOp::ALL {
            let amount = matches!(o, IntOp::Shl | IntOp::Shr);
            out.push(t.push(Op::Int(*o, xs[0], xs[if amount { 2 } else { 1 }]), None));
        }
        for c in [Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne] {
            out.push(t.push(Op::IntCmp(c, xs[0], xs[1]), None));
        }
        guard(&mut t, Op::Exit, &out);
        let code = compile(&t).unwrap();
        let pairs = [
            (7, 2),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (6, 3),
            (-6, 3),
            (6, -3),
            (0, -5),
            (1, 1),
            (i64::MAX, 2),
            (i64::MIN, 3),
            (i64::MIN, i64::MAX),
            (-1, i64::MIN),
        ];
        for (a, b) in pairs {
            let s = (a.unsigned_abs() % 64) as i64;
            let (exit, live) = run1(&code, mc, &[Value::Int(a), Value::Int(b), Value::Int(s)]);
            assert_eq!(exit, 0);
            let mut want: Vec<Value> = IntOp::ALL
                .iter()
                .map(|o| {
                    let amount = matches!(o, IntOp::Shl | IntOp::Shr);
                    Value::Int(o.eval(a, if amount { s } else { b }))
                })
                .collect();
            for c in [Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne] {
                want.push(Value::Bool(c.eval(a, b)));
            }
            assert_values(&live, &want);
        }
        // Python semantics spelled out.
        assert_eq!(IntOp::FloorDiv.eval(-7, 2), -4);
        assert_eq!(IntOp::FloorMod.eval(-7, 2), 1);
        assert_eq!(IntOp::FloorMod.eval(7, -2), -1);
    });
}

#[test]
fn floor_ops_with_constant_divisors_and_min_by_minus_one() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2);
        let mut out = Vec::new();
        for d in [3, -3, 8, -8] {
            let c = t.konst(Value::Int(d));
            for o in [
                IntOp::FloorDiv,
                IntOp::FloorMod,
                IntOp::TruncDiv,
                IntOp::TruncRem,
            ] {
                out.push(t.push(Op::Int(o, xs[0], c), None));
            }
        }
        // Remainders allow a divisor of -1 even for MIN.
        out.push(t.push(Op::Int(IntOp::FloorMod, xs[0], xs[1]), None));
        out.push(t.push(Op::Int(IntOp::TruncRem, xs[0], xs[1]), None));
        guard(&mut t, Op::Exit, &out);
        let code = compile(&t).unwrap();
        for a in [i64::MIN, -9, -8, -7, -1, 0, 1, 7, 8, 9, i64::MAX] {
            let (_, live) = run1(&code, mc, &[Value::Int(a), Value::Int(-1)]);
            let mut want = Vec::new();
            for d in [3, -3, 8, -8] {
                for o in [
                    IntOp::FloorDiv,
                    IntOp::FloorMod,
                    IntOp::TruncDiv,
                    IntOp::TruncRem,
                ] {
                    want.push(Value::Int(o.eval(a, d)));
                }
            }
            want.extend([Value::Int(0), Value::Int(0)]);
            assert_values(&live, &want);
        }
    });
}

#[test]
fn float_arithmetic_and_compares() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3); // x, y floats; i int
        let mut out = Vec::new();
        for o in FloatOp::ALL {
            out.push(t.push(Op::Float(*o, xs[0], xs[1]), None));
        }
        for c in [Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne] {
            out.push(t.push(Op::FloatCmp(c, xs[0], xs[1]), None));
        }
        out.push(t.push(Op::IntToFloat(xs[2]), None));
        guard(&mut t, Op::GuardFloatCmp(Cmp::Le, xs[0], xs[1]), &[xs[0]]);
        guard(&mut t, Op::Exit, &out);
        let code = compile(&t).unwrap();
        for (x, y) in [(1.5, 2.25), (-0.0, 0.0), (1.0, f64::NAN), (3.0, -1e300)] {
            let (exit, live) = run1(
                &code,
                mc,
                &[Value::Float(x), Value::Float(y), Value::Int(-3)],
            );
            if !Cmp::Le.eval(x, y) {
                assert_eq!(exit, 0);
                assert_values(&live, &[Value::Float(x)]);
                continue;
            }
            assert_eq!(exit, 1);
            let mut want: Vec<Value> = FloatOp::ALL
                .iter()
                .map(|o| Value::Float(o.eval(x, y)))
                .collect();
            for c in [Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne] {
                want.push(Value::Bool(c.eval(x, y)));
            }
            want.push(Value::Float(-3.0));
            assert_values(&live, &want);
        }
        // NaN: every compare false but `ne`.
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2);
        let out: Vec<Ref> = [Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq, Cmp::Ne]
            .into_iter()
            .map(|c| t.push(Op::FloatCmp(c, xs[0], xs[1]), None))
            .collect();
        guard(&mut t, Op::Exit, &out);
        let code = compile(&t).unwrap();
        let (_, live) = run1(&code, mc, &[Value::Float(f64::NAN), Value::Float(1.0)]);
        let f = Value::Bool(false);
        assert_values(&live, &[f, f, f, f, f, Value::Bool(true)]);
    });
}

#[test]
fn float_and_bool_loop_params_carry_payloads_only() {
    rootless_mutate(|mc| {
        // x = 0.0, flag = false, i = 0; while i < n: x += 0.5; flag = not flag; i += 1
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 1);
        guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &[]);
        let (zero_f, fls, zero) = (
            t.konst(Value::Float(0.0)),
            t.konst(Value::Bool(false)),
            t.konst(Value::Int(0)),
        );
        t.push(Op::Label(vec![zero_f, fls, zero, xs[0]]), None);
        let p: Vec<Ref> = (0..4).map(|k| t.push(Op::Param(k), None)).collect();
        guard(
            &mut t,
            Op::GuardIntCmp(Cmp::Lt, p[2], p[3]),
            &[p[0], p[1], p[2]],
        );
        let half = t.konst(Value::Float(0.5));
        let x2 = t.push(Op::Float(FloatOp::Add, p[0], half), None);
        let f2 = t.push(Op::BoolNot(p[1]), None);
        let one = t.konst(Value::Int(1));
        let i2 = t.push(Op::Int(IntOp::Add, p[2], one), None);
        t.push(Op::Jump(vec![x2, f2, i2, p[3]]), None);
        let (code, built) = build(&t, true).unwrap();
        let func = built.func.unwrap();
        let tys: Vec<_> = func
            .dfg
            .block_params(built.loop_block.unwrap())
            .iter()
            .map(|v| func.dfg.value_type(*v).to_string())
            .collect();
        assert_eq!(tys[..3], ["f64", "i8", "i64"]); // `n`, invariant, may be dropped
        let (exit, live) = run1(&code, mc, &[Value::Int(5)]);
        assert_eq!(exit, 1);
        assert_values(
            &live,
            &[Value::Float(2.5), Value::Bool(true), Value::Int(5)],
        );
    });
}

#[test]
fn loop_params_with_unknown_tags() {
    rootless_mutate(|mc| {
        // No guards before the label: the params carry tags; the loop guards them.
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3);
        t.push(Op::Label(xs.clone()), None);
        let p: Vec<Ref> = (0..3).map(|k| t.push(Op::Param(k), None)).collect();
        guard(&mut t, Op::GuardTag(p[0], Tag::Int), &p);
        guard(&mut t, Op::GuardTag(p[1], Tag::List), &p);
        guard(&mut t, Op::GuardTag(p[2], Tag::Int), &p);
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, p[0], p[2]), &p);
        // The item is loop-carried with whatever tag it has.
        let item = t.push(Op::ListGet(p[1], p[0]), None);
        let one = t.konst(Value::Int(1));
        let i2 = t.push(Op::Int(IntOp::Add, p[0], one), None);
        t.push(Op::Jump(vec![i2, p[1], p[2]]), None);
        let _ = item;
        let code = compile(&t).unwrap();
        let l = heap::new_list_from(mc, vec![Value::Int(1), Value::Float(2.0)]);
        let (exit, live) = run1(&code, mc, &[Value::Int(0), l, Value::Int(2)]);
        assert_eq!(exit, 3);
        assert_values(&live, &[Value::Int(2), l, Value::Int(2)]);
        let (exit, _) = run1(&code, mc, &[Value::Int(0), Value::None, Value::Int(2)]);
        assert_eq!(exit, 1);

        // A loop-carried value whose tag varies: the param keeps a run-time tag.
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // list, index
        guard(&mut t, Op::GuardTag(xs[0], Tag::List), &[]);
        guard(&mut t, Op::GuardTag(xs[1], Tag::Int), &[]);
        let none = t.konst(Value::None);
        t.push(Op::Label(vec![none, xs[1]]), None);
        let p: Vec<Ref> = (0..2).map(|k| t.push(Op::Param(k), None)).collect();
        let len = t.push(Op::ListLen(xs[0]), None);
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, p[1], len), &[p[0], p[1]]);
        let item = t.push(Op::ListGet(xs[0], p[1]), None);
        let one = t.konst(Value::Int(1));
        let i2 = t.push(Op::Int(IntOp::Add, p[1], one), None);
        t.push(Op::Jump(vec![item, i2]), None);
        let (code, built) = build(&t, true).unwrap();
        let func = built.func.unwrap();
        let params = func.dfg.block_params(built.loop_block.unwrap());
        assert_eq!(
            func.dfg.value_type(params[0]),
            cranelift_codegen::ir::types::I8
        );
        assert_eq!(params.len(), 3);
        let s = heap::new_str(mc, "last");
        let l = heap::new_list_from(mc, vec![Value::Int(1), Value::Bool(true), s]);
        let (exit, live) = run1(&code, mc, &[l, Value::Int(0)]);
        assert_eq!(exit, 2);
        assert_values(&live, &[s, Value::Int(3)]);
        let (_, live) = run1(&code, mc, &[l, Value::Int(3)]);
        assert_values(&live, &[Value::None, Value::Int(3)]);
    });
}

#[test]
fn guard_value_on_a_heap_constant() {
    rootless_mutate(|mc| {
        let d = heap::new_dict(mc);
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 1);
        let c = t.konst(d);
        guard(&mut t, Op::GuardValue(xs[0], c), &[xs[0]]);
        // After the guard the operand is the constant: a dict op needs no tag guard.
        let k = t.konst(Value::Int(1));
        let v = t.konst(Value::Bool(true));
        t.push(Op::DictSet(xs[0], k, v), None);
        guard(&mut t, Op::Exit, &[xs[0]]);
        let code = compile(&t).unwrap();
        let (exit, live) = run1(&code, mc, &[d]);
        assert_eq!(exit, 1);
        assert_values(&live, &[d]);
        assert!(heap::dict_get(d, Value::Int(1)).same(&Value::Bool(true)));
        let other = heap::new_dict(mc);
        for x in [
            other,
            Value::Int(Value::payload_bits(&d) as i64),
            Value::None,
        ] {
            let (exit, live) = run1(&code, mc, &[x]);
            assert_eq!(exit, 0);
            assert_values(&live, &[x]);
        }
        assert_eq!(heap::dict_len(other), 0);
    });
}

#[test]
fn statically_known_guards_fold_and_keep_their_exit_index() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 1);
        guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &[xs[0]]);
        guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &[xs[0]]); // folds
        let b = t.push(Op::IntCmp(Cmp::Lt, xs[0], xs[0]), None);
        guard(&mut t, Op::GuardTag(b, Tag::Bool), &[]); // folds
        guard(&mut t, Op::GuardFalse(b), &[b]);
        guard(&mut t, Op::GuardTag(b, Tag::Int), &[xs[0], b]); // always fails
        guard(&mut t, Op::Exit, &[]);
        let code = compile(&t).unwrap();
        assert_eq!(code.exits().len(), 6);
        let (exit, live) = run1(&code, mc, &[Value::Int(4)]);
        assert_eq!(exit, 4);
        assert_values(&live, &[Value::Int(4), Value::Bool(false)]);
        assert_eq!(run1(&code, mc, &[Value::None]).0, 0);
    });
}

#[test]
fn fuel_runs_out() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 1);
        guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &[]);
        t.push(Op::Label(vec![xs[0]]), None);
        let i = t.push(Op::Param(0), None);
        let one = t.konst(Value::Int(1));
        let i2 = t.push(Op::Int(IntOp::Add, i, one), None);
        guard(&mut t, Op::Fuel, &[i2]);
        t.push(Op::Jump(vec![i2]), None);
        let code = compile(&t).unwrap();
        let mut fuel = 3;
        let (exit, live) = run(&code, mc, &mut fuel, &[Value::Int(0)]);
        assert_eq!(exit, 1);
        assert_eq!(fuel, -1);
        assert_values(&live, &[Value::Int(4)]);
        // Fuel already spent: the first `fuel` exits.
        let mut fuel = 0;
        let (_, live) = run(&code, mc, &mut fuel, &[Value::Int(0)]);
        assert_eq!((fuel, live.len()), (-1, 1));
        assert_values(&live, &[Value::Int(1)]);
        // An exit before any `fuel` op leaves it as it was.
        let mut fuel = 7;
        assert_eq!(run(&code, mc, &mut fuel, &[Value::None]).0, 0);
        assert_eq!(fuel, 7);
    });
}

fn half_even<'gc>(_: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    match a {
        [Value::Int(i)] if i % 2 == 0 => Ok(Value::Int(i / 2)),
        _ => Err(Value::None),
    }
}
static HALF_EVEN: Helper = Helper {
    name: "half_even",
    func: half_even,
    effects: Effects {
        may_raise: true,
        ..Effects::PURE
    },
};

fn concat<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    let s: String = a.iter().map(|v| v.as_str().unwrap()).collect();
    Ok(heap::new_str(mc, &s))
}
static CONCAT: Helper = Helper {
    name: "concat",
    func: concat,
    effects: Effects::PURE,
};

#[test]
fn helper_calls_succeed_or_raise_through_their_guard() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2);
        let h = guard(&mut t, Op::Call(&HALF_EVEN, vec![xs[0]]), &[xs[0], xs[1]]);
        let sep = t.konst(heap::new_str(mc, "-"));
        let s = t.push(Op::Call(&CONCAT, vec![xs[1], sep, xs[1]]), None);
        guard(&mut t, Op::Exit, &[h, s]);
        let code = compile(&t).unwrap();
        let ab = heap::new_str(mc, "ab");
        let (exit, live) = run1(&code, mc, &[Value::Int(42), ab]);
        assert_eq!(exit, 1);
        assert!(live[0].same(&Value::Int(21)));
        assert_eq!(live[1].as_str(), Some("ab-ab"));
        let (exit, live) = run1(&code, mc, &[Value::Int(7), ab]);
        assert_eq!(exit, 0);
        assert_values(&live, &[Value::Int(7), ab]);
    });
}

fn list_of<'gc>(mc: &Mutation<'gc>, a: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(heap::new_list_from(mc, a.to_vec()))
}
static LIST_OF: Helper = Helper {
    name: "list_of",
    func: list_of,
    effects: Effects::PURE,
};

/// Helper arguments of every payload kind (known tags, with a constant or
/// a computed payload, and run-time tags) reach the helper intact, and each
/// is stored into the call slot with one 16-byte store where the target
/// has them (`Lower::store_value_wide`): Rust copies a value out of the
/// slot with one 16-byte load, which two smaller stores could not forward.
#[test]
fn helper_arguments_are_stored_whole() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3); // int, float, anything
        guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &[]);
        guard(&mut t, Op::GuardTag(xs[1], Tag::Float), &[]);
        let one = t.konst(Value::Int(1));
        let sum = t.push(Op::Int(IntOp::Add, xs[0], one), None);
        let half = t.konst(Value::Float(0.5));
        let prod = t.push(Op::Float(FloatOp::Mul, xs[1], half), None);
        let lt = t.push(Op::IntCmp(Cmp::Lt, xs[0], sum), None);
        let consts = [
            Value::None,
            Value::Bool(true),
            Value::Int(-3),
            Value::Float(2.25),
            heap::new_str(mc, "s"),
        ]
        .map(|v| t.konst(v));
        let mut args = vec![xs[0], xs[1], xs[2], sum, prod, lt];
        args.extend(consts);
        let l = t.push(Op::Call(&LIST_OF, args.clone()), None);
        guard(&mut t, Op::Exit, &[l]);
        let code = compile(&t).unwrap();
        for third in [Value::None, Value::Bool(false), heap::new_str(mc, "x")] {
            let (exit, live) = run1(&code, mc, &[Value::Int(41), Value::Float(3.0), third]);
            assert_eq!(exit, 2);
            let got = heap::list_items(live[0]);
            assert_values(
                &got[..10],
                &[
                    Value::Int(41),
                    Value::Float(3.0),
                    third,
                    Value::Int(42),
                    Value::Float(1.5),
                    Value::Bool(true),
                    Value::None,
                    Value::Bool(true),
                    Value::Int(-3),
                    Value::Float(2.25),
                ],
            );
            assert_eq!(got[10].as_str(), Some("s"));
        }
        if !super::lower::wide_stores() {
            return;
        }
        let (_, built) = build(&t, true).unwrap();
        let func = built.func.unwrap();
        let wide = func
            .layout
            .blocks()
            .flat_map(|b| func.layout.block_insts(b))
            .filter(|i| {
                let data = &func.dfg.insts[*i];
                data.opcode() == cranelift_codegen::ir::Opcode::Store
                    && func.dfg.value_type(func.dfg.inst_args(*i)[0])
                        == cranelift_codegen::ir::types::I64X2
            })
            .count();
        assert_eq!(wide, args.len(), "{}", built.listing);
    });
}

#[test]
fn heap_ops_through_trampolines() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // dict, list
        let (d, l) = (xs[0], xs[1]);
        guard(&mut t, Op::GuardTag(d, Tag::Dict), &[]);
        guard(&mut t, Op::GuardTag(l, Tag::List), &[]);
        let k = t.konst(heap::new_str(mc, "k"));
        let five = t.konst(Value::Int(5));
        t.push(Op::DictSet(d, k, five), None);
        let v = t.push(Op::DictGet(d, k), None);
        guard(&mut t, Op::GuardTag(v, Tag::Int), &[]);
        let missing = t.push(Op::DictGet(d, five), None);
        t.push(Op::ListAppend(l, v), None);
        let f = t.konst(Value::Float(1.5));
        t.push(Op::ListAppend(l, f), None);
        let n = t.push(Op::ListLen(l), None);
        let zero = t.konst(Value::Int(0));
        let first = t.push(Op::ListGet(l, zero), None);
        let popped = t.push(Op::ListPop(l), None);
        let tru = t.konst(Value::Bool(true));
        t.push(Op::ListSet(l, zero, tru), None);
        let nl = t.push(Op::NewList, None);
        t.push(Op::ListAppend(nl, n), None);
        t.push(Op::ListAppend(nl, n), None);
        let one = t.konst(Value::Int(1));
        t.push(Op::ListTruncate(nl, one), None);
        let nd = t.push(Op::NewDict, None);
        t.push(Op::DictSet(nd, five, popped), None);
        let rec = t.push(Op::NewRecord(k, vec![nl, nd, zero]), None);
        t.push(Op::SetField(rec, 2, missing), None);
        let f1 = t.push(Op::GetField(rec, 1), None);
        guard(
            &mut t,
            Op::Exit,
            &[v, missing, n, first, popped, nl, nd, rec, f1],
        );
        let code = compile(&t).unwrap();
        let (dict, list) = (
            heap::new_dict(mc),
            heap::new_list_from(mc, vec![Value::None]),
        );
        let (exit, live) = run1(&code, mc, &[dict, list]);
        assert_eq!(exit, 3);
        let [v, missing, n, first, popped, nl, nd, rec, f1] = live[..] else {
            panic!("{live:?}")
        };
        assert_values(
            &[v, missing, n, first, popped],
            &[
                Value::Int(5),
                Value::Absent,
                Value::Int(3),
                Value::None,
                Value::Float(1.5),
            ],
        );
        assert_values(&heap::list_items(list), &[Value::Bool(true), Value::Int(5)]);
        assert!(heap::dict_get(dict, heap::new_str(mc, "k")).same(&Value::Int(5)));
        assert_values(&heap::list_items(nl), &[Value::Int(3)]);
        assert_values(&[heap::dict_get(nd, Value::Int(5))], &[Value::Float(1.5)]);
        assert_eq!(heap::record_class(rec).as_str(), Some("k"));
        assert_eq!(heap::record_len(rec), 3);
        assert!(heap::get_field(rec, 2).same(&Value::Absent));
        assert!(f1.same(&nd));
    });
}

#[test]
fn exit_live_values_are_deduplicated_without_constants() {
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 3);
    let c = t.konst(Value::Int(9));
    guard(&mut t, Op::Exit, &[xs[2], c, xs[0], xs[2], xs[0]]);
    let code = compile(&t).unwrap();
    // Each input sits in the slot it was read from, where the exit need
    // not store it: slot 1 is a hole (xs[1] is not live).
    assert_eq!(
        code.exits()[0].live,
        vec![xs[0], super::lower::hole(), xs[2]]
    );
    assert_eq!(code.exits()[0].snap, 0);
    assert_eq!(code.buf_len(), 3);
}

#[test]
fn malformed_traces_are_errors() {
    // No end.
    let mut t = TraceIr::default();
    inputs(&mut t, 1);
    assert!(compile(&t).is_err());
    // A guard whose snapshot needs its own result.
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 2);
    let s = snap(&mut t, &[Ref::op(2)]);
    t.push(Op::IntOvf(OvfOp::Add, xs[0], xs[1]), Some(s));
    guard(&mut t, Op::Exit, &[]);
    let e = compile(&t).err().unwrap();
    assert!(
        e.contains("int_add_ovf v0, v1") && e.contains("not defined"),
        "{e}"
    );
    // A jump without a label.
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 1);
    t.push(Op::Jump(xs), None);
    assert!(compile(&t).is_err());
}

#[test]
fn records_are_read_and_written_in_place() {
    use crate::meta::{RECORD_CLASS, RECORD_LEN};
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // record, value to store
        let (r, x) = (xs[0], xs[1]);
        guard(&mut t, Op::GuardTag(r, Tag::Record), &[]);
        let class = t.push(Op::Call(&RECORD_CLASS, vec![r]), None);
        let len = t.push(Op::Call(&RECORD_LEN, vec![r]), None);
        let f0 = t.push(Op::GetField(r, 0), None);
        let f2 = t.push(Op::GetField(r, 2), None);
        t.push(Op::SetField(r, 1, x), None);
        let t2 = t.konst(Value::Bool(true));
        t.push(Op::SetField(r, 2, t2), None);
        let f1 = t.push(Op::GetField(r, 1), None);
        // Compares use normalised payloads: a stored Bool equals the constant.
        let f2b = t.push(Op::GetField(r, 2), None);
        let same = t.push(Op::Same(f2b, t2), None);
        guard(&mut t, Op::Exit, &[class, len, f0, f2, f1, same]);
        let code = compile(&t).unwrap();
        let k = heap::new_str(mc, "k");
        let rec = heap::new_record(
            mc,
            k,
            vec![Value::Float(2.5), Value::None, Value::Bool(false)],
        );
        let (exit, live) = run1(&code, mc, &[rec, Value::Int(-7)]);
        assert_eq!(exit, 1); // after the tag guard
        assert_values(
            &live,
            &[
                k,
                Value::Int(3),
                Value::Float(2.5),
                Value::Bool(false),
                Value::Int(-7),
                Value::Bool(true),
            ],
        );
        assert_values(
            &(0..3).map(|i| heap::get_field(rec, i)).collect::<Vec<_>>(),
            &[Value::Float(2.5), Value::Int(-7), Value::Bool(true)],
        );
    });
}

/// Fields of a constant record are read and written at their address,
/// with no bounds check (a record's size and field address are fixed), and
/// a guard on a constant compares the raw word: both take fewer
/// instructions than on a record known only at run time.
#[test]
fn constant_records_are_read_and_written_at_fixed_addresses() {
    rootless_mutate(|mc| {
        let k = heap::new_str(mc, "k");
        let rec = heap::new_record(mc, k, vec![Value::Int(4), Value::None]);
        let build = |constant: bool| {
            let mut t = TraceIr::default();
            let xs = inputs(&mut t, 2); // the record (when not constant), a value
            let r = if constant { t.konst(rec) } else { xs[0] };
            let f0 = t.push(Op::GetField(r, 0), None);
            t.push(Op::SetField(r, 1, xs[1]), None);
            let f1 = t.push(Op::GetField(r, 1), None);
            guard(&mut t, Op::Exit, &[f0, f1]);
            t
        };
        let code = compile(&build(true)).unwrap();
        let (exit, live) = run1(&code, mc, &[Value::None, Value::Float(0.5)]);
        assert_eq!(exit, 0);
        assert_values(&live, &[Value::Int(4), Value::Float(0.5)]);
        assert_values(&[heap::get_field(rec, 1)], &[Value::Float(0.5)]);
        let fixed = super::lowered_insts(&build(true)).unwrap();
        let checked = super::lowered_insts(&build(false)).unwrap();
        assert!(fixed + 8 <= checked, "{fixed} vs {checked} instructions");
    });
}

/// A record without the field a trace reads or writes (an interpreter bug)
/// makes the code return [`super::STATUS_BUG`] before touching memory,
/// through one shared block, whatever the number of accesses.
#[test]
fn a_missing_record_field_returns_the_bug_status() {
    use super::STATUS_BUG;
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // record, value
        let f0 = t.push(Op::GetField(xs[0], 0), None);
        t.push(Op::SetField(xs[0], 3, xs[1]), None);
        let f1 = t.push(Op::GetField(xs[0], 1), None);
        guard(&mut t, Op::Exit, &[f0, f1]);
        let code = compile(&t).unwrap();
        let k = heap::new_str(mc, "k");
        let big = heap::new_record(
            mc,
            k,
            vec![Value::Int(1), Value::Int(2), Value::None, Value::None],
        );
        let (exit, live) = run1(&code, mc, &[big, Value::Int(9)]);
        assert_eq!(exit, 0);
        assert_values(&live, &[Value::Int(1), Value::Int(2)]);
        assert_values(&[heap::get_field(big, 3)], &[Value::Int(9)]);
        for len in [0, 2] {
            let small = heap::new_record(mc, k, vec![Value::Int(5); len]);
            let mut buf = vec![small, Value::Int(9)];
            let mut fuel = 100;
            assert_eq!(
                code.run(mc, &mut fuel, &mut buf),
                STATUS_BUG,
                "{len} fields"
            );
            if len == 2 {
                assert_values(&[heap::get_field(small, 1)], &[Value::Int(5)]);
            }
        }
        // Three accesses, one bug block: no call anywhere in the code.
        let (_, built) = build(&t, true).unwrap();
        let func = built.func.unwrap();
        let returns_bug = func.layout.blocks().filter(|b| {
            func.layout.block_insts(*b).any(|i| {
                let op = func.dfg.insts[i].opcode();
                assert!(!op.is_call(), "{op}:\n{}", built.listing);
                op.is_return()
            })
        });
        assert_eq!(
            returns_bug.count(),
            2,
            "the exit and the bug block:\n{}",
            built.listing
        );
    });
}

/// A guard that a value is None or Absent compares tags only; one that it
/// is a constant object compares tag and raw word, whatever the padding.
#[test]
fn guard_value_on_none_and_on_an_object_ignores_padding() {
    rootless_mutate(|mc| {
        let d = heap::new_dict(mc);
        for (c, hit) in [(Value::None, Value::None), (d, d)] {
            let mut t = TraceIr::default();
            let xs = inputs(&mut t, 1);
            let k = t.konst(c);
            guard(&mut t, Op::GuardValue(xs[0], k), &[xs[0]]);
            guard(&mut t, Op::Exit, &[xs[0]]);
            let code = compile(&t).unwrap();
            let (exit, _) = run1(&code, mc, &[hit]);
            assert_eq!(exit, 1, "{c:?} passes its own guard");
            for miss in [
                Value::Absent,
                Value::Int(0),
                Value::Bool(false),
                heap::new_dict(mc),
            ] {
                let (exit, _) = run1(&code, mc, &[miss]);
                assert_eq!(exit, 0, "{miss:?} fails the guard on {c:?}");
            }
        }
    });
}

/// A parent trace `x = input 0; guard x < 10 [x]; exit [x + 100]`: exit 0
/// is the guard, exit 1 the `exit` op.
fn guarded_parent<'gc>() -> TraceIr<'gc> {
    let mut t = TraceIr::default();
    let x = inputs(&mut t, 1)[0];
    guard(&mut t, Op::GuardTag(x, Tag::Int), &[x]);
    let ten = t.konst(Value::Int(10));
    guard(&mut t, Op::GuardIntCmp(Cmp::Lt, x, ten), &[x]);
    let hundred = t.konst(Value::Int(100));
    let y = t.push(Op::Int(IntOp::Add, x, hundred), None);
    guard(&mut t, Op::Exit, &[y]);
    t
}

#[test]
fn a_guard_exit_continues_in_the_code_its_cell_holds() {
    rootless_mutate(|mc| {
        // The bridge reads the parent exit's buffer: its input 0 is the
        // exit's live value 0, its input 1 a constant of the parent's snapshot.
        let mut b = TraceIr::default();
        let ins = inputs(&mut b, 2);
        for x in &ins {
            guard(&mut b, Op::GuardTag(*x, Tag::Int), &ins);
        }
        let s = b.push(Op::Int(IntOp::Add, ins[0], ins[1]), None);
        guard(&mut b, Op::Exit, &[s]);
        let bridge = compile_linked(
            &b,
            &Linkage {
                trace_id: 7,
                exits: vec![],
                inputs: Some(vec![InputSource::Buf(0), InputSource::Const(Value::Int(5))]),
                tier_counter: None,
            },
        )
        .unwrap();
        // Reads one buffer value; its tag guards' exits write both inputs.
        assert_eq!(bridge.buf_len(), 2);

        let cell = Box::new(std::cell::Cell::new(0usize));
        let parent = compile_linked(
            &guarded_parent(),
            &Linkage {
                trace_id: 3,
                exits: vec![
                    None,
                    Some(ExitLink {
                        cell: cell.as_ptr() as usize,
                        frame_regs: None,
                        loopbacks: None,
                    }),
                    None,
                ],
                inputs: None,
                tier_counter: None,
            },
        )
        .unwrap();
        let go = |x: i64| {
            let mut buf = vec![Value::Int(x), Value::None];
            let (trace, exit) = parent.run_linked(mc, &mut 100, &mut buf);
            (trace, exit, buf[0])
        };
        let (trace, exit, v) = go(3);
        assert_eq!((trace, exit), (3, 2));
        assert_values(&[v], &[Value::Int(103)]);
        // No code in the cell: the guard's exit returns.
        let (trace, exit, v) = go(20);
        assert_eq!((trace, exit), (3, 1));
        assert_values(&[v], &[Value::Int(20)]);
        // With the bridge in the cell, the same exit runs it: 20 + 5.
        cell.set(bridge.link_entry());
        let (trace, exit, v) = go(20);
        assert_eq!((trace, exit), (7, 2), "left through the bridge's `exit`");
        assert_values(&[v], &[Value::Int(25)]);
        // The passing path is unchanged.
        assert_eq!(go(4).1, 2);
        drop(parent);
    });
}

#[test]
fn an_exit_at_a_loop_header_enters_that_loops_code_while_fuel_lasts() {
    rootless_mutate(|mc| {
        let lp = compile_linked(
            &summing_loop(),
            &Linkage {
                trace_id: 4,
                ..Linkage::default()
            },
        )
        .unwrap();
        // `exit` at the loop's header, whose frame holds (i, s, 100).
        let mut t = TraceIr::default();
        let ins = inputs(&mut t, 2);
        let n = t.konst(Value::Int(100));
        guard(&mut t, Op::Exit, &[ins[0], ins[1], n]);
        let cell = Box::new(std::cell::Cell::new(0usize));
        let counter = Box::new(std::cell::Cell::new(0i64));
        let regs: Vec<SnapValue> = [ins[0], ins[1], n].map(SnapValue::Ref).to_vec();
        let header = compile_linked(
            &t,
            &Linkage {
                trace_id: 9,
                exits: vec![Some(ExitLink {
                    cell: cell.as_ptr() as usize,
                    frame_regs: Some(regs),
                    loopbacks: Some((counter.as_ptr() as usize, 3)),
                })],
                inputs: None,
                tier_counter: None,
            },
        )
        .unwrap();
        let go = |fuel: &mut i64| {
            let mut buf = vec![Value::Int(90), Value::Int(0), Value::None];
            let (trace, exit) = header.run_linked(mc, fuel, &mut buf);
            (trace, exit, buf[..2].to_vec())
        };
        // No loop code yet: the exit returns its live values (constants aside).
        let mut fuel = 1000;
        let (trace, exit, live) = go(&mut fuel);
        assert_eq!((trace, exit, fuel), (9, 0, 1000));
        assert_values(&live, &[Value::Int(90), Value::Int(0)]);
        // With it: one unit of fuel for the entry, then ten iterations.
        cell.set(lp.link_entry());
        let (trace, exit, live) = go(&mut fuel);
        assert_eq!(
            (trace, exit),
            (4, 3),
            "left through the loop's `i < n` guard"
        );
        assert_values(&live, &[Value::Int(100), Value::Int((90..100).sum())]);
        assert_eq!(fuel, 1000 - 1 - 10);
        // Without fuel the link is not taken.
        let mut fuel = 0;
        let (trace, exit, _) = go(&mut fuel);
        assert_eq!((trace, exit, fuel), (9, 0, 0));
        // The counter counted the three tries; from the third on, the exit
        // returns instead of linking.
        assert_eq!(counter.get(), 3);
        let mut fuel = 1000;
        assert_eq!(go(&mut fuel).0, 9);
        counter.set(0);
        assert_eq!(go(&mut fuel).0, 4);
        drop(header);
    });
}

#[test]
fn fuel_ops_spend_the_trace_fuel_cost() {
    rootless_mutate(|mc| {
        let mut t = summing_loop();
        t.fuel_cost = 10;
        let code = compile(&t).unwrap();
        // 100 iterations at 10 units each: the loop ends (exit 3) first.
        let mut fuel = 2000;
        let ins = [Value::Int(0), Value::Int(0), Value::Int(100)];
        assert_eq!(run(&code, mc, &mut fuel, &ins).0, 3);
        assert_eq!(fuel, 1000);
        // With 95 units, the tenth iteration's `fuel` op leaves (exit 5).
        let mut fuel = 95;
        let (exit, live) = run(&code, mc, &mut fuel, &ins);
        assert_eq!(exit, 5);
        assert_values(&live, &[Value::Int(10), Value::Int(45), Value::Int(100)]);
        assert_eq!(fuel, -5);
    });
}

/// Asserts that outside cold blocks `t`'s code makes no call: the ops
/// under test are inlined on the hot path.
fn assert_no_hot_calls(t: &TraceIr<'_>) {
    let (_, built) = build(t, true).unwrap();
    let func = built.func.unwrap();
    for block in func.layout.blocks() {
        if func.layout.is_cold(block) {
            continue;
        }
        for inst in func.layout.block_insts(block) {
            let op = func.dfg.insts[inst].opcode();
            assert!(!op.is_call(), "{op} on the hot path:\n{}", built.listing);
        }
    }
}

/// Within one trace: reads and writes of a list, its growth by appends
/// (which reallocate its buffer) and its shrinking by pops and a truncate,
/// all through trampolines, between inline accesses that must see them.
/// Without `guarded`, the tags of the list and the index are checked by the
/// inline code only.
fn list_trace<'gc>(guarded: bool) -> TraceIr<'gc> {
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 2); // list, index
    let (l, i) = (xs[0], xs[1]);
    if guarded {
        guard(&mut t, Op::GuardTag(l, Tag::List), &[]);
        guard(&mut t, Op::GuardTag(i, Tag::Int), &[]);
    }
    let (zero, one, tru, half) = (
        t.konst(Value::Int(0)),
        t.konst(Value::Int(1)),
        t.konst(Value::Bool(true)),
        t.konst(Value::Float(0.5)),
    );
    let len0 = t.push(Op::ListLen(l), None);
    let a = t.push(Op::ListGet(l, i), None);
    t.push(Op::ListSet(l, i, tru), None);
    let b = t.push(Op::ListGet(l, i), None);
    let same = t.push(Op::Same(b, tru), None);
    for _ in 0..5 {
        t.push(Op::ListAppend(l, half), None);
    }
    let len1 = t.push(Op::ListLen(l), None);
    // The old length is an index now.
    let grown = t.push(Op::ListGet(l, len0), None);
    t.push(Op::ListSet(l, len0, i), None);
    let grown2 = t.push(Op::ListGet(l, len0), None);
    let popped = t.push(Op::ListPop(l), None);
    t.push(Op::ListTruncate(l, one), None);
    let len2 = t.push(Op::ListLen(l), None);
    let first = t.push(Op::ListGet(l, zero), None);
    guard(
        &mut t,
        Op::Exit,
        &[len0, a, same, len1, grown, grown2, popped, len2, first],
    );
    t
}

/// What [`list_trace`] computes, by the interpreter's heap functions.
fn list_trace_by_heap<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, i: i64) -> Vec<Value<'gc>> {
    let len0 = heap::list_len(l);
    let a = heap::list_get(l, i);
    heap::list_set(mc, l, i, Value::Bool(true));
    let same = Value::Bool(heap::list_get(l, i).same(&Value::Bool(true)));
    for _ in 0..5 {
        heap::list_append(mc, l, Value::Float(0.5));
    }
    let len1 = heap::list_len(l);
    let grown = heap::list_get(l, len0);
    heap::list_set(mc, l, len0, Value::Int(i));
    let grown2 = heap::list_get(l, len0);
    let popped = heap::list_pop(mc, l);
    heap::list_truncate(mc, l, 1);
    let len2 = heap::list_len(l);
    let first = heap::list_get(l, 0);
    vec![
        Value::Int(len0),
        a,
        same,
        Value::Int(len1),
        grown,
        grown2,
        popped,
        Value::Int(len2),
        first,
    ]
}

#[test]
fn lists_are_read_and_written_in_place() {
    rootless_mutate(|mc| {
        for guarded in [true, false] {
            let t = list_trace(guarded);
            assert_no_hot_calls(&{
                // The same accesses without the resizing ops in between.
                let mut t = TraceIr::default();
                let xs = inputs(&mut t, 3);
                guard(&mut t, Op::GuardTag(xs[0], Tag::List), &[]);
                guard(&mut t, Op::GuardTag(xs[1], Tag::Int), &[]);
                let n = t.push(Op::ListLen(xs[0]), None);
                let g = t.push(Op::ListGet(xs[0], xs[1]), None);
                t.push(Op::ListSet(xs[0], xs[1], xs[2]), None);
                guard(&mut t, Op::Exit, &[n, g]);
                t
            });
            let code = compile(&t).unwrap();
            let items = |mc| {
                let mut v = vec![Value::Int(10), Value::None, Value::Float(-2.0)];
                v.shrink_to_fit(); // the first append reallocates
                heap::new_list_from(mc, v)
            };
            for i in 0..3 {
                let (jit_list, heap_list) = (items(mc), items(mc));
                let (exit, live) = run1(&code, mc, &[jit_list, Value::Int(i)]);
                assert_eq!(exit, if guarded { 2 } else { 0 });
                assert_values(&live, &list_trace_by_heap(mc, heap_list, i));
                assert_values(&heap::list_items(jit_list), &heap::list_items(heap_list));
            }
        }
    });
}

/// The child half of [`out_of_range_indexes_reach_the_heap_functions`]:
/// runs case `POLYVM_TEST_OUT_OF_RANGE` (nothing when it is unset), which
/// must abort the process.
#[test]
fn out_of_range_child() {
    use crate::meta::TUPLE_GET;
    let Ok(case) = std::env::var("POLYVM_TEST_OUT_OF_RANGE") else {
        return;
    };
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // list or tuple, index
        let (seq, i) = (xs[0], xs[1]);
        guard(&mut t, Op::GuardTag(i, Tag::Int), &[]);
        let three = t.konst(Value::Int(3));
        let nine = t.konst(Value::Int(9));
        let (seq_value, index, read) = match case.as_str() {
            "list_get_negative" => (Tag::List, -1, t.push(Op::ListGet(seq, i), None)),
            "list_get_len" => (Tag::List, 3, t.push(Op::ListGet(seq, i), None)),
            "list_set_len" => {
                t.push(Op::ListSet(seq, i, nine), None);
                (Tag::List, 3, nine)
            }
            "list_get_after_truncate" => {
                t.push(Op::ListTruncate(seq, three), None);
                (Tag::List, 3, t.push(Op::ListGet(seq, i), None))
            }
            "tuple_get_len" => (
                Tag::Tuple,
                3,
                t.push(Op::Call(&TUPLE_GET, vec![seq, i]), None),
            ),
            "tuple_get_negative" => (
                Tag::Tuple,
                -1,
                t.push(Op::Call(&TUPLE_GET, vec![seq, i]), None),
            ),
            // Wrong types, which a trace normally guards against.
            "list_len_of_a_tuple" => (Tag::Tuple, 0, t.push(Op::ListLen(seq), None)),
            "list_get_of_a_tuple" => (Tag::Tuple, 0, t.push(Op::ListGet(seq, i), None)),
            "tuple_get_of_a_list" => (
                Tag::List,
                0,
                t.push(Op::Call(&TUPLE_GET, vec![seq, i]), None),
            ),
            other => panic!("no case {other}"),
        };
        guard(&mut t, Op::Exit, &[read]);
        let code = compile(&t).unwrap();
        let items = [Value::Int(1), Value::Int(2), Value::Int(3)];
        let s = match seq_value {
            // Five items, so index 3 is inside until the truncate.
            Tag::List if case == "list_get_after_truncate" => {
                heap::new_list_from(mc, [&items[..], &items[..2]].concat())
            }
            Tag::List => heap::new_list_from(mc, items.to_vec()),
            _ => heap::new_tuple(mc, Value::None, &items),
        };
        eprintln!("child: running");
        let mut buf = vec![s, Value::Int(index)];
        buf.resize(code.buf_len().max(2), Value::None);
        if code.run(mc, &mut 1000, &mut buf) == super::STATUS_BUG {
            // What the driver does with it.
            panic!("compiled code returned the bug status");
        }
        eprintln!("child: survived");
    });
}

#[test]
fn out_of_range_indexes_reach_the_heap_functions() {
    // An index the interpreter would not use (it checks the range first)
    // must not be read or written inline: the trampoline gets it, and its
    // heap function fails the way the interpreter's would, here by a
    // panic, which aborts inside trace code. Tuple reads, whose helpers
    // would panic too, return the bug status instead (the driver panics).
    // So each case runs in a child process.
    let exe = std::env::current_exe().unwrap();
    let bounds = |index| format!("index out of bounds: the len is 3 but the index is {index}");
    let bug = String::from("compiled code returned the bug status");
    for (case, want) in [
        ("list_get_negative", bounds("18446744073709551615")),
        ("list_get_len", bounds("3")),
        ("list_set_len", bounds("3")),
        ("list_get_after_truncate", bounds("3")),
        ("tuple_get_len", bug.clone()),
        ("tuple_get_negative", bug.clone()),
        ("list_len_of_a_tuple", "list operation on Tuple".into()),
        ("list_get_of_a_tuple", "list operation on Tuple".into()),
        ("tuple_get_of_a_list", bug),
    ] {
        let out = std::process::Command::new(&exe)
            .args(["--exact", "jit::backend::tests::out_of_range_child"])
            .args(["--nocapture", "--test-threads=1"])
            .env("POLYVM_TEST_OUT_OF_RANGE", case)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{case}: {err}");
        assert!(err.contains("child: running"), "{case}: {err}");
        assert!(!err.contains("child: survived"), "{case}: {err}");
        assert!(err.contains(&want), "{case}: {err}");
    }
}

#[test]
fn tuples_are_read_in_place() {
    use crate::meta::{TUPLE_GET, TUPLE_HEAD, TUPLE_LEN};
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 2); // tuple, index
        let (tu, i) = (xs[0], xs[1]);
        guard(&mut t, Op::GuardTag(tu, Tag::Tuple), &[]);
        guard(&mut t, Op::GuardTag(i, Tag::Int), &[]);
        let zero = t.konst(Value::Int(0));
        let head = t.push(Op::Call(&TUPLE_HEAD, vec![tu]), None);
        let len = t.push(Op::Call(&TUPLE_LEN, vec![tu]), None);
        let item = t.push(Op::Call(&TUPLE_GET, vec![tu, i]), None);
        let first = t.push(Op::Call(&TUPLE_GET, vec![tu, zero]), None);
        guard(&mut t, Op::Exit, &[head, len, item, first]);
        assert_no_hot_calls(&t);
        let code = compile(&t).unwrap();
        let f = heap::new_str(mc, "f");
        // Inline arities 1..=4, boxed ones above.
        for n in 1..=7 {
            let args: Vec<Value> = (0..n)
                .map(|k| match k % 3 {
                    0 => Value::Int(k),
                    1 => Value::Bool(k % 2 == 0),
                    _ => Value::Float(k as f64 / 4.0),
                })
                .collect();
            let tuple = heap::new_tuple(mc, f, &args);
            for k in 0..n {
                let (exit, live) = run1(&code, mc, &[tuple, Value::Int(k)]);
                assert_eq!(exit, 2);
                assert_values(
                    &live,
                    &[
                        heap::tuple_head(tuple),
                        Value::Int(heap::tuple_len(tuple)),
                        heap::tuple_get(tuple, k),
                        heap::tuple_get(tuple, 0),
                    ],
                );
            }
        }
        // The empty tuple: head and length only.
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 1);
        guard(&mut t, Op::GuardTag(xs[0], Tag::Tuple), &[]);
        let head = t.push(Op::Call(&TUPLE_HEAD, vec![xs[0]]), None);
        let len = t.push(Op::Call(&TUPLE_LEN, vec![xs[0]]), None);
        guard(&mut t, Op::Exit, &[head, len]);
        let code = compile(&t).unwrap();
        let empty = heap::new_tuple(mc, f, &[]);
        let (_, live) = run1(&code, mc, &[empty]);
        assert_values(&live, &[f, Value::Int(0)]);
    });
}

/// `cell_get` and `cell_set` are a load and a store at the cell's value,
/// `cell_mark` a load of its mark (no call on the hot path): a read after a
/// write sees it, the value a trace stores survives it, and values of every
/// tag round-trip. Without a guard on the cell's tag the inline code checks
/// it itself.
#[test]
fn cells_are_read_and_written_in_place() {
    use crate::cell::{as_cell, new_cell};
    use crate::meta::{CELL_GET, CELL_MARK, CELL_SET};
    for guarded in [true, false] {
        rootless_mutate(|mc| {
            let mut t = TraceIr::default();
            let xs = inputs(&mut t, 2); // cell, new value
            let (c, v) = (xs[0], xs[1]);
            if guarded {
                guard(&mut t, Op::GuardTag(c, Tag::Cell), &[]);
            }
            let old = t.push(Op::Call(&CELL_GET, vec![c]), None);
            let none = t.push(Op::Call(&CELL_SET, vec![c, v]), None);
            let new = t.push(Op::Call(&CELL_GET, vec![c]), None);
            let k = t.konst(Value::Int(7));
            t.push(Op::Call(&CELL_SET, vec![c, k]), None);
            let last = t.push(Op::Call(&CELL_GET, vec![c]), None);
            let mark = t.push(Op::Call(&CELL_MARK, vec![c]), None);
            guard(&mut t, Op::Exit, &[old, none, new, last, mark]);
            if guarded {
                assert_no_hot_calls(&t);
            }
            let code = compile(&t).unwrap();
            let s = heap::new_str(mc, "s");
            let values = [
                Value::Int(-3),
                Value::Bool(true),
                Value::Float(0.25),
                Value::None,
                s,
                new_cell(mc, Value::Int(1), 5),
            ];
            for (j, x) in values.iter().enumerate() {
                let prev = values[(j + 1) % values.len()];
                let m = 9 - 1000 * j as i64;
                let cell = new_cell(mc, prev, m);
                let (exit, live) = run1(&code, mc, &[cell, *x]);
                assert_eq!(exit as usize, guarded as usize);
                assert_values(
                    &live,
                    &[prev, Value::None, *x, Value::Int(7), Value::Int(m)],
                );
                let cell = as_cell(cell).unwrap();
                assert!(cell.get().same(&Value::Int(7)));
                assert_eq!(cell.mark(), m);
            }
        });
    }
}

/// `call_trace` calls the function trace in its cell and gets what it
/// finishes with; when the cell is empty it exits before calling; when the
/// callee exits, its exit is kept (trace, index, buffer) and the result is
/// `Absent`, so the guard after the call takes the caller's exit.
#[test]
fn call_trace_calls_finishes_and_hands_back_the_callee_exit() {
    use super::STATUS_FINISH;
    use crate::jit::helpers::CALL_TRACE;
    rootless_mutate(|mc| {
        // The callee: doubles its input, exits when that overflows.
        let mut callee = TraceIr::default();
        let x = inputs(&mut callee, 1)[0];
        let g = guard(&mut callee, Op::GuardTag(x, Tag::Int), &[x]);
        let _ = g;
        let two = callee.konst(Value::Int(2));
        let d = guard(&mut callee, Op::IntOvf(OvfOp::Mul, x, two), &[x]);
        callee.push(Op::Finish(d), None);
        let link = Linkage {
            trace_id: 7,
            ..Linkage::default()
        };
        let callee_code = compile_linked(&callee, &link).expect("callee compiles");
        let cell = Box::new(std::cell::Cell::new(0usize));

        // The caller: 1 + callee(input).
        let mut caller = TraceIr::default();
        let y = inputs(&mut caller, 1)[0];
        let c = caller.konst(Value::Int(cell.as_ptr() as usize as i64));
        let r = guard(&mut caller, Op::Call(&CALL_TRACE, vec![c, y]), &[y]);
        guard(&mut caller, Op::GuardTag(r, Tag::Int), &[y, r]);
        let one = caller.konst(Value::Int(1));
        let s = caller.push(Op::Int(IntOp::Add, r, one), None);
        caller.push(Op::Finish(s), None);
        let caller_code = compile(&caller).expect("caller compiles");

        fn run_it<'gc>(
            code: &CompiledCode,
            mc: &Mutation<'gc>,
            input: i64,
            nested: &mut Vec<crate::jit::NestedExit<'gc>>,
        ) -> (u32, Vec<Value<'gc>>) {
            let mut buf = vec![Value::None; 4];
            buf[0] = Value::Int(input);
            let mut fuel = 1000;
            let (_, exit) = code.run_nested(
                mc,
                &mut fuel,
                &mut buf,
                nested,
                super::runtime::STACK_BUDGET,
            );
            (exit, buf)
        }
        let mut nested = Vec::new();
        // No code in the cell: the call's own exit, nothing called.
        let (exit, buf) = run_it(&caller_code, mc, 20, &mut nested);
        assert_eq!(exit, 0);
        assert_values(&buf[..1], &[Value::Int(20)]);
        assert!(nested.is_empty());

        cell.set(callee_code.link_entry());
        let (exit, buf) = run_it(&caller_code, mc, 20, &mut nested);
        assert_eq!(exit, STATUS_FINISH);
        assert_values(&buf[..1], &[Value::Int(41)]);
        assert!(nested.is_empty());

        // The callee overflows: its exit 1 is kept, the caller leaves
        // through the guard after the call with the result Absent.
        let (exit, buf) = run_it(&caller_code, mc, i64::MAX / 2 + 1, &mut nested);
        assert_eq!(exit, 1);
        assert_values(&buf[..2], &[Value::Int(i64::MAX / 2 + 1), Value::Absent]);
        assert_eq!(nested.len(), 1);
        assert_eq!((nested[0].trace, nested[0].exit), (7, 1));
        assert_values(&nested[0].values[..1], &[Value::Int(i64::MAX / 2 + 1)]);
    });
}

/// A linked guard exit whose snapshot holds a virtual object builds it (and
/// does the delayed write that refers to it) before continuing in the
/// bridge, which finds it after the exit's live values.
#[test]
fn a_linked_exit_builds_its_virtual_objects() {
    use crate::jit::ir::{PendingWrite, Virtual};
    rootless_mutate(|mc| {
        // The bridge: `list_len l`, `list_get l, 1` of its input 0 (the list).
        let mut b = TraceIr::default();
        let l = inputs(&mut b, 1)[0];
        guard(&mut b, Op::GuardTag(l, Tag::List), &[l]);
        let n = b.push(Op::ListLen(l), None);
        let one = b.konst(Value::Int(1));
        let second = b.push(Op::ListGet(l, one), None);
        guard(&mut b, Op::Exit, &[n, second, l]);
        let bridge = compile_linked(
            &b,
            &Linkage {
                trace_id: 7,
                exits: vec![],
                inputs: Some(vec![InputSource::Buf(2)]),
                tier_counter: None,
            },
        )
        .unwrap();

        // The parent: `x = input 0, d = input 1; guard x < 10`, whose
        // snapshot's frame holds a virtual list [x, 42], with the delayed
        // write `d["k"] = that list`, and two virtual records that point to
        // each other, one also to x and to the list.
        let mut t = TraceIr::default();
        let ins = inputs(&mut t, 2);
        let (x, d) = (ins[0], ins[1]);
        guard(&mut t, Op::GuardTag(x, Tag::Int), &[x]);
        let ten = t.konst(Value::Int(10));
        let forty_two = t.konst(Value::Int(42));
        let key = t.konst(heap::new_str(mc, "k"));
        let code = t.konst(Value::None);
        let none = code;
        t.snapshots.push(Snapshot {
            frames: vec![SnapFrame {
                lang: 0,
                code,
                pc: 0,
                ret_reg: 0,
                regs: vec![SnapValue::Virtual(0), SnapValue::Virtual(1)],
            }],
            virtuals: vec![
                Virtual::List(vec![SnapValue::Ref(x), SnapValue::Ref(forty_two)]),
                Virtual::Record(
                    SnapValue::Ref(key),
                    vec![
                        SnapValue::Ref(x),
                        SnapValue::Virtual(0),
                        SnapValue::Virtual(2),
                        SnapValue::Ref(none),
                    ],
                ),
                Virtual::Record(SnapValue::Ref(key), vec![SnapValue::Virtual(1)]),
            ],
            pending: vec![PendingWrite::DictSet(
                SnapValue::Ref(d),
                SnapValue::Ref(key),
                SnapValue::Virtual(0),
            )],
        });
        let s = (t.snapshots.len() - 1) as SnapId;
        t.push(Op::GuardIntCmp(Cmp::Lt, x, ten), Some(s));
        guard(&mut t, Op::Exit, &[x]);
        let cell = Box::new(std::cell::Cell::new(bridge.link_entry()));
        let parent = compile_linked(
            &t,
            &Linkage {
                trace_id: 3,
                exits: vec![
                    None,
                    Some(ExitLink {
                        cell: cell.as_ptr() as usize,
                        frame_regs: None,
                        loopbacks: None,
                    }),
                    None,
                ],
                inputs: None,
                tier_counter: None,
            },
        )
        .unwrap();
        // The exit's live values are x and d; the list goes in slot 2,
        // the records in 3 and 4.
        assert_eq!(parent.buf_len(), 5);
        let dict = heap::new_dict(mc);
        let mut buf = vec![Value::Int(20), dict, Value::None, Value::None, Value::None];
        let (trace, exit) = parent.run_linked(mc, &mut 100, &mut buf);
        assert_eq!((trace, exit), (7, 1), "left through the bridge's `exit`");
        assert_values(&buf[..2], &[Value::Int(2), Value::Int(42)]);
        let list = buf[2];
        assert_eq!(format!("{list:?}"), "[20, 42]");
        assert!(heap::dict_get(dict, heap::new_str(mc, "k")).same(&list));
        let (r1, r2) = (buf[3], buf[4]);
        assert_eq!(heap::record_len(r1), 4);
        assert_values(
            &[
                heap::get_field(r1, 0),
                heap::get_field(r1, 1),
                heap::get_field(r1, 2),
                heap::get_field(r1, 3),
            ],
            &[Value::Int(20), list, r2, Value::None],
        );
        assert_values(&[heap::get_field(r2, 0)], &[r1]);
        // With no code in the cell, the exit stores its live values and
        // returns: building and writing are left to the driver.
        cell.set(0);
        let dict = heap::new_dict(mc);
        let mut buf = vec![Value::Int(20), dict, Value::None, Value::None, Value::None];
        let (trace, exit) = parent.run_linked(mc, &mut 100, &mut buf);
        assert_eq!((trace, exit), (3, 1));
        assert_values(&buf[..3], &[Value::Int(20), dict, Value::None]);
        assert!(heap::dict_get(dict, heap::new_str(mc, "k")).same(&Value::Absent));
    });
}

/// A linked exit builds virtual tuples too, after their parts: the bridge
/// gets the outer tuple, whose inner tuple holds the parent's input.
#[test]
fn a_linked_exit_builds_its_virtual_tuples() {
    use crate::jit::ir::Virtual;
    rootless_mutate(|mc| {
        let mut b = TraceIr::default();
        let tu = inputs(&mut b, 1)[0];
        guard(&mut b, Op::Exit, &[tu]);
        let bridge = compile_linked(
            &b,
            &Linkage {
                trace_id: 7,
                exits: vec![],
                inputs: Some(vec![InputSource::Buf(1)]),
                tier_counter: None,
            },
        )
        .unwrap();
        let mut t = TraceIr::default();
        let x = inputs(&mut t, 1)[0];
        guard(&mut t, Op::GuardTag(x, Tag::Int), &[x]);
        let f = t.konst(heap::new_str(mc, "f"));
        let g = t.konst(heap::new_str(mc, "g"));
        let code = t.konst(Value::None);
        t.snapshots.push(Snapshot {
            frames: vec![SnapFrame {
                lang: 0,
                code,
                pc: 0,
                ret_reg: 0,
                regs: vec![SnapValue::Virtual(0)],
            }],
            virtuals: vec![
                Virtual::Tuple(vec![
                    SnapValue::Ref(f),
                    SnapValue::Virtual(1),
                    SnapValue::Ref(x),
                ]),
                Virtual::Tuple(vec![SnapValue::Ref(g), SnapValue::Ref(x)]),
            ],
            pending: vec![],
        });
        let s = (t.snapshots.len() - 1) as SnapId;
        let ten = t.konst(Value::Int(10));
        t.push(Op::GuardIntCmp(Cmp::Lt, x, ten), Some(s));
        guard(&mut t, Op::Exit, &[x]);
        let cell = Box::new(std::cell::Cell::new(bridge.link_entry()));
        let parent = compile_linked(
            &t,
            &Linkage {
                trace_id: 3,
                exits: vec![
                    None,
                    Some(ExitLink {
                        cell: cell.as_ptr() as usize,
                        frame_regs: None,
                        loopbacks: None,
                    }),
                    None,
                ],
                inputs: None,
                tier_counter: None,
            },
        )
        .unwrap();
        let mut buf = vec![Value::Int(20), Value::None, Value::None, Value::None];
        let (trace, exit) = parent.run_linked(mc, &mut 100, &mut buf);
        assert_eq!((trace, exit), (7, 0), "left through the bridge's `exit`");
        // The bridge's input stays in the slot it was read from.
        assert_eq!(bridge.exits()[0].live[1], tu);
        let outer = buf[1];
        assert_eq!(heap::tuple_head(outer).as_str(), Some("f"));
        assert_eq!(heap::tuple_len(outer), 2);
        let inner = heap::tuple_get(outer, 0);
        assert_eq!(heap::tuple_head(inner).as_str(), Some("g"));
        assert!(heap::tuple_get(inner, 0).same(&Value::Int(20)));
        assert!(heap::tuple_get(outer, 1).same(&Value::Int(20)));
    });
}

/// Guards with one snapshot (those of one instruction), or with snapshots
/// that only store the same live values, share their exit block: the exit
/// index is its argument. Each still exits with its own index.
#[test]
fn guards_of_one_snapshot_share_an_exit_block() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let x = inputs(&mut t, 1)[0];
        let s = snap(&mut t, &[x]);
        t.push(Op::GuardTag(x, Tag::Int), Some(s));
        for k in [100, 50] {
            let c = t.konst(Value::Int(k));
            t.push(Op::GuardIntCmp(Cmp::Lt, x, c), Some(s));
        }
        // Another instruction's snapshot, with the same live values: the
        // same code on exit, so the same block too.
        let other = snap(&mut t, &[x]);
        let ten = t.konst(Value::Int(10));
        t.push(Op::GuardIntCmp(Cmp::Lt, x, ten), Some(other));
        guard(&mut t, Op::Exit, &[x]);
        let (code, built) = build(&t, true).unwrap();
        let func = built.func.expect("the function, with a listing");
        let returns = func
            .layout
            .blocks()
            .filter_map(|b| func.layout.last_inst(b))
            .filter(|i| func.dfg.insts[*i].opcode() == cranelift_codegen::ir::Opcode::Return)
            .count();
        assert_eq!(
            returns, 2,
            "one shared exit block and the `exit` op's:\n{}",
            built.listing
        );
        for (x, exit) in [(3, 4), (20, 3), (70, 2), (100, 1)] {
            let (e, live) = run1(&code, mc, &[Value::Int(x)]);
            assert_eq!(e, exit, "x = {x}");
            assert_values(&live, &[Value::Int(x)]);
        }
        let (e, _) = run1(&code, mc, &[Value::None]);
        assert_eq!(e, 0);
    });
}

/// A value has one buffer slot at every exit, so an exit whose values
/// include an earlier exit's stores only the new ones and jumps to that
/// exit's stores: each value is stored by one block.
#[test]
fn exits_store_only_what_earlier_exits_do_not() {
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let x = inputs(&mut t, 1)[0];
        guard(&mut t, Op::GuardTag(x, Tag::Int), &[x]);
        let one = t.konst(Value::Int(1));
        let y = t.push(Op::Int(IntOp::Add, x, one), None);
        let c100 = t.konst(Value::Int(100));
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, x, c100), &[x, y]);
        let z = t.push(Op::Int(IntOp::Add, y, one), None);
        let c50 = t.konst(Value::Int(50));
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, y, c50), &[x, y, z]);
        let w = t.push(Op::Int(IntOp::Add, z, one), None);
        let c20 = t.konst(Value::Int(20));
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, z, c20), &[y, w]);
        guard(&mut t, Op::Exit, &[x, y, z, w]);
        let (code, built) = build(&t, true).unwrap();
        let func = built.func.expect("the function, with a listing");
        let stores = func
            .layout
            .blocks()
            .filter(|b| func.layout.is_cold(*b))
            .flat_map(|b| func.layout.block_insts(b))
            .filter(|i| func.dfg.insts[*i].opcode() == cranelift_codegen::ir::Opcode::Store)
            .count();
        // y, z and w once each (tag and payload), and the tail's trace id
        // (it used to be 2 + 4 + 4 values' stores and an id per block).
        assert_eq!(stores, 7, "{}", built.listing);
        let i = Value::Int;
        for (x, exit, want) in [
            (200, 1, vec![i(200), i(201)]),
            (60, 2, vec![i(60), i(61), i(62)]),
            (30, 3, vec![i(31), i(33)]),
            (3, 4, vec![i(3), i(4), i(5), i(6)]),
        ] {
            let (e, live) = run1(&code, mc, &[i(x)]);
            assert_eq!(e, exit, "x = {x}");
            assert_values(&live, &want);
        }
    });
}

#[test]
fn compiling_counts_traces_instructions_and_code() {
    // Other tests compile concurrently: the totals only grow.
    let before = super::compile_stats();
    compile(&summing_loop()).unwrap();
    let after = super::compile_stats();
    assert!(after.traces > before.traces);
    // The loop has six guards, with cold exit blocks.
    assert!(after.clif_insts >= before.clif_insts + 20);
    assert!(after.cold_insts > before.cold_insts);
    assert!(after.code_bytes > before.code_bytes);
}

/// Inputs that a trace only hands to its exits cost their two loads and
/// two stores, not the normalising of their payloads (which Cranelift used
/// to build, optimise and delete: 13 instructions per input).
#[test]
fn inputs_only_passed_on_are_not_normalised() {
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 8);
    guard(&mut t, Op::GuardTag(xs[0], Tag::Int), &xs);
    guard(&mut t, Op::Exit, &xs);
    let n = super::lowered_insts(&t).unwrap();
    // 16 loads, the guard, the exit stores (27 in all; 123 when every
    // input was normalised on entry).
    assert!(n < 60, "{n} Cranelift instructions");
}

/// A loop that pushes past the store's capacity (the trampoline grows the
/// buffer inside the trace), reads back and rewrites each word in place,
/// then leaves through its loop guard; the store holds what the plain
/// operations would have left.
#[test]
fn word_stores_are_pushed_read_and_written_in_place() {
    use crate::words::{as_words, new_words};
    rootless_mutate(|mc| {
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3); // store, i, n
        t.push(Op::Label(xs.clone()), None);
        let p: Vec<Ref> = (0..3).map(|k| t.push(Op::Param(k), None)).collect();
        let (w, i, n) = (p[0], p[1], p[2]);
        guard(&mut t, Op::GuardTag(w, Tag::Words), &p);
        guard(&mut t, Op::GuardTag(i, Tag::Int), &p);
        guard(&mut t, Op::GuardTag(n, Tag::Int), &p);
        guard(&mut t, Op::GuardIntCmp(Cmp::Lt, i, n), &p);
        let ten = t.konst(Value::Int(10));
        let x = t.push(Op::Int(IntOp::Mul, i, ten), None);
        t.push(Op::WordsPush(w, x), None);
        let got = guard(&mut t, Op::WordsGet(w, i), &p);
        let one = t.konst(Value::Int(1));
        let y = t.push(Op::Int(IntOp::Add, got, one), None);
        guard(&mut t, Op::WordsSet(w, i, y), &p);
        let i2 = t.push(Op::Int(IntOp::Add, i, one), None);
        guard(&mut t, Op::Fuel, &p);
        t.push(Op::Jump(vec![w, i2, n]), None);
        let code = compile(&t).unwrap();
        let store = new_words(mc, 0);
        let (exit, live) = run(
            &code,
            mc,
            &mut 1_000_000,
            &[store, Value::Int(0), Value::Int(100)],
        );
        assert_eq!(exit, 3, "left through the loop guard");
        assert_values(&live, &[store, Value::Int(100), Value::Int(100)]);
        let words = as_words(store).unwrap();
        assert_eq!(words.len(), 100);
        assert!(words.capacity() >= 100, "grew inside the trace");
        let want: Vec<u64> = (0..100).map(|i| i * 10 + 1).collect();
        assert_eq!(words.to_vec(), want);
    });
}

/// Out of range, `words_get` and `words_set` leave through their guard
/// before touching memory (negative indices included); `words_truncate`
/// changes nothing unless `0 <= n < len`; `words_len` is one load.
#[test]
fn word_store_accesses_out_of_range_exit() {
    use crate::words::{as_words, new_words, push_value};
    rootless_mutate(|mc| {
        // v0 = store, v1 = index, v2 = new top
        let mut t = TraceIr::default();
        let xs = inputs(&mut t, 3);
        let (w, i, n) = (xs[0], xs[1], xs[2]);
        guard(&mut t, Op::GuardTag(w, Tag::Words), &xs);
        guard(&mut t, Op::GuardTag(i, Tag::Int), &xs);
        guard(&mut t, Op::GuardTag(n, Tag::Int), &xs);
        let seven = t.konst(Value::Int(7));
        guard(&mut t, Op::WordsSet(w, i, seven), &xs);
        let got = guard(&mut t, Op::WordsGet(w, i), &xs);
        t.push(Op::WordsTruncate(w, n), None);
        let len = t.push(Op::WordsLen(w), None);
        guard(&mut t, Op::Exit, &[got, len]);
        let code = compile(&t).unwrap();
        let store = new_words(mc, 0);
        for k in 0..5 {
            push_value(mc, store, k);
        }
        for bad in [5, 6, -1, i64::MIN, i64::MAX] {
            let (exit, _) = run1(&code, mc, &[store, Value::Int(bad), Value::Int(0)]);
            assert_eq!(exit, 3, "index {bad}: the set's guard");
            assert_eq!(as_words(store).unwrap().to_vec(), vec![0, 1, 2, 3, 4]);
        }
        for (top, want) in [(9, 5), (-1, 5), (5, 5), (3, 3)] {
            let (exit, live) = run1(&code, mc, &[store, Value::Int(1), Value::Int(top)]);
            assert_eq!(exit, 5, "the final exit");
            assert_values(&live, &[Value::Int(7), Value::Int(want)]);
        }
        assert_eq!(as_words(store).unwrap().to_vec(), vec![0, 7, 2]);
        // A word past the new top is out of range again.
        let (exit, _) = run1(&code, mc, &[store, Value::Int(3), Value::Int(0)]);
        assert_eq!(exit, 3);
    });
}

/// Word-store reads and writes are loads and stores in the hot blocks: the
/// only call is the push's growth path, in a cold block.
#[test]
fn word_store_accesses_are_inline_loads_and_stores() {
    let mut t = TraceIr::default();
    let xs = inputs(&mut t, 2); // store, index
    let (w, i) = (xs[0], xs[1]);
    guard(&mut t, Op::GuardTag(i, Tag::Int), &xs);
    let x = guard(&mut t, Op::WordsGet(w, i), &xs);
    let one = t.konst(Value::Int(1));
    let y = t.push(Op::Int(IntOp::Add, x, one), None);
    guard(&mut t, Op::WordsSet(w, i, y), &xs);
    t.push(Op::WordsPush(w, y), None);
    t.push(Op::WordsPush(w, x), None);
    let n = t.push(Op::WordsLen(w), None);
    t.push(Op::WordsTruncate(w, i), None);
    guard(&mut t, Op::Exit, &[n]);
    let (_, built) = build(&t, true).unwrap();
    if std::env::var_os("SHOW_LISTING").is_some() {
        eprintln!("{}", built.listing);
    }
    let func = built.func.unwrap();
    let (mut loads, mut stores, mut hot_calls, mut cold_calls) = (0, 0, 0, 0);
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            let op = func.dfg.insts[inst].opcode();
            if op.is_call() {
                if func.layout.is_cold(block) {
                    cold_calls += 1;
                } else {
                    hot_calls += 1;
                }
            } else if !func.layout.is_cold(block) {
                loads += op.can_load() as u32;
                stores += op.can_store() as u32;
            }
        }
    }
    assert_eq!(hot_calls, 0, "{}", built.listing);
    assert_eq!(
        cold_calls, 2,
        "one growth call per push:\n{}",
        built.listing
    );
    // At least: the word, the length and base (once), the capacity; and
    // the set, two pushes' words and lengths, the truncated length.
    assert!(loads >= 4 && stores >= 6, "{}", built.listing);
}
