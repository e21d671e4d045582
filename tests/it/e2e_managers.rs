//! lefthook and husky end to end: the files in examples/hooks/ (shown verbatim in docs/hook-managers.md)
//! installed by the real managers in temporary repositories, with this build of the binary on PATH as
//! `git-charter`, driven by real `git commit` and `git push` to a local bare remote. Husky comes from npm
//! once per target directory (an npm cache under target/tmp); lefthook is the one on PATH.
// POSIX shells, a symlink and /dev/null: Unix only.
#![cfg(unix)]

use crate::common::{BIN, CROSSCHECK, aws_key_id, missing_prerequisite, under_ci};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The policy id every secret finding is denied under (policies/secrets/leaked.rego METADATA).
const SECRET_POLICY_ID: &str = "CH-SECRET-001";
/// The AI-disclosure policies (policies/ai/*.rego METADATA) share this id prefix.
const AI_POLICY_ID_PREFIX: &str = "CH-AI-";
/// The major version of husky the examples are written for (its hook files are run with `sh -e`).
const HUSKY: &str = "husky@9";
/// What every example's guard says when git-charter is missing.
const NOT_ON_PATH: &str = "git-charter is not on PATH, so the charter cannot be checked";
/// Every file in examples/hooks/ and the form docs/hook-managers.md shows it in.
const EXAMPLES: [(&str, &str); 4] = [
    ("lefthook.yml", "yaml"),
    ("husky/pre-commit", "sh"),
    ("husky/commit-msg", "sh"),
    ("husky/pre-push", "sh"),
];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> String {
    let path = manifest_dir().join("examples/hooks").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Both streams, without the colours lefthook may print whatever NO_COLOR says.
fn text(out: &Output) -> String {
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut plain = String::with_capacity(all.len());
    let mut chars = all.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, then one final byte in @..~.
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// The version `program ARGS` prints, or None when it does not run.
fn version(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `GIT_CHARTER_SKIP_E2E=1` skips locally, as for the pre-commit framework (never under CI).
fn skipped(test: &str) -> bool {
    let skip = !under_ci() && std::env::var_os("GIT_CHARTER_SKIP_E2E").is_some_and(|v| v == "1");
    if skip {
        missing_prerequisite(
            test,
            "GIT_CHARTER_SKIP_E2E=1",
            "unset it to run lefthook and husky end to end",
        );
    }
    skip
}

/// PATH without any directory holding a `git-charter`: the only one the hooks find is the one a
/// sandbox puts first, or none at all.
fn path_without_charter() -> Vec<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .filter(|dir| !dir.join("git-charter").exists())
        .collect()
}

/// A temporary repository with a local bare remote and a directory holding `git-charter`, a symlink
/// to this build of the binary.
struct Sandbox {
    _tmp: tempfile::TempDir,
    repo: PathBuf,
    remote: PathBuf,
    bin: PathBuf,
    config_home: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        // A space in the URL git passes to pre-push: lefthook pastes `{2}` into the command as text.
        let remote = tmp.path().join("remote repo.git");
        let bin = tmp.path().join("bin");
        let config_home = tmp.path().join("config");
        for dir in [&repo, &bin, &config_home] {
            std::fs::create_dir(dir).unwrap();
        }
        std::os::unix::fs::symlink(BIN, bin.join("git-charter")).unwrap();
        let s = Sandbox {
            _tmp: tmp,
            repo,
            remote,
            bin,
            config_home,
        };
        s.git(&["init", "-q", "-b", "main"]);
        s.git(&["config", "user.name", "Ada Tester"]);
        s.git(&["config", "user.email", "ada@example.com"]);
        s.git(&["config", "commit.gpgsign", "false"]);
        s.git(&["init", "-q", "--bare", s.remote.to_str().unwrap()]);
        s.git(&["remote", "add", "origin", s.remote.to_str().unwrap()]);
        s
    }

    /// `program` in the repository, git-charter on PATH or (`charter: false`) nowhere on it, and
    /// neither the caller's git settings nor a manager's switches (LEFTHOOK=0, HUSKY=0) in play.
    fn cmd(&self, program: &str, charter: bool) -> Command {
        let mut dirs = path_without_charter();
        if charter {
            dirs.insert(0, self.bin.clone());
        }
        let path: OsString = std::env::join_paths(dirs).unwrap();
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.repo)
            .env("PATH", path)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            // husky sources $XDG_CONFIG_HOME/husky/init.sh before every hook.
            .env("XDG_CONFIG_HOME", &self.config_home)
            .env("NO_COLOR", "1")
            .env(CROSSCHECK.0, CROSSCHECK.1)
            .stdin(Stdio::null());
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_CHARTER_BIN",
            "FORCE_COLOR",
            "CLICOLOR_FORCE",
            "LEFTHOOK",
            "LEFTHOOK_BIN",
            "LEFTHOOK_CONFIG",
            "LEFTHOOK_OUTPUT",
            "LEFTHOOK_EXCLUDE",
            "LEFTHOOK_VERBOSE",
            "HUSKY",
            "PRE_COMMIT",
            "PRE_COMMIT_FROM_REF",
            "PRE_COMMIT_TO_REF",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    /// Runs `program ARGS` and asserts it succeeded.
    fn ok(&self, program: &str, args: &[&str]) -> String {
        let out = self.cmd(program, true).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{program} {args:?} failed:\n{}",
            text(&out)
        );
        String::from_utf8_lossy(&out.stdout).trim_end().to_string()
    }

    fn git(&self, args: &[&str]) -> String {
        self.ok("git", args)
    }

    /// git with the hooks running; success is the caller's to judge.
    fn hooked(&self, args: &[&str]) -> Output {
        self.cmd("git", true).args(args).output().unwrap()
    }

    fn hooked_without_charter(&self, args: &[&str]) -> Output {
        self.cmd("git", false).args(args).output().unwrap()
    }

    fn write(&self, rel: &str, content: &str) {
        let path = self.repo.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"])
    }

    fn remote_main(&self) -> String {
        let out = self
            .cmd("git", true)
            .current_dir(&self.remote)
            .args(["rev-parse", "main"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// The same story under either manager, once its hooks are installed: every stage runs, sees what
/// git gave it, denies what it must, and a missing git-charter stops the commit and the push.
fn exercise(s: &Sandbox, manager: &str) {
    let ctx = |what: &str, out: &Output| format!("{manager}: {what}:\n{}", text(out));

    // A clean commit runs pre-commit and commit-msg (the message file reached git-charter).
    s.write(
        "README.md",
        "# demo\n\nSet AWS_ACCESS_KEY_ID in your environment.\n",
    );
    s.git(&["add", "README.md"]);
    let out = s.hooked(&["commit", "-m", "Add README"]);
    assert!(
        out.status.success(),
        "{}",
        ctx("a clean commit passes", &out)
    );
    for stage in [
        "git-charter pre-commit: passed",
        "git-charter commit-msg: passed",
    ] {
        assert!(text(&out).contains(stage), "{}", ctx(stage, &out));
    }
    // A clean first push: the remote's URL holds a space, and must arrive as one argument.
    let out = s.hooked(&["push", "origin", "main"]);
    assert!(out.status.success(), "{}", ctx("a clean push passes", &out));
    assert!(
        text(&out).contains("git-charter pre-push: passed"),
        "{}",
        ctx("pre-push ran", &out)
    );
    assert_eq!(s.remote_main(), s.head());

    // pre-commit: a staged AWS key is denied and no commit is made.
    let before = s.head();
    s.write(
        "deploy.env",
        &format!("AWS_ACCESS_KEY_ID={}\n", aws_key_id()),
    );
    s.git(&["add", "deploy.env"]);
    let out = s.hooked(&["commit", "-m", "Add deploy settings"]);
    assert!(
        !out.status.success(),
        "{}",
        ctx("a staged key passed", &out)
    );
    assert!(
        text(&out).contains(SECRET_POLICY_ID),
        "{}",
        ctx("the denial names the policy", &out)
    );
    assert_eq!(s.head(), before);
    s.git(&["rm", "-q", "--cached", "deploy.env"]);
    std::fs::remove_file(s.repo.join("deploy.env")).unwrap();

    // commit-msg: an AI co-author without a disclosure trailer is denied, with one it passes.
    s.write("notes.md", "Release notes.\n");
    s.git(&["add", "notes.md"]);
    let co_author = "Co-Authored-By: Claude <noreply@anthropic.com>";
    let out = s.hooked(&["commit", "-m", "Add notes", "-m", co_author]);
    assert!(
        !out.status.success(),
        "{}",
        ctx("an undisclosed AI co-author passed", &out)
    );
    assert!(
        text(&out).contains(AI_POLICY_ID_PREFIX),
        "{}",
        ctx("the denial names an AI policy", &out)
    );
    assert_eq!(s.head(), before);
    let trailers = format!("Assisted-by: claude-code:claude-opus-4-5\n{co_author}");
    let out = s.hooked(&["commit", "-m", "Add notes", "-m", &trailers]);
    assert!(
        out.status.success(),
        "{}",
        ctx("a disclosed AI co-author passes", &out)
    );
    let disclosed = s.head();
    assert_ne!(disclosed, before);

    // pre-push: a key committed past the hooks is stopped, and the denial names its commit, which
    // only git's ref lines on stdin can have told git-charter.
    s.write(
        "deploy.env",
        &format!("AWS_ACCESS_KEY_ID={}\n", aws_key_id()),
    );
    s.git(&["add", "deploy.env"]);
    s.git(&["commit", "-q", "--no-verify", "-m", "Add deploy settings"]);
    let leaked = s.head();
    let out = s.hooked(&["push", "origin", "main"]);
    assert!(!out.status.success(), "{}", ctx("the key was pushed", &out));
    let output = text(&out);
    assert!(output.contains(SECRET_POLICY_ID), "{}", ctx("policy", &out));
    assert!(
        output.contains(&format!("commit {}", &leaked[..7])),
        "{}",
        ctx(&format!("the denial names commit {leaked}"), &out)
    );
    assert_eq!(s.remote_main(), before);

    // Without git-charter on PATH the commit and the push stop, saying why.
    s.git(&["reset", "-q", "--hard", &disclosed]);
    s.write("more.md", "More notes.\n");
    s.git(&["add", "more.md"]);
    let out = s.hooked_without_charter(&["commit", "-m", "Add more notes"]);
    assert!(
        !out.status.success(),
        "{}",
        ctx("a commit without git-charter passed", &out)
    );
    assert!(text(&out).contains(NOT_ON_PATH), "{}", ctx("why", &out));
    assert_eq!(s.head(), disclosed);
    let out = s.hooked_without_charter(&["push", "origin", "main"]);
    assert!(
        !out.status.success(),
        "{}",
        ctx("a push without git-charter passed", &out)
    );
    assert!(text(&out).contains(NOT_ON_PATH), "{}", ctx("why", &out));
    assert_eq!(s.remote_main(), before);

    // With it back, the disclosed commit goes out.
    let out = s.hooked(&["push", "origin", "main"]);
    assert!(
        out.status.success(),
        "{}",
        ctx("the disclosed commit is pushed", &out)
    );
    assert_eq!(s.remote_main(), disclosed);
}

#[test]
fn lefthook_example_runs_every_stage_and_passes_the_push_refs() {
    let test = "lefthook_example_runs_every_stage_and_passes_the_push_refs";
    if skipped(test) {
        return;
    }
    let Some(v) = version("lefthook", &["version"]) else {
        missing_prerequisite(
            test,
            "`lefthook` is not on PATH",
            "install it: `python3 -m pip install 'lefthook>=2.2,<3'`",
        );
        return;
    };
    // `jobs` (the example's form) came with lefthook 1.10.
    let parts: Vec<u32> = v.split('.').filter_map(|p| p.parse().ok()).collect();
    assert!(
        parts.len() >= 2 && (parts[0], parts[1]) >= (1, 10),
        "lefthook {v} is older than 1.10, which the example needs"
    );

    let s = Sandbox::new();
    s.write("lefthook.yml", &example("lefthook.yml"));
    s.ok("lefthook", &["validate"]);
    let installed = s.ok("lefthook", &["install"]);
    for hook in ["pre-commit", "commit-msg", "pre-push"] {
        assert!(
            s.repo.join(".git/hooks").join(hook).is_file(),
            "lefthook install wrote no {hook} hook:\n{installed}"
        );
    }
    s.git(&["add", "lefthook.yml"]);
    s.git(&["commit", "-q", "--no-verify", "-m", "Add lefthook"]);
    exercise(&s, &format!("lefthook {v}"));
}

#[test]
fn husky_example_runs_every_stage_and_passes_the_push_refs() {
    let test = "husky_example_runs_every_stage_and_passes_the_push_refs";
    if skipped(test) {
        return;
    }
    let (Some(_node), Some(_npm)) = (
        version("node", &["--version"]),
        version("npm", &["--version"]),
    ) else {
        missing_prerequisite(
            test,
            "`node` or `npm` is not on PATH",
            "install them: `apt-get install nodejs npm`",
        );
        return;
    };

    let s = Sandbox::new();
    s.write("package.json", "{\"name\": \"demo\", \"private\": true}\n");
    s.write(".gitignore", "node_modules/\n");
    // Fetched once: later runs install from the cache under the target directory.
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("husky-npm-cache");
    s.ok(
        "npm",
        &[
            "install",
            "--save-dev",
            "--prefer-offline",
            "--no-audit",
            "--no-fund",
            "--no-update-notifier",
            "--cache",
            cache.to_str().unwrap(),
            HUSKY,
        ],
    );
    s.ok("npx", &["--no-install", "husky", "init"]);
    assert_eq!(s.git(&["config", "core.hooksPath"]), ".husky/_");
    for hook in ["pre-commit", "commit-msg", "pre-push"] {
        s.write(
            &format!(".husky/{hook}"),
            &example(&format!("husky/{hook}")),
        );
    }
    let manifest = std::fs::read_to_string(s.repo.join("node_modules/husky/package.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let husky_version = manifest["version"].as_str().unwrap().to_string();
    s.git(&["add", "."]);
    s.git(&["commit", "-q", "--no-verify", "-m", "Add husky"]);
    exercise(&s, &format!("husky {husky_version}"));
}

/// The fenced blocks of a Markdown file, each with its info string.
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_end_matches('\n');
        match open.take() {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    open = Some((info.trim().to_string(), String::new()));
                }
            }
            Some((info, body)) if trimmed == "```" => blocks.push((info, body)),
            Some((info, mut body)) => {
                body.push_str(line);
                open = Some((info, body));
            }
        }
    }
    blocks
}

/// docs/hook-managers.md shows every example file byte for byte (what the tests above run), and
/// says where it lives.
#[test]
fn hook_managers_doc_shows_the_tested_examples_verbatim() {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/hook-managers.md")).unwrap();
    let blocks = fenced_blocks(&doc);
    for (name, lang) in EXAMPLES {
        let content = example(name);
        assert!(
            blocks
                .iter()
                .any(|(info, body)| info == lang && *body == content),
            "docs/hook-managers.md has no ```{lang} block equal to examples/hooks/{name}"
        );
        assert!(
            doc.contains(&format!("`examples/hooks/{name}`")),
            "docs/hook-managers.md does not name examples/hooks/{name}"
        );
        // Every stage fails closed when git-charter is missing.
        assert!(content.contains("command -v git-charter"), "{name}");
    }
    let lefthook = example("lefthook.yml");
    let settings: Vec<&str> = lefthook
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(
        !settings.iter().any(|l| l.starts_with("parallel:")),
        "the lefthook example's jobs must run in order"
    );
    assert!(settings.contains(&"use_stdin: true"));
}
