#!/usr/bin/env python3
"""The guard on the hand-written check sets (models/src/test/resources/guard/*.jsonl, catalog sets left out).

    check-sets.py prepare WORK               writes WORK/check-sets.jsonl (each line with its "file")
    check-sets.py report WORK [EARLIER]      per set and per language: sensitive caught and everyday flagged; with
                                             EARLIER (an earlier WORK/check-sets-classified.jsonl), every line whose
                                             decision changed

A set committed unread for the next change (docs/sensitive-topics.md names it) is counted too; leave it out with
CHECK_SETS_WITHOUT=name.jsonl[,name.jsonl…] when a figure must not include it: its own row is still printed (a blind
count), but it is left out of the totals and the per-language table, and none of its lines is printed.

The sets were written at different times, most of them before a change and read after it, so they are regression
checks, not held-out figures (docs/sensitive-topics.md says which set was read when).
"""
import collections
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SETS = ROOT / 'models/src/test/resources/guard'


def prepare(work):
    work.mkdir(parents=True, exist_ok=True)
    with open(work / 'check-sets.jsonl', 'w', encoding='utf-8') as out:
        for path in sorted(SETS.glob('*.jsonl')):
            if path.name.startswith('catalog-'):
                continue
            for line in path.read_text(encoding='utf-8').splitlines():
                if line.strip():
                    row = json.loads(line)
                    row['file'] = path.name
                    out.write(json.dumps(row, ensure_ascii=False) + '\n')


def read(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f]


def report(work, earlier=None):
    rows = read(work / 'check-sets-classified.jsonl')
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        c = counts[row['file']]
        if row.get('category', 'NONE') != 'NONE':
            c[0] += 1
            c[1] += row['sensitive']
        else:
            c[2] += 1
            c[3] += row['sensitive']
    without = {name for name in os.environ.get('CHECK_SETS_WITHOUT', '').split(',') if name}
    print('| set | sensitive caught | everyday flagged |\n|---|---:|---:|')
    total = [0, 0, 0, 0]
    for name, c in sorted(counts.items()):
        if name in without:
            print(f'| {name} (left out of the totals) | {c[1]}/{c[0]} | {c[3]}/{c[2]} |')
            continue
        print(f'| {name} | {c[1]}/{c[0]} | {c[3]}/{c[2]} |')
        total = [a + b for a, b in zip(total, c)]
    print(f'| **all**{" without the sets left out" if without else ""} | **{total[1]}/{total[0]}** '
          f'| **{total[3]}/{total[2]}** |')
    by_language = collections.defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        if row['file'] not in without:
            c = by_language[row.get('lang', '?')]
            sensitive = row.get('category', 'NONE') != 'NONE'
            c[0 if sensitive else 2] += 1
            c[1 if sensitive else 3] += row['sensitive']
    print('\nper language' + (f' (without {", ".join(sorted(without))})' if without else '')
          + ', sensitive caught / everyday flagged:\n')
    languages = sorted(by_language, key=lambda lang: -sum(by_language[lang][0::2]))
    print('| ' + ' | '.join(languages) + ' |\n|' + '---|' * len(languages))
    print('| ' + ' | '.join(f'{by_language[lang][1]}/{by_language[lang][0]}, {by_language[lang][3]}/{by_language[lang][2]}'
                            for lang in languages) + ' |')
    if earlier:
        before = {(r['file'], r['text']): r for r in read(earlier)}
        print('\nlines whose decision changed:')
        for row in rows:
            if row['file'] in without:
                continue
            old = before.get((row['file'], row['text']))
            if old and (old['sensitive'] != row['sensitive'] or old['categories'] != row['categories']):
                print(f"  {row['file']} {row.get('category', 'NONE')} {old['categories']} -> {row['categories']}  "
                      f"{row['text']}")


if __name__ == '__main__':
    if sys.argv[1] == 'prepare':
        prepare(pathlib.Path(sys.argv[2]))
    else:
        report(pathlib.Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
