//! AI-provenance records that other tools write, parsed into one model: git-ai's authorship notes
//! ([`gitai`]) and Agent Trace files ([`trace`]), with one tool/model [`Identity`].
//! Pure parsers over strings: no git2, no file or note reading (that is `collect`), no printing.
//!
//! Every parser is linear in its input (sorting the ranges aside), refuses inputs over
//! [`MAX_RECORD_BYTES`], more than [`MAX_RANGES`] ranges or line numbers over [`MAX_LINE`] with a
//! [`ParseError`], and never panics.

pub mod gitai;
pub mod identity;
pub mod trace;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use identity::{Identity, parse_disclosure};

/// The largest note or trace file parsed, in bytes.
pub const MAX_RECORD_BYTES: usize = 4 << 20;
/// The most line ranges one input may hold (a note, or all the records of one trace file).
pub const MAX_RANGES: usize = 100_000;
/// The largest line number accepted.
pub const MAX_LINE: u32 = 10_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    GitAi,
    AgentTrace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Contributor {
    Ai,
    Mixed,
    Human,
    Unknown,
}

impl Contributor {
    /// AI wrote the lines, alone or with a human (`Ai` and `Mixed`).
    pub fn is_ai(self) -> bool {
        matches!(self, Contributor::Ai | Contributor::Mixed)
    }
}

/// Lines of one file attributed to one contributor (and identity, session, human author).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub path: String,
    /// Inclusive, 1-based, sorted; overlapping and adjacent ranges merged.
    pub ranges: Vec<(u32, u32)>,
    /// The number of lines in `ranges`.
    pub lines: u32,
    pub contributor: Contributor,
    /// The agent and model; `None` for human lines and when the record names neither.
    pub identity: Option<Identity>,
    /// git-ai's prompt hash or session id (`s_…`, without its `::t_…` trace), or Agent Trace's
    /// conversation url.
    pub session: Option<String>,
    /// git-ai's `human_author` of the prompt or session, or the `author` of a known human.
    pub human_author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub source: Source,
    /// The commit the record describes, when it says: git-ai's `base_commit_sha`, Agent
    /// Trace's `vcs.revision` when `vcs.type` is `git`.
    pub revision: Option<String>,
    /// The tool that wrote the record: Agent Trace's `tool`; `git-ai` for a git-ai note.
    pub tool: Option<Identity>,
    /// Agent Trace's record `id`.
    pub id: Option<String>,
    /// Agent Trace's record `timestamp`, as written.
    pub timestamp: Option<String>,
    /// In order of first appearance, one per (path, contributor, identity, session, human
    /// author).
    pub attributions: Vec<Attribution>,
}

impl Record {
    /// The distinct lines, summed over paths, of the attributions `keep` accepts (overlaps
    /// between attributions counted once).
    pub fn lines_where(&self, keep: impl Fn(&Attribution) -> bool) -> u64 {
        let mut by_path: BTreeMap<&str, Vec<(u32, u32)>> = BTreeMap::new();
        for a in self.attributions.iter().filter(|a| keep(a)) {
            by_path.entry(&a.path).or_default().extend(&a.ranges);
        }
        by_path
            .into_values()
            .map(|mut ranges| u64::from(merge(&mut ranges)))
            .sum()
    }

    /// The distinct lines written by AI, alone or with a human ([`Contributor::is_ai`]).
    pub fn ai_lines(&self) -> u64 {
        self.lines_where(|a| a.contributor.is_ai())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name} record: {message}")]
pub struct ParseError {
    /// `git-ai` or `agent-trace`.
    pub source_name: &'static str,
    /// The 1-based line of the input where the problem is (or where its record starts).
    pub line: Option<usize>,
    /// What is wrong, starting with `line N: ` when `line` is known.
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(source_name: &'static str, line: Option<usize>, message: String) -> Self {
        let message = match line {
            Some(n) => format!("line {n}: {message}"),
            None => message,
        };
        ParseError {
            source_name,
            line,
            message,
        }
    }
}

pub(crate) fn check_size(source_name: &'static str, text: &str) -> Result<(), ParseError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(ParseError::new(
            source_name,
            None,
            format!(
                "{} bytes, more than the limit of {MAX_RECORD_BYTES}",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// serde_json's message without its ` at line L column C` (relative to a slice, so misleading),
/// and the line it names.
pub(crate) fn json_error(e: &serde_json::Error) -> (usize, String) {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    (e.line(), message)
}

/// Checks one inclusive range of 1-based lines.
pub(crate) fn check_range(start: u64, end: u64) -> Result<(u32, u32), String> {
    if start == 0 || end == 0 {
        return Err(format!("range {start}-{end}: lines are numbered from 1"));
    }
    if start > u64::from(MAX_LINE) || end > u64::from(MAX_LINE) {
        return Err(format!("range {start}-{end}: beyond line {MAX_LINE}"));
    }
    if end < start {
        return Err(format!("range {start}-{end}: ends before it starts"));
    }
    Ok((start as u32, end as u32))
}

/// Sorts and merges overlapping and adjacent ranges in place; returns their line count.
fn merge(ranges: &mut Vec<(u32, u32)>) -> u32 {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for &(start, end) in ranges.iter() {
        match out.last_mut() {
            Some(last) if start <= last.1.saturating_add(1) => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    *ranges = out;
    // At most MAX_LINE distinct lines: no overflow.
    ranges.iter().map(|&(s, e)| e - s + 1).sum()
}

type GroupKey = (
    String,
    Contributor,
    Option<Identity>,
    Option<String>,
    Option<String>,
);

/// Gathers ranges into attributions, one per key, under one [`MAX_RANGES`] budget.
pub(crate) struct Collector {
    groups: HashMap<GroupKey, usize>,
    attributions: Vec<Attribution>,
    used: usize,
}

impl Collector {
    /// A collector that has already spent `used` of the range budget.
    pub(crate) fn new(used: usize) -> Self {
        Collector {
            groups: HashMap::new(),
            attributions: Vec::new(),
            used,
        }
    }

    pub(crate) fn used(&self) -> usize {
        self.used
    }

    pub(crate) fn group(
        &mut self,
        path: &str,
        contributor: Contributor,
        identity: Option<Identity>,
        session: Option<&str>,
        human_author: Option<&str>,
    ) -> usize {
        let key: GroupKey = (
            path.to_owned(),
            contributor,
            identity,
            session.map(str::to_owned),
            human_author.map(str::to_owned),
        );
        if let Some(&i) = self.groups.get(&key) {
            return i;
        }
        let i = self.attributions.len();
        self.attributions.push(Attribution {
            path: key.0.clone(),
            ranges: Vec::new(),
            lines: 0,
            contributor,
            identity: key.2.clone(),
            session: key.3.clone(),
            human_author: key.4.clone(),
        });
        self.groups.insert(key, i);
        i
    }

    pub(crate) fn add(&mut self, group: usize, start: u64, end: u64) -> Result<(), String> {
        let range = check_range(start, end)?;
        self.used += 1;
        if self.used > MAX_RANGES {
            return Err(format!("more than {MAX_RANGES} line ranges"));
        }
        self.attributions[group].ranges.push(range);
        Ok(())
    }

    pub(crate) fn finish(self) -> Vec<Attribution> {
        let mut out = self.attributions;
        out.retain(|a| !a.ranges.is_empty());
        for a in &mut out {
            a.lines = merge(&mut a.ranges);
        }
        out
    }
}

/// Runs both parsers and [`parse_disclosure`] on any bytes (read as lossy UTF-8) and checks the
/// invariants of what they return; for the fuzz targets. Panics only on a bug.
#[doc(hidden)]
pub fn fuzz_parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(record) = gitai::parse(&text) {
        check_invariants(&record);
    }
    if let Ok(records) = trace::parse(&text) {
        records.iter().for_each(check_invariants);
    }
    for line in text.lines().take(64) {
        if let Some(id) = parse_disclosure(line) {
            assert!(!id.tool.is_empty());
            assert_eq!(identity::canonical_tool(&id.tool), id.tool);
        }
    }
}

fn check_invariants(record: &Record) {
    for a in &record.attributions {
        assert!(!a.ranges.is_empty());
        let mut lines = 0u64;
        for (i, &(s, e)) in a.ranges.iter().enumerate() {
            assert!(1 <= s && s <= e && e <= MAX_LINE);
            if i > 0 {
                assert!(a.ranges[i - 1].1.saturating_add(1) < s, "sorted and merged");
            }
            lines += u64::from(e - s + 1);
        }
        assert_eq!(lines, u64::from(a.lines));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sorts_merges_and_counts() {
        let mut r = vec![(10, 12), (1, 3), (2, 5), (6, 6), (20, 20), (11, 11)];
        assert_eq!(merge(&mut r), 6 + 3 + 1);
        assert_eq!(r, vec![(1, 6), (10, 12), (20, 20)]);
        let mut max = vec![(1, MAX_LINE), (1, MAX_LINE)];
        assert_eq!(merge(&mut max), MAX_LINE);
    }

    #[test]
    fn ranges_are_checked() {
        assert_eq!(check_range(1, 1), Ok((1, 1)));
        assert!(check_range(0, 3).unwrap_err().contains("from 1"));
        assert!(check_range(5, 4).unwrap_err().contains("before it starts"));
        assert!(
            check_range(1, u64::from(MAX_LINE) + 1)
                .unwrap_err()
                .contains("beyond")
        );
        assert!(check_range(u64::MAX, u64::MAX).is_err());
    }

    #[test]
    fn collector_groups_and_enforces_the_budget() {
        let mut c = Collector::new(MAX_RANGES - 2);
        let g = c.group("a.rs", Contributor::Ai, None, Some("s1"), None);
        assert_eq!(c.group("a.rs", Contributor::Ai, None, Some("s1"), None), g);
        assert_ne!(c.group("a.rs", Contributor::Human, None, None, None), g);
        c.add(g, 3, 4).unwrap();
        c.add(g, 1, 2).unwrap();
        assert!(c.add(g, 9, 9).unwrap_err().contains("more than"));
        let out = c.finish();
        assert_eq!(out.len(), 1, "the empty human group is dropped");
        assert_eq!((out[0].ranges.clone(), out[0].lines), (vec![(1, 4)], 4));
    }

    #[test]
    fn lines_where_counts_overlaps_once() {
        let attr = |path: &str, contributor, ranges: Vec<(u32, u32)>| {
            let lines = ranges.iter().map(|&(s, e)| e - s + 1).sum();
            Attribution {
                path: path.into(),
                ranges,
                lines,
                contributor,
                identity: None,
                session: None,
                human_author: None,
            }
        };
        let record = Record {
            source: Source::AgentTrace,
            revision: None,
            tool: None,
            id: None,
            timestamp: None,
            attributions: vec![
                attr("a.rs", Contributor::Ai, vec![(1, 10)]),
                attr("a.rs", Contributor::Mixed, vec![(5, 12)]),
                attr("a.rs", Contributor::Human, vec![(13, 40)]),
                attr("b.rs", Contributor::Ai, vec![(1, 10)]),
                attr("c.rs", Contributor::Unknown, vec![(1, 3)]),
            ],
        };
        assert_eq!(record.ai_lines(), 12 + 10);
        assert_eq!(
            record.lines_where(|a| a.contributor == Contributor::Human),
            28
        );
    }

    #[test]
    fn fuzz_entry_survives_odd_bytes() {
        for data in [
            &b""[..],
            b"---",
            b"\xff\xfe---\n{}",
            b"a\n  k 1-2\n---\n{\"schema_version\":\"authorship/3.0.0\"}",
            b"[[[[[[[[",
            b"{\"version\":\"0.1.0\",\"files\":[]}\n{",
            b"\"\n  k 1\n---",
        ] {
            fuzz_parse(data);
        }
        let deep = "[".repeat(10_000);
        fuzz_parse(deep.as_bytes());
    }
}
