//! Constant expressions (class constants, property defaults) evaluated at class declaration.

use vm_core::heap;
use vm_core::{Mutation, Value};

use crate::ast::{ClassRef, Expr, E};
use crate::bytecode::BinOp;
use crate::runtime::*;
use crate::value::*;

pub fn eval<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    cls: Value<'gc>,
    e: &Expr,
) -> Result<Value<'gc>, String> {
    Ok(match &e.kind {
        E::Null => Value::None,
        E::Bool(b) => Value::Bool(*b),
        E::Int(i) => Value::Int(*i),
        E::Float(f) => Value::Float(*f),
        E::Str(t) => s(mc, t),
        E::Array(items) => {
            let a = new_array(mc);
            for it in items {
                let v = eval(mc, rt, cls, &it.value)?;
                if it.spread {
                    if is_array(v) {
                        for (k, x) in arr_entries(v) {
                            match k {
                                Value::Int(_) => {
                                    let _ = arr_push(mc, a, x);
                                }
                                k => arr_set(mc, a, k, x),
                            }
                        }
                    }
                    continue;
                }
                match &it.key {
                    Some(k) => {
                        let k = eval(mc, rt, cls, k)?;
                        let k = norm_key(mc, k).map_err(|_| "Illegal offset type".to_string())?;
                        arr_set(mc, a, k, v);
                    }
                    None => {
                        let _ = arr_push(mc, a, v);
                    }
                }
            }
            a
        }
        E::Unary(op, x) => {
            let v = eval(mc, rt, cls, x)?;
            match *op {
                "-" => crate::ops::arith(mc, BinOp::Mul, v, Value::Int(-1), "")
                    .map_err(|_| "bad operand".to_string())?,
                "+" => v,
                "!" => Value::Bool(!to_bool(v)),
                _ => Value::Int(!to_int(v)),
            }
        }
        E::Bin(op, a, b) => {
            let x = eval(mc, rt, cls, a)?;
            if *op == "&&" {
                return Ok(Value::Bool(to_bool(x) && to_bool(eval(mc, rt, cls, b)?)));
            }
            if *op == "||" {
                return Ok(Value::Bool(to_bool(x) || to_bool(eval(mc, rt, cls, b)?)));
            }
            if *op == "??" {
                return Ok(if matches!(x, Value::None) {
                    eval(mc, rt, cls, b)?
                } else {
                    x
                });
            }
            let y = eval(mc, rt, cls, b)?;
            let bop = BinOp::from_str(op).ok_or("bad operator")?;
            match bop {
                BinOp::Concat => s(mc, &(to_str_scalar(x) + &to_str_scalar(y))),
                BinOp::Eq
                | BinOp::Ne
                | BinOp::Identical
                | BinOp::NotIdentical
                | BinOp::Lt
                | BinOp::Le
                | BinOp::Gt
                | BinOp::Ge
                | BinOp::Spaceship
                | BinOp::Xor => crate::ops::compare_op(bop, x, y),
                _ => crate::ops::arith(mc, bop, x, y, "")
                    .map_err(|_| "Unsupported operand types".to_string())?,
            }
        }
        E::Ternary(c, t, f) => {
            let cv = eval(mc, rt, cls, c)?;
            if to_bool(cv) {
                match t {
                    Some(t) => eval(mc, rt, cls, t)?,
                    None => cv,
                }
            } else {
                eval(mc, rt, cls, f)?
            }
        }
        E::Const(n) => match crate::builtins::constant(mc, rt, n) {
            Some(v) => v,
            None => return Err(format!("Undefined constant \"{n}\"")),
        },
        E::ClassConst(cr, name) => {
            let c = match cr {
                ClassRef::SelfRef | ClassRef::Static => cls,
                ClassRef::Parent => class_const(cls, C_PARENT),
                ClassRef::Named(n) => {
                    if class_data(cls).map_or(false, |c| c.lname == n.to_ascii_lowercase()) {
                        cls
                    } else {
                        lookup_class(rt, n)
                    }
                }
                ClassRef::Dyn(_) => return Err(
                    "Dynamic class names are not allowed in compile-time class constant references"
                        .into(),
                ),
            };
            if name == "class" {
                return Ok(s(
                    mc,
                    &class_data(c).map(|d| d.name.clone()).unwrap_or_default(),
                ));
            }
            let v = heap::dict_get(class_const(c, C_CONSTS), s(mc, name));
            if let Value::Absent = v {
                return Err(format!(
                    "Undefined constant {}::{}",
                    class_data(c).map(|d| d.name.clone()).unwrap_or_default(),
                    name
                ));
            }
            v
        }
        E::MagicClass => s(
            mc,
            &class_data(cls).map(|d| d.name.clone()).unwrap_or_default(),
        ),
        E::Index(base, Some(k)) => {
            let b = eval(mc, rt, cls, base)?;
            let k = eval(mc, rt, cls, k)?;
            if !is_array(b) {
                return Err("Constant expression contains invalid operations".into());
            }
            let k = norm_key(mc, k).unwrap_or(k);
            deref(arr_get(b, k))
        }
        E::New(..) => return Err("New expressions are not supported in this context".into()),
        _ => return Err("Constant expression contains invalid operations".into()),
    })
}
