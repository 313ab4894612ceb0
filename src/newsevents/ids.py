"""Deterministic content-hash ids, so a re-run never stores anything twice."""

from __future__ import annotations

import hashlib
import unicodedata

# 16 hex digits (64 bits): collisions are negligible below billions of articles.
ID_LENGTH = 16


def content_hash(text: str) -> str:
    """Hash of the article text, insensitive to Unicode normalization form and outer whitespace."""
    normalized = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:ID_LENGTH]


def record_id(*parts: object) -> str:
    """Stable id of a derived record (an event, a quote) from the values that define it."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]
