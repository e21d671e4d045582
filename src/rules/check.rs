//! The one example checker, for every rule kind: each positive example must get past the kind's
//! prefilter and be reported under its rule's id; no negative example may be reported at all.
//! A silent prefilter miss is the worst bug a scanner can have, so it is reported on its own.

use serde::Serialize;
use std::fmt;

/// A rule example: a text and the path it is scanned at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub path: String,
    pub text: String,
}

impl Example {
    pub fn new(path: &str, text: &str) -> Example {
        Example {
            path: path.to_string(),
            text: text.to_string(),
        }
    }
}

/// One rule's examples, as its kind lists them.
#[derive(Debug, Clone)]
pub struct RuleExamples {
    pub id: String,
    pub examples: Vec<Example>,
    pub negatives: Vec<Example>,
    /// Whether a rule without examples is a problem (built-in and team rules; not rules imported
    /// from another tool's config, which has no examples to give).
    pub needs_examples: bool,
}

/// What the checker needs of a compiled rule set; implemented by each detector.
pub trait RuleSet {
    /// The kind, as `rules check` prints it: `secret`, `insecure`, `signature`.
    fn kind(&self) -> &'static str;
    /// Every rule with its examples, in catalogue order.
    fn examples(&self) -> Vec<RuleExamples>;
    /// Whether the prefilter lets rule `id` run on `example` (one of its keywords or required
    /// literals occurs where the detector looks).
    fn passes_prefilter(&self, id: &str, example: &Example) -> bool;
    /// The ids of the set's rules that report something on `example`, placed where rule `id`
    /// looks (a file line, a commit message, a trailer, an identity).
    fn reported(&self, id: &str, example: &Example) -> Vec<String>;
    /// Whether a negative example must give no finding from any rule of the set (a secret rule's
    /// negatives are texts that hold no secret), rather than none from its own rule (an insecure
    /// pattern's negative may well be another pattern's positive).
    fn negatives_are_clean(&self) -> bool {
        false
    }
    /// Problems not tied to one example: regexes that do not compile, catalogue-wide negatives.
    fn other_problems(&self) -> Vec<Problem> {
        Vec::new()
    }
}

/// One failed check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: &'static str,
    pub rule: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} rule `{}`: {}", self.kind, self.rule, self.message)
    }
}

/// What `check` looked at, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub rules: usize,
    pub examples: usize,
    pub negatives: usize,
}

/// What `rules check` found over several rule sets: what each kind checked, and every problem.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcome {
    pub kinds: Vec<(&'static str, Checked)>,
    pub problems: Vec<Problem>,
}

/// Runs every example of `set` and returns the problems found.
pub fn check(set: &dyn RuleSet) -> (Checked, Vec<Problem>) {
    let kind = set.kind();
    let mut problems = set.other_problems();
    let mut checked = Checked::default();
    let problem = |rule: &str, message: String| Problem {
        kind,
        rule: rule.to_string(),
        message,
    };
    for rule in set.examples() {
        checked.rules += 1;
        checked.examples += rule.examples.len();
        checked.negatives += rule.negatives.len();
        if rule.needs_examples && rule.examples.is_empty() {
            problems.push(problem(&rule.id, "has no examples".into()));
        }
        for ex in &rule.examples {
            if !set.passes_prefilter(&rule.id, ex) {
                problems.push(problem(
                    &rule.id,
                    format!(
                        "the prefilter misses example {:?} at {} (add a keyword it contains)",
                        ex.text, ex.path
                    ),
                ));
                continue;
            }
            let got = set.reported(&rule.id, ex);
            if !got.contains(&rule.id) {
                problems.push(problem(
                    &rule.id,
                    format!(
                        "example {:?} at {} is not reported (reported: {})",
                        ex.text,
                        ex.path,
                        list(&got)
                    ),
                ));
            }
        }
        for ex in &rule.negatives {
            let mut got = set.reported(&rule.id, ex);
            if !set.negatives_are_clean() {
                got.retain(|id| *id == rule.id);
            }
            if !got.is_empty() {
                problems.push(problem(
                    &rule.id,
                    format!(
                        "negative example {:?} at {} is reported by {}",
                        ex.text,
                        ex.path,
                        list(&got)
                    ),
                ));
            }
        }
    }
    (checked, problems)
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "nothing".to_string();
    }
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy set: rule `ab` has keyword `a` and matches `ab`; its examples show each failure once.
    struct Toy;

    impl RuleSet for Toy {
        fn kind(&self) -> &'static str {
            "toy"
        }
        fn examples(&self) -> Vec<RuleExamples> {
            vec![
                RuleExamples {
                    id: "ab".into(),
                    examples: vec![
                        Example::new("x", "ab"),
                        Example::new("x", "b"),
                        Example::new("x", "a"),
                    ],
                    negatives: vec![Example::new("x", "zab"), Example::new("x", "zz")],
                    needs_examples: true,
                },
                RuleExamples {
                    id: "none".into(),
                    examples: vec![],
                    negatives: vec![],
                    needs_examples: true,
                },
            ]
        }
        fn passes_prefilter(&self, _: &str, ex: &Example) -> bool {
            ex.text.contains('a')
        }
        fn reported(&self, _: &str, ex: &Example) -> Vec<String> {
            if ex.text == "zz" {
                return vec!["other".into()];
            }
            if ex.text.contains("ab") {
                vec!["ab".into()]
            } else {
                vec![]
            }
        }
    }

    #[test]
    fn each_kind_of_failure_is_reported_once() {
        let (checked, problems) = check(&Toy);
        assert_eq!(
            checked,
            Checked {
                rules: 2,
                examples: 3,
                negatives: 2
            }
        );
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "toy rule `ab`: the prefilter misses example \"b\" at x (add a keyword it contains)",
                "toy rule `ab`: example \"a\" at x is not reported (reported: nothing)",
                "toy rule `ab`: negative example \"zab\" at x is reported by `ab`",
                "toy rule `none`: has no examples",
            ]
        );
    }
}
