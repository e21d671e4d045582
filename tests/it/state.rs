//! State is never lost: every file git-charter writes goes through a synced temporary sibling and
//! a rename, never through a symlink; `baseline PATH…` keeps the entries elsewhere; a broken
//! baseline says how to rebuild it and `baseline --replace` does.

use crate::common::{Repo, aws_key_id};
use std::path::Path;

const BASELINE: &str = ".charter/baseline.json";

fn baseline_paths(r: &Repo) -> Vec<String> {
    let text = std::fs::read_to_string(r.path().join(BASELINE)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 1, "{doc:#}");
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect()
}

/// Two files with one key each: `old/a.py` and `new/b.py`.
fn repo_with_two_keys() -> Repo {
    let r = Repo::new();
    r.add("old/a.py", format!("k = \"{}\"\n", aws_key_id()));
    r.add("new/b.py", format!("k = \"AKIA{}\"\n", "Q5WB7TZKXN3RL2MD"));
    r.commit("keys");
    r
}

fn no_temporaries_in(dir: &Path) {
    let stray: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "temporaries left behind: {stray:?}");
}

#[test]
fn baseline_of_a_subdirectory_keeps_other_entries() {
    let r = repo_with_two_keys();
    let run = r.charter(&["baseline"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(baseline_paths(&r), ["new/b.py", "old/a.py"]);

    // The key in new/ is removed; rebuilding new/'s entries must not drop old/'s.
    r.write("new/b.py", "k = 1\n");
    r.write("new/c.py", format!("k = \"AKIA{}\"\n", "M4NZ7QW3LRT5XKP2"));
    let run = r.charter(&["baseline", "new/"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("wrote 2 findings"), "{}", run.stdout);
    assert_eq!(baseline_paths(&r), ["new/c.py", "old/a.py"]);
    let run = r.charter(&["scan"]);
    assert_eq!(run.code, 0, "old/a.py is still accepted: {}", run.all());

    // A path given from a subdirectory names the same entries.
    let run = crate::common::run_in(&r.path().join("new"), &["baseline", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(baseline_paths(&r), ["new/c.py", "old/a.py"]);
    // And `scan` from there names files from the root, so the baseline applies.
    let run = crate::common::run_in(&r.path().join("new"), &["scan", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("1 baselined finding hidden"),
        "{}",
        run.stdout
    );
    no_temporaries_in(&r.path().join(".charter"));
}

#[test]
fn baseline_replace_starts_over() {
    let r = repo_with_two_keys();
    assert_eq!(r.charter(&["baseline"]).code, 0);
    let run = r.charter(&["baseline", "--replace", "new"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(baseline_paths(&r), ["new/b.py"]);
    assert_eq!(
        r.charter(&["scan"]).code,
        1,
        "old/a.py is no longer accepted"
    );
}

#[test]
fn baseline_of_a_path_outside_the_repository_is_refused() {
    let r = repo_with_two_keys();
    let elsewhere = tempfile::tempdir().unwrap();
    let run = r.charter(&["baseline", elsewhere.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("not inside"), "{}", run.stderr);
    assert!(!r.path().join(BASELINE).exists());
}

#[test]
fn corrupt_baseline_says_how_to_rebuild_and_replace_rebuilds_it() {
    let r = repo_with_two_keys();
    assert_eq!(r.charter(&["baseline"]).code, 0);
    let full = std::fs::read(r.path().join(BASELINE)).unwrap();
    // What a kill in the middle of a truncating write left behind: nothing, or half the file.
    for broken in [&b""[..], &full[..full.len() / 2]] {
        std::fs::write(r.path().join(BASELINE), broken).unwrap();
        for args in [
            &["scan"][..],
            &["pre-commit"],
            &["baseline"],
            &["baseline", "new"],
        ] {
            let run = r.charter(args);
            assert_eq!(run.code, 3, "{args:?}: {}", run.all());
            assert!(
                run.stderr.contains("invalid baseline")
                    && run.stderr.contains("git charter baseline --replace"),
                "{args:?}: {}",
                run.stderr
            );
        }
        // The broken file was left as it was for the user to look at.
        assert_eq!(std::fs::read(r.path().join(BASELINE)).unwrap(), broken);
        let run = r.charter(&["baseline", "--replace"]);
        assert_eq!(run.code, 0, "{}", run.all());
        assert_eq!(baseline_paths(&r), ["new/b.py", "old/a.py"]);
        assert_eq!(r.charter(&["scan"]).code, 0);
    }
}

#[test]
fn baseline_of_another_version_or_with_bad_fields_is_rejected() {
    let r = repo_with_two_keys();
    for text in [
        r#"{"version": 2, "findings": []}"#,
        r#"{"version": 1, "findings": [{"fingerprint": "x", "rule_id": "aws-access-key-id", "path": "old/a.py"}]}"#,
        r#"{"version": 1, "findings": [], "extra": true}"#,
    ] {
        r.write(BASELINE, text);
        let run = r.charter(&["scan"]);
        assert_eq!(run.code, 3, "{text}: {}", run.all());
        assert!(
            run.stderr.contains("git charter baseline --replace"),
            "{text}: {}",
            run.stderr
        );
    }
    assert_eq!(r.charter(&["baseline", "--replace"]).code, 0);
    assert_eq!(r.charter(&["scan"]).code, 0);
}

#[cfg(unix)]
#[test]
fn dangling_baseline_symlink_is_not_followed() {
    let r = repo_with_two_keys();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("owned.json");
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    std::os::unix::fs::symlink(&target, r.path().join(BASELINE)).unwrap();
    for args in [&["baseline"][..], &["baseline", "--replace"]] {
        let run = r.charter(args);
        // Refused where it is read (exit 3: charter files are read only as regular files) or
        // where it would be written (exit 2); never followed either way.
        assert!(run.code == 2 || run.code == 3, "{args:?}: {}", run.all());
        assert!(
            (run.stderr.contains("symlink") || run.stderr.contains("symbolic link"))
                && run.stderr.contains("baseline.json"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!target.exists(), "{args:?} wrote outside the repository");
        let link = std::fs::symlink_metadata(r.path().join(BASELINE)).unwrap();
        assert!(link.file_type().is_symlink(), "the link was replaced");
    }
    no_temporaries_in(&r.path().join(".charter"));
}

#[cfg(unix)]
#[test]
fn symlinked_charter_dir_leaving_the_repository_is_not_written_through() {
    let r = repo_with_two_keys();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), r.path().join(".charter")).unwrap();
    for args in [&["baseline", "--replace"][..], &["init"]] {
        let run = r.charter(args);
        // Refused where the charter is read (exit 3) or where it would be written (exit 2).
        assert!(run.code == 2 || run.code == 3, "{args:?}: {}", run.all());
        assert!(
            run.stderr.contains("outside the repository")
                || run.stderr.contains("reached through a symbolic link"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let written: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert!(written.is_empty(), "wrote outside: {written:?}");
}

#[cfg(unix)]
#[test]
fn init_does_not_write_through_a_dangling_symlink() {
    let r = Repo::new();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("charter.yaml");
    std::fs::create_dir_all(r.path().join(".charter")).unwrap();
    std::os::unix::fs::symlink(&target, r.path().join(".charter/charter.yaml")).unwrap();
    let run = r.charter(&["init"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("symlink"), "{}", run.stderr);
    assert!(!target.exists());
}

#[test]
fn init_writes_whole_files_and_keeps_existing_ones() {
    let r = Repo::new();
    r.write(".charter/charter.yaml", "# mine\n");
    let run = r.charter(&["init"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(
        std::fs::read_to_string(r.path().join(".charter/charter.yaml")).unwrap(),
        "# mine\n"
    );
    let policies = r.path().join(".charter/policies");
    assert!(std::fs::read_dir(&policies).unwrap().count() >= 2);
    no_temporaries_in(&r.path().join(".charter"));
    no_temporaries_in(&policies);
}

#[cfg(unix)]
#[test]
fn install_writes_executable_shims_without_temporaries() {
    use std::os::unix::fs::PermissionsExt;
    let r = Repo::new();
    let run = r.charter(&["install"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let hooks = r.path().join(".git/hooks");
    for name in ["pre-commit", "commit-msg", "pre-push"] {
        let mode = std::fs::metadata(hooks.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "{name}: {mode:o}");
    }
    no_temporaries_in(&hooks);
}
