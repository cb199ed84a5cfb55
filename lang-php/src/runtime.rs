//! The PHP runtime state reachable from every code object (its const 0), code
//! loading (function protos to code objects), class declaration, exception
//! objects, and the output streams.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use vm_core::heap::{self, LangId};
use vm_core::{Mutation, Value};

use crate::ast::{ClassKind, TraitRule, Visibility};
use crate::bytecode::*;
use crate::value::*;

/// Fields of the runtime record.
pub const RT_FUNCS: u32 = 0;
pub const RT_CLASSES: u32 = 1;
pub const RT_CONSTS: u32 = 2;
pub const RT_GLOBALS: u32 = 3;
pub const RT_INCLUDED: u32 = 4;
pub const RT_NEXT_ID: u32 = 5;
pub const RT_ARGV: u32 = 6;
/// The objects whose class has `__destruct`, in creation order (run at the script's end).
pub const RT_DTORS: u32 = 7;
pub const RT_FIELDS: usize = 8;

thread_local! {
    static LANG_ID: std::cell::Cell<LangId> = const { std::cell::Cell::new(0) };
    static OUT: RefCell<Output> = RefCell::new(Output::default());
}

#[derive(Default)]
struct Output {
    /// `ob_start` buffers, innermost last.
    buffers: Vec<Vec<u8>>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    capture: bool,
}

pub fn set_lang_id(id: LangId) {
    LANG_ID.with(|c| c.set(id));
}
pub fn lang_id() -> LangId {
    LANG_ID.with(|c| c.get())
}

/// Starts capturing output in this thread (tests).
pub fn capture_output(on: bool) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.capture = on;
        o.stdout.clear();
        o.stderr.clear();
    });
}

/// Takes captured (stdout, stderr).
pub fn take_output() -> (Vec<u8>, Vec<u8>) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        (std::mem::take(&mut o.stdout), std::mem::take(&mut o.stderr))
    })
}

/// Writes a PHP string to stdout (or the innermost output buffer) as its
/// bytes (see `bytes`).
pub fn echo(s: &str) {
    let s = crate::bytes::encode(s);
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if let Some(b) = o.buffers.last_mut() {
            b.extend_from_slice(&s);
            return;
        }
        o.stdout.extend_from_slice(&s);
        if !o.capture && o.stdout.len() > 1 << 16 {
            let _ = std::io::stdout().write_all(&o.stdout);
            o.stdout.clear();
        }
    });
}

pub fn echo_err(s: &str) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if o.capture {
            o.stderr.extend_from_slice(&crate::bytes::encode(s));
        } else {
            let out = std::mem::take(&mut o.stdout);
            let _ = std::io::stdout().write_all(&out);
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().write_all(&crate::bytes::encode(s));
        }
    });
}

/// `ob_start`.
pub fn ob_start() {
    OUT.with(|o| o.borrow_mut().buffers.push(Vec::new()));
}

/// Pops the innermost output buffer (None when there is none).
pub fn ob_pop() -> Option<Vec<u8>> {
    OUT.with(|o| o.borrow_mut().buffers.pop())
}

/// The innermost buffer's contents.
pub fn ob_contents() -> Option<Vec<u8>> {
    OUT.with(|o| o.borrow().buffers.last().cloned())
}

pub fn ob_level() -> usize {
    OUT.with(|o| o.borrow().buffers.len())
}

pub fn flush() {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        // Buffers still open at the end are flushed, as php does.
        let bufs = std::mem::take(&mut o.buffers);
        for b in bufs {
            o.stdout.extend_from_slice(&b);
        }
        if !o.capture {
            let out = std::mem::take(&mut o.stdout);
            let _ = std::io::stdout().write_all(&out);
            let _ = std::io::stdout().flush();
        }
    });
}

thread_local! {
    static SILENCE: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

pub fn silence_level() -> i64 {
    SILENCE.with(|c| c.get())
}

pub fn set_silence(l: i64) {
    SILENCE.with(|c| c.set(l));
}

pub fn warn(msg: &str) {
    if silence_level() > 0 {
        return;
    }
    echo_err(&format!("PHP Warning:  {msg}\n"));
}

pub fn new_runtime<'gc>(mc: &Mutation<'gc>) -> Value<'gc> {
    let mut f = Vec::new();
    for i in 0..RT_FIELDS {
        f.push(match i as u32 {
            RT_NEXT_ID => Value::Int(1),
            RT_ARGV | RT_DTORS => new_array(mc),
            _ => heap::new_dict(mc),
        });
    }
    heap::new_record(mc, Value::None, f)
}

pub fn rt_field<'gc>(rt: Value<'gc>, f: u32) -> Value<'gc> {
    heap::get_field(rt, f)
}

/// The static data of a PHP function code object.
pub struct FuncData {
    pub proto: Rc<FuncProto>,
}

/// A class template (before declaration).
pub struct ClassTemplate {
    pub proto: Rc<ClassProto>,
}

/// Per-property metadata kept by a declared class.
#[derive(Clone, Debug)]
pub struct PropInfo {
    pub name: String,
    pub vis: Visibility,
    pub is_static: bool,
    pub class: String,
    pub readonly: bool,
}

/// How a property access from `scope` (a class or None) sees `name` on objects of `cls`.
pub enum PropAccess {
    Ok,
    /// Private to an ancestor: behaves as undeclared here.
    Invisible,
    Denied(String),
    /// Writing an initialised readonly property, or from outside its class.
    Readonly(String),
}

pub fn prop_access(
    cls: Value<'_>,
    scope: Value<'_>,
    name: &str,
    write: bool,
    initialized: bool,
) -> PropAccess {
    let Some(cd) = class_data(cls) else {
        return PropAccess::Ok;
    };
    let Some(pi) = cd.props.iter().find(|p| p.name == name && !p.is_static) else {
        return PropAccess::Ok;
    };
    let scope_name = class_data(scope).map(|c| c.lname.clone());
    let decl = pi.class.to_ascii_lowercase();
    match pi.vis {
        Visibility::Public => {}
        Visibility::Private => {
            if scope_name.as_deref() != Some(decl.as_str()) {
                if scope_name.is_some() && instance_of(scope, &decl) {
                    return PropAccess::Invisible;
                }
                return PropAccess::Denied(format!(
                    "Cannot access private property {}::${}",
                    cd.name, name
                ));
            }
        }
        Visibility::Protected => {
            let ok = match &scope_name {
                Some(sn) => {
                    instance_of(scope, &decl)
                        || class_data(cls)
                            .map_or(false, |_| instance_of(lookup_class_by_data(cls, &decl), sn))
                }
                None => false,
            };
            if !ok {
                return PropAccess::Denied(format!(
                    "Cannot access protected property {}::${}",
                    cd.name, name
                ));
            }
        }
    }
    if write && pi.readonly {
        let inside = scope_name.as_deref() == Some(decl.as_str());
        if initialized || !inside {
            return PropAccess::Readonly(format!(
                "Cannot modify readonly property {}::${}",
                cd.name, name
            ));
        }
    }
    PropAccess::Ok
}

/// The ancestor of `cls` named `lname` (for protected checks), or `cls` itself.
fn lookup_class_by_data<'gc>(cls: Value<'gc>, lname: &str) -> Value<'gc> {
    let mut c = cls;
    while let Some(cd) = class_data(c) {
        if cd.lname == lname {
            return c;
        }
        c = class_const(c, C_PARENT);
    }
    cls
}

/// Method visibility check: `Err(message)` when `scope` may not call it.
pub fn method_access(
    meth: Value<'_>,
    scope: Value<'_>,
    cls: Value<'_>,
    name: &str,
) -> Result<(), String> {
    let Some(fd) = func_data(meth) else {
        return Ok(());
    };
    let vis = fd.proto.visibility;
    if vis == Visibility::Public {
        return Ok(());
    }
    let decl = class_const(meth, 2);
    let decl_l = class_data(decl)
        .map(|c| c.lname.clone())
        .unwrap_or_default();
    let scope_l = class_data(scope).map(|c| c.lname.clone());
    let ok = match (vis, &scope_l) {
        (_, None) => false,
        (Visibility::Private, Some(s)) => *s == decl_l,
        (_, Some(s)) => instance_of(scope, &decl_l) || instance_of(decl, s),
    };
    if ok {
        return Ok(());
    }
    let kind = if vis == Visibility::Private {
        "private"
    } else {
        "protected"
    };
    let from = match class_data(scope) {
        Some(c) => format!("scope {}", c.name),
        None => "global scope".to_string(),
    };
    let cname = class_data(decl)
        .or(class_data(cls))
        .map(|c| c.name.clone())
        .unwrap_or_default();
    Err(format!(
        "Call to {kind} method {cname}::{name}() from {from}"
    ))
}

/// The static data of a declared class.
pub struct ClassData {
    pub name: String,
    pub lname: String,
    pub parent: Option<String>,
    /// Lower-case names of the class, its parents and every interface.
    pub ancestors: Vec<String>,
    pub kind: ClassKind,
    pub is_abstract: bool,
    pub props: Vec<PropInfo>,
    pub is_throwable: bool,
    /// The traits the class itself uses, as written.
    pub traits: Vec<String>,
    /// The class or an ancestor has `__destruct` (its objects are kept for the script's end).
    pub has_destructor: bool,
}

/// Fields of a class code object's consts.
pub const C_METHODS: usize = 1;
pub const C_CONSTS: usize = 2;
pub const C_STATICS: usize = 3;
pub const C_DEFAULTS: usize = 4;
pub const C_PARENT: usize = 5;

pub fn class_data<'gc>(c: Value<'gc>) -> Option<&'gc ClassData> {
    heap::as_code(c).and_then(|c| c.data::<ClassData>())
}

pub fn func_data<'gc>(c: Value<'gc>) -> Option<&'gc FuncData> {
    heap::as_code(c).and_then(|c| c.data::<FuncData>())
}

pub fn class_const<'gc>(c: Value<'gc>, i: usize) -> Value<'gc> {
    heap::as_code(c).map(|c| c.consts[i]).unwrap_or(Value::None)
}

/// Makes the code object for a function proto, with `scope` as its class scope.
pub fn materialize<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    proto: &Rc<FuncProto>,
    scope: Value<'gc>,
) -> Value<'gc> {
    let mut consts = vec![rt, heap::new_dict(mc), scope];
    for k in &proto.consts {
        consts.push(match k {
            KConst::Null => Value::None,
            KConst::Bool(b) => Value::Bool(*b),
            KConst::Int(i) => Value::Int(*i),
            KConst::Float(f) => Value::Float(*f),
            KConst::Str(s) => heap::new_str(mc, s),
            KConst::Func(p) => materialize(mc, rt, p, scope),
            KConst::Class(cp) => heap::new_code(
                mc,
                lang_id(),
                Box::new(ClassTemplate { proto: cp.clone() }),
                vec![rt],
            ),
        });
    }
    heap::new_code(
        mc,
        lang_id(),
        Box::new(FuncData {
            proto: proto.clone(),
        }),
        consts,
    )
}

pub fn lookup_class<'gc>(rt: Value<'gc>, name: &str) -> Value<'gc> {
    let lname = name.trim_start_matches('\\').to_ascii_lowercase();
    let classes = rt_field(rt, RT_CLASSES);
    match dict_get_str(classes, &lname) {
        Value::Absent => Value::None,
        v => v,
    }
}

pub fn dict_get_str<'gc>(d: Value<'gc>, k: &str) -> Value<'gc> {
    match d {
        Value::Dict(dd) => {
            let mut h = rustc_hash::FxHasher::default();
            std::hash::Hash::hash(k, &mut h);
            let probe = StrProbe {
                text: k,
                hash: std::hash::Hasher::finish(&h),
            };
            dd.borrow().get(&probe).copied().unwrap_or(Value::Absent)
        }
        _ => Value::Absent,
    }
}

/// Looks a string key up in a dict without allocating a `Str`: hashes as
/// `heap::Key` hashes a `Str` (its cached text hash) and compares by content.
struct StrProbe<'a> {
    text: &'a str,
    hash: u64,
}

impl std::hash::Hash for StrProbe<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl<'gc> vm_core::heap::Equivalent<vm_core::heap::Key<'gc>> for StrProbe<'_> {
    fn equivalent(&self, key: &vm_core::heap::Key<'gc>) -> bool {
        match key.0 {
            Value::Str(s) => s.hash_code() == self.hash && s.as_str() == self.text,
            Value::StrBuf(b) => b.as_str() == self.text,
            _ => false,
        }
    }
}

pub fn instance_of(cls: Value<'_>, target_lname: &str) -> bool {
    match class_data(cls) {
        Some(cd) => cd.ancestors.iter().any(|a| a == target_lname),
        None => false,
    }
}

pub fn find_method<'gc>(cls: Value<'gc>, lname: &str) -> Value<'gc> {
    let methods = class_const(cls, C_METHODS);
    match methods {
        Value::Dict(_) => {
            let v = dict_get_str(methods, lname);
            if let Value::Absent = v {
                Value::None
            } else {
                v
            }
        }
        _ => Value::None,
    }
}

pub fn next_object_id<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>) -> i64 {
    let id = match rt_field(rt, RT_NEXT_ID) {
        Value::Int(i) => i,
        _ => 1,
    };
    heap::set_field(mc, rt, RT_NEXT_ID, Value::Int(id + 1));
    id
}

/// Instantiates a class (properties from defaults; no constructor call).
pub fn instantiate<'gc>(mc: &Mutation<'gc>, rt: Value<'gc>, cls: Value<'gc>) -> Value<'gc> {
    let defaults = class_const(cls, C_DEFAULTS);
    let props = heap::new_dict(mc);
    for (k, v) in heap::dict_entries(defaults) {
        share(mc, v);
        heap::dict_set(mc, props, k, v);
    }
    let id = next_object_id(mc, rt);
    let mut fields = vec![cls, props, Value::Int(id)];
    if class_data(cls).is_some_and(|c| c.is_throwable) {
        // The stack trace, gathered frame by frame while the exception unwinds,
        // and a flag "the next frame is the one that caught it" (see `interp::catch`).
        fields.push(new_array(mc));
        fields.push(Value::Bool(false));
    }
    let o = heap::new_record(mc, cls, fields);
    if class_data(cls).is_some_and(|c| c.has_destructor) {
        let _ = arr_push(mc, rt_field(rt, RT_DTORS), o);
    }
    o
}

/// Field of a throwable: the trace entries ("file\0line\0function"), innermost first.
pub const X_TRACE: u32 = 3;
pub const X_SKIP: u32 = 4;

/// Makes an exception object of a built-in class with message, file and line.
pub fn make_exception<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    class: &str,
    msg: &str,
    file: &str,
    line: u32,
) -> Value<'gc> {
    let mut cls = lookup_class(rt, class);
    if let Value::None = cls {
        cls = lookup_class(rt, "Error");
    }
    if let Value::None = cls {
        return heap::new_str(mc, &format!("{class}: {msg}"));
    }
    let o = instantiate(mc, rt, cls);
    let props = heap::get_field(o, O_PROPS);
    heap::dict_set(
        mc,
        props,
        heap::new_str(mc, "message"),
        heap::new_str(mc, msg),
    );
    set_location(mc, o, file, line);
    o
}

pub fn set_location<'gc>(mc: &Mutation<'gc>, o: Value<'gc>, file: &str, line: u32) {
    let props = heap::get_field(o, O_PROPS);
    heap::dict_set(
        mc,
        props,
        heap::new_str(mc, "file"),
        heap::new_str(mc, file),
    );
    heap::dict_set(
        mc,
        props,
        heap::new_str(mc, "line"),
        Value::Int(line as i64),
    );
}

pub fn obj_prop<'gc>(o: Value<'gc>, name: &str) -> Value<'gc> {
    dict_get_str(heap::get_field(o, O_PROPS), name)
}

pub fn class_name_of(o: Value<'_>) -> String {
    if is_object(o) {
        class_data(heap::get_field(o, O_CLASS))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "Closure".into())
    } else {
        String::new()
    }
}

/// Declares a class from its template; `Err(message)` when a parent is missing.
pub fn declare_class<'gc>(
    mc: &Mutation<'gc>,
    rt: Value<'gc>,
    tmpl: &ClassTemplate,
) -> Result<Value<'gc>, (String, String)> {
    let d = &tmpl.proto.decl;
    let lname = d.name.to_ascii_lowercase();
    let classes = rt_field(rt, RT_CLASSES);
    if d.name != "class@anonymous" {
        if let v @ Value::Code(_) = dict_get_str(classes, &lname) {
            let _ = v;
            return Err((
                "Error".into(),
                format!(
                    "Cannot declare class {}, because the name is already in use",
                    d.name
                ),
            ));
        }
    }
    let parent = match &d.parent {
        Some(p) => {
            let pc = lookup_class(rt, p);
            if let Value::None = pc {
                return Err(("Error".into(), format!("Class \"{p}\" not found")));
            }
            pc
        }
        None => Value::None,
    };
    let mut ancestors = vec![lname.clone()];
    let mut props: Vec<PropInfo> = Vec::new();
    let methods = heap::new_dict(mc);
    let consts = heap::new_dict(mc);
    let statics = heap::new_dict(mc);
    let defaults = heap::new_dict(mc);
    let mut is_throwable = false;
    if let Some(pd) = class_data(parent) {
        ancestors.extend(pd.ancestors.iter().cloned());
        props.extend(pd.props.iter().cloned());
        is_throwable = pd.is_throwable;
        for (k, v) in heap::dict_entries(class_const(parent, C_METHODS)) {
            heap::dict_set(mc, methods, k, v);
        }
        for (k, v) in heap::dict_entries(class_const(parent, C_CONSTS)) {
            heap::dict_set(mc, consts, k, v);
        }
        for (k, v) in heap::dict_entries(class_const(parent, C_STATICS)) {
            heap::dict_set(mc, statics, k, v);
        }
        for (k, v) in heap::dict_entries(class_const(parent, C_DEFAULTS)) {
            heap::dict_set(mc, defaults, k, v);
        }
    }
    for i in &d.interfaces {
        let ic = lookup_class(rt, i);
        match class_data(ic) {
            Some(id) => {
                for a in &id.ancestors {
                    if !ancestors.contains(a) {
                        ancestors.push(a.clone());
                    }
                }
                for (k, v) in heap::dict_entries(class_const(ic, C_CONSTS)) {
                    heap::dict_set(mc, consts, k, v);
                }
                if id.is_throwable {
                    is_throwable = true;
                }
            }
            None => return Err(("Error".into(), format!("Interface \"{i}\" not found"))),
        }
    }
    if lname == "throwable" {
        is_throwable = true;
    }
    // Traits: their members are copied in.
    let mut all_methods: Vec<Rc<FuncProto>> = Vec::new();
    for t in &d.traits {
        let tc = lookup_class(rt, t);
        if heap::as_code(tc).is_none() {
            return Err(("Error".into(), format!("Trait \"{t}\" not found")));
        }
        for (_, m) in heap::dict_entries(class_const(tc, C_METHODS)) {
            if let Some(fd) = func_data(m) {
                let proto = &fd.proto;
                let excluded = d.trait_rules.iter().any(|r| {
                    matches!(r, TraitRule::Insteadof(_, meth, ex)
                        if meth.eq_ignore_ascii_case(&proto.fname)
                            && ex.iter().any(|x| x.eq_ignore_ascii_case(t)))
                });
                for r in &d.trait_rules {
                    let TraitRule::Alias(tr, meth, vis, alias) = r else {
                        continue;
                    };
                    if !meth.eq_ignore_ascii_case(&proto.fname)
                        || tr.as_ref().map_or(false, |x| !x.eq_ignore_ascii_case(t))
                    {
                        continue;
                    }
                    let mut copy = (**proto).clone();
                    if let Some(a) = alias {
                        copy.fname = a.clone();
                        copy.name = format!("{}::{a}", d.name);
                    }
                    if let Some(v) = vis {
                        copy.visibility = *v;
                    }
                    if alias.is_some() {
                        all_methods.push(Rc::new(copy));
                    } else if !excluded {
                        all_methods.push(Rc::new(copy));
                    }
                }
                let changed = d.trait_rules.iter().any(|r| {
                    matches!(r, TraitRule::Alias(tr, meth, _, None)
                        if meth.eq_ignore_ascii_case(&proto.fname)
                            && tr.as_ref().map_or(true, |x| x.eq_ignore_ascii_case(t)))
                });
                if !excluded && !changed {
                    all_methods.push(proto.clone());
                }
            }
        }
        if let Some(td) = class_data(tc) {
            for p in &td.props {
                if !props.iter().any(|q| q.name == p.name) {
                    props.push(PropInfo {
                        class: d.name.clone(),
                        ..p.clone()
                    });
                }
            }
        }
        for (k, v) in heap::dict_entries(class_const(tc, C_DEFAULTS)) {
            heap::dict_set(mc, defaults, k, v);
        }
        for (k, v) in heap::dict_entries(class_const(tc, C_STATICS)) {
            let cell = new_ref(mc, deref(v));
            heap::dict_set(mc, statics, k, cell);
        }
    }
    all_methods.extend(tmpl.proto.methods.iter().cloned());
    for p in &d.props {
        match props.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                q.vis = p.visibility;
                q.class = d.name.clone();
                q.readonly = p.readonly;
            }
            None => props.push(PropInfo {
                name: p.name.clone(),
                vis: p.visibility,
                is_static: p.is_static,
                class: d.name.clone(),
                readonly: p.readonly,
            }),
        }
    }
    for m in &d.methods {
        if m.name.eq_ignore_ascii_case("__construct") {
            for prm in &m.params {
                if let Some(vis) = prm.promote {
                    if !props.iter().any(|q| q.name == prm.name) {
                        props.push(PropInfo {
                            name: prm.name.clone(),
                            vis,
                            is_static: false,
                            class: d.name.clone(),
                            readonly: prm.promote_readonly,
                        });
                    }
                }
            }
        }
    }
    let has_destructor = class_data(parent).is_some_and(|p| p.has_destructor)
        || all_methods
            .iter()
            .any(|m| m.fname.eq_ignore_ascii_case("__destruct"));
    let cd = ClassData {
        has_destructor,
        name: d.name.clone(),
        lname: lname.clone(),
        parent: d.parent.as_ref().map(|p| p.to_ascii_lowercase()),
        ancestors,
        kind: d.kind,
        is_abstract: d.is_abstract,
        props,
        is_throwable,
        traits: d.traits.clone(),
    };
    let cls = heap::new_code(
        mc,
        lang_id(),
        Box::new(cd),
        vec![rt, methods, consts, statics, defaults, parent],
    );
    for m in all_methods {
        let code = materialize(mc, rt, &m, cls);
        let mname = m.fname.to_ascii_lowercase();
        heap::dict_set(mc, methods, heap::new_str(mc, &mname), code);
    }
    // An enum's cases: its only instances, made once, kept as constants.
    for (n, e) in &d.cases {
        let o = instantiate(mc, rt, cls);
        let props = heap::get_field(o, O_PROPS);
        heap::dict_set(mc, props, heap::new_str(mc, "name"), heap::new_str(mc, n));
        if let Some(e) = e {
            let v = crate::consteval::eval(mc, rt, cls, e).map_err(|m| ("Error".to_string(), m))?;
            heap::dict_set(mc, props, heap::new_str(mc, "value"), v);
        }
        heap::dict_set(mc, consts, heap::new_str(mc, n), o);
    }
    // Constants and property defaults (constant expressions).
    for (n, e) in &d.consts {
        let v = crate::consteval::eval(mc, rt, cls, e).map_err(|m| ("Error".to_string(), m))?;
        heap::dict_set(mc, consts, heap::new_str(mc, n), v);
    }
    for p in &d.props {
        let v = match &p.default {
            Some(e) => {
                crate::consteval::eval(mc, rt, cls, e).map_err(|m| ("Error".to_string(), m))?
            }
            None => {
                if p.typed {
                    Value::Absent
                } else {
                    Value::None
                }
            }
        };
        if p.is_static {
            heap::dict_set(mc, statics, heap::new_str(mc, &p.name), new_ref(mc, v));
        } else {
            if let Value::Absent = v {
                // Typed property without default: uninitialized (kept out of the object).
            } else {
                heap::dict_set(mc, defaults, heap::new_str(mc, &p.name), v);
            }
        }
    }
    if d.name != "class@anonymous" {
        heap::dict_set(mc, classes, heap::new_str(mc, &lname), cls);
    } else {
        heap::dict_set(mc, classes, heap::new_str(mc, "class@anonymous"), cls);
    }
    Ok(cls)
}
