//! The hooks that judge the index: pre-commit, commit-msg, and `input` (the document they would judge).
//! Sequencing only: collect (staged changes, message) → detect (analysis, commit facts) → input → policy → report.

use super::session::{Session, rule_infos, switched_off, too_large_verdict};
use crate::error::{Error, Result};
use crate::input::Input;
use crate::model::Stage;
use crate::report::{Report, Suppressed, Totals};
use std::path::Path;

/// The pre-commit hook: judge what is staged.
pub fn pre_commit(dir: &Path) -> Result<Report> {
    judge_index(dir, Stage::PreCommit, None)
}

/// The commit-msg hook: the message as git will store it, with the staged changes still in the index.
pub fn commit_msg(dir: &Path, file: &Path) -> Result<Report> {
    judge_index(dir, Stage::CommitMsg, Some(file))
}

/// Both hooks: the index git is committing and, at commit-msg, the message.
fn judge_index(dir: &Path, stage: Stage, message_file: Option<&Path>) -> Result<Report> {
    let (session, pending) = Session::open_with_evaluator(dir)?;
    let (input, baselined) = match index_input(&session, stage, message_file) {
        // Over limits.max_files: nothing was scanned; the charter says whether that is an error or a deny.
        Err(e @ Error::TooLarge { .. }) => {
            let violations = too_large_verdict(&session.charter.charter, e)?;
            let evaluator = pending.wait()?;
            let totals = Totals {
                subjects: Vec::new(),
                violations,
                ..Totals::default()
            };
            return Ok(Report::new(stage, totals, None, rule_infos(&evaluator))
                .with_switched_off(switched_off(&session.charter.charter)));
        }
        r => r?,
    };
    let mut evaluator = pending.wait()?;
    let judged = session.judge(&mut evaluator, &input)?;
    let nothing =
        (input.files.is_empty() && stage == Stage::PreCommit).then(|| "nothing staged".to_string());
    let mut suppressed = Suppressed::of(&input, None);
    suppressed.extend(Suppressed::waived(judged.waived, None));
    let totals = Totals {
        subjects: Vec::new(),
        violations: judged.violations,
        suppressed,
        stats: input.stats,
        commits: 0,
        baselined,
    };
    Ok(Report::new(stage, totals, nothing, rule_infos(&evaluator))
        .with_switched_off(switched_off(&session.charter.charter)))
}

/// The input document for a stage, as the policies would receive it.
pub fn input_document(dir: &Path, stage: Stage, file: Option<&Path>) -> Result<Input> {
    if stage == Stage::Agent {
        return Err(super::agent::no_stage_input());
    }
    let session = Session::open(dir)?;
    match (stage, file) {
        (Stage::CommitMsg, None) => {
            return Err(Error::Usage("--stage commit-msg needs the message file: git charter input --stage commit-msg FILE".into()));
        }
        (stage, Some(f)) if stage != Stage::CommitMsg => {
            return Err(Error::Usage(format!(
                "{}: a message file is only read with --stage commit-msg",
                f.display()
            )));
        }
        _ => {}
    }
    let input = index_input(&session, stage, file)?.0;
    // What the policies that ask for files' content or parsed documents would receive.
    let asking = session
        .sources
        .iter()
        .any(|s| !s.builtin && s.text.contains("needs"));
    if asking {
        let evaluator = session.evaluator()?;
        if let Some(filled) = session.with_content(evaluator.policies(), &input)? {
            return Ok(filled);
        }
    }
    Ok(input)
}

/// `explain ID --why`: the policy with that id evaluated alone on the input document of `stage`
/// (what is staged now, and the message file at commit-msg), with the values it read.
pub fn explain_why(
    dir: &Path,
    id: &str,
    stage: Stage,
    file: Option<&Path>,
) -> Result<crate::policy::Why> {
    let input = input_document(dir, stage, file)?;
    let session = Session::open(dir)?;
    let charter = serde_json::to_value(&session.charter.charter).expect("charter serialises");
    let input_json = serde_json::to_string(&input).expect("input serialises");
    let budget = session.charter.charter.limits.policy_timeout_ms;
    let explanation = crate::policy::explain(
        &session.sources,
        &charter.to_string(),
        &input_json,
        id,
        budget.max(crate::policy::COMMAND_BUDGET_MS),
    )?
    .ok_or_else(|| {
        Error::Usage(format!(
            "no policy with id `{id}` (see `git charter policy list`)"
        ))
    })?;
    let doc = serde_json::to_value(&input).expect("input serialises");
    let value_of = |root: &serde_json::Value, path: &str, skip: usize| {
        let mut v = Some(root);
        for key in path.split('.').skip(skip) {
            v = v.and_then(|x| x.get(key));
        }
        v.cloned()
    };
    let inputs = explanation
        .input_paths
        .iter()
        .map(|p| (p.clone(), value_of(&doc, p, 1)))
        .collect();
    let settings = explanation
        .charter_paths
        .iter()
        .map(|p| (p.clone(), value_of(&charter, p, 2)))
        .collect();
    let c = &session.charter.charter.policies;
    let pid = explanation.policy.id().to_string();
    let switched = if c.disable.iter().any(|d| d.eq_ignore_ascii_case(&pid)) {
        Some("policies.disable switches it off: the hooks do not run it".to_string())
    } else if c.warn_only.iter().any(|d| d.eq_ignore_ascii_case(&pid)) {
        Some("policies.warn_only: its denials are reported as warnings".to_string())
    } else if !explanation.policy.applies_to(stage) {
        Some(format!(
            "it does not run at the {stage} stage (METADATA custom.stages)"
        ))
    } else {
        None
    };
    Ok(crate::policy::Why {
        stage,
        explanation,
        inputs,
        settings,
        switched,
    })
}

/// The index (and the message, if any) as an input document, and how many findings the baseline hid.
fn index_input(
    session: &Session,
    stage: Stage,
    message_file: Option<&Path>,
) -> Result<(Input, u32)> {
    let message = message_file
        .map(|f| session.message_from_file(f))
        .transpose()?;
    let changes = session.staged()?;
    let git = session.git_settings();
    let mut commit = session.commit_facts(message, git.author.clone(), git.committer.clone());
    session.add_provenance(&mut commit, None, &changes);
    let analysis = session.analyze_staged(&changes);
    let baselined = analysis.baselined;
    let input = session.input(stage, &session.repo.head_info(), commit, analysis);
    Ok((input, baselined))
}
