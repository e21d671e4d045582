//! Insecure code patterns AI assistants tend to write, as rules with examples; matched on added lines.
//! Pure: bytes and a path in, matches out. Must not touch git, regorus or the terminal.
//!
//! Like the secret rules: one aho-corasick keyword pass over the buffer, then each hit rule's
//! regexes run only on the lines where one of its keywords occurred.

use crate::config::insecure::{Action, InsecureConfig};
use crate::detect::LineMap;
use crate::model::{GlobPattern, LazyRegex, LiteralFilter, RegexPattern, Severity};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use globset::{GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The built-in rule files, embedded. Each is `rules: [...]` in the format of `InsecureRule`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/insecure/code.yaml",
        include_str!("../../rules/insecure/code.yaml"),
    ),
    (
        "rules/insecure/crypto.yaml",
        include_str!("../../rules/insecure/crypto.yaml"),
    ),
    (
        "rules/insecure/web.yaml",
        include_str!("../../rules/insecure/web.yaml"),
    ),
    (
        "rules/insecure/infra.yaml",
        include_str!("../../rules/insecure/infra.yaml"),
    ),
    (
        "rules/insecure/ci.yaml",
        include_str!("../../rules/insecure/ci.yaml"),
    ),
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatternMatch {
    pub id: String,
    pub title: String,
    pub path: String,
    pub line: u32,
    pub severity: Severity,
    /// What the charter says to do about it: `warn` or `deny` (`off` patterns are not reported).
    pub action: Action,
    /// How to fix it, from the rule.
    pub remediation: String,
}

/// One insecure pattern: data with examples, like a secret rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsecureRule {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub remediation: String,
    /// Literals for the prefilter (ASCII case-insensitive); a line is looked at only if one occurs in it.
    pub keywords: Vec<String>,
    /// The rule matches a line when any of these matches it.
    pub patterns: Vec<PatternDef>,
    /// Paths this rule never looks at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_paths: Vec<GlobPattern>,
    /// Rules of other tools covering the same thing (`bandit: B501`, `gosec: G402`, …).
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub negative_examples: Vec<Example>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    pub regex: RegexPattern,
    /// Only files matching one of these (empty: every file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<GlobPattern>,
    /// The line does not count when it also matches this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<RegexPattern>,
    /// The line counts only when this matches within `context_lines` lines of it (either side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<RegexPattern>,
    #[serde(default)]
    pub context_lines: u32,
}

/// A rule example: text alone (scanned as `example.txt`) or text with the path it would have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    At { path: String, text: String },
}

impl Example {
    pub fn path(&self) -> &str {
        match self {
            Example::Text(_) => "example.txt",
            Example::At { path, .. } => path,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Example::Text(t) | Example::At { text: t, .. } => t,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rules: Vec<InsecureRule>,
}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct InsecureError {
    pub message: String,
}

impl InsecureError {
    fn new(message: impl Into<String>) -> InsecureError {
        InsecureError {
            message: message.into(),
        }
    }
}

/// The built-in rules, parsed. Their validity is pinned by a unit test.
pub fn builtin_rules() -> Result<Vec<InsecureRule>, InsecureError> {
    let mut rules = Vec::new();
    for (origin, text) in BUILTIN_RULE_FILES {
        let file: RuleFile =
            yaml_serde::from_str(text).map_err(|e| InsecureError::new(format!("{origin}: {e}")))?;
        rules.extend(file.rules);
    }
    Ok(rules)
}

/// What the scanner needs of a built-in rule, read without examples or documentation and without
/// re-checking regex and glob syntax (a unit test pins both): half the time of `builtin_rules`,
/// on every run of the hook. `lean_rules_are_the_full_rules_without_docs` keeps the two in step.
#[derive(Deserialize)]
struct LeanFile {
    rules: Vec<LeanRule>,
}

#[derive(Deserialize)]
struct LeanRule {
    id: String,
    title: String,
    severity: Severity,
    #[serde(default)]
    remediation: String,
    keywords: Vec<String>,
    patterns: Vec<LeanPattern>,
    #[serde(default)]
    exclude_paths: Vec<String>,
}

#[derive(Deserialize)]
struct LeanPattern {
    regex: String,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    unless: Option<String>,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    context_lines: u32,
}

fn builtin_scan_rules() -> Result<Vec<InsecureRule>, InsecureError> {
    let globs = |v: Vec<String>| v.into_iter().map(GlobPattern).collect::<Vec<_>>();
    let mut rules = Vec::new();
    for (origin, text) in BUILTIN_RULE_FILES {
        let file: LeanFile =
            yaml_serde::from_str(text).map_err(|e| InsecureError::new(format!("{origin}: {e}")))?;
        rules.extend(file.rules.into_iter().map(|r| {
            InsecureRule {
                id: r.id,
                title: r.title,
                severity: r.severity,
                description: String::new(),
                remediation: r.remediation,
                keywords: r.keywords,
                patterns: r
                    .patterns
                    .into_iter()
                    .map(|p| PatternDef {
                        regex: RegexPattern(p.regex),
                        paths: globs(p.paths),
                        unless: p.unless.map(RegexPattern),
                        context: p.context.map(RegexPattern),
                        context_lines: p.context_lines,
                    })
                    .collect(),
                exclude_paths: globs(r.exclude_paths),
                references: Vec::new(),
                examples: Vec::new(),
                negative_examples: Vec::new(),
            }
        }));
    }
    Ok(rules)
}

/// Runs every pattern (built-in and the charter's own, all switched on) over its examples: each
/// positive must contain a keyword (a silent prefilter miss is the worst bug) and be reported under
/// its own id; no negative may be. Returns one line per failure; `rules check` shows them.
pub fn check_examples(config: &InsecureConfig) -> Result<Vec<String>, InsecureError> {
    let mut rules = builtin_rules()?;
    let builtin = rules.len();
    rules.extend(config.patterns.iter().cloned());
    let all_on = InsecureConfig {
        default: Action::Warn,
        ..InsecureConfig::default()
    };
    let scanner = InsecureScanner::compile(&rules, builtin, &all_on)?;
    let mut failures = scanner.check_regexes();
    let ids = |path: &str, text: &str| {
        let mut out = Vec::new();
        scanner.scan(
            path,
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        out.into_iter().map(|m| m.id).collect::<Vec<_>>()
    };
    for r in &rules {
        for ex in &r.examples {
            let lower = ex.text().to_ascii_lowercase();
            if !r
                .keywords
                .iter()
                .any(|k| lower.contains(&k.to_ascii_lowercase()))
            {
                failures.push(format!("{}: no keyword in example {:?}", r.id, ex.text()));
            }
            if !ids(ex.path(), ex.text()).contains(&r.id) {
                failures.push(format!(
                    "{}: missed example {:?} at {}",
                    r.id,
                    ex.text(),
                    ex.path()
                ));
            }
        }
        for ex in &r.negative_examples {
            if ids(ex.path(), ex.text()).contains(&r.id) {
                failures.push(format!(
                    "{}: matched negative {:?} at {}",
                    r.id,
                    ex.text(),
                    ex.path()
                ));
            }
        }
    }
    Ok(failures)
}

struct CompiledPattern {
    rule: usize,
    regex: LazyRegex,
    unless: Option<LazyRegex>,
    context: Option<(LazyRegex, usize)>,
    scoped: bool,
}

struct CompiledRule {
    id: String,
    title: String,
    remediation: String,
    severity: Severity,
    action: Action,
    patterns: Vec<usize>,
    /// The required literals (`model::required_literal_sets`) of each of `patterns`, built the first
    /// time the rule is a candidate: a pattern none of whose literals is on the line cannot match
    /// it, so it is neither compiled nor run (a rule's keywords are broader than each pattern).
    /// An NFA for a commit's few lines, a DFA once a large scan needs many searches.
    gate: OnceLock<LiteralFilter>,
    gate_dfa: OnceLock<LiteralFilter>,
}

/// Texts from this size on are searched with the keyword DFA: it costs about a millisecond to
/// build and is three to five times faster than the NFA (a commit's few lines never need it).
const DFA_FROM_BYTES: usize = 256 << 10;

/// Compiled rules; build once per run, share across threads. Building compiles no regex: a
/// pattern is compiled the first time one of its rule's keywords hits a line it could match.
pub struct InsecureScanner {
    rules: Vec<CompiledRule>,
    patterns: Vec<CompiledPattern>,
    keywords: Vec<String>,
    automaton: Option<AhoCorasick>,
    dfa: OnceLock<Option<AhoCorasick>>,
    /// Bytes scanned so far, to switch to the DFA once a tree scan has read enough.
    scanned: AtomicUsize,
    /// Automaton pattern id → rules having that keyword.
    keyword_rules: Vec<Vec<usize>>,
    scope: GlobSet,
    scope_owner: Vec<usize>,
    rule_excludes: GlobSet,
    rule_exclude_owner: Vec<usize>,
    global_excludes: GlobSet,
}

impl InsecureScanner {
    pub fn new(config: &InsecureConfig) -> Result<InsecureScanner, InsecureError> {
        let mut all = builtin_scan_rules()?;
        let builtin = all.len();
        all.extend(config.patterns.iter().cloned());
        let mut seen = BTreeSet::new();
        for r in &all {
            if !seen.insert(r.id.as_str()) {
                return Err(InsecureError::new(format!(
                    "insecure: pattern id `{}` is defined twice",
                    r.id
                )));
            }
        }
        if let Some(unknown) = config.rules.keys().find(|k| !seen.contains(k.as_str())) {
            return Err(InsecureError::new(format!(
                "insecure.rules: unknown pattern id `{unknown}` (known: {})",
                seen.iter().copied().collect::<Vec<_>>().join(", ")
            )));
        }
        Self::compile(&all, builtin, config)
    }

    /// Compiles `rules` with the charter's actions; rules whose action is `off` are left out.
    /// Their regexes keep full Unicode semantics, as a team's patterns do.
    pub fn from_rules(
        rules: &[InsecureRule],
        config: &InsecureConfig,
    ) -> Result<InsecureScanner, InsecureError> {
        Self::compile(rules, 0, config)
    }

    /// The first `builtin` rules are the built-in ones: written against source code, their
    /// regexes run in ASCII mode (`\w`, `\s`, `\b`, `(?i)` over ASCII), which compiles several
    /// times faster. A team's own patterns keep Unicode semantics.
    fn compile(
        rules: &[InsecureRule],
        builtin: usize,
        config: &InsecureConfig,
    ) -> Result<InsecureScanner, InsecureError> {
        let mut compiled_rules = Vec::new();
        let mut patterns = Vec::new();
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        let mut scope = GlobSetBuilder::new();
        let mut scope_owner = Vec::new();
        let mut rule_excludes = GlobSetBuilder::new();
        let mut rule_exclude_owner = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let action = config
                .rules
                .get(&rule.id)
                .copied()
                .unwrap_or(config.default);
            if action == Action::Off {
                continue;
            }
            if rule.keywords.is_empty() || rule.patterns.is_empty() {
                return Err(InsecureError::new(format!(
                    "insecure pattern `{}`: needs at least one keyword and one pattern",
                    rule.id
                )));
            }
            if rule.keywords.iter().any(String::is_empty) {
                return Err(InsecureError::new(format!(
                    "insecure pattern `{}`: empty keyword",
                    rule.id
                )));
            }
            // Built-ins are pinned by a unit test; a team's are validated again here (cheap: a
            // syntax check) because rules can be built in code without the parser's check.
            let team = index >= builtin;
            let lazy = |r: &RegexPattern| -> Result<LazyRegex, InsecureError> {
                if team {
                    LazyRegex::new(&r.0).map_err(|e| {
                        InsecureError::new(format!(
                            "insecure pattern `{}`: invalid regex: {e}",
                            rule.id
                        ))
                    })
                } else {
                    Ok(LazyRegex::unchecked(&r.0, false))
                }
            };
            let ri = compiled_rules.len();
            let mut own = Vec::new();
            for p in &rule.patterns {
                let pi = patterns.len();
                for g in &p.paths {
                    scope.add(g.glob());
                    scope_owner.push(pi);
                }
                patterns.push(CompiledPattern {
                    rule: ri,
                    regex: lazy(&p.regex)?,
                    unless: p.unless.as_ref().map(lazy).transpose()?,
                    context: match &p.context {
                        Some(c) => Some((lazy(c)?, p.context_lines as usize)),
                        None => None,
                    },
                    scoped: !p.paths.is_empty(),
                });
                own.push(pi);
            }
            for g in &rule.exclude_paths {
                rule_excludes.add(g.glob());
                rule_exclude_owner.push(ri);
            }
            for k in &rule.keywords {
                let key = k.to_ascii_lowercase();
                let ki = match keywords.iter().position(|x| *x == key) {
                    Some(i) => i,
                    None => {
                        keywords.push(key);
                        keyword_rules.push(Vec::new());
                        keywords.len() - 1
                    }
                };
                if !keyword_rules[ki].contains(&ri) {
                    keyword_rules[ki].push(ri);
                }
            }
            compiled_rules.push(CompiledRule {
                id: rule.id.clone(),
                title: rule.title.clone(),
                remediation: rule.remediation.clone(),
                severity: rule.severity,
                action,
                patterns: own,
                gate: OnceLock::new(),
                gate_dfa: OnceLock::new(),
            });
        }
        let automaton = if keywords.is_empty() {
            None
        } else {
            Some(
                keyword_automaton(&keywords, AhoCorasickKind::NoncontiguousNFA).map_err(|e| {
                    InsecureError::new(format!("insecure: cannot build the keyword automaton: {e}"))
                })?,
            )
        };
        let mut global = GlobSetBuilder::new();
        for g in &config.exclude_paths {
            global.add(g.glob());
        }
        let build = |b: GlobSetBuilder| {
            b.build()
                .map_err(|e| InsecureError::new(format!("insecure: cannot compile globs: {e}")))
        };
        Ok(InsecureScanner {
            rules: compiled_rules,
            patterns,
            keywords,
            automaton,
            dfa: OnceLock::new(),
            scanned: AtomicUsize::new(0),
            keyword_rules,
            scope: build(scope)?,
            scope_owner,
            rule_excludes: build(rule_excludes)?,
            rule_exclude_owner,
            global_excludes: build(global)?,
        })
    }

    /// Compiles every regex now and reports those that do not (rule checks; building does not).
    pub fn check_regexes(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for p in &self.patterns {
            let all = std::iter::once(&p.regex)
                .chain(&p.unless)
                .chain(p.context.as_ref().map(|(c, _)| c));
            for re in all {
                if let Err(e) = re.check() {
                    problems.push(format!(
                        "{}: regex `{}`: {e}",
                        self.rules[p.rule].id,
                        re.as_str()
                    ));
                }
            }
        }
        problems
    }

    /// The NFA for small texts; the DFA once this text or the run so far is large.
    /// Whether the DFAs are in use is returned with it (the literal gates follow the same choice).
    fn automaton_for(&self, len: usize) -> Option<(&AhoCorasick, bool)> {
        let nfa = self.automaton.as_ref()?;
        let total = self.scanned.fetch_add(len, Ordering::Relaxed) + len;
        if len < DFA_FROM_BYTES && total < 4 * DFA_FROM_BYTES {
            return Some((nfa, false));
        }
        let dfa = self
            .dfa
            .get_or_init(|| keyword_automaton(&self.keywords, AhoCorasickKind::DFA).ok());
        Some(dfa.as_ref().map_or((nfa, false), |d| (d, true)))
    }

    /// Scans `text` (the added lines of a diff, or a whole file) and appends matches to `out`,
    /// at most one per pattern id and line.
    pub fn scan(&self, path: &str, text: &[u8], lines: LineMap<'_>, out: &mut Vec<PatternMatch>) {
        if text.is_empty() || self.automaton.is_none() || self.global_excludes.is_match(path) {
            return;
        }
        let mut excluded_rule = vec![false; self.rules.len()];
        for gi in self.rule_excludes.matches(path) {
            excluded_rule[self.rule_exclude_owner[gi]] = true;
        }
        let mut in_scope: Vec<bool> = self.patterns.iter().map(|p| !p.scoped).collect();
        for gi in self.scope.matches(path) {
            in_scope[self.scope_owner[gi]] = true;
        }
        // A rule none of whose patterns applies to this path needs no keyword bookkeeping.
        let active: Vec<bool> = self
            .rules
            .iter()
            .enumerate()
            .map(|(ri, r)| !excluded_rule[ri] && r.patterns.iter().any(|&pi| in_scope[pi]))
            .collect();
        if !active.iter().any(|&a| a) {
            return;
        }
        let Some((ac, large)) = self.automaton_for(text.len()) else {
            return;
        };
        // Keyword hits arrive in text order; the rules hit on the current line are collected and
        // checked when the search moves past it. `seen[rule]` is the last line that queued it.
        let mut cursor = LineCursor::new(text);
        let mut pending: Vec<usize> = Vec::new();
        let mut possible: Vec<bool> = Vec::new();
        // The start of the last line that queued each rule.
        let mut seen: Vec<usize> = vec![usize::MAX; self.rules.len()];
        let mut skip_line = false;
        for m in ac.find_overlapping_iter(text) {
            if m.start() >= cursor.end {
                self.check_line(
                    &cursor,
                    &mut pending,
                    &mut possible,
                    large,
                    &in_scope,
                    path,
                    lines,
                    out,
                );
                cursor.advance_to(m.start());
                skip_line = false;
            }
            if skip_line {
                continue;
            }
            for &ri in &self.keyword_rules[m.pattern().as_usize()] {
                if active[ri] && seen[ri] != cursor.start {
                    if pending.is_empty() && is_comment(cursor.line()) {
                        // Commented-out code does not run: nothing on this line counts.
                        skip_line = true;
                        break;
                    }
                    seen[ri] = cursor.start;
                    pending.push(ri);
                }
            }
        }
        self.check_line(
            &cursor,
            &mut pending,
            &mut possible,
            large,
            &in_scope,
            path,
            lines,
            out,
        );
    }

    /// Runs the patterns of the `pending` rules on the cursor's line; empties `pending`.
    #[allow(clippy::too_many_arguments)]
    fn check_line(
        &self,
        cursor: &LineCursor<'_>,
        pending: &mut Vec<usize>,
        possible: &mut Vec<bool>,
        large: bool,
        in_scope: &[bool],
        path: &str,
        lines: LineMap<'_>,
        out: &mut Vec<PatternMatch>,
    ) {
        if pending.is_empty() {
            return;
        }
        pending.sort_unstable();
        let line = cursor.line();
        for &ri in pending.iter() {
            let rule = &self.rules[ri];
            let (cell, kind) = if large {
                (&rule.gate_dfa, AhoCorasickKind::DFA)
            } else {
                (&rule.gate, AhoCorasickKind::NoncontiguousNFA)
            };
            let gate = cell.get_or_init(|| {
                let sets: Vec<_> = rule
                    .patterns
                    .iter()
                    .map(|&pi| self.patterns[pi].regex.required_literal_sets())
                    .collect();
                LiteralFilter::all_of(&sets, kind)
            });
            // Most candidate lines hold a keyword but none of the rule's literals.
            if !gate.any(line) {
                continue;
            }
            gate.candidates_into(line, possible);
            let hit = rule.patterns.iter().enumerate().any(|(k, &pi)| {
                let p = &self.patterns[pi];
                debug_assert_eq!(p.rule, ri);
                in_scope[pi]
                    && possible[k]
                    && p.regex.is_match(line)
                    && !p.unless.as_ref().is_some_and(|u| u.is_match(line))
                    && p.context
                        .as_ref()
                        .is_none_or(|(re, n)| re.is_match(cursor.around(*n)))
            });
            if hit {
                out.push(PatternMatch {
                    id: rule.id.clone(),
                    title: rule.title.clone(),
                    path: path.to_string(),
                    line: lines.line(cursor.idx),
                    severity: rule.severity,
                    action: rule.action,
                    remediation: rule.remediation.clone(),
                });
            }
        }
        pending.clear();
    }
}

fn keyword_automaton(
    keywords: &[String],
    kind: AhoCorasickKind,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(keywords)
}

/// The line of a buffer a search is on, moved forward only: line numbers are counted over the
/// bytes skipped, so a scan costs one pass however long its lines are and however many hits.
struct LineCursor<'t> {
    text: &'t [u8],
    start: usize,
    /// Index of the line's `\n`, or the text's length.
    end: usize,
    /// 0-based index of the line. Counted as the cursor moves, over bytes the keyword search
    /// has just read (still in cache): counting lazily for a late match re-reads a cold buffer.
    idx: usize,
}

impl<'t> LineCursor<'t> {
    fn new(text: &'t [u8]) -> LineCursor<'t> {
        LineCursor {
            text,
            start: 0,
            end: find_newline(text, 0),
            idx: 0,
        }
    }

    /// Moves to the line holding byte `pos` (`pos` is past the current line).
    fn advance_to(&mut self, pos: usize) {
        let skipped = &self.text[self.end..pos];
        self.idx += count_newlines(skipped);
        // `skipped` starts with the current line's `\n`, so it holds at least one.
        self.start = self.end + skipped.iter().rposition(|&b| b == b'\n').unwrap_or(0) + 1;
        self.end = find_newline(self.text, pos);
    }

    /// The line without its `\n` (and `\r`).
    fn line(&self) -> &'t [u8] {
        let l = &self.text[self.start..self.end];
        l.strip_suffix(b"\r").unwrap_or(l)
    }

    /// The line with up to `n` lines either side.
    fn around(&self, n: usize) -> &'t [u8] {
        let mut from = self.start;
        for _ in 0..n {
            if from == 0 {
                break;
            }
            from = self.text[..from - 1]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
        }
        let mut to = self.end;
        for _ in 0..n {
            if to >= self.text.len() {
                break;
            }
            to = find_newline(self.text, to + 1);
        }
        &self.text[from..to.min(self.text.len())]
    }
}

/// Eight bytes at a time: several times faster than a byte loop, and a tree scan counts every line.
fn count_newlines(bytes: &[u8]) -> usize {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("8 bytes")) ^ NL;
        // High bit of each byte set unless the byte is zero (was a newline), without carries.
        let nonzero = ((x & LO7) + LO7) | x;
        n += (!nonzero & !LO7).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

fn find_newline(text: &[u8], from: usize) -> usize {
    text[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| from + i)
}

/// Whole-line comments in the common syntaxes: code that is commented out does not run.
fn is_comment(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    // `-- ` (SQL, Lua) but not `-----BEGIN …` or a YAML `---` separator.
    let sql_comment = t.starts_with(b"--") && t.get(2).is_none_or(|&b| b == b' ' || b == b'\t');
    t.starts_with(b"#")
        || t.starts_with(b"//")
        || sql_comment
        || t.starts_with(b"/*")
        || t.starts_with(b"* ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> InsecureScanner {
        InsecureScanner::new(&InsecureConfig::default()).expect("built-in rules compile")
    }

    fn ids(s: &InsecureScanner, path: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        s.scan(
            path,
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        out.into_iter().map(|m| m.id).collect()
    }

    #[test]
    fn every_rule_has_examples_references_and_remediation() {
        let rules = builtin_rules().unwrap();
        assert!(rules.len() >= 20, "{} rules", rules.len());
        for r in &rules {
            assert!(!r.examples.is_empty(), "{}: no examples", r.id);
            assert!(
                !r.negative_examples.is_empty(),
                "{}: no negative examples",
                r.id
            );
            assert!(!r.references.is_empty(), "{}: no references", r.id);
            assert!(!r.remediation.is_empty(), "{}: no remediation", r.id);
            assert!(
                r.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}: ids are kebab-case",
                r.id
            );
        }
    }

    /// Every positive example must hit a keyword (a silent prefilter miss is the worst bug) and
    /// be reported under its own id; no negative example may be reported under that id.
    #[test]
    fn every_rule_matches_its_examples_and_not_its_negatives() {
        let failures = check_examples(&InsecureConfig::default()).unwrap();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_team_pattern_that_misses_its_example_is_reported() {
        let cfg: InsecureConfig = yaml_serde::from_str(
            "patterns:\n  - id: no-print\n    title: print\n    severity: low\n    keywords: [print]\n    patterns:\n      - regex: '\\bprint\\('\n    examples: ['echo(x)']\n    negative_examples: ['print(x)']\n",
        )
        .unwrap();
        let failures = check_examples(&cfg).unwrap();
        assert_eq!(failures.len(), 3, "{failures:?}");
        assert!(
            failures.iter().all(|f| f.starts_with("no-print: ")),
            "{failures:?}"
        );
    }

    #[test]
    fn lines_are_mapped_and_reported_once() {
        let s = scanner();
        let mut out = Vec::new();
        let text = b"x = 1\nr = requests.get(u, verify=False, verify=False)\n";
        s.scan("a.py", text, LineMap::Mapped(&[10, 42]), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(
            (out[0].id.as_str(), out[0].line),
            ("tls-verify-disabled", 42)
        );
    }

    #[test]
    fn charter_actions_apply_and_off_removes() {
        let mut cfg = InsecureConfig::default();
        cfg.rules.insert("tls-verify-disabled".into(), Action::Deny);
        cfg.rules.insert("chmod-777".into(), Action::Off);
        let s = InsecureScanner::new(&cfg).unwrap();
        let mut out = Vec::new();
        s.scan(
            "a.py",
            b"requests.get(u, verify=False)\nos.chmod(p, 0o777)\n",
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].action, Action::Deny);
    }

    #[test]
    fn unknown_rule_id_in_charter_is_an_error() {
        let mut cfg = InsecureConfig::default();
        cfg.rules.insert("tls-verfy-disabled".into(), Action::Deny);
        let err = InsecureScanner::new(&cfg).err().unwrap();
        assert!(
            err.message.contains("tls-verfy-disabled"),
            "{}",
            err.message
        );
    }

    #[test]
    fn commented_out_code_is_not_reported() {
        let s = scanner();
        assert!(ids(&s, "a.py", "# requests.get(u, verify=False)\n").is_empty());
    }

    fn team(yaml: &str) -> InsecureScanner {
        let cfg: InsecureConfig = yaml_serde::from_str(yaml).unwrap();
        InsecureScanner::new(&cfg).unwrap()
    }

    #[test]
    fn lean_rules_are_the_full_rules_without_docs() {
        let mut full = builtin_rules().unwrap();
        for r in &mut full {
            r.description.clear();
            r.references.clear();
            r.examples.clear();
            r.negative_examples.clear();
        }
        assert_eq!(builtin_scan_rules().unwrap(), full);
    }

    #[test]
    fn newlines_are_counted_in_every_position() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    [b'\n', b'a', 0x8a, 0x0b, 0xff, 0][(x % 6) as usize]
                })
                .collect();
            let slow = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(&bytes), slow, "{bytes:?}");
        }
    }

    /// A pattern whose literals are absent from a line is neither compiled nor run for it.
    #[test]
    fn patterns_are_gated_by_their_literals() {
        let s = scanner();
        // `des` is a weak-cipher keyword; none of its patterns' literals is on these lines.
        ids(&s, "a.rs", "let modes = describe(nodes);\nlet des = 1;\n");
        let weak = s.rules.iter().position(|r| r.id == "weak-cipher").unwrap();
        assert!(
            s.rules[weak]
                .patterns
                .iter()
                .all(|&pi| !s.patterns[pi].regex.is_compiled())
        );
        assert_eq!(
            ids(&s, "a.py", "c = DES.new(key, DES.MODE_ECB)\n"),
            ["weak-cipher"]
        );
    }

    #[test]
    fn building_compiles_no_regex() {
        let s = scanner();
        assert!(s.patterns.iter().all(|p| !p.regex.is_compiled()));
        ids(&s, "a.py", "requests.get(u, verify=False)\n");
        let compiled = s.patterns.iter().filter(|p| p.regex.is_compiled()).count();
        assert!((1..10).contains(&compiled), "{compiled} compiled");
    }

    #[test]
    fn context_lines_reach_either_side_and_stop_at_the_text_edges() {
        let s = team(
            "patterns:\n  - id: ctx\n    title: t\n    severity: low\n    keywords: [open]\n    patterns:\n      - regex: 'open\\('\n        context: 'MARK'\n        context_lines: 2\n",
        );
        let text = "MARK\nx\nopen(a)\ny\nz\nw\nopen(b)\nq\nMARK\n";
        let mut out = Vec::new();
        s.scan(
            "a.c",
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        let lines: Vec<u32> = out.iter().map(|m| m.line).collect();
        assert_eq!(lines, [3, 7], "{out:?}");
        assert!(ids(&s, "a.c", "open(a)\nx\ny\nMARK\n").is_empty());
        assert_eq!(ids(&s, "a.c", "open(a)\r\nMARK"), ["ctx"]);
    }

    /// Several rules on one line, hits spread over many lines, CRLF endings and a last line
    /// without newline: every match is reported once, in line order, on the right line.
    #[test]
    fn hits_are_attributed_to_their_lines() {
        let s = scanner();
        let mut text = String::new();
        for _ in 0..50 {
            text.push_str("fine line\r\n");
        }
        text.push_str("os.chmod(p, 0o777); requests.get(u, verify=False)\r\n");
        text.push_str("# os.chmod(p, 0o777)\n\n");
        text.push_str("requests.get(u, verify=False)");
        let mut out = Vec::new();
        s.scan(
            "a.py",
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        let got: Vec<(u32, &str)> = out.iter().map(|m| (m.line, m.id.as_str())).collect();
        assert_eq!(
            got,
            [
                (51, "tls-verify-disabled"),
                (51, "chmod-777"),
                (54, "tls-verify-disabled")
            ],
            "{out:?}"
        );
    }

    #[test]
    fn invalid_team_regex_built_in_code_is_an_error() {
        let mut cfg: InsecureConfig = yaml_serde::from_str(
            "patterns:\n  - id: x\n    title: t\n    severity: low\n    keywords: [k]\n    patterns:\n      - regex: 'k'\n",
        )
        .unwrap();
        cfg.patterns[0].patterns[0].regex = RegexPattern("(k".into());
        let err = InsecureScanner::new(&cfg).err().unwrap();
        assert!(
            err.message.contains("insecure pattern `x`: invalid regex"),
            "{}",
            err.message
        );
    }

    #[test]
    fn team_patterns_are_checked_like_built_ins() {
        let cfg: InsecureConfig = yaml_serde::from_str(
            "patterns:\n  - id: no-print\n    title: print left in\n    severity: low\n    keywords: [print]\n    patterns:\n      - regex: '\\bprint\\('\n",
        )
        .unwrap();
        let s = InsecureScanner::new(&cfg).unwrap();
        assert_eq!(ids(&s, "a.py", "print(x)\n"), ["no-print"]);
    }
}
