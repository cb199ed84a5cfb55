//! The data of a Prolog program's code object: the Rust-side globals.

use std::cell::RefCell;

use crate::globals::Globals;

/// What the program's code object carries (`Code::data`).
pub struct Program {
    /// Operators, flags, procedure table, loads, output.
    pub g: RefCell<Globals>,
}
