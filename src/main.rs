//! The `polyvm` command line: parses arguments and hands the program to the
//! language its file extension (or flag) names. Nothing else lives here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use vm_core::Config;

/// polyvm: Python, PHP and Prolog on one meta-tracing VM.
#[derive(Parser, Debug)]
#[command(name = "polyvm", version, about, args_override_self = true)]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = Config::from_env();
    config.jit = !cli.no_jit;

    let mut rest = cli.rest.clone();
    if rest.first().map(String::as_str) == Some("run") {
        rest.remove(0);
    }
    // `polyvm run --no-jit FILE` puts the flag after `run`.
    if rest.first().map(String::as_str) == Some("--no-jit") {
        rest.remove(0);
        config.jit = false;
    }

    if cli.py_code.is_some() || cli.php_code.is_some() {
        eprintln!("polyvm: Python and PHP are not built in yet");
        return ExitCode::from(2);
    }
    let Some(file) = rest.first().map(PathBuf::from) else {
        eprintln!("polyvm: no program given (try `polyvm run FILE`)");
        return ExitCode::from(2);
    };
    let _args = &rest[1..];
    let _goal = cli.goal;
    let _ = config;
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    eprintln!("polyvm: cannot run .{ext} files yet (no language is built in); the core's proving language runs with `cargo run --release -p vm-core --example fl -- FILE`");
    ExitCode::from(2)
}
