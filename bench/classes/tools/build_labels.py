import json, os, sys
B='/work/data/classeval'; W='/work/wt-classeval/bench/classes'
ents={e['id']:e for e in json.load(open(B+'/entries.json'))}
order=json.load(open(B+'/order.json'))
LANG={'markdown':'markdown','helm-template':'helm','erb':'ruby','debian-control':'debian-control','gomod':'go-mod','gosum':'gosum','lockfile':'toml','groovy':'groovy','make':'make'}
out=[]; skipped=[]
for line in open(B+'/labels.tsv'):
    idx,cls,kind,rat=line.rstrip('\n').split('\t')
    e=ents[order[int(idx)]]
    if cls=='SKIP': skipped.append((e,rat)); continue
    classes=[] if cls=='-' else sorted(cls.split(','))
    lang=LANG.get(e['lang'],e['lang'])
    if e['path'].endswith(('Chart.yaml','values.yaml')) or '/templates/' in e['path'] and e['lang']=='yaml' and 'charts/' in e['path']: lang='helm'
    src=dict(e['source'])
    if src['package']=='golang-github-coreos-go-oidc' and src.get('debian')=='source':
        src=dict(registry='debian',package='golang-github-coreos-go-oidc-dev',version=src['version'],
                 artifact='golang-github-coreos-go-oidc-dev_2.1.0-2_all.deb',
                 path_in_package='usr/share/gocode/src/github.com/coreos/go-oidc/'+e['path'],sha256=src['sha256'],debian='binary',
                 note='drawn from the source package, whose .debian.tar is missing from the mirror; the binary package of the same version ships the identical file')
    out.append(dict(id=e['id'],path=e['path'],lang=lang,classes=classes,insecure=[],
        kind='hard-negative' if kind=='h' else 'positive',rationale=rat,reference_rules=[],file=e['file'],
        draw=e['draw'],excerpt_lines=e['excerpt_lines'],sha256=e['sha256'],source=src))
with open(W+'/labels.jsonl','w') as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
with open(W+'/skipped.jsonl','w') as f:
    for e,r in skipped: f.write(json.dumps(dict(id=e['id'],path=e['path'],draw=e['draw'],reason=r,source=e['source']),ensure_ascii=False)+'\n')
keep={o['file'] for o in out}
if '--prune' in sys.argv:
    for fn in os.listdir(W+'/files'):
        if 'files/'+fn not in keep: os.remove(W+'/files/'+fn)
print(len(out),'labeled',len(skipped),'skipped')
