"""Tables for follow-up: Plan-Do-Check-Act cycles, their checks, measures and actions."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from kaizen_studio.domain.base import bounded_text, one_of, required_text, utc_now
from kaizen_studio.domain.enums import Applied, Decision, Phase, sql_in


class Cycle(SQLModel, table=True):
    """One Plan-Do-Check-Act turn of an intervention; "adjust" opens the next."""

    __tablename__ = "cycle"
    __table_args__ = (
        one_of("phase", sql_in("phase", Phase)),
        one_of("decision", sql_in("decision", Decision), nullable=True),
        CheckConstraint("number >= 1", name="number_positive"),
        bounded_text("hypothesis", 2000),
        bounded_text("owner", 200),
        bounded_text("decision_reason", 2000),
        UniqueConstraint("intervention_id", "number", name="uq_cycle_intervention_number"),
    )

    id: int | None = Field(default=None, primary_key=True)
    intervention_id: int = Field(foreign_key="intervention.id", ondelete="CASCADE", index=True)
    number: int = 1
    previous_id: int | None = Field(
        default=None, foreign_key="cycle.id", ondelete="SET NULL", index=True
    )
    phase: str = Phase.PLAN.value
    hypothesis: str = ""
    # The KPI this cycle is measured by.
    outcome_id: int | None = Field(
        default=None, foreign_key="outcome.id", ondelete="SET NULL", index=True
    )
    baseline: float | None = None
    target: float | None = None
    owner: str = ""
    starts_on: date | None = None
    # Checkpoints are scheduled from the day Do starts.
    do_started_on: date | None = None
    decision: str | None = None
    decision_reason: str = ""
    decided_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)


class Checkpoint(SQLModel, table=True):
    """A review some days after Do starts: is the behaviour applied, what did the KPI do?"""

    __tablename__ = "checkpoint"
    __table_args__ = (
        CheckConstraint("offset_days > 0", name="offset_positive"),
        one_of("applied", sql_in("applied", Applied), nullable=True),
        bounded_text("applied_by", 500),
        bounded_text("how_observed", 2000),
        bounded_text("observations", 4000),
    )

    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="cycle.id", ondelete="CASCADE", index=True)
    offset_days: int
    # Indexed: the reviews list asks for due dates across the whole library.
    due_on: date = Field(index=True)
    done_on: date | None = None
    # Kirkpatrick level 3: applied on the job, by whom, how it was observed.
    applied: str | None = None
    applied_by: str = ""
    how_observed: str = ""
    observations: str = ""


class Measurement(SQLModel, table=True):
    """A KPI reading (Kirkpatrick level 4), possibly taken at a checkpoint."""

    __tablename__ = "measurement"
    __table_args__ = (bounded_text("note", 2000),)

    id: int | None = Field(default=None, primary_key=True)
    outcome_id: int = Field(foreign_key="outcome.id", ondelete="CASCADE", index=True)
    cycle_id: int | None = Field(
        default=None, foreign_key="cycle.id", ondelete="SET NULL", index=True
    )
    checkpoint_id: int | None = Field(
        default=None, foreign_key="checkpoint.id", ondelete="SET NULL", index=True
    )
    taken_on: date
    value: float
    note: str = ""


class ActionItem(SQLModel, table=True):
    """A concrete step of the Do phase, with an owner and a due date."""

    __tablename__ = "action_item"
    __table_args__ = (
        required_text("text", 1000),
        bounded_text("owner", 200),
        CheckConstraint("done_on IS NULL OR done", name="done_on_when_done"),
    )

    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="cycle.id", ondelete="CASCADE", index=True)
    text: str
    owner: str = ""
    due_on: date | None = Field(default=None, index=True)
    done: bool = False
    done_on: date | None = None
    position: int = 0
