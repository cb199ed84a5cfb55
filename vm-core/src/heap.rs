//! Heap objects shared by every language, and the operations on them.
//!
//! Objects are allocated in the one gc-arena of a [`crate::Vm`] and reached
//! through the pointer variants of [`Value`], whose tag names the object's type.
//! The kinds are the building blocks every guest uses: strings, bigints, lists,
//! insertion-ordered dicts, records (a class value plus indexed fields: the
//! shape of functions, cells, bound methods, instances), immutable tuples
//! (in [`crate::tuple`], re-exported here) and code objects.
//!
//! The functions here are the single implementation of each heap operation:
//! the plain interpreter calls them, the recorder calls them while recording,
//! and the JIT's helpers call them from machine code.

use std::any::Any;
use std::cell::{BorrowError, Cell, Ref};
use std::hash::{Hash, Hasher};

use gc_arena::barrier::{field, unlock};
use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Collect, Gc, Mutation};
pub use hashbrown::Equivalent;

pub use crate::tuple::{as_tuple, new_tuple, tuple_get, tuple_head, tuple_len, Tuple};
use crate::value::Value;

/// Identifies a language registered with the VM (its index in the registry).
pub type LangId = u16;

/// How many bytes of text a [`Str`] keeps inline, in its own allocation.
/// Sized so that a `Str` is 48 bytes and, with gc-arena's 16-byte header,
/// its allocation 64: a power of two, which the global allocator serves from
/// its fast path (see ARCHITECTURE.md on mimalloc's aligned entry point).
pub const STR_INLINE: usize = 32;

/// An immutable UTF-8 string with its hash cached.
///
/// Text of up to [`STR_INLINE`] bytes (dict keys, names, short results)
/// lives inline, so making such a string is one allocation and reading it
/// touches one object; longer text is boxed.
#[derive(Collect)]
#[collect(require_static)]
pub struct Str {
    hash: u64,
    text: Text,
}

/// The text of a [`Str`]: inline when short.
enum Text {
    Inline(arrayvec::ArrayString<STR_INLINE>),
    Boxed(Box<str>),
}

impl Str {
    /// Makes a string, computing its hash once.
    #[inline]
    pub fn new(text: &str) -> Str {
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        Str {
            text: match arrayvec::ArrayString::from(text) {
                Ok(inline) => Text::Inline(inline),
                Err(_) => Text::Boxed(text.into()),
            },
            hash: h.finish(),
        }
    }

    /// Makes a string of `chars`, computing its hash once: for text built
    /// a character at a time (number formatting), with no intermediate
    /// buffer or UTF-8 validation when it fits inline.
    pub fn from_chars(chars: impl Iterator<Item = char> + Clone) -> Str {
        let mut inline = arrayvec::ArrayString::<STR_INLINE>::new();
        for c in chars.clone() {
            if inline.try_push(c).is_err() {
                return Str::new(&chars.collect::<String>());
            }
        }
        let mut h = rustc_hash::FxHasher::default();
        inline.as_str().hash(&mut h);
        Str {
            text: Text::Inline(inline),
            hash: h.finish(),
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            Text::Inline(t) => t.as_str(),
            Text::Boxed(t) => t,
        }
    }

    /// The cached hash of the text.
    #[inline]
    pub fn hash_code(&self) -> u64 {
        self.hash
    }
}

/// An immutable arbitrary-precision integer, only ever outside the i64 range.
#[derive(Collect)]
#[collect(require_static)]
pub struct BigInt(pub num_bigint::BigInt);

/// How many fields a record keeps inline, in its own allocation; field `i
/// >= RECORD_INLINE` is item `i - RECORD_INLINE` of a boxed spill slice.
/// Sized for Python's instances (6 fixed fields and the 8 inline
/// attribute slots of a class's first map tree), the most frequent large
/// records: their field reads are then one load from the record itself
/// instead of two dependent loads through a separate buffer.
pub const RECORD_INLINE: usize = 14;

/// A language-defined object: class plus a fixed number of indexed fields.
///
/// The layout is fixed (`repr(C)`) because compiled traces read and write
/// records without calling back into Rust: the class at
/// [`RECORD_CLASS_OFFSET`], the field count at [`RECORD_LEN_OFFSET`], field
/// `i < RECORD_INLINE` at [`RECORD_INLINE_OFFSET`]` + 16 * i`, and the
/// address of field [`RECORD_INLINE`] (the spill's first item) at
/// [`RECORD_SPILL_OFFSET`] (see the backend's `lower.rs`). That address
/// stays valid because the spill is private and never resized.
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C)]
pub struct Record<'gc> {
    /// The language's notion of the object's class.
    pub class: Value<'gc>,
    /// The number of fields.
    #[collect(require_static)]
    len: usize,
    /// The address of field [`RECORD_INLINE`] (an integer, read only by
    /// machine code; meaningless when the record has no spilled fields).
    #[collect(require_static)]
    spill_addr: usize,
    /// Fields `RECORD_INLINE..len` (empty, so no allocation, for most).
    spill: Box<[Lock<Value<'gc>>]>,
    /// Fields `0..min(len, RECORD_INLINE)`; the rest of the slots are None.
    inline: [Lock<Value<'gc>>; RECORD_INLINE],
}

/// Byte offset of [`Record::class`] (a 16-byte value).
pub const RECORD_CLASS_OFFSET: i32 = 0;
/// Byte offset of a record's field count (a `usize`).
pub const RECORD_LEN_OFFSET: i32 = 16;
/// Byte offset of the address of a record's field [`RECORD_INLINE`] (a `usize`).
pub const RECORD_SPILL_OFFSET: i32 = 24;
/// Byte offset of a record's field 0 (inline fields are 16 bytes apart).
pub const RECORD_INLINE_OFFSET: i32 = 48;

impl<'gc> Record<'gc> {
    /// A record of `class` with `fields`.
    pub fn new(class: Value<'gc>, fields: Vec<Value<'gc>>) -> Record<'gc> {
        Record::from_slice(class, &fields)
    }

    /// A record of `class` with a copy of `fields`.
    #[inline]
    pub fn from_slice(class: Value<'gc>, fields: &[Value<'gc>]) -> Record<'gc> {
        // All None, then the given prefix copied over it: a per-slot choice
        // between a field and None (`array::from_fn` over `fields.get(i)`)
        // cost ~170 instructions per record, 2.8% of Python deltablue's.
        let mut inline: [Lock<Value<'gc>>; RECORD_INLINE] =
            std::array::from_fn(|_| Lock::new(Value::None));
        let n = fields.len().min(RECORD_INLINE);
        for (slot, v) in inline[..n].iter_mut().zip(&fields[..n]) {
            *slot = Lock::new(*v);
        }
        let spill: Box<[Lock<Value<'gc>>]> = match fields.get(RECORD_INLINE..) {
            Some(rest) if !rest.is_empty() => rest.iter().map(|v| Lock::new(*v)).collect(),
            _ => Box::default(),
        };
        Record::with(class, fields.len(), spill, inline)
    }

    /// A record of `class` with `len` fields, all None.
    pub fn of_nones(class: Value<'gc>, len: usize) -> Record<'gc> {
        let inline = std::array::from_fn(|_| Lock::new(Value::None));
        let spill: Box<[Lock<Value<'gc>>]> = (RECORD_INLINE..len)
            .map(|_| Lock::new(Value::None))
            .collect();
        Record::with(class, len, spill, inline)
    }

    #[inline]
    fn with(
        class: Value<'gc>,
        len: usize,
        spill: Box<[Lock<Value<'gc>>]>,
        inline: [Lock<Value<'gc>>; RECORD_INLINE],
    ) -> Record<'gc> {
        Record {
            class,
            len,
            spill_addr: spill.as_ptr() as usize,
            spill,
            inline,
        }
    }

    /// The number of fields.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the record has no fields.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Field `i` (panics unless `i < len`).
    #[inline]
    pub fn get(&self, i: usize) -> Value<'gc> {
        if i >= self.len {
            no_such_field(i, self.len);
        }
        match self.inline.get(i) {
            Some(f) => f.get(),
            None => self.spill[i - RECORD_INLINE].get(),
        }
    }

    /// A copy of the fields.
    pub fn fields(&self) -> Vec<Value<'gc>> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// Sets field `i` of `this` (panics unless `i < len`).
    #[inline]
    pub fn set(this: Gc<'gc, Record<'gc>>, mc: &Mutation<'gc>, i: usize, v: Value<'gc>) {
        if i >= this.len {
            no_such_field(i, this.len);
        }
        let w = Gc::write(mc, this);
        if i < RECORD_INLINE {
            field!(w, Record, inline)[i].unlock().set(v);
        } else {
            field!(w, Record, spill).as_deref()[i - RECORD_INLINE]
                .unlock()
                .set(v);
        }
    }

    /// The address of field `i` (fixed for the record's life; for machine
    /// code that reads a constant record's fields).
    fn field_addr(&self, i: usize) -> usize {
        if i >= self.len {
            no_such_field(i, self.len);
        }
        match self.inline.get(i) {
            Some(f) => f as *const Lock<Value<'gc>> as usize,
            None => self.spill_addr + (i - RECORD_INLINE) * std::mem::size_of::<Value<'gc>>(),
        }
    }
}

/// The panic of an access to a field a record does not have (an
/// interpreter bug); out of line, so that the accessors inline.
#[cold]
#[inline(never)]
fn no_such_field(i: usize, len: usize) -> ! {
    panic!("field {i} of a record of {len}")
}

/// A growable list of values (the target of `Value::List`).
///
/// The layout is fixed (`repr(C)`) because compiled traces read and write
/// items without calling back into Rust: the address of item 0 at
/// [`LIST_ITEMS_OFFSET`] and the length at [`LIST_LEN_OFFSET`] (see the
/// backend's `lower.rs`). The vector reallocates as it grows, so these two
/// words mirror its current buffer and length: every method that changes
/// the vector goes through [`List::modify`], which refreshes them.
#[derive(Collect)]
#[collect(no_drop)]
#[repr(C)]
pub struct List<'gc> {
    /// The address of item 0 (an integer, read only by machine code).
    #[collect(require_static)]
    items_addr: Cell<usize>,
    /// The number of items.
    #[collect(require_static)]
    len: Cell<usize>,
    /// The items.
    items: RefLock<Vec<Value<'gc>>>,
}

/// Byte offset of a list's item-buffer address (a `usize`).
pub const LIST_ITEMS_OFFSET: i32 = 0;
/// Byte offset of a list's length (a `usize`).
pub const LIST_LEN_OFFSET: i32 = 8;

impl<'gc> List<'gc> {
    /// A list holding `items`.
    pub fn new(items: Vec<Value<'gc>>) -> List<'gc> {
        List {
            items_addr: Cell::new(items.as_ptr() as usize),
            len: Cell::new(items.len()),
            items: RefLock::new(items),
        }
    }

    /// The number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the list has no items.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items, for reading (panics while [`List::modify`] runs on them).
    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<Value<'gc>>> {
        self.items.borrow()
    }

    /// The items, for reading, unless [`List::modify`] is running on them.
    #[inline]
    pub fn try_borrow(&self) -> Result<Ref<'_, Vec<Value<'gc>>>, BorrowError> {
        self.items.try_borrow()
    }

    /// Runs `f` on the items (with the write barrier), then refreshes the
    /// mirrored address and length: the one way to change a list.
    #[inline]
    pub fn modify<R>(
        this: Gc<'gc, List<'gc>>,
        mc: &Mutation<'gc>,
        f: impl FnOnce(&mut Vec<Value<'gc>>) -> R,
    ) -> R {
        let mut items = unlock!(Gc::write(mc, this), List, items).borrow_mut();
        let out = f(&mut items);
        this.items_addr.set(items.as_ptr() as usize);
        this.len.set(items.len());
        out
    }
}

/// A code object: language-specific static data plus heap constants.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Code<'gc> {
    /// The language whose interpreter runs this code.
    pub lang: LangId,
    /// The instructions and metadata, as the language defines them.
    #[collect(require_static)]
    pub data: Box<dyn Any>,
    /// Constants the instructions refer to by index.
    pub consts: Vec<Value<'gc>>,
}

impl Code<'_> {
    /// The language's static data, if it has type `T`.
    pub fn data<T: Any>(&self) -> Option<&T> {
        self.data.downcast_ref::<T>()
    }
}

/// The key of a dict entry: immediates by value, strings by content, other
/// objects by identity. Languages normalise their own equalities (Python's
/// `1 == 1.0 == True`, PHP's `"1"` ⇒ `1`) before building keys.
#[derive(Copy, Clone, Collect)]
#[collect(no_drop)]
pub struct Key<'gc>(pub Value<'gc>);

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (Value::Str(a), Value::Str(b)) => {
                Gc::ptr_eq(a, b) || (a.hash == b.hash && a.as_str() == b.as_str())
            }
            // An append-built string is the same key as a `Str` of its text.
            (a @ (Value::Str(_) | Value::StrBuf(_)), b @ (Value::Str(_) | Value::StrBuf(_))) => {
                a.as_str() == b.as_str()
            }
            (Value::BigInt(a), Value::BigInt(b)) => a.0 == b.0,
            (a, b) => a.same(&b),
        }
    }
}
impl Eq for Key<'_> {}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.0 {
            Value::Str(s) => state.write_u64(s.hash),
            Value::StrBuf(s) => state.write_u64(s.hash_code()),
            Value::BigInt(b) => b.0.hash(state),
            v => {
                state.write_u8(v.tag().byte());
                state.write_u64(v.payload_bits());
            }
        }
    }
}

/// The hash a [`Dict`] files a key under: a mix of the key's own hash
/// (the string's cached hash, an immediate's bits).
#[inline]
fn dict_hash<Q: Hash + ?Sized>(k: &Q) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(k)
}

/// One entry of a [`Dict`]: its key, the key's [`dict_hash`] and the value.
#[derive(Copy, Clone, Collect)]
#[collect(no_drop)]
struct Bucket<'gc> {
    #[collect(require_static)]
    hash: u64,
    key: Key<'gc>,
    value: Value<'gc>,
}

/// The map inside a dict object: the entries in insertion order, found
/// through a hash table of their positions.
///
/// The shape of indexmap's map, with two differences that matter for large
/// dicts, where a lookup is bound by cache misses: the table holds 32-bit
/// positions, half the footprint of indexmap's `usize` (CPython shrinks its
/// index arrays for the same reason), and a probe compares the entry's
/// stored hash before its key, so a table candidate with another key does
/// not load that key's string.
#[derive(Clone, Default, Collect)]
#[collect(no_drop)]
pub struct Dict<'gc> {
    entries: Vec<Bucket<'gc>>,
    #[collect(require_static)]
    table: hashbrown::HashTable<u32>,
}

/// The largest number of entries a [`Dict`] holds (positions are 32-bit).
const DICT_MAX: usize = u32::MAX as usize;

/// The position a [`Dict`]'s table stores for entry `i`.
#[inline]
fn dict_pos(i: usize) -> u32 {
    if i >= DICT_MAX {
        dict_too_large()
    }
    i as u32
}

/// The panic of a dict grown past [`DICT_MAX`] entries (160 GB of them);
/// out of line, so that insertion inlines.
#[cold]
#[inline(never)]
fn dict_too_large() -> ! {
    panic!("a dict of more than {DICT_MAX} entries")
}

impl<'gc> Dict<'gc> {
    /// An empty dict.
    pub fn new() -> Dict<'gc> {
        Dict::default()
    }

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> Dict<'gc> {
        Dict {
            entries: Vec::with_capacity(n),
            table: hashbrown::HashTable::with_capacity(n),
        }
    }

    /// The number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Makes room for `n` more entries.
    pub fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        let entries = &self.entries;
        self.table.reserve(n, |&i| entries[i as usize].hash);
    }

    /// The position of the entry of a key `q` equivalent to, whose hash is `hash`.
    #[inline]
    fn find<Q: ?Sized + Equivalent<Key<'gc>>>(&self, hash: u64, q: &Q) -> Option<usize> {
        let entries = &self.entries;
        self.table
            .find(hash, |&i| {
                let b = &entries[i as usize];
                b.hash == hash && q.equivalent(&b.key)
            })
            .map(|&i| i as usize)
    }

    /// The position of `q`'s entry.
    #[inline]
    pub fn get_index_of<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(&self, q: &Q) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        self.find(dict_hash(q), q)
    }

    /// The value of `q`'s entry.
    #[inline]
    pub fn get<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(&self, q: &Q) -> Option<&Value<'gc>> {
        self.get_index_of(q).map(|i| &self.entries[i].value)
    }

    /// The value of `q`'s entry, for changing it.
    #[inline]
    pub fn get_mut<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(
        &mut self,
        q: &Q,
    ) -> Option<&mut Value<'gc>> {
        self.get_index_of(q).map(|i| &mut self.entries[i].value)
    }

    /// The position, key and value of `q`'s entry.
    pub fn get_full<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(
        &self,
        q: &Q,
    ) -> Option<(usize, &Key<'gc>, &Value<'gc>)> {
        self.get_index_of(q).map(|i| {
            let b = &self.entries[i];
            (i, &b.key, &b.value)
        })
    }

    /// Whether `q` has an entry.
    #[inline]
    pub fn contains_key<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(&self, q: &Q) -> bool {
        self.get_index_of(q).is_some()
    }

    /// The key and value of entry `i`.
    #[inline]
    pub fn get_index(&self, i: usize) -> Option<(&Key<'gc>, &Value<'gc>)> {
        self.entries.get(i).map(|b| (&b.key, &b.value))
    }

    /// The key and value of entry `i`, the value for changing it.
    #[inline]
    pub fn get_index_mut(&mut self, i: usize) -> Option<(&Key<'gc>, &mut Value<'gc>)> {
        self.entries.get_mut(i).map(|b| (&b.key, &mut b.value))
    }

    /// The first entry.
    pub fn first(&self) -> Option<(&Key<'gc>, &Value<'gc>)> {
        self.get_index(0)
    }

    /// The last entry.
    pub fn last(&self) -> Option<(&Key<'gc>, &Value<'gc>)> {
        self.entries.last().map(|b| (&b.key, &b.value))
    }

    /// Binds `k` to `v`: an existing key keeps its position (and its key
    /// object) and the old value is returned.
    #[inline]
    pub fn insert(&mut self, k: Key<'gc>, v: Value<'gc>) -> Option<Value<'gc>> {
        self.insert_full(k, v).1
    }

    /// [`Dict::insert`], also giving the entry's position.
    #[inline]
    pub fn insert_full(&mut self, k: Key<'gc>, v: Value<'gc>) -> (usize, Option<Value<'gc>>) {
        match self.entry(k) {
            Entry::Occupied(mut e) => (e.index(), Some(e.insert(v))),
            Entry::Vacant(e) => {
                let i = e.index();
                e.insert(v);
                (i, None)
            }
        }
    }

    /// The entry of `k`, for reading, changing or filling it with one probe.
    #[inline]
    pub fn entry(&mut self, k: Key<'gc>) -> Entry<'_, 'gc> {
        let hash = dict_hash(&k);
        match self.find(hash, &k) {
            Some(index) => Entry::Occupied(OccupiedEntry { dict: self, index }),
            None => Entry::Vacant(VacantEntry {
                dict: self,
                hash,
                key: k,
            }),
        }
    }

    /// Appends an entry for a key known to be absent.
    #[inline]
    fn push(&mut self, hash: u64, key: Key<'gc>, value: Value<'gc>) -> usize {
        let i = self.entries.len();
        let entries = &self.entries;
        self.table
            .insert_unique(hash, dict_pos(i), |&j| entries[j as usize].hash);
        self.entries.push(Bucket { hash, key, value });
        i
    }

    /// Removes `q`'s entry, moving the later ones up: the order stays.
    pub fn shift_remove<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(
        &mut self,
        q: &Q,
    ) -> Option<Value<'gc>> {
        let i = self.get_index_of(q)?;
        self.shift_remove_index(i).map(|(_, v)| v)
    }

    /// Removes entry `i`, moving the later ones up.
    pub fn shift_remove_index(&mut self, i: usize) -> Option<(Key<'gc>, Value<'gc>)> {
        let hash = self.entries.get(i)?.hash;
        self.unfile(hash, i);
        let b = self.entries.remove(i);
        // Entries i.. were at i + 1..: renumber their positions, by
        // looking each one up when they are few, else in one pass over the table.
        let moved = self.entries.len() - i;
        if moved < self.table.len() / 8 {
            for j in i..self.entries.len() {
                let h = self.entries[j].hash;
                if let Some(p) = self.table.find_mut(h, |&p| p as usize == j + 1) {
                    *p = j as u32;
                }
            }
        } else {
            for p in self.table.iter_mut() {
                if *p as usize > i {
                    *p -= 1;
                }
            }
        }
        Some((b.key, b.value))
    }

    /// Removes `q`'s entry, moving the last entry into its place.
    pub fn swap_remove<Q: ?Sized + Hash + Equivalent<Key<'gc>>>(
        &mut self,
        q: &Q,
    ) -> Option<Value<'gc>> {
        let i = self.get_index_of(q)?;
        let hash = self.entries[i].hash;
        self.unfile(hash, i);
        let last = self.entries.len() - 1;
        if i != last {
            let h = self.entries[last].hash;
            if let Some(p) = self.table.find_mut(h, |&p| p as usize == last) {
                *p = i as u32;
            }
        }
        Some(self.entries.swap_remove(i).value)
    }

    /// Removes and returns the last entry.
    pub fn pop(&mut self) -> Option<(Key<'gc>, Value<'gc>)> {
        let b = *self.entries.last()?;
        self.unfile(b.hash, self.entries.len() - 1);
        self.entries.pop();
        Some((b.key, b.value))
    }

    /// Takes position `i`, filed under `hash`, out of the table.
    fn unfile(&mut self, hash: u64, i: usize) {
        if let Ok(e) = self.table.find_entry(hash, |&p| p as usize == i) {
            e.remove();
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.table.clear();
    }

    /// Keeps the entries `keep` accepts, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Key<'gc>, &mut Value<'gc>) -> bool) {
        let before = self.entries.len();
        self.entries.retain_mut(|b| keep(&b.key, &mut b.value));
        if self.entries.len() != before {
            self.refile();
        }
    }

    /// Sorts the entries with `cmp` (stable).
    pub fn sort_by(
        &mut self,
        mut cmp: impl FnMut(&Key<'gc>, &Value<'gc>, &Key<'gc>, &Value<'gc>) -> std::cmp::Ordering,
    ) {
        self.entries
            .sort_by(|a, b| cmp(&a.key, &a.value, &b.key, &b.value));
        self.refile();
    }

    /// Reverses the order of the entries.
    pub fn reverse(&mut self) {
        self.entries.reverse();
        self.refile();
    }

    /// Rebuilds the table after the entries moved.
    fn refile(&mut self) {
        self.table.clear();
        let entries = &self.entries;
        for (i, b) in entries.iter().enumerate() {
            self.table
                .insert_unique(b.hash, i as u32, |&j| entries[j as usize].hash);
        }
    }

    /// The entries in order.
    #[inline]
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&Key<'gc>, &Value<'gc>)> + ExactSizeIterator + Clone {
        self.entries.iter().map(|b| (&b.key, &b.value))
    }

    /// The entries in order, the values for changing them.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&Key<'gc>, &mut Value<'gc>)> + ExactSizeIterator {
        self.entries.iter_mut().map(|b| (&b.key, &mut b.value))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Key<'gc>> + ExactSizeIterator + Clone {
        self.entries.iter().map(|b| &b.key)
    }

    /// The values in order.
    pub fn values(
        &self,
    ) -> impl DoubleEndedIterator<Item = &Value<'gc>> + ExactSizeIterator + Clone {
        self.entries.iter().map(|b| &b.value)
    }

    /// The values in order, for changing them.
    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Value<'gc>> + ExactSizeIterator {
        self.entries.iter_mut().map(|b| &mut b.value)
    }
}

impl<'gc> Extend<(Key<'gc>, Value<'gc>)> for Dict<'gc> {
    fn extend<I: IntoIterator<Item = (Key<'gc>, Value<'gc>)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl<'gc> FromIterator<(Key<'gc>, Value<'gc>)> for Dict<'gc> {
    fn from_iter<I: IntoIterator<Item = (Key<'gc>, Value<'gc>)>>(items: I) -> Self {
        let mut d = Dict::new();
        d.extend(items);
        d
    }
}

/// A key's place in a [`Dict`], from [`Dict::entry`].
pub enum Entry<'a, 'gc> {
    /// The key has an entry.
    Occupied(OccupiedEntry<'a, 'gc>),
    /// The key has none.
    Vacant(VacantEntry<'a, 'gc>),
}

/// An existing entry of a [`Dict`].
pub struct OccupiedEntry<'a, 'gc> {
    dict: &'a mut Dict<'gc>,
    index: usize,
}

impl<'a, 'gc> OccupiedEntry<'a, 'gc> {
    /// The entry's position.
    #[inline]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The stored key.
    #[inline]
    pub fn key(&self) -> &Key<'gc> {
        &self.dict.entries[self.index].key
    }

    /// The value.
    #[inline]
    pub fn get(&self) -> &Value<'gc> {
        &self.dict.entries[self.index].value
    }

    /// The value, for changing it.
    #[inline]
    pub fn get_mut(&mut self) -> &mut Value<'gc> {
        &mut self.dict.entries[self.index].value
    }

    /// The value, for changing it, for as long as the dict is borrowed.
    #[inline]
    pub fn into_mut(self) -> &'a mut Value<'gc> {
        &mut self.dict.entries[self.index].value
    }

    /// Replaces the value, returning the old one.
    #[inline]
    pub fn insert(&mut self, v: Value<'gc>) -> Value<'gc> {
        std::mem::replace(self.get_mut(), v)
    }

    /// Removes the entry, moving the later ones up.
    pub fn shift_remove(self) -> Value<'gc> {
        self.dict
            .shift_remove_index(self.index)
            .map(|(_, v)| v)
            .unwrap_or(Value::Absent)
    }
}

/// The place of a key a [`Dict`] has no entry for.
pub struct VacantEntry<'a, 'gc> {
    dict: &'a mut Dict<'gc>,
    hash: u64,
    key: Key<'gc>,
}

impl<'a, 'gc> VacantEntry<'a, 'gc> {
    /// The position the entry will have.
    #[inline]
    pub fn index(&self) -> usize {
        self.dict.entries.len()
    }

    /// The key.
    #[inline]
    pub fn key(&self) -> &Key<'gc> {
        &self.key
    }

    /// Adds the entry at the end.
    #[inline]
    pub fn insert(self, v: Value<'gc>) -> &'a mut Value<'gc> {
        let i = self.dict.push(self.hash, self.key, v);
        &mut self.dict.entries[i].value
    }
}

/// Allocates a string.
pub fn new_str<'gc>(mc: &Mutation<'gc>, s: &str) -> Value<'gc> {
    Value::Str(Gc::new(mc, Str::new(s)))
}

/// Allocates a string of `chars` (see [`Str::from_chars`]).
pub fn new_str_from_chars<'gc>(
    mc: &Mutation<'gc>,
    chars: impl Iterator<Item = char> + Clone,
) -> Value<'gc> {
    Value::Str(Gc::new(mc, Str::from_chars(chars)))
}

/// Allocates an empty list.
pub fn new_list<'gc>(mc: &Mutation<'gc>) -> Value<'gc> {
    new_list_from(mc, Vec::new())
}

/// Allocates a list holding `items`.
pub fn new_list_from<'gc>(mc: &Mutation<'gc>, items: Vec<Value<'gc>>) -> Value<'gc> {
    Value::List(Gc::new(mc, List::new(items)))
}

/// Allocates an empty dict.
pub fn new_dict<'gc>(mc: &Mutation<'gc>) -> Value<'gc> {
    Value::Dict(Gc::new(mc, RefLock::new(Dict::default())))
}

/// Allocates a record of `class` with `fields`.
pub fn new_record<'gc>(
    mc: &Mutation<'gc>,
    class: Value<'gc>,
    fields: Vec<Value<'gc>>,
) -> Value<'gc> {
    Value::Record(Gc::new(mc, Record::new(class, fields)))
}

/// Allocates a record of `class` with `len` fields, all None (without
/// building a `Vec` of them first).
pub fn new_record_of_nones<'gc>(mc: &Mutation<'gc>, class: Value<'gc>, len: usize) -> Value<'gc> {
    Value::Record(Gc::new(mc, Record::of_nones(class, len)))
}

/// Allocates a record of `class` with a copy of `fields`: the caller need
/// not build a `Vec` (callers that have the fields in a slice or on the
/// stack use this; the record's storage is its own business).
pub fn new_record_from<'gc>(
    mc: &Mutation<'gc>,
    class: Value<'gc>,
    fields: &[Value<'gc>],
) -> Value<'gc> {
    Value::Record(Gc::new(mc, Record::from_slice(class, fields)))
}

/// Allocates a code object.
pub fn new_code<'gc>(
    mc: &Mutation<'gc>,
    lang: LangId,
    data: Box<dyn Any>,
    consts: Vec<Value<'gc>>,
) -> Value<'gc> {
    Value::Code(Gc::new(mc, Code { lang, data, consts }))
}

/// An integer value: `Int` when it fits in 64 bits, else a bigint.
pub fn new_int<'gc>(mc: &Mutation<'gc>, i: num_bigint::BigInt) -> Value<'gc> {
    match i64::try_from(&i) {
        Ok(small) => Value::Int(small),
        Err(_) => Value::BigInt(Gc::new(mc, BigInt(i))),
    }
}

#[inline]
fn list_of<'gc>(l: Value<'gc>) -> Gc<'gc, List<'gc>> {
    match l {
        Value::List(p) => p,
        other => panic!("list operation on {:?}", other.tag()),
    }
}

#[inline]
fn dict_of<'gc>(d: Value<'gc>) -> Gc<'gc, RefLock<Dict<'gc>>> {
    match d {
        Value::Dict(p) => p,
        other => panic!("dict operation on {:?}", other.tag()),
    }
}

#[inline]
fn record_of<'gc>(r: Value<'gc>) -> Gc<'gc, Record<'gc>> {
    match r {
        Value::Record(p) => p,
        other => panic!("record operation on {:?}", other.tag()),
    }
}

/// Number of items in a list.
#[inline]
pub fn list_len(l: Value<'_>) -> i64 {
    list_of(l).len() as i64
}

/// Item `i` of a list (`0 <= i < len`, checked by the caller).
#[inline]
pub fn list_get<'gc>(l: Value<'gc>, i: i64) -> Value<'gc> {
    list_of(l).borrow()[i as usize]
}

/// A copy of a list's items.
pub fn list_items<'gc>(l: Value<'gc>) -> Vec<Value<'gc>> {
    list_of(l).borrow().clone()
}

/// Replaces item `i` of a list.
#[inline]
pub fn list_set<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, i: i64, v: Value<'gc>) {
    List::modify(list_of(l), mc, |items| items[i as usize] = v);
}

/// Appends to a list.
#[inline]
pub fn list_append<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, v: Value<'gc>) {
    List::modify(list_of(l), mc, |items| items.push(v));
}

/// Removes and returns the last item (the list is non-empty, checked by the caller).
pub fn list_pop<'gc>(mc: &Mutation<'gc>, l: Value<'gc>) -> Value<'gc> {
    List::modify(list_of(l), mc, |items| items.pop()).expect("pop from an empty list")
}

/// Shortens a list to `n` items (no-op when it is not longer).
#[inline]
pub fn list_truncate<'gc>(mc: &Mutation<'gc>, l: Value<'gc>, n: i64) {
    let list = list_of(l);
    let n = n.max(0) as usize;
    // Not longer: nothing to write, so no write barrier either.
    if list.len() > n {
        List::modify(list, mc, |items| items.truncate(n));
    }
}

/// Runs `f` on a list's items, for changes the functions above do not
/// cover (splicing, sorting, reversing); keeps the list's mirrored layout
/// up to date.
pub fn list_modify<'gc, R>(
    mc: &Mutation<'gc>,
    l: Value<'gc>,
    f: impl FnOnce(&mut Vec<Value<'gc>>) -> R,
) -> R {
    List::modify(list_of(l), mc, f)
}

/// Looks `k` up in a dict; [`Value::Absent`] when missing.
#[inline]
pub fn dict_get<'gc>(d: Value<'gc>, k: Value<'gc>) -> Value<'gc> {
    dict_of(d)
        .borrow()
        .get(&Key(k))
        .copied()
        .unwrap_or(Value::Absent)
}

/// Binds `k` to `v` in a dict (an existing key keeps its position).
pub fn dict_set<'gc>(mc: &Mutation<'gc>, d: Value<'gc>, k: Value<'gc>, v: Value<'gc>) {
    dict_of(d).borrow_mut(mc).insert(Key(k), v);
}

/// Removes `k` from a dict; returns whether it was there.
pub fn dict_del<'gc>(mc: &Mutation<'gc>, d: Value<'gc>, k: Value<'gc>) -> bool {
    dict_of(d).borrow_mut(mc).shift_remove(&Key(k)).is_some()
}

/// Number of entries in a dict.
pub fn dict_len(d: Value<'_>) -> i64 {
    dict_of(d).borrow().len() as i64
}

/// A copy of a dict's entries in insertion order.
pub fn dict_entries<'gc>(d: Value<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
    dict_of(d).borrow().iter().map(|(k, v)| (k.0, *v)).collect()
}

/// Field `i` of a record.
#[inline]
pub fn get_field<'gc>(r: Value<'gc>, i: u32) -> Value<'gc> {
    record_of(r).get(i as usize)
}

/// Sets field `i` of a record.
#[inline]
pub fn set_field<'gc>(mc: &Mutation<'gc>, r: Value<'gc>, i: u32, v: Value<'gc>) {
    Record::set(record_of(r), mc, i as usize, v);
}

/// The class of a record.
#[inline]
pub fn record_class<'gc>(r: Value<'gc>) -> Value<'gc> {
    record_of(r).class
}

/// Number of fields of a record.
pub fn record_len(r: Value<'_>) -> u32 {
    record_of(r).len as u32
}

/// The address of field `i < len` of record `r` (fixed for the record's
/// life; for machine code that reads a constant record's fields).
pub fn record_field_addr(r: Value<'_>, i: u32) -> usize {
    record_of(r).field_addr(i as usize)
}

/// The code object behind `v`.
pub fn as_code<'gc>(v: Value<'gc>) -> Option<&'gc Code<'gc>> {
    match v {
        Value::Code(c) => Some(Gc::as_ref(c)),
        _ => None,
    }
}

/// Formats a float the way the IR text form (and Python's `repr`) does: the
/// shortest digits that round-trip, always with a `.` or an exponent.
pub fn float_literal(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{x:?}");
    if s.contains('.') || s.contains('e') || s.contains("inf") {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc_arena::arena::rootless_mutate;

    /// The mirrored words equal the vector's buffer address and length.
    fn assert_mirrored(l: Value<'_>) {
        let list = list_of(l);
        let items = list.borrow();
        assert_eq!(list.items_addr.get(), items.as_ptr() as usize);
        assert_eq!(list.len.get(), items.len());
        assert_eq!(list_len(l), items.len() as i64);
    }

    #[test]
    fn a_str_allocation_is_a_power_of_two() {
        // 16 bytes of gc-arena header plus the `Str` (see `STR_INLINE`).
        assert_eq!(std::mem::size_of::<Str>() + 16, 64);
    }

    #[test]
    fn strings_short_and_long_keep_their_text_and_hash() {
        for n in [0, 1, STR_INLINE - 1, STR_INLINE, STR_INLINE + 1, 200] {
            let t: String = "é".repeat(n / 2) + &"x".repeat(n % 2);
            let s = Str::new(&t);
            assert_eq!(s.as_str(), t);
            let mut h = rustc_hash::FxHasher::default();
            t.hash(&mut h);
            assert_eq!(s.hash_code(), h.finish());
            assert!(matches!(s.text, Text::Inline(_)) == (t.len() <= STR_INLINE));
            let c = Str::from_chars(t.chars());
            assert_eq!(c.as_str(), t);
            assert_eq!(c.hash_code(), s.hash_code());
        }
    }

    /// The dict's entries and lookups agree with a model (a vector of
    /// pairs) after every change.
    fn assert_dict_matches(d: &Dict<'_>, model: &[(i64, i64)]) {
        assert_eq!(d.len(), model.len());
        for (i, (&(k, v), (dk, dv))) in model.iter().zip(d.iter()).enumerate() {
            assert!(dk.0.same(&Value::Int(k)) && dv.same(&Value::Int(v)));
            assert_eq!(d.get_index_of(&Key(Value::Int(k))), Some(i));
            assert!(d.get(&Key(Value::Int(k))).unwrap().same(&Value::Int(v)));
        }
        assert!(d.get(&Key(Value::Int(-1))).is_none());
    }

    #[test]
    fn dict_keeps_insertion_order_through_removals_and_growth() {
        let mut d = Dict::new();
        let mut model: Vec<(i64, i64)> = Vec::new();
        for k in 0..300 {
            assert!(d.insert(Key(Value::Int(k)), Value::Int(k * 10)).is_none());
            model.push((k, k * 10));
        }
        assert_dict_matches(&d, &model);
        // Rebinding keeps the position.
        assert!(d
            .insert(Key(Value::Int(5)), Value::Int(-5))
            .unwrap()
            .same(&Value::Int(50)));
        model[5].1 = -5;
        assert_dict_matches(&d, &model);
        // Shift removal near the end (few entries move: renumbered by
        // lookup) and near the front (many: renumbered in one pass).
        for k in [297, 3, 150, 0, 299] {
            assert!(d.shift_remove(&Key(Value::Int(k))).is_some());
            model.retain(|e| e.0 != k);
            assert_dict_matches(&d, &model);
        }
        assert!(d.shift_remove(&Key(Value::Int(3))).is_none());
        // Swap removal moves the last entry into the hole.
        let at = model.iter().position(|e| e.0 == 10).unwrap();
        assert!(d.swap_remove(&Key(Value::Int(10))).is_some());
        model.swap_remove(at);
        assert_dict_matches(&d, &model);
        assert!(d
            .pop()
            .unwrap()
            .0
             .0
            .same(&Value::Int(model.pop().unwrap().0)));
        assert_dict_matches(&d, &model);
        d.retain(|k, _| !matches!(k.0, Value::Int(i) if i % 3 == 0));
        model.retain(|e| e.0 % 3 != 0);
        assert_dict_matches(&d, &model);
        d.reverse();
        model.reverse();
        assert_dict_matches(&d, &model);
        d.sort_by(|a, _, b, _| match (a.0, b.0) {
            (Value::Int(x), Value::Int(y)) => x.cmp(&y),
            _ => unreachable!(),
        });
        model.sort();
        assert_dict_matches(&d, &model);
        match d.entry(Key(Value::Int(1000))) {
            Entry::Vacant(e) => {
                assert_eq!(e.index(), model.len());
                e.insert(Value::Int(1));
            }
            Entry::Occupied(_) => unreachable!(),
        }
        model.push((1000, 1));
        match d.entry(Key(Value::Int(1000))) {
            Entry::Occupied(mut e) => {
                assert!(e.insert(Value::Int(2)).same(&Value::Int(1)));
            }
            Entry::Vacant(_) => unreachable!(),
        }
        model.last_mut().unwrap().1 = 2;
        assert_dict_matches(&d, &model);
        d.clear();
        assert_dict_matches(&d, &[]);
    }

    #[test]
    fn dict_string_keys_match_by_text_and_probe_by_hash() {
        rootless_mutate(|mc| {
            let mut d = Dict::new();
            for i in 0..1000 {
                d.insert(Key(new_str(mc, &format!("k{i:x}"))), Value::Int(i));
            }
            for i in 0..1000 {
                // A different string object with the same text finds the entry.
                let k = new_str(mc, &format!("k{i:x}"));
                assert!(d.get(&Key(k)).unwrap().same(&Value::Int(i)));
            }
            assert!(d.get(&Key(new_str(mc, "k"))).is_none());
            // Ints and strings are different keys even if their text agrees.
            assert!(d.get(&Key(Value::Int(1))).is_none());
        });
    }

    #[test]
    fn a_record_from_a_slice_has_those_fields() {
        rootless_mutate(|mc| {
            let class = new_str(mc, "C");
            let r = new_record_from(mc, class, &[Value::Int(1), Value::Bool(true)]);
            assert_eq!(record_len(r), 2);
            assert!(record_class(r).same(&class));
            assert!(get_field(r, 0).same(&Value::Int(1)));
            assert!(get_field(r, 1).same(&Value::Bool(true)));
            set_field(mc, r, 1, Value::None);
            assert!(get_field(r, 1).same(&Value::None));
            let empty = new_record_from(mc, class, &[]);
            assert_eq!(record_len(empty), 0);
        });
    }

    #[test]
    fn record_layout_is_as_documented() {
        assert_eq!(
            std::mem::offset_of!(Record, class) as i32,
            RECORD_CLASS_OFFSET
        );
        assert_eq!(std::mem::offset_of!(Record, len) as i32, RECORD_LEN_OFFSET);
        assert_eq!(
            std::mem::offset_of!(Record, spill_addr) as i32,
            RECORD_SPILL_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(Record, inline) as i32,
            RECORD_INLINE_OFFSET
        );
        assert_eq!(std::mem::size_of::<Lock<Value<'_>>>(), 16);
    }

    #[test]
    fn records_longer_than_the_inline_slots_spill_the_rest() {
        rootless_mutate(|mc| {
            let class = new_str(mc, "C");
            for n in [
                0,
                1,
                RECORD_INLINE - 1,
                RECORD_INLINE,
                RECORD_INLINE + 1,
                40,
            ] {
                let fields: Vec<Value> = (0..n as i64).map(Value::Int).collect();
                let r = new_record(mc, class, fields.clone());
                let s = new_record_from(mc, class, &fields);
                let nones = new_record_of_nones(mc, class, n);
                for i in 0..n as u32 {
                    assert!(get_field(nones, i).same(&Value::None));
                    set_field(mc, nones, i, Value::Int(i as i64));
                }
                for rec in [r, s, nones] {
                    assert_eq!(record_len(rec), n as u32);
                    for i in 0..n as u32 {
                        assert!(get_field(rec, i).same(&Value::Int(i as i64)));
                        set_field(mc, rec, i, Value::Int(-(i as i64)));
                    }
                    let Value::Record(p) = rec else {
                        unreachable!()
                    };
                    let base = Gc::as_ptr(p) as usize;
                    for i in 0..n {
                        assert!(p.get(i).same(&Value::Int(-(i as i64))));
                        let addr = record_field_addr(rec, i as u32);
                        if i < RECORD_INLINE {
                            assert_eq!(addr, base + RECORD_INLINE_OFFSET as usize + 16 * i);
                        } else {
                            assert_eq!(addr, p.spill_addr + 16 * (i - RECORD_INLINE));
                        }
                    }
                    assert_eq!(p.fields().len(), n);
                }
            }
        });
    }

    #[test]
    #[should_panic(expected = "field 2 of a record of 2")]
    fn a_field_past_the_end_panics_even_when_its_slot_is_inline() {
        rootless_mutate(|mc| {
            let r = new_record_from(mc, Value::None, &[Value::Int(1), Value::Int(2)]);
            get_field(r, 2);
        });
    }

    #[test]
    fn list_layout_is_as_documented() {
        assert_eq!(
            std::mem::offset_of!(List, items_addr) as i32,
            LIST_ITEMS_OFFSET
        );
        assert_eq!(std::mem::offset_of!(List, len) as i32, LIST_LEN_OFFSET);
    }

    #[test]
    fn every_list_change_refreshes_the_mirrored_layout() {
        rootless_mutate(|mc| {
            let l = new_list(mc);
            assert_mirrored(l);
            // Growing reallocates the buffer several times.
            for i in 0..100 {
                list_append(mc, l, Value::Int(i));
                assert_mirrored(l);
            }
            list_set(mc, l, 3, Value::Bool(true));
            assert_mirrored(l);
            assert!(list_pop(mc, l).same(&Value::Int(99)));
            assert_mirrored(l);
            list_truncate(mc, l, 10);
            assert_mirrored(l);
            list_modify(mc, l, |items| {
                items.shrink_to_fit();
                items.splice(0..2, [Value::None; 50]);
            });
            assert_mirrored(l);
            assert_eq!(list_len(l), 58);
            list_modify(mc, l, |items| items.clear());
            assert_mirrored(l);
            let from = new_list_from(mc, vec![Value::Int(1); 7]);
            assert_mirrored(from);
        });
    }
}
