//! AI-tool evidence in commit messages and identities: a catalogue of signatures as data
//! (rules/ai-signatures.yaml plus the charter's `ai:` section). Pure string matching; no git, no regorus.

use crate::config::ai::{AiConfig, SignatureDef};
use crate::detect::message;
use crate::detect::trailers::Trailer;
use crate::model::{Ident, Strength};
use crate::pattern::{LazyRegex, LiteralFilter, Syntax, match_str};
use crate::rules::check::{Example, Problem, RuleExamples, RuleSet};
use crate::rules::signatures::{SignatureSpec, Where, builtin_catalogue, builtin_specs};
use regex::Regex;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

/// Longest evidence text kept; the rest is cut (policies show it, they do not need all of it).
const MAX_TEXT: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AiEvidence {
    pub signature: String,
    pub tool: String,
    pub strength: Strength,
    #[serde(rename = "where")]
    pub location: Where,
    pub text: String,
    /// The trailer key when the evidence is a `Key: value` line: a trailer git parsed
    /// (`where: trailer`) or a trailer-shaped line elsewhere in the message (`where: message`).
    pub key: Option<String>,
}

#[derive(Debug, Clone)]
struct Signature {
    id: String,
    tool: String,
    strength: Strength,
    applies_to: Vec<Where>,
    pattern: LazyRegex,
    exclude: Vec<LazyRegex>,
    fallback: bool,
}

/// The catalogue, ready to run: built once per run, shared read-only. Building it compiles no
/// regex: a signature's regex is compiled the first time a text holds one of its literals.
#[derive(Debug)]
pub struct Signatures {
    /// The charter's section, for building `sigs` on first use.
    config: AiConfig,
    /// Built on first use when the charter adds no signature (the pre-commit hook never needs
    /// them, and without team entries nothing can fail); built at once otherwise, so a team's
    /// duplicate id is reported when the charter is loaded.
    sigs: OnceLock<Vec<Signature>>,
    /// Over the signatures' patterns, built on the first `detect` (the pre-commit hook never needs it).
    filter: OnceLock<LiteralFilter>,
}

/// A `Key: value` line anywhere in a message (a trailer buried in the body).
static TRAILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:[-*>][ \t]+)?([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*?)[ \t\r]*$")
        .expect("static regex")
});

/// A signature catalogue that cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error(transparent)]
    RuleFile(#[from] crate::rules::RuleError),
    #[error("charter `ai.signatures` `{0}`: signature id `{0}` is already defined")]
    DuplicateId(String),
}

/// `applies_to` is not empty: checked while the charter is parsed (`config::ai`) and, for the
/// catalogue, by `rules::signatures`'s tests.
fn build(spec: &SignatureSpec<String>) -> Signature {
    Signature {
        id: spec.id.clone(),
        tool: spec.tool.clone(),
        strength: spec.strength,
        applies_to: spec.applies_to.clone(),
        // Built-in patterns are pinned by a unit test, a charter's were validated while it was
        // parsed: both are only compiled when a text could match them.
        pattern: LazyRegex::unchecked(&spec.pattern, Syntax::Unicode),
        exclude: spec
            .exclude
            .iter()
            .map(|e| LazyRegex::unchecked(e, Syntax::Unicode))
            .collect(),
        fallback: spec.fallback,
    }
}

/// A charter `ai.signatures` entry in the catalogue's schema.
pub fn team_spec(s: &SignatureDef) -> SignatureSpec<String> {
    SignatureSpec {
        id: s.id.clone(),
        tool: s.tool.clone(),
        strength: s.strength,
        applies_to: s.applies_to.clone(),
        pattern: s.pattern.0.clone(),
        exclude: s.exclude.iter().map(|e| e.0.clone()).collect(),
        fallback: s.fallback,
        description: s.description.clone(),
        examples: s.examples.clone(),
        negative_examples: s.negative_examples.clone(),
    }
}

/// One text a signature can be run on.
struct Context<'a> {
    location: Where,
    text: &'a str,
    key: Option<&'a str>,
}

fn cut(s: &str) -> String {
    let s = s.trim();
    if s.len() <= MAX_TEXT {
        return s.to_string();
    }
    let mut end = MAX_TEXT;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// The tool as named in a value: without an e-mail address, quotes or surrounding blanks.
fn tool_name(raw: &str) -> String {
    let name = raw.split('<').next().unwrap_or(raw);
    cut(name
        .trim()
        .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()))
}

impl Signatures {
    pub fn new(config: &AiConfig) -> Result<Signatures, SignatureError> {
        let sigs = OnceLock::new();
        if !config.signatures.is_empty() {
            let _ = sigs.set(Self::build_all(config)?);
        }
        Ok(Signatures {
            config: config.clone(),
            sigs,
            filter: OnceLock::new(),
        })
    }

    fn sigs(&self) -> &[Signature] {
        self.sigs.get_or_init(|| {
            // Only the embedded catalogue is read here, and a unit test pins that it builds:
            // an error cannot happen in a tested binary, and would detect nothing rather than panic.
            Self::build_all(&self.config).unwrap_or_default()
        })
    }

    fn build_all(config: &AiConfig) -> Result<Vec<Signature>, SignatureError> {
        let mut sigs = Vec::new();
        let mut seen = HashSet::new();
        for spec in builtin_specs()? {
            if config.disable.iter().any(|d| d == &spec.id) {
                continue;
            }
            seen.insert(spec.id.clone());
            sigs.push(build(&spec));
        }
        for s in &config.signatures {
            if !seen.insert(s.id.clone()) {
                return Err(SignatureError::DuplicateId(s.id.clone()));
            }
            sigs.push(build(&team_spec(s)));
        }
        Ok(sigs)
    }

    fn filter(&self) -> &LiteralFilter {
        self.filter.get_or_init(|| {
            let sets: Vec<_> = self
                .sigs()
                .iter()
                .map(|s| s.pattern.required_literal_sets())
                .collect();
            LiteralFilter::all_of(&sets)
        })
    }

    /// Ids of the loaded signatures, in catalogue order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.sigs().iter().map(|s| s.id.as_str())
    }

    /// Evidence of AI tools in a commit: the whole message (not only its trailer block), the
    /// trailers git parsed, and the author and committer identities. Strongest first.
    pub fn detect(
        &self,
        message: &str,
        trailers: &[Trailer],
        author: Option<&Ident>,
        committer: Option<&Ident>,
    ) -> Vec<AiEvidence> {
        let subject = message::subject(message);
        let trailer_texts: Vec<(String, &str)> = trailers
            .iter()
            .map(|t| (format!("{}: {}", t.key, t.value), t.key.as_str()))
            .collect();
        let known: HashSet<&str> = trailer_texts.iter().map(|(s, _)| s.as_str()).collect();
        // Squash merges and hand-edited messages bury trailers mid-body; they count too.
        let mut buried: Vec<(String, String)> = Vec::new();
        let mut buried_seen = HashSet::new();
        for line in message.lines() {
            if let Some(c) = TRAILER_LINE.captures(line) {
                let text = format!("{}: {}", &c[1], &c[2]);
                // The first line of a folded trailer is the trailer itself, not a buried one.
                let folded = trailers
                    .iter()
                    .any(|t| t.key == c[1] && t.value.starts_with(&c[2]));
                if !folded && !known.contains(text.as_str()) && buried_seen.insert(text.clone()) {
                    buried.push((text, c[1].to_string()));
                }
            }
        }
        let author_text = author.map(|a| a.to_string());
        let committer_text = committer.map(|c| c.to_string());

        let mut contexts: Vec<Context<'_>> = Vec::new();
        for line in message.lines() {
            contexts.push(Context {
                location: Where::Message,
                text: line,
                key: None,
            });
        }
        contexts.push(Context {
            location: Where::Subject,
            text: &subject,
            key: None,
        });
        for (text, key) in &trailer_texts {
            contexts.push(Context {
                location: Where::Trailer,
                text,
                key: Some(key),
            });
        }
        let first_buried = contexts.len();
        for (text, key) in &buried {
            contexts.push(Context {
                location: Where::Trailer,
                text,
                key: Some(key),
            });
        }
        if let Some(t) = &author_text {
            contexts.push(Context {
                location: Where::Author,
                text: t,
                key: None,
            });
        }
        if let Some(t) = &committer_text {
            contexts.push(Context {
                location: Where::Committer,
                text: t,
                key: None,
            });
        }

        // Which signatures each context could match at all: most are never compiled.
        let filter = self.filter();
        let possible: Vec<Vec<bool>> = contexts
            .iter()
            .map(|ctx| {
                let mut v = Vec::new();
                filter.candidates_into(ctx.text.as_bytes(), &mut v);
                v
            })
            .collect();

        let mut out: Vec<AiEvidence> = Vec::new();
        let mut hit_contexts = HashSet::new();
        let mut dedup = HashSet::new();
        for pass_fallback in [false, true] {
            for (si, sig) in self.sigs().iter().enumerate() {
                if sig.fallback != pass_fallback {
                    continue;
                }
                for (ci, ctx) in contexts.iter().enumerate() {
                    if !possible[ci][si]
                        || !sig.applies_to.contains(&ctx.location)
                        || (pass_fallback && hit_contexts.contains(&ci))
                    {
                        continue;
                    }
                    let bytes = ctx.text.as_bytes();
                    let Some(caps) = sig.pattern.get().and_then(|re| re.captures(bytes)) else {
                        continue;
                    };
                    if sig.exclude.iter().any(|e| e.is_match(bytes)) {
                        continue;
                    }
                    let text = match (ctx.location, caps.get(0)) {
                        (Where::Message | Where::Subject, Some(whole)) => {
                            cut(&match_str(ctx.text, whole))
                        }
                        _ => cut(ctx.text),
                    };
                    let tool = caps
                        .name("tool")
                        .or_else(|| caps.name("tool2"))
                        .map(|m| tool_name(&match_str(ctx.text, m)))
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| sig.tool.clone());
                    let location = if ci >= first_buried && ctx.location == Where::Trailer {
                        Where::Message
                    } else {
                        ctx.location
                    };
                    // A fallback yields to every signature before it, fallbacks included.
                    hit_contexts.insert(ci);
                    if dedup.insert((sig.id.clone(), text.clone())) {
                        out.push(AiEvidence {
                            signature: sig.id.clone(),
                            tool,
                            strength: sig.strength,
                            location,
                            text,
                            key: ctx.key.map(str::to_string),
                        });
                    }
                }
            }
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.strength));
        out
    }
}

/// Every signature in force (built-in and the charter's) with its examples, for the example
/// checker (`git charter rules check`). Each example is placed everywhere its signature looks: a
/// message line or trailer, the subject, the author or the committer.
pub struct SignatureRuleSet {
    signatures: Signatures,
    specs: Vec<SignatureSpec<String>>,
}

impl SignatureRuleSet {
    pub fn new(config: &AiConfig) -> Result<SignatureRuleSet, SignatureError> {
        let mut specs = builtin_specs()?;
        specs.retain(|s| !config.disable.contains(&s.id));
        specs.extend(config.signatures.iter().map(team_spec));
        Ok(SignatureRuleSet {
            signatures: Signatures::new(config)?,
            specs,
        })
    }

    /// The evidence `example` gives when placed where `spec` looks.
    fn evidence(&self, spec: &SignatureSpec<String>, example: &str) -> Vec<AiEvidence> {
        use crate::detect::trailers::{Mode, TrailerConfig, parse};
        let s = &self.signatures;
        let in_message = |m: &str| {
            s.detect(
                m,
                &parse(m, Mode::Log, &TrailerConfig::default()),
                None,
                None,
            )
        };
        let ident = Ident::parse(example);
        let mut found = Vec::new();
        for w in &spec.applies_to {
            match w {
                Where::Message | Where::Trailer => {
                    found.extend(in_message(&format!(
                        "Subject line\n\nBody line.\n\n{example}\n"
                    )));
                    found.extend(in_message(&format!(
                        "Subject line\n\n{example}\n\nMore prose.\n"
                    )));
                }
                Where::Subject => found.extend(in_message(&format!("{example}\n\nBody.\n"))),
                Where::Author => found.extend(s.detect("Subject\n", &[], ident.as_ref(), None)),
                Where::Committer => found.extend(s.detect("Subject\n", &[], None, ident.as_ref())),
                Where::Agent | Where::Provenance => {}
            }
        }
        found
    }
}

impl RuleSet for SignatureRuleSet {
    fn kind(&self) -> &'static str {
        "signature"
    }

    fn examples(&self) -> Vec<RuleExamples> {
        let ex = |t: &String| Example::new("<commit message>", t);
        self.specs
            .iter()
            .map(|s| RuleExamples {
                id: s.id.clone(),
                examples: s.examples.iter().map(ex).collect(),
                negatives: s.negative_examples.iter().map(ex).collect(),
                needs_examples: true,
            })
            .collect()
    }

    fn passes_prefilter(&self, id: &str, example: &Example) -> bool {
        let Some(i) = self.signatures.sigs().iter().position(|s| s.id == id) else {
            return false;
        };
        let mut possible = Vec::new();
        self.signatures
            .filter()
            .candidates_into(example.text.as_bytes(), &mut possible);
        possible.get(i).copied().unwrap_or(false)
    }

    /// Only `id` is run: its examples are placed where it looks, which other signatures may not
    /// (a catalogue-wide bound on other evidence is what `hard_negatives` give).
    fn reported(&self, id: &str, example: &Example) -> Vec<String> {
        let Some(spec) = self.specs.iter().find(|s| s.id == id) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = self
            .evidence(spec, &example.text)
            .into_iter()
            .map(|e| e.signature)
            .filter(|s| s == id)
            .collect();
        ids.dedup();
        ids
    }

    fn other_problems(&self) -> Vec<Problem> {
        let problem = |rule: &str, message: String| Problem {
            kind: "signature",
            rule: rule.to_string(),
            message,
        };
        let mut problems = Vec::new();
        for s in self.signatures.sigs() {
            for re in std::iter::once(&s.pattern).chain(&s.exclude) {
                if let Err(e) = re.check() {
                    problems.push(problem(
                        &s.id,
                        format!("regex `{}` does not compile: {e}", re.as_str()),
                    ));
                }
            }
        }
        let hard_negatives = builtin_catalogue().map(|c| c.hard_negatives);
        for text in hard_negatives.unwrap_or_default() {
            let s = &self.signatures;
            let ident = Ident::parse(&text);
            let message = format!("Subject line\n\n{text}\n");
            let parsed =
                crate::detect::trailers::parse(&message, Default::default(), &Default::default());
            let mut found = s.detect(&message, &parsed, ident.as_ref(), ident.as_ref());
            found.extend(s.detect(&format!("{text}\n"), &[], None, None));
            if let Some(e) = found.iter().find(|e| e.strength >= Strength::Medium) {
                problems.push(problem(
                    &e.signature,
                    format!("hard negative {text:?} gives {:?} evidence", e.strength),
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::trailers::{self, Mode, TrailerConfig};

    fn sigs() -> Signatures {
        Signatures::new(&AiConfig::default()).expect("built-in catalogue compiles")
    }

    fn run(s: &Signatures, message: &str, author: Option<&str>) -> Vec<AiEvidence> {
        let ts = trailers::parse(message, Mode::Log, &TrailerConfig::default());
        let a = author.and_then(Ident::parse);
        s.detect(message, &ts, a.as_ref(), None)
    }

    #[test]
    fn every_signature_matches_its_examples_and_not_its_negatives() {
        let set = SignatureRuleSet::new(&AiConfig::default()).unwrap();
        let (checked, problems) = crate::rules::check::check(&set);
        assert!(checked.examples > 30, "{checked:?}");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", text.join("\n"));
    }

    /// Building compiles nothing, so a pattern over the size limit would only show as a signature
    /// that never fires: compile them all here.
    #[test]
    fn literal_filter_skips_only_what_cannot_match() {
        let s = sigs();
        let specs = builtin_specs().unwrap();
        let texts: Vec<&str> = specs
            .iter()
            .flat_map(|x| x.examples.iter().chain(&x.negative_examples))
            .map(String::as_str)
            .collect();
        let filter = s.filter();
        let mut possible = Vec::new();
        let mut skipped = 0;
        for t in &texts {
            filter.candidates_into(t.as_bytes(), &mut possible);
            for (si, sig) in s.sigs().iter().enumerate() {
                if !possible[si] {
                    skipped += 1;
                    assert!(
                        !sig.pattern.is_match(t.as_bytes()),
                        "{} skipped on {t:?}",
                        sig.id
                    );
                }
            }
        }
        assert!(
            skipped > texts.len() * s.sigs().len() / 2,
            "the filter skips little: {skipped}"
        );
    }

    #[test]
    fn building_defers_the_catalogue_but_not_team_errors() {
        let s = sigs();
        assert!(s.sigs.get().is_none());
        assert!(s.ids().count() > 20);
        let cfg: AiConfig = yaml_serde::from_str(
            "signatures:\n  - id: claude-bot\n    tool: X\n    strength: weak\n    applies_to: [message]\n    pattern: 'x'\n",
        )
        .unwrap();
        let err = Signatures::new(&cfg).unwrap_err();
        assert!(
            err.to_string().contains("`claude-bot` is already defined"),
            "{err}"
        );
    }

    #[test]
    fn check_examples_reports_a_team_signature_that_misses_its_example() {
        let cfg: AiConfig = yaml_serde::from_str(
            "signatures:\n  - id: acme\n    tool: Acme\n    strength: strong\n    applies_to: [trailer]\n    pattern: '^Acme-Agent:'\n    examples: ['Acme-Bot: 1']\n    negative_examples: ['Acme-Agent: x']\n",
        )
        .unwrap();
        let set = SignatureRuleSet::new(&cfg).unwrap();
        let problems: Vec<String> = crate::rules::check::check(&set)
            .1
            .iter()
            .filter(|p| p.rule == "acme")
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "signature rule `acme`: the prefilter misses example \"Acme-Bot: 1\" at <commit message> (add a keyword it contains)",
                "signature rule `acme`: negative example \"Acme-Agent: x\" at <commit message> is reported by `acme`",
            ]
        );
    }

    #[test]
    fn signature_ids_are_unique() {
        let specs = builtin_specs().unwrap();
        let mut seen = HashSet::new();
        for s in &specs {
            assert!(seen.insert(s.id.clone()), "duplicate id {}", s.id);
        }
    }

    #[test]
    fn hard_negatives_give_no_blocking_evidence() {
        let s = sigs();
        let cases: &[(&str, Option<&str>)] = &[
            (
                "lib: fix cursor leak in the database pool\n\nThe cursor was never closed.\n",
                None,
            ),
            ("Add CLAUDE.md with contributor notes\n", None),
            ("deps: bump openai sdk to 1.50\n", None),
            (
                "Fix typo\n\nReported-by: Jean-Claude Dupont <jc@example.fr>\n",
                None,
            ),
            (
                "curl: fix leak\n\nAssisted-by: Daniel Stenberg\nAssisted-by: Jay Satiro <raysatiro@yahoo.com>\n",
                None,
            ),
            (
                "chore(deps): bump serde\n\nSigned-off-by: dependabot[bot] <support@github.com>\n",
                Some("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"),
            ),
            (
                "Update rust crate tokio to v1.40\n",
                Some("renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"),
            ),
            (
                "Thanks to Claude Paroz for the report\n\nAssisted-by: Claude Paroz <claude@2xlibre.net>\n",
                None,
            ),
            (
                "Fix auth\n\nCo-authored-by: Sam Example <sam@openai.com>\nCo-authored-by: Dario Example <dario@anthropic.com>\n",
                None,
            ),
            ("Fix crash reported by OpenAI's security team\n", None),
            (
                "style: format\n",
                Some("autofix-ci[bot] <114827586+autofix-ci[bot]@users.noreply.github.com>"),
            ),
            (
                "[pre-commit.ci] auto fixes\n",
                Some("pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>"),
            ),
            (
                "Add migration\n\nGenerated by Django 4.2 on 2024-01-01\n",
                None,
            ),
            (
                "Regenerate client\n\nGenerated by openapi-generator 7.0\n",
                None,
            ),
            ("Merge branch 'claude/fix-login' into main\n", None),
            (
                "Add support for Claude 3.5 Sonnet and GPT-4o models\n",
                None,
            ),
            ("Update .github/copilot-instructions.md\n", None),
            ("Bump @anthropic-ai/sdk from 0.20.0 to 0.21.0\n", None),
            ("Original algorithm written by Claude Shannon\n", None),
            ("ci: use gpt-4o model available on GitHub Models\n", None),
            ("Add keyset pagination made with a database cursor\n", None),
        ];
        for (msg, author) in cases {
            let ev = run(&s, msg, *author);
            assert!(
                ev.iter().all(|e| e.strength == Strength::Weak),
                "{msg:?} gave {ev:?}"
            );
        }
    }

    #[test]
    fn buried_co_author_in_squash_merge_is_found() {
        let s = sigs();
        let msg = "Squash of feature (#12)\n\n* first step\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\n* second step\n";
        let ev = run(&s, msg, None);
        let e = ev
            .iter()
            .find(|e| e.strength == Strength::Strong)
            .expect("strong evidence");
        assert_eq!(e.location, Where::Message);
        assert_eq!(e.key.as_deref(), Some("Co-authored-by"));
    }

    #[test]
    fn folded_trailer_is_reported_once_as_a_trailer() {
        let s = sigs();
        let msg = "x\n\nAssisted-by: claude\n  code (opus 4)\nSigned-off-by: A <a@b>\n";
        let ev = run(&s, msg, None);
        assert!(
            !ev.is_empty() && ev.iter().all(|e| e.location == Where::Trailer),
            "{ev:?}"
        );
    }

    #[test]
    fn arbitrary_text_does_not_panic() {
        let s = sigs();
        let pieces = [
            "Co-authored-by: ",
            "Claude",
            " <noreply@anthropic.com>",
            "\n",
            "\r\n",
            "é",
            "🤖",
            "Assisted-by:",
            " ",
            "\t",
            ":",
            "<",
            ">",
            "[bot]",
            "Generated with ",
            "---\n",
            "# ",
            "\u{0}",
            "aider: ",
            "(aider)",
        ];
        let mut x: u64 = 0x1234_5678_9abc_def0;
        for _ in 0..300 {
            let mut m = String::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                m.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            let ident = Ident::parse(&m);
            let _ = run(&s, &m, None);
            let _ = s.detect(&m, &[], ident.as_ref(), ident.as_ref());
            let _ = message::cleanup(&m, "#");
        }
        let long = Ident {
            name: "é".repeat(400) + " (aider)",
            email: "a@example.com".into(),
        };
        let ev = s.detect("x\n", &[], Some(&long), None);
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert!(
            ev[0].text.chars().count() <= MAX_TEXT + 1,
            "{}",
            ev[0].text.len()
        );
    }

    #[test]
    fn team_signature_extends_and_disable_removes() {
        let cfg: AiConfig = yaml_serde::from_str(
            "signatures:\n  - id: acme-bot\n    tool: Acme AI\n    strength: strong\n    applies_to: [author]\n    pattern: 'acme-ai\\[bot\\]'\ndisable: [aider-subject-prefix]\n",
        )
        .unwrap();
        let s = Signatures::new(&cfg).unwrap();
        assert!(s.ids().any(|i| i == "acme-bot"));
        assert!(!s.ids().any(|i| i == "aider-subject-prefix"));
        let ev = run(
            &s,
            "x\n",
            Some("acme-ai[bot] <1+acme-ai[bot]@users.noreply.github.com>"),
        );
        assert_eq!(ev[0].signature, "acme-bot");
    }

    #[test]
    fn bad_team_regex_is_a_parse_error_naming_the_entry() {
        let err = yaml_serde::from_str::<AiConfig>(
            "signatures:\n  - id: x\n    tool: X\n    strength: weak\n    applies_to: [message]\n    pattern: '(unclosed'\n",
        )
        .unwrap_err();
        // The path names the entry; the charter loader adds the file.
        assert!(err.to_string().contains("signatures[0]"), "{err}");
        assert!(
            err.to_string().contains("invalid regex `(unclosed`"),
            "{err}"
        );
    }

    #[test]
    fn tool_comes_from_the_named_group() {
        let s = sigs();
        let ev = run(&s, "x\n\nAssisted-by: Claude Opus 4.6\n", None);
        assert_eq!(ev[0].tool, "Claude Opus 4.6");
        assert_eq!(ev[0].location, Where::Trailer);
    }
}
