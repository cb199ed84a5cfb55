//! Test support for the optimiser: helpers with each kind of effect, and
//! [`check`], which runs one pass over IR text and matches the printed result
//! against an expected text in which a line `...` stands for any run of lines.

use gc_arena::Mutation;

use crate::jit::helpers::{self, Effects, Helper};
use crate::jit::ir_parse::parse;
use crate::jit::ir_print::print;
use crate::value::Value;

fn first<'gc>(_mc: &Mutation<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Value<'gc>> {
    Ok(args.first().copied().unwrap_or(Value::None))
}

/// `pure_fn`: pure and elidable.
pub static PURE_FN: Helper = Helper {
    name: "pure_fn",
    func: first,
    effects: Effects::PURE,
};
/// `read_fn`: reads the heap.
pub static READ_FN: Helper = Helper {
    name: "read_fn",
    func: first,
    effects: Effects::READS,
};
/// `write_fn`: writes the heap, cannot raise.
pub static WRITE_FN: Helper = Helper {
    name: "write_fn",
    func: first,
    effects: Effects::WRITES,
};
/// `raise_fn`: may raise (so it is a guard and carries a snapshot), writes nothing.
pub static RAISE_FN: Helper = Helper {
    name: "raise_fn",
    func: first,
    effects: Effects {
        reads_heap: true,
        writes_heap: false,
        may_raise: true,
        calls_guest: false,
        elidable: false,
        io: false,
        writes_arg0_only: false,
    },
};
/// `arg0_fn`: writes the fields of no record but argument 0 (and lists, dicts, cells).
pub static ARG0_FN: Helper = Helper {
    name: "arg0_fn",
    func: first,
    effects: Effects::WRITES_ARG0,
};
/// `any_fn`: may do anything.
pub static ANY_FN: Helper = Helper {
    name: "any_fn",
    func: first,
    effects: Effects::ANY,
};

/// Makes the test helpers known to the parser.
pub fn register_test_helpers() {
    for h in [
        &PURE_FN,
        &READ_FN,
        &WRITE_FN,
        &RAISE_FN,
        &ANY_FN,
        &ARG0_FN,
        &crate::meta::RECORD_CLASS,
        &crate::meta::RECORD_LEN,
        &crate::meta::NEW_TUPLE,
        &crate::meta::TUPLE_HEAD,
        &crate::meta::TUPLE_LEN,
        &crate::meta::TUPLE_GET,
        &crate::meta::CELL_GET,
        &crate::meta::CELL_SET,
    ] {
        helpers::register(h);
    }
}

/// Parses `input`, runs the pass `pass` (see `opt::run_pass`), checks the
/// result is well formed, and matches its text against `expected`.
#[track_caller]
pub fn check(pass: &str, input: &str, expected: &str) {
    register_test_helpers();
    gc_arena::arena::rootless_mutate(|mc| {
        let mut t = parse(mc, input).unwrap_or_else(|e| panic!("bad test input: {e}"));
        if let Err(e) = super::verify(&t) {
            panic!("ill-formed test input: {e}\n{}", print(&t));
        }
        super::run_pass(pass, mc, &mut t).unwrap();
        let out = print(&t);
        if let Err(e) = super::verify(&t) {
            panic!("pass `{pass}` left ill-formed IR: {e}\n{out}");
        }
        if !matches(expected, &out) {
            panic!(
                "pass `{pass}`: output does not match\n--- expected\n{expected}\n--- got\n{out}"
            );
        }
    })
}

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether `text` matches `pattern` line by line, ignoring indentation and
/// blank lines; a pattern line `...` matches any run of lines (even none).
pub fn matches(pattern: &str, text: &str) -> bool {
    let (p, t) = (lines(pattern), lines(text));
    // ok[j]: pattern[..i] matches text[..j].
    let mut ok = vec![false; t.len() + 1];
    ok[0] = true;
    for pl in &p {
        let mut next = vec![false; t.len() + 1];
        if *pl == "..." {
            let mut any = false;
            for j in 0..=t.len() {
                any |= ok[j];
                next[j] = any;
            }
        } else {
            for j in 1..=t.len() {
                next[j] = ok[j - 1] && t[j - 1] == *pl;
            }
        }
        ok = next;
    }
    ok[t.len()]
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn ellipsis_matches_any_run_of_lines() {
        assert!(matches("a\nb", "a\n  b\n\n"));
        assert!(!matches("a\nb", "a\nb\nc"));
        assert!(matches("a\n...\nc", "a\nb\nb2\nc"));
        assert!(matches("a\n...\nc", "a\nc"));
        assert!(matches("...\nc", "a\nb\nc"));
        assert!(matches("a\n...", "a\nb\nc"));
        assert!(!matches("a\n...\nc", "a\nb\nd"));
        assert!(!matches("a\n...\nc\n...\ne", "a\nc\nd"));
        assert!(matches("...", ""));
    }
}
