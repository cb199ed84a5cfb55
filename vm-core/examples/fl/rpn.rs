//! RPN, the second language: one-line stack functions defined inside FL files.
//!
//! `rpn NAME(p1, p2): TOKENS` defines a function. Tokens: numbers (int or
//! float), parameter names (push the argument), `+ - * <` (as FL's), `dup`,
//! `swap`, `drop`, and `NAME/N` (call the function NAME, FL or RPN, looked up
//! in the globals dict, with the top N values as arguments; push its result).
//! The function returns the top of the stack.
//!
//! Its frame holds no heap objects. The compiler knows the stack height at
//! every token (there are no branches), so the operand stack is a fixed set
//! of registers:
//!
//! | reg          | holds                                  |
//! |--------------|----------------------------------------|
//! | 0 .. P       | the parameters                         |
//! | P .. P+D     | stack slots 0 .. D (D: the max height) |
//! | P+D          | the result of the last call (`ret_reg`) |
//!
//! `NAME/N` compiles to `Call` (pops the arguments) then `Result` (pushes
//! the result register), so a frame suspended in a call is at its `Result`,
//! whose position is the call's.

use std::sync::Arc;

use gc_arena::{Gc, Mutation};
use vm_core::heap::{self, Code};
use vm_core::{Action, Frame, Meta, Tag, Value};

use crate::fl::bytecode::{ConstProto, LangIds, GLOBALS};
use crate::fl::error::{arity_message, new_error, type_name, SyntaxError};
use crate::fl::lexer::{self, Pos, Tok};
use crate::fl::ops::{self, BinOp};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RInstr {
    /// Push parameter `p`.
    Param(u32),
    /// Push `consts[k]`.
    Const(u32),
    Bin(BinOp),
    Dup,
    Swap,
    Drop,
    /// Call the function named `consts[name]` with the top `argc` values (popped).
    Call {
        name: u32,
        argc: u32,
    },
    /// Push the result register.
    Result,
    /// Return the top of the stack.
    Return,
}

/// The static part of an RPN code object. Constants: the globals dict at
/// [`GLOBALS`], then names and numbers.
#[derive(Clone, Debug)]
pub struct RpnCode {
    pub name: String,
    pub file: Arc<str>,
    pub params: Vec<String>,
    /// Max stack height.
    pub depth: u32,
    pub instrs: Vec<RInstr>,
    /// Stack height before each instruction.
    pub heights: Vec<u32>,
    pub pos: Vec<Pos>,
}

#[derive(Clone, Debug)]
pub struct RpnProto {
    pub code: RpnCode,
    pub consts: Vec<ConstProto>,
}

/// Compiles the text after `rpn` (`NAME(p, ...): tokens`) starting at `at`.
pub fn compile(text: &str, at: Pos, file: Arc<str>) -> Result<RpnProto, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let err = |i: usize, msg: &str| SyntaxError::new(at.line, at.col + i as u32, msg);
    let mut i = 0;
    let ident = |i: &mut usize| -> Option<String> {
        let s = *i;
        if s < chars.len() && lexer::is_ident_start(chars[s]) {
            while *i < chars.len() && lexer::is_ident_char(chars[*i]) {
                *i += 1;
            }
            Some(chars[s..*i].iter().collect())
        } else {
            None
        }
    };
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && (chars[*i] == ' ' || chars[*i] == '\t') {
            *i += 1;
        }
    };
    let name = ident(&mut i).ok_or_else(|| err(i, "expected an rpn function name"))?;
    skip_ws(&mut i);
    if chars.get(i) != Some(&'(') {
        return Err(err(i, "expected '('"));
    }
    i += 1;
    let mut params: Vec<String> = Vec::new();
    loop {
        skip_ws(&mut i);
        if chars.get(i) == Some(&')') {
            i += 1;
            break;
        }
        let p0 = i;
        let p = ident(&mut i).ok_or_else(|| err(i, "expected a parameter name"))?;
        if params.contains(&p) {
            return Err(err(
                p0,
                &format!("duplicate argument '{p}' in function definition"),
            ));
        }
        params.push(p);
        skip_ws(&mut i);
        match chars.get(i) {
            Some(',') => i += 1,
            Some(')') => {}
            _ => return Err(err(i, "expected ',' or ')'")),
        }
    }
    skip_ws(&mut i);
    if chars.get(i) != Some(&':') {
        return Err(err(i, "expected ':'"));
    }
    i += 1;

    let mut code = RpnCode {
        name: name.clone(),
        file,
        params: params.clone(),
        depth: 0,
        instrs: Vec::new(),
        heights: Vec::new(),
        pos: Vec::new(),
    };
    let mut consts = vec![ConstProto::Globals];
    let mut h: u32 = 0;
    loop {
        skip_ws(&mut i);
        if i >= chars.len() || chars[i] == '#' {
            break;
        }
        let start = i;
        while i < chars.len() && chars[i] != ' ' && chars[i] != '\t' {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let pos = Pos {
            line: at.line,
            col: at.col + start as u32,
        };
        let (instr, pops, pushes) = match word.as_str() {
            "+" => (RInstr::Bin(BinOp::Add), 2, 1),
            "-" => (RInstr::Bin(BinOp::Sub), 2, 1),
            "*" => (RInstr::Bin(BinOp::Mul), 2, 1),
            "<" => (RInstr::Bin(BinOp::Lt), 2, 1),
            "dup" => (RInstr::Dup, 1, 2),
            "swap" => (RInstr::Swap, 2, 2),
            "drop" => (RInstr::Drop, 1, 0),
            _ => {
                let wc: Vec<char> = word.chars().collect();
                let first = wc[0];
                let is_number = first.is_ascii_digit()
                    || (first == '.' && wc.len() > 1)
                    || (first == '-' && wc.len() > 1);
                if is_number {
                    let (neg, digits) = if first == '-' {
                        (true, &wc[1..])
                    } else {
                        (false, &wc[..])
                    };
                    let (tok, end) = lexer::number(digits, 0).map_err(|m| err(start, m))?;
                    if end != digits.len() {
                        return Err(err(start, "invalid number"));
                    }
                    let c = match tok {
                        Tok::Int(d) => {
                            let d = if neg { format!("-{d}") } else { d };
                            match d.parse::<i64>() {
                                Ok(v) => ConstProto::Int(v),
                                Err(_) => ConstProto::Big(d),
                            }
                        }
                        Tok::Float(x) => ConstProto::Float(if neg { -x } else { x }),
                        _ => return Err(err(start, "invalid number")),
                    };
                    consts.push(c);
                    (RInstr::Const(consts.len() as u32 - 1), 0, 1)
                } else if let Some(p) = params.iter().position(|p| *p == word) {
                    (RInstr::Param(p as u32), 0, 1)
                } else if let Some((callee, n)) = word.split_once('/') {
                    let ok_name = callee.chars().next().is_some_and(lexer::is_ident_start)
                        && callee.chars().all(lexer::is_ident_char);
                    let argc: u32 = match n.parse() {
                        Ok(a) if ok_name && n.chars().all(|c| c.is_ascii_digit()) => a,
                        _ => return Err(err(start, &format!("invalid rpn token '{word}'"))),
                    };
                    consts.push(ConstProto::Str(callee.to_string()));
                    let call = RInstr::Call {
                        name: consts.len() as u32 - 1,
                        argc,
                    };
                    if h < argc {
                        return Err(err(start, &format!("rpn stack underflow at '{word}'")));
                    }
                    code.instrs.push(call);
                    code.heights.push(h);
                    code.pos.push(pos);
                    h -= argc;
                    (RInstr::Result, 0, 1)
                } else {
                    return Err(err(start, &format!("invalid rpn token '{word}'")));
                }
            }
        };
        if h < pops {
            return Err(err(start, &format!("rpn stack underflow at '{word}'")));
        }
        code.instrs.push(instr);
        code.heights.push(h);
        code.pos.push(pos);
        h = h - pops + pushes;
        code.depth = code.depth.max(h);
    }
    if h == 0 {
        return Err(err(chars.len(), "rpn function leaves an empty stack"));
    }
    code.instrs.push(RInstr::Return);
    code.heights.push(h);
    code.pos.push(Pos {
        line: at.line,
        col: at.col + chars.len() as u32,
    });
    Ok(RpnProto { code, consts })
}

/// Allocates the code object of `proto`.
pub fn materialize<'gc>(
    mc: &Mutation<'gc>,
    proto: RpnProto,
    globals: Value<'gc>,
    ids: LangIds,
) -> Value<'gc> {
    let consts = proto
        .consts
        .into_iter()
        .map(|c| crate::fl::bytecode::const_value(mc, c, globals, ids))
        .collect();
    heap::new_code(mc, ids.rpn, Box::new(proto.code), consts)
}

/// The code object of a frame and its RPN data.
pub fn rpn_code<'gc>(code: Value<'gc>) -> (&'gc Code<'gc>, &'gc RpnCode) {
    let c = match code {
        Value::Code(c) => Gc::as_ref(c),
        other => panic!("RPN frame without a code object: {other:?}"),
    };
    (c, c.data::<RpnCode>().expect("RPN frame runs RPN code"))
}

/// Runs an RPN frame until it calls, returns or raises.
pub fn step<'gc, M: Meta<'gc>>(m: &mut M, fr: &mut Frame<'gc>) -> Action<'gc, M::V> {
    let (code, rc) = rpn_code(fr.code);
    let base = rc.params.len();
    let mut pc = fr.pc;
    loop {
        if !m.begin(fr, pc) {
            return Action::Yield;
        }
        let instr = rc.instrs[pc as usize];
        let top = base + rc.heights[pc as usize] as usize; // first free slot
        pc += 1;
        match instr {
            RInstr::Param(p) => {
                let v = m.reg(fr, p as usize);
                m.set_reg(fr, top, v);
            }
            RInstr::Const(k) => {
                let v = m.konst(code.consts[k as usize]);
                m.set_reg(fr, top, v);
            }
            RInstr::Bin(op) => {
                let a = m.reg(fr, top - 2);
                let b = m.reg(fr, top - 1);
                match ops::binary(m, op, a, b) {
                    Ok(r) => m.set_reg(fr, top - 2, r),
                    Err(e) => return Action::Raise(e),
                }
            }
            RInstr::Dup => {
                let v = m.reg(fr, top - 1);
                m.set_reg(fr, top, v);
            }
            RInstr::Swap => {
                let a = m.reg(fr, top - 2);
                let b = m.reg(fr, top - 1);
                m.set_reg(fr, top - 2, b);
                m.set_reg(fr, top - 1, a);
            }
            RInstr::Drop => {}
            RInstr::Call { name, argc } => {
                let argc = argc as usize;
                let globals = m.konst(code.consts[GLOBALS]);
                let key = m.konst(code.consts[name as usize]);
                let callee = m.dict_get(globals, key);
                match m.tag(callee) {
                    Tag::Code => {}
                    Tag::Absent => {
                        let n = code.consts[name as usize].as_str().unwrap_or("?");
                        let msg = format!("name '{n}' is not defined");
                        return Action::Raise(new_error(m.mc(), &msg));
                    }
                    _ => {
                        let msg = format!("'{}' object is not callable", type_name(m.get(callee)));
                        return Action::Raise(new_error(m.mc(), &msg));
                    }
                }
                let callee = m.promote(callee);
                let args = (top - argc..top).map(|r| m.reg(fr, r)).collect();
                fr.pc = pc;
                fr.ret_reg = base as u32 + rc.depth;
                return Action::Call { callee, args };
            }
            RInstr::Result => {
                let ret = base + rc.depth as usize;
                let v = m.reg(fr, ret);
                m.set_reg(fr, top, v);
                let none = m.konst(Value::None);
                m.set_reg(fr, ret, none);
            }
            RInstr::Return => return Action::Return(m.reg(fr, top - 1)),
        }
    }
}

/// Builds the frame for calling the RPN function `callee`: the arguments,
/// then the (empty) stack slots.
pub fn enter<'gc, M: Meta<'gc>>(
    m: &mut M,
    callee: Value<'gc>,
    args: &[M::V],
) -> Result<Frame<'gc>, Value<'gc>> {
    let (code, rc) = rpn_code(callee);
    if args.len() != rc.params.len() {
        return Err(new_error(
            m.mc(),
            &arity_message(&rc.name, &rc.params, args.len()),
        ));
    }
    let none = m.konst(Value::None);
    let mut regs: Vec<M::V> = args.to_vec();
    regs.resize(args.len() + rc.depth as usize + 1, none);
    Ok(m.new_frame(code.lang, callee, &regs))
}
