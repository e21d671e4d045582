//! `{{name}}` expansion of the AI-signature catalogue's vocabulary, in a file of its own so that
//! `build.rs` compiles it too (`#[path]`): it expands the built-in signatures to compute their
//! required literals at build time. Depends on `std` only.

use std::collections::BTreeMap;

/// `pattern` with every `{{name}}` replaced by `(?:vocab[name])`, recursively.
pub fn expand(pattern: &str, vocab: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = pattern.to_string();
    // Vocabulary entries may use each other; a few rounds cover any sane nesting.
    for _ in 0..8 {
        let Some(start) = out.find("{{") else {
            return Ok(out);
        };
        let Some(len) = out[start..].find("}}") else {
            return Err(format!("unclosed `{{{{` in `{pattern}`"));
        };
        let name = out[start + 2..start + len].trim().to_string();
        let Some(value) = vocab.get(&name) else {
            return Err(format!("unknown vocabulary `{name}` in `{pattern}`"));
        };
        out.replace_range(start..start + len + 2, &format!("(?:{value})"));
    }
    if out.contains("{{") {
        return Err(format!("vocabulary nests too deep in `{pattern}`"));
    }
    Ok(out)
}
