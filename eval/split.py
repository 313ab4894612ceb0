"""The fixed rule that splits every external annotated file: four fifths to study, one untouched.

Record ``i`` (0-based, in file order; for per-document files, the document's position) belongs to
the untouched fifth when ``i % 5 == 4``. Errors on the untouched fifth are never read: it is only
scored, and its floors in ``eval/floors.json`` only go up. Tuning, error analysis and training use
the study part alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class DataMissing(FileNotFoundError):
    """Data an evaluation reads from outside the repository (../shared) is absent.

    The gate and the test suite skip that evaluation and print this message, which names the path.
    """


FOLDS = 5  # one fifth held out (the shared data's README asks for "say every fifth record")


def untouched(index: int) -> bool:
    """True for a record of the untouched fifth."""
    return index % FOLDS == FOLDS - 1


def study_part(records: Iterable[T]) -> Iterator[T]:
    """The four fifths to study, tune and train on."""
    return (record for index, record in enumerate(records) if not untouched(index))


def untouched_part(records: Iterable[T]) -> Iterator[T]:
    """The fifth that is only ever scored."""
    return (record for index, record in enumerate(records) if untouched(index))
