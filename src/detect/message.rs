//! The commit message as git will store it: comment lines and the scissors section removed.
//! Pure string processing mirroring git's `strip` clean-up; never runs git (tests use it as an oracle).

use crate::detect::trailers::{CUT_LINE, is_git_space, locate_scissors};

/// Applies git's default clean-up (`--cleanup=strip` when the editor ran; `scissors` after `-v`).
/// `comment` is `core.commentChar` (already resolved; "auto" is resolved by the caller).
/// An empty `comment` keeps lines that start with `#`, like `--cleanup=whitespace`.
pub fn cleanup(raw: &str, comment: &str) -> String {
    let bytes = raw.as_bytes();
    let scissors_comment = if comment.is_empty() { "#" } else { comment };
    let end = locate_scissors(bytes, bytes.len(), scissors_comment.as_bytes());
    // The scissors position is always just after a newline (or 0), an ASCII boundary.
    let text = raw.get(..end).unwrap_or(raw);

    let mut out = String::with_capacity(text.len() + 1);
    let mut pending_blank = false;
    for line in text.split_inclusive('\n') {
        if !comment.is_empty() && line.starts_with(comment) {
            continue;
        }
        let kept = line.trim_end_matches(|c: char| c.is_ascii() && is_git_space(c as u8));
        if kept.is_empty() {
            pending_blank = true;
            continue;
        }
        // Runs of blank lines become one; leading and trailing ones go.
        if pending_blank && !out.is_empty() {
            out.push('\n');
        }
        pending_blank = false;
        out.push_str(kept);
        out.push('\n');
    }
    out
}

/// The characters git tries, in order, for `core.commentChar=auto`.
const AUTO_COMMENT_CANDIDATES: &str = "#;@!$%^&|:";

/// The comment character git used in a message file it prepared with `core.commentChar=auto`.
/// git picks the first candidate that starts no line of the message, then appends its help
/// text (and, with `-v`, the scissors line) commented with it; the hook sees the result, so the
/// choice is recovered from those lines before falling back to git's own rule.
pub fn resolve_auto_comment(raw: &str) -> String {
    let candidates = || AUTO_COMMENT_CANDIDATES.chars().map(String::from);
    if let Some(c) = candidates().find(|c| has_scissors(raw, c)) {
        return c;
    }
    // The help text is a block of several commented lines at the end of the file; one line
    // alone could be the user's own text.
    let mut tail = raw.lines().rev().filter(|l| !l.trim().is_empty());
    if let (Some(a), Some(b)) = (tail.next(), tail.next())
        && let Some(c) =
            candidates().find(|c| a.starts_with(c.as_str()) && b.starts_with(c.as_str()))
    {
        return c;
    }
    candidates()
        .find(|c| !raw.lines().any(|l| l.starts_with(c.as_str())))
        .unwrap_or_else(|| "#".to_string())
}

/// Whether `raw` holds `git commit -v`'s scissors line for this comment string.
pub fn has_scissors(raw: &str, comment: &str) -> bool {
    let comment = if comment.is_empty() { "#" } else { comment };
    let line = format!("{comment} {}", String::from_utf8_lossy(CUT_LINE));
    raw.starts_with(&line) || raw.contains(&format!("\n{line}"))
}

/// First paragraph joined into one line, as `git log --format=%s` prints it.
pub fn subject(msg: &str) -> String {
    let is_blank = |l: &str| l.bytes().all(is_git_space);
    let mut parts: Vec<&str> = Vec::new();
    for line in msg.split('\n').skip_while(|l| is_blank(l)) {
        if is_blank(line) {
            break;
        }
        parts.push(line.trim_end_matches(|c: char| c.is_ascii() && is_git_space(c as u8)));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_drops_comments_and_collapses_blank_lines() {
        let raw = "\n\nsubject  \n\n\n# a comment\nbody\t\n\n\n";
        assert_eq!(cleanup(raw, "#"), "subject\n\nbody\n");
    }

    #[test]
    fn scissors_cuts_everything_below() {
        let raw = "subject\n\nbody\n# ------------------------ >8 ------------------------\ndiff --git a b\n";
        assert_eq!(cleanup(raw, "#"), "subject\n\nbody\n");
        assert!(has_scissors(raw, "#"));
        let at_start = "# ------------------------ >8 ------------------------\nall gone\n";
        assert_eq!(cleanup(at_start, "#"), "");
    }

    #[test]
    fn custom_comment_char() {
        assert_eq!(cleanup("s\n; note\n#keep\n", ";"), "s\n#keep\n");
        assert_eq!(cleanup("s\n#keep\n", ""), "s\n#keep\n");
    }

    #[test]
    fn auto_comment_char_is_recovered_from_the_prepared_file() {
        let raw = "#1 is the issue\n\n; Please enter the commit message for your changes.\n;\n";
        assert_eq!(resolve_auto_comment(raw), ";");
        let verbose = "msg\n; ------------------------ >8 ------------------------\n# diff\n";
        assert_eq!(resolve_auto_comment(verbose), ";");
        assert_eq!(resolve_auto_comment("plain message\n"), "#");
        assert_eq!(resolve_auto_comment("#a\n;b\n@c\n"), "!");
    }

    #[test]
    fn subject_joins_first_paragraph() {
        assert_eq!(subject("\n  \nfirst  \nsecond\n\nbody\n"), "first second");
        assert_eq!(subject(""), "");
        assert_eq!(subject("one\r\n\r\ntwo"), "one");
    }
}
