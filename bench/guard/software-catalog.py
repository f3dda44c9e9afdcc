#!/usr/bin/env python3
"""The guard on a catalog of products it was never trained on: Debian's packages, each a catalog item whose text is its
name and one-line description ("bibletime: bible study tool for Qt"), from `apt-cache dumpavail`; judged as catalog
items (`classify --catalog`) and as messages, since what a developer asks an assistant reads the same way ("is there an
environment agnostic event emitter", "a crate with no_std support").

Debian's tag vocabulary (debtags) files a few packages under field::medicine and field::religion. Those are on a topic
(a DICOM viewer, a Bible study tool) but not all sensitive as a catalog item (a viewer for radiologists says little about
whoever is shown it); every other package is software with no such field, so the share of it flagged is an upper bound
of false flags, and the report prints a fixed sample of the flagged to judge by hand. The tags are not given to the
guard (a tag "field::religion" would be the label itself); items carry the text only.

The packages are cut in two halves by a hash of their name: `read`, whose flagged items may be read to find what the
guard gets wrong, and `held`, whose flagged items are never printed, only counted, so a change written from the first
half is measured on the second.

Usage:
  bench/guard/software-catalog.py prepare OUT_DIR   # writes software-catalog.jsonl
  bench/guard/software-catalog.py report OUT_DIR    # after bin/attune classify [--catalog] on it
"""
import collections, json, os, random, subprocess, sys, zlib

CATEGORIES = ('HEALTH', 'RELIGION', 'SEXUAL_ORIENTATION', 'RACE_ETHNICITY', 'POLITICS')
TOPICAL_FIELDS = ('field::medicine', 'field::religion')


def packages():
    """Yields (name, description, tags) of every package apt knows, once per name."""
    dump = subprocess.run(['apt-cache', 'dumpavail'], capture_output=True, text=True, check=True).stdout
    seen = set()
    for stanza in dump.split('\n\n'):
        fields, last = {}, None
        for line in stanza.split('\n'):
            if line.startswith((' ', '\t')) and last:
                fields[last] += ' ' + line.strip()
            elif ':' in line:
                last, value = line.split(':', 1)
                fields[last] = value.strip()
        name, description = fields.get('Package'), fields.get('Description')
        if name and description and name not in seen:
            seen.add(name)
            tags = [t.strip() for t in fields.get('Tag', '').split(',') if t.strip()]
            yield name, description, tags


def group_of(tags):
    for field in TOPICAL_FIELDS:
        if field in tags:
            return field
    return 'other'


def prepare(out):
    os.makedirs(out, exist_ok=True)
    counts = collections.Counter()
    with open(os.path.join(out, 'software-catalog.jsonl'), 'w') as o:
        for name, description, tags in packages():
            group = group_of(tags)
            counts[group] += 1
            half = 'read' if zlib.crc32(name.encode()) % 2 == 0 else 'held'
            o.write(json.dumps({'text': name + ': ' + description, 'tags': [], 'group': group, 'half': half},
                               ensure_ascii=False) + '\n')
    print('software-catalog.jsonl:', dict(counts))


def report(out):
    for mode in ('catalog', 'messages'):
        rows = [json.loads(l) for l in open(os.path.join(out, 'software-%s-classified.jsonl' % mode))]
        print('\nAs %s:\n' % ('catalog items' if mode == 'catalog' else 'messages'))
        print('| packages | half | items | flagged | share | ' + ' | '.join(CATEGORIES) + ' |')
        print('|---|---|---:|---:|---:|' + '---:|' * len(CATEGORIES))
        for group in TOPICAL_FIELDS + ('other',):
            for half in ('read', 'held'):
                mine = [r for r in rows if r['group'] == group and r['half'] == half]
                flagged = [r for r in mine if r['sensitive']]
                per = collections.Counter(c for r in flagged for c in r['categories'])
                print('| %s | %s | %d | %d | %.2f%% | %s |' % (group, half, len(mine), len(flagged),
                      100.0 * len(flagged) / max(1, len(mine)), ' | '.join(str(per[c]) for c in CATEGORIES)))
        for group in TOPICAL_FIELDS:
            print('\n%s, read half (flagged categories or -):' % group)
            for r in rows:
                if r['group'] == group and r['half'] == 'read':
                    print('  %-20s %s' % (','.join(r['categories']) or '-', r['text'][:110]))
        flagged = [r for r in rows if r['group'] == 'other' and r['half'] == 'read' and r['sensitive']]
        print('\nsample of the other packages of the read half flagged (seed 53):')
        for r in random.Random(53).sample(flagged, min(40, len(flagged))):
            print('  %-20s %s' % (','.join(r['categories']), r['text'][:110]))


if __name__ == '__main__':
    {'prepare': prepare, 'report': report}[sys.argv[1]](sys.argv[2])
