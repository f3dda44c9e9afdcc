# One-off experiment of session 27 (not kept; docs/sensitive-topics.md, session 27): WordNet 3.1 glosses of the
# topic vocabulary's synsets (and, unless the NONE count is 0, as many other nouns' glosses as NONE) as JSON lines
# for a training run with an extra file. Usage: python3 wordnet-glosses.py [NONE_COUNT] > glosses.jsonl (expects the
# WordNet dict directory at /tmp/wn/package/dict).
import json,random,re,sys
D='/tmp/wn/package/dict/'
syn={}
for line in open(D+'data.noun',encoding='latin-1'):
    if line.startswith('  '): continue
    head,_,gloss=line.partition(' | ')
    p=head.split(); off=p[0]; n=int(p[3],16); lem=[p[4+2*i] for i in range(n)]; k=4+2*n
    pc=int(p[k]); k+=1; ptrs=[]
    for i in range(pc):
        ptrs.append((p[k],p[k+1],p[k+2])); k+=4
    syn[off]=(lem,ptrs,gloss.strip())
senses={}
for line in open(D+'index.noun',encoding='latin-1'):
    if line.startswith('  '): continue
    p=line.split(); pc=int(p[3]); senses[p[0]]=p[4+pc+2:]
ROOTS={"HEALTH":["disease 1","illness 1","symptom 1","injury 1","medicine 2","medical_procedure 1","disability 1","pregnancy 1","medicine 1","disorder 1","pain 1","therapy 1","addiction 1","ill_health 1","virility_drug 1","diuretic_drug 1","fertility_drug 1","anesthetic 1","muscle_relaxant 1","antacid 1","contraceptive 1","birth_control 1","diagnostic_test 1","vaccine 1","menstruation 1","ovulation 1"],
"RELIGION":["religion 1","religion 2","religious_person 1","clergyman 1","sacrament 1","rite 2","place_of_worship 1","sacred_text 1","holy_day 1","believer 1","deity 1","theology 1","atheism 1"],
"SEXUAL_ORIENTATION":["homosexual 1","bisexual 1","heterosexual 1","sexual_activity 1","homosexuality 1","bisexuality 1"],
"RACE_ETHNICITY":["ethnic_group 1","race 3","racism 1","ethnicity 1","racial_discrimination 1"],
"POLITICS":["political_party 1","politician 1","election 1","political_orientation 1","legislature 1","labor_union 1","politics 1","politics 2","politics 5","suffrage 1","political_movement 1"]}
NOT_BELOW={senses[w][int(n)-1] for w,n in (x.rsplit(' ',1) for x in ["plant_disease 1","torture 1","persecution 1"])}
def collect(root):
    out={root}; st=[root]
    while st:
        o=st.pop()
        for t,x,pos in syn[o][1]:
            if t in('~','-c') and x in syn and x not in NOT_BELOW and x not in out:
                out.add(x); st.append(x)
    return out
cat_of={}
for c,roots in ROOTS.items():
    for r in roots:
        w,n=r.rsplit(' ',1)
        for o in collect(senses[w][int(n)-1]):
            cat_of.setdefault(o,c)
def text(o):
    lem,_,g=syn[o]
    d=g.split(';')[0].strip().strip('"').strip()
    name=re.sub(r'\(.*\)','',lem[0]).replace('_',' ')
    return f"{name}: {d}"
rows=[]
for o,c in cat_of.items():
    rows.append({"text":text(o),"category":c,"lang":"en","source":"wordnet/"+c.lower()})
# NONE: every other noun synset whose gloss does not sit under any topic, sampled
random.seed(27)
others=[o for o in syn if o not in cat_of]
n_none=int(sys.argv[1]) if len(sys.argv)>1 else len(rows)
for o in random.sample(others,n_none):
    rows.append({"text":text(o),"category":"NONE","lang":"en","source":"wordnet/none"})
import collections
print(collections.Counter(r['category'] for r in rows),file=sys.stderr)
for r in rows: print(json.dumps(r))
