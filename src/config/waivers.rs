//! Exceptions with a reason and an end: `.charter/waivers.yaml`, and the charter's `waivers:`
//! settings. Parsed and validated here (file:line); applied to policy results by `app`.

use super::ConfigError;
use super::date::Date;
use crate::pattern::{GlobIndex, GlobIndexBuilder, GlobPattern};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The charter's `waivers:` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WaiversConfig {
    /// CH-WAIVER-001 warns about a waiver this many days before it expires (`0`: only once it
    /// has). Default: `14`.
    pub warn_before_days: u32,
}

impl Default for WaiversConfig {
    fn default() -> Self {
        WaiversConfig {
            warn_before_days: 14,
        }
    }
}

/// Where a team keeps its waivers, relative to `.charter/`.
pub const WAIVERS_FILE: &str = "waivers.yaml";

/// The file's shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default = "one")]
    version: u32,
    #[serde(default)]
    waivers: Vec<Entry>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    fingerprint: Option<String>,
    #[serde(default)]
    policy: Option<String>,
    #[serde(default)]
    paths: Vec<String>,
    reason: String,
    owner: String,
    expires: Date,
}

/// One waiver: what it matches, why, whose it is, and until when.
#[derive(Debug, Clone, Serialize)]
pub struct Waiver {
    /// A secret finding's fingerprint (as `git charter baseline` and the JSON report give it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// A policy id (`CH-INSECURE-001`), case-insensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// With `policy`: globs of the paths it covers (none: every result of the policy, with a path
    /// or without).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    pub reason: String,
    pub owner: String,
    /// The last day it applies (UTC).
    pub expires: Date,
    /// `.charter/waivers.yaml:12`: where it is written.
    pub at: String,
}

/// The waivers in force, in file order, indexed so that a result costs one lookup whatever their
/// number: by fingerprint, by path glob, and the policy-wide ones.
#[derive(Debug, Clone)]
pub struct Waivers {
    pub list: Vec<Waiver>,
    by_fingerprint: HashMap<String, Vec<usize>>,
    by_path: GlobIndex<usize>,
    policy_wide: Vec<usize>,
}

impl Default for Waivers {
    fn default() -> Self {
        Waivers {
            list: Vec::new(),
            by_fingerprint: HashMap::new(),
            by_path: GlobIndex::empty(),
            policy_wide: Vec::new(),
        }
    }
}

impl Waiver {
    /// Whether its `policy` (if any) is `policy_id`.
    fn for_policy(&self, policy_id: &str) -> bool {
        self.policy
            .as_deref()
            .is_none_or(|p| p.eq_ignore_ascii_case(policy_id))
    }

    /// Whether it still applies on `today` (it does through its `expires` day).
    pub fn active(&self, today: Date) -> bool {
        today <= self.expires
    }
}

impl Waivers {
    /// Parses and validates the file's text; `path` names it in errors, `shown` in each waiver's
    /// `at` (`.charter/waivers.yaml`).
    pub fn parse(path: &Path, shown: &str, text: &str) -> Result<Waivers, ConfigError> {
        let err = |location, message: String| ConfigError {
            path: path.to_path_buf(),
            location,
            message,
        };
        if text.trim().is_empty() {
            return Ok(Waivers::default());
        }
        let file: File =
            yaml_serde::from_str(text).map_err(|e| super::ConfigError::from_yaml(path, e))?;
        if file.version != 1 {
            return Err(err(
                None,
                format!(
                    "unsupported version {} (this git-charter reads version 1)",
                    file.version
                ),
            ));
        }
        let lines = entry_lines(text);
        let mut list = Vec::with_capacity(file.waivers.len());
        let mut by_fingerprint: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_path = GlobIndexBuilder::new();
        let mut policy_wide = Vec::new();
        for (i, e) in file.waivers.into_iter().enumerate() {
            let line = lines.get(i).copied();
            let at = |m: String| err(line.map(|l| (l, 1)), format!("waivers[{i}]: {m}"));
            if e.reason.trim().is_empty() {
                return Err(at(
                    "`reason` must say why the exception is acceptable".into()
                ));
            }
            if e.owner.trim().is_empty() {
                return Err(at("`owner` must name who answers for it".into()));
            }
            match (&e.fingerprint, &e.policy) {
                (None, None) => {
                    return Err(at(
                        "name what it waives: `fingerprint` (a secret finding's) or `policy` (an id, with optional `paths`)".into(),
                    ));
                }
                (Some(_), _) if !e.paths.is_empty() => {
                    return Err(at("`paths` goes with `policy`, not with `fingerprint` (a fingerprint already names one path)".into()));
                }
                (Some(fp), _) if fp.trim().is_empty() => {
                    return Err(at("`fingerprint` must not be empty".into()));
                }
                (_, Some(p)) if p.trim().is_empty() => {
                    return Err(at("`policy` must not be empty".into()));
                }
                _ => {}
            }
            let n = list.len();
            if let Some(fp) = &e.fingerprint {
                by_fingerprint.entry(fp.clone()).or_default().push(n);
            } else if e.paths.is_empty() {
                policy_wide.push(n);
            }
            for g in &e.paths {
                let glob = GlobPattern(g.clone());
                by_path
                    .add(&glob, n)
                    .map_err(|x| at(format!("paths: invalid glob `{g}`: {}", x.kind())))?;
            }
            list.push(Waiver {
                fingerprint: e.fingerprint,
                policy: e.policy,
                paths: e.paths,
                reason: e.reason,
                owner: e.owner,
                expires: e.expires,
                at: match line {
                    Some(l) => format!("{shown}:{l}"),
                    None => shown.to_string(),
                },
            });
        }
        let by_path = by_path
            .build()
            .map_err(|x| err(None, format!("paths: {x}")))?;
        Ok(Waivers {
            list,
            by_fingerprint,
            by_path,
            policy_wide,
        })
    }

    /// The first waiver in force on `today` that covers the result, if any.
    pub fn find(
        &self,
        today: Date,
        policy_id: &str,
        path: Option<&str>,
        fingerprint: Option<&str>,
    ) -> Option<&Waiver> {
        let mut candidates: Vec<usize> = self.policy_wide.clone();
        if let Some(fp) = fingerprint
            && let Some(ws) = self.by_fingerprint.get(fp)
        {
            candidates.extend(ws);
        }
        if let Some(p) = path {
            candidates.extend(self.by_path.matches(p));
        }
        // The first in file order, as written.
        candidates.sort_unstable();
        candidates
            .into_iter()
            .map(|i| &self.list[i])
            .find(|w| w.active(today) && w.for_policy(policy_id))
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The 1-based line of each entry of the top-level `waivers:` list (its `- `), in order.
fn entry_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut indent: Option<usize> = None;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = l.len() - t.len();
        if ind == 0 && !t.starts_with('-') {
            inside = t.starts_with("waivers:");
            indent = None;
            continue;
        }
        if !inside {
            continue;
        }
        if t.starts_with("- ") || t == "-" {
            match indent {
                None => {
                    indent = Some(ind);
                    out.push(i + 1);
                }
                Some(n) if n == ind => out.push(i + 1),
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Waivers, ConfigError> {
        Waivers::parse(Path::new("w.yaml"), ".charter/waivers.yaml", text)
    }

    const TWO: &str = "version: 1\nwaivers:\n  # a comment\n  - policy: CH-INSECURE-001\n    paths: [\"tests/**\"]\n    reason: fixtures exercise the insecure call on purpose\n    owner: qa@example.com\n    expires: 2027-01-31\n  - fingerprint: generic-password:a.py:0123456789abcdef\n    reason: a documented test credential\n    owner: sec@example.com\n    expires: \"2026-12-31\"\n";

    #[test]
    fn reads_entries_with_their_lines_and_matches_by_policy_path_or_fingerprint() {
        let w = parse(TWO).unwrap();
        assert_eq!(w.list.len(), 2);
        assert_eq!(w.list[0].at, ".charter/waivers.yaml:4");
        assert_eq!(w.list[1].at, ".charter/waivers.yaml:9");
        let day = Date::parse("2026-12-31").unwrap();
        assert!(
            w.find(day, "ch-insecure-001", Some("tests/a/b.py"), None)
                .is_some()
        );
        assert!(
            w.find(day, "CH-INSECURE-001", Some("src/b.py"), None)
                .is_none()
        );
        assert!(w.find(day, "CH-INSECURE-001", None, None).is_none());
        let fp = Some("generic-password:a.py:0123456789abcdef");
        assert!(w.find(day, "CH-SECRET-001", Some("a.py"), fp).is_some());
        // The last day applies; the next does not.
        assert!(
            w.find(day.add_days(1), "CH-SECRET-001", Some("a.py"), fp)
                .is_none()
        );
        assert!(
            w.find(day.add_days(1), "CH-INSECURE-001", Some("tests/x"), None)
                .is_some()
        );
    }

    #[test]
    fn every_error_names_the_entry_and_its_line() {
        for (text, what, line) in [
            (
                "waivers:\n  - policy: X\n    reason: \" \"\n    owner: o\n    expires: 2027-01-01\n",
                "reason",
                Some(2),
            ),
            (
                "waivers:\n  - policy: X\n    reason: r\n    owner: o\n    expires: 2027-02-30\n",
                "not a date",
                Some(2),
            ),
            (
                "waivers:\n  - reason: r\n    owner: o\n    expires: 2027-01-01\n",
                "name what it waives",
                Some(2),
            ),
            (
                "waivers:\n  - fingerprint: f\n    paths: [a]\n    reason: r\n    owner: o\n    expires: 2027-01-01\n",
                "`paths` goes with `policy`",
                Some(2),
            ),
            (
                "waivers:\n  - policy: X\n    paths: [\"a[\"]\n    reason: r\n    owner: o\n    expires: 2027-01-01\n",
                "paths:",
                Some(2),
            ),
            (
                "waivers:\n  - policy: X\n    reason: r\n    expires: 2027-01-01\n",
                "missing field `owner`",
                None,
            ),
            ("version: 2\n", "unsupported version 2", None),
            (
                "waivers:\n  - policy: X\n    reason: r\n    owner: o\n    expires: 2027-01-01\n    until: x\n",
                "unknown field",
                None,
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.to_string().contains(what), "{text}: {e}");
            if let Some(l) = line {
                assert_eq!(e.location.map(|x| x.0), Some(l), "{text}: {e}");
            }
        }
        assert!(parse("").unwrap().list.is_empty());
        assert!(parse("# nothing yet\n").unwrap().list.is_empty());
    }
}
