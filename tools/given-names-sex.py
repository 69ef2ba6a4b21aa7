#!/usr/bin/env python3
"""Derives src/offline/data/given-names-sex.tsv: the usual sex of a given name of the 1990 US
Census (public domain), from the files the PyPI package `names` 0.3.0 ships (dist.male.first,
dist.female.first; each line a name and its share of that sex's people, in percent).

A name is written with "m" or "f" only when its sex is clear: it is at least ten times as
common among one sex as the other, and not rare (at least 0.01 percent of that sex: a rare
name's single list says little). Others are left out: their sex stays unknown.

Run:  pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
      python3 tools/given-names-sex.py /tmp/names/names-0.3.0/names > src/offline/data/given-names-sex.tsv
"""
import sys

root = sys.argv[1]


def shares(f):
    out = {}
    for line in open(f"{root}/{f}"):
        name, share = line.split()[:2]
        out[name.capitalize()] = float(share)
    return out


male, female = shares("dist.male.first"), shares("dist.female.first")
for n in sorted(set(male) | set(female)):
    m, f = male.get(n, 0.0), female.get(n, 0.0)
    if m >= 0.01 and m >= 10 * f:
        print(f"{n}\tm")
    elif f >= 0.01 and f >= 10 * m:
        print(f"{n}\tf")
