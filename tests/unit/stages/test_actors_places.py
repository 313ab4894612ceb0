"""The actor stage on places: news cities carry their country, whatever the tagger calls them."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.model import Article, Entity
from newsevents.stages.actors import extract_actors
from newsevents.stages.parse import parse_texts

# Sentences written for these tests about real meetings and battles: (text, date, place, code).
# Issue 3: "Geneva" was coded USA (a namesake in Illinois), "Bali" CMR (a town in Cameroon).
CITIES = [
    ("Joe Biden and Vladimir Putin held a summit in Geneva.", "2021-06-16", "Geneva", "CHE"),
    ("Iran and the world powers resumed nuclear talks in Vienna.", "2021-04-06", "Vienna", "AUT"),
    ("US and Taliban negotiators signed an agreement in Doha.", "2020-02-29", "Doha", "QAT"),
    ("Russian and Ukrainian delegations met in Istanbul.", "2022-03-29", "Istanbul", "TUR"),
    ("Joe Biden and Xi Jinping met in Bali before the G20 summit.", "2022-11-14", "Bali", "IDN"),
    (
        "Political leaders gathered in Davos for the World Economic Forum.",
        "2019-01-22",
        "Davos",
        "CHE",
    ),
    (
        "Volodymyr Zelensky spoke at the security conference in Munich.",
        "2022-02-19",
        "Munich",
        "DEU",
    ),
    (
        "Donald Trump and Kim Jong-un held their second summit in Hanoi.",
        "2019-02-27",
        "Hanoi",
        "VNM",
    ),
    ("Donald Trump met Kim Jong-un in Singapore.", "2018-06-12", "Singapore", "SGP"),
    ("Vladimir Putin hosted Recep Tayyip Erdogan in Sochi.", "2021-09-29", "Sochi", "RUS"),
    ("Donald Trump and Vladimir Putin met in Helsinki.", "2018-07-16", "Helsinki", "FIN"),
    ("Ehud Barak and Yasser Arafat negotiated at Camp David.", "2000-07-25", "Camp David", "USA"),
    (
        "France, Germany, Russia and Ukraine agreed on a ceasefire in Minsk.",
        "2015-02-12",
        "Minsk",
        "BLR",
    ),
    (
        "Syria talks sponsored by Russia, Iran and Turkey opened in Astana.",
        "2017-01-23",
        "Astana",
        "KAZ",
    ),
    (
        "Saudi Arabia hosted talks between Sudan's warring parties in Jeddah.",
        "2023-05-06",
        "Jeddah",
        "SAU",
    ),
    (
        "World leaders opened the climate conference in Sharm el-Sheikh.",
        "2022-11-07",
        "Sharm el-Sheikh",
        "EGY",
    ),
    ("Moon Jae-in and Kim Jong-un met at Panmunjom.", "2018-04-27", "Panmunjom", "KOR"),
    ("Russian forces shelled residential areas of Kharkiv.", "2022-03-01", "Kharkiv", "UKR"),
    ("Syrian government forces retook eastern Aleppo.", "2016-12-22", "Aleppo", "SYR"),
    ("Police detained hundreds of protesters in Yangon.", "2021-02-06", "Yangon", "MMR"),
    ("Israeli aircraft struck targets in Gaza.", "2021-05-12", "Gaza", "PSE"),
    ("Taliban fighters entered Kabul.", "2021-08-15", "Kabul", "AFG"),
    ("Chinese and Indian ministers met in Moscow.", "2020-09-10", "Moscow", "RUS"),
    (
        "Almost two hundred countries adopted the climate agreement in Paris.",
        "2015-12-12",
        "Paris",
        "FRA",
    ),
    ("Iraqi forces recaptured Mosul from the Islamic State.", "2017-07-10", "Mosul", "IRQ"),
    ("Russian troops withdrew from Bucha.", "2022-04-01", "Bucha", "UKR"),
    ("Russian forces besieged Mariupol.", "2022-03-15", "Mariupol", "UKR"),
    ("US-backed forces captured Raqqa.", "2017-10-17", "Raqqa", "SYR"),
    ("Turkish troops entered Afrin.", "2018-03-18", "Afrin", "SYR"),
    ("Philippine troops fought militants in Marawi.", "2017-06-01", "Marawi", "PHL"),
    ("Saudi-led coalition aircraft struck Hodeidah.", "2018-06-13", "Hodeidah", "YEM"),
    ("Israeli forces raided Jenin.", "2023-07-03", "Jenin", "PSE"),
    ("Israeli tanks entered Rafah.", "2024-05-07", "Rafah", "PSE"),
    ("Ukrainian forces retook Kherson.", "2022-11-11", "Kherson", "UKR"),
    ("Antony Blinken and Sergei Lavrov met in Reykjavik.", "2021-05-19", "Reykjavik", "ISL"),
    ("Barack Obama visited Hiroshima.", "2016-05-27", "Hiroshima", "JPN"),
    ("Israeli troops fought Hamas in Khan Younis.", "2023-12-05", "Khan Younis", "PSE"),
    ("Russian and American diplomats met in Riyadh.", "2025-02-18", "Riyadh", "SAU"),
    ("Bosnian Serb forces overran Srebrenica.", "2015-07-11", "Srebrenica", "BIH"),
    ("Pilgrims gathered in Bethlehem for Christmas.", "2019-12-24", "Bethlehem", "PSE"),
    ("Lebanese troops deployed in Tripoli.", "2019-10-20", "Tripoli", "LBN"),
    ("Libyan militias fought for control of Tripoli.", "2019-04-10", "Tripoli", "LBY"),
    ("Kim Jong-un traveled by train to Vladivostok.", "2019-04-24", "Vladivostok", "RUS"),
    ("Joe Biden flew to Hiroshima for the G7 summit.", "2023-05-19", "Hiroshima", "JPN"),
    ("The governor of Texas signed the bill in Austin.", "2021-06-16", "Austin", "USA"),
]


@pytest.fixture(scope="module")
def city_entities(nlp: Any) -> list[tuple[Entity, ...]]:
    dictionaries: ActorDictionaries = load_actor_dictionaries()
    items = [(str(index), row[0]) for index, row in enumerate(CITIES)]
    return [
        extract_actors(
            parse, article=Article(id=id_, text=row[0], date=row[1]), dictionaries=dictionaries
        )
        for (id_, _), row, parse in zip(items, CITIES, parse_texts(nlp, items), strict=True)
    ]


@pytest.mark.parametrize(
    ("index", "place", "code"), [(i, r[2], r[3]) for i, r in enumerate(CITIES)]
)
def test_news_city_has_its_country(
    city_entities: list[tuple[Entity, ...]], index: int, place: str, code: str
) -> None:
    assert (place, code) in {(entity.text, entity.actor) for entity in city_entities[index]}
