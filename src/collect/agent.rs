//! Reading a coding agent's hook payload (JSON on stdin) into one shape: which agent, which event,
//! the shell command about to run or the files about to be (or just) written, the working
//! directory, the session and, where the agent says, the model. Each agent's field names are its
//! own (docs/agents.md lists them); nothing here decides anything.

use serde_json::Value;
use std::path::PathBuf;

pub use crate::model::Agent;

/// What the agent is about to do, or just did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A shell command, before it runs.
    BeforeCommand { command: String },
    /// Files about to be written by an edit tool.
    BeforeEdit { paths: Vec<String> },
    /// Files an edit tool just wrote.
    AfterEdit { paths: Vec<String> },
    /// A session started (Claude Code and Codex say which model).
    SessionStart,
    /// The agent is about to stop (Cursor `stop`, Copilot `agentStop`): the moment to hand over
    /// what an after-edit hook without a channel of its own could not say.
    Stop,
    /// Any other event or tool: nothing to judge.
    Other,
}

/// A payload, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub agent: Agent,
    /// The event's name as the agent sent it (`PreToolUse`, `beforeShellExecution`, …).
    pub event_name: String,
    pub tool_name: Option<String>,
    pub event: Event,
    /// The working directory the agent runs the tool in.
    pub cwd: Option<PathBuf>,
    pub session: Option<String>,
    pub model: Option<String>,
}

/// Why a payload could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("the {agent} hook payload on stdin is not JSON ({why})")]
    NotJson { agent: Agent, why: String },
    #[error("the {agent} hook payload on stdin is not a JSON object")]
    NotObject { agent: Agent },
    #[error(
        "the {agent} hook payload has no `{field}`: is this hook configured for {agent}? (docs/agents.md)"
    )]
    Missing { agent: Agent, field: &'static str },
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for key in path {
        cur = cur.get(key)?;
    }
    cur.as_str()
}

fn owned(v: &Value, path: &[&str]) -> Option<String> {
    str_at(v, path).map(str::to_string)
}

/// The shell tools and edit tools of each agent, by the names their payloads use.
fn is_shell_tool(agent: Agent, tool: &str) -> bool {
    match agent {
        Agent::Claude | Agent::Codex => tool == "Bash",
        Agent::Gemini => tool == "run_shell_command",
        Agent::Cursor => matches!(tool, "Shell" | "run_terminal_cmd"),
        Agent::Copilot => matches!(tool, "bash" | "shell"),
    }
}

fn is_edit_tool(agent: Agent, tool: &str) -> bool {
    match agent {
        Agent::Claude => matches!(tool, "Write" | "Edit" | "MultiEdit" | "NotebookEdit"),
        Agent::Codex => matches!(tool, "apply_patch" | "Edit" | "Write"),
        Agent::Gemini => matches!(tool, "write_file" | "replace"),
        Agent::Cursor => matches!(tool, "Write" | "Edit" | "edit_file" | "StrReplace"),
        Agent::Copilot => matches!(tool, "edit" | "create" | "write"),
    }
}

/// The paths an edit tool names: `file_path` (Claude, Gemini, Cursor), `notebook_path`, `path`
/// (Copilot), or the file headers of a Codex `apply_patch`.
fn edit_paths(tool: &str, input: &Value) -> Vec<String> {
    if tool == "apply_patch" {
        let patch = str_at(input, &["command"])
            .or_else(|| str_at(input, &["patch"]))
            .or_else(|| str_at(input, &["input"]))
            .unwrap_or("");
        return patch_paths(patch);
    }
    ["file_path", "notebook_path", "path", "filePath", "filepath"]
        .iter()
        .filter_map(|k| str_at(input, &[k]))
        .take(1)
        .map(str::to_string)
        .collect()
}

/// The files a Codex patch adds, updates, deletes or moves to.
pub fn patch_paths(patch: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in patch.lines() {
        let line = line.trim_end_matches('\r');
        for prefix in [
            "*** Add File: ",
            "*** Update File: ",
            "*** Delete File: ",
            "*** Move to: ",
        ] {
            if let Some(p) = line.strip_prefix(prefix) {
                let p = p.trim().to_string();
                if !p.is_empty() && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// Reads the payload `agent` sends on stdin. `event` names the event where the payload does not
/// (Copilot's camelCase payloads carry none: the hook's configuration passes `--event`).
pub fn parse(agent: Agent, bytes: &[u8], event: Option<&str>) -> Result<Payload, PayloadError> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| PayloadError::NotJson {
        agent,
        why: e.to_string(),
    })?;
    if !v.is_object() {
        return Err(PayloadError::NotObject { agent });
    }
    // Copilot's camelCase dialect, and its `toolArgs` that may be a JSON string.
    let event_name = event
        .map(str::to_string)
        .or_else(|| owned(&v, &["hook_event_name"]))
        .or_else(|| owned(&v, &["hookEventName"]))
        .unwrap_or_default();
    let tool_name = owned(&v, &["tool_name"]).or_else(|| owned(&v, &["toolName"]));
    let tool_input = match v.get("tool_input").or_else(|| v.get("toolArgs")) {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
        Some(other) => other.clone(),
        None => Value::Null,
    };
    let cwd = owned(&v, &["cwd"])
        .or_else(|| {
            v.get("workspace_roots")
                .and_then(|r| r.get(0))
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .map(PathBuf::from);
    let session = owned(&v, &["session_id"])
        .or_else(|| owned(&v, &["sessionId"]))
        .or_else(|| owned(&v, &["conversation_id"]));
    let model = owned(&v, &["model"]).filter(|m| !m.trim().is_empty());
    let lower = event_name.to_ascii_lowercase();
    let before = matches!(
        lower.as_str(),
        "pretooluse" | "beforetool" | "beforeshellexecution" | "permissionrequest"
    );
    let after = matches!(
        lower.as_str(),
        "posttooluse" | "aftertool" | "afterfileedit"
    );
    let event = match (agent, lower.as_str()) {
        (Agent::Cursor, "beforeshellexecution") => Event::BeforeCommand {
            command: owned(&v, &["command"]).ok_or(PayloadError::Missing {
                agent,
                field: "command",
            })?,
        },
        (Agent::Cursor, "afterfileedit") => Event::AfterEdit {
            paths: owned(&v, &["file_path"]).into_iter().collect(),
        },
        (_, "sessionstart") => Event::SessionStart,
        (Agent::Cursor, "stop") | (Agent::Copilot, "agentstop") => Event::Stop,
        _ if before || after => {
            let Some(tool) = tool_name.as_deref() else {
                return Err(PayloadError::Missing {
                    agent,
                    field: "tool_name",
                });
            };
            if is_shell_tool(agent, tool) && before {
                Event::BeforeCommand {
                    command: owned(&tool_input, &["command"]).ok_or(PayloadError::Missing {
                        agent,
                        field: "tool_input.command",
                    })?,
                }
            } else if is_edit_tool(agent, tool) {
                let paths = edit_paths(tool, &tool_input);
                if before {
                    Event::BeforeEdit { paths }
                } else {
                    Event::AfterEdit { paths }
                }
            } else {
                Event::Other
            }
        }
        _ => Event::Other,
    };
    Ok(Payload {
        agent,
        event_name,
        tool_name,
        event,
        cwd,
        session,
        model,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_agent_shell_payload() {
        let cases: [(Agent, &str); 5] = [
            (
                Agent::Claude,
                r#"{"session_id":"s1","cwd":"/r","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git commit -n"}}"#,
            ),
            (
                Agent::Codex,
                r#"{"session_id":"s1","turn_id":"t","cwd":"/r","hook_event_name":"PreToolUse","model":"gpt-5-codex","tool_name":"Bash","tool_input":{"command":"git commit -n"}}"#,
            ),
            (
                Agent::Gemini,
                r#"{"session_id":"s1","cwd":"/r","hook_event_name":"BeforeTool","timestamp":"2026-01-01T00:00:00Z","tool_name":"run_shell_command","tool_input":{"command":"git commit -n"}}"#,
            ),
            (
                Agent::Cursor,
                r#"{"conversation_id":"s1","generation_id":"g","hook_event_name":"beforeShellExecution","workspace_roots":["/r"],"command":"git commit -n","cwd":"/r"}"#,
            ),
            (
                Agent::Copilot,
                r#"{"sessionId":"s1","timestamp":1704614600000,"cwd":"/r","toolName":"bash","toolArgs":"{\"command\":\"git commit -n\"}"}"#,
            ),
        ];
        for (agent, text) in cases {
            // Copilot's camelCase payloads carry no event name; the configuration names it.
            let event = (agent == Agent::Copilot).then_some("preToolUse");
            let p = parse(agent, text.as_bytes(), event).unwrap();
            assert_eq!(
                p.event,
                Event::BeforeCommand {
                    command: "git commit -n".into()
                },
                "{agent}"
            );
            assert_eq!(
                p.cwd.as_deref(),
                Some(std::path::Path::new("/r")),
                "{agent}"
            );
            assert_eq!(p.session.as_deref(), Some("s1"), "{agent}");
        }
    }

    #[test]
    fn edits_name_their_files() {
        let p = parse(
            Agent::Claude,
            br#"{"hook_event_name":"PostToolUse","tool_name":"Write","tool_input":{"file_path":"/r/a.rs","content":"x"}}"#,
            None,
        )
        .unwrap();
        assert_eq!(
            p.event,
            Event::AfterEdit {
                paths: vec!["/r/a.rs".into()]
            }
        );
        let patch = "*** Begin Patch\n*** Update File: src/a.rs\n@@\n-a\n+b\n*** Add File: b.rs\n+x\n*** End Patch";
        let payload = serde_json::json!({"hook_event_name": "PreToolUse", "model": "m", "tool_name": "apply_patch", "tool_input": {"command": patch}});
        let p = parse(Agent::Codex, payload.to_string().as_bytes(), None).unwrap();
        assert_eq!(
            p.event,
            Event::BeforeEdit {
                paths: vec!["src/a.rs".into(), "b.rs".into()]
            }
        );
        assert_eq!(p.model.as_deref(), Some("m"));
    }

    #[test]
    fn bad_payloads_say_what_is_wrong() {
        assert!(matches!(
            parse(Agent::Claude, b"not json", None),
            Err(PayloadError::NotJson { .. })
        ));
        assert!(matches!(
            parse(Agent::Claude, b"[1]", None),
            Err(PayloadError::NotObject { .. })
        ));
        let e = parse(
            Agent::Claude,
            br#"{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{}}"#,
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("tool_input.command"), "{e}");
        let p = parse(Agent::Claude, br#"{"hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"x"}}"#, None).unwrap();
        assert_eq!(p.event, Event::Other);
    }
}
