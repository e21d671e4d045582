//! Where a file's text is code: the spans of comments and string literals, found by one
//! left-to-right pass, so a class signal can count a word only where the program uses it.
//! Pure and approximate (no parser): the comment and quote syntax of the file's language by its name.

/// Comment and string syntax of one language family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lexis {
    /// Tokens starting a comment that runs to the end of the line.
    line: &'static [&'static [u8]],
    /// Block comments (open, close), which may span lines.
    block: &'static [(&'static [u8], &'static [u8])],
    /// Quotes of string literals that end at the end of the line at the latest.
    quotes: &'static [u8],
    /// Quotes of string literals that may span lines (JS template literals, Go raw strings).
    long_quotes: &'static [u8],
    /// Python-style `'''`/`"""` strings (docstrings) that span lines.
    triple: bool,
}

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Source code with this comment and string syntax.
    Code(Lexis),
    /// Prose, markup for humans or data: no byte of it is code.
    Text,
    /// HTML, XML and templates: tags and template directives are code, the text between them
    /// prose, `<!-- -->` and `{# #}` comments.
    Markup,
}

const C_BLOCK: &[(&[u8], &[u8])] = &[(b"/*", b"*/")];
const NO_BLOCK: &[(&[u8], &[u8])] = &[];

const HASH: Lexis = Lexis {
    line: &[b"#"],
    block: NO_BLOCK,
    quotes: b"\"'",
    long_quotes: b"",
    triple: false,
};
const PYTHON: Lexis = Lexis {
    triple: true,
    ..HASH
};
const C_LIKE: Lexis = Lexis {
    line: &[b"//"],
    block: C_BLOCK,
    quotes: b"\"'",
    long_quotes: b"",
    triple: false,
};
const JS: Lexis = Lexis {
    long_quotes: b"`",
    ..C_LIKE
};
/// Rust: `'` starts lifetimes as often as char literals.
const RUST: Lexis = Lexis {
    quotes: b"\"",
    ..C_LIKE
};
const PHP: Lexis = Lexis {
    line: &[b"//", b"#"],
    ..C_LIKE
};
const HCL: Lexis = Lexis {
    line: &[b"#", b"//"],
    block: C_BLOCK,
    quotes: b"\"",
    long_quotes: b"",
    triple: false,
};
const SQL: Lexis = Lexis {
    line: &[b"--"],
    block: C_BLOCK,
    quotes: b"'\"",
    long_quotes: b"",
    triple: false,
};
const DASH: Lexis = Lexis {
    line: &[b"--"],
    block: NO_BLOCK,
    quotes: b"\"'",
    long_quotes: b"",
    triple: false,
};
const CSS: Lexis = Lexis {
    line: &[],
    block: C_BLOCK,
    quotes: b"\"'",
    long_quotes: b"",
    triple: false,
};
/// JSON and similar data: every value is a string or a number.
const DATA: Lexis = Lexis {
    line: &[],
    block: NO_BLOCK,
    quotes: b"\"",
    long_quotes: b"",
    triple: false,
};

/// How `path`'s text is read, by its file name.
pub(super) fn kind_of(path: &str) -> Kind {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    match name.as_str() {
        "jenkinsfile" => return Kind::Code(C_LIKE),
        "readme" | "license" | "copying" | "notice" | "authors" | "changelog" | "changes" => {
            return Kind::Text;
        }
        _ => {}
    }
    let Some((stem, ext)) = name.rsplit_once('.') else {
        // Dockerfile, Makefile, Gemfile, scripts without an extension.
        return Kind::Code(HASH);
    };
    if stem.is_empty() {
        return Kind::Code(HASH);
    }
    Kind::Code(match ext {
        "py" | "pyi" | "pyw" | "pyx" => PYTHON,
        "rb" | "sh" | "bash" | "zsh" | "ksh" | "fish" | "pl" | "pm" | "r" | "yaml" | "yml"
        | "toml" | "cfg" | "conf" | "ini" | "env" | "properties" | "nix" | "cmake" | "mk"
        | "ps1" | "psm1" | "rego" | "ex" | "exs" | "jl" | "cr" | "nim" | "tcl" | "awk" | "pp"
        | "gemspec" | "rake" | "dockerfile" | "bzl" | "star" | "service" | "tpl" | "j2" => HASH,
        "tf" | "tfvars" | "hcl" | "nomad" => HCL,
        "rs" => RUST,
        "js" | "mjs" | "cjs" | "jsx" | "ts" | "tsx" | "mts" | "cts" | "go" | "vue" | "svelte" => JS,
        "c" | "h" | "cc" | "cpp" | "cxx" | "hpp" | "hh" | "m" | "mm" | "java" | "kt" | "kts"
        | "swift" | "scala" | "cs" | "dart" | "groovy" | "gradle" | "zig" | "sol" | "proto"
        | "jsonc" | "json5" | "fs" | "d" | "hx" | "cu" => C_LIKE,
        "php" | "phtml" => PHP,
        "sql" | "psql" | "pgsql" => SQL,
        "lua" | "hs" | "elm" | "adb" | "ads" | "purs" => DASH,
        "html" | "htm" | "xhtml" | "xml" | "erb" | "ejs" | "hbs" | "mustache" | "jinja"
        | "jinja2" | "twig" | "cshtml" | "razor" | "jsp" | "gohtml" | "tmpl" | "liquid" => {
            return Kind::Markup;
        }
        "css" | "scss" | "less" => CSS,
        "json" | "jsonl" | "ndjson" | "geojson" | "har" => DATA,
        "md" | "markdown" | "rst" | "adoc" | "asciidoc" | "txt" | "text" | "org" | "tex"
        | "csv" | "tsv" | "log" | "mmd" | "mermaid" | "puml" | "plantuml" | "iuml" | "dot"
        | "gv" | "svg" | "drawio" | "excalidraw" | "po" | "pot" | "ipynb" | "rtf" | "man" | "1"
        | "5" | "8" => return Kind::Text,
        _ => HASH,
    })
}

/// What a span of text that is not code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Span {
    Comment,
    /// A string literal, or the whole of a prose or data file.
    Text,
}

/// The byte spans of `text` that are not code (comments, string literals), in order and
/// disjoint. One pass; a quote that is never closed ends at the end of its line.
pub(super) fn non_code_spans(text: &[u8], kind: Kind) -> Vec<(usize, usize, Span)> {
    let lexis = match kind {
        Kind::Text => return vec![(0, text.len(), Span::Text)],
        Kind::Markup => return markup_spans(text),
        Kind::Code(l) => l,
    };
    let mut spans = Vec::new();
    let mut i = 0;
    let n = text.len();
    while i < n {
        let b = text[i];
        // A line comment.
        if let Some(tok) = lexis
            .line
            .iter()
            .find(|t| text[i..].starts_with(t) && comment_may_start(text, i, t))
        {
            let end = find_byte(text, i + tok.len(), b'\n');
            spans.push((i, end, Span::Comment));
            i = end;
            continue;
        }
        // A block comment.
        if let Some((open, close)) = lexis.block.iter().find(|(o, _)| text[i..].starts_with(o)) {
            let end = find(text, i + open.len(), close).map_or(n, |p| p + close.len());
            spans.push((i, end, Span::Comment));
            i = end;
            continue;
        }
        // A triple-quoted string.
        if lexis.triple && (b == b'"' || b == b'\'') && text[i..].starts_with(&[b, b, b]) {
            let close = [b, b, b];
            let end = find_escaped(text, i + 3, &close).map_or(n, |p| p + 3);
            // A string that is a statement of its own (nothing before it on its line) is a
            // docstring: documentation, whose examples (`postgresql://scott:tiger@…`) are not code.
            let kind = if starts_statement(text, i) {
                Span::Comment
            } else {
                Span::Text
            };
            spans.push((i, end, kind));
            i = end;
            continue;
        }
        if lexis.long_quotes.contains(&b) {
            let end = find_escaped(text, i + 1, &[b]).map_or(n, |p| p + 1);
            spans.push((i, end, Span::Text));
            i = end;
            continue;
        }
        if lexis.quotes.contains(&b) && quote_may_open(text, i) {
            let end = line_string_end(text, i + 1, b);
            spans.push((i, end, Span::Text));
            i = end;
            continue;
        }
        i += 1;
    }
    spans
}

/// Markup: `<…>` tags, `<%…%>`, `{{…}}` and `{%…%}` are code; `<!--…-->` and `{#…#}` comments;
/// the text between them prose.
fn markup_spans(text: &[u8]) -> Vec<(usize, usize, Span)> {
    const COMMENTS: &[(&[u8], &[u8])] = &[(b"<!--", b"-->"), (b"{#", b"#}")];
    const CODE: &[(&[u8], &[u8])] = &[(b"<%", b"%>"), (b"{{", b"}}"), (b"{%", b"%}")];
    let mut spans = Vec::new();
    let n = text.len();
    let mut i = 0;
    let mut prose_from = 0;
    let close_prose = |spans: &mut Vec<(usize, usize, Span)>, from: usize, to: usize| {
        if from < to {
            spans.push((from, to, Span::Text));
        }
    };
    while i < n {
        let rest = &text[i..];
        if let Some((open, close)) = COMMENTS.iter().find(|(o, _)| rest.starts_with(o)) {
            close_prose(&mut spans, prose_from, i);
            let end = find(text, i + open.len(), close).map_or(n, |p| p + close.len());
            spans.push((i, end, Span::Comment));
            i = end;
            prose_from = end;
            continue;
        }
        let code_close = CODE
            .iter()
            .find(|(o, _)| rest.starts_with(o))
            .map(|&(o, c)| (o.len(), c))
            .or_else(|| {
                (rest[0] == b'<'
                    && rest.get(1).is_some_and(|b| {
                        b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')
                    }))
                .then_some((1, b">".as_slice()))
            });
        if let Some((open_len, close)) = code_close {
            close_prose(&mut spans, prose_from, i);
            let end = find(text, i + open_len, close).map_or(n, |p| p + close.len());
            i = end;
            prose_from = end;
            continue;
        }
        i += 1;
    }
    close_prose(&mut spans, prose_from, n);
    spans
}

/// Whether only white space (and a string prefix of at most two letters such as `r`) stands
/// between the start of the line and `i`. Scans back over that prefix and white space only, so a
/// line of many strings stays linear.
fn starts_statement(text: &[u8], i: usize) -> bool {
    let mut j = i;
    let mut prefix = 0;
    while j > 0
        && prefix < 2
        && matches!(text[j - 1].to_ascii_lowercase(), b'r' | b'u' | b'b' | b'f')
    {
        j -= 1;
        prefix += 1;
    }
    while j > 0 && text[j - 1] != b'\n' {
        if !text[j - 1].is_ascii_whitespace() {
            return false;
        }
        j -= 1;
    }
    true
}

/// `#` and `--` start a comment at the start of a line or after white space or punctuation (so
/// `$#`, `a#b`, `x--` are code); `//` not after `:` (`https://`).
fn comment_may_start(text: &[u8], i: usize, tok: &[u8]) -> bool {
    let Some(&prev) = i.checked_sub(1).and_then(|p| text.get(p)) else {
        return true;
    };
    match tok {
        b"//" => prev != b':',
        _ => prev.is_ascii_whitespace() || matches!(prev, b';' | b'(' | b'{' | b'}' | b','),
    }
}

/// A `'` after a letter or digit is an apostrophe (`don't`) unless it follows a one-letter string
/// prefix (`f'…'`, `b'…'`); `"` always opens.
fn quote_may_open(text: &[u8], i: usize) -> bool {
    if text[i] != b'\'' || i == 0 || !text[i - 1].is_ascii_alphanumeric() {
        return true;
    }
    let prefix_start = i - 1;
    matches!(
        text[prefix_start].to_ascii_lowercase(),
        b'f' | b'r' | b'b' | b'u'
    ) && (prefix_start == 0 || !text[prefix_start - 1].is_ascii_alphanumeric())
}

/// The end (exclusive) of a one-line string opened before `from`: after its closing quote, or
/// the end of the line when it is not closed there.
fn line_string_end(text: &[u8], from: usize, quote: u8) -> usize {
    let mut i = from;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

fn find_byte(text: &[u8], from: usize, b: u8) -> usize {
    text[from.min(text.len())..]
        .iter()
        .position(|&c| c == b)
        .map_or(text.len(), |p| from + p)
}

/// The first occurrence of `needle` at or after `from`. Needles are one to four bytes long.
fn find(text: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let from = from.min(text.len());
    text[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Like `find`, skipping backslash escapes.
fn find_escaped(text: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while i < text.len() {
        if text[i] == b'\\' {
            i += 2;
            continue;
        }
        if text[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `pos` lies inside one of `spans` (sorted, disjoint).
pub(super) fn inside(spans: &[(usize, usize)], pos: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= pos);
    spans.get(i).is_some_and(|&(s, _)| s <= pos)
}

/// What the span holding `pos` is, or `None` where `pos` is code.
pub(super) fn span_at(spans: &[(usize, usize, Span)], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|&(_, e, _)| e <= pos);
    spans
        .get(i)
        .filter(|&&(s, _, _)| s <= pos)
        .map(|&(_, _, k)| k)
}

/// Runs of base64 or hex text at least this long are data (an embedded image, a key, a hash).
const BLOB_MIN: usize = 64;

/// The byte spans of `text` that are encoded blobs: runs of base64 alphabet bytes at least
/// `BLOB_MIN` long mixing upper case, lower case and digits (identifiers and paths rarely do).
/// One pass.
pub(super) fn blob_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !is_b64(text[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut upper, mut lower, mut digit) = (false, false, false);
        while i < text.len() && is_b64(text[i]) {
            upper |= text[i].is_ascii_uppercase();
            lower |= text[i].is_ascii_lowercase();
            digit |= text[i].is_ascii_digit();
            i += 1;
        }
        if i - start >= BLOB_MIN && upper && lower && digit {
            spans.push((start, i));
        }
    }
    spans
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// The namespaces a file declares itself part of, lower-cased: the name after `package`
/// (Java, Kotlin, Scala, Go), `namespace` (C#, PHP, C++) or `module`/`defmodule` (Ruby,
/// Elixir) at the start of a line. At most 64, of at most 256 bytes each; one pass.
pub(super) fn declared_namespaces(lower: &[u8]) -> Vec<Vec<u8>> {
    const KEYWORDS: [&[u8]; 4] = [b"package ", b"namespace ", b"module ", b"defmodule "];
    let mut out = Vec::new();
    for line in lower.split(|&b| b == b'\n') {
        let line = line.trim_ascii_start();
        let Some(rest) = KEYWORDS.iter().find_map(|k| line.strip_prefix(*k)) else {
            continue;
        };
        let rest = rest.trim_ascii_start();
        let name: Vec<u8> = rest
            .iter()
            .copied()
            .take_while(|&b| b.is_ascii_alphanumeric() || b"_.:\\".contains(&b))
            .take(256)
            .collect();
        if !name.is_empty() {
            out.push(name);
            if out.len() == 64 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(path: &str, text: &str) -> String {
        let spans = non_code_spans(text.as_bytes(), kind_of(path));
        text.char_indices()
            .map(|(i, c)| match span_at(&spans, i) {
                None => c,
                Some(Span::Text) => '_',
                Some(Span::Comment) => '#',
            })
            .collect()
    }

    #[test]
    fn comments_and_strings_are_not_code() {
        assert_eq!(
            code("a.py", "x = 'session' # login\ny"),
            "x = _________ #######\ny"
        );
        // A docstring is documentation; a triple-quoted value is a string.
        assert_eq!(
            code("a.py", "\"\"\"doc\nlogin\"\"\"\nz"),
            "###############\nz"
        );
        assert_eq!(
            code("a.py", "q = '''x\ny'''\n    r\"\"\"d\"\"\""),
            "q = _________\n    r#######"
        );
        assert_eq!(code("a.js", "a(`x\ny`) /* c\n*/ b"), "a(_____) ####### b");
        assert_eq!(
            code("a.rs", "fn f<'a>(x: &'a str) {}"),
            "fn f<'a>(x: &'a str) {}"
        );
        assert_eq!(code("a.sh", "echo $# don't"), "echo $# don't");
        assert_eq!(
            code("a.go", "u := \"https://x\" // y"),
            "u := ___________ ####"
        );
    }

    #[test]
    fn prose_and_data_files_have_no_code() {
        assert_eq!(code("flow.mmd", "POST /login"), "___________");
        assert_eq!(
            code("en.json", "{\"login\": \"Log in\"}"),
            "{_______: ________}"
        );
    }

    #[test]
    fn markup_text_is_prose_and_tags_are_code() {
        assert_eq!(
            code("login.html", "<p>Log in</p><!-- x -->{% url 'login' %}"),
            "<p>______</p>##########{% url 'login' %}"
        );
        assert_eq!(
            code("f.html", "<input type=\"password\"> Password"),
            "<input type=\"password\">_________"
        );
    }

    #[test]
    fn unclosed_quote_ends_at_the_line() {
        assert_eq!(code("a.yml", "a: \"x\nb: login"), "a: __\nb: login");
    }

    #[test]
    fn blobs_are_long_mixed_base64_runs() {
        let blob = "iVBORw0KGgo+".repeat(8);
        let text = format!("src=\"data:image/png;base64,{blob}\" iv");
        let spans = blob_spans(text.as_bytes());
        assert_eq!(spans.len(), 1);
        assert!(!inside(&spans, text.len() - 1));
        assert!(
            blob_spans(b"/usr/local/lib/python/site-packages/some_package/module_name.py")
                .is_empty()
        );
    }
}
