"""Tables for backward design: why a theme happens, what must change, what will change it."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from kaizen_studio.domain.base import bounded_text, one_of, required_text, scale_1_to_5, utc_now
from kaizen_studio.domain.enums import CauseKind, InterventionKind, sql_in


class Triage(SQLModel, table=True):
    """The facilitator's answers to the cause questions for one theme.

    None means "not asked yet"; the answers suggest cause kinds (see triage
    rules), which are stored separately because the facilitator decides.
    """

    __tablename__ = "triage"
    __table_args__ = (bounded_text("notes", 4000),)

    theme_id: int = Field(foreign_key="theme.id", ondelete="CASCADE", primary_key=True)
    # Do people know what is expected of them, and get feedback?
    expectations_clear: bool | None = None
    # Do they have the tools, time and a process that works?
    resources_adequate: bool | None = None
    # Do incentives and consequences point the right way?
    incentives_aligned: bool | None = None
    # Could they do it if their life depended on it? (yes: not a skill gap)
    could_do_if_life_depended: bool | None = None
    # Does the setting (noise, layout, interruptions) let them?
    environment_supports: bool | None = None
    notes: str = ""


class Cause(SQLModel, table=True):
    """A cause kind the facilitator settled on for a theme."""

    __tablename__ = "cause"
    __table_args__ = (
        one_of("kind", sql_in("kind", CauseKind)),
        UniqueConstraint("theme_id", "kind", name="uq_cause_theme_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", ondelete="CASCADE", index=True)
    kind: str


class Behaviour(SQLModel, table=True):
    """An observable statement of what people will do differently."""

    __tablename__ = "behaviour"
    __table_args__ = (required_text("statement", 1000),)

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    statement: str
    outcome_id: int | None = Field(
        default=None, foreign_key="outcome.id", ondelete="SET NULL", index=True
    )
    position: int = 0


class BehaviourTheme(SQLModel, table=True):
    """Which themes a behaviour answers."""

    __tablename__ = "behaviour_theme"

    behaviour_id: int = Field(foreign_key="behaviour.id", ondelete="CASCADE", primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", ondelete="CASCADE", primary_key=True)


class CustomFormat(SQLModel, table=True):
    """An intervention format the facilitator added to the built-in catalogue."""

    __tablename__ = "custom_format"
    __table_args__ = (
        required_text("key", 60),
        required_text("name", 120),
        one_of("kind", sql_in("kind", InterventionKind)),
        bounded_text("description", 2000),
        bounded_text("when_to_use", 2000),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    name: str
    kind: str
    description: str = ""
    when_to_use: str = ""
    # Learners practise the behaviour (not only receive information).
    practice: bool = False


class Intervention(SQLModel, table=True):
    """Something that will change a behaviour: learning, or a change to the work itself."""

    __tablename__ = "intervention"
    __table_args__ = (
        required_text("title", 300),
        required_text("format_key", 60),
        one_of("kind", sql_in("kind", InterventionKind)),
        bounded_text("owner", 200),
        bounded_text("description", 4000),
        scale_1_to_5("effort"),
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost_positive"),
        CheckConstraint(
            "starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on",
            name="dates_in_order",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    title: str
    # A key of the catalogue in resources/ or of a CustomFormat.
    format_key: str
    # Copied from the format when chosen, so the split survives catalogue edits.
    kind: str
    owner: str = ""
    effort: int | None = None
    cost: float | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    description: str = ""
    position: int = 0
    created_at: datetime = Field(default_factory=utc_now)


class InterventionBehaviour(SQLModel, table=True):
    """Which behaviours an intervention serves."""

    __tablename__ = "intervention_behaviour"

    intervention_id: int = Field(
        foreign_key="intervention.id", ondelete="CASCADE", primary_key=True
    )
    behaviour_id: int = Field(foreign_key="behaviour.id", ondelete="CASCADE", primary_key=True)
