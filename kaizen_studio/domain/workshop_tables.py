"""Tables for a workshop and what the room produces: people, outcomes, notes, themes, votes."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from kaizen_studio.domain.base import (
    TEXT_MAX,
    bounded_text,
    one_of,
    required_text,
    scale_1_to_5,
    utc_now,
)
from kaizen_studio.domain.enums import Direction, Stage, StakeholderGroup, sql_in


class Workshop(SQLModel, table=True):
    __tablename__ = "workshop"
    __table_args__ = (
        required_text("title"),
        bounded_text("intent", 4000),
        bounded_text("site", 200),
        bounded_text("facilitator", 200),
        one_of("stage", sql_in("stage", Stage)),
        CheckConstraint("dot_budget BETWEEN 1 AND 50", name="dot_budget_range"),
        CheckConstraint(
            "checkpoint_days GLOB '[0-9]*' AND checkpoint_days NOT GLOB '*[^0-9,]*'",
            name="checkpoint_days_list",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str
    intent: str = ""
    site: str = ""
    facilitator: str = ""
    held_on: date | None = None
    stage: str = Stage.INTENT.value
    dot_budget: int = 3
    anonymous_notes: bool = False
    anonymous_votes: bool = False
    votes_on_notes: bool = False
    # Days after Do starts when a cycle is checked, e.g. "30,60,90".
    checkpoint_days: str = "30,60,90"
    created_at: datetime = Field(default_factory=utc_now)


class Participant(SQLModel, table=True):
    __tablename__ = "participant"
    __table_args__ = (
        CheckConstraint("name IS NULL OR length(name) <= 200", name="name_length"),
        bounded_text("role", 200),
        one_of("stakeholder_group", sql_in("stakeholder_group", StakeholderGroup)),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    # A name is optional: many rooms speak more freely without one.
    name: str | None = None
    role: str = ""
    stakeholder_group: str = StakeholderGroup.FRONTLINE.value
    position: int = 0


class Outcome(SQLModel, table=True):
    """A business result the workshop works back from: a KPI with baseline and target."""

    __tablename__ = "outcome"
    __table_args__ = (
        required_text("kpi"),
        bounded_text("unit", 40),
        one_of("direction", sql_in("direction", Direction)),
        CheckConstraint(
            "value_per_unit IS NULL OR value_per_unit >= 0", name="value_per_unit_positive"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    kpi: str
    unit: str = ""
    direction: str = Direction.INCREASE.value
    baseline: float | None = None
    target: float | None = None
    due_on: date | None = None
    # Money value of one KPI unit, for an ROI estimate.
    value_per_unit: float | None = None
    position: int = 0


class AgendaItem(SQLModel, table=True):
    """A timebox on the workshop's agenda, tied to a stage."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        one_of("stage", sql_in("stage", Stage)),
        bounded_text("title", 200),
        CheckConstraint("minutes BETWEEN 1 AND 480", name="minutes_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    stage: str
    title: str = ""
    minutes: int
    position: int = 0


class Theme(SQLModel, table=True):
    """A group of notes on the board, named by the room."""

    __tablename__ = "theme"
    __table_args__ = (
        required_text("name"),
        CheckConstraint(
            "length(color) = 7 AND color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]"
            "[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'",
            name="color_hex",
        ),
        scale_1_to_5("impact_override"),
        scale_1_to_5("frequency_override"),
        scale_1_to_5("effort"),
        CheckConstraint("width IS NULL OR width > 0", name="width_positive"),
        CheckConstraint("height IS NULL OR height > 0", name="height_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    name: str
    color: str = "#f6c945"
    # Frame on the board; None until first laid out.
    x: float | None = None
    y: float | None = None
    width: float | None = None
    height: float | None = None
    # Built or locked by hand: suggestions never break it up.
    locked: bool = False
    impact_override: int | None = None
    frequency_override: int | None = None
    effort: int | None = None
    # Chosen to go on to mapping.
    selected: bool = False
    position: int = 0
    created_at: datetime = Field(default_factory=utc_now)


class Note(SQLModel, table=True):
    """One bottleneck called out by someone who does the work."""

    __tablename__ = "note"
    __table_args__ = (
        required_text("text", TEXT_MAX),
        bounded_text("process_area", 200),
        scale_1_to_5("frequency"),
        scale_1_to_5("impact"),
        CheckConstraint("stacked_on_id IS NULL OR stacked_on_id <> id", name="not_stacked_on_self"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    text: str
    # None means anonymous.
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="SET NULL", index=True
    )
    process_area: str = ""
    frequency: int | None = None
    impact: int | None = None
    # None means unsorted.
    theme_id: int | None = Field(
        default=None, foreign_key="theme.id", ondelete="SET NULL", index=True
    )
    # A near-duplicate stacked under another note keeps its text but counts once.
    stacked_on_id: int | None = Field(
        default=None, foreign_key="note.id", ondelete="SET NULL", index=True
    )
    x: float | None = None
    y: float | None = None
    created_at: datetime = Field(default_factory=utc_now)


class Vote(SQLModel, table=True):
    """One dot, on a theme or on a single note."""

    __tablename__ = "vote"
    __table_args__ = (
        CheckConstraint("(theme_id IS NULL) <> (note_id IS NULL)", name="on_theme_or_note"),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    # None in anonymous voting: only totals are kept.
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="CASCADE", index=True
    )
    theme_id: int | None = Field(
        default=None, foreign_key="theme.id", ondelete="CASCADE", index=True
    )
    note_id: int | None = Field(default=None, foreign_key="note.id", ondelete="CASCADE", index=True)
    created_at: datetime = Field(default_factory=utc_now)
