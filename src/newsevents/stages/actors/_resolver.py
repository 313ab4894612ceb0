"""Resolve an article's mentions: titles, NER names, surnames, "the president", "the North"."""

from __future__ import annotations

from collections import Counter

from newsevents.dictionaries.actor_entries import (
    PhraseEntry,
    bare_role,
    country_of,
    from_base,
    select_actor,
)
from newsevents.dictionaries.actors import ActorDictionaries
from newsevents.dictionaries.cities import city_country, rival_namesake
from newsevents.model import Actor, Article, Parse, Token
from newsevents.stages.actors._compounds import hyphen_mentions
from newsevents.stages.actors._mentions import (
    MODIFIER_KINDS,
    NOUN_POS,
    Mention,
    Piece,
    combine,
    find_pieces,
    groups,
    ner_owner,
)

# spaCy NER labels (OntoNotes) that name possible actors, and places/events kept for later stages.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"LOC", "FAC", "EVENT"})
# The small model tags some cities NORP ("Aleppo") or FAC ("Kharkiv").
_CITY_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A capital is its government as a subject, as the one addressed by a verb of speaking or
# pressing ("warned Pyongyang"), or after these prepositions ("talks with Kyiv"); elsewhere
# ("in Pyongyang", "raided Ramallah") it is a place.
_OBJECT_DEPS = frozenset({"dobj", "dative"})
_ADDRESS_VERBS = frozenset(
    {
        "accuse",
        "ask",
        "back",
        "blame",
        "call",
        "condemn",
        "criticise",
        "criticize",
        "invite",
        "pressure",
        "press",
        "praise",
        "recognise",
        "recognize",
        "reassure",
        "sanction",
        "snub",
        "support",
        "tell",
        "thank",
        "threaten",
        "urge",
        "warn",
    }
)
# Capitals that, as metonyms, name an organization seated there: the EU's institutions sit
# in Brussels ("Brussels lifted its sanctions"); code as organizations.tsv gives the EU.
_IGO_SEATS = {"Brussels": "IGOEUREEC"}
_METONYM_PREPOSITIONS = frozenset({"with", "against", "from", "on", "toward", "towards"})
# "to" and "between" make a capital a party only after a word of protest or address ("protested
# to Hanoi", "a letter to Tokyo") or of relations ("talks between Seoul and Tokyo"); elsewhere
# ("flew to Hanoi", "the road between two cities") they say where (issue 3, round 5).
_PARTY_HEADS = {
    "to": frozenset(
        {"protest", "complain", "apologise", "apologize", "appeal", "propose", "pledge"}
        | {"complaint", "apology", "letter", "message", "note", "demarche", "request"}
    ),
    "between": frozenset(
        {"talk", "talks", "relation", "relations", "tie", "ties", "tension", "tensions"}
        | {"dialogue", "negotiation", "negotiations", "summit", "meeting", "rift", "dispute"}
        | {"deal", "agreement", "accord", "cooperation", "contact", "contacts", "rapprochement"}
        | {"row", "feud", "standoff", "trade", "détente", "detente", "exchange", "exchanges"}
    ),
}
# Where a proper noun the tagger did not call a place is one all the same.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "to", "into", "toward", "towards", "from", "around", "outside", "of"}
)
_SEIZE_VERBS = frozenset(
    {"attack", "bomb", "capture", "encircle", "enter", "hit", "liberate", "raid", "retake"}
    | {"retook", "besiege", "overrun", "overran", "recapture", "evacuate", "occupy"}
    | {"seize", "shell", "storm", "strike", "target", "besiege", "take"}
)
_LABELS: dict[str, str] = {
    "person": "PERSON",
    "country": "GPE",
    "capital": "GPE",
    "demonym": "NORP",
    "org": "ORG",
    "agent": "AGENT",
}
# "the North"/"the South" name a Korea once the article mentions one (issue 3).
_KOREA_CONTEXT = {"north": "PRK", "south": "KOR"}
_KOREAS = frozenset({"PRK", "KOR"})
# NER labels the small model gives cities it does not know ("Mariupol" ORG, "Rafah" PERSON),
# and the longest such name read as a place ("Khan Younis", "Deir ez-Zor").
_MISREAD_PLACE_LABELS = frozenset({"PERSON", "ORG"})
_PLACE_TOKENS = 4
_TITLE_WORDS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "madam"})
_SURNAME = "surname"
# Tokens after a name where its appositive title or membership phrase may end ("Lena Berg,
# Sweden's deputy ambassador to the United Nations,"); prepositions and labels of membership.
_APPOSITION_REACH = 12
_MEMBER_PREPOSITIONS = frozenset({"of", "for", "from"})
_MEMBER_LABELS = frozenset({"ORG", "AGENT"})
_MEMBER_DEPS = frozenset({"compound", "nmod"})
_CAPITAL_PLACE = "capital:place:"  # rule of a surname mention until it resolves


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


class Resolver:
    """Resolve one article's mentions; holds the article-wide state coreference needs."""

    def __init__(self, parse: Parse, article: Article, dictionaries: ActorDictionaries) -> None:
        self.parse = parse
        self.date = article.date[:10] if article.date else None
        self.dictionaries = dictionaries
        self.mentions: list[Mention] = []
        self.story_discard: str | None = None
        self.hidden: set[int] = set()  # tokens a discard phrase covers: never mentions
        self._agent_tokens: set[int] = set()  # tokens of agent mentions, for place syntax

    def _select(self, entry: PhraseEntry) -> Actor | None:
        return select_actor(entry, self.date)

    def build(self) -> list[Mention]:
        found = find_pieces(self.parse, self.dictionaries, self.date)
        self.story_discard = found.story_discard
        self.hidden = found.hidden
        grouped = groups(self.parse, found.pieces)
        mentions = [m for group in grouped if (m := self._from_group(group))]
        # A name the tagger found wins over an agent that needs a tie ("the Great Hall of the
        # People" is a place, not people).
        owner = ner_owner(self.parse)
        mentions = [m for m in mentions if not m.tied or owner[m.first] < 0]
        covered = [i in self.hidden for i in range(len(self.parse.tokens))]
        for piece in found.pieces:
            covered[piece.first : piece.last] = [True] * (piece.last - piece.first)
        mentions += hyphen_mentions(self.parse, self.dictionaries, self.date, covered)
        mentions = self._add_ner(mentions)
        mentions.sort(key=lambda mention: mention.first)
        self.mentions = mentions
        self._add_appositive_names()
        self._resolve_titles()
        self._add_surnames()
        self._resolve_names()
        self._add_places()
        self._resolve_descriptions()
        self._add_context_mentions()
        self.mentions.sort(key=lambda mention: mention.first)
        self._share_conjoined_roles()
        return self.mentions

    def _share_conjoined_roles(self) -> None:
        """ "Russian and Ukrainian negotiators": the first country shares the agent's role."""
        tokens = self.parse.tokens
        for mention, agent in zip(self.mentions, self.mentions[1:], strict=False):
            code, role = mention.code, agent.code
            if code is None or role is None or agent.label != "AGENT" or len(code) != 3:
                continue
            joined = agent.first == mention.last + 1 and tokens[mention.last].lower == "and"
            modifies = agent.first <= tokens[mention.last - 1].head < agent.last
            if joined and modifies and country_of(role) is not None and len(role) > 3:
                mention.code, mention.rule = code + role[3:], f"conj:{agent.rule}"

    def _title(self, pieces: list[Piece]) -> tuple[str | None, str | None, str | None]:
        """Code, rule and role given by modifiers and agents (the person left out)."""
        base: str | None = None
        rule: str | None = None
        role: str | None = None
        alone = True
        owner: str | None = None  # the first modifier's country or organization
        for piece in pieces:
            entry = piece.entry
            actor = self._select(entry)
            if entry.kind == "agent" and actor is not None:
                code = combine(base, actor.code)
                alone = entry.alone
                if code is None and entry.alone:
                    code = actor.code.strip("~")
                if code is not None:
                    base, rule, role = code, actor.entry, entry.role or role
            elif entry.kind in MODIFIER_KINDS and actor is not None:
                if owner is not None and not actor.code.startswith(owner):
                    # "China's U.N. ambassador", "the UN's Syria envoy", "UNHCR Kenya": the
                    # first owner owns the title; a later modifier says where or about what,
                    # unless it is a part of the owner ("Britain's Labour Party leader").
                    continue
                base, rule = actor.code, actor.entry
                owner = country_of(actor.code) or actor.code
            elif entry.kind == "person" and actor is not None:
                base, rule = country_of(actor.code) or actor.code, actor.entry
        if base is not None and not alone and len(pieces) == 1:
            base = None
        return base, rule, role

    def _from_group(self, group: list[Piece]) -> Mention | None:
        person = next((piece for piece in group if piece.entry.kind == "person"), None)
        first, last = group[0].first, group[-1].last
        if person is not None and person is group[-1]:
            return self._person_mention(group, person)
        code, rule, role = self._title(group)
        kinds = {piece.entry.kind for piece in group}
        label = "AGENT" if "agent" in kinds else _LABELS[group[-1].entry.kind]
        if label == "GPE" and "org" in kinds and code is not None and not country_of(code):
            label = "ORG"  # "UNHCR Kenya" is the organization's office
        if group[-1].entry.kind == "country" and not group[-1].entry.actors:
            label = "LOC"
        tied = code is None and label == "AGENT" and len(group) == 1 and not group[0].entry.alone
        if tied:
            actor = self._select(group[0].entry)
            code = actor.code.strip("~") if actor is not None else None
            rule = actor.entry if actor is not None else None
        if code is None and label == "AGENT":
            return None
        mention = Mention(first, last, label, code, rule, role=role, pieces=group, tied=tied)
        if len(group) == 1 and group[0].entry.kind in ("capital", "country"):
            mention.place = True
            if group[0].entry.kind == "capital" and code is not None:
                mention.code, mention.rule = self._capital(group[0], code)
        return mention

    def _capital(self, piece: Piece, code: str) -> tuple[str, str]:
        tokens = self.parse.tokens
        head = tokens[piece.last - 1]
        while head.dep == "conj" and head.head != head.i:
            head = tokens[head.head]  # "Washington, Brussels and the UN lifted": the first's
        preposition = tokens[head.head].lower if head.dep == "pobj" else ""
        addressed = head.dep in _OBJECT_DEPS and tokens[head.head].lemma in _ADDRESS_VERBS
        metonym = head.dep in SUBJECT_DEPS or addressed or preposition in _METONYM_PREPOSITIONS
        if preposition in _PARTY_HEADS:
            governor = tokens[tokens[head.head].head]
            metonym = governor.lemma.lower() in _PARTY_HEADS[preposition]
        if metonym and not self._dateline(piece):
            seat = _IGO_SEATS.get(piece.entry.text)
            return seat or code + "GOV", f"capital:metonym:{piece.entry.text}"
        return code, f"{_CAPITAL_PLACE}{piece.entry.text}"

    def _dateline(self, piece: Piece) -> bool:
        """Whether a capital is a dateline ("BRUSSELS, March 19 -"), which the parser may make
        the subject of the first sentence."""
        tokens = self.parse.tokens
        previous = tokens[piece.first - 1] if piece.first else None
        starts_line = previous is None or "\n" in previous.text + previous.whitespace
        after = tokens[piece.last].text if piece.last < len(tokens) else ""
        return starts_line and after == "," and tokens[piece.first].text.isupper()

    def _person_mention(self, group: list[Piece], person: Piece) -> Mention:
        actor = self._select(person.entry)
        titles = group[:-1]
        code, rule, role = self._title(titles) if titles else (None, None, None)
        names = frozenset(self._words(person.first, person.last))
        mention = Mention(group[0].first, group[-1].last, "PERSON", pieces=group, names=names)
        mention.role = person.entry.role or role
        mention.surname = person.entry.partial and not titles
        if actor is not None and code is not None and _stale(actor, code):
            # "rebel leader Riek Machar": the text's title is newer than Phoenix's roles; the
            # country stays the dictionary's when the title names none.
            country = country_of(actor.code)
            own = country_of(code) is not None or country is None
            mention.code, mention.rule = code if own else f"{country}{code}", f"title:{rule}"
        elif actor is not None:
            mention.code, mention.rule, mention.wikidata = actor.code, actor.entry, actor.wikidata
        elif code is not None:
            mention.code, mention.rule = code, f"title:{rule}"
        else:
            wikidata = next((a.wikidata for a in person.entry.actors if a.wikidata), None)
            mention.wikidata = wikidata
            mention.rule = f"builtin:persons:{person.entry.text} (no role)"
        return mention

    def _words(self, first: int, last: int) -> list[str]:
        return [
            token.text.lower()
            for token in self.parse.tokens[first:last]
            if token.text[:1].isalnum()
        ]

    def _add_ner(self, mentions: list[Mention]) -> list[Mention]:
        covered: list[Mention | None] = [None] * len(self.parse.tokens)
        for mention in mentions:
            for i in range(mention.first, mention.last):
                covered[i] = mention
        countries = {country_of(m.code) for m in mentions if m.code}
        for span in self.parse.spans:
            if span.label not in _ACTOR_LABELS and span.label not in _PLACE_LABELS:
                continue
            if any(covered[i] or i in self.hidden for i in range(span.first, span.last)):
                self._titled_name(span.first, span.last, span.label, covered)
                continue
            before = covered[span.first - 1] if span.first else None
            if span.label == "PERSON" and before is not None and before.label == "AGENT":
                self._attach_name(before, span.first, span.last, covered)
            else:
                mention = self._ner_mention(span.first, span.last, span.label)
                if span.label in _CITY_LABELS:
                    self._place(mention, countries)
                mentions.append(mention)
        return mentions

    def _titled_name(
        self, first: int, last: int, label: str, covered: list[Mention | None]
    ) -> None:
        """A name span that took in the title before it ("Farmer Ngozi Adeyemi-Balogun"): the
        rest of the span is the name of the title's mention."""
        title = covered[first]
        if label != "PERSON" or title is None or title.label != "AGENT" or title.first != first:
            return
        rest = range(title.last, last)
        if rest and not any(covered[i] or i in self.hidden for i in rest):
            self._attach_name(title, title.last, last, covered)

    def _place(
        self, mention: Mention, countries: set[str | None], *, min_population: bool = False
    ) -> None:
        """A city or US state the dictionaries do not know carries its country's code."""
        tokens = self.parse.tokens
        text = self.parse.text[tokens[mention.first].start : tokens[mention.last - 1].end]
        code = city_country(text, countries, big=min_population)
        if code is None:
            return
        mention.label, mention.code, mention.place = "GPE", code, True
        mention.rule = f"place:city:{text}"

    def _add_places(self) -> None:
        """Cities the tagger missed or called persons or organizations, where the syntax says
        place ("shelled Kharkiv", "in eastern Aleppo", "fought in Khan Younis"); big cities and
        news places only, as small towns share people's names."""
        countries = {country_of(m.code) for m in self.mentions if m.code}
        owner = {i: m for m in self.mentions for i in range(m.first, m.last)}
        self._agent_tokens = {
            i for i, m in owner.items() if any(p.entry.kind == "agent" for p in m.pieces)
        }
        for mention in self.mentions:
            unknown = mention.code is None and mention.label in _MISREAD_PLACE_LABELS
            short = mention.last - mention.first <= _PLACE_TOKENS
            if unknown and short and self._place_syntax(self.parse.tokens[mention.last - 1]):
                self._place(mention, countries, min_population=True)
        for token in self.parse.tokens:
            bare = token.pos == "PROPN" and token.ent_iob == "O" and token.i not in owner
            if bare and token.i not in self.hidden and self._place_syntax(token):
                place = Mention(token.i, token.i + 1, "GPE", rule="ner")
                self._place(place, countries, min_population=True)
                if place.code is not None:
                    self.mentions.append(place)
        self._capital_namesakes()
        self.mentions.sort(key=lambda mention: mention.first)

    def _capital_namesakes(self) -> None:
        """A capital named as a place in a story about another country with a city of that
        name is that city ("Lebanese troops deployed in Tripoli")."""
        counts = Counter(country_of(m.code) for m in self.mentions if m.code)
        for mention in self.mentions:
            rule = mention.rule or ""
            if mention.code is None or not rule.startswith(_CAPITAL_PLACE):
                continue
            if counts[mention.code] > 1:  # another mention names the capital's own country
                continue
            name = rule[len(_CAPITAL_PLACE) :]
            code = rival_namesake(name, {c for c in counts if c and c != mention.code})
            if code is not None:
                mention.code, mention.rule = code, f"place:city:{name}"

    def _place_syntax(self, token: Token) -> bool:
        head = self.parse.tokens[token.head]
        if token.dep == "pobj":
            return head.lower in _PLACE_PREPOSITIONS
        if token.dep == "compound" and head.i in self._agent_tokens:
            return True  # "Tamil Nadu Chief Minister", "Borno police" (the tagger: PERSON)
        return token.dep == "dobj" and head.lemma in _SEIZE_VERBS

    def _ner_mention(self, first: int, last: int, label: str) -> Mention:
        while last > first and self.parse.tokens[last - 1].is_space:
            last -= 1
        mention = Mention(first, last, label, rule="ner")
        # The small model reads some surnames as organizations ("Sanchez said"): their words
        # may still name a person named before (only a subset of a known name matches).
        if label in ("PERSON", "ORG"):
            mention.names = frozenset(self._words(first, last))
        return mention

    def _attach_name(
        self, mention: Mention | None, first: int, last: int, covered: list[Mention | None]
    ) -> None:
        """A title mention followed by an unknown name: the name belongs to it."""
        if mention is None or first != mention.last:
            return
        mention.last = last
        mention.label = "PERSON"
        mention.names = frozenset(self._words(first, last))
        mention.title_code, mention.code = mention.code, None
        for i in range(first, last):
            covered[i] = mention

    def covered(self) -> list[bool]:
        """Per token, whether a mention or a discard phrase covers it."""
        covered = [False] * len(self.parse.tokens)
        for i in self.hidden:
            covered[i] = True
        for mention in self.mentions:
            for i in range(mention.first, mention.last):
                covered[i] = True
        return covered

    def _add_surnames(self) -> None:
        """A capitalized word naming a person named before ("Ri", "Abe") the tagger missed."""
        known = {word for m in self.mentions if m.code and m.label == "PERSON" for word in m.names}
        if not known:
            return
        covered = self.covered()
        for token in self.parse.tokens:
            if token.pos not in NOUN_POS or covered[token.i] or not token.text[:1].isupper():
                continue
            if token.text.lower() in known and not token.text.isupper():
                mention = Mention(token.i, token.i + 1, "PERSON", rule=_SURNAME)
                mention.names = frozenset({token.lower})
                self.mentions.append(mention)
        self.mentions.sort(key=lambda mention: mention.first)

    def _add_appositive_names(self) -> None:
        """A name the tagger missed in apposition to a person's title ("the foreign minister
        of Chile, Ana Soto," / "Ana Soto, Chile's foreign minister,") is a person."""
        tokens = self.parse.tokens
        owner = {i: m for m in self.mentions for i in range(m.first, m.last)}
        for token in tokens:
            if token.dep != "appos" and token.pos != "PROPN":
                continue
            if token.pos == "PROPN" and token.dep == "appos":
                name, title = token, owner.get(token.head)  # the name stands after its title
            elif token.dep == "appos" and tokens[token.head].pos == "PROPN":
                name, title = tokens[token.head], owner.get(token.i)  # ... or before it
            else:
                continue
            if title is None or title.label != "AGENT" or title.role is None:
                continue
            first = name.i
            while (
                first > 0 and tokens[first - 1].pos == "PROPN" and tokens[first - 1].head == name.i
            ):
                first -= 1  # "Ana" of "Ana Soto"
            span = range(first, name.i + 1)
            if any(
                i in owner or i in self.hidden or not tokens[i].text[:1].isupper() for i in span
            ):
                continue
            mention = Mention(first, name.i + 1, "PERSON", rule="ner")
            mention.names = frozenset(self._words(first, name.i + 1))
            self.mentions.append(mention)
            owner.update({i: mention for i in span})
        self.mentions.sort(key=lambda mention: mention.first)

    def _resolve_titles(self) -> None:
        """A person no dictionary knows takes the code its title gives ("Japan's national
        security adviser Taro Mori", "Lena Berg, Sweden's ambassador to the UN", "Ali Demir, a
        member of the ruling party") before surnames are matched, so "Mori" later is the same
        person; a name an earlier full name already explains keeps that reading."""
        known = [m for m in self.mentions if m.label == "PERSON" and m.code and m.names]
        owner = {i: m for m in self.mentions for i in range(m.first, m.last)}
        for mention in self.mentions:
            if mention.code is not None or not mention.names or mention.label != "PERSON":
                continue
            if self._name_antecedent(mention, known) is not None:
                continue
            if mention.title_code is not None:
                mention.code, mention.rule = mention.title_code, "title"
            else:
                self._appositive_title(mention, owner)

    def _resolve_names(self) -> None:
        """Give an unknown name the code of an earlier (or, failing that, later) full name."""
        known = [m for m in self.mentions if m.label == "PERSON" and m.code and m.names]
        for mention in self.mentions:
            if mention.surname:
                self._relink_surname(mention, known)
            if mention.code is not None or not mention.names:
                continue
            if mention.label not in ("PERSON", "ORG", "GPE"):
                continue
            antecedent = self._name_antecedent(mention, known)
            if antecedent is not None:
                mention.label = "PERSON"
                mention.code, mention.wikidata = antecedent.code, antecedent.wikidata
                mention.rule, mention.antecedent = "coref:name", antecedent
                mention.role = mention.role or antecedent.role
            elif mention.title_code is not None:
                mention.code, mention.rule = mention.title_code, "title"
        # A capitalized word that named nobody after all was no mention.
        self.mentions = [m for m in self.mentions if m.code or m.rule != _SURNAME]

    def _appositive_title(self, mention: Mention, owner: dict[int, Mention]) -> None:
        """A name in apposition to a title takes the title's code (`title:appos`: "The UAE's
        foreign minister, Abdullah bin Zayed,", "Lena Berg, Sweden's ambassador"); to a member
        of an actor, that actor's (`member:of`: "Ali Demir, a member of the ruling party")."""
        tokens = self.parse.tokens
        head = tokens[mention.last - 1]
        if mention.label != "PERSON":
            return
        others = [head.head] if head.dep == "appos" else []
        end = min(len(tokens), head.i + _APPOSITION_REACH)
        others += [t.i for t in tokens[head.i + 1 : end] if t.head == head.i and t.dep == "appos"]
        for other in others:
            title = owner.get(other)
            if title is not None and title.label == "AGENT" and title.code is not None:
                mention.code, mention.rule, mention.antecedent = title.code, "title:appos", title
                return
            group = self._member_of(other, owner) if title is None else None
            if group is not None:
                mention.code, mention.rule, mention.antecedent = group.code, "member:of", group
                return

    @staticmethod
    def _member_group(group: Mention, labels: frozenset[str] | set[str]) -> bool:
        """Whether a mention can be what a person is a member of: a coded actor, no place."""
        usable = group.code is not None and not group.place and not group.tied
        return usable and group.label in labels

    def _member_of(self, noun: int, owner: dict[int, Mention]) -> Mention | None:
        """The actor a noun phrase makes its head a member of ("a senior member of the ruling
        party", "a spokesman for Hamas"): the coded organization or agent after of/for/from."""
        tokens = self.parse.tokens
        if tokens[noun].pos != "NOUN":
            return None
        for modifier in tokens[max(0, noun - _APPOSITION_REACH) : noun]:
            group = owner.get(modifier.i)  # "a local U.S. consulate employee"
            modifies = modifier.head == noun and modifier.dep in _MEMBER_DEPS
            if modifies and group is not None and self._member_group(group, {"AGENT"}):
                return group
        end = min(len(tokens), noun + _APPOSITION_REACH)
        for preposition in tokens[noun + 1 : end]:
            if preposition.head != noun or preposition.lower not in _MEMBER_PREPOSITIONS:
                continue
            for obj in tokens[preposition.i + 1 : end]:
                group = owner.get(obj.i)
                if obj.head != preposition.i or obj.dep != "pobj" or group is None:
                    continue
                if self._member_group(group, _MEMBER_LABELS):
                    return group
        return None

    def _relink_surname(self, mention: Mention, known: list[Mention]) -> None:
        """A surname the dictionary knows still refers to the latest namesake named before it
        ("Kim" after "Kim Yong-chul" is not Kim Jong-un), else to the first named after it (a
        headline's "Castro" before "Fidel Castro"): the office holder only when alone."""
        namesakes = [m for m in known if mention.names < m.names]
        before = [m for m in namesakes if m.first < mention.first]
        antecedent = before[-1] if before else next(iter(namesakes), None)
        if antecedent is not None:
            mention.code, mention.wikidata = antecedent.code, antecedent.wikidata
            mention.rule, mention.antecedent = "coref:name", antecedent

    def _name_antecedent(self, mention: Mention, known: list[Mention]) -> Mention | None:
        matches = [m for m in known if m is not mention and mention.names <= m.names]
        before = [m for m in matches if m.first < mention.first]
        if before:
            return before[-1]
        return matches[0] if matches else None

    def _resolve_descriptions(self) -> None:
        """ "the president", "Mr. President": the latest person holding that role."""
        for mention in self.mentions:
            if mention.label != "AGENT" or mention.role is None:
                continue
            if any(piece.entry.kind != "agent" for piece in mention.pieces):
                self._link_same_role(mention)
                continue
            antecedent = self._role_antecedent(mention)
            if antecedent is not None:
                mention.code, mention.rule = antecedent.code, "coref:role"
                mention.antecedent = antecedent
                mention.wikidata = antecedent.wikidata

    def _role_antecedent(self, mention: Mention) -> Mention | None:
        previous = self.parse.tokens[mention.first - 1] if mention.first else None
        definite = previous is not None and (
            previous.lower in ("the", "this") or previous.lower in _TITLE_WORDS
        )
        if not definite:
            return None
        candidates = [
            m
            for m in self.mentions
            if m.first < mention.first and m.label == "PERSON" and m.code and m.role == mention.role
        ]
        return candidates[-1] if candidates else None

    def _link_same_role(self, mention: Mention) -> None:
        candidates = [
            m
            for m in self.mentions
            if m.first < mention.first
            and m.label == "PERSON"
            and m.code == mention.code
            and m.role == mention.role
        ]
        if candidates:
            mention.antecedent = candidates[-1]

    def _add_context_mentions(self) -> None:
        """ "the North" / "the South" in an article about the Koreas."""
        koreas = {m.code[:3] for m in self.mentions if m.code and m.code[:3] in _KOREAS}
        if not koreas:
            return
        covered = self.covered()
        uncoded = {m.first: m for m in self.mentions if m.code is None and m.last == m.first + 1}
        tokens = self.parse.tokens
        for token in tokens:
            code = _KOREA_CONTEXT.get(token.lower)
            if code is None or not token.text[:1].isupper() or token.i == 0:
                continue
            following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
            if tokens[token.i - 1].lower != "the" or (following and following.pos in NOUN_POS):
                continue
            mention = uncoded.get(token.i)
            if mention is not None:
                mention.label, mention.code, mention.rule = "GPE", code, "context:korea"
            elif not covered[token.i]:
                self.mentions.append(Mention(token.i, token.i + 1, "GPE", code, "context:korea"))


def _stale(actor: Actor, title_code: str) -> bool:
    """Whether a title in the text gives a role that replaces a Phoenix person's dated one."""
    has_role = len(title_code) > 3 or bare_role(title_code) is not None
    return has_role and from_base(actor)
