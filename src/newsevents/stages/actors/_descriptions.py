"""Descriptions that refer back to an organization ("the alliance" after NATO) and "-led"
compounds that name who leads a group ("Hamas-led fighters")."""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.dictionaries.actor_entries import bare_role, country_of
from newsevents.model import Parse
from newsevents.stages.actors._mentions import NOUN_POS, Mention, combine

# "the <word>" refers back to the latest organization whose code starts with one of these
# (Phoenix codes as organizations.tsv gives them), and, if a name word is given, whose
# mention contains it ("the council" after "the Security Council", not after "the UN").
_DESCRIPTIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "alliance": (("IGOWSTNAT",), None),
    "bloc": (
        ("IGOEUREEC", "IGOSEAASN", "IGOAFRAFU", "IGOWAFWAS", "IGOMEA", "IGOSAFSAD", "IGOGOS"),
        None,
    ),
    "agency": (("IGOUNOIAE", "IGOUNOREF", "IGOUNOWFP", "IGOUNOKID", "IGOUNOHLH"), None),
    "council": (("IGO",), "council"),
    "commission": (("IGO",), "commission"),
}
# "-led" gives a group its leader's code; "-backed" does not (Iran-backed militias are not Iran).
_LEAD_WORDS = frozenset({"led"})


def _antecedent(
    parse: Parse, mentions: Sequence[Mention], before: int, word: str
) -> Mention | None:
    prefixes, name_word = _DESCRIPTIONS[word]
    for mention in reversed(mentions):
        code = mention.code
        # A person coded for an organization names it too ("NATO Secretary General ...").
        if mention.first >= before or code is None or mention.label not in ("ORG", "PERSON"):
            continue
        if not code.startswith(prefixes):
            continue
        text = parse.text[parse.tokens[mention.first].start : parse.tokens[mention.last - 1].end]
        if name_word is None or name_word in text.lower():
            return mention
    return None


def description_mentions(
    parse: Parse, mentions: Sequence[Mention], covered: Sequence[bool]
) -> list[Mention]:
    """Mentions for "the alliance", "the bloc", "the agency" that follow the organization they
    describe; ``mentions`` in text order."""
    found: list[Mention] = []
    tokens = parse.tokens
    for token in tokens:
        word = token.lower
        if word not in _DESCRIPTIONS or covered[token.i] or token.i == 0:
            continue
        if tokens[token.i - 1].lower != "the" or token.pos not in NOUN_POS:
            continue
        antecedent = _antecedent(parse, mentions, token.i, word)
        if antecedent is not None:
            mention = Mention(token.i - 1, token.i + 1, "ORG", antecedent.code)
            mention.rule, mention.antecedent = f"coref:description:{word}", antecedent
            found.append(mention)
    return found


def lead_compounds(parse: Parse, mentions: Sequence[Mention]) -> None:
    """Give a group its leader's code ("Hamas-led fighters" -> PSEREBHMS, "Saudi-led forces"
    -> SAUMIL), in place; ``mentions`` in text order."""
    tokens = parse.tokens
    at = {mention.last: mention for mention in mentions}
    for mention in mentions:
        first = mention.first
        if mention.label != "AGENT" or mention.code is None or first < 3:
            continue
        if bare_role(mention.code) is None:
            continue  # "Saudi-led Yemeni forces" already say whose
        if tokens[first - 1].lower not in _LEAD_WORDS or tokens[first - 2].text != "-":
            continue
        leader = at.get(first - 2)
        if leader is None or leader.code is None or leader.label == "PRON":
            continue
        code = combine(leader.code, mention.code) if country_of(leader.code) else leader.code
        if code is not None:
            mention.code, mention.rule = code, f"lead:{leader.rule}"
