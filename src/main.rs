//! The `polyvm` command line. Languages arrive with their crates; until then
//! the binary only reports what it can run.

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => {
            println!("polyvm {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        _ => {
            eprintln!("polyvm: no guest language is built in yet; try `cargo run --release -p vm-core --example fl -- FILE`");
            std::process::exit(2)
        }
    }
}
