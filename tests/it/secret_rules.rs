//! Secret-rule tests beyond the example checker (`rules::check`, run as a unit test): ids and docs
//! snapshotted, findings never leak the secret, pairing.

use crate::api::secrets::{
    LineMap, Scanner, SecretFinding, SecretsConfig, builtin_rules, rules_markdown,
};
use std::collections::BTreeSet;

fn scanner() -> Scanner {
    Scanner::new(&SecretsConfig::default(), &[]).expect("built-in rules compile")
}

fn scan(s: &Scanner, path: &str, text: &str) -> Vec<SecretFinding> {
    let mut out = Vec::new();
    s.scan(
        path,
        text.as_bytes(),
        LineMap::Contiguous { first: 1 },
        &mut out,
    );
    out
}

#[test]
fn at_least_150_rules_with_unique_ids_and_keywords() {
    let rules = builtin_rules().expect("rule files parse and pass the rule check");
    assert!(rules.len() >= 150, "only {} rules", rules.len());
    let ids: BTreeSet<&str> = rules.iter().map(|(_, r)| r.id.as_str()).collect();
    assert_eq!(ids.len(), rules.len(), "duplicate ids");
    for (_, r) in &rules {
        assert!(!r.keywords.is_empty(), "{} has no keywords", r.id);
        // The engine compiles regexes lazily; this is where a broken built-in pattern must surface.
        regex::bytes::RegexBuilder::new(&r.regex)
            .unicode(false)
            .size_limit(64 << 20)
            .build()
            .unwrap_or_else(|e| panic!("{}: {e}", r.id));
        for a in &r.allow {
            regex::bytes::Regex::new(a).unwrap_or_else(|e| panic!("{}: allow: {e}", r.id));
        }
    }
}

/// No output form of a finding may carry a run of the example long enough to be a usable part of the secret.
#[test]
fn findings_never_leak_the_secret() {
    let s = scanner();
    for (_, r) in builtin_rules().unwrap() {
        for ex in &r.examples {
            let found = scan(&s, "src/config.txt", ex);
            let rendered = format!("{found:?}\n{}", serde_json::to_string(&found).unwrap());
            let allowed: String = found
                .iter()
                .map(|f| format!("{} {} {} ", f.rule_id, f.title, f.path))
                .collect();
            // Runs inside the secret, not of its context: a key name such as `"coveralls`, or a
            // token prefix, may also be in the rule id.
            let spans: Vec<(usize, usize)> = found.iter().flat_map(|f| f.spans.clone()).collect();
            let chars: Vec<(usize, char)> = ex.char_indices().collect();
            for w in chars.windows(10) {
                let (from, to) = (w[0].0, w[9].0 + w[9].1.len_utf8());
                if !spans.iter().any(|&(s, e)| s <= from && to <= e) {
                    continue;
                }
                let w: String = w.iter().map(|&(_, c)| c).collect();
                assert!(
                    !rendered.contains(&w) || allowed.contains(&w) || w.trim().len() < 10,
                    "{}: output contains {w:?} from the example: {rendered}",
                    r.id
                );
            }
        }
    }
}

/// Renaming or removing a rule id breaks users' baselines and allowlists: it must show up in review.
/// `SNAPSHOTS=overwrite cargo test --test it` rewrites the snapshot; review the diff.
#[test]
fn rule_ids_match_the_snapshot() {
    snapbox::assert_data_eq!(
        crate::api::docs::rule_ids(),
        snapbox::file!["../../rules/IDS.txt"].raw()
    );
}

/// docs/rules.md is generated from the rule files (`SNAPSHOTS=overwrite` regenerates it).
#[test]
fn docs_rules_md_is_current() {
    snapbox::assert_data_eq!(
        rules_markdown(),
        snapbox::file!["../../docs/rules.md"].raw()
    );
}

#[test]
fn aws_key_id_and_secret_on_nearby_lines_are_one_finding() {
    let text = "aws_access_key_id = AKIAQ3EGRTZ5UJKLM7NX\nregion = eu-west-1\naws_secret_access_key = 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\n";
    let found = scan(&scanner(), "infra/creds.tf", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule_id, "aws-access-key-id");
    assert_eq!((found[0].line, found[0].end_line), (1, 3));
}

#[test]
fn inline_markers_suppress_their_line_only() {
    let s = scanner();
    let tok = "glpat-Zk3vW9qLm2Xr7Tb4Yc1N";
    for marker in [
        "# charter:allow",
        "# gitleaks:allow",
        "# pragma: allowlist secret",
    ] {
        // Suppressed findings are still reported, marked as such.
        let found = scan(&s, "a.sh", &format!("TOKEN={tok} {marker}\n"));
        assert!(
            !found.is_empty() && found.iter().all(|f| f.suppressed.is_some()),
            "{marker}: {found:?}"
        );
    }
    let found = scan(&s, "a.sh", &format!("A={tok} # charter:allow\nB={tok}\n"));
    let open: Vec<u32> = found
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| f.line)
        .collect();
    assert_eq!(open, vec![2], "{found:?}");
}

#[test]
fn fingerprint_survives_line_moves_and_hook_line_maps() {
    let s = scanner();
    let tok = "glpat-Zk3vW9qLm2Xr7Tb4Yc1N";
    let a = scan(&s, "a.env", &format!("TOKEN={tok}\n"));
    let b = scan(&s, "a.env", &format!("\n\n\nTOKEN={tok}\n"));
    assert_eq!(a[0].fingerprint, b[0].fingerprint);
    assert_eq!(b[0].line, 4);
    // A hook passes only added lines; the map gives their line numbers in the file.
    let mut out = Vec::new();
    let added = format!("x = 1\nTOKEN={tok}\n");
    s.scan(
        "a.env",
        added.as_bytes(),
        LineMap::Mapped(&[10, 42]),
        &mut out,
    );
    assert_eq!(out[0].line, 42);
    assert_eq!(out[0].fingerprint, a[0].fingerprint);
    assert_eq!(out[0].column, 7);
}

#[test]
fn charter_allowlists_and_disable() {
    let tok = "glpat-Zk3vW9qLm2Xr7Tb4Yc1N";
    let text = format!("TOKEN={tok}\n");
    let cfg: SecretsConfig = yaml_serde::from_str("allow_paths: ['fixtures/**']").unwrap();
    let s = Scanner::new(&cfg, &[]).unwrap();
    assert!(scan(&s, "fixtures/deep/a.env", &text).is_empty());
    assert_eq!(scan(&s, "src/a.env", &text).len(), 1);
    let cfg: SecretsConfig = yaml_serde::from_str("stopwords: ['zk3vw9']").unwrap();
    assert!(scan(&Scanner::new(&cfg, &[]).unwrap(), "a.env", &text).is_empty());
    let cfg: SecretsConfig = yaml_serde::from_str("allow_regexes: ['^TOKEN=']").unwrap();
    assert!(scan(&Scanner::new(&cfg, &[]).unwrap(), "a.env", &text).is_empty());
    let cfg: SecretsConfig = yaml_serde::from_str("disable: [gitlab-pat]").unwrap();
    let found = scan(&Scanner::new(&cfg, &[]).unwrap(), "a.env", &text);
    assert!(found.iter().all(|f| f.rule_id != "gitlab-pat"), "{found:?}");
    let cfg: SecretsConfig = yaml_serde::from_str("disable: [no-such-rule]").unwrap();
    assert!(Scanner::new(&cfg, &[]).is_err());
    assert!(yaml_serde::from_str::<SecretsConfig>("allow_paths: ['a/[']").is_err());
}

#[test]
fn binary_content_is_skipped() {
    let mut text = b"TOKEN=glpat-Zk3vW9qLm2Xr7Tb4Yc1N\n".to_vec();
    text.push(0);
    let mut out = Vec::new();
    scanner().scan("a.bin", &text, LineMap::Contiguous { first: 1 }, &mut out);
    assert!(out.is_empty());
}

const GITLEAKS: &str = r#"
title = "acme gitleaks config"

[extend]
useDefault = true
disabledRules = ["generic-password"]

[[rules]]
id = "acme-internal-token"
description = "ACME internal service token"
regex = '''\b(acme_(?:live|test)_[0-9a-zA-Z]{32})\b'''
secretGroup = 1
entropy = 3.0
keywords = ["acme_live_", "acme_test_"]
[[rules.allowlists]]
description = "test tokens in fixtures"
paths = ['''(?:^|/)testdata/''']
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''EXAMPLE_ONLY''']

[[rules]]
id = "acme-db-password"
description = "ACME database password"
regex = '''(?i)acme_db_pass(?:word)?\s*[:=]\s*["']?([^\s"']{8,})'''
keywords = ["acme_db_pass"]
[rules.allowlist]
stopwords = ["dev-only"]

[allowlist]
description = "global"
paths = ['''(?:^|/)vendor/''']
# Go reads a `{` that starts no repetition as a literal; the importer must too.
regexes = ['''^\${(?:[A-Z_]+|[a-z_]+)}$''', '''^{{[^}]+}}$''']
stopwords = ["notasecret"]
"#;

#[test]
fn gitleaks_config_loads_alongside_builtins() {
    let s = Scanner::new(
        &SecretsConfig::default(),
        &[(".gitleaks.toml".into(), GITLEAKS.into())],
    )
    .unwrap();
    let ids: Vec<String> = s.rules().into_iter().map(|r| r.id).collect();
    assert!(ids.contains(&"acme-internal-token".to_string()));
    assert!(ids.contains(&"github-pat".to_string()));
    assert!(
        !ids.contains(&"generic-password".to_string()),
        "disabledRules"
    );
    let tok = "acme_live_Q7f2Lx9Vb3Nm8Rt1Kc6Hy4Wd0Pz5Js2A";
    let found = scan(&s, "src/a.py", &format!("TOKEN = '{tok}'\n"));
    assert_eq!(
        found.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>(),
        ["acme-internal-token"]
    );
    assert!(
        scan(&s, "pkg/testdata/a.py", &format!("T = '{tok}'\n")).is_empty(),
        "rule path allowlist"
    );
    assert!(
        scan(&s, "src/a.py", &format!("T = '{tok}' # EXAMPLE_ONLY\n")).is_empty(),
        "line allowlist"
    );
    assert!(
        scan(&s, "vendor/x/a.py", &format!("T = '{tok}'\n")).is_empty(),
        "global path allowlist"
    );
    assert_eq!(scan(&s, "a.env", "ACME_DB_PASSWORD=Vx9!kq2Lm#7\n").len(), 1);
    assert!(scan(&s, "a.env", "ACME_DB_PASSWORD=dev-only-123\n").is_empty());
    assert!(scan(&s, "a.env", "ACME_DB_PASSWORD=notasecret99\n").is_empty());
}

#[test]
fn gitleaks_use_default_false_keeps_only_its_rules() {
    let cfg = GITLEAKS.replace("useDefault = true", "useDefault = false");
    let s = Scanner::new(&SecretsConfig::default(), &[("g.toml".into(), cfg)]).unwrap();
    let ids: Vec<String> = s.rules().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["acme-internal-token", "acme-db-password"]);
}

#[test]
fn gitleaks_untranslatable_regex_names_origin_and_rule() {
    let bad = "[[rules]]\nid = \"lookahead\"\nregex = '''foo(?=bar)'''\nkeywords = [\"foo\"]\n";
    let err = Scanner::new(
        &SecretsConfig::default(),
        &[("team/.gitleaks.toml".into(), bad.into())],
    )
    .err()
    .expect("lookahead is not supported")
    .to_string();
    assert!(
        err.contains("team/.gitleaks.toml") && err.contains("lookahead"),
        "{err}"
    );
}

#[test]
fn scanner_is_send_and_sync() {
    fn assert_sync<T: Send + Sync>() {}
    assert_sync::<Scanner>();
}

#[test]
fn pem_block_in_added_lines_reports_its_file_lines() {
    let body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDCumMb1IP9w1lZ\nMUGpn18SJ1ALqkoxWPRMcfF/NKV35/Lq6X5hMRnFaPgRHm0gwp1DaQwNEor1jtGF\n";
    let added = format!("-----BEGIN PRIVATE KEY-----\n{body}-----END PRIVATE KEY-----\n");
    let mut out = Vec::new();
    scanner().scan(
        "deploy/key.pem",
        added.as_bytes(),
        LineMap::Mapped(&[7, 8, 9, 10]),
        &mut out,
    );
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(
        (out[0].rule_id.as_str(), out[0].line, out[0].end_line),
        ("private-key-pkcs8", 7, 10)
    );
}

#[test]
fn rules_listing_has_titles_and_keywords() {
    let rules = scanner().rules();
    let gh = rules
        .iter()
        .find(|r| r.id == "github-pat")
        .expect("github-pat listed");
    assert_eq!(gh.keywords, ["ghp_"]);
    assert!(gh.origin.ends_with("vcs.toml"));
    assert!(
        rules
            .iter()
            .all(|r| !r.title.is_empty() && !r.keywords.is_empty())
    );
}

#[test]
fn gitleaks_path_only_rule_flags_binary_files_by_name() {
    let cfg = "[[rules]]\nid = \"pkcs12-file\"\ndescription = \"PKCS #12 bundle\"\npath = '''(?i)\\.p(?:12|fx)$'''\n";
    let s = Scanner::new(&SecretsConfig::default(), &[("g.toml".into(), cfg.into())]).unwrap();
    let mut out = Vec::new();
    s.scan(
        "certs/client.p12",
        b"\x30\x82\x00\x00binary",
        LineMap::Contiguous { first: 1 },
        &mut out,
    );
    assert_eq!(
        out.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>(),
        ["pkcs12-file"]
    );
    out.clear();
    s.scan(
        "certs/client.pem",
        b"\x30\x82\x00\x00binary",
        LineMap::Contiguous { first: 1 },
        &mut out,
    );
    assert!(out.is_empty());
}

#[test]
fn gitleaks_and_condition_needs_every_criterion() {
    let cfg = r#"
[[rules]]
id = "acme-token"
regex = '''\b(acme_[0-9a-zA-Z]{24})\b'''
keywords = ["acme_"]
[[rules.allowlists]]
condition = "AND"
paths = ['''(?:^|/)fixtures/''']
regexTarget = "line"
regexes = ['''FIXTURE''']
"#;
    let s = Scanner::new(&SecretsConfig::default(), &[("g.toml".into(), cfg.into())]).unwrap();
    let tok = "acme_Q7f2Lx9Vb3Nm8Rt1Kc6Hy4Wd";
    assert!(
        scan(&s, "fixtures/a.txt", &format!("t = {tok} # FIXTURE\n")).is_empty(),
        "both hold"
    );
    assert_eq!(
        scan(&s, "fixtures/a.txt", &format!("t = {tok}\n")).len(),
        1,
        "path alone"
    );
    assert_eq!(
        scan(&s, "src/a.txt", &format!("t = {tok} # FIXTURE\n")).len(),
        1,
        "line alone"
    );
}
