//! Generated documentation: `docs/rules.md` (`git charter rules --markdown`) and the rule-id
//! snapshot (`git charter rules --ids`), from the embedded rule files. CI checks both for drift.

use crate::policy::Policy;
use crate::rules::{insecure, secrets, signatures};
use std::fmt::Write;

/// `docs/rules.md`: every built-in rule of every kind, generated from the rule files.
pub fn rules_markdown() -> String {
    let mut md = String::new();
    md.push_str("# Built-in rules\n\n");
    md.push_str(
        "<!-- Generated from rules/ by `git charter rules --markdown`; do not edit. -->\n\n",
    );
    md.push_str(
        "Every rule carries examples and negative examples; `git charter rules check` runs them \
         all (positives must get past the prefilter and be reported, negatives must not), for the \
         built-ins and for a team's own rules alike.\n\n",
    );
    md.push_str("## Secret rules\n\n");
    secrets(&mut md);
    md.push_str("\n## Insecure patterns\n\n");
    insecure_patterns(&mut md);
    md.push_str("\n## AI-tool signatures\n\n");
    ai_signatures(&mut md);
    md
}

/// Every built-in rule id, one `kind id` per line: renaming a rule shows up in review.
pub fn rule_ids() -> String {
    let mut out = String::new();
    for (_, r) in secrets::builtin_specs().unwrap_or_default() {
        let _ = writeln!(out, "secret {}", r.id);
    }
    for r in insecure::builtin_rules().unwrap_or_default() {
        let _ = writeln!(out, "insecure {}", r.id);
    }
    for s in signatures::builtin_specs().unwrap_or_default() {
        let _ = writeln!(out, "signature {}", s.id);
    }
    out
}

/// The policy catalogue (docs/policies.md), generated from the built-in policies' METADATA.
/// `policies` are the built-in policies as `policy check` reads them.
pub fn policies_markdown(policies: &[Policy]) -> String {
    let mut policies: Vec<&Policy> = policies.iter().filter(|p| !p.declares.is_empty()).collect();
    policies.sort_by(|a, b| a.id().cmp(b.id()));
    let mut s = String::from(
        "# Built-in policies\n\n\
         Generated from the policies' METADATA by `git charter policy list --markdown`; CI fails when it drifts.\n\
         `git charter explain ID` prints one entry; `git charter policy list` shows the policies in force, team ones included.\n\
         Switch one off with `policies.disable: [ID]` in the charter, or make it advisory with `policies.warn_only: [ID]`.\n\n\
         | id | title | severity | stages | source |\n|---|---|---|---|---|\n",
    );
    let stages = |p: &&Policy| {
        p.metadata
            .custom
            .stages
            .as_ref()
            .map(|v| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_else(|| "all".into())
    };
    for p in &policies {
        s.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | `{}` |\n",
            p.id(),
            p.id().to_ascii_lowercase(),
            p.title(),
            p.severity(),
            stages(p),
            p.origin
        ));
    }
    for p in &policies {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        s.push_str(&format!(
            "\n## {}\n\n**{}** · severity {} · stages: {} · package `{}`\n\n",
            p.id(),
            p.title(),
            p.severity(),
            stages(p),
            p.package
        ));
        if let Some(d) = &p.metadata.description {
            s.push_str(&one_line(d));
            s.push_str("\n\n");
        }
        if let Some(r) = &p.metadata.custom.remediation {
            s.push_str(&format!("Remediation: {}\n", one_line(r)));
        }
    }
    s
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn secrets(md: &mut String) {
    let specs = match secrets::builtin_specs() {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(md, "The built-in rules do not load: {e}");
            return;
        }
    };
    let _ = writeln!(
        md,
        "{} built-in rules. Each runs only where one of its keywords occurs (ASCII case-insensitive), \
         then confirms with its regex and, where noted, an entropy floor or a checksum. \
         Placeholders (`EXAMPLE`, `xxxx`, `${{VAR}}`, `<your-key>`, `changeme`, redacted values) never match.\n",
        specs.len()
    );
    md.push_str(
        "Findings carry the rule id, the file, line and column, a redacted preview (at most four characters \
         and never more than a quarter of the secret) and a fingerprint `rule:path:sha256-prefix` without a \
         line number, so a baseline survives edits around a secret.\n\n\
         **Suppressing a finding.** Put `charter:allow` on the line (`gitleaks:allow` and \
         `pragma: allowlist secret` work too), or list paths, regexes or stopwords under `secrets:` in \
         `.charter/charter.yaml` (`allow_paths`, `allow_regexes`, `stopwords`); turn a rule off with \
         `disable: [rule-id]`.\n\n\
         **Bringing gitleaks or betterleaks rules.** Point `secrets.gitleaks_config` at the team's TOML: its \
         `[[rules]]` (regex, secretGroup, entropy, keywords, path, allowlists) run next to these, its global \
         `[allowlist]` applies to all, `[extend] disabledRules` turns built-ins off and `useDefault = false` \
         keeps only the team's rules. Go regex syntax is translated; a pattern Rust cannot run \
         (look-around, backreferences) is reported with the file and rule id.\n",
    );
    let mut current = "";
    for (origin, r) in &specs {
        if origin != current {
            current = origin;
            let section = origin
                .rsplit('/')
                .next()
                .unwrap_or(origin)
                .trim_end_matches(".toml");
            let _ = writeln!(
                md,
                "\n### {section}\n\n| id | detects | keywords | checks |\n|---|---|---|---|"
            );
        }
        let mut checks = Vec::new();
        if let Some(e) = r.entropy {
            checks.push(format!("entropy ≥ {e}"));
        }
        if r.checksum.is_some() {
            checks.push("CRC32 checksum".to_string());
        }
        if r.generic {
            checks.push("random-looking value, descriptive names skipped".to_string());
        }
        if let Some(p) = &r.pair {
            checks.push(format!(
                "paired with `{}` within {} lines",
                p.with, p.within_lines
            ));
        }
        let title = match r.references.first() {
            Some(url) => format!("[{}]({url})", r.title),
            None => r.title.clone(),
        };
        let kws: Vec<String> = r
            .keywords
            .iter()
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect();
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} |",
            r.id,
            title.replace('|', "\\|"),
            kws.join(" "),
            checks.join("; ")
        );
    }
}

fn insecure_patterns(md: &mut String) {
    let rules = match insecure::builtin_rules() {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(md, "The built-in patterns do not load: {e}");
            return;
        }
    };
    let _ = writeln!(
        md,
        "{} built-in patterns, matched on added lines only where one of their keywords occurs \
         (commented-out lines do not count). The charter decides what each one does \
         (`insecure.default`, `insecure.rules.<id>: off | warn | deny`) and may add its own \
         (`insecure.patterns`, same format as `rules/insecure/*.yaml`).\n",
        rules.len()
    );
    md.push_str("| id | detects | severity | keywords | references |\n|---|---|---|---|---|\n");
    for r in &rules {
        let kws: Vec<String> = r
            .keywords
            .iter()
            .map(|k| format!("`{}`", cell(k)))
            .collect();
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} |",
            r.id,
            cell(&r.title),
            r.severity,
            kws.join(" "),
            cell(&r.references.join(", "))
        );
    }
}

fn ai_signatures(md: &mut String) {
    let specs = match signatures::builtin_specs() {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(md, "The built-in signatures do not load: {e}");
            return;
        }
    };
    let _ = writeln!(
        md,
        "{} built-in signatures of AI coding tools in commit messages, trailers and identities. \
         Each gives evidence of a strength; the charter's `disclosure.require_for` says from which \
         strength a disclosure trailer is required. A team adds its own under `ai.signatures` and \
         switches built-ins off with `ai.disable`.\n",
        specs.len()
    );
    md.push_str("| id | tool | strength | looks at | fallback |\n|---|---|---|---|---|\n");
    for s in &specs {
        let places: Vec<String> = s
            .applies_to
            .iter()
            .map(|w| format!("{w:?}").to_lowercase())
            .collect();
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} |",
            s.id,
            cell(&s.tool),
            format!("{:?}", s.strength).to_lowercase(),
            places.join(", "),
            if s.fallback { "yes" } else { "" }
        );
    }
}
