//! Links the `polyvm` binary as a position-dependent executable.
//!
//! A PIE of this size carries ~23,000 dynamic relocations that the loader
//! applies at every start (with the page faults of touching those pages);
//! a position-dependent executable has them resolved at link time. Start-up
//! is a visible part of short benchmark programs (a bench.php section runs
//! for 6-45 ms). The objects stay position-independent, which a
//! non-PIE link accepts.
fn main() {
    println!("cargo:rustc-link-arg-bin=polyvm=-no-pie");
}
