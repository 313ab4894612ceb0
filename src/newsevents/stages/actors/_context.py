"""Country context: a role with no country ("the army", "protesters") gets one a reader gives it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsevents.dictionaries.actor_entries import STATE_ROLES, bare_role, country_of
from newsevents.model import Parse
from newsevents.stages.actors._mentions import Mention

# Sentences back where the nearest country may be found (this one and the two before),
# measured on eval/actors: a wider window picks stale countries in multi-country stories.
_WINDOW = 2
_DATELINE_SENTENCES = 3  # a dateline ("SEOUL, July 12 -") is in the first lines
# Prepositions that say where people are ("protesters in London"), not where they go.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
# Roles a reader does not place by the story's country: only by a place attached to them.
_ATTACHED_ONLY = frozenset({"HRI", "MED"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_DATELINE_END = frozenset({",", "(", "-", "--", "—", "–"})


def _dateline(parse: Parse, mentions: Sequence[Mention]) -> str | None:
    """The country of a dateline place that starts a line of the article's first sentences."""
    tokens = parse.tokens
    for mention in mentions:
        first = tokens[mention.first]
        if first.sent >= _DATELINE_SENTENCES:
            return None
        starts_line = mention.first == 0 or "\n" in tokens[mention.first - 1].text + (
            tokens[mention.first - 1].whitespace
        )
        after = tokens[mention.last].text if mention.last < len(tokens) else ""
        if mention.place and mention.code and starts_line and after in _DATELINE_END:
            return country_of(mention.code)
    return None


def _is_context(mention: Mention, parse: Parse) -> bool:
    """Whether a coded mention tells where nearby roles belong: regions ("Europe") do not,
    nor a demonym modifying something that is no actor ("the Saudi explanation")."""
    if mention.rule is not None and mention.rule.startswith("builtin:regions"):
        return False
    head = parse.tokens[mention.last - 1]
    return mention.label != "NORP" or head.dep not in _MODIFIER_DEPS


def _dominant(parse: Parse, mentions: Sequence[Mention]) -> str | None:
    """The article's most mentioned country (the first mentioned of equals)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        usable = mention.code and mention.label != "PRON" and _is_context(mention, parse)
        country = country_of(mention.code) if usable and mention.code else None
        if country is not None:
            counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def _sentence_place(mention: Mention, places: dict[int, list[Mention]], parse: Parse) -> str | None:
    """The country of the place nearest to ``mention`` in its sentence ("protesters in Yangon")."""
    sentence = parse.tokens[mention.first].sent
    nearest = min(
        places.get(sentence, ()),
        key=lambda place: abs(place.first - mention.first),
        default=None,
    )
    return country_of(nearest.code) if nearest is not None and nearest.code else None


def _several(mention: Mention, parse: Parse) -> bool:
    """Whether a count or "both" comes before the mention ("the two leaders")."""
    if mention.first == 0:
        return False
    before = parse.tokens[mention.first - 1]
    return before.tag == "CD" or before.lower in ("both", "all")


def _attached_place(mention: Mention, places: dict[int, list[Mention]], parse: Parse) -> str | None:
    """The country of a place right after the mention ("officials in Seoul")."""
    tokens = parse.tokens
    if mention.last >= len(tokens) or tokens[mention.last].lower not in _LOCATIVE:
        return None
    for place in places.get(tokens[mention.first].sent, ()):
        if mention.last < place.first <= mention.last + 2 and place.code:
            return country_of(place.code)
    return None


def place_roles(parse: Parse, mentions: Sequence[Mention]) -> None:
    """Give each bare role code (``MIL``, ``CVL``) a country, in place; ``mentions`` in order.

    State institutions take the nearest country before them (this sentence or the two before),
    else the dateline's country, else the article's most mentioned one. Other roles (civilians,
    refugees) take the place their sentence puts them in, else the article's country, else the
    dateline's: the nearest country is as often where they fled to. The rule says which
    (``context:country:nearby``, ``:place``, ``:dateline``, ``:article``).
    """
    tokens = parse.tokens
    places: dict[int, list[Mention]] = {}
    for mention in mentions:
        head = tokens[mention.last - 1]
        where = head.dep == "pobj" and tokens[head.head].lower in _LOCATIVE
        if mention.place and where and mention.code and country_of(mention.code):
            places.setdefault(tokens[mention.first].sent, []).append(mention)
    fallback = [("dateline", _dateline(parse, mentions)), ("article", _dominant(parse, mentions))]
    recent: tuple[int, str] | None = None  # (sentence, country) of the latest country mention
    for mention in mentions:
        code = mention.code
        if code is None or mention.label == "PRON":
            continue
        sentence = tokens[mention.first].sent
        role = bare_role(code)
        if role is None:
            country = country_of(code) if _is_context(mention, parse) else None
            recent = (sentence, country) if country else recent
            continue
        if mention.first and tokens[mention.first - 1].tag == "PRP$":
            continue  # "its troops": the possessive's country, once pronouns are resolved
        attached = _attached_place(mention, places, parse)
        if _several(mention, parse) or (role in _ATTACHED_ONLY and mention.label != "PERSON"):
            # "the two leaders" are of two countries; rights groups and media of none stated.
            if attached is not None:
                mention.code, mention.rule = attached + code, "context:country:place"
            continue
        nearby = recent[1] if recent is not None and sentence - recent[0] <= _WINDOW else None
        if role in STATE_ROLES or mention.label == "PERSON":
            options = [("nearby", nearby), *fallback]
        else:
            options = [("place", _sentence_place(mention, places, parse)), *fallback[::-1]]
        options.insert(0, ("place", attached))
        how, country = next(((how, c) for how, c in options if c), ("", None))
        if country is not None:
            mention.code, mention.rule = country + code, f"context:country:{how}"
            recent = (sentence, country)


def place_by_possessive(parse: Parse, mentions: Sequence[Mention]) -> None:
    """Give a role still without a country that of the possessive before it ("its troops",
    "their diplomats"), once pronouns are resolved; ``mentions`` in text order."""
    pronoun_at = {m.first: m for m in mentions if m.label == "PRON" and m.code}
    for mention in mentions:
        code = mention.code
        if code is None or mention.label == "PRON" or bare_role(code) is None:
            continue
        pronoun = pronoun_at.get(mention.first - 1)
        if pronoun is None or parse.tokens[pronoun.first].tag != "PRP$" or not pronoun.code:
            continue
        country = country_of(pronoun.code)
        if country is not None:
            mention.code, mention.rule = country + code, "context:country:possessive"
