//! Signed approvals of one commit: the exact bytes a reviewer signs, and the note
//! (`refs/notes/charter-approvals`, JSON Lines) that carries them. Reads no git object.

use serde::{Deserialize, Serialize};

use super::{APPROVAL_NAMESPACE, AllowedSigners, Rejection, Verified};

/// The payload and note format version.
pub const VERSION: u32 = 1;
/// The notes ref approvals live in; merge it with `git notes merge -s cat_sort_uniq`.
pub const NOTES_REF: &str = "refs/notes/charter-approvals";
/// At most this many lines of a note are read.
pub const MAX_NOTE_LINES: usize = 1000;
/// A longer note line is reported, not parsed.
pub const MAX_NOTE_LINE: usize = 64 * 1024;

/// One reviewer's approval of one commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// [`VERSION`].
    pub version: u32,
    /// The approved commit's object id (hex).
    pub commit: String,
    /// Its tree, so that an approval cannot be moved to a rewritten commit with other content.
    pub tree: String,
    /// Its parents, in order.
    pub parents: Vec<String>,
    /// The reviewer's e-mail: the principal looked up in the allowed-signers file.
    pub signer: String,
    /// The role the reviewer approves in (e.g. `security`), checked against the entry's roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Unix seconds; the time valid-after/valid-before are judged at.
    pub timestamp: i64,
}

impl Approval {
    /// The exact bytes that are signed, in namespace [`APPROVAL_NAMESPACE`]:
    ///
    /// ```text
    /// git-charter approval v1
    /// commit <commit>
    /// tree <tree>
    /// parent <parent>        one line per parent, in order; none for a root commit
    /// signer <signer>
    /// role <role>            only when there is a role
    /// timestamp <timestamp>  decimal unix seconds, `-` for negative
    /// comment <comment>      only when there is a comment; always last
    /// ```
    ///
    /// Every line ends with `\n`, `key` and value are separated by one space, and in every value
    /// `\` is written `\\`, a newline `\n` and a carriage return `\r`, so no value can add a line
    /// or pass for another field: two different approvals never have the same payload. The
    /// version in the first line is [`Approval::version`].
    pub fn payload(&self) -> Vec<u8> {
        let mut out = format!("git-charter approval v{}\n", self.version);
        let mut field = |key: &str, value: &str| {
            out.push_str(key);
            out.push(' ');
            for c in value.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
            out.push('\n');
        };
        field("commit", &self.commit);
        field("tree", &self.tree);
        for parent in &self.parents {
            field("parent", parent);
        }
        field("signer", &self.signer);
        if let Some(role) = &self.role {
            field("role", role);
        }
        field("timestamp", &self.timestamp.to_string());
        if let Some(comment) = &self.comment {
            field("comment", comment);
        }
        out.into_bytes()
    }
}

/// An approval and its armored SSH signature over [`Approval::payload`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedApproval {
    #[serde(flatten)]
    pub approval: Approval,
    pub signature: String,
}

impl SignedApproval {
    /// Sign `approval` as git signs (see [`super::sign::sign`]).
    pub fn sign(
        approval: Approval,
        program: &str,
        key: &str,
    ) -> Result<Self, super::sign::SignError> {
        let signature = super::sign::sign(program, key, APPROVAL_NAMESPACE, &approval.payload())?;
        Ok(Self {
            approval,
            signature,
        })
    }

    /// Verify the signature for the approval's signer, at its timestamp, in [`APPROVAL_NAMESPACE`].
    /// Whether the entry's roles include [`Approval::role`] is the caller's decision
    /// ([`Verified::roles`]).
    pub fn verify(&self, allowed: &AllowedSigners) -> Result<Verified, Rejection> {
        super::verify(
            allowed,
            &self.signature,
            &self.approval.payload(),
            APPROVAL_NAMESPACE,
            self.approval.timestamp,
            Some(&self.approval.signer),
        )
    }
}

/// A note in [`NOTES_REF`] holds one [`SignedApproval`] per line as compact JSON (JSON Lines), so
/// that `git notes merge -s cat_sort_uniq` merges concurrent approvals. Returns the approvals that
/// parse and, for each line that does not, its 1-based number and a short reason; blank lines are
/// skipped. Never fatal, and bounded: at most [`MAX_NOTE_LINES`] lines are read (one error entry
/// says the rest was not), a line over [`MAX_NOTE_LINE`] bytes is an error entry.
pub fn parse_note(text: &str) -> (Vec<SignedApproval>, Vec<(usize, String)>) {
    let mut approvals = Vec::new();
    let mut errors = Vec::new();
    let mut rest = text;
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        if number > MAX_NOTE_LINES {
            if !rest.trim().is_empty() {
                errors.push((
                    number,
                    format!("more than {MAX_NOTE_LINES} lines: the rest is not read"),
                ));
            }
            break;
        }
        let (line, next) = rest.split_once('\n').unwrap_or((rest, ""));
        rest = next;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.len() > MAX_NOTE_LINE {
            errors.push((number, format!("line longer than {MAX_NOTE_LINE} bytes")));
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<SignedApproval>(line) {
            Err(e) => errors.push((
                number,
                format!("not an approval: {}", short(&e.to_string())),
            )),
            Ok(a) => match check(&a.approval) {
                Err(reason) => errors.push((number, reason)),
                Ok(()) => approvals.push(a),
            },
        }
    }
    (approvals, errors)
}

/// Compact JSON, no newline inside (serde_json escapes those in strings).
pub fn to_note_line(a: &SignedApproval) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

fn check(a: &Approval) -> Result<(), String> {
    if a.version != VERSION {
        return Err(format!("unsupported approval version {}", a.version));
    }
    let oid = |s: &str| matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit());
    if !oid(&a.commit) || !oid(&a.tree) || !a.parents.iter().all(|p| oid(p)) {
        return Err("commit, tree and parents must be hexadecimal object ids".into());
    }
    Ok(())
}

/// At most 100 characters, control characters escaped.
fn short(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 100 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::testkit::{KeyKind, Kit};

    const C: &str = "1111111111111111111111111111111111111111";
    const T: &str = "2222222222222222222222222222222222222222";
    const P: &str = "3333333333333333333333333333333333333333";

    fn approval() -> Approval {
        Approval {
            version: VERSION,
            commit: C.into(),
            tree: T.into(),
            parents: vec![P.into(), "4444444444444444444444444444444444444444".into()],
            signer: "alice@example.com".into(),
            role: Some("security".into()),
            comment: Some("looks good\nsecond line \\n literal".into()),
            timestamp: 1_700_000_000,
        }
    }

    #[test]
    fn payload_is_canonical() {
        let expected = format!(
            "git-charter approval v1\ncommit {C}\ntree {T}\nparent {P}\nparent 4444444444444444444444444444444444444444\n\
             signer alice@example.com\nrole security\ntimestamp 1700000000\ncomment looks good\\nsecond line \\\\n literal\n"
        );
        assert_eq!(String::from_utf8(approval().payload()).unwrap(), expected);
        let bare = Approval {
            parents: vec![],
            role: None,
            comment: None,
            timestamp: -5,
            ..approval()
        };
        assert_eq!(
            String::from_utf8(bare.payload()).unwrap(),
            format!(
                "git-charter approval v1\ncommit {C}\ntree {T}\nsigner alice@example.com\ntimestamp -5\n"
            )
        );
    }

    #[test]
    fn payload_is_unambiguous() {
        // A value cannot smuggle in a line of its own.
        let a = Approval {
            signer: "a@x\ntimestamp 1".into(),
            role: None,
            comment: None,
            ..approval()
        };
        let text = String::from_utf8(a.payload()).unwrap();
        assert_eq!(
            text.lines().filter(|l| l.starts_with("timestamp ")).count(),
            1
        );
        // Absent and empty differ; so do a comment and a role.
        let none = Approval {
            role: None,
            ..approval()
        };
        let empty = Approval {
            role: Some(String::new()),
            ..approval()
        };
        assert_ne!(none.payload(), empty.payload());
        let c1 = Approval {
            comment: Some("a\\nb".into()),
            ..approval()
        };
        let c2 = Approval {
            comment: Some("a\nb".into()),
            ..approval()
        };
        assert_ne!(c1.payload(), c2.payload());
        let v2 = Approval {
            version: 2,
            ..approval()
        };
        assert!(v2.payload().starts_with(b"git-charter approval v2\n"));
    }

    #[test]
    fn note_lines_round_trip() {
        let a = SignedApproval {
            approval: approval(),
            signature: "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n".into(),
        };
        let b = SignedApproval {
            approval: Approval {
                role: None,
                comment: None,
                ..approval()
            },
            signature: "x".into(),
        };
        let line = to_note_line(&a);
        assert!(!line.contains('\n'));
        assert!(line.starts_with("{\"version\":1,\"commit\":"), "{line}");
        assert!(
            !to_note_line(&b).contains("role"),
            "absent fields are left out"
        );
        let note = format!("{line}\n\n{}\r\n", to_note_line(&b));
        let (parsed, errors) = parse_note(&note);
        assert_eq!(errors, []);
        assert_eq!(parsed, [a, b]);
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let good = to_note_line(&SignedApproval {
            approval: approval(),
            signature: "s".into(),
        });
        let v2 = good.replace("\"version\":1", "\"version\":2");
        let bad_oid = good.replace(C, "HEAD");
        let note = format!("{good}\nnot json\n{{\"version\":1}}\n{v2}\n{bad_oid}\n{good}");
        let (parsed, errors) = parse_note(&note);
        assert_eq!(parsed.len(), 2);
        let lines: Vec<usize> = errors.iter().map(|e| e.0).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        assert!(
            errors[0].1.starts_with("not an approval: "),
            "{:?}",
            errors[0]
        );
        assert!(errors[2].1.contains("version 2"));
        assert!(errors[3].1.contains("object ids"));
        assert!(errors.iter().all(|e| e.1.chars().count() < 140));
    }

    #[test]
    fn parse_note_is_bounded() {
        let good = to_note_line(&SignedApproval {
            approval: approval(),
            signature: "s".into(),
        });
        let many = vec![good.as_str(); MAX_NOTE_LINES + 500].join("\n");
        let (parsed, errors) = parse_note(&many);
        assert_eq!(parsed.len(), MAX_NOTE_LINES);
        assert_eq!(
            errors,
            [(
                MAX_NOTE_LINES + 1,
                format!("more than {MAX_NOTE_LINES} lines: the rest is not read")
            )]
        );
        // Exactly the limit, with its final newline, is not an error.
        let exact = format!("{}\n", vec![good.as_str(); MAX_NOTE_LINES].join("\n"));
        assert_eq!(parse_note(&exact).1, []);

        let long = format!("{{\"comment\":\"{}\"}}\n{good}", "x".repeat(MAX_NOTE_LINE));
        let (parsed, errors) = parse_note(&long);
        assert_eq!((parsed.len(), errors.len(), errors[0].0), (1, 1, 1));
        assert!(errors[0].1.contains("longer than"));

        // A deeply nested line is an error, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(60_000), "]".repeat(60_000));
        let start = std::time::Instant::now();
        let (parsed, errors) = parse_note(&format!("{deep}\n{}", "y".repeat(20_000_000)));
        assert_eq!((parsed.len(), errors.len()), (0, 2));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn signed_approvals_verify_end_to_end() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ed25519, "alice");
        let text = format!("alice@example.com {} roles=security\n", kit.public(&key));
        let allowed = AllowedSigners::parse(&text).unwrap();
        let a = approval();
        let signed = SignedApproval::sign(a.clone(), "ssh-keygen", key.to_str().unwrap()).unwrap();
        let v = signed.verify(&allowed).unwrap();
        assert_eq!(v.roles, ["security"]);
        // ssh-keygen agrees, on the very payload.
        assert!(kit.ssh_verify(
            &text,
            "alice@example.com",
            APPROVAL_NAMESPACE,
            &signed.signature,
            &a.payload(),
            a.timestamp
        ));
        // Survives the note.
        let (parsed, _) = parse_note(&to_note_line(&signed));
        assert_eq!(parsed[0].verify(&allowed), Ok(v));
        // Any change to what was approved breaks it.
        for changed in [
            Approval {
                tree: P.into(),
                ..a.clone()
            },
            Approval {
                parents: vec![],
                ..a.clone()
            },
            Approval {
                role: Some("release".into()),
                ..a.clone()
            },
            Approval {
                timestamp: a.timestamp + 1,
                ..a.clone()
            },
            Approval {
                signer: "bob@example.com".into(),
                ..a.clone()
            },
        ] {
            let moved = SignedApproval {
                approval: changed,
                signature: signed.signature.clone(),
            };
            assert_eq!(moved.verify(&allowed), Err(Rejection::Forged));
        }
        // A commit signature by the same key is not an approval.
        let commit_sig = kit.sign(&key, crate::signing::GIT_NAMESPACE, &a.payload());
        let wrong = SignedApproval {
            approval: a,
            signature: commit_sig,
        };
        assert_eq!(wrong.verify(&allowed), Err(Rejection::WrongNamespace));
    }
}
