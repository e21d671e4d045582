//! `.charter/baseline.json`: fingerprints of secret findings a team has accepted. Parsed here, once,
//! whether the text came from the work tree or from a commit; written by `git charter baseline`.

use super::ConfigError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The file's shape. A missing file is an empty baseline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule_id: String,
    pub path: String,
}

/// The only version of the file this build reads and writes.
pub const VERSION: u32 = 1;

/// What every baseline error ends with: the way out.
const REBUILD: &str = "rebuild it with `git charter baseline --replace`";

impl BaselineEntry {
    /// The entry as `git charter baseline` writes it: non-empty fields, and the fingerprint
    /// `<rule_id>:<path>:<16 hex digits>` of this very rule and path.
    fn check(&self) -> Result<(), String> {
        if self.rule_id.is_empty() || self.path.is_empty() {
            return Err("`rule_id` and `path` must not be empty".into());
        }
        let hash = self
            .fingerprint
            .strip_prefix(&self.rule_id)
            .and_then(|r| r.strip_prefix(':'))
            .and_then(|r| r.strip_prefix(self.path.as_str()))
            .and_then(|r| r.strip_prefix(':'));
        match hash {
            Some(h) if h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(()),
            _ => Err(format!(
                "fingerprint {:?} is not `{}:{}:<16 hex digits>`",
                self.fingerprint, self.rule_id, self.path
            )),
        }
    }
}

/// `path` is `root` or inside it (`root` `""` holds everything).
fn is_under(path: &str, root: &str) -> bool {
    let root = root.trim_end_matches('/');
    root.is_empty()
        || path == root
        || path
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Baseline {
    /// Parses and validates the file's text; `path` names it in errors (with line and column where
    /// the JSON is broken). Every error says how to rebuild the file.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline, ConfigError> {
        let err = |location, message: String| ConfigError {
            path: path.to_path_buf(),
            location,
            message: format!("invalid baseline: {message}; {REBUILD}"),
        };
        let doc: Baseline = serde_json::from_str(text)
            .map_err(|e| err(Some((e.line(), e.column())), e.to_string()))?;
        if doc.version != VERSION {
            return Err(err(
                None,
                format!(
                    "unsupported version {} (this git-charter reads version {VERSION})",
                    doc.version
                ),
            ));
        }
        for (i, e) in doc.findings.iter().enumerate() {
            e.check()
                .map_err(|problem| err(None, format!("findings[{i}]: {problem}")))?;
        }
        Ok(doc)
    }

    /// A baseline of these entries, sorted and without duplicates.
    pub fn new(mut findings: Vec<BaselineEntry>) -> Baseline {
        findings.sort();
        findings.dedup();
        Baseline {
            version: 1,
            findings,
        }
    }

    /// This baseline with the entries under any of `roots` replaced by `fresh` (the findings of a
    /// new scan of those roots) and every other entry kept. A root is a path relative to the
    /// repository root with `/` separators; `""` is the whole tree.
    pub fn update(self, roots: &[String], fresh: Vec<BaselineEntry>) -> Baseline {
        let mut kept: Vec<BaselineEntry> = self
            .findings
            .into_iter()
            .filter(|e| !roots.iter().any(|r| is_under(&e.path, r)))
            .collect();
        kept.extend(fresh);
        Baseline::new(kept)
    }

    /// This baseline without the entries under any of `roots` whose fingerprint is not in
    /// `current` (the findings a new scan of those roots made): entries that no longer match
    /// anything. Nothing is added. Also returns how many were removed.
    pub fn prune(self, roots: &[String], current: &HashSet<String>) -> (Baseline, usize) {
        let before = self.findings.len();
        let kept: Vec<BaselineEntry> = self
            .findings
            .into_iter()
            .filter(|e| {
                !roots.iter().any(|r| is_under(&e.path, r)) || current.contains(&e.fingerprint)
            })
            .collect();
        let removed = before - kept.len();
        (Baseline::new(kept), removed)
    }

    /// The fingerprints, for filtering findings.
    pub fn fingerprints(&self) -> HashSet<String> {
        self.findings
            .iter()
            .map(|e| e.fingerprint.clone())
            .collect()
    }

    /// The file's text as `git charter baseline` writes it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("baseline serialises") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> BaselineEntry {
        BaselineEntry {
            fingerprint: format!("generic-password:{path}:0123456789abcdef"),
            rule_id: "generic-password".into(),
            path: path.into(),
        }
    }

    fn parse(text: &str) -> Result<Baseline, ConfigError> {
        Baseline::parse(Path::new("b.json"), text)
    }

    #[test]
    fn what_it_writes_it_reads_back() {
        let b = Baseline::new(vec![entry("src/a.py"), entry("b.py")]);
        assert_eq!(parse(&b.to_json()).unwrap().findings, b.findings);
    }

    #[test]
    fn wrong_version_and_bad_fields_say_how_to_rebuild() {
        for (text, what) in [
            (r#"{"version": 2, "findings": []}"#, "unsupported version 2"),
            (r#"{"findings": []}"#, "missing field `version`"),
            ("", "EOF"),
            (
                r#"{"version": 1, "findings": [{"fingerprint": "x", "rule_id": "r", "path": "p"}]}"#,
                "findings[0]: fingerprint",
            ),
            (
                r#"{"version": 1, "findings": [{"fingerprint": "r::0123456789abcdef", "rule_id": "r", "path": ""}]}"#,
                "must not be empty",
            ),
        ] {
            let e = parse(text).unwrap_err().to_string();
            assert!(e.contains(what), "{text}: {e}");
            assert!(e.contains("git charter baseline --replace"), "{e}");
        }
    }

    #[test]
    fn update_replaces_only_the_entries_under_the_roots() {
        let old = Baseline::new(vec![entry("new/a.py"), entry("newer/b.py"), entry("c.py")]);
        let b = old.clone().update(&["new".into()], vec![entry("new/d.py")]);
        let paths: Vec<_> = b.findings.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["c.py", "new/d.py", "newer/b.py"]);
        let b = old.clone().update(&["".into()], vec![]);
        assert!(b.findings.is_empty());
        // Pruning keeps what a scan still finds and everything outside the scanned roots.
        let found: HashSet<String> = [entry("new/a.py").fingerprint].into();
        let (b, removed) = old.clone().prune(&["new".into()], &found);
        let paths: Vec<_> = b.findings.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            (paths, removed),
            (vec!["c.py", "new/a.py", "newer/b.py"], 0)
        );
        let (b, removed) = old.prune(&["".into()], &found);
        let paths: Vec<_> = b.findings.iter().map(|e| e.path.as_str()).collect();
        assert_eq!((paths, removed), (vec!["new/a.py"], 2));
    }
}
