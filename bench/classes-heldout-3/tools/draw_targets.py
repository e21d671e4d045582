# Targeted draw for bench/classes-heldout-3: files whose path suggests a class (a name or directory
# about auth, sessions, tokens, crypto, keys, secrets, credentials, TLS; or a manifest, lockfile, CI,
# container, Terraform, Helm, Kubernetes or Ansible file), drawn at random (seed 20261206) rather than
# hand-picked, at most 3 per registry package and 10 per GitHub repository, <= 64 KB, no minified or type-declaration files. Labeled by
# reading: a targeted file can carry fewer or other classes than its path suggests.
import json, random, re
from collections import defaultdict
B = '/work/data/heldout3'
inv = json.load(open(B + '/inventory.json'))
WORD = re.compile(r'(?i)auth|login|logon|session|csrf|xsrf|token|jwt|jws|jwe|jwk|oauth|oidc|openid|saml|sso|passw|'
                  r'credential|secret|keyring|keychain|vault|crypt|cipher|aes|rsa|ecdsa|ed25519|x25519|hmac|sign|'
                  r'hash|digest|kdf|bcrypt|argon|scrypt|pbkdf|tls|ssl|cert|x509|pem|key|nonce|random|permission|'
                  r'role|policy|acl|rbac|access|guard|principal|identity|realm|ldap|sasl|scram|totp|otp|webauthn')
MANI = re.compile(r'(^|/)(package\.json|Cargo\.toml|go\.mod|go\.sum|pom\.xml|build\.gradle(\.kts)?|[^/]*\.csproj|'
                  r'Directory\.Packages\.props|requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|composer\.json|'
                  r'Gemfile|[^/]*\.gemspec|control|Dockerfile[^/]*|[^/]*\.tf|[^/]*\.hcl|Chart\.yaml|values[^/]*\.yaml|'
                  r'docker-compose[^/]*\.ya?ml|[^/]*\.j2)$')
CIP = re.compile(r'(^|/)\.github/workflows/|(^|/)\.(gitlab-ci|travis|pre-commit-config)\.ya?ml$|/templates/[^/]+\.(yaml|yml|tpl)$|'
                 r'(^|/)(tasks|defaults|handlers|vars|meta)/main\.ya?ml$|(^|/)molecule/')
LANGS = {'python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'rust', 'ruby', 'csharp', 'php', 'shell',
         'hcl', 'yaml', 'json', 'toml', 'groovy', 'xml', 'dockerfile', 'helm-template', 'gomod', 'gosum',
         'debian-control', 'jinja', 'text', 'lockfile'}
pool = defaultdict(list)
for i in inv:
    p = i['path']
    if i['lang'] not in LANGS or i['size'] > 65536 or p.endswith(('.min.js', '.map', '.d.ts', '.d.mts', '.d.cts')):
        continue
    if i['lang'] == 'text' and not re.search(r'requirements[^/]*\.txt$', p):
        continue
    base = p.rsplit('/', 1)[-1]
    if WORD.search(base) or MANI.search(p) or CIP.search(p) or WORD.search(p.rsplit('/', 2)[-2] if '/' in p else ''):
        pool[i['src']].append(i)
rng = random.Random(20261206)
out = []
for src in sorted(pool):
    c = pool[src][:]; rng.shuffle(c)
    out += [dict(i, draw='targeted') for i in c[:10 if src.startswith('gh-') else 3]]
rng.shuffle(out)
out = out[:230]
json.dump(out, open(B + '/targets.json', 'w'), indent=0)
with open('/work/wt-classes3/bench/classes-heldout-3/tools/targets.txt', 'w') as f:
    for i in out: f.write(f"{i['src']} {i['path']}\n")
from collections import Counter
print(len(out), sum(len(v) for v in pool.values()), Counter(i['lang'] for i in out).most_common())
