//! The charter's `ai:` section: the team's own AI-tool signatures, in the schema of the built-in
//! catalogue (rules/ai-signatures.yaml), and built-in ids to switch off. Run by `detect::ai`.

use super::checked::{self, Check};
use crate::pattern::RegexPattern;
use crate::rules::signatures::SignatureSpec;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A signature from a team's charter: same schema as the catalogue, regexes checked while parsing.
pub type SignatureDef = SignatureSpec<RegexPattern>;

impl Check for SignatureDef {
    const EXPECTING: &'static str = "struct SignatureSpec";

    fn check(&self, ids: &mut HashSet<String>) -> Result<(), String> {
        if self.applies_to.is_empty() {
            return Err(format!("signature `{}`: `applies_to` is empty", self.id));
        }
        // Against the built-in ids it is checked when the catalogue is loaded (`detect::ai`).
        if !ids.insert(self.id.clone()) {
            return Err(format!("signature id `{}` is already defined", self.id));
        }
        Ok(())
    }
}

/// The charter's `ai:` section (team-added signatures).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AiConfig {
    /// Extra signatures, in the schema of rules/ai-signatures.yaml (no `{{vocabulary}}`).
    /// Default: `[]`.
    #[serde(deserialize_with = "checked::list")]
    pub signatures: Vec<SignatureDef>,
    /// Built-in signature ids to switch off. Default: `[]`.
    pub disable: Vec<String>,
}

#[cfg(test)]
mod tests {
    use crate::config::from_team_text;
    use std::path::Path;

    fn err(text: &str) -> String {
        from_team_text(Path::new(".charter/charter.yaml"), text)
            .unwrap_err()
            .to_string()
    }

    const SIG: &str = "    - id: acme\n      tool: Acme\n      strength: strong\n      applies_to: [author]\n      pattern: 'acme'\n";

    #[test]
    fn signature_with_empty_applies_to_names_file_line_column_and_entry() {
        assert_eq!(
            err(
                "ai:\n  signatures:\n    - id: acme\n      tool: Acme\n      strength: strong\n      applies_to: []\n      pattern: 'acme'\n"
            ),
            ".charter/charter.yaml:3:7: ai.signatures[0]: signature `acme`: `applies_to` is empty"
        );
    }

    #[test]
    fn signature_defined_twice_names_the_second() {
        assert_eq!(
            err(&format!("ai:\n  signatures:\n{SIG}{SIG}")),
            ".charter/charter.yaml:8:7: ai.signatures[1]: signature id `acme` is already defined"
        );
    }
}
