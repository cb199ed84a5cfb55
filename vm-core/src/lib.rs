//! polyvm's shared core: values, the heap, the stackless executor, the
//! tracing interface interpreters are written against, and the JIT.
//!
//! Start with [`value`] (the one value type), [`heap`] (the objects), [`exec`]
//! (frames and the executor loop), [`meta`] (the tracing interface) and
//! [`jit`] (recording, optimisation, code generation, deoptimisation).

pub mod cell;
pub mod exec;
pub mod heap;
pub mod jit;
pub mod meta;
pub mod strbuf;
pub mod tuple;
pub mod value;
pub mod vm;
pub mod words;

pub use exec::{Action, Config, CoreError, Frame, FrameInfo, Language};
pub use gc_arena::{Collect, Gc, Mutation};
pub use heap::LangId;
pub use meta::{Meta, Plain};
pub use value::{Tag, Value};
pub use vm::{Uncaught, Vm};
