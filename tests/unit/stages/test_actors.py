"""The actor stage: titles, metonyms, coreference and codes on real-style sentences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
        ("ministry", "protesters", "IRQCVL"),  # placed by "in Baghdad"
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


# Context, places and pronouns: one text per behaviour, each parsed once for the module.
CONTEXT_TEXTS = {
    "sudan": (
        "2023-04-20",
        "Fighting spread across Khartoum on Saturday. The army said it had retaken the airport. "
        "General Abdel Fattah al-Burhan said the army would not negotiate.",
    ),
    "dateline": (
        "2024-03-05",
        "SEOUL, March 5 (Yonhap) -- The government said on Tuesday that police arrested two men.",
    ),
    "attached": ("2019-06-20", "Officials in Seoul said the talks would resume."),
    "kharkiv": ("2022-05-15", "Russian forces shelled Kharkiv overnight, officials said."),
    "aleppo": ("2016-12-13", "Syrian government forces retook most of eastern Aleppo."),
    "visit": (
        "2018-07-12",
        "Mike Pompeo flew to Pyongyang on Friday. During his visit he met Kim Yong-chul.",
    ),
    "summit": (
        "2019-02-28",
        "Trump and Kim Jong-un met in Hanoi on Wednesday. Their summit ended early.",
    ),
    "unhcr": ("2020-11-05", "The UN High Commissioner for Refugees said it was ready to help."),
    "west": ("2022-03-01", "Lavrov accused the West of waging war. Europeans were divided."),
    "naypyidaw": ("2021-02-03", "Soldiers blocked roads in Naypyidaw."),
    "myanmar": ("2021-02-03", "Myanmar's military seized power on Monday."),
    "warned": ("2017-09-04", "Mattis warned Pyongyang of a massive military response."),
    "raided": ("2023-01-26", "Israeli troops raided Nablus. Israel raided Ramallah."),
    "between": ("2022-06-01", "Trump said the election had been stolen."),
    "noun": ("2025-02-28", "Trump accused Zelensky of gambling with World War Three."),
    "appos": ("2020-09-15", "The UAE's foreign minister, Sheikh Abdullah bin Zayed, spoke first."),
    "senator": (
        "2018-10-20",
        "Trump called the Saudi account credible, while Senator Ben Sasse said he doubted it.",
    ),
    "region": ("2016-06-24", "Merkel called it a watershed for Europe. The minister agreed."),
    "kim": ("2018-06-13", "Trump praised Kim on Wednesday."),
    "two": ("2019-02-28", "The White House said the two leaders had a productive meeting."),
    "abstract": ("2017-09-04", "China expressed firm opposition to the test."),
    "rights": (
        "2019-12-10",
        "Ethiopian police arrested dozens. Rights groups criticized the arrests.",
    ),
}


@pytest.fixture(scope="module")
def context_parses(parse_text: Callable[[str, str], Parse]) -> dict[str, Parse]:
    return {name: parse_text(text, name) for name, (_, text) in CONTEXT_TEXTS.items()}


def _context(
    context_parses: dict[str, Parse], dictionaries: ActorDictionaries, name: str
) -> tuple[Entity, ...]:
    date, text = CONTEXT_TEXTS[name]
    article = Article(id=name, text=text, date=date)
    return extract_actors(context_parses[name], article=article, dictionaries=dictionaries)


def _found(entities: tuple[Entity, ...], text: str) -> Entity:
    return next(entity for entity in entities if entity.text == text)


@pytest.mark.parametrize(
    ("name", "text", "code", "rule"),
    [
        ("sudan", "army", "SDNMIL", "context:country:nearby"),
        ("dateline", "government", "KORGOV", "context:country:nearby"),
        ("attached", "Officials", "KORGOV", "context:country:place"),
        ("kharkiv", "officials", "UKRGOV", "context:country:nearby"),
        ("senator", "Senator Ben Sasse", "USALEG", "context:country:nearby"),
        ("region", "minister", "DEUGOV", "context:country:nearby"),
    ],
)
def test_a_role_without_country_takes_one_from_context(
    context_parses: dict[str, Parse],
    dictionaries: ActorDictionaries,
    name: str,
    text: str,
    code: str,
    rule: str,
) -> None:
    entity = _found(_context(context_parses, dictionaries, name), text)
    assert (entity.actor, entity.rule) == (code, rule)


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("kharkiv", "Kharkiv", "UKR"),  # tagged PERSON, the object of "shelled"
        ("aleppo", "Aleppo", "SYR"),  # not tagged at all
        ("raided", "Nablus", "PSE"),
        ("naypyidaw", "Naypyidaw", "MMR"),
    ],
)
def test_cities_carry_their_country(
    context_parses: dict[str, Parse],
    dictionaries: ActorDictionaries,
    name: str,
    text: str,
    code: str,
) -> None:
    assert _found(_context(context_parses, dictionaries, name), text).actor == code


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("kharkiv", "Russian forces", "RUSMIL"),
        ("aleppo", "Syrian government forces", "SYRMIL"),
        ("myanmar", "Myanmar's military", "MMRMIL"),
        ("unhcr", "UN High Commissioner for Refugees", "IGOUNOREFHCR"),
        ("west", "the West", "WST"),
        ("west", "Europeans", "EUR"),
        ("warned", "Pyongyang", "PRKGOV"),  # addressed by a verb of speaking: the government
        ("raided", "Ramallah", "PSE"),  # raided: a place
        ("between", "Trump", "USAELI"),  # between two terms of office
        ("noun", "Trump", "USAGOV"),  # tagged as a common noun
        ("appos", "Sheikh Abdullah bin Zayed", "AREGOV"),
        ("kim", "Kim", "PRKGOV"),  # of the Kims, the one in office on the date
        ("two", "leaders", "GOV"),  # two leaders are of two countries: no single one
        ("rights", "Rights groups", "HRI"),  # rights groups are placed only by a place
    ],
)
def test_phrases_resolve(
    context_parses: dict[str, Parse],
    dictionaries: ActorDictionaries,
    name: str,
    text: str,
    code: str,
) -> None:
    assert _found(_context(context_parses, dictionaries, name), text).actor == code


@pytest.mark.parametrize(
    ("name", "pronoun", "antecedent", "rule"),
    [
        ("visit", "his", "Mike Pompeo", "coref:pronoun:his"),
        ("unhcr", "it", "UN High Commissioner for Refugees", "coref:pronoun:it"),
        ("summit", "Their", "Trump", "coref:pronoun:their:compound"),
    ],
)
def test_pronouns_and_possessives_point_to_their_antecedent(
    context_parses: dict[str, Parse],
    dictionaries: ActorDictionaries,
    name: str,
    pronoun: str,
    antecedent: str,
    rule: str,
) -> None:
    entities = _context(context_parses, dictionaries, name)
    entity = _found(entities, pronoun)
    assert entity.antecedent is not None
    assert (entities[entity.antecedent].text, entity.rule) == (antecedent, rule)
    assert entity.actor == entities[entity.antecedent].actor


def test_seed_article_his_visit_is_pompeo(
    seed_article: Article, seed_parse: Parse, dictionaries: ActorDictionaries
) -> None:
    entities = extract_actors(seed_parse, article=seed_article, dictionaries=dictionaries)
    start = seed_article.text.index("during his visit") + len("during ")
    his = next(entity for entity in entities if entity.start == start)
    assert his.antecedent is not None and "Pompeo" in entities[his.antecedent].text
    assert his.actor == "USAGOV"


def test_story_discard_voids_every_code(context_parses: dict[str, Parse], tmp_path: Path) -> None:
    path = tmp_path / "mine.discards.txt"
    path.write_text("+ MASSIVE_MILITARY_RESPONSE\n", encoding="utf-8")
    dictionaries = load_actor_dictionaries(discard_files=[path])
    entities = _context(context_parses, dictionaries, "warned")
    assert entities and {(e.actor, e.rule) for e in entities} == {
        (None, "discard:story:MASSIVE MILITARY RESPONSE")
    }


def test_sentence_discard_hides_only_its_words(
    context_parses: dict[str, Parse], tmp_path: Path
) -> None:
    path = tmp_path / "mine.discards.txt"
    path.write_text("WARNED_PYONGYANG\n", encoding="utf-8")
    dictionaries = load_actor_dictionaries(discard_files=[path])
    entities = _context(context_parses, dictionaries, "warned")
    assert "Pyongyang" not in {e.text for e in entities if e.actor}
    assert _found(entities, "Mattis").actor == "USAMIL"


def test_abstract_noun_after_a_plain_adjective_is_no_actor(
    context_parses: dict[str, Parse], dictionaries: ActorDictionaries
) -> None:
    entities = _context(context_parses, dictionaries, "abstract")
    assert [entity.text for entity in entities] == ["China"]
