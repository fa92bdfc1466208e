"""Theme and board use cases: every edit keeps the board tidy, and undo/redo restore it exactly."""

import itertools

import pytest

from kaizen_studio.domain.board import Point, card_rect
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.services import notes, suggestions, themes
from kaizen_studio.services.board import Board, BoardChange, read_board, revert_change
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.ranking import rank_themes
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library


def assert_sound(board: Board) -> None:
    """What a facilitator would call a tidy board: nothing lies on anything else."""
    frames = {frame.id: frame.rect for frame in board.frames}
    for a, b in itertools.combinations(frames.values(), 2):
        assert not a.overlaps(b), (a, b)
    cards = [card for card in board.cards if card.stacked_on_id is None]
    for card in cards:
        rect = card_rect(card.point)
        if card.theme_id is None:
            assert not any(rect.overlaps(f) for f in frames.values()), card
        else:
            frame = frames[card.theme_id]
            assert frame.x < rect.x and rect.right < frame.right, card
            assert frame.y < rect.y and rect.bottom < frame.bottom, card
    for a, b in itertools.combinations([c for c in cards if c.theme_id is not None], 2):
        assert not card_rect(a.point).overlaps(card_rect(b.point)), (a, b)


def _by_name(board: Board) -> dict[str, int]:
    return {frame.name: frame.id for frame in board.frames}


def _members(board: Board, theme_id: int | None) -> set[int]:
    return {card.id for card in board.cards if card.theme_id == theme_id}


def _undo_redo(library: Library, change: BoardChange, workshop_id: int, before: Board) -> None:
    """Undo gives back exactly the board before; redo exactly the board after."""
    after = read_board(library, workshop_id)
    redo = revert_change(library, change)
    assert read_board(library, workshop_id) == before
    revert_change(library, redo)
    assert read_board(library, workshop_id) == after


def test_the_demo_board_is_laid_out_once_and_stored(library_path, clock: FixedClock) -> None:
    from kaizen_studio.services.demo import create_demo

    with open_library(library_path, create=True) as library:
        workshop_id = create_demo(library, clock)
        board = themes.open_board(library, workshop_id)
        assert len(board.frames) == 7 and len(board.cards) == 48
        assert board.unsorted == 7
        assert_sound(board)
        assert themes.open_board(library, workshop_id) == board
    with open_library(library_path) as library:
        assert read_board(library, workshop_id) == board


def test_cards_dragged_into_and_out_of_themes(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    billing = _by_name(board)["Slow billing lookups"]
    loose = sorted(_members(board, None))[:2]
    frame = board.frame(billing).rect
    change = themes.move_on_board(
        library,
        demo_id,
        notes={loose[0]: Point(frame.x + 20, frame.y + 60), loose[1]: Point(frame.x, frame.y)},
        into=billing,
    )
    after = read_board(library, demo_id)
    assert set(loose) <= _members(after, billing)
    assert after.frame(billing).notes == board.frame(billing).notes + 2
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)

    # Out again, dropped on empty board far away: they lie there, unsorted.
    before = read_board(library, demo_id)
    change = themes.move_on_board(
        library, demo_id, notes={loose[0]: Point(-3000.0, 40.0)}, into=None
    )
    moved = next(c for c in read_board(library, demo_id).cards if c.id == loose[0])
    assert moved.theme_id is None and (moved.x, moved.y) == (-3000.0, 40.0)
    _undo_redo(library, change, demo_id, before)


def test_a_card_dropped_on_a_frame_edge_is_put_clear_of_it(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    frame = board.frames[0].rect
    note_id = sorted(_members(board, None))[0]
    themes.move_on_board(library, demo_id, notes={note_id: Point(frame.x - 50, frame.y)}, into=None)
    assert_sound(read_board(library, demo_id))


def test_a_full_frame_grows_and_pushes_the_frames_below_it(library: Library) -> None:
    workshop = create_workshop(library, "Picking")
    ids = [notes.add_note(library, workshop.id, f"Problem {i}").id for i in range(12)]
    top, _ = themes.create_theme(library, workshop.id, "Top", ids[:4], at=Point(0, 0))
    below, _ = themes.create_theme(library, workshop.id, "Below", ids[4:6], at=Point(0, 400))
    before = read_board(library, workshop.id)
    assert before.frame(below).rect.y < 420
    top_rect = before.frame(top).rect
    change = themes.move_on_board(
        library,
        workshop.id,
        notes={key: Point(top_rect.x, top_rect.y) for key in ids[6:]},
        into=top,
    )
    after = read_board(library, workshop.id)
    assert after.frame(top).rect.height > top_rect.height
    assert after.frame(below).rect.y > before.frame(below).rect.y
    assert_sound(after)
    _undo_redo(library, change, workshop.id, before)


def test_a_moved_frame_takes_its_cards_and_lands_on_nothing(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    first, second = board.frames[0], board.frames[1]
    # Dropped right on top of another frame: it lands beside it instead.
    change = themes.move_on_board(
        library, demo_id, frames={first.id: Point(second.rect.x + 10, second.rect.y + 10)}
    )
    after = read_board(library, demo_id)
    moved = after.frame(first.id).rect
    assert moved != first.rect
    assert _members(after, first.id) == _members(board, first.id)
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)


def test_new_theme_from_cards_is_locked_and_undo_removes_it(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    board = themes.open_board(library, demo_id)
    loose = sorted(_members(board, None))[:3]
    key, change = themes.create_theme(library, demo_id, "  Escalations ", loose, clock=clock)
    after = read_board(library, demo_id)
    frame = after.frame(key)
    assert frame.name == "Escalations" and frame.locked and frame.notes == 3
    assert frame.color not in {f.color for f in board.frames}  # a colour of its own
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)
    assert read_board(library, demo_id).frame(key).name == "Escalations"  # same id after redo


def test_rename_recolour_and_lock_refuse_bad_values(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    key = board.frames[0].id
    with pytest.raises(InvalidInput, match="theme name cannot be empty"):
        themes.rename_theme(library, key, "   ")
    with pytest.raises(InvalidInput, match="must look like"):
        themes.recolour_themes(library, [key], "blue")
    with pytest.raises(NotFound, match="no theme with id 999"):
        themes.rename_theme(library, 999, "x")
    change = themes.rename_theme(library, key, "Billing system is slow")
    assert read_board(library, demo_id).frame(key).name == "Billing system is slow"
    _undo_redo(library, change, demo_id, board)
    renamed = read_board(library, demo_id)
    change = themes.lock_themes(library, [key], True)
    assert read_board(library, demo_id).frame(key).locked
    revert_change(library, change)
    assert read_board(library, demo_id) == renamed


def test_merge_moves_cards_and_dots_and_undo_brings_all_back(
    library: Library, demo_id: int
) -> None:
    board = themes.open_board(library, demo_id)
    names = _by_name(board)
    target, other = names["Slow billing lookups"], names["Knowledge base out of date"]
    votes_before = {r.name: r.votes for r in rank_themes(library, demo_id)}
    change = themes.merge_themes(library, [target, other])
    after = read_board(library, demo_id)
    assert other not in {f.id for f in after.frames}
    assert _members(after, target) == _members(board, target) | _members(board, other)
    merged = {r.name: r.votes for r in rank_themes(library, demo_id)}
    assert merged["Slow billing lookups"] == (
        votes_before["Slow billing lookups"] + votes_before["Knowledge base out of date"]
    )
    assert after.frame(target).locked
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)
    revert_change(library, change)
    assert {r.name: r.votes for r in rank_themes(library, demo_id)} == votes_before
    with pytest.raises(InvalidInput, match="two or more"):
        themes.merge_themes(library, [target])


def test_split_by_cards_or_by_meaning(library: Library, demo_id: int, clock: FixedClock) -> None:
    board = themes.open_board(library, demo_id)
    key = _by_name(board)["Slow billing lookups"]
    members = sorted(_members(board, key))
    new_id, change = themes.split_theme(library, key, members[:2], "Payment screens", clock=clock)
    after = read_board(library, demo_id)
    assert _members(after, new_id) == set(members[:2])
    assert after.frame(new_id).name == "Payment screens"
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)
    revert_change(library, change)

    auto_id, _ = themes.split_theme(library, key, clock=clock)
    split = read_board(library, demo_id)
    assert _members(split, auto_id) and _members(split, key)
    assert _members(split, auto_id) | _members(split, key) == set(members)
    assert split.frame(auto_id).name  # named after its own notes
    with pytest.raises(InvalidInput, match="at least one card"):
        themes.split_theme(library, auto_id, sorted(_members(split, auto_id)))


def test_delete_leaves_cards_unsorted_where_they_were(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    key = _by_name(board)["Handle-time pressure"]
    change = themes.delete_themes(library, [key])
    after = read_board(library, demo_id)
    assert key not in {f.id for f in after.frames}
    places = {c.id: c.point for c in board.cards}
    for card in after.cards:
        if card.id in _members(board, key):
            assert card.theme_id is None and card.point == places[card.id]
    _undo_redo(library, change, demo_id, board)


def test_stack_and_unstack_near_duplicates(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    loose = sorted(_members(board, None))
    change = themes.stack_notes(library, loose[0], loose[1:3])
    after = read_board(library, demo_id)
    stacked = [c for c in after.cards if c.stacked_on_id == loose[0]]
    assert {c.id for c in stacked} == set(loose[1:3])
    leader = next(c for c in after.cards if c.id == loose[0])
    assert all(c.point == leader.point for c in stacked)
    _undo_redo(library, change, demo_id, board)
    themes.unstack_notes(library, [loose[0]])
    apart = read_board(library, demo_id)
    assert not any(c.stacked_on_id == loose[0] for c in apart.cards)
    assert_sound(apart)


def test_suggestions_sort_unsorted_notes_and_never_touch_locked_themes(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    board = themes.open_board(library, demo_id)
    unsorted = _members(board, None)
    proposed = suggestions.propose_themes(library, demo_id, suggestions.Scope.UNSORTED)
    assert {k for p in proposed for k in p.note_ids} == unsorted
    assert read_board(library, demo_id) == board  # proposing changes nothing

    locked = {f.id for f in board.frames if f.locked}
    everything = suggestions.propose_themes(library, demo_id, suggestions.Scope.OPEN, n_themes=4)
    in_locked = {c.id for c in board.cards if c.theme_id in locked}
    assert not in_locked & {k for p in everything for k in p.note_ids}
    change = suggestions.apply_suggestions(library, demo_id, everything, clock=clock)
    after = read_board(library, demo_id)
    for key in locked:
        assert _members(after, key) == _members(board, key)
    new = [f for f in after.frames if f.id not in {g.id for g in board.frames}]
    assert len(new) == 4 and not any(f.locked for f in new)
    # Unlocked themes the suggestion emptied are gone, and the new ones fill their room.
    assert {f.id for f in after.frames} == locked | {f.id for f in new}
    assert_sound(after)
    _undo_redo(library, change, demo_id, board)


def test_suggested_themes_fill_the_gaps_on_the_board(library: Library, clock: FixedClock) -> None:
    workshop = create_workshop(library, "Gaps")
    ids = [notes.add_note(library, workshop.id, f"Problem {i}", clock=clock).id for i in range(6)]
    left, _ = themes.create_theme(library, workshop.id, "Left", ids[:2], at=Point(0, 0))
    right, _ = themes.create_theme(library, workshop.id, "Right", ids[2:4], at=Point(1600, 0))
    proposed = [suggestions.ProposedTheme("Middle", tuple(ids[4:]))]
    suggestions.apply_suggestions(library, workshop.id, proposed, clock=clock)
    board = read_board(library, workshop.id)
    middle = next(f for f in board.frames if f.name == "Middle").rect
    assert board.frame(left).rect.right < middle.x and middle.right < board.frame(right).rect.x
    assert middle.y == 0.0  # in the gap on the top row, not beside or below the board
    assert_sound(board)


def test_suggested_themes_take_colours_unlike_the_themes_that_stay(
    library: Library, clock: FixedClock
) -> None:
    workshop = create_workshop(library, "Colours")
    ids = [notes.add_note(library, workshop.id, f"Problem {i}", clock=clock).id for i in range(10)]
    themes.create_theme(library, workshop.id, "Kept", ids[:1], clock=clock)
    for key in ids[1:]:  # nine more themes: every palette colour is now in use once
        themes.create_theme(library, workshop.id, f"T{key}", [key], locked=False, clock=clock)
    proposed = [suggestions.ProposedTheme(f"New {k}", (k,)) for k in ids[1:]]
    suggestions.apply_suggestions(library, workshop.id, proposed, clock=clock)
    board = read_board(library, workshop.id)
    assert len(board.frames) == 10
    assert len({frame.color for frame in board.frames}) == 10  # none shares "Kept"'s colour
    assert_sound(board)


def test_applying_refuses_notes_of_locked_themes(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    locked = next(f for f in board.frames if f.locked)
    taken = tuple(sorted(_members(board, locked.id))[:1])
    with pytest.raises(InvalidInput, match="is locked"):
        suggestions.apply_suggestions(library, demo_id, [suggestions.ProposedTheme("Grab", taken)])
    assert read_board(library, demo_id) == board


def test_stacks_are_offered_and_applied_with_the_themes(
    library: Library, clock: FixedClock
) -> None:
    workshop = create_workshop(library, "Warehouse")
    texts = [
        "Scanner battery dies mid-shift",
        "Scanner battery dies mid shift!",
        "Labels print in the wrong order",
        "Printer jams on thick labels",
        "Forklift booking sheet is always full",
    ]
    ids = [notes.add_note(library, workshop.id, t, clock=clock).id for t in texts]
    stacks = suggestions.propose_stacks(library, workshop.id)
    assert stacks == [(ids[0], ids[1])]
    proposed = [suggestions.ProposedTheme("Scanners", (ids[0], ids[1]))]
    suggestions.apply_suggestions(library, workshop.id, proposed, stacks, clock=clock)
    board = themes.open_board(library, workshop.id)
    second = next(c for c in board.cards if c.id == ids[1])
    assert second.stacked_on_id == ids[0] and second.theme_id is not None
    assert board.frames[0].notes == 2
    assert_sound(board)


def test_new_notes_captured_later_get_a_place_clear_of_the_board(
    library: Library, demo_id: int
) -> None:
    themes.open_board(library, demo_id)
    late = notes.add_note(library, demo_id, "Chat transcripts do not reach the CRM")
    board = themes.open_board(library, demo_id)
    card = next(c for c in board.cards if c.id == late.id)
    assert card.theme_id is None
    assert_sound(board)
    # A note put into a theme on another page comes into that theme's frame.
    key = board.frames[0].id
    notes.update_note(library, late.id, theme_id=key)
    assert_sound(themes.open_board(library, demo_id))


def test_tidy_lays_out_everything_afresh(library: Library, demo_id: int) -> None:
    board = themes.open_board(library, demo_id)
    themes.move_on_board(library, demo_id, notes={board.cards[0].id: Point(9000, 9000)}, into=None)
    change = themes.tidy_board(library, demo_id)
    after = read_board(library, demo_id)
    assert_sound(after)
    assert max(c.x for c in after.cards) < 5000
    revert_change(library, change)
    assert max(c.x for c in read_board(library, demo_id).cards) == 9000
