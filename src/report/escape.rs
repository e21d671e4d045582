//! The one escaping of text that reaches a terminal or an annotation: everything a hostile repository
//! controls (paths, policy files, METADATA, messages, errors) goes through `printable` before it is shown.
//! Owns no formatting beyond that; JSON keeps the data and only changes how it is spelled.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a character must not reach a terminal as itself: C0 controls and DEL (ESC starts CSI and
/// OSC sequences that move the cursor, rewrite the window title or plant hyperlinks), C1 controls
/// (U+0080–U+009F; U+009B is a one-character CSI on some terminals), and the Unicode bidi controls
/// that make a line read differently from its bytes (U+200E/U+200F marks, U+202A–U+202E embeddings
/// and overrides, U+2066–U+2069 isolates, U+061C the Arabic letter mark).
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text as it may be shown on one terminal line: every unsafe character (see `is_unsafe`),
/// newlines and tabs included, is rendered visibly as a Rust escape (`\u{1b}`, `\u{202e}`, `\n`).
pub fn printable(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// Like `printable` for text of several lines (errors, descriptions, remediation): newlines and
/// tabs are kept, every other unsafe character (a `\r` too) is escaped.
pub fn printable_text(s: &str) -> Cow<'_, str> {
    escape(s, |c| c == '\n' || c == '\t')
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON made safe for a terminal without changing its data: serde escapes C0 controls, and
/// DEL, C1 and bidi characters (which can only occur inside strings) are spelled as `\uXXXX` escapes,
/// which decode to the same characters.
pub fn json(s: String) -> String {
    // Outside strings JSON has only ASCII and whitespace; inside, serde already escaped C0.
    let spelled = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !s.chars().any(spelled) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if spelled(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one `\uXXXX` escape each.
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// The message of a GitHub Actions workflow command (after `::`): terminal-safe, then `%`, `\r` and
/// `\n` percent-encoded as the runner expects, so a value can neither start a new command nor carry
/// an escape sequence into the log.
pub fn github_data(s: &str) -> String {
    escape(s, |c| matches!(c, '\n' | '\t' | '\r'))
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value of a workflow command (`file=`, `title=`): as `github_data`, and `:` and `,`
/// encoded too, so a value cannot end the property list (`::`) or add a property.
pub fn github_property(s: &str) -> String {
    github_data(&printable(s))
        .replace(':', "%3A")
        .replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_bidi_characters_are_rendered_visibly() {
        assert_eq!(printable("a\u{1b}]0;t\u{7}b"), "a\\u{1b}]0;t\\u{7}b");
        assert_eq!(printable("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(printable("\u{202e}gpj.exe"), "\\u{202e}gpj.exe");
        for c in [
            '\u{200e}', '\u{200f}', '\u{2066}', '\u{2069}', '\u{202a}', '\u{7f}',
        ] {
            assert!(!printable(&format!("a{c}b")).contains(c), "{c:?}");
        }
        assert_eq!(printable("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(printable_text("a\nb\tc\rd"), "a\nb\tc\\rd");
        assert!(matches!(printable("plain ünïcode"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_the_data_of_bidi_and_c1_characters() {
        let v = serde_json::json!({"t": "a\u{1b}b\u{202e}c\u{85}d\u{7f}"});
        let s = json(serde_json::to_string_pretty(&v).unwrap());
        assert!(!s.chars().any(|c| is_unsafe(c) && c != '\n'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn workflow_commands_cannot_be_injected() {
        let d = github_data("100%\r\n::error::x\u{1b}[2J");
        assert_eq!(d, "100%25%0D%0A::error::x\\u{1b}[2J");
        let p = github_property("a.rs,line=1::x\ny");
        assert_eq!(p, "a.rs%2Cline=1%3A%3Ax\\ny");
        assert!(!p.contains(['\n', '\r', ':', ',']));
    }
}
