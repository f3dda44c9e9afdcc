#!/usr/bin/env python3
"""What changed between two leave-one-source-out runs, text by text.

    bench/guard/compare-held-out.py A.tsv B.tsv [SHOWN]

A and B are `bin/attune train-guard --leave-one-source-out --decisions` files (source, gold category, decision, ...,
text last). Prints, per source group, how many sensitive texts B catches that A let through and the reverse, and how
many everyday texts B newly flags or no longer flags, then up to SHOWN (default 20) texts of each kind. Retraining
alone moves a few texts each way, so a change is worth as much as its counts stand above that.
"""
import collections
import sys


def load(path):
    decisions = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            row = line.rstrip('\n').split('\t')
            decisions[(row[0], row[-1])] = (row[1], row[2])
    return decisions


def group(source):
    parts = source.split('/')
    return '/'.join(parts[:1] if parts[0] in ('20newsgroups', 'clinc150', 'banking77', 'bbq', 'toxigen') else parts[:2])


def main(a_path, b_path, shown):
    a, b = load(a_path), load(b_path)
    kinds = ['caught', 'lost', 'newly flagged', 'no longer flagged']
    counts = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for key, (gold, before) in a.items():
        if key not in b:
            continue
        after = b[key][1]
        if gold != 'NONE':
            kind = 'caught' if not before and after else 'lost' if before and not after else None
        else:
            kind = 'newly flagged' if not before and after else 'no longer flagged' if before and not after else None
        if kind:
            counts[group(key[0])][kind] += 1
            examples[kind].append((key[0], gold, before, after, key[1]))
    print('| source | ' + ' | '.join(kinds) + ' |')
    print('|---|' + '---:|' * len(kinds))
    total = collections.Counter()
    for source in sorted(counts):
        total.update(counts[source])
        print(f'| {source} | ' + ' | '.join(str(counts[source][k]) for k in kinds) + ' |')
    print('| **all** | ' + ' | '.join(f'**{total[k]}**' for k in kinds) + ' |')
    for kind in kinds:
        print(f'\n{kind}:')
        for source, gold, before, after, text in examples[kind][:shown]:
            print(f'  {source} {gold} {before or "-"} -> {after or "-"}  {text[:120]}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20)
