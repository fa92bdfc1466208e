"""The catalogue of intervention formats: built-in ones from resources/, plus the
facilitator's own, kept in the library (table custom_format).

An intervention names its format by key and copies the format's kind
(learning or not) when the format is chosen, so the learning / non-learning
split of a map survives later edits to the catalogue.
"""

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import InterventionKind
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import CustomFormat, Intervention
from kaizen_studio.services.records import Cleaner, apply_changes, fetch
from kaizen_studio.services.removal import remove
from kaizen_studio.services.resources import resource
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot

CATALOGUE_FORMAT = "kaizen-studio/intervention-catalogue"
CUSTOM_PREFIX = "custom_"


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    kind: InterventionKind
    # Learners practise the behaviour, rather than only receive information.
    practice: bool
    description: str
    when_to_use: str
    # The row id of a facilitator's own format; None for a built-in one.
    custom_id: int | None = None

    @property
    def built_in(self) -> bool:
        return self.custom_id is None


def _built_in(record: dict[str, Any]) -> Format:
    return Format(
        key=str(record["key"]),
        name=str(record["name"]),
        kind=InterventionKind(record["kind"]),
        practice=bool(record["practice"]),
        description=str(record["description"]),
        when_to_use=str(record["when_to_use"]),
    )


@cache
def built_in_formats() -> tuple[Format, ...]:
    """The formats shipped in resources/catalogue/intervention_formats.json, in file order."""
    text = resource("catalogue", "intervention_formats.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if data.get("format") != CATALOGUE_FORMAT:
        raise ValueError("intervention_formats.json is not an intervention catalogue")
    return tuple(_built_in(record) for record in data["formats"])


def _custom(row: CustomFormat) -> Format:
    return Format(
        key=row.key,
        name=row.name,
        kind=InterventionKind(row.kind),
        practice=row.practice,
        description=row.description,
        when_to_use=row.when_to_use,
        custom_id=row.id,
    )


def _custom_rows(session: Session) -> Sequence[CustomFormat]:
    return session.exec(select(CustomFormat).order_by(col(CustomFormat.name))).all()


def list_formats(library: Library) -> list[Format]:
    """Every format: learning ones first, built-in before the facilitator's own."""
    with library.session() as session:
        custom = [_custom(row) for row in _custom_rows(session)]
    every = [*built_in_formats(), *custom]
    return sorted(every, key=lambda f: f.kind is not InterventionKind.LEARNING)


def find_format(formats: Sequence[Format], key: str) -> Format:
    """The format with `key`; a stand-in named after the key when it is not in the
    catalogue (a workshop imported without its custom formats), so nothing breaks."""
    for candidate in formats:
        if candidate.key == key:
            return candidate
    name = key.removeprefix(CUSTOM_PREFIX).replace("_", " ").strip().capitalize() or key
    return Format(key, name, InterventionKind.LEARNING, False, "", "")


def get_format(library: Library, key: str) -> Format:
    for candidate in list_formats(library):
        if candidate.key == key:
            return candidate
    raise NotFound(f"There is no intervention format “{key}” in the catalogue.")


# -- the facilitator's own formats ---------------------------------------------


def _clean_name(value: str) -> str:
    return clean_text(value, "A format name", required=True, max_length=120)


CLEANERS: dict[str, Cleaner] = {
    "name": _clean_name,
    "kind": lambda v: InterventionKind(v).value,
    "description": lambda v: clean_text(v, "The description", max_length=2000),
    "when_to_use": lambda v: clean_text(v, "When to use it", max_length=2000),
    "practice": bool,
}


def _refuse_taken_name(session: Session, name: str, except_id: int | None = None) -> None:
    folded = name.casefold()
    taken = [f.name for f in built_in_formats() if f.name.casefold() == folded]
    taken += [
        row.name
        for row in _custom_rows(session)
        if row.name.casefold() == folded and row.id != except_id
    ]
    if taken:
        raise InvalidInput(f"There is already a format called “{taken[0]}”; choose another name.")


def _new_key(session: Session, name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:40] or "format"
    taken = {f.key for f in built_in_formats()} | {row.key for row in _custom_rows(session)}
    key, number = f"{CUSTOM_PREFIX}{slug}", 2
    while key in taken:
        key, number = f"{CUSTOM_PREFIX}{slug}_{number}", number + 1
    return key


def add_format(
    library: Library,
    name: str,
    kind: InterventionKind | str,
    *,
    description: str = "",
    when_to_use: str = "",
    practice: bool = False,
) -> Format:
    """Add a format to this library's catalogue; its key is made from its name."""
    with library.session() as session:
        row = CustomFormat(key="-", name="-", kind=InterventionKind.LEARNING.value)
        changes = {
            "name": name,
            "kind": kind,
            "description": description,
            "when_to_use": when_to_use,
            "practice": practice,
        }
        apply_changes(row, changes, CLEANERS)
        _refuse_taken_name(session, row.name)
        row.key = _new_key(session, row.name)
        session.add(row)
        session.flush()
        return _custom(row)


def update_format(library: Library, format_id: int, **changes: Any) -> dict[str, Any]:
    """Edit one of the facilitator's formats; returns the previous values (for undo).

    Interventions keep the kind they copied when their format was chosen.
    """
    with library.session() as session:
        row = fetch(session, CustomFormat, format_id, "format of your own")
        previous = apply_changes(row, changes, CLEANERS)
        if "name" in changes:
            _refuse_taken_name(session, row.name, except_id=format_id)
        session.add(row)
    return previous


def uses_of_format(library: Library, key: str) -> int:
    """How many interventions, in every workshop of the library, use the format."""
    with library.session() as session:
        return session.exec(select(func.count()).where(col(Intervention.format_key) == key)).one()


def remove_format(library: Library, format_id: int) -> Snapshot:
    """Take one of the facilitator's formats out of the catalogue, if nothing uses it."""
    with library.session() as session:
        row = fetch(session, CustomFormat, format_id, "format of your own")
        name, key = row.name, row.key
    used = uses_of_format(library, key)
    if used:
        plural = "intervention uses" if used == 1 else "interventions use"
        raise InvalidInput(
            f"{used} {plural} “{name}”; give them another format before removing it."
        )
    return remove(library, "custom_format", [format_id])
