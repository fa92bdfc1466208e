"""The database itself refuses bad rows, whatever code writes them."""

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from kaizen_studio.domain.tables import (
    ActionItem,
    Cause,
    Checkpoint,
    Cycle,
    Intervention,
    Note,
    Outcome,
    Participant,
    Theme,
    Vote,
    Workshop,
)
from kaizen_studio.storage.library import Library


def _add(library: Library, *rows: SQLModel) -> None:
    with Session(library.engine) as session:
        session.add_all(rows)
        session.commit()


@pytest.fixture
def workshop_id(library: Library) -> int:
    with Session(library.engine) as session:
        workshop = Workshop(title="Warehouse picking")
        session.add(workshop)
        session.commit()
        assert workshop.id is not None
        return workshop.id


BAD_ROWS: dict[str, Callable[[int], SQLModel]] = {
    "blank workshop title": lambda w: Workshop(title="   "),
    "dot budget of zero": lambda w: Workshop(title="x", dot_budget=0),
    "unknown stage": lambda w: Workshop(title="x", stage="celebrate"),
    "checkpoint days not a list": lambda w: Workshop(title="x", checkpoint_days="30;60"),
    "blank note": lambda w: Note(workshop_id=w, text=""),
    "note of 100,001 characters": lambda w: Note(workshop_id=w, text="x" * 100_001),
    "impact of 6": lambda w: Note(workshop_id=w, text="slow", impact=6),
    "frequency of 0": lambda w: Note(workshop_id=w, text="slow", frequency=0),
    "note in a missing workshop": lambda w: Note(workshop_id=w + 99, text="slow"),
    "unknown stakeholder group": lambda w: Participant(workshop_id=w, stakeholder_group="board"),
    "unknown KPI direction": lambda w: Outcome(workshop_id=w, kpi="Errors", direction="sideways"),
    "theme colour not hex": lambda w: Theme(workshop_id=w, name="Parts", color="yellow"),
    "vote on nothing": lambda w: Vote(workshop_id=w),
    "unknown cause kind": lambda w: Cause(theme_id=1, kind="laziness"),
    "intervention ending before it starts": lambda w: Intervention(
        workshop_id=w,
        title="Coaching",
        format_key="coaching",
        kind="learning",
        starts_on=date(2026, 5, 2),
        ends_on=date(2026, 5, 1),
    ),
    "negative cost": lambda w: Intervention(
        workshop_id=w, title="Coaching", format_key="coaching", kind="learning", cost=-1
    ),
    "unknown intervention kind": lambda w: Intervention(
        workshop_id=w, title="Coaching", format_key="coaching", kind="magic"
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_database_refuses(case: str, library: Library, workshop_id: int) -> None:
    with pytest.raises(IntegrityError):
        _add(library, BAD_ROWS[case](workshop_id))


def test_cycle_rules(library: Library, workshop_id: int) -> None:
    _add(
        library,
        Intervention(
            workshop_id=workshop_id, title="Coaching", format_key="coaching", kind="learning"
        ),
    )
    with pytest.raises(IntegrityError):
        _add(library, Cycle(intervention_id=1, phase="celebrate"))
    with pytest.raises(IntegrityError):
        _add(library, Cycle(intervention_id=1, decision="shrug"))
    _add(library, Cycle(intervention_id=1, number=1))
    with pytest.raises(IntegrityError):  # two cycles numbered 1
        _add(library, Cycle(intervention_id=1, number=1))
    with pytest.raises(IntegrityError):
        _add(library, Checkpoint(cycle_id=1, offset_days=0, due_on=date(2026, 1, 1)))
    with pytest.raises(IntegrityError):
        _add(
            library,
            ActionItem(cycle_id=1, text="Call vendor", done=False, done_on=date(2026, 1, 1)),
        )


def test_deleting_a_theme_sends_its_notes_back_to_unsorted(
    library: Library, workshop_id: int
) -> None:
    _add(library, Theme(workshop_id=workshop_id, name="Parts approval"))
    _add(library, Note(workshop_id=workshop_id, text="Waiting for approval", theme_id=1))
    _add(library, Vote(workshop_id=workshop_id, theme_id=1))
    with library.engine.begin() as connection:
        connection.execute(text("DELETE FROM theme WHERE id = 1"))
        assert connection.execute(text("SELECT theme_id FROM note")).scalar_one() is None
        assert connection.execute(text("SELECT count(*) FROM vote")).scalar_one() == 0


def test_deleting_a_workshop_removes_everything_it_owns(library: Library, workshop_id: int) -> None:
    _add(library, Participant(workshop_id=workshop_id, name="Ana"))
    _add(library, Note(workshop_id=workshop_id, text="Scanner battery dies", participant_id=1))
    _add(
        library,
        Intervention(
            workshop_id=workshop_id,
            title="Spare batteries",
            format_key="tool_fix",
            kind="non_learning",
        ),
    )
    _add(library, Cycle(intervention_id=1))
    _add(library, Checkpoint(cycle_id=1, offset_days=30, due_on=date(2026, 1, 1)))
    with library.engine.begin() as connection:
        connection.execute(text("DELETE FROM workshop"))
        for table in ("participant", "note", "intervention", "cycle", "checkpoint"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_deleting_a_participant_keeps_their_notes_anonymous(
    library: Library, workshop_id: int
) -> None:
    _add(library, Participant(workshop_id=workshop_id, name="Ana"))
    _add(library, Note(workshop_id=workshop_id, text="Scanner battery dies", participant_id=1))
    with library.engine.begin() as connection:
        connection.execute(text("DELETE FROM participant"))
        assert connection.execute(text("SELECT participant_id FROM note")).scalar_one() is None
