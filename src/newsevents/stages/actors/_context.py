"""Country context: a role with no country ("the army", "protesters") gets one a reader gives it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsevents.dictionaries.actor_entries import FORMER_ROLE, STATE_ROLES, bare_role, country_of
from newsevents.model import Parse
from newsevents.stages.actors._mentions import Mention

# Sentences back where the nearest country may be found (this one and the two before),
# measured on eval/actors: a wider window picks stale countries in multi-country stories.
_WINDOW = 2
_DATELINE_SENTENCES = 3  # a dateline ("SEOUL, July 12 -") is in the first lines
# Prepositions that say where people are ("protesters in London"), not where they go.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
# Prepositions that tie a role to a place or owner: "officials in Seoul", "envoys from Iran",
# "the leaders of the EU".
_ATTACHING = _LOCATIVE | {"from", "of", "for"}  # "for": organizations only ("a spokesperson
# for UNHCR"; "the envoy for Syria" is no Syrian)
_OF_LABELS = frozenset({"GPE", "ORG"})
# Roles a reader does not place by the story's country: only by a place attached to them.
_ATTACHED_ONLY = frozenset({"HRI", "MED"})
# Of those, roles also placed by their sentence's place (issue 11: a journalist a court in
# Nairobi convicts is Kenyan media, as CAMEO codes it).
_PLACED_ONLY = frozenset({"MED"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_DATELINE_END = frozenset({",", "(", "-", "--", "—", "–"})
# "former"/"ex-" before a title; persons the dictionary dates; labels of titles.
_FORMER = frozenset({"former", "ex", "ex-"})
_DATED_RULES = ("builtin:persons:", "coref:name")
_TITLED = frozenset({"AGENT", "PERSON"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# State institutions that are actors when they act with no tie ("the court ruled"); armed
# forces ("forces", "a soldier") are not: in a war story they are as often the other side's
# (the VOA gold readings: placing them by context cost a correct event).
_ACTING_ROLES = frozenset({"GOV", "COP", "SPY", "JUD", "LEG"})
# Roles a count does not split among countries: "18 people", "thousands of protesters" are
# civilians where the sentence or the story is (CAMEO CVL), unlike "the two leaders".
_COUNTED_ROLES = frozenset({"CVL"})
_QUANTITIES = frozenset({"dozens", "hundreds", "thousands", "tens", "millions", "scores"})
_OTHER_PREPOSITIONS = frozenset({"of", "at", "for"})
_GROUP_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod"})
# Tokens before a role where a place modifying it may end ("a Lagos-based rights lawyer").
_PLACE_REACH = 4
# Rules of persons whose code is that of another mention: a title in apposition, the group
# they belong to, an earlier full name.
LINKED_RULES = frozenset({"title:appos", "member:of", "coref:name"})
# Rules of mentions that are cities, and cities that are venues of international bodies and
# talks (seats of the UN, IAEA, EU, ICC, OSCE; hosts of the Minsk, Doha and Astana talks): a
# venue says where, not whose, unless the article names its country.
_CITY_RULES = ("place:city:", "capital:place:")
_VENUES = frozenset(
    {"Geneva", "Vienna", "New York", "New York City", "Brussels", "The Hague", "Strasbourg"}
    | {"Davos", "Minsk", "Doha", "Astana", "Nur-Sultan", "Lausanne"}
)


def _dateline(parse: Parse, mentions: Sequence[Mention], named: set[str]) -> str | None:
    """The country of a dateline place that starts a line of the article's first sentences,
    if the article names that country (a Geneva dateline on a story about Myanmar is no tie)."""
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
            country = country_of(mention.code)
            return country if country in named else None
    return None


def _is_venue(mention: Mention) -> bool:
    rule = mention.rule or ""
    return rule.startswith(_CITY_RULES) and rule.split(":", 2)[2] in _VENUES


def _named(mentions: Sequence[Mention]) -> set[str]:
    """Countries the article names other than by a venue ("Myanmar", "Burmese", "Kharkiv")."""
    return {
        country
        for mention in mentions
        if mention.code and mention.label != "PRON" and not _is_venue(mention)
        if (country := country_of(mention.code)) is not None
    }


def _is_context(mention: Mention, parse: Parse, named: set[str]) -> bool:
    """Whether a coded mention tells where nearby roles belong: regions ("Europe") do not,
    nor a demonym modifying something that is no actor ("the Saudi explanation"), nor a venue
    whose country the article never names ("the Council in Geneva", talks in Minsk)."""
    if mention.rule is not None and mention.rule.startswith("builtin:regions"):
        return False
    if _is_venue(mention) and mention.code and country_of(mention.code) not in named:
        return False
    head = parse.tokens[mention.last - 1]
    return mention.label != "NORP" or head.dep not in _MODIFIER_DEPS


def _dominant(parse: Parse, mentions: Sequence[Mention], named: set[str]) -> str | None:
    """The article's most mentioned country (the first mentioned of equals)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        usable = mention.code and mention.label != "PRON" and _is_context(mention, parse, named)
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
    i = mention.first - 1
    while i > 0 and parse.tokens[i].pos == "ADJ":
        i -= 1  # "two regional presidents"
    if i < 0:
        return False
    before = parse.tokens[i]
    return before.tag == "CD" or before.lower in ("both", "all")


def _counted(mention: Mention, parse: Parse) -> bool:
    """Whether people are counted: "18 people", "thousands of protesters"."""
    tokens = parse.tokens
    i = mention.first - 1
    if i > 0 and tokens[i].lower == "of":
        i -= 1
        return tokens[i].tag == "CD" or tokens[i].lower in _QUANTITIES
    return _several(mention, parse)


def _attached(mention: Mention, owners: dict[int, Mention], parse: Parse) -> str | None:
    """The code an attached phrase gives a role: the country of a place or country after a
    locative or "from" ("officials in Seoul", "a negotiator from the Marshall Islands"), or
    the country or organization after "of" ("the presidents of the European Council")."""
    tokens = parse.tokens
    if mention.last >= len(tokens):
        return None
    preposition = tokens[mention.last]
    if preposition.lower not in _ATTACHING or not mention.first <= preposition.head < mention.last:
        return None
    start = mention.last + 1
    if start < len(tokens) and tokens[start].pos in ("DET", "ADJ") and start not in owners:
        start += 1  # "from the Marshall Islands", "in eastern Aleppo"
    other = owners.get(start)
    if other is not None and other.first == start and other.code and other.label != "PRON":
        head = tokens[other.last - 1]
        if head.dep != "pobj" or head.head != preposition.i:
            return None
        country = country_of(other.code)
        if preposition.lower == "for" and other.label != "ORG":
            return None
        if preposition.lower in ("of", "for") and other.label in _OF_LABELS:
            return country or (other.code if bare_role(other.code) is None else None)
        return country if other.place or preposition.lower == "from" else None
    return None


def _place_before(mention: Mention, owners: dict[int, Mention], parse: Parse) -> str | None:
    """The country of a place that modifies a role from before ("the Quebec government", "an
    Istanbul court", "West Bengal Chief Minister"): a city or region inside its noun phrase."""
    tokens = parse.tokens
    head = tokens[mention.last - 1]
    i = mention.first - 1
    while i >= 0 and mention.first - i <= _PLACE_REACH:
        other = owners.get(i)
        if other is not None:
            last = tokens[other.last - 1]
            modifies = last.dep in _MODIFIER_DEPS | {"npadvmod"}  # "Lagos-based"
            ties = modifies and mention.first <= last.head <= head.i + 1
            inside = modifies and i < last.head < mention.first
            if other.place and other.code and (ties or inside):
                return country_of(other.code)
            return None
        hyphen = tokens[i].text == "-" and tokens[i].dep == "punct"
        if tokens[i].dep not in _MODIFIER_DEPS and not hyphen:
            return None
        i -= 1
    return None


def _of_other(mention: Mention, owners: dict[int, Mention], parse: Parse) -> bool:
    """Whether "of" and a phrase that is no actor follow the role ("leader of the movement"),
    or of/at/for and an organization no dictionary knows ("vice president at the Carnegie
    Endowment", "a fellow at Brookings"): the role is that body's, of no country stated."""
    tokens = parse.tokens
    if mention.last + 1 >= len(tokens) or tokens[mention.last].lower not in _OTHER_PREPOSITIONS:
        return False
    preposition = tokens[mention.last]
    if not mention.first <= preposition.head < mention.last:
        return False
    phrase = [t for t in tokens[mention.last + 1 :] if t.head == preposition.i and t.dep == "pobj"]
    if not phrase:
        return False
    other = owners.get(phrase[0].i)
    if other is not None:
        return other.code is None and other.label == "ORG"
    if preposition.lower != "of":
        return False
    # A group is named with a determiner, modifier or name ("of the movement"); a bare noun is
    # what a verb charges or convicts of ("convicted the officer of manslaughter").
    head = phrase[0]
    return head.pos == "PROPN" or any(
        t.head == head.i and t.dep in _GROUP_DEPS for t in tokens[mention.last + 1 : head.i]
    )


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
    named = _named(mentions)
    owners = {i: m for m in mentions for i in range(m.first, m.last)}
    countries_in: dict[int, set[str]] = {}  # sentence -> countries its coded mentions name
    for other in mentions:
        country = country_of(other.code) if other.code and other.label != "PRON" else None
        if country is not None:
            countries_in.setdefault(tokens[other.first].sent, set()).add(country)
    fallback = [
        ("dateline", _dateline(parse, mentions, named)),
        ("article", _dominant(parse, mentions, named)),
    ]
    recent: tuple[int, str] | None = None  # (sentence, country) of the latest country mention
    for mention in mentions:
        code = mention.code
        if code is None or mention.label == "PRON":
            continue
        sentence = tokens[mention.first].sent
        role = bare_role(code)
        if role is None:
            country = country_of(code) if _is_context(mention, parse, named) else None
            recent = (sentence, country) if country else recent
            continue
        if mention.antecedent is not None and mention.rule in LINKED_RULES:
            continue  # the person its title or name refers to says whose (``follow_links``)
        if mention.first and tokens[mention.first - 1].tag == "PRP$":
            continue  # "its troops": the possessive's country, once pronouns are resolved
        attached = _attached(mention, owners, parse) or _place_before(mention, owners, parse)
        titled = mention.label == "PERSON"  # "General Dave Goldfein": a title with a name
        counted = role in _COUNTED_ROLES and _counted(mention, parse)  # "18 people"
        untied_ok = titled or counted or _acting(mention, role, parse)
        if mention.tied and attached is None and not untied_ok:
            mention.code = None  # "in court", "people say": no actor (dropped by ``untied``)
            continue
        placed_only = role in _PLACED_ONLY and mention.label == "AGENT"
        if placed_only and attached is None and not _several(mention, parse):
            attached = _sentence_place(mention, places, parse)  # "a court in Nairobi jailed a
            # journalist": a reporter is where the sentence is, never the story's country
        if attached is None and _of_other(mention, owners, parse):
            continue  # "a leader of the 2014 movement" is of no country stated
        if attached is not None and country_of(attached) is None:
            mention.code, mention.rule = attached, "context:organization:of"
            continue
        several = _several(mention, parse) and role not in _COUNTED_ROLES
        if several or (role in _ATTACHED_ONLY and mention.label != "PERSON"):
            # "the two leaders" are of two countries; rights groups and media of none stated.
            if attached is not None:
                mention.code, mention.rule = attached + code, "context:country:place"
            continue
        nearby = recent[1] if recent is not None and sentence - recent[0] <= _WINDOW else None
        if counted and mention.tied:
            # "18 people" are of the one country their sentence names, else (none named) of
            # the story's; of none when it names several ("lawmakers in Washington ... the
            # Treasury imposed sanctions on 11 people linked to Iran's program").
            named_here = countries_in.get(sentence, set())
            only = next(iter(named_here)) if len(named_here) == 1 else None
            story = fallback[1][1] if not named_here else None
            options = [("sentence", only), ("article", story)]
        elif role in STATE_ROLES or mention.label == "PERSON":
            options = [("nearby", nearby), *fallback]
        else:
            options = [("place", _sentence_place(mention, places, parse)), *fallback[::-1]]
        options.insert(0, ("place", attached))
        how, country = next(((how, c) for how, c in options if c), ("", None))
        if country is not None:
            mention.code, mention.rule = country + code, f"context:country:{how}"
            recent = (sentence, country)


def _acting(mention: Mention, role: str, parse: Parse) -> bool:
    """Whether a state institution acts in its sentence: a subject ("the court ruled") or a
    passive's agent ("sentenced by a judge")."""
    tokens = parse.tokens
    head = tokens[mention.last - 1]
    agent = head.dep == "pobj" and tokens[head.head].dep == "agent"
    # A modifier no dictionary knows owns it ("Kurdish forces", "Wagner forces").
    owned = any(
        token.head == head.i
        and token.dep in _MODIFIER_DEPS | {"poss"}
        and (token.ent_type or token.text[:1].isupper())
        for token in tokens[max(0, mention.first - 3) : mention.first]
    )
    return role in _ACTING_ROLES and (head.dep in _SUBJECT_DEPS or agent) and not owned


def untied(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the agents that no tie made actors ("in court", "our people")."""
    return [
        mention
        for mention in mentions
        if not mention.tied
        or mention.label == "PERSON"
        or (mention.code is not None and bare_role(mention.code) is None)
    ]


def follow_links(mentions: Sequence[Mention]) -> None:
    """A person named with a title or through a name takes the code of what it refers to,
    once that is placed ("the foreign minister of Chile, Ana Soto" -> CHLGOV, and "Soto"
    later); ``mentions`` in text order, so chains resolve forward (twice for a headline's
    surname that refers ahead)."""
    for _ in range(2):
        for mention in mentions:
            antecedent = mention.antecedent
            if antecedent is None or mention.rule not in LINKED_RULES:
                continue
            if not antecedent.code:
                mention.code = None  # a name whose full form stayed of no one stated
                continue
            bare = bare_role(antecedent.code) is not None
            # A title that stayed of no country ("a leader of the student movement") says
            # nothing of whose the person is.
            mention.code = None if bare and mention.rule != "coref:name" else antecedent.code


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


def mark_former(parse: Parse, mentions: Sequence[Mention]) -> None:
    """A title after "former" names one of the country's elite, not its office holder ("Former
    president Alvaro Uribe" -> COLELI), in place. A person the dictionary dates keeps its code:
    the dates already say whether the person is in office."""
    tokens = parse.tokens
    for mention in mentions:
        code, rule = mention.code, mention.rule or ""
        if code is None or rule.startswith(_DATED_RULES) or mention.label not in _TITLED:
            continue
        before = mention.first - 1
        if before > 0 and tokens[before].pos == "DET":
            before -= 1
        country = country_of(code)
        if before >= 0 and tokens[before].lower in _FORMER and country is not None:
            mention.code, mention.rule = country + FORMER_ROLE, f"former:{rule}"
