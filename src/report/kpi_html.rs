//! The KPI report as one self-contained HTML page: summary cards, three SVG charts (monthly shares,
//! commits per tier, a directory heat map) and tables, drawn by inline JavaScript from the report's
//! JSON embedded in the page. Nothing external is loaded (a strict CSP says so); the page opens
//! offline from a file. Owns the page's markup, style and script (`assets/`); computes no KPI.
//!
//! The data is hostile (paths, author names, tool names, notes): the JSON is embedded with every
//! character that could end its `<script>` element escaped, and the script inserts data strings
//! only as text nodes and attribute values, never as markup.

use std::borrow::Cow;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};

const STYLE: &str = include_str!("assets/kpi.css");
/// Runs first: counts uncaught errors on `<html data-script-errors>` and lists them.
const BOOT: &str = include_str!("assets/kpi-boot.js");
/// Draws the page; sets `<html data-charts>` to the number of charts drawn when done.
const MAIN: &str = include_str!("assets/kpi.js");

/// The page, with `{{NAME}}` placeholders filled once, left to right, by `fill`.
const TEMPLATE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{CSP}}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI assistance and charter compliance</title>
<style>{{STYLE}}</style>
<script>{{BOOT}}</script>
</head>
<body>
<pre id="script-errors" hidden></pre>
<header>
<h1>AI assistance and charter compliance</h1>
<p class="meta" id="meta"></p>
{{INPUT_ERROR}}<noscript><p class="error">This page draws its summary, charts and tables with JavaScript, which is off. The report's data is in the page source, in the element with id report-data.</p></noscript>
<div id="repositories"></div>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<div class="cards" id="cards"></div>
<div id="breakdowns"></div>
</section>
<section id="charts">
<h2>Trends</h2>
<figure id="trend"><figcaption><b>AI share of commits, disclosure and review coverage per month.</b> A gap is a month where the share is unknown (nothing to divide by).</figcaption></figure>
<figure id="tiers"><figcaption><b>Commits per path tier and month.</b> A commit that touches several tiers counts in each.</figcaption></figure>
<figure id="heatmap"><figcaption><b>AI share of added lines per directory and month</b>, for the 25 directories with the most added lines. Each cell's tooltip has its numbers.</figcaption></figure>
</section>
<section id="breakdown-tables">
<h2>Breakdowns</h2>
<div id="tables"></div>
</section>
<section id="secrets-section">
<h2>Secrets</h2>
<div id="secrets"></div>
</section>
<section id="notes-section">
<h2>Notes</h2>
<ul id="notes"></ul>
</section>
</main>
<script type="application/json" id="report-data">{{DATA}}</script>
<script>{{MAIN}}</script>
</body>
</html>
"#;

/// Shown when the input is not a JSON object (the script then draws empty charts and tables).
const INPUT_ERROR: &str =
    "<p class=\"error\">The report document is not a JSON object: there is nothing to show.</p>\n";

/// Allows exactly the page's own two scripts and one style sheet (by hash) and nothing else: no
/// network, no other inline script (an injected `<script>` or `onerror=` would not run), no form.
static CSP: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; script-src {} {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(BOOT),
        csp_hash(MAIN),
        csp_hash(STYLE)
    )
});

/// The HTML page for a KPI report's JSON document (schema_version 1): header with the
/// repositories, summary cards from `totals`, the `trend`, `tiers` and `heatmap` charts, tables
/// by tier, class, directory and author, secrets and notes.
///
/// Any value is accepted: missing or mistyped fields are shown as unknown, and a value that is not
/// an object gives the page with an error note. Never panics.
pub fn html(report: &serde_json::Value) -> String {
    let data = embed_json(report);
    let input_error = if report.is_object() { "" } else { INPUT_ERROR };
    fill(TEMPLATE, |name| match name {
        "CSP" => Some(Cow::Borrowed(CSP.as_str())),
        "STYLE" => Some(Cow::Borrowed(STYLE)),
        "BOOT" => Some(Cow::Borrowed(BOOT)),
        "MAIN" => Some(Cow::Borrowed(MAIN)),
        "INPUT_ERROR" => Some(Cow::Borrowed(input_error)),
        "DATA" => Some(Cow::Borrowed(data.as_str())),
        _ => None,
    })
}

/// `template` with each `{{NAME}}` replaced by `value(NAME)`, in one pass: a value is never
/// scanned for placeholders, so data that spells `{{MAIN}}` stays data. An unknown name is kept.
fn fill<'a>(template: &str, value: impl Fn(&str) -> Option<Cow<'a, str>>) -> String {
    let mut out = String::with_capacity(template.len() + STYLE.len() + BOOT.len() + MAIN.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after
            .find("}}")
            .and_then(|end| Some((end, value(&after[..end])?)))
        {
            Some((end, v)) => {
                out.push_str(&v);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The report as JSON that can sit inside a `<script>` element: `<`, `>` and `&` (which could
/// close the element or open a comment) and U+2028/U+2029 are written as `\u` escapes. They occur
/// only inside JSON strings, where the escape means the same character, so `JSON.parse` of the
/// element's text gives the report back.
fn embed_json(report: &serde_json::Value) -> String {
    let json = serde_json::to_string(report).unwrap_or_else(|_| String::from("null"));
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// A CSP source for an inline element's exact text: `'sha256-<base64>'`.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding (RFC 4648 §4), as CSP hash sources are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PLACEHOLDERS: [&str; 6] = ["CSP", "STYLE", "BOOT", "MAIN", "INPUT_ERROR", "DATA"];

    fn hostile() -> serde_json::Value {
        let evil = "</script><script>alert(1)</script><!-- & \u{2028}\u{2029} \"'";
        json!({
            "schema_version": 1,
            "tool": "\"&'<",
            "repositories": [{"name": evil, "range": "{{MAIN}}", "head": null, "commits": 1}],
            "totals": {"commits": 1, "ai_by_tool": {evil: 1}},
            "by_dir": {"<img src=x onerror=alert(1)>": {"commits": 1, "added_lines": 3}},
            "by_author": {evil: {"commits": 1}},
            "notes": [evil, "</SCRIPT >", "<!--<script>"],
        })
    }

    /// The text of `<script type="application/json" id="report-data">`.
    fn embedded(page: &str) -> &str {
        let open = r#"<script type="application/json" id="report-data">"#;
        let start = page.find(open).expect("data element") + open.len();
        let len = page[start..]
            .find("</script>")
            .expect("data element closes");
        &page[start..start + len]
    }

    #[test]
    fn hostile_strings_cannot_close_the_data_element_and_still_parse_back() {
        let report = hostile();
        let page = html(&report);
        let lower = page.to_ascii_lowercase();
        // The three real closing tags: boot script, data, main script.
        assert_eq!(lower.matches("</script").count(), 3, "{page}");
        assert_eq!(lower.matches("<script").count(), 3);
        let data = embedded(&page);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!data.contains(bad), "{bad:?} left unescaped in {data}");
        }
        assert!(!data.contains("<!--"));
        let back: serde_json::Value = serde_json::from_str(data).expect("embedded JSON parses");
        assert_eq!(back, report);
    }

    #[test]
    fn every_placeholder_is_replaced_and_data_is_not_rescanned() {
        let page = html(&hostile());
        for name in PLACEHOLDERS {
            let marker = format!("{{{{{name}}}}}");
            assert!(TEMPLATE.contains(&marker), "{name} is not in the template");
            if name == "MAIN" {
                // Only the hostile repository range spells it, inside the data.
                assert_eq!(page.matches(&marker).count(), 1);
                assert!(embedded(&page).contains(&marker));
            } else {
                assert!(!page.contains(&marker), "{name} left in the page");
            }
        }
        assert!(page.contains(MAIN) && page.contains(BOOT) && page.contains(STYLE));
        assert!(page.contains(CSP.as_str()));
    }

    #[test]
    fn the_page_references_nothing_outside_itself() {
        let page = html(&hostile());
        // The script creates SVG elements with createElementNS, which needs the SVG namespace
        // name; it is an identifier, never fetched.
        let rest = page.replace("http://www.w3.org/2000/svg", "");
        for scheme in ["http://", "https://", "//fonts", "@import", "url("] {
            assert!(!rest.contains(scheme), "{scheme} in the page");
        }
        assert_eq!(page.matches("http://www.w3.org/2000/svg").count(), 1);
        // No element of the page's own loads anything (the hostile data does spell ` src=`).
        let own = page.replace(embedded(&page), "");
        assert!(!own.contains(" src=") && !own.contains(" href="));
    }

    #[test]
    fn assets_cannot_end_their_own_elements() {
        for (name, text) in [("kpi-boot.js", BOOT), ("kpi.js", MAIN)] {
            let lower = text.to_ascii_lowercase();
            // `<script` too, so that counting a DOM's `<script` counts its script elements.
            assert!(
                !lower.contains("<script") && !lower.contains("<!--"),
                "{name}"
            );
            assert!(
                !text.contains("innerHTML") && !text.contains("insertAdjacentHTML"),
                "{name}"
            );
            assert!(
                !text.contains("document.write") && !text.contains("eval("),
                "{name}"
            );
        }
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn csp_allows_only_the_pages_own_inline_code() {
        let csp = CSP.as_str();
        assert!(csp.starts_with("default-src 'none'; script-src 'sha256-"));
        assert!(!csp.contains("unsafe"));
        assert_eq!(csp.matches("'sha256-").count(), 3);
        // RFC 4648 test vectors.
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // sha256("") as CSP writes it.
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn any_json_value_gives_a_page() {
        for v in [
            json!(null),
            json!(3),
            json!("<script>"),
            json!([1, {"a": 2}]),
            json!({}),
            json!({"months": "x", "totals": [], "by_dir": 4, "secrets": {"a": 1}}),
        ] {
            let page = html(&v);
            assert!(page.starts_with("<!doctype html>") && page.ends_with("</html>\n"));
            assert_eq!(page.contains("is not a JSON object"), !v.is_object(), "{v}");
            let back: serde_json::Value = serde_json::from_str(embedded(&page)).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn unknown_placeholders_are_kept() {
        let out = fill("a{{X}}b{{Y}}c{{", |n| {
            (n == "X").then_some(Cow::Borrowed("1"))
        });
        assert_eq!(out, "a1b{{Y}}c{{");
    }
}
