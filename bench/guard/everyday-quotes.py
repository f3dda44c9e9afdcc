#!/usr/bin/env python3
"""Quotes, proverbs and jokes in five languages from the Debian fortune packages (fortunes: English; fortunes-de,
fortunes-es, fortunes-it, fortunes-br: Brazilian Portuguese, since session 24), a source the guard was never trained on
and the only everyday text here in German, Spanish, Italian and Portuguese at scale. Unlabelled: some fortunes are about religion, politics, illness or sex on purpose (the English
package has files named politics, medicine, ethnic), so the share flagged is an upper bound of false suppression;
the report prints a fixed random sample of the flagged ones per language to judge by hand.

Usage:
  bench/guard/everyday-quotes.py prepare OUT_DIR    # writes everyday-quotes.jsonl (20 to 300 characters each)
  bench/guard/everyday-quotes.py report OUT_DIR     # after bin/attune classify on it
"""
import collections, glob, json, os, random, subprocess, sys

FORTUNES = '/usr/share/games/fortunes'
PACKAGES = {'en': 'fortunes', 'de': 'fortunes-de', 'es': 'fortunes-es', 'it': 'fortunes-it', 'pt': 'fortunes-br'}


def files_of(package):
    listed = subprocess.run(['dpkg', '-L', package], capture_output=True, text=True, check=True).stdout.split()
    # each package ships its fortunes as a text file and a .dat index; some also as a .u8 (UTF-8) copy
    texts = [f for f in listed if f.startswith(FORTUNES + '/') and os.path.isfile(f) and not os.path.islink(f)
             and not f.endswith('.dat')]
    utf8 = [f for f in texts if f.endswith('.u8')]
    return sorted(utf8 or texts)


def prepare(out):
    os.makedirs(out, exist_ok=True)
    seen = set()
    counts = collections.Counter()
    with open(os.path.join(out, 'everyday-quotes.jsonl'), 'w') as o:
        for lang, package in PACKAGES.items():
            for path in files_of(package):
                raw = open(path, 'rb').read()
                try:
                    text = raw.decode('utf-8')
                except UnicodeDecodeError:
                    text = raw.decode('latin-1')
                for chunk in text.split('\n%\n'):
                    line = ' '.join(chunk.split())
                    if 20 <= len(line) <= 300 and line not in seen:
                        seen.add(line)
                        o.write(json.dumps({'lang': lang, 'source': package + '/' + os.path.basename(path),
                                            'text': line}, ensure_ascii=False) + '\n')
                        counts[lang] += 1
    print('everyday-quotes.jsonl:', dict(counts))


def report(out):
    rows = [json.loads(l) for l in open(os.path.join(out, 'everyday-quotes-classified.jsonl'))]
    print('| language | fortunes | flagged | share | HEALTH | RELIGION | SEXUAL_ORIENTATION | RACE_ETHNICITY | POLITICS |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    for lang in PACKAGES:
        mine = [r for r in rows if r['lang'] == lang]
        flagged = [r for r in mine if r['sensitive']]
        per = collections.Counter(c for r in flagged for c in r['categories'])
        print('| %s | %d | %d | %.1f%% | %s |' % (lang, len(mine), len(flagged), 100.0 * len(flagged) / len(mine),
              ' | '.join(str(per[c]) for c in ('HEALTH', 'RELIGION', 'SEXUAL_ORIENTATION', 'RACE_ETHNICITY',
                                                  'POLITICS'))))
    for lang in PACKAGES:
        flagged = [r for r in rows if r['lang'] == lang and r['sensitive']]
        print('\nsample of flagged (%s, seed 22):' % lang)
        for r in random.Random(22).sample(flagged, min(25, len(flagged))):
            print('  %s\t%s' % (','.join(r['categories']), r['text'][:160]))


if __name__ == '__main__':
    {'prepare': prepare, 'report': report}[sys.argv[1]](sys.argv[2])
