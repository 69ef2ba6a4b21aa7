#!/usr/bin/env python3
"""Derives src/offline/data/given-names.txt: the given names of the 1990 US Census (public
domain), from the files the PyPI package `names` 0.3.0 ships (dist.male.first,
dist.female.first). Names of other languages are in each language's data file.

Run:  pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
      python3 tools/given-names.py /tmp/names/names-0.3.0/names > src/offline/data/given-names.txt
"""
import sys

root = sys.argv[1]
out = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in open(f"{root}/{f}"):
        out.add(line.split()[0].capitalize())
for n in sorted(out):
    print(n)
