# Reading aid for labeling (bench/classes-heldout-3): each drawn file without its leading licence
# comment, the first LIM characters of its non-blank lines, then up to 10 class-suggestive lines of
# the rest. Labels were given by reading; this only prints.
import json, sys, re
B = '/work/data/heldout3'; W = '/work/wt-classes3/bench/classes-heldout-3/'
ents = json.load(open(B + '/entries.json'))
a, n = int(sys.argv[1]), int(sys.argv[2]); LIM = int(sys.argv[3]) if len(sys.argv) > 3 else 500
KW = re.compile(r'(?i)passw|auth|token|session|secret|cred|crypt|cipher|sign|hash|jwt|oauth|login|role|perm|tls|ssl|vault|hmac|bcrypt|verify|private|apiVersion|kind:|resource "|FROM |RUN |image:|runs-on|dependencies|grant|keyring|getenv|environ|process\.env')
for k, x in enumerate(ents[a:a + n]):
    t = open(W + x['file'], encoding='utf-8', errors='replace').read()
    ls = [l.rstrip() for l in t.splitlines() if l.strip()]
    i = 0
    while i < len(ls) and re.match(r'\s*(#(?!!)|//|/\*|\*|\*/|"""|--|<!--)', ls[i]) and i < 40: i += 1
    body = '\n'.join(ls[i:])
    print(f"##### [{a+k}] {x['path']} | {x['source']['package']} | {x['lang']} | {x['size']}B{' EXCERPT' if x['excerpt_lines'] else ''} | {x['draw']}")
    if len(body) <= LIM: print(body)
    else:
        print(body[:LIM]); rest = body[LIM:].splitlines()[1:]
        kw = [l.strip()[:130] for l in rest if KW.search(l)]
        print(f"  ..[{len(rest)} more; {len(kw)} kw]"); print('\n'.join('  > ' + l for l in kw[:10]))
