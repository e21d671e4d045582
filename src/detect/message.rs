//! The commit message as git will store it: comment lines and the scissors section removed.
// PLACEHOLDER: owned by the commit-message helper.

/// Applies git's default clean-up (`--cleanup=strip` when the editor ran; `scissors` after `-v`).
/// `comment` is `core.commentChar` (already resolved; "auto" is resolved by the caller).
pub fn cleanup(raw: &str, _comment: &str) -> String {
    raw.to_string()
}

/// First paragraph joined into one line, as `git log --format=%s` prints it.
pub fn subject(msg: &str) -> String {
    msg.lines().next().unwrap_or("").trim().to_string()
}
