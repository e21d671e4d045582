import os, sys, zipfile, tarfile, subprocess, json, glob, shutil
B='/work/data/heldout3'; X=B+'/x'
man={}
def tx(arch, dest):
    os.makedirs(dest, exist_ok=True)
    subprocess.run(['tar','xf',arch,'-C',dest],check=True)
for w in glob.glob(B+'/pypi/*.whl'):
    fn=os.path.basename(w); name,ver=fn.split('-')[:2]
    d=f'{X}/pypi-{name.lower()}'; os.makedirs(d,exist_ok=True)
    zipfile.ZipFile(w).extractall(d)
    man[os.path.basename(d)]=dict(registry='pypi',package=name.lower().replace('_','-'),version=ver,artifact=fn,root='')
for t in glob.glob(B+'/npm/*.tgz'):
    fn=os.path.basename(t); base=fn[:-4]; name,ver=base.rsplit('-',1)
    d=f'{X}/npm-{name}'; tx(t,d)
    pk=json.load(open(d+'/package/package.json'))
    man[os.path.basename(d)]=dict(registry='npm',package=pk['name'],version=pk['version'],artifact=fn,root='package/')
for c in glob.glob(B+'/crates/*.crate'):
    fn=os.path.basename(c); base=fn[:-6]; name,ver=base.rsplit('-',1)
    d=f'{X}/crate-{name}'; tx(c,d)
    man[os.path.basename(d)]=dict(registry='crates.io',package=name,version=ver,artifact=fn,root=f'{base}/')
for b in glob.glob(B+'/deb/bin/*.deb'):
    fn=os.path.basename(b); name,ver=fn.split('_')[:2]; ver=ver.replace('%3a',':')
    d=f'{X}/debbin-{name}'; os.makedirs(d,exist_ok=True)
    subprocess.run(['dpkg-deb','-x',b,d],check=True)
    man[os.path.basename(d)]=dict(registry='debian',kind='binary',package=name,version=ver,artifact=fn,root='')
for dsc in glob.glob(B+'/deb/src/*.dsc'):
    fn=os.path.basename(dsc); name,ver=fn[:-4].split('_')
    upver=ver.split('-')[0] if '-' in ver else ver
    origs=glob.glob(f'{B}/deb/src/{name}_{upver}.orig.tar.*'); debs=glob.glob(f'{B}/deb/src/{name}_{ver}.debian.tar.*')
    if not origs: continue
    d=f'{X}/debsrc-{name}'; tx(origs[0],d)
    subs=[s for s in os.listdir(d)]
    root=subs[0]+'/' if len(subs)==1 and os.path.isdir(d+'/'+subs[0]) else ''
    if debs: tx(debs[0], d+'/'+root)
    man[os.path.basename(d)]=dict(registry='debian',kind='source',package=name,version=ver,artifact=fn,root=root)
GH=['hashicorp/vault-helm','terraform-aws-modules/terraform-aws-s3-bucket','docker-library/postgres','geerlingguy/ansible-role-postgresql','whyoleg/cryptography-kotlin','aspnet-contrib/AspNet.Security.OAuth.Providers','jwtk/jjwt']
for repo in GH:
    m='/work/.mirror/'+repo.replace('/','+')+'/repo'
    commit=subprocess.run(['git','--git-dir',m,'rev-parse','HEAD'],capture_output=True,text=True).stdout.strip()
    d=f'{X}/gh-{repo.replace("/","+")}'; os.makedirs(d,exist_ok=True)
    lt=subprocess.run(['git','--git-dir',m,'ls-tree','-r','-l','HEAD'],capture_output=True,text=True).stdout
    for line in lt.splitlines():
        meta,path=line.split('\t',1); mode,typ,oid,size=meta.split()
        if typ!='blob' or mode=='120000' or not size.isdigit() or int(size)>200000: continue
        r=subprocess.run(['git','--git-dir',m,'cat-file','blob',oid],capture_output=True)
        if r.returncode: continue
        os.makedirs(os.path.dirname(d+'/'+path),exist_ok=True); open(d+'/'+path,'wb').write(r.stdout)
    man[os.path.basename(d)]=dict(registry='github',package=repo,version=commit,artifact='git archive HEAD',root='')
json.dump(man,open(B+'/manifest.json','w'),indent=1)
print(len(man))
