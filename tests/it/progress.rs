//! Progress bars: on a terminal, a long run draws one on stderr; a run under a second, a run whose
//! stderr is not a terminal and a run asked for JSON never do. The terminal is a real pseudo-terminal
//! (util-linux `script`).

use crate::common::{BIN, missing_prerequisite};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// 4,000 small source files (16 MB): a debug build takes seconds to scan them.
fn tree(dir: &Path) {
    let line = "let total = values.iter().map(|v| v * 2).sum::<u64>(); // ordinary code\n";
    let body = line.repeat(56);
    for i in 0..4000 {
        let d = dir.join(format!("d{}", i % 40));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join(format!("f{i}.rs")), &body).unwrap();
    }
}

/// Runs `git-charter ARGS` under a pseudo-terminal; what the terminal received and how long it took.
fn on_terminal(dir: &Path, args: &str) -> Option<(String, Duration)> {
    if Command::new("script").arg("--version").output().is_err() {
        missing_prerequisite(
            "progress",
            "`script` (util-linux) is not on PATH",
            "apt-get install bsdutils",
        );
        return None;
    }
    let t0 = Instant::now();
    let out = Command::new("script")
        .args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("NO_COLOR")
        .output()
        .expect("script runs");
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        t0.elapsed(),
    ))
}

fn has_bar(terminal: &str) -> bool {
    // The bar's line: a count of files and the bytes read so far.
    terminal.contains(" files ") && terminal.contains(" MiB (")
}

#[test]
fn a_long_scan_on_a_terminal_shows_progress_and_json_or_a_pipe_never_do() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let Some((terminal, took)) = on_terminal(dir.path(), "scan .") else {
        return;
    };
    if took >= Duration::from_secs(2) {
        assert!(has_bar(&terminal), "{took:?} without a bar: {terminal}");
    } else if took < Duration::from_millis(900) {
        assert!(
            !has_bar(&terminal),
            "a bar within the first second: {terminal}"
        );
    }
    // The verdict comes after the last frame of the bar.
    let verdict = terminal.rfind("git-charter scan:").expect("a verdict");
    assert!(
        terminal.rfind(" files ").is_none_or(|bar| bar < verdict),
        "{terminal}"
    );

    let (json, _) = on_terminal(dir.path(), "scan --format json .").unwrap();
    assert!(!has_bar(&json), "{json}");
    serde_json::from_str::<serde_json::Value>(json.trim()).expect("only the JSON document");
    let (quiet, _) = on_terminal(dir.path(), "scan --quiet .").unwrap();
    assert!(!has_bar(&quiet), "{quiet}");

    // stderr not a terminal (captured by a pipe).
    let piped = Command::new(BIN)
        .args(["scan", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!has_bar(&String::from_utf8_lossy(&piped.stderr)));
}
