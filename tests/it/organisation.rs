//! Organisation-wide charters (`extends:`, docs/organisation.md) through the real binary: a bundle
//! in a local bare repository, pinned by commit and digest, fetched by `charter update` into the
//! cache under `.git/`, layered under a repository's charter, with locked keys and policies;
//! hooks offline from the cache, `ci` fetching on a fresh clone and failing closed on a mismatch.

use crate::common::*;
use std::path::{Path, PathBuf};

const ORG_CHARTER: &str = "\
version: 1
secrets:
  allow_paths: []
tiers:
  critical:
    paths: ['payments/**']
policies:
  disable: []
locked:
  - policies.disable
  - secrets.allow_paths
  - policies/frozen.rego
";

const FROZEN_POLICY: &str = r#"# METADATA
# title: Nothing new under legacy/
# custom:
#   id: ORG-001
#   severity: high
package gitcharter.org.frozen

deny contains result if {
	some f in object.get(input, "files", [])
	startswith(f.path, "legacy/")
	f.status != "deleted"
	result := {"path": f.path, "message": "the organisation froze legacy/"}
}
"#;

const OPEN_POLICY: &str = r#"# METADATA
# title: Scratch files stay out of commits
# custom:
#   id: ORG-002
#   severity: medium
package gitcharter.org.scratch

deny contains result if {
	some f in object.get(input, "files", [])
	endswith(f.path, ".scratch")
	result := {"path": f.path, "message": "a scratch file"}
}
"#;

/// The organisation's charter repository: a work repository and the bare one teams fetch from.
struct Org {
    work: Repo,
    /// Holds the bare repository.
    _dir: tempfile::TempDir,
    bare: PathBuf,
}

impl Org {
    fn new(files: &[(&str, &str)]) -> Org {
        let work = Repo::new();
        for (rel, text) in files {
            work.add(rel, text);
        }
        work.commit("charter bundle");
        let dir = tempfile::tempdir().unwrap();
        let bare = dir.path().join("org-charter.git");
        let out = git_in(
            dir.path(),
            &[
                "clone",
                "-q",
                "--bare",
                work.path().to_str().unwrap(),
                "org-charter.git",
            ],
        );
        assert!(out.status.success(), "{out:?}");
        Org {
            work,
            _dir: dir,
            bare,
        }
    }

    fn standard() -> Org {
        Org::new(&[
            ("charter.yaml", ORG_CHARTER),
            ("policies/frozen.rego", FROZEN_POLICY),
            ("policies/scratch.rego", OPEN_POLICY),
        ])
    }

    fn head(&self) -> String {
        self.work.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// Commits a change to the bundle and pushes it to the bare repository.
    fn change(&self, rel: &str, text: &str) -> String {
        self.work.add(rel, text);
        self.work.commit("change the bundle");
        let out = git_in(
            self.work.path(),
            &["push", "-q", self.bare.to_str().unwrap(), "HEAD:main"],
        );
        assert!(out.status.success(), "{out:?}");
        self.head()
    }
}

fn extends(repository: &Path, commit: &str, digest: Option<&str>) -> String {
    let mut s = format!(
        "extends:\n  repository: {}\n  commit: {commit}\n",
        repository.display()
    );
    if let Some(d) = digest {
        s.push_str(&format!("  digest: {d}\n"));
    }
    s
}

/// The digest `charter update` prints.
fn printed_digest(run: &Run) -> String {
    run.stdout
        .lines()
        .find_map(|l| l.strip_prefix("digest  "))
        .unwrap_or_else(|| panic!("no digest in {}", run.all()))
        .to_string()
}

/// A team repository extending the standard bundle, pinned and cached.
fn pinned_team(org: &Org, extra: &str) -> (Repo, String) {
    let team = Repo::new();
    team.add("README.md", "team\n");
    team.commit("init");
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), None),
    );
    let first = team.charter(&["charter", "update"]);
    assert_eq!(first.code, 1, "no digest pinned yet: {}", first.all());
    assert!(
        first.stdout.contains("no digest is pinned yet"),
        "{}",
        first.all()
    );
    let digest = printed_digest(&first);
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), Some(&digest)) + extra,
    );
    (team, digest)
}

fn cache_dir(team: &Repo) -> PathBuf {
    team.path().join(".git/charter/bundles")
}

#[test]
fn a_pinned_bundle_is_layered_and_its_policies_judge_commits_through_the_real_hooks() {
    let org = Org::standard();
    let (team, digest) = pinned_team(&org, "");
    let update = team.charter(&["charter", "update"]);
    assert_eq!(update.code, 0, "{}", update.all());
    assert!(
        update.stdout.contains("matches `extends.digest`"),
        "{}",
        update.all()
    );
    let hex = digest.strip_prefix("sha256:").unwrap();
    assert!(cache_dir(&team).join(format!("{hex}.json")).is_file());
    let doctor = team.charter(&["doctor"]);
    assert!(
        doctor.stdout.contains("organisation charter")
            && doctor
                .stdout
                .contains("matches its pinned digest and is cached"),
        "{}",
        doctor.all()
    );

    // The effective charter has the bundle's settings and the lock list.
    let charter = team.charter(&["charter", "--format", "json"]);
    assert_eq!(charter.code, 0, "{}", charter.all());
    let c: serde_json::Value = serde_json::from_str(&charter.stdout).unwrap();
    assert_eq!(c["tiers"]["critical"]["paths"][0], "payments/**");
    assert_eq!(c["locked"][2], "policies/frozen.rego");
    assert_eq!(c["extends"]["digest"], digest.as_str());
    // The bundle's policies are in force, named by the bundle.
    let list = team.charter(&["policy", "list"]);
    assert!(
        list.stdout.lines().any(|l| l.starts_with("ORG-001")
            && l.contains("org-charter.git@")
            && l.contains("policies/frozen.rego")),
        "{}",
        list.all()
    );

    team.git(&["add", ".charter"]);
    team.commit("extend the organisation charter");
    let install = team.charter(&["install"]);
    assert_eq!(install.code, 0, "{}", install.all());

    // Offline: the bare repository is gone; the hooks judge from the cache.
    std::fs::rename(&org.bare, org.bare.with_extension("moved")).unwrap();
    team.add("legacy/old.txt", "more\n");
    let denied = team.git_with_hooks(&["commit", "-q", "-m", "touch legacy"]);
    let stdout = String::from_utf8_lossy(&denied.stdout);
    let stderr = String::from_utf8_lossy(&denied.stderr);
    assert!(!denied.status.success(), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("ORG-001"),
        "{stdout}{stderr}"
    );
    team.git(&["rm", "-q", "--cached", "legacy/old.txt"]);
    team.add("notes.txt", "fine\n");
    let ok = team.git_with_hooks(&["commit", "-q", "-m", "A note"]);
    assert!(ok.status.success(), "{ok:?}");
}

#[test]
fn hooks_never_fetch_and_say_how_to_fill_the_cache() {
    let org = Org::standard();
    let (team, _) = pinned_team(&org, "");
    std::fs::remove_dir_all(cache_dir(&team)).unwrap();
    team.add("a.txt", "a\n");
    let run = team.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("not in this clone's cache")
            && run.stderr.contains("git charter charter update"),
        "{}",
        run.all()
    );
    // `doctor` says so too, and does not fetch either.
    let doctor = team.charter(&["doctor"]);
    assert!(
        doctor.all().contains("not in this clone's cache"),
        "{}",
        doctor.all()
    );
    assert!(
        !cache_dir(&team).exists()
            || std::fs::read_dir(cache_dir(&team))
                .unwrap()
                .next()
                .is_none(),
        "a hook or doctor fetched the bundle"
    );
    // A cache entry changed after it was fetched is refused, not used.
    assert_eq!(team.charter(&["charter", "update"]).code, 0);
    let entry = std::fs::read_dir(cache_dir(&team))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, text.replace("froze legacy", "thawed legacy")).unwrap();
    let run = team.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("does not match its digest"),
        "{}",
        run.all()
    );
}

#[test]
fn a_locked_key_cannot_be_changed_and_the_error_names_both_files() {
    let org = Org::standard();
    let (team, digest) = pinned_team(&org, "policies:\n  disable: [ORG-001]\n");
    let run = team.charter(&["pre-commit"]);
    assert_eq!(run.code, 3, "{}", run.all());
    let err = &run.stderr;
    assert!(
        err.contains(".charter/charter.yaml:6:3: `policies.disable` is locked"),
        "{err}"
    );
    // The bundle's file and the line of its lock entry.
    assert!(
        err.contains("org-charter.git@") && err.contains(":charter.yaml:10:5"),
        "{err}"
    );

    // Restating the bundle's value is not a change; an unlocked key may change.
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), Some(&digest))
            + "policies:\n  disable: []\ntiers:\n  critical:\n    paths: ['billing/**']\n",
    );
    let charter = team.charter(&["charter", "--format", "json"]);
    assert_eq!(charter.code, 0, "{}", charter.all());
    let c: serde_json::Value = serde_json::from_str(&charter.stdout).unwrap();
    assert_eq!(c["tiers"]["critical"]["paths"][0], "billing/**");

    // A lock on a key nothing sets, and `locked:` in a repository's own file, are errors.
    let typo = Org::new(&[("charter.yaml", "version: 1\nlocked: [secrets.alow_paths]\n")]);
    let (team2, _) = (Repo::new(), ());
    team2.add("r", "r\n");
    team2.commit("init");
    team2.write(
        ".charter/charter.yaml",
        extends(&typo.bare, &typo.head(), None),
    );
    let run = team2.charter(&["charter", "update"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr
            .contains(":charter.yaml:2:10: locked[0]: `secrets.alow_paths` is set neither"),
        "{}",
        run.all()
    );
    team2.write(".charter/charter.yaml", "locked: [limits]\n");
    let run = team2.charter(&["charter"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr
            .contains("only an organisation charter bundle may lock"),
        "{}",
        run.all()
    );
}

#[test]
fn a_locked_bundle_policy_cannot_be_replaced_but_an_unlocked_one_can() {
    let org = Org::standard();
    let (team, _) = pinned_team(&org, "");
    team.write(
        ".charter/policies/frozen.rego",
        FROZEN_POLICY.replace("legacy/", "nothing/"),
    );
    let run = team.charter(&["policy", "list"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr
            .contains(".charter/policies/frozen.rego: replaces the organisation charter's policy")
            && run.stderr.contains("policies/frozen.rego, which ")
            && run.stderr.contains(":charter.yaml locks"),
        "{}",
        run.all()
    );
    std::fs::remove_file(team.path().join(".charter/policies/frozen.rego")).unwrap();
    // The unlocked one: the team's file at the same path replaces the bundle's.
    team.write(
        ".charter/policies/scratch.rego",
        OPEN_POLICY.replace(".scratch", ".tmp"),
    );
    team.add("x.scratch", "s\n");
    let run = team.charter(&["pre-commit"]);
    assert_eq!(run.code, 0, "{}", run.all());
    team.add("x.tmp", "t\n");
    let run = team.charter(&["pre-commit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("ORG-002"), "{}", run.all());
}

#[test]
fn ci_fetches_on_a_fresh_clone_and_fails_closed_on_a_digest_mismatch() {
    let org = Org::standard();
    let (team, digest) = pinned_team(&org, "");
    team.git(&["add", ".charter"]);
    team.commit("extend");
    team.add("legacy/a.txt", "a\n");
    team.commit("touch legacy");

    let clones = tempfile::tempdir().unwrap();
    let clone = |name: &str| {
        let out = git_in(
            clones.path(),
            &["clone", "-q", team.path().to_str().unwrap(), name],
        );
        assert!(out.status.success(), "{out:?}");
        clones.path().join(name)
    };
    let fresh = clone("fresh");
    let run = run_in(&fresh, &["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("ORG-001"), "{}", run.all());
    let hex = digest.strip_prefix("sha256:").unwrap();
    assert!(
        fresh
            .join(format!(".git/charter/bundles/{hex}.json"))
            .is_file()
    );

    // The bundle moves on, and a commit pins its new commit with the old digest.
    let moved = org.change(
        "policies/scratch.rego",
        &OPEN_POLICY.replace(".scratch", ".bak"),
    );
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &moved, Some(&digest)),
    );
    team.git(&["add", ".charter"]);
    team.commit("pin the new commit, forget the digest");
    team.add("b.txt", "b\n");
    team.commit("after");
    let fresh = clone("second");
    let run = run_in(&fresh, &["ci", "--range", "HEAD~1..HEAD"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("not {digest} as `extends.digest` pins")),
        "{}",
        run.all()
    );
    // Nothing unpinned was cached.
    let cached: Vec<_> = std::fs::read_dir(fresh.join(".git/charter/bundles"))
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(
        cached
            .iter()
            .all(|n| !n.to_string_lossy().ends_with(".json")),
        "{cached:?}"
    );
}

#[test]
fn a_bundle_in_a_subdirectory_and_hostile_bundles_and_pins() {
    // A bundle in a subdirectory of a larger repository.
    let org = Org::new(&[
        ("README.md", "org\n"),
        (
            "bundles/web/charter.yaml",
            "version: 1\nlimits:\n  max_files: 7\n",
        ),
    ]);
    let team = Repo::new();
    team.add("r", "r\n");
    team.commit("init");
    let with_path = |path: &str, digest: Option<&str>| {
        extends(&org.bare, &org.head(), digest) + &format!("  path: {path}\n")
    };
    team.write(".charter/charter.yaml", with_path("bundles/web", None));
    let digest = printed_digest(&team.charter(&["charter", "update"]));
    team.write(
        ".charter/charter.yaml",
        with_path("bundles/web", Some(&digest)),
    );
    let run = team.charter(&["charter", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("\"max_files\": 7"), "{}", run.all());

    // A directory without charter.yaml.
    team.write(".charter/charter.yaml", with_path("bundles", None));
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("it has no bundles/charter.yaml"),
        "{}",
        run.all()
    );

    // A symbolic link where the charter belongs is refused, not followed.
    let linked = Repo::new();
    std::os::unix::fs::symlink("/etc/passwd", linked.path().join("charter.yaml")).unwrap();
    linked.git(&["add", "charter.yaml"]);
    linked.commit("a link");
    let head = linked.git(&["rev-parse", "HEAD"]).trim().to_string();
    team.write(".charter/charter.yaml", extends(linked.path(), &head, None));
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.all());
    assert!(!run.all().contains("root:"), "{}", run.all());

    // A bundle that extends another.
    let chained = Org::new(&[(
        "charter.yaml",
        "extends:\n  repository: x\n  commit: 0123456789012345678901234567890123456789\n",
    )]);
    team.write(
        ".charter/charter.yaml",
        extends(&chained.bare, &chained.head(), None),
    );
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("may not itself extend another"),
        "{}",
        run.all()
    );

    // Pins git would misread, or that carry a credential (never echoed).
    let commit = org.head();
    for (repository, expect) in [
        ("--upload-pack=touch pwned", "would read as an option"),
        (
            "https://ci:s3cr3t-t0ken@git.example.invalid/org.git",
            "carries a password",
        ),
    ] {
        team.write(
            ".charter/charter.yaml",
            format!("extends:\n  repository: '{repository}'\n  commit: {commit}\n"),
        );
        let run = team.charter(&["charter", "update"]);
        assert_eq!(run.code, 3, "{}", run.all());
        assert!(run.stderr.contains(expect), "{}", run.all());
        assert!(!run.all().contains("s3cr3t"), "{}", run.all());
        assert!(!team.path().join("pwned").exists());
    }
    // A commit the repository does not have.
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, "0123456789012345678901234567890123456789", None),
    );
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("cannot fetch"), "{}", run.all());
    // Without extends there is nothing to update (a usage error).
    team.write(".charter/charter.yaml", "version: 1\n");
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("has no `extends:`"), "{}", run.all());
}

/// docs/organisation.md's example bundle is a valid bundle, and its example repository charter
/// layers over it.
#[test]
fn the_documented_bundle_and_repository_charter_work() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/organisation.md"))
        .unwrap();
    let block = |marker: &str| {
        let start = doc.find(marker).unwrap_or_else(|| panic!("no {marker}"));
        let end = start + doc[start..].find("```").unwrap();
        doc[start..end].to_string()
    };
    let bundle = block("# charter.yaml in ");
    let own = block("# .charter/charter.yaml\n");
    // The repository's part after `extends:` (whose values are placeholders here).
    let own_rest = own
        .split_once("# The repository's own settings")
        .map(|(_, r)| r.split_once('\n').unwrap().1.to_string())
        .expect("the example has the repository's own settings");
    let org = Org::new(&[
        ("charter.yaml", &bundle),
        ("policies/release/r.rego", OPEN_POLICY),
    ]);
    let team = Repo::new();
    team.add("r", "r\n");
    team.commit("init");
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), None) + &own_rest,
    );
    let run = team.charter(&["charter", "update"]);
    assert_eq!(run.code, 1, "valid, not yet pinned: {}", run.all());
    let digest = printed_digest(&run);
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), Some(&digest)) + &own_rest,
    );
    let run = team.charter(&["charter", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let c: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(c["classes"]["crypto"]["ai"], "forbid");
    assert_eq!(c["tiers"]["critical"]["paths"][0], "payments/**");
    // Each documented lock holds.
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), Some(&digest)) + "classes:\n  crypto:\n    ai: allow\n",
    );
    let run = team.charter(&["charter"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(
        run.stderr.contains("`classes.crypto.ai` is locked"),
        "{}",
        run.all()
    );
    team.write(".charter/policies/release/r.rego", OPEN_POLICY);
    team.write(
        ".charter/charter.yaml",
        extends(&org.bare, &org.head(), Some(&digest)),
    );
    let run = team.charter(&["policy", "list"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert!(run.stderr.contains("locks"), "{}", run.all());
}
