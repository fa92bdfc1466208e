"""The affinity board as stored: where each card and theme frame is, read and changed in one go.

A board edit reads the workshop's wall into a working copy (`Wall`), changes it
with the pure geometry of domain.board, and writes back only what changed. It
returns a `BoardChange`: `revert_change` undoes it and returns the change that
redoes it, so one undo command serves every board edit.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, select

from kaizen_studio.domain.board import CARD_HEIGHT, CARD_WIDTH, Point, Rect
from kaizen_studio.domain.tables import Note, Theme, Vote
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot, capture, delete_rows, restore

NOTE_FIELDS = ("theme_id", "stacked_on_id", "x", "y")
THEME_FIELDS = ("name", "color", "x", "y", "width", "height", "locked", "position")
NOTES: Table = Note.__table__  # type: ignore[attr-defined]
THEMES: Table = Theme.__table__  # type: ignore[attr-defined]
VOTES: Table = Vote.__table__  # type: ignore[attr-defined]

Values = tuple[Any, ...]


class Card(NamedTuple):
    """A note as the board shows it (a tuple: thousands are made for every redraw)."""

    id: int
    text: str
    theme_id: int | None
    stacked_on_id: int | None
    x: float
    y: float

    @property
    def point(self) -> Point:
        return Point(self.x, self.y)


@dataclass(frozen=True)
class Frame:
    """A theme as the board shows it: a named, coloured frame around its cards."""

    id: int
    name: str
    color: str
    locked: bool
    position: int
    rect: Rect
    notes: int


@dataclass(frozen=True)
class Board:
    workshop_id: int
    frames: tuple[Frame, ...]
    cards: tuple[Card, ...]

    @property
    def unsorted(self) -> int:
        return sum(1 for card in self.cards if card.theme_id is None)

    def frame(self, theme_id: int) -> Frame:
        return next(frame for frame in self.frames if frame.id == theme_id)


@dataclass(frozen=True)
class BoardChange:
    """What an edit replaced: previous values of notes, themes and votes it changed,
    the themes it created (removed again on undo) and those it removed (put back)."""

    notes: tuple[tuple[int, Values], ...] = ()
    themes: tuple[tuple[int, Values], ...] = ()
    votes: tuple[tuple[int, int | None], ...] = ()
    created: tuple[int, ...] = ()
    removed: Snapshot | None = field(default=None, compare=False)

    @property
    def empty(self) -> bool:
        return not (self.notes or self.themes or self.votes or self.created or self.removed)


class Wall:
    """A working copy of one workshop's board inside a unit of work."""

    def __init__(self, connection: Connection, workshop_id: int) -> None:
        self.connection = connection
        self.workshop_id = workshop_id
        self.texts: dict[int, str] = {}
        self.notes: dict[int, dict[str, Any]] = {}
        # Plain SQL: a board of thousands is read for every edit, and compiling and typing
        # rows through SQLAlchemy costs several times the query itself.
        note_sql = f"SELECT id, text, {', '.join(NOTE_FIELDS)} FROM note WHERE workshop_id = ?"
        for key, text, *values in connection.exec_driver_sql(
            note_sql + " ORDER BY id", (workshop_id,)
        ):
            self.texts[key] = text
            self.notes[key] = dict(zip(NOTE_FIELDS, values, strict=True))
        theme_sql = f"SELECT id, {', '.join(THEME_FIELDS)} FROM theme WHERE workshop_id = ?"
        self.themes: dict[int, dict[str, Any]] = {
            key: dict(zip(THEME_FIELDS, values, strict=True))
            for key, *values in connection.exec_driver_sql(
                theme_sql + " ORDER BY position, id", (workshop_id,)
            )
        }
        self._notes_before = {k: _values(v, NOTE_FIELDS) for k, v in self.notes.items()}
        self._themes_before = {k: _values(v, THEME_FIELDS) for k, v in self.themes.items()}
        self.votes: dict[int, int | None] = {}
        self._votes_before: dict[int, int | None] = {}
        self.created: list[int] = []
        self.removed: list[int] = []
        # Indexes kept while the copy changes: cards by theme, notes stacked under each card.
        self._by_theme: dict[int | None, list[int]] | None = None
        self._below: dict[int, list[int]] | None = None

    # -- what is on the wall -------------------------------------------------------

    def leaders(self) -> list[int]:
        """Notes shown as cards: all but those stacked under another note."""
        return [k for k, v in self.notes.items() if v["stacked_on_id"] is None]

    def members(self, theme_id: int | None) -> list[int]:
        """Cards in a theme (None: unsorted), oldest first."""
        if self._by_theme is None:
            self._by_theme = {}
            for key in self.leaders():
                self._by_theme.setdefault(self.notes[key]["theme_id"], []).append(key)
        return list(self._by_theme.get(theme_id, ()))

    def followers(self, note_id: int) -> list[int]:
        """Notes stacked under a card."""
        if self._below is None:
            self._below = {}
            for key, note in self.notes.items():
                if note["stacked_on_id"] is not None:
                    self._below.setdefault(note["stacked_on_id"], []).append(key)
        return list(self._below.get(note_id, ()))

    def point(self, note_id: int) -> Point | None:
        note = self.notes[note_id]
        return None if note["x"] is None or note["y"] is None else Point(note["x"], note["y"])

    def card(self, note_id: int) -> Rect | None:
        point = self.point(note_id)
        return None if point is None else Rect(point.x, point.y, CARD_WIDTH, CARD_HEIGHT)

    def frame(self, theme_id: int) -> Rect | None:
        theme = self.themes[theme_id]
        if any(theme[f] is None for f in ("x", "y", "width", "height")):
            return None
        return Rect(theme["x"], theme["y"], theme["width"], theme["height"])

    def frames(self, leaving_out: Iterable[int] = ()) -> dict[int, Rect]:
        skip = {*leaving_out, *self.removed}
        placed = {k: self.frame(k) for k in self.themes if k not in skip}
        return {k: rect for k, rect in placed.items() if rect is not None}

    def loose_cards(self, leaving_out: Iterable[int] = ()) -> dict[int, Rect]:
        skip = set(leaving_out)
        placed = {k: self.card(k) for k in self.members(None) if k not in skip}
        return {k: rect for k, rect in placed.items() if rect is not None}

    # -- changing it ---------------------------------------------------------------

    def place(self, note_id: int, point: Point) -> None:
        """Put a card (and the notes stacked under it) at `point`."""
        for key in (note_id, *self.followers(note_id)):
            self.notes[key]["x"], self.notes[key]["y"] = point.x, point.y

    def assign(self, note_id: int, theme_id: int | None) -> None:
        for key in (note_id, *self.followers(note_id)):
            self.notes[key]["theme_id"] = theme_id
        self._by_theme = None

    def stack(self, note_id: int, leader_id: int | None) -> None:
        """Put a note under another card (None: take it off its stack, a card again)."""
        if self.notes[note_id]["stacked_on_id"] == leader_id:
            return
        self.notes[note_id]["stacked_on_id"] = leader_id
        if leader_id is not None:
            self.notes[note_id]["theme_id"] = self.notes[leader_id]["theme_id"]
            point = self.point(leader_id)
            if point is not None:
                self.notes[note_id]["x"], self.notes[note_id]["y"] = point.x, point.y
        self._by_theme = self._below = None

    def set_frame(self, theme_id: int, rect: Rect) -> None:
        self.themes[theme_id].update(x=rect.x, y=rect.y, width=rect.width, height=rect.height)

    def shift_theme(self, theme_id: int, dx: float, dy: float) -> None:
        """Move a frame and every card in it."""
        rect = self.frame(theme_id)
        if rect is not None:
            self.set_frame(theme_id, rect.moved(dx, dy))
        for key in self.members(theme_id):
            point = self.point(key)
            if point is not None:
                self.place(key, Point(point.x + dx, point.y + dy))

    def shift(self, key: tuple[str, int], dy: float) -> None:
        """Move a piece of the wall (("frame", id) or ("card", id)) down by `dy`."""
        kind, ident = key
        if kind == "frame":
            self.shift_theme(ident, 0.0, dy)
        else:
            point = self.point(ident)
            assert point is not None
            self.place(ident, Point(point.x, point.y + dy))

    def add_theme(self, name: str, color: str, *, locked: bool, now: datetime) -> int:
        position = max((t["position"] for t in self.themes.values()), default=-1) + 1
        result = self.connection.execute(
            THEMES.insert().values(
                workshop_id=self.workshop_id,
                created_at=now,
                name=name,
                color=color,
                locked=locked,
                position=position,
                selected=False,
            )
        )
        inserted = result.inserted_primary_key
        assert inserted is not None
        key = int(inserted[0])
        self.themes[key] = {f: None for f in THEME_FIELDS}
        self.themes[key].update(name=name, color=color, locked=locked, position=position)
        self.created.append(key)
        return key

    def remove_theme(self, theme_id: int) -> None:
        """Take a theme off the wall; its cards stay where they are, unsorted."""
        for note in self.notes.values():
            if note["theme_id"] == theme_id:
                note["theme_id"] = None
        self.removed.append(theme_id)
        self._by_theme = None

    def load_votes(self) -> dict[int, int | None]:
        if not self._votes_before:
            rows = self.connection.execute(
                select(VOTES.c.id, VOTES.c.theme_id).where(
                    VOTES.c.workshop_id == self.workshop_id, VOTES.c.theme_id.is_not(None)
                )
            )
            self._votes_before = {row.id: row.theme_id for row in rows}
            self.votes = dict(self._votes_before)
        return self.votes

    # -- writing it back -----------------------------------------------------------

    def save(self) -> BoardChange:
        """Write what changed; return what undoing it needs."""
        notes = _changed(self.notes, self._notes_before, NOTE_FIELDS)
        themes = _changed(
            {k: v for k, v in self.themes.items() if k not in self.removed},
            self._themes_before,
            THEME_FIELDS,
        )
        votes = [(k, v) for k, v in self.votes.items() if self._votes_before.get(k) != v]
        _write(self.connection, NOTES, NOTE_FIELDS, {k: self.notes[k] for k, _ in notes})
        _write(self.connection, THEMES, THEME_FIELDS, {k: self.themes[k] for k, _ in themes})
        _write(self.connection, VOTES, ("theme_id",), {k: {"theme_id": v} for k, v in votes})
        removed = [k for k in self.removed if k not in self.created]
        snapshot = None
        if removed:
            snapshot = capture(self.connection, "theme", removed)
            delete_rows(self.connection, "theme", removed)
        gone = [k for k in self.removed if k in self.created]
        if gone:
            delete_rows(self.connection, "theme", gone)
        return BoardChange(
            notes=tuple(notes),
            themes=tuple((k, v) for k, v in themes if k not in self.created),
            votes=tuple((k, self._votes_before[k]) for k, _ in votes),
            created=tuple(k for k in self.created if k not in self.removed),
            removed=snapshot,
        )


def _values(row: dict[str, Any], fields: tuple[str, ...]) -> Values:
    return tuple(row[f] for f in fields)


def _changed(
    rows: dict[int, dict[str, Any]], before: dict[int, Values], fields: tuple[str, ...]
) -> list[tuple[int, Values]]:
    """(key, previous values) of rows whose values differ from `before` (new rows too)."""
    result = []
    for key, row in rows.items():
        previous = before.get(key)
        if previous != _values(row, fields):
            result.append((key, previous if previous is not None else _values(row, fields)))
    return result


def _write(
    connection: Connection, table: Table, fields: tuple[str, ...], rows: dict[int, dict[str, Any]]
) -> None:
    if not rows:
        return
    statement = (
        table.update()
        .where(table.c.id == bindparam("key"))
        .values({f: bindparam(f"new_{f}") for f in fields})
    )
    connection.execute(
        statement,
        [{"key": k, **{f"new_{f}": v[f] for f in fields}} for k, v in rows.items()],
    )


@contextmanager
def wall(library: Library, workshop_id: int) -> Iterator[Wall]:
    """A working copy of the board in one unit of work (committed when the block ends)."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        yield Wall(session.connection(), workshop_id)


def read_board(library: Library, workshop_id: int) -> Board:
    with wall(library, workshop_id) as current:
        return board_of(current)


def board_of(current: Wall) -> Board:
    counts: dict[int | None, int] = {}
    for note in current.notes.values():
        counts[note["theme_id"]] = counts.get(note["theme_id"], 0) + 1
    frames = tuple(
        Frame(
            id=key,
            name=theme["name"],
            color=theme["color"],
            locked=bool(theme["locked"]),
            position=theme["position"],
            rect=current.frame(key) or Rect(0.0, 0.0, 1.0, 1.0),
            notes=counts.get(key, 0),
        )
        for key, theme in current.themes.items()
        if key not in current.removed
    )
    cards = tuple(
        Card(
            key, current.texts[key], n["theme_id"], n["stacked_on_id"], n["x"] or 0.0, n["y"] or 0.0
        )
        for key, n in current.notes.items()
    )
    return Board(current.workshop_id, frames, cards)


# -- undo and redo ------------------------------------------------------------------------


def _current(
    connection: Connection, table: Table, fields: tuple[str, ...], keys: list[int]
) -> dict[int, Values]:
    found: dict[int, Values] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for row in connection.execute(
            select(table.c.id, *(table.c[f] for f in fields)).where(table.c.id.in_(chunk))
        ):
            found[row.id] = tuple(getattr(row, f) for f in fields)
    return found


def _put(
    connection: Connection,
    table: Table,
    fields: tuple[str, ...],
    rows: Iterable[tuple[int, Values]],
) -> None:
    _write(connection, table, fields, {k: dict(zip(fields, v, strict=True)) for k, v in rows})


def revert_change(library: Library, change: BoardChange) -> BoardChange:
    """Undo `change`; the change returned undoes this in turn (that is, redoes it)."""
    with library.session() as session:
        connection = session.connection()
        notes_now = _current(connection, NOTES, NOTE_FIELDS, [k for k, _ in change.notes])
        themes_now = _current(connection, THEMES, THEME_FIELDS, [k for k, _ in change.themes])
        votes_now = _current(connection, VOTES, ("theme_id",), [k for k, _ in change.votes])
        if change.removed is not None:
            restore(connection, change.removed)
        _put(connection, THEMES, THEME_FIELDS, change.themes)
        _put(connection, NOTES, NOTE_FIELDS, change.notes)
        _put(connection, VOTES, ("theme_id",), ((k, (v,)) for k, v in change.votes))
        snapshot = None
        if change.created:
            snapshot = capture(connection, "theme", list(change.created))
            delete_rows(connection, "theme", list(change.created))
        put_back = change.removed.rows.get("theme", []) if change.removed else []
    return BoardChange(
        notes=tuple(notes_now.items()),
        themes=tuple(themes_now.items()),
        votes=tuple((k, v[0]) for k, v in votes_now.items()),
        created=tuple(row["id"] for row in put_back),
        removed=snapshot,
    )
