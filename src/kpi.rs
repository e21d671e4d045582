//! The charter's numbers (`git charter report`): one record per commit judged, summed by month and
//! by tier, class, top-level directory and author, and reports of several repositories merged into
//! one. Pure data: no git, no policy engine, no printing. Every count is a sum, so that reports merge
//! by addition; shares and means are computed by whoever shows them, and are unknown (`None`) when
//! their denominator is zero. docs/report.md defines every field.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON document's `schema_version`: a field may be added without a bump; never renamed,
/// removed or retyped without one.
pub const SCHEMA_VERSION: u32 = 1;

/// Sums over a set of commits (a month, a tier, a directory, …). docs/report.md defines each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counters {
    pub commits: u64,
    pub added_lines: u64,
    /// Commits with medium or strong AI evidence, or a disclosure (what the review policies call
    /// AI-assisted), and their added lines.
    pub ai_commits: u64,
    pub ai_added_lines: u64,
    /// Commits by their strongest AI evidence (weak evidence alone does not make a commit AI-assisted).
    pub ai_by_strength: BTreeMap<String, u64>,
    /// Commits by every tool their evidence names.
    pub ai_by_tool: BTreeMap<String, u64>,
    /// Commits whose AI evidence the charter at the time required to be disclosed, and those of
    /// them that were.
    pub disclosure_required: u64,
    pub disclosed: u64,
    /// AI-assisted commits in a class or tier whose review requirement applied, and those of them
    /// that carried every review required.
    pub protected_ai_commits: u64,
    pub protected_reviewed: u64,
    /// Commits the charter at the time denies (or only warns about), and commits per policy id.
    pub denied_commits: u64,
    pub warned_commits: u64,
    pub violations: BTreeMap<String, u64>,
    /// Secret findings introduced; of them, those removed later in the range, with the days and
    /// commits it took summed.
    pub secrets_introduced: u64,
    pub secrets_removed: u64,
    pub remediation_days_sum: f64,
    pub remediation_commits_sum: u64,
    /// Commits whose review latency could be derived, and the latencies summed (hours).
    pub review_latency_count: u64,
    pub review_latency_hours_sum: f64,
    /// Commits over a bulk limit of the charter at the time.
    pub bulk_commits: u64,
    /// Commits not judged: over `limits.max_files`, so no detector or policy ran on them.
    pub unjudged_commits: u64,
}

fn add_map(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        *into.entry(k.clone()).or_default() += v;
    }
}

impl Counters {
    pub fn add(&mut self, o: &Counters) {
        self.commits += o.commits;
        self.added_lines += o.added_lines;
        self.ai_commits += o.ai_commits;
        self.ai_added_lines += o.ai_added_lines;
        add_map(&mut self.ai_by_strength, &o.ai_by_strength);
        add_map(&mut self.ai_by_tool, &o.ai_by_tool);
        self.disclosure_required += o.disclosure_required;
        self.disclosed += o.disclosed;
        self.protected_ai_commits += o.protected_ai_commits;
        self.protected_reviewed += o.protected_reviewed;
        self.denied_commits += o.denied_commits;
        self.warned_commits += o.warned_commits;
        add_map(&mut self.violations, &o.violations);
        self.secrets_introduced += o.secrets_introduced;
        self.secrets_removed += o.secrets_removed;
        self.remediation_days_sum += o.remediation_days_sum;
        self.remediation_commits_sum += o.remediation_commits_sum;
        self.review_latency_count += o.review_latency_count;
        self.review_latency_hours_sum += o.review_latency_hours_sum;
        self.bulk_commits += o.bulk_commits;
        self.unjudged_commits += o.unjudged_commits;
    }

    /// `part / whole`, unknown when nothing is in `whole`.
    pub fn share(part: u64, whole: u64) -> Option<f64> {
        (whole > 0).then(|| part as f64 / whole as f64)
    }

    pub fn ai_commit_share(&self) -> Option<f64> {
        Counters::share(self.ai_commits, self.commits)
    }

    pub fn ai_line_share(&self) -> Option<f64> {
        Counters::share(self.ai_added_lines, self.added_lines)
    }

    pub fn disclosure_share(&self) -> Option<f64> {
        Counters::share(self.disclosed, self.disclosure_required)
    }

    pub fn review_share(&self) -> Option<f64> {
        Counters::share(self.protected_reviewed, self.protected_ai_commits)
    }

    /// Mean days from the commit that introduced a secret to the one that removed it.
    pub fn mttr_days(&self) -> Option<f64> {
        (self.secrets_removed > 0).then(|| self.remediation_days_sum / self.secrets_removed as f64)
    }

    pub fn mttr_commits(&self) -> Option<f64> {
        (self.secrets_removed > 0)
            .then(|| self.remediation_commits_sum as f64 / self.secrets_removed as f64)
    }

    pub fn review_latency_hours(&self) -> Option<f64> {
        (self.review_latency_count > 0)
            .then(|| self.review_latency_hours_sum / self.review_latency_count as f64)
    }
}

/// Counters split by tier, class, top-level directory and author.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Split {
    pub totals: Counters,
    pub by_tier: BTreeMap<String, Counters>,
    pub by_class: BTreeMap<String, Counters>,
    pub by_dir: BTreeMap<String, Counters>,
    pub by_author: BTreeMap<String, Counters>,
}

fn add_split(into: &mut BTreeMap<String, Counters>, from: &BTreeMap<String, Counters>) {
    for (k, v) in from {
        into.entry(k.clone()).or_default().add(v);
    }
}

impl Split {
    pub fn add(&mut self, o: &Split) {
        self.totals.add(&o.totals);
        add_split(&mut self.by_tier, &o.by_tier);
        add_split(&mut self.by_class, &o.by_class);
        add_split(&mut self.by_dir, &o.by_dir);
        add_split(&mut self.by_author, &o.by_author);
    }
}

/// One month (`YYYY-MM`, UTC, by commit date).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Month {
    pub month: String,
    #[serde(flatten)]
    pub split: Split,
}

/// What a report covers of one repository.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Repository {
    pub name: String,
    pub range: Option<String>,
    pub head: Option<String>,
    pub commits: u64,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
}

/// A secret's life in the range: introduced by one commit, removed (or not yet) by a later one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecretLife {
    pub repository: String,
    pub rule_id: String,
    /// Redacted, as every path in git-charter's output.
    pub path: String,
    pub commit: String,
    pub introduced_on: String,
    /// The first later commit in which the file no longer holds it (deleted, or rewritten without it).
    pub removed_in: Option<String>,
    pub removed_on: Option<String>,
    pub commits_to_remove: Option<u64>,
    pub days_to_remove: Option<f64>,
}

/// The whole report: what `--format json` writes and `--merge` reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    pub schema_version: u32,
    pub tool: String,
    pub generated_on: String,
    pub repositories: Vec<Repository>,
    #[serde(flatten)]
    pub split: Split,
    pub months: Vec<Month>,
    pub secrets: Vec<SecretLife>,
    /// What could not be derived, and why.
    pub notes: Vec<String>,
}

/// One commit's facts, as the report counts them (and its cache keeps them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    /// `Name <email>`, redacted.
    pub author: String,
    /// Committer time (seconds since the epoch): what places the commit in a month.
    pub time: i64,
    /// The strongest AI evidence (`strong`, `medium`, `weak`) and every tool named.
    pub strength: Option<String>,
    pub tools: Vec<String>,
    pub ai_assisted: bool,
    pub disclosure_required: bool,
    pub disclosed: bool,
    /// Review requirements that applied: (`class` or `tier`, name, met).
    pub protected: Vec<(String, String, bool)>,
    pub denied: bool,
    pub warned: bool,
    /// Policy ids with a result, each once.
    pub violations: Vec<String>,
    pub files: Vec<FileLines>,
    /// Index into `files` of each secret introduced (a finding in the commit's own fields has none).
    pub secrets: Vec<(String, Option<usize>)>,
    /// Review latency in seconds, where it can be derived.
    pub latency_secs: Option<i64>,
    pub bulk: bool,
    /// Distinct reviewers in `review.trailers` (not the author, not an AI identity).
    pub reviewers: u64,
    pub unjudged: bool,
    /// Valid signed approvals (`git charter approve`), and whether the commit carries a valid SSH
    /// signature by an allowed signer.
    #[serde(default)]
    pub approvals: u64,
    #[serde(default)]
    pub signed: bool,
}

/// `git charter blame`: every line's commit, and each commit once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Blame {
    pub schema_version: u32,
    pub path: String,
    pub rev: String,
    pub lines: Vec<BlameLine>,
    pub commits: BTreeMap<String, BlameCommit>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BlameLine {
    pub line: u64,
    pub commit: String,
    /// The line, every secret redacted; absent when the file is too large or not text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What the report knows of one commit, judged by the charter of its time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BlameCommit {
    pub author: String,
    pub date: String,
    pub ai_assisted: bool,
    /// The strongest AI evidence, and the tools it names.
    pub evidence: Option<String>,
    pub tools: Vec<String>,
    pub disclosure_required: bool,
    pub disclosed: bool,
    pub reviewers: u64,
    /// Whether every review requirement that applied was met; `None` when none applied.
    pub reviews_met: Option<bool>,
    pub denied: bool,
    /// Not judged: over `limits.max_files`.
    pub unjudged: bool,
    /// Valid signed approvals of the commit, and whether its own SSH signature is valid.
    #[serde(default)]
    pub approvals: u64,
    #[serde(default)]
    pub signed: bool,
}

impl BlameCommit {
    pub fn of(r: &Record) -> BlameCommit {
        BlameCommit {
            author: r.author.clone(),
            date: day_of(r.time),
            ai_assisted: r.ai_assisted,
            evidence: r.strength.clone(),
            tools: r.tools.clone(),
            disclosure_required: r.disclosure_required,
            disclosed: r.disclosed,
            reviewers: r.reviewers,
            reviews_met: (!r.protected.is_empty()).then(|| r.protected.iter().all(|p| p.2)),
            denied: r.denied,
            unjudged: r.unjudged,
            approvals: r.approvals,
            signed: r.signed,
        }
    }
}

/// A changed file's place and added lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileLines {
    pub dir: String,
    pub tier: String,
    pub classes: Vec<String>,
    pub added: u64,
}

/// The top-level directory of a path, or `(root)` for a file at the top.
pub fn top_dir(path: &str) -> String {
    match path.split_once('/') {
        Some((d, _)) if !d.is_empty() => d.to_string(),
        _ => "(root)".to_string(),
    }
}

/// `YYYY-MM` of a time in seconds since the epoch (UTC).
pub fn month_of(secs: i64) -> String {
    let (y, m, _) = crate::config::date::Date::from_unix(secs).ymd();
    format!("{y:04}-{m:02}")
}

pub fn day_of(secs: i64) -> String {
    crate::config::date::Date::from_unix(secs).to_string()
}

impl Record {
    /// What this commit adds to the counters of the files `keep` selects (every file for the
    /// totals and the author; a tier's, a class's or a directory's files for those). `protected`
    /// says which review requirements count for the selection.
    fn counters(
        &self,
        keep: impl Fn(&FileLines) -> bool,
        protected: impl Fn(&str, &str) -> bool,
    ) -> Counters {
        let added: u64 = self.files.iter().filter(|f| keep(f)).map(|f| f.added).sum();
        let mut c = Counters {
            commits: 1,
            added_lines: added,
            unjudged_commits: u64::from(self.unjudged),
            bulk_commits: u64::from(self.bulk),
            ..Counters::default()
        };
        if let Some(s) = &self.strength {
            c.ai_by_strength.insert(s.clone(), 1);
        }
        if self.ai_assisted {
            c.ai_commits = 1;
            c.ai_added_lines = added;
            for t in &self.tools {
                c.ai_by_tool.insert(t.clone(), 1);
            }
        }
        if self.disclosure_required {
            c.disclosure_required = 1;
            c.disclosed = u64::from(self.disclosed);
        }
        let applied: Vec<bool> = self
            .protected
            .iter()
            .filter(|(kind, name, _)| protected(kind, name))
            .map(|p| p.2)
            .collect();
        if !applied.is_empty() {
            c.protected_ai_commits = 1;
            c.protected_reviewed = u64::from(applied.iter().all(|&m| m));
        }
        c.denied_commits = u64::from(self.denied);
        c.warned_commits = u64::from(self.warned && !self.denied);
        for v in &self.violations {
            c.violations.insert(v.clone(), 1);
        }
        c.secrets_introduced = self
            .secrets
            .iter()
            .filter(|(_, f)| f.is_none_or(|i| self.files.get(i).is_some_and(&keep)))
            .count() as u64;
        if let Some(secs) = self.latency_secs {
            c.review_latency_count = 1;
            c.review_latency_hours_sum = secs as f64 / 3600.0;
        }
        c
    }

    /// This commit's contribution to every split.
    pub fn split(&self) -> Split {
        let mut s = Split {
            totals: self.counters(|_| true, |_, _| true),
            ..Split::default()
        };
        s.by_author.insert(self.author.clone(), s.totals.clone());
        let mut tiers: Vec<&str> = self.files.iter().map(|f| f.tier.as_str()).collect();
        tiers.sort_unstable();
        tiers.dedup();
        for t in tiers {
            let c = self.counters(
                |f| f.tier == t,
                |kind, name| {
                    kind == "tier" && name == t
                        || kind == "class" && self.in_class(name, |f| f.tier == t)
                },
            );
            s.by_tier.insert(t.to_string(), c);
        }
        let mut classes: Vec<&str> = self
            .files
            .iter()
            .flat_map(|f| f.classes.iter().map(String::as_str))
            .collect();
        classes.sort_unstable();
        classes.dedup();
        for cl in classes {
            let has = |f: &FileLines| f.classes.iter().any(|x| x == cl);
            let c = self.counters(has, |kind, name| {
                kind == "class" && name == cl
                    || kind == "tier" && self.files.iter().any(|f| has(f) && f.tier == name)
            });
            s.by_class.insert(cl.to_string(), c);
        }
        let mut dirs: Vec<&str> = self.files.iter().map(|f| f.dir.as_str()).collect();
        dirs.sort_unstable();
        dirs.dedup();
        for d in dirs {
            let c = self.counters(
                |f| f.dir == d,
                |kind, name| {
                    self.files.iter().any(|f| {
                        f.dir == d
                            && (kind == "tier" && f.tier == name
                                || kind == "class" && f.classes.iter().any(|x| x == name))
                    })
                },
            );
            s.by_dir.insert(d.to_string(), c);
        }
        s
    }

    fn in_class(&self, class: &str, also: impl Fn(&FileLines) -> bool) -> bool {
        self.files
            .iter()
            .any(|f| also(f) && f.classes.iter().any(|c| c == class))
    }
}

/// Adds a secret's removal to the counters of the commit that introduced it (its month and splits),
/// so that a mean time to remediate is a sum over the same set of commits as `secrets_introduced`.
fn add_removal(s: &mut Split, r: &Record, file: Option<usize>, days: f64, commits: u64) {
    let removal = Counters {
        secrets_removed: 1,
        remediation_days_sum: days,
        remediation_commits_sum: commits,
        ..Counters::default()
    };
    s.totals.add(&removal);
    s.by_author
        .entry(r.author.clone())
        .or_default()
        .add(&removal);
    if let Some(f) = file.and_then(|i| r.files.get(i)) {
        s.by_tier.entry(f.tier.clone()).or_default().add(&removal);
        s.by_dir.entry(f.dir.clone()).or_default().add(&removal);
        for c in &f.classes {
            s.by_class.entry(c.clone()).or_default().add(&removal);
        }
    }
}

impl Report {
    /// The report of one repository's records (in range order, oldest first) and the lives of
    /// the secrets they introduced (`lives[i]` belongs to the `i`-th secret of the records, in order).
    pub fn build(
        tool: String,
        generated_on: String,
        mut repository: Repository,
        records: &[Record],
        lives: Vec<SecretLife>,
    ) -> Report {
        let mut months: BTreeMap<String, Split> = BTreeMap::new();
        let mut split = Split::default();
        let mut life = lives.iter();
        for r in records {
            let mut s = r.split();
            for (_, file) in &r.secrets {
                if let Some(l) = life.next()
                    && let (Some(days), Some(commits)) = (l.days_to_remove, l.commits_to_remove)
                {
                    add_removal(&mut s, r, *file, days, commits);
                }
            }
            months.entry(month_of(r.time)).or_default().add(&s);
            split.add(&s);
        }
        let (first, last) = (
            records.iter().map(|r| r.time).min(),
            records.iter().map(|r| r.time).max(),
        );
        repository.commits = records.len() as u64;
        repository.first_day = first.map(day_of);
        repository.last_day = last.map(day_of);
        let mut report = Report {
            schema_version: SCHEMA_VERSION,
            tool,
            generated_on,
            repositories: vec![repository],
            split,
            months: months
                .into_iter()
                .map(|(month, split)| Month { month, split })
                .collect(),
            secrets: lives,
            notes: Vec::new(),
        };
        report.notes = report.unknowns();
        report
    }

    /// Reports of several repositories as one: every sum added, months aligned, repositories and
    /// secrets listed together. Each must have this schema version.
    pub fn merge(tool: String, generated_on: String, parts: Vec<Report>) -> Result<Report, String> {
        let mut out = Report {
            schema_version: SCHEMA_VERSION,
            tool,
            generated_on,
            ..Report::default()
        };
        let mut months: BTreeMap<String, Split> = BTreeMap::new();
        for (i, p) in parts.into_iter().enumerate() {
            if p.schema_version != SCHEMA_VERSION {
                return Err(format!(
                    "report {} has schema_version {}; this git-charter reads {SCHEMA_VERSION}",
                    i + 1,
                    p.schema_version
                ));
            }
            out.repositories.extend(p.repositories);
            out.split.add(&p.split);
            for m in p.months {
                months.entry(m.month).or_default().add(&m.split);
            }
            out.secrets.extend(p.secrets);
        }
        out.months = months
            .into_iter()
            .map(|(month, split)| Month { month, split })
            .collect();
        out.notes = out.unknowns();
        Ok(out)
    }

    /// What the numbers cannot say, for `notes`.
    fn unknowns(&self) -> Vec<String> {
        let t = &self.split.totals;
        let mut notes = Vec::new();
        if t.commits == 0 {
            notes.push("no commits in the range: every share is unknown".to_string());
            return notes;
        }
        if t.disclosure_required == 0 {
            notes.push(
                "disclosure share unknown: no commit's AI evidence required a disclosure".into(),
            );
        }
        if t.protected_ai_commits == 0 {
            notes.push("review coverage unknown: no AI-assisted commit touched a class or tier whose review requirement applied".into());
        }
        if t.review_latency_count == 0 {
            notes.push("review latency unknown: no merge commit and no commit with a review trailer to derive it from".into());
        }
        if t.secrets_introduced > 0 && t.secrets_removed == 0 {
            notes.push("mean time to remediate unknown: no secret introduced in the range was removed in it".into());
        }
        if t.unjudged_commits > 0 {
            notes.push(format!(
                "{} commit(s) over limits.max_files were not judged: they count as commits and lines, not in any verdict",
                t.unjudged_commits
            ));
        }
        notes.push("AI evidence is per commit (trailers, identities, message signatures): every added line of an AI-assisted commit counts as AI-assisted".into());
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(time: i64, tier: &str, ai: bool) -> Record {
        Record {
            id: format!("{time:040}"),
            author: "Dana <dana@example.org>".into(),
            time,
            strength: ai.then(|| "strong".to_string()),
            tools: if ai { vec!["claude".into()] } else { vec![] },
            ai_assisted: ai,
            disclosure_required: ai,
            disclosed: false,
            files: vec![
                FileLines {
                    dir: "src".into(),
                    tier: tier.into(),
                    classes: vec!["auth".into()],
                    added: 10,
                },
                FileLines {
                    dir: "(root)".into(),
                    tier: "trusted".into(),
                    classes: vec![],
                    added: 5,
                },
            ],
            protected: if ai {
                vec![("class".into(), "auth".into(), false)]
            } else {
                vec![]
            },
            ..Record::default()
        }
    }

    #[test]
    fn records_sum_by_month_and_split_and_shares_are_unknown_without_a_denominator() {
        let day = 86_400;
        let jan = 1_767_225_600; // 2026-01-01
        let recs = [
            record(jan, "critical", true),
            record(jan + day, "trusted", false),
            record(jan + 40 * day, "critical", false),
        ];
        let r = Report::build(
            "t".into(),
            "2026-12-07".into(),
            Repository::default(),
            &recs,
            vec![],
        );
        assert_eq!(r.months.len(), 2);
        assert_eq!(r.months[0].month, "2026-01");
        let t = &r.split.totals;
        assert_eq!(
            (t.commits, t.added_lines, t.ai_commits, t.ai_added_lines),
            (3, 45, 1, 15)
        );
        assert_eq!(t.disclosure_share(), Some(0.0));
        assert_eq!(t.review_share(), Some(0.0));
        assert_eq!(t.mttr_days(), None);
        let crit = &r.split.by_tier["critical"];
        assert_eq!(
            (crit.commits, crit.added_lines, crit.ai_added_lines),
            (2, 20, 10)
        );
        assert_eq!(
            crit.protected_ai_commits, 1,
            "the auth file is in the critical tier"
        );
        let root = &r.split.by_dir["(root)"];
        assert_eq!(
            root.protected_ai_commits, 0,
            "no auth file at the top level"
        );
        assert_eq!(r.repositories[0].first_day.as_deref(), Some("2026-01-01"));
        let empty = Counters::default();
        assert_eq!(empty.ai_commit_share(), None);
    }

    #[test]
    fn reports_merge_by_addition_and_refuse_another_schema() {
        let jan = 1_767_225_600;
        let a = Report::build(
            "t".into(),
            "d".into(),
            Repository {
                name: "a".into(),
                ..Default::default()
            },
            &[record(jan, "critical", true)],
            vec![],
        );
        let b = Report::build(
            "t".into(),
            "d".into(),
            Repository {
                name: "b".into(),
                ..Default::default()
            },
            &[record(jan, "trusted", false)],
            vec![],
        );
        let m = Report::merge("t".into(), "d".into(), vec![a.clone(), b]).unwrap();
        assert_eq!(m.repositories.len(), 2);
        assert_eq!(m.split.totals.commits, 2);
        assert_eq!(m.months.len(), 1);
        assert_eq!(m.months[0].split.totals.commits, 2);
        let json = serde_json::to_string(&a).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        let mut future = a;
        future.schema_version = 2;
        assert!(Report::merge("t".into(), "d".into(), vec![future]).is_err());
    }

    #[test]
    fn top_dirs() {
        assert_eq!(top_dir("src/a.rs"), "src");
        assert_eq!(top_dir("README.md"), "(root)");
        assert_eq!(month_of(0), "1970-01");
    }
}
