//! One session per run: the charter, baseline, team policies and gitleaks config read from a
//! `CharterSource` (the work tree, or a commit) by one function, and the detectors built from them;
//! then the steps every command shares: analyse changes, build commit facts, judge one input document.

use crate::collect::{
    ChangeSet, ChangedFile, CharterSource, GitSettings, HeadInfo, ReadError, Repo, bundle,
};
use crate::config::baseline::Baseline;
use crate::config::date::Date;
use crate::config::waivers::Waivers;
use crate::config::{self, CHARTER_DIR, CHARTER_FILE, ConfigError, LoadedBundle, LoadedCharter};
use crate::detect::ai::Signatures;
use crate::detect::classes::Classifier;
use crate::detect::insecure::{
    CREDENTIAL_RULE, InsecureScanner, PatternMatch, ScanContext, merge_spans,
};
use crate::detect::redact::{Field, KnownSecrets, Redacted, Redactor, Role};
use crate::detect::secrets::{Hidden, HiddenFinding, Scanner, SecretFinding};
use crate::detect::{message, trailers};
use crate::error::{Error, Result};
use crate::input::{self, Input, SilencedSignal, Stats};
use crate::model::{
    FileStatus, Ident, Level, Severity, SkipReason, Stage, Violation, Waived, WaiverRef,
};
use crate::pattern::LineMap;
use crate::policy::{self, Compiled, Evaluator, Overrides, PolicyError, Source, TeamFile};
use crate::report::RuleInfo;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Everything a session is built from, read once from a `CharterSource` (CI's workers clone it).
#[derive(Debug, Clone)]
pub struct CharterParts {
    pub charter: LoadedCharter,
    /// Fingerprints of accepted findings (`.charter/baseline.json`).
    pub baseline: HashSet<String>,
    /// Built-in policies with the team's layered over them.
    pub sources: Vec<Source>,
    /// Gitleaks-format rule files the charter names, as (origin, text).
    pub gitleaks: Vec<(String, String)>,
    /// The allowed-signers file `approvals.allowed_signers` names, as (origin, text), when it exists.
    pub allowed_signers: Option<(String, String)>,
}

impl CharterParts {
    /// The one loader: the same files, named the same way, from the work tree or from a commit.
    pub fn read(source: &CharterSource<'_>) -> Result<CharterParts> {
        let mut parts = CharterParts::read_without_baseline(source)?;
        if let Some(b) = read_baseline(source)? {
            parts.baseline = b.fingerprints();
        }
        Ok(parts)
    }

    /// Everything but the baseline (left empty): what `baseline` needs, which must work when the
    /// current baseline is broken.
    pub fn read_without_baseline(source: &CharterSource<'_>) -> Result<CharterParts> {
        let charter = read_charter(source)?;
        let sources = read_policies(source, &charter)?;
        let mut gitleaks = Vec::new();
        if let Some(rel) = &charter.charter.secrets.gitleaks_config {
            let text = source.read(rel).map_err(|e| match e {
                ReadError::Git(e) => Error::Range(e),
                e => charter
                    .error_at(
                        "secrets.gitleaks_config",
                        format!("secrets.gitleaks_config: {e}"),
                    )
                    .into(),
            })?;
            gitleaks.push((source.name(rel).display().to_string(), text));
        }
        let rel = charter.charter.approvals.allowed_signers.clone();
        let allowed_signers = match source.read_optional(&rel) {
            Ok(t) => t.map(|t| (source.name(&rel).display().to_string(), t)),
            Err(ReadError::Git(e)) => return Err(Error::Range(e)),
            Err(e) => {
                return Err(charter
                    .error_at(
                        "approvals.allowed_signers",
                        format!("approvals.allowed_signers: {e}"),
                    )
                    .into());
            }
        };
        Ok(CharterParts {
            charter,
            baseline: HashSet::new(),
            sources,
            gitleaks,
            allowed_signers,
        })
    }
}

/// `.charter/baseline.json`, parsed and validated; `None` when there is none.
pub fn read_baseline(source: &CharterSource<'_>) -> Result<Option<Baseline>> {
    let path = source.baseline_file();
    match source.read_optional(&format!("{CHARTER_DIR}/{}", config::BASELINE_FILE)) {
        Ok(Some(text)) => Ok(Some(Baseline::parse(&path, &text)?)),
        Ok(None) => Ok(None),
        Err(ReadError::Io { path, source }) => Err(Error::io(path, source)),
        Err(ReadError::Git(e)) => Err(e.into()),
        Err(e @ ReadError::NotInCommit { .. }) => unreachable!("{e} is missing"),
        // A link, FIFO, device or oversized file where the baseline belongs: the repository's
        // configuration is broken (exit 3), as a baseline that does not parse is.
        Err(e) => Err(refused(&path, &e)),
    }
}

/// `.charter/charter.yaml` layered over the embedded default, or the default alone.
pub fn read_charter(source: &CharterSource<'_>) -> Result<LoadedCharter> {
    let file = source.charter_file();
    let text = read_charter_text(source)?;
    let (charter, bundle) = match &text {
        Some(text) => match mentions_extends(text)
            .then(|| config::team_extends(&file, text))
            .transpose()?
            .flatten()
        {
            None => (config::from_team_text(&file, text)?, None),
            Some(extends) => {
                let bundle = read_bundle(source, &extends).map_err(|message| ConfigError {
                    path: file.clone(),
                    location: config::locate(text, "extends"),
                    message: format!("extends: {message}"),
                })?;
                let charter = config::from_layers(
                    &file,
                    text,
                    Some(&config::BundleCharter {
                        name: &bundle.charter_name,
                        text: &bundle.charter_text,
                    }),
                )?;
                let bundle = LoadedBundle {
                    locked: charter.locked.clone(),
                    ..bundle
                };
                (charter, Some(bundle))
            }
        },
        None => (config::default_charter(), None),
    };
    Ok(LoadedCharter {
        charter,
        file: text.as_ref().map(|_| file),
        text,
        dir: source.charter_dir(),
        waivers: read_waivers(source)?,
        bundle,
    })
}

/// The text of `.charter/charter.yaml`, `None` when there is none; a file that cannot be read or
/// is refused is a configuration error naming it.
pub fn read_charter_text(source: &CharterSource<'_>) -> Result<Option<String>> {
    match source.read_optional(&format!("{CHARTER_DIR}/{CHARTER_FILE}")) {
        Ok(t) => Ok(t),
        Err(ReadError::Io { path, source }) => Err(ConfigError {
            path,
            location: None,
            message: format!("cannot read: {source}"),
        }
        .into()),
        Err(ReadError::Git(e)) => Err(e.into()),
        Err(e @ ReadError::NotInCommit { .. }) => unreachable!("{e} is missing"),
        Err(e) => Err(refused(&source.charter_file(), &e)),
    }
}

/// Could the charter's text hold an `extends:` key? Saves parsing every team file twice; a key
/// spelled with escapes slips past this, and then `from_team_text` refuses it (no bundle loaded).
fn mentions_extends(text: &str) -> bool {
    text.match_indices("extends")
        .any(|(i, _)| !text[i..].starts_with("extends_default"))
}

/// The organisation bundle `extends` pins, from the cache of the repository `source` belongs to
/// (fetched when this process may, `collect::bundle::allow_network`).
fn read_bundle(
    source: &CharterSource<'_>,
    extends: &config::Extends,
) -> std::result::Result<LoadedBundle, String> {
    let opened;
    let repo = match source {
        CharterSource::Commit { repo, .. } => *repo,
        CharterSource::WorkTree(root) => {
            opened = Repo::discover(root).map_err(|_| {
                "an organisation charter needs a git repository, whose git directory caches the bundle"
                    .to_string()
            })?;
            &opened
        }
    };
    let files = bundle::load(repo, extends).map_err(|e| e.to_string())?;
    Ok(LoadedBundle {
        extends: extends.clone(),
        charter_name: extends.name(bundle::CHARTER),
        charter_text: files.charter().to_string(),
        policies: files
            .policies()
            .map(|(rel, text)| {
                let origin = extends
                    .name(&format!("{}/{rel}", bundle::POLICIES))
                    .display()
                    .to_string();
                (rel.to_string(), origin, text.to_string())
            })
            .collect(),
        locked: Vec::new(),
    })
}

/// `.charter/waivers.yaml`, parsed and validated; empty when there is none.
pub fn read_waivers(source: &CharterSource<'_>) -> Result<Waivers> {
    let rel = format!("{CHARTER_DIR}/{}", config::WAIVERS_FILE);
    let path = source.name(&rel);
    match source.read_optional(&rel) {
        Ok(Some(text)) => Ok(Waivers::parse(&path, &rel, &text)?),
        Ok(None) => Ok(Waivers::default()),
        Err(ReadError::Io { path, source }) => Err(Error::io(path, source)),
        Err(ReadError::Git(e)) => Err(e.into()),
        Err(e @ ReadError::NotInCommit { .. }) => unreachable!("{e} is missing"),
        Err(e) => Err(refused(&path, &e)),
    }
}

/// The built-in policies with the organisation bundle's (when the charter extends one) and
/// `.charter/policies/**.rego` layered over them. A team file may replace a bundle's file at the
/// same path unless the bundle locks it: that is an error naming both.
pub fn read_policies(source: &CharterSource<'_>, charter: &LoadedCharter) -> Result<Vec<Source>> {
    let team = source.policies().map_err(|e| match e {
        ReadError::Io { path, source } => Error::Policy(PolicyError::Io { path, source }),
        ReadError::Git(e) => Error::Range(e),
        e @ ReadError::NotInCommit { .. } => unreachable!("{e}: a directory is never required"),
        e => refused(
            &source.name(&format!("{CHARTER_DIR}/{}", config::POLICIES_DIR)),
            &e,
        ),
    })?;
    let mut org = Vec::new();
    if let Some(b) = &charter.bundle {
        let locks = b.policy_locks();
        for f in &team {
            if locks.is_match(format!("{}/{}", bundle::POLICIES, f.rel)) {
                return Err(ConfigError {
                    path: PathBuf::from(&f.origin),
                    location: None,
                    message: format!(
                        "replaces the organisation charter's policy {}, which {} locks; a repository \
                         may not replace it (rename this file to add a policy of its own)",
                        b.extends.name(&format!("{}/{}", bundle::POLICIES, f.rel)).display(),
                        b.charter_name.display()
                    ),
                }
                .into());
            }
        }
        org = b
            .policies
            .iter()
            .map(|(rel, origin, text)| TeamFile {
                rel: rel.clone(),
                source: Source {
                    origin: origin.clone(),
                    text: text.clone(),
                    builtin: false,
                },
            })
            .collect();
    }
    let team = team
        .into_iter()
        .map(|f| TeamFile {
            rel: f.rel,
            source: Source {
                origin: f.origin,
                text: f.text,
                builtin: false,
            },
        })
        .collect();
    Ok(policy::layers(vec![org, team]))
}

/// A charter file that was refused (not a regular file, too large, outside the repository): a
/// configuration error naming the file, exit 3.
fn refused(fallback: &Path, e: &ReadError) -> Error {
    Error::Config(ConfigError {
        path: e.path().unwrap_or(fallback).to_path_buf(),
        location: None,
        message: e.reason(),
    })
}

/// The directory whose `.charter/` applies to `dir`: the repository's root, or `dir` itself outside
/// a repository (policy commands and `scan` work anywhere).
pub fn charter_root(dir: &Path) -> PathBuf {
    match Repo::discover(dir) {
        Ok(repo) => repo.root().to_path_buf(),
        Err(_) => dir.to_path_buf(),
    }
}

/// A detector that cannot be built from the charter: a charter error naming its file.
/// The line is that of the key the message starts with (`classes.x.signals[0]: …`), else of the
/// section `section` (the first of the roots a detector reads), found in the team's file.
pub(super) fn charter_error(loaded: &LoadedCharter, e: &dyn std::fmt::Display) -> Error {
    let message = e.to_string();
    let key = config::key_of(&message).unwrap_or("").to_string();
    loaded.error_at(&key, message).into()
}

/// A detector's error about the charter, named with the line of the key it is about. Detectors
/// name keys relative to their section (`allow_paths: …`, `` `disable` names … ``), or from
/// the root (`classes.x.yield_to: …`, `tiers: …`): `roots` are the sections they read.
fn detector_error(loaded: &LoadedCharter, roots: &[&str], e: &dyn std::fmt::Display) -> Error {
    let mut message = e.to_string();
    if message.contains("error building NFA") {
        message.push_str(
            " (the globs are too many or too complex to compile into one matcher; use fewer, broader globs)",
        );
    }
    // `charter: secrets: allow_paths: …`: the detector's own prefixes name no key.
    let mut rest = message.as_str();
    loop {
        let before = rest;
        rest = rest.strip_prefix("charter: ").unwrap_or(rest);
        for r in roots {
            rest = rest.strip_prefix(&format!("{r}: ")).unwrap_or(rest);
        }
        if rest == before {
            break;
        }
    }
    let head = rest
        .split([':', ' '])
        .next()
        .unwrap_or("")
        .trim_matches('`');
    let under_root = |h: &str| {
        roots
            .iter()
            .any(|r| h == *r || h.starts_with(&format!("{r}.")) || h.starts_with(&format!("{r}[")))
    };
    let key = if under_root(head) {
        head.to_string()
    } else if !head.is_empty() && config::key_of(&format!("{head}: ")).is_some() {
        format!("{}.{head}", roots[0])
    } else {
        roots[0].to_string()
    };
    // `insecure.rules: unknown pattern id `x``: the entry `x` of that map, when the team set it.
    let named = rest
        .split('`')
        .nth(1)
        .filter(|id| config::key_of(&format!("{id}: ")).is_some())
        .map(|id| format!("{key}.{id}"));
    if let Some(entry) = named
        && let (Some(text), Some(file)) = (&loaded.text, &loaded.file)
        && let Some(location) = config::locate(text, &entry)
        && config::locate(text, &key) != Some(location)
    {
        return ConfigError {
            path: file.clone(),
            location: Some(location),
            message,
        }
        .into();
    }
    loaded.error_at(&key, message).into()
}

/// Compiled detectors, built once per run from the charter.
pub struct Detectors {
    pub secrets: Scanner,
    /// The classifier and the insecure-pattern scanner: `None` only in a hook whose analysis came
    /// from the cache (see `Detectors::build_for`), where nothing reads content.
    content: Option<(Classifier, InsecureScanner)>,
    pub signatures: Signatures,
    pub baseline: HashSet<String>,
    /// `dependencies.applications`: manifests that belong to applications.
    applications: crate::pattern::GlobIndex<()>,
}

/// A finding the baseline accepts, as `--show-suppressed` lists it.
pub fn baselined_finding(f: SecretFinding) -> HiddenFinding {
    HiddenFinding {
        finding: f,
        by: "baseline",
        reason: "fingerprint in .charter/baseline.json".to_string(),
    }
}

/// What the detectors found in one file's content.
pub struct ContentFacts {
    pub findings: Vec<SecretFinding>,
    pub insecure: Vec<PatternMatch>,
    /// Secret findings the baseline hid.
    pub baselined: u32,
    /// What placeholder filters, allowlists and the baseline removed (`--show-suppressed`).
    pub hidden: Vec<HiddenFinding>,
    /// Class signals a `charter:allow` marker silenced (`--show-suppressed` only).
    pub silenced: Vec<SilencedSignal>,
}

impl Detectors {
    /// Detector construction errors (from detect/) become charter errors here, and only here.
    pub fn build(parts: &CharterParts) -> Result<Detectors> {
        Detectors::build_for(parts, true)
    }

    /// `build`, leaving out the classifier and the insecure-pattern scanner unless `content` is
    /// set. A hook passes `false` only when the hooks' cache holds the analysis of its staged
    /// changes under a digest of these very charter parts and this binary (`app::cache`): that
    /// analysis was made by detectors built from the same parts, so building them again could
    /// neither fail nor change a fact. Secrets and AI signatures are always built: the message
    /// and the identities are scanned by every hook.
    pub fn build_for(parts: &CharterParts, content: bool) -> Result<Detectors> {
        let c = &parts.charter.charter;
        let err =
            |roots: &[&str], e: &dyn std::fmt::Display| detector_error(&parts.charter, roots, e);
        let extra = &parts.gitleaks;
        // The three compiled detectors are independent: build them on both cores.
        let (secrets, content) = std::thread::scope(|s| {
            let secrets = s.spawn(|| Scanner::new(&c.secrets, extra));
            let content = content.then(|| {
                let classifier = s.spawn(|| {
                    Classifier::new(&c.classes, &c.tiers)
                        .and_then(|k| k.with_bulk_excludes(&c.bulk.exclude_paths))
                });
                let insecure = InsecureScanner::new(&c.insecure);
                (
                    classifier.join().expect("classes build without panicking"),
                    insecure,
                )
            });
            (
                secrets
                    .join()
                    .expect("secret rules build without panicking"),
                content,
            )
        });
        let secrets = secrets.map_err(|e| err(&["secrets"], &e))?;
        let content = match content {
            Some((classifier, insecure)) => Some((
                classifier.map_err(|e| err(&["classes", "tiers"], &e))?,
                insecure.map_err(|e| err(&["insecure"], &e))?,
            )),
            None => None,
        };
        let mut applications = crate::pattern::GlobIndexBuilder::new();
        for g in &c.dependencies.applications {
            applications
                .add(g, ())
                .map_err(|e| err(&["dependencies"], &e))?;
        }
        Ok(Detectors {
            secrets,
            content,
            signatures: Signatures::new(&c.ai).map_err(|e| err(&["ai"], &e))?,
            baseline: parts.baseline.clone(),
            applications: applications
                .build()
                .map_err(|e| err(&["dependencies"], &e))?,
        })
    }

    /// The path classifier (classes, tiers, bulk excludes).
    pub fn classifier(&self) -> &Classifier {
        &self.content_detectors().0
    }

    /// The insecure-pattern scanner.
    pub fn insecure(&self) -> &InsecureScanner {
        &self.content_detectors().1
    }

    fn content_detectors(&self) -> &(Classifier, InsecureScanner) {
        self.content
            .as_ref()
            .expect("content detectors are left out only when the analysis is cached")
    }

    /// The one gate user-controlled strings pass before they become facts (see `detect::redact`).
    pub fn redactor(&self) -> Redactor<'_> {
        Redactor::new(&self.secrets)
    }

    /// A file's path, redacted; secrets in it are appended to `findings` when `report`: the path
    /// is new to the repository (added, renamed, copied) or the whole file is judged (`scan`).
    /// With `use_baseline`, baselined ones are counted in `baselined` instead.
    pub fn file_path(
        &self,
        path: &str,
        report: bool,
        use_baseline: bool,
        findings: &mut Vec<SecretFinding>,
        baselined: &mut u32,
        hidden: &mut Vec<HiddenFinding>,
    ) -> Redacted<String> {
        if !report {
            return self.redactor().path(path, None);
        }
        let mut found = Vec::new();
        let red = self.redactor().path(path, Some(&mut found));
        for f in found {
            if use_baseline && self.baseline.contains(&f.fingerprint) {
                *baselined += 1;
                hidden.push(baselined_finding(f));
            } else {
                findings.push(f);
            }
        }
        red
    }

    /// Secrets and insecure patterns in one file's content (added lines, or a whole file), with the
    /// baseline applied when `use_baseline`. The baseline file itself is not scanned for secrets: it
    /// lists fingerprints (`rule:path:hash`) that read like `password:value` to generic rules.
    pub fn scan_content(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        use_baseline: bool,
    ) -> ContentFacts {
        let showing = SHOW_SUPPRESSED.load(std::sync::atomic::Ordering::Relaxed);
        self.scan_content_showing(path, text, lines, use_baseline, showing)
    }

    /// `scan_content`; what filters, allowlists and inline markers on class signals hid is
    /// collected only when `showing` (`--show-suppressed`): without it, an allowlisted path is
    /// not scanned at all and the classifier makes no second pass.
    fn scan_content_showing(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        use_baseline: bool,
        showing: bool,
    ) -> ContentFacts {
        let mut findings = Vec::new();
        let mut insecure = Vec::new();
        let mut hidden = Vec::new();
        // Without `--show-suppressed`, what filters and allowlists hid is kept as spans only.
        let mut hidden_spans = Vec::new();
        let baseline = format!("{}/{}", CHARTER_DIR, config::BASELINE_FILE);
        let scanned = path != baseline && !path.ends_with(&format!("/{baseline}"));
        if scanned {
            let keep = if showing {
                Hidden::List(&mut hidden)
            } else {
                Hidden::Spans(&mut hidden_spans)
            };
            self.secrets
                .scan_keeping(path, text, lines, &mut findings, keep);
        }
        // Every secret rule's candidate (reported, baselined, suppressed by a marker, hidden by a
        // filter or an allowlist) is that rule's fact: the insecure scan neither repeats it as a
        // hard-coded credential nor shows it in a preview.
        let all = findings.iter().chain(hidden.iter().map(|h| &h.finding));
        hidden_spans.extend(all.flat_map(|f| f.spans.iter().copied()));
        let mut spans = merge_spans(hidden_spans);
        let cx = ScanContext {
            secret_spans: &spans,
            redactor: Some(self.redactor()),
        };
        self.insecure()
            .scan_in(path, text, lines, cx, &mut insecure);
        // An allowlisted path (`secrets.allow_paths`) is not scanned for secrets unless they are
        // listed: only when it holds a credential the insecure scan reports are the secret rules
        // asked what they would have judged there, and the scan made again without it.
        if scanned
            && !showing
            && self.secrets.path_allowed(path)
            && insecure.iter().any(|m| m.id == CREDENTIAL_RULE)
        {
            let mut more = std::mem::take(&mut spans);
            self.secrets.candidate_spans(path, text, lines, &mut more);
            spans = merge_spans(more);
            insecure.clear();
            let cx = ScanContext {
                secret_spans: &spans,
                redactor: Some(self.redactor()),
            };
            self.insecure()
                .scan_in(path, text, lines, cx, &mut insecure);
        }
        let silenced = if showing {
            self.silenced_signals(path, text, lines, &spans)
        } else {
            Vec::new()
        };
        let before = findings.len();
        if use_baseline {
            let (gone, kept) = std::mem::take(&mut findings)
                .into_iter()
                .partition(|x| self.baseline.contains(&x.fingerprint));
            findings = kept;
            hidden.extend(gone.into_iter().map(baselined_finding));
        }
        ContentFacts {
            baselined: (before - findings.len()) as u32,
            findings,
            insecure,
            hidden,
            silenced,
        }
    }

    /// The class signals `charter:allow` markers silenced in `text`, on their file lines, each
    /// with its line's preview redacted as an insecure finding's (`spans`: the secret findings').
    fn silenced_signals(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        spans: &[(usize, usize)],
    ) -> Vec<SilencedSignal> {
        let found = self.classifier().silenced_signals(path, text);
        if found.is_empty() {
            return Vec::new();
        }
        let index = crate::pattern::LineIndex::new(text);
        let redactor = self.redactor();
        // `path` is the file's redacted path already; this only gives it the type.
        let red_path = redactor.path(path, None);
        found
            .into_iter()
            .map(|s| {
                let (from, to) = index.span(s.line);
                let cx = ScanContext {
                    secret_spans: spans,
                    redactor: None,
                };
                let preview = crate::detect::insecure::line_preview(&text[from..to], from, cx);
                SilencedSignal {
                    class: s.class,
                    signal: s.signal,
                    path: red_path.clone(),
                    line: lines.line(s.line),
                    marker: s.marker,
                    preview: redactor.preview(&preview),
                }
            })
            .collect()
    }

    /// The facts of one set of changes: files with classes, tiers, secrets and insecure patterns.
    pub fn analyze(&self, changes: &ChangeSet) -> Analysis {
        let mut stats = Stats::default();
        for f in &changes.files {
            stats.count(
                f.skipped,
                u64::from(f.added_lines()),
                u64::from(f.removed_lines),
                f.added.len() as u64,
            );
        }
        // A commit of several files uses both cores: the first use of a rule compiles its regex, and
        // that (not the matching) dominates a hook's analysis time. Order is kept.
        let analyzed: Vec<(input::File, u32)> =
            if changes.files.len() > 1 && stats.scanned_bytes > 4096 {
                use rayon::prelude::*;
                changes
                    .files
                    .par_iter()
                    .map(|f| self.analyze_file(f))
                    .collect()
            } else {
                changes.files.iter().map(|f| self.analyze_file(f)).collect()
            };
        let mut analysis = Analysis {
            stats,
            ..Analysis::default()
        };
        for (file, b) in analyzed {
            analysis.baselined += b;
            analysis.files.push(file);
        }
        let known = known_secrets(&changes.files, &analysis.files);
        if let Some(known) = &known {
            mask_previews(known, &mut analysis.files, &mut []);
        }
        (analysis.manifests, analysis.dependencies) =
            self.dependencies(&changes.deps, known.as_ref());
        analysis
    }

    /// The dependency facts of a change's manifests and lockfiles (`ChangeSet::deps`), every
    /// user-controlled string in them (paths, names, requirements, sources, scripts, errors)
    /// redacted as a preview is. Nothing is parsed for a change without a manifest.
    ///
    /// `known` holds the secrets the content scan found in the change's files: a value a rule found
    /// with its context (`password = "…"`) stands alone in a requirement or a URL, where no rule
    /// sees it, and is masked there too.
    pub fn dependencies(
        &self,
        files: &[crate::detect::deps::DepFile],
        known: Option<&KnownSecrets>,
    ) -> (Vec<input::Manifest>, Vec<input::Dependency>) {
        use crate::detect::deps;
        if files.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let r = self.redactor();
        let mask = |v: Redacted<String>| match known {
            Some(k) => k.mask_redacted(&v),
            None => v,
        };
        let red = |s: &str| mask(r.preview(s));
        let path_of = |s: &str| mask(r.path(s, None));
        let mut manifests = Vec::new();
        let mut dependencies = Vec::new();
        for m in deps::analyze(files) {
            let path = path_of(&m.path);
            let tier = self.classifier().tier(&path);
            for d in &m.deps {
                let dep = &d.dep;
                dependencies.push(input::Dependency {
                    ecosystem: m.ecosystem,
                    manifest: path.clone(),
                    tier: tier.clone(),
                    name: red(&dep.name),
                    kind: dep.kind,
                    change: d.change,
                    requirement: red(&dep.requirement),
                    pinned: dep.pinned,
                    source: dep.source_kind,
                    location: dep.location.as_deref().map(red),
                    previous: d.previous.as_ref().map(|p| input::Previous {
                        requirement: red(&p.requirement),
                        pinned: p.pinned,
                        source: p.source_kind,
                        location: p.location.as_deref().map(red),
                    }),
                    locked: d
                        .locked
                        .as_ref()
                        .map(|v| v.iter().map(|x| red(x)).collect()),
                    known: d.known,
                    name_check: d.check.clone(),
                });
            }
            manifests.push(input::Manifest {
                // The file name of the redacted path: `requirements-*.txt` names are free text.
                format: path.rsplit('/').next().unwrap_or("").to_string(),
                path,
                ecosystem: m.ecosystem,
                status: m.status,
                tier,
                application: m.application || self.applications.is_match(&m.path),
                lockfile_changed: (!m.lockfiles.is_empty())
                    .then(|| m.lockfiles.iter().any(|l| l.changed)),
                lockfiles: m
                    .lockfiles
                    .iter()
                    .map(|l| input::Lockfile {
                        path: path_of(&l.path),
                        changed: l.changed,
                        error: l.error.as_deref().map(red),
                    })
                    .collect(),
                dependency_changes: m.deps.len() as u32,
                scripts: m
                    .scripts
                    .iter()
                    .map(|s| input::Script {
                        name: s.name.clone(),
                        command: red(&s.command),
                        change: s.change,
                    })
                    .collect(),
                error: m.error.as_deref().map(red),
            });
        }
        (manifests, dependencies)
    }

    /// One changed file's facts, and how many of its secret findings the baseline hid. From here
    /// on the file is named by its redacted path only.
    pub fn analyze_file(&self, f: &ChangedFile) -> (input::File, u32) {
        let mut findings = Vec::new();
        let mut baselined = 0;
        let mut hidden = Vec::new();
        let introduced = introduces_path(f);
        let path = self.file_path(
            &f.path,
            introduced,
            true,
            &mut findings,
            &mut baselined,
            &mut hidden,
        );
        let facts = match f.skipped {
            None => self.scan_content(
                &path,
                &f.added,
                LineMap::Mapped(&f.added_line_numbers),
                true,
            ),
            Some(_) => ContentFacts {
                findings: Vec::new(),
                insecure: Vec::new(),
                baselined: 0,
                hidden: Vec::new(),
                silenced: Vec::new(),
            },
        };
        findings.extend(facts.findings);
        hidden.extend(facts.hidden);
        let classes = if f.skipped == Some(SkipReason::Deleted) {
            self.classifier().classify(&path, b"")
        } else {
            self.classifier().classify(&path, &f.added)
        };
        let file = input::File {
            tier: self.classifier().tier(&path),
            bulk_excluded: self.classifier().bulk_excluded(&path),
            old_path: self.old_path(f.old_path.as_deref()),
            path,
            status: f.status,
            size: f.size,
            binary: f.binary,
            skipped: f.skipped,
            added_lines: f.added_lines(),
            removed_lines: f.removed_lines,
            classes,
            findings,
            insecure: facts.insecure,
            hidden,
            silenced: facts.silenced,
            content: None,
            parsed: None,
        };
        (file, facts.baselined + baselined)
    }

    /// A rename's or copy's previous path, redacted (a path already in history: not reported again).
    pub fn old_path(&self, old: Option<&str>) -> Option<Redacted<String>> {
        old.map(|p| self.redactor().path(p, None))
    }
}

/// Masks, in every preview of `files`, the secrets found anywhere in the change set: a value a
/// rule found in one file may stand where no rule sees it in another (or on another line of the
/// same file) and would otherwise show whole in that line's preview (`secret_values` says which
/// count). Found by the content fuzz target: a value detected in one file, repeated undetected in
/// a second file's insecure-pattern preview.
pub(crate) fn known_secrets(
    changes: &[ChangedFile],
    files: &[input::File],
) -> Option<KnownSecrets> {
    KnownSecrets::new(
        changes
            .iter()
            .zip(files.iter())
            .flat_map(|(c, f)| secret_values(&c.added, &f.findings, &f.hidden)),
    )
}

/// The secret values (bytes of `content`) a file's `findings` hold, and those of the findings
/// the baseline or a path allowlist hid (accepted is not public); not placeholders or
/// allowlisted values, which are not secrets.
pub(crate) fn secret_values<'a>(
    content: &'a [u8],
    findings: &'a [SecretFinding],
    hidden: &'a [HiddenFinding],
) -> impl Iterator<Item = &'a [u8]> + 'a {
    let hidden = hidden
        .iter()
        .filter(|h| matches!(h.by, "baseline" | "path"))
        .map(|h| &h.finding);
    findings
        .iter()
        .chain(hidden)
        .flat_map(|x| x.spans.iter().copied())
        .filter_map(|(s, e)| content.get(s..e))
}

/// Every insecure-pattern and silenced-signal preview of `files` (and of `silenced`, signals
/// listed apart from any file) masked with `known`.
pub(crate) fn mask_previews(
    known: &KnownSecrets,
    files: &mut [input::File],
    silenced: &mut [SilencedSignal],
) {
    for f in files {
        for m in &mut f.insecure {
            m.preview = known.mask(&m.preview);
        }
        for s in &mut f.silenced {
            s.preview = known.mask_redacted(&s.preview);
        }
    }
    for s in silenced {
        s.preview = known.mask_redacted(&s.preview);
    }
}

/// Whether a change puts its path into the repository (added, renamed, copied): only then are
/// secrets in the path reported, as only added lines are judged (every path is redacted).
pub fn introduces_path(f: &ChangedFile) -> bool {
    matches!(
        f.status,
        FileStatus::Added | FileStatus::Renamed | FileStatus::Copied
    ) && f.skipped != Some(SkipReason::Deleted)
}

/// The analysed files of one input document, their stats, and how many findings the baseline hid.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub files: Vec<input::File>,
    pub stats: Stats,
    pub baselined: u32,
    pub manifests: Vec<input::Manifest>,
    pub dependencies: Vec<input::Dependency>,
}

/// git's settings and what is derived from them, once per session.
struct Git {
    settings: GitSettings,
    trailers: trailers::TrailerConfig,
}

/// Everything a run over one repository needs: the repository, the effective charter, detectors and
/// policy sources.
pub struct Session {
    pub repo: Repo,
    pub charter: LoadedCharter,
    pub detectors: Detectors,
    pub sources: Vec<Source>,
    /// What the hooks' analysis cache is keyed by besides the changes (`cache::charter_digest`);
    /// set only for the hooks, `None` elsewhere and when this binary cannot name itself.
    pub cache_digest: Option<String>,
    /// The hooks read the index before building the detectors (`open_with_evaluator`): the
    /// first `staged()` takes what was read.
    read_ahead: std::sync::Mutex<Option<Result<ChangeSet>>>,
    /// The analysis the hooks' cache held for the changes read ahead, under their key: the
    /// first `analyze_staged` of exactly those changes takes it.
    cached: std::sync::Mutex<Option<(String, Analysis)>>,
    git: OnceLock<Git>,
    /// The allowed-signers file as (origin, text), parsed on first use (`app::provenance`).
    pub(super) allowed_signers: Option<(String, String)>,
    pub(super) signers:
        OnceLock<std::result::Result<crate::signing::allowed::AllowedSigners, String>>,
    /// The charter's `provenance.agent_trace_paths`, compiled on first use.
    pub(super) trace_globs: OnceLock<crate::pattern::GlobIndex<()>>,
}

impl Session {
    /// The one way a session is made, whether its parts came from the work tree or from a commit.
    pub fn new(repo: Repo, parts: CharterParts) -> Result<Session> {
        Ok(Session {
            detectors: Detectors::build(&parts)?,
            repo,
            charter: parts.charter,
            sources: parts.sources,
            cache_digest: None,
            read_ahead: std::sync::Mutex::new(None),
            cached: std::sync::Mutex::new(None),
            git: OnceLock::new(),
            allowed_signers: parts.allowed_signers,
            signers: OnceLock::new(),
            trace_globs: OnceLock::new(),
        })
    }

    /// The session of the work tree containing `dir`.
    pub fn open(dir: &Path) -> Result<Session> {
        let (repo, parts) = work_tree_parts(dir)?;
        Session::new(repo, parts)
    }

    /// `open`, with the policies compiled and prepared on a thread of their own: the hooks build
    /// the detectors, read the diff and analyse it meanwhile, and pay for the slower of the two paths
    /// rather than their sum. Join the handle right before judging.
    ///
    /// The index is read first: when the hooks' cache holds the analysis of exactly those changes
    /// under this charter and binary (pre-commit leaves it for commit-msg), the classifier and the
    /// insecure-pattern scanner are not built at all (`Detectors::build_for`). Errors keep their
    /// order: a broken charter is reported before anything about the index.
    pub fn open_with_evaluator(dir: &Path) -> Result<(Session, PendingEvaluator)> {
        Session::open_with_evaluator_for(dir, false)
    }

    /// `open_with_evaluator`; with `content`, the content detectors are built even when the
    /// staged analysis is cached (the agent hooks classify paths and edits beyond the index).
    pub fn open_with_evaluator_for(
        dir: &Path,
        content: bool,
    ) -> Result<(Session, PendingEvaluator)> {
        let (repo, parts) = work_tree_parts(dir)?;
        let pending = PendingEvaluator::spawn(&parts, repo.git_dir());
        let showing = SHOW_SUPPRESSED.load(std::sync::atomic::Ordering::Relaxed);
        let digest = super::cache::charter_digest(&parts, showing);
        let staged = staged_changes(&repo, &parts.charter.charter);
        let cached = match (&digest, &staged) {
            (Some(digest), Ok(changes)) => {
                let key = super::cache::key(digest, changes);
                super::cache::load(repo.git_dir(), &key).map(|analysis| (key, analysis))
            }
            _ => None,
        };
        let detectors = Detectors::build_for(&parts, content || cached.is_none())?;
        let session = Session {
            detectors,
            repo,
            charter: parts.charter,
            sources: parts.sources,
            cache_digest: digest,
            read_ahead: std::sync::Mutex::new(Some(staged)),
            cached: std::sync::Mutex::new(cached),
            git: OnceLock::new(),
            allowed_signers: parts.allowed_signers,
            signers: OnceLock::new(),
            trace_globs: OnceLock::new(),
        };
        Ok((session, pending))
    }

    /// The analysis of the staged `changes`: the one pre-commit (or an earlier commit-msg) left in
    /// the cache for exactly these changes under this charter and binary, else made now and left
    /// there for the next hook of the same commit.
    pub fn analyze_staged(&self, changes: &ChangeSet) -> Analysis {
        let Some(digest) = &self.cache_digest else {
            return self.detectors.analyze(changes);
        };
        let key = super::cache::key(digest, changes);
        let cached = self.cached.lock().map(|mut c| c.take()).unwrap_or(None);
        if let Some((k, analysis)) = cached
            && k == key
        {
            return analysis;
        }
        let git_dir = self.repo.git_dir();
        if let Some(analysis) = super::cache::load(git_dir, &key) {
            return analysis;
        }
        let analysis = self.detectors.analyze(changes);
        super::cache::store(git_dir, &key, &analysis);
        analysis
    }

    pub fn evaluator(&self) -> Result<Evaluator> {
        make_evaluator(&self.charter, &self.sources, Some(self.repo.git_dir()))
    }

    /// git's settings, read on first use and then kept (CI judges thousands of commits).
    pub fn git_settings(&self) -> &GitSettings {
        &self.git().settings
    }

    fn git(&self) -> &Git {
        self.git.get_or_init(|| {
            let settings = self.repo.git_settings();
            Git {
                trailers: trailer_config(&settings),
                settings,
            }
        })
    }

    /// The changes staged in the index; a change over `limits.max_files` stops here, before
    /// anything is scanned or judged.
    pub fn staged(&self) -> Result<ChangeSet> {
        if let Some(read) = self.read_ahead.lock().map(|mut r| r.take()).unwrap_or(None) {
            return read;
        }
        staged_changes(&self.repo, &self.charter.charter)
    }

    /// A commit-msg hook's message file, cleaned up as git will store it.
    pub fn message_from_file(&self, file: &Path) -> Result<String> {
        let raw = crate::collect::read_message_file(file)?;
        let comment = comment_string(self.git_settings(), &raw);
        Ok(message::cleanup(&raw, &comment))
    }

    /// A message as `git commit` with the editor would store it (comments stripped).
    pub fn message_from_text(&self, raw: &str) -> String {
        let comment = comment_string(self.git_settings(), raw);
        message::cleanup(raw, &comment)
    }

    /// Commit facts from a message (already cleaned up) and identities, all of them raw: each is
    /// scanned and redacted here, before anything is derived from it.
    pub fn commit_facts(
        &self,
        message: Option<String>,
        author: Option<Ident>,
        committer: Option<Ident>,
    ) -> input::Commit {
        let redactor = self.detectors.redactor();
        let mut findings = Vec::new();
        let mut commit = input::Commit {
            author: author.map(|a| redactor.ident(Role::Author, &a, &mut findings)),
            committer: committer.map(|c| redactor.ident(Role::Committer, &c, &mut findings)),
            ..input::Commit::default()
        };
        // A secret pasted into a message is as leaked as one in a file, and the message is
        // printed, serialised and quoted by policies: find it, then work on a redacted copy.
        // Every secret is redacted, the baselined ones too: accepted is not public.
        let msg = message.map(|raw| redactor.text(Field::Message, &raw, &mut findings));
        findings.retain(|f| !self.detectors.baseline.contains(&f.fingerprint));
        commit.findings = findings;
        let Some(msg) = msg else {
            return commit;
        };
        let git = self.git();
        commit.subject = Some(msg.map(|m| message::subject(m)));
        let comment = comment_string(&git.settings, &msg);
        let mode = self.charter.charter.trailers.mode;
        commit.trailers = trailers::parse_with_comment(&msg, mode, &git.trailers, &comment);
        commit.ai_evidence = self.detectors.signatures.detect(
            &msg,
            &commit.trailers,
            commit.author.as_deref(),
            commit.committer.as_deref(),
        );
        commit.message = Some(msg);
        commit
    }

    /// The input document for one set of analysed changes. `head` is where HEAD points; a merge is
    /// one being concluded (MERGE_HEAD) or a judged commit with several parents. The work tree's
    /// path and the branch are redacted; a secret in the branch name is reported by the hooks
    /// (`ci` and pre-push judge commits already on it, once per commit: they only redact it).
    pub fn input(
        &self,
        stage: Stage,
        head: &HeadInfo,
        mut commit: input::Commit,
        analysis: Analysis,
    ) -> Input {
        let redactor = self.detectors.redactor();
        let mut found = Vec::new();
        let branch = head
            .branch
            .as_deref()
            .map(|b| redactor.text(Field::Branch, b, &mut found));
        if matches!(stage, Stage::PreCommit | Stage::CommitMsg) {
            found.retain(|f| !self.detectors.baseline.contains(&f.fingerprint));
            commit.findings.extend(found);
        }
        let repo = input::Repo {
            root: redactor.quiet(Field::Path, &self.repo.root_string()),
            branch,
            head: head.head.clone(),
            merge: head.merging || commit.parents.len() > 1,
        };
        let mut input = Input::new(stage, repo, commit, analysis.files, analysis.stats)
            .with_charter_facts(&self.charter.charter, &self.charter.waivers, Date::today());
        input.manifests = analysis.manifests;
        input.dependencies = analysis.dependencies;
        input
    }

    /// Evaluates the policies on one input document. When a policy in force asks for files'
    /// content or parsed documents (METADATA `custom.needs`), the files its globs match carry
    /// them (read from the judged commit, the index, or the work tree); otherwise nothing is read.
    pub fn judge(&self, evaluator: &mut Evaluator, input: &Input) -> Result<Judged> {
        match self.with_content(evaluator.policies(), input)? {
            Some(filled) => judge(evaluator, &self.charter, &filled),
            None => judge(evaluator, &self.charter, input),
        }
    }

    /// `judge`, and the report's facts about the commit from the same evaluation
    /// (`policy::FACTS_PACKAGE`; `None` when undefined).
    pub fn judge_with_facts(
        &self,
        evaluator: &mut Evaluator,
        input: &Input,
    ) -> Result<(Judged, Option<serde_json::Value>)> {
        let filled = self.with_content(evaluator.policies(), input)?;
        let input = filled.as_ref().unwrap_or(input);
        let c = &self.charter.charter;
        if let Err(e) = too_large_to_judge(c, input.files.len(), input.commit.id.as_deref()) {
            let judged = Judged {
                violations: too_large_verdict(c, e)?,
                waived: Vec::new(),
            };
            return Ok((judged, None));
        }
        let json = serde_json::to_string(input).expect("input serialises");
        let overrides = Overrides {
            disable: c.policies.disable.clone(),
            warn_only: c.policies.warn_only.clone(),
        };
        let (violations, facts) = evaluator.evaluate_with_facts(&json, input.stage, &overrides)?;
        Ok((
            apply_waivers(violations, &self.charter.waivers, &input.today),
            facts,
        ))
    }

    /// `input` with the content and parsed documents `policies` ask for at its stage, or `None`
    /// when they ask for nothing (nothing is read then).
    pub fn with_content(
        &self,
        policies: &[policy::Policy],
        input: &Input,
    ) -> Result<Option<Input>> {
        let needs = ContentNeeds::of(policies, &self.charter.charter, input.stage)?;
        if needs.is_empty() || input.files.is_empty() {
            return Ok(None);
        }
        let mut input = input.clone();
        let max = self.charter.charter.limits.max_file_size;
        let commit = input.commit.id.clone();
        needs.fill(&mut input, self.detectors.redactor(), |path| {
            self.repo.content_with_added(commit.as_deref(), path, max)
        });
        Ok(Some(input))
    }
}

/// The changes staged in `repo`'s index under `charter`'s limits (see `Session::staged`).
fn staged_changes(repo: &Repo, charter: &config::Charter) -> Result<ChangeSet> {
    let limits = &charter.limits;
    let changes = match repo.staged(limits.max_file_size, limits.max_files) {
        Err(crate::collect::GitError::TooManyFiles { files, max }) => {
            return Err(too_large(files, max, None));
        }
        r => r?,
    };
    too_large_to_judge(charter, changes.files.len(), None)?;
    Ok(changes)
}

/// The repository containing `dir` and its work tree's charter parts.
fn work_tree_parts(dir: &Path) -> Result<(Repo, CharterParts)> {
    let repo = Repo::discover(dir)?;
    let parts = CharterParts::read(&CharterSource::WorkTree(repo.root().to_path_buf()))?;
    Ok((repo, parts))
}

fn trailer_config(git: &GitSettings) -> trailers::TrailerConfig {
    trailers::TrailerConfig {
        separators: git.trailer_separators.clone(),
        configured_keys: git.trailer_keys.clone(),
    }
}

/// The comment string of a message: `core.commentChar` (or `core.commentString`), with `auto`
/// resolved against the message as git does, `#` by default.
fn comment_string(git: &GitSettings, raw: &str) -> String {
    match &git.comment {
        Some(c) if c == "auto" => message::resolve_auto_comment(raw),
        Some(c) if !c.is_empty() => c.clone(),
        _ => "#".to_string(),
    }
}

/// What the charter switches off or weakens, for the hooks to say on every run: disabled and
/// warn-only policies, and disabled classes.
pub fn switched_off(charter: &config::Charter) -> Vec<String> {
    let p = &charter.policies;
    let mut out: Vec<String> = p
        .disable
        .iter()
        .map(|id| format!("{id} (policies.disable)"))
        .chain(
            p.warn_only
                .iter()
                .map(|id| format!("{id} denials only warn (policies.warn_only)")),
        )
        .collect();
    out.extend(
        charter
            .classes
            .iter()
            .filter(|(_, d)| !d.enabled)
            .map(|(name, _)| format!("class {name} (classes.{name}.enabled: false)")),
    );
    out
}

/// Whether this run lists what placeholder filters and allowlists hid (`--show-suppressed`); set
/// once by `main` before any command runs.
static SHOW_SUPPRESSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--show-suppressed`: collect what filters and allowlists hide, so the report can list it.
pub fn collect_suppressed(on: bool) {
    SHOW_SUPPRESSED.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Which files' content and parsed documents the policies in force at a stage ask for
/// (METADATA `custom.needs`): one glob set per kind.
pub struct ContentNeeds {
    content: Option<globset::GlobSet>,
    parsed: Option<globset::GlobSet>,
}

/// A YAML, JSON, TOML or HCL document larger than this is not parsed for policies (its `parsed`
/// says so): the parsed tree costs several times the text.
pub const MAX_PARSED_BYTES: usize = 4 << 20;

impl ContentNeeds {
    pub fn of(
        policies: &[policy::Policy],
        charter: &config::Charter,
        stage: Stage,
    ) -> Result<ContentNeeds> {
        use crate::policy::metadata::NeedKind;
        let mut globs: [Vec<(String, String)>; 2] = [Vec::new(), Vec::new()];
        for p in policies {
            let Some(needs) = &p.metadata.custom.needs else {
                continue;
            };
            if !p.applies_to(stage) || charter.policies.disable.iter().any(|d| d == p.id()) {
                continue;
            }
            for (i, kind) in [NeedKind::Content, NeedKind::Parsed]
                .into_iter()
                .enumerate()
            {
                globs[i].extend(needs.globs(kind).into_iter().map(|g| (g, p.origin.clone())));
            }
        }
        let build = |list: &[(String, String)]| -> Result<Option<globset::GlobSet>> {
            if list.is_empty() {
                return Ok(None);
            }
            let globs: Vec<crate::pattern::GlobPattern> = list
                .iter()
                .map(|(g, _)| crate::pattern::GlobPattern(g.clone()))
                .collect();
            // The set is built by `pattern`; a glob it refuses is named with its policy.
            crate::pattern::glob_set(&globs).map(Some).map_err(|e| {
                let origin = list
                    .iter()
                    .find(|(g, _)| e.glob() == Some(g.as_str()))
                    .map_or(&list[0].1, |(_, o)| o);
                Error::Policy(PolicyError::Load {
                    origin: origin.clone(),
                    message: format!("METADATA custom.needs: {e}"),
                })
            })
        };
        Ok(ContentNeeds {
            content: build(&globs[0])?,
            parsed: build(&globs[1])?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_none() && self.parsed.is_none()
    }

    /// Adds `content` and `parsed` to the files the globs match. `read` gives a path's text and
    /// the lines the change adds; every secret in the text is redacted before anything is kept,
    /// and documents are parsed from the redacted text. A file whose path held a secret (its
    /// path in the document is redacted), a binary or deleted file, or text that is not UTF-8
    /// gets nothing.
    pub fn fill(
        &self,
        input: &mut Input,
        redactor: Redactor<'_>,
        read: impl Fn(&str) -> Option<(Vec<u8>, Vec<u32>)>,
    ) {
        use crate::detect::structured;
        for f in &mut input.files {
            let path = f.path.as_str();
            let want_content = self.content.as_ref().is_some_and(|g| g.is_match(path));
            let format = structured::Format::of_path(path);
            let want_parsed =
                format.is_some() && self.parsed.as_ref().is_some_and(|g| g.is_match(path));
            if !(want_content || want_parsed)
                || f.binary
                || f.status == FileStatus::Deleted
                || f.skipped.is_some()
                || path.contains('…')
            {
                continue;
            }
            let Some((bytes, added)) = read(path) else {
                continue;
            };
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let red = redactor.quiet(Field::Content, &text).into_inner();
            if want_content {
                let lines: Vec<&str> = red.lines().collect();
                f.content = Some(input::FileContent {
                    added: added
                        .iter()
                        .filter_map(|&n| {
                            let t = lines.get(n.checked_sub(1)? as usize)?;
                            Some(input::AddedLine {
                                line: n,
                                text: (*t).to_string(),
                            })
                        })
                        .collect(),
                    text: red.clone(),
                });
            }
            if let Some(format) = format.filter(|_| want_parsed) {
                let (document, error) = if red.len() > MAX_PARSED_BYTES {
                    (
                        None,
                        Some(format!(
                            "not parsed: {} bytes is over the {} MiB limit for parsed documents",
                            red.len(),
                            MAX_PARSED_BYTES >> 20
                        )),
                    )
                } else {
                    match structured::parse(format, &red, &structured::Limits::default()) {
                        Ok(v) => (Some(v), None),
                        Err(e) => (None, Some(e)),
                    }
                };
                f.parsed = Some(input::ParsedDocument {
                    format: format.as_str(),
                    document,
                    error,
                });
            }
        }
    }
}

/// What the policies said about one input document: the violations, and the results a waiver in
/// force covers.
#[derive(Debug, Clone, Default)]
pub struct Judged {
    pub violations: Vec<Violation>,
    pub waived: Vec<Waived>,
}

/// Evaluates the policies on one input document, with the charter's switches and the waivers in
/// force (on the document's `today`) applied.
pub fn judge(evaluator: &mut Evaluator, charter: &LoadedCharter, input: &Input) -> Result<Judged> {
    let c = &charter.charter;
    if let Err(e) = too_large_to_judge(c, input.files.len(), input.commit.id.as_deref()) {
        return Ok(Judged {
            violations: too_large_verdict(c, e)?,
            waived: Vec::new(),
        });
    }
    let json = serde_json::to_string(input).expect("input serialises");
    let overrides = Overrides {
        disable: c.policies.disable.clone(),
        warn_only: c.policies.warn_only.clone(),
    };
    let violations = evaluator.evaluate(&json, input.stage, &overrides)?;
    Ok(apply_waivers(violations, &charter.waivers, &input.today))
}

/// Moves every result a waiver in force on `today` covers out of the violations.
pub fn apply_waivers(violations: Vec<Violation>, waivers: &Waivers, today: &str) -> Judged {
    if waivers.is_empty() {
        return Judged {
            violations,
            waived: Vec::new(),
        };
    }
    let today = Date::parse(today).unwrap_or_else(Date::today);
    let mut judged = Judged::default();
    for v in violations {
        match waivers.find(
            today,
            &v.policy_id,
            v.path.as_deref(),
            v.fingerprint.as_deref(),
        ) {
            Some(w) => judged.waived.push(Waived {
                waiver: WaiverRef {
                    at: w.at.clone(),
                    reason: w.reason.clone(),
                    owner: w.owner.clone(),
                    expires: w.expires.to_string(),
                },
                violation: v,
            }),
            None => judged.violations.push(v),
        }
    }
    judged
}

/// A change touching more files than `limits.max_files` is not judged: it is reported as what it
/// is (exit 2, or the deny `limits.too_large: deny` asks for), not left to run the policies over
/// their budget (exit 3, "configuration broken").
fn too_large_to_judge(charter: &config::Charter, files: usize, commit: Option<&str>) -> Result<()> {
    let max = charter.limits.max_files;
    if files as u64 <= max {
        return Ok(());
    }
    Err(too_large(files, max, commit))
}

fn too_large(files: usize, max: u64, commit: Option<&str>) -> Error {
    let what = match commit {
        Some(id) => format!("commit {}", &id[..id.len().min(12)]),
        None => "the staged change".to_string(),
    };
    Error::TooLarge { what, files, max }
}

/// The verdict on a change over `limits.max_files`: the error itself (`limits.too_large: error`),
/// or one deny saying so (`deny`). Any other error passes through.
pub fn too_large_verdict(charter: &config::Charter, err: Error) -> Result<Vec<Violation>> {
    match (&err, charter.limits.too_large) {
        (Error::TooLarge { what, files, max }, config::limits::TooLarge::Deny) => Ok(vec![Violation {
            policy_id: "CH-LIMIT-001".into(),
            package: "charter.limits".into(),
            title: "Change too large to judge".into(),
            level: Level::Deny,
            severity: Severity::High,
            path: None,
            line: None,
            message: format!(
                "too large to judge: {what} touches {files} files, over limits.max_files ({max})"
            ),
            remediation: Some(
                "Commit it in smaller parts, or raise limits.max_files (and limits.policy_timeout_ms) in the charter."
                    .into(),
            ),
            commit: None,
            at_head: None,
            fingerprint: None,
        }]),
        _ => Err(err),
    }
}

/// Policies being compiled on another thread (see `Session::open_with_evaluator`).
pub struct PendingEvaluator(std::thread::JoinHandle<Result<Evaluator>>);

impl PendingEvaluator {
    fn spawn(parts: &CharterParts, git_dir: &Path) -> PendingEvaluator {
        let (charter, sources) = (parts.charter.clone(), parts.sources.clone());
        let git_dir = git_dir.to_path_buf();
        PendingEvaluator(std::thread::spawn(move || {
            let mut evaluator = make_evaluator(&charter, &sources, Some(&git_dir))?;
            evaluator.prepare()?;
            Ok(evaluator)
        }))
    }

    pub fn wait(self) -> Result<Evaluator> {
        self.0.join().expect("policies load without panicking")
    }
}

/// One evaluator for the run, with the charter as `data.charter`.
/// Policy ids must be unique (a team policy reusing a built-in id would be switched off, explained
/// and reported as the built-in), and every id the charter names must exist (a typo in
/// `policies.disable` would otherwise leave the policy on, silently).
///
/// What the policies compile to is kept: in memory for the rest of the process (`ci`'s workers each
/// load the same policies) and, given a git directory, in `<git dir>/charter/cache/policies.bin`, keyed
/// by this binary and every policy file's text, so the next run loads the program without parsing
/// any Rego.
pub fn make_evaluator(
    loaded: &LoadedCharter,
    sources: &[Source],
    git_dir: Option<&Path>,
) -> Result<Evaluator> {
    static LAST: std::sync::Mutex<Option<(String, Compiled)>> = std::sync::Mutex::new(None);
    let charter_json = serde_json::to_string(&loaded.charter).expect("charter serialises");
    let key = super::cache::policies_key(sources);
    let remembered = key.as_ref().and_then(|k| {
        LAST.lock().ok().and_then(|last| {
            last.as_ref()
                .filter(|(lk, _)| lk == k)
                .map(|(_, c)| c.clone())
        })
    });
    let known = remembered.or_else(|| {
        let (k, dir) = (key.as_ref()?, git_dir?);
        super::cache::load_policies(dir, k)
    });
    let evaluator = Evaluator::load(
        sources,
        &charter_json,
        loaded.charter.limits.policy_timeout_ms,
        known.clone(),
    )?;
    if let Some(k) = &key {
        let compiled = evaluator.compiled().cloned().or(known);
        if let (Some(c), Some(dir)) = (evaluator.compiled(), git_dir) {
            super::cache::store_policies(dir, k, c);
        }
        if let (Some(c), Ok(mut last)) = (compiled, LAST.lock()) {
            *last = Some((k.clone(), c));
        }
    }
    let policies = evaluator.policies();
    if let Some((p, other)) = policy::duplicate_ids(policies).first() {
        return Err(PolicyError::DuplicateId {
            origin: p.origin.clone(),
            id: p.id().to_string(),
            other: other.origin.clone(),
        }
        .into());
    }
    let c = &loaded.charter.policies;
    for (key, ids) in [
        ("policies.disable", &c.disable),
        ("policies.warn_only", &c.warn_only),
    ] {
        let known: HashSet<&str> = policies.iter().map(|p| p.id()).collect();
        if let Some((i, unknown)) = ids
            .iter()
            .enumerate()
            .find(|(_, id)| !known.contains(id.as_str()))
        {
            return Err(loaded
                .error_at(
                    &format!("{key}[{i}]"),
                    format!(
                        "{key}: no policy has the id `{unknown}` (see `git charter policy list`)"
                    ),
                )
                .into());
        }
    }
    Ok(evaluator)
}

/// Policy METADATA as the reporters need it (SARIF's rule list).
pub fn rule_infos(evaluator: &Evaluator) -> Vec<RuleInfo> {
    evaluator
        .policies()
        .iter()
        // Library packages (helpers with no deny or warn) are not rules.
        .filter(|p| !p.declares.is_empty())
        .map(|p| RuleInfo {
            id: p.id().to_string(),
            title: p.title().to_string(),
            description: p.metadata.description.clone().unwrap_or_default(),
            remediation: p.metadata.custom.remediation.clone().unwrap_or_default(),
            severity: p.severity(),
        })
        .collect()
}

/// An error through the redaction gate, as the last step before it is printed: errors quote
/// revisions, paths and file lines the user or a hostile repository supplied. Scanned with the
/// built-in rules (an error may come before any charter was read); returned unchanged when it
/// holds no secret, else as its redacted text with the same exit code.
pub fn redact_error(e: Error) -> Error {
    let text = e.to_string();
    let Ok(scanner) = Scanner::new(&config::SecretsConfig::default(), &[]) else {
        return e;
    };
    let red = Redactor::new(&scanner).quiet(Field::Error, &text);
    if red == *text.as_str() {
        return e;
    }
    match e.exit_code() {
        crate::error::exit::CONFIG => Error::Policy(PolicyError::Eval(red.into_inner())),
        _ => Error::Usage(red.into_inner()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detectors() -> Detectors {
        let parts = CharterParts {
            charter: LoadedCharter {
                charter: config::default_charter(),
                file: None,
                text: None,
                dir: PathBuf::from(".charter"),
                waivers: Waivers::default(),
                bundle: None,
            },
            baseline: HashSet::new(),
            allowed_signers: None,
            sources: Vec::new(),
            gitleaks: Vec::new(),
        };
        Detectors::build(&parts).expect("the default charter builds")
    }

    fn changed(path: &str, added: &[u8]) -> ChangedFile {
        let lines = added.iter().filter(|&&b| b == b'\n').count() as u32;
        ChangedFile {
            path: path.to_string(),
            old_path: None,
            status: FileStatus::Added,
            size: added.len() as u64,
            binary: false,
            skipped: None,
            added: added.to_vec(),
            added_line_numbers: (1..=lines.max(1)).collect(),
            removed_lines: 0,
            blob: None,
        }
    }

    /// A value a rule finds in one file is masked where it stands undetected in another file's
    /// preview (found by the content fuzz target). The second file alone shows it: that is what
    /// the mask is for.
    #[test]
    fn a_secret_found_in_one_file_is_masked_in_other_previews() {
        let d = detectors();
        let value = "q7X!vR2m@kP9.wL4zT";
        let env = changed(".env", format!("API_SECRET={value}\n").as_bytes());
        let script = changed(
            "tools/sync.py",
            format!("subprocess.call(cmd + \" {value}\", shell=True)\n").as_bytes(),
        );
        let alone = d.analyze(&ChangeSet {
            files: vec![script.clone()],
            deps: Vec::new(),
        });
        let shown: Vec<&str> = alone.files[0]
            .insecure
            .iter()
            .map(|m| m.preview.as_str())
            .collect();
        assert!(shown.iter().any(|p| p.contains(value)), "{shown:?}");
        let both = d.analyze(&ChangeSet {
            files: vec![env, script],
            deps: Vec::new(),
        });
        assert!(
            !both.files[0].findings.is_empty(),
            "the .env value is found"
        );
        let masked: Vec<&str> = both.files[1]
            .insecure
            .iter()
            .map(|m| m.preview.as_str())
            .collect();
        assert!(!masked.is_empty());
        for p in &masked {
            assert!(!p.contains(value), "{p}");
            assert!(p.contains("shell=True") && p.contains("…(18 chars)"), "{p}");
        }
    }

    /// Hooks stay fast: without `--show-suppressed` the classifier makes no second pass and
    /// filters keep nothing; with it, the silenced signal is there, on its file line.
    #[test]
    fn silenced_class_signals_are_collected_only_when_showing() {
        let d = detectors();
        let text = b"import jwt\nclaims = jwt.decode(token, key)  # charter:allow=auth\n";
        let lines = LineMap::Mapped(&[7, 9]);
        let off = d.scan_content_showing("api/tokens.py", text, lines, true, false);
        assert!(off.silenced.is_empty() && off.hidden.is_empty());
        let on = d.scan_content_showing("api/tokens.py", text, lines, true, true);
        assert!(!on.silenced.is_empty(), "nothing silenced");
        for s in &on.silenced {
            assert_eq!((s.class.as_str(), s.line), ("auth", 9), "{s:?}");
            assert_eq!(s.marker, "charter:allow=auth");
            assert!(s.preview.contains("jwt.decode"), "{s:?}");
        }
        // The classes the policies see are the same either way.
        assert!(d.classifier().classify("api/tokens.py", text).is_empty());
    }

    /// A marker on every line of a big file: listing what it silences stays linear (the list is
    /// as long as the file, not its square). Measured in the thread's CPU time, so a loaded
    /// machine does not fail it: four times the lines cost about four times as much (a quadratic
    /// listing would cost sixteen); the bound of eight leaves room for the clock's 10 ms steps.
    #[test]
    fn listing_silenced_signals_stays_linear() {
        let Some(_) = crate::policy::thread_cpu_time() else {
            return; // no thread CPU clock here: nothing to measure with
        };
        let d = detectors();
        let lines = LineMap::Contiguous { first: 1 };
        let listed = |n: usize| {
            let text = "token = check_password(x)  # charter:allow=auth\n".repeat(n);
            let before = crate::policy::thread_cpu_time().expect("clock");
            let silenced = d.silenced_signals("a.py", text.as_bytes(), lines, &[]);
            let cost = crate::policy::thread_cpu_time().expect("clock") - before;
            assert!(silenced.len() >= n, "{} of {n}", silenced.len());
            cost.as_secs_f64()
        };
        let _ = listed(1_000); // compile the regexes outside the measurement
        let (small, large) = (listed(2_000), listed(8_000));

        assert!(
            large < 8.0 * small.max(0.05),
            "2000 lines: {small:.3} s of CPU, 8000 lines: {large:.3} s"
        );
    }

    fn detectors_with(charter: &str) -> Detectors {
        let file = PathBuf::from(".charter/charter.yaml");
        let parts = CharterParts {
            charter: LoadedCharter {
                charter: config::from_team_text(&file, charter).expect("the charter parses"),
                file: Some(file),
                text: Some(charter.to_string()),
                dir: PathBuf::from(".charter"),
                waivers: Waivers::default(),
                bundle: None,
            },
            baseline: HashSet::new(),
            allowed_signers: None,
            sources: Vec::new(),
            gitleaks: Vec::new(),
        };
        Detectors::build(&parts).expect("the charter builds")
    }

    /// A credential a placeholder filter, a stopword, an allowlist regex or a path allowlist hid
    /// from the secret rules was reported as `hardcoded-credential` instead when
    /// `--show-suppressed` was off (hidden candidates were not collected, so their spans were not
    /// known): one fact, and the secret rules' decision about it stands either way.
    #[test]
    fn hardcoded_credential_never_reports_what_a_secret_rule_hid() {
        let d = detectors_with(
            "version: 1\nsecrets:\n  stopwords: [fixturetoken]\n  allow_regexes: ['^Knowntest']\n  allow_paths: ['fixtures/**']\n",
        );
        let random = ["Q8zLp3Wm", "7Rt2Xv9K", "d4YhB6nC"].concat();
        let cases = [
            (
                "app/settings.py",
                format!("API_TOKEN = \"fixturetoken{random}\"\n"),
            ),
            (
                "app/settings.py",
                format!("API_TOKEN = \"Knowntest{random}\"\n"),
            ),
            (
                "app/settings.py",
                format!("api_token = \"replace-with-{random}\"\n"),
            ),
            ("fixtures/app.py", format!("API_TOKEN = \"{random}\"\n")),
        ];
        for (path, text) in &cases {
            let lines = LineMap::Contiguous { first: 1 };
            // The insecure scan alone would report it: the secret rules' decision is what stops it.
            let mut bare = Vec::new();
            d.insecure().scan(path, text.as_bytes(), lines, &mut bare);
            assert!(
                bare.iter().any(|m| m.id == "hardcoded-credential"),
                "{text}"
            );
            for showing in [false, true] {
                let facts = d.scan_content_showing(path, text.as_bytes(), lines, true, showing);
                assert!(facts.findings.is_empty(), "{text}: {:?}", facts.findings);
                assert_eq!(
                    facts.hidden.is_empty(),
                    !showing,
                    "{text}: {:?}",
                    facts.hidden
                );
                assert!(
                    facts
                        .insecure
                        .iter()
                        .all(|m| m.id != "hardcoded-credential"),
                    "{text} (showing: {showing}): {:?}",
                    facts.insecure
                );
            }
        }
    }
}
