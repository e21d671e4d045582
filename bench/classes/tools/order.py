import json
e=json.load(open('entries.json'))
r=[x for x in e if x['draw']=='random']; t=[x for x in e if x['draw']=='targeted']; h=[x for x in e if x['draw']=='hard-negative']
out=[]
while r or t or h:
    for src,n in ((r,4),(t,7),(h,1)):
        for _ in range(n):
            if src: out.append(src.pop(0))
json.dump([x['id'] for x in out],open('order.json','w'))
print(len(out))
