//! Required-literal extraction: literals one of which every match of a regex contains, so a
//! detector can skip compiling and running a regex whose literals are absent. Pure.

use super::keywords::{Case, KeywordIndex, KeywordIndexBuilder};

/// Literals, ASCII-lower-cased, one of which occurs in every match of `pattern` (Unicode mode),
/// or `None` when the pattern has no such set (it may match without any literal). Searched for
/// ASCII case-insensitively in `fold(text)`, their absence proves the regex cannot match, so a
/// detector can skip compiling and running it (`LiteralFilter` does both).
pub fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    required_literal_sets_with(pattern, true).into_iter().next()
}

/// Several such sets, all of which every match needs one literal of (`(?i)by\s+(?:gpt|claude)`
/// needs `by` and one of `gpt`, `claude`); empty when none is known. The most selective first.
pub fn required_literal_sets(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    required_literal_sets_with(pattern, true)
}

pub(super) fn required_literal_sets_with(pattern: &str, unicode: bool) -> Vec<Vec<Vec<u8>>> {
    // The AST, not the HIR: translating to HIR (case folding, Unicode tables) costs ten times
    // the parse, and the literals are needed for every pattern of a catalogue at once.
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mut flags = extract::Flags {
        case_insensitive: false,
        unicode,
    };
    extract::analyze(&ast, &mut flags).best()
}

mod extract {
    //! Required-literal extraction over `regex_syntax`'s AST. Each node yields the finite set of
    //! strings it can match (`exact`, when small) and a set one of which every match contains
    //! (`required`); concatenations join exact neighbours into longer literals. Whatever is not
    //! understood (Unicode classes, non-ASCII letters under `(?i)`, set operations) is "anything",
    //! which only makes the result less selective, never wrong.

    use regex_syntax::ast::{
        self, Ast, ClassSet, ClassSetItem, Flag, GroupKind, RepetitionKind, RepetitionRange,
    };

    /// Most strings a set may hold before it is shortened (required) or dropped (exact).
    const MAX_SET: usize = 256;
    /// Largest class expanded into single-character literals.
    const MAX_CLASS: usize = 12;
    /// Longest exact string; longer runs are split (a prefix of a required literal is required).
    const MAX_LEN: usize = 48;

    type Set = Vec<Vec<u8>>;

    /// The flags in force, as the translator tracks them: set by `(?i)` for the rest of the
    /// enclosing group (later alternatives included), restored when the group ends.
    #[derive(Clone, Copy)]
    pub(super) struct Flags {
        pub(super) case_insensitive: bool,
        pub(super) unicode: bool,
    }

    impl Flags {
        fn apply(&mut self, f: &ast::Flags) {
            if let Some(on) = f.flag_state(Flag::CaseInsensitive) {
                self.case_insensitive = on;
            }
            if let Some(on) = f.flag_state(Flag::Unicode) {
                self.unicode = on;
            }
        }
    }

    /// Most sets kept in a conjunction (the most selective ones).
    const MAX_CONJ: usize = 4;

    pub(super) struct Lits {
        exact: Option<Set>,
        /// Sets every match needs one literal of, each of them (a conjunction).
        required: Vec<Set>,
    }

    impl Lits {
        fn exact(set: Option<Set>) -> Lits {
            Lits {
                exact: set,
                required: Vec::new(),
            }
        }

        fn empty() -> Lits {
            Lits::exact(Some(vec![Vec::new()]))
        }

        /// The sets every match needs, most selective first: literals that can be empty prove nothing.
        pub(super) fn best(self) -> Vec<Set> {
            let from_exact = self.exact.filter(|e| e.iter().all(|s| !s.is_empty()));
            conjunction(from_exact.into_iter().chain(self.required).collect())
        }
    }

    /// Keeps the `MAX_CONJ` most selective distinct sets.
    fn conjunction(mut sets: Vec<Set>) -> Vec<Set> {
        sets.sort_by_key(|s| std::cmp::Reverse(score(s)));
        let mut out: Vec<Set> = Vec::new();
        for s in sets {
            if out.len() == MAX_CONJ {
                break;
            }
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// Longer shortest literal first (short ones hit everywhere), then fewer literals.
    fn score(s: &Set) -> (usize, std::cmp::Reverse<usize>) {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
        (shortest.min(6), std::cmp::Reverse(s.len()))
    }

    fn dedup(mut s: Set) -> Set {
        s.sort();
        s.dedup();
        s
    }

    /// Fits a required set under `MAX_SET` by cutting its literals shorter (still required).
    fn shrink(mut s: Set) -> Option<Set> {
        s = dedup(s);
        let mut len = s.iter().map(Vec::len).max().unwrap_or(0);
        while s.len() > MAX_SET && len > 1 {
            len -= 1;
            for x in &mut s {
                x.truncate(len);
            }
            s = dedup(s);
        }
        (s.len() <= MAX_SET && s.iter().all(|x| !x.is_empty())).then_some(s)
    }

    fn cross(a: &Set, b: &Set) -> Option<Set> {
        if a.len().saturating_mul(b.len()) > MAX_SET {
            return None;
        }
        let mut out = Vec::with_capacity(a.len() * b.len());
        for x in a {
            for y in b {
                if x.len() + y.len() > MAX_LEN {
                    return None;
                }
                let mut z = x.clone();
                z.extend_from_slice(y);
                out.push(z);
            }
        }
        Some(dedup(out))
    }

    /// The strings one character can match, ASCII-lower-cased. Under `(?i)` an ASCII letter also
    /// matches its non-ASCII simple case folds (only `k`: KELVIN SIGN and `s`: LONG S have any,
    /// pinned by a test against regex-syntax): the text is folded instead (`fold`). Non-ASCII
    /// letters' folds are not known here: under `(?i)` they match anything.
    fn char_set(c: char, flags: Flags) -> Option<Set> {
        if !c.is_ascii() && !flags.unicode {
            return None; // a raw byte, not this character
        }
        if super::FOLDED.iter().any(|&(from, _)| from == c) {
            return None; // the text is searched with these folded away
        }
        let mut buf = [0u8; 4];
        let out = vec![
            c.to_ascii_lowercase()
                .encode_utf8(&mut buf)
                .as_bytes()
                .to_vec(),
        ];
        // ASCII letters under `(?i)` also match KELVIN SIGN and LONG S; `fold` maps those in the
        // text, which keeps sets small (no 2^n spellings of `assisted`).
        if flags.case_insensitive
            && !c.is_ascii()
            && (c.is_alphabetic() || c.to_lowercase().ne(c.to_uppercase()))
        {
            return None;
        }
        Some(out)
    }

    fn class_item(item: &ClassSetItem, flags: Flags, out: &mut Set) -> Option<()> {
        match item {
            ClassSetItem::Empty(_) => {}
            ClassSetItem::Literal(l) => out.extend(char_set(l.c, flags)?),
            ClassSetItem::Range(r) => {
                let (a, b) = (r.start.c, r.end.c);
                if !a.is_ascii() || !b.is_ascii() || (b as u32).saturating_sub(a as u32) > 16 {
                    return None;
                }
                for c in a..=b {
                    out.extend(char_set(c, flags)?);
                }
            }
            ClassSetItem::Union(u) => {
                for i in &u.items {
                    class_item(i, flags, out)?;
                }
            }
            _ => return None,
        }
        (out.len() <= 2 * MAX_CLASS).then_some(())
    }

    pub(super) fn analyze(a: &Ast, flags: &mut Flags) -> Lits {
        match a {
            Ast::Empty(_) | Ast::Assertion(_) => Lits::empty(),
            Ast::Flags(f) => {
                flags.apply(&f.flags);
                Lits::empty()
            }
            Ast::Literal(l) => Lits::exact(char_set(l.c, *flags)),
            Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => Lits::exact(None),
            Ast::ClassBracketed(c) => {
                let mut out = Vec::new();
                let ok = match &c.kind {
                    ClassSet::Item(item) if !c.negated => class_item(item, *flags, &mut out),
                    _ => None,
                };
                Lits::exact(ok.map(|_| dedup(out)))
            }
            Ast::Group(g) => {
                let saved = *flags;
                if let GroupKind::NonCapturing(f) = &g.kind {
                    flags.apply(f);
                }
                let inner = analyze(&g.ast, flags);
                *flags = saved;
                inner
            }
            Ast::Repetition(r) => {
                let sub = analyze(&r.ast, flags);
                let (min, max) = match &r.op.kind {
                    RepetitionKind::ZeroOrOne => (0, Some(1)),
                    RepetitionKind::ZeroOrMore => (0, None),
                    RepetitionKind::OneOrMore => (1, None),
                    RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                    RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                    RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
                };
                repetition(sub, min, max)
            }
            Ast::Concat(c) => {
                let subs: Vec<Lits> = c.asts.iter().map(|x| analyze(x, flags)).collect();
                concat(subs)
            }
            Ast::Alternation(alt) => {
                let subs: Vec<Lits> = alt.asts.iter().map(|x| analyze(x, flags)).collect();
                alternation(subs)
            }
        }
    }

    fn repetition(sub: Lits, min: u32, max: Option<u32>) -> Lits {
        match (min, max) {
            (0, Some(0)) => Lits::empty(),
            // `x?` can match x or nothing: still exact; `x*` is not.
            (0, Some(1)) => Lits::exact(sub.exact.map(|mut e| {
                e.push(Vec::new());
                dedup(e)
            })),
            (0, _) => Lits::exact(None),
            (1, Some(1)) => sub,
            _ => Lits {
                exact: None,
                required: sub.best(),
            },
        }
    }

    /// Whatever branch matched, one of its sets holds: so the union of one set per branch is
    /// required. Picks, for each set of the first branch, the same set in the other branches
    /// when they have it (shared vocabulary) and their best set otherwise, and the i-th set
    /// of every branch together.
    fn either(branches: Vec<Vec<Set>>) -> Vec<Set> {
        if branches.is_empty() || branches.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let mut picks: Vec<Vec<usize>> = Vec::new();
        for (k, set) in branches[0].iter().enumerate() {
            picks.push(
                branches
                    .iter()
                    .enumerate()
                    .map(|(b, sets)| {
                        if b == 0 {
                            k
                        } else {
                            sets.iter().position(|x| x == set).unwrap_or(0)
                        }
                    })
                    .collect(),
            );
        }
        let longest = branches.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..longest {
            picks.push(branches.iter().map(|sets| i.min(sets.len() - 1)).collect());
        }
        let unions = picks
            .into_iter()
            .filter_map(|pick| {
                let union: Set = pick
                    .iter()
                    .zip(&branches)
                    .flat_map(|(&k, sets)| sets[k].iter().cloned())
                    .collect();
                shrink(union)
            })
            .collect();
        conjunction(unions)
    }

    fn alternation(subs: Vec<Lits>) -> Lits {
        let exact = if subs.iter().all(|s| s.exact.is_some()) {
            let all = dedup(
                subs.iter()
                    .flat_map(|s| s.exact.iter().flatten().cloned())
                    .collect(),
            );
            (all.len() <= MAX_SET).then_some(all)
        } else {
            None
        };
        Lits {
            exact,
            required: either(subs.into_iter().map(Lits::best).collect()),
        }
    }

    /// Every child is part of every match: the sets of all of them, and of each run of exact
    /// neighbours joined, are required together.
    fn concat(subs: Vec<Lits>) -> Lits {
        let mut whole: Option<Set> = Some(vec![Vec::new()]);
        let mut run: Set = vec![Vec::new()];
        let mut cands: Vec<Set> = Vec::new();
        let close = |run: &mut Set, cands: &mut Vec<Set>| {
            let done = std::mem::replace(run, vec![Vec::new()]);
            if done.iter().all(|s| !s.is_empty()) {
                cands.push(done);
            }
        };
        for l in subs {
            whole = match (&whole, &l.exact) {
                (Some(w), Some(e)) => cross(w, e),
                _ => None,
            };
            match l.exact {
                Some(e) => match cross(&run, &e) {
                    Some(joined) => run = joined,
                    None => {
                        close(&mut run, &mut cands);
                        run = e;
                    }
                },
                None => {
                    close(&mut run, &mut cands);
                    cands.extend(l.required);
                }
            }
        }
        close(&mut run, &mut cands);
        Lits {
            exact: whole,
            required: conjunction(cands),
        }
    }
}

/// The non-ASCII characters `(?i)` matches for ASCII letters (KELVIN SIGN for `k`, LONG S for `s`).
const FOLDED: [(char, u8); 2] = [('\u{212A}', b'k'), ('\u{17F}', b's')];

/// `text` with KELVIN SIGN and LONG S replaced by `k` and `s`, the form `required_literals` are
/// searched in. Borrowed unless one occurs (their UTF-8 lead bytes are rare in any text).
pub fn fold(text: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !text.iter().any(|&b| b == 0xE2 || b == 0xC5) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    'bytes: while i < text.len() {
        for (c, ascii) in FOLDED {
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if text[i..].starts_with(enc) {
                out.push(ascii);
                i += enc.len();
                continue 'bytes;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// One keyword index over the required literals of many regexes: which of them can possibly
/// match a text. Regexes without a literal set are always candidates.
#[derive(Debug)]
pub struct LiteralFilter {
    /// Literal → (regex, bit of the set it belongs to).
    index: Option<KeywordIndex<(usize, u32)>>,
    /// Per regex: the bits of all its sets (0: no set, always a candidate).
    full: Vec<u32>,
}

impl LiteralFilter {
    /// `sets[i]` is regex i's required literals (`None`: no filter for it).
    pub fn new(sets: &[Option<Vec<Vec<u8>>>]) -> LiteralFilter {
        let all: Vec<Vec<Vec<Vec<u8>>>> =
            sets.iter().map(|s| s.iter().cloned().collect()).collect();
        LiteralFilter::all_of(&all)
    }

    /// `conjunctions[i]` is regex i's `required_literal_sets`: it is a candidate when every one
    /// of them has a literal in the text (no set: always).
    pub fn all_of(conjunctions: &[Vec<Vec<Vec<u8>>>]) -> LiteralFilter {
        let mut builder = KeywordIndexBuilder::new(Case::Insensitive);
        let mut full = Vec::with_capacity(conjunctions.len());
        for (i, sets) in conjunctions.iter().enumerate() {
            let sets = &sets[..sets.len().min(32)];
            full.push(if sets.len() == 32 {
                u32::MAX
            } else {
                (1u32 << sets.len()) - 1
            });
            for (j, set) in sets.iter().enumerate() {
                for lit in set {
                    builder.add(lit, (i, 1 << j));
                }
            }
        }
        let index = if builder.is_empty() {
            None
        } else {
            // Cannot fail for literals this small; filtering nothing is the safe fallback.
            let built = builder.build().ok();
            if built.is_none() {
                full.iter_mut().for_each(|f| *f = 0);
            }
            built
        };
        LiteralFilter { index, full }
    }

    /// Whether any of the regexes may match `text`. Without literals in the text, only a regex
    /// without sets can; the common case for a detector's gate stops there.
    pub fn any(&self, text: &[u8]) -> bool {
        if self.full.contains(&0) {
            return true;
        }
        let Some(index) = &self.index else {
            return false;
        };
        let folded = fold(text);
        if !index.is_match(folded.as_ref()) {
            return false;
        }
        let mut out = Vec::new();
        self.candidates_into(text, &mut out);
        out.contains(&true)
    }

    /// Marks in `out` (resized to the number of regexes) every regex that may match `text`.
    pub fn candidates_into(&self, text: &[u8], out: &mut Vec<bool>) {
        let mut seen = vec![0u32; self.full.len()];
        if let Some(index) = &self.index {
            let folded = fold(text);
            for hit in index.hits(folded.as_ref()) {
                for &(i, bit) in hit.owners {
                    seen[i] |= bit;
                }
            }
        }
        out.clear();
        out.extend(seen.iter().zip(&self.full).map(|(s, f)| s == f));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|s| {
            s.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect()
        })
    }

    #[test]
    fn literals_join_across_case_folding_and_alternation() {
        assert_eq!(
            lits(r"(?i)<(?:noreply|claude)@anthropic\.com>").unwrap(),
            ["<claude@anthropic.com>", "<noreply@anthropic.com>"]
        );
        assert_eq!(lits(r"\bshell\s*=\s*True\b").unwrap(), ["shell"]);
        assert_eq!(lits(r"gpt-?[345]").unwrap().len(), 6);
        assert_eq!(lits(r"(?:^|\W)x+y").unwrap(), ["x"]);
        assert_eq!(lits(r"\w+"), None);
        assert_eq!(lits(r"a|\d+"), None);
        assert_eq!(lits(r"(?:ab)?c?"), None);
    }

    /// `(?i)s` also matches LONG S and `(?i)k` KELVIN SIGN: the literal set must keep them.
    #[test]
    fn non_ascii_case_variants_are_folded_in_the_text() {
        assert_eq!(lits("(?i)ask").unwrap(), ["ask"]);
        let f = LiteralFilter::new(&[required_literals("(?i)ask")]);
        assert!(f.any("TAſK".as_bytes()));
        assert!(f.any("a\u{17f}\u{212a}".as_bytes()));
        assert!(!f.any("a\u{17f}x".as_bytes()));
        // A pattern spelling LONG S itself has no literal for it (the text loses it to folding).
        assert_eq!(lits("\u{17f}x").unwrap(), ["x"]);
    }

    /// The extractor adds only KELVIN SIGN and LONG S as non-ASCII case variants of ASCII letters;
    /// regex-syntax's own case folding must agree.
    #[test]
    fn only_k_and_s_fold_to_non_ascii() {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse("(?i)[a-zA-Z]")
            .unwrap();
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c)) = hir.kind()
        else {
            panic!("{hir:?}")
        };
        let non_ascii: Vec<char> = c
            .ranges()
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .filter(|c| !c.is_ascii())
            .collect();
        assert_eq!(non_ascii, ['\u{17F}', '\u{212A}']);
    }

    /// Soundness: wherever the regex matches, one of its literals occurs (ASCII case-insensitively).
    #[test]
    fn a_match_always_contains_a_required_literal() {
        let patterns = [
            r"(?i)\b(?:select\s[^']*\bfrom|insert\s+into)\b",
            r"(?i)generated\s+(?:with|by)\s+\[?claude[- ]code\]?",
            r"(?:^|[^\w.$])eval\s*\(",
            r"(?i)^(?:ai|llm)-(?:model|agent)[a-z-]*:",
            r"x{2,3}y|zz?w",
            r"(?i)stra(?:ß|ss)e",
            r"🤖\s*(?i:made)",
            r"x(?i)sk|ks",
            r"(?:(?i)s)k",
            r"(?i:[a-c]s)k",
            r"(?-u:\xFF)ab",
            r"(?i)(?:written|made)\s+by\s+(?:gpt-?4|claude code)|(?:gpt-?4|claude code)\s+wrote",
            r"(?i)\b(?:by|with)\s+(?:\w+\s+)?(?:ai|llm)\b|assisted-by:\s*\S",
        ];
        let texts = [
            "SELECT a FROM b",
            "insert  INTO t",
            "Generated with [Claude Code]",
            "GENERATED BY claude-code",
            "x = eval(input)",
            "AI-Model: x",
            "llm-agentX: y",
            "xxxy",
            "zw",
            "zzw",
            "STRASSE",
            "straße",
            "🤖 MADE",
            "Inſert into t",
            "ſelect a from b",
            "x\u{17F}\u{212A}",
            "\u{212A}\u{17F}",
            "\u{17F}k",
            "B\u{17F}k",
            "\u{FF}ab",
            "Made by GPT4",
            "CLAUDE CODE wrote it",
            "done with some LLM",
            "Assisted-by: x",
        ];
        for p in patterns {
            let re = regex::bytes::Regex::new(p).unwrap();
            let sets = required_literal_sets(p);
            assert!(!sets.is_empty(), "{p}: no literals");
            for t in texts {
                if re.is_match(t.as_bytes()) {
                    let lower = String::from_utf8(fold(t.as_bytes()).into_owned())
                        .unwrap()
                        .to_ascii_lowercase();
                    for set in &sets {
                        assert!(
                            set.iter().any(|l| lower
                                .as_bytes()
                                .windows(l.len())
                                .any(|w| w == l.as_slice())),
                            "{p} matches {t:?} but none of {set:?} occurs"
                        );
                    }
                }
            }
        }
    }

    /// Every branch names a model: the model names are required even though the branches
    /// start differently, so a line with only "written by" does not wake the regex.
    #[test]
    fn shared_vocabulary_across_branches_is_required() {
        let p =
            r"(?i)(?:written|made)\s+by\s+(?:gpt-?4|claude code)|(?:gpt-?4|claude code)\s+wrote";
        let sets = required_literal_sets(p);
        let models: Vec<Vec<u8>> = ["claude code", "gpt-4", "gpt4"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        assert!(sets.contains(&models), "{sets:?}");
        let f = LiteralFilter::all_of(&[sets]);
        assert!(!f.any(b"Written by Jane"));
        assert!(f.any(b"Written by GPT-4"));
    }

    #[test]
    fn filter_marks_regexes_without_literals_as_always_possible() {
        let f = LiteralFilter::new(&[required_literals("abc"), None, required_literals("xyz")]);
        let mut out = Vec::new();
        f.candidates_into(b"..XYZ..", &mut out);
        assert_eq!(out, [false, true, true]);
    }
}
