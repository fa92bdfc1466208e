"""Dot voting, overrides and the choice for mapping, on a real library file."""

import pytest
from sqlmodel import select

from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.tables import Note, Theme, Vote
from kaizen_studio.services import voting
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.participants import add_participant
from kaizen_studio.services.ranking import chosen_for_mapping, rank_themes
from kaizen_studio.services.removal import put_back
from kaizen_studio.services.workshops import create_workshop, get_workshop
from kaizen_studio.storage.library import Library


def _theme(library: Library, workshop_id: int, name: str, *ratings: tuple[int, int]) -> int:
    """A theme holding one note per (impact, frequency) rating."""
    with library.session() as session:
        theme = Theme(workshop_id=workshop_id, name=name)
        session.add(theme)
        session.flush()
        for impact, frequency in ratings:
            session.add(
                Note(
                    workshop_id=workshop_id,
                    text=f"{name} note",
                    theme_id=theme.id,
                    impact=impact,
                    frequency=frequency,
                )
            )
        assert theme.id is not None
        return theme.id


@pytest.fixture
def room(library: Library) -> dict[str, int]:
    """A workshop with three people and three themes."""
    workshop = create_workshop(library, "Returns desk")
    ids = {"workshop": workshop.id}
    for name in ("Ana", "Ben", "Chloé"):
        ids[name] = add_participant(library, workshop.id, name=name).id
    ids["labels"] = _theme(library, workshop.id, "Labels", (5, 4), (4, 4))
    ids["scanner"] = _theme(library, workshop.id, "Scanner", (2, 5))
    ids["rota"] = _theme(library, workshop.id, "Rota", (3, 1))
    return ids


def _votes(library: Library, room: dict[str, int]) -> dict[str, int]:
    ranked = rank_themes(library, room["workshop"])
    return {theme.name: theme.votes for theme in ranked}


def test_each_voter_places_their_budget(library: Library, room, clock: FixedClock) -> None:
    wid = room["workshop"]
    for _ in range(3):
        voting.place_dot(library, wid, theme_id=room["labels"], voter_id=room["Ana"], clock=clock)
    with pytest.raises(InvalidInput, match="Ana has placed all 3 dots"):
        voting.place_dot(library, wid, theme_id=room["rota"], voter_id=room["Ana"])
    voting.place_dot(library, wid, theme_id=room["scanner"], voter_id=room["Ben"])
    board = voting.voting_board(library, wid)
    assert [(v.label, v.used, v.left) for v in board.voters] == [
        ("Ana", 3, 0),
        ("Ben", 1, 2),
        ("Chloé", 0, 3),
    ]
    assert board.placed == 4 and board.total == 9 and board.left == 5
    assert board.voter_themes[room["Ana"]] == {room["labels"]: 3}
    assert _votes(library, room) == {"Labels": 3, "Scanner": 1, "Rota": 0}


def test_named_voting_needs_a_voter_of_this_workshop(library: Library, room) -> None:
    wid = room["workshop"]
    with pytest.raises(InvalidInput, match="Choose who is voting"):
        voting.place_dot(library, wid, theme_id=room["labels"])
    other = create_workshop(library, "Elsewhere")
    stranger = add_participant(library, other.id, name="Dev").id
    with pytest.raises(NotFound, match="no participant"):
        voting.place_dot(library, wid, theme_id=room["labels"], voter_id=stranger)
    foreign_theme = _theme(library, other.id, "Not ours")
    with pytest.raises(NotFound, match="no theme"):
        voting.place_dot(library, wid, theme_id=foreign_theme, voter_id=room["Ana"])
    assert _votes(library, room) == {"Labels": 0, "Scanner": 0, "Rota": 0}


def test_take_back_the_voters_own_dot(library: Library, room) -> None:
    wid = room["workshop"]
    voting.place_dot(library, wid, theme_id=room["labels"], voter_id=room["Ana"])
    voting.place_dot(library, wid, theme_id=room["labels"], voter_id=room["Ben"])
    with pytest.raises(InvalidInput, match="Chloé has no dot on that theme"):
        voting.take_back_dot(library, wid, theme_id=room["labels"], voter_id=room["Chloé"])
    snapshot = voting.take_back_dot(library, wid, theme_id=room["labels"], voter_id=room["Ana"])
    board = voting.voting_board(library, wid)
    assert board.voter(room["Ana"]).used == 0 and board.voter(room["Ben"]).used == 1
    put_back(library, snapshot)  # undo
    assert voting.voting_board(library, wid).voter(room["Ana"]).used == 1


def test_anonymous_voting_keeps_only_totals(library: Library, room) -> None:
    wid = room["workshop"]
    voting.update_voting(library, wid, anonymous_votes=True)
    with pytest.raises(InvalidInput, match="Voting is anonymous"):
        voting.place_dot(library, wid, theme_id=room["labels"], voter_id=room["Ana"])
    for _ in range(9):  # 3 people x 3 dots
        voting.place_dot(library, wid, theme_id=room["scanner"])
    with pytest.raises(InvalidInput, match=r"All 9 dots of the room are placed \(3 people"):
        voting.place_dot(library, wid, theme_id=room["rota"])
    with library.session() as session:
        assert {vote.participant_id for vote in session.exec(select(Vote))} == {None}
    board = voting.voting_board(library, wid)
    assert board.placed == 9 and board.left == 0 and board.on_themes == {room["scanner"]: 9}
    voting.take_back_dot(library, wid, theme_id=room["scanner"])
    assert voting.voting_board(library, wid).left == 1


def test_named_voting_waits_for_the_room_to_be_listed(library: Library) -> None:
    workshop = create_workshop(library, "Nobody listed")
    theme = _theme(library, workshop.id, "Anything")
    with pytest.raises(InvalidInput, match="List the people in the room first"):
        voting.place_dot(library, workshop.id, theme_id=theme)


def test_anonymous_voting_waits_for_the_room_to_be_listed(library: Library) -> None:
    workshop = create_workshop(library, "Nobody listed", anonymous_votes=True)
    theme = _theme(library, workshop.id, "Anything")
    with pytest.raises(InvalidInput, match="List the people in the room"):
        voting.place_dot(library, workshop.id, theme_id=theme)
    assert voting.add_unnamed_voters(library, workshop.id, 4)
    voting.place_dot(library, workshop.id, theme_id=theme)
    assert voting.voting_board(library, workshop.id).total == 12
    with pytest.raises(InvalidInput, match="from 1 to 200"):
        voting.add_unnamed_voters(library, workshop.id, 0)


def test_reset_removes_every_dot_and_undo_puts_them_back(library: Library, room) -> None:
    wid = room["workshop"]
    for person in ("Ana", "Ben", "Chloé"):
        voting.place_dot(library, wid, theme_id=room["rota"], voter_id=room[person])
    snapshot = voting.reset_votes(library, wid)
    assert _votes(library, room)["Rota"] == 0
    put_back(library, snapshot)
    board = voting.voting_board(library, wid)
    assert board.on_themes == {room["rota"]: 3}
    assert [v.used for v in board.voters] == [1, 1, 1]  # who voted came back too


def test_rules_change_only_when_the_dots_allow(library: Library, room) -> None:
    wid = room["workshop"]
    for _ in range(3):
        voting.place_dot(library, wid, theme_id=room["labels"], voter_id=room["Ben"])
    with pytest.raises(InvalidInput, match="Someone has already placed 3 dots"):
        voting.update_voting(library, wid, dot_budget=2)
    with pytest.raises(InvalidInput, match="Reset the votes before switching"):
        voting.update_voting(library, wid, anonymous_votes=True)
    with pytest.raises(InvalidInput, match="from 1 to 50"):
        voting.update_voting(library, wid, dot_budget=0)
    assert get_workshop(library, wid).dot_budget == 3
    previous = voting.update_voting(library, wid, dot_budget=5)
    assert previous == {"dot_budget": 3}
    assert voting.voting_board(library, wid).voter(room["Ben"]).left == 2
    voting.update_voting(library, wid, **previous)  # the same call undoes it
    assert get_workshop(library, wid).dot_budget == 3


def test_dots_on_single_notes_count_for_their_theme(library: Library, room) -> None:
    wid = room["workshop"]
    with library.session() as session:
        note = session.exec(select(Note).where(Note.theme_id == room["scanner"])).one()
        loose = Note(workshop_id=wid, text="Not in a theme yet")
        session.add(loose)
        session.flush()
        note_id, loose_id = note.id, loose.id
    with pytest.raises(InvalidInput, match="Dots on single notes are off"):
        voting.place_dot(library, wid, note_id=note_id, voter_id=room["Ana"])
    voting.update_voting(library, wid, votes_on_notes=True)
    voting.place_dot(library, wid, note_id=note_id, voter_id=room["Ana"])
    with pytest.raises(InvalidInput, match="Put the note in a theme"):
        voting.place_dot(library, wid, note_id=loose_id, voter_id=room["Ana"])
    assert _votes(library, room)["Scanner"] == 1
    board = voting.voting_board(library, wid)
    assert board.on_notes_by_id == {note_id: 1} and board.voter_notes[room["Ana"]] == {note_id: 1}
    with pytest.raises(InvalidInput, match="1 dot on single notes"):
        voting.update_voting(library, wid, votes_on_notes=False)


def test_overrides_win_and_stay_marked(library: Library, room) -> None:
    scanner = room["scanner"]
    before = next(t for t in rank_themes(library, room["workshop"]) if t.id == scanner)
    assert (before.impact, before.impact_overridden) == (2.0, False)
    previous = voting.update_priority(library, scanner, impact_override=5, effort=1)
    assert previous == {"impact_override": None, "effort": None}
    after = next(t for t in rank_themes(library, room["workshop"]) if t.id == scanner)
    assert (after.impact, after.impact_overridden, after.impact_from_notes) == (5.0, True, 2.0)
    assert after.effort == 1 and after.score > before.score
    with pytest.raises(InvalidInput, match="Impact must be a whole number from 1 to 5"):
        voting.update_priority(library, scanner, impact_override=6)
    voting.update_priority(library, scanner, **previous)
    assert next(t for t in rank_themes(library, room["workshop"]) if t.id == scanner) == before


def test_select_top_three_and_undo(library: Library, room) -> None:
    wid = room["workshop"]
    fourth = _theme(library, wid, "Unrated")
    voting.update_priority(library, fourth, selected=True)
    # Nothing chosen but one: mapping sees that one.
    assert [t.name for t in chosen_for_mapping(library, wid)] == ["Unrated"]
    voting.update_priority(library, fourth, selected=False)
    # None chosen: the top three by score (unrated counts as the middle, above Rota's 3 x 1).
    assert [t.name for t in chosen_for_mapping(library, wid)] == ["Labels", "Scanner", "Unrated"]
    previous = voting.select_top(library, wid)
    assert previous == []
    top = sorted([room["labels"], room["scanner"], fourth])
    assert voting.selected_ids(library, wid) == top
    assert voting.set_selection(library, wid, previous) == top  # undo hands back the redo
    assert voting.selected_ids(library, wid) == []
    with pytest.raises(NotFound):
        voting.set_selection(library, wid, [9999])
