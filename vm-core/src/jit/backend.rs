//! Lowers optimised traces to machine code with Cranelift.
