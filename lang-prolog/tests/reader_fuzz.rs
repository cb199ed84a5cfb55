//! The reader never panics or hangs: random bytes, random token soup and
//! every truncation of the test programs all end in terms or syntax errors.

use lang_prolog::lexer::Lexer;
use lang_prolog::ops::Ops;
use lang_prolog::parser::{read_term, DoubleQuotes};
use vm_core::{Config, Vm};

fn read_all(text: &str) -> usize {
    let mut vm = Vm::new(Config::default());
    vm.mutate(|mc, _| {
        let mut lex = Lexer::new(text);
        let ops = Ops::default();
        let mut serial = 0;
        let mut n = 0;
        for _ in 0..100_000 {
            let before = lex.pos;
            match read_term(&mut lex, &ops, mc, DoubleQuotes::Codes, &mut serial) {
                Ok(None) => break,
                Ok(Some(_)) | Err(_) => n += 1,
            }
            if lex.pos == before && lex.at_eof() {
                break;
            }
        }
        n
    })
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn random_bytes_and_token_soup_do_not_panic() {
    on_big_stack(|| {
        let mut rng = Rng(0x9E3779B97F4A7C15);
        let pieces = [
            "a", "X", "_", "(", ")", "[", "]", "{", "}", ",", "|", ".", " ", "\n", ":-", "-", "+",
            "'", "\"", "0'", "0x", "1.5e", "%", "/*", "*/", "\\", "f(", "!", ";", "->", "1", "`",
            "0'\\", "'\\x", "e+", ". ",
        ];
        for _ in 0..300 {
            let n = (rng.next() % 60) as usize;
            let mut s = String::new();
            for _ in 0..n {
                if rng.next() % 3 == 0 {
                    let b = (rng.next() % 128) as u8;
                    s.push(b as char);
                } else {
                    s.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]);
                }
            }
            read_all(&s);
        }
        // deep nesting is an error, not a crash
        read_all(&"(".repeat(100_000));
        read_all(&format!("{}a{}.", "[".repeat(50_000), "]".repeat(50_000)));
    });
}

#[test]
fn truncations_of_the_test_programs_do_not_panic() {
    on_big_stack(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "pl"))
            .collect();
        files.sort();
        for f in files.iter().take(12) {
            let text = std::fs::read_to_string(f).unwrap();
            let chars: Vec<char> = text.chars().collect();
            let step = (chars.len() / 40).max(1);
            let mut i = 0;
            while i < chars.len() {
                let t: String = chars[..i].iter().collect();
                read_all(&t);
                i += step;
            }
        }
    });
}
