import json, random
from collections import defaultdict
inv=json.load(open('inventory.json'))
Q={'python':22,'php':12,'javascript':12,'typescript':10,'csharp':8,'go':10,'rust':10,'java':6,'kotlin':6,'ruby':8,'yaml':8,'json':5,'markdown':6,'shell':4,'hcl':4,'toml':3,'helm-template':2,'html':2}
rng=random.Random(11)
pool=defaultdict(list)
for i in inv:
    if i['size']<=16384 and i['lang'] in Q and not i['path'].endswith(('.min.js','.map')): pool[i['lang']].append(i)
out=[]
for l,q in Q.items():
    c=pool[l][:]; rng.shuffle(c); per=defaultdict(int)
    for i in c:
        if len([o for o in out if o['lang']==l])>=q: break
        if per[i['src']]>=2: continue
        per[i['src']]+=1; out.append(dict(i,draw='random'))
json.dump(out,open('random.json','w'),indent=0)
print(len(out))
for o in out: print(o['src'],o['path'],o['size'])
