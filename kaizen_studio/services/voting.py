"""Dot voting, ratings overrides and the choice of themes for mapping.

A dot is one Vote row, on a theme or (when the facilitator allows it) on a
single note of a theme. Budget and mode rules live in domain.voting; this
module applies them to what the library holds. Every edit returns what its
undo needs: a new dot's id, a snapshot of removed dots, or previous values.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain import voting as rules
from kaizen_studio.domain.enums import StakeholderGroup
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.rules import check_rating
from kaizen_studio.domain.tables import Note, Participant, Theme, Vote, Workshop
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.participants import add_participant, list_participants
from kaizen_studio.services.ranking import default_choice, rank_themes
from kaizen_studio.services.records import (
    Cleaner,
    apply_changes,
    belongs,
    fetch,
    fetch_workshop,
    same,
)
from kaizen_studio.services.removal import remove
from kaizen_studio.services.workshops import CLEANERS as WORKSHOP_CLEANERS
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class VoterTally:
    id: int
    label: str
    used: int
    left: int


@dataclass(frozen=True)
class VotingBoard:
    """Where the dots are, and what the room may still place."""

    workshop_id: int
    budget: int
    anonymous: bool
    on_notes: bool
    people: int
    placed: int
    total: int  # people x budget
    voters: list[VoterTally]
    on_themes: dict[int, int]  # dots placed on the theme itself
    on_notes_by_id: dict[int, int]  # dots placed on single notes
    # Named voting: each voter's dots by theme id and by note id.
    voter_themes: dict[int, dict[int, int]] = field(default_factory=dict)
    voter_notes: dict[int, dict[int, int]] = field(default_factory=dict)

    @property
    def left(self) -> int:
        return rules.dots_left(self.total, self.placed)

    def voter(self, voter_id: int) -> VoterTally | None:
        return next((voter for voter in self.voters if voter.id == voter_id), None)


def voting_board(library: Library, workshop_id: int) -> VotingBoard:
    participants = list_participants(library, workshop_id)
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        votes = _votes(session, workshop_id)
    used = Counter(vote.participant_id for vote in votes)
    voter_themes: dict[int, Counter[int]] = {}
    voter_notes: dict[int, Counter[int]] = {}
    for vote in votes:
        if vote.participant_id is None:
            continue
        if vote.theme_id is not None:
            voter_themes.setdefault(vote.participant_id, Counter())[vote.theme_id] += 1
        elif vote.note_id is not None:
            voter_notes.setdefault(vote.participant_id, Counter())[vote.note_id] += 1
    budget = workshop.dot_budget
    return VotingBoard(
        workshop_id=workshop_id,
        budget=budget,
        anonymous=workshop.anonymous_votes,
        on_notes=workshop.votes_on_notes,
        people=len(participants),
        placed=len(votes),
        total=rules.room_total(budget, len(participants)),
        voters=[
            VoterTally(p.id, p.label, used[p.id], rules.dots_left(budget, used[p.id]))
            for p in participants
        ],
        on_themes=dict(Counter(v.theme_id for v in votes if v.theme_id is not None)),
        on_notes_by_id=dict(Counter(v.note_id for v in votes if v.note_id is not None)),
        voter_themes={key: dict(counts) for key, counts in voter_themes.items()},
        voter_notes={key: dict(counts) for key, counts in voter_notes.items()},
    )


def _votes(session: Session, workshop_id: int) -> Sequence[Vote]:
    return session.exec(
        select(Vote).where(col(Vote.workshop_id) == workshop_id).order_by(col(Vote.id))
    ).all()


def _count(session: Session, workshop_id: int, *conditions: Any) -> int:
    query = select(func.count()).where(col(Vote.workshop_id) == workshop_id, *conditions)
    return session.exec(query).one()


def _people(session: Session, workshop_id: int) -> int:
    query = select(func.count()).where(col(Participant.workshop_id) == workshop_id)
    return session.exec(query).one()


# -- placing and taking back dots ---------------------------------------------


def _check_target(
    session: Session, workshop: Workshop, theme_id: int | None, note_id: int | None
) -> None:
    assert workshop.id is not None
    if (theme_id is None) == (note_id is None):
        raise InvalidInput("A dot goes on one theme or on one note.")
    if theme_id is not None:
        belongs(session, Theme, theme_id, workshop.id, "theme")
        return
    assert note_id is not None
    if not workshop.votes_on_notes:
        raise InvalidInput("Dots on single notes are off for this workshop; vote on its themes.")
    belongs(session, Note, note_id, workshop.id, "note")
    if fetch(session, Note, note_id, "note").theme_id is None:
        raise InvalidInput("Put the note in a theme before voting on it.")


def _check_voter(session: Session, workshop: Workshop, voter_id: int | None) -> str:
    """The voter's name for messages; refuse a voter in anonymous mode and none in named."""
    assert workshop.id is not None
    if workshop.anonymous_votes:
        if voter_id is not None:
            raise InvalidInput("Voting is anonymous: dots are placed without a voter.")
        return "The room"
    if voter_id is None:
        if not _people(session, workshop.id):
            raise InvalidInput("List the people in the room first: each of them votes by name.")
        raise InvalidInput("Choose who is voting before placing a dot.")
    belongs(session, Participant, voter_id, workshop.id, "participant")
    row = fetch(session, Participant, voter_id, "participant")
    # As ParticipantInfo.label shows them.
    group = StakeholderGroup(row.stakeholder_group).label
    return row.name or row.role or f"{group} #{row.position + 1}"


def place_dot(
    library: Library,
    workshop_id: int,
    *,
    theme_id: int | None = None,
    note_id: int | None = None,
    voter_id: int | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> int:
    """Place one dot; returns its id. Refused over budget with one sentence."""
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        _check_target(session, workshop, theme_id, note_id)
        voter = _check_voter(session, workshop, voter_id)
        if workshop.anonymous_votes:
            people = _people(session, workshop_id)
            rules.check_anonymous_dot(workshop.dot_budget, people, _count(session, workshop_id))
        else:
            used = _count(session, workshop_id, col(Vote.participant_id) == voter_id)
            rules.check_named_dot(workshop.dot_budget, used, voter)
        row = Vote(
            workshop_id=workshop_id,
            participant_id=voter_id,
            theme_id=theme_id,
            note_id=note_id,
            created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def take_back_dot(
    library: Library,
    workshop_id: int,
    *,
    theme_id: int | None = None,
    note_id: int | None = None,
    voter_id: int | None = None,
) -> Snapshot:
    """Take back the voter's latest dot on a theme or note; the snapshot puts it back."""
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        if (theme_id is None) == (note_id is None):
            raise InvalidInput("A dot comes off one theme or one note.")
        voter = _check_voter(session, workshop, voter_id)
        query = select(Vote.id).where(
            col(Vote.workshop_id) == workshop_id,
            col(Vote.participant_id).is_(None)
            if voter_id is None
            else col(Vote.participant_id) == voter_id,
            col(Vote.theme_id) == theme_id
            if theme_id is not None
            else col(Vote.note_id) == note_id,
        )
        latest = session.exec(query.order_by(col(Vote.id).desc())).first()
    if latest is None:
        where = "that theme" if theme_id is not None else "that note"
        who = "The room has" if voter_id is None else f"{voter} has"
        raise InvalidInput(f"{who} no dot on {where} to take back.")
    return remove(library, "vote", [latest])


def reset_votes(library: Library, workshop_id: int) -> Snapshot:
    """Remove every dot of the workshop; `removal.put_back(snapshot)` undoes it."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        ids = [vote.id for vote in _votes(session, workshop_id) if vote.id is not None]
    return remove(library, "vote", ids)


# -- the voting rules of a workshop -------------------------------------------

VOTING_FIELDS = ("dot_budget", "anonymous_votes", "votes_on_notes")


def update_voting(library: Library, workshop_id: int, **changes: Any) -> dict[str, Any]:
    """Change the dot budget, anonymity or note voting; returns the previous values.

    Refused when the dots already placed would break the new rules."""
    unknown = set(changes) - set(VOTING_FIELDS)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} with update_voting")
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        votes = _votes(session, workshop_id)
        cleaned = {name: WORKSHOP_CLEANERS[name](value) for name, value in changes.items()}
        _check_voting_change(workshop, cleaned, votes, _people(session, workshop_id))
        previous = apply_changes(workshop, cleaned, dict.fromkeys(cleaned, same))
        session.add(workshop)
    return previous


def _check_voting_change(
    workshop: Workshop, changes: dict[str, Any], votes: Sequence[Vote], people: int
) -> None:
    anonymous = changes.get("anonymous_votes", workshop.anonymous_votes)
    if anonymous != workshop.anonymous_votes:
        rules.check_mode_change(len(votes))
    if changes.get("votes_on_notes", True) is False:
        rules.check_note_voting_off(sum(1 for vote in votes if vote.note_id is not None))
    budget = changes.get("dot_budget", workshop.dot_budget)
    per_voter = Counter(vote.participant_id for vote in votes if vote.participant_id is not None)
    rules.check_budget_change(
        budget,
        anonymous=anonymous,
        people=people,
        placed=len(votes),
        most_by_one=rules.most_placed_by_one(per_voter.values()),
    )


def add_unnamed_voters(library: Library, workshop_id: int, count: int) -> list[int]:
    """List `count` more people without names, so a room can vote at once."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 200:
        raise InvalidInput(f"Add from 1 to 200 people at a time, not {count!r}.")
    return [add_participant(library, workshop_id).id for _ in range(count)]


# -- ratings overrides, effort and the choice for mapping ----------------------

THEME_CLEANERS: dict[str, Cleaner] = {
    "impact_override": lambda v: check_rating(v, "Impact"),
    "frequency_override": lambda v: check_rating(v, "Frequency"),
    "effort": lambda v: check_rating(v, "Effort"),
    "selected": bool,
}


def update_priority(library: Library, theme_id: int, **changes: Any) -> dict[str, Any]:
    """Override a theme's impact or frequency (None goes back to the notes' mean), rate
    its effort, or mark it for mapping; returns the previous values (for undo)."""
    with library.session() as session:
        row = fetch(session, Theme, theme_id, "theme")
        previous = apply_changes(row, changes, THEME_CLEANERS)
        session.add(row)
    return previous


def selected_ids(library: Library, workshop_id: int) -> list[int]:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Theme.id).where(col(Theme.workshop_id) == workshop_id, col(Theme.selected))
        ).all()
    return sorted(key for key in rows if key is not None)


def set_selection(library: Library, workshop_id: int, theme_ids: Iterable[int]) -> list[int]:
    """Mark exactly these themes for mapping; returns the ids marked before (for undo)."""
    chosen = set(theme_ids)
    previous = selected_ids(library, workshop_id)
    with library.session() as session:
        themes = session.exec(select(Theme).where(col(Theme.workshop_id) == workshop_id)).all()
        known = {theme.id for theme in themes}
        missing = chosen - known
        if missing:
            raise NotFound(f"There is no theme with id {min(missing)} in this workshop.")
        for theme in themes:
            if theme.selected != (theme.id in chosen):
                theme.selected = theme.id in chosen
                session.add(theme)
    return previous


def select_top(library: Library, workshop_id: int, count: int = 3) -> list[int]:
    """Mark the top `count` themes by score for mapping; returns the previous choice."""
    ranked = rank_themes(library, workshop_id)
    return set_selection(library, workshop_id, default_choice(ranked, count))
