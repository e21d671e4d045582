import os, json, re
B='/work/data/heldout3'; X=B+'/x'
man=json.load(open(B+'/manifest.json'))
EXT={'.py':'python','.js':'javascript','.mjs':'javascript','.cjs':'javascript','.ts':'typescript','.mts':'typescript','.cts':'typescript','.tsx':'typescript','.jsx':'javascript','.go':'go','.java':'java','.kt':'kotlin','.kts':'kotlin','.rs':'rust','.rb':'ruby','.erb':'erb','.cs':'csharp','.php':'php','.sh':'shell','.bash':'shell','.tf':'hcl','.hcl':'hcl','.yaml':'yaml','.yml':'yaml','.json':'json','.toml':'toml','.md':'markdown','.rst':'rst','.txt':'text','.html':'html','.lock':'lockfile','.mod':'gomod','.sum':'gosum','.gradle':'groovy','.xml':'xml','.tpl':'helm-template','.j2':'jinja','.cfg':'ini','.ini':'ini','.css':'css','.properties':'properties','.gemspec':'ruby','.csproj':'xml','.sln':'text','.props':'xml','.tfvars':'hcl','.razor':'html'}
NAMES={'Dockerfile':'dockerfile','Makefile':'make','Gemfile':'ruby','Rakefile':'ruby','Jenkinsfile':'groovy','rules':'make','control':'debian-control','Containerfile':'dockerfile'}
def lang(p):
    b=os.path.basename(p)
    if b in NAMES: return NAMES[b]
    if b.startswith('Dockerfile'): return 'dockerfile'
    return EXT.get(os.path.splitext(b)[1].lower())
def mapped(src, rel):
    m=man[src]
    if m['registry']=='debian' and m.get('kind')=='binary':
        if rel.startswith('usr/share/doc/') or '/specifications/' in rel or rel.startswith('usr/share/lintian'): return None
        g=re.match(r'usr/share/gocode/src/[^/]+/[^/]+/[^/]+/(.*)',rel)
        if g: return g.group(1)
        g=re.match(r'usr/share/php/(.*)',rel)
        if g: return 'src/'+g.group(1)
        g=re.match(r'usr/(?:share|lib/[^/]+)/rubygems-integration/[^/]+/gems/[^/]+/(.*)',rel)
        if g: return g.group(1)
        g=re.match(r'usr/lib/ruby/vendor_ruby/(.*)',rel)
        if g: return 'lib/'+g.group(1)
        if re.match(r'(usr/bin/|usr/sbin/|usr/share/(easy-rsa|dehydrated)/|etc/)',rel): return rel
        return None
    if m['registry']=='pypi' and '.dist-info/' in rel: return None
    r=m['root']
    if r and rel.startswith(r): return rel[len(r):]
    return rel
inv=[]
for src in sorted(man):
    base=f'{X}/{src}'
    for dp,dn,fn in os.walk(base):
        dn.sort()
        for f in sorted(fn):
            full=os.path.join(dp,f); rel=os.path.relpath(full,base)
            if os.path.islink(full): continue
            p=mapped(src,rel)
            if p is None: continue
            l=lang(p); sz=os.path.getsize(full)
            if l is None and '.' not in os.path.basename(p) and sz:
                h=open(full,'rb').read(80)
                if re.match(rb'#!\s*/(usr/)?bin/(env\s+)?(ba|da|z)?sh\b',h): l='shell'
            if l is None or sz==0: continue
            try: open(full,'rb').read().decode('utf-8')
            except: continue
            inv.append(dict(src=src,rel=rel,path=p,lang=l,size=sz))
json.dump(inv,open(B+'/inventory.json','w'))
from collections import Counter
print(len(inv)); print(Counter(i['lang'] for i in inv).most_common(40))
