//! Classification of changed files into charter classes (auth, crypto, infra, ci, …) and path tiers.
//! Pure: a path and the added bytes in, class names out. Must not touch git, regorus or the terminal.
//!
//! One `GlobSet` holds every class glob, one holds every tier glob, one holds every signal's path
//! scope, and one aho-corasick automaton holds every content-signal literal of every class: a file
//! costs one glob lookup per set and one pass over its added bytes, however many classes there are.

mod code;

use crate::config::classes::{ClassDef, ClassesConfig};
use crate::config::tiers::{TierName, TiersConfig};
use crate::detect::secrets::inline;
use crate::pattern::{
    Case, GlobIndex, GlobIndexBuilder, GlobPattern, KeywordIndex, KeywordIndexBuilder, LazyRegex,
    LineIndex, Syntax,
};
use aho_corasick::AhoCorasickKind;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Classes or tiers that cannot be compiled. Shapes the parser rejects never get here.
#[derive(Debug, thiserror::Error)]
pub enum ClassError {
    #[error("classes.{class}.yield_to: unknown class `{other}`")]
    UnknownYieldTo { class: String, other: String },
    #[error("classes.{class}.signals[{signal}]: invalid regex: {message}")]
    Regex {
        class: String,
        signal: usize,
        message: String,
    },
    #[error("{what}: cannot compile globs: {source}")]
    Globs {
        what: &'static str,
        #[source]
        source: globset::Error,
    },
    #[error("classes: cannot build the signal automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Why a file is in a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassHit {
    pub class: String,
    /// `path:<glob>` or `signal:<id>` entries, in the order they were found.
    pub reasons: Vec<String>,
}

/// A content signal a `charter:allow` marker in a comment silenced (`Classifier::silenced_signals`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilencedSignal {
    pub class: String,
    pub signal: String,
    /// The 0-based line of the scanned text the marker and the silenced hit are on.
    pub line: usize,
    /// The marker as it applies: `charter:allow`, or `charter:allow=<class or signal id>`.
    pub marker: String,
}

struct CompiledSignal {
    class: usize,
    id: String,
    weight: u32,
    /// Number of literals that must all hit (`all`), or 0 for `any`.
    all_count: usize,
    /// Index into the scope GlobSet's owners, or None when the signal applies everywhere.
    scoped: bool,
    case_sensitive: bool,
    /// Counts only outside comments and string literals.
    code_only: bool,
    /// Compiled the first time one of the signal's literals hits.
    regex: Option<LazyRegex>,
    /// The line of a hit must not match this (compiled on first use).
    unless: Option<LazyRegex>,
    /// A literal hit does not count when the file's own namespace declaration contains it.
    not_in_own_namespace: bool,
}

/// One literal of one signal, as the keyword index reports it.
#[derive(Debug)]
struct LiteralUse {
    /// The signal, or `MARKER` for the inline `charter:allow` marker.
    signal: usize,
    /// Position within the signal's `all` list (0 for `any`).
    slot: usize,
    literal: Vec<u8>,
    check_start: bool,
    check_end: bool,
}

/// `LiteralUse::signal` of the inline marker that silences class signals on its line.
const MARKER: usize = usize::MAX;
/// The marker, as `detect::secrets::inline` spells it; `charter:allow=<class or signal id>`
/// silences one class or signal only.
const ALLOW: &str = "charter:allow";

struct CompiledClass {
    name: String,
    min_score: u32,
    path_weight: Option<u32>,
    exclusive: bool,
    yield_to: Vec<usize>,
}

/// Compiled classes and tiers; build once per run, share across threads.
pub struct Classifier {
    classes: Vec<CompiledClass>,
    signals: Vec<CompiledSignal>,
    /// Every signal literal (lower-cased) → its uses. Searched in a lower-cased copy of the text.
    literals: KeywordIndex<LiteralUse>,
    /// Class globs → (class, is_exclude, glob text) of each use. Classes share many excludes
    /// (docs, tests, vendored code); each distinct glob is compiled once.
    class_globs: GlobIndex<(usize, bool, String)>,
    /// Signal path scopes → signal.
    scope_globs: GlobIndex<usize>,
    /// Tier globs → (tier, is_exclude).
    tier_globs: GlobIndex<(TierName, bool)>,
    default_tier: TierName,
    /// `bulk.exclude_paths`: files not counted against the bulk limits (see `bulk_excluded`).
    bulk_excludes: GlobIndex<()>,
}

impl Classifier {
    pub fn new(classes: &ClassesConfig, tiers: &TiersConfig) -> Result<Classifier, ClassError> {
        let enabled: Vec<(&String, &ClassDef)> =
            classes.iter().filter(|(_, d)| d.enabled).collect();
        let index_of = |name: &str| enabled.iter().position(|(n, _)| n.as_str() == name);

        let mut compiled = Vec::with_capacity(enabled.len());
        let mut signals = Vec::new();
        // Case-sensitive over lower-cased literals, searched in a lower-cased copy of the text:
        // a third of the build time of an ASCII case-insensitive automaton, same matches.
        let mut literals =
            KeywordIndexBuilder::new(Case::Lowered).kind(AhoCorasickKind::ContiguousNFA);
        let mut class_globs = GlobIndexBuilder::new();
        let mut scope_globs = GlobIndexBuilder::new();
        let glob_err =
            |what: &'static str, source: globset::Error| ClassError::Globs { what, source };

        for (ci, (name, def)) in enabled.iter().enumerate() {
            let mut yield_to = Vec::new();
            for other in &def.yield_to {
                if !classes.contains_key(other) {
                    return Err(ClassError::UnknownYieldTo {
                        class: (*name).clone(),
                        other: other.clone(),
                    });
                }
                // A class yielding to a disabled class simply never yields.
                if let Some(i) = index_of(other) {
                    yield_to.push(i);
                }
            }
            compiled.push(CompiledClass {
                name: (*name).clone(),
                min_score: def.min_score.max(1),
                path_weight: def.path_weight,
                exclusive: def.exclusive,
                yield_to,
            });
            for (glob, is_exclude) in def
                .globs
                .iter()
                .map(|g| (g, false))
                .chain(def.excludes.iter().map(|g| (g, true)))
            {
                class_globs
                    .add(glob, (ci, is_exclude, glob.0.clone()))
                    .map_err(|e| glob_err("classes", e))?;
            }
            for (si, sig) in def.signals.iter().enumerate() {
                // `config::classes` checked while parsing: exactly one of `any`/`all`, no empty literal.
                let literal_list = if sig.any.is_empty() {
                    &sig.all
                } else {
                    &sig.any
                };
                let signal_index = signals.len();
                let compile = |r: &Option<crate::pattern::RegexPattern>| match r {
                    Some(r) => LazyRegex::new(&r.0, Syntax::Unicode)
                        .map(Some)
                        .map_err(|message| ClassError::Regex {
                            class: (*name).clone(),
                            signal: si,
                            message,
                        }),
                    None => Ok(None),
                };
                let regex = compile(&sig.regex)?;
                let unless = compile(&sig.unless)?;
                for g in &sig.paths {
                    scope_globs
                        .add(g, signal_index)
                        .map_err(|e| glob_err("classes signals", e))?;
                }
                signals.push(CompiledSignal {
                    class: ci,
                    id: if sig.id.is_empty() {
                        literal_list.first().cloned().unwrap_or_default()
                    } else {
                        sig.id.clone()
                    },
                    weight: sig.weight,
                    all_count: if sig.all.is_empty() { 0 } else { sig.all.len() },
                    scoped: !sig.paths.is_empty(),
                    case_sensitive: sig.case_sensitive,
                    code_only: sig.code_only,
                    regex,
                    unless,
                    not_in_own_namespace: sig.not_in_own_namespace,
                });
                // An `all` entry may name alternatives (`cookie|set_cookie`): any one of them fills
                // the entry's slot.
                let uses = literal_list.iter().enumerate().flat_map(|(slot, entry)| {
                    let alternatives: Vec<&str> = if sig.all.is_empty() {
                        vec![entry.as_str()]
                    } else {
                        entry.split('|').collect()
                    };
                    alternatives.into_iter().map(move |raw| (slot, raw))
                });
                for (slot, raw) in uses {
                    // A leading or trailing `*` lets the literal run into a longer identifier.
                    let check_start = !raw.starts_with('*');
                    let check_end = !raw.ends_with('*');
                    let literal = raw.trim_matches('*').as_bytes().to_vec();
                    if literal.is_empty() {
                        // Rejected while parsing; built in code, it would match everywhere.
                        continue;
                    }
                    literals.add_use(
                        &literal.clone(),
                        LiteralUse {
                            signal: signal_index,
                            slot: if sig.all.is_empty() { 0 } else { slot },
                            literal,
                            check_start,
                            check_end,
                        },
                    );
                }
            }
        }

        if !signals.is_empty() {
            literals.add_use(
                ALLOW.as_bytes(),
                LiteralUse {
                    signal: MARKER,
                    slot: 0,
                    literal: ALLOW.as_bytes().to_vec(),
                    check_start: false,
                    check_end: false,
                },
            );
        }
        let literals = literals.build()?;

        let mut tier_globs = GlobIndexBuilder::new();
        for (tier, def) in tiers.defs() {
            for (glob, is_exclude) in def
                .paths
                .iter()
                .map(|g| (g, false))
                .chain(def.excludes.iter().map(|g| (g, true)))
            {
                tier_globs
                    .add(glob, (tier, is_exclude))
                    .map_err(|e| glob_err("tiers", e))?;
            }
        }

        Ok(Classifier {
            classes: compiled,
            signals,
            literals,
            class_globs: class_globs.build().map_err(|e| glob_err("classes", e))?,
            scope_globs: scope_globs
                .build()
                .map_err(|e| glob_err("classes signals", e))?,
            tier_globs: tier_globs.build().map_err(|e| glob_err("tiers", e))?,
            default_tier: tiers.default,
            bulk_excludes: GlobIndex::empty(),
        })
    }

    /// Matches `bulk.exclude_paths` too (`bulk_excluded`). Matching them here, once per path with
    /// the charter's glob semantics, replaced `glob.match` in CH-BULK-001: 7 globs over 5,000 staged
    /// files took the policy 3.2 s, past the 2 s budget.
    pub fn with_bulk_excludes(mut self, globs: &[GlobPattern]) -> Result<Classifier, ClassError> {
        let mut b = GlobIndexBuilder::new();
        let err = |source| ClassError::Globs {
            what: "bulk.exclude_paths",
            source,
        };
        for g in globs {
            b.add(g, ()).map_err(err)?;
        }
        self.bulk_excludes = b.build().map_err(err)?;
        Ok(self)
    }

    /// Whether a path matches `bulk.exclude_paths` (generated or vendored code the bulk limits do
    /// not count). A fact for the policy, which decides what excluded files mean.
    pub fn bulk_excluded(&self, path: &str) -> bool {
        self.bulk_excludes.is_match(path)
    }

    /// Classes of a changed file from its path and its added text, sorted and unique.
    pub fn classify(&self, path: &str, added: &[u8]) -> Vec<String> {
        let mut names: Vec<String> = self
            .evaluate(path, added, false)
            .into_iter()
            .map(|h| h.class)
            .collect();
        names.sort();
        names
    }

    /// Like `classify`, with the globs and signals that put the file in each class.
    pub fn classify_detailed(&self, path: &str, added: &[u8]) -> Vec<ClassHit> {
        self.evaluate(path, added, true)
    }

    /// Every content signal that fires on the file, as `class:signal`, whether or not its class
    /// reaches `min_score` (to see why a file is, or is not, in a class).
    pub fn fired_signals_of(&self, path: &str, added: &[u8]) -> Vec<String> {
        let n = self.classes.len();
        let mut excluded = vec![false; n];
        for (ci, is_exclude, _) in self.class_globs.matches(path) {
            if *is_exclude {
                excluded[*ci] = true;
            }
        }
        self.fired_signals(path, added, &excluded)
            .iter()
            .enumerate()
            .filter(|&(_, &f)| f)
            .map(|(si, _)| {
                let sig = &self.signals[si];
                format!("{}:{}", self.classes[sig.class].name, sig.id)
            })
            .collect()
    }

    /// The content signals a `charter:allow` marker silenced in `added` (`--show-suppressed`):
    /// those that fire once the markers are blanked out but not with them, each on the (0-based)
    /// lines of `added` where a marker silenced it. One automaton pass finds the signals' literals
    /// and the markers together; a second, over the text with its markers blanked, is made only
    /// when a marker silenced a hit. The hot path never calls this.
    pub fn silenced_signals(&self, path: &str, added: &[u8]) -> Vec<SilencedSignal> {
        let n = self.classes.len();
        let (mut excluded, mut path_hit) = (vec![false; n], vec![false; n]);
        for (ci, is_exclude, _) in self.class_globs.matches(path) {
            if *is_exclude {
                excluded[*ci] = true;
            } else {
                path_hit[*ci] = true;
            }
        }
        // An exclusive class decided by its path leaves no content signal to silence.
        if (0..n).any(|ci| self.classes[ci].exclusive && !excluded[ci] && path_hit[ci]) {
            return Vec::new();
        }
        let mut noted = Noted::default();
        let fired = self.fired_signals_noting(path, added, &excluded, Some(&mut noted));
        if noted.silenced.is_empty() {
            return Vec::new();
        }
        // Same length, same offsets, same comments and strings: only the markers are gone.
        let mut blank = added.to_vec();
        for &at in &noted.markers {
            blank[at..at + ALLOW.len()].fill(b' ');
        }
        let unmarked = self.fired_signals(path, &blank, &excluded);
        let named = &noted.allowed;
        let mut out: Vec<SilencedSignal> = Vec::new();
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (si, line) in noted.silenced {
            if fired[si] || !unmarked[si] || !seen.insert((si, line)) {
                continue;
            }
            let sig = &self.signals[si];
            let class = &self.classes[sig.class].name;
            let ids = named.get(&line).map(Vec::as_slice).unwrap_or_default();
            let marker = match ids.iter().find(|id| *id == class || **id == sig.id) {
                Some(id) => format!("{ALLOW}={id}"),
                None => ALLOW.to_string(),
            };
            out.push(SilencedSignal {
                class: class.clone(),
                signal: sig.id.clone(),
                line,
                marker,
            });
        }
        out
    }

    /// `explain` builds the reason strings; the hot path (`classify`) only marks membership.
    fn evaluate(&self, path: &str, added: &[u8], explain: bool) -> Vec<ClassHit> {
        let n = self.classes.len();
        let mut path_hit = vec![false; n];
        let mut excluded = vec![false; n];
        let mut by_path: Vec<Vec<String>> = vec![Vec::new(); n];
        for (ci, is_exclude, glob) in self.class_globs.matches(path) {
            {
                if *is_exclude {
                    excluded[*ci] = true;
                } else {
                    path_hit[*ci] = true;
                    if explain {
                        by_path[*ci].push(format!("path:{glob}"));
                    }
                }
            }
        }
        let content_allowed =
            !(0..n).any(|ci| self.classes[ci].exclusive && !excluded[ci] && path_hit[ci]);

        let mut signal_reasons: Vec<Vec<String>> = vec![Vec::new(); n];
        let mut score = vec![0u32; n];
        if content_allowed && !added.is_empty() {
            let fired = self.fired_signals(path, added, &excluded);
            for (si, sig) in self.signals.iter().enumerate() {
                if fired[si] {
                    score[sig.class] += sig.weight;
                    if explain {
                        signal_reasons[sig.class].push(format!("signal:{}", sig.id));
                    }
                }
            }
        }

        let mut member = vec![false; n];
        let mut by_score = vec![false; n];
        for ci in 0..n {
            let class = &self.classes[ci];
            let decided_by_path = path_hit[ci] && (class.path_weight.is_none() || added.is_empty());
            let total = score[ci]
                + match class.path_weight {
                    Some(w) if path_hit[ci] => w,
                    _ => 0,
                };
            by_score[ci] = score[ci] > 0 && total >= class.min_score;
            member[ci] = !excluded[ci] && (decided_by_path || by_score[ci]);
        }
        // An exclusive class that claims a file by its own content signals (a workflow kept
        // outside `.github/workflows/`) leaves the other classes only what their paths claim:
        // the tools and secrets a CI file names are not the code those names suggest.
        if (0..n).any(|ci| self.classes[ci].exclusive && member[ci] && !path_hit[ci]) {
            for cj in 0..n {
                if !self.classes[cj].exclusive && !path_hit[cj] {
                    member[cj] = false;
                }
            }
        }
        let mut hits = Vec::new();
        for ci in 0..n {
            if !member[ci] || self.classes[ci].yield_to.iter().any(|&o| member[o]) {
                continue;
            }
            let mut reasons = std::mem::take(&mut by_path[ci]);
            if by_score[ci] {
                reasons.append(&mut signal_reasons[ci]);
            }
            hits.push(ClassHit {
                class: self.classes[ci].name.clone(),
                reasons,
            });
        }
        hits.sort_by(|a, b| a.class.cmp(&b.class));
        hits
    }

    /// Which signals fire on `added`: one automaton pass collects the literal hits that pass
    /// their boundary and case checks (and the `charter:allow` markers); then each hit is checked
    /// against what only the whole text shows: encoded blobs, comments and strings (for
    /// `code_only` signals), markers on its line, and the signal's regex. Each of those is computed
    /// at most once per file, in one pass, and only when a hit needs it.
    fn fired_signals(&self, path: &str, added: &[u8], excluded: &[bool]) -> Vec<bool> {
        self.fired_signals_noting(path, added, excluded, None)
    }

    /// `fired_signals`, noting (when `noted` is given) what the markers silenced: see `Noted`.
    fn fired_signals_noting(
        &self,
        path: &str,
        added: &[u8],
        excluded: &[bool],
        noted: Option<&mut Noted>,
    ) -> Vec<bool> {
        let mut fired = vec![false; self.signals.len()];
        if self.literals.is_empty() {
            return fired;
        }
        let mut in_scope: Vec<bool> = self
            .signals
            .iter()
            .map(|s| !s.scoped && !excluded[s.class])
            .collect();
        for &si in self.scope_globs.matches(path) {
            in_scope[si] = !excluded[self.signals[si].class];
        }
        if !in_scope.iter().any(|&b| b) {
            return fired;
        }
        let lower = added.to_ascii_lowercase();
        // (signal, slot, start, end) of each literal hit, in text order; starts of markers.
        let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut markers: Vec<usize> = Vec::new();
        for hit in self.literals.hits(&lower) {
            for u in hit.owners {
                let (s, e) = (hit.start, hit.end);
                if u.signal == MARKER {
                    if added[s..e] == u.literal[..] {
                        markers.push(s);
                    }
                    continue;
                }
                let sig = &self.signals[u.signal];
                if !in_scope[u.signal] {
                    continue;
                }
                if sig.case_sensitive && added[s..e] != u.literal[..] {
                    continue;
                }
                if (u.check_start && !start_boundary(added, s))
                    || (u.check_end && !end_boundary(added, e))
                {
                    continue;
                }
                candidates.push((u.signal, u.slot, s, e));
            }
        }
        if candidates.is_empty() {
            return fired;
        }
        let mut lines: Option<LineIndex> = None;
        let allowed = if markers.is_empty() {
            BTreeMap::new()
        } else {
            let lines = lines.get_or_insert_with(|| LineIndex::new(added));
            allowed_lines(path, added, lines, &markers)
        };
        let noting = noted.is_some();
        let mut silenced = Vec::new();
        let mut blobs: Option<Vec<(usize, usize)>> = None;
        let mut non_code: Option<Vec<(usize, usize, code::Span)>> = None;
        // For `all` signals: which of their literals have hit so far.
        let mut all_hits: BTreeMap<usize, Vec<bool>> = BTreeMap::new();
        // (signal, line) pairs whose regex already failed, so a long line full of one literal is
        // matched once, not once per hit.
        let mut failed: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut own_namespaces: Option<Vec<Vec<u8>>> = None;
        // Each literal is looked up in the declared namespaces once, however often it occurs.
        let mut in_own: BTreeMap<(usize, &[u8]), bool> = BTreeMap::new();
        for (si, slot, s, e) in candidates {
            let sig = &self.signals[si];
            if fired[si] {
                continue;
            }
            if sig.not_in_own_namespace {
                let literal = &lower[s..e];
                let own = *in_own.entry((si, literal)).or_insert_with(|| {
                    own_namespaces
                        .get_or_insert_with(|| code::declared_namespaces(&lower))
                        .iter()
                        .any(|ns| ns.windows(literal.len()).any(|w| w == literal))
                });
                if own {
                    continue;
                }
            }
            if code::inside(blobs.get_or_insert_with(|| code::blob_spans(added)), s) {
                continue;
            }
            // Comments never count; string literals and prose not for `code_only` signals.
            let spans =
                non_code.get_or_insert_with(|| code::non_code_spans(added, code::kind_of(path)));
            match code::span_at(spans, s) {
                Some(code::Span::Comment) => continue,
                Some(code::Span::Text) if sig.code_only => continue,
                _ => {}
            }
            if !allowed.is_empty() || sig.regex.is_some() || sig.unless.is_some() {
                let lines = lines.get_or_insert_with(|| LineIndex::new(added));
                let line = lines.line_of(s);
                if let Some(ids) = allowed.get(&line) {
                    let class = &self.classes[sig.class].name;
                    if ids.is_empty() || ids.iter().any(|id| id == class || *id == sig.id) {
                        if noting {
                            let (from, to) = lines.span(line);
                            if sig
                                .regex
                                .as_ref()
                                .is_none_or(|re| re.is_match(&added[from..to]))
                            {
                                silenced.push((si, line));
                            }
                        }
                        continue;
                    }
                }
                if sig.regex.is_some() || sig.unless.is_some() {
                    if failed.contains(&(si, line)) {
                        continue;
                    }
                    let (from, to) = lines.span(line);
                    let text = &added[from..to];
                    let refused = sig.regex.as_ref().is_some_and(|re| !re.is_match(text))
                        || sig.unless.as_ref().is_some_and(|re| re.is_match(text));
                    if refused {
                        failed.insert((si, line));
                        continue;
                    }
                }
            }
            if sig.all_count == 0 {
                fired[si] = true;
            } else {
                let slots = all_hits
                    .entry(si)
                    .or_insert_with(|| vec![false; sig.all_count]);
                slots[slot] = true;
                if slots.iter().all(|&b| b) {
                    fired[si] = true;
                }
            }
        }
        if let Some(n) = noted {
            *n = Noted {
                silenced,
                markers,
                allowed,
            };
        }
        fired
    }

    /// The tier of a path (`experimental`, `trusted`, `critical`, or the charter's default).
    pub fn tier(&self, path: &str) -> String {
        self.tier_name(path).as_str().to_string()
    }

    /// The tier of a path: the most restrictive tier whose globs match and whose excludes do not.
    pub fn tier_name(&self, path: &str) -> TierName {
        let mut matched = [false; 3];
        let mut carved = [false; 3];
        for &(tier, is_exclude) in self.tier_globs.matches(path) {
            let slot = tier as usize;
            if is_exclude {
                carved[slot] = true;
            } else {
                matched[slot] = true;
            }
        }
        for tier in [
            TierName::Critical,
            TierName::Trusted,
            TierName::Experimental,
        ] {
            let slot = tier as usize;
            if matched[slot] && !carved[slot] {
                return tier;
            }
        }
        self.default_tier
    }
}

/// What one pass of `fired_signals_noting` saw of the `charter:allow` markers, for
/// `silenced_signals`: (signal, line) hits a marker on their line silenced (their regex, if any,
/// matching there), where the markers start, and the lines they allow with the ids they name.
/// Left empty when no literal of a signal in scope hit.
#[derive(Default)]
struct Noted {
    silenced: Vec<(usize, usize)>,
    markers: Vec<usize>,
    allowed: BTreeMap<usize, Vec<String>>,
}

/// Lines holding a `charter:allow` marker inside a comment (as `detect::secrets::inline` reads
/// markers), each with the ids named by `charter:allow=<id>` (none: every class and signal).
fn allowed_lines(
    path: &str,
    text: &[u8],
    lines: &LineIndex,
    markers: &[usize],
) -> BTreeMap<usize, Vec<String>> {
    let syntax = inline::syntax_of(path);
    let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for &m in markers {
        let line = lines.line_of(m);
        if !seen.insert(line) {
            continue;
        }
        let (from, to) = lines.span(line);
        let body = &text[from..to];
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if inline::marker_in_comment(body, syntax) != Some(ALLOW) {
            continue;
        }
        let mut ids = Vec::new();
        let mut everything = false;
        let mut at = 0;
        while let Some(p) = body[at..]
            .windows(ALLOW.len())
            .position(|w| w == ALLOW.as_bytes())
        {
            let after = at + p + ALLOW.len();
            if body.get(after) == Some(&b'=') {
                let id: String = body[after + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                    .map(|&b| char::from(b))
                    .collect();
                if id.is_empty() {
                    everything = true;
                } else {
                    ids.push(id);
                }
            } else {
                everything = true;
            }
            at = after;
        }
        out.insert(line, if everything { Vec::new() } else { ids });
    }
    out
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// A literal may start here if the byte before is not part of the same word; a lower-to-upper
/// camelCase hump also counts as a word start (`passwordHash` holds `Hash`).
fn start_boundary(text: &[u8], s: usize) -> bool {
    if s == 0 || !is_word(text[s]) {
        return true;
    }
    let prev = text[s - 1];
    !is_word(prev)
        || (text[s].is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit()))
}

fn end_boundary(text: &[u8], e: usize) -> bool {
    if e >= text.len() || e == 0 || !is_word(text[e - 1]) {
        return true;
    }
    let next = text[e];
    !is_word(next)
        || (next.is_ascii_uppercase()
            && (text[e - 1].is_ascii_lowercase() || text[e - 1].is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::classes::Signal;
    use crate::config::default_charter;
    use crate::config::review::AiRule;
    use crate::config::starter::STARTER_CHARTER;

    fn default_classifier() -> Classifier {
        let c = default_charter();
        Classifier::new(&c.classes, &c.tiers).expect("default classes compile")
    }

    fn classes(path: &str, text: &str) -> Vec<String> {
        default_classifier().classify(path, text.as_bytes())
    }

    /// A file of an auth library names the library in its package line and its imports of
    /// itself; that alone does not make it auth code. A user of the library still is.
    #[test]
    fn an_auth_librarys_own_files_are_not_auth_by_its_name_alone() {
        let own = "package io.jsonwebtoken.impl.lang;\n\nimport io.jsonwebtoken.lang.Assert;\n\npublic final class Bytes {\n    public static byte[] concat(byte[] a, byte[] b) { return null; }\n}\n";
        assert!(
            classes(
                "impl/src/main/java/io/jsonwebtoken/impl/lang/Bytes.java",
                own
            )
            .is_empty()
        );
        let user = "package com.example.web;\n\nimport io.jsonwebtoken.Jwts;\n\nclass Tokens {\n    Object read(String t) { return Jwts.parser().build(); }\n}\n";
        assert_eq!(
            classes("src/main/java/com/example/web/Tokens.java", user),
            ["auth"]
        );
        let ruby = "module OmniAuth\n  module Strategies\n    class Thing\n      VERSION = '1'\n    end\n  end\nend\n";
        assert!(classes("lib/omniauth/strategies/thing.rb", ruby).is_empty());
    }

    /// `unless` refuses a hit whose line matches it, where `regex` alone would accept it.
    #[test]
    fn a_signal_does_not_fire_on_a_line_its_unless_matches() {
        let charter = crate::config::from_team_text(
            std::path::Path::new("c.yaml"),
            "extends_default: false\nclasses:\n  secretish:\n    signals:\n      - id: pw\n        any: ['*password*']\n        regex: '(?i)password\\s*:\\s*\\w+'\n        unless: '(?i):\\s*(?:true|false)\\s*$'\n",
        )
        .unwrap();
        let c = Classifier::new(&charter.classes, &charter.tiers).unwrap();
        assert_eq!(
            c.classify("a.yml", b"db:\n  password: hunter\n"),
            ["secretish"]
        );
        assert!(c.classify("a.yml", b"db:\n  password: true\n").is_empty());
        // Each line is judged on its own: a refused line does not hide an accepted one.
        assert_eq!(
            c.classify("a.yml", b"a:\n  password: false\nb:\n  password: hunter\n"),
            ["secretish"]
        );
    }

    #[test]
    fn declared_namespaces_are_read_from_line_starts_only() {
        let text = b"// package not.this\n  package io.jsonwebtoken.impl;\nnamespace Firebase\\JWT;\nmodule.exports = x\nmodule \"vpc\" {\ndefmodule MyApp.Auth do\n";
        let lower = text.to_ascii_lowercase();
        let got: Vec<String> = code::declared_namespaces(&lower)
            .into_iter()
            .map(|n| String::from_utf8(n).unwrap())
            .collect();
        assert_eq!(got, ["io.jsonwebtoken.impl", "firebase\\jwt", "myapp.auth"]);
    }

    #[test]
    fn author_model_is_not_auth() {
        let text = "class Author:\n    name: str\n    def byline(self):\n        return f'by {self.name}'\n";
        assert!(classes("src/blog/author.py", text).is_empty());
        assert!(classes("src/blog/authors/views.py", "def list_authors(): pass\n").is_empty());
    }

    #[test]
    fn auth_by_path_and_by_content() {
        // The path is one signal among several: it needs company from the content, except for a
        // file with no added text (a deletion), which only the path can place.
        assert!(classes("src/auth/__init__.py", "VERSION = 1\n").is_empty());
        assert_eq!(
            classes("src/auth/session.py", "def login(request):\n"),
            ["auth"]
        );
        assert_eq!(classes("src/auth/session.py", ""), ["auth"]);
        let jwt = "import jwt\nclaims = jwt.decode(token, key, algorithms=['HS256'])\n";
        assert_eq!(classes("api/tokens.py", jwt), ["auth"]);
    }

    #[test]
    fn weak_auth_signals_need_company() {
        // One weak signal (an HTTP status name) is not enough; a status plus a role check is.
        assert!(classes("src/errors.rs", "StatusCode::FORBIDDEN => \"no\",\n").is_empty());
        let guard = "if !claims.roles.contains(&admin) { return Err(StatusCode::FORBIDDEN); }\n";
        assert_eq!(classes("src/extract.rs", guard), ["auth"]);
    }

    #[test]
    fn hash_for_cache_key_is_only_crypto_touch() {
        let text =
            "use sha2::{Digest, Sha256};\nlet key = format!(\"{:x}\", Sha256::digest(bytes));\n";
        assert_eq!(classes("src/cache.rs", text), ["crypto-touch"]);
        let etag = "import hashlib\netag = hashlib.md5(body).hexdigest()\n";
        assert_eq!(classes("web/etag.py", etag), ["crypto-touch"]);
    }

    #[test]
    fn encryption_is_crypto_and_hides_crypto_touch() {
        let text = "import hashlib\nfrom cryptography.fernet import Fernet\nf = Fernet(key)\n";
        assert_eq!(classes("src/seal.py", text), ["crypto"]);
    }

    #[test]
    fn a_keyserver_name_is_not_openpgp_code() {
        // A Dockerfile that fetches a signing key and checks a download names the keyserver; the
        // OpenPGP API of a program does the encryption.
        let docker = "FROM debian:bookworm\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$K\"; \\\n    gpg --batch --verify app.asc app\n";
        assert_eq!(classes("Dockerfile", docker), ["infra"]);
        let js = "import * as openpgp from 'openpgp';\nconst armored = await openpgp.encrypt({ message, encryptionKeys: key });\n";
        assert_eq!(classes("src/seal.js", js), ["crypto"]);
    }

    #[test]
    fn password_hashing_is_auth_and_crypto() {
        let text = "func HashPassword(pw string) string {\n\tsum := sha1.Sum([]byte(pw))\n";
        assert_eq!(classes("internal/users/hash.go", text), ["auth", "crypto"]);
    }

    #[test]
    fn manifests_are_deps_only() {
        let cargo = "[dependencies]\njsonwebtoken = \"9\"\nring = \"0.17\"\nrustls = \"0.23\"\n";
        assert_eq!(classes("crates/api/Cargo.toml", cargo), ["deps"]);
        let gomod = "require golang.org/x/crypto v0.24.0\n";
        assert_eq!(classes("go.mod", gomod), ["deps"]);
        assert_eq!(
            classes(
                "web/package.json",
                "{\"dependencies\": {\"passport\": \"1\"}}\n"
            ),
            ["deps"]
        );
    }

    #[test]
    fn shell_scripts_are_infra_only_where_they_deploy() {
        let helper = "#!/bin/sh\nmkdir -p \"$TMPDIR/fx\"\ntar -czf out.tgz .\n";
        assert!(classes("tests/helpers/make_fixture.sh", helper).is_empty());
        assert!(classes("tools/gen.sh", helper).is_empty());
        assert_eq!(classes("scripts/deploy/push.sh", "echo hi\n"), ["infra"]);
        let admin = "#!/bin/sh\nsystemctl restart app\nchown -R app /srv/app\n";
        assert_eq!(classes("tools/restart.sh", admin), ["infra"]);
    }

    #[test]
    fn yaml_is_infra_only_with_api_version_and_kind() {
        assert!(classes("config/app.yaml", "kind: blog\ntitle: x\n").is_empty());
        let k8s = "apiVersion: apps/v1\nkind: Deployment\n";
        assert_eq!(classes("config/app.yaml", k8s), ["infra"]);
    }

    #[test]
    fn ci_definitions_are_ci_and_nothing_else() {
        let gitlab =
            "image: node:20\nservices: [postgres]\ndeploy:\n  script: kubectl apply -f k8s/\n";
        assert_eq!(classes(".gitlab-ci.yml", gitlab), ["ci"]);
        assert_eq!(
            classes(".github/workflows/release.yml", "on: push\n"),
            ["ci"]
        );
        assert!(classes(".charter/charter.yaml", "version: 1\n").is_empty());
        assert_eq!(classes("CODEOWNERS", "* @team\n"), ["ci"]);
        assert_eq!(classes(".pre-commit-config.yaml", "repos: []\n"), ["ci"]);
    }

    #[test]
    fn secrets_handling_by_content() {
        let vault = "import hvac\nclient = hvac.Client(url=VAULT_ADDR)\n";
        assert_eq!(classes("src/config/loader.py", vault), ["secrets"]);
        let env = "password = os.environ['DB_PASSWORD']\n";
        assert!(classes("src/db.py", env).is_empty());
    }

    // ---- regressions: false positives seen on real projects ----

    #[test]
    fn diagram_post_login_text_is_not_auth() {
        let mermaid = "sequenceDiagram\n  Browser->>API: POST /login\n  API-->>Browser: Set-Cookie session token\n";
        assert!(classes("design/sign-in-flow.mmd", mermaid).is_empty());
        let plantuml = "@startuml\nUser -> App : POST /login (password)\nApp -> DB : check credentials\n@enduml\n";
        assert!(classes("architecture/flows.puml", plantuml).is_empty());
        // The same words in a string of a code file are text, not code.
        let code = "HELP = \"POST /login with your password to get a session token\"\n";
        assert!(classes("cli/help.py", code).is_empty());
    }

    #[test]
    fn base64_image_is_not_crypto() {
        // A blob made of words the crypto signals know: none of them counts inside it.
        let blob = "AAAA/iv+salt/nonce+AES+KEY0+encrypt/cipher9".repeat(6);
        let js = format!("export const logo = \"data:image/png;base64,{blob}\";\n");
        assert!(classes("web/src/logo.js", &js).is_empty());
        let svg = format!("<svg><image href=\"data:image/png;base64,{blob}\"/></svg>\n");
        assert!(classes("web/logo.svg", &svg).is_empty());
    }

    #[test]
    fn session_word_in_log_converter_is_not_auth() {
        let text = "import json\n\ndef convert(line):\n    session = parse(line)\n    login_at = session.started\n    return json.dumps({\"session\": session.id, \"user\": session.user, \"login\": login_at})\n";
        assert!(classes("tools/logconv/convert.py", text).is_empty());
    }

    #[test]
    fn ordinary_shell_script_is_not_infra() {
        let build = "#!/bin/sh\nset -e\ncargo build --release\ndocker build -t app:dev .\nchmod +x target/release/app\n./scripts/run-tests.sh\n";
        assert!(classes("scripts/build.sh", build).is_empty());
        let tests = "#!/usr/bin/env bash\ndocker compose up -d db\nvendor/bin/phpunit \"$@\"\n";
        assert!(classes("bin/test.sh", tests).is_empty());
        // A script that deploys is infra wherever it lives.
        let deploy =
            "#!/bin/sh\nset -e\n$KUBECTL apply -f k8s/\nhelm upgrade --install app ./chart\n";
        assert_eq!(classes("scripts/release.sh", deploy), ["infra"]);
        let teardown = "#!/bin/sh\n$KUBECTL delete service web\n";
        assert_eq!(classes("examples/web/down.sh", teardown), ["infra"]);
    }

    #[test]
    fn charter_files_are_not_ci() {
        assert!(classes(".charter/charter.yaml", "version: 1\nclasses: {}\n").is_empty());
        assert!(classes(".charter/policies/team.rego", "package team\n").is_empty());
        assert_eq!(classes(".github/workflows/ci.yml", "on: push\n"), ["ci"]);
    }

    // ---- regressions: misses seen on code from other repositories ----

    #[test]
    fn weak_hash_password_storage_is_auth_and_crypto() {
        let py = "import hashlib\n\ndef store(user, password):\n    user.pw = hashlib.md5(password.encode()).hexdigest()\n";
        assert_eq!(classes("app/users.py", py), ["auth", "crypto"]);
        let php = "<?php\n$row['pass'] = sha1($salt . $password);\n";
        assert_eq!(classes("lib/account.php", php), ["auth", "crypto"]);
    }

    #[test]
    fn module_embedding_database_password_is_secrets() {
        let pw = format!("{}{}", "Tq8", "x".repeat(3) + "w2Lz");
        let py =
            format!("DATABASES = {{\"default\": {{\"USER\": \"app\", \"PASSWORD\": \"{pw}\"}}}}\n");
        assert_eq!(classes("mysite/settings.py", &py), ["secrets"]);
        let url = format!("engine = create_engine(\"postgresql://app:{pw}@db:5432/app\")\n");
        assert_eq!(classes("app/db.py", &url), ["secrets"]);
        // A lookup, a template or a field name is not an embedded password.
        assert!(classes("app/db.py", "password = os.environ[\"DB_PASSWORD\"]\n").is_empty());
        assert!(
            classes(
                "app/forms.py",
                "FIELD = \"password\"\nMIN_PASSWORD = \"8\"\n"
            )
            .is_empty()
        );
        assert!(
            classes(
                "chart/values.yaml",
                "password: \"{{ .Values.db.password }}\"\n"
            )
            .iter()
            .all(|c| c != "secrets")
        );
    }

    #[test]
    fn iam_policies_are_auth() {
        let tf = "resource \"aws_iam_role_policy\" \"read\" {\n  role = aws_iam_role.app.id\n  policy = data.aws_iam_policy_document.read.json\n}\n";
        assert_eq!(classes("modules/app/iam.tf", tf), ["auth", "infra"]);
        let gcp = "resource \"google_project_iam_member\" \"ci\" {\n  role   = \"roles/storage.admin\"\n}\n";
        assert_eq!(classes("envs/prod/main.tf", gcp), ["auth", "infra"]);
        let json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Action\": [\"s3:GetObject\"],\n    \"Resource\": \"*\"\n  }]\n}\n";
        assert_eq!(classes("policies/read-bucket.json", json), ["auth"]);
        let k8s = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read-pods\nroleRef:\n  kind: Role\n  name: pod-reader\n";
        assert_eq!(classes("k8s/rbac/read-pods.yaml", k8s), ["auth", "infra"]);
        // React's useEffect and a Redux action are not a policy document.
        let jsx = "useEffect(() => dispatch({ type: Action.LOAD }), []);\nconst Statement = () => null;\n";
        assert!(classes("web/src/App.jsx", jsx).is_empty());
    }

    #[test]
    fn login_forms_are_auth() {
        let html = "<form method=\"post\" action=\"/session\">\n  <input name=\"email\">\n  <input type=\"password\" name=\"password\" autocomplete=\"current-password\">\n</form>\n";
        assert_eq!(classes("templates/signin.html", html), ["auth"]);
        let jsx = "export function SignIn() {\n  return <form onSubmit={submit}><input type=\"password\" value={pw} /></form>;\n}\n";
        assert_eq!(classes("web/src/SignIn.jsx", jsx), ["auth"]);
        // Prose between tags is text: a page that only talks about logging in is not auth.
        let page =
            "<p>Log in to see your session history. Forgot your password? Sign in again.</p>\n";
        assert!(classes("templates/help.html", page).is_empty());
    }

    #[test]
    fn kubeconfig_with_client_token_is_secrets() {
        let token = "eyJ".to_string() + &"hbGciOiJSUzI1NiJ9".repeat(2);
        let kubeconfig = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.1:6443\ncontexts:\n- name: prod\n  context: {{cluster: prod, user: deployer}}\ncurrent-context: prod\nusers:\n- name: deployer\n  user:\n    token: {token}\n"
        );
        assert!(classes("ops/prod-kubeconfig.yaml", &kubeconfig).contains(&"secrets".to_string()));
        assert!(classes("config/cluster.yaml", &kubeconfig).contains(&"secrets".to_string()));
    }

    #[test]
    fn setting_a_users_password_is_auth_storing_one_in_a_keyring_is_not() {
        let django = "def reset(user, raw):\n    user.set_password(raw)\n    user.save()\n";
        assert_eq!(classes("accounts/reset.py", django), ["auth"]);
        let keyring = "def remember(service, name, secret):\n    backend.set_password(service, name, secret)\n";
        assert_eq!(classes("store/backend.py", keyring), ["secrets"]);
        let lookup = "def find(realm, user):\n    return get_password(realm, user)\n";
        assert_eq!(classes("store/lookup.py", lookup), ["secrets"]);
    }

    #[test]
    fn kdf_name_in_a_message_is_not_an_import() {
        let go =
            "func check(p uint8) {\n\tif p < 1 {\n\t\tpanic(\"argon2: threads too low\")\n\t}\n}\n";
        assert!(classes("kdf/params.go", go).is_empty());
        let py =
            "import bcrypt\n\ndef new_hash(pw):\n    return bcrypt.hashpw(pw, bcrypt.gensalt())\n";
        assert_eq!(classes("accounts/hashing.py", py), ["auth", "crypto"]);
    }

    #[test]
    fn a_kdf_module_without_passwords_is_crypto_only() {
        let go = "func Derive(secret, salt []byte) []byte {\n\treturn scrypt.Key(secret, salt, 1<<15, 8, 1, 32)\n}\n";
        assert_eq!(classes("kdf/derive.go", go), ["crypto"]);
    }

    #[test]
    fn config_map_is_not_a_kubeconfig() {
        let cm =
            "extraObjects:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: extra}\n";
        assert!(!classes("chart/ci/extra-values.yaml", cm).contains(&"secrets".to_string()));
        let kc = "apiVersion: v1\nkind: Config\npreferences: {}\n";
        assert!(classes("ops/admin.yaml", kc).contains(&"secrets".to_string()));
    }

    #[test]
    fn iac_creating_a_credential_is_secrets() {
        let tf = "resource \"aws_iam_access_key\" \"deployer\" {\n  user = aws_iam_user.deployer.name\n}\n";
        assert_eq!(
            classes("modules/ci-user/keys.tf", tf),
            ["auth", "infra", "secrets"]
        );
        let pw = "resource \"random_password\" \"db\" {\n  length = 24\n}\n";
        assert!(classes("envs/dev/db.tf", pw).contains(&"secrets".to_string()));
        // An IAM action that names the operation creates nothing.
        let policy = "data \"aws_iam_policy_document\" \"rotate\" {\n  statement {\n    actions = [\"iam:CreateAccessKey\"]\n  }\n}\n";
        assert!(!classes("modules/rotate/iam.tf", policy).contains(&"secrets".to_string()));
    }

    #[test]
    fn weak_crypto_words_need_company() {
        // A signed-cookie helper that hashes and names a key is auth, not crypto code.
        let py = "import hashlib\n\ndef cookie_signer(app):\n    return Signer(app.secret_key, salt=SALT, digest_method=hashlib.sha1)\n";
        assert!(!classes("web/cookies.py", py).contains(&"crypto".to_string()));
        // A client switching certificate checks off is not crypto code by that alone.
        let js = "const agent = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = agent;\n";
        assert!(!classes("src/http/agent.js", js).contains(&"crypto".to_string()));
        // Under a JOSE module's directory one weak signal is enough.
        let jwe = "export function unwrap(cek, ciphertext) {\n  return decode(ciphertext);\n}\n";
        assert_eq!(classes("src/jwe/unwrap.js", jwe), ["crypto"]);
        assert!(classes("src/util/unwrap.js", jwe).is_empty());
        // An encryption API is crypto on its own.
        let js = "const c = crypto.createCipheriv(algo, key, nonce);\n";
        assert_eq!(classes("src/box.js", js), ["crypto"]);
    }

    #[test]
    fn code_handling_kubernetes_secret_objects_is_secrets() {
        let go = "func build(ns string, cert []byte) *corev1.Secret {\n\treturn &corev1.Secret{Data: map[string][]byte{\"tls.crt\": cert}}\n}\n";
        assert!(classes("cmd/mksecret/main.go", go).contains(&"secrets".to_string()));
        let py = "def publish(api, ns, body):\n    api.create_namespaced_secret(ns, body)\n";
        assert_eq!(classes("ops/publish.py", py), ["secrets"]);
        // The word in prose or a message is not the object.
        let py = "def publish(api):\n    log.info(\"Secrets(...) not needed\")\n";
        assert!(classes("ops/publish.py", py).is_empty());
    }

    #[test]
    fn a_server_checking_a_csrf_token_is_auth_a_client_sending_one_is_not() {
        let php = "public function handle($request)\n{\n    if (! $this->tokensMatch($request)) {\n        throw new TokenMismatch('csrf_mismatch');\n    }\n    return $this->verifyCsrfOrigin($request, $session);\n}\n";
        assert_eq!(classes("app/Http/Guard.php", php), ["auth"]);
        let js = "const name = cfg.xsrfCookieName;\nconst value = readXsrfCookie(name);\nif (value) headers.set(cfg.xsrfHeaderName, value);\n";
        assert!(classes("lib/send.js", js).is_empty());
    }

    #[test]
    fn csrf_and_session_middleware_is_auth() {
        // A middleware that keeps a CSRF token in a cookie and refuses a request without it.
        let go = "func (p *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {\n\trealToken := p.readCsrfCookie(r)\n\tif !sameToken(realToken, r.Header.Get(p.opts.RequestHeader)) {\n\t\tw.WriteHeader(http.StatusForbidden)\n\t\treturn\n\t}\n\tp.h.ServeHTTP(w, r)\n}\n";
        assert_eq!(classes("guard.go", go), ["auth"]);
        // A cookie-session store setting the session cookie's lifetime and flags.
        let ts = "export class CookieStore {\n  save(ctx, session) {\n    ctx.cookies.set(this.key, encode(session), { maxAge: this.opts.maxAge, httpOnly: true });\n  }\n  load(ctx) { return decode(ctx.cookies.get(this.key)); }\n}\nconst sessionStore = new CookieStore(opts);\n";
        assert_eq!(classes("src/store.ts", ts), ["auth"]);
        // A cookie jar alone is not session code.
        let rs = "pub fn set_flags(c: &mut Cookie) {\n    c.set_http_only(true);\n    c.set_same_site(SameSite::Lax);\n}\n";
        assert!(classes("src/jar.rs", rs).is_empty());
    }

    #[test]
    fn a_salted_password_hasher_is_auth_and_crypto() {
        let js = "const crypto = require('crypto');\nfunction genSalt(rounds, cb) {\n  crypto.randomBytes(16, (err, buf) => cb(err, encodeSalt(buf, rounds)));\n}\nfunction compare(data, encrypted, cb) {\n  return binding.compare(data, encrypted, cb);\n}\nmodule.exports = { genSalt, compare };\n";
        let got = classes("lib/hasher.js", js);
        assert!(got.contains(&"auth".to_string()), "{got:?}");
        let py = "from argon2 import low_level\n\ndef hash_secret(secret, salt):\n    return low_level.hash_secret(secret=secret, salt=salt, password=secret)\n";
        assert!(classes("argon_wrap.py", py).contains(&"auth".to_string()));
    }

    #[test]
    fn a_token_cache_that_persists_tokens_is_secrets() {
        let ts = "export class TokenCache {\n  async save(plugin: ICachePlugin) {\n    await plugin.afterCacheAccess(this.serialize());\n  }\n}\n";
        assert!(classes("src/cache.ts", ts).contains(&"secrets".to_string()));
        // A cache of rendered pages is not.
        let other =
            "class PageCache:\n    def save(self, key, html):\n        self.store[key] = html\n";
        assert!(classes("cache.py", other).is_empty());
    }

    #[test]
    fn ansible_database_users_and_grants_are_auth() {
        let yml = "- name: Ensure database users exist.\n  community.mysql.mysql_user:\n    name: \"{{ item.name }}\"\n    priv: \"{{ item.priv | default('*.*:USAGE') }}\"\n    state: present\n  loop: \"{{ mysql_users }}\"\n";
        let got = classes("roles/db/tasks/users.yml", yml);
        assert!(got.contains(&"auth".to_string()), "{got:?}");
        assert!(got.contains(&"infra".to_string()), "{got:?}");
        let plain = "- name: Install packages.\n  ansible.builtin.package:\n    name: mysql-server\n    state: present\n";
        assert_eq!(classes("roles/db/tasks/setup.yml", plain), ["infra"]);
    }

    #[test]
    fn a_workflow_outside_github_workflows_is_ci_only() {
        // Its login, password and role keys would make it auth; a CI file names them for the job.
        let yml = "name: Deploy\non:\n  push:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          login-server: registry.example.test\n          username: ${{ secrets.REGISTRY_USER }}\n          password: ${{ secrets.REGISTRY_PASSWORD }}\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: ${{ vars.DEPLOY_ROLE }}\n          roles: deploy\n";
        assert_eq!(classes("templates/deploy-aws.yml", yml), ["ci"]);
    }

    #[test]
    fn primitive_implementations_are_crypto_plain_bit_twiddling_is_not() {
        let rs = "pub fn compress256(state: &mut [u32; 8], block: &[u8; 64]) {\n    let s0 = w[1].rotate_right(7) ^ w[1].rotate_right(18);\n    let t = Sha256::K[0].wrapping_add(s0);\n}\n";
        assert_eq!(classes("src/soft.rs", rs), ["crypto"]);
        let hash = "fn mix(x: u64) -> u64 {\n    x.rotate_left(5).wrapping_add(0x9e37)\n}\n";
        assert!(classes("src/hasher.rs", hash).is_empty());
        let tls = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: {{ .Values.cert | b64enc }}\n  tls.key: {{ .Values.key | b64enc }}\n";
        let got = classes("charts/app/templates/tls.yaml", tls);
        assert!(got.contains(&"crypto".to_string()), "{got:?}");
    }

    #[test]
    fn charter_allow_silences_class_signals_on_its_line() {
        let jwt = "claims = jwt.decode(token, key)  # charter:allow\n";
        assert!(classes("api/tokens.py", jwt).is_empty());
        let only_crypto = "claims = jwt.decode(token, key)  # charter:allow=crypto\n";
        assert_eq!(classes("api/tokens.py", only_crypto), ["auth"]);
        let by_class = "claims = jwt.decode(token, key)  # charter:allow=auth\n";
        assert!(classes("api/tokens.py", by_class).is_empty());
        // Only inside a comment, and only on its own line.
        let in_string = "NOTE = \"charter:allow\"\nclaims = jwt.decode(token, key)\n";
        assert_eq!(classes("api/tokens.py", in_string), ["auth"]);
        let other_line = "# charter:allow\nclaims = jwt.decode(token, key)\n";
        assert_eq!(classes("api/tokens.py", other_line), ["auth"]);
    }

    #[test]
    fn commented_out_code_gives_no_signal() {
        assert!(classes("api/tokens.py", "# claims = jwt.decode(token, key)\n").is_empty());
        assert!(classes("config/app.yaml", "# kind: Secret\nname: x\n").is_empty());
    }

    #[test]
    fn docs_are_not_classified() {
        assert!(classes("docs/terraform.md", "Run `terraform plan` before apply.\n").is_empty());
        assert!(classes("docs/auth.md", "import jwt\njwt.decode(t)\n").is_empty());
    }

    #[test]
    fn signal_literals_respect_word_boundaries() {
        let c = Classifier::new(
            &[(
                "x".to_string(),
                ClassDef {
                    signals: vec![Signal {
                        any: vec!["aes".into(), "bcrypt*".into()],
                        ..Signal::default()
                    }],
                    ..ClassDef::default()
                },
            )]
            .into_iter()
            .collect(),
            &TiersConfig::default(),
        )
        .unwrap();
        assert!(c.classify("a.py", b"caches = 1\n").is_empty());
        assert_eq!(c.classify("a.py", b"mode = AES\n"), ["x"]);
        assert_eq!(c.classify("a.js", b"require('bcryptjs')\n"), ["x"]);
    }

    #[test]
    fn most_restrictive_tier_wins_and_excludes_carve_out() {
        let tiers: TiersConfig = yaml_serde::from_str(
            "default: trusted\nexperimental:\n  paths: ['src/**/tests/**', 'sandbox/**']\ncritical:\n  paths: ['src/auth/**']\n  excludes: ['src/auth/docs/**']\n",
        )
        .unwrap();
        let c = Classifier::new(&ClassesConfig::new(), &tiers).unwrap();
        assert_eq!(c.tier("src/auth/tests/login.rs"), "critical");
        assert_eq!(c.tier("src/auth/docs/x.md"), "trusted");
        assert_eq!(c.tier("sandbox/x.py"), "experimental");
        assert_eq!(c.tier("src/lib.rs"), "trusted");
    }

    /// The parser rejects these shapes (`config::classes`); built in code they neither panic
    /// nor put every file in the class.
    #[test]
    fn signals_without_literals_never_fire() {
        let classes: ClassesConfig = [(
            "x".to_string(),
            ClassDef {
                signals: vec![
                    Signal::default(),
                    Signal {
                        any: vec!["*".into()],
                        ..Signal::default()
                    },
                ],
                min_score: 1,
                ..ClassDef::default()
            },
        )]
        .into_iter()
        .collect();
        let c = Classifier::new(&classes, &TiersConfig::default()).unwrap();
        assert!(c.classify("a.rs", b"anything at all\n").is_empty());
    }

    /// A minified file is one long line; a literal repeated on it must not rescan the line per hit
    /// (that was quadratic: minutes for this input).
    #[test]
    fn long_line_with_many_hits_stays_linear() {
        let line = "x.headers['authorization']=1;GRANT;AKIA;".repeat(50_000);
        let started = std::time::Instant::now();
        assert!(classes("web/app.min.js", &line).is_empty());
        let scanner = crate::detect::insecure::InsecureScanner::new(&Default::default()).unwrap();
        let mut out = Vec::new();
        let text = "verify=True;".repeat(100_000);
        scanner.scan(
            "a.py",
            text.as_bytes(),
            crate::pattern::LineMap::Contiguous { first: 1 },
            &mut out,
        );
        assert!(out.is_empty());
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    /// The lexer, the blob finder and the marker reader each make one pass: unclosed comments,
    /// quotes and tags, and a marker on every line, stay linear.
    #[test]
    fn pathological_texts_stay_linear() {
        let started = std::time::Instant::now();
        let shapes = [
            ("a.py", "'\"\"\"session ".repeat(60_000)),
            ("a.js", "/* `login ".repeat(60_000)),
            ("a.html", "<a {{ {# session ".repeat(60_000)),
            ("a.sh", "password # charter:allow=auth\n".repeat(40_000)),
            ("a.txt", "QUJDRA0123456789abcdefXYZ+/".repeat(40_000)),
        ];
        for (path, text) in &shapes {
            let _ = classes(path, text);
        }
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    #[test]
    fn detailed_classification_says_why() {
        let hits =
            default_classifier().classify_detailed("api/tokens.py", b"token = jwt.decode(t, k)\n");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].class, "auth");
        assert_eq!(hits[0].reasons, ["signal:auth-api", "signal:token-words"]);
        let hits = default_classifier().classify_detailed("Cargo.toml", b"ring = \"1\"\n");
        assert_eq!(hits[0].reasons, ["path:**/Cargo.toml"]);
    }

    #[test]
    fn starter_charter_is_valid_and_compiles() {
        let c = crate::config::from_team_text(
            std::path::Path::new(".charter/charter.yaml"),
            STARTER_CHARTER,
        )
        .expect("starter parses over the default");
        let classifier = Classifier::new(&c.classes, &c.tiers).expect("starter classes compile");
        crate::detect::insecure::InsecureScanner::new(&c.insecure)
            .expect("starter insecure section is valid");
        assert_eq!(classifier.tier("src/auth/login.rs"), "critical");
        assert_eq!(
            classifier.classify("src/payments/refund.py", b"x = 1\n"),
            ["payments"]
        );
        // Layered: the default's globs and signals survive a team file that only changes `ai`.
        assert_eq!(classifier.classify("src/auth/session.py", b""), ["auth"]);
        assert_eq!(c.classes["crypto"].ai, AiRule::Forbid);
        assert!(!c.classes["crypto"].signals.is_empty());
    }

    #[test]
    fn misspelt_tier_in_bulk_limits_names_the_line() {
        let err = crate::config::from_team_text(
            std::path::Path::new(".charter/charter.yaml"),
            "bulk:\n  tiers:\n    critcal: {max_files: 3}\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with(".charter/charter.yaml:3:"), "{err}");
        assert!(err.contains("critcal"), "{err}");
    }

    #[test]
    fn yield_to_an_unknown_class_is_an_error() {
        let classes: ClassesConfig = [(
            "weak".to_string(),
            ClassDef {
                yield_to: vec!["strnog".into()],
                ..ClassDef::default()
            },
        )]
        .into_iter()
        .collect();
        let err = Classifier::new(&classes, &TiersConfig::default())
            .err()
            .unwrap();
        assert!(err.to_string().contains("strnog"), "{err}");
    }

    #[test]
    fn unknown_class_key_names_the_line() {
        let err = crate::config::from_team_text(
            std::path::Path::new(".charter/charter.yaml"),
            "classes:\n  auth:\n    globz: ['x']\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with(".charter/charter.yaml:3:"), "{err}");
        assert!(err.contains("globz"), "{err}");
    }

    #[test]
    fn bad_glob_in_tiers_names_the_line() {
        let err = crate::config::from_team_text(
            std::path::Path::new(".charter/charter.yaml"),
            "tiers:\n  critical:\n    paths: ['src/{auth']\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with(".charter/charter.yaml:3:"), "{err}");
        assert!(err.contains("invalid glob"), "{err}");
    }
}
