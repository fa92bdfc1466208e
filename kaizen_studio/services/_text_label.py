"""Name a theme with a short phrase from its own notes (private to services.clustering).

Each word scores by how many of the theme's notes use it times the share of its uses
that fall inside the theme (a class-based TF-IDF). Candidate labels are runs of 2-5 words
inside one note, not crossing punctuation, starting and ending on a content word, and
holding the theme's best word when some run does; a run scores the sum of its distinct
content words (a word only one note uses counts for little), less a penalty per word,
and more when several notes share the run. The winner is written as the most central
note wrote it, first letter capitalised (so "CRM" and "KB" keep their case).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_WORDS = 2
MAX_WORDS = 5
MAX_LABEL_CHARS = 48
LENGTH_PENALTY = 0.3  # per word, as a share of the theme's best word score
SHARED_RUN_BONUS = 0.5  # per extra note that contains the same run

_BREAKS = re.compile(r"[,;:!?()\[\]{}\"/|\n\r\t…–—]|\.(?!\d)|\s-\s")
_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing done don't
    down during each even ever every few for from further get gets getting got had has have
    having he her here hers him his how i i'm if in into is isn't it it's its itself just
    let me more most much must my no nor not now of off on once one only or other our ours
    out over own per please same she should so some still such than that that's the their
    them then there these they this those through to too under until up upon us very was
    we were what when where which while who whom why will with within without would you
    your yours yet again always never really lot lots way ve ll re doesn't didn't can't
    won't aren't wasn't weren't haven't hasn't couldn't wouldn't shouldn't dont cant im
    ive get got takes take just"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True)
class _Token:
    surface: str
    stem: str  # lower case, plural and possessive s dropped; "" for a stop word or number


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word in STOP_WORDS or word.replace(".", "").isdigit():
        return ""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _segments(text: str) -> list[list[_Token]]:
    out: list[list[_Token]] = []
    for segment in _BREAKS.split(text[:2_000]):
        tokens = [_Token(m.group(), _stem(m.group())) for m in _TOKEN.finditer(segment)]
        if tokens:
            out.append(tokens)
    return out


def _is_content(stem: str) -> bool:
    return bool(stem)


def _word_scores(theme: Sequence[int], stems: Sequence[set[str]]) -> dict[str, float]:
    everywhere: Counter[str] = Counter()
    for note in stems:
        everywhere.update(note)
    inside: Counter[str] = Counter()
    for index in theme:
        inside.update(stems[index])
    size = max(len(theme), 1)
    lone = 0.0 if size >= 3 else 0.25  # a word that only one note uses says little
    return {
        stem: (count / size) * (count / everywhere[stem]) * (lone if count == 1 else 1.0)
        for stem, count in inside.items()
        if _is_content(stem)
    }


def _runs(tokens: list[_Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, first in enumerate(tokens):
        if not _is_content(first.stem):
            continue
        for end in range(start + MIN_WORDS, min(start + MAX_WORDS, len(tokens)) + 1):
            if _is_content(tokens[end - 1].stem):
                spans.append((start, end))
    return spans


def _candidates(
    theme: Sequence[int], notes: Sequence[list[list[_Token]]], scores: dict[str, float]
) -> list[tuple[float, int, str]]:
    """(score, -order, surface) for every run in the theme's notes, most central note first."""
    top = max(scores.values(), default=0.0)
    runs: dict[tuple[str, ...], tuple[int, str, set[int]]] = {}
    for order, index in enumerate(theme):
        for tokens in notes[index]:
            for start, end in _runs(tokens):
                key = tuple(t.stem for t in tokens[start:end])
                surface = " ".join(t.surface for t in tokens[start:end])
                holders = runs.setdefault(key, (order, surface, set()))[2]
                holders.add(index)
    best_word = max(sorted(scores), key=lambda stem: scores[stem], default="")
    anchored = any(best_word in key for key in runs)
    out: list[tuple[float, int, str]] = []
    for key, (order, surface, holders) in runs.items():
        if anchored and best_word not in key:
            continue
        content = {stem for stem in key if _is_content(stem)}
        score = sum(scores.get(stem, 0.0) for stem in content) - LENGTH_PENALTY * top * len(key)
        score *= 1.0 + SHARED_RUN_BONUS * (len(holders) - 1)
        out.append((score, -order, surface))
    out.sort(key=lambda c: (-c[0], -c[1], c[2]))
    return out


def _fallback(theme: Sequence[int], notes: Sequence[list[list[_Token]]]) -> str:
    """A label for a theme with no two-word run: its best words, or its first note."""
    words: list[str] = []
    for index in theme:
        for tokens in notes[index]:
            for token in tokens:
                if token.surface.lower() not in {w.lower() for w in words}:
                    words.append(token.surface)
    content = [w for w in words if _is_content(_stem(w))] or words
    if len(content) >= 2:
        return f"{content[0]} and {content[1]}"
    if content:
        return f"{content[0]} notes"
    return "Unreadable notes"


def _tidy(label: str) -> str:
    label = label.strip()
    if len(label) > MAX_LABEL_CHARS:
        cut = label[:MAX_LABEL_CHARS].rsplit(" ", 1)[0]
        label = cut if cut else label[:MAX_LABEL_CHARS]
    return label[:1].upper() + label[1:]


def label_themes(texts: Sequence[str], themes: Sequence[Sequence[int]]) -> list[str]:
    """One distinct label per theme; each theme's indices come most central note first."""
    notes = [_segments(text) for text in texts]
    stems = [{t.stem for segment in note for t in segment} for note in notes]
    labels: list[str] = []
    used: set[str] = set()
    for theme in themes:
        scores = _word_scores(theme, stems)
        options = [_tidy(surface) for _, _, surface in _candidates(theme, notes, scores)]
        options.append(_tidy(_fallback(theme, notes)))
        label = next((o for o in options if o.lower() not in used), options[0])
        suffix = 2
        while label.lower() in used:
            label = f"{options[0]} ({suffix})"
            suffix += 1
        used.add(label.lower())
        labels.append(label)
    return labels
