#!/usr/bin/env python3
"""Derives src/offline/data/countries.tsv: each country's name in English, French, Spanish and
German, and its region.

Names: ISO 3166-1 from Debian's iso-codes (its JSON, and its gettext catalogues for the
translations; LGPL-2.1+). Region: the type WordNet gives the English name ("European country"
→ Europe), from src/offline/data/wordnet-en.tsv; a country WordNet does not know has none and
is never a wrong answer.

Run:  python3 tools/countries.py > src/offline/data/countries.tsv
"""
import gettext, json

iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
tr = {l: gettext.translation("iso_3166-1", "/usr/share/locale", [l]) for l in ("fr", "es", "de")}
wn = {}
for line in open("src/offline/data/wordnet-en.tsv", encoding="utf-8"):
    lemma, kind, typ, part, _ = line.rstrip("\n").split("\t")
    if kind == "location" and typ:
        wn[lemma] = (typ, part)

def region(en):
    typ, part = wn.get(en, ("", ""))
    for tail in (" country", " nation"):
        if typ.endswith(tail):
            typ = typ[: -len(tail)]
            return MERGE.get(typ, typ)
    # "kingdom", "principality": the continent it is part of.
    return {"Europe": "European", "Africa": "African", "Asia": "Asian"}.get(part, "")

MERGE = {"Scandinavian": "European", "Balkan": "European", "Central American": "North American"}

for c in iso:
    name = c.get("common_name", c["name"])
    en = name.split(",")[0]
    r = region(en) or region(c["name"].split(",")[0])
    if not r:
        continue
    names = [tr[l].gettext(name).split(",")[0] for l in ("fr", "es", "de")]
    print("\t".join([en] + names + [r]))
