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
    match precomputed(pattern, unicode) {
        Some(sets) => sets
            .iter()
            .map(|set| set.iter().map(|l| l.to_vec()).collect())
            .collect(),
        None => super::literal_sets::compute(pattern, unicode),
    }
}

/// The sets `build.rs` computed for the built-in patterns, by (pattern, Unicode mode), sorted.
type Table = &'static [(&'static str, bool, &'static [&'static [&'static [u8]]])];
static PRECOMPUTED: Table = include!(concat!(env!("OUT_DIR"), "/literal_sets.rs"));

fn precomputed(pattern: &str, unicode: bool) -> Option<&'static [&'static [&'static [u8]]]> {
    let at = PRECOMPUTED
        .binary_search_by(|&(p, u, _)| (p, u).cmp(&(pattern, unicode)))
        .ok()?;
    Some(PRECOMPUTED[at].2)
}

use super::literal_sets::FOLDED;

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

    /// Every built-in insecure pattern and AI signature has its literal sets precomputed
    /// (`build.rs`), and they are the ones extraction computes now: the table is neither partial
    /// nor stale.
    #[test]
    fn the_built_in_patterns_literal_sets_are_precomputed() {
        let mut wanted: Vec<(String, bool)> = Vec::new();
        for rule in crate::rules::insecure::builtin_rules().unwrap() {
            for p in rule.patterns {
                wanted.push((p.regex.as_str().to_string(), false));
            }
        }
        for s in crate::rules::signatures::builtin_specs().unwrap() {
            wanted.push((s.pattern, true));
        }
        assert!(wanted.len() > 100, "{}", wanted.len());
        for (p, unicode) in &wanted {
            let table = precomputed(p, *unicode).unwrap_or_else(|| panic!("not precomputed: {p}"));
            let now = super::super::literal_sets::compute(p, *unicode);
            let table: Vec<Vec<Vec<u8>>> = table
                .iter()
                .map(|set| set.iter().map(|l| l.to_vec()).collect())
                .collect();
            assert_eq!(table, now, "{p}");
        }
        assert!(precomputed("not a built-in (pattern)", true).is_none());
    }

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
