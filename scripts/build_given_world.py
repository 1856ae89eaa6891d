#!/usr/bin/env python3
"""Generate assets/gazetteer/given_world.txt: given names from around the
world, beside the US Census list of given.txt.

    apt-get install -y wamerican   # /usr/share/dict/words
    pip install --no-deps nomquamgender==0.1.4
    python3 scripts/build_given_world.py

Source: the name table of nomquamgender (MIT; Van Buskirk, Clauset and
Larremore 2023), which counts first names over many national and
international sources. A name is kept when at least MIN_SOURCES of them
list it at least MIN_COUNT times in all and the table marks it as a name
(not an ambiguous token); it is left out when it is already in given.txt,
an everyday English word (vocab_common, vocab_function, vocab_lower, or a
small-letter word of the SCOWL word list /usr/share/dict/words), or a
country, region, city, listed place, nationality, title or known
organization: those lists say what such a word is, and a word that is
both would read as a person too often.
"""
import importlib.util
import json
import os
import re

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "gazetteer")
MIN_SOURCES = 15
MIN_COUNT = 2000
WORD = re.compile(r"^[a-z\u00e0-\u00ff]{3,}$")


def read(name, lower=False):
    out = set()
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            key = line.split("\t")[0].strip()
            out.add(key.lower() if lower else key)
    return out


def main():
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps nomquamgender==0.1.4 first")
    path = os.path.join(list(spec.submodule_search_locations)[0], "name_data.json")
    with open(path, encoding="utf-8") as f:
        table = json.load(f)
    everyday = set()
    for name in ("vocab_common.txt", "vocab_function.txt", "vocab_lower.txt"):
        everyday |= read(name, lower=True)
    with open("/usr/share/dict/words", encoding="utf-8") as f:
        everyday |= {w.strip() for w in f if w[:1].islower()}
    known = set()
    for name in (
        "given.txt",
        "countries.txt",
        "regions.txt",
        "cities.txt",
        "vocab_places.txt",
        "vocab_demonyms.txt",
        "vocab_titles.txt",
        "vocab_orgs.txt",
    ):
        known |= {k.lower() for k in read(name)}
    rows = []
    for key, (sources, count, _female, quality) in table.items():
        if sources < MIN_SOURCES or count < MIN_COUNT or not isinstance(quality, int):
            continue
        if not WORD.match(key) or key in everyday or key in known:
            continue
        rows.append(key[0].upper() + key[1:])
    with open(os.path.join(OUT, "given_world.txt"), "w", encoding="utf-8") as f:
        for r in sorted(set(rows)):
            f.write(r + "\n")
    print(f"given_world.txt: {len(set(rows))} names")


if __name__ == "__main__":
    main()
