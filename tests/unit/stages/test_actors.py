"""The actor stage: titles, metonyms, coreference and codes on real-style sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.model import Article, Entity, Parse
from newsevents.stages.actors import extract_actors

# Sentences written for these tests about real events; each is parsed once per module.
TEXTS = {
    "pompeo": "US Secretary of State Mike Pompeo arrived in Pyongyang on Friday. "
    "Pyongyang said the talks were regrettable. Pompeo said he was satisfied.",
    "ministry": "The North Korean Foreign Ministry criticized Washington. "
    "Iraqi security forces clashed with protesters in Baghdad.",
    "kims": "Kim Jong-un met Moon Jae-in. Kim Yong-chul, a senior official, later met Pompeo. "
    "Kim said the meeting was productive.",
    "president": "President Donald Trump met Japanese Prime Minister Shinzo Abe. "
    "The president said they agreed on North Korea.",
    "spokesperson": "State Department spokesperson Heather Nauert said the talks would go on.",
    "north": "North Korea fired a missile. The North said it was a test.",
}


@pytest.fixture(scope="module")
def dictionaries() -> ActorDictionaries:
    return load_actor_dictionaries()


@pytest.fixture(scope="module")
def parses(parse_text: Callable[[str, str], Parse]) -> dict[str, Parse]:
    return {name: parse_text(text, name) for name, text in TEXTS.items()}


def _extract(
    parses: dict[str, Parse], dictionaries: ActorDictionaries, name: str, date: str | None
) -> tuple[Entity, ...]:
    article = Article(id=name, text=TEXTS[name], date=date)
    return extract_actors(parses[name], article=article, dictionaries=dictionaries)


def _code_of(entities: tuple[Entity, ...], text: str) -> str | None:
    return next(entity.actor for entity in entities if entity.text == text)


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("pompeo", "US Secretary of State Mike Pompeo", "USAGOV"),
        ("pompeo", "Pompeo", "USAGOV"),
        ("ministry", "North Korean Foreign Ministry", "PRKGOV"),
        ("ministry", "Iraqi security forces", "IRQCOP"),
        ("ministry", "protesters", "CVL"),
        ("kims", "Kim Jong-un", "PRKGOV"),
        ("kims", "Moon Jae-in", "KORGOV"),
        ("president", "President Donald Trump", "USAGOV"),
        ("president", "Japanese Prime Minister Shinzo Abe", "JPNGOV"),
        ("spokesperson", "State Department spokesperson Heather Nauert", "USAGOV"),
    ],
)
def test_mentions_get_codes(
    parses: dict[str, Parse], dictionaries: ActorDictionaries, name: str, text: str, code: str
) -> None:
    assert _code_of(_extract(parses, dictionaries, name, "2018-07-12"), text) == code


@pytest.mark.parametrize(
    ("text", "code", "rule"),
    [
        ("Pyongyang", "PRK", "capital:place:Pyongyang"),
        ("Pyongyang", "PRKGOV", "capital:metonym:Pyongyang"),
    ],
)
def test_capital_is_government_as_subject_and_place_otherwise(
    parses: dict[str, Parse], dictionaries: ActorDictionaries, text: str, code: str, rule: str
) -> None:
    entities = _extract(parses, dictionaries, "pompeo", "2018-07-12")
    assert (text, code, rule) in {(e.text, e.actor, e.rule) for e in entities}


def test_person_code_follows_the_date(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "pompeo", "2022-06-01")
    assert _code_of(entities, "Pompeo") == "USAELI"


def test_pronoun_points_to_its_antecedent(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "pompeo", "2018-07-12")
    pronoun = next(entity for entity in entities if entity.label == "PRON")
    assert pronoun.antecedent is not None
    assert (pronoun.text, entities[pronoun.antecedent].text, pronoun.actor) == (
        "he",
        "Pompeo",
        "USAGOV",
    )


def test_surname_goes_to_the_latest_namesake(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "kims", "2018-07-12")
    kim = next(entity for entity in entities if entity.text == "Kim")
    assert kim.antecedent is not None and entities[kim.antecedent].text == "Kim Yong-chul"


def test_the_president_resolves_to_the_president(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "president", "2018-07-12")
    mention = next(entity for entity in entities if entity.text == "president")
    assert (mention.actor, mention.rule, mention.wikidata) == ("USAGOV", "coref:role", "Q22686")


def test_the_north_is_north_korea(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "north", "2017-07-04")
    assert ("North", "PRK") in {(entity.text, entity.actor) for entity in entities}


def test_entities_are_in_text_order_with_offsets(
    parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _extract(parses, dictionaries, "kims", "2018-07-12")
    assert [e.start for e in entities] == sorted(e.start for e in entities)
    assert all(TEXTS["kims"][e.start : e.end] == e.text for e in entities)


def test_unknown_names_are_kept_without_code(
    parse_text: Callable[[str, str], Parse], dictionaries: ActorDictionaries
) -> None:
    text = "Farmer Ngozi Adeyemi-Balogun spoke at the market."
    article = Article(id="unknown", text=text, date="2020-01-01")
    entities = extract_actors(
        parse_text(text, "unknown"), article=article, dictionaries=dictionaries
    )
    assert any(entity.actor is None and "Adeyemi" in entity.text for entity in entities)


# The seed article (../shared/seed): a noisy machine translation published 2018-07-12.
@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Donald Trump", "USA"),
        ("Mike Pompeo", "USA"),
        ("State Department spokesman", "USA"),
        ("Kim Jong-un", "PRK"),
        ("Kim Yong-chul", "PRK"),
        ("North Korean Foreign Ministry", "PRK"),
        ("United Nations", "IGOUNO"),
        ("1718 Committee", "IGOUNO"),
    ],
)
def test_seed_article_actors(
    seed_article: Article,
    seed_parse: Parse,
    dictionaries: ActorDictionaries,
    text: str,
    prefix: str,
) -> None:
    entities = extract_actors(seed_parse, article=seed_article, dictionaries=dictionaries)
    codes = {entity.actor for entity in entities if text in entity.text}
    assert codes and all(code and code.startswith(prefix) for code in codes)


@pytest.mark.parametrize(("text", "wrong"), [("Trump", "ORG"), ("Pompeo", "GPE")])
def test_seed_article_persons_are_persons(
    seed_article: Article, seed_parse: Parse, dictionaries: ActorDictionaries, text: str, wrong: str
) -> None:
    entities = extract_actors(seed_parse, article=seed_article, dictionaries=dictionaries)
    labels = {entity.label for entity in entities if entity.text == text}
    assert labels == {"PERSON"}
