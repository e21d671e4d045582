//! A hostile repository cannot drive the terminal: escape sequences (ESC, OSC, C1) and Unicode bidi
//! controls in file names, policy files, METADATA, charters and policy sources reach stdout and
//! stderr only escaped, in every format and on every error path. JSON keeps them as data.

use crate::common::*;

/// ESC, BEL, CSI as one C1 character, DEL, NEL, and every bidi control the terminal must not see.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

fn assert_terminal_safe(what: &str, run: &Run) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_unsafe(c)) {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            panic!(
                "{what}: raw {c:?} in {stream} near {:?}\n--- {stream} ---\n{}",
                &text[from..i],
                text.escape_debug()
            );
        }
    }
}

/// A METADATA title with an OSC title-setting sequence, a C1 CSI and a bidi override; a description
/// that clears the screen; a remediation with an OSC 8 hyperlink; the file named with ESC and U+202E.
const HOSTILE_POLICY: &str = r#"# METADATA
# title: "Tidy \e]0;pwned\a up \u202Eevil\u202C \x9B31m"
# description: "Clears \e[2J the screen \u2066isolated\u2069"
# custom:
#   id: TEAM-ESC-001
#   severity: high
#   remediation: "Follow \e]8;;https://example.invalid\e\\this\e]8;;\e\\ \u200F"
package team.esc

deny contains {"path": f.path, "message": sprintf("hostile note %s", [f.path])} if {
  some f in input.files
  contains(f.path, "note")
}
"#;

const HOSTILE_POLICY_FILE: &str = ".charter/policies/esc\u{1b}]0;pwned\u{7}\u{202e}.rego";

/// The staged or committed file: a path with an OSC sequence and a right-to-left override, holding a key.
const HOSTILE_PATH: &str = "note\u{1b}]0;pwned\u{7}\u{202e}txt.env";

fn hostile_repo() -> Repo {
    let r = Repo::new();
    r.add(HOSTILE_POLICY_FILE, HOSTILE_POLICY);
    r.add("README.md", "hello\n");
    r.commit("base");
    r
}

fn stage_hostile_file(r: &Repo) {
    r.add(
        HOSTILE_PATH,
        format!("AWS_ACCESS_KEY_ID={}\n", aws_key_id()),
    );
}

#[test]
fn escape_sequences_in_committed_paths_do_not_reach_the_terminal() {
    let r = hostile_repo();
    stage_hostile_file(&r);
    for format in ["console", "github"] {
        let run = r.charter(&["pre-commit", "--format", format]);
        assert_eq!(run.code, 1, "pre-commit --format {format}: {}", run.all());
        assert!(
            run.stdout
                .contains("note\\u{1b}]0;pwned\\u{7}\\u{202e}txt.env"),
            "the path is shown, escaped: {}",
            run.stdout
        );
        assert_terminal_safe(&format!("pre-commit --format {format}"), &run);
    }
    r.commit("add a note");
    for format in ["console", "github"] {
        let run = r.charter(&["ci", "--range", "HEAD~1..HEAD", "--format", format]);
        assert_eq!(run.code, 1, "ci --format {format}: {}", run.all());
        assert_terminal_safe(&format!("ci --format {format}"), &run);
    }
    let run = r.charter(&["scan"]);
    assert_terminal_safe("scan", &run);
}

#[test]
fn json_and_sarif_keep_hostile_paths_as_data_without_raw_controls() {
    let r = hostile_repo();
    stage_hostile_file(&r);
    for format in ["json", "sarif"] {
        let run = r.charter(&["pre-commit", "--format", format]);
        assert_eq!(run.code, 1, "pre-commit --format {format}: {}", run.all());
        assert_terminal_safe(&format!("pre-commit --format {format}"), &run);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let strings = collect_strings(&doc);
        assert!(
            strings.iter().any(|s| s.contains(HOSTILE_PATH)),
            "--format {format} keeps the path's bytes as data: {strings:?}"
        );
    }
    let run = r.charter(&["input", "--stage", "pre-commit"]);
    assert_terminal_safe("input", &run);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    file(&doc, HOSTILE_PATH);
}

fn collect_strings(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Array(a) => a.iter().flat_map(collect_strings).collect(),
        serde_json::Value::Object(o) => o.values().flat_map(collect_strings).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn escape_sequences_in_policy_titles_do_not_reach_the_terminal() {
    let r = hostile_repo();
    let list = r.charter(&["policy", "list"]);
    assert_eq!(list.code, 0, "{}", list.all());
    assert!(
        list.stdout
            .contains("Tidy \\u{1b}]0;pwned\\u{7} up \\u{202e}evil"),
        "the title is shown, escaped: {}",
        list.stdout
    );
    assert_terminal_safe("policy list", &list);
    let run = r.charter(&["policy", "list", "--format", "json"]);
    assert_terminal_safe("policy list --format json", &run);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert!(
        collect_strings(&doc)
            .iter()
            .any(|s| s == "Tidy \u{1b}]0;pwned\u{7} up \u{202e}evil\u{202c} \u{9b}31m"),
        "JSON keeps the title as data"
    );
    let explain = r.charter(&["explain", "TEAM-ESC-001"]);
    assert_eq!(explain.code, 0, "{}", explain.all());
    assert_terminal_safe("explain", &explain);
    let check = r.charter(&["policy", "check", ".charter/policies"]);
    assert_terminal_safe("policy check", &check);
    let test = r.charter(&["policy", "test", ".charter/policies"]);
    assert_terminal_safe("policy test", &test);

    // The title, remediation and message also reach annotations.
    stage_hostile_file(&r);
    let run = r.charter(&["pre-commit", "--format", "github"]);
    assert!(
        run.stdout
            .contains("title=TEAM-ESC-001 Tidy \\u{1b}]0;pwned\\u{7} up"),
        "{}",
        run.stdout
    );
    assert_terminal_safe("pre-commit --format github", &run);
}

#[test]
fn escape_sequences_in_a_policy_syntax_error_do_not_reach_the_terminal() {
    let r = Repo::new();
    // The parser echoes the offending line; the file's name is hostile too.
    r.add(
        ".charter/policies/bro\u{1b}[2Jken\u{202e}.rego",
        "package team.broken\n\ndeny contains msg if {\n  msg := \u{1b}]0;pwned\u{7} \u{202e} \u{9b}2J [[\n}\n",
    );
    stage_hostile_file(&r);
    for args in [
        &["pre-commit"][..],
        &["pre-commit", "--format", "github"],
        &["policy", "list"],
        &["policy", "check", ".charter/policies"],
        &["policy", "test", ".charter/policies"],
        &["explain", "CH-SECRET-001"],
    ] {
        let run = r.charter(args);
        assert_eq!(run.code, 3, "{args:?} is a policy error: {}", run.all());
        assert!(
            run.stderr.contains("\\u{1b}"),
            "{args:?}: the error still shows the line, escaped: {}",
            run.stderr
        );
        assert_terminal_safe(&format!("{args:?}"), &run);
    }
    r.commit("broken policy");
    let run = r.charter(&["ci", "--range", "HEAD"]);
    assert_terminal_safe("ci", &run);
}

#[test]
fn escape_sequences_in_policy_metadata_errors_do_not_reach_the_terminal() {
    let r = Repo::new();
    // Raw controls are not YAML: the METADATA parse error quotes them.
    r.add(
        ".charter/policies/meta.rego",
        "# METADATA\n# title: Bad \u{1b}]0;pwned\u{7} \u{202e}\n# custom:\n#   id: TEAM-M-001\npackage team.meta\n\ndeny contains \"x\" if { false }\n",
    );
    for args in [
        &["pre-commit"][..],
        &["policy", "list"],
        &["policy", "check", ".charter/policies"],
    ] {
        let run = r.charter(args);
        assert_ne!(run.code, 0, "{args:?}: {}", run.all());
        assert_terminal_safe(&format!("{args:?}"), &run);
    }
}

#[test]
fn escape_sequences_in_a_charter_glob_error_do_not_reach_the_terminal() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  allow_paths:\n    - \"src/\\e[31m[oops \\u202E\\x9B\"\n",
    );
    stage_hostile_file(&r);
    for args in [&["pre-commit"][..], &["charter"], &["policy", "list"]] {
        let run = r.charter(args);
        assert_eq!(run.code, 3, "{args:?} is a charter error: {}", run.all());
        assert!(
            run.stderr.contains("src/\\u{1b}[31m[oops"),
            "{args:?}: the glob is named, escaped: {}",
            run.stderr
        );
        assert_terminal_safe(&format!("{args:?}"), &run);
    }
}

#[test]
fn bidi_controls_in_charter_values_do_not_reach_the_terminal() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        // Raw bidi controls are valid YAML; NEL is written as the YAML escape (raw, it folds to a space).
        "version: 1\nsecrets:\n  stopwords:\n    - \"abc\u{202e}def\u{2067}x\\x85\"\n",
    );
    let run = r.charter(&["charter"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_terminal_safe("charter", &run);
    let run = r.charter(&["charter", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_terminal_safe("charter --format json", &run);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert!(
        collect_strings(&doc).contains(&"abc\u{202e}def\u{2067}x\u{85}".to_string()),
        "JSON keeps the stopword as data"
    );
}

#[test]
fn escape_sequences_in_the_repository_path_do_not_reach_the_terminal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("repo\u{1b}]0;pwned\u{7}\u{202e}");
    std::fs::create_dir(&dir).unwrap();
    let init = git_in(&dir, &["init", "-q", "-b", "main"]);
    assert!(init.status.success());
    for args in [
        &["init"][..],
        &["install"],
        &["baseline"],
        &["uninstall"],
        &["pre-commit"],
    ] {
        let run = run_in(&dir, args);
        assert_terminal_safe(&format!("{args:?}"), &run);
        if args != ["pre-commit"] {
            assert!(
                run.all().contains("repo\\u{1b}]0;pwned\\u{7}\\u{202e}"),
                "{args:?} names the repository, escaped: {}",
                run.all()
            );
        }
    }
}

#[test]
fn escape_sequences_in_imported_gitleaks_rules_do_not_reach_the_terminal() {
    let r = Repo::new();
    r.add(
        ".charter/charter.yaml",
        "version: 1\nsecrets:\n  gitleaks_config: gitleaks.toml\n",
    );
    // TOML escapes put ESC into the id and title; the keyword carries a raw bidi override.
    r.add(
        "gitleaks.toml",
        "[[rules]]\nid = \"evil\\u001b]0;pwned\\u0007\"\ndescription = \"Evil \u{202e} title \\u001b[2J\"\nregex = '''evil_[a-z0-9]{20}'''\nkeywords = [\"evil_\u{202e}\"]\n",
    );
    let run = r.charter(&["rules"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("evil\\u{1b}]0;pwned\\u{7}"),
        "{}",
        run.stdout
    );
    assert_terminal_safe("rules", &run);
    assert_terminal_safe("rules check", &r.charter(&["rules", "check"]));
    assert_terminal_safe(
        "rules --format json",
        &r.charter(&["rules", "--format", "json"]),
    );

    // Raw controls are not TOML: the parse error quotes the line.
    r.add(
        "gitleaks.toml",
        "[[rules]]\nid = \"evil\u{1b}]0;pwned\u{7}\u{202e}\"\n",
    );
    let run = r.charter(&["rules"]);
    assert_eq!(run.code, 3, "{}", run.all());
    assert_terminal_safe("rules with a broken gitleaks config", &run);
    assert_terminal_safe(
        "pre-commit with a broken gitleaks config",
        &r.charter(&["pre-commit"]),
    );
}
