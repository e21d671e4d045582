#!/usr/bin/env python3
"""Generates the held-out synthetic secrets tree (tree/) and its labels (labels.jsonl). Python stdlib only, seeded.

    python3 generate.py [--seed N] [--out DIR]

Every credential is random with the real structure of its format (prefix, length, alphabet, checksum where the provider
uses one, DER/OpenSSH/PuTTY structure for keys, valid base64/JSON for JWTs and service accounts). Formats were written
from provider documentation and public format descriptions, blind to this repository's rule files. None of the values
exists anywhere. Each labeled span: file, ftype, is_secret, kind, family, line, line_end (1-based, inclusive),
sha256 (first 16 hex digits of the value's sha256).
"""
import argparse
import base64
import binascii
import hashlib
import json
import os
import random
import shutil
import string
import struct

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
B62 = DIG + UP + LO
HEX = "0123456789abcdef"
B64 = UP + LO + DIG + "+/"
B64U = UP + LO + DIG + "-_"

R = random.Random(0)


def rs(n, alpha=ALNUM):
    return "".join(R.choice(alpha) for _ in range(n))


def hx(n):
    return rs(n, HEX)


def HX(n):
    return rs(n, "0123456789ABCDEF")


def b64(nbytes, url=False, pad=True):
    raw = bytes(R.getrandbits(8) for _ in range(nbytes))
    s = base64.urlsafe_b64encode(raw).decode() if url else base64.b64encode(raw).decode()
    return s if pad else s.rstrip("=")


def benc(b):
    return base64.b64encode(b if isinstance(b, bytes) else b.encode()).decode()


def bencu(b):
    return base64.urlsafe_b64encode(b if isinstance(b, bytes) else b.encode()).decode().rstrip("=")


def uuid4():
    h = hx(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:32]}"


def digits(n):
    return str(R.randint(1, 9)) + rs(n - 1, DIG)


def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


# ---------------------------------------------------------------- words for human-chosen values
WORDS = ("summer winter autumn spring monkey dragon falcon tiger purple orange silver golden coffee pepper river "
         "ocean forest mountain rocket planet galaxy thunder shadow bishop knight castle harbor garden sunset "
         "cobalt maple cedar willow panther raven hunter ranger soccer hockey guitar piano violet crimson "
         "marble canyon glacier meadow lantern compass anchor voyage breeze ember copper nebula orbit pixel "
         "banana mango cherry lemon walnut biscuit waffle pancake muffin pretzel").split()
NAMES = "maria john alex sarah david emma lucas olivia noah mia liam sofia ethan chloe kevin laura peter anna".split()
COMPANIES = "acme globex initech umbrella hooli vandelay stark wayne wonka tyrell cyberdyne soylent".split()
HOSTS = ["db.internal", "10.0.3.17", "pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com", "mysql.svc.cluster.local",
         "db01.corp.lan", "postgres", "172.16.4.20", "orders-db.prod.acme.io", "sql-eu.westeurope.cloudapp.azure.com"]


def human_password():
    w = R.choice(WORDS)
    k = R.randrange(9)
    if k == 0:
        return w.capitalize() + str(R.randint(1970, 2026)) + R.choice("!@#$%*?")
    if k == 1:
        t = w.translate(str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"}))
        return t.capitalize() + str(R.randint(1, 999)) + R.choice("!#")
    if k == 2:
        return R.choice(WORDS).capitalize() + R.choice(WORDS).capitalize() + str(R.randint(10, 99))
    if k == 3:
        return R.choice(NAMES) + str(R.randint(1960, 2010))
    if k == 4:
        return "-".join(R.choice(WORDS) for _ in range(R.randint(3, 4)))
    if k == 5:
        return R.choice(COMPANIES).capitalize() + "@" + R.choice(["Spring", "Summer", "Fall", "Winter"]) + str(R.randint(19, 26))
    if k == 6:
        return R.choice(["Welcome", "Passw0rd", "Admin", "Letmein", "Qwerty"]) + R.choice(["@", "!", "#", ""]) + str(R.randint(1, 2026))
    if k == 7:
        return R.choice(NAMES).capitalize() + R.choice(["_", ".", ""]) + R.choice(WORDS) + str(R.randint(1, 99)) + "!"
    return w + R.choice(WORDS) + rs(R.randint(2, 4), DIG)


SYM = "!#%&*+-.:=?@^_~"


def generated_password():
    k = R.randrange(6)
    if k == 0:
        return rs(R.randint(16, 32), ALNUM + SYM)
    if k == 1:
        return rs(R.randint(12, 20), LO + DIG)
    if k == 2:
        return b64(R.choice([18, 24, 32]))
    if k == 3:
        return hx(R.choice([24, 32, 40, 64]))
    if k == 4:
        return "-".join(rs(6, ALNUM) for _ in range(3))
    return rs(R.randint(20, 28), ALNUM)


def any_password():
    return human_password() if R.random() < 0.5 else generated_password()


def url_password():
    # Passwords inside URLs: no characters that would need percent-encoding (people do use them, encoded).
    p = any_password()
    return "".join(c for c in p if c.isalnum() or c in "-._~") or rs(12)


def user():
    return R.choice(["admin", "app", "svc_orders", "deploy", "root", "ci-bot", "analytics", "etl_user", "webapp",
                     "billing", "reporting", "sa", "postgres", "api"] + NAMES)


# ---------------------------------------------------------------- structured tokens
def gh(prefix):
    body = rs(30, ALNUM)
    return prefix + body + base62(binascii.crc32(body.encode()) & 0xFFFFFFFF, 6)


def jwt(payload, alg="HS256", sig_bytes=32):
    h = bencu(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")))
    p = bencu(json.dumps(payload, separators=(",", ":")))
    return f"{h}.{p}.{b64(sig_bytes, url=True, pad=False)}"


def now():
    return 1700000000 + R.randint(0, 60000000)


def der_len(n):
    if n < 128:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der(tag, body):
    return bytes([tag]) + der_len(len(body)) + body


def der_int(nbytes):
    b = bytes([R.randint(0x80, 0xFF)]) + bytes(R.getrandbits(8) for _ in range(nbytes - 1))
    return der(0x02, b"\x00" + b)


def rsa_der(bits=2048):
    n = bits // 8
    parts = [der(0x02, b"\x00"), der_int(n), der(0x02, b"\x01\x00\x01"), der_int(n), der_int(n // 2),
             der_int(n // 2), der_int(n // 2), der_int(n // 2), der_int(n // 2)]
    return der(0x30, b"".join(parts))


def ec_der():
    oid_p256 = bytes.fromhex("06082a8648ce3d030107")
    return der(0x30, der(0x02, b"\x01") + der(0x04, bytes(R.getrandbits(8) for _ in range(32)))
               + der(0xA0, oid_p256) + der(0xA1, der(0x03, b"\x00\x04" + bytes(R.getrandbits(8) for _ in range(64)))))


def pkcs8_der(inner):
    alg = der(0x30, bytes.fromhex("06092a864886f70d0101010500"))
    return der(0x30, der(0x02, b"\x00") + alg + der(0x04, inner))


def pem(label, body):
    s = base64.b64encode(body).decode()
    lines = [s[i:i + 64] for i in range(0, len(s), 64)]
    return [f"-----BEGIN {label}-----"] + lines + [f"-----END {label}-----"]


def sshstr(b):
    b = b if isinstance(b, bytes) else b.encode()
    return struct.pack(">I", len(b)) + b


def openssh_ed25519(comment):
    pub = bytes(R.getrandbits(8) for _ in range(32))
    priv = bytes(R.getrandbits(8) for _ in range(32)) + pub
    pubblob = sshstr("ssh-ed25519") + sshstr(pub)
    check = struct.pack(">I", R.getrandbits(32)) * 2
    inner = check + sshstr("ssh-ed25519") + sshstr(pub) + sshstr(priv) + sshstr(comment)
    inner += bytes(range(1, 1 + (-len(inner)) % 8))
    blob = b"openssh-key-v1\0" + sshstr("none") + sshstr("none") + sshstr(b"") + struct.pack(">I", 1) + sshstr(pubblob) + sshstr(inner)
    s = base64.b64encode(blob).decode()
    return ["-----BEGIN OPENSSH PRIVATE KEY-----"] + [s[i:i + 70] for i in range(0, len(s), 70)] + ["-----END OPENSSH PRIVATE KEY-----"]


def putty_key(comment):
    pub = base64.b64encode(sshstr("ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + bytes(R.getrandbits(8) for _ in range(256)))).decode()
    priv = base64.b64encode(bytes(R.getrandbits(8) for _ in range(656))).decode()
    pl = [pub[i:i + 64] for i in range(0, len(pub), 64)]
    vl = [priv[i:i + 64] for i in range(0, len(priv), 64)]
    return (["PuTTY-User-Key-File-2: ssh-rsa", "Encryption: none", f"Comment: {comment}", f"Public-Lines: {len(pl)}"] + pl
            + [f"Private-Lines: {len(vl)}"] + vl + [f"Private-MAC: {hx(40)}"])


def pgp_private():
    body = base64.b64encode(b"\x95\x03\xc6\x04" + bytes(R.getrandbits(8) for _ in range(900))).decode()
    return (["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + [body[i:i + 64] for i in range(0, len(body), 64)]
            + ["=" + b64(3), "-----END PGP PRIVATE KEY BLOCK-----"])


def private_key_lines():
    k = R.randrange(5)
    if k == 0:
        return "private_key_rsa", pem("RSA PRIVATE KEY", rsa_der(R.choice([1024, 2048])))
    if k == 1:
        return "private_key_pkcs8", pem("PRIVATE KEY", pkcs8_der(rsa_der(2048)))
    if k == 2:
        return "private_key_ec", pem("EC PRIVATE KEY", ec_der())
    if k == 3:
        return "private_key_openssh", openssh_ed25519(f"{user()}@{R.choice(['laptop', 'build-01', 'bastion'])}")
    return "private_key_pgp", pgp_private()


def aws_key_id(prefix="AKIA"):
    return prefix + rs(16, UP + "234567")


def slack_bot():
    return f"xoxb-{digits(R.choice([11, 12, 13]))}-{digits(13)}-{rs(24)}"


def slack_user():
    return f"xoxp-{digits(12)}-{digits(12)}-{digits(13)}-{hx(32)}"


def azure_account_key():
    return b64(64)


def sas_sig():
    return b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def sas_query():
    y = R.randint(2025, 2027)
    return (f"sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se={y}-0{R.randint(1, 9)}-1{R.randint(0, 9)}T0{R.randint(0, 9)}:00:00Z"
            f"&st={y - 1}-0{R.randint(1, 9)}-0{R.randint(1, 9)}T12:00:00Z&spr=https&sig={sas_sig()}")


def account():
    return R.choice(COMPANIES) + R.choice(["prod", "data", "logs", "assets", "backup"]) + rs(3, LO + DIG)


def k8s_sa_jwt():
    ns = R.choice(["default", "ci", "monitoring", "payments"])
    return jwt({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": ns,
                "kubernetes.io/serviceaccount/secret.name": f"deployer-token-{rs(5, LO + DIG)}",
                "kubernetes.io/serviceaccount/service-account.name": "deployer",
                "kubernetes.io/serviceaccount/service-account.uid": uuid4(), "sub": f"system:serviceaccount:{ns}:deployer"},
               alg="RS256", sig_bytes=256)


def supabase_service_jwt():
    return jwt({"iss": "supabase", "ref": rs(20, LO), "role": "service_role", "iat": now(), "exp": now() + 315360000})


def user_jwt():
    return jwt({"sub": str(R.randint(1000, 99999)), "name": R.choice(NAMES).capitalize(), "iat": now(),
                "exp": now() + 86400 * 365, "scope": "admin"})


def sentry_org_token():
    payload = bencu(json.dumps({"iat": now(), "url": "https://sentry.io", "region_url": "https://us.sentry.io",
                                "org": R.choice(COMPANIES)}, separators=(",", ":")))
    return f"sntrys_{payload}_{b64(32, pad=False).replace('/', 'A').replace('+', 'B')}"


def grafana_cloud_token():
    payload = bencu(json.dumps({"o": str(R.randint(100000, 999999)), "n": f"{R.choice(['deploy', 'stack'])}-{rs(6, LO)}",
                                "k": rs(24), "m": {"r": "prod-us-east-0"}}, separators=(",", ":")))
    return "glc_" + payload


def ops_token():
    payload = bencu(json.dumps({"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
                               "iterations": 650000, "salt": b64(16, url=True, pad=False)}, "email": f"{rs(26, LO + DIG)}@1passwordserviceaccounts.com",
                               "srpX": hx(64), "muk": {"alg": "A256GCM", "ext": True, "k": b64(32, url=True, pad=False), "key_ops": ["encrypt", "decrypt"],
                               "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(6, UP + DIG) + "-" + rs(6, UP + DIG), "deviceUuid": rs(26, LO + DIG)},
                              separators=(",", ":")))
    return "ops_" + payload


def mapbox_secret():
    p = bencu(json.dumps({"u": R.choice(NAMES) + rs(3, DIG), "a": rs(25, LO + DIG)}, separators=(",", ":")))
    return f"sk.{p}.{rs(22, ALNUM + '-_')}"


def mapbox_public():
    p = bencu(json.dumps({"u": R.choice(NAMES) + rs(3, DIG), "a": rs(25, LO + DIG)}, separators=(",", ":")))
    return f"pk.{p}.{rs(22, ALNUM + '-_')}"


def pypi_token():
    raw = b"\x02\x01\x08pypi.org\x02\x25\x08\x01\x12\x20" + bytes(R.getrandbits(8) for _ in range(R.randint(60, 140)))
    return "pypi-" + bencu(raw)


def fcm_key():
    return f"AAAA{rs(7, ALNUM + '_-')}:APA91b{rs(134, ALNUM + '_-')}"


def discord_bot():
    uid = str(R.randint(10 ** 17, 10 ** 18 * 9))
    return f"{bencu(uid)}.{rs(6, ALNUM + '_-')}.{rs(38, ALNUM + '_-')}"


# kind, family, generator, variable names (UPPER_SNAKE; converted per language)
TOKENS = [
    # AI
    ("openai_api_key", "ai", lambda: "sk-" + rs(20) + "T3BlbkFJ" + rs(20), ["OPENAI_API_KEY", "OPENAI_KEY", "LLM_API_KEY"]),
    ("openai_project_key", "ai", lambda: "sk-proj-" + rs(74, ALNUM + "-_") + "T3BlbkFJ" + rs(74, ALNUM + "-_"), ["OPENAI_API_KEY", "OPENAI_TOKEN", "AI_KEY"]),
    ("openai_svcacct_key", "ai", lambda: "sk-svcacct-" + rs(74, ALNUM + "-_") + "T3BlbkFJ" + rs(74, ALNUM + "-_"), ["OPENAI_API_KEY", "OPENAI_SERVICE_KEY"]),
    ("anthropic_api_key", "ai", lambda: "sk-ant-api03-" + rs(93, ALNUM + "-_") + "AA", ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY", "LLM_KEY"]),
    ("anthropic_admin_key", "ai", lambda: "sk-ant-admin01-" + rs(93, ALNUM + "-_") + "AA", ["ANTHROPIC_ADMIN_KEY"]),
    ("huggingface_token", "ai", lambda: "hf_" + rs(34, UP + LO), ["HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN"]),
    ("groq_api_key", "ai", lambda: "gsk_" + rs(52), ["GROQ_API_KEY"]),
    ("replicate_token", "ai", lambda: "r8_" + rs(37), ["REPLICATE_API_TOKEN"]),
    ("perplexity_key", "ai", lambda: "pplx-" + rs(48), ["PERPLEXITY_API_KEY", "PPLX_API_KEY"]),
    ("xai_api_key", "ai", lambda: "xai-" + rs(80), ["XAI_API_KEY", "GROK_API_KEY"]),
    ("cohere_api_key", "ai", lambda: rs(40), ["COHERE_API_KEY", "CO_API_KEY"]),
    ("mistral_api_key", "ai", lambda: rs(32), ["MISTRAL_API_KEY"]),
    ("langsmith_key", "ai", lambda: f"lsv2_{R.choice(['pt', 'sk'])}_{hx(32)}_{hx(10)}", ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"]),
    ("google_api_key", "cloud-gcp", lambda: "AIza" + rs(35, ALNUM + "-_"), ["GOOGLE_API_KEY", "GEMINI_API_KEY", "MAPS_API_KEY", "YOUTUBE_KEY"]),
    # VCS
    ("github_pat", "vcs", lambda: gh("ghp_"), ["GITHUB_TOKEN", "GH_TOKEN", "GIT_TOKEN", "TOKEN"]),
    ("github_oauth", "vcs", lambda: gh("gho_"), ["GITHUB_OAUTH_TOKEN", "GH_OAUTH"]),
    ("github_user_to_server", "vcs", lambda: gh("ghu_"), ["GITHUB_USER_TOKEN"]),
    ("github_server_to_server", "vcs", lambda: gh("ghs_"), ["GITHUB_APP_TOKEN", "INSTALLATION_TOKEN"]),
    ("github_refresh", "vcs", lambda: gh("ghr_"), ["GITHUB_REFRESH_TOKEN"]),
    ("github_fine_grained_pat", "vcs", lambda: "github_pat_" + rs(22) + "_" + rs(59), ["GITHUB_TOKEN", "GH_PAT", "RELEASE_TOKEN"]),
    ("gitlab_pat", "vcs", lambda: "glpat-" + rs(20, ALNUM + "-_"), ["GITLAB_TOKEN", "GL_TOKEN", "CI_PUSH_TOKEN"]),
    ("gitlab_pipeline_trigger", "vcs", lambda: "glptt-" + hx(40), ["GITLAB_TRIGGER_TOKEN", "TRIGGER_TOKEN"]),
    ("gitlab_runner_token", "vcs", lambda: "glrt-" + rs(20, ALNUM + "-_"), ["RUNNER_TOKEN", "CI_SERVER_TOKEN"]),
    ("gitlab_deploy_token", "vcs", lambda: "gldt-" + rs(20, ALNUM + "-_"), ["GITLAB_DEPLOY_TOKEN"]),
    ("gitlab_oauth_secret", "vcs", lambda: "gloas-" + hx(64), ["GITLAB_OAUTH_SECRET", "GITLAB_APP_SECRET"]),
    ("bitbucket_app_password", "vcs", lambda: "ATBB" + rs(32) + HX(8), ["BITBUCKET_APP_PASSWORD", "BB_PASSWORD"]),
    ("atlassian_api_token", "saas", lambda: "ATATT3xFfGF0" + rs(170, ALNUM + "-_") + "=" + HX(8), ["JIRA_API_TOKEN", "ATLASSIAN_TOKEN", "CONFLUENCE_TOKEN"]),
    # registries
    ("npm_token", "registry", lambda: "npm_" + rs(36), ["NPM_TOKEN", "NODE_AUTH_TOKEN"]),
    ("pypi_token", "registry", pypi_token, ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN"]),
    ("cratesio_token", "registry", lambda: "cio" + rs(32), ["CARGO_REGISTRY_TOKEN", "CRATES_IO_TOKEN"]),
    ("rubygems_key", "registry", lambda: "rubygems_" + hx(48), ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"]),
    ("nuget_key", "registry", lambda: "oy2" + rs(43, LO + DIG), ["NUGET_API_KEY", "NUGET_KEY"]),
    ("dockerhub_pat", "registry", lambda: "dckr_pat_" + rs(27, ALNUM + "-_"), ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "REGISTRY_PASSWORD"]),
    ("artifactory_key", "registry", lambda: "AKCp" + rs(69), ["ARTIFACTORY_API_KEY", "JFROG_API_KEY"]),
    ("clojars_token", "registry", lambda: "CLOJARS_" + rs(60, LO + DIG), ["CLOJARS_PASSWORD"]),
    # cloud
    ("aws_access_key_id", "cloud-aws", aws_key_id, ["AWS_ACCESS_KEY_ID", "AWS_KEY", "S3_ACCESS_KEY"]),
    ("aws_secret_access_key", "cloud-aws", lambda: b64(30), ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "S3_SECRET"]),
    ("aws_session_token", "cloud-aws", lambda: "IQoJb3JpZ2luX2Vj" + b64(R.randint(280, 420)), ["AWS_SESSION_TOKEN"]),
    ("gcp_oauth_client_secret", "cloud-gcp", lambda: "GOCSPX-" + rs(28, ALNUM + "-_"), ["GOOGLE_CLIENT_SECRET", "OAUTH_CLIENT_SECRET"]),
    ("google_refresh_token", "cloud-gcp", lambda: "1//0" + rs(R.randint(98, 103), ALNUM + "-_"), ["GOOGLE_REFRESH_TOKEN", "GDRIVE_REFRESH_TOKEN"]),
    ("google_access_token", "cloud-gcp", lambda: "ya29." + rs(R.randint(150, 200), ALNUM + "-_"), ["GOOGLE_ACCESS_TOKEN", "GCP_TOKEN"]),
    ("azure_ad_client_secret", "cloud-azure", lambda: rs(3, ALNUM) + R.choice(DIG) + "Q~" + rs(34, ALNUM + "_~.-"), ["AZURE_CLIENT_SECRET", "ARM_CLIENT_SECRET", "AAD_SECRET"]),
    ("azure_devops_pat", "cloud-azure", lambda: rs(52, LO + "234567"), ["AZURE_DEVOPS_PAT", "AZURE_DEVOPS_EXT_PAT", "ADO_PAT"]),
    ("azure_storage_account_key", "cloud-azure", azure_account_key, ["AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY", "STORAGE_ACCOUNT_KEY"]),
    ("alibaba_access_key_id", "cloud-other", lambda: "LTAI" + rs(20), ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIYUN_ACCESS_KEY"]),
    ("alibaba_secret", "cloud-other", lambda: rs(30), ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIYUN_ACCESS_SECRET"]),
    ("tencent_secret_id", "cloud-other", lambda: "AKID" + rs(32), ["TENCENTCLOUD_SECRET_ID"]),
    ("digitalocean_pat", "hosting", lambda: "dop_v1_" + hx(64), ["DIGITALOCEAN_TOKEN", "DO_TOKEN"]),
    ("digitalocean_oauth", "hosting", lambda: "doo_v1_" + hx(64), ["DIGITALOCEAN_ACCESS_TOKEN"]),
    ("linode_token", "hosting", lambda: hx(64), ["LINODE_TOKEN", "LINODE_API_TOKEN"]),
    ("hetzner_token", "hosting", lambda: rs(64), ["HCLOUD_TOKEN", "HETZNER_API_TOKEN"]),
    ("cloudflare_api_token", "hosting", lambda: rs(40, ALNUM + "-_"), ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"]),
    ("cloudflare_global_key", "hosting", lambda: hx(37), ["CLOUDFLARE_API_KEY", "CF_API_KEY"]),
    ("fastly_token", "hosting", lambda: rs(32, ALNUM + "-_"), ["FASTLY_API_TOKEN", "FASTLY_KEY"]),
    ("netlify_pat", "hosting", lambda: "nfp_" + rs(36), ["NETLIFY_AUTH_TOKEN"]),
    ("vercel_token", "hosting", lambda: rs(24), ["VERCEL_TOKEN", "NOW_TOKEN"]),
    ("flyio_token", "hosting", lambda: "FlyV1 fm2_" + b64(R.randint(300, 420)), ["FLY_API_TOKEN"]),
    ("render_api_key", "hosting", lambda: "rnd_" + rs(32), ["RENDER_API_KEY"]),
    ("supabase_pat", "hosting", lambda: "sbp_" + hx(40), ["SUPABASE_ACCESS_TOKEN"]),
    ("supabase_service_role_jwt", "hosting", supabase_service_jwt, ["SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SERVICE_KEY"]),
    ("planetscale_password", "hosting", lambda: "pscale_pw_" + rs(43, ALNUM + "_.-"), ["PLANETSCALE_PASSWORD", "DATABASE_PASSWORD"]),
    ("planetscale_token", "hosting", lambda: "pscale_tkn_" + rs(43, ALNUM + "_.-"), ["PLANETSCALE_SERVICE_TOKEN"]),
    ("heroku_api_key", "hosting", uuid4, ["HEROKU_API_KEY"]),
    ("doppler_token", "cicd", lambda: f"dp.{R.choice(['pt', 'st', 'sa', 'ct'])}." + rs(43), ["DOPPLER_TOKEN"]),
    ("vault_token", "cicd", lambda: "hvs." + rs(R.randint(90, 100), ALNUM + "-_"), ["VAULT_TOKEN"]),
    ("vault_batch_token", "cicd", lambda: "hvb." + rs(R.randint(138, 160), ALNUM + "-_"), ["VAULT_TOKEN", "VAULT_BATCH_TOKEN"]),
    ("terraform_cloud_token", "cicd", lambda: rs(14) + ".atlasv1." + rs(67, ALNUM + "-_"), ["TFE_TOKEN", "TF_TOKEN_app_terraform_io", "ATLAS_TOKEN"]),
    ("pulumi_token", "cicd", lambda: "pul-" + hx(40), ["PULUMI_ACCESS_TOKEN"]),
    ("onepassword_sa_token", "cicd", ops_token, ["OP_SERVICE_ACCOUNT_TOKEN"]),
    ("age_secret_key", "cicd", lambda: "AGE-SECRET-KEY-1" + rs(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"), ["SOPS_AGE_KEY", "AGE_KEY"]),
    ("tailscale_key", "cicd", lambda: f"tskey-{R.choice(['auth', 'api'])}-k{rs(R.randint(10, 16))}-{rs(32)}", ["TS_AUTHKEY", "TAILSCALE_AUTHKEY"]),
    ("ngrok_authtoken", "cicd", lambda: "2" + rs(26) + "_" + rs(21), ["NGROK_AUTHTOKEN"]),
    # payment
    ("stripe_secret_key", "payment", lambda: "sk_live_" + rs(R.choice([24, 99])), ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY"]),
    ("stripe_restricted_key", "payment", lambda: "rk_live_" + rs(R.choice([24, 99])), ["STRIPE_RESTRICTED_KEY"]),
    ("stripe_webhook_secret", "payment", lambda: "whsec_" + rs(32), ["STRIPE_WEBHOOK_SECRET", "WEBHOOK_SIGNING_SECRET"]),
    ("square_access_token", "payment", lambda: "EAAA" + rs(60, ALNUM + "-_"), ["SQUARE_ACCESS_TOKEN"]),
    ("square_oauth_secret", "payment", lambda: "sq0csp-" + rs(43, ALNUM + "-_"), ["SQUARE_APP_SECRET"]),
    ("braintree_token", "payment", lambda: f"access_token$production${rs(16, LO + DIG)}${hx(32)}", ["BRAINTREE_ACCESS_TOKEN", "PAYPAL_ACCESS_TOKEN"]),
    ("shopify_access_token", "payment", lambda: "shpat_" + hx(32), ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"]),
    ("shopify_shared_secret", "payment", lambda: "shpss_" + hx(32), ["SHOPIFY_API_SECRET"]),
    ("shopify_custom_app", "payment", lambda: "shpca_" + hx(32), ["SHOPIFY_TOKEN"]),
    ("razorpay_key", "payment", lambda: "rzp_live_" + rs(14), ["RAZORPAY_KEY_ID"]),
    ("flutterwave_secret", "payment", lambda: "FLWSECK-" + hx(32) + "-X", ["FLW_SECRET_KEY"]),
    ("plaid_access_token", "payment", lambda: "access-production-" + uuid4(), ["PLAID_ACCESS_TOKEN"]),
    # messaging
    ("slack_bot_token", "messaging", slack_bot, ["SLACK_BOT_TOKEN", "SLACK_TOKEN"]),
    ("slack_user_token", "messaging", slack_user, ["SLACK_USER_TOKEN", "SLACK_TOKEN"]),
    ("slack_app_token", "messaging", lambda: f"xapp-1-A{rs(10, UP + DIG)}-{digits(13)}-{hx(64)}", ["SLACK_APP_TOKEN"]),
    ("slack_config_token", "messaging", lambda: f"xoxe.xoxp-1-{rs(150, ALNUM)}", ["SLACK_CONFIG_TOKEN"]),
    ("slack_refresh_token", "messaging", lambda: f"xoxe-1-{rs(146, ALNUM)}", ["SLACK_REFRESH_TOKEN"]),
    ("slack_webhook", "messaging", lambda: f"https://hooks.slack.com/services/T{rs(10, UP + DIG)}/B{rs(10, UP + DIG)}/{rs(24)}", ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERT_WEBHOOK"]),
    ("discord_bot_token", "messaging", discord_bot, ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"]),
    ("discord_webhook", "messaging", lambda: f"https://discord.com/api/webhooks/{digits(19)}/{rs(68, ALNUM + '-_')}", ["DISCORD_WEBHOOK_URL"]),
    ("telegram_bot_token", "messaging", lambda: f"{digits(R.choice([9, 10]))}:AA{rs(33, ALNUM + '-_')}", ["TELEGRAM_BOT_TOKEN", "TG_TOKEN", "BOT_TOKEN"]),
    ("twilio_api_key", "messaging", lambda: "SK" + hx(32), ["TWILIO_API_KEY", "TWILIO_API_SID"]),
    ("twilio_auth_token", "messaging", lambda: hx(32), ["TWILIO_AUTH_TOKEN"]),
    ("sendgrid_key", "messaging", lambda: "SG." + rs(22, ALNUM + "-_") + "." + rs(43, ALNUM + "-_"), ["SENDGRID_API_KEY", "SMTP_PASSWORD", "MAIL_KEY"]),
    ("mailgun_key", "messaging", lambda: "key-" + hx(32), ["MAILGUN_API_KEY"]),
    ("mailgun_private_key", "messaging", lambda: hx(32) + "-" + hx(8) + "-" + hx(8), ["MAILGUN_API_KEY", "MAILGUN_KEY"]),
    ("mailchimp_key", "messaging", lambda: hx(32) + "-us" + str(R.randint(1, 21)), ["MAILCHIMP_API_KEY", "MC_API_KEY"]),
    ("brevo_key", "messaging", lambda: "xkeysib-" + hx(64) + "-" + rs(16), ["BREVO_API_KEY", "SENDINBLUE_API_KEY"]),
    ("postmark_token", "messaging", uuid4, ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN"]),
    ("teams_webhook", "messaging", lambda: f"https://{R.choice(COMPANIES)}.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/{hx(32)}/{uuid4()}", ["TEAMS_WEBHOOK_URL"]),
    ("twitter_bearer", "messaging", lambda: "AAAAAAAAAAAAAAAAAAAAA" + rs(25) + "%3D" + rs(50), ["TWITTER_BEARER_TOKEN", "X_BEARER_TOKEN"]),
    ("facebook_access_token", "messaging", lambda: "EAA" + rs(R.randint(150, 200)), ["FACEBOOK_ACCESS_TOKEN", "FB_PAGE_TOKEN", "META_TOKEN"]),
    ("firebase_fcm_server_key", "messaging", fcm_key, ["FCM_SERVER_KEY", "FIREBASE_SERVER_KEY"]),
    # SaaS
    ("notion_token", "saas", lambda: R.choice(["secret_" + rs(43), "ntn_" + digits(11) + rs(35)]), ["NOTION_TOKEN", "NOTION_API_KEY"]),
    ("airtable_pat", "saas", lambda: "pat" + rs(14) + "." + hx(64), ["AIRTABLE_API_KEY", "AIRTABLE_TOKEN"]),
    ("linear_api_key", "saas", lambda: "lin_api_" + rs(40), ["LINEAR_API_KEY"]),
    ("asana_pat", "saas", lambda: f"{R.choice(['1', '2'])}/{digits(16)}:{hx(32)}", ["ASANA_ACCESS_TOKEN"]),
    ("figma_pat", "saas", lambda: "figd_" + rs(40, ALNUM + "-_"), ["FIGMA_TOKEN"]),
    ("hubspot_pat", "saas", lambda: f"pat-{R.choice(['na1', 'eu1'])}-{uuid4()}", ["HUBSPOT_ACCESS_TOKEN", "HUBSPOT_API_KEY"]),
    ("contentful_pat", "saas", lambda: "CFPAT-" + rs(43, ALNUM + "-_"), ["CONTENTFUL_MANAGEMENT_TOKEN"]),
    ("typeform_token", "saas", lambda: "tfp_" + rs(44, ALNUM) + "_" + rs(14, ALNUM), ["TYPEFORM_TOKEN"]),
    ("dropbox_token", "saas", lambda: "sl." + rs(R.randint(135, 140), ALNUM + "-_"), ["DROPBOX_ACCESS_TOKEN"]),
    ("okta_api_token", "saas", lambda: "00" + rs(40, ALNUM + "-_"), ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"]),
    ("auth0_client_secret", "saas", lambda: rs(64, ALNUM + "-_"), ["AUTH0_CLIENT_SECRET"]),
    ("clickup_token", "saas", lambda: f"pk_{digits(8)}_{rs(32, UP + DIG)}", ["CLICKUP_API_TOKEN"]),
    ("postman_key", "saas", lambda: f"PMAK-{hx(24)}-{hx(34)}", ["POSTMAN_API_KEY"]),
    ("zendesk_token", "saas", lambda: rs(40), ["ZENDESK_API_TOKEN"]),
    ("algolia_admin_key", "saas", lambda: hx(32), ["ALGOLIA_ADMIN_KEY", "ALGOLIA_API_KEY"]),
    ("mapbox_secret_token", "saas", mapbox_secret, ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"]),
    ("databricks_token", "saas", lambda: "dapi" + hx(32) + R.choice(["", "-2", "-3"]), ["DATABRICKS_TOKEN"]),
    ("launchdarkly_key", "saas", lambda: R.choice(["sdk-", "api-"]) + uuid4(), ["LAUNCHDARKLY_SDK_KEY", "LD_API_KEY"]),
    ("prefect_key", "saas", lambda: "pnu_" + rs(36), ["PREFECT_API_KEY"]),
    ("readme_key", "saas", lambda: "rdme_" + rs(70, LO + DIG), ["README_API_KEY"]),
    ("infracost_key", "saas", lambda: "ico-" + rs(32), ["INFRACOST_API_KEY"]),
    ("frameio_token", "saas", lambda: "fio-u-" + rs(64, ALNUM + "-_"), ["FRAMEIO_TOKEN"]),
    # observability
    ("sentry_org_token", "observability", sentry_org_token, ["SENTRY_AUTH_TOKEN"]),
    ("sentry_user_token", "observability", lambda: "sntryu_" + hx(64), ["SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"]),
    ("datadog_api_key", "observability", lambda: hx(32), ["DD_API_KEY", "DATADOG_API_KEY"]),
    ("datadog_app_key", "observability", lambda: hx(40), ["DD_APP_KEY", "DATADOG_APP_KEY"]),
    ("newrelic_user_key", "observability", lambda: "NRAK-" + rs(27, UP + DIG), ["NEW_RELIC_API_KEY", "NEWRELIC_API_KEY"]),
    ("newrelic_license_key", "observability", lambda: hx(36) + "NRAL", ["NEW_RELIC_LICENSE_KEY"]),
    ("newrelic_insights_key", "observability", lambda: "NRII-" + rs(32, ALNUM + "-_"), ["NEW_RELIC_INSERT_KEY"]),
    ("grafana_cloud_token", "observability", grafana_cloud_token, ["GRAFANA_CLOUD_TOKEN", "GRAFANA_TOKEN"]),
    ("grafana_sa_token", "observability", lambda: "glsa_" + rs(32) + "_" + hx(8), ["GRAFANA_SERVICE_ACCOUNT_TOKEN", "GRAFANA_API_KEY"]),
    ("dynatrace_token", "observability", lambda: "dt0c01." + rs(24, UP + DIG) + "." + rs(64, UP + DIG), ["DT_API_TOKEN", "DYNATRACE_API_TOKEN"]),
    ("honeycomb_key", "observability", lambda: rs(32, LO + DIG), ["HONEYCOMB_API_KEY", "HONEYCOMB_WRITEKEY"]),
    ("pagerduty_key", "observability", lambda: rs(20, ALNUM + "+-_"), ["PAGERDUTY_TOKEN", "PD_API_KEY"]),
    # CI/CD
    ("circleci_pat", "cicd", lambda: "CCIPAT_" + rs(22) + "_" + hx(40), ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"]),
    ("buildkite_token", "cicd", lambda: "bkua_" + hx(40), ["BUILDKITE_API_TOKEN"]),
    ("codecov_upload_token", "cicd", uuid4, ["CODECOV_TOKEN"]),
    ("snyk_token", "cicd", uuid4, ["SNYK_TOKEN", "SNYK_API_TOKEN"]),
    ("sonarqube_token", "cicd", lambda: R.choice(["squ_", "sqp_", "sqa_"]) + hx(40), ["SONAR_TOKEN", "SONAR_LOGIN", "SONARQUBE_TOKEN"]),
    ("sonarcloud_token", "cicd", lambda: hx(40), ["SONAR_TOKEN", "SONARCLOUD_TOKEN"]),
    ("jenkins_api_token", "cicd", lambda: "11" + hx(32), ["JENKINS_API_TOKEN", "JENKINS_TOKEN"]),
    ("travis_token", "cicd", lambda: rs(22, ALNUM + "-_"), ["TRAVIS_API_TOKEN"]),
    ("octopus_api_key", "cicd", lambda: "API-" + rs(26, UP + DIG), ["OCTOPUS_API_KEY"]),
    ("harness_pat", "cicd", lambda: f"pat.{rs(22, ALNUM + '_-')}.{hx(24)}.{rs(20)}", ["HARNESS_API_KEY"]),
    ("sidekiq_credentials", "registry", lambda: f"{hx(8)}:{hx(8)}", ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM", "BUNDLE_GEMS__CONTRIBSYS__COM"]),
    ("bundler_credentials", "registry", lambda: f"{user()}:{url_password()}", ["BUNDLE_RUBYGEMS__PKG__GITHUB__COM", "BUNDLE_GEMS__GRAPHQL__PRO"]),
    ("k8s_service_account_token", "kubernetes", k8s_sa_jwt, ["KUBE_TOKEN", "K8S_TOKEN", "CLUSTER_TOKEN"]),
    ("jwt_token", "generic", user_jwt, ["AUTH_TOKEN", "API_JWT", "BEARER_TOKEN", "ACCESS_TOKEN"]),
    # generic (human-chosen and generated)
    ("generic_password_human", "generic", human_password, ["DB_PASSWORD", "PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "REDIS_PASSWORD",
                                                           "MYSQL_ROOT_PASSWORD", "LDAP_BIND_PASSWORD", "KEYSTORE_PASSWORD", "PASSWD", "DB_PASS", "MAIL_PASS", "PWD_ADMIN"]),
    ("generic_password_generated", "generic", generated_password, ["DB_PASSWORD", "POSTGRES_PASSWORD", "RABBITMQ_DEFAULT_PASS", "ELASTIC_PASSWORD",
                                                                   "MASTER_PASSWORD", "SERVICE_PASSWORD", "ROOT_PASS", "PASSWORD", "GRAFANA_ADMIN_PASSWORD"]),
    ("generic_secret", "generic", lambda: R.choice([hx(64), b64(32), rs(48, ALNUM + "-_"), hx(32)]),
     ["SECRET_KEY", "JWT_SECRET", "APP_SECRET", "SESSION_SECRET", "CLIENT_SECRET", "ENCRYPTION_KEY", "SIGNING_KEY", "COOKIE_SECRET", "HMAC_SECRET"]),
    ("generic_api_key", "generic", lambda: R.choice([rs(32), hx(40), rs(40, ALNUM + "-_"), b64(24)]),
     ["API_KEY", "APIKEY", "X_API_KEY", "PARTNER_API_KEY", "INTERNAL_API_TOKEN", "SERVICE_TOKEN", "ACCESS_KEY", "AUTH_KEY"]),
    ("django_secret_key", "generic", lambda: R.choice(["django-insecure-", ""]) + rs(50, LO + DIG + "!@#%^&*(-_=+)"), ["SECRET_KEY", "DJANGO_SECRET_KEY"]),
    ("rails_master_key", "generic", lambda: hx(32), ["RAILS_MASTER_KEY", "SECRET_KEY_BASE"]),
]


def host():
    return R.choice(HOSTS)


def db():
    return R.choice(["orders", "app", "billing", "analytics", "users", "inventory", "crm", "prod"])


CONN = [
    ("postgres_url", lambda: f"{R.choice(['postgres', 'postgresql'])}://{user()}:{url_password()}@{host()}:5432/{db()}{R.choice(['', '?sslmode=require'])}", ["DATABASE_URL", "PG_DSN", "POSTGRES_URL"]),
    ("postgres_sqlalchemy_url", lambda: f"postgresql+{R.choice(['psycopg2', 'asyncpg', 'psycopg'])}://{user()}:{url_password()}@{host()}/{db()}", ["SQLALCHEMY_DATABASE_URI", "DB_URL"]),
    ("postgres_keyword_dsn", lambda: f"host={host()} port=5432 dbname={db()} user={user()} password={url_password()} sslmode=require", ["PG_CONN", "DSN"]),
    ("mysql_url", lambda: f"{R.choice(['mysql', 'mysql2', 'mysql+pymysql', 'mariadb'])}://{user()}:{url_password()}@{host()}:3306/{db()}", ["DATABASE_URL", "MYSQL_URL", "DB_URI"]),
    ("mysql_go_dsn", lambda: f"{user()}:{url_password()}@tcp({host()}:3306)/{db()}?parseTime=true", ["MYSQL_DSN", "DB_DSN"]),
    ("mongodb_url", lambda: R.choice([f"mongodb+srv://{user()}:{url_password()}@cluster0.{rs(5, LO + DIG)}.mongodb.net/{db()}?retryWrites=true&w=majority",
                                      f"mongodb://{user()}:{url_password()}@mongo-0.mongo:27017,mongo-1.mongo:27017/{db()}?replicaSet=rs0&authSource=admin"]), ["MONGO_URI", "MONGODB_URL", "MONGO_URL"]),
    ("redis_url", lambda: R.choice([f"redis://:{url_password()}@{host()}:6379/0", f"rediss://default:{url_password()}@{rs(8, LO)}.upstash.io:6379",
                                    f"redis://{user()}:{url_password()}@redis-{digits(5)}.c{R.randint(1, 300)}.us-east-1-2.ec2.cloud.redislabs.com:{digits(5)}"]), ["REDIS_URL", "CACHE_URL", "CELERY_RESULT_BACKEND"]),
    ("amqp_url", lambda: f"{R.choice(['amqp', 'amqps'])}://{user()}:{url_password()}@{R.choice(['rabbitmq', 'mq.internal', rs(8, LO) + '.rmq.cloudamqp.com'])}:5672/{R.choice(['%2F', 'prod', 'vhost'])}", ["AMQP_URL", "CELERY_BROKER_URL", "RABBITMQ_URL", "BROKER_URL"]),
    ("jdbc_postgres", lambda: f"jdbc:postgresql://{host()}:5432/{db()}?user={user()}&password={url_password()}", ["JDBC_URL", "SPRING_DATASOURCE_URL"]),
    ("jdbc_mysql", lambda: f"jdbc:mysql://{user()}:{url_password()}@{host()}:3306/{db()}?useSSL=true", ["JDBC_URL", "DB_JDBC"]),
    ("jdbc_sqlserver", lambda: f"jdbc:sqlserver://{host()}:1433;databaseName={db()};user={user()};password={url_password()};encrypt=true", ["JDBC_URL", "MSSQL_JDBC"]),
    ("jdbc_oracle", lambda: f"jdbc:oracle:thin:{user()}/{url_password()}@{host()}:1521/ORCLPDB1", ["ORACLE_JDBC_URL"]),
    ("odbc_sqlserver", lambda: f"Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:{account()}.database.windows.net,1433;Database={db()};Uid={user()};Pwd={url_password()};Encrypt=yes;TrustServerCertificate=no;", ["ODBC_CONNECTION_STRING", "SQL_CONN"]),
    ("odbc_generic", lambda: f"DRIVER={{{R.choice(['PostgreSQL Unicode', 'MySQL ODBC 8.0 Unicode Driver', 'SQL Server'])}}};SERVER={host()};DATABASE={db()};UID={user()};PWD={url_password()}", ["ODBC_DSN", "CONN_STR"]),
    ("adonet_sqlserver", lambda: f"Server={host()};Database={db()};User Id={user()};Password={url_password()};TrustServerCertificate=True;", ["ConnectionStrings__Default", "SQL_CONNECTION", "DB_CONNECTION_STRING"]),
    ("adonet_azure_sql", lambda: f"Server=tcp:{account()}.database.windows.net,1433;Initial Catalog={db()};Persist Security Info=False;User ID={user()};Password={url_password()};MultipleActiveResultSets=False;Encrypt=True;", ["AZURE_SQL_CONNECTIONSTRING", "ConnectionStrings__Sql"]),
    ("azure_storage_conn_string", lambda: f"DefaultEndpointsProtocol=https;AccountName={account()};AccountKey={azure_account_key()};EndpointSuffix=core.windows.net", ["AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage", "BLOB_CONNECTION"]),
    ("azure_servicebus_conn_string", lambda: f"Endpoint=sb://{account()}.servicebus.windows.net/;SharedAccessKeyName={R.choice(['RootManageSharedAccessKey', 'send-listen'])};SharedAccessKey={b64(32)}{R.choice(['', ';EntityPath=orders'])}", ["SERVICEBUS_CONNECTION_STRING", "EVENTHUB_CONNECTION_STRING"]),
    ("azure_cosmos_conn_string", lambda: f"AccountEndpoint=https://{account()}.documents.azure.com:443/;AccountKey={azure_account_key()};", ["COSMOS_CONNECTION_STRING", "COSMOSDB_CONN"]),
    ("azure_redis_conn_string", lambda: f"{account()}.redis.cache.windows.net:6380,password={b64(32)},ssl=True,abortConnect=False", ["REDIS_CONNECTION", "AZURE_REDIS"]),
    ("azure_sas_url", lambda: f"https://{account()}.blob.core.windows.net/{R.choice(['backups', 'uploads', 'exports'])}?{sas_query()}", ["BLOB_SAS_URL", "AZURE_SAS_URL", "UPLOAD_URL"]),
    ("azure_sas_token", lambda: "?" + sas_query(), ["AZURE_STORAGE_SAS_TOKEN", "SAS_TOKEN"]),
    ("kafka_jaas", lambda: f'org.apache.kafka.common.security.plain.PlainLoginModule required username="{rs(16, UP + DIG)}" password="{rs(64, ALNUM + "+/")}";', ["KAFKA_SASL_JAAS_CONFIG", "SASL_JAAS_CONFIG"]),
    ("smtp_url", lambda: f"smtp{R.choice(['', 's'])}://{user()}%40{R.choice(COMPANIES)}.com:{url_password()}@smtp.{R.choice(['gmail.com', 'office365.com', 'mailgun.org', 'sendgrid.net'])}:587", ["SMTP_URL", "EMAIL_URL", "MAILER_DSN"]),
    ("elasticsearch_url", lambda: f"https://elastic:{url_password()}@{rs(10, LO)}.es.{R.choice(['us-east-1.aws', 'europe-west1.gcp'])}.cloud.es.io:9243", ["ELASTICSEARCH_URL", "ES_HOST"]),
    ("ftp_url", lambda: f"{R.choice(['ftp', 'sftp'])}://{user()}:{url_password()}@{R.choice(['ftp', 'files', 'sftp'])}.{R.choice(COMPANIES)}.com/{R.choice(['incoming', 'exports', ''])}", ["FTP_URL", "SFTP_URL"]),
    ("http_basic_url", lambda: f"https://{user()}:{url_password()}@{R.choice(['nexus', 'artifacts', 'registry', 'api'])}.{R.choice(COMPANIES)}.io/{R.choice(['repository/pypi/simple', 'v1', 'hooks'])}", ["PIP_INDEX_URL", "UPSTREAM_URL", "PROXY_URL"]),
]


def bearer():
    return R.choice([gh("ghp_"), "sk_live_" + rs(24), user_jwt(), rs(40), "glpat-" + rs(20, ALNUM + "-_"), hx(40), "xoxb-" + digits(12) + "-" + digits(13) + "-" + rs(24)])


def api_host():
    return R.choice(["api.github.com", "api.stripe.com", "gitlab.com/api/v4", f"api.{R.choice(COMPANIES)}.com", "hooks.internal", "registry.npmjs.org"])


# Credentials on command lines (curl, wget, httpie, docker login, mysql, psql, sshpass ...): each returns the command.
def cmd_curl_user():
    return f"curl -u {user()}:{url_password()} https://{api_host()}/v1/status"


def cmd_curl_user2():
    return f"curl -s --user '{user()}:{any_password().replace(chr(39), '')}' -X POST https://{api_host()}/deploy"


def cmd_curl_bearer():
    return f'curl -H "Authorization: Bearer {bearer()}" https://{api_host()}/user'


def cmd_curl_header():
    h = R.choice(["X-API-Key", "X-Auth-Token", "PRIVATE-TOKEN", "Api-Key", "X-Api-Token"])
    v = "glpat-" + rs(20, ALNUM + "-_") if h == "PRIVATE-TOKEN" else rs(R.choice([32, 40]))
    return f"curl --header '{h}: {v}' https://{api_host()}/projects"


def cmd_curl_basic_header():
    return f'curl -H "Authorization: Basic {benc(user() + ":" + url_password())}" https://{api_host()}/metrics'


def cmd_curl_url_creds():
    return f"curl -fsSL https://{user()}:{url_password()}@{R.choice(['nexus', 'repo'])}.{R.choice(COMPANIES)}.io/artifact.tar.gz -o artifact.tar.gz"


def cmd_curl_data():
    return f"curl -X POST https://{api_host()}/oauth/token -d 'grant_type=client_credentials&client_id={rs(20, LO + DIG)}&client_secret={rs(40)}'"


def cmd_wget_password():
    return f"wget --user={user()} --password={url_password()} https://downloads.{R.choice(COMPANIES)}.com/release.zip"


def cmd_wget_header():
    return f'wget --header="Authorization: Bearer {bearer()}" https://{api_host()}/export.csv'


def cmd_wget_http_password():
    return f"wget --http-user={user()} --http-password='{url_password()}' http://{host()}/backup.sql.gz"


def cmd_httpie_auth():
    return f"http -a {user()}:{url_password()} POST https://{api_host()}/jobs name=nightly"


def cmd_httpie_bearer():
    return f"http GET https://{api_host()}/me 'Authorization:Bearer {bearer()}'"


def cmd_docker_login():
    return f"docker login -u {user()} -p {R.choice([url_password(), 'dckr_pat_' + rs(27, ALNUM + '-_'), gh('ghp_')])} {R.choice(['', 'ghcr.io', 'registry.gitlab.com', 'myregistry.azurecr.io'])}".rstrip()


def cmd_mysql():
    return f"mysql -h {host()} -u {user()} -p{url_password()} {db()} < dump.sql"


def cmd_psql():
    return f"PGPASSWORD={url_password()} psql -h {host()} -U {user()} -d {db()} -f migrate.sql"


def cmd_sshpass():
    return f"sshpass -p '{url_password()}' ssh {user()}@{host()} 'sudo systemctl restart app'"


def cmd_redis_cli():
    return f"redis-cli -h {host()} -a {url_password()} FLUSHALL"


def cmd_git_clone():
    return f"git clone https://{R.choice(['oauth2', 'x-access-token', user()])}:{R.choice([gh('ghp_'), 'glpat-' + rs(20, ALNUM + '-_'), url_password()])}@{R.choice(['github.com', 'gitlab.com', 'bitbucket.org'])}/{R.choice(COMPANIES)}/{R.choice(['infra', 'api', 'web'])}.git"


CMDS = [("curl_basic_auth", cmd_curl_user), ("curl_basic_auth", cmd_curl_user2), ("curl_bearer", cmd_curl_bearer), ("curl_api_key_header", cmd_curl_header),
        ("curl_basic_header", cmd_curl_basic_header), ("curl_url_credentials", cmd_curl_url_creds), ("curl_client_secret_data", cmd_curl_data),
        ("wget_password", cmd_wget_password), ("wget_password", cmd_wget_http_password), ("wget_bearer", cmd_wget_header),
        ("httpie_auth", cmd_httpie_auth), ("httpie_bearer", cmd_httpie_bearer), ("docker_login_password", cmd_docker_login),
        ("mysql_cli_password", cmd_mysql), ("psql_pgpassword", cmd_psql), ("sshpass_password", cmd_sshpass), ("redis_cli_password", cmd_redis_cli),
        ("git_clone_credentials", cmd_git_clone)]


# Password hashes
def crypt_b64(n):
    return rs(n, "./" + DIG + UP + LO)


def h_bcrypt():
    return f"$2{R.choice('aby')}${R.choice(['10', '12', '05', '11'])}${crypt_b64(53)}"


def h_sha512crypt():
    return f"$6${crypt_b64(R.choice([8, 16]))}${crypt_b64(86)}"


def h_sha256crypt():
    return f"$5${crypt_b64(16)}${crypt_b64(43)}"


def h_yescrypt():
    return f"$y$j9T${crypt_b64(22)}${crypt_b64(43)}"


def h_md5crypt():
    return f"$1${crypt_b64(8)}${crypt_b64(22)}"


def h_apr1():
    return f"$apr1${crypt_b64(8)}${crypt_b64(22)}"


def h_sha1_htpasswd():
    return "{SHA}" + b64(20)


def h_argon2():
    return f"$argon2{R.choice(['id', 'i'])}$v=19$m={R.choice([65536, 19456, 47104])},t={R.randint(2, 4)},p={R.choice([1, 4])}${b64(16, pad=False)}${b64(32, pad=False)}"


def h_pbkdf2_django():
    return f"pbkdf2_sha256${R.choice([600000, 720000, 260000])}${rs(22)}${b64(32)}"


def h_scrypt():
    return f"scrypt:32768:8:1${rs(16)}${hx(128)}"


HASHES = [("bcrypt_hash", h_bcrypt), ("sha512crypt_hash", h_sha512crypt), ("sha256crypt_hash", h_sha256crypt), ("yescrypt_hash", h_yescrypt),
          ("md5crypt_hash", h_md5crypt), ("apr1_hash", h_apr1), ("htpasswd_sha1", h_sha1_htpasswd), ("argon2_hash", h_argon2),
          ("django_pbkdf2_hash", h_pbkdf2_django), ("werkzeug_scrypt_hash", h_scrypt)]
HASH_NAMES = ["ADMIN_PASSWORD_HASH", "PASSWORD_HASH", "ROOT_HASH", "BASIC_AUTH_HASH", "ADMIN_PW_HASH"]

# ---------------------------------------------------------------- clean negatives (values)
def placeholder():
    return R.choice(["<your-api-key>", "<YOUR_TOKEN>", "YOUR_API_KEY_HERE", "xxxxxxxxxxxxxxxxxxxxxxxx", "changeme", "REPLACE_ME",
                     "${API_TOKEN}", "${DB_PASSWORD}", "{{ .Values.apiKey }}", "{{ secrets.NPM_TOKEN }}", "$(SERVICE_TOKEN)",
                     "%(db_password)s", "<password>", "********", "<redacted>", "TODO", "your-secret-here", "ghp_" + "x" * 36,
                     "sk-...", "AKIAXXXXXXXXXXXXXXXX", "insert-key-here", "{{ vault_db_password }}", "#{Octopus.Password}",
                     "__TOKEN__", "example-token", "your_password", "${{ secrets.DEPLOY_KEY }}", "{{ db_pass }}", "none", "null"])


def git_sha():
    return hx(40)


def sha256_digest():
    return R.choice(["sha256:", ""]) + hx(64)


def sri():
    return "sha512-" + b64(64)


def cache_key():
    return R.choice([f"report-cache-v{R.randint(1, 9)}-{hx(8)}", f"build-{R.randint(2023, 2026)}{R.randint(10, 12)}{R.randint(10, 28)}-{hx(7)}",
                     f"deps-{R.choice(['linux', 'macos'])}-{hx(16)}", f"{R.choice(['main', 'chunk', 'vendor'])}.{hx(8)}.js",
                     f"css-{rs(7, LO + DIG)}", f"run-{digits(10)}-{R.randint(1, 9)}", f"img-{hx(12)}", f"v{R.randint(1, 5)}-{hx(10)}"])


def trace_id():
    return R.choice([hx(32), f"00-{hx(32)}-{hx(16)}-01", hx(16)])


def arn():
    return R.choice([f"arn:aws:iam::{digits(12)}:role/{R.choice(['deployer', 'ci', 'reader'])}",
                     f"arn:aws:s3:::{R.choice(COMPANIES)}-{R.choice(['logs', 'assets'])}",
                     f"arn:aws:secretsmanager:us-east-1:{digits(12)}:secret:prod/db-{rs(6)}"])


def public_key_ssh():
    return f"ssh-{R.choice(['ed25519', 'rsa'])} AAAA{b64(R.choice([48, 200]), pad=False)} {user()}@{R.choice(['laptop', 'ci'])}"


def pk_publishable():
    return R.choice(["pk_live_" + rs(24), "pk_live_" + rs(99), mapbox_public(), f"G-{rs(10, UP + DIG)}", f"UA-{digits(8)}-{R.randint(1, 9)}",
                     f"{digits(12)}-{rs(32, LO + DIG)}.apps.googleusercontent.com"])


def sops_value():
    return f"ENC[AES256_GCM,data:{b64(R.randint(12, 40))},iv:{b64(32)},tag:{b64(16)},type:str]"


def sealed_value():
    return "AgB" + b64(R.randint(400, 520))


def provider_example():
    return R.choice(["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                     "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
                     "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"])


def codecov_badge():
    return f"https://codecov.io/gh/{R.choice(COMPANIES)}/{R.choice(['api', 'web', 'sdk'])}/branch/main/graph/badge.svg?token={rs(10, UP + DIG)}"


def base64_image():
    return "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA" + b64(R.randint(60, 200))


def semver_hash():
    return R.choice([f"h1:{b64(32)}", hx(64), f"{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 9)}+{hx(7)}"])


NEG_VALUES = [  # kind, family, generator, names
    ("placeholder", "neg-placeholder", placeholder, None),
    ("git_sha", "neg-hash", git_sha, ["GIT_SHA", "COMMIT", "REVISION", "BASE_REF_SHA", "SOURCE_VERSION"]),
    ("sha256_digest", "neg-hash", sha256_digest, ["IMAGE_DIGEST", "CHECKSUM", "SHA256", "ARCHIVE_SHA256"]),
    ("sri_integrity", "neg-hash", sri, ["INTEGRITY"]),
    ("uuid", "neg-id", uuid4, ["REQUEST_ID", "TENANT_ID", "SUBSCRIPTION_ID", "WORKSPACE_ID", "AZURE_TENANT_ID", "CORRELATION_ID", "PROJECT_ID"]),
    ("cache_key", "neg-id", cache_key, ["CACHE_KEY", "BUILD_ID", "ASSET_NAME", "CHUNK", "CSS_CLASS", "RUN_ID", "ARTIFACT_KEY"]),
    ("trace_id", "neg-id", trace_id, ["TRACE_ID", "TRACEPARENT", "SPAN_ID"]),
    ("arn", "neg-id", arn, ["ROLE_ARN", "BUCKET_ARN", "SECRET_ARN"]),
    ("public_key", "neg-public", public_key_ssh, ["SSH_PUBLIC_KEY", "DEPLOY_PUBKEY", "AUTHORIZED_KEY"]),
    ("publishable_key", "neg-public", pk_publishable, ["STRIPE_PUBLISHABLE_KEY", "MAPBOX_PUBLIC_TOKEN", "GA_MEASUREMENT_ID", "GOOGLE_CLIENT_ID"]),
    ("sops_encrypted", "neg-encrypted", sops_value, ["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY"]),
    ("sealed_secret", "neg-encrypted", sealed_value, ["DB_PASSWORD", "TOKEN"]),
    ("provider_example", "neg-example", provider_example, ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AZURE_STORAGE_KEY"]),
    ("codecov_badge", "neg-public", codecov_badge, ["BADGE_URL", "COVERAGE_BADGE"]),
    ("base64_image", "neg-id", base64_image, ["LOGO", "FAVICON_DATA", "PLACEHOLDER_IMAGE"]),
    ("lock_hash", "neg-hash", semver_hash, ["GO_SUM", "CHECKSUM", "VERSION"]),
]

# Non-secret code about credentials: environment lookups, secret references, password fields.
ENV_LOOKUP = {
    "python": ['{s} = os.environ["{U}"]', '{s} = os.getenv("{U}")', '{s} = os.environ.get("{U}", "")', '{s} = config("{U}")', '{s} = settings.{U}'],
    "js": ["const {c} = process.env.{U};", "const {c} = process.env['{U}'] ?? '';", "const {{ {U} }} = process.env;"],
    "ts": ["const {c}: string = process.env.{U}!;", "const {c} = requireEnv('{U}');"],
    "go": ['\t{c} := os.Getenv("{U}")', '\t{c}, ok := os.LookupEnv("{U}")'],
    "java": ['    String {c} = System.getenv("{U}");', '    @Value("${{{d}}}") private String {c};'],
    "kotlin": ['    val {c} = System.getenv("{U}")'],
    "csharp": ['        var {c} = Environment.GetEnvironmentVariable("{U}");', '        var {c} = configuration["{P}"];'],
    "php": ["${c} = getenv('{U}');", "    '{s}' => env('{U}'),"],
    "ruby": ["{s} = ENV.fetch('{U}')", "  config.{s} = ENV['{U}']", "{s} = Rails.application.credentials.{s}"],
    "shell": ['{U}="${{{U}:?missing}}"', '{U}="$(vault kv get -field=value secret/{s})"', '{U}="$(cat /run/secrets/{s})"'],
    "env": ["{U}=${{{U}}}", "{U}=", "# {U}=set-in-ci"],
    "dockerfile": ["ARG {U}", "RUN --mount=type=secret,id={s} cat /run/secrets/{s}"],
    "yaml": ["{s}: ${{{U}}}", "{s}: !env {U}", "{s}:"],
    "helm": ["  {c}: {{{{ .Values.{c} | quote }}}}", "  existingSecret: {s}"],
    "ci": ["      {U}: ${{{{ secrets.{U} }}}}", "      {U}: $CI_{U}"],
    "terraform": ["  {s} = var.{s}", "  {s} = random_password.{s}.result", "  {s} = data.aws_secretsmanager_secret_version.{s}.secret_string"],
    "toml": ['{s} = "${{{U}}}"'],
    "ini": ["{s} = %({U})s", "{s} ="],
    "json": ['  "{c}": "${{{U}}}",', '  "{c}": "",'],
    "properties": ["{d}=${{{U}}}"],
    "xml": ['    <add key="{P}" value="%{U}%" />'],
    "markdown": ["Set `{U}` in your environment before starting the service.", "| `{U}` | required | read from the secret store |"],
    "makefile": ["{U} ?= $(shell cat .secrets/{s})"],
}
PASSWORD_CODE = {
    "python": ['if password != confirm_password:', 'password = getpass.getpass("Password: ")', 'hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())',
               'PASSWORD_MIN_LENGTH = 12', 'token_type = "Bearer"', 'password: str = Field(..., min_length=8)', 'AUTH_HEADER = "Authorization"'],
    "js": ['const passwordField = document.querySelector("input[type=password]");', 'if (!token) throw new Error("missing token");',
           'headers: { Authorization: `Bearer ${token}` },', 'const TOKEN_HEADER = "x-api-key";'],
    "go": ['\treq.Header.Set("Authorization", "Bearer "+token)', '\tif err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {'],
    "java": ['        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {', '    private static final String PASSWORD_PARAM = "password";'],
    "yaml": ['password_min_length: 12', 'grant_type: password', 'token_url: https://oauth2.googleapis.com/token', 'auth_type: api_key'],
    "markdown": ['The `password` field must be at least 12 characters.', 'Pass the token in the `Authorization: Bearer <token>` header.'],
}


# ---------------------------------------------------------------- naming and per-language assignment templates
def styles(U):
    parts = U.lower().split("_")
    parts = [p for p in parts if p] or ["value"]
    return {"U": U, "s": "_".join(parts), "c": parts[0] + "".join(p.capitalize() for p in parts[1:]),
            "P": "".join(p.capitalize() for p in parts), "d": ".".join(parts), "k": "-".join(parts)}


ASSIGN = {
    "env": ["{U}={V}", '{U}="{V}"', "{U}='{V}'", "export {U}={V}"],
    "shell": ['export {U}="{V}"', '{U}="{V}"', "readonly {U}='{V}'", "{U}='{V}' ./bin/worker"],
    "dockerfile": ["ENV {U}={V}", 'ARG {U}="{V}"', "ENV {U} {V}"],
    "yaml": ["{s}: {V}", '{s}: "{V}"', "{c}: '{V}'", "  {s}: {V}", '    {c}: "{V}"'],
    "compose": ["      - {U}={V}", '      {U}: "{V}"'],
    "ci": ["  {U}: {V}", '      {U}: "{V}"'],
    "helm": ["  {c}: {V}", '  {c}: "{V}"', "    {c}: '{V}'"],
    "json": ['  "{c}": "{V}",', '  "{s}": "{V}",', '  "{U}": "{V}",'],
    "toml": ['{s} = "{V}"', "{s} = '{V}'"],
    "ini": ["{s} = {V}", "{s}={V}", "{U}={V}"],
    "properties": ["{d}={V}", "{d} = {V}", "{s}={V}"],
    "xml": ['    <add key="{P}" value="{V}" />', "    <{c}>{V}</{c}>", '  <property name="{d}" value="{V}"/>'],
    "python": ['{U} = "{V}"', "{s} = '{V}'", 'os.environ["{U}"] = "{V}"', 'client = Client({s}="{V}")', 'DEFAULTS = {{"{s}": "{V}"}}',
               '        self.{s} = "{V}"', '    {s}="{V}",'],
    "js": ['const {c} = "{V}";', "const {c} = '{V}';", 'process.env.{U} = "{V}";', 'export const {U} = "{V}";',
           'const {c} = process.env.{U} || "{V}";', "  {c}: '{V}',", "module.exports.{c} = `{V}`;"],
    "ts": ['export const {c}: string = "{V}";', 'const {c} = "{V}" as const;', '  private readonly {c} = "{V}";', "  {c}: '{V}',"],
    "go": ['\t{c} := "{V}"', 'const {c} = "{V}"', 'var {P} = "{V}"', '\tos.Setenv("{U}", "{V}")', '\t\t{P}: "{V}",'],
    "java": ['    private static final String {U} = "{V}";', '        props.put("{d}", "{V}");', '        String {c} = "{V}";'],
    "kotlin": ['    val {c} = "{V}"', 'const val {U} = "{V}"', '    {c} = "{V}"'],
    "csharp": ['        private const string {P} = "{V}";', '        var {c} = "{V}";', '            {P} = "{V}",'],
    "php": ["define('{U}', '{V}');", "    '{s}' => '{V}',", '${c} = "{V}";', "putenv('{U}={V}');"],
    "ruby": ['{U} = "{V}"', "  config.{s} = '{V}'", "ENV['{U}'] ||= '{V}'", '  {s}: "{V}",'],
    "terraform": ['  {s} = "{V}"', '  {s}     = "{V}"'],
    "tfvars": ['{s} = "{V}"'],
    "markdown": ["export {U}={V}", "Set `{U}={V}` in `.env` to try it locally.", "| `{U}` | `{V}` | staging |", '    {U}: "{V}"'],
    "makefile": ["{U} ?= {V}", "export {U} := {V}"],
}
ENV_LOOKUP.update({"compose": ["      - {U}=${{{U}}}", "      {U}: ${{{U}:?}}"], "tfvars": ["# {s} comes from TF_VAR_{s}"],
                   "kotlin": ENV_LOOKUP["kotlin"]})

CMD_WRAP = {
    "shell": ["{C}", "  {C}", "{C} || exit 1"],
    "markdown": ["{C}", "$ {C}"],
    "dockerfile": ["RUN {C}"],
    "ci": ["        run: {C}", "      - {C}"],
    "makefile": ["\t{C}"],
    "python": ["subprocess.run('''{C}''', shell=True, check=True)", "os.system('''{C}''')"],
    "js": ["execSync(`{C}`, {{ stdio: 'inherit' }});"],
}

FILLER = {
    "env": ["NODE_ENV=production", "LOG_LEVEL=info", "PORT=8080", "APP_URL=https://app.example.com", "FEATURE_FLAGS=search,export", "TZ=UTC", "",
            "# --- database ---", "WORKERS=4", "S3_BUCKET=acme-assets-prod", "AWS_REGION=eu-west-1", "SENTRY_ENVIRONMENT=staging"],
    "shell": ["set -euo pipefail", 'cd "$(dirname "$0")/.."', 'echo "deploying $VERSION"', "make build", "", "kubectl rollout status deploy/api",
              'if [ -z "${CI:-}" ]; then', "fi", "source ./scripts/lib.sh", "trap cleanup EXIT"],
    "dockerfile": ["FROM python:3.12-slim", "WORKDIR /app", "COPY requirements.txt .", "RUN pip install --no-cache-dir -r requirements.txt",
                   "COPY . .", "EXPOSE 8000", 'CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]', "USER 1000"],
    "yaml": ["logging:", "  level: info", "server:", "  port: 8080", "  host: 0.0.0.0", "features:", "  - search", "timeout: 30s", "retries: 3", ""],
    "compose": ["  db:", "    image: postgres:16", "    ports:", '      - "5432:5432"', "    restart: unless-stopped", "  worker:",
                "    build: .", "    depends_on:", "      - db"],
    "ci": ["    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4", "      - uses: actions/setup-node@v4", "        with:",
           "          node-version: 20", "      - run: npm ci", "      - run: npm test", "  deploy:", "    needs: test"],
    "helm": ["replicaCount: 2", "image:", "  repository: ghcr.io/acme/api", "  tag: 1.4.2", "service:", "  type: ClusterIP", "  port: 80",
             "resources:", "  limits:", "    cpu: 500m", "ingress:", "  enabled: true"],
    "json": ['  "name": "orders-service",', '  "port": 3000,', '  "debug": false,', '  "region": "us-east-1",', '  "maxConnections": 20,', '  "logLevel": "warn",'],
    "toml": ["[server]", 'host = "0.0.0.0"', "port = 8080", "", "[logging]", 'level = "info"', "[database]", "pool_size = 10"],
    "ini": ["[general]", "debug = false", "workers = 4", "", "[database]", "host = localhost", "port = 5432", "[mail]", "use_tls = true"],
    "properties": ["server.port=8080", "spring.application.name=orders", "logging.level.root=INFO", "spring.jpa.hibernate.ddl-auto=validate",
                   "management.endpoints.web.exposure.include=health", ""],
    "xml": ["  <appSettings>", "  </appSettings>", '    <add key="Environment" value="Production" />', '    <add key="PageSize" value="50" />', "  <!-- settings -->"],
    "python": ["import os", "import logging", "", "logger = logging.getLogger(__name__)", "TIMEOUT = 30", "def main():", "    run()", "",
               "class Settings:", "    debug = False", "BASE_URL = 'https://api.example.com/v2'", "MAX_RETRIES = 5"],
    "js": ["'use strict';", "const express = require('express');", "const app = express();", "", "app.use(express.json());",
           "const PORT = process.env.PORT || 3000;", "module.exports = { app };", "// TODO: move to config service"],
    "ts": ["import { Injectable } from '@nestjs/common';", "import axios from 'axios';", "", "export class ApiClient {", "}", "const TIMEOUT_MS = 5000;",
           "export type Region = 'eu' | 'us';"],
    "go": ["package config", "", "import (", '\t"os"', '\t"time"', ")", "func Load() (*Config, error) {", "\treturn &Config{}, nil", "}",
           "\tTimeout: 30 * time.Second,", "// Config holds service settings."],
    "java": ["package com.acme.orders;", "", "import java.util.Properties;", "public class AppConfig {", "}", "    private int poolSize = 10;",
             "    @Override", "    public String toString() { return \"AppConfig\"; }"],
    "kotlin": ["plugins {", '    id("org.jetbrains.kotlin.jvm") version "2.0.21"', "}", "repositories { mavenCentral() }", "object Config {", "}"],
    "csharp": ["using System;", "using Microsoft.Extensions.Configuration;", "namespace Acme.Orders", "{", "    public static class Settings", "    {", "    }", "}"],
    "php": ["<?php", "", "return [", "];", "    'debug' => false,", "    'timezone' => 'UTC',", "require __DIR__ . '/vendor/autoload.php';"],
    "ruby": ["require 'json'", "", "Rails.application.configure do", "end", "  config.cache_classes = true", "module Acme", "end", "  config.log_level = :info"],
    "terraform": ['resource "aws_db_instance" "main" {', "}", '  engine         = "postgres"', '  instance_class = "db.t3.micro"', "",
                  'provider "aws" {', '  region = "eu-west-1"', "terraform {", '  required_version = ">= 1.5"'],
    "tfvars": ['region = "eu-west-1"', 'environment = "prod"', "instance_count = 3", 'tags = { team = "platform" }', ""],
    "markdown": ["## Configuration", "", "Copy `.env.example` to `.env` and fill in the values.", "```bash", "```", "### Deploying",
                 "The service reads its settings at start-up.", "| Variable | Value | Notes |", "|---|---|---|"],
    "makefile": [".PHONY: build test", "build:", "\tgo build ./...", "test:", "\tgo test ./...", "deploy: build", ""],
}

# ftype -> (paths, assign style key)
FILE_KINDS = {
    "env": [".env", ".env.production", "services/api/.env", "deploy/staging.env", "config/.env.local", "docker/.env.prod"],
    "shell": ["scripts/deploy.sh", "bin/setup", "ops/backup.sh", "scripts/release.sh", "ci/bootstrap.sh"],
    "dockerfile": ["Dockerfile", "docker/worker.Dockerfile", "services/api/Dockerfile"],
    "yaml": ["config/settings.yaml", "config/production.yml", "app.yaml", "conf/service.yaml"],
    "compose": ["docker-compose.yml", "deploy/docker-compose.prod.yml", "compose.yaml"],
    "ci": [".github/workflows/deploy.yml", ".github/workflows/release.yml", ".gitlab-ci.yml", ".circleci/config.yml", "azure-pipelines.yml", "bitbucket-pipelines.yml"],
    "helm": ["charts/api/values.yaml", "helm/values-prod.yaml", "deploy/chart/values.yaml"],
    "json": ["config/default.json", "config/production.json", "settings.json", "secrets.json", "local.settings.json"],
    "toml": ["config.toml", "settings/prod.toml", "netlify.toml"],
    "ini": ["config.ini", "settings.cfg", "alembic.ini", "conf/app.ini"],
    "properties": ["src/main/resources/application.properties", "gradle.properties", "conf/app.properties"],
    "xml": ["Web.config", "App.config", "src/main/resources/beans.xml"],
    "python": ["settings.py", "app/config.py", "scripts/sync_data.py", "src/client.py", "tests/conftest.py", "notebooks/explore.py"],
    "js": ["src/config.js", "server.js", "lib/client.js", "scripts/seed.js", "next.config.js"],
    "ts": ["src/config.ts", "src/services/api.ts", "src/lib/mailer.ts"],
    "go": ["internal/config/config.go", "cmd/worker/main.go", "pkg/client/client.go"],
    "java": ["src/main/java/com/acme/orders/AppConfig.java", "src/main/java/com/acme/Client.java"],
    "kotlin": ["build.gradle.kts", "src/main/kotlin/Config.kt"],
    "csharp": ["src/Orders/Program.cs", "src/Orders/Settings.cs"],
    "php": ["config/services.php", "config/app.php", "src/Client.php"],
    "ruby": ["config/initializers/services.rb", "config/environments/production.rb", "lib/client.rb"],
    "terraform": ["main.tf", "infra/database.tf", "modules/app/main.tf"],
    "tfvars": ["terraform.tfvars", "envs/prod.tfvars", "infra/secrets.auto.tfvars"],
    "markdown": ["README.md", "docs/setup.md", "docs/deploy.md", "CONTRIBUTING.md", "docs/api.md"],
    "makefile": ["Makefile", "ops/Makefile"],
}
FTYPE_OF = {"compose": "yaml", "ci": "yaml", "helm": "yaml", "tfvars": "terraform", "kotlin": "kotlin"}


# Placements without a descriptive name: only the value's own structure identifies it (a pasted token in an argument,
# a list, a URL, a notebook cell, a chat snippet in the docs).
BARE = {
    "python": ['client = Client("{V}")', 'resp = session.post(url, auth=("{V}", ""))', "TOKENS = ['{V}']", '# old one: {V}'],
    "js": ['init("{V}");', "const creds = ['{V}'];", "// rotated 2024-05: {V}"],
    "ts": ['const client = createClient("{V}");'],
    "go": ['	c := client.New("{V}")', '	"{V}",'],
    "java": ['        Client c = new Client("{V}");'],
    "csharp": ['        var client = new ApiClient("{V}");'],
    "ruby": ["client = Api::Client.new('{V}')"],
    "php": ["$client = new Client('{V}');"],
    "yaml": ["  - {V}", "args: [--token, {V}]"],
    "json": ['    "{V}",'],
    "shell": ["./bin/cli login {V}", "cli configure --value {V}"],
    "markdown": ["Use `{V}` for the staging workspace.", "    {V}"],
    "makefile": ["	./tool upload --with {V}"],
}
KEYWORD_DEPENDENT = {"cohere_api_key", "mistral_api_key", "linode_token", "hetzner_token", "cloudflare_api_token", "cloudflare_global_key",
                     "fastly_token", "vercel_token", "heroku_api_key", "twilio_auth_token", "postmark_token", "zendesk_token", "algolia_admin_key",
                     "datadog_api_key", "datadog_app_key", "honeycomb_key", "pagerduty_key", "codecov_upload_token", "snyk_token",
                     "sonarcloud_token", "travis_token", "auth0_client_secret", "aws_secret_access_key", "alibaba_secret",
                     "azure_storage_account_key", "azure_devops_pat", "mailgun_private_key", "sidekiq_credentials", "bundler_credentials",
                     "django_secret_key", "rails_master_key", "ngrok_authtoken", "okta_api_token", "rubygems_key"}
BARE_SHARE = 0.25


def fill(tpl, U, V=None, C=None):
    st = styles(U)
    out = tpl.format(V="\x00", C="\x01", **st)
    if V is not None:
        out = out.replace("\x00", V)
    if C is not None:
        out = out.replace("\x01", C)
    return out


def short(v):
    return hashlib.sha256(v.encode()).hexdigest()[:16]


class File:
    def __init__(self, path, ftype):
        self.path, self.ftype, self.lines, self.labels = path, ftype, [], []

    def add(self, lines, kind=None, family=None, is_secret=None, value=None, first=0, last=None):
        """Append lines; when kind is given, label lines[first..last] (default: all) with value."""
        start = len(self.lines) + 1
        self.lines.extend(lines)
        if kind:
            last = len(lines) - 1 if last is None else last
            self.labels.append({"file": self.path, "ftype": self.ftype, "is_secret": is_secret, "kind": kind, "family": family,
                                "line": start + first, "line_end": start + last, "sha256": short(value)})

    def filler(self, fk, n):
        pool = FILLER.get(fk, [""])
        start = R.randrange(len(pool))
        self.add([pool[(start + i) % len(pool)] for i in range(n)])


def make_items(per_format):
    items = []
    for kind, fam, gen, names in TOKENS:
        n = per_format * (4 if kind.startswith("generic_") else 1)
        for _ in range(n):
            items.append(("assign", kind, fam, True, gen(), R.choice(names)))
    for kind, gen, names in CONN:
        fam = "azure" if kind.startswith("azure") else "connection-string"
        for _ in range(per_format):
            items.append(("assign", kind, "cloud-azure" if fam == "azure" else fam, True, gen(), R.choice(names)))
    for kind, gen in CMDS:
        for _ in range(max(6, per_format * 2 // 3)):
            items.append(("cmd", kind, "command-line", True, gen(), None))
    for kind, gen in HASHES:
        for _ in range(max(4, per_format // 2)):
            items.append(("assign", kind, "password-hash", True, gen(), R.choice(HASH_NAMES)))
    secret_names = [n for _, _, _, names in TOKENS for n in names]
    for kind, fam, gen, names in NEG_VALUES:
        for _ in range(per_format * (5 if kind == "placeholder" else 3)):
            items.append(("assign", kind, fam, False, gen(), R.choice(names or secret_names)))
    for _ in range(per_format * 25):
        items.append(("lookup", "env_lookup", "neg-reference", False, None, R.choice(secret_names)))
    for _ in range(per_format * 8):
        items.append(("pwcode", "password_code", "neg-code", False, None, None))
    R.shuffle(items)
    return items


def fits(item, fk):
    t = item[0]
    if t == "cmd":
        return fk in CMD_WRAP
    if t == "lookup":
        return fk in ENV_LOOKUP
    if t == "pwcode":
        return fk in PASSWORD_CODE
    return fk in ASSIGN


def render_item(f, fk, item):
    t, kind, fam, sec, value, name = item
    if t == "assign":
        bare = (sec and fk in BARE and kind not in KEYWORD_DEPENDENT and not kind.startswith("generic_")
                and not kind.endswith("_hash") and R.random() < BARE_SHARE)
        tpl = R.choice(BARE[fk]) if bare else R.choice(ASSIGN[fk])
        f.add([fill(tpl, name, V=value)], kind, fam, sec, value)
        if bare:
            f.labels[-1]["context"] = "bare"
    elif t == "cmd":
        line = fill(R.choice(CMD_WRAP[fk]), "X", C=value)
        if fk == "markdown":
            f.add(["```bash"])
            f.add([line], kind, fam, sec, value)
            f.add(["```"])
        else:
            f.add([line], kind, fam, sec, value)
    elif t == "lookup":
        line = fill(R.choice(ENV_LOOKUP[fk]), name)
        f.add([line], kind, fam, sec, line.strip())
    else:
        line = R.choice(PASSWORD_CODE[fk])
        f.add([line], kind, fam, sec, line.strip())


PROJECTS = ["billing-api", "web", "orders", "platform", "data-pipeline", "mobile-backend", "infra", "notifications", "search", "auth-service",
            "reporting", "ml-training", "storefront", "admin-portal", "gateway", "etl", "chatbot", "crm-sync", "payments", "docs-site"]


def generic_files(items, out_files, used_paths):
    kinds = list(FILE_KINDS)
    i = 0
    while i < len(items):
        fk = R.choice(kinds)
        path = unique_path(R.choice(FILE_KINDS[fk]), used_paths)
        f = File(path, FTYPE_OF.get(fk, fk))
        f.filler(fk, R.randint(1, 4))
        want = R.randint(3, 9)
        placed = 0
        j = i
        while placed < want and j < len(items) and j < i + 40:
            if fits(items[j], fk):
                render_item(f, fk, items[j])
                f.filler(fk, R.randint(0, 3))
                items.pop(j)
                placed += 1
            else:
                j += 1
        if placed == 0:
            # nothing fits this kind: put the head item in a file type that takes everything of its sort
            it = items.pop(i)
            fk = {"cmd": "shell", "lookup": "python", "pwcode": "python"}.get(it[0], "env")
            f = File(unique_path(R.choice(FILE_KINDS[fk]), used_paths), fk)
            render_item(f, fk, it)
        out_files.append(f)


def unique_path(p, used):
    for _ in range(1000):
        cand = f"{R.choice(PROJECTS)}-{R.randint(1, 40):02d}/{p}"
        if cand not in used:
            used.add(cand)
            return cand
    raise RuntimeError("paths exhausted")


# ---------------------------------------------------------------- special files (multi-line and credential-store formats)
def sp_pem_file(used):
    kind, lines = private_key_lines()
    name = {"private_key_openssh": R.choice(["id_ed25519", ".ssh/id_ed25519", "deploy/keys/deploy_key"]),
            "private_key_pgp": R.choice(["release-signing.asc", "keys/private.asc"])}.get(kind, R.choice(["server.key", "certs/tls.key", "id_rsa", "keys/jwt-private.pem", "ssl/private.pem"]))
    f = File(unique_path(name, used), "pem")
    f.add(lines, kind, "private-key", True, "\n".join(lines))
    return [f]


def sp_putty(used):
    lines = putty_key(f"rsa-key-{R.randint(2019, 2025)}0{R.randint(1, 9)}1{R.randint(0, 9)}")
    f = File(unique_path(R.choice(["keys/server.ppk", "ops/bastion.ppk", "putty/deploy.ppk"]), used), "ppk")
    f.add(lines, "private_key_putty", "private-key", True, "\n".join(lines), first=0)
    return [f]


def sp_embedded_key(used):
    kind, lines = private_key_lines()
    if kind == "private_key_pgp":
        kind, lines = "private_key_rsa", pem("RSA PRIVATE KEY", rsa_der(2048))
    k = R.randrange(4)
    if k == 0:
        f = File(unique_path(R.choice(FILE_KINDS["helm"]), used), "yaml")
        f.filler("helm", 3)
        f.add(["tls:", "  key: |"] + ["    " + l for l in lines], kind, "private-key", True, "\n".join(lines), first=2)
        f.filler("helm", 2)
    elif k == 1:
        f = File(unique_path(R.choice(FILE_KINDS["env"]), used), "env")
        f.filler("env", 2)
        f.add([f'PRIVATE_KEY="{lines[0]}'] + lines[1:-1] + [lines[-1] + '"'], kind, "private-key", True, "\n".join(lines))
        f.filler("env", 2)
    elif k == 2:
        f = File(unique_path(R.choice(FILE_KINDS["python"]), used), "python")
        f.filler("python", 3)
        f.add([f'SIGNING_KEY = """{lines[0]}'] + lines[1:-1] + [lines[-1] + '"""'], kind, "private-key", True, "\n".join(lines))
        f.filler("python", 2)
    else:
        f = File(unique_path(R.choice(FILE_KINDS["json"]), used), "json")
        one = "\\n".join(lines) + "\\n"
        f.add(["{", '  "name": "jwt-signer",', f'  "privateKey": "{one}",', '  "algorithm": "RS256"', "}"])
        f.labels.append({"file": f.path, "ftype": "json", "is_secret": True, "kind": kind, "family": "private-key", "line": 3, "line_end": 3, "sha256": short(one)})
    return [f]


def sp_gcp_sa(used):
    proj = f"{R.choice(COMPANIES)}-{R.choice(['prod', 'data', 'ml'])}-{digits(6)}"
    key = "\\n".join(pem("PRIVATE KEY", pkcs8_der(rsa_der(2048)))) + "\\n"
    sa = R.choice(["deployer", "terraform", "bq-reader", "ci"])
    body = [("type", "service_account"), ("project_id", proj), ("private_key_id", hx(40)), ("private_key", key),
            ("client_email", f"{sa}@{proj}.iam.gserviceaccount.com"), ("client_id", digits(21)), ("auth_uri", "https://accounts.google.com/o/oauth2/auth"),
            ("token_uri", "https://oauth2.googleapis.com/token"), ("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs"),
            ("client_x509_cert_url", f"https://www.googleapis.com/robot/v1/metadata/x509/{sa}%40{proj}.iam.gserviceaccount.com"), ("universe_domain", "googleapis.com")]
    lines = ["{"] + [f'  "{k}": "{v}"' + ("," if i < len(body) - 1 else "") for i, (k, v) in enumerate(body)] + ["}"]
    f = File(unique_path(R.choice(["gcp-service-account.json", "credentials/sa-key.json", f"{proj}-{hx(12)}.json", "secrets/gcloud.json"]), used), "json")
    f.add(lines, "gcp_service_account_json", "cloud-gcp", True, key)
    return [f]


def sp_aws_credentials(used):
    f = File(unique_path(R.choice([".aws/credentials", "ops/aws-credentials", "ci/credentials"]), used), "ini")
    for prof in R.sample(["default", "prod", "staging", "ci"], R.randint(1, 3)):
        f.add([f"[{prof}]"])
        kid, sec = aws_key_id(), b64(30)
        f.add([f"aws_access_key_id = {kid}"], "aws_access_key_id", "cloud-aws", True, kid)
        f.add([f"aws_secret_access_key = {sec}"], "aws_secret_access_key", "cloud-aws", True, sec)
        f.add(["region = eu-west-1", ""])
    return [f]


def sp_kubeconfig(used):
    f = File(unique_path(R.choice(["kubeconfig", ".kube/config", "deploy/kubeconfig.yaml", "ci/kubeconfig-prod"]), used), "yaml")
    ca = b64(800)
    cl = R.choice(["prod", "staging", "gke_acme_europe-west1_main"])
    f.add(["apiVersion: v1", "kind: Config", "clusters:", "- cluster:"])
    f.add([f"    certificate-authority-data: {ca}"], "certificate_authority_data", "neg-public", False, ca)
    f.add([f"    server: https://{R.choice(['10.0.0.1', 'k8s.internal', rs(16, LO + DIG) + '.gr7.eu-west-1.eks.amazonaws.com'])}:6443", f"  name: {cl}",
           "contexts:", "- context:", f"    cluster: {cl}", "    user: deployer", f"  name: {cl}", f"current-context: {cl}", "users:", "- name: deployer", "  user:"])
    k = R.randrange(4)
    if k == 0:
        v = k8s_sa_jwt()
        f.add([f"    token: {v}"], "kubeconfig_token", "kubernetes", True, v)
    elif k == 1:
        cert = b64(900)
        f.add([f"    client-certificate-data: {cert}"], "client_certificate_data", "neg-public", False, cert)
        v = benc("\n".join(pem("RSA PRIVATE KEY", rsa_der(2048))) + "\n")
        f.add([f"    client-key-data: {v}"], "kubeconfig_client_key", "kubernetes", True, v)
    elif k == 2:
        v = rs(R.choice([32, 40]), LO + DIG)
        f.add(["    username: admin", f"    password: {v}"], "kubeconfig_password", "kubernetes", True, v, first=1)
    else:
        v = f"{rs(6, LO + DIG)}.{rs(16, LO + DIG)}"
        f.add([f"    token: {v}"], "kubeconfig_bootstrap_token", "kubernetes", True, v)
    return [f]


def sp_kubeconfig_exec(used):
    f = File(unique_path("deploy/kubeconfig-eks.yaml", used), "yaml")
    ca = b64(800)
    f.add(["apiVersion: v1", "kind: Config", "clusters:", "- cluster:"])
    f.add([f"    certificate-authority-data: {ca}"], "certificate_authority_data", "neg-public", False, ca)
    f.add(["    server: https://ABC.gr7.eu-west-1.eks.amazonaws.com", "  name: main", "users:", "- name: main", "  user:", "    exec:",
           "      apiVersion: client.authentication.k8s.io/v1beta1", "      command: aws", "      args: [eks, get-token, --cluster-name, main]"])
    return [f]


def sp_k8s_secret(used):
    f = File(unique_path(R.choice(["k8s/secret.yaml", "manifests/db-secret.yaml", "deploy/k8s/app-secrets.yml", "kustomize/base/secret.yaml"]), used), "yaml")
    f.add(["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {R.choice(['db-credentials', 'app-secrets', 'api-keys'])}", f"  namespace: {R.choice(['default', 'prod', 'payments'])}",
           "type: Opaque", R.choice(["data:", "stringData:"])])
    string_data = f.lines[-1] == "stringData:"
    for key, gen, kind in R.sample([("password", any_password, "k8s_secret_password"), ("api-key", lambda: rs(40), "k8s_secret_api_key"),
                                    ("DATABASE_URL", CONN[0][1], "k8s_secret_database_url"), ("token", lambda: gh("ghp_"), "k8s_secret_token"),
                                    ("stripe-key", lambda: "sk_live_" + rs(24), "k8s_secret_token"), ("aws-secret", lambda: b64(30), "k8s_secret_api_key")], R.randint(1, 3)):
        raw = gen()
        v = raw if string_data else benc(raw)
        f.add([f"  {key}: {v}" if not string_data else f'  {key}: "{v}"'], kind, "kubernetes", True, v)
    if not string_data:
        user_b64 = benc(R.choice(["app", "admin", "postgres"]))
        f.add([f"  username: {user_b64}"], "k8s_secret_username", "neg-id", False, user_b64)
    return [f]


def sp_sealed(used):
    f = File(unique_path("k8s/sealed-secret.yaml", used), "yaml")
    f.add(["apiVersion: bitnami.com/v1alpha1", "kind: SealedSecret", "metadata:", "  name: app-secrets", "spec:", "  encryptedData:"])
    for k in R.sample(["password", "apiKey", "token", "DATABASE_URL"], 2):
        v = sealed_value()
        f.add([f"    {k}: {v}"], "sealed_secret", "neg-encrypted", False, v)
    return [f]


def sp_configmap(used):
    f = File(unique_path("k8s/configmap.yaml", used), "yaml")
    f.add(["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: app-config", "binaryData:"])
    v = benc(bytes(R.getrandbits(8) for _ in range(60)))
    f.add([f"  logo.png: {v}"], "configmap_binary", "neg-id", False, v)
    f.add(["data:", "  LOG_LEVEL: info", "  FEATURE_X: \"true\""])
    return [f]


def sp_docker_config(used):
    f = File(unique_path(R.choice([".docker/config.json", "ci/docker-config.json", "deploy/dockerconfig.json"]), used), "json")
    f.add(["{", '  "auths": {'])
    regs = R.sample(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", f"{R.choice(COMPANIES)}.azurecr.io", f"{digits(12)}.dkr.ecr.eu-west-1.amazonaws.com"], R.randint(1, 2))
    for i, reg in enumerate(regs):
        pw = R.choice([url_password(), "dckr_pat_" + rs(27, ALNUM + "-_"), gh("ghp_"), "glpat-" + rs(20, ALNUM + "-_")])
        v = benc(f"{user()}:{pw}")
        f.add([f'    "{reg}": {{'])
        f.add([f'      "auth": "{v}"'], "docker_config_auth", "registry", True, v)
        f.add(["    }" + ("," if i < len(regs) - 1 else "")])
    f.add(["  },", '  "credsStore": "desktop"' if R.random() < 0.3 else '  "detachKeys": "ctrl-e,e"', "}"])
    return [f]


def sp_npmrc(used):
    f = File(unique_path(R.choice([".npmrc", "frontend/.npmrc"]), used), "npmrc")
    f.add(["registry=https://registry.npmjs.org/", "save-exact=true"])
    k = R.randrange(3)
    if k == 0:
        v = "npm_" + rs(36)
        f.add([f"//registry.npmjs.org/:_authToken={v}"], "npmrc_auth_token", "registry", True, v)
    elif k == 1:
        v = benc(f"{user()}:{url_password()}")
        f.add([f"_auth={v}", "always-auth=true"], "npmrc_auth_basic", "registry", True, v, last=0)
    else:
        v = gh("ghp_")
        f.add(["@acme:registry=https://npm.pkg.github.com", f"//npm.pkg.github.com/:_authToken={v}"], "npmrc_auth_token", "registry", True, v, first=1)
    if R.random() < 0.5:
        line = "//npm.fontawesome.com/:_authToken=${FONTAWESOME_TOKEN}"
        f.add([line], "env_lookup", "neg-reference", False, line)
    return [f]


def sp_pypirc(used):
    f = File(unique_path(".pypirc", used), "ini")
    f.add(["[distutils]", "index-servers =", "    pypi", "    internal", "", "[pypi]", "username = __token__"])
    v = pypi_token()
    f.add([f"password = {v}"], "pypirc_password", "registry", True, v)
    f.add(["", "[internal]", f"repository = https://nexus.{R.choice(COMPANIES)}.io/repository/pypi/", f"username = {user()}"])
    v = any_password()
    f.add([f"password = {v}"], "pypirc_password", "registry", True, v)
    return [f]


def sp_netrc(used):
    f = File(unique_path(R.choice([".netrc", "ci/netrc", "_netrc"]), used), "netrc")
    for m, gen in R.sample([("github.com", lambda: gh("ghp_")), ("api.heroku.com", uuid4), (f"ftp.{R.choice(COMPANIES)}.com", any_password),
                            ("gitlab.com", lambda: "glpat-" + rs(20, ALNUM + "-_")), ("urs.earthdata.nasa.gov", human_password)], R.randint(1, 3)):
        v = gen()
        if R.random() < 0.5:
            f.add([f"machine {m} login {user()} password {v}"], "netrc_password", "registry", True, v)
        else:
            f.add([f"machine {m}", f"  login {user()}", f"  password {v}"], "netrc_password", "registry", True, v, first=2)
    return [f]


def sp_git_credentials(used):
    f = File(unique_path(R.choice([".git-credentials", "ci/git-credentials"]), used), "git-credentials")
    for _ in range(R.randint(1, 3)):
        host_, tok = R.choice([("github.com", gh("ghp_")), ("gitlab.com", "glpat-" + rs(20, ALNUM + "-_")), ("bitbucket.org", "ATBB" + rs(32) + HX(8)),
                               ("dev.azure.com", rs(52, LO + "234567")), (f"git.{R.choice(COMPANIES)}.io", url_password())])
        f.add([f"https://{user()}:{tok}@{host_}"], "git_credentials", "vcs", True, tok)
    return [f]


def sp_misc_stores(used):
    k = R.randrange(6)
    if k == 0:
        f = File(unique_path(".cargo/credentials.toml", used), "toml")
        v = "cio" + rs(32)
        f.add(["[registry]", f'token = "{v}"'], "cargo_credentials", "registry", True, v, first=1)
    elif k == 1:
        f = File(unique_path(".gem/credentials", used), "yaml")
        v = "rubygems_" + hx(48)
        f.add(["---", f":rubygems_api_key: {v}"], "gem_credentials", "registry", True, v, first=1)
    elif k == 2:
        f = File(unique_path("auth.json", used), "json")
        v = url_password()
        f.add(["{", '  "http-basic": {', '    "repo.packagist.com": {', f'      "username": "{user()}",', f'      "password": "{v}"', "    }", "  },"],
              "composer_auth_password", "registry", True, v, first=4, last=4)
        t = gh("ghp_")
        f.add([f'  "github-oauth": {{ "github.com": "{t}" }}'], "composer_github_oauth", "registry", True, t)
        f.add(["}"])
    elif k == 3:
        f = File(unique_path(R.choice([".m2/settings.xml", "ci/maven-settings.xml"]), used), "xml")
        v = any_password()
        f.add(["<settings>", "  <servers>", "    <server>", "      <id>releases</id>", f"      <username>{user()}</username>"])
        f.add([f"      <password>{v}</password>"], "maven_settings_password", "registry", True, v)
        f.add(["    </server>", "  </servers>", "</settings>"])
    elif k == 4:
        f = File(unique_path("NuGet.Config", used), "xml")
        v = R.choice([url_password(), rs(52, LO + "234567")])
        f.add(["<configuration>", "  <packageSourceCredentials>", "    <internal>", f'      <add key="Username" value="{user()}" />'])
        f.add([f'      <add key="ClearTextPassword" value="{v}" />'], "nuget_config_password", "registry", True, v)
        f.add(["    </internal>", "  </packageSourceCredentials>", "</configuration>"])
    else:
        f = File(unique_path("gradle.properties", used), "properties")
        v = R.choice(["AKCp" + rs(69), any_password()])
        f.add(["org.gradle.jvmargs=-Xmx2g", f"artifactory_user={user()}"])
        f.add([f"artifactory_password={v}"], "gradle_properties_password", "registry", True, v)
    return [f]


def sp_htpasswd(used):
    f = File(unique_path(R.choice([".htpasswd", "nginx/htpasswd", "deploy/auth/.htpasswd", "registry/auth/htpasswd"]), used), "htpasswd")
    for _ in range(R.randint(1, 4)):
        kind, gen = R.choice([("htpasswd_bcrypt", h_bcrypt), ("htpasswd_apr1", h_apr1), ("htpasswd_sha1", h_sha1_htpasswd)])
        v = gen()
        f.add([f"{user()}:{v}"], kind, "password-hash", True, v)
    return [f]


def sp_shadow(used):
    f = File(unique_path(R.choice(["etc/shadow", "rootfs/etc/shadow", "image/etc/shadow"]), used), "shadow")
    day = R.randint(18000, 20000)
    f.add([f"{u}:*:{day}:0:99999:7:::" for u in ["daemon", "bin", "sys"]])
    f.add([f"nobody:!:{day}:0:99999:7:::"], "shadow_locked", "neg-hash", False, f"nobody:!:{day}")
    for u in R.sample(["root", "ubuntu", "deploy", "admin", "app"], R.randint(1, 2)):
        gen = R.choice([h_sha512crypt, h_yescrypt, h_sha256crypt, h_md5crypt])
        v = gen()
        f.add([f"{u}:{v}:{day}:0:99999:7:::"], "shadow_hash", "password-hash", True, v)
    return [f]


def sp_terraform_provider(used):
    f = File(unique_path(R.choice(["providers.tf", "infra/providers.tf"]), used), "terraform")
    kid, sec = aws_key_id(), b64(30)
    f.add(['provider "aws" {', '  region     = "us-east-1"'])
    f.add([f'  access_key = "{kid}"'], "aws_access_key_id", "cloud-aws", True, kid)
    f.add([f'  secret_key = "{sec}"'], "aws_secret_access_key", "cloud-aws", True, sec)
    f.add(["}", ""])
    if R.random() < 0.6:
        v = any_password()
        f.add(['variable "db_password" {', '  type      = string', '  sensitive = true', f'  default   = "{v}"', "}"], "terraform_variable_default", "iac", True, v, first=3, last=3)
    if R.random() < 0.5:
        v = rs(R.choice([32, 40]), ALNUM)
        f.add(['provider "datadog" {', f'  api_key = "{v}"', "}"], "terraform_provider_api_key", "iac", True, v, first=1, last=1)
    return [f]


def sp_ansible(used):
    out = []
    f = File(unique_path(R.choice(["inventory/hosts.ini", "ansible/inventory", "hosts"]), used), "ini")
    f.add(["[web]"])
    for i in range(R.randint(1, 3)):
        v = any_password()
        f.add([f"web{i + 1}.{R.choice(COMPANIES)}.lan ansible_user=deploy ansible_password={v}"], "ansible_inventory_password", "iac", True, v)
    f.add(["", "[db]", "db1.lan ansible_user=postgres"])
    out.append(f)
    g = File(unique_path(R.choice(["group_vars/all.yml", "ansible/group_vars/prod/vars.yml", "roles/app/defaults/main.yml"]), used), "yaml")
    g.add(["---", "app_port: 8080"])
    v = any_password()
    g.add([f"ansible_become_password: {v}"], "ansible_become_password", "iac", True, v)
    v = any_password()
    g.add([f'mysql_root_password: "{v}"'], "ansible_variable_password", "iac", True, v)
    vault = ["db_api_key: !vault |", "  $ANSIBLE_VAULT;1.1;AES256"] + ["  " + hx(80) for _ in range(R.randint(3, 6))]
    g.add(vault, "ansible_vault", "neg-encrypted", False, "\n".join(vault), first=1)
    line = "smtp_password: \"{{ vault_smtp_password }}\""
    g.add([line], "template_reference", "neg-reference", False, line)
    out.append(g)
    return out


def sp_wpconfig(used):
    f = File(unique_path("wp-config.php", used), "php")
    f.add(["<?php", "define( 'DB_NAME', 'wordpress' );", "define( 'DB_USER', 'wp_user' );"])
    v = any_password()
    f.add([f"define( 'DB_PASSWORD', '{v}' );"], "wordpress_db_password", "generic", True, v)
    f.add(["define( 'DB_HOST', 'localhost' );"])
    for k in R.sample(["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT"], 2):
        v = rs(64, ALNUM + "!#%&()*+,-.:;<=>?@[]^_{|}~")
        f.add([f"define( '{k}', '{v}' );"], "wordpress_salt", "generic", True, v)
    f.add(["$table_prefix = 'wp_';"])
    return [f]


def sp_appsettings(used):
    f = File(unique_path(R.choice(["appsettings.json", "src/Api/appsettings.Production.json"]), used), "json")
    kind, gen, _ = R.choice([c for c in CONN if c[0].startswith("adonet") or c[0].startswith("azure_")])
    v = gen()
    f.add(["{", '  "Logging": { "LogLevel": { "Default": "Information" } },', '  "ConnectionStrings": {'])
    f.add([f'    "DefaultConnection": "{v}"'], kind, "cloud-azure" if kind.startswith("azure") else "connection-string", True, v)
    f.add(["  },", '  "AllowedHosts": "*"', "}"])
    return [f]


def sp_webconfig(used):
    f = File(unique_path(R.choice(["Web.config", "src/Site/Web.Release.config"]), used), "xml")
    kind, gen, _ = R.choice([c for c in CONN if c[0].startswith("adonet") or c[0].startswith("odbc")])
    v = gen()
    f.add(['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>"])
    f.add([f'    <add name="Default" connectionString="{v}" providerName="System.Data.SqlClient" />'], kind, "connection-string", True, v)
    f.add(["  </connectionStrings>", "</configuration>"])
    return [f]


def sp_spring(used):
    f = File(unique_path("src/main/resources/application.yml", used), "yaml")
    kind, gen, _ = R.choice([c for c in CONN if c[0].startswith("jdbc")])
    v = gen()
    f.add(["spring:", "  datasource:"])
    f.add([f"    url: {v}"], kind, "connection-string", True, v)
    f.add([f"    username: {user()}"])
    p = any_password()
    f.add([f"    password: {p}"], "spring_datasource_password", "generic", True, p)
    f.add(["  jpa:", "    open-in-view: false"])
    return [f]


def sp_readme_placeholders(used):
    f = File(unique_path(R.choice(["README.md", "docs/getting-started.md"]), used), "markdown")
    f.add(["# Getting started", "", "Create a token and export it:", "```bash"])
    for line, kind in [("export GITHUB_TOKEN=<your-token>", "placeholder"), ("export OPENAI_API_KEY=sk-...", "placeholder"),
                       ("curl -u USERNAME:PASSWORD https://api.example.com/v1/ping", "placeholder"),
                       ('curl -H "Authorization: Bearer $TOKEN" https://api.example.com/me', "env_lookup"),
                       ("DATABASE_URL=postgres://user:password@localhost:5432/app", "placeholder"),
                       ("docker login -u $REGISTRY_USER -p $REGISTRY_PASSWORD", "env_lookup"), ("password: changeme  # change before deploying", "placeholder")]:
        if R.random() < 0.6:
            f.add([line], kind, "neg-placeholder" if kind == "placeholder" else "neg-reference", False, line)
    f.add(["```", "", f"[![codecov]({codecov_badge()})](https://codecov.io)"])
    f.labels.append({"file": f.path, "ftype": "markdown", "is_secret": False, "kind": "codecov_badge", "family": "neg-public", "line": len(f.lines), "line_end": len(f.lines), "sha256": short(f.lines[-1])})
    return [f]


def sp_lockfile(used):
    f = File(unique_path(R.choice(["package-lock.json", "web/package-lock.json"]), used), "json")
    f.add(["{", '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {'])
    for p in R.sample(["lodash", "react", "axios", "chalk", "debug", "ms", "semver"], 3):
        v = sri()
        f.add([f'    "node_modules/{p}": {{', f'      "version": "{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}",',
               f'      "resolved": "https://registry.npmjs.org/{p}/-/{p}-1.0.0.tgz",'])
        f.add([f'      "integrity": "{v}"'], "sri_integrity", "neg-hash", False, v)
        f.add(["    },"])
    f.add(["  }", "}"])
    return [f]


def sp_sops(used):
    f = File(unique_path(R.choice(["secrets.enc.yaml", "deploy/secrets.sops.yaml"]), used), "yaml")
    for k in R.sample(["db_password", "api_key", "stripe_secret", "jwt_secret"], 3):
        v = sops_value()
        f.add([f"{k}: {v}"], "sops_encrypted", "neg-encrypted", False, v)
    f.add(["sops:", "    kms: []", f"    lastmodified: \"2025-0{R.randint(1, 9)}-1{R.randint(0, 9)}T10:00:00Z\"", f"    mac: {sops_value()}", "    version: 3.9.0"])
    return [f]


def sp_public_pem(used):
    f = File(unique_path(R.choice(["certs/ca.crt", "keys/jwt-public.pem", "tls/server.crt"]), used), "pem")
    if R.random() < 0.5:
        lines = pem("CERTIFICATE", der(0x30, bytes(R.getrandbits(8) for _ in range(700))))
        f.add(lines, "certificate", "neg-public", False, "\n".join(lines))
    else:
        lines = pem("PUBLIC KEY", der(0x30, bytes(R.getrandbits(8) for _ in range(290))))
        f.add(lines, "public_key_pem", "neg-public", False, "\n".join(lines))
    return [f]


SPECIALS = [(sp_pem_file, 60), (sp_putty, 12), (sp_embedded_key, 40), (sp_gcp_sa, 15), (sp_aws_credentials, 12), (sp_kubeconfig, 30),
            (sp_kubeconfig_exec, 6), (sp_k8s_secret, 30), (sp_sealed, 10), (sp_configmap, 8), (sp_docker_config, 20), (sp_npmrc, 20),
            (sp_pypirc, 10), (sp_netrc, 15), (sp_git_credentials, 15), (sp_misc_stores, 36), (sp_htpasswd, 15), (sp_shadow, 12),
            (sp_terraform_provider, 15), (sp_ansible, 12), (sp_wpconfig, 10), (sp_appsettings, 12), (sp_webconfig, 10), (sp_spring, 12),
            (sp_readme_placeholders, 20), (sp_lockfile, 10), (sp_sops, 10), (sp_public_pem, 15)]


def main():
    global R
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=11_2026)
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--per-format", type=int, default=10)
    a = ap.parse_args()
    R = random.Random(a.seed)
    tree = os.path.join(a.out, "tree")
    shutil.rmtree(tree, ignore_errors=True)
    used, files = set(), []
    for fn, n in SPECIALS:
        for _ in range(n):
            files.extend(fn(used))
    generic_files(make_items(a.per_format), files, used)
    labels = []
    for f in files:
        p = os.path.join(tree, f.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as fh:
            fh.write("\n".join(f.lines) + "\n")
        labels.extend(f.labels)
    labels.sort(key=lambda l: (l["file"], l["line"]))
    with open(os.path.join(a.out, "labels.jsonl"), "w") as fh:
        for l in labels:
            row = {k: l[k] for k in ("file", "ftype", "is_secret", "kind", "family", "line", "line_end", "sha256")}
            row["context"] = l.get("context", "named")
            fh.write(json.dumps(row) + "\n")
    pos = [l for l in labels if l["is_secret"]]
    print(f"{len(files)} files, {len(pos)} secrets of {len({l['kind'] for l in pos})} kinds in {len({l['family'] for l in pos})} families, "
          f"{len(labels) - len(pos)} negatives of {len({l['kind'] for l in labels if not l['is_secret']})} kinds")


if __name__ == "__main__":
    main()
