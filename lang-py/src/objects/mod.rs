//! Python objects on the shared heap: the runtime record, the layout of
//! every record kind, the built-in types, and the operations that never run
//! guest code (equality, ordering, hashing to dict keys, repr, truth).
//!
//! Every record that is not a function or generator holds its type in field
//! 0 (a copy of `Record::class`), so the interpreter can read and promote an
//! object's type through `Meta::get_field` (the tracing interface has no
//! "class of record" operation; see CORE_REQUESTS.md).
//!
//! Operations that would need to run Python code (a user `__eq__`,
//! `__repr__`, `__lt__`, `__hash__`...) return [`NeedGuest`]; the caller then
//! runs a Python fallback from the prelude, so the Rust stack never holds
//! guest frames.

pub mod format;
pub mod shapes;

pub use shapes::{inst_del, inst_dict, inst_get, inst_keys, inst_set, I_COUNT, I_MAP, I_VALS};

use gc_arena::{Gc, Mutation};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use vm_core::heap::{self, Key};
use vm_core::Value;

/// Field of the runtime record.
pub const RT_BUILTINS: u32 = 0;
pub const RT_TYPES: u32 = 1;
pub const RT_MODULES: u32 = 2;
pub const RT_PRELUDE: u32 = 3;
pub const RT_INTERN: u32 = 4;
/// The recursion limit (read on every call; at a high index, like the
/// epochs below, so that traces' stores into instance fields, which use
/// low indices, do not make the optimiser read it again).
pub const RT_RECLIMIT: u32 = 24;
pub const RT_LANG: u32 = 6;
pub const RT_PATH: u32 = 7;
/// Pre-allocated strings for the names in [`NAMES`] (no allocation per lookup).
pub const RT_NAMES: u32 = 8;
/// Identifier-like string constants, one object per text (see [`Rt::name_str`]).
pub const RT_STRS: u32 = 9;
/// The class epoch: an Int bumped whenever a class's attributes change after
/// its creation; None once a class's `__dict__` has been handed out (then it
/// can change behind our back). Traces guard it (see `interp::mro_lookup`).
pub const RT_EPOCH: u32 = 25;
/// The globals epoch: like [`RT_EPOCH`], for module globals bound to
/// functions, classes and modules, and data bound once (the ones traces
/// treat as constants, see [`is_green_binding`]). A store that overwrites
/// such a binding, or adds a name that shadows a builtin, bumps it; stores
/// over other data (a counter, a loop variable) do not. None once a module dict is handed out, or after
/// [`MAX_CLASS_CHANGES`] bumps.
pub const RT_GEPOCH: u32 = 26;
/// Bool: whether any `property` object was ever made. Until one is, no
/// class attribute can take precedence over an instance attribute, and the
/// plain interpreter reads instance attributes without a class lookup.
pub const RT_PROPS: u32 = 12;
/// Bool: whether an integral float (`7.0`) was ever stored as a dict or set
/// key. Until one is, an int key has no float twin to look for, and the
/// int-key fast paths may store without one.
pub const RT_FKEYS: u32 = 27;
/// Dict: the names of module globals that were ever rebound (stored while
/// bound). A global bound once is read as a constant by traces whatever
/// its value (see [`is_green_binding`]); a counter or a flag that changes is
/// read from the dict, after one bump of the globals epoch.
pub const RT_REBOUND: u32 = 14;
pub const RT_COUNT: u32 = 28;

/// A class's attributes changed: compiled lookups of class attributes are
/// stale. A program that keeps changing classes (a counter kept as a class
/// attribute) would make every trace fail its epoch guard, so after
/// [`MAX_CLASS_CHANGES`] changes lookups are no longer green.
pub fn class_changed<'gc>(rt: &Rt<'_, 'gc>) {
    if let Value::Int(n) = field(rt.rt, RT_EPOCH) {
        let next = if n + 1 >= MAX_CLASS_CHANGES {
            Value::None
        } else {
            Value::Int(n + 1)
        };
        heap::set_field(rt.mc, rt.rt, RT_EPOCH, next);
    }
}

/// Changes to classes after which class lookups stop being green.
pub const MAX_CLASS_CHANGES: i64 = 1000;

/// Whether a global bound to `v` is read as a constant by traces: functions,
/// classes, modules and built-in functions, which programs rarely rebind.
pub fn is_green_global(v: Value<'_>) -> bool {
    if !matches!(v, Value::Record(_)) {
        return false;
    }
    match type_field(v) {
        Value::Int(k) => k == KIND_FUNC,
        t @ Value::Record(_) => {
            matches!(
                builtin_of(t),
                Some(Ty::Type | Ty::Module | Ty::BuiltinFunction)
            )
        }
        _ => false,
    }
}

/// Whether the module global `key`, bound to `v`, is read as a constant by
/// traces (behind the globals epoch): functions, classes and modules
/// always, any other value while the name was never rebound ([`RT_REBOUND`]).
pub fn is_green_binding<'gc>(rt_rec: Value<'gc>, key: Value<'gc>, v: Value<'gc>) -> bool {
    is_green_global(v)
        || (!matches!(v, Value::Absent)
            && matches!(
                heap::dict_get(field(rt_rec, RT_REBOUND), key),
                Value::Absent
            ))
}

/// The module global `key` is being stored over a binding: from now on it
/// is data to traces (unless it holds a function, class or module).
pub fn global_rebound<'gc>(rt: &Rt<'_, 'gc>, key: Value<'gc>) {
    let d = field(rt.rt, RT_REBOUND);
    if matches!(heap::dict_get(d, key), Value::Absent) {
        heap::dict_set(rt.mc, d, key, Value::Bool(true));
    }
}

/// Binds a module global, bumping the globals epoch when the binding was
/// absent or green (see [`RT_GEPOCH`]).
pub fn store_global<'gc>(rt: &Rt<'_, 'gc>, g: Value<'gc>, key: Value<'gc>, v: Value<'gc>) {
    let old = heap::dict_get(g, key);
    // A new name matters to traces only when it shadows a builtin (a
    // missing global is never compiled: reading it raises).
    let shadows = || !matches!(heap::dict_get(rt.builtins(), key), Value::Absent);
    if matches!(old, Value::Absent) && shadows() || is_green_binding(rt.rt, key, old) {
        globals_changed(rt);
    }
    if !matches!(old, Value::Absent) {
        global_rebound(rt, key);
    }
    heap::dict_set(rt.mc, g, key, v);
}

/// A module global was stored or deleted outside [`store_global`].
pub fn globals_changed<'gc>(rt: &Rt<'_, 'gc>) {
    if let Value::Int(n) = field(rt.rt, RT_GEPOCH) {
        let next = if n + 1 >= MAX_CLASS_CHANGES {
            Value::None
        } else {
            Value::Int(n + 1)
        };
        heap::set_field(rt.mc, rt.rt, RT_GEPOCH, next);
    }
}

/// A module's dict was handed to guest code, which may change it at any time.
pub fn globals_exposed<'gc>(rt: &Rt<'_, 'gc>) {
    heap::set_field(rt.mc, rt.rt, RT_GEPOCH, Value::None);
}

/// A class's own dict was handed to guest code, which may change it at any time.
pub fn class_dict_exposed<'gc>(rt: &Rt<'_, 'gc>) {
    heap::set_field(rt.mc, rt.rt, RT_EPOCH, Value::None);
}

/// Names looked up on every attribute access, call or operator.
pub const NAMES: &[&str] = &[
    "__init__",
    "__new__",
    "__call__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__len__",
    "__bool__",
    "__contains__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__repr__",
    "__str__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__format__",
    "__add__",
    "__sub__",
    "__mul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__pow__",
    "__radd__",
    "__rsub__",
    "__rmul__",
    "__neg__",
    "__enter__",
    "__exit__",
    "__init_subclass__",
    "__class_getitem__",
    "__index__",
    "__int__",
    "__float__",
    "__abs__",
    "__round__",
    "__reversed__",
    "__missing__",
    "__name__",
    "__qualname__",
    "__classcell__",
    "__dict__",
];

/// Field 0 of every typed record.
pub const F_TYPE: u32 = 0;

/// Field 0 of a record (its type, or the kind Int of functions, generators
/// and maps). A typed record's class is that same type (set at allocation,
/// never changed): it is read from the record itself, one load nearer than
/// the fields; the records whose class is not a type (functions and
/// generators: their code; maps and the bootstrap types: None) read field 0.
#[inline]
pub fn type_field<'gc>(v: Value<'gc>) -> Value<'gc> {
    match heap::record_class(v) {
        c @ Value::Record(_) => c,
        _ => field(v, F_TYPE),
    }
}

// Instances.
pub const I_DICT: u32 = 1;
pub const I_SLOT1: u32 = 2;
pub const I_SLOT2: u32 = 3;
// Types.
pub const T_DICT: u32 = 1;
pub const T_NAME: u32 = 2;
pub const T_BASES: u32 = 3;
pub const T_MRO: u32 = 4;
pub const T_BUILTIN: u32 = 5;
pub const T_QUALNAME: u32 = 6;
pub const T_MODULE: u32 = 7;
/// For user classes deriving from a built-in container (list, dict): its
/// `Ty` index; instances keep the native value in `I_SLOT1`.
pub const T_NATIVE: u32 = 8;
/// A dict caching MRO lookups (see [`lookup_cached`]), or None.
pub const T_CACHE: u32 = 9;
/// The class epoch ([`RT_EPOCH`]) at which [`T_CACHE`] was filled.
pub const T_CACHE_EPOCH: u32 = 10;
/// The root map of the class's instances (see `shapes`), or None until used.
pub const T_MAP: u32 = 11;
pub const T_COUNT: u32 = 12;
// Functions (class = code, field 0 = Int(KIND_FUNC)).
pub const KIND_FUNC: i64 = 1;
pub const KIND_GEN: i64 = 2;
pub const FN_NAME: u32 = 1;
pub const FN_QUALNAME: u32 = 2;
pub const FN_DEFAULTS: u32 = 3;
pub const FN_KWDEFAULTS: u32 = 4;
pub const FN_CLOSURE: u32 = 5;
pub const FN_DICT: u32 = 6;
pub const FN_MODULE: u32 = 7;
pub const FN_COUNT: u32 = 8;
// Generators (class = code, field 0 = Int(KIND_GEN)).
pub const G_REGS: u32 = 1;
pub const G_PC: u32 = 2;
pub const G_STATE: u32 = 3;
pub const G_NAME: u32 = 4;
pub const G_RETVAL: u32 = 5;
pub const G_MODE: u32 = 6;
pub const G_COUNT: u32 = 7;
pub const GEN_CREATED: i64 = 0;
pub const GEN_SUSPENDED: i64 = 1;
pub const GEN_RUNNING: i64 = 2;
pub const GEN_DONE: i64 = 3;
// Tuples: [type, len, items...].
pub const TUP_LEN: u32 = 1;
pub const TUP_ITEMS: u32 = 2;

macro_rules! types {
    ($($name:ident = $text:literal,)*) => {
        /// The built-in types, by index in the runtime's type list.
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Ty { $($name,)* }
        impl Ty {
            pub const ALL: &'static [Ty] = &[$(Ty::$name),*];
            pub fn name(self) -> &'static str { match self { $(Ty::$name => $text,)* } }
        }
    };
}

types! {
    Object = "object",
    Type = "type",
    NoneType = "NoneType",
    Bool = "bool",
    Int = "int",
    Float = "float",
    Str = "str",
    List = "list",
    Dict = "dict",
    Tuple = "tuple",
    Set = "set",
    FrozenSet = "frozenset",
    Range = "range",
    Slice = "slice",
    Function = "function",
    BuiltinFunction = "builtin_function_or_method",
    Method = "method",
    Generator = "generator",
    Cell = "cell",
    Module = "module",
    Property = "property",
    StaticMethod = "staticmethod",
    ClassMethod = "classmethod",
    Super = "super",
    Bytes = "bytes",
    ByteArray = "bytearray",
    NotImplementedType = "NotImplementedType",
    EllipsisType = "ellipsis",
    ListIter = "list_iterator",
    TupleIter = "tuple_iterator",
    RangeIter = "range_iterator",
    SeqIter = "iterator",
    Enumerate = "enumerate",
    Zip = "zip",
    ListRevIter = "list_reverseiterator",
    DictKeys = "dict_keys",
    DictValues = "dict_values",
    DictItems = "dict_items",
    File = "TextIOWrapper",
    Code = "code",
    BaseException = "BaseException",
    Exception = "Exception",
    TypeError = "TypeError",
    ValueError = "ValueError",
    KeyError = "KeyError",
    IndexError = "IndexError",
    AttributeError = "AttributeError",
    NameError = "NameError",
    UnboundLocalError = "UnboundLocalError",
    ZeroDivisionError = "ZeroDivisionError",
    StopIteration = "StopIteration",
    RuntimeError = "RuntimeError",
    RecursionError = "RecursionError",
    AssertionError = "AssertionError",
    ImportError = "ImportError",
    ModuleNotFoundError = "ModuleNotFoundError",
    NotImplementedError = "NotImplementedError",
    OverflowError = "OverflowError",
    LookupError = "LookupError",
    ArithmeticError = "ArithmeticError",
    SystemExit = "SystemExit",
    KeyboardInterrupt = "KeyboardInterrupt",
    GeneratorExit = "GeneratorExit",
    OSError = "OSError",
    FileNotFoundError = "FileNotFoundError",
    EOFError = "EOFError",
    UnicodeError = "UnicodeError",
    UnicodeDecodeError = "UnicodeDecodeError",
    FloatingPointError = "FloatingPointError",
    StopAsyncIteration = "StopAsyncIteration",
    MemoryError = "MemoryError",
    SyntaxErrorT = "SyntaxError",
    IndentationError = "IndentationError",
    Warning = "Warning",
    DeprecationWarning = "DeprecationWarning",
    UserWarning = "UserWarning",
    PermissionError = "PermissionError",
    TimeoutError = "TimeoutError",
    ConnectionError = "ConnectionError",
    IsADirectoryError = "IsADirectoryError",
}

/// The parent of each built-in exception type.
pub fn exc_parent(t: Ty) -> Option<Ty> {
    use Ty::*;
    Some(match t {
        BaseException => Object,
        Exception | SystemExit | KeyboardInterrupt | GeneratorExit => BaseException,
        TypeError | ValueError | LookupError | AttributeError | NameError | StopIteration
        | RuntimeError | AssertionError | ImportError | ArithmeticError | OSError | EOFError
        | MemoryError | SyntaxErrorT | Warning | StopAsyncIteration => Exception,
        KeyError | IndexError => LookupError,
        UnboundLocalError => NameError,
        ZeroDivisionError | OverflowError | FloatingPointError => ArithmeticError,
        RecursionError | NotImplementedError => RuntimeError,
        ModuleNotFoundError => ImportError,
        FileNotFoundError | PermissionError | TimeoutError | ConnectionError
        | IsADirectoryError => OSError,
        UnicodeError => ValueError,
        UnicodeDecodeError => UnicodeError,
        IndentationError => SyntaxErrorT,
        DeprecationWarning | UserWarning => Warning,
        _ => return None,
    })
}

/// What an operation needs when it cannot finish without running Python code.
#[derive(Debug)]
pub struct NeedGuest;

/// A Python-level error or a need for guest code.
pub enum Fail<'gc> {
    Raise(Value<'gc>),
    Guest,
}

impl<'gc> From<NeedGuest> for Fail<'gc> {
    fn from(_: NeedGuest) -> Self {
        Fail::Guest
    }
}

pub type PyResult<'gc, T> = Result<T, Fail<'gc>>;

/// The runtime seen from Rust: the arena and the runtime record.
#[derive(Copy, Clone)]
pub struct Rt<'a, 'gc> {
    pub mc: &'a Mutation<'gc>,
    pub rt: Value<'gc>,
}

/// Field `i` of a record. Read here rather than through `heap::get_field`
/// so that it inlines (vm-core's accessors are not inlined across crates),
/// which matters: the interpreter reads types and slots on every operation.
#[inline]
pub fn field<'gc>(v: Value<'gc>, i: u32) -> Value<'gc> {
    match v {
        Value::Record(r) => r.get(i as usize),
        other => heap::get_field(other, i),
    }
}

/// [`field`], always inlined: for the plain interpreter's shortcuts, which
/// read the runtime record's epochs and flags and a record's kind on every
/// call or attribute access (an out-of-line `field` cost ~20 instructions
/// more than the read itself).
#[inline(always)]
pub fn field_inline<'gc>(v: Value<'gc>, i: u32) -> Value<'gc> {
    match v {
        Value::Record(r) => r.get(i as usize),
        other => heap::get_field(other, i),
    }
}

/// Whether `v` is a Python function ([`is_py_function`]), always inlined.
#[inline(always)]
pub fn is_py_function_inline(v: Value<'_>) -> bool {
    matches!(v, Value::Record(r) if matches!(r.class, Value::Code(_))
        && matches!(field_inline(v, F_TYPE), Value::Int(KIND_FUNC)))
}

/// `heap::dict_get`, inlined here (see [`field`]).
#[inline]
pub fn dget<'gc>(d: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    match d {
        Value::Dict(m) => m.borrow().get(&Key(k)).copied().unwrap_or(Value::Absent),
        other => heap::dict_get(other, k),
    }
}

/// `heap::list_get`, inlined here (see [`field`]).
#[inline]
pub fn lget<'gc>(l: Value<'gc>, i: usize) -> Value<'gc> {
    match l {
        Value::List(v) => v.borrow()[i],
        other => heap::list_get(other, i as i64),
    }
}

pub fn int_of(v: Value<'_>) -> i64 {
    match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => 0,
    }
}

impl<'a, 'gc> Rt<'a, 'gc> {
    pub fn new(mc: &'a Mutation<'gc>, rt: Value<'gc>) -> Rt<'a, 'gc> {
        Rt { mc, rt }
    }
    pub fn ty(&self, t: Ty) -> Value<'gc> {
        heap::list_get(field(self.rt, RT_TYPES), t as i64)
    }
    pub fn builtins(&self) -> Value<'gc> {
        field(self.rt, RT_BUILTINS)
    }
    pub fn prelude(&self, name: &str) -> Value<'gc> {
        let d = field(self.rt, RT_PRELUDE);
        match d {
            // The interned name: no string is allocated per lookup.
            Value::Dict(_) => heap::dict_get(d, self.name_str(name)),
            _ => Value::Absent,
        }
    }
    pub fn s(&self, text: &str) -> Value<'gc> {
        heap::new_str(self.mc, text)
    }
    /// The one string object for an identifier-like `text` (as CPython
    /// interns such constants): attribute and global names used as dict keys
    /// then compare by pointer, not by content.
    pub fn name_str(&self, text: &str) -> Value<'gc> {
        let is_name = !text.is_empty()
            && text.len() <= 64
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let table = field(self.rt, RT_STRS);
        if !is_name || !matches!(table, Value::Dict(_)) {
            return self.s(text);
        }
        let s = self.s(text);
        match heap::dict_get(table, s) {
            Value::Absent => {
                heap::dict_set(self.mc, table, s, s);
                s
            }
            existing => existing,
        }
    }
    pub fn tuple(&self, items: &[Value<'gc>]) -> Value<'gc> {
        new_tuple(self.mc, self.ty(Ty::Tuple), items)
    }
    pub fn list(&self, items: Vec<Value<'gc>>) -> Value<'gc> {
        heap::new_list_from(self.mc, items)
    }
    pub fn record(&self, t: Ty, fields: &[Value<'gc>]) -> Value<'gc> {
        if t == Ty::Property {
            heap::set_field(self.mc, self.rt, RT_PROPS, Value::Bool(true));
        }
        let ty = self.ty(t);
        let mut f = Vec::with_capacity(fields.len() + 1);
        f.push(ty);
        f.extend_from_slice(fields);
        heap::new_record(self.mc, ty, f)
    }
    /// A new exception instance of built-in type `t` with message `msg`.
    pub fn exc(&self, t: Ty, msg: &str) -> Value<'gc> {
        let args = if msg.is_empty() {
            self.tuple(&[])
        } else {
            self.tuple(&[self.s(msg)])
        };
        self.exc_args(self.ty(t), args)
    }
    pub fn exc_args(&self, cls: Value<'gc>, args: Value<'gc>) -> Value<'gc> {
        shapes::new_dict_instance(self.mc, cls, heap::new_list(self.mc), args)
    }
    pub fn err<T>(&self, t: Ty, msg: impl AsRef<str>) -> PyResult<'gc, T> {
        Err(Fail::Raise(self.exc(t, msg.as_ref())))
    }
    pub fn new_set(&self, frozen: bool) -> Value<'gc> {
        let d = heap::new_dict(self.mc);
        self.record(if frozen { Ty::FrozenSet } else { Ty::Set }, &[d])
    }
    pub fn int(&self, i: BigInt) -> Value<'gc> {
        heap::new_int(self.mc, i)
    }
    pub fn lang(&self) -> u16 {
        int_of(field(self.rt, RT_LANG)) as u16
    }
}

pub fn new_tuple<'gc>(mc: &Mutation<'gc>, ty: Value<'gc>, items: &[Value<'gc>]) -> Value<'gc> {
    let mut f = Vec::with_capacity(items.len() + 2);
    f.push(ty);
    f.push(Value::Int(items.len() as i64));
    f.extend_from_slice(items);
    heap::new_record(mc, ty, f)
}

/// The built-in type index of a type record.
pub fn builtin_of(ty: Value<'_>) -> Option<Ty> {
    match ty {
        Value::Record(_) => {
            let b = field(ty, T_BUILTIN);
            match b {
                Value::Int(i) if (i as usize) < Ty::ALL.len() => Some(Ty::ALL[i as usize]),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a record is a type object (its type is `type` or a subclass).
pub fn is_type(v: Value<'_>) -> bool {
    match v {
        Value::Record(_) => {
            let t = type_field(v);
            matches!(t, Value::Record(_))
                && heap::record_len(t) == T_COUNT
                && matches!(field(t, T_MRO), Value::List(_))
                && builtin_of(t) == Some(Ty::Type)
        }
        _ => false,
    }
}

/// The native value inside an instance of a class deriving from list or dict.
pub fn native_slot<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    if let Value::Record(_) = v {
        let t = type_field(v);
        if let Value::Record(_) = t {
            if heap::record_len(t) == T_COUNT
                && matches!(field(t, T_NATIVE), Value::Int(_))
                && heap::record_len(v) > I_SLOT1
            {
                return Some(field(v, I_SLOT1));
            }
        }
    }
    None
}

/// Whether native kind `k` is immutable (its subclasses' instances hold a
/// value made once by `__new__`).
pub fn is_immutable_native(k: Ty) -> bool {
    matches!(k, Ty::Int | Ty::Float | Ty::Str | Ty::Tuple | Ty::Bytes)
}

/// The value inside an instance of an int/float/str/tuple/bytes subclass.
pub fn immutable_native<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    let n = native_slot(v)?;
    native_base(type_field(v))
        .filter(|k| is_immutable_native(*k))
        .map(|_| n)
}

/// Whether class `t` is a user metaclass: a class deriving from `type`
/// other than `type` itself.
pub fn is_metaclass<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>) -> bool {
    is_type(t) && builtin_of(t) == Some(Ty::Type) && !t.same(&rt.ty(Ty::Type))
}

/// The user metaclass of class `c`, if it has one (else its type is `type`).
pub fn user_metaclass<'gc>(rt: &Rt<'_, 'gc>, c: Value<'gc>) -> Option<Value<'gc>> {
    let m = type_field(c);
    (matches!(m, Value::Record(_)) && is_metaclass(rt, m)).then_some(m)
}

/// Whether class `c` answers the class-level protocol `hook`
/// (`__class_len__` …): itself (enum's hooks), or through its metaclass's
/// plain dunder (`__len__` …); the prelude's `_class_hook` then calls it.
pub fn has_class_hook<'gc>(rt: &Rt<'_, 'gc>, c: Value<'gc>, hook: &str) -> bool {
    if !matches!(lookup(rt, c, hook), Value::Absent) {
        return true;
    }
    match (user_metaclass(rt, c), hook.strip_prefix("__class")) {
        (Some(m), Some(rest)) => is_py_function(lookup(rt, m, &format!("_{rest}"))),
        _ => false,
    }
}

/// The native kind a class derives from, if any.
pub fn native_base(t: Value<'_>) -> Option<Ty> {
    match field(t, T_NATIVE) {
        Value::Int(i) => Ty::ALL.get(i as usize).copied(),
        _ => None,
    }
}

/// The Python type of any value.
pub fn type_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Value<'gc> {
    match v {
        Value::None | Value::Absent => rt.ty(Ty::NoneType),
        Value::Bool(_) => rt.ty(Ty::Bool),
        Value::Int(_) | Value::BigInt(_) => rt.ty(Ty::Int),
        Value::Float(_) => rt.ty(Ty::Float),
        Value::Str(_) | Value::StrBuf(_) => rt.ty(Ty::Str),
        Value::List(_) => rt.ty(Ty::List),
        Value::Dict(_) => rt.ty(Ty::Dict),
        // A foreign tuple or cell (a Prolog term or variable) is an opaque
        // object until interop wraps it.
        Value::Code(_) | Value::Tuple(_) | Value::Cell(_) | Value::Words(_) => rt.ty(Ty::Code),
        Value::Record(_) => match type_field(v) {
            Value::Int(KIND_FUNC) => rt.ty(Ty::Function),
            Value::Int(_) => rt.ty(Ty::Generator),
            t => t,
        },
    }
}

/// The built-in kind of a value: its type's built-in ancestor.
pub fn kind_of(rt: &Rt<'_, '_>, v: Value<'_>) -> Ty {
    match v {
        Value::None | Value::Absent => Ty::NoneType,
        Value::Bool(_) => Ty::Bool,
        Value::Int(_) | Value::BigInt(_) => Ty::Int,
        Value::Float(_) => Ty::Float,
        Value::Str(_) | Value::StrBuf(_) => Ty::Str,
        Value::List(_) => Ty::List,
        Value::Dict(_) => Ty::Dict,
        Value::Code(_) | Value::Tuple(_) | Value::Cell(_) | Value::Words(_) => Ty::Code,
        Value::Record(_) => match type_field(v) {
            Value::Int(KIND_FUNC) => Ty::Function,
            Value::Int(_) => Ty::Generator,
            t => {
                let _ = rt;
                builtin_of(t).unwrap_or(Ty::Object)
            }
        },
    }
}

pub fn type_name(t: Value<'_>) -> String {
    field(t, T_NAME).as_str().unwrap_or("?").to_string()
}

pub fn type_name_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> String {
    type_name(type_of(rt, v))
}

/// The MRO of a type, as a vector.
pub fn mro<'gc>(t: Value<'gc>) -> Vec<Value<'gc>> {
    heap::list_items(field(t, T_MRO))
}

/// Looks `name` up along a type's MRO.
pub fn lookup<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>, name: &str) -> Value<'gc> {
    lookup_cached(rt, t, name_key(rt, name))
}

/// The string for `name` as a dict key: the runtime's interned copy for the
/// special names in [`NAMES`], a new string otherwise.
pub fn name_key<'gc>(rt: &Rt<'_, 'gc>, name: &str) -> Value<'gc> {
    match NAMES.iter().position(|n| *n == name) {
        Some(i) => match field(rt.rt, RT_NAMES) {
            l @ Value::List(_) => heap::list_get(l, i as i64),
            _ => rt.s(name),
        },
        None => rt.s(name),
    }
}

/// [`lookup_key`] through the type's lookup cache: one dict lookup instead
/// of one per class along the MRO. The cache is valid while the class epoch
/// ([`RT_EPOCH`]) is the Int it was filled at: every change to a class's
/// attributes bumps the epoch, and once a class dict has been handed out the
/// epoch is None and nothing is cached.
pub fn lookup_cached<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>, key: Value<'gc>) -> Value<'gc> {
    let epoch = field(rt.rt, RT_EPOCH);
    if !matches!(epoch, Value::Int(_)) || heap::record_len(t) != T_COUNT {
        return lookup_key(t, key);
    }
    let mut cache = field(t, T_CACHE);
    let filled_now = matches!(
        (field(t, T_CACHE_EPOCH), epoch),
        (Value::Int(a), Value::Int(b)) if a == b
    );
    if let (Value::Dict(cd), true) = (cache, filled_now) {
        match dget(cache, key) {
            Value::Absent => {}
            // The cache dict itself (never a class attribute) marks "not found".
            Value::Dict(vd) if Gc::ptr_eq(vd, cd) => return Value::Absent,
            v => return v,
        }
    } else {
        cache = heap::new_dict(rt.mc);
        heap::set_field(rt.mc, t, T_CACHE, cache);
        heap::set_field(rt.mc, t, T_CACHE_EPOCH, epoch);
    }
    let v = lookup_key(t, key);
    let stored = if matches!(v, Value::Absent) { cache } else { v };
    heap::dict_set(rt.mc, cache, key, stored);
    v
}

pub fn lookup_key<'gc>(t: Value<'gc>, key: Value<'gc>) -> Value<'gc> {
    let m = field(t, T_MRO);
    let n = heap::list_len(m) as usize;
    for i in 0..n {
        let c = lget(m, i);
        let v = dget(field(c, T_DICT), key);
        if !matches!(v, Value::Absent) {
            return v;
        }
    }
    Value::Absent
}

pub fn is_subtype<'gc>(t: Value<'gc>, base: Value<'gc>) -> bool {
    if t.same(&base) {
        return true;
    }
    let m = field(t, T_MRO);
    let n = heap::list_len(m);
    (0..n).any(|i| heap::list_get(m, i).same(&base))
}

pub fn isinstance<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, t: Value<'gc>) -> bool {
    let vt = type_of(rt, v);
    is_subtype(vt, t) || abc_subtype(rt, vt, t)
}

/// The checks CPython's collections.abc classes make through their
/// metaclass (there are no metaclasses here): `t` is a virtual subclass of
/// `abc` when a type it derives from is in `abc`'s own `_abc_registered_`,
/// or, for a one-trick ABC (`_abc_methods_`, say `Iterable`), when `t` is a
/// user class defining those methods (not as None).
pub fn abc_subtype<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>, abc: Value<'gc>) -> bool {
    let Value::Record(_) = abc else {
        return false;
    };
    let d = field(abc, T_DICT);
    if !matches!(d, Value::Dict(_)) || heap::dict_len(d) == 0 {
        return false;
    }
    let reg = heap::dict_get(d, rt.name_str("_abc_registered_"));
    if !matches!(reg, Value::Record(_)) || kind_of(rt, reg) != Ty::Tuple {
        return false;
    }
    if tuple_items(reg).iter().any(|r| is_subtype(t, *r)) {
        return true;
    }
    let meths = heap::dict_get(d, rt.name_str("_abc_methods_"));
    let user_class = builtin_of(t).is_none_or(is_instance_kind);
    if !user_class || !matches!(meths, Value::Record(_)) {
        return false;
    }
    let names = tuple_items(meths);
    !names.is_empty()
        && names.iter().all(|n| {
            let f = lookup(rt, t, n.as_str().unwrap_or(""));
            !matches!(f, Value::Absent | Value::None)
        })
}

/// Whether a user-defined (Python) attribute overrides `name` for this value's type.
pub fn has_py_method<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, name: &str) -> bool {
    if let Value::Record(_) = v {
        if let Value::Record(_) = type_field(v) {
            let t = type_field(v);
            let f = lookup(rt, t, name);
            return is_py_function(f);
        }
    }
    false
}

#[inline]
pub fn is_py_function(v: Value<'_>) -> bool {
    matches!(v, Value::Record(r) if matches!(r.class, Value::Code(_)) && type_field(v).same(&Value::Int(KIND_FUNC)))
}

pub fn is_generator(v: Value<'_>) -> bool {
    matches!(v, Value::Record(r) if matches!(r.class, Value::Code(_)) && type_field(v).same(&Value::Int(KIND_GEN)))
}

/// Computes the C3 linearisation for a new class with `bases`.
pub fn c3_mro<'gc>(cls: Value<'gc>, bases: &[Value<'gc>]) -> Result<Vec<Value<'gc>>, String> {
    let mut seqs: Vec<Vec<Value<'gc>>> = bases.iter().map(|b| mro(*b)).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.same(&cand))) {
                found = Some(cand);
                break;
            }
        }
        let Some(c) = found else {
            let names: Vec<String> = bases.iter().map(|b| type_name(*b)).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0].same(&c) {
                s.remove(0);
            }
        }
    }
}

/// Creates a type record.
pub fn new_type<'gc>(
    rt: &Rt<'_, 'gc>,
    meta: Value<'gc>,
    name: &str,
    bases: &[Value<'gc>],
    dict: Value<'gc>,
    builtin: Value<'gc>,
    module: &str,
) -> Result<Value<'gc>, String> {
    let fields = vec![
        meta,
        dict,
        rt.s(name),
        rt.tuple(bases),
        heap::new_list(rt.mc),
        builtin,
        rt.s(name),
        rt.s(module),
        Value::None,
        Value::None,
        Value::None,
        Value::None,
    ];
    let t = heap::new_record(rt.mc, meta, fields);
    let m = c3_mro(t, bases)?;
    let ml = field(t, T_MRO);
    for c in m {
        heap::list_append(rt.mc, ml, c);
    }
    Ok(t)
}

// ---------------------------------------------------------------- tuples and sequences

pub fn tuple_items<'gc>(t: Value<'gc>) -> Vec<Value<'gc>> {
    let n = int_of(field(t, TUP_LEN)) as u32;
    (0..n).map(|i| field(t, TUP_ITEMS + i)).collect()
}

pub fn set_dict<'gc>(s: Value<'gc>) -> Value<'gc> {
    field(s, 1)
}

/// CPython's hash of a machine int.
pub fn int_hash(i: i64) -> i64 {
    const P: i64 = (1 << 61) - 1;
    let h = if i >= 0 {
        i % P
    } else {
        -((-(i as i128) % P as i128) as i64)
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The members of a set in CPython's iteration order where it is
/// deterministic (ints: their hash decides the slot), else insertion order.
pub fn set_members<'gc>(s: Value<'gc>) -> Vec<Value<'gc>> {
    let keys: Vec<Value<'gc>> = heap::dict_entries(set_dict(s))
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    if keys.len() < 2 || !keys.iter().all(|k| matches!(k, Value::Int(_))) {
        return keys;
    }
    // Simulate CPython's open-addressing table (setobject.c) for int keys.
    let mut table: Vec<Option<(u64, Value<'gc>)>> = vec![None; 8];
    let mut fill = 0usize;
    fn insert<'gc>(table: &mut [Option<(u64, Value<'gc>)>], h: u64, v: Value<'gc>) {
        let mask = table.len() as u64 - 1;
        let mut perturb = h;
        let mut i = h & mask;
        loop {
            if table[i as usize].is_none() {
                table[i as usize] = Some((h, v));
                return;
            }
            if i + 9 <= mask {
                for j in 1..=9 {
                    if table[(i + j) as usize].is_none() {
                        table[(i + j) as usize] = Some((h, v));
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
    for k in keys {
        let h = int_hash(int_of(k)) as u64;
        insert(&mut table, h, k);
        fill += 1;
        let mask = table.len() - 1;
        if fill * 5 >= mask * 3 {
            let used = fill;
            let mut newsize = 8;
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            while newsize <= minused {
                newsize <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; newsize]);
            for (h, v) in old.into_iter().flatten() {
                insert(&mut table, h, v);
            }
        }
    }
    table.into_iter().flatten().map(|(_, v)| v).collect()
}

/// Items of a list or tuple (None for other values).
pub fn seq_items<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Option<Vec<Value<'gc>>> {
    match v {
        Value::List(_) => Some(heap::list_items(v)),
        Value::Record(_) if kind_of(rt, v) == Ty::Tuple => Some(tuple_items(v)),
        _ => None,
    }
}

/// Iterates a value natively when that needs no guest code.
pub fn iterate<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, Vec<Value<'gc>>> {
    if let Some(n) = native_slot(v) {
        if !has_py_method(rt, v, "__iter__") {
            return iterate(rt, n);
        }
    }
    Ok(match v {
        Value::List(_) => heap::list_items(v),
        Value::Dict(_) => heap::dict_entries(v).into_iter().map(|(k, _)| k).collect(),
        Value::Str(s) => s
            .as_str()
            .chars()
            .map(|c| rt.s(c.encode_utf8(&mut [0; 4])))
            .collect(),
        Value::Record(_) => match kind_of(rt, v) {
            Ty::Tuple => tuple_items(v),
            Ty::Set | Ty::FrozenSet => set_members(v),
            Ty::Range => {
                let (a, b, s) = (
                    int_of(field(v, 1)),
                    int_of(field(v, 2)),
                    int_of(field(v, 3)),
                );
                let mut out = Vec::new();
                let mut i = a;
                while (s > 0 && i < b) || (s < 0 && i > b) {
                    out.push(Value::Int(i));
                    i += s;
                }
                out
            }
            Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
                let d = field(v, 1);
                let which = kind_of(rt, v);
                heap::dict_entries(d)
                    .into_iter()
                    .map(|(k, x)| match which {
                        Ty::DictKeys => k,
                        Ty::DictValues => x,
                        _ => rt.tuple(&[k, x]),
                    })
                    .collect()
            }
            Ty::Bytes | Ty::ByteArray => field(v, 1)
                .as_str()
                .unwrap_or("")
                .chars()
                .map(|c| Value::Int(c as i64))
                .collect(),
            Ty::ListIter | Ty::SeqIter => {
                let l = field(v, 1);
                let i = int_of(field(v, 2));
                let items = heap::list_items(l);
                heap::set_field(rt.mc, v, 2, Value::Int(items.len() as i64));
                items.into_iter().skip(i as usize).collect()
            }
            Ty::TupleIter => {
                let t = field(v, 1);
                let i = int_of(field(v, 2));
                let items = tuple_items(t);
                heap::set_field(rt.mc, v, 2, Value::Int(items.len() as i64));
                items.into_iter().skip(i as usize).collect()
            }
            Ty::RangeIter => {
                let (mut a, b, s) = (
                    int_of(field(v, 1)),
                    int_of(field(v, 2)),
                    int_of(field(v, 3)),
                );
                let mut out = Vec::new();
                while (s > 0 && a < b) || (s < 0 && a > b) {
                    out.push(Value::Int(a));
                    a += s;
                }
                heap::set_field(rt.mc, v, 1, Value::Int(a));
                out
            }
            _ => return Err(Fail::Guest),
        },
        _ => {
            return rt.err(
                Ty::TypeError,
                format!("'{}' object is not iterable", type_name_of(rt, v)),
            )
        }
    })
}

// ---------------------------------------------------------------- keys

/// The dict key for `v`: numbers normalised (1 == 1.0 == True), tuples interned.
pub fn key<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    Ok(match v {
        Value::Bool(_) | Value::Float(_) => v,
        Value::Int(_) | Value::Str(_) | Value::None | Value::BigInt(_) => v,
        Value::List(_) => return rt.err(Ty::TypeError, "unhashable type: 'list'"),
        Value::Dict(_) => return rt.err(Ty::TypeError, "unhashable type: 'dict'"),
        Value::Record(_) => match kind_of(rt, v) {
            Ty::ByteArray => return rt.err(Ty::TypeError, "unhashable type: 'bytearray'"),
            Ty::Tuple | Ty::FrozenSet | Ty::Bytes => {
                let mut enc = String::new();
                encode_key(rt, v, &mut enc)?;
                let intern = field(rt.rt, RT_INTERN);
                let ks = rt.s(&enc);
                match heap::dict_get(intern, ks) {
                    Value::Absent => {
                        heap::dict_set(rt.mc, intern, ks, v);
                        v
                    }
                    c => c,
                }
            }
            Ty::Set => return rt.err(Ty::TypeError, "unhashable type: 'set'"),
            k if is_instance_kind(k) => {
                let t = type_field(v);
                if !matches!(lookup(rt, t, "__hash__"), Value::Absent)
                    && is_py_function(lookup(rt, t, "__hash__"))
                {
                    return Err(Fail::Guest);
                }
                // An int/str/float/tuple/bytes subclass without its own
                // __eq__/__hash__ hashes as its value.
                if let Some(n) = immutable_native(v) {
                    if !is_py_function(lookup(rt, t, "__eq__")) {
                        return key(rt, n);
                    }
                }
                if is_py_function(lookup(rt, t, "__eq__"))
                    && matches!(lookup(rt, t, "__hash__"), Value::Absent | Value::None)
                {
                    return rt.err(
                        Ty::TypeError,
                        format!("unhashable type: '{}'", type_name(t)),
                    );
                }
                v
            }
            _ => v,
        },
        _ => v,
    })
}

/// Looks a key up without interning a tuple that no dict holds.
pub fn lookup_key_value<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, Option<Value<'gc>>> {
    if let Value::Record(_) = v {
        if matches!(kind_of(rt, v), Ty::Tuple | Ty::FrozenSet | Ty::Bytes) {
            let mut enc = String::new();
            encode_key(rt, v, &mut enc)?;
            let intern = field(rt.rt, RT_INTERN);
            return Ok(match heap::dict_get(intern, rt.s(&enc)) {
                Value::Absent => None,
                c => Some(c),
            });
        }
    }
    key(rt, v).map(Some)
}

fn encode_key<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>, out: &mut String) -> PyResult<'gc, ()> {
    use std::fmt::Write;
    match v {
        Value::Record(_) if kind_of(rt, v) == Ty::Tuple => {
            out.push_str("t(");
            for x in tuple_items(v) {
                encode_key(rt, x, out)?;
            }
            out.push(')');
        }
        Value::Record(_) if kind_of(rt, v) == Ty::FrozenSet => {
            let mut parts: Vec<String> = Vec::new();
            for (k, _) in heap::dict_entries(set_dict(v)) {
                let mut s = String::new();
                encode_key(rt, k, &mut s)?;
                parts.push(s);
            }
            parts.sort();
            out.push_str("F(");
            for p in parts {
                out.push_str(&p);
            }
            out.push(')');
        }
        Value::Record(_) if kind_of(rt, v) == Ty::Bytes => {
            let t = field(v, 1);
            let t = t.as_str().unwrap_or("");
            let _ = write!(out, "b{}:{}", t.len(), t);
        }
        Value::Record(_) if is_instance_kind(kind_of(rt, v)) && canonical(rt, v) => {
            use std::fmt::Write;
            let _ = write!(out, "o{};", v.payload_bits());
        }
        _ => {
            let k = match int_form(key(rt, v)?) {
                Value::Bool(b) => Value::Int(b as i64),
                k => k,
            };
            match k {
                Value::Int(i) => {
                    let _ = write!(out, "i{i};");
                }
                Value::BigInt(b) => {
                    let _ = write!(out, "i{};", b.0);
                }
                Value::Float(f) => {
                    let _ = write!(out, "f{};", f.to_bits());
                }
                Value::Str(s) => {
                    let _ = write!(out, "s{}:{}", s.as_str().len(), s.as_str());
                }
                Value::None => out.push('n'),
                other => {
                    let _ = write!(out, "r{}:{};", other.tag().byte(), other.payload_bits());
                }
            }
        }
    }
    Ok(())
}

/// Whether the prelude's `__key` made `v` the canonical object of its
/// equality class (objects with a user `__hash__`): inside a tuple key it
/// then stands for itself.
fn canonical<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> bool {
    let ids = rt.prelude("_canon_ids");
    matches!(ids, Value::Dict(_))
        && !matches!(
            heap::dict_get(ids, Value::Int((v.payload_bits() >> 3) as i64)),
            Value::Absent
        )
}

pub fn dict_get<'gc>(rt: &Rt<'_, 'gc>, d: Value<'gc>, k: Value<'gc>) -> PyResult<'gc, Value<'gc>> {
    Ok(match lookup_key_value(rt, k)? {
        Some(k) => get_key(rt, d, k),
        None => Value::Absent,
    })
}

/// An integral float as the int it equals (`7.0` → `7`): the form hashes
/// and tuple keys use, since equal numbers are one key.
pub fn int_form(v: Value<'_>) -> Value<'_> {
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Value::Int(f as i64),
        v => v,
    }
}

/// The other objects equal to the key `k` that a dict may hold instead
/// (`1`, `True`, `1.0` are one key; the dict keeps whichever came first).
/// Floats are looked for only once an integral float key was ever stored.
fn key_twins<'gc>(rt: &Rt<'_, 'gc>, k: Value<'gc>) -> [Option<Value<'gc>>; 3] {
    let i = match int_form(k) {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => return [None; 3],
    };
    let floats = matches!(field(rt.rt, RT_FKEYS), Value::Bool(true));
    let mut out = [None; 3];
    let mut n = 0;
    let mut push = |v: Value<'gc>| {
        if !v.same(&k) && n < 3 {
            out[n] = Some(v);
            n += 1;
        }
    };
    push(Value::Int(i));
    if i == 0 || i == 1 {
        push(Value::Bool(i == 1));
    }
    if floats && (i as f64) as i64 == i {
        push(Value::Float(i as f64));
    }
    // -0.0 equals 0 as well (and `same` tells it from 0.0 by its bits).
    if i == 0 && (floats || matches!(k, Value::Float(_))) {
        push(Value::Float(-0.0));
    }
    out
}

/// The key object `d` holds for the key `k` (a [`key`] result), or Absent.
pub fn stored_key<'gc>(rt: &Rt<'_, 'gc>, d: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    if !matches!(heap::dict_get(d, k), Value::Absent) {
        return k;
    }
    for t in key_twins(rt, k).into_iter().flatten() {
        if !matches!(heap::dict_get(d, t), Value::Absent) {
            return t;
        }
    }
    Value::Absent
}

/// The value `d` binds to the key `k` (a [`key`] result), or Absent.
pub fn get_key<'gc>(rt: &Rt<'_, 'gc>, d: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    match heap::dict_get(d, k) {
        Value::Absent => match stored_key(rt, d, k) {
            Value::Absent => Value::Absent,
            s => heap::dict_get(d, s),
        },
        v => v,
    }
}

/// Binds the key `k` (a [`key`] result) to `v`; an equal key already there
/// stays (as in CPython: `d = {7.0: 1}; d[7] = 2` keeps `7.0`).
pub fn put_key<'gc>(rt: &Rt<'_, 'gc>, d: Value<'gc>, k: Value<'gc>, v: Value<'gc>) {
    let k = match stored_key(rt, d, k) {
        Value::Absent => {
            if matches!(int_form(k), Value::Int(_)) && matches!(k, Value::Float(_)) {
                heap::set_field(rt.mc, rt.rt, RT_FKEYS, Value::Bool(true));
            }
            k
        }
        s => s,
    };
    heap::dict_set(rt.mc, d, k, v);
}

/// Removes the key `k` (a [`key`] result); whether it was there.
pub fn del_key<'gc>(rt: &Rt<'_, 'gc>, d: Value<'gc>, k: Value<'gc>) -> bool {
    match stored_key(rt, d, k) {
        Value::Absent => false,
        s => heap::dict_del(rt.mc, d, s),
    }
}

pub fn dict_set<'gc>(
    rt: &Rt<'_, 'gc>,
    d: Value<'gc>,
    k: Value<'gc>,
    v: Value<'gc>,
) -> PyResult<'gc, ()> {
    let k = key(rt, k)?;
    put_key(rt, d, k, v);
    Ok(())
}

// ---------------------------------------------------------------- equality and order

pub fn num_pair<'gc>(a: Value<'gc>, b: Value<'gc>) -> Option<(f64, f64)> {
    let f = |v: Value<'gc>| -> Option<f64> {
        match v {
            Value::Int(i) => Some(i as f64),
            Value::Bool(b) => Some(b as i64 as f64),
            Value::Float(x) => Some(x),
            Value::BigInt(b) => b.0.to_f64(),
            _ => None,
        }
    };
    Some((f(a)?, f(b)?))
}

pub fn to_bigint(v: Value<'_>) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::BigInt(b) => Some(b.0.clone()),
        _ => None,
    }
}

fn is_intlike(v: Value<'_>) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// `a == b` without guest code.
pub fn eq<'gc>(rt: &Rt<'_, 'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<bool, NeedGuest> {
    if !a.same(&b) && (native_slot(a).is_some() || native_slot(b).is_some()) {
        if has_py_method(rt, a, "__eq__") || has_py_method(rt, b, "__eq__") {
            return Err(NeedGuest);
        }
        return eq(rt, native_slot(a).unwrap_or(a), native_slot(b).unwrap_or(b));
    }
    if a.same(&b) && !matches!(a, Value::Float(_)) {
        return Ok(true);
    }
    if native_slot(a).is_some() || native_slot(b).is_some() {
        if has_py_method(rt, a, "__eq__") || has_py_method(rt, b, "__eq__") {
            return Err(NeedGuest);
        }
        return eq(rt, native_slot(a).unwrap_or(a), native_slot(b).unwrap_or(b));
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        _ if is_intlike(a) && is_intlike(b) => to_bigint(a) == to_bigint(b),
        (Value::Float(_), _) | (_, Value::Float(_)) => match num_pair(a, b) {
            Some((x, y)) => {
                if is_intlike(a) || is_intlike(b) {
                    // Exact comparison of an int and a float.
                    let (i, f) = if is_intlike(a) { (a, y) } else { (b, x) };
                    if f.fract() != 0.0 || !f.is_finite() {
                        false
                    } else {
                        to_bigint(i)
                            .map(|bi| {
                                num_bigint::BigInt::from(f as i128) == bi
                                    || (bi.to_f64() == Some(f) && f.abs() < 9e15)
                            })
                            .unwrap_or(false)
                    }
                } else {
                    x == y
                }
            }
            // A float and an instance: the instance's __eq__ decides.
            None if matches!(a, Value::Record(_)) || matches!(b, Value::Record(_)) => {
                if has_py_method(rt, a, "__eq__") || has_py_method(rt, b, "__eq__") {
                    return Err(NeedGuest);
                }
                false
            }
            None => false,
        },
        (Value::List(_), Value::List(_)) => {
            let (x, y) = (heap::list_items(a), heap::list_items(b));
            seq_eq(rt, &x, &y)?
        }
        (Value::Dict(_), Value::Dict(_)) => {
            if heap::dict_len(a) != heap::dict_len(b) {
                return Ok(false);
            }
            for (k, v) in heap::dict_entries(a) {
                let w = get_key(rt, b, k);
                if matches!(w, Value::Absent) || !eq(rt, v, w)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Record(_), Value::Record(_)) => {
            let (ka, kb) = (kind_of(rt, a), kind_of(rt, b));
            match (ka, kb) {
                (Ty::Tuple, Ty::Tuple) => seq_eq(rt, &tuple_items(a), &tuple_items(b))?,
                (Ty::Set | Ty::FrozenSet, Ty::Set | Ty::FrozenSet) => {
                    let (da, db) = (set_dict(a), set_dict(b));
                    heap::dict_len(da) == heap::dict_len(db)
                        && heap::dict_entries(da)
                            .iter()
                            .all(|(k, _)| !matches!(get_key(rt, db, *k), Value::Absent))
                }
                (Ty::Range, Ty::Range) => {
                    let ia = iterate(rt, a).map_err(|_| NeedGuest)?;
                    let ib = iterate(rt, b).map_err(|_| NeedGuest)?;
                    seq_eq(rt, &ia, &ib)?
                }
                (Ty::DictKeys, Ty::Set | Ty::FrozenSet)
                | (Ty::Set | Ty::FrozenSet, Ty::DictKeys) => {
                    let (da, db) = (field(a, 1), field(b, 1));
                    heap::dict_len(da) == heap::dict_len(db)
                        && heap::dict_entries(da)
                            .iter()
                            .all(|(k, _)| !matches!(get_key(rt, db, *k), Value::Absent))
                }
                (Ty::DictKeys, Ty::DictKeys) => {
                    let (da, db) = (field(a, 1), field(b, 1));
                    heap::dict_len(da) == heap::dict_len(db)
                        && heap::dict_entries(da)
                            .iter()
                            .all(|(k, _)| !matches!(get_key(rt, db, *k), Value::Absent))
                }
                (Ty::Bytes | Ty::ByteArray, Ty::Bytes | Ty::ByteArray) => {
                    field(a, 1).as_str() == field(b, 1).as_str()
                }
                (Ty::Method, Ty::Method) => {
                    field(a, 1).same(&field(b, 1)) && field(a, 2).same(&field(b, 2))
                }
                _ => {
                    if has_py_method(rt, a, "__eq__") || has_py_method(rt, b, "__eq__") {
                        return Err(NeedGuest);
                    }
                    false
                }
            }
        }
        (Value::Record(_), _) | (_, Value::Record(_)) => {
            if has_py_method(rt, a, "__eq__") || has_py_method(rt, b, "__eq__") {
                return Err(NeedGuest);
            }
            false
        }
        _ => false,
    })
}

fn seq_eq<'gc>(rt: &Rt<'_, 'gc>, x: &[Value<'gc>], y: &[Value<'gc>]) -> Result<bool, NeedGuest> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !eq(rt, *a, *b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Three-way comparison for `<` and friends; `Err(Raise)` for unorderable types.
pub fn cmp<'gc>(
    rt: &Rt<'_, 'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
    op: &str,
) -> PyResult<'gc, std::cmp::Ordering> {
    use std::cmp::Ordering;
    if (immutable_native(a).is_some() || immutable_native(b).is_some())
        && !["__lt__", "__le__", "__gt__", "__ge__"]
            .iter()
            .any(|d| has_py_method(rt, a, d) || has_py_method(rt, b, d))
    {
        let a = immutable_native(a).unwrap_or(a);
        let b = immutable_native(b).unwrap_or(b);
        return cmp(rt, a, b, op);
    }
    if is_intlike(a) && is_intlike(b) {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x.cmp(&y));
        }
        return Ok(to_bigint(a).cmp(&to_bigint(b)));
    }
    if let Some((x, y)) = num_pair(a, b) {
        return Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal));
    }
    if matches!((a, b), (Value::Record(_), Value::Record(_)))
        && is_bytes_kind(kind_of(rt, a))
        && is_bytes_kind(kind_of(rt, b))
    {
        // By byte values: the texts' code points are the bytes.
        return cmp(rt, field(a, 1), field(b, 1), op);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => return Ok(x.as_str().cmp(y.as_str())),
        (Value::List(_), Value::List(_)) => {
            return seq_cmp(rt, &heap::list_items(a), &heap::list_items(b), op)
        }
        (Value::Record(_), Value::Record(_))
            if kind_of(rt, a) == Ty::Tuple && kind_of(rt, b) == Ty::Tuple =>
        {
            return seq_cmp(rt, &tuple_items(a), &tuple_items(b), op)
        }
        _ => {}
    }
    if matches!(a, Value::Record(_)) || matches!(b, Value::Record(_)) {
        let dunders = ["__lt__", "__le__", "__gt__", "__ge__"];
        if dunders
            .iter()
            .any(|d| has_py_method(rt, a, d) || has_py_method(rt, b, d))
        {
            return Err(Fail::Guest);
        }
    }
    rt.err(
        Ty::TypeError,
        format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op,
            type_name_of(rt, a),
            type_name_of(rt, b)
        ),
    )
}

/// Whether a float comparison involves NaN (every ordering is false then).
pub fn has_nan(a: Value<'_>, b: Value<'_>) -> bool {
    matches!(a, Value::Float(x) if x.is_nan()) || matches!(b, Value::Float(x) if x.is_nan())
}

fn seq_cmp<'gc>(
    rt: &Rt<'_, 'gc>,
    x: &[Value<'gc>],
    y: &[Value<'gc>],
    op: &str,
) -> PyResult<'gc, std::cmp::Ordering> {
    for (a, b) in x.iter().zip(y) {
        if !eq(rt, *a, *b)? {
            return cmp(rt, *a, *b, op);
        }
    }
    Ok(x.len().cmp(&y.len()))
}

// ---------------------------------------------------------------- truth

pub fn truth<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Result<bool, NeedGuest> {
    if let Some(n) = native_slot(v) {
        if !has_py_method(rt, v, "__bool__") && !has_py_method(rt, v, "__len__") {
            return truth(rt, n);
        }
    }
    Ok(match v {
        Value::None | Value::Absent => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::BigInt(b) => !b.0.is_zero(),
        Value::Float(f) => f != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::StrBuf(s) => !s.is_empty(),
        Value::List(_) => heap::list_len(v) != 0,
        Value::Dict(_) => heap::dict_len(v) != 0,
        Value::Code(_) | Value::Tuple(_) | Value::Cell(_) | Value::Words(_) => true,
        Value::Record(_) => match kind_of(rt, v) {
            Ty::Tuple => int_of(field(v, TUP_LEN)) != 0,
            Ty::Set | Ty::FrozenSet => heap::dict_len(set_dict(v)) != 0,
            Ty::Range => !iterate(rt, v).map_err(|_| NeedGuest)?.is_empty(),
            Ty::DictKeys | Ty::DictValues | Ty::DictItems => heap::dict_len(field(v, 1)) != 0,
            Ty::Bytes | Ty::ByteArray => !field(v, 1).as_str().unwrap_or("").is_empty(),
            k if is_instance_kind(k) => {
                if has_py_method(rt, v, "__bool__") || has_py_method(rt, v, "__len__") {
                    return Err(NeedGuest);
                }
                true
            }
            _ => true,
        },
    })
}

// ---------------------------------------------------------------- repr and str

pub fn repr<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Result<String, NeedGuest> {
    let mut out = String::new();
    repr_into(rt, v, &mut out, 0)?;
    Ok(out)
}

pub fn str_of<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Result<String, NeedGuest> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Record(_) => {
            let k = kind_of(rt, v);
            if is_instance_kind(k) {
                if has_py_method(rt, v, "__str__") {
                    return Err(NeedGuest);
                }
                if let Some(n @ (Value::Str(_) | Value::StrBuf(_))) = immutable_native(v) {
                    // str.__str__: the text itself (a user __repr__ aside).
                    return str_of(rt, n);
                }
                let t = type_field(v);
                if is_exception_type(rt, t) && !has_py_method(rt, v, "__repr__")
                    || is_exception_type(rt, t)
                {
                    return exc_str(rt, v);
                }
            }
            repr(rt, v)
        }
        _ => repr(rt, v),
    }
}

/// Why an instance of class `ty` may not get attribute `key` under
/// `__slots__` (CPython's AttributeError text), or None when it may: every
/// class on the MRO but `object` must define `__slots__` without
/// `__dict__`, and none of them name `key`.
pub fn slots_refuse<'gc>(rt: &Rt<'_, 'gc>, ty: Value<'gc>, key: Value<'gc>) -> Option<String> {
    let name = key.as_str()?;
    let slots_key = rt.s("__slots__");
    let object = rt.ty(Ty::Object);
    let mut restricted = false;
    for c in mro(ty) {
        if c.same(&object) {
            continue;
        }
        if field(c, T_MODULE).as_str() == Some("builtins") {
            return None;
        }
        let names = match dget(field(c, T_DICT), slots_key) {
            Value::Absent => return None,
            v @ (Value::Str(_) | Value::StrBuf(_)) => vec![v],
            Value::List(l) => heap::list_items(Value::List(l)),
            v if kind_of(rt, v) == Ty::Tuple => tuple_items(v),
            Value::Dict(d) => heap::dict_entries(Value::Dict(d))
                .into_iter()
                .map(|(k, _)| k)
                .collect(),
            _ => return None,
        };
        for n in names {
            match n.as_str() {
                Some("__dict__") => return None,
                Some(x) if x == name => return None,
                _ => {}
            }
        }
        restricted = true;
    }
    if !restricted {
        return None;
    }
    let tn = type_name(ty);
    Some(if matches!(lookup(rt, ty, name), Value::Absent) {
        format!("'{tn}' object has no attribute '{name}'")
    } else {
        format!("'{tn}' object attribute '{name}' is read-only")
    })
}

/// Whether `k` is `bytes` or `bytearray` (both a record holding their text
/// in field 1, one character per byte).
pub fn is_bytes_kind(k: Ty) -> bool {
    matches!(k, Ty::Bytes | Ty::ByteArray)
}

/// Whether records of this kind are plain instances (`[type, dict, slot, slot]`).
pub fn is_instance_kind(k: Ty) -> bool {
    k == Ty::Object || k as u8 >= Ty::BaseException as u8
}

pub fn is_exception_type<'gc>(rt: &Rt<'_, 'gc>, t: Value<'gc>) -> bool {
    matches!(t, Value::Record(_)) && is_subtype(t, rt.ty(Ty::BaseException))
}

pub fn exc_args<'gc>(e: Value<'gc>) -> Vec<Value<'gc>> {
    match field(e, I_SLOT2) {
        a @ Value::Record(_) => tuple_items(a),
        _ => Vec::new(),
    }
}

pub fn exc_str<'gc>(rt: &Rt<'_, 'gc>, e: Value<'gc>) -> Result<String, NeedGuest> {
    let args = exc_args(e);
    let t = type_field(e);
    if is_subtype(t, rt.ty(Ty::KeyError)) && args.len() == 1 {
        return repr(rt, args[0]);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => str_of(rt, args[0]),
        _ => repr(rt, rt.tuple(&args)),
    }
}

pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `str.isprintable` for one character (approximating Unicode categories
/// Cc, Cf, Zl, Zp and Zs-but-space, which `repr` escapes).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(n,
        0xa0 | 0xad | 0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x3000
            | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff | 0xd800..=0xdfff
    )
}

pub fn bytes_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(q);
    for c in s.chars() {
        let b = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            _ if !(0x20..0x7f).contains(&b) => out.push_str(&format!("\\x{:02x}", b)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn repr_into<'gc>(
    rt: &Rt<'_, 'gc>,
    v: Value<'gc>,
    out: &mut String,
    depth: u32,
) -> Result<(), NeedGuest> {
    if depth > 200 {
        return Err(NeedGuest);
    }
    match v {
        Value::None | Value::Absent => out.push_str("None"),
        Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.0.to_string()),
        Value::Float(f) => out.push_str(&format::float_repr(f)),
        Value::Str(s) => out.push_str(&str_repr(s.as_str())),
        Value::StrBuf(s) => out.push_str(&str_repr(s.as_str())),
        Value::List(l) => {
            if l.try_borrow_mut_check() {
                out.push_str("[...]");
                return Ok(());
            }
            out.push('[');
            let items = heap::list_items(v);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if x.same(&v) {
                    out.push_str("[...]");
                } else {
                    repr_into(rt, *x, out, depth + 1)?;
                }
            }
            out.push(']');
        }
        Value::Dict(_) => {
            out.push('{');
            for (i, (k, x)) in heap::dict_entries(v).iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(rt, *k, out, depth + 1)?;
                out.push_str(": ");
                if x.same(&v) {
                    out.push_str("{...}");
                } else {
                    repr_into(rt, *x, out, depth + 1)?;
                }
            }
            out.push('}');
        }
        Value::Code(_) => out.push_str("<code object>"),
        Value::Tuple(_) => out.push_str("<foreign tuple>"),
        Value::Cell(_) => out.push_str("<foreign cell>"),
        Value::Words(_) => out.push_str("<foreign words>"),
        Value::Record(_) => {
            let k = kind_of(rt, v);
            match k {
                Ty::Tuple => {
                    let items = tuple_items(v);
                    out.push('(');
                    for (i, x) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        repr_into(rt, *x, out, depth + 1)?;
                    }
                    if items.len() == 1 {
                        out.push(',');
                    }
                    out.push(')');
                }
                Ty::Set | Ty::FrozenSet => {
                    let items: Vec<(Value<'gc>, ())> =
                        set_members(v).into_iter().map(|k| (k, ())).collect();
                    let frozen = k == Ty::FrozenSet;
                    if items.is_empty() {
                        out.push_str(if frozen { "frozenset()" } else { "set()" });
                        return Ok(());
                    }
                    if frozen {
                        out.push_str("frozenset(");
                    }
                    out.push('{');
                    for (i, (x, _)) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        repr_into(rt, *x, out, depth + 1)?;
                    }
                    out.push('}');
                    if frozen {
                        out.push(')');
                    }
                }
                Ty::Range => {
                    let (a, b, s) = (
                        int_of(field(v, 1)),
                        int_of(field(v, 2)),
                        int_of(field(v, 3)),
                    );
                    if s == 1 {
                        out.push_str(&format!("range({a}, {b})"));
                    } else {
                        out.push_str(&format!("range({a}, {b}, {s})"));
                    }
                }
                Ty::Slice => {
                    out.push_str("slice(");
                    for i in 1..4 {
                        if i > 1 {
                            out.push_str(", ");
                        }
                        repr_into(rt, field(v, i), out, depth + 1)?;
                    }
                    out.push(')');
                }
                Ty::Type => {
                    let t = v;
                    if user_metaclass(rt, t).is_some() && has_py_method(rt, t, "__repr__") {
                        return Err(NeedGuest);
                    }
                    if let Some(b) = builtin_of(t) {
                        if b != Ty::Object
                            && (b as u8) < Ty::BaseException as u8
                            && b.name() == type_name(t)
                        {
                            out.push_str(&format!("<class '{}'>", type_name(t)));
                            return Ok(());
                        }
                    }
                    let module = field(t, T_MODULE);
                    let m = module.as_str().unwrap_or("builtins");
                    if m == "builtins" {
                        out.push_str(&format!(
                            "<class '{}'>",
                            field(t, T_QUALNAME).as_str().unwrap_or("?")
                        ));
                    } else {
                        out.push_str(&format!(
                            "<class '{}.{}'>",
                            m,
                            field(t, T_QUALNAME).as_str().unwrap_or("?")
                        ));
                    }
                }
                Ty::Function => {
                    out.push_str(&format!(
                        "<function {} at 0x{:x}>",
                        field(v, FN_QUALNAME).as_str().unwrap_or("?"),
                        v.payload_bits()
                    ));
                }
                Ty::Generator => {
                    out.push_str(&format!(
                        "<generator object {} at 0x{:x}>",
                        field(v, G_NAME).as_str().unwrap_or("?"),
                        v.payload_bits()
                    ));
                }
                Ty::BuiltinFunction => {
                    let name = field(v, 2).as_str().unwrap_or("?").to_string();
                    match field(v, 3) {
                        Value::None => out.push_str(&format!("<built-in function {name}>")),
                        s => out.push_str(&format!(
                            "<built-in method {} of {} object at 0x{:x}>",
                            name,
                            type_name_of(rt, s),
                            s.payload_bits()
                        )),
                    }
                }
                Ty::Method => {
                    let f = field(v, 1);
                    let s = field(v, 2);
                    let name = if is_py_function(f) {
                        field(f, FN_QUALNAME).as_str().unwrap_or("?").to_string()
                    } else {
                        "?".into()
                    };
                    out.push_str(&format!("<bound method {} of ", name));
                    repr_into(rt, s, out, depth + 1)?;
                    out.push('>');
                }
                Ty::Module => {
                    out.push_str(&format!(
                        "<module '{}'>",
                        field(v, 2).as_str().unwrap_or("?")
                    ));
                }
                Ty::NotImplementedType => out.push_str("NotImplemented"),
                Ty::EllipsisType => out.push_str("Ellipsis"),
                Ty::Bytes => out.push_str(&bytes_repr(field(v, 1).as_str().unwrap_or(""))),
                Ty::ByteArray => {
                    out.push_str("bytearray(");
                    out.push_str(&bytes_repr(field(v, 1).as_str().unwrap_or("")));
                    out.push(')');
                }
                Ty::DictKeys | Ty::DictValues | Ty::DictItems => {
                    out.push_str(k.name());
                    out.push('(');
                    let items = iterate(rt, v).map_err(|_| NeedGuest)?;
                    repr_into(rt, rt.list(items), out, depth + 1)?;
                    out.push(')');
                }
                Ty::Cell => out.push_str("<cell>"),
                Ty::Property => {
                    out.push_str(&format!("<property object at 0x{:x}>", v.payload_bits()))
                }
                Ty::Object => {
                    if has_py_method(rt, v, "__repr__") {
                        return Err(NeedGuest);
                    }
                    if let Some(n) = native_slot(v) {
                        return repr_into(rt, n, out, depth + 1);
                    }
                    let t = type_field(v);
                    if is_exception_type(rt, t) {
                        let args = exc_args(v);
                        out.push_str(&type_name(t));
                        out.push('(');
                        for (i, a) in args.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            repr_into(rt, *a, out, depth + 1)?;
                        }
                        out.push(')');
                        return Ok(());
                    }
                    let module = field(t, T_MODULE);
                    out.push_str(&format!(
                        "<{}.{} object at 0x{:x}>",
                        module.as_str().unwrap_or("__main__"),
                        field(t, T_QUALNAME).as_str().unwrap_or("?"),
                        v.payload_bits()
                    ));
                }
                other => {
                    if is_exception_type(rt, type_field(v)) {
                        if has_py_method(rt, v, "__repr__") {
                            return Err(NeedGuest);
                        }
                        let t = type_field(v);
                        let args = exc_args(v);
                        out.push_str(&type_name(t));
                        out.push('(');
                        for (i, a) in args.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            repr_into(rt, *a, out, depth + 1)?;
                        }
                        out.push(')');
                        return Ok(());
                    }
                    out.push_str(&format!(
                        "<{} object at 0x{:x}>",
                        other.name(),
                        v.payload_bits()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Helper trait: detects a list currently borrowed mutably (self-reference while printing).
trait BorrowCheck {
    fn try_borrow_mut_check(&self) -> bool;
}
impl<'gc> BorrowCheck for Gc<'gc, heap::List<'gc>> {
    fn try_borrow_mut_check(&self) -> bool {
        self.try_borrow().is_err()
    }
}

/// Equality usable as a dict-key comparison (for `Key`).
pub fn keys_equal<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    Key(a) == Key(b)
}
