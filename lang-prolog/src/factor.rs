//! Writing rational trees: a cyclic term (`X = f(X)`) is written as SWI
//! writes it, `@(Skeleton, [S_1=Def1, ...])`, where each `S_k` stands for
//! a compound that contains itself and the skeleton and definitions are
//! finite.
//!
//! Which compounds get a name follows SWI's two steps (factorize, then
//! bind the substitutions that are not cycles): a depth-first walk, left
//! to right, lists each compound it meets a second time, in the order of
//! those second meetings; then, in that order, a listed compound whose
//! definition does not lead back to itself (through the compounds already
//! written out in full, but not through the ones still listed) is written
//! out in full where it occurs; the rest are the cycles, named `S_1`,
//! `S_2`, ... in that order. That gives SWI's answers, including which
//! compound of a longer cycle is the named one.
//!
//! The writer reads the result through [`Factored`], a [`Terms`] view of
//! the `@/2` term that is never built: no heap or store term is made.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::writer::{Terms, V};

/// Compounds a plain walk visits before the term is suspected of a cycle
/// (below this no hash set is used, so ordinary output pays one cheap walk).
const QUICK_BUDGET: usize = 1 << 16;

/// The named cycles of a term: the compounds written as `S_k`.
pub struct Cycles<R> {
    /// The named compounds, in order (`S_1` first).
    nodes: Vec<R>,
    /// Their identities, to their index in `nodes`.
    index: FxHashMap<usize, usize>,
    /// `S_1`, `S_2`, ...
    names: Vec<String>,
}

fn compound<S: Terms>(src: &S, t: S::R) -> Option<usize> {
    match src.view(t) {
        V::Cmp(_, n) => Some(n),
        _ => None,
    }
}

/// The cycles of `t`, or `None` when it has none (the common case, decided
/// by a walk without a hash set when the term is small).
pub fn cycles<S: Terms>(src: &S, t: S::R) -> Option<Cycles<S::R>> {
    // quick: a small term is a finite tree when its unfolding is small
    let mut stack = vec![t];
    let mut steps = 0usize;
    while let Some(x) = stack.pop() {
        if let Some(n) = compound(src, x) {
            steps += 1;
            if steps > QUICK_BUDGET {
                return factorize(src, t);
            }
            stack.extend((0..n).map(|k| src.arg(x, k)));
        }
    }
    None
}

/// SWI's factorization (see the module docs).
fn factorize<S: Terms>(src: &S, t: S::R) -> Option<Cycles<S::R>> {
    // compounds met a second time, in order
    let mut visited: FxHashSet<usize> = FxHashSet::default();
    let mut shared: Vec<S::R> = Vec::new();
    let mut is_shared: FxHashSet<usize> = FxHashSet::default();
    let mut stack = vec![t];
    while let Some(x) = stack.pop() {
        let Some(n) = compound(src, x) else { continue };
        let id = src.cell_id(x);
        if !visited.insert(id) {
            if is_shared.insert(id) {
                shared.push(x);
            }
            continue;
        }
        stack.extend((0..n).rev().map(|k| src.arg(x, k)));
    }
    // write out in full each one that does not lead back to itself
    let mut inlined: FxHashSet<usize> = FxHashSet::default();
    let mut nodes = Vec::new();
    for &s in &shared {
        let me = src.cell_id(s);
        if leads_back(src, s, me, &is_shared, &inlined) {
            nodes.push(s);
        } else {
            inlined.insert(me);
        }
    }
    if nodes.is_empty() {
        return None;
    }
    let index = nodes
        .iter()
        .enumerate()
        .map(|(k, &r)| (src.cell_id(r), k))
        .collect();
    let names = (1..=nodes.len()).map(|k| format!("S_{k}")).collect();
    Some(Cycles {
        nodes,
        index,
        names,
    })
}

/// Whether the definition of shared compound `s` (identity `me`) reaches
/// `s` again, walking through plain compounds and through shared ones
/// already written out in full, and stopping at the other shared ones
/// (they are still names at this point).
fn leads_back<S: Terms>(
    src: &S,
    s: S::R,
    me: usize,
    is_shared: &FxHashSet<usize>,
    inlined: &FxHashSet<usize>,
) -> bool {
    let n = compound(src, s).unwrap_or(0);
    let mut stack: Vec<S::R> = (0..n).map(|k| src.arg(s, k)).collect();
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    while let Some(x) = stack.pop() {
        let Some(n) = compound(src, x) else { continue };
        let id = src.cell_id(x);
        if id == me {
            return true;
        }
        if (is_shared.contains(&id) && !inlined.contains(&id)) || !seen.insert(id) {
            continue;
        }
        stack.extend((0..n).map(|k| src.arg(x, k)));
    }
    false
}

/// A node of the `@(Skeleton, Substitutions)` term as the writer sees it.
#[derive(Copy, Clone)]
pub enum Node<R> {
    /// The `@/2` at the top.
    At,
    /// A subterm of the original term (a named compound reads as its name).
    Sub(R),
    /// Named compound `k` itself (the right side of its definition).
    Def(usize),
    /// The substitution list from entry `k` on.
    List(usize),
    /// Entry `k`: `S_k = Def`.
    Eq(usize),
    /// The name of compound `k`.
    Name(usize),
    /// The atom argument of a name written as `'$VAR'('S_k')`.
    NameAtom(usize),
}

/// Variable identities for the names when they are written as variables
/// (`write_canonical`, `write_term` without `numbervars`): far from the
/// identities of real variables.
pub(crate) const NAME_VAR_BASE: i64 = 1 << 48;

/// A cyclic term read as its `@/2` form.
pub struct Factored<'s, S: Terms> {
    pub src: &'s S,
    pub root: S::R,
    pub cycles: Cycles<S::R>,
    /// Names written as `'$VAR'('S_k')` (SWI's `S_k`), else as variables.
    pub named: bool,
}

impl<S: Terms> Factored<'_, S> {
    /// A subterm that is a named compound is its name (for the view and
    /// the arguments alike).
    fn norm(&self, t: Node<S::R>) -> Node<S::R> {
        if let Node::Sub(r) = t {
            if compound(self.src, r).is_some() {
                if let Some(&k) = self.cycles.index.get(&self.src.cell_id(r)) {
                    return Node::Name(k);
                }
            }
        }
        t
    }
}

impl<S: Terms> Terms for Factored<'_, S> {
    type R = Node<S::R>;

    fn view(&self, t: Self::R) -> V<'_> {
        match self.norm(t) {
            Node::At => V::Cmp("@", 2),
            Node::Sub(r) => self.src.view(r),
            Node::Def(k) => self.src.view(self.cycles.nodes[k]),
            Node::List(k) if k == self.cycles.nodes.len() => V::Nil,
            Node::List(_) => V::Cmp("[|]", 2),
            Node::Eq(_) => V::Cmp("=", 2),
            Node::Name(k) if !self.named => V::Var(NAME_VAR_BASE + k as i64),
            Node::Name(_) => V::Cmp("$VAR", 1),
            Node::NameAtom(k) => V::Atom(&self.cycles.names[k]),
        }
    }

    fn arg(&self, t: Self::R, k: usize) -> Self::R {
        match self.norm(t) {
            Node::At if k == 0 => Node::Sub(self.root),
            Node::At => Node::List(0),
            Node::Sub(r) => Node::Sub(self.src.arg(r, k)),
            Node::Def(i) => Node::Sub(self.src.arg(self.cycles.nodes[i], k)),
            Node::List(i) if k == 0 => Node::Eq(i),
            Node::List(i) => Node::List(i + 1),
            Node::Eq(i) if k == 0 => Node::Name(i),
            Node::Eq(i) => Node::Def(i),
            Node::Name(i) | Node::NameAtom(i) => Node::NameAtom(i),
        }
    }

    fn cell_id(&self, t: Self::R) -> usize {
        // distinct from every original identity: the writer only uses it
        // to stop on cyclic lists, which the factored form has none of
        match self.norm(t) {
            Node::Sub(r) => self.src.cell_id(r) << 1,
            Node::Def(i) => self.src.cell_id(self.cycles.nodes[i]) << 1,
            Node::List(i) => (i << 1) | 1,
            _ => usize::MAX,
        }
    }
}
