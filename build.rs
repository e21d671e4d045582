//! Embeds every `policies/**/*.rego` file in the binary as (path, text) pairs.
#![allow(clippy::disallowed_macros)] // a build script talks to cargo through stdout

use std::path::{Path, PathBuf};

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
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_policies.rs");
    std::fs::write(out, code).unwrap();
}
