"""Near-duplicate articles: MinHash signatures of word shingles, LSH band keys, story clusters.

Syndicated copies of a wire story (a new headline, a dropped paragraph, a byline) share most of
their five-word shingles; different reports of the same news share few. A new article joins the
story of its most similar earlier article when the estimated Jaccard similarity of their shingle
sets, or the containment of the smaller in the larger, reaches the threshold. Articles are only
ever added to stories, never moved, so story ids stay stable across runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

# 128 permutations estimate Jaccard within about +-0.09 (1/sqrt(128)): enough to tell a copy
# (J >= 0.7 in practice) from a different report of the same news (J < 0.2).
NUM_PERM = 128
SHINGLE_WORDS = 5  # word 5-grams: long enough that shared phrases of unrelated stories are rare
SEED = 1  # datasketch's default seed; signatures in a store are only comparable with one seed
# A copy cut to its first paragraphs keeps its shingles but loses Jaccard; containment catches it.
CONTAINMENT = 0.8
MIN_SHINGLES = 8  # shorter texts (a headline, a caption) say too little to call a copy
# LSH finds candidates, the signature comparison decides. Bands tuned for Jaccard 0.3 (37 bands
# of 3 rows) find a pair at J=0.5 with p=0.993 and a copy cut to 60% (J~0.6) with p>0.999, which
# bands tuned for 0.5 miss 13% of the time (benchmarks/scale.py). Fixed, so stored keys stay
# valid whatever acceptance threshold a later run uses.
LSH_THRESHOLD = 0.3

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The MinHash signature of one article's shingle set, and the set's size."""

    article_id: str
    signature: bytes  # NUM_PERM unsigned 64-bit hash values
    shingles: int


@dataclass(frozen=True, slots=True)
class Membership:
    """An article's story: the canonical (first stored) article's id, and the similarity to it."""

    article_id: str
    story_id: str
    similarity: float


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lowercased word n-grams; a text shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _empty_minhash() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def fingerprint(article_id: str, text: str) -> Fingerprint:
    """The MinHash fingerprint of ``text`` (datasketch's MinHash, batch-updated)."""
    shingle_set = shingles(text)
    minhash = _empty_minhash().copy()
    if shingle_set:
        minhash.update_batch(sorted(shingle_set))
    signature = np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()
    return Fingerprint(article_id, signature, len(shingle_set))


@lru_cache(maxsize=8)
def lsh_shape(threshold: float) -> tuple[int, int]:
    """Bands and rows per band that datasketch's MinHashLSH picks for ``threshold``."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(signature: bytes) -> list[int]:
    """One signed 64-bit key per LSH band (the band's index is hashed in, so bands never mix)."""
    bands, rows = lsh_shape(LSH_THRESHOLD)
    width = rows * 8
    keys = []
    for band in range(bands):
        chunk = band.to_bytes(2, "little") + signature[band * width : (band + 1) * width]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(first: Fingerprint, second: Fingerprint) -> float:
    """Estimated Jaccard similarity, or the smaller set's containment if that is higher."""
    if min(first.shingles, second.shingles) < MIN_SHINGLES:
        return 0.0
    a = np.frombuffer(first.signature, dtype=np.uint64)
    b = np.frombuffer(second.signature, dtype=np.uint64)
    jaccard = float(np.count_nonzero(a == b)) / NUM_PERM
    overlap = jaccard * (first.shingles + second.shingles) / (1.0 + jaccard)
    containment = overlap / min(first.shingles, second.shingles)
    return jaccard if containment < CONTAINMENT else max(jaccard, min(containment, 1.0))


def assign_stories(
    fresh: Sequence[Fingerprint],
    known: Mapping[str, tuple[Fingerprint, str]],
    *,
    threshold: float,
) -> list[Membership]:
    """Put each fresh article, in order, into the story of its most similar earlier article.

    ``known`` maps stored candidate article ids (found through shared band keys) to their
    fingerprint and story id. Ties go to the smaller article id, so the result is the same
    whatever order the store returns candidates in.
    """
    by_key: dict[int, list[str]] = {}
    pool = dict(known)
    for article_id, (candidate, _) in sorted(known.items()):
        _index(by_key, article_id, band_keys(candidate.signature))
    memberships = []
    for item in fresh:
        keys = band_keys(item.signature)
        best = _best_match(item, _candidates(by_key, keys), pool, threshold=threshold)
        story_id, score = best if best else (item.article_id, 1.0)
        memberships.append(Membership(item.article_id, story_id, round(score, 4)))
        pool[item.article_id] = (item, story_id)
        _index(by_key, item.article_id, keys)
    return memberships


def _index(by_key: dict[int, list[str]], article_id: str, keys: Iterable[int]) -> None:
    for key in keys:
        by_key.setdefault(key, []).append(article_id)


def _candidates(by_key: Mapping[int, list[str]], keys: Iterable[int]) -> set[str]:
    return {article_id for key in keys for article_id in by_key.get(key, ())}


def _best_match(
    item: Fingerprint,
    candidates: Iterable[str],
    pool: Mapping[str, tuple[Fingerprint, str]],
    *,
    threshold: float,
) -> tuple[str, float] | None:
    scored = []
    for article_id in candidates:
        if article_id == item.article_id:
            continue
        candidate, story_id = pool[article_id]
        score = similarity(item, candidate)
        if score >= threshold:
            scored.append((-score, story_id, article_id))
    if not scored:
        return None
    negative, story_id, _ = min(scored)
    return story_id, -negative
