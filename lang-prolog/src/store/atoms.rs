//! The engine's atom table: every atom name is interned once, so atoms and
//! functors compare as words.

use rustc_hash::FxHashMap;

use crate::store::words::NIL_ID;

/// Interned atom names.
pub struct Atoms {
    names: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
}

impl Default for Atoms {
    fn default() -> Self {
        Atoms::new()
    }
}

impl Atoms {
    /// A table holding only `[]` (id [`NIL_ID`], not reachable by name:
    /// the atom `'[]'` is a different atom, as in SWI-Prolog 7).
    pub fn new() -> Atoms {
        let mut a = Atoms {
            names: vec!["[]".into()],
            ids: FxHashMap::default(),
        };
        debug_assert_eq!(a.names.len() as u32 - 1, NIL_ID);
        for n in PRESET {
            a.intern(n);
        }
        a
    }
    /// The id of `name`, interning it.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), i);
        i
    }
    /// The name of atom `id`.
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// Atoms the engine tests for by id (their ids are their positions + 1).
const PRESET: &[&str] = &[
    "[|]",
    ",",
    ";",
    "->",
    "*->",
    "\\+",
    "call",
    "!",
    "true",
    "fail",
    "false",
    ":-",
    "error",
    "=",
    "-",
    "{}",
    "$VAR",
    "not",
    "otherwise",
    "|",
    "user",
    ":",
    "/",
    "<",
    ">",
];

/// Preset atom ids, in [`PRESET`] order.
pub mod ids {
    pub const DOT: u32 = 1;
    pub const COMMA: u32 = 2;
    pub const SEMI: u32 = 3;
    pub const ARROW: u32 = 4;
    pub const SOFT: u32 = 5;
    pub const NOT: u32 = 6;
    pub const CALL: u32 = 7;
    pub const CUT: u32 = 8;
    pub const TRUE: u32 = 9;
    pub const FAIL: u32 = 10;
    pub const FALSE: u32 = 11;
    pub const NECK: u32 = 12;
    pub const ERROR: u32 = 13;
    pub const EQ: u32 = 14;
    pub const MINUS: u32 = 15;
    pub const CURLY: u32 = 16;
    pub const VAR: u32 = 17;
    pub const NOT2: u32 = 18;
    pub const OTHERWISE: u32 = 19;
    pub const BAR: u32 = 20;
    pub const USER: u32 = 21;
    pub const COLON: u32 = 22;
    pub const SLASH: u32 = 23;
    pub const LT: u32 = 24;
    pub const GT: u32 = 25;
}
