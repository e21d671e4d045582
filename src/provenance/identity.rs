//! One name for an AI tool and its model, whichever record or trailer it came from.
//! Pure string normalisation: no I/O, no regex, linear in the input.
//!
//! Three spellings meet here: the kernel's trailer form `AGENT:MODEL` (`Claude:claude-3-opus`),
//! Agent Trace's `model_id` in models.dev's `provider/model` form (`anthropic/claude-opus-4-5`)
//! and git-ai's `agent_id` (`{tool: "claude", model: "claude-sonnet-4-20250514"}`). All three
//! become an [`Identity`] whose [`display`](Identity::display) is `tool:model`.
//!
//! Rules, in order:
//! - Tools are lower-cased, runs of whitespace, `_` and `-` become one `-`, and the result goes
//!   through a small alias table ([`canonical_tool`]): `Claude`, `claude code`, `claude-code` →
//!   `claude-code`; `GitHub Copilot`, `github-copilot` → `copilot`; `gemini` → `gemini-cli`; …
//!   A tool not in the table is kept in that lower-cased, dashed form. No tool at all is
//!   [`UNKNOWN_TOOL`].
//! - Models are lower-cased, whitespace becomes `-`, a `provider/` prefix is split off into
//!   `provider` (with several segments, the one nearest the model names the vendor:
//!   `openrouter/anthropic/claude-x` → `anthropic`), and `unknown`, `none`, `null`, `n/a` and
//!   the empty string mean no model. Claude models have their dots turned into dashes, as
//!   Anthropic never uses dots (`claude-3.5-sonnet` → `claude-3-5-sonnet`); other families keep
//!   them (`gpt-4.1`, `gemini-2.5-pro` are those vendors' own names). Date suffixes stay.
//! - Without a provider prefix the provider comes from the model's family ([`provider_for_model`]):
//!   `claude` → anthropic, `gpt`/`o1`/`o3`/`o4`/`codex` → openai, `gemini`/`gemma` → google, ….
//! - A model id alone ([`Identity::from_model_id`]) says nothing about the tool: its tool is
//!   [`UNKNOWN_TOOL`], never guessed from the provider (Claude models run in Cursor too).

use serde::Serialize;

/// The tool of an identity that names none (a bare model id, an empty `tool`).
pub const UNKNOWN_TOOL: &str = "unknown";

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Identity {
    /// The canonical tool name ([`canonical_tool`]), [`UNKNOWN_TOOL`] when none was given.
    pub tool: String,
    /// The model, normalised, without its provider prefix; `None` when unknown.
    pub model: Option<String>,
    /// The model's vendor: the `provider/` prefix when given, else derived from the family.
    pub provider: Option<String>,
}

impl Identity {
    /// A tool and optionally a model in any of the accepted spellings (`model` may carry a
    /// `provider/` prefix).
    pub fn new(tool: &str, model: Option<&str>) -> Self {
        let (provider, model) = match model {
            Some(m) => normalise_model(m),
            None => (None, None),
        };
        Identity {
            tool: canonical_tool(tool),
            model,
            provider,
        }
    }

    /// A models.dev id (`anthropic/claude-opus-4-5-20251101`, or a bare `gpt-4o`). The tool is
    /// [`UNKNOWN_TOOL`]: a model id does not say which tool ran the model.
    pub fn from_model_id(model_id: &str) -> Self {
        Identity::new(UNKNOWN_TOOL, Some(model_id))
    }

    /// `tool:model`, or `tool` alone when the model is unknown.
    pub fn display(&self) -> String {
        match &self.model {
            Some(m) => format!("{}:{m}", self.tool),
            None => self.tool.clone(),
        }
    }

    /// Whether the identity names a tool (not [`UNKNOWN_TOOL`]).
    pub fn tool_known(&self) -> bool {
        self.tool != UNKNOWN_TOOL
    }

    /// The model without a trailing date-like suffix (`claude-sonnet-4-5-20250929` →
    /// `claude-sonnet-4-5`), see [`same_model`](Self::same_model).
    pub fn model_base(&self) -> Option<&str> {
        self.model.as_deref().map(strip_date_suffix)
    }

    /// Whether both name the same model, a date-like suffix aside: `claude-sonnet-4-5`,
    /// `claude-sonnet-4-5-20250929`, `claude-sonnet-4-5@20250929` and `claude-sonnet-4-5-latest`
    /// are one model; `claude-sonnet-4` and `claude-sonnet-4-5` are not. A suffix is date-like
    /// when it follows a `-` (or `@`) and is `YYYYMMDD` (20xx), `YYYY-MM-DD`, `MMDD` (as in
    /// `gpt-4-0613`) or `latest`. Two different dates of one model count as the same model.
    /// Providers are not compared (one model served by two hosts is one model). False when
    /// either model is unknown.
    pub fn same_model(&self, other: &Identity) -> bool {
        match (self.model_base(), other.model_base()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// Whether both name the same known tool. False when either tool is [`UNKNOWN_TOOL`] (an
    /// unknown tool is no evidence either way: check [`tool_known`](Self::tool_known)).
    pub fn same_tool(&self, other: &Identity) -> bool {
        self.tool_known() && self.tool == other.tool
    }
}

impl std::fmt::Display for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

/// Lower-cased, control characters dropped, runs of whitespace, `_` and `-` as one `-`, no `-`
/// at either end.
fn tool_key(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut dash = false;
    for c in raw.chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            dash = !out.is_empty();
        } else if !c.is_control() {
            if dash {
                out.push('-');
                dash = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The alias table's canonical name for `key` (already in [`tool_key`] form), if it has one.
fn alias(key: &str) -> Option<&'static str> {
    Some(match key {
        "unknown" | "none" | "null" | "n/a" => UNKNOWN_TOOL,
        "claude"
        | "claude-code"
        | "claudecode"
        | "claude-cli"
        | "anthropic-claude"
        | "anthropic-claude-code" => "claude-code",
        "cursor" | "cursor-agent" | "cursor-cli" | "cursor-ai" | "cursor-ide" => "cursor",
        "copilot"
        | "github-copilot"
        | "gh-copilot"
        | "copilot-chat"
        | "github-copilot-chat"
        | "copilot-cli"
        | "github-copilot-cli"
        | "copilot-agent"
        | "github-copilot-agent"
        | "copilot-coding-agent" => "copilot",
        "codex" | "openai-codex" | "codex-cli" | "openai-codex-cli" => "codex",
        "aider" | "aider-chat" => "aider",
        "gemini" | "gemini-cli" | "google-gemini" | "google-gemini-cli" => "gemini-cli",
        "amp" | "ampcode" | "amp-code" | "sourcegraph-amp" => "amp",
        "windsurf" | "codeium" | "windsurf-cascade" => "windsurf",
        "cline" => "cline",
        "opencode" | "open-code" | "sst-opencode" => "opencode",
        "roo" | "roo-code" | "roocode" | "roo-cline" => "roo-code",
        "continue" | "continue-dev" | "continue.dev" | "continue-cli" => "continue",
        "droid" | "factory-droid" | "factory-ai" => "droid",
        "junie" | "jetbrains-junie" => "junie",
        "amazon-q" | "amazon-q-developer" | "q-developer" | "aws-q" => "amazon-q",
        "kilo-code" | "kilocode" => "kilo-code",
        "jules" | "google-jules" => "jules",
        "devin" => "devin",
        "kiro" => "kiro",
        "goose" => "goose",
        "zed" | "zed-ai" => "zed",
        _ => return None,
    })
}

/// The canonical name of a tool: the alias table's entry, else the lower-cased dashed form,
/// [`UNKNOWN_TOOL`] when empty. Idempotent.
pub fn canonical_tool(raw: &str) -> String {
    let key = tool_key(raw);
    if key.is_empty() {
        return UNKNOWN_TOOL.to_owned();
    }
    match alias(&key) {
        Some(name) => name.to_owned(),
        None => key,
    }
}

/// Model families and their vendors, matched as a prefix followed by a non-letter.
const FAMILIES: &[(&str, &str)] = &[
    ("claude", "anthropic"),
    ("gpt", "openai"),
    ("chatgpt", "openai"),
    ("o1", "openai"),
    ("o3", "openai"),
    ("o4", "openai"),
    ("codex", "openai"),
    ("gemini", "google"),
    ("gemma", "google"),
    ("grok", "xai"),
    ("mistral", "mistral"),
    ("mixtral", "mistral"),
    ("codestral", "mistral"),
    ("devstral", "mistral"),
    ("magistral", "mistral"),
    ("ministral", "mistral"),
    ("pixtral", "mistral"),
    ("llama", "meta"),
    ("codellama", "meta"),
    ("deepseek", "deepseek"),
    ("qwen", "alibaba"),
    ("kimi", "moonshotai"),
    ("glm", "zhipuai"),
    ("command", "cohere"),
    ("phi", "microsoft"),
    ("nova", "amazon"),
];

/// Whether `s` starts with `prefix` followed by the end or a non-letter (`gpt-4o`, `gpt4`, `o3`,
/// but not `opus` for `o` nor `phind` for `phi`).
fn has_family_prefix(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// The vendor of a (lower-case, provider-less) model name, from its family.
pub fn provider_for_model(model: &str) -> Option<&'static str> {
    FAMILIES
        .iter()
        .find(|(prefix, _)| has_family_prefix(model, prefix))
        .map(|&(_, provider)| provider)
}

/// Lower-cased, control characters dropped, runs of whitespace as one `-`, trimmed.
fn model_slug(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut dash = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            dash = !out.is_empty();
        } else if !c.is_control() {
            if dash {
                out.push('-');
                dash = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `(provider, model)` from any accepted spelling of a model.
fn normalise_model(raw: &str) -> (Option<String>, Option<String>) {
    let slug = model_slug(raw);
    let mut segments = slug.split('/').filter(|s| !s.is_empty());
    let mut last = segments.next();
    let mut before_last = None;
    for seg in segments {
        before_last = last;
        last = Some(seg);
    }
    let model = match last {
        Some(m) if !matches!(m, "unknown" | "none" | "null" | "n/a" | "-") => m,
        _ => return (None, None),
    };
    let model = if has_family_prefix(model, "claude") {
        model.replace('.', "-")
    } else {
        model.to_owned()
    };
    let provider = match before_last {
        // Google's API spells `models/gemini-…`: a path segment, not a vendor.
        Some(p) if p != "models" => Some(p.to_owned()),
        _ => provider_for_model(&model).map(str::to_owned),
    };
    (provider, Some(model))
}

fn all_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `MMDD` with a plausible month and day.
fn is_month_day(s: &str) -> bool {
    if !all_digits(s, 4) {
        return false;
    }
    let b = s.as_bytes();
    let month = (b[0] - b'0') * 10 + (b[1] - b'0');
    let day = (b[2] - b'0') * 10 + (b[3] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn is_date_like(s: &str) -> bool {
    if s == "latest" {
        return true;
    }
    if !s.is_ascii() {
        return false;
    }
    if all_digits(s, 8) {
        return s.starts_with("20") && is_month_day(&s[4..]);
    }
    if s.len() == 10 {
        let b = s.as_bytes();
        return b[4] == b'-'
            && b[7] == b'-'
            && all_digits(&s[..4], 4)
            && is_month_day(&format!("{}{}", &s[5..7], &s[8..]));
    }
    is_month_day(s)
}

/// `model` without one date-like suffix after a `-` or `@` (see [`Identity::same_model`]).
fn strip_date_suffix(model: &str) -> &str {
    if let Some((base, suffix)) = model.rsplit_once('@')
        && !base.is_empty()
        && is_date_like(suffix)
    {
        return base;
    }
    // `YYYY-MM-DD` spans three dash-separated parts; the other forms one.
    if model.len() > 11 {
        let split = model.len() - 11;
        if model.is_char_boundary(split) && model.as_bytes()[split] == b'-' {
            let (base, suffix) = (&model[..split], &model[split + 1..]);
            if !base.is_empty() && is_date_like(suffix) {
                return base;
            }
        }
    }
    if let Some((base, suffix)) = model.rsplit_once('-')
        && !base.is_empty()
        && is_date_like(suffix)
    {
        return base;
    }
    model
}

/// Words that are a tool's version rather than a model: `v2`, `1.0.3`.
fn is_version_word(w: &str) -> bool {
    let digits = w.strip_prefix(['v', 'V']).unwrap_or(w);
    let starts_digit = digits.starts_with(|c: char| c.is_ascii_digit());
    let dotted = digits.bytes().filter(|&b| b == b'.').count();
    starts_digit
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && (w.len() != digits.len() || dotted >= 2)
}

/// A model phrase made whole for the tool it came with: `Opus 4.5` is a Claude model whatever
/// the tool; `2.5 Pro` after Gemini CLI is `gemini-2.5-pro`, `3.5 Sonnet` after Claude is
/// `claude-3.5-sonnet`.
fn complete_model(tool: &str, phrase: &str) -> String {
    let m = model_slug(phrase);
    let sub_family = ["opus", "sonnet", "haiku"]
        .iter()
        .any(|f| has_family_prefix(&m, f));
    let starts_digit = m.starts_with(|c: char| c.is_ascii_digit());
    match tool {
        _ if sub_family => format!("claude-{m}"),
        "claude-code" if starts_digit => format!("claude-{m}"),
        "gemini-cli" if starts_digit => format!("gemini-{m}"),
        _ => m,
    }
}

/// An identity from a tool phrase (free text, possibly ending in a version) and a model phrase.
fn from_phrases(tool: &str, model: Option<&str>) -> Identity {
    let words: Vec<&str> = tool.split_whitespace().collect();
    let kept: Vec<&str> = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && is_version_word(last) => rest.to_vec(),
        _ => words,
    };
    let tool = canonical_tool(&kept.join(" "));
    let model = model.map(str::trim).filter(|m| !m.is_empty());
    let model = model.map(|m| complete_model(&tool, m));
    Identity::new(&tool, model.as_deref())
}

/// A free phrase: `GitHub Copilot`, `Claude Opus 4.5`, `claude-sonnet-4-5`, `mytool gpt-4o`.
fn parse_phrase(v: &str) -> Option<Identity> {
    let words: Vec<&str> = v.split_whitespace().collect();
    let first = *words.first()?;
    if words.len() == 1 && first.contains('/') {
        return Some(Identity::from_model_id(first));
    }
    // The longest known tool name at the start (up to three words: `Amazon Q Developer`).
    for n in (1..=words.len().min(3)).rev() {
        let key = tool_key(&words[..n].join(" "));
        if let Some(tool) = alias(&key) {
            let mut rest = &words[n..];
            while let Some((w, tail)) = rest.split_first()
                && (matches!(w.to_ascii_lowercase().as_str(), "with" | "using" | "via")
                    || is_version_word(w))
            {
                rest = tail;
            }
            let model = (!rest.is_empty()).then(|| rest.join(" "));
            return Some(from_phrases(tool, model.as_deref()));
        }
    }
    // Otherwise the tool is what comes before the first word that names a model family.
    let at = words
        .iter()
        .position(|w| provider_for_model(&model_slug(w)).is_some());
    Some(match at {
        Some(0) => Identity::from_model_id(&words.join(" ")),
        Some(i) => from_phrases(&words[..i].join(" "), Some(&words[i..].join(" "))),
        None => from_phrases(v, None),
    })
}

/// The identity a disclosure trailer's value names, best effort; `None` when it is empty.
///
/// Accepted forms (the first that fits wins):
/// - anything from the first `<` on is dropped (`Claude <noreply@anthropic.com>`), and so is
///   anything from the first `[` on (the kernel's `[TOOL1] [TOOL2]`);
/// - `TOOL (MODEL)`: `claude-code (claude-opus-4)`, `Claude Code (Opus 4.5, 1M context)`: the
///   model ends at `)`, `,` or `;`;
/// - `AGENT:MODEL [ANALYSIS-TOOLS…]`, the kernel's form: `Claude:claude-3-opus coccinelle
///   sparse`; the model is the first word after the colon (all of the rest when a space follows
///   the colon: `Claude Code: Opus 4.5`);
/// - a single `provider/model` word: a model id, tool unknown;
/// - a phrase: the longest known tool name at its start (`GitHub Copilot`, `Claude Opus 4.5`
///   → `claude-code:claude-opus-4-5`), then its model, if any; a phrase starting with a model
///   family (`claude-sonnet-4-5`, `GPT-4o`) is a model with tool unknown; an unknown tool
///   followed by a model family word (`mytool gpt-4o`) splits there; else the whole phrase is
///   the tool. A trailing tool version (`Claude Code 2.0.14`, `v3`) is dropped.
///
/// In a model, `Opus`, `Sonnet` and `Haiku` get `claude-` in front; after Claude Code a model
/// starting with a digit gets `claude-`, after Gemini CLI `gemini-` (`Gemini 2.5 Pro`).
pub fn parse_disclosure(value: &str) -> Option<Identity> {
    let mut v = value.trim();
    if let Some(i) = v.find('<') {
        v = &v[..i];
    }
    if let Some(i) = v.find('[') {
        v = &v[..i];
    }
    let v = v.trim().trim_end_matches(['.', ',', ';']).trim_end();
    if v.is_empty() {
        return None;
    }
    if let Some(open) = v.find('(') {
        let tool = v[..open].trim();
        let inner = &v[open + 1..];
        let inner = inner.split([')', ',', ';']).next().unwrap_or("").trim();
        if tool.is_empty() {
            return parse_phrase(inner);
        }
        return Some(from_phrases(tool, Some(inner)));
    }
    if let Some((agent, rest)) = v.split_once(':') {
        let model = if rest.starts_with(char::is_whitespace) {
            rest.trim()
        } else {
            rest.split_whitespace().next().unwrap_or("")
        };
        if agent.trim().is_empty() {
            return parse_phrase(model);
        }
        return Some(from_phrases(agent, Some(model)));
    }
    parse_phrase(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(tool: &str, model: Option<&str>, provider: Option<&str>) -> Identity {
        Identity {
            tool: tool.to_owned(),
            model: model.map(str::to_owned),
            provider: provider.map(str::to_owned),
        }
    }

    #[test]
    fn tool_aliases() {
        let cases = [
            ("claude", "claude-code"),
            ("Claude", "claude-code"),
            ("claude code", "claude-code"),
            ("Claude  Code", "claude-code"),
            ("claude_code", "claude-code"),
            ("claude-code", "claude-code"),
            ("cursor", "cursor"),
            ("Cursor-Agent", "cursor"),
            ("copilot", "copilot"),
            ("github-copilot", "copilot"),
            ("GitHub Copilot", "copilot"),
            ("github-copilot-cli", "copilot"),
            ("codex", "codex"),
            ("OpenAI Codex", "codex"),
            ("aider", "aider"),
            ("gemini", "gemini-cli"),
            ("Gemini CLI", "gemini-cli"),
            ("amp", "amp"),
            ("Windsurf", "windsurf"),
            ("cline", "cline"),
            ("opencode", "opencode"),
            ("Roo Code", "roo-code"),
            ("My Internal Bot", "my-internal-bot"),
            ("  ", UNKNOWN_TOOL),
            ("", UNKNOWN_TOOL),
            ("tab\u{7}bell", "tabbell"),
        ];
        for (raw, want) in cases {
            assert_eq!(canonical_tool(raw), want, "{raw:?}");
            assert_eq!(canonical_tool(want), want, "idempotent for {want:?}");
        }
    }

    /// The three forms of one identity, and the neighbours that must stay apart.
    #[test]
    fn normalisation_table() {
        let a = Some("anthropic");
        let o = Some("openai");
        let cases: Vec<(Identity, Identity)> = vec![
            // git-ai's agent_id
            (
                Identity::new("claude", Some("claude-sonnet-4-20250514")),
                id("claude-code", Some("claude-sonnet-4-20250514"), a),
            ),
            (
                Identity::new("cursor", Some("gpt-5")),
                id("cursor", Some("gpt-5"), o),
            ),
            (
                Identity::new("cursor", Some("claude-4.5-opus")),
                id("cursor", Some("claude-4-5-opus"), a),
            ),
            (
                Identity::new("codex", Some("unknown")),
                id("codex", None, None),
            ),
            (
                Identity::new("copilot", Some("")),
                id("copilot", None, None),
            ),
            (
                Identity::new("gemini", Some("gemini-2.5-pro")),
                id("gemini-cli", Some("gemini-2.5-pro"), Some("google")),
            ),
            // Agent Trace's model_id
            (
                Identity::from_model_id("anthropic/claude-opus-4-5-20251101"),
                id(UNKNOWN_TOOL, Some("claude-opus-4-5-20251101"), a),
            ),
            (
                Identity::from_model_id("openai/gpt-4o"),
                id(UNKNOWN_TOOL, Some("gpt-4o"), o),
            ),
            (
                Identity::from_model_id("OpenRouter/Anthropic/Claude-3.5-Sonnet"),
                id(UNKNOWN_TOOL, Some("claude-3-5-sonnet"), a),
            ),
            (
                Identity::from_model_id("models/gemini-1.5-flash"),
                id(UNKNOWN_TOOL, Some("gemini-1.5-flash"), Some("google")),
            ),
            (
                Identity::from_model_id("o3-mini"),
                id(UNKNOWN_TOOL, Some("o3-mini"), o),
            ),
            (
                Identity::from_model_id("mistral/devstral-small"),
                id(UNKNOWN_TOOL, Some("devstral-small"), Some("mistral")),
            ),
            (
                Identity::from_model_id("acme-llm-7"),
                id(UNKNOWN_TOOL, Some("acme-llm-7"), None),
            ),
            // trailers
            (
                parse_disclosure("Claude:claude-3-opus").unwrap(),
                id("claude-code", Some("claude-3-opus"), a),
            ),
            (
                parse_disclosure("claude-code:claude-sonnet-4-5").unwrap(),
                id("claude-code", Some("claude-sonnet-4-5"), a),
            ),
            (
                parse_disclosure("GitHub Copilot:gpt-4o").unwrap(),
                id("copilot", Some("gpt-4o"), o),
            ),
            (
                parse_disclosure("codex:openai/gpt-5-codex").unwrap(),
                id("codex", Some("gpt-5-codex"), o),
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn display() {
        assert_eq!(
            Identity::new("Claude", Some("Claude-Opus-4")).display(),
            "claude-code:claude-opus-4"
        );
        assert_eq!(Identity::new("GitHub Copilot", None).display(), "copilot");
        assert_eq!(
            Identity::from_model_id("openai/gpt-4o").to_string(),
            "unknown:gpt-4o"
        );
    }

    #[test]
    fn same_model_ignores_date_suffixes() {
        let m = Identity::from_model_id;
        let same = [
            ("claude-sonnet-4-5", "anthropic/claude-sonnet-4-5-20250929"),
            ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
            ("claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
            ("claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022"),
            ("gpt-4o", "openai/gpt-4o-2024-08-06"),
            ("gpt-4", "gpt-4-0613"),
            ("gpt-4o-2024-05-13", "gpt-4o-2024-08-06"),
            ("claude-sonnet-4.5", "claude-sonnet-4-5"),
            ("Claude Sonnet 4.5", "claude-sonnet-4-5-20250929"),
        ];
        for (a, b) in same {
            assert!(m(a).same_model(&m(b)), "{a} ~ {b}");
            assert!(m(b).same_model(&m(a)), "{b} ~ {a}");
        }
        let different = [
            ("claude-sonnet-4", "claude-sonnet-4-5"),
            ("claude-sonnet-4", "claude-sonnet-4-5-20250929"),
            ("gpt-4", "gpt-4o"),
            ("gpt-4o", "gpt-4o-mini"),
            ("gemini-1.5-pro", "gemini-1.5-pro-002"),
            ("claude-opus-4", "claude-opus-4-1"),
        ];
        for (a, b) in different {
            assert!(!m(a).same_model(&m(b)), "{a} !~ {b}");
        }
        assert!(!Identity::new("cursor", None).same_model(&Identity::new("cursor", None)));
        // The kernel trailer against an Agent Trace record of the dated model.
        let disclosed = parse_disclosure("Claude:claude-sonnet-4-5").unwrap();
        let recorded = Identity::new("claude-code", Some("anthropic/claude-sonnet-4-5-20250929"));
        assert!(disclosed.same_model(&recorded));
        assert!(disclosed.same_tool(&recorded));
    }

    #[test]
    fn same_tool_needs_a_known_tool() {
        let a = Identity::new("Claude Code", Some("claude-opus-4"));
        assert!(a.same_tool(&Identity::new("claude", None)));
        assert!(!a.same_tool(&Identity::new("cursor", Some("claude-opus-4"))));
        let unknown = Identity::from_model_id("claude-opus-4");
        assert!(!unknown.same_tool(&unknown));
        assert!(!unknown.tool_known());
    }

    #[test]
    fn disclosures() {
        let a = Some("anthropic");
        let cases: Vec<(&str, Option<Identity>)> = vec![
            (
                "Claude:claude-3-opus",
                Some(id("claude-code", Some("claude-3-opus"), a)),
            ),
            (
                "Claude:claude-3-opus coccinelle sparse",
                Some(id("claude-code", Some("claude-3-opus"), a)),
            ),
            (
                "cursor:gpt-4o [tool1] [tool2]",
                Some(id("cursor", Some("gpt-4o"), Some("openai"))),
            ),
            (
                "claude-code (claude-opus-4)",
                Some(id("claude-code", Some("claude-opus-4"), a)),
            ),
            (
                "Claude Code (Opus 4.5, 1M context)",
                Some(id("claude-code", Some("claude-opus-4-5"), a)),
            ),
            ("GitHub Copilot", Some(id("copilot", None, None))),
            ("Cursor", Some(id("cursor", None, None))),
            (
                "Claude Opus 4.5 <noreply@anthropic.com>",
                Some(id("claude-code", Some("claude-opus-4-5"), a)),
            ),
            (
                "Claude <noreply@anthropic.com>",
                Some(id("claude-code", None, None)),
            ),
            (
                "Claude 3.5 Sonnet",
                Some(id("claude-code", Some("claude-3-5-sonnet"), a)),
            ),
            (
                "Gemini 2.5 Pro",
                Some(id("gemini-cli", Some("gemini-2.5-pro"), Some("google"))),
            ),
            ("Claude Code 2.0.14", Some(id("claude-code", None, None))),
            (
                "Claude Code with Sonnet 4.5",
                Some(id("claude-code", Some("claude-sonnet-4-5"), a)),
            ),
            (
                "claude-sonnet-4-5",
                Some(id(UNKNOWN_TOOL, Some("claude-sonnet-4-5"), a)),
            ),
            (
                "anthropic/claude-opus-4-5",
                Some(id(UNKNOWN_TOOL, Some("claude-opus-4-5"), a)),
            ),
            (
                "Claude Code: Opus 4",
                Some(id("claude-code", Some("claude-opus-4"), a)),
            ),
            (
                "acmebot gpt-4.1",
                Some(id("acmebot", Some("gpt-4.1"), Some("openai"))),
            ),
            (
                "Some Internal Tool",
                Some(id("some-internal-tool", None, None)),
            ),
            ("aider:", Some(id("aider", None, None))),
            ("  ", None),
            ("<bot@example.com>", None),
            ("[sparse]", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_disclosure(value), want, "{value:?}");
        }
    }

    #[test]
    fn hostile_disclosures_do_not_panic() {
        for v in [
            "(",
            ")",
            ":",
            "::",
            "(:)",
            "é:ß",
            "a(b",
            "\u{0}:\u{0}",
            "/",
            "//",
            "a/",
            "@",
            "-",
            "v1.0",
            "claude-@",
            "x-2025-13-40",
            "Claude (",
            "((((",
            "ǅ:ǅ",
        ] {
            let _ = parse_disclosure(v);
            let _ = Identity::from_model_id(v);
            let _ = Identity::new(v, Some(v)).model_base();
        }
        let long = "claude ".repeat(50_000);
        assert!(parse_disclosure(&long).is_some());
    }
}
