//! A minimal runner: `pyrun [--no-jit] FILE.py [ARGS...]` or `pyrun -c CODE`.
//! The test harness runs programs through it in a child process.

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = vm_core::Config::from_env();
    if args.first().map(String::as_str) == Some("--no-jit") {
        config.jit = false;
        args.remove(0);
    }
    let code = match args.first().map(String::as_str) {
        Some("-c") if args.len() > 1 => {
            lang_py::run_source("<string>", &args[1], &args[2..], config)
        }
        Some(path) => lang_py::run_file(std::path::Path::new(path), &args[1..], config),
        None => {
            eprintln!("usage: pyrun [--no-jit] FILE.py [ARGS...] | -c CODE");
            2
        }
    };
    std::process::exit(code);
}
