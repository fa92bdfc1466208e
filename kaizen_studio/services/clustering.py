"""Suggest themes for a wall of sticky notes, offline; spot notes that repeat each other.

``suggest_themes`` groups notes by what they are about and names each group with a short
noun phrase taken from its own notes. It works on the notes alone: a static word-piece
model distilled from all-MiniLM-L6-v2 ships in resources/models/minilm_static_256 (about
15 MB, loaded on the first call and kept), with function words ("we", "nobody", "always")
weighed down and what the whole wall shares partly taken away, plus character n-grams;
clustering is Ward's method with k-means refinement, numpy only. See
tests/benchmarks/clustering/ for how it was chosen and measured (evaluate_service.py).

Rules a caller can rely on:

- Every index of ``texts`` is in exactly one theme; members are in ascending order.
- The same input gives the same themes, in the same order (no randomness).
- Identical notes (ignoring case, spacing and surrounding punctuation) stay together.
- ``n_themes=K`` gives exactly K themes, or as many as there are different notes if that
  is fewer. Blank notes, if any, then make one of the K, "Blank notes".
- ``n_themes=None`` chooses the number. Notes that fit no theme (alone in theirs, or
  far from the rest of it) and blank notes go to a last theme, "Other notes"; every
  other theme then holds at least two notes.
- Real themes come largest first; labels are 2-5 words from the notes, all different.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kaizen_studio.services import _text_similar
from kaizen_studio.services._text_cluster import cluster
from kaizen_studio.services._text_embed import note_features
from kaizen_studio.services._text_label import label_themes

OTHER_LABEL = "Other notes"
BLANK_LABEL = "Blank notes"
NEAR_DUPLICATE_THRESHOLD = 0.8
MIN_NOTES_FOR_OUTLIERS = 6  # distinct notes; fewer are all kept in themes
# See _groups. With the wall's shared meaning taken away, 0.15 sends about as many notes
# to "Other notes" as the walls' facilitators left out (~10%); 0.3 sent ~45%.
FIT_SIMILARITY = 0.15


@dataclass(frozen=True)
class SuggestedTheme:
    """A suggested theme: a short name and the indices of its notes."""

    label: str
    members: tuple[int, ...]


def _key(text: str) -> str:
    """What makes two notes the same note: words and symbols, ignoring case and spacing."""
    return " ".join(text.casefold().split()).strip(" .,;:!?-–—'\"")


def _distinct(texts: Sequence[str]) -> tuple[list[str], list[list[int]]]:
    """Distinct non-blank notes (first spelling kept) and the indices of each one's copies."""
    first: dict[str, int] = {}
    originals: list[str] = []
    copies: list[list[int]] = []
    for index, text in enumerate(texts):
        key = _key(text)
        if not key:
            continue
        slot = first.setdefault(key, len(originals))
        if slot == len(originals):
            originals.append(text)
            copies.append([])
        copies[slot].append(index)
    return originals, copies


def _groups(
    originals: list[str], copies: list[list[int]], n_themes: int | None
) -> tuple[list[list[int]], list[int]]:
    """Distinct-note indices per theme, most central first, and (auto mode) the misfits.

    A misfit is a note alone in its theme, or one whose similarity to the rest of its
    theme (cosine to their weighted mean) is below FIT_SIMILARITY.
    """
    features = note_features(originals).astype(np.float64)
    weights = np.array([len(c) for c in copies], dtype=np.float64)
    labels = cluster(features.astype(np.float32), weights, n_themes)
    groups: list[list[int]] = []
    misfits: list[int] = []
    for theme in range(int(labels.max()) + 1 if labels.size else 0):
        members = np.flatnonzero(labels == theme)
        total = (features[members] * weights[members, None]).sum(axis=0)
        rest = total[None, :] - features[members]  # each member's theme without one copy
        norms = np.linalg.norm(rest, axis=1)
        fit = np.divide(
            np.einsum("ij,ij->i", features[members], rest),
            norms,
            out=np.zeros(members.size),
            where=norms > 1e-9,
        )
        order = sorted(range(members.size), key=lambda i: (-round(float(fit[i]), 6), i))
        group = [int(members[i]) for i in order]
        if n_themes is None and len(originals) >= MIN_NOTES_FOR_OUTLIERS:
            group = [int(members[i]) for i in order if fit[i] >= FIT_SIMILARITY]
            if _size(group, copies) < 2:  # a theme of one note is no theme
                group = []
            kept = set(group)
            misfits.extend(int(m) for m in members[order] if int(m) not in kept)
        if group:
            groups.append(group)
    return groups, misfits


def _size(group: list[int], copies: list[list[int]]) -> int:
    return sum(len(copies[i]) for i in group)


def suggest_themes(texts: Sequence[str], n_themes: int | None = None) -> list[SuggestedTheme]:
    """Group ``texts`` into themes; see the module docstring for the rules."""
    texts = [t if isinstance(t, str) else str(t) for t in texts]
    originals, copies = _distinct(texts)
    blanks = [i for i, t in enumerate(texts) if not _key(t)]
    if not texts:
        return []
    if not originals:
        return [SuggestedTheme(BLANK_LABEL, tuple(blanks))]
    wanted = None if n_themes is None else max(1, int(n_themes))
    if wanted == 1:
        everyone = tuple(range(len(texts)))
        return [SuggestedTheme(label_themes(texts, [everyone])[0], everyone)]
    if wanted is not None and blanks:
        wanted -= 1
    groups, outliers = _groups(originals, copies, wanted)
    groups.sort(key=lambda g: (-_size(g, copies), min(copies[g[0]])))
    return _finish(texts, copies, groups, outliers, blanks_alone=wanted is not None, extra=blanks)


def _finish(
    texts: list[str],
    copies: list[list[int]],
    groups: list[list[int]],
    outliers: list[int],
    *,
    blanks_alone: bool,
    extra: list[int],
) -> list[SuggestedTheme]:
    """Label the groups and turn distinct-note indices back into note indices."""
    note_groups = [[i for d in group for i in copies[d]] for group in groups]
    labels = label_themes(texts, note_groups)
    themes = [
        SuggestedTheme(label, tuple(sorted(members)))
        for label, members in zip(labels, note_groups, strict=True)
    ]
    if blanks_alone and extra:
        themes.append(SuggestedTheme(BLANK_LABEL, tuple(extra)))
    else:
        rest = sorted([i for d in outliers for i in copies[d]] + extra)
        if rest and themes:
            themes.append(SuggestedTheme(OTHER_LABEL, tuple(rest)))
        elif rest:
            themes.append(SuggestedTheme(OTHER_LABEL if outliers else BLANK_LABEL, tuple(rest)))
    return themes


def near_duplicates(
    texts: Sequence[str], threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> list[tuple[int, ...]]:
    """Groups (two or more, ascending) of notes that nearly repeat each other, for stacking.

    Two notes are near duplicates when their spelling similarity (character trigrams,
    0..1, see ``most_similar``) is at least ``threshold``. Each group is led by its first
    note and holds the later notes that nearly repeat that one (no chains of "a is like b,
    b is like c"). Blank notes are never duplicates of anything.
    """
    texts = [t if isinstance(t, str) else str(t) for t in texts]
    partners: dict[int, list[int]] = {}
    for i, j in _text_similar.similar_pairs(texts, threshold):
        partners.setdefault(i, []).append(j)
    taken: set[int] = set()
    groups: list[tuple[int, ...]] = []
    for leader in sorted(partners):
        if leader in taken:
            continue
        group = [leader] + [j for j in partners[leader] if j not in taken]
        if len(group) > 1:
            taken.update(group)
            groups.append(tuple(sorted(group)))
    return groups


def most_similar(text: str, texts: Sequence[str]) -> tuple[int, float] | None:
    """The index of the note in ``texts`` that ``text`` most nearly repeats, and how nearly.

    Similarity is 0..1 (1 for the same words); compare it with NEAR_DUPLICATE_THRESHOLD.
    None when ``texts`` is empty or ``text`` has nothing to compare (blank). Ties go to
    the earliest note. Fast enough for every keystroke: about 2 ms against 2,000 notes
    once their trigrams are cached (the first call with new notes takes about 30 ms).
    """
    if not isinstance(text, str):
        text = str(text)
    return _text_similar.best_match(text, list(texts))
