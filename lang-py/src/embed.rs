//! Embedding Python in Rust: an [`Interpreter`] that keeps its globals
//! between runs, exchanges plain Rust values ([`PyValue`]) with Python,
//! calls Python functions, and exposes Rust functions as Python builtins.
//!
//! ```no_run
//! use lang_py::embed::{Interpreter, PyValue};
//! let mut py = Interpreter::new();
//! py.register("rust_add", |args| match args {
//!     [PyValue::Int(a), PyValue::Int(b)] => Ok(PyValue::Int(a + b)),
//!     _ => Err("rust_add takes two ints".into()),
//! });
//! py.run("def square(x):\n    return rust_add(x * x, 0)\n").unwrap();
//! assert_eq!(py.call("square", &[PyValue::Int(7)]).unwrap(), PyValue::Int(49));
//! ```

use std::cell::RefCell;
use std::collections::HashMap;

use vm_core::heap;
use vm_core::{Config, Value, Vm};

use crate::objects::*;

/// A Python value seen from Rust (converted on the way in and out).
#[derive(Clone, Debug, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<PyValue>),
    Tuple(Vec<PyValue>),
    Dict(Vec<(PyValue, PyValue)>),
    /// Anything else, as its `repr`.
    Other(String),
}

type RustFn = Box<dyn Fn(&[PyValue]) -> Result<PyValue, String>>;

thread_local! {
    static RUST_FNS: RefCell<HashMap<String, RustFn>> = RefCell::new(HashMap::new());
}

/// Converts a heap value to a [`PyValue`].
pub fn to_rust<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyValue {
    match v {
        Value::None | Value::Absent => PyValue::None,
        Value::Bool(b) => PyValue::Bool(b),
        Value::Int(i) => PyValue::Int(i),
        Value::Float(f) => PyValue::Float(f),
        Value::Str(s) => PyValue::Str(s.as_str().to_string()),
        Value::List(_) => PyValue::List(
            heap::list_items(v)
                .into_iter()
                .map(|x| to_rust(rt, x))
                .collect(),
        ),
        Value::Dict(_) => PyValue::Dict(
            heap::dict_entries(v)
                .into_iter()
                .map(|(k, x)| (to_rust(rt, k), to_rust(rt, x)))
                .collect(),
        ),
        Value::Record(_) if kind_of(rt, v) == Ty::Tuple => {
            PyValue::Tuple(tuple_items(v).into_iter().map(|x| to_rust(rt, x)).collect())
        }
        _ => PyValue::Other(repr(rt, v).unwrap_or_else(|_| "<object>".into())),
    }
}

/// Converts a [`PyValue`] to a heap value.
pub fn from_rust<'gc>(rt: &Rt<'_, 'gc>, v: &PyValue) -> Value<'gc> {
    match v {
        PyValue::None | PyValue::Other(_) => Value::None,
        PyValue::Bool(b) => Value::Bool(*b),
        PyValue::Int(i) => Value::Int(*i),
        PyValue::Float(f) => Value::Float(*f),
        PyValue::Str(s) => rt.s(s),
        PyValue::List(items) => rt.list(items.iter().map(|x| from_rust(rt, x)).collect()),
        PyValue::Tuple(items) => {
            let vals: Vec<Value<'gc>> = items.iter().map(|x| from_rust(rt, x)).collect();
            rt.tuple(&vals)
        }
        PyValue::Dict(entries) => {
            let d = heap::new_dict(rt.mc);
            for (k, x) in entries {
                let _ = dict_set(rt, d, from_rust(rt, k), from_rust(rt, x));
            }
            d
        }
    }
}

/// Calls a registered Rust function (`embed:NAME` builtins).
pub fn call_rust<'gc>(
    rt: &Rt<'_, 'gc>,
    name: &str,
    args: &[Value<'gc>],
) -> PyResult<'gc, Value<'gc>> {
    let conv: Vec<PyValue> = args.iter().map(|a| to_rust(rt, *a)).collect();
    let r = RUST_FNS.with(|f| f.borrow().get(name).map(|f| f(&conv)));
    match r {
        Some(Ok(v)) => Ok(from_rust(rt, &v)),
        Some(Err(m)) => rt.err(Ty::RuntimeError, m),
        None => rt.err(Ty::NameError, format!("name '{name}' is not defined")),
    }
}

/// A Python interpreter that keeps its `__main__` globals between runs.
pub struct Interpreter {
    vm: Vm,
    id: u16,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// A fresh interpreter (runs the prelude).
    pub fn new() -> Interpreter {
        Interpreter::with_config(Config::from_env())
    }

    pub fn with_config(config: Config) -> Interpreter {
        let (mut vm, id) = crate::new_vm(config, "<embedded>", &[]);
        // Run the prelude now, so later runs find its fallbacks.
        vm.run().expect("the prelude runs");
        Interpreter { vm, id }
    }

    /// Runs Python source in `__main__`; an uncaught exception comes back as its traceback text.
    pub fn run(&mut self, src: &str) -> Result<(), String> {
        let unit = crate::compile_source(src, "<embedded>", false)
            .map_err(|e| e.render("<embedded>", src))?;
        let id = self.id;
        self.vm.mutate(|mc, root| {
            let rt = Rt::new(mc, root.lang_state[id as usize]);
            let main = heap::dict_get(field(rt.rt, RT_MODULES), rt.s("__main__"));
            let code = crate::load_code(&rt, &unit, field(main, 1));
            root.frames.push(crate::module_frame(&rt, code));
        });
        let r = self.vm.run().map_err(|u| u.message);
        crate::builtins::io::flush_out();
        r
    }

    fn main_dict<R>(&mut self, f: impl for<'gc> FnOnce(&Rt<'_, 'gc>, Value<'gc>) -> R) -> R {
        let id = self.id;
        self.vm.mutate(|mc, root| {
            let rt = Rt::new(mc, root.lang_state[id as usize]);
            let main = heap::dict_get(field(rt.rt, RT_MODULES), rt.s("__main__"));
            f(&rt, field(main, 1))
        })
    }

    /// Reads a global of `__main__`.
    pub fn get_global(&mut self, name: &str) -> Option<PyValue> {
        self.main_dict(|rt, d| match heap::dict_get(d, rt.s(name)) {
            Value::Absent => None,
            v => Some(to_rust(rt, v)),
        })
    }

    /// Sets a global of `__main__`.
    pub fn set_global(&mut self, name: &str, value: PyValue) {
        self.main_dict(|rt, d| {
            crate::objects::global_rebound(rt, rt.s(name));
            heap::dict_set(rt.mc, d, rt.s(name), from_rust(rt, &value));
            globals_changed(rt);
        })
    }

    /// Calls the global function `name` with `args`.
    pub fn call(&mut self, name: &str, args: &[PyValue]) -> Result<PyValue, String> {
        self.set_global("__embed_args", PyValue::Tuple(args.to_vec()));
        self.run(&format!("__embed_result = {name}(*__embed_args)\n"))?;
        Ok(self.get_global("__embed_result").unwrap_or(PyValue::None))
    }

    /// Exposes a Rust function to Python as the builtin `name`.
    pub fn register(
        &mut self,
        name: &str,
        f: impl Fn(&[PyValue]) -> Result<PyValue, String> + 'static,
    ) {
        RUST_FNS.with(|m| m.borrow_mut().insert(name.to_string(), Box::new(f)));
        let id = self.id;
        let name = name.to_string();
        self.vm.mutate(move |mc, root| {
            let rt = Rt::new(mc, root.lang_state[id as usize]);
            let f = crate::builtins::builtin_fn(&rt, &format!("embed:{name}"), Value::None);
            heap::dict_set(mc, rt.builtins(), rt.s(&name), f);
            globals_changed(&rt);
        });
    }
}
