//! Organisation-wide charters: `extends:` names a charter bundle in another git repository, pinned
//! by commit and content digest; the bundle is layered between the embedded default and the
//! repository's own file, and keys the bundle lists under `locked:` cannot be changed by the
//! repository. Fetching and caching the bundle is `collect::bundle`'s; this file knows the keys,
//! the layering and the lock check. docs/organisation.md is the user's guide.

use super::{ConfigError, locate};
use serde::{Deserialize, Deserializer, Serialize};
use std::path::{Path, PathBuf};

/// `extends:` in a repository's `.charter/charter.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extends {
    /// The git repository holding the bundle: a URL git can fetch (`https://…`, `ssh://…`,
    /// `git@host:org/charter.git`) or a path, relative to this repository's root. Required.
    #[serde(deserialize_with = "repository")]
    pub repository: String,
    /// The commit of that repository the bundle is read from, as a full object id. Required: a
    /// branch name would let the same commit be judged differently tomorrow.
    #[serde(deserialize_with = "object_id")]
    pub commit: String,
    /// The digest of the bundle's files, `sha256:<64 hex digits>`; `git charter charter update`
    /// prints it. Every run checks the bundle against it, and `ci` fails closed on a mismatch.
    /// Required before anything but `charter update` runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "digest_field")]
    pub digest: Option<String>,
    /// The bundle's directory in that repository (it holds `charter.yaml` and, optionally,
    /// `policies/**/*.rego`). Default: the repository's root.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "bundle_path")]
    pub path: String,
}

impl Extends {
    /// The bundle's commit, abbreviated as git abbreviates it in messages.
    pub fn short_commit(&self) -> &str {
        &self.commit[..self.commit.len().min(12)]
    }

    /// How messages name the bundle: `<repository>@<short commit>`, plus `:<path>` when it has one.
    pub fn label(&self) -> String {
        let mut s = format!("{}@{}", self.repository, self.short_commit());
        if !self.path.is_empty() {
            s.push(':');
            s.push_str(&self.path);
        }
        s
    }

    /// How messages name a file of the bundle (`rel` relative to its directory).
    pub fn name(&self, rel: &str) -> PathBuf {
        PathBuf::from(format!(
            "{}@{}:{}{rel}",
            self.repository,
            self.short_commit(),
            if self.path.is_empty() {
                String::new()
            } else {
                format!("{}/", self.path)
            }
        ))
    }
}

/// A bundle's charter file, as the layering needs it.
pub struct BundleCharter<'a> {
    /// How messages name it (`Extends::name("charter.yaml")`).
    pub name: &'a Path,
    pub text: &'a str,
}

/// The digest of a bundle's files: SHA-256 over each file, in byte order of its path relative to
/// the bundle's directory, as `<path>\n<length in bytes>\n<bytes>`. Written `sha256:<hex>`.
pub fn digest<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    use sha2::{Digest, Sha256};
    let mut files: Vec<_> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut h = Sha256::new();
    for (path, bytes) in files {
        h.update(path.as_bytes());
        h.update(b"\n");
        h.update(bytes.len().to_string().as_bytes());
        h.update(b"\n");
        h.update(bytes);
    }
    let out = h.finalize();
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in out {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Does `locked` (an entry of a bundle's `locked:`) name policy files rather than a charter key?
pub fn is_policy_lock(entry: &str) -> bool {
    entry.starts_with("policies/")
}

/// The top-level keys a bundle may lock.
const LOCKABLE: &[&str] = &[
    "version",
    "extends_default",
    "limits",
    "tiers",
    "classes",
    "disclosure",
    "ai",
    "review",
    "bulk",
    "dependencies",
    "agents",
    "provenance",
    "approvals",
    "secrets",
    "insecure",
    "policies",
    "trailers",
    "waivers",
    "certified",
];

/// Checks a bundle's `locked:` list on its own: each entry is a charter key path (`secrets.disable`)
/// that the default-and-bundle layering sets, or a glob of the bundle's policy files
/// (`policies/**`). `org` is that layering, as YAML.
pub fn check_lock_list(
    name: &Path,
    text: &str,
    locked: &[String],
    org: &yaml_serde::Value,
) -> Result<(), ConfigError> {
    for (i, entry) in locked.iter().enumerate() {
        let err = |message: String| ConfigError {
            path: name.to_path_buf(),
            location: locate(text, &format!("locked[{i}]")),
            message: format!("locked[{i}]: {message}"),
        };
        if is_policy_lock(entry) {
            crate::pattern::GlobPattern(entry.clone())
                .glob()
                .map_err(|e| err(format!("`{entry}` is not a valid glob: {}", e.kind())))?;
            continue;
        }
        let segments: Vec<&str> = entry.split('.').collect();
        let well_formed = segments.iter().all(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        });
        if !well_formed {
            return Err(err(format!(
                "`{entry}` is neither a charter key path (`secrets.disable`) nor a glob of policy files (`policies/**`)"
            )));
        }
        if !LOCKABLE.contains(&segments[0]) {
            return Err(err(format!(
                "`{}` is not a charter key that can be locked; one of: {}",
                segments[0],
                LOCKABLE.join(", ")
            )));
        }
        if value_at(org, &segments).is_none() {
            return Err(err(format!(
                "`{entry}` is set neither by this bundle nor by the default charter, so there is nothing to lock"
            )));
        }
    }
    Ok(())
}

/// The value at a key path of a YAML mapping.
fn value_at<'v>(v: &'v yaml_serde::Value, path: &[&str]) -> Option<&'v yaml_serde::Value> {
    let mut at = v;
    for key in path {
        at = at.as_mapping()?.get(*key)?;
    }
    Some(at)
}

/// The repository's file may not change a locked key: `org` is the default with the bundle over
/// it, `full` that with the repository's file over it. An error names the repository's file and
/// line, and the bundle's file and line.
pub fn check_locks(
    bundle: &BundleCharter<'_>,
    locked: &[String],
    org: &yaml_serde::Value,
    full: &yaml_serde::Value,
    team_path: &Path,
    team_text: &str,
) -> Result<(), ConfigError> {
    for (i, entry) in locked.iter().enumerate() {
        if is_policy_lock(entry) {
            continue;
        }
        let segments: Vec<&str> = entry.split('.').collect();
        if value_at(org, &segments) == value_at(full, &segments) {
            continue;
        }
        let at = locate(bundle.text, &format!("locked[{i}]"))
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        return Err(ConfigError {
            path: team_path.to_path_buf(),
            location: locate(team_text, entry),
            message: format!(
                "`{entry}` is locked by the organisation charter ({}{at}); this repository may not change it. \
                 Remove the setting here, or ask the bundle's owners to change or unlock it",
                bundle.name.display()
            ),
        });
    }
    Ok(())
}

fn repository<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    use serde::de::Error;
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(D::Error::custom("`repository` is empty"));
    }
    if s.starts_with('-') {
        return Err(D::Error::custom(
            "`repository` starts with `-`, which git would read as an option",
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(D::Error::custom("`repository` holds a control character"));
    }
    if has_password(&s) {
        // The value itself is never repeated: it holds a credential.
        return Err(D::Error::custom(
            "`repository` carries a password in the URL; remove it and let git's credential helper or SSH key authenticate",
        ));
    }
    Ok(s)
}

/// `scheme://user:password@host/…`: a URL with a password in it.
fn has_password(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or("");
    authority
        .rsplit_once('@')
        .is_some_and(|(userinfo, _)| userinfo.contains(':'))
}

fn object_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    use serde::de::Error;
    let s = String::deserialize(d)?;
    let hex = s.bytes().all(|b| b.is_ascii_hexdigit());
    if !hex || !(s.len() == 40 || s.len() == 64) {
        return Err(D::Error::custom(format!(
            "`commit` must be a full commit id (40 or 64 hex digits), not `{}`: a branch or tag could move",
            s.chars().take(80).collect::<String>()
        )));
    }
    Ok(s.to_ascii_lowercase())
}

fn digest_field<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    let ok = s
        .strip_prefix("sha256:")
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if !ok {
        return Err(D::Error::custom(
            "`digest` must be `sha256:` and 64 hex digits, as `git charter charter update` prints it",
        ));
    }
    Ok(Some(s.to_ascii_lowercase()))
}

fn bundle_path<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    use serde::de::Error;
    let s = String::deserialize(d)?;
    let s = s.trim_matches('/').to_string();
    let bad = s
        .split('/')
        .any(|p| p == ".." || p == "." || (p.is_empty() && !s.is_empty()))
        || s.contains('\\')
        || s.chars().any(char::is_control);
    if bad {
        return Err(D::Error::custom(
            "`path` must be a directory of the bundle's repository, relative to its root, without `.` or `..`",
        ));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_order_independent_and_separates_names_from_contents() {
        let a = digest([("charter.yaml", b"x".as_slice()), ("policies/a.rego", b"y")]);
        let b = digest([("policies/a.rego", b"y".as_slice()), ("charter.yaml", b"x")]);
        assert_eq!(a, b);
        assert!(a.starts_with("sha256:") && a.len() == 71, "{a}");
        // Moving a byte from a name into a content changes the digest.
        assert_ne!(
            digest([("ab", b"c".as_slice())]),
            digest([("a", b"bc".as_slice())])
        );
    }

    #[test]
    fn a_url_with_a_password_is_refused_without_repeating_it() {
        assert!(has_password("https://ci:hunter2@git.example.com/org/c.git"));
        assert!(!has_password("https://git@git.example.com/org/c.git"));
        assert!(!has_password("git@git.example.com:org/c.git"));
        assert!(!has_password("../org-charter.git"));
        let e = yaml_serde::from_str::<Extends>(
            "repository: https://ci:hunter2@git.example.com/c.git\ncommit: 0123456789012345678901234567890123456789\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("password") && !e.contains("hunter2"), "{e}");
    }

    #[test]
    fn commits_must_be_full_ids_and_paths_stay_inside() {
        for bad in [
            "repository: x\ncommit: main\n",
            "repository: x\ncommit: 0123456\n",
            "repository: --upload-pack=touch /tmp/x\ncommit: 0123456789012345678901234567890123456789\n",
            "repository: x\ncommit: 0123456789012345678901234567890123456789\npath: ../up\n",
            "repository: x\ncommit: 0123456789012345678901234567890123456789\ndigest: md5:00\n",
        ] {
            assert!(yaml_serde::from_str::<Extends>(bad).is_err(), "{bad}");
        }
        let e: Extends = yaml_serde::from_str(
            "repository: ../org.git\ncommit: 0123456789ABCDEF012345678901234567890123\npath: /bundles/web/\n",
        )
        .unwrap();
        assert_eq!(e.path, "bundles/web");
        assert_eq!(e.commit, "0123456789abcdef012345678901234567890123");
        assert_eq!(e.label(), "../org.git@0123456789ab:bundles/web");
        assert_eq!(
            e.name("charter.yaml"),
            PathBuf::from("../org.git@0123456789ab:bundles/web/charter.yaml")
        );
    }
}
