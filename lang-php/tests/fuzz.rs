//! Fuzz-style robustness: random bytes, truncations and mutations of valid
//! programs must give a clean parse result (Ok or a php-style error), never a
//! panic or a hang.

fn check(src: &str) {
    let r = std::panic::catch_unwind(|| lang_php::check_syntax("fuzz.php", src));
    match r {
        Ok(Ok(())) => {}
        Ok(Err(msg)) => assert!(
            msg.starts_with("PHP Parse error:  ") || msg.starts_with("PHP Fatal error:  "),
            "{msg}"
        ),
        Err(_) => panic!("parser panicked on {src:?}"),
    }
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

#[test]
fn random_bytes_and_truncations() {
    // The CLI runs on the 8 MB main thread; test threads get less by default.
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(fuzz_body)
        .unwrap()
        .join()
        .unwrap();
}

fn fuzz_body() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut corpus: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().map_or(false, |x| x == "php"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    corpus.sort();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    // Truncations of every program.
    for src in &corpus {
        let b = src.as_bytes();
        let step = (b.len() / 40).max(1);
        let mut i = 0;
        while i < b.len() {
            check(&String::from_utf8_lossy(&b[..i]));
            i += step;
        }
    }
    // Random mutations.
    let alphabet = b"<?php{}()[];$\"'`\\/*#=+-.,:?!&|^~@<>0123456789abcxyz \n\tfunction class if else while for foreach echo return => -> :: ?> <<<EOT\n";
    for round in 0..400 {
        let src = &corpus[round % corpus.len()];
        let mut b = src.as_bytes().to_vec();
        for _ in 0..(1 + rng.next() % 8) {
            if b.is_empty() {
                break;
            }
            let pos = (rng.next() as usize) % b.len();
            match rng.next() % 3 {
                0 => {
                    b.remove(pos);
                }
                1 => b.insert(pos, alphabet[(rng.next() as usize) % alphabet.len()]),
                _ => b[pos] = alphabet[(rng.next() as usize) % alphabet.len()],
            }
        }
        check(&String::from_utf8_lossy(&b));
    }
    // Pure random bytes, and deep nesting.
    for _ in 0..300 {
        let n = (rng.next() % 200) as usize;
        let mut b = b"<?php ".to_vec();
        for _ in 0..n {
            b.push(alphabet[(rng.next() as usize) % alphabet.len()]);
        }
        check(&String::from_utf8_lossy(&b));
    }
    check(&format!("<?php {}", "(".repeat(100_000)));
    check(&format!(
        "<?php $a = {}1{};",
        "[".repeat(5000),
        "]".repeat(5000)
    ));
    check(&format!("<?php {}", "{".repeat(50_000)));
    check(&format!("<?php echo {};", "-".repeat(50_000)));
    check(&format!("<?php echo 1{};", " + 1".repeat(50_000)));
}
