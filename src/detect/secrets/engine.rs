//! The scanning engine: one aho-corasick pass over all keywords, then only the hit rules' regexes, only
//! around the lines where their keywords hit. Produces redacted findings; owns no rule data and no I/O.

use super::filters;
use super::inline;
use super::rules::{AllowList, CompiledRule, Target};
use super::{Hidden, HiddenFinding, SecretFinding, Suppression, fingerprint, redact};
use crate::pattern::{
    Case, KeywordIndex, KeywordIndexBuilder, LineIndex, LineMap, extend_lines, line_span,
};
use aho_corasick::AhoCorasickKind;
use globset::GlobSet;
use std::cell::RefCell;
use std::collections::HashMap;

/// How far past its keyword's line a multi-line rule (a PEM block) may match.
const MULTILINE_SPAN: usize = 64 * 1024;
/// Binary content is not scanned: NUL in the first 8 KiB, as git decides.
const BINARY_PROBE: usize = 8 * 1024;

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
    /// Whether `lines` describes the buffer being scanned (built on its first candidate).
    indexed: bool,
    /// Whether a line-target allowlist (by address) matches a line: asked once per line, not
    /// once per candidate on it.
    line_hits: HashMap<(usize, usize, usize), bool>,
    /// Whether candidates a filter or an allowlist removed are kept (for their spans, or to be
    /// listed by `--show-suppressed`).
    keep_hidden: bool,
    /// Candidates a placeholder filter or an allowlist removed: rule, span, by, reason.
    hidden: Vec<(u32, usize, usize, &'static str, String)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A regex match being vetted: the secret's span, the variable name (generic rules), whether the
/// value was unquoted, and the whole match.
struct Candidate<'t> {
    s: usize,
    e: usize,
    name: &'t [u8],
    bare: bool,
    matched: &'t [u8],
    /// A generic rule's `"NAME", "value"` form whose pair is one stretch of a longer list of
    /// strings (`["V1Secret", "k8s.V1Secret", …]`): neighbours in a list, not a name and its value.
    listed: bool,
}

/// What vetting decided about a candidate.
enum Verdict {
    Accept,
    /// Not a secret (entropy, checksum, a generic value that does not look like one).
    Reject,
    /// A secret shape that a placeholder filter or an allowlist removed: by, reason.
    Hide(&'static str, String),
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
    /// Taken as another candidate's companion.
    consumed: bool,
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

    /// Scans one buffer; false when its path is allowlisted or its content binary (nothing more
    /// is to be looked for in it). An allowlisted path is scanned only when its findings are to
    /// be listed (`Hidden::List`).
    pub fn scan(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
        hidden: Hidden<'_>,
    ) -> bool {
        if self.path_allowed(path) {
            // Scanned only to say what the allowlist hides; nothing found here is reported.
            if let Hidden::List(hidden) = hidden {
                let mut found = Vec::new();
                let mut inner = Vec::new();
                self.scan_body_showing(path, text, lines, &mut found, Hidden::List(&mut inner));
                let reason = if self.allow_globs.is_match(path) {
                    "path matches secrets.allow_paths"
                } else {
                    "path matches a gitleaks allowlist"
                };
                hidden.extend(found.into_iter().map(|f| HiddenFinding {
                    finding: SecretFinding {
                        suppressed: None,
                        ..f
                    },
                    by: "path",
                    reason: reason.to_string(),
                }));
                hidden.extend(inner);
            }
            return false;
        }
        if self.has_path_only {
            self.path_only_findings(path, lines, out);
        }
        self.scan_body_showing(path, text, lines, out, hidden)
    }

    /// The content rules over `text` (a file's, or a value decoded from it); false for binary.
    pub fn scan_body(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
    ) -> bool {
        self.scan_body_showing(path, text, lines, out, Hidden::Drop)
    }

    /// Whether `path` is exempt from secret scanning (`secrets.allow_paths`, a gitleaks path
    /// allowlist): nothing found in it is reported.
    pub fn is_path_allowed(&self, path: &str) -> bool {
        self.path_allowed(path)
    }

    /// `scan_body`, keeping what filters and allowlists removed as `hidden` asks.
    pub fn scan_body_showing(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        out: &mut Vec<SecretFinding>,
        hidden: Hidden<'_>,
    ) -> bool {
        if text[..text.len().min(BINARY_PROBE)].contains(&0) {
            return false;
        }
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let scratch = &mut *guard;
            if scratch.windows.len() < self.rules.len() {
                scratch.windows.resize_with(self.rules.len(), Vec::new);
            }
            scratch.touched.clear();
            scratch.raws.clear();
            scratch.indexed = false;
            scratch.line_hits.clear();
            scratch.hidden.clear();
            scratch.keep_hidden = !matches!(hidden, Hidden::Drop);
            self.prefilter(text, scratch);
            self.confirm(path, text, scratch);
            if scratch.raws.iter().any(|r| r.accepted) {
                self.finish(path, text, lines, scratch, out);
            }
            match hidden {
                Hidden::List(hidden) if !scratch.hidden.is_empty() => {
                    self.finish_hidden(path, text, lines, scratch, hidden);
                }
                // The spans alone: no line, column, preview or fingerprint is worked out.
                Hidden::Spans(spans) => spans.extend(scratch.hidden.drain(..).map(|h| (h.1, h.2))),
                _ => {}
            }
        });
        true
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
            lines,
            indexed,
            line_hits,
            keep_hidden,
            hidden,
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
                        let listed = rule.generic
                            && groups
                                .name
                                .iter()
                                .find_map(|&g| caps.get(g))
                                .is_some_and(|n| {
                                    pair_in_list(text, ws + n.start(), ws + n.end(), s, e)
                                });
                        if !*indexed {
                            lines.reset(text);
                            *indexed = true;
                        }
                        let cand = Candidate {
                            s,
                            e,
                            name,
                            bare,
                            matched,
                            listed,
                        };
                        let accepted = match self.vet(rule, path, text, &cand, lines, line_hits) {
                            Verdict::Accept => true,
                            Verdict::Reject => false,
                            Verdict::Hide(by, reason) => {
                                if *keep_hidden {
                                    hidden.push((r, s, e, by, reason));
                                }
                                false
                            }
                        };
                        raws.push(Raw {
                            rule: r,
                            s,
                            e,
                            accepted,
                            pair: None,
                            consumed: false,
                        });
                    }
                }
            }
            windows[r as usize].clear();
        }
    }

    fn vet(
        &self,
        rule: &CompiledRule,
        path: &str,
        text: &[u8],
        c: &Candidate<'_>,
        lines: &LineIndex,
        line_hits: &mut HashMap<(usize, usize, usize), bool>,
    ) -> Verdict {
        let secret = &text[c.s..c.e];
        // A token whose embedded checksum verifies was issued, not typed: it is never a
        // placeholder, however its random part happens to read.
        let verified = match rule.checksum {
            Some(k) if !k.verify(secret) => return Verdict::Reject,
            Some(_) => true,
            None => false,
        };
        if rule.placeholder_filter
            && !verified
            && let Some(reason) = filters::placeholder_reason(secret)
        {
            return Verdict::Hide("placeholder", reason);
        }
        if rule
            .entropy
            .is_some_and(|floor| filters::shannon(secret) < floor)
        {
            return Verdict::Reject;
        }
        if c.listed || rule.generic && !filters::generic_value_ok(c.name, secret, c.bare) {
            return Verdict::Reject;
        }
        // A coverage badge's `badge.svg?token=…` (Codecov) is public by design.
        if rule.generic && badge_token(&text[..c.s]) {
            return Verdict::Reject;
        }
        // A Bugsnag project key is sent by every client of the project (public by design).
        if rule.generic && filters::bugsnag_project_key(c.name, &text[..c.s]) {
            return Verdict::Reject;
        }
        // The line is found through the index and each line-target allowlist is asked once per
        // line: searching the line per candidate made a long line of tokens quadratic.
        let (l0, l1) = (lines.line_of(c.s), lines.line_of(c.e));
        let allowed = rule.allowlists.iter().chain(self.global.iter()).find(|a| {
            a.allows_lazy(path, secret, c.matched, || {
                let key = (std::ptr::from_ref(*a) as usize, l0, l1);
                *line_hits.entry(key).or_insert_with(|| {
                    // The lines holding the candidate (one, unless a multi-line rule matched).
                    let (ls, le) = (lines.span(l0).0, lines.span(l1).1);
                    debug_assert!(a.target == Target::Line);
                    a.regexes.iter().any(|r| r.is_match(&text[ls..le]))
                })
            })
        });
        match allowed {
            Some(a) => Verdict::Hide("allowlist", a.explain(secret)),
            None => Verdict::Accept,
        }
    }

    /// The hidden candidates as redacted findings, one per span, leaving out those inside (or
    /// equal to) a reported finding's span: that fact is reported already.
    fn finish_hidden(
        &self,
        path: &str,
        text: &[u8],
        lines: LineMap<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<HiddenFinding>,
    ) {
        let Scratch {
            raws,
            lines: index,
            hidden,
            indexed,
            ..
        } = scratch;
        if !*indexed {
            index.reset(text);
            *indexed = true;
        }
        hidden.sort_by_key(|h| (h.1, std::cmp::Reverse(h.2), h.0));
        let mut last: Option<(usize, usize)> = None;
        for (rule, s, e, by, reason) in hidden.drain(..) {
            if last.is_some_and(|(ls, le)| ls <= s && e <= le)
                || raws.iter().any(|r| r.accepted && r.s <= s && e <= r.e)
            {
                continue;
            }
            last = Some((s, e));
            let rule = &self.rules[rule as usize];
            let secret = &text[s..e];
            let line = index.line_of(s);
            let line_start = index.span(line).0;
            let column = text[line_start..s]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count() as u32
                + 1;
            let l1 = index.line_of(e.saturating_sub(1).max(s));
            out.push(HiddenFinding {
                finding: SecretFinding {
                    rule_id: rule.id.clone(),
                    title: rule.title.clone(),
                    path: path.to_string(),
                    line: lines.line(line),
                    column,
                    end_line: lines.line(l1.max(line)),
                    preview: redact(secret),
                    fingerprint: fingerprint(&rule.id, path, secret),
                    entropy: Some((filters::shannon(secret) * 100.0).round() / 100.0),
                    suppressed: None,
                    decoded: None,
                    spans: vec![(s, e)],
                },
                by,
                reason,
            });
        }
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
                    suppressed: None,
                    decoded: None,
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
        // Every step below is linear (or n log n) in the candidates: a megabyte line holds tens
        // of thousands of tokens, and comparing each with every other took minutes.
        // Specific spans in start order with the running maximum of their ends: whether a generic
        // candidate overlaps one is a binary search.
        let mut specific: Vec<(usize, usize)> = Vec::new();
        for r in raws.iter().filter(|r| !self.rules[r.rule as usize].generic) {
            let max_end = specific.last().map_or(0, |&(_, m)| m);
            specific.push((r.s, max_end.max(r.e)));
        }
        let overlaps_specific = |s: usize, e: usize| {
            let n = specific.partition_point(|&(ss, _)| ss < e);
            n > 0 && specific[n - 1].1 > s
        };
        let mut kept: Vec<Raw> = Vec::new();
        // The kept span reaching furthest, and the furthest of another rule: what a later
        // candidate (starting at or after every kept one) can lie inside.
        let mut far: Option<(usize, u32)> = None;
        let mut far_other: Option<usize> = None;
        for r in raws.iter().filter(|r| r.accepted) {
            let generic = self.rules[r.rule as usize].generic;
            if generic && overlaps_specific(r.s, r.e) {
                continue;
            }
            // A secret inside another finding's secret (a token-like run inside a key block) is
            // the same leak, as is the same span found twice.
            let inside_other = match far {
                Some((e, rule)) if rule != r.rule => e >= r.e,
                _ => far_other.is_some_and(|e| e >= r.e),
            };
            let same_span = kept.last().is_some_and(|k| (k.s, k.e) == (r.s, r.e));
            if inside_other || same_span {
                continue;
            }
            far = match far {
                Some((e, rule)) if e >= r.e => {
                    if rule != r.rule {
                        far_other = Some(far_other.map_or(r.e, |o| o.max(r.e)));
                    }
                    Some((e, rule))
                }
                Some((e, rule)) => {
                    if rule != r.rule {
                        far_other = Some(far_other.map_or(e, |o| o.max(e)));
                    }
                    Some((r.e, r.rule))
                }
                None => Some((r.e, r.rule)),
            };
            kept.push(*r);
        }
        if kept.is_empty() {
            return;
        }
        let line_of = |pos: usize| index.line_of(pos);
        let kline: Vec<usize> = kept.iter().map(|k| line_of(k.s)).collect();
        self.pair(&mut kept, &kline);
        let syntax = inline::syntax_of(path);
        // The marker of the last line asked about, and where the column count stands: kept
        // candidates are in start order, so each line is searched and counted once.
        let mut marker_memo: Option<(usize, Option<&'static str>)> = None;
        let mut col = (usize::MAX, 0usize, 0u32);
        for (i, r) in kept.iter().enumerate() {
            if r.consumed {
                continue;
            }
            let rule = &self.rules[r.rule as usize];
            let mut last = r.e;
            if let Some((_, pe)) = r.pair {
                last = last.max(pe);
            }
            let line = kline[i];
            let l1 = line_of(last.saturating_sub(1).max(r.s));
            // Only the marker on the finding's own line counts (for a multi-line secret, the line
            // where it starts): a marker on a PEM block's END line hid the whole key.
            let marker = match marker_memo {
                Some((l, m)) if l == line => m,
                _ => {
                    let (ls, le) = index.span(line);
                    let m = inline::marker_in_comment(&text[ls..le], syntax);
                    marker_memo = Some((line, m));
                    m
                }
            };
            let secret = &text[r.s..r.e];
            let line_start = index.span(line).0;
            let from = if col.0 == line && col.1 <= r.s {
                col.1
            } else {
                col = (line, line_start, 0);
                line_start
            };
            col.2 += text[from..r.s]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count() as u32;
            col.1 = r.s;
            let column = col.2 + 1;
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
                line: lines.line(line),
                column,
                end_line: lines.line(l1.max(line)),
                preview: redact(secret),
                fingerprint: fp,
                entropy: Some((filters::shannon(secret) * 100.0).round() / 100.0),
                suppressed: marker.map(|marker| Suppression {
                    kind: "inSource",
                    marker,
                }),
                decoded: None,
                spans: std::iter::once((r.s, r.e)).chain(r.pair).collect(),
            });
        }
    }

    /// Pairs companions (an AWS key id and its secret) into one finding: each candidate of a
    /// paired rule takes the nearest unconsumed companion within the rule's line distance (the
    /// first on a tie). Companions are bucketed by line, and each bucket hands them out in order,
    /// so this is linear however many candidates share a line.
    fn pair(&self, kept: &mut [Raw], kline: &[usize]) {
        let mut buckets: HashMap<(u32, usize), (Vec<usize>, usize)> = HashMap::new();
        let wanted: Vec<u32> = kept
            .iter()
            .filter_map(|k| self.pair_of[k.rule as usize])
            .collect();
        if wanted.is_empty() {
            return;
        }
        for (j, k) in kept.iter().enumerate() {
            if wanted.contains(&k.rule) {
                buckets.entry((k.rule, kline[j])).or_default().0.push(j);
            }
        }
        for i in 0..kept.len() {
            let Some(with) = self.pair_of[kept[i].rule as usize] else {
                continue;
            };
            let within = self.rules[kept[i].rule as usize]
                .pair
                .as_ref()
                .map_or(0, |p| p.within_lines) as usize;
            let li = kline[i];
            let mut best: Option<usize> = None;
            'search: for d in 0..=within {
                let mut nearest: Option<usize> = None;
                for l in [li.checked_sub(d), (d > 0).then_some(li + d)]
                    .into_iter()
                    .flatten()
                {
                    let Some((list, next)) = buckets.get_mut(&(with, l)) else {
                        continue;
                    };
                    while *next < list.len() && kept[list[*next]].consumed {
                        *next += 1;
                    }
                    let first = list[*next..].iter().copied().find(|&j| j != i);
                    if let Some(j) = first {
                        nearest = Some(nearest.map_or(j, |n| n.min(j)));
                    }
                }
                if nearest.is_some() {
                    best = nearest;
                    break 'search;
                }
            }
            if let Some(j) = best {
                kept[j].consumed = true;
                kept[i].pair = Some((kept[j].s, kept[j].e));
            }
        }
    }
}

/// Whether a generic candidate in the `"NAME", "value"` form (a comma between name and value,
/// no `=` or `:`) sits in a list of strings: another element follows the value (a quoted one,
/// or an ellipsis, on the same line or the next) or a quoted one precedes the name. A call's
/// `("API_TOKEN", "…")` is a pair; a list of signal names whose neighbours happen to be a
/// keyword and an identifier is not.
fn pair_in_list(text: &[u8], name_s: usize, name_e: usize, s: usize, e: usize) -> bool {
    if name_e > s {
        return false;
    }
    let sep = &text[name_e..s];
    if !sep.contains(&b',') || sep.iter().any(|b| matches!(b, b'=' | b':')) {
        return false;
    }
    let quote = |b: u8| matches!(b, b'"' | b'\'' | b'`');
    let blank = |b: u8| matches!(b, b' ' | b'\t');
    // After the value: its closing quote, blanks, a comma, then (past blanks, line breaks and
    // comment leaders) the next element.
    let mut i = e;
    while i < text.len() && (quote(text[i]) || text[i] == b'\\') {
        i += 1;
    }
    while i < text.len() && blank(text[i]) {
        i += 1;
    }
    let follows = text.get(i) == Some(&b',') && {
        let mut j = i + 1;
        let mut breaks = 0;
        while j < text.len() && matches!(text[j], b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'#' | b'*')
        {
            breaks += usize::from(text[j] == b'\n');
            j += 1;
        }
        let rest = &text[j..];
        breaks <= 1
            && (rest.first().is_some_and(|&b| quote(b))
                || rest.starts_with("\u{2026}".as_bytes())
                || rest.starts_with(b"..."))
    };
    // Before the name: its opening quote, blanks, a comma, blanks, a closing quote.
    let mut k = name_s;
    while k > 0 && (quote(text[k - 1]) || text[k - 1] == b'\\') {
        k -= 1;
    }
    while k > 0 && blank(text[k - 1]) {
        k -= 1;
    }
    let precedes = k > 0 && text[k - 1] == b',' && {
        let mut j = k - 1;
        while j > 0 && blank(text[j - 1]) {
            j -= 1;
        }
        j > 0 && quote(text[j - 1])
    };
    follows || precedes
}

/// Whether the text before a value ends a badge image's query (`…/badge.svg?token=`): the token
/// of a coverage badge (Codecov) only lets the image be shown.
fn badge_token(before: &[u8]) -> bool {
    let tail = &before[before.len().saturating_sub(16)..];
    let lower: Vec<u8> = tail.iter().map(u8::to_ascii_lowercase).collect();
    [
        &b".svg?token="[..],
        b".png?token=",
        b".svg?branch=main&token=",
    ]
    .iter()
    .any(|p| lower.ends_with(p))
}

#[cfg(test)]
mod tests {
    use crate::config::secrets::SecretsConfig;
    use crate::detect::secrets::{Scanner, SecretFinding};
    use crate::pattern::LineMap;

    const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// A GitHub token whose CRC32 checksum verifies, built at run time (no token sits in src/).
    fn github_token(seed: u64) -> String {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let random: String = (0..30)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                BASE62[(x % 62) as usize] as char
            })
            .collect();
        let mut n = crc32fast::hash(random.as_bytes());
        let mut enc = [b'0'; 6];
        for slot in enc.iter_mut().rev() {
            *slot = BASE62[(n % 62) as usize];
            n /= 62;
        }
        format!("{}{random}{}", "ghp_", String::from_utf8_lossy(&enc))
    }

    fn scan(path: &str, text: &str) -> Vec<SecretFinding> {
        let s = Scanner::new(&SecretsConfig::default(), &[]).unwrap();
        let mut out = Vec::new();
        s.scan(
            path,
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut out,
        );
        out
    }

    fn pem(begin_suffix: &str, end_suffix: &str) -> String {
        let body = "MIIEowIBAAKCAQEA7r3Q9vKk2m8XyL1pTqWz5nHdJf0sBcU4aYgE6iRtO\nw3Lx9PqZ2VnB7cM5kD1sF8hJ4gT6yU0oI3eR9wQ2aS5dF7gH1jK4lZ8xC6vB3nM\n";
        format!(
            "-----BEGIN RSA PRIVATE {}-----{begin_suffix}\n{body}-----END RSA PRIVATE KEY-----{end_suffix}\n",
            "KEY"
        )
    }

    /// A marker on a PEM block's END line hid the whole key.
    #[test]
    fn a_marker_on_the_end_line_of_a_key_does_not_suppress_it() {
        let found = scan("deploy/key.sh", &pem("", " # gitleaks:allow"));
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.suppressed.is_none()), "{found:?}");
        let found = scan("deploy/key.sh", &pem(" # gitleaks:allow", ""));
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.suppressed.is_some()), "{found:?}");
    }

    /// `NOTE = "see CHARTER:ALLOW docs"` on the line silenced the finding.
    #[test]
    fn a_marker_in_a_string_or_in_another_case_does_not_suppress() {
        let t = github_token(7);
        for line in [
            format!("TOKEN = \"{t}\"; NOTE = \"see CHARTER:ALLOW docs\""),
            format!("TOKEN = \"{t}\"; NOTE = \"see charter:allow docs\""),
            format!("TOKEN = \"{t}\"  # GITLEAKS:ALLOW"),
        ] {
            let found = scan("app/settings.py", &line);
            assert_eq!(found.len(), 1, "{line}: {found:?}");
            assert!(found[0].suppressed.is_none(), "{line}");
        }
        let found = scan(
            "app/settings.py",
            &format!("TOKEN = \"{t}\"  # gitleaks:allow"),
        );
        assert_eq!(found.len(), 1);
        let s = found[0].suppressed.expect("suppressed");
        assert_eq!((s.kind, s.marker), ("inSource", "gitleaks:allow"));
    }

    /// Codecov badge URLs (`badge.svg?token=…`, public by design) were flagged.
    #[test]
    fn a_coverage_badge_token_is_not_a_secret() {
        let url = [
            "https://codecov.io/gh/o/r/branch/main/graph/badge",
            ".svg?token=Wq7LkP2xZa",
        ]
        .concat();
        let found = scan(
            "README.md",
            &format!("[![codecov]({url})](https://codecov.io/gh/o/r)\n"),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Publishable client keys were denied as leaked secrets: a Bugsnag project key in a browser
    /// configuration (generic-api-key, bugsnag-api-key) and PubNub publish and subscribe keys. The
    /// secret halves (a PubNub secret key, a Bugsnag auth token) still are.
    #[test]
    fn publishable_client_keys_are_not_secrets_and_their_secret_halves_are() {
        let hex = "7c1e9a40d25b86f3e04a19c7b5d8e26f";
        let uuid = ["4f0c2a9e", "-7b31-4d5e-a8c6-", "2e9f10b47d53"].concat();
        let public = [
            format!("Bugsnag.start({{ apiKey: '{hex}' }})\n"),
            format!("Bugsnag.start({{\n  appVersion: '1.2.0',\n  apiKey: \"{hex}\",\n}})\n"),
            format!("<script src=\"/bugsnag.min.js\" data-apikey=\"{hex}\"></script>\n"),
            format!("BUGSNAG_API_KEY={hex}\n"),
            format!(
                "const p = new PubNub({{ publishKey: 'pub-c-{uuid}', subscribeKey: 'sub-c-{uuid}' }});\n"
            ),
        ];
        for text in &public {
            let found = scan("web/app.js", text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        let sec = ["Wq7LkP2xZa9Rt4", "Vn8Dc2Fa0MzPq7Ws3Yh6L", "b9Ej2Nu5Kt8Gx"].concat();
        let found = scan(
            "server/pubnub.js",
            &format!("new PubNub({{ subscribeKey: 'sub-c-{uuid}', secretKey: 'sec-c-{sec}' }})\n"),
        );
        let ids: Vec<&str> = found.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(ids, ["pubnub-secret-key"]);
        let found = scan("ops/.env", &format!("BUGSNAG_AUTH_TOKEN={sec}\n"));
        let ids: Vec<&str> = found.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(ids, ["bugsnag-auth-token"]);
    }

    /// A real Stripe key whose random body held `abCdEf` was dropped as a placeholder.
    #[test]
    fn a_stripe_key_holding_abcdef_is_not_a_placeholder() {
        let key = [
            "sk_",
            "live_",
            "51Hq8ZtKp2",
            "abCdEf",
            "Xw7rN0vLmQ3sT9yUe4Gj6Bk1Ro5Vn8Dc2Fa0MzPq7Ws3Yh6Lb9Ej2Nu5Kt8Gx1Cv4Ri0",
        ]
        .concat();
        let found = scan("app/billing.py", &format!("STRIPE_KEY = \"{key}\"\n"));
        assert!(
            found.iter().any(|f| f.rule_id.starts_with("stripe")),
            "{found:?}"
        );
    }

    /// Only the finding on the marker's line is suppressed, not its neighbours.
    #[test]
    fn a_marker_suppresses_only_its_own_line() {
        let (a, b) = (github_token(1), github_token(2));
        let found = scan("a.py", &format!("A = '{a}'  # charter:allow\nB = '{b}'\n"));
        let lines: Vec<(u32, bool)> = found
            .iter()
            .map(|f| (f.line, f.suppressed.is_some()))
            .collect();
        assert_eq!(lines, vec![(1, true), (2, false)]);
    }

    fn tokens_on_one_line(bytes: usize) -> String {
        let mut s = String::with_capacity(bytes + 64);
        let mut i = 0;
        while s.len() < bytes {
            s.push_str(&github_token(i));
            s.push(' ');
            i += 1;
        }
        s
    }

    /// Checksum-valid tokens joined on one line took 1.8 s at 100 KB, 34 s at 400 KB and 224 s
    /// at 1 MB (each candidate searched its whole line). Linear now: 4× the bytes cost about 4×
    /// the time (the bound leaves room for a loaded machine), and a megabyte takes seconds at
    /// most even in a debug build.
    #[test]
    fn checksum_valid_tokens_joined_on_one_line_scan_in_linear_time() {
        let timed = |text: &str| {
            let t = std::time::Instant::now();
            let found = scan("tokens.txt", text);
            (t.elapsed().as_secs_f64(), found.len())
        };
        let small = tokens_on_one_line(100_000);
        let large = tokens_on_one_line(400_000);
        let _ = timed(&small); // compile the rules' regexes outside the measurement
        let (ts, ns) = timed(&small);
        let (tl, nl) = timed(&large);
        assert!(ns > 2000 && nl > 4 * ns - 10, "{ns} {nl}");
        assert!(
            tl < 12.0 * ts.max(0.01),
            "100 KB: {ts:.3} s, 400 KB: {tl:.3} s"
        );
        let (tm, nm) = timed(&tokens_on_one_line(1_000_000));
        assert!(nm > 20_000, "{nm}");
        assert!(tm < 30.0, "1 MB line: {tm:.1} s");
    }
}
