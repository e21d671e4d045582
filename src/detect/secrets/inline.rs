//! Inline suppression markers (`charter:allow`, `gitleaks:allow`, `pragma: allowlist secret`):
//! honoured only inside a comment of the file's language, spelt exactly as the peers document them.
//! Pure, one line at a time; knows no rule and no finding.

use crate::pattern::{Case, KeywordIndex, KeywordIndexBuilder};
use std::sync::LazyLock;

/// The markers, exactly as gitleaks (`gitleaks:allow`) and detect-secrets (`pragma: allowlist
/// secret`) document them; both peers match them case-sensitively.
pub const MARKERS: &[&str] = &[
    "charter:allow",
    "gitleaks:allow",
    "pragma: allowlist secret",
];

/// How comments are written in a file's language, as far as one line shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// Tokens that start a comment running to the end of the line.
    line: &'static [&'static str],
    /// Block comments (open, close) that may open and close on one line.
    block: &'static [(&'static str, &'static str)],
    /// Bytes that open and close a string literal (a comment token inside one is text).
    quotes: &'static [u8],
}

const C: &[(&str, &str)] = &[("/*", "*/")];
const HTML: &[(&str, &str)] = &[("<!--", "-->")];
const NONE: &[(&str, &str)] = &[];
const Q: &[u8] = b"\"'";
const QB: &[u8] = b"\"'`";

const HASH: Syntax = Syntax {
    line: &["#"],
    block: NONE,
    quotes: Q,
};
const C_LIKE: Syntax = Syntax {
    line: &["//"],
    block: C,
    quotes: QB,
};
/// Rust: `'` starts lifetimes as often as char literals, so only `"` is a quote.
const RUST: Syntax = Syntax {
    line: &["//"],
    block: C,
    quotes: b"\"",
};
const CSS: Syntax = Syntax {
    line: &[],
    block: C,
    quotes: Q,
};
const SCSS: Syntax = Syntax {
    line: &["//"],
    block: C,
    quotes: Q,
};
const PHP: Syntax = Syntax {
    line: &["//", "#"],
    block: C,
    quotes: Q,
};
const HCL: Syntax = Syntax {
    line: &["#", "//"],
    block: C,
    quotes: b"\"",
};
const SQL: Syntax = Syntax {
    line: &["--"],
    block: C,
    quotes: Q,
};
const DASH: Syntax = Syntax {
    line: &["--"],
    block: NONE,
    quotes: b"\"",
};
const SEMI: Syntax = Syntax {
    line: &[";"],
    block: NONE,
    quotes: b"\"",
};
const INI: Syntax = Syntax {
    line: &[";", "#"],
    block: NONE,
    quotes: Q,
};
const MARKUP: Syntax = Syntax {
    line: &[],
    block: HTML,
    quotes: NONE_Q,
};
const PERCENT: Syntax = Syntax {
    line: &["%"],
    block: NONE,
    quotes: b"\"",
};
const NONE_Q: &[u8] = b"";
/// A file of unknown type: the two most common line comments, each after a space or at the
/// start of the line.
const UNKNOWN: Syntax = Syntax {
    line: &["#", "//"],
    block: NONE,
    quotes: Q,
};

/// The comment syntax of `path`'s language; `None` where the text has no comments (JSON, a commit
/// message or another pseudo-path such as `<commit message>`), so no marker counts there.
pub fn syntax_of(path: &str) -> Option<Syntax> {
    if path.starts_with('<') {
        return None;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "dockerfile" | "containerfile" | "makefile" | "gnumakefile" | "rakefile" | "gemfile"
        | "vagrantfile" | "podfile" | "brewfile" | "procfile" | "cmakelists.txt" | ".gitignore"
        | ".dockerignore" | ".bashrc" | ".zshrc" | ".profile" | ".bash_profile" | ".npmrc"
        | ".netrc" | ".gitconfig" | ".editorconfig" | "requirements.txt" | "pipfile" => {
            return Some(HASH);
        }
        "jenkinsfile" => return Some(C_LIKE),
        _ => {}
    }
    if lower.starts_with(".env") || lower.starts_with("dockerfile.") {
        return Some(HASH);
    }
    let ext = match lower.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => return Some(UNKNOWN),
    };
    Some(match ext {
        "py" | "pyi" | "pyw" | "rb" | "sh" | "bash" | "zsh" | "ksh" | "fish" | "pl" | "pm"
        | "r" | "yaml" | "yml" | "toml" | "cfg" | "conf" | "env" | "properties" | "nix"
        | "cmake" | "mk" | "ps1" | "psm1" | "psd1" | "rego" | "ex" | "exs" | "jl" | "coffee"
        | "cr" | "nim" | "tcl" | "awk" | "pp" | "gemspec" | "rake" | "dockerfile" | "bzl"
        | "star" | "gitignore" | "service" | "desc" => HASH,
        "tf" | "tfvars" | "hcl" | "nomad" => HCL,
        "rs" => RUST,
        "c" | "h" | "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" | "m" | "mm" | "java" | "js"
        | "mjs" | "cjs" | "jsx" | "ts" | "tsx" | "mts" | "cts" | "go" | "kt" | "kts" | "swift"
        | "scala" | "sc" | "cs" | "dart" | "groovy" | "gradle" | "zig" | "sol" | "proto"
        | "jsonc" | "json5" | "v" | "sv" | "fs" | "fsx" | "d" | "vala" | "hx" | "cu" | "glsl"
        | "hlsl" | "wgsl" => C_LIKE,
        "css" => CSS,
        "scss" | "less" | "sass" | "styl" => SCSS,
        "php" | "phtml" => PHP,
        "sql" | "psql" | "pgsql" => SQL,
        "lua" | "hs" | "lhs" | "elm" | "adb" | "ads" | "vhd" | "vhdl" | "purs" => DASH,
        "lisp" | "lsp" | "el" | "clj" | "cljs" | "cljc" | "edn" | "scm" | "ss" | "rkt" | "asm"
        | "s" => SEMI,
        "ini" | "reg" | "inf" | "cnf" => INI,
        "html" | "htm" | "xhtml" | "xml" | "svg" | "vue" | "svelte" | "md" | "markdown"
        | "plist" | "xaml" | "csproj" | "vbproj" | "fsproj" | "props" | "targets" | "jsp"
        | "config" | "xsd" | "xsl" | "xslt" | "wsdl" | "resx" | "pom" => MARKUP,
        "tex" | "sty" | "cls" | "erl" | "hrl" | "mat" => PERCENT,
        // Data formats without comments: a marker there is data, never a suppression.
        "json" | "ipynb" | "csv" | "tsv" | "lock" | "pem" | "key" | "crt" | "cer" | "der"
        | "p12" | "pfx" => return None,
        _ => UNKNOWN,
    })
}

/// The markers as one automaton (minified files have megabyte lines); the pattern kernel matches
/// ASCII case-insensitively, so each hit is then compared byte for byte.
static INDEX: LazyLock<Option<KeywordIndex<usize>>> = LazyLock::new(|| {
    let mut b = KeywordIndexBuilder::new(Case::Insensitive);
    for (i, m) in MARKERS.iter().enumerate() {
        b.add(m.as_bytes(), i);
    }
    b.build().ok()
});

/// The first marker that sits inside a comment of `line` (one line, without its `\n`), in the
/// language `syntax` describes. Linear in the line's length.
pub fn marker_in_comment(line: &[u8], syntax: Option<Syntax>) -> Option<&'static str> {
    let syntax = syntax?;
    let index = INDEX.as_ref()?;
    let hits: Vec<(usize, usize, usize)> = index
        .hits(line)
        .filter_map(|h| h.owners.first().map(|&m| (h.start, h.end, m)))
        .filter(|&(s, e, m)| &line[s..e] == MARKERS[m].as_bytes())
        .collect();
    if hits.is_empty() {
        return None;
    }
    // Both lists are in line order and comments do not overlap: one merge pass.
    let comments = comment_spans(line, syntax);
    let mut c = comments.iter().peekable();
    for (s, e, m) in hits {
        while c.next_if(|&&(_, ce)| ce < e).is_some() {}
        if c.peek().is_some_and(|&&(cs, ce)| cs <= s && e <= ce) {
            return Some(MARKERS[m]);
        }
    }
    None
}

/// Whether a comment token may start at `i`: at the start of the line or after a space (so `a#b`,
/// `x--y` and `https://` are not comments), or for C and markup comments after punctuation that
/// ends a statement (`f();// note`).
fn may_start(line: &[u8], i: usize, token: &str) -> bool {
    let Some(&prev) = i.checked_sub(1).and_then(|p| line.get(p)) else {
        return true;
    };
    prev.is_ascii_whitespace()
        || (matches!(token, "//" | "/*" | "<!--") && matches!(prev, b';' | b'{' | b'}' | b','))
}

/// The byte ranges of `line` that are comment text (after the opening token, before a closing
/// one), found by one left-to-right pass that skips string literals.
fn comment_spans(line: &[u8], syntax: Syntax) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    'outer: while i < line.len() {
        let b = line[i];
        if let Some(q) = quote {
            if b == b'\\' {
                i += 2;
            } else {
                if b == q {
                    quote = None;
                }
                i += 1;
            }
            continue;
        }
        if syntax.quotes.contains(&b) {
            quote = Some(b);
            i += 1;
            continue;
        }
        for t in syntax.line {
            if line[i..].starts_with(t.as_bytes()) && may_start(line, i, t) {
                spans.push((i + t.len(), line.len()));
                break 'outer;
            }
        }
        for &(open, close) in syntax.block {
            if line[i..].starts_with(open.as_bytes()) && may_start(line, i, open) {
                let from = i + open.len();
                let end = find(&line[from..], close.as_bytes()).map_or(line.len(), |p| from + p);
                spans.push((from, end));
                i = (end + close.len()).min(line.len());
                continue 'outer;
            }
        }
        i += 1;
    }
    spans
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(path: &str, line: &str) -> Option<&'static str> {
        marker_in_comment(line.as_bytes(), syntax_of(path))
    }

    #[test]
    fn markers_count_in_comments_of_each_comment_style() {
        for (path, line) in [
            ("app.py", "KEY = 'x' # gitleaks:allow"),
            ("app.py", "# charter:allow"),
            ("main.rs", "let k = \"x\"; // charter:allow"),
            ("main.go", "k := `x` /* gitleaks:allow */"),
            ("q.sql", "SELECT 'x'; -- pragma: allowlist secret"),
            ("a.lisp", "(setq k \"x\") ; charter:allow"),
            ("page.html", "<p data-k=\"x\"></p> <!-- gitleaks:allow -->"),
            ("settings.ini", "key = x ; charter:allow"),
            (".env.local", "TOKEN=x # gitleaks:allow"),
            ("Dockerfile", "ENV K=x # charter:allow"),
            ("notes", "token x # charter:allow"),
            ("main.tf", "k = \"x\" // charter:allow"),
            ("app.js", "f();// gitleaks:allow"),
        ] {
            assert!(marker(path, line).is_some(), "{path}: {line}");
        }
    }

    /// `NOTE = "see CHARTER:ALLOW docs"` silenced a finding: a marker in a string literal, in
    /// another case, or in a file without comments is text.
    #[test]
    fn markers_in_strings_other_case_or_comment_free_files_do_not_count() {
        for (path, line) in [
            ("app.py", "NOTE = \"see CHARTER:ALLOW docs\""),
            ("app.py", "NOTE = \"see charter:allow docs\""),
            ("app.py", "NOTE = 'x # gitleaks:allow'"),
            ("app.py", "k = 'x' # GITLEAKS:ALLOW"),
            ("app.py", "k = 'x' # Pragma: Allowlist Secret"),
            ("main.rs", "let k = \"// charter:allow\";"),
            ("main.rs", "let k = \"x\\\" // charter:allow\";"),
            ("app.js", "const u = 'https://x.test/charter:allow'"),
            ("a.sh", "echo a#charter:allow"),
            (
                "data.json",
                "{\"k\": \"x\", \"note\": \"// charter:allow\"}",
            ),
            ("<commit message>", "token x # charter:allow"),
            ("main.go", "k := \"x\" /* note */ charter:allow"),
            ("page.html", "<p title=\"gitleaks:allow\">x</p>"),
            ("q.sql", "SELECT 'a -- charter:allow'"),
        ] {
            assert_eq!(marker(path, line), None, "{path}: {line}");
        }
    }

    #[test]
    fn the_marker_found_is_reported() {
        assert_eq!(
            marker("a.py", "x = 1  # pragma: allowlist secret"),
            Some("pragma: allowlist secret")
        );
        assert_eq!(
            marker("a.py", "x = 'charter:allow' # gitleaks:allow"),
            Some("gitleaks:allow")
        );
    }

    #[test]
    fn comment_scan_is_linear_on_a_long_line() {
        let line = format!("{} # charter:allow", "\"a\" ".repeat(250_000));
        let t = std::time::Instant::now();
        assert!(marker("a.py", &line).is_some());
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }
}
