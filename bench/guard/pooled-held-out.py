#!/usr/bin/env python3
"""Per-category precision, recall and F1 over every held-out decision of a leave-one-source-out run, pooled.

Each held-out group alone lacks some categories (no POLITICS outside 20 Newsgroups), so its own macro-F1 counts
them as 0; pooled, every category has support, which is the closest the data comes to a macro-F1 on unseen data.

    bin/attune train-guard --train T --dev D --leave-one-source-out --decisions loo.tsv
    bench/guard/pooled-held-out.py loo.tsv

Also prints, per labelled category, what the guard decided for those texts (the most frequent decisions).
"""
import collections
import sys

CATEGORIES = ['HEALTH', 'RELIGION', 'SEXUAL_ORIENTATION', 'RACE_ETHNICITY', 'POLITICS']


def main(path):
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    decided = collections.Counter()
    sensitive = caught = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            row = line.rstrip('\n').split('\t')
            gold, decision = row[1], row[2]
            predicted = {c for c in decision.split(',') if c}
            for c in CATEGORIES:
                tp[c] += gold == c and c in predicted
                fp[c] += gold != c and c in predicted
                fn[c] += gold == c and c not in predicted
            if gold != 'NONE':
                sensitive += 1
                caught += bool(predicted)
                decided[(gold, decision or '-')] += 1
    f1s = []
    print('| category | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|')
    for c in CATEGORIES:
        p = tp[c] / max(1, tp[c] + fp[c])
        r = tp[c] / max(1, tp[c] + fn[c])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        print(f'| {c} | {tp[c] + fn[c]} | {p:.3f} | {r:.3f} | {f1:.3f} |')
    print(f'| **macro** | | | | **{sum(f1s) / len(f1s):.3f}** |')
    print(f'\nany-sensitive recall {caught / sensitive:.3f} ({caught} of {sensitive})\n')
    for c in CATEGORIES:
        top = sorted(((d, n) for (g, d), n in decided.items() if g == c), key=lambda x: -x[1])[:6]
        print(c, 'decided as:', ', '.join(f'{d} {n}' for d, n in top))


if __name__ == '__main__':
    main(sys.argv[1])
