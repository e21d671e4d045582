//! Reading from git: staged changes, commit messages, identities, commit ranges, blobs.
//! The only module that uses git2. It never writes to the index, the work tree or history.
pub mod hooks;
