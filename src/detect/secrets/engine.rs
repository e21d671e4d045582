//! The scanning engine: one aho-corasick pass over all keywords, then only the hit rules' regexes, only
//! around the lines where their keywords hit. Produces redacted findings; owns no rule data and no I/O.

use super::filters::{self, contains_ci};
use super::rules::{AllowList, CompiledRule};
use super::{SecretFinding, fingerprint, redact};
use crate::pattern::{
    Case, KeywordIndex, KeywordIndexBuilder, LineIndex, LineMap, extend_lines, line_around,
    line_span,
};
use aho_corasick::AhoCorasickKind;
use globset::GlobSet;
use std::cell::RefCell;
use std::sync::LazyLock;

/// How far past its keyword's line a multi-line rule (a PEM block) may match.
const MULTILINE_SPAN: usize = 64 * 1024;
/// Binary content is not scanned: NUL in the first 8 KiB, as git decides.
const BINARY_PROBE: usize = 8 * 1024;
/// Inline markers that suppress findings on their line.
const INLINE_ALLOW: &[&[u8]] = &[
    b"charter:allow",
    b"gitleaks:allow",
    b"pragma: allowlist secret",
];

pub struct Engine {
    pub rules: Vec<CompiledRule>,
    /// Every rule's keywords → the rules owning them.
    keywords: KeywordIndex<u32>,
    /// Rules without keywords (imported gitleaks rules): run on the whole buffer.
    always: Vec<u32>,
    pair_of: Vec<Option<u32>>,
    /// Some imported gitleaks rule matches on paths alone (`pkcs12-file`).
    has_path_only: bool,
    allow_globs: GlobSet,
    global: Vec<AllowList>,
}

#[derive(Default)]
struct Scratch {
    windows: Vec<Vec<(usize, usize)>>,
    touched: Vec<u32>,
    raws: Vec<Raw>,
    lines: LineIndex,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[derive(Clone, Copy)]
struct Raw {
    rule: u32,
    /// Secret span.
    s: usize,
    e: usize,
    accepted: bool,
    /// Span of the companion's secret when paired.
    pair: Option<(usize, usize)>,
}

impl Engine {
    pub fn new(
        rules: Vec<CompiledRule>,
        allow_globs: GlobSet,
        global: Vec<AllowList>,
    ) -> Result<Engine, String> {
        let mut keywords =
            KeywordIndexBuilder::new(Case::Insensitive).kind(AhoCorasickKind::ContiguousNFA);
        let mut always = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            if r.keywords.is_empty() && !r.path_only {
                always.push(i as u32);
            }
            for k in &r.keywords {
                keywords.add(k.as_bytes(), i as u32);
            }
        }
        let keywords = keywords.build().map_err(|e| e.to_string())?;
        let pair_of = rules
            .iter()
            .map(|r| {
                r.pair
                    .as_ref()
                    .and_then(|p| rules.iter().position(|o| o.id == p.with).map(|x| x as u32))
            })
            .collect();
        let rules_have_path_only = rules.iter().any(|r| r.path_only);
        Ok(Engine {
            rules,
            keywords,
            always,
            pair_of,
            has_path_only: rules_have_path_only,
            allow_globs,
            global,
        })
    }

    /// Whether the keyword prefilter lets rule `rule` run on `text` (a rule without keywords
    /// always runs).
    pub fn prefilter_admits(&self, rule: usize, text: &[u8]) -> bool {
        self.rules[rule].keywords.is_empty()
            || self
                .keywords
                .hits(text)
                .any(|h| h.owners.contains(&(rule as u32)))
    }

    fn path_allowed(&self, path: &str) -> bool {
        self.allow_globs.is_match(path)
            || self
                .global
                .iter()
                .any(|a| a.paths_only() && a.allows(path, b"", b"", b""))
    }

    pub fn scan(&self, path: &str, text: &[u8], lines: LineMap<'_>, out: &mut Vec<SecretFinding>) {
        if self.path_allowed(path) {
            return;
        }
        if self.has_path_only {
            self.path_only_findings(path, lines, out);
        }
        if text[..text.len().min(BINARY_PROBE)].contains(&0) {
            return;
        }
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let scratch = &mut *guard;
            if scratch.windows.len() < self.rules.len() {
                scratch.windows.resize_with(self.rules.len(), Vec::new);
            }
            scratch.touched.clear();
            scratch.raws.clear();
            self.prefilter(text, scratch);
            self.confirm(path, text, scratch);
            if scratch.raws.iter().any(|r| r.accepted) {
                self.finish(path, text, lines, scratch, out);
            }
        });
    }

    /// Marks, per rule, the line windows in which one of its keywords occurs.
    fn prefilter(&self, text: &[u8], scratch: &mut Scratch) {
        let mut line = (usize::MAX, 0usize);
        for hit in self.keywords.hits(text) {
            if hit.start < line.0 || hit.start >= line.1 {
                line = line_span(text, hit.start, hit.end);
            }
            // A keyword spanning a newline cannot happen (keywords have none), so the line holds the match.
            for &r in hit.owners {
                let rule = &self.rules[r as usize];
                let end = if rule.multiline {
                    (line.1 + MULTILINE_SPAN).min(text.len())
                } else if rule.next_lines > 0 {
                    extend_lines(text, line.1, rule.next_lines)
                } else {
                    line.1
                };
                let w = &mut scratch.windows[r as usize];
                if w.is_empty() {
                    scratch.touched.push(r);
                }
                match w.last_mut() {
                    Some(last) if line.0 <= last.1 + 1 => last.1 = last.1.max(end),
                    _ => w.push((line.0, end)),
                }
            }
        }
    }

    /// Runs the hit rules' regexes in their windows and vets each candidate secret.
    fn confirm(&self, path: &str, text: &[u8], scratch: &mut Scratch) {
        let Scratch {
            windows,
            touched,
            raws,
            ..
        } = scratch;
        let whole = [(0usize, text.len())];
        for &r in touched.iter().chain(self.always.iter()) {
            let rule = &self.rules[r as usize];
            let applies = rule
                .path
                .as_ref()
                .is_none_or(|p| p.is_match(path.as_bytes()));
            let wins: &[(usize, usize)] = if self.always.contains(&r) && rule.keywords.is_empty() {
                &whole
            } else {
                &windows[r as usize]
            };
            let matcher = if applies { rule.matcher() } else { None };
            if let Some((regex, groups)) = matcher {
                for &(ws, we) in wins {
                    let hay = &text[ws..we];
                    for caps in regex.captures_iter(hay) {
                        let Some((sec, bare)) = groups
                            .secret
                            .iter()
                            .find_map(|&(g, bare)| caps.get(g).map(|m| (m, bare)))
                        else {
                            continue;
                        };
                        if sec.is_empty() || groups.code.is_some_and(|g| caps.get(g).is_some()) {
                            continue;
                        }
                        let whole_m = caps.get(0).map_or(sec, |m| m);
                        let name = groups
                            .name
                            .iter()
                            .find_map(|&g| caps.get(g))
                            .map_or(&b""[..], |m| m.as_bytes());
                        let (s, e) = (ws + sec.start(), ws + sec.end());
                        let matched = &text[ws + whole_m.start()..ws + whole_m.end()];
                        let accepted = self.vet(rule, path, text, s, e, name, bare, matched);
                        raws.push(Raw {
                            rule: r,
                            s,
                            e,
                            accepted,
                            pair: None,
                        });
                    }
                }
            }
            windows[r as usize].clear();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn vet(
        &self,
        rule: &CompiledRule,
        path: &str,
        text: &[u8],
        s: usize,
        e: usize,
        name: &[u8],
        bare: bool,
        matched: &[u8],
    ) -> bool {
        let secret = &text[s..e];
        // A token whose embedded checksum verifies was issued, not typed: it is never a
        // placeholder, however its random part happens to read.
        let verified = match rule.checksum {
            Some(c) if !c.verify(secret) => return false,
            Some(_) => true,
            None => false,
        };
        if rule.placeholder_filter && !verified && filters::is_placeholder(secret) {
            return false;
        }
        if rule
            .entropy
            .is_some_and(|floor| filters::shannon(secret) < floor)
        {
            return false;
        }
        if rule.generic && !filters::generic_value_ok(name, secret, bare) {
            return false;
        }
        let line = line_around(text, s, e);
        !(rule
            .allowlists
            .iter()
            .chain(self.global.iter())
            .any(|a| a.allows(path, secret, matched, line)))
    }

    /// Rules that flag a file by its name alone (gitleaks `path` without `regex`), binary or not.
    fn path_only_findings(&self, path: &str, lines: LineMap<'_>, out: &mut Vec<SecretFinding>) {
        for rule in self.rules.iter().filter(|r| r.path_only) {
            if rule
                .path
                .as_ref()
                .is_some_and(|p| p.is_match(path.as_bytes()))
                && !rule
                    .allowlists
                    .iter()
                    .any(|a| a.allows(path, path.as_bytes(), b"", b""))
            {
                out.push(SecretFinding {
                    rule_id: rule.id.clone(),
                    title: rule.title.clone(),
                    path: path.to_string(),
                    line: lines.line(0),
                    column: 1,
                    end_line: lines.line(0),
                    preview: String::new(),
                    fingerprint: fingerprint(&rule.id, path, path.as_bytes()),
                    entropy: None,
                    spans: Vec::new(),
                });
            }
        }
    }

    fn finish(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<SecretFinding>,
    ) {
        let Scratch {
            raws, lines: index, ..
        } = scratch;
        // Longest span first so contained and generic duplicates can be dropped against it.
        // On equal spans the specific rule listed first wins, so the reported id does not depend on hit order.
        raws.sort_by(|a, b| {
            let g = |r: &Raw| self.rules[r.rule as usize].generic;
            a.s.cmp(&b.s)
                .then(b.e.cmp(&a.e))
                .then(g(a).cmp(&g(b)))
                .then(a.rule.cmp(&b.rule))
        });
        let specific: Vec<(usize, usize)> = raws
            .iter()
            .filter(|r| !self.rules[r.rule as usize].generic)
            .map(|r| (r.s, r.e))
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut kept: Vec<Raw> = Vec::new();
        for r in raws.iter().filter(|r| r.accepted) {
            let generic = self.rules[r.rule as usize].generic;
            if generic && specific.iter().any(|&sp| overlaps(sp, (r.s, r.e))) {
                continue;
            }
            // A secret inside another finding's secret (a token-like run inside a key block) is the same leak.
            if kept
                .iter()
                .any(|k| k.s <= r.s && r.e <= k.e && (k.rule != r.rule || (k.s, k.e) == (r.s, r.e)))
            {
                continue;
            }
            kept.push(*r);
        }
        if kept.is_empty() {
            return;
        }
        index.reset(text);
        let line_of = |pos: usize| index.line_of(pos);
        // Pair companions (an AWS key id and its secret) into one finding.
        let mut consumed = vec![false; kept.len()];
        for i in 0..kept.len() {
            let Some(with) = self.pair_of[kept[i].rule as usize] else {
                continue;
            };
            let within = self.rules[kept[i].rule as usize]
                .pair
                .as_ref()
                .map_or(0, |p| p.within_lines) as usize;
            let li = line_of(kept[i].s);
            let best = (0..kept.len())
                .filter(|&j| j != i && !consumed[j] && kept[j].rule == with)
                .filter(|&j| line_of(kept[j].s).abs_diff(li) <= within)
                .min_by_key(|&j| line_of(kept[j].s).abs_diff(li));
            if let Some(j) = best {
                consumed[j] = true;
                kept[i].pair = Some((kept[j].s, kept[j].e));
            }
        }
        for (i, r) in kept.iter().enumerate() {
            if consumed[i] {
                continue;
            }
            let rule = &self.rules[r.rule as usize];
            let (mut first, mut last) = (r.s, r.e);
            if let Some((ps, pe)) = r.pair {
                first = first.min(ps);
                last = last.max(pe);
            }
            let l0 = line_of(first);
            let l1 = line_of(last.saturating_sub(1).max(first));
            if inline_allowed(text, index, l0) || inline_allowed(text, index, l1) {
                continue;
            }
            let secret = &text[r.s..r.e];
            let line_start = index.span(line_of(r.s)).0;
            let column = text[line_start..r.s]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count() as u32
                + 1;
            let (title, fp) = match r.pair {
                Some((ps, pe)) => {
                    let both = [secret, b"\0", &text[ps..pe]].concat();
                    (
                        rule.pair
                            .as_ref()
                            .map_or_else(|| rule.title.clone(), |p| p.title.clone()),
                        fingerprint(&rule.id, path, &both),
                    )
                }
                None => (rule.title.clone(), fingerprint(&rule.id, path, secret)),
            };
            out.push(SecretFinding {
                rule_id: rule.id.clone(),
                title,
                path: path.to_string(),
                line: lines.line(line_of(r.s)),
                column,
                end_line: lines.line(l1.max(line_of(r.s))),
                preview: redact(secret),
                fingerprint: fp,
                entropy: Some((filters::shannon(secret) * 100.0).round() / 100.0),
                spans: std::iter::once((r.s, r.e)).chain(r.pair).collect(),
            });
        }
    }
}

/// The inline markers, as one keyword index (minified files have megabyte lines: a compiled
/// matcher keeps this check linear).
static MARKERS: LazyLock<Option<KeywordIndex<()>>> = LazyLock::new(|| {
    let mut b = KeywordIndexBuilder::new(Case::Insensitive);
    for m in INLINE_ALLOW {
        b.add(m, ());
    }
    b.build().ok()
});

fn inline_allowed(text: &[u8], index: &LineIndex, line: usize) -> bool {
    let (ls, le) = index.span(line);
    let l = &text[ls..le];
    match &*MARKERS {
        Some(markers) => markers.is_match(l),
        None => INLINE_ALLOW.iter().any(|m| contains_ci(l, m)),
    }
}
