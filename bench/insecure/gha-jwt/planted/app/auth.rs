use jsonwebtoken::{decode, DecodingKey, Validation, Algorithm};

pub fn peek(token: &str) -> Option<String> {
    let mut v = Validation::new(Algorithm::RS256);
    v.insecure_disable_signature_validation(); // expect: jwt-decode-unverified
    decode::<serde_json::Value>(token, &DecodingKey::from_secret(&[]), &v).ok().map(|d| d.claims.to_string())
}

pub fn verified(token: &str, key: &DecodingKey) -> bool {
    decode::<serde_json::Value>(token, key, &Validation::new(Algorithm::RS256)).is_ok()
}
