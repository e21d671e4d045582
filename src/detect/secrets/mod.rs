//! Secret detection: rules as data, one aho-corasick keyword pass, regex confirmation, entropy, suppression.
//! Pure: bytes in, redacted findings out. Never stores or returns a full secret; no git, no I/O, no printing.

mod checksum;
mod engine;
mod filters;
mod gitleaks;
mod rules;

pub use crate::rules::RuleError;

use crate::config::secrets::SecretsConfig;
use crate::pattern::{LineMap, glob_set};
use crate::rules::check::{Example, Problem, RuleExamples, RuleSet};
use rules::{AllowList, Target};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One detected secret. Holds no secret bytes: only a redacted preview and a hash-based fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecretFinding {
    pub rule_id: String,
    pub title: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    /// Redacted preview, e.g. `ghp_…(40)` (never more than a quarter of the secret, at most 4 characters).
    pub preview: String,
    /// Stable across line moves: `<rule_id>:<path>:<first 16 hex of sha256(secret)>`.
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entropy: Option<f32>,
}

/// What `git charter rules` lists for each rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
    /// The rule file or gitleaks config it came from.
    pub origin: String,
}

/// Compiled rules; build once, share across threads (`Scanner: Sync`).
pub struct Scanner {
    engine: engine::Engine,
}

impl Scanner {
    /// Built-in rules plus the charter's settings; `extra` holds gitleaks-format TOML configs as (origin, text).
    pub fn new(config: &SecretsConfig, extra: &[(String, String)]) -> Result<Scanner, RuleError> {
        let charter = |message: String| RuleError::Invalid {
            origin: "charter: secrets".into(),
            message,
        };
        let mut rules = Vec::new();
        for (origin, spec) in crate::rules::secrets::builtin_specs()? {
            rules.push(rules::compile(&spec, &origin)?);
        }
        let mut global = Vec::new();
        let mut disabled: Vec<String> = config.disable.clone();
        let mut imported_rules = Vec::new();
        for (origin, text) in extra {
            let imp = gitleaks::import(origin, text)?;
            if imp.replace_builtins {
                rules.clear();
            }
            disabled.extend(imp.disabled);
            global.extend(imp.global);
            imported_rules.extend(imp.rules);
        }
        for id in &config.disable {
            if !rules.iter().any(|r| &r.id == id) {
                return Err(charter(format!("`disable` names unknown rule `{id}`")));
            }
        }
        rules.retain(|r| !disabled.contains(&r.id));
        // An imported rule with a built-in id replaces it, as gitleaks' extend does.
        rules.retain(|r| {
            !imported_rules
                .iter()
                .any(|i: &rules::CompiledRule| i.id == r.id)
        });
        rules.extend(imported_rules);
        let mut charter_allow = AllowList {
            and: false,
            target: Target::Secret,
            regexes: Vec::new(),
            paths: Vec::new(),
            stopwords: config
                .stopwords
                .iter()
                .map(|s| s.to_ascii_lowercase())
                .collect(),
        };
        let mut line_allow = AllowList {
            target: Target::Line,
            ..charter_allow.clone()
        };
        line_allow.stopwords.clear();
        for re in &config.allow_regexes {
            let r = rules::compile_regex(&re.0)
                .map_err(|e| charter(format!("allow_regexes: `{}`: {e}", re.0)))?;
            charter_allow.regexes.push(r.clone());
            line_allow.regexes.push(r);
        }
        global.extend(
            [charter_allow, line_allow]
                .into_iter()
                .filter(|a| !a.is_empty()),
        );
        let globs =
            glob_set(&config.allow_paths).map_err(|e| charter(format!("allow_paths: {e}")))?;
        let engine = engine::Engine::new(rules, globs, global).map_err(charter)?;
        Ok(Scanner { engine })
    }

    /// Scans `text` (the added lines of a diff, or a whole file) and appends findings to `out`.
    /// Binary content (NUL in the first 8 KiB) and allowlisted paths are skipped.
    pub fn scan(&self, path: &str, text: &[u8], lines: LineMap<'_>, out: &mut Vec<SecretFinding>) {
        self.engine.scan(path, text, lines, out);
    }

    /// Every active rule, built-in and imported, in load order.
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.engine
            .rules
            .iter()
            .map(|r| RuleInfo {
                id: r.id.clone(),
                title: r.title.clone(),
                keywords: r.keywords.clone(),
                origin: r.origin.clone(),
            })
            .collect()
    }
}

/// Every secret rule in force with the examples of the built-in ones, for the example checker
/// (`git charter rules check`). Examples are scanned at `src/config.txt`.
pub struct SecretRuleSet {
    scanner: Scanner,
    specs: Vec<(String, crate::rules::secrets::RuleSpec)>,
}

const EXAMPLE_PATH: &str = "src/config.txt";

impl SecretRuleSet {
    pub fn new(config: &SecretsConfig, extra: &[(String, String)]) -> Result<Self, RuleError> {
        Ok(SecretRuleSet {
            scanner: Scanner::new(config, extra)?,
            specs: crate::rules::secrets::builtin_specs()?,
        })
    }

    fn rule(&self, id: &str) -> Option<usize> {
        self.scanner.engine.rules.iter().position(|r| r.id == id)
    }
}

impl RuleSet for SecretRuleSet {
    fn kind(&self) -> &'static str {
        "secret"
    }

    fn examples(&self) -> Vec<RuleExamples> {
        let ex = |t: &String| Example::new(EXAMPLE_PATH, t);
        self.scanner
            .engine
            .rules
            .iter()
            .map(|r| {
                let spec = r
                    .builtin
                    .then(|| self.specs.iter().find(|(_, s)| s.id == r.id))
                    .flatten()
                    .map(|(_, s)| s);
                RuleExamples {
                    id: r.id.clone(),
                    examples: spec.map_or_else(Vec::new, |s| s.examples.iter().map(ex).collect()),
                    negatives: spec
                        .map_or_else(Vec::new, |s| s.negative_examples.iter().map(ex).collect()),
                    needs_examples: r.builtin,
                }
            })
            .collect()
    }

    fn passes_prefilter(&self, id: &str, example: &Example) -> bool {
        self.rule(id).is_some_and(|i| {
            self.scanner
                .engine
                .prefilter_admits(i, example.text.as_bytes())
        })
    }

    fn reported(&self, _: &str, example: &Example) -> Vec<String> {
        let mut out = Vec::new();
        self.scanner.scan(
            &example.path,
            example.text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        let mut ids: Vec<String> = out.into_iter().map(|f| f.rule_id).collect();
        ids.dedup();
        ids
    }

    fn negatives_are_clean(&self) -> bool {
        true
    }

    fn other_problems(&self) -> Vec<Problem> {
        self.scanner
            .engine
            .rules
            .iter()
            .filter_map(|r| {
                r.regex.check().err().map(|e| Problem {
                    kind: "secret",
                    rule: r.id.clone(),
                    message: format!("regex does not compile: {e}"),
                })
            })
            .collect()
    }
}

/// Replaces each finding's secret in `text` by its redacted preview: from the finding's column to the
/// end of the token on its first line, and whole lines after it (the rest of a PEM block, the second
/// half of a pair).
pub fn redact_lines(text: &str, findings: &[SecretFinding]) -> String {
    if findings.is_empty() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for f in findings {
        let first = f.line.saturating_sub(1) as usize;
        if let Some(line) = lines.get_mut(first) {
            let start = line
                .char_indices()
                .nth(f.column.saturating_sub(1) as usize)
                .map_or(line.len(), |(i, _)| i);
            let end = line[start..]
                .find(|c: char| c.is_whitespace() || "\"'`<>,;()[]{}".contains(c))
                .map_or(line.len(), |n| start + n);
            line.replace_range(start..end, &f.preview);
        }
        for l in (first + 1)..(f.end_line as usize).min(lines.len()) {
            lines[l] = "[redacted]".to_string();
        }
    }
    lines.join("\n")
}

/// `<rule_id>:<path>:<first 16 hex digits of sha256(secret)>`: no line number, so baselines survive edits.
pub fn fingerprint(rule_id: &str, path: &str, secret: &[u8]) -> String {
    let digest = Sha256::digest(secret);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{rule_id}:{path}:{hex}")
}

/// Redacted preview: at most a quarter of the secret and never more than 4 characters, then its length.
pub fn redact(secret: &[u8]) -> String {
    let text = String::from_utf8_lossy(secret);
    let n = text.chars().count();
    let shown = (n / 4).min(4);
    let head: String = text
        .chars()
        .take(shown)
        .filter(|c| !c.is_control())
        .collect();
    format!("{head}…({n} chars)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in rule finds its examples through the full scanner (prefilter included) and
    /// no negative example gives any finding.
    #[test]
    fn every_rule_matches_its_examples_and_no_negative_gives_a_finding() {
        let set = SecretRuleSet::new(&SecretsConfig::default(), &[]).unwrap();
        let (checked, problems) = crate::rules::check::check(&set);
        assert!(
            checked.rules >= 150 && checked.examples >= 150,
            "{checked:?}"
        );
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", text.join("\n"));
    }

    #[test]
    fn redaction_shows_at_most_a_quarter_and_four_chars() {
        assert_eq!(
            redact(b"ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            "ghp_…(40 chars)"
        );
        assert_eq!(redact(b"abcdefg"), "a…(7 chars)");
        assert_eq!(redact(b"abc"), "…(3 chars)");
    }

    #[test]
    fn fingerprint_has_no_line_and_is_stable() {
        let a = fingerprint("github-pat", "src/a.rs", b"secret-value");
        assert_eq!(a, fingerprint("github-pat", "src/a.rs", b"secret-value"));
        assert!(a.starts_with("github-pat:src/a.rs:"));
        assert_eq!(a.rsplit(':').next().map(str::len), Some(16));
    }
}
