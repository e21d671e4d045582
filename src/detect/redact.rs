//! The one gate user-controlled strings pass before they become facts: file paths, identities, ref
//! names and commit messages are scanned for secrets here, and only their redacted form
//! (`Redacted<T>`, which nothing else can make) may enter the input document. Pure; no I/O.

use crate::detect::secrets::{Scanner, SecretFinding, redact_spans};
use crate::model::Ident;
use crate::pattern::LineMap;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::ops::Deref;

/// A user-controlled value after the secret scan: every secret found in it is replaced by its
/// redacted preview. Made only by a `Redactor` (or derived from another `Redacted` value by `map`),
/// so a field of this type cannot hold a string that skipped the scan.
/// `Default` is the empty value, which holds nothing to redact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    /// A value computed from a redacted one alone (a message's subject, a trimmed path): what it
    /// holds came through the scan already.
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Redacted<U> {
        Redacted(f(&self.0))
    }

    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Redacted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Redacted<String> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A redacted value read back from the hooks' cache (`app::cache`), the one place a `Redacted` is
/// made without a `Redactor`: the cache holds only values this binary redacted itself, serialised
/// from `Redacted` fields, under a key that names this binary and its charter.
pub(crate) fn from_cache<'de, D: Deserializer<'de>>(d: D) -> Result<Redacted<String>, D::Error> {
    String::deserialize(d).map(Redacted)
}

/// `from_cache` for an optional field.
pub(crate) fn from_cache_option<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Redacted<String>>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(Redacted))
}

/// `from_cache` for an optional list.
pub(crate) fn from_cache_versions<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<Redacted<String>>>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.map(|v| v.into_iter().map(Redacted).collect()))
}

impl<T: fmt::Display> fmt::Display for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq<str> for Redacted<String> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// The secrets one analysis found, by value: a value a rule found in one file can stand in
/// another where no rule sees it (`API_SECRET=…` in `.env`, the same value bare in a fixture), and
/// a preview of that other line would show it whole. Every preview of the analysis is masked with
/// them after the per-file scans (`Detectors::analyze`). Values shorter than `MIN_KNOWN` bytes are
/// not masked: short strings recur by chance, and masking them would garble ordinary code.
pub struct KnownSecrets {
    matcher: aho_corasick::AhoCorasick,
    previews: Vec<String>,
}

/// Known secrets shorter than this are not masked elsewhere.
pub const MIN_KNOWN: usize = 8;

impl KnownSecrets {
    /// The masker of `secrets` (raw secret bytes), or `None` when none is long enough to mask.
    pub fn new<'s>(secrets: impl IntoIterator<Item = &'s [u8]>) -> Option<KnownSecrets> {
        let mut values: Vec<&[u8]> = secrets
            .into_iter()
            .filter(|s| s.len() >= MIN_KNOWN)
            .collect();
        values.sort_unstable();
        values.dedup();
        if values.is_empty() {
            return None;
        }
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&values)
            .ok()?;
        let previews = values
            .iter()
            .map(|v| crate::detect::secrets::redact(v))
            .collect();
        Some(KnownSecrets { matcher, previews })
    }

    /// `text` with every known secret in it replaced by that secret's redacted preview.
    pub fn mask(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for m in self.matcher.find_iter(text.as_bytes()) {
            // A secret's bytes need not fall on character boundaries of `text`; widen to them.
            let (mut s, mut e) = (m.start(), m.end());
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e += 1;
            }
            if s < at {
                continue;
            }
            out.push_str(&text[at..s]);
            out.push_str(&self.previews[m.pattern().as_usize()]);
            at = e;
        }
        out.push_str(&text[at..]);
        out
    }

    /// A redacted value masked again with the known secrets (it stays redacted).
    pub fn mask_redacted(&self, text: &Redacted<String>) -> Redacted<String> {
        Redacted(self.mask(&text.0))
    }
}

/// Which user-controlled field a finding came from; its `<…>` name is the finding's path for the
/// fields that are not files (as `<commit message>` always was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Message,
    AuthorName,
    AuthorEmail,
    CommitterName,
    CommitterEmail,
    Branch,
    /// A ref name a push sends (local or remote side).
    Ref,
    /// A file's path (the finding's path is then the redacted path itself, on line 0).
    Path,
    /// An error's text, before it is printed.
    Error,
    /// A preview of scanned content (an insecure finding's or a silenced class signal's line).
    Preview,
    /// A file's text handed to a policy that asks for it (METADATA `custom.needs`).
    Content,
}

impl Field {
    pub fn pseudo_path(self) -> &'static str {
        match self {
            Field::Message => "<commit message>",
            Field::AuthorName => "<author name>",
            Field::AuthorEmail => "<author email>",
            Field::CommitterName => "<committer name>",
            Field::CommitterEmail => "<committer email>",
            Field::Branch => "<branch name>",
            Field::Ref => "<ref name>",
            Field::Path => "<file path>",
            Field::Error => "<error>",
            Field::Preview => "<preview>",
            Field::Content => "<file content>",
        }
    }
}

/// Whose identity an `Ident` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Author,
    Committer,
}

/// Scans user-controlled strings with the session's secret scanner and redacts them by exact
/// byte spans. Every secret is redacted, whatever the baseline or the allowlists say (accepted is
/// not public); which findings are *reported* is the caller's choice.
#[derive(Clone, Copy)]
pub struct Redactor<'a> {
    scanner: &'a Scanner,
}

impl<'a> Redactor<'a> {
    pub fn new(scanner: &'a Scanner) -> Redactor<'a> {
        Redactor { scanner }
    }

    /// `text` as field `field`: its findings are appended to `out` (path `field`'s pseudo-path,
    /// lines of `text`), and its redacted copy returned.
    pub fn text(&self, field: Field, text: &str, out: &mut Vec<SecretFinding>) -> Redacted<String> {
        let (mut found, unreported) = self.scan_field(field, text.as_bytes());
        let mut spans = found.clone();
        spans.extend(unreported);
        let red = redact_spans(text, &spans);
        out.append(&mut found);
        Redacted(red)
    }

    /// `text` scanned as field `field`: its findings, and apart what a path allowlist broad
    /// enough to match the field's pseudo-path (`allow_paths: ["**"]`) hid. Those are redacted
    /// too, never reported: an allowlist stops a finding being reported, not a secret being
    /// redacted. Nothing else a filter or an allowlist hid is kept: no finding is built for it.
    fn scan_field(&self, field: Field, text: &[u8]) -> (Vec<SecretFinding>, Vec<SecretFinding>) {
        let path = field.pseudo_path();
        let lines = LineMap::Contiguous { first: 1 };
        if !self.scanner.path_allowed(path) {
            let mut found = Vec::new();
            self.scanner.scan(path, text, lines, &mut found);
            return (found, Vec::new());
        }
        let mut found = Vec::new();
        let mut hidden = Vec::new();
        self.scanner
            .scan_showing(path, text, lines, &mut found, Some(&mut hidden));
        let unreported = hidden
            .into_iter()
            .filter(|h| h.by == "path")
            .map(|h| h.finding)
            .collect();
        (found, unreported)
    }

    /// A string only redacted (its findings dropped): for values reported elsewhere or not at all
    /// (an old path, a deleted file's path, the work tree's location, an error's text).
    pub fn quiet(&self, field: Field, text: &str) -> Redacted<String> {
        self.text(field, text, &mut Vec::new())
    }

    /// A preview of scanned content (`Field::Preview`): stricter than `quiet`, every candidate is
    /// redacted, those a placeholder filter or an allowlist (paths, regexes, stopwords) drops
    /// too. A preview shows code, never a value that merely passed for a placeholder; its text is
    /// cut from a line, so no path allowlist of the file applies to it either.
    pub fn preview(&self, text: &str) -> Redacted<String> {
        let mut found = Vec::new();
        let mut hidden = Vec::new();
        self.scanner.scan_showing(
            Field::Preview.pseudo_path(),
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut found,
            Some(&mut hidden),
        );
        // A candidate holding `…` is a redacted preview already (`ghp_…(40 chars)`), not a value.
        let redacted_already = |f: &SecretFinding| {
            f.spans
                .iter()
                .any(|&(s, e)| text.get(s..e).is_some_and(|t| t.contains('…')))
        };
        found.extend(
            hidden
                .into_iter()
                .map(|h| h.finding)
                .filter(|f| !redacted_already(f)),
        );
        Redacted(redact_spans(text, &found))
    }

    /// A file's path. Findings, when `out` is given, are located on the path itself: path the
    /// redacted path, line, column and end line 0, fingerprint `rule:<redacted path>:hash` (as a
    /// content finding's, so a baseline can accept it). A path the charter's allowlists exempt
    /// (`secrets.allow_paths`, an imported rule's path allowlist) is redacted but not reported.
    pub fn path(&self, path: &str, out: Option<&mut Vec<SecretFinding>>) -> Redacted<String> {
        let (mut found, mut unreported) = self.scan_field(Field::Path, path.as_bytes());
        // Each component is also scanned as a line of its own, so rules anchored at a line's
        // start (`#define KEY "…"`, `ENV KEY …`) see it as they would in a file. `/` and `\n` are
        // one byte each: the spans hold for the path itself. A finding the whole path already has
        // is not counted twice.
        if path.contains('/') {
            let lines = path.replace('/', "\n");
            let (mut more, more_unreported) = self.scan_field(Field::Path, lines.as_bytes());
            unreported.extend(more_unreported);
            more.retain(|m| {
                !found
                    .iter()
                    .any(|f| f.rule_id == m.rule_id && f.fingerprint == m.fingerprint)
            });
            found.append(&mut more);
        }
        let mut spans = found.clone();
        spans.append(&mut unreported);
        let red = Redacted(redact_spans(path, &spans));
        if let Some(out) = out
            && !found.is_empty()
            && !self.allowlisted(path)
        {
            for mut f in found {
                let hash = f.fingerprint.rsplit(':').next().unwrap_or_default();
                f.fingerprint = format!("{}:{}:{hash}", f.rule_id, red.as_str());
                f.path = red.0.clone();
                (f.line, f.column, f.end_line) = (0, 0, 0);
                f.spans.clear();
                out.push(f);
            }
        }
        red
    }

    /// Whether the scanner's path allowlists exempt `path`: a path scanned as its own content
    /// under its own name finds nothing that scanning it under a neutral name finds. (The
    /// scanner does not expose its allowlist check; the findings of this probe name the raw path
    /// and are dropped here.)
    fn allowlisted(&self, path: &str) -> bool {
        let mut probe = Vec::new();
        let text = format!("{path}\n{}", path.replace('/', "\n"));
        self.scanner.scan(
            path,
            text.as_bytes(),
            LineMap::Contiguous { first: 1 },
            &mut probe,
        );
        probe.is_empty()
    }

    /// An identity: name and e-mail scanned on their own (findings at `<author name>`, …).
    pub fn ident(
        &self,
        role: Role,
        ident: &Ident,
        out: &mut Vec<SecretFinding>,
    ) -> Redacted<Ident> {
        let (name, email) = match role {
            Role::Author => (Field::AuthorName, Field::AuthorEmail),
            Role::Committer => (Field::CommitterName, Field::CommitterEmail),
        };
        Redacted(Ident {
            name: self.text(name, &ident.name, out).0,
            email: self.text(email, &ident.email, out).0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::secrets::SecretsConfig;

    /// Known secrets are masked wherever they stand, longest first, on character boundaries;
    /// short values are not masked (they recur by chance).
    #[test]
    fn known_secrets_mask_every_occurrence() {
        let long = b"k9Zr4Tq7Wm2X".as_slice();
        let longer = b"k9Zr4Tq7Wm2Xab".as_slice();
        let known = KnownSecrets::new([long, longer, b"short".as_slice()]).unwrap();
        assert_eq!(
            known.mask("a k9Zr4Tq7Wm2Xab b k9Zr4Tq7Wm2X short"),
            "a k9Z…(14 chars) b k9Z…(12 chars) short"
        );
        assert_eq!(known.mask("nothing here"), "nothing here");
        // A value that ends inside a multi-byte character masks the whole character.
        let cut = "Zé".as_bytes()[..2].to_vec();
        let known = KnownSecrets::new([[b"abcdefg".as_slice(), &cut].concat().as_slice()]).unwrap();
        let masked = known.mask("xabcdefgZé!");
        assert!(masked.starts_with("x") && masked.ends_with('!') && !masked.contains("abcdefg"));
        assert!(KnownSecrets::new([b"1234567".as_slice()]).is_none());
    }

    fn scanner() -> Scanner {
        Scanner::new(&SecretsConfig::default(), &[]).unwrap()
    }

    /// A valid classic GitHub token, built at run time (no full token in src/).
    fn token() -> String {
        format!("ghp_{}{}", "mPDua3BESypQLw3qAMPG", "xdISdQL3Lr1re7XS")
    }

    #[test]
    fn a_secret_in_a_path_is_redacted_and_reported_on_the_path() {
        let s = scanner();
        let r = Redactor::new(&s);
        let path = format!("config/{}.key", token());
        let mut out = Vec::new();
        let red = r.path(&path, Some(&mut out));
        assert!(!red.contains(&token()[8..]), "{red}");
        assert!(
            red.starts_with("config/ghp_") && red.ends_with(".key"),
            "{red}"
        );
        assert_eq!(out.len(), 1, "{out:?}");
        let f = &out[0];
        assert_eq!((f.path.as_str(), f.line), (red.as_str(), 0));
        assert!(
            f.fingerprint.starts_with(&format!("github-pat:{red}:")),
            "{f:?}"
        );
        assert!(!f.fingerprint.contains(&token()[8..]));
        // Quietly: redacted, nothing reported.
        let mut none = Vec::new();
        assert_eq!(r.path(&path, None), red);
        r.path("src/main.rs", Some(&mut none));
        assert!(none.is_empty());
    }

    #[test]
    fn an_allowlisted_path_is_redacted_but_not_reported() {
        let cfg = SecretsConfig {
            allow_paths: vec![crate::pattern::GlobPattern("fixtures/**".into())],
            ..SecretsConfig::default()
        };
        let s = Scanner::new(&cfg, &[]).unwrap();
        let r = Redactor::new(&s);
        let mut out = Vec::new();
        let red = r.path(&format!("fixtures/{}.txt", token()), Some(&mut out));
        assert!(out.is_empty(), "{out:?}");
        assert!(!red.contains(&token()[8..]), "{red}");
    }

    #[test]
    fn a_preview_redacts_what_filters_and_allowlists_would_drop() {
        let body = "h7Rk2PzQw9LmXv4TnB8sYc3J";
        let cfg = SecretsConfig {
            stopwords: vec!["sandboxonly".into()],
            allow_paths: vec![crate::pattern::GlobPattern("**".into())],
            ..SecretsConfig::default()
        };
        let s = Scanner::new(&cfg, &[]).unwrap();
        let r = Redactor::new(&s);
        let line = format!(
            "requests.get(u, verify=False, auth=\"{}\")  # {}",
            token(),
            "x"
        );
        let red = r.preview(&line);
        assert!(!red.contains(&token()[8..]), "{red}");
        assert!(red.contains("verify=False"), "{red}");
        let stop = format!("API_SECRET = \"{body}sandboxonly\"");
        let red = r.preview(&stop);
        assert!(!red.contains(body), "{red}");
    }

    /// `allow_paths: ["**"]` matched `<commit message>` too: the message kept its secret.
    #[test]
    fn a_path_allowlist_matching_every_path_does_not_unredact_a_message() {
        let cfg = SecretsConfig {
            allow_paths: vec![crate::pattern::GlobPattern("**".into())],
            ..SecretsConfig::default()
        };
        let s = Scanner::new(&cfg, &[]).unwrap();
        let mut out = Vec::new();
        let msg = format!("fix: use {} for the mirror", token());
        let red = Redactor::new(&s).text(Field::Message, &msg, &mut out);
        assert!(!red.contains(&token()[8..]), "{red}");
        assert!(out.is_empty(), "{out:?}");
        let red = Redactor::new(&s).path(&format!("keys/{}.txt", token()), Some(&mut out));
        assert!(!red.contains(&token()[8..]), "{red}");
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn identities_are_scanned_field_by_field() {
        let s = scanner();
        let r = Redactor::new(&s);
        let ident = Ident {
            name: format!("Dev {}", token()),
            email: format!("{}@example.com", token()),
        };
        let mut out = Vec::new();
        let red = r.ident(Role::Committer, &ident, &mut out);
        assert!(!red.to_string().contains(&token()[8..]), "{red}");
        let paths: Vec<&str> = out.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["<committer name>", "<committer email>"]);
    }
}
