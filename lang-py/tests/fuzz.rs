//! The lexer, parser and compiler never panic or hang: random bytes,
//! truncations and mutations of the test programs must give a clean
//! `Ok` or `SyntaxError`.

use std::path::Path;
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn check(src: &str) {
    let start = Instant::now();
    let _ = lang_py::compile_source(src, "<fuzz>", false);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "slow input: {src:?}"
    );
}

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().map(|x| x == "py").unwrap_or(false))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    v.sort();
    v
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let alphabet: &[u8] = b"()[]{}:;,.=+-*/%<>!&|^~@'\"\\#\n\t abcxyz019_fbrFRB\x00\xff\xc3\xa9";
    for _ in 0..3000 {
        let n = rng.below(80);
        let bytes: Vec<u8> = (0..n)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn truncations_and_mutations_never_panic() {
    let mut rng = Rng(12345);
    for src in corpus() {
        let chars: Vec<char> = src.chars().collect();
        for _ in 0..25 {
            let cut = rng.below(chars.len() + 1);
            let t: String = chars[..cut].iter().collect();
            check(&t);
            let mut m = chars.clone();
            for _ in 0..3 {
                if m.is_empty() {
                    break;
                }
                let i = rng.below(m.len());
                match rng.below(3) {
                    0 => {
                        m.remove(i);
                    }
                    1 => m.insert(i, "([{)]}:'\"\n\\ ".chars().nth(rng.below(12)).unwrap()),
                    _ => {
                        let j = rng.below(m.len());
                        m.swap(i, j)
                    }
                }
            }
            check(&m.iter().collect::<String>());
        }
    }
}

#[test]
fn deep_nesting_is_a_clean_error() {
    // Pathological nesting needs a main-thread-sized stack in debug builds
    // (the parser caps nesting at 200 levels, like CPython).
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(deep_nesting)
        .unwrap()
        .join()
        .unwrap();
}

fn deep_nesting() {
    let deep = format!("x = {}1{}", "(".repeat(5000), ")".repeat(5000));
    check(&deep);
    let deep_list = format!("x = {}", "[".repeat(100000));
    check(&deep_list);
    let mut ifs = String::new();
    for i in 0..300 {
        ifs.push_str(&" ".repeat(i));
        ifs.push_str("if x:\n");
    }
    check(&ifs);
    check(&"-".repeat(100000));
    check(&"not ".repeat(50000));
}
