//! Command-line interface (clap derive): one subcommand per hook stage, plus ci, scan, policy, rules and set-up.
//! Parsing only; `app` does the work and `main` maps the outcome to an exit code.

use crate::model::Stage;
pub use crate::report::{ColorChoice, Format};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A clap value parser for a vocabulary enum owned elsewhere: its names as the possible values
/// (listed in `--help` and in errors), mapped back through `FromStr`.
fn values<T>(names: Vec<&'static str>) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names).map(|s| {
        s.parse::<T>()
            .unwrap_or_else(|_| unreachable!("`{s}` is one of the listed values"))
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "git-charter",
    bin_name = "git charter",
    version,
    about = "Enforce your team's AI-coding charter at commit time",
    long_about = "Enforce your team's AI-coding charter at commit time: secrets, AI disclosure, \
                  protected code classes and path tiers, judged by Rego policies.\n\n\
                  Exit codes: 0 passed, 1 a policy denied, 2 usage or environment error, \
                  3 charter, rule or policy error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Run as if started in PATH (like `git -C`).
    #[arg(short = 'C', global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
    /// When to use colours.
    #[arg(long, global = true, default_value_t = ColorChoice::Auto,
          value_parser = values::<ColorChoice>(ColorChoice::ALL.map(ColorChoice::as_str).to_vec()))]
    pub color: ColorChoice,
    /// Output format.
    #[arg(long, global = true, default_value_t = Format::Console,
          value_parser = values::<Format>(Format::ALL.map(Format::as_str).to_vec()))]
    pub format: Format,
    /// Print only violations (no summary line when everything passes).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// List what filters, allowlists, the baseline and inline markers suppressed, and why.
    ///
    /// Placeholder filters, allowlists (paths, regexes, stopwords), the baseline and inline
    /// markers: each entry with the reason and a redacted preview (scan, pre-commit, commit-msg,
    /// ci, pre-push; console and JSON).
    #[arg(long, global = true)]
    pub show_suppressed: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Judge the staged changes (the pre-commit hook).
    PreCommit,
    /// Judge a commit message together with the staged changes (the commit-msg hook).
    CommitMsg {
        /// The message file git passes to the hook (usually .git/COMMIT_EDITMSG).
        file: PathBuf,
    },
    /// Judge the commits about to be pushed (the pre-push hook); reads git's ref lines on stdin.
    PrePush {
        /// Remote name, as git passes it.
        remote: Option<String>,
        /// Remote URL, as git passes it.
        url: Option<String>,
    },
    /// Judge every commit of a range, as CI does.
    Ci(CiArgs),
    /// Scan files or directories for secrets and insecure patterns through the same policies.
    Scan {
        /// Files or directories (default: the current directory); with `--history`, revisions
        /// (`main`, `v1.0..main`, `^old`; default: every ref and HEAD).
        #[arg(value_name = "PATHS|REVS")]
        paths: Vec<PathBuf>,
        /// Scan every blob reachable from the revisions instead of files on disk, each blob once;
        /// each finding is reported with the commit and path that first introduced it, and whether
        /// it is still in HEAD.
        #[arg(long)]
        history: bool,
        /// With `--history`: only commits committed at or after DATE (`2024-01-31`,
        /// `2024-01-31T12:00:00+01:00`, `@1706659200`, `2 weeks ago`).
        #[arg(long, value_name = "DATE", requires = "history")]
        since: Option<String>,
        /// With `--history`: only commits committed at or before DATE.
        #[arg(long, value_name = "DATE", requires = "history")]
        until: Option<String>,
        /// With `--history`: skip blobs larger than this (`512K`, `10M`, `1G` or bytes; default:
        /// the charter's `limits.max_file_size`).
        #[arg(long, value_name = "SIZE", requires = "history", value_parser = parse_size)]
        max_blob_size: Option<u64>,
        /// Also scan files that .gitignore, .ignore and .git/info/exclude leave out (a gitignored
        /// `.env` holds real secrets too); by default they are skipped, as git skips them.
        #[arg(long, conflicts_with = "history")]
        no_ignore: bool,
    },
    /// Print the input document the policies receive.
    Input {
        /// The stage to build the document for.
        #[arg(long, default_value_t = Stage::PreCommit,
              value_parser = values::<Stage>(Stage::ALL.map(Stage::as_str).to_vec()))]
        stage: Stage,
        /// The message file, for `--stage commit-msg`.
        file: Option<PathBuf>,
    },
    /// Work with policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// List the secret rules in force; `rules check` runs every rule's examples.
    Rules {
        #[command(subcommand)]
        command: Option<RulesCommand>,
        /// Print docs/rules.md, generated from the built-in rule files.
        #[arg(long, conflicts_with = "ids")]
        markdown: bool,
        /// Print every built-in rule id as `kind id` (the snapshot in rules/IDS.txt).
        #[arg(long)]
        ids: bool,
    },
    /// Write the current secret findings to .charter/baseline.json; later runs report only new ones.
    ///
    /// With PATHs, only the entries under those paths are replaced; the rest of the baseline is
    /// kept. `--replace` starts over, and rebuilds a baseline that no longer parses.
    Baseline {
        /// Files or directories to scan (default: the whole work tree).
        paths: Vec<PathBuf>,
        /// Discard the current baseline (even a broken one) and keep only this scan's findings.
        #[arg(long, conflicts_with = "prune")]
        replace: bool,
        /// Only remove the entries that no current finding matches any more (fixed, rotated or
        /// deleted secrets); add none, so that a baseline only shrinks.
        #[arg(long)]
        prune: bool,
    },
    /// List the waivers of .charter/waivers.yaml: expired first, then by the day they end.
    Waivers,
    /// The charter's numbers over history, per month and by tier, class, directory and author.
    ///
    /// AI-assisted commits and lines (by evidence strength and tool), the share disclosed as the
    /// charter required, review coverage of protected classes and tiers, commits the charter of
    /// their time denies, secrets introduced and the time to remove them, review latency and bulk
    /// changes. Every commit is judged by the `.charter/` of its first parent (the embedded default
    /// before one existed). `--format` console, json (versioned; what `--merge` reads), csv,
    /// markdown (a README section) or html (one self-contained page with charts). docs/report.md
    /// defines every number.
    Report {
        /// Commits to count: `BASE..HEAD`, or one revision and its whole history. Default: HEAD.
        #[arg(long, value_name = "RANGE")]
        range: Option<String>,
        /// Only commits committed at or after DATE (`2024-01-31`, `2024-01-31T12:00:00+01:00`,
        /// `@1706659200`, `6 months ago`).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Combine reports of several repositories (`--format json` of each) into one, reading
        /// no repository.
        #[arg(long, value_name = "REPORT.json", num_args = 1.., conflicts_with_all = ["range", "since"])]
        merge: Vec<PathBuf>,
        /// Write the report to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Each line of FILE with its commit: AI-assisted (and the tool), disclosed, reviewed.
    ///
    /// The commit that last changed each line (git's blame), judged by the charter of its time as
    /// `report` judges it; AI evidence comes from trailers, identities and messages.
    Blame {
        /// A file of the work tree (its last committed version is blamed).
        file: PathBuf,
        /// Blame the file as of this revision instead of HEAD.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
    },
    /// Print the effective charter (the default, an organisation bundle, .charter/charter.yaml).
    Charter {
        #[command(subcommand)]
        command: Option<CharterCommand>,
    },
    /// Write a commented starter .charter/ (never overwrites).
    Init,
    /// Install native git hooks that run git-charter (keeps and chains existing hooks).
    Install {
        /// Hook stages to install (default: pre-commit, commit-msg, pre-push).
        #[arg(long = "hook", value_name = "HOOK")]
        hooks: Vec<String>,
    },
    /// Remove the hooks `install` put in place, restoring what was there before.
    Uninstall {
        #[arg(long = "hook", value_name = "HOOK")]
        hooks: Vec<String>,
    },
    /// Answer a coding agent's hook: reads its JSON payload on stdin, answers in its protocol.
    ///
    /// Before a shell command: refuses hook bypasses (`--no-verify`, `core.hooksPath`, `SKIP=`,
    /// …) and writes to protected paths, and judges a proposed `git commit -m` with the
    /// commit-msg policies. Before an edit: refuses protected paths. After an edit: reports the
    /// secrets, classes and tiers the edit touches. See docs/agents.md.
    AgentHook {
        /// The agent whose protocol to speak.
        #[arg(value_parser = values::<crate::collect::agent::Agent>(
            crate::collect::agent::Agent::ALL.map(crate::collect::agent::Agent::as_str).to_vec()))]
        agent: crate::collect::agent::Agent,
        /// The hook event, where the payload does not name it (Copilot's `preToolUse`, …).
        #[arg(long, value_name = "EVENT")]
        event: Option<String>,
        /// Print the input documents judged (JSON lines) instead of answering.
        #[arg(long)]
        print_input: bool,
    },
    /// Set agents up: merge git-charter's hooks into an agent's configuration, or take them out.
    #[command(subcommand)]
    Agent(AgentCommand),
    /// Render the charter as instructions for agents (AGENTS.md, CLAUDE.md, …), between markers.
    ///
    /// Prints the section; `--write` puts it in place in each target (text outside the markers
    /// is kept); `--check` fails (exit 1) when a target's section is missing or out of date.
    AgentContext {
        /// Which files (default: agents, i.e. AGENTS.md).
        #[arg(long = "target", value_name = "TARGET",
              value_parser = values::<crate::app::agents::ContextTarget>(
                  crate::app::agents::ContextTarget::ALL.map(crate::app::agents::ContextTarget::as_str).to_vec()))]
        targets: Vec<crate::app::agents::ContextTarget>,
        /// Write the section into the targets.
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Fail when a target's section is missing or differs from the charter (for CI).
        #[arg(long)]
        check: bool,
    },
    /// Report what is covered: the charter, the git hooks, each agent's hooks and instructions.
    Doctor,
    /// Serve the charter's checks to agents over MCP (stdio).
    Mcp,
    /// Pre-fill the disclosure trailer (the prepare-commit-msg hook; opt-in).
    ///
    /// When an agent hook recorded that an agent edited staged files since the last commit, adds
    /// the charter's disclosure trailer naming that agent and model, for the author to keep or
    /// edit. Never for merges, squashes or reused messages, nor when a disclosure is there.
    PrepareCommitMsg {
        /// The message file git passes.
        file: PathBuf,
        /// What the message came from, as git passes it (`message`, `template`, `merge`, …).
        source: Option<String>,
        /// The commit, for `commit` sources.
        sha: Option<String>,
    },
    /// Write git-charter's record of commits to refs/notes/charter (the post-commit hook's job).
    ///
    /// Each commit is judged as `ci` judges it (by the charter of its first parent) and its record
    /// (verdict per stage, charter and policy digests, AI evidence, disclosure, reviewers, signature,
    /// approvals, scan summary: no secret) replaces any earlier one. Never moves a branch.
    /// docs/provenance.md describes the schema.
    Attest {
        /// Commits to record (default: HEAD).
        #[arg(value_name = "COMMIT")]
        commits: Vec<String>,
        /// Print the records instead of writing them.
        #[arg(long)]
        dry_run: bool,
    },
    /// The post-commit hook: `attest HEAD` when the charter sets `provenance.attest`, else nothing.
    PostCommit,
    /// Query git-charter's records (refs/notes/charter), newest first.
    Log {
        /// Only commits whose record lists a file under one of these paths.
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
        /// Only commits with AI evidence or provenance naming this tool (case-insensitive substring).
        #[arg(long)]
        tool: Option<String>,
        /// Only commits whose provenance names this model (case-insensitive substring).
        #[arg(long)]
        model: Option<String>,
        /// Only commits touching a file in this tier.
        #[arg(long)]
        tier: Option<String>,
        /// Only commits with this overall verdict (pass, warn, deny).
        #[arg(long, value_parser = ["pass", "warn", "deny"])]
        verdict: Option<String>,
        /// Only commits committed at or after DATE (`2024-01-31`, `2 weeks ago`).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only commits committed at or before DATE.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
    },
    /// Sign an approval of a commit with your SSH key and store it in refs/notes/charter-approvals.
    ///
    /// The approval names the commit, its tree and parents, your e-mail (user.email), the role and
    /// the time, and is signed like `git commit -S` with gpg.format=ssh signs (user.signingkey,
    /// gpg.ssh.program) in the namespace `git-charter`. It is verified against the allowed-signers
    /// file first; push it with `git push origin refs/notes/charter-approvals`.
    Approve {
        /// The commit to approve.
        commit: String,
        /// The role you approve in (one your allowed-signers entry gives you, e.g. security).
        #[arg(long)]
        role: Option<String>,
        /// A comment kept with the approval.
        #[arg(long)]
        comment: Option<String>,
    },
    /// Print a shell completion script for git-charter (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `git-charter completions bash > ~/.local/share/bash-completion/completions/git-charter`;
    /// zsh: into a directory of `$fpath` as `_git-charter`; fish: `~/.config/fish/completions/`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `git charter man > git-charter.1`, or `man -l <(git charter man)`.
    Man,
    /// Explain a policy by id: its title, description and remediation.
    ///
    /// With `--why`, evaluate it on what is staged now (as the hooks would) and show its results,
    /// the lines of the policy that evaluation reached, and the input values and charter settings
    /// it reads.
    Explain {
        /// A policy id such as CH-SECRET-001.
        id: String,
        /// Evaluate the policy on the staged changes and show why it said what it said.
        #[arg(long)]
        why: bool,
        /// With `--why`: the stage whose input document to evaluate it on.
        #[arg(long, default_value_t = Stage::PreCommit, requires = "why",
              value_parser = values::<Stage>(Stage::ALL.map(Stage::as_str).to_vec()))]
        stage: Stage,
        /// With `--why --stage commit-msg`: the message file.
        #[arg(requires = "why")]
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Merge git-charter's hooks into these agents' project configuration (other hooks are kept).
    Install {
        /// claude, codex, gemini, cursor, copilot.
        #[arg(required = true, value_parser = values::<crate::collect::agent::Agent>(
            crate::collect::agent::Agent::ALL.map(crate::collect::agent::Agent::as_str).to_vec()))]
        agents: Vec<crate::collect::agent::Agent>,
    },
    /// Take git-charter's hooks out of these agents' configuration again.
    Uninstall {
        #[arg(required = true, value_parser = values::<crate::collect::agent::Agent>(
            crate::collect::agent::Agent::ALL.map(crate::collect::agent::Agent::as_str).to_vec()))]
        agents: Vec<crate::collect::agent::Agent>,
    },
}

#[derive(Debug, Args)]
pub struct CiArgs {
    /// Commit range BASE..HEAD.
    #[arg(long, conflicts_with = "base")]
    pub range: Option<String>,
    /// Shorthand for --range BASE..HEAD.
    #[arg(long)]
    pub base: Option<String>,
    /// Also write git-charter's record of each commit judged to the notes ref
    /// (`provenance.notes_ref`, default refs/notes/charter); push it with
    /// `git push origin refs/notes/charter`.
    #[arg(long)]
    pub attest: bool,
}

#[derive(Debug, Subcommand)]
pub enum CharterCommand {
    /// Fetch the organisation charter bundle `extends:` pins into the cache under .git, check it
    /// against the pinned digest, and print that digest.
    ///
    /// Hooks read the bundle from the cache only (they never use the network); `ci` fetches it
    /// when it is not cached. Exit 0 when the bundle matches its pin, 1 when its digest differs
    /// (or none is pinned yet): pin the digest printed, after reviewing the change.
    Update,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the secret rules in force (built-ins and the team's gitleaks config).
    List,
    /// Run every rule's examples (secrets, insecure patterns, AI signatures; built-in and the
    /// team's): positives must get past the prefilter and be reported, negatives must not.
    Check,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Run every `test_*` rule of the `*_test.rego` files: of DIR, else of the team's
    /// .charter/policies/ (over the built-ins) when it has any, else of the built-ins.
    ///
    /// `--format json` and `--format junit` write machine-readable results for CI.
    Test {
        /// Directory (or file) of policies and their tests.
        #[arg(value_name = "DIR")]
        path: Option<PathBuf>,
        /// Only the tests whose `package.test_name` this regex matches (like `opa test --run`).
        #[arg(long, value_name = "REGEX")]
        run: Option<String>,
        /// Report which lines of each policy file the tests evaluated, and which they did not.
        #[arg(long)]
        coverage: bool,
        /// Fail (exit 1) when the tests cover less than PERCENT of the policies' lines (implies
        /// `--coverage`).
        #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
        min_coverage: Option<f64>,
        /// Budget for the whole run (loading, parsing and evaluating), in milliseconds of the
        /// policy worker's CPU time; over it the run stops with exit 3 naming the file.
        #[arg(long, value_name = "MS", default_value_t = crate::policy::COMMAND_BUDGET_MS)]
        timeout_ms: u64,
    },
    /// Check policies: parse, METADATA complete, ids unique and well-formed, every policy tested.
    Check {
        /// Directory (or file) of policies and their tests (default: the team's .charter/policies/
        /// layered over the built-ins when it has any, else the built-ins).
        #[arg(value_name = "DIR")]
        path: Option<PathBuf>,
        /// Budget for the whole run (loading, parsing and evaluating), in milliseconds of the
        /// policy worker's CPU time; over it the run stops with exit 3 naming the file.
        #[arg(long, value_name = "MS", default_value_t = crate::policy::COMMAND_BUDGET_MS)]
        timeout_ms: u64,
    },
    /// List the policies in force with their ids, titles and stages.
    List {
        /// Print docs/policies.md instead: the catalogue of the built-in policies.
        #[arg(long)]
        markdown: bool,
    },
}

/// A percentage from 0 to 100 (`80`, `92.5`, `80%`).
fn parse_percent(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches('%');
    match t.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}`: expected a percentage from 0 to 100")),
    }
}

/// `512`, `512K`, `10M`, `1G` (binary multiples; `KiB`, `MB` and the like are read the same way).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (n, unit) = t.split_at(digits);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("`{s}`: expected a size such as 512K, 10M or 1G"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{s}`: expected a size such as 512K, 10M or 1G")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}`: too large"))
}

/// The completion script for `shell`, for the binary `git-charter`.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut cmd = Cli::command().bin_name("git-charter");
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "git-charter", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page of `git-charter` (roff), every subcommand listed.
pub fn man_page() -> String {
    use clap::CommandFactory;
    let cmd = Cli::command().name("git-charter").bin_name("git-charter");
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}
