//! Secret detection: rules as data, one aho-corasick keyword pass, regex confirmation, entropy, suppression.
//! Pure: bytes in, redacted findings out. Never stores or returns a full secret; no git, no I/O, no printing.

mod checksum;
mod decode;
mod engine;
mod filters;
pub(crate) mod gitleaks;
pub mod inline;
mod rules;

pub use crate::rules::RuleError;

use crate::config::secrets::SecretsConfig;
use crate::pattern::{LineMap, glob_set};
use crate::rules::check::{Example, Problem, RuleExamples, RuleSet};
use rules::{AllowList, Target};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One detected secret. Holds no secret bytes: only a redacted preview and a hash-based fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entropy: Option<f32>,
    /// Set when an inline marker in a comment on the finding's line suppresses it; the finding is
    /// still reported (as suppressed), and the charter's `secrets.inline_ignore` decides what that means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// Set (`base64`) when the secret was found in a value decoded from the text; `line` and
    /// `column` are then those of the encoded value, and `spans` cover it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decoded: Option<&'static str>,
    /// Byte ranges of the secret (and of a paired companion) in the buffer that was scanned, for
    /// redacting exactly that buffer; never serialised (empty for a path-only finding).
    #[serde(skip)]
    pub spans: Vec<(usize, usize)>,
}

/// How a finding was suppressed in the source (SARIF 2.1.0's `suppression` object).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// Always `inSource`: a marker in the scanned text.
    pub kind: &'static str,
    /// The marker, as written: `charter:allow`, `gitleaks:allow` or `pragma: allowlist secret`.
    pub marker: &'static str,
}

/// A candidate that a placeholder filter, an allowlist or the baseline removed: not a finding, but
/// listed by `--show-suppressed` with the reason (redacted like every finding).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HiddenFinding {
    #[serde(flatten)]
    pub finding: SecretFinding,
    /// `placeholder`, `allowlist`, `path` (an allowlisted path) or `baseline`.
    pub by: &'static str,
    pub reason: String,
}

/// What a scan keeps of the candidates placeholder filters and allowlists removed.
pub enum Hidden<'a> {
    /// Nothing: only what is reported matters.
    Drop,
    /// Their byte spans in the scanned text, and nothing else: what the secret rules hid is still
    /// their fact, which the insecure scan must not report again.
    Spans(&'a mut Vec<(usize, usize)>),
    /// Each as a redacted finding with the reason, as `--show-suppressed` lists it.
    List(&'a mut Vec<HiddenFinding>),
}

impl<'a> From<Option<&'a mut Vec<HiddenFinding>>> for Hidden<'a> {
    fn from(list: Option<&'a mut Vec<HiddenFinding>>) -> Hidden<'a> {
        list.map_or(Hidden::Drop, Hidden::List)
    }
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
        for (origin, spec) in crate::rules::secrets::builtin_specs_for_scan()? {
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
            origin: "secrets.stopwords / secrets.allow_regexes",
        };
        let mut line_allow = AllowList {
            target: Target::Line,
            origin: "secrets.allow_regexes, on the line",
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
    /// Base64 values (a Kubernetes Secret's `data:`, a Docker `auth`) are decoded and scanned
    /// too, to a bounded depth and size; their findings point at the encoded value.
    pub fn scan(&self, path: &str, text: &[u8], lines: LineMap<'_>, out: &mut Vec<SecretFinding>) {
        self.scan_showing(path, text, lines, out, None);
    }

    /// `scan`, also appending to `hidden` what placeholder filters and allowlists (the charter's
    /// paths, regexes and stopwords, a rule's own, a gitleaks config's) removed, with the reason.
    /// An allowlisted path is then scanned too, its findings all hidden.
    pub fn scan_showing(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
        hidden: Option<&mut Vec<HiddenFinding>>,
    ) {
        self.scan_keeping(path, text, lines, out, hidden.into());
    }

    /// `scan`, keeping what placeholder filters and allowlists removed as `hidden` asks: listed
    /// (and an allowlisted path then scanned too, its findings all hidden), or only their spans.
    pub fn scan_keeping(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
        hidden: Hidden<'_>,
    ) {
        let first = out.len();
        if self.engine.scan(path, text, lines, out, hidden) {
            let mut budget = decode::BUDGET;
            decode::scan_encoded(&self.engine, path, text, lines, out, first, 0, &mut budget);
        }
    }

    /// Whether `path` is exempt from secret scanning (`secrets.allow_paths`, a gitleaks path
    /// allowlist): `scan` finds nothing in it.
    pub fn path_allowed(&self, path: &str) -> bool {
        self.engine.is_path_allowed(path)
    }

    /// The spans of every candidate the content rules see in `text`, reported or hidden, whatever
    /// the path allowlists say: what an allowlisted path holds that the secret rules would
    /// otherwise have judged.
    pub fn candidate_spans(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        let mut found = Vec::new();
        self.engine
            .scan_body_showing(path, text, lines, &mut found, Hidden::Spans(spans));
        spans.extend(found.into_iter().flat_map(|f| f.spans));
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

/// `text` with every finding's secret bytes (its `spans` in `text`, as scanned) replaced by the
/// finding's redacted preview. Exact spans: any number of findings per line, both halves of a
/// pair in either order, every line of a multi-line secret; each newline inside a secret stays,
/// followed by `[redacted]`, so the text keeps its lines (trailers are parsed from it).
pub fn redact_spans(text: &str, findings: &[SecretFinding]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = findings
        .iter()
        .flat_map(|f| {
            f.spans
                .iter()
                .map(move |&(s, e)| (s, e, f.preview.as_str()))
        })
        .filter(|&(s, e, _)| s < e && e <= text.len())
        .collect();
    if spans.is_empty() {
        return text.to_string();
    }
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for (s, e, preview) in spans {
        if e <= at {
            continue; // inside a span already replaced
        }
        let s = s.max(at);
        out.extend_from_slice(&bytes[at..s]);
        out.extend_from_slice(preview.as_bytes());
        for _ in bytes[s..e].iter().filter(|&&b| b == b'\n') {
            out.extend_from_slice(b"\n[redacted]");
        }
        at = e;
    }
    out.extend_from_slice(&bytes[at..]);
    String::from_utf8_lossy(&out).into_owned()
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

    fn message_findings(text: &str) -> Vec<SecretFinding> {
        let s = Scanner::new(&SecretsConfig::default(), &[]).unwrap();
        let mut out = Vec::new();
        s.scan(
            "<commit message>",
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        out
    }

    /// Two secrets on one line, a pair whose secret comes first, a secret holding `(`, `,` or `;`:
    /// every byte of every secret is replaced, and the text keeps its lines.
    #[test]
    fn redaction_replaces_exact_spans_of_every_finding() {
        let id = format!("AKIA{}", "Z7QW3LRT5XKP2M4N");
        let id2 = format!("AKIA{}", "Q3EGRTZ5UJKLM7NX");
        let secret = format!("Zztu8dNgA/KSkp9LqtU{}", "hWnyWPEGpDIlWNPdhqwL6");
        let pw = format!("Xk9(q,{};vL2#mZ8rT", "Wn4");
        let text = format!(
            "Subject\n\nkeys {id} and {id2} here\naws_secret_access_key = {secret}\naws_access_key_id = {id}\npassword = \"{pw}\"\n\nSigned-off-by: A <a@example.com>\n"
        );
        let findings = message_findings(&text);
        assert!(findings.len() >= 3, "{findings:?}");
        let red = redact_spans(&text, &findings);
        for needle in [&id, &id2, &secret, &pw] {
            assert!(!red.contains(needle.as_str()), "{needle} left in {red}");
            // No long part of a secret survives either.
            let part = &needle[needle.len() / 2..];
            assert!(!red.contains(part), "{part} left in {red}");
        }
        assert_eq!(red.lines().count(), text.lines().count(), "{red}");
        assert!(red.ends_with("Signed-off-by: A <a@example.com>\n"), "{red}");
    }

    use super::decode::encode_for_tests as base64;

    /// A base64-encoded key in a Kubernetes Secret (`tls.key:`) was missed.
    #[test]
    fn a_base64_key_in_a_kubernetes_secret_is_found_on_its_line() {
        let key = format!(
            "-----BEGIN RSA PRIVATE {}-----\nMIIEowIBAAKCAQEA7r3Q9vKk2m8XyL1pTqWz5nHdJf0sBcU4aYgE6iRtO\nw3Lx9PqZ2VnB7cM5kD1sF8hJ4gT6yU0oI3eR9wQ2aS5dF7gH1jK4lZ8xC6vB3nM\n-----END RSA PRIVATE KEY-----\n",
            "KEY"
        );
        let encoded = base64(key.as_bytes());
        let text = format!(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBrZXk=\n  tls.key: {encoded}\n"
        );
        let s = Scanner::new(&SecretsConfig::default(), &[]).unwrap();
        let mut found = Vec::new();
        s.scan(
            "deploy/tls.yaml",
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut found,
        );
        let f = found
            .iter()
            .find(|f| f.decoded == Some("base64"))
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!((f.line, f.end_line, f.column), (8, 8, 12), "{f:?}");
        let red = redact_spans(&text, &found);
        assert!(!red.contains(&encoded[..40]), "{red}");
        assert_eq!(red.lines().count(), text.lines().count());
        // A marker on the encoded line suppresses it, as on any line.
        let marked = text.replace(&encoded, &format!("{encoded} # charter:allow"));
        let mut found = Vec::new();
        s.scan(
            "deploy/tls.yaml",
            marked.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut found,
        );
        assert!(
            found
                .iter()
                .any(|f| f.decoded.is_some() && f.suppressed.is_some()),
            "{found:?}"
        );
    }

    #[test]
    fn redaction_keeps_the_lines_of_a_multi_line_secret() {
        let body = "MIIEowIBAAKCAQEA7r3Q9vKk2m8XyL1pTqWz5nHdJf0sBcU4aYgE6iRtO\nw3Lx9PqZ2VnB7cM5kD1sF8hJ4gT6yU0oI3eR9wQ2aS5dF7gH1jK4lZ8xC6vB3nM\n";
        let text = format!(
            "Subject\n\n-----BEGIN RSA PRIVATE {}-----\n{body}-----END RSA PRIVATE KEY-----\nafter\n",
            "KEY"
        );
        let findings = message_findings(&text);
        assert!(!findings.is_empty(), "{text}");
        let red = redact_spans(&text, &findings);
        assert!(!red.contains("MIIEow") && !red.contains("w3Lx9P"), "{red}");
        assert_eq!(red.lines().count(), text.lines().count(), "{red}");
        assert!(red.ends_with("after\n"), "{red}");
    }

    /// The placeholder filter dropped checksum-verified tokens whose random part happened to read
    /// like a placeholder (23 of 200,000 random valid GitHub tokens).
    #[test]
    fn checksum_verified_tokens_are_never_placeholders() {
        const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let token = |random: &str| {
            let mut n = crc32fast::hash(random.as_bytes());
            let mut enc = [b'0'; 6];
            for slot in enc.iter_mut().rev() {
                *slot = BASE62[(n % 62) as usize];
                n /= 62;
            }
            format!("ghp_{random}{}", String::from_utf8_lossy(&enc))
        };
        let mut looked_like_placeholders = 0;
        for random in [
            "EXAMPLEk9Lm2Qx7Rt4Vw8Zy3Bn6Cd1",
            "xxxxxxxxQ3rT8mK2pL9wV5nB7cX4zD",
            "YourTokenHere7Qm2Lx9Rt4Vw8Zy3B",
        ] {
            assert_eq!(random.len(), 30);
            let t = token(random);
            looked_like_placeholders += usize::from(filters::is_placeholder(t.as_bytes()));
            let found = message_findings(&format!("GITHUB_TOKEN={t}\n"));
            assert!(
                found.iter().any(|f| f.rule_id.starts_with("github")),
                "{t}: {found:?}"
            );
        }
        assert!(
            looked_like_placeholders > 0,
            "the cases must exercise the filter"
        );
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
