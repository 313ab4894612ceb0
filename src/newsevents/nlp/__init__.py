"""The only code that touches spaCy: loading the model and turning Docs into records."""

from __future__ import annotations

from newsevents.nlp.convert import doc_to_parse
from newsevents.nlp.load import load_nlp

__all__ = ["doc_to_parse", "load_nlp"]
