//! CI and pre-push: judging every commit of a range with the same policies as the hooks.
// PLACEHOLDER: owned by the CI helper.
