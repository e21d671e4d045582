//! The policy and charter commands: `policy test`, `policy check`, `policy list`, `explain`,
//! `charter` and `rules`. They work inside or outside a repository.

use super::session::{CharterParts, Detectors, charter_root, read_charter, read_policies};
use crate::collect::{CharterSource, GitError, files};
use crate::config::Charter;
use crate::config::date::Date;
use crate::config::waivers::Waiver;
use crate::error::{Error, Result};
use crate::policy::{self, PolicyError, Source};
use std::path::Path;

/// The charter source for commands run in `cwd`.
fn work_tree(cwd: &Path) -> CharterSource<'static> {
    CharterSource::WorkTree(charter_root(cwd))
}

/// The policies of `dir` (a directory or one file), or the built-ins when no `dir` is given.
fn policy_dir_sources(dir: Option<&Path>, cwd: &Path) -> Result<Vec<Source>> {
    let Some(d) = dir else {
        return Ok(policy::builtin_sources());
    };
    // Without `.` components, so that files are named `dir/p.rego`, not `dir/./p.rego`.
    let d: std::path::PathBuf = if d.is_absolute() {
        d.to_path_buf()
    } else {
        cwd.join(d)
    }
    .components()
    .collect();
    if !d.exists() {
        return Err(Error::Usage(format!(
            "{}: no such file or directory",
            d.display()
        )));
    }
    let found = files::rego_files(&d).map_err(|e| match e {
        GitError::Io { path, source } => Error::Policy(PolicyError::Io { path, source }),
        other => Error::Git(other),
    })?;
    Ok(found
        .into_iter()
        .map(|(path, text)| Source {
            origin: path.display().to_string(),
            text,
            builtin: false,
        })
        .collect())
}

/// `policy test [DIR]`.
/// `timeout_ms` covers loading, parsing and running every test; `run` is a regex over
/// `package.test_name`.
pub fn policy_test(
    cwd: &Path,
    dir: Option<&Path>,
    timeout_ms: u64,
    run: Option<&str>,
    coverage: bool,
) -> Result<policy::TestRun> {
    let run = run
        .map(|r| {
            regex::RegexBuilder::new(r)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| Error::Usage(format!("--run: {e}")))
        })
        .transpose()?;
    // Without a directory: the team's policies in `.charter/policies/` when there are any (layered
    // over the built-ins, whose tests are not run again), else the built-ins.
    let (sources, only_team) = match dir {
        Some(_) => (policy_dir_sources(dir, cwd)?, false),
        None => team_or_builtin(cwd)?,
    };
    let charter = read_charter(&work_tree(cwd))?;
    let charter_json = serde_json::to_string(&charter.charter).expect("charter serialises");
    let options = policy::TestOptions {
        run,
        coverage,
        only_team,
    };
    Ok(policy::run_tests_with(
        &sources,
        &charter_json,
        timeout_ms,
        &options,
    )?)
}

/// The work tree's policies (built-ins with the team's layered over them) and `true` when the
/// team has any; the built-ins alone and `false` otherwise.
fn team_or_builtin(cwd: &Path) -> Result<(Vec<Source>, bool)> {
    let source = work_tree(cwd);
    let layered = read_policies(&source, &read_charter(&source)?)?;
    if layered.iter().any(|s| !s.builtin) {
        Ok((layered, true))
    } else {
        Ok((policy::builtin_sources(), false))
    }
}

/// `policy check [DIR]`: without `DIR`, the team's policies layered over the built-ins when the
/// work tree has any, else the built-ins.
/// `timeout_ms` covers loading and parsing them.
pub fn policy_check(
    cwd: &Path,
    dir: Option<&Path>,
    timeout_ms: u64,
) -> Result<(Vec<policy::Policy>, Vec<policy::CheckProblem>)> {
    let sources = match dir {
        Some(_) => policy_dir_sources(dir, cwd)?,
        None => team_or_builtin(cwd)?.0,
    };
    Ok(policy::check(&sources, timeout_ms)?)
}

/// `policy list`: the policies in force for this repository.
pub fn policy_list(cwd: &Path) -> Result<Vec<policy::Policy>> {
    let source = work_tree(cwd);
    let charter = read_charter(&source)?;
    let budget = charter.charter.limits.policy_timeout_ms;
    let mut policies = policy::check(&read_policies(&source, &charter)?, budget)?.0;
    policies.retain(|p| !p.declares.is_empty());
    Ok(policies)
}

/// The built-in policies as `policy check` reads them (for the catalogue, docs/policies.md).
pub fn builtin_policies() -> Result<Vec<policy::Policy>> {
    Ok(policy::check(&policy::builtin_sources(), policy::COMMAND_BUDGET_MS)?.0)
}

/// Whatever an id the output names is: a policy, a secret rule, an insecure pattern, an AI-tool
/// signature or a class.
#[derive(Debug, Clone)]
pub enum Explained {
    Policy(Box<policy::Policy>),
    Secret(crate::detect::secrets::RuleInfo),
    Insecure {
        rule: Box<crate::rules::insecure::InsecureRule>,
        /// The charter's action for it (`insecure.rules`, else `insecure.default`).
        action: crate::config::Action,
    },
    Signature(Box<crate::rules::signatures::SignatureSpec<String>>),
    Class {
        name: String,
        description: String,
        ai: crate::config::review::AiRule,
    },
}

/// `explain ID`: the policy in force with that id, else the secret rule, insecure pattern, AI
/// signature or class of that name (each case-insensitive), in that order: every id the console
/// prints can be explained.
pub fn explain_any(cwd: &Path, id: &str) -> Result<Explained> {
    let policies = policy_list(cwd)?;
    if let Some(p) = policies
        .into_iter()
        .find(|p| p.id().eq_ignore_ascii_case(id))
    {
        return Ok(Explained::Policy(Box::new(p)));
    }
    let parts = CharterParts::read(&work_tree(cwd))?;
    let charter = &parts.charter.charter;
    if let Some(r) = Detectors::build(&parts)?
        .secrets
        .rules()
        .into_iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
    {
        return Ok(Explained::Secret(r));
    }
    // The embedded rule files are checked by tests; an error here is a build that went wrong.
    let embedded = |e: crate::rules::RuleError| {
        Error::Config(crate::config::ConfigError {
            path: "<embedded>".into(),
            location: None,
            message: e.to_string(),
        })
    };
    let insecure = crate::rules::insecure::builtin_rules()
        .map_err(embedded)?
        .into_iter()
        .chain(charter.insecure.patterns.iter().cloned())
        .find(|r| r.id.eq_ignore_ascii_case(id));
    if let Some(rule) = insecure {
        let action = charter
            .insecure
            .rules
            .get(&rule.id)
            .copied()
            .unwrap_or(charter.insecure.default);
        return Ok(Explained::Insecure {
            rule: Box::new(rule),
            action,
        });
    }
    let signature = crate::rules::signatures::builtin_specs()
        .map_err(embedded)?
        .into_iter()
        .find(|s| s.id.eq_ignore_ascii_case(id))
        .or_else(|| {
            charter
                .ai
                .signatures
                .iter()
                .find(|s| s.id.eq_ignore_ascii_case(id))
                .map(crate::detect::ai::team_spec)
        });
    if let Some(s) = signature {
        return Ok(Explained::Signature(Box::new(s)));
    }
    if let Some((name, def)) = charter
        .classes
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(id))
    {
        return Ok(Explained::Class {
            name: name.clone(),
            description: def.description.clone(),
            ai: def.ai,
        });
    }
    Err(Error::Usage(format!(
        "no policy, secret rule, insecure pattern, AI signature or class is named `{id}` \
         (see `git charter policy list` and `git charter rules`)"
    )))
}

/// `explain ID`: the policy in force with that id (case-insensitive).
pub fn explain(cwd: &Path, id: &str) -> Result<policy::Policy> {
    policy_list(cwd)?
        .into_iter()
        .find(|p| p.id().eq_ignore_ascii_case(id))
        .ok_or_else(|| {
            Error::Usage(format!(
                "no policy with id `{id}` (see `git charter policy list`)"
            ))
        })
}

/// `waivers`: today's date and the waivers of the work tree's `.charter/waivers.yaml`.
pub fn waivers(cwd: &Path) -> Result<(Date, Vec<Waiver>)> {
    Ok((Date::today(), read_charter(&work_tree(cwd))?.waivers.list))
}

/// `charter`: the effective charter.
pub fn effective_charter(cwd: &Path) -> Result<Charter> {
    Ok(read_charter(&work_tree(cwd))?.charter)
}

/// `charter update`: fetches the organisation bundle the work tree's `.charter/charter.yaml`
/// pins (whatever the cache holds), caches it under its digest, and checks that the charter
/// layers over it (a locked key changed here is an error naming both files).
pub fn charter_update(cwd: &Path) -> Result<crate::report::BundleUpdate> {
    use crate::collect::{Repo, bundle};
    let repo = Repo::discover(cwd)?;
    let source = CharterSource::WorkTree(repo.root().to_path_buf());
    let file = source.charter_file();
    let no_extends = || {
        Error::Usage(format!(
            "{} has no `extends:`, so there is no organisation charter to update (docs/organisation.md)",
            file.display()
        ))
    };
    let text = super::session::read_charter_text(&source)?.ok_or_else(no_extends)?;
    let extends = crate::config::team_extends(&file, &text)?.ok_or_else(no_extends)?;
    let (fetched, cache) = bundle::update(&repo, &extends).map_err(|e| {
        Error::Config(crate::config::ConfigError {
            path: file.clone(),
            location: crate::config::locate(&text, "extends"),
            message: format!("extends: {e}"),
        })
    })?;
    let name = extends.name(bundle::CHARTER);
    crate::config::from_layers(
        &file,
        &text,
        Some(&crate::config::BundleCharter {
            name: &name,
            text: fetched.charter(),
        }),
    )?;
    let digest = fetched.digest();
    Ok(crate::report::BundleUpdate {
        bundle: extends.label(),
        commit: extends.commit.clone(),
        matches: extends.digest.as_deref() == Some(digest.as_str()),
        pinned: extends.digest.clone(),
        digest,
        cache,
        files: fetched.files.iter().map(|f| f.path.clone()).collect(),
    })
}

/// `rules`: every secret rule in force (built-ins and the team's gitleaks config).
/// `rules check`: every rule kind's examples, for the rule sets in force (built-ins, the charter's
/// own insecure patterns and AI signatures, the team's gitleaks config).
pub fn rules_check(cwd: &Path) -> Result<crate::rules::check::Outcome> {
    use crate::detect::{ai::SignatureRuleSet, insecure::InsecureRuleSet, secrets::SecretRuleSet};
    use crate::rules::check::check;
    let parts = CharterParts::read(&work_tree(cwd))?;
    let c = &parts.charter.charter;
    let err = |e: &dyn std::fmt::Display| super::session::charter_error(&parts.charter, e);
    let secrets = SecretRuleSet::new(&c.secrets, &parts.gitleaks).map_err(|e| err(&e))?;
    let insecure = InsecureRuleSet::new(&c.insecure).map_err(|e| err(&e))?;
    let signatures = SignatureRuleSet::new(&c.ai).map_err(|e| err(&e))?;
    let mut outcome = crate::rules::check::Outcome::default();
    let sets: [&dyn crate::rules::check::RuleSet; 3] = [&secrets, &insecure, &signatures];
    for set in sets {
        let (checked, problems) = check(set);
        outcome.kinds.push((set.kind(), checked));
        outcome.problems.extend(problems);
    }
    Ok(outcome)
}

pub fn rules(cwd: &Path) -> Result<Vec<crate::detect::secrets::RuleInfo>> {
    let parts = CharterParts::read(&work_tree(cwd))?;
    Ok(Detectors::build(&parts)?.secrets.rules())
}
