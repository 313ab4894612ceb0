"""Tests for the quotes stage: mark pairing, attribution, indirect speech, broken marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Article, Entity, Parse, Problem, Quote
from newsevents.stages.quotes import extract_quotes, extract_quotes_with_problems
from newsevents.stages.quotes.marks import find_quoted_spans


def _spans(text: str) -> list[str]:
    ascii_text = text.translate(str.maketrans("“”«»‘’", '""""\'\''))
    spans, _ = find_quoted_spans(ascii_text, text, article_id="t")
    return [text[span.start : span.end] for span in spans]


# --- Mark pairing (characters only, no parser) ---------------------------------------------

MARK_CASES = [
    ('"We are ready," he said.', ["We are ready"]),
    ("“We are ready,” he said.", ["We are ready"]),
    ("« Nous sommes prêts », a-t-il dit.", ["Nous sommes prêts"]),
    ("‘We are ready,’ he said.", ["We are ready"]),
    ("'We are ready,' he said.", ["We are ready"]),
    ('"We are ready," he said, "to talk."', ["We are ready", "to talk."]),
    ('She described it as "very nice" on Friday.', ["very nice"]),
    ("Pyongyang's envoy said he didn't know.", []),
    ("Talks stalled in the '90s and again in 2019.", []),
    ("The ministers' meeting ended early.", []),
    ('He said " very unfortunate " twice.', ["very unfortunate"]),
    ('Empty marks "" carry nothing.', []),
    ("‘The ministers’ talks were useful,’ she said.", ["The ministers’ talks were useful"]),
    ('He called it a "deal", she called it "a trap".', ["deal", "a trap"]),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_marks_pair_into_spans(text: str, expected: list[str]) -> None:
    assert _spans(text) == expected


def test_quote_continued_over_paragraphs_is_one_group() -> None:
    text = '"The first part runs on.\n\n"The second part ends," he said.'
    spans, problems = find_quoted_spans(text, text, article_id="t")
    assert [text[s.start : s.end] for s in spans] == [
        "The first part runs on.",
        "The second part ends",
    ]
    assert spans[0].group == spans[1].group
    assert problems == ()


def test_separate_quotes_get_separate_groups() -> None:
    text = '"One," he said.\n"Two," she said.'
    spans, _ = find_quoted_spans(text, text, article_id="t")
    assert spans[0].group != spans[1].group


BROKEN_CASES = [
    # (text, quotes, problem codes)
    ('She said "we will win. Then she left.', ["we will win."], ["W601"]),
    ('"Our reach is long, he said in a statement.', ["Our reach is long"], ["W601"]),
    ('Manila urged restraint and sobriety ".', [], ["W602"]),
    ("He called it ‘strange and left.", [], ["W603"]),
]


@pytest.mark.parametrize(("text", "quotes", "codes"), BROKEN_CASES)
def test_broken_marks_recover_and_warn(text: str, quotes: list[str], codes: list[str]) -> None:
    ascii_text = text.translate(str.maketrans("‘’", "''"))
    ends = (text.index(".") + 1, len(text))
    spans, problems = find_quoted_spans(ascii_text, text, article_id="t", sentence_ends=ends)
    assert [text[s.start : s.end] for s in spans] == quotes
    assert [problem.code for problem in problems] == codes
    assert all(p.severity == "warning" and p.stage == "quotes" for p in problems)


def test_unclosed_mark_never_crosses_a_paragraph() -> None:
    text = 'He said "this never closes and goes on\n\nA new paragraph with "a quote" here.'
    spans, problems = find_quoted_spans(text, text, article_id="t")
    assert [text[s.start : s.end] for s in spans] == ["this never closes and goes on", "a quote"]
    assert all("\n" not in text[s.start : s.end] for s in spans)
    assert [p.code for p in problems] == ["W601"]


# --- Attribution on parsed text --------------------------------------------------------------

TEXTS = {
    "after": '"We will not give up," said Pompeo.',
    "before": 'Pompeo told reporters: "We will not give up."',
    "pronoun": 'Pompeo arrived late. "We will not give up," he said.',
    "interrupted": '"We are ready," Lavrov said, "to talk about everything."',
    "previous": 'Pompeo was blunt. "Nobody is fooled by this."',
    "partial": 'The ministry criticized the plan as "very unfortunate" on Friday.',
    "paragraphs": '"The first part runs on.\n\n"The second part ends here," Merkel said.',
    "said_that": "Pompeo said that the sanctions would remain in force.",
    "said_bare": "Lavrov said the talks had been useful.",
    "according": "According to the ministry, the missile flew 900 kilometers.",
    "told": "Moon told reporters the summit would take place in June.",
    "accused": "Iran accused Washington of breaking the agreement.",
    "warned": "Putin warned that any interference would have consequences.",
    "urged": "Guterres urged both sides to return to the table.",
    "inverted": "The economy will recover next year, the minister said.",
    "mental": "Analysts think the talks will fail.",
    "headline": "Pompeo speaks\n\nThe talks were useful.",
    "seen": 'The document commits Pyongyang to "complete denuclearization" of the peninsula.',
    # The parser hangs the "until" clause on "urged" in this paragraph layout (dev set q06).
    "urged_until": (
        "Trump spoke at the United Nations.\n\nHe urged other countries to isolate Pyongyang"
        " until it ends its hostile behaviour.\n\nRi later compared the speech to a dog barking."
    ),
    "said_what": "He said what the country needed was calm.",
    "what_called": "The minister announced what she called a new approach to the talks.",
    "what_called_quoted": 'Putin announced what he called a "special military operation".',
    "what_described": "The general unveiled what he described as a final offensive.",
    # Round 2 (issue 6): classes the held-out set showed the rules missing.
    "said_and_warned": (
        "Putin said the rebellion was a betrayal and warned that the organisers would be punished."
    ),
    "arguing": (
        "The party said in a statement that it could not support the plan,"
        " arguing that it would hurt farmers."
    ),
    "day_after": "Conte announced that all shops would close, a day after the lockdown began.",
    "a_claim": "Trump said his generals believed the blast was an attack, a claim no one backed.",
    "welcoming": "Yellen said the system was resilient, welcoming the Swiss decision.",
    "assured": "Shoigu assured the other parties that Moscow would not attack the ships.",
    "shouted": "In Antakya, a man shouted that no rescuers had come to his street.",
    "headline_urge": (
        "Swiss president urges markets to trust Credit Suisse rescue\n\n"
        "The bank was sold on Sunday."
    ),
    "stranded": (
        "Kubrakov signed a separate copy with Turkey, because Kyiv refused to sign any document"
        " with Russia, an adviser to Zelensky said."
    ),
    "hyphenated": (
        "WHO Director-General Tedros Adhanom Ghebreyesus said the outbreak was a pandemic."
    ),
    "appositive": (
        "The agency's emergencies chief, Mike Ryan, cautioned that the label changed nothing."
    ),
}


@pytest.fixture(scope="module")
def parsed(parse_text: Callable[[str, str], Parse]) -> dict[str, tuple[Article, Parse]]:
    return {key: (Article(id=key, text=text), parse_text(text, key)) for key, text in TEXTS.items()}


def _quotes(parsed: dict[str, tuple[Article, Parse]], key: str, kind: str) -> list[Quote]:
    article, parse = parsed[key]
    return [q for q in extract_quotes(parse, article=article, entities=()) if q.kind == kind]


DIRECT_CASES = [
    # (text key, quote texts, speaker, verb)
    ("after", ["We will not give up"], "Pompeo", "say"),
    ("before", ["We will not give up."], "Pompeo", "tell"),
    ("pronoun", ["We will not give up"], "he", "say"),
    ("interrupted", ["We are ready", "to talk about everything."], "Lavrov", "say"),
    ("previous", ["Nobody is fooled by this."], "Pompeo", None),
    ("partial", ["very unfortunate"], "The ministry", "criticize"),
    ("paragraphs", ["The first part runs on.", "The second part ends here"], "Merkel", "say"),
]


@pytest.mark.parametrize(("key", "texts", "speaker", "verb"), DIRECT_CASES)
def test_direct_quote_speaker(
    parsed: dict[str, tuple[Article, Parse]],
    key: str,
    texts: list[str],
    speaker: str,
    verb: str | None,
) -> None:
    quotes = _quotes(parsed, key, "direct")
    assert [q.text for q in quotes] == texts
    assert {q.speaker for q in quotes} == {speaker}
    assert {q.verb for q in quotes} == {verb}


def test_scare_quote_after_what_he_called_keeps_its_speaker(
    parsed: dict[str, tuple[Article, Parse]],
) -> None:
    (quote,) = _quotes(parsed, "what_called_quoted", "direct")
    assert (quote.text, quote.speaker) == ("special military operation", "Putin")


def test_partial_quote_in_unrelated_sentence_has_no_speaker(
    parsed: dict[str, tuple[Article, Parse]],
) -> None:
    (quote,) = _quotes(parsed, "seen", "direct")
    assert quote.text == "complete denuclearization"
    assert quote.speaker is None


INDIRECT_CASES = [
    ("said_that", "the sanctions would remain in force", "Pompeo", "say"),
    ("said_bare", "the talks had been useful", "Lavrov", "say"),
    ("according", "the missile flew 900 kilometers", "the ministry", "accord"),
    ("told", "the summit would take place in June", "Moon", "tell"),
    ("accused", "breaking the agreement", "Iran", "accuse"),
    ("warned", "any interference would have consequences", "Putin", "warn"),
    ("urged", "return to the table", "Guterres", "urge"),
    ("inverted", "The economy will recover next year", "the minister", "say"),
    ("urged_until", "isolate Pyongyang until it ends its hostile behaviour", "He", "urge"),
    ("said_what", "what the country needed was calm", "He", "say"),
    ("day_after", "all shops would close", "Conte", "announce"),
    ("a_claim", "his generals believed the blast was an attack", "Trump", "say"),
    ("welcoming", "the system was resilient", "Yellen", "say"),
    ("assured", "Moscow would not attack the ships", "Shoigu", "assure"),
    ("shouted", "no rescuers had come to his street", "a man", "shout"),
    ("headline_urge", "trust Credit Suisse rescue", "Swiss president", "urge"),
    (
        "stranded",
        "Kubrakov signed a separate copy with Turkey, because Kyiv refused to sign any"
        " document with Russia",
        "an adviser",
        "say",
    ),
    (
        "hyphenated",
        "the outbreak was a pandemic",
        "WHO Director-General Tedros Adhanom Ghebreyesus",
        "say",
    ),
    (
        "appositive",
        "the label changed nothing",
        "The agency's emergencies chief, Mike Ryan",
        "caution",
    ),
]


# 'said A and warned that B': the parser hangs the second verb inside the first content.
TWO_REPORT_CASES = [
    (
        "said_and_warned",
        [
            ("the rebellion was a betrayal", "Putin", "say"),
            ("the organisers would be punished", "Putin", "warn"),
        ],
    ),
    (
        "arguing",
        [
            ("it could not support the plan", "The party", "say"),
            ("it would hurt farmers", "The party", "argue"),
        ],
    ),
]


@pytest.mark.parametrize(("key", "expected"), TWO_REPORT_CASES)
def test_second_speech_verb_is_a_second_report_of_the_same_speaker(
    parsed: dict[str, tuple[Article, Parse]], key: str, expected: list[tuple[str, str, str]]
) -> None:
    quotes = _quotes(parsed, key, "indirect")
    assert [(q.text, q.speaker, q.verb) for q in quotes] == expected


@pytest.mark.parametrize(("key", "content", "speaker", "verb"), INDIRECT_CASES)
def test_indirect_speech_content_and_speaker(
    parsed: dict[str, tuple[Article, Parse]], key: str, content: str, speaker: str, verb: str
) -> None:
    (quote,) = _quotes(parsed, key, "indirect")
    assert (quote.text, quote.speaker, quote.verb) == (content, speaker, verb)


@pytest.mark.parametrize(
    "key", ["mental", "headline", "what_called", "what_called_quoted", "what_described"]
)
def test_no_indirect_speech_without_a_speech_act(
    parsed: dict[str, tuple[Article, Parse]], key: str
) -> None:
    assert _quotes(parsed, key, "indirect") == []


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_quote_offsets_slice_the_article(
    parsed: dict[str, tuple[Article, Parse]], key: str
) -> None:
    article, parse = parsed[key]
    for quote in extract_quotes(parse, article=article, entities=()):
        assert quote.text == article.text[quote.start : quote.end]
        assert quote.article_id == article.id
        if quote.speaker is not None:
            assert quote.speaker == article.text[quote.speaker_start : quote.speaker_end]


def test_typographic_marks_kept_in_quote_text(parse_text: Callable[[str, str], Parse]) -> None:
    text = "The minister called it “a ‘historic’ step” on Monday."
    article = Article(id="curly", text=text)
    quotes = extract_quotes(parse_text(text, "curly"), article=article, entities=())
    assert [q.text for q in quotes if q.kind == "direct"] == ["a ‘historic’ step"]


# --- Coreference through the actor stage's entities -----------------------------------------


def test_pronoun_speaker_resolves_through_antecedent(
    parsed: dict[str, tuple[Article, Parse]],
) -> None:
    article, parse = parsed["pronoun"]
    pompeo = article.text.index("Pompeo")
    he = article.text.index(" he ") + 1
    entities = (
        Entity(article.id, pompeo, pompeo + 6, "Pompeo", "PERSON", "USAGOV", 0),
        Entity(article.id, he, he + 2, "he", "PRON", None, 1, antecedent=0),
    )
    (quote,) = extract_quotes(parse, article=article, entities=entities)
    assert (quote.speaker, quote.speaker_start, quote.speaker_actor) == ("he", he, "USAGOV")


def test_speaker_takes_the_entity_span(parsed: dict[str, tuple[Article, Parse]]) -> None:
    article, parse = parsed["partial"]
    start = article.text.index("ministry")
    entities = (Entity(article.id, start - 4, start + 8, "The ministry", "AGENT", "GOV", 0),)
    quotes = extract_quotes(parse, article=article, entities=entities)
    assert {(quote.speaker, quote.speaker_actor) for quote in quotes} == {("The ministry", "GOV")}


def test_problems_come_from_the_second_entry_point(parse_text: Callable[[str, str], Parse]) -> None:
    text = 'She said "we will win. Then she left.'
    article = Article(id="broken", text=text)
    quotes, problems = extract_quotes_with_problems(
        parse_text(text, "broken"), article=article, entities=()
    )
    assert [q.text for q in quotes if q.kind == "direct"] == ["we will win."]
    assert problems == (
        Problem("broken", "quotes", "W601", problems[0].message, "warning", start=9, end=22),
    )


# --- The seed article (issue 6), with the actor stage -----------------------------------------

SEED_CHECKS = [
    ("concrete steps", "PRK"),
    ("The first meeting with you, Mr. President", "PRK"),
    ("very unfortunate", "PRK"),
    ("The United States makes a fatal mistake", "PRK"),
    ("complete and fully verifiable nuclear disarmament", "USA"),
    ("We are asking the 1718 Committee", "USA"),
]


@pytest.fixture(scope="module")
def seed_quotes(seed_article: Article, seed_parse: Parse) -> tuple[Quote, ...]:
    actors = pytest.importorskip("newsevents.stages.actors")
    dictionaries = pytest.importorskip("newsevents.dictionaries.actors")
    entities = actors.extract_actors(
        seed_parse, article=seed_article, dictionaries=dictionaries.load_actor_dictionaries()
    )
    return extract_quotes(seed_parse, article=seed_article, entities=entities)


@pytest.mark.parametrize(("opening", "actor"), SEED_CHECKS)
def test_seed_quote_speakers(seed_quotes: tuple[Quote, ...], opening: str, actor: str) -> None:
    (quote,) = [q for q in seed_quotes if q.kind == "direct" and q.text.startswith(opening)]
    assert (quote.speaker_actor or "").startswith(actor)


def test_seed_no_quote_longer_than_a_paragraph(seed_article: Article, seed_parse: Parse) -> None:
    quotes, problems = extract_quotes_with_problems(seed_parse, article=seed_article, entities=())
    assert len([q for q in quotes if q.kind == "direct"]) >= 10
    assert all("\n" not in q.text for q in quotes)
    assert all(p.severity == "warning" for p in problems)


# --- Hard-wrapped wire copy (issue 13) -----------------------------------------------------

WIRE = (
    'The minister told reporters: "Our exports of coffee will\n'
    "recover by the end of the year, and we see no reason to\n"
    'change the quota system now." He spoke in the capital.\n'
    "    Officials said prices would stay firm.\n"
)


def test_a_wrapped_quotation_is_one_quote_without_warnings(
    parse_text: Callable[[str], Parse],
) -> None:
    from newsevents.stages.clean import clean_text

    article = Article(id="wire", text=WIRE, date="1987-03-01")
    quotes, problems = extract_quotes_with_problems(
        parse_text(clean_text(WIRE).text), article=article, entities=()
    )
    direct = [quote for quote in quotes if quote.kind == "direct"]
    assert [quote.text for quote in direct] == [WIRE[WIRE.index("Our") : WIRE.index("now.") + 4]]
    assert direct[0].speaker == "The minister"
    assert problems == ()


# --- Mixed quotes: reported speech that quotes some of its words (issue 13) -----------------

MIXED_CASES = [
    (
        'Officials said growth held at a "steady but modest pace" in the spring.',
        'growth held at a "steady but modest pace" in the spring',
        "Officials",
    ),
    (
        'The senator said the plan was "a betrayal of workers" and would fail.',
        'the plan was "a betrayal of workers" and would fail',
        "The senator",
    ),
    (
        'The minister called the plan "a trap for small farmers" on Friday.',
        'the plan "a trap for small farmers"',
        "The minister",
    ),
    (
        "The union warned that the new rules were ‘unworkable’ for small ports.",
        "the new rules were ‘unworkable’ for small ports",
        "The union",
    ),
]


def _extracted(parse_text: Callable[[str], Parse], text: str) -> tuple[Quote, ...]:
    from newsevents.stages.clean import clean_text

    article = Article(id="m", text=text, date="2016-05-01")
    return extract_quotes(parse_text(clean_text(text).text), article=article, entities=())


@pytest.mark.parametrize(("text", "clause", "speaker"), MIXED_CASES)
def test_reported_speech_with_quoted_words_is_a_mixed_quote(
    parse_text: Callable[[str], Parse], text: str, clause: str, speaker: str
) -> None:
    mixed = [q for q in _extracted(parse_text, text) if q.kind == "mixed"]
    assert [(q.text, q.speaker) for q in mixed] == [(clause, speaker)]


@pytest.mark.parametrize(("text", "clause", "speaker"), MIXED_CASES)
def test_quoted_words_of_a_mixed_quote_keep_their_direct_quote_with_its_speaker(
    parse_text: Callable[[str], Parse], text: str, clause: str, speaker: str
) -> None:
    quotes = _extracted(parse_text, text)
    mixed = next(q for q in quotes if q.kind == "mixed")
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert mixed.start <= direct[0].start < direct[0].end <= mixed.end
    assert (direct[0].speaker, direct[0].verb) == (speaker, mixed.verb)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The minister said exports would recover by the summer.", ["indirect"]),
        ('"Exports will recover by the summer," the minister said.', ["direct"]),
        ('The minister called it "a trap" on Friday.', ["direct"]),
    ],
)
def test_speech_without_quoted_words_in_a_reported_clause_is_not_mixed(
    parse_text: Callable[[str], Parse], text: str, kinds: list[str]
) -> None:
    assert [q.kind for q in _extracted(parse_text, text)] == kinds


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The parser ends the sentence at the quote's '!': the next short sentence attributes it.
        ('"We need much tougher leadership NOW!" Trump said on Twitter.', "Trump"),
        ('"Who will pay for the wall?" Warren asked the crowd.', "Warren"),
        ('"This is fantastic," the delegate beamed.', "the delegate"),
        ('"People are afraid of wasting their votes," the voter surmised.', "the voter"),
    ],
)
def test_direct_quote_finds_its_attribution_after_it(
    parse_text: Callable[[str], Parse], text: str, speaker: str
) -> None:
    (quote,) = [q for q in _extracted(parse_text, text) if q.kind == "direct"]
    assert quote.speaker == speaker


def test_a_sentence_of_its_own_after_a_quote_is_no_attribution(
    parse_text: Callable[[str], Parse],
) -> None:
    text = '"Is that all?" Obama said the Republicans had offered nothing new on the budget.'
    (quote,) = [q for q in _extracted(parse_text, text) if q.kind == "direct"]
    assert quote.speaker is None
