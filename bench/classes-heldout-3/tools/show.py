# Prints drawn files for labeling: the first LIM characters of non-blank lines, then the lines of the
# rest that carry a class-suggestive word (a reading aid; labels were given by reading the files).
import json, sys, re
B = '/work/data/heldout3'; W = '/work/wt-classes3/bench/classes-heldout-3/'
ents = json.load(open(B + '/entries.json'))
a, n = int(sys.argv[1]), int(sys.argv[2]); LIM = int(sys.argv[3]) if len(sys.argv) > 3 else 1200
KW = re.compile(r'(?i)passw|auth|token|session|secret|cred|crypt|cipher|sign|hash|key|jwt|oauth|login|role|perm|tls|ssl|vault|hmac|bcrypt|verify')
for k, x in enumerate(ents[a:a + n]):
    t = open(W + x['file'], encoding='utf-8', errors='replace').read()
    body = '\n'.join(l.rstrip() for l in t.splitlines() if l.strip())
    print(f"##### [{a+k}] {x['path']} | {x['source']['package']} | {x['lang']} | {x['size']}B{' EXCERPT' if x['excerpt_lines'] else ''} | {x['draw']}")
    if len(body) <= LIM: print(body)
    else:
        print(body[:LIM]); rest = body[LIM:].splitlines()[1:]
        kw = [l.strip()[:140] for l in rest if KW.search(l)]
        print(f"  ... [{len(rest)} more lines; {len(kw)} keyword lines:]"); print('\n'.join('  > ' + l for l in kw[:8]))
