//! Signing as git signs with gpg.format=ssh: through `ssh-keygen -Y sign` (gpg.ssh.program), the
//! key named as user.signingkey names it. Holds no private key itself; prints nothing.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ssh_key::{HashAlg, PublicKey};

const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";

/// What went wrong while signing. No variant carries key material.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("no signing key: set user.signingkey to a key file or to `key::<public key>`")]
    NoKey,
    #[error("`{program}` was not found: install OpenSSH 8.2 or later, or set gpg.ssh.program")]
    ProgramMissing { program: String },
    #[error("could not run `{program}`: {source}")]
    Spawn {
        program: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read the signing key {}: {source}", path.display())]
    KeyUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the literal signing key is not one SSH public key line (it starts `{start}`)")]
    BadLiteral { start: String },
    #[error("could not write the literal signing key to a temporary file: {0}")]
    TempFile(#[source] std::io::Error),
    #[error(
        "no ssh-agent to sign with {key}: start one (SSH_AUTH_SOCK) and `ssh-add` the private key"
    )]
    NoAgent { key: String },
    #[error("ssh-agent does not hold the private key for {key}: `ssh-add` it")]
    AgentHasNoKey { key: String },
    #[error("`{program}` failed ({status}): {message}")]
    Failed {
        program: String,
        status: String,
        message: String,
    },
    #[error("`{program}` printed no SSH signature")]
    NoSignature { program: String },
}

/// Sign `payload` in `namespace` with `program` (git's gpg.ssh.program, by default `ssh-keygen`),
/// returning the armored signature.
///
/// `key` has git's user.signingkey meanings for gpg.format=ssh:
/// - a path to a private key, or to a public key (`~/` is `$HOME`); for a public key, ssh-keygen
///   signs with ssh-agent when the agent holds the key, else with the private key beside it (the
///   path without `.pub`): what git does, which passes no `-U` for a file;
/// - `key::ssh-ed25519 AAAA…` (or, as git still accepts, a line starting `ssh-`): a literal public
///   key, written to a private temporary file and signed with `-U`, so the private half must be in
///   ssh-agent.
///
/// Runs `<program> -Y sign -n <namespace> -f <keyfile> [-U]` with the payload on stdin: with no
/// file argument ssh-keygen signs its standard input and writes the signature to standard output
/// (OpenSSH 8.2 and later), so no payload or signature file is written. A key with a passphrase
/// makes ssh-keygen ask on the terminal, as under git.
pub fn sign(
    program: &str,
    key: &str,
    namespace: &str,
    payload: &[u8],
) -> Result<String, SignError> {
    sign_with_agent(program, key, namespace, payload, None)
}

/// [`sign`], with `SSH_AUTH_SOCK` for ssh-keygen set to `agent` when given (otherwise inherited).
pub fn sign_with_agent(
    program: &str,
    key: &str,
    namespace: &str,
    payload: &[u8],
    agent: Option<&OsStr>,
) -> Result<String, SignError> {
    let key = key.trim();
    if key.is_empty() {
        return Err(SignError::NoKey);
    }
    let literal = literal_key(key);
    let (_temporary, key_file, label) = match literal {
        Some(line) => {
            let bad = || SignError::BadLiteral {
                start: start_of(line),
            };
            if line.contains(['\n', '\r', '\0']) {
                return Err(bad());
            }
            let public = PublicKey::from_openssh(line).map_err(|_| bad())?;
            let mut file = tempfile::Builder::new()
                .prefix(".git-charter-signing-key-")
                .suffix(".pub")
                .tempfile()
                .map_err(SignError::TempFile)?;
            writeln!(file, "{line}")
                .and_then(|()| file.flush())
                .map_err(SignError::TempFile)?;
            let path = file.path().to_path_buf();
            (
                Some(file),
                path,
                public.fingerprint(HashAlg::Sha256).to_string(),
            )
        }
        None => {
            let path = expand_home(key, std::env::var_os("HOME").as_deref());
            std::fs::File::open(&path).map_err(|source| SignError::KeyUnreadable {
                path: path.clone(),
                source,
            })?;
            let label = path.display().to_string();
            (None, path, label)
        }
    };

    let mut command = Command::new(program);
    command
        .args(["-Y", "sign", "-n", namespace, "-f"])
        .arg(&key_file);
    if literal.is_some() {
        command.arg("-U");
    }
    if let Some(agent) = agent {
        command.env("SSH_AUTH_SOCK", agent);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => SignError::ProgramMissing {
                program: program.to_string(),
            },
            _ => SignError::Spawn {
                program: program.to_string(),
                source,
            },
        })?;
    let stdin = child.stdin.take();
    // Feed stdin from a second thread: a payload larger than the pipe must not deadlock against
    // ssh-keygen's output. A write error means ssh-keygen stopped reading; its exit says why.
    let output = std::thread::scope(|scope| {
        if let Some(mut stdin) = stdin {
            scope.spawn(move || {
                let _ = stdin.write_all(payload);
            });
        }
        child.wait_with_output()
    })
    .map_err(|source| SignError::Spawn {
        program: program.to_string(),
        source,
    })?;

    if !output.status.success() {
        return Err(failure(program, &label, &output.status, &output.stderr));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let start = stdout.find(BEGIN);
    let end = stdout.find(END);
    match (start, end) {
        (Some(start), Some(end)) if start < end => {
            Ok(format!("{}\n", &stdout[start..end + END.len()]))
        }
        _ => Err(SignError::NoSignature {
            program: program.to_string(),
        }),
    }
}

/// git's `is_literal_ssh_key`.
fn literal_key(key: &str) -> Option<&str> {
    key.strip_prefix("key::")
        .or_else(|| key.starts_with("ssh-").then_some(key))
        .map(str::trim)
}

/// `~/` is `$HOME`, as git's `interpolate_path` (`~user/` is not supported).
fn expand_home(key: &str, home: Option<&OsStr>) -> PathBuf {
    match (key.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => Path::new(home).join(rest),
        _ => PathBuf::from(key),
    }
}

/// The first characters of a key, never the whole of one.
fn start_of(s: &str) -> String {
    let mut out: String = s.chars().take(20).flat_map(char::escape_debug).collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// What ssh-keygen said, classified where it is one of the usual troubles.
fn failure(
    program: &str,
    key: &str,
    status: &std::process::ExitStatus,
    stderr: &[u8],
) -> SignError {
    let stderr = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Signing data on standard input"))
        .collect();
    let any = |needle: &str| lines.iter().any(|l| l.contains(needle));
    let key = key.to_string();
    if any("Couldn't find key in agent") || any("No private key found for public key") {
        return SignError::AgentHasNoKey { key };
    }
    if any("Couldn't get agent socket") || any("Could not get agent socket") {
        return SignError::NoAgent { key };
    }
    let message = if any("usage:") {
        "this ssh-keygen cannot `-Y sign` (OpenSSH 8.2 or later is needed)".to_string()
    } else {
        let first = lines.first().copied().unwrap_or("no message");
        let mut m: String = first
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        if first.chars().count() > 200 {
            m.push('…');
        }
        m
    };
    let status = match status.code() {
        Some(code) => format!("exit status {code}"),
        None => "killed by a signal".to_string(),
    };
    SignError::Failed {
        program: program.to_string(),
        status,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::testkit::{KeyKind, Kit, require};
    use crate::signing::{APPROVAL_NAMESPACE, AllowedSigners, GIT_NAMESPACE, Rejection, verify};
    use std::process::Child;
    use std::time::{Duration, Instant};

    const PAYLOAD: &[u8] = b"git-charter approval v1\ncommit 00\n";
    const NOW: i64 = 1_700_000_000;
    const NO_AGENT: &str = "/nonexistent/git-charter-test-agent.sock";

    /// A real ssh-agent on a socket in the kit, ended (by its own pid) when dropped.
    struct Agent {
        child: Child,
        socket: PathBuf,
    }

    impl Agent {
        fn start(kit: &Kit) -> Self {
            require("ssh-agent");
            require("ssh-add");
            let socket = kit.path("agent.sock");
            let child = Command::new("ssh-agent")
                .arg("-D")
                .arg("-a")
                .arg(&socket)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("ssh-agent runs");
            let agent = Self { child, socket };
            let deadline = Instant::now() + Duration::from_secs(10);
            while !agent.socket.exists() {
                assert!(Instant::now() < deadline, "ssh-agent made no socket");
                std::thread::sleep(Duration::from_millis(20));
            }
            agent
        }

        fn add(&self, key: &Path) {
            let out = Command::new("ssh-add")
                .arg(key)
                .env("SSH_AUTH_SOCK", &self.socket)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "ssh-add: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }

        fn sock(&self) -> Option<&OsStr> {
            Some(self.socket.as_os_str())
        }
    }

    impl Drop for Agent {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn allowed_for(kit: &Kit, key: &Path) -> AllowedSigners {
        AllowedSigners::parse(&format!("alice@example.com {}\n", kit.public(key))).unwrap()
    }

    fn check(
        all: &AllowedSigners,
        sig: &str,
        namespace: &str,
    ) -> Result<crate::signing::Verified, Rejection> {
        verify(all, sig, PAYLOAD, namespace, NOW, Some("alice@example.com"))
    }

    #[test]
    fn signs_with_a_private_key_file() {
        let kit = Kit::new();
        for kind in [KeyKind::Ed25519, KeyKind::Ecdsa, KeyKind::Rsa] {
            let key = kit.key(kind, &format!("{kind:?}"));
            let no_agent = Some(OsStr::new(NO_AGENT));
            let sig = sign_with_agent(
                "ssh-keygen",
                key.to_str().unwrap(),
                GIT_NAMESPACE,
                PAYLOAD,
                no_agent,
            )
            .unwrap();
            assert!(
                sig.starts_with(BEGIN) && sig.ends_with(&format!("{END}\n")),
                "{sig}"
            );
            let all = allowed_for(&kit, &key);
            assert!(check(&all, &sig, GIT_NAMESPACE).is_ok(), "{kind:?}");
            assert_eq!(
                check(&all, &sig, APPROVAL_NAMESPACE),
                Err(Rejection::WrongNamespace)
            );
            // A public key file with its private key beside it and no agent: as git, ssh-keygen
            // finds the private key.
            let public = format!("{}.pub", key.display());
            let sig = sign_with_agent("ssh-keygen", &public, APPROVAL_NAMESPACE, PAYLOAD, no_agent)
                .unwrap();
            assert!(check(&all, &sig, APPROVAL_NAMESPACE).is_ok());
        }
        // The plain entry point, inheriting the environment.
        let key = kit.key(KeyKind::Ed25519, "plain");
        let sig = sign("ssh-keygen", key.to_str().unwrap(), GIT_NAMESPACE, PAYLOAD).unwrap();
        assert!(check(&allowed_for(&kit, &key), &sig, GIT_NAMESPACE).is_ok());
    }

    #[test]
    fn signs_a_large_payload_without_deadlock() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ed25519, "k");
        let big = vec![b'x'; 8 << 20];
        let sig = sign_with_agent(
            "ssh-keygen",
            key.to_str().unwrap(),
            GIT_NAMESPACE,
            &big,
            Some(OsStr::new(NO_AGENT)),
        )
        .unwrap();
        assert!(
            verify(
                &allowed_for(&kit, &key),
                &sig,
                &big,
                GIT_NAMESPACE,
                NOW,
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn signs_through_ssh_agent_with_a_public_key_file_and_a_literal() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ed25519, "agentkey");
        let all = allowed_for(&kit, &key);
        // Only the public half on disk where we point.
        let lonely = kit.path("lonely");
        std::fs::create_dir(&lonely).unwrap();
        let public = lonely.join("agentkey.pub");
        std::fs::copy(format!("{}.pub", key.display()), &public).unwrap();
        let public = public.to_str().unwrap();
        let literal = format!("key::{}", kit.public(&key));
        let legacy_literal = kit.public(&key);

        // No agent at all.
        let none = Some(OsStr::new(NO_AGENT));
        let err =
            sign_with_agent("ssh-keygen", &literal, GIT_NAMESPACE, PAYLOAD, none).unwrap_err();
        assert!(matches!(err, SignError::NoAgent { .. }), "{err:?}");
        assert!(!err.to_string().contains("AAAA"), "{err}");

        let agent = Agent::start(&kit);
        // An agent without the key.
        for k in [public, &literal] {
            let err =
                sign_with_agent("ssh-keygen", k, GIT_NAMESPACE, PAYLOAD, agent.sock()).unwrap_err();
            assert!(
                matches!(err, SignError::AgentHasNoKey { .. }),
                "{k}: {err:?}"
            );
            assert!(!err.to_string().contains("AAAA"), "{err}");
        }
        agent.add(&key);
        // Move the private key away: only the agent can sign now.
        std::fs::rename(&key, kit.path("elsewhere")).unwrap();
        for k in [public, &literal, &legacy_literal] {
            let sig =
                sign_with_agent("ssh-keygen", k, GIT_NAMESPACE, PAYLOAD, agent.sock()).unwrap();
            assert!(check(&all, &sig, GIT_NAMESPACE).is_ok(), "{k}");
        }
        drop(agent);
    }

    #[test]
    fn errors_say_what_failed_without_key_material() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ed25519, "k");
        let key = key.to_str().unwrap();
        let none = Some(OsStr::new(NO_AGENT));
        let err = sign_with_agent(
            "git-charter-no-such-ssh-keygen",
            key,
            GIT_NAMESPACE,
            PAYLOAD,
            none,
        )
        .unwrap_err();
        assert!(matches!(err, SignError::ProgramMissing { .. }), "{err:?}");
        let missing = kit.path("missing").display().to_string();
        let err =
            sign_with_agent("ssh-keygen", &missing, GIT_NAMESPACE, PAYLOAD, none).unwrap_err();
        assert!(matches!(err, SignError::KeyUnreadable { .. }), "{err:?}");
        assert!(matches!(
            sign("ssh-keygen", "  ", GIT_NAMESPACE, PAYLOAD),
            Err(SignError::NoKey)
        ));

        let garbage = "key::ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIsecretsecretsecretsecret";
        let err = sign_with_agent("ssh-keygen", garbage, GIT_NAMESPACE, PAYLOAD, none).unwrap_err();
        assert!(matches!(err, SignError::BadLiteral { .. }), "{err:?}");
        assert!(!err.to_string().contains("secret"), "{err}");

        // Not a key at all: ssh-keygen's own first line, without its chatter.
        let junk = kit.path("junk");
        std::fs::write(&junk, "not a key\n").unwrap();
        let err = sign_with_agent(
            "ssh-keygen",
            junk.to_str().unwrap(),
            GIT_NAMESPACE,
            PAYLOAD,
            none,
        )
        .unwrap_err();
        match &err {
            SignError::Failed {
                status, message, ..
            } => {
                assert!(status.starts_with("exit status"), "{status}");
                assert!(
                    !message.is_empty() && !message.contains("Signing data"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
        // A program that prints no signature.
        let err = sign_with_agent("true", key, GIT_NAMESPACE, PAYLOAD, none).unwrap_err();
        assert!(matches!(err, SignError::NoSignature { .. }), "{err:?}");
    }

    #[test]
    fn key_names_as_git_reads_them() {
        let home = OsStr::new("/home/alice");
        assert_eq!(
            expand_home("~/.ssh/id_ed25519", Some(home)),
            PathBuf::from("/home/alice/.ssh/id_ed25519")
        );
        assert_eq!(expand_home("~/.ssh/id", None), PathBuf::from("~/.ssh/id"));
        assert_eq!(expand_home("~bob/id", Some(home)), PathBuf::from("~bob/id"));
        assert_eq!(expand_home("/k", Some(home)), PathBuf::from("/k"));
        assert_eq!(
            literal_key("key::ssh-ed25519 AAAA c"),
            Some("ssh-ed25519 AAAA c")
        );
        assert_eq!(literal_key("ssh-rsa AAAA"), Some("ssh-rsa AAAA"));
        assert_eq!(
            literal_key("key::ecdsa-sha2-nistp256 AAAA"),
            Some("ecdsa-sha2-nistp256 AAAA")
        );
        assert_eq!(literal_key("/home/a/.ssh/id_ed25519.pub"), None);
        assert_eq!(start_of(&"a".repeat(30)), format!("{}…", "a".repeat(20)));
    }
}
