//! The embedding API: globals, calls both ways, errors.

use lang_py::embed::{Interpreter, PyValue};

#[test]
fn globals_calls_and_rust_functions() {
    lang_py::builtins::io::set_capture(true);
    let mut py = Interpreter::new();
    py.register("twice", |args| match args {
        [PyValue::Int(a)] => Ok(PyValue::Int(a * 2)),
        _ => Err("twice takes an int".into()),
    });
    py.set_global("base", PyValue::Int(5));
    py.run("def f(x):\n    return twice(x) + base\nresult = [f(i) for i in range(3)]\n")
        .unwrap();
    assert_eq!(
        py.get_global("result"),
        Some(PyValue::List(vec![
            PyValue::Int(5),
            PyValue::Int(7),
            PyValue::Int(9)
        ]))
    );
    assert_eq!(py.call("f", &[PyValue::Int(10)]).unwrap(), PyValue::Int(25));
    py.run("print('captured', f(1))\n").unwrap();
    let (out, _) = lang_py::builtins::io::take_captured();
    assert_eq!(out, "captured 7\n");
    let err = py.run("twice('x')\n").unwrap_err();
    assert!(err.contains("RuntimeError: twice takes an int"), "{err}");
    let err = py.run("undefined_name\n").unwrap_err();
    assert!(
        err.contains("NameError: name 'undefined_name' is not defined"),
        "{err}"
    );
    assert_eq!(py.get_global("missing"), None);
}
