//! `scan --history [REVS…]`: every blob reachable from the revisions (default: every ref), read
//! once (deduplicated by object id) on all cores, through the same detectors, baseline and
//! policies as `scan`. Each finding is reported once, with the commit and path that first
//! introduced it, and whether it is still in HEAD's tree.

use super::scan::{One, scan_one};
use super::session::{self, CharterParts, Detectors, judge, make_evaluator, rule_infos};
use crate::collect::history::{HistoryOptions, ObjectReader};
use crate::collect::{CharterSource, GitError, Repo};
use crate::config::date::Date;
use crate::detect::redact::{Field, KnownSecrets, Role};
use crate::detect::secrets::{HiddenFinding, SecretFinding};
use crate::error::{Error, Result};
use crate::input::{self, Input, Stats};
use crate::model::{SkipReason, Stage};
use crate::pattern::{LineMap, split_lines};
use crate::report::progress::Progress;
use crate::report::{Report, Suppressed, Totals};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// How many versions of a path a worker keeps in memory to compare the next one with.
const RECENT_VERSIONS: usize = 3;

/// What `scan --history` was asked.
#[derive(Debug, Clone, Default)]
pub struct HistoryArgs {
    /// Revisions as git takes them (`main`, `v1..v2`, `^old`); empty: every ref and HEAD.
    pub revs: Vec<String>,
    /// Only commits committed at or after this date (`2024-01-31`, `2024-01-31T12:00:00+02:00`,
    /// `@1706659200`, `2 weeks ago`).
    pub since: Option<String>,
    pub until: Option<String>,
    /// Blobs larger than this are counted as skipped (default: the charter's `limits.max_file_size`).
    pub max_blob_size: Option<u64>,
}

/// One introduced blob's scan, kept when it has something to say.
struct Kept {
    blob: usize,
    one: One,
}

#[derive(Default)]
struct Acc {
    stats: Stats,
    baselined: u32,
    kept: Vec<Kept>,
    unreadable: u64,
    /// What HEAD's blobs hold (`secret_key`, `insecure_key`), whole.
    at_head: HashSet<String>,
}

impl Acc {
    fn merge(mut self, o: Acc) -> Acc {
        self.stats += &o.stats;
        self.baselined += o.baselined;
        self.kept.extend(o.kept);
        self.unreadable += o.unreadable;
        self.at_head.extend(o.at_head);
        self
    }
}

/// What one commit introduced that the report is about.
#[derive(Default)]
struct PerCommit {
    files: Vec<input::File>,
    stats: Stats,
    message: Vec<SecretFinding>,
    hidden: Vec<HiddenFinding>,
    silenced: Vec<input::SilencedSignal>,
}

pub fn scan_history(cwd: &Path, args: &HistoryArgs) -> Result<Report> {
    crate::collect::history::limit_object_cache();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let date = |what: &str, s: &Option<String>| {
        s.as_deref()
            .map(|s| parse_date(s, now).map_err(|e| Error::Usage(format!("{what} `{s}`: {e}"))))
            .transpose()
    };
    let opts = HistoryOptions {
        revs: args.revs.clone(),
        since: date("--since", &args.since)?,
        until: date("--until", &args.until)?,
    };
    // The work tree's charter judges, as for `scan`; a bare repository (a mirror) is judged by
    // HEAD's.
    let (repo, bare) = match Repo::discover(cwd) {
        Ok(r) => (r, false),
        Err(GitError::Bare(_)) => (Repo::discover_history(cwd)?, true),
        Err(e) => return Err(e.into()),
    };
    let parts = if bare {
        let head = repo.commit_id("HEAD");
        CharterParts::read(&CharterSource::commit(&repo, head.as_deref())?)?
    } else {
        CharterParts::read(&CharterSource::WorkTree(repo.root().to_path_buf()))?
    };
    let detectors = Detectors::build(&parts)?;
    let mut evaluator = make_evaluator(&parts.charter, &parts.sources, Some(repo.git_dir()))?;
    let charter = &parts.charter.charter;
    let max = args.max_blob_size.unwrap_or(charter.limits.max_file_size);
    let history = repo.history(&opts)?;
    let git_dir = repo.git_dir().to_path_buf();

    // Every introduced blob, once, on all cores.
    let d = &detectors;
    let progress = Progress::new(Some(history.blobs.len() as u64), "blobs");
    let bytes = std::sync::atomic::AtomicU64::new(0);
    // Versions of one path are scanned in order by one worker, which keeps the last few it read:
    // a new version is compared with the one before it without inflating that one again.
    let mut chains: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in history.blobs.iter().enumerate() {
        chains.entry(b.path.as_str()).or_default().push(i);
    }
    let mut chains: Vec<Vec<usize>> = chains.into_values().collect();
    chains.sort_unstable_by_key(|c| c[0]);
    let acc = chains
        .par_iter()
        .map_init(
            || ObjectReader::open(&git_dir).ok(),
            |reader, chain| {
                let mut acc = Acc::default();
                // (blob, text) of the versions of this path read last, newest first.
                let mut recent: Vec<(crate::collect::history::BlobId, Vec<u8>)> = Vec::new();
                for &i in chain {
                    let b = &history.blobs[i];
                    let read = reader.as_ref().and_then(|r| r.read(b.id, max).ok());
                    progress.inc(1);
                    let Some(blob) = read else {
                        acc.unreadable += 1;
                        acc.stats.count(Some(SkipReason::Unreadable), 0, 0, 0);
                        continue;
                    };
                    acc.stats.count(blob.skipped, 0, 0, blob.size);
                    if progress.active() {
                        let total =
                            bytes.fetch_add(blob.size, std::sync::atomic::Ordering::Relaxed);
                        progress.message(format!("{} MiB", (total + blob.size) >> 20));
                    }
                    let content = blob.content.unwrap_or_default();
                    // A new version of a file: only its new lines are new to the history.
                    let previous = b.previous.and_then(|p| {
                        if let Some(at) = recent.iter().position(|(id, _)| *id == p) {
                            return Some(recent.remove(at).1);
                        }
                        let r = reader.as_ref()?;
                        r.read(p, max).ok()?.content
                    });
                    let whole = LineMap::Contiguous { first: 1 };
                    let in_head = history.at_head.contains(&b.id);
                    let one = match &previous {
                        Some(old) if blob.skipped.is_none() => {
                            if in_head {
                                // What HEAD still holds, whatever commit added it.
                                let facts = d.scan_content(&b.path, &content, whole, true);
                                acc.at_head.extend(facts.findings.iter().map(secret_key));
                                let ins = facts.insecure.iter();
                                acc.at_head
                                    .extend(ins.map(|m| insecure_key(&m.id, &m.preview)));
                            }
                            let (added, map) = added_lines(old, &content);
                            let lines = LineMap::Mapped(&map);
                            scan_one(d, &b.path, &added, lines, blob.size, None, true)
                        }
                        _ => scan_one(d, &b.path, &content, whole, blob.size, blob.skipped, true),
                    };
                    if in_head && let Some(f) = &one.file {
                        acc.at_head.extend(f.findings.iter().map(secret_key));
                        let ins = f.insecure.iter();
                        acc.at_head
                            .extend(ins.map(|m| insecure_key(&m.id, &m.preview)));
                    }
                    acc.baselined += one.baselined;
                    if one.file.is_some() || !one.hidden.is_empty() || !one.silenced.is_empty() {
                        acc.kept.push(Kept { blob: i, one });
                    }
                    // Keep this version (and the one before, for branches that fork a file).
                    if let Some(old) = previous
                        && let Some(p) = b.previous
                    {
                        recent.insert(0, (p, old));
                    }
                    if blob.skipped.is_none() {
                        recent.insert(0, (b.id, content));
                    }
                    recent.truncate(RECENT_VERSIONS);
                }
                acc
            },
        )
        .reduce(Acc::default, Acc::merge);
    drop(progress);
    let mut stats = acc.stats;
    for _ in 0..history.links {
        stats.count(Some(SkipReason::Symlink), 0, 0, 0);
    }
    for _ in 0..history.submodules {
        stats.count(Some(SkipReason::Submodule), 0, 0, 0);
    }

    // Secrets pasted into messages and identities are in the history too.
    let redactor = detectors.redactor();
    let mut messages: Vec<(usize, Vec<SecretFinding>)> = history
        .commits
        .par_iter()
        .enumerate()
        .with_min_len(64)
        .map_init(
            || ObjectReader::open(&git_dir).ok(),
            |reader, (i, c)| {
                let mut found = Vec::new();
                if let Some(f) = reader.as_ref().and_then(|r| r.commit(c.id).ok()) {
                    redactor.ident(Role::Author, &f.author, &mut found);
                    redactor.ident(Role::Committer, &f.committer, &mut found);
                    redactor.text(Field::Message, &f.message, &mut found);
                }
                found.retain(|f| !detectors.baseline.contains(&f.fingerprint));
                (i, found)
            },
        )
        .filter(|(_, f)| !f.is_empty())
        .collect();
    messages.sort_by_key(|(i, _)| *i);

    // What is still in HEAD's tree: the same secret (rule and value, wherever it moved) or the
    // same insecure pattern (rule and line).
    let mut kept = acc.kept;
    kept.sort_by_key(|k| k.blob);
    let mut at_head = acc.at_head;
    // A value found in one blob may stand undetected in another's preview: mask it everywhere,
    // in the keys of what HEAD holds too (they name insecure findings by preview).
    let known = KnownSecrets::new(
        kept.iter()
            .flat_map(|k| k.one.secrets.iter().map(Vec::as_slice)),
    );
    if let Some(known) = &known {
        for k in &mut kept {
            let files = k
                .one
                .file
                .as_mut()
                .map(std::slice::from_mut)
                .unwrap_or_default();
            session::mask_previews(known, files, &mut k.one.silenced);
        }
        at_head = at_head
            .into_iter()
            .map(|key| match key.starts_with("i\0") {
                true => known.mask(&key),
                false => key,
            })
            .collect();
    }

    // Each finding once, with the commit that first introduced it: later versions of a file
    // carry the same secret under the same fingerprint.
    let mut seen = HashSet::new();
    let mut by_commit: BTreeMap<u32, PerCommit> = BTreeMap::new();
    for k in kept {
        let commit = history.blobs[k.blob].commit;
        let entry = by_commit.entry(commit).or_default();
        let One {
            file,
            mut hidden,
            mut silenced,
            ..
        } = k.one;
        if let Some(mut f) = file {
            f.findings
                .retain(|x| seen.insert(format!("s\0{}", x.fingerprint)));
            f.insecure
                .retain(|m| seen.insert(format!("i\0{}\0{}\0{}", m.id, m.path, m.preview)));
            if f.findings.is_empty() && f.insecure.is_empty() {
                hidden.append(&mut f.hidden);
                silenced.append(&mut f.silenced);
            } else {
                f.hidden
                    .retain(|h| seen.insert(format!("h\0{}", h.finding.fingerprint)));
                entry.stats.count(f.skipped, 0, 0, f.size);
                entry.files.push(f);
            }
        }
        hidden.retain(|h| seen.insert(format!("h\0{}", h.finding.fingerprint)));
        entry.hidden.extend(hidden);
        entry.silenced.extend(silenced);
    }
    for (i, mut found) in messages {
        found.retain(|x| seen.insert(format!("s\0{}", x.fingerprint)));
        if !found.is_empty() {
            by_commit.entry(i as u32).or_default().message = found;
        }
    }

    let root = detectors.redactor().quiet(Field::Path, &repo.root_string());
    let mut totals = Totals {
        subjects: Vec::new(),
        stats,
        commits: history.commits.len() as u32,
        baselined: acc.baselined,
        ..Totals::default()
    };
    for (i, mut c) in by_commit {
        let id = history.commits[i as usize].id.to_string();
        c.files.sort_by(|a, b| a.path.cmp(&b.path));
        for f in &mut c.files {
            f.findings.sort_by_key(|x| (x.line, x.column));
        }
        // Where each finding is (path, line) and whether it is still in HEAD, for the verdicts.
        let places: Vec<(String, u64, bool)> = c
            .files
            .iter()
            .flat_map(|f| {
                let secrets = f.findings.iter().map(|x| {
                    (
                        x.path.clone(),
                        u64::from(x.line),
                        at_head.contains(&secret_key(x)),
                    )
                });
                let insecure = f.insecure.iter().map(|m| {
                    let key = insecure_key(&m.id, &m.preview);
                    (m.path.clone(), u64::from(m.line), at_head.contains(&key))
                });
                secrets.chain(insecure).collect::<Vec<_>>()
            })
            .collect();
        let commit = input::Commit {
            id: Some(id.clone()),
            findings: c.message,
            ..input::Commit::default()
        };
        let repo_info = input::Repo {
            root: root.clone(),
            ..input::Repo::default()
        };
        let mut input = Input::new(Stage::Scan, repo_info, commit, c.files, c.stats)
            .with_charter_facts(charter, &parts.charter.waivers, Date::today());
        input.hidden.extend(c.hidden);
        input.silenced.extend(c.silenced);
        let judged = judge(&mut evaluator, &parts.charter, &input)?;
        let mut violations = judged.violations;
        for v in &mut violations {
            v.commit = Some(id.clone());
            v.at_head = v.path.as_deref().and_then(|p| {
                let here = places.iter().filter(|(q, _, _)| q == p);
                let exact = here.clone().find(|(_, l, _)| Some(*l) == v.line);
                exact
                    .map(|x| x.2)
                    .or_else(|| here.clone().next().map(|_| here.clone().any(|x| x.2)))
            });
        }
        totals.add(Totals {
            subjects: Vec::new(),
            violations,
            suppressed: Suppressed::of(&input, Some(id.as_str()))
                .into_iter()
                .chain(Suppressed::waived(judged.waived, Some(id.as_str())))
                .collect(),
            ..Totals::default()
        });
    }
    let nothing = history
        .commits
        .is_empty()
        .then(|| "no commits in the given revisions".to_string());
    Ok(Report::new(
        Stage::Scan,
        totals,
        nothing,
        rule_infos(&evaluator),
    ))
}

/// The lines of `new` that are nowhere in `old`, joined, and the line number (1-based) in `new`
/// of each. A line moved within the file is not new; a changed line is.
fn added_lines(old: &[u8], new: &[u8]) -> (Vec<u8>, Vec<u32>) {
    let before: foldhash::HashSet<&[u8]> = split_lines(old).map(|(_, l)| l).collect();
    let mut text = Vec::new();
    let mut map = Vec::new();
    for (i, (_, line)) in split_lines(new).enumerate() {
        if !before.contains(line) {
            text.extend_from_slice(line);
            text.push(b'\n');
            map.push(i as u32 + 1);
        }
    }
    text.pop();
    (text, map)
}

/// A secret's identity wherever it moved: rule and value digest (the fingerprint without its path).
fn secret_key(f: &SecretFinding) -> String {
    let digest = f.fingerprint.rsplit(':').next().unwrap_or_default();
    format!("s\0{}\0{digest}", f.rule_id)
}

fn insecure_key(id: &str, preview: &str) -> String {
    format!("i\0{id}\0{preview}")
}

/// Parses a date the way users write one for `--since`/`--until`: `YYYY-MM-DD` (midnight UTC),
/// `YYYY-MM-DD[T ]HH:MM[:SS]` with an optional `Z` or `±HH:MM` (UTC without one), `@<seconds>`,
/// or `<n> <unit>[s] [ago]` (seconds to years; git's `2.weeks.ago` too). Seconds since the epoch.
pub fn parse_date(s: &str, now: i64) -> std::result::Result<i64, String> {
    let t = s.trim();
    if let Some(n) = t.strip_prefix('@') {
        return n
            .parse::<i64>()
            .map_err(|_| "not a number of seconds".to_string());
    }
    let words: Vec<&str> = t.split(['.', ' ']).filter(|w| !w.is_empty()).collect();
    if let [n, unit, rest @ ..] = words.as_slice()
        && let Ok(n) = n.parse::<i64>()
        && (rest.is_empty() || rest == ["ago"])
    {
        let unit = unit.to_ascii_lowercase();
        let secs = match unit.trim_end_matches('s') {
            "second" | "sec" => 1,
            "minute" | "min" => 60,
            "hour" => 3600,
            "day" => 86_400,
            "week" => 7 * 86_400,
            "month" => 30 * 86_400,
            "year" => 365 * 86_400,
            _ => return Err(format!("unknown unit `{unit}`")),
        };
        return Ok(now.saturating_sub(n.saturating_mul(secs)));
    }
    let bad = || {
        "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], @SECONDS or `N days ago`".to_string()
    };
    let num = |x: &str| -> std::result::Result<i64, String> {
        if x.is_empty() || !x.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        x.parse().map_err(|_| bad())
    };
    let (date, time) = match t.split_once(['T', 't', ' ']) {
        Some((d, tm)) => (d, Some(tm.trim())),
        None => (t, None),
    };
    let mut ymd = date.split('-');
    let (Some(y), Some(m), Some(d), None) = (ymd.next(), ymd.next(), ymd.next(), ymd.next()) else {
        return Err(bad());
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1970..=9999).contains(&y) {
        return Err(bad());
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(tm) = time {
        let (clock, offset) = if let Some(c) = tm.strip_suffix(['Z', 'z']) {
            (c, 0)
        } else if let Some(i) = tm.rfind(['+', '-']) {
            let (c, o) = tm.split_at(i);
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
            (c, sign * (num(oh)? * 3600 + num(om)? * 60))
        } else {
            (tm, 0)
        };
        let parts: Vec<&str> = clock.split(':').collect();
        let (h, mi, sec) = match parts.as_slice() {
            [h, mi] => (num(h)?, num(mi)?, 0),
            [h, mi, s] => (num(h)?, num(mi)?, num(s)?),
            _ => return Err(bad()),
        };
        if h > 23 || mi > 59 || sec > 60 {
            return Err(bad());
        }
        secs += h * 3600 + mi * 60 + sec - offset;
    }
    Ok(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_the_forms_users_write() {
        let now = 1_800_000_000;
        assert_eq!(parse_date("1970-01-02", now), Ok(86_400));
        assert_eq!(parse_date("2024-02-29", now), Ok(1_709_164_800));
        assert_eq!(parse_date("2024-02-29T01:02:03Z", now), Ok(1_709_168_523));
        assert_eq!(parse_date("2024-02-29 01:02", now), Ok(1_709_168_520));
        assert_eq!(
            parse_date("2024-02-29T03:02:03+02:00", now),
            Ok(1_709_168_523)
        );
        assert_eq!(parse_date("@1700000000", now), Ok(1_700_000_000));
        assert_eq!(parse_date("2 weeks ago", now), Ok(now - 14 * 86_400));
        assert_eq!(parse_date("3.days.ago", now), Ok(now - 3 * 86_400));
        assert_eq!(parse_date("1 hour", now), Ok(now - 3600));
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-1",
            "5 fortnights ago",
            "2024-01-01T25:00",
        ] {
            assert!(parse_date(bad, now).is_err(), "{bad}");
        }
    }
}
