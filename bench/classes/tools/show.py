import json,sys,re
B='/work/data/classeval'; W='/work/wt-classeval/bench/classes/'
e={x['id']:x for x in json.load(open(B+'/entries.json'))}
order=json.load(open(B+'/order.json'))
a,n=int(sys.argv[1]),int(sys.argv[2]); LIM=int(sys.argv[3]) if len(sys.argv)>3 else 1700
KW=re.compile(r'(?i)passw|auth|token|session|secret|cred|crypt|cipher|sign|hash|key|jwt|oauth|login|role|perm|tls|ssl|vault|hmac|bcrypt|verify')
for k,i in enumerate(order[a:a+n]):
    x=e[i]; t=open(W+x['file'],encoding='utf-8',errors='replace').read()
    lines=[l.rstrip() for l in t.splitlines() if l.strip()]
    body='\n'.join(lines)
    print(f"##### [{a+k}] {i} | {x['path']} | {x['lang']} | {x['size']}B{' EXCERPT '+str(x['excerpt_lines']) if x['excerpt_lines'] else ''} | {x['draw']}")
    if len(body)<=LIM: print(body)
    else:
        head=body[:LIM]; print(head); rest=body[LIM:].splitlines()[1:]
        kw=[l.strip()[:150] for l in rest if KW.search(l)]
        print(f"  ... [{len(rest)} more lines; {len(kw)} keyword lines, first 10:]"); print('\n'.join('  > '+l for l in kw[:10]))
