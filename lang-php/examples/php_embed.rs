//! Embedding PHP in Rust: run source, call a PHP function, read a global,
//! and call back into Rust from PHP.
//!
//! `cargo run -p lang-php --example php_embed`
use lang_php::embed::{Php, PhpValue};

fn main() {
    let mut php = Php::new(vm_core::Config::default());
    php.register_fn("rust_greet", |args| {
        let who = args.first().and_then(|v| v.as_str()).unwrap_or("nobody");
        PhpValue::Str(format!("Hello from Rust, {who}!"))
    });
    php.eval(
        r#"<?php
        function fib($n) { return $n < 2 ? $n : fib($n - 1) + fib($n - 2); }
        $config = ['name' => 'polyvm', 'langs' => ['php', 'python', 'prolog']];
        echo rust_greet("PHP"), "\n";
        "#,
    )
    .expect("eval");
    let r = php.call("fib", &[PhpValue::Int(20)]).expect("call");
    println!("fib(20) from Rust = {r:?}");
    println!("$config = {:?}", php.global("config"));
}
