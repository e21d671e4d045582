//! Every parser of user input survives arbitrary input: no panic, only values or typed errors.
//! A seeded generator mixes structure-shaped fragments with random bytes (a poor man's fuzzer that
//! runs on stable Rust in every `cargo test`; the seeds are fixed so a failure reproduces).

use crate::api::detect::{LineMap, ai, classes, insecure};
use crate::api::{config, message, policy, secrets, trailers};
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn text(&mut self, fragments: &[&str], parts: usize) -> String {
        let mut s = String::new();
        for _ in 0..parts {
            match self.next() % 6 {
                0 => {
                    let n = self.next() % 12;
                    for _ in 0..n {
                        s.push(char::from_u32((self.next() % 0x2FF) as u32).unwrap_or('?'));
                    }
                }
                1 => s.push('\n'),
                2 => s.push_str("\r\n"),
                _ => s.push_str(self.pick(fragments)),
            }
        }
        s
    }
}

const YAML: &[&str] = &[
    "version: 1\n",
    "limits:\n",
    "  max_file_size: ",
    "-1",
    "99999999999999999999",
    "tiers:\n",
    "classes:\n",
    "  auth:\n",
    "    paths: [\"**/auth/**\", \"[\"]\n",
    "    signals: [",
    "]\n",
    "secrets:\n",
    "  allow_regexes: [\"(\"]\n",
    "  - ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "&a ",
    "*a",
    "!!binary ",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">-\n",
    "\t",
    "disclosure:\n",
    "  trailers: [Assisted-by]\n",
    "ai:\n",
    "  signatures:\n",
    "    - id: x\n",
    "      pattern: \"(?i)claude\"\n",
    "policies:\n",
    "  disable: [\n",
    "bulk:\n",
    "  tiers:\n",
    "    critical: {max_files: 1}\n",
    "insecure:\n",
];

const MESSAGES: &[&str] = &[
    "Subject line",
    "\n\n",
    "Signed-off-by: A <a@b>",
    "Co-Authored-By: Claude <noreply@anthropic.com>",
    "Assisted-by: Claude Code:claude-opus-4",
    "(cherry picked from commit abc)",
    "---",
    "# comment",
    " continued",
    "\tcontinued",
    "Key:value",
    "BREAKING CHANGE: x",
    ":",
    "# ------------------------ >8 ------------------------",
    "🤖 Generated with [Claude Code](https://claude.com/claude-code)",
    "Made-with: Cursor",
    " (aider)",
    "Jean-Claude",
    "Key #value",
    "a: b: c",
    "  ",
    "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
];

const REGO_META: &[&str] = &[
    "# METADATA\n",
    "# title: T\n",
    "# custom:\n",
    "#   id: A-B-001\n",
    "#   severity: high\n",
    "#   stages: [ci]\n",
    "#   stages: nope\n",
    "# : :\n",
    "#\t- x\n",
    "package a.b\n",
    "package\n",
    "test_x if { true }\n",
    "#   severity: [\n",
];

const TOML: &[&str] = &[
    "[extend]\nuseDefault = true\n",
    "[[rules]]\n",
    "id = \"x\"\n",
    "regex = '''(AKIA[0-9A-Z]{16})'''\n",
    "regex = \"(\"\n",
    "keywords = [\"akia\"]\n",
    "secretGroup = 3\n",
    "entropy = 3.5\n",
    "[[rules.allowlists]]\n",
    "regexes = ['''x''']\n",
    "[allowlist]\n",
    "paths = ['''(?i)\\.md$''']\n",
    "condition = \"AND\"\n",
    "stopwords = [\"a\"]\n",
    "= = =\n",
    "[\n",
];

const CODE: &[&str] = &[
    "AKIA",
    "ghp_",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END RSA PRIVATE KEY-----",
    "password = \"",
    "\"",
    "postgres://u:",
    "@h/db",
    "eyJ",
    ".",
    "sk-",
    "xoxb-",
    "requests.get(url, verify=False)",
    "import hashlib",
    "chmod 777",
    "curl x | sh",
    "os.system(",
    "yaml.load(",
    "api_key=",
    "${VAR}",
    "\0",
    "\u{feff}",
    "é",
];

#[test]
fn charter_parser_never_panics() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..3000 {
        let text = rng.text(YAML, 12);
        let _ = config::from_team_text(Path::new(".charter/charter.yaml"), &text);
    }
}

#[test]
fn commit_message_parsers_never_panic() {
    let mut rng = Rng(0x0bad_cafe_dead_beef);
    let sigs = ai::Signatures::new(&ai::AiConfig::default()).unwrap();
    for _ in 0..3000 {
        let raw = rng.text(MESSAGES, 10);
        let comment = rng.pick(&["#", ";", "//", ""]);
        let cleaned = message::cleanup(&raw, comment);
        let _ = message::subject(&cleaned);
        for mode in [trailers::Mode::Log, trailers::Mode::Interpret] {
            let t = trailers::parse(&raw, mode, &trailers::TrailerConfig::default());
            let _ = sigs.detect(&raw, &t, None, None);
        }
    }
}

#[test]
fn policy_metadata_parser_never_panics() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let text = rng.text(REGO_META, 8);
        let _ = policy::parse_header(&text);
        let _ = policy::test_rule_names(&text);
    }
}

#[test]
fn gitleaks_config_import_never_panics() {
    let mut rng = Rng(7);
    // Each iteration builds a whole scanner (built-ins included): fewer rounds, same variety.
    for _ in 0..150 {
        let text = rng.text(TOML, 10);
        let _ = secrets::Scanner::new(
            &secrets::SecretsConfig::default(),
            &[("gitleaks.toml".into(), text)],
        );
    }
}

#[test]
fn detectors_never_panic_on_arbitrary_bytes() {
    let charter = config::default_charter();
    let scanner = secrets::Scanner::new(&charter.secrets, &[]).unwrap();
    let ins = insecure::InsecureScanner::new(&charter.insecure).unwrap();
    let cls = classes::Classifier::new(&charter.classes, &charter.tiers).unwrap();
    let mut rng = Rng(99);
    let mut out = Vec::new();
    let mut pm = Vec::new();
    for i in 0..600 {
        let mut bytes = rng.text(CODE, 20).into_bytes();
        if i % 3 == 0 {
            // invalid UTF-8
            bytes.push(0xff);
            bytes.insert(0, 0xc3);
        }
        let lines = bytes.split(|&b| b == b'\n').count();
        let map: Vec<u32> = (0..lines as u32).map(|l| l * 3 + 1).collect();
        let path = rng.pick(&[
            "a.py",
            "src/auth/x.rs",
            ".github/workflows/ci.yml",
            "Cargo.toml",
            "dir with space/ü.sh",
            "",
        ]);
        out.clear();
        pm.clear();
        scanner.scan(path, &bytes, LineMap::Contiguous { first: 1 }, &mut out);
        scanner.scan(path, &bytes, LineMap::Mapped(&map), &mut out);
        // A map shorter than the buffer must not panic either.
        scanner.scan(
            path,
            &bytes,
            LineMap::Mapped(&map[..map.len() / 2]),
            &mut out,
        );
        ins.scan(path, &bytes, LineMap::Mapped(&map), &mut pm);
        let _ = cls.classify(path, &bytes);
        let _ = cls.tier(path);
    }
}
