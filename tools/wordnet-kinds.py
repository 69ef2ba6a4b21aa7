#!/usr/bin/env python3
"""Derives src/offline/data/wordnet-en.tsv from Princeton WordNet 3.0 (Debian's wordnet-base).

Each line: lemma, lexicographer file (the noun's kind: body, animal, location, person...),
type and part. For a named instance (a city, a country, a person) the type is the first word of
what it is an instance of ("national capital", "European country", "physicist") and the part
the first word of what it is part of (Warsaw: Poland). For a common noun, the kinds of its
senses, most frequent first ("heart": cognition, body, ...), with no type; the last column is how often WordNet's tagged texts used
that noun (its tagsense count), so a generic word can be told from a technical one.

Run:  python3 tools/wordnet-kinds.py /usr/share/wordnet > src/offline/data/wordnet-en.tsv
Licence: WordNet 3.0 licence (Princeton University), kept in src/offline/data/WORDNET-LICENSE.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wordnet_data import noun_synsets  # noqa: E402

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
synsets = noun_synsets(root)

def first_word(off):
    return synsets[off][1][0].replace("_", " ") if off in synsets else ""

def clean(w):
    w = w.replace("_", " ")
    return w.split("(")[0]

out = {}
# Named instances, in index.noun's sense order (most frequent first): the first sense names
# the lemma (Hannibal the general, not the town; Paris the city, not the prince).
with open(root + "/index.noun", encoding="latin-1") as f:
    for line in f:
        if line.startswith("  "):
            continue
        parts = line.split()
        p_cnt = int(parts[3])
        senses = parts[6 + p_cnt:]
        inst = [o for o in senses if any(s == "@i" for s, _ in synsets[o][2])]
        if not inst:
            continue
        first = synsets[inst[0]]
        if first[0] not in ("location", "person", "object"):
            continue
        lemma = parts[0]
        word = next((clean(w) for w in first[1] if clean(w).lower() == lemma.replace("_", " ")), None)
        if not word or not word[:1].isupper() or any(not t[:1].isupper() for t in word.split()):
            continue
        ptrs = first[2]
        typ = first_word(next(o for s, o in ptrs if s == "@i"))
        part = next((first_word(o) for s, o in ptrs if s == "#p"), "")
        out[word] = (first[0], typ, part, "")
# Common nouns: the first sense of each lemma in index.noun, with its tagsense count.
with open(root + "/index.noun", encoding="latin-1") as f:
    for line in f:
        if line.startswith("  "):
            continue
        parts = line.split()
        lemma = parts[0].replace("_", " ")
        if lemma.count(" ") > 1 or not lemma.isascii() or not lemma.replace(" ", "").replace("-", "").isalpha():
            continue
        p_cnt = int(parts[3])
        tagsense = parts[5 + p_cnt]
        senses = [o for o in parts[6 + p_cnt:] if not any(s == "@i" for s, _ in synsets[o][2])]
        if not senses:
            continue
        kinds = []
        for o in senses:
            if synsets[o][0] not in kinds:
                kinds.append(synsets[o][0])
        out.setdefault(lemma, (",".join(kinds), "", "", tagsense))

for lemma in sorted(out):
    kind, typ, part, count = out[lemma]
    print(f"{lemma}\t{kind}\t{typ}\t{part}\t{count}")
