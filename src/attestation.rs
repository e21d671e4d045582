//! git-charter's own provenance record of a commit (`git charter attest`, `ci --attest`), kept as a
//! git note in `refs/notes/charter`: what judged it (binary, charter and policy digests), the verdict
//! per stage, the AI evidence, disclosure, reviewers, signature and approvals, and a scan summary
//! with no secret material. A versioned JSON schema (docs/provenance.md); built from the input
//! document, which holds only redacted strings. Pure: no git, no regorus, no printing.

use crate::input::Input;
use crate::model::{Level, Stage, Strength, Violation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCHEMA: &str = "git-charter/attestation";
/// Bump on an incompatible change; fields may be added without one.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attestation {
    pub schema: String,
    pub schema_version: u32,
    pub commit: String,
    pub tree: String,
    pub parents: Vec<String>,
    /// The commit's committer date, seconds since the epoch, and that day (UTC).
    pub committed: i64,
    pub date: String,
    /// When this record was made, seconds since the epoch.
    pub attested: i64,
    /// `git-charter <version>`.
    pub tool: String,
    /// `sha256:` of the effective charter (as `git charter charter` prints it, in JSON).
    pub charter_digest: String,
    /// `sha256:` of the policy set in force (every built-in and team policy, by origin and text).
    pub policy_digest: String,
    /// The worst verdict over every stage: `pass`, `warn` or `deny`.
    pub verdict: String,
    /// Per hook stage and ci: the verdict of that stage's policies and the ids that denied or warned.
    pub stages: BTreeMap<String, StageVerdict>,
    pub author: Option<Person>,
    pub committer: Option<Person>,
    pub ai: Ai,
    pub disclosure: Disclosure,
    /// Distinct reviewers the review trailers name (e-mails; the author and AI identities excluded).
    pub reviewers: Vec<String>,
    pub signature: Option<Signature>,
    pub approvals: Vec<Approval>,
    pub files: Vec<FileEntry>,
    pub scan: Scan,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageVerdict {
    pub verdict: String,
    pub denied: Vec<String>,
    pub warned: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ai {
    /// Medium or strong evidence, or a disclosure.
    pub assisted: bool,
    /// `strong`, `medium` or `weak`; absent without evidence.
    pub strength: Option<String>,
    /// Distinct tools named by medium or strong evidence.
    pub tools: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Identities and lines from provenance records (`commit.provenance.identities`).
    pub identities: Vec<Identity>,
    /// Lines the provenance records attribute to an AI.
    pub lines: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub signature: String,
    pub tool: String,
    pub strength: String,
    #[serde(rename = "where")]
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub identity: String,
    pub tool: String,
    pub model: Option<String>,
    pub lines: u32,
    pub files: u32,
    pub disclosed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// The charter required a disclosure (CH-AI-001's blocking evidence) and whether one was made.
    pub required: bool,
    pub disclosed: bool,
    /// The disclosure trailers as written (`key: value`).
    pub trailers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signed: bool,
    pub format: Option<String>,
    pub valid: bool,
    pub principal: Option<String>,
    pub fingerprint: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub signer: String,
    pub role: Option<String>,
    pub date: String,
    pub fingerprint: Option<String>,
    pub valid: bool,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub status: String,
    pub tier: String,
    pub classes: Vec<String>,
    pub added_lines: u32,
    pub removed_lines: u32,
}

/// What the secret and insecure-pattern scan found, without any secret material: counts by rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    pub files: u32,
    pub skipped: u32,
    pub findings: u32,
    pub findings_by_rule: BTreeMap<String, u32>,
    pub suppressed: u32,
    pub insecure: u32,
    pub insecure_by_rule: BTreeMap<String, u32>,
}

/// What judged the commit, besides its input document.
pub struct Context<'a> {
    pub tree: String,
    pub committed: i64,
    pub attested: i64,
    pub charter_digest: String,
    pub policy_digest: String,
    /// Each policy id's declared stages (`custom.stages`; `None`: every stage).
    pub stages_of: &'a BTreeMap<String, Option<Vec<Stage>>>,
    /// The report facts of the same evaluation (`gitcharter.report.kpi`'s `commit`).
    pub facts: Option<&'a serde_json::Value>,
    /// The charter's disclosure trailer keys.
    pub disclosure_keys: &'a [String],
}

/// The stages a record reports a verdict for, in workflow order.
pub const STAGES: [Stage; 4] = [
    Stage::PreCommit,
    Stage::CommitMsg,
    Stage::PrePush,
    Stage::Ci,
];

fn worst(levels: impl Iterator<Item = Level>) -> &'static str {
    let mut v = "pass";
    for l in levels {
        match l {
            Level::Deny => return "deny",
            Level::Warn => v = "warn",
        }
    }
    v
}

fn location_name<T: Serialize>(w: &T) -> String {
    serde_json::to_value(w)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl Attestation {
    /// The record of a judged commit, from its input document (judged at the `ci` stage, which
    /// runs every hook's policies) and the violations of that evaluation (waived ones excluded).
    pub fn build(input: &Input, violations: &[Violation], cx: &Context<'_>) -> Attestation {
        let c = &input.commit;
        let mut stages = BTreeMap::new();
        for stage in STAGES {
            let of_stage: Vec<&Violation> = violations
                .iter()
                .filter(|v| match cx.stages_of.get(&v.policy_id) {
                    Some(Some(s)) => s.contains(&stage),
                    _ => true,
                })
                .collect();
            let ids = |level: Level| {
                let mut ids: Vec<String> = of_stage
                    .iter()
                    .filter(|v| v.level == level)
                    .map(|v| v.policy_id.clone())
                    .collect();
                ids.sort();
                ids.dedup();
                ids
            };
            stages.insert(
                stage.as_str().to_string(),
                StageVerdict {
                    verdict: worst(of_stage.iter().map(|v| v.level)).to_string(),
                    denied: ids(Level::Deny),
                    warned: ids(Level::Warn),
                },
            );
        }
        let flag = |k: &str| {
            cx.facts
                .and_then(|f| f.get(k))
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false)
        };
        let reviewers = cx
            .facts
            .and_then(|f| f.get("reviewed_by"))
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|r| r.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let mut tools: Vec<String> = c
            .ai_evidence
            .iter()
            .filter(|e| e.strength != Strength::Weak)
            .map(|e| e.tool.clone())
            .collect();
        tools.sort();
        tools.dedup();
        let mut findings_by_rule = BTreeMap::new();
        for f in &input.findings {
            *findings_by_rule.entry(f.rule_id.clone()).or_insert(0) += 1;
        }
        let mut insecure_by_rule = BTreeMap::new();
        let mut insecure = 0;
        for f in &input.files {
            for m in &f.insecure {
                insecure += 1;
                *insecure_by_rule.entry(m.id.clone()).or_insert(0) += 1;
            }
        }
        let person = |p: &Option<crate::detect::redact::Redacted<crate::model::Ident>>| {
            p.as_ref().map(|p| Person {
                name: p.name.clone(),
                email: p.email.clone(),
            })
        };
        Attestation {
            schema: SCHEMA.into(),
            schema_version: SCHEMA_VERSION,
            commit: c.id.clone().unwrap_or_default(),
            tree: cx.tree.clone(),
            parents: c.parents.clone(),
            committed: cx.committed,
            date: crate::config::date::Date::from_unix(cx.committed).to_string(),
            attested: cx.attested,
            tool: format!("git-charter {}", env!("CARGO_PKG_VERSION")),
            charter_digest: cx.charter_digest.clone(),
            policy_digest: cx.policy_digest.clone(),
            verdict: worst(violations.iter().map(|v| v.level)).to_string(),
            stages,
            author: person(&c.author),
            committer: person(&c.committer),
            ai: Ai {
                assisted: flag("ai_assisted"),
                strength: c
                    .ai_evidence
                    .iter()
                    .map(|e| e.strength)
                    .max()
                    .map(|s| s.as_str().to_string()),
                tools,
                evidence: c
                    .ai_evidence
                    .iter()
                    .map(|e| Evidence {
                        signature: e.signature.clone(),
                        tool: e.tool.clone(),
                        strength: e.strength.as_str().into(),
                        location: location_name(&e.location),
                    })
                    .collect(),
                identities: c
                    .provenance
                    .identities
                    .iter()
                    .map(|i| Identity {
                        identity: i.identity.clone(),
                        tool: i.tool.clone(),
                        model: i.model.clone(),
                        lines: i.lines,
                        files: i.files,
                        disclosed: i.disclosed,
                    })
                    .collect(),
                lines: c.provenance.ai_lines,
            },
            disclosure: Disclosure {
                required: flag("disclosure_required"),
                disclosed: flag("disclosed"),
                trailers: c
                    .trailers
                    .iter()
                    .filter(|t| {
                        cx.disclosure_keys
                            .iter()
                            .any(|k| k.eq_ignore_ascii_case(&t.key))
                    })
                    .map(|t| format!("{}: {}", t.key, t.value))
                    .collect(),
            },
            reviewers,
            signature: c.signature.as_ref().map(|s| Signature {
                signed: s.signed,
                format: s.format.map(str::to_string),
                valid: s.valid,
                principal: s.principal.as_ref().map(|p| p.to_string()),
                fingerprint: s.fingerprint.clone(),
                reason: s.reason.clone(),
            }),
            approvals: c
                .approvals
                .iter()
                .map(|a| Approval {
                    signer: a.signer.to_string(),
                    role: a.role.clone(),
                    date: a.date.clone(),
                    fingerprint: a.fingerprint.clone(),
                    valid: a.valid,
                    reason: a.reason.clone(),
                })
                .collect(),
            files: input
                .files
                .iter()
                .map(|f| FileEntry {
                    path: f.path.to_string(),
                    status: location_name(&f.status),
                    tier: f.tier.clone(),
                    classes: f.classes.clone(),
                    added_lines: f.added_lines,
                    removed_lines: f.removed_lines,
                })
                .collect(),
            scan: Scan {
                files: input.stats.files,
                skipped: input.stats.skipped_binary
                    + input.stats.skipped_large
                    + input.stats.skipped_other,
                findings: input.findings.len() as u32,
                findings_by_rule,
                suppressed: input.suppressed.len() as u32,
                insecure,
                insecure_by_rule,
            },
        }
    }

    /// The note's text: pretty JSON, one record per note.
    pub fn to_note(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a record serialises");
        s.push('\n');
        s
    }

    /// A note's record, when it is one of this schema's major version.
    pub fn from_note(text: &str) -> Result<Attestation, String> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        if v.get("schema").and_then(|s| s.as_str()) != Some(SCHEMA) {
            return Err(format!("not a `{SCHEMA}` record"));
        }
        match v.get("schema_version").and_then(|s| s.as_u64()) {
            Some(n) if n == u64::from(SCHEMA_VERSION) => {}
            Some(n) => {
                return Err(format!(
                    "schema_version {n}, this binary reads {SCHEMA_VERSION}"
                ));
            }
            None => return Err("no schema_version".into()),
        }
        serde_json::from_value(v).map_err(|e| format!("does not match the schema: {e}"))
    }
}
