//! Secret rules compiled for the engine: from the built-in rule files' specs (`rules::secrets`) and,
//! through `gitleaks`, from a team's gitleaks config. Knows nothing about scanning.

use crate::pattern::{self, LazyRegex, Regex, Syntax};
use crate::rules::RuleError;
use crate::rules::secrets::{Checksum, PairSpec, RuleSpec};

use std::sync::OnceLock;

/// A rule ready to run. Built from a `RuleSpec` or from a gitleaks rule.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub title: String,
    pub origin: String,
    pub keywords: Vec<String>,
    /// Compiled on first use: a hook touches a handful of rules, and compiling all of them costs more than the scan.
    pub regex: LazyRegex,
    /// Derived from the compiled regex on first use (imported rules set them while loading).
    pub groups: OnceLock<Groups>,
    pub entropy: Option<f32>,
    pub checksum: Option<Checksum>,
    /// Suppressions: the built-in `allow`/`stopwords` and imported gitleaks allowlists.
    pub allowlists: Vec<AllowList>,
    pub generic: bool,
    pub multiline: bool,
    pub next_lines: u32,
    pub pair: Option<PairSpec>,
    /// Whether the rule comes from the built-in rule files (which carry examples).
    pub builtin: bool,
    /// gitleaks `path`: the rule only applies to matching paths.
    pub path: Option<Regex>,
    /// gitleaks rules may omit regex and match on the path alone.
    pub path_only: bool,
    /// Built-in rules skip placeholders and degenerate values; imported rules decide for themselves.
    pub placeholder_filter: bool,
}

/// The capture groups of a rule's regex that hold the secret and the variable name.
#[derive(Debug, Clone)]
pub struct Groups {
    /// Candidate secret groups in order of preference; `true` marks an unquoted value.
    pub secret: Vec<(usize, bool)>,
    /// Groups holding the variable name (`name`, `name2`, …), for the generic checks.
    pub name: Vec<usize>,
    /// A group named `code` that, when it takes part, marks the value as an expression (`getToken(`).
    pub code: Option<usize>,
}

impl Groups {
    /// Named groups `secret`, `secret2`, … and `bare` (unquoted) are candidates; without them,
    /// group 1 (or the match).
    pub fn of(regex: &Regex) -> Groups {
        let mut secret = Vec::new();
        let mut name = Vec::new();
        for (i, n) in regex.capture_names().enumerate() {
            match n {
                Some(n) if n.starts_with("secret") => secret.push((i, false)),
                Some(n) if n.starts_with("bare") => secret.push((i, true)),
                Some(n) if n.starts_with("name") => name.push(i),
                _ => {}
            }
        }
        if secret.is_empty() {
            secret.push((if regex.captures_len() > 1 { 1 } else { 0 }, false));
        }
        Groups {
            secret,
            name,
            code: regex.capture_names().position(|n| n == Some("code")),
        }
    }
}

impl CompiledRule {
    /// The compiled regex and its groups; `None` only for a built-in pattern that does not
    /// compile, which `rules check` rules out.
    pub fn matcher(&self) -> Option<(&Regex, &Groups)> {
        let regex = self.regex.get()?;
        Some((regex, self.groups.get_or_init(|| Groups::of(regex))))
    }
}

/// What an allowlist regex is matched against (gitleaks `regexTarget`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Secret,
    Match,
    Line,
}

/// A set of suppressions; with `and`, every non-empty criterion must hold (gitleaks `condition = "AND"`).
#[derive(Debug, Clone)]
pub struct AllowList {
    pub and: bool,
    pub target: Target,
    pub regexes: Vec<Regex>,
    pub paths: Vec<Regex>,
    /// Lowercased; matched case-insensitively against the secret.
    pub stopwords: Vec<String>,
    /// Where the allowlist comes from, for `--show-suppressed`: `the rule's allow list`,
    /// `secrets.allow_regexes`, `the gitleaks config's allowlist`.
    pub origin: &'static str,
}

impl AllowList {
    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty() && self.paths.is_empty() && self.stopwords.is_empty()
    }

    /// Only paths: decidable before scanning a file.
    pub fn paths_only(&self) -> bool {
        !self.paths.is_empty() && self.regexes.is_empty() && self.stopwords.is_empty()
    }

    /// Why this allowlist removed `secret` (called only once it did): the stopword found in it,
    /// else its regexes or paths, named with the allowlist's origin.
    pub fn explain(&self, secret: &[u8]) -> String {
        if let Some(w) = self
            .stopwords
            .iter()
            .find(|w| super::filters::contains_ci(secret, w.as_bytes()))
        {
            return format!("stopword `{w}` ({})", self.origin);
        }
        let what = match (self.regexes.is_empty(), self.paths.is_empty()) {
            (false, true) => "regex",
            (true, false) => "path",
            _ => "regex and path",
        };
        format!("{what} ({})", self.origin)
    }

    pub fn allows(&self, path: &str, secret: &[u8], matched: &[u8], line: &[u8]) -> bool {
        self.allows_lazy(path, secret, matched, || {
            self.regexes.iter().any(|r| r.is_match(line))
        })
    }

    /// `allows`, where `line_hit` answers whether one of the regexes matches the finding's line;
    /// it is asked only for a `Line` target, so the scanner can remember the answer per line
    /// (a megabyte line of tokens must not be searched once per token).
    pub fn allows_lazy(
        &self,
        path: &str,
        secret: &[u8],
        matched: &[u8],
        line_hit: impl FnOnce() -> bool,
    ) -> bool {
        let regex_hit = || match self.target {
            Target::Secret => self.regexes.iter().any(|r| r.is_match(secret)),
            Target::Match => self.regexes.iter().any(|r| r.is_match(matched)),
            Target::Line => line_hit(),
        };
        let checks = [
            (!self.regexes.is_empty()).then(regex_hit),
            (!self.paths.is_empty())
                .then(|| self.paths.iter().any(|r| r.is_match(path.as_bytes()))),
            (!self.stopwords.is_empty()).then(|| {
                self.stopwords
                    .iter()
                    .any(|w| super::filters::contains_ci(secret, w.as_bytes()))
            }),
        ];
        let mut set = checks.iter().flatten().peekable();
        if set.peek().is_none() {
            return false;
        }
        if self.and {
            set.all(|&b| b)
        } else {
            set.any(|&b| b)
        }
    }
}

/// Compiles a user or built-in regex: byte-oriented, ASCII classes (as Go's RE2 has) for speed,
/// Unicode mode for patterns that need it.
pub fn compile_regex(pattern: &str) -> Result<Regex, String> {
    pattern::compile(pattern, Syntax::Catalogue)
}

/// A built-in rule, ready to run (its regex compiled on first use).
pub fn compile(spec: &RuleSpec, origin: &str) -> Result<CompiledRule, RuleError> {
    let err = |message: String| RuleError::Invalid {
        origin: format!("{origin}: rule `{}`", spec.id),
        message,
    };
    let allow = spec
        .allow
        .iter()
        .map(|a| compile_regex(a).map_err(|e| err(format!("invalid allow regex `{a}`: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CompiledRule {
        id: spec.id.clone(),
        title: spec.title.clone(),
        origin: origin.to_string(),
        keywords: spec.keywords.clone(),
        regex: LazyRegex::unchecked(&spec.regex, Syntax::Catalogue),
        groups: OnceLock::new(),
        entropy: spec.entropy,
        checksum: spec.checksum,
        allowlists: vec![AllowList {
            and: false,
            target: Target::Secret,
            regexes: allow,
            paths: Vec::new(),
            stopwords: spec
                .stopwords
                .iter()
                .map(|s| s.to_ascii_lowercase())
                .collect(),
            origin: "the rule's allow list",
        }],
        generic: spec.generic,
        multiline: spec.multiline,
        next_lines: spec.next_lines,
        pair: spec.pair.clone(),
        path: None,
        path_only: false,
        placeholder_filter: true,
        builtin: true,
    })
}
