//! The operator table: dynamic, changed by `op/3` while a file is read.
//!
//! Starts as SWI-Prolog's default table. The reader consults it for every
//! clause, so an `op/3` directive changes how the following clauses read.

use std::collections::HashMap;

/// Operator types.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OpType {
    Xfx,
    Xfy,
    Yfx,
    Fy,
    Fx,
    Xf,
    Yf,
}

impl OpType {
    /// Parses `xfx` etc.
    pub fn from_name(s: &str) -> Option<OpType> {
        Some(match s {
            "xfx" => OpType::Xfx,
            "xfy" => OpType::Xfy,
            "yfx" => OpType::Yfx,
            "fy" => OpType::Fy,
            "fx" => OpType::Fx,
            "xf" => OpType::Xf,
            "yf" => OpType::Yf,
            _ => return None,
        })
    }
    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            OpType::Xfx => "xfx",
            OpType::Xfy => "xfy",
            OpType::Yfx => "yfx",
            OpType::Fy => "fy",
            OpType::Fx => "fx",
            OpType::Xf => "xf",
            OpType::Yf => "yf",
        }
    }
    /// 0 prefix, 1 infix, 2 postfix.
    pub fn class(self) -> usize {
        match self {
            OpType::Fy | OpType::Fx => 0,
            OpType::Xfx | OpType::Xfy | OpType::Yfx => 1,
            OpType::Xf | OpType::Yf => 2,
        }
    }
}

/// The definitions of one operator name: prefix, infix, postfix.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpDefs {
    /// (priority, type) per class: prefix, infix, postfix.
    pub defs: [Option<(u32, OpType)>; 3],
}

/// The table.
#[derive(Clone, Debug)]
pub struct Ops {
    table: HashMap<String, OpDefs>,
}

impl Default for Ops {
    fn default() -> Self {
        let mut o = Ops {
            table: HashMap::new(),
        };
        use OpType::*;
        let defaults: &[(u32, OpType, &[&str])] = &[
            (1200, Xfx, &[":-", "-->", "=>"]),
            (1200, Fx, &[":-", "?-"]),
            (1100, Xfy, &[";", "|"]),
            (1105, Xfy, &["|"]),
            (1050, Xfy, &["->", "*->"]),
            (1000, Xfy, &[","]),
            (990, Xfx, &[":="]),
            (900, Fy, &["\\+"]),
            (
                700,
                Xfx,
                &[
                    "=", "\\=", "==", "\\==", "@<", "@>", "@=<", "@>=", "=..", "is", "=:=", "=\\=",
                    "<", ">", "=<", ">=", ">:<", ":<", "as", "=@=", "\\=@=",
                ],
            ),
            (600, Xfy, &[":"]),
            (500, Yfx, &["+", "-", "/\\", "\\/", "xor"]),
            (500, Fx, &["?"]),
            (
                400,
                Yfx,
                &["*", "/", "//", "rdiv", "<<", ">>", "mod", "rem", "div"],
            ),
            (200, Xfx, &["**"]),
            (200, Xfy, &["^"]),
            (200, Fy, &["-", "+", "\\"]),
            (100, Yfx, &["."]),
            (1, Fx, &["$"]),
            (
                1150,
                Fx,
                &[
                    "dynamic",
                    "discontiguous",
                    "initialization",
                    "meta_predicate",
                    "module_transparent",
                    "multifile",
                    "public",
                    "thread_local",
                    "table",
                ],
            ),
        ];
        for (p, t, names) in defaults {
            for n in *names {
                o.add(n, *p, *t);
            }
        }
        o
    }
}

impl Ops {
    /// Defines (or with priority 0 removes) an operator.
    pub fn add(&mut self, name: &str, prio: u32, t: OpType) {
        let e = self.table.entry(name.to_string()).or_default();
        let c = t.class();
        // an infix and a postfix op of the same name cannot coexist (ISO); SWI allows it, we too
        e.defs[c] = if prio == 0 { None } else { Some((prio, t)) };
    }
    /// The prefix definition.
    pub fn prefix(&self, name: &str) -> Option<(u32, OpType)> {
        self.table.get(name).and_then(|d| d.defs[0])
    }
    /// The infix definition.
    pub fn infix(&self, name: &str) -> Option<(u32, OpType)> {
        self.table.get(name).and_then(|d| d.defs[1])
    }
    /// The postfix definition.
    pub fn postfix(&self, name: &str) -> Option<(u32, OpType)> {
        self.table.get(name).and_then(|d| d.defs[2])
    }
    /// Whether the name is an operator of any kind.
    pub fn is_op(&self, name: &str) -> bool {
        self.table
            .get(name)
            .is_some_and(|d| d.defs.iter().any(|x| x.is_some()))
    }
    /// All definitions, for `current_op/3`.
    pub fn all(&self) -> Vec<(String, u32, OpType)> {
        let mut v = Vec::new();
        for (n, d) in &self.table {
            for (p, t) in d.defs.iter().flatten() {
                v.push((n.clone(), *p, *t));
            }
        }
        v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        v
    }
}
