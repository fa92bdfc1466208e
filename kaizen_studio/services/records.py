"""Small helpers every service uses: find a row or say it is missing, apply checked edits."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, select

from kaizen_studio.domain.errors import NotFound
from kaizen_studio.domain.tables import Workshop

Row = TypeVar("Row", bound=SQLModel)
Cleaner = Callable[[Any], Any]


def fetch(session: Session, model: type[Row], key: int, what: str) -> Row:
    row = session.get(model, key)
    if row is None:
        raise NotFound(f"There is no {what} with id {key}.")
    return row


def fetch_workshop(session: Session, workshop_id: int) -> Workshop:
    return fetch(session, Workshop, workshop_id, "workshop")


def belongs(
    session: Session, model: type[Row], key: int | None, workshop_id: int, what: str
) -> None:
    """Refuse a reference to a participant, theme or outcome of another workshop."""
    if key is None:
        return
    row = fetch(session, model, key, what)
    if getattr(row, "workshop_id", None) != workshop_id:
        raise NotFound(f"There is no {what} with id {key} in this workshop.")


def apply_changes(
    row: SQLModel, changes: Mapping[str, Any], cleaners: Mapping[str, Cleaner]
) -> dict[str, Any]:
    """Clean each change, set it on `row`, and return the previous values (for undo)."""
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} of {type(row).__name__}")
    previous: dict[str, Any] = {}
    for name, value in changes.items():
        cleaned = cleaners[name](value)
        previous[name] = getattr(row, name)
        setattr(row, name, cleaned)
    return previous


def set_links(
    session: Session,
    link: type[SQLModel],
    owner: tuple[str, int],
    target: str,
    wanted: set[int],
) -> None:
    """Make the link rows of one owner (e.g. a behaviour's themes) exactly `wanted`.

    `owner` names the link table's column for the owner and its id; `target`
    names the column of the linked rows. Links already right are left alone."""
    owner_column, owner_id = owner
    rows = session.exec(select(link).where(getattr(link, owner_column) == owner_id)).all()
    for row in rows:
        if getattr(row, target) not in wanted:
            session.delete(row)
    for key in wanted - {getattr(row, target) for row in rows}:
        session.add(link(**{owner_column: owner_id, target: key}))


def same(value: Any) -> Any:
    """A cleaner for values the database checks well enough by itself."""
    return value
