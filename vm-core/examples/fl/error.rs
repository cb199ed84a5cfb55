//! Errors: syntax errors found before running, and runtime errors as guest values.
//!
//! A runtime error is a record whose class is the string [`ERROR_CLASS`] and
//! whose one field is the message. FL and RPN raise the same kind; neither
//! catches anything. The position comes from the raising frame's pc (see
//! `Language::frame_info`), so the value itself carries none.

use gc_arena::Mutation;
use vm_core::heap;
use vm_core::Value;

/// The class of FL's (and RPN's) error records.
pub const ERROR_CLASS: &str = "fl.Error";

/// A compile-time error at a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub col: u32,
    pub msg: String,
}

impl SyntaxError {
    pub fn new(line: u32, col: u32, msg: &str) -> SyntaxError {
        SyntaxError {
            line,
            col,
            msg: msg.to_string(),
        }
    }
}

/// A runtime error value carrying `msg`.
pub fn new_error<'gc>(mc: &Mutation<'gc>, msg: &str) -> Value<'gc> {
    let class = heap::new_str(mc, ERROR_CLASS);
    let text = heap::new_str(mc, msg);
    heap::new_record(mc, class, vec![text])
}

/// The message of an exception: ours, or any other value shown as it is.
pub fn describe(exc: Value<'_>) -> String {
    if let Value::Record(_) = exc {
        if heap::record_class(exc).as_str() == Some(ERROR_CLASS) && heap::record_len(exc) == 1 {
            if let Some(msg) = heap::get_field(exc, 0).as_str() {
                return msg.to_string();
            }
        }
    }
    format!("uncaught exception {exc:?}")
}

/// Python's name for the type of a value, for messages.
pub fn type_name(v: Value<'_>) -> &'static str {
    match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) | Value::StrBuf(_) => "str",
        Value::Code(_) => "function",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Record(_) | Value::Tuple(_) | Value::Cell(_) | Value::Words(_) => "object",
        Value::Absent => "absent",
    }
}

/// Python's message for a call with the wrong number of arguments.
pub fn arity_message(name: &str, params: &[String], given: usize) -> String {
    let n = params.len();
    if given > n {
        format!(
            "{name}() takes {n} positional argument{} but {given} {} given",
            if n == 1 { "" } else { "s" },
            if given == 1 { "was" } else { "were" }
        )
    } else {
        let missing: Vec<String> = params[given..].iter().map(|p| format!("'{p}'")).collect();
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!(
                "{}, and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        format!(
            "{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )
    }
}
