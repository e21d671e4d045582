//! The built-in policies on regorus's VM against the interpreter: any input document (JSON, as
//! the input builder would produce it or mutated from one) is evaluated for its stage on both, and
//! they must agree rule by rule (`Evaluator::crosschecked`). Input: one flag byte (the stage and
//! the charter's `policies.warn_only` switch), then the document.
//! Invariant: no disagreement. An error both engines raise (a document of the wrong shape) is not
//! a finding; the VM making a rule undefined where the interpreter errors is expected (see
//! `Evaluator::load`) and not one either.
#![no_main]

use git_charter::model::Stage;
use git_charter::policy::{DISAGREE, Evaluator, Overrides, builtin_sources};
use libfuzzer_sys::fuzz_target;

const STAGES: [Stage; 4] = [
    Stage::PreCommit,
    Stage::CommitMsg,
    Stage::PrePush,
    Stage::Ci,
];

thread_local! {
    static EVALUATOR: std::cell::RefCell<Evaluator> = std::cell::RefCell::new({
        let charter = serde_json::to_string(&git_charter::config::default_charter())
            .expect("the default charter serialises");
        // A generous budget: a slow input is not what this target looks for.
        Evaluator::crosschecked(&builtin_sources(), &charter, 60_000)
            .expect("the built-in policies load")
    });
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    if !doc.is_object() {
        return;
    }
    let stage = STAGES[usize::from(flags & 3)];
    let overrides = Overrides {
        disable: Vec::new(),
        warn_only: if flags & 4 != 0 {
            vec!["CH-AI-001".into()]
        } else {
            Vec::new()
        },
    };
    let json = doc.to_string();
    EVALUATOR.with(|e| {
        if let Err(err) = e.borrow_mut().evaluate(&json, stage, &overrides) {
            let message = err.to_string();
            assert!(!message.contains(DISAGREE), "{message}");
            // A budget breach leaves the worker stopped: start a fresh evaluator.
            if !message.contains("exceeded") && !message.contains("stopped") {
                return;
            }
            let charter = serde_json::to_string(&git_charter::config::default_charter()).unwrap();
            *e.borrow_mut() =
                Evaluator::crosschecked(&builtin_sources(), &charter, 60_000).unwrap();
        }
    });
});
