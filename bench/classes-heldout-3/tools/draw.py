# Random draw for bench/classes-heldout-3: per-language quota over every text file <= 16 KB of all
# downloaded packages (inventory.json), seed 20261207, at most 3 per package and language, targeted
# files (targets.txt) excluded.
import json, random
from collections import defaultdict
B = '/work/data/heldout3'; T = '/work/wt-classes3/bench/classes-heldout-3/tools'
inv = json.load(open(B + '/inventory.json'))
taken = set()
for l in open(f'{T}/targets.txt'):
    s, p = l.split(); taken.add((s, p))
Q = {'python': 12, 'javascript': 8, 'typescript': 6, 'go': 8, 'java': 10, 'kotlin': 6, 'rust': 8, 'ruby': 8,
     'csharp': 6, 'php': 8, 'shell': 8, 'hcl': 4, 'yaml': 6, 'json': 2, 'markdown': 2, 'toml': 1, 'dockerfile': 2,
     'xml': 1, 'properties': 1}
rng = random.Random(20261207)
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
