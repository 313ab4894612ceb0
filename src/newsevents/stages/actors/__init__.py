"""The actor stage: find actor mentions in a parse and give them CAMEO actor codes.

Mentions come from the dictionaries (persons, organizations, countries, capitals, agents),
composed the way titles are written ("US Secretary of State Mike Pompeo" is one mention,
"the North Korean Foreign Ministry" is PRK + GOV), from the parser's named entities the
dictionaries do not know (cities carry their country's code; other names are kept with no
code so they can be reviewed), and from within-article coreference (surnames, "the
president", "the North", he/his/she/her/it/its/they/their).

Capitals are metonyms for the government as the subject or object of a verb ("Pyongyang
said", "talks with Kyiv" -> PRKGOV, UKRGOV); elsewhere ("in Pyongyang") they are places
carrying the country's code. A role with no country ("the army") takes one from context.
"""

from __future__ import annotations

from newsevents.dictionaries.actors import ActorDictionaries
from newsevents.model import Article, Entity, Parse
from newsevents.stages.actors._context import (
    follow_links,
    mark_former,
    place_by_possessive,
    place_roles,
    untied,
)
from newsevents.stages.actors._descriptions import description_mentions, lead_compounds
from newsevents.stages.actors._mentions import Mention
from newsevents.stages.actors._pronouns import Pronouns
from newsevents.stages.actors._resolver import Resolver


def _entity(parse: Parse, mention: Mention, index_of: dict[int, int]) -> Entity:
    first = parse.tokens[mention.first]
    start = first.start if mention.start is None else mention.start
    end = parse.tokens[mention.last - 1].end if mention.end is None else mention.end
    antecedent = index_of.get(id(mention.antecedent)) if mention.antecedent else None
    return Entity(
        article_id=parse.article_id,
        start=start,
        end=end,
        text=parse.text[start:end],
        label=mention.label,
        actor=mention.code,
        sentence=first.sent,
        rule=mention.rule,
        antecedent=antecedent,
        wikidata=mention.wikidata,
    )


def _mentions(parse: Parse, article: Article, dictionaries: ActorDictionaries) -> list[Mention]:
    resolver = Resolver(parse, article, dictionaries)
    mentions = resolver.build()
    lead_compounds(parse, mentions)
    place_roles(parse, mentions)
    mark_former(parse, mentions)
    follow_links(mentions)  # after "former": "Evans Revere, a former State Department official"
    mentions.extend(description_mentions(parse, mentions, resolver.covered()))
    mentions.sort(key=lambda mention: mention.first)
    covered = resolver.covered()
    for mention in mentions:
        covered[mention.first : mention.last] = [True] * (mention.last - mention.first)
    mentions.extend(Pronouns(parse, mentions).mentions_of(covered))
    mentions.sort(key=lambda mention: mention.first)
    place_by_possessive(parse, mentions)
    mentions = untied(mentions)
    if resolver.story_discard is not None:
        # A story-level discard (TABARI "+") voids the article: mentions stay for review,
        # with no code and the phrase that voided them.
        for mention in mentions:
            mention.code, mention.rule = None, f"discard:story:{resolver.story_discard}"
    return mentions


def extract_actors(
    parse: Parse, *, article: Article, dictionaries: ActorDictionaries
) -> tuple[Entity, ...]:
    """Return every actor mention of the article in text order, with CAMEO actor codes.

    Args:
        parse: the parsed article.
        article: the article; its ``date`` (publication date) picks date-restricted codes.
        dictionaries: from ``load_actor_dictionaries``.
    """
    mentions = _mentions(parse, article, dictionaries)
    index_of = {id(mention): index for index, mention in enumerate(mentions)}
    return tuple(_entity(parse, mention, index_of) for mention in mentions)


__all__ = ["extract_actors"]
