"""Suggested themes for the board: proposed first, applied only as the facilitator decides.

Suggestions work on the notes a facilitator has not claimed: unsorted notes, or
every note outside a locked theme. A theme built or locked by hand is never broken
up. Applying is one unit of work (one undo step): the accepted themes are created,
their cards moved into new frames beside the board, near-duplicates stacked, and
unlocked themes the suggestion emptied removed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kaizen_studio.domain.board import pick_colours
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services import board_placing as placing
from kaizen_studio.services.board import BoardChange, Wall, wall
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.clustering import (
    BLANK_LABEL,
    OTHER_LABEL,
    near_duplicates,
    suggest_themes,
)
from kaizen_studio.services.themes import clean_theme_name, stack_on
from kaizen_studio.storage.library import Library


class Scope(StrEnum):
    UNSORTED = "unsorted"  # notes in no theme
    OPEN = "open"  # every note outside a locked theme

    @property
    def label(self) -> str:
        return "Unsorted notes" if self is Scope.UNSORTED else "All notes outside locked themes"


@dataclass(frozen=True)
class ProposedTheme:
    """A theme the suggestion proposes: a name and its notes (ids)."""

    label: str
    note_ids: tuple[int, ...]
    # False for the notes that fit no theme ("Other notes") and blank notes.
    fits: bool = True


def _open_notes(current: Wall, scope: Scope) -> list[int]:
    """Cards the suggestion may move: followers of a stack go with their leader."""
    locked = {k for k, t in current.themes.items() if t["locked"]}
    return [
        key
        for key in current.leaders()
        if (current.notes[key]["theme_id"] is None)
        or (scope is Scope.OPEN and current.notes[key]["theme_id"] not in locked)
    ]


def notes_in_scope(library: Library, workshop_id: int, scope: Scope) -> list[tuple[int, str]]:
    """(id, text) of the notes a suggestion would sort, oldest first."""
    with wall(library, workshop_id) as current:
        return [(k, current.texts[k]) for k in _open_notes(current, scope)]


def propose_themes(
    library: Library, workshop_id: int, scope: Scope = Scope.UNSORTED, n_themes: int | None = None
) -> list[ProposedTheme]:
    """Themes for the notes in `scope` (nothing is changed). `n_themes` None: chosen."""
    if n_themes is not None and not 1 <= n_themes <= 50:
        raise InvalidInput("Ask for between 1 and 50 themes.")
    notes = notes_in_scope(library, workshop_id, scope)
    themes = suggest_themes([text for _, text in notes], n_themes)
    return [
        ProposedTheme(
            label=theme.label,
            note_ids=tuple(notes[i][0] for i in theme.members),
            fits=theme.label not in (OTHER_LABEL, BLANK_LABEL),
        )
        for theme in themes
    ]


def propose_stacks(
    library: Library, workshop_id: int, scope: Scope = Scope.UNSORTED
) -> list[tuple[int, ...]]:
    """Groups of notes (ids, the first to stay on top) that nearly repeat each other."""
    notes = notes_in_scope(library, workshop_id, scope)
    return [tuple(notes[i][0] for i in group) for group in near_duplicates([t for _, t in notes])]


def _check(current: Wall, themes: Sequence[ProposedTheme], stacks: Sequence[Sequence[int]]) -> None:
    seen: set[int] = set()
    for key in [k for t in themes for k in t.note_ids] + [k for s in stacks for k in s]:
        if key not in current.notes:
            raise InvalidInput("A suggested note is no longer on the board; ask again.")
    for theme in themes:
        for key in theme.note_ids:
            if key in seen:
                raise InvalidInput("A note can go in only one suggested theme.")
            seen.add(key)
            theme_id = current.notes[key]["theme_id"]
            if theme_id is not None and current.themes[theme_id]["locked"]:
                name = current.themes[theme_id]["name"]
                raise InvalidInput(
                    f"“{name}” is locked; a suggestion cannot take its notes. Unlock it first."
                )


def apply_suggestions(
    library: Library,
    workshop_id: int,
    themes: Sequence[ProposedTheme],
    stacks: Sequence[Sequence[int]] = (),
    *,
    clock: Clock = SYSTEM_CLOCK,
) -> BoardChange:
    """Create the accepted themes with their notes and stack the chosen near-duplicates."""
    names = [clean_theme_name(theme.label) for theme in themes]
    with wall(library, workshop_id) as current:
        _check(current, themes, stacks)
        placing.place_the_unplaced(current)  # (from the command line, before any board was shown)
        for group in stacks:
            if len(group) > 1:
                stack_on(current, group[0], group[1:])
        chosen = [
            (
                name,
                [k for k in dict.fromkeys(t.note_ids) if current.notes[k]["stacked_on_id"] is None],
            )
            for t, name in zip(themes, names, strict=True)
        ]
        chosen = [(name, cards) for name, cards in chosen if cards]
        moving = {k for _, cards in chosen for k in cards}
        left_from = {t for k in moving if (t := current.notes[k]["theme_id"]) is not None}
        emptied = {t for t in left_from if set(current.members(t)) <= moving}
        # Colours unlike those of the themes that stay on the board.
        staying = [t["color"] for k, t in current.themes.items() if k not in emptied]
        members: dict[int, list[int]] = {}
        for (name, cards), colour in zip(chosen, pick_colours(staying, len(chosen)), strict=True):
            key = current.add_theme(name, colour, locked=False, now=clock.now())
            members[key] = placing.in_reading_order(current, cards)
            for card in cards:
                current.assign(card, key)
        for theme_id in sorted(left_from):
            if theme_id in emptied:
                current.remove_theme(theme_id)
            else:
                placing.compact(current, theme_id)
        placing.fill_in_frames(current, list(members), members)
        return current.save()
