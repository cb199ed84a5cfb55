//! Running a Prolog program as a child process for the integration tests:
//! standard input fed from a thread, at most `max_output` bytes of each
//! output stream kept (the rest drained, so the child never blocks on a
//! full pipe), and a time limit, so a runaway program fails its test
//! instead of hanging it or exhausting memory.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run printed and how it ended.
pub struct Output {
    pub stdout: String,
    /// Standard error with the programs directory written as `<DIR>/`.
    pub stderr: String,
    /// The exit code (`None`: killed by a signal).
    pub code: Option<i32>,
}

/// Runs `cmd` in `dir` with `input` as standard input; `Err` when it could
/// not start or outlived `timeout`.
pub fn run_bounded(
    mut cmd: Command,
    dir: &Path,
    input: Vec<u8>,
    timeout: Duration,
    max_output: u64,
) -> Result<Output, String> {
    cmd.current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().unwrap();
    // a writer thread, so a program that does not read cannot block us
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let reader = |p: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let mut p = p.take(max_output);
            let _ = p.read_to_end(&mut v);
            let _ = std::io::copy(&mut p.into_inner(), &mut std::io::sink());
            v
        })
    };
    let out_t = reader(Box::new(child.stdout.take().unwrap()));
    let err_t = reader(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = feeder.join();
    let dir_s = format!("{}/", dir.display());
    Ok(Output {
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).replace(&dir_s, "<DIR>/"),
        code: status.code(),
    })
}
