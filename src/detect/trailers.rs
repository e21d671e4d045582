//! Commit-message trailers parsed exactly as git parses them (trailer.c), in both of git's modes.
//! Pure string processing; git's configuration reaches it as `TrailerConfig`. No git, no regex.
//!
//! Written from a reading of git 2.47's trailer.c, commit.c (`ignored_log_message_bytes`),
//! wt-status.c (`wt_status_locate_end`) and pretty.c (`%(trailers)`); tests/trailers_git.rs
//! compares the result with the real git on generated and real messages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trailer {
    pub key: String,
    pub value: String,
}

/// Which of git's parsers to match: the charter's `trailers.mode`.
pub use crate::config::TrailerMode as Mode;

/// The parts of git's configuration that change how trailers are recognised.
#[derive(Debug, Clone, Default)]
pub struct TrailerConfig {
    /// `trailer.separators` (default `:`).
    pub separators: Option<String>,
    /// Keys configured as `trailer.<name>.key` (they count like git-generated trailers).
    pub configured_keys: Vec<String>,
}

/// Lines git itself writes; one of them lets a block with only 25 % trailer lines count.
const GIT_GENERATED_PREFIXES: [&[u8]; 2] = [b"Signed-off-by: ", b"(cherry picked from commit "];

/// The line `git commit -v` puts above the diff, after the comment string and a space.
pub(crate) const CUT_LINE: &[u8] = b"------------------------ >8 ------------------------\n";

/// git's own `isspace` (sane_ctype): no vertical tab or form feed, unlike the C library's.
pub(crate) fn is_git_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

struct Ctx<'a> {
    separators: &'a [u8],
    comment: &'a [u8],
    keys: &'a [String],
}

impl Ctx<'_> {
    fn is_comment(&self, line: &[u8]) -> bool {
        !self.comment.is_empty() && line.starts_with(self.comment)
    }

    /// Position of the separator in `<token><optional blanks><separator>`, or None.
    /// Position 0 (a line starting with a separator) is returned as Some(0): callers need `>= 1`.
    fn find_separator(&self, line: &[u8]) -> Option<usize> {
        let mut blank_seen = false;
        for (i, &c) in line.iter().enumerate() {
            if self.separators.contains(&c) {
                return Some(i);
            }
            if !blank_seen && (c.is_ascii_alphanumeric() || c == b'-') {
                continue;
            }
            if i != 0 && (c == b' ' || c == b'\t') {
                blank_seen = true;
                continue;
            }
            break;
        }
        None
    }

    /// git compares a configured name against the first `len` bytes of the token, case-insensitively.
    fn matches_configured(&self, token: &[u8], len: usize) -> bool {
        self.keys.iter().any(|k| {
            let k = k.as_bytes();
            k.len() >= len && token.len() >= len && k[..len].eq_ignore_ascii_case(&token[..len])
        })
    }

    fn configured_key_for(&self, token: &[u8]) -> Option<&str> {
        let mut len = token.len();
        while len > 0 && !token[len - 1].is_ascii_alphanumeric() {
            len -= 1;
        }
        self.keys
            .iter()
            .find(|k| {
                let k = k.as_bytes();
                k.len() >= len && k[..len].eq_ignore_ascii_case(&token[..len])
            })
            .map(String::as_str)
    }
}

fn next_line(buf: &[u8], pos: usize) -> usize {
    match buf[pos..].iter().position(|&b| b == b'\n') {
        Some(i) => pos + i + 1,
        None => buf.len(),
    }
}

/// Start of the last line of `buf[..len]`; a final newline belongs to that line.
fn last_line(buf: &[u8], len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    if len == 1 {
        return Some(0);
    }
    Some(
        buf[..len - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1),
    )
}

fn line_at(buf: &[u8], pos: usize) -> &[u8] {
    &buf[pos..next_line(buf, pos)]
}

fn is_blank_line(line: &[u8]) -> bool {
    line.iter()
        .take_while(|&&b| b != b'\n')
        .all(|&b| is_git_space(b))
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_git_space(b)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_git_space(b))
        .map_or(start, |i| i + 1);
    &s[start..end.max(start)]
}

/// Where `git commit -v`'s scissors line starts (the message ends there), or `len`.
pub(crate) fn locate_scissors(buf: &[u8], len: usize, comment: &[u8]) -> usize {
    let mut pattern = Vec::with_capacity(comment.len() + CUT_LINE.len() + 2);
    pattern.push(b'\n');
    pattern.extend_from_slice(comment);
    pattern.push(b' ');
    pattern.extend_from_slice(CUT_LINE);
    if buf.starts_with(&pattern[1..]) {
        return 0;
    }
    // git searches the whole string, then clamps to `len`.
    match find_sub(buf, &pattern) {
        Some(p) if p + 1 < len => p + 1,
        _ => len,
    }
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Bytes at the end of `buf[..len]` that are not part of the log message: trailing comments
/// and blank lines, an old-style `Conflicts:` block, and everything from the scissors line on.
fn ignored_tail(buf: &[u8], len: usize, comment: &[u8]) -> usize {
    let cutoff = locate_scissors(buf, len, comment);
    // `boc == 0` doubles as "none" in git, so a run starting at offset 0 is not remembered.
    let mut boc = 0usize;
    let mut bol = 0usize;
    let mut in_conflicts = false;
    while bol < cutoff {
        let next = match buf[bol..len].iter().position(|&b| b == b'\n') {
            Some(i) => bol + i + 1,
            None => len,
        };
        let rest = &buf[bol..cutoff];
        let is_comment = !comment.is_empty() && rest.starts_with(comment);
        if is_comment || buf[bol] == b'\n' {
            if boc == 0 {
                boc = bol;
            }
        } else if buf[bol..].starts_with(b"Conflicts:\n") {
            in_conflicts = true;
            if boc == 0 {
                boc = bol;
            }
        } else if in_conflicts && buf[bol] == b'\t' {
            // a path in the conflicts block
        } else if boc != 0 {
            boc = 0;
            in_conflicts = false;
        }
        bol = next;
    }
    if boc != 0 { len - boc } else { len - cutoff }
}

fn end_of_log_message(buf: &[u8], divider: bool, comment: &[u8]) -> usize {
    let mut end = buf.len();
    if divider {
        let mut s = 0;
        while s < buf.len() {
            let rest = &buf[s..];
            if rest.starts_with(b"---") && rest.get(3).is_some_and(|&b| is_git_space(b)) {
                end = s;
                break;
            }
            s = next_line(buf, s);
        }
    }
    end - ignored_tail(buf, end, comment)
}

/// Offset of the trailer block in `buf[..len]`, or `len` when the last paragraph is not one.
fn trailer_block_start(buf: &[u8], len: usize, ctx: &Ctx<'_>) -> usize {
    // The first paragraph is the title and never holds trailers.
    let mut s = 0;
    while s < len {
        let line = &buf[s..];
        if ctx.is_comment(&buf[s..len]) {
            s = next_line(buf, s);
            continue;
        }
        if is_blank_line(line) {
            break;
        }
        s = next_line(buf, s);
    }
    let end_of_title = s;

    let mut only_spaces = true;
    let mut recognized_prefix = false;
    let mut trailer_lines = 0usize;
    let mut non_trailer_lines = 0usize;
    // Indented lines count with the trailer above them, or as prose if a prose line is above.
    let mut possible_continuation_lines = 0usize;

    let mut cursor = last_line(buf, len);
    while let Some(l) = cursor {
        if l < end_of_title {
            break;
        }
        cursor = last_line(buf, l);
        let bol = &buf[l..];
        if ctx.is_comment(&buf[l..len]) {
            non_trailer_lines += possible_continuation_lines;
            possible_continuation_lines = 0;
            continue;
        }
        if is_blank_line(bol) {
            if only_spaces {
                continue;
            }
            non_trailer_lines += possible_continuation_lines;
            // All trailers, or at least 25 % with one git itself writes (or the configuration names).
            let quarter = recognized_prefix && trailer_lines * 3 >= non_trailer_lines;
            let all = trailer_lines > 0 && non_trailer_lines == 0;
            return if quarter || all {
                next_line(buf, l)
            } else {
                len
            };
        }
        only_spaces = false;

        if GIT_GENERATED_PREFIXES.iter().any(|p| bol.starts_with(p)) {
            trailer_lines += 1;
            possible_continuation_lines = 0;
            recognized_prefix = true;
            continue;
        }

        let first = bol[0];
        match ctx.find_separator(line_at(buf, l)) {
            Some(pos) if pos >= 1 && !is_git_space(first) => {
                trailer_lines += 1;
                possible_continuation_lines = 0;
                if !recognized_prefix && ctx.matches_configured(bol, pos) {
                    recognized_prefix = true;
                }
            }
            _ if is_git_space(first) => possible_continuation_lines += 1,
            _ => {
                non_trailer_lines += 1 + possible_continuation_lines;
                possible_continuation_lines = 0;
            }
        }
    }
    len
}

/// Collapses each newline and the whitespace after it into one space, then trims.
fn unfold(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        let c = value[i];
        i += 1;
        if c == b'\n' {
            while i < value.len() && is_git_space(value[i]) {
                i += 1;
            }
            out.push(b' ');
        } else {
            out.push(c);
        }
    }
    trim(&out).to_vec()
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The trailers of `message` as git reports them in `mode`: key and unfolded value, in order.
/// Lines of the trailer block that are not `key: value` (such as `(cherry picked from …)`)
/// are left out, as both of git's outputs with `only` leave them out.
pub fn parse(message: &str, mode: Mode, config: &TrailerConfig) -> Vec<Trailer> {
    parse_with_comment(message, mode, config, "#")
}

/// `parse` for a repository whose `core.commentChar` (or `core.commentString`) is not `#`;
/// `comment` must already be resolved ("auto" is not a comment string).
pub fn parse_with_comment(
    message: &str,
    mode: Mode,
    config: &TrailerConfig,
    comment: &str,
) -> Vec<Trailer> {
    let separators = config.separators.as_deref().unwrap_or(":").as_bytes();
    let comment = comment.as_bytes();
    let ctx = Ctx {
        separators,
        comment,
        keys: &config.configured_keys,
    };

    let mut owned;
    let mut buf = message.as_bytes();
    match mode {
        // pretty.c hands `%(trailers)` the message from its subject on: leading blank lines are skipped.
        Mode::Log => {
            let mut s = 0;
            while s < buf.len() {
                let n = next_line(buf, s);
                if !buf[s..n].iter().all(|&b| is_git_space(b)) {
                    break;
                }
                s = n;
            }
            buf = &buf[s..];
        }
        // interpret-trailers completes a last line without a newline before parsing.
        Mode::Interpret => {
            if buf.last().is_some_and(|&b| b != b'\n') {
                owned = buf.to_vec();
                owned.push(b'\n');
                buf = &owned;
            }
        }
    }
    // git stops at a NUL: it handles the message as a C string.
    if let Some(nul) = buf.iter().position(|&b| b == 0) {
        owned = buf[..nul].to_vec();
        buf = &owned;
    }

    let end = end_of_log_message(buf, mode == Mode::Interpret, comment);
    let start = trailer_block_start(buf, end, &ctx);

    // Split the block into logical lines, folding indented lines into the trailer above.
    let mut items: Vec<Vec<u8>> = Vec::new();
    let mut last_is_trailer = false;
    let mut pos = start;
    while pos < end {
        let n = next_line(buf, pos).min(end);
        let piece = &buf[pos..n];
        pos = n;
        if last_is_trailer && is_git_space(piece[0]) {
            if let Some(last) = items.last_mut() {
                last.extend_from_slice(piece);
            }
            continue;
        }
        last_is_trailer = ctx.find_separator(piece).is_some_and(|p| p >= 1);
        items.push(piece.to_vec());
    }

    let mut out = Vec::new();
    for item in &items {
        if ctx.is_comment(item) {
            continue;
        }
        let Some(sep) = ctx.find_separator(item).filter(|&p| p >= 1) else {
            continue;
        };
        let token = trim(&item[..sep]);
        let value = unfold(trim(&item[sep + 1..]));
        let key = match ctx.configured_key_for(token) {
            Some(k) => k.to_string(),
            None => lossy(token),
        };
        out.push(Trailer {
            key,
            value: lossy(&value),
        });
    }
    out
}

/// Whether `key` is a syntactically valid trailer key for git (letters, digits, hyphens).
pub fn is_trailer_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(msg: &str, mode: Mode) -> Vec<(String, String)> {
        parse(msg, mode, &TrailerConfig::default())
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_the_last_paragraph_counts() {
        let m = "subject\n\nFoo: bar\n\nbody line\n\nA: 1\nB: 2\n";
        assert_eq!(kv(m, Mode::Log), pairs(&[("A", "1"), ("B", "2")]));
    }

    #[test]
    fn subject_paragraph_is_never_a_trailer_block() {
        assert!(kv("Signed-off-by: A <a@b>\n", Mode::Log).is_empty());
        assert!(kv("subject\nSigned-off-by: A <a@b>\n", Mode::Log).is_empty());
    }

    #[test]
    fn quarter_rule_needs_a_git_generated_line() {
        let with_sob = "s\n\nprose one\nprose two\nprose three\nSigned-off-by: A <a@b>\n";
        assert_eq!(
            kv(with_sob, Mode::Log),
            pairs(&[("Signed-off-by", "A <a@b>")])
        );
        let without = "s\n\nprose one\nprose two\nprose three\nAcked-by: A <a@b>\n";
        assert!(kv(without, Mode::Log).is_empty());
        let too_few = "s\n\np1\np2\np3\np4\nSigned-off-by: A <a@b>\n";
        assert!(kv(too_few, Mode::Log).is_empty());
    }

    #[test]
    fn key_with_a_space_is_not_a_trailer() {
        assert!(kv("s\n\nBREAKING CHANGE: everything\n", Mode::Log).is_empty());
        assert_eq!(kv("s\n\nKey : v\n", Mode::Log), pairs(&[("Key", "v")]));
    }

    #[test]
    fn continuation_lines_unfold() {
        let m = "s\n\nKey: one\n  two\n\tthree\nOther: x\n";
        assert_eq!(
            kv(m, Mode::Log),
            pairs(&[("Key", "one two three"), ("Other", "x")])
        );
    }

    #[test]
    fn crlf_values_are_trimmed() {
        let m = "s\r\n\r\nKey: v\r\nB: w\r\n";
        assert_eq!(kv(m, Mode::Log), pairs(&[("Key", "v"), ("B", "w")]));
    }

    #[test]
    fn divider_only_in_interpret_mode() {
        let m = "s\n\nKey: v\n---\nOther: w\n";
        assert_eq!(kv(m, Mode::Interpret), pairs(&[("Key", "v")]));
        assert!(kv(m, Mode::Log).is_empty());
    }

    #[test]
    fn comments_and_scissors_are_ignored() {
        let m = "s\n\nKey: v\n# comment\n# ------------------------ >8 ------------------------\nX: y\n";
        assert_eq!(kv(m, Mode::Log), pairs(&[("Key", "v")]));
    }

    #[test]
    fn cherry_pick_line_counts_but_is_not_reported() {
        let m = "s\n\nprose\nprose\n(cherry picked from commit abc)\n";
        assert!(kv(m, Mode::Log).is_empty());
        let m = "s\n\nprose\nKey: v\n(cherry picked from commit abc)\n";
        assert_eq!(kv(m, Mode::Log), pairs(&[("Key", "v")]));
    }

    #[test]
    fn configured_key_recognised_and_canonicalised() {
        let cfg = TrailerConfig {
            configured_keys: vec!["Reviewed-by".into()],
            ..TrailerConfig::default()
        };
        let m = "s\n\nprose\nprose\nreviewed-by: A\n";
        let got = parse(m, Mode::Log, &cfg);
        assert_eq!(
            got,
            vec![Trailer {
                key: "Reviewed-by".into(),
                value: "A".into()
            }]
        );
    }

    #[test]
    fn custom_separators() {
        let cfg = TrailerConfig {
            separators: Some(":#".into()),
            ..TrailerConfig::default()
        };
        let got = parse("s\n\nBug #42\n", Mode::Log, &cfg);
        assert_eq!(
            got,
            vec![Trailer {
                key: "Bug".into(),
                value: "42".into()
            }]
        );
    }

    #[test]
    fn non_ascii_and_empty_input_do_not_panic() {
        for m in [
            "",
            "\n",
            "é",
            "s\n\n€: x\n",
            "s\n\nK: é\n ü\n",
            "\r",
            "---",
            "s\n\n---",
        ] {
            let _ = kv(m, Mode::Log);
            let _ = kv(m, Mode::Interpret);
        }
    }
}
