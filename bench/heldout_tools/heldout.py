"""Shared parts of the held-out set tools (bench/classes-heldout-3 drew with copies of these; heldout-4
and later import them). Every function takes the download directory B (packages under B/pypi, B/npm,
B/crates, B/deb/bin, B/deb/src; extracted to B/x; manifest.json, inventory.json written there)."""
import glob, hashlib, json, os, random, re, subprocess, tarfile, urllib.request, zipfile
from collections import Counter, defaultdict


def crates_download(names, dest, agent):
    """Newest non-yanked, non-prerelease version of each crate, from the crates.io sparse index."""
    def idx(n):
        n = n.lower()
        p = f'{len(n)}/{n}' if len(n) <= 2 else f'3/{n[0]}/{n}' if len(n) == 3 else f'{n[:2]}/{n[2:4]}/{n}'
        return 'https://index.crates.io/' + p
    H = {'User-Agent': agent}
    for c in names:
        try:
            lines = urllib.request.urlopen(urllib.request.Request(idx(c), headers=H)).read().decode().splitlines()
            vs = [json.loads(l) for l in lines]
            v = [v for v in vs if not v.get('yanked') and '-' not in v['vers']][-1]['vers']
            data = urllib.request.urlopen(urllib.request.Request(
                f'https://static.crates.io/crates/{c}/{c}-{v}.crate', headers=H)).read()
            open(f'{dest}/{c}-{v}.crate', 'wb').write(data); print('ok', c, v)
        except Exception as e:
            print('FAIL crate', c, e)


def extract(B, GH=()):
    """Unpacks every downloaded artifact (and GitHub snapshots GH under /work/.mirror) into B/x and
    writes B/manifest.json (registry, package, version, artifact, root inside the artifact)."""
    X = B + '/x'
    man = {}
    def tx(arch, dest):
        os.makedirs(dest, exist_ok=True)
        subprocess.run(['tar', 'xf', arch, '-C', dest], check=True)
    def tx(arch, dest):
        os.makedirs(dest, exist_ok=True)
        subprocess.run(['tar','xf',arch,'-C',dest],check=True)
    for w in glob.glob(B+'/pypi/*.whl'):
        fn=os.path.basename(w); name,ver=fn.split('-')[:2]
        d=f'{X}/pypi-{name.lower()}'; os.makedirs(d,exist_ok=True)
        zipfile.ZipFile(w).extractall(d)
        man[os.path.basename(d)]=dict(registry='pypi',package=name.lower().replace('_','-'),version=ver,artifact=fn,root='')
    for t in glob.glob(B+'/npm/*.tgz'):
        fn=os.path.basename(t); base=fn[:-4]; name,ver=base.rsplit('-',1)
        d=f'{X}/npm-{name}'; tx(t,d)
        pk=json.load(open(d+'/package/package.json'))
        man[os.path.basename(d)]=dict(registry='npm',package=pk['name'],version=pk['version'],artifact=fn,root='package/')
    for c in glob.glob(B+'/crates/*.crate'):
        fn=os.path.basename(c); base=fn[:-6]; name,ver=base.rsplit('-',1)
        d=f'{X}/crate-{name}'; tx(c,d)
        man[os.path.basename(d)]=dict(registry='crates.io',package=name,version=ver,artifact=fn,root=f'{base}/')
    for b in glob.glob(B+'/deb/bin/*.deb'):
        fn=os.path.basename(b); name,ver=fn.split('_')[:2]; ver=ver.replace('%3a',':')
        d=f'{X}/debbin-{name}'; os.makedirs(d,exist_ok=True)
        subprocess.run(['dpkg-deb','-x',b,d],check=True)
        man[os.path.basename(d)]=dict(registry='debian',kind='binary',package=name,version=ver,artifact=fn,root='')
    for dsc in glob.glob(B+'/deb/src/*.dsc'):
        fn=os.path.basename(dsc); name,ver=fn[:-4].split('_')
        upver=ver.split('-')[0] if '-' in ver else ver
        origs=glob.glob(f'{B}/deb/src/{name}_{upver}.orig.tar.*'); debs=glob.glob(f'{B}/deb/src/{name}_{ver}.debian.tar.*')
        if not origs: continue
        d=f'{X}/debsrc-{name}'; tx(origs[0],d)
        subs=[s for s in os.listdir(d)]
        root=subs[0]+'/' if len(subs)==1 and os.path.isdir(d+'/'+subs[0]) else ''
        if debs: tx(debs[0], d+'/'+root)
        man[os.path.basename(d)]=dict(registry='debian',kind='source',package=name,version=ver,artifact=fn,root=root)
    for repo in GH:
        m='/work/.mirror/'+repo.replace('/','+')+'/repo'
        commit=subprocess.run(['git','--git-dir',m,'rev-parse','HEAD'],capture_output=True,text=True).stdout.strip()
        d=f'{X}/gh-{repo.replace("/","+")}'; os.makedirs(d,exist_ok=True)
        lt=subprocess.run(['git','--git-dir',m,'ls-tree','-r','-l','HEAD'],capture_output=True,text=True).stdout
        for line in lt.splitlines():
            meta,path=line.split('\t',1); mode,typ,oid,size=meta.split()
            if typ!='blob' or mode=='120000' or not size.isdigit() or int(size)>200000: continue
            r=subprocess.run(['git','--git-dir',m,'cat-file','blob',oid],capture_output=True)
            if r.returncode: continue
            os.makedirs(os.path.dirname(d+'/'+path),exist_ok=True); open(d+'/'+path,'wb').write(r.stdout)
        man[os.path.basename(d)]=dict(registry='github',package=repo,version=commit,artifact='git archive HEAD',root='')
    json.dump(man, open(B + '/manifest.json', 'w'), indent=1)
    return man

EXT = {'.py':'python','.js':'javascript','.mjs':'javascript','.cjs':'javascript','.ts':'typescript','.mts':'typescript','.cts':'typescript','.tsx':'typescript','.jsx':'javascript','.go':'go','.java':'java','.kt':'kotlin','.kts':'kotlin','.rs':'rust','.rb':'ruby','.erb':'erb','.cs':'csharp','.php':'php','.sh':'shell','.bash':'shell','.tf':'hcl','.hcl':'hcl','.yaml':'yaml','.yml':'yaml','.json':'json','.toml':'toml','.md':'markdown','.rst':'rst','.txt':'text','.html':'html','.lock':'lockfile','.mod':'gomod','.sum':'gosum','.gradle':'groovy','.xml':'xml','.tpl':'helm-template','.j2':'jinja','.cfg':'ini','.ini':'ini','.css':'css','.properties':'properties','.gemspec':'ruby','.csproj':'xml','.sln':'text','.props':'xml','.tfvars':'hcl','.razor':'html'}
NAMES = {'Dockerfile':'dockerfile','Makefile':'make','Gemfile':'ruby','Rakefile':'ruby','Jenkinsfile':'groovy','rules':'make','control':'debian-control','Containerfile':'dockerfile'}


def lang(p):
    b=os.path.basename(p)
    if b in NAMES: return NAMES[b]
    if b.startswith('Dockerfile'): return 'dockerfile'
    return EXT.get(os.path.splitext(b)[1].lower())
def mapped(man, src, rel):
    m=man[src]
    if m['registry']=='debian' and m.get('kind')=='binary':
        if rel.startswith('usr/share/doc/') or '/specifications/' in rel or rel.startswith('usr/share/lintian'): return None
        g=re.match(r'usr/share/gocode/src/[^/]+/[^/]+/[^/]+/(.*)',rel)
        if g: return g.group(1)
        g=re.match(r'usr/share/php/(.*)',rel)
        if g: return 'src/'+g.group(1)
        g=re.match(r'usr/(?:share|lib/[^/]+)/rubygems-integration/[^/]+/gems/[^/]+/(.*)',rel)
        if g: return g.group(1)
        g=re.match(r'usr/lib/ruby/vendor_ruby/(.*)',rel)
        if g: return 'lib/'+g.group(1)
        if re.match(r'(usr/bin/|usr/sbin/|usr/share/(easy-rsa|dehydrated)/|etc/)',rel): return rel
        return None
    if m['registry']=='pypi' and '.dist-info/' in rel: return None
    r=m['root']
    if r and rel.startswith(r): return rel[len(r):]
    return rel

def inventory(B):
    """Every UTF-8 text file of a known language in B/x, with its path inside the package."""
    X = B + '/x'
    man = json.load(open(B + '/manifest.json'))
    inv=[]
    for src in sorted(man):
        base=f'{X}/{src}'
        for dp,dn,fn in os.walk(base):
            dn.sort()
            for f in sorted(fn):
                full=os.path.join(dp,f); rel=os.path.relpath(full,base)
                if os.path.islink(full): continue
                p=mapped(man,src,rel)
                if p is None: continue
                l=lang(p); sz=os.path.getsize(full)
                if l is None and '.' not in os.path.basename(p) and sz:
                    h=open(full,'rb').read(80)
                    if re.match(rb'#!\s*/(usr/)?bin/(env\s+)?(ba|da|z)?sh\b',h): l='shell'
                if l is None or sz==0: continue
                try: open(full,'rb').read().decode('utf-8')
                except: continue
                inv.append(dict(src=src,rel=rel,path=p,lang=l,size=sz))
    json.dump(inv, open(B + '/inventory.json', 'w'))
    print(len(inv), Counter(i['lang'] for i in inv).most_common(40))
    return inv

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
TLANGS = {'python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'rust', 'ruby', 'csharp', 'php', 'shell',
          'hcl', 'yaml', 'json', 'toml', 'groovy', 'xml', 'dockerfile', 'helm-template', 'gomod', 'gosum',
          'debian-control', 'jinja', 'text', 'lockfile'}
SKIP_SUFFIX = ('.min.js', '.map', '.d.ts', '.d.mts', '.d.cts')


def draw_targets(B, seed, n, per_pkg=3, per_repo=10):
    """Files whose name or parent directory suggests a class, or manifests/CI/infra files, <= 64 KB,
    at most per_pkg per registry package (per_repo per GitHub repository), shuffled, cut to n."""
    inv = json.load(open(B + '/inventory.json'))
    pool = defaultdict(list)
    for i in inv:
        p = i['path']
        if i['lang'] not in TLANGS or i['size'] > 65536 or p.endswith(SKIP_SUFFIX):
            continue
        if i['lang'] == 'text' and not re.search(r'requirements[^/]*\.txt$', p):
            continue
        base = p.rsplit('/', 1)[-1]
        if WORD.search(base) or MANI.search(p) or CIP.search(p) or WORD.search(p.rsplit('/', 2)[-2] if '/' in p else ''):
            pool[i['src']].append(i)
    rng = random.Random(seed)
    out = []
    for src in sorted(pool):
        c = pool[src][:]; rng.shuffle(c)
        out += [dict(i, draw='targeted') for i in c[:per_repo if src.startswith('gh-') else per_pkg]]
    rng.shuffle(out)
    out = out[:n]
    json.dump(out, open(B + '/targets.json', 'w'), indent=0)
    print(len(out), 'targeted of', sum(len(v) for v in pool.values()))
    return out


def draw_random(B, seed, quota, per_pkg=3):
    """Per-language quota over every text file <= 16 KB, at most per_pkg per package and language,
    targeted files excluded."""
    inv = json.load(open(B + '/inventory.json'))
    taken = {(t['src'], t['path']) for t in json.load(open(B + '/targets.json'))}
    rng = random.Random(seed)
    pool = defaultdict(list)
    for i in inv:
        if i['size'] <= 16384 and i['lang'] in quota and (i['src'], i['path']) not in taken \
                and not i['path'].endswith(SKIP_SUFFIX):
            pool[i['lang']].append(i)
    out = []
    for l, q in quota.items():
        c = pool[l][:]; rng.shuffle(c); per = defaultdict(int); k = 0
        for i in c:
            if k >= q: break
            if per[i['src']] >= per_pkg: continue
            per[i['src']] += 1; k += 1; out.append(dict(i, draw='random'))
    json.dump(out, open(B + '/random.json', 'w'), indent=0)
    print(len(out), 'random')
    return out


def prepare(B, OUT):
    """Copies the drawn files (random first, then targeted) into OUT/files (whole when <= 16 KB, else
    the first lines up to 16 KB, cut at a line end); writes B/entries.json with provenance."""
    os.makedirs(OUT + '/files', exist_ok=True)
    man = json.load(open(B + '/manifest.json'))
    inv = {(i['src'], i['path']): i for i in json.load(open(B + '/inventory.json'))}
    items = [(o['src'], o['path'], o['draw']) for f in ('random.json', 'targets.json') for o in json.load(open(f'{B}/{f}'))]
    seen = set(); ents = []
    for s, p, d in items:
        if (s, p) in seen: continue
        seen.add((s, p)); i = inv[(s, p)]
        data = open(f"{B}/x/{s}/{i['rel']}", 'rb').read()
        excerpt = None; stored = data
        if len(data) > 16384:
            cut = data[:16384]; stored = cut[:cut.rfind(b'\n') + 1]; excerpt = [1, stored.count(b'\n')]
        pkg = man[s]['package'].split('/')[-1].lstrip('@')
        slug = re.sub(r'[^a-z0-9]+', '-', (pkg + '-' + p).lower()).strip('-')[:70].rstrip('-')
        fid = slug; k = 2
        while any(e['id'] == fid for e in ents): fid = f'{slug}-{k}'; k += 1
        fn = f'files/{fid}--{os.path.basename(p)}'
        open(f'{OUT}/{fn}', 'wb').write(stored)
        m = man[s]
        src = dict(registry=m['registry'], package=m['package'], version=m['version'], artifact=m['artifact'],
                   path_in_package=i['rel'], sha256=hashlib.sha256(data).hexdigest())
        if m.get('kind'): src['debian'] = m['kind']
        ents.append(dict(id=fid, path=p, lang=i['lang'], draw=d, file=fn, size=len(data), excerpt_lines=excerpt,
                         sha256=hashlib.sha256(stored).hexdigest(), source=src))
    json.dump(ents, open(B + '/entries.json', 'w'), indent=1)
    print(len(ents), Counter(e['draw'] for e in ents))
    return ents


LABEL_LANG = {'helm-template': 'helm', 'erb': 'ruby', 'gomod': 'go-mod', 'lockfile': 'toml'}


def build_labels(B, OUT, prune=False):
    """OUT/tools/labels.tsv (index, classes|-|SKIP, p|h, rationale) -> OUT/labels.jsonl, skipped.jsonl."""
    ents = json.load(open(B + '/entries.json'))
    out = []; skipped = []
    for line in open(f'{OUT}/tools/labels.tsv'):
        idx, cls, kind, rat = line.rstrip('\n').split('\t')
        e = ents[int(idx)]
        if cls == 'SKIP':
            skipped.append((e, rat)); continue
        p = e['path']; lang = LABEL_LANG.get(e['lang'], e['lang'])
        if e['lang'] == 'yaml' and (p.endswith(('Chart.yaml', 'values.yaml')) or '/templates/' in p and 'charts/' in p):
            lang = 'helm'
        if e['lang'] == 'text' and p.endswith('requirements.txt'):
            lang = 'requirements'
        out.append(dict(id=e['id'], path=p, lang=lang, classes=[] if cls == '-' else sorted(cls.split(',')),
                        insecure=[], kind='hard-negative' if kind == 'h' else 'positive', rationale=rat,
                        reference_rules=[], file=e['file'], draw=e['draw'], excerpt_lines=e['excerpt_lines'],
                        sha256=e['sha256'], source=e['source']))
    with open(OUT + '/labels.jsonl', 'w') as f:
        for o in out: f.write(json.dumps(o, ensure_ascii=False) + '\n')
    with open(OUT + '/skipped.jsonl', 'w') as f:
        for e, r in skipped:
            f.write(json.dumps(dict(id=e['id'], path=e['path'], draw=e['draw'], reason=r, source=e['source']),
                               ensure_ascii=False) + '\n')
    if prune:
        keep = {o['file'] for o in out}
        for fn in os.listdir(OUT + '/files'):
            if 'files/' + fn not in keep: os.remove(OUT + '/files/' + fn)
    print(len(out), 'labeled', len(skipped), 'skipped')
