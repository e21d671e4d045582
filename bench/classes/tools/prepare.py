import json, hashlib, os, re
B='/work/data/classeval'; OUT='/work/wt-classeval/bench/classes/files'
os.makedirs(OUT,exist_ok=True)
man=json.load(open(B+'/manifest.json'))
inv={(i['src'],i['path']):i for i in json.load(open(B+'/inventory.json'))}
items=[]
for o in json.load(open(B+'/random.json')): items.append((o['src'],o['path'],'random'))
for f,d in [('targets.txt','targeted'),('hardneg.txt','hard-negative')]:
    for l in open(B+'/'+f):
        s,p=l.split(); items.append((s,p,d))
for o in json.load(open(B+'/random2.json')): items.append((o['src'],o['path'],'random'))
for l in open(B+'/targets2.txt'):
    s,p=l.split(); items.append((s,p,'targeted'))
for l in open(B+'/hardneg2.txt'):
    s,p=l.split(); items.append((s,p,'hard-negative'))
seen=set(); ents=[]
for s,p,d in items:
    if (s,p) in seen: continue
    seen.add((s,p)); i=inv[(s,p)]
    data=open(f"{B}/x/{s}/{i['rel']}",'rb').read()
    excerpt=None
    if len(data)>16384:
        cut=data[:16384]; cut=cut[:cut.rfind(b'\n')+1]; excerpt=[1,cut.count(b'\n')]; stored=cut
    else: stored=data
    pkg=man[s]['package'].split('/')[-1].lstrip('@')
    slug=re.sub(r'[^a-z0-9]+','-',(pkg+'-'+p).lower()).strip('-')
    slug=slug[:70].rstrip('-')
    base=os.path.basename(p)
    fid=slug; n=2
    while any(e['id']==fid for e in ents): fid=f'{slug}-{n}'; n+=1
    fn=f'files/{fid}--{base}'
    open('/work/wt-classeval/bench/classes/'+fn,'wb').write(stored)
    m=man[s]
    src=dict(registry=m['registry'],package=m['package'],version=m['version'],artifact=m['artifact'],path_in_package=i['rel'],sha256=hashlib.sha256(data).hexdigest())
    if m.get('kind'): src['debian']=m['kind']
    ents.append(dict(id=fid,path=p,lang=i['lang'],draw=d,file=fn,size=len(data),excerpt_lines=excerpt,sha256=hashlib.sha256(stored).hexdigest(),source=src))
json.dump(ents,open(B+'/entries.json','w'),indent=1)
from collections import Counter
print(len(ents),Counter(e['draw'] for e in ents),sum(1 for e in ents if e['excerpt_lines']))
