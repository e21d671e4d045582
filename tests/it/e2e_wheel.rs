//! End to end through the Python package (pyproject.toml: maturin, `bindings = "bin"`): `maturin sdist` ships
//! what build.rs and `include_str!` embed, the wheel built from that sdist puts a working `git-charter` on
//! PATH in a venv, and the `language: python` hooks judge all three stages through the real pre-commit
//! framework and through prek: those of .pre-commit-hooks.yaml, each framework `pip install`ing
//! (`uv pip install` for prek) a temporary clone of this checkout with the WORKING TREE committed on top
//! (unlike e2e_pre_commit, uncommitted edits are what runs), and the `repo: local` ones of docs/hooks.md,
//! installed from the wheel as from PyPI. Builds use the dev profile, stripped (`MATURIN_PEP517_ARGS`), in
//! one target directory of their own under target/tmp/e2e-wheel: the test binary's target directory would
//! have each build re-link target/debug/git-charter, the binary other tests are running, to a build with
//! other features. The snapshot's commit id depends only on the working tree and HEAD, so an unchanged tree
//! reuses the wheel and the frameworks' installed hooks. `GIT_CHARTER_SKIP_E2E=1` skips locally (not under CI).

use crate::common::{missing_prerequisite, neutral_git_env, under_ci};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// policies/secrets/leaked.rego METADATA.
const SECRET_POLICY_ID: &str = "CH-SECRET-001";
/// policies/ai/*.rego METADATA.
const AI_POLICY_ID_PREFIX: &str = "CH-AI-";
/// policies/deps/typosquat.rego: denies only if build.rs embedded the package lists (rules/packages/).
const TYPOSQUAT_POLICY_ID: &str = "CH-DEP-001";
/// policies/deps/unpinned.rego: a warning (`dependencies.unpinned: warn`) from a hook that passes.
const UNPINNED_POLICY_ID: &str = "CH-DEP-006";
/// The python hooks of .pre-commit-hooks.yaml, one per stage.
const PYTHON_HOOKS: [&str; 3] = [
    "git-charter-python",
    "git-charter-commit-msg-python",
    "git-charter-pre-push-python",
];
/// What the wheel builds use: the dev profile, which reuses what an earlier build compiled; stripped,
/// because its debug info is five times the binary, in every venv and zip.
const PEP517_ARGS: &str = "--profile dev --strip";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Everything these tests keep between runs.
fn base_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-wheel")
}

/// Whether to run: every program of `tools` must answer `--version`. Under CI a missing one is a failure
/// (`.ci/run` installs them) and the skip switch is ignored; locally the skip is announced.
fn available(test: &str, tools: &[&str]) -> bool {
    if !under_ci() && std::env::var_os("GIT_CHARTER_SKIP_E2E").is_some_and(|v| v == "1") {
        missing_prerequisite(
            test,
            "GIT_CHARTER_SKIP_E2E=1",
            "unset it to build the wheel and run the hooks end to end",
        );
        return false;
    }
    for tool in tools {
        let found = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            missing_prerequisite(
                test,
                &format!("`{tool}` is not on PATH"),
                "install it: `python3 -m pip install 'maturin>=1.5,<2' 'pre-commit>=3.2,<5' 'prek>=0.6,<1' 'uv<1'`",
            );
            return false;
        }
    }
    true
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A program with the caller's git environment neutralised, no colours, and every build going to the
/// shared dev-profile target directory (pip and uv pass the environment on to maturin's PEP 517 backend).
fn cmd(program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
    let base = base_dir();
    let mut cmd = Command::new(program);
    neutral_git_env(&mut cmd, dir)
        .env("NO_COLOR", "1")
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TARGET_DIR", base.join("cargo-target"))
        .env("MATURIN_PEP517_ARGS", PEP517_ARGS)
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd`, which must succeed; returns its stdout.
fn run(mut cmd: Command, what: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    assert!(out.status.success(), "{what} failed:\n{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

fn git(dir: &Path, args: &[&str]) -> String {
    let mut git = cmd("git", dir);
    git.args(args);
    run(git, &format!("git {args:?}"))
}

/// The hook repository: a clone of this checkout (sharing its objects, writing none into it) with the
/// working tree's files, tracked and untracked but not ignored, committed on top under a fixed identity
/// and date. Made once per test process at a fixed path; its commit id changes only when the working tree
/// or HEAD does, which is what keys every cache here.
fn hook_repo() -> &'static (PathBuf, String) {
    static REPO: OnceLock<(PathBuf, String)> = OnceLock::new();
    REPO.get_or_init(|| {
        let base = base_dir();
        std::fs::create_dir_all(&base).unwrap();
        let dir = base.join("hook-repo");
        let fresh = base.join(format!("hook-repo.{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&fresh);
        git(
            &base,
            &[
                "clone",
                "-q",
                "--shared",
                "--no-checkout",
                manifest_dir().to_str().unwrap(),
                fresh.to_str().unwrap(),
            ],
        );
        let git_dir = format!("--git-dir={}", fresh.join(".git").display());
        let work_tree = format!("--work-tree={}", manifest_dir().display());
        git(&base, &[&git_dir, &work_tree, "add", "-A"]);
        let mut commit = cmd("git", &base);
        commit
            .args([&git_dir, &work_tree, "commit", "-q", "--no-verify"])
            .arg("--allow-empty")
            .args(["-m", "git-charter working tree (tests/it/e2e_wheel.rs)"])
            .env("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z");
        run(
            commit,
            "committing the working tree into the hook repository",
        );
        let rev = git(&base, &[&git_dir, "rev-parse", "HEAD"]);
        assert_eq!(rev.len(), 40, "{rev:?}");
        match std::fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => panic!("{}: {e}", dir.display()),
            _ => {}
        }
        std::fs::rename(&fresh, &dir).unwrap();
        (dir, rev)
    })
}

/// `base/<name>`, emptied when it was last used for another hook-repository commit: a framework's store
/// (or the wheel cache) holds only the current snapshot's build instead of one per edit.
fn cache_dir(name: &str, rev: &str) -> PathBuf {
    let base = base_dir();
    let dir = base.join(name);
    let marker = base.join(format!("{name}.rev"));
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(rev) {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&marker, rev).unwrap();
    }
    dir
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(ext));
    files
}

/// An AWS key pair in the shape real ones have, assembled at run time (see e2e_pre_commit.rs).
fn aws_credentials() -> String {
    let key_id = ["AKIA", "Q7M3X2RZ", "4VN8KT5P"].concat();
    let secret = ["h8Kq2VtX9", "pLw3RzN7c", "Yf5JmB1sD", "gE6uA0oTi", "Q4rZ"].concat();
    format!("AWS_ACCESS_KEY_ID={key_id}\nAWS_SECRET_ACCESS_KEY={secret}\n")
}

/// The sdist of the working tree (`maturin sdist`), made once per test process into a fixed directory.
fn sdist() -> &'static PathBuf {
    static SDIST: OnceLock<PathBuf> = OnceLock::new();
    SDIST.get_or_init(|| {
        let out = base_dir().join("sdist");
        let _ = std::fs::remove_dir_all(&out);
        let mut sdist = cmd("maturin", manifest_dir());
        sdist.args(["sdist", "--out"]).arg(&out);
        run(sdist, "maturin sdist");
        let [archive] = &files_in(&out, ".tar.gz")[..] else {
            panic!("maturin sdist wrote one .tar.gz into {}", out.display());
        };
        archive.clone()
    })
}

/// The directory the sdist unpacks into.
fn sdist_root() -> String {
    format!("git_charter-{}/", env!("CARGO_PKG_VERSION"))
}

/// The wheel, built by `maturin build` from the unpacked sdist (so it proves the sdist is enough to
/// build from), kept per hook-repository commit and moved into place only once complete.
fn wheel() -> &'static PathBuf {
    static WHEEL: OnceLock<PathBuf> = OnceLock::new();
    WHEEL.get_or_init(|| {
        let (_, rev) = hook_repo();
        let wheels = cache_dir("wheels", rev);
        if files_in(&wheels, ".whl").is_empty() {
            let src = tempfile::tempdir().unwrap();
            let mut unpack = cmd("tar", src.path());
            unpack.arg("-xzf").arg(sdist());
            run(unpack, "tar -x");
            // Beside the cache, so that the move is a rename.
            let built = base_dir().join(format!("wheels.{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&built);
            let mut build = cmd("maturin", src.path());
            build
                .args(["build", "--profile", "dev", "--strip", "--manifest-path"])
                .arg(src.path().join(sdist_root()).join("Cargo.toml"))
                .arg("--out")
                .arg(&built);
            run(build, "maturin build from the sdist");
            for wheel in files_in(&built, ".whl") {
                std::fs::rename(&wheel, wheels.join(wheel.file_name().unwrap())).unwrap();
            }
            let _ = std::fs::remove_dir_all(&built);
        }
        let [wheel] = &files_in(&wheels, ".whl")[..] else {
            panic!("maturin build wrote one wheel into {}", wheels.display());
        };
        wheel.clone()
    })
}

/// Depends on: Cargo.toml `include`, which `maturin sdist` packs as `cargo package` would.
#[test]
fn sdist_ships_every_file_the_build_embeds_and_nothing_else() {
    if !available(
        "sdist_ships_every_file_the_build_embeds_and_nothing_else",
        &["maturin"],
    ) {
        return;
    }
    let mut list = cmd("tar", manifest_dir());
    list.arg("-tzf").arg(sdist());
    let root = sdist_root();
    let listing: Vec<String> = run(list, "tar -t")
        .lines()
        .map(|l| l.strip_prefix(&root).unwrap_or(l).to_string())
        .collect();
    let expected = git(
        manifest_dir(),
        &[
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "--",
            "src",
            "benches",
            "policies",
            "rules",
            "charter",
            "hooks",
        ],
    );
    let missing: Vec<&str> = expected
        .lines()
        .chain([
            "build.rs",
            "Cargo.toml",
            "Cargo.lock",
            "README.md",
            "pyproject.toml",
        ])
        // A file deleted from the work tree but not yet from the index is not shipped, rightly.
        .filter(|f| manifest_dir().join(f).is_file())
        .filter(|f| !listing.iter().any(|l| l == f))
        .collect();
    assert!(
        missing.is_empty(),
        "the sdist lacks {missing:?}: add them to `include` in Cargo.toml"
    );
    assert!(listing.iter().any(|l| l.starts_with("rules/packages/")));
    let top_level = [
        "src",
        "benches",
        "policies",
        "rules",
        "charter",
        "hooks",
        "build.rs",
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "pyproject.toml",
        "PKG-INFO",
    ];
    let stray: Vec<&String> = listing
        .iter()
        .filter(|l| !l.is_empty() && !l.starts_with("LICENSE"))
        .filter(|l| !top_level.contains(&l.split('/').next().unwrap()))
        .collect();
    assert!(
        stray.is_empty(),
        "the sdist ships files the build does not need: {stray:?}"
    );
}

/// Depends on: the sdist being enough to build from, build.rs reading rules/packages/ (missing lists
/// would silently disable typosquat detection) and `dynamic = ["version"]`.
#[test]
fn wheel_built_from_the_sdist_puts_a_working_git_charter_on_path() {
    if !available(
        "wheel_built_from_the_sdist_puts_a_working_git_charter_on_path",
        &["python3", "maturin"],
    ) {
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let wheel = wheel();
    assert!(
        wheel
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(&format!("git_charter-{version}-py3-none-")),
        "{}",
        wheel.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    let mut create = cmd("python3", tmp.path());
    create.args(["-m", "venv"]).arg(&venv);
    run(create, "python3 -m venv");
    let python = venv.join("bin/python");
    let mut install = cmd(&python, tmp.path());
    install
        .args(["-m", "pip", "install", "--quiet", "--no-index", "--no-deps"])
        .arg(wheel);
    run(install, "pip install of the wheel");
    let mut metadata = cmd(&python, tmp.path());
    metadata.args([
        "-c",
        "import importlib.metadata as m; print(m.version('git-charter'))",
    ]);
    let installed = run(metadata, "importlib.metadata");
    assert!(
        installed == version
            || (version.contains('-') && installed.starts_with(version.split('-').next().unwrap())),
        "the package's version is Cargo.toml's: {installed} vs {version}"
    );

    // On PATH as pip put it there: as `git-charter` and as git's `git charter`.
    let path = std::env::join_paths(
        std::iter::once(venv.join("bin"))
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let on_path = |program: &str, args: &[&str], dir: &Path| {
        let mut c = cmd(program, dir);
        c.args(args).env("PATH", &path);
        c.output().unwrap()
    };
    let want = format!("git-charter {version}");
    for (program, args) in [
        ("git-charter", &["--version"][..]),
        ("git", &["charter", "--version"][..]),
    ] {
        let out = on_path(program, args, tmp.path());
        assert!(out.status.success(), "{program} {args:?}:\n{}", text(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), want);
    }
    // The embedded rule files and policies are all there and pass their own checks.
    for args in [["rules", "check"], ["policy", "check"]] {
        let out = on_path("git-charter", &args, tmp.path());
        assert!(
            out.status.success(),
            "git-charter {args:?}:\n{}",
            text(&out)
        );
    }
    // And the embedded package lists: a typosquat of a popular PyPI name is denied.
    let repo = tmp.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("requirements.txt"), "reqeusts==2.31.0\n").unwrap();
    git(&repo, &["add", "requirements.txt"]);
    let out = on_path("git-charter", &["pre-commit"], &repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains(TYPOSQUAT_POLICY_ID), "{}", text(&out));
}

/// pre-commit or prek.
struct Framework {
    program: &'static str,
    /// The environment variable that moves its store.
    home_env: &'static str,
    /// The environment variable that points its installer (pip, uv) at a directory of wheels.
    find_links_env: &'static str,
}

const PRE_COMMIT: Framework = Framework {
    program: "pre-commit",
    home_env: "PRE_COMMIT_HOME",
    find_links_env: "PIP_FIND_LINKS",
};
const PREK: Framework = Framework {
    program: "prek",
    home_env: "PREK_HOME",
    find_links_env: "UV_FIND_LINKS",
};

/// Where the hooks come from.
#[derive(Clone, Copy, PartialEq)]
enum Hooks {
    /// The `-python` hooks of the hook repository's .pre-commit-hooks.yaml, pip-installed from its clone.
    HookRepo,
    /// `repo: local` hooks (docs/hooks.md, "Prebuilt, through the framework"): the same definitions with
    /// the package as `additional_dependencies`, installed from the wheel as a published one would be.
    LocalWheel,
}

/// The `repo: local` definitions: each `-python` hook of .pre-commit-hooks.yaml under its rust id, with
/// the wheel's version as its one dependency. Written as JSON, which is YAML.
fn local_hooks() -> serde_json::Value {
    let manifest = std::fs::read_to_string(manifest_dir().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<serde_json::Value> = yaml_serde::from_str(&manifest).unwrap();
    let local: Vec<serde_json::Value> = PYTHON_HOOKS
        .iter()
        .map(|id| {
            let mut hook = hooks
                .iter()
                .find(|h| h["id"] == *id)
                .unwrap_or_else(|| panic!("{id} is not in .pre-commit-hooks.yaml"))
                .clone();
            hook["id"] = id.trim_end_matches("-python").into();
            hook["additional_dependencies"] =
                serde_json::json!([format!("git-charter=={}", env!("CARGO_PKG_VERSION"))]);
            hook
        })
        .collect();
    serde_json::json!({"repos": [{"repo": "local", "hooks": local}]})
}

/// A temporary repository with a bare remote, whose `.pre-commit-config.yaml` names git-charter's python
/// hooks, installed for all three stages.
struct Sandbox {
    _tmp: tempfile::TempDir,
    repo: PathBuf,
    remote: PathBuf,
    env: Vec<(&'static str, PathBuf)>,
}

impl Sandbox {
    fn new(framework: &Framework, hooks: Hooks) -> Sandbox {
        let (hook_repo, rev) = hook_repo();
        let (config, store, installs) = match hooks {
            Hooks::HookRepo => {
                let ids: String = PYTHON_HOOKS
                    .iter()
                    .map(|id| format!("      - id: {id}\n"))
                    .collect();
                let config = format!(
                    "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n{ids}",
                    // JSON strings are valid YAML scalars and quote any path safely.
                    serde_json::to_string(hook_repo.to_str().unwrap()).unwrap()
                );
                (config, framework.program.to_string(), "the hook repository")
            }
            Hooks::LocalWheel => (
                local_hooks().to_string(),
                format!("{}-local", framework.program),
                "the wheel",
            ),
        };
        let tmp = tempfile::tempdir().unwrap();
        let mut env = vec![(framework.home_env, cache_dir(&store, rev))];
        if hooks == Hooks::LocalWheel {
            env.push((
                framework.find_links_env,
                wheel().parent().unwrap().to_path_buf(),
            ));
        }
        let sandbox = Sandbox {
            repo: tmp.path().join("repo"),
            remote: tmp.path().join("remote.git"),
            _tmp: tmp,
            env,
        };
        std::fs::create_dir(&sandbox.repo).unwrap();
        sandbox.git(&["init", "-q", "-b", "main"]);
        sandbox.git(&["init", "-q", "--bare", sandbox.remote.to_str().unwrap()]);
        sandbox.git(&["remote", "add", "origin", sandbox.remote.to_str().unwrap()]);
        std::fs::write(sandbox.repo.join(".pre-commit-config.yaml"), config).unwrap();
        sandbox.git(&["add", ".pre-commit-config.yaml"]);
        sandbox.git(&["commit", "-q", "--no-verify", "-m", "Add pre-commit config"]);

        let mut install = sandbox.cmd(framework.program);
        install.args(["install", "--install-hooks"]);
        for hook_type in ["pre-commit", "commit-msg", "pre-push"] {
            install.args(["--hook-type", hook_type]);
        }
        run(
            install,
            &format!(
                "{} install (which pip-installs {installs})",
                framework.program
            ),
        );
        sandbox
    }

    /// A command in the repository, finding the framework's store as the installed git hooks will.
    fn cmd(&self, program: &str) -> Command {
        let mut c = cmd(program, &self.repo);
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }

    fn git(&self, args: &[&str]) -> String {
        let mut git = self.cmd("git");
        git.args(args);
        run(git, &format!("git {args:?}"))
    }

    /// git with the hooks, which may refuse.
    fn git_hooked(&self, args: &[&str]) -> Output {
        self.cmd("git").args(args).output().unwrap()
    }

    fn commit(&self, file: &str, content: &str, message: &str) -> Output {
        std::fs::write(self.repo.join(file), content).unwrap();
        self.git(&["add", file]);
        self.git_hooked(&["commit", "-m", message])
    }

    fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"]).parse().unwrap()
    }
}

/// All three stages through `framework`'s python hooks, which see the commits and the push git makes.
fn judges_all_three_stages(framework: &Framework, hooks: Hooks) {
    let sandbox = Sandbox::new(framework, hooks);
    let pre_commit_id = match hooks {
        Hooks::HookRepo => PYTHON_HOOKS[0],
        Hooks::LocalWheel => "git-charter",
    };
    let before = sandbox.commit_count();

    // pre-commit passes with a warning, which `verbose: true` (.pre-commit-hooks.yaml) shows.
    let out = sandbox.commit("requirements.txt", "requests\n", "Add requirements");
    let output = text(&out);
    assert!(out.status.success(), "a warning does not deny:\n{output}");
    assert!(
        output.contains(UNPINNED_POLICY_ID)
            && output.contains(&format!("hook id: {pre_commit_id}")),
        "the passing hook's warning is shown, under the python hook's id:\n{output}"
    );
    assert_eq!(sandbox.commit_count(), before + 1);

    // pre-commit: a staged key.
    let out = sandbox.commit("deploy.env", &aws_credentials(), "Add deploy settings");
    let output = text(&out);
    assert!(!out.status.success(), "a staged key is denied:\n{output}");
    assert!(output.contains(SECRET_POLICY_ID), "{output}");
    assert_eq!(sandbox.commit_count(), before + 1);
    sandbox.git(&["rm", "-q", "--cached", "deploy.env"]);
    std::fs::remove_file(sandbox.repo.join("deploy.env")).unwrap();

    // commit-msg: an undisclosed Claude co-author, then the same change disclosed.
    let undisclosed =
        "Add retry to the fetcher\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n";
    let out = sandbox.commit("fetch.txt", "retry three times\n", undisclosed);
    let output = text(&out);
    assert!(
        !out.status.success(),
        "an undisclosed AI co-author is denied:\n{output}"
    );
    assert!(output.contains(AI_POLICY_ID_PREFIX), "{output}");
    assert_eq!(sandbox.commit_count(), before + 1);
    let disclosed = "Add retry to the fetcher\n\n\
                     Assisted-by: Claude Code:claude-opus-4\n\
                     Co-Authored-By: Claude <noreply@anthropic.com>\n";
    let out = sandbox.git_hooked(&["commit", "-m", disclosed]);
    assert!(
        out.status.success(),
        "the disclosed commit is accepted:\n{}",
        text(&out)
    );
    assert_eq!(sandbox.commit_count(), before + 2);

    // pre-push: a clean first push, then a key committed past the hooks.
    let out = sandbox.git_hooked(&["push", "-q", "origin", "main"]);
    assert!(
        out.status.success(),
        "a clean push is accepted:\n{}",
        text(&out)
    );
    std::fs::write(sandbox.repo.join("deploy.env"), aws_credentials()).unwrap();
    sandbox.git(&["add", "deploy.env"]);
    sandbox.git(&["commit", "-q", "--no-verify", "-m", "Add deploy settings"]);
    let out = sandbox.git_hooked(&["push", "-q", "origin", "main"]);
    let output = text(&out);
    assert!(!out.status.success(), "the key is not pushed:\n{output}");
    assert!(output.contains(SECRET_POLICY_ID), "{output}");
    let remote_main = run(
        {
            let mut c = cmd("git", &sandbox.remote);
            c.args(["rev-parse", "main"]);
            c
        },
        "git rev-parse in the remote",
    );
    assert_ne!(remote_main, sandbox.git(&["rev-parse", "HEAD"]));
}

/// Depends on: pre-commit's `language: python` (`pip install .` of the hook repository, maturin's PEP 517
/// backend honouring MATURIN_PEP517_ARGS) and the stages as in e2e_pre_commit.rs.
#[test]
fn pre_commit_framework_runs_the_python_hooks_at_all_three_stages() {
    if !available(
        "pre_commit_framework_runs_the_python_hooks_at_all_three_stages",
        &["python3", "pre-commit"],
    ) {
        return;
    }
    judges_all_three_stages(&PRE_COMMIT, Hooks::HookRepo);
}

/// Depends on: prek's `language: python` (uv, found beside prek or installed by it, running `uv pip install .`).
#[test]
fn prek_runs_the_python_hooks_at_all_three_stages() {
    if !available(
        "prek_runs_the_python_hooks_at_all_three_stages",
        &["python3", "prek"],
    ) {
        return;
    }
    judges_all_three_stages(&PREK, Hooks::HookRepo);
}

/// Depends on: a `repo: local` python hook installing only its `additional_dependencies`, here from the
/// wheel through PIP_FIND_LINKS, as it would from PyPI once the package is published: nothing compiles.
#[test]
fn pre_commit_installs_the_prebuilt_wheel_for_local_python_hooks() {
    if !available(
        "pre_commit_installs_the_prebuilt_wheel_for_local_python_hooks",
        &["python3", "maturin", "pre-commit"],
    ) {
        return;
    }
    judges_all_three_stages(&PRE_COMMIT, Hooks::LocalWheel);
}

/// As above through prek, whose uv reads UV_FIND_LINKS.
#[test]
fn prek_installs_the_prebuilt_wheel_for_local_python_hooks() {
    if !available(
        "prek_installs_the_prebuilt_wheel_for_local_python_hooks",
        &["python3", "maturin", "prek"],
    ) {
        return;
    }
    judges_all_three_stages(&PREK, Hooks::LocalWheel);
}
