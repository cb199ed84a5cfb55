//! The one value type every language shares, and its fixed machine layout.
//!
//! A [`Value`] is 16 bytes: a one-byte tag at offset 0 and an 8-byte payload at
//! offset 8 ([`TAG_OFFSET`], [`PAYLOAD_OFFSET`]). The JIT's backend reads and
//! writes values in exactly this form (input buffers, exit buffers, helper
//! arguments), so the layout is part of the contract: `#[repr(C, u8)]` fixes it
//! and `jit::backend` tests it.
//!
//! The tag is also the type header of heap objects: a pointer's tag says what
//! it points to, so a type test is one byte compare and needs no load.
//!
//! | tag | variant  | payload                                    |
//! |-----|----------|--------------------------------------------|
//! | 0   | `None`   | unused                                     |
//! | 1   | `Bool`   | byte 8 is 0 or 1                           |
//! | 2   | `Int`    | `i64`                                      |
//! | 3   | `Float`  | `f64` bits                                 |
//! | 4   | `Absent` | unused; "no such key", never a guest value |
//! | 5   | `Str`    | pointer to an immutable [`Str`]            |
//! | 6   | `BigInt` | pointer to an immutable [`BigInt`]         |
//! | 7   | `List`   | pointer to a [`List`]                      |
//! | 8   | `Dict`   | pointer to a `RefLock<Dict>`               |
//! | 9   | `Record` | pointer to a [`Record`]                    |
//! | 10  | `Code`   | pointer to a [`Code`]                      |
//! | 11  | `Tuple`  | pointer to an immutable [`Tuple`]          |
//! | 12  | `StrBuf` | pointer to a [`StrBuf`] (append-friendly string) |
//! | 13  | `Cell`   | pointer to a mutable one-value [`Cell`]    |
//! | 14  | `Words`  | pointer to a growable word store [`Words`] |

use gc_arena::lock::RefLock;
use gc_arena::{Collect, Gc};

use crate::cell::Cell;
use crate::heap::{BigInt, Code, Dict, List, Record, Str};
use crate::strbuf::StrBuf;
use crate::tuple::Tuple;
use crate::words::Words;

macro_rules! tags {
    ($($(#[$doc:meta])* $name:ident = $konst:ident = $n:literal = $text:literal,)*) => {
        $( #[doc = concat!("Tag byte of `", $text, "` values.")] pub const $konst: u8 = $n; )*

        /// The type of a value as the JIT guards on it: the tag byte.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Tag { $( $(#[$doc])* $name, )* }

        impl Tag {
            /// Every tag, in tag-byte order.
            pub const ALL: &'static [Tag] = &[$(Tag::$name),*];
            /// The tag byte stored at offset 0.
            pub fn byte(self) -> u8 { match self { $(Tag::$name => $n,)* } }
            /// The tag for a tag byte, if it is one.
            pub fn from_byte(b: u8) -> Option<Tag> { match b { $($n => Some(Tag::$name),)* _ => None } }
            /// The name used in the IR text form.
            pub fn name(self) -> &'static str { match self { $(Tag::$name => $text,)* } }
            /// Parses [`Tag::name`].
            pub fn from_name(s: &str) -> Option<Tag> { match s { $($text => Some(Tag::$name),)* _ => None } }
        }
    };
}

tags! {
    None = TAG_NONE = 0 = "none",
    Bool = TAG_BOOL = 1 = "bool",
    Int = TAG_INT = 2 = "int",
    Float = TAG_FLOAT = 3 = "float",
    Absent = TAG_ABSENT = 4 = "absent",
    Str = TAG_STR = 5 = "str",
    BigInt = TAG_BIGINT = 6 = "bigint",
    List = TAG_LIST = 7 = "list",
    Dict = TAG_DICT = 8 = "dict",
    Record = TAG_RECORD = 9 = "record",
    Code = TAG_CODE = 10 = "code",
    Tuple = TAG_TUPLE = 11 = "tuple",
    StrBuf = TAG_STRBUF = 12 = "strbuf",
    Cell = TAG_CELL = 13 = "cell",
    Words = TAG_WORDS = 14 = "words",
}

/// Byte offset of the tag inside a value.
pub const TAG_OFFSET: i32 = 0;
/// Byte offset of the payload inside a value.
pub const PAYLOAD_OFFSET: i32 = 8;
/// Size of a value in bytes.
pub const VALUE_SIZE: usize = 16;

/// A guest value: an immediate or a pointer into the shared heap.
#[derive(Copy, Clone, Collect)]
#[collect(no_drop)]
#[repr(C, u8)]
pub enum Value<'gc> {
    /// Python `None`, PHP `null`.
    None = TAG_NONE,
    /// A boolean.
    Bool(bool) = TAG_BOOL,
    /// A machine integer; languages overflow to bigints (Python, Prolog) or floats (PHP).
    Int(i64) = TAG_INT,
    /// An IEEE double.
    Float(f64) = TAG_FLOAT,
    /// "Nothing here": what a dict lookup of a missing key yields. Never stored.
    Absent = TAG_ABSENT,
    /// An immutable string.
    Str(Gc<'gc, Str>) = TAG_STR,
    /// An integer outside the i64 range.
    BigInt(Gc<'gc, BigInt>) = TAG_BIGINT,
    /// A growable sequence.
    List(Gc<'gc, List<'gc>>) = TAG_LIST,
    /// An insertion-ordered map.
    Dict(Gc<'gc, RefLock<Dict<'gc>>>) = TAG_DICT,
    /// A language-defined object: a class and indexed fields.
    Record(Gc<'gc, Record<'gc>>) = TAG_RECORD,
    /// Compiled code of some language.
    Code(Gc<'gc, Code<'gc>>) = TAG_CODE,
    /// An immutable head plus arguments (Prolog compound terms).
    Tuple(Gc<'gc, Tuple<'gc>>) = TAG_TUPLE,
    /// A string that is a prefix of a shared growable buffer (see `strbuf`).
    StrBuf(Gc<'gc, StrBuf<'gc>>) = TAG_STRBUF,
    /// A mutable one-value cell (Prolog variables; see `cell`).
    Cell(Gc<'gc, Cell<'gc>>) = TAG_CELL,
    /// A growable vector of raw words the collector does not scan (see `words`).
    Words(Gc<'gc, Words<'gc>>) = TAG_WORDS,
}

impl<'gc> Value<'gc> {
    /// The value's tag.
    pub fn tag(&self) -> Tag {
        match self {
            Value::None => Tag::None,
            Value::Bool(_) => Tag::Bool,
            Value::Int(_) => Tag::Int,
            Value::Float(_) => Tag::Float,
            Value::Absent => Tag::Absent,
            Value::Str(_) => Tag::Str,
            Value::BigInt(_) => Tag::BigInt,
            Value::List(_) => Tag::List,
            Value::Dict(_) => Tag::Dict,
            Value::Record(_) => Tag::Record,
            Value::Code(_) => Tag::Code,
            Value::Tuple(_) => Tag::Tuple,
            Value::StrBuf(_) => Tag::StrBuf,
            Value::Cell(_) => Tag::Cell,
            Value::Words(_) => Tag::Words,
        }
    }

    /// The payload word exactly as machine code sees it at offset 8.
    pub fn payload_bits(&self) -> u64 {
        match *self {
            Value::None | Value::Absent => 0,
            Value::Bool(b) => b as u64,
            Value::Int(i) => i as u64,
            Value::Float(f) => f.to_bits(),
            Value::Str(p) => Gc::as_ptr(p) as usize as u64,
            Value::BigInt(p) => Gc::as_ptr(p) as usize as u64,
            Value::List(p) => Gc::as_ptr(p) as usize as u64,
            Value::Dict(p) => Gc::as_ptr(p) as usize as u64,
            Value::Record(p) => Gc::as_ptr(p) as usize as u64,
            Value::Code(p) => Gc::as_ptr(p) as usize as u64,
            Value::Tuple(p) => Gc::as_ptr(p) as usize as u64,
            Value::StrBuf(p) => Gc::as_ptr(p) as usize as u64,
            Value::Cell(p) => Gc::as_ptr(p) as usize as u64,
            Value::Words(p) => Gc::as_ptr(p) as usize as u64,
        }
    }

    /// Whether this value points into the heap.
    pub fn is_heap(&self) -> bool {
        self.tag() >= Tag::Str
    }

    /// The string contents, if this is a string (of either kind).
    pub fn as_str(&self) -> Option<&'gc str> {
        match *self {
            Value::Str(s) => Some(Gc::as_ref(s).as_str()),
            Value::StrBuf(s) => Some(Gc::as_ref(s).as_str()),
            _ => None,
        }
    }

    /// Identity for objects, bit equality for immediates: what `guard_value` tests.
    #[inline]
    pub fn same(&self, other: &Value<'gc>) -> bool {
        self.tag() == other.tag() && self.payload_bits() == other.payload_bits()
    }
}

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "none"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", crate::heap::float_literal(*x)),
            Value::Absent => write!(f, "absent"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::BigInt(b) => write!(f, "{}", b.0),
            Value::List(l) => match l.try_borrow() {
                Ok(items) => f.debug_list().entries(items.iter()).finish(),
                Err(_) => write!(f, "[...]"),
            },
            Value::Dict(d) => match d.try_borrow() {
                Ok(map) => f
                    .debug_map()
                    .entries(map.iter().map(|(k, v)| (k.0, v)))
                    .finish(),
                Err(_) => write!(f, "{{...}}"),
            },
            Value::Record(r) => write!(f, "<record of {:?}>", r.class),
            Value::Code(c) => write!(f, "<code of language {}>", c.lang),
            // Shallow: terms can be deep (a million-element list).
            Value::Tuple(t) => write!(f, "<tuple {:?}/{}>", t.head(), t.len()),
            Value::StrBuf(s) => write!(f, "{:?}", s.as_str()),
            Value::Cell(c) => write!(f, "<cell {}>", c.mark()),
            Value::Words(w) => write!(f, "<words {}>", w.len()),
        }
    }
}
