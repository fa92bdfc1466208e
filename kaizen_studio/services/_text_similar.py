"""Spelling similarity of notes, for spotting repeats (private to services.clustering).

Similarity is the cosine of two notes' sets of character trigrams (lower-cased, spaces
collapsed, each word padded), from 0 (nothing shared) to 1 (same letters in the same
words). It sees "Forklift 3 broken again" and "forklift 3 is broken again!" as near
repeats and "forklift broken" and "scanner broken" as different notes; it does not see
paraphrases, which the themes gather instead.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

_WORD = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=32_768)
def trigrams(text: str) -> frozenset[str]:
    """The character trigrams of a note's words (symbols and emoji count as words)."""
    grams: set[str] = set()
    for word in _WORD.findall(text[:2_000].casefold()):
        if not word.isalnum() and len(word) == 1 and not word.isprintable():
            continue
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two trigram sets, 0..1."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def best_match(text: str, texts: Sequence[str]) -> tuple[int, float] | None:
    """The index of the note most like ``text`` and its similarity; None when none compares."""
    own = trigrams(text)
    if not own:
        return None
    best: tuple[int, float] | None = None
    for index, other in enumerate(texts):
        score = similarity(own, trigrams(other))
        if best is None or score > best[1]:
            best = (index, score)
    return best


def similar_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """Every pair (i < j) whose similarity is at least ``threshold`` (exact, prefix-filtered).

    Grams are taken rarest first; two notes that reach the threshold must share one of
    the first |A| - ceil(threshold^2 * |A|) + 1 grams of the note A (the other note has at
    least threshold^2 * |A| grams, so the overlap is at least that many).
    """
    sets = [trigrams(text) for text in texts]
    frequency: dict[str, int] = defaultdict(int)
    for grams in sets:
        for gram in grams:
            frequency[gram] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    floor = max(threshold, 0.0) ** 2
    for j, grams in enumerate(sets):
        if not grams:
            continue
        ordered = sorted(grams, key=lambda g: (frequency[g], g))
        prefix = ordered[: len(ordered) - math.ceil(floor * len(ordered)) + 1]
        candidates: set[int] = set()
        for gram in prefix:
            candidates.update(postings[gram])
            postings[gram].append(j)
        pairs.extend((i, j) for i in sorted(candidates) if similarity(sets[i], grams) >= threshold)
    return sorted(pairs)
