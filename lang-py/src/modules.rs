//! Imports: native modules (sys, math, time, _random), the bundled
//! pure-Python standard library (`lib/*.py`), and `.py` files beside the
//! script or on PYTHONPATH.

use std::cell::RefCell;

use num_traits::{Signed, ToPrimitive, Zero};
use vm_core::heap;
use vm_core::Value;

use crate::builtins::{builtin_fn, split_args};
use crate::objects::*;

/// Python sources of the bundled standard library.
pub const STDLIB: &[(&str, &str)] = &[
    ("collections", include_str!("lib/collections.py")),
    ("itertools", include_str!("lib/itertools.py")),
    ("functools", include_str!("lib/functools.py")),
    ("operator", include_str!("lib/operator.py")),
    ("heapq", include_str!("lib/heapq.py")),
    ("bisect", include_str!("lib/bisect.py")),
    ("string", include_str!("lib/string.py")),
    ("random", include_str!("lib/random.py")),
    ("copy", include_str!("lib/copy.py")),
    ("typing", include_str!("lib/typing.py")),
    ("dataclasses", include_str!("lib/dataclasses.py")),
    ("abc", include_str!("lib/abc.py")),
    ("json", include_str!("lib/json.py")),
    ("re", include_str!("lib/re.py")),
    ("__future__", include_str!("lib/__future__.py")),
    ("io", include_str!("lib/io.py")),
    ("array", include_str!("lib/array.py")),
    ("fractions", include_str!("lib/fractions.py")),
    ("enum", include_str!("lib/enum.py")),
    ("types", include_str!("lib/types.py")),
    ("contextlib", include_str!("lib/contextlib.py")),
    ("textwrap", include_str!("lib/textwrap.py")),
    ("statistics", include_str!("lib/statistics.py")),
    ("pprint", include_str!("lib/pprint.py")),
    ("base64", include_str!("lib/base64.py")),
    ("binascii", include_str!("lib/binascii.py")),
];

const NATIVE: &[&str] = &["sys", "math", "time", "_random", "gc", "os", "_re"];

pub fn new_module<'gc>(rt: &Rt<'_, 'gc>, name: &str, file: Option<&str>) -> Value<'gc> {
    let d = heap::new_dict(rt.mc);
    heap::dict_set(rt.mc, d, rt.s("__name__"), rt.s(name));
    if let Some(f) = file {
        heap::dict_set(rt.mc, d, rt.s("__file__"), rt.s(f));
    }
    heap::dict_set(rt.mc, d, rt.s("__builtins__"), rt.builtins());
    rt.record(Ty::Module, &[d, rt.s(name)])
}

fn set<'gc>(rt: &Rt<'_, 'gc>, m: Value<'gc>, name: &str, v: Value<'gc>) {
    heap::dict_set(rt.mc, field(m, 1), rt.s(name), v);
}

fn funcs<'gc>(rt: &Rt<'_, 'gc>, m: Value<'gc>, module: &str, names: &[&str]) {
    for n in names {
        set(
            rt,
            m,
            n,
            builtin_fn(rt, &format!("{module}:{n}"), Value::None),
        );
    }
}

fn native_module<'gc>(rt: &Rt<'_, 'gc>, name: &str) -> Value<'gc> {
    let m = new_module(rt, name, None);
    match name {
        "sys" => {
            funcs(
                rt,
                m,
                "sys",
                &[
                    "exit",
                    "setrecursionlimit",
                    "getrecursionlimit",
                    "getsizeof",
                    "intern",
                ],
            );
            set(
                rt,
                m,
                "stdout",
                rt.record(
                    Ty::File,
                    &[
                        Value::Int(-1),
                        rt.s("<stdout>"),
                        rt.s("w"),
                        Value::Bool(false),
                    ],
                ),
            );
            set(
                rt,
                m,
                "stderr",
                rt.record(
                    Ty::File,
                    &[
                        Value::Int(-2),
                        rt.s("<stderr>"),
                        rt.s("w"),
                        Value::Bool(false),
                    ],
                ),
            );
            set(
                rt,
                m,
                "stdin",
                rt.record(
                    Ty::File,
                    &[
                        Value::Int(-3),
                        rt.s("<stdin>"),
                        rt.s("r"),
                        Value::Bool(false),
                    ],
                ),
            );
            set(rt, m, "maxsize", Value::Int(i64::MAX));
            set(rt, m, "version", rt.s("3.11.7 (polyvm)"));
            set(rt, m, "platform", rt.s("linux"));
            set(rt, m, "byteorder", rt.s("little"));
            set(rt, m, "modules", field(rt.rt, RT_MODULES));
            set(rt, m, "path", field(rt.rt, RT_PATH));
            set(
                rt,
                m,
                "version_info",
                rt.tuple(&[
                    Value::Int(3),
                    Value::Int(11),
                    Value::Int(7),
                    rt.s("final"),
                    Value::Int(0),
                ]),
            );
            set(
                rt,
                m,
                "float_info",
                rt.tuple(&[
                    Value::Float(f64::MAX),
                    Value::Int(1024),
                    Value::Int(308),
                    Value::Float(f64::MIN_POSITIVE),
                    Value::Int(-1021),
                    Value::Int(-307),
                    Value::Int(15),
                    Value::Int(53),
                    Value::Float(f64::EPSILON),
                    Value::Int(2),
                    Value::Int(1),
                ]),
            );
            let argv = ARGV.with(|a| a.borrow().clone());
            set(
                rt,
                m,
                "argv",
                rt.list(argv.iter().map(|s| rt.s(s)).collect()),
            );
        }
        "math" => {
            funcs(
                rt,
                m,
                "math",
                &[
                    "sqrt",
                    "sin",
                    "cos",
                    "tan",
                    "asin",
                    "acos",
                    "atan",
                    "atan2",
                    "sinh",
                    "cosh",
                    "tanh",
                    "exp",
                    "expm1",
                    "log",
                    "log2",
                    "log10",
                    "log1p",
                    "pow",
                    "floor",
                    "ceil",
                    "fabs",
                    "isnan",
                    "isinf",
                    "isfinite",
                    "gcd",
                    "lcm",
                    "factorial",
                    "hypot",
                    "degrees",
                    "radians",
                    "trunc",
                    "copysign",
                    "fmod",
                    "comb",
                    "perm",
                    "isqrt",
                    "prod",
                    "fsum",
                    "modf",
                    "frexp",
                    "ldexp",
                    "isclose",
                    "dist",
                    "erf",
                    "erfc",
                    "gamma",
                    "lgamma",
                ],
            );
            set(rt, m, "pi", Value::Float(std::f64::consts::PI));
            set(rt, m, "e", Value::Float(std::f64::consts::E));
            set(rt, m, "tau", Value::Float(std::f64::consts::TAU));
            set(rt, m, "inf", Value::Float(f64::INFINITY));
            set(rt, m, "nan", Value::Float(f64::NAN));
        }
        "time" => funcs(
            rt,
            m,
            "time",
            &[
                "time",
                "perf_counter",
                "sleep",
                "process_time",
                "monotonic",
                "time_ns",
                "perf_counter_ns",
            ],
        ),
        "_random" => funcs(rt, m, "_random", &["new", "seed", "random", "getrandbits"]),
        "_re" => funcs(
            rt,
            m,
            "_re",
            &["compile", "groups", "match", "all", "escape"],
        ),
        "gc" => funcs(rt, m, "gc", &["collect", "disable", "enable"]),
        "os" => {
            funcs(
                rt,
                m,
                "os",
                &["getcwd", "getenv", "remove", "listdir", "cpu_count"],
            );
            let path = native_module_path(rt);
            set(rt, m, "path", path);
            set(rt, m, "sep", rt.s("/"));
            set(rt, m, "linesep", rt.s("\n"));
            set(rt, m, "name", rt.s("posix"));
        }
        _ => {}
    }
    m
}

/// posixpath.split: the head keeps a root of slashes, other trailing
/// slashes are dropped.
fn posix_split(p: &str) -> (&str, &str) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    if !head.is_empty() && !head.bytes().all(|b| b == b'/') {
        (head.trim_end_matches('/'), tail)
    } else {
        (head, tail)
    }
}

/// posixpath.splitext: the extension starts at the last dot of the last
/// component, unless only dots come before it (`.bashrc` has none).
fn posix_splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.') {
        if dot > sep && p[sep..dot].bytes().any(|b| b != b'.') {
            return p.split_at(dot);
        }
    }
    (p, "")
}

fn native_module_path<'gc>(rt: &Rt<'_, 'gc>) -> Value<'gc> {
    let m = new_module(rt, "os.path", None);
    for n in [
        "exists", "isfile", "isdir", "join", "basename", "dirname", "split", "splitext", "isabs",
        "abspath", "getsize",
    ] {
        set(
            rt,
            m,
            n,
            builtin_fn(rt, &format!("os.path:{n}"), Value::None),
        );
    }
    m
}

thread_local! {
    static ARGV: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The Mersenne Twister of each `random.Random` instance, by the id
    /// `_random.new` gave it (0: the module's own instance).
    static MT: RefCell<Vec<Mt>> = RefCell::new(vec![Mt::new()]);
}

pub fn set_argv(args: Vec<String>) {
    ARGV.with(|a| *a.borrow_mut() = args);
}

/// `H_IMPORT`: a[0] dotted name, a[1] flags (bit 16: want the leaf module), a[2] importer's globals.
/// Answers the module, or `(module, body_function, value_to_bind)` when its code must run first.
pub fn import<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let name = a[0].as_str().unwrap_or("").to_string();
    let want_leaf = int_of(a[1]) & (1 << 16) != 0;
    let modules = field(rt.rt, RT_MODULES);
    let parts: Vec<&str> = name.split('.').collect();
    // Only single-level modules, plus `os.path`-style aliases of the same module.
    let top = parts[0];
    let existing = heap::dict_get(modules, rt.s(top));
    if !matches!(existing, Value::Absent) {
        return Ok(existing);
    }
    let _ = want_leaf;
    if NATIVE.contains(&top) {
        let m = native_module(rt, top);
        heap::dict_set(rt.mc, modules, rt.s(top), m);
        return Ok(m);
    }
    let (source, file) = if let Some((_, src)) = STDLIB.iter().find(|(n, _)| *n == top) {
        (src.to_string(), format!("<frozen {}>", top))
    } else {
        let mut found = None;
        for dir in heap::list_items(field(rt.rt, RT_PATH)) {
            let p = std::path::Path::new(dir.as_str().unwrap_or(".")).join(format!("{top}.py"));
            if let Ok(src) = std::fs::read_to_string(&p) {
                found = Some((src, p.to_string_lossy().into_owned()));
                break;
            }
        }
        match found {
            Some(f) => f,
            None => {
                return rt.err(
                    Ty::ModuleNotFoundError,
                    format!("No module named '{}'", name),
                );
            }
        }
    };
    let m = new_module(rt, top, Some(&file));
    let hidden = file.starts_with("<frozen");
    let body = match crate::load_module_code(rt, &source, &file, field(m, 1), hidden) {
        Ok(f) => f,
        Err(e) => return Err(Fail::Raise(e)),
    };
    heap::dict_set(rt.mc, modules, rt.s(top), m);
    Ok(rt.tuple(&[m, body, m]))
}

/// `H_IMPORTFROM`: `from m import name`.
pub fn import_from<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let (m, name) = (a[0], a[1]);
    match heap::dict_get(field(m, 1), name) {
        Value::Absent => rt.err(
            Ty::ImportError,
            format!(
                "cannot import name '{}' from '{}' ({})",
                name.as_str().unwrap_or(""),
                field(m, 2).as_str().unwrap_or("?"),
                heap::dict_get(field(m, 1), rt.s("__file__"))
                    .as_str()
                    .unwrap_or("unknown location")
            ),
        ),
        v => Ok(v),
    }
}

/// `H_IMPORTSTAR`: copies public names into the importer's globals.
pub fn import_star<'gc>(rt: &Rt<'_, 'gc>, a: &[Value<'gc>]) -> PyResult<'gc, Value<'gc>> {
    let (m, g) = (a[0], a[1]);
    let d = field(m, 1);
    let all = heap::dict_get(d, rt.s("__all__"));
    let names: Vec<Value<'gc>> = match all {
        Value::Absent => heap::dict_entries(d)
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
            .collect(),
        v => iterate(rt, v)?,
    };
    globals_changed(rt);
    for n in names {
        let v = heap::dict_get(d, n);
        if !matches!(v, Value::Absent) {
            if !matches!(heap::dict_get(g, n), Value::Absent) {
                crate::objects::global_rebound(rt, n);
            }
            heap::dict_set(rt.mc, g, n, v);
        }
    }
    Ok(Value::None)
}

fn f64_arg<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> PyResult<'gc, f64> {
    match v {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::BigInt(b) => b.0.to_f64().ok_or_else(|| {
            Fail::Raise(rt.exc(Ty::OverflowError, "int too large to convert to float"))
        }),
        _ => rt.err(
            Ty::TypeError,
            format!("must be real number, not {}", type_name_of(rt, v)),
        ),
    }
}

fn float_to_int<'gc>(rt: &Rt<'_, 'gc>, f: f64) -> PyResult<'gc, Value<'gc>> {
    if f.is_nan() {
        return rt.err(Ty::ValueError, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return rt.err(
            Ty::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    if f.abs() < 9.2e18 {
        Ok(Value::Int(f as i64))
    } else {
        Ok(rt.int(num_bigint::BigInt::from(f as i128)))
    }
}

fn math_domain<'gc, T>(rt: &Rt<'_, 'gc>) -> PyResult<'gc, T> {
    rt.err(Ty::ValueError, "math domain error")
}

/// Calls `module:function`.
pub fn call<'gc>(
    rt: &Rt<'_, 'gc>,
    module: &str,
    f: &str,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
) -> PyResult<'gc, Value<'gc>> {
    let fa = |i: usize| -> PyResult<'gc, f64> {
        match args.get(i) {
            Some(v) => f64_arg(rt, *v),
            None => rt.err(Ty::TypeError, format!("{}() missing required argument", f)),
        }
    };
    let fl = |x: f64| -> PyResult<'gc, Value<'gc>> { Ok(Value::Float(x)) };
    match (module, f) {
        ("sys", "exit") => {
            let code = args.first().copied().unwrap_or(Value::None);
            let a = if matches!(code, Value::None) {
                rt.tuple(&[])
            } else {
                rt.tuple(&[code])
            };
            Err(Fail::Raise(rt.exc_args(rt.ty(Ty::SystemExit), a)))
        }
        ("sys", "setrecursionlimit") => {
            let n = int_of(args[0]);
            if n < 1 {
                return rt.err(
                    Ty::ValueError,
                    "recursion limit must be greater or equal than 1",
                );
            }
            heap::set_field(rt.mc, rt.rt, RT_RECLIMIT, Value::Int(n));
            Ok(Value::None)
        }
        ("sys", "getrecursionlimit") => Ok(field(rt.rt, RT_RECLIMIT)),
        ("sys", "getsizeof") => Ok(Value::Int(64)),
        ("sys", "intern") => Ok(args[0]),
        ("gc", _) => Ok(Value::None),
        ("os", "cpu_count") => Ok(Value::Int(
            std::thread::available_parallelism().map_or(1, |n| n.get() as i64),
        )),
        ("os", "getcwd") => Ok(rt.s(&std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default())),
        ("os", "remove") | ("os.path", "remove") => {
            let p = str_of(rt, args[0])?;
            std::fs::remove_file(&p)
                .map_err(|e| Fail::Raise(rt.exc(Ty::FileNotFoundError, &format!("{e}: '{p}'"))))?;
            Ok(Value::None)
        }
        ("os", "listdir") => {
            let p = match args.first() {
                Some(v) => str_of(rt, *v)?,
                None => ".".into(),
            };
            let mut names: Vec<String> = std::fs::read_dir(&p)
                .map_err(|e| Fail::Raise(rt.exc(Ty::FileNotFoundError, &e.to_string())))?
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect();
            names.sort();
            Ok(rt.list(names.iter().map(|n| rt.s(n)).collect()))
        }
        ("os.path", "exists") => Ok(Value::Bool(
            std::path::Path::new(&str_of(rt, args[0])?).exists(),
        )),
        ("os.path", "isfile") => Ok(Value::Bool(
            std::path::Path::new(&str_of(rt, args[0])?).is_file(),
        )),
        ("os.path", "isdir") => Ok(Value::Bool(
            std::path::Path::new(&str_of(rt, args[0])?).is_dir(),
        )),
        ("os.path", "join") => {
            let mut p = std::path::PathBuf::new();
            for a in args {
                p.push(str_of(rt, *a)?);
            }
            Ok(rt.s(&p.to_string_lossy()))
        }
        ("os.path", "basename") => {
            let s = str_of(rt, args[0])?;
            Ok(rt.s(s.rsplit('/').next().unwrap_or("")))
        }
        ("os.path", "dirname") => {
            let s = str_of(rt, args[0])?;
            Ok(rt.s(posix_split(&s).0))
        }
        ("os.path", "split") => {
            let s = str_of(rt, args[0])?;
            let (head, tail) = posix_split(&s);
            Ok(rt.tuple(&[rt.s(head), rt.s(tail)]))
        }
        ("os.path", "splitext") => {
            let s = str_of(rt, args[0])?;
            let (root, ext) = posix_splitext(&s);
            Ok(rt.tuple(&[rt.s(root), rt.s(ext)]))
        }
        ("os.path", "isabs") => Ok(Value::Bool(str_of(rt, args[0])?.starts_with('/'))),
        ("os.path", "abspath") => {
            let s = str_of(rt, args[0])?;
            let p = std::path::Path::new(&s);
            let full = if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            };
            // normpath: drop `.` and empty parts, fold `..`.
            let mut parts: Vec<String> = Vec::new();
            for c in full.components() {
                match c {
                    std::path::Component::Normal(x) => parts.push(x.to_string_lossy().into()),
                    std::path::Component::ParentDir => {
                        parts.pop();
                    }
                    _ => {}
                }
            }
            Ok(rt.s(&format!("/{}", parts.join("/"))))
        }
        ("os.path", "getsize") => {
            let p = str_of(rt, args[0])?;
            let md = std::fs::metadata(&p).map_err(|e| {
                let msg = format!("[Errno 2] No such file or directory: '{p}'");
                let _ = e;
                Fail::Raise(rt.exc(Ty::FileNotFoundError, &msg))
            })?;
            Ok(Value::Int(md.len() as i64))
        }
        ("os", "getenv") => {
            let k = args[0].as_str().unwrap_or("");
            match std::env::var(k) {
                Ok(v) => Ok(rt.s(&v)),
                Err(_) => Ok(args.get(1).copied().unwrap_or(Value::None)),
            }
        }
        ("time", "time") => fl(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)),
        ("time", "time_ns") | ("time", "perf_counter_ns") => Ok(Value::Int(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as i64)
                .unwrap_or(0),
        )),
        ("time", "perf_counter") | ("time", "monotonic") | ("time", "process_time") => {
            thread_local!(static START: std::time::Instant = std::time::Instant::now());
            fl(START.with(|s| s.elapsed().as_secs_f64()))
        }
        ("time", "sleep") => {
            std::thread::sleep(std::time::Duration::from_secs_f64(fa(0)?.max(0.0)));
            Ok(Value::None)
        }
        ("_random", "new") => Ok(Value::Int(MT.with(|m| {
            let mut m = m.borrow_mut();
            m.push(Mt::new());
            m.len() as i64 - 1
        }))),
        ("_random", "seed") => {
            let n = match args.get(1) {
                Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                    to_bigint(*v).unwrap_or_default()
                }
                Some(Value::None) | None => num_bigint::BigInt::from(
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_nanos() as i64)
                        .unwrap_or(0),
                ),
                Some(v) => match text_seed(rt, *v) {
                    Some(bytes) => seed_from_text(&bytes),
                    None => {
                        return rt.err(
                            Ty::TypeError,
                            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                        )
                    }
                },
            };
            let id = mt_id(args);
            MT.with(|m| m.borrow_mut()[id].seed(&n.abs()));
            Ok(Value::None)
        }
        ("_random", "random") => {
            let id = mt_id(args);
            fl(MT.with(|m| m.borrow_mut()[id].random()))
        }
        ("_random", "getrandbits") => {
            let k = int_of(args[1]);
            if k < 0 {
                return rt.err(Ty::ValueError, "number of bits must be non-negative");
            }
            let id = mt_id(args);
            Ok(rt.int(MT.with(|m| m.borrow_mut()[id].getrandbits(k as u64))))
        }
        ("math", _) => math(rt, f, args, kw, &fa),
        ("_re", _) => crate::builtins::regex::call(rt, f, args),
        _ => rt.err(
            Ty::AttributeError,
            format!("module '{}' has no attribute '{}'", module, f),
        ),
    }
}

fn math<'gc>(
    rt: &Rt<'_, 'gc>,
    f: &str,
    args: &[Value<'gc>],
    kw: &[(String, Value<'gc>)],
    fa: &dyn Fn(usize) -> PyResult<'gc, f64>,
) -> PyResult<'gc, Value<'gc>> {
    let fl = |x: f64| -> PyResult<'gc, Value<'gc>> { Ok(Value::Float(x)) };
    let checked = |x: f64| -> PyResult<'gc, Value<'gc>> {
        if x.is_nan() {
            math_domain(rt)
        } else if x.is_infinite() {
            rt.err(Ty::OverflowError, "math range error")
        } else {
            Ok(Value::Float(x))
        }
    };
    match f {
        "sqrt" => {
            let x = fa(0)?;
            if x < 0.0 {
                return math_domain(rt);
            }
            fl(x.sqrt())
        }
        "sin" => fl(fa(0)?.sin()),
        "cos" => fl(fa(0)?.cos()),
        "tan" => fl(fa(0)?.tan()),
        "asin" | "acos" => {
            let x = fa(0)?;
            if !(-1.0..=1.0).contains(&x) {
                return math_domain(rt);
            }
            fl(if f == "asin" { x.asin() } else { x.acos() })
        }
        "atan" => fl(fa(0)?.atan()),
        "atan2" => fl(fa(0)?.atan2(fa(1)?)),
        "sinh" => fl(fa(0)?.sinh()),
        "cosh" => fl(fa(0)?.cosh()),
        "tanh" => fl(fa(0)?.tanh()),
        "exp" => {
            let x = fa(0)?;
            let r = x.exp();
            if r.is_infinite() && x.is_finite() {
                return rt.err(Ty::OverflowError, "math range error");
            }
            fl(r)
        }
        "expm1" => fl(fa(0)?.exp_m1()),
        "log" => {
            let x = match args[0] {
                Value::BigInt(b) if b.0.is_positive() => {
                    // log of a huge int: via its bit length.
                    let bits = b.0.bits();
                    let shift = bits.saturating_sub(60);
                    let top: f64 = (&b.0 >> shift).to_f64().unwrap_or(1.0);
                    let l = top.ln() + shift as f64 * std::f64::consts::LN_2;
                    return match args.get(1) {
                        Some(base) => fl(l / f64_arg(rt, *base)?.ln()),
                        None => fl(l),
                    };
                }
                v => f64_arg(rt, v)?,
            };
            if x <= 0.0 {
                return math_domain(rt);
            }
            match args.get(1) {
                Some(b) => {
                    let b = f64_arg(rt, *b)?;
                    if b <= 0.0 || b == 1.0 {
                        return if b == 1.0 {
                            rt.err(Ty::ZeroDivisionError, "float division by zero")
                        } else {
                            math_domain(rt)
                        };
                    }
                    fl(x.ln() / b.ln())
                }
                None => fl(x.ln()),
            }
        }
        "log2" | "log10" | "log1p" => {
            let x = fa(0)?;
            if (f != "log1p" && x <= 0.0) || (f == "log1p" && x <= -1.0) {
                return math_domain(rt);
            }
            fl(match f {
                "log2" => x.log2(),
                "log10" => x.log10(),
                _ => x.ln_1p(),
            })
        }
        "pow" => {
            let (x, y) = (fa(0)?, fa(1)?);
            if x == 0.0 && y < 0.0 {
                return math_domain(rt);
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return math_domain(rt);
            }
            checked(x.powf(y)).or_else(|e| {
                if x.is_infinite() || y.is_infinite() {
                    Ok(Value::Float(x.powf(y)))
                } else {
                    Err(e)
                }
            })
        }
        "floor" | "ceil" | "trunc" => match args[0] {
            v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            // An instance answers through its __floor__ / __ceil__ /
            // __trunc__ (the prelude's `__b_math:NAME`).
            v if is_instance_kind(kind_of(rt, v)) => Err(Fail::Guest),
            _ => {
                let x = fa(0)?;
                float_to_int(
                    rt,
                    match f {
                        "floor" => x.floor(),
                        "ceil" => x.ceil(),
                        _ => x.trunc(),
                    },
                )
            }
        },
        "fabs" => fl(fa(0)?.abs()),
        "isnan" => Ok(Value::Bool(fa(0)?.is_nan())),
        "isinf" => Ok(Value::Bool(fa(0)?.is_infinite())),
        "isfinite" => Ok(Value::Bool(fa(0)?.is_finite())),
        "gcd" | "lcm" => {
            let mut acc = num_bigint::BigInt::from(if f == "gcd" { 0 } else { 1 });
            for a in args {
                let b = to_bigint(*a).ok_or_else(|| {
                    Fail::Raise(rt.exc(
                        Ty::TypeError,
                        "'float' object cannot be interpreted as an integer",
                    ))
                })?;
                acc = if f == "gcd" {
                    num_integer::Integer::gcd(&acc, &b)
                } else if b.is_zero() || acc.is_zero() {
                    num_bigint::BigInt::zero()
                } else {
                    num_integer::Integer::lcm(&acc, &b)
                };
            }
            Ok(rt.int(acc))
        }
        "factorial" => {
            let n = match args[0] {
                Value::Int(i) => i,
                _ => return rt.err(Ty::TypeError, "factorial() only accepts integral values"),
            };
            if n < 0 {
                return rt.err(
                    Ty::ValueError,
                    "factorial() not defined for negative values",
                );
            }
            let mut acc = num_bigint::BigInt::from(1);
            for i in 2..=n {
                acc *= i;
            }
            Ok(rt.int(acc))
        }
        "comb" | "perm" => {
            let n = int_of(args[0]);
            let k = match args.get(1) {
                Some(v) => int_of(*v),
                None => n,
            };
            if n < 0 || k < 0 {
                return rt.err(
                    Ty::ValueError,
                    format!(
                        "{} must be a non-negative integer",
                        if n < 0 { "n" } else { "k" }
                    ),
                );
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let mut acc = num_bigint::BigInt::from(1);
            for i in 0..k {
                acc *= n - i;
            }
            if f == "comb" {
                let mut d = num_bigint::BigInt::from(1);
                for i in 2..=k {
                    d *= i;
                }
                acc /= d;
            }
            Ok(rt.int(acc))
        }
        "isqrt" => {
            let n = to_bigint(args[0]).unwrap_or_default();
            if n.is_negative() {
                return rt.err(Ty::ValueError, "isqrt() argument must be nonnegative");
            }
            Ok(rt.int(n.sqrt()))
        }
        "hypot" => {
            let mut s = 0.0f64;
            for i in 0..args.len() {
                let x = fa(i)?;
                s = s.hypot(x);
            }
            fl(s)
        }
        "dist" => {
            let p = iterate(rt, args[0])?;
            let q = iterate(rt, args[1])?;
            let mut s = 0.0f64;
            for (a, b) in p.iter().zip(q.iter()) {
                s = s.hypot(f64_arg(rt, *a)? - f64_arg(rt, *b)?);
            }
            fl(s)
        }
        "degrees" => fl(fa(0)?.to_degrees()),
        "radians" => fl(fa(0)?.to_radians()),
        "copysign" => fl(fa(0)?.copysign(fa(1)?)),
        "fmod" => {
            let (x, y) = (fa(0)?, fa(1)?);
            if y == 0.0 {
                return math_domain(rt);
            }
            fl(x % y)
        }
        "modf" => {
            let x = fa(0)?;
            Ok(rt.tuple(&[Value::Float(x.fract()), Value::Float(x.trunc())]))
        }
        "frexp" => {
            let x = fa(0)?;
            if x == 0.0 || !x.is_finite() {
                return Ok(rt.tuple(&[Value::Float(x), Value::Int(0)]));
            }
            let e = x.abs().log2().floor() as i64 + 1;
            let m = x / 2f64.powi(e as i32);
            let (m, e) = if m.abs() >= 1.0 {
                (m / 2.0, e + 1)
            } else if m.abs() < 0.5 {
                (m * 2.0, e - 1)
            } else {
                (m, e)
            };
            Ok(rt.tuple(&[Value::Float(m), Value::Int(e)]))
        }
        "ldexp" => fl(fa(0)? * 2f64.powi(int_of(args[1]) as i32)),
        "isclose" => {
            let (a, b) = (fa(0)?, fa(1)?);
            let kwf = |n: &str, d: f64| {
                kw.iter()
                    .find(|(k, _)| k == n)
                    .map(|(_, v)| f64_arg(rt, *v))
                    .unwrap_or(Ok(d))
            };
            let rel = kwf("rel_tol", 1e-9)?;
            let abs = kwf("abs_tol", 0.0)?;
            if a == b {
                return Ok(Value::Bool(true));
            }
            if a.is_infinite() || b.is_infinite() {
                return Ok(Value::Bool(false));
            }
            let d = (a - b).abs();
            Ok(Value::Bool(
                d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs,
            ))
        }
        "prod" => {
            let mut acc = kw
                .iter()
                .find(|(k, _)| k == "start")
                .map(|(_, v)| *v)
                .unwrap_or(Value::Int(1));
            for x in iterate(rt, args[0])? {
                acc = crate::ops::binary(rt, crate::ast::BinOp::Mul, acc, x)?;
            }
            Ok(acc)
        }
        "fsum" => {
            // Shewchuk's exact summation, as CPython's fsum.
            let mut partials: Vec<f64> = Vec::new();
            for v in iterate(rt, args[0])? {
                let mut x = f64_arg(rt, v)?;
                let mut i = 0;
                for j in 0..partials.len() {
                    let mut y = partials[j];
                    if x.abs() < y.abs() {
                        std::mem::swap(&mut x, &mut y);
                    }
                    let hi = x + y;
                    let lo = y - (hi - x);
                    if lo != 0.0 {
                        partials[i] = lo;
                        i += 1;
                    }
                    x = hi;
                }
                partials.truncate(i);
                partials.push(x);
            }
            fl(partials.iter().sum())
        }
        "erf" | "erfc" | "gamma" | "lgamma" => {
            let x = fa(0)?;
            let r = match f {
                "erf" => erf(x),
                "erfc" => 1.0 - erf(x),
                "gamma" => gamma(x),
                _ => gamma(x).abs().ln(),
            };
            fl(r)
        }
        _ => rt.err(
            Ty::AttributeError,
            format!("module 'math' has no attribute '{}'", f),
        ),
    }
}

fn erf(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 refined by series for small x.
    if x.abs() < 2.0 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        while term.abs() > 1e-17 * sum.abs() {
            n += 1.0;
            term *= -x2 / n;
            sum += term / (2.0 * n + 1.0);
        }
        return 2.0 / std::f64::consts::PI.sqrt() * sum;
    }
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let y = 1.0
        - t * (-x * x - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 {
        y
    } else {
        -y
    }
}

fn gamma(x: f64) -> f64 {
    if x.fract() == 0.0 && (1.0..=23.0).contains(&x) {
        let mut r = 1.0;
        for i in 2..(x as i64) {
            r *= i as f64;
        }
        return r;
    }
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    let g = 7.0;
    let c = [
        0.999_999_999_999_809_9,
        676.5203681218851,
        -1259.1392167224028,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507343278686905,
        -0.13857109526572012,
        9.984_369_578_019_572e-6,
        1.5056327351493116e-7,
    ];
    let x = x - 1.0;
    let mut a = c[0];
    let t = x + g + 0.5;
    for (i, ci) in c.iter().enumerate().skip(1) {
        a += ci / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// The generator a `_random` call names by its first argument (the id
/// `_random.new` returned; random.py never passes another).
fn mt_id(args: &[Value<'_>]) -> usize {
    let n = MT.with(|m| m.borrow().len());
    match args.first() {
        Some(Value::Int(i)) if (*i as usize) < n => *i as usize,
        _ => 0,
    }
}

/// The bytes of a `str` or `bytes` seed (a `str` as UTF-8).
fn text_seed<'gc>(rt: &Rt<'_, 'gc>, v: Value<'gc>) -> Option<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Some(s.as_bytes().to_vec());
    }
    match crate::objects::kind_of(rt, v) {
        Ty::Bytes | Ty::ByteArray => crate::objects::field(v, 1)
            .as_str()
            .map(|s| s.chars().map(|c| c as u32 as u8).collect()),
        _ => None,
    }
}

/// CPython's version-2 seeding of text: the integer whose big-endian bytes
/// are the text followed by its SHA-512 digest.
fn seed_from_text(bytes: &[u8]) -> num_bigint::BigInt {
    use sha2::Digest;
    let mut all = bytes.to_vec();
    all.extend_from_slice(&sha2::Sha512::digest(bytes));
    num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &all)
}

/// CPython's Mersenne Twister (MT19937) with its seeding and float generation.
pub struct Mt {
    state: [u32; 624],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt {
            state: [0; 624],
            index: 625,
        };
        m.init_genrand(5489);
        m
    }
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..624 {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = 624;
    }
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let n = 624;
        let mut i = 1;
        let mut j = 0;
        let klen = key.len().max(1);
        let mut k = n.max(klen);
        while k > 0 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = n - 1;
        while k > 0 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
            k -= 1;
        }
        self.state[0] = 0x80000000;
        self.index = 624;
    }
    pub fn seed(&mut self, n: &num_bigint::BigInt) {
        let (_, mut words) = n.to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
    }
    fn genrand(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908b0df];
        if self.index >= 624 {
            for kk in 0..624 {
                let y = (self.state[kk] & 0x80000000) | (self.state[(kk + 1) % 624] & 0x7fffffff);
                self.state[kk] = self.state[(kk + 397) % 624] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
    pub fn getrandbits(&mut self, k: u64) -> num_bigint::BigInt {
        if k == 0 {
            return num_bigint::BigInt::zero();
        }
        if k <= 32 {
            return num_bigint::BigInt::from(self.genrand() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        num_bigint::BigInt::from_slice(num_bigint::Sign::Plus, &digits)
    }
}

/// Dispatch for `module:function` builtin names.
pub fn call_qualified<'gc>(
    rt: &Rt<'_, 'gc>,
    qual: &str,
    a: &[Value<'gc>],
    kwnames: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let (m, f) = qual.split_once(':').unwrap_or(("", qual));
    let (args, kw) = split_args(kwnames, a);
    call(rt, m, f, &args, &kw)
}
