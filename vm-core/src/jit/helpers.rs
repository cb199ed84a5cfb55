//! Rust functions that traces may call, with the effects the optimiser relies on.
//!
//! A helper is a plain Rust function over values. The interpreter calls it
//! directly (through [`crate::meta::Meta::call`]); the recorder records a
//! `call` op naming it; the backend calls it from machine code through one
//! trampoline. The declared [`Effects`] are a promise: the optimiser removes,
//! merges or reorders calls according to them.

use gc_arena::Mutation;

use crate::value::Value;

/// What a helper may do besides computing its result.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Effects {
    /// Reads heap objects reachable from its arguments or globals.
    pub reads_heap: bool,
    /// Writes heap objects that existed before the call.
    pub writes_heap: bool,
    /// May raise a guest exception (returns `Err`). A helper that raises must
    /// do so before any side effect, so the interpreter can redo the call.
    pub may_raise: bool,
    /// May run guest code (and so do anything).
    pub calls_guest: bool,
    /// Same arguments give the same result, whenever called (implies no writes).
    pub elidable: bool,
    /// Has an effect outside the heap (I/O): never removed, never duplicated.
    pub io: bool,
    /// Narrows `writes_heap`: of the records it writes fields of only
    /// argument 0 (a record); it may write any list, dict or cell (say, the
    /// storage argument 0 holds and what that holds, or a variable it binds
    /// and the trail). The heap cache then keeps what it knows of the fields
    /// of records that cannot be argument 0, and forgets the rest (php6
    /// request 1: `php_arr_set`/`php_arr_op` write one PHP array). See
    /// [`Effects::WRITES_ARG0`].
    pub writes_arg0_only: bool,
}

impl Effects {
    /// A pure function of its arguments.
    pub const PURE: Effects = Effects {
        reads_heap: false,
        writes_heap: false,
        may_raise: false,
        calls_guest: false,
        elidable: true,
        io: false,
        writes_arg0_only: false,
    };
    /// Reads the heap, changes nothing.
    pub const READS: Effects = Effects {
        reads_heap: true,
        writes_heap: false,
        may_raise: false,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    };
    /// Reads and writes heap objects; does nothing else.
    pub const WRITES: Effects = Effects {
        reads_heap: true,
        writes_heap: true,
        may_raise: false,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    };
    /// Allocates and returns a new object from its arguments, reading and
    /// changing nothing else (not elidable: each call is a new object).
    pub const ALLOCATES: Effects = Effects {
        reads_heap: false,
        writes_heap: false,
        may_raise: false,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    };
    /// Reads the heap and writes the fields of argument 0 (a record) but of
    /// no other record, and any list, dict or cell (see
    /// [`Effects::writes_arg0_only`]); cannot raise or run guest code.
    pub const WRITES_ARG0: Effects = Effects {
        writes_arg0_only: true,
        ..Effects::WRITES
    };
    /// Anything at all.
    pub const ANY: Effects = Effects {
        reads_heap: true,
        writes_heap: true,
        may_raise: true,
        calls_guest: true,
        elidable: false,
        io: true,
        writes_arg0_only: false,
    };

    /// Whether a call whose result is unused may be deleted.
    pub fn is_removable(&self) -> bool {
        !self.writes_heap && !self.may_raise && !self.calls_guest && !self.io
    }
}

/// The signature of a helper: arguments in, a value or a raised exception out.
pub type HelperFn = for<'gc> fn(&Mutation<'gc>, &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>>;

/// A Rust function callable from traces.
pub struct Helper {
    /// Name in the IR text form.
    pub name: &'static str,
    /// The function.
    pub func: HelperFn,
    /// What it may do.
    pub effects: Effects,
}

impl std::fmt::Debug for Helper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl PartialEq for Helper {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

static REGISTRY: std::sync::Mutex<Vec<&'static Helper>> = std::sync::Mutex::new(Vec::new());

/// Makes a helper known by name to the IR parser (languages register theirs at start-up).
pub fn register(h: &'static Helper) {
    let mut reg = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    if !reg.iter().any(|x| std::ptr::eq(*x, h)) {
        reg.push(h);
    }
}

/// The registered helper called `name`.
pub fn by_name(name: &str) -> Option<&'static Helper> {
    let reg = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    reg.iter().copied().find(|h| h.name == name)
}

/// `call_trace cell, args...`: calls the compiled function trace whose
/// entry is in the word at address `cell` (an int constant), with `args` as
/// its inputs (the callee frame's registers), and returns what it returns.
///
/// The backend lowers it to a machine-code call (see `backend::lower`); as
/// a guard it exits, before calling anything, when there is no code in the
/// cell or machine-code calls are nested too deeply, and the interpreter
/// then redoes the call instruction. Its function is never called: if it
/// were, it would raise, which only makes the trace exit.
pub static CALL_TRACE: Helper = Helper {
    name: "call_trace",
    func: |_, _| Err(Value::None),
    effects: Effects::ANY,
};
