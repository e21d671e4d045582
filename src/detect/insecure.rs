//! Insecure code patterns AI assistants tend to write, as rules with examples; matched on added lines.
//! Pure: bytes and a path in, matches out. Must not touch git, regorus or the terminal.
//!
//! Like the secret rules: one aho-corasick keyword pass over the buffer, then each hit rule's
//! regexes run only on the lines where one of its keywords occurred.

use crate::config::insecure::{Action, InsecureConfig};
use crate::detect::redact::Redactor;
use crate::detect::secrets::inline;
use crate::model::Severity;
use crate::pattern::{
    Case, GlobIndex, GlobIndexBuilder, KeywordIndex, KeywordIndexBuilder, LazyRegex, LineCursor,
    LineMap, LiteralFilter, RegexPattern, Syntax, glob_set,
};
use crate::rules::check::{Example, Problem, RuleExamples, RuleSet};
use crate::rules::insecure::{InsecureRule, builtin_rules};
use globset::GlobSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
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
    /// What matched, at most `PREVIEW_MAX` characters: secrets a secret rule found there are
    /// replaced by their redacted preview, the value of a hard-coded credential and any other
    /// long random-looking token by `secrets::redact`'s, and the result passes the redactor as a
    /// `Field::Preview` (every candidate redacted, filtered and allowlisted ones too).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preview: String,
    /// The path matches `insecure.relaxed_paths` (test fixtures, examples): the policy treats the
    /// finding as in the experimental tier (present only when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relaxed: bool,
    /// Set when a `charter:allow` (or `charter:allow=<id>`) marker in a comment on the line
    /// suppresses it; the policy then reports nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<InlineAllow>,
}

/// How an insecure finding was suppressed in the source (as a secret finding's `Suppression`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineAllow {
    /// Always `inSource`: a marker in the scanned text.
    pub kind: &'static str,
    /// The marker as written: `charter:allow` or `charter:allow=<id>`.
    pub marker: String,
    pub reason: String,
}

/// The longest preview, in characters.
pub const PREVIEW_MAX: usize = 80;

/// The rule whose matches are credentials: never reported where a secret rule found one, and its
/// value is always redacted in the preview.
pub const CREDENTIAL_RULE: &str = "hardcoded-credential";

/// What a scan knows besides the text: the byte spans of the secret rules' candidates in it
/// (reported, baselined, suppressed by a marker, or hidden by a placeholder filter or an
/// allowlist: a hard-coded credential there is the secret rule's fact, not a second one), and the
/// redactor previews pass.
#[derive(Clone, Copy, Default)]
pub struct ScanContext<'a> {
    /// Sorted and disjoint, as `merge_spans` leaves them: each match looks its overlap up.
    pub secret_spans: &'a [(usize, usize)],
    pub redactor: Option<Redactor<'a>>,
}

/// `spans` sorted by start, overlapping ones merged, empty ones dropped: the form
/// `ScanContext::secret_spans` takes.
pub fn merge_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|&(s, e)| s < e);
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The spans of sorted, disjoint `spans` that overlap `from..to`.
fn spans_within(spans: &[(usize, usize)], from: usize, to: usize) -> &[(usize, usize)] {
    let first = spans.partition_point(|&(_, e)| e <= from);
    let n = spans[first..].partition_point(|&(s, _)| s < to);
    &spans[first..first + n]
}

/// Insecure patterns that cannot be compiled. Shapes the parser rejects never get here.
#[derive(Debug, thiserror::Error)]
pub enum InsecureError {
    #[error(transparent)]
    RuleFile(#[from] crate::rules::RuleError),
    #[error("insecure: pattern id `{0}` is defined twice")]
    DuplicateId(String),
    #[error("insecure.rules: unknown pattern id `{unknown}` (known: {known})")]
    UnknownId { unknown: String, known: String },
    #[error("insecure pattern `{rule}`: invalid regex: {message}")]
    Regex { rule: String, message: String },
    #[error("insecure: {0}")]
    Globs(#[from] globset::Error),
    #[error("insecure: cannot build the keyword automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Every pattern (built-in and the charter's own, all switched on) with its examples, for the
/// example checker (`git charter rules check`).
pub struct InsecureRuleSet {
    rules: Vec<InsecureRule>,
    scanner: InsecureScanner,
}

impl InsecureRuleSet {
    pub fn new(config: &InsecureConfig) -> Result<InsecureRuleSet, InsecureError> {
        let mut rules = builtin_rules()?;
        let builtin = rules.len();
        rules.extend(config.patterns.iter().cloned());
        let all_on = InsecureConfig {
            default: Action::Warn,
            ..InsecureConfig::default()
        };
        let scanner = InsecureScanner::compile(&rules, builtin, &all_on)?;
        Ok(InsecureRuleSet { rules, scanner })
    }
}

impl RuleSet for InsecureRuleSet {
    fn kind(&self) -> &'static str {
        "insecure"
    }

    fn examples(&self) -> Vec<RuleExamples> {
        let ex = |e: &crate::rules::insecure::Example| Example::new(e.path(), e.text());
        self.rules
            .iter()
            .map(|r| RuleExamples {
                id: r.id.clone(),
                examples: r.examples.iter().map(ex).collect(),
                negatives: r.negative_examples.iter().map(ex).collect(),
                needs_examples: true,
            })
            .collect()
    }

    fn passes_prefilter(&self, id: &str, example: &Example) -> bool {
        let Some(ri) = self.scanner.rules.iter().position(|r| r.id == id) else {
            return false;
        };
        self.scanner
            .keywords
            .hits(example.text.as_bytes())
            .any(|h| h.owners.contains(&ri))
    }

    fn reported(&self, _: &str, example: &Example) -> Vec<String> {
        let mut out = Vec::new();
        self.scanner.scan(
            &example.path,
            example.text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        let mut ids: Vec<String> = out.into_iter().map(|m| m.id).collect();
        ids.dedup();
        ids
    }

    fn other_problems(&self) -> Vec<Problem> {
        self.scanner
            .regex_problems()
            .into_iter()
            .map(|(rule, message)| Problem {
                kind: self.kind(),
                rule,
                message,
            })
            .collect()
    }
}

struct CompiledPattern {
    rule: usize,
    regex: LazyRegex,
    unless: Option<LazyRegex>,
    context: Option<(LazyRegex, usize)>,
    /// The line counts only when the YAML key it belongs to matches (`PatternDef::yaml_key`).
    yaml_key: Option<LazyRegex>,
    scoped: bool,
}

struct CompiledRule {
    id: String,
    title: String,
    remediation: String,
    severity: Severity,
    action: Action,
    patterns: Vec<usize>,
    /// The required literals (`pattern::required_literal_sets`) of each of `patterns`, built the
    /// first time the rule is a candidate: a pattern none of whose literals is on the line cannot
    /// match it, so it is neither compiled nor run (a rule's keywords are broader than each pattern).
    gate: OnceLock<LiteralFilter>,
}

/// Compiled rules; build once per run, share across threads. Building compiles no regex: a
/// pattern is compiled the first time one of its rule's keywords hits a line it could match.
pub struct InsecureScanner {
    rules: Vec<CompiledRule>,
    patterns: Vec<CompiledPattern>,
    /// Every rule's keywords → the rules having them.
    keywords: KeywordIndex<usize>,
    /// Pattern path scopes → the patterns they scope.
    scope: GlobIndex<usize>,
    /// Rule `exclude_paths` → the rules they switch off.
    rule_excludes: GlobIndex<usize>,
    global_excludes: GlobSet,
    relaxed: GlobSet,
}

impl InsecureScanner {
    pub fn new(config: &InsecureConfig) -> Result<InsecureScanner, InsecureError> {
        let mut all = builtin_rules()?;
        let builtin = all.len();
        all.extend(config.patterns.iter().cloned());
        let mut seen = BTreeSet::new();
        for r in &all {
            if !seen.insert(r.id.as_str()) {
                return Err(InsecureError::DuplicateId(r.id.clone()));
            }
        }
        if let Some(unknown) = config.rules.keys().find(|k| !seen.contains(k.as_str())) {
            return Err(InsecureError::UnknownId {
                unknown: unknown.clone(),
                known: seen.iter().copied().collect::<Vec<_>>().join(", "),
            });
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
        let mut keywords = KeywordIndexBuilder::new(Case::Insensitive);
        let mut scope = GlobIndexBuilder::new();
        let mut rule_excludes = GlobIndexBuilder::new();
        for (index, rule) in rules.iter().enumerate() {
            let action = config
                .rules
                .get(&rule.id)
                .copied()
                .unwrap_or(config.default);
            if action == Action::Off {
                continue;
            }
            // Keywords and patterns present, none empty: checked while the charter is parsed
            // (`config::insecure`) and, for the built-ins, by `rules::insecure`'s tests.
            // Built-ins are pinned by `rules check`; a team's are validated again here (cheap: a
            // syntax check) because rules can be built in code without the parser's check. Built-in
            // regexes are written against source code and run in ASCII mode (several times faster
            // to compile); a team's keep Unicode semantics.
            let team = index >= builtin;
            let lazy = |r: &RegexPattern| -> Result<LazyRegex, InsecureError> {
                if team {
                    LazyRegex::new(&r.0, Syntax::Unicode).map_err(|message| InsecureError::Regex {
                        rule: rule.id.clone(),
                        message,
                    })
                } else {
                    Ok(LazyRegex::unchecked(&r.0, Syntax::Ascii))
                }
            };
            let ri = compiled_rules.len();
            let mut own = Vec::new();
            for p in &rule.patterns {
                let pi = patterns.len();
                for g in &p.paths {
                    scope.add(g, pi)?;
                }
                patterns.push(CompiledPattern {
                    rule: ri,
                    regex: lazy(&p.regex)?,
                    unless: p.unless.as_ref().map(lazy).transpose()?,
                    context: match &p.context {
                        Some(c) => Some((lazy(c)?, p.context_lines as usize)),
                        None => None,
                    },
                    yaml_key: p.yaml_key.as_ref().map(lazy).transpose()?,
                    scoped: !p.paths.is_empty(),
                });
                own.push(pi);
            }
            for g in &rule.exclude_paths {
                rule_excludes.add(g, ri)?;
            }
            for k in rule.keywords.iter().filter(|k| !k.is_empty()) {
                keywords.add(k.as_bytes(), ri);
            }
            compiled_rules.push(CompiledRule {
                id: rule.id.clone(),
                title: rule.title.clone(),
                remediation: rule.remediation.clone(),
                severity: rule.severity,
                action,
                patterns: own,
                gate: OnceLock::new(),
            });
        }
        let keywords = keywords.build()?;
        Ok(InsecureScanner {
            rules: compiled_rules,
            patterns,
            keywords,
            scope: scope.build()?,
            rule_excludes: rule_excludes.build()?,
            global_excludes: glob_set(&config.exclude_paths)?,
            relaxed: glob_set(&config.relaxed_paths)?,
        })
    }

    /// Compiles every regex now and reports those that do not, as (rule id, problem); building
    /// compiles none.
    pub fn regex_problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        for p in &self.patterns {
            let all = std::iter::once(&p.regex)
                .chain(&p.unless)
                .chain(&p.yaml_key)
                .chain(p.context.as_ref().map(|(c, _)| c));
            for re in all {
                if let Err(e) = re.check() {
                    problems.push((
                        self.rules[p.rule].id.clone(),
                        format!("regex `{}` does not compile: {e}", re.as_str()),
                    ));
                }
            }
        }
        problems
    }

    /// Scans `text` (the added lines of a diff, or a whole file) and appends matches to `out`,
    /// at most one per pattern id and line.
    pub fn scan(&self, path: &str, text: &[u8], lines: LineMap<'_>, out: &mut Vec<PatternMatch>) {
        self.scan_in(path, text, lines, ScanContext::default(), out);
    }

    /// `scan` with what the session knows about the text (`ScanContext`).
    pub fn scan_in(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        cx: ScanContext<'_>,
        out: &mut Vec<PatternMatch>,
    ) {
        if text.is_empty() || self.keywords.is_empty() || self.global_excludes.is_match(path) {
            return;
        }
        debug_assert!(
            cx.secret_spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "secret spans are merged"
        );
        let mut excluded_rule = vec![false; self.rules.len()];
        for &ri in self.rule_excludes.matches(path) {
            excluded_rule[ri] = true;
        }
        let mut in_scope: Vec<bool> = self.patterns.iter().map(|p| !p.scoped).collect();
        for &pi in self.scope.matches(path) {
            in_scope[pi] = true;
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
        // Keyword hits arrive in text order; the rules hit on the current line are collected and
        // checked when the search moves past it. `seen[rule]` is the last line that queued it.
        let mut cursor = LineCursor::new(text);
        let mut pending: Vec<usize> = Vec::new();
        let mut scratch = Scratch {
            possible: Vec::new(),
            yaml: YamlKeys::new(text, lines),
        };
        // The start of the last line that queued each rule.
        let mut seen: Vec<usize> = vec![usize::MAX; self.rules.len()];
        let mut skip_line = false;
        let relaxed = self.relaxed.is_match(path);
        let at = Site {
            path,
            lines,
            cx,
            relaxed,
        };
        for hit in self.keywords.hits(text) {
            if hit.start >= cursor.end {
                self.check_line(&cursor, &mut pending, &mut scratch, &in_scope, &at, out);
                cursor.advance_to(hit.start);
                skip_line = false;
            }
            if skip_line {
                continue;
            }
            for &ri in hit.owners {
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
        self.check_line(&cursor, &mut pending, &mut scratch, &in_scope, &at, out);
    }

    /// Runs the patterns of the `pending` rules on the cursor's line; empties `pending`.
    fn check_line(
        &self,
        cursor: &LineCursor<'_>,
        pending: &mut Vec<usize>,
        scratch: &mut Scratch<'_>,
        in_scope: &[bool],
        at: &Site<'_>,
        out: &mut Vec<PatternMatch>,
    ) {
        if pending.is_empty() {
            return;
        }
        pending.sort_unstable();
        let line = cursor.line();
        for &ri in pending.iter() {
            let rule = &self.rules[ri];
            let gate = rule.gate.get_or_init(|| {
                let sets: Vec<_> = rule
                    .patterns
                    .iter()
                    .map(|&pi| self.patterns[pi].regex.required_literal_sets())
                    .collect();
                LiteralFilter::all_of(&sets)
            });
            // Most candidate lines hold a keyword but none of the rule's literals.
            if !gate.any(line) {
                continue;
            }
            gate.candidates_into(line, &mut scratch.possible);
            let hit = rule.patterns.iter().enumerate().find_map(|(k, &pi)| {
                let p = &self.patterns[pi];
                debug_assert_eq!(p.rule, ri);
                if !(in_scope[pi] && scratch.possible[k]) {
                    return None;
                }
                let m = p.regex.get()?.find(line)?;
                let ok = !p.unless.as_ref().is_some_and(|u| u.is_match(line))
                    && p.context
                        .as_ref()
                        .is_none_or(|(re, n)| re.is_match(cursor.around(*n)))
                    && p.yaml_key.as_ref().is_none_or(|re| {
                        match scratch.yaml.key_of(cursor.start) {
                            None => true,
                            Some(None) => false,
                            Some(Some(key)) => re.get().is_some_and(|re| re.is_match(key)),
                        }
                    });
                ok.then_some((m.start(), m.end()))
            });
            let Some((from, to)) = hit else { continue };
            let credential = rule.id == CREDENTIAL_RULE;
            let (abs_from, abs_to) = (cursor.start + from, cursor.start + to);
            if credential && !spans_within(at.cx.secret_spans, abs_from, abs_to).is_empty() {
                continue;
            }
            out.push(PatternMatch {
                id: rule.id.clone(),
                title: rule.title.clone(),
                path: at.path.to_string(),
                line: at.lines.line(cursor.idx),
                severity: rule.severity,
                action: rule.action,
                remediation: rule.remediation.clone(),
                preview: preview(line, cursor.start, (from, to), credential, at.cx),
                relaxed: at.relaxed,
                suppressed: inline_allow(line, at.path, &rule.id),
            });
        }
        pending.clear();
    }
}

/// Per-scan buffers of `check_line`: which of a rule's patterns the line's literals allow, and
/// the YAML keys read so far.
struct Scratch<'t> {
    possible: Vec<bool>,
    yaml: YamlKeys<'t>,
}

/// A line's YAML key: `None` unknown, `Some(None)` none, `Some(Some(span))` the key's name.
type KeyOfLine = Option<Option<(usize, usize)>>;

/// Which YAML key each line of a buffer belongs to, for `yaml_key` patterns: one forward pass,
/// made only as far as the last line asked about, so a file costs one read however many lines
/// are asked about. A key line belongs to its key; a more indented line after it to that key (a
/// block scalar `key: |` or a multi-line plain scalar). Where a diff's buffer jumps over file
/// lines (a new hunk) what came before says nothing, so the key is unknown until the next key line.
struct YamlKeys<'t> {
    text: &'t [u8],
    lines: LineMap<'t>,
    /// Start of the next line to read, and its buffer line index.
    pos: usize,
    idx: usize,
    /// The file line number of the last line read.
    last_line: Option<u32>,
    /// The key the following more-indented lines belong to: its column, whether its value is a
    /// block scalar (`|`, `>`: every more-indented line is text) and its name's span.
    open: Option<(usize, bool, (usize, usize))>,
    /// The last line read: its start and its key (`Some(None)`: known to belong to no key).
    answer: Option<(usize, KeyOfLine)>,
}

impl<'t> YamlKeys<'t> {
    fn new(text: &'t [u8], lines: LineMap<'t>) -> YamlKeys<'t> {
        YamlKeys {
            text,
            lines,
            pos: 0,
            idx: 0,
            last_line: None,
            open: None,
            answer: None,
        }
    }

    /// The key of the line starting at `start`: `Some(Some(name))`, `Some(None)` when it belongs
    /// to no key, `None` when the text does not say. Lines are asked about in increasing order.
    fn key_of(&mut self, start: usize) -> Option<Option<&'t [u8]>> {
        while self.pos <= start && self.pos <= self.text.len() {
            let from = self.pos;
            let end = self.text[from..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(self.text.len(), |i| from + i);
            self.pos = end + 1;
            let line_no = self.lines.line(self.idx);
            self.idx += 1;
            if self.last_line.map_or(line_no != 1, |l| l + 1 != line_no) {
                // A new hunk: the key of its first lines is not in the buffer.
                self.open = None;
                self.answer = Some((from, None));
            }
            self.last_line = Some(line_no);
            let line = &self.text[from..end];
            let key = self.read(line.strip_suffix(b"\r").unwrap_or(line), from);
            self.answer = Some((from, key));
        }
        match self.answer {
            Some((at, known)) if at == start => known.map(|k| k.map(|(a, b)| &self.text[a..b])),
            _ => None,
        }
    }

    /// Reads one line starting at `from`; returns its key (`None`: unknown).
    fn read(&mut self, line: &[u8], from: usize) -> KeyOfLine {
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent..];
        let unknown = matches!(self.answer, Some((_, None))) && self.open.is_none();
        if rest.is_empty() || rest[0] == b'#' {
            return match self.open {
                Some((_, _, key)) => Some(Some(key)),
                None if unknown => None,
                None => Some(None),
            };
        }
        let own = yaml_key_span(rest);
        if let Some((col, block, key)) = self.open {
            if indent > col && (block || own.is_none()) {
                return Some(Some(key));
            }
            if indent <= col {
                self.open = None;
            }
        }
        match own {
            Some((a, b, block)) => {
                let (a, b) = (indent + a, indent + b);
                self.open = Some((a, block, (from + a, from + b)));
                Some(Some((from + a, from + b)))
            }
            None if unknown => None,
            // Top-level text that is no key (a document marker, a flow collection's line).
            None => Some(None),
        }
    }
}

/// The span of the key in a YAML mapping line (after any `- ` sequence markers): a plain or
/// quoted name followed by `:` and a space or the line's end; and whether its value is a block
/// scalar (`|` or `>`).
fn yaml_key_span(rest: &[u8]) -> Option<(usize, usize, bool)> {
    let mut i = 0;
    while rest.get(i) == Some(&b'-') && rest.get(i + 1).is_none_or(|b| *b == b' ') {
        i += 1;
        while rest.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    let (a, b, after) = match rest.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let len = rest[i + 1..].iter().position(|&c| c == q)?;
            (i + 1, i + 1 + len, i + 2 + len)
        }
        Some(c) if c.is_ascii_alphanumeric() || *c == b'_' => {
            let len = rest[i..]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
                .unwrap_or(rest.len() - i);
            (i, i + len, i + len)
        }
        _ => return None,
    };
    let mut j = after;
    while rest.get(j) == Some(&b' ') {
        j += 1;
    }
    if rest.get(j) != Some(&b':') || !rest.get(j + 1).is_none_or(|c| *c == b' ' || *c == b'\t') {
        return None;
    }
    let value = rest[j + 1..].iter().position(|c| *c != b' ' && *c != b'\t');
    let block = value.is_some_and(|v| matches!(rest[j + 1 + v], b'|' | b'>'));
    Some((a, b, block))
}

/// Where a scan is: the file, its line numbering and what the session knows about it.
struct Site<'a> {
    path: &'a str,
    lines: LineMap<'a>,
    cx: ScanContext<'a>,
    relaxed: bool,
}

/// A `charter:allow` marker in a comment on `line` that covers rule `id`: bare, or
/// `charter:allow=<id>[,<id>…]` naming it. The comment rules are the secret markers' (`inline`).
fn inline_allow(line: &[u8], path: &str, id: &str) -> Option<InlineAllow> {
    const MARKER: &str = "charter:allow";
    if inline::marker_in_comment(line, inline::syntax_of(path))? != MARKER {
        return None;
    }
    // The marker is in a comment; which rules it names is read after its last occurrence.
    let text = String::from_utf8_lossy(line);
    let after = &text[text.rfind(MARKER)? + MARKER.len()..];
    let Some(list) = after.strip_prefix('=') else {
        return Some(InlineAllow {
            kind: "inSource",
            marker: MARKER.to_string(),
            reason: "a `charter:allow` comment on the line".to_string(),
        });
    };
    let ids: String = list
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ','))
        .collect();
    ids.split(',').any(|x| x == id).then(|| InlineAllow {
        kind: "inSource",
        marker: format!("{MARKER}={ids}"),
        reason: format!("a `{MARKER}={ids}` comment on the line"),
    })
}

/// The redacted preview of the match `span` of `line` (which starts at byte `line_start` of the
/// scanned text): the line, trimmed, or about `PREVIEW_MAX` bytes of it around the match (never
/// cutting a token). Secret findings' spans become their redacted previews; in a credential's match,
/// everything after the key's `=`/`:` (or a URL's password) is redacted; any other token of 16 or
/// more letters, digits and `+/=_-` mixing letters and digits is too; then the redactor runs over it.
fn preview(
    line: &[u8],
    line_start: usize,
    span: (usize, usize),
    credential: bool,
    cx: ScanContext<'_>,
) -> String {
    let (from, to) = span;
    let first = line
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let last = line
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(first, |i| i + 1);
    let mut ws = if to.saturating_sub(first) <= PREVIEW_MAX {
        first
    } else {
        from.saturating_sub(16).max(first)
    };
    let mut we = (ws + PREVIEW_MAX)
        .max(to.min(ws + 2 * PREVIEW_MAX))
        .min(last);
    while ws > first && is_token_byte(line[ws - 1]) && is_token_byte(line[ws]) {
        ws -= 1;
    }
    while we < last && is_token_byte(line[we - 1]) && is_token_byte(line[we]) {
        we += 1;
    }
    let piece = |a: usize, b: usize, cred: bool| -> String {
        let (a, b) = (a.max(ws), b.min(we));
        if a >= b {
            return String::new();
        }
        redact_piece(line, line_start, (a, b), cred, cx)
    };
    let matched = piece(from, to, credential);
    let matched = if credential {
        mask_value(&matched)
    } else {
        matched
    };
    let text = format!(
        "{}{}{}{}{}",
        if ws > first { "…" } else { "" },
        piece(ws, from, false),
        matched,
        piece(to, we, false),
        if we < last { "…" } else { "" },
    );
    match cx.redactor {
        Some(r) => r.preview(&text).into_inner(),
        None => text,
    }
}

/// The preview of a whole line of scanned text (a silenced class signal's, which has no match of
/// its own), redacted as an insecure finding's is.
pub fn line_preview(line: &[u8], line_start: usize, cx: ScanContext<'_>) -> String {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    preview(line, line_start, (0, 0), false, cx)
}

/// `line[a..b]` with the secret findings' spans replaced by their redacted preview and long
/// random-looking tokens masked (`mask_tokens`).
fn redact_piece(
    line: &[u8],
    line_start: usize,
    (a, b): (usize, usize),
    credential: bool,
    cx: ScanContext<'_>,
) -> String {
    let abs = |i: usize| line_start + i;
    let spans = spans_within(cx.secret_spans, abs(a), abs(b))
        .iter()
        .map(|&(s, e)| (s.saturating_sub(line_start).max(a), (e - line_start).min(b)));
    let mut out = String::new();
    let mut i = a;
    for (s, e) in spans {
        if s < i {
            continue;
        }
        out.push_str(&mask_tokens(&line[i..s], credential));
        out.push_str(&crate::detect::secrets::redact(&line[s..e]));
        i = e;
    }
    out.push_str(&mask_tokens(&line[i..b], credential));
    out
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-')
}

/// Tokens of 16 or more `[A-Za-z0-9+/=_-]` mixing letters and digits, redacted; in a credential
/// match, of 8 or more.
fn mask_tokens(bytes: &[u8], credential: bool) -> String {
    let min = if credential { 8 } else { 16 };
    let is_tok = is_token_byte;
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        if is_tok(bytes[i]) {
            while i < bytes.len() && is_tok(bytes[i]) {
                i += 1;
            }
            let t = &bytes[start..i];
            let mixed = t.iter().any(u8::is_ascii_digit) && t.iter().any(u8::is_ascii_alphabetic);
            if t.len() >= min && mixed {
                out.push_str(&crate::detect::secrets::redact(t));
            } else {
                out.push_str(&String::from_utf8_lossy(t));
            }
        } else {
            while i < bytes.len() && !is_tok(bytes[i]) {
                i += 1;
            }
            out.push_str(&String::from_utf8_lossy(&bytes[start..i]));
        }
    }
    out
}

/// A credential's value redacted: a URL's password (`scheme://user:…@host`), or what follows
/// the first `=` or `:` (a key's value), keeping its quotes.
fn mask_value(s: &str) -> String {
    let redact = |v: &str| crate::detect::secrets::redact(v.as_bytes());
    if let Some(scheme) = s.find("://") {
        let rest = &s[scheme + 3..];
        if let (Some(colon), Some(at)) = (rest.find(':'), rest.rfind('@'))
            && colon < at
        {
            let (a, b) = (scheme + 3 + colon + 1, scheme + 3 + at);
            return format!("{}{}{}", &s[..a], redact(&s[a..b]), &s[b..]);
        }
        return s.to_string();
    }
    let Some(sep) = s.find(['=', ':']) else {
        return s.to_string();
    };
    let value = &s[sep + 1..];
    let trimmed = value.trim_start_matches(|c: char| c == '=' || c == '>' || c.is_whitespace());
    let lead = &value[..value.len() - trimmed.len()];
    let q = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'));
    let body = match q {
        Some(q) => trimmed[1..].trim_end_matches(q),
        None => trimmed,
    };
    if body.is_empty() || body.contains('…') {
        return s.to_string();
    }
    let q = q.map(String::from).unwrap_or_default();
    format!("{}{lead}{q}{}{q}", &s[..=sep], redact(body))
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
        let set = InsecureRuleSet::new(&InsecureConfig::default()).unwrap();
        let (checked, problems) = crate::rules::check::check(&set);
        assert!(checked.examples > 40, "{checked:?}");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", text.join("\n"));
    }

    #[test]
    fn a_team_pattern_that_misses_its_example_is_reported() {
        let cfg: InsecureConfig = yaml_serde::from_str(
            "patterns:\n  - id: no-print\n    title: print\n    severity: low\n    keywords: [print]\n    patterns:\n      - regex: '\\bprint\\('\n    examples: ['echo(x)']\n    negative_examples: ['print(x)']\n",
        )
        .unwrap();
        let set = InsecureRuleSet::new(&cfg).unwrap();
        let failures: Vec<String> = crate::rules::check::check(&set)
            .1
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            failures,
            [
                "insecure rule `no-print`: the prefilter misses example \"echo(x)\" at example.txt (add a keyword it contains)",
                "insecure rule `no-print`: negative example \"print(x)\" at example.txt is reported by `no-print`",
            ]
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
        assert!(err.to_string().contains("tls-verfy-disabled"), "{err}");
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
            err.to_string()
                .contains("insecure pattern `x`: invalid regex"),
            "{err}"
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

    fn matches(path: &str, text: &str, cx: ScanContext<'_>) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        scanner().scan_in(
            path,
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            cx,
            &mut out,
        );
        out
    }

    /// The starter charter denied these as SQL built from strings: a leading English word is not SQL.
    #[test]
    fn sql_string_build_needs_sql_structure_not_a_leading_english_word() {
        let s = scanner();
        for (path, line) in [
            (
                "app/menu.py",
                r#"log.info(f"Select an option from the menu: {opt}")"#,
            ),
            (
                "app/menu.py",
                r#"print(f"Update your profile at {url} and delete old drafts")"#,
            ),
            ("app/menu.py", r#"label = f"With {n} items selected""#),
            ("web/toast.js", "toast(`Update ${name} succeeded`);"),
            (
                "app/menu.py",
                r#"print(f"please select one from {items} below")"#,
            ),
            ("app/menu.py", r#"msg = "Deleted from cache: " + key"#),
        ] {
            assert!(
                !ids(&s, path, line).contains(&"sql-string-build".to_string()),
                "{line}"
            );
        }
        for (path, line) in [
            (
                "app/db.py",
                r#"cur.execute(f"SELECT * FROM {table} WHERE id = {i}")"#,
            ),
            ("app/db.py", r#"q = "SELECT * FROM " + table"#),
            (
                "web/db.js",
                "db.query(`DELETE FROM items WHERE id = ${id}`);",
            ),
            (
                "app/db.py",
                r#"cur.execute(f"update users set name = '{n}' where id = 1")"#,
            ),
        ] {
            assert_eq!(ids(&s, path, line), ["sql-string-build"], "{line}");
        }
    }

    /// `subprocess.check_output("git describe --tags", shell=True)` was warned as shell injection.
    #[test]
    fn shell_true_with_a_constant_command_is_not_shell_injection() {
        let s = scanner();
        let constant = "v = subprocess.check_output(\"git describe --tags\", shell=True)\n\
                        subprocess.run(\n    \"make html\",\n    shell=True,\n)\n";
        assert!(ids(&s, "setup.py", constant).is_empty());
        assert_eq!(
            ids(&s, "setup.py", "subprocess.run(cmd, shell=True)\n"),
            ["shell-injection"]
        );
        let split = "subprocess.run(\n    f\"tar czf {name}\",\n    shell=True,\n)\n";
        assert_eq!(ids(&s, "setup.py", split), ["shell-injection"]);
    }

    /// Secret spans are looked up by binary search: each credential match and preview piece
    /// compared itself with every span of the file, which a file of many hidden candidates made
    /// quadratic.
    #[test]
    fn secret_spans_are_merged_and_looked_up_by_overlap() {
        let spans = merge_spans(vec![(5, 9), (0, 3), (2, 4), (9, 9), (9, 12), (20, 30)]);
        assert_eq!(spans, [(0, 4), (5, 9), (9, 12), (20, 30)]);
        assert_eq!(spans_within(&spans, 4, 5), []);
        assert_eq!(spans_within(&spans, 3, 10), [(0, 4), (5, 9), (9, 12)]);
        assert_eq!(spans_within(&spans, 12, 20), []);
        assert_eq!(spans_within(&spans, 29, 40), [(20, 30)]);
    }

    /// One AWS key gave a secret denial plus hard-coded-credential warnings on the same value.
    #[test]
    fn hardcoded_credential_is_not_reported_on_a_span_a_secret_rule_found() {
        let value = format!("{}{}", "q9Vd2Lr7Tz0pYw4K", "s8Nb1Xc6");
        let text = format!("db_password = \"{value}\"\n");
        let start = text.find(&value).unwrap();
        assert_eq!(
            matches("app/settings.py", &text, ScanContext::default())
                .iter()
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>(),
            ["hardcoded-credential"]
        );
        let spans = [(start, start + value.len())];
        let cx = ScanContext {
            secret_spans: &spans,
            redactor: None,
        };
        assert!(matches("app/settings.py", &text, cx).is_empty());
    }

    #[test]
    fn hardcoded_credential_skips_encrypted_sealed_and_environment_values() {
        let s = scanner();
        let body =
            "Vd2Lr7Tz0pYw4Ks8Nb1Xc6Hj3Gf5Ma7Re2Ut9BQx1Lp4Zr8WmT6nC3vD0sF5gH2jK7lM9oP1qR4uS6wY8zA0b";
        for (path, text) in [
            (
                "secrets/prod.yaml",
                format!(
                    "db_password: ENC[AES256_GCM,data:{},type:str]\n",
                    &body[..20]
                ),
            ),
            (
                "secrets/prod.json",
                format!(
                    "\"db_password\": \"ENC[AES256_GCM,data:{},type:str]\"\n",
                    &body[..20]
                ),
            ),
            ("k8s/sealed.yaml", format!("    password: AgB{body}\n")),
            ("vars/vault.yml", "db_password: !vault |\n".to_string()),
            (
                "src/config.js",
                "const url = `postgres://app:${process.env.DB_PASSWORD}@db/app`;\n".to_string(),
            ),
        ] {
            assert!(ids(&s, path, &text).is_empty(), "{text}");
        }
    }

    #[test]
    fn charter_allow_in_a_comment_suppresses_an_insecure_finding() {
        let line = |t: &str| matches("tools/fetch.py", t, ScanContext::default());
        let m = line("requests.get(u, verify=False)  # charter:allow\n");
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].suppressed.as_ref().map(|a| a.marker.as_str()),
            Some("charter:allow")
        );
        let named = line("requests.get(u, verify=False)  # charter:allow=tls-verify-disabled\n");
        assert_eq!(
            named[0].suppressed.as_ref().map(|a| a.marker.as_str()),
            Some("charter:allow=tls-verify-disabled")
        );
        // Naming another pattern, in a string, or in another case: not suppressed.
        for t in [
            "requests.get(u, verify=False)  # charter:allow=chmod-777\n",
            "requests.get(u, verify=False, note=\"# charter:allow\")\n",
            "requests.get(u, verify=False)  # CHARTER:ALLOW\n",
        ] {
            assert!(line(t)[0].suppressed.is_none(), "{t}");
        }
    }

    #[test]
    fn a_preview_shows_what_matched_with_credential_values_redacted() {
        let m = matches(
            "tools/fetch.py",
            "r = requests.get(url, verify=False)\n",
            ScanContext::default(),
        );
        assert_eq!(m[0].preview, "r = requests.get(url, verify=False)");
        let value = format!("{}{}", "hunter2", "hunter2x");
        let m = matches(
            "src/db.py",
            &format!("conn = connect(host=\"db\", password=\"{value}\")\n"),
            ScanContext::default(),
        );
        assert_eq!(m[0].id, "hardcoded-credential");
        assert!(!m[0].preview.contains(&value[2..]), "{}", m[0].preview);
        assert!(m[0].preview.contains("password="), "{}", m[0].preview);
        let url = format!("postgres://app:{value}@db.internal:5432/app");
        let m = matches(
            "src/db.js",
            &format!("const u = \"{url}\";\n"),
            ScanContext::default(),
        );
        assert!(!m[0].preview.contains(&value[2..]), "{}", m[0].preview);
        assert!(m[0].preview.contains("postgres://app:"), "{}", m[0].preview);
        // A long line is cut.
        let long = format!(
            "requests.get(u, verify=False, params={})\n",
            "x, ".repeat(300)
        );
        let m = matches("a.py", &long, ScanContext::default());
        assert!(
            m[0].preview.chars().count() <= PREVIEW_MAX + 2,
            "{}",
            m[0].preview
        );
        assert!(m[0].preview.ends_with('…'), "{}", m[0].preview);
        // A secret a secret rule found is shown as its redacted preview.
        let key = format!("{}{}", "AKIA2E0A8F3B", "244C9986");
        let text = format!("requests.get(u, verify=False, auth=\"{key}\")\n");
        let at = text.find(&key).unwrap();
        let spans = [(at, at + key.len())];
        let cx = ScanContext {
            secret_spans: &spans,
            redactor: None,
        };
        let m = matches("a.py", &text, cx);
        assert!(!m[0].preview.contains(&key[4..]), "{}", m[0].preview);
    }

    #[test]
    fn relaxed_paths_are_marked_for_the_policy() {
        let cfg = InsecureConfig {
            relaxed_paths: vec![crate::pattern::GlobPattern("**/fixtures/**".into())],
            ..InsecureConfig::default()
        };
        let s = InsecureScanner::new(&cfg).unwrap();
        let mut out = Vec::new();
        for path in ["spec/fixtures/client.py", "src/client.py"] {
            s.scan(
                path,
                b"requests.get(u, verify=False)\n",
                LineMap::Contiguous { first: 1 },
                &mut out,
            );
        }
        let relaxed: Vec<bool> = out.iter().map(|m| m.relaxed).collect();
        assert_eq!(relaxed, [true, false]);
    }

    fn lines_of(
        s: &InsecureScanner,
        path: &str,
        text: &str,
        map: LineMap<'_>,
    ) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        s.scan(path, text.as_bytes(), map, &mut out);
        out.into_iter().map(|m| (m.id, m.line)).collect()
    }

    #[test]
    fn yaml_key_follows_block_scalars_nested_keys_and_plain_continuations() {
        let s = team(
            "patterns:\n  - id: in-run\n    title: t\n    severity: low\n    keywords: [zz9]\n    patterns:\n      - regex: 'zz9'\n        yaml_key: '^run$'\n",
        );
        let text = "\
zz9: top
steps:
  - name: a zz9
    run: echo zz9
  - run: |
      if true; then
        key: zz9
      fi
  - with:
      run-id: zz9
      body: |
        run: zz9
    run: >-
      zz9 folded
  - if: x
      && zz9
";
        let lines: Vec<u32> = lines_of(&s, "w.yml", text, LineMap::Contiguous { first: 1 })
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(lines, [4, 7, 14], "{text}");
    }

    #[test]
    fn yaml_key_unknown_at_a_diff_hunk_start_counts_until_the_next_key() {
        let s = team(
            "patterns:\n  - id: in-run\n    title: t\n    severity: low\n    keywords: [zz9]\n    patterns:\n      - regex: 'zz9'\n        yaml_key: '^run$'\n",
        );
        // Hunk one: a whole step; hunk two starts inside some block the buffer does not hold,
        // then a `with:` key makes the key known again.
        let text = "      - with:\n          title: zz9\n          echo zz9\n        with:\n          x: zz9\n";
        let got = lines_of(&s, "w.yml", text, LineMap::Mapped(&[5, 6, 40, 41, 42]));
        let lines: Vec<u32> = got.into_iter().map(|(_, l)| l).collect();
        assert_eq!(lines, [40]);
        // A contiguous part that does not start at line 1 is a hunk too.
        let got = lines_of(
            &s,
            "w.yml",
            "  echo zz9\n",
            LineMap::Contiguous { first: 9 },
        );
        assert_eq!(got.len(), 1);
        assert!(
            lines_of(
                &s,
                "w.yml",
                "  echo zz9\n",
                LineMap::Contiguous { first: 1 }
            )
            .is_empty()
        );
    }

    #[test]
    fn gha_script_injection_needs_an_attacker_written_value_inside_a_script() {
        let s = scanner();
        let wf = ".github/workflows/triage.yml";
        let hit = |text: &str| ids(&s, wf, text).contains(&"gha-script-injection".to_string());
        for bad in [
            "    steps:\n      - run: ./label.sh \"${{ github.event.pull_request.title }}\"\n",
            "    steps:\n      - run: |\n          echo start\n          git log -1 --format=%s ${{ github.event.workflow_run.head_branch }}\n",
            "      - uses: actions/github-script@v7\n        with:\n          script: |\n            const c = \"${{ github.event.review.body }}\";\n",
            "      - run: echo ${{ github.event.commits[0].author.email }}\n",
            "      - run: printf '%s' '${{ toJson(github.event.issue) }}'\n",
        ] {
            assert!(hit(bad), "missed: {bad}");
        }
        for fine in [
            "      - run: echo \"${{ github.event.pull_request.head.sha }} ${{ github.event.issue.number }}\"\n",
            "      - run: ./publish.sh ${{ github.event.inputs.channel }} ${{ github.event.release.name }}\n",
            "      - run: echo \"@${{ github.event.issue.user.login }} ${{ github.event.repository.name }}\"\n",
            "      - name: On ${{ github.event.issue.title }}\n        uses: some/action@v1\n        with:\n          message: |\n            Got ${{ github.event.comment.body }}\n",
            "      - if: startsWith(github.event.comment.body, '/go')\n        env:\n          BODY: ${{ github.event.comment.body }}\n        run: echo \"$BODY\"\n",
        ] {
            assert!(!hit(fine), "reported: {fine}");
        }
        // GitHub runs only `.yml`/`.yaml` files directly in .github/workflows.
        let step = "      - run: echo ${{ github.event.issue.body }}\n";
        for not_run in [
            ".github/workflows/ci.yml.disabled",
            ".github/workflows/scripts/x.yml",
        ] {
            assert!(
                !ids(&s, not_run, step).contains(&"gha-script-injection".to_string()),
                "{not_run}"
            );
        }
        // The same script outside a workflow or action is not a workflow.
        assert!(
            !ids(
                &s,
                "ci/triage.yml",
                "      - run: echo ${{ github.event.issue.body }}\n"
            )
            .contains(&"gha-script-injection".to_string())
        );
        assert!(
            ids(
                &s,
                "actions/tag/action.yaml",
                "    - run: echo ${{ github.event.issue.body }}\n"
            )
            .contains(&"gha-script-injection".to_string())
        );
    }

    #[test]
    fn gha_pr_target_checkout_needs_a_privileged_trigger_and_the_head_ref() {
        let s = scanner();
        let wf = ".github/workflows/pr.yml";
        let hit = |text: &str| ids(&s, wf, text).contains(&"gha-pr-target-checkout".to_string());
        let checkout = "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.ref }}\n";
        assert!(hit(&format!(
            "on:\n  pull_request_target:\njobs:\n  t:\n    steps:\n{checkout}"
        )));
        assert!(!hit(&format!(
            "on:\n  pull_request:\njobs:\n  t:\n    steps:\n{checkout}"
        )));
        assert!(hit(
            "on: workflow_run\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n"
        ));
        assert!(!hit(
            "on: workflow_run\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_repository.default_branch }}\n"
        ));
        assert!(hit(
            "on: pull_request_target\njobs:\n  t:\n    steps:\n      - run: gh pr checkout \"$PR\"\n"
        ));
        assert!(!hit(
            "on: pull_request_target\njobs:\n  t:\n    steps:\n      - with:\n          text: run gh pr checkout 7 to try it\n"
        ));
    }

    #[test]
    fn curl_pipe_shell_needs_a_download_command_not_the_word_in_an_alternation() {
        let s = scanner();
        let id = "curl-pipe-shell".to_string();
        assert!(
            ids(
                &s,
                "setup.sh",
                "wget -qO- https://get.example.net/i | sudo bash\n"
            )
            .contains(&id)
        );
        assert!(ids(&s, "Makefile", "\tcurl -sfL $(URL)/lint.sh | sh -s v2\n").contains(&id));
        for fine in [
            "RewriteCond %{HTTP_USER_AGENT} (nmap|curl|wget|python|sqlmap) [NC]\n",
            "blocked = re.compile(r\"(curl|wget|python-requests)\")\n",
        ] {
            assert!(!ids(&s, "conf/bots.conf", fine).contains(&id), "{fine}");
        }
    }

    #[test]
    fn jwt_alg_none_is_denied_and_an_unverified_decode_is_its_own_warning() {
        let s = scanner();
        let py = "app/session.py";
        assert_eq!(
            ids(
                &s,
                py,
                "user = jwt.decode(tok, k, algorithms=[\"RS256\", \"none\"])\n"
            ),
            ["jwt-verify-disabled"]
        );
        assert_eq!(
            ids(
                &s,
                "src/auth.ts",
                "verify(jwtString, secret, { algorithms: [\"none\"] })\n"
            ),
            ["jwt-verify-disabled"]
        );
        // Making an unsigned token, or `none` in a list that is not about tokens, is not verifying.
        assert!(ids(&s, py, "t = jwt.encode(claims, None, algorithm=\"none\")\n").is_empty());
        assert!(
            ids(
                &s,
                "src/zip.py",
                "pack(files, algorithms=['none', 'lzma'])\n"
            )
            .is_empty()
        );
        // Peeking at a token is a warning of its own, not a denial.
        for peek in [
            "hdr = jwt.decode(tok, options={\"verify_signature\": False})\n",
            "claims, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})\n",
        ] {
            assert_eq!(ids(&s, py, peek), ["jwt-decode-unverified"], "{peek}");
        }
        // A library defining the peek is not using it.
        assert!(
            ids(
                &s,
                "parser.go",
                "func (p *Parser) ParseUnverified(s string, c Claims) (*Token, error) {\n"
            )
            .is_empty()
        );
    }
}
