#!/usr/bin/env python3
"""Derives src/offline/data/cities-en.tsv, a gazetteer of cities, from Princeton WordNet 3.0
(Debian's wordnet-base).

Each line is one city (a WordNet synset that is an instance of a city, a capital or a port; not
a town): its names ("Seville|Sevilla", the first WordNet's own), what it is part of ("Tuscany"
for Pisa) and the country that part is in, followed up WordNet's part-of pointers to a name
`countries.tsv` knows or one WordNet calls a country ("Edinburgh": Lothian Region, Scotland).
A city whose country cannot be found so is left out, unless it is a ruin of antiquity
(`RUINED`), which is marked "ruin" in a fourth column. Where WordNet names a city first as its own
language does ("Firenze"), the English name is put first (`ENGLISH`). Offline generation takes a city's wrong answers from
here where the text names too few: the cities of the same part first, then of the country.

Run:  python3 tools/wordnet-cities.py /usr/share/wordnet src/offline/data/countries.tsv \
          > src/offline/data/cities-en.tsv
Licence: WordNet 3.0 licence (Princeton University), kept in src/offline/data/WORDNET-LICENSE.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wordnet_data import noun_synsets  # noqa: E402

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
countries_tsv = sys.argv[2] if len(sys.argv) > 2 else "src/offline/data/countries.tsv"
countries = {line.split("\t")[0] for line in open(countries_tsv, encoding="utf-8")}

synsets = {
    off: ([w.replace("_", " ").split("(")[0] for w in words], ptrs)
    for off, (_, words, ptrs) in noun_synsets(root).items()
}


def first(off):
    return synsets[off][0][0]


def pointed(off, sym):
    return [o for s, o in synsets[off][1] if s == sym]


def city(off):
    types = [first(o) for o in pointed(off, "@i")]
    return any(t.endswith("capital") or t.endswith("city") or t == "port" for t in types)


def sovereign(off):
    """A country WordNet knows as one ("European country", "kingdom"), England and Scotland
    among them."""
    types = [first(o) for o in pointed(off, "@i")]
    return any(t.split()[-1] in ("country", "kingdom", "republic", "nation") for t in types)


def country(off, seen=()):
    """The first name countries.tsv knows on the way up the part-of pointers."""
    for up in pointed(off, "#p"):
        if up in seen:
            continue
        name = first(up)
        if name in countries or sovereign(up):
            return name
        found = country(up, seen + (up,))
        if found:
            return found
    return None


# The name an English reader knows, where WordNet puts another first.
ENGLISH = {"Antwerpen": "Antwerp", "Arhus": "Aarhus", "Bayrut": "Beirut", "Bruxelles": "Brussels",
           "Dimash": "Damascus", "Firenze": "Florence", "Gent": "Ghent", "Goteborg": "Gothenburg",
           "Halab": "Aleppo", "Hannover": "Hanover", "Hefa": "Haifa", "Kyyiv": "Kiev",
           "Rheims": "Reims", "Sevilla": "Seville", "Tarabulus": "Tripoli", "Teheran": "Tehran",
           "Warszawa": "Warsaw", "Koln": "Cologne", "Konakri": "Conakry"}


# Cities of antiquity or the Bible that are ruins or sites today, by name and what WordNet says
# they are part of: kept, marked "ruin", but never a wrong answer for a living city (not
# Babylon beside Basra, nor Troy beside Rome), nor one for them (an earlier heuristic on
# "ancient" in the gloss was wrong both ways: Mosul, Cadiz).
RUINED = {("Sodom", "Israel"), ("Gomorrah", "Israel"), ("Babylon", "Mesopotamia"),
          ("Assur", "Assyria"), ("Nineveh", "Assyria"), ("Ur", "Sumer"), ("Pompeii", "Italy"),
          ("Herculaneum", "Italy"), ("Cannae", "Italy"), ("Mycenae", "Greece"),
          ("Delphi", "Greece"), ("Argos", "Greece"), ("Sparta", "Peloponnese"),
          ("Thebes", "Boeotia"), ("Thebes", "Egypt"), ("Memphis", "Egypt"), ("Troy", "Asia Minor"),
          ("Ephesus", "Asia Minor"), ("Halicarnassus", "Asia Minor"), ("Pergamum", "Asia Minor"),
          ("Sardis", "Asia Minor"), ("Colossae", "Phrygia"), ("Nicaea", "Bithynia"),
          ("Persepolis", "Iran"), ("Samaria", "Palestine"), ("Caesarea", "Israel")}

rows = []
for off, (words, _) in synsets.items():
    if not pointed(off, "@i") or not city(off):
        continue
    names = [w for w in words if w[:1].isupper() and all(t[:1].isupper() for t in w.split())]
    parts = pointed(off, "#p")
    nation = country(off)
    ruin = bool(names and parts) and (names[0], first(parts[0])) in RUINED
    if not names or not parts or not (nation or ruin):
        continue
    if names[0] in ENGLISH:
        names.insert(0, ENGLISH[names[0]])
    rows.append(("|".join(dict.fromkeys(names)), first(parts[0]), nation or "", "ruin" * ruin))

for names, part, nation, ruin in sorted(rows):
    print(f"{names}\t{part}\t{nation}\t{ruin}")
