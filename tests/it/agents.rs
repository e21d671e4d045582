//! The agent hooks end to end: each agent's documented payloads in, its protocol out (allow, block,
//! error), against real repositories; the proposed commit judged as the commit-msg hook judges
//! it; edits reported after the fact (and handed over at `stop` where an agent has no other
//! channel); `agent install`/`uninstall` merging into real configuration files; `agent-context`;
//! `doctor`; `prepare-commit-msg` through a real `git commit`; and the MCP server driven by the
//! official MCP Python SDK.

use crate::common::*;
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `git-charter ARGS` in `dir` with `stdin`.
fn run_stdin(dir: &std::path::Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env(CROSSCHECK.0, CROSSCHECK.1)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn repo() -> Repo {
    let r = Repo::new();
    r.add("README.md", "# demo\n");
    r.commit("init");
    r
}

/// A shell-command payload in each agent's own format.
fn shell_payload(agent: &str, cwd: &str, command: &str) -> (Value, Vec<&'static str>) {
    match agent {
        "claude" => (
            json!({"session_id": "s-1", "transcript_path": "/tmp/t.jsonl", "cwd": cwd, "permission_mode": "default",
                   "hook_event_name": "PreToolUse", "tool_name": "Bash",
                   "tool_input": {"command": command, "description": "run it"}, "tool_use_id": "toolu_1"}),
            vec![],
        ),
        "codex" => (
            json!({"session_id": "s-1", "turn_id": "t-1", "transcript_path": null, "cwd": cwd,
                   "hook_event_name": "PreToolUse", "model": "gpt-5-codex", "permission_mode": "default",
                   "tool_name": "Bash", "tool_input": {"command": command}, "tool_use_id": "call_1"}),
            vec![],
        ),
        "gemini" => (
            json!({"session_id": "s-1", "transcript_path": "/tmp/t.json", "cwd": cwd, "hook_event_name": "BeforeTool",
                   "timestamp": "2026-12-01T10:00:00Z", "tool_name": "run_shell_command",
                   "tool_input": {"command": command, "description": "run it"}}),
            vec![],
        ),
        "cursor" => (
            json!({"hook_event_name": "beforeShellExecution", "conversation_id": "c-1", "generation_id": "g-1",
                   "workspace_roots": [cwd], "model": "cursor-model", "command": command, "cwd": cwd}),
            vec![],
        ),
        "copilot" => (
            json!({"sessionId": "s-1", "timestamp": 1_764_582_000_000u64, "cwd": cwd, "toolName": "bash",
                   "toolArgs": serde_json::to_string(&json!({"command": command, "description": "run it"})).unwrap()}),
            vec!["--event", "preToolUse"],
        ),
        _ => unreachable!(),
    }
}

fn hook(r: &Repo, agent: &str, payload: &Value, extra: &[&str]) -> Run {
    let mut args = vec!["agent-hook", agent];
    args.extend_from_slice(extra);
    run_stdin(r.path(), &args, payload.to_string().as_bytes())
}

fn shell(r: &Repo, agent: &str, command: &str) -> Run {
    let cwd = r.path().to_string_lossy().into_owned();
    let (payload, extra) = shell_payload(agent, &cwd, command);
    hook(r, agent, &payload, &extra)
}

/// The denial reason an agent's answer carries, if it denies.
fn denial(agent: &str, run: &Run) -> Option<String> {
    let v: Value = serde_json::from_str(run.stdout.trim()).ok()?;
    let s = |p: &str| v.pointer(p).and_then(Value::as_str).map(str::to_string);
    match agent {
        "claude" | "codex" => (s("/hookSpecificOutput/permissionDecision")? == "deny")
            .then(|| s("/hookSpecificOutput/permissionDecisionReason"))
            .flatten(),
        "gemini" => (s("/decision")? == "deny").then(|| s("/reason")).flatten(),
        "cursor" => (s("/permission")? == "deny")
            .then(|| s("/agent_message"))
            .flatten(),
        "copilot" => (s("/permissionDecision")? == "deny")
            .then(|| s("/permissionDecisionReason"))
            .flatten(),
        _ => unreachable!(),
    }
}

const AGENTS: [&str; 5] = ["claude", "codex", "gemini", "cursor", "copilot"];

#[test]
fn every_agent_is_answered_in_its_protocol_allow_block_and_error() {
    let r = repo();
    for agent in AGENTS {
        let ok = shell(&r, agent, "ls -la && cargo test");
        assert_eq!(ok.code, 0, "{agent}: {}", ok.all());
        assert_eq!(denial(agent, &ok), None, "{agent}: {}", ok.all());
        match agent {
            // Codex rejects a bare `allow`; Claude and Copilot take silence as consent.
            "claude" | "codex" | "copilot" => assert_eq!(ok.stdout, "", "{agent}"),
            "gemini" => assert_eq!(ok.stdout.trim(), "{}"),
            "cursor" => assert_eq!(ok.stdout.trim(), r#"{"permission":"allow"}"#),
            _ => unreachable!(),
        }
        let blocked = shell(&r, agent, "git add -A && git commit --no-verify -m 'wip'");
        assert_eq!(blocked.code, 0, "{agent}: {}", blocked.all());
        let reason =
            denial(agent, &blocked).unwrap_or_else(|| panic!("{agent}: {}", blocked.all()));
        assert!(reason.contains("CH-AGENT-001"), "{agent}: {reason}");
        assert!(reason.contains("--no-verify"), "{agent}: {reason}");
        let broken = run_stdin(r.path(), &["agent-hook", agent], b"{not json");
        // A payload that cannot be read is a non-blocking error for every agent: the git hooks
        // and CI still judge.
        assert_eq!(broken.code, 1, "{agent}: {}", broken.all());
        assert!(
            broken.stderr.contains("is not JSON"),
            "{agent}: {}",
            broken.stderr
        );
    }
}

#[test]
fn commands_are_read_as_the_shell_reads_them() {
    let r = repo();
    for (command, blocked) in [
        (
            "echo 'git commit --no-verify' # git push --no-verify",
            false,
        ),
        ("grep -rn -- --no-verify docs/", false),
        ("git push -n origin main", false),
        ("git commit -mn", false),
        ("git commit -anm 'x'", true),
        ("bash -lc \"cd . && git commit --no-ver -m x\"", true),
        ("FOO=1 SKIP=git-charter git commit -m x", true),
        ("export HUSKY=0; git commit -m x", true),
        ("git -c core.hooksPath=/dev/null commit -m x", true),
        (
            "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=/tmp git commit -m x",
            true,
        ),
        ("git config core.hooksPath .nohooks", true),
        ("chmod -x .git/hooks/pre-commit", true),
        ("cat > .git/hooks/commit-msg <<'EOF'\nexit 0\nEOF", true),
        ("sed -i 's/deny/off/' .charter/charter.yaml", true),
        ("cd .git && rm -rf hooks", true),
        ("pre-commit uninstall", true),
        ("sh -c 'git push --no-verify'", true),
        // Found in review: each is a bypass bash really runs.
        (
            "GIT_CONFIG_PARAMETERS='$(A=1)' git commit --no-verify -m x",
            true,
        ),
        ("true $'\r'# ; git commit --no-verify -m x", true),
        ("{git,commit,--no-verify,-m,x}", true),
        ("echo $(case x in x) git commit --no-verify;; esac)", true),
        ("echo ${x:-$(git commit --no-verify -m x)}", true),
        ("(( x = 1 << 2 ))\ngit commit --no-verify -m x", true),
        ("$'\\u0067it' commit --no-verify -m x", true),
        ("function f { git commit --no-verify -m x; }; f", true),
        ("coproc git commit --no-verify -m x", true),
        ("exec -a foo git commit --no-verify -m x", true),
        ("env '-Sgit commit --no-verify -m x'", true),
        ("env -S 'git commit \"--no-verify\" -m x'", true),
        ("flock /tmp/lk -c 'git commit --no-verify -m x'", true),
        ("echo 'git commit --no-verify -m x' | bash", true),
        (
            "find . -maxdepth 0 -exec git commit --no-verify -m x \\;",
            true,
        ),
        ("su -c 'git commit --no-verify -m x' me", true),
        ("/usr/bin/g[i]t commit --no-verify -m x", true),
        ("GIT commit --no-verify -m x", true),
        ("git -c alias.ci='commit --no-verify' ci -m x", true),
        (
            "printf '[core]\\n\\thooksPath=/dev/null\\n' >> .git/config",
            true,
        ),
        (
            "git rebase -x 'git commit --amend --no-edit --no-verify' HEAD~1",
            true,
        ),
        ("cp -t .git/hooks /tmp/pre-commit", true),
        ("sed -Ei 's/a/b/' .charter/charter.yaml", true),
        ("git-charter agent uninstall claude", true),
        // Found in review: ordinary commands that must pass.
        ("cp /tmp/f .", false),
        ("HUSKY=0 npm ci", false),
        (
            "git commit -m \"$(cat <<'EOF'\nAdd a thing\n\nAssisted-by: claude-code:m\nEOF\n)\"",
            false,
        ),
    ] {
        let run = shell(&r, "claude", command);
        // Commits are judged too (CH-AI-001 for want of a disclosure): only CH-AGENT-* is a bypass.
        let reason = denial("claude", &run).unwrap_or_default();
        let bypass = ["CH-AGENT-001", "CH-AGENT-002", "CH-AGENT-004"]
            .iter()
            .any(|id| reason.contains(id));
        assert_eq!(bypass, blocked, "{command}: {}", run.all());
    }
    // Past what the parser reads (here: more commands than it keeps), the command is refused.
    let long = format!("{}git config core.hooksPath /dev/null", ":;".repeat(4100));
    let reason = denial("claude", &shell(&r, "claude", &long)).unwrap_or_default();
    assert!(reason.contains("CH-AGENT-004"), "{reason}");
    // Agents write commit messages as `$(cat <<'EOF' … EOF)`: the heredoc is the message.
    let heredoc =
        "git commit -m \"$(cat <<'EOF'\nAdd a thing\n\nAssisted-by: claude-code:m\nEOF\n)\"";
    let run = shell(&r, "claude", heredoc);
    assert_eq!(denial("claude", &run), None, "{}", run.all());
    // A model that runs a long hostile line fails closed, never open.
    let flood = format!(
        "{}{}git config core.hooksPath /dev/null",
        (0..1200)
            .map(|i| format!("export A{i}=1;"))
            .collect::<String>(),
        ":;".repeat(1200)
    );
    let run = shell(&r, "claude", &flood);
    assert!(denial("claude", &run).is_some(), "{}", run.all());
    // Signing off is refused only where the charter requires signed commits.
    let run = shell(
        &r,
        "claude",
        "git commit --no-gpg-sign -m 'x\n\nAssisted-by: a:b'",
    );
    assert_eq!(denial("claude", &run), None, "{}", run.all());
    r.add(
        ".charter/charter.yaml",
        "agents:\n  require_signed_commits: true\n",
    );
    r.commit("charter");
    let run = shell(
        &r,
        "claude",
        "git commit --no-gpg-sign -m 'x\n\nAssisted-by: a:b'",
    );
    let reason = denial("claude", &run).unwrap_or_else(|| run.all());
    assert!(reason.contains("CH-AGENT-003"), "{reason}");
}

fn ids_in(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("CH-") && w.len() > 8)
        .map(str::to_string)
        .collect()
}

#[test]
fn a_proposed_commit_is_judged_as_the_commit_msg_hook_will_judge_it_and_never_leaks() {
    let r = repo();
    let key = aws_key_id();
    r.add("src/settings.py", format!("AWS_KEY = \"{key}\"\n"));
    let message = "Add settings\n\nAssisted-by: claude-code:claude-test";
    let run = shell(&r, "claude", &format!("git commit -m '{message}'"));
    let reason = denial("claude", &run).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(reason.contains("CH-SECRET-001"), "{reason}");
    assert!(reason.contains("proposed commit"), "{reason}");
    assert!(!run.all().contains(&key), "the key leaked: {}", run.all());
    // The commit-msg hook, on the same index and message, denies for the same reasons.
    let file = r.write(".git/MSG", format!("{message}\n"));
    let hook = r.charter(&["commit-msg", file.to_str().unwrap()]);
    assert_eq!(hook.code, 1, "{}", hook.all());
    let hook_ids = ids_in(&hook.stdout);
    assert!(!hook_ids.is_empty());
    assert!(
        ids_in(&reason).is_superset(&hook_ids),
        "{reason}\nvs\n{}",
        hook.stdout
    );

    // Clean content, disclosed: the commit goes ahead. Undisclosed: the agent is told the trailer.
    let r = repo();
    r.add(
        "src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
    );
    let run = shell(
        &r,
        "codex",
        "git commit -m 'Add add\n\nAssisted-by: codex:gpt-5-codex'",
    );
    assert_eq!(denial("codex", &run), None, "{}", run.all());
    let run = shell(&r, "codex", "git commit -m 'Add add'");
    let reason = denial("codex", &run).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(reason.contains("CH-AI-001"), "{reason}");
    assert!(
        reason.contains("Assisted-by: codex:gpt-5-codex"),
        "{reason}"
    );
    // `-a` judges what it would add: a tracked file's work-tree change.
    r.commit("lib");
    r.write("src/lib.rs", format!("pub const K: &str = \"{key}\";\n"));
    let run = shell(
        &r,
        "claude",
        "git commit -a -m 'x\n\nAssisted-by: claude-code:m'",
    );
    let reason = denial("claude", &run).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(
        reason.contains("CH-SECRET-001") && !reason.contains(&key),
        "{reason}"
    );
    let run = shell(
        &r,
        "claude",
        "git commit -m 'x\n\nAssisted-by: claude-code:m'",
    );
    assert_eq!(
        denial("claude", &run),
        None,
        "only -a commits the work tree: {}",
        run.all()
    );
}

fn write_payload(agent: &str, cwd: &str, path: &str, content: &str) -> (Value, Vec<&'static str>) {
    match agent {
        "claude" => (
            json!({"session_id": "s-1", "cwd": cwd, "hook_event_name": "PostToolUse", "tool_name": "Write",
                   "tool_input": {"file_path": format!("{cwd}/{path}"), "content": content},
                   "tool_response": {"filePath": format!("{cwd}/{path}"), "success": true}}),
            vec![],
        ),
        "codex" => (
            json!({"session_id": "s-1", "turn_id": "t", "transcript_path": null, "cwd": cwd, "hook_event_name": "PostToolUse",
                   "model": "gpt-5-codex", "permission_mode": "default", "tool_name": "apply_patch",
                   "tool_input": {"command": format!("*** Begin Patch\n*** Add File: {path}\n+{content}\n*** End Patch\n")},
                   "tool_response": "Done", "tool_use_id": "call_2"}),
            vec![],
        ),
        "gemini" => (
            json!({"session_id": "s-1", "cwd": cwd, "hook_event_name": "AfterTool", "timestamp": "2026-12-01T10:00:00Z",
                   "tool_name": "write_file", "tool_input": {"file_path": path, "content": content},
                   "tool_response": {"llmContent": "ok", "returnDisplay": "ok"}}),
            vec![],
        ),
        "cursor" => (
            json!({"hook_event_name": "afterFileEdit", "conversation_id": "c-1", "generation_id": "g-2",
                   "workspace_roots": [cwd], "file_path": format!("{cwd}/{path}"),
                   "edits": [{"old_string": "", "new_string": content}]}),
            vec![],
        ),
        "copilot" => (
            json!({"sessionId": "s-1", "timestamp": 1_764_582_000_000u64, "cwd": cwd, "toolName": "create",
                   "toolArgs": serde_json::to_string(&json!({"path": path, "file_text": content})).unwrap(),
                   "toolResult": {"resultType": "success", "textResultForLlm": "created"}}),
            vec!["--event", "postToolUse"],
        ),
        _ => unreachable!(),
    }
}

#[test]
fn an_edit_is_reported_after_the_fact_in_each_protocol() {
    let key = aws_key_id();
    for agent in AGENTS {
        let r = repo();
        let cwd = r.path().to_string_lossy().into_owned();
        let content = format!("AWS_KEY = \"{key}\"");
        r.write("config.py", format!("{content}\n"));
        let (payload, extra) = write_payload(agent, &cwd, "config.py", &content);
        let run = hook(&r, agent, &payload, &extra);
        assert_eq!(run.code, 0, "{agent}: {}", run.all());
        assert!(
            !run.all().contains(&key),
            "{agent}: the key leaked: {}",
            run.all()
        );
        let told = match agent {
            "claude" | "codex" => {
                let v: Value = serde_json::from_str(run.stdout.trim()).unwrap();
                assert_eq!(v["decision"], "block", "{agent}: {v}");
                v["reason"].as_str().unwrap().to_string()
            }
            "gemini" => {
                let v: Value = serde_json::from_str(run.stdout.trim()).unwrap();
                v["hookSpecificOutput"]["additionalContext"]
                    .as_str()
                    .unwrap()
                    .to_string()
            }
            // No channel after an edit: the findings wait for the agent's stop hook.
            "cursor" | "copilot" => {
                assert!(
                    matches!(run.stdout.trim(), "" | "{}"),
                    "{agent}: {}",
                    run.stdout
                );
                let (stop, extra): (Value, Vec<&str>) = if agent == "cursor" {
                    (
                        json!({"hook_event_name": "stop", "conversation_id": "c-1", "workspace_roots": [cwd], "status": "completed"}),
                        vec![],
                    )
                } else {
                    (
                        json!({"sessionId": "s-1", "timestamp": 1, "cwd": cwd, "stopReason": "end_turn"}),
                        vec!["--event", "agentStop"],
                    )
                };
                let run = hook(&r, agent, &stop, &extra);
                let v: Value = serde_json::from_str(run.stdout.trim())
                    .unwrap_or_else(|e| panic!("{agent}: {e}: {}", run.all()));
                let t = v["followup_message"]
                    .as_str()
                    .or(v["reason"].as_str())
                    .unwrap()
                    .to_string();
                // Handed over once.
                let again = hook(&r, agent, &stop, &extra);
                assert!(
                    matches!(again.stdout.trim(), "" | "{}"),
                    "{agent}: {}",
                    again.all()
                );
                assert!(!t.contains(&key));
                t
            }
            _ => unreachable!(),
        };
        assert!(told.contains("CH-SECRET-001"), "{agent}: {told}");
    }
}

#[test]
fn edits_of_protected_paths_are_refused_before_they_happen() {
    let r = repo();
    let cwd = r.path().to_string_lossy().into_owned();
    let claude = json!({"session_id": "s", "cwd": cwd, "hook_event_name": "PreToolUse", "tool_name": "Edit",
        "tool_input": {"file_path": format!("{cwd}/.charter/charter.yaml"), "old_string": "deny", "new_string": "off"}});
    let run = hook(&r, "claude", &claude, &[]);
    let reason = denial("claude", &run).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(
        reason.contains("CH-AGENT-002") && reason.contains(".charter/charter.yaml"),
        "{reason}"
    );
    let codex = json!({"session_id": "s", "turn_id": "t", "transcript_path": null, "cwd": cwd, "hook_event_name": "PreToolUse",
        "model": "m", "permission_mode": "default", "tool_name": "apply_patch", "tool_use_id": "c",
        "tool_input": {"command": "*** Begin Patch\n*** Update File: src/ok.rs\n@@\n-a\n+b\n*** Update File: .git/hooks/pre-commit\n@@\n-x\n+exit 0\n*** End Patch\n"}});
    let run = hook(&r, "codex", &codex, &[]);
    let reason = denial("codex", &run).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(
        reason.contains(".git/hooks/pre-commit") && !reason.contains("src/ok.rs"),
        "{reason}"
    );
    let gemini = json!({"session_id": "s", "cwd": cwd, "hook_event_name": "BeforeTool", "timestamp": "t",
        "tool_name": "write_file", "tool_input": {"file_path": "src/main.rs", "content": "fn main() {}"}});
    let run = hook(&r, "gemini", &gemini, &[]);
    assert_eq!(denial("gemini", &run), None, "{}", run.all());
}

#[test]
fn agent_install_merges_and_uninstall_restores() {
    let r = repo();
    let before = "{\n  \"permissions\": {\"allow\": [\"Bash(npm test)\"]},\n  \"hooks\": {\n    \"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"./scripts/audit.sh\"}]}]\n  },\n  \"model\": \"opus\"\n}\n";
    r.write(".claude/settings.json", before);
    let run = r.charter(&[
        "agent", "install", "claude", "codex", "gemini", "cursor", "copilot",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    for (file, needle) in [
        (".claude/settings.json", "git charter agent-hook claude"),
        (".codex/hooks.json", "git charter agent-hook codex"),
        (".gemini/settings.json", "git charter agent-hook gemini"),
        (".cursor/hooks.json", "git charter agent-hook cursor"),
        (
            ".github/hooks/git-charter.json",
            "git charter agent-hook copilot --event preToolUse",
        ),
    ] {
        let text = std::fs::read_to_string(r.path().join(file)).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(text.contains(needle), "{file}: {text}");
        if file.starts_with(".cursor") || file.starts_with(".github") {
            assert_eq!(v["version"], 1, "{file}");
        }
    }
    let claude = std::fs::read_to_string(r.path().join(".claude/settings.json")).unwrap();
    assert!(
        claude.find("permissions").unwrap() < claude.find("\"model\"").unwrap(),
        "{claude}"
    );
    assert!(claude.contains("./scripts/audit.sh"));
    let again = r.charter(&["agent", "install", "claude"]);
    assert!(
        again.stdout.contains("already installed"),
        "{}",
        again.all()
    );
    let doctor = r.charter(&["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.all());
    assert!(
        doctor
            .stdout
            .lines()
            .any(|l| l.starts_with("ok") && l.contains("agent Claude Code")),
        "{}",
        doctor.stdout
    );
    let run = r.charter(&[
        "agent",
        "uninstall",
        "claude",
        "codex",
        "gemini",
        "cursor",
        "copilot",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let after: Value = serde_json::from_str(
        &std::fs::read_to_string(r.path().join(".claude/settings.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(after, serde_json::from_str::<Value>(before).unwrap());
    for gone in [
        ".codex/hooks.json",
        ".gemini/settings.json",
        ".cursor/hooks.json",
        ".github/hooks/git-charter.json",
    ] {
        assert!(!r.path().join(gone).exists(), "{gone}");
    }
    // A broken file is refused, untouched.
    r.write(".gemini/settings.json", "{\"hooks\": ");
    let run = r.charter(&["agent", "install", "gemini"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert_eq!(
        std::fs::read_to_string(r.path().join(".gemini/settings.json")).unwrap(),
        "{\"hooks\": "
    );
    let doctor = r.charter(&["doctor"]);
    assert!(
        doctor
            .stdout
            .lines()
            .any(|l| l.starts_with("missing") && l.contains("agent Claude Code")),
        "{}",
        doctor.stdout
    );
}

#[test]
fn agent_context_writes_between_markers_and_check_fails_when_stale() {
    let r = repo();
    r.add(
        "AGENTS.md",
        "# Agents\n\nRun `cargo test` before you commit.\n",
    );
    r.commit("agents");
    let check = r.charter(&["agent-context", "--check"]);
    assert_eq!(check.code, 1, "{}", check.all());
    let write = r.charter(&[
        "agent-context",
        "--write",
        "--target",
        "agents",
        "--target",
        "claude",
        "--target",
        "cursor",
    ]);
    assert_eq!(write.code, 0, "{}", write.all());
    let text = std::fs::read_to_string(r.path().join("AGENTS.md")).unwrap();
    assert!(
        text.starts_with(
            "# Agents\n\nRun `cargo test` before you commit.\n\n<!-- git-charter:begin"
        ),
        "{text}"
    );
    assert!(text.contains("Assisted-by: <tool>:<model>"), "{text}");
    assert!(r.path().join("CLAUDE.md").is_file());
    let mdc = std::fs::read_to_string(r.path().join(".cursor/rules/git-charter.mdc")).unwrap();
    assert!(
        mdc.starts_with("---\n") && mdc.contains("alwaysApply: true"),
        "{mdc}"
    );
    let check = r.charter(&[
        "agent-context",
        "--check",
        "--target",
        "agents",
        "--target",
        "claude",
    ]);
    assert_eq!(check.code, 0, "{}", check.all());
    // The charter changes: the section is out of date until written again, text around it kept.
    r.write("AGENTS.md", format!("{text}\n## More\n"));
    r.add(
        ".charter/charter.yaml",
        "disclosure:\n  suggest: \"AI-Assisted: {tool}\"\n",
    );
    let check = r.charter(&["agent-context", "--check"]);
    assert_eq!(check.code, 1, "{}", check.all());
    assert!(check.stdout.contains("out of date"), "{}", check.stdout);
    r.charter(&["agent-context", "--write"]);
    let text = std::fs::read_to_string(r.path().join("AGENTS.md")).unwrap();
    assert!(
        text.contains("AI-Assisted: <tool>:<model>") && text.ends_with("\n## More\n"),
        "{text}"
    );
    assert_eq!(text.matches("git-charter:begin").count(), 1, "{text}");
}

#[test]
fn prepare_commit_msg_prefills_the_disclosure_from_the_agent_hooks_records() {
    let r = repo();
    let install = r.charter(&[
        "install",
        "--hook",
        "prepare-commit-msg",
        "--hook",
        "commit-msg",
    ]);
    assert_eq!(install.code, 0, "{}", install.all());
    let cwd = r.path().to_string_lossy().into_owned();
    // Claude Code says its model only at session start.
    let start = json!({"session_id": "s-9", "cwd": cwd, "hook_event_name": "SessionStart", "source": "startup", "model": "claude-test-model"});
    let run = hook(&r, "claude", &start, &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("Never bypass the checks"),
        "session context: {}",
        run.stdout
    );
    r.write("src/util.py", "def double(x):\n    return 2 * x\n");
    let edit = json!({"session_id": "s-9", "cwd": cwd, "hook_event_name": "PostToolUse", "tool_name": "Write",
        "tool_input": {"file_path": format!("{cwd}/src/util.py"), "content": "def double(x): ..."}});
    let run = hook(&r, "claude", &edit, &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    r.git(&["add", "src/util.py"]);
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Add double"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msg = r.git(&["log", "-1", "--format=%B"]);
    assert_eq!(
        msg.trim_end(),
        "Add double\n\nAssisted-by: claude-code:claude-test-model",
        "{msg}"
    );
    // A file no agent touched gets nothing.
    r.add("notes.txt", "by hand\n");
    let out = r.git_with_hooks(&["commit", "-q", "-m", "Notes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(r.git(&["log", "-1", "--format=%B"]).trim_end(), "Notes");
}

#[test]
fn the_mcp_server_answers_the_official_python_client() {
    let ok = Command::new("python3")
        .args(["-c", "import mcp"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        missing_prerequisite(
            "the_mcp_server_answers_the_official_python_client",
            "the `mcp` Python package is not installed",
            "python3 -m pip install 'mcp>=1.10,<3'",
        );
        return;
    }
    let r = repo();
    let key = aws_key_id();
    let script = r#"
import anyio, json, sys
from mcp import ClientSession, StdioServerParameters, stdio_client

async def main():
    params = StdioServerParameters(command=sys.argv[1], args=["mcp"], cwd=sys.argv[2])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = sorted(t.name for t in (await session.list_tools()).tools)
            diff = "--- /dev/null\n+++ b/app.py\n@@ -0,0 +1,1 @@\n+KEY = \"" + sys.argv[3] + "\"\n"
            refused = await session.call_tool("check_change", {"diff": diff, "message": "Add app\n\nAssisted-by: claude-code:m", "tool": "claude-code:m"})
            clean = await session.call_tool("check_change", {"diff": "--- /dev/null\n+++ b/ok.py\n@@ -0,0 +1 @@\n+x = 1\n", "message": "Add ok\n\nAssisted-by: claude-code:m"})
            req = await session.call_tool("path_requirements", {"path": "src/auth/login.py"})
            expl = await session.call_tool("explain_policy", {"id": "CH-AGENT-001"})
            text = lambda r: "\n".join(c.text for c in r.content)
            print(json.dumps({"tools": tools, "refused": text(refused), "clean": text(clean), "req": text(req), "explain": text(expl),
                              "errors": [r.is_error for r in (refused, clean, req, expl)]}))

anyio.run(main)
"#;
    let out = Command::new("python3")
        .args(["-c", script, BIN, r.path().to_str().unwrap(), &key])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    let tools: Vec<&str> = v["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    for t in [
        "check_change",
        "check_commit_message",
        "explain_policy",
        "path_requirements",
        "charter_instructions",
    ] {
        assert!(tools.contains(&t), "{tools:?}");
    }
    let refused = v["refused"].as_str().unwrap();
    assert!(
        refused.starts_with("REFUSED") && refused.contains("CH-SECRET-001"),
        "{refused}"
    );
    assert!(!stdout.contains(&key), "the key leaked: {stdout}");
    assert!(
        v["clean"].as_str().unwrap().starts_with("ALLOWED"),
        "{}",
        v["clean"]
    );
    let req = v["req"].as_str().unwrap();
    assert!(req.contains("tier") && req.contains("auth"), "{req}");
    assert!(
        v["explain"].as_str().unwrap().contains("CH-AGENT-001"),
        "{}",
        v["explain"]
    );
    assert_eq!(v["errors"], json!([false, false, false, false]));
}
