//! Embedding PHP in a Rust program: run source, call PHP functions, read
//! globals, and register Rust functions callable from PHP.
//!
//! ```no_run
//! let mut php = lang_php::embed::Php::new(vm_core::Config::default());
//! php.register_fn("rust_add", |args| {
//!     let a = args.first().and_then(|v| v.as_int()).unwrap_or(0);
//!     let b = args.get(1).and_then(|v| v.as_int()).unwrap_or(0);
//!     lang_php::embed::PhpValue::Int(a + b)
//! });
//! php.eval("<?php function twice($x) { return rust_add($x, $x); } $g = twice(21);").unwrap();
//! assert_eq!(php.global("g"), Some(lang_php::embed::PhpValue::Int(42)));
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use vm_core::heap;
use vm_core::{Config, Mutation, Value, Vm};

use crate::bytecode::SCRATCH;
use crate::runtime::{self, *};
use crate::value::*;

/// An owned PHP value crossing the embedding boundary.
#[derive(Clone, Debug, PartialEq)]
pub enum PhpValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// An ordered map; keys are `Int` or `Str`.
    Array(Vec<(PhpValue, PhpValue)>),
    /// An object, seen by its class name (objects do not cross by value).
    Object(String),
}

impl PhpValue {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            PhpValue::Int(i) => Some(*i),
            PhpValue::Float(f) => Some(*f as i64),
            PhpValue::Bool(b) => Some(*b as i64),
            PhpValue::Str(s) => s.parse().ok(),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PhpValue::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn from_value(v: Value<'_>) -> PhpValue {
        let v = deref(v);
        match v {
            Value::None | Value::Absent => PhpValue::Null,
            Value::Bool(b) => PhpValue::Bool(b),
            Value::Int(i) => PhpValue::Int(i),
            Value::Float(f) => PhpValue::Float(f),
            Value::Str(s) => PhpValue::Str(s.as_str().to_string()),
            _ if is_array(v) => PhpValue::Array(
                arr_entries(v)
                    .into_iter()
                    .map(|(k, x)| (PhpValue::from_value(k), PhpValue::from_value(x)))
                    .collect(),
            ),
            _ if is_object(v) => PhpValue::Object(class_name_of(v)),
            _ => PhpValue::Null,
        }
    }

    pub(crate) fn to_value<'gc>(&self, mc: &Mutation<'gc>) -> Value<'gc> {
        match self {
            PhpValue::Null | PhpValue::Object(_) => Value::None,
            PhpValue::Bool(b) => Value::Bool(*b),
            PhpValue::Int(i) => Value::Int(*i),
            PhpValue::Float(f) => Value::Float(*f),
            PhpValue::Str(s) => heap::new_str(mc, s),
            PhpValue::Array(items) => {
                let a = new_array(mc);
                for (k, x) in items {
                    let k = k.to_value(mc);
                    let k = norm_key(mc, k).unwrap_or(k);
                    arr_set(mc, a, k, x.to_value(mc));
                }
                a
            }
        }
    }
}

type HostFn = Rc<dyn Fn(&[PhpValue]) -> PhpValue>;

thread_local! {
    static HOST_FNS: RefCell<Vec<(String, HostFn)>> = const { RefCell::new(Vec::new()) };
}

/// The index of a host function registered under `lname`.
pub(crate) fn host_fn_index(lname: &str) -> Option<usize> {
    HOST_FNS.with(|h| h.borrow().iter().position(|(n, _)| n == lname))
}

/// Calls host function `i` (from PHP).
pub(crate) fn call_host<'gc>(mc: &Mutation<'gc>, i: usize, args: &[Value<'gc>]) -> Value<'gc> {
    let f = HOST_FNS.with(|h| h.borrow().get(i).map(|(_, f)| f.clone()));
    match f {
        Some(f) => {
            let a: Vec<PhpValue> = args.iter().map(|v| PhpValue::from_value(*v)).collect();
            f(&a).to_value(mc)
        }
        None => Value::None,
    }
}

/// A PHP interpreter instance for embedding.
pub struct Php {
    vm: Vm,
    started: bool,
}

impl Php {
    /// A fresh interpreter (the prelude is loaded on first use).
    pub fn new(config: Config) -> Php {
        let vm = crate::new_vm(config);
        Php { vm, started: false }
    }

    fn ensure_runtime(&mut self) -> Result<(), String> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let prelude = crate::parse_and_compile(
            "prelude.php",
            &crate::prelude_for("spl preg_replace_callback"),
            false,
        )?;
        let lang = runtime::lang_id();
        self.vm.mutate(|mc, root| {
            let rt = new_runtime(mc);
            root.lang_state[lang as usize] = rt;
            let code = materialize(mc, rt, &prelude, Value::None);
            root.frames.push(crate::frame_for(code));
        });
        self.run()
    }

    fn run(&mut self) -> Result<(), String> {
        let r = self.vm.run();
        runtime::flush();
        r.map_err(|u| u.message.replace('\u{0}', " "))
    }

    /// Runs PHP source (a file's text, with `<?php`) in the global scope.
    pub fn eval(&mut self, src: &str) -> Result<(), String> {
        self.ensure_runtime()?;
        let proto = crate::parse_and_compile("embedded.php", src, false)?;
        let lang = runtime::lang_id();
        self.vm.mutate(|mc, root| {
            let rt = root.lang_state[lang as usize];
            let code = materialize(mc, rt, &proto, Value::None);
            root.frames.push(crate::frame_for(code));
        });
        self.run()
    }

    /// What the JIT has done so far (traces, aborts with their reasons, exits).
    pub fn jit_stats(&mut self) -> vm_core::jit::JitStats {
        self.vm.mutate(|_, root| root.jit.stats.clone())
    }

    /// Calls a PHP function by name.
    pub fn call(&mut self, name: &str, args: &[PhpValue]) -> Result<PhpValue, String> {
        self.ensure_runtime()?;
        let lang = runtime::lang_id();
        let lname = name.to_ascii_lowercase();
        let pushed = self.vm.mutate(|mc, root| {
            let rt = root.lang_state[lang as usize];
            let f = dict_get_str(rt_field(rt, RT_FUNCS), &lname);
            if !matches!(f, Value::Code(_)) {
                return false;
            }
            let mut vals = vec![Value::None, Value::None, Value::None];
            vals.extend(args.iter().map(|a| a.to_value(mc)));
            let mut fuel = 1_000_000;
            let mut plain = vm_core::Plain::new(mc, &mut root.jit, &mut fuel);
            match crate::interp::enter(&mut plain, f, &vals) {
                Ok(mut fr) => {
                    fr.ret_reg = SCRATCH;
                    root.frames.push(fr);
                    true
                }
                Err(_) => false,
            }
        });
        if !pushed {
            return Err(format!("Call to undefined function {name}()"));
        }
        self.run()?;
        Ok(self.vm.mutate(|_, root| PhpValue::from_value(root.result)))
    }

    /// The value of a global variable.
    pub fn global(&mut self, name: &str) -> Option<PhpValue> {
        if !self.started {
            return None;
        }
        let lang = runtime::lang_id();
        self.vm.mutate(|_, root| {
            let rt = root.lang_state[lang as usize];
            match deref(dict_get_str(rt_field(rt, RT_GLOBALS), name)) {
                Value::Absent => None,
                v => Some(PhpValue::from_value(v)),
            }
        })
    }

    /// Registers a Rust function callable from PHP as `name(...)`.
    pub fn register_fn(&mut self, name: &str, f: impl Fn(&[PhpValue]) -> PhpValue + 'static) {
        let lname = name.to_ascii_lowercase();
        HOST_FNS.with(|h| {
            let mut h = h.borrow_mut();
            h.retain(|(n, _)| *n != lname);
            h.push((lname, Rc::new(f)));
        });
    }
}
