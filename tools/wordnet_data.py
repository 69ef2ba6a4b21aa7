"""Reads Princeton WordNet 3.0's noun synsets (Debian's wordnet-base, `data.noun`), for the
scripts that derive `src/offline/data/` from it (`wordnet-kinds.py`, `wordnet-cities.py`).
Licence: WordNet 3.0 licence (Princeton University), kept in src/offline/data/WORDNET-LICENSE.
"""

LEX = ["adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
       "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
       "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
       "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
       "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time"]


def noun_synsets(root):
    """Each synset by its offset: its lexicographer file ("location"), its words as WordNet
    writes them ("New_York", "Lyon(a)"), and its pointers as (symbol, offset) pairs."""
    synsets = {}
    with open(root + "/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            off, lex = head[0], int(head[1])
            n = int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(n)]
            rest = head[4 + 2 * n:]
            p = int(rest[0])
            ptrs = [(rest[1 + 4 * i], rest[2 + 4 * i]) for i in range(p)]
            synsets[off] = (LEX[lex].split(".")[1], words, ptrs)
    return synsets
