//! The `polyvm` command line: each language is reached by its file
//! extension or flag, arguments reach the program, `--no-jit` works in
//! both positions, and bad invocations exit non-zero with a message.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};

fn polyvm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polyvm"))
        .args(args)
        .output()
        .expect("polyvm runs")
}

/// A scratch file with `text`, named `name` in a fresh directory.
fn script(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("polyvm-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn python_file_gets_its_arguments() {
    let f = script(
        "args.py",
        "import sys\nprint(sys.argv[1:], sum(range(10)))\n",
    );
    for args in [
        vec!["run", f.to_str().unwrap(), "a", "b"],
        vec![f.to_str().unwrap(), "a", "b"],
        vec!["run", "--no-jit", f.to_str().unwrap(), "a", "b"],
        vec!["--no-jit", "run", f.to_str().unwrap(), "a", "b"],
    ] {
        let o = polyvm(&args);
        assert!(o.status.success(), "{args:?}: {o:?}");
        assert_eq!(stdout(&o), "['a', 'b'] 45\n", "{args:?}");
    }
}

#[test]
fn php_file_and_code() {
    let f = script("args.php", "<?php echo $argc, ' ', $argv[1], \"\\n\";");
    let o = polyvm(&["run", f.to_str().unwrap(), "x"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "2 x\n");
    for args in [
        vec!["-r", "echo intdiv(7, 2), PHP_EOL;"],
        vec!["run", "-r", "echo intdiv(7, 2), PHP_EOL;"],
        vec!["run", "--no-jit", "-r", "echo intdiv(7, 2), PHP_EOL;"],
    ] {
        assert_eq!(stdout(&polyvm(&args)), "3\n", "{args:?}");
    }
}

#[test]
fn python_code_flag() {
    for args in [
        vec!["-c", "print(6 * 7)"],
        vec!["run", "-c", "print(6 * 7)"],
    ] {
        let o = polyvm(&args);
        assert!(o.status.success(), "{o:?}");
        assert_eq!(stdout(&o), "42\n", "{args:?}");
    }
    // CPython: sys.argv is ['-c', ARGS...].
    let o = polyvm(&["-c", "import sys; print(sys.argv)", "a", "b"]);
    assert_eq!(stdout(&o), "['-c', 'a', 'b']\n");
}

#[test]
fn prolog_file_with_goal() {
    let f = script("g.pl", "p(X) :- X is 6 * 7.\n");
    let goal = "p(X), write(X), nl";
    let o = polyvm(&["run", f.to_str().unwrap(), "-g", goal]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "42\n");
    for args in [
        vec!["-g", goal, f.to_str().unwrap()],
        vec!["run", "-g", goal, f.to_str().unwrap()],
        vec!["run", "--no-jit", f.to_str().unwrap(), "-g", goal],
    ] {
        assert_eq!(stdout(&polyvm(&args)), "42\n", "{args:?}");
    }
}

#[test]
fn guest_exit_codes_pass_through() {
    let f = script("exit.py", "import sys\nsys.exit(3)\n");
    assert_eq!(polyvm(&[f.to_str().unwrap()]).status.code(), Some(3));
    let f = script("fatal.php", "<?php throw new Exception('x');");
    assert_eq!(polyvm(&[f.to_str().unwrap()]).status.code(), Some(255));
    let f = script("halt.pl", ":- halt(4).\n");
    assert_eq!(polyvm(&[f.to_str().unwrap()]).status.code(), Some(4));
}

#[test]
fn bad_invocations_are_errors_not_panics() {
    for args in [
        vec![],
        vec!["run"],
        vec!["run", "prog.rb"],
        vec!["run", "/nonexistent/x.py"],
        vec!["run", "/nonexistent/x.php"],
        vec!["run", "/nonexistent/x.pl"],
    ] {
        let o = polyvm(&args);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert_ne!(o.status.code(), Some(101), "{args:?} panicked: {o:?}");
        assert!(!o.stderr.is_empty(), "{args:?}: no message");
    }
}

#[test]
fn help_and_version_after_run() {
    for args in [vec!["--help"], vec!["run", "--help"], vec!["run", "-h"]] {
        let o = polyvm(&args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage: polyvm"), "{args:?}");
    }
    let o = polyvm(&["run", "--version"]);
    assert!(stdout(&o).starts_with("polyvm "));
    // A script's own --help is the script's.
    let f = script("h.py", "import sys\nprint(sys.argv[1:])\n");
    let o = polyvm(&["run", f.to_str().unwrap(), "--help", "--no-jit"]);
    assert_eq!(stdout(&o), "['--help', '--no-jit']\n");
}
