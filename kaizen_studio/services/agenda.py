"""The workshop's agenda: a timebox per stage, shown by the timer on each page."""

from dataclasses import dataclass

from sqlmodel import col, delete, select

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import AgendaItem
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.library import Library

DEFAULT_MINUTES = {
    Stage.INTENT: 15,
    Stage.CAPTURE: 20,
    Stage.CLUSTER: 25,
    Stage.PRIORITISE: 15,
    Stage.MAP: 40,
    Stage.PDCA: 20,
    Stage.REPORT: 5,
}


@dataclass(frozen=True)
class Timebox:
    stage: Stage
    title: str
    minutes: int


def get_agenda(library: Library, workshop_id: int) -> list[Timebox]:
    """The agenda as set, or the default timeboxes when none is set yet."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(AgendaItem)
            .where(col(AgendaItem.workshop_id) == workshop_id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).all()
    if not rows:
        return [Timebox(stage, stage.label, minutes) for stage, minutes in DEFAULT_MINUTES.items()]
    return [Timebox(Stage(row.stage), row.title, row.minutes) for row in rows]


def set_agenda(library: Library, workshop_id: int, timeboxes: list[Timebox]) -> list[Timebox]:
    """Replace the agenda; returns the previous one (for undo)."""
    cleaned = [_clean_timebox(box) for box in timeboxes]
    previous = get_agenda(library, workshop_id)
    with library.session() as session:
        session.exec(delete(AgendaItem).where(col(AgendaItem.workshop_id) == workshop_id))
        for position, box in enumerate(cleaned):
            session.add(
                AgendaItem(
                    workshop_id=workshop_id,
                    stage=box.stage.value,
                    title=box.title,
                    minutes=box.minutes,
                    position=position,
                )
            )
    return previous


def _clean_timebox(box: Timebox) -> Timebox:
    minutes = box.minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 480:
        raise InvalidInput(f"A timebox must last 1 to 480 minutes, not {minutes}.")
    try:
        stage = Stage(box.stage)
    except ValueError:
        raise InvalidInput(f"There is no stage called {box.stage!r}.") from None
    return Timebox(stage, clean_text(box.title, "A timebox title"), minutes)


def total_minutes(timeboxes: list[Timebox]) -> int:
    return sum(box.minutes for box in timeboxes)


def describe_minutes(minutes: int) -> str:
    """90 -> "1 h 30 min": how long an agenda runs, as a facilitator reads it."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def minutes_for(library: Library, workshop_id: int, stage: Stage) -> int:
    """Total minutes the agenda gives a stage (what its timer counts down from)."""
    boxes = [box.minutes for box in get_agenda(library, workshop_id) if box.stage is stage]
    return sum(boxes) or DEFAULT_MINUTES[stage]


def timeboxes_for(library: Library, workshop_id: int, stage: Stage) -> list[Timebox]:
    """The timeboxes the agenda gives a stage, or one default timebox when it gives none."""
    boxes = [box for box in get_agenda(library, workshop_id) if box.stage is stage]
    return boxes or [Timebox(stage, stage.label, DEFAULT_MINUTES[stage])]
