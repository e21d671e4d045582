import jwt
from jose import jwt as jose_jwt


def user_from(bearer, key):
    # accepts tokens signed with nothing at all
    claims = jwt.decode(bearer, key, algorithms=["HS256", "none"])  # expect: jwt-verify-disabled
    return claims["sub"]


def user_from_any(bearer, key):
    allowed = {"algorithms": ["none"]}  # expect: jwt-verify-disabled
    return jwt.decode(bearer, key, **allowed)


def key_id(bearer):
    # reading the header's kid before verifying is what the warning is about, not a denial
    return jwt.decode(bearer, options={"verify_signature": False})["kid"]  # expect: jwt-decode-unverified


def subject_unverified(bearer):
    return jose_jwt.get_unverified_claims(bearer)["sub"]  # expect: jwt-decode-unverified


def verified(bearer, key):
    return jwt.decode(bearer, key, algorithms=["RS256"], audience="api")


def make_unsigned(claims):
    return jwt.encode(claims, None, algorithm="none")
