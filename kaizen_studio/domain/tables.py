"""Every table of a library, in an order where each comes after what it refers to."""

from kaizen_studio.domain.base import metadata
from kaizen_studio.domain.mapping_tables import (
    Behaviour,
    BehaviourTheme,
    Cause,
    CustomFormat,
    Intervention,
    InterventionBehaviour,
    Triage,
)
from kaizen_studio.domain.pdca_tables import ActionItem, Checkpoint, Cycle, Measurement
from kaizen_studio.domain.workshop_tables import (
    AgendaItem,
    Note,
    Outcome,
    Participant,
    Theme,
    Vote,
    Workshop,
)

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Behaviour",
    "BehaviourTheme",
    "Cause",
    "Checkpoint",
    "CustomFormat",
    "Cycle",
    "Intervention",
    "InterventionBehaviour",
    "Measurement",
    "Note",
    "Outcome",
    "Participant",
    "Theme",
    "Triage",
    "Vote",
    "Workshop",
    "metadata",
]
