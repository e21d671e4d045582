//! Reporting: the only module that writes to stdout or stderr. Console, JSON, SARIF and GitHub annotations.
//! Receives violations already redacted (findings never carry secrets); decides colour once.
#![allow(clippy::disallowed_macros)]

pub mod agent;
mod console_fmt;
pub mod docs;
pub mod escape;
pub mod kpi;
pub mod kpi_html;
pub mod policy;
pub mod progress;
pub mod provenance;
pub mod sarif;

use crate::input::Stats;
use crate::model::{Level, Stage, UnknownValue, Violation};
use serde::Serialize;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How a verdict (and the policy commands' output) is written. The CLI's `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Console,
    Json,
    Sarif,
    Github,
    /// JUnit XML: `policy test` only.
    Junit,
    /// `report` only: CSV, Markdown, one self-contained HTML page.
    Csv,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Console,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
        Format::Csv,
        Format::Markdown,
        Format::Html,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Console => "console",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// When to use colours. The CLI's `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub const ALL: [ColorChoice; 3] = [ColorChoice::Auto, ColorChoice::Always, ColorChoice::Never];

    pub fn as_str(self) -> &'static str {
        match self {
            ColorChoice::Auto => "auto",
            ColorChoice::Always => "always",
            ColorChoice::Never => "never",
        }
    }
}

macro_rules! named_values {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $t {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                <$t>::ALL
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| UnknownValue(s.to_string()))
            }
        }
    )*};
}

named_values!(Format, ColorChoice);

/// Version of the `--format json` report shape.
pub const REPORT_VERSION: u32 = 1;

/// The verdict of one run: what was judged and what the policies said.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub stage: Stage,
    pub violations: Vec<Violation>,
    pub stats: Stats,
    /// Commits judged (ci, pre-push); 0 for hooks and scans.
    pub commits: u32,
    /// Set when there was nothing to judge, with the reason (e.g. "nothing staged").
    pub nothing: Option<String>,
    /// Secret findings hidden because their fingerprint is in the baseline.
    pub baselined: u32,
    /// Every suppressed finding, of every kind. Secret and insecure findings an inline marker
    /// suppresses are always listed, whatever the charter makes of them; what placeholder
    /// filters, allowlists and the baseline removed, and the class signals inline markers
    /// silenced, only with `--show-suppressed` (`show_suppressed`). Each says `by` what and why.
    pub suppressed: Vec<Suppressed>,
    /// `--show-suppressed`: list every suppressed candidate, not only the inline-marked ones.
    #[serde(skip)]
    pub show_suppressed: bool,
    /// Policy ids and titles, for SARIF's rule list.
    #[serde(skip)]
    pub rules: Vec<RuleInfo>,
    /// Checks the charter switches off or weakens, with the key that does it (`CH-SECRET-001
    /// (policies.disable)`): a hook says so on every run rather than passing in silence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub switched_off: Vec<String>,
    /// Each commit's subject, for the console's commit headings (redacted; by commit id).
    #[serde(skip)]
    pub subjects: std::collections::HashMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub title: String,
    pub description: String,
    pub remediation: String,
    pub severity: crate::model::Severity,
}

/// What the policies said about one or more judged input documents; summed over commits and workers.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub violations: Vec<Violation>,
    pub stats: Stats,
    /// Commits judged (ci, pre-push).
    pub commits: u32,
    /// Secret findings hidden by the baseline.
    pub baselined: u32,
    /// Suppressed findings of every kind (see `Report::suppressed`).
    pub suppressed: Vec<Suppressed>,
    /// (commit id, subject) of each judged commit with a violation (ci, pre-push), redacted.
    pub subjects: Vec<(String, String)>,
}

/// One suppressed finding of any kind (a secret, an insecure pattern, a class signal), the commit
/// it was found in (ci, pre-push), what suppressed it (`by`) and why. Redacted, as every finding:
/// previews show no secret. The JSON report's `suppressed[]` entries are these, `kind` first.
#[derive(Debug, Clone, Serialize)]
pub struct Suppressed {
    #[serde(flatten)]
    pub item: SuppressedItem,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// `inline` (a marker in a comment on the line), `placeholder`, `allowlist` (a regex or a
    /// stopword), `path` (an allowlisted path) or `baseline`.
    pub by: &'static str,
    pub reason: String,
}

/// What was suppressed: `kind` is `secret`, `insecure` or `class-signal`; each kind keeps the
/// fields of its finding, and all of them have `rule_id`, `path`, `line` and `preview`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SuppressedItem {
    /// A secret finding, with every field it has in `findings[]`.
    Secret(crate::detect::secrets::SecretFinding),
    Insecure(SuppressedPattern),
    ClassSignal(SuppressedSignal),
    /// A policy result a waiver in force covers: every field of the violation, and the waiver.
    Violation(crate::model::Waived),
}

/// An insecure-pattern finding a `charter:allow` marker suppresses.
#[derive(Debug, Clone, Serialize)]
pub struct SuppressedPattern {
    /// The pattern's id.
    pub rule_id: String,
    pub title: String,
    pub path: String,
    pub line: u32,
    pub severity: crate::model::Severity,
    /// What the charter would have done about it: `warn` or `deny`.
    pub action: crate::config::insecure::Action,
    /// What matched, redacted (`input.files[].insecure[].preview`).
    pub preview: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relaxed: bool,
    /// `{kind: "inSource", marker, reason}`: the marker, as written.
    pub suppressed: crate::detect::insecure::InlineAllow,
}

/// A class signal a `charter:allow` marker silenced (listed with `--show-suppressed` only).
#[derive(Debug, Clone, Serialize)]
pub struct SuppressedSignal {
    /// The signal's id (`classes.<class>.signals[].id`).
    pub rule_id: String,
    pub class: String,
    pub path: String,
    pub line: u32,
    /// The line, redacted as an insecure finding's preview.
    pub preview: String,
    /// `{kind: "inSource", marker, reason}`.
    pub suppressed: crate::detect::insecure::InlineAllow,
}

impl Suppressed {
    /// The suppressed findings of one judged input document: the inline-marked secrets, insecure
    /// patterns and class signals, then what filters, allowlists and the baseline removed.
    pub fn of(input: &crate::input::Input, commit: Option<&str>) -> Vec<Suppressed> {
        let commit = commit.map(str::to_string);
        let inline = |item: SuppressedItem, marker: &str| Suppressed {
            item,
            commit: commit.clone(),
            by: "inline",
            reason: format!("inline marker `{marker}`"),
        };
        let mut out: Vec<Suppressed> = input
            .suppressed
            .iter()
            .map(|f| {
                let marker = f.suppressed.map_or("charter:allow", |s| s.marker);
                inline(SuppressedItem::Secret(f.clone()), marker)
            })
            .collect();
        for m in input.files.iter().flat_map(|f| f.insecure.iter()) {
            let Some(allow) = &m.suppressed else { continue };
            let item = SuppressedItem::Insecure(SuppressedPattern {
                rule_id: m.id.clone(),
                title: m.title.clone(),
                path: m.path.clone(),
                line: m.line,
                severity: m.severity,
                action: m.action,
                preview: m.preview.clone(),
                relaxed: m.relaxed,
                suppressed: allow.clone(),
            });
            out.push(inline(item, &allow.marker));
        }
        for s in &input.silenced {
            let item = SuppressedItem::ClassSignal(SuppressedSignal {
                rule_id: s.signal.clone(),
                class: s.class.clone(),
                path: s.path.to_string(),
                line: s.line,
                preview: s.preview.to_string(),
                suppressed: crate::detect::insecure::InlineAllow {
                    kind: "inSource",
                    marker: s.marker.clone(),
                    reason: format!("a `{}` comment on the line", s.marker),
                },
            });
            out.push(Suppressed {
                reason: format!(
                    "inline marker `{}`: the signal does not count towards class `{}`",
                    s.marker, s.class
                ),
                ..inline(item, &s.marker)
            });
        }
        out.extend(input.hidden.iter().map(|h| Suppressed {
            item: SuppressedItem::Secret(h.finding.clone()),
            commit: commit.clone(),
            by: h.by,
            reason: h.reason.clone(),
        }));
        out
    }

    /// The results waivers covered in one judged document, each with its waiver's justification.
    pub fn waived(
        waived: Vec<crate::model::Waived>,
        commit: Option<&str>,
    ) -> impl Iterator<Item = Suppressed> {
        let commit = commit.map(str::to_string);
        waived.into_iter().map(move |w| Suppressed {
            reason: format!(
                "{} (owner {}, until {}; {})",
                w.waiver.reason, w.waiver.owner, w.waiver.expires, w.waiver.at
            ),
            item: SuppressedItem::Violation(w),
            commit: commit.clone(),
            by: "waiver",
        })
    }

    pub fn is_inline(&self) -> bool {
        self.by == "inline"
    }

    /// Listed in every report, not only with `--show-suppressed`: what a marker in the source or
    /// a waiver suppressed (both are in the repository for a reviewer to see, and both change a
    /// verdict).
    pub fn always_listed(&self) -> bool {
        self.is_inline() || self.by == "waiver"
    }

    /// `secret`, `insecure` or `class-signal`, as serialised.
    pub fn kind(&self) -> &'static str {
        match self.item {
            SuppressedItem::Secret(_) => "secret",
            SuppressedItem::Insecure(_) => "insecure",
            SuppressedItem::ClassSignal(_) => "class-signal",
            SuppressedItem::Violation(_) => "violation",
        }
    }

    /// The rule, pattern or signal id (a signal as `class:signal`, as `explain` names it).
    pub fn id(&self) -> String {
        match &self.item {
            SuppressedItem::Secret(f) => f.rule_id.clone(),
            SuppressedItem::Insecure(p) => p.rule_id.clone(),
            SuppressedItem::ClassSignal(s) => format!("{}:{}", s.class, s.rule_id),
            SuppressedItem::Violation(w) => w.violation.policy_id.clone(),
        }
    }

    pub fn path(&self) -> &str {
        match &self.item {
            SuppressedItem::Secret(f) => &f.path,
            SuppressedItem::Insecure(p) => &p.path,
            SuppressedItem::ClassSignal(s) => &s.path,
            SuppressedItem::Violation(w) => w.violation.path.as_deref().unwrap_or(""),
        }
    }

    /// 0 for a finding on a file's path.
    pub fn line(&self) -> u32 {
        match &self.item {
            SuppressedItem::Secret(f) => f.line,
            SuppressedItem::Insecure(p) => p.line,
            SuppressedItem::ClassSignal(s) => s.line,
            SuppressedItem::Violation(w) => w
                .violation
                .line
                .map_or(0, |l| u32::try_from(l).unwrap_or(u32::MAX)),
        }
    }

    /// 0 when not known (insecure patterns and class signals are placed on their line).
    pub fn column(&self) -> u32 {
        match &self.item {
            SuppressedItem::Secret(f) => f.column,
            _ => 0,
        }
    }

    pub fn preview(&self) -> &str {
        match &self.item {
            SuppressedItem::Secret(f) => &f.preview,
            SuppressedItem::Insecure(p) => &p.preview,
            SuppressedItem::ClassSignal(s) => &s.preview,
            SuppressedItem::Violation(w) => &w.violation.message,
        }
    }

    /// Whether this is a finding (a secret or an insecure pattern), not a class signal.
    pub fn is_finding(&self) -> bool {
        !matches!(self.item, SuppressedItem::ClassSignal(_))
    }
}

impl Totals {
    pub fn add(&mut self, other: Totals) {
        self.suppressed.extend(other.suppressed);
        self.violations.extend(other.violations);
        self.stats += &other.stats;
        self.commits += other.commits;
        self.baselined += other.baselined;
        self.subjects.extend(other.subjects);
    }
}

impl Report {
    /// The one way a verdict is made: the summed results of a stage, why there was nothing to
    /// judge (if so), and the rules in force (SARIF lists them even when nothing was judged).
    pub fn new(
        stage: Stage,
        totals: Totals,
        nothing: Option<String>,
        rules: Vec<RuleInfo>,
    ) -> Report {
        Report {
            stage,
            violations: totals.violations,
            stats: totals.stats,
            commits: totals.commits,
            nothing,
            baselined: totals.baselined,
            suppressed: totals.suppressed,
            show_suppressed: false,
            rules,
            switched_off: Vec::new(),
            subjects: totals.subjects.into_iter().collect(),
        }
    }

    /// Every `git charter <command>` a message or remediation suggests, as `<binary> <command>`:
    /// for runs under a hook manager, where `git charter` is not on the user's PATH.
    pub fn naming_commands(mut self, binary: &str) -> Report {
        let quoted = if binary.contains(' ') {
            format!("'{binary}'")
        } else {
            binary.to_string()
        };
        let fix = |s: &mut String| {
            if s.contains("git charter ") {
                *s = s.replace("git charter ", &format!("{quoted} "));
            }
        };
        for v in &mut self.violations {
            fix(&mut v.message);
            if let Some(r) = &mut v.remediation {
                fix(r);
            }
        }
        self
    }

    /// Lists every suppressed candidate (`--show-suppressed`), not only the inline-marked ones.
    pub fn showing_suppressed(mut self, show: bool) -> Report {
        self.show_suppressed = show;
        self
    }

    /// The suppressed entries this report lists: the inline-marked ones, and every other kind
    /// with `--show-suppressed`.
    pub fn listed_suppressed(&self) -> impl Iterator<Item = &Suppressed> {
        self.suppressed
            .iter()
            .filter(|x| self.show_suppressed || x.always_listed())
    }

    /// Names what the charter switches off (see `switched_off`).
    pub fn with_switched_off(mut self, switched_off: Vec<String>) -> Report {
        self.switched_off = switched_off;
        self
    }

    pub fn denied(&self) -> bool {
        self.violations.iter().any(|v| v.level == Level::Deny)
    }

    pub fn count(&self, level: Level) -> usize {
        self.violations.iter().filter(|v| v.level == level).count()
    }
}

/// Decides colour once: `--color`, then NO_COLOR, then CLICOLOR_FORCE, then whether stdout is a terminal.
pub fn init_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else if set("CLICOLOR_FORCE")
                && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0")
            {
                true
            } else {
                console::Term::stdout().features().is_attended()
                    && std::env::var_os("CLICOLOR").is_none_or(|v| v != "0")
            }
        }
    };
    console::set_colors_enabled(on);
    console::set_colors_enabled_stderr(
        on && (console::Term::stderr().features().is_attended() || choice == ColorChoice::Always),
    );
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub fn out(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Prints a fatal error on stderr. Errors carry text from hostile files (a policy's source line, a
/// glob, a file name), so the message is escaped here, on the one path every error takes.
pub fn error(message: &str) {
    let style = console::Style::new().red().bold().for_stderr();
    eprintln!(
        "{} {}",
        style.apply_to("git-charter: error:"),
        escape::printable_text(message)
    );
}

/// Writes raw text on stderr (an agent hook's answer, already in the agent's protocol).
pub fn err_raw(text: &str) {
    eprint!("{}", escape::printable_text(text));
}

/// Prints a note on stderr (e.g. that nothing was staged).
pub fn note(message: &str) {
    eprintln!("git-charter: {}", escape::printable_text(message));
}

/// Writes a verdict on stdout, after a note on stderr of the checks the charter switches off
/// (console only). When there was nothing to judge, the summary line says why, once.
pub fn verdict(report: &Report, format: Format, quiet: bool) -> io::Result<()> {
    if !report.switched_off.is_empty() && format == Format::Console && !quiet {
        note(&format!(
            "switched off by the charter: {}",
            report.switched_off.join(", ")
        ));
    }
    out(&render(report, format, quiet))
}

/// `input`: the document the policies receive, as pretty JSON.
pub fn input_document(input: &crate::input::Input) -> String {
    escape::json(serde_json::to_string_pretty(input).expect("input serialises") + "\n")
}

/// `charter`: the effective charter as YAML, or with `--format json` as JSON (keys sorted).
/// The YAML is for reading: the emitter leaves bidi controls and NEL raw in plain scalars, so they
/// are shown escaped (`\u{202e}`); `--format json` keeps every string's data exactly.
pub fn charter(charter: &crate::config::Charter, format: Format) -> String {
    let yaml = crate::config::to_yaml(charter);
    if format != Format::Json {
        return escape::printable_text(&yaml).into_owned();
    }
    let value: serde_json::Value =
        yaml_serde::from_str(&yaml).expect("the charter's own YAML parses");
    escape::json(serde_json::to_string_pretty(&value).expect("serialises") + "\n")
}

/// What `charter update` fetched, and whether it is the bundle `extends` pins.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BundleUpdate {
    /// `<repository>@<short commit>[:<path>]`.
    pub bundle: String,
    pub commit: String,
    /// The fetched bundle's digest.
    pub digest: String,
    /// The digest `extends.digest` pins, if any.
    pub pinned: Option<String>,
    pub matches: bool,
    /// The cache file.
    pub cache: PathBuf,
    /// The bundle's files, relative to its directory.
    pub files: Vec<String>,
}

/// `charter update`.
pub fn bundle_update(u: &BundleUpdate, format: Format) -> String {
    if format == Format::Json {
        return escape::json(serde_json::to_string_pretty(u).expect("serialises") + "\n");
    }
    let p = |s: &str| escape::printable(s).into_owned();
    let mut s = format!(
        "fetched {} ({} file{})\ndigest  {}\ncached  {}\n",
        p(&u.bundle),
        u.files.len(),
        if u.files.len() == 1 { "" } else { "s" },
        u.digest,
        p(&u.cache.display().to_string())
    );
    match &u.pinned {
        _ if u.matches => s.push_str("the bundle matches `extends.digest`: hooks use it from the cache\n"),
        Some(pin) => s.push_str(&format!(
            "`extends.digest` pins {pin}, which differs: review the bundle's change, then pin\n  digest: {}\n",
            u.digest
        )),
        None => s.push_str(&format!(
            "no digest is pinned yet: add under `extends:` in .charter/charter.yaml\n  digest: {}\n",
            u.digest
        )),
    }
    s
}

/// `baseline`: where the fingerprints went.
pub fn baseline_written(path: &Path, entries: usize, pruned: Option<usize>) -> String {
    let shown = path.display().to_string();
    let path = escape::printable(&shown);
    let s = |n: usize| if n == 1 { "y" } else { "ies" };
    match pruned {
        Some(removed) => format!(
            "pruned {removed} entr{} that no longer match anything; {entries} entr{} left in {path}\n",
            s(removed),
            s(entries)
        ),
        None => format!(
            "wrote {entries} finding{} to {path}\n",
            if entries == 1 { "" } else { "s" }
        ),
    }
}

/// `waivers`: every waiver with how long it has left, expired first.
pub fn waivers(
    today: crate::config::date::Date,
    waivers: &[crate::config::waivers::Waiver],
    format: Format,
) -> String {
    let mut list: Vec<&crate::config::waivers::Waiver> = waivers.iter().collect();
    list.sort_by_key(|w| w.expires);
    let what = |w: &crate::config::waivers::Waiver| match (&w.fingerprint, &w.policy) {
        (Some(fp), _) => format!("fingerprint {fp}"),
        (None, Some(p)) if w.paths.is_empty() => format!("{p} (every path)"),
        (None, Some(p)) => format!("{p} on {}", w.paths.join(", ")),
        (None, None) => String::new(),
    };
    if matches!(format, Format::Json | Format::Sarif | Format::Github) {
        let doc = serde_json::json!({
            "version": 1,
            "today": today.to_string(),
            "waivers": list.iter().map(|w| {
                let left = today.days_until(w.expires);
                let mut v = serde_json::to_value(w).expect("waiver serialises");
                v["days_left"] = left.into();
                v["expired"] = (left < 0).into();
                v
            }).collect::<Vec<_>>(),
        });
        return escape::json(serde_json::to_string_pretty(&doc).expect("serialises") + "\n");
    }
    if list.is_empty() {
        return "no waivers (.charter/waivers.yaml)\n".to_string();
    }
    let mut s = String::new();
    for w in &list {
        let left = today.days_until(w.expires);
        let status = if left < 0 {
            console::style(format!("expired {} day(s) ago", -left))
                .red()
                .bold()
        } else if left == 0 {
            console::style("last day".to_string()).yellow().bold()
        } else {
            console::style(format!("{left} day(s) left")).green()
        };
        s.push_str(&format!(
            "{}  {status}  {}  (owner {})\n    {}\n    {}\n",
            w.expires,
            escape::printable(&what(w)),
            escape::printable(&w.owner),
            escape::printable(&w.reason),
            console::style(escape::printable(&w.at)).dim(),
        ));
    }
    let expired = list
        .iter()
        .filter(|w| today.days_until(w.expires) < 0)
        .count();
    s.push_str(&format!(
        "{} waiver{}, {expired} expired (today is {today})\n",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    ));
    s
}

/// `install` / `uninstall`: one line per hook touched.
pub fn agent_actions(actions: &[crate::model::ConfigAction]) -> String {
    use crate::model::ConfigAction as A;
    let mut out = String::new();
    for a in actions {
        let line = match a {
            A::Installed(p) => format!("installed git-charter's hooks in {}", p.display()),
            A::AlreadyInstalled(p) => format!("already installed in {}", p.display()),
            A::Removed(p) => format!("removed git-charter's hooks from {}", p.display()),
            A::RemovedFile(p) => {
                format!("removed {} (it held only git-charter's hooks)", p.display())
            }
            A::NotInstalled(p) => format!("not installed in {}", p.display()),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn context_states(states: &[crate::model::ContextState]) -> String {
    use crate::model::ContextState as S;
    let mut out = String::new();
    for s in states {
        let line = match s {
            S::UpToDate(p) => format!("{}: up to date", p.display()),
            S::Written(p) => format!("{}: written", p.display()),
            S::OutOfDate(p) => format!(
                "{}: the charter section is missing or out of date; run `git charter agent-context --write`",
                p.display()
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn doctor(checks: &[crate::model::Check]) -> String {
    let width = checks.iter().map(|c| c.what.len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in checks {
        let status = match c.status {
            "ok" => console::style("ok     ").green().to_string(),
            "warn" => console::style("warn   ").yellow().to_string(),
            _ => console::style("missing").red().bold().to_string(),
        };
        out.push_str(&format!("{status}  {:width$}  {}\n", c.what, c.detail));
    }
    out
}

pub fn hook_actions(actions: &[crate::install::Action]) -> String {
    actions
        .iter()
        .map(|a| format!("{}\n", escape::printable(&a.to_string())))
        .collect()
}

/// Renders a verdict in the chosen format.
pub fn render(report: &Report, format: Format, quiet: bool) -> String {
    match format {
        Format::Console => console_fmt::render(report, quiet),
        Format::Json => escape::json(json(report)),
        Format::Sarif => escape::json(sarif::render(report)),
        Format::Github => github(report),
        // `main` refuses junit for every command but `policy test`, and csv, markdown and html for
        // every command but `report`.
        Format::Junit | Format::Csv | Format::Markdown | Format::Html => escape::json(json(report)),
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: &'static str,
    tool_version: &'static str,
    verdict: &'static str,
    #[serde(flatten)]
    report: &'a Report,
}

fn json(report: &Report) -> String {
    // Only what this run lists (inline-marked entries, or every kind with `--show-suppressed`).
    let listed;
    let report = if report.suppressed.len() == report.listed_suppressed().count() {
        report
    } else {
        let mut r = report.clone();
        r.suppressed
            .retain(|x| report.show_suppressed || x.always_listed());
        listed = r;
        &listed
    };
    let doc = JsonReport {
        version: REPORT_VERSION,
        tool: "git-charter",
        tool_version: env!("CARGO_PKG_VERSION"),
        verdict: if report.denied() { "denied" } else { "passed" },
        report,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
    s.push('\n');
    s
}

/// GitHub Actions workflow commands: one annotation per violation, on its file and line when known.
fn github(report: &Report) -> String {
    let mut s = String::new();
    for v in &report.violations {
        let kind = if v.level == Level::Deny {
            "error"
        } else {
            "warning"
        };
        let mut props = Vec::new();
        if let Some(p) = &v.path {
            props.push(format!("file={}", escape::github_property(p)));
        }
        if let Some(l) = v.line {
            props.push(format!("line={l}"));
        }
        props.push(format!(
            "title={}",
            escape::github_property(&format!("{} {}", v.policy_id, v.title))
        ));
        let mut msg = v.message.clone();
        if let Some(c) = &v.commit {
            msg = format!("{msg} (commit {})", &c[..c.len().min(12)]);
        }
        if let Some(r) = &v.remediation {
            msg.push('\n');
            msg.push_str(r);
        }
        s.push_str(&format!(
            "::{kind} {}::{}\n",
            props.join(","),
            escape::github_data(&msg)
        ));
    }
    // Not a workflow command: a `::` here is only text, and `summary_line` escapes what it quotes.
    s.push_str(&console_fmt::summary_line(report, false));
    s.push('\n');
    s
}
