//! git-ai's authorship notes ("Git AI Standard" v3, `schema_version` `authorship/3.x.y`), which
//! git-ai attaches to each commit under `refs/notes/ai`. Parses the text of one note; reading it
//! from git is `collect`'s.
//!
//! Written from the standard (`specs/git_ai_standard_v3.0.0.md` in git-ai-project/git-ai) and a
//! reading of its serializer (`src/authorship/authorship_log_serialization.rs`). The grammar read
//! here (lines split at `\n`, a trailing `\r` dropped):
//!
//! ```text
//! note        = attestation* divider metadata
//! attestation = path-line entry-line*       ; a path with no entries is skipped
//! path-line   = PATH | '"' PATH '"'         ; at column 0; quoted when the path holds a space,
//!                                           ; tab or newline; a quoted path may run over lines
//! entry-line  = "  " KEY " " ranges         ; exactly two spaces, then no whitespace in ranges
//! ranges      = range ("," range)*          ; empty parts between commas are skipped
//! range       = LINE | LINE "-" LINE        ; 1-based, inclusive, at most 10^7
//! divider     = "---"                       ; the first line that is exactly this
//! metadata    = JSON object                 ; the rest of the note
//! ```
//!
//! Blank lines and trailing whitespace in the attestation section are ignored. A `KEY` is routed
//! by its prefix, as the standard says: `s_<id>::t_<trace>` to `metadata.sessions[s_<id>]` (an
//! AI session), `h_<id>` to `metadata.humans[h_<id>]` (a known human, [`Contributor::Human`]),
//! anything else to `metadata.prompts[KEY]` (a legacy AI prompt). Session and prompt lines are
//! [`Contributor::Ai`], attributed to their `agent_id` ({tool, model}) and `human_author`; a key
//! missing from its map still counts (AI or human by its prefix) with no identity.
//!
//! Of the metadata only `schema_version` (required: `authorship/3.x.y`; another major version is
//! an error), `base_commit_sha` (the commit the note describes), `prompts`, `sessions` and
//! `humans` are read; every other field, known (`total_additions`, `messages`, …) or new, is
//! ignored, and a missing map is empty.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Collector, Contributor, Identity, ParseError, Record, Source, check_size, json_error};

const NAME: &str = "git-ai";

/// The major `authorship/` schema version this reader knows.
pub const SCHEMA_MAJOR: u32 = 3;

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    schema_version: Option<String>,
}

#[derive(Deserialize)]
struct Metadata {
    #[serde(default)]
    base_commit_sha: Option<String>,
    #[serde(default)]
    prompts: Option<HashMap<String, AgentRecord>>,
    #[serde(default)]
    sessions: Option<HashMap<String, AgentRecord>>,
    #[serde(default)]
    humans: Option<HashMap<String, HumanRecord>>,
}

/// A prompt (legacy) or session record: the fields both have that matter here.
#[derive(Deserialize)]
struct AgentRecord {
    #[serde(default)]
    agent_id: Option<AgentId>,
    #[serde(default)]
    human_author: Option<String>,
}

#[derive(Deserialize)]
struct AgentId {
    #[serde(default)]
    tool: Option<String>,
    #[serde(default)]
    model: Option<String>,
}

#[derive(Deserialize)]
struct HumanRecord {
    #[serde(default)]
    author: Option<String>,
}

struct Entry<'a> {
    file: usize,
    key: &'a str,
    ranges: &'a str,
    line: usize,
}

fn err(line: Option<usize>, message: impl Into<String>) -> ParseError {
    ParseError::new(NAME, line, message.into())
}

/// Parses one authorship note.
pub fn parse(note: &str) -> Result<Record, ParseError> {
    check_size(NAME, note)?;
    let note = note.strip_prefix('\u{feff}').unwrap_or(note);

    let mut files: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut open_quote: Option<(String, usize)> = None;
    let mut divider: Option<(usize, usize)> = None; // (line, byte offset after it)
    let mut offset = 0;
    for (i, raw) in note.split_inclusive('\n').enumerate() {
        let n = i + 1;
        offset += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line == "---" {
            if let Some((_, start)) = open_quote {
                return Err(err(Some(start), "quoted path is not closed"));
            }
            divider = Some((n, offset));
            break;
        }
        if let Some((path, _)) = open_quote.as_mut() {
            path.push('\n');
            match line.strip_suffix('"') {
                Some(last) => {
                    path.push_str(last);
                    let (path, start) = open_quote.take().unwrap_or_default();
                    start_file(&mut files, path, start)?;
                }
                None => path.push_str(line),
            }
            continue;
        }
        let t = line.trim_end();
        if t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix("  ") {
            if rest.starts_with(char::is_whitespace) {
                return Err(err(
                    Some(n),
                    "an attestation entry is indented by exactly two spaces",
                ));
            }
            let Some((key, ranges)) = rest.split_once(' ') else {
                return Err(err(
                    Some(n),
                    format!("attestation entry `{rest}` has no line ranges"),
                ));
            };
            if ranges.contains(char::is_whitespace) {
                return Err(err(
                    Some(n),
                    format!("line ranges `{ranges}` contain whitespace"),
                ));
            }
            if files.is_empty() {
                return Err(err(Some(n), "attestation entry before any file path"));
            }
            entries.push(Entry {
                file: files.len() - 1,
                key,
                ranges,
                line: n,
            });
        } else if t.starts_with(char::is_whitespace) {
            return Err(err(
                Some(n),
                "a file path starts at column 0 and an entry after two spaces",
            ));
        } else if let Some(quoted) = t.strip_prefix('"') {
            match quoted.strip_suffix('"') {
                Some(path) => start_file(&mut files, path.to_owned(), n)?,
                None => open_quote = Some((quoted.to_owned(), n)),
            }
        } else {
            start_file(&mut files, t.to_owned(), n)?;
        }
    }
    let Some((divider_line, json_start)) = divider else {
        return Err(err(
            None,
            "no `---` line divides the attestations from the metadata",
        ));
    };

    let json = &note[json_start..];
    let at = |e: &serde_json::Error| {
        let (line, message) = json_error(e);
        err(
            Some(divider_line + line),
            format!("metadata is not valid JSON: {message}"),
        )
    };
    let head: Head = serde_json::from_str(json).map_err(|e| at(&e))?;
    check_schema(head.schema_version.as_deref(), divider_line + 1)?;
    let meta: Metadata = serde_json::from_str(json).map_err(|e| at(&e))?;
    let prompts = meta.prompts.unwrap_or_default();
    let sessions = meta.sessions.unwrap_or_default();
    let humans = meta.humans.unwrap_or_default();

    let mut out = Collector::new(0);
    for entry in &entries {
        let path = &files[entry.file];
        let group = if entry.key.starts_with("h_") {
            let author = humans.get(entry.key).and_then(|h| h.author.as_deref());
            out.group(path, Contributor::Human, None, None, author)
        } else {
            let (session, record) = if entry.key.starts_with("s_") {
                let id = entry.key.split("::").next().unwrap_or(entry.key);
                (id, sessions.get(id))
            } else {
                (entry.key, prompts.get(entry.key))
            };
            let identity = record
                .and_then(|r| r.agent_id.as_ref())
                .map(|a| Identity::new(a.tool.as_deref().unwrap_or(""), a.model.as_deref()));
            let human = record.and_then(|r| r.human_author.as_deref());
            out.group(path, Contributor::Ai, identity, Some(session), human)
        };
        parse_ranges(entry.ranges, |start, end| out.add(group, start, end))
            .map_err(|m| err(Some(entry.line), format!("{path}: {m}")))?;
    }

    Ok(Record {
        source: Source::GitAi,
        revision: meta.base_commit_sha.filter(|s| !s.trim().is_empty()),
        tool: Some(Identity::new("git-ai", None)),
        id: None,
        timestamp: None,
        attributions: out.finish(),
    })
}

fn start_file(files: &mut Vec<String>, path: String, line: usize) -> Result<(), ParseError> {
    if path.is_empty() {
        return Err(err(Some(line), "empty file path"));
    }
    files.push(path);
    Ok(())
}

fn check_schema(version: Option<&str>, line: usize) -> Result<(), ParseError> {
    let Some(version) = version else {
        return Err(err(Some(line), "metadata has no schema_version"));
    };
    let major = version
        .strip_prefix("authorship/")
        .and_then(|v| v.split('.').next())
        .filter(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
    match major {
        Some(m) if m.parse::<u32>().ok() == Some(SCHEMA_MAJOR) => Ok(()),
        Some(_) => Err(err(
            Some(line),
            format!(
                "schema_version `{version}` is not supported (this reader knows authorship/{SCHEMA_MAJOR}.x)"
            ),
        )),
        None => Err(err(
            Some(line),
            format!("schema_version `{version}` is not of the form authorship/MAJOR.MINOR.PATCH"),
        )),
    }
}

fn line_number(s: &str) -> Result<u64, String> {
    // Twelve digits is far past MAX_LINE and far from overflowing u64.
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{s}` is not a line number"));
    }
    s.parse().map_err(|_| format!("`{s}` is not a line number"))
}

fn parse_ranges(
    text: &str,
    mut add: impl FnMut(u64, u64) -> Result<(), String>,
) -> Result<(), String> {
    let mut any = false;
    for part in text.split(',').filter(|p| !p.is_empty()) {
        let (start, end) = match part.split_once('-') {
            Some((a, b)) => (line_number(a)?, line_number(b)?),
            None => {
                let n = line_number(part)?;
                (n, n)
            }
        };
        add(start, end)?;
        any = true;
    }
    if !any {
        return Err(format!("no line ranges in `{text}`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A legacy-format note: two files, one Claude Code prompt and one Cursor prompt.
    const TWO_PROMPTS: &str = r#"server/handlers.go
  4f1c9e2ab7d03e58 3-9,14,20-24
  90ab12cd34ef5678 30-31
"docs/user guide.md"
  90ab12cd34ef5678 1-2,5
  4f1c9e2ab7d03e58 7
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.2.0",
  "base_commit_sha": "0e4b7c2d9a1f38e6b5c4d3a2f1e0d9c8b7a69584",
  "prompts": {
    "4f1c9e2ab7d03e58": {
      "agent_id": {"tool": "claude", "id": "b1d2e3f4-0000-4aaa-8bbb-123456789abc", "model": "claude-sonnet-4-20250514"},
      "human_author": "Ruth Okafor <ruth@example.org>",
      "total_additions": 19,
      "total_deletions": 2,
      "accepted_lines": 14,
      "overriden_lines": 1
    },
    "90ab12cd34ef5678": {
      "agent_id": {"tool": "cursor", "id": "conv-77", "model": "gpt-4.1"},
      "human_author": "Ruth Okafor <ruth@example.org>",
      "messages": [{"type": "user", "text": "tidy the handlers"}],
      "total_additions": 5,
      "total_deletions": 0,
      "accepted_lines": 5,
      "overriden_lines": 0
    }
  }
}"#;

    fn meta(body: &str) -> String {
        format!(
            "---\n{{\"schema_version\":\"authorship/3.0.0\",\"base_commit_sha\":\"abc\",\"prompts\":{{}}{body}}}"
        )
    }

    /// Path, ranges, lines, identity, session.
    type Row<'a> = (&'a str, &'a [(u32, u32)], u32, String, Option<&'a str>);

    #[test]
    fn two_files_two_prompts() {
        let r = parse(TWO_PROMPTS).unwrap();
        assert_eq!(r.source, Source::GitAi);
        assert_eq!(
            r.revision.as_deref(),
            Some("0e4b7c2d9a1f38e6b5c4d3a2f1e0d9c8b7a69584")
        );
        assert_eq!(
            r.tool.as_ref().map(Identity::display).as_deref(),
            Some("git-ai")
        );
        let summary: Vec<Row> = r
            .attributions
            .iter()
            .map(|a| {
                assert_eq!(a.contributor, Contributor::Ai);
                assert_eq!(
                    a.human_author.as_deref(),
                    Some("Ruth Okafor <ruth@example.org>")
                );
                (
                    a.path.as_str(),
                    a.ranges.as_slice(),
                    a.lines,
                    a.identity.as_ref().unwrap().display(),
                    a.session.as_deref(),
                )
            })
            .collect();
        let claude = "claude-code:claude-sonnet-4-20250514".to_owned();
        let cursor = "cursor:gpt-4.1".to_owned();
        assert_eq!(
            summary,
            vec![
                (
                    "server/handlers.go",
                    &[(3, 9), (14, 14), (20, 24)][..],
                    13,
                    claude.clone(),
                    Some("4f1c9e2ab7d03e58")
                ),
                (
                    "server/handlers.go",
                    &[(30, 31)][..],
                    2,
                    cursor.clone(),
                    Some("90ab12cd34ef5678")
                ),
                (
                    "docs/user guide.md",
                    &[(1, 2), (5, 5)][..],
                    3,
                    cursor,
                    Some("90ab12cd34ef5678")
                ),
                (
                    "docs/user guide.md",
                    &[(7, 7)][..],
                    1,
                    claude,
                    Some("4f1c9e2ab7d03e58")
                ),
            ]
        );
        assert_eq!(
            r.attributions[0]
                .identity
                .as_ref()
                .unwrap()
                .provider
                .as_deref(),
            Some("anthropic")
        );
        assert_eq!(r.ai_lines(), 13 + 2 + 3 + 1);
    }

    #[test]
    fn sessions_humans_and_legacy_in_one_note() {
        let note = r#"app/main.py
  s_5e6f7a8b9c0d1e::t_00aa11bb22cc33 1-4
  s_5e6f7a8b9c0d1e::t_44dd55ee66ff77 5-8,12
  h_a0b1c2d3e4f5a6 9-11
lib/util.py
  0123456789abcdef 2-3
---
{
  "schema_version": "authorship/3.0.0",
  "base_commit_sha": "feedface",
  "prompts": {"0123456789abcdef": {"agent_id": {"tool": "codex", "id": "x", "model": "gpt-5-codex"}, "human_author": "lee@example.com", "total_additions": 2, "total_deletions": 0, "accepted_lines": 2, "overriden_lines": 0}},
  "humans": {"h_a0b1c2d3e4f5a6": {"author": "Lee Park <lee@example.com>"}},
  "sessions": {"s_5e6f7a8b9c0d1e": {"agent_id": {"tool": "windsurf", "id": "y", "model": "claude-3.7-sonnet"}, "human_author": "lee@example.com", "custom_attributes": {"team": "web"}}}
}"#;
        let r = parse(note).unwrap();
        assert_eq!(r.attributions.len(), 3);
        let s = &r.attributions[0];
        assert_eq!(
            (s.path.as_str(), s.ranges.as_slice(), s.lines),
            ("app/main.py", &[(1, 8), (12, 12)][..], 9)
        );
        assert_eq!(
            s.session.as_deref(),
            Some("s_5e6f7a8b9c0d1e"),
            "both traces of one session merge"
        );
        assert_eq!(
            s.identity.as_ref().unwrap().display(),
            "windsurf:claude-3-7-sonnet"
        );
        let h = &r.attributions[1];
        assert_eq!(
            (h.contributor, h.identity.clone(), h.session.clone()),
            (Contributor::Human, None, None)
        );
        assert_eq!(
            h.human_author.as_deref(),
            Some("Lee Park <lee@example.com>")
        );
        assert_eq!(
            r.attributions[2].identity.as_ref().unwrap().display(),
            "codex:gpt-5-codex"
        );
        assert_eq!(r.ai_lines(), 9 + 2);
    }

    #[test]
    fn quoted_paths() {
        let note = format!(
            "\"src/with space.rs\"\n  k1 1\n\"tab\there.txt\"\n  k1 2\n\"multi\nline\"\n  k1 3\n\"\"\"\n  k1 4\n{}",
            meta("")
        );
        let r = parse(&note).unwrap();
        let paths: Vec<&str> = r.attributions.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(
            paths,
            ["src/with space.rs", "tab\there.txt", "multi\nline", "\""]
        );
        // A key missing from the metadata still counts as AI, with no identity.
        assert!(
            r.attributions
                .iter()
                .all(|a| a.contributor == Contributor::Ai && a.identity.is_none())
        );
    }

    #[test]
    fn crlf_blank_lines_and_empty_files() {
        let note = "a.rs\r\n  k 1-2,\r\n\r\nempty.rs\r\nb.rs\r\n  h_x 4\r\n---\r\n{\"schema_version\":\"authorship/3.0.0\"}";
        let r = parse(note).unwrap();
        assert_eq!(r.revision, None);
        let got: Vec<(&str, Contributor)> = r
            .attributions
            .iter()
            .map(|a| (a.path.as_str(), a.contributor))
            .collect();
        assert_eq!(
            got,
            [("a.rs", Contributor::Ai), ("b.rs", Contributor::Human)]
        );
        // No attestations at all is a valid note.
        assert!(parse(&meta("")).unwrap().attributions.is_empty());
    }

    #[test]
    fn unknown_minor_fields_are_ignored() {
        let note = format!(
            "x.rs\n  k 1\n{}",
            meta(r#","sessions":null,"reviewers":[1,2],"prompts_v2":{"a":{"b":[]}}"#)
        )
        .replace("3.0.0", "3.4.1");
        assert_eq!(parse(&note).unwrap().attributions.len(), 1);
    }

    fn error(note: &str) -> ParseError {
        parse(note).expect_err(note)
    }

    #[test]
    fn malformed_notes() {
        let m = meta("");
        let e = error("a.rs\n  k 1-3\n{\"schema_version\":\"authorship/3.0.0\"}");
        assert!(e.message.contains("`---`"), "{e}");
        assert_eq!(e.line, None);

        for (note, line, needle) in [
            (format!("a.rs\n  k 1-x\n{m}"), 2, "`x` is not a line number"),
            (format!("a.rs\n  k 5-3\n{m}"), 2, "ends before it starts"),
            (format!("a.rs\n  k 0\n{m}"), 2, "numbered from 1"),
            (format!("a.rs\n  k 1-10000001\n{m}"), 2, "beyond line"),
            (format!("a.rs\n  k 99999999999999999999\n{m}"), 2, "not a line number"),
            (format!("a.rs\n  k +3\n{m}"), 2, "not a line number"),
            (format!("a.rs\n  k ,,\n{m}"), 2, "no line ranges"),
            (format!("a.rs\n  k\n{m}"), 2, "has no line ranges"),
            (format!("a.rs\n  k 1 2\n{m}"), 2, "whitespace"),
            (format!("a.rs\n   k 1\n{m}"), 2, "exactly two spaces"),
            (format!("a.rs\n\tk 1\n{m}"), 2, "column 0"),
            (format!("  k 1\n{m}"), 1, "before any file path"),
            (format!("\"open\n  k 1\n{m}"), 1, "not closed"),
            (format!("\"\"\n  k 1\n{m}"), 1, "empty file path"),
            ("a.rs\n  k 1\n---\n{\"schema_version\": \"authorship/3.0.0\",\n \"prompts\": [}".to_owned(), 5, "not valid JSON"),
            ("a.rs\n  k 1\n---\n".to_owned(), 4, "not valid JSON"),
            ("---\n{\"schema_version\":\"authorship/4.0.0\"}".to_owned(), 2, "not supported"),
            ("---\n{\"schema_version\":\"authorship/2.1.0\"}".to_owned(), 2, "not supported"),
            ("---\n{\"schema_version\":\"v3\"}".to_owned(), 2, "not of the form"),
            ("---\n{\"prompts\":{}}".to_owned(), 2, "no schema_version"),
            ("---\n{\"schema_version\":\"authorship/3.0.0\",\"prompts\":{\"k\":{\"agent_id\":7}}}".to_owned(), 2, "not valid JSON"),
        ] {
            let e = error(&note);
            assert_eq!(e.line, Some(line), "{note:?}: {e}");
            assert!(e.message.contains(needle), "{note:?}: {e}");
            assert!(e.to_string().starts_with(&format!("git-ai record: line {line}: ")), "{e}");
        }
        // A schema error is reported before any type error of a future major version.
        let e = error("---\n{\"schema_version\":\"authorship/4.0.0\",\"prompts\":[]}");
        assert!(e.message.contains("not supported"), "{e}");
    }

    #[test]
    fn limits() {
        let big = "x".repeat(crate::provenance::MAX_RECORD_BYTES + 1);
        assert!(error(&big).message.contains("more than the limit"));
        let many = format!(
            "a.rs\n  k {}\n{}",
            vec!["1"; crate::provenance::MAX_RANGES + 1].join(","),
            meta("")
        );
        assert!(
            error(&many)
                .message
                .contains("more than 100000 line ranges")
        );
        let at_limit = format!(
            "a.rs\n  k {}\n{}",
            vec!["7"; crate::provenance::MAX_RANGES].join(","),
            meta("")
        );
        let r = parse(&at_limit).unwrap();
        assert_eq!(
            (r.attributions[0].ranges.as_slice(), r.attributions[0].lines),
            (&[(7, 7)][..], 1)
        );
    }
}
