"""The ordered stages of annotation, their requires/provides contract and the error policy."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Any

from newsevents.config import Settings
from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.dictionaries.lexicon import Lexicon, load_lexicon, phoenix_verbs
from newsevents.errors import NewsEventsError
from newsevents.model import Annotation, Article, Event, Parse, Problem, Quote
from newsevents.nlp import load_nlp
from newsevents.stages.actors import extract_actors
from newsevents.stages.clean import clean_text
from newsevents.stages.dates import extract_timexes, infer_publication_date
from newsevents.stages.dating import date_events
from newsevents.stages.events import extract_events
from newsevents.stages.parse import parse_texts
from newsevents.stages.places import locate_events
from newsevents.stages.quotes import extract_quotes_with_problems
from newsevents.stages.references import extract_references

Workspace = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Stage:
    """One step after the parse: what it reads from the workspace and the key it writes."""

    name: str
    requires: tuple[str, ...]
    provides: str
    run: Callable[[Workspace], Any]


class PipelineError(NewsEventsError):
    code = "NE301"


def check_order(stages: Iterable[Stage], *, available: Iterable[str]) -> None:
    """Raise if a stage reads something no earlier stage provides."""
    known = set(available)
    for stage in stages:
        missing = [name for name in stage.requires if name not in known]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, "
                "which no earlier stage provides",
                fix="reorder the stages so that providers come first",
            )
        known.add(stage.provides)


class Pipeline:
    """Clean, parse in batches, then run every stage on each article, keeping going on failure."""

    def __init__(self, settings: Settings, *, nlp: Any = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self.stages = self._build_stages()
        check_order(self.stages, available=("article", "parse"))

    @cached_property
    def nlp(self) -> Any:
        return self._nlp if self._nlp is not None else load_nlp(self.settings.model)

    @cached_property
    def dictionaries(self) -> ActorDictionaries:
        return load_actor_dictionaries(
            actor_files=self.settings.actor_files,
            agent_files=self.settings.agent_files,
            discard_files=self.settings.discard_files,
            builtin=self.settings.builtin_dictionaries,
            phoenix=self.settings.phoenix and self.settings.phoenix_actors,
        )

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(
            verb_files=self.settings.verb_files,
            builtin=self.settings.builtin_dictionaries,
            phoenix=phoenix_verbs(self.settings.phoenix_verbs) if self.settings.phoenix else "off",
        )

    def _build_stages(self) -> tuple[Stage, ...]:
        one_a_story = self.settings.one_a_story
        return (
            Stage(
                "actors",
                ("parse", "article"),
                "entities",
                lambda w: extract_actors(
                    w["parse"], article=w["article"], dictionaries=self.dictionaries
                ),
            ),
            Stage(
                "dates",
                ("parse", "article"),
                "timexes",
                lambda w: extract_timexes(w["parse"], article=w["article"]),
            ),
            Stage(
                "references",
                ("parse", "article"),
                "references",
                lambda w: extract_references(w["parse"], article=w["article"]),
            ),
            Stage(
                "quotes",
                ("parse", "article", "entities"),
                "quotes",
                lambda w: _with_problems(
                    w,
                    extract_quotes_with_problems(
                        w["parse"], article=w["article"], entities=w["entities"]
                    ),
                ),
            ),
            Stage(
                "events",
                ("parse", "article", "entities", "quotes"),
                "events",
                lambda w: extract_events(
                    w["parse"],
                    article=w["article"],
                    entities=w["entities"],
                    quotes=w["quotes"],
                    lexicon=self.lexicon,
                    one_a_story=one_a_story,
                ),
            ),
            Stage(
                "dating",
                ("parse", "article", "events", "timexes"),
                "events",
                lambda w: date_events(
                    w["events"], parse=w["parse"], article=w["article"], timexes=w["timexes"]
                ),
            ),
            Stage(
                "places",
                ("parse", "article", "events", "entities"),
                "events",
                lambda w: locate_events(
                    w["events"], parse=w["parse"], article=w["article"], entities=w["entities"]
                ),
            ),
        )

    def annotate(self, articles: Iterable[Article]) -> Iterator[Annotation]:
        """Annotate ``articles`` in order, parsing them in batches of ``settings.batch_size``."""
        iterator = iter(articles)
        chunk_size = max(1, self.settings.batch_size) * 4
        while chunk := list(islice(iterator, chunk_size)):
            cleaned = [clean_text(article.text, article_id=article.id) for article in chunk]
            parses = parse_texts(
                self.nlp,
                ((article.id, clean.text) for article, clean in zip(chunk, cleaned, strict=True)),
                batch_size=self.settings.batch_size,
            )
            for article, clean, parse in zip(chunk, cleaned, parses, strict=True):
                yield self._annotate_one(article, parse, clean.problems)

    def annotate_one(self, article: Article) -> Annotation:
        return next(self.annotate([article]))

    def _annotate_one(
        self, article: Article, parse: Parse, problems: tuple[Problem, ...]
    ) -> Annotation:
        article = _with_inferred_date(article, parse)
        workspace: Workspace = {"article": article, "parse": parse, "problems": list(problems)}
        for stage in self.stages:
            workspace[stage.provides] = _run_stage(stage, workspace)
        quotes = _link_quotes(workspace.get("quotes", ()), workspace.get("events", ()))
        return Annotation(
            article=article,
            entities=workspace.get("entities", ()),
            timexes=workspace.get("timexes", ()),
            events=workspace.get("events", ()),
            quotes=quotes,
            references=workspace.get("references", ()),
            problems=tuple(workspace["problems"]),
            sentences=parse.sentences,
        )


def _with_problems(workspace: Workspace, result: tuple[Any, tuple[Problem, ...]]) -> Any:
    records, problems = result
    workspace["problems"].extend(problems)
    return records


def _run_stage(stage: Stage, workspace: Workspace) -> Any:
    """Run one stage; a crash costs only that stage's output and leaves a Problem behind."""
    try:
        return stage.run(workspace)
    except Exception as error:  # the error policy: one bad article never stops a run
        article: Article = workspace["article"]
        frame = traceback.extract_tb(error.__traceback__)[-1]
        workspace["problems"].append(
            Problem(
                article.id,
                stage.name,
                "NE300",
                f"stage {stage.name!r} failed on this article ({type(error).__name__}: {error} "
                f"at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}); the other stages' "
                "results are kept; please report it with the article",
            )
        )
        previous = workspace.get(stage.provides)
        return () if previous is None else previous


def _with_inferred_date(article: Article, parse: Parse) -> Article:
    if article.date is not None:
        return article
    inferred = infer_publication_date(parse)
    if inferred is None:
        return article
    value, how = inferred
    return dataclasses.replace(article, date=value, date_inferred=how)


def _link_quotes(quotes: tuple[Quote, ...], events: tuple[Event, ...]) -> tuple[Quote, ...]:
    """Point each quote at the statement event that was coded from it."""
    event_of = {event.quote: index for index, event in enumerate(events) if event.quote is not None}
    return tuple(
        dataclasses.replace(quote, event=event_of[index]) if index in event_of else quote
        for index, quote in enumerate(quotes)
    )
