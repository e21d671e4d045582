//! The one keyword index: literals → the rules (or signals, or regexes) that own them, searched in
//! one aho-corasick pass. Every detector's prefilter is one of these; nothing else builds an automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A text this long is searched with the DFA form of the automaton: it costs about a millisecond
/// to build and is three to five times faster than the NFA (a commit's few lines never need it).
const DFA_FROM_TEXT: usize = 256 << 10;
/// Once an index has searched this many bytes in all (a tree scan), it switches to the DFA.
const DFA_FROM_TOTAL: usize = 1 << 20;

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

    pub fn build(self) -> Result<KeywordIndex<O>, aho_corasick::BuildError> {
        let nfa = if self.literals.is_empty() {
            None
        } else {
            Some(automaton(&self.literals, self.case, self.kind)?)
        };
        Ok(KeywordIndex {
            case: self.case,
            literals: self.literals,
            owners: self.owners,
            nfa,
            dfa: OnceLock::new(),
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

/// Compiled keywords; build once per run, share across threads. The NFA serves a hook's few
/// kilobytes; the DFA is built the first time a large text (or a long run) needs it.
#[derive(Debug)]
pub struct KeywordIndex<O> {
    case: Case,
    literals: Vec<Vec<u8>>,
    owners: Vec<Vec<O>>,
    nfa: Option<AhoCorasick>,
    dfa: OnceLock<Option<AhoCorasick>>,
    searched: AtomicUsize,
}

impl<O> KeywordIndex<O> {
    /// No keyword at all: nothing can hit.
    pub fn is_empty(&self) -> bool {
        self.nfa.is_none()
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

    /// The automaton for a text of `len` bytes: the NFA, or the DFA once the text or the run is large.
    fn searcher(&self, len: usize) -> Option<&AhoCorasick> {
        let nfa = self.nfa.as_ref()?;
        let total = self.searched.fetch_add(len, Ordering::Relaxed) + len;
        if len < DFA_FROM_TEXT && total < DFA_FROM_TOTAL {
            return Some(nfa);
        }
        let dfa = self
            .dfa
            .get_or_init(|| automaton(&self.literals, self.case, AhoCorasickKind::DFA).ok());
        Some(dfa.as_ref().unwrap_or(nfa))
    }

    /// Whether any keyword occurs in `text`.
    pub fn is_match(&self, text: &[u8]) -> bool {
        self.searcher(text.len())
            .is_some_and(|ac| ac.is_match(text))
    }

    /// Every keyword occurrence in `text`, overlapping ones included, in text order.
    pub fn hits<'i>(&'i self, text: &'i [u8]) -> impl Iterator<Item = Hit<'i, O>> + 'i {
        self.searcher(text.len())
            .into_iter()
            .flat_map(move |ac| ac.find_overlapping_iter(text))
            .map(move |m| {
                let k = m.pattern().as_usize();
                Hit {
                    start: m.start(),
                    end: m.end(),
                    keyword: k,
                    owners: &self.owners[k],
                }
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
}
