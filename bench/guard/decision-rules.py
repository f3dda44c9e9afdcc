#!/usr/bin/env python3
"""What-if decision rules for the guard, from `bin/attune train-guard --leave-one-source-out --decisions FILE`.

Usage: bench/guard/decision-rules.py FILE. Prints recall / non-sensitive suppressed (%) per held-out group for the
current rule and for looser (P(sensitive) over a threshold) and stricter (suppress only with lexicon or
vocabulary evidence, or a confident head) ones. Analysis only; the guard itself is Java."""
import sys,collections
rows=[]
for l in open(sys.argv[1]):
    src,cat,flag,pn,lex,voc,text=l.rstrip('\n').split('\t',6)
    g=src.split('/')[0]
    if g in('toxigen','bbq'): g='toxigen+bbq'
    if g in('clinc150','banking77'): g='clinc+banking'
    if g=='mlma': g=src
    rows.append((g,cat!='NONE',flag!='',float(pn),lex=='true',voc=='true'))
def rule_cur(r): return r[2]
def rule_any(t): return lambda r: r[2] or r[3]<t
def rule_evid(t): return lambda r: (r[2] and (r[4] or r[5] or r[3]<t))
def rule_mix(t1,t2): return lambda r: (r[3]<t1 and (r[4] or r[5])) or r[3]<t2 or (r[2] and (r[4] or r[5]))
rules=[('current',rule_cur)]+[('Psens>%.1f'%t,rule_any(1-t)) for t in (0.3,0.4,0.5)]+[('evid,pNone<%.2f'%t,rule_evid(t)) for t in (0.1,0.05,0.02)]+[('mix %.1f/%.2f'%(a,b),rule_mix(a,b)) for a,b in ((0.7,0.1),(0.8,0.05),(0.6,0.1))]
groups=sorted(set(r[0] for r in rows))
print('rule'.ljust(18),' '.join(g[:14].rjust(14) for g in groups))
for name,f in rules:
    cells=[]
    for g in groups:
        s=[r for r in rows if r[0]==g]
        pos=[r for r in s if r[1]]; neg=[r for r in s if not r[1]]
        rec=sum(f(r) for r in pos)/len(pos) if pos else float('nan')
        fp=sum(f(r) for r in neg)/len(neg) if neg else float('nan')
        cells.append(('%4.1f/%4.1f'%(100*rec,100*fp)).rjust(14))
    print(name.ljust(18),' '.join(cells))
