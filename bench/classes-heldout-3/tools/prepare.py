# Copies every drawn file into files/ (whole when <= 16 KB, else the first lines up to 16 KB, cut at a
# line end) and writes entries.json with provenance; order: random, targeted, hard-negative, then
# the second round (random2, targets2, hardneg2).
import json, hashlib, os, re
B = '/work/data/heldout3'; OUT = '/work/wt-classes3/bench/classes-heldout-3'
os.makedirs(OUT + '/files', exist_ok=True)
man = json.load(open(B + '/manifest.json'))
inv = {(i['src'], i['path']): i for i in json.load(open(B + '/inventory.json'))}
items = [(o['src'], o['path'], 'random') for o in json.load(open(B + '/random.json'))]
for f, d in [('targets.txt', 'targeted'), ('hardneg.txt', 'hard-negative')]:
    if not os.path.exists(f'{OUT}/tools/{f}'): continue
    for l in open(f'{OUT}/tools/{f}'):
        s, p = l.split(); items.append((s, p, d))
# second round, appended so that the indices of the first round stay stable
if os.path.exists(B + '/random2.json'):
    items += [(o['src'], o['path'], 'random') for o in json.load(open(B + '/random2.json'))]
for f, d in [('targets2.txt', 'targeted'), ('hardneg2.txt', 'hard-negative')]:
    if not os.path.exists(f'{OUT}/tools/{f}'): continue
    for l in open(f'{OUT}/tools/{f}'):
        s, p = l.split(); items.append((s, p, d))
seen = set(); ents = []
for s, p, d in items:
    if (s, p) in seen: continue
    seen.add((s, p)); i = inv[(s, p)]
    data = open(f"{B}/x/{s}/{i['rel']}", 'rb').read()
    excerpt = None
    if len(data) > 16384:
        cut = data[:16384]; cut = cut[:cut.rfind(b'\n') + 1]; excerpt = [1, cut.count(b'\n')]; stored = cut
    else:
        stored = data
    pkg = man[s]['package'].split('/')[-1].lstrip('@')
    slug = re.sub(r'[^a-z0-9]+', '-', (pkg + '-' + p).lower()).strip('-')[:70].rstrip('-')
    fid = slug; n = 2
    while any(e['id'] == fid for e in ents): fid = f'{slug}-{n}'; n += 1
    fn = f'files/{fid}--{os.path.basename(p)}'
    open(f'{OUT}/{fn}', 'wb').write(stored)
    m = man[s]
    src = dict(registry=m['registry'], package=m['package'], version=m['version'], artifact=m['artifact'],
               path_in_package=i['rel'], sha256=hashlib.sha256(data).hexdigest())
    if m.get('kind'): src['debian'] = m['kind']
    ents.append(dict(id=fid, path=p, lang=i['lang'], draw=d, file=fn, size=len(data), excerpt_lines=excerpt,
                     sha256=hashlib.sha256(stored).hexdigest(), source=src))
json.dump(ents, open(B + '/entries.json', 'w'), indent=1)
from collections import Counter
print(len(ents), Counter(e['draw'] for e in ents), sum(1 for e in ents if e['excerpt_lines']))
