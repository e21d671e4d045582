//! Policies: the only module that uses regorus. Layers repository policies over the built-ins, parses
//! METADATA, evaluates `deny` / `warn` under a budget, and runs `policy test` / `policy check`.
//! Knows nothing of git, the file system (collect reads the files) or the terminal.

mod graph;
pub mod metadata;
mod sandbox;
/// The thread CPU clock the sandbox measures with, for tests that bound a cost.
#[cfg(test)]
pub(crate) use sandbox::thread_cpu_time;

use crate::model::{Level, Severity, Stage, Violation};
use metadata::{Metadata, parse_header, parse_header_with, test_rule_names};
use regorus::Engine;
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::Program;
use regorus::rvm::program::DeserializationResult;
use regorus::rvm::vm::RegoVM;
use sandbox::{Breach, Progress, Worker};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use graph::MAX_NESTING;
pub use sandbox::MEMORY_CAP;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));
}

/// A policy or test file and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in errors: `policies/secrets/leaked.rego` for built-ins, the real path otherwise.
    pub origin: String,
    pub text: String,
    pub builtin: bool,
}

impl Source {
    pub fn is_test(&self) -> bool {
        self.origin.ends_with("_test.rego")
    }
}

/// A loaded policy package with its METADATA.
#[derive(Debug, Clone)]
pub struct Policy {
    pub package: String,
    pub origin: String,
    pub metadata: Metadata,
    pub builtin: bool,
    /// Which of `deny` / `warn` the file declares (only those are evaluated).
    pub declares: Vec<Level>,
}

impl Policy {
    pub fn id(&self) -> &str {
        self.metadata.custom.id.as_deref().unwrap_or(&self.package)
    }

    pub fn title(&self) -> &str {
        self.metadata.title.as_deref().unwrap_or(&self.package)
    }

    pub fn severity(&self) -> Severity {
        self.metadata.custom.severity.unwrap_or(Severity::Medium)
    }

    pub fn applies_to(&self, stage: Stage) -> bool {
        self.metadata
            .custom
            .stages
            .as_ref()
            .is_none_or(|s| s.contains(&stage))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// A file does not parse, nests brackets too deeply, or its METADATA is malformed, or rules or
    /// functions call themselves.
    #[error("{origin}: {message}")]
    Load { origin: String, message: String },
    /// regorus failed while evaluating (an unknown function, a type error, a bad input document).
    #[error("{0}")]
    Eval(String),
    /// Loading and evaluating used more than `limits.policy_timeout_ms` of the policy worker's time
    /// (CPU time where the system reports it): the watchdog stopped it, inside a builtin too.
    /// (`policy test` and `policy check`: `--timeout-ms`.)
    #[error(
        "policy evaluation exceeded the {budget_ms} ms budget ({setting}): {origin} ({detail})"
    )]
    Timeout {
        budget_ms: u64,
        /// Where the budget is set.
        setting: &'static str,
        origin: String,
        detail: String,
    },
    /// Evaluation would have taken the policy worker over its memory cap: stopped before it did.
    #[error(
        "{origin}: policy evaluation needed more than {limit_mib} MiB of memory and was stopped"
    )]
    Memory { origin: String, limit_mib: u64 },
    /// Evaluation nested calls so deeply that the policy worker's stack was nearly exhausted.
    #[error(
        "{origin}: policy evaluation nested calls too deeply for the evaluator's stack and was stopped"
    )]
    TooDeep { origin: String },
    /// Two policies claim one id: one would be switched off, explained and reported as the other.
    #[error("{origin}: policy id `{id}` is already used by {other}; ids must be unique")]
    DuplicateId {
        origin: String,
        id: String,
        other: String,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A team policy file: its path under `.charter/policies/` and its source.
#[derive(Debug, Clone)]
pub struct TeamFile {
    /// Relative to `.charter/policies/`, with `/` separators (`secrets/leaked.rego`).
    pub rel: String,
    pub source: Source,
}

/// The policies in force: the built-ins, then each layer's files (an organisation bundle's, then
/// the team's), each file at the same relative path as one below it (`secrets/leaked.rego`
/// replaces `policies/secrets/leaked.rego`) replacing it, and the other files added after them.
pub fn layer(team: Vec<TeamFile>) -> Vec<Source> {
    layers(vec![team])
}

/// `layer` over several layers, lowest first.
pub fn layers(layers: Vec<Vec<TeamFile>>) -> Vec<Source> {
    let mut sources: Vec<(String, Source)> = builtin_sources()
        .into_iter()
        .map(|s| {
            let rel = s.origin.strip_prefix("policies/").unwrap_or("").to_string();
            (rel, s)
        })
        .collect();
    for t in layers.into_iter().flatten() {
        sources.retain(|(rel, _)| *rel != t.rel);
        sources.push((t.rel, t.source));
    }
    sources.into_iter().map(|(_, s)| s).collect()
}

/// Each policy that reuses the id of an earlier one of another package, with that earlier one.
pub fn duplicate_ids(policies: &[Policy]) -> Vec<(&Policy, &Policy)> {
    policies
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            policies[..i]
                .iter()
                .find(|o| o.id() == p.id() && o.package != p.package)
                .map(|other| (p, other))
        })
        .collect()
}

/// The METADATA of a built-in policy as build.rs converted it to JSON, when `s` is that policy's
/// embedded text.
fn builtin_metadata(s: &Source) -> Option<&'static str> {
    if !s.builtin {
        return None;
    }
    let i = builtin::BUILTIN_POLICIES
        .iter()
        .position(|(origin, text)| *origin == s.origin && *text == s.text)?;
    Some(builtin::BUILTIN_METADATA[i].1)
}

/// The built-in policy and test files embedded in the binary.
pub fn builtin_sources() -> Vec<Source> {
    builtin::BUILTIN_POLICIES
        .iter()
        .map(|(origin, text)| Source {
            origin: (*origin).to_string(),
            text: (*text).to_string(),
            builtin: true,
        })
        .collect()
}

fn new_engine() -> Engine {
    let mut engine = Engine::new();
    engine.set_rego_v0(false);
    // Errors such as unknown functions must stop the run, not silently make a rule undefined.
    engine.set_strict_builtin_errors(true);
    engine
}

/// Parses `sources` into `engine`, then rejects recursion of any shape before anything runs.
/// `progress` learns which source is being parsed (for naming it when the worker is stopped).
fn add_sources(
    engine: &mut Engine,
    sources: &[&Source],
    progress: &Progress,
) -> Result<Vec<Policy>, PolicyError> {
    let mut policies = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        progress.at(i);
        if let Some(line) = graph::too_deep(&s.text) {
            return Err(PolicyError::Load {
                origin: format!("{}:{line}", s.origin),
                message: format!(
                    "brackets nest more than {MAX_NESTING} deep (the parser's time doubles with each level)"
                ),
            });
        }
        engine
            .add_policy(s.origin.clone(), s.text.clone())
            .map_err(|e| PolicyError::Load {
                origin: s.origin.clone(),
                message: e.to_string(),
            })?;
        if s.is_test() {
            continue;
        }
        let policy = policy_of(s, |_, level| {
            engine
                .has_declared_rule_rooted_at(&s.origin, level.as_str())
                .unwrap_or(false)
        })?;
        policies.extend(policy);
    }
    if let Some((origin, message)) = graph::find_recursion(engine.get_modules()) {
        return Err(PolicyError::Load { origin, message });
    }
    Ok(policies)
}

/// The error for a stopped worker, naming what it was on.
fn breach_error(breach: Breach, budget_ms: u64, origin: String, doing: &str) -> PolicyError {
    breach_error_in(breach, budget_ms, CHARTER_BUDGET, origin, doing)
}

/// `policy test` and `policy check`'s budget unless `--timeout-ms` says otherwise: a whole suite's
/// worth of worker CPU time (the built-in suite takes well under a second).
pub const COMMAND_BUDGET_MS: u64 = 60_000;

/// Where the hooks' and `ci`'s budget is set.
const CHARTER_BUDGET: &str = "limits.policy_timeout_ms in the charter";
/// Where `policy test`'s and `policy check`'s budget is set.
const COMMAND_BUDGET: &str = "--timeout-ms";

fn breach_error_in(
    breach: Breach,
    budget_ms: u64,
    setting: &'static str,
    origin: String,
    doing: &str,
) -> PolicyError {
    match breach {
        Breach::Time => PolicyError::Timeout {
            budget_ms,
            setting,
            origin,
            detail: format!("stopped while {doing}"),
        },
        Breach::Memory => PolicyError::Memory {
            origin,
            limit_mib: MEMORY_CAP >> 20,
        },
        Breach::Stack => PolicyError::TooDeep { origin },
        Breach::Stopped => PolicyError::Eval(format!(
            "{origin}: the policy evaluator was stopped by an earlier error"
        )),
    }
}

/// A ready-to-evaluate set of policies with the charter loaded as `data.charter`.
/// Build once per run; evaluate once per judged commit.
///
/// The engine lives on a sandboxed worker thread (see `sandbox`). One budget,
/// `limits.policy_timeout_ms` of the worker's CPU time, covers loading and parsing every policy
/// (charged to the first evaluation) and evaluating all of them once; it is not restarted per rule,
/// and it holds inside long-running builtins, where regorus's own (wall-clock, between-steps) timer
/// does not look. That timer is not used: on a loaded machine it spent the budget for the policy.
///
/// The built-in policies run on regorus's register VM (RVM), which evaluates several times faster
/// than the interpreter and, once compiled, loads without parsing any Rego ([`Compiled`]: the
/// caller may keep the program and hand it back next run). A set with team policies runs on the
/// interpreter: the VM makes a rule whose body raises an error undefined instead of failing, and a
/// team's rule must not stop denying without a word. So does a set the VM compiler does not
/// support (`with` outside tests, `data` read as a whole).
pub struct Evaluator {
    worker: Worker<Backend>,
    /// The policies declare `FACTS_ENTRY` (the report's per-commit facts).
    facts: bool,
    policies: Arc<Vec<Policy>>,
    timeout_ms: u64,
    budget: Duration,
    /// Spent loading and preparing, not yet charged to an evaluation.
    carried: Duration,
    /// What this load compiled, for the caller to keep (`None` when it was handed in).
    compiled: Option<Compiled>,
}

/// The package whose `commit` rule gives `git charter report` its per-commit facts
/// (policies/report/kpi.rego): what the charter at the time required of a commit, and whether the
/// commit met it. Not a deny or warn: no verdict depends on it.
pub const FACTS_PACKAGE: &str = "gitcharter.report.kpi";
const FACTS_ENTRY: &str = "data.gitcharter.report.kpi.commit";

/// What a set of policies compiled to, as [`Evaluator::compiled`] gives it and [`Evaluator::load`]
/// takes it back. Valid only for the exact sources (and regorus build) it was made from: the
/// caller keys it by both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compiled {
    /// A serialised RVM program holding every declared `deny` and `warn` as an entry point.
    Program(Arc<[u8]>),
    /// The policies do not compile to the RVM; they run on the interpreter.
    Interpreted,
}

/// Where the policies run. `Vm` keeps an interpreter beside the VM when cross-checking
/// (`GIT_CHARTER_REGO_CROSSCHECK=1`): every evaluation then runs on both and must agree.
enum Backend {
    Interp(Engine),
    Vm(Box<RegoVM>, Option<Engine>),
}

/// Set to `1` to evaluate every policy on both the VM and the interpreter and stop (exit 3) where
/// they disagree. A diagnostic for the VM's semantics; the test suite runs with it.
pub const CROSSCHECK_ENV: &str = "GIT_CHARTER_REGO_CROSSCHECK";

/// What a cross-checked evaluation's error says where the VM and the interpreter disagree.
pub const DISAGREE: &str = "the Rego VM and the interpreter disagree";

fn crosschecking() -> bool {
    std::env::var_os(CROSSCHECK_ENV).is_some_and(|v| v == "1")
}

/// The name of a policy's rule as an entry point of the compiled program.
fn entry_point(package: &str, level: Level) -> String {
    format!("data.{package}.{}", level.as_str())
}

/// Compiles the parsed policies to an RVM program, or `None` where the compiler does not support
/// them.
fn compile_program(engine: &mut Engine, policies: &[Policy], facts: bool) -> Option<Program> {
    let entries: Vec<String> = policies
        .iter()
        .flat_map(|p| p.declares.iter().map(|&l| entry_point(&p.package, l)))
        .chain(facts.then(|| FACTS_ENTRY.to_string()))
        .collect();
    let first: regorus::Rc<str> = entries.first()?.as_str().into();
    let compiled = engine.compile_with_entrypoint(&first).ok()?;
    let refs: Vec<&str> = entries.iter().map(String::as_str).collect();
    let program = Compiler::compile_from_policy(&compiled, &refs).ok()?;
    // Every entry point must be there under the name it is asked for by.
    refs.iter()
        .all(|e| program.get_entry_point(e).is_some())
        .then(|| Arc::unwrap_or_clone(program))
}

/// A VM over `program`, with the charter as data and no instruction limit of its own (the
/// sandbox's budget applies).
fn vm_for(program: Program, data: &str) -> Result<RegoVM, PolicyError> {
    let data = regorus::Value::from_json_str(data)
        .map_err(|e| PolicyError::Eval(format!("charter as data: {e}")))?;
    let mut vm = RegoVM::new();
    vm.load_program(Arc::new(program));
    vm.set_max_instructions(usize::MAX);
    // Not `set_strict_builtin_errors`: the VM swallows an error inside a rule body either way (see
    // `Evaluator::load`), and its strict mode also changes how it treats a `null` condition and a
    // comparison across types. The default mode is the one the test suite cross-checks against the
    // interpreter.
    vm.set_data(data)
        .map_err(|e| PolicyError::Eval(format!("charter as data: {e}")))?;
    Ok(vm)
}

/// The policies' headers, for a program compiled from them before: what `add_sources` found then,
/// with the rules the program declares.
fn policies_of(sources: &[Source], program: &Program) -> Result<Vec<Policy>, PolicyError> {
    let mut policies = Vec::new();
    for s in sources {
        policies.extend(policy_of(s, |package, level| {
            program
                .get_entry_point(&entry_point(package, level))
                .is_some()
        })?);
    }
    Ok(policies)
}

/// The policy `s` holds, from its header (`None` without a `package` line), declaring the levels
/// `declares(package, level)` says it does.
fn policy_of(
    s: &Source,
    mut declares: impl FnMut(&str, Level) -> bool,
) -> Result<Option<Policy>, PolicyError> {
    let header =
        parse_header_with(&s.text, builtin_metadata(s)).map_err(|e| PolicyError::Load {
            origin: format!("{}:{}", s.origin, e.line),
            message: e.message.clone(),
        })?;
    Ok(header.map(|h| Policy {
        declares: [Level::Deny, Level::Warn]
            .into_iter()
            .filter(|&l| declares(&h.package, l))
            .collect(),
        package: h.package,
        origin: s.origin.clone(),
        metadata: h.metadata.unwrap_or_default(),
        builtin: s.builtin,
    }))
}

/// Charter settings that change how results are treated.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub disable: Vec<String>,
    pub warn_only: Vec<String>,
}

impl Evaluator {
    /// `sources` are built-ins plus the repository's policies; test files among them are ignored.
    pub fn new(
        sources: &[Source],
        charter_json: &str,
        timeout_ms: u64,
    ) -> Result<Evaluator, PolicyError> {
        Evaluator::load(sources, charter_json, timeout_ms, None)
    }

    /// `new`, given what the same sources compiled to before (a program that does not load is
    /// compiled again).
    pub fn load(
        sources: &[Source],
        charter_json: &str,
        timeout_ms: u64,
        known: Option<Compiled>,
    ) -> Result<Evaluator, PolicyError> {
        Evaluator::load_with(sources, charter_json, timeout_ms, known, crosschecking())
    }

    /// `new` with every evaluation run on both the VM and the interpreter, an error where they
    /// disagree (as `GIT_CHARTER_REGO_CROSSCHECK=1` asks; for differential tests).
    pub fn crosschecked(
        sources: &[Source],
        charter_json: &str,
        timeout_ms: u64,
    ) -> Result<Evaluator, PolicyError> {
        Evaluator::load_with(sources, charter_json, timeout_ms, None, true)
    }

    fn load_with(
        sources: &[Source],
        charter_json: &str,
        timeout_ms: u64,
        known: Option<Compiled>,
        check: bool,
    ) -> Result<Evaluator, PolicyError> {
        let budget = Duration::from_millis(timeout_ms.max(1));
        let runtime: Vec<Source> = sources.iter().filter(|s| !s.is_test()).cloned().collect();
        let origins: Vec<String> = runtime.iter().map(|s| s.origin.clone()).collect();
        let data = format!("{{\"charter\": {charter_json}}}");
        // Team policies stay on the interpreter: regorus 0.14.1's VM turns an error inside a rule
        // body (a builtin given the wrong type) into "this definition does not apply" even with
        // strict builtin errors, so a broken team rule would silently stop denying. The built-in
        // policies are cross-checked against the interpreter by the whole test suite.
        let vm_allowed = runtime.iter().all(|s| s.builtin);
        let mut worker = Worker::spawn(|| Backend::Interp(new_engine()));
        let loaded = worker.run(Some(budget), move |backend, progress| {
            if let Some(Compiled::Program(bytes)) = &known
                && vm_allowed
                && !check
                && let Ok(DeserializationResult::Complete(program)) =
                    Program::deserialize_binary(bytes)
            {
                progress.at(usize::MAX);
                let policies = policies_of(&runtime, &program)?;
                let facts = program.get_entry_point(FACTS_ENTRY).is_some();
                *backend = Backend::Vm(Box::new(vm_for(program, &data)?), None);
                return Ok((policies, facts, None));
            }
            let Backend::Interp(engine) = backend else {
                unreachable!("a worker starts on the interpreter");
            };
            let refs: Vec<&Source> = runtime.iter().collect();
            let policies = add_sources(engine, &refs, progress)?;
            let facts = policies.iter().any(|p| {
                p.package == FACTS_PACKAGE
                    && engine
                        .has_declared_rule_rooted_at(&p.origin, "commit")
                        .unwrap_or(false)
            });
            progress.at(usize::MAX);
            engine
                .add_data_json(&data)
                .map_err(|e| PolicyError::Eval(format!("charter as data: {e}")))?;
            if known == Some(Compiled::Interpreted) {
                return Ok((policies, facts, None));
            }
            if !vm_allowed {
                return Ok((policies, facts, Some(Compiled::Interpreted)));
            }
            let Some(program) = compile_program(engine, &policies, facts) else {
                return Ok((policies, facts, Some(Compiled::Interpreted)));
            };
            let bytes = program.serialize_binary().ok().map(Arc::<[u8]>::from);
            let vm = vm_for(program, &data)?;
            let interp = std::mem::replace(engine, new_engine());
            *backend = Backend::Vm(Box::new(vm), check.then_some(interp));
            Ok((policies, facts, bytes.map(Compiled::Program)))
        });
        let ((policies, facts, compiled), spent) = match loaded {
            Ok((r, spent)) => (r?, spent),
            Err(b) => {
                let origin = origins
                    .get(worker.current())
                    .cloned()
                    .unwrap_or_else(|| "the charter as policy data".into());
                return Err(breach_error(b, timeout_ms, origin, "parsing it"));
            }
        };
        Ok(Evaluator {
            worker,
            facts,
            policies: Arc::new(policies),
            timeout_ms,
            budget,
            carried: spent,
            compiled,
        })
    }

    /// What this load compiled the policies to, for the caller to keep and hand back to `load`
    /// next time: `None` when it was handed in.
    pub fn compiled(&self) -> Option<&Compiled> {
        self.compiled.as_ref()
    }

    /// Whether the policies run on the RVM (else on the interpreter).
    pub fn on_vm(&mut self) -> bool {
        self.worker
            .run(None, |backend, _| matches!(backend, Backend::Vm(..)))
            .is_ok_and(|(vm, _)| vm)
    }

    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// The origin of policy `i`, for errors (`usize::MAX`: the input document was being read).
    fn origin(&self, i: usize) -> String {
        self.policies
            .get(i)
            .map_or_else(|| "the input document".into(), |p| p.origin.clone())
    }

    /// Prepares every module for evaluation now (the first evaluation otherwise pays for it), so
    /// that a caller with a spare core can take it off the critical path. Charged to the budget.
    pub fn prepare(&mut self) -> Result<(), PolicyError> {
        let left = self.budget.saturating_sub(self.carried);
        let r = self.worker.run(Some(left), |backend, progress| {
            progress.at(usize::MAX);
            let (Backend::Interp(engine) | Backend::Vm(_, Some(engine))) = backend else {
                return Ok(());
            };
            engine
                .eval_query("true".to_string(), false)
                .map(|_| ())
                .map_err(|e| PolicyError::Eval(format!("preparing policies: {e}")))
        });
        match r {
            Ok((r, spent)) => {
                self.carried += spent;
                r
            }
            Err(b) => Err(breach_error(
                b,
                self.timeout_ms,
                "the policies".into(),
                "preparing them",
            )),
        }
    }

    /// Evaluates every policy that applies to `stage` against `input_json`.
    pub fn evaluate(
        &mut self,
        input_json: &str,
        stage: Stage,
        overrides: &Overrides,
    ) -> Result<Vec<Violation>, PolicyError> {
        Ok(self.evaluate_with(input_json, stage, overrides, false)?.0)
    }

    /// `evaluate`, and the report's facts about the commit (`FACTS_PACKAGE`'s `commit` rule) from
    /// the same input: `None` when no policy declares it or it is undefined for this input.
    pub fn evaluate_with_facts(
        &mut self,
        input_json: &str,
        stage: Stage,
        overrides: &Overrides,
    ) -> Result<(Vec<Violation>, Option<serde_json::Value>), PolicyError> {
        self.evaluate_with(input_json, stage, overrides, self.facts)
    }

    fn evaluate_with(
        &mut self,
        input_json: &str,
        stage: Stage,
        overrides: &Overrides,
        facts: bool,
    ) -> Result<(Vec<Violation>, Option<serde_json::Value>), PolicyError> {
        let left = self
            .budget
            .saturating_sub(std::mem::take(&mut self.carried));
        let mut rules = Vec::new();
        for (i, p) in self.policies.iter().enumerate() {
            if !p.applies_to(stage) || overrides.disable.iter().any(|d| d == p.id()) {
                continue;
            }
            for &declared in &p.declares {
                let level =
                    if declared == Level::Deny && overrides.warn_only.iter().any(|w| w == p.id()) {
                        Level::Warn
                    } else {
                        declared
                    };
                rules.push((i, declared, level));
            }
        }
        let policies = Arc::clone(&self.policies);
        let input = input_json.to_string();
        let r = self.worker.run(Some(left), move |backend, progress| {
            progress.at(usize::MAX);
            let value = regorus::Value::from_json_str(&input)
                .map_err(|e| PolicyError::Eval(format!("input document: {e}")))?;
            drop(input);
            match backend {
                Backend::Interp(engine) => engine.set_input(value),
                Backend::Vm(vm, check) => {
                    if let Some(engine) = check.as_mut() {
                        engine.set_input(value.clone());
                    }
                    vm.set_input(value);
                }
            }
            let mut out = Vec::new();
            for (i, declared, level) in rules {
                let p = &policies[i];
                progress.at(i);
                let v = match backend {
                    Backend::Interp(engine) => interpret(engine, p, declared)?,
                    Backend::Vm(vm, check) => execute(vm, check.as_mut(), p, declared)?,
                };
                if v != regorus::Value::Undefined {
                    push_results(p, level, &v, &mut out)?;
                }
            }
            let mut found = None;
            if facts {
                let failed =
                    |e: &dyn std::fmt::Display| PolicyError::Eval(format!("{FACTS_ENTRY}: {e}"));
                let v = match backend {
                    Backend::Interp(engine) => engine
                        .eval_rule(FACTS_ENTRY.to_string())
                        .map_err(|e| failed(&e))?,
                    Backend::Vm(vm, check) => {
                        let v = vm
                            .execute_entry_point_by_name(FACTS_ENTRY)
                            .map_err(|e| failed(&e))?;
                        if let Some(engine) = check.as_mut() {
                            let expected = engine
                                .eval_rule(FACTS_ENTRY.to_string())
                                .map_err(|e| failed(&e))?;
                            if expected != v {
                                return Err(PolicyError::Eval(format!(
                                    "{DISAGREE} on {FACTS_ENTRY}: VM {}, interpreter {}",
                                    v.to_json_str().unwrap_or_default(),
                                    expected.to_json_str().unwrap_or_default()
                                )));
                            }
                        }
                        v
                    }
                };
                if v != regorus::Value::Undefined {
                    let json = v
                        .to_json_str()
                        .map_err(|e| PolicyError::Eval(format!("{FACTS_ENTRY}: {e}")))?;
                    found = serde_json::from_str(&json).ok();
                }
            }
            Ok((out, found))
        });
        let (mut out, found) = match r {
            Ok((r, _)) => r?,
            Err(b) => {
                let origin = self.origin(self.worker.current());
                return Err(breach_error(b, self.timeout_ms, origin, "evaluating it"));
            }
        };
        out.sort_by(|a, b| {
            (
                &a.path,
                a.line,
                std::cmp::Reverse(a.level),
                &a.policy_id,
                &a.message,
            )
                .cmp(&(
                    &b.path,
                    b.line,
                    std::cmp::Reverse(b.level),
                    &b.policy_id,
                    &b.message,
                ))
        });
        out.dedup();
        Ok((out, found))
    }
}

/// One declared rule on the interpreter. `eval_rule` is several times cheaper than `eval_query`; it
/// is only asked for rules the file declares, since it errors on undeclared ones.
fn interpret(
    engine: &mut Engine,
    p: &Policy,
    declared: Level,
) -> Result<regorus::Value, PolicyError> {
    engine
        .eval_rule(entry_point(&p.package, declared))
        .map_err(|e| eval_error(p, e))
}

/// One declared rule on the VM; with `check`, on the interpreter too, and an error where the two
/// disagree.
fn execute(
    vm: &mut RegoVM,
    check: Option<&mut Engine>,
    p: &Policy,
    declared: Level,
) -> Result<regorus::Value, PolicyError> {
    let rule = entry_point(&p.package, declared);
    let v = vm
        .execute_entry_point_by_name(&rule)
        .map_err(|e| eval_error(p, e))?;
    if let Some(engine) = check {
        let expected = interpret(engine, p, declared)?;
        if expected != v {
            return Err(PolicyError::Eval(format!(
                "{}: {DISAGREE} on {rule}: VM {}, interpreter {}",
                p.origin,
                v.to_json_str().unwrap_or_default(),
                expected.to_json_str().unwrap_or_default()
            )));
        }
    }
    Ok(v)
}

fn eval_error(p: &Policy, e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Eval(format!("{} (package {}): {e}", p.origin, p.package))
}

fn push_results(
    p: &Policy,
    level: Level,
    value: &regorus::Value,
    out: &mut Vec<Violation>,
) -> Result<(), PolicyError> {
    let json = value
        .to_json_str()
        .map_err(|e| PolicyError::Eval(format!("{}: result: {e}", p.origin)))?;
    let parsed: serde_json::Value = serde_json::from_str(&json)
        .map_err(|e| PolicyError::Eval(format!("{}: result: {e}", p.origin)))?;
    // A set (an array in JSON) holds one result per element; `deny if {…}` is a boolean rule whose
    // `true` is one result. `false`, null and an empty object or array are no result: a policy
    // written `deny := false` or `deny := {}` denies nothing.
    let nothing = |v: &serde_json::Value| match v {
        serde_json::Value::Null | serde_json::Value::Bool(false) => true,
        serde_json::Value::Object(o) => o.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        _ => false,
    };
    let items: Vec<serde_json::Value> = match parsed {
        serde_json::Value::Array(a) => a.into_iter().filter(|x| !nothing(x)).collect(),
        other if nothing(&other) => return Ok(()),
        other => vec![other],
    };
    for item in items {
        let mut v = Violation {
            policy_id: p.id().to_string(),
            package: p.package.clone(),
            title: p.title().to_string(),
            level,
            severity: p.severity(),
            path: None,
            line: None,
            message: String::new(),
            remediation: p.metadata.custom.remediation.clone(),
            commit: None,
            at_head: None,
            fingerprint: None,
        };
        match item {
            serde_json::Value::Bool(true) => v.message = v.title.clone(),
            serde_json::Value::String(s) => v.message = s,
            serde_json::Value::Object(o) => {
                v.message = match o.get("message").or_else(|| o.get("msg")) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                    None => v.title.clone(),
                };
                v.path = o.get("path").and_then(|x| x.as_str()).map(str::to_string);
                v.line = o.get("line").and_then(|x| x.as_u64()).filter(|&l| l > 0);
                v.fingerprint = o
                    .get("fingerprint")
                    .and_then(|x| x.as_str())
                    .map(str::to_string);
                if let Some(r) = o.get("remediation").and_then(|x| x.as_str()) {
                    v.remediation = Some(r.to_string());
                }
            }
            other => v.message = other.to_string(),
        }
        out.push(v);
    }
    Ok(())
}

/// One `test_*` rule's outcome.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TestOutcome {
    pub package: String,
    pub name: String,
    pub origin: String,
    pub line: usize,
    pub passed: bool,
    /// Why it failed: `false`, undefined, or an evaluation error.
    pub detail: Option<String>,
    pub duration_us: u64,
}

/// Runs every `test_*` rule of the test files among `sources`, as `opa test` does.
/// The default (or given) charter is loaded as `data.charter` so tests may rely on it.
/// Runs on a sandboxed worker under `budget_ms` of its CPU time for the whole run (`--timeout-ms`),
/// so that a test or policy that recurses too deeply, grows without bound or never ends fails
/// the run, naming the test file, instead of aborting or hanging it.
/// Runs every `test_*` rule of the test files among `sources` (see [`run_tests_with`]).
pub fn run_tests(
    sources: &[Source],
    charter_json: &str,
    budget_ms: u64,
) -> Result<Vec<TestOutcome>, PolicyError> {
    Ok(run_tests_with(sources, charter_json, budget_ms, &TestOptions::default())?.outcomes)
}

/// What `policy test` selects and measures.
#[derive(Debug, Clone, Default)]
pub struct TestOptions {
    /// Only the tests whose `package.name` this matches (`--run`).
    pub run: Option<regex::Regex>,
    /// Record which lines of each policy file the tests evaluated (`--coverage`).
    pub coverage: bool,
    /// Run only the tests of team (non-built-in) files; the built-ins are still loaded, so the
    /// team's policies can use their libraries.
    pub only_team: bool,
}

/// The outcome of a `policy test` run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TestRun {
    pub outcomes: Vec<TestOutcome>,
    /// With `TestOptions::coverage`: every policy file (not test files), in load order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Vec<FileCoverage>>,
}

/// Which lines of one policy file the tests evaluated, as regorus's coverage counts them: the
/// lines of rule heads and body expressions. A file no test evaluated at all counts every line
/// that holds code (not blank, a comment, `package`, `import` or a lone closing bracket).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FileCoverage {
    pub origin: String,
    pub covered: Vec<u32>,
    pub not_covered: Vec<u32>,
}

impl FileCoverage {
    /// Covered lines as a percentage of the lines that count (100 when none do).
    pub fn percent(&self) -> f64 {
        percent(self.covered.len(), self.not_covered.len())
    }
}

/// `covered` out of `covered + not_covered`, as a percentage (100 when both are 0).
pub fn percent(covered: usize, not_covered: usize) -> f64 {
    let total = covered + not_covered;
    if total == 0 {
        100.0
    } else {
        covered as f64 * 100.0 / total as f64
    }
}

impl TestRun {
    /// The whole run's coverage: covered lines over all counted lines of every policy file.
    pub fn total_coverage(&self) -> Option<f64> {
        let files = self.coverage.as_ref()?;
        let covered = files.iter().map(|f| f.covered.len()).sum();
        let not_covered = files.iter().map(|f| f.not_covered.len()).sum();
        Some(percent(covered, not_covered))
    }
}

/// Runs the `test_*` rules of the test files among `sources` that `options.run` selects, on the
/// interpreter (the engine regorus measures coverage on), within `budget_ms` of CPU time.
pub fn run_tests_with(
    sources: &[Source],
    charter_json: &str,
    budget_ms: u64,
    options: &TestOptions,
) -> Result<TestRun, PolicyError> {
    let (owned, charter, options) = (sources.to_vec(), charter_json.to_string(), options.clone());
    sandboxed(sources, budget_ms, move |progress| {
        run_tests_here(&owned, &charter, &options, progress)
    })
}

fn sandboxed<R: Send + 'static>(
    sources: &[Source],
    budget_ms: u64,
    job: impl FnOnce(&Progress) -> Result<R, PolicyError> + Send + 'static,
) -> Result<R, PolicyError> {
    let mut worker = Worker::spawn(|| ());
    let limit = Duration::from_millis(budget_ms.max(1));
    match worker.run(Some(limit), move |_, progress| job(progress)) {
        Ok((r, _)) => r,
        Err(b) => {
            let origin = sources
                .get(worker.current())
                .map_or_else(|| "the policies".into(), |s| s.origin.clone());
            Err(breach_error_in(
                b,
                budget_ms,
                COMMAND_BUDGET,
                origin,
                "running it",
            ))
        }
    }
}

fn run_tests_here(
    sources: &[Source],
    charter_json: &str,
    options: &TestOptions,
    progress: &Progress,
) -> Result<TestRun, PolicyError> {
    let engine_for = |files: &[&Source]| -> Result<Engine, PolicyError> {
        let mut engine = new_engine();
        add_sources(&mut engine, files, progress)?;
        engine
            .add_data_json(&format!("{{\"charter\": {charter_json}}}"))
            .map_err(|e| PolicyError::Eval(format!("charter as data: {e}")))?;
        engine.set_enable_coverage(options.coverage);
        Ok(engine)
    };
    let all: Vec<&Source> = sources.iter().collect();
    let mut shared = engine_for(&all)?;
    let mut covered = Covered::default();
    let mut outcomes = Vec::new();
    for (i, s) in sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_test() && !(options.only_team && s.builtin))
    {
        let Some(header) = parse_header(&s.text).map_err(|e| PolicyError::Load {
            origin: format!("{}:{}", s.origin, e.line),
            message: e.message,
        })?
        else {
            continue;
        };
        progress.at(i);
        let mut results = run_file_tests(&mut shared, s, &header.package, options.run.as_ref());
        if results.iter().any(|o| {
            !o.passed
                && o.detail
                    .as_deref()
                    .is_some_and(|d| d != "false" && d != "undefined")
        }) {
            let isolated: Vec<&Source> = sources
                .iter()
                .filter(|x| !x.is_test() || x.origin == s.origin)
                .collect();
            if let Ok(mut engine) = engine_for(&isolated) {
                progress.at(i);
                results = run_file_tests(&mut engine, s, &header.package, options.run.as_ref());
                covered.add(&engine);
            }
        }
        outcomes.extend(results);
    }
    covered.add(&shared);
    Ok(TestRun {
        outcomes,
        coverage: options.coverage.then(|| covered.files(sources)),
    })
}

/// Lines the tests evaluated, gathered from every engine that ran some (by origin).
#[derive(Default)]
struct Covered(std::collections::HashMap<String, (BTreeSet<u32>, BTreeSet<u32>)>);

impl Covered {
    fn add(&mut self, engine: &Engine) {
        let Ok(report) = engine.get_coverage_report() else {
            return;
        };
        for f in report.files {
            let (covered, not_covered) = self.0.entry(f.path).or_default();
            covered.extend(f.covered);
            not_covered.extend(f.not_covered);
        }
    }

    /// Every policy file of `sources`, in order, with what was covered in it.
    fn files(mut self, sources: &[Source]) -> Vec<FileCoverage> {
        sources
            .iter()
            .filter(|s| !s.is_test())
            .map(|s| {
                let (covered, not_covered) = match self.0.remove(&s.origin) {
                    // A line one engine covered is covered, whatever another did not.
                    Some((c, n)) => {
                        let n = n.difference(&c).copied().collect();
                        (c.into_iter().collect(), n)
                    }
                    None => (Vec::new(), code_lines(&s.text)),
                };
                FileCoverage {
                    origin: s.origin.clone(),
                    covered,
                    not_covered,
                }
            })
            .collect()
    }
}

/// The lines of a policy that hold code, for a file no test evaluated.
fn code_lines(text: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim();
            !(t.is_empty()
                || t.starts_with('#')
                || t.starts_with("package ")
                || t.starts_with("import ")
                || t.chars().all(|c| matches!(c, '}' | ']' | ')')))
        })
        .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX))
        .collect()
}

fn run_file_tests(
    engine: &mut Engine,
    s: &Source,
    package: &str,
    run: Option<&regex::Regex>,
) -> Vec<TestOutcome> {
    let mut outcomes = Vec::new();
    for (name, line) in test_rule_names(&s.text) {
        if run.is_some_and(|r| !r.is_match(&format!("{package}.{name}"))) {
            continue;
        }
        let started = std::time::Instant::now();
        let query = format!("data.{package}.{name}");
        let (passed, detail) = match engine.eval_query(query, false) {
            Ok(r) => {
                let v = r
                    .result
                    .first()
                    .and_then(|r| r.expressions.first())
                    .map(|e| e.value.clone());
                match v {
                    Some(regorus::Value::Bool(true)) => (true, None),
                    Some(regorus::Value::Bool(false)) => (false, Some("false".to_string())),
                    None | Some(regorus::Value::Undefined) => {
                        (false, Some("undefined".to_string()))
                    }
                    // As in OPA: a test passes when it is defined and not false.
                    Some(_) => (true, None),
                }
            }
            Err(e) => (false, Some(e.to_string())),
        };
        outcomes.push(TestOutcome {
            package: package.to_string(),
            name,
            origin: s.origin.clone(),
            line,
            passed,
            detail,
            duration_us: started.elapsed().as_micros() as u64,
        });
    }
    outcomes
}

/// One problem found by `policy check`.
/// `explain ID --why`: the policy's evaluation on one stage's input document, the values of the
/// `input` and `data.charter` paths it names, and what the charter does to its results.
#[derive(Debug, Clone)]
pub struct Why {
    pub stage: crate::model::Stage,
    pub explanation: Explanation,
    /// Each `input.…` path with its value (`None`: absent from this document).
    pub inputs: Vec<(String, Option<serde_json::Value>)>,
    /// Each `data.charter.…` path with its value in the effective charter.
    pub settings: Vec<(String, Option<serde_json::Value>)>,
    /// Why the hooks would not report its results as they are: switched off, warn-only, or not
    /// run at this stage.
    pub switched: Option<String>,
}

/// Why one policy said what it said about one input document (`explain ID --why`).
#[derive(Debug, Clone)]
pub struct Explanation {
    pub policy: Policy,
    /// What the policy's `deny` and `warn` produced, as the hooks would report it (before the
    /// charter's `policies.disable` and `warn_only`, and before waivers).
    pub results: Vec<Violation>,
    /// The lines the evaluation reached, per file (the policy's own first, then the libraries it
    /// called), with their text: regorus's coverage of this one evaluation.
    pub evaluated: Vec<EvaluatedFile>,
    /// `input.…` paths the policy's text names, in order of first use.
    pub input_paths: Vec<String>,
    /// `data.charter.…` paths the policy's text names, in order of first use.
    pub charter_paths: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct EvaluatedFile {
    pub origin: String,
    pub lines: Vec<(u32, String)>,
}

/// Evaluates the policy with `id` (case-insensitive) alone on `input_json` on the interpreter,
/// recording which lines it reached; `None` when no policy in `sources` has that id.
pub fn explain(
    sources: &[Source],
    charter_json: &str,
    input_json: &str,
    id: &str,
    budget_ms: u64,
) -> Result<Option<Explanation>, PolicyError> {
    let runtime: Vec<Source> = sources.iter().filter(|s| !s.is_test()).cloned().collect();
    let (charter, input, id) = (
        charter_json.to_string(),
        input_json.to_string(),
        id.to_string(),
    );
    let texts: Vec<(String, String)> = runtime
        .iter()
        .map(|s| (s.origin.clone(), s.text.clone()))
        .collect();
    let found = sandboxed(&runtime.clone(), budget_ms, move |progress| {
        let mut engine = new_engine();
        let refs: Vec<&Source> = runtime.iter().collect();
        let policies = add_sources(&mut engine, &refs, progress)?;
        let Some(policy) = policies
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(&id))
        else {
            return Ok(None);
        };
        engine
            .add_data_json(&format!("{{\"charter\": {charter}}}"))
            .map_err(|e| PolicyError::Eval(format!("charter as data: {e}")))?;
        engine
            .set_input_json(&input)
            .map_err(|e| PolicyError::Eval(format!("input document: {e}")))?;
        engine.set_enable_coverage(true);
        progress.at(usize::MAX);
        let mut results = Vec::new();
        for &level in &policy.declares {
            let v = interpret(&mut engine, &policy, level)?;
            if v != regorus::Value::Undefined {
                push_results(&policy, level, &v, &mut results)?;
            }
        }
        let mut covered: Vec<(String, BTreeSet<u32>)> = engine
            .get_coverage_report()
            .map(|r| {
                r.files
                    .into_iter()
                    .filter(|f| !f.covered.is_empty())
                    .map(|f| (f.path, f.covered))
                    .collect()
            })
            .unwrap_or_default();
        // The policy's own file first.
        covered.sort_by_key(|(origin, _)| *origin != policy.origin);
        Ok(Some((policy, results, covered)))
    })?;
    let Some((policy, results, covered)) = found else {
        return Ok(None);
    };
    let text_of = |origin: &str| {
        texts
            .iter()
            .find(|(o, _)| o == origin)
            .map_or("", |(_, t)| t.as_str())
    };
    let evaluated = covered
        .into_iter()
        .map(|(origin, lines)| {
            let text: Vec<&str> = text_of(&origin).lines().collect();
            EvaluatedFile {
                lines: lines
                    .into_iter()
                    .map(|l| {
                        let t = text.get(l as usize - 1).copied().unwrap_or("");
                        (l, t.to_string())
                    })
                    .collect(),
                origin,
            }
        })
        .collect();
    let own = text_of(&policy.origin);
    Ok(Some(Explanation {
        input_paths: references(own, "input"),
        charter_paths: references(own, "data.charter"),
        policy,
        results,
        evaluated,
    }))
}

/// The dotted paths under `root` (`input`, `data.charter`) that `text` names outside comments,
/// each once, in order of first use: `input.commit.trailers`, `data.charter.secrets.inline_ignore`.
/// A path read through a variable (`some f in input.files` then `f.path`) is named up to where
/// the variable starts.
pub fn references(text: &str, root: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let code = line.split('#').next().unwrap_or("");
        let b = code.as_bytes();
        let mut from = 0;
        while let Some(i) = code[from..].find(root).map(|i| i + from) {
            from = i + root.len();
            let before = i.checked_sub(1).map(|j| b[j]);
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
                continue;
            }
            let mut end = from;
            while end < b.len()
                && b[end] == b'.'
                && b.get(end + 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
            {
                end += 1;
                while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
                    end += 1;
                }
            }
            if end > from {
                let path = code[i..end].to_string();
                if !out.contains(&path) {
                    out.push(path);
                }
            }
            from = end.max(from);
        }
    }
    out
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckProblem {
    pub origin: String,
    pub message: String,
}

/// Checks policies: they parse, METADATA is complete, ids are unique and well-formed, and every
/// policy file has a sibling `_test.rego` with at least one test.
/// Loading runs under `budget_ms` of the worker's CPU time.
pub fn check(
    sources: &[Source],
    budget_ms: u64,
) -> Result<(Vec<Policy>, Vec<CheckProblem>), PolicyError> {
    let owned = sources.to_vec();
    let policies = sandboxed(sources, budget_ms, move |progress| {
        let mut engine = new_engine();
        let all: Vec<&Source> = owned.iter().collect();
        add_sources(&mut engine, &all, progress)
    })?;
    let mut problems = Vec::new();
    let id_re = regex::Regex::new(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{3}$").expect("valid");
    let clashes = duplicate_ids(&policies);
    for p in &policies {
        let mut problem = |m: String| {
            problems.push(CheckProblem {
                origin: p.origin.clone(),
                message: m,
            })
        };
        let md = &p.metadata;
        // A library package (helpers imported by policies, no deny or warn) needs tests, not METADATA.
        let library = p.declares.is_empty();
        if !library && md.title.as_deref().is_none_or(str::is_empty) {
            problem("METADATA has no title".into());
        }
        if !library && md.description.as_deref().is_none_or(str::is_empty) {
            problem("METADATA has no description".into());
        }
        match md.custom.id.as_deref() {
            None if library => {}
            None => problem("METADATA has no custom.id".into()),
            Some(id) if !id_re.is_match(id) => problem(format!(
                "custom.id `{id}` is not of the form AREA-NAME-NNN (e.g. CH-SECRET-001)"
            )),
            Some(id) => {
                if let Some((_, other)) = clashes.iter().find(|(q, _)| std::ptr::eq(*q, p)) {
                    problem(format!("custom.id `{id}` is also used by {}", other.origin));
                }
            }
        }
        if !library && md.custom.severity.is_none() {
            problem("METADATA has no custom.severity".into());
        }
        if !library && md.custom.remediation.as_deref().is_none_or(str::is_empty) {
            problem("METADATA has no custom.remediation".into());
        }
        let test_origin = p.origin.trim_end_matches(".rego").to_string() + "_test.rego";
        match sources.iter().find(|s| s.origin == test_origin) {
            None => problem(format!("no tests: {test_origin} is missing")),
            Some(t) if test_rule_names(&t.text).is_empty() => {
                problem(format!("{test_origin} defines no test_* rule"))
            }
            Some(_) => {}
        }
    }
    Ok((policies, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_each_dotted_path_once_outside_comments() {
        let text = "# input.ignored\nx := input.commit.trailers if data.charter.secrets.inline_ignore\ny := object.get(input, \"files\", []) # data.charter.no\nz := input.commit.trailers[0]\nw := myinput.x\n";
        assert_eq!(references(text, "input"), ["input.commit.trailers"]);
        assert_eq!(
            references(text, "data.charter"),
            ["data.charter.secrets.inline_ignore"]
        );
    }

    #[test]
    fn every_builtin_header_reads_the_same_from_its_build_time_json() {
        let mut with_block = 0;
        for s in builtin_sources() {
            let json = builtin_metadata(&s).expect("every built-in has an entry");
            let slow = parse_header(&s.text).unwrap();
            let fast = parse_header_with(&s.text, Some(json)).unwrap();
            assert_eq!(format!("{slow:?}"), format!("{fast:?}"), "{}", s.origin);
            if slow.as_ref().is_some_and(|h| h.metadata.is_some()) {
                with_block += 1;
                assert!(!json.is_empty(), "{}: no JSON for its METADATA", s.origin);
                assert!(
                    serde_json::from_str::<Metadata>(json).is_ok(),
                    "{}: the JSON does not read",
                    s.origin
                );
            }
        }
        assert!(with_block >= 20, "{with_block}");
        let edited = Source {
            text: builtin_sources()[0]
                .text
                .replace("# METADATA", "# METADATA\n# title: x"),
            ..builtin_sources()[0].clone()
        };
        assert_eq!(
            builtin_metadata(&edited),
            None,
            "edited text is parsed, not looked up"
        );
    }

    fn team(rel: &str, text: &str) -> TeamFile {
        TeamFile {
            rel: rel.to_string(),
            source: Source {
                origin: format!("/repo/.charter/policies/{rel}"),
                text: text.to_string(),
                builtin: false,
            },
        }
    }

    /// The origin of the first built-in policy that is not a test, and its path under `policies/`.
    fn first_builtin_policy(builtins: &[Source]) -> (String, String) {
        let origin = builtins
            .iter()
            .find(|s| !s.is_test())
            .unwrap()
            .origin
            .clone();
        let rel = origin.trim_start_matches("policies/").to_string();
        (origin, rel)
    }

    #[test]
    fn a_team_file_at_a_builtin_path_replaces_it_and_others_are_added() {
        let builtins = builtin_sources();
        let (replaced, rel) = first_builtin_policy(&builtins);
        let layered = layer(vec![
            team(&rel, "package team.replaced\n"),
            team("extra.rego", "package team.extra\n"),
        ]);
        assert_eq!(layered.len(), builtins.len() + 1);
        assert!(!layered.iter().any(|s| s.origin == replaced));
        assert_eq!(
            layered.last().unwrap().origin,
            "/repo/.charter/policies/extra.rego"
        );
    }

    /// An organisation bundle's files replace built-ins at their paths, and the team's replace
    /// either; each layer's other files come after the layer below.
    #[test]
    fn layers_replace_by_path_lowest_first() {
        let builtins = builtin_sources();
        let (replaced, rel) = first_builtin_policy(&builtins);
        let org = |rel: &str| TeamFile {
            rel: rel.to_string(),
            source: Source {
                origin: format!("org@0123:policies/{rel}"),
                text: "package org.x\n".into(),
                builtin: false,
            },
        };
        let layered = layers(vec![
            vec![org(&rel), org("shared.rego"), org("org-only.rego")],
            vec![team("shared.rego", "package team.shared\n")],
        ]);
        let origins: Vec<&str> = layered.iter().map(|s| s.origin.as_str()).collect();
        assert!(!origins.contains(&replaced.as_str()));
        assert!(!origins.contains(&"org@0123:policies/shared.rego"));
        assert_eq!(
            &origins[origins.len() - 3..],
            [
                format!("org@0123:policies/{rel}").as_str(),
                "org@0123:policies/org-only.rego",
                "/repo/.charter/policies/shared.rego"
            ]
        );
        assert_eq!(layered.len(), builtins.len() + 2);
    }

    #[test]
    fn duplicate_ids_pair_each_clash_with_the_first_owner() {
        let meta = |id: &str| {
            format!(
                "# METADATA\n# title: t\n# custom:\n#   id: {id}\npackage team.{}\n\ndeny contains \"x\" if {{ false }}\n",
                id.to_ascii_lowercase().replace('-', "_")
            )
        };
        let mut text_b = meta("TEAM-A-001");
        text_b = text_b.replace("package team.team_a_001", "package team.other");
        let sources = vec![
            Source {
                origin: "a.rego".into(),
                text: meta("TEAM-A-001"),
                builtin: false,
            },
            Source {
                origin: "b.rego".into(),
                text: text_b,
                builtin: false,
            },
        ];
        let (policies, problems) = check(&sources, COMMAND_BUDGET_MS).unwrap();
        let clashes = duplicate_ids(&policies);
        assert_eq!(clashes.len(), 1);
        assert_eq!(
            (clashes[0].0.origin.as_str(), clashes[0].1.origin.as_str()),
            ("b.rego", "a.rego")
        );
        assert!(
            problems
                .iter()
                .any(|p| p.origin == "b.rego" && p.message.contains("also used by a.rego")),
            "{problems:?}"
        );
    }

    fn default_charter_json() -> String {
        serde_json::to_string(&crate::config::default_charter()).unwrap()
    }

    /// A commit the built-in policies have something to say about: an AI co-author without a
    /// disclosure trailer, and a staged file with a secret finding.
    const INPUT: &str = r#"{"schema_version": 1, "stage": "commit-msg",
        "repo": {"root": "/r", "branch": "main", "head": null, "merge": false},
        "commit": {"id": null, "parents": [], "author": {"name": "A", "email": "a@b.c"},
            "committer": {"name": "A", "email": "a@b.c"},
            "message": "feat: x\n\nCo-authored-by: Claude <noreply@anthropic.com>\n",
            "subject": "feat: x",
            "trailers": [{"key": "Co-authored-by", "value": "Claude <noreply@anthropic.com>"}],
            "ai_evidence": [{"signature": "claude-identity", "tool": "Claude Code",
                "strength": "strong", "where": "trailer", "key": "Co-authored-by",
                "text": "Co-authored-by: Claude <noreply@anthropic.com>"}], "findings": []},
        "files": [], "findings": [], "suppressed": [],
        "stats": {"files": 0, "scanned_files": 0, "scanned_bytes": 0, "skipped_binary": 0,
            "skipped_large": 0, "skipped_other": 0, "added_lines": 0, "removed_lines": 0}}"#;

    fn violations(e: &mut Evaluator) -> Vec<String> {
        e.evaluate(INPUT, Stage::CommitMsg, &Overrides::default())
            .unwrap()
            .into_iter()
            .map(|v| format!("{} {:?} {}", v.policy_id, v.level, v.message))
            .collect()
    }

    fn interpreted(e: &mut Evaluator) -> bool {
        !e.on_vm()
    }

    #[test]
    fn the_builtin_policies_run_on_the_vm_and_agree_with_the_interpreter() {
        let sources = builtin_sources();
        let mut vm = Evaluator::new(&sources, &default_charter_json(), 10_000).unwrap();
        assert!(
            vm.on_vm(),
            "a built-in policy no longer compiles to the RVM"
        );
        assert!(matches!(vm.compiled(), Some(Compiled::Program(_))));
        let mut interp = Evaluator::load(
            &sources,
            &default_charter_json(),
            10_000,
            Some(Compiled::Interpreted),
        )
        .unwrap();
        assert!(interpreted(&mut interp));
        let (a, b) = (violations(&mut vm), violations(&mut interp));
        assert!(!a.is_empty(), "the sample input should be denied");
        assert_eq!(a, b);
    }

    #[test]
    fn a_kept_program_loads_without_parsing_and_judges_alike() {
        let sources = builtin_sources();
        let mut fresh = Evaluator::new(&sources, &default_charter_json(), 10_000).unwrap();
        let kept = fresh.compiled().cloned().unwrap();
        let mut loaded =
            Evaluator::load(&sources, &default_charter_json(), 10_000, Some(kept)).unwrap();
        assert!(loaded.on_vm());
        assert_eq!(loaded.compiled(), None, "nothing new to keep");
        assert_eq!(
            loaded.policies().len(),
            fresh.policies().len(),
            "the same policies, read from their headers"
        );
        for (a, b) in loaded.policies().iter().zip(fresh.policies()) {
            assert_eq!((&a.package, &a.declares), (&b.package, &b.declares));
        }
        assert_eq!(violations(&mut loaded), violations(&mut fresh));
    }

    #[test]
    fn a_kept_program_that_does_not_load_is_compiled_again() {
        let sources = builtin_sources();
        let junk = Compiled::Program(Arc::from(&b"not a program"[..]));
        let mut e = Evaluator::load(&sources, &default_charter_json(), 10_000, Some(junk)).unwrap();
        assert!(e.on_vm());
        assert!(matches!(e.compiled(), Some(Compiled::Program(_))));
        assert!(!violations(&mut e).is_empty());
    }

    #[test]
    fn policies_the_vm_cannot_compile_run_on_the_interpreter() {
        // `with` in a rule (not a test) is beyond regorus 0.14's RVM compiler.
        let text = "# METADATA\n# title: team\n# custom:\n#   id: TEAM-W-001\npackage team.with\n\n\
                    flag if input.stage == \"commit-msg\"\n\n\
                    deny contains \"with\" if { flag with input.stage as \"commit-msg\" }\n";
        let mut sources = builtin_sources();
        // Flagged built-in, so that the VM is tried (team files never are) and its compiler
        // is what refuses.
        sources.push(Source {
            origin: "policies/with.rego".into(),
            text: text.into(),
            builtin: true,
        });
        let mut e = Evaluator::new(&sources, &default_charter_json(), 10_000).unwrap();
        assert!(interpreted(&mut e));
        assert_eq!(e.compiled(), Some(&Compiled::Interpreted));
        assert!(
            violations(&mut e)
                .iter()
                .any(|v| v == "TEAM-W-001 Deny with")
        );
        // Told so, the next load does not try to compile.
        let mut again = Evaluator::load(
            &sources,
            &default_charter_json(),
            10_000,
            Some(Compiled::Interpreted),
        )
        .unwrap();
        assert!(interpreted(&mut again));
        assert_eq!(again.compiled(), None);
    }

    /// A reference to a package as a whole (an import alias followed by a rule name, `lib.settings`)
    /// compiles to a lookup that evaluates every rule of the package, on every use: 13 % of a `ci`
    /// run once. The built-in policies name rules by their full path; this keeps them so.
    #[test]
    fn the_builtin_policies_compile_to_no_whole_package_lookups() {
        let sources: Vec<Source> = builtin_sources()
            .into_iter()
            .filter(|s| !s.is_test())
            .collect();
        let mut engine = new_engine();
        let refs: Vec<&Source> = sources.iter().collect();
        let policies = add_sources(&mut engine, &refs, &Progress::default()).unwrap();
        let program =
            compile_program(&mut engine, &policies, false).expect("the built-ins compile");
        assert_eq!(
            program
                .instruction_data
                .virtual_data_document_lookup_params
                .len(),
            0,
            "a built-in policy reads a package as a whole (write data.pkg.rule, not alias.rule)"
        );
    }

    /// A team rule whose body raises an error (here `lower` of a number) stops the run (exit 3):
    /// team policies run on the interpreter, where the VM would make the rule silently undefined.
    #[test]
    fn a_team_rule_raising_an_error_stops_the_run() {
        let text = "# METADATA\n# title: team\n# custom:\n#   id: TEAM-E-001\npackage team.err\n\n\
                    deny contains \"x\" if { n := count(input.files); lower(n) == \"x\" }\n";
        let mut sources = builtin_sources();
        sources.push(Source {
            origin: "team/err.rego".into(),
            text: text.into(),
            builtin: false,
        });
        let built_in_program = Evaluator::new(&builtin_sources(), &default_charter_json(), 10_000)
            .unwrap()
            .compiled()
            .cloned();
        for known in [None, Some(Compiled::Interpreted), built_in_program] {
            let mut e =
                Evaluator::load(&sources, &default_charter_json(), 10_000, known.clone()).unwrap();
            let on_vm = e.on_vm();
            assert!(!on_vm, "team policies ran on the VM");
            let err = e
                .evaluate(INPUT, Stage::CommitMsg, &Overrides::default())
                .map(|v| format!("{v:?}"))
                .expect_err(&format!("vm {on_vm}: a builtin error must not pass"));
            assert!(
                err.to_string().contains("team/err.rego"),
                "vm {on_vm}: {err}"
            );
        }
    }
}
