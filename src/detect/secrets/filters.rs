//! Value heuristics shared by all rules: Shannon entropy, placeholder and template detection, and the
//! extra checks generic `name = "value"` rules need. Pure functions over the candidate bytes; no regexes here.

/// Shannon entropy in bits per byte.
pub fn shannon(s: &[u8]) -> f32 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let n = s.len() as f32;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f32 / n;
            -p * p.log2()
        })
        .sum()
}

pub fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Words that mark a value as documentation, a template or a redaction rather than a credential.
/// Each is long or odd enough that a random body holds it by chance too rarely to matter; short
/// runs that random bodies do hold (`xxxx`, `abcdef`, `123456`, `<`, `$(`) are judged by how much
/// of the value they cover (`mostly_filler`) or by their whole shape (`template`), not found as
/// substrings.
const PLACEHOLDER_WORDS: &[&[u8]] = &[
    b"example",
    b"redacted",
    b"placeholder",
    b"changeme",
    b"change_me",
    b"change-me",
    b"replace_",
    b"replace-",
    b"replaceme",
    b"your_",
    b"your-",
    b"yourkey",
    b"yourtoken",
    b"yoursecret",
    b"yourpassword",
    b"dummy",
    b"notreal",
    b"not_a_real",
    b"not-a-real",
    b"fake",
    b"insert_",
    b"insert-",
    b"****",
    b"...",
    "\u{2026}".as_bytes(),
];

/// True when a candidate is a template, a redaction, a documentation value or a degenerate string
/// (`AKIAIOSFODNN7EXAMPLE`, `sk_live_xxxx`, `${TOKEN}`, `<your-key>`, `0000…`, `****`,
/// `sk_test_abcdefghijklmnop`). A random body is not a placeholder because a short run inside it
/// reads like one: a real key holding `abCdEf` or `1234` is a key.
#[cfg(test)]
pub fn is_placeholder(s: &[u8]) -> bool {
    placeholder_reason(s).is_some()
}

/// Which placeholder check `s` fails, for `--show-suppressed`; `None` for a value that is none.
pub fn placeholder_reason(s: &[u8]) -> Option<String> {
    if let Some(w) = PLACEHOLDER_WORDS.iter().find(|w| contains_ci(s, w)) {
        return Some(format!(
            "placeholder: holds `{}`",
            String::from_utf8_lossy(w)
        ));
    }
    if template(s) {
        return Some("placeholder: a template or reference (`${…}`, `{{…}}`, `<…>`)".into());
    }
    if mostly_filler(s) || periodic(s) {
        return Some("placeholder: mostly filler (`xxxx`, `abcdef…`, `123456…`, `qwerty`)".into());
    }
    degenerate(s).then(|| "placeholder: degenerate (few distinct characters or a long run)".into())
}

/// A template or a reference standing for the value: `${X}`, `{{ x }}`, `$(cmd)`, `%(x)s`, `%{x}`,
/// `#{x}`, `<your-key>`: an opener, a name, the closer.
fn template(s: &[u8]) -> bool {
    let name = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' ' | b':');
    let enclosed = |open: &[u8], close: u8, min: usize| {
        let mut from = 0;
        while let Some(i) = find(&s[from..], open) {
            let body = from + i + open.len();
            let n = s[body..].iter().take_while(|&&b| name(b)).count();
            if n >= min && s.get(body + n) == Some(&close) {
                return true;
            }
            from = body;
        }
        false
    };
    enclosed(b"${", b'}', 1)
        || enclosed(b"{{", b'}', 1)
        || enclosed(b"$(", b')', 1)
        || enclosed(b"%(", b')', 1)
        || enclosed(b"%{", b'}', 1)
        || enclosed(b"#{", b'}', 1)
        || enclosed(b"<", b'>', 2)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A short unit repeated to fill the value, letter case aside: `ABC123abc123ABC123abc1`,
/// `abab…`, `1a2b1a2b1a2b`.
fn periodic(s: &[u8]) -> bool {
    s.len() >= 12
        && (1..=s.len() / 3).any(|p| (p..s.len()).all(|i| s[i].eq_ignore_ascii_case(&s[i - p])))
}

/// Filler covering most of the value: runs of `x` (`xxxx-xxxx`), ascending sequences
/// (`abcdef`, `123456`, `0123456789abcdef`) and the keyboard's `qwerty` row, each at least four
/// long, together at least half of the value's letters and digits.
fn mostly_filler(s: &[u8]) -> bool {
    let alnum = s.iter().filter(|b| b.is_ascii_alphanumeric()).count();
    if alnum < 4 {
        return false;
    }
    const ROW: &[u8] = b"qwertyuiop";
    let mut covered = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i].to_ascii_lowercase();
        let mut j = i + 1;
        if c == b'x' {
            while j < s.len() && s[j].eq_ignore_ascii_case(&b'x') {
                j += 1;
            }
        } else if let Some(k) = ROW.iter().position(|&r| r == c) {
            let mut k = k;
            while j < s.len() && k + 1 < ROW.len() && s[j].to_ascii_lowercase() == ROW[k + 1] {
                j += 1;
                k += 1;
            }
        }
        if j - i < 4 && c.is_ascii_alphanumeric() {
            // An ascending run: `a` → `b` → `c`, `1` → `2` → `3` (`9` → `0` wraps, as `7890` does).
            let step = |a: u8, b: u8| {
                let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
                (b == a + 1
                    && (a.is_ascii_lowercase() && b.is_ascii_lowercase()
                        || a.is_ascii_digit() && b.is_ascii_digit()))
                    || (a == b'9' && b == b'0')
            };
            let mut k = i + 1;
            while k < s.len() && step(s[k - 1], s[k]) {
                k += 1;
            }
            j = j.max(k);
        }
        if j - i >= 4 {
            covered += j - i;
        }
        i = j;
    }
    2 * covered >= alnum
}

/// Few distinct bytes or a long run of one byte: `aaaaaaaa`, `abababab`, `sk_live_000000000000`.
fn degenerate(s: &[u8]) -> bool {
    let mut seen = [false; 256];
    let mut distinct = 0;
    let mut run = 1;
    let mut max_run = 1;
    for (i, &b) in s.iter().enumerate() {
        if !seen[b as usize] {
            seen[b as usize] = true;
            distinct += 1;
        }
        if i > 0 && s[i - 1] == b {
            run += 1;
            max_run = max_run.max(run);
        } else {
            run = 1;
        }
    }
    // Long blocks (key material, indented PEM) legitimately hold runs; only short values are judged by them.
    (s.len() >= 8 && distinct <= 3) || (max_run >= 8 && s.len() < 100)
}

/// The last word of an identifier: `api_key_header` → `header`, `tokenUrl` → `url`, `PASSWORD_MIN_LENGTH` → `length`.
fn last_word(name: &[u8]) -> String {
    let trimmed: &[u8] = {
        let mut end = name.len();
        while end > 0 && !name[end - 1].is_ascii_alphanumeric() {
            end -= 1;
        }
        &name[..end]
    };
    let mut start = trimmed.len();
    while start > 0 {
        let c = trimmed[start - 1];
        if !c.is_ascii_alphanumeric() {
            break;
        }
        // A lower→upper step is a camelCase word boundary.
        if start < trimmed.len() && c.is_ascii_lowercase() && trimmed[start].is_ascii_uppercase() {
            break;
        }
        start -= 1;
    }
    String::from_utf8_lossy(&trimmed[start..]).to_ascii_lowercase()
}

/// Names whose value describes a secret rather than being one (`secret_name`, `api_key_header`, `private_key_id`).
const NAME_LAST_WORD_DENY: &[&str] = &[
    "id",
    "ids",
    "uid",
    "guid",
    "uuid",
    "name",
    "names",
    "header",
    "headers",
    "url",
    "uri",
    "urls",
    "endpoint",
    "host",
    "path",
    "file",
    "filename",
    "dir",
    "type",
    "field",
    "fields",
    "length",
    "len",
    "size",
    "count",
    "ttl",
    "timeout",
    "expiry",
    "expires",
    "expiration",
    "prefix",
    "suffix",
    "setting",
    "settings",
    "format",
    "version",
    "env",
    "enabled",
    "enable",
    "disabled",
    "required",
    "min",
    "max",
    "mode",
    "policy",
    "pattern",
    "regex",
    "label",
    "description",
    "desc",
    "hint",
    "prompt",
    "arn",
    "ref",
    "provider",
    "method",
    "algorithm",
    "alg",
    "scheme",
    "location",
    "kind",
    "region",
    "usage",
    "rotation",
    "param",
    "parameter",
    "var",
    "variable",
    "hash",
    "digest",
    "checksum",
    "fingerprint",
    "sha",
    "md5",
    "salt",
    "iv",
    "nonce",
    "public",
    "cert",
    "certificate",
    "template",
    "source",
    "store",
    "vault",
    "manager",
    "class",
    "helper",
    "generator",
    "validator",
    "service",
    "index",
    "fn",
    "func",
    "function",
    "callback",
    "handler",
    "test",
    "tests",
];

/// Name fragments that make a value public by design.
const NAME_DENY_FRAGMENTS: &[&[u8]] = &[
    b"public",
    b"publishable",
    b"pubkey",
    b"pub_key",
    b"_pub",
    b"-pub",
];

/// Passwords everyone knows: documentation and tutorial values, not credentials anyone relies on.
const COMMON_PASSWORDS: &[&[u8]] = &[
    b"p@ssw0rd",
    b"p@ssword",
    b"passw0rd",
    b"password1",
    b"password12",
    b"password123",
    b"password1!",
    b"password123!",
    b"letmein1",
    b"welcome1",
    b"welcome123",
    b"admin123",
    b"admin1234",
    b"secret123",
    b"changeit",
    b"Summer2024!",
    b"iloveyou",
    b"trustno1",
    b"sunshine",
    b"football",
    b"baseball",
    b"superman",
    b"1q2w3e4r",
    b"zaq12wsx",
];

/// Prefixes of values that are references, encrypted blobs, hashes or public material, not literals.
const VALUE_DENY_PREFIXES: &[&[u8]] = &[
    b"env:",
    b"env.",
    b"vault:",
    b"ref+",
    b"secret:",
    b"secrets.",
    b"arn:",
    b"sm://",
    b"op://",
    b"enc[",
    b"data:",
    b"sha1:",
    b"sha256:",
    b"sha384:",
    b"sha512:",
    b"sha1-",
    b"sha256-",
    b"sha384-",
    b"sha512-",
    b"md5:",
    b"pk_live_",
    b"pk_test_",
    // PubNub publish and subscribe keys: every client holds them (the secret key, `sec-c-`, is not here).
    b"pub-c-",
    b"sub-c-",
    b"ssh-rsa",
    b"ssh-ed25519",
    b"ecdsa-sha2",
    b"-----begin public",
    b"$argon2",
    b"$2a$",
    b"$2b$",
    b"$2y$",
    b"$6$",
    b"$5$",
    b"$1$",
    b"bearer ",
    b"basic ",
    b"!vault",
    b"$ansible_vault",
    // Password hashes (Django, passlib, argon2, scrypt): not the password.
    b"pbkdf2_",
    b"pbkdf2:",
    b"$pbkdf2",
    b"argon2",
    b"bcrypt$",
    b"scrypt:",
    b"scram-sha-256$",
    // Ciphertexts: AWS KMS blobs, Fernet tokens, Jasypt, Vault transit, age and PGP armour.
    b"aqicah",
    b"gaaaaab",
    b"enc(",
    b"vault:v",
    b"-----begin pgp message",
    b"-----begin age encrypted",
];

/// Whether a generic candidate named `name` is a Bugsnag project key: an API key named within
/// `before` (the text just before the value) of a Bugsnag client's configuration
/// (`Bugsnag.start({ apiKey })`, `data-apikey`, `BUGSNAG_API_KEY`). Every Bugsnag client sends that
/// key with its reports (browser and mobile apps ship it): public by design. The personal auth
/// token is not an API key, and stays a secret (`bugsnag-auth-token`).
pub fn bugsnag_project_key(name: &[u8], before: &[u8]) -> bool {
    const LOOKBACK: usize = 256;
    let lower = name.to_ascii_lowercase();
    ["apikey", "api_key", "api-key"]
        .iter()
        .any(|k| lower.ends_with(k.as_bytes()))
        && contains_ci(&before[before.len().saturating_sub(LOOKBACK)..], b"bugsnag")
}

/// Checks for a value captured by a generic `name = value` rule. `bare` is true when the value was not quoted,
/// where code expressions (`os.environ[...]`, `var.x`, `getPassword()`) must not count as literals.
pub fn generic_value_ok(name: &[u8], value: &[u8], bare: bool) -> bool {
    if NAME_DENY_FRAGMENTS.iter().any(|f| contains_ci(name, f)) {
        return false;
    }
    if !name.is_empty() && NAME_LAST_WORD_DENY.contains(&last_word(name).as_str()) {
        return false;
    }
    // Past a few hundred bytes a "value" is a blob (an image, a certificate, a ciphertext), not a credential.
    if value.len() < 8 || value.len() > 256 {
        return false;
    }
    let lower: Vec<u8> = value.iter().map(u8::to_ascii_lowercase).collect();
    if VALUE_DENY_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    if matches!(
        value[0],
        b'$' | b'%' | b'!' | b'&' | b'*' | b'|' | b'>' | b'@'
    ) && looks_like_reference(value)
    {
        return false;
    }
    if contains_ci(value, b"://") || is_uuid(value) || is_sealed_secret(value) {
        return false;
    }
    if is_file_path(value) {
        return false;
    }
    if bare && (looks_like_code(value) || snake_identifier(value)) {
        return false;
    }
    // PostgreSQL's `md5` password verifier (`md5` and 32 hex digits): a hash, not the password.
    if value.len() == 35
        && lower.starts_with(b"md5")
        && value[3..].iter().all(u8::is_ascii_hexdigit)
    {
        return false;
    }
    if slug_with_tag(value) {
        return false;
    }
    // Eight hex digits are a key id or a short hash, not enough to be a credential.
    if value.len() < 16 && value.iter().all(u8::is_ascii_hexdigit) {
        return false;
    }
    // Prose and format strings have spaces; generated credentials do not.
    if value.iter().any(|b| b.is_ascii_whitespace()) {
        return false;
    }
    // `crate::Type`, `::Path`: a path in Rust, C++, PHP or Ruby, not a literal.
    if value.starts_with(b":") || value.windows(2).any(|w| w == b"::") {
        return false;
    }
    // `user:{id}:profile`, `{{ .Values.x }}`: a format string, not a literal.
    if value.contains(&b'{') && value.contains(&b'}') {
        return false;
    }
    if COMMON_PASSWORDS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(value))
    {
        return false;
    }
    looks_random(value)
}

/// Lowercase words joined by `-`, `_` or `.` with short version or hash tags: a cache key, a
/// bucket or a release name (`report-cache-v2-7f3a9c21`), not a credential. At least two words of
/// three letters or more; every other part a tag of at most 12 letters and digits.
fn slug_with_tag(v: &[u8]) -> bool {
    if v.iter().any(u8::is_ascii_uppercase) {
        return false;
    }
    let parts: Vec<&[u8]> = v.split(|&b| matches!(b, b'-' | b'_' | b'.')).collect();
    let words = parts
        .iter()
        .filter(|p| p.len() >= 3 && p.iter().all(u8::is_ascii_lowercase))
        .count();
    words >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 12 && p.iter().all(|b| b.is_ascii_alphanumeric()))
}

/// `/tmp/.tmpQ7xk2/gitleaks.toml`, `certs/prod/server.pem`: a file's path (`/`-separated names,
/// the last with a short lowercase extension; a trailing `:` or `,` of the surrounding text
/// aside), not a credential. No base64 or hex credential has both a `/` and a `.`-extension, and
/// a JWT has no `/`.
fn is_file_path(v: &[u8]) -> bool {
    let v = v
        .strip_suffix(b":")
        .or_else(|| v.strip_suffix(b","))
        .unwrap_or(v);
    let Some(slash) = v.iter().rposition(|&b| b == b'/') else {
        return false;
    };
    let name = &v[slash + 1..];
    let ext = name
        .iter()
        .rposition(|&b| b == b'.')
        .map(|dot| &name[dot + 1..]);
    let has_ext = ext
        .is_some_and(|e| (1..=5).contains(&e.len()) && e.iter().all(u8::is_ascii_lowercase))
        && name.len() > ext.map_or(0, <[u8]>::len) + 1;
    has_ext
        && v.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'_' | b'-' | b'~'))
}

/// `$VAR`, `%VAR%`, `!vault`, `&anchor`, `*alias`, `|` — a reference or a block marker, not a literal.
fn looks_like_reference(v: &[u8]) -> bool {
    v[1..]
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'%' | b'{' | b'}' | b'.' | b'-'))
}

/// Bitnami sealed-secrets ciphertext: base64 of a 2-byte session-key length (0x02 0x00..0x03), then RSA-OAEP output.
fn is_sealed_secret(v: &[u8]) -> bool {
    v.len() >= 100
        && v.starts_with(b"Ag")
        && matches!(v[2], b'A'..=b'D')
        && v.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

pub fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// `__uint128_t`, `MAX_RETRY_COUNT`: an unquoted snake_case or CONSTANT_CASE name is a type or a constant.
fn snake_identifier(v: &[u8]) -> bool {
    v.contains(&b'_')
        && (v
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            || v.iter()
                .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
}

/// An unquoted value that is an expression: a call, an index, a dotted path or a plain identifier.
fn looks_like_code(v: &[u8]) -> bool {
    if v.iter().any(|&b| matches!(b, b'(' | b'[' | b')' | b']')) {
        return true;
    }
    let ident = |s: &[u8]| {
        !s.is_empty()
            && !s[0].is_ascii_digit()
            && s.iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
    };
    let parts: Vec<&[u8]> = v.split(|&b| b == b'.').collect();
    parts.len() > 1 && parts.iter().all(|p| ident(p))
}

/// Identifiers and prose split into long runs (`pkcs-9-at-pkcs15Token` → pkcs·9·at·pkcs·15·Token, `avx2_token`);
/// machine-generated strings break into runs of one or two characters. Runs are lowercase words (optionally
/// capitalised), uppercase words and digit groups.
fn reads_like_words(v: &[u8]) -> bool {
    let (mut runs, mut chars, mut i) = (0usize, 0usize, 0usize);
    while i < v.len() {
        let start = i;
        let c = v[i];
        if c.is_ascii_digit() {
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
        } else if c.is_ascii_lowercase() {
            while i < v.len() && v[i].is_ascii_lowercase() {
                i += 1;
            }
        } else if c.is_ascii_uppercase() {
            if v.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
                i += 1;
                while i < v.len() && v[i].is_ascii_lowercase() {
                    i += 1;
                }
            } else {
                // An uppercase run gives its last letter to a following lowercase run (`HTTPServer`).
                while i < v.len()
                    && v[i].is_ascii_uppercase()
                    && !v.get(i + 1).is_some_and(u8::is_ascii_lowercase)
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
            }
        } else {
            i += 1;
            continue;
        }
        runs += 1;
        chars += i - start;
    }
    runs > 0 && chars >= 3 * runs
}

/// A letters-only segment that reads like a word: `token`, `TOKEN`, `Token`, `apiToken`, `ApiToken`.
fn wordlike(seg: &[u8]) -> bool {
    if seg.iter().all(u8::is_ascii_digit) {
        return true;
    }
    if !seg.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    if seg.iter().all(u8::is_ascii_uppercase) || seg.len() <= 3 {
        return true;
    }
    // camelCase / PascalCase: every uppercase letter starts a run of lowercase letters.
    seg.iter().enumerate().all(|(i, &b)| {
        !b.is_ascii_uppercase()
            || seg.get(i + 1).is_some_and(u8::is_ascii_lowercase)
            || i + 1 == seg.len()
    }) && seg
        .windows(2)
        .filter(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
        .count()
        == 0
}

/// Whether a value looks machine-generated or like a real password rather than prose, an identifier or a pattern.
pub fn looks_random(v: &[u8]) -> bool {
    if v.len() < 8 || degenerate(v) {
        return false;
    }
    let (mut lo, mut up, mut dig, mut sym) = (false, false, false, false);
    for &b in v {
        match b {
            b'a'..=b'z' => lo = true,
            b'A'..=b'Z' => up = true,
            b'0'..=b'9' => dig = true,
            _ => sym = true,
        }
    }
    let classes = lo as u8 + up as u8 + dig as u8 + sym as u8;
    if classes < 2 {
        return false;
    }
    if v.split(|b| !b.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .all(wordlike)
        || reads_like_words(v)
    {
        return false;
    }
    let e = shannon(v);
    let floor = if v.len() >= 16 { 3.0 } else { 2.5 };
    e >= floor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_of_uniform_and_constant_strings() {
        assert!((shannon(b"abcd") - 2.0).abs() < 1e-5);
        assert_eq!(shannon(b"aaaa"), 0.0);
    }

    #[test]
    fn placeholders_are_recognised() {
        for p in [
            "AKIAIOSFODNN7EXAMPLE",
            "sk_live_xxxxxxxxxxxxxxxx",
            "${DB_PASSWORD}",
            "<your-key>",
            "0000000000000000",
            "****************",
            "sk-...your-key...",
            "REDACTED",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        assert!(!is_placeholder(b"gTPMQ51_58KOpgLPOYKTSXUn0eaFOV2Wv3SphNCf"));
    }

    /// A live Stripe key whose random body held `abCdEf` was dropped as a placeholder: the
    /// filter found `abcdef` anywhere in the value.
    #[test]
    fn a_random_body_holding_a_short_sequence_is_not_a_placeholder() {
        let body = [
            "51Hq8ZtKp2",
            "abCdEf",
            "Xw7rN0vLmQ3sT9yUe4Gj6Bk1Ro5Vn8Dc2Fa0Mz",
        ]
        .concat();
        for v in [
            format!("{}{body}", "sk_live_"),
            "Tz8Q1234mVx9kLp2Rw7N".to_string(),
            "q8Wv2xxxxNp4Lm7Rt0Kz3Yb6".to_string(),
            "Jk3#qL<w2!mVx9>".to_string(),
            "Hn4$(q8;Lm2Zx7".to_string(),
            "pQ9qwertZ3mN7vB2xL5k".to_string(),
        ] {
            assert!(!is_placeholder(v.as_bytes()), "{v}");
        }
    }

    /// `CACHE_KEY = "report-cache-v2-7f3a9c21"` was denied as a generic API key.
    #[test]
    fn a_cache_key_of_words_and_a_hash_tag_is_not_a_credential() {
        assert!(!generic_value_ok(
            b"CACHE_KEY",
            b"report-cache-v2-7f3a9c21",
            false
        ));
        assert!(!generic_value_ok(
            b"bucket_key",
            b"assets.prod.eu-west-1.9f8e7d",
            false
        ));
        // A random token is still one, dashes or not.
        assert!(generic_value_ok(
            b"api_key",
            b"q8wv2-np4lm7rt0kz3yb6-x9c1hd5",
            false
        ));
        assert!(!generic_value_ok(
            b"password",
            b"md59543f1d82624df2b31672ec0f7050460",
            false
        ));
    }

    /// A documentation value repeating a short unit (`ABC123abc123…`) was reported as an API key.
    #[test]
    fn a_repeated_unit_is_a_placeholder() {
        assert!(is_placeholder(b"ABC123abc123ABC123abc123ABC123ab"));
        assert!(!is_placeholder(b"ABC123xq9LmZ0w7TfR2s"));
    }

    /// What covers most of the value still is one.
    #[test]
    fn filler_covering_most_of_the_value_is_a_placeholder() {
        for p in [
            "sk_test_abcdefghijklmnop",
            "0123456789abcdef0123456789abcdef",
            "abcdefabcdefabcdef",
            "xoxb-xxxx-xxxx-xxxxxxxxxxxx",
            "qwertyuiop1234",
            "1234567890",
            "{{ .Values.apiToken }}",
            "%(db_password)s",
            "#{ENV_TOKEN}",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
    }

    #[test]
    fn last_word_splits_snake_kebab_and_camel_case() {
        assert_eq!(last_word(b"api_key_header"), "header");
        assert_eq!(last_word(b"tokenUrl"), "url");
        assert_eq!(last_word(b"PASSWORD_MIN_LENGTH"), "length");
        assert_eq!(last_word(b"awsSecretAccessKey\""), "key");
    }

    #[test]
    fn identifiers_read_like_words_and_tokens_do_not() {
        for w in [
            "pkcs-9-at-pkcs15Token",
            "avx2_token",
            "test-token-123",
            "__X32_SYSCALL_BIT",
            "HTTPServerKey",
        ] {
            assert!(reads_like_words(w.as_bytes()), "{w}");
        }
        for r in [
            "gTPMQ51_58KOpgLPOYKTSXUn0eaFOV2Wv3SphNCf",
            "Tz8#qLw2!mVx9k",
            "iftkeq2y4qj0nbt",
            "7db56e86c4c4dd14e869a03cffa9acf6",
        ] {
            assert!(!reads_like_words(r.as_bytes()), "{r}");
        }
    }

    #[test]
    fn generic_values() {
        // File paths are not credentials; a base64 value with `/` but no extension still is.
        for path in [
            b"/tmp/.tmp7RHgE5/gitleaks.toml:".as_slice(),
            b"/srv/app/Q7xk2Lm9/config.yaml",
            b"./certs/prod-x9Kq2/server.pem",
        ] {
            assert!(is_file_path(path), "{}", String::from_utf8_lossy(path));
            assert!(!generic_value_ok(b"secrets_file", path, false));
        }
        for not_path in [
            b"q7X2vR9mKp4/Lw8Tz3Hd".as_slice(),
            b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
            b"Zm9v+YmFy/cXV4.dat",
        ] {
            assert!(
                !is_file_path(not_path),
                "{}",
                String::from_utf8_lossy(not_path)
            );
        }
        assert!(generic_value_ok(
            b"secret_key",
            b"gTPMQ51_58KOpgLPOYKTSXUn0eaFOV2Wv3SphNCf",
            false
        ));
        assert!(generic_value_ok(
            b"DB_PASSWORD",
            b"?wm%^MeyJqH@#jLN6_",
            true
        ));
        assert!(!generic_value_ok(
            b"password",
            b"fake-api-key-for-unit-tests",
            false
        ));
        assert!(!generic_value_ok(b"testToken", b"test-token-123", false));
        assert!(!generic_value_ok(
            b"api_key_header",
            b"X-Api-Key-Value-Here",
            false
        ));
        assert!(!generic_value_ok(b"API_KEY", b"abcdefabcdefabcdef", true));
        assert!(!generic_value_ok(
            b"password_field",
            b"form.cleaned_data",
            true
        ));
        assert!(!generic_value_ok(
            b"client_secret",
            b"f371c10c-8278-4e9e-a73b-0bce0240f597",
            false
        ));
        assert!(!generic_value_ok(
            b"stripePublishableKey",
            b"pk_live_2o2suz5CPvDLkAuLX29F14uY",
            false
        ));
    }
}
