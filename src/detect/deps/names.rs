//! The offline name check: is an added package name a popular one, one that resembles a popular
//! one (a possible typosquat, or a name an assistant made up next to a real one), or unknown?
//!
//! The lists ship in the binary (`rules/packages/*.txt`, most popular first; how each was derived
//! is in its header and in bench/deps/README.md) and are parsed on first use, so a hook whose
//! change touches no manifest never reads them. A name resembles a listed one when, after the
//! registry's own normalisation, it is one edit away (omission, repetition, transposition,
//! substitution or insertion; two edits for long names), differs only in separators or by ASCII
//! homoglyphs (`l`/`1`/`i`, `o`/`0`, `rn`/`m`, `vv`/`w`), reorders its `-`-separated words,
//! adds a digit or a language affix (`-js`, `py-`, …), or (npm) moves a popular name under a
//! look-alike scope. Only the most popular names of a list are targets; every listed name counts
//! as popular.

use super::{Ecosystem, normalize};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// How many of a list's most popular names an unknown name is compared with.
pub const TARGETS: usize = 5000;

/// The outcome for one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// On the ecosystem's list of most-used packages.
    Popular,
    /// Not on the list, but the repository depended on it before the change.
    Known,
    /// Not on the list, new to the repository, and resembling a popular package.
    Typosquat,
    /// Not on the list, new to the repository, resembling nothing popular.
    Unknown,
    /// The ecosystem has no list (RubyGems): nothing to compare with.
    Unchecked,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Popular => "popular",
            Status::Known => "known",
            Status::Typosquat => "typosquat",
            Status::Unknown => "unknown",
            Status::Unchecked => "unchecked",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameCheck {
    pub status: Status,
    /// The popular package the name resembles (also set for a known name that resembles one).
    pub resembles: Option<String>,
    /// How it resembles it: `one edit`, `two edits`, `separators`, `homoglyph`, `word order`,
    /// `affix`, `scope`.
    pub how: Option<String>,
}

struct List {
    all: HashSet<String>,
    /// The most popular `TARGETS` names, most popular first.
    targets: Vec<String>,
}

fn text(eco: Ecosystem) -> Option<&'static str> {
    Some(match eco {
        Ecosystem::Npm => include_str!("../../../rules/packages/npm.txt"),
        Ecosystem::Pypi => include_str!("../../../rules/packages/pypi.txt"),
        Ecosystem::Cargo => include_str!("../../../rules/packages/crates.txt"),
        Ecosystem::Go => include_str!("../../../rules/packages/go.txt"),
        Ecosystem::Maven => include_str!("../../../rules/packages/maven.txt"),
        Ecosystem::Rubygems => return None,
    })
}

fn list(eco: Ecosystem) -> Option<&'static List> {
    static LISTS: [OnceLock<Option<List>>; 6] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    LISTS[eco as usize]
        .get_or_init(|| {
            let names: Vec<String> = text(eco)?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| normalize(eco, l))
                .collect();
            if names.is_empty() {
                return None;
            }
            Some(List {
                targets: names.iter().take(TARGETS).cloned().collect(),
                all: names.into_iter().collect(),
            })
        })
        .as_ref()
}

/// How many names the ecosystem's list holds (0: no list).
pub fn listed(eco: Ecosystem) -> usize {
    list(eco).map_or(0, |l| l.all.len())
}

/// Checks `name` (already normalised) of `eco`; `known` says the repository depended on it before.
pub fn check(eco: Ecosystem, name: &str, known: bool) -> NameCheck {
    let Some(list) = list(eco) else {
        return NameCheck {
            status: Status::Unchecked,
            resembles: None,
            how: None,
        };
    };
    if list.all.contains(name) {
        return NameCheck {
            status: Status::Popular,
            resembles: None,
            how: None,
        };
    }
    let found = resemble(eco, name, list);
    let status = match (&found, known) {
        (_, true) => Status::Known,
        (Some(_), false) => Status::Typosquat,
        (None, false) => Status::Unknown,
    };
    let (resembles, how) = match found {
        Some((t, h)) => (Some(t.to_string()), Some(h.to_string())),
        None => (None, None),
    };
    NameCheck {
        status,
        resembles,
        how,
    }
}

fn is_sep(c: char) -> bool {
    matches!(c, '-' | '_' | '.' | '@' | '/' | ':')
}

/// The name without separators.
fn joined(s: &str) -> String {
    s.chars().filter(|c| !is_sep(*c)).collect()
}

/// The name without separators, ASCII homoglyphs folded to one form.
fn skeleton(s: &str) -> String {
    let j = joined(s)
        .replace("rn", "m")
        .replace("vv", "w")
        .replace("cl", "d");
    j.chars()
        .map(|c| match c {
            '1' | 'i' | 'l' | '|' => 'l',
            '0' => 'o',
            '5' => 's',
            _ => c,
        })
        .collect()
}

/// Words of a name, sorted (for reordering).
fn words(s: &str) -> Vec<&str> {
    let mut w: Vec<&str> = s.split(is_sep).filter(|w| !w.is_empty()).collect();
    w.sort_unstable();
    w
}

/// The optimal-string-alignment distance of `a` and `b`, or `None` when it exceeds `max`.
fn osa(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let mut prev2 = vec![0usize; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0usize; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[n] <= max).then_some(prev[n])
}

const SUFFIXES: &[&str] = &[
    "-js", ".js", "js", "-py", "py", "-python", "-dev", "-node", "-lib", "-rs", "-go", "-api",
];
const PREFIXES: &[&str] = &["py-", "python-", "node-", "js-", "go-"];

/// The popular name `name` resembles, and how, trying the most popular targets first.
fn resemble<'l>(eco: Ecosystem, name: &str, list: &'l List) -> Option<(&'l str, &'static str)> {
    let (scope, bare) = split_scope(name);
    let name_joined = joined(name);
    let name_skeleton = skeleton(name);
    let name_words = words(name);
    // Affixes: the name is a popular name plus a digit or a language affix.
    let mut stripped: Vec<&str> = Vec::new();
    let digits = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() < name.len() && digits.len() >= 3 {
        stripped.push(digits.trim_end_matches(['-', '_', '.']));
    }
    for s in SUFFIXES {
        if let Some(b) = name.strip_suffix(s) {
            stripped.push(b);
        }
    }
    for p in PREFIXES {
        if let Some(b) = name.strip_prefix(p) {
            stripped.push(b);
        }
    }
    let edits_allowed = |len: usize| -> usize {
        match len {
            0..=4 => 0,
            5..=9 => 1,
            _ => 2,
        }
    };
    for t in &list.targets {
        let t = t.as_str();
        if t.len() < 4 || t == name {
            continue;
        }
        if stripped.contains(&t) {
            return Some((t, "affix"));
        }
        if t.len().abs_diff(name.len()) > 3 && !t.contains('@') && scope.is_none() {
            continue;
        }
        if name_joined == joined(t) {
            return Some((t, "separators"));
        }
        if name_skeleton == skeleton(t) {
            return Some((t, "homoglyph"));
        }
        if name_words.len() > 1 && name_words == words(t) {
            return Some((t, "word order"));
        }
        // Scope confusion (npm): a popular name under a look-alike scope.
        if eco == Ecosystem::Npm
            && let Some(s) = scope
        {
            let (ts, tb) = split_scope(t);
            if ts.is_none()
                && tb == bare
                && (s == bare || osa(s.as_bytes(), bare.as_bytes(), 1).is_some())
            {
                return Some((t, "scope"));
            }
        }
        let max = edits_allowed(t.len());
        if max > 0
            && let Some(d) = osa(name.as_bytes(), t.as_bytes(), max)
        {
            // A distance measured on a scoped name must change the name, not only the scope's
            // owner (`@myorg/x` and `@myorg/y` are two packages of one owner).
            if d > 0 && !same_scope_other_name(name, t) {
                return Some((t, if d == 1 { "one edit" } else { "two edits" }));
            }
        }
    }
    None
}

fn split_scope(name: &str) -> (Option<&str>, &str) {
    match name.strip_prefix('@').and_then(|r| r.split_once('/')) {
        Some((s, b)) => (Some(s), b),
        None => (None, name),
    }
}

/// Two names of one npm scope whose bare names differ by more than a typo of a short word.
fn same_scope_other_name(a: &str, b: &str) -> bool {
    match (split_scope(a), split_scope(b)) {
        ((Some(sa), ba), (Some(sb), bb)) => sa == sb && ba.len().min(bb.len()) < 4,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_of(names: &[&str]) -> List {
        List {
            all: names.iter().map(|s| s.to_string()).collect(),
            targets: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn distances_are_bounded_and_count_transpositions_once() {
        assert_eq!(osa(b"abcdef", b"abcdef", 2), Some(0));
        assert_eq!(osa(b"abcdef", b"abdcef", 2), Some(1));
        assert_eq!(osa(b"abcdef", b"abcef", 2), Some(1));
        assert_eq!(osa(b"abcdef", b"xbcdey", 1), None);
        assert_eq!(osa(b"abcdef", b"abcdefghij", 2), None);
    }

    #[test]
    fn each_kind_of_resemblance_is_found() {
        let l = list_of(&[
            "fastparser",
            "data-frame",
            "@kit/core",
            "widget",
            "colorize",
        ]);
        let r = |n: &str| resemble(Ecosystem::Npm, n, &l).map(|(t, h)| (t.to_string(), h));
        assert_eq!(r("fastparsr"), Some(("fastparser".into(), "one edit")));
        assert_eq!(r("fsatparser"), Some(("fastparser".into(), "one edit")));
        assert_eq!(r("fastpasrer2"), Some(("fastparser".into(), "two edits")));
        assert_eq!(r("data_frame"), Some(("data-frame".into(), "separators")));
        assert_eq!(r("dataframe"), Some(("data-frame".into(), "separators")));
        assert_eq!(r("frame-data"), Some(("data-frame".into(), "word order")));
        assert_eq!(r("co1orize"), Some(("colorize".into(), "homoglyph")));
        assert_eq!(r("kit-core"), Some(("@kit/core".into(), "separators")));
        assert_eq!(r("widget-js"), Some(("widget".into(), "affix")));
        assert_eq!(r("widget2"), Some(("widget".into(), "affix")));
        assert_eq!(r("node-widget"), Some(("widget".into(), "affix")));
        assert_eq!(r("@widget/widget"), Some(("widget".into(), "scope")));
        assert_eq!(r("completely-different"), None);
        let short = list_of(&["abc", "abcd"]);
        assert_eq!(
            resemble(Ecosystem::Npm, "abce", &short),
            None,
            "short names need an exact twin"
        );
    }

    #[test]
    fn homoglyphs_fold_to_one_form() {
        let l = list_of(&["modernizer"]);
        assert_eq!(
            resemble(Ecosystem::Npm, "rnodernizer", &l).map(|x| x.1),
            Some("homoglyph")
        );
        assert_eq!(skeleton("g00gle"), skeleton("google"));
    }

    #[test]
    fn a_listed_name_is_popular_and_a_known_one_is_not_flagged() {
        let c = check(Ecosystem::Rubygems, "anything", false);
        assert_eq!(c.status, Status::Unchecked);
    }
}
