//! Parsers for dependency manifests and lockfiles: what each declares, nothing judged.
//!
//! Structured formats go through well-kept parsers (`toml`, `serde_json`, `yaml_serde`,
//! `roxmltree`); the line formats (requirements files, `go.mod`, `go.sum`, `Gemfile`,
//! `Gemfile.lock`, `yarn.lock` v1, Gradle scripts) are read line by line, tolerant of comments and
//! odd spacing. Every parser is linear in its input; a file that does not parse is an `Err` with a
//! short reason and never a panic.

use super::{Dep, Ecosystem, Format, Kind, Parsed, SourceKind, normalize};
use std::collections::{BTreeMap, BTreeSet};

/// The names (normalised) and versions a lockfile pins.
pub type Locked = BTreeMap<String, BTreeSet<String>>;

/// Parses a manifest of `format`.
pub fn parse_manifest(format: Format, text: &str) -> Result<Parsed, String> {
    let mut parsed = parse_any(format, text)?;
    // A key of blanks or separators names no package.
    parsed.deps.retain(|d| !d.name.is_empty());
    Ok(parsed)
}

fn parse_any(format: Format, text: &str) -> Result<Parsed, String> {
    match format {
        Format::CargoToml => cargo_toml(text),
        Format::PackageJson => package_json(text),
        Format::Requirements => Ok(requirements(text)),
        Format::Pyproject => pyproject(text),
        Format::Pipfile => pipfile(text),
        Format::GoMod => Ok(go_mod(text)),
        Format::Gemfile => Ok(gemfile(text)),
        Format::PomXml => pom_xml(text),
        Format::Gradle => Ok(gradle(text)),
        Format::VersionCatalog => version_catalog(text),
        _ => Err("not a manifest".into()),
    }
}

/// Parses a lockfile of `format`.
pub fn parse_lockfile(format: Format, text: &str) -> Result<Locked, String> {
    let eco = format.ecosystem();
    let mut out = Locked::new();
    let mut add = |name: &str, version: &str| {
        if !name.is_empty() {
            out.entry(normalize(eco, name))
                .or_default()
                .insert(version.to_string());
        }
    };
    match format {
        Format::CargoLock | Format::PoetryLock | Format::UvLock | Format::PdmLock => {
            let v: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
            if let Some(pkgs) = v.get("package").and_then(|p| p.as_array()) {
                for p in pkgs {
                    let name = p.get("name").and_then(|n| n.as_str()).unwrap_or("");
                    let version = p.get("version").and_then(|n| n.as_str()).unwrap_or("");
                    add(name, version);
                }
            }
        }
        Format::PackageLock => {
            let v: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
            // v2/v3: `packages` keyed by install path; v1: nested `dependencies`.
            if let Some(pkgs) = v.get("packages").and_then(|p| p.as_object()) {
                for (key, p) in pkgs {
                    let Some(i) = key.rfind("node_modules/") else {
                        continue;
                    };
                    let name = p
                        .get("name")
                        .and_then(|n| n.as_str())
                        .unwrap_or(&key[i + "node_modules/".len()..]);
                    add(
                        name,
                        p.get("version").and_then(|n| n.as_str()).unwrap_or(""),
                    );
                }
            } else if let Some(deps) = v.get("dependencies").and_then(|d| d.as_object()) {
                // Nested trees are walked with an explicit stack (a hostile file can nest deeply).
                let mut stack: Vec<&serde_json::Map<String, serde_json::Value>> = vec![deps];
                while let Some(map) = stack.pop() {
                    for (name, p) in map {
                        add(
                            name,
                            p.get("version").and_then(|n| n.as_str()).unwrap_or(""),
                        );
                        if let Some(d) = p.get("dependencies").and_then(|d| d.as_object()) {
                            stack.push(d);
                        }
                    }
                }
            }
        }
        Format::PipfileLock => {
            let v: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
            for section in ["default", "develop"] {
                if let Some(m) = v.get(section).and_then(|d| d.as_object()) {
                    for (name, p) in m {
                        let version = p.get("version").and_then(|n| n.as_str()).unwrap_or("");
                        add(name, version.trim_start_matches("=="));
                    }
                }
            }
        }
        Format::YarnLock => {
            for line in text.lines() {
                // Entry headers start in column 0 and end with `:`; `#` starts a comment.
                if line.starts_with([' ', '\t', '#']) || !line.trim_end().ends_with(':') {
                    continue;
                }
                let header = line.trim_end().trim_end_matches(':');
                for spec in header.split(',') {
                    let spec = spec.trim().trim_matches('"');
                    if spec == "__metadata" {
                        continue;
                    }
                    add(package_of_spec(spec), "");
                }
            }
        }
        Format::PnpmLock => {
            let v: yaml_serde::Value = yaml_serde::from_str(text).map_err(|e| {
                let mut m = e.to_string();
                if let Some(i) = m.find(" at line ") {
                    m.truncate(i);
                }
                m
            })?;
            for section in ["packages", "snapshots"] {
                if let Some(m) = v.get(section).and_then(|p| p.as_mapping()) {
                    for key in m.keys() {
                        if let Some(k) = key.as_str() {
                            let (name, version) = pnpm_key(k);
                            add(name, version);
                        }
                    }
                }
            }
        }
        Format::GoSum => {
            for line in text.lines() {
                let mut parts = line.split_whitespace();
                if let (Some(m), Some(v)) = (parts.next(), parts.next()) {
                    add(m, v.trim_end_matches("/go.mod"));
                }
            }
        }
        Format::GemfileLock => {
            // Under GEM/GIT/PATH `specs:`, gems are indented four spaces: `    name (version)`;
            // their own dependencies six.
            for line in text.lines() {
                if let Some(rest) = line.strip_prefix("    ")
                    && !rest.starts_with(' ')
                {
                    let mut parts = rest.splitn(2, ' ');
                    let name = parts.next().unwrap_or("");
                    let version = parts
                        .next()
                        .unwrap_or("")
                        .trim_matches(|c| c == '(' || c == ')');
                    add(name, version);
                }
            }
        }
        _ => return Err("not a lockfile".into()),
    }
    Ok(out)
}

fn toml_error(e: &toml::de::Error) -> String {
    let m = e.message().to_string();
    match e.span() {
        Some(s) => format!("{m} (at byte {})", s.start),
        None => m,
    }
}

fn json_error(e: &serde_json::Error) -> String {
    format!("{e}")
}

/// `name@range` (npm or yarn): the package name, keeping a scope's leading `@`.
fn package_of_spec(spec: &str) -> &str {
    let body = spec.strip_prefix('@').map_or(spec, |_| &spec[1..]);
    match body.find('@') {
        Some(i) => &spec[..i + (spec.len() - body.len())],
        None => spec,
    }
}

/// A pnpm `packages` key: `/name@1.0.0`, `/@scope/name@1.0.0(peer@2)`, `name@1.0.0` (v9) or
/// `/name/1.0.0` (v5).
fn pnpm_key(key: &str) -> (&str, &str) {
    let k = key.strip_prefix('/').unwrap_or(key);
    let k = k.find('(').map_or(k, |i| &k[..i]);
    let body_start = usize::from(k.starts_with('@'));
    if let Some(i) = k[body_start..].find('@') {
        let at = body_start + i;
        return (&k[..at], &k[at + 1..]);
    }
    match k.rfind('/') {
        Some(i) if i > body_start && k[..i].contains('/') == k.starts_with('@') => {
            (&k[..i], &k[i + 1..])
        }
        _ => (k, ""),
    }
}

// ---- Cargo ----

fn cargo_toml(text: &str) -> Result<Parsed, String> {
    let v: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let mut out = Parsed {
        application: v
            .get("package")
            .and_then(|p| p.get("publish"))
            .and_then(|p| p.as_bool())
            == Some(false),
        ..Parsed::default()
    };
    let mut tables: Vec<(&toml::Table, Kind)> = Vec::new();
    for (key, kind) in [
        ("dependencies", Kind::Normal),
        ("dev-dependencies", Kind::Dev),
        ("dev_dependencies", Kind::Dev),
        ("build-dependencies", Kind::Build),
        ("build_dependencies", Kind::Build),
    ] {
        if let Some(t) = v.get(key).and_then(|t| t.as_table()) {
            tables.push((t, kind));
        }
        if let Some(targets) = v.get("target").and_then(|t| t.as_table()) {
            for target in targets.values() {
                if let Some(t) = target.get(key).and_then(|t| t.as_table()) {
                    tables.push((t, kind));
                }
            }
        }
    }
    if let Some(t) = v
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|t| t.as_table())
    {
        tables.push((t, Kind::Workspace));
    }
    for (table, kind) in tables {
        for (key, spec) in table {
            out.deps.push(cargo_dep(key, spec, kind));
        }
    }
    Ok(out)
}

fn cargo_dep(key: &str, spec: &toml::Value, kind: Kind) -> Dep {
    let mut dep = Dep::new(Ecosystem::Cargo, key, kind);
    match spec {
        toml::Value::String(req) => dep.set_requirement(req, req.trim_start().starts_with('=')),
        toml::Value::Table(t) => {
            let s = |k: &str| t.get(k).and_then(|v| v.as_str());
            if let Some(real) = s("package") {
                dep.rename(Ecosystem::Cargo, real);
            }
            let req = s("version").unwrap_or("");
            dep.set_requirement(req, req.trim_start().starts_with('='));
            if let Some(g) = s("git") {
                dep.source(SourceKind::Git, g);
                dep.pinned = s("rev").is_some();
            } else if let Some(p) = s("path") {
                dep.source(SourceKind::Path, p);
            } else if let Some(r) = s("registry").or(s("registry-index")) {
                dep.source(SourceKind::Registry, r);
            } else if t.get("workspace").and_then(|w| w.as_bool()) == Some(true) {
                dep.source_kind = SourceKind::Workspace;
            }
        }
        _ => {}
    }
    dep
}

// ---- npm ----

fn package_json(text: &str) -> Result<Parsed, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let Some(obj) = v.as_object() else {
        return Err("not a JSON object".into());
    };
    let mut out = Parsed {
        application: obj.get("private").and_then(|p| p.as_bool()) == Some(true),
        ..Parsed::default()
    };
    for (key, kind) in [
        ("dependencies", Kind::Normal),
        ("devDependencies", Kind::Dev),
        ("optionalDependencies", Kind::Optional),
        ("peerDependencies", Kind::Peer),
    ] {
        if let Some(m) = obj.get(key).and_then(|d| d.as_object()) {
            for (name, spec) in m {
                out.deps
                    .push(npm_dep(name, spec.as_str().unwrap_or(""), kind));
            }
        }
    }
    if let Some(scripts) = obj.get("scripts").and_then(|s| s.as_object()) {
        for hook in ["preinstall", "install", "postinstall", "prepare"] {
            if let Some(cmd) = scripts.get(hook).and_then(|c| c.as_str()) {
                out.scripts.push((hook.to_string(), cmd.to_string()));
            }
        }
    }
    Ok(out)
}

fn npm_dep(name: &str, spec: &str, kind: Kind) -> Dep {
    let mut dep = Dep::new(Ecosystem::Npm, name, kind);
    let s = spec.trim();
    if let Some(alias) = s.strip_prefix("npm:") {
        // `"x": "npm:real-package@^1"` installs `real-package`.
        let real = package_of_spec(alias);
        dep.rename(Ecosystem::Npm, real);
        let req = alias[real.len()..].trim_start_matches('@');
        dep.set_requirement(req, npm_exact(req));
        return dep;
    }
    dep.set_requirement(s, npm_exact(s));
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("git")
        || lower.starts_with("github:")
        || lower.starts_with("gitlab:")
        || lower.starts_with("bitbucket:")
        || lower.starts_with("gist:")
    {
        dep.source(SourceKind::Git, s);
        dep.pinned = s.contains('#');
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        dep.source(SourceKind::Url, s);
    } else if lower.starts_with("file:")
        || lower.starts_with("link:")
        || lower.starts_with("portal:")
        || s.starts_with("./")
        || s.starts_with("../")
        || s.starts_with('/')
        || s.starts_with("~/")
    {
        dep.source(SourceKind::Path, s);
    } else if lower.starts_with("workspace:") {
        dep.source_kind = SourceKind::Workspace;
    } else if !s.contains(' ')
        && s.contains('/')
        && !s.starts_with('@')
        && s.split('/').count() == 2
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        // `user/repo` is GitHub shorthand.
        dep.source(SourceKind::Git, s);
        dep.pinned = s.contains('#');
    }
    dep
}

/// An exact npm version: `1.2.3`, `=1.2.3`, `v1.2.3`, with an optional pre-release or build.
fn npm_exact(s: &str) -> bool {
    let s = s.trim().trim_start_matches('=').trim_start_matches('v');
    let core = s.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

// ---- Python ----

/// A PEP 508 requirement string: `name[extras] (specifiers) ; markers`, or `name @ url`.
fn pep508(s: &str, kind: Kind) -> Option<Dep> {
    let s = s.trim();
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(s.len());
    let name = &s[..end];
    if name.is_empty() {
        return None;
    }
    let mut dep = Dep::new(Ecosystem::Pypi, name, kind);
    let mut rest = s[end..].trim_start();
    if rest.starts_with('[')
        && let Some(close) = rest.find(']')
    {
        rest = rest[close + 1..].trim_start();
    }
    let spec = rest.split(';').next().unwrap_or("").trim();
    if let Some(url) = spec.strip_prefix('@') {
        let url = url.trim();
        let kind = if url.starts_with("git+") {
            SourceKind::Git
        } else if url.starts_with("file:") {
            SourceKind::Path
        } else {
            SourceKind::Url
        };
        dep.source(kind, url);
        dep.set_requirement(url, url.contains('@') && kind == SourceKind::Git);
        return Some(dep);
    }
    let spec = spec.trim_start_matches('(').trim_end_matches(')').trim();
    dep.set_requirement(spec, pep440_exact(spec));
    Some(dep)
}

/// `==1.2.3` or `===1.2.3`, one clause, no wildcard.
fn pep440_exact(spec: &str) -> bool {
    let spec = spec.trim();
    !spec.contains(',')
        && (spec.starts_with("===") || (spec.starts_with("==") && !spec.contains('*')))
}

fn requirements(text: &str) -> Parsed {
    let mut out = Parsed {
        application: true,
        ..Parsed::default()
    };
    let mut joined = String::new();
    for raw in text.lines() {
        // A trailing backslash continues the line.
        if let Some(head) = raw.strip_suffix('\\') {
            joined.push_str(head);
            joined.push(' ');
            continue;
        }
        joined.push_str(raw);
        let line = std::mem::take(&mut joined);
        let line = match line
            .find(" #")
            .or_else(|| line.starts_with('#').then_some(0))
        {
            Some(i) => &line[..i],
            None => &line[..],
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(opt) = line.strip_prefix('-') {
            // `-e`/`--editable` installs from a path or VCS URL; other options are not packages.
            let opt = opt.trim_start_matches('-');
            let Some(target) = opt
                .strip_prefix("editable")
                .or_else(|| opt.strip_prefix('e'))
            else {
                continue;
            };
            let target = target.trim_start_matches('=').trim();
            let name = target
                .rsplit_once("#egg=")
                .map_or(target.rsplit(['/', '\\']).next().unwrap_or(target), |x| x.1);
            let mut dep = Dep::new(Ecosystem::Pypi, name, Kind::Normal);
            let kind = if target.starts_with("git+") {
                SourceKind::Git
            } else if target.contains("://") {
                SourceKind::Url
            } else {
                SourceKind::Path
            };
            dep.source(kind, target);
            dep.set_requirement(target, false);
            out.deps.push(dep);
            continue;
        }
        // Per-requirement options (`--hash=…`) follow the requirement.
        let req = line.split(" --").next().unwrap_or(line);
        if req.contains("://") && !req.contains(" @ ") && !req.contains('@') {
            // A bare URL or archive: no name to check.
            continue;
        }
        if let Some(dep) = pep508(req, Kind::Normal) {
            out.deps.push(dep);
        }
    }
    out
}

fn pyproject(text: &str) -> Result<Parsed, String> {
    let v: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let tool = v.get("tool");
    let poetry = tool.and_then(|t| t.get("poetry"));
    let mut out = Parsed {
        application: poetry
            .and_then(|p| p.get("package-mode"))
            .and_then(|p| p.as_bool())
            == Some(false)
            || tool
                .and_then(|t| t.get("uv"))
                .and_then(|u| u.get("package"))
                .and_then(|p| p.as_bool())
                == Some(false),
        ..Parsed::default()
    };
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(|a| a.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let project = v.get("project");
    for s in strings(project.and_then(|p| p.get("dependencies"))) {
        out.deps.extend(pep508(&s, Kind::Normal));
    }
    if let Some(extras) = project
        .and_then(|p| p.get("optional-dependencies"))
        .and_then(|o| o.as_table())
    {
        for list in extras.values() {
            for s in strings(Some(list)) {
                out.deps.extend(pep508(&s, Kind::Optional));
            }
        }
    }
    if let Some(groups) = v.get("dependency-groups").and_then(|g| g.as_table()) {
        for list in groups.values() {
            // Entries may also be `{include-group = "…"}` tables, which name no package.
            for s in strings(Some(list)) {
                out.deps.extend(pep508(&s, Kind::Dev));
            }
        }
    }
    for s in strings(
        tool.and_then(|t| t.get("uv"))
            .and_then(|u| u.get("dev-dependencies")),
    ) {
        out.deps.extend(pep508(&s, Kind::Dev));
    }
    for s in strings(v.get("build-system").and_then(|b| b.get("requires"))) {
        out.deps.extend(pep508(&s, Kind::Build));
    }
    if let Some(p) = poetry {
        let mut tables: Vec<(&toml::Table, Kind)> = Vec::new();
        if let Some(t) = p.get("dependencies").and_then(|d| d.as_table()) {
            tables.push((t, Kind::Normal));
        }
        if let Some(t) = p.get("dev-dependencies").and_then(|d| d.as_table()) {
            tables.push((t, Kind::Dev));
        }
        if let Some(groups) = p.get("group").and_then(|g| g.as_table()) {
            for g in groups.values() {
                if let Some(t) = g.get("dependencies").and_then(|d| d.as_table()) {
                    tables.push((t, Kind::Dev));
                }
            }
        }
        for (t, kind) in tables {
            for (name, spec) in t {
                if name.eq_ignore_ascii_case("python") {
                    continue;
                }
                out.deps.push(poetry_dep(name, spec, kind));
            }
        }
    }
    Ok(out)
}

/// A Poetry or Pipfile table entry: `name = "^1.0"` or `name = {version, git, path, url, …}`.
fn poetry_dep(name: &str, spec: &toml::Value, kind: Kind) -> Dep {
    let mut dep = Dep::new(Ecosystem::Pypi, name, kind);
    let exact = |r: &str| {
        let r = r.trim();
        pep440_exact(r)
            || (!r.is_empty()
                && r.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && !r.contains(['*', ',', '<', '>', '~', '^', ' ']))
    };
    match spec {
        toml::Value::String(r) => dep.set_requirement(r, exact(r)),
        toml::Value::Table(t) => {
            let s = |k: &str| t.get(k).and_then(|v| v.as_str());
            let r = s("version").unwrap_or("");
            dep.set_requirement(r, exact(r));
            if let Some(g) = s("git") {
                dep.source(SourceKind::Git, g);
                dep.pinned = s("rev").or(s("ref")).or(s("tag")).is_some();
            } else if let Some(p) = s("path") {
                dep.source(SourceKind::Path, p);
            } else if let Some(u) = s("url").or(s("file")) {
                dep.source(SourceKind::Url, u);
            }
        }
        // A list of constraints (per Python version): judged by its first entry.
        toml::Value::Array(a) => {
            if let Some(first) = a.first() {
                let d = poetry_dep(name, first, kind);
                dep = d;
            }
        }
        _ => {}
    }
    dep
}

fn pipfile(text: &str) -> Result<Parsed, String> {
    let v: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let mut out = Parsed {
        application: true,
        ..Parsed::default()
    };
    for (key, kind) in [("packages", Kind::Normal), ("dev-packages", Kind::Dev)] {
        if let Some(t) = v.get(key).and_then(|t| t.as_table()) {
            for (name, spec) in t {
                let mut dep = poetry_dep(name, spec, kind);
                if dep.requirement == "*" {
                    dep.pinned = false;
                }
                out.deps.push(dep);
            }
        }
    }
    Ok(out)
}

// ---- Go ----

fn go_mod(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut block: Option<&str> = None;
    let mut replaced: BTreeMap<String, (SourceKind, String)> = BTreeMap::new();
    for raw in text.lines() {
        let (code, comment) = match raw.find("//") {
            Some(i) => (&raw[..i], &raw[i + 2..]),
            None => (raw, ""),
        };
        let line = code.trim();
        if line.is_empty() {
            continue;
        }
        if line == ")" {
            block = None;
            continue;
        }
        let (verb, rest) = match block {
            Some(v) => (v, line),
            None => {
                let (v, r) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
                let r = r.trim();
                if r == "(" {
                    block = Some(v);
                    continue;
                }
                (v, r)
            }
        };
        let words: Vec<&str> = rest.split_whitespace().map(unquote).collect();
        match verb {
            "require" if words.len() >= 2 => {
                let kind = if comment.trim() == "indirect" {
                    Kind::Indirect
                } else {
                    Kind::Normal
                };
                let mut dep = Dep::new(Ecosystem::Go, words[0], kind);
                dep.set_requirement(words[1], true);
                out.deps.push(dep);
            }
            "replace" => {
                if let Some(arrow) = words.iter().position(|w| *w == "=>")
                    && let Some(target) = words.get(arrow + 1)
                {
                    let kind = if target.starts_with("./")
                        || target.starts_with("../")
                        || target.starts_with('/')
                    {
                        SourceKind::Path
                    } else {
                        SourceKind::Registry
                    };
                    let mut shown = target.to_string();
                    if let Some(v) = words.get(arrow + 2) {
                        shown = format!("{shown} {v}");
                    }
                    replaced.insert(words[0].to_string(), (kind, shown));
                }
            }
            _ => {}
        }
    }
    for dep in &mut out.deps {
        if let Some((kind, to)) = replaced.get(&dep.written) {
            dep.source(*kind, to);
        }
    }
    out
}

fn unquote(w: &str) -> &str {
    w.trim_matches(|c| c == '"' || c == '`')
}

// ---- Ruby ----

fn gemfile(text: &str) -> Parsed {
    let mut out = Parsed {
        application: true,
        ..Parsed::default()
    };
    // `group :development, :test do` … `end`: a stack of whether each open block is a dev group.
    let mut blocks: Vec<bool> = Vec::new();
    for raw in text.lines() {
        let line = strip_ruby_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line == "end" || line.starts_with("end ") {
            blocks.pop();
            continue;
        }
        let opens = line.ends_with(" do") || line.contains(" do |") || line.ends_with(" {");
        if let Some(rest) = line
            .strip_prefix("gem ")
            .or_else(|| line.strip_prefix("gem("))
        {
            let args = ruby_args(rest);
            let Some(name) = args.first().and_then(|a| a.string.as_deref()) else {
                continue;
            };
            let dev = blocks.iter().any(|d| *d)
                || args.iter().any(|a| {
                    a.key.as_deref() == Some("group")
                        && (a.raw.contains("development") || a.raw.contains("test"))
                });
            let mut dep = Dep::new(
                Ecosystem::Rubygems,
                name,
                if dev { Kind::Dev } else { Kind::Normal },
            );
            let reqs: Vec<&str> = args[1..]
                .iter()
                .filter(|a| a.key.is_none())
                .filter_map(|a| a.string.as_deref())
                .collect();
            let req = reqs.join(", ");
            let exact = reqs.len() == 1 && {
                let r = reqs[0].trim().trim_start_matches('=').trim();
                (reqs[0].trim().starts_with('=')
                    || !reqs[0].trim().starts_with(['~', '>', '<', '!']))
                    && r.bytes().next().is_some_and(|b| b.is_ascii_digit())
            };
            dep.set_requirement(&req, exact);
            for a in &args[1..] {
                let value = a.string.as_deref().unwrap_or(&a.raw);
                match a.key.as_deref() {
                    Some("git") | Some("github") | Some("gist") | Some("bitbucket") => {
                        dep.source(SourceKind::Git, value);
                        dep.pinned = args
                            .iter()
                            .any(|b| matches!(b.key.as_deref(), Some("ref") | Some("tag")));
                    }
                    Some("path") => dep.source(SourceKind::Path, value),
                    Some("source") => dep.source(SourceKind::Registry, value),
                    _ => {}
                }
            }
            out.deps.push(dep);
            if opens {
                blocks.push(false);
            }
            continue;
        }
        if opens {
            let dev = line.starts_with("group")
                && (line.contains("development") || line.contains("test"));
            blocks.push(dev);
        }
    }
    out
}

/// A Ruby line without its `#` comment (a `#` inside a string stays).
fn strip_ruby_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

struct RubyArg {
    key: Option<String>,
    string: Option<String>,
    raw: String,
}

/// The comma-separated arguments of a Ruby call: `"name", "~> 1.0", git: "…", require: false`.
fn ruby_args(s: &str) -> Vec<RubyArg> {
    let s = s.trim().trim_end_matches(')');
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut depth = 0i32;
    for c in s.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                cur.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (None, '[' | '(' | '{') => {
                depth += 1;
                cur.push(c);
            }
            (None, ']' | ')' | '}') => {
                depth -= 1;
                cur.push(c);
            }
            (None, ',') if depth <= 0 => parts.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| {
            let p = p.trim().to_string();
            let (key, value) = if let Some(k) = p.strip_prefix(':')
                && let Some((k, v)) = k.split_once("=>")
            {
                (Some(k.trim().to_string()), v.trim().to_string())
            } else if let Some((k, v)) = p.split_once(':')
                && !k.is_empty()
                && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !p.starts_with(['"', '\''])
            {
                (Some(k.to_string()), v.trim().to_string())
            } else {
                (None, p.clone())
            };
            let string = (value.len() >= 2
                && ((value.starts_with('"') && value.ends_with('"'))
                    || (value.starts_with('\'') && value.ends_with('\''))))
            .then(|| value[1..value.len() - 1].to_string());
            RubyArg {
                key,
                string,
                raw: value,
            }
        })
        .collect()
}

// ---- Java ----

fn pom_xml(text: &str) -> Result<Parsed, String> {
    // No DTD: entity expansion is refused, so a small file cannot grow into a large one.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 1_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
        n.children()
            .find(|c| c.is_element() && c.tag_name().name() == name)
    }
    let text_of = |n: roxmltree::Node<'_, '_>, name: &str| -> String {
        child(n, name)
            .and_then(|c| c.text())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut props: BTreeMap<String, String> = BTreeMap::new();
    if let Some(p) = child(root, "properties") {
        for c in p.children().filter(|c| c.is_element()) {
            props.insert(
                c.tag_name().name().to_string(),
                c.text().unwrap_or("").trim().to_string(),
            );
        }
    }
    for (k, name) in [("project.version", "version"), ("version", "version")] {
        let v = text_of(root, name);
        if !v.is_empty() {
            props.entry(k.to_string()).or_insert(v);
        }
    }
    let resolve = |v: &str| -> String {
        match v.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
            Some(key) => props.get(key).cloned().unwrap_or_else(|| v.to_string()),
            None => v.to_string(),
        }
    };
    let mut out = Parsed::default();
    let mut lists: Vec<(roxmltree::Node<'_, '_>, Kind)> = Vec::new();
    if let Some(d) = child(root, "dependencies") {
        lists.push((d, Kind::Normal));
    }
    if let Some(d) = child(root, "dependencyManagement").and_then(|m| child(m, "dependencies")) {
        lists.push((d, Kind::Managed));
    }
    if let Some(profiles) = child(root, "profiles") {
        for p in profiles.children().filter(|c| c.is_element()) {
            if let Some(d) = child(p, "dependencies") {
                lists.push((d, Kind::Normal));
            }
        }
    }
    for (list, kind) in lists {
        for d in list
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "dependency")
        {
            let g = text_of(d, "groupId");
            let a = text_of(d, "artifactId");
            if a.is_empty() {
                continue;
            }
            let scope = text_of(d, "scope");
            let kind = match scope.as_str() {
                "test" => Kind::Dev,
                "provided" | "system" if kind == Kind::Normal => Kind::Optional,
                _ => kind,
            };
            let mut dep = Dep::new(Ecosystem::Maven, &format!("{g}:{a}"), kind);
            let version = resolve(&text_of(d, "version"));
            dep.set_requirement(&version, maven_exact(&version));
            let system = text_of(d, "systemPath");
            if !system.is_empty() {
                dep.source(SourceKind::Path, &system);
            }
            out.deps.push(dep);
        }
    }
    Ok(out)
}

/// A Maven or Gradle version with no range, no dynamic part and no property left unresolved.
fn maven_exact(v: &str) -> bool {
    !v.is_empty()
        && !v.contains(['[', ']', '(', ')', ',', '+', '$'])
        && !matches!(v, "LATEST" | "RELEASE")
        && !v.ends_with("-SNAPSHOT")
        && !v.starts_with("latest.")
}

const GRADLE_CONFIGURATIONS: &[(&str, Kind)] = &[
    ("implementation", Kind::Normal),
    ("api", Kind::Normal),
    ("compile", Kind::Normal),
    ("runtimeOnly", Kind::Normal),
    ("runtime", Kind::Normal),
    ("compileOnly", Kind::Optional),
    ("compileOnlyApi", Kind::Optional),
    ("annotationProcessor", Kind::Build),
    ("kapt", Kind::Build),
    ("ksp", Kind::Build),
    ("classpath", Kind::Build),
    ("testImplementation", Kind::Dev),
    ("testRuntimeOnly", Kind::Dev),
    ("testCompileOnly", Kind::Dev),
    ("testCompile", Kind::Dev),
    ("androidTestImplementation", Kind::Dev),
    ("debugImplementation", Kind::Dev),
];

/// `build.gradle` and `build.gradle.kts`: dependency declarations in the common notations,
/// `conf("g:a:v")`, `conf 'g:a:v'`, `conf group: 'g', name: 'a', version: 'v'`,
/// `conf(group = "g", name = "a", version = "v")`, `conf(project(":x"))`, `conf(files(…))`.
fn gradle(text: &str) -> Parsed {
    let mut out = Parsed::default();
    for raw in text.lines() {
        let line = raw.split("//").next().unwrap_or("").trim();
        let Some(&(conf, kind)) = GRADLE_CONFIGURATIONS.iter().find(|(c, _)| {
            line.strip_prefix(c)
                .is_some_and(|r| r.starts_with(['(', ' ', '\t', '\'', '"']))
        }) else {
            continue;
        };
        let args = line[conf.len()..].trim();
        let args = args
            .strip_prefix('(')
            .map_or(args, |a| a.strip_suffix(')').unwrap_or(a))
            .trim();
        let args = ["platform(", "enforcedPlatform(", "kotlin("]
            .iter()
            .find_map(|w| args.strip_prefix(w))
            .map_or(args, |a| a.trim_end_matches(')'));
        if let Some(p) = args.strip_prefix("project(") {
            let mut dep = Dep::new(Ecosystem::Maven, gradle_string(p).unwrap_or(p), kind);
            dep.source_kind = SourceKind::Workspace;
            out.deps.push(dep);
            continue;
        }
        if let Some(f) = args
            .strip_prefix("files(")
            .or_else(|| args.strip_prefix("fileTree("))
        {
            let shown = gradle_string(f).unwrap_or(f).to_string();
            let mut dep = Dep::new(Ecosystem::Maven, &shown, kind);
            dep.source(SourceKind::Path, &shown);
            out.deps.push(dep);
            continue;
        }
        let coordinates = if args.contains("name") && (args.contains(':') || args.contains('=')) {
            let named = |key: &str| -> String {
                args.split(',')
                    .find_map(|part| {
                        let part = part.trim();
                        let rest = part.strip_prefix(key)?.trim_start();
                        let rest = rest.strip_prefix([':', '='])?;
                        gradle_string(rest).map(str::to_string)
                    })
                    .unwrap_or_default()
            };
            let (g, n, v) = (named("group"), named("name"), named("version"));
            if n.is_empty() {
                continue;
            }
            if v.is_empty() {
                format!("{g}:{n}")
            } else {
                format!("{g}:{n}:{v}")
            }
        } else {
            match gradle_string(args) {
                Some(s) => s.to_string(),
                None => continue,
            }
        };
        let mut parts = coordinates.splitn(3, ':');
        let (g, a) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        if a.is_empty() || g.contains(['$', ' ']) {
            continue;
        }
        let version = parts.next().unwrap_or("");
        let version = version.split('@').next().unwrap_or(version);
        let mut dep = Dep::new(Ecosystem::Maven, &format!("{g}:{a}"), kind);
        dep.set_requirement(version, maven_exact(version));
        out.deps.push(dep);
    }
    out
}

/// The first quoted string of `s` (`'…'` or `"…"`).
fn gradle_string(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &s[1..];
    let end = body.find(q)?;
    Some(&body[..end])
}

/// `gradle/libs.versions.toml`: `[libraries]` entries, `alias = "g:a:v"` or
/// `{module = "g:a", version = "…" | version.ref = "…"}` or `{group, name, version}`.
fn version_catalog(text: &str) -> Result<Parsed, String> {
    let v: toml::Table = toml::from_str(text).map_err(|e| toml_error(&e))?;
    let versions = v.get("versions").and_then(|t| t.as_table());
    let mut out = Parsed::default();
    let Some(libs) = v.get("libraries").and_then(|t| t.as_table()) else {
        return Ok(out);
    };
    for spec in libs.values() {
        let (module, version) = match spec {
            toml::Value::String(s) => {
                let mut p = s.splitn(3, ':');
                let g = p.next().unwrap_or("");
                let a = p.next().unwrap_or("");
                (format!("{g}:{a}"), p.next().unwrap_or("").to_string())
            }
            toml::Value::Table(t) => {
                let s = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("");
                let module = if s("module").is_empty() {
                    format!("{}:{}", s("group"), s("name"))
                } else {
                    s("module").to_string()
                };
                let version = match t.get("version") {
                    Some(toml::Value::String(v)) => v.clone(),
                    Some(toml::Value::Table(r)) => r
                        .get("ref")
                        .and_then(|r| r.as_str())
                        .and_then(|r| versions?.get(r)?.as_str())
                        .unwrap_or("")
                        .to_string(),
                    _ => String::new(),
                };
                (module, version)
            }
            _ => continue,
        };
        if module.len() < 3 || module.starts_with(':') || module.ends_with(':') {
            continue;
        }
        let mut dep = Dep::new(Ecosystem::Maven, &module, Kind::Normal);
        dep.set_requirement(&version, maven_exact(&version));
        out.deps.push(dep);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(p: &Parsed) -> Vec<(String, Kind, String, bool, SourceKind)> {
        p.deps
            .iter()
            .map(|d| {
                (
                    d.name.clone(),
                    d.kind,
                    d.requirement.clone(),
                    d.pinned,
                    d.source_kind,
                )
            })
            .collect()
    }

    #[test]
    fn cargo_manifests_list_every_table_with_renames_sources_and_pins() {
        let text = r#"
[package]
name = "x"
publish = false

[dependencies]
serde = "1"
exact = "=0.4.2"
Renamed_Local = { package = "real_crate", version = "2" }
local = { path = "../local" }
from-git = { git = "https://example.invalid/x.git", rev = "abc" }

[target.'cfg(unix)'.dependencies]
nix = "0.29"

[dev-dependencies]
insta = "1"

[build-dependencies]
cc = "1"

[workspace.dependencies]
shared = "3"
"#;
        let p = parse_manifest(Format::CargoToml, text).unwrap();
        assert!(p.application);
        let got = names(&p);
        assert!(got.contains(&(
            "serde".into(),
            Kind::Normal,
            "1".into(),
            false,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "exact".into(),
            Kind::Normal,
            "=0.4.2".into(),
            true,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "real-crate".into(),
            Kind::Normal,
            "2".into(),
            false,
            SourceKind::Registry
        )));
        assert!(
            got.iter()
                .any(|g| g.0 == "local" && g.4 == SourceKind::Path)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "from-git" && g.4 == SourceKind::Git && g.3)
        );
        assert!(got.iter().any(|g| g.0 == "nix" && g.1 == Kind::Normal));
        assert!(got.iter().any(|g| g.0 == "insta" && g.1 == Kind::Dev));
        assert!(got.iter().any(|g| g.0 == "cc" && g.1 == Kind::Build));
        assert!(
            got.iter()
                .any(|g| g.0 == "shared" && g.1 == Kind::Workspace)
        );
        assert!(parse_manifest(Format::CargoToml, "[dependencies\n").is_err());
    }

    #[test]
    fn package_json_reads_specs_aliases_sources_and_install_scripts() {
        let text = r#"{
  "name": "app", "private": true,
  "dependencies": {"left": "^1.2.0", "exact": "2.0.1", "alias": "npm:@scope/real@^3",
                   "gh": "someone/repo#v1", "tar": "https://example.invalid/x.tgz",
                   "local": "file:../local", "ws": "workspace:*", "g2": "git+ssh://git@example.invalid/x.git"},
  "devDependencies": {"@types/node": "~20.1.0"},
  "scripts": {"postinstall": "node setup.js", "test": "jest"}
}"#;
        let p = parse_manifest(Format::PackageJson, text).unwrap();
        assert!(p.application);
        let got = names(&p);
        assert!(got.contains(&(
            "left".into(),
            Kind::Normal,
            "^1.2.0".into(),
            false,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "exact".into(),
            Kind::Normal,
            "2.0.1".into(),
            true,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "@scope/real".into(),
            Kind::Normal,
            "^3".into(),
            false,
            SourceKind::Registry
        )));
        assert!(
            got.iter()
                .any(|g| g.0 == "gh" && g.4 == SourceKind::Git && g.3)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "g2" && g.4 == SourceKind::Git && !g.3)
        );
        assert!(got.iter().any(|g| g.0 == "tar" && g.4 == SourceKind::Url));
        assert!(
            got.iter()
                .any(|g| g.0 == "local" && g.4 == SourceKind::Path)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "ws" && g.4 == SourceKind::Workspace)
        );
        assert!(got.iter().any(|g| g.0 == "@types/node" && g.1 == Kind::Dev));
        assert_eq!(
            p.scripts,
            vec![("postinstall".to_string(), "node setup.js".to_string())]
        );
        assert!(parse_manifest(Format::PackageJson, "[1]").is_err());
    }

    #[test]
    fn requirements_files_tolerate_comments_options_continuations_and_urls() {
        let text = "# a comment\n--index-url https://example.invalid/simple\nRequests[socks]>=2.0 ; python_version>'3' # why\nDjango==4.2.1 \\\n    --hash=sha256:00\nflask\n-e git+https://example.invalid/x.git#egg=editable_pkg\nlocal @ file:///tmp/x\n-r other.txt\nzope.interface===5.0\nstar==1.*\n";
        let p = parse_manifest(Format::Requirements, text).unwrap();
        let got = names(&p);
        assert!(got.contains(&(
            "requests".into(),
            Kind::Normal,
            ">=2.0".into(),
            false,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "django".into(),
            Kind::Normal,
            "==4.2.1".into(),
            true,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "flask".into(),
            Kind::Normal,
            String::new(),
            false,
            SourceKind::Registry
        )));
        assert!(
            got.iter()
                .any(|g| g.0 == "editable-pkg" && g.4 == SourceKind::Git)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "local" && g.4 == SourceKind::Path)
        );
        assert!(got.iter().any(|g| g.0 == "zope-interface" && g.3));
        assert!(got.iter().any(|g| g.0 == "star" && !g.3));
        assert_eq!(got.len(), 7, "{got:?}");
    }

    #[test]
    fn pyproject_reads_pep621_groups_build_and_poetry() {
        let text = r#"
[build-system]
requires = ["setuptools>=61"]
[project]
dependencies = ["httpx>=0.27", "attrs==23.1.0"]
[project.optional-dependencies]
cli = ["rich"]
[dependency-groups]
test = ["pytest", {include-group = "cli"}]
[tool.poetry.dependencies]
python = "^3.11"
pendulum = "^3.0"
pinned = "1.2.3"
vcs = { git = "https://example.invalid/v.git", tag = "v1" }
[tool.poetry.group.dev.dependencies]
black = "*"
"#;
        let p = parse_manifest(Format::Pyproject, text).unwrap();
        let got = names(&p);
        for (n, k) in [
            ("setuptools", Kind::Build),
            ("httpx", Kind::Normal),
            ("attrs", Kind::Normal),
            ("rich", Kind::Optional),
            ("pytest", Kind::Dev),
            ("pendulum", Kind::Normal),
            ("black", Kind::Dev),
        ] {
            assert!(got.iter().any(|g| g.0 == n && g.1 == k), "{n}: {got:?}");
        }
        assert!(!got.iter().any(|g| g.0 == "python"));
        assert!(got.iter().any(|g| g.0 == "attrs" && g.3));
        assert!(got.iter().any(|g| g.0 == "pinned" && g.3));
        assert!(
            got.iter()
                .any(|g| g.0 == "vcs" && g.4 == SourceKind::Git && g.3)
        );
    }

    #[test]
    fn go_mod_reads_blocks_single_lines_indirect_and_replacements() {
        let text = "module example.invalid/m\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgolang.org/x/text v0.14.0 // indirect\n)\nrequire github.com/c/d v0.0.0-20240101000000-abcdef123456\nreplace github.com/a/b => ../b\n";
        let p = parse_manifest(Format::GoMod, text).unwrap();
        let got = names(&p);
        assert!(
            got.iter()
                .any(|g| g.0 == "github.com/a/b" && g.4 == SourceKind::Path && g.3)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "golang.org/x/text" && g.1 == Kind::Indirect)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "github.com/c/d" && g.1 == Kind::Normal)
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn gemfiles_read_groups_options_and_pins() {
        let text = "source \"https://rubygems.org\"\ngem \"rails\", \"~> 7.1\"\ngem 'pg', '1.5.4' # exact\ngem \"internal\", git: \"https://example.invalid/i.git\", tag: \"v2\"\ngroup :development, :test do\n  gem \"rspec-rails\"\nend\ngem \"puma\", group: :development\ngem 'vendored', path: 'vendor/v'\n";
        let p = parse_manifest(Format::Gemfile, text).unwrap();
        let got = names(&p);
        assert!(got.contains(&(
            "rails".into(),
            Kind::Normal,
            "~> 7.1".into(),
            false,
            SourceKind::Registry
        )));
        assert!(got.contains(&(
            "pg".into(),
            Kind::Normal,
            "1.5.4".into(),
            true,
            SourceKind::Registry
        )));
        assert!(
            got.iter()
                .any(|g| g.0 == "internal" && g.4 == SourceKind::Git && g.3)
        );
        assert!(got.iter().any(|g| g.0 == "rspec-rails" && g.1 == Kind::Dev));
        assert!(got.iter().any(|g| g.0 == "puma" && g.1 == Kind::Dev));
        assert!(
            got.iter()
                .any(|g| g.0 == "vendored" && g.4 == SourceKind::Path)
        );
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn pom_and_gradle_files_name_group_and_artifact() {
        let pom = r#"<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <properties><jackson.version>2.17.1</jackson.version></properties>
  <dependencies>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>${jackson.version}</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>[4.0,5.0)</version><scope>test</scope></dependency>
  </dependencies>
</project>"#;
        let p = parse_manifest(Format::PomXml, pom).unwrap();
        let got = names(&p);
        assert!(got.contains(&(
            "com.fasterxml.jackson.core:jackson-databind".into(),
            Kind::Normal,
            "2.17.1".into(),
            true,
            SourceKind::Registry
        )));
        assert!(
            got.iter()
                .any(|g| g.0 == "junit:junit" && g.1 == Kind::Dev && !g.3)
        );
        assert!(parse_manifest(Format::PomXml, "<project>").is_err());
        let gradle = "dependencies {\n    implementation(\"org.slf4j:slf4j-api:2.0.13\")\n    testImplementation 'org.junit.jupiter:junit-jupiter:5.+'\n    api group: 'com.google.guava', name: 'guava', version: '33.0-jre'\n    implementation(project(\":core\"))\n    implementation platform('org.springframework.boot:spring-boot-dependencies:3.3.0')\n}\n";
        let p = parse_manifest(Format::Gradle, gradle).unwrap();
        let got = names(&p);
        assert!(got.iter().any(|g| g.0 == "org.slf4j:slf4j-api" && g.3));
        assert!(
            got.iter()
                .any(|g| g.0 == "org.junit.jupiter:junit-jupiter" && g.1 == Kind::Dev && !g.3)
        );
        assert!(got.iter().any(|g| g.0 == "com.google.guava:guava" && g.3));
        assert!(
            got.iter()
                .any(|g| g.0 == ":core" && g.4 == SourceKind::Workspace)
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "org.springframework.boot:spring-boot-dependencies")
        );
        assert_eq!(got.len(), 5, "{got:?}");
    }

    #[test]
    fn lockfiles_of_every_format_list_their_packages() {
        let cases: Vec<(Format, &str, &[&str])> = vec![
            (
                Format::CargoLock,
                "version = 3\n[[package]]\nname = \"serde_json\"\nversion = \"1.0.0\"\n",
                &["serde-json"],
            ),
            (
                Format::PackageLock,
                r#"{"lockfileVersion":3,"packages":{"":{"name":"app"},"node_modules/a":{"version":"1.0.0"},"node_modules/a/node_modules/@s/b":{"version":"2.0.0"}}}"#,
                &["@s/b", "a"],
            ),
            (
                Format::PackageLock,
                r#"{"lockfileVersion":1,"dependencies":{"a":{"version":"1.0.0","dependencies":{"c":{"version":"3.0.0"}}}}}"#,
                &["a", "c"],
            ),
            (
                Format::YarnLock,
                "# yarn lockfile v1\n\n\"@s/b@^2.0.0\", \"@s/b@^2.1.0\":\n  version \"2.1.0\"\n\nleft@^1.0.0:\n  version \"1.0.0\"\n",
                &["@s/b", "left"],
            ),
            (
                Format::PnpmLock,
                "lockfileVersion: '9.0'\npackages:\n  left@1.0.0:\n    resolution: {integrity: x}\n  '@s/b@2.0.0':\n    resolution: {integrity: y}\n",
                &["@s/b", "left"],
            ),
            (
                Format::PnpmLock,
                "lockfileVersion: 5.4\npackages:\n  /left/1.0.0:\n    dev: false\n  /@s/b/2.0.0:\n    dev: true\n",
                &["@s/b", "left"],
            ),
            (
                Format::GoSum,
                "github.com/a/b v1.2.3 h1:x=\ngithub.com/a/b v1.2.3/go.mod h1:y=\n",
                &["github.com/a/b"],
            ),
            (
                Format::GemfileLock,
                "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (7.1.0)\n      actionpack (= 7.1.0)\n    pg (1.5.4)\n",
                &["pg", "rails"],
            ),
            (
                Format::PoetryLock,
                "[[package]]\nname = \"Zope.Interface\"\nversion = \"5\"\n",
                &["zope-interface"],
            ),
            (
                Format::PipfileLock,
                r#"{"default":{"requests":{"version":"==2.31.0"}},"develop":{}}"#,
                &["requests"],
            ),
        ];
        for (format, text, want) in cases {
            let got = parse_lockfile(format, text).unwrap_or_else(|e| panic!("{format:?}: {e}"));
            let names: Vec<&str> = got.keys().map(String::as_str).collect();
            assert_eq!(names, want, "{format:?}");
        }
        assert!(parse_lockfile(Format::PackageLock, "{").is_err());
    }

    #[test]
    fn a_deeply_nested_v1_package_lock_is_walked_without_recursion() {
        let depth = 60;
        let mut text = String::new();
        for i in 0..depth {
            text.push_str(&format!("{{\"dependencies\":{{\"p{i}\":"));
        }
        text.push_str("{}");
        for _ in 0..depth {
            text.push_str("}}");
        }
        let got = parse_lockfile(Format::PackageLock, &text).unwrap();
        assert_eq!(got.len(), depth);
        // serde_json's own recursion limit (128) refuses deeper documents with an error.
        let deeper = format!(
            "{}{{}}{}",
            "{\"dependencies\":{\"p\":".repeat(200),
            "}}".repeat(200)
        );
        assert!(parse_lockfile(Format::PackageLock, &deeper).is_err());
    }
}
