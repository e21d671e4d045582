//! OPA-style `# METADATA` blocks, read from the policy text by the binary itself
//! (regorus does not evaluate `rego.metadata.*`).

use crate::model::{Severity, Stage};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub related_resources: Option<yaml_serde::Value>,
    #[serde(default)]
    pub authors: Option<yaml_serde::Value>,
    #[serde(default)]
    pub organizations: Option<yaml_serde::Value>,
    #[serde(default)]
    pub schemas: Option<yaml_serde::Value>,
    #[serde(default)]
    pub entrypoint: Option<bool>,
    #[serde(default)]
    pub custom: Custom,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub remediation: Option<String>,
    /// Stages the policy applies to; absent means every stage.
    #[serde(default)]
    pub stages: Option<Vec<Stage>>,
    /// What of the staged files the policy reads beyond the facts: `[content]`, `[parsed]`, or
    /// globs per kind (`{content: ["**/*.sh"], parsed: ["k8s/**"]}`). Only then does the input
    /// carry it, for the files the globs match.
    #[serde(default)]
    pub needs: Option<Needs>,
}

/// `custom.needs`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Needs {
    /// `[content]`, `[parsed]`, `[content, parsed]`: for every file.
    Kinds(Vec<NeedKind>),
    /// Globs per kind.
    Globs(NeedGlobs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NeedKind {
    Content,
    Parsed,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedGlobs {
    #[serde(default)]
    pub content: Vec<String>,
    #[serde(default)]
    pub parsed: Vec<String>,
}

impl Needs {
    /// The globs of the files whose text (`content`) or parsed document (`parsed`) is needed.
    pub fn globs(&self, kind: NeedKind) -> Vec<String> {
        match self {
            Needs::Kinds(k) if k.contains(&kind) => vec!["**".to_string()],
            Needs::Kinds(_) => Vec::new(),
            Needs::Globs(g) => match kind {
                NeedKind::Content => g.content.clone(),
                NeedKind::Parsed => g.parsed.clone(),
            },
        }
    }
}

/// What a policy file declares: its package and the METADATA block just above it.
#[derive(Debug, Clone)]
pub struct Header {
    pub package: String,
    pub package_line: usize,
    pub metadata: Option<Metadata>,
}

#[derive(Debug, thiserror::Error)]
#[error("{line}: {message}")]
pub struct MetadataError {
    pub line: usize,
    pub message: String,
}

/// Finds the `package` line and the METADATA comment block attached to it.
pub fn parse_header(text: &str) -> Result<Option<Header>, MetadataError> {
    parse_header_with(text, None)
}

/// `parse_header`, given the METADATA block already converted to JSON (build.rs does it for the
/// built-in policies): the same header, without a YAML parse. A block that does not read from
/// the JSON is parsed from the text.
pub fn parse_header_with(text: &str, json: Option<&str>) -> Result<Option<Header>, MetadataError> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((pkg_idx, package)) = lines.iter().enumerate().find_map(|(i, l)| {
        let rest = l.trim_start().strip_prefix("package ")?;
        let name = rest.split('#').next()?.trim();
        (!name.is_empty()).then(|| (i, name.to_string()))
    }) else {
        return Ok(None);
    };
    // The METADATA block is the run of comment lines that starts with `# METADATA` before the package.
    let mut start = None;
    for (i, l) in lines[..pkg_idx].iter().enumerate() {
        if l.trim() == "# METADATA" {
            start = Some(i);
        }
    }
    let pre_parsed = || serde_json::from_str::<Metadata>(json.filter(|j| !j.is_empty())?).ok();
    let metadata = match start {
        None => None,
        Some(_) if let Some(md) = pre_parsed() => Some(md),
        Some(s) => {
            let mut yaml = String::new();
            for l in &lines[s + 1..pkg_idx] {
                let t = l.trim_start();
                let Some(c) = t.strip_prefix('#') else { break };
                yaml.push_str(c.strip_prefix(' ').unwrap_or(c));
                yaml.push('\n');
            }
            let md: Metadata = yaml_serde::from_str(&yaml).map_err(|e| MetadataError {
                line: s
                    + 2
                    + e.location()
                        .map(|l| l.line().saturating_sub(1))
                        .unwrap_or(0),
                message: format!("invalid METADATA: {}", strip_location(&e.to_string())),
            })?;
            Some(md)
        }
    };
    Ok(Some(Header {
        package,
        package_line: pkg_idx + 1,
        metadata,
    }))
}

fn strip_location(msg: &str) -> &str {
    msg.find(" at line ").map_or(msg, |i| &msg[..i])
}

/// Names of the `test_*` rules defined at the top level of a test file, in order, without duplicates.
pub fn test_rule_names(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if !l.starts_with("test_") {
            continue;
        }
        let name: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, i + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_above_package() {
        let text = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: CH-X-001\n#   severity: high\n#   stages: [pre-commit, ci]\npackage gitcharter.x\n";
        let h = parse_header(text).unwrap().unwrap();
        assert_eq!(h.package, "gitcharter.x");
        let md = h.metadata.unwrap();
        assert_eq!(md.title.as_deref(), Some("T"));
        assert_eq!(md.custom.id.as_deref(), Some("CH-X-001"));
        assert_eq!(md.custom.severity, Some(Severity::High));
        assert_eq!(md.custom.stages, Some(vec![Stage::PreCommit, Stage::Ci]));
    }

    #[test]
    fn needs_reads_as_kinds_or_as_globs_per_kind() {
        let md = |needs: &str| {
            let text = format!("# METADATA\n# custom:\n#   needs: {needs}\npackage p\n");
            parse_header(&text).map(|h| h.unwrap().metadata.unwrap().custom.needs.unwrap())
        };
        let n = md("[parsed]").unwrap();
        assert_eq!(n.globs(NeedKind::Parsed), ["**"]);
        assert!(n.globs(NeedKind::Content).is_empty());
        let n = md("{content: [\"**/*.sh\"]}").unwrap();
        assert_eq!(n.globs(NeedKind::Content), ["**/*.sh"]);
        assert!(md("[everything]").is_err());
        assert!(md("{text: [a]}").is_err());
    }

    #[test]
    fn bad_metadata_names_the_line() {
        let text = "# METADATA\n# title: T\n# custom:\n#   severity: extreme\npackage p\n";
        let e = parse_header(text).unwrap_err();
        assert_eq!(e.line, 4, "{e}");
    }

    #[test]
    fn finds_test_rules() {
        let t = "package p_test\ntest_a if { true }\ntest_b if {\n}\ntest_a if { false }\nnot_test if { true }\n";
        let names: Vec<_> = test_rule_names(t).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["test_a", "test_b"]);
    }
}
