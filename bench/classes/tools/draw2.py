import json, random
from collections import defaultdict
inv=json.load(open('inventory.json'))
have={(e['source']['path_in_package']) for e in json.load(open('entries.json'))}
SRC=['pypi-django','debsrc-php-laravel-framework','pypi-flask','pypi-werkzeug','pypi-starlette','pypi-kubernetes','npm-express','crate-ripgrep','crate-kube-client','debsrc-keepass2','gh-kubernetes+examples','gh-prometheus-community+helm-charts','gh-ktorio+ktor-samples','pypi-dynaconf','pypi-paramiko','pypi-fastapi','crate-basic-toml','npm-kubernetes-client-node','pypi-django_allauth','npm-next-auth']
LANGS={'python','php','javascript','typescript','csharp','go','rust','kotlin','ruby','yaml','json','markdown','shell','hcl','toml','helm-template','html','dockerfile','java'}
rng=random.Random(12)
pool=[i for i in inv if i['src'] in SRC and i['size']<=16384 and i['lang'] in LANGS and i['rel'] not in have and '/models/' not in i['path'] and not i['path'].endswith(('.min.js','.map')) and '/locale/' not in i['path'] and '/i18n/' not in i['path']]
rng.shuffle(pool)
per=defaultdict(int); out=[]
for i in pool:
    if len(out)>=50: break
    if per[i['src']]>=4: continue
    per[i['src']]+=1; out.append(dict(i,draw='random'))
json.dump(out,open('random2.json','w'),indent=0)
for o in out: print(o['src'],o['path'],o['size'])
