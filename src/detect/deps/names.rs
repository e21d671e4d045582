//! The offline name check: is an added package name a popular one, one that resembles a popular
//! one (a possible typosquat, or a name an assistant made up next to a real one), or unknown?
//!
//! The lists ship in the binary (`rules/packages/*.txt`, most popular first; how each was derived
//! is in its header and in bench/deps/README.md) and are parsed on first use, so a hook whose
//! change touches no manifest never reads them. A name resembles a listed one when, after the
//! registry's own normalisation, it is one edit away (omission, repetition, transposition,
//! substitution or insertion, against names of five characters or more), differs only in separators or by ASCII
//! homoglyphs (`l`/`1`/`i`, `o`/`0`, `rn`/`m`, `vv`/`w`), reorders its `-`-separated words,
//! adds a digit or a language affix (`-js`, `py-`, …), or (npm) moves a popular name under a
//! look-alike scope. Only the most popular names of a list are targets; every listed name counts
//! as popular.

use super::Ecosystem;
use super::forms::{self, Table, edits_allowed, joined, skeleton, split_scope, words};
use serde::{Deserialize, Serialize};

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
    /// How it resembles it: `one edit`, `separators`, `homoglyph`, `word order`, `affix`,
    /// `scope`.
    pub how: Option<String>,
}

/// A list of popular names, as build.rs wrote it into the binary (`forms::build`).
struct List {
    table: Table<'static>,
}

fn bytes(eco: Ecosystem) -> Option<&'static [u8]> {
    Some(match eco {
        Ecosystem::Npm => include_bytes!(concat!(env!("OUT_DIR"), "/names_npm.bin")),
        Ecosystem::Pypi => include_bytes!(concat!(env!("OUT_DIR"), "/names_pypi.bin")),
        Ecosystem::Cargo => include_bytes!(concat!(env!("OUT_DIR"), "/names_cargo.bin")),
        Ecosystem::Go => include_bytes!(concat!(env!("OUT_DIR"), "/names_go.bin")),
        Ecosystem::Maven => include_bytes!(concat!(env!("OUT_DIR"), "/names_maven.bin")),
        Ecosystem::Rubygems => return None,
    })
}

fn list(eco: Ecosystem) -> Option<List> {
    let table = Table::read(bytes(eco)?)?;
    (!table.is_empty()).then_some(List { table })
}

/// How many names the ecosystem's list holds (0: no list).
pub fn listed(eco: Ecosystem) -> usize {
    list(eco).map_or(0, |l| l.table.len())
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
    if list.table.contains(name) {
        return NameCheck {
            status: Status::Popular,
            resembles: None,
            how: None,
        };
    }
    let found = resemble(eco, name, &list);
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

/// The forms of `name` a target of each kind of resemblance would share.
struct Forms<'n> {
    name: &'n str,
    scope: Option<&'n str>,
    bare: &'n str,
    joined: String,
    skeleton: String,
    words: Vec<&'n str>,
    /// The name without a digit suffix or a language affix (`affix_variants`).
    stripped: Vec<String>,
}

/// Affixes that make a popular name look like a port or a variant of it (combosquatting).
const SUFFIXES: &[&str] = &[
    "-js", ".js", "js", "-py", "py", "-python", "-dev", "-node", "-lib", "-rs", "-go", "-java",
    "-jdk", "-kotlin", "-kt",
];
const PREFIXES: &[&str] = &["py-", "python-", "node-", "js-", "go-"];

/// `s` without a digit suffix (`x2`, `x-3`) or one of the affixes, each way that applies.
fn strip_affixes(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let digits = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() < s.len() && digits.len() >= 3 {
        out.push(digits.trim_end_matches(['-', '_', '.']));
    }
    out.extend(SUFFIXES.iter().filter_map(|x| s.strip_suffix(x)));
    out.extend(PREFIXES.iter().filter_map(|x| s.strip_prefix(x)));
    out.retain(|v| !v.is_empty());
    out
}

/// `name` with an affix stripped from the whole name or from one of its `/`- or `:`-separated
/// segments (an npm scope's package, a Go module path's element, a Maven artifact).
fn affix_variants(name: &str) -> Vec<String> {
    let mut out: Vec<String> = strip_affixes(name)
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut start = 0;
    let bytes = name.as_bytes();
    for end in (0..=name.len()).filter(|&i| i == name.len() || matches!(bytes[i], b'/' | b':')) {
        let segment = &name[start..end];
        if segment.len() < name.len() {
            for v in strip_affixes(segment) {
                out.push(format!("{}{v}{}", &name[..start], &name[end..]));
            }
        }
        start = end + 1;
    }
    out
}

impl<'n> Forms<'n> {
    fn of(name: &'n str) -> Forms<'n> {
        let (scope, bare) = split_scope(name);
        let stripped = affix_variants(name);
        Forms {
            name,
            scope,
            bare,
            joined: joined(name),
            skeleton: skeleton(name),
            words: words(name),
            stripped,
        }
    }

    /// Whether target `t` is close enough in length for the tests past the affix one (a scoped
    /// name or target may differ more: the scope is part of the name).
    fn near(&self, t: &str) -> bool {
        t.len().abs_diff(self.name.len()) <= 3 || t.contains('@') || self.scope.is_some()
    }

    /// How this name resembles target `t`, testing the kinds in a fixed order.
    fn against(&self, eco: Ecosystem, t: &str) -> Option<&'static str> {
        if t.len() < 4 || t == self.name {
            return None;
        }
        if self.stripped.iter().any(|v| v == t) {
            return Some("affix");
        }
        if !self.near(t) {
            return None;
        }
        if self.joined == joined(t) {
            return Some("separators");
        }
        if self.skeleton == skeleton(t) {
            return Some("homoglyph");
        }
        // Words moved across a scope's boundary make another package's name, not a typo.
        if self.words.len() > 1
            && self.scope.is_some() == t.starts_with('@')
            && self.words == words(t)
        {
            return Some("word order");
        }
        // A popular scoped package without its scope (`@org/tool-x` → `tool-x`): a distinctive
        // name only (a separator in it, or ten characters), as `utils` or `core` are many packages.
        if eco == Ecosystem::Npm
            && self.scope.is_none()
            && let (Some(_), tb) = split_scope(t)
            && tb == self.name
            && (tb.contains(['-', '.', '_']) || tb.len() >= 10)
        {
            return Some("scope");
        }
        if eco == Ecosystem::Npm
            && let Some(s) = self.scope
        {
            let (ts, tb) = split_scope(t);
            if ts.is_none()
                && tb == self.bare
                && (s == self.bare
                    || strip_affixes(s).contains(&self.bare)
                    || osa(s.as_bytes(), self.bare.as_bytes(), 1).is_some())
            {
                return Some("scope");
            }
        }
        let max = edits_allowed(t.len());
        if max > 0
            && let Some(d) = osa(self.name.as_bytes(), t.as_bytes(), max)
            && d > 0
            && !same_scope_other_name(self.name, t)
        {
            return Some("one edit");
        }
        None
    }
}

/// The popular name `name` resembles, and how: the most popular target any test matches. The
/// table's forms find every target that shares a form with the name, and the targets one byte
/// longer or shorter or of its length are filtered by distance; `Forms::against` then decides each
/// exactly as a scan of every target in rank order would (`resemble_by_scan`, the tests' oracle).
fn resemble(eco: Ecosystem, name: &str, list: &List) -> Option<(&'static str, &'static str)> {
    let t = &list.table;
    let f = Forms::of(name);
    let mut candidates: Vec<u32> = Vec::new();
    for v in &f.stripped {
        candidates.extend(t.ranks_with(forms::EXACT, v));
    }
    candidates.extend(t.ranks_with(forms::JOINED, &f.joined));
    candidates.extend(t.ranks_with(forms::SKELETON, &f.skeleton));
    if f.words.len() > 1 {
        candidates.extend(t.ranks_with(forms::WORDS, &f.words.join("\0")));
    }
    if eco == Ecosystem::Npm {
        match f.scope {
            Some(_) => candidates.extend(t.ranks_with(forms::EXACT, f.bare)),
            None => candidates.extend(t.ranks_with(forms::SCOPED_BARE, name)),
        }
    }
    // One edit away: a target of the name's length or one byte either side.
    for len in name.len().saturating_sub(1)..=name.len() + 1 {
        if edits_allowed(len) == 0 {
            continue;
        }
        candidates.extend(
            t.ranks_of_len(len)
                .filter(|&r| osa(name.as_bytes(), t.target(r as usize).as_bytes(), 1).is_some()),
        );
    }
    // Tested most popular first, as the scan does.
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().find_map(|i| {
        let target = t.target(i as usize);
        f.against(eco, target).map(|how| (target, how))
    })
}

/// `resemble` by testing every target in rank order: slow (every target, every time), obviously
/// right, and what `resemble` must agree with.
#[cfg(test)]
fn resemble_by_scan(
    eco: Ecosystem,
    name: &str,
    list: &List,
) -> Option<(&'static str, &'static str)> {
    let f = Forms::of(name);
    (0..list.table.targets())
        .map(|i| list.table.target(i))
        .find_map(|t| f.against(eco, t).map(|how| (t, how)))
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

    /// A list of `names` (normalised, unique), all of them targets. The table is leaked: the
    /// `'static` lists are what the product reads.
    fn list_of(names: &[&str]) -> List {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let bytes: &'static [u8] = Box::leak(forms::build(&names, names.len()).into_boxed_slice());
        List {
            table: Table::read(bytes).expect("a table build wrote reads"),
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
        assert_eq!(r("fastpasrer2"), None, "two edits are not one");
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
        assert_eq!(
            r("core-kit"),
            None,
            "words across a scope's boundary are another name"
        );
        let l = list_of(&[
            "@org/tool-chain",
            "example.invalid/team/parser",
            "g.roup:artifact-core",
            "utils-x",
            "@x/utils",
        ]);
        let r = |n: &str| resemble(Ecosystem::Npm, n, &l).map(|(t, h)| (t.to_string(), h));
        assert_eq!(r("tool-chain"), Some(("@org/tool-chain".into(), "scope")));
        assert_eq!(r("utils"), None, "a short bare name is many packages");
        assert_eq!(
            r("@org/node-tool-chain"),
            Some(("@org/tool-chain".into(), "affix"))
        );
        let g = |n: &str| resemble(Ecosystem::Go, n, &l).map(|(t, h)| (t.to_string(), h));
        assert_eq!(
            g("example.invalid/team-go/parser"),
            Some(("example.invalid/team/parser".into(), "affix"))
        );
        assert_eq!(
            g("example.invalid/team/go-parser"),
            Some(("example.invalid/team/parser".into(), "affix"))
        );
        let m = |n: &str| resemble(Ecosystem::Maven, n, &l).map(|(t, h)| (t.to_string(), h));
        assert_eq!(
            m("g.roup:artifact-core-java"),
            Some(("g.roup:artifact-core".into(), "affix"))
        );
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

    /// A small generator: deterministic, no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
    }

    /// A random name of `parts` words over a small alphabet (so that near names are common).
    fn random_name(rng: &mut Rng) -> String {
        let syllables = [
            "ab", "rn", "m", "l1", "o0", "i", "cl", "vv", "x", "-", "_", ".", "js", "py", "2",
        ];
        let n = 2 + rng.next() % 6;
        let mut s: String = (0..n).map(|_| rng.pick(&syllables)).collect();
        if rng.next().is_multiple_of(5) {
            s = format!("@{}/{}", rng.pick(&["ab", "abx", "m"]), s);
        }
        s
    }

    #[test]
    fn the_index_finds_what_a_scan_of_every_target_finds() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..20 {
            let targets: Vec<String> = (0..300).map(|_| random_name(&mut rng)).collect();
            let mut seen = std::collections::HashSet::new();
            let targets: Vec<&str> = targets
                .iter()
                .map(String::as_str)
                .filter(|t| seen.insert(*t))
                .collect();
            let l = list_of(&targets);
            for eco in [Ecosystem::Npm, Ecosystem::Pypi] {
                for _ in 0..300 {
                    let name = random_name(&mut rng);
                    if l.table.contains(&name) {
                        continue;
                    }
                    assert_eq!(
                        resemble(eco, &name, &l),
                        resemble_by_scan(eco, &name, &l),
                        "round {round}, {eco:?}, {name:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_shipped_lists_parse_and_their_own_names_are_popular() {
        for eco in [
            Ecosystem::Npm,
            Ecosystem::Pypi,
            Ecosystem::Cargo,
            Ecosystem::Go,
            Ecosystem::Maven,
        ] {
            let l = list(eco).unwrap_or_else(|| panic!("{eco:?} has a list"));
            assert!(listed(eco) >= 1000, "{eco:?}: {}", listed(eco));
            assert_eq!(
                l.table.targets(),
                TARGETS.min(l.table.len()),
                "build.rs's NAME_TARGETS is TARGETS"
            );
            let top = l.table.target(0);
            assert_eq!(check(eco, top, false).status, Status::Popular);
        }
        assert_eq!(
            check(Ecosystem::Pypi, "requests", false).status,
            Status::Popular
        );
        assert_eq!(
            check(Ecosystem::Npm, "react", false).status,
            Status::Popular
        );
        assert_eq!(
            check(Ecosystem::Cargo, "serde", false).status,
            Status::Popular
        );
    }

    #[test]
    fn a_listed_name_is_popular_and_a_known_one_is_not_flagged() {
        let c = check(Ecosystem::Rubygems, "anything", false);
        assert_eq!(c.status, Status::Unchecked);
    }
}
