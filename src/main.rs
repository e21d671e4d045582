//! The git-charter binary: parse the command line, run the stage, render, exit.
//! The only place that exits; exit codes are documented in the README and pinned by tests.

use clap::Parser;
use git_charter::cli::{AgentCommand, CharterCommand, Cli, Command, PolicyCommand, RulesCommand};
use git_charter::error::{Error, exit};
use git_charter::{app, install, report};
use std::path::PathBuf;

fn main() {
    let cli = Cli::parse();
    report::init_color(cli.global.color);
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            let e = app::redact_error(e);
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
    let shown;
    let mut r = if cli.global.show_suppressed {
        shown = r.clone().showing_suppressed(true);
        &shown
    } else {
        r
    };
    // Under a hook manager (pre-commit and prek set PRE_COMMIT) the binary lives in the
    // manager's own environment, not on the user's PATH: the commands a message suggests name
    // this binary's path, which works from the user's shell.
    let named;
    if std::env::var_os("PRE_COMMIT").is_some()
        && let Ok(exe) = std::env::current_exe()
    {
        named = r.clone().naming_commands(&exe.display().to_string());
        r = &named;
    }
    report::verdict(r, cli.global.format, cli.global.quiet)
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(if r.denied() { exit::DENIED } else { exit::OK })
}

fn run(cli: &Cli) -> Result<i32, Error> {
    let dir = cwd(cli)?;
    if cli.global.format == report::Format::Junit
        && !matches!(cli.command, Command::Policy(PolicyCommand::Test { .. }))
    {
        return Err(Error::Usage(
            "--format junit is for `policy test`; use json, sarif or github here".into(),
        ));
    }
    let reporting = matches!(cli.command, Command::Report { .. });
    let format = cli.global.format;
    if matches!(
        format,
        report::Format::Csv | report::Format::Markdown | report::Format::Html
    ) && !reporting
    {
        return Err(Error::Usage(format!(
            "--format {} is for `report`; use json here",
            format.as_str()
        )));
    }
    if (reporting || matches!(cli.command, Command::Blame { .. }))
        && matches!(
            format,
            report::Format::Sarif | report::Format::Github | report::Format::Junit
        )
    {
        return Err(Error::Usage(format!(
            "--format {} is not a report format: use console, json{}",
            format.as_str(),
            if reporting {
                ", csv, markdown or html"
            } else {
                ""
            }
        )));
    }
    if matches!(cli.command, Command::Blame { .. })
        && matches!(
            format,
            report::Format::Csv | report::Format::Markdown | report::Format::Html
        )
    {
        return Err(Error::Usage(format!(
            "--format {} is for `report`; `blame` writes console or json",
            format.as_str()
        )));
    }
    // The hooks judge offline: an organisation charter bundle comes from the cache only
    // (`charter update` fills it). Every other command may fetch one that is not cached.
    let hook = matches!(
        cli.command,
        Command::PreCommit
            | Command::CommitMsg { .. }
            | Command::PrepareCommitMsg { .. }
            | Command::PostCommit
            | Command::PrePush { .. }
            | Command::AgentHook { .. }
            | Command::AgentContext { .. }
            | Command::Mcp
            // `doctor` reports what the hooks will find, so it looks where they look.
            | Command::Doctor
    );
    git_charter::collect::bundle::allow_network(!hook);
    app::session::collect_suppressed(cli.global.show_suppressed);
    report::progress::enable(
        cli.global.format == report::Format::Console,
        cli.global.quiet,
    );
    match &cli.command {
        Command::PreCommit => verdict(&app::pre_commit(&dir)?, cli),
        Command::CommitMsg { file } => verdict(&app::commit_msg(&dir, &dir.join(file))?, cli),
        Command::Input { stage, file } => {
            let file = file.as_ref().map(|f| dir.join(f));
            let doc = app::input_document(&dir, *stage, file.as_deref())?;
            emit(&report::input_document(&doc))?;
            Ok(exit::OK)
        }
        Command::Policy(PolicyCommand::Test {
            path: d,
            timeout_ms,
            run,
            coverage,
            min_coverage,
        }) => {
            let coverage = *coverage || min_coverage.is_some();
            let r = app::policy_test(&dir, d.as_deref(), *timeout_ms, run.as_deref(), coverage)?;
            emit(&report::policy::tests(&r, cli.global.format))?;
            let total = r.total_coverage().unwrap_or(100.0);
            let short = min_coverage.filter(|&min| total < min);
            if let Some(min) = short {
                report::error(&format!(
                    "policy coverage {total:.1}% is under --min-coverage {min}%"
                ));
            }
            Ok(
                if r.outcomes.iter().all(|o| o.passed) && !r.outcomes.is_empty() && short.is_none()
                {
                    exit::OK
                } else {
                    exit::DENIED
                },
            )
        }
        Command::Policy(PolicyCommand::Check {
            path: d,
            timeout_ms,
        }) => {
            let (policies, problems) = app::policy_check(&dir, d.as_deref(), *timeout_ms)?;
            emit(&report::policy::check(
                &policies,
                &problems,
                cli.global.format,
            ))?;
            Ok(if problems.is_empty() {
                exit::OK
            } else {
                exit::DENIED
            })
        }
        Command::Policy(PolicyCommand::List { markdown: true }) => {
            emit(&report::docs::policies_markdown(&app::builtin_policies()?))?;
            Ok(exit::OK)
        }
        Command::Policy(PolicyCommand::List { markdown: false }) => {
            let policies = app::policy_list(&dir)?;
            emit(&report::policy::list(&policies, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Charter {
            command: Some(CharterCommand::Update),
        } => {
            let update = app::charter_update(&dir)?;
            emit(&report::bundle_update(&update, cli.global.format))?;
            Ok(if update.matches {
                exit::OK
            } else {
                exit::DENIED
            })
        }
        Command::Charter { command: None } => {
            let charter = app::effective_charter(&dir)?;
            emit(&report::charter(&charter, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Init => {
            let actions = app::init::init(&dir)?;
            emit(&report::policy::init(
                &actions,
                app::init::PRE_COMMIT_SNIPPET,
            ))?;
            Ok(exit::OK)
        }
        Command::Rules { markdown: true, .. } => {
            emit(&report::docs::rules_markdown())?;
            Ok(exit::OK)
        }
        Command::Rules { ids: true, .. } => {
            emit(&report::docs::rule_ids())?;
            Ok(exit::OK)
        }
        Command::Rules {
            command: Some(RulesCommand::Check),
            ..
        } => {
            let outcome = app::rules_check(&dir)?;
            emit(&report::policy::rules_check(&outcome, cli.global.format))?;
            Ok(if outcome.problems.is_empty() {
                exit::OK
            } else {
                exit::DENIED
            })
        }
        Command::Rules { .. } => {
            let rules = app::rules(&dir)?;
            emit(&report::policy::rules(&rules, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Scan {
            paths,
            history,
            since,
            until,
            max_blob_size,
            no_ignore,
        } => {
            let report = if *history {
                let args = app::history::HistoryArgs {
                    revs: paths
                        .iter()
                        .map(|p| p.to_string_lossy().into_owned())
                        .collect(),
                    since: since.clone(),
                    until: until.clone(),
                    max_blob_size: *max_blob_size,
                };
                app::history::scan_history(&dir, &args)?
            } else {
                app::scan::scan(&dir, paths, *no_ignore)?
            };
            verdict(&report, cli)
        }
        Command::Baseline {
            paths,
            replace,
            prune,
        } => {
            let mode = if *replace {
                app::scan::BaselineMode::Replace
            } else if *prune {
                app::scan::BaselineMode::Prune
            } else {
                app::scan::BaselineMode::Update
            };
            let w = app::scan::baseline(&dir, paths, mode)?;
            emit(&report::baseline_written(&w.path, w.entries, w.pruned))?;
            Ok(exit::OK)
        }
        Command::Report {
            range,
            since,
            merge,
            output,
        } => {
            let r = if merge.is_empty() {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64);
                let since = since
                    .as_deref()
                    .map(|s| {
                        app::history::parse_date(s, now)
                            .map_err(|e| Error::Usage(format!("--since `{s}`: {e}")))
                    })
                    .transpose()?;
                let args = app::kpi::ReportArgs {
                    range: range.clone(),
                    since,
                };
                app::kpi::report(&dir, &args)?
            } else {
                app::kpi::merge(merge)?
            };
            let text = match format {
                report::Format::Json => report::kpi::json(&r),
                report::Format::Csv => report::kpi::csv(&r),
                report::Format::Markdown => report::kpi::markdown(&r),
                report::Format::Html => {
                    report::kpi_html::html(&serde_json::to_value(&r).expect("a report serialises"))
                }
                _ => report::kpi::console(&r),
            };
            match output {
                Some(path) => {
                    git_charter::fsutil::write_atomic(
                        path,
                        text.as_bytes(),
                        git_charter::fsutil::WriteOptions::REPLACE,
                    )
                    .map_err(|e| Error::io(path, e))?;
                }
                None => emit(&text)?,
            }
            Ok(exit::OK)
        }
        Command::Attest { commits, dry_run } => {
            let records = app::attest::attest(&dir, commits, *dry_run)?;
            if format == report::Format::Json {
                emit(&report::provenance::records_json(&records))?;
            } else {
                let to = if *dry_run {
                    None
                } else {
                    Some(app::attest::records_ref(&dir)?)
                };
                emit(&report::provenance::attest_console(&records, to.as_deref()))?;
            }
            Ok(exit::OK)
        }
        Command::PostCommit => {
            // git has made the commit: a failure here is reported, never an exit that looks like a refusal.
            if let Err(e) = app::attest::post_commit(&dir) {
                report::err_raw(&format!(
                    "git-charter: no record of this commit was written: {}\n",
                    app::redact_error(e)
                ));
            }
            Ok(exit::OK)
        }
        Command::Log {
            paths,
            tool,
            model,
            tier,
            verdict,
            since,
            until,
        } => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            let date = |flag: &str, v: &Option<String>| -> Result<Option<i64>, Error> {
                v.as_deref()
                    .map(|s| {
                        app::history::parse_date(s, now)
                            .map_err(|e| Error::Usage(format!("--{flag} `{s}`: {e}")))
                    })
                    .transpose()
            };
            let filter = app::attest::LogFilter {
                paths: paths.clone(),
                tool: tool.clone(),
                model: model.clone(),
                tier: tier.clone(),
                verdict: verdict.clone(),
                since: date("since", since)?,
                until: date("until", until)?,
            };
            let (records, bad) = app::attest::log(&dir, &filter)?;
            emit(&match format {
                report::Format::Json => report::provenance::records_json(&records),
                _ => report::provenance::log_console(&records, &bad),
            })?;
            Ok(exit::OK)
        }
        Command::Approve {
            commit,
            role,
            comment,
        } => {
            let a = app::attest::approve(&dir, commit, role.as_deref(), comment.as_deref())?;
            emit(&report::provenance::approved_console(
                &a.approval.approval.commit,
                &a.approval.approval.signer,
                &a.roles,
                &a.fingerprint,
                &a.notes_ref,
            ))?;
            Ok(exit::OK)
        }
        Command::Blame { file, rev } => {
            let b = app::kpi::blame(&dir, file, rev.as_deref())?;
            emit(&match format {
                report::Format::Json => report::kpi::blame_json(&b),
                _ => report::kpi::blame_console(&b),
            })?;
            Ok(exit::OK)
        }
        Command::Waivers => {
            let (today, waivers) = app::waivers(&dir)?;
            emit(&report::waivers(today, &waivers, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Install { hooks } => {
            let mut list = install::Hook::parse_list(hooks)?;
            // The post-commit hook writes records; installed by default when the charter asks for them.
            if hooks.is_empty() && app::attest::attest_on(&dir) {
                list.push(install::Hook::PostCommit);
            }
            let actions = install::install(&dir, &list)?;
            emit(&report::hook_actions(&actions))?;
            Ok(exit::OK)
        }
        Command::Uninstall { hooks } => {
            let actions = if hooks.is_empty() {
                install::uninstall_default(&dir)?
            } else {
                install::uninstall(&dir, &install::Hook::parse_list(hooks)?)?
            };
            emit(&report::hook_actions(&actions))?;
            Ok(exit::OK)
        }
        Command::Explain {
            id,
            why: true,
            stage,
            file,
        } => {
            let file = file.as_ref().map(|f| dir.join(f));
            let why = app::explain_why(&dir, id, *stage, file.as_deref())?;
            emit(&report::policy::why(&why, cli.global.format))?;
            Ok(exit::OK)
        }
        Command::Completions { shell } => {
            emit(&git_charter::cli::completions(*shell))?;
            Ok(exit::OK)
        }
        Command::Man => {
            emit(&git_charter::cli::man_page())?;
            Ok(exit::OK)
        }
        Command::Explain { id, .. } => {
            use app::policy::Explained;
            emit(&match app::policy::explain_any(&dir, id)? {
                Explained::Policy(p) => report::policy::explain(&p),
                Explained::Secret(r) => report::policy::explain_secret(&r),
                Explained::Insecure { rule, action } => {
                    report::policy::explain_insecure(&rule, action)
                }
                Explained::Signature(s) => report::policy::explain_signature(&s),
                Explained::Class {
                    name,
                    description,
                    ai,
                } => report::policy::explain_class(&name, &description, ai),
            })?;
            Ok(exit::OK)
        }
        Command::Ci(args) => {
            let range = app::ci::CiRange {
                range: args.range.clone(),
                base: args.base.clone(),
                attest: args.attest,
            };
            verdict(&app::ci::ci(&dir, &range)?, cli)
        }
        Command::AgentHook {
            agent,
            event,
            print_input,
        } => {
            let stdin = read_stdin(app::agent::PAYLOAD_LIMIT, "agent-hook")?;
            // A panic's message may quote the payload: the answer says what happened instead.
            std::panic::set_hook(Box::new(|_| {}));
            let outcome = app::agent::agent_hook(&dir, *agent, event.as_deref(), &stdin);
            if *print_input {
                let outcome = outcome.map_err(|f| Error::Usage(f.message))?;
                for input in &outcome.inputs {
                    emit(&report::input_document(input))?;
                }
                return Ok(exit::OK);
            }
            let answer = match &outcome {
                Ok(o) => report::agent::answer(&o.verdict),
                Err(f) => report::agent::failure(f),
            };
            if !answer.stderr.is_empty() {
                report::err_raw(&answer.stderr);
            }
            emit(&answer.stdout)?;
            Ok(answer.code)
        }
        Command::Agent(AgentCommand::Install { agents }) => {
            let actions = app::agents::agent_config(&dir, agents, true)?;
            emit(&report::agent_actions(&actions))?;
            Ok(exit::OK)
        }
        Command::Agent(AgentCommand::Uninstall { agents }) => {
            let actions = app::agents::agent_config(&dir, agents, false)?;
            emit(&report::agent_actions(&actions))?;
            Ok(exit::OK)
        }
        Command::AgentContext {
            targets,
            write,
            check,
        } => {
            let targets = if targets.is_empty() {
                vec![app::agents::ContextTarget::Agents]
            } else {
                targets.clone()
            };
            let (section, states) = app::agents::agent_context(&dir, &targets, *write, *check)?;
            if !*write && !*check {
                emit(&section)?;
                return Ok(exit::OK);
            }
            emit(&report::context_states(&states))?;
            let stale = states
                .iter()
                .any(|s| matches!(s, app::agents::ContextState::OutOfDate(_)));
            Ok(if stale { exit::DENIED } else { exit::OK })
        }
        Command::Doctor => {
            emit(&report::doctor(&app::agents::doctor(&dir)?))?;
            Ok(exit::OK)
        }
        Command::Mcp => {
            app::mcp::serve(&dir)?;
            Ok(exit::OK)
        }
        Command::PrepareCommitMsg { file, source, .. } => {
            let added = app::agent::prepare_commit_msg(&dir, &dir.join(file), source.as_deref())?;
            for t in added {
                report::note(&format!(
                    "added `{t}`: an agent hook recorded that an agent edited the staged files; keep or edit it"
                ));
            }
            Ok(exit::OK)
        }
        Command::PrePush { remote, url } => {
            let stdin = pre_push_stdin()?;
            verdict(
                &app::ci::pre_push(&dir, remote.as_deref(), url.as_deref(), &stdin)?,
                cli,
            )
        }
    }
}

/// What stdin held, read up to `limit` bytes.
enum Stdin {
    /// A terminal: run by hand, nothing is piped in.
    Terminal,
    Bytes(Vec<u8>),
    /// More than `limit` bytes were sent.
    TooLarge,
}

fn bounded_stdin(limit: u64) -> Result<Stdin, Error> {
    use std::io::{IsTerminal, Read};
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(Stdin::Terminal);
    }
    let mut buf = Vec::new();
    stdin
        .lock()
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io("<stdin>", e))?;
    Ok(if buf.len() as u64 > limit {
        Stdin::TooLarge
    } else {
        Stdin::Bytes(buf)
    })
}

/// An agent's payload: at most `limit` bytes of stdin, never a terminal.
fn read_stdin(limit: u64, what: &str) -> Result<Vec<u8>, Error> {
    match bounded_stdin(limit)? {
        Stdin::Bytes(buf) => Ok(buf),
        Stdin::Terminal => Err(Error::Usage(format!(
            "{what}: reads the agent's JSON payload on stdin (see docs/agents.md)"
        ))),
        Stdin::TooLarge => Err(Error::Usage(format!(
            "{what}: more than {} MiB on stdin",
            limit >> 20
        ))),
    }
}

/// The most ref lines git-charter reads from pre-push's stdin: 64 MiB is some 600,000 ref updates
/// (a mirror push of every tag of a very large repository); past it, stdin is not what git sends.
const PRE_PUSH_STDIN_LIMIT: u64 = 64 << 20;

/// git's ref lines for pre-push. Run by hand from a terminal there are none, rather than a wait for input.
fn pre_push_stdin() -> Result<String, Error> {
    match bounded_stdin(PRE_PUSH_STDIN_LIMIT)? {
        Stdin::Bytes(buf) => Ok(String::from_utf8_lossy(&buf).into_owned()),
        Stdin::Terminal => Ok(String::new()),
        Stdin::TooLarge => Err(Error::Usage(format!(
            "pre-push: more than {} MiB of ref lines on stdin; push fewer refs at a time, or judge the range with `git charter ci --range BASE..HEAD`",
            PRE_PUSH_STDIN_LIMIT >> 20
        ))),
    }
}
