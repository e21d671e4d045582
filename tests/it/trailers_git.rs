//! Differential test: our trailer parser and message clean-up against the real git, on generated
//! messages and hand-made tricky ones. Any difference fails the test. The labelled development set is
//! measured by `cargo run --example messages_eval -- PATH` (it lives outside this repository).

use crate::api::message;
use crate::api::trailers::{self, Mode, Trailer, TrailerConfig};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Small deterministic PRNG (xorshift64*), so a failure reproduces from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LINES: &[&str] = &[
    "Signed-off-by: A U Thor <author@example.com>",
    "Signed-off-by:A U Thor",
    "signed-off-by: lower <l@example.com>",
    "(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)",
    "(cherry-pick from 0123456)",
    "Reviewed-by: R <r@example.com>",
    "Acked-by: Someone",
    "Co-authored-by: Claude <noreply@anthropic.com>",
    "Change-Id: I0123456789abcdef",
    "Key: value",
    "key-2: v2",
    "Key : spaced before separator",
    "Key\t: tab before separator",
    "Key:nospace",
    "Key:",
    "Key:   ",
    "Key:: double",
    "Key: a: b: c",
    "BREAKING CHANGE: not a trailer",
    "Bug #42",
    "Bug: #42",
    "Fixes: https://example.com/issues/1",
    "http://example.com: not a key",
    ": leading separator",
    "-: dash key",
    "9: digit key",
    "Ünï: non-ascii key",
    "Key: ünïcödé välüe",
    "  continuation line",
    "\tcontinuation with tab",
    "   ",
    "",
    "",
    "",
    "prose line with words",
    "Another prose line, ending with colon:",
    "- bullet: item",
    "* star bullet",
    "---",
    "--- a/file.c",
    "---text",
    "----",
    "# a comment",
    "#Key: commented trailer",
    "Conflicts:",
    "\tpath/in/conflict.c",
    "Key: value with trailing spaces   ",
    "Key: value\twith\ttabs",
    "Assisted-by: Claude:claude-opus-4 coccinelle",
    "Generated-by: ChatGPT",
    "Ack: prefix of a configured key",
    "Acked-by : spaced configured key",
    "; semicolon comment",
    ";Key: semicolon-commented trailer",
    "Key: value\rwith a bare CR",
    "Signed-off-by:  two spaces",
    " Signed-off-by: indented sign-off",
    "Key #hash-separated",
];

fn random_message(rng: &mut Rng) -> String {
    let crlf = rng.below(6) == 0;
    let mixed = rng.below(10) == 0;
    let mut lines: Vec<String> = Vec::new();
    for _ in 0..rng.below(3) {
        if rng.below(4) == 0 {
            lines.push(String::new());
        }
    }
    lines.push(
        rng.pick(&[
            "subject",
            "fix: a thing",
            "Key: subject that looks like a trailer",
            "---",
            "# comment subject",
        ])
        .to_string(),
    );
    let paragraphs = 1 + rng.below(4);
    for _ in 0..paragraphs {
        if rng.below(8) != 0 {
            lines.push(String::new());
        }
        for _ in 0..1 + rng.below(6) {
            lines.push(rng.pick(LINES).to_string());
        }
    }
    if rng.below(25) == 0 {
        lines.push("# ------------------------ >8 ------------------------".into());
        lines.push("Below: scissors".into());
    }
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        if i + 1 < lines.len() || rng.below(8) != 0 {
            let cr = if mixed { rng.below(2) == 0 } else { crlf };
            out.push_str(if cr { "\r\n" } else { "\n" });
        }
    }
    out
}

fn tricky_messages() -> Vec<String> {
    [
        "subject\n\nSigned-off-by: A <a@b>\n",
        "subject\nSigned-off-by: A <a@b>\n",
        "Signed-off-by: A <a@b>\n",
        "subject\n\nprose\nprose\nprose\nSigned-off-by: A <a@b>\n",
        "subject\n\nprose\nprose\nprose\nprose\nSigned-off-by: A <a@b>\n",
        "subject\n\nBREAKING CHANGE: x\nRefs: y\n",
        "subject\n\nKey: v\n  folded\n  twice\nNext: w\n",
        "subject\n\n  indented: first\nKey: v\n",
        "subject\n\nKey: v\n---\nOther: w\n",
        "subject\n\nKey: v\n--- \nOther: w\n",
        "subject\n\nKey: v\n---",
        "subject\n\nKey: v\n# comment\n\n# more\n",
        "subject\n\nKey: v\n# ------------------------ >8 ------------------------\ndiff\n\nX: y\n",
        "# ------------------------ >8 ------------------------\nKey: v\n",
        "subject\r\n\r\nKey: v\r\n  folded\r\nB: w\r\n",
        "subject\n\nKey: v\r\n\r\n",
        "\n\n\nsubject\n\nKey: v\n",
        "subject\n\n(cherry picked from commit abc)\n",
        "subject\n\nprose\nKey: v\n(cherry picked from commit abc)\n",
        "subject\n\nConflicts:\n\tfile.c\n",
        "subject\n\nKey: v\n\nConflicts:\n\tfile.c\n",
        "subject\n\nKey: v\n\n\n\n",
        "subject\n\nKey: v\n   \n",
        "subject\n\n\tKey: v\nA: b\n",
        "subject\n\nKey:\n  value on next line\n",
        "subject\n\nUnit tests: Assisted-by: Claude Code\nSigned-off-by: A <a@b>\n",
        "",
        "\n",
        "subject",
        "subject\n\n",
        "subject\n\nKey: v",
        "  \n\t\nsubject\n\nKey: v\n",
        "\r\n\r\nsubject\r\n\r\nKey: v\r\n",
        "subject\n \nKey: v\n",
        "subject\n\n# comment\nKey: v\n",
        "# comment\nsubject\n\nKey: v\n",
        "subject\n\nKey: v\n\n# ------------------------ >8 ------------------------\n",
        "subject\n\nbody\n\nSigned-off-by: A <a@b>\n(cherry picked from commit 1234)\nSigned-off-by: B <b@c>\n",
        "subject\n\nKey: v\n---\n\nbelow: divider\n",
        "subject\n\n---\nKey: v\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn git() -> Command {
    let mut c = Command::new("git");
    c.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LC_ALL", "C")
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.com");
    c
}

fn run(mut cmd: Command, stdin: &[u8]) -> Vec<u8> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("git runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "git failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Renders our trailers as git prints them with `only,unfold` / `--parse`.
fn render(ts: &[Trailer], separators: &str) -> String {
    let mut s = String::new();
    for t in ts {
        s.push_str(&t.key);
        let last = t.key.trim_end().chars().last();
        if last.is_some_and(|c| !separators.contains(c)) {
            s.push(separators.chars().next().unwrap_or(':'));
            s.push(' ');
        }
        s.push_str(&t.value);
        s.push('\n');
    }
    s
}

struct Variant {
    name: &'static str,
    args: Vec<&'static str>,
    config: TrailerConfig,
    separators: &'static str,
    comment: &'static str,
}

fn variants() -> Vec<Variant> {
    vec![
        Variant {
            name: "empty config",
            args: vec![],
            config: TrailerConfig::default(),
            separators: ":",
            comment: "#",
        },
        Variant {
            name: "separators :# and configured keys",
            args: vec![
                "-c",
                "trailer.separators=:#",
                "-c",
                "trailer.Acked-by.key=Acked-by",
                "-c",
                "trailer.Key.key=Key",
            ],
            config: TrailerConfig {
                separators: Some(":#".into()),
                configured_keys: vec!["Acked-by".into(), "Key".into()],
            },
            separators: ":#",
            comment: "#",
        },
        Variant {
            name: "core.commentChar ;",
            args: vec!["-c", "core.commentChar=;"],
            config: TrailerConfig::default(),
            separators: ":",
            comment: ";",
        },
    ]
}

fn interpret_parse(args: &[&str], msg: &str) -> String {
    let mut c = git();
    c.args(args).args(["interpret-trailers", "--parse"]);
    String::from_utf8_lossy(&run(c, msg.as_bytes())).into_owned()
}

/// Commits every message in one fast-import run, then reads all trailers with one `git log`.
fn log_unfold(repo: &Path, args: &[&str], msgs: &[String]) -> Vec<String> {
    let mut stream = Vec::new();
    for m in msgs {
        write!(
            stream,
            "commit refs/heads/main\ncommitter T <t@example.com> 0 +0000\ndata {}\n",
            m.len()
        )
        .unwrap();
        stream.extend_from_slice(m.as_bytes());
        stream.push(b'\n');
    }
    let mut c = git();
    c.current_dir(repo)
        .args(["fast-import", "--quiet", "--force"]);
    run(c, &stream);
    let mut c = git();
    c.current_dir(repo).args(args).args([
        "log",
        "--reverse",
        "--format=%x01%(trailers:only,unfold)%x02",
        "main",
    ]);
    let out = String::from_utf8_lossy(&run(c, b"")).into_owned();
    out.split('\u{1}')
        .skip(1)
        .map(|part| part.split('\u{2}').next().unwrap_or("").to_string())
        .collect()
}

fn corpus() -> Vec<(String, String)> {
    let mut msgs: Vec<(String, String)> = Vec::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..400 {
        msgs.push((format!("random #{i}"), random_message(&mut rng)));
    }
    for (i, m) in tricky_messages().into_iter().enumerate() {
        msgs.push((format!("tricky #{i}"), m));
    }
    msgs
}

fn show(msg: &str) -> String {
    format!("{msg:?}")
}

#[test]
fn trailers_agree_with_git() {
    let msgs = corpus();
    let mut failures = Vec::new();
    let mut with_trailers = [0usize; 2];
    for v in variants() {
        // The alternative configuration runs on a third of the corpus to keep the test fast.
        let subset: Vec<&(String, String)> = msgs
            .iter()
            .enumerate()
            .filter(|(i, _)| v.args.is_empty() || i % 3 == 0)
            .map(|(_, m)| m)
            .collect();

        for (id, m) in &subset {
            let want = interpret_parse(&v.args, m);
            with_trailers[0] += usize::from(!want.is_empty());
            let got = render(
                &trailers::parse_with_comment(m, Mode::Interpret, &v.config, v.comment),
                v.separators,
            );
            if want != got {
                failures.push(format!(
                    "[{}] interpret-trailers --parse, {id}: {}\n  git:  {want:?}\n  ours: {got:?}",
                    v.name,
                    show(m)
                ));
            }
        }

        let dir = tempfile::tempdir().unwrap();
        let mut c = git();
        c.args(["init", "-q", "-b", "main"]).arg(dir.path());
        run(c, b"");
        let bodies: Vec<String> = subset.iter().map(|(_, m)| m.clone()).collect();
        let logs = log_unfold(dir.path(), &v.args, &bodies);
        assert_eq!(logs.len(), bodies.len(), "one log entry per commit");
        for ((id, m), want) in subset.iter().zip(&logs) {
            with_trailers[1] += usize::from(!want.is_empty());
            let got = render(
                &trailers::parse_with_comment(m, Mode::Log, &v.config, v.comment),
                v.separators,
            );
            if *want != got {
                failures.push(format!(
                    "[{}] log %(trailers:only,unfold), {id}: {}\n  git:  {want:?}\n  ours: {got:?}",
                    v.name,
                    show(m)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences with git:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Guard against a corpus that agrees only because git finds nothing in it.
    assert!(
        with_trailers.iter().all(|&n| n > 150),
        "too few messages with trailers: {with_trailers:?}"
    );
}

#[test]
fn cleanup_agrees_with_git_stripspace() {
    let msgs = corpus();
    let mut failures = Vec::new();
    for (id, m) in msgs.iter().filter(|(_, m)| !message::has_scissors(m, "#")) {
        let mut c = git();
        c.args(["stripspace", "--strip-comments"]);
        let want = String::from_utf8_lossy(&run(c, m.as_bytes())).into_owned();
        let got = message::cleanup(m, "#");
        if want != got {
            failures.push(format!(
                "{id}: {}\n  git:  {want:?}\n  ours: {got:?}",
                show(m)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences with git stripspace:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `git commit -v` cuts at the scissors line before the strip clean-up; check that path with a real commit.
#[test]
fn cleanup_agrees_with_git_commit_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = git();
    c.args(["init", "-q", "-b", "main"]).arg(dir.path());
    run(c, b"");
    let cases = [
        "subject\n\nbody\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a/x b/x\n",
        "subject\n# comment\n\n\nKey: v  \n# ------------------------ >8 ------------------------\nKey2: after\n",
        "subject\n\n#not-a-cut ------------------------ >8 ------------------------\nrest\n",
        "subject\n\n;comment\n# ------------------------ >8 ------------------------\nrest\n",
    ];
    for (comment, case) in cases
        .iter()
        .enumerate()
        .map(|(i, c)| (if i == 3 { ";" } else { "#" }, c))
    {
        let text = case.replace("# -----", &format!("{comment} -----"));
        let file = dir.path().join("msg");
        std::fs::write(&file, &text).unwrap();
        let mut c = git();
        c.current_dir(dir.path())
            .args(["-c", &format!("core.commentChar={comment}")])
            .args([
                "commit",
                "-q",
                "--allow-empty",
                "--cleanup=strip",
                "-v",
                "-F",
            ])
            .arg(&file);
        run(c, b"");
        let mut c = git();
        c.current_dir(dir.path())
            .args(["cat-file", "commit", "HEAD"]);
        let raw = String::from_utf8_lossy(&run(c, b"")).into_owned();
        let want = raw
            .split_once("\n\n")
            .map(|(_, m)| m.to_string())
            .unwrap_or_default();
        assert_eq!(message::cleanup(&text, comment), want, "message {text:?}");
    }
}

/// With `core.commentChar=auto` git picks the comment character itself; the hook must find the same
/// one in the file git prepared, or it would keep git's help text (or drop the user's lines).
#[test]
fn auto_comment_char_and_cleanup_agree_with_git_commit() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let mut c = git();
    c.args(["init", "-q", "-b", "main"]).arg(&repo);
    run(c, b"");
    let seen = dir.path().join("seen");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\ncp \"$1\" '{}'\n", seen.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let cases: &[(&str, &[&str])] = &[
        ("#1 fixes the crash\n\nbody text\n", &[]),
        ("plain subject\n\nKey: v\n", &[]),
        ("#x\n;y\n@z\n", &[]),
        ("#x subject\n\nbody\n", &["-v"]),
    ];
    for (msg, extra) in cases {
        let mut c = git();
        c.current_dir(&repo)
            .env("GIT_EDITOR", &editor)
            .args([
                "-c",
                "core.commentChar=auto",
                "commit",
                "-q",
                "--allow-empty",
                "-e",
            ])
            .args(*extra)
            .args(["-m", msg]);
        run(c, b"");
        let raw = std::fs::read_to_string(&seen).unwrap();
        let mut c = git();
        c.current_dir(&repo).args(["cat-file", "commit", "HEAD"]);
        let stored = String::from_utf8_lossy(&run(c, b"")).into_owned();
        let want = stored
            .split_once("\n\n")
            .map(|(_, m)| m.to_string())
            .unwrap_or_default();
        let comment = message::resolve_auto_comment(&raw);
        assert_eq!(
            message::cleanup(&raw, &comment),
            want,
            "prepared file {raw:?}, comment {comment:?}"
        );
    }
}
