//! Unbounded guest recursion ends in a clean PHP fatal error (exit 255), never
//! a Rust stack overflow. (php itself has no limit, so there is no golden.)

#[test]
fn infinite_recursion_is_a_clean_fatal_error() {
    let h = std::thread::spawn(|| {
        lang_php::runtime::capture_output(true);
        let code = lang_php::run_source(
            "rec.php",
            "<?php\nfunction r($n) { return r($n + 1) + 1; }\necho \"start\\n\";\nr(1);\n",
            &[],
            vm_core::Config {
                jit: false,
                ..vm_core::Config::default()
            },
        );
        let (out, err) = lang_php::runtime::take_output();
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    });
    let (code, out, err) = h.join().expect("no panic");
    assert_eq!(code, 255);
    assert_eq!(out, "start\n");
    assert!(err.starts_with("PHP Fatal error:  "), "{err}");
}

#[test]
fn deep_but_finite_recursion_works() {
    let h = std::thread::spawn(|| {
        lang_php::runtime::capture_output(true);
        let code = lang_php::run_source(
            "deep.php",
            "<?php\nfunction d($n) { return $n == 0 ? 0 : 1 + d($n - 1); }\necho d(100000), \"\\n\";\n",
            &[],
            vm_core::Config::default(),
        );
        let (out, _) = lang_php::runtime::take_output();
        (code, String::from_utf8_lossy(&out).into_owned())
    });
    let (code, out) = h.join().expect("no panic");
    assert_eq!((code, out.as_str()), (0, "100000\n"));
}
