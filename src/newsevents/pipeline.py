"""The ordered stages of annotation, their requires/provides contract and the error policy."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Any

from newsevents.classifier import SentenceModel, load_model
from newsevents.config import Settings
from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.dictionaries.lexicon import Lexicon, load_lexicon, phoenix_verbs
from newsevents.errors import AnnotationError, ClassifierError, PipelineError
from newsevents.model import Annotation, Article, Event, Parse, Problem, Quote
from newsevents.nlp import load_nlp
from newsevents.stages.actors import extract_actors
from newsevents.stages.classify import classify_sentences
from newsevents.stages.clean import Cleaned, clean_text
from newsevents.stages.dates import extract_timexes, infer_publication_date
from newsevents.stages.dating import date_events
from newsevents.stages.events import extract_events
from newsevents.stages.judge import judge_events
from newsevents.stages.language import NAMES, identify_language, is_english
from newsevents.stages.parse import parse_texts
from newsevents.stages.places import locate_events
from newsevents.stages.quotes import extract_quotes_with_problems
from newsevents.stages.references import extract_references

Workspace = dict[str, Any]
NOT_ENGLISH = "W002"  # the warning code of a text in another language (docs/annotate.md)


@dataclass(frozen=True, slots=True)
class Stage:
    """One step after the parse: what it reads from the workspace and the key it writes."""

    name: str
    requires: tuple[str, ...]
    provides: str
    run: Callable[[Workspace], Any]


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

    @cached_property
    def classifier(self) -> SentenceModel:
        return load_model(self.settings.classifier or None)

    def _build_stages(self) -> tuple[Stage, ...]:
        stages = self._rule_stages()
        if not self.settings.use_classifier:
            return stages
        at = next(i for i, stage in enumerate(stages) if stage.name == "events") + 1
        return (*stages[:at], *self._classifier_stages(), *stages[at:])

    def _classifier_stages(self) -> tuple[Stage, ...]:
        settings = self.settings
        if settings.classifier and not Path(settings.classifier).is_file():
            raise ClassifierError(
                f"the classifier model {settings.classifier!r} does not exist",
                fix="give a file written by `newsevents train`, or use --no-classifier",
            )
        recode_at = settings.classifier_recode if settings.classifier_recode > 0 else None
        veto_below = settings.classifier_veto if settings.classifier_veto > 0 else None
        return (
            Stage(
                "classify",
                ("parse", "article"),
                "classes",
                lambda w: classify_sentences(
                    w["parse"], article=w["article"], model=self.classifier
                ),
            ),
            Stage(
                "judge",
                ("events", "classes"),
                "events",
                lambda w: judge_events(
                    w["events"],
                    classes=w["classes"],
                    recode_at=recode_at,
                    veto_below=veto_below,
                    rank=settings.classifier_rank,
                ),
            ),
        )

    def _rule_stages(self) -> tuple[Stage, ...]:
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
        """Annotate ``articles`` in order; an article that cannot be annotated raises StageError."""
        for result in self.annotate_results(articles):
            if isinstance(result, Problem):
                raise AnnotationError(result.message.removeprefix("[NE302] "))
            yield result

    def annotate_results(self, articles: Iterable[Article]) -> Iterator[Annotation | Problem]:
        """One Annotation per article, in order, or the Problem that stopped it (NE302).

        Every article's language is identified first; a text not in English is not coded with
        English rules: its annotation is empty but for a W002 warning naming the language.
        Texts are parsed in batches of ``settings.batch_size``; when a batch fails, the rest of
        its articles are parsed one by one, so one poison text costs only itself.
        """
        iterator = iter(articles)
        chunk_size = max(1, self.settings.batch_size) * 4
        while chunk := list(islice(iterator, chunk_size)):
            decided = [_with_language(article) for article in chunk]
            english = [article for article, warning in decided if warning is None]
            annotated = self._annotate_english(english)
            for article, warning in decided:
                if warning is None:
                    yield next(annotated)
                else:
                    yield Annotation(article=article, problems=(warning,))

    def _annotate_english(self, chunk: list[Article]) -> Iterator[Annotation | Problem]:
        cleaned = [clean_text(article.text, article_id=article.id) for article in chunk]
        parses = self._parses(chunk, cleaned)
        for article, clean, parse in zip(chunk, cleaned, parses, strict=True):
            if isinstance(parse, Problem):
                yield parse
                continue
            try:
                yield self._annotate_one(article, parse, clean.problems)
            except Exception as error:  # the error policy: one article never stops a run
                yield _failure(article, "annotate", error)

    def _parses(self, chunk: list[Article], cleaned: list[Cleaned]) -> Iterator[Parse | Problem]:
        items = [(article.id, clean.text) for article, clean in zip(chunk, cleaned, strict=True)]
        parses = parse_texts(self.nlp, items, batch_size=self.settings.batch_size)
        done = 0
        try:
            for parse in parses:
                done += 1
                yield parse
            return
        except Exception:  # a poison text broke the batch: parse the rest alone to find it
            pass
        for article, item in zip(chunk[done:], items[done:], strict=True):
            try:
                yield next(parse_texts(self.nlp, [item], batch_size=1))
            except Exception as error:  # the error policy: this article alone is lost
                yield _failure(article, "parse", error)

    def annotate_one(self, article: Article) -> Annotation:
        return next(self.annotate([article]))

    def _annotate_one(
        self, article: Article, parse: Parse, problems: tuple[Problem, ...]
    ) -> Annotation:
        article = _with_inferred_date(article, parse)
        workspace: Workspace = {"article": article, "parse": parse, "problems": list(problems)}
        for stage in self.stages:
            workspace[stage.provides] = _in_user_text(_run_stage(stage, workspace), article.text)
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
            classes=workspace.get("classes", ()),
        )


def _with_language(article: Article) -> tuple[Article, Problem | None]:
    """The article with its language (given, else identified) and, unless English, a warning."""
    identified = identify_language(article.text)
    code = article.language or identified.code
    given = " as the input says" if article.language else ""
    article = dataclasses.replace(article, language=code)
    if is_english(code):
        return article, None
    return article, Problem(
        article.id,
        "language",
        NOT_ENGLISH,
        f"[{NOT_ENGLISH}] the text is in {NAMES.get(code, code)} ({code}{given}; identified as "
        f"{identified.code}, p={identified.probability:.2f}); newsevents codes English only, so "
        "nothing was extracted; fix: translate it to English first",
        "warning",
    )


def _failure(article: Article, stage: str, error: Exception) -> Problem:
    """The Problem of an article no stage could annotate: it is quarantined, the run goes on."""
    frame = traceback.extract_tb(error.__traceback__)[-1]
    failure = AnnotationError(
        f"the article could not be annotated ({type(error).__name__}: {str(error)[:200]!r} "
        f"at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})",
        where=f"stage {stage!r}",
        fix="please report it with the article",
    )
    return Problem(article.id, stage, failure.code, failure.describe())


def _in_user_text(records: Any, text: str) -> Any:
    """Records whose ``text`` (and speaker) is the slice of the text the user gave.

    Stages read the cleaned text, whose quotes and spaces are normalized; the contract promises
    ``text == user_text[start:end]`` (issue 12), and events copy their actors' and dates' text,
    so the slices are taken right after each stage, before a later stage copies them.
    """
    if not isinstance(records, tuple) or not records or not hasattr(records[0], "text"):
        return records
    return tuple(_sliced(record, text) for record in records)


def _sliced(record: Any, text: str) -> Any:
    changes = {"text": text[record.start : record.end]}
    if getattr(record, "speaker_start", None) is not None and record.speaker_end is not None:
        changes["speaker"] = text[record.speaker_start : record.speaker_end]
    return dataclasses.replace(record, **changes)


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
