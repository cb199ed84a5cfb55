//! FL's interpreter loop, written once against [`Meta`].
//!
//! Frame layout (registers):
//!
//! | reg | holds                                                        |
//! |-----|--------------------------------------------------------------|
//! | 0   | the vars dict (the globals dict for module-level code)       |
//! | 1   | the operand stack, a list                                    |
//! | 2   | the result of the last call (`ret_reg`)                      |
//! | 3   | the globals dict                                             |
//!
//! Each instruction starts with `m.begin`, reads its operands with
//! `list_len`/`list_get`, makes every decision (tags, truth, overflow,
//! helpers that may raise), and only then writes (`list_truncate`,
//! `list_append`, `dict_set`), as the `Meta` contract asks. The step reads
//! the code object's instructions and constants directly: they are green.

use gc_arena::Gc;
use vm_core::heap::{self, Code};
use vm_core::jit::ir::IntOp;
use vm_core::{Action, Frame, Meta, Tag, Value};

use crate::fl::bytecode::{FlCode, Instr, GLOBALS};
use crate::fl::error::{arity_message, new_error, type_name};
use crate::fl::helpers::PRINT;
use crate::fl::ops;

pub const VARS: usize = 0;
pub const STACK: usize = 1;
pub const RET: usize = 2;
pub const GLOBALS_REG: usize = 3;
pub const NREGS: usize = 4;

/// The code object of a frame and its FL data.
pub fn fl_code<'gc>(code: Value<'gc>) -> (&'gc Code<'gc>, &'gc FlCode) {
    let c = match code {
        Value::Code(c) => Gc::as_ref(c),
        other => panic!("FL frame without a code object: {other:?}"),
    };
    let data = c.data::<FlCode>().expect("FL frame runs FL code");
    (c, data)
}

/// The int constant `i`.
fn int<'gc, M: Meta<'gc>>(m: &mut M, i: i64) -> M::V {
    m.konst(Value::Int(i))
}

/// `n - k` for the stack length `n`: the index of the `k`-th item from the top.
fn below<'gc, M: Meta<'gc>>(m: &mut M, n: M::V, k: i64) -> M::V {
    let kk = int(m, k);
    m.int(IntOp::Sub, n, kk)
}

/// Runs `fr` until it calls, returns, raises, yields or reaches a hot merge point.
pub fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    let (code, fl) = fl_code(fr.code);
    let mut pc = fr.pc;
    loop {
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        let instr = fl.instrs[pc as usize];
        pc += 1;
        match instr {
            Instr::Const(k) => {
                let v = m.konst(code.consts[k as usize]);
                let stack = m.reg(fr, STACK);
                m.list_append(stack, v);
            }
            Instr::Load(k) => {
                let key = m.konst(code.consts[k as usize]);
                let vars = m.reg(fr, VARS);
                let mut v = m.dict_get(vars, key);
                if m.tag(v) == Tag::Absent {
                    let globals = m.reg(fr, GLOBALS_REG);
                    v = m.dict_get(globals, key);
                    if m.tag(v) == Tag::Absent {
                        let name = code.consts[k as usize].as_str().unwrap_or("?");
                        let msg = format!("name '{name}' is not defined");
                        return Action::Raise(new_error(m.mc(), &msg));
                    }
                }
                let stack = m.reg(fr, STACK);
                m.list_append(stack, v);
            }
            Instr::Store(k) => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                let v = m.list_get(stack, i);
                m.list_truncate(stack, i);
                let key = m.konst(code.consts[k as usize]);
                let vars = m.reg(fr, VARS);
                m.dict_set(vars, key, v);
            }
            Instr::Bin(op) => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let ib = below(m, n, 1);
                let b = m.list_get(stack, ib);
                let ia = below(m, n, 2);
                let a = m.list_get(stack, ia);
                let r = match ops::binary(m, op, a, b) {
                    Ok(r) => r,
                    Err(e) => return Action::Raise(e),
                };
                m.list_truncate(stack, ia);
                m.list_append(stack, r);
            }
            Instr::Neg | Instr::Not => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                let a = m.list_get(stack, i);
                let r = if instr == Instr::Neg {
                    match ops::neg(m, a) {
                        Ok(r) => r,
                        Err(e) => return Action::Raise(e),
                    }
                } else {
                    ops::not(m, a)
                };
                m.list_truncate(stack, i);
                m.list_append(stack, r);
            }
            Instr::Pop => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                m.list_truncate(stack, i);
            }
            Instr::Jump(t) => pc = t,
            Instr::JumpIfFalse(t) => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                let v = m.list_get(stack, i);
                let b = ops::truthy(m, v);
                m.list_truncate(stack, i);
                if !b {
                    pc = t;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                let v = m.list_get(stack, i);
                let b = ops::truthy(m, v);
                if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                    pc = t;
                } else {
                    m.list_truncate(stack, i);
                }
            }
            Instr::Loop => {
                if m.merge_point(fr, pc - 1) {
                    return Action::Jit;
                }
            }
            Instr::Call(argc) => {
                let argc = argc as i64;
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let at = below(m, n, argc + 1);
                let callee = m.list_get(stack, at);
                let mut args = Vec::with_capacity(argc as usize);
                for j in 0..argc {
                    let i = below(m, n, argc - j);
                    args.push(m.list_get(stack, i));
                }
                if m.tag(callee) != Tag::Code {
                    let msg = format!("'{}' object is not callable", type_name(m.get(callee)));
                    return Action::Raise(new_error(m.mc(), &msg));
                }
                let callee = m.promote(callee);
                m.list_truncate(stack, at);
                fr.pc = pc;
                fr.ret_reg = RET as u32;
                return Action::Call { callee, args };
            }
            Instr::Result => {
                let v = m.reg(fr, RET);
                let stack = m.reg(fr, STACK);
                m.list_append(stack, v);
                // The register is dead until the next call: clear it, so it
                // keeps nothing alive and is no loop-carried value in traces.
                let none = m.konst(Value::None);
                m.set_reg(fr, RET, none);
            }
            Instr::Print(argc) => {
                let argc = argc as i64;
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let mut args = Vec::with_capacity(argc as usize);
                for j in 0..argc {
                    let i = below(m, n, argc - j);
                    args.push(m.list_get(stack, i));
                }
                if let Err(e) = m.call(&PRINT, &args) {
                    return Action::Raise(e);
                }
                let at = below(m, n, argc);
                m.list_truncate(stack, at);
                let none = m.konst(Value::None);
                m.list_append(stack, none);
            }
            Instr::Return => {
                let stack = m.reg(fr, STACK);
                let n = m.list_len(stack);
                let i = below(m, n, 1);
                return Action::Return(m.list_get(stack, i));
            }
            Instr::ReturnNone => return Action::Return(m.konst(Value::None)),
        }
    }
}

/// Builds the frame for calling the FL function `callee` with `args`:
/// a fresh vars dict binding the parameters, an empty stack.
pub fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let (code, fl) = fl_code(callee);
    if args.len() != fl.params.len() {
        return Err(new_error(
            m.mc(),
            &arity_message(&fl.name, &fl.params, args.len()),
        ));
    }
    let vars = m.new_dict();
    for (k, a) in fl.param_consts.iter().zip(args) {
        let key = m.konst(code.consts[*k as usize]);
        m.dict_set(vars, key, *a);
    }
    let stack = m.new_list();
    let none = m.konst(Value::None);
    let globals = m.konst(code.consts[GLOBALS]);
    Ok(m.new_frame(code.lang, callee, &[vars, stack, none, globals]))
}

/// The frame of a module: vars and globals are the same dict.
pub fn module_frame<'gc>(mc: &gc_arena::Mutation<'gc>, module: Value<'gc>) -> Frame<'gc> {
    let (code, _) = fl_code(module);
    let globals = code.consts[GLOBALS];
    Frame::new(
        code.lang,
        module,
        vec![globals, heap::new_list(mc), Value::None, globals],
    )
}
