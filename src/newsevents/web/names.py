"""Human names of CAMEO codes and QuadClasses for the API and the pages."""

from __future__ import annotations

from functools import lru_cache

from newsevents.dictionaries.cameo import QUAD_CLASS_NAMES, cameo_code
from newsevents.errors import DictionaryError


@lru_cache(maxsize=512)
def event_name(code: str) -> str | None:
    """The CAMEO 1.1b3 name of ``code``, or None for a code the codebook does not know."""
    try:
        return cameo_code(code).name
    except DictionaryError:
        return None


def quad_class_name(quad_class: int | None) -> str:
    return QUAD_CLASS_NAMES.get(quad_class or 0, "no QuadClass")
