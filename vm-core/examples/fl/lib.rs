//! FL, the seed language of the meta-tracing tutorial, and RPN, a second
//! language with a different frame layout, on polyvm's core.
//!
//! - [`lexer`], [`parser`] ([`ast`]), [`compiler`] ([`bytecode`]): FL source to code objects.
//! - [`interp`]: FL's interpreter loop, generic over `vm_core::Meta`.
//! - [`rpn`]: RPN's compiler and interpreter loop.
//! - [`ops`]: arithmetic and comparisons both languages share; [`helpers`]:
//!   the Rust helpers they call (bigints, print).
//! - [`lang`]: both as `vm_core::Language`s; [`run`]: running a file.
//!
//! This file is the root of the module tree for the `fl` example and for the
//! integration tests, which include it with `#[path]`.

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod error;
pub mod helpers;
pub mod interp;
pub mod lang;
pub mod lexer;
pub mod ops;
pub mod parser;
pub mod rpn;
pub mod run;
