#!/usr/bin/env python3
"""The same everyday text in seven languages: paragraphs of LibreOffice's help (Debian packages
libreoffice-help-en-us, -fr, -de, -es, -it, -pt, -nl; MPL-2.0, downloaded, never installed nor trained on).

Each help page is translated paragraph by paragraph, and a paragraph keeps its id in every language, so a sample of
paragraphs present in all seven is a parallel corpus: how often the guard flags a language beside how often it
flags the very same paragraphs in English tells a topic apart from a language flagged wholesale. The register is
software documentation ("Choose Format - Cells", "the security level for macros"), everyday in the sense of the
guard: a few paragraphs are about accessibility or a document's political or medical example text, so the share
flagged is an upper bound of false suppression, and the report prints a fixed sample of each language's flagged
paragraphs to judge by hand.

Usage:
  bench/guard/software-help.py prepare OUT_DIR [PARAGRAPHS]   # downloads the packages, writes software-help.jsonl
  bench/guard/software-help.py report OUT_DIR                 # after bin/attune classify on it
"""
import collections, glob, html, json, os, random, re, subprocess, sys

LANGS = {'en': 'en-us', 'fr': 'fr', 'de': 'de', 'es': 'es', 'it': 'it', 'pt': 'pt', 'nl': 'nl'}
HELP_DIR = {'en': 'en-US', 'fr': 'fr', 'de': 'de', 'es': 'es', 'it': 'it', 'pt': 'pt', 'nl': 'nl'}
PARAGRAPH = re.compile(r'<p id="(par_id[^"]+)" class="paragraph"[^>]*>(.*?)</p>', re.S)
TAG = re.compile(r'<[^>]+>')
CATEGORIES = ('HEALTH', 'RELIGION', 'SEXUAL_ORIENTATION', 'RACE_ETHNICITY', 'POLITICS')


def unpack(out):
    out = os.path.abspath(out)
    debs = os.path.join(out, 'debs')
    os.makedirs(debs, exist_ok=True)
    for lang, suffix in LANGS.items():
        package = 'libreoffice-help-' + suffix
        tree = os.path.join(out, 'help', lang)
        if os.path.isdir(tree):
            continue
        if not glob.glob(os.path.join(debs, package + '_*.deb')):
            subprocess.run(['apt-get', 'download', package], cwd=debs, check=True, capture_output=True)
        deb = glob.glob(os.path.join(debs, package + '_*.deb'))[0]
        os.makedirs(tree + '.part', exist_ok=True)
        subprocess.run(['dpkg-deb', '-x', deb, tree + '.part'], check=True)
        os.rename(tree + '.part', tree)


def paragraphs(out, lang):
    root = os.path.join(out, 'help', lang, 'usr/share/libreoffice/help', HELP_DIR[lang])
    found = {}
    for path in glob.glob(os.path.join(root, 'text', '**', '*.html'), recursive=True):
        page = os.path.relpath(path, root)
        for pid, body in PARAGRAPH.findall(open(path, encoding='utf-8').read()):
            text = ' '.join(html.unescape(TAG.sub(' ', body)).split())
            # Fewer than five words is a menu path or a label, not a sentence.
            if len(text.split()) >= 5 and len(text) <= 400:
                found[(page, pid)] = text
    return found


def prepare(out, size='3000'):
    os.makedirs(out, exist_ok=True)
    unpack(out)
    texts = {lang: paragraphs(out, lang) for lang in LANGS}
    shared = set(texts['en'])
    for lang in LANGS:
        shared &= set(texts[lang])
    # A paragraph left in English in a translation is not a text of that language.
    translated = sorted(k for k in shared if all(texts[l][k] != texts['en'][k] for l in LANGS if l != 'en'))
    size = min(int(size), len(translated) // 2)
    # Two disjoint samples: "read" is the one whose flagged paragraphs were read (and led to fixes, session 25);
    # "unread" is measured only, so it stays a held-out figure for what was fixed from the other.
    read = random.Random(25).sample(translated, size)
    rest = sorted(set(translated) - set(read))
    unread = random.Random(26).sample(rest, size)
    with open(os.path.join(out, 'software-help.jsonl'), 'w') as o:
        for part, sample in (('read', read), ('unread', unread)):
            for page, pid in sorted(sample):
                for lang in LANGS:
                    o.write(json.dumps({'lang': lang, 'part': part, 'source': 'libreoffice-help/' + page, 'id': pid,
                                        'text': texts[lang][(page, pid)]}, ensure_ascii=False) + '\n')
    print('software-help.jsonl: two samples of %d paragraphs in each of %d languages (%d translated in all of them)'
          % (size, len(LANGS), len(translated)))


def report(out):
    rows = [json.loads(l) for l in open(os.path.join(out, 'software-help-classified.jsonl'))]
    english = {(r['part'], r['source'], r['id']): r['sensitive'] for r in rows if r['lang'] == 'en'}
    for part in ('read', 'unread'):
        print('\nsample "%s":\n' % part)
        print('| language | paragraphs | flagged | share | flagged, English not | ' + ' | '.join(CATEGORIES) + ' |')
        print('|---|---:|---:|---:|---:|' + '---:|' * len(CATEGORIES))
        for lang in LANGS:
            mine = [r for r in rows if r['lang'] == lang and r['part'] == part]
            flagged = [r for r in mine if r['sensitive']]
            alone = [r for r in flagged if not english[(part, r['source'], r['id'])]]
            per = collections.Counter(c for r in flagged for c in r['categories'])
            print('| %s | %d | %d | %.1f%% | %d | %s |' % (lang, len(mine), len(flagged),
                  100.0 * len(flagged) / len(mine), len(alone), ' | '.join(str(per[c]) for c in CATEGORIES)))
    for lang in LANGS:
        # Only the read sample is shown: the unread one stays a measure of fixes made from what was read.
        flagged = [r for r in rows if r['lang'] == lang and r['part'] == 'read' and r['sensitive']]
        print('\nsample of flagged (%s, seed 25):' % lang)
        for r in random.Random(25).sample(flagged, min(20, len(flagged))):
            mark = '' if lang == 'en' or english[('read', r['source'], r['id'])] else ' [English not]'
            print('  %s%s\t%s' % (','.join(r['categories']), mark, r['text'][:160]))


if __name__ == '__main__':
    {'prepare': prepare, 'report': report}[sys.argv[1]](*sys.argv[2:])
