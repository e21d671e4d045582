import json, urllib.request, sys, os
def idx(n):
    n=n.lower()
    if len(n)<=2: p=f'{len(n)}/{n}'
    elif len(n)==3: p=f'3/{n[0]}/{n}'
    else: p=f'{n[:2]}/{n[2:4]}/{n}'
    return 'https://index.crates.io/'+p
H={'User-Agent':'git-charter bench/classes-heldout-3'}
for c in sys.argv[1:]:
    try:
        lines=urllib.request.urlopen(urllib.request.Request(idx(c),headers=H)).read().decode().splitlines()
        vs=[json.loads(l) for l in lines]; vs=[v for v in vs if not v.get('yanked') and '-' not in v['vers']]
        v=vs[-1]['vers']
        data=urllib.request.urlopen(urllib.request.Request(f'https://static.crates.io/crates/{c}/{c}-{v}.crate',headers=H)).read()
        open(f'{c}-{v}.crate','wb').write(data); print('ok',c,v)
    except Exception as e: print('FAIL crate',c,e)
