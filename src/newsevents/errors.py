"""The exception tree. Every error says what went wrong, where, and how to fix it."""

from __future__ import annotations


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


class DictionaryError(NewsEventsError):
    """A user dictionary could not be read."""

    code = "NE200"


class StageError(NewsEventsError):
    """A stage failed on one article; the article is quarantined with this reason."""

    code = "NE300"


class StoreError(NewsEventsError):
    code = "NE400"


class ClassifierError(NewsEventsError):
    """The sentence classifier's model or training data cannot be used."""

    code = "NE600"


class TrainingLineError(ClassifierError):
    """One line of a training file is unusable; it is skipped and training goes on."""

    code = "NE601"
