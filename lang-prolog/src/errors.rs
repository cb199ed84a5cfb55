//! ISO error terms, and SWI-Prolog's wording of them in messages.

use vm_core::{Mutation, Value};

use crate::terms::{self, view, T};
use crate::writer;

/// `error(Formal, _)`: the context is left for the dispatcher.
pub fn error<'gc>(mc: &Mutation<'gc>, formal: Value<'gc>) -> Value<'gc> {
    // the context is filled in by the builtin dispatcher when it is still unbound
    let ctx = terms::new_var(mc, 0);
    terms::compound(mc, "error", vec![formal, ctx])
}

/// `error(instantiation_error, _)`.
pub fn instantiation_error<'gc>(mc: &Mutation<'gc>) -> Value<'gc> {
    error(mc, terms::atom(mc, "instantiation_error"))
}

/// `error(type_error(Type, Culprit), _)`.
pub fn type_error<'gc>(mc: &Mutation<'gc>, ty: &str, culprit: Value<'gc>) -> Value<'gc> {
    let f = terms::compound(mc, "type_error", vec![terms::atom(mc, ty), culprit]);
    error(mc, f)
}

/// `error(domain_error(Domain, Culprit), _)`.
pub fn domain_error<'gc>(mc: &Mutation<'gc>, d: &str, culprit: Value<'gc>) -> Value<'gc> {
    let f = terms::compound(mc, "domain_error", vec![terms::atom(mc, d), culprit]);
    error(mc, f)
}

/// `error(representation_error(What), _)`.
pub fn representation_error<'gc>(mc: &Mutation<'gc>, what: &str) -> Value<'gc> {
    let f = terms::compound(mc, "representation_error", vec![terms::atom(mc, what)]);
    error(mc, f)
}

/// `error(evaluation_error(What), _)`.
pub fn evaluation_error<'gc>(mc: &Mutation<'gc>, what: &str) -> Value<'gc> {
    let f = terms::compound(mc, "evaluation_error", vec![terms::atom(mc, what)]);
    error(mc, f)
}

/// `error(resource_error(What), _)`.
pub fn resource_error<'gc>(mc: &Mutation<'gc>, what: &str) -> Value<'gc> {
    let f = terms::compound(mc, "resource_error", vec![terms::atom(mc, what)]);
    error(mc, f)
}

/// `error(existence_error(procedure, Name/Arity), Name/Arity)` (SWI's form).
pub fn existence_error_proc<'gc>(mc: &Mutation<'gc>, name: &str, arity: usize) -> Value<'gc> {
    let pi = terms::compound(
        mc,
        "/",
        vec![terms::atom(mc, name), Value::Int(arity as i64)],
    );
    let f = terms::compound(
        mc,
        "existence_error",
        vec![terms::atom(mc, "procedure"), pi],
    );
    let ctx = terms::compound(
        mc,
        "context",
        vec![
            terms::compound(
                mc,
                ":",
                vec![
                    terms::atom(mc, "system"),
                    terms::compound(mc, "/", vec![terms::atom(mc, "catch"), Value::Int(3)]),
                ],
            ),
            terms::new_var(mc, 0),
        ],
    );
    terms::compound(mc, "error", vec![f, ctx])
}

/// `error(existence_error(Kind, What), _)`.
pub fn existence_error<'gc>(mc: &Mutation<'gc>, kind: &str, what: Value<'gc>) -> Value<'gc> {
    let f = terms::compound(mc, "existence_error", vec![terms::atom(mc, kind), what]);
    error(mc, f)
}

/// `error(permission_error(Action, Type, Culprit), _)`.
pub fn permission_error<'gc>(
    mc: &Mutation<'gc>,
    action: &str,
    ty: &str,
    culprit: Value<'gc>,
) -> Value<'gc> {
    let f = terms::compound(
        mc,
        "permission_error",
        vec![terms::atom(mc, action), terms::atom(mc, ty), culprit],
    );
    error(mc, f)
}

/// `error(syntax_error(What), _)`.
pub fn syntax_error<'gc>(mc: &Mutation<'gc>, what: &str) -> Value<'gc> {
    let f = terms::compound(mc, "syntax_error", vec![syntax_term(mc, what)]);
    error(mc, f)
}

/// `Name/Arity` of a callable term's predicate indicator.
pub fn pi<'gc>(mc: &Mutation<'gc>, name: &str, arity: usize) -> Value<'gc> {
    terms::compound(
        mc,
        "/",
        vec![terms::atom(mc, name), Value::Int(arity as i64)],
    )
}

fn type_name(v: Value<'_>) -> &'static str {
    match view(v) {
        T::Var => "a var",
        T::Nil => "an empty_list",
        T::Atom(_) => "an atom",
        T::Int(_) | T::Big(_) => "an integer",
        T::Float(_) => "a float",
        T::Str(_) => "a string",
        T::Compound(..) if crate::builtins::termb::is_cyclic(v) => "a cyclic",
        T::Compound("[|]", _) if terms::list_to_vec(v).is_some() => "a list",
        T::Compound(..) => "a compound",
        _ => "a term",
    }
}

fn q(v: Value<'_>) -> String {
    writer::to_string(v, writer::Opts::print())
}

/// The message lines SWI prints for an uncaught ball (without the `ERROR: ` prefix).
pub fn message_lines(ball: Value<'_>, known_arities: &dyn Fn(&str) -> Vec<usize>) -> Vec<String> {
    let T::Compound("error", a) = view(ball) else {
        return vec![format!("Unknown message: {}", q(ball))];
    };
    if a.len() != 2 {
        return vec![format!("Unknown message: {}", q(ball))];
    }
    let (formal, ctx) = (a[0], a[1]);
    let mut prefix = String::new();
    let mut extra_msg = None;
    if let T::Compound("context", c) = view(ctx) {
        if c.len() == 2 {
            let p = match view(c[0]) {
                T::Compound(":", m) if m.len() == 2 => Some(m[1]),
                T::Var => None,
                _ => Some(c[0]),
            };
            if let Some(p) = p {
                if let T::Compound("/", na) = view(p) {
                    if na.len() == 2 {
                        prefix = format!(
                            "{}/{}: ",
                            writer::to_string(na[0], writer::Opts::write()),
                            writer::to_string(na[1], writer::Opts::write())
                        );
                    }
                }
            }
            if let T::Atom(m) = view(c[1]) {
                extra_msg = Some(m.to_string());
            }
            if let T::Str(m) = view(c[1]) {
                extra_msg = Some(m.to_string());
            }
        }
    }
    let mut lines = Vec::new();
    let body = match view(formal) {
        T::Atom("instantiation_error") => "Arguments are not sufficiently instantiated".to_string(),
        T::Compound("type_error", t) if t.len() == 2 => {
            if matches!(view(t[0]), T::Atom("evaluable")) {
                format!("Arithmetic: `{}' is not a function", q(t[1]))
            } else {
                format!(
                    "Type error: `{}' expected, found `{}' ({})",
                    q(t[0]),
                    q(t[1]),
                    type_name(t[1])
                )
            }
        }
        T::Compound("domain_error", t) if t.len() == 2 => {
            format!("Domain error: `{}' expected, found `{}'", q(t[0]), q(t[1]))
        }
        T::Compound("existence_error", t) if t.len() == 2 => {
            if matches!(view(t[0]), T::Atom("matching_rule")) {
                format!("No rule matches {}", q(t[1]))
            } else if matches!(view(t[0]), T::Atom("procedure")) {
                let mut s = format!("Unknown procedure: {}", q(t[1]));
                if let T::Compound("/", na) = view(t[1]) {
                    if let (T::Atom(n), T::Int(ar)) = (view(na[0]), view(na[1])) {
                        let others: Vec<usize> = known_arities(n)
                            .into_iter()
                            .filter(|x| *x as i64 != ar)
                            .collect();
                        if !others.is_empty() {
                            s.push_str("\n  However, there are definitions for:");
                            for o in others {
                                s.push_str(&format!("\n        {}/{}", writer::quote_atom(n), o));
                            }
                        }
                    }
                }
                s
            } else {
                format!(
                    "{} `{}' does not exist",
                    writer::to_string(t[0], writer::Opts::write()),
                    q(t[1])
                )
            }
        }
        T::Compound("determinism_error", t) if t.len() == 4 => {
            let found = match view(t[2]) {
                T::Atom("nondet") => " succeeded with a choicepoint",
                _ => " failed",
            };
            match (view(t[2]), view(t[3])) {
                (T::Atom("nondet"), T::Atom("goal")) => {
                    format!("Goal {} succeeded with a choice point", q(t[0]))
                }
                (_, T::Atom("goal")) => format!("Goal {} failed", q(t[0])),
                (_, T::Atom("guard")) => format!("Procedure {} failed after $-guard", q(t[0])),
                (_, T::Atom("guard_in_caller")) => {
                    format!("Procedure {} failed after $-guard in caller", q(t[0]))
                }
                _ => format!(
                    "Procedure {} called from a deterministic procedure{found}",
                    q(t[0])
                ),
            }
        }
        T::Compound("uninstantiation_error", t) if t.len() == 1 => {
            format!("Uninstantiated argument expected, found {}", q(t[0]))
        }
        T::Compound("format", t) if t.len() == 1 => {
            let m = match view(t[0]) {
                T::Atom(m) => m.to_string(),
                T::Str(m) => m.to_string(),
                _ => q(t[0]),
            };
            format!("Format error: {m}")
        }
        T::Compound("format_argument_type", t) if t.len() == 2 => {
            format!(
                "Illegal argument to format sequence ~{}: {}",
                writer::to_string(t[0], writer::Opts::write()),
                q(t[1])
            )
        }
        T::Compound("timeout_error", t) if t.len() == 2 => format!(
            "Timeout in {} from {}",
            writer::to_string(t[0], writer::Opts::write()),
            q(t[1])
        ),
        T::Compound("io_error", t) if t.len() == 2 => format!(
            "I/O error in {} on stream {}",
            writer::to_string(t[0], writer::Opts::write()),
            q(t[1])
        ),
        T::Compound("evaluation_error", t) if t.len() == 1 => {
            format!("Arithmetic: evaluation error: `{}'", q(t[0]))
        }
        T::Compound("permission_error", t) if t.len() == 3 => match (view(t[0]), view(t[1])) {
            (T::Atom("input"), T::Atom("stream")) => {
                format!("No permission to read from output stream `{}'", q(t[2]))
            }
            (T::Atom("output"), T::Atom("stream")) => {
                format!("No permission to write to input stream `{}'", q(t[2]))
            }
            (_, T::Atom("static_procedure")) => {
                format!(
                    "No permission to {} static procedure `{}'",
                    q(t[0]),
                    q(t[2])
                )
            }
            _ => {
                let ty = writer::to_string(t[1], writer::Opts::write());
                format!("No permission to {} {} `{}'", q(t[0]), ty, q(t[2]))
            }
        },
        T::Compound("representation_error", t) if t.len() == 1 => {
            format!("Cannot represent due to `{}'", q(t[0]))
        }
        T::Compound("resource_error", t) if t.len() == 1 => {
            format!("Not enough resources: {}", q(t[0]))
        }
        T::Compound("syntax_error", t) if t.len() == 1 => {
            let m = match view(t[0]) {
                T::Atom(a) => syntax_message(a),
                T::Compound("end_of_file_in_quoted", qa) if qa.len() == 1 => {
                    let kind = match view(qa[0]) {
                        T::Atom("'") => "atom",
                        T::Atom("\"") => "string",
                        _ => "codes",
                    };
                    format!("End of file in quoted {kind}")
                }
                _ => q(t[0]),
            };
            match view(ctx) {
                // SWI: the stream's position, or the text with a marker
                T::Compound("stream", c) if c.len() == 4 => format!(
                    "Stream {}:{}:{} Syntax error: {m}",
                    q(c[0]),
                    q(c[1]),
                    q(c[2])
                ),
                T::Compound("string", c) if c.len() == 2 => {
                    let text = match view(c[0]) {
                        T::Str(t) | T::Atom(t) => t.to_string(),
                        _ => q(c[0]),
                    };
                    let at = match view(c[1]) {
                        T::Int(k) => k.max(0) as usize,
                        _ => 0,
                    };
                    let cut = text
                        .char_indices()
                        .nth(at)
                        .map(|(i, _)| i)
                        .unwrap_or(text.len());
                    let (before, after) = text.split_at(cut);
                    format!("Syntax error: {m}\n{before}\n** here **\n{after}")
                }
                _ => format!("Syntax error: {m}"),
            }
        }
        _ => format!("Unknown error term: {}", q(formal)),
    };
    let mut first = true;
    for l in format!("{prefix}{body}").split('\n') {
        if first {
            lines.push(l.to_string());
            first = false;
        } else {
            lines.push(l.to_string());
        }
    }
    if let Some(m) = extra_msg {
        // SWI appends the context's message as " (Msg)"
        if let Some(last) = lines.last_mut() {
            last.push_str(&format!(" ({m})"));
        }
    }
    lines
}

/// SWI's text for a syntax error id.
pub fn syntax_message(id: &str) -> String {
    match id {
        "illegal_number" => "Illegal number".into(),
        "end_of_clause" => "Unexpected end of clause".into(),
        "operator_expected" => "Operator expected".into(),
        "operator_clash" => "Operator priority clash".into(),
        "cannot_start_term" => "Illegal start of term".into(),
        "end_of_file" => "Unexpected end of file".into(),
        "list_rest" => "Unexpected comma or bar in rest of list".into(),
        "operator_balance" => "Unbalanced operator".into(),
        "quoted_punctuation" => "Operand expected, unquoted comma or bar found".into(),
        other => other.replace('_', " "),
    }
}

/// The id SWI uses in `syntax_error(Id)` for one of the reader's messages.
pub fn syntax_id(msg: &str) -> String {
    match msg {
        "Illegal number" => "illegal_number".into(),
        "Unexpected end of clause" => "end_of_clause".into(),
        "Operator expected" => "operator_expected".into(),
        "Operator priority clash" => "operator_clash".into(),
        "Illegal start of term" => "cannot_start_term".into(),
        "Unexpected end of file" => "end_of_file".into(),
        "Unexpected comma or bar in rest of list" => "list_rest".into(),
        "Unbalanced operator" => "operator_balance".into(),
        "Operand expected, unquoted comma or bar found" => "quoted_punctuation".into(),
        other => other.to_lowercase().replace(' ', "_"),
    }
}

/// The `What` of `syntax_error(What)` for one of the reader's messages
/// (`end_of_file_in_quoted(Q)` is the one compound).
pub fn syntax_term<'gc>(mc: &Mutation<'gc>, msg: &str) -> Value<'gc> {
    if let Some(kind) = msg.strip_prefix("End of file in quoted ") {
        let q = match kind {
            "atom" => "'",
            "string" => "\"",
            _ => "`",
        };
        return terms::compound(mc, "end_of_file_in_quoted", vec![terms::atom(mc, q)]);
    }
    terms::atom(mc, &syntax_id(msg))
}
