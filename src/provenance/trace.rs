//! Agent Trace records (spec v0.1, agent-trace.dev, CC BY 4.0): JSON that coding agents write
//! to say which lines of which files came from which conversation and model. Parses the text of
//! one trace file; finding and reading it is `collect`'s.
//!
//! Written from the specification (`README.md` and `schemas.ts` in cursor/agent-trace). The
//! shape read here; every other field is ignored:
//!
//! ```text
//! input        = record | "[" record,* "]" | record-or-array (NEWLINE record-or-array)*  ; JSON Lines
//! record       = { version: "0.x.y", id?, timestamp?, vcs?: {type, revision}, tool?: {name, version?},
//!                  files: [ file* ], metadata? }
//! file         = { path: non-empty string, conversations: [ conversation* ] }
//! conversation = { url?, contributor?, ranges: [ range* ], related? }
//! contributor  = { type: "ai" | "mixed" | "human" | "unknown", model_id?: "provider/model" }
//! range        = { start_line: 1..=10^7, end_line: start_line..=10^7, content_hash?, contributor? }
//! ```
//!
//! Any sequence of JSON values separated by whitespace is accepted, each a record or an array of
//! records, so one record, an array and JSON Lines (blank lines allowed) all parse; an empty
//! input is no records. A `version` whose major is not 0 is an error, as is a missing one.
//!
//! Each range's contributor is its own `contributor` when it has one (its `model_id`, when
//! absent, falling back to the conversation's unless the range is human), else the
//! conversation's, else `unknown`; an unknown `type` string reads as `unknown`. A range's
//! identity is the record's `tool` (a `tool.name` of `unknown` counts as none) with the
//! contributor's `model_id`; human ranges, unknown ranges without a model id, and ranges with
//! neither a tool nor a model have none. The conversation `url` is the session.
//! `revision` is `vcs.revision` only when `vcs.type` is `git` (a jj change id is no commit).

use serde::Deserialize;
use serde_json::value::RawValue;

use super::identity::UNKNOWN_TOOL;
use super::{Collector, Contributor, Identity, ParseError, Record, Source, check_size, json_error};

const NAME: &str = "agent-trace";

/// The major specification version this reader knows.
pub const VERSION_MAJOR: u32 = 0;

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    timestamp: Option<String>,
    #[serde(default)]
    vcs: Option<RawVcs>,
    #[serde(default)]
    tool: Option<RawTool>,
    files: Vec<RawFile>,
}

#[derive(Deserialize)]
struct RawVcs {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    revision: Option<String>,
}

#[derive(Deserialize)]
struct RawTool {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct RawFile {
    path: String,
    #[serde(default)]
    conversations: Vec<RawConversation>,
}

#[derive(Deserialize)]
struct RawConversation {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    contributor: Option<RawContributor>,
    #[serde(default)]
    ranges: Vec<RawRange>,
}

#[derive(Deserialize)]
struct RawContributor {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    model_id: Option<String>,
}

#[derive(Deserialize)]
struct RawRange {
    start_line: u64,
    end_line: u64,
    #[serde(default)]
    contributor: Option<RawContributor>,
}

fn err(line: Option<usize>, message: impl Into<String>) -> ParseError {
    ParseError::new(NAME, line, message.into())
}

/// Counts lines forward through the input, so each value's first line costs only the bytes
/// since the previous one.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    /// The 1-based line of byte `offset` (never before the previous call's).
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.clamp(self.pos, self.text.len());
        self.line += self.text.as_bytes()[self.pos..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = offset;
        self.line
    }
}

/// Parses a trace file: one record, an array of records, or JSON Lines.
pub fn parse(text: &str) -> Result<Vec<Record>, ParseError> {
    check_size(NAME, text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.as_ptr() as usize;
    let mut lines = Lines {
        text,
        pos: 0,
        line: 1,
    };
    let mut records = Vec::new();
    let mut used = 0;
    let stream = serde_json::Deserializer::from_str(text).into_iter::<&RawValue>();
    for value in stream {
        let value = value.map_err(|e| {
            let (line, message) = json_error(&e);
            err(Some(line), format!("not valid JSON: {message}"))
        })?;
        let slice = value.get();
        let line = lines.at((slice.as_ptr() as usize).saturating_sub(base));
        if slice.starts_with('[') {
            let items: Vec<&RawValue> = serde_json::from_str(slice).map_err(|e| {
                let (l, message) = json_error(&e);
                err(Some(line + l - 1), format!("not valid JSON: {message}"))
            })?;
            for item in items {
                let item = item.get();
                let line = lines.at((item.as_ptr() as usize).saturating_sub(base));
                if item.starts_with('[') {
                    return Err(err(Some(line), "expected a trace record, found an array"));
                }
                records.push(record(item, line, records.len() + 1, &mut used)?);
            }
        } else {
            records.push(record(slice, line, records.len() + 1, &mut used)?);
        }
    }
    Ok(records)
}

/// One record, whose text starts at `line`; `used` is the range budget spent so far.
fn record(text: &str, line: usize, index: usize, used: &mut usize) -> Result<Record, ParseError> {
    let raw: RawRecord = serde_json::from_str(text).map_err(|e| {
        let (l, message) = json_error(&e);
        err(
            Some(line + l - 1),
            format!("record {index} is not a trace record: {message}"),
        )
    })?;
    let at = |message: String| err(Some(line), format!("record {index}: {message}"));
    check_version(raw.version.as_deref()).map_err(at)?;

    let tool = raw
        .tool
        .as_ref()
        .and_then(|t| t.name.as_deref())
        .filter(|n| !n.trim().is_empty())
        .map(|n| Identity::new(n, None))
        .filter(Identity::tool_known);
    let tool_name = tool.as_ref().map_or(UNKNOWN_TOOL, |t| t.tool.as_str());

    let mut out = Collector::new(*used);
    for (fi, file) in raw.files.iter().enumerate() {
        if file.path.is_empty() {
            return Err(at(format!("files[{fi}] has an empty path")));
        }
        for (ci, conv) in file.conversations.iter().enumerate() {
            let session = conv.url.as_deref().filter(|u| !u.is_empty());
            let outer = conv.contributor.as_ref();
            let mut last: Option<(Contributor, Option<&str>, usize)> = None;
            for (ri, range) in conv.ranges.iter().enumerate() {
                let (contributor, model_id) = effective(outer, range.contributor.as_ref());
                let group = match last {
                    Some((c, m, g)) if c == contributor && m == model_id => g,
                    _ => {
                        let identity = match (contributor, model_id) {
                            (Contributor::Human, _) => None,
                            (Contributor::Unknown, None) => None,
                            (_, None) if tool.is_none() => None,
                            (_, model) => Some(Identity::new(tool_name, model)),
                        };
                        let g = out.group(&file.path, contributor, identity, session, None);
                        last = Some((contributor, model_id, g));
                        g
                    }
                };
                out.add(group, range.start_line, range.end_line)
                    .map_err(|m| {
                        at(format!(
                            "{:?} conversations[{ci}] ranges[{ri}]: {m}",
                            file.path
                        ))
                    })?;
            }
        }
    }
    *used = out.used();

    Ok(Record {
        source: Source::AgentTrace,
        revision: raw
            .vcs
            .filter(|v| {
                v.kind
                    .as_deref()
                    .is_some_and(|k| k.eq_ignore_ascii_case("git"))
            })
            .and_then(|v| v.revision)
            .filter(|r| !r.trim().is_empty()),
        tool,
        id: raw.id,
        timestamp: raw.timestamp,
        attributions: out.finish(),
    })
}

fn contributor_type(kind: Option<&str>) -> Contributor {
    match kind.map(str::trim) {
        Some(k) if k.eq_ignore_ascii_case("ai") => Contributor::Ai,
        Some(k) if k.eq_ignore_ascii_case("mixed") => Contributor::Mixed,
        Some(k) if k.eq_ignore_ascii_case("human") => Contributor::Human,
        _ => Contributor::Unknown,
    }
}

/// A range's contributor and model id: its own override, else its conversation's.
fn effective<'a>(
    conversation: Option<&'a RawContributor>,
    range: Option<&'a RawContributor>,
) -> (Contributor, Option<&'a str>) {
    let kind = range
        .and_then(|r| r.kind.as_deref())
        .or_else(|| conversation.and_then(|c| c.kind.as_deref()));
    let contributor = contributor_type(kind);
    if contributor == Contributor::Human {
        return (contributor, None);
    }
    let model = range
        .and_then(|r| r.model_id.as_deref())
        .or_else(|| conversation.and_then(|c| c.model_id.as_deref()))
        .filter(|m| !m.trim().is_empty());
    (contributor, model)
}

fn check_version(version: Option<&str>) -> Result<(), String> {
    let Some(version) = version else {
        return Err("no version".to_owned());
    };
    let mut parts = version.split('.');
    let well_formed = version
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let major = parts
        .next()
        .filter(|_| well_formed)
        .and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(VERSION_MAJOR) => Ok(()),
        Some(_) => Err(format!(
            "version `{version}` is not supported (this reader knows {VERSION_MAJOR}.x)"
        )),
        None => Err(format!(
            "version `{version}` is not of the form MAJOR.MINOR.PATCH"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provenance::{MAX_RANGES, MAX_RECORD_BYTES};

    const SINGLE: &str = r#"{
  "version": "0.1.0",
  "id": "0f8e2c1a-5b4d-4c3e-9a1f-7e6d5c4b3a21",
  "timestamp": "2026-02-11T09:15:00Z",
  "vcs": {"type": "git", "revision": "3c9d1e7f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d"},
  "tool": {"name": "Claude Code", "version": "2.1.4"},
  "files": [
    {
      "path": "lib/billing/invoice.rb",
      "conversations": [
        {
          "url": "https://agent.example.net/sessions/alpha",
          "contributor": {"type": "ai", "model_id": "anthropic/claude-opus-4-5-20251101"},
          "ranges": [
            {"start_line": 40, "end_line": 55, "content_hash": "murmur3:0badf00d"},
            {"start_line": 12, "end_line": 20},
            {"start_line": 50, "end_line": 60},
            {"start_line": 70, "end_line": 72, "contributor": {"type": "mixed"}},
            {"start_line": 90, "end_line": 91, "contributor": {"type": "ai", "model_id": "openai/gpt-5"}},
            {"start_line": 95, "end_line": 95, "contributor": {"type": "human", "model_id": "openai/gpt-5"}}
          ],
          "related": [{"type": "prompt", "url": "https://agent.example.net/prompts/1"}]
        },
        {
          "contributor": {"type": "human"},
          "ranges": [{"start_line": 1, "end_line": 11}]
        }
      ]
    },
    {
      "path": "spec/invoice_spec.rb",
      "conversations": [
        {"contributor": {"type": "unknown", "model_id": "openai/o3"}, "ranges": [{"start_line": 3, "end_line": 4}]},
        {"ranges": [{"start_line": 8, "end_line": 8}]}
      ]
    }
  ],
  "metadata": {"confidence": 0.8, "net.example.agent": {"workspace": "w-19"}}
}"#;

    /// Path, ranges, lines, contributor, identity, session.
    type Row = (
        String,
        Vec<(u32, u32)>,
        u32,
        Contributor,
        Option<String>,
        Option<String>,
    );

    fn summary(r: &Record) -> Vec<Row> {
        r.attributions
            .iter()
            .map(|a| {
                (
                    a.path.clone(),
                    a.ranges.clone(),
                    a.lines,
                    a.contributor,
                    a.identity.as_ref().map(Identity::display),
                    a.session.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn single_record() {
        let records = parse(SINGLE).unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.source, Source::AgentTrace);
        assert_eq!(
            r.revision.as_deref(),
            Some("3c9d1e7f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d")
        );
        assert_eq!(r.tool, Some(Identity::new("claude-code", None)));
        assert_eq!(
            r.id.as_deref(),
            Some("0f8e2c1a-5b4d-4c3e-9a1f-7e6d5c4b3a21")
        );
        assert_eq!(r.timestamp.as_deref(), Some("2026-02-11T09:15:00Z"));
        let url = Some("https://agent.example.net/sessions/alpha".to_owned());
        let opus = Some("claude-code:claude-opus-4-5-20251101".to_owned());
        let inv = "lib/billing/invoice.rb".to_owned();
        let spec = "spec/invoice_spec.rb".to_owned();
        assert_eq!(
            summary(r),
            vec![
                (
                    inv.clone(),
                    vec![(12, 20), (40, 60)],
                    9 + 21,
                    Contributor::Ai,
                    opus.clone(),
                    url.clone()
                ),
                // A range-level `mixed` keeps the conversation's model.
                (
                    inv.clone(),
                    vec![(70, 72)],
                    3,
                    Contributor::Mixed,
                    opus,
                    url.clone()
                ),
                // A range-level model (an agent handoff).
                (
                    inv.clone(),
                    vec![(90, 91)],
                    2,
                    Contributor::Ai,
                    Some("claude-code:gpt-5".into()),
                    url.clone()
                ),
                // Human lines carry no identity, even with a model id.
                (
                    inv.clone(),
                    vec![(95, 95)],
                    1,
                    Contributor::Human,
                    None,
                    url
                ),
                (inv, vec![(1, 11)], 11, Contributor::Human, None, None),
                (
                    spec.clone(),
                    vec![(3, 4)],
                    2,
                    Contributor::Unknown,
                    Some("claude-code:o3".into()),
                    None
                ),
                // Neither a contributor nor a model: unknown, no identity.
                (spec, vec![(8, 8)], 1, Contributor::Unknown, None, None),
            ]
        );
        let handoff = r.attributions[2].identity.as_ref().unwrap();
        assert_eq!(handoff.provider.as_deref(), Some("openai"));
        assert_eq!(r.ai_lines(), 30 + 3 + 2);
    }

    #[test]
    fn array_of_records() {
        let text = r#"  [
  {"version": "0.1.0", "id": "a", "timestamp": "2026-01-02T03:04:05Z",
   "files": [{"path": "a.ts", "conversations": [{"contributor": {"type": "ai", "model_id": "openai/gpt-4o"}, "ranges": [{"start_line": 1, "end_line": 5}]}]}]},
  {"version": "0.2.0", "id": "b", "timestamp": "2026-01-02T03:04:06Z", "vcs": {"type": "jj", "revision": "kxqpmtzu"},
   "tool": {"name": "cursor"},
   "files": [{"path": "b.ts", "conversations": [{"contributor": {"type": "AI"}, "ranges": [{"start_line": 2, "end_line": 2}]}]}]}
]"#;
        let records = parse(text).unwrap();
        assert_eq!(records.len(), 2);
        let unknown_tool = text.replace(
            r#""tool": {"name": "cursor"}"#,
            r#""tool": {"name": "unknown"}"#,
        );
        assert_eq!(parse(&unknown_tool).unwrap()[1].tool, None);
        assert_eq!(summary(&records[0])[0].4.as_deref(), Some("unknown:gpt-4o"));
        assert_eq!(records[0].tool, None);
        assert_eq!(records[1].revision, None, "a jj change id is not a commit");
        assert_eq!(summary(&records[1])[0].4.as_deref(), Some("cursor"));
        assert_eq!(records[1].attributions[0].contributor, Contributor::Ai);
    }

    #[test]
    fn json_lines() {
        let line = |id: &str, model: &str, start: u32| {
            format!(
                r#"{{"version":"0.1.0","id":"{id}","timestamp":"2026-03-01T00:00:00Z","tool":{{"name":"opencode"}},"files":[{{"path":"src/x.go","conversations":[{{"url":"file:///tmp/t-{id}.jsonl","contributor":{{"type":"ai","model_id":"{model}"}},"ranges":[{{"start_line":{start},"end_line":{}}}]}}]}}]}}"#,
                start + 3
            )
        };
        let text = format!(
            "{}\n\n{}\r\n{}\n",
            line("r1", "anthropic/claude-sonnet-4-5", 1),
            line("r2", "google/gemini-2.5-pro", 10),
            line("r3", "anthropic/claude-sonnet-4-5", 20)
        );
        let records = parse(&text).unwrap();
        let ids: Vec<_> = records.iter().map(|r| r.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["r1", "r2", "r3"]);
        assert_eq!(
            records[1].attributions[0]
                .identity
                .as_ref()
                .unwrap()
                .display(),
            "opencode:gemini-2.5-pro"
        );
        assert!(parse("").unwrap().is_empty());
        assert!(parse(" \n\n ").unwrap().is_empty());

        // A bad line is named by its line number.
        let bad = format!(
            "{}\n{}\n{}\n",
            line("r1", "openai/gpt-4o", 1),
            line("r2", "openai/gpt-4o", 1).replace("\"end_line\":4", "\"end_line\":0"),
            line("r3", "openai/gpt-4o", 1)
        );
        let e = parse(&bad).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(
            e.message.contains("record 2") && e.message.contains("ranges[0]"),
            "{e}"
        );
        let broken = format!(
            "{}\n{{\"version\": \"0.1.0\", \"files\": [\n",
            line("r1", "openai/gpt-4o", 1)
        );
        assert_eq!(parse(&broken).unwrap_err().line, Some(3));
        let wrong_type = format!(
            "{}\n\n{{\"version\":\"0.1.0\",\"files\":[{{\"path\":7}}]}}",
            line("r1", "x", 1)
        );
        let e = parse(&wrong_type).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(
            e.to_string()
                .starts_with("agent-trace record: line 3: record 2 is not a trace record"),
            "{e}"
        );
    }

    #[test]
    fn malformed_records() {
        let rec = |body: &str| format!(r#"{{"version":"0.1.0","id":"x","timestamp":"t",{body}}}"#);
        let range = |r: &str| {
            rec(&format!(
                r#""files":[{{"path":"p","conversations":[{{"ranges":[{r}]}}]}}]"#
            ))
        };
        for (text, needle) in [
            (
                range(r#"{"start_line":9,"end_line":3}"#),
                "ends before it starts",
            ),
            (range(r#"{"start_line":0,"end_line":3}"#), "numbered from 1"),
            (
                range(r#"{"start_line":1,"end_line":20000000}"#),
                "beyond line",
            ),
            (
                range(r#"{"start_line":-1,"end_line":3}"#),
                "not a trace record",
            ),
            (
                range(r#"{"start_line":1.5,"end_line":3}"#),
                "not a trace record",
            ),
            (range(r#"{"start_line":1}"#), "missing field `end_line`"),
            (
                rec(r#""files":[{"path":"","conversations":[]}]"#),
                "empty path",
            ),
            (rec(r#""nofiles":[]"#), "missing field `files`"),
            (r#"{"files":[]}"#.to_owned(), "no version"),
            (
                r#"{"version":"1.0.0","files":[]}"#.to_owned(),
                "not supported",
            ),
            (
                r#"{"version":"zero","files":[]}"#.to_owned(),
                "not of the form",
            ),
            ("[[]]".to_owned(), "found an array"),
            ("42".to_owned(), "not a trace record"),
            (
                "{\"version\":\"0.1.0\",\"files\":[]} }".to_owned(),
                "not valid JSON",
            ),
        ] {
            let e = parse(&text).expect_err(&text);
            assert!(e.message.contains(needle), "{text}: {e}");
            assert!(e.line.is_some(), "{text}: {e}");
        }
        // Unknown contributor types and fields are read leniently.
        let lenient =
            range(r#"{"start_line":1,"end_line":2,"contributor":{"type":"robot","extra":1}}"#);
        let r = parse(&lenient).unwrap();
        assert_eq!(r[0].attributions[0].contributor, Contributor::Unknown);
    }

    #[test]
    fn limits() {
        assert!(
            parse(&" ".repeat(MAX_RECORD_BYTES + 1))
                .unwrap_err()
                .message
                .contains("limit")
        );
        let ranges = vec![r#"{"start_line":1,"end_line":1}"#; MAX_RANGES / 2 + 1].join(",");
        let one = format!(
            r#"{{"version":"0.1.0","files":[{{"path":"p","conversations":[{{"ranges":[{ranges}]}}]}}]}}"#
        );
        // Each record is under the budget; the file is not.
        assert_eq!(parse(&one).unwrap()[0].attributions[0].lines, 1);
        let e = parse(&format!("{one}\n{one}")).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("more than 100000 line ranges"), "{e}");
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        assert!(parse(&deep).is_err());
    }
}
