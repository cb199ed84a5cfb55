//! Embedding lang-prolog: consult program text, run a query, and iterate its
//! solutions lazily with the bindings as Rust values.
//!
//! Run with `cargo run -p lang-prolog --example prolog_embed`.

use lang_prolog::{Engine, Term};

fn main() {
    let mut engine = Engine::new(vm_core::Config::default());
    engine
        .consult_text(
            "parent(tom, bob). parent(bob, ann). parent(bob, pat).\n\
             grandparent(X, Z) :- parent(X, Y), parent(Y, Z).\n",
        )
        .expect("program loads");
    for solution in engine.query("grandparent(tom, Who)") {
        let bindings = solution.expect("no error");
        for (name, value) in bindings {
            if let Term::Atom(a) = value {
                println!("{name} = {a}");
            }
        }
    }
    // the solutions are computed lazily: take only the first of infinitely many
    let first = engine.query("between(1, inf, N), N * N > 50").next();
    println!("{first:?}");
}
