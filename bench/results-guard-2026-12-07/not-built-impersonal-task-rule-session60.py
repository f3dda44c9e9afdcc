import json,re,sys,collections
OPENERS = r"""explain explique explica explicame explícame erklar erklär erklare spiegami spiega explicar
summari[sz]e resume resume resumir riassumi fass zusammenfassen
write ecris écris redige rédige escribe escreve scrivi schreib schreibe
make fais faz haz fai mach mache prepara prepare prépare create cree crée crea erstelle
plan planifie planea planeia pianifica organise organize organiza organizza organisiere
suggest suggere sugiere sugere suggerisci schlag propose propon proponi
recommend recommande recomienda recomenda consiglia empfiehl conseille
give donne dame da dai gib
list liste elenca enumera
translate traduis traduce traduz traduci ubersetze
compare compara vergleiche
tell dis dime dimmi diz sag
help aide ayudame ajuda aiutami hilf
find trouve encuentra encontra trova finde
what whats what's which where when how who why is are do does can could should would
quel quelle quels quelles ou où quand comment combien pourquoi est-ce
was welche welcher welches wo wann wie warum wer lohnt muss kann gibt
que qué cual cuál cuales donde dónde cuando cuándo como cómo cuanto cuánto por
che quale quali dove quando come quanto perche perché
o qual quais onde quando como quanto porque vale""".split()
OPENERS=set(w.replace("'","'") for w in OPENERS)
PREFIX = re.compile(r"^(?:please |can you |could you |would you |peux-tu |pouvez-vous |tu peux |kannst du |konntest du |bitte |puedes |podrias |por favor |puoi |potresti |podes |podias |hey |hi |ok |okay )+")
FIRST = set("""i i'm im i've i'd i'll me my mine myself we we're we've our ours us ourselves
je j' j'ai j'suis moi mon ma mes nous notre nos
ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem
yo mi mis me nosotros nosotras nuestro nuestra nuestros nuestras soy estoy somos
io mio mia miei mie noi nostro nostra nostri nostre sono siamo
eu meu minha meus minhas nos nós nosso nossa nossos nossas sou estou somos""".split())
STANCE = {
'POLITICS': r"\b(?:support\w*|oppos\w*|against|vote for|voting for|campaign\w*|canvass\w*|volunteer\w*|member\w*|militant\w*|activist\w*|tract\w*|leaflet\w*|flyer\w*|petition\w*|protest\w*|rally|rallies|march|argument\w*|defend\w*|defense|ban|abolish\w*|legali[sz]\w*|should|must|better|worse|vote|voted|union|soutien\w*|contre|milit\w*|adhere\w*|partisan\w*|afiliad\w*|unterstutz\w*|gegen|fur|mitglied\w*|sostegn\w*|contro|contra|apoy\w*|apoi\w*|iscritt\w*|filiad\w*|tesserat\w*|manif\w*|demo)\b",
'RELIGION': r"\b(?:pray\w*|prayer\w*|faith\w*|believ\w*|belief\w*|convert\w*|practi[cs]\w*|devout|observ\w*|fast\w*|kosher|halal|ramadan|baptis\w*|confirmation|communion|croyant\w*|prie\w*|priere\w*|jeune|glaub\w*|bete\w*|fromm\w*|creyente\w*|rez\w*|ayun\w*|credent\w*|preg\w*|digiun\w*|crente\w*|ora\w*|jejum|my church|our church|my parish|our parish)\b",
}
def sentences(t):
    return [s.strip() for s in re.split(r"[.!?;:\n¿¡]+", t) if s.strip()]
def is_task(norm):
    for s in sentences(norm):
        s=PREFIX.sub('',s)
        w=re.split(r"[\s,]+",s)
        if w and (w[0] in OPENERS or w[0].rstrip("'s") in OPENERS): return True
    return False
def tokens_span(norm):
    return [(m.start(),m.end(),m.group()) for m in re.finditer(r"[\w']+",norm)]
def personal(norm,spans,W=4):
    toks=tokens_span(norm)
    for a,b in spans:
        idx=[i for i,(s,e,_) in enumerate(toks) if s<b and e>a]
        if not idx: continue
        lo=max(0,idx[0]-W); hi=min(len(toks),idx[-1]+1+W)
        for i in range(lo,hi):
            t=toks[i][2]
            if t in FIRST or t.split("'")[0]+"'" in FIRST: return True
    return False
def impersonal(norm,cat,spans,W=4):
    if cat not in STANCE: return False
    if not spans: return True
    if re.search(STANCE[cat],norm): return False
    if personal(norm,spans,W): return False
    return is_task(norm)
def apply(flags,norm,spans,W=4):
    out=[c for c in flags if not (c in ('POLITICS','RELIGION') and impersonal(norm,c,spans.get(c,[]),W))]
    return out
