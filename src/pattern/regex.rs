//! Regexes from rule files and charters: checked by syntax while parsing, compiled on first use.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A regular expression from the charter or a rule file, checked while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct RegexPattern(pub String);

impl<'de> Deserialize<'de> for RegexPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if super::is_trusted() {
            return Ok(RegexPattern(s));
        }
        validate_regex(&s)
            .map_err(|e| serde::de::Error::custom(format!("invalid regex `{s}`: {e}")))?;
        Ok(RegexPattern(s))
    }
}

impl RegexPattern {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a regular expression's syntax the way `regex` will, without compiling it (parsing is
/// a small fraction of the cost of compiling, and most patterns are never needed in a given run).
/// A pattern that could exceed `regex`'s compiled-size limit (counted repetitions that multiply
/// out, or a very long pattern) is compiled now, so a pattern that would silently never match is
/// an error where it is written rather than a rule that is quietly off.
///
/// Results are remembered per thread (`MEMO_ENTRIES` patterns, `MEMO_BYTES` bytes of them at most):
/// loading a team charter validates each of its patterns several times (the team file alone, then
/// layered over the default, whose own patterns are checked again on every load), and a pattern
/// with large counted repetitions costs a compile each time.
///
/// The memo is only ever an optimisation: when this thread's memo cannot be reached (a thread-local
/// destructor validating after the memo itself was destroyed, or a borrow already held on this
/// thread), the pattern is validated without it instead of panicking inside `MEMO.with`.
pub fn validate_regex(pattern: &str) -> Result<(), String> {
    let known = MEMO
        .try_with(|m| m.try_borrow().ok().and_then(|m| m.get(pattern)))
        .ok()
        .flatten();
    if let Some(known) = known {
        return known;
    }
    let result = validate_uncached(pattern);
    let _ = MEMO.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.insert(pattern, &result);
        }
    });
    result
}

/// At most this many validated patterns are remembered per thread, holding at most this many
/// bytes of pattern and error text; past either bound the memo starts over.
const MEMO_ENTRIES: usize = 1024;
const MEMO_BYTES: usize = 1 << 20;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

#[derive(Default)]
struct Memo {
    results: std::collections::HashMap<String, Result<(), String>>,
    bytes: usize,
    #[cfg(test)]
    misses: usize,
}

impl Memo {
    fn get(&self, pattern: &str) -> Option<Result<(), String>> {
        self.results.get(pattern).cloned()
    }

    fn insert(&mut self, pattern: &str, result: &Result<(), String>) {
        #[cfg(test)]
        {
            self.misses += 1;
        }
        let size = pattern.len() + result.as_ref().err().map_or(0, String::len);
        if size > MEMO_BYTES / 4 {
            return;
        }
        if self.results.len() >= MEMO_ENTRIES || self.bytes + size > MEMO_BYTES {
            self.results.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        self.results.insert(pattern.to_string(), result.clone());
    }
}

/// How many patterns this thread has validated without the memo (tests only).
#[cfg(test)]
pub(crate) fn memo_misses() -> usize {
    MEMO.with(|m| m.borrow().misses)
}

/// The memo's size on this thread: entries and bytes (tests only).
#[cfg(test)]
fn memo_size() -> (usize, usize) {
    MEMO.with(|m| (m.borrow().results.len(), m.borrow().bytes))
}

fn validate_uncached(pattern: &str) -> Result<(), String> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let blowup = regex_syntax::ast::visit(&ast, Repetitions::default()).unwrap_or(u64::MAX);
    if blowup >= MAY_EXCEED_REPETITIONS || pattern.len() >= MAY_EXCEED_LENGTH {
        return compile(pattern, Syntax::Unicode)
            .map(|_| ())
            .map_err(|e| e.replace('\n', " "));
    }
    // Translating to HIR (Unicode case folding, `\w` tables) costs ten times the parse and can
    // only fail on Unicode property names and on bytes with Unicode switched off: only then.
    if !regex_syntax::ast::visit(&ast, NeedsTranslation).unwrap_or(true) {
        return Ok(());
    }
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Nested counted repetitions multiplying out to this many copies, or a pattern this long, may
/// compile past `regex`'s size limit (`[a-z]{1000}` does not; Unicode `\w{1000}` does):
/// such patterns are compiled while validating. Ordinary patterns (`(?i)\bpassword\s*=`) stay
/// a cheap syntax check.
const MAY_EXCEED_REPETITIONS: u64 = 100;
const MAY_EXCEED_LENGTH: usize = 4096;

/// The largest product of nested counted repetitions' bounds (`(a{10}){20}` → 200; `+`, `*` and
/// `{n,}` count their lower bound, as the unbounded rest compiles to a loop).
#[derive(Default)]
struct Repetitions {
    stack: Vec<u64>,
    max: u64,
}

impl regex_syntax::ast::Visitor for Repetitions {
    type Output = u64;
    type Err = ();

    fn finish(self) -> Result<u64, ()> {
        Ok(self.max)
    }

    fn visit_pre(&mut self, ast: &regex_syntax::ast::Ast) -> Result<(), ()> {
        use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};
        if let Ast::Repetition(r) = ast {
            let n = match &r.op.kind {
                RepetitionKind::Range(RepetitionRange::Exactly(n))
                | RepetitionKind::Range(RepetitionRange::AtLeast(n)) => u64::from(*n),
                RepetitionKind::Range(RepetitionRange::Bounded(_, n)) => u64::from(*n),
                _ => 1,
            };
            let outer = self.stack.last().copied().unwrap_or(1);
            let product = outer.saturating_mul(n.max(1));
            self.max = self.max.max(product);
            self.stack.push(product);
        }
        Ok(())
    }

    fn visit_post(&mut self, ast: &regex_syntax::ast::Ast) -> Result<(), ()> {
        if let regex_syntax::ast::Ast::Repetition(_) = ast {
            self.stack.pop();
        }
        Ok(())
    }
}

/// Finds the constructs whose errors only translation reports: `\p{..}` classes and `(?-u)`.
struct NeedsTranslation;

impl regex_syntax::ast::Visitor for NeedsTranslation {
    type Output = bool;
    /// Stops the walk as soon as one is found (`Err(())` means "yes").
    type Err = ();

    fn finish(self) -> Result<bool, ()> {
        Ok(false)
    }

    fn visit_pre(&mut self, ast: &regex_syntax::ast::Ast) -> Result<(), ()> {
        use regex_syntax::ast::{Ast, Flag, GroupKind};
        let unicode_off = |f: &regex_syntax::ast::Flags| f.flag_state(Flag::Unicode) == Some(false);
        match ast {
            Ast::ClassUnicode(_) => Err(()),
            Ast::Flags(f) if unicode_off(&f.flags) => Err(()),
            Ast::Group(g) if matches!(&g.kind, GroupKind::NonCapturing(f) if unicode_off(f)) => {
                Err(())
            }
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(
        &mut self,
        item: &regex_syntax::ast::ClassSetItem,
    ) -> Result<(), ()> {
        match item {
            regex_syntax::ast::ClassSetItem::Unicode(_) => Err(()),
            _ => Ok(()),
        }
    }
}
/// How a pattern's classes and case folding read the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Full Unicode semantics: a team's own patterns, commit-message signatures.
    Unicode,
    /// ASCII `\w`, `\s`, `\b` and `(?i)`: several times cheaper to compile and faster on non-ASCII
    /// text, for built-in patterns written against source code.
    Ascii,
    /// ASCII first, Unicode when the pattern needs it (non-ASCII literals, `\p{..}`), with room for
    /// the large patterns of secret catalogues (Go's RE2 classes are ASCII too).
    Catalogue,
}

/// Compiled size limits of `Syntax::Catalogue` (imported gitleaks rules can be large).
const CATALOGUE_SIZE_LIMIT: usize = 64 << 20;
const CATALOGUE_DFA_LIMIT: usize = 32 << 20;

/// Compiles `pattern` with `syntax`. A pattern whose syntax is valid can still exceed the
/// compiled-size limit; that is the error here.
pub fn compile(pattern: &str, syntax: Syntax) -> Result<Regex, String> {
    match syntax {
        Syntax::Unicode => Regex::build(pattern, true, false),
        Syntax::Ascii => Regex::build(pattern, false, false),
        Syntax::Catalogue => {
            Regex::build(pattern, false, true).or_else(|_| Regex::build(pattern, true, true))
        }
    }
}

/// A compiled byte regex: `regex::bytes::Regex`'s semantics (leftmost-first, any bytes, empty
/// matches anywhere) on `regex_automata`'s meta engine, configured for what git-charter asks of
/// it. Every pattern here runs behind a literal prefilter of its own (a rule's keywords, an
/// insecure pattern's required literals, a signature's literal filter) over a window of a few
/// lines, so the regex's own literal prefilter, one-pass DFA and full DFA are not built: without
/// them the first-use compiles of the hook benchmark (`bench/hook.sh`, callgrind) fell from 94 M
/// to 41 M instructions, and they bought nothing on such windows. The lazy DFA (fast search over any window) and the NFA engines remain.
#[derive(Clone, Debug)]
pub struct Regex {
    meta: regex_automata::meta::Regex,
}

/// One match of a `Regex` in a haystack (as `regex::bytes::Match`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h [u8],
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_bytes(&self) -> &'h [u8] {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match (as `regex::bytes::Captures`).
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    hay: &'h [u8],
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let span = self.caps.get_group(i)?;
        Some(self.at(span))
    }

    /// The group named `name`, if it exists and took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let span = self.caps.get_group_by_name(name)?;
        Some(self.at(span))
    }

    fn at(&self, span: regex_automata::Span) -> Match<'h> {
        Match {
            hay: self.hay,
            start: span.start,
            end: span.end,
        }
    }
}

impl Regex {
    fn build(pattern: &str, unicode: bool, big: bool) -> Result<Regex, String> {
        use regex_automata::meta;
        let (nfa, cache) = if big {
            (CATALOGUE_SIZE_LIMIT, CATALOGUE_DFA_LIMIT)
        } else {
            // `regex`'s defaults.
            (10 << 20, 2 << 20)
        };
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(false)
            .nfa_size_limit(Some(nfa))
            .hybrid_cache_capacity(cache)
            .auto_prefilter(false)
            .onepass(false)
            .dfa(false);
        let syntax = regex_automata::util::syntax::Config::new()
            .unicode(unicode)
            .utf8(false);
        meta::Builder::new()
            .configure(config)
            .syntax(syntax)
            .build(pattern)
            .map(|meta| Regex { meta })
            .map_err(|e| match (e.size_limit(), e.syntax_error()) {
                (Some(limit), _) => {
                    format!("Compiled regex exceeds size limit of {limit} bytes.")
                }
                (None, Some(syntax)) => syntax.to_string(),
                (None, None) => e.to_string(),
            })
    }

    pub fn is_match(&self, hay: &[u8]) -> bool {
        self.meta.is_match(hay)
    }

    /// The leftmost-first match in `hay`.
    pub fn find<'h>(&self, hay: &'h [u8]) -> Option<Match<'h>> {
        let m = self.meta.find(hay)?;
        Some(Match {
            hay,
            start: m.start(),
            end: m.end(),
        })
    }

    /// The groups of the leftmost-first match in `hay`.
    pub fn captures<'h>(&self, hay: &'h [u8]) -> Option<Captures<'h>> {
        let mut caps = self.meta.create_captures();
        self.meta.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    /// The groups of every successive non-overlapping match in `hay`.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h [u8],
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.meta
            .captures_iter(hay)
            .map(move |caps| Captures { hay, caps })
    }

    /// Groups, the whole match (group 0) included.
    pub fn captures_len(&self) -> usize {
        self.meta.captures_len()
    }

    /// Each group's name, `None` for an unnamed one, group 0 first.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.meta
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
    }
}

/// A byte regex compiled on first use. Detectors hold many rules but a commit touches few of them:
/// compiling only the rules whose keywords hit keeps the hook's start-up in the low milliseconds.
/// The one lazy-regex type of the crate: secrets, insecure patterns, class signals and AI
/// signatures all hold these.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    pattern: String,
    syntax: Syntax,
    compiled: OnceLock<Result<Regex, String>>,
}

impl LazyRegex {
    /// Validates the syntax now; compiles later.
    pub fn new(pattern: &str, syntax: Syntax) -> Result<LazyRegex, String> {
        validate_regex(pattern)?;
        Ok(LazyRegex::unchecked(pattern, syntax))
    }

    /// Without validation, for built-in patterns whose validity `rules check` pins, and for
    /// patterns validated while their file was parsed (`RegexPattern`).
    pub fn unchecked(pattern: &str, syntax: Syntax) -> LazyRegex {
        LazyRegex {
            pattern: pattern.to_string(),
            syntax,
            compiled: OnceLock::new(),
        }
    }

    /// A regex the caller compiled while loading its file (so errors name that file), from
    /// `pattern` (translated from another dialect, say).
    pub fn compiled(pattern: &str, regex: Regex, syntax: Syntax) -> LazyRegex {
        LazyRegex {
            pattern: pattern.to_string(),
            syntax,
            compiled: OnceLock::from(Ok(regex)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The compiled regex. A pattern whose syntax is valid but that exceeds the compiled-size
    /// limit yields `None` (and never matches); `check` reports such patterns in rule checks.
    pub fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| compile(&self.pattern, self.syntax))
            .as_ref()
            .ok()
    }

    /// Whether it has been compiled (tests pin that building a detector compiles nothing).
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Whether the regex matches; a pattern that does not compile matches nothing.
    pub fn is_match(&self, text: &[u8]) -> bool {
        self.get().is_some_and(|r| r.is_match(text))
    }

    /// Compiles now and reports a failure (rule checks, `policy check`).
    pub fn check(&self) -> Result<(), String> {
        match self
            .compiled
            .get_or_init(|| compile(&self.pattern, self.syntax))
        {
            Ok(_) => Ok(()),
            Err(e) => Err(e.clone()),
        }
    }

    /// All the literal sets every match needs (see `required_literal_sets`).
    pub fn required_literal_sets(&self) -> Vec<Vec<Vec<u8>>> {
        super::literals::required_literal_sets_with(&self.pattern, self.syntax != Syntax::Ascii)
    }
}

/// The text of a match in a `&str` haystack. A Unicode-mode match on UTF-8 text ends on
/// character boundaries; a pattern that steps outside (`(?-u:\xFF)`) gives a lossy copy.
pub fn match_str<'t>(text: &'t str, m: Match<'_>) -> std::borrow::Cow<'t, str> {
    match text.get(m.start()..m.end()) {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => String::from_utf8_lossy(&text.as_bytes()[m.start()..m.end()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Validation skips translation unless a construct only translation can reject is present.
    #[test]
    fn validation_reports_what_compiling_would() {
        for bad in [
            "(unclosed",
            r"\p{NoSuchClass}",
            r"[\p{Greek}\p{Nope}]",
            r"(?-u)\xFF",
            r"(?i-u:\xFF)",
            "a{2,1}",
            r"\1",
        ] {
            assert!(validate_regex(bad).is_err(), "{bad}");
            assert!(regex::Regex::new(bad).is_err(), "{bad}");
        }
        for good in [r"\p{Greek}+", r"(?-u:\w)+", r"(?i)\bselect\s+\w+", "🤖"] {
            assert!(validate_regex(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn lazy_regex_compiles_on_first_use_and_reports_failures() {
        let r = LazyRegex::unchecked(r"(?i)\bselect\b", Syntax::Ascii);
        assert!(r.compiled.get().is_none());
        assert!(r.is_match(b"SELECT 1"));
        assert!(LazyRegex::new("(unclosed", Syntax::Unicode).is_err());
        let huge = LazyRegex::unchecked(r"\w{1000}\w{1000}", Syntax::Unicode);
        assert!(huge.check().is_err());
        assert!(!huge.is_match(b"x"));
    }

    /// A class signal `\w{1000}\w{1000}` passed the syntax check and then silently never matched.
    #[test]
    fn a_pattern_over_the_compiled_size_limit_is_rejected_while_validating() {
        for huge in [r"\w{1000}\w{1000}", r"(?:\pL{50}){40}"] {
            let e = validate_regex(huge).expect_err(huge);
            assert!(e.contains("size limit"), "{huge}: {e}");
            assert!(LazyRegex::new(huge, Syntax::Unicode).is_err(), "{huge}");
        }
        // Counted repetitions that compile fine are still accepted.
        for fine in [
            r"[a-z_]{1000}",
            r"[a-f0-9]{64}",
            r"(?i)\bpassword\s*[:=]\s*\S{8,200}",
        ] {
            assert_eq!(validate_regex(fine), Ok(()), "{fine}");
        }
    }

    /// The memo answers as validation does: the same verdict and message the second time, for
    /// syntax errors, size-limit errors and valid patterns alike.
    #[test]
    fn remembered_validation_answers_as_validating_again_would() {
        for p in [
            "(unclosed",
            r"\p{Nope}",
            r"\w{1000}\w{1000}",
            r"(?i)\bpassword\s*=",
            r"[a-z_]{1000}",
        ] {
            let first = validate_regex(p);
            let misses = memo_misses();
            assert_eq!(validate_regex(p), first, "{p}");
            assert_eq!(memo_misses(), misses, "{p} was validated again");
            assert_eq!(validate_uncached(p), first, "{p}");
        }
    }

    /// A thread-local destructor that validates a pattern may run after this thread's memo was
    /// destroyed (destructors run in an order the code does not choose). Validation then goes on
    /// without the memo: `MEMO.with` used to panic there ("cannot access a Thread Local Storage
    /// value during or after destruction"), which aborts the process from a destructor. Both
    /// orders are tried, so one thread has its memo destroyed before the validating destructor.
    #[test]
    fn validating_from_a_thread_local_destructor_does_not_panic() {
        struct ValidatesOnDrop(std::sync::mpsc::Sender<std::thread::Result<[bool; 2]>>);
        impl Drop for ValidatesOnDrop {
            fn drop(&mut self) {
                let verdicts = std::panic::catch_unwind(|| {
                    [
                        validate_regex("(unclosed").is_err(),
                        validate_regex(r"[a-z]{200}").is_ok(),
                    ]
                });
                let _ = self.0.send(verdicts);
            }
        }
        thread_local! {
            static GUARD: std::cell::RefCell<Option<ValidatesOnDrop>> =
                const { std::cell::RefCell::new(None) };
        }
        for memo_first in [false, true] {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                if memo_first {
                    assert!(validate_regex("x").is_ok());
                }
                GUARD.with(|g| *g.borrow_mut() = Some(ValidatesOnDrop(tx)));
                if !memo_first {
                    assert!(validate_regex("x").is_ok());
                }
            })
            .join()
            .unwrap();
            let verdicts = rx.recv().expect("the destructor ran");
            assert_eq!(
                verdicts.ok(),
                Some([true, true]),
                "validation in a destructor (memo touched first: {memo_first})"
            );
        }
    }

    /// However many distinct patterns a long-lived process validates, the memo stays bounded.
    #[test]
    fn the_validation_memo_is_bounded() {
        for i in 0..MEMO_ENTRIES * 2 + 7 {
            assert!(validate_regex(&format!("x{i}y")).is_ok());
            let (entries, bytes) = memo_size();
            assert!(
                entries <= MEMO_ENTRIES && bytes <= MEMO_BYTES,
                "{entries} {bytes}"
            );
        }
        // A pattern larger than a quarter of the budget is validated but not kept (an unclosed
        // group: rejected by the parser, without the compile a long valid pattern would cost).
        let long = format!("({}", "a".repeat(MEMO_BYTES / 4));
        let misses = memo_misses();
        assert!(validate_regex(&long).is_err());
        assert!(validate_regex(&long).is_err());
        assert_eq!(memo_misses(), misses + 2);
        assert!(memo_size().1 <= MEMO_BYTES);
    }
}
