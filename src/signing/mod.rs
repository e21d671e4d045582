//! SSH signatures ("sshsig", what `ssh-keygen -Y sign` and `git commit -S` with gpg.format=ssh make),
//! verified in-process against an allowed-signers file, and signed approvals. No git2, no printing.
//!
//! `verify` decides in this order, so that each [`Rejection`] says what is really wrong:
//!
//! 1. [`Rejection::Malformed`]: not an armored `SSH SIGNATURE` of at most 64 KiB, or its blob does not
//!    parse (magic, version 1, key, namespace, reserved, hash `sha256`/`sha512`, signature; nothing
//!    after), or an RSA signature made with SHA-1 (`ssh-rsa`), which ssh-keygen refuses too.
//!    [`Rejection::UnsupportedAlgorithm`] and [`Rejection::CertificateUnsupported`] when the blob
//!    parses but cannot be checked here (see each).
//! 2. [`Rejection::Forged`]: the signature does not verify over the message under the namespace the
//!    blob names (for a certificate, also: the CA's signature over the certificate).
//! 3. [`Rejection::WrongNamespace`]: a genuine signature, made for another namespace.
//! 4. [`Rejection::UnknownKey`]: no entry has the signer's key (for a certificate: no
//!    `cert-authority` entry has its CA).
//! 5. [`Rejection::NamespaceNotAllowed`]: entries have the key, but their `namespaces=` exclude this one.
//! 6. [`Rejection::PrincipalMismatch`]: none of those lists the claimed identity (for a certificate,
//!    the identity must also be one of the certificate's principals; with no claim, one of them
//!    must match the entry).
//! 7. [`Rejection::NotYetValid`] / [`Rejection::Expired`]: the remaining entries' `valid-after` /
//!    `valid-before` (and a certificate's own window) exclude `at`, as ssh-keygen's `verify-time`:
//!    not yet valid when `at < valid-after`, expired when `at > valid-before`.

pub mod allowed;
pub mod approval;
pub mod sign;

pub use allowed::{AllowedSigners, AllowedSignersError, Entry};

use ssh_key::certificate::CertType;
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, Certificate, HashAlg, PublicKey, SshSig};

/// The namespace git signs commits and tags in.
pub const GIT_NAMESPACE: &str = "git";
/// The namespace of git-charter's approvals, so that an approval can never pass for a commit
/// signature, nor the reverse.
pub const APPROVAL_NAMESPACE: &str = "git-charter";

/// Largest armored signature read. Real ones are under 2 KiB (a 4096-bit RSA key and signature);
/// a certificate with many principals stays far below this.
pub const MAX_SIGNATURE: usize = 64 * 1024;
/// Longest claimed identity matched against the principal patterns; longer never matches, which
/// keeps the pattern matching linear in the file's size.
const MAX_PRINCIPAL: usize = 4096;

const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";
const MAGIC: &[u8] = b"SSHSIG";

/// A signature that verified, and the entry that allowed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The identity checked, when one was given.
    pub principal: Option<String>,
    /// `SHA256:…`, as `ssh-keygen -l` prints it (for a certificate, its key's).
    pub fingerprint: String,
    /// The allowing entry's roles.
    pub roles: Vec<String>,
    /// The allowing entry's line in the allowed-signers file.
    pub line: usize,
}

/// Why a signature was not accepted; see the module documentation for the order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rejection {
    /// Not an armored SSH SIGNATURE, or unparsable.
    Malformed,
    /// The signature does not verify over the message.
    Forged,
    /// A genuine signature for another namespace than the one expected.
    WrongNamespace,
    /// The key is in no allowed-signers entry.
    UnknownKey,
    /// The key's entries exclude this namespace (`namespaces=`).
    NamespaceNotAllowed,
    /// The key is allowed, but not for the identity claimed.
    PrincipalMismatch,
    /// `valid-after` (or the certificate's) is later than the signature's time.
    NotYetValid,
    /// `valid-before` (or the certificate's) is earlier than the signature's time.
    Expired,
    /// A certificate that cannot be checked here: a host certificate (only user certificates may
    /// sign, as in ssh-keygen), or one valid "forever" (ssh-key 0.6.7 cannot decode an expiry past
    /// 2^63 seconds; ssh-keygen accepts it: give certificates an expiry with `-V`).
    CertificateUnsupported,
    /// A key this build cannot verify: DSA, or RSA under 2048 or over 4096 bits.
    UnsupportedAlgorithm,
}

impl Rejection {
    /// A short fragment that completes "the signature …".
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Malformed => "is not a well-formed SSH signature",
            Self::Forged => "does not verify over the signed data",
            Self::WrongNamespace => "was made for another purpose (signature namespace)",
            Self::UnknownKey => "was made by a key that is not in the allowed-signers file",
            Self::NamespaceNotAllowed => {
                "was made by a key the allowed-signers file does not allow for this namespace"
            }
            Self::PrincipalMismatch => {
                "was made by a key that is not allowed for the claimed identity"
            }
            Self::NotYetValid => "was made before the key's valid-after time",
            Self::Expired => "was made after the key's valid-before time",
            Self::CertificateUnsupported => {
                "uses an SSH certificate git-charter cannot check (a host certificate, or one without expiry)"
            }
            Self::UnsupportedAlgorithm => {
                "uses a key git-charter cannot verify (DSA, or RSA under 2048 or over 4096 bits)"
            }
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the signature {}", self.describe())
    }
}

impl std::error::Error for Rejection {}

/// Verify an armored signature (`-----BEGIN SSH SIGNATURE-----`) over `message` for `namespace`, at
/// time `at` (unix seconds: the time the signature claims, e.g. the commit time, used for
/// valid-after/valid-before), optionally for a claimed identity `principal` (matched against the
/// entries' principal patterns). See the module documentation for the order of the checks.
pub fn verify(
    allowed: &AllowedSigners,
    armored: &str,
    message: &[u8],
    namespace: &str,
    at: i64,
    principal: Option<&str>,
) -> Result<Verified, Rejection> {
    let signed = Signed::parse(armored)?;
    let sig = signed.checkable()?;
    PublicKey::from(sig.public_key().clone())
        .verify(sig.namespace(), message, &sig)
        .map_err(|_| Rejection::Forged)?;
    if let Some(cert) = &signed.cert {
        cert.verify_signature().map_err(|_| Rejection::Forged)?;
    }
    if sig.namespace() != namespace {
        return Err(Rejection::WrongNamespace);
    }

    let cert = signed.cert.as_ref();
    let mut candidates: Vec<&Entry> = allowed
        .entries()
        .iter()
        .filter(|e| match cert {
            None => !e.cert_authority && e.key.key_data() == &signed.key,
            Some(c) => e.cert_authority && e.key.key_data() == c.signature_key(),
        })
        .collect();
    if candidates.is_empty() {
        return Err(Rejection::UnknownKey);
    }
    candidates.retain(|e| e.allows_namespace(namespace));
    if candidates.is_empty() {
        return Err(Rejection::NamespaceNotAllowed);
    }
    if cert.is_some_and(|c| c.cert_type() != CertType::User) {
        return Err(Rejection::CertificateUnsupported);
    }
    candidates.retain(|e| match (principal, cert) {
        (Some(p), _) if p.len() > MAX_PRINCIPAL => false,
        (Some(p), None) => e.allows_principal(p),
        (Some(p), Some(c)) => e.allows_principal(p) && c.valid_principals().iter().any(|q| q == p),
        (None, None) => true,
        (None, Some(c)) => c
            .valid_principals()
            .iter()
            .any(|q| q.len() <= MAX_PRINCIPAL && e.allows_principal(q)),
    });
    if candidates.is_empty() {
        return Err(Rejection::PrincipalMismatch);
    }

    let mut first_failure = None;
    for entry in candidates {
        match time_check(entry, cert, at) {
            Ok(()) => {
                return Ok(Verified {
                    principal: principal.map(str::to_string),
                    fingerprint: fingerprint(&signed.key),
                    roles: entry.roles.clone(),
                    line: entry.line,
                });
            }
            Err(r) => {
                first_failure.get_or_insert(r);
            }
        }
    }
    Err(first_failure.unwrap_or(Rejection::Expired))
}

/// The fingerprint (`SHA256:…`) of the key inside an armored signature, when it parses, for
/// messages about unknown keys.
pub fn signature_fingerprint(armored: &str) -> Option<String> {
    Signed::parse(armored).ok().map(|s| fingerprint(&s.key))
}

fn fingerprint(key: &KeyData) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

fn time_check(entry: &Entry, cert: Option<&Certificate>, at: i64) -> Result<(), Rejection> {
    if entry.valid_after.is_some_and(|t| at < t) {
        return Err(Rejection::NotYetValid);
    }
    if entry.valid_before.is_some_and(|t| at > t) {
        return Err(Rejection::Expired);
    }
    if let Some(c) = cert {
        // PROTOCOL.certkeys: valid after <= time < valid before.
        let secs = |t: u64| i64::try_from(t).unwrap_or(i64::MAX);
        if at < secs(c.valid_after()) {
            return Err(Rejection::NotYetValid);
        }
        if at >= secs(c.valid_before()) {
            return Err(Rejection::Expired);
        }
    }
    Ok(())
}

/// A parsed signature blob: the signer's plain key (a certificate's key for a certificate), the
/// certificate, and the remaining fields as signed.
struct Signed {
    key: KeyData,
    cert: Option<Certificate>,
    namespace: String,
    reserved: Vec<u8>,
    hash: String,
    signature: Vec<u8>,
}

impl Signed {
    fn parse(armored: &str) -> Result<Self, Rejection> {
        let blob = dearmor(armored).ok_or(Rejection::Malformed)?;
        let mut r = Reader(&blob);
        if r.take(MAGIC.len()) != Some(MAGIC) || r.u32() != Some(1) {
            return Err(Rejection::Malformed);
        }
        let key_blob = r.string().ok_or(Rejection::Malformed)?;
        let namespace = r.utf8().ok_or(Rejection::Malformed)?;
        let reserved = r.string().ok_or(Rejection::Malformed)?;
        let hash = r.utf8().ok_or(Rejection::Malformed)?;
        let signature = r.string().ok_or(Rejection::Malformed)?;
        if !r.0.is_empty() || namespace.is_empty() || !matches!(hash, "sha256" | "sha512") {
            return Err(Rejection::Malformed);
        }
        let algorithm = Reader(key_blob).utf8().ok_or(Rejection::Malformed)?;
        let (key, cert) = if algorithm.ends_with("-cert-v01@openssh.com") {
            let cert = Certificate::from_bytes(key_blob).map_err(|e| match e {
                ssh_key::Error::Time => Rejection::CertificateUnsupported,
                _ => Rejection::Malformed,
            })?;
            (cert.public_key().clone(), Some(cert))
        } else {
            let key = PublicKey::from_bytes(key_blob).map_err(|_| Rejection::Malformed)?;
            (key.key_data().clone(), None)
        };
        Ok(Self {
            key,
            cert,
            namespace: namespace.to_string(),
            reserved: reserved.to_vec(),
            hash: hash.to_string(),
            signature: signature.to_vec(),
        })
    }

    /// The signature as ssh-key verifies it, over the plain key (ssh-key cannot read a
    /// certificate inside a signature): the same fields re-encoded, so nothing signed changes.
    fn checkable(&self) -> Result<SshSig, Rejection> {
        supported(&self.key)?;
        if let Some(cert) = &self.cert {
            supported(cert.signature_key())?;
        }
        let key = PublicKey::from(self.key.clone())
            .to_bytes()
            .map_err(|_| Rejection::Malformed)?;
        let mut blob = MAGIC.to_vec();
        blob.extend(1u32.to_be_bytes());
        for field in [
            &key[..],
            self.namespace.as_bytes(),
            &self.reserved,
            self.hash.as_bytes(),
            &self.signature,
        ] {
            put_string(&mut blob, field).ok_or(Rejection::Malformed)?;
        }
        let sig = SshSig::from_pem(armor(&blob)).map_err(|_| Rejection::Malformed)?;
        if sig.algorithm() == (Algorithm::Rsa { hash: None }) {
            return Err(Rejection::Malformed);
        }
        Ok(sig)
    }
}

/// The key types ssh-key 0.6.7 verifies with the features we enable.
fn supported(key: &KeyData) -> Result<(), Rejection> {
    match key {
        KeyData::Ed25519(_)
        | KeyData::Ecdsa(_)
        | KeyData::SkEd25519(_)
        | KeyData::SkEcdsaSha2NistP256(_) => Ok(()),
        KeyData::Rsa(rsa) => {
            let n = rsa.n.as_positive_bytes().unwrap_or(&[]);
            let bits = match n.first() {
                Some(&top) => n.len() * 8 - top.leading_zeros() as usize,
                None => 0,
            };
            if (2048..=4096).contains(&bits) {
                Ok(())
            } else {
                Err(Rejection::UnsupportedAlgorithm)
            }
        }
        _ => Err(Rejection::UnsupportedAlgorithm),
    }
}

/// The SSH wire format's big-endian `uint32` and length-prefixed `string`, bounds-checked.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn string(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.u32()?).ok()?;
        self.take(len)
    }

    fn utf8(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.string()?).ok()
    }
}

fn put_string(out: &mut Vec<u8>, field: &[u8]) -> Option<()> {
    out.extend(u32::try_from(field.len()).ok()?.to_be_bytes());
    out.extend(field);
    Some(())
}

/// The blob inside `-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`: blanks inside
/// the base64 and before the armour are allowed (ssh-keygen refuses the latter), and whatever
/// follows the END marker is ignored (as ssh-keygen does).
fn dearmor(armored: &str) -> Option<Vec<u8>> {
    if armored.len() > MAX_SIGNATURE {
        return None;
    }
    let body = armored.trim_start().strip_prefix(BEGIN)?;
    // What follows the END line is ignored, as ssh-keygen ignores it.
    let end = body.find(END)?;
    base64_decode(&body[..end])
}

fn base64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Standard base64 with padding; ASCII blanks anywhere are skipped (as OpenSSH's `b64_pton`).
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits, mut digits, mut pad) = (0u32, 0u32, 0usize, 0usize);
    for &c in s.as_bytes() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            pad += 1;
            continue;
        }
        if pad > 0 {
            return None;
        }
        acc = (acc << 6) | base64_value(c)?;
        bits += 6;
        digits += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let complete = (digits + pad) % 4 == 0 || pad == 0;
    (digits % 4 != 1 && pad <= 2 && complete).then_some(out)
}

fn armor(blob: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::with_capacity(blob.len().div_ceil(3) * 4);
    for chunk in blob.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                b64.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                b64.push('=');
            }
        }
    }
    let mut out = String::with_capacity(b64.len() + b64.len() / 70 + BEGIN.len() + END.len() + 3);
    out.push_str(BEGIN);
    out.push('\n');
    // ssh-keygen's width, and the only one ssh-key's PEM decoder reads.
    for line in b64.as_bytes().chunks(70) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// Real OpenSSH for the tests: keys, signatures and verdicts from `ssh-keygen` itself.
#[cfg(test)]
pub(crate) mod testkit {
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};

    #[derive(Debug, Clone, Copy)]
    pub enum KeyKind {
        Ed25519,
        Ecdsa,
        Rsa,
    }

    /// A temporary directory to make keys in. Panics when ssh-keygen is missing: these tests must
    /// run, in CI above all.
    pub struct Kit {
        pub dir: tempfile::TempDir,
    }

    pub fn require(program: &str) {
        if let Err(e) = Command::new(program)
            .arg("-?")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
        {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true");
            panic!(
                "`{program}` (OpenSSH 8.2 or later) is needed by the signing tests and could not be run: {e}{}",
                if ci {
                    " (CI=true: install openssh-client in .ci/run)"
                } else {
                    ""
                }
            );
        }
    }

    impl Kit {
        pub fn new() -> Self {
            require("ssh-keygen");
            Self {
                dir: tempfile::tempdir().unwrap(),
            }
        }

        pub fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        pub fn keygen(&self, args: &[&str]) {
            let out = Command::new("ssh-keygen")
                .args(args)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "ssh-keygen {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }

        /// A new key without passphrase, commented `<name>@test`.
        pub fn key(&self, kind: KeyKind, name: &str) -> PathBuf {
            let path = self.path(name);
            let (t, bits) = match kind {
                KeyKind::Ed25519 => ("ed25519", "256"),
                KeyKind::Ecdsa => ("ecdsa", "256"),
                KeyKind::Rsa => ("rsa", "3072"),
            };
            let comment = format!("{name}@test");
            self.keygen(&[
                "-q",
                "-t",
                t,
                "-b",
                bits,
                "-N",
                "",
                "-C",
                &comment,
                "-f",
                path.to_str().unwrap(),
            ]);
            path
        }

        /// The `.pub` line of a key, without its newline.
        pub fn public(&self, key: &Path) -> String {
            let pub_path = format!("{}.pub", key.display());
            std::fs::read_to_string(pub_path)
                .unwrap()
                .trim_end()
                .to_string()
        }

        /// `ssh-keygen -l`'s fingerprint of a key.
        pub fn fingerprint(&self, key: &Path) -> String {
            let out = Command::new("ssh-keygen")
                .arg("-lf")
                .arg(format!("{}.pub", key.display()))
                .output()
                .unwrap();
            String::from_utf8(out.stdout)
                .unwrap()
                .split(' ')
                .nth(1)
                .unwrap()
                .to_string()
        }

        /// `ssh-keygen -Y sign` over stdin (the key file may be a certificate).
        pub fn sign(&self, key: &Path, namespace: &str, message: &[u8]) -> String {
            let mut child = Command::new("ssh-keygen")
                .args(["-Y", "sign", "-n", namespace, "-f"])
                .arg(key)
                .env_remove("SSH_AUTH_SOCK")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(message).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "sign: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        }

        /// ssh-keygen's verdict: `-Y verify` for a principal at `at` (UTC, as git-charter reads
        /// times), or `-Y find-principals` when there is none.
        pub fn ssh_verify(
            &self,
            allowed: &str,
            principal: &str,
            namespace: &str,
            sig: &str,
            message: &[u8],
            at: i64,
        ) -> bool {
            let allowed_path = self.path("allowed_signers.check");
            let sig_path = self.path("message.sig.check");
            std::fs::write(&allowed_path, allowed).unwrap();
            std::fs::write(&sig_path, sig).unwrap();
            let mut child = Command::new("ssh-keygen")
                .args(["-Y", "verify", "-n", namespace, "-I", principal, "-f"])
                .arg(&allowed_path)
                .arg("-s")
                .arg(&sig_path)
                .arg(format!("-Overify-time={}", utc(at)))
                .env("TZ", "UTC")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            // ssh-keygen stops reading when the signature is bad: a broken pipe is its verdict.
            let _ = child.stdin.take().unwrap().write_all(message);
            child.wait().unwrap().success()
        }
    }

    /// `YYYYMMDDHHMMSSZ` for unix seconds.
    pub fn utc(at: i64) -> String {
        let days = at.div_euclid(86_400);
        let secs = at.rem_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!(
            "{y:04}{m:02}{d:02}{:02}{:02}{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::{KeyKind, Kit, utc};
    use super::*;

    const NOW: i64 = 1_700_000_000; // 2023-11-14
    const MSG: &[u8] =
        b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@x> 1700000000 +0000\n\nmsg\n";

    fn allowed(text: &str) -> AllowedSigners {
        AllowedSigners::parse(text).unwrap()
    }

    /// Our verdict and ssh-keygen's agree: accepted by both, or rejected by both.
    fn agree(
        kit: &Kit,
        text: &str,
        sig: &str,
        msg: &[u8],
        ns: &str,
        at: i64,
        principal: &str,
    ) -> Result<Verified, Rejection> {
        let ours = verify(&allowed(text), sig, msg, ns, at, Some(principal));
        let theirs = kit.ssh_verify(text, principal, ns, sig, msg, at);
        assert_eq!(
            ours.is_ok(),
            theirs,
            "ours {ours:?}, ssh-keygen accepted: {theirs}\n{text}"
        );
        ours
    }

    #[test]
    fn utc_formats_like_ssh_keygen_reads() {
        assert_eq!(utc(0), "19700101000000Z");
        assert_eq!(utc(NOW), "20231114221320Z");
        assert_eq!(allowed::parse_time(&utc(NOW)), Some(NOW));
        assert_eq!(allowed::parse_time(&utc(951_782_400)), Some(951_782_400)); // 2000-02-29
    }

    #[test]
    fn valid_signatures_of_each_key_type_verify_as_with_ssh_keygen() {
        let kit = Kit::new();
        for (kind, name) in [
            (KeyKind::Ed25519, "ed"),
            (KeyKind::Ecdsa, "ec"),
            (KeyKind::Rsa, "rsa"),
        ] {
            let key = kit.key(kind, name);
            let text = format!(
                "alice@example.com {} Alice roles=security,release\n",
                kit.public(&key)
            );
            let sig = kit.sign(&key, GIT_NAMESPACE, MSG);
            let v = agree(
                &kit,
                &text,
                &sig,
                MSG,
                GIT_NAMESPACE,
                NOW,
                "alice@example.com",
            )
            .unwrap();
            assert_eq!(v.principal.as_deref(), Some("alice@example.com"));
            assert_eq!(v.fingerprint, kit.fingerprint(&key), "{kind:?}");
            assert_eq!(v.roles, ["security", "release"]);
            assert_eq!(v.line, 1);
            assert_eq!(signature_fingerprint(&sig), Some(kit.fingerprint(&key)));
            // No identity claimed: any entry with the key will do (ssh-keygen -Y find-principals).
            let v = verify(&allowed(&text), &sig, MSG, GIT_NAMESPACE, NOW, None).unwrap();
            assert_eq!(v.principal, None);
            // Tampered message.
            let mut tampered = MSG.to_vec();
            tampered[5] ^= 1;
            assert_eq!(
                agree(
                    &kit,
                    &text,
                    &sig,
                    &tampered,
                    GIT_NAMESPACE,
                    NOW,
                    "alice@example.com"
                ),
                Err(Rejection::Forged),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn each_rejection_is_accurate_and_ssh_keygen_agrees() {
        let kit = Kit::new();
        let alice = kit.key(KeyKind::Ed25519, "alice");
        let mallory = kit.key(KeyKind::Ed25519, "mallory");
        let pk = kit.public(&alice);
        let base = format!("alice@example.com {pk}\n");
        let sig = kit.sign(&alice, GIT_NAMESPACE, MSG);
        let p = "alice@example.com";

        // An approval's signature is not a commit signature.
        let approval_sig = kit.sign(&alice, APPROVAL_NAMESPACE, MSG);
        assert_eq!(
            agree(&kit, &base, &approval_sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::WrongNamespace)
        );
        assert!(
            verify(
                &allowed(&base),
                &approval_sig,
                MSG,
                APPROVAL_NAMESPACE,
                NOW,
                Some(p)
            )
            .is_ok()
        );
        // A wrong namespace even with a tampered message is reported as forged: it proves nothing.
        assert_eq!(
            verify(
                &allowed(&base),
                &approval_sig,
                b"other",
                GIT_NAMESPACE,
                NOW,
                Some(p)
            ),
            Err(Rejection::Forged)
        );

        let stranger = kit.sign(&mallory, GIT_NAMESPACE, MSG);
        assert_eq!(
            agree(&kit, &base, &stranger, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::UnknownKey)
        );
        assert_eq!(
            signature_fingerprint(&stranger),
            Some(kit.fingerprint(&mallory))
        );

        assert_eq!(
            agree(
                &kit,
                &base,
                &sig,
                MSG,
                GIT_NAMESPACE,
                NOW,
                "bob@example.com"
            ),
            Err(Rejection::PrincipalMismatch)
        );
        let wildcard = format!("*@example.com,!bob@example.com {pk}\n");
        assert!(
            agree(
                &kit,
                &wildcard,
                &sig,
                MSG,
                GIT_NAMESPACE,
                NOW,
                "carol@example.com"
            )
            .is_ok()
        );
        assert_eq!(
            agree(
                &kit,
                &wildcard,
                &sig,
                MSG,
                GIT_NAMESPACE,
                NOW,
                "bob@example.com"
            ),
            Err(Rejection::PrincipalMismatch)
        );

        let only_approvals = format!("alice@example.com namespaces=\"git-charter\" {pk}\n");
        assert_eq!(
            agree(&kit, &only_approvals, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::NamespaceNotAllowed)
        );
        assert!(
            agree(
                &kit,
                &only_approvals,
                &approval_sig,
                MSG,
                APPROVAL_NAMESPACE,
                NOW,
                p
            )
            .is_ok()
        );

        let expired = format!("alice@example.com valid-before=\"20200101Z\" {pk}\n");
        assert_eq!(
            agree(&kit, &expired, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::Expired)
        );
        // Judged at the time the signature claims, not today.
        assert!(agree(&kit, &expired, &sig, MSG, GIT_NAMESPACE, 1_500_000_000, p).is_ok());
        let boundary = allowed::parse_time("20200101Z").unwrap();
        assert!(agree(&kit, &expired, &sig, MSG, GIT_NAMESPACE, boundary, p).is_ok());
        assert_eq!(
            agree(&kit, &expired, &sig, MSG, GIT_NAMESPACE, boundary + 1, p),
            Err(Rejection::Expired)
        );

        let future = format!("alice@example.com valid-after=\"20300101000000Z\" {pk}\n");
        assert_eq!(
            agree(&kit, &future, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::NotYetValid)
        );
        let boundary = allowed::parse_time("20300101000000Z").unwrap();
        assert!(agree(&kit, &future, &sig, MSG, GIT_NAMESPACE, boundary, p).is_ok());

        // Several entries for one key: any one that allows is enough; the line is that entry's.
        let several = format!(
            "# team\nalice@example.com valid-before=\"20200101Z\" {pk} roles=old\nalice@example.com {pk} roles=new\n"
        );
        let v = agree(&kit, &several, &sig, MSG, GIT_NAMESPACE, NOW, p).unwrap();
        assert_eq!((v.line, v.roles), (3, vec!["new".to_string()]));
    }

    #[test]
    fn malformed_armour_is_malformed() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ed25519, "k");
        let text = format!("alice@x {}\n", kit.public(&key));
        let sig = kit.sign(&key, GIT_NAMESPACE, MSG);
        let body: String = sig.lines().filter(|l| !l.starts_with("-----")).collect();
        let cases = [
            String::new(),
            "not a signature".to_string(),
            sig.replace("SSH SIGNATURE", "PGP SIGNATURE"),
            sig.replace(END, ""),
            format!("{BEGIN}\n!!!!\n{END}\n"),
            format!("{BEGIN}\n{}\n{END}\n", &body[..body.len() / 2]),
            format!("{BEGIN}\n{}\n{END}\n", "QUFB".repeat(MAX_SIGNATURE / 4)),
            armor(b"SSHSIG\0\0\0\x02"),
        ];
        for case in &cases {
            assert_eq!(
                agree(&kit, &text, case, MSG, GIT_NAMESPACE, NOW, "alice@x"),
                Err(Rejection::Malformed),
                "{case}"
            );
            assert_eq!(signature_fingerprint(case), None);
        }
        // What follows the armour is ignored, by ssh-keygen too.
        let trailing = format!("{sig}trailing");
        assert!(agree(&kit, &text, &trailing, MSG, GIT_NAMESPACE, NOW, "alice@x").is_ok());
        // Blanks before and inside the armour are fine (ssh-keygen refuses those before it).
        let spaced = format!("\n  {}\n\n", sig.replace('\n', "\r\n"));
        assert!(
            verify(
                &allowed(&text),
                &spaced,
                MSG,
                GIT_NAMESPACE,
                NOW,
                Some("alice@x")
            )
            .is_ok()
        );
    }

    #[test]
    fn every_damaged_byte_is_rejected_without_panic() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Ecdsa, "k");
        let text = format!("alice@x {}\n", kit.public(&key));
        let all = allowed(&text);
        let sig = kit.sign(&key, GIT_NAMESPACE, MSG);
        let blob = dearmor(&sig).unwrap();
        // Our armour differs from ssh-keygen's only in where lines break.
        assert_eq!(armor(&blob).replace('\n', ""), sig.replace('\n', ""));
        assert!(verify(&all, &armor(&blob), MSG, GIT_NAMESPACE, NOW, None).is_ok());
        for i in 0..blob.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = blob.clone();
                bad[i] ^= flip;
                assert!(
                    verify(&all, &armor(&bad), MSG, GIT_NAMESPACE, NOW, None).is_err(),
                    "byte {i} ^ {flip:#x}"
                );
            }
            assert!(
                verify(&all, &armor(&blob[..i]), MSG, GIT_NAMESPACE, NOW, None).is_err(),
                "cut at {i}"
            );
        }
        // Lengths that claim more than there is.
        let mut huge = MAGIC.to_vec();
        huge.extend(1u32.to_be_bytes());
        huge.extend(u32::MAX.to_be_bytes());
        assert_eq!(
            verify(&all, &armor(&huge), MSG, GIT_NAMESPACE, NOW, None),
            Err(Rejection::Malformed)
        );
    }

    #[test]
    fn a_sha1_rsa_signature_is_refused() {
        let kit = Kit::new();
        let key = kit.key(KeyKind::Rsa, "rsa");
        let text = format!("alice@x {}\n", kit.public(&key));
        let sig = kit.sign(&key, GIT_NAMESPACE, MSG);
        // Rename the signature algorithm rsa-sha2-512 to ssh-rsa (SHA-1) inside the blob.
        let blob = dearmor(&sig).unwrap();
        let mut r = Reader(&blob);
        r.take(10).unwrap();
        let key_blob = r.string().unwrap();
        let ns = r.string().unwrap();
        let reserved = r.string().unwrap();
        let hash = r.string().unwrap();
        let mut s = Reader(r.string().unwrap());
        assert_eq!(s.string().unwrap(), b"rsa-sha2-512");
        let raw = s.string().unwrap();
        let mut inner = Vec::new();
        put_string(&mut inner, b"ssh-rsa").unwrap();
        put_string(&mut inner, raw).unwrap();
        let mut forged = MAGIC.to_vec();
        forged.extend(1u32.to_be_bytes());
        for f in [key_blob, ns, reserved, hash, &inner[..]] {
            put_string(&mut forged, f).unwrap();
        }
        let forged = armor(&forged);
        assert_eq!(
            agree(&kit, &text, &forged, MSG, GIT_NAMESPACE, NOW, "alice@x"),
            Err(Rejection::Malformed)
        );
    }

    #[test]
    fn certificates_are_checked_like_ssh_keygen() {
        let kit = Kit::new();
        let ca = kit.key(KeyKind::Ed25519, "ca");
        let other_ca = kit.key(KeyKind::Ed25519, "other_ca");
        let user = kit.key(KeyKind::Ecdsa, "user");
        let ca_path = ca.to_str().unwrap();
        let user_pub = format!("{}.pub", user.display());
        let cert = kit.path("user-cert.pub");
        let certify = |extra: &[&str], principals: &str, validity: &str| {
            let mut args = vec![
                "-q",
                "-s",
                ca_path,
                "-I",
                "alice-cert",
                "-n",
                principals,
                "-V",
                validity,
            ];
            args.extend_from_slice(extra);
            args.push(&user_pub);
            kit.keygen(&args);
        };
        let text = format!(
            "*@example.com cert-authority {} the CA roles=release\n",
            kit.public(&ca)
        );
        let p = "alice@example.com";

        certify(&[], "alice@example.com,al@example.com", "20200101:20300101");
        let sig = kit.sign(&cert, GIT_NAMESPACE, MSG);
        let v = agree(&kit, &text, &sig, MSG, GIT_NAMESPACE, NOW, p).unwrap();
        assert_eq!(v.fingerprint, kit.fingerprint(&user));
        assert_eq!(v.roles, ["release"]);
        assert!(verify(&allowed(&text), &sig, MSG, GIT_NAMESPACE, NOW, None).is_ok());
        assert_eq!(signature_fingerprint(&sig), Some(kit.fingerprint(&user)));
        // The entry's pattern allows bob, the certificate does not name him.
        assert_eq!(
            agree(
                &kit,
                &text,
                &sig,
                MSG,
                GIT_NAMESPACE,
                NOW,
                "bob@example.com"
            ),
            Err(Rejection::PrincipalMismatch)
        );
        // The certificate's window.
        assert_eq!(
            agree(&kit, &text, &sig, MSG, GIT_NAMESPACE, 1_500_000_000, p),
            Err(Rejection::NotYetValid)
        );
        assert_eq!(
            agree(&kit, &text, &sig, MSG, GIT_NAMESPACE, 2_000_000_000, p),
            Err(Rejection::Expired)
        );
        // A plain-key entry for the user's key does not accept the certificate, nor a CA entry a plain signature.
        let plain = format!("{p} {}\n", kit.public(&user));
        assert_eq!(
            agree(&kit, &plain, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::UnknownKey)
        );
        let plain_sig = kit.sign(&user, GIT_NAMESPACE, MSG);
        assert_eq!(
            agree(&kit, &text, &plain_sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::UnknownKey)
        );
        // Another CA.
        let other = format!("*@example.com cert-authority {}\n", kit.public(&other_ca));
        assert_eq!(
            agree(&kit, &other, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::UnknownKey)
        );
        // The same CA entry without cert-authority is just an unrelated key.
        let not_ca = format!("*@example.com {}\n", kit.public(&ca));
        assert_eq!(
            agree(&kit, &not_ca, &sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::UnknownKey)
        );

        // A host certificate cannot sign for a user.
        certify(&["-h"], "alice@example.com", "20200101:20300101");
        let host_sig = kit.sign(&cert, GIT_NAMESPACE, MSG);
        assert_eq!(
            agree(&kit, &text, &host_sig, MSG, GIT_NAMESPACE, NOW, p),
            Err(Rejection::CertificateUnsupported)
        );

        // A certificate valid forever: ssh-keygen accepts it; ssh-key 0.6.7 cannot decode it. Said honestly.
        certify(&[], "alice@example.com", "always:forever");
        let forever = kit.sign(&cert, GIT_NAMESPACE, MSG);
        assert!(kit.ssh_verify(&text, p, GIT_NAMESPACE, &forever, MSG, NOW));
        assert_eq!(
            verify(&allowed(&text), &forever, MSG, GIT_NAMESPACE, NOW, Some(p)),
            Err(Rejection::CertificateUnsupported)
        );
    }

    #[test]
    fn rejections_serialize_and_describe() {
        let all = [
            Rejection::Malformed,
            Rejection::Forged,
            Rejection::WrongNamespace,
            Rejection::UnknownKey,
            Rejection::NamespaceNotAllowed,
            Rejection::PrincipalMismatch,
            Rejection::NotYetValid,
            Rejection::Expired,
            Rejection::CertificateUnsupported,
            Rejection::UnsupportedAlgorithm,
        ];
        let names: Vec<String> = all
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        assert_eq!(names[2], "\"wrong-namespace\"");
        assert_eq!(names[5], "\"principal-mismatch\"");
        assert_eq!(names[6], "\"not-yet-valid\"");
        for r in &all {
            assert!(!r.describe().is_empty() && !r.describe().ends_with('.'));
            assert!(r.to_string().starts_with("the signature "));
        }
    }

    #[test]
    fn base64_round_trips() {
        for n in 0..20 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let armored = armor(&data);
            assert_eq!(dearmor(&armored), Some(data));
        }
        assert_eq!(base64_decode("QQ=="), Some(b"A".to_vec()));
        assert_eq!(base64_decode("QQ"), Some(b"A".to_vec()));
        assert_eq!(base64_decode("Q"), None);
        assert_eq!(base64_decode("QQ==QQ=="), None);
        assert_eq!(base64_decode("QQ="), None);
    }
}
