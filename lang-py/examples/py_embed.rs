//! Embedding lang-py: run Python, exchange values, call functions both ways.
//! Run with `cargo run -p lang-py --example py_embed`.

use lang_py::embed::{Interpreter, PyValue};

fn main() {
    let mut py = Interpreter::new();
    // A Rust function callable from Python.
    py.register("rust_hypot", |args| match args {
        [PyValue::Float(a), PyValue::Float(b)] => Ok(PyValue::Float(a.hypot(*b))),
        [PyValue::Int(a), PyValue::Int(b)] => Ok(PyValue::Float((*a as f64).hypot(*b as f64))),
        _ => Err("rust_hypot(a, b) takes two numbers".into()),
    });
    py.set_global("scale", PyValue::Int(10));
    py.run(
        "def area(w, h):\n    return w * h * scale\n\
         def words(s):\n    return sorted(set(s.split()))\n\
         print('hello from Python,', rust_hypot(3, 4))\n",
    )
    .expect("runs");
    let a = py
        .call("area", &[PyValue::Int(3), PyValue::Int(4)])
        .expect("calls");
    println!("area(3, 4) = {a:?}");
    let w = py
        .call("words", &[PyValue::Str("b a c a".into())])
        .expect("calls");
    println!("words = {w:?}");
    if let Err(tb) = py.run("1 / 0\n") {
        print!("Python raised:\n{tb}");
    }
    lang_py::builtins::io::flush_out();
}
