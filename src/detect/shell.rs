//! A shell command line split as a POSIX shell would split it, for the agent hooks: the simple
//! commands it runs, each with its words unquoted, its environment prefix, its redirections and
//! the working directory `cd` left it in; and the scripts it runs in turn, through `sh -c`, `eval`,
//! `$(…)`, backquotes, process substitution and heredocs or here-strings fed to a shell. Wrappers
//! (`env`, `sudo`, `command`, `exec`, `nohup`, `time`, `nice`, `timeout`, `xargs`, …) are looked
//! through. Facts only: which command bypasses a hook is decided in `policies/agent`.
//!
//! Not a shell: nothing is expanded (`$VAR` stays `$VAR`), no alias or function is resolved, and
//! code run by other interpreters (`python -c`) is not read. Linear in the text: every byte is
//! read once per nesting level and nesting stops at [`MAX_DEPTH`].

use serde::Serialize;
use std::collections::BTreeMap;

/// Scripts nested deeper than this (`sh -c "sh -c '…'"`, `$( $( … ) )`) are not read further;
/// the command line is then reported as not fully read.
pub const MAX_DEPTH: usize = 8;

/// At most this many simple commands are kept; past it, the command line is reported as not fully read.
pub const MAX_COMMANDS: usize = 4096;

/// At most this many bytes of inherited assignments (`export A=1; …`) are copied into the
/// commands after them, in total; past it the line is reported as not fully read (each command
/// would otherwise carry a copy of every earlier assignment: quadratic in the line).
pub const MAX_ENV_BYTES: usize = 1 << 20;

/// Stands in a word for what a command substitution would produce when it cannot be known
/// without running it (`$(date)`); `$(cat <<'EOF' … EOF)` is replaced by the heredoc's text.
pub const UNKNOWN: char = '\u{FFFC}';

/// One simple command, after its environment prefix and wrappers were taken off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SimpleCommand {
    /// The words, unquoted; `argv[0]` is the program (empty for a line of bare assignments).
    pub argv: Vec<String>,
    /// Variables set for it: its `NAME=value` prefix, `env` arguments, and the assignments and
    /// `export`s earlier in the same script (a prefix wins over an earlier assignment).
    pub env: BTreeMap<String, String>,
    /// Redirections, in order.
    pub redirects: Vec<Redirect>,
    /// The wrappers and scripts it was found in, outermost first: `sh -c`, `$()`, `eval`,
    /// `heredoc`, `sudo`, `env`, ….
    pub via: Vec<String>,
    /// The directory a `cd` earlier in the script moved to, as written (`None`: where the script started).
    pub cwd: Option<String>,
}

/// A redirection: its operator (`>`, `>>`, `<`, `2>`, `&>`, `<<`, `<<<`, …) and target word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redirect {
    pub op: String,
    pub target: String,
}

impl Redirect {
    /// Whether the redirection writes to its target (a file, not a descriptor).
    pub fn writes(&self) -> bool {
        let op = self.op.trim_start_matches(|c: char| c.is_ascii_digit());
        matches!(op, ">" | ">>" | ">|" | "&>" | "&>>" | "<>")
            || (op == ">&" && !self.target.chars().all(|c| c.is_ascii_digit() || c == '-'))
    }
}

/// A command line as read: the simple commands in the order they appear, and why it was not read
/// completely, if it was not (an unterminated quote, nesting past [`MAX_DEPTH`], …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Script {
    pub commands: Vec<SimpleCommand>,
    pub error: Option<String>,
    /// Bytes of inherited assignments copied so far (`MAX_ENV_BYTES`).
    #[serde(skip)]
    env_bytes: usize,
}

/// Splits a command line into the simple commands it runs.
pub fn parse(text: &str) -> Script {
    let mut out = Script::default();
    let mut cx = Context {
        via: Vec::new(),
        cwd: None,
    };
    parse_into(text, 0, &mut cx, &mut out);
    out
}

#[derive(Clone)]
struct Context {
    via: Vec<String>,
    cwd: Option<String>,
}

fn fail(out: &mut Script, why: impl Into<String>) {
    if out.error.is_none() {
        out.error = Some(why.into());
    }
}

fn parse_into(text: &str, depth: usize, cx: &mut Context, out: &mut Script) {
    if depth > MAX_DEPTH {
        fail(out, format!("scripts nested more than {MAX_DEPTH} deep"));
        return;
    }
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth,
        assigned: BTreeMap::new(),
        bodies: Vec::new(),
        in_subst: false,
        pipe_in: None,
    };
    p.script(cx, out, None);
}

/// A word being read: its bytes and whether any part of it was quoted (a quoted `''` is a word).
#[derive(Default)]
struct Word {
    bytes: Vec<u8>,
    quoted: bool,
    /// Only unquoted literal bytes so far (a `NAME=value` assignment must start unquoted).
    plain_prefix: usize,
}

impl Word {
    fn is_empty(&self) -> bool {
        self.bytes.is_empty() && !self.quoted
    }
    fn push(&mut self, b: u8, plain: bool) {
        if plain && self.plain_prefix == self.bytes.len() {
            self.plain_prefix += 1;
        }
        self.bytes.push(b);
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// A heredoc whose body follows the current line.
struct Pending {
    delimiter: String,
    strip_tabs: bool,
    /// The delimiter was quoted (the body is literal text) and the command it feeds.
    literal: bool,
    command: usize,
    /// Index in `out.commands` of the command it feeds, when that command is a shell reading a script from stdin.
    shell: Option<usize>,
}

#[derive(Default)]
struct Current {
    words: Vec<Word>,
    redirects: Vec<(String, Word)>,
    heredocs: Vec<(String, bool, bool)>,
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
    /// `NAME=value` lines and `export`s seen so far in this script.
    assigned: BTreeMap<String, String>,
    /// Heredoc bodies read, with the command each feeds and whether it is literal text.
    bodies: Vec<(usize, String, bool)>,
    /// Inside `$(…)`.
    in_subst: bool,
    /// What an `echo`/`printf` writes into the pipe the next command reads (`echo … | sh`).
    pipe_in: Option<String>,
}

impl Parser<'_> {
    fn peek(&self, k: usize) -> Option<u8> {
        self.s.get(self.i + k).copied()
    }

    /// Reads commands until the end, or until an unmatched `close` (for `$(…)` and `<(…)`).
    fn script(&mut self, cx: &mut Context, out: &mut Script, close: Option<u8>) {
        let mut cur = Current::default();
        let mut word = Word::default();
        let mut pending: Vec<Pending> = Vec::new();
        let mut parens = 0usize;
        while let Some(b) = self.peek(0) {
            match b {
                b' ' | b'\t' => {
                    self.i += 1;
                    end_word(&mut cur, &mut word);
                }
                b'\n' => {
                    self.i += 1;
                    end_word(&mut cur, &mut word);
                    self.finish(&mut cur, cx, out, &mut pending);
                    self.heredoc_bodies(&mut pending, cx, out);
                }
                b'#' if word.is_empty() => {
                    while self.peek(0).is_some_and(|c| c != b'\n') {
                        self.i += 1;
                    }
                }
                b')' if close == Some(b')') && parens == 0 => {
                    self.i += 1;
                    end_word(&mut cur, &mut word);
                    self.finish(&mut cur, cx, out, &mut pending);
                    return;
                }
                b'(' if self.peek(1) == Some(b'(') && word.is_empty() && cur.words.is_empty() => {
                    // `(( … ))`: arithmetic, not a subshell (its `<<` is a shift, not a heredoc).
                    let start = self.i;
                    self.i += 2;
                    self.skip_matching(b'(', b')', 2);
                    self.no_substitution_in(start, out, "(( … ))");
                }
                b';' | b'&' | b'|' | b'(' | b')' => {
                    // `&>` and `&>>` are redirections, not a background `&`.
                    if b == b'&' && self.peek(1) == Some(b'>') {
                        end_word(&mut cur, &mut word);
                        self.redirect(&mut cur, cx, out);
                        continue;
                    }
                    self.i += 1;
                    let doubled =
                        self.peek(0) == Some(b) || (b == b'|' && self.peek(0) == Some(b'&'));
                    if doubled {
                        self.i += 1;
                    }
                    let pipe = b == b'|' && !doubled;
                    match b {
                        b'(' => parens += 1,
                        b')' => parens = parens.saturating_sub(1),
                        _ => {}
                    }
                    end_word(&mut cur, &mut word);
                    let at = out.commands.len();
                    self.finish(&mut cur, cx, out, &mut pending);
                    if pipe {
                        self.pipe_in = out.commands.get(at).and_then(echoed);
                    }
                }
                b'<' | b'>' => {
                    if self.peek(1) == Some(b'(') {
                        // Process substitution runs a script of its own.
                        self.i += 2;
                        self.nested(cx, out, "<()");
                        push_unknown(&mut word);
                        continue;
                    }
                    // A word of digits right before is the descriptor (`2>`).
                    let fd = if !word.quoted
                        && !word.bytes.is_empty()
                        && word.bytes.iter().all(u8::is_ascii_digit)
                    {
                        std::mem::take(&mut word).text()
                    } else {
                        end_word(&mut cur, &mut word);
                        String::new()
                    };
                    self.redirect_with(&mut cur, cx, out, fd);
                }
                _ => self.word_part(&mut word, cx, out),
            }
        }
        if close.is_some() {
            fail(out, "a `$(` or `<(` is not closed");
        }
        end_word(&mut cur, &mut word);
        self.finish(&mut cur, cx, out, &mut pending);
        if !pending.is_empty() {
            // A heredoc on the last line with no body: the shell reads an empty one.
            pending.clear();
        }
    }

    fn redirect(&mut self, cur: &mut Current, cx: &mut Context, out: &mut Script) {
        self.redirect_with(cur, cx, out, String::new());
    }

    /// Reads a redirection operator at `self.i` and its target word.
    fn redirect_with(&mut self, cur: &mut Current, cx: &mut Context, out: &mut Script, fd: String) {
        let start = self.i;
        let ops: [&[u8]; 12] = [
            b"&>>", b"<<<", b"<<-", b"&>", b">>", b">|", b">&", b"<&", b"<<", b"<>", b">", b"<",
        ];
        let op = ops
            .iter()
            .find(|op| self.s[start..].starts_with(op))
            .copied()
            .unwrap_or(b">");
        self.i += op.len();
        while matches!(self.peek(0), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        let mut target = Word::default();
        while let Some(b) = self.peek(0) {
            if matches!(
                b,
                b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>'
            ) {
                break;
            }
            self.word_part(&mut target, cx, out);
        }
        let op_text = format!("{fd}{}", String::from_utf8_lossy(op));
        if op == b"<<" || op == b"<<-" {
            let delimiter = target.text();
            if delimiter.contains(UNKNOWN) {
                fail(
                    out,
                    "a heredoc delimiter with a command substitution is not read",
                );
            }
            cur.heredocs.push((delimiter, op == b"<<-", target.quoted));
        }
        cur.redirects.push((op_text, target));
    }

    /// One piece of a word: a quoted string, an escape, an expansion or a plain byte.
    fn word_part(&mut self, word: &mut Word, cx: &mut Context, out: &mut Script) {
        let b = self.s[self.i];
        match b {
            b'\'' => {
                self.i += 1;
                word.quoted = true;
                match memchr::memchr(b'\'', &self.s[self.i..]) {
                    Some(n) => {
                        word.bytes.extend_from_slice(&self.s[self.i..self.i + n]);
                        self.i += n + 1;
                    }
                    None => {
                        word.bytes.extend_from_slice(&self.s[self.i..]);
                        self.i = self.s.len();
                        fail(out, "a `'` quote is not closed");
                    }
                }
            }
            b'"' => {
                self.i += 1;
                word.quoted = true;
                self.double_quoted(word, cx, out);
            }
            b'\\' => {
                self.i += 1;
                match self.peek(0) {
                    Some(b'\n') => self.i += 1,
                    Some(c) => {
                        self.i += 1;
                        word.quoted = true;
                        word.bytes.push(c);
                    }
                    None => {}
                }
            }
            b'`' => {
                self.i += 1;
                self.backquoted(cx, out);
                push_unknown(word);
            }
            b'$' => self.dollar(word, cx, out, false),
            _ => {
                self.i += 1;
                word.push(b, true);
            }
        }
    }

    fn double_quoted(&mut self, word: &mut Word, cx: &mut Context, out: &mut Script) {
        while let Some(b) = self.peek(0) {
            match b {
                b'"' => {
                    self.i += 1;
                    return;
                }
                b'\\' => {
                    self.i += 1;
                    match self.peek(0) {
                        Some(b'\n') => self.i += 1,
                        Some(c @ (b'$' | b'`' | b'"' | b'\\')) => {
                            self.i += 1;
                            word.bytes.push(c);
                        }
                        Some(_) => word.bytes.push(b'\\'),
                        None => {}
                    }
                }
                b'`' => {
                    self.i += 1;
                    self.backquoted(cx, out);
                    push_unknown(word);
                }
                b'$' => self.dollar(word, cx, out, true),
                _ => {
                    self.i += 1;
                    word.bytes.push(b);
                }
            }
        }
        fail(out, "a `\"` quote is not closed");
    }

    /// `$(…)`, `$((…))`, `${…}`, `$'…'`, `$"…"` or a parameter, at `self.i`.
    fn dollar(&mut self, word: &mut Word, cx: &mut Context, out: &mut Script, in_quotes: bool) {
        match (self.peek(1), self.peek(2)) {
            (Some(b'('), Some(b'(')) => {
                // Arithmetic: kept as written, up to the matching `))`.
                let start = self.i;
                self.i += 3;
                self.skip_matching(b'(', b')', 2);
                self.no_substitution_in(start, out, "$(( … ))");
                word.bytes.extend_from_slice(&self.s[start..self.i]);
            }
            (Some(b'('), _) => {
                self.i += 2;
                match self.nested(cx, out, "$()") {
                    Some(text) => {
                        word.bytes.extend_from_slice(text.as_bytes());
                        word.quoted = true;
                    }
                    None => push_unknown(word),
                }
            }
            (Some(b'{'), _) => {
                let start = self.i;
                self.i += 2;
                self.skip_matching(b'{', b'}', 1);
                self.no_substitution_in(start, out, "${ … }");
                word.bytes.extend_from_slice(&self.s[start..self.i]);
            }
            (Some(b'\''), _) if !in_quotes => {
                self.i += 2;
                word.quoted = true;
                self.ansi_c(word, out);
            }
            (Some(b'"'), _) if !in_quotes => {
                self.i += 2;
                word.quoted = true;
                self.double_quoted(word, cx, out);
            }
            _ => {
                self.i += 1;
                word.push(b'$', true);
            }
        }
    }

    /// `$'…'`: backslash escapes as bash reads them.
    fn ansi_c(&mut self, word: &mut Word, out: &mut Script) {
        while let Some(b) = self.peek(0) {
            self.i += 1;
            match b {
                b'\'' => return,
                b'\\' => {
                    let Some(c) = self.peek(0) else { break };
                    self.i += 1;
                    let v = match c {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        b'a' => 7,
                        b'b' => 8,
                        b'e' | b'E' => 27,
                        b'f' => 12,
                        b'v' => 11,
                        b'x' => {
                            let mut v = 0u8;
                            let mut n = 0;
                            while n < 2 {
                                match self.peek(0).and_then(|h| (h as char).to_digit(16)) {
                                    Some(d) => {
                                        v = v.wrapping_mul(16).wrapping_add(d as u8);
                                        self.i += 1;
                                        n += 1;
                                    }
                                    None => break,
                                }
                            }
                            v
                        }
                        b'u' | b'U' => {
                            let max = if c == b'u' { 4 } else { 8 };
                            let mut v = 0u32;
                            let mut n = 0;
                            while n < max {
                                match self.peek(0).and_then(|h| (h as char).to_digit(16)) {
                                    Some(d) => {
                                        v = v.wrapping_mul(16).wrapping_add(d);
                                        self.i += 1;
                                        n += 1;
                                    }
                                    None => break,
                                }
                            }
                            let ch = char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER);
                            let mut buf = [0u8; 4];
                            word.bytes
                                .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        b'c' => match self.peek(0) {
                            Some(x) => {
                                self.i += 1;
                                x & 0x1f
                            }
                            None => b'c',
                        },
                        b'0'..=b'7' => {
                            let mut v = c - b'0';
                            let mut n = 1;
                            while n < 3 {
                                match self.peek(0) {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v.wrapping_mul(8).wrapping_add(d - b'0');
                                        self.i += 1;
                                        n += 1;
                                    }
                                    _ => break,
                                }
                            }
                            v
                        }
                        other => other,
                    };
                    word.bytes.push(v);
                }
                _ => word.bytes.push(b),
            }
        }
        fail(out, "a `$'` quote is not closed");
    }

    /// A backquoted command: its text (with `\``, `\\` and `\$` unescaped) is read as a script.
    fn backquoted(&mut self, cx: &mut Context, out: &mut Script) {
        let mut inner = Vec::new();
        let mut closed = false;
        while let Some(b) = self.peek(0) {
            self.i += 1;
            match b {
                b'`' => {
                    closed = true;
                    break;
                }
                b'\\' => match self.peek(0) {
                    Some(c @ (b'`' | b'\\' | b'$')) => {
                        self.i += 1;
                        inner.push(c);
                    }
                    _ => inner.push(b'\\'),
                },
                _ => inner.push(b),
            }
        }
        if !closed {
            fail(out, "a backquote is not closed");
        }
        let mut inner_cx = cx.clone();
        inner_cx.via.push("``".into());
        parse_into(
            &String::from_utf8_lossy(&inner),
            self.depth + 1,
            &mut inner_cx,
            out,
        );
    }

    /// Advances past the bracket that closes an opening one already read, `level` deep
    /// (`$((` is two), counting nested `open`/`close` on the way.
    fn skip_matching(&mut self, open: u8, close: u8, mut level: usize) {
        while let Some(c) = self.peek(0) {
            self.i += 1;
            if c == open {
                level += 1;
            } else if c == close {
                level -= 1;
                if level == 0 {
                    break;
                }
            }
        }
    }

    /// Reports a command substitution inside text copied as written (`${…}`, `$((…))`), which
    /// runs but is not read.
    fn no_substitution_in(&self, start: usize, out: &mut Script, what: &str) {
        let text = &self.s[start..self.i];
        if text.contains(&b'`') || text.windows(2).any(|w| w == b"$(") {
            fail(
                out,
                format!("a command substitution inside `{what}` is not read"),
            );
        }
    }

    /// `$(…)` or `<(…)`: parsed in place, up to the matching `)`, as a script of its own. Its
    /// output, when it is only `cat` of a literal heredoc (`$(cat <<'EOF' … EOF)`, how agents
    /// write commit messages), else `None`.
    fn nested(&mut self, cx: &mut Context, out: &mut Script, via: &str) -> Option<String> {
        if self.depth + 1 > MAX_DEPTH {
            fail(out, format!("scripts nested more than {MAX_DEPTH} deep"));
        }
        let mut inner_cx = cx.clone();
        inner_cx.via.push(via.into());
        let mut inner = Parser {
            s: self.s,
            i: self.i,
            depth: self.depth + 1,
            assigned: self.assigned.clone(),
            bodies: Vec::new(),
            in_subst: true,
            pipe_in: None,
        };
        let first = out.commands.len();
        let mut output = None;
        if self.depth < MAX_DEPTH {
            inner.script(&mut inner_cx, out, Some(b')'));
            let only_cat = out.commands.len() == first + 1
                && matches!(
                    out.commands[first]
                        .argv
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()[..],
                    ["cat"] | ["cat", "-"]
                );
            if only_cat
                && let [(at, body, true)] = &inner.bodies[..]
                && *at == first
            {
                output = Some(body.trim_end_matches('\n').to_string());
            }
        } else {
            // Too deep to read: skip to the matching parenthesis without parsing what is inside.
            inner.skip_matching(b'(', b')', 1);
        }
        self.i = inner.i;
        output
    }

    /// The bodies of the heredocs opened on the line just ended.
    fn heredoc_bodies(&mut self, pending: &mut Vec<Pending>, cx: &mut Context, out: &mut Script) {
        for h in pending.drain(..) {
            let mut body = String::new();
            let mut found = false;
            while self.i < self.s.len() {
                let end = memchr::memchr(b'\n', &self.s[self.i..])
                    .map(|n| self.i + n)
                    .unwrap_or(self.s.len());
                let line = String::from_utf8_lossy(&self.s[self.i..end]).into_owned();
                self.i = (end + 1).min(self.s.len());
                let cmp = if h.strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line.as_str()
                };
                if cmp == h.delimiter {
                    found = true;
                    break;
                }
                body.push_str(cmp);
                body.push('\n');
            }
            if !found {
                fail(out, "a heredoc is not closed");
            }
            // A quoted delimiter keeps the body literal; an unquoted one expands `$` and backquotes.
            let literal = h.literal || !(body.contains('$') || body.contains('`'));
            self.bodies.push((h.command, body.clone(), literal));
            if let Some(at) = h.shell {
                let mut inner_cx = cx.clone();
                inner_cx.via = out.commands[at].via.clone();
                inner_cx
                    .via
                    .push(format!("{} <<", out.commands[at].argv[0]));
                parse_into(&body, self.depth + 1, &mut inner_cx, out);
            }
        }
    }

    /// Ends the current simple command: splits off its assignments, looks through wrappers, reads
    /// the scripts it runs, and records it.
    fn finish(
        &mut self,
        cur: &mut Current,
        cx: &mut Context,
        out: &mut Script,
        pending: &mut Vec<Pending>,
    ) {
        let cur = std::mem::take(cur);
        let piped_in = self.pipe_in.take();
        let mut words = cur.words.into_iter().peekable();
        let mut env = BTreeMap::new();
        while let Some(w) = words.peek() {
            match assignment(w) {
                Some((k, v)) => {
                    env.insert(k, v);
                    words.next();
                }
                None => break,
            }
        }
        let words: Vec<Word> = words.collect();
        if words.iter().any(|w| !w.quoted && brace_expands(&w.bytes)) {
            fail(out, "a brace expansion (`{a,b}`) is not read");
        }
        let mut argv: Vec<String> = words.iter().map(Word::text).collect();
        // Reserved words open or close compound commands; what follows them is the command.
        loop {
            match argv.first().map(String::as_str) {
                Some(
                    "!" | "{" | "}" | "if" | "then" | "else" | "elif" | "fi" | "do" | "done"
                    | "while" | "until" | "esac",
                ) => {
                    argv.remove(0);
                }
                // `function f { … }` and `function f() { … }`: the name is not a command.
                Some("function") => {
                    argv.drain(..argv.len().min(2));
                }
                // `coproc cmd` and `coproc NAME { … }`.
                Some("coproc") => {
                    argv.remove(0);
                    if argv.get(1).is_some_and(|w| w == "{") {
                        argv.drain(..2);
                    }
                }
                _ => break,
            }
        }
        let first_word = words.iter().find(|w| {
            argv.first()
                .is_some_and(|a| a.as_bytes() == w.bytes.as_slice())
        });
        if let Some(w) = first_word
            && !w.quoted
            && w.bytes.iter().any(|b| matches!(b, b'*' | b'?' | b'['))
            && !matches!(w.bytes.as_slice(), b"[" | b"[[")
        {
            fail(out, "a program name with glob characters is not read");
        }
        let redirects: Vec<Redirect> = cur
            .redirects
            .into_iter()
            .map(|(op, target)| Redirect {
                op,
                target: target.text(),
            })
            .collect();
        let herestring = redirects
            .iter()
            .find(|r| r.op.ends_with("<<<"))
            .map(|r| r.target.clone());
        if self.in_subst && argv.first().is_some_and(|a| a == "case") {
            // Its patterns' `)` would end the substitution early.
            fail(out, "`case` inside `$(…)` is not read");
        }
        if argv
            .first()
            .is_some_and(|a| matches!(a.as_str(), "for" | "select" | "case" | "in"))
        {
            // `for x in …` and `case … in`: no command of their own.
            return;
        }
        if argv.is_empty() && env.is_empty() && redirects.is_empty() {
            return;
        }
        if argv.is_empty() {
            // Bare assignments: they hold for the rest of the script (counted as exported).
            self.assigned.extend(env.clone());
        }
        let mut via = cx.via.clone();
        let argv = unwrap(argv, &mut env, &mut via);
        if argv.first().is_some_and(|a| {
            matches!(
                a.as_str(),
                "export" | "declare" | "typeset" | "readonly" | "local"
            )
        }) {
            for a in &argv[1..] {
                if let Some((k, v)) = a.split_once('=')
                    && is_name(k)
                {
                    self.assigned.insert(k.to_string(), v.to_string());
                }
            }
        }
        if out.commands.len() >= MAX_COMMANDS {
            fail(out, format!("more than {MAX_COMMANDS} commands"));
            return;
        }
        // Every command carries the assignments before it: bounded, or the line is quadratic.
        let inherited: usize = self.assigned.iter().map(|(k, v)| k.len() + v.len()).sum();
        let mut full_env = if out.env_bytes + inherited <= MAX_ENV_BYTES {
            out.env_bytes += inherited;
            self.assigned.clone()
        } else {
            fail(out, "too many variable assignments to read");
            BTreeMap::new()
        };
        full_env.extend(env);
        let command = SimpleCommand {
            argv,
            env: full_env,
            redirects,
            via,
            cwd: cx.cwd.clone(),
        };
        let at = out.commands.len();
        let runs = runs_script(&command.argv);
        let shell_stdin = runs.is_none() && reads_script_from_stdin(&command.argv);
        let cd = (command.argv.first().map(String::as_str) == Some("cd")).then(|| {
            command
                .argv
                .iter()
                .skip(1)
                .find(|a| !a.starts_with('-') || a.as_str() == "-")
                .cloned()
        });
        let execs = find_exec(&command.argv);
        out.commands.push(command);
        for (delimiter, strip_tabs, literal) in cur.heredocs {
            pending.push(Pending {
                delimiter,
                strip_tabs,
                literal,
                command: at,
                shell: shell_stdin.then_some(at),
            });
        }
        let nest = |how: String, script: &str, cx: &Context, out: &mut Script, depth: usize| {
            let mut inner_cx = cx.clone();
            inner_cx.via = out.commands[at].via.clone();
            inner_cx.via.push(how);
            parse_into(script, depth + 1, &mut inner_cx, out);
        };
        if let Some((how, script)) = runs {
            nest(how, &script, cx, out, self.depth);
        } else if shell_stdin && let Some(script) = herestring {
            let how = format!("{} <<<", base(&out.commands[at].argv[0]));
            nest(how, &script, cx, out, self.depth);
        } else if shell_stdin && let Some(script) = piped_in {
            let how = format!("| {}", base(&out.commands[at].argv[0]));
            nest(how, &script, cx, out, self.depth);
        }
        for exec in execs {
            nest("find -exec".into(), &exec, cx, out, self.depth);
        }
        if let Some(dir) = cd {
            cx.cwd = match dir.as_deref() {
                None | Some("-") | Some("~") => Some("~".into()),
                Some(d) if d.starts_with('/') || d.starts_with('~') || d.starts_with('$') => {
                    Some(d.to_string())
                }
                Some(d) => Some(match &cx.cwd {
                    Some(base) => format!("{base}/{d}"),
                    None => d.to_string(),
                }),
            };
        }
    }
}

/// Words as `env -S` splits a string: at blanks, with `'…'`, `"…"` and backslashes removed; no
/// operators, assignments or expansions.
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if let Some(w) = cur.take() {
                    out.push(w);
                }
            }
            '\'' => {
                let w = cur.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    w.push(q);
                }
            }
            '"' => {
                let w = cur.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        _ => w.push(q),
                    }
                }
            }
            '\\' => cur.get_or_insert_with(String::new).extend(chars.next()),
            _ => cur.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(cur);
    out
}

/// A word for the shell, quoted so that `parse` reads it back as that one word.
fn quote(w: &str) -> String {
    format!("'{}'", w.replace('\'', "'\\''"))
}

/// The commands `find … -exec CMD ;` (`-execdir`, `-ok`, `-okdir`, `+`) runs, as script text.
fn find_exec(argv: &[String]) -> Vec<String> {
    if argv.first().map(|p| base(p)) != Some("find") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        if matches!(argv[i].as_str(), "-exec" | "-execdir" | "-ok" | "-okdir") {
            let rest: Vec<String> = argv[i + 1..]
                .iter()
                .take_while(|a| a.as_str() != ";" && a.as_str() != "+")
                .map(|a| quote(a))
                .collect();
            i += rest.len() + 1;
            out.push(rest.join(" "));
        }
        i += 1;
    }
    out
}

/// What `echo ARGS` or `printf FORMAT` writes into a pipe, when a shell reads it (`echo … | sh`).
fn echoed(c: &SimpleCommand) -> Option<String> {
    match c.argv.first().map(|p| base(p))? {
        "echo" => Some(
            c.argv[1..]
                .iter()
                .skip_while(|a| matches!(a.as_str(), "-n" | "-e" | "-E" | "-ne" | "-en"))
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "printf" => c.argv.get(1).map(|f| f.replace("\\n", "\n")),
        _ => None,
    }
}

/// An unquoted `{a,b}` or `{1..3}`: bash expands it into several words.
fn brace_expands(w: &[u8]) -> bool {
    let Some(open) = w.iter().position(|&b| b == b'{') else {
        return false;
    };
    let Some(close) = w[open..].iter().position(|&b| b == b'}') else {
        return false;
    };
    let inner = &w[open + 1..open + close];
    inner.contains(&b',') || inner.windows(2).any(|p| p == b"..")
}

/// The output of a command substitution that cannot be known here.
fn push_unknown(word: &mut Word) {
    let mut buf = [0u8; 4];
    word.bytes
        .extend_from_slice(UNKNOWN.encode_utf8(&mut buf).as_bytes());
    word.quoted = true;
}

fn end_word(cur: &mut Current, word: &mut Word) {
    if !word.is_empty() {
        cur.words.push(std::mem::take(word));
    }
}

fn is_name(s: &str) -> bool {
    let mut b = s.bytes();
    matches!(b.next(), Some(c) if c == b'_' || c.is_ascii_alphabetic())
        && b.all(|c| c == b'_' || c.is_ascii_alphanumeric())
}

/// `NAME=value` (or `NAME+=value`), the name and the `=` written unquoted.
fn assignment(w: &Word) -> Option<(String, String)> {
    let eq = w.bytes[..w.plain_prefix].iter().position(|&b| b == b'=')?;
    let name = std::str::from_utf8(&w.bytes[..eq]).ok()?;
    let name = name.strip_suffix('+').unwrap_or(name);
    is_name(name).then(|| {
        (
            name.to_string(),
            String::from_utf8_lossy(&w.bytes[eq + 1..]).into_owned(),
        )
    })
}

fn base(program: &str) -> &str {
    program.rsplit('/').next().unwrap_or(program)
}

/// Options of a wrapper that take the next word as their value.
fn wrapper_options(program: &str) -> Option<&'static [&'static str]> {
    Some(match program {
        "env" => &["-u", "--unset", "-C", "--chdir", "-S", "--split-string"],
        "sudo" | "doas" => &["-u", "-g", "-C", "-h", "-p", "-U", "-r", "-t", "-D", "-R"],
        "nice" => &["-n", "--adjustment"],
        "timeout" => &["-s", "--signal", "-k", "--kill-after"],
        "xargs" => &["-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a", "--arg-file"],
        "stdbuf" => &["-i", "-o", "-e"],
        "ionice" => &["-c", "-n", "-p"],
        "exec" => &["-a"],
        "time" => &["-o", "-f", "--output", "--format"],
        "command" | "builtin" | "nohup" | "setsid" | "chronic" | "unbuffer" | "caffeinate"
        | "flock" => &[],
        _ => return None,
    })
}

/// Takes wrappers off a command: `env A=1 sudo -u x nice -n 5 git …` is `git …` with `A=1`.
fn unwrap(
    mut argv: Vec<String>,
    env: &mut BTreeMap<String, String>,
    via: &mut Vec<String>,
) -> Vec<String> {
    for _ in 0..16 {
        let Some(first) = argv.first() else { break };
        let program = base(first).to_string();
        let Some(with_value) = wrapper_options(&program) else {
            break;
        };
        let mut i = 1;
        let mut split: Option<String> = None;
        while i < argv.len() {
            let a = &argv[i];
            if a == "--" {
                i += 1;
                break;
            }
            if program == "env" && (a == "-S" || a == "--split-string") {
                split = argv.get(i + 1).cloned();
                i += 2;
                break;
            }
            if program == "env"
                && let Some(v) = a
                    .strip_prefix("--split-string=")
                    .or_else(|| a.strip_prefix("-S").filter(|v| !v.is_empty()))
            {
                split = Some(v.to_string());
                i += 1;
                break;
            }
            if a.starts_with('-') && a.len() > 1 {
                i += if with_value.contains(&a.as_str()) {
                    2
                } else {
                    1
                };
                continue;
            }
            if matches!(program.as_str(), "env" | "sudo" | "doas")
                && let Some((k, v)) = a.split_once('=')
                && is_name(k)
            {
                env.insert(k.to_string(), v.to_string());
                i += 1;
                continue;
            }
            break;
        }
        // `timeout DURATION cmd` and `flock FILE cmd`: one positional word before the command.
        if matches!(program.as_str(), "timeout" | "flock") && i < argv.len() {
            i += 1;
        }
        if program == "flock" && argv.get(i).is_some_and(|a| a == "-c" || a == "--command") {
            // `flock FILE -c 'script'`: a shell runs the script.
            let script = argv.get(i + 1).cloned().unwrap_or_default();
            via.push("flock".into());
            return vec!["sh".into(), "-c".into(), script];
        }
        via.push(program.clone());
        let mut rest: Vec<String> = argv.split_off(i.min(argv.len()));
        if let Some(s) = split {
            // `env -S` splits its string into words (quotes and backslashes removed), nothing more.
            // Read by `env` again: the string may start with assignments of its own.
            let mut words = vec!["env".to_string()];
            words.extend(split_words(&s));
            words.append(&mut rest);
            rest = words;
        }
        argv = rest;
    }
    argv
}

const SHELLS: &[&str] = &["sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "busybox"];

/// The script a command runs, if it is a shell with `-c` or `eval`: how (`bash -c`) and the script.
fn runs_script(argv: &[String]) -> Option<(String, String)> {
    let program = base(argv.first()?);
    if program == "eval" {
        return Some(("eval".into(), argv[1..].join(" ")));
    }
    // Programs that hand a string to a shell: `su -c`, `runuser -c`, `script -c`, `watch`.
    match program {
        "su" | "runuser" | "script" => {
            let mut it = argv[1..].iter();
            while let Some(a) = it.next() {
                if a == "-c"
                    || a == "--command"
                    || (program == "script"
                        && a.starts_with('-')
                        && !a.starts_with("--")
                        && a.ends_with('c'))
                {
                    return it.next().map(|s| (format!("{program} -c"), s.clone()));
                }
                if let Some(v) = a.strip_prefix("--command=") {
                    return Some((format!("{program} -c"), v.to_string()));
                }
            }
            return None;
        }
        "watch" => {
            let script: Vec<&String> = argv[1..]
                .iter()
                .skip_while(|a| a.starts_with('-'))
                .collect();
            return (!script.is_empty()).then(|| {
                (
                    "watch".into(),
                    script
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            });
        }
        _ => {}
    }
    if !SHELLS.contains(&program) {
        return None;
    }
    let mut args = argv[1..].iter();
    if program == "busybox" {
        args.next()?;
    }
    let mut has_c = false;
    while let Some(a) = args.next() {
        if a == "--" {
            return args
                .next()
                .filter(|_| has_c)
                .map(|s| (format!("{program} -c"), s.clone()));
        }
        if a.starts_with("--") {
            continue;
        }
        if let Some(flags) = a.strip_prefix('-').or_else(|| a.strip_prefix('+')) {
            if flags.contains('c') {
                has_c = true;
            }
            if flags.contains('o') {
                // `-o option` takes a value; it is not the script.
                args.next();
            }
            continue;
        }
        return has_c.then(|| (format!("{program} -c"), a.clone()));
    }
    None
}

/// Whether a command is a shell that reads its script from stdin (no `-c`, no script file).
fn reads_script_from_stdin(argv: &[String]) -> bool {
    let Some(program) = argv.first().map(|p| base(p)) else {
        return false;
    };
    SHELLS.contains(&program)
        && program != "busybox"
        && argv[1..]
            .iter()
            .all(|a| a.starts_with('-') || a.starts_with('+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argvs(text: &str) -> Vec<Vec<String>> {
        parse(text).commands.into_iter().map(|c| c.argv).collect()
    }

    fn v(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splits_on_operators_and_unquotes() {
        assert_eq!(
            argvs("cargo test && git commit -m 'a b' ; git push || echo \"x\\\"y\"|wc"),
            vec![
                v(&["cargo", "test"]),
                v(&["git", "commit", "-m", "a b"]),
                v(&["git", "push"]),
                v(&["echo", "x\"y"]),
                v(&["wc"]),
            ]
        );
        assert_eq!(
            argvs("git commit -m \"fix: a\\nb\""),
            vec![v(&["git", "commit", "-m", "fix: a\\nb"])]
        );
        assert_eq!(
            argvs("git com''mit -\"\"n"),
            vec![v(&["git", "commit", "-n"])]
        );
        assert_eq!(argvs("echo $'a\\x41\\'b'"), vec![v(&["echo", "aA'b"])]);
    }

    #[test]
    fn quoted_text_is_not_a_command() {
        assert_eq!(
            argvs("echo 'git commit --no-verify' # git push --no-verify"),
            vec![v(&["echo", "git commit --no-verify"])]
        );
        assert_eq!(
            argvs("grep -r \"--no-verify\" ."),
            vec![v(&["grep", "-r", "--no-verify", "."])]
        );
    }

    #[test]
    fn environment_prefixes_exports_and_wrappers() {
        let s = parse("SKIP=git-charter HUSKY=0 git commit");
        assert_eq!(s.commands[0].argv, v(&["git", "commit"]));
        assert_eq!(s.commands[0].env["SKIP"], "git-charter");
        assert_eq!(s.commands[0].env["HUSKY"], "0");
        let s = parse("export LEFTHOOK=0; git commit -m x");
        assert_eq!(s.commands[1].env["LEFTHOOK"], "0");
        let s = parse("sudo -u me env -i A=1 nice -n 5 timeout 10 git push");
        assert_eq!(s.commands[0].argv, v(&["git", "push"]));
        assert_eq!(s.commands[0].env["A"], "1");
        assert_eq!(s.commands[0].via, v(&["sudo", "env", "nice", "timeout"]));
        // Quoted names are not assignments: `"A"=1` is a command word.
        assert_eq!(parse("\"A\"=1 git").commands[0].argv, v(&["A=1", "git"]));
    }

    #[test]
    fn nested_scripts_are_read() {
        let s = parse("bash -lc \"cd repo && git commit -n -m 'x'\"");
        let git = s
            .commands
            .iter()
            .find(|c| c.argv.first().is_some_and(|a| a == "git"))
            .unwrap();
        assert_eq!(git.argv, v(&["git", "commit", "-n", "-m", "x"]));
        assert_eq!(git.via, v(&["bash -c"]));
        assert_eq!(git.cwd.as_deref(), Some("repo"));
        for text in [
            "echo $(git commit --no-verify)",
            "echo \"$(git commit --no-verify)\"",
            "echo `git commit --no-verify`",
            "eval 'git commit --no-verify'",
            "diff <(git commit --no-verify) x",
            "sh <<'EOF'\ngit commit --no-verify\nEOF\n",
            "bash <<< 'git commit --no-verify'",
            "if true; then git commit --no-verify; fi",
            "for f in a b; do git commit --no-verify; done",
            "f() { git commit --no-verify; }; f",
            "(cd x && git commit --no-verify)",
        ] {
            let found = argvs(text).contains(&v(&["git", "commit", "--no-verify"]));
            assert!(found, "{text}: {:?}", parse(text));
        }
    }

    #[test]
    fn heredoc_bodies_are_data_unless_a_shell_reads_them() {
        let s = parse("cat > notes.txt <<EOF\ngit commit --no-verify\nEOF\necho done");
        assert_eq!(
            argvs("cat > notes.txt <<EOF\ngit commit --no-verify\nEOF\necho done"),
            vec![v(&["cat"]), v(&["echo", "done"])]
        );
        assert!(
            s.commands[0]
                .redirects
                .iter()
                .any(|r| r.op == ">" && r.target == "notes.txt")
        );
        assert!(s.error.is_none());
    }

    #[test]
    fn redirections_and_descriptors() {
        let s = parse("echo x > .git/hooks/pre-commit 2>/dev/null; cat a >&2; echo y &>> log");
        let r = &s.commands[0].redirects;
        assert_eq!(
            r[0],
            Redirect {
                op: ">".into(),
                target: ".git/hooks/pre-commit".into()
            }
        );
        assert_eq!(r[1].op, "2>");
        assert!(r[0].writes() && r[1].writes());
        assert!(!s.commands[1].redirects[0].writes());
        assert_eq!(s.commands[2].redirects[0].op, "&>>");
    }

    #[test]
    fn env_split_strings_are_words_only() {
        assert_eq!(
            split_words("git commit \"--no-verify\" 'a b'\\ c"),
            v(&["git", "commit", "--no-verify", "a b c"])
        );
        // Operators and assignments are words to `env -S`, and nothing is repeated.
        assert_eq!(split_words("A=1; b | c"), v(&["A=1;", "b", "|", "c"]));
        let s = parse("env -S 'A=1 git commit -n'");
        assert_eq!(s.commands[0].argv, v(&["git", "commit", "-n"]));
        assert_eq!(s.commands[0].env["A"], "1");
    }

    #[test]
    fn broken_lines_say_why_and_stay_linear() {
        assert!(parse("git commit -m 'x").error.unwrap().contains("quote"));
        assert!(parse("echo $(git").error.is_some());
        let deep = "sh -c ".repeat(40) + "git";
        assert!(parse(&deep).error.is_some() || parse(&deep).commands.len() <= MAX_DEPTH + 2);
        let nested = "$(".repeat(5000) + &")".repeat(5000);
        let s = parse(&nested);
        assert!(s.error.unwrap().contains("nested"));
        let many = "a;".repeat(10_000);
        assert!(parse(&many).error.unwrap().contains("commands"));
        let long = "x".repeat(1 << 20);
        assert_eq!(parse(&long).commands.len(), 1);
    }
}
