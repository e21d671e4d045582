# Second random draw for bench/classes-heldout-2: seed 20261205, 12 files uniform over every text file
# <= 16 KB in the listed languages (no per-language quota), files already drawn excluded, at most 2 per package.
import json, random
from collections import defaultdict
B = '/work/data/heldout2'; T = '/work/wt-heldout2/bench/classes-heldout-2/tools'
inv = json.load(open(B + '/inventory.json'))
taken = {(o['src'], o['path']) for o in json.load(open(B + '/random.json'))}
for f in ('targets-picked.txt', 'hardneg.txt'):
    for l in open(f'{T}/{f}'):
        s, p = l.split(); taken.add((s, p))
LANGS = {'python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'rust', 'ruby', 'csharp', 'php', 'shell',
         'hcl', 'yaml', 'json', 'markdown', 'toml', 'groovy', 'xml', 'dockerfile', 'helm-template'}
pool = [i for i in inv if i['size'] <= 16384 and i['lang'] in LANGS and (i['src'], i['path']) not in taken
        and not i['path'].endswith(('.min.js', '.map', '.d.ts', '.d.mts', '.d.cts'))]
rng = random.Random(20261205)
rng.shuffle(pool)
per = defaultdict(int); out = []
for i in pool:
    if len(out) >= 12: break
    if per[i['src']] >= 2: continue
    per[i['src']] += 1; out.append(dict(i, draw='random'))
json.dump(out, open(B + '/random2.json', 'w'), indent=0)
print(len(out))
