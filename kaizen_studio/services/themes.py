"""Themes on the affinity board: make, rename, recolour, lock, merge, split, delete; move cards.

Every edit is one unit of work and returns a BoardChange; `revert_change`
(services.board) undoes it and returns the change that redoes it. Geometry
lives in domain.board; keeping things apart in services.board_placing.
"""

from collections.abc import Mapping, Sequence
from typing import Final

from kaizen_studio.domain.board import (
    FRAME_GAP,
    Point,
    Rect,
    bounds,
    check_colour,
    frame_height,
    frame_size,
    frame_width,
    pick_colour,
    reflow,
)
from kaizen_studio.domain.board_layout import free_spot, snap
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import Note, Theme
from kaizen_studio.services import board_placing as placing
from kaizen_studio.services.board import Board, BoardChange, Wall, board_of, wall
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.clustering import suggest_themes
from kaizen_studio.services.records import fetch
from kaizen_studio.storage.library import Library

# `into` for move_on_board: cards keep the theme they are in.
KEEP: Final = "keep"


def open_board(library: Library, workshop_id: int) -> Board:
    """The board as it shows. Whatever has no place yet is laid out, and stored, first,
    so the board looks the same every time it is opened."""
    with wall(library, workshop_id) as current:
        placing.place_the_unplaced(current)
        current.save()
        return board_of(current)


def clean_theme_name(name: str) -> str:
    return clean_text(name, "A theme name", required=True)


def _check_notes(current: Wall, note_ids: Sequence[int]) -> None:
    for key in note_ids:
        if key not in current.notes:
            raise NotFound(f"There is no note with id {key} in this workshop.")


def _check_theme(current: Wall, theme_id: int) -> Rect:
    if theme_id not in current.themes:
        raise NotFound(f"There is no theme with id {theme_id} in this workshop.")
    rect = current.frame(theme_id)
    if rect is None:
        placing.place_the_unplaced(current)
        rect = current.frame(theme_id)
    assert rect is not None
    return rect


def _unstack(current: Wall, note_ids: Sequence[int]) -> list[int]:
    """Notes taken from a stack on their own leave it; returns the ids as cards."""
    for key in note_ids:
        current.stack(key, None)
    return list(dict.fromkeys(note_ids))


def _theme_wall(library: Library, theme_id: int) -> int:
    """The workshop a theme belongs to."""
    with library.session() as session:
        return fetch(session, Theme, theme_id, "theme").workshop_id


def _note_wall(library: Library, note_id: int) -> int:
    with library.session() as session:
        return fetch(session, Note, note_id, "note").workshop_id


# -- moving cards and frames --------------------------------------------------------------


def move_on_board(
    library: Library,
    workshop_id: int,
    *,
    notes: Mapping[int, Point] | None = None,
    frames: Mapping[int, Point] | None = None,
    into: int | str | None = KEEP,
) -> BoardChange:
    """Cards and frames dragged to new places, as one edit.

    A moved frame takes its cards along and lands on the nearest spot free of other
    frames and loose cards. Cards go `into` a theme (onto its free slots nearest where
    they were dropped), out of every theme (`None`: they lie where dropped), or stay
    in the theme they are in (KEEP).
    """
    notes, frames = dict(notes or {}), dict(frames or {})
    with wall(library, workshop_id) as current:
        _check_notes(current, list(notes))
        for theme_id, target in frames.items():
            rect = _check_theme(current, theme_id)
            wanted = rect.at(snap(target.x), snap(target.y))
            others = [r for k, r in current.frames().items() if k != theme_id]
            others += list(current.loose_cards(notes).values())
            spot = free_spot(wanted, others)
            current.shift_theme(theme_id, spot.x - rect.x, spot.y - rect.y)
        carried = {k for t in frames for k in current.members(t)}
        cards = _unstack(current, [k for k in notes if k not in carried])
        if into == KEEP:
            for theme_id in {current.notes[k]["theme_id"] for k in cards}:
                group = [k for k in cards if current.notes[k]["theme_id"] == theme_id]
                _drop(current, group, notes, theme_id)
        else:
            target_theme = None if into is None else int(into)
            _drop(current, cards, notes, target_theme)
        return current.save()


def _drop(
    current: Wall, cards: list[int], points: Mapping[int, Point], theme_id: int | None
) -> None:
    if theme_id is None:
        for key in cards:
            placing.drop_loose(current, key, points[key])
    elif cards:
        _check_theme(current, theme_id)
        placing.settle(current, theme_id, cards, [points[k] for k in cards])


def resize_theme(library: Library, theme_id: int, width: float, height: float) -> BoardChange:
    """A frame made wider or narrower: its cards flow into the columns that now fit."""
    with wall(library, _theme_wall(library, theme_id)) as current:
        rect = _check_theme(current, theme_id)
        wanted = Rect(rect.x, rect.y, max(width, frame_width(1)), max(height, frame_height(1)))
        members = placing.in_reading_order(current, current.members(theme_id))
        slots, grown = reflow(wanted, len(members))
        current.set_frame(theme_id, grown)
        for key, slot in zip(members, slots, strict=True):
            current.place(key, slot)
        placing.push(current, [("frame", theme_id)])
        return current.save()


def tidy_board(library: Library, workshop_id: int) -> BoardChange:
    """Lay the whole board out afresh, nothing on top of anything."""
    with wall(library, workshop_id) as current:
        placing.tidy(current)
        return current.save()


# -- making and changing themes -----------------------------------------------------------


def create_theme(
    library: Library,
    workshop_id: int,
    name: str,
    note_ids: Sequence[int] = (),
    *,
    color: str | None = None,
    locked: bool = True,
    at: Point | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[int, BoardChange]:
    """A new theme holding `note_ids`, built by hand (so locked), placed near its cards."""
    name = clean_theme_name(name)
    with wall(library, workshop_id) as current:
        _check_notes(current, note_ids)
        colour = check_colour(color) if color else pick_colour(_colours(current))
        cards = placing.in_reading_order(current, _unstack(current, list(note_ids)))
        key = current.add_theme(name, colour, locked=locked, now=clock.now())
        width, height = frame_size(len(cards))
        near = bounds(r for k in cards if (r := current.card(k)) is not None)
        anchor = at or (Point(near.x, near.y) if near else _right_of_board(current, cards))
        spot = placing.clear_spot(current, Rect(anchor.x, anchor.y, width, height), cards_out=cards)
        placing.lay_frame(current, key, cards, Rect(spot.x, spot.y, width, height))
        return key, current.save()


def _right_of_board(current: Wall, cards: Sequence[int]) -> Point:
    box = placing.board_box(current, cards_out=cards)
    return Point(0.0, 0.0) if box is None else Point(box.right + FRAME_GAP, box.y)


def _colours(current: Wall) -> list[str]:
    return [t["color"] for k, t in current.themes.items() if k not in current.removed]


def _edit_theme(library: Library, theme_id: int, **values: object) -> BoardChange:
    with wall(library, _theme_wall(library, theme_id)) as current:
        _check_theme(current, theme_id)
        current.themes[theme_id].update(values)
        return current.save()


def rename_theme(library: Library, theme_id: int, name: str) -> BoardChange:
    return _edit_theme(library, theme_id, name=clean_theme_name(name))


def recolour_themes(library: Library, theme_ids: Sequence[int], color: str) -> BoardChange:
    colour = check_colour(color)
    if not theme_ids:
        return BoardChange()
    with wall(library, _theme_wall(library, theme_ids[0])) as current:
        for theme_id in theme_ids:
            _check_theme(current, theme_id)
            current.themes[theme_id]["color"] = colour
        return current.save()


def lock_themes(library: Library, theme_ids: Sequence[int], locked: bool = True) -> BoardChange:
    """Locked themes are the facilitator's own: suggestions never break them up."""
    if not theme_ids:
        return BoardChange()
    with wall(library, _theme_wall(library, theme_ids[0])) as current:
        for theme_id in theme_ids:
            _check_theme(current, theme_id)
            current.themes[theme_id]["locked"] = locked
        return current.save()


def merge_themes(library: Library, theme_ids: Sequence[int]) -> BoardChange:
    """Fold the other themes into the first: their cards and dots move to it, they go."""
    ids = list(dict.fromkeys(theme_ids))
    if len(ids) < 2:
        raise InvalidInput("Choose two or more themes to merge.")
    with wall(library, _theme_wall(library, ids[0])) as current:
        target, others = ids[0], ids[1:]
        rect = _check_theme(current, target)
        cards = placing.in_reading_order(current, current.members(target))
        for theme_id in others:
            _check_theme(current, theme_id)
            cards += placing.in_reading_order(current, current.members(theme_id))
        placing.lay_frame(current, target, cards, rect)
        votes = current.load_votes()
        for vote_id, voted in votes.items():
            if voted in others:
                votes[vote_id] = target
        for theme_id in others:
            current.remove_theme(theme_id)
        current.themes[target]["locked"] = True
        placing.push(current, [("frame", target)])
        return current.save()


def split_theme(
    library: Library,
    theme_id: int,
    note_ids: Sequence[int] | None = None,
    name: str | None = None,
    *,
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[int, BoardChange]:
    """Split cards off a theme into a new theme beside it.

    With no `note_ids`, the theme's notes are split in two by meaning (the smaller
    part leaves, named after its notes). Both themes count as built by hand.
    """
    with wall(library, _theme_wall(library, theme_id)) as current:
        rect = _check_theme(current, theme_id)
        members = placing.in_reading_order(current, current.members(theme_id))
        leaving, label = _split_part(current, theme_id, members, note_ids)
        new_name = clean_theme_name(name) if name else label
        staying = [k for k in members if k not in set(leaving)]
        placing.lay_frame(current, theme_id, staying, Rect(rect.x, rect.y, rect.width, 1.0))
        key = current.add_theme(
            new_name, pick_colour(_colours(current)), locked=True, now=clock.now()
        )
        width, height = frame_size(len(leaving))
        wanted = Rect(rect.right + FRAME_GAP, rect.y, width, height)
        spot = placing.clear_spot(current, wanted, cards_out=leaving)
        placing.lay_frame(current, key, leaving, Rect(spot.x, spot.y, width, height))
        current.themes[theme_id]["locked"] = True
        return key, current.save()


def _split_part(
    current: Wall, theme_id: int, members: list[int], note_ids: Sequence[int] | None
) -> tuple[list[int], str]:
    """The cards that leave, and a name for them."""
    name = current.themes[theme_id]["name"]
    if note_ids is not None:
        chosen = set(note_ids)
        if not chosen or not chosen <= set(members):
            raise InvalidInput(f"Choose cards of “{name}” to split off.")
        if chosen == set(members):
            raise InvalidInput("Leave at least one card in the theme you split.")
        return [k for k in members if k in chosen], f"{name} (2)"
    if len(members) < 2:
        raise InvalidInput(f"“{name}” needs at least two cards to be split.")
    parts = suggest_themes([current.texts[k] for k in members], 2)
    if len(parts) < 2:
        raise InvalidInput(
            f"The cards of “{name}” say the same thing; select the cards to split off."
        )
    return [members[i] for i in parts[1].members], parts[1].label


def delete_themes(library: Library, theme_ids: Sequence[int]) -> BoardChange:
    """Themes go; their cards stay where they are, unsorted. Undo brings all back."""
    if not theme_ids:
        return BoardChange()
    with wall(library, _theme_wall(library, theme_ids[0])) as current:
        for theme_id in theme_ids:
            _check_theme(current, theme_id)
            current.remove_theme(theme_id)
        return current.save()


# -- stacks of near-duplicates ---------------------------------------------------------------


def _root(current: Wall, note_id: int) -> int:
    seen = {note_id}
    while (above := current.notes[note_id]["stacked_on_id"]) is not None and above not in seen:
        seen.add(above)
        note_id = above
    return note_id


def stack_on(current: Wall, leader_id: int, note_ids: Sequence[int]) -> None:
    """Notes that say what `leader_id` says go under it: one card, counted once."""
    leader = _root(current, leader_id)
    for key in note_ids:
        if _root(current, key) == leader:
            continue
        for below in [key, *current.followers(key)]:
            current.stack(below, leader)


def stack_notes(library: Library, leader_id: int, note_ids: Sequence[int]) -> BoardChange:
    with wall(library, _note_wall(library, leader_id)) as current:
        _check_notes(current, note_ids)
        stack_on(current, leader_id, note_ids)
        return current.save()


def unstack_notes(library: Library, leader_ids: Sequence[int]) -> BoardChange:
    """The notes stacked under cards become cards of their own beside them."""
    if not leader_ids:
        return BoardChange()
    with wall(library, _note_wall(library, leader_ids[0])) as current:
        _check_notes(current, leader_ids)
        for leader_id in leader_ids:
            _unstack_one(current, leader_id)
        return current.save()


def _unstack_one(current: Wall, leader_id: int) -> None:
    below = current.followers(leader_id)
    if not below:
        return
    _unstack(current, below)
    point = current.point(leader_id) or Point(0.0, 0.0)
    theme_id = current.notes[leader_id]["theme_id"]
    if theme_id is not None:
        placing.settle(current, theme_id, below, [point] * len(below))
        return
    for key in below:
        rect = current.card(key) or Rect(point.x, point.y, 1.0, 1.0)
        current.place(key, placing.clear_spot(current, rect, cards_out=[key]))
