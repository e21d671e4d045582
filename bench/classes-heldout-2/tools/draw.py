# Random draw for bench/classes-heldout-2: uniform per language over every text file <= 16 KB of all
# downloaded packages (inventory.json), seed 20261204, at most 3 per package and language, files
# already picked as targets (targets-picked.txt, before trimming) or hard negatives excluded.
# TypeScript, Kotlin and shell get more weight than in bench/classes-heldout.
import json, random
from collections import defaultdict
B = '/work/data/heldout2'; T = '/work/wt-heldout2/bench/classes-heldout-2/tools'
inv = json.load(open(B + '/inventory.json'))
taken = set()
for f in ('targets-picked.txt', 'hardneg.txt'):
    for l in open(f'{T}/{f}'):
        s, p = l.split(); taken.add((s, p))
Q = {'python': 12, 'javascript': 8, 'typescript': 14, 'go': 7, 'java': 6, 'kotlin': 8, 'rust': 8, 'ruby': 5,
     'csharp': 6, 'php': 5, 'shell': 10, 'hcl': 4, 'yaml': 8, 'json': 2, 'markdown': 2, 'toml': 1, 'groovy': 1,
     'dockerfile': 1}
rng = random.Random(20261204)
pool = defaultdict(list)
for i in inv:
    if i['size'] <= 16384 and i['lang'] in Q and (i['src'], i['path']) not in taken \
            and not i['path'].endswith(('.min.js', '.map', '.d.ts', '.d.mts', '.d.cts')):
        pool[i['lang']].append(i)
out = []
for l, q in Q.items():
    c = pool[l][:]; rng.shuffle(c); per = defaultdict(int); n = 0
    for i in c:
        if n >= q: break
        if per[i['src']] >= 3: continue
        per[i['src']] += 1; n += 1; out.append(dict(i, draw='random'))
json.dump(out, open(B + '/random.json', 'w'), indent=0)
print(len(out))
