"""Cities to countries: the news table, namesakes by population and the article's countries."""

from __future__ import annotations

import pytest

from newsevents.dictionaries.cities import city_country, news_cities, rival_namesake


@pytest.mark.parametrize(
    ("name", "countries", "code"),
    [
        ("Geneva", {"USA"}, "CHE"),  # Geneva, Illinois is a town of 21,806
        ("Paris", {"USA"}, "FRA"),
        ("London", {"CAN"}, "GBR"),  # London, Ontario has 4% of London's people
        ("Tripoli", {"LBN"}, "LBN"),  # Lebanon's Tripoli is a fifth of Libya's
        ("Tripoli", set(), "LBY"),
        ("Birmingham", {"USA"}, "USA"),
        ("Birmingham", set(), "GBR"),
        ("Malmo", set(), "SWE"),  # GeoNames writes "Malmö"
        ("Texas", set(), "USA"),
    ],
)
def test_city_country_weighs_namesakes(name: str, countries: set[str], code: str) -> None:
    assert city_country(name, countries) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Bali", "IDN"), ("Davos", "CHE"), ("Camp David", "USA"), ("Bethlehem", "PSE")],
)
def test_news_table_wins_over_geonames(name: str, code: str) -> None:
    assert city_country(name, {"CMR", "USA", "BRA"}) == code


def test_news_table_places_count_as_big_cities() -> None:
    assert city_country("Jenin", big=True) == "PSE"


def test_small_towns_are_no_big_cities() -> None:
    assert city_country("Geneva", {"USA"}, big=True) == "CHE"
    assert city_country("Sderot", big=True) == "ISR"  # from the news table
    assert city_country("Kidal") == "MLI"  # a town of about 25,000
    assert city_country("Kidal", big=True) is None


def test_unknown_name_has_no_country() -> None:
    assert city_country("Zzyzxville") is None


def test_no_rival_namesake_outside_the_article_countries() -> None:
    assert rival_namesake("Tripoli", {"FRA"}) is None


def test_news_table_codes_are_three_letters() -> None:
    assert all(len(code) == 3 and code.isupper() for code in news_cities().values())
