"""A small hand-made store for the web tests: three articles on the Korean peninsula, 2017-2018.

The texts are written for these tests; dates and codes are facts (CAMEO 1.1b3 names and Goldstein
weights, UNSCR 2375 adopted on 11 September 2017, the Singapore summit on 12 June 2018).
"""

from __future__ import annotations

from pathlib import Path

from newsevents.model import (
    Annotation,
    Article,
    Entity,
    Event,
    Mode,
    Quote,
    Reference,
    Sentence,
    TimeExpr,
)
from newsevents.storage.duckdb import open_store
from newsevents.storage.rows import annotation_rows

SUMMIT = (
    "SINGAPORE - President Donald Trump met Kim Jong Un on Tuesday, June 12, on Sentosa island. "
    "The two leaders signed a short statement on denuclearization. "
    '"We have developed a very special bond," Trump told reporters.'
)
SANCTIONS = (
    "NEW YORK - The Security Council imposed new sanctions on North Korea on Monday. "
    "Resolution 2375 caps oil imports after the test of September 3. "
    "Washington accused Pyongyang of threatening the region."
)
TALKS = (
    "SEOUL - North Korea did not return to talks in July, officials said. "
    "Pyongyang may resume missile tests later this year."
)


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences split on ". " (enough for these texts); token ranges are not used by the store."""
    found, start = [], 0
    for index, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        found.append(Sentence(index, start, min(end, len(text)), index * 20, index * 20 + 20))
        start += len(part) + 2
    return tuple(found)


def event(
    article_id: str,
    text: str,
    trigger: str,
    *,
    source: str | None,
    target: str | None,
    code: str,
    quad_class: int,
    goldstein: float,
    sentence: int,
    date: str | None,
    mode: Mode = "asserted",
    plover: str | None = None,
    quote: int | None = None,
) -> Event:
    start, end = span(text, trigger)
    return Event(
        article_id=article_id,
        source=source,
        target=target,
        code=code,
        root=code[:2],
        quad_class=quad_class,
        goldstein=goldstein,
        plover=plover,
        mode=mode,
        sentence=sentence,
        start=start,
        end=end,
        rule=f"verb:{trigger.split()[0].lower()}->{code}",
        source_text=source,
        target_text=target,
        date=date,
        date_precision={10: "day", 7: "month", 4: "year"}.get(len(date)) if date else None,
        trigger_start=start,
        trigger_end=start + len(trigger.split()[0]),
        quote=quote,
    )


def entity(
    article_id: str,
    text: str,
    phrase: str,
    label: str,
    actor: str | None,
    sentence: int,
    after: int = 0,
) -> Entity:
    start, end = span(text, phrase, after)
    return Entity(article_id, start, end, phrase, label, actor, sentence, rule="test")


def summit() -> Annotation:
    a = "summit-2018"
    quote_start, quote_end = span(SUMMIT, "We have developed a very special bond,")
    speaker_start, speaker_end = span(SUMMIT, "Trump", quote_end)
    return Annotation(
        article=Article(
            id=a,
            text=SUMMIT,
            date="2018-06-12",
            title="Trump and Kim meet",
            source="test wire",
            url="https://example.org/summit",
        ),
        sentences=sentences(SUMMIT),
        entities=(
            entity(a, SUMMIT, "Donald Trump", "PERSON", "USAGOV", 0),
            entity(a, SUMMIT, "Kim Jong Un", "PERSON", "PRKGOV", 0),
            entity(a, SUMMIT, "Sentosa", "LOC", None, 0),
        ),
        timexes=(
            TimeExpr(
                a,
                *span(SUMMIT, "Tuesday, June 12"),
                "Tuesday, June 12",
                "DATE",
                "2018-06-12",
                0,
                rule="weekday+date",
            ),
        ),
        quotes=(
            Quote(
                a,
                quote_start,
                quote_end,
                SUMMIT[quote_start:quote_end],
                "direct",
                "Trump",
                speaker_start,
                speaker_end,
                "USAGOV",
                2,
                verb="tell",
                event=2,
            ),
        ),
        events=(
            event(
                a,
                SUMMIT,
                "met Kim Jong Un",
                source="USAGOV",
                target="PRKGOV",
                code="040",
                quad_class=1,
                goldstein=1.0,
                sentence=0,
                date="2018-06-12",
                plover="CONSULT",
            ),
            event(
                a,
                SUMMIT,
                "signed a short statement",
                source="PRKGOV",
                target="USAGOV",
                code="057",
                quad_class=1,
                goldstein=8.0,
                sentence=1,
                date="2018-06-12",
                plover="AGREE",
            ),
            event(
                a,
                SUMMIT,
                "told reporters",
                source="USAGOV",
                target=None,
                code="010",
                quad_class=1,
                goldstein=0.0,
                sentence=2,
                date="2018-06-12",
                quote=0,
            ),
        ),
    )


def sanctions() -> Annotation:
    a = "sanctions-2017"
    return Annotation(
        article=Article(
            id=a,
            text=SANCTIONS,
            date="2017-09-12",
            title="Council tightens sanctions",
            source="test wire",
        ),
        sentences=sentences(SANCTIONS),
        entities=(
            entity(a, SANCTIONS, "Security Council", "ORG", "IGOUNO", 0),
            entity(a, SANCTIONS, "North Korea", "GPE", "PRK", 0),
            entity(a, SANCTIONS, "Washington", "GPE", "USAGOV", 2),
            entity(a, SANCTIONS, "Pyongyang", "GPE", "PRKGOV", 2),
            entity(a, SANCTIONS, "Council", "ORG", None, 0, after=20),
        ),
        timexes=(
            TimeExpr(a, *span(SANCTIONS, "Monday"), "Monday", "DATE", "2017-09-11", 0),
            TimeExpr(a, *span(SANCTIONS, "September 3"), "September 3", "DATE", "2017-09-03", 1),
        ),
        references=(
            Reference(
                a,
                *span(SANCTIONS, "Resolution 2375"),
                "Resolution 2375",
                "unsc_resolution",
                "UNSCR 2375",
            ),
        ),
        events=(
            event(
                a,
                SANCTIONS,
                "imposed new sanctions",
                source="IGOUNO",
                target="PRK",
                code="163",
                quad_class=4,
                goldstein=-8.0,
                sentence=0,
                date="2017-09-11",
                plover="SANCTION",
            ),
            event(
                a,
                SANCTIONS,
                "accused Pyongyang",
                source="USAGOV",
                target="PRKGOV",
                code="112",
                quad_class=3,
                goldstein=-2.0,
                sentence=2,
                date="2017-09-12",
                plover="ACCUSE",
            ),
            event(
                a,
                SANCTIONS,
                "test of September",
                source="PRK",
                target=None,
                code="1041",
                quad_class=4,
                goldstein=-10.0,
                sentence=1,
                date="2017-09-03",
                mode="historical",
            ),
        ),
    )


def talks() -> Annotation:
    a = "talks-2018"
    return Annotation(
        article=Article(id=a, text=TALKS, date="2018-07-12", title="No talks in July"),
        sentences=sentences(TALKS),
        entities=(
            entity(a, TALKS, "North Korea", "GPE", "PRK", 0),
            entity(a, TALKS, "Pyongyang", "GPE", "PRKGOV", 1),
        ),
        events=(
            event(
                a,
                TALKS,
                "return to talks",
                source="PRK",
                target="USAGOV",
                code="046",
                quad_class=1,
                goldstein=7.0,
                sentence=0,
                date=None,
                mode="negated",
            ),
            event(
                a,
                TALKS,
                "resume missile tests",
                source="PRKGOV",
                target=None,
                code="138",
                quad_class=3,
                goldstein=-7.0,
                sentence=1,
                date="2018",
                mode="hypothetical",
            ),
        ),
    )


def build_store(path: Path) -> Path:
    """Write the three articles into a new store at ``path``."""
    with open_store(path) as store:
        for annotation in (summit(), sanctions(), talks()):
            store.write(annotation_rows(annotation, run_id="test"))
    return path
