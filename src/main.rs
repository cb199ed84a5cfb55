//! The `polyvm` command line: parses arguments and hands the program to the
//! language its file extension (or flag) names. Nothing else lives here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use vm_core::Config;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// polyvm: Python, PHP and Prolog on one meta-tracing VM.
#[derive(Parser, Debug)]
#[command(
    name = "polyvm",
    version,
    about,
    args_override_self = true,
    override_usage = "polyvm [run] [--no-jit] FILE.{py,php,pl} [ARGS]...\n       \
                      polyvm run FILE.pl -g GOAL\n       \
                      polyvm -c CODE [ARGS]...   (Python)\n       \
                      polyvm -r CODE [ARGS]...   (PHP)"
)]
struct Cli {
    /// Run only the plain interpreter.
    #[arg(long)]
    no_jit: bool,
    /// Run Python code given on the command line.
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "php_code")]
    py_code: Option<String>,
    /// Run PHP code given on the command line (without `<?php`).
    #[arg(short = 'r', value_name = "CODE")]
    php_code: Option<String>,
    /// For Prolog files: run GOAL after loading (like `swipl -g GOAL -t halt`).
    #[arg(short = 'g', value_name = "GOAL")]
    goal: Option<String>,
    /// `run` (optional), then the program file and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// The stack the guest program runs on. The executor keeps guest frames
/// on the heap, but compiled code calls compiled recursive functions on
/// the native stack (`Config::jit_stack`), and the readers and writers
/// recurse over nesting. Only the pages used are ever touched.
const RUN_STACK: usize = 256 << 20;

/// How much of [`RUN_STACK`] machine code may use for nested calls.
const JIT_STACK: usize = 64 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match std::thread::Builder::new()
        .name("polyvm".into())
        .stack_size(RUN_STACK)
        .spawn(move || run(cli))
    {
        Ok(handle) => handle.join().unwrap_or(ExitCode::from(101)),
        // No thread with a big stack: run here with the default budget.
        Err(_) => run(Cli::parse()),
    }
}

fn run(cli: Cli) -> ExitCode {
    // The process exits when the run returns: no need to free PHP's heap.
    lang_php::leave_vm_to_exit(true);
    let mut config = Config::from_env();
    config.jit_stack = JIT_STACK;

    // `polyvm run ARGS` is `polyvm ARGS`: parse what follows `run` again so
    // that flags after it (`--no-jit`, `-c`, `-r`, `-g`, `--help`) count.
    let cli = match cli.rest.first().map(String::as_str) {
        Some("run") if cli.py_code.is_none() && cli.php_code.is_none() => {
            let again = Cli::parse_from(
                std::iter::once("polyvm".to_string()).chain(cli.rest[1..].iter().cloned()),
            );
            Cli {
                no_jit: cli.no_jit || again.no_jit,
                goal: again.goal.or(cli.goal),
                ..again
            }
        }
        _ => cli,
    };
    config.jit = !cli.no_jit;
    let mut rest = cli.rest.clone();
    if let Some(code) = cli.py_code {
        return exit(lang_py::run_source("<string>", &code, &rest, config));
    }
    if let Some(code) = cli.php_code {
        return exit(lang_php::run_code(&code, &rest, config));
    }
    let Some(file) = rest.first().map(PathBuf::from) else {
        eprintln!("polyvm: no program given (try `polyvm run FILE`)");
        return ExitCode::from(2);
    };
    // `polyvm run FILE.pl -g GOAL`: a goal given after the file.
    let mut goal = cli.goal;
    if let Some(i) = rest.iter().skip(1).position(|a| a == "-g") {
        if rest.len() > i + 2 {
            goal = Some(rest.remove(i + 2));
            rest.remove(i + 1);
        }
    }
    let args = &rest[1..];
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "py" => exit(lang_py::run_file(&file, args, config)),
        "php" => exit(lang_php::run_file(&file, args, config)),
        "pl" | "pro" => exit(lang_prolog::run_file_with_goal(
            &file,
            goal.as_deref(),
            config,
        )),
        ext => {
            eprintln!(
                "polyvm: cannot run `{}`: unknown file type `.{ext}` (expected .py, .php or .pl)",
                file.display()
            );
            ExitCode::from(2)
        }
    }
}

/// A guest's exit status as the process's (PHP's 255 included).
fn exit(code: i32) -> ExitCode {
    ExitCode::from(code.clamp(0, 255) as u8)
}
