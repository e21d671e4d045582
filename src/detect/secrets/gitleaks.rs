//! Compiles gitleaks / betterleaks TOML configs (schema in `rules::gitleaks`): `[[rules]]`, per-rule
//! and global allowlists, `[extend]`. Translates into `CompiledRule`s; an untranslatable regex is an error naming the config and the rule id.

use super::rules::{AllowList, CompiledRule, Groups, Target, compile_regex};
use crate::pattern::{LazyRegex, Regex, Syntax};
use crate::rules::RuleError;
use crate::rules::gitleaks::Allow;

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
    let cfg = crate::rules::gitleaks::parse(origin, text)?;
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
    let never = crate::pattern::compile("^$", Syntax::Ascii).expect("literal");
    for r in &cfg.rules {
        let here = format!("{origin}: rule `{}`", r.id);
        let path = r
            .path
            .as_deref()
            .map(|p| {
                go_regex(p)
                    .map_err(|e| invalid(here.clone(), format!("path regex not translatable: {e}")))
            })
            .transpose()?;
        let (regex, path_only) = match (&r.regex, &path) {
            (Some(re), _) => (
                go_regex(re)
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
            regex: LazyRegex::compiled(
                r.regex.as_deref().unwrap_or("^$"),
                regex,
                Syntax::Catalogue,
            ),
            groups: std::sync::OnceLock::from(Groups {
                secret: groups,
                name: Vec::new(),
                code: None,
            }),
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
            builtin: false,
        });
    }
    Ok(out)
}

/// Go's RE2 syntax as Rust's regex reads it: a `{` that does not start a repetition is a literal in Go
/// (`^\${[A-Z_]+}$`, `{{ .Values.x }}`) but an error in Rust; `\Q…\E` quoting does not exist in Rust.
pub fn translate_go(pattern: &str) -> String {
    let b = pattern.as_bytes();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' if i + 1 < b.len() && b[i + 1] == b'Q' => {
                let rest = &pattern[i + 2..];
                let end = rest.find("\\E").unwrap_or(rest.len());
                out.push_str(&regex::escape(&rest[..end]));
                i += 2 + end + if end < rest.len() { 2 } else { 0 };
                continue;
            }
            // `\p{Greek}`, `\P{L}`, `\x{1F600}`: the braces belong to the escape, not a literal.
            b'\\'
                if matches!(b.get(i + 1), Some(b'p' | b'P' | b'x'))
                    && b.get(i + 2) == Some(&b'{') =>
            {
                let end = pattern[i..].find('}').map_or(b.len(), |e| i + e + 1);
                out.push_str(&pattern[i..end]);
                i = end;
                continue;
            }
            b'\\' => {
                let n = pattern[i + 1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&pattern[i..i + 1 + n]);
                i += 1 + n;
                continue;
            }
            b'[' if !in_class => {
                in_class = true;
                out.push('[');
                i += 1;
                // A `]` right after `[` or `[^` is a literal member, not the end of the class.
                if i < b.len() && b[i] == b'^' {
                    out.push('^');
                    i += 1;
                }
                if i < b.len() && b[i] == b']' {
                    out.push_str("\\]");
                    i += 1;
                }
                continue;
            }
            b'[' if in_class && b.get(i + 1) == Some(&b':') => {
                // POSIX class `[:alpha:]` inside a bracket expression.
                let end = pattern[i..].find(":]").map_or(b.len(), |e| i + e + 2);
                out.push_str(&pattern[i..end]);
                i = end;
                continue;
            }
            b']' if in_class => in_class = false,
            b'{' if !in_class && !starts_repetition(&b[i..]) => {
                out.push_str("\\{");
                i += 1;
                continue;
            }
            _ => {}
        }
        let n = pattern[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&pattern[i..i + n]);
        i += n;
    }
    out
}

/// `{n}`, `{n,}` or `{n,m}`.
fn starts_repetition(s: &[u8]) -> bool {
    let mut i = 1;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if i < s.len() && s[i] == b',' {
        i += 1;
        digits(&mut i);
    }
    i < s.len() && s[i] == b'}'
}

fn go_regex(p: &str) -> Result<Regex, String> {
    compile_regex(&translate_go(p))
}

fn allowlist(a: &Allow, here: &str) -> Result<AllowList, RuleError> {
    let compile = |p: &String| {
        go_regex(p).map_err(|e| RuleError::Invalid {
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
        origin: "the gitleaks config's allowlist",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The import rewrote `\p{L}` and `\x{..}` into `\p\{L}`, an invalid pattern.
    #[test]
    fn unicode_classes_and_hex_escapes_keep_their_braces() {
        for p in [
            r"\p{L}+",
            r"\P{Greek}",
            r"[\p{Lu}\d]{4}",
            r"\x{41}\x{1F600}",
            r"\pL{2}",
        ] {
            let t = translate_go(p);
            assert_eq!(t, p);
            assert!(compile_regex(&t).is_ok(), "{p} -> {t}");
        }
        assert_eq!(translate_go(r"\p{L}{x}"), r"\p{L}\{x}");
    }

    #[test]
    fn go_literal_braces_and_quoting_translate() {
        for (go, hay, want) in [
            (r"^\$(?:\d+|{\d+})$", "${12}", true),
            (r"^\${(?:[A-Z_]+|[a-z_]+)}$", "${API_KEY}", true),
            (r#"['"]?\$?{{[^}]+}}['"]?"#, "{{ .Values.token }}", true),
            (r"^\{\d{0,2}}$", "{7}", true),
            (r"[^:]+:\[[^]]+]", "user:[redacted]", true),
            (r"\Qa.b{c}\E+", "a.b{c}}", true),
            (r"x{2,3}", "xx", true),
            (r"x{2,3}", "x{2,3}", false),
        ] {
            let re = go_regex(go).unwrap_or_else(|e| panic!("{go}: {e}"));
            assert_eq!(re.is_match(hay.as_bytes()), want, "{go} on {hay}");
        }
    }
}
