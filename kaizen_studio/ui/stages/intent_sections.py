"""The Intent page's tables: outcomes (KPIs), participants and the agenda.

Each section lists what a service returns and turns every cell edit, addition
and removal into one undoable edit.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from kaizen_studio.domain.enums import Direction, Stage, StakeholderGroup
from kaizen_studio.services import agenda, outcomes, participants
from kaizen_studio.services.agenda import Timebox
from kaizen_studio.services.outcomes import OutcomeInfo
from kaizen_studio.services.participants import ParticipantInfo
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform, perform_create, perform_remove, perform_update
from kaizen_studio.ui.widgets.record_section import RecordSection
from kaizen_studio.ui.widgets.record_table import Column, attribute, text_column

DIRECTIONS = {Direction.INCREASE: "Increase ↑", Direction.DECREASE: "Decrease ↓"}


def _number(value: float | None) -> str:
    """42000.0 -> "42,000"; 0.125 -> "0.125"."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


OUTCOME_COLUMNS = [
    text_column("KPI", "kpi", "The business result, e.g. 12-month customer retention"),
    text_column("Unit", "unit", "%, minutes, errors per 1,000 picks, …"),
    Column(
        "Direction",
        "direction",
        lambda o: DIRECTIONS[o.direction],
        attribute("direction"),
        "choice",
        lambda: [(label, value) for value, label in DIRECTIONS.items()],
        "Should the KPI go up or down?",
    ),
    Column("Baseline", "baseline", lambda o: _number(o.baseline), attribute("baseline"), "number",
           tip="Where the KPI stands today", align_right=True),
    Column("Target", "target", lambda o: _number(o.target), attribute("target"), "number",
           tip="Where it should stand by the due date", align_right=True),
    Column("Due", "due_on", lambda o: o.due_on.isoformat() if o.due_on else "",
           attribute("due_on"), "date", tip="When the target should be reached"),
    Column("Value per unit", "value_per_unit", lambda o: _number(o.value_per_unit),
           attribute("value_per_unit"), "number",
           tip="Money value of one unit of the KPI, for an ROI estimate (optional)",
           align_right=True),
]  # fmt: skip

PARTICIPANT_COLUMNS = [
    Column("Name", "name", lambda p: p.name or "", lambda p: p.name or "", "text",
           tip="Optional: many rooms speak more freely without names"),
    text_column("Role", "role", "What they do, e.g. team leader, picker, agent"),
    Column("Group", "group", lambda p: p.group.label, attribute("group"), "choice",
           lambda: [(group.label, group) for group in StakeholderGroup], "Stakeholder group"),
]  # fmt: skip


@dataclass(frozen=True)
class AgendaRow:
    """A timebox and its place on the agenda (its key in the table)."""

    position: int
    box: Timebox


AGENDA_COLUMNS = [
    Column("Stage", "stage", lambda r: r.box.stage.label, lambda r: r.box.stage, "choice",
           lambda: [(stage.label, stage) for stage in Stage]),
    Column("Timebox", "title", lambda r: r.box.title, lambda r: r.box.title, "text",
           tip="What the room does in it, e.g. Round 1: where does work wait?"),
    Column("Minutes", "minutes", lambda r: f"{r.box.minutes} min", lambda r: r.box.minutes,
           "minutes", align_right=True),
]  # fmt: skip


class OutcomesSection(RecordSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.workshop_id = 0
        super().__init__(
            "outcomes",
            "Outcomes",
            "The business results this workshop works back from: a KPI with its baseline, "
            "target and due date.",
            OUTCOME_COLUMNS,
            self._edit,
            self._add_outcome,
            self._remove_outcomes,
            noun="outcome",
            parent=parent,
        )

    def load(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        found = outcomes.list_outcomes(self.context.library, workshop_id)
        self.set_records(found, "" if found else "No outcome yet: add the KPI to move.")

    def _edit(self, outcome: OutcomeInfo, key: str, value: Any) -> bool:
        return perform_update(
            self.context, "Edit outcome", outcomes.update_outcome, outcome.id, {key: value},
            {"outcomes"},
        )  # fmt: skip

    def _add_outcome(self) -> Hashable | None:
        library, workshop_id = self.context.library, self.workshop_id
        return perform_create(
            self.context,
            "Add outcome",
            "outcome",
            lambda: outcomes.add_outcome(library, workshop_id, "New KPI").id,
            {"outcomes"},
        )

    def _remove_outcomes(self, records: list[OutcomeInfo]) -> None:
        keys = [record.id for record in records]
        perform_remove(self.context, "Remove outcome", "outcome", keys, {"outcomes", "map"})


class ParticipantsSection(RecordSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.workshop_id = 0
        super().__init__(
            "participants",
            "Participants",
            "Who is in the room. A name is optional; the role and group say whose view it is.",
            PARTICIPANT_COLUMNS,
            self._edit,
            self._add_participant,
            self._remove_participants,
            noun="participant",
            stretch_column=1,
            parent=parent,
        )

    def load(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        people = participants.list_participants(self.context.library, workshop_id)
        self.set_records(people, group_summary(people))

    def _edit(self, person: ParticipantInfo, key: str, value: Any) -> bool:
        return perform_update(
            self.context, "Edit participant", participants.update_participant, person.id,
            {key: value}, {"participants"},
        )  # fmt: skip

    def _add_participant(self) -> Hashable | None:
        library, workshop_id = self.context.library, self.workshop_id
        return perform_create(
            self.context,
            "Add participant",
            "participant",
            lambda: participants.add_participant(library, workshop_id).id,
            {"participants"},
        )

    def _remove_participants(self, records: list[ParticipantInfo]) -> None:
        keys = [record.id for record in records]
        # Their notes stay (without an author); their dots go, and undo brings them back.
        perform_remove(
            self.context, "Remove participant", "participant", keys,
            {"participants", "notes", "votes"},
        )  # fmt: skip


def group_summary(people: list[ParticipantInfo]) -> str:
    """ "12 people: 7 Frontline, 2 Supervisor, …" in the order of the groups."""
    if not people:
        return "Nobody yet."
    counts = {group: sum(p.group is group for p in people) for group in StakeholderGroup}
    parts = [f"{n} {group.label}" for group, n in counts.items() if n]
    noun = "person" if len(people) == 1 else "people"
    return f"{len(people)} {noun}: " + ", ".join(parts)


class AgendaSection(RecordSection):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.workshop_id = 0
        super().__init__(
            "agenda",
            "Agenda",
            "A timebox per stage; each page's timer counts down its stage's timeboxes.",
            AGENDA_COLUMNS,
            self._edit,
            self._add_timebox,
            self._remove_timeboxes,
            noun="timebox",
            key=attribute("position"),
            stretch_column=1,
            edit_column=1,
            parent=parent,
        )

    def load(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        boxes = agenda.get_agenda(self.context.library, workshop_id)
        total = agenda.describe_minutes(agenda.total_minutes(boxes))
        self.set_records([AgendaRow(i, box) for i, box in enumerate(boxes)], f"Total {total}")

    def _boxes(self) -> list[Timebox]:
        return [row.box for row in self.model.records()]

    def _replace(self, text: str, boxes: list[Timebox]) -> bool:
        library, workshop_id = self.context.library, self.workshop_id
        previous = self._boxes()
        return perform(
            self.context,
            text,
            lambda: agenda.set_agenda(library, workshop_id, boxes),
            lambda: agenda.set_agenda(library, workshop_id, previous),
            {"agenda"},
        )

    def _edit(self, row: AgendaRow, key: str, value: Any) -> bool:
        boxes = self._boxes()
        old = boxes[row.position]
        changed = {"stage": old.stage, "title": old.title, "minutes": old.minutes, key: value}
        boxes[row.position] = Timebox(**changed)
        return self._replace("Edit agenda", boxes)

    def _add_timebox(self) -> Hashable | None:
        boxes = self._boxes()
        chosen = self.selected_records()
        stage = chosen[-1].box.stage if chosen else Stage.CAPTURE
        at = chosen[-1].position + 1 if chosen else len(boxes)
        boxes.insert(at, Timebox(stage, "", 10))
        return at if self._replace("Add timebox", boxes) else None

    def _remove_timeboxes(self, records: list[AgendaRow]) -> None:
        gone = {row.position for row in records}
        kept = [row.box for row in self.model.records() if row.position not in gone]
        self._replace("Remove timebox", kept)
