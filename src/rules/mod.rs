//! Rule FILES as data: the schemas of the embedded catalogues (secrets, insecure patterns, AI
//! signatures) and of gitleaks configs, their loading, and the one example checker (`rules check`).
//! Must not scan anything itself: detectors compile these onto `pattern` and the checker drives them.

pub mod check;
pub mod embedded;
pub mod gitleaks;
pub mod insecure;
pub mod secrets;
pub mod signatures;
pub mod vocabulary;

/// A rule file that does not parse or breaks a rule invariant; names the file (and rule).
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}
