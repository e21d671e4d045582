//! Answers to a coding agent's hook, in that agent's protocol (docs/agents.md): JSON on stdout and
//! an exit code that blocks a tool call, feeds findings back after an edit, or gives the model
//! the charter at session start. Every text comes from the (already redacted) violations.

use crate::model::{
    Agent, AgentFailure as Failure, AgentPhase as Phase, AgentVerdict as Outcome, Level, Violation,
};
use serde_json::json;

/// What the process prints and how it exits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Answer {
    fn out(stdout: String) -> Answer {
        Answer {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
    fn json(v: serde_json::Value) -> Answer {
        Answer::out(format!("{v}\n"))
    }
    fn none() -> Answer {
        Answer::out(String::new())
    }
}

/// Claude Code caps the text a hook adds to the model's context at 10,000 characters.
const MAX_TEXT: usize = 9000;

fn cut(mut s: String) -> String {
    if s.len() > MAX_TEXT {
        let mut end = MAX_TEXT;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push_str("\n… (more: run `git charter pre-commit` to see everything)");
    }
    s
}

fn item(s: &mut String, v: &Violation) {
    use std::fmt::Write;
    let at = match (&v.path, v.line) {
        (Some(p), Some(l)) if l > 0 => format!(" ({p}:{l})"),
        (Some(p), _) if !p.starts_with('<') => format!(" ({p})"),
        _ => String::new(),
    };
    let _ = writeln!(s, "- {} {}{at}: {}", v.policy_id, v.title, v.message);
    if let Some(r) = &v.remediation {
        let _ = writeln!(s, "  Fix: {r}");
    }
}

/// The text the agent (and its user) read.
fn text(o: &Outcome, headline: &str) -> String {
    let mut s = String::new();
    let deny: Vec<&Violation> = o
        .violations
        .iter()
        .filter(|v| v.level == Level::Deny)
        .collect();
    let warn: Vec<&Violation> = o
        .violations
        .iter()
        .filter(|v| v.level != Level::Deny)
        .collect();
    if !deny.is_empty() {
        s.push_str(headline);
        s.push('\n');
        for v in &deny {
            item(&mut s, v);
        }
    }
    if !warn.is_empty() {
        s.push_str(if deny.is_empty() {
            "git-charter warnings (the charter's rules that apply here):\n"
        } else {
            "Also (warnings):\n"
        });
        for v in &warn {
            item(&mut s, v);
        }
    }
    for n in &o.notes {
        s.push_str("Note: ");
        s.push_str(n);
        s.push('\n');
    }
    if !deny.is_empty() {
        s.push_str("`git charter explain <ID>` explains a rule.\n");
    }
    cut(s)
}

fn pre_deny(agent: Agent, event: &str, reason: &str) -> Answer {
    match agent {
        Agent::Claude | Agent::Codex => Answer::json(json!({
            "hookSpecificOutput": {
                "hookEventName": if event.is_empty() { "PreToolUse" } else { event },
                "permissionDecision": "deny",
                "permissionDecisionReason": reason,
            }
        })),
        Agent::Gemini => Answer::json(json!({"decision": "deny", "reason": reason})),
        Agent::Cursor => Answer::json(json!({
            "permission": "deny",
            "user_message": first_line(reason),
            "agent_message": reason,
        })),
        Agent::Copilot => Answer::json(json!({
            "permissionDecision": "deny",
            "permissionDecisionReason": reason,
        })),
    }
}

fn first_line(s: &str) -> String {
    s.lines().take(2).collect::<Vec<_>>().join(" ")
}

/// The answer to a hook that judged.
pub fn answer(o: &Outcome) -> Answer {
    let agent = o.agent;
    let event = o.event_name.as_str();
    match o.phase {
        Phase::Before => {
            if o.denied() {
                return pre_deny(
                    agent,
                    event,
                    &text(
                        o,
                        "git-charter refused this: the repository's charter does not allow it.",
                    ),
                );
            }
            let said = !o.violations.is_empty() || !o.notes.is_empty();
            match (agent, said) {
                (Agent::Claude | Agent::Codex, true) => Answer::json(json!({
                    "hookSpecificOutput": {
                        "hookEventName": if event.is_empty() { "PreToolUse" } else { event },
                        "additionalContext": text(o, ""),
                    }
                })),
                (Agent::Gemini, true) => Answer::json(json!({"systemMessage": text(o, "")})),
                (Agent::Cursor, true) => {
                    Answer::json(json!({"permission": "allow", "agent_message": text(o, "")}))
                }
                (Agent::Cursor, false) => Answer::json(json!({"permission": "allow"})),
                (Agent::Gemini, false) => Answer::json(json!({})),
                (Agent::Claude | Agent::Codex | Agent::Copilot, _) => Answer::none(),
            }
        }
        Phase::After => {
            if o.violations.is_empty() {
                return match agent {
                    Agent::Gemini | Agent::Cursor => Answer::json(json!({})),
                    _ => Answer::none(),
                };
            }
            let t = text(
                o,
                "git-charter: this edit breaks the repository's charter; change it before you commit.",
            );
            match agent {
                Agent::Claude | Agent::Codex if o.denied() => {
                    Answer::json(json!({"decision": "block", "reason": t}))
                }
                Agent::Claude | Agent::Codex => Answer::json(json!({
                    "hookSpecificOutput": {
                        "hookEventName": if event.is_empty() { "PostToolUse" } else { event },
                        "additionalContext": t,
                    }
                })),
                Agent::Gemini => Answer::json(json!({
                    "hookSpecificOutput": {"hookEventName": "AfterTool", "additionalContext": t}
                })),
                // No channel back after an edit: kept for the `stop` / `agentStop` hook.
                Agent::Cursor => Answer::json(json!({})),
                Agent::Copilot => Answer::none(),
            }
        }
        Phase::SessionStart => {
            let ctx = o.context.clone().unwrap_or_default();
            match agent {
                // Plain stdout at session start is context for the model.
                Agent::Claude | Agent::Codex => Answer::out(ctx),
                Agent::Gemini => Answer::json(json!({
                    "hookSpecificOutput": {"hookEventName": "SessionStart", "additionalContext": ctx}
                })),
                Agent::Cursor => Answer::json(json!({"additional_context": ctx})),
                Agent::Copilot => Answer::none(),
            }
        }
        Phase::Stop => {
            if o.violations.is_empty() {
                return match agent {
                    Agent::Cursor | Agent::Gemini => Answer::json(json!({})),
                    _ => Answer::none(),
                };
            }
            let t = text(
                o,
                "git-charter: edits made in this session break the repository's charter; fix them before you finish.",
            );
            match agent {
                Agent::Cursor => Answer::json(json!({"followup_message": t})),
                Agent::Copilot | Agent::Claude | Agent::Codex => {
                    Answer::json(json!({"decision": "block", "reason": t}))
                }
                Agent::Gemini => Answer::json(json!({"decision": "block", "reason": t})),
            }
        }
        Phase::Other => match agent {
            Agent::Gemini | Agent::Cursor => Answer::json(json!({})),
            _ => Answer::none(),
        },
    }
}

/// The answer when the hook could not judge: a commit about to run is refused with the reason;
/// anything else is reported (exit 1: every agent treats it as a non-blocking error) and runs.
pub fn failure(f: &Failure) -> Answer {
    if f.block && f.phase == Phase::Before {
        return pre_deny(
            f.agent,
            &f.event_name,
            &cut(format!(
                "git-charter could not judge this commit, so it is not run: {}\nFix the problem (or ask the repository's owners to), then try again.",
                f.message
            )),
        );
    }
    Answer {
        stdout: match f.agent {
            Agent::Cursor => "{}\n".into(),
            _ => String::new(),
        },
        stderr: format!("git-charter: {}\n", f.message),
        code: 1,
    }
}
