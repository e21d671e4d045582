//! Small shared types that cross stage boundaries (stages, severities, identities, violations, file
//! status and skip reasons) and validated patterns: globs, regexes checked by syntax and compiled lazily,
//! required-literal prefilters. No git, no regorus, no clap, no terminal.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// The point in the git workflow at which git-charter runs. Policies see it as `input.stage`
/// and may restrict themselves to some stages through `custom.stages` in their METADATA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    PreCommit,
    CommitMsg,
    PrePush,
    Ci,
    Scan,
}

impl Stage {
    /// Every stage, in workflow order (the CLI lists them in this order).
    pub const ALL: [Stage; 5] = [
        Stage::PreCommit,
        Stage::CommitMsg,
        Stage::PrePush,
        Stage::Ci,
        Stage::Scan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::PreCommit => "pre-commit",
            Stage::CommitMsg => "commit-msg",
            Stage::PrePush => "pre-push",
            Stage::Ci => "ci",
            Stage::Scan => "scan",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the values of a vocabulary enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue(pub String);

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown value `{}`", self.0)
    }
}

impl std::error::Error for UnknownValue {}

impl std::str::FromStr for Stage {
    type Err = UnknownValue;

    fn from_str(s: &str) -> Result<Stage, UnknownValue> {
        Stage::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownValue(s.to_string()))
    }
}

/// How a file changed, as `input.files[].status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Added,
    #[default]
    Modified,
    Deleted,
    Renamed,
    Copied,
    Typechange,
    /// An unresolved merge conflict in the index.
    Conflicted,
}

/// Why a changed file's content was not scanned, as `input.files[].skipped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// A NUL byte in the first 8000 bytes.
    Binary,
    /// Larger than `limits.max_file_size`.
    TooLarge,
    Submodule,
    Symlink,
    /// Nothing left to scan.
    Deleted,
    /// An unresolved merge conflict in the index.
    Conflicted,
    /// The index names no content (intent-to-add).
    Unavailable,
    /// A file on disk that could not be read (`scan`).
    Unreadable,
}

/// What `init` did with one starter file: written, or kept because it already existed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitAction {
    Wrote(PathBuf),
    Kept(PathBuf),
}

#[cfg(test)]
mod vocabulary_tests {
    use super::*;

    #[test]
    fn stage_names_round_trip_through_from_str_and_serde() {
        for s in Stage::ALL {
            assert_eq!(s.as_str().parse::<Stage>(), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(
            "pre_commit".parse::<Stage>(),
            Err(UnknownValue("pre_commit".into()))
        );
    }

    #[test]
    fn status_and_skip_reasons_serialise_as_the_input_document_spells_them() {
        let names = |v: serde_json::Value| v.to_string();
        assert_eq!(
            names(serde_json::json!([
                FileStatus::Added,
                FileStatus::Modified,
                FileStatus::Deleted,
                FileStatus::Renamed,
                FileStatus::Copied,
                FileStatus::Typechange,
                FileStatus::Conflicted
            ])),
            r#"["added","modified","deleted","renamed","copied","typechange","conflicted"]"#
        );
        assert_eq!(
            names(serde_json::json!([
                SkipReason::Binary,
                SkipReason::TooLarge,
                SkipReason::Submodule,
                SkipReason::Symlink,
                SkipReason::Deleted,
                SkipReason::Conflicted,
                SkipReason::Unavailable,
                SkipReason::Unreadable
            ])),
            r#"["binary","too-large","submodule","symlink","deleted","conflicted","unavailable","unreadable"]"#
        );
    }
}

/// How serious a policy says its violations are. Taken from the policy's METADATA
/// (`custom.severity`); the rule set a result came from (`deny` or `warn`) decides whether it blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a violation blocks (`deny`) or is only shown (`warn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// A git identity as `Name <email>`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ident {
    pub name: String,
    pub email: String,
}

impl Ident {
    /// Parses `Name <email>` and also git's `GIT_AUTHOR_IDENT` form `Name <email> 1700000000 +0000`.
    pub fn parse(s: &str) -> Option<Ident> {
        let lt = s.find('<')?;
        let gt = lt + s[lt..].find('>')?;
        Some(Ident {
            name: s[..lt].trim().to_string(),
            email: s[lt + 1..gt].trim().to_string(),
        })
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// One policy result, enriched with the policy's METADATA. This is what reporters print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// Stable policy id from METADATA `custom.id`, e.g. `CH-SECRET-001`.
    pub policy_id: String,
    /// The Rego package the result came from, e.g. `charter.secrets`.
    pub package: String,
    pub title: String,
    pub level: Level,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<String>,
    /// The commit the violation belongs to (CI and pre-push only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// A glob from the charter, checked with `globset` while the charter is parsed so a bad glob
/// is reported with the charter's file and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct GlobPattern(pub String);

impl<'de> Deserialize<'de> for GlobPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        globset::GlobBuilder::new(&s)
            .literal_separator(true)
            .build()
            .map_err(|e| serde::de::Error::custom(format!("invalid glob `{s}`: {}", e.kind())))?;
        Ok(GlobPattern(s))
    }
}

impl GlobPattern {
    /// The compiled glob. `*` does not cross `/`; `**` does (gitignore-like).
    pub fn glob(&self) -> globset::Glob {
        globset::GlobBuilder::new(&self.0)
            .literal_separator(true)
            .build()
            .expect("validated while parsing")
    }
}

/// A regular expression from the charter or a rule file, checked while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct RegexPattern(pub String);

impl<'de> Deserialize<'de> for RegexPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        validate_regex(&s)
            .map_err(|e| serde::de::Error::custom(format!("invalid regex `{s}`: {e}")))?;
        Ok(RegexPattern(s))
    }
}

/// Checks a regular expression's syntax the way `regex` will, without compiling it (parsing is
/// a small fraction of the cost of compiling, and most patterns are never needed in a given run).
/// Patterns that pass can still exceed `regex`'s size limit; that surfaces when they are compiled.
pub fn validate_regex(pattern: &str) -> Result<(), String> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
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

/// A regex compiled on first use. Detectors hold many rules but a commit touches few of them:
/// compiling only the rules whose keywords hit keeps the hook's start-up in the low milliseconds.
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    unicode: bool,
    compiled: std::sync::OnceLock<Result<regex::bytes::Regex, String>>,
}

impl Clone for LazyRegex {
    fn clone(&self) -> Self {
        LazyRegex {
            pattern: self.pattern.clone(),
            unicode: self.unicode,
            compiled: self.compiled.clone(),
        }
    }
}

impl LazyRegex {
    /// Validates the syntax now; compiles later.
    pub fn new(pattern: &str) -> Result<LazyRegex, String> {
        validate_regex(pattern)?;
        Ok(LazyRegex::unchecked(pattern, true))
    }

    /// Without validation, for built-in patterns whose validity a unit test pins (`check`).
    /// `unicode: false` gives ASCII `\w`, `\s`, `\b` and `(?i)`: several times cheaper to
    /// compile and faster on non-ASCII text, for patterns written against source code.
    pub fn unchecked(pattern: &str, unicode: bool) -> LazyRegex {
        LazyRegex {
            pattern: pattern.to_string(),
            unicode,
            compiled: std::sync::OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled regex. A pattern whose syntax is valid but that exceeds the compiled-size
    /// limit yields `None` (and never matches); `check` reports such patterns in rule tests.
    pub fn get(&self) -> Option<&regex::bytes::Regex> {
        self.compiled
            .get_or_init(|| {
                regex::bytes::RegexBuilder::new(&self.pattern)
                    .unicode(self.unicode)
                    .build()
                    .map_err(|e| e.to_string())
            })
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

    /// Compiles now and reports a failure (for rule-check tests and `policy check`).
    pub fn check(&self) -> Result<(), String> {
        self.get()
            .map(|_| ())
            .ok_or_else(|| match self.compiled.get() {
                Some(Err(e)) => e.clone(),
                _ => "regex did not compile".to_string(),
            })
    }

    /// Literals one of which every match contains (see `required_literals`).
    pub fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        required_literals_with(&self.pattern, self.unicode)
    }

    /// All the literal sets every match needs (see `required_literal_sets`).
    pub fn required_literal_sets(&self) -> Vec<Vec<Vec<u8>>> {
        required_literal_sets_with(&self.pattern, self.unicode)
    }
}

/// `LazyRegex` over `&str`, for detectors that need captures as text (commit messages).
#[derive(Debug, Clone)]
pub struct LazyStrRegex {
    pattern: String,
    compiled: std::sync::OnceLock<Result<regex::Regex, String>>,
}

impl LazyStrRegex {
    /// Validates the syntax now; compiles later.
    pub fn new(pattern: &str) -> Result<LazyStrRegex, String> {
        validate_regex(pattern)?;
        Ok(LazyStrRegex::unchecked(pattern))
    }

    /// Without validation, for built-in patterns whose validity a unit test pins (`check`).
    pub fn unchecked(pattern: &str) -> LazyStrRegex {
        LazyStrRegex {
            pattern: pattern.to_string(),
            compiled: std::sync::OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled regex; `None` for a pattern over the compiled-size limit (it never matches).
    pub fn get(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| regex::Regex::new(&self.pattern).map_err(|e| e.to_string()))
            .as_ref()
            .ok()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|r| r.is_match(text))
    }

    /// Compiles now and reports a failure.
    pub fn check(&self) -> Result<(), String> {
        self.get()
            .map(|_| ())
            .ok_or_else(|| match self.compiled.get() {
                Some(Err(e)) => e.clone(),
                _ => "regex did not compile".to_string(),
            })
    }

    /// Literals one of which every match contains (see `required_literals`).
    pub fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        required_literals_with(&self.pattern, true)
    }

    /// All the literal sets every match needs (see `required_literal_sets`).
    pub fn required_literal_sets(&self) -> Vec<Vec<Vec<u8>>> {
        required_literal_sets_with(&self.pattern, true)
    }
}

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

fn required_literals_with(pattern: &str, unicode: bool) -> Option<Vec<Vec<u8>>> {
    required_literal_sets_with(pattern, unicode)
        .into_iter()
        .next()
}

fn required_literal_sets_with(pattern: &str, unicode: bool) -> Vec<Vec<Vec<u8>>> {
    // The AST, not the HIR: translating to HIR (case folding, Unicode tables) costs ten times
    // the parse, and the literals are needed for every pattern of a catalogue at once.
    let Ok(ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mut flags = literals::Flags {
        case_insensitive: false,
        unicode,
    };
    literals::analyze(&ast, &mut flags).best()
}

mod literals {
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

/// One ASCII case-insensitive automaton over the required literals of many regexes: which of
/// them can possibly match a text. Regexes without a literal set are always candidates.
#[derive(Debug, Clone)]
pub struct LiteralFilter {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Automaton pattern → (regex, bit of the set it belongs to).
    owners: Vec<Vec<(usize, u32)>>,
    /// Per regex: the bits of all its sets (0: no set, always a candidate).
    full: Vec<u32>,
}

impl LiteralFilter {
    /// `sets[i]` is regex i's required literals (`None`: no filter for it). An NFA: the cheapest
    /// to build, for short texts (a line, a commit message).
    pub fn new(sets: &[Option<Vec<Vec<u8>>>]) -> LiteralFilter {
        let all: Vec<Vec<Vec<Vec<u8>>>> =
            sets.iter().map(|s| s.iter().cloned().collect()).collect();
        LiteralFilter::all_of(&all, aho_corasick::AhoCorasickKind::NoncontiguousNFA)
    }

    /// With the automaton kind chosen by the caller (a DFA for many searches: slower to build,
    /// several times faster to run).
    /// `conjunctions[i]` is regex i's `required_literal_sets`: it is a candidate when every one
    /// of them has a literal in the text (no set: always).
    pub fn all_of(
        conjunctions: &[Vec<Vec<Vec<u8>>>],
        kind: aho_corasick::AhoCorasickKind,
    ) -> LiteralFilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut owners: Vec<Vec<(usize, u32)>> = Vec::new();
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
                    let k = *index.entry(lit.clone()).or_insert_with(|| {
                        literals.push(lit.clone());
                        owners.push(Vec::new());
                        literals.len() - 1
                    });
                    if !owners[k].contains(&(i, 1 << j)) {
                        owners[k].push((i, 1 << j));
                    }
                }
            }
        }
        let automaton = (!literals.is_empty())
            .then(|| {
                aho_corasick::AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .kind(Some(kind))
                    .build(&literals)
                    .ok()
            })
            .flatten();
        if automaton.is_none() && !literals.is_empty() {
            // Cannot happen for literals this small; filtering nothing is the safe fallback.
            full.iter_mut().for_each(|f| *f = 0);
        }
        LiteralFilter {
            automaton,
            owners,
            full,
        }
    }

    /// Whether any of the regexes may match `text`. Without literals in the text, only a regex
    /// without sets can; the common case for a detector's gate stops there.
    pub fn any(&self, text: &[u8]) -> bool {
        if self.full.contains(&0) {
            return true;
        }
        let Some(ac) = &self.automaton else {
            return false;
        };
        if !ac.is_match(fold(text).as_ref()) {
            return false;
        }
        let mut out = Vec::new();
        self.candidates_into(text, &mut out);
        out.contains(&true)
    }

    /// Marks in `out` (resized to the number of regexes) every regex that may match `text`.
    pub fn candidates_into(&self, text: &[u8], out: &mut Vec<bool>) {
        let mut seen = vec![0u32; self.full.len()];
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(fold(text).as_ref()) {
                for &(i, bit) in &self.owners[m.pattern().as_usize()] {
                    seen[i] |= bit;
                }
            }
        }
        out.clear();
        out.extend(seen.iter().zip(&self.full).map(|(s, f)| s == f));
    }
}

#[cfg(test)]
mod lazy_regex_tests {
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
        let f = LiteralFilter::all_of(&[sets], aho_corasick::AhoCorasickKind::NoncontiguousNFA);
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
        let r = LazyRegex::unchecked(r"(?i)\bselect\b", false);
        assert!(r.compiled.get().is_none());
        assert!(r.is_match(b"SELECT 1"));
        assert!(LazyRegex::new("(unclosed").is_err());
        let huge = LazyRegex::new(r"\w{1000}\w{1000}").unwrap();
        assert!(huge.check().is_err());
        assert!(!huge.is_match(b"x"));
    }
}
