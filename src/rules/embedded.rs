//! The embedded data files (secret and insecure rule files, AI signatures, the default charter)
//! in the JSON form `build.rs` converts them to. The same data as the TOML and YAML they are
//! written in, read several times faster: every hook run reads all of them at start-up. The
//! source texts stay embedded too, for messages that quote them (a charter error's location in
//! the default) and for these tests.

include!(concat!(env!("OUT_DIR"), "/embedded_json.rs"));

/// Embedded file `path` read as `T` from its JSON form (every file `build.rs` converts has one;
/// the tests below pin that each reads the same as from its source).
pub fn read<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, String> {
    let j = json(path).ok_or_else(|| format!("{path}: not among the embedded data files"))?;
    serde_json::from_str(j).map_err(|e| e.to_string())
}

/// Secret rule file `path` read as `T` from its lean JSON form, without examples, negative
/// examples and references (what scanning needs; a test pins that it reads the same otherwise).
pub fn read_for_scan<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, String> {
    let j = scan_json(path).ok_or_else(|| format!("{path}: not among the embedded rule files"))?;
    serde_json::from_str(j).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every embedded file has its JSON form, and reads the same from it as from its source.
    #[test]
    fn every_embedded_file_reads_the_same_from_json() {
        for (path, text) in crate::rules::secrets::BUILTIN_FILES {
            let from_json: crate::rules::secrets::RuleFile =
                serde_json::from_str(json(path).expect(path)).expect(path);
            let from_toml: crate::rules::secrets::RuleFile = toml::from_str(text).expect(path);
            assert_eq!(from_json.rule, from_toml.rule, "{path}");
            // The lean form: the same rules, examples, negatives and references left out.
            let lean: crate::rules::secrets::RuleFile = read_for_scan(path).expect(path);
            let stripped: Vec<_> = from_toml
                .rule
                .into_iter()
                .map(|r| crate::rules::secrets::RuleSpec {
                    examples: Vec::new(),
                    negative_examples: Vec::new(),
                    references: Vec::new(),
                    ..r
                })
                .collect();
            assert_eq!(lean.rule, stripped, "{path}");
        }
        for (path, text) in crate::rules::insecure::BUILTIN_RULE_FILES {
            let from_json: crate::rules::insecure::RuleFile =
                serde_json::from_str(json(path).expect(path)).expect(path);
            let from_yaml: crate::rules::insecure::RuleFile =
                yaml_serde::from_str(text).expect(path);
            assert_eq!(from_json.rules, from_yaml.rules, "{path}");
        }
        let path = crate::rules::signatures::BUILTIN_PATH;
        let from_json: crate::rules::signatures::Catalogue =
            serde_json::from_str(json(path).expect(path)).expect(path);
        let from_yaml: crate::rules::signatures::Catalogue =
            yaml_serde::from_str(crate::rules::signatures::BUILTIN_SIGNATURES).expect(path);
        assert_eq!(from_json, from_yaml);
        let path = crate::config::DEFAULT_CHARTER_PATH;
        let from_json: crate::config::Charter =
            serde_json::from_str(json(path).expect(path)).expect(path);
        let from_yaml: crate::config::Charter =
            yaml_serde::from_str(crate::config::DEFAULT_CHARTER).expect(path);
        assert_eq!(from_json, from_yaml);
        let value: yaml_serde::Value = serde_json::from_str(json(path).unwrap()).unwrap();
        let direct: yaml_serde::Value =
            yaml_serde::from_str(crate::config::DEFAULT_CHARTER).unwrap();
        assert_eq!(value, direct);
    }
}
