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
                violations,
                ..Totals::default()
            };
            return Ok(Report::new(stage, totals, None, rule_infos(&evaluator))
                .with_switched_off(switched_off(&session.charter.charter)));
        }
        r => r?,
    };
    let mut evaluator = pending.wait()?;
    let violations = session.judge(&mut evaluator, &input)?;
    let nothing =
        (input.files.is_empty() && stage == Stage::PreCommit).then(|| "nothing staged".to_string());
    let totals = Totals {
        violations,
        suppressed: Suppressed::of(&input, None),
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
    Ok(index_input(&session, stage, file)?.0)
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
    let commit = session.commit_facts(message, git.author.clone(), git.committer.clone());
    let analysis = session.analyze_staged(&changes);
    let baselined = analysis.baselined;
    let input = session.input(stage, &session.repo.head_info(), commit, analysis);
    Ok((input, baselined))
}
