# Random draw for bench/classes-heldout: uniform per language over every text file <= 16 KB of all
# downloaded packages (inventory.json), seed 20261202, at most 3 per package and language, files
# already picked as targets or hard negatives excluded.
import json, random
from collections import defaultdict
B = '/work/data/heldout'
inv = json.load(open(B + '/inventory.json'))
taken = set()
for f in ('targets.txt', 'hardneg.txt'):
    for l in open(f'{B}/../../wt-heldout/bench/classes-heldout/tools/{f}'):
        s, p = l.split(); taken.add((s, p))
Q = {'python': 15, 'javascript': 10, 'typescript': 7, 'go': 9, 'java': 5, 'kotlin': 2, 'rust': 10, 'ruby': 7,
     'csharp': 7, 'php': 7, 'shell': 4, 'hcl': 4, 'yaml': 8, 'json': 3, 'markdown': 3, 'toml': 2, 'groovy': 1, 'xml': 1}
rng = random.Random(20261202)
pool = defaultdict(list)
for i in inv:
    if i['size'] <= 16384 and i['lang'] in Q and (i['src'], i['path']) not in taken \
            and not i['path'].endswith(('.min.js', '.map')):
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
