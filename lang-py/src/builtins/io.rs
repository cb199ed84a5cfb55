//! Standard output and error, buffered per thread; files opened by `open`.

use std::cell::RefCell;
use std::io::{BufRead, Write};

thread_local! {
    static OUT: RefCell<Output> = RefCell::new(Output::default());
}

/// Where the interpreter's output goes: the process's streams, or buffers (for embedding and tests).
#[derive(Default)]
pub struct Output {
    pub capture: bool,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub files: Vec<Option<FileState>>,
}

pub struct FileState {
    pub path: String,
    pub write: bool,
    pub data: Vec<u8>,
    pub pos: usize,
}

pub fn write_out(s: &str) {
    write_out_bytes(s.as_bytes())
}

/// Writes raw bytes to standard output (`sys.stdout.buffer`).
pub fn write_out_bytes(s: &[u8]) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.stdout.extend_from_slice(s);
        if !o.capture && o.stdout.len() > 1 << 16 {
            let buf = std::mem::take(&mut o.stdout);
            let _ = std::io::stdout().write_all(&buf);
        }
    });
}

pub fn write_err(s: &str) {
    write_err_bytes(s.as_bytes())
}

/// Writes raw bytes to standard error (`sys.stderr.buffer`).
pub fn write_err_bytes(s: &[u8]) {
    flush_out();
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if o.capture {
            o.stderr.extend_from_slice(s);
        } else {
            let _ = std::io::stderr().write_all(s);
        }
    });
}

pub fn flush_out() {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if !o.capture {
            let buf = std::mem::take(&mut o.stdout);
            let mut out = std::io::stdout();
            let _ = out.write_all(&buf);
            let _ = out.flush();
        }
    });
}

/// Starts capturing output (embedding, tests).
pub fn set_capture(on: bool) {
    OUT.with(|o| o.borrow_mut().capture = on);
}

/// Takes the captured stdout and stderr.
pub fn take_captured() -> (String, String) {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        (
            String::from_utf8_lossy(&std::mem::take(&mut o.stdout)).into_owned(),
            String::from_utf8_lossy(&std::mem::take(&mut o.stderr)).into_owned(),
        )
    })
}

pub fn open_file(path: &str, mode: &str) -> Result<usize, String> {
    let write = mode.contains('w') || mode.contains('a');
    let data = if mode.contains('w') {
        Vec::new()
    } else {
        match std::fs::read(path) {
            Ok(d) => d,
            Err(e) if mode.contains('a') && e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                return Err(match e.kind() {
                    std::io::ErrorKind::NotFound => {
                        format!("[Errno 2] No such file or directory: '{path}'")
                    }
                    _ => format!("{e}: '{path}'"),
                })
            }
        }
    };
    let pos = if mode.contains('a') { data.len() } else { 0 };
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.files.push(Some(FileState {
            path: path.to_string(),
            write,
            data,
            pos,
        }));
        Ok(o.files.len() - 1)
    })
}

pub fn with_file<R>(id: usize, f: impl FnOnce(&mut FileState) -> R) -> Option<R> {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.files.get_mut(id).and_then(|x| x.as_mut()).map(f)
    })
}

pub fn close_file(id: usize) -> Result<(), String> {
    let st = OUT.with(|o| o.borrow_mut().files.get_mut(id).and_then(|x| x.take()));
    if let Some(st) = st {
        if st.write {
            std::fs::write(&st.path, &st.data).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Writes back every file still open (at exit).
pub fn close_all() {
    let n = OUT.with(|o| o.borrow().files.len());
    for i in 0..n {
        let _ = close_file(i);
    }
}

/// The file id of the process's standard input (`sys.stdin`).
pub const STDIN_ID: i64 = -3;

/// How much one read takes.
#[derive(Clone, Copy)]
pub struct ReadWhat {
    /// At most this many units (None: no limit).
    pub limit: Option<usize>,
    /// The units are UTF-8 characters (text mode), else bytes.
    pub chars: bool,
    /// The read ends after a newline.
    pub line: bool,
}

/// Counts what a read has taken so far, chunk by chunk.
struct Taker {
    what: ReadWhat,
    taken: usize,
}

impl Taker {
    /// How many bytes of `chunk` the read takes, and whether it is complete.
    fn take(&mut self, chunk: &[u8]) -> (usize, bool) {
        let w = self.what;
        if w.limit.is_none() && !w.line {
            return (chunk.len(), false);
        }
        for (i, b) in chunk.iter().enumerate() {
            // A continuation byte of a character belongs to the unit taken.
            if !(w.chars && b & 0xC0 == 0x80) {
                if Some(self.taken) == w.limit {
                    return (i, true);
                }
                self.taken += 1;
            }
            if w.line && *b == b'\n' {
                return (i + 1, true);
            }
        }
        (chunk.len(), false)
    }
}

/// Reads from file `id` ([`STDIN_ID`]: the process's standard input,
/// through the same buffer `input()` reads from); None if it is not open.
pub fn read_from(id: i64, what: ReadWhat) -> Option<Vec<u8>> {
    let mut t = Taker { what, taken: 0 };
    if id == STDIN_ID {
        flush_out();
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let mut out = Vec::new();
        loop {
            // A read error ends the data as end of file would.
            let chunk = match lock.fill_buf() {
                Ok(c) if !c.is_empty() => c,
                _ => break,
            };
            let (n, done) = t.take(chunk);
            out.extend_from_slice(&chunk[..n]);
            lock.consume(n);
            if done {
                break;
            }
        }
        return Some(out);
    }
    if id < 0 {
        return None;
    }
    with_file(id as usize, |st| {
        let start = st.pos.min(st.data.len());
        let (n, _) = t.take(&st.data[start..]);
        st.pos = start + n;
        st.data[start..start + n].to_vec()
    })
}

/// Appends bytes to file `id` (-1 standard output, -2 standard error);
/// false if it cannot be written (standard input, a closed file).
pub fn write_to_id(id: i64, data: &[u8]) -> bool {
    match id {
        -1 => write_out_bytes(data),
        -2 => write_err_bytes(data),
        i if i >= 0 => {
            return with_file(i as usize, |st| st.data.extend_from_slice(data)).is_some();
        }
        _ => return false,
    }
    true
}

/// Whether open file `id` was opened for reading.
pub fn is_readable(id: i64) -> bool {
    id >= 0 && with_file(id as usize, |st| !st.write).unwrap_or(false)
}
