//! The embedding API: consult text, run queries, iterate solutions lazily.

use lang_prolog::{Engine, Term};

#[test]
fn solutions_come_lazily_with_bindings() {
    let mut e = Engine::new(vm_core::Config::default());
    e.consult_text("p(1). p(2). p(3).\nq(X, Y) :- p(X), Y is X * 10.\n")
        .unwrap();
    let sols: Vec<_> = e.query("q(X, Y)").map(|s| s.unwrap()).collect();
    assert_eq!(sols.len(), 3);
    assert_eq!(
        sols[1],
        vec![
            ("X".to_string(), Term::Int(2)),
            ("Y".to_string(), Term::Int(20))
        ]
    );
    // infinite generator: only the first solution is computed
    let first = e
        .query("between(1, inf, N), N > 4")
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(first, vec![("N".to_string(), Term::Int(5))]);
    // lists, atoms, compound terms, failure, errors
    let l = e.query("X = [a, f(b), \"s\"]").next().unwrap().unwrap();
    assert!(matches!(&l[0].1, Term::List(items) if items.len() == 3));
    assert!(e.query("fail").next().is_none());
    let err = e.query("X is foo + 1").next().unwrap();
    assert!(err.unwrap_err().contains("not a function"));
}
