# Turns the labeling sheet (labels.tsv: index, classes|-|SKIP, p|h, rationale) into labels.jsonl and
# skipped.jsonl in the format of bench/classes; with --prune removes stored files of skipped entries.
import json, os, sys
B = '/work/data/heldout3'; W = '/work/wt-classes3/bench/classes-heldout-3'
ents = json.load(open(B + '/entries.json'))
LANG = {'markdown': 'markdown', 'helm-template': 'helm', 'erb': 'ruby', 'debian-control': 'debian-control',
        'gomod': 'go-mod', 'gosum': 'gosum', 'lockfile': 'toml', 'groovy': 'groovy', 'make': 'make', 'jinja': 'jinja'}
out = []; skipped = []
for line in open(f'{W}/tools/labels.tsv'):
    idx, cls, kind, rat = line.rstrip('\n').split('\t')
    e = ents[int(idx)]
    if cls == 'SKIP':
        skipped.append((e, rat)); continue
    classes = [] if cls == '-' else sorted(cls.split(','))
    lang = LANG.get(e['lang'], e['lang'])
    p = e['path']
    if e['lang'] == 'yaml' and (p.endswith(('Chart.yaml', 'values.yaml')) or ('/templates/' in p and 'charts/' in p) or p.startswith('helm-chart/')):
        lang = 'helm'
    if e['lang'] == 'text' and p.endswith('requirements.txt'):
        lang = 'requirements'
    if p.endswith('.tpl') and 'terraform' in e['source']['package']:
        lang = 'hcl-template'
    out.append(dict(id=e['id'], path=p, lang=lang, classes=classes, insecure=[],
                    kind='hard-negative' if kind == 'h' else 'positive', rationale=rat, reference_rules=[],
                    file=e['file'], draw=e['draw'], excerpt_lines=e['excerpt_lines'], sha256=e['sha256'],
                    source=e['source']))
with open(W + '/labels.jsonl', 'w') as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + '\n')
with open(W + '/skipped.jsonl', 'w') as f:
    for e, r in skipped:
        f.write(json.dumps(dict(id=e['id'], path=e['path'], draw=e['draw'], reason=r, source=e['source']),
                           ensure_ascii=False) + '\n')
if '--prune' in sys.argv:
    keep = {o['file'] for o in out}
    for fn in os.listdir(W + '/files'):
        if 'files/' + fn not in keep: os.remove(W + '/files/' + fn)
print(len(out), 'labeled', len(skipped), 'skipped')
