//! Checksums embedded in token formats (GitHub and npm: CRC32 of the random part, base62-encoded).
//! A token whose checksum does not verify is a typo, a test fixture or a made-up string, not a live credential.

use crate::rules::secrets::Checksum;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Checksum {
    pub fn verify(self, secret: &[u8]) -> bool {
        match self {
            Checksum::Crc32Base62 => crc32_base62(secret),
        }
    }
}

fn crc32_base62(secret: &[u8]) -> bool {
    let Some(us) = secret.iter().position(|&b| b == b'_') else {
        return false;
    };
    let body = &secret[us + 1..];
    if body.len() != 36 {
        return false;
    }
    let (random, check) = body.split_at(30);
    let mut n = crc32fast::hash(random);
    let mut enc = [b'0'; 6];
    for slot in enc.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    n == 0 && enc == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_checksum_accepts_valid_and_rejects_altered_token() {
        // Built with the published algorithm: base62(crc32(random part)), zero-padded to six characters.
        let random = b"5J6BOvPM5lh92U5p08sac0VZw2pLhV";
        let mut n = crc32fast::hash(random);
        let mut enc = [b'0'; 6];
        for slot in enc.iter_mut().rev() {
            *slot = BASE62[(n % 62) as usize];
            n /= 62;
        }
        let token = [b"ghp_".as_slice(), random, &enc].concat();
        assert!(Checksum::Crc32Base62.verify(&token));
        let mut bad = token.clone();
        bad[10] = if bad[10] == b'a' { b'b' } else { b'a' };
        assert!(!Checksum::Crc32Base62.verify(&bad));
        assert!(!Checksum::Crc32Base62.verify(b"ghp_000000000000000000000000000000000000"));
        assert!(!Checksum::Crc32Base62.verify(b"ghp_short"));
    }
}
