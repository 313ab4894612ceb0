"""Near-duplicates: shingles, MinHash similarity, LSH band keys and story assignment."""

from __future__ import annotations

import json
import random
from itertools import combinations
from pathlib import Path

import pytest

from newsevents.stages.dedup import (
    LSH_THRESHOLD,
    Fingerprint,
    assign_stories,
    band_keys,
    fingerprint,
    lsh_shape,
    shingles,
    similarity,
)

SHARED = Path(__file__).resolve().parents[4] / "shared"
REUTERS = SHARED / "data" / "reuters" / "articles.jsonl"
THRESHOLD = 0.5

STORY = (
    "The United Nations Security Council voted unanimously on Friday to tighten sanctions on "
    "North Korea after its latest intercontinental ballistic missile test. The resolution caps "
    "refined petroleum deliveries at half a million barrels a year and orders North Korean "
    "workers abroad home within two years. China and Russia, which hold vetoes, backed the "
    "measure after weeks of negotiation with the United States. Pyongyang's envoy called the "
    "vote an act of war and said his country would keep building its deterrent."
)
OTHER = (
    "Iran and six world powers reached an agreement in Vienna that limits Tehran's nuclear "
    "program in exchange for the lifting of economic sanctions. Inspectors of the International "
    "Atomic Energy Agency will verify that enrichment stays below agreed levels, and the deal "
    "was later endorsed by the Security Council in a resolution."
)


def test_shingles_are_lowercased_word_five_grams() -> None:
    assert shingles("One two three four five SIX") == {
        b"one two three four five",
        b"two three four five six",
    }


def test_short_text_is_one_shingle() -> None:
    assert shingles("Talks resumed.") == {b"talks resumed"}


@pytest.mark.parametrize(
    ("copy", "copied"),
    [
        (STORY, True),
        ("UPDATE 1-UN tightens sanctions\nBy a staff reporter\n" + STORY, True),
        (STORY.rsplit(". ", 1)[0] + ".", True),  # last sentence dropped
        (STORY[: int(len(STORY) * 0.6)], True),  # cut short: containment still high
        (STORY.replace("Friday", "Saturday").replace("half a million", "500,000"), True),
        (OTHER, False),
    ],
)
def test_similarity_tells_copies_from_other_stories(copy: str, copied: bool) -> None:
    score = similarity(fingerprint("a", STORY), fingerprint("b", copy))
    assert (score >= THRESHOLD) is copied


def test_tiny_texts_are_never_copies() -> None:
    assert similarity(fingerprint("a", "Talks resumed."), fingerprint("b", "Talks resumed.")) == 0.0


def test_band_keys_use_datasketch_lsh_shape() -> None:
    bands, _ = lsh_shape(LSH_THRESHOLD)
    keys = band_keys(fingerprint("a", STORY).signature)
    assert len(keys) == bands and len(set(keys)) == bands


def test_identical_texts_share_every_band_key() -> None:
    assert band_keys(fingerprint("a", STORY).signature) == band_keys(
        fingerprint("b", STORY).signature
    )


def test_a_copy_cut_to_sixty_percent_shares_a_band_key() -> None:
    cut = STORY[: int(len(STORY) * 0.6)]
    first, second = (band_keys(fingerprint(n, t).signature) for n, t in (("a", STORY), ("b", cut)))
    assert set(first) & set(second)


def test_first_article_is_canonical_and_copies_join_its_story() -> None:
    items = [
        fingerprint("x1", STORY),
        fingerprint("x2", OTHER),
        fingerprint("x3", "Note. " + STORY),
    ]
    stories = [(m.article_id, m.story_id) for m in assign_stories(items, {}, threshold=THRESHOLD)]
    assert stories == [("x1", "x1"), ("x2", "x2"), ("x3", "x1")]


def test_stored_articles_keep_their_story() -> None:
    stored = {"old": (fingerprint("old", STORY), "older-story")}
    (membership,) = assign_stories([fingerprint("new", STORY)], stored, threshold=THRESHOLD)
    assert membership.story_id == "older-story" and membership.similarity == 1.0


def test_story_assignment_ignores_candidate_order() -> None:
    a, b = fingerprint("a", STORY), fingerprint("b", STORY)
    first = assign_stories([fingerprint("n", STORY)], {"a": (a, "a"), "b": (b, "b")}, threshold=0.5)
    second = assign_stories(
        [fingerprint("n", STORY)], {"b": (b, "b"), "a": (a, "a")}, threshold=0.5
    )
    assert first == second and first[0].story_id == "a"


def _variant(text: str, kind: int, rng: random.Random) -> str:
    """A syndicated copy: a new slug, a dropped ending, a few words changed, or a cut."""
    words = text.split()
    if kind == 0:
        return "WASHINGTON (Wire) - " + text + " Reporting by staff; editing by the desk."
    if kind == 1:
        return " ".join(words[: int(len(words) * 0.85)])
    if kind == 2:
        for index in rng.sample(range(len(words)), max(1, len(words) // 40)):
            words[index] = words[index].upper() + "s"
        return " ".join(words)
    return " ".join(words[: int(len(words) * 0.65)])


@pytest.mark.skipif(not REUTERS.exists(), reason="../shared/data is not beside the checkout")
def test_planted_copies_are_found_with_high_precision_and_recall() -> None:
    rng = random.Random(7)
    base: list[Fingerprint] = []
    texts: dict[str, str] = {}
    for line in REUTERS.read_text(encoding="utf-8").splitlines()[:400]:
        record = json.loads(line)
        if len(record["text"].split()) < 120:
            continue
        item = fingerprint(str(record["id"]), record["text"])
        if all(similarity(item, other) < 0.3 for other in base):  # the corpus has real copies
            base.append(item)
            texts[item.article_id] = record["text"]
    truth = {item.article_id: item.article_id for item in base}
    items = list(base)
    for number, original in enumerate(base[:40]):
        copy_id = f"copy-{number}"
        items.append(fingerprint(copy_id, _variant(texts[original.article_id], number % 4, rng)))
        truth[copy_id] = original.article_id
    found = {m.article_id: m.story_id for m in assign_stories(items, {}, threshold=THRESHOLD)}
    pairs = list(combinations(sorted(truth), 2))
    predicted = {(a, b) for a, b in pairs if found[a] == found[b]}
    actual = {(a, b) for a, b in pairs if truth[a] == truth[b]}
    hits = len(predicted & actual)
    assert len(actual) == 40
    assert hits / len(predicted) >= 0.95 and hits / len(actual) >= 0.95
