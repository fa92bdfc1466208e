"""Name a theme with a short phrase from its own notes (private to services.clustering).

A facilitator names a theme with a noun phrase ("Refund approvals", "Billing screen"), not
a sentence fragment ("Nobody knows", "Notes are so short"). So candidates are runs of 2-5
words inside one note, not crossing punctuation or a light verb ("takes", "told"), that
start and end on a topic word: not a function word (pronoun, auxiliary, negation, "always")
and not a number. Each word scores by how many of the theme's notes use it times the share
of its uses that fall inside the theme (a class-based TF-IDF); a run scores the sum of its
distinct words (its last word, the head of a noun phrase, counts extra), less a penalty per
word and per function word inside it, more when several notes share the run, and less when
its context says it starts or ends on a verb ("we promise ...", "bleep the doctor",
"customers call back", "payments made"): there is no part-of-speech tagger, only these
cues. The winner is written as the most central note that has it wrote it, first letter
capitalised ("CRM", "KB" keep their case).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kaizen_studio.services._text_words import FUNCTION_WORDS, word_set

MIN_WORDS = 2
MAX_WORDS = 5
MAX_LABEL_CHARS = 48
LENGTH_PENALTY = 0.3  # per word, as a share of the theme's best word score
INNER_FUNCTION_PENALTY = 0.3  # per function word inside a run ("out of date" still fits)
SHARED_RUN_BONUS = 0.5  # per extra note that contains the same run
HEAD_BONUS = 0.5  # the last word of a noun phrase names its topic: it counts again this much
WEAK_END_PENALTY = 0.5  # share of the score lost by a run ending like a verb or an adjective
VERB_START_PENALTY = 0.5  # share lost by a run that starts on a verb (see _verb_first)
WEAK_WORD_SHARE = 0.5  # what an adjective or verb from _WEAK_ENDS scores of a topic word

_BREAKS = re.compile(r"[,;:!?()\[\]{}\"/|\n\r\t…–—]|\.(?!\d)|\s-\s")
_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# Verbs that say little about a topic, in the forms notes use them.
_LIGHT_VERBS = word_set(
    """take takes took taken taking make makes made making go goes went gone going come comes
    came coming keep keeps kept keeping put puts putting say says said tell tells told know
    knows knew known see sees saw seen want wants wanted need needs needed try tries tried give
    gives gave given ask asks asked sit sits sat stay stays stayed start starts started leave
    leaves left happen happens happened seem seems seemed feel feels felt think thinks thought
    look looks looked find finds found use uses used become becomes became"""
)
STOP_WORDS = FUNCTION_WORDS | _LIGHT_VERBS | {"way", "back", "re", "ve", "ll"}
_IRREGULAR_PAST = word_set("made told said gone done known seen taken given left sent")
# Words that end a fragment rather than a name ("payslips hard", "pick location empty").
_WEAK_ENDS = word_set(
    """different hard slow late long short wrong right new old full empty free broken busy
    whole early easy difficult impossible available angry ready quick quickly able sure good
    bad big small high low due open closed stuck useless overnight missing again later
    anymore properly first last next every today tomorrow yesterday arrive arrives happen
    work works wait waits fail fails break breaks change changes freeze freezes crash crashes
    drop drops lose loses lost cut"""
)


# A word after these is a verb ("we promise callbacks", "have to bleep the doctor").
_VERB_CUES = word_set(
    """i we you they he she it nobody everyone everybody someone somebody anyone who to can
    can't cannot cant could will won't would should must might may don't dont doesn't didn't
    never always often still just also usually sometimes"""
)


# A word before these is a verb or a preposition, not the start of a name ("write the TTO").
_DETERMINERS = word_set("the a an my our their his her its this that these those every")


# A word before these is a verb with its object or particle ("customers call back").
_OBJECT_CUES = _DETERMINERS | word_set("back up out off down us me them him it to")


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


def _word_scores(theme: Sequence[int], stems: Sequence[set[str]]) -> dict[str, float]:
    everywhere: Counter[str] = Counter()
    for note in stems:
        everywhere.update(note)
    inside: Counter[str] = Counter()
    for index in theme:
        inside.update(stems[index])
    size = max(len(theme), 1)
    shared = any(count > 1 for stem, count in inside.items() if stem)
    lone = 0.0 if size >= 3 and shared else 0.25  # a word that only one note uses says little
    return {
        stem: (count / size)
        * (count / everywhere[stem])
        * (lone if count == 1 else 1.0)
        * (WEAK_WORD_SHARE if stem in _WEAK_ENDS else 1.0)
        for stem, count in inside.items()
        if stem
    }


def _runs(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Spans of 2-5 tokens that start and end on a topic word."""
    spans: list[tuple[int, int]] = []
    for start, first in enumerate(tokens):
        if not first.stem:
            continue
        for end in range(start + MIN_WORDS, min(start + MAX_WORDS, len(tokens)) + 1):
            if tokens[end - 1].surface.lower() in _LIGHT_VERBS:
                break  # a run across a verb is a clause ("CD book takes hours")
            if tokens[end - 1].stem:
                spans.append((start, end))
    return spans


def _weak_end(word: str) -> bool:
    """A word that ends a sentence fragment rather than a name: a verb form or adjective."""
    word = word.lower()
    if word in _IRREGULAR_PAST or word in _WEAK_ENDS:
        return True
    return len(word) > 4 and word.endswith(("ed", "ly")) and not word.endswith("eed")


def _verb_first(tokens: list[_Token], before: str) -> bool:
    """Whether a run likely starts on a verb or adverb: "we promise", "bleep the doctor"."""
    first = tokens[0].surface.lower()
    return (
        before.replace("’", "'") in _VERB_CUES
        or first.endswith("ly")
        or tokens[1].surface.lower() in _DETERMINERS
    )


def _verb_last(tokens: list[_Token], following: str) -> bool:
    """Whether a run likely ends on a verb: "customers call back", "payments made"."""
    return _weak_end(tokens[-1].surface) or following in _OBJECT_CUES


def _run_score(
    tokens: list[_Token],
    scores: dict[str, float],
    top: float,
    holders: int,
    around: tuple[str, str],
) -> float:
    """How well a run names the theme; ``around`` holds the words before and after it."""
    content = {t.stem for t in tokens if t.stem}
    inner = sum(1 for t in tokens if not t.stem)
    score = sum(scores.get(stem, 0.0) for stem in content)
    score += HEAD_BONUS * scores.get(tokens[-1].stem, 0.0)
    score -= top * (LENGTH_PENALTY * len(tokens) + INNER_FUNCTION_PENALTY * inner)
    score *= 1.0 + SHARED_RUN_BONUS * (holders - 1)
    if _verb_last(tokens, around[1]):
        score -= WEAK_END_PENALTY * abs(score)
    if _verb_first(tokens, around[0]):
        score -= VERB_START_PENALTY * abs(score)
    return score


def _candidates(
    theme: Sequence[int], notes: Sequence[list[list[_Token]]], scores: dict[str, float]
) -> list[tuple[float, int, str]]:
    """(score, -order, surface) for every run in the theme's notes, most central note first."""
    top = max(scores.values(), default=0.0)
    runs: dict[tuple[str, ...], tuple[int, list[_Token], tuple[str, str], set[int]]] = {}
    for order, index in enumerate(theme):
        for tokens in notes[index]:
            for start, end in _runs(tokens):
                key = tuple(t.stem or t.surface.lower() for t in tokens[start:end])
                around = (
                    tokens[start - 1].surface.lower() if start else "",
                    tokens[end].surface.lower() if end < len(tokens) else "",
                )
                holders = runs.setdefault(key, (order, tokens[start:end], around, set()))[3]
                holders.add(index)
    best_word = max(sorted(scores), key=lambda stem: scores[stem], default="")
    anchored = any(best_word in key for key in runs)
    out: list[tuple[float, int, str]] = []
    for key, (order, tokens, around, holders) in runs.items():
        if anchored and best_word not in key:
            continue
        surface = " ".join(t.surface for t in tokens)
        out.append((_run_score(tokens, scores, top, len(holders), around), -order, surface))
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
    content = [w for w in words if _stem(w)] or words
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
