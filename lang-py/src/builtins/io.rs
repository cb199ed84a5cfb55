//! Standard output and error, buffered per thread; files opened by `open`.

use std::cell::RefCell;
use std::io::Write;

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
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.stdout.extend_from_slice(s.as_bytes());
        if !o.capture && o.stdout.len() > 1 << 16 {
            let buf = std::mem::take(&mut o.stdout);
            let _ = std::io::stdout().write_all(&buf);
        }
    });
}

pub fn write_err(s: &str) {
    flush_out();
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if o.capture {
            o.stderr.extend_from_slice(s.as_bytes());
        } else {
            let _ = std::io::stderr().write_all(s.as_bytes());
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
