//! Runs a PHP file: `cargo run -p lang-php --example php -- [--no-jit] FILE.php [ARGS...]`
//! or `... --example php -- -r 'code'`.
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = vm_core::Config::from_env();
    if args.first().map(|a| a == "--no-jit").unwrap_or(false) {
        config.jit = false;
        args.remove(0);
    }
    if args.first().map(|a| a == "-r").unwrap_or(false) {
        let code = args.get(1).cloned().unwrap_or_default();
        std::process::exit(lang_php::run_code(
            &code,
            &args[2.min(args.len())..],
            config,
        ));
    }
    let Some(file) = args.first().cloned() else {
        eprintln!("usage: php [--no-jit] FILE.php [ARGS...]");
        std::process::exit(1);
    };
    let code = lang_php::run_file(std::path::Path::new(&file), &args[1..], config);
    std::process::exit(code);
}
