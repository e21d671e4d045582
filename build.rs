//! Embeds every `policies/**/*.rego` file in the binary as (path, text) pairs, and each embedded
//! rule file and the default charter (TOML, YAML) converted to JSON: the same data, which the
//! binary reads several times faster at start-up than the source formats (every hook run parses
//! all of them). `src/rules/embedded.rs` serves the JSON; its tests check that each file reads the
//! same either way.
#![allow(clippy::disallowed_macros)] // a build script talks to cargo through stdout

use std::path::{Path, PathBuf};

// The pure cores the binary also uses: required-literal extraction and the signatures'
// vocabulary expansion, compiled here to precompute the built-in patterns' literal sets.
#[allow(dead_code)]
#[path = "src/pattern/literal_sets.rs"]
mod literal_sets;
#[allow(dead_code)]
#[path = "src/rules/vocabulary.rs"]
mod vocabulary;
// The package-name forms and their lookup table (`detect::deps::names` reads what this writes).
#[allow(dead_code)]
#[path = "src/detect/deps/forms.rs"]
mod forms;

/// How many of a list's most popular names an unknown name is compared with
/// (`detect::deps::names::TARGETS`).
const NAME_TARGETS: usize = 5000;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rego") {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = root.join("policies");
    println!("cargo:rerun-if-changed=policies");
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    let mut code = String::from("pub static BUILTIN_POLICIES: &[(&str, &str)] = &[\n");
    // Each policy's METADATA block as JSON (`policy::metadata::parse_header` reads it as YAML, which
    // costs every hook run about 100,000 instructions a file); "" where the file has none or it does
    // not parse (the binary then parses the text itself and reports the error).
    let mut metadata = String::from("pub static BUILTIN_METADATA: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.to_string_lossy()
        ));
        let text = std::fs::read_to_string(f).unwrap();
        let json = metadata_yaml(&text)
            .and_then(|y| yaml_serde::from_str::<serde_json::Value>(&y).ok())
            .map(|v| v.to_string())
            .unwrap_or_default();
        metadata.push_str(&format!("    ({rel:?}, {json:?}),\n"));
    }
    code.push_str("];\n");
    metadata.push_str("];\n");
    code.push_str(&metadata);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("builtin_policies.rs"), code).unwrap();
    name_tables(&root, &out_dir);
    let data = embed_json(&root, &out_dir);
    literal_table(&data, &out_dir);
}

/// Writes `names_<ecosystem>.bin`, the lookup table (`forms::build`) of each popular-package list
/// in `rules/packages/`: names normalised as the registry compares them, unique, most popular first.
fn name_tables(root: &Path, out_dir: &Path) {
    for (file, ecosystem) in [
        ("npm", "npm"),
        ("pypi", "pypi"),
        ("crates", "cargo"),
        ("go", "go"),
        ("maven", "maven"),
    ] {
        let path = root.join("rules/packages").join(format!("{file}.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        let names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| forms::normalize(ecosystem, l))
            .filter(|n| seen.insert(n.clone()))
            .collect();
        let table = forms::build(&names, NAME_TARGETS);
        std::fs::write(out_dir.join(format!("names_{ecosystem}.bin")), table).unwrap();
    }
}

/// The METADATA block of a policy text as YAML, extracted as `parse_header` does: the comment lines
/// after the last `# METADATA` line above the `package` line, each without `#` and one space.
fn metadata_yaml(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let pkg = lines.iter().position(|l| {
        l.trim_start()
            .strip_prefix("package ")
            .and_then(|r| r.split('#').next())
            .is_some_and(|n| !n.trim().is_empty())
    })?;
    let start = lines[..pkg]
        .iter()
        .rposition(|l| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for l in &lines[start + 1..pkg] {
        let Some(c) = l.trim_start().strip_prefix('#') else {
            break;
        };
        yaml.push_str(c.strip_prefix(' ').unwrap_or(c));
        yaml.push('\n');
    }
    Some(yaml)
}

/// Writes `literal_sets.rs`: the required literal sets (`literal_sets::compute`) of every built-in
/// insecure pattern (ASCII mode, as `detect::insecure` compiles them) and AI signature (expanded,
/// Unicode mode, as `detect::ai` does), sorted by (pattern, mode) for `pattern::literals`.
fn literal_table(data: &[(String, serde_json::Value)], out_dir: &Path) {
    println!("cargo:rerun-if-changed=src/pattern/literal_sets.rs");
    println!("cargo:rerun-if-changed=src/rules/vocabulary.rs");
    let mut patterns: Vec<(String, bool)> = Vec::new();
    for (path, value) in data {
        if path.starts_with("rules/insecure/") {
            for rule in value["rules"].as_array().into_iter().flatten() {
                for p in rule["patterns"].as_array().into_iter().flatten() {
                    if let Some(re) = p["regex"].as_str() {
                        patterns.push((re.to_string(), false));
                    }
                }
            }
        } else if path == "rules/ai-signatures.yaml" {
            let vocab: std::collections::BTreeMap<String, String> =
                serde_json::from_value(value["vocabulary"].clone()).unwrap_or_default();
            for sig in value["signatures"].as_array().into_iter().flatten() {
                if let Some(p) = sig["pattern"].as_str() {
                    let expanded =
                        vocabulary::expand(p, &vocab).unwrap_or_else(|e| panic!("{path}: {e}"));
                    patterns.push((expanded, true));
                }
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut code = String::from("&[\n");
    for (p, unicode) in &patterns {
        let sets = literal_sets::compute(p, *unicode);
        let sets: Vec<String> = sets
            .iter()
            .map(|set| {
                let lits: Vec<String> = set.iter().map(|l| format!("&{l:?}")).collect();
                format!("&[{}]", lits.join(", "))
            })
            .collect();
        code.push_str(&format!(
            "    ({p:?}, {unicode}, &[{}]),\n",
            sets.join(", ")
        ));
    }
    code.push_str("]\n");
    std::fs::write(out_dir.join("literal_sets.rs"), code).unwrap();
}

/// The files `embed_json` converts, by directory and extension.
const DATA: &[(&str, &str)] = &[
    ("rules/secrets", "toml"),
    ("rules/insecure", "yaml"),
    ("rules", "yaml"),
    ("charter", "yaml"),
];

/// Writes `embedded_json.rs`: `fn json(path) -> Option<&'static str>` over every file of `DATA`,
/// each file's JSON written next to it in `OUT_DIR` and included from there. Returns each file's
/// path and value.
fn embed_json(root: &Path, out_dir: &Path) -> Vec<(String, serde_json::Value)> {
    let mut data = Vec::new();
    let mut arms = String::new();
    let mut scan_arms = String::new();
    for (dir, ext) in DATA {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == *ext))
            .collect();
        files.sort();
        for f in files {
            let rel = f
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let value: serde_json::Value = match *ext {
                "toml" => {
                    let v: toml::Value =
                        toml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
                    serde_json::to_value(v).unwrap_or_else(|e| panic!("{rel}: {e}"))
                }
                _ => {
                    let v: yaml_serde::Value =
                        yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
                    serde_json::to_value(v).unwrap_or_else(|e| panic!("{rel}: {e}"))
                }
            };
            let name = rel.replace('/', "__") + ".json";
            std::fs::write(out_dir.join(&name), value.to_string()).unwrap();
            arms.push_str(&format!(
                "        {rel:?} => Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),\n"
            ));
            if *dir == "rules/secrets" {
                // What a scan needs: the rules without their examples, negative examples and
                // references (about 40 % of the bytes every hook would parse).
                let mut lean = value.clone();
                if let Some(rules) = lean.get_mut("rule").and_then(|r| r.as_array_mut()) {
                    for r in rules.iter_mut().filter_map(|r| r.as_object_mut()) {
                        r.insert("examples".into(), serde_json::Value::Array(Vec::new()));
                        r.remove("negative_examples");
                        r.remove("references");
                    }
                }
                let lean_name = rel.replace('/', "__") + ".scan.json";
                std::fs::write(out_dir.join(&lean_name), lean.to_string()).unwrap();
                scan_arms.push_str(&format!(
                    "        {rel:?} => Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/{lean_name}\"))),\n"
                ));
            }
            data.push((rel.clone(), value));
        }
    }
    let code = format!(
        "/// The JSON form of the embedded data file `path` (`build.rs`), if it is one.\n\
         pub fn json(path: &str) -> Option<&'static str> {{\n    match path {{\n{arms}        _ => None,\n    }}\n}}\n\
         /// The secret rule file `path` as a scan needs it: JSON without examples, negative\n\
         /// examples and references (`build.rs`).\n\
         pub fn scan_json(path: &str) -> Option<&'static str> {{\n    match path {{\n{scan_arms}        _ => None,\n    }}\n}}\n"
    );
    std::fs::write(out_dir.join("embedded_json.rs"), code).unwrap();
    data
}
