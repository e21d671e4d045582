//! The whole charter: every key's type, default, doc and validation, one file per section; the
//! embedded default, layering of `.charter/charter.yaml` over it, and the checks that need the
//! whole charter. Errors name the file, line and what is wrong. Reads no files (`collect` reads
//! them, safely, and hands over the text); no git, no regorus, and nothing from `detect` but the insecure rule schema.

pub mod agents;
pub mod ai;
pub mod baseline;
pub mod bulk;
pub mod certified;
mod checked;
pub mod classes;
pub mod date;
pub mod dependencies;
pub mod disclosure;
pub mod extends;
pub mod insecure;
pub mod limits;
pub mod policies;
pub mod provenance;
pub mod review;
pub mod secrets;
pub mod starter;
pub mod tiers;
pub mod trailers;
pub mod waivers;

pub use agents::AgentsConfig;
pub use ai::{AiConfig, SignatureDef};
pub use bulk::{BulkConfig, BulkLimit, BulkWhen};
pub use classes::{ClassDef, ClassesConfig, Signal};
pub use dependencies::DependenciesConfig;
pub use disclosure::DisclosureConfig;
pub use extends::{BundleCharter, Extends};
pub use insecure::{Action, InsecureConfig};
pub use limits::Limits;
pub use policies::PoliciesConfig;
pub use provenance::{ApprovalRequirement, ApprovalsConfig, ProvenanceConfig};
pub use review::{AiRule, ReviewConfig, ReviewRequirement};
pub use secrets::SecretsConfig;
pub use tiers::{TierDef, TierName, TiersConfig};
pub use trailers::{TrailerMode, TrailersConfig};

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The embedded default charter. It is an ordinary charter file, readable in the repository.
pub const DEFAULT_CHARTER: &str = include_str!("../../charter/default.yaml");
pub const DEFAULT_CHARTER_NAME: &str = "<embedded>/charter/default.yaml";
/// Its path in the repository (`rules::embedded`).
pub const DEFAULT_CHARTER_PATH: &str = "charter/default.yaml";

/// Where a team keeps its configuration, relative to the repository root.
pub const CHARTER_DIR: &str = ".charter";
pub const CHARTER_FILE: &str = "charter.yaml";
pub const BASELINE_FILE: &str = "baseline.json";
pub use waivers::WAIVERS_FILE;
pub const POLICIES_DIR: &str = "policies";

/// The whole charter. Every section has a default so a team file may hold only what it changes.
/// Serialised as is, it is `data.charter` in Rego: field order and names are part of that contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Charter {
    /// Charter format version; only 1 exists. Default: `1` (a team file may leave it out).
    pub version: u32,
    /// Set to false to start from an empty charter instead of layering over the default.
    /// Default: absent, meaning true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends_default: Option<bool>,
    /// The organisation charter bundle this file is layered over (docs/organisation.md): the
    /// default, then the bundle, then this file. Default: absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<Extends>,
    /// In a bundle only: the charter keys (`secrets.disable`) and policy files (`policies/**`) a
    /// repository may not change. Default: empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locked: Vec<String>,
    /// File size and policy time budgets.
    pub limits: Limits,
    /// Path tiers.
    pub tiers: TiersConfig,
    /// Classes of code.
    pub classes: ClassesConfig,
    /// Which trailers disclose AI help.
    pub disclosure: DisclosureConfig,
    /// Team-added AI-tool signatures.
    pub ai: AiConfig,
    /// Who counts as a reviewer.
    pub review: ReviewConfig,
    /// Bulk-change limits.
    pub bulk: BulkConfig,
    /// What changed dependencies may do (CH-DEP-*).
    pub dependencies: DependenciesConfig,
    /// What the agent hooks protect and require (CH-AGENT-*).
    pub agents: AgentsConfig,
    /// Where AI-provenance records are read from, and git-charter's own records.
    pub provenance: ProvenanceConfig,
    /// Allowed signers and where signed approvals are kept.
    pub approvals: ApprovalsConfig,
    /// Secret-scanning allowlists and the team's gitleaks config.
    pub secrets: SecretsConfig,
    /// Insecure-pattern actions and the team's own patterns.
    pub insecure: InsecureConfig,
    /// Policy ids to switch off, or whose denials only warn.
    pub policies: PoliciesConfig,
    /// How trailers are read.
    pub trailers: TrailersConfig,
    /// Settings for the exceptions in `.charter/waivers.yaml` (CH-WAIVER-001).
    pub waivers: waivers::WaiversConfig,
    /// When the charter was last re-certified, by whom, and how often it must be
    /// (CH-CHARTER-001). Default: absent (no re-certification is required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certified: Option<certified::Certified>,
}

/// A configuration error: which file, where, what.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

impl ConfigError {
    fn from_yaml(path: &Path, e: yaml_serde::Error) -> ConfigError {
        let location = e.location().map(|l| (l.line(), l.column()));
        // yaml_serde appends "at line L column C" to its message; the location is printed once, in front.
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        ConfigError {
            path: path.to_path_buf(),
            location,
            message,
        }
    }
}

/// The effective charter and where its parts came from.
#[derive(Debug, Clone)]
pub struct LoadedCharter {
    pub charter: Charter,
    /// The team's charter file, if there is one.
    pub file: Option<PathBuf>,
    /// The team file's text, to find the line of a key named by an error raised after parsing.
    pub text: Option<String>,
    /// `<root>/.charter`, whether or not it exists.
    pub dir: PathBuf,
    /// `.charter/waivers.yaml`, parsed (empty without one).
    pub waivers: waivers::Waivers,
    /// The organisation bundle the team file extends, when it does.
    pub bundle: Option<LoadedBundle>,
}

/// An organisation charter bundle as a run uses it (docs/organisation.md).
#[derive(Debug, Clone)]
pub struct LoadedBundle {
    pub extends: Extends,
    /// Its charter file, as messages name it, and its text.
    pub charter_name: PathBuf,
    pub charter_text: String,
    /// Its policy files: path relative to its `policies/`, as messages name it, text.
    pub policies: Vec<(String, String, String)>,
    /// Its `locked:` entries.
    pub locked: Vec<String>,
}

impl LoadedBundle {
    /// The bundle's policy-file locks as one glob set, matched against `policies/<rel>` (globs as
    /// everywhere in the charter: `*` stays within a directory). Checked when the bundle was read.
    pub fn policy_locks(&self) -> globset::GlobSet {
        let globs: Vec<crate::pattern::GlobPattern> = self
            .locked
            .iter()
            .filter(|l| extends::is_policy_lock(l))
            .map(|l| crate::pattern::GlobPattern(l.clone()))
            .collect();
        crate::pattern::glob_set(&globs).expect("lock globs are checked when the bundle is read")
    }
}

impl LoadedCharter {
    /// An error about `key` of the effective charter (raised after layering: by a detector, the
    /// policy loader or a whole-charter check), named with the file and line that set it: the
    /// team's file when it sets the key (or the nearest enclosing key), else the embedded default.
    pub fn error_at(&self, key: &str, message: String) -> ConfigError {
        if let (Some(file), Some(text)) = (&self.file, &self.text)
            && let Some(location) = locate(text, key)
        {
            return ConfigError {
                path: file.clone(),
                location: Some(location),
                message,
            };
        }
        if let Some(b) = &self.bundle
            && let Some(location) = locate(&b.charter_text, key)
        {
            return ConfigError {
                path: b.charter_name.clone(),
                location: Some(location),
                message,
            };
        }
        if let Some(location) = locate(DEFAULT_CHARTER, key)
            && self.file.is_none()
        {
            return ConfigError {
                path: PathBuf::from(DEFAULT_CHARTER_NAME),
                location: Some(location),
                message,
            };
        }
        ConfigError {
            path: self
                .file
                .clone()
                .unwrap_or_else(|| PathBuf::from(DEFAULT_CHARTER_NAME)),
            location: None,
            message,
        }
    }

    pub fn baseline_path(&self) -> PathBuf {
        self.dir.join(BASELINE_FILE)
    }

    pub fn policies_dir(&self) -> PathBuf {
        self.dir.join(POLICIES_DIR)
    }
}

/// The embedded default, parsed (once per process). Its validity is pinned by a unit test.
pub fn default_charter() -> Charter {
    // Read from its JSON form with its patterns unchecked: the unit tests read the YAML with every
    // pattern checked and pin that both give the same charter.
    static DEFAULT: std::sync::LazyLock<Charter> = std::sync::LazyLock::new(|| {
        crate::pattern::trusted(|| crate::rules::embedded::read(DEFAULT_CHARTER_PATH))
            .expect("embedded default charter is valid")
    });
    DEFAULT.clone()
}

/// The embedded default as a YAML tree, parsed once per process: every layering starts from a copy.
fn default_value() -> yaml_serde::Value {
    static VALUE: std::sync::LazyLock<yaml_serde::Value> = std::sync::LazyLock::new(|| {
        crate::rules::embedded::read(DEFAULT_CHARTER_PATH).expect("default charter is YAML")
    });
    VALUE.clone()
}

/// Parses a team charter and layers it over the default: maps merge key by key, anything else
/// (lists, strings, numbers) in the team file replaces the default's value. A file with
/// `extends:` needs its bundle: `from_layers`.
pub fn from_team_text(path: &Path, text: &str) -> Result<Charter, ConfigError> {
    from_layers(path, text, None)
}

/// The `extends:` of a team charter, read from the file alone (the bundle is fetched before the
/// layers are put together). Any error in the file is reported here, with its line.
pub fn team_extends(path: &Path, text: &str) -> Result<Option<Extends>, ConfigError> {
    Ok(parse_single(path, text)?.extends)
}

/// The default, then the organisation's bundle (when the team file extends one), then the team
/// file. Each file is first parsed on its own, so unknown keys and bad globs or regexes are
/// reported with that file's own line numbers; keys the bundle locks are checked against the
/// team file, and an attempt to change one names both files.
pub fn from_layers(
    path: &Path,
    text: &str,
    bundle: Option<&BundleCharter<'_>>,
) -> Result<Charter, ConfigError> {
    let own = parse_single(path, text)?;
    check_version(path, &own)?;
    let at = |key: &str, message: String| ConfigError {
        path: path.to_path_buf(),
        location: locate(text, key),
        message,
    };
    if !own.locked.is_empty() {
        return Err(at(
            "locked",
            "locked: only an organisation charter bundle may lock keys (docs/organisation.md)"
                .into(),
        ));
    }
    let charter = match (&own.extends, bundle) {
        (None, _) if own.extends_default == Some(false) => own,
        (None, _) => {
            let mut merged = default_value();
            merge(&mut merged, yaml_value(path, text)?);
            from_merged(path, text, merged)?
        }
        (Some(_), None) => {
            return Err(at(
                "extends",
                "extends: the organisation charter bundle was not loaded".into(),
            ));
        }
        (Some(_), Some(b)) => {
            if own.extends_default.is_some() {
                return Err(at(
                    "extends_default",
                    "extends_default: a repository that extends an organisation charter takes                      `extends_default` from the bundle; remove it here"
                        .into(),
                ));
            }
            let (org, locked) = bundle_layer(b)?;
            let mut full = org.clone();
            merge(&mut full, yaml_value(path, text)?);
            extends::check_locks(b, &locked, &org, &full, path, text)?;
            from_merged(path, text, full)?
        }
    };
    validate(path, &charter).map_err(|mut e| {
        e.location = key_of(&e.message).and_then(|k| locate(text, k));
        e
    })?;
    Ok(charter)
}

/// The default with a bundle over it (or the bundle alone, when it says `extends_default: false`),
/// checked as a charter of its own: errors name the bundle's file.
fn bundle_layer(b: &BundleCharter<'_>) -> Result<(yaml_serde::Value, Vec<String>), ConfigError> {
    let bun = parse_single(b.name, b.text)?;
    check_version(b.name, &bun)?;
    if bun.extends.is_some() {
        return Err(ConfigError {
            path: b.name.to_path_buf(),
            location: locate(b.text, "extends"),
            message: "extends: an organisation charter bundle may not itself extend another".into(),
        });
    }
    let mut org = if bun.extends_default == Some(false) {
        yaml_serde::Value::Mapping(Default::default())
    } else {
        default_value()
    };
    merge(&mut org, yaml_value(b.name, b.text)?);
    extends::check_lock_list(b.name, b.text, &bun.locked, &org)?;
    let charter = from_merged(b.name, b.text, org.clone())?;
    validate(b.name, &charter).map_err(|mut e| {
        e.location = key_of(&e.message).and_then(|k| locate(b.text, k));
        e
    })?;
    Ok((org, charter.locked))
}

fn check_version(path: &Path, c: &Charter) -> Result<(), ConfigError> {
    if c.version > 1 {
        return Err(ConfigError {
            path: path.to_path_buf(),
            location: None,
            message: format!(
                "charter version {} is newer than this git-charter understands (1)",
                c.version
            ),
        });
    }
    Ok(())
}

fn yaml_value(path: &Path, text: &str) -> Result<yaml_serde::Value, ConfigError> {
    yaml_serde::from_str(text).map_err(|e| ConfigError::from_yaml(path, e))
}

/// A layered charter, parsed again from its merged YAML.
fn from_merged(path: &Path, text: &str, merged: yaml_serde::Value) -> Result<Charter, ConfigError> {
    yaml_serde::from_value(merged).map_err(|e| {
        // `from_value` knows the key path (`limits.max_files: …`) but no position: find it.
        let message = e.to_string();
        ConfigError {
            path: path.to_path_buf(),
            location: key_of(&message).and_then(|k| locate(text, k)),
            message: format!("after layering over the default charter: {message}"),
        }
    })
}

/// The key path an error message starts with (`classes.auth.yield_to: …` → `classes.auth.yield_to`).
pub fn key_of(message: &str) -> Option<&str> {
    let (key, _) = message.split_once(": ")?;
    let ok = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.[]".contains(&b));
    ok.then_some(key)
}

/// The 1-based line and column of `key` (`classes.auth.signals[2].regex`, as errors name keys) in
/// a YAML text: of the key itself for a mapping entry, of the item for a list index. When the
/// whole path is not there, the nearest enclosing key that is; `None` when not even the first is.
pub fn locate(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut path = Vec::new();
    for part in key.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            path.push(Seg::Key(name));
        }
        while !rest.is_empty() {
            let (n, after) = rest.split_once(']')?;
            path.push(Seg::Index(n.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    (1..=path.len())
        .rev()
        .find_map(|n| locate_path(text, &path[..n]))
}

#[derive(Clone, Copy)]
enum Seg<'k> {
    Key(&'k str),
    Index(usize),
}

/// What the search raises where it finds the key: the deserialiser attaches the position.
const FOUND: &str = "\u{0}git-charter: found";

fn locate_path(text: &str, path: &[Seg<'_>]) -> Option<(usize, usize)> {
    use serde::de::DeserializeSeed;
    let de = yaml_serde::Deserializer::from_str(text);
    match (Find { path }).deserialize(de) {
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

/// Walks a YAML document along `path` and fails, on purpose, at its end.
struct Find<'p, 'k> {
    path: &'p [Seg<'k>],
}

impl<'de> serde::de::DeserializeSeed<'de> for Find<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.path.first() {
            None => d.deserialize_any(Stop),
            Some(Seg::Key(_)) => d.deserialize_map(self),
            Some(Seg::Index(_)) => d.deserialize_seq(self),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for Find<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a mapping or a sequence")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(Seg::Key(want)) = self.path.first() else {
            return Ok(());
        };
        let last = self.path.len() == 1;
        while let Some(hit) = map.next_key_seed(KeyIs { want, last })? {
            if hit {
                return map.next_value_seed(Find {
                    path: &self.path[1..],
                });
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some(Seg::Index(n)) = self.path.first() else {
            return Ok(());
        };
        for _ in 0..*n {
            if seq.next_element::<serde::de::IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Find {
            path: &self.path[1..],
        })?;
        Ok(())
    }
}

/// A mapping key: is it the one wanted? At the end of the path, finding it is the error.
struct KeyIs<'k> {
    want: &'k str,
    last: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<bool, E> {
        if v != self.want {
            return Ok(false);
        }
        if self.last {
            return Err(E::custom(FOUND));
        }
        Ok(true)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// The value at the end of the path: any value there is the find.
struct Stop;

impl<'de> serde::de::Visitor<'de> for Stop {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("anything")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(serde::de::Error::custom(FOUND))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(serde::de::Error::custom(FOUND))
    }
}

/// The checks that need the whole, layered charter: names in one section that must refer to
/// another (a team class may yield to a default one). Errors name the file and the key path.
/// Names that refer to the built-in catalogues (`insecure.rules`, `secrets.disable`) are checked
/// by the detectors that load them; `policies.*` ids where the policies are loaded.
pub fn validate(path: &Path, charter: &Charter) -> Result<(), ConfigError> {
    classes::check_references(&charter.classes).map_err(|message| ConfigError {
        path: path.to_path_buf(),
        location: None,
        message,
    })
}

fn parse_single(path: &Path, text: &str) -> Result<Charter, ConfigError> {
    if text.trim().is_empty() {
        return Ok(Charter::default());
    }
    yaml_serde::from_str(text).map_err(|e| ConfigError::from_yaml(path, e))
}

fn merge(base: &mut yaml_serde::Value, over: yaml_serde::Value) {
    match (base, over) {
        // An empty document, or a key with nothing under it (`classes:` with its entries commented
        // out), layers nothing: it used to replace the default's whole map (found by fuzzing).
        (_, yaml_serde::Value::Null) => {}
        (yaml_serde::Value::Mapping(b), yaml_serde::Value::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// The effective charter as YAML, for `git charter charter`.
pub fn to_yaml(charter: &Charter) -> String {
    yaml_serde::to_string(charter).expect("charter serialises")
}

#[cfg(test)]
mod tests {
    /// An empty or comments-only charter, or an empty section, silently dropped the default charter
    /// (`git charter charter` printed version 0 and no classes). Reproducers from `fuzz/`.
    #[test]
    fn an_empty_charter_or_section_layers_nothing() {
        let default = default_charter();
        for text in [
            "",
            "# only a comment\n",
            "classes:\n",
            "version: 1\nclasses:\nsecrets:\n",
        ] {
            let c = from_team_text(Path::new("charter.yaml"), text).unwrap();
            assert_eq!(c.version, default.version, "{text:?}");
            assert_eq!(c.classes, default.classes, "{text:?}");
            assert_eq!(c.secrets, default.secrets, "{text:?}");
        }
    }

    /// Loading a team charter checked each of its regexes four times (the file alone, layered,
    /// and the default's own on every load): a pattern with large counted repetitions is
    /// compiled while validating, so that was most of a load's time. Each distinct pattern is
    /// now validated once per thread (`pattern::regex`'s memo).
    #[test]
    fn a_team_charters_regexes_are_validated_once() {
        // On a thread of its own: the counts are per thread, and its memo starts empty here
        // whatever ran before on the calling thread.
        std::thread::spawn(|| {
            let team = |re: &str| {
                format!(
                    "classes:\n  auth:\n    signals:\n    - id: s\n      any: [k]\n      regex: '{re}'\n"
                )
            };
            let path = Path::new("charter.yaml");
            from_team_text(path, &team(r"k[0-9]{500}")).unwrap();
            let before = crate::pattern::memo_misses();
            let c = from_team_text(path, &team(r"k[a-f]{600}")).unwrap();
            assert_eq!(
                crate::pattern::memo_misses() - before,
                1,
                "only the new pattern is validated, once"
            );
            assert!(c.classes["auth"].signals.iter().any(|s| s.id == "s"));
            // An invalid pattern is still reported, the second time too, with its line.
            for _ in 0..2 {
                let e = from_team_text(path, &team(r"\w{1000}\w{1000}")).unwrap_err();
                assert!(e.to_string().contains("size limit"), "{e}");
                assert!(e.location.is_some(), "{e}");
            }
        })
        .join()
        .unwrap();
    }

    use super::*;

    #[test]
    fn default_charter_parses() {
        let c = default_charter();
        assert_eq!(c.version, 1);
        validate(Path::new(DEFAULT_CHARTER_NAME), &c)
            .expect("default passes the whole-charter checks");
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = from_team_text(
            Path::new(".charter/charter.yaml"),
            "version: 1\nlimits:\n  max_file_sise: 3\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with(".charter/charter.yaml:3:"), "{msg}");
        assert!(msg.contains("max_file_sise"), "{msg}");
    }

    #[test]
    fn locate_finds_keys_list_items_and_the_nearest_enclosing_key() {
        let text = "version: 1\nclasses:\n  weak:\n    yield_to: [a, b]\n    signals:\n      - any: [x]\n      - all: [y]\n";
        assert_eq!(locate(text, "classes.weak.yield_to"), Some((4, 5)));
        assert_eq!(
            locate(text, "classes.weak.signals[1]").map(|l| l.0),
            Some(7)
        );
        // Not in the file: the nearest key that is.
        assert_eq!(locate(text, "classes.weak.review").map(|l| l.0), Some(3));
        assert_eq!(locate(text, "limits.max_files"), None);
        assert_eq!(
            key_of("classes.weak.yield_to: unknown class"),
            Some("classes.weak.yield_to")
        );
        assert_eq!(key_of("no key here"), None);
    }

    /// Errors raised after layering over the default carried no line.
    #[test]
    fn errors_after_layering_name_the_line() {
        let err = from_team_text(
            Path::new(".charter/charter.yaml"),
            "version: 1\nclasses:\n  weak:\n    min_score: 1\n    yield_to: [strnog]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with(".charter/charter.yaml:5:5: classes.weak.yield_to"),
            "{err}"
        );
    }

    #[test]
    fn team_values_override_and_maps_merge() {
        let c = from_team_text(Path::new("c.yaml"), "limits:\n  max_file_size: 10\n").unwrap();
        assert_eq!(c.limits.max_file_size, 10);
        assert_eq!(
            c.limits.policy_timeout_ms,
            default_charter().limits.policy_timeout_ms
        );
    }
}
