//! Imports gitleaks / betterleaks TOML configs: `[[rules]]`, per-rule and global allowlists, `[extend]`.
//! Translates into `CompiledRule`s; an untranslatable regex is an error naming the config and the rule id.

use super::RuleError;
use super::rules::{AllowList, CompiledRule, LazyRegex, Matcher, Target, compile_regex};
use regex::bytes::Regex;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Config {
    #[serde(default)]
    extend: Option<Extend>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    allowlist: Option<Allow>,
    #[serde(default)]
    allowlists: Vec<Allow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Extend {
    use_default: Option<bool>,
    path: Option<String>,
    url: Option<String>,
    #[serde(default)]
    disabled_rules: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    secret_group: Option<usize>,
    #[serde(default)]
    entropy: Option<f64>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    allowlist: Option<Allow>,
    #[serde(default)]
    allowlists: Vec<Allow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Allow {
    #[serde(default)]
    condition: Option<String>,
    #[serde(default)]
    regex_target: Option<String>,
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
}

/// What one imported config contributes.
#[derive(Debug, Default)]
pub struct Imported {
    pub rules: Vec<CompiledRule>,
    pub global: Vec<AllowList>,
    /// `[extend] useDefault = false`: drop the built-in rules.
    pub replace_builtins: bool,
    /// `[extend] disabledRules`.
    pub disabled: Vec<String>,
}

pub fn import(origin: &str, text: &str) -> Result<Imported, RuleError> {
    let invalid = |origin: String, message: String| RuleError::Invalid { origin, message };
    let cfg: Config =
        toml::from_str(text).map_err(|e| invalid(origin.to_string(), e.to_string()))?;
    let mut out = Imported::default();
    if let Some(ext) = &cfg.extend {
        if ext.path.is_some() || ext.url.is_some() {
            return Err(invalid(
                origin.to_string(),
                "[extend] path/url is not supported: list the extended config as its own gitleaks config".into(),
            ));
        }
        out.replace_builtins = ext.use_default == Some(false);
        out.disabled = ext.disabled_rules.clone();
    }
    for a in cfg.allowlist.iter().chain(cfg.allowlists.iter()) {
        out.global
            .push(allowlist(a, &format!("{origin}: [allowlist]"))?);
    }
    // Path-only rules never match content; one shared never-matching regex stands in for theirs.
    let never = Regex::new("^$").expect("literal");
    for r in &cfg.rules {
        let here = format!("{origin}: rule `{}`", r.id);
        let path = r
            .path
            .as_deref()
            .map(|p| {
                compile_regex(p)
                    .map_err(|e| invalid(here.clone(), format!("path regex not translatable: {e}")))
            })
            .transpose()?;
        let (regex, path_only) = match (&r.regex, &path) {
            (Some(re), _) => (
                compile_regex(re)
                    .map_err(|e| invalid(here.clone(), format!("regex not translatable: {e}")))?,
                false,
            ),
            (None, Some(_)) => (never.clone(), true),
            (None, None) => return Err(invalid(here, "a rule needs `regex` or `path`".into())),
        };
        let groups = match r.secret_group {
            Some(g) if g >= regex.captures_len() => {
                return Err(invalid(
                    here,
                    format!("secretGroup {g} does not exist in the regex"),
                ));
            }
            Some(g) => vec![(g, false)],
            // gitleaks takes group 1 only when the regex has exactly one group.
            None => vec![(if regex.captures_len() == 2 { 1 } else { 0 }, false)],
        };
        let mut allowlists = Vec::new();
        for a in r.allowlist.iter().chain(r.allowlists.iter()) {
            allowlists.push(allowlist(a, &here)?);
        }
        out.rules.push(CompiledRule {
            id: r.id.clone(),
            title: r.description.clone().unwrap_or_else(|| r.id.clone()),
            origin: origin.to_string(),
            keywords: r
                .keywords
                .iter()
                .filter(|k| !k.is_empty())
                .cloned()
                .collect(),
            regex: LazyRegex::ready(
                r.regex.as_deref().unwrap_or("^$"),
                Matcher {
                    regex,
                    secret_groups: groups,
                    name_groups: Vec::new(),
                },
            ),
            entropy: r.entropy.map(|e| e as f32),
            checksum: None,
            allowlists,
            generic: false,
            multiline: true,
            next_lines: 0,
            pair: None,
            path,
            path_only,
            placeholder_filter: false,
            references: Vec::new(),
        });
    }
    Ok(out)
}

fn allowlist(a: &Allow, here: &str) -> Result<AllowList, RuleError> {
    let compile = |p: &String| {
        compile_regex(p).map_err(|e| RuleError::Invalid {
            origin: here.to_string(),
            message: format!("allowlist regex `{p}` not translatable: {e}"),
        })
    };
    let target = match a.regex_target.as_deref() {
        None | Some("secret") => Target::Secret,
        Some("match") => Target::Match,
        Some("line") => Target::Line,
        Some(other) => {
            return Err(RuleError::Invalid {
                origin: here.to_string(),
                message: format!("unknown regexTarget `{other}` (secret, match or line)"),
            });
        }
    };
    Ok(AllowList {
        and: a
            .condition
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case("and")),
        target,
        regexes: a.regexes.iter().map(compile).collect::<Result<_, _>>()?,
        paths: a.paths.iter().map(compile).collect::<Result<_, _>>()?,
        stopwords: a.stopwords.iter().map(|s| s.to_ascii_lowercase()).collect(),
    })
}
