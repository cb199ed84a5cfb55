use lang_php::embed::{Php, PhpValue};

#[test]
fn eval_call_globals_and_host_functions() {
    std::thread::spawn(|| {
        lang_php::runtime::capture_output(true);
        let mut php = Php::new(vm_core::Config::default());
        php.register_fn("rust_add", |a| {
            PhpValue::Int(a[0].as_int().unwrap_or(0) + a[1].as_int().unwrap_or(0))
        });
        php.eval(
            "<?php function twice($x) { return rust_add($x, $x); } $g = twice(21); echo 'out';",
        )
        .unwrap();
        assert_eq!(php.global("g"), Some(PhpValue::Int(42)));
        assert_eq!(
            php.call("twice", &[PhpValue::Int(5)]).unwrap(),
            PhpValue::Int(10)
        );
        assert_eq!(php.call("strtoupper_nope", &[]).is_err(), true);
        php.eval("<?php $arr = ['a' => 1, 2];").unwrap();
        assert_eq!(
            php.global("arr"),
            Some(PhpValue::Array(vec![
                (PhpValue::Str("a".into()), PhpValue::Int(1)),
                (PhpValue::Int(0), PhpValue::Int(2))
            ]))
        );
        let (out, _) = lang_php::runtime::take_output();
        assert_eq!(out, b"out");
    })
    .join()
    .unwrap();
}
