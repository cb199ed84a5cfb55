//! Tagged 64-bit words and the term store, the engine's only hot memory.
//!
//! Every term of a running query lives in one `Vec<u64>` (the WAM's global
//! stack). The low three bits of a word are its tag:
//!
//! | tag | word            | payload (bits 3..)                                   |
//! |-----|-----------------|------------------------------------------------------|
//! | 0   | `REF(i)`        | store index; an unbound variable is a REF to itself  |
//! | 1   | `ATOM(id)`      | atom id ([`crate::store::atoms`]); id 0 is `[]`      |
//! | 2   | `INT(i)`        | a 61-bit two's complement integer                    |
//! | 3   | `STR(i)`        | index of a `FUN` word, the arguments follow in place |
//! | 4   | `LIS(i)`        | index of a list cell: head at `i`, tail at `i + 1`   |
//! | 5   | `FUN(id, n)`    | atom id in bits 3..35, arity in bits 35..            |
//! | 6   | `BOX(i)`        | a float, bigint or string in the side table          |
//! | 7   | `TPL(..)`       | only in compiled clause templates (`compile`)        |
//!
//! The store holds no GC pointers, only indices, so it needs no tracing;
//! choicepoints save its top and backtracking truncates it. The operations
//! the run loop does on it are the few methods of [`Store`] (load, store,
//! push, truncate, len): next session they become vm-core `Meta` operations
//! so the JIT can trace the loop, and nothing else touches the vector.

/// A tagged word.
pub type Word = u64;

/// Tag of a variable reference.
pub const REF: u64 = 0;
/// Tag of an atom.
pub const ATOM: u64 = 1;
/// Tag of a small integer.
pub const INT: u64 = 2;
/// Tag of a compound term (points at its functor word).
pub const STR: u64 = 3;
/// Tag of a list cell (points at its head; the tail follows).
pub const LIS: u64 = 4;
/// Tag of a functor word (name and arity).
pub const FUN: u64 = 5;
/// Tag of a boxed value (float, bigint, string).
pub const BOX: u64 = 6;
/// Tag of a template-only word (clause variable or constant slot).
pub const TPL: u64 = 7;

/// Atom id of `[]` (reserved; distinct from the atom `'[]'`).
pub const NIL_ID: u32 = 0;
/// The word of `[]`.
pub const NIL: Word = ATOM;

/// Smallest small integer.
pub const INT_MIN: i64 = -(1 << 60);
/// Largest small integer.
pub const INT_MAX: i64 = (1 << 60) - 1;

/// The tag of a word.
#[inline(always)]
pub fn tag(w: Word) -> u64 {
    w & 7
}

/// The payload of a word as an index.
#[inline(always)]
pub fn idx(w: Word) -> usize {
    (w >> 3) as usize
}

/// A word with `tag` and index payload `i`.
#[inline(always)]
pub fn mk(tag: u64, i: usize) -> Word {
    ((i as u64) << 3) | tag
}

/// The word of atom `id`.
#[inline(always)]
pub fn atom(id: u32) -> Word {
    ((id as u64) << 3) | ATOM
}

/// The atom id of an `ATOM` or `FUN` word.
#[inline(always)]
pub fn atom_id(w: Word) -> u32 {
    (w >> 3) as u32
}

/// The small integer word of `i` (`None` outside 61 bits).
#[inline(always)]
pub fn int(i: i64) -> Option<Word> {
    if (INT_MIN..=INT_MAX).contains(&i) {
        Some(((i as u64) << 3) | INT)
    } else {
        None
    }
}

/// The value of an `INT` word.
#[inline(always)]
pub fn int_val(w: Word) -> i64 {
    (w as i64) >> 3
}

/// The functor word of `id/n`.
#[inline(always)]
pub fn fun(id: u32, n: usize) -> Word {
    ((n as u64) << 35) | ((id as u64) << 3) | FUN
}

/// The arity of a `FUN` word.
#[inline(always)]
pub fn fun_arity(w: Word) -> usize {
    (w >> 35) as usize
}

/// The atom id of a `FUN` word.
#[inline(always)]
pub fn fun_name(w: Word) -> u32 {
    ((w >> 3) & 0xffff_ffff) as u32
}

/// The term store: one growable vector of words. Index 0 is a dummy cell,
/// so the word 0 (`REF(0)`) can mean "no value yet" in clause frames.
pub struct Store {
    w: Vec<Word>,
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

impl Store {
    /// An empty store (with its dummy cell).
    pub fn new() -> Store {
        let mut w = Vec::with_capacity(1 << 16);
        w.push(ATOM);
        Store { w }
    }
    /// The word at `i`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Word {
        self.w[i]
    }
    /// The words at `i` and `i + 1` (a list cell), one bounds check.
    #[inline(always)]
    pub fn get2(&self, i: usize) -> (Word, Word) {
        let [a, b]: [Word; 2] = self.w[i..i + 2].try_into().unwrap();
        (a, b)
    }
    /// Writes the word at `i`.
    #[inline(always)]
    pub fn set(&mut self, i: usize, v: Word) {
        self.w[i] = v;
    }
    /// Appends a word; its index.
    #[inline(always)]
    pub fn push(&mut self, v: Word) -> usize {
        let i = self.w.len();
        self.w.push(v);
        i
    }
    /// Appends two words (one capacity test).
    #[inline(always)]
    pub fn push2(&mut self, a: Word, b: Word) {
        self.w.extend_from_slice(&[a, b]);
    }
    /// A new unbound variable; its REF word.
    #[inline(always)]
    pub fn new_var(&mut self) -> Word {
        let i = self.w.len();
        let r = mk(REF, i);
        self.w.push(r);
        r
    }
    /// Makes cell `i` an unbound variable.
    #[inline(always)]
    pub fn new_var_at(&mut self, i: usize) {
        self.w[i] = mk(REF, i);
    }
    /// Reserves `n` words (filled with `[]`); the first one's index.
    #[inline(always)]
    pub fn alloc(&mut self, n: usize) -> usize {
        let i = self.w.len();
        self.w.resize(i + n, NIL);
        i
    }
    /// The top (number of words).
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.w.len()
    }
    /// Whether only the dummy cell is there.
    pub fn is_empty(&self) -> bool {
        self.w.len() <= 1
    }
    /// Frees everything from `top` on (backtracking).
    #[inline(always)]
    pub fn truncate(&mut self, top: usize) {
        self.w.truncate(top);
    }
    /// Follows variable bindings.
    #[inline(always)]
    pub fn deref(&self, mut w: Word) -> Word {
        while tag(w) == REF {
            let v = self.w[idx(w)];
            if v == w {
                return w;
            }
            w = v;
        }
        w
    }
}
