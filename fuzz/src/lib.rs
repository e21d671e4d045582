//! Shared invariants of the fuzz targets. The targets reach git-charter only through its public
//! library API; this file holds the checks several of them make.

use git_charter::detect::secrets::SecretFinding;

/// Secrets shorter than this are not searched for in outputs: short byte strings recur by chance.
const MIN_SECRET: usize = 8;

/// The secrets of `findings` (their span bytes in `scanned`) that a redacting output must not
/// contain: every occurrence of the bytes in `scanned` lies inside some finding's span, so no
/// occurrence was left in place legitimately (an undetected repeat elsewhere would be one).
pub fn covered_secrets(scanned: &[u8], findings: &[SecretFinding]) -> Vec<Vec<u8>> {
    let spans: Vec<(usize, usize)> = findings
        .iter()
        .flat_map(|f| f.spans.iter().copied())
        .filter(|&(s, e)| s < e && e <= scanned.len())
        .collect();
    let mut out: Vec<Vec<u8>> = Vec::new();
    for &(s, e) in &spans {
        let secret = &scanned[s..e];
        if secret.len() < MIN_SECRET || out.iter().any(|o| o == secret) {
            continue;
        }
        let all_covered = occurrences(scanned, secret)
            .all(|p| spans.iter().any(|&(a, b)| a <= p && p + secret.len() <= b));
        if all_covered {
            out.push(secret.to_vec());
        }
    }
    out
}

/// Start offsets of every (possibly overlapping) occurrence of `needle` in `hay`.
pub fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    hay.windows(needle.len().max(1))
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    occurrences(hay, needle).next().is_some()
}

/// The input document's own text with nothing in it (field names such as `skipped_binary`, enum
/// values): a "secret" that spells part of it is found there whatever was redacted. Found by
/// commit_msg: a connection string whose password was `skipped_binary`, a key of the stats.
pub fn empty_document() -> &'static str {
    static DOC: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        use git_charter::input::{self, Input, Stats};
        let doc = Input::new(
            git_charter::model::Stage::PreCommit,
            input::Repo::default(),
            input::Commit::default(),
            Vec::new(),
            Stats::default(),
        );
        serde_json::to_string(&doc).expect("input serialises")
    });
    &DOC
}

/// Panics if `output` holds `secret`. The panic message names only the secret's length, never
/// the secret.
/// Redaction markers (`…(13 chars)`) are the redactor's own text: a secret is looked for in the
/// output between them, not across one, or a marker's `)` next to a value's unredacted tail would
/// spell a secret that starts with `)` (found by commit_msg: `password=…(13 chars)` followed by
/// the rest of a value a shorter rule had cut, and `)` + that rest was another finding's secret).
pub fn assert_absent(what: &str, output: &str, secret: &[u8]) {
    for segment in unmarked(output) {
        assert!(
            !contains(segment.as_bytes(), secret),
            "a detected secret ({} bytes) reached {what} unredacted",
            secret.len()
        );
    }
}

/// `output` cut at every redaction marker `…(N chars)`, the markers dropped.
fn unmarked(output: &str) -> Vec<&str> {
    const OPEN: &str = "…(";
    const CLOSE: &str = " chars)";
    let mut out = Vec::new();
    let (mut start, mut from) = (0, 0);
    while let Some(i) = output[from..].find(OPEN).map(|i| from + i) {
        let after = &output[i + OPEN.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(CLOSE) {
            out.push(&output[start..i]);
            start = i + OPEN.len() + digits + CLOSE.len();
            from = start;
        } else {
            from = i + OPEN.len();
        }
    }
    out.push(&output[start..]);
    out
}

/// Every string (keys and values) of a JSON document, decoded: a secret is looked for as the
/// text a policy or reporter would see, not in its escaped form. Decoded once per document, not
/// once per secret (that repeat was about 15 % of commit_msg's time).
pub fn json_strings(json: &str) -> Vec<String> {
    fn walk(v: serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(a) => a.into_iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.into_iter().for_each(|(k, x)| {
                match x {
                    serde_json::Value::String(f) if k == "fingerprint" => out.push(masked(f)),
                    x => walk(x, out),
                }
                out.push(k);
            }),
            _ => {}
        }
    }
    // A fingerprint is `rule:path:digest`, the digest 16 hex digits of a hash of its secret:
    // the rule id and digest are generated text, not the secret. Content that spells a path's
    // tail and another finding's digest (found by content: the fuzzer copied a fingerprint it had
    // seen compared into a file, where it became part of a detected secret) is in the document
    // whatever was redacted. Only the path is searched (a filler in place of the digest was no
    // good: the fuzzer learnt the filler too).
    fn masked(f: String) -> String {
        let path = f
            .split_once(':')
            .and_then(|(_, rest)| rest.rsplit_once(':'));
        match path {
            Some((path, digest))
                if digest.len() == 16 && digest.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                path.to_string()
            }
            _ => f,
        }
    }
    let mut out = Vec::new();
    walk(serde_json::from_str(json).expect("valid JSON"), &mut out);
    out
}

/// `assert_absent` over every string of a decoded JSON document (`json_strings`).
pub fn assert_absent_json(what: &str, strings: &[String], secret: &[u8]) {
    for s in strings {
        assert_absent(what, s, secret);
    }
}

/// A little cursor over the fuzz input for targets that take several fields.
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a> Bytes<'a> {
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    pub fn take(&mut self, n: usize) -> &'a [u8] {
        let n = n.min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }

    pub fn u16(&mut self) -> u16 {
        u16::from(self.byte()) | (u16::from(self.byte()) << 8)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
