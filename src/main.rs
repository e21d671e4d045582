//! The git-charter binary: parse the command line, run the stage, render, exit.
//! The only place that exits; exit codes are documented in the README and pinned by tests.

use clap::Parser;
use git_charter::cli::{Cli, Command, Format, PolicyCommand};
use git_charter::error::{Error, exit};
use git_charter::{app, report};
use std::path::PathBuf;

fn main() {
    let cli = Cli::parse();
    report::init_color(cli.global.color);
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            report::error(&e.to_string());
            e.exit_code()
        }
    };
    std::process::exit(code);
}

fn cwd(cli: &Cli) -> Result<PathBuf, Error> {
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    Ok(match &cli.global.dir {
        Some(d) if d.is_absolute() => d.clone(),
        Some(d) => here.join(d),
        None => here,
    })
}

fn emit(text: &str) -> Result<(), Error> {
    report::out(text).map_err(|e| Error::io("<stdout>", e))
}

fn verdict(r: &report::Report, cli: &Cli) -> Result<i32, Error> {
    if let Some(n) = &r.nothing
        && cli.global.format == Format::Console
        && !cli.global.quiet
    {
        report::note(&format!("{n}; nothing to judge"));
    }
    emit(&report::render(r, cli.global.format, cli.global.quiet))?;
    Ok(if r.denied() { exit::DENIED } else { exit::OK })
}

fn run(cli: &Cli) -> Result<i32, Error> {
    let dir = cwd(cli)?;
    match &cli.command {
        Command::PreCommit => verdict(&app::pre_commit(&dir)?, cli),
        Command::CommitMsg { file } => verdict(&app::commit_msg(&dir, &dir.join(file))?, cli),
        Command::Input { stage, file } => {
            let file = file.as_ref().map(|f| dir.join(f));
            let doc = app::input_document(&dir, *stage, file.as_deref())?;
            emit(&(serde_json::to_string_pretty(&doc).expect("input serialises") + "\n"))?;
            Ok(exit::OK)
        }
        Command::Policy(PolicyCommand::Test { dir: d }) => {
            let outcomes = app::policy_test(&dir, d.as_deref())?;
            emit(&report::policy::tests(&outcomes, cli.global.format))?;
            Ok(if outcomes.iter().all(|o| o.passed) && !outcomes.is_empty() {
                exit::OK
            } else {
                exit::DENIED
            })
        }
        Command::Policy(PolicyCommand::Check { dir: d }) => {
            let (policies, problems) = app::policy_check(&dir, d.as_deref())?;
            emit(&report::policy::check(&policies, &problems, cli.global.format))?;
            Ok(if problems.is_empty() { exit::OK } else { exit::DENIED })
        }
        Command::Policy(PolicyCommand::List) => {
            let policies = app::policy_list(&dir)?;
            emit(&report::policy::list(&policies, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Charter => {
            emit(&app::effective_charter(&dir)?)?;
            Ok(exit::OK)
        }
        other => Err(Error::Usage(format!("`{other:?}` is not available in this build yet"))),
    }
}
