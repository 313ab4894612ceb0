"""Identify the language of an article's text with py3langid (its model is bundled, offline).

Only English texts are coded: the parser, the dictionaries and the verb patterns are English.
A text in another language gets a coded warning naming the language instead of events made by
English rules from words the rules do not know (issue 12).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# The languages news in newsevents' inputs comes in (the most used languages of the web and of
# international news wires); a short English text is otherwise often taken for one of langid's
# 97 others (measured on our test texts: "Iran met Iraq." -> Dutch, "Chad met Mali." -> Afrikaans).
LANGUAGES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "ru", "uk", "ar", "zh", "ja", "ko", "tr", "fa",
    "hi", "ur", "id", "ms", "sw", "pl", "ro", "el", "he", "sv", "no", "da", "fi", "cs", "hu",
    "vi", "th", "bn", "ta",
)  # fmt: skip
# Below this probability the language is undetermined ("und", ISO 639-2) and the text is coded:
# one-line English texts score 0.3-0.9, a Spanish or German sentence 0.90-0.99.
CONFIDENT = 0.9
UNDETERMINED = "und"
ENGLISH = "en"
# The opening of a text decides; the rest would cost time linear in its length for nothing.
SAMPLE_CHARS = 3000
NAMES = {
    "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "tr": "Turkish", "fa": "Persian", "hi": "Hindi",
    "ur": "Urdu", "id": "Indonesian", "ms": "Malay", "sw": "Swahili", "pl": "Polish",
    "ro": "Romanian", "el": "Greek", "he": "Hebrew", "sv": "Swedish", "no": "Norwegian",
    "da": "Danish", "fi": "Finnish", "cs": "Czech", "hu": "Hungarian", "vi": "Vietnamese",
    "th": "Thai", "bn": "Bengali", "ta": "Tamil", "en": "English",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Language:
    """An ISO 639-1 code (or "und") and the identifier's probability for it."""

    code: str
    probability: float

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Load the bundled model once per process, on first use (about 1 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def identify_language(text: str) -> Language:
    """The language of ``text``, or "und" when the identifier is not confident."""
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    probability = float(probability)
    return Language(code if probability >= CONFIDENT else UNDETERMINED, probability)


def is_english(code: str | None) -> bool:
    """Whether English rules apply: English, undetermined, or not known."""
    return code in (None, "", ENGLISH, UNDETERMINED) or code.lower().startswith(ENGLISH)
