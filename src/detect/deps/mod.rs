//! Dependency facts: for every changed manifest, the dependencies it adds, removes and changes,
//! whether its lockfile changed with it, the install-time scripts it adds, and for each added name
//! whether it is a popular package, one the repository already used, one that resembles a popular
//! package (a possible typosquat or hallucinated name), or unknown. Pure: the caller hands in the
//! old and new content of the manifests and lockfiles involved (`DepFile`); nothing is judged
//! here, the policies under `policies/deps/` decide.

pub mod forms;
pub mod manifest;
pub mod names;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A package ecosystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Cargo,
    Npm,
    Pypi,
    Go,
    Rubygems,
    Maven,
}

impl Ecosystem {
    pub fn as_str(self) -> &'static str {
        match self {
            Ecosystem::Cargo => "cargo",
            Ecosystem::Npm => "npm",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Go => "go",
            Ecosystem::Rubygems => "rubygems",
            Ecosystem::Maven => "maven",
        }
    }

    pub fn from_name(s: &str) -> Option<Ecosystem> {
        Some(match s {
            "cargo" | "crates" | "crates.io" => Ecosystem::Cargo,
            "npm" => Ecosystem::Npm,
            "pypi" => Ecosystem::Pypi,
            "go" => Ecosystem::Go,
            "rubygems" => Ecosystem::Rubygems,
            "maven" => Ecosystem::Maven,
            _ => return None,
        })
    }
}

/// A package name as its registry compares names: PyPI per PEP 503 (case and runs of `-_.`
/// folded), crates.io with `-` and `_` the same, the others case-folded only.
pub fn normalize(eco: Ecosystem, name: &str) -> String {
    forms::normalize(eco.as_str(), name)
}

/// Which kind of dependency table an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Normal,
    Dev,
    Build,
    Optional,
    Peer,
    /// go.mod's `// indirect`.
    Indirect,
    /// Maven's `dependencyManagement`: versions, not dependencies.
    Managed,
    /// Cargo's `[workspace.dependencies]`.
    Workspace,
}

/// Where a dependency is fetched from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// The ecosystem's registry (or a named alternative registry, in `location`).
    #[default]
    Registry,
    Git,
    Path,
    Url,
    /// Another member of the same workspace (`workspace = true`, `workspace:*`, `project(":x")`).
    Workspace,
}

/// One declared dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dep {
    /// The package's name as its registry compares names (`normalize`); for a renamed
    /// dependency (Cargo's `package =`, npm's `npm:` alias) the real package's.
    pub name: String,
    /// The key as written in the manifest.
    pub written: String,
    pub kind: Kind,
    /// The version requirement as written ("" when none).
    pub requirement: String,
    /// The requirement names one exact version (or a git source names a commit or tag).
    pub pinned: bool,
    pub source_kind: SourceKind,
    /// The git URL, path, URL or alternative registry.
    pub location: Option<String>,
}

impl Dep {
    pub fn new(eco: Ecosystem, name: &str, kind: Kind) -> Dep {
        Dep {
            name: normalize(eco, name),
            written: name.to_string(),
            kind,
            requirement: String::new(),
            pinned: false,
            source_kind: SourceKind::Registry,
            location: None,
        }
    }

    fn rename(&mut self, eco: Ecosystem, real: &str) {
        self.name = normalize(eco, real);
    }

    fn set_requirement(&mut self, req: &str, exact: bool) {
        self.requirement = req.trim().to_string();
        self.pinned = exact;
    }

    fn source(&mut self, kind: SourceKind, location: &str) {
        self.source_kind = kind;
        self.location = Some(location.to_string());
    }
}

/// What one manifest declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub deps: Vec<Dep>,
    /// Install-time scripts (npm `preinstall`, `install`, `postinstall`, `prepare`): name, command.
    pub scripts: Vec<(String, String)>,
    /// The manifest says it belongs to an application, not a published library (see docs/input.md).
    pub application: bool,
}

/// A manifest or lockfile format, known by its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    CargoToml,
    CargoLock,
    PackageJson,
    PackageLock,
    YarnLock,
    PnpmLock,
    Requirements,
    Pyproject,
    PoetryLock,
    UvLock,
    PdmLock,
    Pipfile,
    PipfileLock,
    GoMod,
    GoSum,
    Gemfile,
    GemfileLock,
    PomXml,
    Gradle,
    VersionCatalog,
}

impl Format {
    pub fn ecosystem(self) -> Ecosystem {
        use Format::*;
        match self {
            CargoToml | CargoLock => Ecosystem::Cargo,
            PackageJson | PackageLock | YarnLock | PnpmLock => Ecosystem::Npm,
            Requirements | Pyproject | PoetryLock | UvLock | PdmLock | Pipfile | PipfileLock => {
                Ecosystem::Pypi
            }
            GoMod | GoSum => Ecosystem::Go,
            Gemfile | GemfileLock => Ecosystem::Rubygems,
            PomXml | Gradle | VersionCatalog => Ecosystem::Maven,
        }
    }

    pub fn is_lockfile(self) -> bool {
        use Format::*;
        matches!(
            self,
            CargoLock
                | PackageLock
                | YarnLock
                | PnpmLock
                | PoetryLock
                | UvLock
                | PdmLock
                | PipfileLock
                | GoSum
                | GemfileLock
        )
    }

    /// The lockfile names that pin this manifest's dependencies, nearest directory first, and
    /// whether they may sit in an ancestor directory (a workspace root).
    fn lockfiles(self) -> (&'static [&'static str], bool) {
        use Format::*;
        match self {
            CargoToml => (&["Cargo.lock"], true),
            PackageJson => (
                &[
                    "package-lock.json",
                    "npm-shrinkwrap.json",
                    "yarn.lock",
                    "pnpm-lock.yaml",
                ],
                true,
            ),
            Pyproject => (&["poetry.lock", "uv.lock", "pdm.lock"], true),
            Pipfile => (&["Pipfile.lock"], false),
            GoMod => (&["go.sum"], false),
            Gemfile => (&["Gemfile.lock"], false),
            _ => (&[], false),
        }
    }
}

/// The format of the file at `path`, by its name; `None` for any other file.
pub fn format_of(path: &str) -> Option<Format> {
    let name = path.rsplit('/').next().unwrap_or(path);
    use Format::*;
    Some(match name {
        "Cargo.toml" => CargoToml,
        "Cargo.lock" => CargoLock,
        "package.json" => PackageJson,
        "package-lock.json" | "npm-shrinkwrap.json" => PackageLock,
        "yarn.lock" => YarnLock,
        "pnpm-lock.yaml" => PnpmLock,
        "pyproject.toml" => Pyproject,
        "poetry.lock" => PoetryLock,
        "uv.lock" => UvLock,
        "pdm.lock" => PdmLock,
        "Pipfile" => Pipfile,
        "Pipfile.lock" => PipfileLock,
        "go.mod" => GoMod,
        "go.sum" => GoSum,
        "Gemfile" | "gems.rb" => Gemfile,
        "Gemfile.lock" | "gems.locked" => GemfileLock,
        "pom.xml" => PomXml,
        "build.gradle" | "build.gradle.kts" => Gradle,
        "libs.versions.toml" => VersionCatalog,
        n if n.ends_with(".txt")
            && (n.starts_with("requirements")
                || n.starts_with("constraints")
                || path.contains("requirements/")) =>
        {
            Requirements
        }
        _ => return None,
    })
}

/// The lockfiles that may belong to the manifest at `path`, grouped by directory, nearest first.
pub fn lockfile_candidates(path: &str) -> Vec<Vec<String>> {
    let Some(format) = format_of(path) else {
        return Vec::new();
    };
    let (names, ancestors) = format.lockfiles();
    if names.is_empty() {
        return Vec::new();
    }
    let mut dir = path.rsplit_once('/').map(|(d, _)| d.to_string());
    let mut out = Vec::new();
    loop {
        let prefix = dir.as_deref().map(|d| format!("{d}/")).unwrap_or_default();
        out.push(names.iter().map(|n| format!("{prefix}{n}")).collect());
        if !ancestors {
            break;
        }
        match dir {
            Some(d) => dir = d.rsplit_once('/').map(|(p, _)| p.to_string()),
            None => break,
        }
    }
    out
}

/// Whether a path dependency's `location`, relative to the manifest at `manifest`, names a
/// directory inside the repository: then it is another package of the same repository, reviewed
/// like the rest of it, not code from elsewhere.
fn inside_repository(manifest: &str, location: &str) -> bool {
    let l = ["file:", "link:", "portal:"]
        .iter()
        .find_map(|p| location.strip_prefix(p))
        .unwrap_or(location)
        .trim();
    if l.is_empty()
        || l.starts_with(['/', '\\', '~'])
        || l.contains("://")
        || l.as_bytes().get(1) == Some(&b':')
    {
        return false;
    }
    let mut depth: Vec<&str> = manifest.split('/').collect();
    depth.pop();
    for part in l.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if depth.pop().is_none() {
                    return false;
                }
            }
            p => depth.push(p),
        }
    }
    true
}

/// A manifest or lockfile of the change: both versions' content (`None` where the file is absent
/// or could not be read), and whether the change touches it.
#[derive(Debug, Clone, Default)]
pub struct DepFile {
    pub path: String,
    pub old: Option<Vec<u8>>,
    pub new: Option<Vec<u8>>,
    pub changed: bool,
    /// Over the size limit for dependency files: not parsed.
    pub too_large: bool,
}

/// What happened to a manifest, a dependency or a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// The facts of one changed manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestFacts {
    pub path: String,
    pub ecosystem: Ecosystem,
    pub format: Format,
    /// `Added`, `Removed` (the manifest was deleted) or `Changed`.
    pub status: Change,
    pub application: bool,
    /// The lockfiles that belong to it (nearest directory that has one), with whether the change
    /// touches each and a parse error, if any.
    pub lockfiles: Vec<LockfileFacts>,
    pub scripts: Vec<ScriptChange>,
    /// Why the new (or old) version could not be read: it does not parse, or it is too large.
    pub error: Option<String>,
    pub deps: Vec<DepChange>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LockfileFacts {
    pub path: String,
    pub changed: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScriptChange {
    pub name: String,
    pub command: String,
    pub change: Change,
}

/// A dependency the change adds, removes or changes.
#[derive(Debug, Clone, PartialEq)]
pub struct DepChange {
    pub change: Change,
    /// The new declaration (the old one for a removal).
    pub dep: Dep,
    /// The old declaration of a changed dependency.
    pub previous: Option<Dep>,
    /// The versions the manifest's lockfiles pin for this name after the change (empty: not
    /// locked); `None` when the manifest has no lockfile.
    pub locked: Option<Vec<String>>,
    /// The repository depended on this name before the change (in the manifest or its lockfile).
    pub known: bool,
    /// The name check, for an added (or re-sourced) registry dependency.
    pub check: Option<names::NameCheck>,
}

/// The facts of every changed manifest in `files` (lockfiles and unchanged files are read only
/// for what they say about a changed manifest). `files` holds the changed manifests and
/// lockfiles and, for each changed manifest, its existing lockfiles.
pub fn analyze(files: &[DepFile]) -> Vec<ManifestFacts> {
    let by_path: BTreeMap<&str, &DepFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut locks: BTreeMap<&str, LockParse> = BTreeMap::new();
    let mut out = Vec::new();
    for f in files {
        let Some(format) = format_of(&f.path) else {
            continue;
        };
        if format.is_lockfile() || !f.changed {
            continue;
        }
        out.push(manifest_facts(f, format, &by_path, &mut locks));
    }
    out
}

/// A lockfile's names before and after the change.
struct LockParse {
    old: manifest::Locked,
    new: manifest::Locked,
    error: Option<String>,
}

fn read_lock(f: &DepFile, format: Format) -> LockParse {
    let parse = |b: &Option<Vec<u8>>| -> Result<manifest::Locked, String> {
        match b {
            None => Ok(manifest::Locked::new()),
            Some(bytes) => manifest::parse_lockfile(format, &String::from_utf8_lossy(bytes)),
        }
    };
    if f.too_large {
        return LockParse {
            old: manifest::Locked::new(),
            new: manifest::Locked::new(),
            error: Some("too large to parse".into()),
        };
    }
    let (old, new) = (parse(&f.old), parse(&f.new));
    let error = new.as_ref().err().or(old.as_ref().err()).cloned();
    LockParse {
        old: old.unwrap_or_default(),
        new: new.unwrap_or_default(),
        error,
    }
}

fn manifest_facts<'a>(
    f: &'a DepFile,
    format: Format,
    by_path: &BTreeMap<&str, &'a DepFile>,
    locks: &mut BTreeMap<&'a str, LockParse>,
) -> ManifestFacts {
    let eco = format.ecosystem();
    let status = match (&f.old, &f.new) {
        (None, Some(_)) => Change::Added,
        (Some(_), None) => Change::Removed,
        _ => Change::Changed,
    };
    let mut error = f.too_large.then(|| "too large to parse".to_string());
    let mut parse = |b: &Option<Vec<u8>>, which: &str| -> Parsed {
        let Some(bytes) = b.as_ref().filter(|_| !f.too_large) else {
            return Parsed::default();
        };
        match manifest::parse_manifest(format, &String::from_utf8_lossy(bytes)) {
            Ok(p) => p,
            Err(e) => {
                error.get_or_insert_with(|| format!("the {which} version does not parse: {e}"));
                Parsed::default()
            }
        }
    };
    let mut new = parse(&f.new, "new");
    let mut old = parse(&f.old, "old");
    for d in new.deps.iter_mut().chain(old.deps.iter_mut()) {
        if d.source_kind == SourceKind::Path
            && d.location
                .as_deref()
                .is_some_and(|l| inside_repository(&f.path, l))
        {
            d.source_kind = SourceKind::Workspace;
        }
    }
    // A version that could not be read says nothing: comparing with it would report every
    // dependency of the other version as added or removed.
    let (old, new) = if error.is_some() {
        (Parsed::default(), Parsed::default())
    } else {
        (old, new)
    };
    // The lockfiles of the nearest directory that has one (in the new state, or the old one for
    // a lockfile this change deletes).
    let mut lockfiles = Vec::new();
    for group in lockfile_candidates(&f.path) {
        let present: Vec<&&DepFile> = group
            .iter()
            .filter_map(|p| by_path.get(p.as_str()))
            .filter(|l| l.new.is_some() || l.old.is_some())
            .collect();
        if present.is_empty() {
            continue;
        }
        for l in present {
            let Some(lf) = format_of(&l.path) else {
                continue;
            };
            let parsed = locks
                .entry(l.path.as_str())
                .or_insert_with(|| read_lock(l, lf));
            lockfiles.push(LockfileFacts {
                path: l.path.clone(),
                changed: l.changed,
                error: parsed.error.clone(),
            });
        }
        break;
    }
    let lock_names = |which: fn(&LockParse) -> &manifest::Locked, name: &str| -> Vec<String> {
        let mut v: BTreeSet<String> = BTreeSet::new();
        for l in &lockfiles {
            if let Some(p) = locks.get(l.path.as_str())
                && let Some(versions) = which(p).get(name)
            {
                v.extend(versions.iter().filter(|s| !s.is_empty()).cloned());
                if versions.iter().any(|s| s.is_empty()) && v.is_empty() {
                    v.insert(String::new());
                }
            }
        }
        v.into_iter().collect()
    };
    let has_lock = !lockfiles.is_empty();
    let key = |d: &Dep| (d.kind, d.name.clone());
    let old_by: BTreeMap<(Kind, String), &Dep> = old.deps.iter().map(|d| (key(d), d)).collect();
    let new_by: BTreeMap<(Kind, String), &Dep> = new.deps.iter().map(|d| (key(d), d)).collect();
    let old_names: BTreeSet<&str> = old.deps.iter().map(|d| d.name.as_str()).collect();
    let mut deps = Vec::new();
    for (k, d) in &new_by {
        let previous = old_by.get(k).copied();
        let change = match previous {
            None => Change::Added,
            Some(p)
                if p.requirement != d.requirement
                    || p.source_kind != d.source_kind
                    || p.location != d.location =>
            {
                Change::Changed
            }
            Some(_) => continue,
        };
        let known =
            old_names.contains(d.name.as_str()) || !lock_names(|p| &p.old, &d.name).is_empty();
        let resourced = previous.is_some_and(|p| p.source_kind != d.source_kind);
        let check = (d.source_kind == SourceKind::Registry
            && d.location.is_none()
            && (change == Change::Added || resourced))
            .then(|| names::check(eco, &d.name, known));
        deps.push(DepChange {
            change,
            dep: (*d).clone(),
            previous: previous.filter(|_| change == Change::Changed).cloned(),
            locked: has_lock.then(|| lock_names(|p| &p.new, &d.name)),
            known,
            check,
        });
    }
    for (k, d) in &old_by {
        if !new_by.contains_key(k) {
            deps.push(DepChange {
                change: Change::Removed,
                dep: (*d).clone(),
                previous: None,
                locked: has_lock.then(|| lock_names(|p| &p.new, &d.name)),
                known: true,
                check: None,
            });
        }
    }
    let old_scripts: BTreeMap<&str, &str> = old
        .scripts
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    let mut scripts = Vec::new();
    for (n, c) in &new.scripts {
        let change = match old_scripts.get(n.as_str()) {
            None => Change::Added,
            Some(o) if o != c => Change::Changed,
            Some(_) => continue,
        };
        scripts.push(ScriptChange {
            name: n.clone(),
            command: c.clone(),
            change,
        });
    }
    ManifestFacts {
        path: f.path.clone(),
        ecosystem: eco,
        format,
        status,
        application: new.application || (status == Change::Removed && old.application),
        lockfiles,
        scripts,
        error,
        deps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, old: Option<&str>, new: Option<&str>, changed: bool) -> DepFile {
        DepFile {
            path: path.into(),
            old: old.map(|s| s.as_bytes().to_vec()),
            new: new.map(|s| s.as_bytes().to_vec()),
            changed,
            too_large: false,
        }
    }

    #[test]
    fn names_normalise_as_each_registry_compares_them() {
        assert_eq!(
            normalize(Ecosystem::Pypi, "Zope.Interface__x"),
            "zope-interface-x"
        );
        assert_eq!(normalize(Ecosystem::Cargo, "Serde_JSON"), "serde-json");
        assert_eq!(normalize(Ecosystem::Npm, "@Types/Node"), "@types/node");
    }

    #[test]
    fn formats_are_known_by_file_name() {
        assert_eq!(format_of("a/b/Cargo.toml"), Some(Format::CargoToml));
        assert_eq!(
            format_of("requirements-dev.txt"),
            Some(Format::Requirements)
        );
        assert_eq!(
            format_of("requirements/base.txt"),
            Some(Format::Requirements)
        );
        assert_eq!(format_of("docs/notes.txt"), None);
        assert_eq!(format_of("build.gradle.kts"), Some(Format::Gradle));
        assert_eq!(
            lockfile_candidates("crates/x/Cargo.toml"),
            vec![
                vec!["crates/x/Cargo.lock".to_string()],
                vec!["crates/Cargo.lock".to_string()],
                vec!["Cargo.lock".to_string()]
            ]
        );
        assert_eq!(
            lockfile_candidates("go.mod"),
            vec![vec!["go.sum".to_string()]]
        );
        assert!(lockfile_candidates("requirements.txt").is_empty());
    }

    #[test]
    fn additions_removals_and_changes_are_reported_with_the_lockfile() {
        let old = "[dependencies]\nserde = \"1\"\ngone = \"1\"\nbumped = \"1\"\n";
        let new = "[dependencies]\nserde = \"1\"\nbumped = \"2\"\nfresh = \"0.3\"\n";
        let lock_old = "[[package]]\nname = \"bumped\"\nversion = \"1.0.0\"\n";
        let lock_new = "[[package]]\nname = \"bumped\"\nversion = \"2.0.0\"\n[[package]]\nname = \"fresh\"\nversion = \"0.3.1\"\n";
        let facts = analyze(&[
            file("Cargo.toml", Some(old), Some(new), true),
            file("Cargo.lock", Some(lock_old), Some(lock_new), true),
        ]);
        assert_eq!(facts.len(), 1);
        let m = &facts[0];
        assert_eq!((m.ecosystem, m.status), (Ecosystem::Cargo, Change::Changed));
        assert_eq!(m.lockfiles.len(), 1);
        assert!(m.lockfiles[0].changed);
        let by = |n: &str| m.deps.iter().find(|d| d.dep.name == n).unwrap();
        assert_eq!(by("fresh").change, Change::Added);
        assert_eq!(
            by("fresh").locked.as_deref(),
            Some(&["0.3.1".to_string()][..])
        );
        assert!(by("fresh").check.is_some());
        assert!(!by("fresh").known);
        assert_eq!(by("bumped").change, Change::Changed);
        assert_eq!(by("bumped").previous.as_ref().unwrap().requirement, "1");
        assert!(by("bumped").known);
        assert_eq!(by("gone").change, Change::Removed);
        assert_eq!(m.deps.len(), 3);
    }

    #[test]
    fn an_unchanged_lockfile_and_a_name_the_old_lockfile_had_are_reported() {
        let lock = "[[package]]\nname = \"transitive\"\nversion = \"1.0.0\"\n";
        let facts = analyze(&[
            file(
                "Cargo.toml",
                Some("[dependencies]\n"),
                Some("[dependencies]\ntransitive = \"1\"\n"),
                true,
            ),
            file("Cargo.lock", Some(lock), Some(lock), false),
        ]);
        let m = &facts[0];
        assert!(!m.lockfiles[0].changed);
        assert!(m.deps[0].known, "already in the lockfile");
        assert_eq!(
            m.deps[0].check.as_ref().unwrap().status,
            names::Status::Known
        );
    }

    #[test]
    fn a_manifest_that_does_not_parse_is_reported_not_fatal() {
        let facts = analyze(&[file("package.json", Some("{}"), Some("{ nope"), true)]);
        assert!(
            facts[0]
                .error
                .as_deref()
                .unwrap()
                .contains("new version does not parse")
        );
        assert!(
            facts[0].deps.is_empty(),
            "nothing is compared with a version that did not parse"
        );
        let facts = analyze(&[file(
            "package.json",
            Some(r#"{"dependencies": {"a": "1"}}"#),
            Some("{ nope"),
            true,
        )]);
        assert!(facts[0].deps.is_empty(), "{:?}", facts[0].deps);
    }

    #[test]
    fn a_path_inside_the_repository_is_a_workspace_member_and_one_outside_is_a_path() {
        assert!(inside_repository("fuzz/Cargo.toml", ".."));
        assert!(inside_repository("web/package.json", "file:../shared"));
        assert!(inside_repository("Cargo.toml", "crates/x"));
        assert!(!inside_repository("Cargo.toml", ".."));
        assert!(!inside_repository("a/Cargo.toml", "../../x"));
        assert!(!inside_repository("Cargo.toml", "/opt/x"));
        assert!(!inside_repository("package.json", "file:///opt/x"));
        assert!(!inside_repository("package.json", "C:\\x"));
        let facts = analyze(&[file(
            "fuzz/Cargo.toml",
            Some("[dependencies]\n"),
            Some("[dependencies]\nmain = { path = \"..\" }\nelse = { path = \"../../else\" }\n"),
            true,
        )]);
        let by = |n: &str| {
            facts[0]
                .deps
                .iter()
                .find(|d| d.dep.name == n)
                .unwrap()
                .dep
                .source_kind
        };
        assert_eq!(by("main"), SourceKind::Workspace);
        assert_eq!(by("else"), SourceKind::Path);
    }

    #[test]
    fn install_scripts_added_or_changed_are_listed() {
        let old = r#"{"scripts": {"postinstall": "a", "prepare": "b"}}"#;
        let new = r#"{"scripts": {"postinstall": "a2", "prepare": "b", "preinstall": "c"}}"#;
        let facts = analyze(&[file("web/package.json", Some(old), Some(new), true)]);
        let s: Vec<(&str, Change)> = facts[0]
            .scripts
            .iter()
            .map(|s| (s.name.as_str(), s.change))
            .collect();
        assert_eq!(
            s,
            vec![
                ("preinstall", Change::Added),
                ("postinstall", Change::Changed)
            ]
        );
    }

    #[test]
    fn a_workspace_member_uses_the_root_lockfile() {
        let facts = analyze(&[
            file(
                "crates/a/Cargo.toml",
                Some("[dependencies]\n"),
                Some("[dependencies]\nx = \"1\"\n"),
                true,
            ),
            file("Cargo.lock", Some(""), Some(""), false),
        ]);
        assert_eq!(facts[0].lockfiles[0].path, "Cargo.lock");
        assert_eq!(facts[0].deps[0].locked.as_deref(), Some(&[][..]));
    }
}
