"""Who is in the room: optional names, roles and stakeholder groups."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_studio.domain.enums import StakeholderGroup
from kaizen_studio.domain.rules import clean_optional_name, clean_text
from kaizen_studio.domain.tables import Participant
from kaizen_studio.services.records import Cleaner, apply_changes, fetch, fetch_workshop
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class ParticipantInfo:
    id: int
    workshop_id: int
    name: str | None
    role: str
    group: StakeholderGroup
    position: int

    @property
    def label(self) -> str:
        """How the participant is shown: name, else role, else their group."""
        return self.name or self.role or f"{self.group.label} #{self.position + 1}"


def _info(row: Participant) -> ParticipantInfo:
    assert row.id is not None
    return ParticipantInfo(
        id=row.id,
        workshop_id=row.workshop_id,
        name=row.name,
        role=row.role,
        group=StakeholderGroup(row.stakeholder_group),
        position=row.position,
    )


CLEANERS: dict[str, Cleaner] = {
    "name": lambda v: clean_optional_name(v, "A participant's name"),
    "role": lambda v: clean_text(v, "A role"),
    "stakeholder_group": lambda v: StakeholderGroup(v).value,
    "position": int,
}


def add_participant(
    library: Library,
    workshop_id: int,
    *,
    name: str | None = None,
    role: str = "",
    group: StakeholderGroup | str = StakeholderGroup.FRONTLINE,
) -> ParticipantInfo:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        count = session.exec(
            select(func.count()).where(col(Participant.workshop_id) == workshop_id)
        ).one()
        row = Participant(workshop_id=workshop_id, position=count)
        apply_changes(row, {"name": name, "role": role, "stakeholder_group": group}, CLEANERS)
        session.add(row)
        session.flush()
        return _info(row)


def list_participants(library: Library, workshop_id: int) -> list[ParticipantInfo]:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Participant)
            .where(col(Participant.workshop_id) == workshop_id)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
        return [_info(row) for row in rows]


def update_participant(library: Library, participant_id: int, **changes: Any) -> dict[str, Any]:
    if "group" in changes:
        changes["stakeholder_group"] = changes.pop("group")
    with library.session() as session:
        row = fetch(session, Participant, participant_id, "participant")
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
    if "stakeholder_group" in previous:
        previous["group"] = previous.pop("stakeholder_group")
    return previous


def delete_participant(library: Library, participant_id: int) -> Snapshot:
    """Their notes stay, without an author; their dots go."""
    return remove(library, "participant", [participant_id])


def group_counts(library: Library, workshop_id: int) -> dict[StakeholderGroup, int]:
    counts = dict.fromkeys(StakeholderGroup, 0)
    for participant in list_participants(library, workshop_id):
        counts[participant.group] += 1
    return counts
