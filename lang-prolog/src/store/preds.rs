//! A predicate's clauses: the logical update view by generations and the
//! first-argument index (session 14).
//!
//! - **Generations.** The machine counts database changes
//!   ([`DbState::gen`]); each clause entry carries the generation that
//!   added it and the one that erased it ([`Ent`]). A call remembers the
//!   generation it started at and sees exactly the clauses alive then (the
//!   ISO logical update view, as SWI-Prolog does it), so assert and retract
//!   change the clause list in place: amortized O(1) each, instead of a
//!   copy of the list per change.
//! - **Stable positions.** The list is two vectors ([`Seq`]): `asserta`
//!   pushes on the front one, `assertz` on the back one, so a position
//!   (negative in front) stays valid while a choicepoint iterates.
//! - **Reclaiming.** Erased entries stay until no choicepoint iterates the
//!   predicate (a shared [`Pred::pin`] counts them) and they outnumber the
//!   live ones; then the list is rebuilt without them ([`Pred::compact`]).
//!   A fact's clause id is freed at once (no code pointer can name a fact:
//!   its code is a single `Proceed`); a rule's when the goal ends.
//! - **Index.** A predicate with at least [`INDEX_MIN`] clauses and few
//!   clauses with a variable first argument gets a hash from first-argument
//!   key to a bucket: the positions of the clauses with that key and of the
//!   variable-key ones, in clause order. A call with a bound first argument
//!   walks its bucket only, and leaves no choicepoint when the bucket holds
//!   one candidate. Small predicates keep the linear scan (the key is in
//!   the entry, no clause is touched).
//! - **Switch** (session 15). A small predicate unchanged since it was
//!   imported has a precomputed switch ([`Pred::sw`], [`Hit`]): per
//!   first-argument key, the first candidate's clause id and the position
//!   of the second one. A new call sees exactly the entries not erased, so
//!   it needs no scan and no generation test; any change to the clause
//!   list drops the switch (the scan takes over). Backtracking into the
//!   call's choicepoint scans from the second candidate as before.
//! - **SSU predicates** ([`Pred::ssu`], session 15): the translation's
//!   last clause (`'$ssu_no_match'/1`, raising the no-matching-rule error)
//!   is not in the list; the machine raises the error when no candidate is
//!   left, so a call with one candidate rule pushes no choicepoint.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::store::compile::Clause;
use crate::store::words::Word;

/// `died` of a clause not erased.
pub const ALIVE: u64 = u64::MAX;
/// Live clauses from which a predicate is indexed.
pub const INDEX_MIN: usize = 8;
/// Most clauses with a variable first argument in an indexed predicate
/// (each is in every bucket).
const VAR_MAX: usize = 4;
/// Flag in an iteration's predicate field: it walks an index bucket.
pub const BUCKET: u32 = 1 << 31;

/// The database state of the machine (kept between goals).
pub struct DbState {
    /// Database changes so far (each assert and retract adds one).
    pub gen: u64,
    /// Clause ids free for reuse.
    pub free: Vec<u32>,
    /// Erased rules whose ids are freed when the goal ends (a frame of
    /// the running goal may still continue in one).
    pub dead_rules: Vec<u32>,
    /// The clause a freed id holds.
    pub empty: Rc<Clause>,
}

impl Default for DbState {
    fn default() -> Self {
        DbState {
            gen: 1,
            free: Vec::new(),
            dead_rules: Vec::new(),
            empty: Rc::new(Clause::default()),
        }
    }
}

/// A clause entry of a predicate.
#[derive(Clone, Copy)]
pub struct Ent {
    /// Clause id.
    pub id: u32,
    /// First-argument key (0: matches anything).
    pub key: Word,
    /// Generation that added it.
    pub born: u64,
    /// Generation that erased it ([`ALIVE`]: none).
    pub died: u64,
}

impl Ent {
    /// Whether a call started at generation `g` sees it.
    #[inline(always)]
    pub fn visible(&self, g: u64) -> bool {
        self.born <= g && g < self.died
    }
}

/// A sequence with positions that stay valid under pushes at both ends:
/// position `p < 0` is `front[-p - 1]`, `p >= 0` is `back[p]`.
#[derive(Clone)]
pub struct Seq<T> {
    front: Vec<T>,
    back: Vec<T>,
}

impl<T> Default for Seq<T> {
    fn default() -> Self {
        Seq {
            front: Vec::new(),
            back: Vec::new(),
        }
    }
}

impl<T: Copy> Seq<T> {
    /// The first position.
    #[inline(always)]
    pub fn start(&self) -> i32 {
        -(self.front.len() as i32)
    }
    /// One past the last position.
    #[inline(always)]
    pub fn end(&self) -> i32 {
        self.back.len() as i32
    }
    /// The element at position `p`.
    #[inline(always)]
    pub fn get(&self, p: i32) -> T {
        if p < 0 {
            self.front[(-p - 1) as usize]
        } else {
            self.back[p as usize]
        }
    }
    fn get_mut(&mut self, p: i32) -> &mut T {
        if p < 0 {
            &mut self.front[(-p - 1) as usize]
        } else {
            &mut self.back[p as usize]
        }
    }
    /// Adds `x` first or last; its position.
    pub fn push(&mut self, x: T, front: bool) -> i32 {
        if front {
            self.front.push(x);
            -(self.front.len() as i32)
        } else {
            self.back.push(x);
            self.back.len() as i32 - 1
        }
    }
    /// The elements in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.front.iter().rev().chain(self.back.iter())
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.front.len() + self.back.len()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A first-argument index: bucket 0 holds the variable-key clauses (the
/// candidates of a key no clause has).
#[derive(Clone, Default)]
pub struct Index {
    map: FxHashMap<Word, u32>,
    /// Clause positions per bucket, in clause order.
    buckets: Vec<Seq<i32>>,
}

/// A user predicate.
#[derive(Clone)]
pub struct Pred {
    /// Name atom id.
    pub name: u32,
    /// Arity.
    pub arity: usize,
    /// Clause entries in order, erased ones included until reclaimed.
    pub cls: Seq<Ent>,
    /// Entries not erased.
    pub live: usize,
    /// Entries erased (not yet reclaimed).
    pub dead: usize,
    /// Live entries with a variable first argument.
    pub varkeys: usize,
    /// Every entry before this position is erased (where a new call
    /// starts its scan).
    pub first: i32,
    /// First-argument index (large predicates).
    pub index: Option<Box<Index>>,
    /// The switch of an unchanged small predicate ([`Pred::build_switch`];
    /// any change drops it).
    pub sw: Option<Box<[Hit]>>,
    /// Cloned by each choicepoint iterating the clauses: while shared, no
    /// position may change.
    pub pin: Rc<()>,
    /// Declared dynamic (or created by assert).
    pub dynamic: bool,
    /// Defined (a call with no clauses fails instead of raising).
    pub defined: bool,
    /// Made of SSU rules (`Head => Body`): a call that no rule matches
    /// raises `existence_error(matching_rule, Goal)` (the translation's
    /// last clause, `'$ssu_no_match'/1`, is not in `cls`).
    pub ssu: bool,
}

impl Pred {
    /// A predicate with no clauses.
    pub fn new(name: u32, arity: usize, dynamic: bool, defined: bool) -> Pred {
        Pred {
            name,
            arity,
            cls: Seq::default(),
            live: 0,
            dead: 0,
            varkeys: 0,
            first: 0,
            index: None,
            sw: None,
            pin: Rc::new(()),
            dynamic,
            defined,
            ssu: false,
        }
    }

    /// Whether a choicepoint iterates the clauses.
    #[inline]
    pub fn pinned(&self) -> bool {
        Rc::strong_count(&self.pin) > 1
    }

    /// The ids of the live clauses, in order.
    pub fn live_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.cls.iter().filter(|e| e.died == ALIVE).map(|e| e.id)
    }

    /// Adds clause `id` (first-argument key `key`) at generation `gen`,
    /// first or last.
    pub fn add(&mut self, id: u32, key: Word, gen: u64, front: bool) {
        self.sw = None;
        let pos = self.cls.push(
            Ent {
                id,
                key,
                born: gen,
                died: ALIVE,
            },
            front,
        );
        self.live += 1;
        if key == 0 {
            self.varkeys += 1;
        }
        if front {
            self.first = pos;
        }
        match &mut self.index {
            Some(ix) => {
                if key == 0 {
                    if self.varkeys > VAR_MAX && Rc::strong_count(&self.pin) == 1 {
                        // every bucket would hold many: scan instead
                        self.index = None;
                        return;
                    }
                    for b in ix.buckets.iter_mut() {
                        b.push(pos, front);
                    }
                } else {
                    let b = match ix.map.get(&key) {
                        Some(&b) => b as usize,
                        None => {
                            let b = ix.buckets[0].clone();
                            ix.buckets.push(b);
                            let n = ix.buckets.len() - 1;
                            ix.map.insert(key, n as u32);
                            n
                        }
                    };
                    ix.buckets[b].push(pos, front);
                }
            }
            None => {
                if self.live >= INDEX_MIN && self.varkeys <= VAR_MAX {
                    self.build_index();
                }
            }
        }
    }

    /// Builds the index from the entries (live and erased).
    fn build_index(&mut self) {
        let mut ix = Index {
            map: FxHashMap::default(),
            buckets: vec![Seq::default()],
        };
        let mut pos = self.cls.start();
        while pos < self.cls.end() {
            let e = self.cls.get(pos);
            pos += 1;
            if e.key == 0 {
                for b in ix.buckets.iter_mut() {
                    b.push(pos - 1, false);
                }
            } else {
                let b = match ix.map.get(&e.key) {
                    Some(&b) => b as usize,
                    None => {
                        let b = ix.buckets[0].clone();
                        ix.buckets.push(b);
                        let n = ix.buckets.len() - 1;
                        ix.map.insert(e.key, n as u32);
                        n
                    }
                };
                ix.buckets[b].push(pos - 1, false);
            }
        }
        self.index = Some(Box::new(ix));
    }

    /// Erases the entry at position `pos` at generation `gen`; its clause
    /// id. Positions do not change (see [`Pred::compact`]).
    pub fn erase(&mut self, pos: i32, gen: u64) -> u32 {
        self.sw = None;
        let e = self.cls.get_mut(pos);
        debug_assert!(e.died == ALIVE);
        e.died = gen;
        let (id, key) = (e.id, e.key);
        self.live -= 1;
        self.dead += 1;
        if key == 0 {
            self.varkeys -= 1;
        }
        if pos == self.first {
            let end = self.cls.end();
            while self.first < end && self.cls.get(self.first).died != ALIVE {
                self.first += 1;
            }
        }
        id
    }

    /// Erases every live entry at generation `gen`; their ids.
    pub fn erase_all(&mut self, gen: u64) -> Vec<u32> {
        let mut out = Vec::new();
        let mut pos = self.cls.start();
        while pos < self.cls.end() {
            if self.cls.get(pos).died == ALIVE {
                out.push(self.erase(pos, gen));
            }
            pos += 1;
        }
        out
    }

    /// Whether the erased entries should be dropped now.
    #[inline]
    pub fn wants_compact(&self) -> bool {
        self.dead > 8 && self.dead > self.live && !self.pinned()
    }

    /// Drops the erased entries (no choicepoint iterates the clauses:
    /// positions change); their clause ids.
    pub fn compact(&mut self) -> Vec<u32> {
        debug_assert!(!self.pinned());
        // positions change: a switch is rebuilt (the erased entries were
        // not in it, so it stays a switch of the same clauses)
        let had_switch = self.sw.take().is_some();
        let mut dead = Vec::with_capacity(self.dead);
        let mut back = Vec::with_capacity(self.live);
        for e in self.cls.iter() {
            if e.died == ALIVE {
                back.push(*e);
            } else {
                dead.push(e.id);
            }
        }
        self.cls = Seq {
            front: Vec::new(),
            back,
        };
        self.dead = 0;
        self.first = 0;
        self.index = None;
        if self.live >= INDEX_MIN && self.varkeys <= VAR_MAX {
            self.build_index();
        }
        if had_switch {
            self.build_switch();
        }
        dead
    }

    /// Precomputes the switch of a small predicate (no index) from its
    /// live entries: a call that finds it knows its first candidate and
    /// where the second one is without scanning entries or testing
    /// generations (at a new call, an entry is visible exactly when it is
    /// not erased). Built when a predicate is imported; any change to the
    /// clause list drops it (the scan takes over).
    pub fn build_switch(&mut self) {
        self.sw = None;
        if self.index.is_some() || self.live == 0 {
            return;
        }
        let mut live: Vec<(i32, Ent)> = Vec::with_capacity(self.live);
        let mut pos = self.cls.start();
        while pos < self.cls.end() {
            let e = self.cls.get(pos);
            if e.died == ALIVE {
                live.push((pos, e));
            }
            pos += 1;
        }
        let hit = |key: Word, take: &dyn Fn(Word) -> bool| {
            let mut c = live.iter().filter(|(_, e)| take(e.key));
            let first = c.next();
            let second = c.next();
            Hit {
                key,
                id: first.map_or(NO_CLAUSE, |x| x.1.id),
                next: second.map_or(NO_NEXT, |x| x.0),
            }
        };
        let mut sw = vec![hit(0, &|_| true)];
        for &(_, e) in &live {
            if e.key != 0 && !sw[1..].iter().any(|h| h.key == e.key) {
                sw.push(hit(e.key, &|k| k == e.key || k == 0));
            }
        }
        sw.push(hit(0, &|k| k == 0));
        self.sw = Some(sw.into_boxed_slice());
    }

    /// The switch entry for first-argument key `key` (the predicate has a
    /// switch).
    #[inline(always)]
    pub fn hit(sw: &[Hit], key: Word) -> Hit {
        if key == 0 {
            return sw[0];
        }
        // the last entry (a key no clause has) has key 0: never equal
        match sw[1..].iter().find(|h| h.key == key) {
            Some(h) => *h,
            None => sw[sw.len() - 1],
        }
    }

    /// Where a call with first-argument key `key` iterates: the flag
    /// [`BUCKET`] and the bucket, or the key for a scan; and its first
    /// position.
    #[inline(always)]
    pub fn select(&self, key: Word) -> (u32, Word, i32) {
        if key != 0 {
            if let Some(ix) = &self.index {
                let b = ix.map.get(&key).copied().unwrap_or(0);
                return (BUCKET, b as Word, ix.buckets[b as usize].start());
            }
        }
        (0, key, self.first)
    }

    /// The first candidate position at or after `pos` of an iteration
    /// ([`Pred::select`]) at generation `gen`.
    #[inline(always)]
    pub fn next(&self, bucket: u32, sel: Word, gen: u64, mut pos: i32) -> Option<i32> {
        if bucket == 0 {
            let end = self.cls.end();
            while pos < end {
                let e = self.cls.get(pos);
                if e.visible(gen) && (e.key == sel || e.key == 0 || sel == 0) {
                    return Some(pos);
                }
                pos += 1;
            }
            None
        } else {
            let b = &self.index.as_ref().unwrap().buckets[sel as usize];
            let end = b.end();
            while pos < end {
                if self.cls.get(b.get(pos)).visible(gen) {
                    return Some(pos);
                }
                pos += 1;
            }
            None
        }
    }

    /// The clause-list position of iteration position `pos`.
    #[inline(always)]
    pub fn at(&self, bucket: u32, sel: Word, pos: i32) -> i32 {
        if bucket == 0 {
            pos
        } else {
            self.index.as_ref().unwrap().buckets[sel as usize].get(pos)
        }
    }

    /// The entry at iteration position `pos`.
    #[inline(always)]
    pub fn ent(&self, bucket: u32, sel: Word, pos: i32) -> Ent {
        self.cls.get(self.at(bucket, sel, pos))
    }
}

/// A switch entry: the candidates of a call whose first argument has key
/// `key` (entry 0: an unbound first argument; the last entry: a key no
/// clause has).
#[derive(Clone, Copy)]
pub struct Hit {
    /// First-argument key.
    pub key: Word,
    /// The first candidate's clause id ([`NO_CLAUSE`]: none).
    pub id: u32,
    /// The clause-list position of the second candidate ([`NO_NEXT`]:
    /// none), where the call's choicepoint continues.
    pub next: i32,
}

/// [`Hit::id`] of a call with no candidate.
pub const NO_CLAUSE: u32 = u32::MAX;
/// [`Hit::next`] of a call with one candidate at most.
pub const NO_NEXT: i32 = i32::MIN;

/// A clause/2 or retract/1 iteration (a choicepoint's state).
pub struct ClauseIt {
    /// Keeps the positions valid while the choicepoint exists.
    pub _pin: Rc<()>,
    /// Bucket or key ([`Pred::select`]).
    pub sel: Word,
    /// Generation it sees.
    pub gen: u64,
    /// Predicate, with [`BUCKET`] when `sel` is a bucket.
    pub pred: u32,
    /// Next candidate's iteration position.
    pub pos: i32,
    pub head: Word,
    pub body: Word,
    pub retract: bool,
}
