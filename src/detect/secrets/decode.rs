//! Encoded values: a base64 value after `:` or `=` (a Kubernetes Secret's `data:` map, a Docker
//! `auth`, an env file) is decoded and, when it reads as text, scanned like the text around it, to a
//! bounded depth and total size. Findings point at the encoded value. Pure; no rule data of its own.

use super::SecretFinding;
use super::Suppression;
use super::engine::Engine;
use super::inline;
use crate::pattern::{LineMap, count_newlines};

/// Bytes decoded per scanned buffer, at every depth together.
pub const BUDGET: usize = 4 << 20;
/// A value inside a decoded value is decoded too (a Secret holding a Docker config), no deeper.
const MAX_DEPTH: u32 = 2;
/// Shorter values cannot hold a credential worth decoding (24 base64 characters are 18 bytes).
const MIN_LEN: usize = 24;

/// Scans every base64 value of `text` decoded, appending the findings to `out`. A finding already
/// in `out[first..]` that lies inside a value whose decoding has findings (a generic rule that saw
/// `tls.key: LS0t…`) gives way to them: they say what the value is.
#[allow(clippy::too_many_arguments)]
pub fn scan_encoded(
    engine: &Engine,
    path: &str,
    text: &[u8],
    lines: LineMap<'_>,
    out: &mut Vec<SecretFinding>,
    first: usize,
    depth: u32,
    budget: &mut usize,
) {
    if depth >= MAX_DEPTH || text.len() < MIN_LEN {
        return;
    }
    let syntax = inline::syntax_of(path);
    let mut found = Vec::new();
    // Values whose decodings had findings, in text order (they do not overlap).
    let mut replaced: Vec<(usize, usize)> = Vec::new();
    for (idx, (line_start, line)) in crate::pattern::split_lines(text).enumerate() {
        for (vs, ve) in values(line) {
            let (s, e) = (line_start + vs, line_start + ve);
            if *budget < ve - vs {
                continue;
            }
            let Some(decoded) = base64(&line[vs..ve]) else {
                continue;
            };
            if !reads_as_text(&decoded) {
                continue;
            }
            *budget -= decoded.len();
            let file_line = lines.line(idx);
            let map = vec![file_line; count_newlines(&decoded) + 1];
            let mut inner = Vec::new();
            if !engine.scan_body(path, &decoded, LineMap::Mapped(&map), &mut inner) {
                continue;
            }
            scan_encoded(
                engine,
                path,
                &decoded,
                LineMap::Mapped(&map),
                &mut inner,
                0,
                depth + 1,
                budget,
            );
            if inner.is_empty() {
                continue;
            }
            let column = line[..vs].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32 + 1;
            let marker = inline::marker_in_comment(line, syntax);
            replaced.push((s, e));
            for mut f in inner {
                f.line = file_line;
                f.end_line = file_line;
                f.column = column;
                f.spans = vec![(s, e)];
                f.decoded = Some("base64");
                f.suppressed = marker.map(|marker| Suppression {
                    kind: "inSource",
                    marker,
                });
                found.push(f);
            }
        }
    }
    if !replaced.is_empty() {
        let inside = |f: &SecretFinding| {
            let (Some(s), Some(e)) = (
                f.spans.iter().map(|x| x.0).min(),
                f.spans.iter().map(|x| x.1).max(),
            ) else {
                return false;
            };
            let n = replaced.partition_point(|&(rs, _)| rs <= s);
            n > 0 && e <= replaced[n - 1].1
        };
        let mut idx = 0;
        out.retain(|f| {
            let keep = idx < first || !inside(f);
            idx += 1;
            keep
        });
    }
    out.extend(found);
}

/// The byte ranges of `line` that hold a base64 value: after `:` or `=` (and spaces and one
/// quote), a run of base64 characters at least `MIN_LEN` long that ends the value.
fn values(line: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr2(b':', b'=', &line[i.min(line.len())..]) {
        i += at;
        let mut s = i + 1;
        while s < line.len() && matches!(line[s], b' ' | b'\t') {
            s += 1;
        }
        if s < line.len() && matches!(line[s], b'"' | b'\'') {
            s += 1;
        }
        let mut e = s;
        while e < line.len() && is_b64(line[e]) {
            e += 1;
        }
        let ends = e == line.len()
            || matches!(
                line[e],
                b'"' | b'\'' | b',' | b' ' | b'\t' | b'\r' | b'}' | b';'
            );
        if ends && e - s >= MIN_LEN {
            out.push((s, e));
        }
        i = e.max(i + 1);
    }
    out
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_' | b'=')
}

/// Standard or URL-safe base64, padding optional; `None` for anything that is not.
fn base64(v: &[u8]) -> Option<Vec<u8>> {
    let body = v
        .strip_suffix(b"==")
        .or_else(|| v.strip_suffix(b"="))
        .unwrap_or(v);
    if body.len() % 4 == 1 || body.contains(&b'=') {
        return None;
    }
    // Hex digits are base64 characters too, but a hex string is a hash or an id, not base64.
    if body.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in body {
        let d = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(d);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Decoded bytes that are text: UTF-8 without NULs and with almost no other control characters.
fn reads_as_text(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let (mut n, mut control) = (0usize, 0usize);
    for c in text.chars() {
        n += 1;
        if c == '\0' {
            return false;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            control += 1;
        }
    }
    n > 0 && control * 50 <= n
}

/// Standard base64 with padding, for tests that plant encoded values (this module and the
/// scanner's tests share it).
#[cfg(test)]
pub(crate) fn encode_for_tests(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                s.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) use super::encode_for_tests as encode;

    #[test]
    fn base64_round_trips_with_and_without_padding() {
        for data in [&b"a"[..], b"ab", b"abc", b"hello, world: a longer text"] {
            let e = encode(data);
            assert_eq!(base64(e.as_bytes()).as_deref(), Some(data), "{e}");
            assert_eq!(
                base64(e.trim_end_matches('=').as_bytes()).as_deref(),
                Some(data)
            );
        }
        assert_eq!(base64(b"abc*"), None);
        assert_eq!(base64(b"0123456789abcdef0123456789abcdef"), None);
    }

    #[test]
    fn values_are_found_after_separators() {
        // Assembled at run time: this repository's charter judges src/, and a secret-shaped value
        // written out here would be a finding of its own.
        let header = ["LS0tLS1C", "RUdJTiBQ", "UklWQVRF", "IEtFWS0t", "LS0t"].concat();
        let line = format!("  tls.key: {header}");
        let v = values(line.as_bytes());
        assert_eq!(v.len(), 1);
        assert_eq!(&line.as_bytes()[v[0].0..v[0].1], header.as_bytes());
        let auth = ["dXNlcjpw", "YXNzd29y", "ZDEyMzQ1", "Njc4OTA="].concat();
        let json = format!(r#"{{"auths":{{"r.io":{{"auth":"{auth}"}}}}}}"#);
        assert_eq!(values(json.as_bytes()).len(), 1);
        assert!(values(b"name: short").is_empty());
        assert!(values(format!("text without separators {header}").as_bytes()).is_empty());
    }

    #[test]
    fn binary_decodings_are_not_text() {
        assert!(reads_as_text(b"user:pass\n"));
        assert!(!reads_as_text(&[
            0x30, 0x82, 0x04, 0xa3, 0x02, 0x01, 0x00, 0x02
        ]));
    }
}
