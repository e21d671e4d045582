//! The one keyword index: literals → the rules (or signals, or regexes) that own them, searched in
//! one aho-corasick pass. Every detector's prefilter is one of these; nothing else builds an automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A text this long is searched with the DFA form of the automaton: it costs about a millisecond
/// to build and is three to five times faster than the NFA (a commit's few lines never need it).
const DFA_FROM_TEXT: usize = 256 << 10;
/// Once an index has searched this many bytes in all (a tree scan), it switches to the DFA.
const DFA_FROM_TOTAL: usize = 1 << 20;
/// Texts up to this long, while the index has searched less than `DIRECT_TOTAL` bytes in all (a
/// commit message, identities, paths), are searched without an automaton: each position is looked
/// up by its first two bytes in a table of the keywords and the candidates compared. Building the
/// automaton for the 1,000-odd secret rules costs several milliseconds; a message needs
/// microseconds. (For a hook's staged files, a few hundred kilobytes, the direct search costs as
/// much as building and running the automata: measured, 257 M against 262 M instructions.)
const DIRECT_TEXT: usize = 4 << 10;
const DIRECT_TOTAL: usize = 64 << 10;
/// The direct search compares at most this many candidates per byte of text (plus a constant);
/// a text over it (one that many keywords start like) is searched with the automaton instead, so
/// the search stays linear in the text whatever the keywords.
const DIRECT_WORK_PER_BYTE: usize = 16;
/// Keywords of more bytes than this in all build their automaton up front, so that an automaton
/// too large to build is an error where the keywords are given, not a surprise mid-run. Below it
/// the build cannot fail (the automata's limits are billions of states).
const EAGER_FROM_BYTES: usize = 64 << 20;

/// How literals are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// ASCII case-insensitively, in the text as it is.
    Insensitive,
    /// Exactly, against literals lower-cased when added: the caller searches an ASCII-lower-cased
    /// copy of the text. A third of the build time of an insensitive automaton, same matches.
    Lowered,
}

/// One keyword occurrence and the owners of that keyword.
#[derive(Debug)]
pub struct Hit<'i, O> {
    pub start: usize,
    pub end: usize,
    /// Index of the keyword (distinct literal) in the index.
    pub keyword: usize,
    pub owners: &'i [O],
}

/// Collects literals and their owners; `build` compiles the automaton once.
#[derive(Debug)]
pub struct KeywordIndexBuilder<O> {
    case: Case,
    kind: AhoCorasickKind,
    literals: Vec<Vec<u8>>,
    index: HashMap<Vec<u8>, usize>,
    owners: Vec<Vec<O>>,
    /// (keyword, owner) pairs already recorded by `add`: a charter of 50,000 patterns sharing one
    /// literal must not search the literal's owners once per pattern (that was quadratic).
    seen: HashSet<(usize, O)>,
}

impl<O> KeywordIndexBuilder<O> {
    pub fn new(case: Case) -> KeywordIndexBuilder<O> {
        KeywordIndexBuilder {
            case,
            kind: AhoCorasickKind::NoncontiguousNFA,
            literals: Vec::new(),
            index: HashMap::new(),
            owners: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// The automaton used for small texts (default: the cheapest to build, a non-contiguous NFA).
    pub fn kind(mut self, kind: AhoCorasickKind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds `owner` to `literal` without deduplicating owners (for owners that carry per-use data).
    pub fn add_use(&mut self, literal: &[u8], owner: O) -> usize {
        let k = self.slot(literal);
        self.owners[k].push(owner);
        k
    }

    fn slot(&mut self, literal: &[u8]) -> usize {
        let key = literal.to_ascii_lowercase();
        if let Some(&k) = self.index.get(&key) {
            return k;
        }
        self.literals.push(key.clone());
        self.owners.push(Vec::new());
        self.index.insert(key, self.literals.len() - 1);
        self.literals.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.literals.is_empty()
    }

    /// The index. The automaton is built when a text first needs it (see `DIRECT_TEXT`), except
    /// for keyword sets so large that building it could fail: those are built now.
    pub fn build(self) -> Result<KeywordIndex<O>, aho_corasick::BuildError> {
        let nfa = OnceLock::new();
        let bytes: usize = self.literals.iter().map(Vec::len).sum();
        if bytes >= EAGER_FROM_BYTES {
            let _ = nfa.set(Some(automaton(&self.literals, self.case, self.kind)?));
        }
        Ok(KeywordIndex {
            case: self.case,
            kind: self.kind,
            literals: self.literals,
            owners: self.owners,
            nfa,
            dfa: OnceLock::new(),
            direct: OnceLock::new(),
            direct_gave_up: AtomicBool::new(false),
            searched: AtomicUsize::new(0),
        })
    }
}

impl<O: Eq + Hash + Clone> KeywordIndexBuilder<O> {
    /// Adds `owner` to `literal` (ASCII-lower-cased; an owner is recorded once per literal).
    /// Returns the keyword's index. Constant time however many owners the literal has.
    pub fn add(&mut self, literal: &[u8], owner: O) -> usize {
        let k = self.slot(literal);
        if self.seen.insert((k, owner.clone())) {
            self.owners[k].push(owner);
        }
        k
    }
}

fn automaton(
    literals: &[Vec<u8>],
    case: Case,
    kind: AhoCorasickKind,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(case == Case::Insensitive)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(literals)
}

/// Compiled keywords; build once per run, share across threads. Short texts are searched
/// directly (`Direct`); the NFA serves a hook's larger texts; the DFA is built the first time a
/// large text (or a long run) needs it.
#[derive(Debug)]
pub struct KeywordIndex<O> {
    case: Case,
    kind: AhoCorasickKind,
    literals: Vec<Vec<u8>>,
    owners: Vec<Vec<O>>,
    nfa: OnceLock<Option<AhoCorasick>>,
    dfa: OnceLock<Option<AhoCorasick>>,
    direct: OnceLock<Direct>,
    /// The direct search went over its budget once: the automaton searches from then on.
    direct_gave_up: AtomicBool,
    searched: AtomicUsize,
}

/// The keywords by their first two bytes (one-byte keywords apart), for searching short texts
/// without an automaton. Same hits as the automaton, in the same order.
#[derive(Debug)]
struct Direct {
    /// The ids of the keywords starting with byte pair `p` (`p = a << 8 | b`) are
    /// `ids[starts[p]..starts[p + 1]]`.
    starts: Vec<u32>,
    ids: Vec<u32>,
    /// The one-byte keyword of each byte value.
    singles: [Option<u32>; 256],
}

impl Direct {
    fn new(literals: &[Vec<u8>]) -> Direct {
        let pair = |lit: &[u8]| usize::from(lit[0]) << 8 | usize::from(lit[1]);
        let mut starts = vec![0u32; (1 << 16) + 1];
        let mut singles = [None; 256];
        for (k, lit) in literals.iter().enumerate() {
            match lit.len() {
                0 => {}
                1 => singles[usize::from(lit[0])] = Some(k as u32),
                _ => starts[pair(lit) + 1] += 1,
            }
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; starts[1 << 16] as usize];
        for (k, lit) in literals.iter().enumerate() {
            if lit.len() >= 2 {
                let slot = &mut next[pair(lit)];
                ids[*slot as usize] = k as u32;
                *slot += 1;
            }
        }
        Direct {
            starts,
            ids,
            singles,
        }
    }

    /// Every occurrence of every keyword in `text` (already lower-cased where the index is
    /// case-insensitive) as (start, end, keyword), ordered as the automaton reports overlapping
    /// matches: by end, then the longer first. `None` when that takes more than `budget`
    /// candidate comparisons.
    fn hits(
        &self,
        literals: &[Vec<u8>],
        text: &[u8],
        budget: usize,
    ) -> Option<Vec<(usize, usize, usize)>> {
        let mut out = Vec::new();
        let mut work = 0usize;
        for i in 0..text.len() {
            if let Some(k) = self.singles[usize::from(text[i])] {
                out.push((i, i + 1, k as usize));
            }
            let Some(&next) = text.get(i + 1) else {
                continue;
            };
            let p = usize::from(text[i]) << 8 | usize::from(next);
            let ks = &self.ids[self.starts[p] as usize..self.starts[p + 1] as usize];
            work += ks.len();
            if work > budget {
                return None;
            }
            for &k in ks {
                let lit = &literals[k as usize];
                if text[i..].starts_with(lit) {
                    out.push((i, i + lit.len(), k as usize));
                }
            }
        }
        out.sort_unstable_by_key(|&(start, end, _)| (end, std::cmp::Reverse(end - start)));
        Some(out)
    }
}

/// The hits of one search: from an automaton, or from the direct search of a short text.
enum Found<'i> {
    Automaton(aho_corasick::FindOverlappingIter<'i, 'i>),
    Direct(std::vec::IntoIter<(usize, usize, usize)>),
}

impl Iterator for Found<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Found::Automaton(it) => it
                .next()
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
            Found::Direct(it) => it.next(),
        }
    }
}

impl<O> KeywordIndex<O> {
    /// No keyword at all: nothing can hit.
    pub fn is_empty(&self) -> bool {
        self.literals.is_empty()
    }

    pub fn case(&self) -> Case {
        self.case
    }

    /// The owners of keyword `k`.
    pub fn owners(&self, k: usize) -> &[O] {
        &self.owners[k]
    }

    /// The number of distinct keywords.
    pub fn len(&self) -> usize {
        self.literals.len()
    }

    /// The automaton for a text of `len` bytes when the run has searched `total` bytes: the NFA,
    /// or the DFA once the text or the run is large; `None` if it could not be built (never below
    /// `EAGER_FROM_BYTES`).
    fn automaton_for(&self, len: usize, total: usize) -> Option<&AhoCorasick> {
        let nfa = self
            .nfa
            .get_or_init(|| automaton(&self.literals, self.case, self.kind).ok())
            .as_ref()?;
        if len < DFA_FROM_TEXT && total < DFA_FROM_TOTAL {
            return Some(nfa);
        }
        let dfa = self
            .dfa
            .get_or_init(|| automaton(&self.literals, self.case, AhoCorasickKind::DFA).ok());
        Some(dfa.as_ref().unwrap_or(nfa))
    }

    /// Every hit in `text` as (start, end, keyword), in the automaton's order: searched directly
    /// while the texts are short and the direct search stays within its budget, else with the
    /// automaton (or directly after all, without a budget, if the automaton could not be built).
    fn found<'i>(&'i self, text: &'i [u8]) -> Found<'i> {
        if self.literals.is_empty() {
            return Found::Direct(Vec::new().into_iter());
        }
        let len = text.len();
        let total = self.searched.fetch_add(len, Ordering::Relaxed) + len;
        if len <= DIRECT_TEXT
            && total <= DIRECT_TOTAL
            && !self.direct_gave_up.load(Ordering::Relaxed)
        {
            let budget = len.saturating_mul(DIRECT_WORK_PER_BYTE) + 4096;
            if let Some(hits) = self.direct_hits(text, budget) {
                return Found::Direct(hits.into_iter());
            }
            // Texts like this one would keep costing more than the automaton: build it.
            self.direct_gave_up.store(true, Ordering::Relaxed);
        }
        match self.automaton_for(len, total) {
            Some(ac) => Found::Automaton(ac.find_overlapping_iter(text)),
            None => Found::Direct(
                self.direct_hits(text, usize::MAX)
                    .unwrap_or_default()
                    .into_iter(),
            ),
        }
    }

    /// The hits of the direct search (see `Direct`), `None` over `budget`.
    fn direct_hits(&self, text: &[u8], budget: usize) -> Option<Vec<(usize, usize, usize)>> {
        let direct = self.direct.get_or_init(|| Direct::new(&self.literals));
        match self.case {
            Case::Insensitive => direct.hits(&self.literals, &text.to_ascii_lowercase(), budget),
            Case::Lowered => direct.hits(&self.literals, text, budget),
        }
    }

    /// Whether any keyword occurs in `text`.
    pub fn is_match(&self, text: &[u8]) -> bool {
        self.found(text).next().is_some()
    }

    /// Every keyword occurrence in `text`, overlapping ones included, in text order.
    pub fn hits<'i>(&'i self, text: &'i [u8]) -> impl Iterator<Item = Hit<'i, O>> + 'i {
        self.found(text).map(move |(start, end, k)| Hit {
            start,
            end,
            keyword: k,
            owners: &self.owners[k],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_shared_by_equal_literals_and_hits_overlap() {
        let mut b = KeywordIndexBuilder::new(Case::Insensitive);
        b.add(b"Key", 1u32);
        b.add(b"key", 2);
        b.add(b"key", 2);
        b.add(b"eyx", 3);
        let idx = b.build().unwrap();
        assert_eq!(idx.len(), 2);
        let hits: Vec<(usize, Vec<u32>)> = idx
            .hits(b"a KEYX")
            .map(|h| (h.start, h.owners.to_vec()))
            .collect();
        assert_eq!(hits, [(2, vec![1, 2]), (3, vec![3])]);
    }

    #[test]
    fn lowered_indexes_match_lowered_text_only() {
        let mut b = KeywordIndexBuilder::new(Case::Lowered);
        b.add(b"Token", ());
        let idx = b.build().unwrap();
        assert!(idx.is_match(b"a token"));
        assert!(!idx.is_match(b"a TOKEN"));
    }

    #[test]
    fn large_texts_switch_to_the_dfa_with_the_same_hits() {
        let mut b = KeywordIndexBuilder::new(Case::Insensitive);
        b.add(b"needle", 0u8);
        let idx = b.build().unwrap();
        let mut text = vec![b'x'; DFA_FROM_TEXT + 10];
        text[7..13].copy_from_slice(b"NEEDLE");
        let n = text.len();
        text[n - 6..].copy_from_slice(b"needle");
        let starts: Vec<usize> = idx.hits(&text).map(|h| h.start).collect();
        assert_eq!(starts, [7, n - 6]);
        assert!(idx.dfa.get().is_some());
    }

    /// 50,000 regexes sharing one required literal took seconds to index: each `add` searched
    /// the literal's owners. Owners stay unique, in insertion order.
    #[test]
    fn many_owners_of_one_literal_are_added_in_linear_time() {
        let n = 200_000u32;
        let start = std::time::Instant::now();
        let mut b = KeywordIndexBuilder::new(Case::Insensitive);
        for i in 0..n {
            b.add(b"shared", i);
            b.add(b"SHARED", i);
        }
        let idx = b.build().unwrap();
        assert_eq!(idx.owners(0).len(), n as usize);
        assert!(idx.owners(0).iter().copied().eq(0..n));
        // Quadratic, this is 2e10 comparisons (minutes); linear, well under a second even unoptimised.
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn an_empty_index_hits_nothing() {
        let idx = KeywordIndexBuilder::<u8>::new(Case::Insensitive)
            .build()
            .unwrap();
        assert!(idx.is_empty());
        assert_eq!(idx.hits(b"anything").count(), 0);
    }

    /// The direct search of short texts and the automata give the same hits in the same order:
    /// random keyword sets (one-byte keywords, shared prefixes, suffixes of one another, non-ASCII
    /// bytes) over random texts, both case modes.
    #[test]
    fn the_direct_search_finds_what_the_automata_find_in_the_same_order() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"abAB-_\xc3\xa9z";
        for round in 0..300 {
            let case = if round % 2 == 0 {
                Case::Insensitive
            } else {
                Case::Lowered
            };
            let mut b = KeywordIndexBuilder::new(case);
            for owner in 0..(1 + next(12)) {
                let len = 1 + next(4) as usize;
                let lit: Vec<u8> = (0..len)
                    .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                    .collect();
                b.add(&lit, owner);
            }
            let idx = b.build().unwrap();
            let text: Vec<u8> = (0..next(200))
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect();
            let text = if case == Case::Lowered {
                text.to_ascii_lowercase()
            } else {
                text
            };
            let direct = idx.direct_hits(&text, usize::MAX).unwrap();
            let kinds = [
                AhoCorasickKind::NoncontiguousNFA,
                AhoCorasickKind::ContiguousNFA,
                AhoCorasickKind::DFA,
            ];
            let mut expected = Vec::new();
            for kind in kinds {
                let ac = automaton(&idx.literals, idx.case, kind).unwrap();
                expected = ac
                    .find_overlapping_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                assert_eq!(
                    direct, expected,
                    "round {round}, {kind:?}: {:?} in {text:?}",
                    idx.literals
                );
            }
            assert_eq!(idx.is_match(&text), !expected.is_empty());
        }
    }

    #[test]
    fn short_texts_build_no_automaton_and_long_ones_do() {
        let mut b = KeywordIndexBuilder::new(Case::Insensitive);
        b.add(b"token", 0u8);
        let idx = b.build().unwrap();
        assert_eq!(idx.hits(b"a TOKEN here").count(), 1);
        assert!(idx.nfa.get().is_none(), "a short text built the automaton");
        let mut long = vec![b' '; DIRECT_TEXT + 1];
        long[..5].copy_from_slice(b"token");
        assert_eq!(idx.hits(&long).count(), 1);
        assert!(idx.nfa.get().is_some());
    }

    /// Many keywords starting alike over a text made of that start: the direct search would
    /// compare every keyword at every position (quadratic in effect); over its budget it gives up
    /// and the automaton finds the same hits.
    #[test]
    fn a_text_too_costly_to_search_directly_is_searched_by_the_automaton() {
        let mut b = KeywordIndexBuilder::new(Case::Insensitive);
        for i in 0..200u32 {
            b.add(format!("aa{i}").as_bytes(), i);
        }
        b.add(b"aaaa", 999);
        let idx = b.build().unwrap();
        let mut text = vec![b'a'; 3 << 10];
        text.extend_from_slice(b"aa17 ");
        let hits: Vec<(usize, Vec<u32>)> = idx
            .hits(&text)
            .map(|h| (h.start, h.owners.to_vec()))
            .collect();
        assert!(idx.direct_gave_up.load(Ordering::Relaxed));
        assert!(idx.nfa.get().is_some());
        let n = 3 << 10;
        assert_eq!(hits.len(), (n + 2 - 3) + 2, "every aaaa, then aa1 and aa17");
        assert!(hits.contains(&(n, vec![17])));
    }
}
