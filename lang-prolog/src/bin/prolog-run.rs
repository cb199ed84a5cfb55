//! A tiny runner for the test harness: `prolog-run [--no-jit] FILE [-g GOAL]`.

/// Small short-lived objects dominate a Prolog run; see Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut jit = true;
    let mut file = None;
    let mut goal = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--no-jit" => jit = false,
            "-g" => goal = args.next(),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: prolog-run [--no-jit] FILE [-g GOAL]");
        std::process::exit(2);
    };
    let config = vm_core::Config {
        jit,
        ..vm_core::Config::from_env()
    };
    let code =
        lang_prolog::run_file_with_goal(std::path::Path::new(&file), goal.as_deref(), config);
    std::process::exit(code);
}
